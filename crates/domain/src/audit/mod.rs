//! The audit log: who changed what, when, with the state before and after.

use crate::policy::Rule;
use crate::roles::Role;

/// Only administrators read the audit log.
pub const POLICY: &[(&str, Rule)] = &[("audit.log", Rule::Global(&[Role::Admin]))];

/// Page size of the audit log.
pub const PAGE_SIZE: i64 = 50;

/// Every action the log records, as the write path names it.
pub const ACTIONS: &[&str] = &[
    "calls.create",
    "calls.update",
    "community.hide",
    "community.lock",
    "community.pin",
    "community.post_update",
    "community.reply",
    "community.report",
    "community.report_close",
    "community.thread_create",
    "directory.save",
    "grant.add",
    "grant.revoke",
    "invitation.accept",
    "invitation.create",
    "labs.agenda_add",
    "labs.agenda_remove",
    "labs.certificate_issue",
    "labs.certificate_update",
    "labs.check_in",
    "labs.feed_token",
    "labs.feedback",
    "labs.invite",
    "labs.material_add",
    "labs.register",
    "labs.register_record",
    "labs.register_save",
    "labs.session_create",
    "labs.session_outcomes",
    "labs.session_status",
    "labs.session_update",
    "labs.unregister",
    "library.create",
    "library.delete",
    "library.extract",
    "library.extraction",
    "library.extraction_retry",
    "library.import_sectors",
    "library.macro_area_save",
    "library.reading_add",
    "library.reading_remove",
    "library.update",
    "municipalities.import",
    "notifications.preferences",
    "notifications.unsubscribe",
    "network.experience_create",
    "network.experience_publish",
    "network.experience_update",
    "network.group_create",
    "network.group_update",
    "network.initiative_create",
    "network.initiative_move",
    "network.initiative_update",
    "network.member_add",
    "network.member_remove",
    "network.relation_create",
    "network.relation_delete",
    "network.relation_pool",
    "network.relation_unpool",
    "network.relation_update",
    "news.create",
    "news.delete",
    "news.event_create",
    "news.event_delete",
    "news.event_update",
    "organisation.create",
    "organisation.update",
    "password.reset",
    "password.reset_request",
    "products.comment",
    "products.create",
    "products.publish_model",
    "products.reopen",
    "products.resolve",
    "products.review",
    "products.save",
    "programme.cohort_create",
    "programme.cohort_update",
    "programme.dimension_create",
    "programme.load",
    "programme.module_create",
    "programme.module_move",
    "programme.module_update",
    "programme.phase_create",
    "programme.texts_update",
    "session.close",
    "session.open",
    "tables.commitment_create",
    "tables.commitment_progress",
    "tables.commitment_update",
    "tables.create",
    "tables.feed_revoke",
    "tables.feed_token",
    "tables.meeting_attendance",
    "tables.meeting_cancel",
    "tables.meeting_convene",
    "tables.meeting_update",
    "tables.minutes_amend",
    "tables.minutes_approve",
    "tables.minutes_circulate",
    "tables.minutes_comment",
    "tables.minutes_draft",
    "tables.minutes_publish",
    "tables.member_add",
    "tables.member_leave",
    "tables.memorandum",
    "tables.representative_add",
    "tables.secretariat_add",
    "tables.signatory_add",
    "tables.status",
    "tables.update",
    "tutoring.record",
    "user.create",
    "user.password",
    "user.profile",
    "user.reactivate",
    "user.suspend",
];

/// The message id that says `action` in words ("ha creato un'amministrazione"): Fluent ids
/// cannot hold dots, so `organisation.create` is `audit-did-organisation-create`.
pub fn message(action: &str) -> String {
    format!("audit-did-{}", action.replace(['.', '_'], "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_have_distinct_message_ids() {
        assert_eq!(
            message("labs.session_status"),
            "audit-did-labs-session-status"
        );
        let mut ids: Vec<String> = ACTIONS.iter().map(|a| message(a)).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ACTIONS.len());
    }
}
