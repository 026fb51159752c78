//! The scoring engine: framework + assessment → scorecard. Pure and deterministic, in
//! named steps: [`score_leaves`] scores every leaf by its rule (the self-assessed and the
//! counted reading), [`add_up`] sums parents exactly, [`owed_comments`] and [`capped`]
//! collect the warnings, [`make_total`] caps bonus and penalty, clamps the total, rounds
//! the index once and chooses the band from the rounded index, and [`describe`] writes
//! the nodes and gaps people read.

use crate::assessment::{Adjustment, Assessment, Entry};
use crate::code;
use crate::codes;
use crate::decimal::{human, points_str, round_quotient};
use crate::diagnostic::{Diagnostic, Lang, Location, Text};
use crate::framework::{Framework, NotApplicablePolicy, SurveyMissingPolicy};
use crate::rules::{words, LeafContext, Rule, RuleKind, Words};
use crate::scorecard::{Gap, Index, Node, Scorecard, Status, Summary, Total};
use rust_decimal::Decimal;

/// How much text to produce: ranking needs only numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Explanations, advice and gaps, for people.
    Full,
    /// Every node and gap with its code, numbers and statuses, without words — no
    /// explanation, advice or title (empty): what a screen redrawn on every keystroke
    /// needs, with its framework at hand ([`explain_leaf`] gives one leaf's words).
    Points,
    /// Totals and the summary only: `nodes` and `gaps` stay empty (ranking many units).
    Numbers,
}

/// One leaf's result under one reading (counted or self-only).
#[derive(Debug, Clone)]
struct LeafResult {
    status: Status,
    points: Decimal,
    max: Decimal,
    /// `None` under [`Detail::Numbers`].
    words: Option<Words>,
}

/// A leaf's two readings: what counts (the appraisal where there is one) and the unit's
/// own self-assessment (its points and status only: the words are the counted reading's).
#[derive(Debug, Clone)]
struct LeafScore {
    counted: LeafResult,
    own: LeafResult,
    /// The counted reading comes from the appraisal.
    appraised: bool,
}

/// A criterion's sums: leaves give their own, parents add their children's.
#[derive(Debug, Clone, Copy)]
struct Sums {
    points: Decimal,
    max: Decimal,
    self_points: Decimal,
    status: Status,
}

impl Default for Sums {
    fn default() -> Self {
        Sums {
            points: Decimal::ZERO,
            max: Decimal::ZERO,
            self_points: Decimal::ZERO,
            status: Status::Scored,
        }
    }
}

/// Scores an assessment that was validated against `framework`.
pub fn score(framework: &Framework, assessment: &Assessment) -> Scorecard {
    score_with(framework, assessment, Detail::Full)
}

/// Scores with the chosen level of detail. Both levels decide every point the same way
/// (a property test holds them equal); [`Detail::Points`] and [`Detail::Numbers`] only
/// skip the words (and the latter the nodes and gaps).
pub fn score_with(framework: &Framework, assessment: &Assessment, detail: Detail) -> Scorecard {
    let leaves = score_leaves(framework, assessment, detail);
    let sums = add_up(framework, &leaves);

    let fields = || framework.fields().map(|(i, _)| sums[i]);
    let leaf_points: Decimal = fields().map(|s| s.points).sum();
    let applicable_max: Decimal = fields().map(|s| s.max).sum();
    let self_points: Decimal = fields().map(|s| s.self_points).sum();
    let self_max: Decimal = leaves.iter().flatten().map(|l| l.own.max).sum();

    let mut diagnostics = owed_comments(framework, assessment, &leaves);
    let bonus = capped(
        &assessment.bonus,
        framework.bonus_max,
        "bonus",
        &mut diagnostics,
    );
    let penalty = capped(
        &assessment.penalty,
        framework.penalty_max,
        "penalty",
        &mut diagnostics,
    );
    let total = make_total(framework, leaf_points, applicable_max, bonus, penalty);
    let self_total = make_total(framework, self_points, self_max, bonus, penalty);
    let summary = summarise(&leaves);
    let (nodes, gaps) = match detail {
        Detail::Full => describe(framework, &leaves, &sums, true),
        Detail::Points => describe(framework, &leaves, &sums, false),
        // Ranking needs only the totals: nodes and gaps are built for people.
        Detail::Numbers => (Vec::new(), Vec::new()),
    };

    Scorecard {
        format: 1,
        framework: framework.reference(),
        unit: assessment.unit.clone(),
        year: assessment.year,
        complete: summary.missing == 0,
        total,
        self_total,
        bonus,
        penalty,
        summary,
        nodes,
        gaps,
        diagnostics,
    }
}

