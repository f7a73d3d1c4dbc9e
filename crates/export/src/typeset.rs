//! Typesetting with typst: one source, the bundled fonts only (the output does not depend on the
//! machine's fonts), a fixed date, PDF/A-2b.

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

/// The bundled fonts, read once.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        (LazyHash::new(book), fonts)
    })
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
