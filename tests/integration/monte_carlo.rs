//! Many worlds: reproducibility, common random numbers, the pinned baseline summary, and
//! the comparisons the scenario library exists to make.

use std::path::{Path, PathBuf};

use endgame::model::{Ignore, WorldOutcome, registry::SPECS, run_world};
use endgame::scenario::Scenario;
use endgame::summary::{Comparison, Summary};

use crate::support::{endgame, endgame_command, load};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("endgame-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn outcomes(s: &Scenario, seed: u64, n: u64) -> Vec<WorldOutcome> {
    (0..n)
        .map(|k| {
            let (p, streams) = s.world(seed, k);
            run_world(&p, &s.calendar, streams, &mut Ignore)
        })
        .collect()
}

fn run_cli(scenario: &str, out: &Path, extra: &[&str]) {
    let out_s = out.display().to_string();
    let mut args = vec!["run", scenario, "--quiet", "--out", out_s.as_str()];
    args.extend_from_slice(extra);
    let o = endgame(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn any_thread_count_gives_byte_identical_files() {
    let one = temp_dir("threads1");
    let two = temp_dir("threads2");
    run_cli(
        "scenarios/baseline.toml",
        &one,
        &["-n", "5000", "--threads", "1"],
    );
    run_cli(
        "scenarios/baseline.toml",
        &two,
        &["-n", "5000", "--threads", "2"],
    );
    for file in ["worlds.csv", "summary.json"] {
        let a = std::fs::read(one.join(file)).expect("file");
        let b = std::fs::read(two.join(file)).expect("file");
        assert!(a == b, "{file} differs between 1 and 2 threads");
        assert!(a.len() > 100);
    }
    let _ = std::fs::remove_dir_all(one);
    let _ = std::fs::remove_dir_all(two);
}

#[test]
fn the_baseline_summary_is_pinned() {
    let dir = temp_dir("pinned");
    run_cli(
        "scenarios/baseline.toml",
        &dir,
        &["-n", "2000", "--seed", "1945"],
    );
    let got = std::fs::read_to_string(dir.join("summary.json")).expect("summary");
    let golden =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/baseline_n2000_seed1945.json");
    if std::env::var_os("ENDGAME_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).expect("write golden");
    }
    let want = std::fs::read_to_string(&golden)
        .expect("golden file (regenerate with ENDGAME_UPDATE_GOLDEN=1)");
    assert!(
        got == want,
        "the baseline summary changed; if the change is intended, rerun with ENDGAME_UPDATE_GOLDEN=1 and review the diff"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_scenario_compared_with_itself_shifts_nothing_in_any_world() {
    let s = load("scenarios/baseline.toml", &[]);
    let (a, b) = (outcomes(&s, 7, 500), outcomes(&s, 7, 500));
    let mut c = Comparison::default();
    for (x, y) in a.iter().zip(&b) {
        c.add(x, y);
    }
    assert_eq!((c.earlier, c.later, c.same), (0, 0, 500));
    assert!(c.shift.counts().all(|(shift, _)| shift == 0));
    assert_eq!(c.bombs_shift.counts().collect::<Vec<_>>(), [(0, 500)]);
}

#[test]
fn changing_one_distribution_leaves_every_other_draw_unchanged() {
    let base = load("scenarios/baseline.toml", &[]);
    let changed = load(
        "scenarios/baseline.toml",
        &["japan.w_bomb={ dist = \"uniform\", min = 0.05, max = 0.6 }"],
    );
    let w_bomb = SPECS
        .iter()
        .position(|s| s.key == "japan.w_bomb")
        .expect("key");
    let mut differed = 0;
    for k in 0..300 {
        let (p, mut sa) = base.world(1945, k);
        let (q, mut sb) = changed.world(1945, k);
        for (i, spec) in SPECS.iter().enumerate() {
            if i == w_bomb {
                differed += usize::from((spec.get)(&p) != (spec.get)(&q));
            } else {
                assert_eq!(
                    (spec.get)(&p),
                    (spec.get)(&q),
                    "world {k}: {} moved",
                    spec.key
                );
            }
        }
        // The model's own sources (weather, coup, ...) are untouched too.
        for source in ["weather", "japan.coup", "japan.seidan"] {
            assert_eq!(
                sa.uniform(source).to_bits(),
                sb.uniform(source).to_bits(),
                "{source}"
            );
        }
    }
    assert!(
        differed > 250,
        "the changed parameter does change: {differed}"
    );
}

#[test]
fn without_soviet_entry_japan_accepts_later() {
    let base = load("scenarios/baseline.toml", &[]);
    let neutral = load("scenarios/no_soviet_entry.toml", &[]);
    let mut c = Comparison::default();
    for (a, b) in outcomes(&base, 1945, 1000)
        .iter()
        .zip(&outcomes(&neutral, 1945, 1000))
    {
        c.add(a, b);
    }
    assert!(
        c.later > 10 * c.earlier.max(1),
        "later {} earlier {}",
        c.later,
        c.earlier
    );
    assert!(c.shift.mean().is_none_or(|m| m > 0.0));
}

#[test]
fn without_the_bomb_the_soviet_attack_comes_later() {
    let base = load("scenarios/baseline.toml", &[]);
    let no_bomb = load("scenarios/no_bomb.toml", &[]);
    let (a, b) = (outcomes(&base, 1945, 1000), outcomes(&no_bomb, 1945, 1000));
    let (mut later, mut earlier) = (0, 0);
    for (x, y) in a.iter().zip(&b) {
        match (x.soviet_entry, y.soviet_entry) {
            (Some(e0), Some(e1)) if e1 > e0 => later += 1,
            (Some(e0), Some(e1)) if e1 < e0 => earlier += 1,
            _ => {}
        }
        assert_eq!(y.bombs_dropped(), 0);
    }
    assert!(
        later > 100 && earlier == 0,
        "later {later}, earlier {earlier}"
    );
    let mean = |o: &[WorldOutcome]| {
        let mut s = Summary::default();
        o.iter().for_each(|w| s.add(w));
        s.time("soviet_entry").and_then(|h| h.mean()).unwrap_or(0.0)
    };
    assert!(mean(&b) > mean(&a));
}

#[test]
fn compare_writes_its_files_and_shows_later_acceptance_without_soviet_entry() {
    let dir = temp_dir("compare");
    let out = dir.display().to_string();
    let o = endgame(&[
        "compare",
        "scenarios/baseline.toml",
        "scenarios/no_soviet_entry.toml",
        "-n",
        "1000",
        "--quiet",
        "--out",
        &out,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("compare.json")).expect("json"))
            .expect("valid");
    let c = &json["comparisons"][0];
    assert_eq!(c["other"]["name"], "no_soviet_entry");
    assert!(c["later"]["p"].as_f64().unwrap_or(0.0) > 0.5, "{c}");
    let csv = std::fs::read_to_string(dir.join("compare.csv")).expect("csv");
    assert_eq!(csv.lines().count(), 2);
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("baseline,no_soviet_entry,1000,"))
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn distributions_draw_within_their_ranges_with_the_right_weights() {
    let s = endgame::scenario::parse_str(
        "d.toml",
        "[japan]\nthreshold = { dist = \"uniform\", min = 0.8, max = 1.2 }\n\
         [usa]\nreply = { dist = \"choice\", values = [\"byrnes\", \"accept\"], weights = [3, 1] }\n\
         [ussr]\nenters_war = { dist = \"bernoulli\", p = 0.25 }\n\
         lead_min = { dist = \"triangular\", min = \"2d\", mode = \"3d\", max = \"4d\" }\n",
        &[],
    )
    .expect("valid");
    let n = 4000;
    let (mut accept, mut enters, mut sum) = (0, 0, 0.0);
    for k in 0..n {
        let (p, _) = s.world(3, k);
        assert!((0.8..=1.2).contains(&p.japan.threshold));
        let lead = p.ussr.lead_min.as_minutes();
        assert!((2 * 1440..=4 * 1440).contains(&lead));
        sum += p.japan.threshold;
        accept += usize::from(p.usa.reply == endgame::model::ReplyKind::Accept);
        enters += usize::from(p.ussr.enters_war);
    }
    let share = |c: usize| c as f64 / n as f64;
    assert!((sum / n as f64 - 1.0).abs() < 0.01);
    assert!((share(accept) - 0.25).abs() < 0.03, "{}", share(accept));
    assert!((share(enters) - 0.25).abs() < 0.03, "{}", share(enters));
}

#[test]
fn distribution_mistakes_are_located() {
    let err = |text: &str| {
        endgame::scenario::parse_str("d.toml", text, &[])
            .expect_err(text)
            .to_string()
    };
    assert_eq!(
        err("[japan]\nw_bomb = { dist = \"triangular\", min = 0.1, mode = 0.25, max = 50 }\n"),
        "d.toml:2:63: `japan.w_bomb.max`: expected a number from 0 to 10, found 50"
    );
    assert_eq!(
        err("[japan]\nconvene_delay = { dist = \"lognormal\", median = \"6h\", sigm = 0.5 }\n"),
        "d.toml:2:61: `japan.convene_delay.sigm`: a lognormal distribution takes median, sigma, min, max; found `sigm`; did you mean `sigma`?"
    );
    assert_eq!(
        err("[japan]\nthreshold = { dist = \"gaussian\", mean = 1.0 }\n"),
        "d.toml:2:13: `japan.threshold`: unknown distribution \"gaussian\"; expected one of uniform, triangular, normal, lognormal, choice, bernoulli; did you mean \"normal\"?"
    );
    assert_eq!(
        err(
            "[usa]\ntrinity = { dist = \"uniform\", min = \"1945-07-30 05:30 Trinity\", max = \"1945-07-10 05:30 Trinity\" }\n"
        ),
        "d.toml:2:11: `usa.trinity`: `min` is greater than `max`"
    );
    assert_eq!(
        err("[ussr]\nenters_war = { dist = \"bernoulli\", p = 1.9 }\n"),
        "d.toml:2:40: `ussr.enters_war.p`: expected a probability from 0 to 1, found 1.9"
    );
    assert_eq!(
        err("[ussr]\nlead_min = { dist = \"uniform\", min = \"2d\", max = \"6d\" }\n"),
        "d.toml:2:12: `ussr.lead_min`: the compressed preparation (6d) cannot be longer than the planned one, ussr.lead_planned (5d)"
    );
}

/// Writes a sweep of the baseline in `dir`: 2 Soviet D-days x 3 bomb schedules, 6 cells.
fn small_sweep(dir: &Path) -> String {
    let scenario = dir.join("s.toml");
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/baseline.toml");
    std::fs::write(
        &scenario,
        format!(
            "extends = \"{}\"\n[ussr]\naccelerates = false\n[sweep]\n\"ussr.planned_dday\" = [\"1945-08-10 00:00 Transbaikal\", \"1945-08-25 00:00 Transbaikal\"]\n\"usa.schedule_shift\" = {{ from = \"0d\", to = \"20d\", step = \"10d\" }}\n",
            base.display()
        ),
    )
    .expect("write");
    scenario.display().to_string()
}

#[test]
fn a_sweep_runs_every_cell_in_file_order() {
    let dir = temp_dir("sweep");
    let out = dir.join("out").display().to_string();
    let path = small_sweep(&dir);
    let o = endgame(&["sweep", &path, "-n", "200", "--quiet", "--out", &out]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = std::fs::read_to_string(dir.join("out/sweep.csv")).expect("csv");
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 1 + 2 * 3, "{csv}");
    assert_eq!(
        rows[0][..4],
        ["cell", "ussr.planned_dday", "usa.schedule_shift", "worlds"]
    );
    assert_eq!(rows[1][1..3], ["1945-08-10 00:00 Transbaikal", "0m"]);
    assert_eq!(rows[6][1..3], ["1945-08-25 00:00 Transbaikal", "20d"]);
    // A later Soviet D-day means a later acceptance, whatever the bomb schedule.
    let col = rows[0]
        .iter()
        .position(|c| *c == "acceptance_median")
        .expect("column");
    let median = |row: usize| rows[row][col].parse::<f64>().expect("number");
    for shift in 0..3 {
        assert!(median(4 + shift) > median(1 + shift) + 5.0, "{csv}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn three_shards_merged_equal_the_whole_run_byte_for_byte() {
    let dir = temp_dir("shards");
    let whole = dir.join("whole");
    run_cli("scenarios/baseline.toml", &whole, &["-n", "3001"]);
    let mut parts = Vec::new();
    for k in 1..=3 {
        let part = dir.join(format!("part{k}"));
        run_cli(
            "scenarios/baseline.toml",
            &part,
            &["-n", "3001", "--shard", &format!("{k}/3")],
        );
        parts.push(part.display().to_string());
    }
    let merged = dir.join("merged").display().to_string();
    // Given out of order: the merge orders shards itself.
    let o = endgame(&["merge", &parts[2], &parts[0], &parts[1], "--out", &merged]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for file in ["summary.json", "worlds.csv"] {
        let a = std::fs::read(whole.join(file)).expect("whole");
        let b = std::fs::read(dir.join("merged").join(file)).expect("merged");
        assert!(
            a == b,
            "{file}: the merged shards differ from the whole run"
        );
    }
    // A missing shard is refused, naming it.
    let o = endgame(&["merge", &parts[0], &parts[2], "--out", &merged]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing: 2"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sharded_comparisons_and_sweeps_merge_to_the_whole() {
    let dir = temp_dir("shard-kinds");
    let d = |name: &str| dir.join(name).display().to_string();
    let compare = |extra: &[&str], out: &str| {
        let mut args = vec![
            "compare",
            "scenarios/baseline.toml",
            "scenarios/no_bomb.toml",
            "-n",
            "900",
            "--quiet",
            "--out",
            out,
        ];
        args.extend_from_slice(extra);
        let o = endgame(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    compare(&[], &d("c_whole"));
    compare(&["--shard", "1/2"], &d("c1"));
    compare(&["--shard", "2/2"], &d("c2"));
    let sweep = |extra: &[&str], out: &str| {
        let mut args = vec![
            "sweep",
            "scenarios/sweep_dday_vs_bomb.toml",
            "-n",
            "20",
            "--quiet",
            "--out",
            out,
        ];
        args.extend_from_slice(extra);
        let o = endgame(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    sweep(&[], &d("w_whole"));
    for k in 1..=3 {
        sweep(&["--shard", &format!("{k}/3")], &d(&format!("w{k}")));
    }
    assert!(
        endgame(&["merge", &d("c1"), &d("c2"), "--out", &d("c_merged")])
            .status
            .success()
    );
    assert!(
        endgame(&[
            "merge",
            &d("w3"),
            &d("w1"),
            &d("w2"),
            "--out",
            &d("w_merged")
        ])
        .status
        .success()
    );
    for (a, b, file) in [
        ("c_whole", "c_merged", "compare.json"),
        ("c_whole", "c_merged", "compare.csv"),
        ("w_whole", "w_merged", "sweep.csv"),
    ] {
        let x = std::fs::read(dir.join(a).join(file)).expect("whole");
        let y = std::fs::read(dir.join(b).join(file)).expect("merged");
        assert!(x == y, "{file}: merged shards differ from the whole");
    }
    // Shards of different commands do not mix.
    let o = endgame(&["merge", &d("c1"), &d("w2"), "--out", &d("mixed")]);
    assert_eq!(o.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_manifest_replays_any_world_of_a_run_exactly() {
    let dir = temp_dir("manifest");
    run_cli(
        "scenarios/baseline.toml",
        &dir,
        &["-n", "300", "--seed", "77", "--set", "japan.w_bomb=0.3"],
    );
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"),
    )
    .expect("json");
    assert_eq!(manifest["status"], "complete");
    assert_eq!(manifest["seed"], 77);
    assert_eq!(manifest["worlds"], 300);
    let scenario = &manifest["scenarios"][0];
    assert_eq!(scenario["overrides"][0], "japan.w_bomb=0.3");
    let resolved = scenario["resolved"].as_str().expect("resolved text");
    assert!(resolved.contains("w_bomb = 0.3"));
    let s = endgame::scenario::parse_str("replay.toml", resolved, &[])
        .expect("the resolved scenario loads");
    let csv = std::fs::read_to_string(dir.join("worlds.csv")).expect("csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    for k in [0u64, 123, 299] {
        let (p, streams) = s.world(77, k);
        let o = run_world(&p, &s.calendar, streams, &mut Ignore);
        assert_eq!(
            endgame::summary::csv_row(k, &o),
            rows[k as usize],
            "world {k}"
        );
    }
    let out = dir.display().to_string();
    let o = endgame(&["trace", "--from-manifest", &out, "--world", "123"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let acceptance = rows[123]
        .split(',')
        .nth(1)
        .expect("acceptance column")
        .to_string();
    let o = endgame(&[
        "trace",
        "--from-manifest",
        &out,
        "--world",
        "123",
        "--format",
        "jsonl",
    ]);
    let jsonl = String::from_utf8_lossy(&o.stdout);
    let accepted = jsonl
        .lines()
        .rfind(|l| l.contains("\"jp_accepts\""))
        .expect("an acceptance");
    assert!(
        accepted.contains(&format!("\"utc\":\"{acceptance}\"")),
        "{accepted} vs {acceptance}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_output_folder_of_another_run_is_not_overwritten_without_force() {
    let dir = temp_dir("force");
    run_cli("scenarios/baseline.toml", &dir, &["-n", "200"]);
    let before = std::fs::read(dir.join("worlds.csv")).expect("csv");
    // The same run again is allowed (it writes the same files).
    run_cli("scenarios/baseline.toml", &dir, &["-n", "200"]);
    let out = dir.display().to_string();
    let o = endgame(&[
        "run",
        "scenarios/no_bomb.toml",
        "-n",
        "200",
        "--quiet",
        "--out",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds the results of another run"));
    assert_eq!(
        std::fs::read(dir.join("worlds.csv")).expect("csv"),
        before,
        "nothing was touched"
    );
    run_cli("scenarios/no_bomb.toml", &dir, &["-n", "200", "--force"]);
    assert_ne!(std::fs::read(dir.join("worlds.csv")).expect("csv"), before);
    let _ = std::fs::remove_dir_all(dir);
}

/// The files of an output folder, by name, in order.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .to_string()
        })
        .collect();
    names.sort();
    names
}

/// The status an output folder's manifest gives.
fn status(dir: &Path) -> String {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("a manifest");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("json");
    manifest["status"].as_str().expect("a status").to_string()
}

/// The `partial.json` an interrupted run left in `dir`.
fn partial(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("partial.json")).expect("partial.json");
    serde_json::from_str(&text).expect("json")
}

/// Where the worlds (or sweep cells) of the interrupted run in `dir` stopped.
fn reached(dir: &Path) -> u64 {
    partial(dir)["range"][1].as_u64().expect("a range")
}

/// Checks that `out` holds a stopped run: an interrupted manifest and `partial.json`.
/// Returns the folder's files.
fn stopped(out: &Path) -> Vec<String> {
    assert_eq!(status(out), "interrupted");
    assert!(out.join("partial.json").exists(), "the state is saved");
    files(out)
}

/// Runs `endgame ARGS --quiet --out OUT` and checks that it succeeds.
fn mc(args: &[&str], out: &Path) {
    let out = out.display().to_string();
    let o = endgame(&[args, &["--quiet", "--out", &out]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The same command, resuming.
fn resuming<'a>(args: &[&'a str]) -> Vec<&'a str> {
    [args, &["--resume"]].concat()
}

/// Runs `endgame ARGS --quiet --out OUT` stopped, as Ctrl-C stops it, once `stop_after`
/// worlds are done (`ENDGAME_STOP_AFTER`), and checks that it says how to finish and exits
/// with 130. Returns the folder's files.
fn interrupt(args: &[&str], out: &Path, stop_after: u64) -> Vec<String> {
    let out_s = out.display().to_string();
    let o = endgame_command(&[args, &["--quiet", "--out", &out_s]].concat())
        .env("ENDGAME_STOP_AFTER", stop_after.to_string())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("finish with the same command and --resume"),
        "{stderr}"
    );
    stopped(out)
}

/// Checks that a resumed run's folder holds the files of an uninterrupted run's, byte for
/// byte (but the manifest, which holds times), no partial state, and a complete manifest.
fn same_outputs(resumed: &Path, whole: &Path) {
    let names = files(whole);
    assert_eq!(files(resumed), names, "the same files, no partial.json");
    for name in names.iter().filter(|n| *n != "manifest.json") {
        let a = std::fs::read(resumed.join(name)).expect("resumed");
        let b = std::fs::read(whole.join(name)).expect("whole");
        assert!(
            a == b,
            "{name}: the resumed run differs from an uninterrupted one"
        );
    }
    assert_eq!(status(resumed), "complete");
}

#[test]
fn an_interrupted_run_resumes_to_the_same_files() {
    let dir = temp_dir("resume");
    let (part, whole) = (dir.join("part"), dir.join("whole"));
    let args = ["run", "scenarios/baseline.toml", "-n", "12000"];
    assert_eq!(
        interrupt(&args, &part, 3000),
        ["manifest.json", "partial.json", "worlds.csv"]
    );
    let rows = std::fs::read_to_string(part.join("worlds.csv"))
        .expect("csv")
        .lines()
        .count() as u64;
    assert!(
        rows > 1 && rows < 12_001 && rows == 1 + reached(&part),
        "only complete worlds were written: {rows}"
    );
    mc(&resuming(&args), &part);
    mc(&args, &whole);
    same_outputs(&part, &whole);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_interrupted_comparison_resumes_to_the_same_files() {
    let dir = temp_dir("resume-compare");
    let (part, whole) = (dir.join("part"), dir.join("whole"));
    let args = [
        "compare",
        "scenarios/baseline.toml",
        "scenarios/no_bomb.toml",
        "-n",
        "20000",
        "--threads",
        "2",
    ];
    // The state of the complete worlds only: no compare.json, compare.csv or plot.
    assert_eq!(
        interrupt(&args, &part, 5000),
        ["manifest.json", "partial.json"]
    );
    assert_eq!(partial(&part)["work"]["kind"], "compare");
    let first = reached(&part);
    assert!((5000..20_000).contains(&first), "{first}");
    // Interrupted again while resuming: the state goes on from the first.
    interrupt(&resuming(&args), &part, 12_000);
    let second = reached(&part);
    assert!(second > first && second < 20_000, "{first} then {second}");
    mc(&resuming(&args), &part);
    mc(&args, &whole);
    same_outputs(&part, &whole);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_interrupted_sweep_resumes_to_the_same_files_and_reruns_the_cell_under_way() {
    let dir = temp_dir("resume-sweep");
    let (part, whole) = (dir.join("part"), dir.join("whole"));
    let path = small_sweep(&dir);
    // A cell and a half of chunks: a stop just after a cell stops the next one midway.
    let n = endgame::experiment::CHUNK * 3 / 2;
    let n_s = n.to_string();
    let args = ["sweep", path.as_str(), "-n", n_s.as_str(), "--threads", "2"];
    let cells = |dir: &Path| -> Vec<u64> {
        partial(dir)["work"]["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .map(|c| c["cell"].as_u64().expect("an index"))
            .collect()
    };
    // Only whole cells are kept: no sweep.csv or plot.
    assert_eq!(
        interrupt(&args, &part, n + 1),
        ["manifest.json", "partial.json"]
    );
    assert_eq!(cells(&part), [0], "cell 1, half done, is not kept");
    assert_eq!(reached(&part), 1);
    interrupt(&resuming(&args), &part, 3 * n + 1);
    assert_eq!(cells(&part), [0, 1, 2]);
    mc(&resuming(&args), &part);
    mc(&args, &whole);
    same_outputs(&part, &whole);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_interrupted_shard_resumes_to_the_same_shard() {
    let dir = temp_dir("resume-shard");
    let compare = [
        "compare",
        "scenarios/baseline.toml",
        "scenarios/no_bomb.toml",
        "-n",
        "20000",
        "--shard",
        "2/3",
    ];
    let sweep = [
        "sweep",
        "scenarios/sweep_dday_vs_bomb.toml",
        "-n",
        "20",
        "--shard",
        "2/3",
    ];
    for (name, args, total, stop_after) in [
        ("compare", &compare[..], 20_000, 3000),
        ("sweep", &sweep[..], 143, 200),
    ] {
        let (part, whole) = (dir.join(format!("{name}-part")), dir.join(name));
        interrupt(args, &part, stop_after);
        let state = partial(&part);
        let (start, end) = endgame::summary::shard_range(total, 2, 3);
        assert_eq!(state["shard"], serde_json::json!([2, 3]));
        assert_eq!(state["range"][0], start, "{name}: the shard's own range");
        assert!((start + 1..end).contains(&reached(&part)), "{name}");
        mc(&resuming(args), &part);
        mc(args, &whole);
        same_outputs(&part, &whole);
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn resuming_another_run_is_refused_and_leaves_its_state() {
    let dir = temp_dir("resume-refused");
    let (c, r, w) = (dir.join("compare"), dir.join("run"), dir.join("sweep"));
    let compare = [
        "compare",
        "scenarios/baseline.toml",
        "scenarios/no_bomb.toml",
        "-n",
        "12000",
    ];
    let run = ["run", "scenarios/baseline.toml", "-n", "12000"];
    let sweep = ["sweep", "scenarios/sweep_dday_vs_bomb.toml", "-n", "20"];
    interrupt(&compare, &c, 3000);
    interrupt(&run, &r, 3000);
    interrupt(&sweep, &w, 200);
    let state = |dir: &PathBuf| {
        ["partial.json", "manifest.json"].map(|f| std::fs::read(dir.join(f)).expect("state"))
    };
    let before = [&c, &r, &w].map(state);
    let empty = dir.join("empty");
    let cases: [(&[&str], &PathBuf, &str); 9] = [
        (
            &[&compare[..], &["--seed", "7"]].concat(),
            &c,
            "seed 1945 (this one: 7)",
        ),
        (
            &[
                "compare",
                "scenarios/baseline.toml",
                "scenarios/no_soviet_entry.toml",
                "-n",
                "12000",
            ],
            &c,
            "`scenarios/baseline.toml scenarios/no_bomb.toml` (this one: `scenarios/baseline.toml scenarios/no_soviet_entry.toml`)",
        ),
        (
            &[
                "compare",
                "scenarios/baseline.toml",
                "scenarios/no_bomb.toml",
                "-n",
                "13000",
            ],
            &c,
            "12000 worlds (this one: 13000)",
        ),
        (
            &[&compare[..], &["--shard", "1/2"]].concat(),
            &c,
            "shard 1/1 (this one: 1/2)",
        ),
        (
            &run,
            &c,
            "holds an interrupted `endgame compare`, not `endgame run`",
        ),
        (
            &["run", "scenarios/no_bomb.toml", "-n", "12000"],
            &r,
            "`scenarios/baseline.toml` (this one: `scenarios/no_bomb.toml`)",
        ),
        (
            &[&run[..], &["--set", "japan.w_bomb=0.3"]].concat(),
            &r,
            "(this one: `scenarios/baseline.toml --set japan.w_bomb=0.3`)",
        ),
        (
            &[&sweep[..], &["--outcome", "bombs_dropped"]].concat(),
            &w,
            "(this one: `scenarios/sweep_dday_vs_bomb.toml --outcome bombs_dropped`)",
        ),
        (&compare, &empty, "nothing to resume"),
    ];
    for (args, out, why) in cases {
        let out_s = out.display().to_string();
        let o = endgame(&[args, &["--resume", "--quiet", "--out", &out_s]].concat());
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(why), "{args:?}: {stderr}");
    }
    assert!(
        [&c, &r, &w].map(state) == before && !empty.exists(),
        "a refused resume touches nothing"
    );
    mc(&resuming(&compare), &c);
    assert_eq!(status(&c), "complete");
    let _ = std::fs::remove_dir_all(dir);
}

/// Starts `endgame ARGS --quiet --out DIR`, a long run, sends it SIGINT (what Ctrl-C sends)
/// once it is computing worlds, and checks that it stops within a second or so with exit
/// code 130 and its state saved. Returns the folder's files.
fn ctrl_c(args: &[&str], dir: &Path) -> Vec<String> {
    let out = dir.display().to_string();
    let mut child = endgame_command(&[args, &["--quiet", "--out", &out]].concat())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    // Wait until it is computing worlds (its manifest is written first).
    let start = std::time::Instant::now();
    while !dir.join("manifest.json").exists()
        && start.elapsed() < std::time::Duration::from_secs(20)
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    // The shell's `kill` builtin: present wherever a shell is.
    let sent = std::process::Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .expect("sh runs");
    assert!(sent.success());
    let signalled = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if signalled.elapsed() > std::time::Duration::from_secs(5) {
            let _ = child.kill();
            panic!("still running 5 s after Ctrl-C");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(130));
    stopped(dir)
}

#[test]
fn ctrl_c_stops_a_run_within_a_second_and_keeps_what_is_complete() {
    let dir = temp_dir("sigint");
    let saved = ctrl_c(&["run", "scenarios/baseline.toml", "-n", "5000000"], &dir);
    assert_eq!(saved, ["manifest.json", "partial.json", "worlds.csv"]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn ctrl_c_stops_a_comparison_within_a_second_and_keeps_what_is_complete() {
    let dir = temp_dir("sigint-compare");
    let args = [
        "compare",
        "scenarios/baseline.toml",
        "scenarios/no_bomb.toml",
        "-n",
        "5000000",
    ];
    assert_eq!(ctrl_c(&args, &dir), ["manifest.json", "partial.json"]);
    assert_eq!(partial(&dir)["work"]["kind"], "compare");
    let _ = std::fs::remove_dir_all(dir);
}
