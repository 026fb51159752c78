//! The frameworks shipped with parindex, embedded at compile time from `frameworks/`.
//! Embedding keeps the core free of I/O: the CLI, the browser app and the JavaScript
//! package all carry the same bytes.

use crate::diagnostic::Diagnostic;
use crate::framework::Framework;

/// One built-in framework file.
pub struct BuiltinFramework {
    /// `id@edition`.
    pub reference: &'static str,
    pub file_name: &'static str,
    pub source: &'static str,
}

/// Every built-in framework, in the order they are listed to users.
pub const BUILTIN: &[BuiltinFramework] = &[
    BuiltinFramework {
        reference: "mau-huyen@2022",
        file_name: "mau-huyen-2022.toml",
        source: include_str!("../../../frameworks/mau-huyen-2022.toml"),
    },
    BuiltinFramework {
        reference: "mau-xa@2024",
        file_name: "mau-xa-2024.toml",
        source: include_str!("../../../frameworks/mau-xa-2024.toml"),
    },
];

/// Loads a built-in framework by `id@edition`.
pub fn builtin(reference: &str) -> Result<Framework, Vec<Diagnostic>> {
    match BUILTIN.iter().find(|b| b.reference == reference) {
        Some(b) => Framework::from_toml(b.source),
        None => {
            let names: Vec<&str> = BUILTIN.iter().map(|b| b.reference).collect();
            Err(vec![Diagnostic::error(
                "framework",
                format!("không có bộ chỉ số có sẵn \"{reference}\" (có sẵn: {}); hãy chỉ định tệp bộ chỉ số", names.join(", ")),
                format!("no built-in framework \"{reference}\" (built in: {}); give a framework file", names.join(", ")),
            )])
        }
    }
}

/// Every built-in framework, loaded.
pub fn all() -> Vec<Result<Framework, Vec<Diagnostic>>> {
    BUILTIN
        .iter()
        .map(|b| Framework::from_toml(b.source))
        .collect()
}
