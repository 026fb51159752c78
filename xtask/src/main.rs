//! Project automation (`cargo xtask …`), kept in Rust so that it runs wherever cargo
//! does. `test` is the one command that runs every test of the project and holds the
//! budgets, installing the tools it needs where it can; `bench` prints every figure.

mod figures;
mod tools;
mod versions;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>
  serve     build the app and serve it on http://127.0.0.1:8080/ (the appraising
            body's desk at /tham-dinh/)
  test      every test: format check, clippy, native tests, fuzz targets briefly, browser
            parity and component tests in headless Chromium, the Node.js package test,
            the embedding page and the app end to end; and the budgets (size, speed)
  test --quick
            the fast tier while working: format check, clippy, native tests
  bench     the table of measured figures: sizes, re-scoring in Chromium, a first visit's
            bytes over the wire, reload time, native scoring and ranking, CLI wall time
  package   build the JavaScript package (target/pkg/web, target/pkg/node) and print its size
  embed     build the embedding example into web/embed and print how to serve it
  fuzz T S  run fuzz target T (framework | assessment | annex | dossier) for S seconds
  frameworks-json [DIR]
            write the built-in frameworks' compact JSON form into DIR/frameworks (by
            default Trunk's staging folder: Trunk runs this after each build)";

/// The repository root (the parent of this crate).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command in the repository with the project's tool folders on PATH.
pub fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_env(program, args, &[])
}

fn command(program: &str, args: &[&str], env: &[(&str, &str)]) -> Command {
    eprintln!("xtask: {program} {}", args.join(" "));
    let mut c = Command::new(program);
    c.args(args)
        .current_dir(repo())
        .env("PATH", tools::path())
        .envs(env.iter().copied());
    c
}

pub fn run_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    let status = command(program, args, env)
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Runs a command, passing its output through, and returns its standard output.
pub fn run_capture(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<String, String> {
    let out = command(program, args, env)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!(
            "`{program} {}` failed ({})",
            args.join(" "),
            out.status
        ))
    }
}

const BROWSER_TEST_ENV: [(&str, &str); 3] = [
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    ),
    ("CHROMEDRIVER", tools::CHROMEDRIVER),
    ("WASM_BINDGEN_TEST_TIMEOUT", "120"),
];

/// The quick tier: formatting, clippy with warnings as errors, every native test.
fn native_tests() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    run("cargo", &["test", "--workspace", "--locked"])
}

/// In headless Chromium, optimised: every golden case must give the native bytes, and
/// re-scoring after one change must hold its budget.
fn browser_parity_tests() -> Result<String, String> {
    run_capture(
        "cargo",
        &[
            "test",
            "--release",
            "--locked",
            "-p",
            "parindex-parity",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "--nocapture",
        ],
        &BROWSER_TEST_ENV,
    )
}

/// The app's component tests, in headless Chromium.
fn app_component_tests() -> Result<(), String> {
    run_env(
        "cargo",
        &[
            "test",
            "--locked",
            "-p",
            "parindex-app",
            "--target",
            "wasm32-unknown-unknown",
        ],
        &BROWSER_TEST_ENV,
    )
}

