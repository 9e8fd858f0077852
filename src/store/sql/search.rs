//! Runs search over the SQL store, answering as MLflow's `SqlAlchemyStore._search_runs` does: the
//! experiments and lifecycle stages are chosen in SQL, the values the filter and order name are read
//! in one query per table, and the filter and sort run in [`crate::search`], whose order (present
//! values, then NaN, then missing; `start_time DESC, run_uuid` to break ties) is the one
//! `_get_orderby_clauses` builds. Values are compared as stored: a NaN metric never matches but
//! `!=`, and ±inf are the ±1.7976931348623157e308 the database holds.
use super::db::{Tx, Value};
use super::rows::{self, marks, Parts, RUN_COLS};
use super::SqlStore;
use crate::entities::*;
use crate::search::{self, DatasetRef, Needs, SearchRun};
use crate::store::{Result, RunPage, RunQuery, StoreError};
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

        let (page_ids, more) = self.db.read(|tx| {
            let mut runs = load_search_runs(tx, &filter, &params, &needs)?;
            runs.retain(|r| q.filter.matches(r));
            search::sort_runs(&mut runs, &q.order_by);
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
