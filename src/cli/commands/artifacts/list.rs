//! `mlrun artifacts list`
use crate::cli::args::RunSel;
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows};
use crate::cli::{missing_run_id, Ctx, OutputFormat};
use clap::Args;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    run: RunSel,
    path: Option<String>,
}

pub fn cmd_list(ctx: &Ctx, a: ListArgs) -> CliResult {
    let store = ctx.store()?;
    let ListArgs { run, path } = a;
    let run_id = run.run_id.ok_or_else(missing_run_id)?;
    let files = store.list_artifacts(&run_id, path.as_deref())?;
    if ctx.output == OutputFormat::Json {
        let root = store.get_run(&run_id)?.info.artifact_uri;
        return print_json(&serde_json::json!({ "root_uri": root, "files": files }));
    }
    let rows: Vec<Vec<String>> = files
        .iter()
        .map(|f| {
            vec![
                f.path.clone(),
                if f.is_dir {
                    "dir".into()
                } else {
                    "file".into()
                },
                f.file_size.map(|s| s.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    print_rows(ctx, &["Path", "Type", "Size"], &rows)
}
