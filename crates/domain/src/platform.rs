//! Actions of the platform itself: home page, health, assets, language choice.

use crate::policy::Rule;
use crate::roles::Role;

/// Who may do what on the platform's own routes.
pub const POLICY: &[(&str, Rule)] = &[
    ("platform.home", Rule::Public),
    ("platform.health", Rule::Public),
    ("platform.asset", Rule::Public),
    ("platform.language", Rule::Public),
    ("platform.info", Rule::Public),
    // How the values kept between requests are used (hits, memory): for operators.
    ("platform.kept", Rule::Global(&[Role::Admin, Role::Staff])),
];
