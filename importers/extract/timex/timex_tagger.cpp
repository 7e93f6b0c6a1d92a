// The time-expression tagger: tokenize once, match the pattern table left to right (longest
// match first), normalize, then refine (modifiers, times joined to their day, range ends).

#include <dateline/error.h>
#include <dateline/extract.h>

#include "timex/calendar.h"
#include "timex/grammar.h"
#include "timex/normalizers.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>
#include <algorithm>
#include <optional>
#include <stdexcept>

namespace dateline {
namespace {

using timex::Context;
using timex::Grammar;
using timex::Match;
using timex::Normalized;
using timex::Token;
using timex::TokenClass;
using timex::TokenKind;

struct Found {
  std::size_t first = 0;  // token range [first, last)
  std::size_t last = 0;
  Normalized value;
  // The value as remember_anchor parsed it, kept for the output: parsing is the tagger's
  // dearest step after matching. Whatever rewrites `value` resets it.
  std::optional<TimeValue> parsed;
};

bool is_word(const Token& t, std::string_view w) { return t.lex && t.lex->word == w; }

// Case-insensitive comparison of a token's text, for words the lexicon need not know ("on", "at").
bool text_is(std::string_view text, const Token& t, std::string_view w) {
  if (t.end - t.begin != w.size()) return false;
  for (std::size_t k = 0; k < w.size(); ++k) {
    char c = text[t.begin + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (c != w[k]) return false;
  }
  return true;
}

bool is_clock(const Found& f) {
  const std::string& v = f.value.value;
  return f.value.type == TimexType::Time && v.size() > 11 && v[10] == 'T' && v[11] >= '0' && v[11] <= '9';
}

bool is_day(const Found& f) { return f.value.type == TimexType::Date && f.value.value.size() == 10; }

// "10 p.m. Wednesday", "5 p.m. EST, Nov. 6": a clock time right before the day it is on becomes
// one TIME on that day (as TimeML marks it). "on July 9 at 10 a.m.": a clock after its day
// stays its own expression but takes that day.
void join_times_to_days(std::vector<Found>& found, const std::vector<Token>& tokens, std::string_view text) {
  // In place: the vector is the tagger's per-thread buffer, and keeps its capacity.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    Found f = std::move(found[i]);
    if (i + 1 < found.size()) {
      Found& g = found[i + 1];
      std::size_t gap = g.first - f.last;
      // The full stop of "p.m." may have been trimmed as a sentence end.
      bool joined = gap == 0 || (gap == 1 && (text_is(text, tokens[f.last], ",") || text_is(text, tokens[f.last], "on") ||
                                              text_is(text, tokens[f.last], ".")));
      // "at 10:35 a.m. (0735 GMT) Friday": the day after an aside in brackets is the clock's
      // day; both stay expressions of their own.
      const bool aside = gap >= 2 && gap <= 8 && text_is(text, tokens[f.last], "(") &&
                         text_is(text, tokens[g.first - 1], ")");
      if (is_clock(f) && is_day(g) && aside) {
        f.value.value = g.value.value + f.value.value.substr(10);
        f.value.anchoring = g.value.anchoring;
        f.parsed.reset();
      } else if (is_clock(f) && is_day(g) && joined) {
        f.value.value = g.value.value + f.value.value.substr(10);
        f.value.anchoring = g.value.anchoring;
        f.parsed.reset();
        f.last = g.last;
        ++i;
      } else if (is_day(f) && is_clock(g) && gap == 1 && (text_is(text, tokens[f.last], "at") ||
                                                           text_is(text, tokens[f.last], ","))) {
        g.value.value = f.value.value + g.value.value.substr(10);
        g.value.anchoring = f.value.anchoring;
        g.parsed.reset();
      }
    }
    found[kept++] = std::move(f);
  }
  found.resize(kept);
}

// "Saturday, April 25", "Friday Oct. 13": a weekday right before the date it names is one
// expression with the date's value (as TempEval's TimeML corpora mark it); the weekday alone
// would have been resolved from the tense and could disagree.
void join_weekdays_to_dates(std::vector<Found>& found, const std::vector<Token>& tokens, std::string_view text) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    Found f = found[i];
    if (i + 1 < found.size() && f.last == f.first + 1 && tokens[f.first].is(TokenClass::Weekday) && is_day(f)) {
      const Found& g = found[i + 1];
      std::size_t gap = g.first - f.last;
      if (is_day(g) && (gap == 0 || (gap == 1 && text_is(text, tokens[f.last], ",")))) {
        f.last = g.last;
        f.value = g.value;
        f.parsed = g.parsed;
        ++i;
      }
    }
    found[kept++] = std::move(f);
  }
  found.resize(kept);
}

