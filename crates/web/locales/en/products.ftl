## Products and remote tutoring

nav-notifications = Notifications
nav-tutoring = Tutoring
products-title = Products
products-of = Products of { $name }
products-new = New product
products-create = Create the product
products-none = No products yet. Start with the first product of the lab.
products-field-title = Title
products-field-kind = Type of product
products-field-state = Status
products-field-due = Deadline
products-due-hint = Optional. Three days before, the people working on the product get a reminder.
products-due = Deadline: { $date }
products-updated = Updated on { $at }
products-versions-count = { $count ->
    [one] one version
   *[other] { $count } versions
}
products-open-comments = Open comments
products-feed = Recent activity
products-feed-empty = No activity yet.
products-someone = Someone
products-edit = Edit
products-editing = Editing: { $title }
products-versions = Versions
products-version = Version
products-version-n = version { $n }
products-version-label = Description of the version
products-version-by = Author
products-version-at = Date
products-versions-intro = Versions are fixed copies of the product: they never change. Each submission to the tutor creates one.
products-no-versions = No versions yet: tick “Save as a version” when you save, or submit the product to the tutor.
products-state-since = since { $at }, { $who }
products-draft = Current draft
products-draft-updated = Draft updated on { $at } by { $who }.
products-viewing-version = You are reading version { $n } of { $at } ({ $who }).
products-back-to-draft = Back to the draft
products-content = Content
products-empty = The product is still empty.
products-history = History
products-text = Text
products-markdown-hint = Write in Markdown: ## for section headings, - for lists, **bold**, [text](https://address) for links. HTML code is shown as text.
products-mark-version = Save as a version (a fixed copy the tutor can compare)
products-save = Save
products-save-stay = Save and continue
products-not-editable = The product is under review or approved: it cannot be edited now.
products-conflict-title = Someone else saved this product while you were editing it.
products-conflict-body = { $who } saved on { $at }. Your changes are below, not saved: compare them with the saved version and save again to keep them.
products-conflict-show = Show the saved version
products-done-saved = Changes saved.
products-done-version = Changes saved as a new version.
products-done-submitted = Product submitted to the tutor.
products-done-resubmitted = Product submitted again to the tutor.
products-done-changes_requested = Changes requested: the authors have been told.
products-done-approved = Product approved.
products-done-blocked = The logframe still has errors: fix them before submitting it (see the quality check).
products-compare = Compare versions
products-compare-from = From
products-compare-to = To
products-compare-go = Compare
products-comparing = Differences between { $a } and { $b }.
products-compare-mixed = The two versions hold different kinds of content and cannot be compared row by row.
products-changes = { $count ->
    [0] No differences
    [one] One difference
   *[other] { $count } differences
}
products-diff-row = Row
products-diff-change = Change
products-diff-before = Before
products-diff-after = After
products-diff-same = unchanged
products-diff-added = added
products-diff-removed = removed
products-diff-changed = changed
products-diff-renumbered = was { $from }

state-draft = Draft
state-submitted = Submitted to the tutor
state-changes_requested = Changes requested
state-resubmitted = Resubmitted
state-approved = Approved

event-created = Created
event-version = Version
event-submitted = Submitted to the tutor
event-resubmitted = Resubmitted
event-changes_requested = Changes requested
event-approved = Approved
feed-created = { $who } created
feed-version = { $who } saved a version
feed-submitted = { $who } submitted to the tutor
feed-resubmitted = { $who } resubmitted to the tutor
feed-changes_requested = { $who } requested changes
feed-approved = { $who } approved
feed-commented = { $who } commented
event-commented = Commented

review-title = Review
review-note = Note for the other side (optional)
review-action-submit = Submit to the tutor
review-action-request_changes = Request changes
review-action-approve = Approve
review-refused-state = This action is not possible in the product's current status.
review-refused-role = You cannot take this action on this product.
review-refused-own = You cannot approve or send back a product you worked on.

