//! Every template is used: a page rendered by a handler, or a piece that another template
//! extends, includes or imports. (The integration tests render every page on both databases.)

use std::path::Path;

#[test]
fn no_template_is_orphaned() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut code = String::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                code.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let sources: Vec<(&str, &str)> = web::templates::Templates::sources().collect();
    for (name, _) in &sources {
        let quoted = format!("\"{name}\"");
        let used_by_code = code.contains(&quoted);
        let used_by_template = sources
            .iter()
            .any(|(other, text)| other != name && text.contains(&quoted));
        assert!(
            used_by_code || used_by_template,
            "template {name} is never used"
        );
    }
}

/// Pages name assets through `asset("…")`, which gives the address with the tag of the asset's
/// content (cached for a year), never by a written `/assets/…` address; and every asset named
/// so exists.
#[test]
fn templates_name_assets_through_the_helper() {
    for (name, text) in web::templates::Templates::sources() {
        assert!(
            !text.contains("/assets/"),
            "template {name} writes an asset address by hand: use asset(\"…\")"
        );
        for part in text.split("asset(\"").skip(1) {
            let asset = part.split('"').next().unwrap();
            assert!(
                web::assets::href(asset).is_some(),
                "template {name} names the unknown asset {asset}"
            );
        }
    }
}

/// htmx is loaded only by the pages that use it: a template with `hx-` attributes includes
/// `_htmx.html` (in the layout's `scripts` block), or is a piece that only such pages include.
#[test]
fn pages_with_htmx_attributes_load_htmx() {
    let sources: Vec<(&str, &str)> = web::templates::Templates::sources().collect();
    let loads = |text: &str| text.contains("{% block scripts %}{% include \"_htmx.html\" %}");
    let mut pages = 0;
    for (name, text) in &sources {
        if *name == "_htmx.html" {
            continue;
        }
        if !(text.contains("data-hx-") || text.contains(" hx-")) || loads(text) {
            pages += usize::from(loads(text));
            continue;
        }
        let quoted = format!("\"{name}\"");
        let includers: Vec<&str> = sources
            .iter()
            .filter(|(other, t)| other != name && t.contains(&quoted))
            .map(|(_, t)| *t)
            .collect();
        assert!(
            !includers.is_empty() && includers.iter().all(|t| loads(t)),
            "template {name} has hx- attributes but its page does not load htmx: add \
             {{% block scripts %}}{{% include \"_htmx.html\" %}}{{% endblock %}}"
        );
    }
    assert!(pages >= 3, "the pages that load htmx were not found");
}

#[test]
fn excerpts_end_at_a_word_within_the_limit() {
    use web::templates::excerpt;
    assert_eq!(excerpt("  A short\n summary. ", 160), "A short summary.");
    assert_eq!(excerpt("one two three", 9), "one two…");
    assert_eq!(excerpt("abcdefghij", 5), "abcd…");
    let long = "parola ".repeat(100);
    assert!(excerpt(&long, 160).chars().count() <= 161);
}
