# Roles in English: the reasons for each derived role (`reason-…`), the gaps
# (`gap-…`), the matrix of `ansvar roles` and the reasoning of `--explain`. Ids
# arrive already written as code.

## Reasons

reason-joint = {$others} also { $count ->
        [one] determines
       *[other] determine
    } purposes or means of {$activity}: they are joint controllers
reason-own-purposes = {$party} also uses the data of {$activity} for purposes of its own ({$purposes}): for those it decides purposes and means itself
reason-processor = {$party} performs {$activity} on behalf of {$principal}, a controller of it: a separate entity processing on a controller's behalf is its processor
reason-sub-processor = {$party} performs {$activity} on behalf of {$principal}, which is not a controller of it but acts for {$chain}: a processor's processor is a sub-processor
reason-gives-care = {$party} gives care in {$activity}; Swedish sector law makes every care provider controller of the processing it carries out, which on IMY's reading a processor role cannot satisfy (see rule `care-giver-as-processor`)
reason-decides-purposes = {$party} decides why {$activity} takes place (its purposes)
reason-decides-means = {$party} decides the essential means of {$activity}: which data, for how long, who has access, whose data
reason-designated-by-law-in = the law designates {$party} as controller of {$activity} ({$law})
reason-designated-by-law = the law designates {$party} as controller of {$activity}
reason-performs-itself = {$party} performs {$activity} itself, with its own staff, who are not its processors; other parties may still be its processors for the rest
reason-said-on-behalf = {$party} is said to perform {$activity} on behalf of {$principal}, but it decides purposes or means itself: it is a controller, not a processor
reason-pursues-own-purposes = {$party} pursues purposes of its own in {$activity} ({$purposes})

## Gaps

gap-no-controller = no controller: nobody decides its purposes or means and no law designates one
gap-performer-for-nobody = {$party} performs it on behalf of nobody and is not its controller
gap-principal-without-role = {$party} acts for {$principal}, which neither controls nor performs it
gap-no-controller-above = {$party} acts for {$principal}, whose chain of delegation reaches no controller

## The matrix of `ansvar roles`

matrix-party = party
matrix-controller = C
matrix-joint-controller = JC
matrix-processor = P
matrix-sub-processor = SP
matrix-own-purposes = C*
matrix-legend = C controller  JC joint controller  P processor  SP sub-processor  C* controller for its own purposes (Art. 28(10))  · no role
delegation = {$activity}: {$party} is {$role} for {$principal} ({$chain})

## `ansvar roles --explain PARTY ACTIVITY`

explain-role = {$party} is {$role} of {$activity}.
explain-role-for = {$party} is {$role} of {$activity} on behalf of {$principal}.
explain-role-own-purposes = {$party} is {$role} of {$activity} for its own purposes.
explain-rests-on = rests on: {$provisions}
explain-stated-at = stated at: {$location}
explain-chain = chain: {$chain}
explain-no-role = {$party} has no role in {$activity}.
explain-gap = It performs it, but the facts leave a gap: {$gap}.
explain-gap-why = A processor processes on behalf of a controller ({$provisions}): with no controller above it, no role can be derived.
explain-no-part = It does not decide the activity's purposes or essential means, no law designates it as controller, and it performs no part of it.
explain-per-activity = Roles are per activity ({$provisions}): a party with no part in an activity has none.
explain-role-of = {$role} of {$activity}
explain-elsewhere = Elsewhere it is {$roles}.
