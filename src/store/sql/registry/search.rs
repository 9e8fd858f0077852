//! Registry searches as MLflow's SQL registry answers them, run over rows loaded in bulk: the
//! shared filter grammar and matching, MLflow's SQL-side rules (prompts excluded by an anti-join
//! on the prompt tag, numeric values checked after parsing, its own `order_by` keys), names sorted
//! as the database collates them, and `LIMIT max_results + 1 OFFSET offset` paging.
use super::super::db::{Dialect, Tx};
use super::load;
use crate::error::{Result, StoreError};
use crate::registry::{ModelVersion, RegisteredModel, RegistryPage, RegistryQuery};
use crate::search::registry::{
    check_max_results, IS_PROMPT_TAG_KEY, SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD,
    SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD,
};
use crate::search::{self, Comparator, ModelRecord, ModelVersionRecord, RegistryClause, RunValue};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// MLflow's `_is_querying_prompt`: the first clause on the prompt tag asks for prompts.
fn querying_prompts(clauses: &[RegistryClause]) -> bool {
    clauses
        .iter()
        .find(|c| c.is_tag && c.key == IS_PROMPT_TAG_KEY)
        .is_some_and(|c| match (&c.comparator, &c.value) {
            (Comparator::Eq, RunValue::Str(v)) => v.to_lowercase() == "true",
            (Comparator::Ne, RunValue::Str(v)) => v.to_lowercase() == "false",
            _ => false,
        })
}

/// Unless prompts are asked for, MLflow drops the clauses on the prompt tag and leaves out every
/// name that carries `mlflow.prompt.is_prompt = 'true'`. Returns whether that exclusion applies.
fn prompt_rule(clauses: &mut Vec<RegistryClause>) -> bool {
    if querying_prompts(clauses) {
        return false;
    }
    clauses.retain(|c| !(c.is_tag && c.key == IS_PROMPT_TAG_KEY));
    true
}

/// LIKE and ILIKE as the database at hand evaluates them (PostgreSQL's ILIKE folds case as its
/// character type does, which the database is asked).
fn like_rules(tx: &mut Tx) -> Result<search::LikeRules> {
    Ok(match tx.dialect() {
        Dialect::Sqlite => search::LikeRules::Sqlite,
        Dialect::Postgres => {
            let unicode = tx
                .query_row("SELECT 'Ü' ILIKE 'ü'", &[])?
                .is_some_and(|r| r.bool(0));
            if unicode {
                search::LikeRules::Postgres
            } else {
                search::LikeRules::PostgresAscii
            }
        }
    })
}

fn is_prompt(tags: &[crate::entities::Tag]) -> bool {
    tags.iter()
        .any(|t| t.key == IS_PROMPT_TAG_KEY && t.value == "true")
}

fn tag_map(tags: &[crate::entities::Tag]) -> HashMap<String, String> {
    tags.iter()
        .map(|t| (t.key.clone(), t.value.clone()))
        .collect()
}

