//! Demo products: the five provinces with products in every review state, and Salerno's
//! logframe for Durrës with tutor comments across two versions.

use db::products::{NewComment, NewProduct, Notice, Save, Transition};
use db::Db;
use domain::products::analysis::{Analysis, Grade, Node, NodeKind, Participation, Stakeholder};
use domain::products::budget::BudgetProduct;
use domain::products::logframe::{Direction, Indicator, Level, Logframe, Measure, Mode, Row};
use domain::products::review::{Action, State};
use domain::products::strategy::{AreaChoice, Milestone, StrategicPlan};
use domain::products::Content;
use uuid::Uuid;

/// Who acts in the demo.
pub struct People {
    pub coordinator: Uuid,
    pub member: Uuid,
    pub tutor: Uuid,
    pub staff: Uuid,
    /// Two officials of each other province, in province order.
    pub others: Vec<Uuid>,
}

fn row(id: &str, level: Level, text: &str, sources: &str, assumptions: &str) -> Row {
    Row {
        sources: sources.into(),
        assumptions: assumptions.into(),
        text: text.into(),
        ..Row::new(id.into(), level)
    }
}

#[allow(clippy::too_many_arguments)]
fn number(
    id: &str,
    text: &str,
    unit: &str,
    baseline: &str,
    year: Option<i32>,
    target: &str,
    date: &str,
    source: &str,
) -> Indicator {
    Indicator {
        id: id.into(),
        text: text.into(),
        unit: unit.into(),
        measure: Measure::Number,
        direction: Direction::Increase,
        baseline: baseline.into(),
        baseline_year: year,
        target: target.into(),
        target_date: date.into(),
        source: source.into(),
        ..Indicator::default()
    }
}

/// The first version Salerno submitted: sound in shape, with the weaknesses a tutor points out
/// (an activity worded as an objective, an indicator without its baseline year).
fn durres_v1(macro_area: &str) -> Logframe {
    let mut rows = vec![
        row("r1", Level::Overall, "Contribuire allo sviluppo economico sostenibile delle aree costiere di Salerno e Durazzo attraverso la cooperazione tra enti locali", "", ""),
        row("r2", Level::Specific, "Organizzare un programma comune di promozione del turismo sostenibile tra Salerno e Durazzo", "Delibere di giunta; verbali del tavolo congiunto", "Le due amministrazioni confermano l'impegno dopo le elezioni locali"),
        row("r3", Level::Result, "Un piano congiunto di promozione turistica sostenibile adottato dal Comune di Durazzo", "Piano adottato; delibera del consiglio comunale", "Gli operatori turistici partecipano al tavolo"),
        row("r4", Level::Activity, "Tavolo di lavoro congiunto Salerno–Durazzo (quattro incontri, due per sede)", "", "I visti e le missioni sono autorizzati in tempo"),
        row("r5", Level::Activity, "Analisi dei flussi turistici e dell'offerta ricettiva delle due aree", "", ""),
        row("r6", Level::Result, "Personale del Comune di Durazzo formato sulla gestione delle destinazioni turistiche", "Registri presenze; questionari di valutazione", "Il personale formato resta in servizio"),
        row("r7", Level::Activity, "Due cicli di formazione a distanza e una visita di studio a Salerno", "", ""),
    ];
    rows[0].indicators.push(number(
        "i8",
        "Presenze turistiche annue nell'area costiera di Durazzo",
        "presenze",
        "1.200.000",
        Some(2023),
        "1.400.000",
        "2027-12-31",
        "Istituto di statistica albanese (INSTAT)",
    ));
    rows[1].indicators.push(number(
        "i9",
        "Accordi di collaborazione tra operatori turistici delle due aree",
        "accordi",
        "0",
        None,
        "6",
        "2026-12-31",
        "Registro degli accordi del tavolo congiunto",
    ));
    rows[2].indicators.push(number(
        "i10",
        "Azioni del piano congiunto avviate",
        "azioni",
        "0",
        Some(2024),
        "8",
        "2026-06-30",
        "Relazioni di monitoraggio",
    ));
    rows[5].indicators.push(Indicator {
        id: "i11".into(),
        text:
            "Quota del personale formato che applica gli strumenti di gestione della destinazione"
                .into(),
        measure: Measure::Percentage,
        baseline: "0".into(),
        baseline_year: Some(2024),
        target: "70".into(),
        target_date: "2026-12-31".into(),
        source: "Questionario a sei mesi dalla formazione".into(),
        disaggregation: "sesso, ufficio".into(),
        ..Indicator::default()
    });
    rows[3].means = "Sale riunioni dei due enti, interpretariato".into();
    rows[3].costs = "€ 14.000 (missioni e interpretariato)".into();
    rows[4].means = "Dati ISTAT e INSTAT, un esperto di statistica del turismo".into();
    rows[4].costs = "€ 4.500".into();
    rows[6].means = "Piattaforma di formazione, docenti della Provincia".into();
    rows[6].costs = "€ 9.500".into();
    Logframe {
        mode: Mode::Classic,
        macro_area: macro_area.into(),
        countries: vec!["AL".into(), "IT".into()],
        sectors: vec!["15112".into(), "33210".into()],
        rows,
        last_id: 11,
        analysis: durres_analysis(),
        language: "it".into(),
        project_end: "2027-12-31".into(),
        preconditions: String::new(),
        marked_final: false,
    }
}

