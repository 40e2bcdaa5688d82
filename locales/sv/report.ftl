# The report's own texts: headings, duty sheets, records and the register
# (templates under templates/ and src/report/). Same messages in every language.

## Gemensamma ord

not-recorded = inte angivet
yes = ja
no = nej
none = inga
list-and-more = { $list } och { $more } till
country-eea = { $country }, EU/EES
country-adequate = { $country }, tredjeland med beslut om adekvat skyddsnivå ({ $instrument })
country-third = { $country }, tredjeland utan gällande beslut om adekvat skyddsnivå

## Ansvarsblad: partens uppgifter

party-kind-region = region
party-kind-municipality = kommun
party-kind-care_provider = vårdgivare
party-kind-subcontractor = underleverantör
party-kind-tech_vendor = teknikleverantör
party-kind-authority = myndighet
party-kind-other = annan
fact-kind = Slag
fact-established = Etablerad i
fact-org-number = Organisationsnummer
fact-owned-by = Ägs av
fact-public-body = Myndighet eller offentligt organ
fact-bound-by = Omfattas av
fact-no-regime = ingen reglering angiven
fact-dpo = Dataskyddsombud
dpo-designated = utsett
dpo-none = inget utsett
fact-records = Register över behandling
records-kept = förs
records-not-kept = förs inte
fact-employees = Anställda
fact-eu-establishment = Verksamhetsställe i EU/EES
fact-targets-eu = Erbjuder varor eller tjänster till personer i unionen
fact-monitors-eu = Övervakar personers beteende i unionen
fact-core-special = Kärnverksamhet: behandling i stor omfattning av särskilda kategorier av personuppgifter

## Ansvarsblad: iakttagelser, roller

sheet-findings-none = Inga iakttagelser mot denna part.
sheet-findings-open = { $open ->
    [one] 1 öppen iakttagelse
   *[other] { $open } öppna iakttagelser
} mot denna part.
sheet-findings-open-accepted = { $open ->
    [one] 1 öppen iakttagelse
   *[other] { $open } öppna iakttagelser
} och { $accepted ->
    [one] 1 accepterad iakttagelse
   *[other] { $accepted } accepterade iakttagelser
} mot denna part.
sheet-about = { $count } rör dess behandling ({ $numbers }).
sheet-about-actors = { $count } rör dess behandling; det är { $actors } som ska åtgärda dem ({ $numbers }).
qualifier-for = för { $principal }
qualifier-for-chain = för { $principal }, som i sin tur behandlar för { $chain }
qualifier-own = för egna ändamål: { $purposes }

## Ansvarsblad: skyldigheter

