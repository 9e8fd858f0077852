//! `ModelRegistry` over MLflow's SQL schema (registered models, versions, tags, aliases), as
//! MLflow's `SqlAlchemyStore` for the registry writes and reads them: each call one transaction;
//! a new version's number is allocated after taking the model's row (SQLite's write lock, or
//! PostgreSQL's row lock from the `last_updated_time` update), so concurrent registrations never
//! share a number; deleted versions stay, redacted, so numbers are never reused; a rename moves
//! versions, tags and aliases by the schema's `ON UPDATE CASCADE`.
mod load;
mod search;

use super::db::{Db, Tx};
use crate::clock::now_ms;
use crate::entities::Tag;
use crate::error::{Result, StoreError};
use crate::registry::*;
use crate::search::registry::IS_PROMPT_TAG_KEY;
use crate::store::Listing;
use load::ws;
use std::sync::Arc;

/// The model registry in an MLflow database.
pub struct SqlRegistry {
    db: Arc<Db>,
}

impl SqlRegistry {
    pub fn new(db: Arc<Db>) -> Self {
        Self { db }
    }
}

/// Tags as MLflow keeps them from a request: one per key, the last value winning.
fn dedup_tags(tags: &[Tag]) -> Vec<Tag> {
    let mut out: Vec<Tag> = Vec::new();
    for t in tags {
        match out.iter_mut().find(|o| o.key == t.key) {
            Some(o) => o.value = t.value.clone(),
            None => out.push(t.clone()),
        }
    }
    out
}

/// MLflow's `handle_resource_already_exist_error`: a model or a prompt already holds the name.
fn already_exists(name: &str, existing_is_prompt: bool, new_is_prompt: bool) -> StoreError {
    let entity = |p: bool| if p { "Prompt" } else { "Registered Model" };
    let (old, new) = (entity(existing_is_prompt), entity(new_is_prompt));
    if old != new {
        return StoreError::AlreadyExists(format!(
            "Tried to create a {} with name {}, but the name is already taken by a {}. MLflow does not allow creating a model and a prompt with the same name.",
            new.to_lowercase(),
            crate::search::py_repr_str(name),
            old.to_lowercase()
        ));
    }
    StoreError::AlreadyExists(format!("{new} (name={name}) already exists."))
}

fn has_prompt_tag(tags: &[Tag]) -> bool {
    tags.iter().any(|t| t.key == IS_PROMPT_TAG_KEY)
}

fn touch_model(tx: &mut Tx, name: &str, now: i64) -> Result<u64> {
    tx.execute(
        "UPDATE registered_models SET last_updated_time = ? WHERE workspace = ? AND name = ?",
        &[now.into(), ws(), name.into()],
    )
}

