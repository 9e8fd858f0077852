//! `mlrun migrate FOLDER DATABASE`: an `mlruns/` folder copied into an empty MLflow database with
//! every id, value and timestamp kept, row for row as MLflow 3.17.2's `mlflow migrate-filestore`
//! writes them (`mlflow/store/fs2db/`): experiments (active and in `.trash`) and their tags, runs
//! with params, tags, every metric point and `latest_metrics`, datasets, inputs and their tags,
//! run outputs, logged models with their params, tags and metrics, and the model registry. The
//! whole copy is one transaction: a failure leaves the database as empty as it was.
//!
//! Where MLflow's migration would stop on a damaged file with a Python traceback, this stops with
//! the file named; where it skips an unreadable meta.yaml with a warning, this does the same and
//! lists the skipped file in the report. Traces and assessments are not copied (mlrun does not
//! read them); the report counts the experiments that had some.
use super::db::{Db, Dialect, Tx, Value};
use super::schema;
use crate::entities::RunStatus;
use crate::error::{Result, StoreError};
use crate::pyyaml::load::Node;
use crate::store::file::fsutil::{files_under, read_values, subdirs};
use crate::store::file::layout::{self, Layout};
use crate::store::file::{meta, metrics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What was copied, per table as MLflow's summary counts it, and what was skipped.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Migrated {
    pub counts: BTreeMap<&'static str, u64>,
    /// meta.yaml files that could not be read (each skipped with what it holds, as MLflow does).
    pub skipped: Vec<String>,
    /// Experiments whose traces were left behind.
    pub experiments_with_traces: Vec<String>,
}

impl Migrated {
    fn add(&mut self, table: &'static str) {
        *self.counts.entry(table).or_default() += 1;
    }
}

/// The `mlruns` folder MLflow's migration takes from a source: `<source>/mlruns` when there is one,
/// else the source itself when it holds experiments.
pub fn resolve_source(source: &Path) -> Result<PathBuf> {
    let nested = source.join("mlruns");
    if nested.is_dir() {
        return Ok(nested);
    }
    let looks = subdirs(source)?
        .iter()
        .any(|n| is_id(n) || n == layout::TRASH || n == "models");
    if looks {
        Ok(source.to_path_buf())
    } else {
        Err(StoreError::NotFound(format!(
            "Cannot find mlruns directory in '{}'",
            source.display()
        )))
    }
}

fn is_id(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
}

/// `mlrun migrate FOLDER DATABASE`: opens (and on first use sets up) the database, then copies the
/// folder's `mlruns` (see [`resolve_source`]) into it with [`folder_to_db`].
pub fn migrate_folder(
    source: &Path,
    dest: &crate::uri::DbUri,
    progress: &mut dyn FnMut(&str),
) -> Result<Migrated> {
    let mlruns = resolve_source(source)?;
    let db = Db::connect(dest)?;
    // The artifact root is only the Default experiment's, which the folder's own replaces.
    schema::prepare(&db, "./mlruns", crate::clock::now_ms())?;
    folder_to_db(&mlruns, &db, progress)
}

/// Copies the folder at `mlruns` into `db`, which must hold no experiments, runs or registered
/// models (a database mlrun or MLflow only set up is fine).
pub fn folder_to_db(mlruns: &Path, db: &Db, progress: &mut dyn FnMut(&str)) -> Result<Migrated> {
    let mut out = Migrated::default();
    db.write(|tx| {
        schema::check_empty(db, tx)?;
        // The Default experiment a new database starts with comes from the folder instead.
        tx.execute("DELETE FROM experiments", &[])?;
        let mut experiments = Vec::new();
        for id in subdirs(mlruns)?.into_iter().filter(|n| is_id(n)) {
            experiments.push((mlruns.join(&id), id));
        }
        let trash = mlruns.join(layout::TRASH);
        for id in subdirs(&trash)?.into_iter().filter(|n| is_id(n)) {
            experiments.push((trash.join(&id), id));
        }
        let total = experiments.len();
        for (i, (dir, id)) in experiments.iter().enumerate() {
            progress(&format!("[{}/{total}] Migrating experiment {id}...", i + 1));
            let exp_id = experiment_id(db, id, dir)?;
            if !experiment(tx, dir, exp_id, &mut out)? {
                continue;
            }
            let runs = runs(tx, dir, exp_id, &mut out)?;
            datasets_and_inputs(tx, dir, exp_id, &runs, &mut out)?;
            outputs(tx, &runs, &mut out)?;
            if !subdirs(&dir.join("traces"))?.is_empty() {
                out.experiments_with_traces.push(id.clone());
            }
            logged_models(tx, dir, exp_id, &mut out)?;
        }
        let models = subdirs(&Layout {
            root: mlruns.to_path_buf(),
        }
        .registry())?;
        for (j, name) in models.iter().enumerate() {
            progress(&format!("[{}/{}] Migrating model {name}...", j + 1, models.len()));
            registered_model(tx, &mlruns.join("models").join(name), name, &mut out)?;
        }
        if tx.dialect() == Dialect::Postgres {
            // Rows went in with their own ids: the sequence continues after the largest.
            tx.query(
                "SELECT setval(pg_get_serial_sequence('experiments', 'experiment_id'), GREATEST((SELECT MAX(experiment_id) FROM experiments), 1))",
                &[],
            )?;
        }
        Ok(())
    })?;
    Ok(out)
}

