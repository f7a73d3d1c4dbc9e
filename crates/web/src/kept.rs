//! Values kept between requests: one component for every page that keeps what it worked out (a
//! search, a report, the programme structure, a rendered fragment). Each value is kept with the
//! generations of the parts of the data it depends on (`db::Part`), read in one query before the
//! value is computed, and served only while those generations are unchanged in the database, so a
//! change made through any instance shows at once on every other. Memory is bounded by the weight
//! of the values, with per-entry eviction (moka's TinyLFU policy).
//!
//! ```ignore
//! let report = state.kept.get_or_compute(&state.db, "labs/report".into(),
//!     &[Part::Labs, Part::Programme, Part::People], || work_out(state)).await?;
//! ```

use chrono::{DateTime, Utc};
use db::{Db, DbError, Part};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How much memory a kept value holds, roughly, in bytes: what the bound counts.
pub trait Weigh {
    fn weight(&self) -> usize;
}

impl Weigh for str {
    fn weight(&self) -> usize {
        self.len()
    }
}

impl Weigh for String {
    fn weight(&self) -> usize {
        self.len()
    }
}

impl<T: Weigh> Weigh for Option<T> {
    fn weight(&self) -> usize {
        self.as_ref().map_or(0, Weigh::weight)
    }
}

impl<T: Weigh + ?Sized> Weigh for Arc<T> {
    fn weight(&self) -> usize {
        T::weight(self)
    }
}

impl<T: Weigh> Weigh for Vec<T> {
    fn weight(&self) -> usize {
        self.iter().map(Weigh::weight).sum::<usize>() + self.len() * std::mem::size_of::<T>()
    }
}

/// A kept value with what it was computed at.
#[derive(Clone)]
struct Entry {
    generations: Arc<[i64]>,
    /// The moment the value stops being true although no data changed (a page that shows what
    /// is past and what is to come).
    until: Option<DateTime<Utc>>,
    /// The value's weight in bytes, worked out once when it is kept.
    weight: u32,
    value: Arc<dyn Any + Send + Sync>,
}

/// Counts of the component's use since start-up, for the benchmark and the health page.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Stats {
    pub hits: u64,
    pub misses: u64,
    pub entries: u64,
    pub bytes: u64,
}

/// A key: the kept value's type, so that two features can never read each other's values, and
/// what it is (page, subject, language, ...).
type Key = (TypeId, String);

/// The default memory bound of kept values.
pub const DEFAULT_BYTES: u64 = 32 * 1024 * 1024;

/// Values kept by key while the generations of the parts they depend on are unchanged.
pub struct Kept {
    cache: moka::sync::Cache<Key, Entry>,
    /// The keys being computed, each with a gate: one computation of a key at a time, the other
    /// requests for it wait and then find the value kept (after a write, the many readers of a
    /// page compute it once instead of all at once).
    computing: std::sync::Mutex<HashMap<Key, Arc<tokio::sync::Mutex<()>>>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl Default for Kept {
    fn default() -> Kept {
        Kept::new(DEFAULT_BYTES)
    }
}

impl Kept {
    /// A component holding at most `max_bytes` of values (by their weight).
    pub fn new(max_bytes: u64) -> Kept {
        let cache = moka::sync::Cache::builder()
            .name("kept")
            .max_capacity(max_bytes.max(1))
            .weigher(|k: &Key, e: &Entry| {
                let overhead = 96 + k.1.len() + e.generations.len() * 8;
                e.weight
                    .saturating_add(u32::try_from(overhead).unwrap_or(u32::MAX))
            })
            .build();
        Kept {
            cache,
            computing: Default::default(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The value under `key` if it was computed at `generations` and is still true at `now`.
    fn current<T: Send + Sync + 'static>(
        &self,
        key: &Key,
        generations: &[i64],
        now: DateTime<Utc>,
    ) -> Option<Arc<T>> {
        let e = self.cache.get(key)?;
        let fresh = &*e.generations == generations && e.until.is_none_or(|u| now < u);
        if !fresh {
            return None;
        }
        e.value.downcast::<T>().ok()
    }

    /// The value kept under `key` if the generations of `parts` are those it was computed at;
    /// otherwise `compute`'s value, kept for the next request. `compute` runs after the
    /// generations were read, so what is kept is at least as new as its generations and never
    /// outlives a change.
    pub async fn get_or_compute<T, E, F, Fut>(
        &self,
        db: &Db,
        key: String,
        parts: &[Part],
        compute: F,
    ) -> Result<Arc<T>, E>
    where
        T: Weigh + Send + Sync + 'static,
        E: From<DbError>,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        self.keep(db, key, parts, None, || async {
            compute().await.map(|v| (v, None))
        })
        .await
    }

    /// As `get_or_compute`, computing at most as many values of different keys at once as
    /// `limit` has permits (broad searches, which would otherwise take every core). Not for a
    /// value whose computation itself waits on the same `limit`.
    pub async fn get_or_compute_limited<T, E, F, Fut>(
        &self,
        db: &Db,
        key: String,
        parts: &[Part],
        limit: &tokio::sync::Semaphore,
        compute: F,
    ) -> Result<Arc<T>, E>
    where
        T: Weigh + Send + Sync + 'static,
        E: From<DbError>,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        self.keep(db, key, parts, Some(limit), || async {
            compute().await.map(|v| (v, None))
        })
        .await
    }

