//! The analysis figures written from realistic and from empty or degenerate data.
//!
//! Set `ENDGAME_PLOT_DIR` to keep the figures in a directory of your choice for review.

use std::path::{Path, PathBuf};

use super::analysis::Estimate;
use super::*;

/// Parameter keys of the model, for realistic labels.
const KEYS: [&str; 60] = [
    "japan.threshold",
    "japan.w_soviet_entry",
    "usa.schedule_shift",
    "japan.w_bomb",
    "ussr.planned_dday",
    "japan.p_seidan",
    "usa.bomb_ready",
    "japan.w_guarantee",
    "ussr.lead_planned",
    "japan.background_growth",
    "japan.accept_delay",
    "japan.background_start",
    "japan.bomb_decay",
    "japan.bomb_news",
    "japan.broadcast_delay",
    "japan.convene_delay",
    "japan.coup_delay",
    "japan.coup_recovery",
    "japan.coup_threshold_raise",
    "japan.formal_delay",
    "japan.mediation_request",
    "japan.offer_delay",
    "japan.p_coup_attempt",
    "japan.p_coup_success",
    "japan.press_delay",
    "japan.reconvene_delay",
    "japan.refusal_news",
    "japan.rejection_penalty",
    "japan.response_delay",
    "japan.second_deadlock",
    "japan.seidan_delay",
    "japan.soviet_news",
    "japan.ultimatum_news",
    "japan.w_abolish",
    "japan.w_hope",
    "japan.w_soviet_signature",
    "potsdam.emperor",
    "usa.drop_order",
    "usa.halt_delay",
    "usa.not_before",
    "usa.offer_transit",
    "usa.olympic_xday",
    "usa.reply_delay",
    "usa.reply_transit",
    "usa.report_delay",
    "usa.strike_time_of_day",
    "ussr.declaration_lead",
    "ussr.evidence_reaction",
    "ussr.exclusion_reaction",
    "ussr.fronts_ready",
    "ussr.h_hour",
    "ussr.hokkaido_decision",
    "ussr.hokkaido_duration",
    "ussr.korea_duration",
    "ussr.kurils_duration",
    "ussr.lead_min",
    "ussr.manchuria_duration",
    "ussr.mediation_answer",
    "ussr.min_notice",
    "ussr.p_attack_after_offer",
];

fn out_dir(name: &str) -> PathBuf {
    match std::env::var_os("ENDGAME_PLOT_DIR") {
        Some(d) => PathBuf::from(d).join(name),
        None => std::env::temp_dir().join(format!(
            "endgame-plot-analysis-{}-{name}",
            std::process::id()
        )),
    }
}

fn cleanup(dir: &Path) {
    if std::env::var_os("ENDGAME_PLOT_DIR").is_none() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

use super::tests::check_png;

fn check_svg(path: &Path, title: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("<svg"), "{}", path.display());
    assert!(text.trim_end().ends_with("</svg>"), "{}", path.display());
    assert!(text.contains(title), "{} lacks its title", path.display());
    assert_eq!(
        text.matches("<text").count(),
        text.matches("</text>").count(),
        "{}",
        path.display()
    );
    text
}

/// Checks the PNG and SVG written and returns the SVG's text.
fn check(paths: &[PathBuf], stem: &str, title: &str) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [format!("{stem}.png"), format!("{stem}.svg")]);
    check_png(&paths[0]);
    check_svg(&paths[1], title)
}

/// A deterministic stream of numbers in [0, 1).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Sobol' indices of 60 parameters: a few large, most near zero (some slightly negative),
/// in a shuffled order, one without an estimate.
fn sobol_rows() -> Vec<(String, Vec<Estimate>)> {
    let mut rng = Lcg(7);
    let big = [0.41, 0.22, 0.12, 0.07, 0.05, 0.03];
    KEYS.iter()
        .enumerate()
        .map(|(i, k)| {
            let s = big.get(i).copied().unwrap_or(0.004 * rng.next());
            let st = (s * (1.1 + 0.6 * rng.next()) + 0.01 * rng.next()).min(1.0);
            let w = 0.015 + 0.05 * s;
            let v = if i == 40 {
                vec![(f64::NAN, f64::NAN, f64::NAN); 2]
            } else {
                vec![(s, s - w, s + w), (st, st - w * 0.8, st + w * 1.2)]
            };
            (k.to_string(), v)
        })
        .rev()
        .collect()
}

