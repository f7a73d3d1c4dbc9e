//! The interregional network on both databases: who sees a relation at each sharing level
//! (through the list's query and the pure rule, which must agree), groups formed only across two
//! regions, initiatives moved through their states with every move kept, and refusals that
//! change nothing.

mod common;

use common::{apps, App};
use domain::network::groups::{check_regions, Contact, GroupDraft, Status as GroupStatus};
use domain::network::initiatives::{transition, Facts, InitiativeDraft, State};
use domain::network::relations::{Kind, Partner, RelationDraft};
use domain::network::{Sharing, Viewer};
use uuid::Uuid;

async fn user_id(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no user {email}"))
        .id
}

/// The network viewer the person signed in as `email` is (none: a guest).
async fn viewer(app: &App, email: Option<&str>) -> Viewer {
    let who = match email {
        Some(e) => Some(
            db::accounts::principal(app.db(), user_id(app, e).await)
                .await
                .unwrap(),
        ),
        None => None,
    };
    db::network::viewer(app.db(), who.as_ref()).await.unwrap()
}

/// How many entries the audit log holds: every change writes one.
async fn changes(app: &App) -> i64 {
    db::audit::page(app.db(), None, 1, 0).await.unwrap().1
}

async fn durres(app: &App) -> Uuid {
    app.organisation("Bashkia Durrës (Comune di Durazzo)").await
}

fn relation(partner: Uuid, sharing: Sharing, start_year: i32) -> RelationDraft {
    RelationDraft {
        kind: Kind::Twinning,
        country: "AL".into(),
        partner: Partner::Registry(partner),
        start_year,
        end_year: None,
        themes: vec![],
        contact_name: "Ufficio relazioni internazionali".into(),
        contact_email: "internazionale@example.org".into(),
        funding_programme: String::new(),
        project_role: None,
        amount_cents: None,
        notes: String::new(),
        sharing,
        documents: vec![],
    }
}

/// The ids, among `ids`, of the relations `viewer` finds in the list of `organisation`.
async fn listed(app: &App, viewer: &Viewer, organisation: Uuid, ids: &[Uuid]) -> Vec<Uuid> {
    let filter = db::network::RelationFilter {
        organisation: Some(organisation),
        ..Default::default()
    };
    let (found, _) = db::network::relations(app.db(), viewer, &filter, 0)
        .await
        .unwrap();
    ids.iter()
        .copied()
        .filter(|id| found.iter().any(|r| r.id == *id))
        .collect()
}

#[tokio::test]
async fn each_sharing_level_reaches_whom_it_says() {
    for app in apps().await {
        let name = app.backend.name;
        let foggia = app.organisation("Provincia di Foggia").await;
        let salerno = app.organisation("Provincia di Salerno").await;
        let partner = durres(&app).await;
        let author = user_id(&app, "m.longo@provincia.foggia.example").await;
        let mut ids = Vec::new();
        for (sharing, year) in [
            (Sharing::Private, 2001),
            (Sharing::Programme, 2002),
            (Sharing::Public, 2003),
        ] {
            ids.push(
                db::network::create_relation(
                    app.db(),
                    foggia,
                    &relation(partner, sharing, year),
                    None,
                    Some(author),
                )
                .await
                .unwrap(),
            );
        }
        let [private, programme, public] = [ids[0], ids[1], ids[2]];
        let cases: [(Option<&str>, Vec<Uuid>); 7] = [
            (Some("a.sorrentino@provincia.foggia.example"), ids.clone()),
            (Some("staff@ponte.example"), ids.clone()),
            (Some("tutor@ponte.example"), ids.clone()),
            (Some("admin@ponte.example"), ids.clone()),
            (Some("coordinatore@ponte.example"), vec![programme, public]),
            (Some("attore@ponte.example"), vec![public]),
            (None, vec![public]),
        ];
        for (email, expected) in &cases {
            let v = viewer(&app, *email).await;
            assert_eq!(
                &listed(&app, &v, foggia, &ids).await,
                expected,
                "{name}: {email:?} lists"
            );
            // The pure rule, asked of each record, agrees with the query.
            for id in &ids {
                let r = db::network::relation(app.db(), *id).await.unwrap();
                let pooled = db::network::pooled_into(app.db(), *id).await.unwrap();
                assert_eq!(
                    v.sees(r.organisation_id, r.sharing, &pooled),
                    expected.contains(id),
                    "{name}: {email:?} sees {:?}",
                    r.sharing
                );
            }
        }
        // Pooled into a group of Salerno and Foggia, the private relation reaches Salerno.
        let group = db::network::create_group(
            app.db(),
            &group_draft(),
            &[contact(salerno), contact(foggia)],
            app.db().now().date_naive(),
            Some(author),
        )
        .await
        .unwrap();
        db::network::pool_relation(app.db(), group, private, Some(author))
            .await
            .unwrap();
        let salerno_coordinator = viewer(&app, Some("coordinatore@ponte.example")).await;
        assert!(salerno_coordinator.groups.contains(&group), "{name}");
        assert_eq!(
            listed(&app, &salerno_coordinator, foggia, &ids).await,
            ids,
            "{name}: pooled"
        );
        let pooled_only = db::network::RelationFilter {
            group: Some(group),
            ..Default::default()
        };
        let (in_group, more) =
            db::network::relations(app.db(), &salerno_coordinator, &pooled_only, 0)
                .await
                .unwrap();
        assert_eq!(
            in_group.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![private],
            "{name}"
        );
        assert!(!more);
        // Someone of an administration outside the group still does not see it.
        let caserta = viewer(&app, Some("r.caruso@provincia.caserta.example")).await;
        assert_eq!(
            listed(&app, &caserta, foggia, &ids).await,
            vec![programme, public],
            "{name}: caserta"
        );
        // Taken out of the group, it is private again.
        db::network::unpool_relation(app.db(), group, private, Some(author))
            .await
            .unwrap();
        assert_eq!(
            listed(&app, &salerno_coordinator, foggia, &ids).await,
            vec![programme, public],
            "{name}: unpooled"
        );
    }
}

fn group_draft() -> GroupDraft {
    GroupDraft {
        name: "Gruppo di prova".into(),
        purpose: "Provare le regole".into(),
        countries: vec!["AL".into()],
        themes: vec![],
        status: GroupStatus::Forming,
        members: vec![],
    }
}

fn contact(organisation: Uuid) -> Contact {
    Contact {
        organisation,
        contact_name: "Referente".into(),
        contact_email: "referente@example.org".into(),
    }
}

