//! What a world reports (MODEL.md §4).

use crate::engine::SimTime;

/// The shock that took Japan's margin (pressure - threshold) from below zero to zero or above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shock {
    /// The slow growth of blockade, fire raids and hunger (no single event).
    Background,
    /// Hearing the ultimatum (its terms, or a Soviet signature on it).
    Ultimatum,
    /// An atomic strike (the k-th, 1-based).
    AtomicBomb(u32),
    /// The Soviet attack.
    SovietEntry,
    /// Moscow's refusal to mediate.
    MediationRefused,
}

impl Shock {
    /// A short name for tables and files: `background`, `ultimatum`, `atomic_bomb_1`, ...
    pub fn name(self) -> String {
        match self {
            Shock::Background => "background".into(),
            Shock::Ultimatum => "ultimatum".into(),
            Shock::AtomicBomb(k) => format!("atomic_bomb_{k}"),
            Shock::SovietEntry => "soviet_entry".into(),
            Shock::MediationRefused => "mediation_refused".into(),
        }
    }

    /// The shock in words.
    pub fn label(self) -> String {
        match self {
            Shock::Background => "the mounting blockade and air raids".into(),
            Shock::Ultimatum => "the ultimatum".into(),
            Shock::AtomicBomb(1) => "the first atomic strike".into(),
            Shock::AtomicBomb(k) => format!("atomic strike no. {k}"),
            Shock::SovietEntry => "the Soviet attack".into(),
            Shock::MediationRefused => "Moscow's refusal to mediate".into(),
        }
    }
}

/// A territory the USSR may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Territory {
    /// Manchuria.
    Manchuria,
    /// Korea north of the 38th parallel.
    NorthKorea,
    /// Southern Sakhalin.
    SouthSakhalin,
    /// The Kuril Islands.
    Kurils,
    /// Hokkaido (its northern half).
    Hokkaido,
}

impl Territory {
    /// All territories, in file order.
    pub const ALL: [Territory; 5] = [
        Territory::Manchuria,
        Territory::NorthKorea,
        Territory::SouthSakhalin,
        Territory::Kurils,
        Territory::Hokkaido,
    ];

    /// The id used in files: `manchuria`, `north_korea`, ...
    pub fn name(self) -> &'static str {
        match self {
            Territory::Manchuria => "manchuria",
            Territory::NorthKorea => "north_korea",
            Territory::SouthSakhalin => "south_sakhalin",
            Territory::Kurils => "kurils",
            Territory::Hokkaido => "hokkaido",
        }
    }

    /// The territory in words.
    pub fn label(self) -> &'static str {
        match self {
            Territory::Manchuria => "Manchuria",
            Territory::NorthKorea => "north Korea",
            Territory::SouthSakhalin => "south Sakhalin",
            Territory::Kurils => "the Kuril Islands",
            Territory::Hokkaido => "northern Hokkaido",
        }
    }

    /// Where the operation's local time is told.
    pub fn place(self) -> &'static str {
        match self {
            Territory::Manchuria | Territory::NorthKorea => "Transbaikal",
            _ => "Tokyo",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of territories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Territories(u8);

impl Territories {
    /// Adds a territory.
    pub fn insert(&mut self, t: Territory) {
        self.0 |= t.bit();
    }

    /// Whether it holds `t`.
    pub fn contains(self, t: Territory) -> bool {
        self.0 & t.bit() != 0
    }

    /// How many it holds.
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// Whether it is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The territories held, in [`Territory::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Territory> {
        Territory::ALL
            .into_iter()
            .filter(move |t| self.contains(*t))
    }
}

/// How a world ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ending {
    /// Japan signed the formal surrender.
    Surrender,
    /// X-day came first: Operation Olympic, the invasion.
    Invasion,
    /// The engine's safety horizon came first (acceptance without formal surrender).
    Unfinished,
    /// The rules fed each other without end at one instant (e.g. zero delays with an
    /// Emperor who never decides); the world was stopped.
    Stalled,
}

impl Ending {
    /// The id used in files.
    pub fn name(self) -> &'static str {
        match self {
            Ending::Surrender => "surrender",
            Ending::Invasion => "invasion",
            Ending::Unfinished => "unfinished",
            Ending::Stalled => "stalled",
        }
    }
}

/// The outcome of one world.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldOutcome {
    /// Japan's first offer (a conditional offer, or an unconditional acceptance).
    pub first_offer: Option<SimTime>,
    /// The final acceptance (not reversed by a coup).
    pub acceptance: Option<SimTime>,
    /// The Emperor's broadcast.
    pub broadcast: Option<SimTime>,
    /// The formal surrender.
    pub formal_surrender: Option<SimTime>,
    /// H-hour of the Soviet attack.
    pub soviet_entry: Option<SimTime>,
    /// The atomic strikes, in order.
    pub strikes: Vec<SimTime>,
    /// The shock that brought Japan to the decision that ended in acceptance.
    pub decisive: Option<Shock>,
    /// Territories the USSR took before its operations stopped.
    pub territories: Territories,
    /// How the world ended.
    pub ending: Ending,
}

impl WorldOutcome {
    /// Whether the USSR entered the war before Japan's final acceptance (or entered and
    /// Japan never accepted).
    pub fn entry_before_acceptance(&self) -> bool {
        match (self.soviet_entry, self.acceptance) {
            (Some(e), Some(a)) => e < a,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// How many atomic bombs were dropped.
    pub fn bombs_dropped(&self) -> usize {
        self.strikes.len()
    }

    /// The first atomic strike.
    pub fn first_strike(&self) -> Option<SimTime> {
        self.strikes.first().copied()
    }
}
