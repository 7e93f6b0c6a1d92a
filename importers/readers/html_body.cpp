// Content density, after Readability and Kohlschütter's boilerplate detection: the page is cut
// into text blocks (paragraphs, list items, cells); each block of prose scores its parent and,
// at half weight, its grandparent; the best-scoring element is the article's container. Its
// blocks and those of siblings scoring nearly as well (articles split around an ad slot) are
// the body, less blocks that are mostly link text (related-article lists, "Read more") and lines
// of site furniture. Elements that are never article text (scripts, navigation, forms) and those
// whose class, id or ARIA role name furniture (html_boilerplate.tsv) are skipped outright;
// comment nodes never reach the text.

#include "readers/html_body.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "dateline_importers_data.h"
#include "extract/tsv_rows.h"
#include "readers/html_tree.h"
#include "readers/page_furniture.h"

namespace dateline::reader {
namespace {

enum class Role { Inline, Skip, Block, Heading, Break };

// A block shorter than this is a label, a date or a caption, not prose: it gives its container
// no score (it is still kept when it lies inside the chosen container).
constexpr std::size_t kMinScoringBlock = 25;
// Link text above this share marks a block as navigation or a list of related links.
constexpr double kMaxLinkDensity = 0.5;
// Siblings of the best container scoring at least this share of it belong to the article.
constexpr double kSiblingShare = 0.2;
// A block this short holding a <time> element is the article's dateline ("Posted <time>"),
// which the metadata already gave; it is not article text.
constexpr std::size_t kMaxDatelineBlock = 60;

class ElementTables {
 public:
  static const ElementTables& instance() {
    static const ElementTables tables;
    return tables;
  }

  Role role(std::string_view element) const {
    auto it = roles_.find(element);
    return it == roles_.end() ? Role::Inline : it->second;
  }

  // Whether the element's class or id words, or its ARIA role, mark furniture.
  bool is_furniture(const xmlNode* node) const {
    if (!roles_aria_.empty()) {
      std::string role = attribute(node, "role");
      std::transform(role.begin(), role.end(), role.begin(), [](unsigned char c) { return std::tolower(c); });
      if (!role.empty() && roles_aria_.count(role)) return true;
    }
    const std::string names = attribute(node, "class") + " " + attribute(node, "id");
    if (has_word(names, words_) && !has_word(names, content_words_)) return true;
    return node->properties && (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr ||
                                attribute(node, "aria-hidden") == "true");
  }

 private:
  ElementTables() {
    data::for_each_tsv_row(data::html_elements_tsv, "html_elements.tsv", [&](const data::TsvRow& row) {
      Role role;
      if (row[1] == "skip") {
        role = Role::Skip;
      } else if (row[1] == "block") {
        role = Role::Block;
      } else if (row[1] == "heading") {
        role = Role::Heading;
      } else if (row[1] == "break") {
        role = Role::Break;
      } else {
        throw data::bad_tsv_row("html_elements.tsv", row, "unknown role");
      }
      roles_.emplace(row[0], role);
    });
    data::for_each_tsv_row(data::html_boilerplate_tsv, "html_boilerplate.tsv", [&](const data::TsvRow& row) {
      if (row[0] == "class") {
        words_.emplace(row[1]);
      } else if (row[0] == "content") {
        content_words_.emplace(row[1]);
      } else if (row[0] == "role") {
        roles_aria_.emplace(row[1]);
      } else {
        throw data::bad_tsv_row("html_boilerplate.tsv", row, "kind must be class, content or role");
      }
    });
  }

  // Whether `value` (class and id) holds one of `words` as a whole word, case-insensitively.
  static bool has_word(const std::string& value, const std::unordered_set<std::string_view>& words) {
    std::string word;
    auto check = [&] {
      bool hit = !word.empty() && words.count(word);
      word.clear();
      return hit;
    };
    for (char c : value) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (check()) {
        return true;
      }
    }
    return check();
  }

  std::unordered_map<std::string_view, Role> roles_;
  std::unordered_set<std::string_view> words_;
  std::unordered_set<std::string_view> content_words_;
  std::unordered_set<std::string> roles_aria_;
};

struct TextBlock {
  std::string text;
  std::size_t link_bytes = 0;
  const xmlNode* element = nullptr;  // the block element the text was gathered in
  bool heading = false;
  bool has_time = false;  // holds a <time> element

  double link_density() const {
    return text.empty() ? 0.0 : static_cast<double>(link_bytes) / static_cast<double>(text.size());
  }
};

// Cuts the page into text blocks in document order.
class BlockCollector {
 public:
  explicit BlockCollector(const ElementTables& tables) : tables_(tables) {}

  std::vector<TextBlock> collect(const xmlNode* root) {
    current_.element = root;
    walk(root, false);
    flush();
    return std::move(blocks_);
  }

