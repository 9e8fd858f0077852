//! `mlrun models …`: the model registry (registered models, versions, stages, aliases, tags) and
//! models themselves (log, register, download, inspect, serve, predict), on a folder or a tracking
//! server alike; one file per subcommand, and their dispatch. Errors for names, versions or aliases
//! that don't exist come with a hint listing what does (`explain`).
mod build_docker;
mod container;
mod create;
mod delete;
mod delete_alias;
mod delete_tag;
mod delete_version;
mod describe;
mod download;
mod evaluate;
mod generate_dockerfile;
mod inspect;
mod loading;
mod log;
mod predict;
mod register;
mod rename;
mod search;
mod serve;
mod set_alias;
mod set_tag;
mod transition;
mod update;
mod version;
mod versions;

use crate::cli::args::PageTokenArg;
use crate::cli::error::{CliError, CliResult};
use crate::cli::output::print_json;
use crate::cli::Ctx;
use clap::Subcommand;
use mlrun::models::{mlmodel, ModelUri};
use mlrun::registry::{self, ModelRegistry, RegistryQuery};
use mlrun::StoreError;

#[derive(Debug, Subcommand)]
pub enum ModelsCmd {
    /// Create a registered model; prints its name
    Create(create::CreateArgs),
    /// List registered models (prompts excluded), by name
    List(search::SearchArgs),
    /// Search registered models with MLflow's filter and order-by syntax
    Search(search::SearchArgs),
    /// Show a registered model: description, tags, aliases, latest version per stage
    Describe(describe::DescribeArgs),
    /// Rename a registered model (its versions, tags and aliases move with it)
    Rename(rename::RenameArgs),
    /// Delete a registered model and all its versions
    Delete(delete::DeleteArgs),
    /// Set a tag on a registered model, or on one version with --version
    SetTag(set_tag::SetTagArgs),
    /// Delete a tag from a registered model, or from one version with --version
    DeleteTag(delete_tag::DeleteTagArgs),
    /// Change the description of a registered model, or of one version with --version
    Update(update::UpdateArgs),
    /// Register a model as a new version; prints the version number
    ///
    /// SOURCE is runs:/RUN_ID/path, models:/MODEL_ID (an MLflow 3 logged model), models:/NAME/VERSION
    /// (or @ALIAS, /STAGE, /latest), or a local model folder. The registered model is created when
    /// missing.
    Register(register::RegisterArgs),
    /// List the versions of a model (or of all models), newest change first
    Versions(versions::VersionsArgs),
    /// Show one model version
    Version(version::VersionArgs),
    /// Point an alias (e.g. champion) at a version
    SetAlias(set_alias::SetAliasArgs),
    /// Remove an alias
    DeleteAlias(delete_alias::DeleteAliasArgs),
    /// Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)
    Transition(transition::TransitionArgs),
    /// Delete a model version (its number is never reused; its aliases are removed)
    DeleteVersion(delete_version::DeleteVersionArgs),
    /// Copy a model's files to a folder
    Download(download::DownloadArgs),
    /// Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI
    Log(log::LogArgs),
    /// Show a model's flavors, signature and input example
    Inspect(inspect::InspectArgs),
    /// Serve a model over MLflow's scoring protocol (POST /invocations, /ping, /health, /version)
    ///
    /// python_function models are scored by Python workers that load the model with MLflow's own
    /// loader; ONNX models are scored natively, with no Python. Prints the URL on stdout when ready.
    Serve(serve::ServeArgs),
    /// Score a JSON or CSV file with a model, as `serve` would, without a server
    Predict(predict::PredictArgs),
    /// Score a model on a CSV file and log MLflow's default metrics for it (a CI gate with
    /// --threshold)
    Evaluate(evaluate::EvaluateArgs),
    /// Write a build context (Dockerfile, model, mlrun) for an image serving the model on port 8080
    GenerateDockerfile(generate_dockerfile::GenerateDockerfileArgs),
    /// Build an image serving the model on port 8080 (docker, podman or buildah)
    BuildDocker(build_docker::BuildDockerArgs),
}

