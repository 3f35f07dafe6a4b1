// Escaping of free text (titles, descriptions, default values) for Mermaid sources and
// Markdown. Identifiers (entity, field, relation names) are validated PascalCase/camelCase
// and go in as they are; everything a user typed goes through one of these.
#pragma once

#include <string>
#include <string_view>

namespace bf::plan {

// Text inside a double-quoted flowchart label or a sequence-diagram message/note: mermaid
// entity codes (#quot; #35; ...) for the characters that would end or re-interpret the text
// (" # ; % < > `); control characters and newlines fold to one space. Never empty: "-" for "".
std::string MermaidLabel(std::string_view text);

// An erDiagram attribute comment (double quotes, no escape syntax): `"` becomes `'`,
// newlines fold to spaces, and the text is cut to `max_chars` code points with "...".
std::string MermaidErComment(std::string_view text, size_t max_chars = 80);

// A Markdown table cell from free text: newlines folded, inline markup characters
// (\ ` * _ [ ] |) backslash-escaped, `<` as &lt; so no HTML gets through.
std::string MarkdownCell(std::string_view text);

// Inline Markdown text (headings, list items): as MarkdownCell, and characters that would
// start a block at the beginning of a line (# > - + = * and "1.") are escaped too.
std::string MarkdownInline(std::string_view text);

// Folds every run of whitespace/control characters into one space and trims.
std::string FoldWhitespace(std::string_view text);

}  // namespace bf::plan
