# Minutes of the territorial tables' meetings.

audit-did-tables-minutes-draft = started the minutes of a territorial table's meeting
audit-did-tables-minutes-amend = amended the minutes of a territorial table's meeting
audit-did-tables-minutes-circulate = circulated the minutes of a territorial table's meeting
audit-did-tables-minutes-comment = commented on the minutes of a territorial table's meeting
audit-did-tables-minutes-approve = approved the minutes of a territorial table's meeting
audit-did-tables-minutes-publish = published the minutes of a territorial table's meeting

error-minutes-sections = The minutes' sections no longer match the saved ones: reload the page.
error-minutes-decision-long = A decision is longer than 2,000 characters.
error-minutes-decision-unknown = A decision does not belong to this section of the minutes.
error-minutes-too-many = A section has more than 30 decisions.
error-minutes-approved = The minutes are already approved: they can no longer change.
error-minutes-deadline-past = The deadline for comments must be after today.
error-minutes-deadline-far = The deadline for comments can be at most 90 days away.
error-minutes-not-circulated = The minutes have not been circulated yet.
error-minutes-comment-approved = The minutes are already approved: comments are closed.
error-minutes-comment-closed = The deadline for comments has passed.
error-minutes-already-approved = The minutes have already been approved.
error-minutes-already-published = The minutes are already published.
error-minutes-not-approved = Minutes can be published only once approved.
error-minutes-exists = This meeting already has minutes.
error-minutes-not-held = Minutes are drafted only for a meeting held (with its attendance recorded).
error-minutes-not-representative = Only the representatives of the table's members comment on the minutes.
error-minutes-changed = The minutes changed meanwhile: reload the page and try again.
