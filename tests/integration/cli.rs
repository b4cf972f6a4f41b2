//! The command-line tool as a user runs it.

use std::process::Output;

use endgame::model::Params;
use endgame::scenario::Origin;

use crate::support::endgame;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

#[test]
fn trace_prints_local_and_utc_times_and_a_summary() {
    let o = endgame(&["trace", "scenarios/historical.toml"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let attack = out
        .lines()
        .find(|l| l.contains("ussr_attack"))
        .expect("attack line");
    assert!(
        attack.starts_with("1945-08-09 00:00 Transbaikal"),
        "{attack}"
    );
    assert!(
        attack.contains("UTC+9")
            && attack.contains("1945-08-08T15:00Z")
            && attack.contains("[S 50]")
    );
    let hiroshima = out
        .lines()
        .find(|l| l.contains("us_atomic_strike #1"))
        .expect("strike");
    assert!(
        hiroshima.starts_with("1945-08-06 08:15 Tokyo"),
        "{hiroshima}"
    );
    assert!(out.contains("# decisive shock:              soviet_entry"));
}

#[test]
fn trace_jsonl_has_the_documented_fields() {
    let o = endgame(&["trace", "scenarios/historical.toml", "--format", "jsonl"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let mut ids = Vec::new();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        for key in ["utc", "id", "actor", "zone", "local", "text", "source"] {
            assert!(
                v.get(key).and_then(|x| x.as_str()).is_some(),
                "{key} missing in {line}"
            );
        }
        assert!(v["utc"].as_str().is_some_and(|u| u.ends_with('Z')));
        ids.push(v["id"].as_str().unwrap_or_default().to_string());
    }
    let attack: serde_json::Value = serde_json::from_str(
        out.lines()
            .find(|l| l.contains("\"ussr_attack\""))
            .expect("attack"),
    )
    .expect("json");
    assert_eq!(attack["local"], "1945-08-09T00:00:00+09:00");
    assert_eq!(attack["zone"], "Asia/Chita");
    assert_eq!(attack["utc"], "1945-08-08T15:00:00Z");
    assert!(ids.contains(&"formal_surrender".to_string()));
}

#[test]
fn set_overrides_a_key_from_the_command_line() {
    let o = endgame(&[
        "trace",
        "scenarios/historical.toml",
        "--set",
        "usa.bomb_ready=[\"1945-08-20 12:00 Tinian\"]",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    let attack = out
        .lines()
        .find(|l| l.contains("ussr_attack"))
        .expect("attack");
    assert!(
        attack.starts_with("1945-08-11 00:00 Transbaikal"),
        "{attack}"
    );
}

#[test]
fn a_bad_scenario_exits_2_with_no_partial_output() {
    let dir = std::env::temp_dir().join(format!("endgame-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[japan]\np_seidan = 1.5\n").expect("write");
    let path = bad.display().to_string();
    for args in [
        vec!["trace", path.as_str()],
        vec!["check", "scenarios/historical.toml", path.as_str()],
    ] {
        let o = endgame(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(
                "bad.toml:2:12: `japan.p_seidan`: expected a probability from 0 to 1, found 1.5"
            ),
            "{err}"
        );
        if args[0] == "trace" {
            assert!(o.stdout.is_empty(), "no partial output");
        }
    }
    let o = endgame(&["trace", "scenarios/no_such.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file"));
    let o = endgame(&[
        "trace",
        "scenarios/historical.toml",
        "--set",
        "japan.w_hop=1",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `japan.w_hope`?"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_prints_a_scenario_that_loads_back_to_the_same_parameters() {
    let o = endgame(&[
        "check",
        "scenarios/historical.toml",
        "--set",
        "potsdam.emperor=guaranteed",
    ]);
    assert!(o.status.success());
    let printed = stdout(&o);
    assert!(printed.contains("emperor = \"guaranteed\"  # --set"));
    let reloaded = endgame::scenario::parse_str("printed.toml", &printed, &[])
        .expect("check's output is a scenario");
    let original = crate::support::load(
        "scenarios/historical.toml",
        &["potsdam.emperor=\"guaranteed\""],
    );
    assert_eq!(reloaded.params, original.params);
}

#[test]
fn the_historical_scenario_sets_every_key_to_its_historical_value() {
    let s = crate::support::load("scenarios/historical.toml", &[]);
    let unset: Vec<&str> = endgame::model::registry::SPECS
        .iter()
        .zip(&s.origins)
        .filter(|(_, o)| **o == Origin::Default)
        .map(|(spec, _)| spec.key)
        .collect();
    assert!(
        unset.is_empty(),
        "historical.toml leaves these to defaults: {unset:?}"
    );
    assert_eq!(s.params, Params::historical());
}

#[test]
fn the_parameter_reference_is_up_to_date() {
    let o = endgame(&["params"]);
    assert!(o.status.success());
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/parameters.md"))
            .expect("docs");
    assert!(
        committed == stdout(&o),
        "docs/parameters.md is stale: run `cargo run -- params > docs/parameters.md`"
    );
    for spec in endgame::model::registry::SPECS {
        assert!(
            committed.contains(&format!("`{}`", spec.key)),
            "{} undocumented",
            spec.key
        );
        assert!(
            !spec.doc.is_empty()
                && !spec.unit.is_empty()
                && !spec.range.is_empty()
                && !spec.source.is_empty()
        );
    }
}

fn report_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

#[test]
fn report_writes_one_self_contained_page_under_three_megabytes() {
    let dir = report_dir("report_page");
    let out = dir.join("lesson.html");
    let o = endgame(&[
        "report",
        "scenarios/lessons/stalin_signs_potsdam.toml",
        "--against",
        "scenarios/historical.toml",
        "--out",
        out.to_str().expect("path"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(&out).expect("page");
    assert!(page.len() <= 3 << 20, "{} bytes", page.len());
    // Nothing is fetched: no script, style, image or link points anywhere but the page
    // (the only URL is SVG's namespace name, which is never requested).
    for attr in [
        "src=",
        "href=\"http",
        "url(http",
        "@import",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(!page.contains(attr), "the page contains `{attr}`");
    }
    let urls: Vec<&str> = page
        .match_indices("http:")
        .map(|(i, _)| &page[i..(i + 40).min(page.len())])
        .collect();
    assert!(
        urls.iter()
            .all(|u| u.starts_with("http://www.w3.org/2000/svg")),
        "{urls:?}"
    );
    // The embedded data: the lesson's question, both resolved scenarios, the seed.
    assert!(page.contains("What if Stalin had signed Potsdam?"));
    assert!(page.contains("\"path\":\"scenarios/historical.toml\""));
    assert!(page.contains("\"seed\":1945"));
    assert!(page.contains("Content-Security-Policy"));
    // Writing it again replaces the page; a file that is not a page is kept.
    let again = endgame(&[
        "report",
        "scenarios/baseline.toml",
        "--out",
        out.to_str().expect("path"),
    ]);
    assert!(again.status.success());
    let notes = dir.join("notes.html");
    std::fs::write(&notes, "<p>my notes</p>").expect("write");
    let refused = endgame(&[
        "report",
        "scenarios/baseline.toml",
        "--out",
        notes.to_str().expect("path"),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("is not a page `endgame report` wrote")
    );
    assert_eq!(
        std::fs::read_to_string(&notes).expect("kept"),
        "<p>my notes</p>"
    );
}

#[test]
fn report_refuses_what_a_page_cannot_show() {
    let dir = report_dir("report_refusals");
    let out = dir.join("x.html");
    let out = out.to_str().expect("path");
    let sweep = endgame(&["report", "scenarios/sweep_dday_vs_bomb.toml", "--out", out]);
    assert_eq!(sweep.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&sweep.stderr).contains("sweeps"),
        "{}",
        String::from_utf8_lossy(&sweep.stderr)
    );
    let many = endgame(&[
        "report",
        "scenarios/baseline.toml",
        "-n",
        "1000000",
        "--out",
        out,
    ]);
    assert_eq!(many.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&many.stderr).contains("1 to 20000 worlds"));
    let lesson = dir.join("bad_lesson.toml");
    std::fs::write(&lesson, "[lesson]\nquestion = \"q\"\n\n[[lesson.levers]]\nkey = \"ussr.enter_war\"\nlabel = \"x\"\nvalues = [true, false]\ndocument = \"d\"\n").expect("write");
    let bad = endgame(&["report", lesson.to_str().expect("path"), "--out", out]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("bad_lesson.toml:5:7: `lesson.levers[0].key`: no parameter `ussr.enter_war`; did you mean `ussr.enters_war`?"), "{err}");
    assert!(!std::path::Path::new(out).exists());
}

#[test]
fn views_refuses_to_resume_rather_than_ignore_the_flag() {
    let o = endgame(&["views", "scenarios/baseline.toml", "--resume", "-n", "10"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`views` cannot resume"));
}

#[test]
fn a_closed_pipe_ends_the_tool_quietly() {
    use std::io::{BufRead, BufReader};
    // `run` prints its first line, runs, then prints its summary: by then the reader is gone.
    let out_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("closed_pipe");
    let out_dir = out_dir.to_str().expect("path");
    let args = [
        "run",
        "scenarios/baseline.toml",
        "-n",
        "2000",
        "--quiet",
        "--force",
        "--out",
        out_dir,
    ];
    let mut child = crate::support::endgame_command(&args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a line");
    // The reader is gone: the next write meets a closed pipe.
    let out = child.wait_with_output().expect("wait");
    assert!(
        first.starts_with("scenarios/baseline.toml: 2000 worlds"),
        "{first}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}
