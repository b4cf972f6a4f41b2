//! Integer simulated time.

use std::fmt;
use std::ops::{Add, AddAssign, Sub};

/// A point in simulated time: whole minutes since the simulation's epoch.
///
/// The engine gives the epoch no meaning; the model fixes it (for Endgame,
/// 1945-06-01T00:00Z).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SimTime(i64);

/// A span of simulated time [minutes]; may be negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SimDuration(i64);

impl SimTime {
    /// The epoch.
    pub const ZERO: SimTime = SimTime(0);
    /// The latest representable time.
    pub const MAX: SimTime = SimTime(i64::MAX);

    /// The time `minutes` [min] after the epoch.
    pub const fn from_minutes(minutes: i64) -> Self {
        SimTime(minutes)
    }

    /// Minutes since the epoch [min].
    pub const fn minutes(self) -> i64 {
        self.0
    }

    /// `self + d`, or `None` on overflow.
    pub fn checked_add(self, d: SimDuration) -> Option<SimTime> {
        self.0.checked_add(d.0).map(SimTime)
    }

    /// `self + d`, saturating at the ends of the representable range.
    pub fn saturating_add(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_add(d.0))
    }
}

impl SimDuration {
    /// No time.
    pub const ZERO: SimDuration = SimDuration(0);

    /// A duration of `m` [min].
    pub const fn minutes(m: i64) -> Self {
        SimDuration(m)
    }

    /// A duration of `h` [h].
    pub const fn hours(h: i64) -> Self {
        SimDuration(h * 60)
    }

    /// A duration of `d` [d] of 24 hours.
    pub const fn days(d: i64) -> Self {
        SimDuration(d * 24 * 60)
    }

    /// The length [min].
    pub const fn as_minutes(self) -> i64 {
        self.0
    }

    /// The length in days [d], as a float for rates.
    pub fn as_days_f64(self) -> f64 {
        self.0 as f64 / (24.0 * 60.0)
    }
}

impl Add<SimDuration> for SimTime {
    type Output = SimTime;
    fn add(self, d: SimDuration) -> SimTime {
        self.saturating_add(d)
    }
}

impl AddAssign<SimDuration> for SimTime {
    fn add_assign(&mut self, d: SimDuration) {
        *self = *self + d;
    }
}

impl Sub<SimDuration> for SimTime {
    type Output = SimTime;
    fn sub(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_sub(d.0))
    }
}

impl Sub for SimTime {
    type Output = SimDuration;
    fn sub(self, other: SimTime) -> SimDuration {
        SimDuration(self.0.saturating_sub(other.0))
    }
}

impl Add for SimDuration {
    type Output = SimDuration;
    fn add(self, o: SimDuration) -> SimDuration {
        SimDuration(self.0.saturating_add(o.0))
    }
}

impl fmt::Display for SimDuration {
    /// Writes the duration as days, hours and minutes, e.g. `2d10h5m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = self.0;
        if m == 0 {
            return f.write_str("0m");
        }
        if m < 0 {
            f.write_str("-")?;
            m = -m;
        }
        let (d, h, mm) = (m / 1440, (m % 1440) / 60, m % 60);
        if d > 0 {
            write!(f, "{d}d")?;
        }
        if h > 0 {
            write!(f, "{h}h")?;
        }
        if mm > 0 {
            write!(f, "{mm}m")?;
        }
        Ok(())
    }
}