/// One sort key's value: a name by its rank in the database's collation, or a number.
fn key_cmp(
    keys: &[(String, bool)],
    get: impl Fn(usize, &str) -> i64,
    a: usize,
    b: usize,
) -> Ordering {
    for (k, asc) in keys {
        let o = get(a, k).cmp(&get(b, k));
        let o = if *asc { o } else { o.reverse() };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// The rows `LIMIT max_results + 1 OFFSET offset` returns, cut to `max_results` as MLflow's
/// Python slice cuts them, with its next-page token (the offset advanced by `max_results`) when
/// the extra row came back. SQLite reads a negative limit as none and a negative offset as zero;
/// PostgreSQL refuses both.
fn sql_page<T>(
    items: Vec<T>,
    q: &RegistryQuery,
    dialect: Dialect,
    db: &str,
) -> Result<RegistryPage<T>> {
    let offset = search::decode_page_token_signed(q.page_token.as_deref().unwrap_or(""))?;
    let limit = q.max_results.saturating_add(1);
    let refuse = |what: &str| StoreError::Database {
        db: db.to_string(),
        message: format!("{what} must not be negative"),
    };
    if dialect == Dialect::Postgres && offset < 0 {
        return Err(refuse("OFFSET"));
    }
    if dialect == Dialect::Postgres && limit < 0 {
        return Err(refuse("LIMIT"));
    }
    let start = usize::try_from(offset.max(0)).unwrap_or(usize::MAX);
    let mut fetched: Vec<T> = items.into_iter().skip(start).collect();
    if limit >= 0 {
        fetched.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    let next_page_token = (i64::try_from(fetched.len()).ok() == Some(limit))
        .then(|| search::encode_page_token_signed(offset as i128 + q.max_results as i128));
    let n = fetched.len() as i64;
    let end = if q.max_results < 0 {
        (n + q.max_results).max(0)
    } else {
        q.max_results.min(n)
    };
    fetched.truncate(end as usize);
    Ok(RegistryPage {
        items: fetched,
        next_page_token,
        broken: vec![],
    })
}

fn parse_filter_clauses(
    filter: Option<&str>,
    parse: impl Fn(&str) -> std::result::Result<Vec<RegistryClause>, search::SearchError>,
) -> Result<Vec<RegistryClause>> {
    match filter {
        Some(f) if !f.is_empty() => Ok(parse(f)?),
        _ => Ok(vec![]),
    }
}

/// `search_registered_models`: only the upper bound on `max_results` is checked, as MLflow's SQL
/// registry does.
pub(super) fn models(tx: &mut Tx, q: &RegistryQuery) -> Result<RegistryPage<RegisteredModel>> {
    check_max_results(
        q.max_results.max(1),
        SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD,
    )?;
    let mut clauses = parse_filter_clauses(q.filter.as_deref(), |f| {
        search::parse_model_filter_sql(f).map(|p| p.clauses)
    })?;
    let orders = search::sql_model_orders(&q.order_by)?;
    search::decode_page_token_signed(q.page_token.as_deref().unwrap_or(""))?;
    let exclude_prompts = prompt_rule(&mut clauses);
    let filter = search::ModelFilter {
        clauses,
        like: like_rules(tx)?,
    };

    let all = load::models(tx, None)?;
    let tags: Vec<HashMap<String, String>> = all.iter().map(|m| tag_map(&m.tags)).collect();
    let mut picked: Vec<usize> = (0..all.len())
        .filter(|&i| {
            let m = &all[i];
            !(exclude_prompts && is_prompt(&m.tags))
                && filter.matches(&ModelRecord {
                    name: &m.name,
                    creation_timestamp: m.creation_timestamp,
                    last_updated_timestamp: m.last_updated_timestamp,
                    tags: &tags[i],
                })
        })
        .collect();
    // `all` is in the database's name order, so an index is a name's rank.
    let get = |i: usize, k: &str| match k {
        "name" => i as i64,
        _ => all[i].last_updated_timestamp,
    };
    picked.sort_by(|&a, &b| key_cmp(&orders, get, a, b));
    let mut all: Vec<Option<RegisteredModel>> = all.into_iter().map(Some).collect();
    let ordered: Vec<RegisteredModel> = picked.iter().filter_map(|&i| all[i].take()).collect();
    let mut page = sql_page(ordered, q, tx.dialect(), tx.display())?;
    if !page.items.is_empty() {
        let mut latest = load::latest_by_model(tx)?;
        for rm in &mut page.items {
            rm.latest_versions = latest.remove(&rm.name).unwrap_or_default();
        }
    }
    Ok(page)
}

/// `search_model_versions` over the versions of `model` (which must exist) or of every model.
/// Versions come back as MLflow's SQL registry returns them: with their tags, without aliases.
pub(super) fn versions(
    tx: &mut Tx,
    model: Option<&str>,
    q: &RegistryQuery,
) -> Result<RegistryPage<ModelVersion>> {
    check_max_results(q.max_results, SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD)?;
    let mut clauses = parse_filter_clauses(q.filter.as_deref(), |f| {
        search::parse_model_version_filter_sql(f).map(|p| p.clauses)
    })?;
    let orders = search::sql_version_orders(&q.order_by)?;
    search::decode_page_token_signed(q.page_token.as_deref().unwrap_or(""))?;
    let exclude_prompts = prompt_rule(&mut clauses);
    let filter = search::ModelVersionFilter {
        clauses,
        like: like_rules(tx)?,
    };
    if let Some(name) = model {
        load::require_model(tx, name)?;
    }

    // Names ranked as the database collates them.
    let rank: HashMap<String, i64> = tx
        .query(
            "SELECT name FROM registered_models WHERE workspace = ? ORDER BY name",
            &[load::ws()],
        )?
        .iter()
        .enumerate()
        .map(|(i, r)| (r.str(0), i as i64))
        .collect();
    let all = load::versions(tx, model, false)?;
    let prompts: HashSet<String> = if exclude_prompts {
        load_prompt_version_names(tx, model)?.into_iter().collect()
    } else {
        HashSet::new()
    };
    let tags: Vec<HashMap<String, String>> = all.iter().map(|v| tag_map(&v.tags)).collect();
    let mut picked: Vec<usize> = (0..all.len())
        .filter(|&i| {
            let v = &all[i];
            !prompts.contains(&v.name)
                && filter.matches(&ModelVersionRecord {
                    name: &v.name,
                    version: v.version,
                    run_id: v.run_id.as_deref(),
                    source: &v.source,
                    current_stage: v.current_stage.as_str(),
                    creation_timestamp: v.creation_timestamp,
                    last_updated_timestamp: v.last_updated_timestamp,
                    tags: &tags[i],
                })
        })
        .collect();
    let get = |i: usize, k: &str| {
        let v = &all[i];
        match k {
            "name" => rank.get(&v.name).copied().unwrap_or(i64::MAX),
            "version_number" => v.version,
            "creation_timestamp" => v.creation_timestamp,
            _ => v.last_updated_timestamp,
        }
    };
    picked.sort_by(|&a, &b| key_cmp(&orders, get, a, b));
    let mut all: Vec<Option<ModelVersion>> = all.into_iter().map(Some).collect();
    let ordered: Vec<ModelVersion> = picked.iter().filter_map(|&i| all[i].take()).collect();
    sql_page(ordered, q, tx.dialect(), tx.display())
}

/// Names with a version tagged `mlflow.prompt.is_prompt = 'true'` (deleted versions included, as
/// MLflow's anti-join reads the tag table alone).
fn load_prompt_version_names(tx: &mut Tx, model: Option<&str>) -> Result<Vec<String>> {
    let mut params = vec![load::ws(), IS_PROMPT_TAG_KEY.into()];
    let by_name = match model {
        Some(n) => {
            params.push(n.into());
            " AND name = ?"
        }
        None => "",
    };
    Ok(tx
        .query(
            &format!(
                "SELECT DISTINCT name FROM model_version_tags WHERE workspace = ? AND \"key\" = ? \
                 AND value = 'true'{by_name}"
            ),
            &params,
        )?
        .iter()
        .map(|r| r.str(0))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(max_results: i64, offset: Option<i128>) -> RegistryQuery {
        RegistryQuery {
            max_results,
            page_token: offset.map(search::encode_page_token_signed),
            ..Default::default()
        }
    }

    fn page(
        n: usize,
        query: &RegistryQuery,
        dialect: Dialect,
    ) -> Result<(Vec<usize>, Option<i64>)> {
        let p = sql_page((0..n).collect(), query, dialect, "db")?;
        let next = p
            .next_page_token
            .map(|t| search::decode_page_token_signed(&t).unwrap());
        Ok((p.items, next))
    }

    #[test]
    fn pages_as_limit_plus_one_and_offset() {
        use Dialect::{Postgres, Sqlite};
        assert_eq!(page(5, &q(2, None), Sqlite).unwrap(), (vec![0, 1], Some(2)));
        assert_eq!(page(5, &q(2, Some(4)), Postgres).unwrap(), (vec![4], None));
        // Exactly one page left: no token (MLflow fetched max_results + 1 rows and got fewer).
        assert_eq!(page(4, &q(2, Some(2)), Sqlite).unwrap(), (vec![2, 3], None));
        // A negative max_results: SQLite reads no limit and Python's slice counts from the end;
        // PostgreSQL refuses the negative LIMIT.
        assert_eq!(
            page(5, &q(-2, None), Sqlite).unwrap(),
            (vec![0, 1, 2], None)
        );
        assert!(matches!(
            page(5, &q(-2, None), Postgres),
            Err(StoreError::Database { .. })
        ));
    }
}
