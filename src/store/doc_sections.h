// Documents as sections for the full-text index: Markdown split at its headings, heading slugs
// for stable section ids, and the translation of a user's search words into an FTS5 query that
// cannot be a syntax error. Pure functions; the SQL that keeps the index is in sqlite_docs.cc.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "store/records.h"

namespace bf::store {

// Splits Markdown at its ATX headings ("# Title" .. "###### Title"; headings inside fenced code
// blocks do not count). The text before the first heading becomes the section "top" titled with
// the path (left out when blank). Ids are "<path>#<slug>", unique within the document (repeated
// slugs get -1, -2, ...). `updatedAt` is left 0.
std::vector<DocSection> SplitSections(const std::string& path, const std::string& markdown);

// GitHub-style anchor of a heading: lower case, spaces to '-', punctuation dropped; non-ASCII
// letters are kept. "section" when nothing is left.
std::string HeadingSlug(const std::string& heading);

// The FTS5 query for search words typed by a user: every term is quoted, so FTS5 operators and
// column filters are never interpreted. Terms: words, "quoted phrases", word* (prefix); terms
// must all match unless joined by OR. Error "store.bad_query" with a message for the user when the
// query has no words, an unclosed quote or is longer than 200 characters.
Result<std::string> DocSearchQuery(const std::string& text);

namespace sqlite {
class Conn;
// Internal to the store (sqlite_docs.cc), inside a write transaction. Replaces the indexed
// sections of one document by those of `content`; a section whose title and body are unchanged
// keeps its updatedAt, the others get `at`.
void IndexDocSections(Conn& c, const std::string& projectId, const std::string& path, const std::string& content,
                      Millis at);
// Indexes the latest version of every document (the migration that adds the index).
void IndexAllDocs(Conn& c);
}  // namespace sqlite

}  // namespace bf::store