duty-controller-not-reached-title = Utanför dataskyddsförordningen som personuppgiftsansvarig
duty-controller-not-reached = Dataskyddsförordningen är inte tillämplig på den behandling som parten är personuppgiftsansvarig för här: modellen anger varken verksamhetsställe i unionen eller att parten erbjuder varor eller tjänster till eller övervakar personer där (artikel 3.1 och 3.2). Parten har därför inga av den personuppgiftsansvariges skyldigheter enligt förordningen för denna behandling, och inga anges. Ett personuppgiftsbiträde som behandlar uppgifterna för dess räkning inom unionen har kvar sina egna skyldigheter, och den som överför personuppgifter till parten från unionen behöver stöd för överföringen i kapitel V.
duty-accountability-title = Ansvarsskyldighet
duty-accountability = Ansvara för och kunna visa att principerna i artikel 5.1 efterlevs, genom lämpliga tekniska och organisatoriska åtgärder som ses över och uppdateras vid behov.
duty-information-to-data-subjects-title = Information till de registrerade
duty-information-to-data-subjects = Informera de registrerade om vem som är personuppgiftsansvarig, ändamålen och den rättsliga grunden, mottagarna, eventuell överföring till tredjeland, hur länge uppgifterna sparas och deras rättigheter: när uppgifterna samlas in (artikel 13) eller, när de hämtas från annat håll, inom skälig tid och senast inom en månad, eller tidigare vid den första kontakten med den registrerade eller när uppgifterna först lämnas ut till en annan mottagare (artikel 14.3).
duty-joint-controller-arrangement-title = Arrangemang mellan gemensamt personuppgiftsansvariga
duty-joint-controller-arrangement = Fastställ tillsammans med { $names } i ett arrangemang vem som fullgör vilken skyldighet, särskilt gentemot de registrerade, och gör det väsentliga innehållet i arrangemanget tillgängligt för dem.
duty-choice-of-processors-title = Val av personuppgiftsbiträden
duty-choice-of-processors = Anlita endast personuppgiftsbiträden som ger tillräckliga garantier, vart och ett bundet av ett skriftligt avtal med det innehåll som artikel 28.3 kräver. Dess personuppgiftsbiträden: { $names }.
duty-controller-record-title = Register över behandling (personuppgiftsansvarig)
duty-controller-record = För ett skriftligt register över behandling som utförs under dess ansvar: ändamål, kategorier av registrerade och av personuppgifter, mottagare, överföringar till tredjeland, tidsfrister för radering och en beskrivning av säkerhetsåtgärderna (se registret nedan).
duty-security-title = Säkerhet i samband med behandlingen
duty-security = Vidta säkerhetsåtgärder som är lämpliga i förhållande till risken, i egna system och i personuppgiftsbiträdenas: kryptering där det är lämpligt, konfidentialitet, integritet, tillgänglighet och motståndskraft, förmåga att återställa uppgifterna efter en incident samt regelbundna tester.
duty-breach-to-authority-title = Anmälan av personuppgiftsincident till tillsynsmyndigheten
duty-breach-to-authority = Anmäl en personuppgiftsincident till tillsynsmyndigheten utan onödigt dröjsmål och, om möjligt, inom 72 timmar efter att ha fått vetskap om den, om det inte är osannolikt att incidenten medför en risk; dokumentera varje incident (artikel 33.5).
duty-breach-to-data-subjects-title = Information om personuppgiftsincident till de registrerade
duty-breach-to-data-subjects = Informera de registrerade utan onödigt dröjsmål när en incident sannolikt leder till en hög risk för dem; det krävs inte om uppgifterna var obegripliga för obehöriga, till exempel krypterade (artikel 34.3 a).
duty-impact-assessment-title = Konsekvensbedömning avseende dataskydd
duty-impact-assessment = Bedöm behandlingens konsekvenser för skyddet av personuppgifter innan den påbörjas: den omfattar särskilda kategorier av personuppgifter i stor omfattning.
duty-processing-on-instructions-title = Behandling enligt instruktioner
duty-processing-on-instructions = Behandla uppgifterna endast enligt dokumenterade instruktioner från { $names }, även när det gäller överföringar till tredjeland, och se till att den personal som behandlar dem har åtagit sig att iaktta konfidentialitet.
duty-sub-processors-title = Underbiträden
duty-sub-processors = Anlita ett annat personuppgiftsbiträde endast med den personuppgiftsansvariges skriftliga förhandstillstånd, och ålägg det genom avtal samma skyldigheter i fråga om dataskydd; biträdet förblir fullt ansvarigt för underbiträdet. { $engaging }
duty-sub-processors-none = Enligt modellen anlitar det inget underbiträde.
duty-sub-processors-some = Det anlitar { $names }.
duty-processor-record-title = Register över behandling (personuppgiftsbiträde)
duty-processor-record = För ett skriftligt register över den behandling som utförs för varje personuppgiftsansvarig: de personuppgiftsansvariga, kategorierna av behandling, överföringar till tredjeland och en beskrivning av säkerhetsåtgärderna (se registret nedan).
duty-breach-to-principal-title = Underrättelse om personuppgiftsincident till uppdragsgivaren
duty-breach-to-principal = Underrätta den part det behandlar för om en personuppgiftsincident utan onödigt dröjsmål efter att ha fått vetskap om den; att anmäla incidenten till tillsynsmyndigheten är den personuppgiftsansvariges skyldighet, inte biträdets.
duty-eu-representative-title = Företrädare i unionen
duty-eu-representative = Utse skriftligen en företrädare i unionen, etablerad i en medlemsstat där de registrerade finns: { $why }.
duty-eu-representative-large-scale = parten är inte etablerad i unionen men dess behandling har samband med att varor eller tjänster erbjuds till, eller att personer övervakas, där (av den själv eller av den personuppgiftsansvarige den behandlar för), och dess behandling i stor omfattning av särskilda kategorier av personuppgifter utesluter undantaget för tillfällig behandling
duty-eu-representative-unless-exempt = parten är inte etablerad i unionen men dess behandling har samband med att varor eller tjänster erbjuds till, eller att personer övervakas, där (av den själv eller av den personuppgiftsansvarige den behandlar för); om inte behandlingen är tillfällig, inte omfattar behandling i stor omfattning av särskilda kategorier av personuppgifter eller uppgifter om brott och sannolikt inte leder till en risk (artikel 27.2 a), vilket modellen inte anger
duty-data-protection-officer-title = Dataskyddsombud
duty-data-protection-officer = Utse ett dataskyddsombud och offentliggör ombudets kontaktuppgifter: { $why }.
duty-data-protection-officer-public = parten är en offentlig myndighet eller ett offentligt organ
duty-data-protection-officer-likely = sannolikt, som vårdgivare och personuppgiftsansvarig för behandling i stor omfattning av särskilda kategorier av personuppgifter; bedöm om kärnverksamheten består av sådan behandling (artikel 37.1 c), vilket avgörs av partens huvudsakliga verksamhet och inte av varje behandling den deltar i
duty-data-protection-officer-core = kärnverksamheten består enligt modellen av behandling i stor omfattning av särskilda kategorier av personuppgifter
duty-care-provider-as-controller-title = Personuppgiftsansvarig som vårdgivare
duty-care-provider-as-controller = Som vårdgivare är parten personuppgiftsansvarig för den behandling av personuppgifter i patientjournaler och annan vårddokumentation som den utför; ansvaret kan inte avtalas över till någon annan.
duty-access-logs-title = Åtkomstloggar
duty-access-logs = Se till att åtkomst till uppgifter om patienter dokumenteras och att loggarna kontrolleras systematiskt och återkommande.
duty-information-to-patient-title = Information till patienten
duty-information-to-patient = Informera patienten om behandlingen av patientuppgifter, utöver informationen enligt artikel 13.
duty-patient-data-backups-title = Säkerhetskopiering av patientuppgifter
duty-patient-data-backups = Säkerhetskopiera patientuppgifterna med bestämda intervall, förvara kopiorna åtskilda från originalen och bestäm hur länge de sparas och hur återläsning prövas.
duty-access-analysis-title = Behovs- och riskanalys
duty-access-analysis = Begränsa varje användares åtkomst till patientuppgifter till vad arbetet kräver, utifrån en dokumenterad analys av användarnas behov och riskerna som görs innan behörigheter tilldelas (behovs- och riskanalys).
duty-log-review-title = Kontroll av åtkomstloggar
duty-log-review = Kontrollera åtkomstloggarna systematiskt och återkommande, så att obehörig åtkomst upptäcks och följs upp.
duty-strong-authentication-title = Stark autentisering
duty-strong-authentication = När patientuppgifter nås över ett nät som operatören inte kontrollerar, kontrollera varje användares identitet på minst två sätt före åtkomst (till exempel med e-tjänstekort som SITHS eller flerfaktorsautentisering); enbart lösenord räcker inte.

