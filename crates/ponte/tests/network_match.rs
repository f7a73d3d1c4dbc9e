//! The network seen whole, on both databases: matchmaking with its reasons in words, its filters
//! and who it is for; a country's page; the map and a group's graph; the open data. Each checks
//! that a relation is seen only at its sharing level (private, programme, public) and that the
//! open data holds public relations only and no personal data.

mod common;

use axum::http::StatusCode;
use chrono::NaiveDate;
use common::{apps, App};
use domain::network::groups::{Contact, GroupDraft, Status};
use domain::network::initiatives::InitiativeDraft;
use domain::network::relations::{Kind, Partner, RelationDraft};
use domain::network::Sharing;
use domain::organisations::{Category, Organisation};
use uuid::Uuid;

/// What the test records, beside the demo's network: in North Macedonia and Jordan, which the
/// demo leaves alone, so that the figures asserted are the test's own.
struct Recorded {
    salerno: Uuid,
    foggia: Uuid,
    cosenza: Uuid,
    group: Uuid,
}

const CONTACTS: [&str; 6] = [
    "Mario Segreto",
    "mario.segreto@example.org",
    "Pubblica Persona",
    "pubblica.persona@example.org",
    "Gina Gruppo",
    "gina.gruppo@example.org",
];

fn foreign(name: &str, country: &str) -> Organisation {
    Organisation {
        category: Category::ForeignPartner,
        name: name.into(),
        pa_kind: None,
        istat_code: None,
        ipa_code: None,
        tax_code: None,
        region_code: None,
        province_code: None,
        country: country.into(),
        partner_type: Some("local_government".into()),
        actor_sector: None,
        actor_public: None,
        website: None,
    }
}

#[allow(clippy::too_many_arguments)]
async fn relation(
    app: &App,
    organisation: Uuid,
    kind: Kind,
    partner: &str,
    country: &str,
    since: i32,
    sharing: Sharing,
    contact: (&str, &str),
    theme: &str,
) -> Uuid {
    let draft = RelationDraft {
        kind,
        country: country.into(),
        partner: Partner::New {
            name: partner.into(),
            partner_type: "local_government".into(),
        },
        start_year: since,
        end_year: None,
        themes: vec![theme.into()],
        contact_name: contact.0.into(),
        contact_email: contact.1.into(),
        funding_programme: String::new(),
        project_role: None,
        amount_cents: None,
        notes: "Nota riservata da non pubblicare".into(),
        sharing,
        documents: vec![],
    };
    db::network::create_relation(
        app.db(),
        organisation,
        &draft,
        Some(&foreign(partner, country)),
        None,
    )
    .await
    .unwrap()
}

async fn record(app: &App) -> Recorded {
    let salerno = app.organisation("Provincia di Salerno").await;
    let foggia = app.organisation("Provincia di Foggia").await;
    let cosenza = app.organisation("Provincia di Cosenza").await;
    let theme = format!(
        "m:{}",
        db::library::macro_areas(app.db()).await.unwrap()[0].code
    );
    relation(
        app,
        foggia,
        Kind::Twinning,
        "Opština Ohrid (prova)",
        "MK",
        2009,
        Sharing::Programme,
        (CONTACTS[0], CONTACTS[1]),
        &theme,
    )
    .await;
    relation(
        app,
        foggia,
        Kind::Memorandum,
        "Partner Riservato (prova)",
        "JO",
        2015,
        Sharing::Private,
        (CONTACTS[0], CONTACTS[1]),
        &theme,
    )
    .await;
    relation(
        app,
        cosenza,
        Kind::InformalContact,
        "Municipality of Amman (prova)",
        "JO",
        2018,
        Sharing::Public,
        (CONTACTS[2], CONTACTS[3]),
        &theme,
    )
    .await;
    let draft = GroupDraft {
        name: "Gruppo di prova Ohrid".into(),
        purpose: "Turismo lacustre".into(),
        countries: vec!["MK".into()],
        themes: vec![theme.clone()],
        status: Status::Forming,
        members: vec![salerno, foggia],
    };
    let contacts: Vec<Contact> = [salerno, foggia]
        .into_iter()
        .map(|organisation| Contact {
            organisation,
            contact_name: CONTACTS[4].into(),
            contact_email: CONTACTS[5].into(),
        })
        .collect();
    let on = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let group = db::network::create_group(app.db(), &draft, &contacts, on, None)
        .await
        .unwrap();
    let initiative = InitiativeDraft {
        title: "Iniziativa di prova sui laghi".into(),
        summary: "Sentieri tra i laghi".into(),
        lead: salerno,
        partners: vec![foggia],
        countries: vec!["MK".into(), "JO".into()],
        call_name: "Bando di prova".into(),
        call_deadline: None,
        budget_cents: Some(12_345_678),
        products: vec![],
    };
    db::network::create_initiative(app.db(), group, &initiative, on, None)
        .await
        .unwrap();
    Recorded {
        salerno,
        foggia,
        cosenza,
        group,
    }
}

