//! `mlrun models list` and `mlrun models search`
use super::{fmt_ms, more, print_paged, registry_query};
use crate::cli::args::PageTokenArg;
use crate::cli::error::CliResult;
use crate::cli::output::print_rows;
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::{ModelRegistry, RegisteredModel};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// MLflow filter, e.g. "name LIKE 'fraud%'" or "tags.team = 'ml'"
    #[arg(long)]
    filter: Option<String>,
    /// e.g. "last_updated_timestamp DESC" (repeatable)
    #[arg(long = "order-by")]
    order_by: Vec<String>,
    #[arg(long, default_value_t = 100, allow_negative_numbers = true)]
    max_results: i64,
    #[command(flatten)]
    page: PageTokenArg,
}

pub fn cmd_search(ctx: &Ctx, reg: &dyn ModelRegistry, search: SearchArgs) -> CliResult {
    let query = registry_query(
        &search.filter,
        &search.order_by,
        search.max_results,
        &search.page,
    );
    let page = reg.search_registered_models(&query)?;
    for b in &page.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    let models = page.items;
    if ctx.output == OutputFormat::Json {
        print_paged("registered_models", &models, &page.next_page_token)
    } else {
        print_rows(
            ctx,
            &[
                "Name",
                "Latest Version",
                "Aliases",
                "Last Updated",
                "Description",
            ],
            &model_rows(&models),
        )?;
        more(ctx, "models", &page.next_page_token);
        Ok(())
    }
}

fn model_rows(models: &[RegisteredModel]) -> Vec<Vec<String>> {
    models
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.latest_versions
                    .iter()
                    .map(|v| v.version)
                    .max()
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                m.aliases
                    .iter()
                    .map(|a| format!("@{}={}", a.alias, a.version))
                    .collect::<Vec<_>>()
                    .join(" "),
                fmt_ms(m.last_updated_timestamp),
                m.description.clone().unwrap_or_default(),
            ]
        })
        .collect()
}
