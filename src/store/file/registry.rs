//! `FileRegistry`: MLflow's file model registry over `<root>/models/` (spec §3). Invariants: every
//! file is replaced atomically; a new model or version is built in a hidden staging folder and
//! renamed into place, so readers never see half of one; version numbers are allocated while holding
//! the model folder's lock, and structural changes (create, rename, delete) hold the `models/` lock
//! first. Soft-deleted versions keep their folder and number, so numbers are never reused.
use crate::clock::now_ms;
use crate::entities::{KeyValue, Tag};
use crate::pyyaml::{self, Value};
use crate::registry::*;
use crate::store::file::fsutil::{
    atomic_write, atomic_write_in, lock_dir, DirLock, Staging, STAGING_PREFIX,
};
use crate::store::file::layout::{Layout, VERSION_PREFIX};
use crate::store::{Listing, Result, StoreError};
use std::fs;
use std::path::{Path, PathBuf};

const WORKSPACE: &str = "default";

pub struct FileRegistry {
    layout: Layout,
}

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

fn opt_s(v: &Option<String>) -> Value {
    v.as_deref().map_or(Value::Null, s)
}

// --- meta.yaml reading (lenient, like MLflow's `read_yaml` + `from_dictionary`) ---

use crate::store::file::meta::{get_int, get_string, read_mapping};

fn bad_meta(path: &Path, message: String) -> StoreError {
    StoreError::InvalidState {
        path: path.to_path_buf(),
        message,
    }
}

/// A folder of value files (tags, aliases), sorted by key.
fn read_values(dir: &Path) -> Result<Vec<KeyValue>> {
    let mut out = crate::store::file::fsutil::read_values(dir)?;
    out.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(out)
}

fn version_number(folder_name: &str) -> Option<i64> {
    folder_name
        .strip_prefix(VERSION_PREFIX)
        .and_then(|n| n.parse::<i64>().ok())
}

/// `version-N` folders of a model, deleted ones included, by number.
fn version_dirs(model_dir: &Path) -> Result<Vec<(i64, PathBuf)>> {
    let rd = match fs::read_dir(model_dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(StoreError::io(model_dir, e)),
    };
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| StoreError::io(model_dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(n) = version_number(&name) {
            if entry.path().is_dir() {
                out.push((n, entry.path()));
            }
        }
    }
    out.sort_by_key(|(n, _)| *n);
    Ok(out)
}

fn rm_meta_yaml(rm: &RegisteredModel) -> String {
    let aliases = rm
        .aliases
        .iter()
        .map(|a| (a.alias.clone(), Value::Str(a.version.to_string())))
        .collect();
    pyyaml::dump(&[
        ("aliases".into(), Value::Map(aliases)),
        (
            "creation_timestamp".into(),
            Value::Int(rm.creation_timestamp),
        ),
        ("deployment_job_id".into(), opt_s(&rm.deployment_job_id)),
        (
            "deployment_job_state".into(),
            opt_s(&rm.deployment_job_state),
        ),
        ("description".into(), opt_s(&rm.description)),
        (
            "last_updated_timestamp".into(),
            Value::Int(rm.last_updated_timestamp),
        ),
        ("name".into(), s(&rm.name)),
        ("workspace".into(), s(WORKSPACE)),
    ])
}

fn mv_meta_yaml(mv: &ModelVersion) -> String {
    pyyaml::dump(&[
        (
            "creation_timestamp".into(),
            Value::Int(mv.creation_timestamp),
        ),
        ("current_stage".into(), s(mv.current_stage.as_str())),
        (
            "deployment_job_state".into(),
            opt_s(&mv.deployment_job_state),
        ),
        ("description".into(), opt_s(&mv.description)),
        (
            "last_updated_timestamp".into(),
            Value::Int(mv.last_updated_timestamp),
        ),
        ("model_id".into(), opt_s(&mv.model_id)),
        ("name".into(), s(&mv.name)),
        ("run_id".into(), opt_s(&mv.run_id)),
        ("run_link".into(), opt_s(&mv.run_link)),
        ("source".into(), s(&mv.source)),
        ("status".into(), s(&mv.status)),
        ("status_message".into(), opt_s(&mv.status_message)),
        ("storage_location".into(), opt_s(&mv.storage_location)),
        ("user_id".into(), opt_s(&mv.user_id)),
        ("version".into(), Value::Int(mv.version)),
        ("workspace".into(), s(WORKSPACE)),
    ])
}

