//! MLflow's SQL schema: its tables exactly as `mlflow db upgrade` creates them for the pinned MLflow
//! (3.17.2, alembic head `dc11669786a5`), in `schema/sqlite.sql` and `schema/postgres.sql` (read off
//! databases MLflow made; `tests/sql.rs` checks them against the pinned MLflow), and the revision
//! check: mlrun works on the revisions whose tables it knows, and refuses any other with a message
//! naming the revision and `mlflow db upgrade`.
use super::db::{Db, Dialect, Tx};
use crate::error::{Result, StoreError};

/// The alembic revision a new database is created at: the pinned MLflow's head.
pub const HEAD: &str = "dc11669786a5";

/// The revisions mlrun reads and writes, with the MLflow release whose head each is. The tables
/// mlrun touches (experiments, runs, metrics, params, tags, datasets, inputs, logged models, the
/// registry) are the same at all of them; later revisions only add tables mlrun does not use.
pub const KNOWN: &[(&str, &str)] = &[
    ("b7e2c1a4d9f3", "MLflow 3.16"),
    ("75868b020152", "between MLflow 3.16 and 3.17"),
    (HEAD, "MLflow 3.17"),
];

/// Every revision of the pinned MLflow's migration chain, oldest first: a revision found here but
/// not in [`KNOWN`] is older than mlrun reads.
const CHAIN: &[&str] = &[
    "451aebb31d03",
    "90e64c465722",
    "181f10493468",
    "df50e92ffc5e",
    "7ac759974ad8",
    "89d4b8295536",
    "2b4d017a5e9b",
    "cfd24bdc0731",
    "0a8213491aaa",
    "728d730b5ebd",
    "27a6a02d2cf1",
    "84291f40a231",
    "a8c4a736bde6",
    "39d1c3be5f05",
    "c48cb773bb87",
    "bd07f7e963c5",
    "0c779009ac13",
    "cc1f77228345",
    "97727af70f4d",
    "3500859a5d39",
    "7f2a7d5fae7d",
    "2d6e25af4d3e",
    "acf3f17fdcc7",
    "867495a8f9d4",
    "5b0e9adcef9c",
    "4465047574b1",
    "f5a4f2784254",
    "0584bdc529eb",
    "400f98739977",
    "6953534de441",
    "bda7b8c39065",
    "cbc13b556ace",
    "770bee3ae1dd",
    "a1b2c3d4e5f6",
    "de4033877273",
    "1a0cddfcaa16",
    "534353b11cbc",
    "71994744cf8e",
    "3da73c924c2f",
    "bf29a5ff90ea",
    "1bd49d398cd23",
    "b7c8d9e0f1a2",
    "5d2d30f0abce",
    "c9d4e5f6a7b8",
    "2c33131f4dae",
    "d3e4f5a6b7c8",
    "d0e1f2a3b4c5",
    "c8d9e0f1a2b3",
    "1b5f0d9ad7c1",
    "e1f2a3b4c5d6",
    "76601a5f987d",
    "c3d6457b6d8a",
    "a5b4c3d2e1f0",
    "ae8bbe7743c9",
    "7d34483879f0",
    "da6fb0208061",
    "89d3d66ed43f",
    "b7e4c1a90f23",
    "a8b9c0d1e2f3",
    "c1d2e3f4a5b6",
    "c3d9e7f1a2b4",
    "6f8d9c3b2a1e",
    "1971f2d9a75b",
    "17e22815139b",
    "b7e2c1a4d9f3",
    "75868b020152",
    "dc11669786a5",
];

/// The DDL of the pinned MLflow's head for one engine.
pub fn ddl(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => include_str!("schema/sqlite.sql"),
        Dialect::Postgres => include_str!("schema/postgres.sql"),
    }
}

/// The tables MLflow checks for before it calls a database its own (`_all_tables_exist`).
const CORE_TABLES: &[&str] = &["experiments", "runs", "metrics", "params", "tags"];

/// A lock key all mlrun processes (and nothing of MLflow's) take while they set a new PostgreSQL
/// database up, so two first commands never both create the schema.
const PG_INIT_LOCK: i64 = 0x6d6c_7275_6e00;

fn tables(tx: &mut Tx) -> Result<Vec<String>> {
    let sql = match tx.dialect() {
        Dialect::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        Dialect::Postgres => {
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
        }
    };
    Ok(tx.query(sql, &[])?.into_iter().map(|r| r.str(0)).collect())
}

/// Opens a database for mlrun: an empty one is set up at [`HEAD`] (tables, `alembic_version` and
/// the Default experiment, as MLflow's first client does), a database at a [`KNOWN`] revision is
/// taken as it is (its Default experiment made if missing), anything else is refused with nothing
/// written. `default_artifact_root` is where the Default experiment keeps its artifacts
/// (`<root>/0`).
pub fn prepare(db: &Db, default_artifact_root: &str, now_ms: i64) -> Result<()> {
    // The common case reads only: a database already at a known revision with its Default
    // experiment.
    let ready = db.read(|tx| {
        let names = tables(tx)?;
        if names.is_empty() {
            return Ok(false);
        }
        check_revision(db, tx, &names)?;
        Ok(tx
            .query_row("SELECT 1 FROM experiments WHERE experiment_id = 0", &[])?
            .is_some())
    })?;
    if ready {
        return Ok(());
    }
    db.write(|tx| {
        if tx.dialect() == Dialect::Postgres {
            tx.query("SELECT pg_advisory_xact_lock(?)", &[PG_INIT_LOCK.into()])?;
        }
        let names = tables(tx)?;
        if names.is_empty() {
            tx.batch(ddl(tx.dialect()))?;
            tx.execute(
                "INSERT INTO alembic_version (version_num) VALUES (?)",
                &[HEAD.into()],
            )?;
            // The one row MLflow's migrations put in (its workspaces revision).
            tx.execute(
                "INSERT INTO workspaces (name, description) VALUES ('default', 'Default workspace for legacy resources')",
                &[],
            )?;
        } else {
            check_revision(db, tx, &names)?;
        }
        if tx
            .query_row("SELECT 1 FROM experiments WHERE experiment_id = 0", &[])?
            .is_none()
        {
            let location = format!("{}/0", default_artifact_root.trim_end_matches('/'));
            tx.execute(
                "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (0, 'Default', ?, 'active', ?, ?, 'default')",
                &[location.into(), now_ms.into(), now_ms.into()],
            )?;
        }
        Ok(())
    })
}

