//! Embeds the front-end assets (Bootstrap Italia and htmx from npm, and Ponte's own files), the
//! templates and the translations into the binary: the build writes a table of
//! `include_bytes!` entries that `assets.rs`, `templates.rs` and `i18n.rs` read. Bootstrap
//! Italia's style sheet is compiled from the kit's Sass sources with only the parts Ponte uses
//! (`assets/scss/bootstrap-italia-ponte.scss`), by Node.js with the npm `sass` package.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../..");
    let npm = root.join("node_modules");
    let bi = npm.join("bootstrap-italia/dist");
    if !bi.join("css/bootstrap-italia.min.css").exists() {
        panic!(
            "\n\nThe front-end packages are missing: run `npm ci` in the repository root first\n\
             (scripts/start and scripts/test do it for you).\n\n"
        );
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let scss = manifest.join("assets/scss/bootstrap-italia-ponte.scss");
    // (URL path under /assets, file on disk)
    let mut assets: Vec<(String, PathBuf)> = vec![
        (
            "bootstrap-italia.min.css".into(),
            compiled_sass(&scss, &npm, &out_dir),
        ),
        ("sprites.svg".into(), bi.join("svg/sprites.svg")),
        ("htmx.min.js".into(), npm.join("htmx.org/dist/htmx.min.js")),
    ];
    for family in ["Titillium_Web", "Roboto_Mono", "Lora"] {
        let dir = bi.join("fonts").join(family);
        for entry in sorted(&dir) {
            let name = entry.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".woff2") {
                assets.push((format!("fonts/{family}/{name}"), entry));
            }
        }
    }
    // Ponte's own files (the Sass sources under `assets/scss` are compiled above, not served).
    for entry in sorted(&manifest.join("assets"))
        .into_iter()
        .filter(|p| p.is_file())
    {
        let name = entry.file_name().unwrap().to_string_lossy().to_string();
        assets.push((name, entry));
    }
    // Style sheets refer to other assets (fonts.css to the fonts): they are read last, with
    // those references turned into the hashed addresses of the assets they name.
    assets.sort_by_key(|(path, _)| path.ends_with(".css"));
    let mut hashed_of: Vec<(String, String)> = Vec::new();
    let mut out = String::from(
        "/// Embedded assets, with their hashed names and, for text, their Brotli and gzip forms.\n\
         pub static ASSETS: &[crate::assets::Asset] = &[\n",
    );
    for (path, file) in &assets {
        println!("cargo:rerun-if-changed={}", file.display());
        let mut bytes = std::fs::read(file).unwrap();
        let mut source = file.clone();
        if path.ends_with(".css") {
            let mut text = String::from_utf8(bytes).unwrap();
            for (plain, hashed) in &hashed_of {
                text = text.replace(&format!("/assets/{plain}'"), &format!("/assets/{hashed}'"));
                text = text.replace(
                    &format!("/assets/{plain}\""),
                    &format!("/assets/{hashed}\""),
                );
                text = text.replace(&format!("/assets/{plain})"), &format!("/assets/{hashed})"));
            }
            bytes = text.into_bytes();
            source = written(&out_dir, "css", &bytes);
        }
        let hashed = hashed_name(path, &bytes);
        let (br, gzip) = if compressible(path) {
            compressed(&out_dir, &bytes)
        } else {
            (None, None)
        };
        let include = |f: Option<PathBuf>| match f {
            Some(f) => format!("Some(include_bytes!({:?}))", f.display().to_string()),
            None => "None".into(),
        };
        writeln!(
            out,
            "    crate::assets::Asset {{ path: {path:?}, hashed: {hashed:?}, bytes: include_bytes!({:?}), br: {}, gzip: {} }},",
            source.display().to_string(),
            include(br),
            include(gzip),
        )
        .unwrap();
        hashed_of.push((path.clone(), hashed));
    }
    // Country shapes for the library map (Natural Earth 1:50m, as packaged by world-atlas).
    let atlas = npm.join("world-atlas/countries-50m.json");
    println!("cargo:rerun-if-changed={}", atlas.display());
    out.push_str("];\n\n/// Country shapes (TopoJSON) for the library map.\n");
    writeln!(
        out,
        "pub static WORLD_ATLAS: &str = include_str!({:?});",
        atlas.display().to_string()
    )
    .unwrap();
    out.push_str(
        "\n/// Embedded templates: (name, source).\npub static TEMPLATES: &[(&str, &str)] = &[\n",
    );
    let templates = manifest.join("templates");
    println!("cargo:rerun-if-changed={}", templates.display());
    for dir in std::iter::once(templates.clone())
        .chain(sorted(&templates).into_iter().filter(|p| p.is_dir()))
    {
        println!("cargo:rerun-if-changed={}", dir.display());
        for file in sorted(&dir).into_iter().filter(|p| p.is_file()) {
            let name = file
                .strip_prefix(&templates)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            println!("cargo:rerun-if-changed={}", file.display());
            writeln!(
                out,
                "    ({name:?}, include_str!({:?})),",
                file.display().to_string()
            )
            .unwrap();
        }
    }
    out.push_str("];\n\n/// Embedded translations: (language, Fluent source).\npub static LOCALES: &[(&str, &str)] = &[\n");
    // One Fluent file per feature and language, joined into one source per language.
    for lang in ["it", "en", "fr"] {
        let dir = manifest.join("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let parts: Vec<String> = sorted(&dir)
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "ftl"))
            .map(|f| {
                println!("cargo:rerun-if-changed={}", f.display());
                format!("include_str!({:?})", f.display().to_string())
            })
            .collect();
        writeln!(
            out,
            "    ({lang:?}, concat!({})),",
            parts.join(", \"\\n\", ")
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = out_dir.join("embedded.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}

/// Compiles the Sass entry `scss` (which imports Bootstrap Italia's partials from
/// `node_modules`) into a compressed style sheet in the build's output folder, and returns it.
/// Node.js runs the npm `sass` package (installed by `npm ci`); the result is kept under a hash
/// of the entry and of the versions of the kit and of the compiler, so that a build that changes
/// a template does not compile it again.
fn compiled_sass(scss: &Path, npm: &Path, out_dir: &Path) -> PathBuf {
    println!("cargo:rerun-if-changed={}", scss.display());
    let sass_package = npm.join("sass/package.json");
    let kit_package = npm.join("bootstrap-italia/package.json");
    println!("cargo:rerun-if-changed={}", sass_package.display());
    println!("cargo:rerun-if-changed={}", kit_package.display());
    let mut key = std::fs::read(scss).unwrap_or_else(|e| panic!("{}: {e}", scss.display()));
    for package in [&sass_package, &kit_package] {
        match std::fs::read(package) {
            Ok(bytes) => key.extend(bytes),
            Err(_) => panic!(
                "\n\nThe npm package of {} is missing: run `npm ci` in the repository root first\n\
                 (scripts/start and scripts/test do it for you).\n\n",
                package.parent().unwrap().display()
            ),
        }
    }
    let dir = out_dir.join("sass");
    std::fs::create_dir_all(&dir).unwrap();
    let css = dir.join(format!("{}.css", &hex_digest(&key)[..16]));
    if css.exists() {
        return css;
    }
    let tmp = dir.join("compiling.css.tmp");
    // `node -e SCRIPT ENTRY OUT NODE_MODULES`: the kit's sources use `@import` and older Sass
    // functions, whose deprecation warnings are the kit's to fix, so the compiler is kept quiet.
    const SCRIPT: &str = "const [entry, out, modules] = process.argv.slice(1);\
        const sass = require(require.resolve('sass', { paths: [modules] }));\
        const result = sass.compile(entry, { style: 'compressed', loadPaths: [modules], \
        quietDeps: true, logger: sass.Logger.silent });\
        require('fs').writeFileSync(out, result.css);";
    let status = std::process::Command::new("node")
        .arg("-e")
        .arg(SCRIPT)
        .arg(scss)
        .arg(&tmp)
        .arg(npm)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!(
            "\n\nCompiling {} with the npm `sass` package failed ({s}): see the error above.\n\n",
            scss.display()
        ),
        Err(e) => panic!(
            "\n\nNode.js is needed to compile the style sheets, but `node` could not be run ({e}):\n\
             install Node.js (20 or later) and run `npm ci` in the repository root.\n\n"
        ),
    }
    std::fs::rename(&tmp, &css).unwrap();
    css
}

/// The hex SHA-256 of `bytes`.
fn hex_digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The name an asset is served under for good: a tag of its content before its extension
/// (`ponte.css` becomes `ponte.0123456789.css`), so that browsers may keep it for a year.
fn hashed_name(path: &str, bytes: &[u8]) -> String {
    let tag = &hex_digest(bytes)[..10];
    match path.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}.{tag}.{ext}"),
        _ => format!("{path}.{tag}"),
    }
}

