//! A product's comment threads as the product page shows them (`products/_threads.html`): the
//! replies grouped under their thread and each thread's anchor resolved to the element it names.

use minijinja::{context, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// Where the threads' forms post, when the viewer may comment.
pub(super) struct Forms {
    pub organisation: Uuid,
    pub product: Uuid,
    /// The version the page shows, sent with a reply so that it is stored with it.
    pub version: Option<i64>,
}

impl Forms {
    /// Where the forms post and the version they send, for the template.
    pub(super) fn view(&self) -> Value {
        context! { organisation => self.organisation, product => self.product, version => self.version }
    }
}

/// The threads of a product, oldest first (empty when there is none), with their replies. A
/// thread names its anchor by `anchors` (anchor, label; an empty label is the overall objective).
pub(super) fn view(
    comments: Vec<db::products::Comment>,
    anchors: &[(String, String)],
    locale: domain::locale::Locale,
) -> Vec<Value> {
    let (roots, replies): (Vec<_>, Vec<_>) =
        comments.into_iter().partition(|c| c.parent_id.is_none());
    // The first label of an anchor counts, as in the anchor list.
    let labels: HashMap<&str, &str> = anchors
        .iter()
        .rev()
        .map(|(a, l)| (a.as_str(), l.as_str()))
        .collect();
    let mut by_thread: HashMap<Uuid, Vec<Value>> = HashMap::new();
    for r in &replies {
        if let Some(parent) = r.parent_id {
            by_thread.entry(parent).or_default().push(context! {
                id => r.id, author => r.author_name, at => locale.date_time(r.created_at), body => r.body,
            });
        }
    }
    roots
        .iter()
        .map(|c| {
            let (anchor, href, label) = if c.anchor.is_empty() {
                ("general", None, None)
            } else if let Some(label) = labels.get(c.anchor.as_str()) {
                // The element the anchor names on the page: means and costs are shown with the
                // text.
                let href = c
                    .anchor
                    .replace(':', "-")
                    .replace("-means", "-text")
                    .replace("-costs", "-text");
                ("link", Some(href), Some(*label))
            } else {
                ("gone", None, None)
            };
            context! {
                id => c.id, resolved => c.resolved_at.is_some(), author => c.author_name,
                at => locale.date_time(c.created_at), version => c.version_number,
                anchor, href, label, body => c.body,
                replies => by_thread.remove(&c.id).unwrap_or_default(),
            }
        })
        .collect()
}
