#pragma once
// Which reader an input needs, decided by its first bytes (the extension only breaks ties for
// markup fragments): a feed, an HTML page, JSON Lines or plain text.

#include <string_view>

namespace dateline::reader {

enum class InputFormat { Text, Html, Feed, JsonLines };

// `head` is the start of the input (a few kilobytes are enough); `path` its name, "-" for stdin.
InputFormat sniff_format(std::string_view head, std::string_view path);

std::string_view to_string(InputFormat format);

}  // namespace dateline::reader
