// Noun-phrase chunking without a tagger: runs of content words, broken at function words,
// verbs, punctuation and numbers, with noun/verb ambiguity settled by subject agreement
// ("users post listings": "post" is a verb after a plural noun; "job orders" stays a noun).
#pragma once

#include <string>
#include <vector>

#include "analyze/text.h"

namespace bf::analyze {

struct Chunk {
  size_t begin = 0, end = 0;        // token range [begin, end)
  std::vector<std::string> words;   // lowercase content words (modifiers dropped)
  std::string name;                 // singular PascalCase ("JobOrder")
  std::string phrase;               // singular lowercase words ("job order")
  bool plural = false;
  bool quantified = false;  // preceded by many / several / multiple / some / one or more
  bool single = false;      // preceded by a / an / one / exactly one / each / every
  int depth = 0;            // parenthesis depth at the chunk
  bool identifier = false;  // written as one camelCase word ("EventStatusLog"): its name is kept whole
};

// Chunks tokens [begin, end) of `toks`.
std::vector<Chunk> ChunkTokens(const std::vector<Token>& toks, size_t begin, size_t end);

// "follow-ups" -> {"follow", "up"} singular; builds Chunk::name / Chunk::phrase from words.
void NameChunk(Chunk& c);

// Lowercase words -> singular PascalCase name (last word singularized), "" if nothing usable.
std::string EntityName(const std::vector<std::string>& words);

}  // namespace bf::analyze
