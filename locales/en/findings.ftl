# The sentences of findings, in English.
#
# Each rule's finding is the message named by its code; the other messages are
# the parts it is built from (`why-…`, `tool-…`), the labels it puts on the YAML
# (`label-…`) and the words of closed vocabularies (`word-…`). Ids, values
# spelled as in the model and rule codes arrive already written as code
# (in backticks); countries, dates and numbers arrive as text.

## Shared parts

country-named = {$name} ({$code})
join-comma = {", "}
join-and = {" and "}
join-semicolon = {"; "}
join-arrow = {" → "}
chain-more = … ({$count} more)

word-controller = controller
word-joint-controller = joint controller
word-processor = processor
word-sub-processor = sub-processor
word-joint_controller = joint controller
word-sub_processor = sub processor
word-scc = standard contractual clauses
word-bcr = binding corporate rules
word-code_of_conduct = a code of conduct
word-certification = a certification
word-ad_hoc_clauses = ad hoc clauses
word-public_authority_instrument = an instrument between public authorities

label-processes-in = processes in {$country}
label-established-in = established in {$country}
label-uses-system-in = uses {$system} in {$country}
label-accesses-from = accesses the data from {$country}
label-in-country = in {$country}
label-care-from = care from {$country}

## Transfers (Chapter V)

transfer-without-safeguard = {$importer} processes {$activity} data in {$country}: {$why}, and no agreement in force between {$exporter} and {$importer} carries a transfer tool (standard contractual clauses would need module {$module})
transfer-onward = {$controller} answers for the onward transfer by its processor {$exporter}: {$finding}
transfer-tool-undermined = {$agreement} carries {$tool} for {$importer} processing {$activity} in {$country}, where the law ({$regime}) was found to undermine such tools on this date, and {$state}
transfer-tool-undermined-verify = {$agreement} carries {$tool} for {$importer} processing {$activity} in {$country}, where the law was found to undermine such tools on this date for importers subject to {$regime}; the model does not say whether {$importer} is, and {$state}
undermined-measures-unknown = no supplementary measures are recorded
undermined-measures-ineffective = none of its supplementary measures is one counted as effective there
transfer-without-impact-assessment = {$agreement} carries {$tool} for {$importer} processing {$activity}, and the exporter made no assessment of the destination's law and practice
transfer-impact-assessment-unknown = {$agreement} carries {$tool} for {$importer} processing {$activity}, and no assessment of the destination's law and practice is recorded
transfer-tool-mismatch = the transfer tool in {$agreement} does not cover {$importer} processing {$activity} in {$country}: {$problem}
transfer-adequacy-scope = {$importer} processes {$activity} data under an adequacy decision of limited scope: {$why}

why-third-country = {$country} is a third country with no adequacy decision in force on {$date}
why-public-sector-outside = the adequacy decision for {$country} ({$instrument}) does not cover the public sector, and {$importer} is a public body
why-private-sector-outside = the adequacy decision for {$country} ({$instrument}) covers the public sector only, and {$importer} is not a public body
why-certified-only = the adequacy decision for {$country} ({$instrument}) covers only organisations certified under {$certification} for the data they certified, and {$importer} is not certified for {$missing} data on {$date}
why-sector-limited = the adequacy decision for {$country} ({$instrument}) is limited: {$note}
why-sector-limited-see-decision = see the decision

tool-wrong-parties = its exporter and importer are not {$exporter} and {$importer}
tool-wrong-module = SCC module {$module} does not fit; this transfer needs module {$needed}
tool-derogation = a derogation (Art. 49) cannot carry a systematic outsourcing flow
tool-bcr-other-group = binding corporate rules cover transfers within one group, and these parties are not in one
tool-public-instrument = an instrument between public authorities (Art. 46(2)(a)) needs a public body on both sides

label-exporter = exporter
label-transfer-tool = transfer tool

## Processors (Art. 28)

processor-without-agreement = {$processor} processes {$activity} for {$principal} with no data-processing agreement in force between them
processor-without-agreement-own = {$processor} processes {$activity} as processor for {$principal} with no contract or other legal act binding it to {$principal}, so it has no documented instructions to process on
label-acts-on-behalf-of = acts on behalf of {$principal}
label-not-art-28 = {$agreement} is a {$kind} agreement, not Art. 28

sub-processor-not-authorised = sub-processor {$sub_processor} of {$activity} is not authorised by controller {$controller}: {$problem}
unauthorised-prohibited = the agreement prohibits sub-processors
unauthorised-not-named = the specific authorisation does not name it
unauthorised-not-told = under the general authorisation the controller was not told of this addition
unauthorised-no-record = no agreement records the controller's authorisation
label-engaged-by = engaged by {$engaging}
label-sub-processing-terms = sub-processing terms

no-flow-down-contract = {$engaging} engaged sub-processor {$sub_processor} for {$activity} with no data-processing contract between them
no-flow-down-contract-own = {$sub_processor} processes {$activity} as sub-processor for {$engaging} with no contract binding it to the controller's data-protection terms

