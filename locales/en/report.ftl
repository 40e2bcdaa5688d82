# The report's own texts: headings, duty sheets, records and the register
# (templates under templates/ and src/report/). Same messages in every language.

## Shared words

not-recorded = not recorded
yes = yes
no = no
none = none
list-and-more = { $list } and { $more } more
country-eea = { $country }, EU/EEA
country-adequate = { $country }, third country with an adequacy decision ({ $instrument })
country-third = { $country }, third country with no adequacy decision in force

## Duty sheets: the party's facts

party-kind-region = region
party-kind-municipality = municipality
party-kind-care_provider = care provider
party-kind-subcontractor = subcontractor
party-kind-tech_vendor = tech vendor
party-kind-authority = authority
party-kind-other = other
fact-kind = Kind
fact-established = Established in
fact-org-number = Organisation number
fact-owned-by = Owned by
fact-public-body = Public body
fact-bound-by = Bound by
fact-no-regime = no regime recorded
fact-dpo = Data protection officer
dpo-designated = designated
dpo-none = none designated
fact-records = Records of processing
records-kept = kept
records-not-kept = not kept
fact-employees = Employees
fact-eu-establishment = Establishment in the EU/EEA
fact-targets-eu = Offers goods or services to people in the Union
fact-monitors-eu = Monitors people in the Union
fact-core-special = Core activities: large-scale special-category processing

## Duty sheets: findings, roles

sheet-findings-none = No findings against this party.
sheet-findings-open = { $open -> 
    [one] 1 open finding
   *[other] { $open } open findings
} against this party.
sheet-findings-open-accepted = { $open ->
    [one] 1 open finding
   *[other] { $open } open findings
} and { $accepted ->
    [one] 1 accepted finding
   *[other] { $accepted } accepted findings
} against this party.
sheet-about = { $count } about its processing ({ $numbers }).
sheet-about-actors = { $count } about its processing, for which { $actors } must act ({ $numbers }).
qualifier-for = for { $principal }
qualifier-for-chain = for { $principal }, which acts for { $chain }
qualifier-own = for its own purposes: { $purposes }

## Duty sheets: duties

