// Small string helpers shared by every layer.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bf {

std::string ToLower(std::string_view s);
std::string Trim(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
std::string Join(std::span<const std::string> parts, std::string_view sep);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
std::string ReplaceAll(std::string s, std::string_view from, std::string_view to);
// Position of `needle` (lowercase) in `hay`, ignoring the case of `hay`; npos when absent.
size_t FindCi(std::string_view hay, std::string_view needle, size_t from = 0);

// Damerau-free Levenshtein distance (insert, delete, substitute), case-sensitive.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` (case-insensitive) if it is plausibly a typo of it
// (distance <= max(1, len/3)); empty when none is close enough.
std::string ClosestMatch(std::string_view word, std::span<const std::string> candidates);

// Quote a string for an error message: "abc" with JSON escaping.
std::string Quote(std::string_view s);

}  // namespace bf
