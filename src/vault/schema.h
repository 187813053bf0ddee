// The vault's SQL schema and its migrations.
//
// The schema version is SQLite's user_version. Each migration takes the database from version N-1 to
// N in one transaction, so a crash mid-migration leaves version N-1 intact and the migration runs again
// at the next unlock. To add tables (sessions, messages, memory, the safety plan), append a migration
// to the list in schema.cpp and a test that upgrades a vault from the version before
// (tests/vault/migrations_test.cpp). Never edit a migration that has shipped.
#pragma once

#include <vector>

#include "core/status.h"

struct sqlite3;

namespace haven::vault::internal {

struct Migration {
  int version;       // the version this migration produces
  const char* name;  // what it adds, for messages
  const char* sql;   // statements to run (no BEGIN/COMMIT)
};

const std::vector<Migration>& migrations();
int latest_schema_version();

// Reads PRAGMA user_version.
Result<int> read_schema_version(sqlite3* db);

// Runs the migrations after `from`, up to and including `to`, each in its own transaction.
// The caller maps SQLite failures to statuses through the returned code; on failure the database stays
// at the last version that completed.
int run_migrations(sqlite3* db, int from, int to, int* reached);

}  // namespace haven::vault::internal