duty-controller-not-reached-title = Outside the GDPR as controller
duty-controller-not-reached = The GDPR does not bind it for the processing it controls here: the model records no establishment in the Union and no offering of goods or services to, or monitoring of, people there (Art. 3(1), 3(2)). It owes none of a controller's duties under the GDPR for this processing, and none is listed. A processor acting for it from within the Union keeps its own processor duties, and whoever sends it personal data from the Union needs a ground for the transfer under Chapter V.
duty-accountability-title = Accountability
duty-accountability = Be responsible for, and able to demonstrate, compliance with the principles of Art. 5(1), through appropriate technical and organisational measures that are reviewed and kept up to date.
duty-information-to-data-subjects-title = Information to data subjects
duty-information-to-data-subjects = Tell the data subjects who the controller is, the purposes and legal basis, the recipients, any transfer to a third country, how long the data are kept, and their rights: when the data are collected (Art. 13), or, when they come from elsewhere, within a reasonable period and at the latest within one month, or earlier at the first communication with the data subject or the first disclosure to another recipient (Art. 14(3)).
duty-joint-controller-arrangement-title = Arrangement between joint controllers
duty-joint-controller-arrangement = Set out with { $names } in an arrangement who meets which duty, in particular towards the data subjects, and make its essence available to them.
duty-choice-of-processors-title = Choice of processors
duty-choice-of-processors = Use only processors that give sufficient guarantees, each bound by a written contract with the terms of Art. 28(3). Its processors: { $names }.
duty-controller-record-title = Record of processing (controller)
duty-controller-record = Keep a written record of the processing under its responsibility: purposes, categories of data subjects and data, recipients, third-country transfers, time limits for erasure and a description of the security measures (see the record below).
duty-security-title = Security of processing
duty-security = Ensure security appropriate to the risk, on its own systems and on those of its processors: encryption where appropriate, confidentiality, integrity, availability and resilience, the ability to restore data after an incident, and regular testing.
duty-breach-to-authority-title = Breach notification to the supervisory authority
duty-breach-to-authority = Notify the supervisory authority of a personal-data breach without undue delay and, where feasible, within 72 hours of becoming aware of it, unless it is unlikely to result in a risk; document every breach (Art. 33(5)).
duty-breach-to-data-subjects-title = Communication of a breach to data subjects
duty-breach-to-data-subjects = Tell the data subjects without undue delay when a breach is likely to result in a high risk to them; not required where the data were unintelligible to others, for example encrypted (Art. 34(3)(a)).
duty-impact-assessment-title = Data protection impact assessment
duty-impact-assessment = Assess the impact of the processing on the protection of personal data before it starts: it processes special categories of data on a large scale.
duty-processing-on-instructions-title = Processing on instructions
duty-processing-on-instructions = Process the data only on the documented instructions of { $names }, including on transfers to third countries, and keep the staff who handle them bound to confidentiality.
duty-sub-processors-title = Sub-processors
duty-sub-processors = Engage another processor only with the controller's prior written authorisation, and bind it by contract to the same data-protection obligations; it remains liable for the sub-processor. { $engaging }
duty-sub-processors-none = It engages no sub-processor in the model.
duty-sub-processors-some = It engages { $names }.
duty-processor-record-title = Record of processing (processor)
duty-processor-record = Keep a written record of the processing carried out for each controller: the controllers, the categories of processing, third-country transfers and a description of the security measures (see the record below).
duty-breach-to-principal-title = Breach notification to the principal
duty-breach-to-principal = Tell the party it acts for of a personal-data breach without undue delay after becoming aware of it; notifying the supervisory authority is the controller's duty, not the processor's.
duty-eu-representative-title = Representative in the Union
duty-eu-representative = Designate in writing a representative in the Union, established in a Member State where the people whose data are processed are: { $why }.
duty-eu-representative-large-scale = not established in the Union, its processing relates to offering goods or services to, or monitoring, people there (its own, or that of the controller it processes for), and its large-scale processing of special categories of data rules out the exemption for occasional processing
duty-eu-representative-unless-exempt = not established in the Union, its processing relates to offering goods or services to, or monitoring, people there (its own, or that of the controller it processes for); unless its processing is occasional, includes no large-scale special-category or criminal data and is unlikely to result in a risk (Art. 27(2)(a)), which the model does not record
duty-data-protection-officer-title = Data protection officer
duty-data-protection-officer = Designate a data protection officer and publish the contact details: { $why }.
duty-data-protection-officer-public = it is a public body
duty-data-protection-officer-likely = likely, as a care provider controlling large-scale processing of special categories of data; assess whether its core activities consist of such processing (Art. 37(1)(c)), a test of its own main business, not of every activity it takes part in
duty-data-protection-officer-core = its core activities consist of processing special categories of data on a large scale, as the model records
duty-care-provider-as-controller-title = Controller as care provider
duty-care-provider-as-controller = As care provider (vårdgivare) it is controller of the processing of patient data it carries out; a contract cannot move that responsibility to another party.
duty-access-logs-title = Access logs
duty-access-logs = Ensure that access to patient data is logged, and that the logs are reviewed systematically and regularly.
duty-information-to-patient-title = Information to the patient
duty-information-to-patient = Inform the patient about the processing of patient data, in addition to the information of Art. 13.
duty-patient-data-backups-title = Backups of patient data
duty-patient-data-backups = Back up patient data at set intervals, keep the copies apart from the originals, and decide how long they are kept and how restoring is tested.
duty-access-analysis-title = Needs-and-risk analysis
duty-access-analysis = Limit each user's access to patient data to what their work needs, from a documented analysis of the users' needs and the risks made before access rights are assigned (behovs- och riskanalys).
duty-log-review-title = Review of access logs
duty-log-review = Check the access logs systematically and regularly, so that unauthorised access is found and followed up.
duty-strong-authentication-title = Strong authentication
duty-strong-authentication = Where patient data are reached over a network the operator does not control, check each user's identity in at least two ways before access (for example a smart card such as SITHS, or multi-factor authentication); a password alone is not enough.

