//! Every route of the router, walked by a signed-out visitor and by each role, on both databases:
//! each gets exactly what the hand-written matrix (tests/data/permissions.txt) allows, and so does
//! the policy. A route without a policy entry or a line in the matrix fails here.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, concrete_path, App, Client};
use domain::policy::{self, Decision};
use domain::roles::{Grant, Principal, Role, SpaceKind};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The demo people who walk the routes, with the role each holds.
const PEOPLE: &[(Option<&str>, &str)] = &[
    (None, "guest"),
    (Some("admin@ponte.example"), "admin"),
    (Some("staff@ponte.example"), "staff"),
    (Some("tutor@ponte.example"), "tutor"),
    (Some("coordinatore@ponte.example"), "coordinator"),
    (Some("membro@ponte.example"), "member"),
    (Some("attore@ponte.example"), "actor"),
];

/// The roles in the order of the matrix's columns.
const COLUMNS: [&str; 7] = [
    "guest",
    "admin",
    "staff",
    "tutor",
    "coordinator",
    "member",
    "actor",
];

/// One line of the expected matrix (tests/data/permissions.txt).
struct Expected {
    /// Whether the action is about one organisation's workspace (the route's `{id}`).
    workspace: bool,
    /// Allowed, per role of `COLUMNS`.
    allowed: BTreeMap<&'static str, bool>,
}

/// The expected matrix, written by hand as data: action name to what each role may do.
fn matrix() -> BTreeMap<String, Expected> {
    let text = include_str!("data/permissions.txt");
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells.len(), 2 + COLUMNS.len(), "line {}: {line}", n + 1);
        let workspace = match cells[1] {
            "own" => true,
            "-" => false,
            other => panic!("line {}: unknown space {other}", n + 1),
        };
        let allowed = COLUMNS
            .iter()
            .zip(&cells[2..])
            .map(|(role, cell)| match *cell {
                "Y" => (*role, true),
                "n" => (*role, false),
                other => panic!("line {}: unknown cell {other}", n + 1),
            })
            .collect();
        let previous = out.insert(cells[0].to_string(), Expected { workspace, allowed });
        assert!(previous.is_none(), "{} is in the matrix twice", cells[0]);
    }
    out
}

/// What `role` gets for `action` in the workspace of an organisation where it holds its role
/// (`own`) or not, according to the matrix.
fn expected_allowed(e: &Expected, role: &str, own: bool) -> bool {
    let local = !matches!(role, "guest" | "admin" | "staff");
    e.allowed[role] && (!e.workspace || !local || own)
}

#[test]
fn every_route_has_a_policy_and_every_policy_a_route() {
    let routes = web::routes::all();
    for r in &routes {
        assert!(
            policy::rule(r.name).is_some(),
            "route {} {} ({}) has no policy entry",
            r.method,
            r.path,
            r.name
        );
    }
    for (name, _) in policy::all() {
        assert!(
            routes.iter().any(|r| r.name == *name),
            "policy entry {name} has no route"
        );
    }
}

#[test]
fn the_matrix_names_every_route_once_with_its_space() {
    let m = matrix();
    let routes = web::routes::all();
    for r in &routes {
        let e = m
            .get(r.name)
            .unwrap_or_else(|| panic!("route {} ({}) is not in the matrix", r.path, r.name));
        assert_eq!(
            e.workspace,
            r.path.starts_with("/organisations/{id}/"),
            "{} ({}): the matrix's space does not match the route's path",
            r.name,
            r.path
        );
    }
    for name in m.keys() {
        assert!(
            routes.iter().any(|r| r.name == name),
            "the matrix names {name}, which no route has"
        );
    }
}