comments-title = Comments
comments-anchor = On which element
comments-general = The whole product
comments-body = Comment
comments-add = Add the comment
comments-none = No comments.
comments-on-draft = on the draft
comments-anchor-gone = element no longer present
comments-resolved = Resolved
comments-resolve = Mark as resolved
comments-reopen = Reopen
comments-reply = Reply

inbox-title = Remote tutoring
inbox-no-organisations = You are not a tutor of any administration.
inbox-waiting = Products to review
inbox-waiting-none = No product is waiting for review.
inbox-threads = Open comments
inbox-threads-none = No open comments.

notifications-title = Notifications
notifications-none = No notifications.
notifications-new = New
notifications-mark-read = { $count ->
    [one] Mark as read
   *[other] Mark all as read ({ $count })
}
notification-submitted = { $who } submitted to the tutor
notification-resubmitted = { $who } submitted again
notification-changes_requested = { $who } requested changes
notification-approved = { $who } approved
notification-comment = { $who } commented
notification-reminder = Deadline approaching

mail-product-submitted-subject = Ponte: “{ $title }” is ready for review
mail-product-submitted-body = The product “{ $title }” was submitted to the tutor.

    Open it here: { $link }
mail-product-resubmitted-subject = Ponte: “{ $title }” was submitted again
mail-product-resubmitted-body = The authors revised the product “{ $title }” and submitted it again.

    Open it here: { $link }
mail-product-changes_requested-subject = Ponte: the tutor requests changes to “{ $title }”
mail-product-changes_requested-body = The tutor requested changes to the product “{ $title }”.

    Read the comments here: { $link }
mail-product-approved-subject = Ponte: “{ $title }” is approved
mail-product-approved-body = The tutor approved the product “{ $title }”.

    Open it here: { $link }
mail-product-reminder-subject = Ponte: “{ $title }” is due on { $due }
mail-product-reminder-body = Reminder: the product “{ $title }” is to be submitted to the tutor by { $due }.

    Open it here: { $link }

section-chosen-areas = Chosen macro-areas
section-rationale = Rationale
section-actors = Local actors involved
section-priorities = Priorities
section-target-countries = Target countries
section-linked-logframes = Linked logframes
section-timeline = Timeline
section-objectives = Objectives
section-audiences = Audiences
section-messages = Key messages
section-channels = Channels and tools
section-partners = Partners
section-roles = Roles and responsibilities
section-agreements = Partnership agreements and tools
section-cost-items = Cost items
section-funding-sources = Funding sources
section-cofinancing = Co-financing
section-context = Context and problem
section-activities = Activities
section-budget = Budget
section-sustainability = Sustainability
section-current-organisation = Current organisation
section-strengths-weaknesses = Strengths and weaknesses
section-improvement-hypotheses = Improvement hypotheses
section-actions = Improvement actions
section-responsibilities = Responsibilities
section-monitoring = Monitoring

product-document = Free document

