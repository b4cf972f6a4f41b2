//! The historical timeline of MODEL.md §2, row by row, from `scenarios/historical.toml`.

use endgame::model::{DdayTrigger, Shock, Territory, What};

use crate::support::{historical, local};

/// How precisely a row is pinned: §2 gives a clock time for some rows, a date for others.
#[derive(Clone, Copy)]
enum At {
    Minute(&'static str),
    Day(&'static str),
}

/// (id, which occurrence, local time, zone) for every row of MODEL.md §2.
const ROWS: &[(&str, usize, At, &str)] = &[
    ("jp_mediation_requested", 0, At::Day("1945-07-13"), "Moscow"),
    ("us_trinity", 0, At::Minute("1945-07-16 05:30"), "Trinity"),
    ("us_drop_order", 0, At::Day("1945-07-25"), "Washington"),
    (
        "potsdam_proclamation",
        0,
        At::Minute("1945-07-26 21:20"),
        "Potsdam",
    ),
    ("jp_suspends_judgment", 0, At::Day("1945-07-28"), "Tokyo"),
    ("ussr_dday_set", 0, At::Day("1945-07-30"), "Moscow"),
    ("us_bomb_ready", 0, At::Day("1945-07-31"), "Tinian"),
    ("ussr_fronts_ready", 0, At::Day("1945-08-05"), "Transbaikal"),
    (
        "us_atomic_strike",
        0,
        At::Minute("1945-08-06 08:15"),
        "Tokyo",
    ),
    ("jp_seeks_moscow_answer", 0, At::Day("1945-08-07"), "Moscow"),
    ("ussr_dday_set", 1, At::Minute("1945-08-07 16:30"), "Moscow"),
    (
        "ussr_declares_war",
        0,
        At::Minute("1945-08-08 17:00"),
        "Moscow",
    ),
    (
        "ussr_attack",
        0,
        At::Minute("1945-08-09 00:00"),
        "Transbaikal",
    ),
    ("jp_mediation_hope_ends", 0, At::Day("1945-08-09"), "Tokyo"),
    (
        "jp_big_six_convenes",
        0,
        At::Minute("1945-08-09 10:30"),
        "Tokyo",
    ),
    (
        "us_atomic_strike",
        1,
        At::Minute("1945-08-09 11:02"),
        "Tokyo",
    ),
    ("jp_seidan", 0, At::Minute("1945-08-10 02:30"), "Tokyo"),
    ("jp_offer", 0, At::Minute("1945-08-10 07:00"), "Tokyo"),
    ("us_halts_atomic", 0, At::Day("1945-08-10"), "Washington"),
    ("us_reply", 0, At::Day("1945-08-11"), "Washington"),
    ("jp_seidan", 1, At::Minute("1945-08-14 10:50"), "Tokyo"),
    ("cn_treaty", 0, At::Day("1945-08-14"), "Moscow"),
    ("jp_accepts", 0, At::Minute("1945-08-14 23:00"), "Tokyo"),
    (
        "jp_coup_attempt",
        0,
        At::Minute("1945-08-15 00:00"),
        "Tokyo",
    ),
    ("jp_broadcast", 0, At::Minute("1945-08-15 12:00"), "Tokyo"),
    (
        "ussr_hokkaido_cancelled",
        0,
        At::Day("1945-08-22"),
        "Moscow",
    ),
    (
        "formal_surrender",
        0,
        At::Minute("1945-09-02 09:00"),
        "Tokyo",
    ),
];

#[test]
fn every_row_of_the_historical_timeline() {
    let run = historical(&[]);
    for &(id, k, at, zone) in ROWS {
        let events = run.all(id);
        let h = events
            .get(k)
            .unwrap_or_else(|| panic!("`{id}` #{} missing: found {}", k + 1, events.len()));
        let got = local(h, zone);
        match at {
            At::Minute(want) => assert_eq!(got, want, "`{id}` #{} in {zone}", k + 1),
            At::Day(want) => assert_eq!(&got[..10], want, "`{id}` #{} in {zone}", k + 1),
        }
    }
}

#[test]
fn soviet_operations_end_on_their_historical_days() {
    let run = historical(&[]);
    let done = |t: Territory, zone: &str| {
        run.log
            .iter()
            .find(|h| h.what == What::OpDone { territory: t })
            .map(|h| local(h, zone)[..10].to_string())
    };
    assert_eq!(
        done(Territory::Manchuria, "Transbaikal").as_deref(),
        Some("1945-08-19")
    );
    assert_eq!(
        done(Territory::SouthSakhalin, "Tokyo").as_deref(),
        Some("1945-08-25")
    );
    assert_eq!(
        done(Territory::Kurils, "Tokyo").as_deref(),
        Some("1945-09-01")
    );
    assert_eq!(
        done(Territory::Hokkaido, "Tokyo"),
        None,
        "the Hokkaido landing was called off"
    );
}

#[test]
fn the_rows_come_in_the_historical_order() {
    let run = historical(&[]);
    let order = [
        "jp_mediation_requested",
        "us_trinity",
        "us_drop_order",
        "potsdam_proclamation",
        "jp_suspends_judgment",
        "ussr_dday_set",
        "us_bomb_ready",
        "ussr_fronts_ready",
        "us_atomic_strike",
        "jp_seeks_moscow_answer",
    ];
    let positions: Vec<usize> = order.iter().map(|id| run.pos(id)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn the_seeds_errata_come_out_right() {
    let run = historical(&[]);
    // Hiroshima, 08:15 Tokyo, was 02:15 Moscow (the seed says 0:15).
    let hiroshima = run.all("us_atomic_strike")[0];
    assert_eq!(local(hiroshima, "Moscow"), "1945-08-06 02:15");
    // Nagasaki fell about 11 hours after the attack began (the seed says nine).
    let attack = run.one("ussr_attack").at;
    let nagasaki = run.all("us_atomic_strike")[1].at;
    assert_eq!((nagasaki - attack).as_minutes(), 11 * 60 + 2);
    // Stalin's last change moved D-day 48 hours, Aug 11 -> Aug 9 Transbaikal.
    let last = run.all("ussr_dday_set")[1];
    let What::DdaySet {
        dday,
        previous: Some(previous),
        trigger,
    } = last.what
    else {
        panic!("{:?}", last.what)
    };
    assert_eq!(trigger, DdayTrigger::Race);
    assert_eq!((previous - dday).as_minutes(), 48 * 60);
    // The attack began 00:00 Transbaikal = 18:00 Moscow = 15:00 UTC Aug 8.
    let attack = run.one("ussr_attack");
    assert_eq!(local(attack, "Moscow"), "1945-08-08 18:00");
    assert_eq!(local(attack, "UTC"), "1945-08-08 15:00");
}

#[test]
fn the_first_dday_change_sets_the_eleventh() {
    let run = historical(&[]);
    let first = run.all("ussr_dday_set")[0];
    let What::DdaySet { dday, trigger, .. } = first.what else {
        panic!()
    };
    assert_eq!(trigger, DdayTrigger::Excluded);
    let zone = endgame::time::Zone::named("Transbaikal").expect("zone");
    assert_eq!(zone.format(dday), "1945-08-11 00:00");
}

#[test]
fn the_historical_outcome() {
    let o = historical(&[]).outcome;
    assert_eq!(
        o.decisive,
        Some(Shock::SovietEntry),
        "Soviet entry brought Japan to the table"
    );
    assert!(o.entry_before_acceptance());
    assert_eq!(o.bombs_dropped(), 2);
    assert_eq!(o.ending, endgame::model::Ending::Surrender);
    let taken: Vec<&str> = o.territories.iter().map(|t| t.name()).collect();
    assert_eq!(
        taken,
        ["manchuria", "north_korea", "south_sakhalin", "kurils"]
    );
}

#[test]
fn the_historical_world_draws_nothing_at_random() {
    let s = crate::support::load("scenarios/historical.toml", &[]);
    let runs: Vec<_> = [0u64, 1, 99]
        .iter()
        .map(|&world| {
            let mut log = Vec::new();
            endgame::model::run_world(
                &s.params,
                &s.calendar,
                endgame::random::Streams::new(7, world),
                &mut log,
            )
        })
        .collect();
    assert!(runs.windows(2).all(|w| w[0] == w[1]));
}
