//! `deadline`: a task done by a due date (*ban hành kịp thời*), e.g. the annual PAR plan
//! by 31 January: on time, late, or not done.
//!
//! Framework: `due = "MM-DD"`, optional `due_year_offset` (−1 = the previous year),
//! `on_time`, `late`, `not_done`. Input: `date = "YYYY-MM-DD"`, or `done = false`.

use super::words;
use super::{both, points_of, Decision, Kind, LeafContext, Words};
use crate::codes;
use crate::date::{Date, MonthDay};
use crate::decimal::Human;
use crate::diagnostic::{Diagnostics, Lang};
use crate::reader::{self, boolean, framework_number, string, Fields};
use crate::tree::Node;
use rust_decimal::Decimal;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub due: MonthDay,
    pub due_year_offset: i32,
    pub on_time: Decimal,
    pub late: Decimal,
    pub not_done: Decimal,
}

/// Which of the three cases applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineCase {
    OnTime,
    Late,
    NotDone,
}

impl Deadline {
    /// The due date for an assessment of `year`.
    pub fn due_date(&self, year: i32) -> Date {
        self.due.in_year(year + self.due_year_offset)
    }

    fn points(&self, case: DeadlineCase) -> Decimal {
        match case {
            DeadlineCase::OnTime => self.on_time,
            DeadlineCase::Late => self.late,
            DeadlineCase::NotDone => self.not_done,
        }
    }
}

