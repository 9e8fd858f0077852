//! One connection to an MLflow database, SQLite (rusqlite, bundled) or PostgreSQL (the `postgres`
//! crate), behind one small interface: statements are written once with `?` placeholders and typed
//! [`Value`]s, and every read or write runs inside a transaction ([`Db::read`], [`Db::write`]).
//!
//! Session settings are MLflow's (`mlflow/store/db/utils.py`): on SQLite `foreign_keys = ON`,
//! `busy_timeout = 20000` and `case_sensitive_like = true`; writes take SQLite's write lock up front
//! (`BEGIN IMMEDIATE`), so concurrent writers wait for each other instead of failing on upgrade.
use crate::error::{Result, StoreError};
use crate::uri::DbUri;
use std::sync::Mutex;

/// Which database engine a connection speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A value bound to a statement or read from a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bool(bool),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}
impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::Text(s.clone())
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}
impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Real(x)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// One row of a result, read by column position.
#[derive(Debug, Clone)]
pub struct Row(pub Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> &Value {
        self.0.get(i).unwrap_or(&Value::Null)
    }
    /// A text column (`None` for NULL; numbers are shown as text).
    pub fn opt_str(&self, i: usize) -> Option<String> {
        match self.at(i) {
            Value::Null => None,
            Value::Text(s) => Some(s.clone()),
            Value::Int(n) => Some(n.to_string()),
            Value::Real(x) => Some(crate::pyfloat::format(*x)),
            Value::Bool(b) => Some(b.to_string()),
        }
    }
    /// A text column, NULL read as `""`.
    pub fn str(&self, i: usize) -> String {
        self.opt_str(i).unwrap_or_default()
    }
    /// An integer column (`None` for NULL or a value that is not a whole number).
    pub fn opt_i64(&self, i: usize) -> Option<i64> {
        match self.at(i) {
            Value::Int(n) => Some(*n),
            Value::Bool(b) => Some(*b as i64),
            Value::Real(x) if x.fract() == 0.0 => Some(*x as i64),
            Value::Text(s) => s.parse().ok(),
            _ => None,
        }
    }
    /// An integer column, NULL read as 0.
    pub fn i64(&self, i: usize) -> i64 {
        self.opt_i64(i).unwrap_or(0)
    }
    /// A floating-point column (integers widen; NULL is `None`).
    pub fn opt_f64(&self, i: usize) -> Option<f64> {
        match self.at(i) {
            Value::Real(x) => Some(*x),
            Value::Int(n) => Some(*n as f64),
            Value::Text(s) => s.parse().ok(),
            _ => None,
        }
    }
    /// A boolean column (SQLite keeps them as 0 and 1).
    pub fn bool(&self, i: usize) -> bool {
        match self.at(i) {
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            Value::Text(s) => matches!(s.as_str(), "1" | "t" | "true"),
            _ => false,
        }
    }
}

enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Client>),
}

/// An open database: one connection, used by one thread at a time.
pub struct Db {
    dialect: Dialect,
    /// The database as it may be shown (no password).
    display: String,
    conn: Mutex<Conn>,
}

/// A statement runner inside one transaction.
pub struct Tx<'a> {
    inner: TxInner<'a>,
    display: &'a str,
}

enum TxInner<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Postgres(postgres::Transaction<'a>),
}

/// How long a SQLite writer waits for another's lock, as MLflow sets it.
const SQLITE_BUSY_MS: u64 = 20_000;

