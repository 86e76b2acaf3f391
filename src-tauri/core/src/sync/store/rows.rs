//! A synced row as fields: reading it from its table, writing received fields into it, and the
//! uid both laptops know it by. Table and column names reach SQL only from [`super::super::tables`]
//! and from the table's own schema, never from a segment.

use std::collections::BTreeMap;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::Value;

use super::{versions, waiting};
use crate::sync::tables::{self, RowKey, Synced};
use crate::sync::Result;

/// A row's travelling columns and their values.
pub type Fields = BTreeMap<String, Value>;

/// The columns that travel: every column but a numbered table's own number.
pub fn columns(conn: &Connection, table: &Synced) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM pragma_table_info(?1, 'main')")?;
    let names = stmt.query_map([table.name], |row| row.get::<_, String>(0))?;
    let mut columns = Vec::new();
    for name in names {
        let name = name?;
        if !(table.key == RowKey::Numbered && name == "id") {
            columns.push(name);
        }
    }
    Ok(columns)
}

/// The row with this rowid, links given as uids; `None` once it is gone.
pub fn read(conn: &Connection, table: &Synced, local_id: i64) -> Result<Option<Fields>> {
    let columns = columns(conn, table)?;
    let sql = format!(
        "SELECT {} FROM main.{} WHERE rowid = ?1",
        quoted(&columns),
        table.name
    );
    let values: Option<Vec<SqlValue>> = conn
        .query_row(&sql, [local_id], |row| {
            (0..columns.len()).map(|i| row.get(i)).collect()
        })
        .optional()?;
    let Some(values) = values else {
        return Ok(None);
    };
    let mut fields = Fields::new();
    for (column, value) in columns.into_iter().zip(values) {
        let value = match (table.link(&column), value) {
            (Some(target), SqlValue::Integer(id)) => link_uid(conn, target, id)?,
            (Some(_), SqlValue::Null) => waiting::waited_for(conn, table.name, local_id, &column)?
                .map_or(Value::Null, Value::String),
            (_, value) => to_json(value),
        };
        fields.insert(column, value);
    }
    Ok(Some(fields))
}

/// The uid a natural-keyed row travels under: its key's values, as a JSON list.
pub fn natural_uid(key: &[&str], fields: &Fields) -> String {
    let values: Vec<&Value> = key
        .iter()
        .map(|column| fields.get(*column).unwrap_or(&Value::Null))
        .collect();
    Value::from(values.into_iter().cloned().collect::<Vec<_>>()).to_string()
}

/// The uid of this row, if it has travelled or been linked to.
pub fn uid_of(conn: &Connection, table: &str, local_id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT uid FROM sync_rows WHERE tbl = ?1 AND local_id = ?2")?
        .query_row(params![table, local_id], |row| row.get(0))
        .optional()?)
}

/// Which row here a uid names, if any.
pub fn local_of(conn: &Connection, table: &str, uid: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT local_id FROM sync_rows WHERE tbl = ?1 AND uid = ?2")?
        .query_row(params![table, uid], |row| row.get(0))
        .optional()?)
}

