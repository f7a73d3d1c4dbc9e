//! Uploaded files: the type a file may be, decided by the extension of its name and confirmed by
//! its first bytes (a file whose content does not match its name is refused), and a safe display
//! name (the last path component, no control characters). Files are stored under keys the server
//! generates, so the name is only ever metadata.

/// The content type of an uploaded file whose extension is in `allowed` and whose bytes look
/// like that type; `None` when either check fails.
pub fn content_type(name: &str, bytes: &[u8], allowed: &[&str]) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    if !allowed.contains(&ext.as_str()) {
        return None;
    }
    let zip = bytes.starts_with(b"PK\x03\x04");
    let text = std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0);
    match ext.as_str() {
        "pdf" if bytes.starts_with(b"%PDF-") => Some("application/pdf"),
        "docx" if zip => {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        "xlsx" if zip => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "pptx" if zip => {
            Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
        }
        "odt" if zip => Some("application/vnd.oasis.opendocument.text"),
        "ods" if zip => Some("application/vnd.oasis.opendocument.spreadsheet"),
        "odp" if zip => Some("application/vnd.oasis.opendocument.presentation"),
        "txt" if text => Some("text/plain; charset=utf-8"),
        "md" if text => Some("text/markdown; charset=utf-8"),
        "html" | "htm" if text => Some("text/html; charset=utf-8"),
        "png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => Some("image/png"),
        "jpg" | "jpeg" if bytes.starts_with(b"\xFF\xD8\xFF") => Some("image/jpeg"),
        _ => None,
    }
}

/// The longest file name kept, in characters.
pub const MAX_NAME: usize = 200;

/// Keeps the last path component of an uploaded file's name, without control characters,
/// bidirectional overrides and isolates (which would show the name reversed, hiding its real
/// extension) or leading dots, at most `MAX_NAME` characters: a longer name is shortened in its
/// stem, keeping its extension, so that its type is still recognised.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    if trimmed.is_empty() {
        return "file".into();
    }
    if trimmed.chars().count() <= MAX_NAME {
        return trimmed.to_string();
    }
    let (stem, extension) = match trimmed.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && (1..=10).contains(&ext.chars().count()) => {
            (stem, Some(ext))
        }
        _ => (trimmed, None),
    };
    match extension {
        Some(ext) => {
            let keep = MAX_NAME - 1 - ext.chars().count();
            let stem: String = stem.chars().take(keep).collect();
            format!("{}.{ext}", stem.trim_end())
        }
        None => stem
            .chars()
            .take(MAX_NAME)
            .collect::<String>()
            .trim_end()
            .to_string(),
    }
}

/// The invisible characters that change the direction text is shown in.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A byte range that lies outside the file (answered with 416).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsatisfiable;

/// A single byte range of a file of `len` bytes asked for with an HTTP `Range` header:
/// `Ok(None)` when the header is absent or not one the server honours (the whole file is sent),
/// `Ok(Some((first, last)))` inclusive, `Err(Unsatisfiable)` when it cannot be satisfied (416).
pub fn byte_range(header: Option<&str>, len: u64) -> Result<Option<(u64, u64)>, Unsatisfiable> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        // Several ranges: answered with the whole file, which the standard allows.
        return Ok(None);
    }
    let (a, b) = spec.split_once('-').ok_or(Unsatisfiable)?;
    let (a, b) = (a.trim(), b.trim());
    let range = if a.is_empty() {
        let n: u64 = b.parse().map_err(|_| Unsatisfiable)?;
        if n == 0 || len == 0 {
            return Err(Unsatisfiable);
        }
        (len.saturating_sub(n), len - 1)
    } else {
        let first: u64 = a.parse().map_err(|_| Unsatisfiable)?;
        let last: u64 = if b.is_empty() {
            len.saturating_sub(1)
        } else {
            b.parse::<u64>()
                .map_err(|_| Unsatisfiable)?
                .min(len.saturating_sub(1))
        };
        if first >= len || last < first {
            return Err(Unsatisfiable);
        }
        (first, last)
    };
    Ok(Some(range))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[&str] = &["pdf", "docx", "txt", "md", "html", "png"];

    #[test]
    fn type_needs_name_and_content_to_agree() {
        assert_eq!(
            content_type("a.PDF", b"%PDF-1.7", ALL),
            Some("application/pdf")
        );
        assert_eq!(content_type("a.pdf", b"PK\x03\x04", ALL), None);
        assert_eq!(content_type("a.docx", b"%PDF-1.7", ALL), None);
        assert_eq!(content_type("a.txt", b"ciao\0", ALL), None);
        assert_eq!(content_type("a.exe", b"MZ", ALL), None);
        assert_eq!(content_type("noext", b"ciao", ALL), None);
        assert_eq!(
            content_type("a.odt", b"PK\x03\x04", ALL),
            None,
            "not allowed here"
        );
    }

    #[test]
    fn names_lose_their_paths() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("C:\\Users\\x\\piano.docx"), "piano.docx");
        assert_eq!(clean_name("..\u{0}"), "file");
        assert_eq!(clean_name(".htaccess"), "htaccess");
        // A right-to-left override would show "invoice_cod.exe" as "invoice_exe.doc".
        assert_eq!(clean_name("invoice_\u{202E}cod.exe"), "invoice_cod.exe");
        assert_eq!(clean_name("\u{2067}piano\u{2069}.pdf"), "piano.pdf");
        // A long name is shortened in its stem and keeps its extension.
        let long = format!("{}.pdf", "relazione ".repeat(40));
        let kept = clean_name(&long);
        assert!(kept.chars().count() <= MAX_NAME, "{kept}");
        assert!(
            kept.ends_with("relazione.pdf") || kept.ends_with(".pdf"),
            "{kept}"
        );
        assert!(!kept.contains(" .pdf"));
        let no_extension = "x".repeat(300);
        assert_eq!(clean_name(&no_extension).chars().count(), MAX_NAME);
    }

    #[test]
    fn ranges() {
        assert_eq!(byte_range(None, 10), Ok(None));
        assert_eq!(byte_range(Some("bytes=0-3"), 10), Ok(Some((0, 3))));
        assert_eq!(byte_range(Some("bytes=5-"), 10), Ok(Some((5, 9))));
        assert_eq!(byte_range(Some("bytes=-4"), 10), Ok(Some((6, 9))));
        assert_eq!(byte_range(Some("bytes=8-100"), 10), Ok(Some((8, 9))));
        assert_eq!(byte_range(Some("bytes=0-1,4-5"), 10), Ok(None));
        assert_eq!(byte_range(Some("items=0-1"), 10), Ok(None));
        assert_eq!(byte_range(Some("bytes=10-"), 10), Err(Unsatisfiable));
        assert_eq!(byte_range(Some("bytes=4-2"), 10), Err(Unsatisfiable));
        assert_eq!(byte_range(Some("bytes=x-"), 10), Err(Unsatisfiable));
        assert_eq!(byte_range(Some("bytes=-0"), 10), Err(Unsatisfiable));
    }
}