basis-contract-only = endast genom avtal
basis-contract-only-why = Binder parten endast genom det avtal som dess personuppgiftsansvarige ska ingå (artikel 28.3) och villkoren för överföringen (kapitel V): modellen anger varken verksamhetsställe i unionen eller att parten erbjuder tjänster till eller övervakar personer där, så dataskyddsförordningen är inte direkt tillämplig på den (artikel 3.1 och 3.2); den personuppgiftsansvarige svarar för den.
basis-if-reached = genom avtal; enligt lag om dataskyddsförordningen är tillämplig
basis-if-reached-why = Binder parten genom det avtal som dess personuppgiftsansvarige ska ingå (artikel 28.3); dataskyddsförordningen är direkt tillämplig på den endast där den har ett verksamhetsställe i unionen eller dess behandling har samband med att tjänster erbjuds till, eller att personer övervakas, där, av den själv eller av den personuppgiftsansvarige den behandlar för (artikel 3.1 och 3.2); modellen anger inte detta för hela dess behandling.
record-exemption-caveat = Om inte undantaget i artikel 30.5 gäller (färre än 250 anställda, behandling som är tillfällig, sannolikt inte medför en risk och inte omfattar särskilda kategorier av uppgifter eller uppgifter om lagöverträdelser), vilket modellen inte kan utesluta.

## Ansvarsblad: vad modellen anger

recorded-informs-yes = Anges informera de registrerade om: { $activities }.
recorded-informs-no = Anges inte informera de registrerade om: { $activities }.
recorded-informs-unknown = Vem som informerar anges inte för: { $activities }.
recorded-records-kept = Enligt modellen för parten register över behandling.
recorded-records-not-kept = Enligt modellen för parten inget register över behandling.
recorded-records-unknown = Modellen anger inte om parten för register över behandling.
recorded-eu-representative-yes = Modellen anger en utsedd företrädare i unionen.
recorded-eu-representative-no = Modellen anger att ingen företrädare i unionen är utsedd.
recorded-eu-representative-unknown = Modellen anger inte om en företrädare i unionen är utsedd.
recorded-dpo-yes = Enligt modellen har ett dataskyddsombud utsetts.
recorded-dpo-no = Enligt modellen har inget dataskyddsombud utsetts.
recorded-dpo-unknown = Modellen anger inte om ett dataskyddsombud har utsetts.
recorded-deadline = { $principal } inom { $hours } timmar ({ $activity })
recorded-deadline-none = { $principal } ({ $activity }, ingen tidsfrist avtalad)
recorded-must-notify = Ska underrätta { $deadlines }.
recorded-processors-not-reached = Personuppgiftsbiträden etablerade utanför EU/EES som enligt modellen inte omfattas av dataskyddsförordningen (artikel 3): { $names }. Förordningens skyldigheter för personuppgiftsbiträden binder dem endast genom det avtal ni ingår med dem (artikel 28.3); en överföring av personuppgifter till dem kräver stöd i kapitel V (artikel 44); ni ansvarar för deras behandling.
recorded-processors-reach-unknown = Personuppgiftsbiträden etablerade utanför EU/EES, där modellen inte anger om dataskyddsförordningen omfattar dem (artikel 3): { $names }. Bind dem i vilket fall genom avtalet enligt artikel 28.3; att föra över personuppgifter till dem är en överföring till tredjeland (artikel 44).
recorded-systems-log-yes = System som loggar åtkomst: { $systems }.
recorded-systems-log-no = System som inte loggar åtkomst: { $systems }.
recorded-systems-analysis-yes = System där behörigheter tilldelas utifrån en sådan analys: { $systems }.
recorded-systems-analysis-no = System där behörigheter tilldelas utan en sådan analys: { $systems }.
recorded-systems-review-yes = System vars loggar kontrolleras: { $systems }.
recorded-systems-review-no = System vars loggar inte kontrolleras: { $systems }.
recorded-systems-authentication-yes = System som kräver stark autentisering: { $systems }.
recorded-systems-authentication-no = System som nås med enbart lösenord eller utan autentisering: { $systems }.
recorded-systems-backup-yes = System som säkerhetskopieras: { $systems }.
recorded-systems-backup-no = System som inte säkerhetskopieras: { $systems }.
recorded-systems-unknown = Inte angivet för: { $systems }.

## Sammanfattning, behandlingar, matris, behandling utanför EU/EES

