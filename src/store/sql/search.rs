//! Runs search over the SQL store, answering as MLflow's `SqlAlchemyStore._search_runs` does: the
//! experiments and lifecycle stages are chosen in SQL, the values the filter and order name are read
//! in one query per table, the filter is [`crate::search`]'s, and the order is the one
//! `_get_orderby_clauses` builds (present values, then NaN, then NULL; `start_time DESC, run_uuid`
//! to break ties; a run without a `name` sorts last on run_name, where the folder store reads its
//! tag). Values are compared as stored: a NaN metric never matches but
//! `!=`, and ±inf are the ±1.7976931348623157e308 the database holds.
use super::db::{Tx, Value};
use super::rows::{self, marks, Parts, RUN_COLS};
use super::SqlStore;
use crate::entities::*;
use crate::search::{self, DatasetRef, Needs, RunEntity, RunOrderBy, SearchRun};
use crate::store::{Result, RunPage, RunQuery, StoreError};
use std::cmp::Ordering;
use std::collections::HashMap;

/// MLflow's `SEARCH_MAX_RESULTS_THRESHOLD`.
const MAX_RESULTS: i64 = 50_000;

fn stages(view: ViewType) -> &'static [&'static str] {
    match view {
        ViewType::ActiveOnly => &["active"],
        ViewType::DeletedOnly => &["deleted"],
        ViewType::All => &["active", "deleted"],
    }
}

impl SqlStore {
    pub(super) fn search_runs_impl(&self, q: &RunQuery) -> Result<RunPage> {
        if q.max_results < 1 {
            return Err(StoreError::InvalidParameter(format!(
                "Invalid value {} for parameter 'max_results' supplied. It must be a positive integer",
                q.max_results
            )));
        }
        if q.max_results > MAX_RESULTS {
            return Err(StoreError::InvalidParameter(format!(
                "Invalid value {} for parameter 'max_results' supplied. It must be at most {MAX_RESULTS}",
                q.max_results
            )));
        }
        let offset = search::decode_page_token(q.page_token.as_deref().unwrap_or(""))?;
        let mut needs = Needs::default();
        q.filter.needs(&mut needs);
        for o in &q.order_by {
            o.needs(&mut needs);
        }
        let mut params: Vec<Value> = Vec::new();
        for id in &q.experiment_ids {
            params.push(rows::experiment_id(id)?.into());
        }
        if params.is_empty() {
            return Ok(RunPage::default());
        }
        let st = stages(q.view);
        let filter = format!(
            "experiment_id IN ({}) AND lifecycle_stage IN ({})",
            marks(params.len()),
            marks(st.len())
        );
        params.extend(st.iter().map(|s| Value::from(*s)));

        // A filter on run_name reads the `mlflow.runName` tag, as `_get_sqlalchemy_filter_clauses`
        // joins it; the order reads the `name` column.
        needs.tags.insert("mlflow.runName".into());
        let (page_ids, more) = self.db.read(|tx| {
            let mut runs = load_search_runs(tx, &filter, &params, &needs)?;
            let mut names: HashMap<String, Option<String>> = HashMap::with_capacity(runs.len());
            for r in &mut runs {
                let column = std::mem::take(&mut r.info.run_name);
                r.info.run_name = r.tags.get("mlflow.runName").cloned().unwrap_or_default();
                names.insert(
                    r.info.run_id.clone(),
                    (!column.is_empty()).then_some(column),
                );
            }
            runs.retain(|r| q.filter.matches(r));
            sort_runs(&mut runs, &names, &q.order_by);
            let max = q.max_results as usize;
            let end = offset.saturating_add(max).min(runs.len());
            let ids: Vec<String> = runs
                .get(offset.min(end)..end)
                .unwrap_or_default()
                .iter()
                .map(|r| r.info.run_id.clone())
                .collect();
            Ok((ids, runs.len() > offset.saturating_add(max)))
        })?;
        let runs = self.runs_by_id(&page_ids)?;
        Ok(RunPage {
            runs,
            next_page_token: more
                .then(|| search::encode_page_token(offset + q.max_results as usize)),
            broken: Vec::new(),
        })
    }

    /// Whole runs, in the order of `ids`.
    pub(super) fn runs_by_id(&self, ids: &[String]) -> Result<Vec<Run>> {
        let mut by_id: HashMap<String, Run> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let params: Vec<Value> = chunk.iter().map(Value::from).collect();
            let runs = self.db.read(|tx| {
                rows::runs(
                    tx,
                    &format!("run_uuid IN ({})", marks(chunk.len())),
                    &params,
                    "run_uuid",
                    Parts::ALL,
                )
            })?;
            by_id.extend(runs.into_iter().map(|r| (r.info.run_id.clone(), r)));
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }
}

/// A run's value for one order_by key, ranked as `_get_orderby_clauses` ranks it: 0 a value, then
/// (metrics) 1 NaN, and last the runs without one (NULL), whichever the direction.
#[derive(PartialEq, PartialOrd)]
enum Key<'a> {
    Num(f64),
    Int(i64),
    Str(&'a str),
}

