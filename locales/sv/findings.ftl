# Iakttagelsernas meningar, på svenska.
#
# Varje regels iakttagelse är meddelandet med regelns kod; övriga meddelanden är
# de delar den byggs av (`why-…`, `tool-…`), etiketterna den sätter i YAML-filen
# (`label-…`) och orden i slutna ordförråd (`word-…`). Id:n, värden som de
# stavas i modellen och regelkoder kommer redan skrivna som kod (inom
# backticks); länder, datum och tal kommer som text. Termerna följer den svenska
# texten i dataskyddsförordningen och IMY; artiklar citeras som artikel 28.3 f.

## Gemensamma delar

country-named = {$name} ({$code})
join-comma = {", "}
join-and = {" och "}
join-semicolon = {"; "}
join-arrow = {" → "}
chain-more = … ({$count} till)

word-controller = personuppgiftsansvarig
word-joint-controller = gemensamt personuppgiftsansvarig
word-processor = personuppgiftsbiträde
word-sub-processor = underbiträde
word-joint_controller = gemensamt personuppgiftsansvarig
word-sub_processor = underbiträde
word-scc = standardavtalsklausuler
word-bcr = bindande företagsbestämmelser
word-code_of_conduct = uppförandekoder
word-certification = en certifiering
word-ad_hoc_clauses = särskilda avtalsklausuler
word-public_authority_instrument = ett instrument mellan offentliga myndigheter

label-processes-in = behandlar i {$country}
label-established-in = etablerad i {$country}
label-uses-system-in = använder {$system} i {$country}
label-accesses-from = når uppgifterna från {$country}
label-in-country = i {$country}
label-care-from = vård från {$country}

## Överföringar till tredjeland (kapitel V)

transfer-without-safeguard = {$importer} behandlar uppgifter i {$activity} i {$country}: {$why}, och inget gällande avtal mellan {$exporter} och {$importer} innehåller ett överföringsverktyg (standardavtalsklausuler skulle kräva modul {$module})
transfer-onward = {$controller} svarar för vidareöverföringen genom sitt personuppgiftsbiträde {$exporter}: {$finding}
transfer-tool-undermined = {$agreement} innehåller {$tool} för {$importer} som behandlar {$activity} i {$country}, där lagstiftningen ({$regime}) denna dag befunnits undergräva sådana verktyg, och {$state}
transfer-tool-undermined-verify = {$agreement} innehåller {$tool} för {$importer} som behandlar {$activity} i {$country}, där lagstiftningen denna dag befunnits undergräva sådana verktyg för importörer som omfattas av {$regime}; modellen anger inte om {$importer} gör det, och {$state}
undermined-measures-unknown = inga kompletterande åtgärder anges
undermined-measures-ineffective = ingen av dess kompletterande åtgärder räknas som verksam där
transfer-without-impact-assessment = {$agreement} innehåller {$tool} för {$importer} som behandlar {$activity}, och exportören har inte bedömt mottagarlandets lagstiftning och praxis
transfer-impact-assessment-unknown = {$agreement} innehåller {$tool} för {$importer} som behandlar {$activity}, och ingen bedömning av mottagarlandets lagstiftning och praxis anges
transfer-tool-mismatch = överföringsverktyget i {$agreement} omfattar inte {$importer} som behandlar {$activity} i {$country}: {$problem}
transfer-adequacy-scope = {$importer} behandlar uppgifter i {$activity} med stöd av ett beslut om adekvat skyddsnivå med begränsad omfattning: {$why}

why-third-country = {$country} är ett tredjeland utan gällande beslut om adekvat skyddsnivå den {$date}
why-public-sector-outside = beslutet om adekvat skyddsnivå för {$country} ({$instrument}) omfattar inte den offentliga sektorn, och {$importer} är ett offentligt organ
why-private-sector-outside = beslutet om adekvat skyddsnivå för {$country} ({$instrument}) omfattar bara den offentliga sektorn, och {$importer} är inte ett offentligt organ
why-certified-only = beslutet om adekvat skyddsnivå för {$country} ({$instrument}) omfattar bara organisationer som är certifierade enligt {$certification} för de uppgifter de certifierat, och {$importer} är inte certifierad för uppgifter av slaget {$missing} den {$date}
why-sector-limited = beslutet om adekvat skyddsnivå för {$country} ({$instrument}) är begränsat: {$note}
why-sector-limited-see-decision = se beslutet