nobody = ingen
none-recorded = inget angivet
summary-controllers = Personuppgiftsansvariga
summary-joint-controllers = Gemensamt personuppgiftsansvariga
summary-processors = Personuppgiftsbiträden
summary-sub-processors = Underbiträden
report-summary-activities = { $count ->
    [one] 1 behandling
   *[other] { $count } behandlingar
}
summary-running-all = alla pågår den { $date }
summary-running = { $count ->
    [one] 1 av dem pågår
   *[other] { $count } av dem pågår
} den { $date }
report-summary-parties = { $count ->
    [one] 1 part
   *[other] { $count } parter
}
summary-open = { $count ->
    [one] 1 öppen iakttagelse
   *[other] { $count } öppna iakttagelser
}
summary-open-noun = { $count ->
    [one] öppen iakttagelse
   *[other] öppna iakttagelser
}
report-summary-accepted = { $count ->
    [0] Ingen iakttagelse omfattas av en accepterad risk.
    [one] 1 iakttagelse omfattas av en accepterad risk.
   *[other] { $count } iakttagelser omfattas av en accepterad risk.
}
summary-abroad = { $count ->
    [one] 1 utförare behandlar personuppgifter i tredjeland.
   *[other] { $count } utförare behandlar personuppgifter i tredjeland.
}
summary-more = { $count ->
    [one] Ytterligare 1 öppen iakttagelse finns i ansvarsbladen och i förteckningen över iakttagelser.
   *[other] Ytterligare { $count } öppna iakttagelser finns i ansvarsbladen och i förteckningen över iakttagelser.
}
activity-runs = pågår den { $date }
activity-starts = börjar den { $date }
activity-ended = upphörde den { $date }
activity-not-running = pågår inte den { $date }
activity-processor = { $party } ({ $role } för { $principal })
matrix-instead = Modellen har { $count ->
    [one] 1 behandling
   *[other] { $count } behandlingar
}, för många för en tabell: varje parts roller anges, behandling för behandling, i dess ansvarsblad (del 4).
cell-for = { $role } för { $principal }
cell-own = personuppgiftsansvarig för egna ändamål: { $purposes }
abroad-adequacy = beslut om adekvat skyddsnivå: { $instrument }
abroad-no-adequacy = inget beslut om adekvat skyddsnivå gällde den { $date }
adequacy-not-covering = beslutet om adekvat skyddsnivå { $instrument } omfattar inte denna mottagare

## Om ett system drabbas av en personuppgiftsincident

notify-the-subjects = de registrerade
notify-competent-authority = behörig tillsynsmyndighet
notify-subjects-required = Systemet innehåller särskilda kategorier av personuppgifter som lagras okrypterade: en incident leder mycket sannolikt till en hög risk för de registrerade, och då ska de informeras utan onödigt dröjsmål (artikel 34.1); bedöm risken från fall till fall. Undantaget för krypterade uppgifter i artikel 34.3 a är inte tillämpligt; senare åtgärder som undanröjer den höga risken (artikel 34.3 b) eller ett offentligt tillkännagivande när det skulle innebära en oproportionerlig ansträngning att informera var och en (artikel 34.3 c) kan vara det.
notify-subjects-exempt = Uppgifterna är krypterade i vila: om nycklarna inte har röjts är uppgifterna obegripliga för obehöriga, och enligt artikel 34.3 a behöver den personuppgiftsansvarige inte informera de registrerade.
notify-subjects-unknown = Det anges inte om uppgifterna är krypterade i vila: de registrerade ska informeras om incidenten sannolikt leder till en hög risk för dem.
notify-subjects-if-high-risk = De registrerade ska informeras om incidenten sannolikt leder till en hög risk för dem.
notify-within-agreed = inom { $hours } timmar (avtalat)
notify-no-deadline = utan onödigt dröjsmål; ingen tidsfrist avtalad
notify-authority-when = utan onödigt dröjsmål, om möjligt inom 72 timmar från vetskapen
notify-authority-unless = om det inte är osannolikt att den medför en risk
notify-step-required = mycket sannolikt krävs (särskilda kategorier, okrypterade): bedöm risken
notify-step-exempt = sannolikt undantaget: krypterat i vila, { $provision }
notify-step-if-high-risk = om risken för dem är hög
notify-without-undue-delay = utan onödigt dröjsmål
notify-gap-stranded = { $names } når ingen personuppgiftsansvarig för denna behandling genom de roller som fakta ger: ingen är skyldig att föra en incident vidare. Avtala om skyldigheten.
notify-gap-operator = Systemets driftansvarige, { $operator }, har ingen roll i denna behandling: ingen underrättelseskyldighet följer av rollerna; avtala om en sådan.
incident-discovered-on-by = upptäckt den { $date } av { $by }
incident-discovered-on = upptäckt den { $date }
incident-discovered-by = upptäckt av { $by } (datum inte angivet)
incident-discovery-unknown = upptäckten är inte angiven
incident-on = den { $date }
incident-date-unknown = datum inte angivet
incident-notified = { $from } underrättade { $to }, { $at }
incident-told = De registrerade informerades.
incident-not-told = De registrerade informerades inte.
incident-told-unknown = Det anges inte om de registrerade informerades.
incident-risk-high = Den personuppgiftsansvarige bedömde risken som hög: tillsynsmyndigheten skulle underrättas ({ $authority }) och de registrerade informeras ({ $subjects }), om inte ett undantag i { $exemptions } är tillämpligt; incidenten ska dokumenteras ({ $document }).
incident-risk-likely = Den personuppgiftsansvarige bedömde att incidenten medför en risk, men inte en hög risk: tillsynsmyndigheten skulle underrättas ({ $authority }); de registrerade behövde inte informeras ({ $subjects }); incidenten ska dokumenteras ({ $document }).
incident-risk-unlikely = Den personuppgiftsansvarige bedömde att incidenten sannolikt inte medför någon risk: ingen anmälan krävdes ({ $authority }, { $subjects }); den ska ändå dokumenteras ({ $document }).
incident-risk-unknown = Den personuppgiftsansvariges riskbedömning anges inte i modellen: om tillsynsmyndigheten skulle underrättas ({ $authority }) och de registrerade informeras ({ $subjects }) beror på den; varje incident ska dokumenteras ({ $document }).

## Register över behandling (artikel 30)

