//! Turning TOML values into the model's typed values, by the parameter's [`Kind`].

use toml::de::DeValue;

use super::error::nearest;
use crate::engine::SimTime;
use crate::model::registry::{Kind, Value, power_named};
use crate::model::{Dist, Power, Signatories, number_value};
use crate::time::{self, Zone, parse_date, parse_duration, parse_time, parse_time_of_day};

/// The earliest and latest instants a scenario may name.
const EARLIEST: &str = "1945-06-01T00:00:00Z";
const LATEST: &str = "1946-12-31T00:00:00Z";

/// A conversion failure: the message, a suggested value if one is close, and where
/// inside the value it lies (a byte offset, and the sub-key such as `max`).
pub(crate) struct Bad {
    pub message: String,
    pub suggestion: Option<String>,
    pub at: Option<(usize, String)>,
}

pub(crate) fn bad(message: impl Into<String>) -> Bad {
    Bad {
        message: message.into(),
        suggestion: None,
        at: None,
    }
}

impl Bad {
    fn inside(mut self, offset: usize, key: &str) -> Bad {
        if self.at.is_none() {
            self.at = Some((offset, key.to_string()));
        }
        self
    }
}

/// What a scenario says of one parameter: a value, or a distribution of values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Setting {
    Fixed(Value),
    Uncertain(Dist),
}

/// The distribution names, as scenarios spell them.
const DISTS: &[&str] = &[
    "uniform",
    "triangular",
    "normal",
    "lognormal",
    "choice",
    "bernoulli",
];

/// Converts a value or a `{ dist = ... }` table.
pub(crate) fn setting(kind: &Kind, v: &DeValue<'_>) -> Result<Setting, Bad> {
    match v {
        DeValue::Table(t) if t.get("dist").is_some() => dist(kind, t).map(Setting::Uncertain),
        _ => convert(kind, v).map(Setting::Fixed),
    }
}

/// A number in the parameter's unit: minutes for times and durations.
fn numeric(kind: &Kind, v: &DeValue<'_>) -> Result<f64, Bad> {
    match convert(kind, v)? {
        Value::Time(t) => Ok(t.minutes() as f64),
        Value::Duration(d) => Ok(d.as_minutes() as f64),
        Value::Number(x) => Ok(x),
        _ => Err(bad("expected a number, time or duration")),
    }
}

/// A spread (a standard deviation): a duration for times and durations, else a number.
fn spread(kind: &Kind, v: &DeValue<'_>) -> Result<f64, Bad> {
    let x = match kind {
        Kind::Time { .. } | Kind::TimeOrNever { .. } | Kind::Duration | Kind::Shift => {
            numeric(&Kind::Duration, v)?
        }
        _ => number(v)
            .ok_or_else(|| bad(format!("expected a positive number, found {}", found(v))))?,
    };
    if !(x.is_finite() && x > 0.0) {
        return Err(bad(format!(
            "expected a positive spread or step, found {}",
            found(v)
        )));
    }
    Ok(x)
}