#[test]
fn sensitivity_bars_of_many_parameters() {
    let rows = sobol_rows();
    let dir = out_dir("sensitivity");
    let title = "Sobol indices - 60 parameters, 8192 base rows";
    let paths = sensitivity_bars(
        "acceptance_median",
        &["first order", "total order"],
        &rows,
        25,
        title,
        &dir,
    )
    .unwrap();
    let svg = check(&paths, "sensitivity_acceptance_median", title);
    assert!(svg.contains("japan.w_soviet_entry"));
    assert!(svg.contains("first order") && svg.contains("total order"));
    assert!(
        svg.contains("Not shown: 35 of 60"),
        "the footnote counts the rest"
    );
    // The least important are left out.
    assert!(!svg.contains("ussr.p_attack_after_offer"));

    // One series (Morris μ*), all rows asked for: as many as are legible.
    let mu: Vec<(String, Vec<Estimate>)> = rows
        .iter()
        .map(|(k, v)| (k.clone(), vec![(v[0].0 * 3.0, v[0].1 * 3.0, v[0].2 * 3.0)]))
        .collect();
    let dir1 = out_dir("sensitivity-one");
    let paths = sensitivity_bars("P(x)", &["μ*"], &mu, 100, "Morris mu*", &dir1).unwrap();
    let svg = check(&paths, "sensitivity_P_x_", "Morris mu*");
    assert!(svg.contains("Not shown"));

    // A few rows with an n/a among them.
    let few: Vec<(String, Vec<Estimate>)> = rows[15..22].to_vec();
    let dir2 = out_dir("sensitivity-few");
    let paths = sensitivity_bars(
        "entry_before_acceptance",
        &["first order", "total order"],
        &few,
        25,
        "seven parameters",
        &dir2,
    )
    .unwrap();
    let svg = check(
        &paths,
        "sensitivity_entry_before_acceptance",
        "seven parameters",
    );
    assert!(svg.contains("n/a"));
    assert!(!svg.contains("Not shown"));

    // As the command line asks: sorted by the total order, 20 rows, an outcome's key.
    let swapped: Vec<(String, Vec<Estimate>)> = rows
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().rev().copied().collect()))
        .collect();
    let dir3 = out_dir("sensitivity-total");
    let title3 =
        "history: acceptance date [Tokyo days after 1945-06-01; X-day if none] (4096 worlds)";
    let paths = sensitivity_bars(
        "acceptance_date",
        &["total order", "first order"],
        &swapped,
        20,
        title3,
        &dir3,
    )
    .unwrap();
    let svg = check(
        &paths,
        "sensitivity_acceptance_date",
        "history: acceptance date",
    );
    assert!(svg.contains("Not shown: 40 of 60"));
    assert!(svg.contains("acceptance date"));

    assert!(sensitivity_bars("x", &["a", "b"], &mu, 10, "t", &dir2).is_err());
    for d in [dir, dir1, dir2, dir3] {
        cleanup(&d);
    }
}

#[test]
fn sensitivity_bars_of_nothing() {
    let dir = out_dir("sensitivity-empty");
    let paths = sensitivity_bars("x", &["first order"], &[], 20, "no parameters", &dir).unwrap();
    let svg = check(&paths, "sensitivity_x", "no parameters");
    assert!(svg.contains("No data"));

    let nan = vec![
        ("japan.threshold".to_string(), vec![(f64::NAN, 0.0, 1.0)]),
        (
            "usa.bomb_ready".to_string(),
            vec![(f64::INFINITY, f64::NAN, f64::NAN)],
        ),
    ];
    let paths = sensitivity_bars("nan", &["first order"], &nan, 20, "all n/a", &dir).unwrap();
    let svg = check(&paths, "sensitivity_nan", "all n/a");
    assert!(svg.contains("No estimates"));

    let one = vec![("japan.threshold".to_string(), vec![(0.3, 0.25, 0.36)])];
    let paths = sensitivity_bars("one", &["first order"], &one, 0, "one row", &dir).unwrap();
    check(&paths, "sensitivity_one", "one row");

    let zero = vec![("japan.threshold".to_string(), vec![(0.0, 0.0, 0.0)])];
    let paths = sensitivity_bars("zero", &["first order"], &zero, 5, "zero", &dir).unwrap();
    check(&paths, "sensitivity_zero", "zero");

    let none: Vec<(String, Vec<Estimate>)> = vec![("a".into(), vec![])];
    let paths = sensitivity_bars("noseries", &[], &none, 5, "no series", &dir).unwrap();
    check(&paths, "sensitivity_noseries", "no series");
    cleanup(&dir);
}

