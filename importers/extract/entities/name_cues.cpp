#include "entities/name_cues.h"

#include "dateline_importers_data.h"
#include "tsv_rows.h"

namespace dateline::entities {
namespace {

constexpr std::size_t kMaxCueWord = 24;

std::uint16_t cue_from_name(std::string_view name) {
  if (name == "TITLE") return kTitle;
  if (name == "ORG_SUFFIX") return kOrgSuffix;
  if (name == "PARTICLE") return kParticle;
  if (name == "NOT_NAME") return kNotName;
  if (name == "PERSON_VERB") return kPersonVerb;
  if (name == "CONNECTOR") return kConnector;
  if (name == "LEGAL_FORM") return kLegalForm;
  if (name == "AUXILIARY") return kAuxiliary;
  if (name == "GENERIC") return kGenericWord;
  return 0;
}

bool is_lower_ascii(std::string_view word) {
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') return false;
  }
  return true;
}

}  // namespace

const NameCues& NameCues::instance() {
  static const NameCues cues;
  return cues;
}

NameCues::NameCues() {
  data::for_each_tsv_row(data::entities_cues_tsv, "entities_cues.tsv", [&](const data::TsvRow& row) {
    const std::uint16_t cue = cue_from_name(row[1]);
    if (row.size != 2 || cue == 0) throw data::bad_tsv_row("entities_cues.tsv", row, "expected word<TAB>CUE");
    if (!is_lower_ascii(row[0]) || row[0].size() > kMaxCueWord) {
      throw data::bad_tsv_row("entities_cues.tsv", row, "cue words are lower case ASCII, at most 24 bytes");
    }
    cues_[row[0]] |= cue;
    words_.add(row[0]);
    if (cue == kParticle) particles_.add(row[0]);
  });
}

std::uint16_t NameCues::of(std::string_view word) const {
  if (word.size() > kMaxCueWord || !words_.may_hold(word)) return 0;  // the filter is blind to case
  char lower[kMaxCueWord];
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
  const std::uint16_t* cue = cues_.find(std::string_view(lower, word.size()));
  return cue ? *cue : 0;
}

}  // namespace dateline::entities
