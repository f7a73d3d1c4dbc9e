//! Territorial tables on both databases: the demo tables, the list's filters, who sees and
//! manages a table, creating one, members, representatives and the secretariat, the table's
//! states, every refusal (a 4xx with its message, nothing stored) and the public page.

mod common;

use axum::http::StatusCode;
use common::{apps, App, Client};
use uuid::Uuid;

/// The demo tables: Salerno's (constituted, public) and Foggia's (being formed, not public).
async fn demo_tables(app: &App) -> (Uuid, Uuid) {
    let salerno = app.organisation("Provincia di Salerno").await;
    let foggia = app.organisation("Provincia di Foggia").await;
    let tables = db::tables::list(app.db()).await.unwrap();
    let of = |lead: Uuid| {
        tables
            .iter()
            .find(|t| t.lead_id == lead)
            .unwrap_or_else(|| panic!("no demo table led by {lead}"))
            .id
    };
    (of(salerno), of(foggia))
}

/// How many entries the audit log holds: every change writes one, so an unchanged count means
/// nothing was stored.
async fn changes(app: &App) -> i64 {
    db::audit::page(app.db(), None, 1, 0).await.unwrap().1
}

/// A form's pairs as the client sends them.
fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, x)| (k.as_str(), x.as_str())).collect()
}

