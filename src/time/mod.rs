//! Wall-clock time in 1945: parsing and printing times in the zones of the war.
//!
//! The simulation clock is [`SimTime`]: whole minutes since [`EPOCH`], 1945-06-01T00:00Z.
//! Every time a user writes or reads carries its zone. Zones come from the IANA time-zone
//! database (bundled into the binary, so every machine and the browser agree on 1945's
//! offsets), through the [`jiff`] library; the historians' place names of MODEL.md §1 are
//! aliases of IANA zones.
//!
//! ```
//! use endgame::time::{parse_time, format_utc};
//! let t = parse_time("1945-08-09 00:00 Transbaikal").unwrap();
//! assert_eq!(format_utc(t), "1945-08-08T15:00:00Z");
//! // Hiroshima, 08:15 Tokyo, was 02:15 in Moscow (the seed's "0:15" is an erratum).
//! let hiroshima = parse_time("1945-08-06 08:15 Tokyo").unwrap();
//! assert_eq!(endgame::time::Zone::named("Moscow").unwrap().format(hiroshima), "1945-08-06 02:15");
//! ```

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Span, SpanTotal, Timestamp, Unit};

pub use crate::engine::{SimDuration, SimTime};

/// The simulation's epoch, 1945-06-01T00:00Z, as seconds since the Unix epoch.
const EPOCH_UNIX_SECONDS: i64 = -775_872_000;

/// The epoch of [`SimTime`], written in RFC 3339.
pub const EPOCH: &str = "1945-06-01T00:00:00Z";

/// Historians' place names and the IANA zone each one stands for (MODEL.md §1).
pub const ALIASES: &[(&str, &str)] = &[
    ("Moscow", "Europe/Moscow"),
    ("Potsdam", "Europe/Berlin"),
    ("Berlin", "Europe/Berlin"),
    ("Transbaikal", "Asia/Chita"),
    ("Chita", "Asia/Chita"),
    ("Khabarovsk", "Asia/Vladivostok"),
    ("Vladivostok", "Asia/Vladivostok"),
    ("Tokyo", "Asia/Tokyo"),
    ("Hiroshima", "Asia/Tokyo"),
    ("Nagasaki", "Asia/Tokyo"),
    ("Tinian", "Pacific/Guam"),
    ("Guam", "Pacific/Guam"),
    ("Washington", "America/New_York"),
    ("Trinity", "America/Denver"),
    ("Los Alamos", "America/Denver"),
    ("UTC", "UTC"),
];

/// An error in a written time, duration or zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// The zone is neither an alias nor an IANA name.
    #[error("unknown time zone `{name}`{}", suggestion(.nearest))]
    UnknownZone {
        /// What was written.
        name: String,
        /// The closest known name, if any is close.
        nearest: Option<String>,
    },
    /// The text is not a time in a known form.
    #[error(
        "`{text}` is not a time: {reason}; write e.g. \"1945-08-09 00:00 Transbaikal\" or \"1945-08-08T15:00:00Z\""
    )]
    BadTime {
        /// What was written.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The text is not a duration.
    #[error("`{text}` is not a duration: write e.g. \"90m\", \"36h\", \"3d\" or \"2d 10h 5m\"")]
    BadDuration {
        /// What was written.
        text: String,
    },
    /// The text is not a time of day.
    #[error("`{text}` is not a time of day: write e.g. \"08:15\"")]
    BadTimeOfDay {
        /// What was written.
        text: String,
    },
    /// The text is not a calendar date.
    #[error("`{text}` is not a date: write e.g. \"1945-08-06\"")]
    BadDate {
        /// What was written.
        text: String,
    },
}

fn suggestion(nearest: &Option<String>) -> String {
    match nearest {
        Some(n) => format!("; did you mean `{n}`?"),
        None => String::new(),
    }
}

/// A time zone: an IANA zone, remembered under the name the user gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    name: String,
    tz: TimeZone,
}