/// Builds the wasm-pack package for the web and for Node.js, and the embedding example.
fn package() -> Result<figures::Sizes, String> {
    for (target, out) in [
        ("web", "../../target/pkg/web"),
        ("nodejs", "../../target/pkg/node"),
    ] {
        run(
            "wasm-pack",
            &[
                "build",
                "crates/parindex-wasm",
                "--release",
                "--target",
                target,
                "--out-dir",
                out,
            ],
        )?;
    }
    let embed = repo().join("web/embed");
    copy_dir(&repo().join("target/pkg/web"), &embed.join("pkg"))?;
    std::fs::create_dir_all(embed.join("data")).map_err(|e| e.to_string())?;
    std::fs::copy(
        repo().join("examples/tra-cu-2022.json"),
        embed.join("data/tra-cu-2022.json"),
    )
    .map_err(|e| e.to_string())?;
    let files = ["parindex_wasm_bg.wasm", "parindex_wasm.js"]
        .map(|f| repo().join("target/pkg/web").join(f));
    let sizes = figures::Sizes::of(&files)?;
    eprintln!(
        "xtask: JS package (web): {} bytes raw, {} bytes gzip",
        sizes.raw, sizes.gzip
    );
    Ok(sizes)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Writes every built-in framework in its compact JSON form (what the pages fetch) into
/// `dir/frameworks/`, checking that each reads back as the same framework.
fn frameworks_json(dir: &Path) -> Result<(), String> {
    use parindex_core::builtin::CATALOGUE;
    use parindex_core::{Framework, BUILTIN};
    let out = dir.join("frameworks");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (b, listing) in BUILTIN.iter().zip(CATALOGUE) {
        let json = Framework::tree_json(b.source).map_err(|d| format!("{}: {d}", b.file_name))?;
        let from_toml =
            Framework::from_toml(b.source).map_err(|d| format!("{}: {d:?}", b.file_name))?;
        let from_json =
            Framework::from_json(&json).map_err(|d| format!("{}: {d:?}", listing.json_name))?;
        if from_json != from_toml {
            return Err(format!(
                "{}: the JSON form reads differently",
                listing.json_name
            ));
        }
        std::fs::write(out.join(listing.json_name), json).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The desk's page (`tham-dinh.html`) and the embedded page (`nhung.html`), written from
/// the units' `index.html` so they never drift apart (the CSP, the wasm-opt flags, the
/// copied files): only their title, description, stylesheet and feature differ. Trunk
/// needs them as files beside `index.html`; they are not kept in git.
fn write_desk_page() -> Result<(), String> {
    let units = std::fs::read_to_string(repo().join("index.html"))
        .map_err(|e| format!("index.html: {e}"))?;
    std::fs::write(repo().join("tham-dinh.html"), desk_page(&units)?)
        .map_err(|e| format!("tham-dinh.html: {e}"))?;
    std::fs::write(repo().join("nhung.html"), embed_page(&units)?)
        .map_err(|e| format!("nhung.html: {e}"))
}

/// The embedded page from the units' page: the `embed` feature, and marked so that its
/// own heading is hidden (the framing site has one) and `boot.js` starts the protocol.
fn embed_page(units: &str) -> Result<String, String> {
    replaced(
        units,
        &[
            (
                "  <!-- The app never talks to anything but its own origin. -->\n",
                "  <!-- Written by `cargo xtask` from index.html: edit that file. The units' app for\n       the frames of the sites nhung.json trusts, with the message protocol of\n       docs/embedding.md (`--features embed`), built into dist/nhung/. It never talks to\n       anything but its own origin and the site that frames it. -->\n",
            ),
            ("<html lang=\"vi\">", "<html lang=\"vi\" data-nhung>"),
            (
                "<title>Chỉ số CCHC — tự đánh giá / PAR Index self-assessment</title>",
                "<title>Chỉ số CCHC — tự đánh giá (nhúng) / PAR Index self-assessment (embedded)</title>",
            ),
            (
                "data-bin=\"parindex-app\" ",
                "data-bin=\"parindex-app\" data-cargo-features=\"embed\" ",
            ),
        ],
    )
}

/// `page` with each change applied once, or which one no longer applies.
fn replaced(page: &str, changes: &[(&str, &str)]) -> Result<String, String> {
    let mut out = page.to_string();
    for (from, to) in changes {
        if !out.contains(from) {
            return Err(format!(
                "index.html no longer contains {from:?}: update the pages written in xtask"
            ));
        }
        out = out.replacen(from, to, 1);
    }
    Ok(out)
}

/// The desk's page from the units' page.
fn desk_page(units: &str) -> Result<String, String> {
    let changes = [
        (
            "  <!-- The app never talks to anything but its own origin. -->\n",
            "  <!-- Written by `cargo xtask` from index.html: edit that file. The appraising body's\n       desk: the same app with appraisal entry, compare and ranking (`--features desk`),\n       built into dist/tham-dinh/ so units never download it. It never talks to anything\n       but its own origin. -->\n",
        ),
        (
            "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính",
            "Thẩm định, so sánh, xếp hạng Chỉ số cải cách hành chính",
        ),
        (
            "<title>Chỉ số CCHC — tự đánh giá / PAR Index self-assessment</title>",
            "<title>Chỉ số CCHC — thẩm định, xếp hạng / PAR Index appraisal and ranking</title>",
        ),
        (
            "<link data-trunk rel=\"css\" href=\"web/style.css\">\n",
            "<link data-trunk rel=\"css\" href=\"web/style.css\">\n  <link data-trunk rel=\"css\" href=\"web/desk.css\">\n",
        ),
        (
            "data-bin=\"parindex-app\" ",
            "data-bin=\"parindex-app\" data-cargo-features=\"desk\" ",
        ),
    ];
    replaced(units, &changes)
}

/// Files fetched only on request, never to start a page: the example (when asked for),
/// the TOML reader (when a `.toml` is opened), the dossier module (when a file is
/// attached or a dossier exported or opened), the editor's `.xlsx` reader. The pages'
/// are kept for offline use once a first visit is idle (boot.js's `LATER`, held equal).
const ON_REQUEST: [&str; 10] = [
    "tra-cu-2022.json",
    // The sites that may embed the app, read only when the page is framed, and the
    // embedded mode's message protocol, loaded only in that mode.
    "nhung.json",
    "nhung.js",
    "parindex-toml.js",
    "parindex-toml_bg.wasm",
    // The dossier's browser side and module, loaded when a file is attached or a
    // dossier exported or opened.
    "dossier.js",
    "parindex-zip.js",
    "parindex-zip_bg.wasm",
    // The editor's .xlsx reader, loaded when a workbook is opened.
    "parindex-xlsx.js",
    "parindex-xlsx_bg.wasm",
];

/// What a first visit of the page built into `dir` downloads: every file (with the
/// wasm-bindgen snippets in their folders), but the built-in frameworks (one is fetched
/// to start; the caller adds the largest), the files fetched on request, the desk's page
/// and the precompressed copies.
fn first_visit_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            if !["frameworks", "tham-dinh", "bo-chi-so", "nhung"].contains(&name.as_str()) {
                out.extend(first_visit_files(&path)?);
            }
        } else if !ON_REQUEST.contains(&name.as_str())
            && !name.ends_with(".gz")
            && !name.ends_with(".br")
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Writes the build's version into every copy of the service worker under `dist`
/// (`"dev-unstamped"` in web/static/sw.js): the first 16 hex digits of a SHA-256
/// of every other file's path and bytes. A changed build is then a changed worker, which
/// browsers install in the background; the same build keeps its version, and its kept
/// files. Returns the version.
fn stamp_workers(dist: &Path) -> Result<String, String> {
    use sha2::{Digest, Sha256};
    const PLACEHOLDER: &str = "dev-unstamped";
    let files = figures::files_under(dist)?;
    let is = |p: &Path, name: &str| p.file_name().is_some_and(|n| n == name);
    let (workers, others): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|p| is(p, "sw.js"));
    let mut hash = Sha256::new();
    for path in others
        .iter()
        .filter(|p| !p.extension().is_some_and(|x| x == "gz" || x == "br"))
    {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.strip_prefix(dist).unwrap_or(path).to_string_lossy();
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let version: String = hash
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    for worker in &workers {
        let text =
            std::fs::read_to_string(worker).map_err(|e| format!("{}: {e}", worker.display()))?;
        // Every copy of the placeholder: the minifier may inline the constant.
        if !text.contains(PLACEHOLDER) {
            return Err(format!("{}: no {PLACEHOLDER} to stamp", worker.display()));
        }
        let stamped = text.replace(PLACEHOLDER, &version);
        std::fs::write(worker, stamped).map_err(|e| format!("{}: {e}", worker.display()))?;
    }
    eprintln!(
        "xtask: service workers stamped with version {version} ({} copies)",
        workers.len()
    );
    Ok(version)
}

/// Writes `.gz` and `.br` copies of every text and wasm file of a built page, so a
/// static host can serve them precompressed (`web/serve.mjs` does): zopfli and brotli at
/// their best, on both cores (~30 s for every page).
fn precompress(dir: &Path) -> Result<(), String> {
    let files: Vec<PathBuf> = figures::files_under(dir)?
        .into_iter()
        .filter(|path| {
            path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                matches!(
                    x,
                    "wasm" | "js" | "css" | "html" | "json" | "svg" | "webmanifest"
                )
            })
        })
        .collect();
    let compress = |path: &PathBuf| -> Result<(), String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let with = |ext: &str| PathBuf::from(format!("{}.{ext}", path.display()));
        std::fs::write(with("br"), figures::brotli(&bytes)).map_err(|e| e.to_string())?;
        std::fs::write(with("gz"), figures::gzip(&bytes)).map_err(|e| e.to_string())
    };
    std::thread::scope(|scope| {
        let other = scope.spawn(|| files.iter().skip(1).step_by(2).try_for_each(compress));
        let mine = files.iter().step_by(2).try_for_each(compress);
        mine.and(other.join().unwrap_or(Err("compressing failed".into())))
    })
}

