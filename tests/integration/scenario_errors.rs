//! Invalid scenarios: each kind of mistake gives one exact, actionable message.

use endgame::scenario::{MemoryLoader, load, parse_str};

fn error_of(text: &str) -> String {
    match parse_str("s.toml", text, &[]) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e.to_string(),
    }
}

/// (what is wrong, scenario text, the exact message).
const CASES: &[(&str, &str, &str)] = &[
    (
        "unknown key",
        "frobnicate = 1\n",
        "s.toml:1:1: `frobnicate`: unknown key",
    ),
    (
        "typo of a real key",
        "[usa]\nbom_ready = []\n",
        "s.toml:2:1: `usa.bom_ready`: unknown key; did you mean `usa.bomb_ready`?",
    ),
    (
        "key in the wrong section",
        "[usa]\nplanned_dday = \"1945-08-15 00:00 Transbaikal\"\n",
        "s.toml:2:1: `usa.planned_dday`: unknown key; did you mean `ussr.planned_dday`?",
    ),
    (
        "wrong type",
        "[ussr]\nenters_war = \"yes\"\n",
        "s.toml:2:14: `ussr.enters_war`: expected true or false, found the string \"yes\"",
    ),
    (
        "bad time",
        "[usa]\ntrinity = \"1945-07-32 05:30 Trinity\"\n",
        "s.toml:2:11: `usa.trinity`: `1945-07-32 05:30 Trinity` is not a time: `1945-07-32` is not a valid date; write e.g. \"1945-08-09 00:00 Transbaikal\" or \"1945-08-08T15:00:00Z\"",
    ),
    (
        "unknown zone",
        "[usa]\ntrinity = \"1945-07-16 05:30 Tokio\"\n",
        "s.toml:2:11: `usa.trinity`: unknown time zone `Tokio` in \"1945-07-16 05:30 Tokio\"; did you mean `Tokyo`?",
    ),
    (
        "time without a zone",
        "[usa]\ntrinity = \"1945-07-16 05:30\"\n",
        "s.toml:2:11: `usa.trinity`: `1945-07-16 05:30` is not a time: it names no time zone (add one, e.g. \"Tokyo\" or \"UTC\"); write e.g. \"1945-08-09 00:00 Transbaikal\" or \"1945-08-08T15:00:00Z\"",
    ),
    (
        "TOML date-time without offset",
        "[usa]\ntrinity = 1945-07-16T05:30:00\n",
        "s.toml:2:11: `usa.trinity`: the time 1945-07-16T05:30:00 has no zone; write it as a string with its zone, e.g. \"1945-08-09 00:00 Transbaikal\"",
    ),
    (
        "time outside the simulated period",
        "[usa]\ntrinity = \"1944-07-16 05:30 Trinity\"\n",
        "s.toml:2:11: `usa.trinity`: the time 1944-07-16T11:30:00Z lies outside the simulated period, 1945-06-01 to 1946-12-31",
    ),
    (
        "end before start: compressed lead longer than planned",
        "[ussr]\nlead_planned = \"3d\"\nlead_min = \"4d\"\n",
        "s.toml:3:12: `ussr.lead_min`: the compressed preparation (4d) cannot be longer than the planned one, ussr.lead_planned (3d)",
    ),
    (
        "end before start: X-day before the ultimatum",
        "[usa]\nolympic_xday = \"1945-07-01 00:00 Tokyo\"\n",
        "s.toml:2:16: `usa.olympic_xday`: X-day, the end of a world, must come after the ultimatum (potsdam.issued)",
    ),
    (
        "probability above 1",
        "[japan]\np_seidan = 1.5\n",
        "s.toml:2:12: `japan.p_seidan`: expected a probability from 0 to 1, found 1.5",
    ),
    (
        "negative weight",
        "[japan]\nw_soviet_entry = -1\n",
        "s.toml:2:18: `japan.w_soviet_entry`: expected a number from 0 to 10, found -1",
    ),
    (
        "not a duration",
        "[japan]\nconvene_delay = \"three days\"\n",
        "s.toml:2:17: `japan.convene_delay`: `three days` is not a duration: write e.g. \"90m\", \"36h\", \"3d\" or \"2d 10h 5m\"",
    ),
    (
        "duration without a unit",
        "[japan]\nconvene_delay = 72\n",
        "s.toml:2:17: `japan.convene_delay`: expected a duration, e.g. \"90m\", \"36h\", \"3d\" or \"2d 10h\", found the integer 72 (a duration needs a unit)",
    ),
    (
        "bombs out of order",
        "[usa]\nbomb_ready = [\"1945-08-08 12:00 Tinian\", \"1945-07-31 12:00 Tinian\"]\n",
        "s.toml:2:14: `usa.bomb_ready`: the times must be in ascending order, but 1945-07-31T02:00:00Z comes after 1945-08-08T02:00:00Z",
    ),
    (
        "signatories without the US",
        "[potsdam]\nsignatories = [\"UK\", \"USSR\"]\n",
        "s.toml:2:15: `potsdam.signatories`: the US issues the ultimatum, so the list must include \"US\"",
    ),
    (
        "unknown signatory",
        "[potsdam]\nsignatories = [\"US\", \"USSA\"]\n",
        "s.toml:2:15: `potsdam.signatories`: unknown signatory \"USSA\"; expected \"US\", \"UK\", \"China\" or \"USSR\"; did you mean \"USSR\"?",
    ),
    (
        "misspelt choice",
        "[potsdam]\nemperor = \"guarnteed\"\n",
        "s.toml:2:11: `potsdam.emperor`: expected one of \"silent\", \"guaranteed\", \"abolished\", found \"guarnteed\"; did you mean \"guaranteed\"?",
    ),
    (
        "a day both clear and overcast",
        "[usa.weather]\nclear = [\"1945-08-06\"]\novercast = [\"1945-08-06\"]\n",
        "s.toml:3:12: `usa.weather.overcast`: 1945-08-06 is listed as both clear (usa.weather.clear) and overcast",
    ),
    (
        "a value where a section belongs",
        "usa = 3\n",
        "s.toml:1:1: `usa`: `usa` is a section; expected a table of its keys, found the integer 3",
    ),
    (
        "invalid TOML",
        "[usa\ntrinity = 1\n",
        "s.toml:1:5: not valid TOML: unclosed table, expected `]`",
    ),
    (
        "missing extended file",
        "extends = \"nope.toml\"\n",
        "s.toml:1:11: `extends`: cannot read scenario `nope.toml`: no such file",
    ),
];

