//! Writers that turn Ponte's data into files: CSV tables (UTF-8 with a byte-order mark and `;`
//! separators, as Italian spreadsheet users expect) and iCalendar feeds.

pub mod atom;
pub mod certificate;
pub mod iati;
pub mod ical;
pub mod product;
pub mod proposal;
mod typeset;
pub mod xlsx;

/// Errors while writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("CSV: {0}")]
    Io(#[from] std::io::Error),
    #[error("XLSX: {0}")]
    Xlsx(String),
    #[error("typesetting: {0}")]
    Typeset(String),
}

/// Writes a table with its header row as CSV.
pub fn csv_table<R, F>(header: &[&str], rows: R) -> Result<Vec<u8>, ExportError>
where
    R: IntoIterator<Item = Vec<F>>,
    F: AsRef<str>,
{
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer.write_record(header)?;
        for row in rows {
            writer.write_record(row.iter().map(|f| neutralise(f.as_ref())))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// Spreadsheets run cells that start with `=`, `+`, `-` or `@` as formulas: such cells get a
/// leading apostrophe so that an export never carries a formula someone typed in a form.
fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_semicolon_csv_with_bom() {
        let bytes = csv_table(
            &["nome", "regione"],
            vec![
                vec!["Provincia di Salerno", "Campania"],
                vec!["=HYPERLINK(1)", "a;b"],
            ],
        )
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}nome;regione\r\nProvincia di Salerno;Campania\r\n'=HYPERLINK(1);\"a;b\"\r\n"
        );
    }
}
