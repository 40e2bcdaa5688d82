# Roller på svenska: skälen för varje härledd roll (`reason-…`), luckorna
# (`gap-…`), matrisen i `ansvar roles` och resonemanget i `--explain`. Id:n
# kommer färdigskrivna som kod.

## Skäl

reason-joint = {$others} fastställer också ändamål eller medel för {$activity}: de är gemensamt personuppgiftsansvariga{ $count ->
        [one] {""}
       *[other] {""}
    }
reason-own-purposes = {$party} använder också uppgifterna i {$activity} för egna ändamål ({$purposes}): för dem bestämmer den själv ändamål och medel
reason-processor = {$party} utför {$activity} på uppdrag av {$principal}, som är personuppgiftsansvarig för den: en separat enhet som behandlar för en personuppgiftsansvarigs räkning är dess personuppgiftsbiträde
reason-sub-processor = {$party} utför {$activity} på uppdrag av {$principal}, som inte är personuppgiftsansvarig för den men agerar för {$chain}: ett personuppgiftsbiträdes personuppgiftsbiträde är ett underbiträde
reason-gives-care = {$party} ger vård i {$activity}; svensk sektorslagstiftning gör varje vårdgivare personuppgiftsansvarig för den behandling den utför, vilket enligt IMY:s läsning inte kan uppfyllas i rollen som personuppgiftsbiträde (se regeln `care-giver-as-processor`)
reason-decides-purposes = {$party} bestämmer varför {$activity} sker (dess ändamål)
reason-decides-means = {$party} bestämmer de väsentliga medlen för {$activity}: vilka uppgifter, hur länge, vem som har åtkomst, vems uppgifter
reason-designated-by-law-in = lagen utser {$party} till personuppgiftsansvarig för {$activity} ({$law})
reason-designated-by-law = lagen utser {$party} till personuppgiftsansvarig för {$activity}
reason-performs-itself = {$party} utför {$activity} själv, med egen personal, som inte är dess personuppgiftsbiträden; andra parter kan ändå vara dess personuppgiftsbiträden för resten
reason-said-on-behalf = {$party} sägs utföra {$activity} på uppdrag av {$principal}, men bestämmer själv ändamål eller medel: den är personuppgiftsansvarig, inte personuppgiftsbiträde
reason-pursues-own-purposes = {$party} har egna ändamål i {$activity} ({$purposes})

## Luckor

gap-no-controller = ingen personuppgiftsansvarig: ingen bestämmer ändamålen eller medlen och ingen lag utser någon
gap-performer-for-nobody = {$party} utför den för ingens räkning och är inte personuppgiftsansvarig för den
gap-principal-without-role = {$party} agerar för {$principal}, som varken är personuppgiftsansvarig för eller utför den
gap-no-controller-above = {$party} agerar för {$principal}, vars kedja av uppdrag inte når någon personuppgiftsansvarig

## Matrisen i `ansvar roles`

matrix-party = part
matrix-controller = PA
matrix-joint-controller = GPA
matrix-processor = PB
matrix-sub-processor = UB
matrix-own-purposes = PA*
matrix-legend = PA personuppgiftsansvarig  GPA gemensamt personuppgiftsansvarig  PB personuppgiftsbiträde  UB underbiträde  PA* personuppgiftsansvarig för egna ändamål (artikel 28.10)  · ingen roll
delegation = {$activity}: {$party} är {$role} åt {$principal} ({$chain})

## `ansvar roles --explain PART BEHANDLING`

explain-role = {$party} är {$role} för {$activity}.
explain-role-for = {$party} är {$role} för {$activity} på uppdrag av {$principal}.
explain-role-own-purposes = {$party} är {$role} för {$activity} för egna ändamål.
explain-rests-on = stöds av: {$provisions}
explain-stated-at = anges i: {$location}
explain-chain = kedja: {$chain}
explain-no-role = {$party} har ingen roll i {$activity}.
explain-gap = Den utför behandlingen, men fakta lämnar en lucka: {$gap}.
explain-gap-why = Ett personuppgiftsbiträde behandlar för en personuppgiftsansvarigs räkning ({$provisions}): utan personuppgiftsansvarig ovanför kan ingen roll härledas.
explain-no-part = Den bestämmer inte behandlingens ändamål eller väsentliga medel, ingen lag utser den till personuppgiftsansvarig, och den utför ingen del av behandlingen.
explain-per-activity = Roller gäller per behandling ({$provisions}): en part utan del i en behandling har ingen roll i den.
explain-role-of = {$role} för {$activity}
explain-elsewhere = På annat håll är den {$roles}.
