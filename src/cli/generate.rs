//! Shell completions and the man page, generated from the clap model at run time.
use super::error::{CliError, CliResult};
use super::Cli;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: Shell,
}

pub fn completions(a: CompletionsArgs) -> CliResult {
    let mut cmd = Cli::command();
    clap_complete::generate(a.shell, &mut cmd, "mlrun", &mut std::io::stdout());
    Ok(())
}

pub fn man() -> CliResult {
    let cmd = Cli::command();
    clap_mangen::Man::new(cmd)
        .render(&mut std::io::stdout())
        .map_err(|e| CliError::user(e.to_string()))
}