/// Writes `bytes` into the build's output folder under their hash, and returns the file.
fn written(out_dir: &Path, ext: &str, bytes: &[u8]) -> PathBuf {
    let dir = out_dir.join("rewritten");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{}.{ext}", hex_digest(bytes)));
    if !file.exists() {
        std::fs::write(&file, bytes).unwrap();
    }
    file
}

/// Whether an asset is text worth compressing; fonts and images are compressed already.
fn compressible(path: &str) -> bool {
    matches!(
        path.rsplit('.').next(),
        Some("css" | "js" | "svg" | "json" | "txt")
    )
}

/// The Brotli (best quality) and gzip (best level) forms of `bytes`, each only when smaller
/// than the original. They are kept in the build's output folder under the hash of their
/// source, so that a build that changes a template does not compress every asset again.
fn compressed(out_dir: &Path, bytes: &[u8]) -> (Option<PathBuf>, Option<PathBuf>) {
    use std::io::Write as _;
    let key = hex_digest(bytes);
    let dir = out_dir.join("compressed");
    std::fs::create_dir_all(&dir).unwrap();
    let make = |ext: &str, compress: &dyn Fn() -> Vec<u8>| -> Option<PathBuf> {
        let file = dir.join(format!("{key}.{ext}"));
        if !file.exists() {
            let tmp = dir.join(format!("{key}.{ext}.tmp"));
            std::fs::write(&tmp, compress()).unwrap();
            std::fs::rename(&tmp, &file).unwrap();
        }
        let size = std::fs::metadata(&file).unwrap().len() as usize;
        (size < bytes.len()).then_some(file)
    };
    let br = make("br", &|| {
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        let mut v = Vec::new();
        brotli::BrotliCompress(&mut &bytes[..], &mut v, &params).unwrap();
        v
    });
    let gzip = make("gz", &|| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    });
    (br, gzip)
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}
