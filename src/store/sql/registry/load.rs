//! Reading the registry's rows into entities, as MLflow's `to_mlflow_entity` builds them: tags
//! sorted by key, aliases by name. Every query is limited to the `default` workspace, the only one
//! MLflow's single-tenant store reads.
use super::super::db::{Row, Tx, Value};
use crate::entities::Tag;
use crate::error::{Result, StoreError};
use crate::registry::*;
use std::collections::HashMap;

/// The workspace MLflow's single-tenant store reads and writes.
pub(super) const WORKSPACE: &str = "default";

/// The one workspace as a bound value.
pub(super) fn ws() -> Value {
    WORKSPACE.into()
}

const MV_COLUMNS: &str = "name, version, creation_time, last_updated_time, description, user_id, \
     current_stage, source, run_id, status, status_message, run_link, storage_location";

const RM_COLUMNS: &str = "name, creation_time, last_updated_time, description";

/// A row that does not hold what MLflow writes (named with the database it came from).
fn bad_row(tx: &Tx, message: String) -> StoreError {
    StoreError::Database {
        db: tx.display().to_string(),
        message,
    }
}

fn version_of(tx: &Tx, r: &Row) -> Result<ModelVersion> {
    let name = r.str(0);
    let version = r.i64(1);
    let stage_text = r.opt_str(6).unwrap_or_else(|| "None".into());
    let current_stage = Stage::from_meta(&stage_text).ok_or_else(|| {
        bad_row(
            tx,
            format!("model version (name={name}, version={version}) has an unknown current_stage '{stage_text}'"),
        )
    })?;
    Ok(ModelVersion {
        name,
        version,
        creation_timestamp: r.i64(2),
        last_updated_timestamp: r.i64(3),
        description: r.opt_str(4),
        user_id: r.opt_str(5),
        current_stage,
        source: r.str(7),
        run_id: r.opt_str(8),
        status: r.opt_str(9).unwrap_or_else(|| "READY".into()),
        status_message: r.opt_str(10),
        tags: vec![],
        run_link: r.opt_str(11),
        aliases: vec![],
        model_id: None,
        deployment_job_state: None,
        storage_location: r.opt_str(12),
    })
}

/// `AND name = ?` and its value when one model is asked for.
fn name_clause(name: Option<&str>) -> (&'static str, Vec<Value>) {
    match name {
        Some(n) => (" AND name = ?", vec![ws(), n.into()]),
        None => ("", vec![ws()]),
    }
}

/// Versions (of one model or all), with their tags; soft-deleted ones only with `deleted`.
/// Ordered by name (the database's collation), then version descending.
pub(super) fn versions(
    tx: &mut Tx,
    name: Option<&str>,
    deleted: bool,
) -> Result<Vec<ModelVersion>> {
    let (by_name, params) = name_clause(name);
    let live = if deleted {
        ""
    } else {
        " AND current_stage <> 'Deleted_Internal'"
    };
    let rows = tx.query(
        &format!(
            "SELECT {MV_COLUMNS} FROM model_versions WHERE workspace = ?{by_name}{live} \
             ORDER BY name, version DESC"
        ),
        &params,
    )?;
    let mut tags: HashMap<(String, i64), Vec<Tag>> = HashMap::new();
    for r in tx.query(
        &format!(
            "SELECT name, version, \"key\", value FROM model_version_tags WHERE workspace = ?{by_name}"
        ),
        &params,
    )? {
        tags.entry((r.str(0), r.i64(1)))
            .or_default()
            .push(Tag::new(r.str(2), r.str(3)));
    }
    rows.iter()
        .map(|r| {
            let mut mv = version_of(tx, r)?;
            if let Some(mut t) = tags.remove(&(mv.name.clone(), mv.version)) {
                t.sort_by(|a, b| a.key.cmp(&b.key));
                mv.tags = t;
            }
            Ok(mv)
        })
        .collect()
}

/// Every model's latest live version per stage, by model name.
pub(super) fn latest_by_model(tx: &mut Tx) -> Result<HashMap<String, Vec<ModelVersion>>> {
    let mut by_name: HashMap<String, Vec<ModelVersion>> = HashMap::new();
    for mv in versions(tx, None, false)? {
        by_name.entry(mv.name.clone()).or_default().push(mv);
    }
    Ok(by_name
        .into_iter()
        .map(|(name, versions)| (name, latest_per_stage(&versions, &[])))
        .collect())
}

