//! Publication times: RFC 3339 in, the newsroom's wall-clock time out.
//!
//! The reader sees the time in the newsroom's zone, which is the offset the backend
//! wrote, so no time-zone database is needed: the digits of the offset-local time are
//! shown as they are, with month names in the edition's language.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::logic::edition::Edition;

/// A valid RFC 3339 time, kept with the text it came from (for `<time datetime>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    raw: String,
    at: OffsetDateTime,
}

impl Timestamp {
    pub fn parse(raw: &str) -> Option<Timestamp> {
        let at = OffsetDateTime::parse(raw.trim(), &Rfc3339).ok()?;
        Some(Timestamp {
            raw: raw.trim().to_string(),
            at,
        })
    }

    /// Seconds since 1970, for ordering by recency.
    pub fn unix(&self) -> i64 {
        self.at.unix_timestamp()
    }

    /// The machine-readable form for `<time datetime>`.
    pub fn datetime(&self) -> &str {
        &self.raw
    }

    /// Date and time as the newsroom wrote them, e.g. "09 April 2025 12:58".
    pub fn display(&self, edition: Edition) -> String {
        format!(
            "{} {:02}:{:02}",
            self.date(edition),
            self.at.hour(),
            self.at.minute()
        )
    }

    /// The clock time alone, e.g. "12:58" (a live story's key events, all of one day or two).
    pub fn clock(&self) -> String {
        format!("{:02}:{:02}", self.at.hour(), self.at.minute())
    }

    /// The RFC 2822 form RSS asks for, e.g. "Wed, 09 Apr 2025 12:58:00 +0400".
    pub fn rfc2822(&self) -> String {
        const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let at = self.at;
        let offset = at.offset().whole_minutes();
        format!(
            "{}, {:02} {} {} {:02}:{:02}:{:02} {}{:02}{:02}",
            DAYS[usize::from(at.weekday().number_days_from_monday())],
            at.day(),
            MONTHS[usize::from(u8::from(at.month()) - 1)],
            at.year(),
            at.hour(),
            at.minute(),
            at.second(),
            if offset < 0 { '-' } else { '+' },
            offset.abs() / 60,
            offset.abs() % 60
        )
    }

    /// The date alone, e.g. "09 апреля 2025".
    pub fn date(&self, edition: Edition) -> String {
        let month = month_name(edition, u8::from(self.at.month()));
        format!("{:02} {} {}", self.at.day(), month, self.at.year())
    }
}

/// `unix` (seconds since 1970) as a W3C datetime in UTC, as sitemaps want it:
/// "2026-11-26T09:00:00Z".
pub fn w3c_utc(unix: i64) -> Option<String> {
    let at = OffsetDateTime::from_unix_timestamp(unix).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    ))
}

/// The year and month (UTC) of `unix`.
pub fn utc_month(unix: i64) -> Option<(i32, u8)> {
    let at = OffsetDateTime::from_unix_timestamp(unix).ok()?;
    Some((at.year(), u8::from(at.month())))
}

/// Month names in the form used after a day number (genitive in Russian and Armenian).
fn month_name(edition: Edition, month: u8) -> &'static str {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const HY: [&str; 12] = [
        "հունվարի",
        "փետրվարի",
        "մարտի",
        "ապրիլի",
        "մայիսի",
        "հունիսի",
        "հուլիսի",
        "օգոստոսի",
        "սեպտեմբերի",
        "հոկտեմբերի",
        "նոյեմբերի",
        "դեկտեմբերի",
    ];
    let names = match edition {
        Edition::En => &EN,
        Edition::Ru => &RU,
        Edition::Hy => &HY,
    };
    names[usize::from(month.clamp(1, 12) - 1)]
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Timestamp::parse(&raw).ok_or_else(|| serde::de::Error::custom("not an RFC 3339 time"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc2822_for_rss() {
        let t = Timestamp::parse("2025-04-09T12:58:07+04:00").unwrap();
        assert_eq!(t.rfc2822(), "Wed, 09 Apr 2025 12:58:07 +0400");
        let t = Timestamp::parse("2024-12-31T23:05:00-03:30").unwrap();
        assert_eq!(t.rfc2822(), "Tue, 31 Dec 2024 23:05:00 -0330");
    }

    use super::*;

    #[test]
    fn sitemap_times_are_utc() {
        let t = Timestamp::parse("2025-01-01T02:58:07+04:00")
            .unwrap()
            .unix();
        assert_eq!(w3c_utc(t).as_deref(), Some("2024-12-31T22:58:07Z"));
        assert_eq!(utc_month(t), Some((2024, 12)));
        assert_eq!(w3c_utc(i64::MAX), None);
    }

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).expect("valid time")
    }

    #[test]
    fn shows_the_newsrooms_wall_clock_in_three_languages() {
        let t = ts("2025-04-09T12:58:00+04:00");
        assert_eq!(t.display(Edition::En), "09 April 2025 12:58");
        assert_eq!(t.display(Edition::Ru), "09 апреля 2025 12:58");
        assert_eq!(t.display(Edition::Hy), "09 ապրիլի 2025 12:58");
    }

    #[test]
    fn keeps_the_offset_rather_than_converting_to_utc() {
        let t = ts("2025-12-31T23:30:00-05:00");
        assert_eq!(t.display(Edition::En), "31 December 2025 23:30");
        assert_eq!(t.datetime(), "2025-12-31T23:30:00-05:00");
        assert_eq!(ts("2026-01-01T04:30:00Z").at, t.at, "the same instant");
    }

    #[test]
    fn every_month_has_a_name_in_every_edition() {
        for e in Edition::ALL {
            for m in 1..=12u8 {
                assert!(!month_name(e, m).is_empty());
            }
        }
        assert_eq!(month_name(Edition::Ru, 5), "мая");
    }

    #[test]
    fn rejects_bad_times() {
        for bad in [
            "",
            "yesterday",
            "2025-04-09",
            "2025-04-09 12:58",
            "2025-04-09T12:58:00",
            "2025-13-09T12:58:00+04:00",
            "2025-02-30T12:58:00+04:00",
            "2025-04-09T25:58:00+04:00",
            "2025-04-09T12:58:00+99:00",
        ] {
            assert!(
                Timestamp::parse(bad).is_none(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn accepts_fractions_and_lowercase_separators() {
        assert!(Timestamp::parse("2025-04-09T12:58:00.123+04:00").is_some());
        assert!(Timestamp::parse("2025-04-09t12:58:00z").is_some());
    }
}
