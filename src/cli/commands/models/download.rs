//! `mlrun models download`
use super::source_error;
use crate::cli::error::CliResult;
use crate::cli::output::print_line;
use clap::Args;
use mlrun::stores::Stores;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// models:/NAME/VERSION, models:/NAME@ALIAS, models:/NAME/STAGE, models:/NAME/latest,
    /// models:/MODEL_ID, runs:/RUN_ID/path, or a path
    uri: String,
    /// Where to put the files (created when missing)
    #[arg(long)]
    dest: PathBuf,
}

pub fn cmd_download(stores: &Stores, a: DownloadArgs) -> CliResult {
    let reg = stores.registry();
    let DownloadArgs { uri, dest } = a;
    let out = stores
        .models()
        .download(&uri, &dest, &|_| {})
        .map_err(|e| source_error(reg, &uri, e))?;
    print_line(&out.display().to_string())
}