/// Morris screening of 60 parameters: a few large, non-linear ones, a cloud near zero.
fn morris_points() -> Vec<(String, f64, f64, f64, f64)> {
    let mut rng = Lcg(11);
    let big = [
        (9.5, 3.1),
        (6.8, 5.9),
        (5.2, 0.4),
        (4.9, 1.6),
        (3.0, 2.7),
        (2.2, 0.9),
        (1.4, 1.3),
        (1.1, 0.3),
    ];
    KEYS.iter()
        .enumerate()
        .map(|(i, k)| {
            let (m, s) = big
                .get(i)
                .copied()
                .unwrap_or((0.6 * rng.next(), 0.5 * rng.next()));
            let w = 0.1 + 0.15 * m;
            if i == 50 {
                (k.to_string(), f64::NAN, f64::NAN, f64::NAN, f64::NAN)
            } else {
                (k.to_string(), m, (m - w).max(0.0), m + w * 1.3, s)
            }
        })
        .collect()
}

#[test]
fn morris_scatter_of_many_parameters() {
    let points = morris_points();
    let dir = out_dir("morris");
    let title = "Morris screening - 60 parameters, 40 trajectories";
    let paths = morris_scatter("acceptance_median", &points, title, &dir).unwrap();
    let svg = check(&paths, "morris_acceptance_median", title);
    assert!(svg.contains("japan.threshold") && svg.contains("japan.w_soviet_entry"));
    assert!(svg.contains("linear") && svg.contains("non-linear or interacting"));
    assert!(svg.contains("Not shown: 1 without an estimate"));

    // Labels in a tight cluster.
    let cluster: Vec<(String, f64, f64, f64, f64)> = KEYS[..14]
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let m = 1.0 + 0.02 * i as f64;
            (k.to_string(), m, m - 0.1, m + 0.1, 0.3 + 0.015 * i as f64)
        })
        .collect();
    let dir1 = out_dir("morris-cluster");
    let paths = morris_scatter("P(x)", &cluster, "a tight cluster", &dir1).unwrap();
    check(&paths, "morris_P_x_", "a tight cluster");
    cleanup(&dir);
    cleanup(&dir1);
}

#[test]
fn morris_scatter_of_nothing() {
    let dir = out_dir("morris-empty");
    let svg = check(
        &morris_scatter("x", &[], "no parameters", &dir).unwrap(),
        "morris_x",
        "no parameters",
    );
    assert!(svg.contains("No data"));
    let nan = vec![("a.b".to_string(), f64::NAN, f64::NAN, f64::NAN, 0.1)];
    let svg = check(
        &morris_scatter("nan", &nan, "all n/a", &dir).unwrap(),
        "morris_nan",
        "all n/a",
    );
    assert!(svg.contains("No estimates"));
    let one = vec![("japan.threshold".to_string(), 0.0, 0.0, 0.0, 0.0)];
    check(
        &morris_scatter("one", &one, "one constant", &dir).unwrap(),
        "morris_one",
        "one constant",
    );
    cleanup(&dir);
}

