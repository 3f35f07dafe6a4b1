#include "spec/naming.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "common/strings.h"

namespace bf::naming {
namespace {

bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string Capitalize(std::string_view w) {
  std::string out = ToLower(w);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Irregular singular -> plural pairs (lowercase).
const std::vector<std::pair<std::string, std::string>>& Irregulars() {
  static const std::vector<std::pair<std::string, std::string>> kPairs = {
      {"person", "people"}, {"child", "children"}, {"man", "men"}, {"woman", "women"},
      {"mouse", "mice"}, {"goose", "geese"}, {"tooth", "teeth"}, {"foot", "feet"},
      {"ox", "oxen"}, {"criterion", "criteria"}, {"phenomenon", "phenomena"},
      {"curriculum", "curricula"}, {"taxon", "taxa"}, {"bacterium", "bacteria"}, {"medium", "media"},
      {"datum", "data"}, {"matrix", "matrices"}, {"vertex", "vertices"},
      {"appendix", "appendices"}, {"index", "indexes"}, {"alumnus", "alumni"},
      {"cactus", "cacti"}, {"fungus", "fungi"}, {"nucleus", "nuclei"}, {"radius", "radii"},
      {"stimulus", "stimuli"}, {"syllabus", "syllabi"}, {"leaf", "leaves"}, {"life", "lives"},
      {"knife", "knives"}, {"wife", "wives"}, {"half", "halves"}, {"shelf", "shelves"},
      {"wolf", "wolves"}, {"thief", "thieves"}, {"calf", "calves"}, {"loaf", "loaves"},
      {"elf", "elves"}, {"self", "selves"}, {"scarf", "scarves"}, {"hoof", "hooves"},
      {"wharf", "wharves"}, {"quiz", "quizzes"}, {"die", "dice"}, {"louse", "lice"},
      {"hero", "heroes"}, {"potato", "potatoes"}, {"tomato", "tomatoes"}, {"echo", "echoes"},
      {"veto", "vetoes"}, {"torpedo", "torpedoes"}, {"embargo", "embargoes"},
      {"mosquito", "mosquitoes"}, {"domino", "dominoes"}, {"cargo", "cargoes"},
      {"volcano", "volcanoes"}, {"cache", "caches"}, {"niche", "niches"},
      {"avalanche", "avalanches"}, {"headache", "headaches"}, {"axe", "axes"},
      {"menu", "menus"}, {"guru", "gurus"}, {"emu", "emus"}, {"tutu", "tutus"}, {"haiku", "haikus"},
      {"gnu", "gnus"}, {"bayou", "bayous"}, {"sudoku", "sudokus"},  // -u words, not -us singulars
      {"bus", "buses"}, {"gas", "gases"}, {"canvas", "canvases"}, {"atlas", "atlases"},
      {"lens", "lenses"}, {"alias", "aliases"}, {"bias", "biases"}, {"iris", "irises"},
      {"chassis", "chassis"},
  };
  return kPairs;
}

const std::unordered_set<std::string>& Uncountables() {
  static const std::unordered_set<std::string> kWords = {
      "news", "series", "species", "equipment", "information", "feedback", "metadata",
      "software", "hardware", "firmware", "staff", "sheep", "fish", "deer", "aircraft",
      "money", "music", "rice", "furniture", "luggage", "baggage", "advice", "evidence",
      "progress", "research", "traffic", "weather", "police", "personnel", "knowledge",
      "homework", "jewelry", "jewellery", "merchandise", "clothing", "livestock", "salmon",
      "trout", "moose", "bison", "swine", "offspring", "headquarters", "means", "audio",
      "corps", "chassis", "analytics", "logistics", "mathematics", "physics", "economics",
      "ethics", "athletics", "gymnastics", "linguistics", "statistics", "electronics",
      "graphics", "apparatus", "seafood", "wildlife", "access", "mail", "spam",
  };
  return kWords;
}

// Words ending in -us that are singular and take -es (status -> statuses).
const std::unordered_set<std::string>& UsWords() {
  static const std::unordered_set<std::string> kWords = {
      "status", "campus", "bonus", "virus", "census", "corpus", "focus", "prospectus",
      "surplus", "plus", "nexus", "genus", "octopus", "thesaurus", "circus", "chorus",
      "walrus", "lotus", "sinus", "abacus", "exodus", "minus", "consensus", "onus", "opus",
      "stylus", "hiatus", "impetus", "rebus", "sarcophagus", "terminus", "uterus", "fetus",
      "hippopotamus", "platypus", "citrus", "asparagus", "discus", "cirrus", "bus",
  };
  return kWords;
}

// Words ending in -sis (analysis -> analyses).
const std::unordered_set<std::string>& SisWords() {
  static const std::unordered_set<std::string> kWords = {
      "analysis", "basis", "crisis", "diagnosis", "prognosis", "thesis", "hypothesis",
      "synopsis", "parenthesis", "emphasis", "axis", "oasis", "ellipsis", "synthesis",
      "genesis", "nemesis", "paralysis", "neurosis", "psychosis", "metamorphosis",
      "prosthesis", "dialysis", "catalysis", "hydrolysis", "symbiosis", "osmosis",
      "thrombosis", "tuberculosis", "sclerosis", "cirrhosis", "fibrosis", "metastasis",
      "stasis", "antithesis", "apotheosis", "mitosis", "meiosis", "prosthesis", "periphrasis",
  };
  return kWords;
}

// Nouns ending in -ie (movie -> movies, not "movy").
const std::unordered_set<std::string>& IeWords() {
  static const std::unordered_set<std::string> kWords = {
      "movie", "cookie", "calorie", "rookie", "zombie", "hippie", "selfie", "smoothie",
      "brownie", "goalie", "auntie", "freebie", "prairie", "pie", "tie", "lie", "genie",
      "pixie", "necktie", "hoodie", "newbie", "sortie", "talkie", "walkie", "bookie",
      "birdie", "beanie", "veggie", "foodie", "techie", "yuppie", "budgie", "collie",
      "lassie", "boogie", "eerie", "specie", "magpie", "lingerie", "coterie", "menagerie",
      "reverie", "rotisserie", "gaucherie", "camaraderie", "patisserie", "brasserie",
      "charcuterie", "potpie", "bootie", "cutie", "sweetie", "junkie", "groupie", "quickie",
      "zombie", "roomie", "townie", "indie", "kiddie", "aussie", "barbie",
  };
  return kWords;
}

// Words ending in -o that take -es.
bool TakesOes(const std::string& w) {
  for (const auto& [s, p] : Irregulars()) {
    if (s == w && EndsWith(p, "oes")) return true;
  }
  return false;
}

bool IsVowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

// Re-applies the capitalisation pattern of `like` to lowercase `word`.
std::string MatchCase(const std::string& word, std::string_view like) {
  if (like.empty()) return word;
  bool all_upper = like.size() > 1 && std::all_of(like.begin(), like.end(), [](char c) {
                     return !std::isalpha(static_cast<unsigned char>(c)) || IsUpper(c);
                   });
  if (all_upper) {
    std::string out = word;
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
  }
  if (IsUpper(like[0])) return Capitalize(word);
  return word;
}

std::string PluralizeLower(const std::string& w) {
  if (w.empty() || IsUncountable(w)) return w;
  for (const auto& [s, p] : Irregulars()) {
    if (w == s) return p;
  }
  // Compounds of person and child: "salesperson" -> "salespeople", "grandchild" -> "grandchildren".
  if (EndsWith(w, "person") && w.size() > 6) return w.substr(0, w.size() - 6) + "people";
  if (EndsWith(w, "child") && w.size() > 5) return w + "ren";
  if (EndsWith(w, "people") || EndsWith(w, "children")) return w;
  // Already an irregular plural (people, children): keep it.
  for (const auto& [s, p] : Irregulars()) {
    if (w == p && s != p) return w;
  }
  if (SisWords().count(w) || EndsWith(w, "lysis")) return w.substr(0, w.size() - 2) + "es";
  if (UsWords().count(w)) return w + "es";
  if (EndsWith(w, "y") && w.size() > 1 && !IsVowel(w[w.size() - 2])) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  if (EndsWith(w, "ss") || EndsWith(w, "sh") || EndsWith(w, "ch") || EndsWith(w, "x") ||
      EndsWith(w, "zz")) {
    return w + "es";
  }
  if (EndsWith(w, "z")) return w + "zes";
  if (EndsWith(w, "o") && TakesOes(w)) return w + "es";
  return w + "s";
}

std::string SingularizeLower(const std::string& w) {
  if (w.empty() || IsUncountable(w)) return w;
  for (const auto& [s, p] : Irregulars()) {
    if (w == p) return s;
  }
  if (EndsWith(w, "people") && w.size() > 6) return w.substr(0, w.size() - 6) + "person";
  if (EndsWith(w, "children") && w.size() > 8) return w.substr(0, w.size() - 3);
  if ((EndsWith(w, "person") && w.size() > 6) || (EndsWith(w, "child") && w.size() > 5)) return w;
  for (const auto& [s, p] : Irregulars()) {
    if (w == s) return w;  // already singular
  }
  if (SisWords().count(w) || UsWords().count(w) || IeWords().count(w)) return w;
  if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is")) return w;
  if (EndsWith(w, "ies") && w.size() > 3) {
    std::string ie = w.substr(0, w.size() - 1);
    if (IeWords().count(ie)) return ie;
    return w.substr(0, w.size() - 3) + "y";
  }
  if (EndsWith(w, "ses")) {
    std::string stem = w.substr(0, w.size() - 2);  // "statuses" -> "status"
    if (UsWords().count(stem)) return stem;
    std::string sis = w.substr(0, w.size() - 2) + "is";  // "analyses" -> "analysis"
    if (SisWords().count(sis) || EndsWith(w, "lyses")) return sis;
    if (EndsWith(w, "sses")) return w.substr(0, w.size() - 2);  // "addresses"
    return w.substr(0, w.size() - 1);                           // "courses" -> "course"
  }
  if (EndsWith(w, "shes") || EndsWith(w, "ches") || EndsWith(w, "xes") || EndsWith(w, "zzes")) {
    return w.substr(0, w.size() - 2);
  }
  if (EndsWith(w, "zes")) return w.substr(0, w.size() - 3);  // "quizzes" handled above
  if (EndsWith(w, "oes")) {
    std::string stem = w.substr(0, w.size() - 2);
    if (TakesOes(stem)) return stem;
    return w.substr(0, w.size() - 1);  // "shoes" -> "shoe"
  }
  // Two-letter words ("os", "as") are not plurals of one letter.
  if (EndsWith(w, "s") && w.size() > 2) return w.substr(0, w.size() - 1);
  return w;
}

// Index where the last word of an identifier starts (same boundaries as SplitWords).
size_t LastWordStart(std::string_view s) {
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!IsAlnum(c)) {
      start = i + 1;
      continue;
    }
    if (i > 0 && IsAlnum(s[i - 1])) {
      char prev = s[i - 1];
      bool lower_to_upper = IsUpper(c) && (IsLower(prev) || IsDigit(prev));
      bool acronym_end = IsUpper(c) && IsUpper(prev) && i + 1 < s.size() && IsLower(s[i + 1]);
      if (lower_to_upper || acronym_end) start = i;
    }
  }
  return start;
}

std::string ChangeLastWord(std::string_view name, std::string (*fn)(std::string_view)) {
  size_t start = LastWordStart(name);
  if (start >= name.size()) return std::string(name);
  return std::string(name.substr(0, start)) + fn(name.substr(start));
}

const std::unordered_set<std::string>& ReservedWords(Language lang) {
  static const std::unordered_set<std::string> kTs = {
      "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
      "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
      "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
      "throw", "true", "try", "typeof", "var", "void", "while", "with", "as", "implements",
      "interface", "let", "package", "private", "protected", "public", "static", "yield",
      "any", "boolean", "constructor", "declare", "get", "module", "require", "number",
      "set", "string", "symbol", "type", "from", "of", "await", "async", "arguments", "eval",
      "undefined", "never", "unknown", "object", "keyof", "readonly", "infer", "is"};
  static const std::unordered_set<std::string> kPython = {
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
      "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
      "try", "while", "with", "yield", "match", "case", "type", "self", "id", "list", "dict",
      "str", "int", "float", "bool", "object", "property", "format", "input", "filter", "map",
      "hash", "range", "set", "open", "print", "sum", "min", "max", "all", "any", "iter",
      "next", "len", "vars", "dir", "help"};
  static const std::unordered_set<std::string> kGo = {
      "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
      "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
      "return", "select", "struct", "switch", "type", "var", "bool", "byte", "error", "string",
      "int", "float64", "rune", "true", "false", "nil", "len", "cap", "new", "make", "append",
      "copy", "close", "delete", "panic", "recover", "any", "comparable", "iota", "print"};
  static const std::unordered_set<std::string> kRust = {
      "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
      "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
      "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
      "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
      "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield",
      "try", "union", "String", "Vec", "Option", "Result", "Box"};
  static const std::unordered_set<std::string> kJava = {
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
      "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
      "interface", "long", "native", "new", "package", "private", "protected", "public",
      "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null", "var", "record", "yield", "sealed", "permits", "String", "Object", "Integer",
      "Long", "Double", "Boolean", "Class", "Override", "List", "Map", "Set", "Optional"};
  static const std::unordered_set<std::string> kCpp = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool",
      "break", "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl",
      "concept", "const", "consteval", "constexpr", "constinit", "const_cast", "continue",
      "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
      "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
      "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
      "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private",
      "protected", "public", "register", "reinterpret_cast", "requires", "return", "short",
      "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch",
      "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid",
      "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t",
      "while", "xor", "xor_eq", "final", "override", "import", "module"};
  static const std::unordered_set<std::string> kSql = {
      "all", "alter", "and", "any", "as", "asc", "between", "by", "case", "check", "column",
      "constraint", "create", "cross", "current_date", "current_time", "current_timestamp",
      "current_user", "default", "delete", "desc", "distinct", "drop", "else", "end",
      "except", "exists", "false", "fetch", "for", "foreign", "from", "full", "grant", "group",
      "having", "in", "index", "inner", "insert", "intersect", "into", "is", "join", "key",
      "left", "like", "limit", "natural", "not", "null", "offset", "on", "or", "order",
      "outer", "primary", "references", "right", "select", "session_user", "set", "some",
      "table", "then", "to", "true", "union", "unique", "update", "user", "using", "values",
      "when", "where", "window", "with"};
  switch (lang) {
    case Language::kTypeScript: return kTs;
    case Language::kPython: return kPython;
    case Language::kGo: return kGo;
    case Language::kRust: return kRust;
    case Language::kJava: return kJava;
    case Language::kCpp: return kCpp;
    case Language::kSql: return kSql;
  }
  return kTs;
}

}  // namespace

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!IsAlnum(c)) {
      flush();
      continue;
    }
    if (!cur.empty()) {
      char prev = cur.back();
      bool lower_to_upper = IsUpper(c) && (IsLower(prev) || IsDigit(prev));
      // "HTTPServer": split before the last capital of a run when a lowercase letter follows,
      // except a plural "s" ending the word: "IDs", "URLs" stay one word.
      bool plural_acronym = i + 1 < s.size() && s[i + 1] == 's' && (i + 2 == s.size() || !IsLower(s[i + 2]));
      bool acronym_end = IsUpper(c) && IsUpper(prev) && i + 1 < s.size() && IsLower(s[i + 1]) && !plural_acronym;
      if (lower_to_upper || acronym_end) flush();
    }
    cur.push_back(c);
  }
  flush();
  return words;
}

