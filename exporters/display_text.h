#pragma once
// Text as the exporters show it: one clean line of valid UTF-8, shortened or wrapped by
// characters (not bytes), and escaped for HTML. Article text may hold anything (newlines,
// control characters, markup, invalid bytes); what leaves here is safe to place in a label.

#include <string>
#include <string_view>
#include <vector>

namespace dateline::display {

// Valid UTF-8 with every run of whitespace and control characters turned into one space,
// trimmed; invalid bytes become U+FFFD.
std::string one_line(std::string_view text);

// `text` as one line cut to at most `max_chars` characters at a word boundary, with "…"
// when something was cut.
std::string shorten(std::string_view text, std::size_t max_chars);

// `text` as one line broken into lines of at most `width` characters (a longer word is cut).
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// & < > " ' as character references, for HTML text and attribute values.
std::string html_escape(std::string_view text);

// An absolute http(s) URL with no whitespace or control characters: safe to link to.
// Anything else (javascript:, data:, relative paths) is shown as text, never linked.
bool is_web_url(std::string_view url);

// Whether `text` is well-formed UTF-8 (RFC 3629).
bool valid_utf8(std::string_view text);

// The number of characters (code points) in valid UTF-8.
std::size_t char_count(std::string_view text);

}  // namespace dateline::display
