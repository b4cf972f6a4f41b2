use endgame::model::*;
use endgame::random::Streams;
use endgame::time::{format_utc, Zone};
fn main() {
    let p = Params::historical();
    let cal = Calendar::new(&p).unwrap();
    let mut log: Vec<Happening> = Vec::new();
    let out = run_world(&p, &cal, Streams::new(1, 0), &mut log);
    for h in &log {
        let z = Zone::named(h.place()).unwrap();
        println!("{} {:12} {} {:24} {}", z.format(h.at), h.place(), format_utc(h.at), h.id(), h.text());
    }
    println!("{out:?}");
}