pub(crate) fn read_rm_meta(dir: &Path) -> Result<RegisteredModel> {
    let path = Layout::meta(dir);
    let m = read_mapping(&path)?;
    let folder = dir
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name =
        get_string(&m, "name").ok_or_else(|| bad_meta(&path, "missing key 'name'".into()))?;
    if name != folder {
        return Err(bad_meta(
            &path,
            format!("name '{name}' does not match its folder '{folder}'"),
        ));
    }
    Ok(RegisteredModel {
        name,
        creation_timestamp: get_int(&m, "creation_timestamp").unwrap_or(0),
        last_updated_timestamp: get_int(&m, "last_updated_timestamp").unwrap_or(0),
        user_id: get_string(&m, "user_id"),
        description: get_string(&m, "description"),
        latest_versions: vec![],
        tags: vec![],
        aliases: vec![],
        deployment_job_id: get_string(&m, "deployment_job_id"),
        deployment_job_state: get_string(&m, "deployment_job_state"),
    })
}

pub(crate) fn read_mv_meta(dir: &Path) -> Result<ModelVersion> {
    let path = Layout::meta(dir);
    let m = read_mapping(&path)?;
    let missing = |k: &str| bad_meta(&path, format!("missing key '{k}'"));
    let stage_text = get_string(&m, "current_stage").unwrap_or_else(|| "None".into());
    let current_stage = Stage::from_meta(&stage_text)
        .ok_or_else(|| bad_meta(&path, format!("unknown current_stage '{stage_text}'")))?;
    // A null model_id stays None; `''` (REST-created) is kept as written.
    let model_id = match m.get("model_id") {
        Some(crate::pyyaml::load::Node::Str(s)) => Some(s.clone()),
        _ => None,
    };
    Ok(ModelVersion {
        name: get_string(&m, "name").ok_or_else(|| missing("name"))?,
        version: get_int(&m, "version").ok_or_else(|| missing("version"))?,
        creation_timestamp: get_int(&m, "creation_timestamp").unwrap_or(0),
        last_updated_timestamp: get_int(&m, "last_updated_timestamp").unwrap_or(0),
        user_id: get_string(&m, "user_id"),
        current_stage,
        description: get_string(&m, "description"),
        source: get_string(&m, "source").unwrap_or_default(),
        run_id: get_string(&m, "run_id"),
        status: get_string(&m, "status").unwrap_or_else(|| "READY".into()),
        status_message: get_string(&m, "status_message"),
        tags: read_values(&Layout::registry_tags(dir))?,
        run_link: get_string(&m, "run_link"),
        aliases: vec![],
        model_id,
        deployment_job_state: get_string(&m, "deployment_job_state"),
        storage_location: get_string(&m, "storage_location"),
    })
}

impl FileRegistry {
    /// The registry inside the store at `root` (nothing is created until something is written).
    pub fn open(root: impl Into<PathBuf>) -> Result<Self> {
        let mut root: PathBuf = root.into();
        if root.is_relative() {
            let cwd = std::env::current_dir().map_err(|e| StoreError::io(".", e))?;
            root = cwd.join(root);
        }
        Ok(Self {
            layout: Layout { root },
        })
    }

    pub fn root(&self) -> &Path {
        &self.layout.root
    }

    /// Locks `models/` (creating it, as MLflow's registry store does on first use).
    fn lock_registry(&self) -> Result<DirLock> {
        let dir = self.layout.registry();
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        lock_dir(&dir)
    }

