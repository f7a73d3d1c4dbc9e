//! Templates: minijinja with auto-escaping and strict undefined variables, embedded in the binary.
//! `t("key", name=value)` translates in the page's language.

use crate::embedded::TEMPLATES;
use crate::i18n::I18n;
use domain::locale::Locale;
use fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};
use std::sync::Arc;

/// The template environment.
pub struct Templates {
    env: Environment<'static>,
}

thread_local! {
    /// The language of the page being rendered on this thread. Rendering is synchronous, so
    /// `Templates::render` sets it for the duration of one render; `t` reads it instead of
    /// looking the page's language up in the context on every call (a page such as the product
    /// list calls `t` hundreds of times).
    static RENDERING: std::cell::Cell<Locale> = std::cell::Cell::new(Locale::default());
}

fn rendering() -> Locale {
    RENDERING.with(|l| l.get())
}

/// `text` with its white space collapsed, cut after at most `max` characters at a word's end.
pub fn excerpt(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        let extra = usize::from(!out.is_empty()) + w.chars().count();
        if out.chars().count() + extra > max {
            if out.is_empty() {
                out = w.chars().take(max - 1).collect();
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Templates {
    /// Loads every embedded template; a syntax error is a bug caught at start-up and by the tests.
    pub fn load(i18n: Arc<I18n>) -> Templates {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                panic!("template {name} does not parse: {e}");
            }
        }
        env.add_function(
            "t",
            move |key: &str, kwargs: Kwargs| -> Result<Value, Error> {
                if kwargs.args().next().is_none() {
                    if let Some(text) = i18n.constant(rendering(), key) {
                        return Ok(Value::from(text));
                    }
                }
                let mut args: Vec<(String, FluentValue<'static>)> = Vec::new();
                for name in kwargs.args() {
                    let value: Value = kwargs.get(name)?;
                    let fluent = if let Some(n) = value.as_i64() {
                        FluentValue::from(n)
                    } else {
                        FluentValue::from(value.to_string())
                    };
                    args.push((name.to_string(), fluent));
                }
                kwargs.assert_all_used()?;
                let borrowed: Vec<(&str, FluentValue<'_>)> =
                    args.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
                Ok(Value::from(i18n.message(rendering(), key, &borrowed)))
            },
        );
        // An ISO date or month typed into a product (`2027-12-31`, `2026-12`) as the reader's
        // language writes it; other text unchanged.
        env.add_filter("written", |text: &str| rendering().written(text));
        // The first words of a text, up to 160 characters, for a page's meta description.
        env.add_filter("excerpt", |text: &str| excerpt(text, 160));
        // `asset("ponte.css")`: the address of an embedded asset, with the tag of its content
        // (made of the build's own characters, so written as it is).
        env.add_function("asset", |path: &str| -> Result<Value, Error> {
            crate::assets::href(path)
                .map(Value::from_safe_string)
                .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("no asset {path}")))
        });
        Templates { env }
    }

    /// Renders template `name` with `context` in `locale`.
    pub fn render(&self, locale: Locale, name: &str, context: Value) -> Result<String, Error> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| Error::new(ErrorKind::TemplateNotFound, e.to_string()))?;
        let previous = RENDERING.with(|l| l.replace(locale));
        let rendered = template.render(context);
        RENDERING.with(|l| l.set(previous));
        rendered
    }

    /// The names of every template, for the tests.
    pub fn names() -> impl Iterator<Item = &'static str> {
        TEMPLATES.iter().map(|(n, _)| *n)
    }

    /// The source of every template, for the tests.
    pub fn sources() -> impl Iterator<Item = (&'static str, &'static str)> {
        TEMPLATES.iter().copied()
    }
}
