//! Translations: one Fluent file per language, embedded; Italian is the default and the
//! reference for which keys must exist.

use crate::embedded::LOCALES;
use domain::locale::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

/// The loaded translations of every language.
pub struct I18n {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
    /// Per language, the messages that take no argument, formatted once at start-up: pages ask
    /// for dozens of them on every request.
    constants: Vec<(Locale, HashMap<String, Arc<str>>)>,
}

/// The Fluent source of a language.
pub fn source(locale: Locale) -> &'static str {
    LOCALES
        .iter()
        .find(|(l, _)| *l == locale.code())
        .map(|(_, s)| *s)
        .unwrap_or("")
}

/// The message ids defined in a Fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

impl I18n {
    /// Parses the embedded files; a syntax error is a bug caught at start-up and by the tests.
    pub fn load() -> I18n {
        let bundles = Locale::ALL
            .into_iter()
            .map(|locale| {
                let resource = FluentResource::try_new(source(locale).to_string()).unwrap_or_else(
                    |(_, errors)| {
                        panic!(
                            "syntax errors in the {} translations: {errors:?}",
                            locale.code()
                        )
                    },
                );
                let id: LanguageIdentifier = locale.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                bundle.set_use_isolating(false);
                if let Err(errors) = bundle.add_resource(resource) {
                    panic!(
                        "duplicate keys in the {} translations: {errors:?}",
                        locale.code()
                    );
                }
                (locale, bundle)
            })
            .collect::<Vec<_>>();
        let constants = bundles
            .iter()
            .map(|(locale, bundle)| {
                let mut formatted = HashMap::new();
                for id in message_ids(source(*locale)) {
                    let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                        continue;
                    };
                    // A message that needs an argument reports an error without one.
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, None, &mut errors);
                    if errors.is_empty() {
                        formatted.insert(id, Arc::from(text.as_ref()));
                    }
                }
                (*locale, formatted)
            })
            .collect();
        I18n { bundles, constants }
    }

    /// The message `key` in `locale` when it takes no argument, formatted once: a shared string.
    pub fn constant(&self, locale: Locale, key: &str) -> Option<Arc<str>> {
        self.constants
            .iter()
            .find(|(l, _)| *l == locale)
            .and_then(|(_, m)| m.get(key))
            .cloned()
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == locale)
            .or_else(|| self.bundles.first())
            .map(|(_, b)| b)
            .expect("translations are loaded")
    }

    /// The message `key` in `locale` with `args`; the key itself when it is missing (the tests
    /// make sure none is).
    pub fn message(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let bundle = self.bundle(locale);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = locale.code(), "missing translation");
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The message `key` without arguments.
    pub fn t(&self, locale: Locale, key: &str) -> String {
        match self.constant(locale, key) {
            Some(text) => text.to_string(),
            None => self.message(locale, key, &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_without_arguments_are_formatted_once_and_the_others_are_not() {
        let i18n = I18n::load();
        for locale in Locale::ALL {
            let mut constants = 0;
            for id in message_ids(source(locale)) {
                if let Some(text) = i18n.constant(locale, &id) {
                    constants += 1;
                    assert_eq!(&*text, i18n.message(locale, &id, &[]), "{id}");
                }
            }
            assert!(constants > 100, "{constants} constant messages");
            assert_eq!(
                &*i18n.constant(locale, "nav-home").unwrap(),
                i18n.t(locale, "nav-home")
            );
            // A message with a placeable variable is formatted on each call, with its arguments.
            assert!(i18n.constant(locale, "workspace-title").is_none());
            let name = [("name", FluentValue::from("Salerno"))];
            assert!(i18n
                .message(locale, "workspace-title", &name)
                .contains("Salerno"));
        }
    }
}
