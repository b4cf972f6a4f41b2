//! The `endgame` command-line tool.

mod cli;

fn main() -> std::process::ExitCode {
    // A closed pipe (`endgame run | head`) ends the process quietly, as it does any Unix tool.
    sigpipe::reset();
    cli::main()
}
