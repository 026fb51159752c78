//! The scoring engine: framework + assessment → scorecard. Pure and deterministic:
//! leaves are scored by their rules, parents sum their children exactly, bonus and
//! penalty are capped, the total is clamped, the index is rounded once at the end and
//! the band is chosen from the rounded index.

use crate::assessment::{Assessment, Entry};
use crate::code;
use crate::decimal::{human, points_str, round_quotient};
use crate::diagnostic::{Diagnostic, Lang, Text};
use crate::framework::{Framework, NotApplicablePolicy, SurveyMissingPolicy};
use crate::rules::{LeafContext, Rule, RuleKind};
use crate::scorecard::{Gap, Index, Node, Scorecard, Status, Summary, Total};
use rust_decimal::Decimal;

/// One leaf's result under one reading (counted or self-only).
#[derive(Debug, Clone)]
struct LeafResult {
    status: Status,
    points: Decimal,
    max: Decimal,
    explanation: Text,
    advice: Option<Text>,
}

/// How much text to produce: ranking needs only numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Explanations, advice and gaps, for people.
    Full,
    /// Totals and the summary only: `nodes` and `gaps` stay empty (ranking many units).
    Numbers,
}

/// Scores an assessment that was validated against `framework`.
pub fn score(framework: &Framework, assessment: &Assessment) -> Scorecard {
    score_with(framework, assessment, Detail::Full)
}