/// Refuses a database that holds experiments (other than an untouched Default experiment), runs
/// or registered models: what a migration writes into must start empty, as MLflow's requires.
pub fn check_empty(db: &Db, tx: &mut Tx) -> Result<()> {
    for (table, ignore) in [
        (
            "experiments",
            " WHERE experiment_id <> 0 OR name <> 'Default'",
        ),
        ("runs", ""),
        ("registered_models", ""),
    ] {
        let n = tx
            .query_row(&format!("SELECT COUNT(*) FROM {table}{ignore}"), &[])?
            .map_or(0, |r| r.i64(0));
        if n > 0 {
            return Err(StoreError::Database {
                db: db.display().to_string(),
                message: format!(
                    "Target database is not empty: table '{table}' has {n} rows. Migration requires an empty database."
                ),
            });
        }
    }
    let tagged = tx
        .query_row("SELECT COUNT(*) FROM experiment_tags", &[])?
        .map_or(0, |r| r.i64(0));
    if tagged > 0 {
        return Err(StoreError::Database {
            db: db.display().to_string(),
            message: format!("Target database is not empty: table 'experiment_tags' has {tagged} rows. Migration requires an empty database."),
        });
    }
    Ok(())
}

fn check_revision(db: &Db, tx: &mut Tx, names: &[String]) -> Result<()> {
    let refuse = |message: String| StoreError::Database {
        db: db.display().to_string(),
        message,
    };
    if !names.iter().any(|n| n == "alembic_version") {
        let missing: Vec<&str> = CORE_TABLES
            .iter()
            .copied()
            .filter(|t| !names.iter().any(|n| n == t))
            .collect();
        let shown: Vec<&str> = names.iter().take(8).map(String::as_str).collect();
        return Err(refuse(format!(
            "not an MLflow database: it has no alembic_version table{} (its tables: {}{})",
            if missing.is_empty() {
                String::new()
            } else {
                format!(" and no {}", missing.join(", "))
            },
            shown.join(", "),
            if names.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        )));
    }
    let rev = tx
        .query_row("SELECT version_num FROM alembic_version", &[])?
        .map(|r| r.str(0));
    let Some(rev) = rev else {
        return Err(refuse(
            "its alembic_version table is empty: the schema is half made; run `mlflow db upgrade <database URI>` to finish it".into(),
        ));
    };
    if KNOWN.iter().any(|(k, _)| *k == rev) {
        return Ok(());
    }
    let known: Vec<String> = KNOWN.iter().map(|(k, v)| format!("{k} ({v})")).collect();
    let message = if CHAIN.contains(&rev.as_str()) {
        format!(
            "its schema is at revision {rev}, older than mlrun reads ({}); take a backup, then run `mlflow db upgrade <database URI>` with MLflow 3.17",
            known.join(", ")
        )
    } else {
        format!(
            "its schema is at revision {rev}, which mlrun does not know (it reads {}); a newer MLflow made it: use an mlrun built for that MLflow",
            known.join(", ")
        )
    };
    Err(refuse(message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::DbUri;

    fn sqlite(dir: &std::path::Path) -> Db {
        Db::connect(&DbUri::Sqlite {
            path: dir.join("m.db"),
        })
        .unwrap()
    }

    #[test]
    fn an_empty_database_is_set_up_at_head_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite(dir.path());
        prepare(&db, "/a/mlruns", 5).unwrap();
        prepare(&db, "/b/mlruns", 6).unwrap();
        let row = db
            .read(|tx| {
                tx.query_row(
                    "SELECT v.version_num, e.name, e.artifact_location, e.creation_time FROM alembic_version v, experiments e",
                    &[],
                )
            })
            .unwrap()
            .unwrap();
        assert_eq!(
            (row.str(0), row.str(1), row.str(2), row.i64(3)),
            (HEAD.into(), "Default".into(), "/a/mlruns/0".into(), 5)
        );
    }

    #[test]
    fn other_databases_and_revisions_are_refused_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite(dir.path());
        db.write(|tx| tx.batch("CREATE TABLE invoices (id INTEGER)"))
            .unwrap();
        let e = prepare(&db, "/r", 1).unwrap_err().to_string();
        assert!(
            e.contains("not an MLflow database") && e.contains("invoices"),
            "{e}"
        );

        for (rev, words) in [
            ("451aebb31d03", "older than mlrun reads"),
            ("ffffffffffff", "does not know"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let db = sqlite(dir.path());
            prepare(&db, "/r", 1).unwrap();
            db.write(|tx| tx.execute("UPDATE alembic_version SET version_num = ?", &[rev.into()]))
                .unwrap();
            let e = prepare(&db, "/r", 1).unwrap_err().to_string();
            assert!(e.contains(rev) && e.contains(words), "{e}");
        }
    }
}
