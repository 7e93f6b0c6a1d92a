#pragma once
// A short JSON text parsed with its values and the parser's stack in buffers of its own (on the
// stack of the caller): a stored value history or entity list is a few hundred bytes, and
// rapidjson::Document allocated a 64 KB chunk, an allocator object and a parse stack for each
// (a listing of a month of upcoming facts parses over a thousand of them).

#include <rapidjson/document.h>

#include <string_view>

namespace dateline::engine {

class SmallJson {
 public:
  using Pool = rapidjson::MemoryPoolAllocator<>;
  using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, Pool, Pool>;

  SmallJson() = default;
  SmallJson(const SmallJson&) = delete;
  SmallJson& operator=(const SmallJson&) = delete;

  // The parsed document (a longer text spills into chunks the pools allocate); null on a parse error.
  const rapidjson::Value* parse(std::string_view json) {
    document_.Parse(json.data(), json.size());
    return document_.HasParseError() ? nullptr : &document_;
  }

 private:
  static constexpr std::size_t kValueBytes = 4096, kStackBytes = 1024;
  alignas(8) char value_buffer_[kValueBytes];
  alignas(8) char stack_buffer_[kStackBytes];
  Pool values_{value_buffer_, kValueBytes};
  Pool stack_{stack_buffer_, kStackBytes};
  Document document_{&values_, kStackBytes, &stack_};
};

}  // namespace dateline::engine
