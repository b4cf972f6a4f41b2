//! The model of MODEL.md: the USSR, the USA, Japan and China, their rules, and what a world
//! reports. Pure computation: no threads, files, terminals or plots, so it also builds for
//! `wasm32-unknown-unknown`.

mod calendar;
mod japan;
mod outcome;
mod params;
mod record;
pub mod registry;
mod uncertainty;
mod usa;
mod ussr;
mod world;

pub use calendar::Calendar;
pub use outcome::{Ending, Shock, Territories, Territory, WorldOutcome};
pub use params::{
    China, EmperorTerms, Japan, Params, Potsdam, Power, ReplyKind, Signatories, Usa, Ussr,
    WeatherParams,
};
pub use record::{Actor, DdayTrigger, Happening, HopeEnd, Ignore, Observer, What, signatory_names};
pub use uncertainty::{Dist, Uncertainty, accepts_numeric, number_value};
pub use world::run_world;
