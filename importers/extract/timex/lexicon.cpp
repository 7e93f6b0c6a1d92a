#include "timex/lexicon.h"

#include "tsv_rows.h"

#include <dateline/time_value.h>

#include <algorithm>
#include <stdexcept>
#include <fmt/format.h>
#include <utility>

namespace dateline::timex {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

// The key of any string, lower-casing A-Z only (the tokenizer's own keys come from words of
// letters and apostrophes, where OR-ing 0x20 into every byte does the same).
Lexicon::Key key_of(std::string_view word) {
  Lexicon::Key key;
  const std::size_t n = std::min(word.size(), Lexicon::kKeyBytes);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t byte = static_cast<unsigned char>(lower(word[i]));
    if (i < 8) {
      key.lo |= byte << (8 * i);
    } else {
      key.hi |= byte << (8 * (i - 8));
    }
  }
  return key;
}

struct ClassName {
  std::string_view name;
  TokenClass cls;
};

constexpr ClassName kClassNames[] = {
    {"MONTH", TokenClass::Month},       {"WEEKDAY", TokenClass::Weekday},     {"NUMWORD", TokenClass::NumWord},
    {"ORDWORD", TokenClass::OrdWord},   {"UNIT", TokenClass::Unit},           {"SEASON", TokenClass::Season},
    {"PARTOFDAY", TokenClass::PartOfDay}, {"DIR", TokenClass::Direction},    {"POS", TokenClass::Position},
    {"DAYREL", TokenClass::DayRel},     {"REF", TokenClass::Ref},             {"VAGUE", TokenClass::Vague},
    {"APPROX", TokenClass::Approx},     {"SETWORD", TokenClass::SetWord},     {"EVERY", TokenClass::Every},
    {"MONTHCUE", TokenClass::MonthCue}, {"FUTURE", TokenClass::FutureCue},    {"PAST", TokenClass::PastCue},
    {"ZONE", TokenClass::Zone},         {"FRACTION", TokenClass::Fraction}, {"MASTHEAD", TokenClass::Masthead}, {"NOTENSE", TokenClass::NoTense},
    {"DETERMINER", TokenClass::Determiner},   {"NUM", TokenClass::Num},
    {"DAYNUM", TokenClass::DayNum},     {"MONTHNUM", TokenClass::MonthNum},   {"YEAR4", TokenClass::Year4},
    {"YEAR2", TokenClass::Year2},       {"HOUR", TokenClass::Hour},           {"MINUTE", TokenClass::Minute},
    {"ORDNUM", TokenClass::OrdNum},     {"DECADENUM", TokenClass::DecadeNum},
};

// Symbolic values in the lexicon: units, parts of day, seasons, references, mods.
struct Symbol {
  std::string_view name;
  int value;
};

constexpr Symbol kSymbols[] = {
    {"SECOND", static_cast<int>(Unit::Second)},   {"MINUTE", static_cast<int>(Unit::Minute)},
    {"HOUR", static_cast<int>(Unit::Hour)},       {"DAY", static_cast<int>(Unit::Day)},
    {"WEEK", static_cast<int>(Unit::Week)},       {"WEEKEND", static_cast<int>(Unit::Weekend)},
    {"FORTNIGHT", static_cast<int>(Unit::Fortnight)}, {"MONTH", static_cast<int>(Unit::Month)},
    {"QUARTER", static_cast<int>(Unit::Quarter)}, {"HALF", static_cast<int>(Unit::Half)},
    {"SEASON", static_cast<int>(Unit::Season)},   {"YEAR", static_cast<int>(Unit::Year)},
    {"DECADE", static_cast<int>(Unit::Decade)},   {"CENTURY", static_cast<int>(Unit::Century)},
    {"MILLENNIUM", static_cast<int>(Unit::Millennium)},
    {"MO", 1}, {"AF", 2}, {"EV", 3}, {"NI", 4}, {"DT", 5},
    {"SP", 1}, {"SU", 2}, {"FA", 3}, {"WI", 4},
    {"PAST_REF", 1}, {"PRESENT_REF", 2}, {"FUTURE_REF", 3},
};

int parse_value(std::string_view text, std::size_t line) {
  if (text.empty()) return 0;
  for (const auto& s : kSymbols) {
    if (s.name == text) return s.value;
  }
  if (auto mod = mod_from_string(text)) return static_cast<int>(*mod);
  int sign = 1;
  std::size_t i = 0;
  if (text[0] == '-') sign = -1, i = 1;
  if (i < text.size() && text[i] == '+') i = 1;
  int v = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      throw std::logic_error(fmt::format("timex_lexicon.tsv line {}: bad value '{}'", line, text));
    }
    v = v * 10 + (text[i] - '0');
  }
  return sign * v;
}

}  // namespace

