//! `mlrun runs describe`
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::pyfloat;
use serde_json::json;

#[derive(Debug, Args)]
pub struct DescribeArgs {
    run_id: String,
}

pub fn cmd_describe(ctx: &Ctx, a: DescribeArgs) -> CliResult {
    let store = ctx.store()?;
    let run_id = a.run_id;
    let run = store.get_run(&run_id)?;
    if ctx.output == OutputFormat::Json {
        return print_json(&json!({ "run": run }));
    }
    let mut rows = vec![
        vec!["info".into(), "run_id".into(), run.info.run_id.clone()],
        vec!["info".into(), "run_name".into(), run.info.run_name.clone()],
        vec![
            "info".into(),
            "experiment_id".into(),
            run.info.experiment_id.clone(),
        ],
        vec!["info".into(), "status".into(), run.info.status.to_string()],
        vec![
            "info".into(),
            "lifecycle_stage".into(),
            run.info.lifecycle_stage.as_str().into(),
        ],
        vec![
            "info".into(),
            "start_time".into(),
            run.info.start_time.to_string(),
        ],
        vec![
            "info".into(),
            "end_time".into(),
            run.info.end_time.map(|t| t.to_string()).unwrap_or_default(),
        ],
        vec![
            "info".into(),
            "artifact_uri".into(),
            run.info.artifact_uri.clone(),
        ],
    ];
    let mut params = run.data.params.clone();
    params.sort_by(|a, b| a.key.cmp(&b.key));
    rows.extend(
        params
            .into_iter()
            .map(|p| vec!["param".into(), p.key, p.value]),
    );
    let mut metrics = run.data.metrics.clone();
    metrics.sort_by(|a, b| a.key.cmp(&b.key));
    rows.extend(
        metrics
            .into_iter()
            .map(|m| vec!["metric".into(), m.key, pyfloat::format(m.value)]),
    );
    let mut tags = run.data.tags.clone();
    tags.sort_by(|a, b| a.key.cmp(&b.key));
    rows.extend(tags.into_iter().map(|t| vec!["tag".into(), t.key, t.value]));
    rows.extend(
        run.dataset_inputs()
            .into_iter()
            .map(|d| vec!["dataset".into(), d.dataset.name.clone(), d.details()]),
    );
    rows.extend(
        run.model_outputs()
            .into_iter()
            .map(|(id, step)| vec!["model".into(), id.into(), format!("step {step}")]),
    );
    print_rows(ctx, &["Kind", "Key", "Value"], &rows)
}