/// The two pages, built by `trunk build --release`: the units' app into dist/ and the
/// appraising body's desk (`tham-dinh.html`, `--features desk`) into dist/tham-dinh/.
/// Returns the size of what a first visit of each downloads: every built file except
/// those fetched only on request (the TOML and `.xlsx` readers, the other pages), plus
/// every built-in framework file and the example — the page fetches them once the visit
/// is idle, so they all work offline afterwards (`files::keep_for_offline`).
fn build_app() -> Result<figures::Pages, String> {
    let env = tools::PAGE_BUILD_ENV;
    run_env("trunk", &["build", "--release"], &env)?;
    write_desk_page()?;
    // After the units' app: Trunk replaces dist/ as a whole.
    let desk = [
        "build",
        "tham-dinh.html",
        "--dist",
        "dist/tham-dinh",
        "--release",
    ];
    run_env("trunk", &desk, &env)?;
    // The embedded page: the units' app with the message protocol.
    let embedded = ["build", "nhung.html", "--dist", "dist/nhung", "--release"];
    run_env("trunk", &embedded, &env)?;
    // The framework editor: its own page (bo-chi-so.html), with the annex readers.
    let editor = [
        "build",
        "bo-chi-so.html",
        "--dist",
        "dist/bo-chi-so",
        "--release",
    ];
    // Its own target folder: its flags differ (tools::EDITOR_BUILD_ENV).
    let target = repo().join("target/editor");
    let target = target.to_string_lossy();
    let mut env = tools::EDITOR_BUILD_ENV.to_vec();
    env.push(("CARGO_TARGET_DIR", &target));
    run_env("trunk", &editor, &env)?;
    let dist = repo().join("dist");
    stamp_workers(&dist)?;
    precompress(&dist)?;
    let first_visit = |dir: &Path, what: &str| -> Result<figures::Sizes, String> {
        let mut files: Vec<PathBuf> = first_visit_files(dir)?;
        // The editor starts from a table, not a built-in framework.
        if what != EDITOR {
            let frameworks: Vec<PathBuf> = figures::files_in(&dir.join("frameworks"))?
                .into_iter()
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            if frameworks.is_empty() {
                return Err("no framework file beside the app".into());
            }
            files.extend(frameworks);
            files.push(dir.join("tra-cu-2022.json"));
        }
        let sizes = figures::Sizes::of(&files)?;
        for (name, raw, gzip) in &sizes.files {
            eprintln!("  {name:<28} {raw:>9} {gzip:>9}");
        }
        eprintln!(
            "xtask: first visit of the {what}: {} bytes raw, {} bytes gzip, {} bytes brotli",
            sizes.raw, sizes.gzip, sizes.brotli
        );
        Ok(sizes)
    };
    Ok(figures::Pages {
        app: first_visit(&dist, "app")?,
        desk: first_visit(&dist.join("tham-dinh"), "desk (tham-dinh/)")?,
        embedded: first_visit(&dist.join("nhung"), "embedded app (nhung/)")?,
        editor: first_visit(&dist.join("bo-chi-so"), EDITOR)?,
    })
}

