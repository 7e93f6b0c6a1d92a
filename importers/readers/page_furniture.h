#pragma once
// Site furniture: lines a saved page carries that belong to the site, not to any article
// ("Related Articles", "Comments", "Sign up for our newsletter"). The patterns are data
// (page_furniture.tsv).

#include <string_view>

namespace dateline::reader {

// Whether a whole trimmed line is site furniture.
bool is_page_furniture(std::string_view line);

// ASCII case-insensitive match of `text` against `pattern`, where '*' matches any run of bytes.
bool glob_match_ci(std::string_view pattern, std::string_view text);

}  // namespace dateline::reader
