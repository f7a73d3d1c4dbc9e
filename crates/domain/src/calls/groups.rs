//! The country groups calls count partners by. Membership follows the programmes' own terms:
//! `erdf` the EU member states (Interreg's ERDF partners), `ipa` the beneficiaries of the
//! Instrument for Pre-accession Assistance, `mpc` the Mediterranean Partner Countries of NEXT MED,
//! `wb` the Western Balkans as the programme defines them.
//!
//! How sure: the EU member states are the 27 of 2020 onwards [src]; the IPA III beneficiaries
//! (the six Western Balkans and Türkiye) [src]; the Mediterranean Partner Countries are the
//! programme's South Mediterranean list without Türkiye [unverified: check each call's list of
//! participating countries before relying on it].

/// The groups, in the order forms list them.
pub const GROUPS: &[&str] = &["erdf", "ipa", "mpc", "wb"];

/// The 27 EU member states.
pub const EU: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// IPA III beneficiaries.
pub const IPA: &[&str] = &["AL", "BA", "ME", "MK", "RS", "TR", "XK"];

/// Mediterranean Partner Countries.
pub const MPC: &[&str] = &["DZ", "EG", "IL", "JO", "LB", "LY", "MA", "PS", "SY", "TN"];

/// The countries of `group`; empty for an unknown group.
pub fn countries(group: &str) -> &'static [&'static str] {
    match group {
        "erdf" => EU,
        "ipa" => IPA,
        "mpc" => MPC,
        "wb" => crate::organisations::countries::WESTERN_BALKANS,
        _ => &[],
    }
}

/// Whether a partner from `country` counts for `group`.
pub fn contains(group: &str, country: &str) -> bool {
    countries(group).contains(&country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_has_known_countries() {
        for g in GROUPS {
            assert!(!countries(g).is_empty(), "{g}");
            for c in countries(g) {
                assert!(crate::organisations::countries::is_code(c), "{g} {c}");
            }
        }
        assert!(countries("nope").is_empty());
    }

    #[test]
    fn membership() {
        assert!(contains("erdf", "IT"));
        assert!(contains("ipa", "AL"));
        assert!(!contains("erdf", "AL"));
        assert!(contains("mpc", "TN"));
        assert!(!contains("mpc", "IT"));
        assert!(contains("wb", "XK"));
    }
}