/// A folder store's experiment id as the database keeps it (an integer; PostgreSQL's column holds
/// 32 bits, which the file store's long random ids overflow).
fn experiment_id(db: &Db, id: &str, dir: &Path) -> Result<i64> {
    let n: i64 = id.parse().map_err(|_| StoreError::InvalidState {
        path: dir.to_path_buf(),
        message: format!("experiment id '{id}' is not a number a database can hold"),
    })?;
    if db.dialect() == Dialect::Postgres && i32::try_from(n).is_err() {
        return Err(StoreError::Database {
            db: db.display().to_string(),
            message: format!(
                "experiment {id} ({}) has an id larger than PostgreSQL's experiments.experiment_id (a 32-bit integer) holds; migrate to SQLite, or copy with `mlrun sync` (new ids)",
                dir.display()
            ),
        });
    }
    Ok(n)
}

/// A meta.yaml read as MLflow's `safe_read_yaml` does: `None` (and a note in the report) when it
/// cannot be read.
fn read_meta(dir: &Path, out: &mut Migrated) -> Option<Node> {
    let path = Layout::meta(dir);
    if !path.is_file() {
        return None;
    }
    match meta::read_mapping(&path) {
        Ok(m) => Some(m),
        Err(e) => {
            out.skipped.push(e.to_string());
            None
        }
    }
}

/// `meta.get(key, default)` as a value to bind: a missing key gives `default`, a null gives NULL.
fn field(m: &Node, key: &str, default: Value) -> Value {
    match m.get(key) {
        None => default,
        Some(n) => n.py_str().map_or(Value::Null, Value::Text),
    }
}

/// `meta.get(key)` of a number column.
fn int_field(m: &Node, key: &str, default: Value) -> Value {
    match m.get(key) {
        None => default,
        Some(n) => n.py_int().map_or(Value::Null, Value::Int),
    }
}

fn experiment(tx: &mut Tx, dir: &Path, id: i64, out: &mut Migrated) -> Result<bool> {
    let Some(m) = read_meta(dir, out) else {
        return Ok(false);
    };
    tx.execute(
        "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (?, ?, ?, ?, ?, ?, 'default')",
        &[
            id.into(),
            field(&m, "name", format!("experiment_{id}").into()),
            field(&m, "artifact_location", Value::Null),
            field(&m, "lifecycle_stage", "active".into()),
            int_field(&m, "creation_time", Value::Null),
            int_field(&m, "last_update_time", Value::Null),
        ],
    )?;
    out.add("experiments");
    for kv in read_values(&Layout::experiment_tags(dir))? {
        tx.execute(
            "INSERT INTO experiment_tags (key, value, experiment_id) VALUES (?, ?, ?)",
            &[kv.key.into(), kv.value.into(), id.into()],
        )?;
        out.add("experiment_tags");
    }
    Ok(true)
}

/// A run copied: its id and folder.
struct RunDir {
    id: String,
    dir: PathBuf,
}

