//! Turning what a world did into text for people and JSON for programs.

pub mod params;
pub mod table;
pub mod trace;
