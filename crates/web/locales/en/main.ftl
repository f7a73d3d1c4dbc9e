# Ponte — English interface.

## Layout
skip-to-content = Skip to main content
header-owner = International cooperation programme of local administrations
tagline = International cooperation with the Western Balkans and the South Mediterranean
language-switcher = Language
language-it = Italian
language-en = English
language-fr = French
nav-main = Main navigation
nav-toggle = Show or hide the navigation
nav-close = Close the navigation
nav-home = Home
nav-programme = Programme
nav-organisations = Administrations and partners
nav-invitations = Invitations
nav-users = Users
nav-audit = Activity log
breadcrumbs = Breadcrumbs
footer-programme = The programme
footer-about = Ponte
footer-about-text = The programme's web environment: labs, remote tutoring, documents and the professional community of the administrations.
footer-account = Your access
footer-status = Service status
back-home = Back to the home page
save = Save
search = Search
download-csv = Download as CSV
filter = Filter
all = All
pagination = Pagination
previous = Previous
next = Next
form-has-errors = The form has errors: please correct the fields shown.

## Home
home-title = Ponte: the programme's web environment
home-lead = Local and regional administrations learn and practise international cooperation with the Western Balkans and the countries of the South Mediterranean.
home-sign-in-title = Reserved area
home-sign-in-text = Sign in to work with your administration, your tutor and the programme staff.
home-welcome = Welcome, { $name }
home-workspaces = Your workspaces
home-features-title = What you find in Ponte
home-feature-labs = The programme's labs: modules, in-person days, materials.
home-feature-products = Each administration's products, drafted with remote tutoring.
home-feature-library = Documents and information by theme and by country.
home-feature-tables = Territorial tables with local actors and interregional labs.

## Information pages
info-accessibility-title = Accessibility statement
info-accessibility-p1 = Ponte is committed to making its site accessible, in accordance with Italian Law no. 4 of 9 January 2004 and the AgID guidelines (WCAG 2.1 level AA).
info-accessibility-p2 = Every page type is checked automatically at every change. To report an accessibility problem, write to the programme staff.
info-privacy-title = Privacy notice
info-privacy-p1 = Ponte processes users' personal data (name, email address, languages, competences) only to carry out the programme's activities.
info-privacy-p2 = Ponte uses technical cookies only: the sign-in session and the chosen language. No profiling cookies, no third-party services.

## Accounts
sign-in = Sign in
sign-out = Sign out
field-email = Email address
field-password = Password
field-new-password = New password
field-current-password = Current password
field-password-confirmation = Repeat the new password
field-name = Full name
field-organisation-name = Name of the organisation
field-languages = Languages spoken
field-competences = Competences
field-role = Role
field-roles = Roles
field-since = Member since
field-organisation = Administration or organisation
password-hint = At least 10 characters.
competences-hint = Separated by commas, for example: EU project design, PCM, partnerships.
forgot-title = Forgot your password?
forgot-text = Type the email address of your account: you will receive a link to choose a new password.
forgot-submit = Send the link
reset-title = Choose a new password
reset-submit = Save the new password
invitation-title = Invitation to Ponte
invitation-text = You were invited with the address { $email } in the role: { $role }. Complete your registration by choosing the name to show and a password.
invitation-submit = Complete registration
profile-title = My profile
profile-details = Personal details
profile-roles = Roles
profile-no-roles = No role assigned.
profile-organisations = My administrations
password-change-title = Change password
password-change-submit = Change password
field-status = Status
user-active = Active
user-suspended = Suspended
user-suspend = Suspend
user-reactivate = Reactivate
users-title = Users
users-count = { $count } registered users.
invite-title = Invite someone
invite-text = The person will receive an email with a personal link, valid for 7 days and usable once.
invite-no-organisation = None (platform or programme roles)
invite-organisation-hint = Required for coordinators, members, tutors and local actors.
invite-sent = Invitations sent
invite-sent-on = Sent on
invitation-pending = Pending
invitation-accepted = Accepted
invitation-expired = Expired
invite-submit = Send the invitation
done-reset = Password changed: sign in with the new password.
done-password = Password changed. Your other open sessions were closed.
done-profile = Profile saved.
done-invited = Invitation sent.
done-signed-out = You have signed out of Ponte.
done-reset-sent = If the address matches an account, you will shortly receive an email with a link to choose a new password.
mail-reset-subject = Ponte: choose a new password
mail-reset-body = Hello,
    to choose a new password for Ponte open this link within one hour:
    { $link }
    If you did not ask to change your password, ignore this message.
