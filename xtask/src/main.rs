//! Project automation (`cargo xtask …`), kept in Rust so that it runs wherever cargo
//! does. `test` is the one command that runs every test of the project, installing the
//! tools the browser tests need where it can; `bench` prints the performance figures.

mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>
  serve     build the self-assessment app and serve it on http://127.0.0.1:8080/
  test      every test: format check, native tests, browser parity and component tests
            in headless Chromium, the Node.js package test, the embedding page and the
            app end to end
  bench     the scoring benchmarks (one assessment; ranking 10,000)
  package   build the JavaScript package (target/pkg/web, target/pkg/node) and print its size
  embed     build the embedding example into web/embed and print how to serve it";

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

pub fn run_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    eprintln!("xtask: {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(repo())
        .env("PATH", tools::path())
        .envs(env.iter().copied())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn native_tests() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    run("cargo", &["test", "--workspace", "--locked"])
}

/// The golden cases scored in headless Chromium must give the native bytes.
fn browser_parity_tests() -> Result<(), String> {
    let chromedriver = tools::CHROMEDRIVER;
    run_env(
        "cargo",
        &[
            "test",
            "--locked",
            "-p",
            "parindex-parity",
            "--target",
            "wasm32-unknown-unknown",
        ],
        &[
            (
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            ),
            ("CHROMEDRIVER", chromedriver),
            ("WASM_BINDGEN_TEST_TIMEOUT", "120"),
        ],
    )
}

/// Builds the wasm-pack package for the web and for Node.js, and the embedding example.
fn package() -> Result<(), String> {
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
    let wasm = repo().join("target/pkg/web/parindex_wasm_bg.wasm");
    let js = repo().join("target/pkg/web/parindex_wasm.js");
    eprintln!(
        "xtask: package size: parindex_wasm_bg.wasm {} bytes raw, {} bytes gzip; parindex_wasm.js {} bytes raw, {} bytes gzip",
        file_size(&wasm)?,
        tools::gzip_size(&wasm)?,
        file_size(&js)?,
        tools::gzip_size(&js)?
    );
    Ok(())
}

fn file_size(p: &Path) -> Result<u64, String> {
    std::fs::metadata(p)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", p.display()))
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
        &[
            (
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            ),
            ("CHROMEDRIVER", tools::CHROMEDRIVER),
            ("WASM_BINDGEN_TEST_TIMEOUT", "120"),
        ],
    )
}

/// `trunk build --release` into dist/, and the size of what a first visit downloads.
fn build_app() -> Result<(), String> {
    run("trunk", &["build", "--release"])?;
    let dist = repo().join("dist");
    let mut raw = 0;
    let mut gzip = 0;
    let mut lines = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dist)
        .map_err(|e| format!("dist: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries.iter().filter(|p| p.is_file()) {
        let (r, g) = (file_size(path)?, tools::gzip_size(path)?);
        raw += r;
        gzip += g;
        lines.push(format!(
            "  {:<28} {r:>9} {g:>9}",
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
    }
    eprintln!("xtask: first visit of the app (dist/), bytes raw and gzip:\n{}\n  {:<28} {raw:>9} {gzip:>9}", lines.join("\n"), "total");
    Ok(())
}

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

fn test() -> Result<(), String> {
    native_tests()?;
    tools::ensure_browser_tools()?;
    browser_parity_tests()?;
    app_component_tests()?;
    package()?;
    build_app()?;
    js_tests()?;
    eprintln!("xtask: all tests passed");
    Ok(())
}

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("test") => test(),
        Some("serve") => tools::ensure_app_tools().and_then(|()| {
            eprintln!("xtask: the app will be at http://127.0.0.1:8080/ (Ctrl+C stops it)");
            run("trunk", &["serve", "--release", "--address", "127.0.0.1", "--port", "8080"])
        }),
        Some("bench") => run("cargo", &["bench", "--locked", "-p", "parindex-core", "--bench", "scoring"]),
        Some("package") => tools::ensure_wasm_tools().and_then(|()| package()),
        Some("embed") => tools::ensure_wasm_tools().and_then(|()| package()).map(|()| {
            eprintln!("xtask: serve it with: python3 -m http.server --directory web/embed 8000  (then open http://localhost:8000/)");
        }),
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
