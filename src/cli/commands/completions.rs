//! `mlrun completions`: a shell completion script, generated from the clap model at run time.
use crate::cli::error::CliResult;
use crate::cli::Cli;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: Shell,
}

pub fn cmd_completions(a: CompletionsArgs) -> CliResult {
    let mut cmd = Cli::command();
    clap_complete::generate(a.shell, &mut cmd, "mlrun", &mut std::io::stdout());
    Ok(())
}
