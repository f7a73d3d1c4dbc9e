//! Demo funding calls, one per call-level rule pack, with only the facts the packs cite (no
//! deadline or country list is invented where the sources give none), and Salerno's partnership
//! for its project with Durrës: the budget's six partners with two local actors of its
//! territorial table as associates, answering the IPA ADRION call; and the proposal assembled
//! from them ([`crate::demo_proposal`]).

use db::Db;
use domain::calls::{Call, GroupMinimum};
use domain::products::budget::money::Decimal;
use domain::products::partnership::{
    Letter, LetterKind, Partner, Partnership, PartnershipProduct, Role,
};
use domain::products::Content;
use uuid::Uuid;

fn percent(whole: u64) -> Option<Decimal> {
    Some(Decimal::whole(whole))
}

fn euro(whole: i64) -> Option<i64> {
    Some(whole * 100)
}

fn minimum(group: &str, count: u32) -> GroupMinimum {
    GroupMinimum {
        group: group.into(),
        count,
    }
}

/// The calls, as the rule packs in `crates/domain/rules` state them.
fn calls() -> Vec<Call> {
    vec![
        Call {
            name: "IPA ADRION — primo bando".into(),
            programme: "Interreg IPA ADRION 2021-2027".into(),
            pack: "ipa-adrion-call1".into(),
            eu_rate_max: percent(85),
            grant_max: euro(1_500_000),
            months_max: Some(36),
            partners_min: 6,
            countries_min: 6,
            per_country_max: Some(2),
            group_minima: vec![minimum("erdf", 3), minimum("ipa", 3)],
            source: "Interreg IPA ADRION, terms of reference of the first call for proposals \
                     (call 1) [src: ucg.ac.me]. At most 12 partners recommended; an organisation \
                     may take part in at most 3 proposals and lead at most 2."
                .into(),
            ..Call::default()
        },
        Call {
            name: "NEXT MED — primo bando".into(),
            programme: "Interreg NEXT MED 2021-2027".into(),
            pack: "next-med-call1".into(),
            eu_rate_max: percent(89),
            grant_min: euro(500_000),
            grant_max: euro(2_500_000),
            months_max: Some(36),
            partners_min: 3,
            countries_min: 3,
            group_minima: vec![minimum("mpc", 1)],
            source: "Interreg NEXT MED, first call for proposals (call 1) [src: cesam-la.pt]. \
                     Co-financing at least 11 %."
                .into(),
            ..Call::default()
        },
        Call {
            name: "AICS — bando per gli enti territoriali 2019/20".into(),
            programme: "Agenzia italiana per la cooperazione allo sviluppo".into(),
            pack: "aics-local-authorities-2019".into(),
            grant_max: euro(1_400_000),
            months_min: Some(24),
            months_max: Some(36),
            source:
                "AICS call for proposals for Italian local authorities, 2019/20 [src: aise.it; \
                     fasi.eu]. Grant at most €900,000 for 24–29 months, €1.4 M up to 36 months \
                     (checked on the budget by its rule pack); re-granting at most 20 %; one \
                     proposal as lead."
                    .into(),
            ..Call::default()
        },
        Call {
            name: "AICS — bando per gli enti territoriali 2017".into(),
            programme: "Agenzia italiana per la cooperazione allo sviluppo".into(),
            pack: "aics-local-authorities-2017".into(),
            eu_rate_max: percent(80),
            grant_max: euro(500_000),
            source: "AICS call for proposals for Italian local authorities, 2017 [src: aise.it; \
                     fasi.eu]: the agency pays at most 80 % of the cost."
                .into(),
            ..Call::default()
        },
    ]
}

/// Who and what the demo partnership names.
pub struct Parts {
    pub staff: Uuid,
    pub member: Uuid,
    pub salerno: Uuid,
    pub chamber: Uuid,
    pub university: Uuid,
}

