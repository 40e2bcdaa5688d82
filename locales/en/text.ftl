# The other text ansvar writes, in English: severities, citations of guidance,
# the frame of `rules`, `explain` and `check`, and the model summary. Ids and
# dates arrive already written.

## Severities

severity-critical = critical
severity-high = high
severity-medium = medium
severity-low = low
severity-info = info

## Guidance and judgments, as cited (articles and Swedish statutes are cited
## from src/law.rs; these are spelled there too, and a test keeps them equal)

provision-edpb-07-2020-purposes-means = EDPB Guidelines 07/2020 §2.1.4 (from para 33)
provision-edpb-07-2020-joint = EDPB Guidelines 07/2020 paras 51–53
provision-edpb-07-2020-processor = EDPB Guidelines 07/2020 paras 74–75
provision-edpb-07-2020-facts = EDPB Guidelines 07/2020 Part I §1 (functional concepts)
provision-edpb-9-2022-awareness = EDPB Guidelines 9/2022 (processor obligations: controller aware once informed)
provision-cjeu-schrems-ii = CJEU C-311/18 (Schrems II)
provision-scc-clause-14 = SCC (Decision (EU) 2021/914) Clause 14
provision-edpb-rec-01-2020 = EDPB Recommendations 01/2020

## `ansvar rules` and `ansvar explain`

catalogue-explain-hint = `ansvar explain CODE` prints a rule's reasoning and the provisions it rests on.
catalogue-heading = {$code}  ({$area}, default severity {$severity})
catalogue-why = Why: {$text}
catalogue-rests-on = Rests on: {$text}
catalogue-what-to-do = What to do: {$text}

## A finding in `ansvar check`

finding-accepted-mark = (accepted)
finding-chain = chain: {$chain}
finding-rests-on = rests on: {$provisions}
finding-accepted-by = accepted by {$by} until {$until}: {$justification}

## The model summary at the end of `ansvar check`

summary-model = model {$name}
summary-parties = {$count ->
    [one] {$count} party
   *[other] {$count} parties
}
summary-activities = {$count ->
    [one] {$count} processing activity
   *[other] {$count} processing activities
}
summary-data = {$count ->
    [one] {$count} data category
   *[other] {$count} data categories
}
summary-systems = {$count ->
    [one] {$count} system
   *[other] {$count} systems
}
summary-agreements = {$count ->
    [one] {$count} agreement
   *[other] {$count} agreements
}
summary-incidents = {$count ->
    [one] {$count} incident
   *[other] {$count} incidents
}
summary-accepted-risks = {$count ->
    [one] {$count} accepted risk
   *[other] {$count} accepted risks
}
summary-no-findings = no findings as of {$date}
summary-accepted = {$count} accepted
summary-count-critical = {$count} critical
summary-count-high = {$count} high
summary-count-medium = {$count} medium
summary-count-low = {$count} low
summary-count-info = {$count} info
summary-findings = {$count ->
    [one] {$count} finding
   *[other] {$count} findings
} as of {$date}: {$parts}

## `ansvar diff` as text and Markdown

diff-no-change = No change in roles, findings, transfers, duties or entities.
diff-heading-roles = Roles
diff-heading-introduced = Findings introduced
diff-heading-resolved = Findings resolved
diff-heading-acceptances-started = Accepted risks that began to match
diff-heading-acceptances-stopped = Accepted risks that stopped matching
diff-heading-abroad = Third-country processing
diff-heading-duties = Who notifies whom on a breach
diff-heading-obligations = Obligations
diff-heading-entities = Entities
diff-no-role = no role
diff-role-for = {$role} for {$principal}
diff-role-own-purposes = {$role} for its own purposes (Art. 28(10))
diff-role-change = {$party} in {$activity}: {$old} → {$new}
diff-before = before: {$text}
diff-after = after: {$text}
diff-finding = [{$severity}] {$code}{$accepted}: {$message} ({$location})
diff-abroad = {$party} processes {$activity}{$exporter} in {$country} ({$adequacy}; {$tools})
diff-abroad-for = {" "}for {$exporter}
diff-adequacy = adequacy: {$instrument}
diff-no-adequacy = no adequacy decision
diff-adequacy-not-covering = adequacy decision {$instrument}, not covering this importer
diff-no-tool = no transfer tool
diff-to-authority = the supervisory authority
diff-to-subjects = the data subjects (if high risk)
diff-within = {" "}within {$hours} h
diff-duty = {$activity}: {$from} notifies {$to}{$within} ({$provision})
diff-obligation = {$party}: {$kind} in {$activity} ({$provisions})
diff-removed = {$path} removed
diff-added = {$path} added
diff-unset = (unset)
diff-field = {$path}: {$old} → {$new}

