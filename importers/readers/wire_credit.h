#pragma once
// The wire credit that opens many agency articles on aggregator pages: "DPA Beijing EU leaders
// on Thursday ..." or "WASHINGTON (Reuters) - The ...". It names who wrote the text, not what the
// text is about, so it belongs in the byline, not in the first sentence.

#include <optional>
#include <string_view>

namespace dateline::reader {

struct WireCredit {
  std::string_view credit;  // "DPA", "Reuters"
  std::string_view place;   // "Beijing", "WASHINGTON"; empty when none is given
  std::size_t length = 0;   // bytes of the paragraph the credit and place take, with the space after
};

// The credit at the start of `paragraph` (wire_credits.tsv), or nothing. Forms:
//   Credit [Place] Sentence...     the place only when it is a known country or capital
//   PLACE (Credit) - Sentence...   any dash; the place up to four words
// A credit followed by a lower-case word ("Reuters reported") is the sentence's subject: nothing.
std::optional<WireCredit> wire_credit(std::string_view paragraph);

}  // namespace dateline::reader
