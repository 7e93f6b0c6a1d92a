#pragma once
// ISO 8601 calendar dates and times as users and pages write them: "2025-07-25",
// "2025-07-25T12:00", "2025-07-25T12:00:30" (a space may stand for the T).

#include <boost/date_time/posix_time/ptime.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::reader {

// The time, or nullopt with `why` (when given) saying what was wrong. A date alone is midnight.
std::optional<boost::posix_time::ptime> parse_iso_datetime(std::string_view text, std::string* why = nullptr);

}  // namespace dateline::reader
