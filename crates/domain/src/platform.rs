//! Actions of the platform itself: home page, health, assets, language choice.

use crate::policy::Rule;

/// Who may do what on the platform's own routes.
pub const POLICY: &[(&str, Rule)] = &[
    ("platform.home", Rule::Public),
    ("platform.health", Rule::Public),
    ("platform.asset", Rule::Public),
    ("platform.language", Rule::Public),
    ("platform.info", Rule::Public),
];