basis-contract-only = by contract only
basis-contract-only-why = Binds it only through the contract its controller must impose (Art. 28(3)) and the transfer terms (Chapter V): the model records no establishment in the Union and no offering of services to, or monitoring of, people there, so the GDPR does not bind it directly (Art. 3(1), 3(2)); the controller answers for it.
basis-if-reached = by contract; by law if the GDPR reaches it
basis-if-reached-why = Binds it through the contract its controller must impose (Art. 28(3)); the GDPR binds it directly only where it has an establishment in the Union, or its processing relates to offering services to, or monitoring, people there, its own or that of the controller it processes for (Art. 3(1), 3(2)); the model does not record that for all of its processing.
record-exemption-caveat = Unless the Art. 30(5) exemption applies (fewer than 250 employees, processing that is occasional, not likely to result in a risk and of no special-category or criminal data), which the model cannot rule out.

## Duty sheets: what the model records

recorded-informs-yes = Recorded as informing the data subjects of: { $activities }.
recorded-informs-no = Recorded as not informing the data subjects of: { $activities }.
recorded-informs-unknown = Who informs is not recorded for: { $activities }.
recorded-records-kept = The model records that it keeps records of processing.
recorded-records-not-kept = The model records that it keeps no records of processing.
recorded-records-unknown = The model does not record whether it keeps records of processing.
recorded-eu-representative-yes = The model records a designated representative in the Union.
recorded-eu-representative-no = The model records that no representative in the Union is designated.
recorded-eu-representative-unknown = The model does not record whether a representative in the Union is designated.
recorded-dpo-yes = The model records a designated DPO.
recorded-dpo-no = The model records that no DPO is designated.
recorded-dpo-unknown = The model does not record whether a DPO is designated.
recorded-deadline = { $principal } within { $hours } hours ({ $activity })
recorded-deadline-none = { $principal } ({ $activity }, no deadline agreed)
recorded-must-notify = Must notify { $deadlines }.
recorded-processors-not-reached = Processors established outside the EU/EEA that the model records the GDPR does not reach (Art. 3): { $names }. The GDPR's processor duties bind them only through the contract you impose (Art. 28(3)); sending them data is a transfer that needs a ground in Chapter V (Art. 44); you answer for their processing.
recorded-processors-reach-unknown = Processors established outside the EU/EEA, whether the GDPR reaches them not recorded (Art. 3): { $names }. Bind them by the Art. 28(3) contract either way; sending them data is a transfer (Art. 44).
recorded-systems-log-yes = Systems that log access: { $systems }.
recorded-systems-log-no = Systems that do not log access: { $systems }.
recorded-systems-analysis-yes = Systems that assign access from such an analysis: { $systems }.
recorded-systems-analysis-no = Systems that assign access without one: { $systems }.
recorded-systems-review-yes = Systems that have their logs reviewed: { $systems }.
recorded-systems-review-no = Systems that do not have their logs reviewed: { $systems }.
recorded-systems-authentication-yes = Systems that require strong authentication: { $systems }.
recorded-systems-authentication-no = Systems that are reached with a password alone or no authentication: { $systems }.
recorded-systems-backup-yes = Systems that are backed up: { $systems }.
recorded-systems-backup-no = Systems that are not backed up: { $systems }.
recorded-systems-unknown = Not recorded for: { $systems }.

## Summary, activities, matrix, processing abroad

nobody = nobody
none-recorded = none recorded
summary-controllers = Controllers
summary-joint-controllers = Joint controllers
summary-processors = Processors
summary-sub-processors = Sub-processors
report-summary-activities = { $count ->
    [one] 1 processing activity
   *[other] { $count } processing activities
}
summary-running-all = all run on { $date }
summary-running = { $count ->
    [one] 1 of them runs
   *[other] { $count } of them run
} on { $date }
report-summary-parties = { $count ->
    [one] 1 party
   *[other] { $count } parties
}
summary-open = { $count ->
    [one] 1 open finding
   *[other] { $count } open findings
}
summary-open-noun = { $count ->
    [one] open finding
   *[other] open findings
}
report-summary-accepted = { $count ->
    [0] No finding is covered by an accepted risk.
    [one] 1 finding is covered by an accepted risk.
   *[other] { $count } findings are covered by an accepted risk.
}
summary-abroad = { $count ->
    [one] 1 performer processes personal data in a third country.
   *[other] { $count } performers process personal data in a third country.
}
summary-more = { $count ->
    [one] 1 more open finding is listed in the duty sheets and the index of findings.
   *[other] { $count } more open findings are listed in the duty sheets and the index of findings.
}
activity-runs = runs on { $date }
activity-starts = starts on { $date }
activity-ended = ended on { $date }
activity-not-running = does not run on { $date }
activity-processor = { $party } ({ $role } for { $principal })
matrix-instead = The model has { $count ->
    [one] 1 processing activity
   *[other] { $count } processing activities
}, too many for a grid: each party's roles are listed, activity by activity, in its duty sheet (part 4).
cell-for = { $role } for { $principal }
cell-own = controller for its own purposes: { $purposes }
abroad-adequacy = adequacy decision: { $instrument }
abroad-no-adequacy = no adequacy decision in force on { $date }
adequacy-not-covering = the adequacy decision { $instrument } does not cover this importer

