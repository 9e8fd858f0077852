//! `mlrun man`: the man page (roff), generated from the clap model at run time.
use crate::cli::error::{CliError, CliResult};
use crate::cli::Cli;
use clap::CommandFactory;

pub fn cmd_man() -> CliResult {
    let cmd = Cli::command();
    clap_mangen::Man::new(cmd)
        .render(&mut std::io::stdout())
        .map_err(|e| CliError::user(e.to_string()))
}
