//! An interregional group's document space, on both databases: a library document scoped to a
//! group is seen by the people of its member administrations, tutors and staff only, everywhere
//! the library shows documents (search by title and by text, facets, its page, its file, the
//! group page); only those who work in the group publish there; an administration that leaves
//! the group no longer sees it.

mod common;

use axum::http::{Method, StatusCode};
use common::{apps, multipart, App, Client};
use uuid::Uuid;

async fn changes(app: &App) -> i64 {
    db::audit::page(app.db(), None, 1, 0).await.unwrap().1
}

type Part = (&'static str, Option<&'static str>, Vec<u8>);

/// A group document's form: words found nowhere else in its title and text, in Turkish (a
/// language no demo document has, so that its facet value shows whether it is counted).
fn group_document(group: &str) -> Vec<Part> {
    vec![
        (
            "title",
            None,
            b"Taccuino condiviso del gruppo adriatico".to_vec(),
        ),
        ("kind", None, b"report".to_vec()),
        ("language", None, b"tr".to_vec()),
        ("year", None, b"2026".to_vec()),
        ("visibility", None, b"network_group".to_vec()),
        ("network_group", None, group.as_bytes().to_vec()),
        (
            "file",
            Some("taccuino.txt"),
            b"Note sul girasole delle rotte costiere.".to_vec(),
        ),
    ]
}

async fn upload(client: &mut Client, v: &[Part]) -> common::Reply {
    let parts: Vec<(&str, Option<&str>, &[u8])> =
        v.iter().map(|(k, f, b)| (*k, *f, b.as_slice())).collect();
    let (ct, body) = multipart(&parts);
    client
        .send(Method::POST, "/library/documents", Some(&ct), body)
        .await
}

/// What one person finds of the document: by title, by a word of its text, among the facets,
/// its page, its file, and the group page's list.
async fn seen(c: &mut Client, doc: Uuid, group: Uuid) -> [bool; 6] {
    let link = format!("/library/documents/{doc}\"");
    [
        c.get("/library?q=taccuino").await.body.contains(&link),
        c.get("/library?q=girasole").await.body.contains(&link),
        c.get("/library").await.body.contains("language=tr"),
        c.get(&format!("/library/documents/{doc}")).await.status == StatusCode::OK,
        c.get(&format!("/library/documents/{doc}/file"))
            .await
            .status
            == StatusCode::OK,
        c.get(&format!("/network/groups/{group}"))
            .await
            .body
            .contains(&format!("/library/documents/{doc}")),
    ]
}