fn text(body: &str) -> String {
    body.replace("&#x27;", "'").replace("&quot;", "\"")
}

#[tokio::test]
async fn matchmaking_explains_itself_and_sees_only_what_is_shared() {
    for app in apps().await {
        let name = app.backend.name;
        let r = record(&app).await;
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let page = coordinator.get("/network/match").await;
        assert_eq!(page.status, StatusCode::OK, "{name}: {}", page.body);
        let body = text(&page.body);
        // Salerno and Foggia are in the same group aiming at North Macedonia; Foggia's twinning
        // there is shared with the programme; its memorandum in Jordan is private.
        assert!(
            body.contains("Paese obiettivo di entrambe: Macedonia del Nord"),
            "{name}: {body}"
        );
        assert!(
            body.contains(
                "Provincia di Foggia ha un gemellaggio con Opština Ohrid (prova) (Macedonia del Nord) dal 2009"
            ),
            "{name}: {body}"
        );
        // Cosenza's public contact in Jordan serves Salerno, whose initiative aims at Jordan.
        assert!(
            body.contains("Provincia di Cosenza ha un contatto con Municipality of Amman (prova) (Giordania) dal 2018"),
            "{name}: {body}"
        );
        assert!(
            !body.contains("Partner Riservato"),
            "{name}: a private relation leaked"
        );
        // Filters: by country, by region (Cosenza is in Calabria, 18; Foggia in Puglia, 16).
        let jordan = text(
            &coordinator
                .get("/network/match?country=JO&region=18")
                .await
                .body,
        );
        assert!(jordan.contains("Municipality of Amman (prova)"), "{name}");
        assert!(
            !jordan.contains("Opština Ohrid"),
            "{name}: Foggia is not in Calabria"
        );
        let puglia = text(&coordinator.get("/network/match?region=16").await.body);
        assert!(puglia.contains("Opština Ohrid"), "{name}");
        assert!(!puglia.contains("Municipality of Amman (prova)"), "{name}");
        // Foggia's only relation in Jordan is private: the filter does not find it through it.
        let jordan_all = text(
            &coordinator
                .get("/network/match?country=JO&region=16")
                .await
                .body,
        );
        assert!(!jordan_all.contains("Partner Riservato"), "{name}");
        // Bad filters are refused, another administration's list is not the coordinator's.
        for bad in [
            "/network/match?country=ZZ",
            "/network/match?country=IT",
            "/network/match?theme=nothing",
            "/network/match?region=99",
            "/network/match?organisation=not-an-id",
        ] {
            let reply = coordinator.get(bad).await;
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{name}: {bad}");
        }
        let foggia_list = coordinator
            .get(&format!("/network/match?organisation={}", r.foggia))
            .await;
        assert_eq!(foggia_list.status, StatusCode::NOT_FOUND, "{name}");
        // Staff choose the administration, and see private records too.
        let mut staff = app.signed_in("staff@ponte.example").await;
        let pick = text(&staff.get("/network/match").await.body);
        assert!(pick.contains("Scegli un'amministrazione"), "{name}");
        let for_foggia = text(
            &staff
                .get(&format!("/network/match?organisation={}", r.foggia))
                .await
                .body,
        );
        assert!(
            for_foggia.contains("Provincia di Salerno"),
            "{name}: {for_foggia}"
        );
        assert!(
            for_foggia.contains("Provincia di Foggia ha un protocollo d'intesa con Partner Riservato (prova) (Giordania) dal 2015"),
            "{name}: staff see private relations: {for_foggia}"
        );
        // In English and French, the same reasons in the reader's language.
        for (language, expected) in [
            ("en", "Both target North Macedonia"),
            ("fr", "Pays cible commun : Macédoine du Nord"),
        ] {
            let mut reader = app.signed_in("coordinatore@ponte.example").await;
            reader
                .headers
                .push(("accept-language".into(), language.into()));
            let page = text(&reader.get("/network/match").await.body);
            assert!(page.contains(expected), "{name} {language}: {page}");
        }
        let _ = r.salerno;
    }
}

