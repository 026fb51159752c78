//! JSON text written directly rather than through serde's serializer: the scorecard
//! ([`scorecard`], the same bytes as `serde_json`'s pretty printer gives for
//! [`Scorecard`]'s `Serialize`) and any value tree ([`value`], pretty or compact, the same
//! bytes as `serde_json::to_string_pretty` and `Value::to_string`). Two-space
//! indentation, `"key": value`, `[]` and `{}` when empty, the same escapes.
//!
//! Why: a scorecard is mostly words (explanations and advice in two languages, ~65 KB
//! for the Trà Cú example), and serde_json looks at a string's bytes one at a time; here
//! eight at a time, about three times faster. And the pages write drafts, exports and
//! messages to the browser as value trees: written here, serde_json's serializer is not
//! in the pages at all. Property tests hold both writers byte-identical to serde_json,
//! so `Serialize` stays the reference: a field added to the scorecard fails that test
//! until it is written here too.

use crate::decimal::push_points;
use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::keyword::Keyword;
use crate::rank::Ranking;
use crate::scorecard::{Gap, Node, Scorecard, Summary, Total};
use serde_json::Value;
use std::fmt::Write as _;

/// A JSON writer: containers opened and closed, keys and values in between; pretty
/// (new lines, indentation, `": "`) or compact.
pub(crate) struct Out {
    s: String,
    depth: usize,
    /// The innermost open container has nothing in it yet.
    empty: bool,
    pretty: bool,
}

impl Out {
    /// A writer, pretty (what files and results are written with) or compact, with room
    /// for `capacity` bytes.
    pub(crate) fn new(pretty: bool, capacity: usize) -> Out {
        Out {
            s: String::with_capacity(capacity),
            depth: 0,
            empty: true,
            pretty,
        }
    }

    /// The text, with the final new line every file parindex writes ends with.
    pub(crate) fn finish(mut self) -> String {
        self.s.push('\n');
        self.s
    }

    /// The text as it is (a value inside a message or a record).
    pub(crate) fn text_only(self) -> String {
        self.s
    }

    pub(crate) fn open(&mut self, bracket: char) {
        self.s.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    pub(crate) fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.s.push(bracket);
        self.empty = false;
    }

    fn newline(&mut self) {
        if !self.pretty {
            return;
        }
        // A scorecard is four levels deep; deeper would still be written right.
        const BREAK: &str = "\n                ";
        match BREAK.get(..1 + 2 * self.depth) {
            Some(b) => self.s.push_str(b),
            None => {
                self.s.push('\n');
                for _ in 0..self.depth {
                    self.s.push_str("  ");
                }
            }
        }
    }

    /// Starts the next element of the open container.
    pub(crate) fn item(&mut self) {
        if !self.empty {
            self.s.push(',');
        }
        self.newline();
        self.empty = false;
    }

    /// Starts `"key": ` — a name parindex writes (ASCII, nothing to escape); any other key
    /// is written with [`Out::string`] and [`Out::colon`].
    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        self.s.push('"');
        self.s.push_str(key);
        self.s.push('"');
        self.colon();
    }

    /// The separator after a key.
    pub(crate) fn colon(&mut self) {
        self.s.push_str(if self.pretty { ": " } else { ":" });
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::Null => self.s.push_str("null"),
            Value::Bool(b) => self.s.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => self.number(n),
            Value::String(s) => self.string(s),
            Value::Array(list) => {
                self.open('[');
                for item in list {
                    self.item();
                    self.value(item);
                }
                self.close(']');
            }
            Value::Object(map) => {
                self.open('{');
                for (key, item) in map {
                    self.item();
                    self.string(key);
                    self.colon();
                    self.value(item);
                }
                self.close('}');
            }
        }
    }

    pub(crate) fn string(&mut self, value: &str) {
        self.s.push('"');
        escape_into(&mut self.s, value);
        self.s.push('"');
    }

    fn text(&mut self, t: &Text) {
        self.open('{');
        self.key("vi");
        self.string(&t.vi);
        self.key("en");
        self.string(&t.en);
        self.close('}');
    }

    pub(crate) fn number(&mut self, n: impl std::fmt::Display) {
        let _ = write!(self.s, "{n}");
    }

    pub(crate) fn field_str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    /// `"key": "8.5"`: a decimal as scorecards write it (no character to escape).
    fn field_points(&mut self, key: &str, value: rust_decimal::Decimal) {
        self.key(key);
        self.s.push('"');
        push_points(&mut self.s, value);
        self.s.push('"');
    }

    fn field_text(&mut self, key: &str, value: &Text) {
        self.key(key);
        self.text(value);
    }
}

