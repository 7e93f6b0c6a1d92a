// TEMPORARY placeholder, replaced by the real splitter.
#include <dateline/extract.h>
namespace dateline {
std::vector<Span> split_sentences(std::string_view text) { return {Span{0, static_cast<std::uint32_t>(text.size())}}; }
}