const EDITOR: &str = "framework editor (bo-chi-so/)";

fn js_tests() -> Result<(), String> {
    let bin = repo().join("target/debug/parindex");
    let pkg = repo().join("target/pkg/node/parindex_wasm.js");
    run("cargo", &["build", "--locked", "-p", "parindex-cli"])?;
    run_env(
        "node",
        &["--test", "crates/parindex-wasm/js-tests/", "web/e2e/"],
        &[
            ("PARINDEX_BIN", &bin.to_string_lossy()),
            ("PARINDEX_NODE_PKG", &pkg.to_string_lossy()),
        ],
    )
}

/// The seed corpus of a fuzz target, from the project's own files (so it never drifts
/// from them): for `framework` every framework under `frameworks/` and `tests/`, for
/// `assessment` every assessment under `examples/` and `tests/`, for `annex` every annex
/// under `tests/annex/`.
fn seeds(target: &str) -> Result<Vec<PathBuf>, String> {
    let exts: &[&str] = match target {
        "framework" => &["toml"],
        "assessment" => &["json"],
        "annex" => &["csv", "tsv", "txt", "html", "docx", "xlsx"],
        // Zip archives: the dossiers of tests/dossier/ and the Office files of the annexes.
        "dossier" => &["zip", "docx", "xlsx"],
        other => {
            return Err(format!(
                "no fuzz target {other} (framework | assessment | annex | dossier)"
            ))
        }
    };
    let mut out = Vec::new();
    let mut dirs = vec![
        repo().join("frameworks"),
        repo().join("examples"),
        repo().join("tests/invalid/frameworks"),
        repo().join("tests/invalid/assessments"),
        repo().join("tests/annex"),
        repo().join("tests/dossier"),
    ];
    for group in ["tests/golden", "tests/rank"] {
        let dir = repo().join(group);
        let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        cases.sort();
        dirs.extend(cases);
    }
    for dir in dirs {
        out.extend(
            figures::files_in(&dir)?
                .into_iter()
                .filter(|p| p.extension().is_some_and(|x| exts.iter().any(|e| x == *e)))
                .filter(|p| !p.ends_with("expected.json")),
        );
    }
    Ok(out)
}

