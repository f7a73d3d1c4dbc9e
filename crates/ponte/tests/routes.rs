//! Every route of the router, walked by a signed-out visitor and by each role, on both databases:
//! each gets exactly what the policy allows. A route without a policy entry fails here.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, concrete_path, App, Client};
use domain::policy::{self, Decision};

const PEOPLE: &[Option<&str>] = &[
    None,
    Some("admin@ponte.example"),
    Some("staff@ponte.example"),
    Some("tutor@ponte.example"),
    Some("coordinatore@ponte.example"),
    Some("membro@ponte.example"),
    Some("attore@ponte.example"),
];

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

async fn client_for(app: &App, who: Option<&str>) -> Client {
    match who {
        Some(email) => app.signed_in(email).await,
        None => app.client(),
    }
}

#[tokio::test]
async fn each_role_gets_exactly_what_the_policy_allows() {
    for app in apps().await {
        let salerno = app.organisation("Provincia di Salerno").await;
        for who in PEOPLE {
            let principal = match who {
                Some(email) => {
                    let c = db::accounts::credentials(app.db(), email)
                        .await
                        .unwrap()
                        .unwrap();
                    Some(db::accounts::principal(app.db(), c.id).await.unwrap())
                }
                None => None,
            };
            let mut client = client_for(&app, *who).await;
            for route in web::routes::all() {
                let rule = policy::rule(route.name).unwrap();
                let org = matches!(rule, policy::Rule::Workspace { .. }).then_some(salerno);
                let expected = rule.decide(principal.as_ref(), org);
                let path = concrete_path(&app, route.path).await;
                let reply = if route.method == Method::GET {
                    client.get(&path).await
                } else {
                    client.post(&path, &[]).await
                };
                let who_name = who.unwrap_or("guest");
                let context = format!(
                    "{} {} as {who_name} on {}: {} {}",
                    route.method,
                    path,
                    app.backend.name,
                    reply.status,
                    reply.location()
                );
                match expected {
                    Decision::Allow => {
                        assert!(
                            reply.status != StatusCode::FORBIDDEN
                                && reply.status != StatusCode::UNAUTHORIZED
                                && !reply.location().starts_with("/sign-in?next"),
                            "should be allowed: {context}"
                        );
                        assert!(
                            reply.status.as_u16() < 500,
                            "server error: {context}\n{}",
                            reply.body
                        );
                    }
                    Decision::SignIn if route.method == Method::GET => {
                        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{context}");
                        assert!(reply.location().starts_with("/sign-in?next="), "{context}");
                    }
                    Decision::SignIn => {
                        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{context}")
                    }
                    Decision::Forbid => {
                        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{context}")
                    }
                }
                if route.name == "accounts.sign_out" && who.is_some() {
                    client = client_for(&app, *who).await;
                }
            }
        }
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
