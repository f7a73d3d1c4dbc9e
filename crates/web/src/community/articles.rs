//! A thread page's messages, written in Rust once per page instead of a template loop: with fifty
//! messages to a page the loop was a quarter of the page's time. Every value is escaped with the
//! template engine's own escaping, and the words the messages share are translated once per page.

use super::Locale;
use crate::AppState;
use minijinja::HtmlEscape as E;
use std::fmt::Write;
use uuid::Uuid;

/// The library documents a message attaches, as far as the reader sees them.
#[derive(Debug, Clone, Default)]
pub(super) struct Attached {
    /// Those the reader sees: id, title and kind code.
    pub seen: Vec<(Uuid, String, String)>,
    /// How many others it attaches.
    pub others: usize,
}

/// The message a message quotes.
pub(super) struct Quoted<'a> {
    pub id: Uuid,
    pub author: &'a str,
    /// Its text, rendered, unless it is hidden.
    pub html: Option<String>,
    /// Whether this page shows it too (linked by its anchor, else by its lasting address).
    pub here: bool,
}

/// One message as the page shows it.
pub(super) struct Article<'a> {
    pub id: Uuid,
    pub author: &'a str,
    pub at: String,
    pub edited: Option<String>,
    pub mine: bool,
    pub hidden: bool,
    /// Why it was hidden, for its author and the moderators.
    pub reason: Option<&'a str>,
    /// Its text, rendered, when the reader may read it.
    pub html: Option<String>,
    pub quote: Option<Quoted<'a>>,
    pub documents: Option<Attached>,
}

/// A refused hiding of one message: its messages by field and the reason typed.
pub(super) struct RefusedHide<'a> {
    pub post: Uuid,
    pub errors: &'a std::collections::BTreeMap<&'static str, String>,
    pub reason: &'a str,
}

/// The page the messages are on.
pub(super) struct Around<'a> {
    pub thread: Uuid,
    pub locked: bool,
    pub page: i64,
    pub moderates: bool,
    pub refused: Option<RefusedHide<'a>>,
}

/// The words of the messages in one language, translated once.
struct Words {
    hidden_notice: String,
    hide_reason: String,
    quote: String,
    edit: String,
    report: String,
    hide: String,
    hide_confirm: String,
    attached: String,
}

impl Words {
    fn of(state: &AppState, locale: Locale) -> Words {
        let t = |key: &str| state.i18n.t(locale, key);
        Words {
            hidden_notice: t("community-hidden-notice"),
            hide_reason: t("community-hide-reason"),
            quote: t("community-quote"),
            edit: t("community-edit"),
            report: t("community-report"),
            hide: t("community-hide"),
            hide_confirm: t("community-hide-confirm"),
            attached: t("community-attached"),
        }
    }
}