/// Loads the calls and Salerno's partnership; returns how many calls.
pub async fn load(db: &Db, parts: &Parts) -> anyhow::Result<usize> {
    let mut adrion = None;
    let all = calls();
    for call in &all {
        let id = db::calls::create(db, call, Some(parts.staff)).await?;
        if call.pack == "ipa-adrion-call1" {
            adrion = Some(id);
        }
    }
    // The partnership covers the project the budget is for: the budget's logframe.
    let logframe = db::products::contents_of_kind(db, parts.salerno, "budget")
        .await?
        .into_iter()
        .find_map(|c| match Content::from_json(&c) {
            Content::Budget(bp) => Some(bp.logframe),
            _ => None,
        })
        .ok_or_else(|| anyhow::anyhow!("Salerno has no demo budget"))?;
    let durres = db::organisations::search(db, None, Some("Durrës"), 5, 0)
        .await?
        .0
        .first()
        .map(|o| o.id.to_string())
        .unwrap_or_default();
    let date = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
    let letter = |kind, at| {
        Some(Letter {
            kind,
            document: String::new(),
            date: at,
        })
    };
    #[allow(clippy::too_many_arguments)]
    fn partner(
        id: &str,
        organisation: String,
        name: &str,
        role: Role,
        country: &str,
        org_type: &str,
        legal_status: &str,
        contribution: &str,
        share: Option<u64>,
        letter: Option<Letter>,
    ) -> Partner {
        Partner {
            id: id.into(),
            organisation,
            name: name.into(),
            role,
            country: country.into(),
            org_type: org_type.into(),
            legal_status: legal_status.into(),
            contact: String::new(),
            contribution: contribution.into(),
            cofinancing: share.map(Decimal::whole),
            letter,
        }
    }
    let local = "Ente pubblico territoriale";
    let partners = vec![
        partner(
            "p1",
            parts.salerno.to_string(),
            "Provincia di Salerno",
            Role::Lead,
            "IT",
            "11",
            local,
            "Coordinamento del progetto, tavolo di lavoro congiunto, rendicontazione.",
            Some(40),
            None,
        ),
        partner(
            "p2",
            durres,
            "Bashkia Durrës (Comune di Durazzo)",
            Role::Partner,
            "AL",
            "11",
            "Bashki (municipalità)",
            "Piano di promozione turistica sostenibile; sede degli incontri a Durazzo.",
            Some(20),
            letter(LetterKind::Mandate, date(2, 10)),
        ),
        partner(
            "p3",
            String::new(),
            "Regione dell'Epiro",
            Role::Partner,
            "GR",
            "11",
            local,
            "Esperienza di itinerari costieri; formazione del personale.",
            Some(10),
            letter(LetterKind::Intent, date(2, 20)),
        ),
        partner(
            "p4",
            String::new(),
            "Contea di Zara",
            Role::Partner,
            "HR",
            "11",
            local,
            "Gestione delle destinazioni turistiche: scambio di pratiche.",
            Some(10),
            letter(LetterKind::Intent, date(2, 24)),
        ),
        partner(
            "p5",
            String::new(),
            "Comune di Cattaro",
            Role::Partner,
            "ME",
            "11",
            local,
            "Mappatura dell'offerta turistica del golfo.",
            Some(10),
            letter(LetterKind::Intent, date(3, 2)),
        ),
        // Mostar's letter is still awaited: the check says so.
        partner(
            "p6",
            String::new(),
            "Città di Mostar",
            Role::Partner,
            "BA",
            "11",
            local,
            "Percorsi culturali e promozione congiunta.",
            Some(10),
            None,
        ),
        partner(
            "p7",
            parts.chamber.to_string(),
            "Camera di commercio di Salerno",
            Role::Associate,
            "IT",
            "15",
            "Ente pubblico economico",
            "Coinvolgimento degli operatori turistici del territorio.",
            None,
            letter(LetterKind::Intent, date(1, 28)),
        ),
        partner(
            "p8",
            parts.university.to_string(),
            "Università degli Studi di Salerno",
            Role::Associate,
            "IT",
            "80",
            "Università statale",
            "Valutazione dei flussi turistici e formazione.",
            None,
            letter(LetterKind::Intent, date(1, 30)),
        ),
    ];
    let content = Content::Partnership(PartnershipProduct {
        logframe: logframe.clone(),
        call: adrion.map(|id| id.to_string()).unwrap_or_default(),
        partnership: Partnership {
            partners,
            last_id: 8,
        },
    })
    .to_json();
    let new = db::products::NewProduct {
        organisation: parts.salerno,
        kind: "partnership_plan",
        title: "Partenariato — Turismo sostenibile con Durazzo (Albania)",
        content: &content,
        due_on: None,
        model_of: None,
        session: None,
    };
    db::products::create(db, &new, Some(parts.member)).await?;
    crate::demo_proposal::load(db, parts.salerno, parts.member, &logframe, adrion).await?;
    Ok(all.len())
}