fn order_key<'a>(
    r: &'a SearchRun,
    names: &'a HashMap<String, Option<String>>,
    o: &RunOrderBy,
) -> (u8, Option<Key<'a>>) {
    let key = search::translate_key_alias(&o.key);
    let v = match o.entity {
        RunEntity::Metric => match r.metrics.get(key) {
            Some(v) if v.is_nan() => return (1, None),
            v => v.map(|v| Key::Num(*v)),
        },
        RunEntity::Param => r.params.get(key).map(|v| Key::Str(v)),
        RunEntity::Tag => r.tags.get(key).map(|v| Key::Str(v)),
        RunEntity::Attribute => match key {
            "start_time" => Some(Key::Int(r.info.start_time)),
            "end_time" => r.info.end_time.map(Key::Int),
            "run_id" => Some(Key::Str(&r.info.run_id)),
            "run_name" => names
                .get(&r.info.run_id)
                .and_then(|n| n.as_deref())
                .map(Key::Str),
            "status" => Some(Key::Str(r.info.status.as_str())),
            "user_id" => Some(Key::Str(&r.info.user_id)),
            "artifact_uri" => Some(Key::Str(&r.info.artifact_uri)),
            _ => None,
        },
        RunEntity::Dataset => None,
    };
    match v {
        Some(v) => (0, Some(v)),
        None => (2, None),
    }
}

/// `ORDER BY <each order_by as (rank, value)>, start_time DESC (unless ordered on), run_uuid`.
fn sort_runs(
    runs: &mut [SearchRun],
    names: &HashMap<String, Option<String>>,
    order_by: &[RunOrderBy],
) {
    let on_start = order_by.iter().any(|o| {
        o.entity == RunEntity::Attribute && search::translate_key_alias(&o.key) == "start_time"
    });
    runs.sort_by(|a, b| {
        for o in order_by {
            let (ra, va) = order_key(a, names, o);
            let (rb, vb) = order_key(b, names, o);
            let by_value = || {
                let ord = va.partial_cmp(&vb).unwrap_or(Ordering::Equal);
                if o.ascending {
                    ord
                } else {
                    ord.reverse()
                }
            };
            let ord = ra.cmp(&rb).then_with(by_value);
            if ord != Ordering::Equal {
                return ord;
            }
        }
        let by_start = if on_start {
            Ordering::Equal
        } else {
            b.info.start_time.cmp(&a.info.start_time)
        };
        by_start.then_with(|| a.info.run_id.cmp(&b.info.run_id))
    });
}

/// The runs a `WHERE` over `runs` selects, with the values `needs` names.
fn load_search_runs(
    tx: &mut Tx,
    filter: &str,
    params: &[Value],
    needs: &Needs,
) -> Result<Vec<SearchRun>> {
    let mut out = Vec::new();
    for row in tx.query(
        &format!("SELECT {RUN_COLS} FROM runs WHERE {filter}"),
        params,
    )? {
        out.push(SearchRun {
            info: rows::run_info(&row)?,
            ..Default::default()
        });
    }
    let index: HashMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, r)| (r.info.run_id.clone(), i))
        .collect();
    let sub = format!("SELECT run_uuid FROM runs WHERE {filter}");
    for (table, keys) in [
        ("latest_metrics", &needs.metrics),
        ("params", &needs.params),
        ("tags", &needs.tags),
    ] {
        if keys.is_empty() {
            continue;
        }
        let nan = if table == "latest_metrics" {
            "is_nan"
        } else {
            "0"
        };
        let mut p: Vec<Value> = keys.iter().map(Value::from).collect();
        p.extend_from_slice(params);
        for row in tx.query(
            &format!(
                "SELECT run_uuid, key, value, {nan} FROM {table} WHERE key IN ({}) AND run_uuid IN ({sub})",
                marks(keys.len())
            ),
            &p,
        )? {
            let Some(&i) = index.get(&row.str(0)) else {
                continue;
            };
            let r = &mut out[i];
            match table {
                "latest_metrics" => {
                    r.metrics.insert(row.str(1), rows::metric_value(&row, 2, 3));
                }
                "params" => {
                    r.params.insert(row.str(1), row.str(2));
                }
                _ => {
                    r.tags.insert(row.str(1), row.str(2));
                }
            }
        }
    }
    if needs.datasets {
        let contexts: HashMap<String, String> = tx
            .query(
                &format!("SELECT t.input_uuid, t.value FROM input_tags t JOIN inputs i ON i.input_uuid = t.input_uuid WHERE t.name = 'mlflow.data.context' AND i.destination_type = 'RUN' AND i.destination_id IN ({sub})"),
                params,
            )?
            .into_iter()
            .map(|r| (r.str(0), r.str(1)))
            .collect();
        for row in tx.query(
            &format!("SELECT i.destination_id, i.input_uuid, d.name, d.digest FROM inputs i JOIN datasets d ON i.source_id = d.dataset_uuid WHERE i.destination_type = 'RUN' AND i.destination_id IN ({sub})"),
            params,
        )? {
            if let Some(&i) = index.get(&row.str(0)) {
                out[i].datasets.push(DatasetRef {
                    name: row.str(2),
                    digest: row.str(3),
                    context: contexts.get(&row.str(1)).cloned(),
                });
            }
        }
    }
    Ok(out)
}
