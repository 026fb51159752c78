//! Diagnostics: every problem found in a framework or an assessment, with the place it
//! was found (`self.3.2.1.numerator`, `criterion[1.1.1].rule.due`) and a message in
//! Vietnamese and English.

use serde::Serialize;
use std::fmt;

/// A text in Vietnamese and English. Vietnamese is the reference; English may be empty
/// in framework files, in which case it falls back to the Vietnamese text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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

/// Where a problem is, as data: which file (among several, when ranking), which part of
/// it, which criterion, which item of a list, which field. Front ends find the control
/// to mark from this, never by taking the rendered `path` apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Position of the file among several given together (ranking); `None` for one file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<usize>,
    /// The part of the file: an assessment section (`self`, `appraisal`, `survey`,
    /// `bonus`, `penalty`) or a framework table (`criterion`, `band`); `None` for a
    /// top-level key or the file as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'static str>,
    /// The criterion code, when the problem is in one criterion's entry or table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The position in a list section (`bonus[1]`, `band[0]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    /// The field inside that place, as the path writes it: `numerator`,
    /// `evidence[0].date`, `rule.bands[1].points`; a top-level key such as `year`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Location {
    /// Whether the problem lies in the entry of `criterion` in `section`.
    pub fn is_in(&self, section: &str, criterion: &str) -> bool {
        self.section == Some(section) && self.criterion.as_deref() == Some(criterion)
    }

    /// Whether the problem is exactly at `field` of the entry of `criterion` in `section`.
    pub fn is_at(&self, section: &str, criterion: &str, field: &str) -> bool {
        self.is_in(section, criterion) && self.field.as_deref() == Some(field)
    }
}

/// One problem: what kind (a stable [`code`](crate::codes)), where (the rendered `path`
/// of the contract and the structured [`Location`]), and what it is, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// One of [`crate::codes::ALL`].
    pub code: &'static str,
    /// Where, as `docs/formats.md` writes it: `section.code.field` in assessments,
    /// `criterion[code].field` in frameworks; empty for the file as a whole.
    pub path: String,
    /// Boxed: every result that can fail carries diagnostics, and keeps small.
    pub location: Box<Location>,
    pub message: Text,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        path: impl Into<String>,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Diagnostic::new(Severity::Error, code, path.into(), Text::new(vi, en))
    }

    /// The same problem as a warning: it does not stop scoring and is reported in the
    /// scorecard.
    pub fn into_warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    fn new(severity: Severity, code: &'static str, path: String, message: Text) -> Self {
        Diagnostic {
            severity,
            code,
            path,
            location: Box::default(),
            message,
        }
    }

    /// The same diagnostic, placed (see [`Location`]).
    pub fn at(mut self, location: Location) -> Self {
        self.location = Box::new(location);
        self
    }

    /// `path: message` in one language, as the CLI prints it.
    pub fn render(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.message.get(lang).to_string()
        } else {
            format!("{}: {}", self.path, self.message.get(lang))
        }
    }

    /// `path: message` in both languages, for a message shown later in either.
    pub fn rendered(&self) -> Text {
        Text::new(self.render(Lang::Vi), self.render(Lang::En))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// The diagnostics of a scorecard as the contract writes them (`severity`, `path`,
/// `message`): the code and location are for programs and front ends, and scorecards
/// keep their documented bytes.
pub(crate) fn ser_contract<S: serde::Serializer>(
    diags: &[Diagnostic],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::{SerializeSeq, SerializeStruct};
    struct Contract<'a>(&'a Diagnostic);
    impl Serialize for Contract<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Diagnostic", 3)?;
            st.serialize_field("severity", &self.0.severity)?;
            st.serialize_field("path", &self.0.path)?;
            st.serialize_field("message", &self.0.message)?;
            st.end()
        }
    }
    let mut seq = s.serialize_seq(Some(diags.len()))?;
    for d in diags {
        seq.serialize_element(&Contract(d))?;
    }
    seq.end()
}

/// Collects diagnostics while a file is read, so that one pass reports every problem.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records an error. The path is anything displayable, so a [`crate::reader::KeyPath`]
    /// is written out only here, when a problem is found.
    pub fn error(
        &mut self,
        code: &'static str,
        path: impl fmt::Display,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.0
            .push(Diagnostic::error(code, path.to_string(), vi, en));
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

    /// Places every diagnostic recorded since `mark` that is not placed yet: in
    /// `section`, at `criterion` or list `item`, with the field read off its path below
    /// `prefix` (the path of that place: `self.3.3.2`, `criterion[1.1.1]`, `bonus[1]`).
    /// Called by the readers, which know the place, so nobody parses a path later.
    pub(crate) fn place_since(
        &mut self,
        mark: usize,
        section: &'static str,
        criterion: Option<&str>,
        item: Option<usize>,
        prefix: &dyn fmt::Display,
    ) {
        if self.0.len() <= mark {
            return;
        }
        let prefix = prefix.to_string();
        for d in self.0.iter_mut().skip(mark) {
            if d.location.section.is_some() {
                continue;
            }
            d.location.section = Some(section);
            d.location.criterion = criterion.map(str::to_string);
            d.location.item = item;
            d.location.field = d
                .path
                .strip_prefix(prefix.as_str())
                .map(|rest| rest.trim_start_matches('.'))
                .filter(|rest| !rest.is_empty())
                .map(str::to_string);
        }
    }

    /// Places what is left unplaced as top-level keys (`year`, `rounding.mode`): the
    /// readers call it once, at the end of a file.
    pub(crate) fn place_rest(&mut self) {
        for d in &mut self.0 {
            if d.location.section.is_none() && d.location.field.is_none() && !d.path.is_empty() {
                d.location.field = Some(d.path.clone());
            }
        }
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
