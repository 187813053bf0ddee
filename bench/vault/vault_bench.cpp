// haven_vault_bench: the vault's figures at realistic size.
//
//   haven_vault_bench [--entries N] [--adds N] [--searches N] [--dir DIR]
//
// 1. Fills a vault with N entries (default 100,000) of about 1 KB of word-like text, 1,000 per
//    transaction, and an unencrypted SQLite database with the same schema, index and texts.
// 2. Adds --adds more entries one at a time (each its own synced commit, as `haven journal add` does)
//    to both, and reports p50/p95/max.
// 3. Runs --searches full-text searches (one or two words of varied frequency, best 20 matches with
//    snippets, as `haven journal search` does) and reports p50/p95/max.
// 4. Rewraps the key with the production KDF and times unlocking the full vault (Argon2id + open +
//    first read).
// 5. Compares the size of vault.db with the unencrypted database (both folded and closed).
// The folder (default: a new one under $TMPDIR) is removed at the end unless --dir was given.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "vault/schema.h"
#include "vault/vault.h"

using namespace haven;
using namespace haven::vault;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kPassphrase = "benchmark passphrase, not a real one";

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Stats {
  double p50, p95, max;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))]; };
  return {at(0.50), at(0.95), v.back()};
}

// Word-like text with a Zipf-ish spread: a few very common words, a long tail of rare ones.
class TextMaker {
 public:
  explicit TextMaker(unsigned seed) : rng_(seed) {
    const char* common[] = {"i", "the", "and", "to", "a", "of", "was", "felt", "today", "it", "my", "me", "that",
                            "in", "work", "tired", "friend", "sleep", "walk", "talked", "anxious", "calm", "family",
                            "morning", "evening", "again", "better", "worse", "thought", "about"};
    for (const char* w : common) words_.push_back(w);
    std::uniform_int_distribution<int> len(3, 10), letter(0, 25);
    while (words_.size() < 20000) {
      std::string w;
      int n = len(rng_);
      for (int i = 0; i < n; ++i) w += static_cast<char>('a' + letter(rng_));
      words_.push_back(w);
    }
  }
  const std::string& word() {
    // Inverse-power sampling: index ~ size^u^2 favours the front of the list.
    double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    size_t i = static_cast<size_t>(std::pow(static_cast<double>(words_.size()), u * u)) - 1;
    return words_[std::min(i, words_.size() - 1)];
  }
  std::string entry(size_t bytes) {
    std::string s;
    while (s.size() < bytes) {
      s += word();
      s += (std::uniform_int_distribution<int>(0, 12)(rng_) == 0) ? ". " : " ";
    }
    return s;
  }
  const std::vector<std::string>& words() const { return words_; }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
  std::vector<std::string> words_;
};

void check(const Status& s, const char* what) {
  if (!s.is_ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.message().c_str());
    std::exit(1);
  }
}

void check_sql(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

// The same schema, index and pragmas, without encryption.
sqlite3* open_plain(const std::string& path) {
  sqlite3* db = nullptr;
  check_sql(sqlite3_open(path.c_str(), &db), db, "opening the plain database");
  check_sql(sqlite3_exec(db,
                         "PRAGMA page_size = 4096; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; "
                         "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;",
                         nullptr, nullptr, nullptr),
            db, "configuring the plain database");
  for (const auto& m : internal::migrations()) check_sql(sqlite3_exec(db, m.sql, nullptr, nullptr, nullptr), db, m.name);
  return db;
}

void plain_add(sqlite3* db, sqlite3_stmt* st, const std::string& text) {
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, 1700000000000);
  sqlite3_bind_text(st, 2, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  check_sql(sqlite3_step(st), db, "plain insert");
}

long long file_size(const std::string& path) {
  std::error_code ec;
  auto n = std::filesystem::file_size(path, ec);
  return ec ? -1 : static_cast<long long>(n);
}

}  // namespace

