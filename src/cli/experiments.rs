//! `mlrun experiments …`
use super::args::{tags_of, View};
use super::error::{CliError, CliResult};
use super::output::{print_json, print_line, print_rows, tags_text};
use super::{parse_kv, Ctx, OutputFormat};
use clap::{Args, Subcommand};
use mlrun::{Experiment, Tag, TrackingStore, ViewType};
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum ExperimentsCmd {
    /// Create an experiment; prints its id
    Create(CreateArgs),
    /// List experiments
    List {
        #[arg(long, value_enum, default_value_t = View::Active)]
        view: View,
    },
    /// Search experiments with MLflow's filter grammar and order
    Search(SearchArgs),
    /// Show one experiment, by id or name
    Describe { id_or_name: String },
    /// Rename an experiment
    Rename { id: String, new_name: String },
    /// Delete an experiment (moves it to .trash; `gc` removes it for good)
    Delete { id: String },
    /// Restore a deleted experiment and its runs
    Restore { id: String },
    /// Set a tag on an experiment
    SetTag {
        id: String,
        key: String,
        value: String,
    },
    /// Delete a tag from an experiment
    DeleteTag { id: String, key: String },
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Experiment name (unique among active and deleted experiments)
    pub name: String,
    /// Where the experiment's artifacts go (a path or URI)
    #[arg(long, value_name = "URI")]
    pub artifact_location: Option<String>,
    /// A tag K=V (repeatable)
    #[arg(long = "tag", value_name = "K=V", value_parser = parse_kv)]
    pub tags: Vec<(String, String)>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// MLflow filter, e.g. "name LIKE 'bert-%' and tags.team = 'nlp'"
    #[arg(long, short = 'f', value_name = "FILTER")]
    pub filter: Option<String>,
    /// Order, e.g. "last_update_time DESC" (repeatable) [default: creation_time DESC]
    #[arg(long = "order-by", value_name = "KEY [ASC|DESC]")]
    pub order_by: Vec<String>,
    /// Most experiments to return (at most 50000)
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=50000))]
    pub max_results: u32,
    /// Token from a previous page's `next_page_token`
    #[arg(long, value_name = "TOKEN")]
    pub page_token: Option<String>,
    #[arg(long, value_enum, default_value_t = View::Active)]
    pub view: View,
}

/// Finds an experiment by id, else by name.
pub fn resolve(store: &dyn TrackingStore, id_or_name: &str) -> CliResult<Experiment> {
    match store.get_experiment(id_or_name) {
        Ok(e) => Ok(e),
        Err(mlrun::StoreError::NotFound(_)) | Err(mlrun::StoreError::InvalidParameter(_)) => {
            store.get_experiment_by_name(id_or_name)?.ok_or_else(|| {
                CliError::user(format!("no experiment with id or name '{id_or_name}'"))
                    .with_hint("`mlrun experiments list --view all` shows what exists")
            })
        }
        Err(e) => Err(e.into()),
    }
}

fn rows(exps: &[Experiment]) -> Vec<Vec<String>> {
    exps.iter()
        .map(|e| {
            vec![
                e.experiment_id.clone(),
                e.name.clone(),
                e.lifecycle_stage.as_str().to_string(),
                e.artifact_location.clone(),
            ]
        })
        .collect()
}