fn runs(tx: &mut Tx, exp_dir: &Path, exp_id: i64, out: &mut Migrated) -> Result<Vec<RunDir>> {
    let mut done = Vec::new();
    for name in subdirs(exp_dir)? {
        if layout::EXPERIMENT_RESERVED.contains(&name.as_str()) {
            continue;
        }
        let dir = exp_dir.join(&name);
        let Some(m) = read_meta(&dir, out) else {
            continue;
        };
        let Some(run_uuid) = meta::get_string(&m, "run_uuid").or(meta::get_string(&m, "run_id"))
        else {
            out.skipped.push(format!(
                "{}: missing run_uuid/run_id",
                Layout::meta(&dir).display()
            ));
            continue;
        };
        let status = match m.get("status") {
            None => Value::from(RunStatus::Running.as_str()),
            Some(Node::Int(s)) => match s.parse().ok().and_then(RunStatus::from_int) {
                Some(st) => st.as_str().into(),
                None => {
                    return Err(StoreError::InvalidState {
                        path: Layout::meta(&dir),
                        message: format!("unknown run status {s}"),
                    })
                }
            },
            Some(n) => n.py_str().map_or(Value::Null, Value::Text),
        };
        let name_v = match meta::get_string(&m, "run_name").or(meta::get_string(&m, "name")) {
            Some(s) if !s.is_empty() => Value::Text(s),
            _ => field(&m, "name", Value::Null),
        };
        let source_type = match m.get("source_type") {
            Some(Node::Str(s)) => Value::Text(s.clone()),
            _ => "LOCAL".into(),
        };
        tx.execute(
            "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, deleted_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                run_uuid.clone().into(),
                name_v,
                source_type,
                field(&m, "source_name", "".into()),
                field(&m, "entry_point_name", "".into()),
                field(&m, "user_id", Value::Null),
                status,
                int_field(&m, "start_time", Value::Null),
                int_field(&m, "end_time", Value::Null),
                int_field(&m, "deleted_time", Value::Null),
                field(&m, "source_version", "".into()),
                field(&m, "lifecycle_stage", "active".into()),
                field(&m, "artifact_uri", Value::Null),
                exp_id.into(),
            ],
        )?;
        out.add("runs");
        for kv in read_values(&Layout::params(&dir))? {
            tx.execute(
                "INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)",
                &[kv.key.into(), kv.value.into(), run_uuid.clone().into()],
            )?;
            out.add("params");
        }
        for kv in read_values(&Layout::tags(&dir))? {
            tx.execute(
                "INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)",
                &[kv.key.into(), kv.value.into(), run_uuid.clone().into()],
            )?;
            out.add("tags");
        }
        run_metrics(tx, &Layout::metrics(&dir), &run_uuid, out)?;
        done.push(RunDir { id: run_uuid, dir });
    }
    Ok(done)
}

/// A metric value as MLflow's database keeps it: NaN as `is_nan` over 0, ±inf as ±max double.
pub fn sanitize(v: f64) -> (bool, f64) {
    if v.is_nan() {
        (true, 0.0)
    } else if v.is_infinite() {
        (false, if v > 0.0 { f64::MAX } else { f64::MIN })
    } else {
        (false, v)
    }
}

fn run_metrics(tx: &mut Tx, dir: &Path, run_uuid: &str, out: &mut Migrated) -> Result<()> {
    for (key, path) in files_under(dir)? {
        let file = std::fs::File::open(&path).map_err(|e| StoreError::io(&path, e))?;
        let points =
            metrics::decode_all(&key, file).map_err(|e| metrics::read_error(&key, &path, e))?;
        // fs2db's latest: the largest (step, timestamp, value), NaN compared as 0.
        let mut latest: Option<(i64, i64, f64, bool)> = None;
        for p in &points {
            let (is_nan, v) = sanitize(p.value);
            let n = tx.execute(
                "INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                &[
                    key.clone().into(),
                    v.into(),
                    p.timestamp.into(),
                    p.step.into(),
                    is_nan.into(),
                    run_uuid.into(),
                ],
            )?;
            if n > 0 {
                out.add("metrics");
            }
            let cand = (p.step, p.timestamp, v, is_nan);
            let newer = match latest {
                None => true,
                Some(l) => (cand.0, cand.1)
                    .cmp(&(l.0, l.1))
                    .then(cand.2.total_cmp(&l.2))
                    .is_gt(),
            };
            if newer {
                latest = Some(cand);
            }
        }
        if let Some((step, ts, v, is_nan)) = latest {
            tx.execute(
                "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?)",
                &[
                    key.into(),
                    (if is_nan { 0.0 } else { v }).into(),
                    ts.into(),
                    step.into(),
                    is_nan.into(),
                    run_uuid.into(),
                ],
            )?;
            out.add("latest_metrics");
        }
    }
    Ok(())
}

