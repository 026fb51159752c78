//! The value trees the strict reader (`reader.rs`) reads, behind one trait, [`Node`]:
//! serde_json's `Value` (TOML frameworks through `toml_tree`, the pages' drafts, the JS
//! package's objects) and [`Tree`], assessment text read natively into a tree that
//! borrows its keys and strings from the text and keeps its lists in an arena (one
//! allocation, nothing to drop node by node) — ranking reads thousands of files, and a
//! `Value` costs an allocation per key, per string and per map node.
//!
//! [`parse`] reads the common case only: whole numbers that fit, strings (any escape but
//! a surrogate's), objects without duplicate keys, nesting to [`MAX_DEPTH`]. For anything
//! else — a float, a syntax error, a duplicate — it gives `None` and the caller reads
//! the text again with `strict_json`, whose values and messages are the reference. So
//! the two readers agree wherever both accept a text (the property tests hold them equal),
//! and every diagnostic is the one `strict_json` gives.

use crate::json_write::next_special;
use bumpalo::Bump;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A parsed value as the reader sees it. Objects' keys come in sorted order (the order of
/// `Value`'s map), so both trees are read in the same order and give the same messages.
pub trait Node: Sized {
    /// What an object is in this tree.
    type Object: Object<Self> + ?Sized;
    fn as_object(&self) -> Option<&Self::Object>;
    fn as_str(&self) -> Option<&str>;
    fn as_bool(&self) -> Option<bool>;
    fn as_i64(&self) -> Option<i64>;
    fn as_u64(&self) -> Option<u64>;
    fn as_array(&self) -> Option<&[Self]>;
    fn get(&self, key: &str) -> Option<&Self> {
        self.as_object()?.get_key_value(key).map(|(_, v)| v)
    }
    /// The node as a `Value`: for the messages that show or describe it, never on the way
    /// of a valid file.
    fn to_value(&self) -> Cow<'_, Value>;
}

/// The keys and values of an object, sorted by key.
pub trait Object<N> {
    fn len(&self) -> usize;
    /// The key as the object holds it (the same address every time) and its value.
    fn get_key_value(&self, key: &str) -> Option<(&str, &N)>;
    fn entries<'s>(&'s self) -> impl Iterator<Item = (&'s str, &'s N)>
    where
        N: 's;
}

impl Object<Value> for Map<String, Value> {
    fn len(&self) -> usize {
        Map::len(self)
    }
    fn get_key_value(&self, key: &str) -> Option<(&str, &Value)> {
        let (k, v) = Map::get_key_value(self, key)?;
        Some((k.as_str(), v))
    }
    fn entries<'s>(&'s self) -> impl Iterator<Item = (&'s str, &'s Value)>
    where
        Value: 's,
    {
        self.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl Node for Value {
    type Object = Map<String, Value>;
    fn as_object(&self) -> Option<&Map<String, Value>> {
        Value::as_object(self)
    }
    fn as_str(&self) -> Option<&str> {
        Value::as_str(self)
    }
    fn as_bool(&self) -> Option<bool> {
        Value::as_bool(self)
    }
    fn as_i64(&self) -> Option<i64> {
        Value::as_i64(self)
    }
    fn as_u64(&self) -> Option<u64> {
        Value::as_u64(self)
    }
    fn as_array(&self) -> Option<&[Value]> {
        Value::as_array(self).map(Vec::as_slice)
    }
    fn to_value(&self) -> Cow<'_, Value> {
        Cow::Borrowed(self)
    }
}

/// A JSON value borrowing its keys and strings from the text it was read from (from the
/// arena where the text has an escape), its lists from the arena.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tree<'a> {
    Null,
    Bool(bool),
    /// A whole number from 0 to `u64::MAX`.
    Whole(u64),
    /// A negative whole number from `i64::MIN` to −1.
    Negative(i64),
    Str(&'a str),
    Array(&'a [Tree<'a>]),
    /// Members sorted by key, keys unique.
    Object(&'a [(&'a str, Tree<'a>)]),
}

