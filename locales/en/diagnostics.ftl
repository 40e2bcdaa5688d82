# What each diagnostic code of the loader means, in English: one sentence
# per code, `diagnostic-CODE`, as docs/diagnostics.md gives it.

diagnostic-unreadable-model = The model's directory or a file in it cannot be read or listed.
diagnostic-empty-model = The model's directory holds no `.yaml` or `.yml` files.
diagnostic-too-many-files = The model has more files than one model may have (65 535).
diagnostic-file-too-large = A model file is larger than the limit for one file (256 MiB).
diagnostic-not-utf8 = A model file is not valid UTF-8 text.
diagnostic-git = A model named as `REV:path` cannot be read from git: no repository, an unknown revision, or a path that is not there.
diagnostic-yaml = The file is not valid YAML, or a value has the wrong shape (a list where a map belongs, text where a number belongs), or it exceeds the nesting or alias limits.
diagnostic-unknown-field = A key the model format does not have, usually a misspelling; the message lists the keys expected there.
diagnostic-missing-field = A field the entry cannot do without is missing: an `id`, a performer's `party`, an agreement's `parties`, an SCC `module`.
diagnostic-bad-id = An id is not lower-case kebab-case: letters `a`–`z`, digits and single hyphens, none at the start or end.
diagnostic-duplicate-id = Two entries of the same kind have the same id; both places are shown.
diagnostic-unknown-reference = A reference to an id that no entry of that kind has; a close id is suggested.
diagnostic-wrong-reference = A reference names an id that exists, but of another kind (a system where a party belongs).
diagnostic-unknown-value = A value outside its closed vocabulary (a party kind, an agreement kind, an SCC module that does not exist); a close value is suggested.
diagnostic-unknown-country = A country that is not an ISO 3166-1 alpha-2 code in the reference data.
diagnostic-unknown-regime = A legal regime (`requires`, `subject_to`) that the reference data does not define.
diagnostic-bad-date = A date that is not `YYYY-MM-DD` (or a date and time where one is allowed), or a day that does not exist.
diagnostic-bad-period = A period (an agreement's or activity's, a certification's) that ends before it starts.
diagnostic-bad-duration = A retention period that is not an ISO 8601 duration such as `P10Y`.
diagnostic-self-reference = A party is its own owner (`owned_by`).
diagnostic-self-on-behalf = A performer acts on its own behalf (`on_behalf_of` names itself).
diagnostic-on-behalf-cycle = In one activity, performers act on behalf of each other in a circle, so no chain reaches a controller.
diagnostic-owned-by-cycle = Parties own each other in a circle (`owned_by`), so no owner chain ends.
diagnostic-territory = A warning: a country whose status under the GDPR needs checking (such as a special territory of a member state); the note says why.
diagnostic-contradiction = Two fields of one entry say opposite things, such as `breach_notification: none` with `breach_notification_hours`.
diagnostic-bad-reference = The reference data (built in, or given with `--reference`) is invalid: a bad or repeated country code, date, adequacy scope or regime.

# How a loader's problem is shown in a language other than the one its
# detail is written in (English): the detail, after the code's sentence.
diagnostic-detail = {$detail}

# The line after the problems of an invalid model; {$side} is empty, or names
# the side of a diff.
invalid-model = {$side}{$model} is not a valid model: {$count ->
    [one] {$count} problem
   *[other] {$count} problems
}
invalid-model-side-old = the old side: {""}
invalid-model-side-new = the new side: {""}
