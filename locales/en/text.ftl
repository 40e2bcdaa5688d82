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