TokenClass class_from_name(std::string_view name) {
  for (const auto& c : kClassNames) {
    if (c.name == name) return c.cls;
  }
  return TokenClass::Count;
}

Lexicon::Lexicon() { rehash(); }

const LexEntry* Lexicon::find(std::string_view word) const { return find_key(key_of(word), word); }

bool Lexicon::same_tail(std::string_view word, const LexEntry& entry) const {
  const std::string& e = entry.word;
  for (std::size_t i = kKeyBytes; i < word.size(); ++i) {
    if (lower(word[i]) != e[i]) return false;
  }
  return true;
}

LexEntry& Lexicon::add(std::string_view word) {
  if (const LexEntry* existing = find(word)) return const_cast<LexEntry&>(*existing);
  auto entry = std::make_unique<LexEntry>();
  entry->word.reserve(word.size());
  for (char c : word) entry->word.push_back(lower(c));
  entry->id = static_cast<std::uint32_t>(entries_.size());
  if (word.size() == 1 && static_cast<unsigned char>(word[0]) < 128) {
    by_char_[static_cast<unsigned char>(lower(word[0]))] = entry.get();
    by_char_[static_cast<unsigned char>(word[0])] = entry.get();
  }
  max_size_ = std::max(max_size_, word.size());
  if (!word.empty()) {
    const auto fold = [](char c) { return static_cast<unsigned char>(c | 0x20); };
    const std::size_t index = filter_index(word.size(), fold(word.front()), fold(word.back()));
    filter_[index >> 6] |= std::uint64_t{1} << (index & 63);
  }
  entries_.push_back(std::move(entry));
  if (entries_.size() * 5 > slots_.size() * 2) {
    rehash();
  } else {
    insert_slot(entries_.size() - 1);
  }
  return *entries_.back();
}

const LexEntry& Lexicon::intern(std::string_view word) { return add(word); }

void Lexicon::insert_slot(std::size_t index) {
  const std::string& word = entries_[index]->word;
  const Key key = key_of(word);
  std::size_t i = slot_of(key, word.size());
  while (slots_[i].size != 0) i = (i + 1) & mask_;
  const LexEntry& e = *entries_[index];
  slots_[i] = Slot{key.lo, e.classes, static_cast<std::uint16_t>(word.size()), e.starts_pattern};
  slot_key_hi_[i] = key.hi;
  slot_entries_[i] = &e;
}

void Lexicon::sync_slots() {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].size == 0) continue;
    slots_[i].classes = slot_entries_[i]->classes;
    slots_[i].starts_pattern = slot_entries_[i]->starts_pattern;
  }
}

void Lexicon::rehash() {
  std::size_t size = 64;
  unsigned bits = 6;
  while (size * 2 < entries_.size() * 5) size *= 2, ++bits;
  slots_.assign(size, Slot{});
  slot_key_hi_.assign(size, 0);
  slot_entries_.assign(size, nullptr);
  mask_ = size - 1;
  shift_ = 64 - bits;
  for (std::size_t k = 0; k < entries_.size(); ++k) insert_slot(k);
}

void Lexicon::load(std::string_view tsv) {
  data::for_each_tsv_row(tsv, "timex_lexicon.tsv", [&](const data::TsvRow& row) {
    if (row.size < 2) throw data::bad_tsv_row("timex_lexicon.tsv", row, "expected word<TAB>classes");
    const std::size_t line_no = row.line;
    std::string_view word = row[0];
    std::string_view classes = row[1];
    std::string_view flags = row[2];
    LexEntry& e = add(word);
    while (!classes.empty()) {
      std::size_t comma = classes.find(',');
      std::string_view item = classes.substr(0, comma);
      classes = comma == std::string_view::npos ? std::string_view() : classes.substr(comma + 1);
      std::size_t eq = item.find('=');
      std::string_view name = item.substr(0, eq);
      TokenClass cls = class_from_name(name);
      if (cls == TokenClass::Count) {
        throw std::logic_error(fmt::format("timex_lexicon.tsv line {}: unknown class '{}'", line_no, name));
      }
      e.classes |= bit(cls);
      if (eq != std::string_view::npos) {
        e.values[static_cast<std::size_t>(cls)] = static_cast<std::int16_t>(parse_value(item.substr(eq + 1), line_no));
      }
    }
    if (flags.find("ambiguous") != std::string_view::npos) e.ambiguous = true;
    if (flags.find("plural") != std::string_view::npos) e.plural = true;
  });
}

}  // namespace dateline::timex