fn dist(kind: &Kind, table: &toml::de::DeTable<'_>) -> Result<Dist, Bad> {
    let name_value = table.get("dist").map(|v| v.get_ref());
    let name = match name_value {
        Some(DeValue::String(s)) => s.to_string(),
        Some(other) => {
            return Err(bad(format!(
                "expected the name of a distribution, found {}",
                found(other)
            )));
        }
        None => return Err(bad("a distribution needs `dist`")),
    };
    let Some(name) = DISTS
        .iter()
        .find(|d| d.eq_ignore_ascii_case(name.trim()))
        .copied()
    else {
        let alias = match name.trim().to_lowercase().as_str() {
            "gaussian" | "gauss" => Some("normal"),
            "discrete" | "categorical" => Some("choice"),
            "bool" | "boolean" | "coin" => Some("bernoulli"),
            _ => None,
        };
        return Err(Bad {
            message: format!(
                "unknown distribution \"{name}\"; expected one of {}",
                DISTS.join(", ")
            ),
            suggestion: alias
                .or_else(|| nearest(&name, DISTS.iter().copied()))
                .map(|d| format!("\"{d}\"")),
            at: None,
        });
    };
    let allowed: &[&str] = match name {
        "uniform" => &["min", "max"],
        "triangular" => &["min", "mode", "max"],
        "normal" => &["mean", "sd", "min", "max"],
        "lognormal" => &["median", "sigma", "min", "max"],
        "choice" => &["values", "weights"],
        _ => &["p"],
    };
    for (k, v) in table.iter() {
        let key = k.get_ref().as_ref();
        if key != "dist" && !allowed.contains(&key) {
            return Err(Bad {
                message: format!(
                    "a {name} distribution takes {}; found `{key}`",
                    allowed.join(", ")
                ),
                suggestion: nearest(key, allowed.iter().copied()).map(|a| format!("`{a}`")),
                at: None,
            }
            .inside(v.span().start, key));
        }
    }
    let field = |key: &str| -> Result<&toml::Spanned<DeValue<'_>>, Bad> {
        table.get(key).ok_or_else(|| {
            bad(format!(
                "a {name} distribution needs `{key}` (it takes {})",
                allowed.join(", ")
            ))
        })
    };
    let num = |key: &str| -> Result<f64, Bad> {
        let v = field(key)?;
        numeric(kind, v.get_ref()).map_err(|b| b.inside(v.span().start, key))
    };
    let spread_of = |key: &str| -> Result<f64, Bad> {
        let v = field(key)?;
        spread(kind, v.get_ref()).map_err(|b| b.inside(v.span().start, key))
    };
    let numeric_kind = crate::model::accepts_numeric(kind);
    match name {
        "bernoulli" => {
            if *kind != Kind::Bool {
                return Err(bad(format!(
                    "a bernoulli distribution is for switches (true/false); this parameter takes {}",
                    kind.expected()
                )));
            }
            let v = field("p")?;
            match convert(&Kind::Probability, v.get_ref()) {
                Ok(Value::Number(p)) => Ok(Dist::Bernoulli { p }),
                Ok(_) => Err(bad("expected a probability")),
                Err(b) => Err(b.inside(v.span().start, "p")),
            }
        }
        "choice" => {
            if !choice_allowed(kind) {
                return Err(fixed_only(kind));
            }
            let values_v = field("values")?;
            let DeValue::Array(items) = values_v.get_ref() else {
                return Err(bad(format!(
                    "expected a list of values, found {}",
                    found(values_v.get_ref())
                ))
                .inside(values_v.span().start, "values"));
            };
            if items.is_empty() {
                return Err(bad("a choice needs at least one value")
                    .inside(values_v.span().start, "values"));
            }
            let mut values = Vec::with_capacity(items.len());
            for item in items.iter() {
                values.push(
                    convert(kind, item.get_ref())
                        .map_err(|b| b.inside(item.span().start, "values"))?,
                );
            }
            let weights = match table.get("weights") {
                None => vec![1.0; values.len()],
                Some(w) => {
                    let DeValue::Array(ws) = w.get_ref() else {
                        return Err(bad(format!(
                            "expected a list of weights, found {}",
                            found(w.get_ref())
                        ))
                        .inside(w.span().start, "weights"));
                    };
                    let ws: Vec<f64> = ws
                        .iter()
                        .map(|x| number(x.get_ref()).filter(|x| x.is_finite() && *x >= 0.0))
                        .collect::<Option<_>>()
                        .ok_or_else(|| {
                            bad("weights must be numbers of at least 0")
                                .inside(w.span().start, "weights")
                        })?;
                    if ws.len() != values.len() {
                        return Err(bad(format!(
                            "{} weights for {} values",
                            ws.len(),
                            values.len()
                        ))
                        .inside(w.span().start, "weights"));
                    }
                    let total: f64 = ws.iter().sum();
                    if !(total > 0.0 && total.is_finite()) {
                        return Err(bad("the weights must add up to a positive, finite number")
                            .inside(w.span().start, "weights"));
                    }
                    ws
                }
            };
            Ok(Dist::Choice { values, weights })
        }
        _ if !numeric_kind => Err(if choice_allowed(kind) {
            bad(format!(
                "a {name} distribution is for numbers, times and durations; for this parameter use {{ dist = \"choice\", values = [...] }}"
            ))
        } else {
            fixed_only(kind)
        }),
        "uniform" => {
            let (min, max) = (num("min")?, num("max")?);
            ordered(min, max)?;
            Ok(Dist::Uniform { min, max })
        }
        "triangular" => {
            let (min, mode, max) = (num("min")?, num("mode")?, num("max")?);
            ordered(min, max)?;
            if !(min..=max).contains(&mode) {
                return Err(bad("`mode` must lie between `min` and `max`")
                    .inside(field("mode")?.span().start, "mode"));
            }
            Ok(Dist::Triangular { min, mode, max })
        }
        "normal" => {
            let (mean, sd, min, max) = (num("mean")?, spread_of("sd")?, num("min")?, num("max")?);
            ordered(min, max)?;
            Ok(Dist::normal(mean, sd, min, max))
        }
        _ => {
            if matches!(kind, Kind::Time { .. } | Kind::TimeOrNever { .. }) {
                return Err(bad(
                    "a lognormal distribution is for durations and numbers, not times",
                ));
            }
            let median = num("median")?;
            if median <= 0.0 {
                return Err(bad("`median` must be greater than zero")
                    .inside(field("median")?.span().start, "median"));
            }
            let sigma_v = field("sigma")?;
            let sigma = spread(
                &Kind::Number {
                    min: 0.0,
                    max: 10.0,
                },
                sigma_v.get_ref(),
            )
            .map_err(|b| b.inside(sigma_v.span().start, "sigma"))?;
            let (lo, hi) = match kind {
                Kind::Number { min, max } => (*min, *max),
                Kind::Probability => (0.0, 1.0),
                _ => (0.0, f64::INFINITY),
            };
            let min = if table.get("min").is_some() {
                num("min")?
            } else {
                lo
            };
            let max = if table.get("max").is_some() {
                num("max")?
            } else {
                hi
            };
            ordered(min, max)?;
            Ok(Dist::lognormal(median, sigma, min, max))
        }
    }
}

