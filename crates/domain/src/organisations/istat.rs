//! Reading the ISTAT list of Italian municipalities exactly as ISTAT publishes it:
//! `;`-separated, UTF-8 with a byte-order mark, CRLF line ends, quoted headers that span lines.
//! Columns are found by their header so that editions with added or moved columns still read.

use serde::Serialize;
use std::collections::HashSet;

/// One municipality of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    /// Six-digit alphanumeric ISTAT code, e.g. `065116`.
    pub istat_code: String,
    pub name: String,
    pub region_code: String,
    pub region_name: String,
    /// Code and name of the province, metropolitan city or free consortium.
    pub supra_code: String,
    pub supra_name: String,
    pub car_plate: String,
    pub cadastral_code: String,
    pub is_capital: bool,
}

/// A row that could not be read, by its line number in the file (the first line is 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The header prefixes of the columns the importer needs, in the order of `Columns`.
const WANTED: [&str; 9] = [
    "codice regione",
    "codice dell'unità territoriale sovracomunale",
    "codice comune formato alfanumerico",
    "denominazione in italiano",
    "denominazione regione",
    "denominazione dell'unità territoriale sovracomunale",
    "flag comune capoluogo",
    "sigla automobilistica",
    "codice catastale del comune",
];

fn normalise_header(h: &str) -> String {
    h.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Parses the whole file. Either every row is good and all municipalities are returned, or the
/// list of bad rows is: an import never takes half a file.
pub fn parse(bytes: &[u8]) -> Result<Vec<Municipality>, Vec<RowError>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .has_headers(false)
        .from_reader(body);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => {
            return Err(vec![RowError {
                line: 1,
                message: "the file has no header row".into(),
            }])
        }
    };
    if header.iter().any(|f| std::str::from_utf8(f).is_err()) {
        return Err(vec![RowError {
            line: 1,
            message: "the header is not valid UTF-8: the list is published in UTF-8 (was it saved \
                      in another encoding?)"
                .into(),
        }]);
    }
    let columns = header.len();
    let header: Vec<String> = header
        .iter()
        .map(|f| normalise_header(&String::from_utf8_lossy(f)))
        .collect();
    let mut index = [0usize; 9];
    let mut missing = Vec::new();
    for (slot, wanted) in WANTED.iter().enumerate() {
        match header.iter().position(|h| h.starts_with(wanted)) {
            Some(i) => index[slot] = i,
            None => missing.push(*wanted),
        }
    }
    if !missing.is_empty() {
        return Err(vec![RowError {
            line: 1,
            message: format!("missing columns: {}", missing.join(", ")),
        }]);
    }
    // Line numbers are counted here from byte offsets, so that newlines inside quoted fields
    // (the official header has two) count as the user's editor counts them.
    let newlines: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_at = |byte: u64| -> u64 {
        // A record's position may point at the line end that precedes it.
        let mut start = byte as usize;
        while body.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        newlines.partition_point(|&i| i < start) as u64 + 1
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte())).unwrap_or(0);
                errors.push(RowError {
                    line,
                    message: format!("unreadable row: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map(|p| line_at(p.byte())).unwrap_or(0);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        // Every row of the list has the header's columns: one with fewer or more was cut short
        // (a truncated download) or shifted, and its values cannot be trusted.
        if record.len() != columns {
            errors.push(RowError {
                line,
                message: format!(
                    "the row has {} columns, the header has {columns}",
                    record.len()
                ),
            });
            continue;
        }
        match read_row(&record, &index) {
            Ok(m) => {
                if seen.insert(m.istat_code.clone()) {
                    out.push(m);
                } else {
                    errors.push(RowError {
                        line,
                        message: format!("municipality {} appears twice", m.istat_code),
                    });
                }
            }
            Err(message) => errors.push(RowError { line, message }),
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push(RowError {
            line: 2,
            message: "the file lists no municipality".into(),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn read_row(record: &csv::ByteRecord, index: &[usize; 9]) -> Result<Municipality, String> {
    let field = |slot: usize| -> Result<String, String> {
        let raw = record
            .get(index[slot])
            .ok_or_else(|| format!("column '{}' is missing", WANTED[slot]))?;
        let text = std::str::from_utf8(raw)
            .map_err(|_| format!("column '{}' is not valid UTF-8", WANTED[slot]))?;
        Ok(text.trim().to_string())
    };
    let digits = |value: &str, n: usize, what: &str| -> Result<(), String> {
        if value.len() == n && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(())
        } else {
            Err(format!("{what} '{value}' is not {n} digits"))
        }
    };
    let region_code = field(0)?;
    digits(&region_code, 2, "region code")?;
    let supra_code = field(1)?;
    digits(&supra_code, 3, "province code")?;
    let istat_code = field(2)?;
    digits(&istat_code, 6, "municipality code")?;
    let name = field(3)?;
    if name.is_empty() || name.chars().count() > 200 {
        return Err("the municipality name is empty or too long".into());
    }
    let region_name = field(4)?;
    let supra_name = field(5)?;
    if region_name.is_empty() || supra_name.is_empty() {
        return Err("the region or province name is empty".into());
    }
    let is_capital = match field(6)?.as_str() {
        "1" => true,
        "0" => false,
        other => return Err(format!("capital flag '{other}' is neither 0 nor 1")),
    };
    let car_plate = field(7)?;
    if car_plate.len() != 2 || !car_plate.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "car plate '{car_plate}' is not two capital letters"
        ));
    }
    let cadastral_code = field(8)?;
    let cb = cadastral_code.as_bytes();
    if cb.len() != 4 || !cb[0].is_ascii_uppercase() || !cb[1..].iter().all(u8::is_ascii_digit) {
        return Err(format!(
            "cadastral code '{cadastral_code}' is not a letter and three digits"
        ));
    }
    Ok(Municipality {
        istat_code,
        name,
        region_code,
        region_name,
        supra_code,
        supra_name,
        car_plate,
        cadastral_code,
        is_capital,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "\u{feff}Codice Regione;\"Codice dell'Unità territoriale sovracomunale \n(valida a fini statistici)\";Codice Provincia (Storico)(1);Progressivo del Comune (2);Codice Comune formato alfanumerico;Denominazione (Italiana e straniera);Denominazione in italiano;Denominazione altra lingua;Codice Ripartizione Geografica;Ripartizione geografica;Denominazione regione;\"Denominazione dell'Unità territoriale sovracomunale \n(valida a fini statistici)\";Flag Comune capoluogo di provincia/città metropolitana/libero consorzio;Sigla automobilistica;Codice Comune formato numerico;Codice Catastale del comune\r\n";

    fn row(code: &str, name: &str, plate: &str) -> String {
        format!(
            "15;065;065;116;{code};{name};{name};;4;Sud;Campania;Salerno;1;{plate};65116;H703\r\n"
        )
    }

    #[test]
    fn reads_the_official_layout() {
        let text = format!("{HEADER}{}", row("065116", "Salerno", "SA"));
        let list = parse(text.as_bytes()).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].istat_code, "065116");
        assert_eq!(list[0].supra_name, "Salerno");
        assert!(list[0].is_capital);
        assert_eq!(list[0].cadastral_code, "H703");
    }

    #[test]
    fn reports_bad_rows_by_line() {
        // The header spans lines 1-3; rows start on line 4.
        let text = format!(
            "{HEADER}{}{}{}",
            row("065116", "Salerno", "SA"),
            row("65116", "Salerno", "SA"),
            row("065117", "Altro", "s4")
        );
        let errors = parse(text.as_bytes()).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, 5);
        assert!(errors[0].message.contains("municipality code"));
        assert_eq!(errors[1].line, 6);
    }

    #[test]
    fn refuses_duplicates_invalid_utf8_and_missing_columns() {
        let dup = format!(
            "{HEADER}{}{}",
            row("065116", "Salerno", "SA"),
            row("065116", "Salerno", "SA")
        );
        assert!(parse(dup.as_bytes()).unwrap_err()[0]
            .message
            .contains("twice"));
        let mut bytes = HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(b"15;065;065;116;065116;Sal\xe9rno;Sal\xe9rno;;4;Sud;Campania;Salerno;1;SA;65116;H703\r\n");
        assert!(parse(&bytes).unwrap_err()[0].message.contains("UTF-8"));
        assert!(parse(b"a;b;c\r\n1;2;3\r\n").unwrap_err()[0]
            .message
            .contains("missing columns"));
        assert!(parse(b"").is_err());
    }

    #[test]
    fn refuses_a_row_cut_short_and_a_header_in_another_encoding() {
        // A download that stopped in the middle of its last row: the columns the importer
        // reads are all there, but the row is not whole.
        let whole = format!("{HEADER}{}", row("065116", "Salerno", "SA"));
        let cut = &whole[..whole.len() - 12];
        let errors = parse(cut.as_bytes()).unwrap_err();
        assert_eq!(errors[0].line, 4);
        assert_eq!(
            errors[0].message,
            "the row has 15 columns, the header has 16"
        );
        let longer = whole.replace("\r\n15;", "\r\n15;;");
        assert!(parse(longer.as_bytes()).unwrap_err()[0]
            .message
            .contains("17 columns"));
        let latin1: Vec<u8> = whole
            .chars()
            .filter(|c| *c != '\u{feff}')
            .map(|c| c as u32 as u8)
            .collect();
        let errors = parse(&latin1).unwrap_err();
        assert_eq!(errors[0].line, 1);
        assert!(errors[0].message.contains("not valid UTF-8"), "{errors:?}");
    }

    /// The real file.
    #[test]
    fn reads_the_real_file() {
        let Some(bytes) = crate::test_data::official("istat/Elenco-comuni-italiani.csv") else {
            return;
        };
        let list = parse(&bytes).unwrap_or_else(|e| panic!("{:?}", &e[..e.len().min(5)]));
        // 7,905 lines: the header and 7,904 municipalities.
        assert_eq!(list.len(), 7904);
        let rome = list.iter().find(|m| m.istat_code == "058091").unwrap();
        assert_eq!(rome.name, "Roma");
        assert_eq!(rome.cadastral_code, "H501");
    }
}