impl<'a> Object<Tree<'a>> for [(&'a str, Tree<'a>)] {
    fn len(&self) -> usize {
        <[_]>::len(self)
    }
    fn get_key_value(&self, key: &str) -> Option<(&str, &Tree<'a>)> {
        // An entry's few keys are looked at in turn; a section's by halves.
        let i = if self.len() <= 8 {
            // Byte by byte: these keys are a few letters, shorter than a call to memcmp.
            let same =
                |k: &str| k.len() == key.len() && k.bytes().zip(key.bytes()).all(|(a, b)| a == b);
            self.iter().position(|(k, _)| same(k))
        } else {
            self.binary_search_by(|(k, _)| (*k).cmp(key)).ok()
        }?;
        let (k, v) = &self[i];
        Some((k, v))
    }
    fn entries<'s>(&'s self) -> impl Iterator<Item = (&'s str, &'s Tree<'a>)>
    where
        Tree<'a>: 's,
    {
        self.iter().map(|(k, v)| (*k, v))
    }
}

impl<'a> Node for Tree<'a> {
    type Object = [(&'a str, Tree<'a>)];
    fn as_object(&self) -> Option<&[(&'a str, Tree<'a>)]> {
        match self {
            Tree::Object(members) => Some(members),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Tree::Str(s) => Some(s),
            _ => None,
        }
    }
    fn as_bool(&self) -> Option<bool> {
        match self {
            Tree::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn as_i64(&self) -> Option<i64> {
        match self {
            Tree::Whole(u) => i64::try_from(*u).ok(),
            Tree::Negative(i) => Some(*i),
            _ => None,
        }
    }
    fn as_u64(&self) -> Option<u64> {
        match self {
            Tree::Whole(u) => Some(*u),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&[Self]> {
        match self {
            Tree::Array(items) => Some(items),
            _ => None,
        }
    }
    fn to_value(&self) -> Cow<'_, Value> {
        Cow::Owned(match self {
            Tree::Null => Value::Null,
            Tree::Bool(b) => Value::Bool(*b),
            Tree::Whole(u) => Value::from(*u),
            Tree::Negative(i) => Value::from(*i),
            Tree::Str(s) => Value::String(s.to_string()),
            Tree::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|item| item.to_value().into_owned())
                    .collect(),
            ),
            Tree::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_value().into_owned()))
                    .collect(),
            ),
        })
    }
}

/// How deep arrays and objects may nest in what [`parse`] reads (serde_json refuses
/// beyond 128; deeper texts go to it).
pub const MAX_DEPTH: usize = 100;

/// An arena with room for the lists of a tree read from `text` (in one allocation for
/// an assessment as parindex writes it: its lists take about twice the text's size).
pub fn arena_for(text: &str) -> Bump {
    Bump::with_capacity(text.len() * 2)
}

/// Reads JSON text into a tree borrowing from it and from `arena`, or `None` when the
/// text is not one [`parse`] reads (see the module's note): the caller then reads it with
/// `strict_json`. A leading byte-order mark is skipped.
pub fn parse<'a>(text: &'a str, arena: &'a Bump) -> Option<Tree<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        arena,
        items: Vec::new(),
        members: Vec::new(),
    };
    let tree = p.value(0)?;
    p.space();
    (p.at == p.bytes.len()).then_some(tree)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    arena: &'a Bump,
    /// The elements of the arrays and the members of the objects being read, innermost
    /// last: each list is moved into the arena when it ends.
    items: Vec<Tree<'a>>,
    members: Vec<(&'a str, Tree<'a>)>,
}

impl<'a> Parser<'a> {
    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn word(&mut self, word: &[u8], tree: Tree<'a>) -> Option<Tree<'a>> {
        let found = self.bytes.get(self.at..self.at + word.len())? == word;
        self.at += word.len();
        found.then_some(tree)
    }

    fn value(&mut self, depth: usize) -> Option<Tree<'a>> {
        self.space();
        match self.peek()? {
            b'"' => self.string().map(Tree::Str),
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b't' => self.word(b"true", Tree::Bool(true)),
            b'f' => self.word(b"false", Tree::Bool(false)),
            b'n' => self.word(b"null", Tree::Null),
            b'-' => {
                self.at += 1;
                match self.digits()? {
                    0 => None, // serde_json reads −0 as a float
                    m if m <= 1 << 63 => Some(Tree::Negative((m as i64).wrapping_neg())),
                    _ => None,
                }
            }
            b'0'..=b'9' => self.digits().map(Tree::Whole),
            _ => None,
        }
    }

