## Labs: calendar, sessions, registrations, attendance, feedback

nav-labs = Labs
nav-my-labs = My labs
choose = Choose…
cancel = Cancel
hours-count = { $hours } hours
half-day-0 = Morning
half-day-1 = Afternoon

labs-calendar-title = Lab calendar
labs-schedule = Schedule a session
labs-filters = Filter the calendar
labs-filter-strand = Strand
labs-filter-cohort = Group
labs-filter-organisation = Administration
labs-filter-all = All
labs-filter-apply = Filter
labs-navigation = Months and views
labs-previous-month = ← Previous month
labs-next-month = Next month →
labs-view-month = Month view
labs-view-list = List view
labs-cohort-feed = Group calendar (iCalendar)
labs-month-caption = Sessions in { $month }: { $count }
labs-none = No sessions scheduled with these filters.
labs-none-month = No sessions this month with these filters.

session-status-planned = Planned
session-status-confirmed = Confirmed
session-status-held = Held
session-status-cancelled = Cancelled
registration-registered = Registered
registration-invited = Invited

session-title = Session title
session-module = Module
session-cohort = Group
session-date = Date
session-start = Start
session-end = End
session-time-hint = Rome time.
session-place = Place
session-place-hint = Address and room; leave empty if the session is online only.
session-online = online
session-online-link = Online link
session-online-sign-in = Sign in to see the link.
session-capacity = Seats
session-hours = Duration
session-seats = Seats
session-seats-taken = { $registered } registered for { $capacity } seats
session-calendar = Calendar
session-add-to-calendar = Add to your calendar (iCalendar)
session-save = Save the session
session-edit = Edit the session
session-conflict-title = Someone else changed this session in the meantime.
session-conflict-text = It is now: “{ $title }”, { $date }, { $start }–{ $end }, { $registered } registered for { $capacity } seats. The form below keeps your changes: check them and save again.
session-overlaps = The same group already has another session at this time:
session-overlap-confirm = I have seen the overlap and want to save anyway.
session-take-part = Taking part
session-you-are-registered = You are registered for this session.
session-you-are-invited = You have been invited to this session.
session-not-registered = You are not registered for this session.
session-register = Register
session-unregister = Cancel my registration
session-sign-in-to-register = Sign in to register for this session.
session-attended = Attendance recorded: { $hours } hours.
session-check-in-code = Session code
session-check-in = Check in
session-give-feedback = Fill in the feedback questionnaire
session-feedback-thanks = Thank you: you have already answered the questionnaire.
session-manage = Managing the session
session-check-in-code-is = Check-in code to show in the room:
session-change-status = New status
session-status-mail-note = Registered and invited people get an email when the session is confirmed, cancelled or rescheduled.
session-invite-email = Invite someone (account email)
session-invite = Invite
session-register-sheet = Attendance register
session-agenda = Agenda
session-agenda-none = The agenda is not available yet.
session-agenda-time = Time
session-agenda-item = Item
session-agenda-speaker = Speaker
session-agenda-actions = Actions
session-agenda-start = From
session-agenda-end = To
session-agenda-add = Add
session-agenda-remove = Remove
session-materials = Materials
session-materials-none = No materials for this session.
session-materials-sign-in = Sign in to see the materials.
session-material-title = Material title
session-material-url = Link
session-material-file = or a file (PDF, DOCX, XLSX, PPTX, ODT, TXT; at most 10 MB)
session-material-add = Add
session-participants = Participants
session-participants-none = Nobody has registered yet.
session-participant-organisation = Administration
session-participant-status = Registration
session-outcomes = Outcomes and minutes
session-outcomes-none = The outcomes will be published after the session.
session-outcomes-edit = Outcomes and minutes of the session
session-outcomes-save = Save the outcomes
session-feedback-results = Feedback questionnaire results

mine-summary = You attended { $attended } of the { $expected } hours expected ({ $rate } %).
mine-summary-none = You have not attended a completed session yet.
mine-upcoming = Upcoming sessions
mine-upcoming-none = No sessions scheduled for you.
mine-not-registered = You are not registered yet.
mine-past = Past sessions
mine-past-none = No past sessions.
mine-hours-attended = Hours attended
mine-feedback = Questionnaire
mine-feed-title = Your personal calendar
mine-feed-text = Create a secret address to add to the calendar on your phone or in your email: you will see your sessions, kept up to date.
mine-feed-has = You already have a calendar address. If you lost it or shared it by mistake, create a new one: the old one will stop working.
mine-feed-create = Create the calendar address
mine-feed-renew = Create a new address
mine-feed-shown-once = Copy this address into your calendar application. For your security it is shown only once.
mine-feed-address = Calendar address
mine-back = Back to my labs