// "the day before last Tuesday's hearing", "the day after Christmas": the phrase and the day
// right after it are one date, a day from that day.
void join_day_shifts(std::vector<Found>& found) {
  // rare: most texts have none, and compacting moves every expression
  if (std::none_of(found.begin(), found.end(), [](const Found& f) { return f.value.days_from_next != 0; })) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    Found f = std::move(found[i]);
    if (f.value.days_from_next != 0 && i + 1 < found.size() && found[i + 1].first == f.last && is_day(found[i + 1])) {
      const Found& g = found[i + 1];
      try {
        std::optional<Date> d = parse_time_value(g.value.value, g.value.type).earliest;
        if (d) {
          f.value.value = iso_string(*d + boost::gregorian::date_duration(f.value.days_from_next));
          f.value.anchoring = g.value.anchoring;
          f.parsed.reset();
          f.last = g.last;
          ++i;
        }
      } catch (const ValueError&) {
      }
    }
    found[kept++] = std::move(f);
  }
  found.resize(kept);
}

// "between March 3 and 5", "July 7-9": the bare day after a day-level date is a date in the
// same month.
void add_range_ends(std::vector<Found>& found, const std::vector<Token>& tokens) {
  std::vector<Found> extra;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Found& f = found[i];
    if (f.value.type != TimexType::Date || f.value.value.size() != 10 || f.last + 1 >= tokens.size()) continue;
    const Token& joiner = tokens[f.last];
    const Token& day = tokens[f.last + 1];
    if (!(is_word(joiner, "and") || is_word(joiner, "to") || is_word(joiner, "-") || is_word(joiner, "through") ||
          is_word(joiner, "until") || is_word(joiner, "or"))) {
      continue;
    }
    if (!day.is(TokenClass::DayNum) && !day.is(TokenClass::OrdNum)) continue;
    if (i + 1 < found.size() && found[i + 1].first <= f.last + 1) continue;
    // "March 3 and 5 percent": the number must end the phrase.
    if (f.last + 2 < tokens.size()) {
      const Token& after = tokens[f.last + 2];
      if (after.kind == TokenKind::Word && !is_word(after, "and") && !is_word(after, "in")) continue;
      if (after.kind == TokenKind::Number) continue;
    }
    // Only a known day has a month to put the far end in ("XXXX-03-03" without a DCT has none).
    std::optional<Date> first_date;
    try {
      first_date = parse_time_value(f.value.value, TimexType::Date).earliest;
    } catch (const ValueError&) {
    }
    if (!first_date) continue;
    int d = day.number;
    int y = first_date->year();
    int m = first_date->month();
    if (d <= first_date->day() || d > boost::gregorian::gregorian_calendar::end_of_month_day(
                                           static_cast<unsigned short>(y), static_cast<unsigned short>(m))) {
      continue;
    }
    Found end;  // its own value: nothing parsed
    end.first = f.last + 1;
    end.last = f.last + 2;
    end.value = f.value;
    end.value.value = fmt::format("{:04}-{:02}-{:02}", y, m, d);
    extra.push_back(end);
  }
  if (extra.empty()) return;
  found.insert(found.end(), extra.begin(), extra.end());
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.first < b.first; });
}

// A pattern's optional "." or "," may have taken the sentence's punctuation: "in September."
// keeps the full stop only after an abbreviation inside the sentence ("Sept. 17").
void trim_trailing_punctuation(Found& f, const std::vector<Token>& tokens) {
  while (f.last > f.first + 1) {
    const Token& t = tokens[f.last - 1];
    if (is_word(t, ",")) {
      --f.last;
      continue;
    }
    bool sentence_end = f.last >= tokens.size() || tokens[f.last].sentence_start;
    if (is_word(t, ".") && sentence_end) {
      --f.last;
      continue;
    }
    break;
  }
}

