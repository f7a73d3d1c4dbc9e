//! The IATI OrganisationType codelist (2.03): the codes a partner's organisation type is chosen
//! from, with the codelist's English names. The interface names them by the message keys
//! `org-type-<code>` in every language; a test checks the list against the official file.

/// `(code, English name)`, in the codelist's order.
pub const CODES: &[(&str, &str)] = &[
    ("10", "Government"),
    ("11", "Local Government"),
    ("15", "Other Public Sector"),
    ("21", "International NGO"),
    ("22", "National NGO"),
    ("23", "Regional NGO"),
    ("24", "Partner Country based NGO"),
    ("30", "Public Private Partnership"),
    ("40", "Multilateral"),
    ("60", "Foundation"),
    ("70", "Private Sector"),
    ("71", "Private Sector in Provider Country"),
    ("72", "Private Sector in Aid Recipient Country"),
    ("73", "Private Sector in Third Country"),
    ("80", "Academic, Training and Research"),
    ("90", "Other"),
];

/// Whether `code` is in the codelist.
pub fn is_code(code: &str) -> bool {
    CODES.iter().any(|(c, _)| *c == code)
}

/// The message key naming `code`.
pub fn message(code: &str) -> String {
    format!("org-type-{code}")
}

/// The type a registry organisation most likely has, from its family and kind: Italian
/// administrations and foreign local governments are local government (11), a foreign central
/// government is government (10), universities 80, NGOs and associations national NGOs (22),
/// foundations 60, businesses private sector (70), international bodies multilateral (40).
/// Only a suggestion the author can change.
pub fn suggested(category: &str, pa_kind: Option<&str>, kind: Option<&str>) -> &'static str {
    match (category, pa_kind, kind) {
        ("italian_pa", Some("altra_pa"), _) => "15",
        ("italian_pa", _, _) => "11",
        (_, _, Some("central_government")) => "10",
        (_, _, Some("local_government")) => "11",
        (_, _, Some("agency" | "public_body" | "chamber_of_commerce")) => "15",
        (_, _, Some("university")) => "80",
        (_, _, Some("ngo" | "association" | "trade_union")) => "22",
        (_, _, Some("foundation")) => "60",
        (_, _, Some("business")) => "70",
        (_, _, Some("international")) => "40",
        _ => "90",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list must be the official codelist: same codes, same order, same English names.
    #[test]
    fn matches_the_official_codelist() {
        let Some(bytes) = crate::test_data::official("iati/codelists/OrganisationType.xml") else {
            return;
        };
        let xml = String::from_utf8(bytes).unwrap();
        let official: Vec<(String, String)> = xml
            .split("<codelist-item>")
            .skip(1)
            .map(|item| {
                let code = item
                    .split("<code>")
                    .nth(1)
                    .and_then(|s| s.split("</code>").next())
                    .unwrap()
                    .trim()
                    .to_string();
                let name = item
                    .split("<name>")
                    .nth(1)
                    .and_then(|s| s.split("<narrative>").nth(1))
                    .and_then(|s| s.split("</narrative>").next())
                    .unwrap()
                    .trim()
                    .to_string();
                (code, name)
            })
            .collect();
        let ours: Vec<(String, String)> = CODES
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect();
        assert_eq!(official, ours);
    }

    #[test]
    fn suggestions_are_codes() {
        for (cat, pa, kind) in [
            ("italian_pa", Some("comune"), None),
            ("italian_pa", Some("altra_pa"), None),
            ("foreign_partner", None, Some("local_government")),
            ("local_actor", None, Some("association")),
            ("local_actor", None, Some("unknown")),
        ] {
            assert!(is_code(suggested(cat, pa, kind)));
        }
        assert_eq!(suggested("italian_pa", Some("comune"), None), "11");
        assert_eq!(suggested("local_actor", None, Some("university")), "80");
    }
}
