//! Staff shape the programme on both databases: modules added, edited (stale saves get the
//! conflict view), reordered; texts of strands edited; phases, dimensions and cohorts added; bad
//! input saves nothing; members may not touch any of it.

mod common;

use axum::http::StatusCode;
use common::{apps, App};

async fn structure(app: &App) -> db::programme::Structure {
    db::programme::structure(app.db()).await.unwrap().unwrap()
}

#[tokio::test]
async fn staff_add_edit_and_reorder_modules() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        assert_eq!(
            staff.get("/programme/structure").await.status,
            StatusCode::OK
        );
        assert_eq!(
            staff.get("/programme/modules/new?strand=B").await.status,
            StatusCode::OK
        );
        let before = structure(&app).await.modules.len();
        let bad = staff
            .post(
                "/programme/strands/B/modules",
                &[
                    ("title", ""),
                    ("days_min", "1,55"),
                    ("delivery", "in_person"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("al massimo un decimale"));
        assert_eq!(structure(&app).await.modules.len(), before);
        let created = staff
            .post(
                "/programme/strands/B/modules",
                &[
                    ("title", "Costituzione del tavolo territoriale"),
                    ("days_min", "1,5"),
                    ("delivery", "in_person"),
                    (
                        "objectives",
                        "Individuare gli attori locali e le regole del tavolo.",
                    ),
                    ("product", "partnership_plan"),
                ],
            )
            .await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let s = structure(&app).await;
        let strand_b = s.strands.iter().find(|x| x.code == "B").unwrap().id;
        let added = s
            .modules
            .iter()
            .find(|m| m.title == "Costituzione del tavolo territoriale")
            .unwrap()
            .clone();
        assert_eq!((added.strand_id, added.days.min_tenths), (strand_b, 15));
        assert_eq!(added.products, vec!["partnership_plan".to_string()]);
        let page = staff.get(&format!("/programme/modules/{}", added.id)).await;
        assert!(page.body.contains("Individuare gli attori locali"));
        // Two people edit at once: the second save is refused with the conflict view, nothing lost.
        let path = format!("/programme/modules/{}", added.id);
        let version = added.version.to_string();
        let first = staff
            .post(
                &path,
                &[
                    ("version", &version),
                    ("title", "Tavolo territoriale"),
                    ("days_min", "2"),
                    ("delivery", "in_person"),
                ],
            )
            .await;
        assert_eq!(first.status, StatusCode::SEE_OTHER);
        let second = staff
            .post(
                &path,
                &[
                    ("version", &version),
                    ("title", "Tavolo con gli attori locali"),
                    ("days_min", "1"),
                    ("delivery", "remote"),
                ],
            )
            .await;
        assert_eq!(second.status, StatusCode::CONFLICT);
        assert!(
            second.body.contains("Tavolo territoriale"),
            "the current version is shown"
        );
        assert!(
            second.body.contains("Tavolo con gli attori locali"),
            "the typed form is kept"
        );
        // Reordering strand A: the second module goes up.
        let s = structure(&app).await;
        let strand_a = s.strands.iter().find(|x| x.code == "A").unwrap().id;
        let order: Vec<_> = s
            .modules
            .iter()
            .filter(|m| m.strand_id == strand_a)
            .map(|m| m.id)
            .collect();
        let r = staff
            .post(
                &format!("/programme/modules/{}/move", order[1]),
                &[("direction", "up")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let after: Vec<_> = structure(&app)
            .await
            .modules
            .iter()
            .filter(|m| m.strand_id == strand_a)
            .map(|m| m.id)
            .collect();
        assert_eq!((after[0], after[1]), (order[1], order[0]));
        // The first one cannot go further up; nothing changes.
        staff
            .post(
                &format!("/programme/modules/{}/move", after[0]),
                &[("direction", "up")],
            )
            .await;
        let again: Vec<_> = structure(&app)
            .await
            .modules
            .iter()
            .filter(|m| m.strand_id == strand_a)
            .map(|m| m.id)
            .collect();
        assert_eq!(again, after);
        // Members may not shape the programme.
        let mut member = app.signed_in("membro@ponte.example").await;
        assert_eq!(
            member.get("/programme/structure").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            member
                .post(
                    &format!("/programme/modules/{}/move", order[0]),
                    &[("direction", "down")]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn staff_edit_texts_and_add_phases_dimensions_and_cohorts() {
    for app in apps().await {
        let mut staff = app.signed_in("staff@ponte.example").await;
        let s = structure(&app).await;
        let strand = s.strands.iter().find(|x| x.code == "C").unwrap();
        let path = format!("/programme/texts/strands/{}", strand.id);
        assert_eq!(staff.get(&path).await.status, StatusCode::OK);
        let v = strand.version.to_string();
        let r = staff
            .post(
                &path,
                &[
                    ("version", &v),
                    ("title", "Laboratori interregionali"),
                    ("text", "Collaborazioni stabili tra regioni."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let stale = staff
            .post(
                &path,
                &[("version", &v), ("title", "Altro titolo"), ("text", "")],
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        let public = app.client().get("/programme/strands/C").await;
        assert!(public.body.contains("Laboratori interregionali"));
        let phases = s.phases.len();
        assert_eq!(
            staff
                .post("/programme/phases", &[("title", "")])
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            staff
                .post(
                    "/programme/phases",
                    &[("title", "Consolidamento"), ("text", "Terza annualità")]
                )
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let s = structure(&app).await;
        assert_eq!(s.phases.len(), phases + 1);
        assert_eq!(s.phases.last().unwrap().number, s.phases.len() as i64);
        assert_eq!(
            staff
                .post(
                    "/programme/strands/B/dimensions",
                    &[("title", "Attori locali"), ("text", "Chi siede al tavolo?")]
                )
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let strand_b = s.strands.iter().find(|x| x.code == "B").unwrap().id;
        assert_eq!(
            structure(&app)
                .await
                .dimensions
                .iter()
                .filter(|d| d.strand_id == strand_b)
                .count(),
            1
        );
        // A cohort: at least one administration and one strand; forged ids are refused.
        let caserta = app.organisation("Provincia di Caserta").await.to_string();
        let phase = s.phases.last().unwrap().id.to_string();
        let strand_id = strand_b.to_string();
        let empty = staff
            .post(
                "/programme/cohorts",
                &[("name", "Gruppo vuoto"), ("phase_id", &phase)],
            )
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        let chamber = app
            .organisation("Camera di commercio di Salerno")
            .await
            .to_string();
        let forged = staff
            .post(
                "/programme/cohorts",
                &[
                    ("name", "Gruppo"),
                    ("phase_id", &phase),
                    ("organisation", &chamber),
                    ("strand", &strand_id),
                ],
            )
            .await;
        assert_eq!(
            forged.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "only Italian administrations form cohorts"
        );
        let cohorts = s.cohorts.len();
        let ok = staff
            .post(
                "/programme/cohorts",
                &[
                    ("name", "Tavolo di Caserta"),
                    ("phase_id", &phase),
                    ("organisation", &caserta),
                    ("strand", &strand_id),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let s = structure(&app).await;
        assert_eq!(s.cohorts.len(), cohorts + 1);
        let c = s
            .cohorts
            .iter()
            .find(|c| c.name == "Tavolo di Caserta")
            .unwrap();
        assert_eq!(c.organisations.len(), 1);
        let edit = format!("/programme/cohorts/{}", c.id);
        assert_eq!(
            staff.get(&format!("{edit}/edit")).await.status,
            StatusCode::OK
        );
        let salerno = app.organisation("Provincia di Salerno").await.to_string();
        let v = c.version.to_string();
        let r = staff
            .post(
                &edit,
                &[
                    ("version", &v),
                    ("name", "Tavolo di Caserta e Salerno"),
                    ("phase_id", &phase),
                    ("organisation", &caserta),
                    ("organisation", &salerno),
                    ("strand", &strand_id),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let c = structure(&app)
            .await
            .cohorts
            .into_iter()
            .find(|x| x.id == c.id)
            .unwrap();
        assert_eq!(c.organisations.len(), 2);
        let (log, _) = db::audit::page(app.db(), Some("programme.cohort_update"), 5, 0)
            .await
            .unwrap();
        assert_eq!(log.len(), 1);
    }
}

/// Pages keep the structure they read while its generation is unchanged: a change made through
/// one instance shows at once on another that had it cached, and a refused change keeps the
/// cached structure valid.
#[tokio::test]
async fn a_change_shows_at_once_on_every_instance() {
    for app in apps().await {
        let mut reader = app.other_instance();
        let before = reader.get("/programme/strands/C").await;
        assert_eq!(before.status, StatusCode::OK);
        assert!(!before.body.contains("Tavoli che durano"));
        let generation = db::generations(app.db(), &db::Part::ALL).await.unwrap();
        let mut staff = app.signed_in("staff@ponte.example").await;
        let strand = structure(&app)
            .await
            .strands
            .into_iter()
            .find(|x| x.code == "C")
            .unwrap();
        let path = format!("/programme/texts/strands/{}", strand.id);
        let stale = (strand.version + 5).to_string();
        let refused = staff
            .post(
                &path,
                &[
                    ("version", &stale),
                    ("title", "Tavoli che durano"),
                    ("text", ""),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        assert_eq!(
            db::generations(app.db(), &db::Part::ALL).await.unwrap(),
            generation,
            "a refused change leaves the generation as it was on {}",
            app.backend.name
        );
        let v = strand.version.to_string();
        let saved = staff
            .post(
                &path,
                &[
                    ("version", &v),
                    ("title", "Tavoli che durano"),
                    ("text", ""),
                ],
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let after = reader.get("/programme/strands/C").await;
        assert!(
            after.body.contains("Tavoli che durano"),
            "the other instance still shows the old structure on {}",
            app.backend.name
        );
        assert!(reader.get("/").await.body.contains("Tavoli che durano"));
    }
}