#[tokio::test]
async fn groups_need_two_regions_as_the_registry_says() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let partner = durres(&app).await;
        let facts = |ids: Vec<Uuid>| {
            let app = &app;
            async move {
                db::network::organisations(app.db(), &ids)
                    .await
                    .unwrap()
                    .iter()
                    .map(|o| o.founder())
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(
            check_regions(&facts(vec![salerno, caserta]).await),
            Err("error-network-group-one-region"),
            "{name}"
        );
        assert_eq!(
            check_regions(&facts(vec![salerno, caserta, foggia]).await),
            Ok(()),
            "{name}"
        );
        assert_eq!(
            check_regions(&facts(vec![salerno, foggia, partner]).await),
            Err("error-network-group-not-administration"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn initiatives_move_through_their_states_and_keep_every_move() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let author = user_id(&app, "coordinatore@ponte.example").await;
        let today = app.db().now().date_naive();
        let group = db::network::create_group(
            app.db(),
            &group_draft(),
            &[contact(salerno), contact(foggia)],
            today,
            Some(author),
        )
        .await
        .unwrap();
        let draft = InitiativeDraft {
            title: "Rotte del turismo lento".into(),
            summary: String::new(),
            lead: salerno,
            partners: vec![foggia, durres(&app).await],
            countries: vec!["AL".into(), "ME".into()],
            call_name: String::new(),
            call_deadline: None,
            budget_cents: Some(120_000_000),
            products: vec![],
        };
        let id = db::network::create_initiative(app.db(), group, &draft, today, Some(author))
            .await
            .unwrap();
        let i = db::network::initiative(app.db(), id).await.unwrap();
        assert_eq!((i.state, i.budget_cents), (State::Idea, Some(120_000_000)));
        let partners = db::network::initiative_partners(app.db(), &[id])
            .await
            .unwrap();
        assert_eq!(partners.len(), 2, "{name}");
        // Idea → preparation.
        let mv = transition(
            i.state,
            State::Preparation,
            today,
            "",
            Facts {
                since: Some(i.state_on),
                has_call: false,
            },
            today,
        )
        .unwrap();
        db::network::move_initiative(app.db(), id, i.version, &mv, Some(author))
            .await
            .unwrap();
        // A second move from the same read (a stale version) is refused and stores nothing.
        let before = changes(&app).await;
        let stale = db::network::move_initiative(app.db(), id, i.version, &mv, Some(author)).await;
        assert!(matches!(stale, Err(db::DbError::Conflict)), "{name}");
        assert_eq!(changes(&app).await, before, "{name}");
        let i = db::network::initiative(app.db(), id).await.unwrap();
        assert_eq!(i.state, State::Preparation);
        // Submitting needs the call; backwards needs a reason: refused by the rule.
        let facts = Facts {
            since: Some(i.state_on),
            has_call: !i.call_name.is_empty(),
        };
        assert_eq!(
            transition(i.state, State::Submitted, today, "", facts, today),
            Err("error-network-initiative-call")
        );
        assert_eq!(
            transition(i.state, State::Idea, today, "", facts, today),
            Err("error-network-initiative-reason")
        );
        let back = transition(
            i.state,
            State::Idea,
            today,
            "Partner withdrew",
            facts,
            today,
        )
        .unwrap();
        db::network::move_initiative(app.db(), id, i.version, &back, Some(author))
            .await
            .unwrap();
        let events = db::network::events(app.db(), &[id]).await.unwrap();
        let path: Vec<(Option<&str>, &str, &str)> = events
            .iter()
            .map(|e| {
                (
                    e.from_state.as_deref(),
                    e.to_state.as_str(),
                    e.reason.as_str(),
                )
            })
            .collect();
        assert_eq!(
            path,
            vec![
                (None, "idea", ""),
                (Some("idea"), "preparation", ""),
                (Some("preparation"), "idea", "Partner withdrew"),
            ],
            "{name}"
        );
    }
}

#[tokio::test]
async fn the_demo_network() {
    for app in apps().await {
        let name = app.backend.name;
        let staff = viewer(&app, Some("staff@ponte.example")).await;
        let (all, _) = db::network::relations(app.db(), &staff, &Default::default(), 0)
            .await
            .unwrap();
        let mut countries: Vec<&str> = all.iter().map(|r| r.country.as_str()).collect();
        countries.sort();
        countries.dedup();
        assert_eq!(
            countries,
            vec!["AL", "BA", "LB", "MA", "ME", "RS", "TN"],
            "{name}"
        );
        assert!(
            all.iter()
                .any(|r| r.kind == Kind::PastProject && !r.funding_programme.is_empty()),
            "{name}"
        );
        let groups = db::network::groups(app.db()).await.unwrap();
        assert_eq!(groups.len(), 2, "{name}");
        let adriatic = groups
            .iter()
            .find(|g| g.name == "Adriatico sostenibile")
            .unwrap();
        assert_eq!(adriatic.countries, vec!["AL", "ME"]);
        let members = db::network::members(app.db(), &[adriatic.id])
            .await
            .unwrap();
        let mut regions: Vec<&str> = members
            .iter()
            .filter_map(|m| m.region_code.as_deref())
            .collect();
        regions.sort();
        regions.dedup();
        assert_eq!(regions, vec!["15", "16", "18"], "{name}");
        let initiatives = db::network::initiatives(app.db(), Some(adriatic.id))
            .await
            .unwrap();
        let mut states: Vec<State> = initiatives.iter().map(|i| i.state).collect();
        states.sort_by_key(|s| s.step());
        assert_eq!(states, vec![State::Submitted, State::Running], "{name}");
        let forming = groups.iter().find(|g| g.id != adriatic.id).unwrap();
        assert_eq!(forming.status, GroupStatus::Forming, "{name}");
        // A guest sees only what the administrations made public.
        let (public, _) =
            db::network::relations(app.db(), &Viewer::guest(), &Default::default(), 0)
                .await
                .unwrap();
        assert!(!public.is_empty() && public.len() < all.len(), "{name}");
        assert!(
            public.iter().all(|r| r.sharing == Sharing::Public),
            "{name}"
        );
    }
}

/// The demo's records of the network, for the pages' tests.
struct Demo {
    relation: Uuid,
    experience: Uuid,
    group: Uuid,
    forming: Uuid,
    initiative: Uuid,
}

async fn demo(app: &App) -> Demo {
    let salerno = app.organisation("Provincia di Salerno").await;
    let everyone = Viewer {
        everything: true,
        ..Default::default()
    };
    let filter = db::network::RelationFilter {
        organisation: Some(salerno),
        ..Default::default()
    };
    let relation = db::network::relations(app.db(), &everyone, &filter, 0)
        .await
        .unwrap()
        .0[0]
        .id;
    let experience = db::network::experiences(app.db(), &everyone, Some(salerno), 0)
        .await
        .unwrap()
        .0[0]
        .id;
    let groups = db::network::groups(app.db()).await.unwrap();
    let group = groups
        .iter()
        .find(|g| g.name == "Adriatico sostenibile")
        .unwrap()
        .id;
    let forming = groups.iter().find(|g| g.id != group).unwrap().id;
    let initiative = db::network::initiatives(app.db(), Some(group))
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.state == State::Submitted)
        .unwrap()
        .id;
    Demo {
        relation,
        experience,
        group,
        forming,
        initiative,
    }
}

#[tokio::test]
async fn the_pages_open_for_the_programme_in_three_languages() {
    for app in apps().await {
        let name = app.backend.name;
        let d = demo(&app).await;
        let pages = [
            "/network".to_string(),
            "/network/relations".into(),
            "/network/relations?country=AL&kind=twinning".into(),
            "/network/relations/new".into(),
            format!("/network/relations/{}", d.relation),
            format!("/network/relations/{}/edit", d.relation),
            "/network/experiences".into(),
            "/network/experiences/new".into(),
            format!("/network/experiences/{}", d.experience),
            format!("/network/experiences/{}/edit", d.experience),
            "/network/groups".into(),
            "/network/groups/new".into(),
            format!("/network/groups/{}", d.group),
            format!("/network/groups/{}", d.forming),
            format!("/network/groups/{}/initiatives/new", d.group),
            format!("/network/initiatives/{}", d.initiative),
        ];
        for language in ["it", "en", "fr"] {
            let mut c = app.signed_in("coordinatore@ponte.example").await;
            c.get(&format!("/language/{language}")).await;
            for page in &pages {
                let r = c.get(page).await;
                assert_eq!(r.status, 200, "{name} {language} {page}: {}", r.body);
            }
        }
        // The group page shows its initiatives on a timeline, with the call's deadline.
        let mut c = app.signed_in("coordinatore@ponte.example").await;
        let body = c.get(&format!("/network/groups/{}", d.group)).await.body;
        assert!(
            body.contains("Rotte adriatiche del turismo lento"),
            "{name}"
        );
        assert!(body.contains("Le iniziative nel tempo"), "{name}");
        assert!(body.contains("2025-11-28"), "{name}: the deadline");
        assert!(body.contains("In comune") || body.contains("Relazioni in comune"));
        // A tutor reads every page, edits none.
        let mut tutor = app.signed_in("tutor@ponte.example").await;
        assert_eq!(
            tutor
                .get(&format!("/network/groups/{}", d.group))
                .await
                .status,
            200
        );
        assert_eq!(
            tutor
                .get(&format!("/network/relations/{}/edit", d.relation))
                .await
                .status,
            403
        );
    }
}

/// A form's pairs as the client sends them.
fn send<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, x)| (*k, x.as_str())).collect()
}

