//! Files from outside the crate that some unit tests read: the official data files beside the
//! repository (`../shared/data`, or the folder named by `PONTE_TEST_DATA`) and the front-end
//! packages (`node_modules`, from `npm ci`). A missing file fails the test with what to install;
//! only `PONTE_TEST_SKIP` (a comma-separated list: `shared-data`, `npm`) turns that into a skip,
//! and `scripts/test` refuses that variable.

use std::path::PathBuf;

/// Whether the person running the tests asked to skip the tests that need `what`.
pub fn skipped(what: &str) -> bool {
    std::env::var("PONTE_TEST_SKIP")
        .map(|v| v.split(',').any(|s| s.trim() == what))
        .unwrap_or(false)
}

/// The official data file `relative` (e.g. `istat/Elenco-comuni-italiani.csv`), read whole; `None`
/// only when skipping was asked for.
pub fn official(relative: &str) -> Option<Vec<u8>> {
    let folder = std::env::var("PONTE_TEST_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let path = folder.join(relative);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) if skipped("shared-data") => {
            eprintln!(
                "SKIPPED (PONTE_TEST_SKIP=shared-data): {} is missing",
                path.display()
            );
            None
        }
        Err(e) => panic!(
            "{}: {e}. The official data files are read from the shared data folder beside the \
             repository (../shared/data) or from PONTE_TEST_DATA: the IATI codelists and schema \
             come in the PyPI package pyIATI==0.4.1 (iati/resources/standard/2-03/), the ISTAT \
             list is ISTAT's Elenco-comuni-italiani.csv. Set PONTE_TEST_SKIP=shared-data to skip \
             on purpose.",
            path.display()
        ),
    }
}

/// A file of the front-end packages (`node_modules/<relative>`), read whole; `None` only when
/// skipping was asked for.
pub fn npm(relative: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../node_modules")
        .join(relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) if skipped("npm") => {
            eprintln!(
                "SKIPPED (PONTE_TEST_SKIP=npm): {} is missing",
                path.display()
            );
            None
        }
        Err(e) => panic!(
            "{}: {e}. Install the front-end packages with `npm ci` at the repository root, or set \
             PONTE_TEST_SKIP=npm to skip on purpose.",
            path.display()
        ),
    }
}
