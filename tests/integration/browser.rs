//! The classroom pages in a real browser: headless Chromium, driven by
//! `tests/browser/check.mjs` (Playwright), with the network blocked.
//!
//! Needs Node.js, Debian's `chromium` and `npm ci --prefix tests/browser`; `.ci/run`
//! installs them and sets `ENDGAME_BROWSER_TESTS=1`, which makes their absence a failure.
//! Elsewhere the tests say they are skipped. `ENDGAME_SCREENSHOTS=DIR` keeps screenshots.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::support::endgame;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Whether the browser tools are here; panics if they must be and are not.
fn browser_ready() -> bool {
    let required = std::env::var_os("ENDGAME_BROWSER_TESTS").is_some();
    let chromium = std::env::var("ENDGAME_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let modules = Path::new(ROOT)
        .join("tests/browser/node_modules/playwright-core")
        .exists()
        && Path::new(ROOT)
            .join("tests/browser/node_modules/axe-core")
            .exists();
    let missing: Vec<&str> = [
        (!node).then_some("node"),
        (!Path::new(&chromium).exists()).then_some("chromium"),
        (!modules).then_some("tests/browser/node_modules (npm ci --prefix tests/browser)"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        !required,
        "ENDGAME_BROWSER_TESTS is set but these are missing: {}",
        missing.join(", ")
    );
    eprintln!(
        "skipped: the browser tests need {} (see .ci/run)",
        missing.join(", ")
    );
    false
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes the page of `scenario` and returns its path.
fn page(scenario: &str, dir: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("page.html");
    let out_s = out.display().to_string();
    let mut args = vec!["report", scenario, "--out", &out_s];
    args.extend_from_slice(extra);
    let o = endgame(&args);
    assert!(
        o.status.success(),
        "{scenario}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let size = std::fs::metadata(&out).expect("page").len();
    assert!(
        size <= 3 << 20,
        "{scenario}: the page is {size} bytes, over 3 MiB"
    );
    out
}

/// Drives the page in Chromium and returns what the driver saw.
fn drive(page: &Path) -> Value {
    let mut command = std::process::Command::new("node");
    command
        .arg(Path::new(ROOT).join("tests/browser/check.mjs"))
        .arg(page);
    if let Some(dir) = std::env::var_os("ENDGAME_SCREENSHOTS") {
        let stem = page
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_owned())
            .unwrap_or_default();
        command.arg(Path::new(&dir).join(stem));
    }
    let o = command.output().expect("node runs");
    assert!(
        o.status.success(),
        "the browser driver failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("the driver prints JSON")
}

/// A JSON object without some keys, its numbers as f64: JavaScript writes 1.0 as `1`,
/// Rust as `1.0`, and the values are what must agree.
fn without(v: &Value, keys: &[&str]) -> Value {
    fn numbers(v: &Value) -> Value {
        match v {
            Value::Number(n) => n
                .as_f64()
                .and_then(serde_json::Number::from_f64)
                .map_or(Value::Null, Value::Number),
            Value::Array(a) => Value::Array(a.iter().map(numbers).collect()),
            Value::Object(o) => {
                Value::Object(o.iter().map(|(k, v)| (k.clone(), numbers(v))).collect())
            }
            other => other.clone(),
        }
    }
    let mut v = numbers(v);
    if let Some(o) = v.as_object_mut() {
        for k in keys {
            o.remove(*k);
        }
    }
    v
}

/// Everything a page must do, checked in the browser.
fn check_page(scenario: &str, name: &str) {
    let dir = temp_dir(&format!("browser_{name}"));
    let page = page(scenario, &dir, &[]);
    let seen = drive(&page);
    let ctx = |what: &str| format!("{scenario}: {what}");

    // Offline: nothing but the file itself was requested.
    assert_eq!(
        seen["external"],
        Value::Array(vec![]),
        "{}",
        ctx("external requests")
    );
    for r in seen["requests"].as_array().expect("requests") {
        assert!(
            r.as_str().is_some_and(|u| u.starts_with("file:")),
            "{}: {r}",
            ctx("a request")
        );
    }
    assert_eq!(
        seen["errors"],
        Value::Array(vec![]),
        "{}",
        ctx("script errors")
    );
    let status = seen["initial_status"].as_str().unwrap_or_default();
    assert!(status.starts_with("Ran "), "{}: {status}", ctx("first run"));

    // Every lever, moved from the keyboard, changes the counterfactual's charts, tables and
    // sentences (the reference's race panel, index 1, stays as it was).
    let moved = seen["moved"].as_array().expect("moved");
    assert!(
        moved.len() >= 3,
        "{}",
        ctx("a lesson has at least three levers")
    );
    for m in moved {
        let key = &m["key"];
        assert_eq!(
            m["sets"].as_array().map(Vec::len),
            Some(1),
            "{}: {key} was not set",
            ctx("lever")
        );
        let charts: Vec<bool> = m["charts_changed"]
            .as_array()
            .expect("charts")
            .iter()
            .map(|b| b == true)
            .collect();
        assert!(!charts[1], "{}: {key} changed the reference", ctx("lever"));
        assert!(
            charts[0] || charts[2] || charts[3],
            "{}: {key} changed no chart",
            ctx("lever")
        );
        assert_eq!(
            m["text_changed"],
            true,
            "{}: {key} changed no sentence",
            ctx("lever")
        );
        assert!(
            m["tables_changed"]
                .as_array()
                .expect("tables")
                .iter()
                .any(|b| b == true),
            "{}: {key} changed no data table",
            ctx("lever")
        );
    }

    // No serious accessibility violation, in either mode.
    for audit in ["a11y", "a11y_projector"] {
        let serious: Vec<&Value> = seen[audit]
            .as_array()
            .expect("audit")
            .iter()
            .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
            .collect();
        assert!(serious.is_empty(), "{}: {serious:?}", ctx(audit));
    }
    assert_eq!(
        seen["projector_on"],
        true,
        "{}",
        ctx("the P key switches projector mode")
    );
    assert_eq!(
        seen["print_hides_levers"],
        true,
        "{}",
        ctx("the handout hides the controls")
    );

    // The browser's numbers are the command line's, for the same scenarios, seed and worlds.
    let fin = &seen["final"];
    let results = &fin["results"];
    std::fs::write(
        dir.join("reference.toml"),
        fin["reference"].as_str().expect("text"),
    )
    .expect("write");
    std::fs::write(
        dir.join("yours.toml"),
        results["resolved"].as_str().expect("text"),
    )
    .expect("write");
    let worlds = fin["worlds"].to_string();
    let seed = fin["seed"].to_string();
    let out = dir.join("cli");
    let (r, y, o) = (
        dir.join("reference.toml").display().to_string(),
        dir.join("yours.toml").display().to_string(),
        out.display().to_string(),
    );
    let run = endgame(&[
        "compare", &r, &y, "-n", &worlds, "--seed", &seed, "--out", &o, "--quiet",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let cli: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("compare.json")).expect("compare.json"),
    )
    .expect("json");
    let meta = ["scenario", "program"];
    assert_eq!(
        without(&cli["scenarios"][0], &meta),
        without(&results["reference"]["report"], &meta),
        "{}",
        ctx("reference numbers")
    );
    assert_eq!(
        without(&cli["scenarios"][1], &meta),
        without(&results["scenario"]["report"], &meta),
        "{}",
        ctx("counterfactual numbers")
    );
    let pair = ["base", "other"];
    assert_eq!(
        without(&cli["comparisons"][0], &pair),
        without(&results["paired"], &pair),
        "{}",
        ctx("paired numbers")
    );
    // And the page says them in words.
    let n = results["worlds"].as_u64().expect("worlds");
    let earlier = cli["comparisons"][0]["earlier"]["count"]
        .as_u64()
        .expect("count");
    let said = fin["text"].as_str().unwrap_or_default();
    let words = format!("earlier in {} of {}", thousands(earlier), thousands(n));
    assert!(
        said.contains(&words),
        "{}: the page says {said:?}, not {words:?}",
        ctx("sentence")
    );
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_bomb_or_soviet_entry_lesson_works_in_a_browser() {
    if browser_ready() {
        check_page(
            "scenarios/lessons/bomb_or_soviet_entry.toml",
            "bomb_or_soviet_entry",
        );
    }
}

#[test]
fn the_stalin_signs_potsdam_lesson_works_in_a_browser() {
    if browser_ready() {
        check_page(
            "scenarios/lessons/stalin_signs_potsdam.toml",
            "stalin_signs_potsdam",
        );
    }
}

#[test]
fn the_race_lesson_works_in_a_browser() {
    if browser_ready() {
        check_page("scenarios/lessons/the_race.toml", "the_race");
    }
}

#[test]
fn a_scenario_without_a_lesson_gets_the_default_levers_in_a_browser() {
    if browser_ready() {
        check_page("scenarios/baseline.toml", "baseline");
    }
}

/// The committed browser module matches the library's sources: the fingerprint that
/// `scripts/build-web.sh` wrote with it is the fingerprint of the sources now. (CI also
/// rebuilds the module and compares the bytes.)
#[test]
fn the_browser_module_is_built_from_these_sources() {
    use sha2::{Digest, Sha256};
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(Path::new(ROOT).join(dir))
            .expect("dir")
            .flatten()
        {
            let path = dir.join(entry.file_name());
            if entry.file_type().expect("type").is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path.display().to_string());
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    walk(Path::new("web/src"), &mut files);
    files.retain(|f| {
        !["src/cli/", "src/plot/", "src/bench/", "src/experiment/"]
            .iter()
            .any(|p| f.starts_with(p))
            && !f.ends_with("main.rs")
    });
    files.extend(["Cargo.toml", "web/Cargo.toml", "web/Cargo.lock"].map(String::from));
    files.sort();
    let mut hash = Sha256::new();
    for f in &files {
        hash.update(f.as_bytes());
        hash.update([0]);
        hash.update(std::fs::read(Path::new(ROOT).join(f)).expect("read"));
        hash.update([0]);
    }
    let got: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let want = std::fs::read_to_string(Path::new(ROOT).join("web/endgame_web.sources"))
        .expect("fingerprint");
    assert_eq!(
        got,
        want.trim(),
        "web/endgame_web.wasm is stale: the library changed since it was built; run scripts/build-web.sh and commit web/"
    );
}