tool-wrong-parties = dess exportör och importör är inte {$exporter} och {$importer}
tool-wrong-module = SCC-modul {$module} passar inte; denna överföring kräver modul {$needed}
tool-derogation = ett undantag (artikel 49) kan inte bära ett systematiskt utkontrakteringsflöde
tool-bcr-other-group = bindande företagsbestämmelser omfattar överföringar inom en koncern, och dessa parter ingår inte i samma
tool-public-instrument = ett instrument mellan offentliga myndigheter (artikel 46.2 a) kräver ett offentligt organ på båda sidor

label-exporter = exportör
label-transfer-tool = överföringsverktyg

## Personuppgiftsbiträden (artikel 28)

processor-without-agreement = {$processor} behandlar {$activity} åt {$principal} utan gällande personuppgiftsbiträdesavtal mellan dem
processor-without-agreement-own = {$processor} behandlar {$activity} som personuppgiftsbiträde åt {$principal} utan avtal eller annan rättsakt som binder det till {$principal}, så det saknar dokumenterade instruktioner att behandla efter
label-acts-on-behalf-of = agerar på uppdrag av {$principal}
label-not-art-28 = {$agreement} är ett avtal av slaget {$kind}, inte ett avtal enligt artikel 28

sub-processor-not-authorised = underbiträdet {$sub_processor} för {$activity} har inte godkänts av den personuppgiftsansvarige {$controller}: {$problem}
unauthorised-prohibited = avtalet förbjuder underbiträden
unauthorised-not-named = det specifika tillståndet nämner det inte
unauthorised-not-told = enligt det allmänna tillståndet informerades inte den personuppgiftsansvarige om detta tillägg
unauthorised-no-record = inget avtal anger den personuppgiftsansvariges tillstånd
label-engaged-by = anlitat av {$engaging}
label-sub-processing-terms = villkor för underbiträden

no-flow-down-contract = {$engaging} anlitade underbiträdet {$sub_processor} för {$activity} utan personuppgiftsbiträdesavtal mellan dem
no-flow-down-contract-own = {$sub_processor} behandlar {$activity} som underbiträde åt {$engaging} utan avtal som binder det till den personuppgiftsansvariges villkor för dataskydd

agreement-missing-terms = avtalet {$agreement} saknar villkor som krävs enligt artikel 28.3: {$terms}
agreement-missing-terms-own = {$processor} godtog avtalet {$agreement} som personuppgiftsbiträde utan villkor som krävs enligt artikel 28.3: {$terms}
missing-term = {$term} ({$provision})
label-recorded-terms = angivna villkor

processor-own-purposes = {$processor} behandlar uppgifter i {$activity} för egna ändamål ({$purposes}), utöver instruktionerna från {$principal}: för de ändamålen är det personuppgiftsansvarig
processor-beyond-instructions = {$processor} behandlade uppgifter i {$activity} utöver instruktionerna från {$principal}
label-purpose-of-its-own = ett eget ändamål
label-beyond-instructions = utöver instruktionerna
disclosure-for-recipient-purposes = {$controller} lämnar uppgifter i {$activity} till {$recipient}, som använder dem för egna ändamål ({$purposes}); det utlämnandet kräver en egen rättslig grund, och de registrerade ska få veta vem mottagaren är

## Gemensamt personuppgiftsansvariga (artikel 26)

joint-controllers-without-arrangement = {$party} är gemensamt personuppgiftsansvarig för {$activity} med {$others}, men inget gällande arrangemang binder dem
label-jointly-determines = fastställer gemensamt ändamål eller medel

