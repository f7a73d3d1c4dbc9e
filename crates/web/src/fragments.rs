//! Parts of pages rendered once and served again while the data they show is unchanged: each is
//! kept with the generations of the parts of the data it was rendered from (see `db::Part`),
//! which the page reads in one query on every request, so a change made through any instance
//! shows at once. Only what is the same for everyone who may see the page belongs here (the
//! viewer's own buttons and forms are rendered around it).

use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How many fragments are kept at most; past it, the ones of older generations go first, then
/// all of them. A product list is a few tens of KB, so this bounds the memory to a few MB.
const MOST: usize = 128;

/// A rendered fragment with the generations it was rendered at and, for one that shows what is
/// past and what is to come, the moment it stops being true.
type Kept = (Vec<i64>, Option<DateTime<Utc>>, Arc<str>);

/// Rendered fragments by key (page, what it shows, language).
#[derive(Default)]
pub struct Fragments {
    kept: Mutex<HashMap<String, Kept>>,
}

impl Fragments {
    /// The fragment kept under `key` if it was rendered at `generations`.
    pub fn get(&self, key: &str, generations: &[i64]) -> Option<Arc<str>> {
        let kept = self.kept.lock().ok()?;
        kept.get(key)
            .filter(|(g, until, _)| {
                g.as_slice() == generations && until.is_none_or(|u| Utc::now() < u)
            })
            .map(|(_, _, html)| html.clone())
    }

    /// Keeps `html` under `key`, rendered at `generations` (read before the data it shows, so
    /// that what is kept is at least as new as its generations and never outlives a change) and
    /// true until `until`, if it has an end.
    pub fn put(
        &self,
        key: String,
        generations: &[i64],
        until: Option<DateTime<Utc>>,
        html: Arc<str>,
    ) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        if kept.len() >= MOST && !kept.contains_key(&key) {
            kept.retain(|_, (g, _, _)| g.as_slice() == generations);
            if kept.len() >= MOST {
                kept.clear();
            }
        }
        kept.insert(key, (generations.to_vec(), until, html));
    }

    /// How many fragments are kept.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.kept.lock().map(|k| k.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_is_served_only_at_its_generations() {
        let f = Fragments::default();
        assert!(f.get("list/a/it", &[1, 2]).is_none());
        f.put("list/a/it".into(), &[1, 2], None, Arc::from("<p>a</p>"));
        assert_eq!(f.get("list/a/it", &[1, 2]).as_deref(), Some("<p>a</p>"));
        assert!(f.get("list/a/it", &[2, 2]).is_none());
        assert!(f.get("list/a/it", &[1, 3]).is_none());
        assert!(f.get("list/a/en", &[1, 2]).is_none());
        f.put("list/a/it".into(), &[2, 2], None, Arc::from("<p>b</p>"));
        assert_eq!(f.get("list/a/it", &[2, 2]).as_deref(), Some("<p>b</p>"));
        assert!(f.get("list/a/it", &[1, 2]).is_none());
    }

    #[test]
    fn a_fragment_with_an_end_is_not_served_past_it() {
        let f = Fragments::default();
        let soon = Utc::now() + chrono::Duration::hours(1);
        f.put("mine/a/it".into(), &[1], Some(soon), Arc::from("a"));
        assert!(f.get("mine/a/it", &[1]).is_some());
        let gone = Utc::now() - chrono::Duration::seconds(1);
        f.put("mine/a/it".into(), &[1], Some(gone), Arc::from("a"));
        assert!(f.get("mine/a/it", &[1]).is_none());
    }

    #[test]
    fn the_number_kept_is_bounded_and_old_generations_go_first() {
        let f = Fragments::default();
        for i in 0..MOST - 1 {
            f.put(format!("old/{i}"), &[1], None, Arc::from("x"));
        }
        f.put("new/0".into(), &[2], None, Arc::from("y"));
        assert_eq!(f.len(), MOST);
        // Full: the fragments of generation 1 make room for the next one of generation 2.
        f.put("new/1".into(), &[2], None, Arc::from("y"));
        assert_eq!(f.len(), 2);
        assert!(f.get("new/0", &[2]).is_some());
        for i in 2..=MOST {
            f.put(format!("new/{i}"), &[2], None, Arc::from("y"));
        }
        // Full of current ones: everything goes, and the new one is kept.
        assert!(f.len() <= MOST);
        assert!(f.get(&format!("new/{MOST}"), &[2]).is_some());
        // Replacing a key never empties the others.
        let before = f.len();
        f.put(format!("new/{MOST}"), &[2], None, Arc::from("z"));
        assert_eq!(f.len(), before);
    }
}
