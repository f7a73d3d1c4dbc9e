//! The application's clock: the one source of "now" for the data layer and the handlers, held
//! by the `Db` handle so that everything built from one handle (its clones, the instances of the
//! application over it) reads the same time.
//!
//! In production it is the system clock. With the `test-support` feature a test can move it
//! forward (`advance`) or put it at a given moment (`set`); time then goes on from there at
//! the system clock's pace, so that what compares times taken a few instants apart still sees
//! them in order. Pure rules in `domain` never read a clock: they are given the time.

use chrono::{DateTime, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A source of the current time. Cheap to clone; clones share their time.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// How far ahead of the system clock this clock is, in nanoseconds (exactly, so that a clock
    /// set to a moment reads it, never an instant before); zero unless a test moved it.
    offset: Arc<AtomicI64>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// The current time.
    pub fn now(&self) -> DateTime<Utc> {
        let now = Utc::now();
        match self.offset.load(Ordering::Relaxed) {
            0 => now,
            offset => now + chrono::Duration::nanoseconds(offset),
        }
    }

    /// Moves the clock forward by `by` (backwards if negative), for this clock and its clones.
    /// The clock stays within about 290 years of the system clock.
    #[cfg(feature = "test-support")]
    pub fn advance(&self, by: chrono::Duration) {
        let by = by
            .num_nanoseconds()
            .expect("a move of the clock within about 290 years");
        self.offset.fetch_add(by, Ordering::Relaxed);
    }

    /// Puts the clock at `at`, from where it goes on at the system clock's pace.
    #[cfg(feature = "test-support")]
    pub fn set(&self, at: DateTime<Utc>) {
        let offset = (at - Utc::now())
            .num_nanoseconds()
            .expect("a moment within about 290 years of now");
        self.offset.store(offset, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_clock_is_the_system_time() {
        let before = Utc::now();
        let now = Clock::system().now();
        assert!(before <= now && now <= Utc::now());
    }

    #[cfg(feature = "test-support")]
    #[test]
    fn clones_share_a_moved_clock() {
        let clock = Clock::system();
        let other = clock.clone();
        let independent = Clock::system();
        clock.advance(chrono::Duration::days(3));
        let ahead = other.now() - Utc::now();
        assert!(ahead > chrono::Duration::days(3) - chrono::Duration::seconds(5));
        assert!(ahead <= chrono::Duration::days(3));
        assert!(independent.now() <= Utc::now());
        let at = DateTime::parse_from_rfc3339("2030-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc);
        other.set(at);
        let now = clock.now();
        assert!(at <= now && now < at + chrono::Duration::seconds(5));
    }
}