fn ordered(min: f64, max: f64) -> Result<(), Bad> {
    if min > max {
        return Err(bad("`min` is greater than `max`"));
    }
    Ok(())
}

/// Parameters that shape the calendar (computed once per scenario) cannot vary by world.
fn choice_allowed(kind: &Kind) -> bool {
    !matches!(
        kind,
        Kind::ZonedTimeOfDay | Kind::DateList | Kind::TimeOfDayList
    )
}

fn fixed_only(kind: &Kind) -> Bad {
    bad(format!(
        "this parameter cannot be uncertain (it shapes the calendar, computed once per scenario); expected {}",
        kind.expected()
    ))
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
        DeValue::Integer(_) => integer(v).map(|x| x as f64),
        DeValue::Float(x) => x.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// A TOML integer (decimal, hex, octal or binary, with `_` separators), if it fits an i64.
pub(crate) fn integer(v: &DeValue<'_>) -> Option<i64> {
    let DeValue::Integer(i) = v else {
        return None;
    };
    let digits = i.as_str().replace('_', "");
    i64::from_str_radix(
        digits
            .trim_start_matches("0x")
            .trim_start_matches("0o")
            .trim_start_matches("0b"),
        i.radix(),
    )
    .ok()
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
            at: None,
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
        Kind::Shift => match v {
            DeValue::String(s) => parse_duration(s)
                .map(Value::Duration)
                .map_err(|e| bad(e.to_string())),
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
                    at: None,
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
                        at: None,
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
                at: None,
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
                        at: None,
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

/// Writes a distribution as the TOML inline table a scenario would use.
pub fn format_dist(kind: &Kind, dist: &Dist) -> String {
    let n = |x: f64| format_value(kind, &number_value(kind, x));
    let sd = |x: f64| match kind {
        Kind::Time { .. } | Kind::TimeOrNever { .. } | Kind::Duration | Kind::Shift => {
            format_value(&Kind::Duration, &number_value(&Kind::Duration, x))
        }
        _ => format!("{x}"),
    };
    match dist {
        Dist::Uniform { min, max } => format!(
            "{{ dist = \"uniform\", min = {}, max = {} }}",
            n(*min),
            n(*max)
        ),
        Dist::Triangular { min, mode, max } => format!(
            "{{ dist = \"triangular\", min = {}, mode = {}, max = {} }}",
            n(*min),
            n(*mode),
            n(*max)
        ),
        Dist::Normal {
            mean,
            sd: s,
            min,
            max,
            ..
        } => format!(
            "{{ dist = \"normal\", mean = {}, sd = {}, min = {}, max = {} }}",
            n(*mean),
            sd(*s),
            n(*min),
            n(*max)
        ),
        Dist::LogNormal {
            median,
            sigma,
            min,
            max,
            ..
        } => {
            let mut out = format!(
                "{{ dist = \"lognormal\", median = {}, sigma = {sigma}",
                n(*median)
            );
            if *min > 0.0 {
                out.push_str(&format!(", min = {}", n(*min)));
            }
            if max.is_finite() {
                out.push_str(&format!(", max = {}", n(*max)));
            }
            out + " }"
        }
        Dist::Choice { values, weights } => format!(
            "{{ dist = \"choice\", values = [{}], weights = [{}] }}",
            values
                .iter()
                .map(|v| format_value(kind, v))
                .collect::<Vec<_>>()
                .join(", "),
            weights
                .iter()
                .map(|w| format!("{w}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Dist::Bernoulli { p } => format!("{{ dist = \"bernoulli\", p = {p} }}"),
    }
}

/// The most values one sweep axis may hold.
pub(crate) const MAX_AXIS: usize = 1000;

/// The values of a sweep axis: a list of values, or `{ from, to, step }` for numbers,
/// times and durations (both ends included when the steps land on `to`).
pub(crate) fn axis(kind: &Kind, v: &DeValue<'_>) -> Result<Vec<Value>, Bad> {
    match v {
        DeValue::Array(items) => {
            if items.is_empty() {
                return Err(bad("a sweep axis needs at least one value"));
            }
            if items.len() > MAX_AXIS {
                return Err(bad(format!(
                    "a sweep axis holds at most {MAX_AXIS} values, found {}",
                    items.len()
                )));
            }
            items
                .iter()
                .map(|item| {
                    convert(kind, item.get_ref()).map_err(|b| b.inside(item.span().start, "values"))
                })
                .collect()
        }
        DeValue::Table(t) => {
            if !crate::model::accepts_numeric(kind) {
                return Err(bad(format!(
                    "{{ from, to, step }} is for numbers, times and durations; list this parameter's values instead: [{}]",
                    kind.expected()
                )));
            }
            for (k, item) in t.iter() {
                let key = k.get_ref().as_ref();
                if !["from", "to", "step"].contains(&key) {
                    return Err(Bad {
                        message: format!("a range takes from, to and step; found `{key}`"),
                        suggestion: nearest(key, ["from", "to", "step"]).map(|a| format!("`{a}`")),
                        at: None,
                    }
                    .inside(item.span().start, key));
                }
            }
            let get = |key: &str| {
                t.get(key).ok_or_else(|| {
                    bad(format!(
                        "a range needs `{key}` (it takes from, to and step)"
                    ))
                })
            };
            let from_v = get("from")?;
            let to_v = get("to")?;
            let step_v = get("step")?;
            let from = numeric(kind, from_v.get_ref())
                .map_err(|b| b.inside(from_v.span().start, "from"))?;
            let to =
                numeric(kind, to_v.get_ref()).map_err(|b| b.inside(to_v.span().start, "to"))?;
            let step = spread(kind, step_v.get_ref())
                .map_err(|b| b.inside(step_v.span().start, "step"))?;
            if from > to {
                return Err(bad("`from` is greater than `to`").inside(from_v.span().start, "from"));
            }
            let count = ((to - from) / step).floor() + 1.0;
            if !count.is_finite() || count > MAX_AXIS as f64 {
                return Err(bad(format!(
                    "this range has {count} values; a sweep axis holds at most {MAX_AXIS} (take a larger step)"
                ))
                .inside(step_v.span().start, "step"));
            }
            Ok((0..count as usize)
                .map(|i| number_value(kind, from + step * i as f64))
                .collect())
        }
        other => Err(bad(format!(
            "expected a list of values or {{ from = ..., to = ..., step = ... }}, found {}",
            found(other)
        ))),
    }
}
