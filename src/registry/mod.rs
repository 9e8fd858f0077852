//! The model registry: registered models, numbered versions, stages, aliases and tags (spec §3), and
//! MLflow's validation rules for them (spec §4). Its backends sit beside the tracking store's:
//! `FileRegistry` (`store/file/registry.rs`) keeps them under `<root>/models/` exactly as MLflow's
//! file registry does, `RestRegistry` (`store/rest/registry.rs`) asks a tracking server.
mod search;

pub use search::{search_models_locally, search_versions_locally, RegistryPage, RegistryQuery};

use crate::entities::Tag;
use crate::store::{Listing, Result, StoreError};
use serde::{Serialize, Serializer};
use std::fmt;

pub const MAX_REGISTRY_TAG_KEY_LEN: usize = 250;
pub const MAX_REGISTRY_TAG_VALUE_LEN: usize = 100_000;
pub const MAX_ALIAS_LEN: usize = 255;

/// A version's stage. `DeletedInternal` marks a soft-deleted version, hidden everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    None,
    Staging,
    Production,
    Archived,
    DeletedInternal,
}

impl Stage {
    /// The stages a user can name, in MLflow's order.
    pub const ALL: [Stage; 4] = [
        Stage::None,
        Stage::Staging,
        Stage::Production,
        Stage::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Staging => "Staging",
            Self::Production => "Production",
            Self::Archived => "Archived",
            Self::DeletedInternal => "Deleted_Internal",
        }
    }

    /// MLflow's `get_canonical_stage`: case-insensitive, only the four user stages.
    pub fn parse(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                StoreError::InvalidParameter(format!(
                    "Invalid Model Version stage: {s}. Value must be one of None, Staging, Production, Archived."
                ))
            })
    }

    /// As read from a meta.yaml (which may also hold the internal deleted stage).
    pub fn from_meta(s: &str) -> Option<Self> {
        if s == Self::DeletedInternal.as_str() {
            return Some(Self::DeletedInternal);
        }
        Self::parse(s).ok()
    }

    /// Staging and Production: the only targets that may archive existing versions.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Staging | Self::Production)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Stage {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelAlias {
    pub alias: String,
    #[serde(serialize_with = "ser_version")]
    pub version: i64,
}

fn ser_version<S: Serializer>(v: &i64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&v.to_string())
}

/// A model version, serialized in MLflow's REST shape (fields in proto order; unset fields and empty
/// lists omitted; `version` a string).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelVersion {
    pub name: String,
    #[serde(serialize_with = "ser_version")]
    pub version: i64,
    pub creation_timestamp: i64,
    pub last_updated_timestamp: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    pub current_stage: Stage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_id: Option<String>,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_message: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_link: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployment_job_state: Option<String>,
    /// Where the files are (file store only; not part of the REST shape).
    #[serde(skip)]
    pub storage_location: Option<String>,
}

impl ModelVersion {
    /// MLflow's `get_model_version_download_uri`: `storage_location`, or `source` when empty.
    pub fn download_uri(&self) -> &str {
        match self.storage_location.as_deref() {
            Some(s) if !s.is_empty() => s,
            _ => &self.source,
        }
    }
    pub fn tag(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|t| t.key == key)
            .map(|t| t.value.as_str())
    }
}

/// A registered model in MLflow's REST shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegisteredModel {
    pub name: String,
    pub creation_timestamp: i64,
    pub last_updated_timestamp: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub latest_versions: Vec<ModelVersion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<ModelAlias>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployment_job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployment_job_state: Option<String>,
}

impl RegisteredModel {
    pub fn tag(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|t| t.key == key)
            .map(|t| t.value.as_str())
    }
}

/// A version as requested: where its files are and what to record with it.
#[derive(Debug, Clone, Default)]
pub struct NewVersion {
    pub name: String,
    pub source: String,
    pub run_id: Option<String>,
    pub tags: Vec<Tag>,
    pub description: Option<String>,
    pub run_link: Option<String>,
    pub model_id: Option<String>,
    /// Resolved download location; `source` when not given.
    pub storage_location: Option<String>,
}

/// The registry interface every backend implements.
pub trait ModelRegistry {
    fn create_registered_model(
        &self,
        name: &str,
        tags: &[Tag],
        description: Option<&str>,
    ) -> Result<RegisteredModel>;
    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel>;
    /// Every registered model (prompts included; callers filter), sorted by name.
    fn list_registered_models(&self) -> Result<Listing<RegisteredModel>>;
    /// MLflow's `search_registered_models`: filter, order and one page (prompts excluded).
    fn search_registered_models(
        &self,
        query: &RegistryQuery,
    ) -> Result<RegistryPage<RegisteredModel>>;
    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel>;
    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel>;
    fn delete_registered_model(&self, name: &str) -> Result<()>;
    fn set_registered_model_tag(&self, name: &str, tag: &Tag) -> Result<()>;
    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()>;

