// Field lists: splitting "title, slug, status (draft / published), first/last name and a due
// date" into items and each item into typed fields (camelCase names, enum values, flags).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyze/draft.h"
#include "analyze/text.h"

namespace bf::analyze {

struct Item {
  size_t begin = 0, end = 0;  // token range
};

// Splits [begin, end) at depth-0 ',', ';', 'and', '+', '&', 'plus' (and 'with' when
// `split_with`). "first and last name" is kept as two items sharing the head ("first name").
std::vector<Item> SplitItems(const std::vector<Token>& toks, size_t begin, size_t end, bool split_with);

// Index of the ')' matching the '(' at `open`, or `limit` when unbalanced.
size_t MatchParen(const std::vector<Token>& toks, size_t open, size_t limit);

// A column type or constraint written after a word ("attribs (json)", "code (unique)").
bool IsTypeWord(std::string_view w);

// True when [begin, end) reads like a list of attributes rather than examples or an alias.
bool LooksLikeFieldList(const std::vector<Token>& toks, size_t begin, size_t end);

// Stricter: most items of [begin, end) are column words or have a type of their own ("subject,
// sender name, body"), unlike values ("morning, day, evening", "vegan, gluten-free, quick").
bool LooksLikeColumns(const std::vector<Token>& toks, size_t begin, size_t end);

// Parses one item into fields (usually one; "first/last name" gives two, "address (street,
// city)" gives the sub-fields). Empty when the item carries no usable attribute name.
std::vector<DField> ParseFieldItem(const std::vector<Token>& toks, size_t begin, size_t end);

// Parses the name at [name_begin, name_end) with the values at [values_begin, values_end) as if they
// were written "name (values)", "or" separating values as a comma does: "a priority: low, medium or
// high", "the status of an order is pending, paid or shipped". Empty when that reads as no field.
std::vector<DField> ParseNamedValues(const std::vector<Token>& toks, size_t name_begin, size_t name_end,
                                     size_t values_begin, size_t values_end);

// Words that begin a relative clause inside an item ("mailbox address we poll ...").
bool IsClauseStart(const std::string& w);

}  // namespace bf::analyze