/// The messages' `<article>`s, in order.
pub(super) fn write(
    state: &AppState,
    locale: Locale,
    around: &Around<'_>,
    articles: &[Article<'_>],
) -> String {
    let w = Words::of(state, locale);
    let lang = crate::session::CONTENT_LANG;
    let mut out = String::with_capacity(articles.len() * 1_500);
    for a in articles {
        // Writing to a String cannot fail.
        let _ = article(&mut out, state, locale, &w, lang, around, a);
    }
    out
}

fn article(
    out: &mut String,
    state: &AppState,
    locale: Locale,
    w: &Words,
    lang: &str,
    around: &Around<'_>,
    a: &Article<'_>,
) -> std::fmt::Result {
    let id = a.id;
    write!(
        out,
        "<article class=\"card card-bg my-3\" id=\"p-{id}\" aria-labelledby=\"a-{id}\">\n  <div class=\"card-body\">\n    <p class=\"small mb-2\" id=\"a-{id}\"><strong>{}</strong> · {}",
        E(a.author),
        E(&a.at)
    )?;
    if let Some(edited) = &a.edited {
        let label = state.i18n.message(
            locale,
            "community-edited",
            &[("when", edited.clone().into())],
        );
        write!(
            out,
            " · <a href=\"/community/posts/{id}/history\">{}</a>",
            E(&label)
        )?;
    }
    out.push_str("</p>\n");
    if a.hidden {
        write!(
            out,
            "    <div class=\"alert alert-secondary py-2\" role=\"note\"><p class=\"mb-0\">{}</p>",
            E(&w.hidden_notice)
        )?;
        if let Some(reason) = a.reason.filter(|r| !r.is_empty()) {
            write!(
                out,
                "<p class=\"mb-0 small\"><strong>{}:</strong> <span class=\"pre-line\">{}</span></p>",
                E(&w.hide_reason),
                E(reason)
            )?;
        }
        out.push_str("</div>\n");
    }
    if let Some(q) = &a.quote {
        out.push_str("    <blockquote class=\"blockquote border-start border-3 ps-3 small text-muted\">\n      <p class=\"mb-1\">");
        if q.here {
            write!(out, "<a href=\"#p-{}\">", q.id)?;
        } else {
            write!(out, "<a href=\"/community/posts/{}\">", q.id)?;
        }
        let label = state.i18n.message(
            locale,
            "community-quoting",
            &[("author", q.author.to_string().into())],
        );
        write!(out, "{}</a></p>\n      ", E(&label))?;
        match &q.html {
            Some(html) => write!(
                out,
                "<div class=\"text-break\" lang=\"{lang}\">{html}</div>"
            )?,
            None => write!(out, "<p class=\"mb-0\">{}</p>", E(&w.hidden_notice))?,
        }
        out.push_str("\n    </blockquote>\n");
    }
    if let Some(html) = &a.html {
        writeln!(
            out,
            "    <div class=\"product-text text-break\" lang=\"{lang}\">{html}</div>"
        )?;
    }
    if let Some(d) = a
        .documents
        .as_ref()
        .filter(|d| !d.seen.is_empty() || d.others > 0)
    {
        out.push_str("<div class=\"mt-2\">\n");
        if !d.seen.is_empty() {
            write!(
                out,
                "  <p class=\"small mb-1\"><strong>{}</strong></p>\n  <ul class=\"small mb-1\">",
                E(&w.attached)
            )?;
            for (doc, title, kind) in &d.seen {
                let kind = state.i18n.t(locale, &format!("library-kind-{kind}"));
                write!(
                    out,
                    "<li><a href=\"/library/documents/{doc}\" class=\"text-break\">{}</a> <span class=\"text-muted\">({})</span></li>",
                    E(title),
                    E(&kind)
                )?;
            }
            out.push_str("</ul>\n");
        }
        if d.others > 0 {
            let text = state.i18n.message(
                locale,
                "community-attached-unseen",
                &[("count", (d.others as i64).into())],
            );
            writeln!(out, "  <p class=\"small text-muted mb-0\">{}</p>", E(&text))?;
        }
        out.push_str("</div>\n");
    }
    out.push_str("    <div class=\"d-flex flex-wrap gap-3 small mt-2\">\n      ");
    if !around.locked && !a.hidden {
        write!(
            out,
            "<a href=\"/community/threads/{}?page={}&amp;quote={id}#reply\">{}</a>",
            around.thread,
            around.page,
            E(&w.quote)
        )?;
    }
    if a.mine {
        write!(
            out,
            "\n      <a href=\"/community/posts/{id}/edit\">{}</a>",
            E(&w.edit)
        )?;
    } else {
        write!(
            out,
            "\n      <a href=\"/community/posts/{id}/report\">{}</a>",
            E(&w.report)
        )?;
    }
    out.push_str("\n    </div>\n");
    if around.moderates && !a.hidden {
        let refused = around.refused.as_ref().filter(|r| r.post == id);
        let bad = refused.and_then(|r| r.errors.get("reason"));
        write!(
            out,
            "    <details class=\"mt-2\"{}>\n      <summary class=\"small\">{}</summary>\n      <form method=\"post\" action=\"/community/posts/{id}/hide\" class=\"mt-2\" novalidate>\n        <div class=\"form-group mb-2\">\n          <label for=\"hide-{id}\" class=\"active\">{}</label>\n          <textarea class=\"form-control{}\"{} id=\"hide-{id}\" name=\"reason\" rows=\"2\">{}</textarea>",
            if refused.is_some_and(|r| !r.errors.is_empty()) { " open" } else { "" },
            E(&w.hide),
            E(&w.hide_reason),
            if bad.is_some() { " is-invalid" } else { "" },
            if bad.is_some() {
                " aria-invalid=\"true\" aria-describedby=\"e-reason\""
            } else {
                ""
            },
            E(refused.map_or("", |r| r.reason))
        )?;
        if let Some(message) = bad {
            write!(
                out,
                "<div class=\"invalid-feedback d-block\" id=\"e-reason\">{}</div>",
                E(message)
            )?;
        }
        write!(
            out,
            "\n        </div>\n        <button type=\"submit\" class=\"btn btn-outline-danger btn-sm\">{}</button>\n      </form>\n    </details>\n",
            E(&w.hide_confirm)
        )?;
    }
    out.push_str("  </div>\n</article>\n");
    Ok(())
}
