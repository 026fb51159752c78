//! One vocabulary: the words files use for a closed set of choices (`level =
//! "district"`, `mode = "half-up"`, `kind = "ratio"`, `if_no_cases = "max"`, a scorecard's
//! `status`, a threshold's `at_least`). Each such enum lists its words once, in
//! [`Keyword::ALL`]; reading, writing (serde) and the one "unknown X (expected …)"
//! message all come from that list.

use crate::codes;
use crate::diagnostic::Diagnostics;
use crate::reader::string;
use serde_json::Value;
use std::fmt;

/// An enum written in files as one of a fixed list of words.
pub trait Keyword: Copy + PartialEq + Sized + 'static {
    /// What the words name, for messages: (`"cấp"`, `"level"`).
    const WHAT: (&'static str, &'static str);
    /// Every variant with its word, in the order messages list them.
    const ALL: &'static [(&'static str, Self)];

    /// The word a file uses for this value.
    fn keyword(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(k, _)| k)
    }

    /// The value a word names, if any.
    fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(k, _)| *k == word).map(|(_, v)| *v)
    }
}

/// The words of `K`, joined for a message: `reduce-max, award-max`.
pub fn words<K: Keyword>() -> String {
    K::ALL
        .iter()
        .map(|(k, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reports `word` as not one of `K`'s words.
pub(crate) fn unknown<K: Keyword>(word: &str, path: &dyn fmt::Display, diags: &mut Diagnostics) {
    let list = words::<K>();
    diags.error(
        codes::KEYWORD_UNKNOWN,
        path,
        format!("không có {} \"{word}\" (chọn một trong: {list})", K::WHAT.0),
        format!("unknown {} \"{word}\" (expected one of: {list})", K::WHAT.1),
    );
}

/// Reads a string value that must be one of `K`'s words.
pub(crate) fn read<K: Keyword>(
    value: &Value,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<K> {
    let word = string(value, path, diags)?;
    let found = K::from_keyword(&word);
    if found.is_none() {
        unknown::<K>(&word, path, diags);
    }
    found
}

/// Implements `Serialize` for keyword enums: they are written as their word.
macro_rules! serialize_as_keyword {
    ($($t:ty),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::keyword::Keyword::keyword(*self))
            }
        }
    )*};
}
pub(crate) use serialize_as_keyword;

/// Declares a keyword enum from one list: each variant with its word, in the order
/// messages list them; what the words name, for messages; written (serde) as its word.
/// (A crate-private macro, so the example is shown, not run: `rules/` uses it.)
///
/// ```text
/// keyword_enum! {
///     /// What a survey leaf without a result does to the score.
///     pub enum SurveyMissingPolicy ("cách tính …", "survey-missing policy") {
///         ReduceMax = "reduce-max",
///         Zero = "zero",
///     }
/// }
/// ```
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what_vi:literal, $what_en:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $( $(#[$vmeta])* $variant ),* }

        impl $crate::keyword::Keyword for $name {
            const WHAT: (&'static str, &'static str) = ($what_vi, $what_en);
            const ALL: &'static [(&'static str, Self)] = &[$(($word, $name::$variant)),*];
        }

        $crate::keyword::serialize_as_keyword!($name);
    };
}
pub(crate) use keyword_enum;

/// Checks a keyword list against every variant of its enum (the caller lists them, with
/// an exhaustive `match` beside the list so that a new variant fails to compile there).
#[cfg(test)]
pub(crate) fn check_names_every_variant<K: Keyword + fmt::Debug>(variants: &[K]) {
    assert_eq!(K::ALL.len(), variants.len(), "{}: list length", K::WHAT.1);
    for (i, (word, _)) in K::ALL.iter().enumerate() {
        assert!(!word.is_empty(), "{}: empty word", K::WHAT.1);
        assert!(
            !K::ALL[..i].iter().any(|(w, _)| w == word),
            "{}: {word} twice",
            K::WHAT.1
        );
    }
    for v in variants {
        let word = v.keyword();
        assert!(!word.is_empty(), "{}: {v:?} has no word", K::WHAT.1);
        assert_eq!(K::from_keyword(word), Some(*v), "{}: {word}", K::WHAT.1);
    }
}

#[cfg(test)]
mod tests {
    use super::check_names_every_variant as check;
    use crate::decimal::RoundingMode;
    use crate::framework::{Level, NotApplicablePolicy, SurveyMissingPolicy};
    use crate::rules::NoCases;

    /// Each list names every variant of its enum. The `match`es fail to compile when a
    /// variant is added, until it is listed here too; `check` then finds it in the list.
    #[test]
    fn each_list_names_every_variant() {
        use Level::*;
        let levels = [Ministry, Province, Department, District, Commune, Other];
        for l in levels {
            match l {
                Ministry | Province | Department | District | Commune | Other => {}
            }
        }
        check(&levels);
        let na = [
            NotApplicablePolicy::ReduceMax,
            NotApplicablePolicy::AwardMax,
        ];
        for p in na {
            match p {
                NotApplicablePolicy::ReduceMax | NotApplicablePolicy::AwardMax => {}
            }
        }
        check(&na);
        let sm = [SurveyMissingPolicy::ReduceMax, SurveyMissingPolicy::Zero];
        for p in sm {
            match p {
                SurveyMissingPolicy::ReduceMax | SurveyMissingPolicy::Zero => {}
            }
        }
        check(&sm);
        let modes = [
            RoundingMode::HalfUp,
            RoundingMode::HalfEven,
            RoundingMode::Down,
        ];
        for m in modes {
            match m {
                RoundingMode::HalfUp | RoundingMode::HalfEven | RoundingMode::Down => {}
            }
        }
        check(&modes);
        let none = [NoCases::Max, NoCases::Zero, NoCases::NotApplicable];
        for n in none {
            match n {
                NoCases::Max | NoCases::Zero | NoCases::NotApplicable => {}
            }
        }
        check(&none);
    }

    #[test]
    fn an_unknown_word_gets_the_one_message() {
        let mut d = crate::diagnostic::Diagnostics::default();
        let v = serde_json::json!("nearest");
        assert_eq!(
            super::read::<RoundingMode>(&v, &"rounding.mode", &mut d),
            None
        );
        assert_eq!(d.0[0].code, crate::codes::KEYWORD_UNKNOWN);
        assert_eq!(
            d.0[0].message.en,
            "unknown rounding mode \"nearest\" (expected one of: half-up, half-even, down)"
        );
        assert_eq!(
            d.0[0].message.vi,
            "không có cách làm tròn \"nearest\" (chọn một trong: half-up, half-even, down)"
        );
    }
}