impl Db {
    /// Connects to the database a URI names (a SQLite file is created when missing, as MLflow's
    /// engine creates it). Errors name the database, never its password.
    pub fn connect(uri: &DbUri) -> Result<Self> {
        let display = uri.display();
        let fail = |what: &str, e: &dyn std::fmt::Display| StoreError::Database {
            db: display.clone(),
            message: format!("{what}: {e}"),
        };
        let conn = match uri {
            DbUri::Sqlite { path } => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    if !parent.is_dir() {
                        return Err(StoreError::Database {
                            db: display,
                            message: format!(
                                "cannot create the database: folder {} does not exist",
                                parent.display()
                            ),
                        });
                    }
                }
                let c = rusqlite::Connection::open(path).map_err(|e| fail("cannot open", &e))?;
                c.busy_timeout(std::time::Duration::from_millis(SQLITE_BUSY_MS))
                    .map_err(|e| fail("cannot set the busy timeout", &e))?;
                c.execute_batch("PRAGMA foreign_keys = ON; PRAGMA case_sensitive_like = true;")
                    .map_err(|e| fail("cannot open", &e))?;
                Conn::Sqlite(c)
            }
            DbUri::Postgres { url } => {
                let mut config: postgres::Config =
                    url.parse().map_err(|e| StoreError::Database {
                        db: display.clone(),
                        message: format!("not a PostgreSQL connection URI: {e}"),
                    })?;
                if config.get_connect_timeout().is_none() {
                    config.connect_timeout(std::time::Duration::from_secs(10));
                }
                let c = config
                    .connect(postgres::NoTls)
                    .map_err(|e| fail("cannot connect", &pg_error_text(&e)))?;
                Conn::Postgres(Box::new(c))
            }
        };
        Ok(Self {
            dialect: match uri {
                DbUri::Sqlite { .. } => Dialect::Sqlite,
                DbUri::Postgres { .. } => Dialect::Postgres,
            },
            display,
            conn: Mutex::new(conn),
        })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The database as it may be shown.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Runs `f` in a read transaction.
    pub fn read<T>(&self, f: impl FnOnce(&mut Tx) -> Result<T>) -> Result<T> {
        self.transaction(false, f)
    }

    /// Runs `f` in a write transaction, committed when `f` succeeds and rolled back otherwise.
    pub fn write<T>(&self, f: impl FnOnce(&mut Tx) -> Result<T>) -> Result<T> {
        self.transaction(true, f)
    }

    fn transaction<T>(&self, write: bool, f: impl FnOnce(&mut Tx) -> Result<T>) -> Result<T> {
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let display = self.display.as_str();
        let err = |e: &dyn std::fmt::Display| StoreError::Database {
            db: display.to_string(),
            message: explain_busy(e.to_string()),
        };
        match &mut *conn {
            Conn::Sqlite(c) => {
                let behavior = if write {
                    rusqlite::TransactionBehavior::Immediate
                } else {
                    rusqlite::TransactionBehavior::Deferred
                };
                let t = c.transaction_with_behavior(behavior).map_err(|e| err(&e))?;
                let mut tx = Tx {
                    inner: TxInner::Sqlite(t),
                    display,
                };
                let out = f(&mut tx)?;
                let TxInner::Sqlite(t) = tx.inner else {
                    unreachable!("a SQLite connection makes SQLite transactions")
                };
                t.commit().map_err(|e| err(&e))?;
                Ok(out)
            }
            Conn::Postgres(c) => {
                let t = c.transaction().map_err(|e| err(&pg_error_text(&e)))?;
                let mut tx = Tx {
                    inner: TxInner::Postgres(t),
                    display,
                };
                let out = f(&mut tx)?;
                let TxInner::Postgres(t) = tx.inner else {
                    unreachable!("a PostgreSQL connection makes PostgreSQL transactions")
                };
                t.commit().map_err(|e| err(&pg_error_text(&e)))?;
                Ok(out)
            }
        }
    }
}

