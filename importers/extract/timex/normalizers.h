#pragma once
// Normalization: each pattern names a function that turns its match into a TIMEX3 value.

#include "timex/grammar.h"

#include <dateline/time_value.h>
#include <dateline/timex.h>

#include <optional>
#include <string>
#include <string_view>

namespace dateline::timex {

enum class Tense { Unknown, Past, Future };

// What a normalizer may look at besides its match.
struct Context {
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;
  std::optional<Date> dct;
  // The last date resolved in the text, for "the next day" and "a year earlier".
  std::optional<Date> previous;
  // The last dated expression's granularity and start: "a year earlier" after "the third
  // quarter" is the same quarter a year before (earnings-report style).
  Granularity previous_granularity = Granularity::None;
  std::optional<Date> previous_start;
  // The quarter the text reports on, when it names the one just ended at the DCT (an earnings
  // story's lede): later quarters named in passing ("after a flat second quarter") do not
  // replace it as the anchor of "the quarter", "a year ago".
  std::optional<Date> reported_quarter;
  // The duration of the last reporting stretch named ("the nine months": "P9M"): "the
  // year-earlier period" after it is that stretch of the year before, a duration as well.
  std::string reporting_stretch;
  // The token after the last expression tagged: "Oct. 12, the day before the crash" is an
  // apposition when the day phrase follows that expression and a comma.
  std::size_t previous_end = static_cast<std::size_t>(-1);  // none yet in this chunk

  // The tense of the clause around tokens [first, last): the nearest tense cue in the
  // sentence ("will", "said", a past participle ...).
  Tense tense_around(std::size_t first, std::size_t last) const;
  // The tense token `i` signals by itself ("will", "said", a past participle), Unknown if none.
  Tense tense_cue(std::size_t i) const;
  // The anchor for expressions relative to the previous time ("the next day"): the last
  // date in the text, else the DCT.
  std::optional<Date> previous_or_dct() const { return previous ? previous : dct; }
  // The anchor for a shift by `unit` from the last date ("the following year" after "2018"):
  // day-level shifts need a day, coarser ones any dated expression; else the DCT.
  std::optional<Date> anchor_for(Unit unit) const {
    bool coarse = unit == Unit::Month || unit == Unit::Quarter || unit == Unit::Year || unit == Unit::Decade ||
                  unit == Unit::Century;
    if (coarse && previous_start) return previous_start;
    return previous_or_dct();
  }
};

struct Normalized {
  TimexType type = TimexType::Date;
  std::string value;
  Mod mod = Mod::None;
  Anchoring anchoring = Anchoring::Absolute;
  // Tokens to drop from the match's ends (e.g. a cue word the pattern needed but the span
  // must not include).
  std::size_t trim_front = 0;
  std::size_t trim_back = 0;
  // Whether later expressions may anchor to this one. A date reached by shifting ("a year
  // earlier") is not: "the latest quarter ... a year earlier ... a year earlier" must not
  // walk back a year each time.
  bool anchors_later = true;
  // A definite stretch of months ("the nine months", "the first six months"): an earnings
  // story's year-to-date period. "A year earlier" after it is that stretch a year before,
  // which a TIMEX3 value can give only as the year, so it replaces a quarter as the anchor.
  bool reporting_period = false;
  // "the day before", "the day after": right before a day ("the day before last Tuesday's
  // hearing") the two are one date, this many days from it (a refiner joins them).
  int days_from_next = 0;
  // An idiom that holds a time word ("high noon"): its tokens are consumed, nothing is tagged.
  bool discard = false;
};

// The normalizer a pattern names in the table; nullptr when there is none by that name.
Normalizer find_normalizer(std::string_view name);

}  // namespace dateline::timex
