//! The message keys the budget and its rule checker use, with the arguments each takes. They
//! are not in the interface's Fluent files yet: the budget screens will add them (it, en, fr)
//! when they show these messages; [`ALL`] lists every key for the test that will check them.

/// Nothing was typed.
pub const ERROR_EMPTY: &str = "budget-error-empty";
/// The text is not a number as people write them.
pub const ERROR_NOT_A_NUMBER: &str = "budget-error-not-a-number";
/// A negative amount, quantity, rate or share.
pub const ERROR_NEGATIVE: &str = "budget-error-negative";
/// More decimals than the value allows. Args: `max`.
pub const ERROR_TOO_MANY_DECIMALS: &str = "budget-error-too-many-decimals";
/// An amount, a line or a total too large to be kept exactly.
pub const ERROR_OVERFLOW: &str = "budget-error-overflow";
/// A currency that is not one of the budget's.
pub const ERROR_UNKNOWN_CURRENCY: &str = "budget-error-unknown-currency";
/// An exchange rate of zero.
pub const ERROR_ZERO_RATE: &str = "budget-error-zero-rate";
/// A line in a currency with no exchange rate. Args: `currency`.
pub const ERROR_MISSING_RATE: &str = "budget-error-missing-rate";
/// Two exchange rates for one currency. Args: `currency`.
pub const ERROR_RATE_TWICE: &str = "budget-error-rate-twice";
/// A line for an activity that is not in the logframe. Args: `activity`.
pub const ERROR_UNKNOWN_ACTIVITY: &str = "budget-error-unknown-activity";
/// A line or contribution for a partner that is not in the budget. Args: `partner`.
pub const ERROR_UNKNOWN_PARTNER: &str = "budget-error-unknown-partner";
/// The same organisation listed twice as a partner. Args: `partner` (the first listing's name).
pub const ERROR_PARTNER_TWICE: &str = "budget-error-partner-twice";
/// A co-financing share above 100 %.
pub const ERROR_SHARE_ABOVE_100: &str = "budget-error-share-above-100";
/// Two elements with the same id. Args: `id`.
pub const ERROR_DUPLICATE_ID: &str = "budget-error-duplicate-id";
/// More partners, lines, rates or contributions than a budget holds.
pub const ERROR_TOO_MANY: &str = "budget-error-too-many";

/// Keys the interface already has, reused with the same meaning.
/// A year outside 1950–2100 (the logframe's).
pub const ERROR_YEAR: &str = "lf-error-year";
pub const ERROR_TOO_LONG: &str = "error-too-long";
pub const ERROR_INVALID_CHARACTERS: &str = "error-invalid-characters";
pub const ERROR_UNKNOWN_CHOICE: &str = "error-unknown-choice";
pub const ERROR_DATE: &str = "error-date";
/// Every reused key.
pub const REUSED: &[&str] = &[
    ERROR_YEAR,
    ERROR_TOO_LONG,
    ERROR_INVALID_CHARACTERS,
    ERROR_UNKNOWN_CHOICE,
    ERROR_DATE,
];

/// Outcome of a rule whose facts are missing (e.g. no duration stated). Args: `rule`.
pub const RULE_UNKNOWN: &str = "budget-rule-unknown";
/// A share limit. Args: `subject` and `basis` (category codes joined by `+`), `percent` (the
/// limit), `amount` and `basis_amount` (euro cents), `max_amount` (the most allowed, euro cents),
/// `partner` (empty for the project).
pub const RULE_SHARE_HOLDS: &str = "budget-rule-share-holds";
pub const RULE_SHARE_BREACHED: &str = "budget-rule-share-breached";
/// A line in a category the pack does not allow. Args: `category`.
pub const RULE_CATEGORY_HOLDS: &str = "budget-rule-category-holds";
pub const RULE_CATEGORY_BREACHED: &str = "budget-rule-category-breached";
/// Lines in a category the chosen flat-rate option already covers. Args: `category`, `option`,
/// `partner`.
pub const RULE_NO_LINES_HOLDS: &str = "budget-rule-no-lines-holds";
pub const RULE_NO_LINES_BREACHED: &str = "budget-rule-no-lines-breached";
/// The programme's grant rate at most. Args: `percent`, `grant`, `total`, `max_amount`.
pub const RULE_GRANT_RATE_HOLDS: &str = "budget-rule-grant-rate-holds";
pub const RULE_GRANT_RATE_BREACHED: &str = "budget-rule-grant-rate-breached";
/// The partners' co-financing at least. Args: `percent`, `cofinancing`, `total`, `min_amount`.
pub const RULE_COFINANCING_HOLDS: &str = "budget-rule-cofinancing-holds";
pub const RULE_COFINANCING_BREACHED: &str = "budget-rule-cofinancing-breached";
/// Minimum and maximum grant. Args: `grant`, `limit` (euro cents).
pub const RULE_GRANT_MIN_HOLDS: &str = "budget-rule-grant-min-holds";
pub const RULE_GRANT_MIN_BREACHED: &str = "budget-rule-grant-min-breached";
pub const RULE_GRANT_MAX_HOLDS: &str = "budget-rule-grant-max-holds";
pub const RULE_GRANT_MAX_BREACHED: &str = "budget-rule-grant-max-breached";
/// Duration in months. Args: `months`, `limit`.
pub const RULE_DURATION_MIN_HOLDS: &str = "budget-rule-duration-min-holds";
pub const RULE_DURATION_MIN_BREACHED: &str = "budget-rule-duration-min-breached";
pub const RULE_DURATION_MAX_HOLDS: &str = "budget-rule-duration-max-holds";
pub const RULE_DURATION_MAX_BREACHED: &str = "budget-rule-duration-max-breached";
/// Partner counts. Args: `count`, `limit`, and `group` or `country` where they apply.
pub const RULE_PARTNERS_MIN_HOLDS: &str = "budget-rule-partners-min-holds";
pub const RULE_PARTNERS_MIN_BREACHED: &str = "budget-rule-partners-min-breached";
pub const RULE_PARTNERS_MAX_HOLDS: &str = "budget-rule-partners-max-holds";
pub const RULE_PARTNERS_MAX_BREACHED: &str = "budget-rule-partners-max-breached";
pub const RULE_COUNTRIES_MIN_HOLDS: &str = "budget-rule-countries-min-holds";
pub const RULE_COUNTRIES_MIN_BREACHED: &str = "budget-rule-countries-min-breached";
pub const RULE_PER_COUNTRY_MAX_HOLDS: &str = "budget-rule-per-country-max-holds";
pub const RULE_PER_COUNTRY_MAX_BREACHED: &str = "budget-rule-per-country-max-breached";
pub const RULE_GROUP_MIN_HOLDS: &str = "budget-rule-group-min-holds";
pub const RULE_GROUP_MIN_BREACHED: &str = "budget-rule-group-min-breached";