fn datasets_and_inputs(
    tx: &mut Tx,
    exp_dir: &Path,
    exp_id: i64,
    runs: &[RunDir],
    out: &mut Migrated,
) -> Result<()> {
    let mut uuids: BTreeMap<String, String> = BTreeMap::new();
    let datasets = exp_dir.join("datasets");
    for name in subdirs(&datasets)? {
        let Some(m) = read_meta(&datasets.join(&name), out) else {
            continue;
        };
        let uuid = meta::get_string(&m, "dataset_uuid").unwrap_or_else(crate::ids::new_uuid);
        uuids.insert(name, uuid.clone());
        tx.execute(
            "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                uuid.into(),
                exp_id.into(),
                field(&m, "name", "".into()),
                field(&m, "digest", "".into()),
                field(&m, "source_type", "".into()),
                field(&m, "source", "".into()),
                field(&m, "schema", Value::Null),
                field(&m, "profile", Value::Null),
            ],
        )?;
        out.add("datasets");
    }
    for run in runs {
        let inputs = Layout::inputs(&run.dir);
        for name in subdirs(&inputs)? {
            let Some(m) = read_meta(&inputs.join(&name), out) else {
                continue;
            };
            let source_type =
                meta::get_string(&m, "source_type").unwrap_or_else(|| "DATASET".into());
            let source_id = meta::get_string(&m, "source_id").unwrap_or_default();
            let input_uuid = crate::ids::new_uuid();
            let row: [Value; 5] = match source_type.as_str() {
                "DATASET" => {
                    let Some(ds) = uuids.get(&source_id) else {
                        continue;
                    };
                    [
                        input_uuid.clone().into(),
                        "DATASET".into(),
                        ds.clone().into(),
                        "RUN".into(),
                        run.id.clone().into(),
                    ]
                }
                "MODEL" => [
                    input_uuid.clone().into(),
                    "RUN_INPUT".into(),
                    run.id.clone().into(),
                    "MODEL_INPUT".into(),
                    source_id.into(),
                ],
                _ => continue,
            };
            tx.execute(
                "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id) VALUES (?, ?, ?, ?, ?)",
                &row,
            )?;
            out.add("inputs");
            if let Some(Node::Map(tags)) = m.get("tags") {
                for (k, v) in tags {
                    let (Some(k), Some(v)) = (k.py_str(), v.py_str()) else {
                        continue;
                    };
                    tx.execute(
                        "INSERT INTO input_tags (input_uuid, name, value) VALUES (?, ?, ?)",
                        &[input_uuid.clone().into(), k.into(), v.into()],
                    )?;
                    out.add("input_tags");
                }
            }
        }
    }
    Ok(())
}

fn outputs(tx: &mut Tx, runs: &[RunDir], out: &mut Migrated) -> Result<()> {
    for run in runs {
        let dir = Layout::run_outputs(&run.dir);
        for model_id in subdirs(&dir)? {
            let Some(m) = read_meta(&dir.join(&model_id), out) else {
                continue;
            };
            tx.execute(
                "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id, step) VALUES (?, 'RUN_OUTPUT', ?, 'MODEL_OUTPUT', ?, ?)",
                &[
                    crate::ids::new_uuid().into(),
                    run.id.clone().into(),
                    model_id.into(),
                    int_field(&m, "step", 0i64.into()),
                ],
            )?;
            out.add("outputs");
        }
    }
    Ok(())
}