## If a system is breached

notify-the-subjects = the data subjects
notify-competent-authority = the competent supervisory authority
notify-subjects-required = It holds special categories of data stored unencrypted: a breach is very likely to result in a high risk to the data subjects, in which case they must be told without undue delay (Art. 34(1)); assess the risk case by case. The encryption exemption of Art. 34(3)(a) does not apply; later measures that remove the high risk (Art. 34(3)(b)), or a public communication where telling each would take disproportionate effort (Art. 34(3)(c)), may.
notify-subjects-exempt = Its data are encrypted at rest: if the keys were not compromised, the data are unintelligible to others and Art. 34(3)(a) exempts the controller from telling the data subjects.
notify-subjects-unknown = Whether its data are encrypted at rest is not recorded: the data subjects must be told if the breach is likely to result in a high risk to them.
notify-subjects-if-high-risk = The data subjects must be told if the breach is likely to result in a high risk to them.
notify-within-agreed = within { $hours } hours (agreement)
notify-no-deadline = without undue delay; no deadline agreed
notify-authority-when = without undue delay and, where feasible, within 72 hours of becoming aware
notify-authority-unless = unless the breach is unlikely to result in a risk
notify-step-required = very likely required (special-category data, unencrypted): assess the risk
notify-step-exempt = likely exempt: encrypted at rest, { $provision }
notify-step-if-high-risk = if the risk to them is high
notify-without-undue-delay = without undue delay
notify-gap-stranded = { $names } reach no controller of this activity through the roles the facts give: no one is bound to pass a breach on. Agree the duty in a contract.
notify-gap-operator = The system's operator, { $operator }, has no role in this activity: no duty to notify follows from the roles; agree one in a contract.
incident-discovered-on-by = discovered on { $date } by { $by }
incident-discovered-on = discovered on { $date }
incident-discovered-by = discovered by { $by } (date not recorded)
incident-discovery-unknown = discovery not recorded
incident-on = on { $date }
incident-date-unknown = date not recorded
incident-notified = { $from } notified { $to }, { $at }
incident-told = The data subjects were told.
incident-not-told = The data subjects were not told.
incident-told-unknown = Whether the data subjects were told is not recorded.
incident-risk-high = The controller assessed the risk as high: the supervisory authority had to be notified ({ $authority }) and the data subjects told ({ $subjects }), unless an exemption of { $exemptions } applies; the breach is documented ({ $document }).
incident-risk-likely = The controller assessed a risk, not a high one: the supervisory authority had to be notified ({ $authority }); telling the data subjects was not required ({ $subjects }); the breach is documented ({ $document }).
incident-risk-unlikely = The controller assessed the breach as unlikely to result in a risk: no notification was required ({ $authority }, { $subjects }); it must still be documented ({ $document }).
incident-risk-unknown = The controller's risk assessment is not recorded: whether the authority had to be notified ({ $authority }) and the data subjects told ({ $subjects }) depends on it; every breach is documented ({ $document }).

## Records of processing (Art. 30)

