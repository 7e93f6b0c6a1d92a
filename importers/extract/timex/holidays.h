#pragma once
// Holidays (timex_holidays.tsv): a name and the rule that gives its date in a year.

#include <dateline/time_value.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::timex {

class Holidays {
 public:
  static const Holidays& instance();
  // The date of the holiday named `key` (lower case, words joined by single spaces) in `year`;
  // nullopt for an unknown name.
  std::optional<Date> date_in(std::string_view key, int year) const;
  bool known(std::string_view key) const;

 private:
  Holidays();
  struct Rule {
    std::string key;
    enum class Kind { Fixed, NthWeekday, Easter } kind = Kind::Fixed;
    int month = 0;
    int day = 0;      // Fixed
    int nth = 0;      // NthWeekday: 1.., or -1 for the last
    int weekday = 0;  // NthWeekday: 1 Monday .. 7 Sunday
    int offset = 0;   // days added (NthWeekday, Easter)
  };
  const Rule* find(std::string_view key) const;
  std::vector<Rule> rules_;
};

// Western (Gregorian) Easter Sunday of a year.
Date easter_sunday(int year);

}  // namespace dateline::timex
