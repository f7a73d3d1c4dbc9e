# Funding calls and the eligibility check.
nav-calls = Calls
calls-title = Funding calls
calls-intro = The calls the administrations answer: programme, budget rules, deadline, eligible countries and limits. Budgets and partnerships choose their call and show what they meet and what they do not.
calls-new = New call
calls-edit = Edit the call “{ $name }”
calls-edit-link = Edit “{ $name }”
calls-none = No calls yet.
calls-done-created = Call added.
calls-done-saved = Call saved.
calls-form-intro = Enter the limits as the call states them and cite the source. An empty field means the call sets no such limit.
calls-field-name = Call name
calls-field-programme = Programme
calls-field-pack = Budget rules
calls-field-pack-hint = The set of rules budgets submitted to this call are checked against.
calls-field-deadline = Deadline
calls-field-countries = Eligible countries
calls-field-countries-hint = The countries partners may come from. None selected: any country.
calls-funding = Funding and duration
calls-field-eu-rate-max = Highest EU co-financing rate (%)
calls-field-eu-rate-max-hint = For example 85 or 89.5.
calls-amount-hint = In euro, as you write it: 1,500,000 or 1,500,000.00.
calls-field-grant-min = Smallest grant
calls-field-grant-max = Largest grant
calls-field-months-min = Shortest duration (months)
calls-field-months-max = Longest duration (months)
calls-partnership = Partnership
calls-field-partners-min = Fewest partners
calls-field-partners-min-hint = The lead and the partners count; associates do not.
calls-field-countries-min = Fewest countries
calls-field-per-country-max = Most partners from one country
calls-field-group-min = Fewest partners from: { $group }
calls-field-cover-targets = Every target country of the project must have a partner
calls-field-source = Source
calls-field-source-hint = The call's document and the pages the limits come from.
calls-not-set = Not stated
# A deadline the call does not state: its own key, as the words agree with "deadline" in some languages.
calls-deadline-not-set = Not stated
calls-pack-not-set = Not stated
calls-any-country = Any country
calls-grant = Grant
calls-at-least = at least { $value }
calls-at-most = at most { $value }
calls-duration = Duration
calls-months-at-least = at least { $months } months
calls-months-at-most = at most { $months } months
# Between two limits of one line ("at least …; at most …").
calls-limits-joiner = {"; "}
calls-partners-at-least = at least { $count } partners
calls-countries-at-least = at least { $count } countries
calls-per-country-at-most = at most { $count } partners per country
calls-group-at-least = at least { $count } from: { $group }
calls-yes = Yes
calls-no = No
calls-group-erdf = EU member states (ERDF partners)
calls-group-ipa = IPA countries
calls-group-mpc = Mediterranean Partner Countries
calls-group-wb = Western Balkans
calls-error-whole-number = Enter a whole number, without decimals.
calls-error-max-below-min = The maximum is below the minimum.
calls-error-rate-zero = A 0 % rate makes no sense: leave the field empty if the call sets none.
calls-error-rate-above-100 = The rate cannot exceed 100 % and has at most two decimals.
calls-error-grant-too-large = Amount too large.
calls-error-too-many-countries = Too many countries.
audit-did-calls-create = added a funding call
audit-did-calls-update = edited a funding call
calls-choose = Call
calls-choose-hint = The call the project answers: its limits are checked below.
calls-manage = Manage the calls

# The eligibility check.
eligibility-title = Eligibility under the call
eligibility-intro = What the project meets and what it does not, under the call “{ $call }” ({ $programme }).
eligibility-no-call = No call chosen: choose the call in the editor to see the eligibility.
eligibility-summary = { $failures ->
    [0] No requirement breached.
    [one] One requirement is not met.
   *[other] { $failures } requirements are not met.
}
eligibility-outcome-holds = Met
eligibility-outcome-breached = Not met
eligibility-outcome-unknown = To be checked
eligibility-advice = advice
eligibility-deadline-holds = The deadline of { $deadline } has not passed.
eligibility-deadline-passed = The deadline of { $deadline } has passed.
eligibility-no-logframe = No logframe linked: the target countries cannot be checked.
eligibility-no-partnership = No partnership for this logframe: the partner requirements cannot be checked.
eligibility-no-budget = No budget for this logframe: grant, rate and duration cannot be checked.
eligibility-target-not-eligible = The target country { $country } is not among the call's countries.
eligibility-targets-eligible = Every target country is among the call's countries.
eligibility-budget-problems = The budget has errors to correct before it can be checked.
eligibility-rate-holds = The grant requested ({ $grant }) does not exceed { $percent } % of the total cost ({ $total }).
eligibility-rate-breached = The grant requested ({ $grant }) exceeds { $percent } % of the total cost ({ $total }): the most is { $max_amount }.
eligibility-grant-min-holds = The grant requested ({ $grant }) reaches the minimum of { $limit }.
eligibility-grant-min-breached = The grant requested ({ $grant }) is below the minimum of { $limit }.
eligibility-grant-max-holds = The grant requested ({ $grant }) does not exceed the maximum of { $limit }.
eligibility-grant-max-breached = The grant requested ({ $grant }) exceeds the maximum of { $limit }.
eligibility-months-min-holds = The duration of { $months } months reaches the minimum of { $limit }.
eligibility-months-min-breached = The duration of { $months } months is below the minimum of { $limit }.
eligibility-months-max-holds = The duration of { $months } months does not exceed the maximum of { $limit }.
eligibility-months-max-breached = The duration of { $months } months exceeds the maximum of { $limit }.
eligibility-months-unknown = The budget does not state the project's duration.
eligibility-pack-holds = The budget meets the rules “{ $pack }”.
eligibility-pack-breached = { $breached ->
    [one] The budget breaches one rule of “{ $pack }”: see the budget's check.
   *[other] The budget breaches { $breached } rules of “{ $pack }”: see the budget's check.
}
eligibility-pack-other = The budget is not checked against the call's rules (“{ $pack }”): choose them in the budget.
eligibility-budget-partner-missing = { $partner } has a budget but is not in the partnership.
eligibility-budget-partners-hold = Every partner of the budget is in the partnership.