obligation-accountability = accountability
obligation-information_to_data_subjects = information to data subjects
obligation-joint_controller_arrangement = joint controller arrangement
obligation-choice_of_processors = choice of processors
obligation-controller_record = controller record
obligation-security = security
obligation-breach_to_authority = breach to authority
obligation-breach_to_data_subjects = breach to data subjects
obligation-impact_assessment = impact assessment
obligation-processing_on_instructions = processing on instructions
obligation-sub_processors = sub processors
obligation-processor_record = processor record
obligation-breach_to_principal = breach to principal
obligation-data_protection_officer = data protection officer
obligation-eu_representative = representative in the Union
obligation-care_provider_as_controller = care provider as controller
obligation-access_logs = access logs
obligation-information_to_patient = information to patient
obligation-patient_data_backups = patient data backups
obligation-controller_not_reached = outside the GDPR as controller
obligation-access_analysis = access analysis
obligation-log_review = log review
obligation-strong_authentication = strong authentication

## The summary `check` prints first on a terminal, and `check --quiet`

digest-exit-never = exit 0: --fail-on never
digest-exit-failing = exit 1: {$count ->
    [one] {$count} finding
   *[other] {$count} findings
} at or above {$severity}
digest-exit-passing = exit 0: no finding at or above {$severity}
digest-by-rule = by rule
digest-by-party = by party
digest-top-ten = {$by} (top ten)
digest-all = {$by}
digest-more-rules = more {$count ->
    [one] rule
   *[other] rules
}
digest-more-parties = more {$count ->
    [one] party
   *[other] parties
}
digest-shown = the {$shown} most severe of {$total} findings follow:
digest-more-findings = … {$count} more {$count ->
    [one] finding
   *[other] findings
} not shown; to see all: ansvar check … --all, or --format json

## The command line's own errors and notes (after `error:`, `warning:`, `help:`)

cli-did-you-mean = did you mean `{$near}`?
cli-wrote = wrote {$path} ({$size})
cli-wrote-files = wrote {$files}
cli-wrote-split = wrote {$path} (an index and {$pages} party pages)
cli-next = next: {$command}
cli-obligations-json = {$command} needs `--format json`
cli-cannot-write-stdout = cannot write to stdout: {$error}
cli-cannot-write = cannot write `{$path}`: {$error}
cli-will-not-write = will not write `{$path}`: {$reason}
cli-side-none = {""}
cli-side-old = the old side:{" "}
cli-side-new = the new side:{" "}
cli-no-such-file = {$side}no such file: {$path}
cli-no-such-directory = {$side}no such directory: {$path}
cli-scope-no-party = --scope: the model has no party `{$id}`
cli-no-rule = there is no rule `{$code}`
cli-rules-lists = `ansvar rules` lists every rule
cli-no-party = the model has no party `{$id}`
cli-no-activity = the model has no activity `{$id}`
cli-before-gdpr = {$date} is before {$applies}, when the GDPR began to apply; the findings read that date under the GDPR, not under the law then in force (in Sweden, personuppgiftslagen)

## Why `-o FILE` or `--split DIR` is refused (src/output.rs)

refusal-directory-is-link = it is a symbolic link; name a directory that does not exist yet
refusal-not-a-directory = it is {$kind}, not a directory; name a directory that does not exist yet
refusal-directory-not-empty = the directory is not empty; remove it, or name one that does not exist yet
refusal-no-directory-name = it names no directory of its own; give a name such as `report`
refusal-dangling-link = it is a symbolic link to a file that cannot be reached ({$error})
refusal-not-a-file = it is {$kind}, not a regular file; leave out `-o` to write to stdout
refusal-read-only = it is read-only
refusal-model-file = it is a file of the model being read
refusal-would-join-model = it would become a file of the model being read
file-kind-directory = a directory
file-kind-fifo = a FIFO
file-kind-char-device = a character device
file-kind-block-device = a block device
file-kind-socket = a socket
file-kind-symlink = a symbolic link
file-kind-other = not a regular file