    /// Allocates the next version number under a lock and writes the version.
    fn create_model_version(&self, new: NewVersion) -> Result<ModelVersion>;
    fn get_model_version(&self, name: &str, version: i64) -> Result<ModelVersion>;
    /// Live versions of one model (or of all models), highest version first.
    fn list_model_versions(&self, name: Option<&str>) -> Result<Listing<ModelVersion>>;
    /// MLflow's `search_model_versions` over the versions of `model` (an error when it does not
    /// exist) or of every model: filter, order and one page.
    fn search_model_versions(
        &self,
        model: Option<&str>,
        query: &RegistryQuery,
    ) -> Result<RegistryPage<ModelVersion>>;
    fn update_model_version(
        &self,
        name: &str,
        version: i64,
        description: Option<&str>,
    ) -> Result<ModelVersion>;
    fn transition_model_version_stage(
        &self,
        name: &str,
        version: i64,
        stage: Stage,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion>;
    fn delete_model_version(&self, name: &str, version: i64) -> Result<()>;
    fn set_model_version_tag(&self, name: &str, version: i64, tag: &Tag) -> Result<()>;
    fn delete_model_version_tag(&self, name: &str, version: i64, key: &str) -> Result<()>;

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: i64) -> Result<()>;
    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()>;
    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion>;

    /// For each requested stage (all four when empty), the highest version in it.
    fn get_latest_versions(&self, name: &str, stages: &[Stage]) -> Result<Vec<ModelVersion>>;

    /// MLflow's `get_model_version_download_uri`: where a version's files are.
    fn get_model_version_download_uri(&self, name: &str, version: i64) -> Result<String> {
        Ok(self
            .get_model_version(name, version)?
            .download_uri()
            .to_string())
    }
}

/// The version MLflow's `models:/NAME/latest` and `@latest` mean: the highest version among the
/// latest of each stage.
pub fn latest_version(
    reg: &dyn ModelRegistry,
    name: &str,
    stage: Option<Stage>,
) -> Result<ModelVersion> {
    let stages: Vec<Stage> = stage.into_iter().collect();
    let latest = reg.get_latest_versions(name, &stages)?;
    latest
        .into_iter()
        .max_by_key(|mv| mv.version)
        .ok_or_else(|| {
            let stage_str = stage.map_or(String::new(), |s| format!(" and stage '{s}'"));
            StoreError::NotFound(format!(
                "No versions of model with name '{name}'{stage_str} found"
            ))
        })
}

fn invalid(msg: String) -> StoreError {
    StoreError::InvalidParameter(msg)
}

/// A registered model name, as MLflow's file registry checks it: MLflow's rules
/// ([`validate_registered_model_name`]) and no `%`. A NUL byte is refused too.
pub fn validate_model_name(name: &str) -> Result<()> {
    check_name_shape(name)?;
    if name.contains('%') {
        return Err(invalid(format!(
            "Invalid name: '{name}'. Registered model name cannot contain '%' character"
        )));
    }
    refuse_nul(name)
}

/// A registered model name as MLflow's `_validate_model_name` checks it (its SQL registry): not
/// blank; no `/` or `:`; and it must name itself as a path (no `..`, `.`, leading `/`). A NUL byte,
/// which no database keeps, is refused too.
pub fn validate_registered_model_name(name: &str) -> Result<()> {
    check_name_shape(name)?;
    refuse_nul(name)
}

fn check_name_shape(name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(invalid(
            "Missing value for required parameter 'name'.".to_string(),
        ));
    }
    if name.contains('/') || name.contains(':') {
        return Err(invalid(format!(
            "Invalid model name '{name}'. Names cannot contain '/' or ':'."
        )));
    }
    let norm = crate::validate::normpath(name);
    if norm != name || norm == "." || norm.starts_with("..") || norm.starts_with('/') {
        return Err(invalid(format!(
            "Invalid value {} for parameter 'name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '{norm}'",
            crate::pyjson::dumps_str(name)
        )));
    }
    Ok(())
}

fn refuse_nul(name: &str) -> Result<()> {
    if name.contains('\0') {
        return Err(invalid(format!(
            "Invalid name: {}. Registered model name cannot contain a NUL byte",
            crate::pyjson::dumps_str(name)
        )));
    }
    Ok(())
}

/// MLflow's "not found" for a registered model.
pub fn model_not_found(name: &str) -> StoreError {
    StoreError::NotFound(format!("Registered Model with name={name} not found"))
}

/// MLflow's "not found" for a model version (a soft-deleted one included).
pub fn version_not_found(name: &str, version: i64) -> StoreError {
    StoreError::NotFound(format!(
        "Model Version (name={name}, version={version}) not found"
    ))
}

