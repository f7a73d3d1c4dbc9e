//! Sign-in throttling: too many recent failures for one account or from one address block further
//! attempts for a while. The counts come from the database; the rule is here.

use chrono::Duration;

/// The window in which failures are counted.
pub const WINDOW: Duration = Duration::minutes(15);
/// Failures allowed per account inside the window.
pub const MAX_PER_ACCOUNT: i64 = 5;
/// Failures allowed per client address inside the window.
pub const MAX_PER_ADDRESS: i64 = 20;

/// Whether another attempt may be made, given the recent failures for the account (by the email
/// typed, whether or not the account exists) and for the client address.
pub fn may_attempt(failures_for_account: i64, failures_for_address: i64) -> bool {
    failures_for_account < MAX_PER_ACCOUNT && failures_for_address < MAX_PER_ADDRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert!(may_attempt(0, 0));
        assert!(may_attempt(4, 19));
        assert!(!may_attempt(5, 0));
        assert!(!may_attempt(0, 20));
    }
}
