# Vad varje felkod från inläsningen av en modell betyder, på svenska: en mening
# per kod, `diagnostic-CODE`.

diagnostic-unreadable-model = Modellens katalog, eller en fil i den, kan inte läsas eller listas.
diagnostic-empty-model = Modellens katalog innehåller inga `.yaml`- eller `.yml`-filer.
diagnostic-too-many-files = Modellen har fler filer än en modell får ha (65 535).
diagnostic-file-too-large = En modellfil är större än gränsen för en fil (256 MiB).
diagnostic-not-utf8 = En modellfil är inte giltig UTF-8-text.
diagnostic-git = En modell angiven som `REV:sökväg` kan inte läsas från git: det finns inget förråd, revisionen är okänd eller sökvägen finns inte där.
diagnostic-yaml = Filen är inte giltig YAML, ett värde har fel form (en lista där en mappning hör hemma, text där ett tal hör hemma) eller så överskrids gränserna för nästling eller alias.
diagnostic-unknown-field = En nyckel som modellformatet inte har, oftast en felstavning; detaljen räknar upp de nycklar som förväntas där.
diagnostic-missing-field = Ett fält som posten inte klarar sig utan saknas: ett `id`, en utförares `party`, ett avtals `parties`, en SCC-`module`.
diagnostic-bad-id = Ett id är inte skrivet med gemener och bindestreck: bokstäverna `a`–`z`, siffror och enkla bindestreck, inget först eller sist.
diagnostic-duplicate-id = Två poster av samma slag har samma id; båda ställena visas.
diagnostic-unknown-reference = En hänvisning till ett id som ingen post av det slaget har; ett närliggande id föreslås.
diagnostic-wrong-reference = En hänvisning anger ett id som finns, men för en post av ett annat slag (ett system där en part hör hemma).
diagnostic-unknown-value = Ett värde utanför sitt slutna ordförråd (en typ av part eller avtal, en SCC-modul som inte finns); ett närliggande värde föreslås.
diagnostic-unknown-country = Ett land som inte är en ISO 3166-1 alpha-2-kod i referensdata.
diagnostic-unknown-regime = En rättslig ordning (`requires`, `subject_to`) som referensdata inte definierar.
diagnostic-bad-date = Ett datum som inte är `ÅÅÅÅ-MM-DD` (eller datum och tid där det är tillåtet), eller en dag som inte finns.
diagnostic-bad-period = En period (ett avtals, en behandlings eller en certifierings) som slutar innan den börjar.
diagnostic-bad-duration = En lagringstid som inte är en ISO 8601-varaktighet som `P10Y`.
diagnostic-self-reference = En part äger sig själv (`owned_by`).
diagnostic-self-on-behalf = En utförare agerar för egen räkning (`on_behalf_of` anger den själv).
diagnostic-on-behalf-cycle = I en behandling agerar utförare för varandras räkning i en cirkel, så ingen kedja når en personuppgiftsansvarig.
diagnostic-owned-by-cycle = Parter äger varandra i en cirkel (`owned_by`), så ingen ägarkedja tar slut.
diagnostic-territory = En varning: ett land vars ställning enligt dataskyddsförordningen behöver kontrolleras (till exempel ett särskilt territorium som hör till en medlemsstat); anmärkningen säger varför.
diagnostic-contradiction = Två fält i samma post säger emot varandra, till exempel `breach_notification: none` tillsammans med `breach_notification_hours`.
diagnostic-bad-reference = Referensdata (den inbyggda, eller den som anges med `--reference`) är ogiltig: en felaktig eller upprepad landskod, ett felaktigt datum, en felaktig omfattning av ett beslut om adekvat skyddsnivå eller en felaktig rättslig ordning.

# Hur ett problem från inläsningen visas på svenska: detaljen, som är skriven på
# engelska, efter kodens mening.
diagnostic-detail = i detalj (på engelska): {$detail}

# Raden efter problemen i en ogiltig modell; {$side} är tom, eller anger sidan
# i en diff.
invalid-model = {$side}{$model} är inte en giltig modell: {$count ->
    [one] {$count} problem
   *[other] {$count} problem
}
invalid-model-side-old = den gamla sidan: {""}
invalid-model-side-new = den nya sidan: {""}