/// MLflow's checks on a stage transition before anything is read: only the active stages may
/// archive the versions already in them, and the internal deleted stage is never a target.
pub fn validate_transition(stage: Stage, archive_existing_versions: bool) -> Result<()> {
    if archive_existing_versions && !stage.is_active() {
        return Err(StoreError::InvalidParameter(format!(
            "Model version transition cannot archive existing model versions because '{stage}' is not an Active stage. Valid stages are ['Staging', 'Production']"
        )));
    }
    if stage == Stage::DeletedInternal {
        return Err(Stage::parse(stage.as_str()).unwrap_err());
    }
    Ok(())
}

/// For each stage in `stages` (all four when empty), the highest live version in it, by stage.
pub fn latest_per_stage(versions: &[ModelVersion], stages: &[Stage]) -> Vec<ModelVersion> {
    let wanted: &[Stage] = if stages.is_empty() {
        &Stage::ALL
    } else {
        stages
    };
    let mut best: std::collections::BTreeMap<Stage, &ModelVersion> = Default::default();
    for mv in versions {
        if wanted.contains(&mv.current_stage) {
            let e = best.entry(mv.current_stage).or_insert(mv);
            if e.version < mv.version {
                *e = mv;
            }
        }
    }
    best.into_values().cloned().collect()
}

/// A registry tag (model or version): MLflow's key rules, key ≤ 250, value ≤ 100000 characters.
pub fn validate_registry_tag(key: &str, value: &str) -> Result<()> {
    crate::validate::key(key, "Tag")?;
    if value.chars().count() > MAX_REGISTRY_TAG_VALUE_LEN {
        return Err(invalid(format!(
            "'value' exceeds the maximum length of {MAX_REGISTRY_TAG_VALUE_LEN} characters"
        )));
    }
    Ok(())
}

/// An alias name: full match of `[\w\-]+` (Unicode `\w`), at most 255 characters.
pub fn validate_alias_name(alias: &str) -> Result<()> {
    if alias.is_empty() {
        return Err(invalid(
            "Registered model alias name cannot be empty.".to_string(),
        ));
    }
    if !alias
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return Err(invalid(format!(
            "Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-)."
        )));
    }
    if alias.chars().count() > MAX_ALIAS_LEN {
        return Err(invalid(format!(
            "'Registered model alias name' exceeds the maximum length of {MAX_ALIAS_LEN} characters"
        )));
    }
    Ok(())
}

/// Names an alias may not take when set: `latest` (any case) and `v<digits>` / `V<digits>`.
pub fn validate_alias_not_reserved(alias: &str) -> Result<()> {
    if alias.eq_ignore_ascii_case("latest") {
        return Err(invalid(
            "'latest' alias name (case insensitive) is reserved.".to_string(),
        ));
    }
    let mut chars = alias.chars();
    if matches!(chars.next(), Some('v' | 'V'))
        && alias.len() > 1
        && chars.all(|c| c.is_ascii_digit())
    {
        return Err(invalid(format!(
            "Version alias name '{alias}' is reserved."
        )));
    }
    Ok(())
}

/// A version number as MLflow's `int(version)` reads it (surrounding whitespace and a sign allowed).
pub fn parse_version(v: &str) -> Result<i64> {
    v.trim().parse::<i64>().map_err(|_| {
        invalid(format!(
            "Parameter 'version' must be an integer, got '{v}'."
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_names_follow_mlflow() {
        for ok in ["m", "My Model", "a..b", "x_y-z.1", "模型", "a@b", "a\\b"] {
            assert!(validate_model_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", " ", "a/b", "../x", "..", ".", "a:b", "a%b", "..x", "a\0b", "/abs",
        ] {
            assert!(validate_model_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn aliases_follow_mlflow() {
        for ok in ["champ", "a-b_c", "1", "v", "vx1", "é"] {
            assert!(validate_alias_name(ok).is_ok(), "{ok}");
            assert!(validate_alias_not_reserved(ok).is_ok(), "{ok}");
        }
        for bad in ["", "a b", "a.b", "a/b", "a@b"] {
            assert!(validate_alias_name(bad).is_err(), "{bad:?}");
        }
        assert!(validate_alias_name(&"a".repeat(256)).is_err());
        for reserved in ["latest", "LATEST", "v1", "V22"] {
            assert!(validate_alias_not_reserved(reserved).is_err(), "{reserved}");
        }
    }

    #[test]
    fn stages_are_case_insensitive() {
        assert_eq!(Stage::parse("production").unwrap(), Stage::Production);
        assert_eq!(Stage::parse("NONE").unwrap(), Stage::None);
        assert!(Stage::parse("Deleted_Internal").is_err());
        assert!(Stage::parse("prod").is_err());
        assert_eq!(
            Stage::from_meta("Deleted_Internal"),
            Some(Stage::DeletedInternal)
        );
    }

    #[test]
    fn versions_parse_like_python_int() {
        assert_eq!(parse_version("3").unwrap(), 3);
        assert_eq!(parse_version(" 4 ").unwrap(), 4);
        assert!(parse_version("v1").is_err());
        assert!(parse_version("").is_err());
    }
}
