#include "vault/schema.h"

#include <sqlite3.h>

#include <string>

namespace haven::vault::internal {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      {1, "journal entries with full-text search",
       R"sql(
CREATE TABLE entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: a deleted entry's id is never reused
  created_ms INTEGER NOT NULL,           -- Unix time in ms, UTC
  updated_ms INTEGER NOT NULL,
  utc_offset_min INTEGER NOT NULL,       -- the writer's local offset when it was written
  body TEXT NOT NULL
);
CREATE VIRTUAL TABLE entries_fts USING fts5(
  body, content='entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_after_insert AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER entries_after_delete AFTER DELETE ON entries BEGIN
  INSERT INTO entries_fts(entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER entries_after_update AFTER UPDATE OF body ON entries BEGIN
  INSERT INTO entries_fts(entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO entries_fts(rowid, body) VALUES (new.id, new.body);
END;
)sql"},
      {2, "mood check-ins",
       R"sql(
CREATE TABLE moods (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_ms INTEGER NOT NULL,
  utc_offset_min INTEGER NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
  emotions TEXT NOT NULL DEFAULT '',     -- words joined by ','
  sleep_hours REAL CHECK (sleep_hours IS NULL OR (sleep_hours >= 0 AND sleep_hours <= 24)),
  energy INTEGER CHECK (energy IS NULL OR energy BETWEEN 0 AND 10),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX moods_by_time ON moods(created_ms);
)sql"},
      {3, "encrypted settings",
       R"sql(
CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL,
  updated_ms INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
  };
  return list;
}

int latest_schema_version() { return migrations().back().version; }

Result<int> read_schema_version(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return Status(StatusCode::kIoError, std::to_string(rc));
  rc = sqlite3_step(stmt);
  int version = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW) return Status(StatusCode::kIoError, std::to_string(rc));
  return version;
}

int run_migrations(sqlite3* db, int from, int to, int* reached) {
  *reached = from;
  for (const Migration& m : migrations()) {
    if (m.version <= from || m.version > to) continue;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_exec(db, m.sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
      std::string bump = "PRAGMA user_version = " + std::to_string(m.version);
      rc = sqlite3_exec(db, bump.c_str(), nullptr, nullptr, nullptr);
    }
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return rc;
    }
    *reached = m.version;
  }
  return SQLITE_OK;
}

}  // namespace haven::vault::internal
