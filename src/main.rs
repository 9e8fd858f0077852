//! The `mlrun` binary: parse, run, map the result to an exit code; nothing else.
mod cli;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    std::process::exit(cli::run(args));
}