    /// A whole number's digits: no leading zero, no fraction or exponent, within u64.
    fn digits(&mut self) -> Option<u64> {
        let start = self.at;
        let mut n: u64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.at += 1;
        }
        let len = self.at - start;
        let leading_zero = len > 1 && self.bytes[start] == b'0';
        let float = matches!(self.peek(), Some(b'.' | b'e' | b'E'));
        (len > 0 && !leading_zero && !float).then_some(n)
    }

    /// Moves past the bytes a string holds as they are, up to the next quote, backslash
    /// or control character.
    fn plain(&mut self) {
        self.at = next_special(self.bytes, self.at);
    }

    /// A string (the opening quote next): borrowed from the text unless it has escapes.
    fn string(&mut self) -> Option<&'a str> {
        self.at += 1;
        let start = self.at;
        self.plain();
        match *self.bytes.get(self.at)? {
            b'"' => {
                // Both ends are ASCII, so character boundaries.
                let s = &self.text[start..self.at];
                self.at += 1;
                return Some(s);
            }
            b'\\' => {}
            _ => return None, // a control character
        }
        let mut owned = String::from(&self.text[start..self.at]);
        loop {
            let run = self.at;
            self.plain();
            owned.push_str(&self.text[run..self.at]);
            match *self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(self.arena.alloc_str(&owned));
                }
                b'\\' => {
                    let escaped = *self.bytes.get(self.at + 1)?;
                    self.at += 2;
                    owned.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = self.text.get(self.at..self.at + 4)?;
                            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                                return None;
                            }
                            self.at += 4;
                            // Surrogates (pairs or lone) are left to serde_json.
                            char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                        }
                        _ => return None,
                    });
                }
                _ => return None, // a control character
            }
        }
    }

    /// A list's items up to `close` (its opening bracket next), each read by `item`.
    fn list(
        &mut self,
        depth: usize,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        self.space();
        if self.eat(close) {
            return Some(());
        }
        loop {
            item(self)?;
            self.space();
            if self.eat(close) {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Tree<'a>> {
        let base = self.items.len();
        self.list(depth, b']', |p| {
            let item = p.value(depth)?;
            p.items.push(item);
            Some(())
        })?;
        let items = self.arena.alloc_slice_fill_iter(self.items.drain(base..));
        Some(Tree::Array(items))
    }

    fn object(&mut self, depth: usize) -> Option<Tree<'a>> {
        let base = self.members.len();
        self.list(depth, b'}', |p| {
            p.space();
            if p.peek() != Some(b'"') {
                return None;
            }
            let key = p.string()?;
            p.space();
            if !p.eat(b':') {
                return None;
            }
            let value = p.value(depth)?;
            p.members.push((key, value));
            Some(())
        })?;
        let members = self.arena.alloc_slice_fill_iter(self.members.drain(base..));
        // Equal keys are refused below, so an unstable sort gives the one order.
        members.sort_unstable_by_key(|(key, _)| *key);
        if members.windows(2).any(|w| w[0].0 == w[1].0) {
            return None; // a duplicate key: strict_json says which
        }
        Some(Tree::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `strict_json` reads, or `None` where it refuses the text.
    fn reference(text: &str) -> Option<Value> {
        crate::strict_json::from_str(text).ok()
    }

    /// The keys of an object, in the order the reader sees them.
    fn keys<N: Node>(node: &N) -> Vec<&str> {
        node.as_object()
            .map(|o| o.entries().map(|(k, _)| k).collect())
            .unwrap_or_default()
    }

    /// The two readers agree: whatever `parse` reads, `strict_json` reads as the same
    /// value, with the keys in the same order.
    fn agree(text: &str) -> Result<(), TestCaseError> {
        let arena = Bump::new();
        if let Some(tree) = parse(text, &arena) {
            let value = reference(text);
            prop_assert!(value.is_some(), "read but refused by serde_json: {text:?}");
            let value = value.unwrap();
            prop_assert_eq!(&*tree.to_value(), &value, "{:?}", text);
            prop_assert_eq!(keys(&tree), keys(&value));
        }
        Ok(())
    }

    #[test]
    fn the_common_case_is_read_and_the_rest_left_to_serde_json() {
        let text = include_str!("../../../examples/tra-cu-2022.json");
        let arena = Bump::new();
        let tree = parse(text, &arena).expect("the example is read");
        assert_eq!(*tree.to_value(), reference(text).unwrap());
        let Some(Tree::Str(unit)) = tree.get("unit") else {
            panic!("a string");
        };
        assert_eq!(*unit, "UBND huyện Trà Cú");
        assert!(
            text.as_bytes().as_ptr_range().contains(&unit.as_ptr()),
            "borrowed"
        );
        let read = parse(r#" {"a\"b": "x\u00e9\n", "n": -9223372036854775808, "m": 18446744073709551615, "e": [], "o": {}} "#, &arena)
            .expect("read");
        assert_eq!(read.get("a\"b").and_then(Node::as_str), Some("xé\n"));
        assert_eq!(read.get("n").and_then(Node::as_i64), Some(i64::MIN));
        assert_eq!(read.get("m").and_then(Node::as_u64), Some(u64::MAX));
        assert_eq!(read.get("m").and_then(Node::as_i64), None);
        for left in [
            "",
            "1.5",
            "1e3",
            "-0",
            "01",
            "18446744073709551616",
            "-9223372036854775809",
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": 1,}"#,
            "[1,]",
            "[1 2]",
            r#"{"a" 1}"#,
            r#"{a: 1}"#,
            "\"\\ud83d\\ude00\"",
            "\"a\tb\"",
            "\"\\x\"",
            "tru",
            "truex",
            "nul",
            "{} {}",
            "\"open",
            &"[".repeat(MAX_DEPTH + 1),
        ] {
            assert_eq!(parse(left, &arena), None, "{left:?}");
        }
        assert!(parse("\u{feff}{\"a\": [1, null, true]}", &arena).is_some());
    }

    fn values() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            "\\PC{0,8}".prop_map(Value::String),
            "[a\"\\\\\n\u{0}é/]{0,4}".prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-d\"\\\\é]{0,3}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// JSON text made directly, with what a `Value` never writes: duplicate keys, odd
    /// numbers, escapes of every kind, spacing.
    fn texts() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            prop::sample::select(vec![
                "null",
                "true",
                "false",
                "0",
                "-0",
                "01",
                "-1",
                "1.5",
                "2e3",
                "-9223372036854775808",
                "-9223372036854775809",
                "18446744073709551615",
                "18446744073709551616",
                "\"\\ud83d\\ude00\"",
                "\"\\u00e9\\n\\/\"",
                "\"\\ud800\"",
                "\"\\q\"",
                "\"\u{1}\"",
            ])
            .prop_map(str::to_string),
            any::<i64>().prop_map(|n| n.to_string()),
            "\\PC{0,6}".prop_map(|s| Value::String(s).to_string()),
        ];
        let space = prop::sample::select(vec!["", " ", "\n  ", "\t", "\r\n"]);
        leaf.prop_recursive(4, 40, 5, move |inner| {
            let space = space.clone();
            prop_oneof![
                (prop::collection::vec((inner.clone(), space.clone()), 0..5)).prop_map(|items| {
                    let items: Vec<String> = items
                        .into_iter()
                        .map(|(v, s)| format!("{s}{v}{s}"))
                        .collect();
                    format!("[{}]", items.join(","))
                }),
                prop::collection::vec(
                    (
                        prop::sample::select(vec!["a", "b", "\\u0061", "\\\"", "é"]),
                        inner,
                        space
                    ),
                    0..5,
                )
                .prop_map(|members| {
                    let members: Vec<String> = members
                        .into_iter()
                        .map(|(k, v, s)| format!("{s}\"{k}\"{s}:{s}{v}"))
                        .collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }

    proptest! {
        #[test]
        fn made_text_is_never_read_differently(text in texts()) {
            agree(&text)?;
        }

        #[test]
        fn what_both_read_is_the_same_value(value in values(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                value.to_string()
            };
            agree(&text)?;
            // Floats are left to serde_json; everything else is read.
            if !text.contains(['.', 'e', 'E']) && !text.contains("\\u") && !text.contains("-0") {
                prop_assert!(parse(&text, &Bump::new()).is_some(), "{}", text);
            }
        }

        #[test]
        fn damaged_text_is_never_read_differently(
            value in values(),
            cut in any::<prop::sample::Index>(),
            byte in prop::sample::select(b"{}[]\",:\\ 0-1.etnu\t\n".to_vec()),
            how in 0..3u8,
        ) {
            let mut text = value.to_string().into_bytes();
            let at = cut.index(text.len() + 1);
            match how {
                0 => text.truncate(at),
                1 => text.insert(at, byte),
                _ => { if at < text.len() { text[at] = byte; } }
            }
            if let Ok(text) = String::from_utf8(text) {
                agree(&text)?;
            }
        }
    }
}