/// The problem tree and stakeholder matrix Salerno drew before the matrix.
fn durres_analysis() -> Analysis {
    let node = |id: &str, kind: NodeKind, parent: &str, problem: &str, objective: &str| Node {
        id: id.into(),
        kind,
        parent: parent.into(),
        problem: problem.into(),
        objective: objective.into(),
    };
    let stakeholder = |name: &str,
                       interests: &str,
                       influence: Grade,
                       capacity: Grade,
                       participation: Participation| Stakeholder {
        name: name.into(),
        interests: interests.into(),
        influence,
        capacity,
        participation,
    };
    Analysis {
        nodes: vec![
            node("p1", NodeKind::Core, "", "I Comuni di Salerno e Durazzo non riescono a promuovere insieme un turismo sostenibile", "Rafforzata la capacità dei Comuni di Salerno e Durazzo di promuovere insieme un turismo sostenibile"),
            node("p2", NodeKind::Cause, "p1", "Manca un piano comune di promozione", "Un piano congiunto di promozione turistica sostenibile adottato"),
            node("p3", NodeKind::Cause, "p2", "Gli uffici turistici non si incontrano", "Tavolo di lavoro congiunto attivo"),
            node("p4", NodeKind::Cause, "p1", "Il personale non conosce la gestione delle destinazioni", "Personale formato sulla gestione delle destinazioni"),
            node("p5", NodeKind::Effect, "p1", "Presenze turistiche stagnanti e concentrate d'estate", "Sviluppo economico sostenibile delle aree costiere"),
        ],
        stakeholders: vec![
            stakeholder("Comune di Durazzo", "Destagionalizzare i flussi, attrarre investimenti", Grade::High, Grade::Medium, Participation::Collaborate),
            stakeholder("Camera di commercio di Salerno", "Nuovi mercati per le imprese turistiche", Grade::High, Grade::High, Participation::Consult),
            stakeholder("Associazioni degli albergatori", "Più presenze fuori stagione", Grade::Medium, Grade::Medium, Participation::Involve),
        ],
    }
}

/// The second version, after the tutor's comments.
fn durres_v2(macro_area: &str) -> Logframe {
    let mut lf = durres_v1(macro_area);
    lf.rows[1].text = "Rafforzata la capacità dei Comuni di Salerno e Durazzo di promuovere insieme un turismo sostenibile".into();
    lf.rows[1].indicators[0].baseline_year = Some(2024);
    lf.rows[4].assumptions = "I dati comunali sulle presenze sono disponibili".into();
    lf.rows.insert(
        6,
        row(
            "r12",
            Level::Activity,
            "Mappatura dei percorsi formativi esistenti presso la Provincia di Salerno",
            "",
            "",
        ),
    );
    lf.rows[6].means = "Ufficio formazione della Provincia".into();
    lf.rows[6].costs = "€ 1.500".into();
    lf.last_id = 12;
    lf
}

