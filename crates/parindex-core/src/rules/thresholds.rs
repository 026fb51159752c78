//! Threshold lists shared by `ratio` (on a percentage) and `count` (on a whole number):
//! the rule's `bands = [{ at_least | above | at_most | below, points }]` and
//! `otherwise`: parsing, the ordering that keeps every threshold reachable and
//! monotone, and finding the one that applies. (A framework's classification bands,
//! `[[band]]`, are [`crate::framework::Band`].)

use super::words;
use crate::codes;
use crate::decimal::points_str;
use crate::decimal::Human;
use crate::diagnostic::{join, Diagnostics, Lang, Text};
use crate::keyword::{keyword_enum, Keyword};
use crate::reader::{array, framework_number, Fields};
use rust_decimal::Decimal;
use serde_json::Value;
use std::cmp::Ordering;

keyword_enum! {
    /// The comparison a threshold makes.
    pub enum Bound ("điều kiện", "bound") {
        /// `at_least`: value ≥ threshold ("từ X trở lên").
        AtLeast = "at_least",
        /// `above`: value > threshold ("trên X").
        Above = "above",
        /// `at_most`: value ≤ threshold ("không quá X").
        AtMost = "at_most",
        /// `below`: value < threshold ("dưới X").
        Below = "below",
    }
}

impl Bound {
    fn rising(self) -> bool {
        matches!(self, Bound::AtLeast | Bound::Above)
    }

    /// Whether a value that compares to the threshold as `ord` satisfies this bound.
    pub fn holds(self, ord: Ordering) -> bool {
        match self {
            Bound::AtLeast => ord != Ordering::Less,
            Bound::Above => ord == Ordering::Greater,
            Bound::AtMost => ord != Ordering::Greater,
            Bound::Below => ord == Ordering::Less,
        }
    }
}

/// One threshold: a bound, its value and the points it gives (*mức điểm*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    pub bound: Bound,
    pub value: Decimal,
    pub points: Decimal,
}

impl Threshold {
    /// The condition in words: `trên 90%`, `không quá 2`.
    pub fn condition(&self, unit: &str, lang: Lang) -> String {
        let t = Human(self.value, lang);
        match (lang, self.bound) {
            (Lang::Vi, Bound::AtLeast) => words!("từ {t}{unit} trở lên"),
            (Lang::Vi, Bound::Above) => words!("trên {t}{unit}"),
            (Lang::Vi, Bound::AtMost) => words!("không quá {t}{unit}"),
            (Lang::Vi, Bound::Below) => words!("dưới {t}{unit}"),
            (Lang::En, Bound::AtLeast) => words!("at least {t}{unit}"),
            (Lang::En, Bound::Above) => words!("above {t}{unit}"),
            (Lang::En, Bound::AtMost) => words!("at most {t}{unit}"),
            (Lang::En, Bound::Below) => words!("below {t}{unit}"),
        }
    }

    pub fn condition_text(&self, unit: &str) -> Text {
        Text::new(
            self.condition(unit, Lang::Vi),
            self.condition(unit, Lang::En),
        )
    }
}

/// An ordered threshold list with its fallback: the first threshold that holds wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thresholds {
    /// The rule's `bands`, strictest first.
    pub list: Vec<Threshold>,
    pub otherwise: Decimal,
}

/// Which bounds a rule kind may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// `ratio`: `at_least`, `above` only.
    Rising,
    /// `count`: either direction, one per rule.
    Either,
}