impl Zone {
    /// Looks up an alias of MODEL.md §1 (case-insensitive) or an IANA zone name.
    ///
    /// # Errors
    /// [`TimeError::UnknownZone`], with the nearest known name.
    pub fn named(name: &str) -> Result<Zone, TimeError> {
        let trimmed = name.trim();
        if let Some((alias, iana)) = ALIASES
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(trimmed))
        {
            let tz = TimeZone::get(iana).map_err(|_| unknown_zone(trimmed))?;
            return Ok(Zone {
                name: (*alias).to_string(),
                tz,
            });
        }
        // IANA names are case-sensitive in the database; accept them as written.
        if trimmed.contains('/') || trimmed == "UTC" {
            if let Ok(tz) = TimeZone::get(trimmed) {
                return Ok(Zone {
                    name: trimmed.to_string(),
                    tz,
                });
            }
        }
        Err(unknown_zone(trimmed))
    }

    /// The name the zone was asked for by.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The IANA name of the zone.
    pub fn iana_name(&self) -> &str {
        self.tz.iana_name().unwrap_or("UTC")
    }

    /// The local date and time at `t`, as `YYYY-MM-DD HH:MM`.
    pub fn format(&self, t: SimTime) -> String {
        self.local(t).strftime("%Y-%m-%d %H:%M").to_string()
    }

    /// The zone's offset from UTC at `t`, as `UTC+9`, `UTC-4` or `UTC+5:30`.
    pub fn offset_label(&self, t: SimTime) -> String {
        let secs = self.tz.to_offset(to_timestamp(t)).seconds();
        let sign = if secs < 0 { '-' } else { '+' };
        let (h, m) = (secs.abs() / 3600, (secs.abs() % 3600) / 60);
        if m == 0 {
            format!("UTC{sign}{h}")
        } else {
            format!("UTC{sign}{h}:{m:02}")
        }
    }

    /// The local calendar date at `t`.
    pub fn date(&self, t: SimTime) -> Date {
        self.local(t).date()
    }

    fn local(&self, t: SimTime) -> DateTime {
        self.tz.to_datetime(to_timestamp(t))
    }

    /// The instant of a local date and time in this zone. A time skipped by a clock change
    /// is moved forward; a repeated one takes the earlier instant.
    ///
    /// # Errors
    /// [`TimeError::BadTime`] for a date outside the representable range.
    pub fn at(&self, dt: DateTime) -> Result<SimTime, TimeError> {
        let ts = self
            .tz
            .to_ambiguous_timestamp(dt)
            .compatible()
            .map_err(|e| TimeError::BadTime {
                text: dt.to_string(),
                reason: e.to_string(),
            })?;
        Ok(from_timestamp(ts))
    }

    /// The instants of `time_of_day` (minutes after local midnight) in this zone, on each
    /// of `days` local days starting at `first`.
    pub fn daily(&self, first: Date, days: usize, minutes_after_midnight: i64) -> Vec<SimTime> {
        let mut out = Vec::with_capacity(days);
        let mut date = first;
        for _ in 0..days {
            let midnight = date.to_datetime(jiff::civil::Time::midnight());
            let t = match self.at(midnight) {
                Ok(t) => t + SimDuration::minutes(minutes_after_midnight),
                Err(_) => break,
            };
            out.push(t);
            date = match date.tomorrow() {
                Ok(d) => d,
                Err(_) => break,
            };
        }
        out
    }
}

