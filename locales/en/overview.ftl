# The overview report of a large model and its split pages (issue 15).
# Same messages in every language.

## The overview: head

overview-overline = GDPR accountability overview
overview-title = Overview: {$model} as of {$date}
overview-heading = Who is responsible for what in {$model}
overview-meta-model = Model
overview-meta-as-of = Evaluated as of
overview-meta-produced = Produced on
overview-meta-not-stated = not stated
overview-why-large = The model has {$parties} parties with a role or a finding and {$findings} findings, more than {$max_parties} parties or {$max_findings} findings: a report of it all is more than a browser opens. This is its overview. `ansvar report --split DIR` writes one page per party; `--full` writes the whole report.
overview-why-asked = This is the overview of the model (`--overview`). `ansvar report --split DIR` writes one page per party; `--full` writes the whole report.
overview-why-split = This page is the index of the model's pages: one per party with a role or a finding, holding its duty sheet, its part of the chain, its findings and its records.
overview-note = Roles are derived for each processing activity from the facts recorded in the model, not from what contracts call the parties. The report is only as sound as the facts recorded; it does not replace legal advice.

## Figures

overview-figure-parties = {$count ->
    [one] party with a role or a finding
   *[other] parties with a role or a finding
}
overview-figure-activities = {$count ->
    [one] processing activity
   *[other] processing activities
}
overview-figure-open = {$count ->
    [one] open finding as of {$date}
   *[other] open findings as of {$date}
}
overview-accepted = {$count ->
    [0] No finding is covered by an accepted risk.
    [one] 1 finding is covered by an accepted risk.
   *[other] {$count} findings are covered by an accepted risk.
}

## The most severe findings

overview-top-heading = The most severe findings
overview-top-none = No open findings.
overview-top-more = {$shown} of {$total} open findings are listed here, the most severe first; every finding is on the page of the party that must act, and in `ansvar check --format json`.
overview-top-all = Every open finding is listed here, the most severe first.
overview-what-to-do = What to do:

## The chain

overview-chain-heading = The chain
overview-chain-drawn = Controllers on the left, the processors they engage and those processors' sub-processors to the right, systems last, in the activities running on {$date}.
overview-chain-not-drawn = The chain is not drawn: {$parties} parties hold a role, more than the {$max} a drawing can show legibly. Each party's page shows its part of it; `ansvar graph --scope PARTY` draws the chain of one party.

## The parties

overview-parties-heading = The parties
overview-parties-intro = One row per party with a role or a finding, by name: the roles it holds (and in how many activities), and the open findings it must act on, by severity.
overview-parties-intro-split = One row per party with a role or a finding, by name, linked to its page: the roles it holds (and in how many activities), and the open findings it must act on, by severity.
overview-column-party = Party
overview-column-roles = Roles
overview-column-accepted = Accepted
overview-roles-none = no role
overview-role-controller = controller
overview-role-joint = joint controller
overview-role-processor = processor
overview-role-sub = sub-processor
overview-role-own = controller for its own purposes (Art. 28(10))
overview-role-legend = C controller · JC joint controller · P processor · SP sub-processor · C* controller for its own purposes (Art. 28(10)); the number is how many activities.

## A party's page (`--split`)

overview-page-title = {$party}: duties in {$model} as of {$date}
overview-page-back = Overview of {$model}
overview-page-chain-heading = Its part of the chain
overview-page-chain-intro = Whom this party acts for, and who acts for it, in each activity where it holds a role.
overview-page-acts-for = Acts for
overview-page-acted-for-by = Acting for it
overview-page-column-activity = Activity
overview-page-column-role = Role
overview-page-column-party = Party
overview-page-chain-none = It acts for no one and no one acts for it.
overview-page-roles-heading = Roles and why
overview-page-no-role = No role in any processing activity.
overview-page-duties-heading = Duties
overview-page-no-duty = No duty follows from its roles as of {$date}.
overview-page-column-provision = Provision
overview-page-column-duty = Duty
overview-page-column-applies = Applies to
overview-page-findings-heading = Findings
overview-page-findings-none = None.
overview-page-records-heading = Its records of processing (Art. 30)
overview-page-records-none = No record of processing names this party as controller or processor.
overview-page-model-note = Model note:
overview-page-not-running = not running on {$date}
overview-page-of = of

## Role codes, as the party table shows them

overview-code-controller = C
overview-code-own = C*
overview-code-joint = JC
overview-code-processor = P
overview-code-sub = SP
