//! `mlrun models describe`
use super::{explain, keyed};
use crate::cli::error::CliResult;
use crate::cli::output::{print_json, print_rows, tags_text};
use crate::cli::{Ctx, OutputFormat};
use clap::Args;
use mlrun::registry::{ModelRegistry, RegisteredModel};

#[derive(Debug, Args)]
pub struct DescribeArgs {
    name: String,
}

pub fn cmd_describe(ctx: &Ctx, reg: &dyn ModelRegistry, a: DescribeArgs) -> CliResult {
    let DescribeArgs { name } = a;
    let rm = reg
        .get_registered_model(&name)
        .map_err(|e| explain(reg, &name, e))?;
    print_model(ctx, &rm)
}

fn print_model(ctx: &Ctx, rm: &RegisteredModel) -> CliResult {
    if ctx.output == OutputFormat::Json {
        return print_json(&keyed("registered_model", &rm));
    }
    let tags = tags_text(&rm.tags);
    let aliases = rm
        .aliases
        .iter()
        .map(|a| format!("@{}={}", a.alias, a.version))
        .collect::<Vec<_>>()
        .join(", ");
    let latest = rm
        .latest_versions
        .iter()
        .map(|v| format!("{}: {}", v.current_stage, v.version))
        .collect::<Vec<_>>()
        .join(", ");
    let fields = vec![
        vec!["name".into(), rm.name.clone()],
        vec![
            "description".into(),
            rm.description.clone().unwrap_or_default(),
        ],
        vec!["latest_versions".into(), latest],
        vec!["aliases".into(), aliases],
        vec!["tags".into(), tags],
        vec![
            "creation_timestamp".into(),
            rm.creation_timestamp.to_string(),
        ],
        vec![
            "last_updated_timestamp".into(),
            rm.last_updated_timestamp.to_string(),
        ],
    ];
    print_rows(ctx, &["Field", "Value"], &fields)
}
