//! Shared helpers: load a scenario from the repository, run a world, find events.

use endgame::model::{Happening, WorldOutcome, run_world};
use endgame::random::Streams;
use endgame::scenario::{self, Loader, Scenario};
use endgame::time::Zone;

/// The `endgame` binary in the crate root, with `args`, ready to run.
pub fn endgame_command(args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_endgame"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs the `endgame` binary in the crate root.
pub fn endgame(args: &[&str]) -> std::process::Output {
    endgame_command(args).output().expect("the binary runs")
}

/// Reads scenario files relative to the crate root.
pub struct RepoLoader;

impl Loader for RepoLoader {
    fn read(&self, path: &str) -> Result<(String, String), String> {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::read_to_string(&full)
            .map(|t| (full.display().to_string(), t))
            .map_err(|e| e.to_string())
    }
}

/// Loads a scenario of the repository with overrides.
pub fn load(path: &str, sets: &[&str]) -> Scenario {
    let sets: Vec<String> = sets.iter().map(|s| s.to_string()).collect();
    scenario::load(path, &sets, &RepoLoader).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A world's log and outcome.
pub struct Run {
    pub log: Vec<Happening>,
    pub outcome: WorldOutcome,
}

impl Run {
    /// Every happening with this id, in order.
    pub fn all(&self, id: &str) -> Vec<&Happening> {
        self.log.iter().filter(|h| h.id() == id).collect()
    }

    /// The only happening with this id.
    pub fn one(&self, id: &str) -> &Happening {
        let found = self.all(id);
        assert_eq!(
            found.len(),
            1,
            "expected exactly one `{id}`, found {}",
            found.len()
        );
        found[0]
    }

    /// Whether any happening has this id.
    pub fn has(&self, id: &str) -> bool {
        self.log.iter().any(|h| h.id() == id)
    }

    /// The position of the first happening with this id.
    pub fn pos(&self, id: &str) -> usize {
        self.log
            .iter()
            .position(|h| h.id() == id)
            .unwrap_or_else(|| panic!("no `{id}`"))
    }
}

/// Runs world 0 of seed 1945 of a repository scenario with overrides.
pub fn run(path: &str, sets: &[&str]) -> Run {
    let s = load(path, sets);
    let mut log = Vec::new();
    let outcome = run_world(&s.params, &s.calendar, Streams::new(1945, 0), &mut log);
    Run { log, outcome }
}

/// Runs the historical scenario with overrides.
pub fn historical(sets: &[&str]) -> Run {
    run("scenarios/historical.toml", sets)
}

/// The local time of `h` in `place`'s zone, `YYYY-MM-DD HH:MM`.
pub fn local(h: &Happening, place: &str) -> String {
    Zone::named(place).expect("known zone").format(h.at)
}