/// A province's results-chain logframe with Kotor (Montenegro), a draft just begun.
fn kotor(macro_area: &str) -> Logframe {
    let mut lf = Logframe::starter(Mode::ResultsChain);
    lf.macro_area = macro_area.into();
    lf.countries = vec!["ME".into()];
    lf.language = "it".into();
    lf.rows[0].text =
        "Amministrazioni locali più efficaci e trasparenti nelle Bocche di Cattaro".into();
    lf.rows[1].text =
        "Procedure digitali adottate dal Comune di Cattaro per i servizi ai cittadini".into();
    lf
}

fn text(markdown: &str) -> String {
    Content::Text {
        markdown: markdown.into(),
    }
    .to_json()
}

/// Moves a product through the workflow as `actor`.
async fn step(
    db: &Db,
    id: Uuid,
    from: State,
    action: Action,
    actor: Uuid,
    note: &str,
    title: &str,
) -> anyhow::Result<State> {
    let to = domain::products::review::next(from, action)
        .ok_or_else(|| anyhow::anyhow!("the demo workflow is wrong"))?;
    let label = match to {
        State::Submitted => "Inviato al tutor",
        State::Resubmitted => "Inviato di nuovo",
        _ => "",
    };
    let t = Transition {
        from: from.code(),
        to: to.code(),
        action: to.code(),
        note,
        snapshot_label: (action == Action::Submit).then_some(label),
        notice: Notice {
            to: vec![],
            kind: "submitted",
            title: title.into(),
            link: String::new(),
        },
    };
    db::products::transition(db, id, &t, Some(actor)).await?;
    Ok(to)
}

async fn comment(
    db: &Db,
    product: Uuid,
    version: i64,
    anchor: &str,
    body: &str,
    parent: Option<Uuid>,
    who: Uuid,
) -> anyhow::Result<Uuid> {
    let notice = Notice {
        to: vec![],
        kind: "comment",
        title: String::new(),
        link: String::new(),
    };
    let c = NewComment {
        product,
        parent,
        version_number: version,
        anchor,
        body,
    };
    Ok(db::products::comment(db, &c, Some(who), &notice).await?)
}

/// Caserta's strategic plan: rural development with Montenegro and Tunisia.
async fn caserta_plan(db: &Db) -> anyhow::Result<StrategicPlan> {
    let areas = db::library::macro_areas(db).await?;
    let area = |n: usize| areas.get(n).map(|a| a.code.clone()).unwrap_or_default();
    Ok(StrategicPlan {
        areas: vec![
            AreaChoice {
                macro_area: area(0),
                rationale: "Le filiere agroalimentari della provincia (mozzarella, vino) cercano mercati e partner nei Balcani e nel Maghreb.".into(),
            },
            AreaChoice {
                macro_area: area(1),
                rationale: "Gli uffici della Provincia devono imparare a gestire progetti europei con partner esteri.".into(),
            },
        ],
        priorities: vec![
            "Scambi tra consorzi di tutela e cooperative agricole".into(),
            "Formazione congiunta dei tecnici comunali".into(),
            "Un ufficio per la cooperazione internazionale in Provincia".into(),
        ],
        countries: vec!["ME".into(), "TN".into(), "AL".into()],
        logframes: vec![],
        timeline: vec![
            Milestone { when: "2026-12".into(), what: "Approvazione del piano in giunta".into() },
            Milestone { when: "2027-03".into(), what: "Missione a Cattaro e Podgorica".into() },
            Milestone { when: "2027-09".into(), what: "Primo progetto presentato con partner tunisini".into() },
        ],
    })
}

/// A product taken to `target` through the workflow.
#[allow(clippy::too_many_arguments)]
async fn text_product(
    db: &Db,
    organisation: Uuid,
    kind: &str,
    title: &str,
    markdown: &str,
    author: Uuid,
    tutor: Uuid,
    target: State,
) -> anyhow::Result<Uuid> {
    // The strategic plan is structured; the other products are text.
    let content = if kind == "strategic_plan" {
        Content::StrategicPlan(caserta_plan(db).await?).to_json()
    } else {
        text(markdown)
    };
    let new = NewProduct {
        organisation,
        kind,
        title,
        content: &content,
        due_on: None,
        model_of: None,
        session: None,
    };
    let id = db::products::create(db, &new, Some(author)).await?;
    let path: &[(Action, bool)] = match target {
        State::Draft => &[],
        State::Submitted => &[(Action::Submit, false)],
        State::ChangesRequested => &[(Action::Submit, false), (Action::RequestChanges, true)],
        State::Resubmitted => &[
            (Action::Submit, false),
            (Action::RequestChanges, true),
            (Action::Submit, false),
        ],
        State::Approved => &[(Action::Submit, false), (Action::Approve, true)],
    };
    let mut state = State::Draft;
    for (action, by_tutor) in path {
        let who = if *by_tutor { tutor } else { author };
        let note = match action {
            Action::RequestChanges => {
                "Buona base. Rendete più concrete le priorità e indicate chi fa che cosa."
            }
            Action::Approve => "Approvato: un documento chiaro e coerente con le macroaree scelte.",
            Action::Submit => "",
        };
        state = step(db, id, state, *action, who, note, title).await?;
    }
    Ok(id)
}

