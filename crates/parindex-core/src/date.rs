//! Calendar dates without a clock: strict `YYYY-MM-DD` and `MM-DD` parsing, and the
//! `dd/mm/yyyy` form Vietnamese readers expect.

use crate::diagnostic::Lang;
use std::fmt;

/// A real calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A month and day of a `deadline` rule (`"01-31"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.bytes().try_fold(0, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

impl Date {
    /// Parses `YYYY-MM-DD`; `None` unless it names a day that exists.
    pub fn parse(s: &str) -> Option<Date> {
        // Ten bytes, dashes at 4 and 7, digits elsewhere (checked by `digits`).
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&s[..4])? as i32;
        let month = digits(&s[5..7])? as u8;
        let day = digits(&s[8..])? as u8;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The date for readers: `25/01/2022` in Vietnamese, `2022-01-25` in English.
    pub fn human(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{:02}/{:02}/{:04}", self.day, self.month, self.year),
            Lang::En => self.to_string(),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl MonthDay {
    /// Parses `MM-DD`; `02-29` is accepted (see [`MonthDay::in_year`]).
    pub fn parse(s: &str) -> Option<MonthDay> {
        let (m, d) = s.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let month = digits(m)? as u8;
        let day = digits(d)? as u8;
        // 2000 is a leap year, so 02-29 is a real month-day.
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(2000, month) {
            return None;
        }
        Some(MonthDay { month, day })
    }

    /// This month-day in `year`; 29 February becomes 28 February in a common year.
    pub fn in_year(&self, year: i32) -> Date {
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_parse() {
        assert!(Date::parse("2022-01-25").is_some());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2022-02-29").is_none());
        assert!(Date::parse("2022-13-01").is_none());
        assert!(Date::parse("2022-1-25").is_none());
        assert!(Date::parse("22-01-25").is_none());
        assert!(Date::parse("2022-01-25T00:00").is_none());
        assert!(Date::parse("+022-01-25").is_none());
    }

    proptest::proptest! {
        /// Read byte by byte, a date is what splitting it at its dashes and reading each
        /// part as a number gives.
        #[test]
        fn dates_read_as_their_parts_say(s in "[0-9+-]{0,3}[0-9]{0,5}-?[0-9-]{0,3}-?[0-9é]{0,3}|[0-9]{4}-[0-1][0-9]-[0-3][0-9]") {
            let mut parts = s.split('-');
            let whole = |p: &str| (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten();
            let expected = match (parts.next(), parts.next(), parts.next(), parts.next()) {
                (Some(y), Some(m), Some(d), None) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                    match (whole(y), whole(m), whole(d)) {
                        (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) && d >= 1 && d <= u32::from(days_in_month(y as i32, m as u8)) => {
                            Some(Date { year: y as i32, month: m as u8, day: d as u8 })
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            proptest::prop_assert_eq!(Date::parse(&s), expected);
        }
    }

    #[test]
    fn month_days_and_leap_years() {
        assert!(MonthDay::parse("02-30").is_none());
        assert!(MonthDay::parse("04-31").is_none());
        let feb29 = MonthDay::parse("02-29").unwrap();
        assert_eq!(feb29.in_year(2023).to_string(), "2023-02-28");
        assert_eq!(feb29.in_year(2024).to_string(), "2024-02-29");
    }

    #[test]
    fn vietnamese_dates_read_day_first() {
        assert_eq!(
            Date::parse("2022-01-25").unwrap().human(Lang::Vi),
            "25/01/2022"
        );
    }
}
