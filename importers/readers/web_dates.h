#pragma once
// Publication times as web pages and feeds write them: ISO 8601 / RFC 3339 in meta tags,
// JSON-LD and <time datetime> ("2025-03-14T08:30:00+01:00", "2025-03-14T08:30:00.000Z",
// "2025-03-14"), and RFC 822 in RSS ("Fri, 14 Mar 2025 08:30:00 GMT").
//
// Both give the calendar date as the publisher wrote it, in the publisher's own time zone: the
// document creation time that "yesterday" in the article is anchored to is the writer's day,
// so an offset is checked but not applied.

#include <dateline/time_value.h>

#include <optional>
#include <string_view>

namespace dateline::reader {

// The date of an ISO 8601 date or date-time with an optional fraction and zone; nullopt when
// the text is not one or names an impossible date.
std::optional<Date> parse_web_iso_date(std::string_view text);

// The date of an RFC 822 / RFC 2822 date-time ("Fri, 14 Mar 2025 08:30:00 GMT"; the weekday,
// seconds and zone may be missing, two-digit years are read as RFC 2822 says); nullopt otherwise.
std::optional<Date> parse_rfc822_date(std::string_view text);

// Either form, ISO first: feeds and pages do not always use the one their format prescribes.
std::optional<Date> parse_web_date(std::string_view text);

}  // namespace dateline::reader