record-outside-gdpr = No Art. 30(2) record for { $party }: the model records that the GDPR does not reach it (Art. 3(1), 3(2)); its controllers' records list it as a recipient, in a third country where it is one.
record-field-parties = Controller
record-field-purposes = Purposes
record-field-data-subjects = Categories of data subjects
record-field-personal-data = Categories of personal data
record-field-recipients = Recipients
record-field-transfers = Transfers to third countries
record-field-erasure = Time limits for erasure
record-field-security = Security measures
record-field-notes = Model note
record-field-processor-parties = Processor and controller
record-field-processing = Categories of processing
record-joint-controllers = Joint controllers: { $names }
record-dpo = Data protection officer: { $dpo }
record-on-behalf-of = On behalf of the controller { $controller }
record-engaged-by = Engaged by the processor { $processor }
record-title = { $processor } for { $controller }
record-title-engaged = { $processor } for { $controller }, engaged by { $direct }
transfer-adequacy = adequacy decision { $instrument }
transfer-no-adequacy = no adequacy decision
transfer-no-tool = no transfer tool recorded
transfer = { $party } processes in { $country } ({ $activity }): { $adequacy }; { $tools }
transfer-for = { $party } processes in { $country } for { $exporter } ({ $activity }): { $adequacy }; { $tools }
security-no-system = no system recorded
measure-internet = reachable from the internet
measure-private = on a closed network
measure-internal = on the operator's internal network only
measure-exposure = network exposure
measure-no-authentication = no authentication
measure-password = password login
measure-mfa = multi-factor login
measure-smartcard = smart-card login
measure-authentication = authentication
measure-in-transit-yes = encrypted in transit
measure-in-transit-no = not encrypted in transit
measure-in-transit-unknown = encryption in transit
measure-at-rest-yes = encrypted at rest
measure-at-rest-no = not encrypted at rest
measure-at-rest-unknown = encryption at rest
measure-logging-yes = access logged
measure-logging-no = access not logged
measure-logging-unknown = access logging
measure-backups-yes = backed up
measure-backups-no = not backed up
measure-backups-unknown = backups
measures-none = { $system }: no measure recorded
measures = { $system }: { $known }
measures-partly = { $system }: { $known }; not recorded: { $unknown }
special-racial_or_ethnic_origin = racial or ethnic origin
special-political_opinions = political opinions
special-religious_or_philosophical_beliefs = religious or philosophical beliefs
special-trade_union_membership = trade union membership
special-genetic = genetic
special-biometric = biometric
special-health = health
special-sex_life = sex life
special-sexual_orientation = sexual orientation
data-special = special categories, Art. 9: { $categories }
data-criminal = criminal offences, Art. 10
data-patient-record = patient record
period-years = { $count ->
    [one] 1 year
   *[other] { $count } years
}
period-months = { $count ->
    [one] 1 month
   *[other] { $count } months
}
period-weeks = { $count ->
    [one] 1 week
   *[other] { $count } weeks
}
period-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}

## The chain diagram

diagram-sub-processors-level = Sub-processors, level { $level }
diagram-systems = Systems

## The report's frame: headings, labels, introductions (templates/report.html, report.md)
## `$as-of` is the evaluation date; `$arg` a value the template passes. Messages
## whose key ends in -html hold markup of their own.