// ABC's "This Week", "Apocalypse Now", "This is VOA Today": time words that news writes in
// lower case, capitalized inside a sentence, are a title's or a name's. Only common time words
// are judged (every word a unit, direction, part of the day, day word or reference: months,
// weekdays and holidays are capitalized anyway); one word alone needs a capitalized word
// before it ("VOA Today"), as a quoted sentence may start with it ("Today, we ...").
bool in_title(const Found& f, const std::vector<Token>& tokens) {
  constexpr timex::ClassMask kTimeWords =
      timex::bit(TokenClass::Unit) | timex::bit(TokenClass::Direction) | timex::bit(TokenClass::PartOfDay) |
      timex::bit(TokenClass::DayRel) | timex::bit(TokenClass::Ref) | timex::bit(TokenClass::Position);
  constexpr timex::ClassMask kNames = timex::bit(TokenClass::Month) | timex::bit(TokenClass::Weekday);
  if (tokens[f.first].sentence_start) return false;
  std::size_t words = 0;
  for (std::size_t i = f.first; i < f.last; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::Number) return false;
    if (t.kind != TokenKind::Word) continue;
    if (!t.capitalized || t.all_caps || (t.classes & kTimeWords) == 0 || (t.classes & kNames) != 0) return false;
    ++words;
  }
  if (words >= 2) return true;
  if (words == 0 || f.first == 0) return false;
  const Token& before = tokens[f.first - 1];
  return before.kind == TokenKind::Word && before.capitalized && tokens[f.first].space_before;
}

// Dates later expressions may be anchored to ("the next day", "a year earlier").
void remember_anchor(Found& f, const std::vector<Token>& tokens, Context& ctx) {
  if (f.value.reporting_period && ctx.dct) {
    // "the nine months": "a year earlier" now means that stretch of the year before
    int year = ctx.previous_start ? ctx.previous_start->year() : ctx.dct->year();
    ctx.previous_granularity = Granularity::Year;
    ctx.previous_start = Date(static_cast<unsigned short>(year), 1, 1);
    ctx.reporting_stretch = f.value.value;
    return;
  }
  // "the quarter ended Sept. 30": the closing day names the quarter's end, and "a year ago"
  // after it still compares quarters; the day is kept only for day-level anchors.
  const bool closes_period = ctx.previous_granularity == Granularity::Quarter && is_day(f) && f.first > 0 &&
                             (text_is(ctx.text, tokens[f.first - 1], "ended") ||
                              text_is(ctx.text, tokens[f.first - 1], "ending"));
  if (closes_period) {
    try {
      ctx.previous = parse_time_value(f.value.value, f.value.type).earliest;
    } catch (const ValueError&) {
    }
    return;
  }
  if (!f.value.anchors_later || f.value.type != TimexType::Date || f.value.value.empty() || f.value.value[0] == 'X' ||
      f.value.value[0] == 'P') {
    return;
  }
  try {
    const TimeValue& v = f.parsed.emplace(parse_time_value(f.value.value, f.value.type));
    if (!v.earliest) return;
    if (v.granularity >= Granularity::Month) ctx.previous = v.earliest;
    ctx.previous_granularity = v.granularity;
    ctx.reporting_stretch.clear();
    ctx.previous_start = v.earliest;
    if (v.granularity == Granularity::Quarter && ctx.dct) {
      // the quarter just ended when the story was written is the one being reported
      Date just_ended = timex::shift(*ctx.dct, timex::Unit::Quarter, -1);
      bool reporting = v.earliest->year() == just_ended.year() &&
                       (v.earliest->month() - 1) / 3 == (just_ended.month() - 1) / 3;
      if (!ctx.reported_quarter && reporting) ctx.reported_quarter = v.earliest;
      if (ctx.reported_quarter) ctx.previous_start = ctx.reported_quarter;
    }
  } catch (const ValueError&) {
  } catch (const std::out_of_range&) {
    // a DCT at the start of the calendar Boost can hold has no quarter before it
  }
}

// Runs a match's normalizer. Calendar arithmetic near the ends of the calendar Boost can hold
// (a DCT in 1400 and "last year") throws std::out_of_range: a value the calendar cannot hold is
// no time expression, so the match is refused rather than the document.
bool normalize_within_calendar(const Match& m, Context& ctx, Normalized& n) {
  try {
    return m.pattern->normalize(m, ctx, n);
  } catch (const std::out_of_range&) {
    return false;
  }
}

// Where to end a chunk that starts at `begin`: a line break (a paragraph) near the size
// limit, else a sentence end, else a space. Chunks keep the token buffer small enough to stay
// in cache and memory flat for huge inputs; no expression spans a paragraph.
std::size_t chunk_end(std::string_view text, std::size_t begin) {
  constexpr std::size_t kChunk = 1 << 15;
  if (text.size() - begin <= kChunk) return text.size();
  const std::size_t limit = begin + kChunk;
  const std::size_t floor = begin + kChunk / 2;
  // Searches stay inside (floor, limit]: rfind on the whole text would walk back to its
  // start on every chunk of a text without newlines, quadratic in the text's size.
  const std::string_view window = text.substr(floor, limit - floor + 1);
  std::size_t cut = window.rfind('\n');
  if (cut != std::string_view::npos && cut > 0) return floor + cut + 1;
  for (std::size_t k = limit; k > floor; --k) {
    if (text[k - 1] == '.' && text[k] == ' ' && k + 1 < text.size() && text[k + 1] >= 'A' && text[k + 1] <= 'Z') {
      return k + 1;
    }
  }
  cut = window.rfind(' ');
  return cut != std::string_view::npos && cut > 0 ? floor + cut + 1 : limit;
}

