//! The audit log: who changed what, when, with the state before and after.

use crate::policy::Rule;
use crate::roles::Role;

/// Only administrators read the audit log.
pub const POLICY: &[(&str, Rule)] = &[("audit.log", Rule::Global(&[Role::Admin]))];

/// Page size of the audit log.
pub const PAGE_SIZE: i64 = 50;