/// Salerno's budget for the project with Durrës, in euro, lek and convertible marks, tied to
/// its logframe and checked against the IPA ADRION call: every rule holds but one, breached on
/// purpose for the tutor to explain: Durrës's office and administration costs go over 15 % of
/// its staff costs.
fn durres_budget(logframe: Uuid) -> BudgetProduct {
    use domain::products::budget::money::{Currency, Decimal};
    use domain::products::budget::{Budget, Category, ExchangeRate, InKind, Line, Partner};
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default();
    let partner = |id: &str, name: &str, country: &str, group: &str| Partner {
        id: id.into(),
        name: name.into(),
        country: country.into(),
        group: group.into(),
        cofinancing: Decimal::whole(15),
        ..Default::default()
    };
    let mut partners = vec![
        partner("p1", "Provincia di Salerno", "IT", "erdf"),
        partner("p2", "Bashkia Durrës (Comune di Durazzo)", "AL", "ipa"),
        partner("p3", "Regione dell'Epiro", "GR", "erdf"),
        partner("p4", "Contea di Zara", "HR", "erdf"),
        partner("p5", "Comune di Cattaro", "ME", "ipa"),
        partner("p6", "Città di Mostar", "BA", "ipa"),
    ];
    partners[1].in_kind.push(InKind {
        description: "Sala consiliare per gli incontri del tavolo".into(),
        amount: 30_000_000,
        currency: Currency::All,
    });
    #[allow(clippy::too_many_arguments)]
    fn line(
        id: &str,
        partner: &str,
        category: Category,
        activity: &str,
        year: i32,
        description: &str,
        unit: &str,
        unit_cost: i64,
        quantity: u64,
        currency: Currency,
    ) -> Line {
        Line {
            id: id.into(),
            partner: partner.into(),
            category,
            activity: activity.into(),
            year,
            description: description.into(),
            unit: unit.into(),
            unit_cost,
            quantity: Decimal::whole(quantity),
            currency,
        }
    }
    use Category::*;
    use Currency::{All, Bam, Eur};
    let lines = vec![
        line(
            "l7",
            "p1",
            Staff,
            "r4",
            2027,
            "Coordinatrice del progetto",
            "mese",
            320_000,
            30,
            Eur,
        ),
        line(
            "l8",
            "p1",
            Travel,
            "r4",
            2027,
            "Missioni a Durazzo",
            "viaggio",
            85_000,
            8,
            Eur,
        ),
        line(
            "l9",
            "p1",
            Services,
            "r5",
            2027,
            "Analisi dei flussi turistici",
            "studio",
            2_400_000,
            1,
            Eur,
        ),
        line(
            "l10",
            "p1",
            OfficeAdministration,
            "",
            2027,
            "Ufficio e amministrazione (15 %)",
            "",
            1_440_000,
            1,
            Eur,
        ),
        line(
            "l11",
            "p2",
            Staff,
            "r4",
            2027,
            "Referente del Comune per il tavolo",
            "mese",
            18_000_000,
            30,
            All,
        ),
        line(
            "l12",
            "p2",
            Travel,
            "r7",
            2026,
            "Visita di studio a Salerno",
            "viaggio",
            9_500_000,
            6,
            All,
        ),
        line(
            "l13",
            "p2",
            OfficeAdministration,
            "",
            2027,
            "Ufficio e amministrazione",
            "",
            120_000_000,
            1,
            All,
        ),
        line(
            "l14",
            "p3",
            Staff,
            "r12",
            2027,
            "Esperto di formazione",
            "mese",
            280_000,
            6,
            Eur,
        ),
        line(
            "l15",
            "p4",
            Staff,
            "r7",
            2026,
            "Formatori",
            "mese",
            260_000,
            6,
            Eur,
        ),
        line(
            "l16",
            "p5",
            Staff,
            "r5",
            2027,
            "Rilevatori dei flussi turistici",
            "mese",
            200_000,
            6,
            Eur,
        ),
        line(
            "l17",
            "p6",
            Staff,
            "r7",
            2026,
            "Tutor dei corsi a distanza",
            "mese",
            390_000,
            6,
            Bam,
        ),
    ];
    BudgetProduct {
        logframe: logframe.to_string(),
        pack: "ipa-adrion-call1".into(),
        call: String::new(),
        budget: Budget {
            partners,
            rates: vec![
                ExchangeRate {
                    currency: All,
                    per_eur: Decimal::new(985, 1).unwrap_or(Decimal::whole(100)),
                    date: day,
                },
                ExchangeRate {
                    currency: Bam,
                    per_eur: Decimal::new(195_583, 5).unwrap_or(Decimal::whole(2)),
                    date: day,
                },
            ],
            lines,
            duration_months: Some(30),
            last_id: 17,
        },
    }
}

