# Commitments (impegni) of the territorial tables.
commitments-title = Commitments
commitments-none = No commitment recorded.
commitment-title = Commitment
commitment-new = New commitment
commitment-edit = Edit the commitment
commitment-form-intro = Commitment decided at the meeting:
commitment-conflict-text = The commitment was changed while you were editing it. Here is the saved version; the form keeps what you typed: saving it replaces that version.
commitment-what = What
commitment-organisation = Organisation committed
commitment-person = Contact person
commitment-person-hint = One of the organisation's representatives on the table.
commitment-choose = Choose…
commitment-due-on = Due date
commitment-due-hint = Not before the day of the meeting.
commitment-due = due { $date }
commitment-evidence = Evidence
commitment-evidence-hint = The address of a library document that every member of the table can read, or a web link (https://…).
commitment-document = library document
commitment-note = Note
commitment-save = Save the commitment
commitment-meeting = Decided at the meeting
commitment-closed = Closed on
commitment-closed-on = closed on { $date }
commitment-reason = Reason for dropping it
commitment-reason-field = Reason (if dropped)
commitment-reason-hint = Required to drop the commitment.
commitment-status = State
commitment-status-open = Open
commitment-status-in_progress = In progress
commitment-status-overdue = Overdue
commitment-status-done = Done
commitment-status-dropped = Dropped
commitment-progress = Update the commitment
commitment-progress-save = Save the update
commitment-progress-conflict = Someone else updated the commitment while you were writing: here is its current state. Your note is kept in the form; check and send it again.
commitment-overdue-notice = The due date of { $date } has passed and the commitment is not done.
commitment-history = History
commitment-history-someone = the system
commitment-field-what = What
commitment-field-organisation = Organisation
commitment-field-representative = Contact person
commitment-field-due_on = Due date
commitment-field-status = State
commitment-field-evidence = Evidence
commitment-field-reason = Reason for dropping it
commitment-record-from = Record a commitment decided at a meeting
commitment-record-at = New commitment from “{ $meeting }”
commitments-review-title = Commitments to review
commitments-review-hint = The agenda proposes reviewing the commitments still open; the proposed item can be changed or cleared.
commitments-review-stem = Review of commitments
commitments-review-item = Review of commitments: { $open ->
        [one] one open commitment
       *[other] { $open } open commitments
    }{ $overdue ->
        [0] {""}
        [one] , one of them overdue
       *[other] , { $overdue } of them overdue
    }
commitments-review-presenter = The table's secretariat
error-commitment-closed = The commitment is already done or dropped: it no longer changes.
error-commitment-status-move = This change of state is not possible.
error-commitment-drop-reason = To drop the commitment, write the reason.
error-commitment-evidence = Give a library document or a whole web address (https://…).
error-commitment-document = The document given does not exist or not every member of the table can read it.
error-commitment-person = Choose one of the representatives of the organisation committed.
error-commitment-due-before-meeting = The due date cannot be before the day of the meeting.
error-commitment-nothing = The update changes nothing: change the state or the evidence, or write a note.
mail-commitment-reminder-subject = Reminder: commitment due on { $due }
mail-commitment-reminder-body =
    Dear { $name },

    this is a reminder that the commitment made by { $organisation } at { $table } is due on { $due }:

    { $what }

    You can update its state and add its evidence here:
    { $link }
mail-commitment-digest-subject = { $count ->
        [one] One overdue commitment to update
       *[other] { $count } overdue commitments to update
    }
mail-commitment-digest-body =
    Dear { $name },

    these commitments of the territorial tables are overdue and not done:

    { $list }
    Update their state (in progress, done, or dropped with the reason) from each commitment's page.
commitment-decision = Decision of the minutes it comes from
commitment-decision-none = No decision given
commitment-field-decision = Decision of the minutes
error-commitment-decision = Choose one of the decisions in this meeting's minutes.