/// Every leaf's two readings, by criterion index (`None` for parents).
fn score_leaves(
    framework: &Framework,
    assessment: &Assessment,
    detail: Detail,
) -> Vec<Option<LeafScore>> {
    let words = detail == Detail::Full;
    let mut out: Vec<Option<LeafScore>> = vec![None; framework.criteria.len()];
    for (i, criterion) in framework.leaves() {
        let Some(rule) = &criterion.rule else {
            continue;
        };
        out[i] = Some(score_leaf(framework, assessment, i, rule, words));
    }
    out
}

/// One leaf's two readings (`words` when people will read them).
fn score_leaf(
    framework: &Framework,
    assessment: &Assessment,
    i: usize,
    rule: &Rule,
    words: bool,
) -> LeafScore {
    let max = framework.criteria[i].max;
    let ctx = LeafContext {
        max,
        year: assessment.year,
        rounding: framework.rounding,
    };
    if rule.kind() == RuleKind::Survey {
        let entry = assessment.survey.get(&i);
        let r = evaluate(framework, rule, entry, ctx, true, words);
        let r = with_comment(r, entry.and_then(|e| e.comment.as_deref()));
        LeafScore {
            counted: r.clone(),
            own: r,
            appraised: false,
        }
    } else {
        // Only the counted reading's words are ever read: the unit's own reading has
        // words only when it is the one that counts (no appraisal decides the leaf).
        let appraisal = assessment.appraisal.get(&i);
        let comment = appraisal.and_then(|e| e.comment.as_deref());
        let own_entry = assessment.self_entries.get(&i);
        match appraisal.filter(|e| e.decides()) {
            Some(entry) => {
                let a = evaluate(framework, rule, Some(entry), ctx, false, words);
                LeafScore {
                    counted: with_comment(as_appraised(a), comment),
                    own: evaluate(framework, rule, own_entry, ctx, false, false),
                    appraised: true,
                }
            }
            // An appraisal entry without an input (a comment only) leaves the self
            // entry counting; its comment is still shown.
            None => {
                let counted = evaluate(framework, rule, own_entry, ctx, false, words);
                LeafScore {
                    own: LeafResult {
                        words: None,
                        ..counted
                    },
                    counted: with_comment(counted, comment),
                    appraised: false,
                }
            }
        }
    }
}

/// One leaf's node as a full scorecard has it, explanation and advice included: the
/// words a screen scored with [`Detail::Points`] shows for the leaf in view. `None` for a
/// code that is not a leaf with a rule.
pub fn explain_leaf(framework: &Framework, assessment: &Assessment, code: &str) -> Option<Node> {
    let (i, criterion) = framework.criterion(code)?;
    let leaf = score_leaf(framework, assessment, i, criterion.rule.as_ref()?, true);
    Some(leaf_node(criterion, &leaf, true))
}

/// The node of a scored leaf (its sums are its counted and own readings), with the
/// criterion's title or without (empty: a screen has its framework at hand).
fn leaf_node(c: &crate::framework::Criterion, leaf: &LeafScore, titled: bool) -> Node {
    let counted = &leaf.counted;
    Node {
        code: c.code.clone(),
        title: title_of(c, titled),
        max: counted.max,
        points: counted.points,
        self_points: leaf.own.points,
        status: counted.status,
        kind: c.rule.as_ref().map(Rule::kind),
        self_status: Some(leaf.own.status),
        appraised: leaf.appraised,
        explanation: counted.words.as_ref().map(joined),
        advice: counted.words.as_ref().and_then(|w| w.advice.clone()),
    }
}

/// A node's title: the criterion's, or empty when the scorecard carries no words.
fn title_of(c: &crate::framework::Criterion, titled: bool) -> Text {
    if titled {
        c.title.clone()
    } else {
        Text::default()
    }
}

/// Counts of leaves by the status of their counted reading.
fn summarise(leaves: &[Option<LeafScore>]) -> Summary {
    let mut summary = Summary::default();
    for leaf in leaves.iter().flatten() {
        summary.leaves += 1;
        match leaf.counted.status {
            Status::Scored => summary.scored += 1,
            Status::NotApplicable => summary.not_applicable += 1,
            Status::Missing => summary.missing += 1,
            Status::SurveyPending => summary.survey_pending += 1,
        }
        if leaf.appraised {
            summary.appraised += 1;
        }
    }
    summary
}

