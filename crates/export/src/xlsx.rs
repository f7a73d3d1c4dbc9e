//! XLSX tables: one sheet with a bold header row, numbers stored as numbers, columns sized to fit.

use crate::ExportError;
use rust_xlsxwriter::{Format, Workbook};

/// A cell of a table: text or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// Writes one sheet called `sheet` with `header` and `rows`.
pub fn table(sheet: &str, header: &[&str], rows: &[Vec<Cell>]) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = book.add_worksheet();
    let name: String = sheet
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    ws.set_name(if name.is_empty() { "Ponte" } else { &name })
        .map_err(|e| ExportError::Xlsx(e.to_string()))?;
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Xlsx(e.to_string());
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = (r + 1) as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                // Text is written as text: a leading "=" never becomes a formula.
                Cell::Text(t) => ws.write_string(r, c, t).map(|_| ()).map_err(err)?,
                Cell::Number(n) => ws.write_number(r, c, *n).map(|_| ()).map_err(err)?,
                Cell::Empty => {}
            }
        }
    }
    ws.autofit();
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_zip_with_the_sheet() {
        let bytes = table(
            "Presenze",
            &["Nome", "Ore"],
            &[vec![Cell::Text("=1+1".into()), Cell::Number(7.5)]],
        )
        .unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }
}
