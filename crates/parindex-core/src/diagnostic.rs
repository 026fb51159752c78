//! Diagnostics: every problem found in a framework or an assessment, with the place it
//! was found (`self.3.2.1.numerator`, `criterion[1.1.1].rule.due`) and a message in
//! Vietnamese and English.

use serde::Serialize;
use std::fmt;

/// A text in Vietnamese and English. Vietnamese is the reference; English may be empty
/// in framework files, in which case it falls back to the Vietnamese text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// The two languages of every user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One of two fixed texts, by language: `tr(lang, "Mã", "Code")`. Used by every
/// renderer (text, Markdown, spreadsheets, the app) for labels.
pub fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// How serious a diagnostic is: errors stop scoring, warnings are reported in the
/// scorecard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, where it is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where: `section.code.field` in assessments, `criterion[code].field` in frameworks;
    /// empty for the file as a whole.
    pub path: String,
    pub message: Text,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            message: Text::new(vi, en),
        }
    }

    pub fn warning(path: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            path: path.into(),
            message: Text::new(vi, en),
        }
    }

    /// `path: message` in one language, as the CLI prints it.
    pub fn render(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.message.get(lang).to_string()
        } else {
            format!("{}: {}", self.path, self.message.get(lang))
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Collects diagnostics while a file is read, so that one pass reports every problem.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records an error. The path is anything displayable, so a [`crate::reader::KeyPath`]
    /// is written out only here, when a problem is found.
    pub fn error(&mut self, path: impl fmt::Display, vi: impl Into<String>, en: impl Into<String>) {
        self.0.push(Diagnostic::error(path.to_string(), vi, en));
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Joins a path and a key: `join("self.1.1", "date")` is `self.1.1.date`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