agreement-missing-terms = agreement {$agreement} lacks terms required by Art. 28(3): {$terms}
agreement-missing-terms-own = {$processor} accepted agreement {$agreement} as processor without terms required by Art. 28(3): {$terms}
missing-term = {$term} ({$provision})
label-recorded-terms = recorded terms

processor-own-purposes = {$processor} processes data of {$activity} for purposes of its own ({$purposes}), beyond the instructions of {$principal}: for those purposes it is a controller
processor-beyond-instructions = {$processor} processed data of {$activity} beyond the instructions of {$principal}
label-purpose-of-its-own = a purpose of its own
label-beyond-instructions = beyond its instructions
disclosure-for-recipient-purposes = {$controller} hands data of {$activity} to {$recipient}, which uses them for purposes of its own ({$purposes}); that disclosure needs a legal basis of its own, and the data subjects must be told of the recipient

## Joint controllers (Art. 26)

joint-controllers-without-arrangement = {$party} is joint controller of {$activity} with {$others} but no arrangement in force binds them
label-jointly-determines = jointly determines purposes or means

## Claims against facts

claimed-role-mismatch = agreement {$agreement} calls {$party} {$role} of {$activity}, but the facts make it {$derived}
claimed-role-mismatch-absent = agreement {$agreement} calls {$party} {$role} of {$activity}, but the facts give it no role there
label-claims = claims {$role}
label-fact-makes-it = the fact that makes it {$derived}

## Contracts

agreement-not-in-force = agreement {$agreement} {$state}, but {$activity} which it covers runs on {$date}
not-in-force-until = is not in force until {$date}
not-in-force-expired = expired on {$date}
not-in-force-state = is not in force
label-takes-effect-later = takes effect later
label-expired = expired
label-not-in-force = not in force
label-covers-running-activity = covers this running activity

## Responsibility gaps

no-controller = activity {$activity} has no controller
label-no-party-decides = no party decides its purposes or means
performer-for-nobody = {$party} performs {$activity} on behalf of nobody
label-no-on-behalf-of = no `on_behalf_of`, and not a controller
principal-without-role = {$party} acts for {$principal} in {$activity}, but {$principal} has no role there
label-neither-controls-nor-performs = this party neither controls nor performs the activity

## Residency

residency-breach = {$performer} processes {$activity} in {$country}, outside what agreement {$agreement} allows ({$allowed})
residency-eea = EEA
label-allowed-here = allowed here

## Information to data subjects (Art. 13/14)

subjects-not-informed = controller {$controller} of {$activity} does not inform the data subjects
label-nobody-informs = nobody informs the data subjects
label-no-informer-listed = no controller of the activity, nor a processor for one, is listed here

## Sector law and territoriality

regime-not-bound = {$performer} handles {$data} in {$activity}, which require {$regimes}, but is not subject to { $count ->
        [one] it
       *[other] them
    }: {$reasons}
regime-care-abroad = it gives care from {$country}, where {$regimes} { $count ->
        [one] does
       *[other] do
    } not reach
regime-care-unbound = it gives care without being bound by {$regimes}
regime-nobody-bound = neither it nor any party it acts for is bound by {$regimes}
regime-handles-unbound = it is not bound by {$regimes}, which must bind every party that handles them
regime-outside-sector = it is listed as subject to {$regimes}, which cannot bind a party of the {$sector}
sector-public = public sector
sector-private = private sector
label-gives-care = gives care
label-performer = performer
label-data-require-regime = the data require this regime

care-giver-as-processor = {$performer} gives care in {$activity} as {$role} of {$accountable}; under Swedish sector law, as IMY read it, a care giver must be a controller in its own right
label-calls-it = {$agreement} calls it {$role}

## Security (Art. 32, patientdatalagen)

security-operator = {$system}, operated by {$operator}, {$what}
security-controller = {$system}, used for {$activity} of controller {$controller}, {$what}
security-controller-through = {$system}, used for {$activity} of controller {$controller} (the system of {$operator}, which processes for it), {$what}
what-no-authentication = holds special-category data ({$data}) reachable from the internet with no authentication
what-unencrypted-over-internet = sends special-category data ({$data}) unencrypted over the internet
what-unencrypted-over-shared-network = sends special-category data ({$data}) unencrypted over a network shared with others
what-unencrypted-over-unknown-network = sends special-category data ({$data}) unencrypted, over a network the model does not describe (`exposure` unknown)
what-unencrypted-at-rest = stores special-category data ({$data}) unencrypted
what-no-access-log = holds patient data ({$data}) without logging access
what-no-backups = holds patient data ({$data}) with no backups
what-no-backups-sensitive = holds special-category data ({$data}) with no backups
what-no-access-log-sensitive = holds special-category data ({$data}) without logging access
what-password-only-patient = holds patient data ({$data}) reached over {$network} with a password alone, not strong authentication
what-password-only-sensitive = holds special-category data ({$data}) reachable from the internet with a password alone
network-internet = the internet
network-shared = a network shared with other organisations, which its operator does not control
label-password-only = a password alone
what-no-access-analysis = holds patient data ({$data}) to which access rights were assigned without a needs-and-risk analysis
what-logs-not-reviewed = holds patient data ({$data}) whose access logs are not reviewed systematically and regularly
label-no-access-analysis = no needs-and-risk analysis
label-logs-not-reviewed = logs not reviewed
label-no-authentication = no authentication
label-no-encryption-in-transit = no encryption in transit
label-no-encryption-at-rest = no encryption at rest
label-no-access-logging = no access logging
label-no-backups = no backups
label-system = system

