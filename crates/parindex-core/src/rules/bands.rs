//! Threshold bands shared by `ratio` (on a percentage) and `count` (on a whole number):
//! parsing, the ordering that keeps every band reachable and monotone, and matching.

use crate::decimal::points_str;
use crate::diagnostic::{join, Diagnostics, Lang, Text};
use crate::reader::{array, framework_number, Fields};
use rust_decimal::Decimal;
use serde_json::Value;
use std::cmp::Ordering;

/// The comparison a band makes with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// `at_least`: value ≥ threshold ("từ X trở lên").
    AtLeast,
    /// `above`: value > threshold ("trên X").
    Above,
    /// `at_most`: value ≤ threshold ("không quá X").
    AtMost,
    /// `below`: value < threshold ("dưới X").
    Below,
}

impl Bound {
    pub fn key(self) -> &'static str {
        match self {
            Bound::AtLeast => "at_least",
            Bound::Above => "above",
            Bound::AtMost => "at_most",
            Bound::Below => "below",
        }
    }

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

/// One band: a bound, its threshold and the points it gives (*mức điểm*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub bound: Bound,
    pub threshold: Decimal,
    pub points: Decimal,
}

impl Band {
    /// The condition in words: `trên 90%`, `không quá 2`.
    pub fn condition(&self, unit: &str, lang: Lang) -> String {
        let t = crate::decimal::human(self.threshold, lang);
        match (lang, self.bound) {
            (Lang::Vi, Bound::AtLeast) => format!("từ {t}{unit} trở lên"),
            (Lang::Vi, Bound::Above) => format!("trên {t}{unit}"),
            (Lang::Vi, Bound::AtMost) => format!("không quá {t}{unit}"),
            (Lang::Vi, Bound::Below) => format!("dưới {t}{unit}"),
            (Lang::En, Bound::AtLeast) => format!("at least {t}{unit}"),
            (Lang::En, Bound::Above) => format!("above {t}{unit}"),
            (Lang::En, Bound::AtMost) => format!("at most {t}{unit}"),
            (Lang::En, Bound::Below) => format!("below {t}{unit}"),
        }
    }

    pub fn condition_text(&self, unit: &str) -> Text {
        Text::new(
            self.condition(unit, Lang::Vi),
            self.condition(unit, Lang::En),
        )
    }
}

/// An ordered band list with its fallback: the first band that holds wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bands {
    pub bands: Vec<Band>,
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

impl Bands {
    /// Reads `bands` and `otherwise` from a rule table and checks their order.
    pub fn parse(rule: &mut Fields, allowed: Allowed, diags: &mut Diagnostics) -> Option<Bands> {
        let before = diags.len();
        let list_path = rule.path_of("bands");
        let list = rule
            .required("bands", diags)
            .and_then(|v| array(v, &list_path, diags));
        let otherwise = match rule.optional("otherwise") {
            Some(v) => framework_number(v, &rule.path_of("otherwise"), diags),
            None => Some(Decimal::ZERO),
        };
        let mut bands = Vec::new();
        for (i, item) in list.into_iter().flatten().enumerate() {
            let path = format!("{list_path}[{i}]");
            if let Some(band) = parse_band(item, &path, allowed, diags) {
                bands.push(band);
            }
        }
        if list.is_some_and(|l| l.is_empty()) {
            diags.error(&list_path, "cần ít nhất một mức", "needs at least one band");
        }
        if diags.len() > before {
            return None;
        }
        let otherwise = otherwise?;
        check_order(&bands, &list_path, diags);
        if let Some(last) = bands.last() {
            if otherwise > last.points {
                diags.error(
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
        (diags.len() == before).then_some(Bands { bands, otherwise })
    }

    /// The band that applies to a value comparing to each threshold as `cmp` says.
    pub fn find(&self, cmp: impl Fn(Decimal) -> Ordering) -> Option<&Band> {
        self.bands.iter().find(|b| b.bound.holds(cmp(b.threshold)))
    }

    /// Every outcome the list can give.
    pub fn outcomes(&self) -> impl Iterator<Item = Decimal> + '_ {
        self.bands
            .iter()
            .map(|b| b.points)
            .chain(std::iter::once(self.otherwise))
    }
}

fn parse_band(
    value: &Value,
    path: &str,
    allowed: Allowed,
    diags: &mut Diagnostics,
) -> Option<Band> {
    let mut f = Fields::of(value, &path, diags)?;
    let keys: &[(&str, Bound)] = match allowed {
        Allowed::Rising => &[("at_least", Bound::AtLeast), ("above", Bound::Above)],
        Allowed::Either => &[
            ("at_least", Bound::AtLeast),
            ("above", Bound::Above),
            ("at_most", Bound::AtMost),
            ("below", Bound::Below),
        ],
    };
    let present: Vec<(&str, Bound)> = keys.iter().copied().filter(|(k, _)| f.has(k)).collect();
    let names: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    let mut bound = None;
    if present.len() != 1 {
        diags.error(
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
    let points_path = f.path_of("points");
    let points = f
        .required("points", diags)
        .and_then(|v| framework_number(v, &points_path, diags));
    // Keys of the other bounds are reported above; mark them read so they are not also "unknown".
    for (k, _) in keys {
        f.optional(k);
    }
    f.finish(diags);
    if let (Allowed::Rising, Some((b, t))) = (allowed, bound) {
        // A ratio compares percentages: nothing lies above 100 %.
        if t > Decimal::ONE_HUNDRED || (b == Bound::Above && t == Decimal::ONE_HUNDRED) {
            let key = b.key();
            diags.error(
                format!("{path}.{key}"),
                format!("{key} = {t}: không tỷ lệ nào đạt được mức này (tỷ lệ tối đa là 100%)"),
                format!("{key} = {t} can never be reached: a percentage is at most 100"),
            );
            return None;
        }
    }
    let (bound, threshold) = bound?;
    Some(Band {
        bound,
        threshold,
        points: points?,
    })
}

fn check_order(bands: &[Band], path: &dyn std::fmt::Display, diags: &mut Diagnostics) {
    let Some(first) = bands.first() else { return };
    let rising = first.bound.rising();
    for (i, pair) in bands.windows(2).enumerate() {
        let (prev, band) = (&pair[0], &pair[1]);
        let here = format!("{path}[{}]", i + 1);
        if band.bound.rising() != rising {
            diags.error(
                &here,
                "không được trộn mức «từ/trên» với mức «không quá/dưới» trong một quy tắc",
                "a rule cannot mix at_least/above bands with at_most/below bands",
            );
            return;
        }
        // A band is reachable only when its condition is strictly weaker than the previous one.
        let weaker = if rising {
            band.threshold < prev.threshold
                || (band.threshold == prev.threshold
                    && prev.bound == Bound::Above
                    && band.bound == Bound::AtLeast)
        } else {
            band.threshold > prev.threshold
                || (band.threshold == prev.threshold
                    && prev.bound == Bound::Below
                    && band.bound == Bound::AtMost)
        };
        if !weaker {
            diags.error(
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
                join(&here, "points"),
                "điểm không được tăng dần theo thứ tự các mức (kết quả tốt hơn phải được điểm không thấp hơn)",
                "points must not increase down the band list (a better result never earns fewer points)",
            );
        }
    }
}
