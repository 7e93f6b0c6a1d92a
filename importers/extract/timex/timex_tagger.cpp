// TEMPORARY placeholder.
#include <dateline/extract.h>
namespace dateline {
std::vector<Timex> find_timexes(std::string_view, std::optional<Date>) { return {}; }
}
