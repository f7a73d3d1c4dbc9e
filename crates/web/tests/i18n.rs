//! Translations: every language has every key; every key the templates and the code use exists;
//! every template parses.

use domain::locale::Locale;
use std::collections::BTreeSet;
use std::path::Path;

fn keys(locale: Locale) -> BTreeSet<String> {
    web::i18n::message_ids(web::i18n::source(locale))
        .into_iter()
        .collect()
}

#[test]
fn every_language_has_every_key() {
    let italian = keys(Locale::It);
    assert!(italian.len() > 100);
    for locale in [Locale::En, Locale::Fr] {
        let other = keys(locale);
        let missing: Vec<_> = italian.difference(&other).collect();
        let extra: Vec<_> = other.difference(&italian).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.code());
        assert!(
            extra.is_empty(),
            "{} has keys Italian lacks: {extra:?}",
            locale.code()
        );
    }
}

/// Literal keys in `t("key"` calls of the templates, and the prefixes of computed ones.
fn template_keys() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut literal = BTreeSet::new();
    let mut prefixes = BTreeSet::new();
    for (_, source) in web::templates::Templates::sources() {
        for chunk in source.split("t(").skip(1) {
            let quote = match chunk.chars().next() {
                Some(q @ ('"' | '\'')) => q,
                _ => continue,
            };
            let rest = &chunk[1..];
            let Some(end) = rest.find(quote) else {
                continue;
            };
            let key = &rest[..end];
            if !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
            {
                continue;
            }
            if rest[end + 1..].trim_start().starts_with('~') {
                prefixes.insert(key.to_string());
            } else {
                literal.insert(key.to_string());
            }
        }
    }
    (literal, prefixes)
}

#[test]
fn every_key_used_by_a_template_exists() {
    let italian = keys(Locale::It);
    let (literal, prefixes) = template_keys();
    // Words that follow `t(` but are not translation calls (macro arguments such as input("email").
    let missing: Vec<_> = literal
        .iter()
        .filter(|k| !italian.contains(*k) && k.contains('-'))
        .collect();
    assert!(
        missing.is_empty(),
        "templates use missing keys: {missing:?}"
    );
    for prefix in prefixes {
        assert!(
            italian.iter().any(|k| k.starts_with(&prefix)),
            "no key starts with {prefix}"
        );
    }
}

#[test]
fn every_message_key_in_the_code_exists() {
    let italian = keys(Locale::It);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut missing = Vec::new();
    let mut seen = 0;
    for dir in ["domain/src", "web/src"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for prefix in ["\"error-", "\"done-", "\"mail-"] {
                    for chunk in text.split(prefix).skip(1) {
                        let key: String = chunk
                            .chars()
                            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                            .collect();
                        if key.is_empty() || key.ends_with('-') {
                            continue;
                        }
                        seen += 1;
                        let full = format!("{}{key}", &prefix[1..]);
                        if !italian.contains(&full) {
                            missing.push(format!("{full} ({})", path.display()));
                        }
                    }
                }
            }
        }
    }
    assert!(seen > 30, "the scan found the keys");
    assert!(missing.is_empty(), "{missing:?}");
    // Roles, categories and kinds are shown through computed keys.
    for role in domain::roles::Role::ALL {
        assert!(italian.contains(&format!("role-{}", role.code())));
    }
    for kind in domain::organisations::PaKind::ALL {
        assert!(italian.contains(&format!("pa-kind-{}", kind.code())));
    }
    for t in domain::organisations::PARTNER_TYPES {
        assert!(italian.contains(&format!("partner-type-{t}")));
    }
    for s in domain::organisations::ACTOR_SECTORS {
        assert!(italian.contains(&format!("actor-sector-{s}")));
    }
    for l in domain::accounts::SPOKEN_LANGUAGES {
        assert!(italian.contains(&format!("spoken-{l}")));
    }
    for a in domain::audit::ACTIONS {
        assert!(italian.contains(&domain::audit::message(a)), "{a}");
    }
    for p in web::platform::INFO_PAGES {
        assert!(italian.contains(&format!("info-{p}-p1")));
    }
}

#[test]
fn templates_and_translations_load() {
    let i18n = std::sync::Arc::new(web::i18n::I18n::load());
    let _ = web::templates::Templates::load(i18n.clone());
    assert!(web::templates::Templates::names().count() > 20);
    assert_eq!(
        i18n.message(
            Locale::It,
            "days-in_person",
            &[("days", "1,5".into()), ("unit", "other".into())]
        ),
        "1,5 giornate in presenza"
    );
    assert_eq!(
        i18n.message(
            Locale::Fr,
            "days-in_person",
            &[("days", "1".into()), ("unit", "one".into())]
        ),
        "1 journée en présentiel"
    );
}

/// The certificate's statement agrees with its number of days in every language.
#[test]
fn certificate_days_agree_with_their_number() {
    let i18n = web::i18n::I18n::load();
    let statement = |locale, days: u64| {
        i18n.message(
            locale,
            "certificate-statement",
            &[
                ("who", "Ermira Gjoni".into()),
                ("programme", "Ponte".into()),
                ("cohort", "Balcani".into()),
                ("hours", "7".into()),
                ("days", days.into()),
            ],
        )
    };
    let cases = [
        (Locale::It, "una giornata,", "3 giornate,"),
        (Locale::En, "one day,", "3 days,"),
        (Locale::Fr, "1 journée,", "3 journées,"),
    ];
    for (locale, one, three) in cases {
        let single = statement(locale, 1);
        assert!(single.contains(one), "{single}");
        let several = statement(locale, 3);
        assert!(several.contains(three), "{several}");
    }
}