/// The model commands, over a store folder or a tracking server alike.
pub fn cmd_models(ctx: &Ctx, cmd: ModelsCmd) -> CliResult {
    // Each command opens the store when it needs it: serving or packaging a local model opens
    // none (a container serving the model it holds has no store).
    match cmd {
        ModelsCmd::Serve(a) => serve::cmd_serve(ctx, a),
        ModelsCmd::Predict(a) => predict::cmd_predict(ctx, a),
        ModelsCmd::Evaluate(a) => evaluate::cmd_evaluate(ctx, a),
        ModelsCmd::GenerateDockerfile(a) => generate_dockerfile::cmd_generate_dockerfile(ctx, a),
        ModelsCmd::BuildDocker(a) => build_docker::cmd_build_docker(ctx, a),
        ModelsCmd::Create(a) => create::cmd_create(ctx, ctx.stores()?.registry(), a),
        ModelsCmd::List(a) | ModelsCmd::Search(a) => {
            search::cmd_search(ctx, ctx.stores()?.registry(), a)
        }
        ModelsCmd::Describe(a) => describe::cmd_describe(ctx, ctx.stores()?, a),
        ModelsCmd::Rename(a) => rename::cmd_rename(ctx, ctx.stores()?.registry(), a),
        ModelsCmd::Delete(a) => delete::cmd_delete(ctx, ctx.stores()?.registry(), a),
        ModelsCmd::SetTag(a) => set_tag::cmd_set_tag(ctx.stores()?.registry(), a),
        ModelsCmd::DeleteTag(a) => delete_tag::cmd_delete_tag(ctx.stores()?.registry(), a),
        ModelsCmd::Update(a) => update::cmd_update(ctx, ctx.stores()?.registry(), a),
        ModelsCmd::Register(a) => register::cmd_register(ctx, ctx.stores()?, a),
        ModelsCmd::Versions(a) => versions::cmd_versions(ctx, ctx.stores()?.registry(), a),
        ModelsCmd::Version(a) => version::cmd_version(ctx, ctx.stores()?, a),
        ModelsCmd::SetAlias(a) => set_alias::cmd_set_alias(ctx, ctx.stores()?.registry(), a),
        ModelsCmd::DeleteAlias(a) => delete_alias::cmd_delete_alias(ctx.stores()?.registry(), a),
        ModelsCmd::Transition(a) => transition::cmd_transition(ctx, ctx.stores()?.registry(), a),
        ModelsCmd::DeleteVersion(a) => {
            delete_version::cmd_delete_version(ctx, ctx.stores()?.registry(), a)
        }
        ModelsCmd::Download(a) => download::cmd_download(ctx.stores()?, a),
        ModelsCmd::Log(a) => log::cmd_log(ctx, ctx.stores()?, a),
        ModelsCmd::Inspect(a) => inspect::cmd_inspect(ctx, ctx.stores()?, a),
    }
}

pub fn version_arg(v: &str) -> CliResult<i64> {
    Ok(registry::parse_version(v)?)
}

fn join_or(items: &[String], none: &str) -> String {
    if items.is_empty() {
        none.to_string()
    } else {
        items.join(", ")
    }
}

/// Turns a registry error into a CLI error whose hint says what exists for `name`.
pub fn explain(reg: &dyn ModelRegistry, name: &str, e: StoreError) -> CliError {
    let not_found = matches!(e, StoreError::NotFound(_));
    let mut err = CliError::from(e);
    if !not_found || registry::validate_model_name(name).is_err() {
        return err;
    }
    match reg.get_registered_model(name) {
        Err(_) => {
            let names: Vec<String> = reg
                .list_registered_models()
                .map(|l| l.items.into_iter().map(|m| m.name).collect())
                .unwrap_or_default();
            err.hint = Some(if names.is_empty() {
                "there are no registered models yet; `mlrun models register` creates one".into()
            } else {
                format!("registered models: {}", names.join(", "))
            });
        }
        Ok(rm) => {
            let versions: Vec<String> = reg
                .list_model_versions(Some(name))
                .map(|l| {
                    let mut v: Vec<i64> = l.items.iter().map(|mv| mv.version).collect();
                    v.sort();
                    v.into_iter().map(|n| n.to_string()).collect()
                })
                .unwrap_or_default();
            let aliases: Vec<String> = rm
                .aliases
                .iter()
                .map(|a| format!("@{} (version {})", a.alias, a.version))
                .collect();
            err.hint = Some(format!(
                "'{name}' has versions: {}; aliases: {}",
                join_or(&versions, "none"),
                join_or(&aliases, "none")
            ));
        }
    }
    err
}

pub fn fmt_ms(ms: i64) -> String {
    let d = std::time::Duration::from_millis(ms.max(0) as u64);
    let s = mlmodel::utc_time_string(d);
    format!("{} UTC", &s[..19])
}