## Avtalens rollbeteckningar mot fakta

claimed-role-mismatch = avtalet {$agreement} kallar {$party} {$role} för {$activity}, men fakta gör det till {$derived}
claimed-role-mismatch-absent = avtalet {$agreement} kallar {$party} {$role} för {$activity}, men fakta ger det ingen roll där
label-claims = kallar det {$role}
label-fact-makes-it = det faktum som gör det till {$derived}

## Avtal

agreement-not-in-force = avtalet {$agreement} {$state}, men {$activity}, som det omfattar, pågår den {$date}
not-in-force-until = gäller inte förrän den {$date}
not-in-force-expired = löpte ut den {$date}
not-in-force-state = gäller inte
label-takes-effect-later = träder i kraft senare
label-expired = har löpt ut
label-not-in-force = gäller inte
label-covers-running-activity = omfattar denna pågående behandling

## Luckor i ansvaret

no-controller = behandlingen {$activity} har ingen personuppgiftsansvarig
label-no-party-decides = ingen part bestämmer dess ändamål eller medel
performer-for-nobody = {$party} utför {$activity} för ingens räkning
label-no-on-behalf-of = inget `on_behalf_of`, och inte personuppgiftsansvarig
principal-without-role = {$party} agerar för {$principal} i {$activity}, men {$principal} har ingen roll där
label-neither-controls-nor-performs = denna part är varken personuppgiftsansvarig för eller utför behandlingen

## Var uppgifterna behandlas

residency-breach = {$performer} behandlar {$activity} i {$country}, utanför vad avtalet {$agreement} tillåter ({$allowed})
residency-eea = EES
label-allowed-here = tillåtet här

## Information till de registrerade (artiklarna 13 och 14)

subjects-not-informed = den personuppgiftsansvarige {$controller} för {$activity} informerar inte de registrerade
label-nobody-informs = ingen informerar de registrerade
label-no-informer-listed = varken en personuppgiftsansvarig för behandlingen eller ett personuppgiftsbiträde för en sådan anges här

## Sektorslagstiftning och territorialitet

regime-not-bound = {$performer} hanterar {$data} i {$activity}, som kräver {$regimes}, men omfattas inte av { $count ->
        [one] den
       *[other] dem
    }: {$reasons}
regime-care-abroad = det ger vård från {$country}, dit {$regimes} inte { $count ->
        [one] når
       *[other] når
    }
regime-care-unbound = det ger vård utan att vara bundet av {$regimes}
regime-nobody-bound = varken det eller någon part det agerar för är bunden av {$regimes}
regime-handles-unbound = det är inte bundet av {$regimes}, som måste binda varje part som hanterar uppgifterna
regime-outside-sector = det anges omfattas av {$regimes}, som inte kan binda en part inom {$sector}
sector-public = den offentliga sektorn
sector-private = den privata sektorn
label-gives-care = ger vård
label-performer = utförare
label-data-require-regime = uppgifterna kräver denna ordning

care-giver-as-processor = {$performer} ger vård i {$activity} som {$role} åt {$accountable}; enligt svensk sektorslagstiftning, så som IMY läste den, måste en vårdgivare vara personuppgiftsansvarig i egen rätt
label-calls-it = {$agreement} kallar det {$role}

## Säkerhet (artikel 32, patientdatalagen)

