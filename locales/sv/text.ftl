# Övrig text som ansvar skriver, på svenska: allvarlighetsgrader, hänvisningar
# till vägledning, ramen kring `rules`, `explain` och `check` samt
# sammanfattningen av modellen. Id:n och datum kommer färdigskrivna.

## Allvarlighetsgrader

severity-critical = kritisk
severity-high = hög
severity-medium = medel
severity-low = låg
severity-info = information

## Vägledning och domar, så som de citeras

provision-edpb-07-2020-purposes-means = EDPB:s riktlinjer 07/2020, avsnitt 2.1.4 (punkt 33 ff.)
provision-edpb-07-2020-joint = EDPB:s riktlinjer 07/2020, p. 51–53
provision-edpb-07-2020-processor = EDPB:s riktlinjer 07/2020, p. 74–75
provision-edpb-07-2020-facts = EDPB:s riktlinjer 07/2020, del I avsnitt 1 (funktionella begrepp)
provision-edpb-9-2022-awareness = EDPB:s riktlinjer 9/2022 (den personuppgiftsansvarige får kännedom när personuppgiftsbiträdet har underrättat den)
provision-cjeu-schrems-ii = EU-domstolens dom i mål C-311/18 (Schrems II)
provision-scc-clause-14 = standardavtalsklausulerna (genomförandebeslut (EU) 2021/914), klausul 14
provision-edpb-rec-01-2020 = EDPB:s rekommendationer 01/2020

## `ansvar rules` och `ansvar explain`

catalogue-explain-hint = `ansvar explain KOD` visar en regels resonemang och de bestämmelser den stöds av.
catalogue-heading = {$code}  ({$area}, standardallvarlighet {$severity})
catalogue-why = Varför: {$text}
catalogue-rests-on = Stöds av: {$text}
catalogue-what-to-do = Åtgärd: {$text}

## En iakttagelse i `ansvar check`

finding-accepted-mark = (accepterad risk)
finding-chain = kedja: {$chain}
finding-rests-on = stöds av: {$provisions}
finding-accepted-by = accepterad av {$by} till {$until}: {$justification}

## Sammanfattningen av modellen i slutet av `ansvar check`

summary-model = modell {$name}
summary-parties = {$count ->
    [one] {$count} part
   *[other] {$count} parter
}
summary-activities = {$count ->
    [one] {$count} behandling
   *[other] {$count} behandlingar
}
summary-data = {$count ->
    [one] {$count} kategori av personuppgifter
   *[other] {$count} kategorier av personuppgifter
}
summary-systems = {$count ->
    [one] {$count} system
   *[other] {$count} system
}
summary-agreements = {$count ->
    [one] {$count} avtal
   *[other] {$count} avtal
}
summary-incidents = {$count ->
    [one] {$count} personuppgiftsincident
   *[other] {$count} personuppgiftsincidenter
}
summary-accepted-risks = {$count ->
    [one] {$count} accepterad risk
   *[other] {$count} accepterade risker
}
summary-no-findings = inga iakttagelser per {$date}
summary-accepted = {$count ->
    [one] {$count} accepterad
   *[other] {$count} accepterade
}
summary-count-critical = {$count ->
    [one] {$count} kritisk
   *[other] {$count} kritiska
}
summary-count-high = {$count ->
    [one] {$count} hög
   *[other] {$count} höga
}
summary-count-medium = {$count} medel
summary-count-low = {$count ->
    [one] {$count} låg
   *[other] {$count} låga
}
summary-count-info = {$count} information
summary-findings = {$count ->
    [one] {$count} iakttagelse
   *[other] {$count} iakttagelser
} per {$date}: {$parts}

## `ansvar diff` som text och Markdown

diff-no-change = Ingen ändring i roller, iakttagelser, överföringar, skyldigheter eller poster.
diff-heading-roles = Roller
diff-heading-introduced = Nya iakttagelser
diff-heading-resolved = Åtgärdade iakttagelser
diff-heading-acceptances-started = Accepterade risker som började gälla en iakttagelse
diff-heading-acceptances-stopped = Accepterade risker som slutade gälla en iakttagelse
diff-heading-abroad = Behandling i tredjeland
diff-heading-duties = Vem som underrättar vem vid en personuppgiftsincident
diff-heading-obligations = Skyldigheter
diff-heading-entities = Poster
diff-no-role = ingen roll
diff-role-for = {$role} åt {$principal}
diff-role-own-purposes = {$role} för egna ändamål (artikel 28.10)
diff-role-change = {$party} i {$activity}: {$old} → {$new}
diff-before = före: {$text}
diff-after = efter: {$text}
diff-finding = [{$severity}] {$code}{$accepted}: {$message} ({$location})
diff-abroad = {$party} behandlar {$activity}{$exporter} i {$country} ({$adequacy}; {$tools})
diff-abroad-for = {" "}åt {$exporter}
diff-adequacy = beslut om adekvat skyddsnivå: {$instrument}
diff-no-adequacy = inget beslut om adekvat skyddsnivå
diff-adequacy-not-covering = beslut om adekvat skyddsnivå {$instrument}, som inte omfattar denna mottagare
diff-no-tool = inget överföringsverktyg
diff-to-authority = tillsynsmyndigheten
diff-to-subjects = de registrerade (vid hög risk)
diff-within = {" "}inom {$hours} h
diff-duty = {$activity}: {$from} underrättar {$to}{$within} ({$provision})
diff-obligation = {$party}: {$kind} i {$activity} ({$provisions})
diff-removed = {$path} borttagen
diff-added = {$path} tillagd
diff-unset = (inte angiven)
diff-field = {$path}: {$old} → {$new}