/// Every new key above (not the reused ones).
pub const ALL: &[&str] = &[
    ERROR_EMPTY,
    ERROR_NOT_A_NUMBER,
    ERROR_NEGATIVE,
    ERROR_TOO_MANY_DECIMALS,
    ERROR_OVERFLOW,
    ERROR_UNKNOWN_CURRENCY,
    ERROR_ZERO_RATE,
    ERROR_MISSING_RATE,
    ERROR_RATE_TWICE,
    ERROR_UNKNOWN_ACTIVITY,
    ERROR_UNKNOWN_PARTNER,
    ERROR_PARTNER_TWICE,
    ERROR_SHARE_ABOVE_100,
    ERROR_DUPLICATE_ID,
    ERROR_TOO_MANY,
    RULE_UNKNOWN,
    RULE_SHARE_HOLDS,
    RULE_SHARE_BREACHED,
    RULE_CATEGORY_HOLDS,
    RULE_CATEGORY_BREACHED,
    RULE_NO_LINES_HOLDS,
    RULE_NO_LINES_BREACHED,
    RULE_GRANT_RATE_HOLDS,
    RULE_GRANT_RATE_BREACHED,
    RULE_COFINANCING_HOLDS,
    RULE_COFINANCING_BREACHED,
    RULE_GRANT_MIN_HOLDS,
    RULE_GRANT_MIN_BREACHED,
    RULE_GRANT_MAX_HOLDS,
    RULE_GRANT_MAX_BREACHED,
    RULE_DURATION_MIN_HOLDS,
    RULE_DURATION_MIN_BREACHED,
    RULE_DURATION_MAX_HOLDS,
    RULE_DURATION_MAX_BREACHED,
    RULE_PARTNERS_MIN_HOLDS,
    RULE_PARTNERS_MIN_BREACHED,
    RULE_PARTNERS_MAX_HOLDS,
    RULE_PARTNERS_MAX_BREACHED,
    RULE_COUNTRIES_MIN_HOLDS,
    RULE_COUNTRIES_MIN_BREACHED,
    RULE_PER_COUNTRY_MAX_HOLDS,
    RULE_PER_COUNTRY_MAX_BREACHED,
    RULE_GROUP_MIN_HOLDS,
    RULE_GROUP_MIN_BREACHED,
];

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_distinct_and_namespaced() {
        let mut seen = std::collections::HashSet::new();
        for k in super::ALL {
            assert!(k.starts_with("budget-"), "{k}");
            assert!(seen.insert(k), "{k} twice");
        }
    }

    #[test]
    fn every_key_and_every_name_is_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/locales");
        let mut keys: Vec<String> = super::ALL.iter().map(|k| k.to_string()).collect();
        keys.extend(
            crate::products::budget::Category::ALL
                .iter()
                .map(|c| format!("budget-category-{}", c.code())),
        );
        keys.extend(
            crate::products::budget::rules::packs()
                .iter()
                .map(|p| format!("budget-pack-{}", p.id)),
        );
        for lang in ["it", "en", "fr"] {
            let text = std::fs::read_to_string(root.join(lang).join("budget.ftl")).unwrap();
            for key in &keys {
                assert!(
                    text.lines().any(|l| l.starts_with(&format!("{key} ="))),
                    "{key} missing in {lang}"
                );
            }
        }
    }

    #[test]
    fn reused_keys_are_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/locales");
        for lang in ["it", "en", "fr"] {
            let mut text = String::new();
            for entry in std::fs::read_dir(root.join(lang)).unwrap() {
                text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
                text.push('\n');
            }
            for key in super::REUSED {
                assert!(
                    text.lines().any(|l| l.starts_with(&format!("{key} ="))),
                    "{key} missing in {lang}"
                );
            }
        }
    }
}
