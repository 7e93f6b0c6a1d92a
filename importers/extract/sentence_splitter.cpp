// Sentence boundaries in one pass over the bytes, without regexes.
//
// A sentence ends at terminal punctuation (. ! ? ... U+2026) plus any closing quotes, when what
// follows is the start of a new sentence, or at a line break that is not a soft wrap. The hard
// part is the full stop, which news text also uses for abbreviations (U.S., Mr., Sept.),
// initials (John F. Kennedy), decimals ($4.67bn, 3.5 per cent) and ellipses; the rules for it,
// in order, are in stop_ends_sentence(). Abbreviations and sentence openers are data
// (abbreviations.tsv, sentence_starters.tsv).

#include <dateline/extract.h>
#include <emmintrin.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "extract/sentence_lexicon.h"

namespace dateline {
namespace {

using sentence::AbbreviationKind;
using sentence::SentenceLexicon;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_line_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// U+2000..U+203F (dashes, curly quotes, the ellipsis) is E2 80 xx in UTF-8.
bool is_general_punctuation(std::string_view t, std::size_t i, char last) {
  return i + 2 < t.size() && t[i] == '\xE2' && t[i + 1] == '\x80' && t[i + 2] == last;
}

// Bytes of the closing quote or bracket at i (' " ) ] U+2019 U+201D), or 0.
std::size_t closing_len(std::string_view t, std::size_t i) {
  char c = t[i];
  if (c == '\'' || c == '"' || c == ')' || c == ']') return 1;
  if (is_general_punctuation(t, i, '\x99') || is_general_punctuation(t, i, '\x9D')) return 3;
  return 0;
}

// Bytes of the opening quote or bracket at i (' " ( [ U+2018 U+201C), or 0.
std::size_t opening_len(std::string_view t, std::size_t i) {
  char c = t[i];
  if (c == '\'' || c == '"' || c == '(' || c == '[') return 1;
  if (is_general_punctuation(t, i, '\x98') || is_general_punctuation(t, i, '\x9C')) return 3;
  return 0;
}

// Bytes of the terminal punctuation at i (. ! ? U+2026), or 0.
std::size_t terminal_len(std::string_view t, std::size_t i) {
  char c = t[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (is_general_punctuation(t, i, '\xA6')) return 3;
  return 0;
}

// Whether the byte before `p` belongs to the word that ends there. Words keep their inner stops
// ("U.S", "e.g") and non-ASCII letters ("António"), and stop at spaces, ASCII punctuation and
// E2 80 xx punctuation (an em dash glues "rival—Mr." in the sample page).
bool word_byte_before(std::string_view t, std::size_t p) {
  auto c = static_cast<unsigned char>(t[p - 1]);
  if (c < 0x80) return is_letter(t[p - 1]) || is_digit(t[p - 1]) || t[p - 1] == '.';
  if (p >= 3 && t[p - 3] == '\xE2' && t[p - 2] == '\x80') return false;
  if (p >= 2 && t[p - 2] == '\xC2' && t[p - 1] == '\xA0') return false;  // no-break space
  return true;
}

// The word that ends just before the stop at `stop`, without the stop.
std::string_view word_before(std::string_view t, std::size_t stop) {
  std::size_t p = stop;
  while (p > 0 && word_byte_before(t, p)) --p;
  while (p < stop && t[p] == '.') ++p;  // stops before the word belong to an earlier ellipsis
  return t.substr(p, stop - p);
}

// The ASCII letters from p: the next word, for the sentence-opener check.
std::string_view word_at(std::string_view t, std::size_t p) {
  std::size_t e = p;
  while (e < t.size() && is_letter(t[e])) ++e;
  return t.substr(p, e - p);
}

// "F" (John F. Kennedy), "U.S", "a.m": single letters joined by stops. A lone lower-case letter
// is more often a word's end than an initial, so it does not count.
bool is_dotted_initials(std::string_view w) {
  if (w.size() == 1) return is_upper(w[0]);
  if (w.size() % 2 == 0) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !is_letter(w[i]) : w[i] != '.') return false;
  }
  return true;
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : t_(text), n_(text.size()), lexicon_(SentenceLexicon::instance()) {}

  std::vector<Span> run() {
    std::size_t i = 0;
    while (i < n_) {
      i = next_candidate(i);
      if (i >= n_) break;
      if (t_[i] == '\n') {
        if (line_break_ends_sentence(i)) emit(i);
        ++i;
        continue;
      }
      if (terminal_len(t_, i) == 0) {
        ++i;
        continue;
      }
      i = at_terminal(i);
    }
    emit(n_);
    return std::move(spans_);
  }