impl Kind for Deadline {
    const NAME: &'static str = "deadline";
    const INPUT_KEYS: &'static [&'static str] = &["date", "done"];
    /// `Some(date)` done on that date; `None` not done.
    type Input = Option<Date>;
    type Why = DeadlineCase;

    fn parse(rule: &mut Fields, _max: Option<Decimal>, diags: &mut Diagnostics) -> Option<Self> {
        let due_path = rule.path_of("due");
        let due = rule
            .required("due", diags)
            .and_then(|v| string(v, &due_path, diags))
            .and_then(|s| {
                let md = MonthDay::parse(&s);
                if md.is_none() {
                    diags.error(
                        codes::DEADLINE_DUE_NOT_REAL,
                        &due_path,
                        format!("\"{s}\" không phải là một ngày-tháng có thật (MM-DD)"),
                        format!("\"{s}\" is not a real month-day (MM-DD)"),
                    );
                }
                md
            });
        let offset_path = rule.path_of("due_year_offset");
        let offset = match rule.optional("due_year_offset") {
            None => Some(0),
            Some(v) => match v.as_i64() {
                Some(o) if (-5..=5).contains(&o) => Some(o as i32),
                _ => {
                    diags.error(
                        codes::DEADLINE_OFFSET_INVALID,
                        offset_path,
                        "cần một số nguyên từ -5 đến 5",
                        "expected a whole number from -5 to 5",
                    );
                    None
                }
            },
        };
        let mut points = |key: &str| {
            let p = rule.path_of(key);
            rule.required(key, diags)
                .and_then(|v| framework_number(v, &p, diags))
        };
        let (on_time, late, not_done) = (points("on_time"), points("late"), points("not_done"));
        Some(Deadline {
            due: due?,
            due_year_offset: offset?,
            on_time: on_time?,
            late: late?,
            not_done: not_done?,
        })
    }

    fn trusted(rule: &Value, _max: Decimal) -> Option<Self> {
        use crate::trusted::{decimal, month_day};
        Some(Deadline {
            due: month_day(rule.get("due")?)?,
            due_year_offset: rule.get("due_year_offset").map_or(Some(0), Value::as_i64)? as i32,
            on_time: decimal(rule.get("on_time")?)?,
            late: decimal(rule.get("late")?)?,
            not_done: decimal(rule.get("not_done")?)?,
        })
    }

    fn outcomes(&self) -> Vec<(String, Decimal)> {
        vec![
            ("on_time".into(), self.on_time),
            ("late".into(), self.late),
            ("not_done".into(), self.not_done),
        ]
    }

    fn read_input<N: Node>(
        &self,
        entry: &mut Fields<N>,
        diags: &mut Diagnostics,
    ) -> Option<Option<Date>> {
        let date_path = entry.path_of("date");
        let done_path = entry.path_of("done");
        let date = entry
            .optional("date")
            .map(|v| reader::date(v, &date_path, diags));
        let done = entry
            .optional("done")
            .map(|v| boolean(v, &done_path, diags));
        match (date, done) {
            (None, None) => None,
            (Some(d), None | Some(Some(true))) => Some(Some(d?)),
            (None, Some(Some(false))) => Some(None),
            (None, Some(Some(true))) => {
                diags.error(
                    codes::DEADLINE_DONE_WITHOUT_DATE,
                    date_path,
                    "đã thực hiện thì cần ghi ngày thực hiện",
                    "done = true needs the date it was done",
                );
                None
            }
            (Some(_), Some(Some(false))) => {
                diags.error(
                    codes::DEADLINE_DATE_AND_NOT_DONE,
                    done_path,
                    "mâu thuẫn: có ngày thực hiện nhưng done = false",
                    "contradiction: a date is given but done = false",
                );
                None
            }
            (_, Some(None)) => None,
        }
    }

    fn decide(&self, date: &Option<Date>, ctx: LeafContext) -> Decision<DeadlineCase> {
        let case = match date {
            Some(d) if *d <= self.due_date(ctx.year) => DeadlineCase::OnTime,
            Some(_) => DeadlineCase::Late,
            None => DeadlineCase::NotDone,
        };
        Decision::new(self.points(case), case)
    }

    fn explain(
        &self,
        date: &Option<Date>,
        decided: &Decision<DeadlineCase>,
        ctx: LeafContext,
    ) -> Words {
        let due = self.due_date(ctx.year);
        let got = points_of(decided.points, ctx.max);
        let explanation = match (decided.why, date) {
            (DeadlineCase::NotDone, _) | (_, None) => both(|l| match l {
                Lang::Vi => words!("Chưa thực hiện (hạn {}) → {}.", due.human(l), got.vi),
                Lang::En => words!("Not done (due {}) → {}.", due.human(l), got.en),
            }),
            (case, Some(d)) => {
                let on_time = case == DeadlineCase::OnTime;
                both(|l| match l {
                    Lang::Vi => words!(
                        "Thực hiện ngày {}, hạn {}: {} → {}.",
                        d.human(l),
                        due.human(l),
                        if on_time {
                            "đúng hạn"
                        } else {
                            "trễ hạn"
                        },
                        got.vi
                    ),
                    Lang::En => words!(
                        "Done on {}, due {}: {} → {}.",
                        d.human(l),
                        due.human(l),
                        if on_time { "on time" } else { "late" },
                        got.en
                    ),
                })
            }
        };
        let advice = (decided.points < self.on_time).then(|| {
            both(|l| match l {
                Lang::Vi => words!(
                    "Thực hiện đúng hạn (trước hoặc trong ngày {}) được {} điểm.",
                    due.human(l),
                    Human(self.on_time, l)
                ),
                Lang::En => words!(
                    "Done on time (on or before {}) earns {} points.",
                    due.human(l),
                    Human(self.on_time, l)
                ),
            })
        });
        Words::new(explanation, advice)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const RULE: &str =
        r#"{ kind = "deadline", due = "01-31", on_time = "1", late = "0.5", not_done = "0" }"#;

    #[test]
    fn on_the_due_date_is_on_time() {
        let r = rule(RULE, "1").unwrap();
        assert_eq!(points(&r, r#"{"date":"2022-01-31"}"#, "1"), "1");
        assert_eq!(points(&r, r#"{"date":"2022-02-01"}"#, "1"), "0.5");
        assert_eq!(points(&r, r#"{"done":false}"#, "1"), "0");
        assert_eq!(points(&r, r#"{"done":true,"date":"2021-12-30"}"#, "1"), "1");
    }

    #[test]
    fn the_year_offset_moves_the_due_date() {
        let r = rule(r#"{ kind = "deadline", due = "12-31", due_year_offset = -1, on_time = "1", late = "0", not_done = "0" }"#, "1").unwrap();
        assert_eq!(points(&r, r#"{"date":"2021-12-31"}"#, "1"), "1");
        assert_eq!(points(&r, r#"{"date":"2022-01-01"}"#, "1"), "0");
    }

    #[test]
    fn contradictions_and_unreal_dates_are_errors() {
        let r = rule(RULE, "1").unwrap();
        assert_eq!(
            first_error(input(&r, r#"{"date":"2022-02-30"}"#)).0,
            "self.1.date"
        );
        assert_eq!(first_error(input(&r, r#"{"done":true}"#)).0, "self.1.date");
        assert_eq!(
            first_error(input(&r, r#"{"done":false,"date":"2022-01-01"}"#)).0,
            "self.1.done"
        );
        assert_eq!(input(&r, r#"{}"#).unwrap(), None);
    }

    #[test]
    fn due_must_be_a_real_month_day() {
        let (path, msg) = first_error(rule(
            r#"{ kind = "deadline", due = "02-30", on_time = "1", late = "0", not_done = "0" }"#,
            "1",
        ));
        assert_eq!(path, "rule.due");
        assert!(msg.contains("not a real month-day"));
    }
}