fn scenarios() -> Vec<String> {
    [
        "history (baseline)",
        "no atomic bomb",
        "Soviet entry two weeks earlier",
        "Potsdam guarantees the emperor",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn views() -> Vec<String> {
    [
        "Hasegawa: the Soviet entry decided it",
        "Asada: the bomb decided it",
        "Frank: both, the bomb first",
        "Orthodox",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn views_dots_of_dates_shares_and_numbers() {
    let (sc, vw) = (scenarios(), views());
    let dates: Vec<Vec<Option<Estimate>>> = (0..4)
        .map(|s| {
            (0..4)
                .map(|v| {
                    if s == 1 && v == 3 {
                        None
                    } else {
                        let d = 74.4 + 1.7 * s as f64 - 1.1 * v as f64 + 0.3 * (s * v) as f64;
                        Some((d, d - 0.6 - 0.2 * v as f64, d + 0.9 + 0.3 * s as f64))
                    }
                })
                .collect()
        })
        .collect();
    let dir = out_dir("views");
    let title = "four scenarios under four views - 2000 worlds each";
    let paths = views_dots(
        "acceptance_median",
        "Median date of the final acceptance",
        &sc,
        &vw,
        &dates,
        true,
        false,
        title,
        &dir,
    )
    .unwrap();
    let svg = check(&paths, "views_acceptance_median", title);
    assert!(svg.contains("Aug "), "dates are calendar dates");
    assert!(svg.contains("Asada: the bomb decided it"));
    assert!(svg.contains("n/a"));

    let shares: Vec<Vec<Option<Estimate>>> = (0..4)
        .map(|s| {
            (0..4)
                .map(|v| {
                    let p = (0.15 + 0.18 * s as f64 + 0.07 * v as f64).min(0.98);
                    Some((p, (p - 0.03).max(0.0), (p + 0.03).min(1.0)))
                })
                .collect()
        })
        .collect();
    let paths = views_dots(
        "entry_before_acceptance",
        "P(Soviet entry before acceptance)",
        &sc,
        &vw,
        &shares,
        false,
        true,
        title,
        &dir,
    )
    .unwrap();
    let svg = check(&paths, "views_entry_before_acceptance", title);
    assert!(svg.contains("(%)"));

    let numbers: Vec<Vec<Option<Estimate>>> = (0..4)
        .map(|s| {
            (0..4)
                .map(|v| {
                    let m = 0.4 + 0.5 * s as f64 + 0.1 * v as f64;
                    Some((m, m - 0.1, m + 0.12))
                })
                .collect()
        })
        .collect();
    let paths = views_dots(
        "bombs_dropped",
        "Mean atomic bombs dropped",
        &sc,
        &vw,
        &numbers,
        false,
        false,
        title,
        &dir,
    )
    .unwrap();
    check(&paths, "views_bombs_dropped", title);

    // Many scenarios and all eight marker shapes.
    let many: Vec<String> = (0..14).map(|i| format!("scenario number {i}")).collect();
    let eight: Vec<String> = (0..8).map(|i| format!("view {i}")).collect();
    let vals: Vec<Vec<Option<Estimate>>> = (0..14)
        .map(|s| {
            (0..8)
                .map(|v| {
                    let p = 0.05 * s as f64 + 0.02 * v as f64;
                    Some((p, p - 0.02, p + 0.02))
                })
                .collect()
        })
        .collect();
    let paths = views_dots(
        "many", "a share", &many, &eight, &vals, false, true, "many", &dir,
    )
    .unwrap();
    check(&paths, "views_many", "many");
    assert!(views_dots("x", "x", &sc, &vw, &dates[..2], true, false, "t", &dir).is_err());
    cleanup(&dir);
}

#[test]
fn views_dots_of_nothing() {
    let dir = out_dir("views-empty");
    let svg = check(
        &views_dots("x", "", &[], &[], &[], true, false, "nothing", &dir).unwrap(),
        "views_x",
        "nothing",
    );
    assert!(svg.contains("No data"));
    let (sc, vw) = (scenarios(), views());
    let none = vec![vec![None; 4]; 4];
    let svg = check(
        &views_dots("none", "x", &sc, &vw, &none, false, true, "all n/a", &dir).unwrap(),
        "views_none",
        "all n/a",
    );
    assert!(svg.contains("No estimates"));
    let one = vec![vec![Some((74.5, f64::NAN, f64::NAN))]];
    check(
        &views_dots(
            "one",
            "Median acceptance",
            &sc[..1],
            &vw[..1],
            &one,
            true,
            false,
            "one dot",
            &dir,
        )
        .unwrap(),
        "views_one",
        "one dot",
    );
    let no_views = vec![vec![]; 4];
    check(
        &views_dots(
            "noviews",
            "x",
            &sc,
            &[],
            &no_views,
            false,
            false,
            "no views",
            &dir,
        )
        .unwrap(),
        "views_noviews",
        "no views",
    );
    cleanup(&dir);
}
