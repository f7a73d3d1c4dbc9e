# Minutes of the territorial tables' meetings.

audit-did-tables-minutes-draft = started the minutes of a territorial table's meeting
audit-did-tables-minutes-amend = amended the minutes of a territorial table's meeting
audit-did-tables-minutes-circulate = circulated the minutes of a territorial table's meeting
audit-did-tables-minutes-comment = commented on the minutes of a territorial table's meeting
audit-did-tables-minutes-approve = approved the minutes of a territorial table's meeting
audit-did-tables-minutes-publish = published the minutes of a territorial table's meeting

error-minutes-sections = The minutes' sections no longer match the saved ones: reload the page.
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

minutes-title = Minutes
minutes-steps = Steps of the minutes
minutes-status-draft = Draft
minutes-status-circulated = Circulated
minutes-status-approved = Approved
minutes-status-published = Approved and published
minutes-revision = Version { $number }
minutes-circulated-on = Circulated on { $when }
minutes-deadline-until = Comments open until { $date } included
minutes-deadline-passed = Comments closed on { $date }
minutes-approved-by = Approved by { $name } on { $when }
minutes-approved-on = Approved on { $when }
minutes-published-on = Published on { $when }
minutes-amend = Amend the minutes
minutes-approve = Approve the minutes
minutes-publish = Publish the minutes
minutes-circulate = Circulate the minutes
minutes-circulate-again = Circulate the minutes again
minutes-circulate-hint = Every representative of the members gets an email with the link to the minutes; those with an account can comment on each section until the deadline.
minutes-deadline = Deadline for comments
minutes-circulate-send = Send to the representatives
minutes-export-docx = Download the minutes (DOCX)
minutes-export-pdf = Download the minutes (PDF/A)
minutes-section-empty = No text for this item.
minutes-decision = Decision
minutes-decision-n = Decision { $number }
minutes-decisions = Decisions
minutes-decisions-hint = One decision per box. Empty a box to withdraw its decision; the empty boxes at the end add new ones.
minutes-comments = Comments
minutes-on-revision = on version { $number }
minutes-comment-on = Comment on item { $number }
minutes-comment = Comment
minutes-comment-send = Send the comment
minutes-revisions = Versions
minutes-compare = Compare versions of the minutes
minutes-compare-previous = compare with the previous one
minutes-form-hint = One section for each agenda item: write what was said and mark the decisions taken separately. Each save is a new version.
minutes-section-body = Account
minutes-markdown-hint = You can use Markdown: **bold**, lists with "-", headings with "###".
minutes-note = What changes in this version (optional)
minutes-save = Save the version
minutes-back = Back to the minutes
minutes-file = minutes
minutes-of-meeting = Minutes of the meeting
minutes-draft = Draft the minutes
minutes-draft-hint = The minutes have a section for each agenda item.
minutes-open = Open the minutes
minutes-none-yet = The minutes are not available yet.
minutes-public-title = Approved minutes
minutes-public-none = No minutes published.

mail-minutes-subject = Minutes for comment: { $title } ({ $table })
mail-minutes-body =
    Dear { $name },

    the minutes of the meeting "{ $title }" ({ $date }) of { $table } are ready for comments.
    Deadline for comments: { $deadline } (included).
    { $account ->
        [yes] You can read them and comment on each section here: { $link }
       *[no] You can send your comments to the table's secretariat. The text is below.
    }

    { $text }
