#include "sqlite.h"

#include <dateline/store.h>

#include <fmt/format.h>

namespace dateline::sql {

namespace {

// Before SQLite's first use in the process: no memory statistics. Kept, they made every
// allocation SQLite makes (a million for an ingest of 2,000 articles) take and release a global
// mutex, a twentieth of an ingest's instructions; nothing here reads them. Too late (SQLite
// already in use in the process) it is refused, harmlessly.
void configure_sqlite_once() {
  static const bool configured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)configured;
}

}  // namespace

Database::Database(const std::string& path) : path_(path) {
  configure_sqlite_once();
  const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("{}: cannot open the store: {}", path, message));
  }
  // NOMUTEX: a connection is used by one thread at a time (the CLI's consumer thread), so
  // SQLite's per-call locking is only cost.
  sqlite3_extended_result_codes(db_, 1);
  // Another process ingesting at the same time waits instead of failing at once.
  sqlite3_busy_timeout(db_, 5000);
}

Database::~Database() {
  statements_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

void Database::fail(std::string_view what) const {
  throw StoreError(fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_)));
}

void Database::exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError(fmt::format("{}: {}", path_, message));
  }
}

Statement& Database::prepared(std::string_view sql) {
  auto it = statements_.find(sql.data());
  if (it == statements_.end()) {
    it = statements_.emplace(sql.data(), std::make_unique<Statement>(*this, sql)).first;
  } else {
    it->second->reset();
  }
  return *it->second;
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                         nullptr) != SQLITE_OK) {
    db.fail(fmt::format("cannot prepare '{}'", sql));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail("bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) db_.fail("bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) {
    db_.fail("bind");
  }
  return *this;
}

Statement& Statement::bind_static(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK) {
    db_.fail("bind");
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail("bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(fmt::format("cannot run '{}'", sqlite3_sql(stmt_)));
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::optional_str(int column) const {
  if (is_null(column)) return std::nullopt;
  return str(column);
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

ReadSnapshot::ReadSnapshot(Database& db) : db_(db) {
  if (sqlite3_get_autocommit(db_.handle()) == 0) return;
  db_.exec("BEGIN");
  open_ = true;
}

ReadSnapshot::~ReadSnapshot() {
  // Only reads happened: ending the transaction cannot lose anything.
  if (open_) sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace dateline::sql