/// `{"key": value}` with the value's own field order kept (`json!` would sort it).
pub fn keyed<'a, T: serde::Serialize>(
    key: &'a str,
    value: &'a T,
) -> std::collections::BTreeMap<&'a str, &'a T> {
    std::collections::BTreeMap::from([(key, value)])
}

/// A registry search from its flags.
pub fn registry_query(
    filter: &Option<String>,
    order_by: &[String],
    max_results: i64,
    page: &PageTokenArg,
) -> RegistryQuery {
    RegistryQuery {
        filter: filter.clone(),
        order_by: order_by.to_vec(),
        max_results,
        page_token: page.page_token.clone(),
    }
}

/// A search page in MLflow's REST shape: `{"<key>": [...], "next_page_token": …}`, the token only
/// when more match.
#[derive(serde::Serialize)]
struct Paged<'a, T: serde::Serialize> {
    #[serde(flatten)]
    items: std::collections::BTreeMap<&'a str, &'a [T]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_page_token: Option<&'a str>,
}

pub fn print_paged<T: serde::Serialize>(
    key: &str,
    items: &[T],
    next: &Option<String>,
) -> CliResult {
    print_json(&Paged {
        items: std::collections::BTreeMap::from([(key, items)]),
        next_page_token: next.as_deref(),
    })
}

/// Tells the user (stderr) how to get the next page.
pub fn more(ctx: &Ctx, what: &str, next: &Option<String>) {
    if let Some(t) = next {
        ctx.say(&format!(
            "more {what} match: pass --page-token {t} for the next page"
        ));
    }
}

/// Adds a "what exists" hint to errors about a `models:/NAME…` URI.
pub fn source_error(reg: &dyn ModelRegistry, uri: &str, e: StoreError) -> CliError {
    match ModelUri::parse(uri) {
        Ok(ModelUri::Registered { name, .. }) => explain(reg, &name, e),
        _ => e.into(),
    }
}

/// Where a model came from: the run that made it, that run's source commit and dataset inputs.
/// `run` is None when the run is not in this tracking store (deleted for good, or another store's).
pub struct Lineage {
    pub run_id: String,
    pub run: Option<mlrun::Run>,
    /// Why the run could not be read, when it exists but is damaged or unreachable.
    pub error: Option<String>,
}

impl Lineage {
    /// The lineage of a model its run id names; a run this store lacks or cannot read is shown
    /// so (the model stays describable when its run is gone or damaged).
    pub fn of(tracking: &dyn mlrun::TrackingStore, run_id: &str) -> Self {
        let (run, error) = match tracking.get_run(run_id) {
            Ok(r) => (Some(r), None),
            Err(StoreError::NotFound(_)) => (None, None),
            Err(e) => (None, Some(e.to_string())),
        };
        Self {
            run_id: run_id.to_string(),
            run,
            error,
        }
    }

    fn commit(&self) -> Option<&str> {
        self.run
            .as_ref()
            .and_then(|r| r.tag("mlflow.source.git.commit"))
    }

    /// Rows `[field, value]` for a describe table.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let Some(run) = &self.run else {
            let why = match &self.error {
                Some(e) => format!("cannot be read: {e}"),
                None => "not in this tracking store".into(),
            };
            return vec![vec!["run".into(), format!("{} ({why})", self.run_id)]];
        };
        let mut rows = vec![vec![
            "run".into(),
            format!(
                "{} ({}, experiment {})",
                run.info.run_id, run.info.run_name, run.info.experiment_id
            ),
        ]];
        if let Some(c) = self.commit() {
            rows.push(vec!["source commit".into(), c.to_string()]);
        }
        rows.extend(
            run.dataset_inputs()
                .into_iter()
                .map(|d| vec![format!("dataset {}", d.dataset.name), d.details()]),
        );
        rows
    }

    /// `{"run_id", "run_name", "experiment_id", "source_commit", "dataset_inputs"}` (inputs in
    /// MLflow's REST `DatasetInput` shape); `run_name` and after are absent when the run is.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::json!({ "run_id": self.run_id });
        if let Some(e) = &self.error {
            v["error"] = e.clone().into();
        }
        if let Some(run) = &self.run {
            v["run_name"] = run.info.run_name.clone().into();
            v["experiment_id"] = run.info.experiment_id.clone().into();
            v["source_commit"] = self.commit().into();
            v["dataset_inputs"] = run
                .inputs
                .get("dataset_inputs")
                .cloned()
                .unwrap_or_else(|| serde_json::json!([]));
        }
        v
    }
}
