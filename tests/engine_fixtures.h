#pragma once
// Small articles written for the engine's tests: a Document and the Claims an extractor would
// give for it, built by hand so merging, revisions and threads are tested without depending on
// the claim extractor. Each claim's evidence is its sentence; its time span points at the words.

#include <dateline/document.h>
#include <dateline/error.h>
#include <dateline/extraction.h>
#include <dateline/fact.h>
#include <dateline/store.h>

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace engine_test {

using namespace dateline;

class Article {
 public:
  Article(std::string outlet, std::string published, std::string url = {}) {
    x_.document.source = std::move(outlet);
    x_.document.url = std::move(url);
    if (!published.empty()) {
      x_.document.published = parse_time_value(published);
      x_.document.published_source = PublishedSource::Stated;
    }
  }

  // Starts a sentence; the claims that follow are read from it.
  Article& sentence(const std::string& text) {
    if (!x_.document.text.empty()) x_.document.text += ' ';
    const auto begin = static_cast<std::uint32_t>(x_.document.text.size());
    x_.document.text += text;
    sentence_ = Span{begin, static_cast<std::uint32_t>(x_.document.text.size())};
    x_.document.sentences.push_back(sentence_);
    if (x_.document.title.empty()) x_.document.title = text;
    return *this;
  }

  Article& claim(const std::string& predicate, const std::string& topic = {},
                 ClaimStatus status = ClaimStatus::Occurred) {
    Claim c;
    c.id = std::to_string(x_.claims.size() + 1);
    c.predicate = predicate;
    c.topic = topic;
    c.status = status;
    c.confidence = 0.9;
    c.evidence.span = sentence_;
    c.evidence.quote = std::string(sentence_.slice(x_.document.text));
    x_.claims.push_back(std::move(c));
    return *this;
  }

  // The claim's time: `words` as they appear in the sentence, `value` its TIMEX3 value.
  Article& time(const std::string& words, const std::string& value) {
    Timex t;
    const std::string_view s = sentence_.slice(x_.document.text);
    const auto at = s.find(words);
    const auto begin = sentence_.begin + static_cast<std::uint32_t>(at == std::string_view::npos ? 0 : at);
    t.span = Span{begin, begin + static_cast<std::uint32_t>(at == std::string_view::npos ? 0 : words.size())};
    t.value = parse_time_value(value);
    last().time = t;
    return *this;
  }

  Article& entity(const std::string& name, EntityKind kind = EntityKind::Other, const std::string& role = {}) {
    last().entities.push_back(ClaimEntity{name, kind, role});
    EntityMention m;
    m.name = name;
    m.kind = kind;
    m.span = sentence_;
    x_.entities.push_back(m);
    return *this;
  }

  // A further mention of an entity in the current sentence, as the entity tagger would find it.
  Article& mention(const std::string& name, EntityKind kind = EntityKind::Other) {
    EntityMention m;
    m.name = name;
    m.kind = kind;
    m.span = sentence_;
    x_.entities.push_back(m);
    return *this;
  }

  Article& amount(const std::string& words, double value, const std::string& unit, bool approximate = false) {
    Amount a;
    const std::string_view s = sentence_.slice(x_.document.text);
    const auto at = s.find(words);
    a.span.begin = sentence_.begin + static_cast<std::uint32_t>(at == std::string_view::npos ? 0 : at);
    a.span.end = a.span.begin + static_cast<std::uint32_t>(at == std::string_view::npos ? 0 : words.size());
    a.value = value;
    a.unit = unit;
    a.approximate = approximate;
    last().amount = a;
    return *this;
  }

  Article& also(const std::string& predicate) {
    last().also.push_back(predicate);
    return *this;
  }

  Article& attribution(const std::string& who) {
    last().attribution = who;
    return *this;
  }

  // The extraction, with the document id the readers give (a hash of outlet and text).
  Extraction build() const {
    Extraction x = x_;
    x.document.id = document_id(x.document.source, x.document.text);
    for (auto& c : x.claims) {
      c.doc = x.document.id;
      c.evidence.doc = x.document.id;
    }
    return x;
  }

 private:
  Claim& last() { return x_.claims.back(); }
  Extraction x_;
  Span sentence_;
};

// A store in a fresh temporary file, removed (with its WAL files) afterwards.
class TempStore {
 public:
  TempStore() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("dateline-engine-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".db");
    remove();
    store_ = std::make_unique<Store>(path_.string());
  }
  ~TempStore() {
    store_.reset();
    remove();
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  Store& operator*() { return *store_; }
  Store* operator->() { return store_.get(); }
  std::string path() const { return path_.string(); }
  void reopen() {
    store_.reset();
    store_ = std::make_unique<Store>(path_.string());
  }

 private:
  void remove() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix, ec);
  }
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
};

inline std::vector<std::string> outlets_of(const FactValue& v) {
  std::vector<std::string> out;
  for (const auto& s : v.sources) out.push_back(s.outlet);
  return out;
}

inline std::vector<std::string> history_values(const Fact& f) {
  std::vector<std::string> out;
  for (const auto& v : f.history) out.push_back(v.time ? v.time->value : "undated");
  return out;
}

inline const Fact* fact_with_predicate(const std::vector<Fact>& facts, const std::string& predicate) {
  for (const auto& f : facts) {
    if (f.predicate == predicate) return &f;
  }
  return nullptr;
}

// A report of the Lumio divestment deadline: `words` as the text gives the date, `value` its
// TIMEX3 value. Revision and migration tests move it from report to report.
inline Extraction deadline_report(const char* outlet, const char* published, const char* words, const char* value) {
  return Article(outlet, published)
      .sentence(fmt::format("Lumio must sell its app to a domestic owner by {} or be banned.", words))
      .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
      .time(words, value)
      .entity("Lumio", EntityKind::Org, "agent")
      .build();
}

}  // namespace engine_test
