pub mod engine;
pub mod time;
