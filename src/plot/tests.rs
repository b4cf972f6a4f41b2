//! Every figure written from real and synthetic summaries, and from empty ones.
//!
//! Set `ENDGAME_PLOT_DIR` to keep the figures in a directory of your choice for review.

use std::path::{Path, PathBuf};

use super::*;
use crate::engine::SimTime;
use crate::model::{Ending, Ignore, Shock, Territories, Territory, run_world};
use crate::scenario::parse_str;

const UNCERTAIN: &str = "[japan]\nthreshold = { dist = \"uniform\", min = 0.8, max = 1.4 }\n[usa]\nschedule_shift = { dist = \"uniform\", min = \"-3d\", max = \"15d\" }\n";

fn out_dir(name: &str) -> PathBuf {
    match std::env::var_os("ENDGAME_PLOT_DIR") {
        Some(d) => PathBuf::from(d).join(name),
        None => std::env::temp_dir().join(format!("endgame-plot-{}-{name}", std::process::id())),
    }
}

fn cleanup(dir: &Path) {
    if std::env::var_os("ENDGAME_PLOT_DIR").is_none() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn worlds(text: &str, n: u64) -> Summary {
    let s = parse_str("x.toml", text, &[]).unwrap();
    let mut summary = Summary::default();
    for k in 0..n {
        let (p, streams) = s.world(1945, k);
        summary.add(&run_world(&p, &s.calendar, streams, &mut Ignore));
    }
    summary
}

fn historical() -> WorldOutcome {
    let s = parse_str("history.toml", "", &[]).unwrap();
    let (p, streams) = s.world(1945, 0);
    run_world(&p, &s.calendar, streams, &mut Ignore)
}

fn at(day: i64, hour: i64) -> SimTime {
    SimTime::from_minutes((day * 24 + hour) * 60)
}

/// Worlds of every kind, including no entry, no strike, neither, and no acceptance.
fn synthetic() -> Summary {
    let mut s = Summary::default();
    for k in 0..300i64 {
        let entry = (k % 11 != 0).then(|| at(62 + k % 9, 15));
        let strikes: Vec<SimTime> = if k % 7 == 0 {
            vec![]
        } else {
            vec![at(60 + k % 13, 23), at(63 + k % 13, 2)]
        };
        let accepted = k % 5 != 0;
        let mut territories = Territories::default();
        for (i, t) in Territory::ALL.iter().enumerate() {
            if (k as usize + i) % (i + 2) == 0 {
                territories.insert(*t);
            }
        }
        let acceptance = accepted.then(|| at(70 + k % 17 + (k % 3) * 4, k % 24));
        s.add(&WorldOutcome {
            first_offer: acceptance,
            acceptance,
            broadcast: None,
            formal_surrender: None,
            soviet_entry: entry,
            strikes,
            decisive: accepted.then_some(match k % 4 {
                0 => Shock::SovietEntry,
                1 => Shock::AtomicBomb(1),
                2 => Shock::Ultimatum,
                _ => Shock::Background,
            }),
            territories,
            ending: if accepted {
                Ending::Surrender
            } else {
                Ending::Invasion
            },
        });
    }
    s
}

/// Checks a written PNG: its signature and its size.
pub(super) fn check_png(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is not a PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR", "{}", path.display());
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    assert_eq!((w, h), common::SIZE, "{}", path.display());
    assert!(
        bytes.len() > 10_000,
        "{} is suspiciously small",
        path.display()
    );
}

fn check_svg(path: &Path, title: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("<svg"), "{}", path.display());
    assert!(text.trim_end().ends_with("</svg>"), "{}", path.display());
    assert!(text.contains(title), "{} lacks its title", path.display());
    assert!(
        text.contains("font-family=\"sans-serif\""),
        "{}",
        path.display()
    );
    // Balanced elements: every opened text element is closed.
    assert_eq!(
        text.matches("<text").count(),
        text.matches("</text>").count(),
        "{}",
        path.display()
    );
}

fn check_all(paths: &[PathBuf], title: &str) {
    for p in paths {
        match p.extension().and_then(|e| e.to_str()) {
            Some("png") => check_png(p),
            Some("svg") => check_svg(p, title),
            other => panic!("unexpected file {} ({other:?})", p.display()),
        }
    }
}

