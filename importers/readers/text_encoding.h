#pragma once
// Character encodings of markup input: what a page or feed declares (a byte-order mark, the XML
// declaration, <meta charset> or <meta http-equiv="Content-Type">), and conversion of declared
// legacy encodings (ISO-8859-1, Windows-1252, ...) to UTF-8 with iconv.

#include <optional>
#include <string>
#include <string_view>

namespace dateline::reader {

// The encoding `content` declares, lower-cased ("windows-1252"), or nullopt when it declares
// none. Only the first few kilobytes are looked at, as browsers do.
std::optional<std::string> declared_encoding(std::string_view content);

// `content` as UTF-8. UTF-8 (declared, or nothing declared) is checked and returned without a
// byte-order mark; anything else is converted with iconv. ISO-8859-1 and US-ASCII are read as
// Windows-1252, its superset, as browsers read them (WHATWG Encoding Standard), because pages
// that declare them routinely use curly quotes from 0x80-0x9F. Throws InputError naming `file`
// with the byte offset of an invalid sequence, or for an encoding iconv does not know.
std::string markup_to_utf8(std::string content, std::string_view file);

}  // namespace dateline::reader
