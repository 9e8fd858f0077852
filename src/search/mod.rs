//! MLflow's search grammars (runs, experiments, registered models, model versions), order_by and page
//! tokens, reproducing MLflow 3.17's `search_utils` and file-store semantics exactly, error texts included.
//! Filters are tokenised by a port of sqlparse (`sqlparse.rs`), since what MLflow accepts is whatever
//! sqlparse happens to group; nothing here panics on any input, prints, or touches the environment.
pub mod columns;
mod experiments;
mod filter;
mod keywords;
pub(crate) mod like;
mod page;
pub(crate) mod pylit;
pub mod registry;
mod runs;
mod sqlparse;

use std::collections::{BTreeSet, HashMap};

pub use experiments::{
    check_experiment_max_results, default_experiment_order_by, parse_experiment_filter,
    parse_experiment_order_by, select_experiments, sort_experiments, ExperimentClause,
    ExperimentFilter, ExperimentOrderBy,
};
pub use like::LikeRules;
pub use page::{
    decode_page_token, decode_page_token_signed, encode_page_token, encode_page_token_signed,
    paginate,
};
pub use registry::{
    parse_model_filter, parse_model_filter_sql, parse_model_order_by, parse_model_version_filter,
    parse_model_version_filter_sql, parse_model_version_order_by, sort_model_versions, sort_models,
    sql_model_orders, sql_version_orders, ModelFilter, ModelOrderBy, ModelRecord,
    ModelVersionFilter, ModelVersionOrderBy, ModelVersionRecord, RegistryClause,
};
pub(crate) use runs::translate_key_alias;
pub use runs::{
    parse_run_filter, parse_run_order_by, parse_run_order_by_list, sort_runs, Comparator,
    RunClause, RunEntity, RunFilter, RunOrderBy, RunValue,
};

/// Python's `repr()` of a string, as MLflow's messages show it (used by the differential tests).
#[doc(hidden)]
pub fn py_repr_str(s: &str) -> String {
    pylit::repr_str(s)
}

/// A filter or order_by that MLflow would reject, with MLflow's message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct SearchError {
    pub message: String,
    /// Byte range of the offending token in the filter / order_by string, where one can be named.
    pub span: Option<std::ops::Range<usize>>,
}

impl From<SearchError> for crate::error::StoreError {
    fn from(e: SearchError) -> Self {
        crate::error::StoreError::InvalidParameter(e.message)
    }
}

/// A run as search sees it: only the keys a query needs are loaded (see [`Needs`]).
#[derive(Debug, Clone)]
pub struct SearchRun {
    pub info: crate::entities::RunInfo,
    /// Latest value per key.
    pub metrics: HashMap<String, f64>,
    pub params: HashMap<String, String>,
    pub tags: HashMap<String, String>,
    pub datasets: Vec<DatasetRef>,
}

impl Default for SearchRun {
    fn default() -> Self {
        Self {
            info: crate::entities::RunInfo {
                run_uuid: String::new(),
                experiment_id: String::new(),
                run_name: String::new(),
                user_id: String::new(),
                status: crate::entities::RunStatus::Running,
                start_time: 0,
                end_time: None,
                artifact_uri: String::new(),
                lifecycle_stage: crate::entities::LifecycleStage::Active,
                run_id: String::new(),
                deleted_time: None,
            },
            metrics: HashMap::new(),
            params: HashMap::new(),
            tags: HashMap::new(),
            datasets: Vec::new(),
        }
    }
}

/// One dataset input of a run; `context` is its `mlflow.data.context` input tag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DatasetRef {
    pub name: String,
    pub digest: String,
    pub context: Option<String>,
}

/// Which keys the store must load for a query.
#[derive(Debug, Clone, Default)]
pub struct Needs {
    pub metrics: BTreeSet<String>,
    pub params: BTreeSet<String>,
    pub tags: BTreeSet<String>,
    pub datasets: bool,
}

#[cfg(test)]
mod tests;