fn logged_models(tx: &mut Tx, exp_dir: &Path, exp_id: i64, out: &mut Migrated) -> Result<()> {
    let models = Layout::logged_models(exp_dir);
    for name in subdirs(&models)? {
        let dir = models.join(&name);
        let Some(m) = read_meta(&dir, out) else {
            continue;
        };
        let model_id = meta::get_string(&m, "model_id").unwrap_or(name);
        let status = match m.get("status") {
            // The enum's proto numbers (MLflow's own migration fails on a status spelled as text).
            Some(Node::Str(s)) => match s.as_str() {
                "UNSPECIFIED" => 0,
                "PENDING" => 1,
                "READY" => 2,
                "FAILED" => 3,
                _ => 1,
            },
            Some(n) => n.py_int().unwrap_or(1),
            None => 1,
        };
        tx.execute(
            "INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, lifecycle_stage, model_type, source_run_id, status_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                model_id.clone().into(),
                exp_id.into(),
                field(&m, "name", "".into()),
                field(&m, "artifact_location", "".into()),
                int_field(&m, "creation_timestamp", 0i64.into()),
                int_field(&m, "last_updated_timestamp", 0i64.into()),
                status.into(),
                field(&m, "lifecycle_stage", "active".into()),
                field(&m, "model_type", Value::Null),
                field(&m, "source_run_id", Value::Null),
                field(&m, "status_message", Value::Null),
            ],
        )?;
        out.add("logged_models");
        for kv in read_values(&dir.join("params"))? {
            tx.execute(
                "INSERT INTO logged_model_params (model_id, experiment_id, param_key, param_value) VALUES (?, ?, ?, ?)",
                &[model_id.clone().into(), exp_id.into(), kv.key.into(), kv.value.into()],
            )?;
            out.add("logged_model_params");
        }
        for kv in read_values(&dir.join("tags"))? {
            tx.execute(
                "INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES (?, ?, ?, ?)",
                &[model_id.clone().into(), exp_id.into(), kv.key.into(), kv.value.into()],
            )?;
            out.add("logged_model_tags");
        }
        for (key, path) in files_under(&dir.join("metrics"))? {
            let text = std::fs::read_to_string(&path).map_err(|e| StoreError::io(&path, e))?;
            for line in text.lines() {
                // `timestamp value step run_id [dataset_name dataset_digest]`; other shapes are
                // skipped, as MLflow's migration skips them.
                let parts: Vec<&str> = line.trim().split(' ').collect();
                let (ts, val, step, run_id, ds) = match parts.as_slice() {
                    [ts, val, step, run] => (ts, val, step, run, None),
                    [ts, val, step, run, n, d] => (ts, val, step, run, Some((*n, *d))),
                    _ => continue,
                };
                let (Ok(ts), Some(val), Ok(step)) = (
                    ts.parse::<i64>(),
                    crate::pyfloat::parse(val),
                    step.parse::<i64>(),
                ) else {
                    continue;
                };
                tx.execute(
                    "INSERT INTO logged_model_metrics (model_id, metric_name, metric_timestamp_ms, metric_step, metric_value, experiment_id, run_id, dataset_uuid, dataset_name, dataset_digest) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                    &[
                        model_id.clone().into(),
                        key.clone().into(),
                        ts.into(),
                        step.into(),
                        val.into(),
                        exp_id.into(),
                        (*run_id).into(),
                        ds.map(|d| d.0).into(),
                        ds.map(|d| d.1).into(),
                    ],
                )?;
                out.add("logged_model_metrics");
            }
        }
    }
    Ok(())
}

fn registered_model(tx: &mut Tx, dir: &Path, dir_name: &str, out: &mut Migrated) -> Result<()> {
    let Some(m) = read_meta(dir, out) else {
        return Ok(());
    };
    let name = meta::get_string(&m, "name").unwrap_or_else(|| dir_name.to_string());
    tx.execute(
        "INSERT INTO registered_models (name, creation_time, last_updated_time, description, workspace) VALUES (?, ?, ?, ?, 'default')",
        &[
            name.clone().into(),
            int_field(&m, "creation_timestamp", Value::Null),
            int_field(&m, "last_updated_timestamp", Value::Null),
            field(&m, "description", Value::Null),
        ],
    )?;
    out.add("registered_models");
    for kv in read_values(&Layout::registry_tags(dir))? {
        tx.execute(
            "INSERT INTO registered_model_tags (name, key, value, workspace) VALUES (?, ?, ?, 'default')",
            &[name.clone().into(), kv.key.into(), kv.value.into()],
        )?;
        out.add("registered_model_tags");
    }
    for v in subdirs(dir)?.iter().filter(|v| v.starts_with("version-")) {
        let vdir = dir.join(v);
        let Some(vm) = read_meta(&vdir, out) else {
            continue;
        };
        let Some(version) = meta::get_int(&vm, "version") else {
            return Err(StoreError::InvalidState {
                path: Layout::meta(&vdir),
                message: "no version number".into(),
            });
        };
        tx.execute(
            "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id, current_stage, source, storage_location, run_id, run_link, status, status_message, workspace) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'default')",
            &[
                name.clone().into(),
                version.into(),
                int_field(&vm, "creation_timestamp", Value::Null),
                int_field(&vm, "last_updated_timestamp", Value::Null),
                field(&vm, "description", Value::Null),
                field(&vm, "user_id", Value::Null),
                field(&vm, "current_stage", "None".into()),
                field(&vm, "source", Value::Null),
                field(&vm, "storage_location", Value::Null),
                field(&vm, "run_id", Value::Null),
                field(&vm, "run_link", Value::Null),
                field(&vm, "status", "READY".into()),
                field(&vm, "status_message", Value::Null),
            ],
        )?;
        out.add("model_versions");
        for kv in read_values(&Layout::registry_tags(&vdir))? {
            tx.execute(
                "INSERT INTO model_version_tags (name, version, key, value, workspace) VALUES (?, ?, ?, ?, 'default')",
                &[name.clone().into(), version.into(), kv.key.into(), kv.value.into()],
            )?;
            out.add("model_version_tags");
        }
    }
    for kv in read_values(&Layout::aliases(dir))? {
        let Ok(version) = kv.value.trim().parse::<i64>() else {
            continue;
        };
        tx.execute(
            "INSERT INTO registered_model_aliases (name, alias, version, workspace) VALUES (?, ?, ?, 'default')",
            &[name.clone().into(), kv.key.into(), version.into()],
        )?;
        out.add("registered_model_aliases");
    }
    Ok(())
}

