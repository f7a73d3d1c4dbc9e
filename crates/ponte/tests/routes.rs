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
