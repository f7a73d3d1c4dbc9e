## Territorial tables: list, table page, public page, forms

nav-tables = Territorial tables
tables-title = Territorial tables
tables-intro = Tables bring together, around an administration, the public and private actors of its territory interested in international cooperation: chambers of commerce, universities, business associations, NGOs, schools, health authorities, diaspora associations.
tables-filters = Filter the tables
tables-count = { $count ->
    [0] No table
    [one] One table
   *[other] { $count } tables
}
tables-none = No table matches the chosen filters.
table-new = New territorial table
table-create = Create the table
table-edit = Edit the table
table-edit-title = Edit: { $name }
table-form-intro = A table starts as "being formed": members, the memorandum of understanding and representatives are added from the table's page.
table-conflict-text = Your changes were not saved. Below, the saved version beside yours, with the differences marked; the form keeps what you typed: save it again to replace the saved version.
table-name = Name of the table
table-lead = Lead administration
table-territory = Territory
table-territory-hint = ISTAT codes separated by commas: the province's code (3 digits, for example 065) or the municipalities' codes (6 digits, for example 065116).
table-purpose = Purpose
table-themes = Themes
table-countries = Target countries
table-countries-legend = Countries the table means to cooperate with
table-rules = Rules of procedure
table-rules-hint = Markdown text: headings with #, lists with -, bold with **.
table-rules-none = The rules of procedure have not been written yet.
table-formed-on = Being formed since
table-public-choice = Public page of the table
table-public-hint = Anyone, even without signing in, sees what the table is and who takes part.
table-visibility = Public page
table-public-yes = Yes: visible to everyone
table-public-no = No: visible to participants and staff only
table-public-page = Public page
table-public-note = This is the table's public page: it shows what the table is and who takes part.
table-open-full = Open the table's full page.
table-who-takes-part = Who takes part
table-see-form = Go to the form.
table-since = since { $date }
table-status = Status
table-status-forming = Being formed
table-status-constituted = Constituted
table-status-active = Active
table-status-dormant = Dormant
table-life = The table's history
table-status-move = New status
table-status-on = From
table-status-save = Change the status
table-members = Members and representatives
table-members-none = The table has no members yet.
table-member-organisation = Organisation
table-member-role = Role on the table
table-member-joined-on = Date joined
table-joined = since { $date }
table-left = left on { $date }
table-member-leave = Record leaving
table-member-leave-confirm = Confirm leaving
table-member-left-on = Date { $name } left
table-member-add = Add a member
table-member-add-button = Add to the table
table-role-promoter = Promoter
table-role-member = Member
table-role-observer = Observer
table-actor-add = Register a new local actor
table-actor-add-hint = For an organisation not yet in the registry: it is registered in the table's region and added as a member.
table-actor-nature = Nature
table-actor-add-button = Register and add
table-representatives = Representatives
table-representative-add = Add a representative
table-representative-hint = People who already have a Ponte account are linked to it; the others stay contacts with a name and an email and still receive convocations and minutes.
table-representative-add-button = Add the representative
table-person-name = Full name
table-person-email = Email
table-contact-only = contact only
table-secretariat = Secretariat
table-secretariat-text = The secretariat convenes the meetings and drafts the minutes: it is made of the contact person of { $lead } and the people they name.
table-secretary-add = Name to the secretariat
table-secretary-add-button = Name
table-secretary-none-left = Everyone of the lead administration is already in the secretariat.
table-memorandum = Memorandum of understanding
table-memorandum-none = The memorandum of understanding has not been recorded yet.
table-memorandum-recorded = Memorandum recorded.
table-memorandum-choose = Document of the memorandum
table-memorandum-hint = Choose the document among those of { $lead } in the library; if it is missing, upload it to the library first.
table-memorandum-document = Document
table-memorandum-save = Record the memorandum
table-memorandum-signed-by = The memorandum of understanding was signed by:
table-signatories = Signatories of the memorandum
table-signatory = Signatory
table-signed-on = Date signed
table-signatory-add = Add a signatory
table-signatory-add-button = Add the signature

error-table-lead = Choose an Italian administration with its region.
error-table-lead-not-yours = You can create a table only for the administration whose contact person you are.
error-table-lead-leaves = The lead administration cannot leave its own table.
error-table-territory-code = Each ISTAT code has 3 digits (province) or 6 digits (municipality).
error-table-territory-unknown = One of the ISTAT codes matches no known province or municipality.
error-table-territory-region = The territory must lie in the region of the lead administration.
error-table-themes = Choose at least one theme.
error-table-too-many = Too many values chosen: at most 40.
error-table-status-move = The table cannot move to this status from its current one.
error-table-status-future = The date cannot be in the future.
error-table-status-before = The date cannot be before the current status began.
error-table-formed-after-status = The formation date cannot be later than the date the table was constituted or became active.
error-table-formed-after-member = The formation date cannot be later than the date a member joined the table.
error-table-no-memorandum = Record the table's memorandum of understanding first.
error-table-not-member = This organisation is not among the table's current members.
error-table-member-twice = This organisation is already on the table.
error-table-signed-twice = This organisation's signature is already recorded.
error-table-left-before-joined = The date of leaving cannot be before the date of joining.
error-table-email-twice = This email address already represents a member of the table.
error-table-account-elsewhere = This email belongs to an account that is not one of the chosen organisation's people.
error-table-memorandum-document = Choose one of the lead administration's documents.
error-table-secretary = Choose a person of the lead administration.
error-table-secretary-twice = This person is already in the secretariat.

