//! The tools the browser tests need, checked and installed where possible:
//! the wasm32 target, the wasm-bindgen CLI at exactly the version in `Cargo.lock`,
//! wasm-pack, wasm-opt and playwright-core from npm (`package-lock.json`), and Debian's
//! Chromium with its ChromeDriver. Nothing is downloaded outside the package registries.

use crate::versions::{BINARYEN, CARGO_FUZZ, TRUNK, WASM_BINDGEN, WASM_PACK};
use crate::{repo, run, run_capture, run_env};
use std::path::PathBuf;
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// PATH with the npm tools (wasm-opt) and cargo's bin folder first.
pub fn path() -> String {
    let mut parts: Vec<PathBuf> = vec![repo().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin"));
    }
    let mut path = parts
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(":");
    if let Ok(rest) = std::env::var("PATH") {
        path.push(':');
        path.push_str(&rest);
    }
    path
}

/// What `program --version` prints, if it runs.
fn version_of(program: &str) -> Option<String> {
    let out = Command::new(program)
        .arg("--version")
        .env("PATH", path())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn ensure_wasm_tools() -> Result<(), String> {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if !String::from_utf8_lossy(&targets.stdout).contains("wasm32-unknown-unknown") {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }
    let pinned = WASM_BINDGEN;
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {pinned}")) {
        // Not --locked: the CLI's own lock file names a yanked webpki-roots; the library
        // crate it must match is pinned exactly in Cargo.toml either way.
        run(
            "cargo",
            &["install", "--force", &format!("wasm-bindgen-cli@{pinned}")],
        )?;
    }
    if !version_of("wasm-pack").is_some_and(|v| v.contains(WASM_PACK)) {
        run(
            "cargo",
            &[
                "install",
                "--locked",
                "--force",
                &format!("wasm-pack@{WASM_PACK}"),
            ],
        )?;
    }
    if version_of("wasm-opt").is_none_or(|v| !v.contains(&format!("version {BINARYEN}")))
        || !repo().join("node_modules/playwright-core").exists()
        || !repo().join("node_modules/.bin/tsc").exists()
        || !repo().join("node_modules/axe-core").exists()
        || !repo().join("node_modules/esbuild").exists()
    {
        run("npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

/// How the pages are compiled: the machine's nightly Rust builds the standard library
/// for wasm itself, with panics that abort at once (`-Cpanic=immediate-abort`). A panic
/// (which the core never does on any input: fuzzed, property-tested) then stops the page
/// with a bare trap instead of a message, and the first visit is ~16 KB gzip smaller.
/// The standard library is built for size (`optimize_for_size`: its smaller sorting and
/// formatting code, the same results; ~800 B gzip).
/// `Debug` formatting (`{:?}`) writes nothing (`-Zfmt-debug=none`: ~3 KB gzip less on every
/// page, most of it the escaping of `str`'s `Debug` and its Unicode tables). No text a
/// person reads may use it — the pages' own code has no `{:?}` outside tests (held by
/// `no_debug_formatting_in_the_pages` below) and what they show from their dependencies
/// (serde_json's syntax errors, TOML's, the archive reader's) is written with `Display`.
/// The framework editor keeps `Debug` ([`EDITOR_BUILD_ENV`]): the `.xlsx` reader's
/// messages quote cell positions with it.
/// Only the pages' wasm is built so; tests, the CLI and the JS package use stable Rust.
pub const PAGE_BUILD_ENV: [(&str, &str); 4] = [
    ("RUSTUP_TOOLCHAIN", "nightly"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        "RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none",
    ),
];

/// The framework editor's build: [`PAGE_BUILD_ENV`] with `Debug` formatting kept. The
/// caller gives it a target folder of its own (`target/editor`), so that the two sets of
/// flags do not rebuild each other's standard library on every run.
pub const EDITOR_BUILD_ENV: [(&str, &str); 4] = [
    PAGE_BUILD_ENV[0],
    PAGE_BUILD_ENV[1],
    PAGE_BUILD_ENV[2],
    ("RUSTFLAGS", "-Zunstable-options -Cpanic=immediate-abort"),
];

/// The nightly toolchain's standard library sources and wasm target, for
/// [`PAGE_BUILD_ENV`] (rustup fetches what is missing; quick when present), and the
/// crates those sources depend on: Trunk builds offline (`Trunk.toml`), and cargo
/// resolves the standard library's whole lock file — `wasip1` and the like included —
/// before building it, so a fresh machine must fetch them first.
fn ensure_nightly_for_pages() -> Result<(), String> {
    require_nightly("the pages are built with the machine's nightly Rust")?;
    run(
        "rustup",
        &["component", "add", "rust-src", "--toolchain", "nightly"],
    )?;
    run(
        "rustup",
        &[
            "target",
            "add",
            "wasm32-unknown-unknown",
            "--toolchain",
            "nightly",
        ],
    )?;
    let sysroot = run_capture(
        "rustup",
        &["run", "nightly", "rustc", "--print", "sysroot"],
        &[],
    )?;
    let library = PathBuf::from(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml");
    let library = library.to_string_lossy();
    run_env(
        "cargo",
        &["fetch", "--locked", "--manifest-path", &library],
        &[("RUSTUP_TOOLCHAIN", "nightly")],
    )
}

/// Everything the app build needs: the wasm tools, nightly's std sources and Trunk.
pub fn ensure_app_tools() -> Result<(), String> {
    ensure_wasm_tools()?;
    ensure_nightly_for_pages()?;
    if !version_of("trunk").is_some_and(|v| v.contains(TRUNK)) {
        run(
            "cargo",
            &["install", "--locked", "--force", &format!("trunk@{TRUNK}")],
        )?;
    }
    Ok(())
}

/// Reads the text of the PDFs the print test makes (`pdftotext`) and draws their pages
/// as PNG (`pdftoppm`): Debian's poppler-utils.
pub const PDFTOTEXT: &str = "/usr/bin/pdftotext";

pub fn ensure_browser_tools() -> Result<(), String> {
    ensure_app_tools()?;
    let present = || {
        PathBuf::from(CHROMIUM).exists()
            && PathBuf::from(CHROMEDRIVER).exists()
            && PathBuf::from(PDFTOTEXT).exists()
    };
    if !present() {
        let is_root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let has_apt = PathBuf::from("/usr/bin/apt-get").exists();
        if is_root && has_apt {
            run("apt-get", &["update", "-qq"])?;
            crate::run_env(
                "apt-get",
                &[
                    "install",
                    "-y",
                    "-qq",
                    "chromium",
                    "chromium-driver",
                    "poppler-utils",
                ],
                &[("DEBIAN_FRONTEND", "noninteractive")],
            )?;
        }
    }
    if present() {
        Ok(())
    } else {
        Err(format!(
            "the browser tests need Chromium and its driver at {CHROMIUM} and {CHROMEDRIVER}, \
             and {PDFTOTEXT}: install Debian's packages with \
             `sudo apt-get install chromium chromium-driver poppler-utils`"
        ))
    }
}

/// Fails, saying `why` nightly is needed, when the machine has no nightly toolchain.
fn require_nightly(why: &str) -> Result<(), String> {
    let toolchains = Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if !String::from_utf8_lossy(&toolchains.stdout).contains("nightly") {
        return Err(format!("{why}: `rustup toolchain install nightly`"));
    }
    Ok(())
}

/// Nightly Rust (on these machines) and cargo-fuzz for the fuzz targets.
pub fn ensure_fuzz_tools() -> Result<(), String> {
    require_nightly("the fuzz targets need a nightly Rust toolchain")?;
    let fuzz = Command::new("cargo")
        .args(["fuzz", "--version"])
        .env("PATH", path())
        .output();
    if !fuzz.is_ok_and(|o| o.status.success()) {
        run(
            "cargo",
            &["install", "--locked", &format!("cargo-fuzz@{CARGO_FUZZ}")],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The pages are built with `-Zfmt-debug=none` ([`super::PAGE_BUILD_ENV`]): a `{:?}`
    /// there would write nothing where a person reads. Their crates' code (before its
    /// test module) formats with `Display` only; a panic's or an assertion's message is
    /// never shown (panics abort at once), so those lines may.
    #[test]
    fn no_debug_formatting_in_the_pages() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for dir in [
            "web/src",
            "crates/parindex-core/src",
            "crates/parindex-toml/src",
            "crates/parindex-zip/src",
            "crates/parindex-dossier/src",
        ] {
            let under = crate::figures::files_under(&root.join(dir)).unwrap();
            files.extend(
                under
                    .into_iter()
                    .filter(|p| p.extension().is_some_and(|x| x == "rs")),
            );
        }
        assert!(files.len() > 40, "{} files", files.len());
        let mut found = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            for (n, line) in code.lines().enumerate() {
                let shown = !["assert", "panic!", "unreachable!", ".expect("]
                    .iter()
                    .any(|m| line.contains(m));
                if shown && (line.contains(":?}") || line.contains(":#?}")) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "Debug formatting in the pages' code:\n{}",
            found.join("\n")
        );
    }
}
