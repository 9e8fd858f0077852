//! `mlrun models …`: the model registry (registered models, versions, stages, aliases, tags) and
//! models themselves (log, register, download, inspect), on a folder or a tracking server alike.
//! Errors for names, versions or aliases that don't exist come with a hint listing what does.
use super::args::PageTokenArg;
use super::error::{CliError, CliResult};
use super::output::{print_json, print_line, print_rows, tags_text};
use super::{parse_kv, Ctx, OutputFormat};
use clap::{Args, Subcommand};
use mlrun::models::mlmodel::{self, KnownFlavor, MlModel, Signature};
use mlrun::models::{LogRequest, ModelUri};
use mlrun::registry::{self, ModelRegistry, ModelVersion, RegisteredModel, RegistryQuery, Stage};
use mlrun::stores::Stores;
use mlrun::{StoreError, Tag};
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum ModelsCmd {
    /// Create a registered model; prints its name
    Create {
        name: String,
        #[arg(long)]
        description: Option<String>,
        /// A tag K=V (repeatable)
        #[arg(long = "tag", value_name = "K=V", value_parser = parse_kv)]
        tags: Vec<(String, String)>,
    },
    /// List registered models (prompts excluded), by name
    List {
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Search registered models with MLflow's filter and order-by syntax
    Search {
        #[command(flatten)]
        search: SearchArgs,
    },
    /// Show a registered model: description, tags, aliases, latest version per stage
    Describe { name: String },
    /// Rename a registered model (its versions, tags and aliases move with it)
    Rename { name: String, new_name: String },
    /// Delete a registered model and all its versions
    Delete { name: String },
    /// Set a tag on a registered model, or on one version with --version
    SetTag {
        name: String,
        key: String,
        value: String,
        /// Act on this version instead of the registered model
        #[arg(long = "model-version", id = "model_version", value_name = "VERSION")]
        version: Option<String>,
    },
    /// Delete a tag from a registered model, or from one version with --version
    DeleteTag {
        name: String,
        key: String,
        /// Act on this version instead of the registered model
        #[arg(long = "model-version", id = "model_version", value_name = "VERSION")]
        version: Option<String>,
    },
    /// Change the description of a registered model, or of one version with --version
    Update {
        name: String,
        /// The new description (omit to clear it)
        #[arg(long)]
        description: Option<String>,
        /// Act on this version instead of the registered model
        #[arg(long = "model-version", id = "model_version", value_name = "VERSION")]
        version: Option<String>,
    },
    /// Register a model as a new version; prints the version number
    ///
    /// SOURCE is runs:/RUN_ID/path, models:/MODEL_ID (an MLflow 3 logged model), models:/NAME/VERSION
    /// (or @ALIAS, /STAGE, /latest), or a local model folder. The registered model is created when
    /// missing.
    Register(RegisterArgs),
    /// List the versions of a model (or of all models), newest change first
    Versions {
        /// Only this registered model
        name: Option<String>,
        #[command(flatten)]
        search: VersionSearchArgs,
    },
    /// Show one model version
    Version {
        name: String,
        #[arg(id = "model_version", value_name = "VERSION")]
        version: String,
    },
    /// Point an alias (e.g. champion) at a version
    SetAlias {
        name: String,
        alias: String,
        #[arg(id = "model_version", value_name = "VERSION")]
        version: String,
    },
    /// Remove an alias
    DeleteAlias { name: String, alias: String },
    /// Move a version to a stage: None, Staging, Production or Archived (deprecated in MLflow)
    Transition {
        name: String,
        #[arg(id = "model_version", value_name = "VERSION")]
        version: String,
        stage: String,
        /// Move the other versions in Staging/Production to Archived
        #[arg(long)]
        archive_existing: bool,
    },
    /// Delete a model version (its number is never reused; its aliases are removed)
    DeleteVersion {
        name: String,
        #[arg(id = "model_version", value_name = "VERSION")]
        version: String,
    },
    /// Copy a model's files to a folder
    Download {
        /// models:/NAME/VERSION, models:/NAME@ALIAS, models:/NAME/STAGE, models:/NAME/latest,
        /// models:/MODEL_ID, runs:/RUN_ID/path, or a path
        uri: String,
        /// Where to put the files (created when missing)
        #[arg(long)]
        dest: PathBuf,
    },
    /// Log a model folder or file into a run, as MLflow 3 does; prints its models:/ URI
    Log(LogArgs),
    /// Show a model's flavors, signature and input example
    Inspect {
        /// Any model URI (see `download`)
        uri: String,
    },
    /// Serve a model over MLflow's scoring protocol (POST /invocations, /ping, /health, /version)
    ///
    /// python_function models are scored by Python workers that load the model with MLflow's own
    /// loader; ONNX models are scored natively, with no Python. Prints the URL on stdout when ready.
    Serve(super::serve::ServeArgs),
    /// Score a JSON or CSV file with a model, as `serve` would, without a server
    Predict(super::serve::PredictArgs),
}

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

impl SearchArgs {
    fn query(&self) -> RegistryQuery {
        registry_query(&self.filter, &self.order_by, self.max_results, &self.page)
    }
}

#[derive(Debug, Args)]
pub struct VersionSearchArgs {
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

impl VersionSearchArgs {
    fn query(&self) -> RegistryQuery {
        registry_query(&self.filter, &self.order_by, self.max_results, &self.page)
    }
}

fn registry_query(
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

fn print_paged<T: serde::Serialize>(key: &str, items: &[T], next: &Option<String>) -> CliResult {
    print_json(&Paged {
        items: std::collections::BTreeMap::from([(key, items)]),
        next_page_token: next.as_deref(),
    })
}

/// Tells the user (stderr) how to get the next page.
fn more(ctx: &Ctx, what: &str, next: &Option<String>) {
    if let Some(t) = next {
        ctx.say(&format!(
            "more {what} match: pass --page-token {t} for the next page"
        ));
    }
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    source: String,
    name: String,
    /// A version tag K=V (repeatable)
    #[arg(long = "tag", value_name = "K=V", value_parser = parse_kv)]
    tags: Vec<(String, String)>,
    /// The version's description
    #[arg(long)]
    description: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// A model folder (with or without an MLmodel file) or a single model file
    path: PathBuf,
    /// The run that produced the model
    #[arg(long, env = super::env_vars::RUN_ID)]
    run_id: Option<String>,
    /// The model's name within the run (runs:/RUN_ID/NAME finds it)
    #[arg(long, default_value = "model")]
    name: String,
    /// The flavor of a bare model file: onnx or sklearn [default: from the file extension]
    #[arg(long, value_parser = parse_flavor)]
    flavor: Option<KnownFlavor>,
    /// A JSON file {"inputs": [...], "outputs": [...], "params": [...]} in MLflow's schema format
    #[arg(long, value_name = "FILE")]
    signature: Option<PathBuf>,
    /// A JSON file with an input example (a list for tensors, {"columns", "data"} for a dataframe)
    #[arg(long, value_name = "FILE")]
    input_example: Option<PathBuf>,
    /// Python version for the environment files (python_env.yaml, conda.yaml), e.g. 3.11.7
    #[arg(long)]
    python_version: Option<String>,
    /// Also register the logged model under this name
    #[arg(long, value_name = "NAME")]
    register: Option<String>,
}

fn parse_flavor(s: &str) -> Result<KnownFlavor, String> {
    KnownFlavor::parse(s).ok_or_else(|| format!("unknown flavor '{s}' (known: onnx, sklearn)"))
}

fn tags_of(pairs: Vec<(String, String)>) -> Vec<Tag> {
    pairs.into_iter().map(|(k, v)| Tag::new(k, v)).collect()
}

fn version_arg(v: &str) -> CliResult<i64> {
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
fn explain(reg: &dyn ModelRegistry, name: &str, e: StoreError) -> CliError {
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

fn fmt_ms(ms: i64) -> String {
    let d = std::time::Duration::from_millis(ms.max(0) as u64);
    let s = mlmodel::utc_time_string(d);
    format!("{} UTC", &s[..19])
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

const VERSION_HEADERS: &[&str] = &[
    "Name", "Version", "Stage", "Aliases", "Run Id", "Source", "Created",
];

fn print_version(ctx: &Ctx, mv: &ModelVersion) -> CliResult {
    if ctx.output == OutputFormat::Json {
        return print_json(&keyed("model_version", &mv));
    }
    let tags = tags_text(&mv.tags);
    let fields = vec![
        vec!["name".into(), mv.name.clone()],
        vec!["version".into(), mv.version.to_string()],
        vec!["current_stage".into(), mv.current_stage.to_string()],
        vec!["aliases".into(), mv.aliases.join(", ")],
        vec![
            "description".into(),
            mv.description.clone().unwrap_or_default(),
        ],
        vec!["source".into(), mv.source.clone()],
        vec!["download_uri".into(), mv.download_uri().to_string()],
        vec!["run_id".into(), mv.run_id.clone().unwrap_or_default()],
        vec!["model_id".into(), mv.model_id.clone().unwrap_or_default()],
        vec!["status".into(), mv.status.clone()],
        vec![
            "creation_timestamp".into(),
            mv.creation_timestamp.to_string(),
        ],
        vec![
            "last_updated_timestamp".into(),
            mv.last_updated_timestamp.to_string(),
        ],
        vec!["tags".into(), tags],
    ];
    print_rows(ctx, &["Field", "Value"], &fields)
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

/// `{"key": value}` with the value's own field order kept (`json!` would sort it).
fn keyed<'a, T: serde::Serialize>(
    key: &'a str,
    value: &'a T,
) -> std::collections::BTreeMap<&'a str, &'a T> {
    std::collections::BTreeMap::from([(key, value)])
}

pub fn run(ctx: &Ctx, cmd: ModelsCmd) -> CliResult {
    let stores = ctx.stores()?;
    registry_cmd(ctx, stores, cmd)
}

/// The model commands, over a store folder or a tracking server alike.
fn registry_cmd(ctx: &Ctx, stores: &Stores, cmd: ModelsCmd) -> CliResult {
    let reg = stores.registry();
    match cmd {
        ModelsCmd::Create {
            name,
            description,
            tags,
        } => {
            let rm = reg.create_registered_model(&name, &tags_of(tags), description.as_deref())?;
            ctx.say(&format!("Created registered model '{name}'."));
            if ctx.output == OutputFormat::Json {
                print_json(&keyed("registered_model", &rm))
            } else {
                print_line(&rm.name)
            }
        }
        ModelsCmd::List { search } | ModelsCmd::Search { search } => {
            let page = reg.search_registered_models(&search.query())?;
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
        ModelsCmd::Describe { name } => {
            let rm = reg
                .get_registered_model(&name)
                .map_err(|e| explain(reg, &name, e))?;
            print_model(ctx, &rm)
        }
        ModelsCmd::Rename { name, new_name } => {
            let rm = reg
                .rename_registered_model(&name, &new_name)
                .map_err(|e| explain(reg, &name, e))?;
            ctx.say(&format!(
                "Renamed registered model '{name}' to '{new_name}'."
            ));
            if ctx.output == OutputFormat::Json {
                print_json(&keyed("registered_model", &rm))
            } else {
                Ok(())
            }
        }
        ModelsCmd::Delete { name } => {
            reg.delete_registered_model(&name)
                .map_err(|e| explain(reg, &name, e))?;
            ctx.say(&format!("Deleted registered model '{name}'."));
            Ok(())
        }
        ModelsCmd::SetTag {
            name,
            key,
            value,
            version,
        } => {
            let tag = Tag::new(key, value);
            match version {
                Some(v) => reg.set_model_version_tag(&name, version_arg(&v)?, &tag),
                None => reg.set_registered_model_tag(&name, &tag),
            }
            .map_err(|e| explain(reg, &name, e))
        }
        ModelsCmd::DeleteTag { name, key, version } => match version {
            Some(v) => reg.delete_model_version_tag(&name, version_arg(&v)?, &key),
            None => reg.delete_registered_model_tag(&name, &key),
        }
        .map_err(|e| explain(reg, &name, e)),
        ModelsCmd::Update {
            name,
            description,
            version,
        } => match version {
            Some(v) => {
                let mv = reg
                    .update_model_version(&name, version_arg(&v)?, description.as_deref())
                    .map_err(|e| explain(reg, &name, e))?;
                if ctx.output == OutputFormat::Json {
                    print_json(&keyed("model_version", &mv))
                } else {
                    Ok(())
                }
            }
            None => {
                let rm = reg
                    .update_registered_model(&name, description.as_deref())
                    .map_err(|e| explain(reg, &name, e))?;
                if ctx.output == OutputFormat::Json {
                    print_json(&keyed("registered_model", &rm))
                } else {
                    Ok(())
                }
            }
        },
        ModelsCmd::Register(a) => {
            let (mv, created) = stores
                .models()
                .register(
                    &a.source,
                    &a.name,
                    &tags_of(a.tags),
                    a.description.as_deref(),
                )
                .map_err(|e| source_error(reg, &a.source, e))?;
            if created {
                ctx.say(&format!("Successfully registered model '{}'.", a.name));
            }
            ctx.say(&format!(
                "Created version '{}' of model '{}'.",
                mv.version, mv.name
            ));
            if ctx.output == OutputFormat::Json {
                print_json(&keyed("model_version", &mv))
            } else {
                print_line(&mv.version.to_string())
            }
        }
        ModelsCmd::Versions { name, search } => {
            let page = match &name {
                Some(n) => reg
                    .search_model_versions(Some(n), &search.query())
                    .map_err(|e| explain(reg, n, e))?,
                None => reg.search_model_versions(None, &search.query())?,
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
        ModelsCmd::Version { name, version } => {
            let mv = reg
                .get_model_version(&name, version_arg(&version)?)
                .map_err(|e| explain(reg, &name, e))?;
            print_version(ctx, &mv)
        }
        ModelsCmd::SetAlias {
            name,
            alias,
            version,
        } => {
            let v = version_arg(&version)?;
            reg.set_registered_model_alias(&name, &alias, v)
                .map_err(|e| explain(reg, &name, e))?;
            ctx.say(&format!(
                "Alias '@{alias}' of '{name}' now points to version {v}."
            ));
            Ok(())
        }
        ModelsCmd::DeleteAlias { name, alias } => reg
            .delete_registered_model_alias(&name, &alias)
            .map_err(|e| explain(reg, &name, e)),
        ModelsCmd::Transition {
            name,
            version,
            stage,
            archive_existing,
        } => {
            let v = version_arg(&version)?;
            let stage = Stage::parse(&stage)?;
            let mv = reg
                .transition_model_version_stage(&name, v, stage, archive_existing)
                .map_err(|e| explain(reg, &name, e))?;
            ctx.say(&format!(
                "Version {v} of '{name}' is now in stage '{}'.",
                mv.current_stage
            ));
            if ctx.output == OutputFormat::Json {
                print_json(&keyed("model_version", &mv))
            } else {
                Ok(())
            }
        }
        ModelsCmd::DeleteVersion { name, version } => {
            let v = version_arg(&version)?;
            reg.delete_model_version(&name, v)
                .map_err(|e| explain(reg, &name, e))?;
            ctx.say(&format!("Deleted version {v} of '{name}'."));
            Ok(())
        }
        ModelsCmd::Download { uri, dest } => {
            let out = stores
                .models()
                .download(&uri, &dest, &|_| {})
                .map_err(|e| source_error(reg, &uri, e))?;
            print_line(&out.display().to_string())
        }
        ModelsCmd::Log(a) => log(ctx, stores, a),
        ModelsCmd::Serve(a) => super::serve::serve(ctx, a),
        ModelsCmd::Predict(a) => super::serve::predict(ctx, a),
        ModelsCmd::Inspect { uri } => {
            let (path, _) = stores
                .model_files(&uri)
                .map_err(|e| source_error(reg, &uri, e))?;
            inspect(ctx, &uri, &path)
        }
    }
}

/// Adds a "what exists" hint to errors about a `models:/NAME…` URI.
fn source_error(reg: &dyn ModelRegistry, uri: &str, e: StoreError) -> CliError {
    match ModelUri::parse(uri) {
        Ok(ModelUri::Registered { name, .. }) => explain(reg, &name, e),
        _ => e.into(),
    }
}

fn read_text(p: &Path, what: &str) -> CliResult<String> {
    std::fs::read_to_string(p).map_err(|e| {
        CliError::user(format!(
            "cannot read the {what} file '{}': {e}",
            p.display()
        ))
    })
}

/// Reads a signature file: a JSON object whose `inputs`, `outputs` and `params` are JSON arrays (or
/// the JSON strings an MLmodel holds).
fn read_signature(p: &Path) -> CliResult<Signature> {
    let text = read_text(p, "signature")?;
    let bad = |m: String| {
        CliError::user(format!("invalid signature file '{}': {m}", p.display())).with_hint(
            r#"expected {"inputs": [{"type": "double", "name": "x"}], "outputs": [...], "params": [...]}"#,
        )
    };
    let members = top_level_members(&text).map_err(bad)?;
    let mut sig = Signature::default();
    for (key, raw) in members {
        let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| bad(e.to_string()))?;
        let doc = match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(mlmodel::py_json_dumps(&s).map_err(bad)?),
            serde_json::Value::Array(_) => Some(mlmodel::py_json_dumps(raw).map_err(bad)?),
            _ => return Err(bad(format!("'{key}' must be a list"))),
        };
        match key.as_str() {
            "inputs" => sig.inputs = doc,
            "outputs" => sig.outputs = doc,
            "params" => sig.params = doc,
            other => return Err(bad(format!("unknown key '{other}'"))),
        }
    }
    if sig.inputs.is_none() {
        return Err(bad("'inputs' is required".into()));
    }
    Ok(sig)
}

/// The members of a top-level JSON object as (key, raw value text), in file order.
fn top_level_members(text: &str) -> Result<Vec<(String, &str)>, String> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(_)) => {}
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(e.to_string()),
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    let mut key: Option<String> = None;
    let mut value_start: Option<usize> = None;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && key.is_none() && value_start.is_none() {
                    key = serde_json::from_str(&text[start..=i]).ok();
                }
            }
            b':' if depth == 1 && value_start.is_none() => value_start = Some(i + 1),
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 1 {
                    if let (Some(k), Some(s)) = (key.take(), value_start.take()) {
                        out.push((k, text[s..i].trim()));
                    }
                }
                depth -= 1;
            }
            b',' if depth == 1 => {
                if let (Some(k), Some(s)) = (key.take(), value_start.take()) {
                    out.push((k, text[s..i].trim()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(out)
}

fn log(ctx: &Ctx, stores: &Stores, a: LogArgs) -> CliResult {
    let models = stores.models();
    let run_id = a.run_id.ok_or_else(super::missing_run_id)?;
    if let Some(name) = &a.register {
        registry::validate_model_name(name)?;
    }
    let signature = a.signature.as_deref().map(read_signature).transpose()?;
    let input_example = match &a.input_example {
        Some(p) => {
            let text = read_text(p, "input example")?;
            mlmodel::py_json_dumps(&text).map_err(|e| {
                CliError::user(format!("input example '{}' is not JSON: {e}", p.display()))
            })?;
            Some(text)
        }
        None => None,
    };
    let lm = models.log_model(&LogRequest {
        source: a.path.clone(),
        run_id: run_id.clone(),
        name: a.name.clone(),
        flavor: a.flavor,
        signature,
        input_example,
        python_version: a.python_version,
    })?;
    let model_uri = format!("models:/{}", lm.model_id);
    ctx.say(&format!(
        "Logged model '{}' of run {run_id} as {model_uri}.",
        a.name
    ));
    let version = match &a.register {
        Some(name) => {
            let (mv, created) = models.register(&model_uri, name, &[], None)?;
            if created {
                ctx.say(&format!("Successfully registered model '{name}'."));
            }
            ctx.say(&format!(
                "Created version '{}' of model '{}'.",
                mv.version, mv.name
            ));
            Some(mv)
        }
        None => None,
    };
    if ctx.output == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Logged<'a> {
            model_id: &'a str,
            model_uri: &'a str,
            name: &'a str,
            artifact_location: &'a str,
            source_run_id: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            model_version: Option<&'a ModelVersion>,
        }
        return print_json(&Logged {
            model_id: &lm.model_id,
            model_uri: &model_uri,
            name: &lm.name,
            artifact_location: &lm.artifact_location,
            source_run_id: lm.source_run_id.as_deref(),
            model_version: version.as_ref(),
        });
    }
    print_line(&model_uri)
}

fn inspect(ctx: &Ctx, uri: &str, path: &Path) -> CliResult {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let m = MlModel::read(&dir).map_err(|e| {
        CliError::from(e).with_hint(format!(
            "'{uri}' resolved to {}, which has no readable MLmodel file",
            dir.display()
        ))
    })?;
    let parse_json = |s: &Option<String>| {
        s.as_deref()
            .map(|t| serde_json::from_str::<serde_json::Value>(t).unwrap_or(t.into()))
    };
    let sig = m.signature();
    let example_info = m.input_example_info();
    let example = example_info.as_ref().and_then(|info| {
        let file = info.iter().find(|(k, _)| k == "artifact_path")?.1.clone();
        let text = std::fs::read_to_string(dir.join(file)).ok()?;
        serde_json::from_str::<serde_json::Value>(&text).ok()
    });
    if ctx.output == OutputFormat::Json {
        let flavors: serde_json::Map<String, serde_json::Value> = m
            .flavors()
            .into_iter()
            .map(|f| {
                (
                    f.name,
                    mlmodel::to_json(&mlrun::pyyaml::Value::Map(f.config)),
                )
            })
            .collect();
        let meta = |k: &str| m.get(k).map(mlmodel::to_json);
        return print_json(&json!({
            "uri": uri,
            "path": dir,
            "flavors": flavors,
            "signature": sig.as_ref().map(|s| json!({
                "inputs": parse_json(&s.inputs),
                "outputs": parse_json(&s.outputs),
                "params": parse_json(&s.params),
            })),
            "saved_input_example_info": example_info.map(|info| info
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect::<serde_json::Map<_, _>>()),
            "input_example": example,
            "model_id": meta("model_id"),
            "model_uuid": meta("model_uuid"),
            "run_id": meta("run_id"),
            "model_size_bytes": meta("model_size_bytes"),
            "utc_time_created": meta("utc_time_created"),
            "mlflow_version": meta("mlflow_version"),
        }));
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for f in m.flavors() {
        let cfg = f
            .config
            .iter()
            .filter(|(_, v)| *v != mlrun::pyyaml::Value::Null)
            .map(|(k, v)| format!("{k}={}", mlmodel::scalar_text(v)))
            .collect::<Vec<_>>()
            .join(" ");
        rows.push(vec![format!("flavor {}", f.name), cfg]);
    }
    if let Some(s) = &sig {
        for (part, text) in [
            ("inputs", &s.inputs),
            ("outputs", &s.outputs),
            ("params", &s.params),
        ] {
            if let Some(t) = text {
                rows.push(vec![format!("signature {part}"), t.clone()]);
            }
        }
    }
    if let Some(info) = &example_info {
        let kind = info
            .iter()
            .find(|(k, _)| k == "type")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        rows.push(vec![
            format!("input example ({kind})"),
            example.map(|e| e.to_string()).unwrap_or_default(),
        ]);
    }
    for key in [
        "model_id",
        "model_uuid",
        "run_id",
        "model_size_bytes",
        "utc_time_created",
        "mlflow_version",
    ] {
        if let Some(v) = m.get(key) {
            rows.push(vec![key.to_string(), mlmodel::scalar_text(v)]);
        }
    }
    print_rows(ctx, &["Field", "Value"], &rows)
}