    /// The folder of an existing registered model.
    fn model_dir(&self, name: &str) -> Result<PathBuf> {
        validate_model_name(name)?;
        let dir = self.layout.registered_model(name);
        if Layout::meta(&dir).is_file() {
            Ok(dir)
        } else {
            Err(model_not_found(name))
        }
    }

    /// Locks an existing model's folder, re-checking it after the wait (a rename may have moved it).
    fn lock_model(&self, name: &str) -> Result<(PathBuf, DirLock)> {
        let dir = self.model_dir(name)?;
        let lock = lock_dir(&dir)?;
        if !Layout::meta(&dir).is_file() {
            return Err(model_not_found(name));
        }
        Ok((dir, lock))
    }

    fn read_aliases(model_dir: &Path) -> Result<Vec<ModelAlias>> {
        let mut out: Vec<ModelAlias> = read_values(&Layout::aliases(model_dir))?
            .into_iter()
            .filter_map(|kv| {
                kv.value.trim().parse().ok().map(|version| ModelAlias {
                    alias: kv.key,
                    version,
                })
            })
            .collect();
        out.sort_by(|a, b| a.alias.cmp(&b.alias));
        Ok(out)
    }

    fn read_version(dir: &Path, aliases: &[ModelAlias]) -> Result<ModelVersion> {
        let mut mv = read_mv_meta(dir)?;
        mv.aliases = aliases
            .iter()
            .filter(|a| a.version == mv.version)
            .map(|a| a.alias.clone())
            .collect();
        Ok(mv)
    }

    /// Every version folder of a model, read; `live_only` drops soft-deleted ones.
    fn versions_of(&self, model_dir: &Path, live_only: bool) -> Result<Listing<ModelVersion>> {
        let aliases = Self::read_aliases(model_dir)?;
        let mut listing = Listing::default();
        for (_, dir) in version_dirs(model_dir)? {
            match Self::read_version(&dir, &aliases) {
                Ok(mv) if live_only && mv.current_stage == Stage::DeletedInternal => {}
                Ok(mv) => listing.items.push(mv),
                Err(e) => listing.broken.push(e),
            }
        }
        listing.items.sort_by_key(|v| std::cmp::Reverse(v.version));
        Ok(listing)
    }

    /// A live version of a model: its folder and contents.
    fn live_version(&self, name: &str, version: i64) -> Result<(PathBuf, ModelVersion)> {
        let model_dir = self.model_dir(name)?;
        let dir = self.layout.model_version(name, version);
        if !Layout::meta(&dir).is_file() {
            return Err(version_not_found(name, version));
        }
        let aliases = Self::read_aliases(&model_dir)?;
        let mv = Self::read_version(&dir, &aliases)?;
        if mv.current_stage == Stage::DeletedInternal {
            return Err(version_not_found(name, version));
        }
        Ok((dir, mv))
    }

    fn read_model(&self, dir: &Path) -> Result<RegisteredModel> {
        let mut rm = read_rm_meta(dir)?;
        rm.tags = read_values(&Layout::registry_tags(dir))?;
        rm.aliases = Self::read_aliases(dir)?;
        let versions = self.versions_of(dir, true)?;
        if let Some(e) = versions.broken.into_iter().next() {
            return Err(e);
        }
        rm.latest_versions = latest_per_stage(&versions.items, &[]);
        Ok(rm)
    }

    /// Rewrites the model's meta.yaml with a new `last_updated_timestamp` (and the aliases folder
    /// copied into its stale `aliases:` map, as MLflow does). Caller holds the model lock.
    fn touch_model(&self, dir: &Path, now: i64) -> Result<RegisteredModel> {
        let mut rm = read_rm_meta(dir)?;
        rm.last_updated_timestamp = now;
        rm.aliases = Self::read_aliases(dir)?;
        atomic_write(&Layout::meta(dir), rm_meta_yaml(&rm).as_bytes())?;
        Ok(rm)
    }

    fn write_version_meta(dir: &Path, mv: &ModelVersion) -> Result<()> {
        atomic_write(&Layout::meta(dir), mv_meta_yaml(mv).as_bytes())
    }
}