/// Runs a fuzz target for `seconds` on a corpus seeded from the project's files.
fn fuzz(target: &str, seconds: u32) -> Result<(), String> {
    tools::ensure_fuzz_tools()?;
    let corpus = repo().join("target/fuzz-corpus").join(target);
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    for (i, seed) in seeds(target)?.iter().enumerate() {
        let name = format!(
            "seed-{i:03}-{}",
            seed.file_name().unwrap_or_default().to_string_lossy()
        );
        std::fs::copy(seed, corpus.join(name)).map_err(|e| format!("{}: {e}", seed.display()))?;
    }
    let corpus = corpus.to_string_lossy().into_owned();
    run(
        "cargo",
        &[
            "+nightly",
            "fuzz",
            "run",
            "-O",
            target,
            &corpus,
            "--",
            &format!("-max_total_time={seconds}"),
            "-rss_limit_mb=2048",
            "-timeout=10",
        ],
    )
}

fn test() -> Result<(), String> {
    native_tests()?;
    fuzz("framework", 20)?;
    fuzz("assessment", 20)?;
    fuzz("annex", 20)?;
    fuzz("dossier", 20)?;
    tools::ensure_browser_tools()?;
    let parity = browser_parity_tests()?;
    let rescore = figures::rescore(&parity)?;
    app_component_tests()?;
    package()?;
    let pages = build_app()?;
    js_tests()?;
    let native = figures::native()?;
    let budgets = figures::budgets(&pages, &rescore, &native);
    eprintln!("{}", figures::budget_table(&budgets));
    if budgets.iter().any(|b| !b.ok) {
        return Err("a budget is missed (see the table above)".into());
    }
    eprintln!("xtask: all tests passed and every budget holds");
    Ok(())
}