int main(int argc, char** argv) {
  size_t entries = 100000, adds = 1000, searches = 200;
  std::string dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--entries") entries = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--adds") adds = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--searches") searches = std::strtoul(argv[i + 1], nullptr, 10);
    else if (a == "--dir") dir = argv[i + 1];
  }
  const bool temporary = dir.empty();
  if (temporary) {
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/haven-vault-bench-XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) return 1;
    dir = tmpl;
  }
  const std::string vault_dir = dir + "/vault";
  const std::string plain_path = dir + "/plain.db";
  std::filesystem::remove_all(vault_dir);
  std::filesystem::remove(plain_path);
  std::filesystem::remove(plain_path + "-wal");

  VaultOptions options;
  options.kdf = test_kdf();  // fill fast; the production cost is measured in step 4
  TextMaker text(12345);
  std::uniform_int_distribution<size_t> size_of(800, 1200);

  // 1. Fill.
  auto t = Clock::now();
  auto created = Vault::create(vault_dir, kPassphrase, false, options);
  check(created.status(), "create");
  std::unique_ptr<Vault> v = std::move(created->vault);
  sqlite3* plain = open_plain(plain_path);
  sqlite3_stmt* plain_insert = nullptr;
  sqlite3_prepare_v2(plain,
                     "INSERT INTO entries (created_ms, updated_ms, utc_offset_min, body) VALUES (?1, ?1, 0, ?2)", -1,
                     &plain_insert, nullptr);
  double fill_vault_ms = 0, fill_plain_ms = 0;
  size_t text_bytes = 0;
  for (size_t done = 0; done < entries;) {
    std::vector<std::string> batch;
    for (size_t i = 0; i < 1000 && done < entries; ++i, ++done) batch.push_back(text.entry(size_of(text.rng())));
    for (const auto& s : batch) text_bytes += s.size();
    auto t1 = Clock::now();
    check(v->transaction([&]() -> Status {
            for (const auto& s : batch) HAVEN_RETURN_IF_ERROR(v->add_entry(s).status());
            return Status::ok();
          }),
          "fill");
    fill_vault_ms += ms_since(t1);
    t1 = Clock::now();
    sqlite3_exec(plain, "BEGIN", nullptr, nullptr, nullptr);
    for (const auto& s : batch) plain_add(plain, plain_insert, s);
    sqlite3_exec(plain, "COMMIT", nullptr, nullptr, nullptr);
    fill_plain_ms += ms_since(t1);
  }
  std::printf("filled %zu entries (%.1f MB of text) in %.1f s: vault %.1f s, plain SQLite %.1f s\n", entries,
              static_cast<double>(text_bytes) / 1e6, ms_since(t) / 1000, fill_vault_ms / 1000, fill_plain_ms / 1000);

  // 2. Add one entry at a time, each its own synced commit.
  std::vector<double> add_vault, add_plain;
  for (size_t i = 0; i < adds; ++i) {
    std::string s = text.entry(size_of(text.rng()));
    auto t1 = Clock::now();
    check(v->add_entry(s).status(), "add");
    add_vault.push_back(ms_since(t1));
    t1 = Clock::now();
    plain_add(plain, plain_insert, s);
    add_plain.push_back(ms_since(t1));
  }
  Stats av = stats(add_vault), ap = stats(add_plain);
  std::printf("add one entry (%zu, synced):  vault p50 %.2f ms  p95 %.2f ms  max %.2f ms | plain p50 %.2f  p95 %.2f  max %.2f\n",
              adds, av.p50, av.p95, av.max, ap.p50, ap.p95, ap.max);

  // 3. Search: single words from common to rare, and pairs.
  std::vector<std::string> queries;
  const auto& words = text.words();
  for (size_t i = 0; i < searches; ++i) {
    size_t a = std::uniform_int_distribution<size_t>(0, 2000)(text.rng());
    std::string q = words[a];
    if (i % 3 == 0) q += " " + words[std::uniform_int_distribution<size_t>(0, 60)(text.rng())];
    queries.push_back(q);
  }
  std::vector<double> search_ms;
  size_t hits_total = 0;
  for (const auto& q : queries) {
    auto t1 = Clock::now();
    auto hits = v->search(q, 20);
    check(hits.status(), "search");
    search_ms.push_back(ms_since(t1));
    hits_total += hits->size();
  }
  Stats sv = stats(search_ms);
  std::printf("search, best 20 with snippets (%zu queries, %.1f hits each):  p50 %.2f ms  p95 %.2f ms  max %.2f ms\n",
              queries.size(), static_cast<double>(hits_total) / static_cast<double>(queries.size()), sv.p50, sv.p95,
              sv.max);

  // 4. Unlock with the production KDF.
  check(v->change_passphrase(kPassphrase, production_kdf()), "rewrap");
  v.reset();
  sqlite3_finalize(plain_insert);
  sqlite3_close(plain);
  std::vector<double> unlock_ms;
  VaultOptions production;
  for (int i = 0; i < 5; ++i) {
    auto t1 = Clock::now();
    auto opened = Vault::open(vault_dir, Credential::passphrase(kPassphrase), production);
    check(opened.status(), "unlock");
    check((*opened)->list_entries(1).status(), "first read");
    unlock_ms.push_back(ms_since(t1));
  }
  Stats uv = stats(unlock_ms);
  KdfParams k = production_kdf();
  std::printf("unlock with the production KDF (Argon2id, %llu passes, %llu MiB) + open + first read: p50 %.0f ms  max %.0f ms\n",
              static_cast<unsigned long long>(k.opslimit), static_cast<unsigned long long>(k.memlimit >> 20), uv.p50,
              uv.max);

  // 5. Size.
  long long enc = file_size(vault_dir + "/vault.db"), pl = file_size(plain_path);
  std::printf("size: vault.db %.1f MB, unencrypted SQLite %.1f MB, ratio %.3f\n", static_cast<double>(enc) / 1e6,
              static_cast<double>(pl) / 1e6, static_cast<double>(enc) / static_cast<double>(pl));
  if (temporary) std::filesystem::remove_all(dir);
  return 0;
}
