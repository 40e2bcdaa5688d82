# Översikten av en stor modell och dess sidor per part (issue 15).
# Samma meddelanden på varje språk.

## Översikten: huvudet

overview-overline = Översikt över ansvar enligt dataskyddsförordningen
overview-title = Översikt: {$model} per {$date}
overview-heading = Vem ansvarar för vad i {$model}
overview-meta-model = Modell
overview-meta-as-of = Bedömd per
overview-meta-produced = Framställd
overview-meta-not-stated = inte angivet
overview-why-large = Modellen har {$parties} parter med en roll eller en iakttagelse och {$findings} iakttagelser, fler än {$max_parties} parter eller {$max_findings} iakttagelser: en rapport över allt är mer än en webbläsare kan öppna. Detta är dess översikt. `ansvar report --split KATALOG` skriver en sida per part; `--full` skriver hela rapporten.
overview-why-asked = Detta är översikten av modellen (`--overview`). `ansvar report --split KATALOG` skriver en sida per part; `--full` skriver hela rapporten.
overview-why-split = Denna sida är förteckningen över modellens sidor: en per part med en roll eller en iakttagelse, med dess skyldigheter, dess del av kedjan, dess iakttagelser och dess register över behandling.
overview-note = Rollerna härleds för varje behandling ur de fakta som modellen anger, inte ur vad avtalen kallar parterna. Rapporten är inte säkrare än de fakta som anges; den ersätter inte juridisk rådgivning.

## Tal

overview-figure-parties = {$count ->
    [one] part med en roll eller en iakttagelse
   *[other] parter med en roll eller en iakttagelse
}
overview-figure-activities = {$count ->
    [one] behandling
   *[other] behandlingar
}
overview-figure-open = {$count ->
    [one] öppen iakttagelse per {$date}
   *[other] öppna iakttagelser per {$date}
}
overview-accepted = {$count ->
    [0] Ingen iakttagelse omfattas av en accepterad risk.
    [one] 1 iakttagelse omfattas av en accepterad risk.
   *[other] {$count} iakttagelser omfattas av en accepterad risk.
}

## De allvarligaste iakttagelserna

overview-top-heading = De allvarligaste iakttagelserna
overview-top-none = Inga öppna iakttagelser.
overview-top-more = {$shown} av {$total} öppna iakttagelser visas här, de allvarligaste först; varje iakttagelse finns på sidan för den part som ska åtgärda den, och i `ansvar check --format json`.
overview-top-all = Alla öppna iakttagelser visas här, de allvarligaste först.
overview-what-to-do = Åtgärd:

## Kedjan

overview-chain-heading = Kedjan
overview-chain-drawn = Personuppgiftsansvariga till vänster, de personuppgiftsbiträden de anlitar och biträdenas underbiträden till höger, systemen sist, i de behandlingar som pågår per {$date}.
overview-chain-not-drawn = Kedjan ritas inte: {$parties} parter har en roll, fler än de {$max} som en ritning kan visa läsbart. Varje parts sida visar dess del av kedjan; `ansvar graph --scope PART` ritar en parts kedja.

## Parterna

overview-parties-heading = Parterna
overview-parties-intro = En rad per part med en roll eller en iakttagelse, efter namn: de roller den har (och i hur många behandlingar) och de öppna iakttagelser den ska åtgärda, efter allvarlighet.
overview-parties-intro-split = En rad per part med en roll eller en iakttagelse, efter namn, med länk till dess sida: de roller den har (och i hur många behandlingar) och de öppna iakttagelser den ska åtgärda, efter allvarlighet.
overview-column-party = Part
overview-column-roles = Roller
overview-column-accepted = Accepterade
overview-roles-none = ingen roll
overview-role-controller = personuppgiftsansvarig
overview-role-joint = gemensamt personuppgiftsansvarig
overview-role-processor = personuppgiftsbiträde
overview-role-sub = underbiträde
overview-role-own = personuppgiftsansvarig för egna ändamål (artikel 28.10)
overview-role-legend = PA personuppgiftsansvarig · GPA gemensamt personuppgiftsansvarig · PB personuppgiftsbiträde · UB underbiträde · PA* personuppgiftsansvarig för egna ändamål (artikel 28.10); talet anger i hur många behandlingar.

## En parts sida (`--split`)

overview-page-title = {$party}: skyldigheter i {$model} per {$date}
overview-page-back = Översikt över {$model}
overview-page-chain-heading = Dess del av kedjan
overview-page-chain-intro = För vem parten utför behandling, och vem som utför behandling för den, i varje behandling där den har en roll.
overview-page-acts-for = Behandlar åt
overview-page-acted-for-by = Behandlar åt den
overview-page-column-activity = Behandling
overview-page-column-role = Roll
overview-page-column-party = Part
overview-page-chain-none = Den behandlar inte åt någon och ingen behandlar åt den.
overview-page-roles-heading = Roller och skäl
overview-page-no-role = Ingen roll i någon behandling.
overview-page-duties-heading = Skyldigheter
overview-page-no-duty = Ingen skyldighet följer av dess roller per {$date}.
overview-page-column-provision = Bestämmelse
overview-page-column-duty = Skyldighet
overview-page-column-applies = Gäller
overview-page-findings-heading = Iakttagelser
overview-page-findings-none = Inga.
overview-page-records-heading = Dess register över behandling (artikel 30)
overview-page-records-none = Inget register över behandling anger denna part som personuppgiftsansvarig eller personuppgiftsbiträde.
overview-page-model-note = Anteckning i modellen:
overview-page-not-running = pågår inte per {$date}
overview-page-of = i

## Rollkoder, som tabellen över parterna visar dem

overview-code-controller = PA
overview-code-own = PA*
overview-code-joint = GPA
overview-code-processor = PB
overview-code-sub = UB
