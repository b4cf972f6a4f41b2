//! The rules are causal, not scripted: moving an input moves the events that depend on it.

use endgame::model::{DdayTrigger, Ending, HopeEnd, Shock, What};

use crate::support::{historical, local};

fn dday_triggers(run: &crate::support::Run) -> Vec<DdayTrigger> {
    run.all("ussr_dday_set")
        .iter()
        .map(|h| match h.what {
            What::DdaySet { trigger, .. } => trigger,
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn a_late_first_bomb_means_no_48_hour_advance() {
    let run = historical(&["usa.bomb_ready=[\"1945-08-20 12:00 Tinian\"]"]);
    assert_eq!(
        dday_triggers(&run),
        [DdayTrigger::Excluded],
        "only trigger 1 fires"
    );
    let attack = run.one("ussr_attack");
    assert_eq!(local(attack, "Transbaikal"), "1945-08-11 00:00");
    let offer = run.one("jp_offer");
    assert!(offer.at > attack.at, "Japan offers after the Soviet attack");
    assert_eq!(run.outcome.decisive, Some(Shock::SovietEntry));
    assert!(run.outcome.strikes.iter().all(|s| s > &attack.at));
}

#[test]
fn without_soviet_entry_the_bombs_alone_do_not_bring_an_offer_on_august_10() {
    let run = historical(&["ussr.enters_war=false"]);
    assert!(!run.has("ussr_attack") && !run.has("ussr_declares_war"));
    assert_eq!(
        run.all("us_atomic_strike").len().min(2),
        2,
        "Hiroshima and Nagasaki still fall"
    );
    let by_aug_31 = endgame::time::parse_time("1945-08-31 00:00 Tokyo").expect("time");
    assert!(
        run.outcome.first_offer.is_none_or(|t| t > by_aug_31),
        "no offer in August while Moscow's answer is pending: {:?}",
        run.outcome.first_offer
    );
    // Hiroshima leads Japan to press Moscow, not to convene.
    assert!(run.pos("jp_seeks_moscow_answer") > run.pos("us_atomic_strike"));
}

#[test]
fn a_neutral_ussrs_refusal_ends_hope_and_then_the_bombs_tell() {
    let neutral = historical(&["ussr.enters_war=false"]);
    let refused = historical(&[
        "ussr.enters_war=false",
        "ussr.mediation_answer=\"1945-08-12 12:00 Moscow\"",
    ]);
    assert!(!neutral.has("jp_mediation_hope_ends"));
    let hope_ends = refused.one("jp_mediation_hope_ends");
    assert_eq!(
        hope_ends.what,
        What::HopeEnds {
            why: HopeEnd::Refusal
        }
    );
    let offer = refused
        .outcome
        .first_offer
        .expect("an offer once hope is gone");
    assert!(offer > hope_ends.at);
    assert!(neutral.outcome.first_offer.is_none_or(|t| t > offer));
}

#[test]
fn stalin_signing_potsdam_ends_hope_when_tokyo_hears_the_ultimatum() {
    let run = historical(&["potsdam.signatories=[\"US\", \"UK\", \"China\", \"USSR\"]"]);
    let procl = run.one("potsdam_proclamation");
    assert!(matches!(
        procl.what,
        What::Proclamation {
            ussr_signed: true,
            ..
        }
    ));
    let hope = run.one("jp_mediation_hope_ends");
    assert_eq!(
        hope.what,
        What::HopeEnds {
            why: HopeEnd::Signature
        }
    );
    assert_eq!(&local(hope, "Tokyo")[..10], "1945-07-27");
    // The signature is the declaration: no fabricated pretext is read to Sato.
    assert!(!run.has("ussr_declares_war"));
    assert!(matches!(
        run.one("ussr_attack").what,
        What::Attack { signed: true }
    ));
    assert!(
        !run.has("jp_seeks_moscow_answer"),
        "no hope left to press Moscow with"
    );
}

#[test]
fn guaranteeing_the_emperor_makes_the_offer_unconditional() {
    let run = historical(&["potsdam.emperor=\"guaranteed\""]);
    assert!(matches!(
        run.one("jp_accepts").what,
        What::Accepts {
            unconditional: true
        }
    ));
    assert!(!run.has("jp_offer"), "no conditional offer");
    assert!(
        !run.has("us_reply") && !run.has("jp_hears_reply"),
        "no reply needed"
    );
    assert_eq!(run.all("jp_seidan").len(), 1, "no second deadlock");
    assert_eq!(run.outcome.first_offer, run.outcome.acceptance);
    let hist = historical(&[]);
    assert!(run.outcome.acceptance < hist.outcome.acceptance);
}

#[test]
fn a_trinity_delayed_past_the_proclamation_means_stalin_is_invited() {
    let run = historical(&["usa.trinity=\"1945-07-28 05:30 Trinity\""]);
    let procl = run.one("potsdam_proclamation");
    assert!(matches!(
        procl.what,
        What::Proclamation {
            ussr_signed: true,
            bomb_known: false,
            ..
        }
    ));
    let hope = run.one("jp_mediation_hope_ends");
    assert_eq!(
        hope.what,
        What::HopeEnds {
            why: HopeEnd::Signature
        }
    );
    assert_eq!(&local(hope, "Tokyo")[..10], "1945-07-27");
    // One day earlier than the report, and the US excludes Stalin again.
    let early = historical(&["usa.trinity=\"1945-07-20 05:30 Trinity\""]);
    assert!(matches!(
        early.one("potsdam_proclamation").what,
        What::Proclamation {
            ussr_signed: false,
            ..
        }
    ));
}

#[test]
fn clear_weather_on_august_4_moves_hiroshima_and_stalins_order_with_it() {
    let run = historical(&[
        "usa.weather.clear=[\"1945-08-04\", \"1945-08-09\"]",
        "usa.weather.overcast=[\"1945-08-01\", \"1945-08-02\", \"1945-08-03\", \"1945-08-05\", \"1945-08-06\", \"1945-08-07\", \"1945-08-08\"]",
    ]);
    let strike = run.all("us_atomic_strike")[0];
    assert_eq!(local(strike, "Tokyo"), "1945-08-04 08:15");
    let order = run.all("ussr_dday_set")[1];
    assert_eq!(
        &local(order, "Moscow")[..10],
        "1945-08-05",
        "Stalin's race order follows the strike"
    );
    // The fronts cannot be ready sooner: H-hour stays at the compressed minimum.
    assert_eq!(
        local(run.one("ussr_attack"), "Transbaikal"),
        "1945-08-09 00:00"
    );
}

#[test]
fn later_fronts_mean_a_later_attack() {
    let run = historical(&["ussr.fronts_ready=\"1945-08-06 06:00 Transbaikal\""]);
    assert_eq!(
        local(run.one("ussr_attack"), "Transbaikal"),
        "1945-08-10 00:00"
    );
    let run = historical(&["ussr.min_notice=\"48h\""]);
    assert_eq!(
        local(run.one("ussr_attack"), "Transbaikal"),
        "1945-08-10 00:00"
    );
}

#[test]
fn the_us_accepting_the_condition_ends_the_war_sooner() {
    let run = historical(&["usa.reply=\"accept\""]);
    assert_eq!(run.all("jp_seidan").len(), 1);
    assert_eq!(local(run.one("jp_accepts"), "Tokyo"), "1945-08-12 12:55");
}

#[test]
fn a_rejected_condition_keeps_the_war_going_and_strikes_resume() {
    let run = historical(&["usa.reply=\"reject\""]);
    assert!(run.has("us_strikes_resume"));
    let hist = historical(&[]);
    assert!(
        run.outcome
            .acceptance
            .is_none_or(|a| a > hist.outcome.acceptance.expect("hist"))
    );
    assert!(run.outcome.bombs_dropped() > 2);
}

#[test]
fn a_successful_coup_reverses_the_acceptance() {
    let run = historical(&["japan.p_coup_success=1.0"]);
    assert!(matches!(
        run.all("jp_coup_attempt")[0].what,
        What::CoupAttempt { succeeds: true }
    ));
    let hist = historical(&[]);
    let first_broadcast = run.all("jp_broadcast").first().map(|h| h.at);
    assert!(first_broadcast.is_none_or(|b| b > hist.one("jp_broadcast").at));
    assert!(run.has("us_strikes_resume"));
}

#[test]
fn an_emperor_who_never_decides_means_invasion() {
    let run = historical(&["japan.p_seidan=0.0"]);
    assert!(!run.has("jp_offer"));
    assert_eq!(run.outcome.ending, Ending::Invasion);
    assert!(run.has("us_invasion"));
}

#[test]
fn waiting_for_the_china_treaty_holds_the_attack() {
    let run = historical(&[
        "ussr.requires_china_treaty=true",
        "china.treaty=\"1945-08-20 12:00 Moscow\"",
    ]);
    let attack = run.one("ussr_attack");
    assert!(local(attack, "Moscow").as_str() > "1945-08-20 12:00");
    assert!(dday_triggers(&run).contains(&DdayTrigger::ChinaTreaty));
}

#[test]
fn no_bomb_leaves_soviet_entry_on_the_eleventh() {
    let run = historical(&["usa.bomb_ready=[]"]);
    assert_eq!(run.outcome.bombs_dropped(), 0);
    assert_eq!(
        local(run.one("ussr_attack"), "Transbaikal"),
        "1945-08-11 00:00"
    );
    assert_eq!(run.outcome.decisive, Some(Shock::SovietEntry));
}

#[test]
fn neither_bomb_nor_soviet_entry_means_invasion() {
    let run = historical(&["usa.bomb_ready=[]", "ussr.enters_war=false"]);
    assert_eq!(run.outcome.ending, Ending::Invasion);
    assert!(run.outcome.acceptance.is_none());
}

#[test]
fn a_faster_blockade_alone_can_end_the_war() {
    let run = historical(&[
        "usa.bomb_ready=[]",
        "ussr.enters_war=false",
        "japan.background_growth=0.012",
    ]);
    assert_eq!(run.outcome.decisive, Some(Shock::Background));
    assert_eq!(run.outcome.ending, Ending::Surrender);
}

#[test]
fn a_soviet_dday_before_the_bombs_needs_no_race() {
    // Stalin keeps a D-day of Aug 3: no trigger can advance it, and Soviet entry precedes
    // every strike.
    let run = historical(&["ussr.planned_dday=\"1945-08-03 00:00 Transbaikal\""]);
    assert!(dday_triggers(&run).is_empty());
    let attack = run.one("ussr_attack").at;
    assert!(run.outcome.strikes.iter().all(|s| *s > attack));
}