fn unknown_zone(name: &str) -> TimeError {
    let nearest = ALIASES
        .iter()
        .flat_map(|(a, i)| [*a, *i])
        .map(|cand| {
            (
                strsim::jaro_winkler(&cand.to_lowercase(), &name.to_lowercase()),
                cand,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string());
    TimeError::UnknownZone {
        name: name.to_string(),
        nearest,
    }
}

fn to_timestamp(t: SimTime) -> Timestamp {
    let secs = EPOCH_UNIX_SECONDS.saturating_add(t.minutes().saturating_mul(60));
    Timestamp::from_second(secs).unwrap_or(if secs < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

fn from_timestamp(ts: Timestamp) -> SimTime {
    // Floor to the minute, so 08:15:59 is 08:15.
    SimTime::from_minutes((ts.as_second() - EPOCH_UNIX_SECONDS).div_euclid(60))
}

/// Parses a time: `"YYYY-MM-DD HH:MM Zone"` (an alias of MODEL.md §1 or an IANA name),
/// `"YYYY-MM-DD Zone"` (local midnight), or RFC 3339 with an offset or `Z`.
///
/// # Errors
/// [`TimeError::BadTime`] or [`TimeError::UnknownZone`].
pub fn parse_time(text: &str) -> Result<SimTime, TimeError> {
    let s = text.trim();
    if let Ok(ts) = s.parse::<Timestamp>() {
        return Ok(from_timestamp(ts));
    }
    let bad = |reason: &str| TimeError::BadTime {
        text: s.to_string(),
        reason: reason.to_string(),
    };
    let mut parts = s.splitn(2, ' ');
    let date_text = parts.next().unwrap_or_default();
    let rest = parts.next().unwrap_or_default().trim();
    let date: Date = date_text.parse().map_err(|_| {
        if date_text.len() == 10 && date_text.as_bytes()[4] == b'-' {
            bad(&format!("`{date_text}` is not a valid date"))
        } else {
            bad("it does not start with a date YYYY-MM-DD")
        }
    })?;
    if rest.is_empty() {
        return Err(bad("it names no time zone"));
    }
    let (clock, zone_text) = match rest.split_once(' ') {
        Some((first, zone)) if first.contains(':') => (Some(first), zone.trim()),
        _ if rest.contains(':') && !rest.contains('/') => (Some(rest), ""),
        _ => (None, rest),
    };
    if zone_text.is_empty() {
        return Err(bad(
            "it names no time zone (add one, e.g. \"Tokyo\" or \"UTC\")",
        ));
    }
    let minutes = match clock {
        Some(c) => {
            parse_time_of_day(c).map_err(|_| bad(&format!("`{c}` is not a time of day HH:MM")))?
        }
        None => 0,
    };
    let zone = Zone::named(zone_text)?;
    let midnight = date.to_datetime(jiff::civil::Time::midnight());
    Ok(zone.at(midnight)? + SimDuration::minutes(minutes))
}

/// Parses a time of day `HH:MM` into minutes after midnight [min].
///
/// # Errors
/// [`TimeError::BadTimeOfDay`].
pub fn parse_time_of_day(text: &str) -> Result<i64, TimeError> {
    let bad = || TimeError::BadTimeOfDay {
        text: text.to_string(),
    };
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (i64, i64) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// Parses a calendar date `YYYY-MM-DD`.
///
/// # Errors
/// [`TimeError::BadDate`].
pub fn parse_date(text: &str) -> Result<Date, TimeError> {
    text.trim().parse().map_err(|_| TimeError::BadDate {
        text: text.to_string(),
    })
}

/// Parses a duration: `"90m"`, `"36h"`, `"3d"`, `"2d 10h 5m"` (a day is 24 hours), or
/// ISO 8601 (`"PT36H"`).
///
/// # Errors
/// [`TimeError::BadDuration`].
pub fn parse_duration(text: &str) -> Result<SimDuration, TimeError> {
    let bad = || TimeError::BadDuration {
        text: text.to_string(),
    };
    let span: Span = text.trim().parse().map_err(|_| bad())?;
    let total = span
        .total(SpanTotal::from(Unit::Minute).days_are_24_hours())
        .map_err(|_| bad())?;
    if !total.is_finite() || total.fract() != 0.0 || total.abs() > 1e12 {
        return Err(bad());
    }
    Ok(SimDuration::minutes(total as i64))
}

/// Formats an instant as RFC 3339 in UTC, e.g. `1945-08-08T15:00:00Z`.
pub fn format_utc(t: SimTime) -> String {
    to_timestamp(t).strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The days since the epoch's date (1945-06-01) of a calendar date; negative before it.
pub fn day_index(date: Date) -> i64 {
    let epoch_date = Date::constant(1945, 6, 1);
    i64::from((date - epoch_date).get_days())
}

/// The calendar date of a day index (the inverse of [`day_index`]).
pub fn date_of_index(index: i64) -> Option<Date> {
    Date::constant(1945, 6, 1)
        .checked_add(Span::new().try_days(index).ok()?)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_first_of_june_utc() {
        assert_eq!(format_utc(SimTime::ZERO), "1945-06-01T00:00:00Z");
        assert_eq!(parse_time(EPOCH), Ok(SimTime::ZERO));
    }

    #[test]
    fn zones_carry_1945_offsets() {
        let cases = [
            ("1945-08-09 00:00 Transbaikal", "1945-08-08T15:00:00Z"),
            ("1945-08-08 18:00 Moscow", "1945-08-08T15:00:00Z"),
            ("1945-07-26 21:20 Potsdam", "1945-07-26T18:20:00Z"),
            ("1945-08-09 00:00 Khabarovsk", "1945-08-08T14:00:00Z"),
            ("1945-07-31 12:00 Tinian", "1945-07-31T02:00:00Z"),
            ("1945-08-10 07:33 Washington", "1945-08-10T11:33:00Z"),
            ("1945-07-16 05:30 Trinity", "1945-07-16T11:30:00Z"),
            ("1945-08-06 08:15 Asia/Tokyo", "1945-08-05T23:15:00Z"),
        ];
        for (local, utc) in cases {
            assert_eq!(format_utc(parse_time(local).unwrap()), utc, "{local}");
        }
    }

    #[test]
    fn rfc3339_and_midnight_forms() {
        assert_eq!(
            parse_time("1945-08-06T08:15:00+09:00").unwrap(),
            parse_time("1945-08-06 08:15 Tokyo").unwrap()
        );
        assert_eq!(
            parse_time("1945-08-14 Moscow").unwrap(),
            parse_time("1945-08-14 00:00 Moscow").unwrap()
        );
    }

    #[test]
    fn bad_times_say_why() {
        assert!(matches!(
            parse_time("1945-08-06 08:15"),
            Err(TimeError::BadTime { .. })
        ));
        assert!(matches!(
            parse_time("1945-13-06 08:15 Tokyo"),
            Err(TimeError::BadTime { .. })
        ));
        assert!(matches!(
            parse_time("1945-08-06 25:15 Tokyo"),
            Err(TimeError::BadTime { .. })
        ));
        match parse_time("1945-08-06 08:15 Tokio") {
            Err(TimeError::UnknownZone { nearest, .. }) => {
                assert_eq!(nearest.as_deref(), Some("Tokyo"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90m"), Ok(SimDuration::minutes(90)));
        assert_eq!(parse_duration("36h"), Ok(SimDuration::hours(36)));
        assert_eq!(parse_duration("3d"), Ok(SimDuration::days(3)));
        assert_eq!(
            parse_duration("2d 10h 5m"),
            Ok(SimDuration::days(2) + SimDuration::hours(10) + SimDuration::minutes(5))
        );
        assert!(parse_duration("three days").is_err());
        assert_eq!(SimDuration::minutes(3485).to_string(), "2d10h5m");
    }

    #[test]
    fn day_indices_round_trip() {
        let d = parse_date("1945-08-06").unwrap();
        assert_eq!(day_index(d), 66);
        assert_eq!(date_of_index(66), Some(d));
    }
}