    /// As `get_or_compute`, for a value that also stops being true at a moment `compute` says.
    pub async fn get_or_compute_until<T, E, F, Fut>(
        &self,
        db: &Db,
        key: String,
        parts: &[Part],
        compute: F,
    ) -> Result<Arc<T>, E>
    where
        T: Weigh + Send + Sync + 'static,
        E: From<DbError>,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(T, Option<DateTime<Utc>>), E>>,
    {
        self.keep(db, key, parts, None, compute).await
    }

    async fn keep<T, E, F, Fut>(
        &self,
        db: &Db,
        key: String,
        parts: &[Part],
        limit: Option<&tokio::sync::Semaphore>,
        compute: F,
    ) -> Result<Arc<T>, E>
    where
        T: Weigh + Send + Sync + 'static,
        E: From<DbError>,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(T, Option<DateTime<Utc>>), E>>,
    {
        let generations: Arc<[i64]> = db::generations(db, parts).await?.into();
        let key = (TypeId::of::<T>(), key);
        if let Some(v) = self.current(&key, &generations, db.now()) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(v);
        }
        let gate = self
            .computing
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(key.clone())
            .or_default()
            .clone();
        let outcome = async {
            let _turn = gate.lock().await;
            let _permit = match limit {
                Some(limit) => limit.acquire().await.ok(),
                None => None,
            };
            // Computed meanwhile by the request this one waited for.
            if let Some(v) = self.current(&key, &generations, db.now()) {
                self.hits.fetch_add(1, Ordering::Relaxed);
                return Ok(v);
            }
            self.misses.fetch_add(1, Ordering::Relaxed);
            let (value, until) = compute().await?;
            let weight = u32::try_from(value.weight()).unwrap_or(u32::MAX);
            let value = Arc::new(value);
            self.cache.insert(
                key.clone(),
                Entry {
                    generations,
                    until,
                    weight,
                    value: value.clone(),
                },
            );
            Ok(value)
        }
        .await;
        // The gate goes with its last user (the map holds one reference, this request another).
        let mut computing = self.computing.lock().unwrap_or_else(|p| p.into_inner());
        if Arc::strong_count(&gate) == 2 {
            computing.remove(&key);
        }
        outcome
    }

    /// `compute(input)` for a value that is a pure function of `input` (rendered Markdown, ...):
    /// kept under the input itself, so that it depends on no data and can never be stale. `what`
    /// names the function, so that two functions of the same input are kept apart.
    pub fn pure<T>(&self, what: &str, input: &str, compute: impl FnOnce(&str) -> T) -> Arc<T>
    where
        T: Weigh + Send + Sync + 'static,
    {
        let key: Key = (TypeId::of::<T>(), format!("{what}\u{0}{input}"));
        if let Some(v) = self.current::<T>(&key, &[], DateTime::<Utc>::MIN_UTC) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return v;
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let value = Arc::new(compute(input));
        let weight = u32::try_from(value.weight()).unwrap_or(u32::MAX);
        self.cache.insert(
            key,
            Entry {
                generations: Arc::from([]),
                until: None,
                weight,
                value: value.clone(),
            },
        );
        value
    }