mail-invitation-subject = Ponte: you are invited
mail-invitation-body = Hello,
    you are invited to take part in Ponte in the role: { $role }.
    To complete your registration open this link within 7 days:
    { $link }

## Roles
role-admin = Platform administrator
role-staff = Programme staff
role-tutor = Tutor
role-coordinator = Administration coordinator
role-member = Administration member
role-actor = Local actor or partner

## Spoken languages
spoken-it = Italian
spoken-en = English
spoken-fr = French
spoken-es = Spanish
spoken-de = German
spoken-ar = Arabic
spoken-sq = Albanian
spoken-sr = Serbian
spoken-hr = Croatian
spoken-bs = Bosnian
spoken-mk = Macedonian
spoken-el = Greek
spoken-tr = Turkish

## Programme
programme-general-objective = General objective
programme-path = Path
programme-system-actions = System actions
programme-method = Method
programme-phases = Phases
programme-strands = Strands of the intervention
programme-total-days = Planned days
programme-cohorts = Groups of administrations
programme-expected-results = Main expected results
programme-transversal = Cross-cutting actions
programme-contribution = The implementing agency's contribution
programme-strand-no-modules = The modules of this strand are defined with the administrations involved and will appear here.
programme-strand-labs-title = Labs
strand-label = Strand { $code }
dimension-label = Dimension { $number }
phase-label = Phase { $number }
module-title = Module
module-days = Days
module-description = Description
module-products = Expected products
module-sessions = Scheduled days
module-sessions-none = The calendar of the days will be published by the programme staff.
days-in_person = { $days } { $unit ->
        [one] day
       *[other] days
    } in person
days-remote = { $days } { $unit ->
        [one] day
       *[other] days
    } remote
cohort-strands = Strands
cohort-organisations = Administrations in the group
product-macro_areas = Selection of the macro-areas of internationalisation
product-logframe = Logical frameworks per macro-area
product-strategic_plan = Proposal for a strategic plan of international opening
product-communication_plan = Internal and external communication plan
product-partnership_plan = Partnership plan
product-budget = Budget
product-project_proposal = Project proposal
product-organisational_analysis = Organisational analysis with improvement hypotheses
product-improvement_plan = Organisational improvement action plan

## Organisations
organisations-title = Administrations and partners
organisations-search = Search by name
organisations-count = { $count } results.
organisations-none = No organisation matches the search.
edit = Edit
organisation-edit = Edit: { $name }
conflict-title = Someone else saved this record while you were editing it.
conflict-text = Your changes were not saved and are not lost: they are in the form below. Compare the two versions (differences are highlighted); saving again replaces the current version with yours.
conflict-current = Version saved now
conflict-yours = Your version
organisation-new = New organisation
organisation-new-text = Fill in the section matching the chosen category; the others are ignored.
organisation-section-pa = Italian administration
organisation-section-partner = Foreign partner
organisation-section-actor = Local actor
field-category = Category
field-kind = Type
field-place = Region or country
field-region = Region
field-province = Province
field-country = Country
field-istat-code = ISTAT code
field-ipa-code = IPA code
field-tax-code = Tax code (codice fiscale)
field-website = Website
field-partner-type = Partner type
field-actor-sector = Sector
field-actor-nature = Nature
field-cadastral-code = Cadastral code
istat-code-hint = 2 digits for a region, 3 for a province or metropolitan city, 6 for a municipality.
ipa-code-hint = The code in the Italian public administration index (IndicePA), for example c_h501.
province-code-hint = The province abbreviation, for example SA. Required for provinces and municipalities.
tax-code-hint = 11 digits, including the check digit.
category-italian_pa = Italian administration
category-foreign_partner = Foreign partner
category-local_actor = Local actor
pa-kind-regione = Region
pa-kind-provincia = Province
pa-kind-citta_metropolitana = Metropolitan city
pa-kind-comune = Municipality
pa-kind-unione_di_comuni = Union of municipalities
pa-kind-altra_pa = Other public administration
partner-type-central_government = Central government
partner-type-local_government = Local authority
partner-type-agency = Public agency
partner-type-university = University or research centre
partner-type-ngo = Non-governmental organisation
partner-type-business = Business
partner-type-international = International organisation
actor-sector-public_body = Public body
actor-sector-university = University or research centre
actor-sector-chamber_of_commerce = Chamber of commerce
actor-sector-business = Business
actor-sector-association = Association
actor-sector-ngo = Non-governmental organisation
actor-sector-foundation = Foundation
actor-sector-trade_union = Trade union or business association
actor-sector-other = Other
actor-public = Public
actor-private = Private
workspace = Workspace
workspace-title = Workspace: { $name }
workspace-open = Open the workspace
workspace-people = People
workspace-no-people = Nobody holds a role in this workspace yet.
workspace-invite = Invite someone to this workspace
workspace-remove = Remove
workspace-removed = The role was removed.
workspace-products = Products
workspace-products-all = All products and activity
workspace-tutors = Tutors
municipalities-title = Italian municipalities (ISTAT)
municipalities-text = The official list of Italian municipalities published by ISTAT: { $count } municipalities loaded.
municipalities-search = Municipality name
municipalities-hint = Type at least two letters; accents do not matter.
municipalities-none = No municipality found.