 private:
  void flush() {
    if (!current_.text.empty()) blocks_.push_back(std::move(current_));
    current_ = TextBlock{};
    pending_space_ = false;
  }

  void walk(const xmlNode* node, bool in_link) {
    for (const xmlNode* child = node->children; child; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        if (!child->content) continue;
        const std::size_t before = current_.text.size();
        append_collapsed(current_.text, reinterpret_cast<const char*>(child->content), pending_space_);
        if (in_link) current_.link_bytes += current_.text.size() - before;
        continue;
      }
      if (child->type != XML_ELEMENT_NODE) continue;  // comments, processing instructions
      const Role role = tables_.role(element_name(child));
      if (role == Role::Skip || tables_.is_furniture(child)) continue;
      if (role == Role::Break) {
        const xmlNode* element = current_.element;
        const bool heading = current_.heading;
        flush();
        current_.element = element;
        current_.heading = heading;
        continue;
      }
      const bool link = in_link || element_name(child) == "a";
      if (element_name(child) == "time") current_.has_time = true;
      if (role == Role::Inline) {
        walk(child, link);
        continue;
      }
      const xmlNode* outer = current_.element;
      const bool outer_heading = current_.heading;
      flush();
      current_.element = child;
      current_.heading = role == Role::Heading;
      walk(child, link);
      flush();
      current_.element = outer;
      current_.heading = outer_heading;
    }
  }

  const ElementTables& tables_;
  std::vector<TextBlock> blocks_;
  TextBlock current_;
  bool pending_space_ = false;
};

bool is_inside(const xmlNode* node, const xmlNode* ancestor) {
  for (; node; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

std::size_t count_commas(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), ','));
}

// The elements holding the article: the best-scoring container and its siblings that score
// nearly as well.
std::vector<const xmlNode*> article_containers(const std::vector<TextBlock>& blocks) {
  std::unordered_map<const xmlNode*, double> score;
  std::vector<const xmlNode*> order;  // first-scored order, for a stable choice among equals
  auto add = [&](const xmlNode* node, double points) {
    if (!node || node->type != XML_ELEMENT_NODE) return;
    auto [it, inserted] = score.emplace(node, 0.0);
    if (inserted) order.push_back(node);
    it->second += points;
  };
  for (const TextBlock& b : blocks) {
    if (b.heading || b.text.size() < kMinScoringBlock || b.link_density() > kMaxLinkDensity) continue;
    // Readability's weights: one for the paragraph, one per comma, one per 100 bytes up to 3.
    const double points =
        (1.0 + static_cast<double>(count_commas(b.text)) + std::min(3.0, static_cast<double>(b.text.size()) / 100.0)) *
        (1.0 - b.link_density());
    const xmlNode* parent = b.element->parent;
    add(parent, points);
    if (parent) add(parent->parent, points / 2);
  }
  const xmlNode* best = nullptr;
  double best_score = 0;
  for (const xmlNode* node : order) {
    if (score[node] > best_score) best = node, best_score = score[node];
  }
  if (!best) return {};
  std::vector<const xmlNode*> containers;
  if (best->parent) {
    for (const xmlNode* sibling = best->parent->children; sibling; sibling = sibling->next) {
      if (sibling == best) {
        containers.push_back(sibling);
        continue;
      }
      auto it = score.find(sibling);
      if (it != score.end() && it->second >= kSiblingShare * best_score) containers.push_back(sibling);
    }
  } else {
    containers.push_back(best);
  }
  return containers;
}

bool same_text_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::vector<std::string> article_paragraphs(const xmlDoc* doc, BodyScope scope, std::string_view title) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return {};
  const xmlNode* body = find_element(root, "body");
  if (!body) body = root;
  std::vector<TextBlock> blocks = BlockCollector(ElementTables::instance()).collect(body);

  std::vector<const xmlNode*> containers;
  if (scope == BodyScope::Page) containers = article_containers(blocks);
  // A page with no block long enough to score (a stub, a one-line note) is taken whole, as a
  // fragment is: there is no denser part to prefer.
  const bool whole = scope == BodyScope::Fragment || containers.empty();
  auto in_article = [&](const TextBlock& b) {
    if (whole) return true;
    return std::any_of(containers.begin(), containers.end(), [&](const xmlNode* c) { return is_inside(b.element, c); });
  };

  std::vector<std::string> paragraphs;
  for (TextBlock& b : blocks) {
    while (!b.text.empty() && b.text.back() == ' ') b.text.pop_back();
    if (b.text.empty() || !in_article(b)) continue;
    if (b.link_density() > kMaxLinkDensity) continue;
    if (b.heading && same_text_ci(b.text, title)) continue;
    if (b.has_time && b.text.size() <= kMaxDatelineBlock) continue;
    if (is_page_furniture(b.text)) continue;
    paragraphs.push_back(std::move(b.text));
  }
  return paragraphs;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& p : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p;
  }
  return text;
}

}  // namespace dateline::reader
