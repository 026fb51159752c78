//! Project automation (`cargo xtask …`), kept in Rust so that it runs wherever cargo
//! does. `test` is the one command that runs every test of the project; `bench` prints
//! the performance figures.

use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <test|bench>
  test    format check, then every test of the workspace
  bench   the scoring benchmarks (one assessment; ranking 10,000)";

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("xtask: {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn test() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    run("cargo", &["test", "--workspace", "--locked"])
}

fn bench() -> Result<(), String> {
    run(
        "cargo",
        &[
            "bench",
            "--locked",
            "-p",
            "parindex-core",
            "--bench",
            "scoring",
        ],
    )
}

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("test") => test(),
        Some("bench") => bench(),
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
