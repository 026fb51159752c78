//! The names of a dossier's entries: what is safe to unpack anywhere (no `..`, no absolute
//! path or drive, no backslash, no control character, valid UTF-8, no two names that a
//! Windows or macOS folder would take for one), and where each belongs.

use crate::{Problem, ASSESSMENT, FILES, MANIFEST};

/// Why a name is refused, before the entry it names is known to the message.
pub(crate) struct NameProblem(&'static str, &'static str);

impl NameProblem {
    pub(crate) fn of(&self, entry: &str) -> Problem {
        Problem::new(Some(entry), self.0, self.1)
    }
}

/// The longest name accepted, in bytes.
const MAX_NAME: usize = 512;

/// Checks an entry's raw name; records it in `seen` (lowercased) to refuse duplicates.
pub(crate) fn check(raw: &[u8], seen: &mut Vec<String>) -> Result<String, NameProblem> {
    let name = std::str::from_utf8(raw)
        .map_err(|_| NameProblem("tên tệp không phải UTF-8", "the name is not valid UTF-8"))?;
    if name.is_empty() || name.len() > MAX_NAME {
        return Err(NameProblem(
            "tên tệp rỗng hoặc quá dài",
            "the name is empty or too long",
        ));
    }
    if name.contains('\\') {
        return Err(NameProblem(
            "tên tệp có dấu \\ (đường dẫn kiểu Windows)",
            "the name holds a backslash (a Windows path)",
        ));
    }
    if name.starts_with('/') || name.as_bytes().get(1) == Some(&b':') || name.contains(':') {
        return Err(NameProblem(
            "đường dẫn tuyệt đối hoặc có ổ đĩa: không được phép",
            "an absolute path or a drive: not allowed",
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(NameProblem(
            "tên tệp có ký tự điều khiển",
            "the name holds a control character",
        ));
    }
    let body = name.strip_suffix('/').unwrap_or(name);
    if body
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return Err(NameProblem(
            "đường dẫn có \"..\", \".\" hoặc \"//\": không được phép",
            "the path holds \"..\", \".\" or \"//\": not allowed",
        ));
    }
    let folded = body.to_lowercase();
    if seen.contains(&folded) {
        return Err(NameProblem(
            "trùng tên với một tệp khác trong hồ sơ",
            "the same name as another entry",
        ));
    }
    seen.push(folded);
    Ok(name.to_string())
}

/// Where an entry belongs.
pub(crate) enum Place {
    Assessment,
    Manifest,
    File { code: String, name: String },
    Unknown,
}

/// A criterion code as a folder: digits, letters, dots, dashes.
fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

pub(crate) fn place(name: &str) -> Place {
    if name == ASSESSMENT {
        return Place::Assessment;
    }
    if name == MANIFEST {
        return Place::Manifest;
    }
    let parts: Vec<&str> = name.split('/').collect();
    match parts.as_slice() {
        [folder, code, file] if *folder == FILES && is_code(code) && !file.is_empty() => {
            Place::File {
                code: code.to_string(),
                name: file.to_string(),
            }
        }
        _ => Place::Unknown,
    }
}