/// Every criterion's sums: leaves their own, parents their children's, exactly. A
/// parent's status is the one all its children share, else `scored`.
fn add_up(framework: &Framework, leaves: &[Option<LeafScore>]) -> Vec<Sums> {
    let mut sums = vec![Sums::default(); framework.criteria.len()];
    // Deepest first, so every child is known before its parent.
    for &i in &framework.depth_order {
        let c = &framework.criteria[i];
        if let Some(leaf) = &leaves[i] {
            sums[i] = Sums {
                points: leaf.counted.points,
                max: leaf.counted.max,
                self_points: leaf.own.points,
                status: leaf.counted.status,
            };
            continue;
        }
        let mut total = Sums::default();
        let mut shared: Option<Status> = None;
        for (n, &k) in c.children.iter().enumerate() {
            let child = sums[k];
            total.points += child.points;
            total.max += child.max;
            total.self_points += child.self_points;
            shared = match shared {
                None if n == 0 => Some(child.status),
                Some(prev) if prev == child.status => Some(prev),
                _ => None,
            };
        }
        total.status = shared.unwrap_or(Status::Scored);
        sums[i] = total;
    }
    sums
}

/// An appraiser who changes a unit's points must say why: a warning for every appraised
/// leaf whose points differ from the unit's and whose comment is missing or blank.
fn owed_comments(
    framework: &Framework,
    assessment: &Assessment,
    leaves: &[Option<LeafScore>],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, c) in framework.leaves() {
        let Some(leaf) = leaves[i].as_ref().filter(|l| l.appraised) else {
            continue;
        };
        let (a, s) = (leaf.counted.points, leaf.own.points);
        let said = assessment
            .appraisal
            .get(&i)
            .and_then(|e| e.comment.as_deref());
        if a != s && said.is_none_or(|t| t.trim().is_empty()) {
            out.push(
                Diagnostic::error(
                    codes::APPRAISAL_COMMENT_OWED,
                    format!("appraisal.{}.comment", c.code),
                    format!(
                        "cần nhận xét: điểm thẩm định {} khác điểm tự chấm {}",
                        points_str(a),
                        points_str(s)
                    ),
                    format!(
                        "a comment is required: the appraised points {} differ from the self-assessed {}",
                        points_str(a),
                        points_str(s)
                    ),
                )
                .into_warning()
                .at(Location {
                    section: Some("appraisal"),
                    criterion: Some(c.code.clone()),
                    field: Some("comment".into()),
                    ..Location::default()
                }),
            );
        }
    }
    out
}

/// The nodes (every criterion, framework order) and the gaps (leaves below their max,
/// most points lost first, then by code) of a full scorecard.
fn describe(
    framework: &Framework,
    leaves: &[Option<LeafScore>],
    sums: &[Sums],
    titled: bool,
) -> (Vec<Node>, Vec<Gap>) {
    let mut nodes = Vec::with_capacity(framework.criteria.len());
    let mut gaps = Vec::new();
    for (i, c) in framework.criteria.iter().enumerate() {
        let s = sums[i];
        let leaf = leaves[i].as_ref();
        let counted = leaf.map(|l| &l.counted);
        if let Some(r) = counted.filter(|r| r.points < r.max) {
            gaps.push(Gap {
                code: c.code.clone(),
                lost: r.max - r.points,
                status: r.status,
                advice: r.words.as_ref().and_then(|w| w.advice.clone()),
            });
        }
        nodes.push(match leaf {
            Some(l) => leaf_node(c, l, titled),
            None => Node {
                code: c.code.clone(),
                title: title_of(c, titled),
                max: s.max,
                points: s.points,
                self_points: s.self_points,
                status: s.status,
                kind: c.rule.as_ref().map(Rule::kind),
                self_status: None,
                appraised: false,
                explanation: None,
                advice: None,
            },
        });
    }
    crate::order::sort_small_by(&mut gaps, |a, b| {
        b.lost
            .cmp(&a.lost)
            .then_with(|| code::compare(&a.code, &b.code))
    });
    (nodes, gaps)
}

/// Scores one leaf from its entry (or its absence).
fn evaluate(
    framework: &Framework,
    rule: &Rule,
    entry: Option<&Entry>,
    ctx: LeafContext,
    survey: bool,
    words: bool,
) -> LeafResult {
    if let Some(entry) = entry {
        if entry.not_applicable {
            let why = Text::new("Khai báo không phát sinh", "Declared not applicable");
            return not_applicable(framework, ctx, words.then_some(why));
        }
        if let Some(input) = &entry.input {
            let outcome = rule.score(input, ctx, words);
            if outcome.not_applicable {
                let why = outcome.words.map(|w| w.explanation);
                return not_applicable(framework, ctx, why);
            }
            return LeafResult {
                status: Status::Scored,
                points: outcome.points,
                max: ctx.max,
                words: outcome.words,
            };
        }
    }
    if survey {
        let (max, vi, en) = match framework.survey_missing {
            SurveyMissingPolicy::ReduceMax => (
                Decimal::ZERO,
                "Chưa có kết quả điều tra XHH: không tính vào điểm tối đa.",
                "No survey result yet: left out of the maximum.",
            ),
            SurveyMissingPolicy::Zero => (
                ctx.max,
                "Chưa có kết quả điều tra XHH: tính 0 điểm.",
                "No survey result yet: counts 0 points.",
            ),
        };
        return LeafResult {
            status: Status::SurveyPending,
            points: Decimal::ZERO,
            max,
            words: words.then(|| Words {
                explanation: Text::new(vi, en),
                advice: (max > Decimal::ZERO).then(|| {
                    Text::new(
                        "Kết quả do cơ quan thẩm định nhập từ điều tra xã hội học.",
                        "The appraiser enters the survey result.",
                    )
                }),
            }),
        };
    }
    LeafResult {
        status: Status::Missing,
        points: Decimal::ZERO,
        max: ctx.max,
        words: words.then(|| Words {
            explanation: Text::new("Chưa nhập kết quả → 0 điểm.", "No input yet → 0 points."),
            advice: Some(Text::new(
                words!(
                    "Nhập kết quả và tài liệu kiểm chứng (tối đa {} điểm).",
                    human(ctx.max, Lang::Vi)
                ),
                words!(
                    "Enter the result and its evidence (up to {} points).",
                    human(ctx.max, Lang::En)
                ),
            )),
        }),
    }
}