security-operator = {$system}, som drivs av {$operator}, {$what}
security-controller = {$system}, som används för {$activity} hos den personuppgiftsansvarige {$controller}, {$what}
security-controller-through = {$system}, som används för {$activity} hos den personuppgiftsansvarige {$controller} (ett system som tillhör {$operator}, som behandlar åt den), {$what}
what-no-authentication = innehåller särskilda kategorier av personuppgifter ({$data}) som kan nås från internet utan autentisering
what-unencrypted-over-internet = skickar särskilda kategorier av personuppgifter ({$data}) okrypterade över internet
what-unencrypted-over-shared-network = skickar särskilda kategorier av personuppgifter ({$data}) okrypterade över ett nät som delas med andra
what-unencrypted-over-unknown-network = skickar särskilda kategorier av personuppgifter ({$data}) okrypterade, över ett nät som modellen inte beskriver (`exposure` okänd)
what-unencrypted-at-rest = lagrar särskilda kategorier av personuppgifter ({$data}) okrypterade
what-no-access-log = innehåller patientuppgifter ({$data}) utan att logga åtkomst
what-no-backups = innehåller patientuppgifter ({$data}) utan säkerhetskopior
what-no-backups-sensitive = innehåller särskilda kategorier av personuppgifter ({$data}) utan säkerhetskopior
what-no-access-log-sensitive = innehåller särskilda kategorier av personuppgifter ({$data}) utan att logga åtkomst
what-password-only-patient = innehåller patientuppgifter ({$data}) som nås över {$network} med enbart lösenord, inte stark autentisering
what-password-only-sensitive = innehåller särskilda kategorier av personuppgifter ({$data}) som kan nås från internet med enbart lösenord
network-internet = internet
network-shared = ett nät som delas med andra organisationer och som dess operatör inte kontrollerar
label-password-only = enbart lösenord
what-no-access-analysis = innehåller patientuppgifter ({$data}) vars behörigheter tilldelats utan behovs- och riskanalys
what-logs-not-reviewed = innehåller patientuppgifter ({$data}) vars åtkomstloggar inte granskas systematiskt och återkommande
label-no-access-analysis = ingen behovs- och riskanalys
label-logs-not-reviewed = loggarna granskas inte
label-no-authentication = ingen autentisering
label-no-encryption-in-transit = ingen kryptering under överföring
label-no-encryption-at-rest = ingen kryptering av lagrade uppgifter
label-no-access-logging = ingen åtkomstloggning
label-no-backups = inga säkerhetskopior
label-system = system

## Ansvarsskyldighet (artiklarna 30, 35 och 37, patientjournaler)

patient-record-retention-too-short = patientuppgifterna {$data} som behandlas i {$activity} bevaras {$retention}, kortare än de tio år som patientdatalagen kräver av den personuppgiftsansvarige {$controller}
label-retention-short = bevaras kortare än tio år
label-patient-data = patientuppgifter
no-records-of-processing = {$party} för ingen registerförteckning, fast den har en roll i {$activities}, och {$why}
why-records-sensitive = undantaget i artikel 30.5 kan inte gälla: den behandlar särskilda kategorier av personuppgifter eller uppgifter om lagöverträdelser
why-records-employees = undantaget i artikel 30.5 kan inte gälla: den har {$employees} anställda
label-no-records = inget register förs
dpia-not-carried-out = {$activity} behandlar särskilda kategorier av personuppgifter ({$data}) i stor omfattning, och dess personuppgiftsansvarige {$controller} har inte gjort någon konsekvensbedömning avseende dataskydd
label-no-dpia = ingen konsekvensbedömning
no-dpo = {$party} har inte utnämnt något dataskyddsombud, fast {$why}
why-dpo-public-body = den är ett offentligt organ med en roll i {$activities}
why-dpo-large-scale = som vårdgivare som är personuppgiftsansvarig för behandling i stor omfattning av särskilda kategorier av personuppgifter ({$activities}) består dess kärnverksamhet antagligen av sådan behandling
why-dpo-core-activities = dess kärnverksamhet består av behandling i stor omfattning av särskilda kategorier av personuppgifter ({$activities}), enligt modellen
label-no-dpo = inget dataskyddsombud
no-eu-representative = {$party}, etablerad i {$country} och omfattad av dataskyddsförordningen eftersom dess behandling har samband med att varor eller tjänster erbjuds till, eller att personer övervakas, i unionen (av den själv eller av den personuppgiftsansvarige den behandlar för), har inte utsett någon företrädare i unionen, och dess behandling i stor omfattning av särskilda kategorier av personuppgifter ({$activities}) utesluter undantaget för tillfällig behandling
label-no-eu-representative = ingen företrädare i unionen

