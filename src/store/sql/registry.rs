//! `ModelRegistry` over MLflow's SQL schema (registered models, versions, tags, aliases). Being
//! built: every method still answers that it is not done, until the registry lands.
use super::db::Db;
use crate::entities::*;
use crate::error::{Result, StoreError};
use crate::registry::*;
use crate::store::Listing;
use std::sync::Arc;

fn pending(what: &str) -> StoreError {
    StoreError::Unsupported(format!("{what} is not available on SQL stores yet"))
}

/// The model registry in an MLflow database.
pub struct SqlRegistry {
    #[allow(dead_code)]
    db: Arc<Db>,
}

impl SqlRegistry {
    pub fn new(db: Arc<Db>) -> Self {
        Self { db }
    }
}

impl ModelRegistry for SqlRegistry {
    fn create_registered_model(
        &self,
        _name: &str,
        _tags: &[Tag],
        _description: Option<&str>,
    ) -> Result<RegisteredModel> {
        Err(pending("create_registered_model"))
    }

    fn get_registered_model(&self, _name: &str) -> Result<RegisteredModel> {
        Err(pending("get_registered_model"))
    }

    fn list_registered_models(&self) -> Result<Listing<RegisteredModel>> {
        Err(pending("list_registered_models"))
    }

    fn search_registered_models(
        &self,
        _query: &RegistryQuery,
    ) -> Result<RegistryPage<RegisteredModel>> {
        Err(pending("search_registered_models"))
    }

    fn rename_registered_model(&self, _name: &str, _new_name: &str) -> Result<RegisteredModel> {
        Err(pending("rename_registered_model"))
    }

    fn update_registered_model(
        &self,
        _name: &str,
        _description: Option<&str>,
    ) -> Result<RegisteredModel> {
        Err(pending("update_registered_model"))
    }

    fn delete_registered_model(&self, _name: &str) -> Result<()> {
        Err(pending("delete_registered_model"))
    }

    fn set_registered_model_tag(&self, _name: &str, _tag: &Tag) -> Result<()> {
        Err(pending("set_registered_model_tag"))
    }

    fn delete_registered_model_tag(&self, _name: &str, _key: &str) -> Result<()> {
        Err(pending("delete_registered_model_tag"))
    }

    fn create_model_version(&self, _new: NewVersion) -> Result<ModelVersion> {
        Err(pending("create_model_version"))
    }

    fn get_model_version(&self, _name: &str, _version: i64) -> Result<ModelVersion> {
        Err(pending("get_model_version"))
    }

    fn list_model_versions(&self, _name: Option<&str>) -> Result<Listing<ModelVersion>> {
        Err(pending("list_model_versions"))
    }

    fn search_model_versions(
        &self,
        _model: Option<&str>,
        _query: &RegistryQuery,
    ) -> Result<RegistryPage<ModelVersion>> {
        Err(pending("search_model_versions"))
    }

    fn update_model_version(
        &self,
        _name: &str,
        _version: i64,
        _description: Option<&str>,
    ) -> Result<ModelVersion> {
        Err(pending("update_model_version"))
    }

    fn transition_model_version_stage(
        &self,
        _name: &str,
        _version: i64,
        _stage: Stage,
        _archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        Err(pending("transition_model_version_stage"))
    }

    fn delete_model_version(&self, _name: &str, _version: i64) -> Result<()> {
        Err(pending("delete_model_version"))
    }

    fn set_model_version_tag(&self, _name: &str, _version: i64, _tag: &Tag) -> Result<()> {
        Err(pending("set_model_version_tag"))
    }

    fn delete_model_version_tag(&self, _name: &str, _version: i64, _key: &str) -> Result<()> {
        Err(pending("delete_model_version_tag"))
    }

    fn set_registered_model_alias(&self, _name: &str, _alias: &str, _version: i64) -> Result<()> {
        Err(pending("set_registered_model_alias"))
    }

    fn delete_registered_model_alias(&self, _name: &str, _alias: &str) -> Result<()> {
        Err(pending("delete_registered_model_alias"))
    }

    fn get_model_version_by_alias(&self, _name: &str, _alias: &str) -> Result<ModelVersion> {
        Err(pending("get_model_version_by_alias"))
    }

    fn get_latest_versions(&self, _name: &str, _stages: &[Stage]) -> Result<Vec<ModelVersion>> {
        Err(pending("get_latest_versions"))
    }
}