/// Loads the demo products; returns how many.
pub async fn load(db: &Db, provinces: &[Uuid], people: &People) -> anyhow::Result<usize> {
    let macro_area = db::library::macro_areas(db)
        .await?
        .first()
        .map(|m| m.code.clone())
        .unwrap_or_default();
    let salerno = provinces[0];
    let mut count = 0;

    // Salerno's logframe: submitted, commented, sent back, revised and submitted again.
    let title = "Quadro logico — Turismo sostenibile con Durazzo (Albania)";
    let v1 = Content::Logframe(durres_v1(&macro_area)).to_json();
    let new = NewProduct {
        organisation: salerno,
        kind: "logframe",
        title,
        content: &v1,
        due_on: None,
        model_of: None,
        session: None,
    };
    let lf = db::products::create(db, &new, Some(people.coordinator)).await?;
    let mut state = step(
        db,
        lf,
        State::Draft,
        Action::Submit,
        people.coordinator,
        "Prima stesura discussa nel laboratorio A2.",
        title,
    )
    .await?;
    let tutor = people.tutor;
    let c1 = comment(db, lf, 1, "row:r2", "Così formulato è un'attività, non un obiettivo: descrivete il cambiamento atteso (per esempio «Rafforzata la capacità di…»).", None, tutor).await?;
    comment(
        db,
        lf,
        1,
        "ind:i9",
        "Manca l'anno del valore di partenza: senza, il tutor non può valutare il progresso.",
        None,
        tutor,
    )
    .await?;
    comment(db, lf, 1, "row:r5", "Quali ipotesi servono perché l'analisi si possa fare? Pensate alla disponibilità dei dati comunali.", None, tutor).await?;
    comment(
        db,
        lf,
        1,
        "row:r6",
        "Bene il risultato sulla formazione: l'indicatore in percentuale è chiaro.",
        None,
        tutor,
    )
    .await?;
    comment(
        db,
        lf,
        1,
        "row:r2",
        "Riformulato nella nuova stesura, grazie.",
        Some(c1),
        people.member,
    )
    .await?;
    state = step(
        db,
        lf,
        state,
        Action::RequestChanges,
        tutor,
        "Tre punti da rivedere prima dell'approvazione: vedete i commenti.",
        title,
    )
    .await?;
    let v2 = Content::Logframe(durres_v2(&macro_area)).to_json();
    let edit = db::products::get(db, lf)
        .await?
        .map(|p| p.version)
        .unwrap_or(1);
    db::products::save(
        db,
        lf,
        edit,
        &Save {
            title,
            content: &v2,
            due_on: None,
            version_label: None,
        },
        Some(people.member),
    )
    .await?;
    db::products::resolve(db, lf, c1, true, Some(tutor)).await?;
    step(
        db,
        lf,
        state,
        Action::Submit,
        people.member,
        "Abbiamo accolto i commenti del tutor.",
        title,
    )
    .await?;
    comment(
        db,
        lf,
        2,
        "row:r12",
        "La nuova attività di mappatura è utile: indicate anche i mezzi e i costi.",
        None,
        tutor,
    )
    .await?;
    count += 1;

    let areas = "## Macroaree scelte\n\n1. **Sviluppo economico e turismo sostenibile** — con Albania e Montenegro.\n2. **Governance e capacità istituzionale** — con la Tunisia.\n\n## Motivazioni\n\nLa Provincia ha già rapporti con Durazzo attraverso il porto di Salerno e con Sfax attraverso l'università.\n\n## Attori del territorio coinvolti\n\n- Camera di commercio di Salerno\n- Università degli Studi di Salerno\n- Forum delle associazioni di cooperazione\n";
    let selection = text_product(
        db,
        salerno,
        "macro_areas",
        "Selezione delle macroaree di internazionalizzazione",
        areas,
        people.coordinator,
        tutor,
        State::Approved,
    )
    .await?;
    // Staff publish the approved selection as a model for the other provinces.
    db::products::set_model(db, selection, true, Some(people.staff)).await?;
    // The tutoring log of Salerno: two remote sessions on the logframe.
    let today = chrono::Utc::now().date_naive();
    let sessions = [
        (21, 90, "Elena Russo (tutor), Antonio Esposito, Francesca Greco", "Prima lettura del quadro logico: l'obiettivo specifico descrive un'attività; mancano alcune ipotesi.", vec![("Riformulare l'obiettivo specifico come cambiamento atteso", "Francesca Greco", 14), ("Completare gli anni dei valori di partenza", "Antonio Esposito", 14)]),
        (7, 60, "Elena Russo (tutor), Francesca Greco", "Verifica della seconda versione prima del nuovo invio.", vec![("Aggiungere mezzi e costi della mappatura", "Francesca Greco", 10)]),
    ];
    for (ago, minutes, participants, notes, steps) in sessions {
        let held_on = today - chrono::Duration::days(ago);
        let entry = domain::products::tutoring::Entry {
            held_on,
            minutes,
            participants: participants.into(),
            notes: notes.into(),
            product: None,
            steps: steps
                .into_iter()
                .map(|(text, owner, days)| domain::products::tutoring::Step {
                    text: text.into(),
                    owner: owner.into(),
                    due_on: Some(held_on + chrono::Duration::days(days)),
                })
                .collect(),
        };
        db::products::log_tutoring(db, salerno, &entry, Some(lf), Some(tutor)).await?;
    }
    // Salerno's budget with Durrës, sent to the tutor with one funding rule breached.
    let title = "Budget — Turismo sostenibile con Durazzo (Albania)";
    let content = Content::Budget(durres_budget(lf)).to_json();
    let new = NewProduct {
        organisation: salerno,
        kind: "budget",
        title,
        content: &content,
        due_on: None,
        model_of: None,
        session: None,
    };
    let budget = db::products::create(db, &new, Some(people.member)).await?;
    step(
        db,
        budget,
        State::Draft,
        Action::Submit,
        people.member,
        "",
        title,
    )
    .await?;
    count += 1;

    let communication = "## Obiettivi\n\nFar conoscere agli uffici e al territorio le iniziative di cooperazione della Provincia.\n\n## Destinatari\n\n- Personale della Provincia\n- Comuni del territorio\n- Associazioni e imprese\n\n## Messaggi chiave\n\n\n## Canali e strumenti\n\n\n## Cronoprogramma\n\n";
    let comm = text_product(
        db,
        salerno,
        "communication_plan",
        "Piano di comunicazione interna ed esterna",
        communication,
        people.member,
        tutor,
        State::Draft,
    )
    .await?;
    let due = chrono::Utc::now().date_naive() + chrono::Duration::days(14);
    let p = db::products::get(db, comm).await?;
    if let Some(p) = p {
        let save = Save {
            title: &p.title,
            content: &p.content,
            due_on: Some(due),
            version_label: None,
        };
        db::products::save(db, comm, p.version, &save, Some(people.member)).await?;
    }
    count += 2;

    let others = [
        (1, "strategic_plan", "Proposta di piano strategico di apertura internazionale", "## Macroaree scelte\n\nSviluppo rurale e filiere agroalimentari.\n\n## Priorità\n\n1. Scambi tra consorzi di tutela\n2. Formazione congiunta dei tecnici\n\n## Paesi target\n\nMontenegro, Tunisia.\n\n## Cronoprogramma\n\n2025–2027\n", State::Submitted),
        (2, "logframe_rc", "Quadro logico — Governance locale con Cattaro (Montenegro)", "", State::Draft),
        (3, "organisational_analysis", "Analisi dell'assetto organizzativo con ipotesi di miglioramento", "## Assetto organizzativo attuale\n\nLa cooperazione internazionale è seguita dall'ufficio Politiche comunitarie (2 persone).\n\n## Punti di forza e di debolezza\n\n- Forza: esperienza nei programmi europei\n- Debolezza: nessun raccordo con gli altri settori\n\n## Ipotesi di miglioramento\n\nUn gruppo di lavoro intersettoriale stabile.\n", State::ChangesRequested),
        (4, "budget", "Budget del progetto con Sfax", "## Voci di costo\n\n| Voce | Importo |\n|---|---|\n| Missioni | € 12.000 |\n| Formazione | € 8.000 |\n\n## Fonti di finanziamento\n\nFondi regionali per la cooperazione decentrata.\n\n## Cofinanziamento\n\n10% in valorizzazione del personale.\n", State::Approved),
        (4, "partnership_plan", "Piano dei partenariati", "## Partner\n\n- Commune de Sfax\n- Università di Palermo\n\n## Ruoli e responsabilità\n\n\n## Accordi e strumenti di partenariato\n\nProtocollo d'intesa da firmare nel 2026.\n", State::Resubmitted),
    ];
    for (province, kind, title, markdown, target) in others {
        let author = people.others[(province - 1) * 2];
        if kind == "logframe_rc" {
            let content = Content::Logframe(kotor(&macro_area)).to_json();
            let new = NewProduct {
                organisation: provinces[province],
                kind: "logframe",
                title,
                content: &content,
                due_on: None,
                model_of: None,
                session: None,
            };
            db::products::create(db, &new, Some(author)).await?;
        } else {
            text_product(
                db,
                provinces[province],
                kind,
                title,
                markdown,
                author,
                tutor,
                target,
            )
            .await?;
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::products::quality::{check, Severity};

    fn findings(lf: &Logframe) -> Vec<(&'static str, Severity, String)> {
        check(lf)
            .into_iter()
            .map(|f| (f.rule, f.severity, f.anchor))
            .collect()
    }

    #[test]
    fn the_demo_budget_breaches_one_rule_of_its_call_on_purpose() {
        use domain::products::budget::rules::{self, Outcome};
        let b = durres_budget(Uuid::nil());
        let lf = durres_v2("m");
        assert_eq!(b.budget.problems(&lf), [], "a sound budget");
        let found = rules::check(rules::pack(&b.pack).unwrap(), &b.budget).unwrap();
        let breached: Vec<(&str, &str)> = found
            .iter()
            .filter(|f| f.outcome == Outcome::Breached)
            .map(|f| (f.rule.as_str(), f.anchor.as_str()))
            .collect();
        assert_eq!(breached, [("office-administration-max-15", "partner:p2")]);
        assert!(
            found.iter().all(|f| f.outcome != Outcome::Unknown),
            "{found:?}"
        );
        // Every activity of the logframe has a cost.
        let costs = domain::products::budget::activity_costs(&b.budget.totals().unwrap(), &lf);
        assert_eq!(costs.iter().filter(|(_, c)| *c > 0).count(), 4, "{costs:?}");
    }

    #[test]
    fn the_demo_logframes_show_the_findings_a_tutor_would_raise() {
        use Severity::*;
        // The first version keeps the two flaws the tutor's comments are about: an objective
        // worded as an activity, and an indicator without its baseline year.
        assert_eq!(
            findings(&durres_v1("m")),
            [
                ("no-baseline", Error, "ind:i9".to_string()),
                ("activity-objective", Warning, "row:r2".to_string()),
            ]
        );
        // The second version answers them.
        assert_eq!(findings(&durres_v2("m")), []);
        // The results-chain draft has only its objectives written so far.
        assert_eq!(
            findings(&kotor("m")),
            [
                ("no-indicator", Error, "row:r1".to_string()),
                ("no-indicator", Error, "row:r2".to_string()),
                ("no-indicator", Error, "row:r3".to_string()),
                ("no-assumption", Error, "row:r2".to_string()),
                ("no-assumption", Error, "row:r3".to_string()),
            ]
        );
    }
}
