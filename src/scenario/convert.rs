//! Turning TOML values into the model's typed values, by the parameter's [`Kind`].

use toml::de::DeValue;

use super::error::nearest;
use crate::engine::SimTime;
use crate::model::registry::{Kind, Value, power_named};
use crate::model::{Power, Signatories};
use crate::time::{self, Zone, parse_date, parse_duration, parse_time, parse_time_of_day};

/// The earliest and latest instants a scenario may name.
const EARLIEST: &str = "1945-06-01T00:00:00Z";
const LATEST: &str = "1946-12-31T00:00:00Z";

/// A conversion failure: the message, and a suggested value if one is close.
pub(crate) struct Bad {
    pub message: String,
    pub suggestion: Option<String>,
}

fn bad(message: impl Into<String>) -> Bad {
    Bad {
        message: message.into(),
        suggestion: None,
    }
}

/// A short description of what was found, for "expected X, found Y".
pub(crate) fn found(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("the string \"{s}\""),
        DeValue::Integer(i) => format!("the integer {}", i.as_str()),
        DeValue::Float(x) => format!("the number {}", x.as_str()),
        DeValue::Boolean(b) => format!("{b}"),
        DeValue::Datetime(d) => format!("the TOML date-time {d}"),
        DeValue::Array(_) => "a list".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

fn expected(kind: &Kind, v: &DeValue<'_>) -> Bad {
    bad(format!("expected {}, found {}", kind.expected(), found(v)))
}

fn number(v: &DeValue<'_>) -> Option<f64> {
    match v {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            i64::from_str_radix(
                digits
                    .trim_start_matches("0x")
                    .trim_start_matches("0o")
                    .trim_start_matches("0b"),
                i.radix(),
            )
            .ok()
            .map(|x| x as f64)
        }
        DeValue::Float(x) => x.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

fn in_range(t: SimTime) -> Result<SimTime, Bad> {
    let lo = parse_time(EARLIEST).unwrap_or(SimTime::ZERO);
    let hi = parse_time(LATEST).unwrap_or(SimTime::MAX);
    if t < lo || t > hi {
        return Err(bad(format!(
            "the time {} lies outside the simulated period, 1945-06-01 to 1946-12-31",
            time::format_utc(t)
        )));
    }
    Ok(t)
}

fn time_of(kind: &Kind, v: &DeValue<'_>) -> Result<SimTime, Bad> {
    let text = match v {
        DeValue::String(s) => s.to_string(),
        DeValue::Datetime(d) if d.offset.is_some() => d.to_string(),
        DeValue::Datetime(d) => {
            return Err(bad(format!(
                "the time {d} has no zone; write it as a string with its zone, e.g. \"1945-08-09 00:00 Transbaikal\""
            )));
        }
        other => return Err(expected(kind, other)),
    };
    let t = parse_time(&text).map_err(|e| match e {
        time::TimeError::UnknownZone { name, nearest } => Bad {
            message: format!("unknown time zone `{name}` in \"{text}\""),
            suggestion: nearest.map(|n| format!("`{n}`")),
        },
        other => bad(other.to_string()),
    })?;
    in_range(t)
}

fn string_list<'a>(kind: &Kind, v: &'a DeValue<'a>) -> Result<Vec<&'a str>, Bad> {
    let DeValue::Array(items) = v else {
        return Err(expected(kind, v));
    };
    items
        .iter()
        .map(|item| match item.get_ref() {
            DeValue::String(s) => Ok(s.as_ref()),
            other => Err(bad(format!(
                "expected {}, found a list holding {}",
                kind.expected(),
                found(other)
            ))),
        })
        .collect()
}

/// Converts a TOML value to the typed value a parameter of `kind` takes.
pub(crate) fn convert(kind: &Kind, v: &DeValue<'_>) -> Result<Value, Bad> {
    match kind {
        Kind::Time { .. } => time_of(kind, v).map(Value::Time),
        Kind::TimeOrNever { .. } => match v {
            DeValue::String(s) if s.trim().eq_ignore_ascii_case("never") => Ok(Value::Never),
            _ => time_of(kind, v).map(Value::Time),
        },
        Kind::Duration => match v {
            DeValue::String(s) => {
                let d = parse_duration(s).map_err(|e| bad(e.to_string()))?;
                if d.as_minutes() < 0 {
                    return Err(bad(format!("a duration cannot be negative, found \"{s}\"")));
                }
                Ok(Value::Duration(d))
            }
            DeValue::Integer(_) | DeValue::Float(_) => Err(bad(format!(
                "expected {}, found {} (a duration needs a unit)",
                kind.expected(),
                found(v)
            ))),
            other => Err(expected(kind, other)),
        },
        Kind::Number { min, max } => {
            let x = number(v).ok_or_else(|| expected(kind, v))?;
            if !x.is_finite() || x < *min || x > *max {
                return Err(bad(format!("expected {}, found {x}", kind.expected())));
            }
            Ok(Value::Number(x))
        }
        Kind::Probability => {
            let x = number(v).ok_or_else(|| expected(kind, v))?;
            if !(0.0..=1.0).contains(&x) {
                return Err(bad(format!(
                    "expected a probability from 0 to 1, found {x}"
                )));
            }
            Ok(Value::Number(x))
        }
        Kind::Bool => match v {
            DeValue::Boolean(b) => Ok(Value::Bool(*b)),
            other => Err(expected(kind, other)),
        },
        Kind::Choice(words) => match v {
            DeValue::String(s) => words
                .iter()
                .find(|w| w.eq_ignore_ascii_case(s.trim()))
                .map(|w| Value::Choice(w))
                .ok_or_else(|| Bad {
                    message: format!("expected {}, found \"{s}\"", kind.expected()),
                    suggestion: nearest(s, words.iter().copied()).map(|w| format!("\"{w}\"")),
                }),
            other => Err(expected(kind, other)),
        },
        Kind::Signatories => match v {
            DeValue::String(s) if s.trim().eq_ignore_ascii_case("auto") => {
                Ok(Value::Signatories(Signatories::Auto))
            }
            DeValue::Array(_) => {
                let mut powers: Vec<Power> = Vec::new();
                for name in string_list(kind, v)? {
                    let p = power_named(name).ok_or_else(|| Bad {
                        message: format!("unknown signatory \"{name}\"; expected \"US\", \"UK\", \"China\" or \"USSR\""),
                        suggestion: nearest(name, Power::ALL.iter().map(|p| p.name())).map(|n| format!("\"{n}\"")),
                    })?;
                    if powers.contains(&p) {
                        return Err(bad(format!("\"{}\" is listed twice", p.name())));
                    }
                    powers.push(p);
                }
                if !powers.contains(&Power::Us) {
                    return Err(bad(
                        "the US issues the ultimatum, so the list must include \"US\"",
                    ));
                }
                powers.sort();
                Ok(Value::Signatories(Signatories::Fixed(powers)))
            }
            DeValue::String(s) => Err(Bad {
                message: format!("expected {}, found \"{s}\"", kind.expected()),
                suggestion: Some(format!("[\"US\", \"UK\", \"China\", \"{s}\"]"))
                    .filter(|_| power_named(s).is_some()),
            }),
            other => Err(expected(kind, other)),
        },
        Kind::TimeList { .. } => {
            let DeValue::Array(items) = v else {
                return Err(expected(kind, v));
            };
            let mut times = Vec::with_capacity(items.len());
            for item in items.iter() {
                times.push(time_of(kind, item.get_ref())?);
            }
            if let Some(w) = times.windows(2).find(|w| w[1] < w[0]) {
                return Err(bad(format!(
                    "the times must be in ascending order, but {} comes after {}",
                    time::format_utc(w[1]),
                    time::format_utc(w[0])
                )));
            }
            Ok(Value::Times(times))
        }
        Kind::TimeOfDayList => {
            let items = string_list(kind, v)?;
            if items.is_empty() {
                return Err(bad(format!(
                    "expected {}, found an empty list",
                    kind.expected()
                )));
            }
            items
                .iter()
                .map(|s| parse_time_of_day(s).map_err(|e| bad(e.to_string())))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Integers)
        }
        Kind::DateList => string_list(kind, v)?
            .iter()
            .map(|s| {
                let d = parse_date(s).map_err(|e| bad(e.to_string()))?;
                let i = time::day_index(d);
                if !(0..=578).contains(&i) {
                    return Err(bad(format!(
                        "the date {s} lies outside the simulated period, 1945-06-01 to 1946-12-31"
                    )));
                }
                Ok(i)
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Integers),
        Kind::ZonedTimeOfDay => match v {
            DeValue::String(s) => {
                let (clock, zone) = s.trim().split_once(' ').ok_or_else(|| expected(kind, v))?;
                let minutes = parse_time_of_day(clock).map_err(|e| bad(e.to_string()))?;
                let zone = Zone::named(zone).map_err(|e| match e {
                    time::TimeError::UnknownZone { name, nearest } => Bad {
                        message: format!("unknown time zone `{name}`"),
                        suggestion: nearest.map(|n| format!("`{n}`")),
                    },
                    other => bad(other.to_string()),
                })?;
                Ok(Value::ZonedTimeOfDay(minutes, zone.name().to_string()))
            }
            other => Err(expected(kind, other)),
        },
    }
}

/// Writes a value as the TOML literal a scenario would use.
pub fn format_value(kind: &Kind, value: &Value) -> String {
    let quoted_time = |t: SimTime, zone: &str| match Zone::named(zone) {
        Ok(z) => format!("\"{} {}\"", z.format(t), zone),
        Err(_) => format!("\"{}\"", time::format_utc(t)),
    };
    let zone_of = |k: &Kind| match k {
        Kind::Time { zone } | Kind::TimeOrNever { zone } | Kind::TimeList { zone } => *zone,
        _ => "UTC",
    };
    let list = |items: Vec<String>| format!("[{}]", items.join(", "));
    match value {
        Value::Time(t) => quoted_time(*t, zone_of(kind)),
        Value::Never => "\"never\"".into(),
        Value::Duration(d) => format!("\"{d}\""),
        Value::Number(x) => {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{x:.1}")
            } else {
                format!("{x}")
            }
        }
        Value::Bool(b) => b.to_string(),
        Value::Choice(w) => format!("\"{w}\""),
        Value::Times(ts) => list(ts.iter().map(|t| quoted_time(*t, zone_of(kind))).collect()),
        Value::Integers(xs) => match kind {
            Kind::DateList => list(
                xs.iter()
                    .map(|i| {
                        time::date_of_index(*i)
                            .map_or_else(|| format!("{i}"), |d| format!("\"{d}\""))
                    })
                    .collect(),
            ),
            _ => list(
                xs.iter()
                    .map(|m| format!("\"{:02}:{:02}\"", m / 60, m % 60))
                    .collect(),
            ),
        },
        Value::Signatories(Signatories::Auto) => "\"auto\"".into(),
        Value::Signatories(Signatories::Fixed(ps)) => {
            list(ps.iter().map(|p| format!("\"{}\"", p.name())).collect())
        }
        Value::ZonedTimeOfDay(m, zone) => format!("\"{:02}:{:02} {zone}\"", m / 60, m % 60),
    }
}