## Accountability duties (Art. 30, 35, 37, patient records)

patient-record-retention-too-short = patient data {$data} processed in {$activity} are kept {$retention}, less than the ten years patientdatalagen requires of controller {$controller}
label-retention-short = kept less than ten years
label-patient-data = patient data
no-records-of-processing = {$party} keeps no record of processing activities, though it has a role in {$activities}, and {$why}
why-records-sensitive = the Art. 30(5) exemption cannot apply: it processes special-category or criminal data
why-records-employees = the Art. 30(5) exemption cannot apply: it has {$employees} employees
label-no-records = no records kept
dpia-not-carried-out = {$activity} processes special-category data ({$data}) on a large scale, and its controller {$controller} carried out no data protection impact assessment
label-no-dpia = no DPIA
no-dpo = {$party} has designated no data protection officer, though {$why}
why-dpo-public-body = it is a public body with a role in {$activities}
why-dpo-large-scale = as a care provider controlling large-scale processing of special-category data ({$activities}), its core activities presumably consist of such processing
why-dpo-core-activities = its core activities consist of large-scale processing of special-category data ({$activities}), as the model records
label-no-dpo = no DPO
no-eu-representative = {$party}, established in {$country} and reached by the GDPR because its processing relates to offering goods or services to, or monitoring, people in the Union (its own, or that of the controller it processes for), has designated no representative in the Union, and its large-scale processing of special-category data ({$activities}) rules out the exemption for occasional processing
label-no-eu-representative = no representative in the Union

## Breach notification (Art. 33/34)

no-breach-notification-duty = agreement {$agreement} does not oblige {$processor} to tell {$principal} of a breach in {$activity}, nor to assist it with Art. 33–34 (Art. 28(3)(f))
no-breach-notification-deadline = agreement {$agreement} obliges {$processor} to tell {$principal} of a breach in {$activity} without undue delay but names no number of hours; agreeing one (e.g. 24) lets {$principal} plan its own 72 hours
label-no-breach-notification-duty = no breach-notification duty or `assistance` term
label-no-breach-notification-hours = no `breach_notification_hours`

breach-notified-by-non-controller = {$from} notified {$to} of breach {$incident} but is {$what}; the duty to notify is that of the { $count ->
        [one] controller
       *[other] controllers
    } {$controllers}, unless {$from} notified on { $count ->
        [one] its
       *[other] their
    } behalf
notifier-role-in = a {$role} in {$activity}, not its controller
notifier-no-controller = not a controller of the breached processing
controllers-none-in-model = (none in the model)
label-notified-the-authority = notified the authority

breach-not-notified = controller {$controller} did not notify a supervisory authority of breach {$incident}
label-breach = breach

breach-notified-late = {$from} notified breach {$incident} on {$at}, more than 72 hours after it became aware of it on {$discovered}
breach-processor-told-late = processor {$processor} discovered breach {$incident} on {$discovered} and told {$controller} on {$at}, later than the {$hours} hours agreed
breach-processor-told-late-no-deadline = processor {$processor} discovered breach {$incident} on {$discovered} and told {$controller} on {$at}, more than {$hours} hours later, longer than {$controller} itself has to notify the authority
breach-processor-did-not-tell = processor {$processor} discovered breach {$incident} on {$discovered} and the model records no notification from it to {$controller}
breach-subjects-not-told-high-risk = controller {$controller} assessed breach {$incident} as likely to result in a high risk but did not tell the data subjects
label-told-controller-here = told the controller here
label-discovered-by = discovered it
label-notified-here = notified here
label-discovered = discovered

breach-subjects-not-told = controller {$controller} did not tell data subjects of breach {$incident} of special-category data on {$system} (unencrypted)
label-breached-system = breached system

## Accepted risks

accepted-risk-expired = acceptance of {$rule} by {$accepted_by} expired on {$expires}; {$count} { $count ->
        [one] finding counts
       *[other] findings count
    } again
accepted-risk-unused = acceptance of {$rule} matches no finding
accepted-risk-unknown-rule = accepted risk names unknown rule {$rule}
accepted-risk-unknown-rule-suggest = accepted risk names unknown rule {$rule}; did you mean {$suggestion}?
label-accepted-here = accepted here
label-matches-no-finding = matches no finding
label-no-such-rule = no such rule