## Anmälan av personuppgiftsincidenter (artiklarna 33 och 34)

no-breach-notification-duty = avtalet {$agreement} ålägger inte {$processor} att underrätta {$principal} om en personuppgiftsincident i {$activity}, och inte heller att hjälpa den med artiklarna 33–34 (artikel 28.3 f)
no-breach-notification-deadline = avtalet {$agreement} ålägger {$processor} att underrätta {$principal} om en personuppgiftsincident i {$activity} utan onödigt dröjsmål men anger inget antal timmar; att avtala ett (t.ex. 24) låter {$principal} planera sina egna 72 timmar
label-no-breach-notification-duty = ingen skyldighet att underrätta om incidenter och inget villkor om `assistance`
label-no-breach-notification-hours = inget `breach_notification_hours`

breach-notified-by-non-controller = {$from} anmälde personuppgiftsincidenten {$incident} till {$to} men är {$what}; skyldigheten att anmäla ligger på { $count ->
        [one] den personuppgiftsansvarige
       *[other] de personuppgiftsansvariga
    } {$controllers}, om inte {$from} anmälde för { $count ->
        [one] dess
       *[other] deras
    } räkning
notifier-role-in = {$role} i {$activity}, inte dess personuppgiftsansvarige
notifier-no-controller = inte personuppgiftsansvarig för den berörda behandlingen
controllers-none-in-model = (ingen i modellen)
label-notified-the-authority = anmälde till tillsynsmyndigheten

breach-not-notified = den personuppgiftsansvarige {$controller} anmälde inte personuppgiftsincidenten {$incident} till någon tillsynsmyndighet
label-breach = personuppgiftsincident

breach-notified-late = {$from} anmälde personuppgiftsincidenten {$incident} den {$at}, mer än 72 timmar efter att ha fått vetskap om den den {$discovered}
breach-processor-told-late = personuppgiftsbiträdet {$processor} upptäckte personuppgiftsincidenten {$incident} den {$discovered} och underrättade {$controller} den {$at}, senare än de avtalade {$hours} timmarna
breach-processor-told-late-no-deadline = personuppgiftsbiträdet {$processor} upptäckte personuppgiftsincidenten {$incident} den {$discovered} och underrättade {$controller} den {$at}, mer än {$hours} timmar senare, längre än {$controller} själv har på sig att anmäla till tillsynsmyndigheten
breach-processor-did-not-tell = personuppgiftsbiträdet {$processor} upptäckte personuppgiftsincidenten {$incident} den {$discovered}, och modellen anger ingen underrättelse från det till {$controller}
breach-subjects-not-told-high-risk = den personuppgiftsansvarige {$controller} bedömde att personuppgiftsincidenten {$incident} sannolikt leder till en hög risk men informerade inte de registrerade
label-told-controller-here = underrättade den personuppgiftsansvarige här
label-discovered-by = upptäckte den
label-notified-here = anmäldes här
label-discovered = upptäckt

breach-subjects-not-told = den personuppgiftsansvarige {$controller} informerade inte de registrerade om personuppgiftsincidenten {$incident} som rör särskilda kategorier av personuppgifter på {$system} (okrypterade)
label-breached-system = berört system

## Accepterade risker

accepted-risk-expired = godkännandet av {$rule} från {$accepted_by} löpte ut den {$expires}; { $count ->
        [one] {$count} iakttagelse räknas
       *[other] {$count} iakttagelser räknas
    } igen
accepted-risk-unused = godkännandet av {$rule} motsvarar ingen iakttagelse
accepted-risk-unknown-rule = den accepterade risken anger den okända regeln {$rule}
accepted-risk-unknown-rule-suggest = den accepterade risken anger den okända regeln {$rule}; menade du {$suggestion}?
label-accepted-here = accepterad här
label-matches-no-finding = motsvarar ingen iakttagelse
label-no-such-rule = ingen sådan regel
