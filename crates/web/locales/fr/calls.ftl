# Funding calls and the eligibility check.
nav-calls = Appels
calls-title = Appels à propositions
calls-intro = Les appels auxquels les administrations répondent : programme, règles budgétaires, date limite, pays éligibles et limites. Budgets et partenariats choisissent leur appel et montrent ce qu'ils respectent et ce qu'ils ne respectent pas.
calls-new = Nouvel appel
calls-edit = Modifier l'appel « { $name } »
calls-edit-link = Modifier « { $name } »
calls-none = Aucun appel pour l'instant.
calls-done-created = Appel ajouté.
calls-done-saved = Appel enregistré.
calls-form-intro = Saisissez les limites telles que l'appel les énonce et citez la source. Un champ vide signifie que l'appel ne fixe pas cette limite.
calls-field-name = Nom de l'appel
calls-field-programme = Programme
calls-field-pack = Règles budgétaires
calls-field-pack-hint = L'ensemble de règles avec lequel sont vérifiés les budgets présentés à cet appel.
calls-field-deadline = Date limite
calls-field-countries = Pays éligibles
calls-field-countries-hint = Les pays dont les partenaires peuvent venir. Aucun coché : tout pays.
calls-funding = Financement et durée
calls-field-eu-rate-max = Taux maximal de cofinancement de l'UE (%)
calls-field-eu-rate-max-hint = Par exemple 85 ou 89,5.
calls-amount-hint = En euros, comme vous l'écrivez : 1 500 000 ou 1 500 000,00.
calls-field-grant-min = Subvention minimale
calls-field-grant-max = Subvention maximale
calls-field-months-min = Durée minimale (mois)
calls-field-months-max = Durée maximale (mois)
calls-partnership = Partenariat
calls-field-partners-min = Nombre minimal de partenaires
calls-field-partners-min-hint = Le chef de file et les partenaires comptent ; les associés non.
calls-field-countries-min = Nombre minimal de pays
calls-field-per-country-max = Nombre maximal de partenaires par pays
calls-field-group-min = Partenaires minimaux de : { $group }
calls-field-cover-targets = Chaque pays cible du projet doit avoir un partenaire
calls-field-source = Source
calls-field-source-hint = Le document de l'appel et les pages d'où viennent les limites.
calls-not-set = Non indiqué
# A deadline the call does not state: its own key, as the words agree with "deadline" in some languages.
calls-deadline-not-set = Non indiquée
calls-pack-not-set = Non indiquées
calls-any-country = Tout pays
calls-grant = Subvention
calls-at-least = au moins { $value }
calls-at-most = au plus { $value }
calls-duration = Durée
calls-months-at-least = au moins { $months } mois
calls-months-at-most = au plus { $months } mois
# Between two limits of one line ("at least …; at most …").
calls-limits-joiner = {"\u00A0; "}
calls-partners-at-least = au moins { $count } partenaires
calls-countries-at-least = au moins { $count } pays
calls-per-country-at-most = au plus { $count } partenaires par pays
calls-group-at-least = au moins { $count } de : { $group }
calls-yes = Oui
calls-no = Non
calls-group-erdf = États membres de l'UE (partenaires FEDER)
calls-group-ipa = Pays IPA
calls-group-mpc = Pays partenaires méditerranéens
calls-group-wb = Balkans occidentaux
calls-error-whole-number = Saisissez un nombre entier, sans décimales.
calls-error-max-below-min = Le maximum est inférieur au minimum.
calls-error-rate-zero = Un taux de 0 % n'a pas de sens : laissez le champ vide si l'appel n'en fixe pas.
calls-error-rate-above-100 = Le taux ne peut dépasser 100 % et a au plus deux décimales.
calls-error-grant-too-large = Montant trop élevé.
calls-error-too-many-countries = Trop de pays.
audit-did-calls-create = a ajouté un appel à propositions
audit-did-calls-update = a modifié un appel à propositions
calls-choose = Appel
calls-choose-hint = L'appel auquel le projet répond : ses limites sont vérifiées ci-dessous.
calls-manage = Gérer les appels

# The eligibility check.
eligibility-title = Éligibilité au regard de l'appel
eligibility-intro = Ce que le projet respecte et ce qu'il ne respecte pas, selon l'appel « { $call } » ({ $programme }).
eligibility-no-call = Aucun appel choisi : choisissez l'appel dans l'éditeur pour voir l'éligibilité.
eligibility-summary = { $failures ->
    [0] Aucune exigence enfreinte.
    [one] Une exigence n'est pas respectée.
   *[other] { $failures } exigences ne sont pas respectées.
}
eligibility-outcome-holds = Respecté
eligibility-outcome-breached = Non respecté
eligibility-outcome-unknown = À vérifier
eligibility-advice = conseil
eligibility-deadline-holds = La date limite du { $deadline } n'est pas passée.
eligibility-deadline-passed = La date limite du { $deadline } est passée.
eligibility-no-logframe = Aucun cadre logique lié : les pays cibles ne peuvent pas être vérifiés.
eligibility-no-partnership = Aucun partenariat pour ce cadre logique : les exigences sur les partenaires ne peuvent pas être vérifiées.
eligibility-no-budget = Aucun budget pour ce cadre logique : subvention, taux et durée ne peuvent pas être vérifiés.
eligibility-target-not-eligible = Le pays cible { $country } ne figure pas parmi les pays de l'appel.
eligibility-targets-eligible = Tous les pays cibles figurent parmi ceux de l'appel.
eligibility-budget-problems = Le budget comporte des erreurs à corriger avant de pouvoir être vérifié.
eligibility-rate-holds = La subvention demandée ({ $grant }) ne dépasse pas { $percent } % du coût total ({ $total }).
eligibility-rate-breached = La subvention demandée ({ $grant }) dépasse { $percent } % du coût total ({ $total }) : le maximum est { $max_amount }.
eligibility-grant-min-holds = La subvention demandée ({ $grant }) atteint le minimum de { $limit }.
eligibility-grant-min-breached = La subvention demandée ({ $grant }) est inférieure au minimum de { $limit }.
eligibility-grant-max-holds = La subvention demandée ({ $grant }) ne dépasse pas le maximum de { $limit }.
eligibility-grant-max-breached = La subvention demandée ({ $grant }) dépasse le maximum de { $limit }.
eligibility-months-min-holds = La durée de { $months } mois atteint le minimum de { $limit }.
eligibility-months-min-breached = La durée de { $months } mois est inférieure au minimum de { $limit }.
eligibility-months-max-holds = La durée de { $months } mois ne dépasse pas le maximum de { $limit }.
eligibility-months-max-breached = La durée de { $months } mois dépasse le maximum de { $limit }.
eligibility-months-unknown = Le budget n'indique pas la durée du projet.
eligibility-pack-holds = Le budget respecte les règles « { $pack } ».
eligibility-pack-breached = { $breached ->
    [one] Le budget enfreint une règle de « { $pack } » : voir la vérification du budget.
   *[other] Le budget enfreint { $breached } règles de « { $pack } » : voir la vérification du budget.
}
eligibility-pack-other = Le budget n'est pas vérifié avec les règles de l'appel (« { $pack } ») : choisissez-les dans le budget.
eligibility-budget-partner-missing = { $partner } a un budget mais ne fait pas partie du partenariat.
eligibility-budget-partners-hold = Chaque partenaire du budget fait partie du partenariat.