obligation-accountability = ansvarsskyldighet
obligation-information_to_data_subjects = information till de registrerade
obligation-joint_controller_arrangement = arrangemang mellan gemensamt personuppgiftsansvariga
obligation-choice_of_processors = val av personuppgiftsbiträden
obligation-controller_record = den personuppgiftsansvariges registerförteckning
obligation-security = säkerhet
obligation-breach_to_authority = anmälan av personuppgiftsincident till tillsynsmyndigheten
obligation-breach_to_data_subjects = information om personuppgiftsincident till de registrerade
obligation-impact_assessment = konsekvensbedömning
obligation-processing_on_instructions = behandling enligt instruktioner
obligation-sub_processors = underbiträden
obligation-processor_record = personuppgiftsbiträdets registerförteckning
obligation-breach_to_principal = underrättelse om personuppgiftsincident till uppdragsgivaren
obligation-data_protection_officer = dataskyddsombud
obligation-eu_representative = företrädare i unionen
obligation-care_provider_as_controller = vårdgivaren som personuppgiftsansvarig
obligation-access_logs = åtkomstloggar
obligation-information_to_patient = information till patienten
obligation-patient_data_backups = säkerhetskopior av patientuppgifter
obligation-controller_not_reached = utanför dataskyddsförordningen som personuppgiftsansvarig
obligation-access_analysis = behovs- och riskanalys
obligation-log_review = kontroll av åtkomstloggar
obligation-strong_authentication = stark autentisering

## Sammanfattningen som `check` skriver först i en terminal, och `check --quiet`

digest-exit-never = slutkod 0: --fail-on never
digest-exit-failing = slutkod 1: {$count ->
    [one] {$count} iakttagelse
   *[other] {$count} iakttagelser
} med allvarlighetsgrad {$severity} eller högre
digest-exit-passing = slutkod 0: ingen iakttagelse med allvarlighetsgrad {$severity} eller högre
digest-by-rule = per regel
digest-by-party = per part
digest-top-ten = {$by} (de tio vanligaste)
digest-all = {$by}
digest-more-rules = {$count ->
    [one] regel till
   *[other] regler till
}
digest-more-parties = {$count ->
    [one] part till
   *[other] parter till
}
digest-shown = de {$shown} allvarligaste av {$total} iakttagelser följer:
digest-more-findings = … ytterligare {$count ->
    [one] {$count} iakttagelse visas
   *[other] {$count} iakttagelser visas
} inte; för att se alla: ansvar check … --all, eller --format json

## Kommandoradens egna fel och anmärkningar (efter `error:`, `warning:`, `help:`)

cli-did-you-mean = menade du `{$near}`?
cli-wrote = skrev {$path} ({$size})
cli-wrote-files = skrev {$files}
cli-wrote-split = skrev {$path} (en innehållsförteckning och {$pages} sidor, en per part)
cli-next = nästa steg: {$command}
cli-obligations-json = {$command} kräver `--format json`
cli-cannot-write-stdout = kan inte skriva till standard ut: {$error}
cli-cannot-write = kan inte skriva `{$path}`: {$error}
cli-will-not-write = skriver inte `{$path}`: {$reason}
cli-side-none = {""}
cli-side-old = den gamla sidan:{" "}
cli-side-new = den nya sidan:{" "}
cli-no-such-file = {$side}filen finns inte: {$path}
cli-no-such-directory = {$side}katalogen finns inte: {$path}
cli-scope-no-party = --scope: modellen har ingen part `{$id}`
cli-no-rule = det finns ingen regel `{$code}`
cli-rules-lists = `ansvar rules` listar alla regler
cli-no-party = modellen har ingen part `{$id}`
cli-no-activity = modellen har ingen behandling `{$id}`
cli-before-gdpr = {$date} ligger före {$applies}, då dataskyddsförordningen började tillämpas; iakttagelserna bedömer den dagen enligt dataskyddsförordningen, inte enligt den lag som då gällde (i Sverige personuppgiftslagen)

## Varför `-o FIL` eller `--split KATALOG` vägras (src/output.rs)

refusal-directory-is-link = det är en symbolisk länk; ange en katalog som inte finns ännu
refusal-not-a-directory = det är {$kind}, inte en katalog; ange en katalog som inte finns ännu
refusal-directory-not-empty = katalogen är inte tom; ta bort den, eller ange en som inte finns ännu
refusal-no-directory-name = sökvägen anger ingen egen katalog; ge ett namn som `report`
refusal-dangling-link = det är en symbolisk länk till en fil som inte kan nås ({$error})
refusal-not-a-file = det är {$kind}, inte en vanlig fil; utelämna `-o` för att skriva till standard ut
refusal-read-only = filen är skrivskyddad
refusal-model-file = filen hör till modellen som läses
refusal-would-join-model = filen skulle bli en del av modellen som läses
file-kind-directory = en katalog
file-kind-fifo = en FIFO
file-kind-char-device = en teckenenhet
file-kind-block-device = en blockenhet
file-kind-socket = en socket
file-kind-symlink = en symbolisk länk
file-kind-other = inte en vanlig fil