impl Thresholds {
    /// Reads `bands` and `otherwise` from a rule table and checks their order.
    pub(crate) fn parse(
        rule: &mut Fields,
        allowed: Allowed,
        diags: &mut Diagnostics,
    ) -> Option<Thresholds> {
        let before = diags.len();
        let list_path = rule.path_of("bands");
        let list = rule
            .required("bands", diags)
            .and_then(|v| array(v, &list_path, diags));
        let otherwise = match rule.optional("otherwise") {
            Some(v) => framework_number(v, &rule.path_of("otherwise"), diags),
            None => Some(Decimal::ZERO),
        };
        let mut thresholds = Vec::new();
        for (i, item) in list.into_iter().flatten().enumerate() {
            let path = format!("{list_path}[{i}]");
            if let Some(t) = parse_threshold(item, &path, allowed, diags) {
                thresholds.push(t);
            }
        }
        if list.is_some_and(|l| l.is_empty()) {
            diags.error(
                codes::THRESHOLD_NONE,
                &list_path,
                "cần ít nhất một mức",
                "needs at least one band",
            );
        }
        if diags.len() > before {
            return None;
        }
        let otherwise = otherwise?;
        check_order(&thresholds, &list_path, diags);
        if let Some(last) = thresholds.last() {
            if otherwise > last.points {
                diags.error(
                    codes::THRESHOLD_OTHERWISE_ABOVE_LAST,
                    rule.path_of("otherwise"),
                    format!(
                        "otherwise ({}) không được lớn hơn điểm của mức cuối ({})",
                        points_str(otherwise),
                        points_str(last.points)
                    ),
                    format!(
                        "otherwise ({}) must not exceed the last band's points ({})",
                        points_str(otherwise),
                        points_str(last.points)
                    ),
                );
            }
        }
        (diags.len() == before).then_some(Thresholds {
            list: thresholds,
            otherwise,
        })
    }

    /// Reads `bands` and `otherwise` of a validated rule (`crate::trusted`).
    pub(crate) fn trusted(rule: &Value) -> Option<Thresholds> {
        use crate::trusted::{decimal, decimal_or, list};
        let list = list(rule.get("bands"), |band| {
            let (key, bound) = Bound::ALL.iter().find(|(k, _)| band.get(*k).is_some())?;
            Some(Threshold {
                bound: *bound,
                value: decimal(band.get(*key)?)?,
                points: decimal(band.get("points")?)?,
            })
        })?;
        let otherwise = decimal_or(rule.get("otherwise"), Decimal::ZERO)?;
        Some(Thresholds { list, otherwise })
    }

    /// Which threshold applies to a value that compares to each threshold's value as
    /// `cmp` says (`None`: `otherwise`), and the points that gives.
    pub fn decide(&self, cmp: impl Fn(Decimal) -> Ordering) -> (Decimal, Option<usize>) {
        let applied = self.list.iter().position(|t| t.bound.holds(cmp(t.value)));
        let points = applied.map_or(self.otherwise, |i| self.list[i].points);
        (points, applied)
    }

    /// The condition that applied, in words (`trên 90%`, or "no band reached").
    pub fn applied_text(&self, applied: Option<usize>, unit: &str) -> Text {
        match applied.and_then(|i| self.list.get(i)) {
            Some(t) => t.condition_text(unit),
            None => Text::new(
                "không đạt mức nào (otherwise)",
                "no band reached (otherwise)",
            ),
        }
    }

    /// The nearest threshold above the one that applied that gives more than `points`.
    pub fn next_better(&self, applied: Option<usize>, points: Decimal) -> Option<&Threshold> {
        self.list[..applied.unwrap_or(self.list.len())]
            .iter()
            .rev()
            .find(|t| t.points > points)
    }

    /// Every outcome the list can give, with the key that gives it.
    pub fn outcomes(&self) -> Vec<(String, Decimal)> {
        let mut out: Vec<(String, Decimal)> = self
            .list
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("bands[{i}].points"), t.points))
            .collect();
        out.push(("otherwise".into(), self.otherwise));
        out
    }
}