r-title = Accountability report: { $arg } as of { $as-of }
r-overline = GDPR accountability memo
r-as-of = as of { $as-of }
r-page = Page
r-page-of = of
r-heading = Who is responsible for what in
r-model = Model
r-revision = Model revision
r-not-stated = not stated
r-no-git = not in a git repository: no commit identifies what was read
r-git-commit = git commit
r-dirty-html = , <strong>with uncommitted changes to the model's files</strong>: the report read those, which the commit does not hold
r-dirty-md = , **with uncommitted changes to the model's files**: the report read those, which the commit does not hold
r-clean = ; the model's files are as committed
r-evaluated = Evaluated as of
r-produced = Produced on
r-by-generator = by { $generator }
r-author = Author
r-reviewer = Reviewer
r-scope = Scope
r-note-html = Roles are derived for each processing activity from the facts recorded in the model (who decides purposes and means, who performs the processing and on whose behalf, what the law designates), not from what contracts call the parties. Each conclusion names the facts and provisions it rests on and where in the model those facts are written. Articles are those of Regulation (EU) 2016/679 (GDPR) unless another act is named. The report is only as sound as the facts recorded; it does not replace legal advice, and <a href="#limits">section 9</a> says what it does not assess.
r-note-md = Roles are derived for each processing activity from the facts recorded in the model (who decides purposes and means, who performs the processing and on whose behalf, what the law designates), not from what contracts call the parties. Each conclusion names the facts and provisions it rests on and where in the model those facts are written. Articles are those of Regulation (EU) 2016/679 (GDPR) unless another act is named. The report is only as sound as the facts recorded; it does not replace legal advice, and section 9 says what it does not assess.
r-contents = Contents
r-part-summary = Summary
r-part-chain = The chain
r-part-roles = Roles per activity
r-part-duties = Duty sheets
r-part-breach = If a system is breached
r-part-records = Records of processing (Art. 30)
r-part-accepted = Accepted risks
r-part-findings = Index of findings
r-part-limits = Scope and limitations
r-part-signoff = Sign-off
r-fig-activities = processing activities
r-fig-parties = parties with a role
r-open-by-severity = Open findings by severity
r-roles-held = Roles held
r-no-role = No role
r-abroad = Processing outside the EU/EEA
r-th-who = Who
r-th-where = Where
r-th-for = For
r-th-activity = Activity
r-th-adequacy = Adequacy
r-th-tool = Transfer tool
r-first = What needs action first
r-no-open = No open findings.
r-what-to-do-colon = What to do:
r-chain-intro = Who engages whom to process personal data, under which contracts (care agreements and service contracts too), and which systems they use, in the activities running on { $as-of }. Colour shows where each party is established or each system stands; a red outline and count mark open findings.
r-chain-caption = Controllers on the left, the processors they engage and those processors' sub-processors to the right, systems last. Each line is labelled with the contracts in force between its two parties on { $as-of } and the activities it serves (A1, A2, … in the key under the drawing).
r-not-drawn = Not drawn (no role on { $as-of }):
r-matrix-intro = Each cell gives the role a party holds in an activity. Roles are held per activity, never per organisation: a party can be controller of one activity and processor of another, and have no role at all in a third. Whom each processor acts for, and the reasons for every role, are in the party's duty sheet.
r-th-party = Party
r-legend-controller = controller
r-legend-joint = joint controller
r-legend-processor = processor
r-legend-sub = sub-processor
r-legend-own = controller for its own purposes (Art. 28(10))
r-legend-hatched = hatched: activity not running on { $as-of }
r-matrix-instead-html = Roles are held per activity, never per organisation: a party can be controller of one activity and processor of another, and have no role at all in a third. <a href="#duties">To the duty sheets.</a>
r-activities = The processing activities
r-act-purpose = Purpose
r-act-data = Personal data
r-act-subjects = Data subjects
r-act-controller = Controller
r-act-processors = Processors
r-act-informs = Informs data subjects
r-act-status = Status
r-no-controller = none: no one decides its purposes or means and no law designates a controller
r-none = none
r-duties-intro = One sheet per party that holds a role or has a finding against it: what the model records about it, each role it holds and why, the duties those roles bring, and the findings it must act on.
r-model-note = Model note:
r-roles-and-why = Roles and why
r-of = of
r-not-running = not running on { $as-of }
r-no-role-any = No role in any processing activity.
r-duties = Duties
r-th-provision = Provision
r-th-duty = Duty
r-th-applies = Applies to
r-as-set-out = As set out for
r-no-duty = No duty follows from its roles as of { $as-of }.
r-no-duty-md = none follows from its roles as of { $as-of }.
r-findings = Findings
r-none-sentence = None.
r-breach-intro = Who must tell whom, and by when, if a system used on { $as-of } suffers a personal-data breach. A processor tells the party it acts for without undue delay (Art. 33(2)). The controller notifies the supervisory authority without undue delay and, where feasible, within 72 hours of becoming aware, giving reasons for any delay (Art. 33(1)); a processor may notify on its behalf only where the controller has authorised it, the responsibility staying with the controller. The controller tells the data subjects when the risk to them is high (Art. 34(1)). Where it depends on the risk, the last column says so.
r-breach-intro-md = A processor tells the party it acts for without undue delay (Art. 33(2)). The controller notifies the supervisory authority without undue delay and, where feasible, within 72 hours of becoming aware, giving reasons for any delay (Art. 33(1)); a processor may notify on its behalf only where the controller has authorised it, the responsibility staying with the controller. The controller tells the data subjects when the risk to them is high (Art. 34(1)).
r-operated-by = operated by
r-holds = Holds
r-at-rest = Encrypted at rest
r-step1-html = 1. Processor tells its principal <span class="cite">Art. 33(2)</span>
r-step2-html = 2. Controller notifies the authority <span class="cite">Art. 33(1)</span>
r-step3-html = 3. Controller tells the data subjects <span class="cite">Art. 34</span>
r-step1-md = 1. Processor tells its principal (Art. 33(2))
r-step2-md = 2. Controller notifies the authority (Art. 33(1))
r-step3-md = 3. Controller tells the data subjects (Art. 34)
r-no-processor = none: the controller uses the system itself
r-no-controller-short = no controller
r-recorded-breach = Recorded breach:
r-no-notifications = No notifications are recorded.
r-notifications-sent = Notifications sent:
r-no-system = No system is used by an activity running on { $as-of }.
r-records-intro = The records the model allows to be drawn up for the activities running on { $as-of }: one controller record (Art. 30(1)) per activity and controller, one processor record (Art. 30(2)) per processor and the controller it acts for. "Not recorded" marks what the model does not say and the record must add.
r-records-intro-md = The records the model allows to be drawn up for the activities running on { $as-of }. "Not recorded" marks what the model does not say and the record must add.
r-records-controller = Controllers' records, Art. 30(1)
r-records-processor = Processors' records, Art. 30(2)
r-no-accepted = The model records no accepted risks: every finding stands.
r-th-rule = Rule
r-th-scope = Scope
r-th-justification = Justification
r-th-accepted-by = Accepted by
r-th-expires = Expires
r-th-covers = Covers
r-every-party = every party
r-every-activity = every activity
r-expired = Expired
r-nothing = nothing
r-index-intro = Every finding, most serious first. Each is set out in full in the duty sheet of the party that must act.
r-th-no = No.
r-th-severity = Severity
r-th-in-model = In the model
r-accepted = Accepted
r-no-findings = No findings.
r-unassigned = Findings not tied to a party
r-limits-intro = The report derives roles, duties and findings from the facts the model records, as of { $as-of }. It does not assess:
r-limit-1-html = <strong>Legal bases.</strong> Whether each processing has a lawful basis (Art. 6) and, for special categories, a condition of Art. 9(2), or a basis in Swedish law.
r-limit-2-html = <strong>The content of notices.</strong> Whether the information given to data subjects is complete, clear and timely (Art. 12–14); only whether the model records someone who informs them.
r-limit-3-html = <strong>The content of impact assessments.</strong> It says when the recorded facts call for a DPIA (Art. 35); it does not read or judge one (Art. 35(7)), nor a transfer impact assessment.
r-limit-4-html = <strong>Contract wording.</strong> It reads which agreements exist, between whom, when they run, the role they claim and the transfer tool they name; not whether their clauses carry the terms of Art. 28(3), 26(1) or the standard contractual clauses.
r-limit-5-html = <strong>Facts not recorded.</strong> A fact the model leaves out is "not recorded": no role or finding rests on it, and silence is not compliance. Whether the facts recorded are true is for the author to answer for.
r-limit-6-html = <strong>Territorial scope.</strong> Whether the Regulation reaches a party outside the EU/EEA (Art. 3) is read from what the model records for it (its country, an establishment in the Union, whether it offers goods or services to, or monitors, people in the Union, and for a processor the same of the controller it processes for); the facts behind those answers are not analysed.
r-limit-7-html = <strong>Security in fact.</strong> Whether the measures in place are appropriate to the risk (Art. 32); only the recorded weaknesses the rules look for.
r-signoff-intro = The author answers for the facts recorded in the model at the revision above; the reviewer has read this report against that model. Signed copies are kept with the records of processing.
r-th-name = Name
r-th-signature = Signature
r-th-date = Date
r-footer-model = model
r-footer-at = at
r-footer-dirty = with uncommitted changes
r-produced-on = produced { $arg }
r-footer-sound = The conclusions follow from the facts recorded in the model and are only as sound as those facts.

