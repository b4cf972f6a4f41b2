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
    std::fs::read_to_string(PathBuf::from(out).join("sensitivity.csv")).expect("csv")
}

#[test]
fn sobol_indices_name_the_parameters_that_drive_an_outcome() {
    let dir = temp_dir("sobol");
    let one = dir.join("one").display().to_string();
    let two = dir.join("two").display().to_string();
    let csv = sensitivity(&one, &["--threads", "1"]);
    assert_eq!(csv, sensitivity(&two, &["--threads", "2"]), "deterministic on any thread count");
    let total = |key: &str| -> f64 {
        let row = csv.lines().find(|l| l.contains(key)).expect("row");
        row.split(',').nth(5).and_then(|x| x.parse().ok()).expect("total index")
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
