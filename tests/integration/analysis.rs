//! Sensitivity analysis and historians' views from the command line.

use std::path::PathBuf;

use crate::support::endgame;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("endgame-analysis-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn sensitivity(out: &str, extra: &[&str]) -> String {
    sensitivity_run(out, extra);
    std::fs::read_to_string(PathBuf::from(out).join("sensitivity.csv")).expect("csv")
}

fn sensitivity_run(out: &str, extra: &[&str]) {
    let mut args = vec![
        "sensitivity",
        "scenarios/baseline.toml",
        "-n",
        "128",
        "--bootstrap",
        "40",
        "--outcome",
        "bombs_dropped",
        "--param",
        "usa.schedule_shift",
        "--param",
        "japan.threshold",
        "--param",
        "ussr.hokkaido_duration",
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    let o = endgame(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn sobol_indices_name_the_parameters_that_drive_an_outcome() {
    let dir = temp_dir("sobol");
    let one = dir.join("one").display().to_string();
    let two = dir.join("two").display().to_string();
    let csv = sensitivity(&one, &["--threads", "1"]);
    assert_eq!(
        csv,
        sensitivity(&two, &["--threads", "2"]),
        "deterministic on any thread count"
    );
    let total = |key: &str| -> f64 {
        let row = csv.lines().find(|l| l.contains(key)).expect("row");
        row.split(',')
            .nth(5)
            .and_then(|x| x.parse().ok())
            .expect("total index")
    };
    // How many bombs fall depends on when they are ready, not on how long a Hokkaido
    // operation would last (which cannot touch the bombs at all).
    assert!(total("usa.schedule_shift") > 0.2, "{csv}");
    assert!(total("ussr.hokkaido_duration").abs() < 0.05, "{csv}");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("one/sensitivity.json")).expect("json"),
    )
    .expect("valid json");
    assert_eq!(json["method"], "sobol");
    assert_eq!(json["indices"].as_array().map(Vec::len), Some(3));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn morris_screening_runs_and_a_parameter_without_distribution_is_refused() {
    let dir = temp_dir("morris");
    let out = dir.join("m").display().to_string();
    let csv = sensitivity(&out, &["--method", "morris"]);
    assert!(csv.starts_with("outcome,parameter,mu,mu_star,mu_star_lo,mu_star_hi,sigma"));
    let o = endgame(&[
        "sensitivity",
        "scenarios/baseline.toml",
        "--param",
        "usa.reply",
        "--out",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`usa.reply` carries no distribution"));
    let _ = std::fs::remove_dir_all(dir);
}

/// Loads the historical scenario under a view.
fn under_view(view: &str, sets: &[&str]) -> endgame::scenario::Scenario {
    let sets: Vec<String> = sets.iter().map(|s| s.to_string()).collect();
    endgame::scenario::load_with_views(
        "scenarios/historical.toml",
        &[format!("scenarios/views/{view}.toml")],
        &sets,
        &crate::support::RepoLoader,
    )
    .unwrap_or_else(|e| panic!("{view}: {e}"))
}

/// The share of 300 worlds whose outcome satisfies `pred`.
fn share(
    s: &endgame::scenario::Scenario,
    pred: impl Fn(&endgame::model::WorldOutcome) -> bool,
) -> f64 {
    let hits = (0..300)
        .filter(|k| {
            let (p, streams) = s.world(1945, *k);
            pred(&endgame::model::run_world(
                &p,
                &s.calendar,
                streams,
                &mut endgame::model::Ignore,
            ))
        })
        .count();
    hits as f64 / 300.0
}

#[test]
fn each_view_reads_the_historical_world_as_its_school_does() {
    use endgame::model::Shock;
    let soviet = |o: &endgame::model::WorldOutcome| o.decisive == Some(Shock::SovietEntry);
    let bomb = |o: &endgame::model::WorldOutcome| matches!(o.decisive, Some(Shock::AtomicBomb(_)));
    assert!(
        share(&under_view("hasegawa", &[]), soviet) > 0.95,
        "Hasegawa: Soviet entry decides"
    );
    assert!(
        share(&under_view("asada", &[]), bomb) > 0.7,
        "Asada: Hiroshima decides"
    );
    assert!(
        share(&under_view("frank", &[]), bomb) > 0.3,
        "Frank: the bombs break the deadlock"
    );
    let blockade = ["usa.bomb_ready=[]", "ussr.enters_war=false"];
    let accepted = |o: &endgame::model::WorldOutcome| {
        o.acceptance.is_some() && o.ending != endgame::model::Ending::Invasion
    };
    assert!(
        share(&under_view("ussbs", &blockade), accepted) > 0.8,
        "USSBS: the blockade alone suffices by Nov 1"
    );
    assert!(
        share(&under_view("hasegawa", &blockade), accepted) < 0.05,
        "but not under Hasegawa's weights"
    );
}

#[test]
fn every_view_cites_its_source_and_views_tabulates_them() {
    for (view, source) in [
        ("hasegawa", "Hasegawa"),
        ("asada", "Pacific Historical Review"),
        ("frank", "Downfall"),
        ("ussbs", "Strategic Bombing Survey"),
    ] {
        let text = std::fs::read_to_string(format!(
            "{}/scenarios/views/{view}.toml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("view file");
        assert!(text.contains(source), "{view} cites {source}");
    }
    let dir = temp_dir("views");
    let out = dir.display().to_string();
    let o = endgame(&[
        "views",
        "scenarios/historical.toml",
        "-n",
        "60",
        "--quiet",
        "--out",
        &out,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = std::fs::read_to_string(dir.join("views.csv")).expect("csv");
    for view in ["as written", "asada", "frank", "hasegawa", "ussbs"] {
        assert!(
            csv.contains(&format!("historical,{view},60,")),
            "{view} row missing:\n{csv}"
        );
    }
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(
        table.contains("median acceptance (Tokyo)") && table.contains("08-14 23:00"),
        "{table}"
    );
    let o = endgame(&["trace", "scenarios/historical.toml", "--view", "asda"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `asada`?"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_sharded_sensitivity_analysis_merges_to_the_whole() {
    let dir = temp_dir("sens-shards");
    let d = |name: &str| dir.join(name).display().to_string();
    sensitivity(&d("whole"), &[]);
    for k in 1..=3 {
        sensitivity_run(&d(&format!("s{k}")), &["--shard", &format!("{k}/3")]);
    }
    let o = endgame(&["merge", &d("s2"), &d("s3"), &d("s1"), "--out", &d("merged")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for file in ["sensitivity.csv", "sensitivity.json"] {
        let a = std::fs::read(dir.join("whole").join(file)).expect("whole");
        let b = std::fs::read(dir.join("merged").join(file)).expect("merged");
        assert!(
            a == b,
            "{file}: merged shards differ from the whole analysis"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}