/// `mlrun migrate DATABASE FOLDER`: every experiment, run (with all metric points, inputs and
/// outputs) and registered model (with its versions) of `tracking`/`registry` written into a new
/// folder store with ids, times and statuses kept. `dest` must not hold a store yet. Each
/// experiment, run and model is moved into place whole, so an interrupted copy leaves only whole
/// entities, and running it again into a new folder starts over.
pub fn store_to_folder(
    tracking: &dyn crate::store::TrackingStore,
    registry: &dyn crate::registry::ModelRegistry,
    dest: &Path,
    progress: &mut dyn FnMut(&str),
) -> Result<Migrated> {
    use crate::entities::ViewType;
    use crate::store::file::{registry::FileRegistry, FileStore};
    let occupied = subdirs(dest)?
        .iter()
        .any(|n| is_id(n) || n == layout::TRASH || n == "models");
    if occupied {
        return Err(StoreError::AlreadyExists(format!(
            "{} already holds a folder store; migrate into a new folder",
            dest.display()
        )));
    }
    let files = FileStore::open(dest)?;
    let models = FileRegistry::open(files.root())?;
    let mut out = Migrated::default();
    let experiments = tracking.list_experiments(ViewType::All)?;
    if let Some(e) = experiments.broken.into_iter().next() {
        return Err(e);
    }
    let total = experiments.items.len();
    for (i, e) in experiments.items.iter().enumerate() {
        progress(&format!(
            "[{}/{total}] Migrating experiment {}...",
            i + 1,
            e.experiment_id
        ));
        files.import_experiment(e)?;
        out.add("experiments");
        for _ in &e.tags {
            out.add("experiment_tags");
        }
        let runs = tracking.list_runs(std::slice::from_ref(&e.experiment_id), ViewType::All)?;
        if let Some(e) = runs.broken.into_iter().next() {
            return Err(e);
        }
        for run in &runs.items {
            let mut points = Vec::new();
            for m in &run.data.metrics {
                points.extend(tracking.metric_history(&run.info.run_id, &m.key)?);
            }
            files.import_run(run, &points)?;
            out.add("runs");
            for (table, n) in [
                ("params", run.data.params.len()),
                ("tags", run.data.tags.len()),
                ("metrics", points.len()),
                ("latest_metrics", run.data.metrics.len()),
            ] {
                *out.counts.entry(table).or_default() += n as u64;
            }
        }
    }
    let listed = registry.list_registered_models()?;
    if let Some(e) = listed.broken.into_iter().next() {
        return Err(e);
    }
    for (j, rm) in listed.items.iter().enumerate() {
        progress(&format!(
            "[{}/{}] Migrating model {}...",
            j + 1,
            listed.items.len(),
            rm.name
        ));
        let versions = registry.list_model_versions(Some(&rm.name))?;
        if let Some(e) = versions.broken.into_iter().next() {
            return Err(e);
        }
        models.import_model(rm, &versions.items)?;
        out.add("registered_models");
        for (table, n) in [
            ("model_versions", versions.items.len()),
            ("registered_model_tags", rm.tags.len()),
            ("registered_model_aliases", rm.aliases.len()),
        ] {
            *out.counts.entry(table).or_default() += n as u64;
        }
    }
    Ok(out)
}