    /// How the component has been used since start-up.
    pub fn stats(&self) -> Stats {
        self.cache.run_pending_tasks();
        Stats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            entries: self.cache.entry_count(),
            bytes: self.cache.weighted_size(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Weigh for u32 {
        fn weight(&self) -> usize {
            4
        }
    }

    fn put(k: &Kept, key: &str, g: &[i64], until: Option<DateTime<Utc>>, v: u32) {
        k.cache.insert(
            (TypeId::of::<u32>(), key.into()),
            Entry {
                generations: g.into(),
                until,
                weight: 4,
                value: Arc::new(v),
            },
        );
    }

    /// The value at a fixed moment, the one the test's ends are set from.
    fn get(k: &Kept, key: &str, g: &[i64]) -> Option<u32> {
        k.current::<u32>(&(TypeId::of::<u32>(), key.into()), g, now())
            .map(|v| *v)
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn a_value_is_served_only_at_its_generations_and_before_its_end() {
        let k = Kept::new(1 << 20);
        put(&k, "a", &[1, 2], None, 7);
        assert_eq!(get(&k, "a", &[1, 2]), Some(7));
        assert_eq!(get(&k, "a", &[1, 3]), None);
        assert_eq!(get(&k, "b", &[1, 2]), None);
        // Another type under the same name is another value.
        assert!(k
            .current::<String>(&(TypeId::of::<String>(), "a".into()), &[1, 2], now())
            .is_none());
        let gone = now() - chrono::Duration::seconds(1);
        put(&k, "a", &[1, 2], Some(gone), 7);
        assert_eq!(get(&k, "a", &[1, 2]), None);
        let soon = now() + chrono::Duration::seconds(1);
        put(&k, "a", &[1, 2], Some(soon), 8);
        assert_eq!(get(&k, "a", &[1, 2]), Some(8));
    }

    #[tokio::test]
    async fn concurrent_requests_for_one_key_compute_it_once() {
        let backend = db::testing::sqlite().await;
        let db = backend.db.clone();
        let kept = Arc::new(Kept::new(1 << 20));
        let computed = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (kept, db, computed) = (kept.clone(), db.clone(), computed.clone());
            tasks.push(tokio::spawn(async move {
                kept.get_or_compute(&db, "page".into(), &[Part::Products], || async {
                    computed.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    Ok::<_, DbError>(7u32)
                })
                .await
                .map(|v| *v)
            }));
        }
        for t in tasks {
            assert_eq!(t.await.expect("task").expect("value"), 7);
        }
        assert_eq!(computed.load(Ordering::SeqCst), 1);
        assert!(
            kept.computing.lock().expect("gates").is_empty(),
            "gates are let go"
        );
    }

    #[test]
    fn memory_is_bounded_by_weight_with_eviction_per_entry() {
        let k = Kept::new(100_000);
        for i in 0..1_000 {
            k.cache.insert(
                (TypeId::of::<String>(), format!("page/{i}")),
                Entry {
                    generations: vec![1].into(),
                    until: None,
                    weight: 1_000,
                    value: Arc::new("x".repeat(1_000)),
                },
            );
        }
        let s = k.stats();
        assert!(s.bytes <= 100_000, "{s:?}");
        assert!(s.entries > 10 && s.entries < 1_000, "{s:?}");
    }

    #[test]
    fn a_pure_value_is_kept_under_its_whole_input() {
        let k = Kept::new(1 << 20);
        let calls = AtomicU64::new(0);
        let upper = |s: &str| {
            calls.fetch_add(1, Ordering::SeqCst);
            s.to_uppercase()
        };
        assert_eq!(*k.pure("upper", "ciao", upper), "CIAO");
        assert_eq!(*k.pure("upper", "ciao", upper), "CIAO");
        assert_eq!(calls.load(Ordering::SeqCst), 1, "the second is kept");
        // Another input, or another function of the same input, is computed again.
        assert_eq!(*k.pure("upper", "ciao!", upper), "CIAO!");
        assert_eq!(*k.pure("lower", "ciao", |s: &str| s.to_lowercase()), "ciao");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