/// The uid a link travels as: that of the row it points at, given one now if it has none, or
/// nothing if no such row is here (the other laptop would have nothing to point at either).
fn link_uid(conn: &Connection, table: &str, local_id: i64) -> Result<Value> {
    if let Some(uid) = uid_of(conn, table, local_id)? {
        return Ok(Value::String(uid));
    }
    let exists = conn
        .query_row(
            &format!("SELECT 1 FROM main.{table} WHERE rowid = ?1"),
            [local_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !exists {
        return Ok(Value::Null);
    }
    let uid = random_uid();
    remember(conn, table, local_id, &uid)?;
    Ok(Value::String(uid))
}

pub fn remember(conn: &Connection, table: &str, local_id: i64, uid: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_rows (tbl, local_id, uid) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![table, local_id, uid])?;
    Ok(())
}

pub fn forget(conn: &Connection, table: &str, uid: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_rows WHERE tbl = ?1 AND uid = ?2")?
        .execute(params![table, uid])?;
    Ok(())
}

/// A fresh uid: 128 random bits, in hex.
pub fn random_uid() -> String {
    let mut raw = [0u8; 16];
    crate::vault::crypto::fill_random(&mut raw);
    crate::vault::hex::encode(&raw)
}

/// Writes received fields into the row a uid names, making the row if it is new here; returns its
/// rowid. A natural-keyed row that this laptop already has under the same key is that row. A link
/// to a row not here yet is left empty and waits for it ([`waiting`]).
pub fn write(conn: &Connection, table: &Synced, uid: &str, fields: &Fields) -> Result<i64> {
    let known = columns(conn, table)?;
    let mut waits = Vec::new();
    let mut values: Vec<(&String, SqlValue)> = Vec::new();
    for (column, value) in fields.iter().filter(|(column, _)| known.contains(column)) {
        let sql = to_sql(conn, table, column, value)?;
        if let (SqlValue::Null, Some(target), Value::String(target_uid)) =
            (&sql, table.link(column), value)
        {
            if !versions::is_deleted(conn, target, target_uid)? {
                waits.push((column, target_uid));
            }
        }
        values.push((column, sql));
    }
    let existing = match local_of(conn, table.name, uid)? {
        Some(id) => Some(id),
        None => same_key(conn, table, &values)?,
    };
    let local_id = match existing {
        Some(id) => update(conn, table, id, values)?,
        None => insert(conn, table, values)?,
    };
    remember(conn, table.name, local_id, uid)?;
    waiting::clear(conn, table.name, local_id)?;
    for (field, target_uid) in waits {
        waiting::wait(conn, table.name, local_id, field, target_uid)?;
    }
    Ok(local_id)
}

fn update(
    conn: &Connection,
    table: &Synced,
    id: i64,
    fields: Vec<(&String, SqlValue)>,
) -> Result<i64> {
    let sets: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, (column, _))| format!("\"{column}\" = ?{}", i + 2))
        .collect();
    let sql = format!(
        "UPDATE main.{} SET {} WHERE rowid = ?1",
        table.name,
        sets.join(", ")
    );
    let values = std::iter::once(SqlValue::Integer(id)).chain(fields.into_iter().map(|f| f.1));
    conn.execute(&sql, params_from_iter(values))?;
    Ok(id)
}

fn insert(conn: &Connection, table: &Synced, fields: Vec<(&String, SqlValue)>) -> Result<i64> {
    let names: Vec<String> = fields.iter().map(|(c, _)| (*c).clone()).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO main.{} ({}) VALUES ({})",
        table.name,
        quoted(&names),
        marks.join(", ")
    );
    conn.execute(&sql, params_from_iter(fields.into_iter().map(|f| f.1)))?;
    Ok(conn.last_insert_rowid())
}

/// Removes the row a uid names, if this laptop has it.
pub fn delete(conn: &Connection, table: &Synced, uid: &str) -> Result<()> {
    if let Some(id) = local_of(conn, table.name, uid)? {
        conn.execute(
            &format!("DELETE FROM main.{} WHERE rowid = ?1", table.name),
            [id],
        )?;
    }
    forget(conn, table.name, uid)
}

/// The row here with the same natural key as these fields, for a row both laptops made.
fn same_key(
    conn: &Connection,
    table: &Synced,
    fields: &[(&String, SqlValue)],
) -> Result<Option<i64>> {
    let RowKey::Natural(key) = table.key else {
        return Ok(None);
    };
    let mut values = Vec::new();
    for column in key {
        match fields.iter().find(|(name, _)| name.as_str() == *column) {
            Some((_, value)) => values.push(value.clone()),
            None => return Ok(None),
        }
    }
    let clauses: Vec<String> = key
        .iter()
        .enumerate()
        .map(|(i, column)| format!("\"{column}\" = ?{}", i + 1))
        .collect();
    let sql = format!(
        "SELECT rowid FROM main.{} WHERE {}",
        table.name,
        clauses.join(" AND ")
    );
    Ok(conn
        .query_row(&sql, params_from_iter(values), |row| row.get(0))
        .optional()?)
}

fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A received value as SQL; a link's uid becomes the number of that row here, or nothing if this
/// laptop no longer has it.
fn to_sql(conn: &Connection, table: &Synced, column: &str, value: &Value) -> Result<SqlValue> {
    if let (Some(target), Value::String(uid)) = (table.link(column), value) {
        let local = match tables::find(target) {
            Some(target) => local_of(conn, target.name, uid)?,
            None => None,
        };
        return Ok(local.map_or(SqlValue::Null, SqlValue::Integer));
    }
    Ok(match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    })
}

fn to_json(value: SqlValue) -> Value {
    match value {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(i) => Value::from(i),
        SqlValue::Real(r) => Value::from(r),
        SqlValue::Text(s) => Value::String(s),
        SqlValue::Blob(bytes) => Value::from(bytes),
    }
}