dashboard-title = Season dashboard
dashboard-count-planned = Planned
dashboard-count-confirmed = Confirmed
dashboard-count-held = Held
dashboard-count-cancelled = Cancelled
dashboard-rate = Overall attendance rate: { $rate } % ({ $hours } hours attended).
dashboard-rate-none = No attendance recorded yet.
dashboard-overlaps = Overlapping sessions for the same group
dashboard-to-close = Finished sessions to close (mark them held or cancelled)
dashboard-upcoming = Upcoming sessions
dashboard-held = Latest sessions held
dashboard-held-none = No sessions held.
dashboard-answers = Questionnaires

register-caption = Tick the half-days each registered person attended. Hours are computed for you.
register-checked-in = checked in by the participant
register-hours = Hours
register-save = Save the register

report-title = Attendance
report-overall = Overall attendance: { $rate } % ({ $attended } of { $expected } hours expected).
report-explained = The rate is the hours attended over the hours of the held sessions people were registered for.
report-by-organisation = By administration
report-by-module = By module
report-by-participant = By participant
report-organisation = Administration
report-module = Module
report-participant = Participant
report-expected-hours = Hours expected
report-attended-hours = Hours attended
report-rate = Attendance rate (%)
report-export-csv = Download as CSV

feedback-title = Feedback questionnaire
feedback-scale-explained = Say how much you agree with each statement, from 1 (not at all) to 5 (completely). You may leave a question blank.
feedback-q-useful = The session was useful for my administration's work.
feedback-q-content = The content was clear and relevant.
feedback-q-speakers = The speakers and tutors were effective.
feedback-q-organisation = The organisation (venue, timing, materials) was adequate.
feedback-q-applicable = I will be able to apply what I learnt in my work.
feedback-point-1 = strongly disagree
feedback-point-2 = disagree
feedback-point-3 = neither agree nor disagree
feedback-point-4 = agree
feedback-point-5 = strongly agree
feedback-went-well = What worked well?
feedback-to-improve = What would you improve?
feedback-anonymous = Answer anonymously (your name will not be linked to your answers).
feedback-send = Send the questionnaire
feedback-results-title = Questionnaire results
feedback-count = { $count } answers from { $registered } registered
feedback-results-caption = Answers per question, from 1 (strongly disagree) to 5 (strongly agree)
feedback-question = Statement
feedback-distribution = Distribution
feedback-mean = Mean
feedback-legend = Colours: from red (1, strongly disagree) to green (5, strongly agree). The numbers are also in columns 1–5.
feedback-comments = Comments
feedback-comments-none = No comments.
feedback-anonymous-author = Anonymous
feedback-author = Author
feedback-date = Date

error-choose = Choose a value from the list.
error-date = Enter a valid date.
error-time = Enter a valid time, for example 09:30.
error-time-skipped = This time does not exist that night: clocks jump from 02:00 to 03:00. Choose another time.
error-end-before-start = The end must come after the start.
error-capacity = Enter a number of seats between 1 and 500.
error-capacity-below-registered = Seats cannot be fewer than the people registered.
error-place-or-link = Give a place or an online link.
error-session-overlap = The same group already has a session at this time.
error-status-unchanged = The session already has this status.
error-status-held-future = A session can be marked held only after it starts.
error-status-after-held = A session that was held can only be cancelled.
error-registration-exists = You are already registered for this session.
error-registration-closed = Registration for this session is closed.
error-registration-past = The session has already started: registration is closed.
error-registration-not-eligible = This session is for the group's administrations and invited people.
error-registration-full = There are no free seats left.
error-unregister-closed = The registration can no longer be cancelled.
error-check-in-closed = Check-in is open from half an hour before the start until the end of the session.
error-check-in-not-registered = You must be registered for the session to check in.
error-check-in-code = The code is not right. Check the one shown in the room.
error-agenda-time = Give a start and an end time within the session.
error-file-or-link = Give a link or a file (one of the two).
error-file-too-large = The file is too large: the maximum is 10 MB.
error-file-type = This type of file is not accepted, or its content does not match its extension.
error-invite-unknown = There is no account with this email.
error-rating = Choose a value from 1 to 5.
error-feedback-empty = Answer at least one question.
error-feedback-given = You have already answered this session's questionnaire.
error-feedback-not-registered = The questionnaire is for the people registered for the session.
error-feedback-not-held = The questionnaire opens once the session has been held.

mail-session-changed-subject = Ponte: update on the session “{ $title }”
mail-session-changed-body =
    Dear { $name },

    the session “{ $title }” ({ $when }{ $has_place ->
        [yes] , { $place }
       *[no] {""}
    }) is now: { $status }.
    { $has_online ->
        [yes] To take part online: { $online }

        All the details are here:
       *[no] All the details are here:
    }
    { $link }

    Ponte
mail-session-invitation-subject = Ponte: you are invited to the session “{ $title }”
mail-session-invitation-body =
    Hello,

    you are invited to the session “{ $title }” ({ $when }).
    To register, open this link:
    { $link }

    Ponte

## Programme structure editing

