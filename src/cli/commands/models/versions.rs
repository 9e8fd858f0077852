//! `mlrun models versions`
use super::{explain, fmt_ms, more, print_paged, registry_query};
use crate::cli::args::PageTokenArg;
use crate::cli::error::CliResult;
use crate::cli::output::print_rows;
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::{ModelRegistry, ModelVersion};

const VERSION_HEADERS: &[&str] = &[
    "Name", "Version", "Stage", "Aliases", "Run Id", "Source", "Created",
];

#[derive(Debug, Args)]
pub struct VersionsArgs {
    /// Only this registered model
    name: Option<String>,
    /// MLflow filter, e.g. "run_id = 'abc'" or "tags.k = 'v'"
    #[arg(long)]
    filter: Option<String>,
    /// e.g. "version_number DESC" (repeatable)
    #[arg(long = "order-by")]
    order_by: Vec<String>,
    #[arg(long, default_value_t = 10_000, allow_negative_numbers = true)]
    max_results: i64,
    #[command(flatten)]
    page: PageTokenArg,
}

pub fn cmd_versions(ctx: &Ctx, reg: &dyn ModelRegistry, a: VersionsArgs) -> CliResult {
    let query = registry_query(&a.filter, &a.order_by, a.max_results, &a.page);
    let page = match &a.name {
        Some(n) => reg
            .search_model_versions(Some(n), &query)
            .map_err(|e| explain(reg, n, e))?,
        None => reg.search_model_versions(None, &query)?,
    };
    for b in &page.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    if ctx.output == OutputFormat::Json {
        print_paged("model_versions", &page.items, &page.next_page_token)
    } else {
        print_rows(ctx, VERSION_HEADERS, &version_rows(&page.items))?;
        more(ctx, "versions", &page.next_page_token);
        Ok(())
    }
}

fn version_rows(versions: &[ModelVersion]) -> Vec<Vec<String>> {
    versions
        .iter()
        .map(|v| {
            vec![
                v.name.clone(),
                v.version.to_string(),
                v.current_stage.to_string(),
                v.aliases
                    .iter()
                    .map(|a| format!("@{a}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                v.run_id.clone().unwrap_or_default(),
                v.source.clone(),
                fmt_ms(v.creation_timestamp),
            ]
        })
        .collect()
}