fn bench() -> Result<(), String> {
    tools::ensure_browser_tools()?;
    let pages = build_app()?;
    let frameworks = figures::frameworks()?;
    let package = package()?;
    let floor = figures::floor()?;
    let parity = browser_parity_tests()?;
    let rescore = figures::rescore(&parity)?;
    let visits = figures::visits()?;
    let native = figures::native()?;
    let cli_ms = figures::cli_wall_ms()?;
    let annex = figures::annex_import()?;
    let budgets = figures::budgets(&pages, &rescore, &native);
    println!(
        "{}",
        figures::table(
            &pages,
            &frameworks,
            &package,
            &floor,
            &rescore,
            &visits,
            &native,
            cli_ms,
            &annex,
            &budgets
        )
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") if args.get(1).map(String::as_str) == Some("--quick") => {
            native_tests().map(|()| eprintln!("xtask: the quick tier passed (fmt, clippy, native tests)"))
        }
        Some("test") => test(),
        Some("bench") => bench(),
        Some("serve") => tools::ensure_app_tools()
            .and_then(|()| build_app())
            .and_then(|_| {
                eprintln!("xtask: the app is at http://127.0.0.1:8080/, the appraising body's desk at http://127.0.0.1:8080/tham-dinh/, the embedded app at http://127.0.0.1:8080/nhung/ (for the sites in dist/nhung/nhung.json) and the framework editor at http://127.0.0.1:8080/bo-chi-so/ (Ctrl+C stops it)");
                run("node", &["web/serve.mjs", "dist", "8080"])
            }),
        Some("package") => tools::ensure_wasm_tools().and_then(|()| package().map(drop)),
        Some("embed") => tools::ensure_wasm_tools().and_then(|()| package()).map(|_| {
            eprintln!("xtask: serve it with: python3 -m http.server --directory web/embed 8000  (then open http://localhost:8000/)");
        }),
        Some("frameworks-json") => {
            let dir = args
                .get(1)
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from));
            match dir {
                Some(dir) => frameworks_json(&dir),
                None => Err("frameworks-json needs a folder (or TRUNK_STAGING_DIR)".into()),
            }
        }
        Some("fuzz") => match (args.get(1), args.get(2).and_then(|s| s.parse().ok())) {
            (Some(t), Some(s)) => fuzz(t, s),
            _ => Err(USAGE.into()),
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    /// The loading notices say their first visit's size, the same in both languages; a
    /// notice whose languages disagree, or that says no figure, is caught.
    #[test]
    fn the_loading_notices_say_one_size_in_both_languages() {
        for page in ["index.html", "bo-chi-so.html"] {
            let html = std::fs::read_to_string(super::repo().join(page)).expect(page);
            let mb = super::figures::stated_first_visit_mb(&html).expect(page);
            assert!((0.1..1.0).contains(&mb), "{page}: {mb} MB");
        }
        let said = super::figures::stated_first_visit_mb;
        assert_eq!(
            said("cần tải khoảng 0,35 MB; … downloads about 0.35 MB"),
            Ok(0.35)
        );
        assert!(said("cần tải khoảng 0,4 MB; … downloads about 0.3 MB").is_err());
        assert!(said("cần tải khoảng vài MB; … downloads about 0.3 MB").is_err());
        assert!(said("downloads about 0.3 MB").is_err());
    }

    /// A page's files fetched only on request (not the embedded mode's, which the service
    /// worker keeps itself, nor the editor's) are what boot.js's `parindexKept` keeps
    /// once a first visit is idle, so the page works offline: a module added to one list
    /// and not the other would not.
    #[test]
    fn boot_keeps_for_offline_use_every_file_a_page_fetches_on_request() {
        let boot = std::fs::read_to_string(super::repo().join("web/static/boot.js")).unwrap();
        let at = boot.find("const LATER = [").expect("boot.js's LATER list");
        let list = &boot[at..at + boot[at..].find(']').unwrap()];
        let mut later: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
        let mut pages: Vec<&str> = super::ON_REQUEST
            .into_iter()
            .filter(|f| !f.starts_with("nhung.") && !f.starts_with("parindex-xlsx"))
            .collect();
        later.sort_unstable();
        pages.sort_unstable();
        assert_eq!(later, pages);
    }

    /// The desk's page is the units' page with the desk's title, stylesheet and feature:
    /// the same CSP, wasm-opt flags and files.
    #[test]
    fn the_desk_page_is_the_units_page_with_the_desk_feature() {
        let units = std::fs::read_to_string(super::repo().join("index.html")).expect("index.html");
        let desk = super::desk_page(&units).expect("every change applies");
        assert!(desk.contains("data-cargo-features=\"desk\""));
        assert!(desk.contains("href=\"web/desk.css\""));
        assert!(desk.contains("<title>Chỉ số CCHC — thẩm định, xếp hạng"));
        let csp = |page: &str| {
            page.lines()
                .find(|l| l.contains("default-src"))
                .map(str::to_string)
        };
        assert_eq!(csp(&desk), csp(&units));
        let units_lines: Vec<&str> = units.lines().collect();
        let kept = desk.lines().filter(|l| units_lines.contains(l)).count();
        assert!(
            kept + 8 >= units_lines.len(),
            "only the desk's lines differ"
        );
    }

    /// The embedded page is the units' page with the `embed` feature, marked as such.
    #[test]
    fn the_embedded_page_is_the_units_page_with_the_embed_feature() {
        let units = std::fs::read_to_string(super::repo().join("index.html")).expect("index.html");
        let page = super::embed_page(&units).expect("every change applies");
        assert!(page.contains("data-cargo-features=\"embed\""));
        assert!(page.contains("<html lang=\"vi\" data-nhung>"));
        let differing = page
            .lines()
            .filter(|l| !units.lines().any(|u| u == *l))
            .count();
        assert!(
            differing <= 8,
            "only the embedded page's lines differ: {differing}"
        );
    }

    /// The editor's page keeps the units' page's CSP and wasm-opt flags (it is written by
    /// hand: it loads another binary, stylesheet and boot script).
    #[test]
    fn the_editor_page_keeps_the_units_csp_and_flags() {
        let read = |name: &str| std::fs::read_to_string(super::repo().join(name)).expect(name);
        let (units, editor) = (read("index.html"), read("bo-chi-so.html"));
        let line = |page: &str, what: &str| {
            page.lines()
                .find(|l| l.contains(what))
                .map(|l| l.split(what).nth(1).unwrap_or_default().to_string())
        };
        assert_eq!(line(&editor, "default-src"), line(&units, "default-src"));
        assert_eq!(
            line(&editor, "data-wasm-opt="),
            line(&units, "data-wasm-opt=")
        );
        assert!(editor.contains("data-bin=\"parindex-editor\""));
    }

    /// The seeds cover the built-in frameworks, the example and every test case.
    #[test]
    fn fuzz_seeds_come_from_the_project_files() {
        let frameworks = super::seeds("framework").expect("seeds");
        let assessments = super::seeds("assessment").expect("seeds");
        let names = |v: &[std::path::PathBuf]| -> Vec<String> {
            v.iter()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .collect()
        };
        let (f, a) = (names(&frameworks), names(&assessments));
        assert!(f
            .iter()
            .any(|p| p.ends_with("frameworks/mau-huyen-2022.toml")));
        assert!(f
            .iter()
            .any(|p| p.ends_with("tests/golden/deadline-edges/framework.toml")));
        assert!(f.iter().any(|p| p.contains("tests/invalid/frameworks/")));
        assert!(a.iter().any(|p| p.ends_with("examples/tra-cu-2022.json")));
        assert!(a.iter().any(|p| p.contains("tests/rank/tie-top/")));
        assert!(!a.iter().any(|p| p.ends_with("expected.json")));
        assert!(f.len() >= 60 && a.len() >= 60, "{} / {}", f.len(), a.len());
        let annexes = names(&super::seeds("annex").expect("seeds"));
        assert!(annexes
            .iter()
            .any(|p| p.ends_with("tests/annex/huyen-2023-word.docx")));
        assert!(
            annexes.iter().all(|p| p.contains("tests/annex/")),
            "{annexes:?}"
        );
    }
}
