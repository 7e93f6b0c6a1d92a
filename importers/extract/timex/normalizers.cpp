// Normalizers: the functions the pattern table names, one per family of expressions.
// Each reads its match through token classes and lexicon values, never through raw text,
// and fills a TIMEX3 value at exactly the granularity the text gives.

#include "timex/normalizers.h"

#include <dateline/error.h>

#include "timex/calendar.h"
#include "timex/generic_nouns.h"
#include "timex/holidays.h"

#include <array>
#include <cstdlib>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>

namespace dateline::timex {
namespace {

using boost::gregorian::date_duration;

constexpr std::array<std::string_view, 6> kPartOfDay = {"", "MO", "AF", "EV", "NI", "DT"};
constexpr std::array<std::string_view, 5> kSeason = {"", "SP", "SU", "FA", "WI"};
constexpr std::array<int, 5> kSeasonFirstMonth = {0, 3, 6, 9, 12};
constexpr std::array<std::string_view, 4> kRef = {"", "PAST_REF", "PRESENT_REF", "FUTURE_REF"};

bool is_literal(const Token& t, std::string_view word) { return t.lex && t.lex->word == word; }

// The token's text is `word` (lower case), for words the lexicon need not hold ("over").
bool text_is(const Context& ctx, const Token& t, std::string_view word) {
  if (t.end - t.begin != word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if ((ctx.text[t.begin + k] | 0x20) != word[k]) return false;
  }
  return true;
}

std::string_view part_code(const Token* part);

int lexv(const Token* t, TokenClass c) { return t && t->lex ? t->lex->value(c) : 0; }

// The TIMEX3 code of a part of the day ("MO" for "morning").
std::string_view part_code(const Token* part) {
  return kPartOfDay[static_cast<std::size_t>(part && part->lex ? part->lex->value(TokenClass::PartOfDay) : 0)];
}

Unit unit_of(const Token* t) { return static_cast<Unit>(lexv(t, TokenClass::Unit)); }

bool bounded(Date d) { return d.year() >= 1400 && d.year() <= 9999; }

std::optional<Date> make_date(int y, int m, int d) {
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                 static_cast<unsigned short>(m))) {
    return std::nullopt;
  }
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

// The day of the month a match gives: a plain number, "17th" or "seventeenth".
int day_of(const Match& m) {
  if (const Token* t = m.by_class(TokenClass::DayNum)) return t->number;
  if (const Token* t = m.by_class(TokenClass::OrdNum)) return t->number;
  if (const Token* t = m.by_class(TokenClass::OrdWord)) return lexv(t, TokenClass::OrdWord);
  return 0;
}

// An amount written in digits, words ("twenty-five", "a", "one hundred") or vaguely ("several").
struct Amount {
  int value = 0;  // 0 when vague
  bool vague = false;
  bool found = false;
};

Amount amount_of(const Match& m) {
  Amount a;
  int total = 0;
  bool article = false;
  for (std::size_t i = m.first; i < m.last; ++i) {
    const Token& t = m.token(i);
    if (t.kind == TokenKind::Number && t.is(TokenClass::Num)) {
      total += t.number;
      a.found = true;
    } else if (t.is(TokenClass::NumWord)) {
      int v = lexv(&t, TokenClass::NumWord);
      total = (v == 100 || v == 1000) ? (total == 0 ? v : total * v) : total + v;
      a.found = true;
    } else if (t.is(TokenClass::Vague) && !a.found) {
      a.vague = true;
      a.found = true;
      if (lexv(&t, TokenClass::Vague) == 2) {  // "a couple of"
        a.vague = false;
        total = 2;
      }
    } else if (t.lex && (t.lex->word == "a" || t.lex->word == "an") && !a.found) {
      article = true;  // "a year" is one; "a five-year" is five; "a few" is vague
    }
  }
  if (!a.found && article) {
    total = 1;
    a.found = true;
  }
  a.value = total;
  if (a.vague) a.value = 0;
  return a;
}

// The TIMEX3 duration of n units: "P3M", "PT2H", "P10Y" for a decade.
std::string duration_value(Amount amount, Unit unit) {
  std::string n = amount.vague ? "X" : std::to_string(amount.value);
  auto scaled = [&](int factor, std::string_view letter, std::string_view vague_letter) {
    if (amount.vague) return fmt::format("PX{}", vague_letter);
    return fmt::format("P{}{}", amount.value * factor, letter);
  };
  switch (unit) {
    case Unit::Second: return fmt::format("PT{}S", n);
    case Unit::Minute: return fmt::format("PT{}M", n);
    case Unit::Hour: return fmt::format("PT{}H", n);
    case Unit::Day: return fmt::format("P{}D", n);
    case Unit::Week: return fmt::format("P{}W", n);
    case Unit::Weekend: return fmt::format("P{}WE", n);
    case Unit::Fortnight: return scaled(2, "W", "W");
    case Unit::Month: return fmt::format("P{}M", n);
    case Unit::Quarter: return fmt::format("P{}Q", n);
    case Unit::Half: return scaled(6, "M", "M");
    case Unit::Season: return scaled(3, "M", "M");
    case Unit::Year: return fmt::format("P{}Y", n);
    case Unit::Decade: return scaled(10, "Y", "E");
    case Unit::Century: return scaled(100, "Y", "C");
    case Unit::Millennium: return scaled(1000, "Y", "L");
    default: return {};
  }
}

// "half an hour" (n = 0) and "two and a half years": the half in the next smaller unit, as
// TIMEX3 writes it ("PT30M", "P2Y6M").
std::string half_duration_value(Amount amount, Unit unit) {
  if (amount.vague) return {};
  int n = amount.found && !(amount.value == 1 && false) ? amount.value : 0;
  switch (unit) {
    case Unit::Year: return n ? fmt::format("P{}Y6M", n) : "P6M";
    case Unit::Month: return n ? fmt::format("P{}M15D", n) : "P15D";
    case Unit::Week: return fmt::format("P{}DT12H", n * 7 + 3);
    case Unit::Day: return n ? fmt::format("P{}DT12H", n) : "PT12H";
    case Unit::Hour: return n ? fmt::format("PT{}H30M", n) : "PT30M";
    case Unit::Minute: return n ? fmt::format("PT{}M30S", n) : "PT30S";
    default: return {};
  }
}

// The granularity a relative shift by `unit` is reported at ("two weeks ago" is a week).
Unit reported_unit(Unit unit) {
  switch (unit) {
    case Unit::Fortnight: return Unit::Week;
    case Unit::Hour:
    case Unit::Minute:
    case Unit::Second: return Unit::Day;
    case Unit::Season: return Unit::Quarter;
    default: return unit;
  }
}

// The year of a month (and day) given without one, from the DCT and the tense: a past-tense
// "October" written in July is last October; a future "March" is next March; otherwise the
// nearer one.
// Of the candidate dates in last year, this year and next year (`in_year` gives each, or
// nullopt), the one the tense points to: the latest not more than about three months after the
// DCT for the past tense ("the Aug. 7 blasts" written on Aug. 18), the earliest not more than
// three months before it for the future, else the nearest. The slack keeps a past-tense clause
// about a date just ahead ("said it would pay on Dec. 15") right.
template <typename InYear>
std::optional<Date> choose_year(Date dct, Tense tense, InYear in_year) {
  constexpr long kSlack = 92;
  std::optional<Date> best;
  long best_delta = 0;
  for (int cy = dct.year() - 1; cy <= dct.year() + 1; ++cy) {
    std::optional<Date> c = in_year(cy);
    if (!c) continue;
    long delta = (*c - dct).days();
    bool better = false;
    if (tense == Tense::Past) {
      better = delta <= kSlack && (!best || delta > best_delta);
    } else if (tense == Tense::Future) {
      better = delta >= -kSlack && (!best || delta < best_delta);
    } else {
      better = !best || std::labs(delta) < std::labs(best_delta);
    }
    if (better) {
      best = c;
      best_delta = delta;
    }
  }
  return best;
}

int infer_year(Date dct, int month, int day, Tense tense) {
  int y = dct.year();
  if (day) {
    std::optional<Date> best = choose_year(dct, tense, [&](int cy) { return make_date(cy, month, day); });
    return best ? static_cast<int>(best->year()) : y;
  }
  // A month: past-tense months more than two months ahead are last year's ("In October the
  // company reported", written in July); future-tense months already gone are next year's.
  if (tense == Tense::Past) return month > static_cast<int>(dct.month()) + 2 ? y - 1 : y;
  if (tense == Tense::Future) return month < static_cast<int>(dct.month()) ? y + 1 : y;
  int diff = month - static_cast<int>(dct.month());
  if (diff > 6) return y - 1;
  if (diff < -6) return y + 1;
  return y;
}


// ---- absolute dates ---------------------------------------------------------------------

bool month_day_year(const Match& m, Context&, Normalized& out) {
  const Token* month = m.by_class(TokenClass::Month);
  const Token* year = m.by_class(TokenClass::Year4);
  int day = day_of(m);
  if (!month || !year || !day) return false;
  if (!make_date(year->number, lexv(month, TokenClass::Month), day)) return false;
  out.value = fmt::format("{:04}-{:02}-{:02}", year->number, lexv(month, TokenClass::Month), day);
  return true;
}

std::optional<int> sentence_year(const Context& ctx, std::size_t first);
Tense until_tense(const Context& ctx, std::size_t first);

// "until March", "through Jan. 31": the word right before a month names the end of a wait
// (MONTHCUE=2 or 3 in the lexicon). A month has no clock before it, so only that word is
// looked at; most months ("in March") need no further look.
bool ends_wait_before(const Context& ctx, std::size_t first) {
  return first > 0 && lexv(&(*ctx.tokens)[first - 1], TokenClass::MonthCue) >= 2;
}

bool month_day(const Match& m, Context& ctx, Normalized& out) {
  const Token* month = m.by_class(TokenClass::Month);
  int day = day_of(m);
  if (!month || !day) return false;
  int mon = lexv(month, TokenClass::Month);
  if (day > 31 || (mon == 2 && day > 29)) return false;
  if (month->lex->ambiguous && !month->capitalized) return false;
  if (!ctx.dct) {
    out.value = fmt::format("XXXX-{:02}-{:02}", mon, day);
    return true;
  }
  // "postponed until March 3" is a deadline ahead, as for a weekday
  Tense tense = ends_wait_before(ctx, m.first) ? until_tense(ctx, m.first) : Tense::Unknown;
  if (tense == Tense::Unknown) tense = ctx.tense_around(m.first, m.last);
  // "last Oct. 23", "next March 3": the direction decides the year and stays outside the span.
  if (const Token* dir = m.by_class(TokenClass::Direction); dir && m.element(0) == dir) {
    int d = lexv(dir, TokenClass::Direction);
    tense = d < 0 ? Tense::Past : d > 0 ? Tense::Future : Tense::Unknown;
    out.trim_front = 1;
  }
  int y = infer_year(*ctx.dct, mon, day, tense);
  // "the year ended Jan. 31": a closed period ends on or before the DCT
  if (m.first > 0 && lexv(&(*ctx.tokens)[m.first - 1], TokenClass::PastCue) == 3) {
    std::optional<Date> d = make_date(y, mon, day);
    if (d && *d > *ctx.dct) --y;
  }
  out.anchoring = Anchoring::Dct;
  if (std::optional<int> narrative = sentence_year(ctx, m.first); narrative && tense != Tense::Future) {
    y = *narrative;
    out.anchoring = Anchoring::Previous;
  }
  if (!make_date(y, mon, day)) return false;
  out.value = fmt::format("{:04}-{:02}-{:02}", y, mon, day);
  return true;
}

bool followed_by_name(const Match& m, const Context& ctx);

// "Thanksgiving", "Christmas Eve", "last Christmas", "Easter 2024", "New Year's Day": the
// date from the holiday table, in the year the text or the tense gives.
bool holiday(const Match& m, Context& ctx, Normalized& out) {
  std::string key;
  const Token* first_word = nullptr;
  const Token* dir = nullptr;
  const Token* year = nullptr;
  bool week = false;
  for (std::size_t i = m.first; i < m.last; ++i) {
    const Token& t = m.token(i);
    std::string_view word = ctx.text.substr(t.begin, t.end - t.begin);
    if (i == m.first && t.is(TokenClass::Direction)) {
      dir = &t;
    } else if (t.kind == TokenKind::Number && t.is(TokenClass::Year4)) {
      year = &t;
    } else if (t.kind == TokenKind::Punct) {
      if (word == "'" || word == "\u2019") key += '\'';
    } else if (is_literal(t, "the") || word == "Jr" || word == "jr") {
      continue;
    } else if (t.is(TokenClass::Unit) && unit_of(&t) == Unit::Week && !t.lex->plural) {
      week = true;  // "Easter week", "Christmas week": the week the holiday falls in
    } else {
      if (!first_word) first_word = &t;
      if (!(word == "s" && !key.empty() && key.back() == '\'') && !key.empty()) key += ' ';
      for (char c : word) key += static_cast<char>((c >= 'A' && c <= 'Z') ? (c | 0x20) : c);
    }
  }
  const Holidays& holidays = Holidays::instance();
  if (!first_word || !first_word->capitalized || !holidays.known(key)) return false;
  if (followed_by_name(m, ctx)) return false;  // "Easter Island", "Christmas Carol"
  auto in_year = [&](int y) { return holidays.date_in(key, y); };
  std::optional<Date> d;
  if (year) {
    d = in_year(year->number);
  } else if (!ctx.dct) {
    return false;
  } else if (dir) {
    int direction = lexv(dir, TokenClass::Direction);
    if (direction == 0) {
      d = in_year(ctx.dct->year());
    } else {
      // "last Christmas": the latest one before the DCT; "next Easter": the first one after.
      for (int y = ctx.dct->year() - 1; y <= ctx.dct->year() + 1; ++y) {
        std::optional<Date> c = in_year(y);
        if (!c) continue;
        if (direction < 0 && *c < *ctx.dct) d = c;
        if (direction > 0 && *c > *ctx.dct && !d) d = c;
      }
    }
    out.anchoring = Anchoring::Dct;
  } else {
    d = choose_year(*ctx.dct, ctx.tense_around(m.first, m.last), in_year);
    out.anchoring = Anchoring::Dct;
  }
  if (!d) return false;
  out.value = week ? period_value(*d, Unit::Week) : iso_string(*d);
  return true;
}

// "the week of March 6": the ISO week holding that day.
bool week_of(const Match& m, Context& ctx, Normalized& out) {
  Normalized day;
  if (!month_day(m, ctx, day)) {
    if (!month_day_year(m, ctx, day)) return false;
  }
  std::optional<Date> d;
  try {
    d = parse_time_value(day.value, TimexType::Date).earliest;
  } catch (const ValueError&) {
  }
  if (!d) return false;  // no year to place the week in ("XXXX-03-06" without a DCT)
  out.value = period_value(*d, Unit::Week);
  out.anchoring = day.anchoring;
  return true;
}

bool month_year(const Match& m, Context&, Normalized& out) {
  const Token* month = m.by_class(TokenClass::Month);
  const Token* year = m.by_class(TokenClass::Year4);
  if (!month || !year) return false;
  if (month->lex->ambiguous && !month->capitalized) return false;
  out.value = fmt::format("{:04}-{:02}", year->number, lexv(month, TokenClass::Month));
  return true;
}

// "June Almeida", "Wednesday Addams", "Spring Street": a capitalized word the lexicon does
// not know right after the expression makes it part of a name.
bool followed_by_name(const Match& m, const Context& ctx) {
  const auto& toks = *ctx.tokens;
  if (m.last >= toks.size() || m.token(m.last - 1).kind != TokenKind::Word) return false;  // "in September. Meanwhile"
  const Token& next = toks[m.last];
  return next.kind == TokenKind::Word && next.capitalized && !next.all_caps && next.lex == nullptr && next.space_before;
}

// "In 2019, the plant closed in March": a year that opens the sentence as its frame, before the
// DCT's year, is the year of a month or day given without one (narrative news style). A year
// elsewhere in the sentence often belongs to a noun phrase ("a program approved in 1987 ...
// through Sept. 29") and is not used.
std::optional<int> sentence_year(const Context& ctx, std::size_t first) {
  const auto& toks = *ctx.tokens;
  std::size_t start = first;
  for (std::size_t steps = 0; start > 0 && steps < 40 && !toks[start].sentence_start; ++steps) --start;
  if (!toks[start].sentence_start || start + 1 >= first) return std::nullopt;
  const Token& cue = toks[start];
  const Token& year = toks[start + 1];
  if (!cue.is(TokenClass::MonthCue) || year.kind != TokenKind::Number || !year.is(TokenClass::Year4)) return std::nullopt;
  if (!ctx.dct || year.number >= ctx.dct->year() || year.number <= ctx.dct->year() - 200) return std::nullopt;
  return year.number;
}

bool previous_is(const Context& ctx, std::size_t first, TokenClass c) {
  return first > 0 && (*ctx.tokens)[first - 1].is(c);
}

// A month name alone: "in October". Names that are also common words ("May", "March") need a
// capital and a cue before them ("in May", "since March").
bool month_alone(const Match& m, Context& ctx, Normalized& out) {
  const Token* month = m.by_class(TokenClass::Month);
  if (!month) return false;
  if (!month->capitalized) return false;
  if (month->lex->ambiguous && !previous_is(ctx, m.first, TokenClass::MonthCue)) return false;
  if (followed_by_name(m, ctx)) return false;  // "April Ryan", "June Almeida"
  int mon = lexv(month, TokenClass::Month);
  if (!ctx.dct) {
    out.value = fmt::format("XXXX-{:02}", mon);
    return true;
  }
  Tense tense = ends_wait_before(ctx, m.first) ? until_tense(ctx, m.first) : Tense::Unknown;
  if (tense == Tense::Unknown) tense = ctx.tense_around(m.first, m.last);
  int y = infer_year(*ctx.dct, mon, 0, tense);
  out.anchoring = Anchoring::Dct;
  if (std::optional<int> narrative = sentence_year(ctx, m.first); narrative && tense != Tense::Future) {
    y = *narrative;
    out.anchoring = Anchoring::Previous;
  }
  out.value = fmt::format("{:04}-{:02}", y, mon);
  return true;
}

// A direction and a month: "last March", "next January", "this May".
bool month_relative(const Match& m, Context& ctx, Normalized& out) {
  const Token* month = m.by_class(TokenClass::Month);
  const Token* dir = m.by_class(TokenClass::Direction);
  if (!month || !dir || !ctx.dct) return false;
  if (month->lex->ambiguous && !month->capitalized) return false;  // "at this march", "last may"
  int mon = lexv(month, TokenClass::Month);
  int d = lexv(dir, TokenClass::Direction);
  int y = ctx.dct->year();
  int here = ctx.dct->month();
  if (d < 0) y = mon >= here ? y - 1 : y;
  if (d > 0) y = mon <= here ? y + 1 : y;
  out.value = fmt::format("{:04}-{:02}", y, mon);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "May this year", "June last year", "January next year".
bool month_dir_year(const Match& m, Context& ctx, Normalized& out) {
  const Token* month = m.by_class(TokenClass::Month);
  const Token* dir = m.by_class(TokenClass::Direction);
  if (!month || !dir || !ctx.dct) return false;
  if (month->lex->ambiguous && !month->capitalized) return false;
  out.value = fmt::format("{:04}-{:02}", ctx.dct->year() + lexv(dir, TokenClass::Direction), lexv(month, TokenClass::Month));
  out.anchoring = Anchoring::Dct;
  return true;
}

// A year alone: "in 1979". Amounts and codes that look like years are kept out: "$2025",
// "2025%", "555-2025", "v2.2025".
bool year_alone(const Match& m, Context& ctx, Normalized& out) {
  const Token* year = m.by_class(TokenClass::Year4);
  if (!year) return false;
  const auto& toks = *ctx.tokens;
  std::size_t i = m.first;
  auto punct_is = [&](const Token& t, std::string_view chars) {
    return t.kind == TokenKind::Punct && t.end - t.begin == 1 && chars.find(ctx.text[t.begin]) != std::string_view::npos;
  };
  if (i > 0) {
    const Token& prev = toks[i - 1];
    if (!year->space_before && punct_is(prev, "-./:") && i > 1 && toks[i - 2].kind == TokenKind::Number) return false;
    if (punct_is(prev, "$#+") || (prev.kind == TokenKind::Punct && !year->space_before && prev.end - prev.begin > 1)) {
      return false;  // "$2025", "€2025", "#2025"
    }
    if (prev.lex && (prev.lex->word == "no" || prev.lex->word == "number")) return false;
    // "Flight 2025", "Windows 2000": a number in a name.
    if (prev.kind == TokenKind::Word && prev.capitalized && !prev.lex) return false;
    if (prev.kind == TokenKind::Number) return false;  // "10 2025" is a count
  }
  if (m.last < toks.size()) {
    const Token& next = toks[m.last];
    if (punct_is(next, "%")) return false;
    if (!next.space_before && punct_is(next, "-./:") && m.last + 1 < toks.size() &&
        toks[m.last + 1].kind == TokenKind::Number && !toks[m.last + 1].space_before) {
      return false;
    }
  }
  bool cue = previous_is(ctx, m.first, TokenClass::MonthCue);
  if (year->number < 1900 && !cue) return false;
  if (year->number > 2100) return false;
  out.value = fmt::format("{:04}", year->number);
  return true;
}

bool iso_date(const Match& m, Context&, Normalized& out) {
  const Token* y = m.element(0);
  const Token* mo = m.element(2);
  const Token* d = m.element(4);
  if (!y || !mo || !d || mo->digits != 2 || d->digits != 2) return false;
  if (!make_date(y->number, mo->number, d->number)) return false;
  out.value = fmt::format("{:04}-{:02}-{:02}", y->number, mo->number, d->number);
  return true;
}

// "9/17/2025", "9/17/25" (US order: news in English writes month first).
bool numeric_mdy(const Match& m, Context&, Normalized& out) {
  const Token* mo = m.element(0);
  const Token* d = m.element(2);
  const Token* y = m.element(4);
  if (!mo || !d || !y) return false;
  int year = y->number;
  if (y->digits == 2) year += year < 50 ? 2000 : 1900;
  else if (y->digits != 4) return false;
  if (!make_date(year, mo->number, d->number)) return false;
  out.value = fmt::format("{:04}-{:02}-{:02}", year, mo->number, d->number);
  return true;
}

// "9/17" with no year: only when the DCT gives one.
bool numeric_md(const Match& m, Context& ctx, Normalized& out) {
  const Token* mo = m.element(0);
  const Token* d = m.element(2);
  if (!mo || !d || !ctx.dct) return false;
  const auto& toks = *ctx.tokens;
  // "24/7", "9/11" as names, fractions like "1/2": demand a cue word before
  if (!previous_is(ctx, m.first, TokenClass::MonthCue)) return false;
  if (m.last < toks.size() && !toks[m.last].space_before && toks[m.last].kind == TokenKind::Punct) return false;
  int y = infer_year(*ctx.dct, mo->number, d->number, ctx.tense_around(m.first, m.last));
  if (!make_date(y, mo->number, d->number)) return false;
  out.value = fmt::format("{:04}-{:02}-{:02}", y, mo->number, d->number);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "the 1990s", "the '90s", "the 2020s".
bool decade(const Match& m, Context& ctx, Normalized& out) {
  const Token* t = m.by_class(TokenClass::DecadeNum);
  if (!t) return false;
  // "1990s", "'90s", or in words, "the nineties" (the lexicon gives the two digits)
  const bool word = t->kind == TokenKind::Word;
  int v = word ? lexv(t, TokenClass::DecadeNum) : t->number;
  if (t->digits == 2 || word) {
    // "in his 30s", "in her early 40s": a person's age, not a decade.
    const auto& toks = *ctx.tokens;
    std::size_t before = m.first;
    if (before > 0 && toks[before - 1].is(TokenClass::Position)) --before;
    if (before > 0 && lexv(&toks[before - 1], TokenClass::Determiner) == 2) return false;
    int century = ctx.dct ? ctx.dct->year() / 100 : 19;
    int this_decade = ctx.dct ? ctx.dct->year() % 100 : 99;
    v = (v <= this_decade ? century : century - 1) * 100 + v;
  }
  if (v < 1000 || v > 2190) return false;
  out.value = fmt::format("{:03}", v / 10);
  return true;
}

// "the 19th century" is the 1800s: TIMEX3 "18".
bool century(const Match& m, Context&, Normalized& out) {
  int n = day_of(m);
  if (n < 1 || n > 30) return false;
  out.value = fmt::format("{:02}", n - 1);
  return true;
}

int quarter_number(const Match& m) {
  int n = day_of(m);
  if (const Token* q = m.by_class(TokenClass::Num); q && !n) n = q->number;
  if (m.has_literal("last") || m.has_literal("final")) n = 4;
  return n;
}

// "the third quarter", "Q3 2025", "third-quarter", "the fourth quarter of 2024".
bool quarter(const Match& m, Context& ctx, Normalized& out) {
  int n = quarter_number(m);
  if (n < 1 || n > 4) return false;
  // "the third-quarter loss": the adjective, not the article, is the expression.
  if (is_literal(m.token(m.first), "the")) {
    for (std::size_t i = m.first + 1; i + 1 < m.last; ++i) {
      if (is_literal(m.token(i), "-") && !m.token(i).space_before) out.trim_front = 1;
    }
  }
  if (const Token* y = m.by_class(TokenClass::Year4)) {
    out.value = fmt::format("{:04}-Q{}", y->number, n);
    return true;
  }
  if (const Token* y = m.by_class(TokenClass::Year2); y && m.has_literal("'")) {
    out.value = fmt::format("{:04}-Q{}", y->number + (y->number < 50 ? 2000 : 1900), n);
    return true;
  }
  if (!ctx.dct) {
    out.value = fmt::format("XXXX-Q{}", n);
    return true;
  }
  // A quarter without a year: the one in the DCT's year unless the tense says otherwise.
  int first_month = (n - 1) * 3 + 1;
  int y = ctx.dct->year();
  int dct_quarter = (ctx.dct->month() - 1) / 3 + 1;
  Tense tense = ctx.tense_around(m.first, m.last);
  if (tense == Tense::Past && n > dct_quarter) y -= 1;
  // A quarter not yet over in a forecast ("will result in a fourth-quarter charge") is no reporting
  // period: later "the quarter", "a year ago" still refer to the one being reported.
  if (tense == Tense::Future && n >= dct_quarter) out.anchors_later = false;
  (void)first_month;  // a future-tense quarter in news is this year's ("expects third-quarter profit")
  out.value = fmt::format("{:04}-Q{}", y, n);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "the quarter-to-quarter comparison", "a year-over-year gain": a unit joined by "-to-" or
// "-over-" to another unit is an adjective comparing periods, no time of its own. Asked by
// the normalizers whose patterns end on a bare unit ("the quarter", "the year", "a year").
inline bool joined_to_unit(const Context& ctx, std::size_t last) {
  const auto& toks = *ctx.tokens;
  // a space or a word after the unit, as after most, settles it
  if (last + 3 >= toks.size() || toks[last].space_before || toks[last].kind != TokenKind::Punct) return false;
  if (!toks[last - 1].is(TokenClass::Unit)) return false;
  const bool joiner = text_is(ctx, toks[last + 1], "to") || text_is(ctx, toks[last + 1], "over");
  return joiner && text_is(ctx, toks[last], "-") && text_is(ctx, toks[last + 2], "-") &&
         toks[last + 3].is(TokenClass::Unit);
}

// "the quarter", "the latest quarter", "that quarter": the quarter last named, else the one
// the DCT's quarter follows (results are reported after a quarter ends).
bool the_quarter(const Match& m, Context& ctx, Normalized& out) {
  if (joined_to_unit(ctx, m.last)) {
    out.discard = true;
    return true;
  }
  if ((m.has_literal("current") || m.has_literal("this")) && ctx.dct) {
    out.value = period_value(*ctx.dct, Unit::Quarter);
    out.anchoring = Anchoring::Dct;
    return true;
  }
  if (const Token* y = m.by_class(TokenClass::Year4)) {
    // "the 1988 quarter": the quarter being reported, in that year; "the 1988 period" with no
    // quarter in view is the year.
    auto number = [](Date d) { return (static_cast<int>(d.month()) - 1) / 3 + 1; };
    int n = 0;
    if (ctx.previous_granularity == Granularity::Quarter && ctx.previous_start) {
      n = number(*ctx.previous_start);
    } else if (ctx.reported_quarter) {
      n = number(*ctx.reported_quarter);
    } else if (m.has_literal("quarter") && ctx.dct) {
      n = number(shift(*ctx.dct, Unit::Quarter, -1));
    }
    if (const Token* ord = m.by_class(TokenClass::OrdWord)) n = lexv(ord, TokenClass::OrdWord);
    // "the 1988 period" after "the nine months" or a year: that stretch of 1988, no quarter
    if (m.has_literal("period") && ctx.previous_granularity == Granularity::Year && !m.by_class(TokenClass::OrdWord)) {
      n = 0;
    }
    if (n == 0 && m.has_literal("period")) {
      out.value = fmt::format("{:04}", y->number);
      return true;
    }
    if (n < 1 || n > 4) return false;
    out.value = fmt::format("{:04}-Q{}", y->number, n);
    return true;
  }
  if (ctx.previous_granularity == Granularity::Quarter && ctx.previous_start) {
    out.value = period_value(*ctx.previous_start, Unit::Quarter);
    out.anchoring = Anchoring::Previous;
    return true;
  }
  if (!ctx.dct) return false;
  Tense tense = ctx.tense_around(m.first, m.last);
  out.value = period_value(tense == Tense::Future ? *ctx.dct : shift(*ctx.dct, Unit::Quarter, -1), Unit::Quarter);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "that year", "the same month": the period of the last date named.
bool that_period(const Match& m, Context& ctx, Normalized& out) {
  out.anchors_later = false;
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!unit_tok || unit_tok->lex->plural || !ctx.previous_start) return false;
  Unit unit = unit_of(unit_tok);
  if (unit != Unit::Year && unit != Unit::Month && unit != Unit::Week && unit != Unit::Quarter) return false;
  out.value = period_value(*ctx.previous_start, unit);
  out.anchoring = Anchoring::Previous;
  return !out.value.empty();
}

// Years said in words, as broadcast transcripts write them: "nineteen ninety-six", "the year
// two thousand", "January nineteen ninety-seven", "the winter of nineteen ninety-four".
bool spoken_year(const Match& m, Context&, Normalized& out) {
  int century = 0;
  int rest = 0;
  bool thousand = false;
  bool in_year = false;
  for (std::size_t i = m.first; i < m.last; ++i) {
    const Token& t = m.token(i);
    if (!t.is(TokenClass::NumWord)) continue;
    int v = lexv(&t, TokenClass::NumWord);
    if (!in_year) {
      if (v == 2 && i + 1 < m.last && is_literal(m.token(i + 1), "thousand")) {
        century = 20;
        thousand = true;
        ++i;
      } else if (v >= 10 && v <= 20) {
        century = v;
      } else {
        continue;
      }
      in_year = true;
    } else if (v == 1000) {
      continue;
    } else {
      rest += v;
    }
  }
  if (!century || rest > 99) return false;
  int year = thousand ? 2000 + rest : century * 100 + rest;
  if (!thousand && rest < 10) return false;  // "nineteen five" is not how years are said
  if (const Token* mon = m.by_class(TokenClass::Month)) {
    out.value = fmt::format("{:04}-{:02}", year, lexv(mon, TokenClass::Month));
  } else if (const Token* s = m.by_class(TokenClass::Season)) {
    out.value = fmt::format("{:04}-{}", year, kSeason[static_cast<std::size_t>(lexv(s, TokenClass::Season))]);
  } else {
    out.value = fmt::format("{:04}", year);
  }
  return true;
}

// "this year's third quarter", "next year's first quarter", "last year's quarter": a quarter of
// the year the direction names; without an ordinal, the quarter last named (results compared
// with the same quarter a year before).
bool year_possessive_quarter(const Match& m, Context& ctx, Normalized& out) {
  const Token* dir = m.by_class(TokenClass::Direction);
  if (!dir || !ctx.dct) return false;
  int y = ctx.dct->year() + lexv(dir, TokenClass::Direction);
  int n = 0;
  if (const Token* ord = m.by_class(TokenClass::OrdWord)) {
    n = lexv(ord, TokenClass::OrdWord);
  } else {
    // the quarter last named, else the one just reported (the quarter before the DCT's)
    Date q = ctx.previous_granularity == Granularity::Quarter && ctx.previous_start
                 ? *ctx.previous_start
                 : shift(*ctx.dct, Unit::Quarter, -1);
    n = (q.month() - 1) / 3 + 1;
    out.anchors_later = false;
  }
  if (n < 1 || n > 4) return false;
  out.value = fmt::format("{:04}-Q{}", y, n);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "the first half (of 2025)".
bool half(const Match& m, Context& ctx, Normalized& out) {
  int n = m.has_literal("first") ? 1 : (m.has_literal("second") || m.has_literal("last")) ? 2 : 0;
  if (n < 1 || n > 2) return false;
  // "the first two quarters of 1990" is a half; "the first two half", "the first quarters" are
  // none, and "the last two quarters" with no year named is a stretch back from now (a duration
  // pattern takes it)
  const bool quarters = m.has_literal("quarters");
  if (quarters != m.has_literal("two") || (quarters && (m.has_literal("second") || !m.has_literal("of")))) return false;
  if (const Token* y = m.by_class(TokenClass::Year4)) {
    out.value = fmt::format("{:04}-H{}", y->number, n);
    return true;
  }
  if (!ctx.dct) return false;
  int year = ctx.dct->year();
  if (m.has_literal("year")) {
    // "the first half of the year", "the second half of next year": the element before "year"
    // names it
    const Token* which = m.element(m.elements - 2);
    if (which && which->is(TokenClass::Direction)) year += lexv(which, TokenClass::Direction);
  } else if (m.has_literal("of")) {
    // "the last half of the '80s": a half of what follows, which is tagged on its own
    return false;
  }
  out.value = fmt::format("{:04}-H{}", year, n);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "summer 2025", "last winter", "this spring", "the summer".
bool season(const Match& m, Context& ctx, Normalized& out) {
  const Token* s = m.by_class(TokenClass::Season);
  if (!s) return false;
  int code = lexv(s, TokenClass::Season);
  if (s->lex->ambiguous && !m.by_class(TokenClass::Year4) && !m.by_class(TokenClass::Direction) &&
      !m.has_literal("the")) {
    return false;  // "fall" the verb
  }
  if (const Token* y = m.by_class(TokenClass::Year4)) {
    out.value = fmt::format("{:04}-{}", y->number, kSeason[code]);
    return true;
  }
  // "Spring Street", "Summer Jones": a capitalized season alone is a name.
  if (s->capitalized && !s->sentence_start && !m.by_class(TokenClass::Direction) && !m.has_literal("the")) return false;
  if (s->capitalized && followed_by_name(m, ctx)) return false;
  if (!ctx.dct) return false;
  int y = ctx.dct->year();
  int here = ctx.dct->month();
  int first = kSeasonFirstMonth[code];
  const Token* dir = m.by_class(TokenClass::Direction);
  int d = dir ? lexv(dir, TokenClass::Direction) : 0;
  if (!dir) {
    Tense tense = ctx.tense_around(m.first, m.last);
    d = tense == Tense::Past ? -1 : tense == Tense::Future ? 1 : 0;
    if (d < 0 && first <= here) d = 0;  // a past-tense "the summer" in August is this summer
    if (d > 0 && first + 2 >= here) d = 0;
  }
  if (d < 0) y = first + 2 >= here ? y - 1 : y;  // "last summer" written in July is last year's
  if (d > 0) y = first <= here ? y + 1 : y;
  if (code == 4 && here <= 2 && d == 0) y -= 1;  // January is in the winter that began in December
  out.value = fmt::format("{:04}-{}", y, kSeason[code]);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "fiscal 2026", "fiscal year 2026", "FY2026": the fiscal year as a year.
bool fiscal_year(const Match& m, Context&, Normalized& out) {
  if (const Token* y = m.by_class(TokenClass::Year4)) {
    out.value = fmt::format("{:04}", y->number);
    return true;
  }
  if (const Token* y = m.by_class(TokenClass::Year2)) {
    out.value = fmt::format("{:04}", y->number + (y->number < 50 ? 2000 : 1900));
    return true;
  }
  return false;
}

// ---- relative to the DCT ------------------------------------------------------------------

// "today's youth", "in today's world", "tomorrow's kids": "today's" or "tomorrow's" before a
// noun for people or society at large (timex_generic_nouns.tsv) means nowadays, no date;
// "today's vote", "tomorrow's meeting" stay dates.
bool generic_day(const Match& m, const Context& ctx, const Token& rel) {
  const auto& toks = *ctx.tokens;
  const std::size_t k = m.last;
  // the apostrophe first: most of these words stand alone
  if (k + 2 >= toks.size() || toks[k].kind != TokenKind::Punct || toks[k].space_before) return false;
  if (rel.lex->word != "today" && rel.lex->word != "tomorrow") return false;
  if (!(is_literal(toks[k], "'") || is_literal(toks[k], "\u2019")) || !text_is(ctx, toks[k + 1], "s")) return false;
  const Token& noun = toks[k + 2];
  return noun.kind == TokenKind::Word && is_generic_noun(ctx.text.substr(noun.begin, noun.end - noun.begin));
}

bool day_relative(const Match& m, Context& ctx, Normalized& out) {
  const Token* rel = m.by_class(TokenClass::DayRel);
  if (!rel) return false;
  int offset = lexv(rel, TokenClass::DayRel);
  const Token* part = m.by_class(TokenClass::PartOfDay);
  bool tonight = rel->lex->word == "tonight";
  if (!part && generic_day(m, ctx, *rel)) {
    out.discard = true;
    return true;
  }
  if (!ctx.dct) {
    out.value = "XXXX-XX-XX";
    return true;
  }
  Date d = *ctx.dct + date_duration(offset);
  out.anchoring = Anchoring::Dct;
  out.value = iso_string(d);
  if (tonight || part) {
    out.type = TimexType::Time;
    out.value += fmt::format("T{}", tonight ? std::string_view("NI") : part_code(part));
  }
  return true;
}

// "this morning", "last night", "Friday evening" is in weekday().
bool part_of_day(const Match& m, Context& ctx, Normalized& out) {
  const Token* part = m.by_class(TokenClass::PartOfDay);
  if (!part || part->lex->plural || !ctx.dct) return false;
  int offset = 0;
  if (const Token* dir = m.by_class(TokenClass::Direction)) {
    int d = lexv(dir, TokenClass::Direction);
    offset = d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  out.type = TimexType::Time;
  out.value = fmt::format("{}T{}", iso_string(*ctx.dct + date_duration(offset)), part_code(part));
  out.anchoring = Anchoring::Dct;
  return true;
}

// "until Tuesday", "postponed until 9 a.m. EST Tuesday", "has until Friday", "until March 3":
// a day or month that ends a wait is a deadline ahead, even after a past verb that defers
// (PAST=2 in the lexicon: "postponed", "extended"); after another past verb it looks back
// ("stayed until Tuesday"). A clock time and zone may come between. Not at the head of a
// sentence, where "Until Thursday, ..." looks back. "through" ends a wait only after a verb
// that defers ("extended the loans through January"): "rose through June" is a stretch gone
// by, and without a verb it may close a range ("from March through June"). Unknown when no
// such word governs the expression.
Tense until_tense(const Context& ctx, std::size_t first) {
  const auto& toks = *ctx.tokens;
  std::size_t until = first;
  bool through = false;
  for (std::size_t i = first, steps = 0;; ++steps) {
    if (i == 0 || steps >= 8) return Tense::Unknown;
    const Token& t = toks[--i];
    const int ends_wait = lexv(&t, TokenClass::MonthCue);  // 2: "until", "till"; 3: "through"
    through = ends_wait == 3;
    if (ends_wait >= 2) {
      if (t.sentence_start) return Tense::Unknown;
      until = i;
      break;
    }
    const bool clock_part = t.kind != TokenKind::Word || t.end - t.begin == 1 || t.is(TokenClass::Zone) ||
                            t.is(TokenClass::PartOfDay);
    if (!clock_part || t.sentence_start) return Tense::Unknown;
  }
  // Steps count words, as tense_around's do: "$90 million" is two words, not three tokens.
  constexpr std::size_t kBack = 10;
  for (std::size_t i = until, steps = 0; i > 0 && steps < kBack && !toks[i].sentence_start;) {
    --i;
    if (toks[i].kind != TokenKind::Punct) ++steps;
    Tense t = ctx.tense_cue(i);
    const bool defers = t == Tense::Past && lexv(&toks[i], TokenClass::PastCue) == 2;
    if (through && t != Tense::Unknown) return defers ? Tense::Future : Tense::Unknown;
    if (t == Tense::Past && !defers) return Tense::Past;
    if (t != Tense::Unknown) return Tense::Future;
  }
  return through ? Tense::Unknown : Tense::Future;
}

// "in the morning", "by mid-afternoon", "late evening yesterday": a part of the day that no day
// word names is on the day the story last named (in a narrative of Friday's trading, "in the
// morning" is Friday's), else on the DCT.
bool part_of_day_alone(const Match& m, Context& ctx, Normalized& out) {
  const Token* part = m.by_class(TokenClass::PartOfDay);
  if (!part || part->lex->plural || !ctx.dct) return false;
  // "the morning" only after "in" ("in the morning"): "the night of the attack", "the evening
  // news" name something else. (Matched from "the", a word patterns start at anyway: "in" as a
  // start would send the matcher to every "in the".)
  const bool article = is_literal(m.token(m.first), "the");
  if (article && (m.first == 0 || !is_literal((*ctx.tokens)[m.first - 1], "in"))) return false;
  Date day = *ctx.dct;
  out.anchoring = Anchoring::Dct;
  if (const Token* rel = m.by_class(TokenClass::DayRel)) {
    day = *ctx.dct + date_duration(lexv(rel, TokenClass::DayRel));
  } else if (ctx.previous && ctx.previous_granularity == Granularity::Day) {
    day = *ctx.previous;
    out.anchoring = Anchoring::Previous;
  }
  if (const Token* pos = m.by_class(TokenClass::Position)) out.mod = static_cast<Mod>(lexv(pos, TokenClass::Position));
  out.type = TimexType::Time;
  out.value = fmt::format("{}T{}", iso_string(day), part_code(part));
  return true;
}

// What makes a weekday a set: a part of the day in the plural after it ("Tuesday nights"),
// or after the weekday it is listed with ("Monday and Tuesday nights", "Monday and
// Tuesdays"). Returns that token (the plural part, or the plural weekday), else nullptr.
const Token* weekly_part(const Match& m, const Context& ctx, const Token* part) {
  if (part) return part->lex->plural ? part : nullptr;
  const auto& toks = *ctx.tokens;
  const std::size_t k = m.last;
  if (k + 1 >= toks.size() || !(text_is(ctx, toks[k], "and") || text_is(ctx, toks[k], "or"))) return nullptr;
  const Token& other = toks[k + 1];
  if (!other.is(TokenClass::Weekday) || !other.lex) return nullptr;
  if (other.lex->plural) return &other;
  if (k + 2 < toks.size() && toks[k + 2].is(TokenClass::PartOfDay) && toks[k + 2].lex->plural) return &toks[k + 2];
  return nullptr;
}

// "Friday", "last Friday", "next Tuesday", "Friday evening": direction from the word before,
// else from the tense of the clause ("said Friday" is past, "will meet Friday" is next).
bool weekday(const Match& m, Context& ctx, Normalized& out) {
  const Token* wd = m.by_class(TokenClass::Weekday);
  if (!wd) return false;
  if (wd->lex->ambiguous) return false;
  if (!wd->capitalized && !wd->all_caps) return false;
  const auto& toks = *ctx.tokens;
  // Newspapers and events: "Sunday Times", "Super Tuesday" stay out.
  if (m.last < toks.size() && toks[m.last].lex && toks[m.last].lex->word != "morning" &&
      toks[m.last].is(TokenClass::Masthead) && toks[m.last].capitalized) {
    return false;
  }
  if (followed_by_name(m, ctx)) return false;  // "Wednesday Addams"
  int day = lexv(wd, TokenClass::Weekday);
  const Token* part = m.by_class(TokenClass::PartOfDay);
  if (const Token* every = weekly_part(m, ctx, part); every || wd->lex->plural) {
    // "on Mondays", "Tuesday nights", "on Monday and Tuesday nights": every such day
    out.type = TimexType::Set;
    out.anchoring = Anchoring::None;
    out.value = fmt::format("XXXX-WXX-{}", day);
    if (every && every->is(TokenClass::PartOfDay)) out.value += fmt::format("T{}", part_code(every));
    return true;
  }
  if (!ctx.dct) {
    out.value = fmt::format("XXXX-WXX-{}", day);
    return true;
  }
  const Token* dir = m.by_class(TokenClass::Direction);
  Date resolved;
  // "the previous Friday", "the prior Monday": the one before the day last named, as "the
  // previous day" is (the DCT when none was).
  const bool from_previous = dir && m.has_literal("the") && (dir->lex->word == "previous" || dir->lex->word == "prior");
  out.anchoring = from_previous && ctx.previous ? Anchoring::Previous : Anchoring::Dct;
  if (from_previous) {
    resolved = resolve_weekday(*ctx.previous_or_dct() - date_duration(1), day, -1);
  } else if (dir && lexv(dir, TokenClass::Direction) < 0) {
    resolved = resolve_weekday(*ctx.dct - date_duration(1), day, -1);
  } else if (dir && lexv(dir, TokenClass::Direction) > 0) {
    resolved = resolve_weekday(*ctx.dct + date_duration(1), day, 1);
  } else if (dir) {
    resolved = resolve_weekday(*ctx.dct, day, 0);
  } else {
    Tense tense = until_tense(ctx, m.first);
    if (tense == Tense::Unknown) tense = ctx.tense_around(m.first, m.last);
    resolved = tense == Tense::Future ? resolve_weekday(*ctx.dct, day, 1) : resolve_weekday(*ctx.dct, day, -1);
  }
  out.value = iso_string(resolved);
  if (part) {
    out.type = TimexType::Time;
    out.value += fmt::format("T{}", part_code(part));
  }
  return true;
}

// "last week", "this month", "next year", "the past year" (a duration), "last weekend".
bool relative_period(const Match& m, Context& ctx, Normalized& out) {
  const Token* dir = m.by_class(TokenClass::Direction);
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!dir || !unit_tok) return false;
  if (unit_tok->lex->plural) return false;
  Unit unit = unit_of(unit_tok);
  int d = lexv(dir, TokenClass::Direction);
  const std::string& word = dir->lex->word;
  bool the = m.has_literal("the");
  // "the past year", "the last month", "the coming weeks" are stretches of time, not dates.
  if (the && word == "next" && unit == Unit::Day) return false;  // "the next day" is a date (day_from_previous)
  if ((word == "past" || (the && (word == "last" || word == "next" || word == "coming"))) && unit != Unit::Weekend) {
    out.type = TimexType::Duration;
    out.value = duration_value(Amount{1, false, true}, unit);
    out.anchoring = Anchoring::None;
    return !out.value.empty();
  }
  // "the following day", "the previous week": relative to the last date in the text.
  bool from_previous = word == "following" || (the && (word == "previous" || word == "prior"));
  std::optional<Date> anchor = from_previous ? ctx.anchor_for(unit) : ctx.dct;
  Unit period = reported_unit(unit);
  if (!anchor) {
    out.value = unit == Unit::Year ? "XXXX" : "";
    return !out.value.empty();
  }
  Date shifted = shift(*anchor, unit, d);
  if (!bounded(shifted)) return false;
  out.value = period_value(shifted, period == Unit::Season ? Unit::Quarter : period);
  if (unit == Unit::Weekend) out.value = period_value(shifted, Unit::Weekend);
  out.anchoring = from_previous && ctx.previous_start ? Anchoring::Previous : Anchoring::Dct;
  return !out.value.empty();
}

// "the weekend": this week's, or last week's when the clause is in the past.
bool the_weekend(const Match& m, Context& ctx, Normalized& out) {
  if (!ctx.dct) return false;
  Date anchor = *ctx.dct;
  Tense tense = ctx.tense_around(m.first, m.last);
  if (tense == Tense::Past && iso_weekday(anchor) < 6) anchor -= date_duration(7);
  out.value = period_value(anchor, Unit::Weekend);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "two days ago", "a year ago", "several years ago".
bool ago(const Match& m, Context& ctx, Normalized& out) {
  out.anchors_later = false;
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!unit_tok) return false;
  Amount amount = amount_of(m);
  if (amount.vague || !amount.found) {
    out.value = "PAST_REF";
    out.anchoring = Anchoring::None;
    return true;
  }
  if (!ctx.dct) return false;
  Unit unit = unit_of(unit_tok);
  if (unit == Unit::Hour || unit == Unit::Minute || unit == Unit::Second) {
    out.value = iso_string(*ctx.dct);
    out.anchoring = Anchoring::Dct;
    return true;
  }
  if (amount.value > 5000) return false;
  Date shifted = shift(*ctx.dct, unit, -amount.value);
  if (!bounded(shifted)) return false;
  out.value = period_value(shifted, reported_unit(unit));
  if (unit == Unit::Year && ctx.previous_granularity == Granularity::Quarter && ctx.previous_start) {
    out.value = period_value(shift(*ctx.previous_start, unit, -amount.value), Unit::Quarter);
  }
  out.anchoring = Anchoring::Dct;
  return !out.value.empty();
}

// "a year earlier", "two days later", "three weeks before": from the last date in the text.
bool earlier_later(const Match& m, Context& ctx, Normalized& out) {
  out.anchors_later = false;
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!unit_tok) return false;
  Amount amount = amount_of(m);
  if (!amount.found || amount.vague) return false;
  Unit unit = unit_of(unit_tok);
  // "three days later", "an hour earlier": TimeML marks the stretch between two events in a
  // narrative as a duration, the adverb as a signal outside it. Calendar periods ("a year
  // earlier", "a month later") name a date, as earnings news compares them.
  if (unit == Unit::Day || unit == Unit::Hour || unit == Unit::Minute || unit == Unit::Second || unit == Unit::Week ||
      unit == Unit::Fortnight) {
    out.type = TimexType::Duration;
    out.value = duration_value(amount, unit);
    out.anchoring = Anchoring::None;
    out.trim_back = 1;
    return !out.value.empty();
  }
  std::optional<Date> anchor = ctx.anchor_for(unit);
  if (!anchor) return false;
  bool back = m.has_literal("earlier") || m.has_literal("before");
  if (amount.value > 5000) return false;
  Date shifted = shift(*anchor, unit, back ? -amount.value : amount.value);
  if (!bounded(shifted)) return false;
  out.value = period_value(shifted, reported_unit(unit));
  if (unit == Unit::Year && ctx.previous_granularity == Granularity::Quarter && ctx.previous_start) {
    out.value = period_value(shift(*ctx.previous_start, unit, back ? -amount.value : amount.value), Unit::Quarter);
  }
  out.anchoring = ctx.previous_start ? Anchoring::Previous : Anchoring::Dct;
  return !out.value.empty();
}

// "the next day", "the day before", "that day", "the same day".
bool day_from_previous(const Match& m, Context& ctx, Normalized& out) {
  std::optional<Date> anchor = ctx.previous_or_dct();
  if (!anchor) return false;
  int offset = 0;
  if (m.has_literal("next") || m.has_literal("following") || m.has_literal("after")) offset = 1;
  if (m.has_literal("before") || m.has_literal("previous") || m.has_literal("prior")) offset = -1;
  if (m.has_literal("before") || m.has_literal("after")) {
    out.days_from_next = offset;
    // "on Oct. 12, the day before the crash": the phrase restates the date before the comma;
    // "before the crash" points at an event, outside the expression.
    const auto& toks = *ctx.tokens;
    if (ctx.previous && m.first >= 1 && ctx.previous_end + 1 == m.first && is_literal(toks[m.first - 1], ",")) {
      out.value = iso_string(*ctx.previous);
      out.anchoring = Anchoring::Previous;
      out.trim_back = 1;
      out.days_from_next = 0;
      return true;
    }
  }
  out.value = iso_string(*anchor + date_duration(offset));
  out.anchoring = ctx.previous ? Anchoring::Previous : Anchoring::Dct;
  return true;
}

// "the year" in news means the DCT's year ("for the year"); "the year ended Sept. 30" is a
// twelve-month stretch (a fiscal year), which TimeML marks as a duration without the verb.
bool the_year(const Match& m, Context& ctx, Normalized& out) {
  if (joined_to_unit(ctx, m.last)) {
    out.discard = true;
    return true;
  }
  if (m.has_literal("ended") || m.has_literal("ending")) {
    out.type = TimexType::Duration;
    out.value = "P1Y";
    out.anchoring = Anchoring::None;
    out.trim_back = 1;
    return true;
  }
  if (!ctx.dct) return false;
  out.value = period_value(*ctx.dct, Unit::Year);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "year's end", "year end": the end of the DCT's year (of the year before after "since", which
// looks back). The compound "year-end" is the closing day itself, as TempEval's corpora mark it
// ("the percentage change is since year-end" = 12-31).
bool year_end(const Match& m, Context& ctx, Normalized& out) {
  if (!ctx.dct) return false;
  const auto& toks = *ctx.tokens;
  bool since = m.first > 0 && is_literal(toks[m.first - 1], "since");
  int year = static_cast<int>(ctx.dct->year()) - (since ? 1 : 0);
  if (m.has_literal("-")) {
    out.value = fmt::format("{:04}-12-31", year);
  } else {
    out.value = fmt::format("{:04}", year);
    out.mod = Mod::End;
  }
  out.anchoring = Anchoring::Dct;
  return true;
}

// "the year-ago quarter", "the year-earlier period": the last quarter named, a year back.
// "the year-earlier third quarter" names the quarter: that one, a year before the last year named.
bool year_ago_quarter(const Match& m, Context& ctx, Normalized& out) {
  out.anchors_later = false;
  // "the quarter a year" without "ago" or "earlier" is no comparison ("the period a year ..."
  // goes on: "a year before the merger")
  if (m.has_literal("a") && !m.has_literal("ago") && !m.has_literal("earlier")) return false;
  std::optional<Date> start = ctx.previous_granularity == Granularity::Quarter ? ctx.previous_start : std::nullopt;
  if (!start && ctx.dct) start = shift(*ctx.dct, Unit::Quarter, -1);
  if (!start) return false;
  if (const Token* ord = m.by_class(TokenClass::OrdWord)) {
    int n = lexv(ord, TokenClass::OrdWord);
    if (n < 1 || n > 4) return false;
    int y = ctx.previous_start ? ctx.previous_start->year() : start->year();
    out.value = fmt::format("{:04}-Q{}", y - 1, n);
    out.anchoring = ctx.previous_start ? Anchoring::Previous : Anchoring::Dct;
    return true;
  }
  // "the year-earlier period" after "the nine months": the stretch itself, as "the
  // year-earlier nine months" is (the compound names no date of its own)
  if (m.has_literal("period") && !m.has_literal("a") && !m.has_literal("last") &&
      (m.has_literal("ago") || m.has_literal("earlier")) && ctx.previous_granularity == Granularity::Year &&
      !ctx.reporting_stretch.empty()) {
    out.type = TimexType::Duration;
    out.value = ctx.reporting_stretch;
    out.anchoring = Anchoring::None;
    return true;
  }
  // "the same period a year ago" after "the nine months": that stretch of the year before
  if (m.has_literal("period") && ctx.previous_granularity == Granularity::Year && ctx.previous_start) {
    out.value = period_value(shift(*ctx.previous_start, Unit::Year, -1), Unit::Year);
    out.anchoring = Anchoring::Previous;
    return true;
  }
  out.value = period_value(shift(*start, Unit::Year, -1), Unit::Quarter);
  out.anchoring = ctx.previous_start ? Anchoring::Previous : Anchoring::Dct;
  return true;
}

// "year-earlier profit", "the year-ago results": the compound adjective alone is the date a year
// before, the year-ago quarter when a quarter is being reported (as "a year ago" is); the
// article belongs to the noun.
bool year_ago_adjective(const Match& m, Context& ctx, Normalized& out) {
  out.anchors_later = false;
  if (is_literal(m.token(m.first), "a") || is_literal(m.token(m.first), "the")) out.trim_front = 1;
  if (ctx.previous_granularity == Granularity::Quarter && ctx.previous_start) {
    out.value = period_value(shift(*ctx.previous_start, Unit::Year, -1), Unit::Quarter);
    out.anchoring = Anchoring::Previous;
    return true;
  }
  if (!ctx.dct) return false;
  out.value = period_value(shift(*ctx.dct, Unit::Year, -1), Unit::Year);
  out.anchoring = Anchoring::Dct;
  return true;
}

// "the year-earlier nine months": a stretch of months, as "the nine months" is; the
// compound only says which year's, which a duration's value does not hold.
bool year_ago_stretch(const Match& m, Context&, Normalized& out) {
  const Token* unit_tok = m.element(m.elements - 1);
  Amount amount = amount_of(m);
  if (!unit_tok || !amount.found || amount.vague || amount.value <= 0 || amount.value > 100) return false;
  out.type = TimexType::Duration;
  out.value = duration_value(amount, unit_of(unit_tok));
  out.anchoring = Anchoring::None;
  out.anchors_later = false;
  return !out.value.empty();
}

bool reference(const Match& m, Context& ctx, Normalized& out) {
  const Token* ref = m.by_class(TokenClass::Ref);
  int code = ref ? lexv(ref, TokenClass::Ref) : 0;
  if (!ref) {
    if (m.has_literal("past")) code = 1;
    if (m.has_literal("present")) code = 2;
    if (m.has_literal("future") || m.has_literal("term")) code = 3;  // "the near future", "the near term"
    if (m.has_literal("later")) code = 3;                              // "at a later date"
    if (m.has_literal("these")) code = 2;                              // "these days"
  }
  if (code < 1 || code > 3) return false;
  // "Now, he says, ...": a discourse marker that opens the sentence, not the present
  if (ref && ref->lex->ambiguous && ref->sentence_start && m.last < ctx.tokens->size() &&
      is_literal((*ctx.tokens)[m.last], ",")) {
    return false;
  }
  // "current" is a time word as an adjective ("its current chairman", TimeML's PRESENT_REF), not
  // as a noun ("the current") nor in "current account" (the balance of payments).
  if (ref && is_literal(*ref, "current")) {
    const auto& toks = *ctx.tokens;
    if (m.last >= toks.size() || toks[m.last].kind != TokenKind::Word || toks[m.last].capitalized) return false;
    std::string_view next = ctx.text.substr(toks[m.last].begin, toks[m.last].end - toks[m.last].begin);
    if (next == "account" || next == "accounts") return false;
  }
  out.value = std::string(kRef[static_cast<std::size_t>(code)]);
  out.anchoring = Anchoring::None;
  return true;
}

// ---- durations ----------------------------------------------------------------------------

// Whether the token before `first` ends a count or a sum ("$2 million", "24 hours", "700
// seats", "8.5%"): a unit or a set word after one is a rate ("$2 million a year", "rise 8.5%
// annually"), which TimeML leaves unmarked.
bool follows_count(const Context& ctx, std::size_t first) {
  if (first == 0) return false;
  const auto& toks = *ctx.tokens;
  const Token& before = toks[first - 1];
  std::string_view word = ctx.text.substr(before.begin, before.end - before.begin);
  if (before.kind == TokenKind::Number || before.is(TokenClass::NumWord) ||
      (before.is(TokenClass::Unit) && before.lex->plural) || word == "million" || word == "billion" ||
      word == "trillion" || word == "%" || word == "percent") {
    return true;
  }
  // "four flights a week", "nearly 700 seats a week": a counted noun, then the rate.
  if (first >= 2 && before.kind == TokenKind::Word && !before.capitalized && word.size() > 2 && word.back() == 's') {
    const Token& count = toks[first - 2];
    return count.kind == TokenKind::Number || count.is(TokenClass::NumWord);
  }
  return false;
}

// "two weeks", "90-day", "20 years", "a decade", "the past three months", "several months".
bool duration(const Match& m, Context& ctx, Normalized& out) {
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!unit_tok) return false;
  Amount amount = amount_of(m);
  if (!amount.found) return false;
  if (!amount.vague && (amount.value <= 0 || amount.value > 100000)) return false;
  if (joined_to_unit(ctx, m.last)) {
    out.discard = true;  // "a year-over-year gain"
    return true;
  }
  // "one day" at the start of a story is a date-ish idiom, and "a day" after "once" is a set
  const auto& toks = *ctx.tokens;
  if (m.first > 0 && (is_literal(toks[m.first - 1], "once") || is_literal(toks[m.first - 1], "twice") ||
                      is_literal(toks[m.first - 1], "times"))) {
    return false;  // "twice a year" is a frequency
  }
  // "$2 million a year", "24 hours a day": "a" + unit after a count or sum is a
  // rate, which TimeML leaves unmarked unless it is a set ("every year").
  if (m.first > 0 && m.last - m.first == 2 && (is_literal(toks[m.first], "a") || is_literal(toks[m.first], "an")) &&
      !unit_tok->lex->plural) {
    if (follows_count(ctx, m.first)) return false;
  }
  // "the 1988 second quarter", "1988 period": a year, not an amount.
  for (std::size_t i = m.first; i < m.last; ++i) {
    if (m.token(i).is(TokenClass::Year4) && !unit_tok->lex->plural) return false;
  }
  // "a second term" is an ordinal; "60 Minutes" a programme.
  if (unit_of(unit_tok) == Unit::Second && !unit_tok->lex->plural && m.last < toks.size() &&
      toks[m.last].kind == TokenKind::Word) {
    return false;
  }
  if (unit_tok->capitalized && !unit_tok->sentence_start && !unit_tok->all_caps) return false;
  // "three-quarters of its food" is a fraction ("several quarters of losses" is not).
  if (unit_of(unit_tok) == Unit::Quarter && !amount.vague && m.last < toks.size() && is_literal(toks[m.last], "of")) {
    return false;
  }
  // "a 6-year-old" is an age, not a stretch of time.
  auto old_at = [&](std::size_t i) { return i < toks.size() && ctx.text.substr(toks[i].begin, toks[i].end - toks[i].begin) == "old"; };
  if (m.last < toks.size() && is_literal(toks[m.last], "-") && old_at(m.last + 1)) return false;
  if (old_at(m.last)) return false;
  // "a two-year term": the article belongs to the noun phrase, not to the duration.
  if (m.last - m.first > 2) {
    const Token& first = m.token(m.first);
    const Token& second = m.token(m.first + 1);
    int scale = second.is(TokenClass::NumWord) ? lexv(&second, TokenClass::NumWord) : 0;
    bool counted = second.is(TokenClass::Num) || (scale > 0 && scale != 100 && scale != 1000 && scale != 12);
    if ((is_literal(first, "a") || is_literal(first, "an")) && counted) out.trim_front = 1;
  }
  // "the nine months", "the latest six months" (not "the past two months", which runs back
  // from the DCT): a reporting period that later comparisons refer to.
  if (is_literal(m.token(m.first), "the") && !amount.vague &&
      (unit_of(unit_tok) == Unit::Month || unit_of(unit_tok) == Unit::Quarter)) {
    out.reporting_period = true;
    for (std::size_t i = m.first + 1; i < m.last; ++i) {
      const Token& t = m.token(i);
      if (t.is(TokenClass::Direction) && !is_literal(t, "latest")) out.reporting_period = false;
    }
  }
  // "Islam will one day be ...": "one day" right after a modal is a vague future time, as
  // TimeML marks it, not a day's length ("for one day").
  if (m.last - m.first == 2 && unit_of(unit_tok) == Unit::Day && !unit_tok->lex->plural && m.first > 0 &&
      text_is(ctx, m.token(m.first), "one") && toks[m.first - 1].is(TokenClass::FutureCue)) {
    out.value = "FUTURE_REF";
    out.anchoring = Anchoring::None;
    return true;
  }
  out.type = TimexType::Duration;
  if (is_literal(m.token(m.first), "half")) amount.value = 0;  // "half an hour": the article is no count
  out.value = m.has_literal("half") ? half_duration_value(amount, unit_of(unit_tok))
                                    : duration_value(amount, unit_of(unit_tok));
  out.anchoring = Anchoring::None;
  return !out.value.empty();
}

// "2 1/2 years", "5 1/2 hours": a whole number and a half, written as a fraction.
bool duration_fraction(const Match& m, Context&, Normalized& out) {
  const Token* whole = m.element(0);
  const Token* numerator = m.element(1);
  const Token* denominator = m.element(3);
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!whole || !numerator || !denominator || !unit_tok) return false;
  if (numerator->number != 1 || denominator->number != 2 || whole->number < 1 || whole->number > 1000) return false;
  out.type = TimexType::Duration;
  out.value = half_duration_value(Amount{whole->number, false, true}, unit_of(unit_tok));
  out.anchoring = Anchoring::None;
  return !out.value.empty();
}

// "recent years", "recent weeks", "decades", "for years": an unknown stretch.
bool vague_duration(const Match& m, Context& ctx, Normalized& out) {
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!unit_tok || !unit_tok->lex->plural) return false;
  // "for years", "within weeks": the cue is not the span
  const Token& cue = m.token(m.first);
  if (is_literal(cue, "for") || is_literal(cue, "within")) out.trim_front = 1;
  // "the years" only after "over" ("over the years"): "the years 1990 to 1995", "in the weeks
  // before the shooting" are other things.
  if (is_literal(cue, "the") && m.last - m.first == 2 &&
      (m.first == 0 || !text_is(ctx, (*ctx.tokens)[m.first - 1], "over"))) {
    return false;
  }
  out.type = TimexType::Duration;
  out.value = duration_value(Amount{0, true, true}, unit_of(unit_tok));
  out.anchoring = Anchoring::None;
  return !out.value.empty();
}

// "a day-long meeting", "the decades-long feud", "a 10-day-long strike": the compound is the
// duration; the article belongs to the noun.
bool duration_long(const Match& m, Context&, Normalized& out) {
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!unit_tok) return false;
  bool counted = false;
  for (std::size_t i = m.first; i < m.last; ++i) {
    counted = counted || m.token(i).kind == TokenKind::Number || m.token(i).is(TokenClass::NumWord);
  }
  Amount amount = counted ? amount_of(m) : Amount{1, false, true};  // "week-long"
  if (!counted && unit_tok->lex->plural) amount = Amount{0, true, true};  // "decades-long"
  if (!amount.vague && (amount.value <= 0 || amount.value > 100000)) return false;
  if (is_literal(m.token(m.first), "a") || is_literal(m.token(m.first), "an")) out.trim_front = 1;
  out.type = TimexType::Duration;
  out.value = duration_value(amount, unit_of(unit_tok));
  out.anchoring = Anchoring::None;
  return !out.value.empty();
}

// ---- times --------------------------------------------------------------------------------

// "3 p.m.", "10:30 a.m. EST", "15:30 GMT": on the DCT's day (a weekday next to it is merged
// in later).
bool clock(const Match& m, Context& ctx, Normalized& out) {
  const Token* hour = m.element(0);
  if (!hour || hour->kind != TokenKind::Number) return false;
  int h = hour->number;
  int minute = -1;
  if (const Token* mt = m.by_class(TokenClass::Minute)) minute = mt->number;
  bool pm = m.has_literal("pm") || m.has_literal("p");
  bool am = m.has_literal("am") || m.has_literal("a");
  bool zone = m.by_class(TokenClass::Zone) != nullptr;
  if (!pm && !am && !zone && minute < 0) return false;
  if (pm || am) {
    if (h < 1 || h > 12) return false;
    if (pm && h != 12) h += 12;
    if (am && h == 12) h = 0;
  } else if (h > 24) {
    return false;
  }
  std::string day = ctx.dct ? iso_string(*ctx.dct) : "XXXX-XX-XX";
  out.type = TimexType::Time;
  out.value = minute >= 0 ? fmt::format("{}T{:02}:{:02}", day, h, minute) : fmt::format("{}T{:02}:00", day, h);
  out.anchoring = Anchoring::Dct;
  return true;
}

bool noon_midnight(const Match& m, Context& ctx, Normalized& out) {
  std::string day = ctx.dct ? iso_string(*ctx.dct) : "XXXX-XX-XX";
  out.type = TimexType::Time;
  out.value = day + (m.has_literal("midnight") ? "T24:00" : "T12:00");
  out.anchoring = Anchoring::Dct;
  return true;
}

// ---- sets ---------------------------------------------------------------------------------

// "every Monday", "each year", "every morning", "each July".
bool every(const Match& m, Context&, Normalized& out) {
  out.type = TimexType::Set;
  out.anchoring = Anchoring::None;
  int n = 1;
  if (const Token* amount = m.by_class(TokenClass::NumWord)) n = lexv(amount, TokenClass::NumWord);
  if (const Token* amount = m.by_class(TokenClass::Num)) n = amount->number;
  if (m.has_literal("other")) n = 2;
  if (const Token* wd = m.by_class(TokenClass::Weekday)) {
    out.value = fmt::format("XXXX-WXX-{}", lexv(wd, TokenClass::Weekday));
    if (const Token* part = m.by_class(TokenClass::PartOfDay)) {
      out.value += fmt::format("T{}", part_code(part));
    }
    return true;
  }
  if (const Token* mon = m.by_class(TokenClass::Month)) {
    out.value = fmt::format("XXXX-{:02}", lexv(mon, TokenClass::Month));
    return true;
  }
  if (const Token* part = m.by_class(TokenClass::PartOfDay)) {
    out.value = fmt::format("XXXX-XX-XXT{}", part_code(part));
    return true;
  }
  if (const Token* s = m.by_class(TokenClass::Season)) {
    out.value = fmt::format("XXXX-{}", kSeason[static_cast<std::size_t>(lexv(s, TokenClass::Season))]);
    return true;
  }
  const Token* unit_tok = m.by_class(TokenClass::Unit);
  if (!unit_tok) return false;
  out.value = duration_value(Amount{n, false, true}, unit_of(unit_tok));
  return !out.value.empty();
}

// An idiom the table lists ("high noon"): the words are taken so that no pattern starts
// inside it, and the tagger drops the match.
bool not_a_time(const Match&, Context&, Normalized& out) {
  out.discard = true;
  return true;
}

// "daily", "weekly", "annually".
bool set_word(const Match& m, Context& ctx, Normalized& out) {
  const Token* w = m.by_class(TokenClass::SetWord);
  if (!w) return false;
  // "to rise 8.5% annually", "10,000 units annually": a rate, as "$2 million a year" is
  if (follows_count(ctx, m.first)) return false;
  out.type = TimexType::Set;
  out.anchoring = Anchoring::None;
  out.value = duration_value(Amount{1, false, true}, static_cast<Unit>(lexv(w, TokenClass::SetWord)));
  return !out.value.empty();
}

struct Named {
  std::string_view name;
  Normalizer fn;
};

constexpr Named kNormalizers[] = {
    {"month_day_year", month_day_year},
    {"month_day", month_day},
    {"week_of", week_of},
    {"holiday", holiday},
    {"month_year", month_year},
    {"month_alone", month_alone},
    {"month_relative", month_relative},
    {"month_dir_year", month_dir_year},
    {"year_alone", year_alone},
    {"iso_date", iso_date},
    {"numeric_mdy", numeric_mdy},
    {"numeric_md", numeric_md},
    {"decade", decade},
    {"century", century},
    {"quarter", quarter},
    {"half", half},
    {"the_quarter", the_quarter},
    {"that_period", that_period},
    {"spoken_year", spoken_year},
    {"season", season},
    {"fiscal_year", fiscal_year},
    {"day_relative", day_relative},
    {"part_of_day", part_of_day},
    {"weekday", weekday},
    {"relative_period", relative_period},
    {"the_weekend", the_weekend},
    {"ago", ago},
    {"earlier_later", earlier_later},
    {"day_from_previous", day_from_previous},
    {"reference", reference},
    {"the_year", the_year},
    {"year_ago_quarter", year_ago_quarter},
    {"year_ago_adjective", year_ago_adjective},
    {"year_ago_stretch", year_ago_stretch},
    {"year_end", year_end},
    {"year_possessive_quarter", year_possessive_quarter},
    {"duration", duration},
    {"vague_duration", vague_duration},
    {"duration_fraction", duration_fraction},
    {"clock", clock},
    {"noon_midnight", noon_midnight},
    {"every", every},
    {"set_word", set_word},
    {"not_a_time", not_a_time},
    {"duration_long", duration_long},
    {"part_of_day_alone", part_of_day_alone},
};

}  // namespace

Normalizer find_normalizer(std::string_view name) {
  for (const auto& n : kNormalizers) {
    if (n.name == name) return n.fn;
  }
  return nullptr;
}

namespace {

// The token's text is `w` (lower case).
bool word_at(const Context& ctx, std::size_t i, std::string_view w) {
  const auto& toks = *ctx.tokens;
  return i < toks.size() && text_is(ctx, toks[i], w);
}

}  // namespace

Tense Context::tense_cue(std::size_t i) const {
  const auto& toks = *tokens;
  auto word_is = [&](std::size_t k, std::string_view w) { return word_at(*this, k, w); };
  // A past form right after a determiner (or "a still ...") is an adjective of the noun that
  // follows, not a verb: "the proposed merger", "on a still unspecified date in January".
  // (Adverbs in general are left out: "-ly" also ends nouns, "the rally ended Friday".)
  auto adjective_position = [&](std::size_t k) {
    if (k == 0) return false;
    if (toks[k - 1].is(TokenClass::Determiner)) return true;
    return k >= 2 && word_is(k - 1, "still") && toks[k - 2].is(TokenClass::Determiner);
  };
  const Token& t = toks[i];
  if (t.kind != TokenKind::Word) return Tense::Unknown;  // every cue is a word: most calls end here
  if (t.is(TokenClass::FutureCue)) {
    // "had been due to expire Friday", "had been scheduled for Monday": a plan the past
    // perfect reports as gone by.
    if (i >= 2 && word_is(i - 1, "been") && word_is(i - 2, "had")) return Tense::Past;
    return Tense::Future;
  }
  // "may" and "might" as modals look ahead ("may announce ... on Tuesday").
  if (!t.capitalized && (word_is(i, "may") || word_is(i, "might"))) return Tense::Future;
  // "is to resume", "set to open": an arrangement still ahead.
  if (word_is(i, "to") && i > 0 && (word_is(i - 1, "is") || word_is(i - 1, "are") || word_is(i - 1, "set"))) {
    return Tense::Future;
  }
  bool past = t.is(TokenClass::PastCue) ||
              (t.kind == TokenKind::Word && !t.capitalized && t.end - t.begin >= 5 && text[t.end - 1] == 'd' &&
               text[t.end - 2] == 'e' && !t.lex);
  if (!past || adjective_position(i)) return Tense::Unknown;
  // A participle after "will be", "to be" is a future passive: "will be held on Friday".
  if (i >= 2 && word_is(i - 1, "be") &&
      (toks[i - 2].is(TokenClass::FutureCue) || word_is(i - 2, "to") || word_is(i - 2, "may") ||
       word_is(i - 2, "might") || word_is(i - 2, "must"))) {
    return Tense::Future;
  }
  return Tense::Past;
}

Tense Context::tense_around(std::size_t first, std::size_t last) const {
  const auto& toks = *tokens;
  auto word_is = [&](std::size_t i, std::string_view w) { return word_at(*this, i, w); };
  auto cue_at = [&](std::size_t i) { return tense_cue(i); };
  // "Wednesday's ruling" names a day whose event is reported: the past.
  if (last + 1 < toks.size() && word_is(last, "'") && word_is(last + 1, "s")) return Tense::Past;
  // "as soon as Tuesday", "as early as Monday": ahead.
  if (first >= 3 && word_is(first - 1, "as") && (word_is(first - 2, "soon") || word_is(first - 2, "early"))) {
    return Tense::Future;
  }
  // The verb that governs a time adjunct mostly comes before it: look back through the
  // clause first, then ahead.
  constexpr std::size_t kBack = 12;
  // "On Tuesday, the league's lawyers plan to ...": an expression that opens the sentence
  // before a comma is the clause's frame, and its verb comes after the whole subject.
  const bool opens_sentence = last < toks.size() && word_is(last, ",") &&
                              (toks[first].sentence_start || (first >= 1 && toks[first - 1].sentence_start));
  const std::size_t kAhead = opens_sentence ? 16 : 8;
  // Steps count words: "4 a.m. EDT" is five tokens but two words of distance.
  for (std::size_t i = first, steps = 0; i > 0 && steps < kBack && !toks[i].sentence_start;) {
    --i;
    if (toks[i].kind != TokenKind::Punct) ++steps;
    Tense t = cue_at(i);
    if (t != Tense::Unknown) return t;
  }
  for (std::size_t i = last, steps = 0; i < toks.size() && steps < kAhead && !toks[i].sentence_start; ++i) {
    if (toks[i].kind != TokenKind::Punct) ++steps;
    Tense t = cue_at(i);
    if (t != Tense::Unknown) return t;
  }
  return Tense::Unknown;
}

}  // namespace dateline::timex