impl FileRegistry {
    /// See [`FileRegistry::import_model`] (in `import.rs`): the model folder staged whole.
    pub(super) fn import_model_impl(
        &self,
        rm: &RegisteredModel,
        versions: &[ModelVersion],
    ) -> Result<()> {
        validate_model_name(&rm.name)?;
        let _lock = self.lock_registry()?;
        let dir = self.layout.registered_model(&rm.name);
        if dir.exists() {
            return Err(StoreError::AlreadyExists(format!(
                "Registered Model (name={}) already exists.",
                rm.name
            )));
        }
        let staging = Staging::new(&self.layout.root)?;
        let staged = staging.path();
        for t in &rm.tags {
            atomic_write_in(
                &Layout::value_file(&Layout::registry_tags(staged), &t.key),
                staged,
                t.value.as_bytes(),
            )?;
        }
        for a in &rm.aliases {
            validate_alias_name(&a.alias)?;
            atomic_write_in(
                &Layout::aliases(staged).join(&a.alias),
                staged,
                a.version.to_string().as_bytes(),
            )?;
        }
        for mv in versions {
            let vdir = staged.join(format!("version-{}", mv.version));
            for t in &mv.tags {
                atomic_write_in(
                    &Layout::value_file(&Layout::registry_tags(&vdir), &t.key),
                    staged,
                    t.value.as_bytes(),
                )?;
            }
            std::fs::create_dir_all(&vdir).map_err(|e| StoreError::io(&vdir, e))?;
            Self::write_version_meta(&vdir, mv)?;
        }
        atomic_write(&Layout::meta(staged), rm_meta_yaml(rm).as_bytes())?;
        staging.commit(&dir)
    }
}

