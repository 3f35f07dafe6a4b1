// Hand-written tokenizer and segmenter for descriptions (no regex: analysis must stay well under
// a few milliseconds). Pure functions over the input text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bf::analyze {

// `w` is one of `set` (short word lists written in place: In(w, {"a", "an", "the"})).
inline bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (w == s) return true;
  }
  return false;
}

struct Token {
  enum Kind { kWord, kNumber, kPunct };
  Kind kind = kWord;
  std::string text;   // as written ("Follow-ups")
  std::string lower;  // lowercase, typo-corrected ("follow-ups")
  bool capitalized = false;
  bool joined = false;  // a later part of a camelCase word ("Log" in "EventStatusLog")
};

// A sentence or clause-level segment: one bullet line or one sentence of prose.
struct Sentence {
  std::vector<Token> tokens;
  bool bullet = false;  // started with "-", "*", "•" or "1."
  bool line_start = false;  // began a line of the text (not after a '.' inside one)
};

// Splits `text` into sentences. Newlines end sentences; '.', '!', '?' and ';' end them outside
// parentheses. "e.g.", "i.e.", "a.k.a.", "etc." are kept as single word tokens ("eg", "ie",
// "aka", "etc"). A possessive "'s" becomes its own token. Words keep inner '-', '_' and digits.
std::vector<Sentence> Segment(std::string_view text);

// Lowercase word-token text of a sentence range, joined by spaces (for phrase checks).
std::string JoinLower(const std::vector<Token>& toks, size_t begin, size_t end);

// Corrects likely typos of known vocabulary words in place (edit distance 1, words of 5+
// letters that are not themselves known). Applied to Token::lower only.
void CorrectTypos(std::vector<Sentence>& sentences);

// Evens out two common learner forms in place, so the readers see the plain ones (Token::lower
// and Token::text; tokens may be removed):
//  - a progressive of a verb the vocabulary knows, after a noun or a name: "volunteers is
//    registering for events" -> "volunteers register for events", "each order is containing
//    products" -> "each order contain products";
//  - a singular noun after "many" / "several" / "multiple" at the end of its phrase: "each book
//    has many author and ..." -> "many authors and ...".
// It also reads a formal specification's "shall" as "should" (Token::lower only).
void NormalizeLearnerGrammar(std::vector<Sentence>& sentences);

// Markdown or SQL a developer may paste, turned into the plain lines the readers know: a pipe table's
// rows become "First cell: other cells." lines (a table of entity / field / type rows becomes one line
// per entity with its fields), separator rows and code fences go, and a CREATE TABLE statement becomes
// "table: column, column." (a referencing column named after what it references, "author_id ...
// references authors" -> "author"). Other text is unchanged.
std::string FlattenMarkdown(std::string_view text);

// True if `haystack` (lowercase) contains `needle` at word boundaries.
bool ContainsPhrase(std::string_view haystack, std::string_view needle);

// " word " (for phrase lookups in NormalizeForPhrases text). Built without operator+ chains,
// which trip a GCC 12 -Wrestrict false positive at -O3.
std::string Padded(std::string_view s);

// Word-position index over a normalized text for fast phrase lookups (hundreds of cue phrases
// per analysis: a substring search per phrase would dominate the run time). The text must
// outlive the index.
class PhraseIndex {
 public:
  explicit PhraseIndex(std::string_view norm);
  // True if the space-separated words of `phrase` occur consecutively.
  bool Has(std::string_view phrase) const;
  // True if some word starts with `prefix`.
  bool HasWordPrefix(std::string_view prefix) const;
  // The words, in order.
  const std::vector<std::string_view>& Words() const { return words_; }

 private:
  std::vector<std::string_view> words_;
  std::unordered_map<std::string_view, std::vector<uint32_t>> pos_;
};

// Lowercases and collapses every run of non-alphanumerics to one space (with a leading and a
// trailing space), so phrase checks are simple substring searches for " word ".
std::string NormalizeForPhrases(std::string_view text);

}  // namespace bf::analyze
