#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements that are built once
// and reset for reuse, and a transaction that rolls back unless committed. Every failure becomes
// a StoreError that names the database file and SQLite's message.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dateline::sql {

class Database;

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  // Text SQLite does not copy: it must stay unchanged until the statement is reset (run() resets
  // it). For the columns of rows written by the thousand, where the copy costs more than the write.
  Statement& bind_static(int index, std::string_view value);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Advances to the next row; false when done. Throws StoreError on failure.
  bool step();
  // Runs a statement that returns no rows, then resets it.
  void run();
  // Clears the bindings and rewinds, ready for the next use.
  void reset();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  // The view stays valid until the next step() or reset().
  std::string_view text(int column) const;
  std::string str(int column) const { return std::string(text(column)); }
  std::optional<std::string> optional_str(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (creating if needed) the database file; throws StoreError when it cannot.
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  // A statement prepared once and reused (reset) on every call. `sql` must be a string literal or
  // otherwise outlive the connection: statements are cached by its address, which costs nothing
  // to look up (this runs for every row an ingest writes).
  Statement& prepared(std::string_view sql);
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void fail(std::string_view what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<const char*, std::unique_ptr<Statement>> statements_;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back by the destructor unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

// A read snapshot: the queries behind one command see one committed state of the store, however
// many statements they run, while another process ingests (WAL readers never block the writer).
// Inside a transaction already open on this connection it does nothing: that one is the snapshot.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace dateline::sql