impl ModelRegistry for FileRegistry {
    fn create_registered_model(
        &self,
        name: &str,
        tags: &[Tag],
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        validate_model_name(name)?;
        for t in tags {
            validate_registry_tag(&t.key, &t.value)?;
        }
        let _lock = self.lock_registry()?;
        let dir = self.layout.registered_model(name);
        if dir.exists() {
            return Err(StoreError::AlreadyExists(format!(
                "Registered Model (name={name}) already exists."
            )));
        }
        let now = now_ms();
        let rm = RegisteredModel {
            name: name.to_string(),
            creation_timestamp: now,
            last_updated_timestamp: now,
            user_id: None,
            description: description.map(str::to_string),
            latest_versions: vec![],
            tags: tags.to_vec(),
            aliases: vec![],
            deployment_job_id: None,
            deployment_job_state: None,
        };
        // Staged where MLflow's registry never looks (it reads every folder of `models/` as a
        // model): see `fsutil::STAGING_DIR`. A failure drops (removes) the staged folder.
        let staging = Staging::new(&self.layout.root)?;
        let staged = staging.path();
        for t in tags {
            atomic_write_in(
                &Layout::value_file(&Layout::registry_tags(staged), &t.key),
                staged,
                t.value.as_bytes(),
            )?;
        }
        atomic_write(&Layout::meta(staged), rm_meta_yaml(&rm).as_bytes())?;
        staging.commit(&dir)?;
        Ok(rm)
    }

    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        let dir = self.model_dir(name)?;
        self.read_model(&dir)
    }

    fn list_registered_models(&self) -> Result<Listing<RegisteredModel>> {
        let registry = self.layout.registry();
        let rd = match fs::read_dir(&registry) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(e) => return Err(StoreError::io(&registry, e)),
        };
        let mut listing = Listing::default();
        for entry in rd {
            let entry = entry.map_err(|e| StoreError::io(&registry, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(STAGING_PREFIX) || !entry.path().is_dir() {
                continue;
            }
            match self.read_model(&entry.path()) {
                Ok(rm) => listing.items.push(rm),
                Err(e) => listing.broken.push(e),
            }
        }
        listing.items.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(listing)
    }

    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        validate_model_name(name)?;
        if new_name.trim().is_empty() {
            return Err(StoreError::InvalidParameter(
                "Missing value for required parameter 'new_name'.".into(),
            ));
        }
        validate_model_name(new_name)?;
        let _reg = self.lock_registry()?;
        let (dir, _lock) = self.lock_model(name)?;
        let new_dir = self.layout.registered_model(new_name);
        if new_dir.exists() {
            return Err(StoreError::AlreadyExists(format!(
                "Registered Model (name={new_name}) already exists."
            )));
        }
        // One rename moves everything (tags, aliases and version tags included, which MLflow's
        // copy-based rename loses); then the names inside are rewritten.
        fs::rename(&dir, &new_dir).map_err(|e| StoreError::io(&new_dir, e))?;
        let now = now_ms();
        let mut rm = read_rm_meta_named(&new_dir, name)?;
        rm.name = new_name.to_string();
        rm.last_updated_timestamp = now;
        rm.aliases = Self::read_aliases(&new_dir)?;
        atomic_write(&Layout::meta(&new_dir), rm_meta_yaml(&rm).as_bytes())?;
        for (_, vdir) in version_dirs(&new_dir)? {
            let mut mv = read_mv_meta(&vdir)?;
            mv.name = new_name.to_string();
            mv.last_updated_timestamp = now;
            Self::write_version_meta(&vdir, &mv)?;
        }
        self.read_model(&new_dir)
    }

    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        let (dir, _lock) = self.lock_model(name)?;
        let mut rm = read_rm_meta(&dir)?;
        rm.description = description.map(str::to_string);
        rm.last_updated_timestamp = now_ms();
        rm.aliases = Self::read_aliases(&dir)?;
        atomic_write(&Layout::meta(&dir), rm_meta_yaml(&rm).as_bytes())?;
        self.read_model(&dir)
    }

    fn delete_registered_model(&self, name: &str) -> Result<()> {
        validate_model_name(name)?;
        let _reg = self.lock_registry()?;
        let (dir, _lock) = self.lock_model(name)?;
        fs::remove_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))
    }

    fn set_registered_model_tag(&self, name: &str, tag: &Tag) -> Result<()> {
        validate_registry_tag(&tag.key, &tag.value)?;
        let (dir, _lock) = self.lock_model(name)?;
        atomic_write_in(
            &Layout::value_file(&Layout::registry_tags(&dir), &tag.key),
            &dir,
            tag.value.as_bytes(),
        )?;
        self.touch_model(&dir, now_ms())?;
        Ok(())
    }

    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        crate::validate::key(key, "Tag")?;
        let (dir, _lock) = self.lock_model(name)?;
        let path = Layout::value_file(&Layout::registry_tags(&dir), key);
        if path.is_file() {
            fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))?;
            self.touch_model(&dir, now_ms())?;
        }
        Ok(())
    }

    fn create_model_version(&self, new: NewVersion) -> Result<ModelVersion> {
        validate_model_name(&new.name)?;
        for t in &new.tags {
            validate_registry_tag(&t.key, &t.value)?;
        }
        if let Some(r) = &new.run_id {
            crate::validate::run_id(r)?;
        }
        let (dir, _lock) = self.lock_model(&new.name)?;
        let version = version_dirs(&dir)?.last().map_or(0, |(n, _)| *n) + 1;
        let now = now_ms();
        let mv = ModelVersion {
            name: new.name.clone(),
            version,
            creation_timestamp: now,
            last_updated_timestamp: now,
            user_id: None,
            current_stage: Stage::None,
            description: new.description.clone(),
            storage_location: Some(
                new.storage_location
                    .clone()
                    .unwrap_or_else(|| new.source.clone()),
            ),
            source: new.source,
            run_id: new.run_id,
            status: "READY".into(),
            status_message: None,
            tags: new.tags,
            run_link: new.run_link,
            aliases: vec![],
            model_id: new.model_id,
            deployment_job_state: None,
        };
        // A `version-N` folder without meta.yaml breaks MLflow's `search_model_versions`, so the
        // version is staged (see `fsutil::STAGING_DIR`) and renamed into place whole.
        let staging = Staging::new(&self.layout.root)?;
        let staged = staging.path();
        let target = self.layout.model_version(&mv.name, version);
        for t in &mv.tags {
            atomic_write_in(
                &Layout::value_file(&Layout::registry_tags(staged), &t.key),
                staged,
                t.value.as_bytes(),
            )?;
        }
        Self::write_version_meta(staged, &mv)?;
        if target.exists() {
            return Err(StoreError::AlreadyExists(format!(
                "Model Version (name={}, version={version}) already exists",
                mv.name
            )));
        }
        staging.commit(&target)?;
        self.touch_model(&dir, now)?;
        Ok(mv)
    }

    fn get_model_version(&self, name: &str, version: i64) -> Result<ModelVersion> {
        Ok(self.live_version(name, version)?.1)
    }

    fn search_registered_models(&self, q: &RegistryQuery) -> Result<RegistryPage<RegisteredModel>> {
        search_models_locally(self, q)
    }

    fn search_model_versions(
        &self,
        model: Option<&str>,
        q: &RegistryQuery,
    ) -> Result<RegistryPage<ModelVersion>> {
        search_versions_locally(self, model, q)
    }

    fn list_model_versions(&self, name: Option<&str>) -> Result<Listing<ModelVersion>> {
        match name {
            Some(n) => {
                let dir = self.model_dir(n)?;
                self.versions_of(&dir, true)
            }
            None => {
                let models = self.list_registered_models()?;
                let mut listing = Listing {
                    items: vec![],
                    broken: models.broken,
                };
                for rm in models.items {
                    let dir = self.layout.registered_model(&rm.name);
                    let mut l = self.versions_of(&dir, true)?;
                    listing.items.append(&mut l.items);
                    listing.broken.append(&mut l.broken);
                }
                Ok(listing)
            }
        }
    }

    fn update_model_version(
        &self,
        name: &str,
        version: i64,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        let (_mdir, _lock) = self.lock_model(name)?;
        let (dir, mut mv) = self.live_version(name, version)?;
        mv.description = description.map(str::to_string);
        mv.last_updated_timestamp = now_ms();
        Self::write_version_meta(&dir, &mv)?;
        Ok(mv)
    }

    fn transition_model_version_stage(
        &self,
        name: &str,
        version: i64,
        stage: Stage,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        validate_transition(stage, archive_existing_versions)?;
        let (mdir, _lock) = self.lock_model(name)?;
        let (dir, mut mv) = self.live_version(name, version)?;
        let now = now_ms();
        if archive_existing_versions {
            for other in self.versions_of(&mdir, true)?.items {
                if other.version != version && other.current_stage == stage {
                    let odir = self.layout.model_version(name, other.version);
                    let mut o = read_mv_meta(&odir)?;
                    o.current_stage = Stage::Archived;
                    o.last_updated_timestamp = now;
                    Self::write_version_meta(&odir, &o)?;
                }
            }
        }
        mv.current_stage = stage;
        mv.last_updated_timestamp = now;
        Self::write_version_meta(&dir, &mv)?;
        self.touch_model(&mdir, now)?;
        Ok(mv)
    }

    fn delete_model_version(&self, name: &str, version: i64) -> Result<()> {
        let (mdir, _lock) = self.lock_model(name)?;
        let (dir, mut mv) = self.live_version(name, version)?;
        let now = now_ms();
        mv.current_stage = Stage::DeletedInternal;
        mv.last_updated_timestamp = now;
        Self::write_version_meta(&dir, &mv)?;
        for alias in &mv.aliases {
            let path = Layout::aliases(&mdir).join(alias);
            fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))?;
        }
        self.touch_model(&mdir, now)?;
        Ok(())
    }

    fn set_model_version_tag(&self, name: &str, version: i64, tag: &Tag) -> Result<()> {
        validate_registry_tag(&tag.key, &tag.value)?;
        let (mdir, _lock) = self.lock_model(name)?;
        let (dir, _) = self.live_version(name, version)?;
        atomic_write_in(
            &Layout::value_file(&Layout::registry_tags(&dir), &tag.key),
            &dir,
            tag.value.as_bytes(),
        )?;
        self.touch_model(&mdir, now_ms())?;
        Ok(())
    }

    fn delete_model_version_tag(&self, name: &str, version: i64, key: &str) -> Result<()> {
        crate::validate::key(key, "Tag")?;
        let (mdir, _lock) = self.lock_model(name)?;
        let (dir, _) = self.live_version(name, version)?;
        let path = Layout::value_file(&Layout::registry_tags(&dir), key);
        if path.is_file() {
            fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))?;
            self.touch_model(&mdir, now_ms())?;
        }
        Ok(())
    }

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: i64) -> Result<()> {
        validate_model_name(name)?;
        validate_alias_name(alias)?;
        validate_alias_not_reserved(alias)?;
        let (mdir, _lock) = self.lock_model(name)?;
        self.live_version(name, version)?;
        atomic_write_in(
            &Layout::aliases(&mdir).join(alias),
            &mdir,
            version.to_string().as_bytes(),
        )?;
        self.touch_model(&mdir, now_ms())?;
        Ok(())
    }

    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        validate_model_name(name)?;
        validate_alias_name(alias)?;
        let (mdir, _lock) = self.lock_model(name)?;
        let path = Layout::aliases(&mdir).join(alias);
        if path.is_file() {
            fs::remove_file(&path).map_err(|e| StoreError::io(&path, e))?;
            self.touch_model(&mdir, now_ms())?;
        }
        Ok(())
    }

    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        validate_model_name(name)?;
        if alias.eq_ignore_ascii_case("latest") {
            return latest_version(self, name, None);
        }
        validate_alias_name(alias)?;
        let mdir = self.model_dir(name)?;
        let path = Layout::aliases(&mdir).join(alias);
        match fs::read_to_string(&path) {
            Ok(v) => self.get_model_version(name, parse_version(&v)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::NotFound(
                format!("Registered model alias {alias} not found."),
            )),
            Err(e) => Err(StoreError::io(&path, e)),
        }
    }

    fn get_latest_versions(&self, name: &str, stages: &[Stage]) -> Result<Vec<ModelVersion>> {
        let dir = self.model_dir(name)?;
        let versions = self.versions_of(&dir, true)?;
        if let Some(e) = versions.broken.into_iter().next() {
            return Err(e);
        }
        Ok(latest_per_stage(&versions.items, stages))
    }
}