impl Tx<'_> {
    /// The database as it may be shown (no password).
    pub fn display(&self) -> &str {
        self.display
    }

    pub fn dialect(&self) -> Dialect {
        match self.inner {
            TxInner::Sqlite(_) => Dialect::Sqlite,
            TxInner::Postgres(_) => Dialect::Postgres,
        }
    }

    fn err(&self, sql: &str, e: &dyn std::fmt::Display) -> StoreError {
        let head: String = sql.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        StoreError::Database {
            db: self.display.to_string(),
            message: format!("{} (in `{head} …`)", explain_busy(e.to_string())),
        }
    }

    /// Runs a query and returns its rows.
    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        match &mut self.inner {
            TxInner::Sqlite(t) => {
                let out = (|| {
                    let mut stmt = t.prepare_cached(sql)?;
                    let n = stmt.column_count();
                    let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
                    let mut out = Vec::new();
                    while let Some(r) = rows.next()? {
                        let mut row = Vec::with_capacity(n);
                        for i in 0..n {
                            row.push(match r.get_ref(i)? {
                                rusqlite::types::ValueRef::Null => Value::Null,
                                rusqlite::types::ValueRef::Integer(n) => Value::Int(n),
                                rusqlite::types::ValueRef::Real(x) => Value::Real(x),
                                rusqlite::types::ValueRef::Text(b)
                                | rusqlite::types::ValueRef::Blob(b) => {
                                    Value::Text(String::from_utf8_lossy(b).into_owned())
                                }
                            });
                        }
                        out.push(Row(row));
                    }
                    Ok::<_, rusqlite::Error>(out)
                })();
                out.map_err(|e| self.err(sql, &e))
            }
            TxInner::Postgres(t) => {
                let sql_pg = numbered_placeholders(sql);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
                    .iter()
                    .map(|p| p as &(dyn postgres::types::ToSql + Sync))
                    .collect();
                let rows = t.query(sql_pg.as_str(), &refs);
                let rows = rows.map_err(|e| self.err(sql, &pg_error_text(&e)))?;
                let mut out = Vec::with_capacity(rows.len());
                for r in rows {
                    let mut row = Vec::with_capacity(r.len());
                    for i in 0..r.len() {
                        let v: Value = r.try_get(i).map_err(|e| self.err(sql, &e))?;
                        row.push(v);
                    }
                    out.push(Row(row));
                }
                Ok(out)
            }
        }
    }

    /// Runs a statement and returns how many rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        match &mut self.inner {
            TxInner::Sqlite(t) => {
                let r = t
                    .prepare_cached(sql)
                    .and_then(|mut s| s.execute(rusqlite::params_from_iter(params.iter())));
                r.map(|n| n as u64).map_err(|e| self.err(sql, &e))
            }
            TxInner::Postgres(t) => {
                let sql_pg = numbered_placeholders(sql);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
                    .iter()
                    .map(|p| p as &(dyn postgres::types::ToSql + Sync))
                    .collect();
                let r = t.execute(sql_pg.as_str(), &refs);
                r.map_err(|e| self.err(sql, &pg_error_text(&e)))
            }
        }
    }

    /// Runs a script of statements with no parameters (a schema).
    pub fn batch(&mut self, script: &str) -> Result<()> {
        match &mut self.inner {
            TxInner::Sqlite(t) => t.execute_batch(script).map_err(|e| self.err(script, &e)),
            TxInner::Postgres(t) => t
                .batch_execute(script)
                .map_err(|e| self.err(script, &pg_error_text(&e))),
        }
    }

    /// The first row of a query, if any.
    pub fn query_row(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
}

/// SQLite's busy answer, with what it means here: another process held the database's lock for
/// longer than the busy timeout this connection waited.
fn explain_busy(message: String) -> String {
    if message == "database is locked" {
        format!(
            "database is locked: another process held its lock longer than the {} s this connection waited",
            SQLITE_BUSY_MS / 1000
        )
    } else {
        message
    }
}

/// A PostgreSQL error as the server said it (its message and detail), or the client's.
fn pg_error_text(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(d) => format!("{}: {d}", db.message()),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    }
}

/// `?` placeholders as PostgreSQL numbers them (`$1`, `$2`, …), outside quoted text.
pub fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
                out.push(c);
            }
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    out.push(c);
                }
                '?' => {
                    n += 1;
                    out.push('$');
                    out.push_str(&n.to_string());
                }
                _ => out.push(c),
            },
        }
    }
    out
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Value::Real(x) => ToSqlOutput::Borrowed(ValueRef::Real(*x)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(*b as i64)),
        })
    }
}