/// Sends a form that must be refused with `status` and `message` (in Italian, as the page shows
/// it), storing nothing.
async fn refused(
    app: &App,
    c: &mut common::Client,
    path: &str,
    form: &[(&str, &str)],
    status: u16,
    message: &str,
) {
    let before = changes(app).await;
    let r = c.post(path, form).await;
    let context = format!("{path} {form:?} on {}", app.backend.name);
    assert_eq!(r.status.as_u16(), status, "{context}: {}", r.body);
    let body = r.body.replace("&#x27;", "'").replace("&quot;", "\"");
    assert!(
        body.contains(message),
        "{context}: no «{message}» in {body}"
    );
    assert_eq!(
        changes(app).await,
        before,
        "{context}: something was stored"
    );
}

#[tokio::test]
async fn bad_input_is_refused_with_its_reason_and_changes_nothing() {
    for app in apps().await {
        let name = app.backend.name;
        let d = demo(&app).await;
        let salerno = app.organisation("Provincia di Salerno").await.to_string();
        let caserta = app.organisation("Provincia di Caserta").await.to_string();
        let foggia = app.organisation("Provincia di Foggia").await.to_string();
        let durres = durres(&app).await.to_string();
        let relation = |country: &'static str, start: &'static str, end: &'static str| {
            vec![
                ("organisation", salerno.clone()),
                ("kind", "twinning".to_string()),
                ("country", country.to_string()),
                ("partner", durres.clone()),
                ("start_year", start.to_string()),
                ("end_year", end.to_string()),
                ("sharing", "programme".to_string()),
            ]
        };
        let pairs = |v: &[(&'static str, String)]| -> Vec<(&'static str, String)> { v.to_vec() };

        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let mut member = app.signed_in("membro@ponte.example").await;
        // A country that does not exist.
        let f = relation("ZZ", "2010", "");
        refused(
            &app,
            &mut coordinator,
            "/network/relations",
            &send(&f),
            422,
            "Scegli un Paese estero valido.",
        )
        .await;
        // A period that ends before it starts.
        let f = relation("AL", "2015", "2012");
        refused(
            &app,
            &mut coordinator,
            "/network/relations",
            &send(&f),
            422,
            "L'anno di fine non può precedere l'anno di inizio.",
        )
        .await;
        // A malformed amount.
        let mut f = pairs(&relation("AL", "2015", "2018"));
        f[1].1 = "past_project".into();
        f.push(("funding_programme", "Interreg".into()));
        f.push(("project_role", "lead".into()));
        f.push(("amount", "12,5,0.00.1".into()));
        refused(
            &app,
            &mut coordinator,
            "/network/relations",
            &send(&f),
            422,
            "Importo non valido",
        )
        .await;
        // Public, by a member who is not the coordinator.
        let mut f = relation("AL", "2010", "");
        f[6].1 = "public".into();
        refused(
            &app,
            &mut member,
            "/network/relations",
            &send(&f),
            422,
            "Solo il referente dell'amministrazione può rendere pubblico",
        )
        .await;
        // The coordinator may; the member may share with the programme.
        let r = coordinator.post("/network/relations", &send(&f)).await;
        assert_eq!(r.status, 303, "{name}: {}", r.body);
        let f = relation("AL", "2010", "");
        let r = member.post("/network/relations", &send(&f)).await;
        assert_eq!(r.status, 303, "{name}: {}", r.body);
        // Someone else's administration is not the member's to record for.
        let mut f = relation("AL", "2010", "");
        f[0].1 = caserta.clone();
        refused(
            &app,
            &mut member,
            "/network/relations",
            &send(&f),
            422,
            "Scegli uno dei valori proposti.",
        )
        .await;
        // A group of one region (Salerno and Caserta are both in Campania).
        let group = |a: &str, b: &str| {
            vec![
                ("name", "Gruppo campano".to_string()),
                ("purpose", "Una prova.".to_string()),
                ("countries", "AL".to_string()),
                ("themes", "m:turismo-cultura".to_string()),
                ("member_1", a.to_string()),
                ("contact_name_1", "Uno".to_string()),
                ("contact_email_1", "uno@example.org".to_string()),
                ("member_2", b.to_string()),
                ("contact_name_2", "Due".to_string()),
                ("contact_email_2", "due@example.org".to_string()),
            ]
        };
        let f = group(&salerno, &caserta);
        refused(
            &app,
            &mut coordinator,
            "/network/groups",
            &send(&f),
            422,
            "almeno due regioni diverse",
        )
        .await;
        // Nor may a coordinator form a group their administration is not in.
        let mut caserta_official = app.signed_in("r.caruso@provincia.caserta.example").await;
        let f = group(&salerno, &foggia);
        refused(
            &app,
            &mut caserta_official,
            "/network/groups",
            &send(&f),
            403,
            "",
        )
        .await;
        let r = coordinator.post("/network/groups", &send(&f)).await;
        assert_eq!(r.status, 303, "{name}: {}", r.body);
        // Removing a member that would leave one region is refused with the reason.
        let formed = r.location().to_string();
        let before = changes(&app).await;
        let r = coordinator
            .post(&format!("{formed}/members/{foggia}/remove"), &[])
            .await;
        assert_eq!(r.status, 409, "{name}: {}", r.body);
        assert!(r.body.contains("almeno due regioni diverse"), "{name}");
        assert_eq!(changes(&app).await, before, "{name}");
        // An initiative moved backwards without a reason, then with one.
        let i = db::network::initiative(app.db(), d.initiative)
            .await
            .unwrap();
        let version = i.version.to_string();
        let path = format!("/network/initiatives/{}/state", d.initiative);
        refused(
            &app,
            &mut coordinator,
            &path,
            &[
                ("version", &version),
                ("to", "preparation"),
                ("on", ""),
                ("reason", " "),
            ],
            422,
            "scrivi il motivo",
        )
        .await;
        refused(
            &app,
            &mut coordinator,
            &path,
            &[
                ("version", &version),
                ("to", "running"),
                ("on", ""),
                ("reason", ""),
            ],
            422,
            "Questo passaggio di stato non è previsto.",
        )
        .await;
        let r = coordinator
            .post(
                &path,
                &[
                    ("version", &version),
                    ("to", "preparation"),
                    ("on", ""),
                    ("reason", "Il bando è stato ritirato"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{name}: {}", r.body);
        // The same form again (its version is stale now) is refused.
        let before = changes(&app).await;
        let r = coordinator
            .post(
                &path,
                &[
                    ("version", &version),
                    ("to", "idea"),
                    ("on", ""),
                    ("reason", "di nuovo"),
                ],
            )
            .await;
        assert_eq!(r.status, 409, "{name}: {}", r.body);
        assert_eq!(changes(&app).await, before, "{name}");
        let page = coordinator
            .get(&format!("/network/initiatives/{}", d.initiative))
            .await
            .body;
        assert!(page.contains("Il bando è stato ritirato"), "{name}");
        // A relation changed or deleted from a stale page is refused and left as it is.
        let r = db::network::relation(app.db(), d.relation).await.unwrap();
        let stale = (r.version + 1).to_string();
        let before = changes(&app).await;
        let mut f = relation("AL", "2001", "");
        f.push(("version", stale.clone()));
        f.retain(|(k, _)| *k != "organisation");
        let reply = coordinator
            .post(&format!("/network/relations/{}", d.relation), &send(&f))
            .await;
        assert_eq!(reply.status, 409, "{name}: {}", reply.body);
        let reply = coordinator
            .post(
                &format!("/network/relations/{}/delete", d.relation),
                &[("version", stale.as_str())],
            )
            .await;
        assert_eq!(reply.status, 409, "{name}");
        let reply = coordinator
            .post(&format!("/network/relations/{}/delete", d.relation), &[])
            .await;
        assert_eq!(reply.status, 400, "{name}");
        assert_eq!(changes(&app).await, before, "{name}");
        assert_eq!(
            db::network::relation(app.db(), d.relation)
                .await
                .unwrap()
                .version,
            r.version
        );
        // An actor (not of the programme's administrations) is kept out of the network's pages.
        let mut actor = app.signed_in("attore@ponte.example").await;
        assert_eq!(actor.get("/network/relations").await.status, 403, "{name}");
    }
}

#[tokio::test]
async fn an_experience_becomes_a_good_practice_in_one_step() {
    for app in apps().await {
        let name = app.backend.name;
        let d = demo(&app).await;
        let mut c = app.signed_in("coordinatore@ponte.example").await;
        let x = db::network::experience(app.db(), d.experience)
            .await
            .unwrap();
        assert!(x.practice_id.is_none());
        let path = format!("/network/experiences/{}/publish", d.experience);
        // A stale version is refused and publishes nothing.
        let before = changes(&app).await;
        let stale = (x.version + 1).to_string();
        let r = c.post(&path, &[("version", &stale)]).await;
        assert_eq!(r.status, 409, "{name}");
        assert_eq!(changes(&app).await, before, "{name}");
        let version = x.version.to_string();
        let r = c.post(&path, &[("version", &version)]).await;
        assert_eq!(r.status, 303, "{name}: {}", r.body);
        let x = db::network::experience(app.db(), d.experience)
            .await
            .unwrap();
        let document = x.practice_id.expect("linked to its practice");
        assert_eq!(r.location(), format!("/library/documents/{document}"));
        let practice = db::library::practice(app.db(), document)
            .await
            .unwrap()
            .expect("the structured record");
        assert_eq!(practice.results, x.results, "{name}");
        assert_eq!(practice.administration, "Provincia di Salerno", "{name}");
        let page = c.get(r.location()).await;
        assert_eq!(page.status, 200, "{name}");
        assert!(page.body.contains(&x.title), "{name}");
        // Published once: a second time is refused.
        let version = x.version.to_string();
        let r = c.post(&path, &[("version", &version)]).await;
        assert_eq!(r.status, 409, "{name}");
        // A double submit whose second request read the experience before the first published
        // it: refused in its own transaction, leaving no second document.
        let before = changes(&app).await;
        let input = domain::library::DraftInput {
            title: x.title.clone(),
            summary: "Doppio invio".into(),
            kind: "good_practice".into(),
            language: "it".into(),
            year: x.start_year.to_string(),
            visibility: "programme".into(),
            organisation: x.organisation_id.to_string(),
            ..Default::default()
        };
        let draft = domain::library::check(&input, 2100, |_| true).expect("a valid draft");
        let practice =
            domain::network::experience::practice(&x.draft(), &x.organisation_name, "2020", "");
        let late = db::network::publish_practice(
            app.db(),
            d.experience,
            x.version - 1,
            &draft,
            &practice,
            None,
        )
        .await;
        assert!(
            matches!(late, Err(db::DbError::Conflict)),
            "{name}: {late:?}"
        );
        assert_eq!(changes(&app).await, before, "{name}: something was stored");
        let again = db::network::experience(app.db(), d.experience)
            .await
            .unwrap();
        assert_eq!(again.practice_id, Some(document), "{name}");
        assert_eq!(again.version, x.version, "{name}");
    }
}

/// A product of `organisation`, made for a test.
async fn product(app: &App, organisation: Uuid, title: &str) -> Uuid {
    let content = domain::products::Content::Text {
        markdown: String::new(),
    }
    .to_json();
    db::products::create(
        app.db(),
        &db::products::NewProduct {
            organisation,
            kind: "document",
            title,
            content: &content,
            due_on: None,
            model_of: None,
            session: None,
        },
        None,
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn initiatives_offer_accept_and_list_only_products_the_viewer_may_read() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let author = user_id(&app, "coordinatore@ponte.example").await;
        let today = app.db().now().date_naive();
        let group = db::network::create_group(
            app.db(),
            &group_draft(),
            &[contact(salerno), contact(foggia)],
            today,
            Some(author),
        )
        .await
        .unwrap();
        let own = product(&app, salerno, "Scheda salernitana leggibile").await;
        let other = product(&app, foggia, "Bozza riservata di Foggia").await;
        // Salerno's coordinator may not read Foggia's products: the form does not offer them.
        let mut c = app.signed_in("coordinatore@ponte.example").await;
        let form = c
            .get(&format!("/network/groups/{group}/initiatives/new"))
            .await;
        assert_eq!(form.status, 200, "{name}: {}", form.body);
        assert!(form.body.contains("Scheda salernitana leggibile"), "{name}");
        assert!(!form.body.contains("Bozza riservata di Foggia"), "{name}");
        assert!(!form.body.contains(&other.to_string()), "{name}");
        // Nor does it accept them, storing nothing.
        let salerno_id = salerno.to_string();
        let other_id = other.to_string();
        let own_id = own.to_string();
        let path = format!("/network/groups/{group}/initiatives");
        let f = |product: &str| {
            vec![
                ("title", "Porti e borghi".to_string()),
                ("lead", salerno_id.clone()),
                ("countries", "ME".to_string()),
                ("products", product.to_string()),
            ]
        };
        refused(
            &app,
            &mut c,
            &path,
            &send(&f(&other_id)),
            422,
            "I prodotti collegati devono essere",
        )
        .await;
        let r = c.post(&path, &send(&f(&own_id))).await;
        assert_eq!(r.status, 303, "{name}: {}", r.body);
        // An initiative linked to both (as Foggia's people may link theirs) lists to each viewer
        // only the products they may read.
        let draft = InitiativeDraft {
            title: "Rotte condivise".into(),
            summary: String::new(),
            lead: salerno,
            partners: vec![],
            countries: vec!["AL".into()],
            call_name: String::new(),
            call_deadline: None,
            budget_cents: None,
            products: vec![own, other],
        };
        let id = db::network::create_initiative(app.db(), group, &draft, today, Some(author))
            .await
            .unwrap();
        let page = c.get(&format!("/network/initiatives/{id}")).await;
        assert_eq!(page.status, 200, "{name}");
        assert!(page.body.contains("Scheda salernitana leggibile"), "{name}");
        assert!(!page.body.contains("Bozza riservata di Foggia"), "{name}");
        let mut f = app.signed_in("m.longo@provincia.foggia.example").await;
        let page = f.get(&format!("/network/initiatives/{id}")).await;
        assert_eq!(page.status, 200, "{name}");
        assert!(page.body.contains("Bozza riservata di Foggia"), "{name}");
        assert!(
            !page.body.contains("Scheda salernitana leggibile"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn removing_a_member_checks_the_regions_in_its_own_transaction() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let author = user_id(&app, "coordinatore@ponte.example").await;
        let today = app.db().now().date_naive();
        let group = db::network::create_group(
            app.db(),
            &group_draft(),
            &[contact(salerno), contact(caserta), contact(foggia)],
            today,
            Some(author),
        )
        .await
        .unwrap();
        // Two requests each read three members and found removing one of them fine; the first
        // removal leaves Campania and Apulia, the second would leave Campania alone.
        db::network::remove_member(app.db(), group, caserta, Some(author))
            .await
            .unwrap();
        let before = changes(&app).await;
        let late = db::network::remove_member(app.db(), group, foggia, Some(author)).await;
        assert!(
            matches!(late, Err(db::DbError::Conflict)),
            "{name}: {late:?}"
        );
        assert_eq!(changes(&app).await, before, "{name}: something was stored");
        let mut left: Vec<Uuid> = db::network::members(app.db(), &[group])
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.organisation_id)
            .collect();
        left.sort();
        let mut expected = vec![salerno, foggia];
        expected.sort();
        assert_eq!(
            left, expected,
            "{name}: the refused removal was rolled back"
        );
    }
}

/// How many emails were queued for `to` since `since`.
async fn queued(app: &App, to: &str, since: chrono::DateTime<chrono::Utc>) -> i64 {
    web::mail::recently_queued(app.db(), to, since)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_strand_c_lab_is_scheduled_for_a_groups_administrations() {
    use axum::http::StatusCode;
    for app in apps().await {
        let name = app.backend.name;
        let group = db::network::groups(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == "Adriatico sostenibile")
            .unwrap()
            .id;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let module_of = |code: &str| {
            let strand = structure.strand_by_code(code).unwrap().id;
            let m = structure.modules.iter().find(|m| m.strand_id == strand);
            m.unwrap().id.to_string()
        };
        let (strand_a, strand_c) = (module_of("A"), module_of("C"));
        let cohort = structure.cohorts[0].id.to_string();
        let table = db::tables::list(app.db()).await.unwrap()[0].id.to_string();
        // A Sunday seven weeks ahead: no demo session of the cohort is then.
        let day = (app.db().now().with_timezone(&domain::locale::TIME_ZONE)
            + chrono::Duration::days(49))
        .date_naive();
        use chrono::Datelike;
        let day = day + chrono::Duration::days(6 - day.weekday().num_days_from_monday() as i64);
        let date = day.to_string();
        let group_s = group.to_string();
        let form = |module: &str, table: &str, group: &str| -> Vec<(&'static str, String)> {
            [
                ("module_id", module),
                ("cohort_id", cohort.as_str()),
                ("title", "Laboratorio interregionale del gruppo"),
                ("date", date.as_str()),
                ("start", "10:00"),
                ("end", "13:00"),
                ("place", ""),
                ("online_url", "https://meet.example/gruppo"),
                ("capacity", "20"),
                ("table_id", table),
                ("group_id", group),
            ]
            .into_iter()
            .map(|(k, v)| (k, v.to_string()))
            .collect()
        };
        let mut staff = app.signed_in("staff@ponte.example").await;
        let page = staff.get(&format!("/network/groups/{group}")).await;
        assert!(
            page.body
                .contains(&format!("/labs/sessions/new?group={group}")),
            "{name}"
        );
        let since = app.db().now();
        let before = changes(&app).await;
        for (fields, says) in [
            (
                form(&strand_a, "", &group_s),
                "deve essere di un modulo dell",
            ),
            (form(&strand_c, &table, &group_s), "non per entrambi"),
            (
                form(&strand_c, "", &Uuid::new_v4().to_string()),
                "id=\"e-group_id\"",
            ),
        ] {
            let r = staff.post("/labs/sessions", &send(&fields)).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
            assert!(r.body.contains(says), "{name}: {says}: {}", r.body);
        }
        assert_eq!(changes(&app).await, before, "{name}");

        // Scheduled for the group: its contact people with an account are invited, once each.
        let r = staff
            .post("/labs/sessions", &send(&form(&strand_c, "", &group_s)))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let session: Uuid = r.location().rsplit('/').next().unwrap().parse().unwrap();
        let s = db::labs::get(app.db(), session).await.unwrap().unwrap();
        assert_eq!((s.group_id, s.table_id), (Some(group), None), "{name}");
        for email in [
            "coordinatore@ponte.example",
            "m.longo@provincia.foggia.example",
        ] {
            let user = user_id(&app, email).await;
            let status = db::labs::registration(app.db(), session, user)
                .await
                .unwrap();
            assert_eq!(status.as_deref(), Some("invited"), "{name}: {email}");
            assert_eq!(queued(&app, email, since).await, 1, "{name}: {email}");
        }
        // Contacts without an account are written to by nobody here.
        assert_eq!(
            queued(&app, "c.amato@regione.campania.example", since).await,
            0,
            "{name}"
        );
        // The invited coordinator sees the group on the lab's page; the group lists the lab.
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let page = coordinator.get(&format!("/labs/sessions/{session}")).await;
        assert!(
            page.body.contains(&format!("/network/groups/{group}")),
            "{name}"
        );
        let page = coordinator.get(&format!("/network/groups/{group}")).await;
        assert!(
            page.body.contains(&format!("/labs/sessions/{session}")),
            "{name}"
        );
        // The chamber of commerce's representative is in no administration of the group.
        let mut outsider = app.signed_in("attore@ponte.example").await;
        let r = outsider
            .post(&format!("/labs/sessions/{session}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}: {}", r.body);
        let page = outsider.get(&format!("/labs/sessions/{session}")).await;
        assert!(
            !page.body.contains(&format!("/network/groups/{group}")),
            "{name}"
        );
        let r = coordinator
            .post(&format!("/labs/sessions/{session}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        // An official of the Regione Campania, in the group but in no cohort and not its contact
        // person, is not invited, yet may register and sees the group on the lab's page.
        let campania = app.organisation("Regione Campania").await;
        let grant = domain::roles::Grant {
            role: domain::roles::Role::Member,
            space: domain::roles::SpaceKind::Organisation,
            space_id: Some(campania),
        };
        let user = db::accounts::NewUser {
            email: "funzionario@regione.campania.example".into(),
            name: "Funzionario Regionale".into(),
            password_hash: web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap(),
        };
        let official = db::accounts::create_user(app.db(), &user, &[grant], None)
            .await
            .unwrap();
        assert_eq!(
            db::labs::registration(app.db(), session, official)
                .await
                .unwrap(),
            None,
            "{name}"
        );
        let mut regional = app.signed_in("funzionario@regione.campania.example").await;
        let page = regional.get(&format!("/labs/sessions/{session}")).await;
        assert!(
            page.body.contains(&format!("/network/groups/{group}")),
            "{name}"
        );
        let r = regional
            .post(&format!("/labs/sessions/{session}/register"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
    }
}

#[tokio::test]
async fn a_group_is_edited_by_whom_manages_it_and_a_stale_edit_changes_nothing() {
    use axum::http::StatusCode;
    for app in apps().await {
        let name = app.backend.name;
        let g = db::network::groups(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == "Adriatico sostenibile")
            .unwrap();
        let id = g.id;
        let fields = |name: &str, status: &str, version: i64| -> Vec<(&'static str, String)> {
            let mut v = vec![
                ("version", version.to_string()),
                ("name", name.to_string()),
                ("purpose", g.purpose.clone()),
                ("status", status.to_string()),
            ];
            v.extend(g.countries.iter().map(|c| ("countries", c.clone())));
            v.extend(g.themes.iter().map(|t| ("themes", t.clone())));
            v
        };
        // A member of one of its administrations sees it but does not manage it.
        let mut member = app.signed_in("membro@ponte.example").await;
        let r = member.get(&format!("/network/groups/{id}/edit")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        // Its coordinator edits it from the group page.
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let page = coordinator.get(&format!("/network/groups/{id}")).await;
        assert!(
            page.body.contains(&format!("/network/groups/{id}/edit")),
            "{name}"
        );
        let r = coordinator.get(&format!("/network/groups/{id}/edit")).await;
        assert_eq!(r.status, StatusCode::OK, "{name}");
        assert!(r.body.contains("Adriatico sostenibile"), "{name}");
        let before = changes(&app).await;
        for (status, says) in [
            ("", "error-required"),
            ("sconosciuto", "error-unknown-choice"),
        ] {
            let f = fields("Adriatico sostenibile", status, g.version);
            let r = coordinator
                .post(&format!("/network/groups/{id}"), &send(&f))
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {says}");
        }
        assert_eq!(changes(&app).await, before, "{name}");
        let f = fields("Adriatico sostenibile e accessibile", "active", g.version);
        let r = coordinator
            .post(&format!("/network/groups/{id}"), &send(&f))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let saved = db::network::group(app.db(), id).await.unwrap();
        assert_eq!(saved.name, "Adriatico sostenibile e accessibile", "{name}");
        assert_eq!(saved.version, g.version + 1, "{name}");
        // A second save at the version read first is refused; what is saved stays.
        let before = changes(&app).await;
        let f = fields("Un altro nome", "closed", g.version);
        let r = coordinator
            .post(&format!("/network/groups/{id}"), &send(&f))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(
            r.body.contains("Un altro nome"),
            "{name}: the typed name is kept"
        );
        assert_eq!(changes(&app).await, before, "{name}");
        let kept = db::network::group(app.db(), id).await.unwrap();
        assert_eq!(kept.name, saved.name, "{name}");
    }
}

#[tokio::test]
async fn an_initiative_is_edited_by_the_groups_people_and_a_stale_edit_changes_nothing() {
    use axum::http::StatusCode;
    for app in apps().await {
        let name = app.backend.name;
        let g = db::network::groups(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == "Adriatico sostenibile")
            .unwrap();
        let first = db::network::initiatives(app.db(), Some(g.id))
            .await
            .unwrap()
            .into_iter()
            .next()
            .expect("the demo group's initiatives");
        let id = first.id;
        // A product of another administration of the group, which Salerno's coordinator may not
        // read, is linked to it (by its own people): his edits must keep it.
        let salerno = app.organisation("Provincia di Salerno").await;
        let members: Vec<Uuid> = db::network::members(app.db(), &[g.id])
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.organisation_id)
            .collect();
        let hidden = db::network::products_of(app.db(), &members)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.organisation_id != salerno)
            .expect("a product of another administration of the group");
        let mut products: Vec<Uuid> = db::network::initiative_products(app.db(), &[id])
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.product_id)
            .collect();
        products.push(hidden.id);
        let draft = InitiativeDraft {
            title: first.title.clone(),
            summary: first.summary.clone(),
            lead: first.lead_id,
            partners: db::network::initiative_partners(app.db(), &[id])
                .await
                .unwrap()
                .into_iter()
                .map(|p| p.organisation_id)
                .collect(),
            countries: first.countries.clone(),
            call_name: first.call_name.clone(),
            call_deadline: first.call_deadline,
            budget_cents: first.budget_cents,
            products,
        };
        db::network::update_initiative(app.db(), id, first.version, &draft, None)
            .await
            .unwrap();
        let i = db::network::initiative(app.db(), id).await.unwrap();
        let partners = db::network::initiative_partners(app.db(), &[id])
            .await
            .unwrap();
        let linked = db::network::initiative_products(app.db(), &[id])
            .await
            .unwrap();
        let state = i.state;
        let fields = |title: &str, budget: &str, version: i64| -> Vec<(&'static str, String)> {
            let mut v = vec![
                ("version", version.to_string()),
                ("title", title.to_string()),
                ("summary", i.summary.clone()),
                ("lead", i.lead_id.to_string()),
                ("call_name", i.call_name.clone()),
                (
                    "call_deadline",
                    i.call_deadline.map(|d| d.to_string()).unwrap_or_default(),
                ),
                ("budget", budget.to_string()),
            ];
            v.extend(i.countries.iter().map(|c| ("countries", c.clone())));
            v.extend(
                partners
                    .iter()
                    .map(|p| ("partners", p.organisation_id.to_string())),
            );
            // As the form sends them: the products it offers (not the hidden one).
            v.extend(
                linked
                    .iter()
                    .filter(|p| p.product_id != hidden.id)
                    .map(|p| ("products", p.product_id.to_string())),
            );
            v
        };
        // Someone outside the group's administrations may not edit it.
        let mut outsider = app.signed_in("attore@ponte.example").await;
        let r = outsider
            .get(&format!("/network/initiatives/{id}/edit"))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        let f = fields("Titolo di un estraneo", "", i.version);
        let r = outsider
            .post(&format!("/network/initiatives/{id}"), &send(&f))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");

        // A coordinator of a member administration edits it from its page; the form starts from
        // what is saved, the amount written as Italians write it.
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let page = coordinator.get(&format!("/network/initiatives/{id}")).await;
        assert!(
            page.body
                .contains(&format!("/network/initiatives/{id}/edit")),
            "{name}"
        );
        let r = coordinator
            .get(&format!("/network/initiatives/{id}/edit"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{name}");
        assert!(r.body.contains(&i.title), "{name}");
        assert!(
            !r.body.contains(&hidden.id.to_string()),
            "{name}: not offered"
        );
        if let Some(cents) = i.budget_cents {
            let typed = domain::products::budget::money::format_amount(
                cents,
                domain::products::budget::money::Currency::Eur,
                domain::locale::Locale::It,
            );
            assert!(r.body.contains(&typed), "{name}: {typed}");
        }

        // Bad input: a malformed amount, an empty title, a lead outside the group; nothing is
        // stored.
        let before = changes(&app).await;
        let outside_lead = app.organisation("Regione Calabria").await.to_string();
        for (form, says) in [
            (fields(&i.title, "12,34,5", i.version), "id=\"e-budget\""),
            (fields("", "", i.version), "id=\"e-title\""),
            (
                {
                    let mut f = fields(&i.title, "", i.version);
                    f.retain(|(k, _)| *k != "lead");
                    f.push(("lead", outside_lead.clone()));
                    f
                },
                "id=\"e-lead\"",
            ),
        ] {
            let r = coordinator
                .post(&format!("/network/initiatives/{id}"), &send(&form))
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {says}");
            assert!(r.body.contains(says), "{name}: {says}: {}", r.body);
        }
        // One submitted to a call keeps naming it.
        if domain::network::initiatives::keeps_call(state) {
            let mut form = fields(&i.title, "", i.version);
            form.retain(|(k, _)| *k != "call_name");
            form.push(("call_name", String::new()));
            let says = "id=\"e-call_name\"";
            let r = coordinator
                .post(&format!("/network/initiatives/{id}"), &send(&form))
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {says}");
            assert!(r.body.contains(says), "{name}: {says}: {}", r.body);
        }
        assert_eq!(changes(&app).await, before, "{name}");

        // A good edit is saved, its state untouched; a second save at the version read first is
        // refused with what was typed kept, and what is saved stays.
        let f = fields("Porti minori dell'Adriatico", "250.000,00", i.version);
        let r = coordinator
            .post(&format!("/network/initiatives/{id}"), &send(&f))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let saved = db::network::initiative(app.db(), id).await.unwrap();
        assert_eq!(saved.title, "Porti minori dell'Adriatico", "{name}");
        assert_eq!(saved.budget_cents, Some(25_000_000), "{name}");
        assert_eq!(saved.state, state, "{name}");
        assert_eq!(saved.version, i.version + 1, "{name}");
        // Its partners and products are those the form sent back: every one kept, those the
        // form does not offer (products the coordinator may not read) included.
        let ids = |v: Vec<Uuid>| -> std::collections::BTreeSet<Uuid> { v.into_iter().collect() };
        let kept_partners = db::network::initiative_partners(app.db(), &[id])
            .await
            .unwrap();
        assert_eq!(
            ids(kept_partners.iter().map(|p| p.organisation_id).collect()),
            ids(partners.iter().map(|p| p.organisation_id).collect()),
            "{name}"
        );
        let kept_products = db::network::initiative_products(app.db(), &[id])
            .await
            .unwrap();
        assert_eq!(
            ids(kept_products.iter().map(|p| p.product_id).collect()),
            ids(linked.iter().map(|p| p.product_id).collect()),
            "{name}"
        );
        let before = changes(&app).await;
        let f = fields("Un altro titolo", "", i.version);
        let r = coordinator
            .post(&format!("/network/initiatives/{id}"), &send(&f))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{name}");
        assert!(r.body.contains("Un altro titolo"), "{name}");
        assert_eq!(changes(&app).await, before, "{name}");
        let kept = db::network::initiative(app.db(), id).await.unwrap();
        assert_eq!(kept.title, saved.title, "{name}");
        // A version that is no number is a crafted form.
        let mut f = fields("Un altro titolo", "", i.version);
        f.retain(|(k, _)| *k != "version");
        f.push(("version", "x".into()));
        let r = coordinator
            .post(&format!("/network/initiatives/{id}"), &send(&f))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}");
    }
}

/// A library document of `organisation` seen by its people only, added by staff.
async fn organisation_document(app: &App, organisation: Uuid, title: &str) -> Uuid {
    let staff = user_id(app, "staff@ponte.example").await;
    let input = domain::library::DraftInput {
        title: title.into(),
        kind: "report".into(),
        language: "it".into(),
        year: "2025".into(),
        url: "https://example.org/protocollo".into(),
        visibility: "organisation".into(),
        organisation: organisation.to_string(),
        ..Default::default()
    };
    let draft = domain::library::check(&input, 2026, |_| true).unwrap();
    db::library::create(
        app.db(),
        &draft,
        None,
        &db::library::Links::default(),
        Some(staff),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_relation_attaches_library_documents_each_seen_as_the_library_says() {
    use axum::http::StatusCode;
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let durres = durres(&app).await.to_string();
        let own = organisation_document(&app, salerno, "Protocollo d'intesa con Durrës").await;
        let theirs = organisation_document(&app, foggia, "Relazione interna di Foggia").await;
        let fields = |documents: &[Uuid], version: Option<i64>| -> Vec<(&'static str, String)> {
            let mut v = vec![
                ("organisation", salerno.to_string()),
                ("kind", "memorandum".to_string()),
                ("country", "AL".to_string()),
                ("partner", durres.clone()),
                ("start_year", "2021".to_string()),
                ("end_year", String::new()),
                ("sharing", "programme".to_string()),
            ];
            v.extend(documents.iter().map(|d| ("documents", d.to_string())));
            if let Some(n) = version {
                v.push(("version", n.to_string()));
            }
            v
        };
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        // The form offers the administration's documents the coordinator sees, not Foggia's.
        let form = coordinator.get("/network/relations/new").await;
        assert!(form.body.contains(&own.to_string()), "{name}");
        assert!(!form.body.contains(&theirs.to_string()), "{name}");
        // A document the coordinator does not see is refused, and nothing is stored.
        let before = changes(&app).await;
        let r = coordinator
            .post("/network/relations", &send(&fields(&[theirs], None)))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.body.contains("id=\"e-documents\""), "{name}");
        assert_eq!(changes(&app).await, before, "{name}");
        // Attached: the relation's page lists it for Salerno's people, not for Foggia's.
        let r = coordinator
            .post("/network/relations", &send(&fields(&[own], None)))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let page = r.location().to_string();
        let id: Uuid = page.rsplit('/').next().unwrap().parse().unwrap();
        let link = format!("/library/documents/{own}");
        assert!(coordinator.get(&page).await.body.contains(&link), "{name}");
        let mut foggia_official = app.signed_in("m.longo@provincia.foggia.example").await;
        let seen = foggia_official.get(&page).await;
        assert_eq!(
            seen.status,
            StatusCode::OK,
            "{name}: shared with the programme"
        );
        assert!(!seen.body.contains(&link), "{name}");
        // Its edit form has it ticked; an edit that sends it keeps it.
        let form = coordinator.get(&format!("{page}/edit")).await;
        assert!(
            form.body.contains(&format!("value=\"{own}\" checked")),
            "{name}"
        );
        let r = db::network::relation(app.db(), id).await.unwrap();
        let f = fields(&[own], Some(r.version));
        let saved = coordinator.post(&page, &send(&f)).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "{name}: {}",
            saved.body
        );
        let attached = db::network::relation_documents(app.db(), id).await.unwrap();
        assert_eq!(
            attached.iter().map(|d| d.id).collect::<Vec<_>>(),
            vec![own],
            "{name}"
        );
        // Left out of the form, it is detached.
        let r = db::network::relation(app.db(), id).await.unwrap();
        let saved = coordinator
            .post(&page, &send(&fields(&[], Some(r.version))))
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{name}");
        assert!(db::network::relation_documents(app.db(), id)
            .await
            .unwrap()
            .is_empty());
    }
}