fn stems(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn run_plots_of_real_worlds() {
    let summary = worlds(UNCERTAIN, 400);
    assert_eq!(summary.worlds, 400);
    let hist = historical();
    let dir = out_dir("real");
    let title = "uncertain threshold and schedule - 400 worlds";
    let paths = run_plots(&summary, Some(&hist), title, &dir).unwrap();
    assert_eq!(
        stems(&paths),
        [
            "surrender_date.png",
            "surrender_date.svg",
            "surrender_cdf.png",
            "surrender_cdf.svg",
            "race.png",
            "race.svg",
            "decisive_shock.png",
            "decisive_shock.svg",
            "territories.png",
            "territories.svg",
        ]
    );
    check_all(&paths, title);
    cleanup(&dir);
}

#[test]
fn run_plots_of_synthetic_worlds_with_margins() {
    let summary = synthetic();
    let dir = out_dir("synthetic");
    let title = "synthetic - 300 worlds";
    let paths = run_plots(&summary, None, title, &dir).unwrap();
    assert_eq!(paths.len(), 10);
    check_all(&paths, title);
    // The race marks the margins.
    let race = std::fs::read_to_string(dir.join("race.svg")).unwrap();
    assert!(race.contains("no strike") && race.contains("no Soviet entry"));
    let shocks = std::fs::read_to_string(dir.join("decisive_shock.svg")).unwrap();
    for label in [
        "Soviet entry",
        "Atomic bomb",
        "Ultimatum",
        "Mediation refused",
        "Blockade (background)",
        "No acceptance",
    ] {
        assert!(shocks.contains(label), "{label}");
    }
    let dates = std::fs::read_to_string(dir.join("surrender_date.svg")).unwrap();
    assert!(dates.contains("Aug "), "dates are calendar dates");
    cleanup(&dir);
}

#[test]
fn empty_summaries_draw_axes_and_a_note() {
    let dir = out_dir("empty");
    let title = "empty - 0 worlds";
    let paths = run_plots(&Summary::default(), None, title, &dir).unwrap();
    assert_eq!(paths.len(), 10);
    check_all(&paths, title);
    let cdf = std::fs::read_to_string(dir.join("surrender_cdf.svg")).unwrap();
    assert!(cdf.contains("No data"));

    // Worlds, but none accepted.
    let mut none = Summary::default();
    for _ in 0..50 {
        none.add(&WorldOutcome {
            first_offer: None,
            acceptance: None,
            broadcast: None,
            formal_surrender: None,
            soviet_entry: None,
            strikes: vec![],
            decisive: None,
            territories: Territories::default(),
            ending: Ending::Invasion,
        });
    }
    let dir2 = out_dir("none-accepted");
    let title2 = "nobody accepts - 50 worlds";
    let paths = run_plots(&none, Some(&historical()), title2, &dir2).unwrap();
    check_all(&paths, title2);
    let dates = std::fs::read_to_string(dir2.join("surrender_date.svg")).unwrap();
    assert!(dates.contains("No world accepted before X-day"));

    let mut dirs = vec![dir, dir2];
    let h = Histogram::default();
    let d = out_dir("empty-compare");
    check_all(&compare_cdf(&[], "nothing", &d).unwrap(), "nothing");
    let d = out_dir("empty-compare-series");
    check_all(
        &compare_cdf(&[("a".into(), &h, 0), ("b".into(), &h, 10)], "nothing", &d).unwrap(),
        "nothing",
    );
    dirs.push(d);
    let d = out_dir("empty-sweep-line");
    check_all(
        &sweep_line("k", &[], &[], "P(x)", "nothing", &d).unwrap(),
        "nothing",
    );
    dirs.push(d);
    let d = out_dir("empty-heatmap");
    check_all(
        &sweep_heatmap("a", &[], "b", &[], &[], "P(x)", "nothing", &d).unwrap(),
        "nothing",
    );
    dirs.push(d);
    let nan = vec![vec![f64::NAN; 2]; 2];
    let two = ["1".to_string(), "2".to_string()];
    let d = out_dir("nan-heatmap");
    check_all(
        &sweep_heatmap("a", &two, "b", &two, &nan, "P(x)", "nothing", &d).unwrap(),
        "nothing",
    );
    dirs.push(d);
    let d = out_dir("nan-sweep-line");
    let one_point = [(f64::NAN, f64::NAN, f64::NAN), (0.5, 0.5, 0.5)];
    check_all(
        &sweep_line("k", &two, &one_point, "P(x)", "nothing", &d).unwrap(),
        "nothing",
    );
    dirs.push(d);
    dirs.push(out_dir("empty-compare"));
    for d in dirs {
        cleanup(&d);
    }
}

#[test]
fn compare_and_sweeps() {
    let base = worlds(UNCERTAIN, 200);
    let late = worlds(
        &format!("{UNCERTAIN}bomb_ready = [\"1945-08-20 12:00 Tinian\"]\n"),
        200,
    );
    let early = worlds(
        "[usa]\nschedule_shift = { dist = \"uniform\", min = \"-10d\", max = \"0d\" }\n",
        200,
    );
    let dir = out_dir("compare");
    let series: Vec<(String, &Histogram, u64)> = [
        ("uncertain", &base),
        ("first bomb Aug 20", &late),
        ("schedule early", &early),
    ]
    .iter()
    .map(|(l, s)| (l.to_string(), s.time("acceptance").unwrap(), s.worlds))
    .collect();
    let paths = compare_cdf(&series, "three scenarios - 200 worlds each", &dir).unwrap();
    assert_eq!(stems(&paths), ["compare_cdf.png", "compare_cdf.svg"]);
    check_all(&paths, "three scenarios - 200 worlds each");
    let svg = std::fs::read_to_string(dir.join("compare_cdf.svg")).unwrap();
    assert!(svg.contains("first bomb Aug 20"));

    let dir = out_dir("sweep-line");
    let xs: Vec<String> = ["-10d", "-5d", "0d", "5d", "10d", "15d", "20d"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let points: Vec<(f64, f64, f64)> = (0..7)
        .map(|i| {
            if i == 4 {
                (f64::NAN, f64::NAN, f64::NAN)
            } else {
                let p = 0.2 + 0.1 * i as f64;
                (p, p - 0.06, p + 0.05)
            }
        })
        .collect();
    let title = "sweep of usa.schedule_shift - 1000 worlds per value";
    let paths = sweep_line(
        "usa.schedule_shift",
        &xs,
        &points,
        "P(Soviet entry before acceptance)",
        title,
        &dir,
    )
    .unwrap();
    assert_eq!(stems(&paths), ["sweep.png", "sweep.svg"]);
    check_all(&paths, title);
    assert!(sweep_line("k", &xs, &points[..3], "o", "t", &dir).is_err());

    let dir = out_dir("sweep-line-long");
    let long: Vec<String> = (0..24)
        .map(|i| format!("1945-08-{:02} 12:00 Tinian", i + 1))
        .collect();
    let pts: Vec<(f64, f64, f64)> = (0..24)
        .map(|i| {
            let d = 74.6 + 0.4 * i as f64;
            (d, d - 0.8, d + 1.1)
        })
        .collect();
    check_all(
        &sweep_line(
            "usa.bomb_ready",
            &long,
            &pts,
            "median acceptance [days after 1945-06-01]",
            "long labels",
            &dir,
        )
        .unwrap(),
        "long labels",
    );

    let dir = out_dir("sweep-heatmap");
    let ys: Vec<String> = ["0.8", "0.9", "1.0", "1.1", "1.2"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let grid: Vec<Vec<f64>> = (0..5)
        .map(|iy| {
            (0..7)
                .map(|ix| {
                    if ix == 2 && iy == 3 {
                        f64::NAN
                    } else {
                        (0.1 * ix as f64 + 0.05 * iy as f64).min(1.0)
                    }
                })
                .collect()
        })
        .collect();
    let title = "sweep of two keys - 500 worlds per cell";
    let paths = sweep_heatmap(
        "usa.schedule_shift",
        &xs,
        "japan.threshold",
        &ys,
        &grid,
        "P(acceptance before X-day)",
        title,
        &dir,
    )
    .unwrap();
    check_all(&paths, title);
    assert!(sweep_heatmap("a", &xs, "b", &ys, &grid[..2], "o", "t", &dir).is_err());

    let dir = out_dir("sweep-heatmap-big");
    let xs: Vec<String> = (0..30).map(|i| format!("{}d", i - 10)).collect();
    let ys: Vec<String> = (0..25)
        .map(|i| format!("1945-08-{:02} 00:00 Transbaikal", i + 1))
        .collect();
    let grid: Vec<Vec<f64>> = (0..25)
        .map(|iy| (0..30).map(|ix| (ix * iy) as f64 * 3.7).collect())
        .collect();
    check_all(
        &sweep_heatmap(
            "usa.schedule_shift",
            &xs,
            "ussr.planned_dday",
            &ys,
            &grid,
            "median acceptance delay [h]",
            "big grid",
            &dir,
        )
        .unwrap(),
        "big grid",
    );
    let dir = out_dir("sweep-heatmap-dates");
    let grid: Vec<Vec<f64>> = (0..5)
        .map(|iy| {
            (0..7)
                .map(|ix| 74.0 + 0.9 * ix as f64 + 0.5 * iy as f64)
                .collect()
        })
        .collect();
    let paths = sweep_heatmap(
        "usa.schedule_shift",
        &xs[..7],
        "japan.threshold",
        &ys[..5],
        &grid,
        "median acceptance [days after 1945-06-01]",
        "dates in cells",
        &dir,
    )
    .unwrap();
    check_all(&paths, "dates in cells");
    let svg = std::fs::read_to_string(dir.join("sweep.svg")).unwrap();
    assert!(svg.contains("Aug 14"), "date outcomes are written as dates");
    for name in [
        "sweep-heatmap-dates",
        "compare",
        "sweep-line",
        "sweep-line-long",
        "sweep-heatmap",
        "sweep-heatmap-big",
    ] {
        cleanup(&out_dir(name));
    }
}