/// Scores with the chosen level of detail.
pub fn score_with(framework: &Framework, assessment: &Assessment, detail: Detail) -> Scorecard {
    let n = framework.criteria.len();
    let mut counted: Vec<Option<LeafResult>> = vec![None; n];
    let mut own: Vec<Option<LeafResult>> = vec![None; n];
    let mut appraised = vec![false; n];
    let mut summary = Summary::default();

    for (i, criterion) in framework.leaves() {
        let Some(rule) = &criterion.rule else {
            continue;
        };
        let ctx = LeafContext {
            max: criterion.max,
            year: assessment.year,
            rounding: framework.rounding,
            explain: detail == Detail::Full,
        };
        let (self_result, counted_result, from_appraisal) = if rule.kind() == RuleKind::Survey {
            let r = evaluate(
                framework,
                rule,
                assessment.survey.get(&i),
                ctx,
                true,
                detail,
            );
            let r = match assessment.survey.get(&i).and_then(|e| e.comment.as_deref()) {
                Some(comment) if detail == Detail::Full => LeafResult {
                    explanation: with_comment(&r.explanation, comment),
                    ..r
                },
                _ => r,
            };
            (r.clone(), r, false)
        } else {
            let s = evaluate(
                framework,
                rule,
                assessment.self_entries.get(&i),
                ctx,
                false,
                detail,
            );
            match assessment.appraisal.get(&i).filter(|e| e.decides()) {
                Some(entry) => {
                    let mut a = evaluate(framework, rule, Some(entry), ctx, false, detail);
                    if detail == Detail::Full {
                        a.explanation = appraised_text(&a.explanation, entry.comment.as_deref());
                    }
                    (s, a, true)
                }
                // An appraisal entry without an input (a comment only) leaves the self
                // entry counting; its comment is still shown.
                None => {
                    let comment = assessment
                        .appraisal
                        .get(&i)
                        .and_then(|e| e.comment.as_deref());
                    let counted = match comment {
                        Some(c) if detail == Detail::Full => LeafResult {
                            explanation: with_comment(&s.explanation, c),
                            ..s.clone()
                        },
                        _ => s.clone(),
                    };
                    (s, counted, false)
                }
            }
        };
        summary.leaves += 1;
        match counted_result.status {
            Status::Scored => summary.scored += 1,
            Status::NotApplicable => summary.not_applicable += 1,
            Status::Missing => summary.missing += 1,
            Status::SurveyPending => summary.survey_pending += 1,
        }
        if from_appraisal {
            summary.appraised += 1;
        }
        appraised[i] = from_appraisal;
        counted[i] = Some(counted_result);
        own[i] = Some(self_result);
    }

    // Parents, deepest first, so every child is known before its parent.
    let mut sums: Vec<(Decimal, Decimal, Decimal, Option<Status>)> =
        vec![(Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, None); n];
    let order = depth_order(framework);
    for &i in &order {
        let c = &framework.criteria[i];
        if c.is_leaf() {
            if let (Some(r), Some(s)) = (&counted[i], &own[i]) {
                sums[i] = (r.points, r.max, s.points, Some(r.status));
            }
        } else {
            let mut points = Decimal::ZERO;
            let mut max = Decimal::ZERO;
            let mut self_points = Decimal::ZERO;
            let mut shared: Option<Option<Status>> = None;
            for &k in &c.children {
                let (p, m, sp, st) = sums[k];
                points += p;
                max += m;
                self_points += sp;
                shared = match shared {
                    None => Some(st),
                    Some(prev) if prev == st => Some(prev),
                    Some(_) => Some(Some(Status::Scored)),
                };
            }
            sums[i] = (
                points,
                max,
                self_points,
                shared.flatten().or(Some(Status::Scored)),
            );
        }
    }

    let leaf_points: Decimal = framework.fields().map(|(i, _)| sums[i].0).sum();
    let applicable_max: Decimal = framework.fields().map(|(i, _)| sums[i].1).sum();
    let self_points: Decimal = framework.fields().map(|(i, _)| sums[i].2).sum();
    let self_max: Decimal = framework
        .leaves()
        .filter_map(|(i, _)| own[i].as_ref())
        .map(|r| r.max)
        .sum();

    let mut diagnostics = Vec::new();
    // An appraiser who changes a unit's points must say why.
    for (i, c) in framework.leaves() {
        if let (true, Some(a), Some(s)) = (appraised[i], &counted[i], &own[i]) {
            let said = assessment
                .appraisal
                .get(&i)
                .and_then(|e| e.comment.as_deref());
            if a.points != s.points && said.is_none_or(|t| t.trim().is_empty()) {
                diagnostics.push(Diagnostic::warning(
                    crate::scorecard::comment_owed_path(&c.code),
                    format!(
                        "cần nhận xét: điểm thẩm định {} khác điểm tự chấm {}",
                        points_str(a.points),
                        points_str(s.points)
                    ),
                    format!(
                        "a comment is required: the appraised points {} differ from the self-assessed {}",
                        points_str(a.points),
                        points_str(s.points)
                    ),
                ));
            }
        }
    }
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

    let mut nodes = Vec::with_capacity(n);
    let mut gaps = Vec::new();
    // Ranking needs only the totals: nodes and gaps are built for people.
    let described = if detail == Detail::Full {
        framework.criteria.len()
    } else {
        0
    };
    for (i, c) in framework.criteria.iter().enumerate().take(described) {
        let (points, max, self_points, status) = sums[i];
        let status = status.unwrap_or(Status::Scored);
        let leaf = counted[i].as_ref();
        if detail == Detail::Full {
            if let Some(r) = leaf {
                if r.points < r.max {
                    gaps.push(Gap {
                        code: c.code.clone(),
                        lost: r.max - r.points,
                        status: r.status,
                        advice: r.advice.clone(),
                    });
                }
            }
        }
        nodes.push(Node {
            code: c.code.clone(),
            title: c.title.clone(),
            max,
            points,
            self_points,
            status,
            kind: c.rule.as_ref().map(Rule::kind),
            self_status: own[i].as_ref().map(|r| r.status),
            appraised: appraised[i],
            explanation: leaf
                .filter(|_| detail == Detail::Full)
                .map(|r| with_advice(&r.explanation, r.advice.as_ref())),
            advice: leaf.and_then(|r| r.advice.clone()),
        });
    }
    crate::order::sort_small_by(&mut gaps, |a, b| {
        b.lost
            .cmp(&a.lost)
            .then_with(|| code::compare(&a.code, &b.code))
    });

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

/// Criteria ordered so that children come before their parents: deepest first, file
/// order within a depth.
fn depth_order(framework: &Framework) -> Vec<usize> {
    let depths: Vec<usize> = framework
        .criteria
        .iter()
        .map(|c| c.code.matches('.').count())
        .collect();
    let deepest = depths.iter().copied().max().unwrap_or(0);
    let mut order = Vec::with_capacity(depths.len());
    for d in (0..=deepest).rev() {
        order.extend((0..depths.len()).filter(|&i| depths[i] == d));
    }
    order
}

/// Scores one leaf from its entry (or its absence).
fn evaluate(
    framework: &Framework,
    rule: &Rule,
    entry: Option<&Entry>,
    ctx: LeafContext,
    survey: bool,
    detail: Detail,
) -> LeafResult {
    let full = detail == Detail::Full;
    if let Some(entry) = entry {
        if entry.not_applicable {
            return not_applicable(
                framework,
                ctx,
                Text::new("Khai báo không phát sinh", "Declared not applicable"),
            );
        }
        if let Some(input) = &entry.input {
            let outcome = rule.score(input, ctx);
            if outcome.not_applicable {
                return not_applicable(framework, ctx, outcome.explanation);
            }
            return LeafResult {
                status: Status::Scored,
                points: outcome.points,
                max: ctx.max,
                explanation: if full {
                    outcome.explanation
                } else {
                    Text::new("", "")
                },
                advice: outcome.advice.filter(|_| full),
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
            explanation: Text::new(vi, en),
            advice: (max > Decimal::ZERO).then(|| {
                Text::new(
                    "Kết quả do cơ quan thẩm định nhập từ điều tra xã hội học.",
                    "The appraiser enters the survey result.",
                )
            }),
        };
    }
    LeafResult {
        status: Status::Missing,
        points: Decimal::ZERO,
        max: ctx.max,
        explanation: Text::new("Chưa nhập kết quả → 0 điểm.", "No input yet → 0 points."),
        advice: Some(Text::new(
            format!(
                "Nhập kết quả và tài liệu kiểm chứng (tối đa {} điểm).",
                human(ctx.max, Lang::Vi)
            ),
            format!(
                "Enter the result and its evidence (up to {} points).",
                human(ctx.max, Lang::En)
            ),
        )),
    }
}

fn not_applicable(framework: &Framework, ctx: LeafContext, why: Text) -> LeafResult {
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
    let why_vi = why.vi.trim_end_matches('.');
    let why_en = why.en.trim_end_matches('.');
    LeafResult {
        status: Status::NotApplicable,
        points,
        max,
        explanation: Text::new(
            format!("{why_vi}: không phát sinh, {vi}."),
            format!("{why_en}: not applicable, {en}."),
        ),
        advice: None,
    }
}

fn appraised_text(explanation: &Text, comment: Option<&str>) -> Text {
    let marked = Text::new(
        format!("Theo thẩm định: {}", explanation.vi),
        format!("As appraised: {}", explanation.en),
    );
    match comment {
        Some(c) => with_comment(&marked, c),
        None => marked,
    }
}

fn with_comment(explanation: &Text, comment: &str) -> Text {
    Text::new(
        format!("{} Nhận xét thẩm định: {comment}", explanation.vi),
        format!("{} Appraiser's comment: {comment}", explanation.en),
    )
}

fn with_advice(explanation: &Text, advice: Option<&Text>) -> Text {
    match advice {
        Some(a) => Text::new(
            format!("{} {}", explanation.vi, a.vi),
            format!("{} {}", explanation.en, a.en),
        ),
        None => explanation.clone(),
    }
}

fn capped(
    items: &[crate::assessment::Adjustment],
    cap: Decimal,
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Decimal {
    let sum: Decimal = items.iter().map(|a| a.points).sum();
    if sum > cap {
        let (vi, en) = if key == "bonus" {
            ("điểm thưởng", "bonus")
        } else {
            ("điểm trừ", "penalty")
        };
        diagnostics.push(Diagnostic::warning(
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
        ));
        cap
    } else {
        sum
    }
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
        .and_then(|i| framework.grade(i.value))
        .map(|g| g.label.clone());
    Total {
        points,
        max,
        index,
        band,
    }
}
