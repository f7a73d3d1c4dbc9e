//! Salerno's project proposal for the IPA ADRION call, assembled from its strategic plan, its
//! logframe with Durrës, the partnership and the budget tied to it, and sent to the tutor: the
//! eligibility check finds the one funding rule the budget breaches on purpose (Durrës's office
//! and administration costs above 15 % of its staff costs), so its export is a marked draft.

use db::products::{NewProduct, Notice, Transition};
use db::Db;
use domain::products::proposal::{Months, ProposalProduct};
use domain::products::review::{Action, State};
use domain::products::strategy::{AreaChoice, Milestone, StrategicPlan};
use domain::products::Content;
use uuid::Uuid;

/// The narrative sections of the call's template, in Italian as Salerno drafts them before the
/// translation the programme asks for.
const TEXTS: [(&str, &str); 3] = [
    (
        "summary",
        "La Provincia di Salerno e il Comune di Durazzo costruiscono, con quattro partner \
         dell'Adriatico-Ionio, un'offerta di **turismo sostenibile** che allunga la stagione e \
         distribuisce i visitatori sui piccoli comuni. Il progetto dura 24 mesi.",
    ),
    (
        "relevance",
        "Il progetto risponde alla priorità del programma sul turismo sostenibile:\n\n\
         - mette in rete le destinazioni costiere e dell'entroterra;\n\
         - forma il personale dei comuni;\n\
         - coinvolge la Camera di commercio e l'Università di Salerno come associati.",
    ),
    (
        "sustainability",
        "Il tavolo congiunto Salerno–Durazzo resta attivo dopo il progetto con un protocollo \
         d'intesa; i materiali formativi sono pubblicati come modelli su Ponte.",
    ),
];

/// Creates Salerno's strategic plan (when it has none) and the proposal, and sends the proposal
/// to the tutor. `logframe` is the project's logframe, `call` the IPA ADRION call.
pub async fn load(
    db: &Db,
    salerno: Uuid,
    member: Uuid,
    logframe: &str,
    call: Option<Uuid>,
) -> anyhow::Result<Uuid> {
    let lf = match db::products::get(db, Uuid::parse_str(logframe)?).await? {
        Some(p) => match Content::from_json(&p.content) {
            Content::Logframe(lf) => lf,
            _ => anyhow::bail!("the demo logframe is not one"),
        },
        None => anyhow::bail!("the demo logframe is missing"),
    };
    let plan = StrategicPlan {
        areas: vec![AreaChoice {
            macro_area: lf.macro_area.clone(),
            rationale: "Il turismo è la prima leva di sviluppo della costa e dell'entroterra \
                        salernitano; i partner balcanici cercano gli stessi strumenti."
                .into(),
        }],
        priorities: vec![
            "Destagionalizzare i flussi turistici".into(),
            "Rafforzare le competenze del personale dei comuni".into(),
        ],
        countries: vec!["AL".into(), "ME".into()],
        logframes: vec![logframe.to_string()],
        timeline: vec![Milestone {
            when: "2027-01".into(),
            what: "Avvio del progetto con Durazzo".into(),
        }],
    };
    let plan_content = Content::StrategicPlan(plan).to_json();
    let plan_id = db::products::create(
        db,
        &NewProduct {
            organisation: salerno,
            kind: "strategic_plan",
            title: "Piano strategico di apertura internazionale 2026–2028",
            content: &plan_content,
            due_on: None,
            model_of: None,
            session: None,
        },
        Some(member),
    )
    .await?;
    // The work plan: the activities in turn, over the budget's duration.
    let schedule = domain::products::proposal::activities(&lf)
        .into_iter()
        .enumerate()
        .map(|(i, (id, _, _))| {
            let start = 1 + 4 * i as u32;
            (
                id,
                Months {
                    start: start.min(20),
                    end: (start + 7).min(24),
                },
            )
        })
        .collect();
    let template = match call {
        Some(id) => {
            domain::products::proposal::template_of_call(&db::calls::get(db, id).await?.call)
        }
        None => vec![],
    };
    let proposal = ProposalProduct {
        call: call.map(|c| c.to_string()).unwrap_or_default(),
        logframe: logframe.to_string(),
        strategic_plan: plan_id.to_string(),
        sections: TEXTS
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        schedule,
        template,
        // Published with the project in English too (IATI narratives).
        translations: [(
            "en".to_string(),
            domain::products::proposal::Translation {
                title: "Sustainable tourism with Durrës (Albania)".into(),
                summary: "The Province of Salerno and the Municipality of Durrës build a joint \
                          offer of sustainable coastal tourism, with two local actors of each \
                          territory."
                    .into(),
            },
        )]
        .into(),
    };
    let content = Content::Proposal(proposal).to_json();
    let title = "Proposta progettuale — Turismo sostenibile con Durazzo (Albania)";
    let id = db::products::create(
        db,
        &NewProduct {
            organisation: salerno,
            kind: "project_proposal",
            title,
            content: &content,
            due_on: None,
            model_of: None,
            session: None,
        },
        Some(member),
    )
    .await?;
    let to = domain::products::review::next(State::Draft, Action::Submit)
        .ok_or_else(|| anyhow::anyhow!("the demo workflow is wrong"))?;
    let t = Transition {
        from: State::Draft.code(),
        to: to.code(),
        action: to.code(),
        note: "La verifica segnala un requisito non rispettato: i costi d'ufficio di Durazzo \
               superano il 15 % dei costi del personale. Chiediamo al tutor come correggerli.",
        snapshot_label: Some("Inviato al tutor"),
        notice: Notice {
            to: vec![],
            kind: "submitted",
            title: title.into(),
            link: String::new(),
        },
    };
    db::products::transition(db, id, &t, Some(member)).await?;
    Ok(id)
}
