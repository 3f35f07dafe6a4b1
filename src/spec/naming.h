// Names in every casing, English plural/singular, and reserved words of target languages.
// Pure functions; every generator and the analyzer use these so names agree everywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bf::naming {

// Splits any identifier or phrase into words: "OrderItem", "order_item", "order-item",
// "orderItem", "order item", "HTTPServer" -> {"HTTP","Server"}, "userID" -> {"user","ID"}.
std::vector<std::string> SplitWords(std::string_view s);

std::string ToPascalCase(std::string_view s);     // "order item" -> "OrderItem"
std::string ToCamelCase(std::string_view s);      // "order item" -> "orderItem"
std::string ToSnakeCase(std::string_view s);      // "OrderItem" -> "order_item"
std::string ToKebabCase(std::string_view s);      // "OrderItem" -> "order-item"
std::string ToScreamingSnake(std::string_view s); // "OrderItem" -> "ORDER_ITEM"
std::string ToTitleWords(std::string_view s);     // "orderItem" -> "Order Item"
std::string ToLowerWords(std::string_view s);     // "OrderItem" -> "order item"

// English plural / singular of one word, keeping its capitalisation ("Person" -> "People",
// "STATUS" -> "STATUSES"). Uncountable words (news, series, feedback) map to themselves.
std::string Pluralize(std::string_view word);
std::string Singularize(std::string_view word);
// Same for a compound identifier: only the last word changes ("OrderItem" -> "OrderItems",
// "SalesPerson" -> "SalesPeople"), the casing style is kept.
std::string PluralizeName(std::string_view name);
std::string SingularizeName(std::string_view name);
bool IsUncountable(std::string_view word);
// True for a noun the plural rules list by name (irregulars, uncountables, -us, -sis and -ie
// words), in either form: "movies", "criteria", "status" are English words, not typos.
bool IsListedNoun(std::string_view word);
// True when `word` is a plural form (its singular differs and pluralizes back to it).
bool LooksPlural(std::string_view word);

enum class Language { kTypeScript, kPython, kGo, kRust, kJava, kCpp, kSql };
// Keywords and names that cannot be used as identifiers (case-sensitive, except SQL).
bool IsReservedWord(std::string_view word, Language lang);
// `word` itself, or `word_` when it is reserved in `lang`.
std::string SafeIdentifier(std::string_view word, Language lang);

// Shapes checked by validation.
bool IsPascalCase(std::string_view s);   // ^[A-Z][A-Za-z0-9]*$
bool IsCamelCase(std::string_view s);    // ^[a-z][A-Za-z0-9]*$
bool IsKebabCase(std::string_view s);    // ^[a-z][a-z0-9]*(-[a-z0-9]+)*$
bool IsSnakeCase(std::string_view s);    // ^[a-z][a-z0-9]*(_[a-z0-9]+)*$

}  // namespace bf::naming