pub fn run(ctx: &Ctx, cmd: ExperimentsCmd) -> CliResult {
    let store = ctx.store()?;
    match cmd {
        ExperimentsCmd::Create(a) => {
            // An experiment whose meta.yaml cannot be read might hold this name: say so.
            if let Ok(listing) = store.list_experiments(ViewType::All) {
                for b in &listing.broken {
                    ctx.warn(&format!("could not check this experiment's name: {b}"));
                }
            }
            let id = store.create_experiment(
                &a.name,
                a.artifact_location.as_deref(),
                &tags_of(a.tags),
            )?;
            if ctx.output == OutputFormat::Json {
                print_json(&json!({ "experiment_id": id }))
            } else {
                print_line(&id)
            }
        }
        ExperimentsCmd::List { view } => {
            let listing = store.list_experiments(view.into())?;
            for b in &listing.broken {
                ctx.warn(&format!("skipped: {b}"));
            }
            if ctx.output == OutputFormat::Json {
                print_json(&json!({ "experiments": listing.items }))
            } else {
                print_rows(
                    ctx,
                    &["Experiment Id", "Name", "Stage", "Artifact Location"],
                    &rows(&listing.items),
                )
            }
        }
        ExperimentsCmd::Search(a) => search(ctx, store, a),
        ExperimentsCmd::Describe { id_or_name } => {
            let e = resolve(store, &id_or_name)?;
            if ctx.output == OutputFormat::Json {
                return print_json(&json!({ "experiment": e }));
            }
            let tags = tags_text(&e.tags);
            let fields = vec![
                vec!["experiment_id".into(), e.experiment_id.clone()],
                vec!["name".into(), e.name.clone()],
                vec!["artifact_location".into(), e.artifact_location.clone()],
                vec!["lifecycle_stage".into(), e.lifecycle_stage.as_str().into()],
                vec![
                    "creation_time".into(),
                    e.creation_time.map(|t| t.to_string()).unwrap_or_default(),
                ],
                vec![
                    "last_update_time".into(),
                    e.last_update_time
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                ],
                vec!["tags".into(), tags],
            ];
            print_rows(ctx, &["Field", "Value"], &fields)
        }
        ExperimentsCmd::Rename { id, new_name } => {
            store.rename_experiment(&id, &new_name)?;
            ctx.say(&format!(
                "Experiment with id {id} has been renamed to '{new_name}'."
            ));
            Ok(())
        }
        ExperimentsCmd::Delete { id } => {
            store.delete_experiment(&id)?;
            ctx.say(&format!("Experiment with ID {id} has been deleted."));
            Ok(())
        }
        ExperimentsCmd::Restore { id } => {
            store.restore_experiment(&id)?;
            ctx.say(&format!("Experiment with id {id} has been restored."));
            Ok(())
        }
        ExperimentsCmd::SetTag { id, key, value } => {
            Ok(store.set_experiment_tag(&id, &Tag::new(key, value))?)
        }
        ExperimentsCmd::DeleteTag { id, key } => Ok(store.delete_experiment_tag(&id, &key)?),
    }
}

/// MLflow's `search_experiments`: list, filter, sort and page in memory (experiments are few).
fn search(ctx: &Ctx, store: &dyn TrackingStore, a: SearchArgs) -> CliResult {
    use super::args::search_error;
    use mlrun::search;
    let text = a.filter.clone().unwrap_or_default();
    let filter =
        search::parse_experiment_filter(&text).map_err(|e| search_error("filter", &text, e))?;
    let order_by = a
        .order_by
        .iter()
        .map(|o| search::parse_experiment_order_by(o).map_err(|e| search_error("order-by", o, e)))
        .collect::<CliResult<Vec<_>>>()?;
    let listing = store.list_experiments(a.view.into())?;
    for b in &listing.broken {
        ctx.warn(&format!("skipped: {b}"));
    }
    let mut exps: Vec<Experiment> = listing
        .items
        .into_iter()
        .filter(|e| filter.matches(e))
        .collect();
    search::sort_experiments(&mut exps, &order_by);
    let (range, next) =
        search::paginate(exps.len(), a.max_results as usize, a.page_token.as_deref())
            .map_err(mlrun::StoreError::from)?;
    let page = &exps[range];
    if ctx.output == OutputFormat::Json {
        let mut v = json!({ "experiments": page });
        if let Some(t) = &next {
            v["next_page_token"] = json!(t);
        }
        return print_json(&v);
    }
    print_rows(
        ctx,
        &["Experiment Id", "Name", "Stage", "Artifact Location"],
        &rows(page),
    )?;
    if let Some(t) = next {
        ctx.say(&format!(
            "more experiments match: pass --page-token {t} for the next page"
        ));
    }
    Ok(())
}