record-outside-gdpr = Inget register enligt artikel 30.2 för { $party }: enligt modellen är dataskyddsförordningen inte tillämplig på parten (artikel 3.1 och 3.2); dess personuppgiftsansvarigas register anger den som mottagare, i förekommande fall i tredjeland.
record-field-parties = Personuppgiftsansvarig
record-field-purposes = Ändamål
record-field-data-subjects = Kategorier av registrerade
record-field-personal-data = Kategorier av personuppgifter
record-field-recipients = Mottagare
record-field-transfers = Överföringar till tredjeland
record-field-erasure = Tidsfrister för radering
record-field-security = Säkerhetsåtgärder
record-field-notes = Anmärkning i modellen
record-field-processor-parties = Biträde och personuppgiftsansvarig
record-field-processing = Kategorier av behandling
record-joint-controllers = Gemensamt personuppgiftsansvariga: { $names }
record-dpo = Dataskyddsombud: { $dpo }
record-on-behalf-of = För den personuppgiftsansvarige { $controller }
record-engaged-by = Anlitat av personuppgiftsbiträdet { $processor }
record-title = { $processor } för { $controller }
record-title-engaged = { $processor } för { $controller }, anlitat av { $direct }
transfer-adequacy = beslut om adekvat skyddsnivå { $instrument }
transfer-no-adequacy = inget beslut om adekvat skyddsnivå
transfer-no-tool = ingen överföringsmekanism angiven
transfer = { $party } behandlar i { $country } ({ $activity }): { $adequacy }; { $tools }
transfer-for = { $party } behandlar i { $country } för { $exporter } ({ $activity }): { $adequacy }; { $tools }
security-no-system = inget system angivet
measure-internet = nåbart från internet
measure-private = i ett slutet nät
measure-internal = endast i operatörens interna nät
measure-exposure = nätexponering
measure-no-authentication = ingen autentisering
measure-password = inloggning med lösenord
measure-mfa = inloggning med flerfaktorsautentisering
measure-smartcard = inloggning med e-tjänstekort
measure-authentication = autentisering
measure-in-transit-yes = krypterat vid överföring
measure-in-transit-no = inte krypterat vid överföring
measure-in-transit-unknown = kryptering vid överföring
measure-at-rest-yes = krypterat i vila
measure-at-rest-no = inte krypterat i vila
measure-at-rest-unknown = kryptering i vila
measure-logging-yes = åtkomst loggas
measure-logging-no = åtkomst loggas inte
measure-logging-unknown = åtkomstloggning
measure-backups-yes = säkerhetskopieras
measure-backups-no = säkerhetskopieras inte
measure-backups-unknown = säkerhetskopiering
measures-none = { $system }: ingen åtgärd angiven
measures = { $system }: { $known }
measures-partly = { $system }: { $known }; inte angivet: { $unknown }
special-racial_or_ethnic_origin = ras eller etniskt ursprung
special-political_opinions = politiska åsikter
special-religious_or_philosophical_beliefs = religiös eller filosofisk övertygelse
special-trade_union_membership = medlemskap i fackförening
special-genetic = genetiska uppgifter
special-biometric = biometriska uppgifter
special-health = hälsa
special-sex_life = sexualliv
special-sexual_orientation = sexuell läggning
data-special = särskilda kategorier, artikel 9: { $categories }
data-criminal = lagöverträdelser, artikel 10
data-patient-record = patientjournal
period-years = { $count ->
    [one] 1 år
   *[other] { $count } år
}
period-months = { $count ->
    [one] 1 månad
   *[other] { $count } månader
}
period-weeks = { $count ->
    [one] 1 vecka
   *[other] { $count } veckor
}
period-days = { $count ->
    [one] 1 dag
   *[other] { $count } dagar
}

## Kedjans diagram

diagram-sub-processors-level = Underbiträden, nivå { $level }
diagram-systems = System

## Rapportens ram: rubriker, etiketter, inledningar (templates/report.html, report.md)
## `$as-of` är utvärderingsdagen; `$arg` ett värde som mallen skickar med.
## Meddelanden vars nyckel slutar på -html innehåller egen märkning.

