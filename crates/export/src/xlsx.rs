//! XLSX tables: one sheet with a bold header row, numbers stored as numbers, columns sized to fit.

use crate::ExportError;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell of a table: text, a number or a date.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// A number when `text` is only a number that reads one way ("6", "-2", "7,5", "0.25"), else
    /// the text itself: "35%", "12 comuni" and "1.200" (1200 or 1.2?) stay text, so that nothing
    /// typed is lost or misread.
    pub fn number_or_text(text: &str) -> Cell {
        let t = text.trim();
        if t.is_empty() {
            return Cell::Empty;
        }
        let digits = t.strip_prefix('-').unwrap_or(t);
        let separators: Vec<(usize, char)> = digits
            .char_indices()
            .filter(|(_, c)| !c.is_ascii_digit())
            .collect();
        let plain = match separators.as_slice() {
            [] => Some(digits.to_string()),
            [(i, sep @ (',' | '.'))] => {
                let (whole, decimals) = (&digits[..*i], &digits[i + 1..]);
                let grouping =
                    *sep == '.' && decimals.len() == 3 || *sep == ',' && decimals.len() == 3;
                (!whole.is_empty() && !decimals.is_empty() && !grouping)
                    .then(|| format!("{whole}.{decimals}"))
            }
            _ => None,
        };
        match plain.and_then(|p| p.parse::<f64>().ok()) {
            Some(n) if n.is_finite() && digits.len() <= 15 => {
                Cell::Number(if t.starts_with('-') { -n } else { n })
            }
            _ => Cell::Text(text.to_string()),
        }
    }

    /// A date when `text` is an ISO date (YYYY-MM-DD) that spreadsheets can hold (years
    /// 1900-9999), else the text itself.
    pub fn date_or_text(text: &str) -> Cell {
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(d) if (1900..=9999).contains(&d.year()) => Cell::Date(d),
            Ok(_) => Cell::Text(text.to_string()),
            Err(_) if text.trim().is_empty() => Cell::Empty,
            Err(_) => Cell::Text(text.to_string()),
        }
    }

    /// How wide the cell's longest line is, in characters.
    fn width(&self) -> usize {
        match self {
            Cell::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Cell::Number(n) => n.to_string().len(),
            Cell::Date(_) => 10,
            Cell::Empty => 0,
        }
    }
}

/// A sheet name as spreadsheets accept it: without `[]:*?/\`, at most 31 characters.
pub(crate) fn sheet_name(name: &str) -> String {
    let name: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    let name = name.trim_matches('\'').trim().to_string();
    if name.is_empty() {
        "Ponte".into()
    } else {
        name
    }
}

/// Column widths that fit the columns' contents, between 8 and 50 characters (longer text
/// wraps).
pub(crate) fn widths(rows: &[Vec<Cell>]) -> Vec<f64> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..columns)
        .map(|c| {
            let widest = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(Cell::width)
                .max()
                .unwrap_or(0);
            (widest + 2).clamp(8, 50) as f64
        })
        .collect()
}

/// Writes `date` to a cell with a day format.
pub(crate) fn write_date(
    ws: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    date: NaiveDate,
    format: &Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let day = ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
    ws.write_datetime_with_format(r, c, &day, format)?;
    Ok(())
}

/// Writes one sheet called `sheet` with `header` and `rows`.
pub fn table(sheet: &str, header: &[&str], rows: &[Vec<Cell>]) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(sheet))
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
                Cell::Date(d) => write_date(ws, r, c, *d, &date).map_err(err)?,
                Cell::Empty => {}
            }
        }
    }
    let mut all = vec![header.iter().map(|h| Cell::Text(h.to_string())).collect()];
    all.extend(rows.iter().cloned());
    for (c, width) in widths(&all).into_iter().enumerate() {
        ws.set_column_width(c as u16, width).map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_spreadsheets_cannot_hold_stay_text() {
        assert!(matches!(Cell::date_or_text("2027-06-30"), Cell::Date(_)));
        for odd in ["1850-06-30", "0999-12-31"] {
            assert!(matches!(Cell::date_or_text(odd), Cell::Text(ref t) if t == odd));
            let bytes = table("Dates", &["Date"], &[vec![Cell::date_or_text(odd)]]);
            assert!(bytes.is_ok(), "{odd}");
        }
    }

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