## A finding as the report shows it (templates/macros.html)

f-in = in
f-why = Why it matters
f-as-explained = As explained at
f-what-to-do = What to do
f-rests-on = Rests on
f-chain = Chain
f-by = by
f-until = until

## The Markdown report's own forms (templates/report.md) and the records alone (ropa.md)

r-md-subtitle = GDPR accountability memo, evaluated as of **{ $as-of }**.
r-th-role = Role
r-th-parties = Parties
r-chain-intro-md = Who engages whom to process personal data, and which systems they use, in the activities running on { $as-of }. Colour shows where each party is established or each system stands (EU/EEA, adequate third country, third country without adequacy); a red outline and "⚠" mark open findings.
r-chain-caption-md = Solid arrows: who engages whom to process on its behalf; dotted arrows: a contract where no one engages a processor (a care agreement, a service contract); dotted lines: who uses which system. Labels name the contracts in force between the two parties (DPA: data processing agreement) and the activities each line serves
r-legend-md = C controller · JC joint controller · P processor · SP sub-processor · C\* controller for its own purposes (Art. 28(10)) · “·” no role · *italic* activity: not running on { $as-of }
r-accepted-lower = accepted
r-expired-lower = expired
f-as-explained-lower = as explained at
r-operated-by-cap = Operated by
r-gap-in = Gap in { $arg }
r-limit-1-md = **Legal bases.** Whether each processing has a lawful basis (Art. 6) and, for special categories, a condition of Art. 9(2), or a basis in Swedish law.
r-limit-2-md = **The content of notices.** Whether the information given to data subjects is complete, clear and timely (Art. 12–14); only whether the model records someone who informs them.
r-limit-3-md = **The content of impact assessments.** It says when the recorded facts call for a DPIA (Art. 35); it does not read or judge one (Art. 35(7)), nor a transfer impact assessment.
r-limit-4-md = **Contract wording.** It reads which agreements exist, between whom, when they run, the role they claim and the transfer tool they name; not whether their clauses carry the terms of Art. 28(3), 26(1) or the standard contractual clauses.
r-limit-5-md = **Facts not recorded.** A fact the model leaves out is "not recorded": no role or finding rests on it, and silence is not compliance. Whether the facts recorded are true is for the author to answer for.
r-limit-6-md = **Territorial scope.** Whether the Regulation reaches a party outside the EU/EEA (Art. 3) is read from what the model records for it (its country, an establishment in the Union, whether it offers goods or services to, or monitors, people in the Union, and for a processor the same of the controller it processes for); the facts behind those answers are not analysed.
r-limit-7-md = **Security in fact.** Whether the measures in place are appropriate to the risk (Art. 32); only the recorded weaknesses the rules look for.
r-th-field = Field
r-th-art = Art.
r-th-entry = Entry
ropa-title = Records of processing activities (Art. 30)
ropa-intro = Model { $arg }, as of { $as-of }: activities running on that day. "Not recorded" marks what the model does not say and the record must add.
diagram-system = system
diagram-open-findings = { $count ->
    [one] 1 open finding
   *[other] { $count } open findings
}
diagram-activities = Activities
diagram-engages = engages
zone-eea = EU/EEA
zone-adequate = Third country with an adequacy decision
zone-third = Third country without an adequacy decision
legend-engages = engages to process on its behalf
legend-uses = uses the system
legend-open = open findings against it (red outline)
legend-system = system (square corners)
legend-contract = contract, where no one engages a processor
legend-labels = Labels: { $labels }; A1, A2, …: the activities below
contract-care-agreement = care agreement
contract-data-processing-agreement = data processing agreement
contract-joint-controller-arrangement = joint-controller arrangement
contract-service-contract = service contract
contract-sub-processor-authorisation = sub-processor authorisation
contract-transfer-agreement = transfer agreement
contract-short-care-agreement = care
contract-short-data-processing-agreement = DPA
contract-short-joint-controller-arrangement = Art. 26
contract-short-service-contract = service
contract-short-sub-processor-authorisation = sub-proc.
contract-short-transfer-agreement = transfer

# The chain drawn as SVG: its title and the tooltips of its lines. Names and
# activities come escaped.
svg-title = The chain: who engages whom, and which systems they use
svg-engages = { $from } engages { $to }: { $activities }
svg-contract = { $kinds } between { $from } and { $to }: { $activities }
svg-uses = { $from } uses { $to }: { $activities }