r-title = Ansvarsrapport: { $arg } per den { $as-of }
r-overline = PM om ansvar enligt dataskyddsförordningen
r-as-of = per den { $as-of }
r-page = Sida
r-page-of = av
r-heading = Vem ansvarar för vad i
r-model = Modell
r-revision = Modellens version
r-not-stated = inte angivet
r-no-git = inte i ett git-arkiv: ingen commit identifierar vad som lästes
r-git-commit = git-commit
r-dirty-html = , <strong>med ändringar i modellens filer som inte är incheckade</strong>: rapporten bygger på dem, och de finns inte i denna commit
r-dirty-md = , **med ändringar i modellens filer som inte är incheckade**: rapporten bygger på dem, och de finns inte i denna commit
r-clean = ; modellens filer är oförändrade sedan denna commit
r-evaluated = Bedömt per den
r-produced = Framtagen den
r-by-generator = med { $generator }
r-author = Författare
r-reviewer = Granskare
r-scope = Omfattning
r-note-html = Rollerna härleds för varje behandling ur de fakta som modellen anger (vem som bestämmer ändamålen och medlen, vem som utför behandlingen och för vems räkning, vad lag föreskriver), inte ur vad avtalen kallar parterna. Varje slutsats anger de fakta och bestämmelser den stöds av och var i modellen dessa fakta står. Artiklar avser Europaparlamentets och rådets förordning (EU) 2016/679 (dataskyddsförordningen) om inte annan författning anges. Rapporten är inte säkrare än de fakta som angetts; den ersätter inte juridisk rådgivning, och <a href="#limits">avsnitt 9</a> anger vad den inte bedömer.
r-note-md = Rollerna härleds för varje behandling ur de fakta som modellen anger (vem som bestämmer ändamålen och medlen, vem som utför behandlingen och för vems räkning, vad lag föreskriver), inte ur vad avtalen kallar parterna. Varje slutsats anger de fakta och bestämmelser den stöds av och var i modellen dessa fakta står. Artiklar avser Europaparlamentets och rådets förordning (EU) 2016/679 (dataskyddsförordningen) om inte annan författning anges. Rapporten är inte säkrare än de fakta som angetts; den ersätter inte juridisk rådgivning, och avsnitt 9 anger vad den inte bedömer.
r-contents = Innehåll
r-part-summary = Sammanfattning
r-part-chain = Kedjan
r-part-roles = Roller per behandling
r-part-duties = Ansvarsblad
r-part-breach = Om ett system drabbas av en personuppgiftsincident
r-part-records = Register över behandling (artikel 30)
r-part-accepted = Accepterade risker
r-part-findings = Förteckning över iakttagelser
r-part-limits = Omfattning och begränsningar
r-part-signoff = Underskrifter
r-fig-activities = behandlingar
r-fig-parties = parter med en roll
r-open-by-severity = Öppna iakttagelser efter allvarlighetsgrad
r-roles-held = Roller
r-no-role = Ingen roll
r-abroad = Behandling utanför EU/EES
r-th-who = Vem
r-th-where = Var
r-th-for = För
r-th-activity = Behandling
r-th-adequacy = Adekvat skyddsnivå
r-th-tool = Överföringsmekanism
r-first = Det som först behöver åtgärdas
r-no-open = Inga öppna iakttagelser.
r-what-to-do-colon = Åtgärd:
r-chain-intro = Vem som anlitar vem för att behandla personuppgifter, enligt vilka avtal (även vårdavtal och tjänsteavtal), och vilka system de använder, i de behandlingar som pågår den { $as-of }. Färgen visar var varje part är etablerad eller varje system står; röd kant och en siffra markerar öppna iakttagelser.
r-chain-caption = Personuppgiftsansvariga till vänster, de personuppgiftsbiträden de anlitar och biträdenas underbiträden till höger, systemen sist. Varje linje anger de avtal som gäller mellan de två parterna den { $as-of } och de behandlingar den avser (A1, A2, … i förteckningen under bilden).
r-not-drawn = Inte med i bilden (ingen roll den { $as-of }):
r-matrix-intro = Varje cell anger den roll en part har i en behandling. Roller gäller per behandling, aldrig per organisation: en part kan vara personuppgiftsansvarig för en behandling och personuppgiftsbiträde för en annan, och sakna roll i en tredje. För vem varje biträde behandlar, och skälen för varje roll, framgår av partens ansvarsblad.
r-th-party = Part
r-legend-controller = personuppgiftsansvarig
r-legend-joint = gemensamt personuppgiftsansvarig
r-legend-processor = personuppgiftsbiträde
r-legend-sub = underbiträde
r-legend-own = personuppgiftsansvarig för egna ändamål (artikel 28.10)
r-legend-hatched = skrafferat: behandlingen pågår inte den { $as-of }
r-matrix-instead-html = Roller gäller per behandling, aldrig per organisation: en part kan vara personuppgiftsansvarig för en behandling och personuppgiftsbiträde för en annan, och sakna roll i en tredje. <a href="#duties">Till ansvarsbladen.</a>
r-activities = Behandlingarna
r-act-purpose = Ändamål
r-act-data = Personuppgifter
r-act-subjects = Registrerade
r-act-controller = Personuppgiftsansvarig
r-act-processors = Personuppgiftsbiträden
r-act-informs = Informerar de registrerade
r-act-status = Status
r-no-controller = ingen: ingen bestämmer ändamålen eller medlen och ingen lag utser en personuppgiftsansvarig
r-none = inga
r-duties-intro = Ett blad per part som har en roll eller som en iakttagelse riktar sig mot: vad modellen anger om parten, varje roll den har och varför, de skyldigheter rollerna medför och de iakttagelser den ska åtgärda.
r-model-note = Anmärkning i modellen:
r-roles-and-why = Roller och skäl
r-of = för
r-not-running = pågår inte den { $as-of }
r-no-role-any = Ingen roll i någon behandling.
r-duties = Skyldigheter
r-th-provision = Bestämmelse
r-th-duty = Skyldighet
r-th-applies = Gäller
r-as-set-out = Se bladet för
r-no-duty = Rollerna medför ingen skyldighet per den { $as-of }.
r-no-duty-md = rollerna medför ingen per den { $as-of }.
r-findings = Iakttagelser
r-none-sentence = Inga.
r-breach-intro = Vem som ska underrätta vem, och när, om ett system som används den { $as-of } drabbas av en personuppgiftsincident. Ett personuppgiftsbiträde underrättar den part det behandlar för utan onödigt dröjsmål (artikel 33.2). Den personuppgiftsansvarige anmäler incidenten till tillsynsmyndigheten utan onödigt dröjsmål och, om möjligt, inom 72 timmar efter att ha fått vetskap om den, och motiverar en försening (artikel 33.1); ett biträde får anmäla för den ansvariges räkning endast om den ansvarige har gett det i uppdrag, och ansvaret ligger kvar hos den ansvarige. Den personuppgiftsansvarige informerar de registrerade när risken för dem är hög (artikel 34.1). Där det beror på risken anger sista kolumnen det.
r-breach-intro-md = Ett personuppgiftsbiträde underrättar den part det behandlar för utan onödigt dröjsmål (artikel 33.2). Den personuppgiftsansvarige anmäler incidenten till tillsynsmyndigheten utan onödigt dröjsmål och, om möjligt, inom 72 timmar efter att ha fått vetskap om den, och motiverar en försening (artikel 33.1); ett biträde får anmäla för den ansvariges räkning endast om den ansvarige har gett det i uppdrag, och ansvaret ligger kvar hos den ansvarige. Den personuppgiftsansvarige informerar de registrerade när risken för dem är hög (artikel 34.1).
r-operated-by = drivs av
r-holds = Innehåller
r-at-rest = Krypterat i vila
r-step1-html = 1. Biträdet underrättar uppdragsgivaren <span class="cite">artikel 33.2</span>
r-step2-html = 2. Den ansvarige anmäler till tillsynsmyndigheten <span class="cite">artikel 33.1</span>
r-step3-html = 3. Den ansvarige informerar de registrerade <span class="cite">artikel 34</span>
r-step1-md = 1. Biträdet underrättar uppdragsgivaren (artikel 33.2)
r-step2-md = 2. Den ansvarige anmäler till tillsynsmyndigheten (artikel 33.1)
r-step3-md = 3. Den ansvarige informerar de registrerade (artikel 34)
r-no-processor = inget: den ansvarige använder systemet själv
r-no-controller-short = ingen personuppgiftsansvarig
r-recorded-breach = Inträffad personuppgiftsincident:
r-no-notifications = Inga underrättelser eller anmälningar anges.
r-notifications-sent = Underrättelser och anmälningar:
r-no-system = Inget system används av en behandling som pågår den { $as-of }.
r-records-intro = De register som modellen gör det möjligt att upprätta för de behandlingar som pågår den { $as-of }: ett register för den personuppgiftsansvarige (artikel 30.1) per behandling och personuppgiftsansvarig, ett register för personuppgiftsbiträdet (artikel 30.2) per biträde och den personuppgiftsansvarige det behandlar för. ”Inte angivet” markerar vad modellen inte säger och registret måste komplettera.
r-records-intro-md = De register som modellen gör det möjligt att upprätta för de behandlingar som pågår den { $as-of }. ”Inte angivet” markerar vad modellen inte säger och registret måste komplettera.
r-records-controller = Personuppgiftsansvarigas register, artikel 30.1
r-records-processor = Personuppgiftsbiträdens register, artikel 30.2
r-no-accepted = Modellen anger inga accepterade risker: varje iakttagelse står kvar.
r-th-rule = Regel
r-th-scope = Omfattning
r-th-justification = Motivering
r-th-accepted-by = Accepterad av
r-th-expires = Upphör
r-th-covers = Omfattar
r-every-party = alla parter
r-every-activity = alla behandlingar
r-expired = Upphörd
r-nothing = inget
r-index-intro = Varje iakttagelse, de allvarligaste först. Var och en redovisas i sin helhet i ansvarsbladet för den part som ska åtgärda den.
r-th-no = Nr
r-th-severity = Allvarlighetsgrad
r-th-in-model = I modellen
r-accepted = Accepterad
r-no-findings = Inga iakttagelser.
r-unassigned = Iakttagelser som inte riktar sig mot en part
r-limits-intro = Rapporten härleder roller, skyldigheter och iakttagelser ur de fakta som modellen anger, per den { $as-of }. Den bedömer inte:
r-limit-1-html = <strong>Rättslig grund.</strong> Om varje behandling har en rättslig grund (artikel 6) och, för särskilda kategorier av personuppgifter, ett undantag enligt artikel 9.2 eller stöd i svensk lag.
r-limit-2-html = <strong>Informationens innehåll.</strong> Om informationen till de registrerade är fullständig, tydlig och lämnas i tid (artiklarna 12–14); bara om modellen anger någon som informerar dem.
r-limit-3-html = <strong>Konsekvensbedömningars innehåll.</strong> Rapporten anger när de angivna fakta kräver en konsekvensbedömning avseende dataskydd (artikel 35); den läser eller värderar ingen (artikel 35.7), och inte heller en bedömning inför överföring till tredjeland.
r-limit-4-html = <strong>Avtalens lydelse.</strong> Rapporten läser vilka avtal som finns, mellan vilka, när de gäller, vilken roll de anger och vilken överföringsmekanism de nämner; inte om klausulerna har det innehåll som artikel 28.3 eller 26.1 eller standardavtalsklausulerna kräver.
r-limit-5-html = <strong>Fakta som inte angetts.</strong> Ett faktum som modellen utelämnar är ”inte angivet”: ingen roll eller iakttagelse stöds av det, och att modellen tiger betyder inte att kraven är uppfyllda. Att de angivna fakta är riktiga ansvarar författaren för.
r-limit-6-html = <strong>Territoriellt tillämpningsområde.</strong> Om förordningen är tillämplig på en part utanför EU/EES (artikel 3) avgörs av vad modellen anger om den (land, verksamhetsställe i unionen, om den erbjuder varor eller tjänster till eller övervakar personer i unionen, och för ett personuppgiftsbiträde detsamma för den personuppgiftsansvarige det behandlar för); de fakta som ligger bakom dessa svar analyseras inte.
r-limit-7-html = <strong>Faktisk säkerhet.</strong> Om de åtgärder som vidtagits är lämpliga i förhållande till risken (artikel 32); bara de angivna svagheter som reglerna söker efter.
r-signoff-intro = Författaren ansvarar för de fakta som modellen anger i ovan nämnda version; granskaren har läst rapporten mot den modellen. Undertecknade exemplar förvaras tillsammans med registret över behandling.
r-th-name = Namn
r-th-signature = Underskrift
r-th-date = Datum
r-footer-model = modell
r-footer-at = vid
r-footer-dirty = med ändringar som inte är incheckade
r-produced-on = framtagen den { $arg }
r-footer-sound = Slutsatserna följer av de fakta som modellen anger och är inte säkrare än dessa.