fn parse_threshold(
    value: &Value,
    path: &str,
    allowed: Allowed,
    diags: &mut Diagnostics,
) -> Option<Threshold> {
    let mut f = Fields::of(value, &path, diags)?;
    let keys: &[(&str, Bound)] = match allowed {
        Allowed::Rising => &Bound::ALL[..2],
        Allowed::Either => Bound::ALL,
    };
    let present: Vec<(&str, Bound)> = keys.iter().copied().filter(|(k, _)| f.has(k)).collect();
    let names: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    let mut bound = None;
    if present.len() != 1 {
        diags.error(
            codes::THRESHOLD_BOUND_COUNT,
            path,
            format!("mỗi mức cần đúng một trong các khoá {}", names.join(", ")),
            format!("each band needs exactly one of {}", names.join(", ")),
        );
    } else {
        let (key, b) = present[0];
        let threshold = f
            .optional(key)
            .and_then(|v| framework_number(v, &f.path_of(key), diags));
        bound = threshold.map(|t| (b, t));
    }
    let points = f.required_with("points", framework_number, diags);
    // Keys of the other bounds are reported above; mark them read so they are not also "unknown".
    for (k, _) in keys {
        f.optional(k);
    }
    f.finish(diags);
    if let (Allowed::Rising, Some((b, t))) = (allowed, bound) {
        // A ratio compares percentages: nothing lies above 100 %.
        if t > Decimal::ONE_HUNDRED || (b == Bound::Above && t == Decimal::ONE_HUNDRED) {
            let key = b.keyword();
            diags.error(
                codes::THRESHOLD_OUT_OF_REACH,
                format!("{path}.{key}"),
                format!("{key} = {t}: không tỷ lệ nào đạt được mức này (tỷ lệ tối đa là 100%)"),
                format!("{key} = {t} can never be reached: a percentage is at most 100"),
            );
            return None;
        }
    }
    let (bound, value) = bound?;
    Some(Threshold {
        bound,
        value,
        points: points?,
    })
}

fn check_order(list: &[Threshold], path: &dyn std::fmt::Display, diags: &mut Diagnostics) {
    let Some(first) = list.first() else { return };
    let rising = first.bound.rising();
    for (i, pair) in list.windows(2).enumerate() {
        let (prev, band) = (&pair[0], &pair[1]);
        let here = format!("{path}[{}]", i + 1);
        if band.bound.rising() != rising {
            diags.error(
                codes::THRESHOLD_MIXED_DIRECTIONS,
                &here,
                "không được trộn mức «từ/trên» với mức «không quá/dưới» trong một quy tắc",
                "a rule cannot mix at_least/above bands with at_most/below bands",
            );
            return;
        }
        // A band is reachable only when its condition is strictly weaker than the previous one.
        let weaker = if rising {
            band.value < prev.value
                || (band.value == prev.value
                    && prev.bound == Bound::Above
                    && band.bound == Bound::AtLeast)
        } else {
            band.value > prev.value
                || (band.value == prev.value
                    && prev.bound == Bound::Below
                    && band.bound == Bound::AtMost)
        };
        if !weaker {
            diags.error(
                codes::THRESHOLD_UNREACHABLE,
                &here,
                format!(
                    "mức này không bao giờ được áp dụng: các mức phải đi từ điều kiện chặt nhất đến lỏng nhất ({} đứng sau {})",
                    band.condition("", Lang::Vi),
                    prev.condition("", Lang::Vi)
                ),
                format!(
                    "this band can never match: bands must go from the strictest condition to the loosest ({} after {})",
                    band.condition("", Lang::En),
                    prev.condition("", Lang::En)
                ),
            );
        }
        if band.points > prev.points {
            diags.error(
                codes::THRESHOLD_POINTS_INCREASE,
                join(&here, "points"),
                "điểm không được tăng dần theo thứ tự các mức (kết quả tốt hơn phải được điểm không thấp hơn)",
                "points must not increase down the band list (a better result never earns fewer points)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_list_names_every_variant() {
        let every = [Bound::AtLeast, Bound::Above, Bound::AtMost, Bound::Below];
        for b in every {
            match b {
                Bound::AtLeast | Bound::Above | Bound::AtMost | Bound::Below => {}
            }
        }
        crate::keyword::check_names_every_variant(&every);
        // `ratio` may use the first two only: the rising ones.
        assert!(Bound::ALL[..2].iter().all(|(_, b)| b.rising()));
    }
}