/// A bound value takes the type PostgreSQL inferred for its placeholder, so statements are written
/// once for both engines.
impl postgres::types::ToSql for Value {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>>
    {
        use postgres::types::Type;
        let mismatch = || -> Box<dyn std::error::Error + Sync + Send> {
            format!("cannot bind {self:?} as {ty}").into()
        };
        match self {
            Value::Null => Ok(postgres::types::IsNull::Yes),
            Value::Int(n) => match *ty {
                Type::INT8 => n.to_sql(ty, out),
                Type::INT4 => i32::try_from(*n).map_err(|_| mismatch())?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*n).map_err(|_| mismatch())?.to_sql(ty, out),
                Type::FLOAT8 => (*n as f64).to_sql(ty, out),
                Type::FLOAT4 => (*n as f32).to_sql(ty, out),
                Type::BOOL => (*n != 0).to_sql(ty, out),
                _ => n.to_string().to_sql(ty, out),
            },
            Value::Real(x) => match *ty {
                Type::FLOAT8 => x.to_sql(ty, out),
                Type::FLOAT4 => (*x as f32).to_sql(ty, out),
                _ => crate::pyfloat::format(*x).to_sql(ty, out),
            },
            Value::Bool(b) => match *ty {
                Type::BOOL => b.to_sql(ty, out),
                Type::INT8 | Type::INT4 | Type::INT2 => Value::Int(*b as i64).to_sql(ty, out),
                _ => b.to_string().to_sql(ty, out),
            },
            Value::Text(s) => match *ty {
                Type::INT8 | Type::INT4 | Type::INT2 => {
                    Value::Int(s.parse().map_err(|_| mismatch())?).to_sql(ty, out)
                }
                _ => s.as_str().to_sql(ty, out),
            },
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

impl<'a> postgres::types::FromSql<'a> for Value {
    fn from_sql(
        ty: &postgres::types::Type,
        raw: &'a [u8],
    ) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::Type;
        Ok(match *ty {
            Type::BOOL => Value::Bool(bool::from_sql(ty, raw)?),
            Type::INT2 => Value::Int(i16::from_sql(ty, raw)? as i64),
            Type::INT4 => Value::Int(i32::from_sql(ty, raw)? as i64),
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)? as f64),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            _ => Value::Text(String::from_utf8_lossy(raw).into_owned()),
        })
    }

    fn from_sql_null(
        _: &postgres::types::Type,
    ) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Value::Null)
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            numbered_placeholders("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ?"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2"
        );
    }

    #[test]
    fn sqlite_round_trips_values_in_a_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&DbUri::Sqlite {
            path: dir.path().join("x.db"),
        })
        .unwrap();
        db.write(|tx| {
            tx.batch("CREATE TABLE t (a TEXT, b BIGINT, c FLOAT, d BOOLEAN)")?;
            tx.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?)",
                &["x".into(), 7i64.into(), 0.5f64.into(), true.into()],
            )?;
            Ok(())
        })
        .unwrap();
        let rows = db
            .read(|tx| tx.query("SELECT a, b, c, d, NULL FROM t", &[]))
            .unwrap();
        let r = &rows[0];
        assert_eq!(
            (r.str(0), r.i64(1), r.opt_f64(2), r.bool(3), r.opt_str(4)),
            ("x".to_string(), 7, Some(0.5), true, None)
        );
        // A failing step rolls the whole transaction back.
        let e = db.write(|tx| {
            tx.execute("INSERT INTO t VALUES ('y', 1, 1, 0)", &[])?;
            tx.execute("INSERT INTO nope VALUES (1)", &[])
        });
        assert!(matches!(e, Err(StoreError::Database { .. })));
        let n = db
            .read(|tx| tx.query_row("SELECT COUNT(*) FROM t", &[]))
            .unwrap()
            .unwrap()
            .i64(0);
        assert_eq!(n, 1);
    }
}