## En iakttagelse i rapporten (templates/macros.html)

f-in = i
f-why = Varför det är viktigt
f-as-explained = Se förklaringen vid
f-what-to-do = Åtgärd
f-rests-on = Stöds av
f-chain = Kedja
f-by = av
f-until = till och med

## Markdownrapportens egna former (templates/report.md) och registret för sig (ropa.md)

r-md-subtitle = PM om ansvar enligt dataskyddsförordningen, bedömt per den **{ $as-of }**.
r-th-role = Roll
r-th-parties = Parter
r-chain-intro-md = Vem som anlitar vem för att behandla personuppgifter, och vilka system de använder, i de behandlingar som pågår den { $as-of }. Färgen visar var varje part är etablerad eller varje system står (EU/EES, tredjeland med adekvat skyddsnivå, tredjeland utan); röd kant och ”⚠” markerar öppna iakttagelser.
r-chain-caption-md = Heldragna pilar: vem som anlitar vem för att behandla för dess räkning; streckade pilar: ett avtal där ingen anlitar ett personuppgiftsbiträde (ett vårdavtal, ett tjänsteavtal); streckade linjer: vem som använder vilket system. Etiketterna anger de avtal som gäller mellan de två parterna (PUB-avtal: personuppgiftsbiträdesavtal) och de behandlingar varje linje avser
r-legend-md = PA personuppgiftsansvarig · GPA gemensamt personuppgiftsansvarig · PB personuppgiftsbiträde · UB underbiträde · PA\* personuppgiftsansvarig för egna ändamål (artikel 28.10) · ”·” ingen roll · *kursiv* behandling: pågår inte den { $as-of }
r-accepted-lower = accepterad
r-expired-lower = upphörd
f-as-explained-lower = se förklaringen vid
r-operated-by-cap = Drivs av
r-gap-in = Brist i { $arg }
r-limit-1-md = **Rättslig grund.** Om varje behandling har en rättslig grund (artikel 6) och, för särskilda kategorier av personuppgifter, ett undantag enligt artikel 9.2 eller stöd i svensk lag.
r-limit-2-md = **Informationens innehåll.** Om informationen till de registrerade är fullständig, tydlig och lämnas i tid (artiklarna 12–14); bara om modellen anger någon som informerar dem.
r-limit-3-md = **Konsekvensbedömningars innehåll.** Rapporten anger när de angivna fakta kräver en konsekvensbedömning avseende dataskydd (artikel 35); den läser eller värderar ingen (artikel 35.7), och inte heller en bedömning inför överföring till tredjeland.
r-limit-4-md = **Avtalens lydelse.** Rapporten läser vilka avtal som finns, mellan vilka, när de gäller, vilken roll de anger och vilken överföringsmekanism de nämner; inte om klausulerna har det innehåll som artikel 28.3 eller 26.1 eller standardavtalsklausulerna kräver.
r-limit-5-md = **Fakta som inte angetts.** Ett faktum som modellen utelämnar är ”inte angivet”: ingen roll eller iakttagelse stöds av det, och att modellen tiger betyder inte att kraven är uppfyllda. Att de angivna fakta är riktiga ansvarar författaren för.
r-limit-6-md = **Territoriellt tillämpningsområde.** Om förordningen är tillämplig på en part utanför EU/EES (artikel 3) avgörs av vad modellen anger om den (land, verksamhetsställe i unionen, om den erbjuder varor eller tjänster till eller övervakar personer i unionen, och för ett personuppgiftsbiträde detsamma för den personuppgiftsansvarige det behandlar för); de fakta som ligger bakom dessa svar analyseras inte.
r-limit-7-md = **Faktisk säkerhet.** Om de åtgärder som vidtagits är lämpliga i förhållande till risken (artikel 32); bara de angivna svagheter som reglerna söker efter.
r-th-field = Uppgift
r-th-art = Artikel
r-th-entry = Innehåll
ropa-title = Register över behandling (artikel 30)
ropa-intro = Modell { $arg }, per den { $as-of }: de behandlingar som pågår den dagen. ”Inte angivet” markerar vad modellen inte säger och registret måste komplettera.
diagram-system = system
diagram-open-findings = { $count ->
    [one] 1 öppen iakttagelse
   *[other] { $count } öppna iakttagelser
}
diagram-activities = Behandlingar
diagram-engages = anlitar
zone-eea = EU/EES
zone-adequate = Tredjeland med beslut om adekvat skyddsnivå
zone-third = Tredjeland utan beslut om adekvat skyddsnivå
legend-engages = anlitar för att behandla för dess räkning
legend-uses = använder systemet
legend-open = öppna iakttagelser mot parten (röd kant)
legend-system = system (raka hörn)
legend-contract = avtal där ingen anlitar ett personuppgiftsbiträde
legend-labels = Etiketter: { $labels }; A1, A2, …: behandlingarna nedan
contract-care-agreement = vårdavtal
contract-data-processing-agreement = personuppgiftsbiträdesavtal
contract-joint-controller-arrangement = arrangemang mellan gemensamt personuppgiftsansvariga
contract-service-contract = tjänsteavtal
contract-sub-processor-authorisation = tillstånd att anlita underbiträde
contract-transfer-agreement = överföringsavtal
contract-short-care-agreement = vård
contract-short-data-processing-agreement = PUB-avtal
contract-short-joint-controller-arrangement = art. 26
contract-short-service-contract = tjänst
contract-short-sub-processor-authorisation = underbiträde
contract-short-transfer-agreement = överföring

# Kedjan ritad som SVG: dess titel och linjernas verktygstips. Namn och
# behandlingar kommer escapade.
svg-title = Kedjan: vem som anlitar vem, och vilka system de använder
svg-engages = { $from } anlitar { $to }: { $activities }
svg-contract = { $kinds } mellan { $from } och { $to }: { $activities }
svg-uses = { $from } använder { $to }: { $activities }