module-objectives = Objectives
structure-title = Programme structure
structure-intro = Phases, strands, dimensions, modules and groups. Every change is kept in the activity log.
structure-phases = Phases
structure-edit = Edit
structure-add = Add
structure-new-phase = New phase
structure-description = Description
structure-question = Guiding question
structure-edit-strand = Edit the strand's texts
structure-new-module = New module
structure-new-module-here = New module in this dimension
structure-dimensions = Dimensions
structure-new-dimension = New dimension
structure-modules-of = Modules of strand { $code }
structure-dimension = Dimension
structure-order = Order
structure-move-up = Move up
structure-move-down = Move down
structure-no-modules = No modules in this strand.
structure-cohorts = Groups
structure-new-cohort = New group
structure-edit-module = Edit the module
structure-edit-cohort = Edit the group
structure-conflict-title = Someone else saved this record in the meantime.
structure-conflict-module = The module is now “{ $title }”, { $days } days. The form below keeps your changes: check them and save again.
structure-conflict-texts = The title is now “{ $title }”. The form below keeps your changes: check them and save again.
structure-conflict-cohort = The form below keeps your changes: check them and save again.
structure-module-title = Module title
structure-no-dimension = No dimension
structure-days-min = Planned days
structure-days-max = Up to (days)
structure-days-hint = For example 1.5.
structure-days-max-hint = If the days are a range, for example from 4 to 5.
structure-delivery = Delivery
structure-delivery-in_person = In person
structure-delivery-remote = Online
structure-save = Save
structure-edit-texts-phases = Edit the phase
structure-edit-texts-strands = Edit the strand
structure-edit-texts-dimensions = Edit the dimension
structure-texts-title = Title
structure-cohort-name = Group name
structure-phase = Phase
error-days = Give the days with at most one decimal, between 0.5 and 30 (for example 1.5).
error-days-range = The maximum cannot be lower than the minimum.
error-cohort-organisations = Choose at least one administration.
error-cohort-strands = Choose at least one strand.

## Certificates and exports

mine-certificate = Certificate of participation
mine-certificate-text = Download the certificate (PDF/A) with the modules, days and hours you attended. Your certificate has a verification code that stays the same on every download.
mine-certificate-download = Download the certificate
report-export-xlsx = Download as Excel (XLSX)
verify-title = Certificate verification
verify-valid = The certificate with code { $code } is authentic and was issued by Ponte.
verify-unknown = There is no certificate with code { $code }. Check that you typed it as it appears on the certificate.
verify-person = Holder
verify-total = Participation
verify-total-value = { $hours } hours over { $days } days
verify-issued = Issued on
verify-modules = Modules attended
verify-dates = Dates
error-certificate-none = No attendance at a held session yet: the certificate will be available after the first session you attend.
error-status-started = The session has already started: it can be marked held or cancelled.
error-invite-closed = People can be invited only to a session that has not started and is not cancelled.
session-action-planned = Put back on the programme
session-action-confirmed = Confirm the session
session-action-held = Mark as held
session-action-cancelled = Cancel the session
session-status-final = This session's status no longer changes.
session-confirm-cancelled-title = Cancel the session?
session-confirm-cancelled-body = { $told ->
    [0] Nobody is registered or invited. Registrations will close.
    [one] The person registered or invited will receive an email. Registrations will close.
   *[other] The { $told } people registered or invited will receive an email. Registrations will close.
}
session-confirm-cancelled-yes = Yes, cancel the session
session-confirm-no = No, back to the session

# The certificate of participation (PDF), in the reader's language.
certificate-title = Certificate of participation
certificate-statement = This is to certify that { $who } took part in the workshops of the programme “{ $programme }”, in the group “{ $cohort }”, for { $hours } hours in all over { $days ->
        [one] one day
       *[other] { $days } days
    }, as detailed below.
certificate-module = Module
certificate-dates = Dates
certificate-hours = Hours
certificate-issued = Issued on { $date }.
certificate-code = Verification code: { $code }.
certificate-verify = This certificate can be verified at
certificate-file = certificate
mine-feed-subscribe = Subscribe in your calendar
mine-feed-copy = Copy the address
mine-feed-copied = Address copied.
report-administration = Administration
mine-feedback-given = Answered
mine-feedback-none = No questionnaire
session-table = Territorial table
session-table-none = None
session-table-hint = Only for the modules of strand { $strand }: the representatives with an account of the table's members are invited by email and can register.
error-lab-table-strand = A lab for a territorial table must be of a strand B module: choose a strand B module or no table.
session-group = Interregional group
session-group-none = None
session-group-hint = Only for the modules of strand { $strand }: the contact people with an account of the group's administrations are invited by email, and whoever works in one of them can register.
error-lab-group-strand = A lab for an interregional group must be of a strand C module: choose a strand C module or no group.
error-lab-table-and-group = A lab is for a territorial table or for an interregional group, not both.