// Tags text[begin, end) and appends its time expressions; `ctx` carries the anchors on.
// The bounds a mod leaves: "earlier this year" ends at the document's date when the year holds
// it, else a START, MID or END mod keeps half of the interval (narrow_to_mod).
void bounds_for_mod(TimeValue& v, const timex::Modifier* modifier, std::optional<Date> dct) {
  if (!v.has_bounds()) return;
  if (modifier && modifier->dct_side != timex::Modifier::DctSide::None && dct && *v.earliest <= *dct && *dct <= *v.latest) {
    (modifier->dct_side == timex::Modifier::DctSide::Before ? v.latest : v.earliest) = *dct;
    return;
  }
  narrow_to_mod(v);
}

void tag_chunk(std::string_view text, std::size_t begin, std::size_t end, Context& ctx, std::vector<Timex>& result) {
  const Grammar& grammar = Grammar::instance();
  thread_local std::vector<Token> tokens;
  thread_local std::vector<Match> matches;
  thread_local std::vector<Found> found;
  thread_local std::vector<std::uint32_t> starts;
  timex::tokenize(text, begin, end, grammar.lexicon(), tokens, starts);
  ctx.tokens = &tokens;
  ctx.previous_end = static_cast<std::size_t>(-1);  // token indexes restart with the chunk
  found.clear();

  // Left to right over the tokens where a pattern may start; `next` is the first token after
  // the last expression taken, so nothing starts inside one.
  std::size_t next = 0;
  for (std::uint32_t i : starts) {
    if (i < next || !grammar.may_match_at(tokens, i)) continue;
    grammar.matches_at(tokens, i, matches);
    for (const Match& m : matches) {
      Normalized n;
      if (!normalize_within_calendar(m, ctx, n)) continue;
      Found f{m.first + n.trim_front, m.last - n.trim_back, std::move(n), std::nullopt};
      trim_trailing_punctuation(f, tokens);
      if (f.value.discard || in_title(f, tokens)) {
        next = m.last;
        break;
      }
      remember_anchor(f, tokens, ctx);
      ctx.previous_end = f.last;
      found.push_back(std::move(f));
      next = m.last;
      break;
    }
  }
  if (found.empty()) return;

  join_times_to_days(found, tokens, text);
  join_weekdays_to_dates(found, tokens, text);
  join_day_shifts(found);
  add_range_ends(found, tokens);

  std::size_t floor = 0;
  for (Found& f : found) {
    // Modifiers before the expression join it: "the end of 2024", "about three years".
    std::size_t start = f.first;
    const auto* mod = grammar.modifier_before(tokens, f.first, floor, f.value.type, start);
    // "Earlier Friday", "late Monday": news uses these as adverbs of the clause; TimeML leaves
    // them outside a day.
    bool day_level = f.value.value.size() >= 10 && f.value.value[4] == '-' && f.value.value[7] == '-';
    if (mod && day_level && (mod->mod == Mod::Start || mod->mod == Mod::End || mod->mod == Mod::Mid)) mod = nullptr;
    if (mod) {
      f.first = start;
      if (f.value.mod == Mod::None) f.value.mod = mod->mod;
    }
    floor = f.last;
    Timex x;
    x.span = Span{tokens[f.first].begin, tokens[f.last - 1].end};
    try {
      x.value = f.parsed ? std::move(*f.parsed) : parse_time_value(f.value.value, f.value.type);
    } catch (const ValueError&) {
      continue;  // a value the calendar cannot hold ("February 30") is no time expression
    }
    x.value.mod = f.value.mod;
    x.anchoring = f.value.anchoring;
    bounds_for_mod(x.value, mod, ctx.dct);
    result.push_back(std::move(x));
  }
}

}  // namespace

std::vector<Timex> find_timexes(std::string_view text, std::optional<Date> dct) {
  Context ctx;
  ctx.text = text;
  ctx.dct = dct;
  std::vector<Timex> result;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = chunk_end(text, begin);
    tag_chunk(text, begin, end, ctx, result);
    begin = end;
  }
  return result;
}

}  // namespace dateline