/// The policy, asked for a person holding each role (local roles in one organisation), agrees
/// with the matrix in that organisation, in another one, and for guests.
#[test]
fn the_policy_agrees_with_the_matrix() {
    let own = Uuid::from_u128(1);
    let other = Uuid::from_u128(2);
    let person = |role: Role| Principal {
        user_id: Uuid::from_u128(7),
        grants: vec![Grant {
            role,
            space: role.space_kind(),
            space_id: match role.space_kind() {
                SpaceKind::Platform => None,
                SpaceKind::Programme => Some(Uuid::from_u128(9)),
                SpaceKind::Organisation => Some(own),
            },
        }],
    };
    let mut wrong = Vec::new();
    for (name, e) in matrix() {
        let rule = policy::rule(&name).unwrap_or_else(|| panic!("{name} has no policy"));
        let guest = rule.decide(None, Some(own));
        let expected = if e.allowed["guest"] {
            Decision::Allow
        } else {
            Decision::SignIn
        };
        if guest != expected {
            wrong.push(format!(
                "{name}: guest gets {guest:?}, the matrix says {expected:?}"
            ));
        }
        for role in Role::ALL {
            let p = person(role);
            let places: &[(Option<Uuid>, bool)] = if e.workspace {
                &[(Some(own), true), (Some(other), false), (None, false)]
            } else {
                &[(None, true)]
            };
            for (org, is_own) in places {
                let allowed = rule.decide(Some(&p), *org) == Decision::Allow;
                let expected = expected_allowed(&e, role.code(), *is_own);
                if allowed != expected {
                    wrong.push(format!(
                        "{name}: {} {} is {}, the matrix says {}",
                        role.code(),
                        if *is_own {
                            "in its organisation"
                        } else {
                            "elsewhere"
                        },
                        if allowed { "allowed" } else { "refused" },
                        if expected { "allowed" } else { "refused" },
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

async fn client_for(app: &App, who: Option<&str>) -> Client {
    match who {
        Some(email) => app.signed_in(email).await,
        None => app.client(),
    }
}

/// Every route, walked by a guest and each demo person, answers as the matrix says; the routes of
/// a workspace are walked in three organisations: Salerno (of the coordinator and the member),
/// Caserta (another province: its tutor's too) and the chamber of commerce (the actor's).
#[tokio::test]
async fn each_role_gets_exactly_what_the_matrix_says() {
    let m = matrix();
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        let holds = |role: &str, org: Uuid| match role {
            "coordinator" | "member" => org == salerno,
            "tutor" => org != chamber,
            "actor" => org == chamber,
            _ => false,
        };
        let mut wrong = Vec::new();
        for (who, role) in PEOPLE {
            let mut client = client_for(&app, *who).await;
            for route in web::routes::all() {
                let e = &m[route.name];
                let salerno_path = concrete_path(&app, route.path).await;
                let orgs: &[Uuid] = if e.workspace {
                    &[salerno, caserta, chamber]
                } else {
                    &[salerno]
                };
                for org in orgs {
                    let path = salerno_path.replace(&salerno.to_string(), &org.to_string());
                    let reply = if route.method == Method::GET {
                        client.get(&path).await
                    } else {
                        client.post(&path, &[]).await
                    };
                    let context = format!(
                        "{} {} ({}) as {role} on {}: {} {}",
                        route.method,
                        path,
                        route.name,
                        app.backend.name,
                        reply.status,
                        reply.location()
                    );
                    assert!(
                        reply.status.as_u16() < 500,
                        "server error: {context}\n{}",
                        reply.body
                    );
                    let refused = reply.status == StatusCode::FORBIDDEN
                        || reply.status == StatusCode::UNAUTHORIZED
                        || reply.location().starts_with("/sign-in?next");
                    let expected = expected_allowed(e, role, holds(role, *org));
                    if expected == refused {
                        wrong.push(format!(
                            "{context}: the matrix says {}",
                            if expected { "allowed" } else { "refused" }
                        ));
                    }
                    if !expected && who.is_none() {
                        // A guest is sent to sign in (pages) or told to (forms).
                        if route.method == Method::GET {
                            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{context}");
                            assert!(reply.location().starts_with("/sign-in?next="), "{context}");
                        } else {
                            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{context}");
                        }
                    } else if !expected {
                        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{context}");
                    }
                    if route.name == "accounts.sign_out" && who.is_some() {
                        client = client_for(&app, *who).await;
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}

#[tokio::test]
async fn workspaces_stay_within_their_organisation() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let chamber = app.organisation("Camera di commercio di Salerno").await;
        for email in ["membro@ponte.example", "coordinatore@ponte.example"] {
            let mut c = app.signed_in(email).await;
            assert_eq!(
                c.get(&format!("/organisations/{salerno}/workspace"))
                    .await
                    .status,
                StatusCode::OK
            );
            let other = c.get(&format!("/organisations/{caserta}/workspace")).await;
            assert_eq!(
                other.status,
                StatusCode::FORBIDDEN,
                "{email} on {}",
                app.backend.name
            );
            assert!(
                !other.body.contains("Provincia di Caserta"),
                "the refusal page leaks the workspace"
            );
        }
        let mut actor = app.signed_in("attore@ponte.example").await;
        assert_eq!(
            actor
                .get(&format!("/organisations/{chamber}/workspace"))
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            actor
                .get(&format!("/organisations/{salerno}/workspace"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut tutor = app.signed_in("tutor@ponte.example").await;
        assert_eq!(
            tutor
                .get(&format!("/organisations/{caserta}/workspace"))
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            tutor
                .get(&format!("/organisations/{chamber}/workspace"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut staff = app.signed_in("staff@ponte.example").await;
        assert_eq!(
            staff
                .get(&format!("/organisations/{chamber}/workspace"))
                .await
                .status,
            StatusCode::OK
        );
        // Unknown and malformed ids.
        let unknown = uuid::Uuid::now_v7();
        assert_eq!(
            staff
                .get(&format!("/organisations/{unknown}/workspace"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            staff.get(&format!("/organisations/{unknown}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            staff
                .get("/organisations/not-a-uuid/workspace")
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            staff.get("/programme/modules/123").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            staff
                .get(&format!("/programme/cohorts/{unknown}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}

/// How many entries the audit log holds for `action` (every entry when `None`).
async fn audited(app: &App, action: Option<&str>) -> i64 {
    db::audit::page(app.db(), action, 1, 0).await.unwrap().1
}

/// A person holding one role in one organisation, with the demo password.
async fn person_with(app: &App, email: &str, role: Role, organisation: Uuid) -> Uuid {
    let user = db::accounts::NewUser {
        email: email.into(),
        name: format!("Persona {email}"),
        password_hash: web::accounts::password::hash(ponte::demo::DEMO_PASSWORD).unwrap(),
    };
    let grant = Grant {
        role,
        space: SpaceKind::Organisation,
        space_id: Some(organisation),
    };
    db::accounts::create_user(app.db(), &user, &[grant], None)
        .await
        .unwrap()
}

/// Each comment of a product with whether it is resolved.
async fn resolved(app: &App, product: Uuid) -> Vec<(Uuid, bool)> {
    db::products::comments(app.db(), product)
        .await
        .unwrap()
        .iter()
        .map(|c| (c.id, c.resolved_at.is_some()))
        .collect()
}

/// A text product of `organisation`, made directly in the database.
async fn text_product(app: &App, organisation: Uuid, title: &str) -> Uuid {
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

/// "Allowed" means the allowed people can do it: for the forms of a workspace, each person the
/// matrix allows sends a valid form, gets the success answer, and the change is stored (and
/// audited under the action's name).
#[tokio::test]
async fn each_allowed_person_changes_a_workspace_with_a_valid_form() {
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let product = text_product(&app, salerno, "Nota condivisa").await;
        let base = format!("/organisations/{salerno}");
        let today = chrono::Utc::now().date_naive().to_string();
        let mut tried = BTreeMap::<&str, usize>::new();
        for (who, role) in PEOPLE.iter().skip(1) {
            let mut c = app.signed_in(who.unwrap()).await;
            let allowed = |action: &str| expected_allowed(&m[action], role, *role != "actor");
            // A new product.
            if allowed("products.create") {
                let title = format!("Piano di {role}");
                let before = audited(&app, Some("products.create")).await;
                let r = c
                    .post(
                        &format!("{base}/products"),
                        &[("title", &title), ("kind", "improvement_plan")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert_eq!(audited(&app, Some("products.create")).await, before + 1);
                let listed = db::products::list(app.db(), salerno).await.unwrap();
                assert!(listed.iter().any(|p| p.title == title), "{role} on {name}");
                *tried.entry("products.create").or_default() += 1;
            }
            // A save over the last version.
            if allowed("products.save") {
                let stored = db::products::get(app.db(), product).await.unwrap().unwrap();
                let text = format!("Testo scritto da {role}");
                let r = c
                    .post(
                        &format!("{base}/products/{product}"),
                        &[
                            ("edit", &stored.version.to_string()),
                            ("title", "Nota condivisa"),
                            ("markdown", &text),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let saved = db::products::get(app.db(), product).await.unwrap().unwrap();
                assert_eq!(saved.version, stored.version + 1, "{role} on {name}");
                assert!(saved.content.contains(&text), "{role} on {name}");
                *tried.entry("products.save").or_default() += 1;
            }
            // A comment, then resolved.
            if allowed("products.comment") {
                let body = format!("Osservazione di {role}");
                let r = c
                    .post(
                        &format!("{base}/products/{product}/comments"),
                        &[("anchor", ""), ("body", &body)],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let comments = db::products::comments(app.db(), product).await.unwrap();
                let comment = comments
                    .iter()
                    .find(|c| c.body == body)
                    .unwrap_or_else(|| panic!("{role}'s comment stored on {name}"));
                *tried.entry("products.comment").or_default() += 1;
                if allowed("products.resolve") {
                    let r = c
                        .post(
                            &format!("{base}/products/{product}/comments/{}/resolve", comment.id),
                            &[("resolved", "1")],
                        )
                        .await;
                    assert_eq!(
                        r.status,
                        StatusCode::SEE_OTHER,
                        "{role} on {name}: {}",
                        r.body
                    );
                    let comments = db::products::comments(app.db(), product).await.unwrap();
                    assert!(
                        comments
                            .iter()
                            .any(|c| c.id == comment.id && c.resolved_at.is_some()),
                        "{role} resolved on {name}"
                    );
                    *tried.entry("products.resolve").or_default() += 1;
                }
            }
            // A tutoring session logged, citing the product.
            if allowed("tutoring.record") {
                let before = audited(&app, Some("tutoring.record")).await;
                let r = c
                    .post(
                        &format!("{base}/tutoring"),
                        &[
                            ("held_on", &today),
                            ("minutes", "45"),
                            ("participants", &format!("{role} e la provincia")),
                            ("notes", ""),
                            ("product", &product.to_string()),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert_eq!(audited(&app, Some("tutoring.record")).await, before + 1);
                *tried.entry("tutoring.record").or_default() += 1;
            }
            // Someone invited into the workspace, and someone's role there taken away.
            if allowed("organisations.invite") {
                let before = audited(&app, Some("invitation.create")).await;
                let r = c
                    .post(
                        &format!("{base}/invitations"),
                        &[
                            ("email", &format!("invitato-{role}@provincia.example")),
                            ("role", "member"),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert_eq!(audited(&app, Some("invitation.create")).await, before + 1);
                *tried.entry("organisations.invite").or_default() += 1;
            }
            if allowed("organisations.revoke") {
                let leaving = person_with(
                    &app,
                    &format!("uscente-{role}@provincia.example"),
                    Role::Member,
                    salerno,
                )
                .await;
                let r = c
                    .post(
                        &format!("{base}/members/remove"),
                        &[("user", &leaving.to_string()), ("role", "member")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let p = db::accounts::principal(app.db(), leaving).await.unwrap();
                assert!(
                    !p.has_in_organisation(Role::Member, salerno),
                    "{role} took the role away on {name}"
                );
                *tried.entry("organisations.revoke").or_default() += 1;
            }
        }
        // Every form above was sent by every role the matrix allows.
        for (action, n) in &tried {
            let expected = PEOPLE
                .iter()
                .skip(1)
                .filter(|(_, role)| expected_allowed(&m[*action], role, *role != "actor"))
                .count();
            assert_eq!(*n, expected, "{action} on {name}");
        }
        assert_eq!(tried.len(), 7, "{name}");
    }
}

/// Checks inside the handlers, with records of two organisations: a product of Caserta asked for
/// under Salerno's workspace (where the person may be) is not found and nothing changes; a tutor
/// of another province is refused Salerno's workspace, reaches their own, and cannot cite
/// Salerno's product in their province's tutoring log.
#[tokio::test]
async fn records_of_another_organisation_stay_out_of_a_workspace() {
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let caserta = app.organisation("Provincia di Caserta").await;
        let theirs = text_product(&app, caserta, "Nota di Caserta").await;
        let ours = app.product_of_kind(salerno, "logframe").await;
        let our_comment = db::products::comments(app.db(), ours).await.unwrap()[0].id;
        let mut tutor = app.signed_in("tutor@ponte.example").await;
        let r = tutor
            .post(
                &format!("/organisations/{caserta}/products/{theirs}/comments"),
                &[("anchor", ""), ("body", "Commento su Caserta")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let their_comment = db::products::comments(app.db(), theirs).await.unwrap()[0].id;
        let state = |app: &App| {
            let db = app.db().clone();
            async move {
                let p = db::products::get(&db, theirs).await.unwrap().unwrap();
                let c = db::products::comments(&db, theirs).await.unwrap();
                let audit = db::audit::page(&db, None, 1, 0).await.unwrap().1;
                (
                    p.version,
                    p.state,
                    p.title,
                    c.len(),
                    c.iter().filter(|c| c.resolved_at.is_some()).count(),
                    audit,
                )
            }
        };
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let before = state(&app).await;
        let mut checked = 0;
        for route in web::routes::all()
            .into_iter()
            .filter(|r| r.path.contains("{product}"))
        {
            let path = concrete_path(&app, route.path)
                .await
                .replace(&ours.to_string(), &theirs.to_string());
            let reply = if route.method == Method::GET {
                coordinator.get(&path).await
            } else {
                // The forms of these routes, filled as a person would.
                coordinator
                    .post(
                        &path,
                        &[
                            ("edit", "1"),
                            ("title", "Preso in prestito"),
                            ("markdown", "Testo estraneo"),
                            ("action", "submit"),
                            ("anchor", ""),
                            ("body", "Commento estraneo"),
                            ("resolved", "1"),
                            ("model", "1"),
                        ],
                    )
                    .await
            };
            let context = format!(
                "{} {path} ({}) on {name}: {}",
                route.method, route.name, reply.status
            );
            if route.name == "products.publish_model" {
                // Not the coordinator's to do anywhere.
                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{context}");
            } else {
                assert_eq!(reply.status, StatusCode::NOT_FOUND, "{context}");
            }
            assert!(
                !reply.body.contains("Nota di Caserta"),
                "{context}: leaks the title"
            );
            checked += 1;
        }
        assert!(checked >= 15, "{checked} routes with a product");
        // A comment of Salerno's product resolved through Caserta's, and the other way round.
        let r = coordinator
            .post(
                &format!(
                    "/organisations/{salerno}/products/{ours}/comments/{their_comment}/resolve"
                ),
                &[("resolved", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert_eq!(
            state(&app).await,
            before,
            "nothing of Caserta's changed on {name}"
        );
        let our_comments = resolved(&app, ours).await;
        let r = tutor
            .post(
                &format!(
                    "/organisations/{caserta}/products/{theirs}/comments/{our_comment}/resolve"
                ),
                &[("resolved", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{name}");
        assert_eq!(
            resolved(&app, ours).await,
            our_comments,
            "Salerno's comments unchanged on {name}"
        );
        // A tutor of Caserta only.
        person_with(&app, "tutor.caserta@ponte.example", Role::Tutor, caserta).await;
        let mut other_tutor = app.signed_in("tutor.caserta@ponte.example").await;
        for route in web::routes::all() {
            if !m[route.name].workspace {
                continue;
            }
            let ours_path = concrete_path(&app, route.path).await;
            let reply = if route.method == Method::GET {
                other_tutor.get(&ours_path).await
            } else {
                other_tutor.post(&ours_path, &[]).await
            };
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "{} {ours_path} ({}) as a tutor of Caserta on {name}",
                route.method,
                route.name
            );
        }
        let own = other_tutor
            .get(&format!("/organisations/{caserta}/products/{theirs}"))
            .await;
        assert_eq!(own.status, StatusCode::OK, "{name}");
        let log_before = audited(&app, Some("tutoring.record")).await;
        let today = chrono::Utc::now().date_naive().to_string();
        let cited = other_tutor
            .post(
                &format!("/organisations/{caserta}/tutoring"),
                &[
                    ("held_on", &today),
                    ("minutes", "30"),
                    ("participants", "Provincia di Caserta"),
                    ("product", &ours.to_string()),
                ],
            )
            .await;
        assert_eq!(cited.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(
            audited(&app, Some("tutoring.record")).await,
            log_before,
            "{name}"
        );
    }
}

/// Forms of programme staff's work, sent by each role the matrix allows (the operator and
/// staff): each succeeds and stores what it says.
#[tokio::test]
async fn staff_and_the_operator_both_run_labs_and_the_registry() {
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let sessions = db::labs::list(app.db(), &Default::default()).await.unwrap();
        let full_day = sessions
            .iter()
            .find(|s| s.place.contains("Salerno"))
            .unwrap()
            .id;
        let mut tried = 0;
        for (who, role) in PEOPLE.iter().skip(1) {
            let mut c = app.signed_in(who.unwrap()).await;
            if expected_allowed(&m["labs.agenda_add"], role, false) {
                let title = format!("Punto di {role}");
                let r = c
                    .post(
                        &format!("/labs/sessions/{full_day}/agenda"),
                        &[
                            ("start", "10:00"),
                            ("end", "10:30"),
                            ("title", &title),
                            ("speaker", ""),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let agenda = db::labs::agenda(app.db(), full_day).await.unwrap();
                assert!(agenda.iter().any(|i| i.title == title), "{role} on {name}");
                tried += 1;
            }
            if expected_allowed(&m["organisations.create"], role, false) {
                let org = format!("Associazione registrata da {role}");
                let r = c
                    .post(
                        "/admin/organisations",
                        &[
                            ("category", "local_actor"),
                            ("name", &org),
                            ("actor_sector", "association"),
                            ("actor_public", "private"),
                            ("region_code", "15"),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let (found, _) = db::organisations::search(app.db(), None, Some(&org), 5, 0)
                    .await
                    .unwrap();
                assert!(found.iter().any(|o| o.data.name == org), "{role} on {name}");
                tried += 1;
            }
        }
        assert_eq!(tried, 4, "admin and staff, two forms each, on {name}");
    }
}

/// How many of `PEOPLE` (the guest first) the matrix allows `action`, in Salerno's workspace for
/// a workspace action (where everyone but the actor holds a role).
fn allowed_count(m: &BTreeMap<String, Expected>, action: &str) -> usize {
    PEOPLE
        .iter()
        .filter(|(_, role)| expected_allowed(&m[action], role, *role != "actor"))
        .count()
}

/// Every action in `tried` was done with a valid form by each person the matrix allows.
fn each_allowed_role_tried(m: &BTreeMap<String, Expected>, tried: &BTreeMap<&str, usize>) {
    for (action, n) in tried {
        assert_eq!(*n, allowed_count(m, action), "{action}: forms sent");
    }
}

async fn user_id(app: &App, email: &str) -> Uuid {
    db::accounts::credentials(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id
}

fn product_state(p: &db::products::Product) -> &'static str {
    p.state.code()
}

/// The review workflow, model publishing, the editor's live check and preview, the problem
/// analysis and the notifications, each sent with a valid form by every role the matrix allows:
/// authors submit, reviewers request changes and approve, staff publish the approved product as a
/// model; what each changes is read back from the database.
#[tokio::test]
async fn each_allowed_person_reviews_edits_and_publishes_products() {
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let salerno = app.organisation("Provincia di Salerno").await;
        let base = format!("/organisations/{salerno}");
        let mut author = app.signed_in("membro@ponte.example").await;
        let mut tried = BTreeMap::<&str, usize>::new();
        for (who, role) in PEOPLE.iter().skip(1) {
            let mut c = app.signed_in(who.unwrap()).await;
            let allowed = |action: &str| expected_allowed(&m[action], role, *role != "actor");
            let get = |id: Uuid| {
                let db = app.db().clone();
                async move { db::products::get(&db, id).await.unwrap().unwrap() }
            };
            if allowed("products.review") {
                let product = text_product(&app, salerno, &format!("Da rivedere ({role})")).await;
                let path = format!("{base}/products/{product}/review");
                if matches!(*role, "coordinator" | "member") {
                    let r = c.post(&path, &[("action", "submit"), ("note", "")]).await;
                    assert_eq!(
                        r.status,
                        StatusCode::SEE_OTHER,
                        "{role} on {name}: {}",
                        r.body
                    );
                    assert_eq!(
                        product_state(&get(product).await),
                        "submitted",
                        "{role} on {name}"
                    );
                } else {
                    // Submitted by an author, then reviewed by this person: changes requested,
                    // resubmitted, approved.
                    let steps: [(bool, &str, &str); 4] = [
                        (false, "submit", "submitted"),
                        (true, "request_changes", "changes_requested"),
                        (false, "submit", "resubmitted"),
                        (true, "approve", "approved"),
                    ];
                    for (by_reviewer, action, state) in steps {
                        let note = format!("Nota di {role}");
                        let client = if by_reviewer { &mut c } else { &mut author };
                        let r = client
                            .post(&path, &[("action", action), ("note", &note)])
                            .await;
                        assert_eq!(
                            r.status,
                            StatusCode::SEE_OTHER,
                            "{action} for {role} on {name}: {}",
                            r.body
                        );
                        assert_eq!(
                            product_state(&get(product).await),
                            state,
                            "{action} for {role} on {name}"
                        );
                    }
                    if allowed("products.publish_model") {
                        let r = c
                            .post(
                                &format!("{base}/products/{product}/model"),
                                &[("model", "1")],
                            )
                            .await;
                        assert_eq!(
                            r.status,
                            StatusCode::SEE_OTHER,
                            "{role} on {name}: {}",
                            r.body
                        );
                        assert!(get(product).await.model, "{role} on {name}");
                        let models = db::products::models(app.db()).await.unwrap();
                        assert!(models.iter().any(|p| p.id == product), "{role} on {name}");
                        *tried.entry("products.publish_model").or_default() += 1;
                    }
                }
                *tried.entry("products.review").or_default() += 1;
            }
            if allowed("products.preview") {
                let product = text_product(&app, salerno, &format!("Anteprima ({role})")).await;
                let before = get(product).await;
                let audit = audited(&app, None).await;
                let r = c
                    .post(
                        &format!("{base}/products/{product}/preview"),
                        &[
                            ("edit", &before.version.to_string()),
                            ("title", &before.title),
                            ("markdown", "**Grassetto** e <script>x()</script>"),
                        ],
                    )
                    .await;
                assert_eq!(r.status, StatusCode::OK, "{role} on {name}: {}", r.body);
                assert!(
                    r.body.contains("<strong>Grassetto</strong>"),
                    "{role} on {name}: {}",
                    r.body
                );
                assert!(!r.body.contains("<script>"), "{role} on {name}");
                // A preview stores nothing.
                assert_eq!(
                    get(product).await.version,
                    before.version,
                    "{role} on {name}"
                );
                assert_eq!(audited(&app, None).await, audit, "{role} on {name}");
                *tried.entry("products.preview").or_default() += 1;
            }
            if allowed("products.check") || allowed("products.analysis_save") {
                let r = c
                    .post(
                        &format!("{base}/products"),
                        &[
                            ("title", &format!("Quadro logico di {role}")),
                            ("kind", "logframe"),
                            ("mode", "classic"),
                            ("due_on", ""),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let path = r.location().trim_end_matches("/edit").to_string();
                let product: Uuid = path.rsplit('/').next().unwrap().parse().unwrap();
                if allowed("products.check") {
                    let before = get(product).await;
                    let audit = audited(&app, None).await;
                    let r = c
                        .post(
                            &format!("{path}/check"),
                            &[
                                ("edit", &before.version.to_string()),
                                ("title", &before.title),
                                ("mode", "classic"),
                                ("r0.id", "1"),
                                ("r0.level", "overall"),
                                ("r0.text", "Amministrazioni locali più efficaci"),
                                ("r1.id", "2"),
                                ("r1.level", "specific"),
                                ("r1.text", "Organizzare seminari"),
                            ],
                        )
                        .await;
                    assert_eq!(r.status, StatusCode::OK, "{role} on {name}: {}", r.body);
                    // The findings are about the matrix as typed, not as stored.
                    assert!(
                        r.body.contains("descrive un&#x27;attività"),
                        "{role} on {name}: {}",
                        r.body
                    );
                    assert!(
                        !r.body.contains("Manca l&#x27;obiettivo generale"),
                        "{role} on {name}: {}",
                        r.body
                    );
                    assert_eq!(
                        get(product).await.version,
                        before.version,
                        "{role} on {name}"
                    );
                    assert_eq!(audited(&app, None).await, audit, "{role} on {name}");
                    *tried.entry("products.check").or_default() += 1;
                }
                if allowed("products.analysis_save") {
                    let before = get(product).await;
                    let edit = before.version.to_string();
                    let r = c
                        .post(
                            &format!("{path}/analysis"),
                            &[
                                ("edit", edit.as_str()),
                                ("n0.id", ""),
                                ("n0.kind", "core"),
                                ("n0.problem", "Poca capacità di progettare"),
                                ("n0.objective", "Capacità di progettare rafforzata"),
                                ("n1.id", ""),
                                ("n1.kind", "cause"),
                                ("n1.parent", "p1"),
                                ("n1.problem", "Nessuna formazione"),
                                ("n1.objective", "Personale formato"),
                                ("s0.name", "Regione Campania"),
                                ("s0.influence", "high"),
                                ("s0.participation", "inform"),
                            ],
                        )
                        .await;
                    assert_eq!(
                        r.status,
                        StatusCode::SEE_OTHER,
                        "{role} on {name}: {}",
                        r.body
                    );
                    let stored = get(product).await;
                    assert_eq!(stored.version, before.version + 1, "{role} on {name}");
                    let domain::products::Content::Logframe(lf) =
                        domain::products::Content::from_json(&stored.content)
                    else {
                        panic!("{role} on {name}: not a logframe")
                    };
                    assert_eq!(lf.analysis.nodes.len(), 2, "{role} on {name}");
                    assert!(
                        stored.content.contains("Regione Campania"),
                        "{role} on {name}"
                    );
                    *tried.entry("products.analysis_save").or_default() += 1;
                }
            }
            if allowed("notifications.read") {
                let user = user_id(&app, who.unwrap()).await;
                db::products::notify(
                    app.db(),
                    &db::products::Notice {
                        to: vec![user],
                        kind: "approved",
                        title: format!("Avviso per {role}"),
                        link: format!("{base}/products"),
                    },
                )
                .await
                .unwrap();
                let unread = |app: &App| {
                    let db = app.db().clone();
                    async move {
                        db::products::notifications(&db, user, 100)
                            .await
                            .unwrap()
                            .iter()
                            .filter(|n| !n.read)
                            .count()
                    }
                };
                assert!(unread(&app).await >= 1, "{role} on {name}");
                let r = c.post("/notifications/read", &[]).await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert_eq!(unread(&app).await, 0, "{role} on {name}");
                *tried.entry("notifications.read").or_default() += 1;
            }
        }
        each_allowed_role_tried(&m, &tried);
        assert_eq!(tried.len(), 6, "{name}: {tried:?}");
    }
}

/// A session of the first cohort and module, starting at `starts_at` for two hours.
async fn session_at(app: &App, starts_at: chrono::DateTime<chrono::Utc>) -> Uuid {
    let s = db::programme::structure(app.db()).await.unwrap().unwrap();
    let draft = domain::labs::SessionDraft {
        module_id: s.modules[0].id,
        cohort_id: s.cohorts[0].id,
        title: "Giornata per i moduli".into(),
        starts_at,
        ends_at: starts_at + chrono::Duration::hours(2),
        place: "Salerno".into(),
        online_url: String::new(),
        capacity: 30,
        table_id: None,
        group_id: None,
    };
    db::labs::create(app.db(), &draft, None).await.unwrap()
}

/// `user` invited to and registered for `session`, as staff and the person would.
async fn registered(app: &App, session: Uuid, user: Uuid) {
    db::labs::invite(app.db(), session, user, None)
        .await
        .unwrap();
    assert!(
        db::labs::register(app.db(), session, user, chrono::Utc::now())
            .await
            .unwrap()
    );
}

/// What a participant does around a session — registering, withdrawing, checking in with the
/// code, answering the questionnaire, asking for a calendar link — done with a valid form by
/// every role the matrix allows, each change read back from the database.
#[tokio::test]
async fn each_allowed_person_takes_part_in_labs() {
    use chrono::{Duration, Utc};
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let mut tried = BTreeMap::<&str, usize>::new();
        for (who, role) in PEOPLE.iter().skip(1) {
            let mut c = app.signed_in(who.unwrap()).await;
            let user = user_id(&app, who.unwrap()).await;
            let allowed = |action: &str| expected_allowed(&m[action], role, false);
            if allowed("labs.register") {
                let s = session_at(&app, Utc::now() + Duration::days(5)).await;
                // Invited, so that people outside the cohort may register too.
                db::labs::invite(app.db(), s, user, None).await.unwrap();
                let r = c.post(&format!("/labs/sessions/{s}/register"), &[]).await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let reg = db::labs::registration(app.db(), s, user).await.unwrap();
                assert_eq!(reg.as_deref(), Some("registered"), "{role} on {name}");
                assert_eq!(
                    db::labs::get(app.db(), s)
                        .await
                        .unwrap()
                        .unwrap()
                        .registered,
                    1
                );
                *tried.entry("labs.register").or_default() += 1;
                if allowed("labs.unregister") {
                    let r = c.post(&format!("/labs/sessions/{s}/unregister"), &[]).await;
                    assert_eq!(
                        r.status,
                        StatusCode::SEE_OTHER,
                        "{role} on {name}: {}",
                        r.body
                    );
                    let reg = db::labs::registration(app.db(), s, user).await.unwrap();
                    assert_ne!(reg.as_deref(), Some("registered"), "{role} on {name}");
                    assert_eq!(
                        db::labs::get(app.db(), s)
                            .await
                            .unwrap()
                            .unwrap()
                            .registered,
                        0
                    );
                    *tried.entry("labs.unregister").or_default() += 1;
                }
            }
            if allowed("labs.check_in") {
                let s = session_at(&app, Utc::now() + Duration::minutes(10)).await;
                registered(&app, s, user).await;
                let code = db::labs::get(app.db(), s)
                    .await
                    .unwrap()
                    .unwrap()
                    .check_in_code;
                let r = c
                    .post(&format!("/labs/sessions/{s}/check-in"), &[("code", &code)])
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let rows = db::labs::attendance(app.db(), s).await.unwrap();
                assert!(
                    rows.iter()
                        .any(|(u, _, how)| *u == user && how == "check_in"),
                    "{role} on {name}: {rows:?}"
                );
                *tried.entry("labs.check_in").or_default() += 1;
            }
            if allowed("labs.feedback_save") {
                use domain::labs::Status::{Confirmed, Held, Planned};
                let s = session_at(&app, Utc::now() + Duration::days(2)).await;
                registered(&app, s, user).await;
                for (from, to) in [(Planned, Confirmed), (Confirmed, Held)] {
                    db::labs::set_status(app.db(), s, from, to, None)
                        .await
                        .unwrap();
                }
                let went_well = format!("Il confronto, secondo {role}");
                let r = c
                    .post(
                        &format!("/labs/sessions/{s}/feedback"),
                        &[("useful", "5"), ("content", "4"), ("went_well", &went_well)],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert!(
                    db::labs::gave_feedback(app.db(), s, user).await.unwrap(),
                    "{role} on {name}"
                );
                let answers = db::labs::feedback(app.db(), s).await.unwrap();
                assert_eq!(answers.len(), 1, "{role} on {name}");
                *tried.entry("labs.feedback_save").or_default() += 1;
            }
            if allowed("labs.feed_token") {
                let r = c.post("/labs/mine/feed", &[]).await;
                assert_eq!(r.status, StatusCode::OK, "{role} on {name}: {}", r.body);
                let body = r.body.replace("&#x2f;", "/");
                let at = body
                    .find("/labs/feeds/")
                    .unwrap_or_else(|| panic!("{role} on {name}: no feed link"));
                let token: String = body[at + "/labs/feeds/".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                let owner = db::labs::feed_owner(app.db(), &token).await.unwrap();
                assert_eq!(owner, Some(user), "{role} on {name}: token {token}");
                *tried.entry("labs.feed_token").or_default() += 1;
            }
        }
        each_allowed_role_tried(&m, &tried);
        assert_eq!(tried.len(), 5, "{name}: {tried:?}");
    }
}

/// What staff do for a session — scheduling it, changing it, its status, outcomes, agenda,
/// materials, invitations and the attendance register — done with a valid form by every role the
/// matrix allows, each change read back from the database.
#[tokio::test]
async fn each_allowed_person_runs_a_session() {
    use chrono::{Duration, Utc};
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let module = structure.modules[0].id.to_string();
        let cohort = structure.cohorts[0].id.to_string();
        let member = user_id(&app, "membro@ponte.example").await;
        let actor = user_id(&app, "attore@ponte.example").await;
        let mut tried = BTreeMap::<&str, usize>::new();
        for (n, (who, role)) in PEOPLE.iter().enumerate().skip(1) {
            let mut c = app.signed_in(who.unwrap()).await;
            let allowed = |action: &str| expected_allowed(&m[action], role, false);
            if !allowed("labs.session_create") {
                continue;
            }
            // Scheduled in sixty days or so, each role on its own day.
            let day = (Utc::now() + Duration::days(60 + n as i64))
                .date_naive()
                .to_string();
            let title = format!("Giornata di {role}");
            let mut form = vec![
                ("module_id", module.clone()),
                ("cohort_id", cohort.clone()),
                ("title", title.clone()),
                ("date", day.clone()),
                ("start", "10:00".to_string()),
                ("end", "13:00".to_string()),
                ("place", "Salerno, Sala Bottiglieri".to_string()),
                ("online_url", String::new()),
                ("capacity", "25".to_string()),
                ("overlap_confirmed", "1".to_string()),
            ];
            let r = c
                .post(
                    "/labs/sessions",
                    &form
                        .iter()
                        .map(|(k, v)| (*k, v.as_str()))
                        .collect::<Vec<_>>(),
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::SEE_OTHER,
                "{role} on {name}: {}",
                r.body
            );
            let s: Uuid = r.location().rsplit('/').next().unwrap().parse().unwrap();
            let stored = db::labs::get(app.db(), s).await.unwrap().unwrap();
            assert_eq!(
                (stored.title.as_str(), stored.capacity),
                (title.as_str(), 25),
                "{role} on {name}"
            );
            *tried.entry("labs.session_create").or_default() += 1;
            if allowed("labs.session_update") {
                form.retain(|(k, _)| *k != "place");
                form.push(("place", "Salerno, Palazzo Sant'Agostino".to_string()));
                form.push(("version", stored.version.to_string()));
                let r = c
                    .post(
                        &format!("/labs/sessions/{s}"),
                        &form
                            .iter()
                            .map(|(k, v)| (*k, v.as_str()))
                            .collect::<Vec<_>>(),
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let changed = db::labs::get(app.db(), s).await.unwrap().unwrap();
                assert_eq!(
                    changed.place, "Salerno, Palazzo Sant'Agostino",
                    "{role} on {name}"
                );
                assert_eq!(changed.version, stored.version + 1, "{role} on {name}");
                *tried.entry("labs.session_update").or_default() += 1;
            }
            if allowed("labs.session_outcomes") {
                let text = format!("Esiti scritti da {role}");
                let r = c
                    .post(
                        &format!("/labs/sessions/{s}/outcomes"),
                        &[("outcomes", &text)],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert_eq!(
                    db::labs::get(app.db(), s).await.unwrap().unwrap().outcomes,
                    text
                );
                *tried.entry("labs.session_outcomes").or_default() += 1;
            }
            if allowed("labs.agenda_remove") {
                let stored = db::labs::get(app.db(), s).await.unwrap().unwrap();
                let item = db::labs::AgendaItem {
                    id: db::new_id(),
                    starts_at: stored.starts_at,
                    ends_at: stored.starts_at + Duration::minutes(30),
                    title: "Apertura".into(),
                    speaker: String::new(),
                };
                db::labs::add_agenda_item(app.db(), s, &item, None)
                    .await
                    .unwrap();
                let r = c
                    .post(
                        &format!("/labs/sessions/{s}/agenda/{}/remove", item.id),
                        &[],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert!(
                    db::labs::agenda(app.db(), s).await.unwrap().is_empty(),
                    "{role} on {name}"
                );
                *tried.entry("labs.agenda_remove").or_default() += 1;
            }
            if allowed("labs.material_add") {
                let (ct, body) = common::multipart(&[
                    ("title", None, b"Programma della giornata"),
                    (
                        "file",
                        Some("programma.pdf"),
                        b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n",
                    ),
                ]);
                let r = c
                    .send(
                        Method::POST,
                        &format!("/labs/sessions/{s}/materials"),
                        Some(&ct),
                        body,
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let stored = db::labs::materials(app.db(), s).await.unwrap();
                assert_eq!(stored.len(), 1, "{role} on {name}");
                assert_eq!(stored[0].file_name.as_deref(), Some("programma.pdf"));
                *tried.entry("labs.material_add").or_default() += 1;
            }
            if allowed("labs.invite") {
                // The local actor's organisation is not in the cohort: only an invitation lets
                // them register.
                let r = c
                    .post(
                        &format!("/labs/sessions/{s}/invite"),
                        &[("email", "attore@ponte.example")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let reg = db::labs::registration(app.db(), s, actor).await.unwrap();
                assert_eq!(reg.as_deref(), Some("invited"), "{role} on {name}");
                *tried.entry("labs.invite").or_default() += 1;
            }
            if allowed("labs.session_status") {
                let r = c
                    .post(
                        &format!("/labs/sessions/{s}/status"),
                        &[("status", "confirmed"), ("confirm", "1")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let status = db::labs::get(app.db(), s).await.unwrap().unwrap().status;
                assert_eq!(status, domain::labs::Status::Confirmed, "{role} on {name}");
                *tried.entry("labs.session_status").or_default() += 1;
            }
            if allowed("labs.register_save") {
                let today = session_at(&app, Utc::now() + Duration::minutes(10)).await;
                registered(&app, today, member).await;
                let stored = db::labs::get(app.db(), today).await.unwrap().unwrap();
                let half =
                    domain::labs::attendance::half_days(stored.starts_at, stored.ends_at)[0].index;
                let r = c
                    .post(
                        &format!("/labs/sessions/{today}/register-sheet"),
                        &[("present", &format!("{member}:{half}"))],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let rows = db::labs::attendance(app.db(), today).await.unwrap();
                assert_eq!(
                    rows,
                    vec![(member, half, "register".to_string())],
                    "{role} on {name}"
                );
                *tried.entry("labs.register_save").or_default() += 1;
            }
        }
        each_allowed_role_tried(&m, &tried);
        assert_eq!(tried.len(), 8, "{name}: {tried:?}");
    }
}

/// The account forms — signing in and out, asking for and completing a password reset,
/// accepting an invitation, the profile and the password — done with a valid form by every role
/// the matrix allows (signed out too where it allows guests), and the operator's and staff's
/// forms — suspending an account, inviting, editing an organisation. Each change is read back
/// from the database. Passwords are changed last: the demo people sign in with the demo password.
#[tokio::test]
async fn each_allowed_person_uses_the_account_forms() {
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let admin = user_id(&app, "admin@ponte.example").await;
        let salerno = app.organisation("Provincia di Salerno").await;
        let cosenza = app.organisation("Provincia di Cosenza").await;
        let mut tried = BTreeMap::<&str, usize>::new();
        for (n, (who, role)) in PEOPLE.iter().enumerate() {
            let allowed = |action: &str| expected_allowed(&m[action], role, false);
            // Someone of this role's own, for the forms about another account.
            let fresh = |what: &str| format!("{what}-{n}@provincia.example");
            if allowed("accounts.sign_in") {
                let mut c = client_for(&app, *who).await;
                let email = who.unwrap_or("membro@ponte.example");
                let r = c.sign_in(email).await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let token = c
                    .session()
                    .unwrap_or_else(|| panic!("{role} on {name}: no session"));
                let (session, _) = db::accounts::session_principal(app.db(), &token)
                    .await
                    .unwrap()
                    .unwrap_or_else(|| panic!("{role} on {name}: the session is not stored"));
                assert_eq!(session.id, user_id(&app, email).await, "{role} on {name}");
                *tried.entry("accounts.sign_in").or_default() += 1;
            }
            if allowed("accounts.reset_request") {
                let email = fresh("reset");
                person_with(&app, &email, Role::Member, salerno).await;
                let since = chrono::Utc::now() - chrono::Duration::seconds(5);
                let mut c = client_for(&app, *who).await;
                let r = c.post("/password/forgot", &[("email", &email)]).await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let queued = web::mail::recently_queued(app.db(), &email, since)
                    .await
                    .unwrap();
                assert_eq!(queued, 1, "{role} on {name}");
                *tried.entry("accounts.reset_request").or_default() += 1;
            }
            if allowed("accounts.reset") {
                let email = fresh("nuova-password");
                let id = person_with(&app, &email, Role::Member, salerno).await;
                let token = db::accounts::create_reset(app.db(), id).await.unwrap();
                let mut c = client_for(&app, *who).await;
                let r = c
                    .post(
                        &format!("/password/reset/{token}"),
                        &[
                            ("password", "una password nuova"),
                            ("password_confirmation", "una password nuova"),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert!(!db::accounts::reset_is_open(app.db(), &token).await.unwrap());
                let mut fresh_client = app.client();
                let r = fresh_client
                    .post(
                        "/sign-in",
                        &[("email", &email), ("password", "una password nuova")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: the new password works"
                );
                *tried.entry("accounts.reset").or_default() += 1;
            }
            if allowed("accounts.invitation_accept") {
                let email = fresh("invitata");
                let token = db::accounts::create_invitation(
                    app.db(),
                    &email,
                    Role::Member,
                    Some(salerno),
                    admin,
                )
                .await
                .unwrap();
                let mut c = client_for(&app, *who).await;
                let r = c
                    .post(
                        &format!("/invitations/{token}"),
                        &[
                            ("name", "Persona Invitata"),
                            ("password", "una password lunga"),
                            ("password_confirmation", "una password lunga"),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let id = user_id(&app, &email).await;
                let p = db::accounts::principal(app.db(), id).await.unwrap();
                assert!(
                    p.has_in_organisation(Role::Member, salerno),
                    "{role} on {name}"
                );
                *tried.entry("accounts.invitation_accept").or_default() += 1;
            }
            let Some(email) = who else { continue };
            let me = user_id(&app, email).await;
            let mut c = app.signed_in(email).await;
            if allowed("accounts.profile_update") {
                let version = db::accounts::user(app.db(), me).await.unwrap().version;
                let competences = format!("PCM, {role}");
                let r = c
                    .post(
                        "/profile",
                        &[
                            ("version", &version.to_string()),
                            ("name", &format!("Nome di {role}")),
                            ("languages", "it"),
                            ("languages", "fr"),
                            ("competences", &competences),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let user = db::accounts::user(app.db(), me).await.unwrap();
                assert_eq!(user.name, format!("Nome di {role}"), "{role} on {name}");
                assert_eq!(user.languages, vec!["it", "fr"], "{role} on {name}");
                assert_eq!(user.competences, vec!["PCM".to_string(), role.to_string()]);
                assert_eq!(user.version, version + 1, "{role} on {name}");
                *tried.entry("accounts.profile_update").or_default() += 1;
            }
            if allowed("accounts.set_active") {
                let other = person_with(&app, &fresh("sospesa"), Role::Member, salerno).await;
                let r = c
                    .post(
                        &format!("/admin/users/{other}/active"),
                        &[("active", "false")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert!(
                    !db::accounts::user(app.db(), other).await.unwrap().active,
                    "{role} on {name}"
                );
                *tried.entry("accounts.set_active").or_default() += 1;
            }
            if allowed("accounts.invite") {
                let invited = fresh("invito");
                let r = c
                    .post(
                        "/admin/invitations",
                        &[
                            ("email", &invited),
                            ("role", "member"),
                            ("organisation", &salerno.to_string()),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let sent = db::accounts::recent_invitations(app.db(), 100)
                    .await
                    .unwrap();
                assert!(
                    sent.iter()
                        .any(|i| i.email == invited && i.role == "member"),
                    "{role} on {name}"
                );
                *tried.entry("accounts.invite").or_default() += 1;
            }
            if allowed("organisations.update") {
                let stored = db::organisations::get(app.db(), cosenza).await.unwrap();
                let website = format!("https://provincia.cosenza.example/{role}");
                let r = c
                    .post(
                        &format!("/admin/organisations/{cosenza}"),
                        &[
                            ("version", &stored.version.to_string()),
                            ("category", "italian_pa"),
                            ("name", "Provincia di Cosenza"),
                            ("pa_kind", "provincia"),
                            ("region_code", "18"),
                            ("province_code", "CS"),
                            ("website", &website),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let saved = db::organisations::get(app.db(), cosenza).await.unwrap();
                assert_eq!(
                    saved.data.website.as_deref(),
                    Some(website.as_str()),
                    "{role} on {name}"
                );
                assert_eq!(saved.version, stored.version + 1, "{role} on {name}");
                *tried.entry("organisations.update").or_default() += 1;
            }
            if allowed("accounts.sign_out") {
                let token = c.session().unwrap();
                let r = c.post("/sign-out", &[]).await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert!(
                    db::accounts::session_principal(app.db(), &token)
                        .await
                        .unwrap()
                        .is_none(),
                    "{role} on {name}: the session ended"
                );
                *tried.entry("accounts.sign_out").or_default() += 1;
                c = app.signed_in(email).await;
            }
            if allowed("accounts.password_change") {
                let r = c
                    .post(
                        "/profile/password",
                        &[
                            ("current_password", ponte::demo::DEMO_PASSWORD),
                            ("password", "un'altra password"),
                            ("password_confirmation", "un'altra password"),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let mut fresh_client = app.client();
                let r = fresh_client
                    .post(
                        "/sign-in",
                        &[("email", email), ("password", "un'altra password")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: the new password works"
                );
                *tried.entry("accounts.password_change").or_default() += 1;
            }
        }
        each_allowed_role_tried(&m, &tried);
        assert_eq!(tried.len(), 10, "{name}: {tried:?}");
    }
}

/// The library's forms — contributing a document, editing it, deleting it, the reading lists and
/// the macro-areas — done with a valid form by every role the matrix allows, each change read
/// back from the database.
#[tokio::test]
async fn each_allowed_person_contributes_to_the_library() {
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let structure = db::programme::structure(app.db()).await.unwrap().unwrap();
        let module = structure.modules[0].id;
        let mut tried = BTreeMap::<&str, usize>::new();
        for (who, role) in PEOPLE.iter().skip(1) {
            let mut c = app.signed_in(who.unwrap()).await;
            let allowed = |action: &str| expected_allowed(&m[action], role, false);
            if !allowed("library.create") {
                continue;
            }
            let title = format!("Rapporto sul partenariato di {role}");
            let url = format!("https://partenariato.example/{role}");
            let parts = |title: &str, version: Option<&str>| {
                let mut parts: Vec<(&str, Option<&str>, Vec<u8>)> = vec![
                    ("title", None, title.as_bytes().to_vec()),
                    ("kind", None, b"minutes".to_vec()),
                    ("language", None, b"it".to_vec()),
                    ("year", None, b"2025".to_vec()),
                    ("visibility", None, b"programme".to_vec()),
                    ("themes", None, b"m:governance".to_vec()),
                    ("url", None, url.as_bytes().to_vec()),
                ];
                if let Some(v) = version {
                    parts.push(("version", None, v.as_bytes().to_vec()));
                }
                parts
            };
            let send = |parts: &[(&str, Option<&str>, Vec<u8>)]| {
                let borrowed: Vec<(&str, Option<&str>, &[u8])> = parts
                    .iter()
                    .map(|(k, f, v)| (*k, *f, v.as_slice()))
                    .collect();
                common::multipart(&borrowed)
            };
            let (ct, body) = send(&parts(&title, None));
            let r = c
                .send(Method::POST, "/library/documents", Some(&ct), body)
                .await;
            assert_eq!(
                r.status,
                StatusCode::SEE_OTHER,
                "{role} on {name}: {}",
                r.body
            );
            let id: Uuid = r
                .location()
                .trim_start_matches("/library/documents/")
                .split(['?', '/', '#'])
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("{role} on {name}: {}", r.location()));
            let doc = db::library::document(app.db(), id).await.unwrap().unwrap();
            assert_eq!(doc.title, title, "{role} on {name}");
            assert_eq!(doc.url.as_deref(), Some(url.as_str()), "{role} on {name}");
            *tried.entry("library.create").or_default() += 1;
            if allowed("library.update") {
                let retitled = format!("Rapporto rivisto da {role}");
                let (ct, body) = send(&parts(&retitled, Some(&doc.version.to_string())));
                let r = c
                    .send(
                        Method::POST,
                        &format!("/library/documents/{id}"),
                        Some(&ct),
                        body,
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let saved = db::library::document(app.db(), id).await.unwrap().unwrap();
                assert_eq!(saved.title, retitled, "{role} on {name}");
                assert_eq!(saved.version, doc.version + 1, "{role} on {name}");
                *tried.entry("library.update").or_default() += 1;
            }
            if allowed("library.reading_add") {
                let target = format!("module:{module}");
                let r = c
                    .post(
                        &format!("/library/documents/{id}/reading"),
                        &[("target", &target), ("note", &format!("Letto da {role}"))],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let list =
                    db::library::reading_list(app.db(), db::library::ReadingFor::Module(module))
                        .await
                        .unwrap();
                let entry = list
                    .iter()
                    .find(|e| e.note == format!("Letto da {role}"))
                    .unwrap_or_else(|| panic!("{role} on {name}: not in the reading list"));
                *tried.entry("library.reading_add").or_default() += 1;
                if allowed("library.reading_remove") {
                    let r = c
                        .post(&format!("/library/reading/{}/remove", entry.id), &[])
                        .await;
                    assert_eq!(
                        r.status,
                        StatusCode::SEE_OTHER,
                        "{role} on {name}: {}",
                        r.body
                    );
                    let list = db::library::reading_list(
                        app.db(),
                        db::library::ReadingFor::Module(module),
                    )
                    .await
                    .unwrap();
                    assert!(list.iter().all(|e| e.id != entry.id), "{role} on {name}");
                    *tried.entry("library.reading_remove").or_default() += 1;
                }
            }
            if allowed("library.retry") {
                // A file whose text could not be read: its extraction is tried again.
                let (ct, body) = common::multipart(&[
                    ("title", None, format!("Verbale di {role}").as_bytes()),
                    ("kind", None, b"minutes"),
                    ("language", None, b"it"),
                    ("year", None, b"2025"),
                    ("visibility", None, b"programme"),
                    ("file", Some("verbale.txt"), b"Riunione del partenariato."),
                ]);
                let r = c
                    .send(Method::POST, "/library/documents", Some(&ct), body)
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let file: Uuid = r
                    .location()
                    .trim_start_matches("/library/documents/")
                    .split(['?', '/', '#'])
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                db::library::set_extracted(app.db(), file, Err("library.extraction_failed"))
                    .await
                    .unwrap();
                let r = c
                    .post(&format!("/library/documents/{file}/extract"), &[])
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let doc = db::library::document(app.db(), file)
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(doc.extraction, "pending", "{role} on {name}");
                *tried.entry("library.retry").or_default() += 1;
            }
            if allowed("library.delete") {
                let r = c
                    .post(&format!("/library/documents/{id}/delete"), &[])
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                assert!(
                    db::library::document(app.db(), id).await.unwrap().is_none(),
                    "{role} on {name}"
                );
                *tried.entry("library.delete").or_default() += 1;
            }
            if allowed("library.theme_save") {
                let code = format!("area-{role}");
                let r = c
                    .post(
                        "/library/themes",
                        &[
                            ("code", code.as_str()),
                            ("name_it", "Cooperazione universitaria"),
                            ("name_en", "University cooperation"),
                            ("name_fr", "Coopération universitaire"),
                            ("position", "90"),
                            ("version", ""),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let areas = db::library::macro_areas(app.db()).await.unwrap();
                assert!(
                    areas
                        .iter()
                        .any(|a| a.code == code && a.name_en == "University cooperation"),
                    "{role} on {name}"
                );
                *tried.entry("library.theme_save").or_default() += 1;
            }
        }
        each_allowed_role_tried(&m, &tried);
        assert_eq!(tried.len(), 7, "{name}: {tried:?}");
    }
}

/// The programme's structure — modules (created, changed, moved), the texts of a strand, phases,
/// dimensions and cohorts (created, changed) — edited with a valid form by every role the matrix
/// allows, each change read back from the database.
#[tokio::test]
async fn each_allowed_person_shapes_the_programme() {
    let m = matrix();
    for app in apps().await {
        let name = app.backend.name;
        let structure = |app: &App| {
            let db = app.db().clone();
            async move { db::programme::structure(&db).await.unwrap().unwrap() }
        };
        let caserta = app.organisation("Provincia di Caserta").await.to_string();
        let salerno = app.organisation("Provincia di Salerno").await.to_string();
        let mut tried = BTreeMap::<&str, usize>::new();
        for (who, role) in PEOPLE.iter().skip(1) {
            let mut c = app.signed_in(who.unwrap()).await;
            let allowed = |action: &str| expected_allowed(&m[action], role, false);
            if !allowed("programme.module_create") {
                continue;
            }
            let title = format!("Modulo di {role}");
            let r = c
                .post(
                    "/programme/strands/B/modules",
                    &[
                        ("title", title.as_str()),
                        ("days_min", "1,5"),
                        ("delivery", "in_person"),
                        ("objectives", "Individuare gli attori locali."),
                        ("product", "partnership_plan"),
                    ],
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::SEE_OTHER,
                "{role} on {name}: {}",
                r.body
            );
            let s = structure(&app).await;
            let strand_b = s.strands.iter().find(|x| x.code == "B").unwrap().id;
            let module = s
                .modules
                .iter()
                .find(|x| x.title == title)
                .unwrap_or_else(|| panic!("{role} on {name}: the module is not stored"))
                .clone();
            assert_eq!(module.strand_id, strand_b, "{role} on {name}");
            assert_eq!(module.products, vec!["partnership_plan".to_string()]);
            *tried.entry("programme.module_create").or_default() += 1;
            if allowed("programme.module_update") {
                let retitled = format!("Modulo rivisto da {role}");
                let r = c
                    .post(
                        &format!("/programme/modules/{}", module.id),
                        &[
                            ("version", &module.version.to_string()),
                            ("title", &retitled),
                            ("days_min", "2"),
                            ("delivery", "remote"),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let s = structure(&app).await;
                let saved = s.modules.iter().find(|x| x.id == module.id).unwrap();
                assert_eq!(saved.title, retitled, "{role} on {name}");
                assert_eq!(saved.version, module.version + 1, "{role} on {name}");
                *tried.entry("programme.module_update").or_default() += 1;
            }
            if allowed("programme.module_move") {
                // The second module of strand A moves up by one place.
                let strand_a = s.strands.iter().find(|x| x.code == "A").unwrap().id;
                let order = |s: &db::programme::Structure| -> Vec<Uuid> {
                    s.modules
                        .iter()
                        .filter(|x| x.strand_id == strand_a)
                        .map(|x| x.id)
                        .collect()
                };
                let before = order(&structure(&app).await);
                assert!(before.len() >= 2, "{role} on {name}: {before:?}");
                let r = c
                    .post(
                        &format!("/programme/modules/{}/move", before[1]),
                        &[("direction", "up")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let after = order(&structure(&app).await);
                assert_eq!(
                    (after[0], after[1]),
                    (before[1], before[0]),
                    "{role} on {name}"
                );
                *tried.entry("programme.module_move").or_default() += 1;
            }
            if allowed("programme.texts_update") {
                let strand = s.strands.iter().find(|x| x.code == "C").unwrap();
                let title = format!("Laboratori interregionali ({role})");
                let r = c
                    .post(
                        &format!("/programme/texts/strands/{}", strand.id),
                        &[
                            ("version", &strand.version.to_string()),
                            ("title", &title),
                            ("text", "Collaborazioni stabili tra regioni."),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let s = structure(&app).await;
                let saved = s.strands.iter().find(|x| x.code == "C").unwrap();
                assert_eq!(saved.title, title, "{role} on {name}");
                *tried.entry("programme.texts_update").or_default() += 1;
            }
            if allowed("programme.phase_create") {
                let title = format!("Consolidamento ({role})");
                let r = c
                    .post(
                        "/programme/phases",
                        &[("title", &title), ("text", "Terza annualità")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let s = structure(&app).await;
                assert_eq!(s.phases.last().unwrap().title, title, "{role} on {name}");
                *tried.entry("programme.phase_create").or_default() += 1;
            }
            if allowed("programme.dimension_create") {
                let title = format!("Attori locali ({role})");
                let r = c
                    .post(
                        "/programme/strands/B/dimensions",
                        &[("title", &title), ("text", "Chi siede al tavolo?")],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let s = structure(&app).await;
                assert!(
                    s.dimensions
                        .iter()
                        .any(|d| d.title == title && d.strand_id == strand_b),
                    "{role} on {name}"
                );
                *tried.entry("programme.dimension_create").or_default() += 1;
            }
            if allowed("programme.cohort_create") {
                let s = structure(&app).await;
                let phase = s.phases.last().unwrap().id.to_string();
                let strand = strand_b.to_string();
                let cohort_name = format!("Tavolo di Caserta ({role})");
                let r = c
                    .post(
                        "/programme/cohorts",
                        &[
                            ("name", cohort_name.as_str()),
                            ("phase_id", &phase),
                            ("organisation", &caserta),
                            ("strand", &strand),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::SEE_OTHER,
                    "{role} on {name}: {}",
                    r.body
                );
                let s = structure(&app).await;
                let cohort = s
                    .cohorts
                    .iter()
                    .find(|x| x.name == cohort_name)
                    .unwrap_or_else(|| panic!("{role} on {name}: the cohort is not stored"))
                    .clone();
                assert_eq!(cohort.organisations.len(), 1, "{role} on {name}");
                *tried.entry("programme.cohort_create").or_default() += 1;
                if allowed("programme.cohort_update") {
                    let renamed = format!("Tavolo di Caserta e Salerno ({role})");
                    let r = c
                        .post(
                            &format!("/programme/cohorts/{}", cohort.id),
                            &[
                                ("version", &cohort.version.to_string()),
                                ("name", &renamed),
                                ("phase_id", &phase),
                                ("organisation", &caserta),
                                ("organisation", &salerno),
                                ("strand", &strand),
                            ],
                        )
                        .await;
                    assert_eq!(
                        r.status,
                        StatusCode::SEE_OTHER,
                        "{role} on {name}: {}",
                        r.body
                    );
                    let s = structure(&app).await;
                    let saved = s.cohorts.iter().find(|x| x.id == cohort.id).unwrap();
                    assert_eq!(saved.name, renamed, "{role} on {name}");
                    assert_eq!(saved.organisations.len(), 2, "{role} on {name}");
                    *tried.entry("programme.cohort_update").or_default() += 1;
                }
            }
        }
        each_allowed_role_tried(&m, &tried);
        assert_eq!(tried.len(), 8, "{name}: {tried:?}");
    }
}
