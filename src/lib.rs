//! # Endgame
//!
//! A counterfactual discrete-event simulator of how the Pacific War ended in 1945: the race
//! between Soviet entry and the atomic bomb, and the Japanese leadership's decision to
//! surrender.
//!
//! The crate is layered; dependencies point one way:
//!
//! - [`engine`]: a domain-free discrete-event engine (integer time, a deterministic event
//!   queue, a run loop that says why it stopped);
//! - [`time`]: times and zones of 1945, through the IANA database;
//! - [`model`]: the actors' rules, the parameter registry, and a world's outcome;
//! - [`scenario`]: TOML scenarios turned into validated parameters;
//! - [`random`]: reproducible random streams;
//! - [`report`]: words and JSON for what happened.
//!
//! None of these does I/O or uses threads, so they build for `wasm32-unknown-unknown`.
//!
//! ## A world, from a scenario to its outcome
//!
//! ```
//! use endgame::model::{run_world, Happening, Shock};
//! use endgame::random::Streams;
//! use endgame::scenario::parse_str;
//!
//! // The historical world (every key left out keeps its historical value) ...
//! let history = parse_str("history.toml", "", &[]).unwrap();
//! let mut log: Vec<Happening> = Vec::new();
//! let outcome = run_world(&history.params, &history.calendar, Streams::new(1945, 0), &mut log);
//! assert_eq!(outcome.decisive, Some(Shock::SovietEntry));
//! assert_eq!(outcome.bombs_dropped(), 2);
//!
//! // ... and one where the first bomb is not ready until Aug 20.
//! let late = parse_str("late.toml", "[usa]\nbomb_ready = [\"1945-08-20 12:00 Tinian\"]\n", &[]).unwrap();
//! let mut late_log: Vec<Happening> = Vec::new();
//! run_world(&late.params, &late.calendar, Streams::new(1945, 0), &mut late_log);
//! let attack = |log: &[Happening]| log.iter().find(|h| h.id() == "ussr_attack").unwrap().at;
//! // Without Hiroshima there is no race: Stalin attacks 48 hours later.
//! assert_eq!((attack(&late_log) - attack(&log)).as_minutes(), 48 * 60);
//! ```

#![cfg_attr(test, allow(clippy::unwrap_used))]
#[cfg(feature = "cli")]
pub mod bench;
pub mod classroom;
pub mod engine;
#[cfg(feature = "cli")]
pub mod experiment;
pub mod model;
#[cfg(feature = "cli")]
pub mod plot;
pub mod random;
pub mod report;
pub mod scenario;
pub mod sensitivity;
pub mod summary;
pub mod time;