/// Sends a form that must be refused with `status` and `message` (in Italian, as the page
/// shows it), storing nothing.
async fn refused(
    app: &App,
    c: &mut Client,
    path: &str,
    form: &[(&str, &str)],
    status: StatusCode,
    message: &str,
) {
    let before = changes(app).await;
    let r = c.post(path, form).await;
    let context = format!("{path} {form:?} on {}", app.backend.name);
    assert_eq!(r.status, status, "{context}: {}", r.body);
    let body = r.body.replace("&#x27;", "'");
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
async fn the_demo_tables_are_listed_and_filtered_for_each_person() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, foggia) = demo_tables(&app).await;
        let s = db::tables::get(app.db(), salerno).await.unwrap();
        assert_eq!(s.status, domain::tables::Status::Constituted, "{name}");
        assert!(s.memorandum_id.is_some() && s.public, "{name}");
        let members = db::tables::members(app.db(), salerno).await.unwrap();
        for org in [
            "Provincia di Salerno",
            "Camera di commercio di Salerno",
            "Università degli Studi di Salerno",
            "Confindustria Salerno",
            "ONG Mediterraneo Solidale",
            "ONG Ponti di Pace Salerno",
            "Associazione della comunità albanese di Salerno «Skanderbeg»",
        ] {
            assert!(
                members.iter().any(|m| m.organisation == org),
                "{org} on {name}"
            );
        }
        assert_eq!(
            db::tables::signatories(app.db(), salerno)
                .await
                .unwrap()
                .len(),
            3
        );
        let f = db::tables::get(app.db(), foggia).await.unwrap();
        assert_eq!(f.status, domain::tables::Status::Forming, "{name}");

        // A guest sees the public table only, and opens its public page.
        let mut guest = app.client();
        let list = guest.get("/tables").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(
            list.body.contains(&s.name) && !list.body.contains(&f.name),
            "{name}"
        );
        assert!(list.body.contains(&format!("/tables/{salerno}/public")));

        // Staff see both, and each filter narrows the list.
        let mut staff = app.signed_in("staff@ponte.example").await;
        let all = staff.get("/tables").await;
        assert!(
            all.body.contains(&s.name) && all.body.contains(&f.name),
            "{name}"
        );
        for (query, shows_salerno, shows_foggia) in [
            ("region=15", true, false),
            ("region=16", false, true),
            ("theme=m:turismo-cultura", true, false),
            ("theme=m:migrazioni", false, true),
            ("theme=dac:25030", true, false),
            ("country=MA", false, true),
            ("country=AL", true, false),
            ("status=constituted", true, false),
            ("status=forming", false, true),
            ("status=dormant", false, false),
            ("region=15&country=MA", false, false),
            // Unknown values are no filter.
            ("region=99&status=sleeping", true, true),
        ] {
            let r = staff.get(&format!("/tables?{query}")).await;
            assert_eq!(r.status, StatusCode::OK, "{query} on {name}");
            assert_eq!(r.body.contains(&s.name), shows_salerno, "{query} on {name}");
            assert_eq!(r.body.contains(&f.name), shows_foggia, "{query} on {name}");
        }

        // The actor represents the chamber on Salerno's table: they see it, not Foggia's.
        let mut actor = app.signed_in("attore@ponte.example").await;
        let page = actor.get(&format!("/tables/{salerno}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.body.contains("p.santoro@unisa.example"), "{name}");
        // Reading is not managing: no form to add a member.
        assert!(!page.body.contains("/members\""), "{name}");
        assert_eq!(
            actor.get(&format!("/tables/{foggia}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert!(!actor.get("/tables").await.body.contains(&f.name));
        // Tutors see every table.
        let mut tutor = app.signed_in("tutor@ponte.example").await;
        assert_eq!(
            tutor.get(&format!("/tables/{foggia}")).await.status,
            StatusCode::OK
        );
        // Someone the public table does not involve is sent to its public page.
        let mut other = app.signed_in("r.caruso@provincia.caserta.example").await;
        let r = other.get(&format!("/tables/{salerno}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}");
        assert_eq!(r.location(), format!("/tables/{salerno}/public"));
        assert_eq!(
            other.get(&format!("/tables/{foggia}")).await.status,
            StatusCode::NOT_FOUND
        );
        // The secretariat (the member named to it) sees the forms.
        let mut secretary = app.signed_in("membro@ponte.example").await;
        let page = secretary.get(&format!("/tables/{salerno}")).await;
        assert!(
            page.body.contains(&format!("/tables/{salerno}/members\"")),
            "{name}"
        );
    }
}

#[tokio::test]
async fn the_public_page_shows_what_the_table_is_and_who_takes_part_only() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, foggia) = demo_tables(&app).await;
        let mut guest = app.client();
        let r = guest.get(&format!("/tables/{salerno}/public")).await;
        assert_eq!(r.status, StatusCode::OK, "{name}");
        let body = r.body.replace("&#x27;", "'");
        for shown in [
            "Tavolo territoriale per la cooperazione internazionale della Provincia di Salerno",
            "Camera di commercio di Salerno",
            "Confindustria Salerno",
            "Promotore",
            "Osservatore",
            "Albania",
            "Art. 1",
        ] {
            assert!(body.contains(shown), "{shown} on {name}");
        }
        // Nobody's email, no secretariat, no form, no link into the members-only page.
        for hidden in [
            "p.santoro@unisa.example",
            "attore@ponte.example",
            "Segreteria",
            "<form method=\"post\" action=\"/tables",
            "Francesca Greco",
        ] {
            assert!(!body.contains(hidden), "{hidden} on {name}");
        }
        assert_eq!(
            guest.get(&format!("/tables/{foggia}/public")).await.status,
            StatusCode::NOT_FOUND
        );
        // Signed out, the table page itself asks to sign in.
        let r = guest.get(&format!("/tables/{salerno}")).await;
        assert!(r.location().starts_with("/sign-in?next="), "{name}");
        // In English too.
        let r = guest.get("/language/en").await;
        assert!(r.status.is_redirection());
        let r = guest.get(&format!("/tables/{salerno}/public")).await;
        assert!(r.body.contains("Who takes part") && r.body.contains("Promoter"));
    }
}

#[tokio::test]
async fn a_coordinator_creates_a_table_for_their_administration_only() {
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let foggia = app.organisation("Provincia di Foggia").await;
        let mut c = app.signed_in("coordinatore@ponte.example").await;
        let form_page = c.get("/tables/new").await;
        assert_eq!(form_page.status, StatusCode::OK);
        // A coordinator is offered their own administration only.
        assert!(form_page.body.contains(&salerno.to_string()), "{name}");
        assert!(!form_page.body.contains(&foggia.to_string()), "{name}");
        let lead = salerno.to_string();
        let foggia_lead = foggia.to_string();
        let valid = |lead: &str, territory: &str| -> Vec<(String, String)> {
            vec![
                ("name".into(), "Tavolo dei comuni costieri".into()),
                ("lead".into(), lead.into()),
                ("territory".into(), territory.into()),
                (
                    "purpose".into(),
                    "Progetti comuni con il Montenegro.".into(),
                ),
                ("themes".into(), "m:governance".into()),
                ("sectors".into(), "dac:15110".into()),
                ("countries".into(), "ME".into()),
                ("rules".into(), "# Regole\n\n<script>x()</script>".into()),
                ("public".into(), "on".into()),
                ("formed_on".into(), "".into()),
            ]
        };

        refused(
            &app,
            &mut c,
            "/tables",
            &pairs(&valid(&foggia_lead, "071")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Puoi creare un tavolo solo per l'amministrazione di cui sei referente.",
        )
        .await;
        refused(
            &app,
            &mut c,
            "/tables",
            &pairs(&valid(&lead, "071")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Il territorio deve trovarsi nella regione dell'amministrazione capofila.",
        )
        .await;
        refused(
            &app,
            &mut c,
            "/tables",
            &pairs(&valid(&lead, "06")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Ogni codice ISTAT ha 3 cifre (provincia) o 6 cifre (comune).",
        )
        .await;
        refused(
            &app,
            &mut c,
            "/tables",
            &pairs(&valid(&lead, "099")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Uno dei codici ISTAT non corrisponde a nessuna provincia o comune conosciuto.",
        )
        .await;
        let mut no_theme = valid(&lead, "065");
        no_theme.retain(|(k, _)| k != "themes" && k != "sectors");
        refused(
            &app,
            &mut c,
            "/tables",
            &pairs(&no_theme),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Scegli almeno un tema.",
        )
        .await;
        let before = db::tables::list(app.db()).await.unwrap().len();
        let r = c.post("/tables", &pairs(&valid(&lead, "065"))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let id: Uuid = r.location().trim_start_matches("/tables/").parse().unwrap();
        assert_eq!(db::tables::list(app.db()).await.unwrap().len(), before + 1);
        let t = db::tables::get(app.db(), id).await.unwrap();
        assert_eq!(t.lead_id, salerno);
        assert_eq!(t.region_code, "15");
        assert_eq!(t.territory.len(), 1);
        assert_eq!(t.territory[0].code, "065");
        assert_eq!(t.themes, vec!["m:governance", "dac:15110"]);
        assert_eq!(t.countries, vec!["ME"]);
        assert_eq!(t.status, domain::tables::Status::Forming);
        // The lead joins its table as promoter.
        let members = db::tables::members(app.db(), id).await.unwrap();
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].organisation_id, salerno);
        assert_eq!(
            members[0].role,
            domain::tables::members::MemberRole::Promoter
        );
        assert_eq!(
            db::audit::page(app.db(), Some("tables.create"), 1, 0)
                .await
                .unwrap()
                .1,
            3,
            "the two demo tables and this one on {name}"
        );
        // The rules are rendered without the script.
        let page = c.get(&format!("/tables/{id}")).await;
        assert!(
            page.body.contains("<h2 id=\"sec-regole\">Regole</h2>"),
            "{name}"
        );
        assert!(!page.body.contains("<script>x()"), "{name}");
        // Editing: a stale version is refused with 409 and nothing stored.
        let mut edit = valid(&lead, "065");
        edit[0].1 = "Tavolo dei comuni costieri (rivisto)".into();
        edit.push(("version".into(), t.version.to_string()));
        let r = c.post(&format!("/tables/{id}"), &pairs(&edit)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(
            db::tables::get(app.db(), id).await.unwrap().name,
            "Tavolo dei comuni costieri (rivisto)"
        );
        // The stale form shows the saved version beside the one sent, differences marked, and
        // keeps what was typed.
        edit[0].1 = "Tavolo dei comuni costieri (altro)".into();
        refused(
            &app,
            &mut c,
            &format!("/tables/{id}"),
            &pairs(&edit),
            StatusCode::CONFLICT,
            "Le tue modifiche non sono state salvate.",
        )
        .await;
        let r = c.post(&format!("/tables/{id}"), &pairs(&edit)).await;
        for shown in [
            "<mark>Tavolo dei comuni costieri (rivisto)</mark>",
            "<mark>Tavolo dei comuni costieri (altro)</mark>",
            "value=\"Tavolo dei comuni costieri (altro)\"",
        ] {
            assert!(r.body.contains(shown), "{shown} on {name}");
        }
        assert_eq!(
            db::tables::get(app.db(), id).await.unwrap().name,
            "Tavolo dei comuni costieri (rivisto)"
        );
        // Someone who is not a coordinator cannot create a table at all.
        let mut actor = app.signed_in("attore@ponte.example").await;
        assert_eq!(
            actor
                .post("/tables", &pairs(&valid(&lead, "065")))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        // Staff create one for any administration.
        let mut staff = app.signed_in("staff@ponte.example").await;
        let mut foggia_form = valid(&foggia_lead, "071");
        foggia_form[0].1 = "Tavolo dei Monti Dauni".into();
        let r = staff.post("/tables", &pairs(&foggia_form)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
    }
}

#[tokio::test]
async fn members_and_representatives_are_added_and_refused_as_the_issue_says() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno_table, foggia_table) = demo_tables(&app).await;
        let university = app.organisation("Università degli Studi di Salerno").await;
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let base = format!("/tables/{salerno_table}");
        // The member named to the secretariat manages the table.
        let mut c = app.signed_in("membro@ponte.example").await;

        // The same organisation twice.
        let university_id = university.to_string();
        refused(
            &app,
            &mut c,
            &format!("{base}/members"),
            &[
                ("organisation", &university_id),
                ("role", "member"),
                ("joined_on", ""),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Questa organizzazione fa già parte del tavolo.",
        )
        .await;
        refused(
            &app,
            &mut c,
            &format!("{base}/members"),
            &[
                ("organisation", &caserta.to_string()),
                ("role", "boss"),
                ("joined_on", ""),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Scegli uno dei valori proposti.",
        )
        .await;
        refused(
            &app,
            &mut c,
            &format!("{base}/members"),
            &[
                ("organisation", &caserta.to_string()),
                ("role", "member"),
                ("joined_on", "2100-01-01"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "La data non può essere nel futuro.",
        )
        .await;
        // A new member.
        let r = c
            .post(
                &format!("{base}/members"),
                &[
                    ("organisation", &caserta.to_string()),
                    ("role", "observer"),
                    ("joined_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let members = db::tables::members(app.db(), salerno_table).await.unwrap();
        let added = members
            .iter()
            .find(|m| m.organisation_id == caserta)
            .expect("Caserta joined");
        assert_eq!(added.role, domain::tables::members::MemberRole::Observer);

        // A local actor the registry does not know, registered from the table: refused whole
        // when a field is wrong, else registered in the table's region and added.
        refused(
            &app,
            &mut c,
            &format!("{base}/actors"),
            &[
                ("name", " "),
                ("sector", "ngo"),
                ("public", "private"),
                ("role", "member"),
                ("joined_on", ""),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Campo obbligatorio.",
        )
        .await;
        refused(
            &app,
            &mut c,
            &format!("{base}/actors"),
            &[
                ("name", "Scuola di lingue Amal"),
                ("sector", "pirates"),
                ("public", "private"),
                ("role", "member"),
                ("joined_on", ""),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Scegli uno dei valori proposti.",
        )
        .await;
        refused(
            &app,
            &mut c,
            &format!("{base}/actors"),
            &[
                ("name", "Scuola di lingue Amal"),
                ("sector", "association"),
                ("public", "private"),
                ("role", "chair"),
                ("joined_on", ""),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Scegli uno dei valori proposti.",
        )
        .await;
        let r = c
            .post(
                &format!("{base}/actors"),
                &[
                    ("name", "Scuola di lingue Amal"),
                    ("sector", "association"),
                    ("public", "private"),
                    ("role", "member"),
                    ("joined_on", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let amal = app.organisation("Scuola di lingue Amal").await;
        let stored = db::organisations::get(app.db(), amal).await.unwrap();
        assert_eq!(stored.data.region_code.as_deref(), Some("15"), "{name}");
        assert_eq!(
            stored.data.category,
            domain::organisations::Category::LocalActor
        );
        assert!(
            db::tables::members(app.db(), salerno_table)
                .await
                .unwrap()
                .iter()
                .any(|m| m.organisation_id == amal && m.left_on.is_none()),
            "{name}"
        );

        // Representatives: an invalid email, a duplicate one, an organisation that is not a
        // member, an account of another organisation.
        let chamber_id = chamber.to_string();
        for (form, message) in [
            (
                [
                    ("organisation", chamber_id.as_str()),
                    ("name", "Anna Neri"),
                    ("email", "anna@camera"),
                ],
                "Inserisci un indirizzo email valido",
            ),
            (
                [
                    ("organisation", chamber_id.as_str()),
                    ("name", "Paola Santoro"),
                    ("email", "P.Santoro@unisa.example"),
                ],
                "Questo indirizzo email rappresenta già un membro del tavolo.",
            ),
            (
                [
                    (
                        "organisation",
                        &app.organisation("Provincia di Cosenza").await.to_string(),
                    ),
                    ("name", "Carla Neri"),
                    ("email", "carla@cosenza.example"),
                ],
                "Questa organizzazione non è tra i membri attuali del tavolo.",
            ),
            (
                [
                    ("organisation", chamber_id.as_str()),
                    ("name", "Francesca Greco"),
                    ("email", "membro@ponte.example"),
                ],
                "Questa email appartiene a un account che non fa parte dell'organizzazione scelta.",
            ),
            (
                [
                    ("organisation", chamber_id.as_str()),
                    ("name", ""),
                    ("email", "nome@camera.example"),
                ],
                "Campo obbligatorio.",
            ),
        ] {
            refused(
                &app,
                &mut c,
                &format!("{base}/representatives"),
                &form,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await;
        }
        // A contact with a name and an email only, and a person with an account.
        let r = c
            .post(
                &format!("{base}/representatives"),
                &[
                    ("organisation", chamber_id.as_str()),
                    ("name", "Anna Neri"),
                    ("email", "Anna.Neri@camera.example"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let caruso = db::accounts::credentials(app.db(), "r.caruso@provincia.caserta.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        let r = c
            .post(
                &format!("{base}/representatives"),
                &[
                    ("organisation", &caserta.to_string()),
                    ("name", "Roberta Caruso"),
                    ("email", "r.caruso@provincia.caserta.example"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let reps = db::tables::representatives(app.db(), salerno_table)
            .await
            .unwrap();
        let anna = reps.iter().find(|r| r.name == "Anna Neri").unwrap();
        assert_eq!(
            (anna.email.as_str(), anna.user_id),
            ("anna.neri@camera.example", None)
        );
        let roberta = reps.iter().find(|r| r.name == "Roberta Caruso").unwrap();
        assert_eq!(roberta.user_id, Some(caruso));
        // Representing gives access: the Caserta official now reads the table.
        let mut roberta_client = app.signed_in("r.caruso@provincia.caserta.example").await;
        assert_eq!(
            roberta_client.get(&base).await.status,
            StatusCode::OK,
            "{name}"
        );
        // Leaving: required, not before joining; once left, the organisation's people lose
        // access and it is no longer offered as represented.
        let member_id = added.id;
        refused(
            &app,
            &mut c,
            &format!("{base}/members/{member_id}/leave"),
            &[("left_on", "")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Campo obbligatorio.",
        )
        .await;
        refused(
            &app,
            &mut c,
            &format!("{base}/members/{member_id}/leave"),
            &[("left_on", "2001-01-01")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "La data di uscita non può precedere quella di adesione.",
        )
        .await;
        let today = chrono::Utc::now()
            .with_timezone(&domain::locale::TIME_ZONE)
            .date_naive()
            .to_string();
        let r = c
            .post(
                &format!("{base}/members/{member_id}/leave"),
                &[("left_on", &today)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(
            roberta_client.get(&base).await.status,
            StatusCode::SEE_OTHER,
            "{name}: a representative of a member that left reads the public page"
        );
        refused(
            &app,
            &mut c,
            &format!("{base}/representatives"),
            &[
                ("organisation", &caserta.to_string()),
                ("name", "Giuseppe Villani"),
                ("email", "g.villani@provincia.caserta.example"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Questa organizzazione non è tra i membri attuali del tavolo.",
        )
        .await;

        // Managing is the secretariat's: a representative reads and is refused forms; a
        // secretary of one table does not manage another.
        let mut actor = app.signed_in("attore@ponte.example").await;
        assert_eq!(
            actor
                .post(
                    &format!("{base}/members"),
                    &[("organisation", &caserta.to_string()), ("role", "member")]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut foggia_official = app.signed_in("m.longo@provincia.foggia.example").await;
        assert_eq!(
            foggia_official
                .get(&format!("/tables/{foggia_table}"))
                .await
                .status,
            StatusCode::OK
        );
        let before = changes(&app).await;
        assert_eq!(
            foggia_official
                .post(
                    &format!("/tables/{foggia_table}/members"),
                    &[
                        ("organisation", &caserta.to_string()),
                        ("role", "member"),
                        ("joined_on", "")
                    ],
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            c.post(
                &format!("/tables/{foggia_table}/members"),
                &[
                    ("organisation", &caserta.to_string()),
                    ("role", "member"),
                    ("joined_on", "")
                ],
            )
            .await
            .status,
            StatusCode::NOT_FOUND,
            "{name}: Foggia's table does not exist for Salerno's member"
        );
        assert_eq!(changes(&app).await, before);

        // The secretariat: named by the lead's coordinator, not by a secretary.
        let salerno = app.organisation("Provincia di Salerno").await;
        let (new_member, _) = {
            let user = db::accounts::NewUser {
                email: "nuova.segretaria@provincia.salerno.example".into(),
                name: "Nuova Segretaria".into(),
                password_hash: web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap(),
            };
            let grant = domain::roles::Grant {
                role: domain::roles::Role::Member,
                space: domain::roles::SpaceKind::Organisation,
                space_id: Some(salerno),
            };
            (
                db::accounts::create_user(app.db(), &user, &[grant], None)
                    .await
                    .unwrap(),
                (),
            )
        };
        assert_eq!(
            c.post(
                &format!("{base}/secretariat"),
                &[("user", &new_member.to_string())]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let membro = db::accounts::credentials(app.db(), "membro@ponte.example")
            .await
            .unwrap()
            .unwrap()
            .id;
        refused(
            &app,
            &mut coordinator,
            &format!("{base}/secretariat"),
            &[("user", &membro.to_string())],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Questa persona fa già parte della segreteria.",
        )
        .await;
        refused(
            &app,
            &mut coordinator,
            &format!("{base}/secretariat"),
            &[("user", &caruso.to_string())],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Scegli una persona dell'amministrazione capofila.",
        )
        .await;
        let r = coordinator
            .post(
                &format!("{base}/secretariat"),
                &[("user", &new_member.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let mut secretary = app
            .signed_in("nuova.segretaria@provincia.salerno.example")
            .await;
        let page = secretary.get(&base).await;
        assert!(page.body.contains(&format!("{base}/members\"")), "{name}");
    }
}

#[tokio::test]
async fn a_table_moves_through_its_states_with_a_memorandum_and_signatories() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno_table, foggia_table) = demo_tables(&app).await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let foggia_base = format!("/tables/{foggia_table}");
        let today = chrono::Utc::now()
            .with_timezone(&domain::locale::TIME_ZONE)
            .date_naive();
        let today_text = today.to_string();
        refused(
            &app,
            &mut staff,
            &format!("{foggia_base}/status"),
            &[("status", "constituted"), ("on", &today_text)],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Prima registra il protocollo d'intesa del tavolo.",
        )
        .await;
        refused(
            &app,
            &mut staff,
            &format!("{foggia_base}/status"),
            &[("status", "active"), ("on", &today_text)],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Il tavolo non può passare a questo stato da quello attuale.",
        )
        .await;
        refused(
            &app,
            &mut staff,
            &format!("{foggia_base}/signatories"),
            &[
                (
                    "organisation",
                    &app.organisation("Provincia di Foggia").await.to_string(),
                ),
                ("name", "Il Presidente"),
                ("signed_on", &today_text),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Prima registra il protocollo d'intesa del tavolo.",
        )
        .await;
        // The memorandum is one of the lead administration's documents: Salerno's is refused.
        let salerno_memo = db::tables::get(app.db(), salerno_table)
            .await
            .unwrap()
            .memorandum_id
            .unwrap();
        refused(
            &app,
            &mut staff,
            &format!("{foggia_base}/memorandum"),
            &[("document", &salerno_memo.to_string())],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Scegli uno dei documenti dell'amministrazione capofila.",
        )
        .await;
        // On Salerno's table (constituted): dates in the future or before it was constituted.
        let base = format!("/tables/{salerno_table}");
        let tomorrow = (today + chrono::Duration::days(1)).to_string();
        refused(
            &app,
            &mut staff,
            &format!("{base}/status"),
            &[("status", "active"), ("on", &tomorrow)],
            StatusCode::UNPROCESSABLE_ENTITY,
            "La data non può essere nel futuro.",
        )
        .await;
        refused(
            &app,
            &mut staff,
            &format!("{base}/status"),
            &[("status", "active"), ("on", "2001-01-01")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "La data non può precedere l'inizio dello stato attuale.",
        )
        .await;
        let salerno = app.organisation("Provincia di Salerno").await;
        refused(
            &app,
            &mut staff,
            &format!("{base}/signatories"),
            &[
                ("organisation", &salerno.to_string()),
                ("name", "Altro firmatario"),
                ("signed_on", &today_text),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Per questa organizzazione la firma è già registrata.",
        )
        .await;
        let ngo = app.organisation("ONG Mediterraneo Solidale").await;
        let r = staff
            .post(
                &format!("{base}/signatories"),
                &[
                    ("organisation", &ngo.to_string()),
                    ("name", "La Presidente"),
                    ("signed_on", &today_text),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(
            db::tables::signatories(app.db(), salerno_table)
                .await
                .unwrap()
                .len(),
            4
        );
        for (to, status) in [
            ("active", domain::tables::Status::Active),
            ("dormant", domain::tables::Status::Dormant),
            ("active", domain::tables::Status::Active),
        ] {
            let r = staff
                .post(
                    &format!("{base}/status"),
                    &[("status", to), ("on", &today_text)],
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::SEE_OTHER,
                "{to} on {name}: {}",
                r.body
            );
            let t = db::tables::get(app.db(), salerno_table).await.unwrap();
            assert_eq!(t.status, status, "{name}");
        }
        let t = db::tables::get(app.db(), salerno_table).await.unwrap();
        assert_eq!(t.dates.active_since, Some(today));
        assert_eq!(t.dates.dormant_since, None);
        assert!(t.dates.constituted_on.is_some_and(|d| d < today));
        let page = staff.get(&base).await;
        assert!(page.body.contains("Attivo"), "{name}");
    }
}

/// Text of an HTML attribute or element as the browser reads it.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// The value of attribute `name` in the tag `tag` (its text between `<` and `>`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

/// Whether the tag carries the boolean attribute `name`.
fn flag(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '>')
        .any(|w| w == name)
}

/// The pairs a browser sends when the form posting to `action` in `page` is submitted as shown:
/// its inputs (checkboxes only when checked), text areas and the selected options.
fn submitted(page: &str, action: &str) -> Vec<(String, String)> {
    let opening = format!("<form method=\"post\" action=\"{action}\"");
    let start = page
        .find(&opening)
        .unwrap_or_else(|| panic!("no form posting to {action} in {page}"));
    let form = &page[start..start + page[start..].find("</form>").unwrap()];
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        if tag.starts_with("<input ") {
            let kind = attribute(tag, "type").unwrap_or_else(|| "text".into());
            if let Some(name) = attribute(tag, "name") {
                if kind != "checkbox" || flag(tag, "checked") {
                    out.push((name, attribute(tag, "value").unwrap_or_default()));
                }
            }
        } else if tag.starts_with("<textarea ") {
            let close = rest.find("</textarea>").unwrap();
            if let Some(name) = attribute(tag, "name") {
                out.push((name, unescape(&rest[end + 1..close])));
            }
        } else if tag.starts_with("<select ") {
            let close = rest.find("</select>").unwrap();
            let name = attribute(tag, "name").unwrap();
            let mut options = &rest[end + 1..close];
            while let Some(o) = options.find("<option") {
                options = &options[o..];
                let e = options.find('>').unwrap();
                let option = &options[..e];
                if flag(option, "selected") {
                    out.push((name.clone(), attribute(option, "value").unwrap_or_default()));
                }
                options = &options[e..];
            }
        }
        rest = &rest[end..];
    }
    out
}

#[tokio::test]
async fn a_table_is_edited_from_its_edit_page_as_sent() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, _) = demo_tables(&app).await;
        let before = db::tables::get(app.db(), salerno).await.unwrap();
        let mut c = app.signed_in("coordinatore@ponte.example").await;
        let page = c.get(&format!("/tables/{salerno}/edit")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}: {}", page.body);
        let mut form = submitted(&page.body, &format!("/tables/{salerno}"));
        // The page sends what it shows; the lead is fixed and not among its fields.
        assert!(form.iter().any(|(k, _)| k == "version"), "{name}: {form:?}");
        assert!(form.iter().all(|(k, _)| k != "lead"), "{name}: {form:?}");
        let renamed = format!("{} (rivisto)", before.name);
        for (k, v) in form.iter_mut() {
            if k == "name" {
                *v = renamed.clone();
            }
        }
        let r = c.post(&format!("/tables/{salerno}"), &pairs(&form)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let after = db::tables::get(app.db(), salerno).await.unwrap();
        assert_eq!(after.name, renamed, "{name}");
        assert_eq!(after.lead_id, before.lead_id, "{name}");
        assert_eq!(after.themes, before.themes, "{name}");
        assert_eq!(after.countries, before.countries, "{name}");
        assert_eq!(after.territory, before.territory, "{name}");
        assert_eq!(after.dates, before.dates, "{name}");
        assert_eq!(after.public, before.public, "{name}");
        assert_eq!(after.version, before.version + 1, "{name}");
    }
}

/// The account with this email.
async fn user_id(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no user {email}"))
        .id
}

#[tokio::test]
async fn a_revoked_grant_ends_secretariat_and_representative_access() {
    use domain::roles::Role;
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, _) = demo_tables(&app).await;
        let lead = app.organisation("Provincia di Salerno").await;
        let staff = user_id(&app, "staff@ponte.example").await;
        let secretary = user_id(&app, "membro@ponte.example").await;
        let actor = user_id(&app, "attore@ponte.example").await;
        let rows = || async {
            (
                db::tables::secretariat(app.db(), salerno)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|s| s.user_id)
                    .collect::<Vec<_>>(),
                db::tables::representatives(app.db(), salerno)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|r| (r.organisation_id, r.user_id))
                    .collect::<Vec<_>>(),
            )
        };
        let before = rows().await;
        assert!(before.0.contains(&secretary), "{name}");
        let represented = before
            .1
            .iter()
            .find(|(_, user)| *user == Some(actor))
            .map(|(org, _)| *org)
            .unwrap_or_else(|| panic!("the actor represents nobody on {name}"));

        // While they hold their roles, the secretary manages the table and the actor reads it.
        let mut s = app.signed_in("membro@ponte.example").await;
        let page = s.get(&format!("/tables/{salerno}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(
            page.body.contains(&format!("/tables/{salerno}/members\"")),
            "{name}"
        );
        let mut a = app.signed_in("attore@ponte.example").await;
        assert_eq!(
            a.get(&format!("/tables/{salerno}")).await.status,
            StatusCode::OK,
            "{name}"
        );

        // The secretary stops being a member of the lead administration but stays a member
        // elsewhere (so the route's policy still lets them in): the table is public, so they
        // are sent to its public page, and its edit page is refused as it is to any reader.
        let caserta = app.organisation("Provincia di Caserta").await;
        db::accounts::add_grant(
            app.db(),
            secretary,
            domain::roles::Grant {
                role: Role::Member,
                space: domain::roles::SpaceKind::Organisation,
                space_id: Some(caserta),
            },
            Some(staff),
        )
        .await
        .unwrap();
        db::accounts::revoke_grant(app.db(), secretary, Role::Member, lead, staff)
            .await
            .unwrap();
        let r = s.get(&format!("/tables/{salerno}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(r.location(), format!("/tables/{salerno}/public"));
        assert_eq!(
            s.get(&format!("/tables/{salerno}/edit")).await.status,
            StatusCode::FORBIDDEN,
            "{name}"
        );

        // The actor's grant in the organisation they represent is revoked: no more table page.
        db::accounts::revoke_grant(app.db(), actor, Role::Actor, represented, staff)
            .await
            .unwrap();
        let r = a.get(&format!("/tables/{salerno}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(r.location(), format!("/tables/{salerno}/public"));

        // Not one of the table's rows changed.
        assert_eq!(rows().await, before, "{name}");
    }
}

#[tokio::test]
async fn the_formation_date_cannot_move_after_what_followed_it() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, foggia) = demo_tables(&app).await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let with_formed_on = |page: &str, id: Uuid, on: chrono::NaiveDate| {
            let mut form = submitted(page, &format!("/tables/{id}"));
            for (k, v) in form.iter_mut() {
                if k == "formed_on" {
                    *v = on.to_string();
                }
            }
            form
        };
        // Salerno's table is constituted: it cannot have begun forming after that.
        let s = db::tables::get(app.db(), salerno).await.unwrap();
        let constituted = s.dates.constituted_on.unwrap();
        let page = staff.get(&format!("/tables/{salerno}/edit")).await;
        let form = with_formed_on(&page.body, salerno, constituted.succ_opt().unwrap());
        refused(
            &app,
            &mut staff,
            &format!("/tables/{salerno}"),
            &pairs(&form),
            StatusCode::UNPROCESSABLE_ENTITY,
            "La data di avvio non può essere successiva alla costituzione o all'attivazione del tavolo.",
        )
        .await;
        let after = db::tables::get(app.db(), salerno).await.unwrap();
        assert_eq!((after.version, after.dates), (s.version, s.dates), "{name}");
        // Foggia's table is being formed: not after the first member joined.
        let f = db::tables::get(app.db(), foggia).await.unwrap();
        let first = db::tables::members(app.db(), foggia)
            .await
            .unwrap()
            .iter()
            .map(|m| m.joined_on)
            .min()
            .unwrap();
        let page = staff.get(&format!("/tables/{foggia}/edit")).await;
        let form = with_formed_on(&page.body, foggia, first.succ_opt().unwrap());
        refused(
            &app,
            &mut staff,
            &format!("/tables/{foggia}"),
            &pairs(&form),
            StatusCode::UNPROCESSABLE_ENTITY,
            "La data di avvio non può essere successiva all'adesione di un membro del tavolo.",
        )
        .await;
        // The message stands next to the field.
        let r = staff
            .post(&format!("/tables/{foggia}"), &pairs(&form))
            .await;
        assert!(r.body.contains("id=\"e-formed_on\""), "{name}: {}", r.body);
        let after = db::tables::get(app.db(), foggia).await.unwrap();
        assert_eq!((after.version, after.dates), (f.version, f.dates), "{name}");
        // An earlier date is accepted.
        let form = with_formed_on(&page.body, foggia, first.pred_opt().unwrap());
        let r = staff
            .post(&format!("/tables/{foggia}"), &pairs(&form))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        assert_eq!(
            db::tables::get(app.db(), foggia)
                .await
                .unwrap()
                .dates
                .formed_on,
            first.pred_opt(),
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_tables_memorandum_cannot_be_deleted_from_the_library() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, _) = demo_tables(&app).await;
        let memorandum = db::tables::get(app.db(), salerno)
            .await
            .unwrap()
            .memorandum_id
            .unwrap();
        let mut staff = app.signed_in("staff@ponte.example").await;
        let page = staff.get(&format!("/library/documents/{memorandum}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(
            page.body
                .contains(&format!("/library/documents/{memorandum}/delete")),
            "{name}: no delete button"
        );
        refused(
            &app,
            &mut staff,
            &format!("/library/documents/{memorandum}/delete"),
            &[],
            StatusCode::CONFLICT,
            "Questo documento è il protocollo d'intesa di un tavolo territoriale e non può essere eliminato",
        )
        .await;
        assert!(
            db::library::document(app.db(), memorandum)
                .await
                .unwrap()
                .is_some(),
            "{name}: the document was deleted"
        );
        assert_eq!(
            db::tables::get(app.db(), salerno)
                .await
                .unwrap()
                .memorandum_id,
            Some(memorandum),
            "{name}"
        );
        assert_eq!(
            staff
                .get(&format!("/library/documents/{memorandum}"))
                .await
                .status,
            StatusCode::OK,
            "{name}"
        );
    }
}

#[tokio::test]
async fn the_memorandum_is_named_only_to_those_who_may_see_it() {
    for app in apps().await {
        let name = app.backend.name;
        let (salerno, _) = demo_tables(&app).await;
        let lead = app.organisation("Provincia di Salerno").await;
        let t = db::tables::get(app.db(), salerno).await.unwrap();
        let memorandum = t.memorandum_id.unwrap();
        let title = db::library::document(app.db(), memorandum)
            .await
            .unwrap()
            .unwrap()
            .title;
        // The lead administration keeps the document to itself.
        let sql = "UPDATE library_documents SET visibility = 'organisation', organisation_id = $1 WHERE id = $2";
        match app.db().pool() {
            db::Pool::Sqlite(pool) => {
                sqlx::query(sql)
                    .bind(lead)
                    .bind(memorandum)
                    .execute(pool)
                    .await
                    .unwrap();
            }
            db::Pool::Postgres(pool) => {
                sqlx::query(sql)
                    .bind(lead)
                    .bind(memorandum)
                    .execute(pool)
                    .await
                    .unwrap();
            }
        }
        let link = format!("/library/documents/{memorandum}\"");
        let escaped = |s: &str| s.replace('\'', "&#x27;").replace('"', "&quot;");
        // The lead's coordinator sees the title and the link.
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let page = coordinator.get(&format!("/tables/{salerno}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(page.body.contains(&link), "{name}");
        assert!(page.body.contains(&escaped(&title)), "{name}");
        // The chamber's representative reads the table but not the document: they learn that
        // the memorandum is recorded, not what it is called nor where it is.
        for email in ["attore@ponte.example"] {
            let mut c = app.signed_in(email).await;
            assert_eq!(
                c.get(&format!("/library/documents/{memorandum}"))
                    .await
                    .status,
                StatusCode::NOT_FOUND,
                "{email} on {name}"
            );
            let page = c.get(&format!("/tables/{salerno}")).await;
            assert_eq!(page.status, StatusCode::OK, "{email} on {name}");
            assert!(
                page.body.contains("Protocollo registrato."),
                "{email} on {name}"
            );
            assert!(!page.body.contains(&link), "{email} on {name}");
            assert!(!page.body.contains(&escaped(&title)), "{email} on {name}");
        }
    }
}
