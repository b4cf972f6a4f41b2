//! The days of a world, computed once per scenario: Tokyo midnights (for the weather and
//! the strikes' local times) and the Soviet H-hour grid. Precomputing them keeps time-zone
//! arithmetic out of the per-world hot path.

use super::params::Params;
use crate::engine::SimTime;
use crate::time::{TimeError, Zone, date_of_index};

/// Days covered, from 1945-05-31: past any X-day a scenario may set (the end of 1946).
const DAYS: usize = 600;
/// The day index of the calendar's first day (1945-05-31).
const FIRST_DAY: i64 = -1;

/// Tokyo calendar days, the H-hour grid, and the fixed weather.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    tokyo_midnights: Vec<SimTime>,
    h_hours: Vec<SimTime>,
    /// Fixed weather by day: `Some(true)` clear, `Some(false)` overcast.
    weather: Vec<Option<bool>>,
}

impl Calendar {
    /// Builds the calendar of a scenario's parameters.
    ///
    /// # Errors
    /// [`TimeError::UnknownZone`] if `ussr.h_hour` names an unknown zone.
    pub fn new(p: &Params) -> Result<Calendar, TimeError> {
        let first = date_of_index(FIRST_DAY).ok_or_else(|| TimeError::BadDate {
            text: "1945-05-31".into(),
        })?;
        let tokyo = Zone::named("Tokyo")?;
        let h_zone = Zone::named(&p.ussr.h_hour_zone)?;
        let mut weather = vec![None; DAYS];
        for (days, clear) in [
            (&p.usa.weather.clear, true),
            (&p.usa.weather.overcast, false),
        ] {
            for &d in days {
                if let Some(slot) = usize::try_from(d - FIRST_DAY)
                    .ok()
                    .and_then(|i| weather.get_mut(i))
                {
                    *slot = Some(clear);
                }
            }
        }
        Ok(Calendar {
            tokyo_midnights: tokyo.daily(first, DAYS, 0),
            h_hours: h_zone.daily(first, DAYS, p.ussr.h_hour_minute),
            weather,
        })
    }

    /// The Tokyo day index (days since 1945-06-01) of the instant `t`.
    pub fn tokyo_day(&self, t: SimTime) -> i64 {
        FIRST_DAY + self.tokyo_midnights.partition_point(|m| *m <= t) as i64 - 1
    }

    /// Tokyo midnight opening day `day`, if the calendar covers it.
    pub fn tokyo_midnight(&self, day: i64) -> Option<SimTime> {
        usize::try_from(day - FIRST_DAY)
            .ok()
            .and_then(|i| self.tokyo_midnights.get(i))
            .copied()
    }

    /// The first H-hour strictly after `t`.
    pub fn h_hour_after(&self, t: SimTime) -> Option<SimTime> {
        let i = self.h_hours.partition_point(|h| *h <= t);
        self.h_hours.get(i).copied()
    }

    /// The fixed weather of a day, if the scenario fixes it.
    pub fn fixed_weather(&self, day: i64) -> Option<bool> {
        usize::try_from(day - FIRST_DAY)
            .ok()
            .and_then(|i| self.weather.get(i))
            .copied()
            .flatten()
    }

    /// The last day the calendar covers.
    pub fn last_day(&self) -> i64 {
        FIRST_DAY + DAYS as i64 - 1
    }
}
