#pragma once
// The words around and inside names (entities_cues.tsv): titles that introduce a person,
// organisation suffixes, name particles, capitalised words that are never names, and verbs
// of saying. Looked up case-insensitively; built once, immutable.

#include <cstdint>
#include <string_view>
#include "word_filter.h"

#include "flat_word_map.h"

namespace dateline::entities {

enum Cue : std::uint16_t {
  kTitle = 1,          // President, Senator, chief, officer ...: a name follows
  kOrgSuffix = 2,      // Agency, Ministry, Inc ...: the capitalised words before it are an organisation
  kParticle = 4,       // von, der, bin, al ...: lower case inside a name
  kNotName = 8,        // However, Despite, The ...: a capitalised word that is not part of a name
  kPersonVerb = 16,    // said, told ...: what follows a person's name
  kConnector = 32,     // of: inside an organisation's name after a suffix word ("Ministry of Defence")
  kLegalForm = 64,     // Inc, Ltd, plc ...: part of the name in the text, left out of the name it is known by
  kAuxiliary = 128,    // had, will, would ...: a verb that can follow a name opening a sentence
  kGenericWord = 256,  // National, Federal, Royal ...: opens many names, so alone it stands for none
};

class NameCues {
 public:
  static const NameCues& instance();

  // The cue bits of a word (ASCII case-insensitive); 0 for words not in the table. No allocation.
  std::uint16_t of(std::string_view word) const;
  // False for a word that is surely no particle (one bit test): the tagger asks whether each
  // lower-case word of a text is one, and most are not, nor any other cue.
  bool may_be_particle(std::string_view word) const { return particles_.may_hold(word); }
  // Calls f(word, cues) for every word of the table (lower case).
  template <typename F>
  void for_each(F&& f) const {
    cues_.for_each(f);
  }

 private:
  NameCues();
  FlatWordMap<std::uint16_t> cues_;  // keys are lower case, in the table
  WordFilter words_;  // the keys of cues_: most words of a text are none
  WordFilter particles_;  // the words with the PARTICLE cue
};

}  // namespace dateline::entities