/// Someone who may not see the document: the library answers, only the document is not found.
async fn refused_only_the_document(c: &mut Client, doc: Uuid) {
    assert_eq!(c.get("/library?q=taccuino").await.status, StatusCode::OK);
    assert_eq!(c.get("/library").await.status, StatusCode::OK);
    let page = c.get(&format!("/library/documents/{doc}")).await.status;
    assert_eq!(page, StatusCode::NOT_FOUND);
    let file = c
        .get(&format!("/library/documents/{doc}/file"))
        .await
        .status;
    assert_eq!(file, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_groups_documents_are_seen_by_its_people_only() {
    for app in apps().await {
        let name = app.backend.name;
        let group = db::network::groups(app.db())
            .await
            .unwrap()
            .into_iter()
            .find(|g| g.name == "Adriatico sostenibile")
            .unwrap()
            .id;
        let salerno = app.organisation("Provincia di Salerno").await;
        let mut member = app.signed_in("membro@ponte.example").await;
        let mut coordinator = app.signed_in("coordinatore@ponte.example").await;
        let mut staff = app.signed_in("staff@ponte.example").await;
        let mut tutor = app.signed_in("tutor@ponte.example").await;
        let mut outsider = app.signed_in("r.caruso@provincia.caserta.example").await;
        let mut actor = app.signed_in("attore@ponte.example").await;
        let mut guest = app.client();

        // The group page offers its people to add a document, the form comes scoped to it.
        let link = format!("/library/documents/new?network_group={group}");
        let page = member.get(&format!("/network/groups/{group}")).await;
        assert!(page.body.contains(&link), "{name}");
        let form = member.get(&link).await;
        assert_eq!(form.status, StatusCode::OK, "{name}");
        assert!(
            form.body
                .contains("<option value=\"network_group\" selected>"),
            "{name}"
        );
        assert!(
            form.body
                .contains(&format!("<option value=\"{group}\" selected>")),
            "{name}"
        );
        // Someone of another administration sees the group page, without its space.
        let page = outsider.get(&format!("/network/groups/{group}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        assert!(!page.body.contains(&link), "{name}");
        assert!(!page.body.contains("id=\"documents\""), "{name}");
        // The upload form offers them their own group (Caserta's, being formed), not this one.
        let form = outsider.get(&link).await;
        assert!(
            form.body.contains("<option value=\"network_group\">"),
            "{name}"
        );
        assert!(
            !form.body.contains(&format!("<option value=\"{group}\"")),
            "{name}"
        );
        // A local actor works in no group: the choice is not offered.
        let form = actor.get(&link).await;
        assert!(
            !form.body.contains("<option value=\"network_group\""),
            "{name}"
        );

        // Publishing in a group one does not work in, or in a group that does not exist, is
        // refused and stores nothing.
        let before = changes(&app).await;
        let unknown = Uuid::new_v4().to_string();
        for (who, target) in [
            (&mut outsider, group.to_string()),
            (&mut actor, group.to_string()),
            (&mut tutor, group.to_string()),
            (&mut member, unknown.clone()),
            (&mut staff, unknown.clone()),
            (&mut coordinator, String::new()),
        ] {
            let r = upload(who, &group_document(&target)).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{name}: {target}: {}",
                r.body
            );
            let errors: Vec<&str> = r
                .body
                .match_indices("id=\"e-")
                .map(|(i, _)| &r.body[i..i + 24])
                .collect();
            assert!(
                r.body.contains("id=\"e-network_group\""),
                "{name}: {target}: {errors:?}"
            );
        }
        assert_eq!(changes(&app).await, before, "{name}: something was stored");

        // Searches made before the document exists are kept: they must not hide it from its
        // people nor show it to the others.
        for c in [&mut member, &mut outsider, &mut actor, &mut guest] {
            let found = c.get("/library?q=taccuino").await.body;
            assert!(!found.contains("Taccuino condiviso"), "{name}");
        }
        let r = upload(&mut member, &group_document(&group.to_string())).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{name}: {}", r.body);
        let doc: Uuid = r
            .location()
            .trim_start_matches("/library/documents/")
            .parse()
            .unwrap();
        let stored = db::library::document(app.db(), doc).await.unwrap().unwrap();
        assert_eq!(
            (stored.visibility, stored.network_group_id, stored.table_id),
            (domain::library::Visibility::NetworkGroup, Some(group), None),
            "{name}"
        );
        // Its text is read by the job queue, then found by its words.
        let runners = web::jobs::Runners {
            smtp: None,
            storage: Some(app.state.storage.clone()),
            base_url: String::new(),
        };
        web::jobs::run_due(app.db(), &runners).await;

        // Its page says who sees it, in the reader's language.
        let page = member.get(&format!("/library/documents/{doc}")).await;
        assert!(
            page.body
                .contains("Un gruppo interregionale (le amministrazioni del gruppo)"),
            "{name}"
        );
        for (who, c) in [
            ("member", &mut member),
            ("coordinator", &mut coordinator),
            ("staff", &mut staff),
            ("tutor", &mut tutor),
        ] {
            let s = seen(c, doc, group).await;
            assert_eq!(s, [true; 6], "{who} on {name}");
        }
        for (who, c) in [
            ("outsider", &mut outsider),
            ("local actor", &mut actor),
            ("guest", &mut guest),
        ] {
            let s = seen(c, doc, group).await;
            // A guest is sent to sign in on the group page: nothing of it is shown either way.
            assert_eq!(s, [false; 6], "{who} on {name}");
            refused_only_the_document(c, doc).await;
        }

        // Salerno leaves the group: its people no longer see the document, although their
        // earlier searches are kept.
        db::network::remove_member(app.db(), group, salerno, None)
            .await
            .unwrap();
        let s = seen(&mut member, doc, group).await;
        assert_eq!(s, [false; 6], "member after leaving on {name}");
        refused_only_the_document(&mut member, doc).await;
        let page = member.get(&format!("/network/groups/{group}")).await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        let r = upload(&mut member, &group_document(&group.to_string())).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
    }
}