impl ModelRegistry for SqlRegistry {
    fn create_registered_model(
        &self,
        name: &str,
        tags: &[Tag],
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        validate_registered_model_name(name)?;
        for t in tags {
            validate_registry_tag(&t.key, &t.value)?;
        }
        let mut tags = dedup_tags(tags);
        self.db.write(|tx| {
            let now = now_ms();
            let inserted = tx.execute(
                "INSERT INTO registered_models (workspace, name, creation_time, last_updated_time, description) \
                 VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                &[ws(), name.into(), now.into(), now.into(), description.into()],
            )?;
            if inserted == 0 {
                let existing = load::models(tx, Some(name))?;
                let existing_is_prompt = existing.first().is_some_and(|m| has_prompt_tag(&m.tags));
                return Err(already_exists(name, existing_is_prompt, has_prompt_tag(&tags)));
            }
            for t in &tags {
                tx.execute(
                    "INSERT INTO registered_model_tags (workspace, \"key\", value, name) VALUES (?, ?, ?, ?)",
                    &[ws(), t.key.as_str().into(), t.value.as_str().into(), name.into()],
                )?;
            }
            tags.sort_by(|a, b| a.key.cmp(&b.key));
            Ok(RegisteredModel {
                name: name.to_string(),
                creation_timestamp: now,
                last_updated_timestamp: now,
                user_id: None,
                description: description.map(str::to_string),
                latest_versions: vec![],
                tags,
                aliases: vec![],
                deployment_job_id: None,
                deployment_job_state: None,
            })
        })
    }

    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        self.db.read(|tx| load::model(tx, name))
    }

    fn list_registered_models(&self) -> Result<Listing<RegisteredModel>> {
        self.db.read(|tx| {
            let mut models = load::models(tx, None)?;
            let mut latest = load::latest_by_model(tx)?;
            for rm in &mut models {
                rm.latest_versions = latest.remove(&rm.name).unwrap_or_default();
            }
            Ok(Listing {
                items: models,
                broken: vec![],
            })
        })
    }

    fn search_registered_models(&self, q: &RegistryQuery) -> Result<RegistryPage<RegisteredModel>> {
        self.db.read(|tx| search::models(tx, q))
    }

    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        if new_name.trim().is_empty() {
            return Err(StoreError::InvalidParameter(
                "Missing value for required parameter 'new_name'.".into(),
            ));
        }
        validate_registered_model_name(new_name)?;
        self.db.write(|tx| {
            load::require_model(tx, name)?;
            if new_name != name {
                let taken = tx.query_row(
                    "SELECT 1 FROM registered_models WHERE workspace = ? AND name = ?",
                    &[ws(), new_name.into()],
                )?;
                if taken.is_some() {
                    return Err(StoreError::AlreadyExists(format!(
                        "Registered Model (name={new_name}) already exists."
                    )));
                }
            }
            let now = now_ms();
            // Versions, tags and aliases follow by the foreign keys' ON UPDATE CASCADE.
            tx.execute(
                "UPDATE registered_models SET name = ?, last_updated_time = ? WHERE workspace = ? AND name = ?",
                &[new_name.into(), now.into(), ws(), name.into()],
            )?;
            tx.execute(
                "UPDATE model_versions SET last_updated_time = ? WHERE workspace = ? AND name = ?",
                &[now.into(), ws(), new_name.into()],
            )?;
            load::model(tx, new_name)
        })
    }

    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        self.db.write(|tx| {
            load::require_model(tx, name)?;
            tx.execute(
                "UPDATE registered_models SET description = ?, last_updated_time = ? WHERE workspace = ? AND name = ?",
                &[description.into(), now_ms().into(), ws(), name.into()],
            )?;
            load::model(tx, name)
        })
    }

    fn delete_registered_model(&self, name: &str) -> Result<()> {
        self.db.write(|tx| {
            load::require_model(tx, name)?;
            for table in [
                "model_version_tags",
                "registered_model_aliases",
                "registered_model_tags",
                "model_versions",
                "registered_models",
            ] {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE workspace = ? AND name = ?"),
                    &[ws(), name.into()],
                )?;
            }
            Ok(())
        })
    }

    fn set_registered_model_tag(&self, name: &str, tag: &Tag) -> Result<()> {
        validate_registered_model_name(name)?;
        validate_registry_tag(&tag.key, &tag.value)?;
        self.db.write(|tx| {
            load::require_model(tx, name)?;
            tx.execute(
                "INSERT INTO registered_model_tags (workspace, \"key\", value, name) VALUES (?, ?, ?, ?) \
                 ON CONFLICT (workspace, \"key\", name) DO UPDATE SET value = excluded.value",
                &[ws(), tag.key.as_str().into(), tag.value.as_str().into(), name.into()],
            )?;
            Ok(())
        })
    }

    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        validate_registered_model_name(name)?;
        crate::validate::key(key, "Tag")?;
        self.db.write(|tx| {
            load::require_model(tx, name)?;
            tx.execute(
                "DELETE FROM registered_model_tags WHERE workspace = ? AND name = ? AND \"key\" = ?",
                &[ws(), name.into(), key.into()],
            )?;
            Ok(())
        })
    }

    fn create_model_version(&self, new: NewVersion) -> Result<ModelVersion> {
        validate_registered_model_name(&new.name)?;
        for t in &new.tags {
            validate_registry_tag(&t.key, &t.value)?;
        }
        let tags = dedup_tags(&new.tags);
        let storage_location = new
            .storage_location
            .clone()
            .unwrap_or_else(|| new.source.clone());
        self.db.write(|tx| {
            let now = now_ms();
            // Taking the model's row first serializes registrations of one model (on PostgreSQL
            // the update's row lock; on SQLite the write lock), so the maximum read next is final.
            if touch_model(tx, &new.name, now)? == 0 {
                return Err(model_not_found(&new.name));
            }
            let max = tx
                .query_row(
                    "SELECT MAX(version) FROM model_versions WHERE workspace = ? AND name = ?",
                    &[ws(), new.name.as_str().into()],
                )?
                .and_then(|r| r.opt_i64(0))
                .unwrap_or(0);
            let version = max + 1;
            tx.execute(
                "INSERT INTO model_versions (workspace, name, version, creation_time, last_updated_time, \
                 description, user_id, current_stage, source, run_id, status, status_message, run_link, \
                 storage_location) VALUES (?, ?, ?, ?, ?, ?, NULL, 'None', ?, ?, 'READY', NULL, ?, ?)",
                &[
                    ws(),
                    new.name.as_str().into(),
                    version.into(),
                    now.into(),
                    now.into(),
                    new.description.as_deref().into(),
                    new.source.as_str().into(),
                    new.run_id.as_deref().into(),
                    new.run_link.as_deref().into(),
                    storage_location.as_str().into(),
                ],
            )?;
            for t in &tags {
                tx.execute(
                    "INSERT INTO model_version_tags (workspace, \"key\", value, name, version) VALUES (?, ?, ?, ?, ?)",
                    &[ws(), t.key.as_str().into(), t.value.as_str().into(), new.name.as_str().into(), version.into()],
                )?;
            }
            load::live_version(tx, &new.name, version)
        })
    }

    fn get_model_version(&self, name: &str, version: i64) -> Result<ModelVersion> {
        self.db.read(|tx| load::live_version(tx, name, version))
    }

    fn list_model_versions(&self, name: Option<&str>) -> Result<Listing<ModelVersion>> {
        self.db.read(|tx| {
            if let Some(n) = name {
                load::require_model(tx, n)?;
            }
            let aliases = load::aliases(tx, name)?;
            let items = load::versions(tx, name, false)?
                .into_iter()
                .map(|mv| {
                    let a = aliases.get(&mv.name).map_or(&[][..], |a| &a[..]);
                    load::with_aliases(mv, a)
                })
                .collect();
            Ok(Listing {
                items,
                broken: vec![],
            })
        })
    }

    fn search_model_versions(
        &self,
        model: Option<&str>,
        q: &RegistryQuery,
    ) -> Result<RegistryPage<ModelVersion>> {
        self.db.read(|tx| search::versions(tx, model, q))
    }

    fn update_model_version(
        &self,
        name: &str,
        version: i64,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        self.db.write(|tx| {
            let mut mv = load::live_version(tx, name, version)?;
            let now = now_ms();
            tx.execute(
                "UPDATE model_versions SET description = ?, last_updated_time = ? WHERE workspace = ? AND name = ? AND version = ?",
                &[description.into(), now.into(), ws(), name.into(), version.into()],
            )?;
            mv.description = description.map(str::to_string);
            mv.last_updated_timestamp = now;
            Ok(mv)
        })
    }

    fn transition_model_version_stage(
        &self,
        name: &str,
        version: i64,
        stage: Stage,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        validate_transition(stage, archive_existing_versions)?;
        self.db.write(|tx| {
            let now = now_ms();
            let mut mv = load::live_version(tx, name, version)?;
            if archive_existing_versions {
                tx.execute(
                    "UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ? \
                     WHERE workspace = ? AND name = ? AND version <> ? AND current_stage = ?",
                    &[now.into(), ws(), name.into(), version.into(), stage.as_str().into()],
                )?;
            }
            tx.execute(
                "UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE workspace = ? AND name = ? AND version = ?",
                &[stage.as_str().into(), now.into(), ws(), name.into(), version.into()],
            )?;
            touch_model(tx, name, now)?;
            mv.current_stage = stage;
            mv.last_updated_timestamp = now;
            Ok(mv)
        })
    }

    fn delete_model_version(&self, name: &str, version: i64) -> Result<()> {
        self.db.write(|tx| {
            load::live_version(tx, name, version)?;
            let now = now_ms();
            touch_model(tx, name, now)?;
            tx.execute(
                "DELETE FROM registered_model_aliases WHERE workspace = ? AND name = ? AND version = ?",
                &[ws(), name.into(), version.into()],
            )?;
            // MLflow keeps the row (and its tags), redacted, so the number is never reused.
            tx.execute(
                "UPDATE model_versions SET current_stage = 'Deleted_Internal', last_updated_time = ?, \
                 description = NULL, user_id = NULL, source = 'REDACTED-SOURCE-PATH', \
                 run_id = 'REDACTED-RUN-ID', run_link = 'REDACTED-RUN-LINK', status_message = NULL \
                 WHERE workspace = ? AND name = ? AND version = ?",
                &[now.into(), ws(), name.into(), version.into()],
            )?;
            Ok(())
        })
    }

    fn set_model_version_tag(&self, name: &str, version: i64, tag: &Tag) -> Result<()> {
        validate_registered_model_name(name)?;
        validate_registry_tag(&tag.key, &tag.value)?;
        self.db.write(|tx| {
            load::live_version(tx, name, version)?;
            tx.execute(
                "INSERT INTO model_version_tags (workspace, \"key\", value, name, version) VALUES (?, ?, ?, ?, ?) \
                 ON CONFLICT (workspace, \"key\", name, version) DO UPDATE SET value = excluded.value",
                &[ws(), tag.key.as_str().into(), tag.value.as_str().into(), name.into(), version.into()],
            )?;
            Ok(())
        })
    }

    fn delete_model_version_tag(&self, name: &str, version: i64, key: &str) -> Result<()> {
        validate_registered_model_name(name)?;
        crate::validate::key(key, "Tag")?;
        self.db.write(|tx| {
            load::live_version(tx, name, version)?;
            tx.execute(
                "DELETE FROM model_version_tags WHERE workspace = ? AND name = ? AND version = ? AND \"key\" = ?",
                &[ws(), name.into(), version.into(), key.into()],
            )?;
            Ok(())
        })
    }

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: i64) -> Result<()> {
        validate_registered_model_name(name)?;
        validate_alias_name(alias)?;
        validate_alias_not_reserved(alias)?;
        self.db.write(|tx| {
            load::live_version(tx, name, version)?;
            tx.execute(
                "INSERT INTO registered_model_aliases (workspace, name, alias, version) VALUES (?, ?, ?, ?) \
                 ON CONFLICT (workspace, name, alias) DO UPDATE SET version = excluded.version",
                &[ws(), name.into(), alias.into(), version.into()],
            )?;
            Ok(())
        })
    }

    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        validate_registered_model_name(name)?;
        validate_alias_name(alias)?;
        self.db.write(|tx| {
            load::require_model(tx, name)?;
            tx.execute(
                "DELETE FROM registered_model_aliases WHERE workspace = ? AND name = ? AND alias = ?",
                &[ws(), name.into(), alias.into()],
            )?;
            Ok(())
        })
    }

    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        validate_registered_model_name(name)?;
        validate_alias_name(alias)?;
        if alias.to_lowercase() == "latest" {
            return self
                .get_latest_versions(name, &[])?
                .into_iter()
                .max_by_key(|mv| mv.version)
                .ok_or_else(|| {
                    StoreError::NotFound(format!("Latest version not found for model {name}."))
                });
        }
        self.db.read(|tx| {
            load::require_model(tx, name)?;
            let row = tx.query_row(
                "SELECT version FROM registered_model_aliases WHERE workspace = ? AND name = ? AND alias = ?",
                &[ws(), name.into(), alias.into()],
            )?;
            match row {
                Some(r) => load::live_version(tx, name, r.i64(0)),
                None => Err(StoreError::InvalidParameter(format!(
                    "Registered model alias {alias} not found."
                ))),
            }
        })
    }

    fn get_latest_versions(&self, name: &str, stages: &[Stage]) -> Result<Vec<ModelVersion>> {
        self.db.read(|tx| {
            load::require_model(tx, name)?;
            let versions = load::versions(tx, Some(name), false)?;
            let aliases = load::aliases(tx, Some(name))?
                .remove(name)
                .unwrap_or_default();
            Ok(latest_per_stage(&versions, stages)
                .into_iter()
                .map(|mv| load::with_aliases(mv, &aliases))
                .collect())
        })
    }
}