std::string ToPascalCase(std::string_view s) {
  std::string out;
  for (const auto& w : SplitWords(s)) out += Capitalize(w);
  return out;
}

std::string ToCamelCase(std::string_view s) {
  std::string out;
  auto words = SplitWords(s);
  for (size_t i = 0; i < words.size(); ++i) out += i == 0 ? ToLower(words[i]) : Capitalize(words[i]);
  return out;
}

std::string ToSnakeCase(std::string_view s) {
  std::vector<std::string> words;
  for (const auto& w : SplitWords(s)) words.push_back(ToLower(w));
  return Join(words, "_");
}

std::string ToKebabCase(std::string_view s) {
  std::vector<std::string> words;
  for (const auto& w : SplitWords(s)) words.push_back(ToLower(w));
  return Join(words, "-");
}

std::string ToScreamingSnake(std::string_view s) {
  std::string out = ToSnakeCase(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string ToTitleWords(std::string_view s) {
  std::vector<std::string> words;
  for (const auto& w : SplitWords(s)) words.push_back(Capitalize(w));
  return Join(words, " ");
}

std::string ToLowerWords(std::string_view s) {
  std::vector<std::string> words;
  for (const auto& w : SplitWords(s)) words.push_back(ToLower(w));
  return Join(words, " ");
}

bool IsUncountable(std::string_view word) { return Uncountables().count(ToLower(word)) > 0; }

bool IsListedNoun(std::string_view word) {
  std::string w = ToLower(word);
  for (const auto& [singular, plural] : Irregulars()) {
    if (w == singular || w == plural) return true;
  }
  std::string s = SingularizeLower(w);
  return Uncountables().count(w) || UsWords().count(s) || SisWords().count(s) || IeWords().count(s);
}

std::string Pluralize(std::string_view word) {
  return MatchCase(PluralizeLower(ToLower(word)), word);
}

std::string Singularize(std::string_view word) {
  return MatchCase(SingularizeLower(ToLower(word)), word);
}

std::string PluralizeName(std::string_view name) { return ChangeLastWord(name, &Pluralize); }
std::string SingularizeName(std::string_view name) { return ChangeLastWord(name, &Singularize); }

bool LooksPlural(std::string_view word) {
  std::string w = ToLower(word);
  std::string s = SingularizeLower(w);
  return s != w && PluralizeLower(s) == w;
}

bool IsReservedWord(std::string_view word, Language lang) {
  const auto& words = ReservedWords(lang);
  if (lang == Language::kSql) return words.count(ToLower(word)) > 0;
  return words.count(std::string(word)) > 0;
}

std::string SafeIdentifier(std::string_view word, Language lang) {
  std::string w(word);
  return IsReservedWord(w, lang) ? w + "_" : w;
}

bool IsPascalCase(std::string_view s) {
  if (s.empty() || !IsUpper(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAlnum(c); });
}

bool IsCamelCase(std::string_view s) {
  if (s.empty() || !IsLower(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAlnum(c); });
}

static bool IsSeparatedLower(std::string_view s, char sep) {
  if (s.empty() || !IsLower(s[0])) return false;
  char prev = 0;
  for (char c : s) {
    if (c == sep) {
      if (prev == sep) return false;
    } else if (!(IsLower(c) || IsDigit(c))) {
      return false;
    }
    prev = c;
  }
  return prev != sep;
}

bool IsKebabCase(std::string_view s) { return IsSeparatedLower(s, '-'); }
bool IsSnakeCase(std::string_view s) { return IsSeparatedLower(s, '_'); }

}  // namespace bf::naming