/// Where, from `from` on, the next byte a JSON string cannot hold as it is lies — a
/// control character (below 0x20), `"` or `\` — or the end of `bytes`. Eight bytes are
/// looked at at a time: each such byte's high bit is set in `flags`, and the lowest flag
/// is always right (the borrows that can make a flag wrong only follow a byte flagged
/// rightly), so it is the first such byte. The writer escapes at these places; the tree
/// reader (`tree.rs`) stops at them.
pub(crate) fn next_special(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(word) = bytes.get(at..at + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let w = u64::from_le_bytes(eight);
        let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
        let quote = zero_byte(w ^ (ONES * u64::from(b'"')));
        let backslash = zero_byte(w ^ (ONES * u64::from(b'\\')));
        let flags = control | quote | backslash;
        if flags != 0 {
            return at + (flags.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .unwrap_or(bytes.len() - at)
}

/// Appends `s` escaped as serde_json escapes it: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
/// `\t`, other control characters as `\u00xx`; everything else as it is.
fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut done = 0;
    loop {
        let i = next_special(bytes, done);
        // The byte at `i` is ASCII, so both ends are character boundaries.
        out.push_str(&s[done..i]);
        let Some(&b) = bytes.get(i) else {
            return;
        };
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        done = i + 1;
    }
}

/// A value tree as JSON text, pretty as `serde_json::to_string_pretty` writes it or
/// compact as `Value::to_string` does; [`Out::finish`] gives it the final new line of a
/// file.
pub(crate) fn value(v: &Value, pretty: bool) -> Out {
    let mut out = Out::new(pretty, 0);
    out.value(v);
    out
}

/// The scorecard as [`Scorecard::to_json`] gives it.
pub(crate) fn scorecard(card: &Scorecard) -> String {
    // About 450 bytes a node with its words: one allocation for most scorecards.
    let mut out = Out::new(true, 1024 + 512 * (card.nodes.len() + card.gaps.len()));
    let o = &mut out;
    o.open('{');
    o.key("format");
    o.number(card.format);
    o.field_str("framework", &card.framework);
    o.field_str("unit", &card.unit);
    o.key("year");
    o.number(card.year);
    o.key("complete");
    o.s.push_str(if card.complete { "true" } else { "false" });
    total(o, "total", &card.total);
    total(o, "self_total", &card.self_total);
    o.field_points("bonus", card.bonus);
    o.field_points("penalty", card.penalty);
    summary(o, &card.summary);
    o.key("nodes");
    o.open('[');
    for n in &card.nodes {
        o.item();
        node(o, n);
    }
    o.close(']');
    o.key("gaps");
    o.open('[');
    for g in &card.gaps {
        o.item();
        gap(o, g);
    }
    o.close(']');
    o.key("diagnostics");
    o.open('[');
    for d in &card.diagnostics {
        o.item();
        diagnostic(o, d);
    }
    o.close(']');
    o.close('}');
    out.finish()
}

fn total(o: &mut Out, key: &str, t: &Total) {
    o.key(key);
    o.open('{');
    total_fields(o, t);
    o.close('}');
}

/// A total's four fields, inside an object (a scorecard's total, a ranking's row).
fn total_fields(o: &mut Out, t: &Total) {
    o.field_points("points", t.points);
    o.field_points("max", t.max);
    o.key("index");
    match t.index {
        Some(i) => o.string(&i.to_fixed()),
        None => o.s.push_str("null"),
    }
    o.key("band");
    match &t.band {
        Some(b) => o.text(b),
        None => o.s.push_str("null"),
    }
}

/// A total, or `null`, as `serde_json::to_string_pretty` writes it (no final new line).
pub(crate) fn total_only(t: Option<&Total>) -> String {
    let mut out = Out::new(true, 256);
    match t {
        Some(t) => {
            out.open('{');
            total_fields(&mut out, t);
            out.close('}');
        }
        None => out.s.push_str("null"),
    }
    out.text_only()
}

/// The ranking as [`Ranking::to_json`] gives it: each row's total written inline.
pub(crate) fn ranking(r: &Ranking) -> String {
    let mut out = Out::new(true, 256 + 320 * r.rows.len());
    let o = &mut out;
    o.open('{');
    o.key("format");
    o.number(r.format);
    o.field_str("framework", &r.framework);
    o.key("rows");
    o.open('[');
    for row in &r.rows {
        o.item();
        o.open('{');
        o.key("rank");
        o.number(row.rank);
        o.field_str("unit", &row.unit);
        o.key("year");
        o.number(row.year);
        total_fields(o, &row.total);
        o.key("complete");
        o.s.push_str(if row.complete { "true" } else { "false" });
        o.close('}');
    }
    o.close(']');
    o.close('}');
    out.finish()
}

fn summary(o: &mut Out, s: &Summary) {
    o.key("summary");
    o.open('{');
    for (key, n) in [
        ("leaves", s.leaves),
        ("scored", s.scored),
        ("not_applicable", s.not_applicable),
        ("missing", s.missing),
        ("survey_pending", s.survey_pending),
        ("appraised", s.appraised),
    ] {
        o.key(key);
        o.number(n);
    }
    o.close('}');
}

fn node(o: &mut Out, n: &Node) {
    o.open('{');
    o.field_str("code", &n.code);
    o.field_text("title", &n.title);
    o.field_points("max", n.max);
    o.field_points("points", n.points);
    o.field_points("self_points", n.self_points);
    o.field_str("status", n.status.keyword());
    if let Some(kind) = n.kind {
        o.field_str("kind", kind.keyword());
    }
    if let Some(status) = n.self_status {
        o.field_str("self_status", status.keyword());
    }
    if n.appraised {
        o.key("appraised");
        o.s.push_str("true");
    }
    if let Some(t) = &n.explanation {
        o.field_text("explanation", t);
    }
    if let Some(t) = &n.advice {
        o.field_text("advice", t);
    }
    o.close('}');
}

fn gap(o: &mut Out, g: &Gap) {
    o.open('{');
    o.field_str("code", &g.code);
    o.field_points("lost", g.lost);
    o.field_str("status", g.status.keyword());
    if let Some(t) = &g.advice {
        o.field_text("advice", t);
    }
    o.close('}');
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A diagnostic as a scorecard writes it (the contract's three fields).
fn diagnostic(o: &mut Out, d: &Diagnostic) {
    o.open('{');
    o.field_str("severity", severity(d));
    o.field_str("path", &d.path);
    o.field_text("message", &d.message);
    o.close('}');
}

/// Diagnostics with every field, as their `Serialize` writes them pretty (no final new
/// line): the code and the location as data, for programs and front ends.
pub(crate) fn diagnostics(list: &[Diagnostic]) -> String {
    let mut out = Out::new(true, 256 * list.len() + 2);
    let o = &mut out;
    o.open('[');
    for d in list {
        o.item();
        o.open('{');
        o.field_str("severity", severity(d));
        o.field_str("code", d.code);
        o.field_str("path", &d.path);
        o.key("location");
        o.open('{');
        let l = &d.location;
        if let Some(file) = l.file {
            o.key("file");
            o.number(file);
        }
        if let Some(section) = l.section {
            o.field_str("section", section);
        }
        if let Some(criterion) = &l.criterion {
            o.field_str("criterion", criterion);
        }
        if let Some(item) = l.item {
            o.key("item");
            o.number(item);
        }
        if let Some(field) = &l.field {
            o.field_str("field", field);
        }
        o.close('}');
        o.field_text("message", &d.message);
        o.close('}');
    }
    o.close(']');
    out.text_only()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_escaped(s: &str) -> String {
        serde_json::to_string(s).expect("a string")
    }

    fn escaped(s: &str) -> String {
        let mut out = Out::new(false, 0);
        out.string(s);
        out.s
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for s in [
            "",
            "a",
            "\"",
            "Tỷ lệ 6.416/6.507 ≈ 98,6%; mức «từ 95% trở lên» → 2/2 điểm.",
            "tab\there, line\nthere\r, \u{8}\u{c}\u{1}\u{1f}\u{7f} \\ \"quoted\" end",
            "exactly8",
            "1234567\"",
            "\"1234567",
            "12345678\\",
        ] {
            assert_eq!(escaped(s), serde_escaped(s), "{s:?}");
        }
    }

    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        let v = serde_json::json!({
            "format": 1, "b": [], "c": {}, "d": [1, -2, 3.5, true, null, "x\"y"],
            "e": { "nested": [{ "k\n": "v" }, []] }, "f": 18446744073709551615u64,
            "g": -9223372036854775808i64, "h": 1e300, "i": 0.1
        });
        assert_eq!(
            value(&v, true).text_only(),
            serde_json::to_string_pretty(&v).expect("JSON")
        );
        assert_eq!(value(&v, false).text_only(), v.to_string());
    }

    #[test]
    fn totals_and_diagnostics_without_an_index_band_or_place_are_serde_s_bytes() {
        use crate::diagnostic::Location;
        let bare = Total {
            points: rust_decimal::Decimal::ZERO,
            max: rust_decimal::Decimal::ZERO,
            index: None,
            band: None,
        };
        assert_eq!(total_only(Some(&bare)), pretty(&bare));
        let mut placed = Diagnostic::error("E_X", "self.1.\"x\"", "sai\n", "wrong\t");
        *placed.location = Location {
            file: Some(3),
            section: Some("self"),
            criterion: Some("1.\"x\"".into()),
            item: Some(0),
            field: Some("evidence[0].date".into()),
        };
        let nowhere = Diagnostic::error("E_Y", "", "", "");
        let list = [placed, nowhere];
        assert_eq!(diagnostics(&list), pretty(&list));
        assert_eq!(diagnostics(&[]), "[]");
    }

    fn pretty<T: serde::Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string_pretty(value).expect("JSON")
    }

    proptest::proptest! {
        #[test]
        fn escapes_any_string_as_serde_json_does(s in ".*", ascii in "[\\x00-\\x7f]{0,40}") {
            for s in [&s, &ascii] {
                proptest::prop_assert_eq!(escaped(s), serde_escaped(s));
            }
        }
    }
}
