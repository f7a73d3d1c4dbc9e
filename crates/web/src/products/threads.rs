//! A product's comment threads as the product page shows them.
//!
//! A product under review often carries dozens of threads, each with its replies, a reply form
//! and a resolve button: written through the template engine they were a quarter of the
//! logframe page's time (benchmark profile). The markup is written here once per page instead,
//! every piece of text escaped with the template engine's own HTML escaping.

use crate::state::AppState;
use domain::locale::Locale;
use fluent_bundle::FluentValue;
use minijinja::HtmlEscape as Esc;
use std::collections::HashMap;
use std::fmt::Write;
use uuid::Uuid;

/// Where the threads' forms post, when the viewer may comment.
pub(super) struct Forms {
    pub organisation: Uuid,
    pub product: Uuid,
    /// The version the page shows, sent with a reply so that it is stored with it.
    pub version: Option<i64>,
}

/// What every thread of a page shares, worked out once per page.
struct Page<'a> {
    locale: Locale,
    /// Anchor labels by anchor.
    labels: HashMap<&'a str, &'a str>,
    /// The reply forms' action and their hidden version field, when the viewer may comment.
    forms: Option<(String, String)>,
    someone: String,
    general: String,
    overall: String,
    gone: String,
    resolved: String,
    reply: String,
    resolve: String,
    reopen: String,
}

/// The threads of a product, oldest first, as an HTML list (empty when there is none). A thread
/// names its anchor by `anchors` (anchor, label; an empty label is the overall objective).
pub(super) fn html(
    state: &AppState,
    comments: Vec<db::products::Comment>,
    anchors: &[(String, String)],
    locale: Locale,
    forms: Option<&Forms>,
) -> String {
    let (roots, replies): (Vec<_>, Vec<_>) =
        comments.into_iter().partition(|c| c.parent_id.is_none());
    if roots.is_empty() {
        return String::new();
    }
    let t = |key: &str| state.i18n.t(locale, key);
    let page = Page {
        locale,
        // The first label of an anchor counts, as in the anchor list.
        labels: anchors
            .iter()
            .rev()
            .map(|(a, l)| (a.as_str(), l.as_str()))
            .collect(),
        forms: forms.map(|f| {
            let action = format!(
                "/organisations/{}/products/{}/comments",
                f.organisation, f.product
            );
            let version = match f.version {
                Some(n) => format!("<input type=\"hidden\" name=\"version\" value=\"{n}\">"),
                None => String::new(),
            };
            (action, version)
        }),
        someone: t("products-someone"),
        general: t("comments-general"),
        overall: t("lf-level-overall"),
        gone: t("comments-anchor-gone"),
        resolved: t("comments-resolved"),
        reply: t("comments-reply"),
        resolve: t("comments-resolve"),
        reopen: t("comments-reopen"),
    };
    // Which version a thread was written on, worded once per version.
    let mut versions: HashMap<i64, String> = HashMap::new();
    let mut out = String::with_capacity(roots.len() * 1_800);
    out.push_str("<ul class=\"list-unstyled\">");
    for c in &roots {
        let on = versions.entry(c.version_number).or_insert_with(|| {
            if c.version_number > 0 {
                let n = [("n", FluentValue::from(c.version_number))];
                state.i18n.message(locale, "products-version-n", &n)
            } else {
                state.i18n.t(locale, "comments-on-draft")
            }
        });
        let thread_replies = replies.iter().filter(|r| r.parent_id == Some(c.id));
        // Writing into a String cannot fail.
        let _ = thread(&mut out, c, on, thread_replies, &page);
    }
    out.push_str("</ul>");
    out
}

fn thread<'a>(
    out: &mut String,
    c: &db::products::Comment,
    on: &str,
    replies: impl Iterator<Item = &'a db::products::Comment>,
    w: &Page<'_>,
) -> std::fmt::Result {
    let resolved = c.resolved_at.is_some();
    write!(
        out,
        "<li id=\"c-{id}\" class=\"comment-thread{r} mb-4\"><p class=\"small mb-1\"><strong>{author}</strong> · {at} · {on} · ",
        id = c.id,
        r = if resolved { " resolved" } else { "" },
        author = Esc(c.author_name.as_deref().unwrap_or(&w.someone)),
        at = Esc(&w.locale.date_time(c.created_at)),
        on = Esc(on),
    )?;
    if c.anchor.is_empty() {
        write!(out, "{}", Esc(&w.general))?;
    } else if let Some(label) = w.labels.get(c.anchor.as_str()) {
        // The element the anchor names on the page: means and costs are shown with the text.
        let href = c
            .anchor
            .replace(':', "-")
            .replace("-means", "-text")
            .replace("-costs", "-text");
        let label = if label.is_empty() { &w.overall } else { *label };
        write!(out, "<a href=\"#{}\">{}</a>", Esc(&href), Esc(label))?;
    } else {
        write!(out, "<span class=\"text-muted\">{}</span>", Esc(&w.gone))?;
    }
    if resolved {
        write!(
            out,
            " <span class=\"badge bg-success ms-1\">{}</span>",
            Esc(&w.resolved)
        )?;
    }
    write!(
        out,
        "</p><p class=\"pre-line mb-2\">{}</p>",
        Esc(c.body.as_str())
    )?;
    for r in replies {
        write!(
            out,
            "<div class=\"ms-4 border-start ps-3 mb-2\" id=\"c-{id}\"><p class=\"small mb-1\"><strong>{author}</strong> · {at}</p><p class=\"pre-line mb-0\">{body}</p></div>",
            id = r.id,
            author = Esc(r.author_name.as_deref().unwrap_or(&w.someone)),
            at = Esc(&w.locale.date_time(r.created_at)),
            body = Esc(r.body.as_str()),
        )?;
    }
    if let Some((action, version)) = &w.forms {
        write!(
            out,
            "<details class=\"ms-4\"><summary class=\"small\">{reply}</summary><form method=\"post\" action=\"{action}\" class=\"mt-2\"><input type=\"hidden\" name=\"parent\" value=\"{id}\">{version}<label for=\"f-reply-{id}\" class=\"visually-hidden\">{reply}</label><textarea id=\"f-reply-{id}\" name=\"body\" rows=\"2\" class=\"form-control mb-2\" required maxlength=\"5000\"></textarea><button type=\"submit\" class=\"btn btn-outline-primary btn-sm\">{reply}</button></form></details>",
            reply = Esc(&w.reply),
            id = c.id,
        )?;
        write!(
            out,
            "<form method=\"post\" action=\"{action}/{id}/resolve\" class=\"ms-4 mt-2\"><input type=\"hidden\" name=\"resolved\" value=\"{value}\"><button type=\"submit\" class=\"btn btn-link btn-sm p-0\">{label}</button></form>",
            id = c.id,
            value = if resolved { "0" } else { "1" },
            label = Esc(if resolved { &w.reopen } else { &w.resolve }),
        )?;
    }
    out.push_str("</li>");
    Ok(())
}