## Audit
audit-title = Activity log
audit-when = When
audit-who = Who
audit-action = Action
audit-entity = Object
audit-before = Before
audit-after = After
audit-system = System
audit-count = { $count } recorded activities.

## Errors
error-title = Error { $status }
error-not-found = The page you asked for does not exist or is no longer available.
error-forbidden = You do not have permission to see this page or perform this action.
error-sign-in-needed = You need to sign in to perform this action.
error-conflict = Someone else changed this data while you were editing it: reload the page to see the current version, then apply your changes again.
error-internal = An unexpected error occurred. Try again shortly; if the problem persists, contact the programme staff.
error-unreadable = A stored record cannot be read, so this page cannot be shown. The problem has been logged: contact the programme staff.
error-bad-form = The request is not valid. Reload the page and try again.
error-bad-encoding = The request contains invalid characters.
error-too-large = The request is too large.
error-form-too-large = The form is larger than allowed: nothing was saved. Go back to the previous page and shorten what you wrote (a product's text may hold at most 200,000 characters, other forms much less).
error-duplicate = This item already exists.
error-link-invalid = The link is not valid: it has expired or has already been used. Ask for a new one.
error-required = This field is required.
error-too-long = The text is too long.
error-invalid-characters = The text contains characters that are not allowed.
error-email = Enter a valid email address, for example name@comune.it.
error-url = Enter a complete web address starting with https://.
error-unknown-choice = Choose one of the values offered.
error-password-short = The password must have at least 10 characters.
error-password-mismatch = The two passwords do not match.
error-password-wrong = The current password is not correct.
error-sign-in-failed = Wrong email or password.
error-throttled = Too many failed sign-in attempts. Try again in 15 minutes or choose a new password.
error-competence-long = Each competence can have at most 80 characters.
error-competences-many = You can list at most 20 competences.
error-organisation-needed = For this role choose an administration or organisation.
error-organisation-exists = An organisation with this code is already registered.
error-istat-code = The ISTAT code does not have the number of digits expected for this type of body.
error-ipa-code = The IPA code may only contain lower-case letters, digits and underscores (2 to 20 characters).
error-tax-code-format = The tax code must have 11 digits or 16 characters.
error-tax-code-check = The tax code is not correct: the check digit does not match.
error-province-code = The province abbreviation has two letters, for example SA.
error-suspend-self = You cannot suspend your own account.
error-istat-unknown = This code is not in the loaded ISTAT list of municipalities.
error-istat-region = According to ISTAT this body is in another region.
error-istat-province = According to ISTAT the province abbreviation is another one.
error-country = Choose a valid foreign country.
nav-my-workspace = My administration
home-mine-title = For you
home-next-session = Your next session
home-next-session-none = No session planned for you.
home-registered = you are registered
home-invited = you are invited
home-not-registered = you are not registered yet
home-products-due = Products due
home-products-due-none = No product has a due date.
home-due-on = by { $date }
home-waiting = Waiting for you
home-waiting-reviews = { $count ->
    [one] 1 product to review
   *[other] { $count } products to review
}
home-waiting-changes = { $count ->
    [one] 1 product with changes requested by the tutor
   *[other] { $count } products with changes requested by the tutor
}
home-waiting-comments = { $count ->
    [one] 1 comment to answer
   *[other] { $count } comments to answer
}
home-waiting-nothing = Nothing waiting.
home-open-workspace = Open the workspace of { $name }
error-line-break = This field holds one line: remove the line breaks.
audit-did = { $who } { $what }
audit-someone = The system
audit-unknown-action = did something ({ $code })
audit-record = Record
audit-person = Person
audit-from = From
audit-until = Until
audit-record-id = Record identifier
audit-details = Technical details
audit-everyone = Everyone
audit-did-grant-add = granted a role
audit-did-grant-revoke = revoked a role
audit-did-invitation-accept = accepted an invitation and created their account
audit-did-invitation-create = invited someone
audit-did-labs-agenda-add = added an item to a session's agenda
audit-did-labs-agenda-remove = removed an item from a session's agenda
audit-did-labs-certificate-issue = was issued a certificate of participation
audit-did-labs-certificate-update = had their certificate of participation updated
audit-did-labs-check-in = checked in at a session
audit-did-labs-feed-token = created their personal calendar feed
audit-did-labs-feedback = answered a questionnaire
audit-did-labs-invite = invited someone to a session
audit-did-labs-material-add = added material to a session
audit-did-labs-register = registered for a session
audit-did-labs-register-record = registered someone for a session
audit-did-labs-register-save = saved an attendance register
audit-did-labs-session-create = scheduled a session
audit-did-labs-session-outcomes = wrote a session's outcomes
audit-did-labs-session-status = changed a session's status
audit-did-labs-session-update = edited a session
audit-did-labs-unregister = cancelled a registration
audit-did-library-create = added a document to the library
audit-did-library-delete = deleted a library document
audit-did-library-extract = asked for a document's text to be extracted
audit-did-library-extraction = extracted a document's text
audit-did-library-extraction-retry = asked again for the text extraction
audit-did-library-import-sectors = imported the OECD DAC sectors
audit-did-library-macro-area-save = saved a macro-area
audit-did-library-reading-add = added a recommended reading
audit-did-library-reading-remove = removed a recommended reading
audit-did-library-update = edited a library document
audit-did-municipalities-import = imported the list of municipalities
audit-did-organisation-create = added an organisation to the registry
audit-did-organisation-update = edited an organisation's record
audit-did-password-reset = reset their password
audit-did-password-reset-request = asked to reset their password
audit-did-products-comment = commented on a product
audit-did-products-create = created a product
audit-did-products-publish-model = published a product as a model
audit-did-products-reopen = reopened a comment
audit-did-products-resolve = resolved a comment
audit-did-products-review = moved a product's review on
audit-did-products-save = saved a product
audit-did-programme-cohort-create = created a cohort
audit-did-programme-cohort-update = edited a cohort
audit-did-programme-dimension-create = added a dimension
audit-did-programme-load = loaded the programme
audit-did-programme-module-create = created a module
audit-did-programme-module-move = moved a module
audit-did-programme-module-update = edited a module
audit-did-programme-phase-create = added a phase
audit-did-programme-texts-update = edited the programme's texts
audit-did-session-close = signed out
audit-did-tables-create = created a territorial table
audit-did-tables-meeting-attendance = recorded the attendance of a territorial table's meeting
audit-did-tables-meeting-cancel = cancelled a territorial table's meeting
audit-did-tables-meeting-convene = convened a territorial table's meeting
audit-did-tables-meeting-update = changed a territorial table's meeting
audit-did-tables-member-add = added a member to a territorial table
audit-did-tables-member-leave = recorded a member leaving a territorial table
audit-did-tables-memorandum = recorded a territorial table's memorandum of understanding
audit-did-tables-representative-add = added a representative to a territorial table
audit-did-tables-secretariat-add = named a person to a territorial table's secretariat
audit-did-tables-signatory-add = recorded a signature of a territorial table's memorandum
audit-did-tables-status = changed a territorial table's status
audit-did-tables-update = edited a territorial table
audit-did-session-open = signed in
audit-did-tutoring-record = recorded a tutoring session
audit-did-user-create = created an account
audit-did-user-password = changed their password
audit-did-user-profile = updated a profile
audit-did-user-reactivate = reactivated an account
audit-did-user-suspend = suspended an account
