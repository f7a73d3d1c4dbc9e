# Funding calls and the eligibility check.
nav-calls = Bandi
calls-title = Bandi di finanziamento
calls-intro = I bandi a cui le amministrazioni rispondono: programma, regole di bilancio, scadenza, paesi ammissibili e limiti. Bilanci e partenariati scelgono il loro bando e mostrano che cosa rispettano e che cosa no.
calls-new = Nuovo bando
calls-edit = Modifica il bando «{ $name }»
calls-edit-link = Modifica «{ $name }»
calls-none = Nessun bando ancora.
calls-done-created = Bando aggiunto.
calls-done-saved = Bando salvato.
calls-form-intro = Riporta i limiti come li scrive il bando e cita la fonte. Un campo vuoto vuol dire che il bando non pone quel limite.
calls-field-name = Nome del bando
calls-field-programme = Programma
calls-field-pack = Regole di bilancio
calls-field-pack-hint = L'insieme di regole con cui si verificano i bilanci presentati a questo bando.
calls-field-deadline = Scadenza
calls-field-countries = Paesi ammissibili
calls-field-countries-hint = I paesi da cui possono venire i partner. Nessuno selezionato: qualsiasi paese.
calls-funding = Finanziamento e durata
calls-field-eu-rate-max = Quota massima di cofinanziamento UE (%)
calls-field-eu-rate-max-hint = Per esempio 85 oppure 89,5.
calls-amount-hint = In euro, come lo scrivi: 1.500.000 oppure 1.500.000,00.
calls-field-grant-min = Contributo minimo
calls-field-grant-max = Contributo massimo
calls-field-months-min = Durata minima (mesi)
calls-field-months-max = Durata massima (mesi)
calls-partnership = Partenariato
calls-field-partners-min = Numero minimo di partner
calls-field-partners-min-hint = Si contano il capofila e i partner; gli associati no.
calls-field-countries-min = Numero minimo di paesi
calls-field-per-country-max = Numero massimo di partner per paese
calls-field-group-min = Partner minimi da: { $group }
calls-field-cover-targets = Ogni paese destinatario del progetto deve avere un partner
calls-field-source = Fonte
calls-field-source-hint = Il documento del bando e le pagine da cui vengono i limiti.
calls-not-set = Non indicato
# A deadline the call does not state: its own key, as the words agree with "deadline" in some languages.
calls-deadline-not-set = Non indicata
calls-pack-not-set = Non indicate
calls-any-country = Qualsiasi paese
calls-grant = Contributo
calls-at-least = almeno { $value }
calls-at-most = al massimo { $value }
calls-duration = Durata
calls-months-at-least = almeno { $months } mesi
calls-months-at-most = al massimo { $months } mesi
# Between two limits of one line ("at least …; at most …").
calls-limits-joiner = {"; "}
calls-partners-at-least = almeno { $count } partner
calls-countries-at-least = almeno { $count } paesi
calls-per-country-at-most = al massimo { $count } partner per paese
calls-group-at-least = almeno { $count } da: { $group }
calls-yes = Sì
calls-no = No
calls-group-erdf = Stati membri dell'UE (partner FESR)
calls-group-ipa = Paesi IPA
calls-group-mpc = Paesi partner mediterranei
calls-group-wb = Balcani occidentali
calls-error-whole-number = Scrivi un numero intero, senza decimali.
calls-error-max-below-min = Il massimo è minore del minimo.
calls-error-rate-zero = Una quota dello 0 % non ha senso: lascia il campo vuoto se il bando non la fissa.
calls-error-rate-above-100 = La quota non può superare il 100 % e ha al massimo due decimali.
calls-error-grant-too-large = Importo troppo grande.
calls-error-too-many-countries = Troppi paesi.
audit-did-calls-create = ha aggiunto un bando di finanziamento
audit-did-calls-update = ha modificato un bando di finanziamento
calls-choose = Bando
calls-choose-hint = Il bando a cui il progetto risponde: i suoi limiti sono verificati qui sotto.
calls-manage = Gestisci i bandi

# The eligibility check.
eligibility-title = Ammissibilità rispetto al bando
eligibility-intro = Che cosa rispetta il progetto e che cosa no, secondo il bando «{ $call }» ({ $programme }).
eligibility-no-call = Nessun bando scelto: scegli il bando nell'editor per vedere l'ammissibilità.
eligibility-summary = { $failures ->
    [0] Nessun requisito violato.
    [one] Un requisito non è rispettato.
   *[other] { $failures } requisiti non sono rispettati.
}
eligibility-outcome-holds = Rispettato
eligibility-outcome-breached = Non rispettato
eligibility-outcome-unknown = Da verificare
eligibility-advice = consiglio
eligibility-deadline-holds = La scadenza del { $deadline } non è passata.
eligibility-deadline-passed = La scadenza del { $deadline } è passata.
eligibility-no-logframe = Nessun quadro logico collegato: i paesi destinatari non si possono verificare.
eligibility-no-partnership = Nessun partenariato per questo quadro logico: i requisiti sui partner non si possono verificare.
eligibility-no-budget = Nessun bilancio per questo quadro logico: contributo, quota e durata non si possono verificare.
eligibility-target-not-eligible = Il paese destinatario { $country } non è tra i paesi del bando.
eligibility-targets-eligible = Tutti i paesi destinatari sono tra quelli del bando.
eligibility-budget-problems = Il bilancio ha errori da correggere prima di poterlo verificare.
eligibility-rate-holds = Il contributo richiesto ({ $grant }) è entro la quota massima del bando: { $percent } % del costo totale ({ $total }).
eligibility-rate-breached = Il contributo richiesto ({ $grant }) supera la quota massima del bando, { $percent } % del costo totale ({ $total }): il massimo è { $max_amount }.
eligibility-grant-min-holds = Il contributo richiesto ({ $grant }) raggiunge il minimo di { $limit }.
eligibility-grant-min-breached = Il contributo richiesto ({ $grant }) è sotto il minimo di { $limit }.
eligibility-grant-max-holds = Il contributo richiesto ({ $grant }) non supera il massimo di { $limit }.
eligibility-grant-max-breached = Il contributo richiesto ({ $grant }) supera il massimo di { $limit }.
eligibility-months-min-holds = La durata di { $months } mesi raggiunge il minimo di { $limit }.
eligibility-months-min-breached = La durata di { $months } mesi è sotto il minimo di { $limit }.
eligibility-months-max-holds = La durata di { $months } mesi non supera il massimo di { $limit }.
eligibility-months-max-breached = La durata di { $months } mesi supera il massimo di { $limit }.
eligibility-months-unknown = Il bilancio non indica la durata del progetto.
eligibility-pack-holds = Il bilancio rispetta le regole «{ $pack }».
eligibility-pack-breached = { $breached ->
    [one] Il bilancio viola una regola di «{ $pack }»: vedi la verifica del bilancio.
   *[other] Il bilancio viola { $breached } regole di «{ $pack }»: vedi la verifica del bilancio.
}
eligibility-pack-other = Il bilancio non è verificato con le regole del bando («{ $pack }»): sceglile nel bilancio.
eligibility-budget-partner-missing = { $partner } ha un bilancio ma non è nel partenariato.
eligibility-budget-partners-hold = Ogni partner del bilancio è nel partenariato.