#[tokio::test]
async fn country_pages_map_and_graph_follow_the_sharing_levels() {
    for app in apps().await {
        let name = app.backend.name;
        let r = record(&app).await;
        let mut guest = app.client();
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        // A country's page: a guest sees the public relations only.
        let mk_guest = text(&guest.get("/network/countries/MK").await.body);
        assert!(
            !mk_guest.contains("Opština Ohrid"),
            "{name}: programme relation shown to a guest"
        );
        assert!(mk_guest.contains("Iniziativa di prova sui laghi"), "{name}");
        let mk = coordinator.get("/network/countries/MK").await;
        assert_eq!(mk.status, StatusCode::OK, "{name}");
        let mk = text(&mk.body);
        assert!(mk.contains("Provincia di Foggia"), "{name}");
        assert!(
            mk.contains("Gemellaggio con Opština Ohrid (prova), dal 2009"),
            "{name}: {mk}"
        );
        assert!(mk.contains("Gruppo di prova Ohrid"), "{name}");
        let jo = text(&guest.get("/network/countries/jo").await.body);
        assert!(jo.contains("Municipality of Amman (prova)"), "{name}");
        assert!(!jo.contains("Partner Riservato"), "{name}");
        let jo_puglia = text(
            &coordinator
                .get("/network/countries/JO?region=16")
                .await
                .body,
        );
        assert!(
            !jo_puglia.contains("Municipality of Amman"),
            "{name}: Cosenza is not in Puglia"
        );
        assert_eq!(
            guest.get("/network/countries/ZZ").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            guest.get("/network/countries/IT").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            guest.get("/network/countries/JO?region=99").await.status,
            StatusCode::BAD_REQUEST
        );
        // The map: Puglia to North Macedonia, a relation and an initiative for the
        // coordinator; only the initiative for a guest.
        let map = coordinator.get("/network/map").await;
        assert_eq!(map.status, StatusCode::OK, "{name}");
        let map = text(&map.body);
        assert!(
            map.contains("href=\"/network/countries/MK?region=16\""),
            "{name}"
        );
        assert!(
            map.contains("Puglia – Macedonia del Nord: una relazione, un'iniziativa"),
            "{name}: {map}"
        );
        let guest_map = text(&guest.get("/network/map").await.body);
        assert!(
            guest_map.contains("Puglia – Macedonia del Nord: 0 relazioni, un'iniziativa"),
            "{name}"
        );
        assert!(
            guest_map.contains("Calabria – Giordania: una relazione, 0 iniziative"),
            "{name}: Cosenza's public contact in Jordan"
        );
        // The group's graph: its members' relations in its countries and pooled ones.
        let graph = coordinator
            .get(&format!("/network/groups/{}/graph", r.group))
            .await;
        assert_eq!(graph.status, StatusCode::OK, "{name}");
        let graph = text(&graph.body);
        assert!(graph.contains("Opština Ohrid (prova)"), "{name}");
        assert!(
            !graph.contains("Partner Riservato"),
            "{name}: not in the group's countries"
        );
        let mut actor = app.signed_in("attore@ponte.example").await;
        assert_eq!(
            actor
                .get(&format!("/network/groups/{}/graph", r.group))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            coordinator
                .get(&format!("/network/groups/{}/graph", Uuid::nil()))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let _ = (r.salerno, r.cosenza);
    }
}

#[tokio::test]
async fn open_data_holds_public_relations_and_no_personal_data() {
    for app in apps().await {
        let name = app.backend.name;
        record(&app).await;
        let mut guest = app.client();
        let page = guest.get("/network/open-data").await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        // Every contact name and e-mail address the network holds, the demo's included.
        let people: Vec<String> = {
            let mut v: Vec<String> = CONTACTS.iter().map(|s| s.to_string()).collect();
            for r in db::network::atlas::relations(app.db()).await.unwrap() {
                let full = db::network::relation(app.db(), r.id).await.unwrap();
                v.push(full.contact_name.clone());
                v.push(full.contact_email.clone());
            }
            v.retain(|s| !s.trim().is_empty());
            v
        };
        let mut files = Vec::new();
        for file in [
            "relations.csv",
            "relations.json",
            "groups.csv",
            "groups.json",
            "initiatives.csv",
            "initiatives.json",
        ] {
            let reply = guest.get(&format!("/network/open-data/{file}")).await;
            assert_eq!(reply.status, StatusCode::OK, "{name}: {file}");
            let body = reply.body.clone();
            for p in &people {
                assert!(!body.contains(p.as_str()), "{name}: {file} holds «{p}»");
            }
            assert!(
                !body.contains('@'),
                "{name}: {file} holds an e-mail address"
            );
            assert!(
                !body.contains("Nota riservata"),
                "{name}: {file} holds notes"
            );
            files.push((file, body));
        }
        let relations = &files[1].1;
        assert!(
            relations.contains("Municipality of Amman (prova)"),
            "{name}"
        );
        assert!(
            !relations.contains("Opština Ohrid"),
            "{name}: a programme relation published"
        );
        assert!(
            !relations.contains("Partner Riservato"),
            "{name}: a private relation published"
        );
        // Exactly the public relations, in CSV and in JSON.
        let public: Vec<String> = db::network::atlas::relations(app.db())
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.sharing == Sharing::Public)
            .map(|r| r.id.to_string())
            .collect();
        let json: serde_json::Value = serde_json::from_str(relations).unwrap();
        let mut published: Vec<String> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        published.sort();
        let mut expected = public.clone();
        expected.sort();
        assert_eq!(published, expected, "{name}");
        let csv = &files[0].1;
        assert_eq!(csv.lines().count(), public.len() + 1, "{name}: {csv}");
        for id in &public {
            assert!(csv.contains(id.as_str()), "{name}");
        }
        let initiatives = &files[5].1;
        assert!(
            initiatives.contains("Iniziativa di prova sui laghi"),
            "{name}"
        );
        assert!(
            initiatives.contains("\"budget_eur\":\"123456.78\""),
            "{name}: {initiatives}"
        );
        let groups = &files[2].1;
        assert!(groups.contains("Gruppo di prova Ohrid"), "{name}");
        assert!(groups.contains("Provincia di Foggia"), "{name}");
        assert_eq!(
            guest.get("/network/open-data/people.csv").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            guest.get("/network/open-data/relations.xml").await.status,
            StatusCode::NOT_FOUND
        );
    }
}
