//! Typesetting with typst: one source, the embedded fonts only (the output does not depend on the
//! machine's fonts), a fixed date, PDF/A-2b.
//!
//! The fonts form a fallback chain: typst's Libertinus Serif (Latin, Greek, Cyrillic), then Noto
//! Naskh Arabic, Noto Sans Hebrew, a subset of Noto Sans CJK SC (the first levels of GB 2312,
//! JIS X 0208 and KS X 1001: the everyday hanzi, kanji, kana and hangul) and the monochrome Noto
//! Emoji (see `fonts/README.md`). A character that no embedded font holds is replaced by U+FFFD
//! (a visible mark) before typesetting, so that any text a person can type gives a PDF.

use crate::ExportError;
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts Ponte embeds besides typst's own, in fallback order.
const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoSansHebrew-Regular.ttf"),
    include_bytes!("../fonts/NotoSansCJKsc-Regular-subset.otf"),
    include_bytes!("../fonts/NotoEmoji-Regular.ttf"),
];

/// The fallback chain as a typst array of family names.
pub(crate) const FAMILIES: &str = r#"("Libertinus Serif", "Noto Naskh Arabic", "Noto Sans Hebrew", "Noto Sans CJK SC", "Noto Emoji", "DejaVu Sans Mono")"#;

/// What stands for a character that no embedded font has.
pub(crate) const MISSING: char = '\u{FFFD}';

/// The embedded fonts, read once.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .chain(EMBEDDED)
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        (LazyHash::new(book), fonts)
    })
}

/// Whether some embedded font draws `c`, or `c` draws nothing (spaces, joiners and variation
/// selectors, which shaping handles without a glyph of their own).
pub(crate) fn covered(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
        || fonts()
            .1
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
}

/// `text` with every character that no embedded font draws replaced by [`MISSING`].
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            _ if covered(c) => Some(c),
            // A skin tone only modifies the emoji before it, which shows without it.
            '\u{1F3FB}'..='\u{1F3FF}' => None,
            _ => Some(MISSING),
        })
        .collect()
}

/// A typst string literal holding `text`, with what no embedded font draws replaced (so that no
/// name can inject markup, and no character can stop the typesetting).
pub(crate) fn literal(text: &str) -> String {
    escaped(&printable(text))
}

/// A typst string literal holding `text` as it is, for metadata (which draws no glyph).
pub(crate) fn metadata(text: &str) -> String {
    escaped(text)
}

fn escaped(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// The world a document is typeset in: one source, the bundled fonts, a fixed date.
struct OneSource {
    main: Source,
    today: NaiveDate,
}

impl World for OneSource {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        Datetime::from_ymd(
            self.today.year(),
            self.today.month() as u8,
            self.today.day() as u8,
        )
    }
}

/// Typesets the typst `source` (named `name` in messages) as PDF/A-2b dated `today`.
pub(crate) fn pdf(name: &str, source: String, today: NaiveDate) -> Result<Vec<u8>, ExportError> {
    let world = OneSource {
        main: Source::new(FileId::new(None, VirtualPath::new(name)), source),
        today,
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|e| ExportError::Typeset(format!("{e:?}")))?;
    let standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b])
        .map_err(|e| ExportError::Typeset(e.to_string()))?;
    let options = typst_pdf::PdfOptions {
        standards,
        ..Default::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|e| ExportError::Typeset(format!("{e:?}")))
}