 private:
  // The first byte at or after i that can end a sentence: a line break, . ! ? or the lead byte
  // E2 of U+2026. Most bytes are none of these: sixteen at a time are compared with each (SSE2,
  // which every x86-64 has), and the first one found is the lowest bit of the mask.
  std::size_t next_candidate(std::size_t i) const {
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i stop = _mm_set1_epi8('.');
    const __m128i bang = _mm_set1_epi8('!');
    const __m128i question = _mm_set1_epi8('?');
    const __m128i lead = _mm_set1_epi8(static_cast<char>(0xE2));
    for (; i + 16 <= n_; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t_.data() + i));
      const __m128i any = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, stop)),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question)), _mm_cmpeq_epi8(v, lead)));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(any));
      if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    }
    while (i < n_ && !is_candidate(t_[i])) ++i;
    return i;
  }
  static bool is_candidate(char c) { return c == '\n' || c == '.' || c == '!' || c == '?' || c == '\xE2'; }

  // Closes the sentence running from start_ to `end`, trimmed of surrounding whitespace.
  void emit(std::size_t end) {
    std::size_t b = start_;
    std::size_t e = end;
    while (b < e && is_space(t_[b])) ++b;
    while (e > b && is_space(t_[e - 1])) --e;
    if (b < e) spans_.push_back(Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    start_ = end;
  }

  // Paragraphs are one per line in saved pages, so a line break ends a sentence; a blank line
  // always does. The exception is a soft wrap: the next line goes on in lower case
  // ("he would do\nso.").
  bool line_break_ends_sentence(std::size_t i) const {
    std::size_t p = i + 1;
    while (p < n_ && is_line_space(t_[p])) ++p;
    if (p >= n_ || t_[p] == '\n') return true;
    return !is_lower(t_[p]);
  }

  // Handles the run of terminal punctuation starting at i; returns where to go on scanning.
  std::size_t at_terminal(std::size_t i) {
    std::size_t j = i;
    while (j < n_) {
      std::size_t len = terminal_len(t_, j);
      if (len == 0) break;
      j += len;
    }
    const bool single_stop = j == i + 1 && t_[i] == '.';
    if (single_stop && j < n_ && is_digit(t_[j])) return j;  // 3.5, $4.67bn, 10.30

    std::size_t k = j;  // after the closing quotes: a sentence ending in .' ends after the quote
    while (k < n_) {
      std::size_t len = closing_len(t_, k);
      if (len == 0) break;
      k += len;
    }
    if (k == n_) {
      emit(k);
      return k;
    }
    if (is_space(t_[k])) {
      std::size_t w = k;
      while (w < n_ && is_line_space(t_[w])) ++w;
      if (w == n_) {
        emit(k);
        return w;
      }
      if (t_[w] == '\n') return w;  // the line break decides
      std::size_t next = w;         // the next word's first letter, past any opening quotes
      while (next < n_) {
        std::size_t len = opening_len(t_, next);
        if (len == 0) break;
        next += len;
      }
      bool ends = single_stop ? stop_ends_sentence(i, next) : run_ends_sentence(i, j, next);
      if (ends) emit(k);
      return k;
    }
    // No space after the stop: a plain word glued to a capitalized one is a missing space
    // ("do so.Hegseth"); "U.S.Army", "e.g.," and "example.com" are not.
    if (single_stop && k == j && is_upper(t_[j]) && is_glued_sentence_end(i)) {
      emit(j);
      return j;
    }
    return k;
  }

  // Whether the single full stop at `stop`, followed by a space, ends a sentence; `next` is the
  // first byte of the next word.
  bool stop_ends_sentence(std::size_t stop, std::size_t next) const {
    if (next >= n_) return true;
    const char first = t_[next];
    std::string_view word = word_before(t_, stop);
    std::string_view with_stop = t_.substr(stop - word.size(), word.size() + 1);
    if (auto kind = lexicon_.abbreviation(with_stop)) {
      switch (*kind) {
        case AbbreviationKind::Prefix:
          return false;
        case AbbreviationKind::Final:
          return lexicon_.is_sentence_starter(word_at(t_, next));
        case AbbreviationKind::Number:
          if (is_digit(first)) return false;
          break;  // "He said no." is an ordinary word
      }
    } else if (is_dotted_initials(word)) {
      return lexicon_.is_sentence_starter(word_at(t_, next));
    }
    // News sentences do not open in lower case, so a stop before one is an unknown abbreviation.
    return !is_lower(first);
  }

  // After ! ? or an ellipsis. Quotes elide mid-sentence ("and ... China can"), so an ellipsis
  // ends a sentence only before a usual sentence opener; ! and ? before anything but lower case.
  bool run_ends_sentence(std::size_t i, std::size_t j, std::size_t next) const {
    if (next >= n_) return true;
    bool ellipsis_only = true;
    for (std::size_t p = i; p < j; ++p) {
      if (t_[p] == '!' || t_[p] == '?') ellipsis_only = false;
    }
    if (ellipsis_only) return lexicon_.is_sentence_starter(word_at(t_, next));
    return !is_lower(t_[next]);
  }

  bool is_glued_sentence_end(std::size_t stop) const {
    std::string_view word = word_before(t_, stop);
    if (word.size() < 2 || !is_lower(word.back())) return false;
    for (char c : word) {
      if (!is_letter(c)) return false;
    }
    return !lexicon_.abbreviation(t_.substr(stop - word.size(), word.size() + 1)).has_value();
  }

  std::string_view t_;
  std::size_t n_;
  const SentenceLexicon& lexicon_;
  std::size_t start_ = 0;
  std::vector<Span> spans_;
};

}  // namespace

std::vector<Span> split_sentences(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("split_sentences: text longer than 4 GiB cannot be addressed by a Span");
  }
  return Splitter(text).run();
}

}  // namespace dateline