lf-mode = Type of matrix
lf-mode-hint = The classic Project Cycle Management matrix, or the results chain of current EU actions.
lf-mode-classic = Classic 4x4 matrix
lf-mode-results_chain = Results chain (EU)
lf-metadata = Logframe details
lf-macro-area = Macro-area
lf-language = Language of the matrix
lf-language-hint = Numbers without a declared format are read by this language: "1.234" is one thousand two hundred and thirty-four in Italian and French, one point two three four in English.
lf-language-none = Not stated
lf-project-end = Project end
lf-project-end-hint = Results' targets are reached by this date.
lf-preconditions = Pre-conditions
lf-preconditions-hint = What must hold before the activities can start (classic matrix).
lf-marked-final = Final matrix
lf-marked-final-hint = Marks the matrix final: baselines and targets the EU results-chain template lets you complete at contract signature or in the first progress report become required.
lf-final-badge = Final
lf-sectors = OECD DAC sectors
lf-editor-hint = Each row is numbered automatically (1, 1.1, 1.1.1). Move rows with the buttons or by dragging them: a row takes the rows under it along.
lf-drag = Drag to move
lf-level = Level
lf-level-overall = Overall objective
lf-level-specific = Specific objective
lf-level-result = Result
lf-level-activity = Activity
lf-level-impact = Impact
lf-level-outcome = Outcome
lf-level-output = Output
lf-col-logic-classic = Intervention logic
lf-col-logic-results_chain = Results chain
lf-col-indicators = Indicators
lf-col-sources-classic = Sources of verification
lf-col-sources-results_chain = Sources of data
lf-col-assumptions = Assumptions
lf-means = Means
lf-costs = Costs
lf-indicator = Indicator
lf-indicator-text = Indicator
lf-measure = Measure
lf-measure-number = Number
lf-measure-percentage = Percentage
lf-measure-qualitative = Qualitative
lf-direction = Expected direction
lf-direction-increase = Increase
lf-direction-decrease = Decrease
lf-direction-maintain = Maintain
lf-unit = Unit
lf-baseline = Baseline
lf-baseline-year = Baseline year
lf-target = Target
lf-target-date = Target date
lf-milestones = Milestones
lf-source = Source
lf-disaggregation = Disaggregation
lf-move-up = Move up
lf-move-down = Move down
lf-add-indicator = Indicator
lf-add-overall = Overall objective
lf-add-classic-specific = Specific objective
lf-add-classic-result = Result
lf-add-classic-activity = Activity
lf-add-results_chain-specific = Outcome
lf-add-results_chain-result = Output
lf-remove-indicator = Remove the indicator
lf-remove-row = Remove the row
lf-row-actions = Actions on { $row }
lf-field-mode = type of matrix
lf-field-macro_area = macro-area
lf-field-countries = countries
lf-field-sectors = sectors
lf-field-language = language of the matrix
lf-field-project_end = project end
lf-field-preconditions = pre-conditions
lf-field-marked_final = final matrix
lf-field-level = level
lf-field-text = text
lf-field-sources = sources
lf-field-assumptions = assumptions
lf-field-means = means
lf-field-costs = costs
lf-field-unit = unit
lf-field-measure = measure
lf-field-direction = direction
lf-field-baseline = baseline
lf-field-baseline_year = baseline year
lf-field-target = target
lf-field-target_date = target date
lf-field-milestones = milestones
lf-field-source = source
lf-field-disaggregation = disaggregation
lf-error-year = Write a four-digit year between 1950 and 2100.
lf-error-too-many-rows = A logframe can have at most 200 rows.
lf-error-too-many-indicators = A row can have at most 20 indicators.
lf-check-title = Quality check
lf-check-ok = The quality check finds no problems.
lf-severity-error = To fix
lf-severity-warning = To consider
lf-check-no-overall = The overall objective is missing: a logframe has exactly one.
lf-check-many-overall = There is more than one overall objective: a logframe has only one; the others can become specific objectives.
lf-check-no-specific = A specific objective is missing: at least one is needed.
lf-check-orphan-result = This result is not under a specific objective: move it under the objective it contributes to.
lf-check-orphan-activity = This activity is not under a result: move it under the result it produces.
lf-check-empty-specific = There is no result under this objective: state the results (outputs) that make it reachable.
lf-check-empty-result = There is no activity under this result: in the classic matrix every result has the activities that produce it.
lf-check-no-indicator = An indicator is missing: every objective and every result has at least one.
lf-check-no-unit = The numeric indicator has no unit.
lf-check-no-baseline = The quantitative indicator has no baseline with its year.
lf-check-no-target = The quantitative indicator has no target with its date.
lf-check-no-source = The quantitative indicator has no source (neither its own nor the row's).
lf-check-chain-baseline-pending = The baseline with its year is still missing: the EU template lets you complete it at contract signature or in the first progress report at the latest; it becomes required when you mark the matrix final.
lf-check-chain-target-pending = The target with its date is still missing: the EU template lets you complete it at contract signature or in the first progress report at the latest; it becomes required when you mark the matrix final.
lf-check-qualitative-no-source = The qualitative indicator has no source (neither its own nor the row's): say where the change will be verified.
lf-check-qualitative-no-target = The qualitative indicator does not describe the expected situation: write what the state to reach looks like.
lf-check-ambiguous-number = A value can be read two ways (for example "1.234": one thousand two hundred and thirty-four, or one point two): state the matrix's language or write the number unambiguously ("1234" or "1,234.0").
lf-check-target-direction = The target does not move from the baseline in the expected direction.
lf-check-percent-range = A percentage lies outside 0 to 100.
lf-check-target-before-baseline = The target is dated before the baseline's year.
lf-check-target-after-end = This result's target is dated after the project ends: results are reached within the project.
lf-check-outcome-target-after-end = The target is dated after the project ends: check that it can be measured, for example by the final evaluation.
lf-check-qualitative-numbers = The qualitative indicator's value is only a quantity: make the indicator numeric, or describe the state in words.
lf-check-process-indicator = This indicator counts meetings, seminars or trainings held: it measures the activities, not the change expected at objective level. Move it to a result and measure the effect here.
lf-check-no-sex-disaggregation = The indicator counts people but is not disaggregated by sex, as the EU gender action plan asks.
lf-check-no-assumption = This row has no assumption: write the external condition needed to reach the level above.
lf-check-no-activity-assumption = No activity states an assumption and there are no pre-conditions: write what the activities need to take place.
lf-check-copied-assumption = The same assumption is copied to every row: each step between levels has its own external conditions.
lf-check-activity-means = The activity states no means or costs: add them, until a linked budget gives them.
lf-check-chain-activity = The results chain holds no activities: describe them in the project, not in the matrix.
lf-check-chain-too-many = The results chain has more than 10 results, impact included: focus it on the main ones.
lf-check-activity-objective = This objective describes an activity ("to organise", "implementation of"…): describe the expected change instead.
lf-check-activity-result = This result describes an activity ("to organise", "implementation of"…): describe the product or service obtained instead (for example "Plan adopted").
lf-check-duplicate-row = This row repeats another row in nearly the same words: merge them or tell them apart.
lf-check-restates-parent = This row restates the one it depends on: describe the intermediate step that leads to the level above.

products-starting-from = The new product starts from a copy of “{ $title }”.
products-use-practice = Use in my administration
products-from-practice-intro = Adaptation of the good practice “{ $title }” ({ $administration }).
products-practice-adaptation = How we adapt it to our administration
products-model-not-approved = Only an approved product can become a model.
products-done-model = The product is published as a model for the other administrations.
products-done-unmodel = The product is no longer a model.
models-title = Product models
models-intro = Approved products that programme staff published as models: any administration can start from a copy of them.
models-none = No models published yet.
models-browse = Or start from a published model
models-badge = Model
models-from = by { $name }
models-use = Start from this model for { $name }
models-publish = Publish as a model
models-withdraw = Withdraw the model

tutoring-log = Tutoring log
tutoring-total = { $count ->
    [0] No sessions logged.
    [one] One session logged, { $hours } hours.
   *[other] { $count } sessions logged, { $hours } hours in all.
}
tutoring-recorded = Session logged.
tutoring-minutes = { $minutes } minutes
tutoring-by = Tutor: { $who }
tutoring-participants = Participants
tutoring-steps = Agreed next steps
tutoring-step = What
tutoring-owner = Who
tutoring-due = By
tutoring-none = No tutoring sessions logged.
tutoring-record = Log a session
tutoring-date = Date of the session
tutoring-duration = Duration in minutes
tutoring-notes = Notes
tutoring-product = Product discussed
tutoring-save = Log the session
tutoring-error-date = The date cannot be in the future or more than ten years ago.
tutoring-error-minutes = Write the duration in minutes, between 5 and 600.

workload-title = Tutors' workload
workload-intro = For each tutor: administrations followed, sessions logged and their length, products waiting for review and open comments.
workload-tutor = Tutor
workload-organisations = Administrations
workload-sessions = Sessions
workload-hours = Hours
workload-last = Last session
workload-none = No tutors assigned.
products-export = Download
products-export-docx = Word document (DOCX)
products-export-pdf = PDF
products-export-xlsx = Spreadsheet (XLSX)
lf-countries-label = Countries

analysis-title = Problem and stakeholder analysis
analysis-link = Start from the problem tree and the stakeholder analysis.
analysis-intro = The problem tree (the core problem, its causes below and its effects above) is restated as the objective tree with the same cause-effect links; the objective tree generates the rows of the logframe. The stakeholder analysis says who matters and how they take part.
analysis-empty = The tree is still empty: start with the core problem.
analysis-problem-tree = Problem tree
analysis-objective-tree = Objective tree
analysis-effects = Effects
analysis-causes = Causes
analysis-ends = Ends
analysis-means = Means
analysis-to-restate = (to restate)
analysis-stakeholders = Stakeholder analysis
analysis-no-stakeholders = No stakeholders yet.
analysis-stakeholder = Stakeholder
analysis-interests = Interests
analysis-influence = Influence
analysis-capacity = Capacity
analysis-participation = Participation
analysis-watch-title = To consider in the assumptions
analysis-watch = { $names }: high influence but only informed or consulted. Write in the logframe's assumptions what happens if they do not go along.
analysis-edit = Edit the analysis
analysis-nodes = Problems and objectives
analysis-nodes-hint = One core problem only. Each cause names the problem it causes; each effect the problem it comes from. Empty the problem to remove a row.
analysis-kind = Type
analysis-kind-core = Core problem
analysis-kind-cause = Cause
analysis-kind-effect = Effect
analysis-parent = Linked to
analysis-problem = Problem
analysis-objective = Objective (the problem restated positively)
analysis-save = Save the analysis
analysis-generate = Generate the logframe rows
analysis-generate-hint = Direct effects become the overall objective, the core problem the specific objective, direct causes the results and their causes the activities. An empty logframe is replaced; otherwise the rows are added at the end.
analysis-error-core = The tree needs one and only one core problem.
analysis-error-link = Each cause must link to the core problem or another cause, each effect to the core problem or another effect, with no loops.
grade-low = Low
grade-medium = Medium
grade-high = High
participation-inform = Informed
participation-consult = Consulted
participation-involve = Involved
participation-collaborate = Collaborates
participation-empower = Decides

strategy-areas = Chosen macro-areas and rationale
strategy-rationale = Why this macro-area
strategy-priorities = Priorities
strategy-priorities-hint = One priority per line, most important first.
strategy-countries = Target countries
strategy-map-caption = The plan's target countries are in dark blue.
strategy-logframes = Linked logframes
strategy-no-logframes = The administration has no logframes yet.
strategy-timeline = Timeline
strategy-when = When (YYYY-MM or YYYY-MM-DD)
strategy-what = What
strategy-none = Not stated yet.
strategy-error-area = Choose a macro-area of the programme.
strategy-error-area-twice = Each macro-area is chosen only once.
strategy-error-when = Write the timeline's dates as YYYY-MM or YYYY-MM-DD.
strategy-when-short = When
products-field-session = Lab session
products-session-hint = Optional: the product is due at this session, whose day becomes the deadline.
inbox-threads-oldest = The 60 oldest open comments are shown.
lf-sectors-filter = Filter the sectors
products-preview = Preview
products-preview-show = Update the preview
products-preview-empty = Write the text, then update the preview to see it as others will read it.
inbox-waiting-order = The products waiting longest come first.
inbox-waited = { $days ->
    [0] Sent today
    [one] Waiting for 1 day (sent on { $since })
   *[other] Waiting for { $days } days (sent on { $since })
}
lf-row-n = Row { $n }