/// A not-applicable leaf under the framework's policy; `why` when words are wanted.
fn not_applicable(framework: &Framework, ctx: LeafContext, why: Option<Text>) -> LeafResult {
    let (points, max, vi, en) = match framework.not_applicable {
        NotApplicablePolicy::ReduceMax => (
            Decimal::ZERO,
            Decimal::ZERO,
            "không tính vào điểm tối đa",
            "left out of the maximum",
        ),
        NotApplicablePolicy::AwardMax => (
            ctx.max,
            ctx.max,
            "được tính điểm tối đa",
            "awarded full points",
        ),
    };
    LeafResult {
        status: Status::NotApplicable,
        points,
        max,
        words: why.map(|why| Words {
            explanation: Text::new(
                words!("{}: không phát sinh, {vi}.", why.vi.trim_end_matches('.')),
                words!("{}: not applicable, {en}.", why.en.trim_end_matches('.')),
            ),
            advice: None,
        }),
    }
}

/// Marks a reading's words as the appraisal's.
fn as_appraised(mut r: LeafResult) -> LeafResult {
    if let Some(w) = r.words.as_mut() {
        w.explanation = Text::new(
            words!("Theo thẩm định: {}", w.explanation.vi),
            words!("As appraised: {}", w.explanation.en),
        );
    }
    r
}

/// Adds the appraiser's comment to a reading's words.
fn with_comment(mut r: LeafResult, comment: Option<&str>) -> LeafResult {
    if let (Some(w), Some(c)) = (r.words.as_mut(), comment) {
        w.explanation = Text::new(
            words!("{} Nhận xét thẩm định: {c}", w.explanation.vi),
            words!("{} Appraiser's comment: {c}", w.explanation.en),
        );
    }
    r
}

/// A node's explanation: the words and, after them, the advice.
fn joined(w: &Words) -> Text {
    match &w.advice {
        Some(a) => Text::new(
            words!("{} {}", w.explanation.vi, a.vi),
            words!("{} {}", w.explanation.en, a.en),
        ),
        None => w.explanation.clone(),
    }
}

/// The sum of bonus or penalty items, capped at the framework's cap (with a warning).
fn capped(
    items: &[Adjustment],
    cap: Decimal,
    key: &'static str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Decimal {
    let sum: Decimal = items.iter().map(|a| a.points).sum();
    if sum <= cap {
        return sum;
    }
    let (vi, en) = if key == "bonus" {
        ("điểm thưởng", "bonus")
    } else {
        ("điểm trừ", "penalty")
    };
    diagnostics.push(
        Diagnostic::error(
            codes::ADJUSTMENT_OVER_CAP,
            key,
            format!(
                "tổng {vi} {} vượt mức tối đa {} của bộ chỉ số: chỉ tính {}",
                points_str(sum),
                points_str(cap),
                points_str(cap)
            ),
            format!(
                "{en} of {} exceeds the framework's cap {}: {} counted",
                points_str(sum),
                points_str(cap),
                points_str(cap)
            ),
        )
        .into_warning()
        .at(Location {
            section: Some(key),
            ..Location::default()
        }),
    );
    cap
}

fn make_total(
    framework: &Framework,
    leaf_points: Decimal,
    max: Decimal,
    bonus: Decimal,
    penalty: Decimal,
) -> Total {
    let points = (leaf_points + bonus - penalty).max(Decimal::ZERO).min(max);
    let places = framework.rounding.places;
    let index = round_quotient(points * Decimal::ONE_HUNDRED, max, framework.rounding)
        .map(|value| Index { value, places });
    let band = index
        .and_then(|i| framework.band(i.value))
        .map(|b| b.label.clone());
    Total {
        points,
        max,
        index,
        band,
    }
}
