//! A world's timeline: one event a line, in the actor's own zone and in UTC.

use serde::Serialize;

use crate::model::{Ending, Happening, WorldOutcome};
use crate::time::{Zone, format_utc};

/// One line of a JSONL trace.
#[derive(Debug, Serialize)]
pub struct TraceLine<'a> {
    /// The instant, RFC 3339 in UTC.
    pub utc: String,
    /// The event id (MODEL.md §2).
    pub id: &'a str,
    /// The ordinal for repeated ids (bomb k, sacred decision k).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// Who acts.
    pub actor: &'a str,
    /// The place whose local time is given.
    pub place: &'a str,
    /// The IANA zone of that place.
    pub zone: String,
    /// The local time, RFC 3339 with the zone's offset.
    pub local: String,
    /// What happened, in words.
    pub text: String,
    /// The source mark.
    pub source: &'a str,
}

fn zone_of(h: &Happening) -> Option<Zone> {
    Zone::named(h.place()).ok()
}

/// The JSONL record of a happening.
pub fn line(h: &Happening) -> TraceLine<'static> {
    let zone = zone_of(h);
    let local = zone.as_ref().map_or_else(
        || format_utc(h.at),
        |z| {
            let offset = z.offset_label(h.at).replace("UTC", "");
            let (sign, rest) = offset.split_at(1.min(offset.len()));
            let hm = match rest.split_once(':') {
                Some((hh, mm)) => format!("{:0>2}:{mm}", hh),
                None => format!("{rest:0>2}:00"),
            };
            format!("{}:00{sign}{hm}", z.format(h.at).replace(' ', "T"))
        },
    );
    TraceLine {
        utc: format_utc(h.at),
        id: h.id(),
        n: h.n(),
        actor: h.actor().name(),
        place: h.place(),
        zone: zone.as_ref().map_or("UTC", |z| z.iana_name()).to_string(),
        local,
        text: h.text(),
        source: h.source(),
    }
}

/// The text line of a happening.
pub fn text_line(h: &Happening) -> String {
    let (local, offset) = zone_of(h).map_or_else(
        || (format_utc(h.at), String::new()),
        |z| {
            (
                format!("{} {}", z.format(h.at), h.place()),
                z.offset_label(h.at),
            )
        },
    );
    let utc = format_utc(h.at);
    let utc = utc.trim_end_matches(":00Z");
    let id = match h.n() {
        Some(n) => format!("{} #{n}", h.id()),
        None => h.id().to_string(),
    };
    format!(
        "{local:<29} {offset:<6} {utc}Z  {:<6} {id:<26} {}  [{}]",
        h.actor().name(),
        h.text(),
        h.source()
    )
}

/// A closing summary of a world's outcome, in words.
pub fn summary(o: &WorldOutcome) -> Vec<String> {
    let tokyo = |t: Option<crate::engine::SimTime>| {
        t.map_or_else(
            || "none".to_string(),
            |t| {
                Zone::named("Tokyo")
                    .map_or_else(|_| format_utc(t), |z| format!("{} Tokyo", z.format(t)))
            },
        )
    };
    let ending = match o.ending {
        Ending::Surrender => "formal surrender",
        Ending::Invasion => "invasion: X-day came before Japan accepted",
        Ending::Unfinished => {
            "unfinished: Japan accepted, but the formal surrender lies beyond the horizon"
        }
        Ending::Stalled => {
            "stalled: the rules fed each other without time moving on (check for zero delays)"
        }
    };
    let territories: Vec<&str> = o.territories.iter().map(|t| t.name()).collect();
    vec![
        format!("ending:                      {ending}"),
        format!("first offer:                 {}", tokyo(o.first_offer)),
        format!("final acceptance:            {}", tokyo(o.acceptance)),
        format!("broadcast:                   {}", tokyo(o.broadcast)),
        format!("formal surrender:            {}", tokyo(o.formal_surrender)),
        format!("Soviet entry (H-hour):       {}", tokyo(o.soviet_entry)),
        format!(
            "entry before acceptance:     {}",
            if o.entry_before_acceptance() {
                "yes"
            } else {
                "no"
            }
        ),
        format!("atomic bombs dropped:        {}", o.bombs_dropped()),
        format!(
            "decisive shock:              {}",
            o.decisive.map_or_else(|| "none".to_string(), |s| s.name())
        ),
        format!(
            "territories taken by USSR:   {}",
            if territories.is_empty() {
                "none".to_string()
            } else {
                territories.join(", ")
            }
        ),
    ]
}