/// Reads a model's meta right after its folder was renamed (the meta still holds the old name).
fn read_rm_meta_named(dir: &Path, old_name: &str) -> Result<RegisteredModel> {
    let path = Layout::meta(dir);
    let m = read_mapping(&path)?;
    Ok(RegisteredModel {
        name: get_string(&m, "name").unwrap_or_else(|| old_name.to_string()),
        creation_timestamp: get_int(&m, "creation_timestamp").unwrap_or(0),
        last_updated_timestamp: get_int(&m, "last_updated_timestamp").unwrap_or(0),
        user_id: get_string(&m, "user_id"),
        description: get_string(&m, "description"),
        latest_versions: vec![],
        tags: vec![],
        aliases: vec![],
        deployment_job_id: get_string(&m, "deployment_job_id"),
        deployment_job_state: get_string(&m, "deployment_job_state"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> (tempfile::TempDir, FileRegistry) {
        let d = tempfile::tempdir().unwrap();
        let r = FileRegistry::open(d.path().join("mlruns")).unwrap();
        (d, r)
    }

    #[test]
    fn meta_files_match_mlflow_bytes() {
        let (_d, r) = reg();
        r.create_registered_model("My Model", &[Tag::new("t", "v")], Some("désc"))
            .unwrap();
        let mv = r
            .create_model_version(NewVersion {
                name: "My Model".into(),
                source: "file:///tmp/somewhere/model".into(),
                run_id: Some("abc".into()),
                description: Some("d1".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(mv.version, 1);
        r.set_registered_model_alias("My Model", "champ", 1)
            .unwrap();
        let root = r.root().join("models").join("My Model");
        let vmeta = fs::read_to_string(root.join("version-1/meta.yaml")).unwrap();
        let expected_v = "creation_timestamp: TS\ncurrent_stage: None\ndeployment_job_state: null\ndescription: d1\nlast_updated_timestamp: TS\nmodel_id: null\nname: My Model\nrun_id: abc\nrun_link: null\nsource: file:///tmp/somewhere/model\nstatus: READY\nstatus_message: null\nstorage_location: file:///tmp/somewhere/model\nuser_id: null\nversion: 1\nworkspace: default\n";
        assert_eq!(
            vmeta.replace(&mv.creation_timestamp.to_string(), "TS"),
            expected_v
        );
        let rm = r.get_registered_model("My Model").unwrap();
        let meta = fs::read_to_string(root.join("meta.yaml")).unwrap();
        let expected = format!(
            "aliases:\n  champ: '1'\ncreation_timestamp: {}\ndeployment_job_id: null\ndeployment_job_state: null\ndescription: désc\nlast_updated_timestamp: {}\nname: My Model\nworkspace: default\n",
            rm.creation_timestamp, rm.last_updated_timestamp
        );
        assert_eq!(meta, expected);
        assert_eq!(fs::read_to_string(root.join("aliases/champ")).unwrap(), "1");
        assert_eq!(fs::read_to_string(root.join("tags/t")).unwrap(), "v");
    }

    #[test]
    fn versions_stages_aliases() {
        let (_d, r) = reg();
        r.create_registered_model("m", &[], None).unwrap();
        for _ in 0..3 {
            r.create_model_version(NewVersion {
                name: "m".into(),
                source: "/x".into(),
                ..Default::default()
            })
            .unwrap();
        }
        r.transition_model_version_stage("m", 1, Stage::Production, false)
            .unwrap();
        r.transition_model_version_stage("m", 2, Stage::Production, true)
            .unwrap();
        assert_eq!(
            r.get_model_version("m", 1).unwrap().current_stage,
            Stage::Archived
        );
        r.set_registered_model_alias("m", "best", 3).unwrap();
        assert_eq!(
            r.get_model_version_by_alias("m", "best").unwrap().version,
            3
        );
        assert_eq!(
            r.get_model_version_by_alias("m", "LATEST").unwrap().version,
            3
        );
        r.delete_model_version("m", 3).unwrap();
        assert!(matches!(
            r.get_model_version_by_alias("m", "best"),
            Err(StoreError::NotFound(_))
        ));
        // Deleted numbers are not reused.
        let v = r
            .create_model_version(NewVersion {
                name: "m".into(),
                source: "/x".into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(v.version, 4);
        let rm = r.get_registered_model("m").unwrap();
        let latest: Vec<(Stage, i64)> = rm
            .latest_versions
            .iter()
            .map(|v| (v.current_stage, v.version))
            .collect();
        assert_eq!(
            latest,
            vec![
                (Stage::None, 4),
                (Stage::Production, 2),
                (Stage::Archived, 1)
            ]
        );
        assert!(r
            .transition_model_version_stage("m", 2, Stage::Archived, true)
            .is_err());
    }

    #[test]
    fn rename_keeps_everything() {
        let (_d, r) = reg();
        r.create_registered_model("a", &[Tag::new("k", "v")], None)
            .unwrap();
        r.create_model_version(NewVersion {
            name: "a".into(),
            source: "/x".into(),
            tags: vec![Tag::new("vt", "1")],
            ..Default::default()
        })
        .unwrap();
        r.set_registered_model_alias("a", "champ", 1).unwrap();
        r.rename_registered_model("a", "b").unwrap();
        assert!(matches!(
            r.get_registered_model("a"),
            Err(StoreError::NotFound(_))
        ));
        let b = r.get_registered_model("b").unwrap();
        assert_eq!(b.tag("k"), Some("v"));
        let v = r.get_model_version_by_alias("b", "champ").unwrap();
        assert_eq!(v.name, "b");
        assert_eq!(v.tag("vt"), Some("1"));
    }
}