#[test]
fn each_mistake_gives_its_exact_message() {
    assert!(CASES.len() >= 12);
    for (what, text, want) in CASES {
        assert_eq!(&error_of(text), want, "{what}");
    }
}

#[test]
fn every_problem_of_a_file_is_reported_in_line_order() {
    let e = parse_str(
        "s.toml",
        "[usa]\nbom_ready = []\n[japan]\np_seidan = 2\nw_hope = \"x\"\n",
        &[],
    )
    .expect_err("three problems");
    let lines: Vec<usize> = e
        .problems
        .iter()
        .map(|p| match p.origin {
            endgame::scenario::Origin::File { line, .. } => line,
            _ => 0,
        })
        .collect();
    assert_eq!(lines, [2, 4, 5]);
}

fn loader(files: &[(&str, &str)]) -> MemoryLoader {
    let mut l = MemoryLoader::default();
    for (path, text) in files {
        l.files.insert(path.to_string(), text.to_string());
    }
    l
}

#[test]
fn an_extends_cycle_is_named() {
    let l = loader(&[
        ("dir/a.toml", "extends = \"b.toml\"\n"),
        ("dir/b.toml", "extends = \"../dir/a.toml\"\n"),
    ]);
    let e = load("dir/a.toml", &[], &l).expect_err("cycle");
    assert_eq!(
        e.to_string(),
        "dir/b.toml:1:11: `extends`: `extends` makes a cycle: dir/a.toml -> dir/b.toml -> dir/a.toml (in a file extended at dir/a.toml:1:11)"
    );
}

#[test]
fn a_problem_in_an_extended_file_names_that_file_and_the_chain() {
    let l = loader(&[
        ("base.toml", "[japan]\nw_bomb = -0.5\n"),
        (
            "child.toml",
            "extends = \"base.toml\"\n[japan]\nw_hope = 0.4\n",
        ),
    ]);
    let e = load("child.toml", &[], &l).expect_err("bad base");
    assert_eq!(
        e.to_string(),
        "base.toml:2:10: `japan.w_bomb`: expected a number from 0 to 10, found -0.5 (in a file extended at child.toml:1:11)"
    );
}

#[test]
fn a_long_extends_chain_stops() {
    let files: Vec<(String, String)> = (0..40)
        .map(|i| {
            (
                format!("f{i}.toml"),
                format!("extends = \"f{}.toml\"\n", i + 1),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let e = load("f0.toml", &[], &loader(&refs)).expect_err("too deep");
    assert!(
        e.to_string()
            .contains("the `extends` chain is longer than 32 files"),
        "{e}"
    );
}

#[test]
fn extends_overrides_and_set_overrides_last() {
    let l = loader(&[
        ("base.toml", "[japan]\nw_hope = 0.4\nw_bomb = 0.3\n"),
        (
            "child.toml",
            "extends = \"base.toml\"\n[japan]\nw_hope = 0.6\n",
        ),
    ]);
    let s = load("child.toml", &["japan.w_bomb=0.35".into()], &l).expect("valid");
    assert!(
        (s.params.japan.w_hope - 0.6).abs() < 1e-12,
        "the child overrides its base"
    );
    assert!(
        (s.params.japan.w_bomb - 0.35).abs() < 1e-12,
        "--set overrides both"
    );
    assert!(
        (s.params.japan.w_soviet_entry - 0.45).abs() < 1e-12,
        "unset keys stay historical"
    );
}

#[test]
fn set_errors_say_so() {
    let bad = |set: &str| {
        parse_str("s.toml", "", &[set.to_string()])
            .expect_err(set)
            .to_string()
    };
    assert_eq!(
        bad("usa.trinty=1"),
        "--set: `usa.trinty`: unknown key; did you mean `usa.trinity`?"
    );
    assert_eq!(
        bad("noequals"),
        "--set: expected KEY=VALUE, found \"noequals\""
    );
    assert_eq!(
        bad("usa.trinity=["),
        "--set: `usa.trinity`: the value `[` is not a TOML value: unclosed array, expected `]`"
    );
    // A bare word is taken as a string, as users type it.
    let s = parse_str("s.toml", "", &["potsdam.emperor=guaranteed".into()]).expect("bare word");
    assert_eq!(
        s.params.potsdam.emperor,
        endgame::model::EmperorTerms::Guaranteed
    );
}
