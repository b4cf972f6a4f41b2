//! The browser's entry points. JavaScript writes a JSON request into the input buffer
//! ([`endgame_input`]), calls [`endgame_explore`], and reads the JSON answer from the
//! output buffer ([`endgame_output`]). Buffers live in this module, so no pointer crosses
//! the boundary but the ones handed out here.
//!
//! The request: `{"reference": [name, toml], "scenario": [name, toml], "sets": ["KEY=VALUE"],
//! "seed": 1945, "worlds": 2000}`; the answer: `{"ok": exploration}` or `{"error": message}`.

use std::cell::RefCell;

use endgame::classroom::{Request, explore};
use endgame::scenario::MAX_LESSON_WORLDS;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

#[derive(serde::Deserialize)]
struct Json {
    reference: (String, String),
    scenario: (String, String),
    #[serde(default)]
    sets: Vec<String>,
    seed: u64,
    worlds: u64,
}

/// Makes the input buffer `len` bytes long and returns where it starts.
#[unsafe(no_mangle)]
pub extern "C" fn endgame_input(len: usize) -> *mut u8 {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.resize(len, 0);
        b.as_mut_ptr()
    })
}

/// Where the output buffer starts.
#[unsafe(no_mangle)]
pub extern "C" fn endgame_output() -> *const u8 {
    OUTPUT.with(|b| b.borrow().as_ptr())
}

/// Runs the request in the input buffer; returns the length of the answer in the output
/// buffer.
#[unsafe(no_mangle)]
pub extern "C" fn endgame_explore() -> usize {
    let input = INPUT.with(|b| std::mem::take(&mut *b.borrow_mut()));
    let answer = answer(&input);
    OUTPUT.with(|b| {
        let mut b = b.borrow_mut();
        *b = answer.into_bytes();
        b.len()
    })
}

fn answer(input: &[u8]) -> String {
    let error = |message: String| serde_json::json!({ "error": message }).to_string();
    let req: Json = match serde_json::from_slice(input) {
        Ok(r) => r,
        Err(e) => return error(format!("malformed request: {e}")),
    };
    if req.worlds == 0 || req.worlds > MAX_LESSON_WORLDS {
        return error(format!(
            "the page runs 1 to {MAX_LESSON_WORLDS} worlds, not {}",
            req.worlds
        ));
    }
    let request = Request {
        reference: (&req.reference.0, &req.reference.1),
        scenario: (&req.scenario.0, &req.scenario.1),
        sets: &req.sets,
        seed: req.seed,
        worlds: req.worlds,
    };
    match explore(&request) {
        Ok(e) => serde_json::json!({ "ok": e }).to_string(),
        Err(e) => error(e.to_string()),
    }
}