## Meetings of a table

meetings-title = Meetings
meetings-feed = Meetings calendar (iCal)
meetings-upcoming = Upcoming meetings
meetings-upcoming-none = No meeting convened.
meetings-past = Past and cancelled meetings
meeting-new = Convene a meeting
meeting-edit = Change the meeting
meeting-edit-title = Change: { $title }
meeting-form-intro = The convocation goes by email, with an invitation to add to the calendar, to every current representative of the members, each in their language.
meeting-conflict-text = Your changes were neither saved nor sent: the meeting changed meanwhile. Below is the saved version beside yours, with the differences marked; the form keeps what you typed: send it again to replace the saved version.
meeting-form-intro-edit = The changes go by email, with the updated invitation, to every current representative of the members.
meeting-title = Title of the meeting
meeting-when = When
meeting-when-hint = Date and times in Rome time.
meeting-date = Date
meeting-start = Start
meeting-end = End
meeting-where = Where
meeting-place = Place
meeting-place-hint = Address and room; leave it empty for an online-only meeting.
meeting-online = Online link
meeting-online-hint = A full web address starting with https://.
meeting-online-short = online
meeting-rome-time = Rome time
meeting-agenda = Agenda
meeting-agenda-hint = One item per row, each with its presenter: a representative of the table or a name written by hand. Empty rows are ignored; to add more items, save and change again.
meeting-item = Item { $n }
meeting-presenter-representative = Presenter (representative)
meeting-presenter-other = Someone else…
meeting-presenter-text = Or: presenter
meeting-documents = Documents to read
meeting-documents-hint = One document per line: its address in the library (or its identifier). Only public documents or documents visible to the whole programme, which every member can read.
meeting-documents-library = Open the library
meeting-documents-none = No documents to read.
meeting-convene = Convene and send
meeting-save-edit = Save and send the changes
meeting-status-convened = Convened
meeting-status-held = Held
meeting-status-cancelled = Cancelled
meeting-cancelled-notice = This meeting was cancelled.
meeting-attendance = Attendance
meeting-attendance-none = Attendance has not been recorded yet.
meeting-attendance-record = Record attendance
meeting-attendance-hint = For each member organisation on the day of the meeting: present (with who was there), delegated (to whom), absent with notice or absent. Recording attendance marks the meeting as held.
meeting-attendance-later = Attendance is recorded from the day of the meeting.
meeting-attendance-save = Save attendance
meeting-presence = Attendance
meeting-person = Person
meeting-person-present = Who was present
meeting-delegate = Delegated to (full name)
meeting-delegated-to = delegated to { $name }
meeting-presence-unrecorded = Not recorded
meeting-presence-present = Present
meeting-presence-delegated = Delegated
meeting-presence-excused = Absent with notice
meeting-presence-absent = Absent
meeting-cancel = Cancel the meeting
meeting-cancel-hint = The cancellation goes by email to every representative and removes the meeting from their calendars.
meeting-cancel-reason = Reason for the cancellation
meeting-cancel-confirm = Cancel the meeting and notify

mail-meeting-convened-subject = Convocation: { $title } ({ $table })
mail-meeting-changed-subject = Meeting changed: { $title } ({ $table })
mail-meeting-cancelled-subject = Meeting cancelled: { $title } ({ $table })
mail-meeting-withdrawn-subject = No longer invited: { $title } ({ $table })
mail-meeting-body =
    Dear { $name },

    { $kind ->
        [cancelled] the meeting "{ $title }" of the { $table }, planned on { $when }, has been cancelled. Reason: { $reason }
        [withdrawn] you are no longer invited to the meeting "{ $title }" of the { $table }, planned on { $when }: you no longer represent a member of the table. The attached notice removes it from your calendar.
        [changed] the meeting "{ $title }" of the { $table } has changed. Here are the updated details.
       *[convened] you are invited to the meeting "{ $title }" of the { $table }.
    }

    When: { $when } (Rome time)
    { $has_place ->
        [yes] Where: { $place }
       *[no] Where: online
    }
    { $has_online ->
        [yes] Link: { $online }
       *[no] {""}
    }
    Agenda:
    { $agenda }
    The attached invitation updates your calendar. All the details are here:
    { $link }

error-meeting-past = The meeting must be convened for a time in the future.
error-meeting-agenda = Write at least one agenda item.
error-meeting-too-many = Too many entries: at most 20.
error-meeting-item = Each agenda item has a one-line title of at most 300 characters.
error-meeting-presenter-missing = Say who presents each agenda item.
error-meeting-presenter-long = The presenter's name is too long (at most 120 characters).
error-meeting-presenter = The presenter must be one of the table's current representatives.
error-meeting-document = Name library documents that every member of the table can read, one per line.
error-meeting-cancelled = The meeting was cancelled.
error-meeting-held = The meeting has already been held.
error-meeting-begun = The meeting has already begun: it can no longer be changed or cancelled.
error-meeting-cancelled-twice = The meeting has already been cancelled.
error-attendance-early = Attendance is recorded from the day of the meeting.
error-attendance-not-member = Attendance is recorded only for organisations that were members of the table on the day of the meeting.
error-attendance-twice = Each organisation appears only once.
error-attendance-person = Names have at most 120 characters, without control characters.
error-attendance-delegate = For a delegation, say to whom it was given.
error-attendance-empty = Record the attendance of at least one organisation.