/// Registered models (one or all), with tags and aliases but no latest versions, ordered by name
/// as the database collates it.
pub(super) fn models(tx: &mut Tx, name: Option<&str>) -> Result<Vec<RegisteredModel>> {
    let (by_name, params) = name_clause(name);
    let rows = tx.query(
        &format!(
            "SELECT {RM_COLUMNS} FROM registered_models WHERE workspace = ?{by_name} ORDER BY name"
        ),
        &params,
    )?;
    let mut tags: HashMap<String, Vec<Tag>> = HashMap::new();
    for r in tx.query(
        &format!(
            "SELECT name, \"key\", value FROM registered_model_tags WHERE workspace = ?{by_name}"
        ),
        &params,
    )? {
        tags.entry(r.str(0))
            .or_default()
            .push(Tag::new(r.str(1), r.str(2)));
    }
    let mut aliases = aliases(tx, name)?;
    Ok(rows
        .iter()
        .map(|r| {
            let name = r.str(0);
            let mut t = tags.remove(&name).unwrap_or_default();
            t.sort_by(|a, b| a.key.cmp(&b.key));
            RegisteredModel {
                aliases: aliases.remove(&name).unwrap_or_default(),
                name,
                creation_timestamp: r.i64(1),
                last_updated_timestamp: r.i64(2),
                user_id: None,
                description: r.opt_str(3),
                latest_versions: vec![],
                tags: t,
                deployment_job_id: None,
                deployment_job_state: None,
            }
        })
        .collect())
}

/// Aliases of one model or all, by model, sorted by alias.
pub(super) fn aliases(tx: &mut Tx, name: Option<&str>) -> Result<HashMap<String, Vec<ModelAlias>>> {
    let (by_name, params) = name_clause(name);
    let mut out: HashMap<String, Vec<ModelAlias>> = HashMap::new();
    for r in tx.query(
        &format!("SELECT name, alias, version FROM registered_model_aliases WHERE workspace = ?{by_name}"),
        &params,
    )? {
        out.entry(r.str(0)).or_default().push(ModelAlias {
            alias: r.str(1),
            version: r.i64(2),
        });
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.alias.cmp(&b.alias));
    }
    Ok(out)
}

/// Sets each version's aliases from its model's.
pub(super) fn with_aliases(mut mv: ModelVersion, aliases: &[ModelAlias]) -> ModelVersion {
    mv.aliases = aliases
        .iter()
        .filter(|a| a.version == mv.version)
        .map(|a| a.alias.clone())
        .collect();
    mv
}

/// An existing registered model, whole: tags, aliases and the latest live version per stage (as
/// MLflow's entity carries them: without aliases).
pub(super) fn model(tx: &mut Tx, name: &str) -> Result<RegisteredModel> {
    validate_registered_model_name(name)?;
    let mut rm = models(tx, Some(name))?
        .into_iter()
        .next()
        .ok_or_else(|| model_not_found(name))?;
    rm.latest_versions = latest_per_stage(&versions(tx, Some(name), false)?, &[]);
    Ok(rm)
}

/// Fails with MLflow's message unless the registered model exists.
pub(super) fn require_model(tx: &mut Tx, name: &str) -> Result<()> {
    validate_registered_model_name(name)?;
    let found = tx.query_row(
        "SELECT 1 FROM registered_models WHERE workspace = ? AND name = ?",
        &[ws(), name.into()],
    )?;
    found.map(|_| ()).ok_or_else(|| model_not_found(name))
}

/// A live (not soft-deleted) version with its tags and aliases, or MLflow's "not found".
pub(super) fn live_version(tx: &mut Tx, name: &str, version: i64) -> Result<ModelVersion> {
    validate_registered_model_name(name)?;
    let rows = tx.query(
        &format!(
            "SELECT {MV_COLUMNS} FROM model_versions WHERE workspace = ? AND name = ? \
             AND version = ? AND current_stage <> 'Deleted_Internal'"
        ),
        &[ws(), name.into(), version.into()],
    )?;
    let row = rows
        .first()
        .ok_or_else(|| version_not_found(name, version))?;
    let mut mv = version_of(tx, row)?;
    let mut tags: Vec<Tag> = tx
        .query(
            "SELECT \"key\", value FROM model_version_tags WHERE workspace = ? AND name = ? AND version = ?",
            &[ws(), name.into(), version.into()],
        )?
        .iter()
        .map(|r| Tag::new(r.str(0), r.str(1)))
        .collect();
    tags.sort_by(|a, b| a.key.cmp(&b.key));
    mv.tags = tags;
    let aliases = aliases(tx, Some(name))?.remove(name).unwrap_or_default();
    Ok(with_aliases(mv, &aliases))
}
