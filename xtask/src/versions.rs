//! The pinned versions of the tools the tests install, in one place. The other files
//! that must agree (README.md, Trunk.toml, package.json, Cargo.toml, Cargo.lock) are
//! checked against this list by the test below, which runs with every `cargo test`.

/// Trunk: 0.22 needs a newer rustc than these machines have.
pub const TRUNK: &str = "0.21.14";
pub const WASM_PACK: &str = "0.15.1";
pub const CARGO_FUZZ: &str = "0.13.2";
/// The wasm-bindgen library (pinned `=` in Cargo.toml) and its CLI must be one version.
pub const WASM_BINDGEN: &str = "0.2.130";
/// npm's binaryen, which ships `wasm-opt` (Debian's is too old for current rustc output).
pub const BINARYEN: &str = "132";

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> String {
        std::fs::read_to_string(crate::repo().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn says(file: &str, text: &str) {
        assert!(
            read(file).contains(text),
            "{file} must say `{text}` (xtask/src/versions.rs is the one list of tool versions)"
        );
    }

    #[test]
    fn every_file_names_the_same_tool_versions() {
        says("README.md", &format!("Trunk {TRUNK}"));
        says("README.md", &format!("`wasm-pack` {WASM_PACK}"));
        says("README.md", &format!("cargo-fuzz {CARGO_FUZZ}"));
        says("README.md", &format!("binaryen {BINARYEN}"));
        says("Trunk.toml", &format!("wasm_bindgen = \"{WASM_BINDGEN}\""));
        says("Trunk.toml", &format!("wasm_opt = \"version_{BINARYEN}\""));
        says(
            "Trunk.toml",
            &format!(
                "trunk-version = \"^{}\"",
                &TRUNK[..TRUNK.rfind('.').unwrap_or(0)]
            ),
        );
        says("Cargo.toml", &format!("version = \"={WASM_BINDGEN}\""));
        says(
            "Cargo.lock",
            &format!("name = \"wasm-bindgen\"\nversion = \"{WASM_BINDGEN}\""),
        );
        says("package.json", &format!("\"binaryen\": \"{BINARYEN}.0.0\""));
    }
}
