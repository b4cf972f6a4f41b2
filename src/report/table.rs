//! Plain-text tables of many worlds, for the terminal.

use crate::engine::SimTime;
use crate::model::Territory;
use crate::summary::{Comparison, Histogram, Proportion, SHOCKS, Summary};
use crate::time::Zone;

fn tokyo(minutes: i64) -> String {
    let t = SimTime::from_minutes(minutes);
    Zone::named("Tokyo").map_or_else(|_| crate::time::format_utc(t), |z| z.format(t))
}

fn pct(p: Proportion) -> String {
    let (lo, hi) = p.wilson95();
    format!(
        "{:>6.1}%   [{:.1}%, {:.1}%]",
        100.0 * p.estimate(),
        100.0 * lo,
        100.0 * hi
    )
}

fn time_row(name: &str, h: &Histogram, worlds: u64) -> String {
    let happened = Proportion {
        hits: h.n(),
        n: worlds,
    };
    match (h.quantile(0.05), h.quantile(0.5), h.quantile(0.95)) {
        (Some(p5), Some(p50), Some(p95)) => format!(
            "{name:<34} median {}   90% of worlds {} .. {}   (in {:.1}% of worlds)",
            tokyo(p50),
            &tokyo(p5)[5..],
            &tokyo(p95)[5..],
            100.0 * happened.estimate()
        ),
        _ => format!("{name:<34} never"),
    }
}

fn shock_label(name: &str) -> &'static str {
    match name {
        "soviet_entry" => "Soviet entry",
        "atomic_bomb" => "atomic bomb",
        "ultimatum" => "the ultimatum",
        "mediation_refused" => "Moscow's refusal",
        "background" => "blockade (background)",
        _ => "none (no acceptance)",
    }
}

/// The summary of a run, as lines of text (times in Tokyo).
pub fn summary_lines(s: &Summary) -> Vec<String> {
    let mut out = vec![
        format!(
            "{:<34} {}",
            "Japan accepts before X-day",
            pct(s.share(s.accepted_before_xday))
        ),
        format!(
            "{:<34} {}",
            "Soviet entry before acceptance",
            pct(s.entry_before_acceptance)
        ),
    ];
    for (name, label) in [
        ("acceptance", "final acceptance (Tokyo)"),
        ("soviet_entry", "Soviet attack (Tokyo)"),
        ("first_strike", "first atomic strike (Tokyo)"),
    ] {
        if let Some(h) = s.time(name) {
            out.push(time_row(label, h, s.worlds));
        }
    }
    if let (Some(mean), Some((lo, hi))) = (s.bombs.mean(), s.bombs.mean_ci95()) {
        out.push(format!(
            "{:<34} mean {mean:.2}   [{lo:.2}, {hi:.2}]",
            "atomic bombs dropped"
        ));
    }
    out.push("decisive shock:".into());
    for (name, count) in SHOCKS.iter().zip(s.decisive) {
        if count > 0 {
            out.push(format!(
                "  {:<32} {}",
                shock_label(name),
                pct(s.share(count))
            ));
        }
    }
    out.push("territories taken by the USSR:".into());
    for (t, count) in Territory::ALL.iter().zip(s.territories) {
        out.push(format!("  {:<32} {}", t.label(), pct(s.share(count))));
    }
    out
}

/// One scenario against the base, as lines of text.
pub fn comparison_lines(base: &str, other: &str, c: &Comparison) -> Vec<String> {
    let share = |hits| Proportion { hits, n: c.worlds };
    let days = |m: f64| m / 1440.0;
    let mut out = vec![format!(
        "{other} against {base}, world by world ({} worlds):",
        c.worlds
    )];
    match (
        c.shift.mean(),
        c.shift.mean_ci95(),
        c.shift.quantile(0.5),
        c.shift.median_ci95(),
    ) {
        (Some(mean), Some((lo, hi)), Some(med), Some((mlo, mhi))) => {
            out.push(format!(
                "  acceptance shift (both accepted, {} worlds): mean {:+.2} d [{:+.2}, {:+.2}], median {:+.2} d [{:+.2}, {:+.2}]",
                c.shift.n(),
                days(mean),
                days(lo),
                days(hi),
                days(med as f64),
                days(mlo as f64),
                days(mhi as f64)
            ));
        }
        _ => out.push(format!(
            "  acceptance shift: too few worlds where both accepted ({})",
            c.shift.n()
        )),
    }
    out.push(format!(
        "  accepts earlier                  {}",
        pct(share(c.earlier))
    ));
    out.push(format!(
        "  same minute                      {}",
        pct(share(c.same))
    ));
    out.push(format!(
        "  accepts later (or never)         {}",
        pct(share(c.later))
    ));
    let (p0, p1) = (c.entry_before[0].estimate(), c.entry_before[1].estimate());
    out.push(format!(
        "  P(Soviet entry before acceptance) {:.1}% -> {:.1}% ({:+.1} points)",
        100.0 * p0,
        100.0 * p1,
        100.0 * (p1 - p0)
    ));
    out.push(format!(
        "  bombs dropped, change            mean {:+.2}",
        c.bombs_shift.mean().unwrap_or(0.0)
    ));
    out.push(format!(
        "  territories taken, change        mean {:+.2}",
        c.territories_shift.mean().unwrap_or(0.0)
    ));
    out
}
