#include "analyze/fields.h"

#include <algorithm>

#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

using spec::FieldType;

bool IsMergePrefix(std::string_view w) {
  return In(w, {"first", "middle", "last", "home", "work", "cell", "mobile", "office", "min", "max", "minimum",
                "maximum", "start", "end", "from", "to", "begin", "shipping", "billing", "primary", "secondary",
                "old", "new", "current", "original", "stored", "created", "updated", "opening", "closing",
                "arrival", "departure", "pickup", "dropoff", "incl", "excl", "upper", "lower", "short", "long",
                "full", "display", "given", "family", "private", "public", "birth", "due", "check", "next"});
}

bool IsEnumHead(std::string_view word) {
  std::string_view w = word;
  if (auto u = w.find_last_of("_-"); u != std::string_view::npos) w = w.substr(u + 1);
  return In(w, {"type", "status", "kind", "category", "gender", "sex", "direction", "method", "mode", "role",
                "level", "priority", "card", "payment", "channel", "channels", "visibility", "state", "stage",
                "phase", "classification", "frequency", "interval", "schedule", "context", "usage", "delta",
                "cadence", "tier", "plan", "class", "severity", "size", "color", "colour", "format", "source",
                "fur", "condition", "hydration", "impression", "reportable", "attendance", "homework", "category"});
}

// Type words that may appear inside an item ("emp_no int PK", "notes text").
struct Hints {
  std::optional<FieldType> type;
  bool unique = false, required = false, optional = false, boolean = false;
};

bool ApplyHint(const std::string& w, Hints& h) {
  if (In(w, {"int", "integer", "bigint", "smallint", "serial", "long"})) h.type = FieldType::kInteger;
  else if (In(w, {"decimal", "float", "double", "numeric", "money", "real"})) h.type = FieldType::kNumber;
  else if (In(w, {"json", "jsonb"})) h.type = FieldType::kJson;
  else if (In(w, {"bool", "boolean", "flag", "yn"})) h.boolean = true;
  else if (In(w, {"timestamp", "datetime", "timestamptz"})) h.type = FieldType::kDateTime;
  else if (In(w, {"unique"})) h.unique = true;
  else if (In(w, {"required", "mandatory"})) h.required = true;
  else if (In(w, {"pk"})) h.unique = h.required = true;
  else if (In(w, {"nullable", "optional", "optionally"})) h.optional = true;
  else if (In(w, {"char", "varchar", "string"})) h.type = FieldType::kString;
  else return false;
  return true;
}

// "amount_cents" -> {"amount", "cents"} so type inference sees every part.
std::vector<std::string> Parts(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    for (const auto& p : naming::SplitWords(w)) out.push_back(ToLower(p));
  }
  return out;
}

std::string CamelName(const std::vector<std::string>& words) {
  std::vector<std::string> ws = words;
  if (ws.size() > 4) ws.erase(ws.begin(), ws.end() - 4);
  std::string out = naming::ToCamelCase(Join(ws, " "));
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out[0]))) out = "n" + out;
  out.erase(std::remove_if(out.begin(), out.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }),
            out.end());
  return out;
}

std::string EnumValue(const std::string& w) {
  std::string v = naming::ToSnakeCase(w);
  if (v.empty()) return v;
  if (v.size() > 40) v.resize(40);
  return v;
}

}  // namespace

bool IsClauseStart(const std::string& w) {
  return In(w, {"we", "they", "that", "which", "who", "whom", "it", "them", "used", "when", "where", "so",
                "because", "if", "as", "you", "from", "for", "into", "whose", "our", "us", "i", "he", "she",
                "is", "are", "was", "were", "can", "may", "will", "should", "must", "get", "gets", "go",
                "goes", "turns", "has", "have", "per"});
}

size_t MatchParen(const std::vector<Token>& toks, size_t open, size_t limit) {
  int depth = 0;
  for (size_t i = open; i < limit && i < toks.size(); ++i) {
    if (toks[i].text == "(") ++depth;
    if (toks[i].text == ")") {
      if (--depth == 0) return i;
    }
  }
  return limit;
}

std::vector<Item> SplitItems(const std::vector<Token>& toks, size_t begin, size_t end, bool split_with) {
  std::vector<Item> out;
  int depth = 0;
  size_t start = begin;
  auto push = [&](size_t stop) {
    if (stop > start) out.push_back({start, stop});
  };
  for (size_t i = begin; i < end && i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.text == "(") ++depth;
    if (t.text == ")" && depth > 0) --depth;
    if (depth > 0) continue;
    bool sep = t.kind == Token::kPunct && (t.text == "," || t.text == ";" || t.text == "+" || t.text == "&" ||
                                           (t.text == "-" && i > begin && i + 1 < end &&
                                                             toks[i + 1].kind == Token::kWord && toks[i - 1].kind == Token::kWord));
    bool bound_with = i > begin && (toks[i - 1].lower == "shared" || toks[i - 1].lower == "share" ||
                                    toks[i - 1].lower == "associated" || toks[i - 1].lower == "tagged" ||
                                    toks[i - 1].lower == "connected" || toks[i - 1].lower == "linked");
    if (t.kind == Token::kWord &&
        (t.lower == "and" || t.lower == "plus" || (split_with && t.lower == "with" && !bound_with))) {
      sep = true;
    }
    if (sep) {
      push(i);
      start = i + 1;
    }
  }
  push(std::min(end, toks.size()));
  return out;
}

bool IsTypeWord(std::string_view w) {
  return In(w, {"json", "jsonb", "text", "int", "integer", "string", "number", "decimal", "float", "bool", "boolean",
                "date", "datetime", "timestamp", "uuid", "url", "email", "enum", "unique", "optional", "required",
                "nullable", "list", "array"});
}

bool LooksLikeFieldList(const std::vector<Token>& toks, size_t begin, size_t end) {
  if (begin >= end) return false;
  // "(just a name)", "(only a title and a colour)": a hedge before the fields.
  if (end - begin >= 2 && In(toks[begin].lower, {"just", "only", "simply"}) && toks[begin + 1].kind == Token::kWord &&
      In(toks[begin + 1].lower, {"a", "an", "the", "name", "title", "label"})) {
    ++begin;
  }
  const std::string& first = toks[begin].lower;
  // ("which crop, which garden, planted on what date": short "which" items are still columns.)
  const bool which_items = first == "which" && begin + 2 < end && toks[begin + 1].kind == Token::kWord &&
                           (toks[begin + 2].text == "," || (begin + 3 < end && toks[begin + 3].text == ","));
  if (!which_items &&
      In(first, {"eg", "ie", "like", "such", "think", "see", "including", "incl", "aka", "also", "for", "as",
                 "which", "where", "who", "because", "so", "that", "not", "only", "just", "maybe", "if"})) {
    return false;
  }
  auto items = SplitItems(toks, begin, end, false);
  int wordy = 0, fieldish = 0, capital = 0, numeric = 0;
  for (const auto& it : items) {
    bool has_word = false;
    for (size_t i = it.begin; i < it.end; ++i) {
      const Token& t = toks[i];
      if (t.kind == Token::kWord && !lex::IsStopword(t.lower)) {
        has_word = true;
        if (lex::IsFieldWord(t.lower) || t.lower.find('_') != std::string::npos) ++fieldish;
        if (t.capitalized && i == it.begin) ++capital;
        break;
      }
      if (t.kind == Token::kNumber) {
        ++numeric;
        break;
      }
      if (t.text == "'" || t.text == "\"") ++capital;  // quoted examples
    }
    if (has_word) ++wordy;
  }
  if (items.size() == 1) {
    // One item: an attribute phrase ("monthly/yearly prices") reads as a list, a noun as an alias.
    std::string head;
    for (size_t i = begin; i < end; ++i) {
      if (toks[i].kind == Token::kWord && !lex::IsStopword(toks[i].lower)) head = toks[i].lower;
    }
    // "attribs (json)", "code (unique)": a type or constraint of the word before, not its fields.
    if (end - begin == 1 && IsTypeWord(head)) return false;
    return (fieldish >= 1 || lex::IsFieldWord(head)) && (end - begin) <= 4;
  }
  if (numeric * 2 >= static_cast<int>(items.size())) return false;
  if (capital * 2 > static_cast<int>(items.size()) && fieldish == 0) return false;
  if (fieldish == 0) {
    // No known attribute word: accept only when some item's type can be inferred ("lat, lon").
    for (const auto& it : items) {
      std::vector<std::string> ws;
      for (size_t i = it.begin; i < it.end; ++i) {
        if (toks[i].kind == Token::kWord && !lex::IsStopword(toks[i].lower)) ws.push_back(toks[i].lower);
      }
      if (!ws.empty() && lex::InferFieldType(ws).type != spec::FieldType::kString) ++fieldish;
    }
  }
  return wordy >= 2 && fieldish >= 1;
}

// "(subject, sender name, body)", "(name, description, colour)": most items of a parenthesis are
// column words or have a type of their own; "(morning, day, evening)", "(spam, harassment, other)"
// are values.
bool LooksLikeColumns(const std::vector<Token>& T, size_t begin, size_t end) {
  size_t items = 0, columns = 0;
  for (const Item& it : SplitItems(T, begin, end, false)) {
    std::vector<std::string> words;
    for (size_t k = it.begin; k < it.end; ++k) {
      if (T[k].kind == Token::kWord && !lex::IsStopword(T[k].lower)) words.push_back(T[k].lower);
    }
    if (words.empty()) continue;
    ++items;
    const std::string& head = words.back();
    if (lex::IsFieldWord(head) || lex::InferFieldType(words).type != spec::FieldType::kString ||
        In(head, {"name", "title", "description", "subject", "body", "brand", "model", "colour", "color", "notes",
                  "label", "code", "volume", "size", "capacity"})) {
      ++columns;
    }
  }
  return columns >= 2 && columns * 3 >= items * 2;
}

namespace {
bool IsParticiple(const std::string& v) { return EndsWith(v, "ed") || lex::IsIrregularParticiple(v); }

// Type hints that are also adjectives or values ("a long description", "a double room").
bool IsTypeAdjective(const std::string& w) { return In(w, {"long", "real", "serial", "double", "money"}); }

// "starts at", "expires on", "due at": words of time that name a moment before "at" / "on".
bool IsVerbOfTime(const std::string& v) {
  return In(v, {"due", "starts", "ends", "begins", "opens", "closes", "expires", "finishes", "arrives", "departs",
                "leaves", "happens", "occurs", "launches", "renews", "resets", "runs", "lapses", "matures"});
}
}  // namespace

std::vector<DField> ParseFieldItem(const std::vector<Token>& toks, size_t begin, size_t end) {
  std::vector<DField> out;
  end = std::min(end, toks.size());
  if (begin >= end) return out;
  // "(email and password, nothing fancy)", "anything else you think": a remark, not a field.
  if (toks[begin].kind == Token::kWord && In(toks[begin].lower, {"nothing", "anything", "whatever", "etc", "etcetera"})) {
    return out;
  }
  Hints hints;
  bool is_count = false;
  std::vector<std::string> words;      // name words outside parentheses (with "/" markers)
  std::vector<std::pair<size_t, size_t>> parens;
  bool started = false;
  bool has_number = false;
  // ("a long description", "real name", "serial number": a type word that is also an adjective is
  // the adjective before a noun, and a type only after the name: "emp_no serial".)
  auto adjective_before_noun = [&](size_t i) {
    return IsTypeAdjective(toks[i].lower) && i + 1 < end && toks[i + 1].kind == Token::kWord &&
           !lex::IsStopword(toks[i + 1].lower);
  };
  for (size_t i = begin; i < end; ++i) {
    const Token& t = toks[i];
    if (t.text == "(") {
      size_t close = MatchParen(toks, i, end);
      parens.emplace_back(i + 1, close);
      i = close;
      continue;
    }
    if (t.kind == Token::kNumber) {
      has_number = true;
      continue;
    }
    if (t.kind == Token::kPunct) {
      if (t.text == "/" && started) words.push_back("/");
      continue;
    }
    const std::string& w = t.lower;
    if (!started) {
      if (In(w, {"number", "count", "counts", "counter", "counters", "tally"}) && i + 1 < end &&
          toks[i + 1].lower == "of") {
        is_count = true;
        ++i;
        continue;
      }
      if (w == "how" && i + 1 < end && (toks[i + 1].lower == "many" || toks[i + 1].lower == "much")) {
        is_count = toks[i + 1].lower == "many";
        ++i;
        continue;
      }
      // ("who made it", "who approved them": who did it, `madeBy`.)
      if (w == "who" && i + 1 < end && toks[i + 1].kind == Token::kWord &&
          (EndsWith(toks[i + 1].lower, "ed") || lex::IsIrregularParticiple(toks[i + 1].lower)) &&
          (i + 2 == end || (i + 3 == end && In(toks[i + 2].lower, {"it", "them"})))) {
        words.push_back(toks[i + 1].lower);
        words.emplace_back("by");
        break;
      }
      // ("roughly how long it is", "how often it runs": the quantity asked about is the column.)
      if (In(w, {"roughly", "approximately", "about"}) && i + 1 < end && toks[i + 1].lower == "how") continue;
      if (w == "how" && i + 1 < end && In(toks[i + 1].lower, {"long", "often", "far", "old"})) {
        static const std::pair<std::string_view, std::string_view> kAsked[] = {
            {"long", "duration"}, {"often", "frequency"}, {"far", "distance"}, {"old", "age"}};
        for (const auto& [q, name] : kAsked) {
          if (toks[i + 1].lower == q) words.emplace_back(name);
        }
        break;
      }
      if (w == "whether" || w == "if" || w == "is") {
        hints.boolean = true;
        continue;
      }
      if (w == "couple" || w == "bunch" || w == "lot" || w == "list" || w == "set") {
        if (i + 1 < end && toks[i + 1].lower == "of") ++i;
        continue;
      }
      if (!adjective_before_noun(i) && ApplyHint(w, hints)) continue;
      if (lex::IsStopword(w) && !IsMergePrefix(w)) continue;
      if (lex::IsModifier(w) && !IsMergePrefix(w) && !In(w, {"public", "private", "active", "default", "primary", "open",
                                                          "closed", "published", "visible", "hidden", "paid", "locked",
                                                          "archived", "completed", "approved", "verified", "featured",
                                                          "deleted", "premium", "free", "global"}) &&
          !(i + 2 == end && In(toks[i + 1].lower, {"at", "on"}))) {  // ("finished at" is a moment)
        continue;
      }
    } else {
      if (IsClauseStart(w) && !(w == "from" && words.size() == 1 && IsMergePrefix(words[0]))) break;
      if (!adjective_before_noun(i) && ApplyHint(w, hints)) continue;
      if (w == "or") {
        words.push_back("|");
        continue;
      }
      bool slashed = (!words.empty() && words.back() == "/") || (i + 1 < end && toks[i + 1].text == "/");
      // "started at", "shipped on": a participle's closing preposition names a moment (startedAt).
      // ("approved by", "moved by": who did it, `approvedBy`.)
      // ("starts at", "expires on", "due at": so does a verb's present tense or "due"; "checked in
      // at", "picked up on": a participle keeps its particle, checkedInAt.)
      const bool particle = In(w, {"in", "out", "up", "off"}) && i + 2 == end && In(toks[i + 1].lower, {"at", "on"}) &&
                            !words.empty() && IsParticiple(words.back());
      const bool moment = In(w, {"at", "on", "by"}) && i + 1 == end && !words.empty() &&
                          (IsParticiple(words.back()) || (w != "by" && IsVerbOfTime(words.back())) ||
                           (w != "by" && words.size() >= 2 && In(words.back(), {"in", "out", "up", "off"})));
      if (lex::IsStopword(w) && w != "not" && !IsMergePrefix(w) && w != "per" && !slashed && !moment && !particle) {
        continue;
      }
    }
    started = true;
    words.push_back(w);
  }
  // Parenthesized parts: flags, enum values, sub-fields or a type.
  std::vector<std::string> values;
  for (auto [pb, pe] : parens) {
    auto items = SplitItems(toks, pb, pe, false);
    int field_items = 0;
    std::vector<std::string> vals;
    for (const auto& it : items) {
      std::vector<std::string> iw;
      for (size_t k = it.begin; k < it.end; ++k) {
        const Token& t = toks[k];
        if (t.kind == Token::kWord && !lex::IsStopword(t.lower)) iw.push_back(t.lower);
        if (t.kind == Token::kPunct && t.text == "/") iw.push_back("/");
        if (t.kind == Token::kNumber) iw.push_back(t.lower);
      }
      if (iw.empty()) continue;
      Hints h;
      // "allergens (list)", "tags (array)": a list of values in one column.
      if (iw.size() == 1 && In(iw[0], {"list", "array"})) {
        hints.type = FieldType::kJson;
        continue;
      }
      // ("type (single, double, suite)": among values, a type word that is also a value is a value.)
      const bool among_values = items.size() >= 3 && IsTypeAdjective(iw[0]);
      if (iw.size() == 1 && !among_values && ApplyHint(iw[0], h)) {
        if (h.type) hints.type = h.type;
        hints.unique |= h.unique;
        hints.required |= h.required;
        hints.optional |= h.optional;
        hints.boolean |= h.boolean;
        continue;
      }
      if (lex::IsFieldWord(iw.back()) && !(iw.size() == 1 && !words.empty() && IsEnumHead(words.back()))) ++field_items;
      // "open / closed / merged" inside one item, or "e.g. teacher / student".
      std::string cur;
      for (const auto& w : iw) {
        if (w == "/" || w == "or") {
          if (!cur.empty()) vals.push_back(cur);
          cur.clear();
        } else if (w == "eg" || w == "ie" || w == "etc") {
          continue;
        } else {
          if (!cur.empty()) cur.push_back(' ');
          cur += w;
        }
      }
      if (!cur.empty()) vals.push_back(cur);
    }
    if (field_items >= 2 && !words.empty() && !IsEnumHead(words.back())) {
      // "address (street, zip code, city)": the sub-fields replace the parent.
      for (const auto& it : items) {
        auto sub = ParseFieldItem(toks, it.begin, it.end);
        out.insert(out.end(), sub.begin(), sub.end());
      }
      if (!out.empty()) return out;
    }
    bool short_vals = vals.size() >= 2 && std::all_of(vals.begin(), vals.end(), [](const std::string& v) {
                        return std::count(v.begin(), v.end(), ' ') <= 2 && v.size() <= 30;
                      });
    if (short_vals && values.empty()) values = vals;
  }
  // Split "/" alternatives and "or" choices.
  auto slash = std::find(words.begin(), words.end(), "/");
  if (slash != words.end() && slash != words.begin()) {
    // Group: prefix words, alternatives separated by "/", suffix words.
    size_t first_alt = static_cast<size_t>(slash - words.begin()) - 1;
    size_t last_slash = first_alt;
    for (size_t k = first_alt; k < words.size(); ++k) {
      if (words[k] == "/") last_slash = k;
    }
    std::vector<std::string> prefix(words.begin(), words.begin() + static_cast<ptrdiff_t>(first_alt));
    std::vector<std::string> alts;
    for (size_t k = first_alt; k <= last_slash + 1 && k < words.size(); ++k) {
      if (words[k] != "/") alts.push_back(words[k]);
    }
    std::vector<std::string> suffix(words.begin() + static_cast<ptrdiff_t>(std::min(words.size(), last_slash + 2)), words.end());
    bool yes_no = alts.size() == 2 && ((alts[0] == "y" && alts[1] == "n") || (alts[0] == "yes" && alts[1] == "no"));
    if (yes_no) {
      hints.boolean = true;
      words = prefix;
      words.insert(words.end(), suffix.begin(), suffix.end());
    } else if (!prefix.empty() && IsEnumHead(prefix.back()) && suffix.empty()) {
      values = alts;
      words = prefix;
    } else {
      for (const auto& a : alts) {
        std::vector<std::string> w = prefix;
        w.push_back(a);
        w.insert(w.end(), suffix.begin(), suffix.end());
        Hints none;
        std::vector<std::string> clean;
        for (const auto& x : w) {
          if (x != "|") clean.push_back(x);
        }
        auto g = lex::InferFieldType(Parts(clean));
        DField f;
        f.name = CamelName(clean);
        f.type = g.type;
        f.fileLike = g.fileLike;
        if (!f.name.empty()) out.push_back(f);
      }
      return out;
    }
  }
  auto bar = std::find(words.begin(), words.end(), "|");
  if (bar != words.end()) {
    std::vector<std::string> left(words.begin(), bar), right(bar + 1, words.end());
    right.erase(std::remove(right.begin(), right.end(), "|"), right.end());
    if (!right.empty() && right.back() == "not") {
      hints.boolean = true;
      words = left;
    } else if (left.size() >= 2 && !right.empty()) {
      values = {left.back()};
      for (const auto& r : right) values.push_back(r);
      left.pop_back();
      words = left;
    } else if (left.size() == 1) {
      hints.boolean = true;
      words = left;
    } else {
      words = left;
    }
  }
  words.erase(std::remove_if(words.begin(), words.end(), [](const std::string& w) { return w == "/" || w == "|"; }),
              words.end());
  if (words.empty()) return out;
  // ("number of pings", "how many seats": the count of them, `pingCount`, `seatCount`.)
  if (is_count && values.empty() && naming::Singularize(words.back()) != words.back()) {
    words.back() = naming::Singularize(words.back());
    words.push_back("count");
  }
  // "due dates", "start times": one value per record ("loans with due dates and fines").
  if (In(words.back(), {"dates", "times", "timestamps", "deadlines"}) && words.size() >= 2) {
    words.back() = naming::Singularize(words.back());
  }
  DField f;
  f.name = CamelName(words);
  if (f.name.empty() || f.name == "id" || f.name == "createdAt" || f.name == "updatedAt" || f.name == "etc") return out;
  auto guess = lex::InferFieldType(Parts(words));
  f.type = guess.type;
  f.fileLike = guess.fileLike;
  if (!values.empty() && (IsEnumHead(words.back()) || values.size() >= 2) && guess.type != FieldType::kBoolean &&
      guess.type != FieldType::kEmail) {
    std::vector<std::string> vals;
    for (const auto& v : values) {
      std::string ev = EnumValue(v);
      if (!ev.empty() && std::find(vals.begin(), vals.end(), ev) == vals.end()) vals.push_back(ev);
    }
    if (vals.size() >= 2) {
      f.type = FieldType::kEnum;
      f.enumValues = vals;
      f.fileLike = false;
      // ("types (early bird, regular, student)": one value per row.)
      if (words.size() == 1 && In(words[0], {"types", "kinds", "categories", "tiers", "levels", "classes"})) {
        f.name = naming::Singularize(words[0]);
      }
    }
  }
  if (hints.type) f.type = *hints.type;
  if (hints.boolean && f.type != FieldType::kEnum) f.type = FieldType::kBoolean;
  if (is_count) f.type = FieldType::kInteger;
  if (has_number && f.type == FieldType::kString && IsEnumHead(words.back())) f.type = FieldType::kInteger;
  if (f.type != FieldType::kUrl) f.fileLike = false;
  f.unique = hints.unique;
  f.required = hints.required && !hints.optional;
  out.push_back(f);
  return out;
}

std::vector<DField> ParseNamedValues(const std::vector<Token>& toks, size_t name_begin, size_t name_end,
                                     size_t values_begin, size_t values_end) {
  std::vector<Token> item(toks.begin() + static_cast<std::ptrdiff_t>(name_begin),
                          toks.begin() + static_cast<std::ptrdiff_t>(name_end));
  Token open, close;
  open.kind = close.kind = Token::kPunct;
  open.text = open.lower = "(";
  close.text = close.lower = ")";
  item.push_back(open);
  for (size_t k = values_begin; k < values_end; ++k) {
    Token t = toks[k];
    if (t.lower == "or") {
      t.kind = Token::kPunct;
      t.text = t.lower = ",";
    }
    item.push_back(std::move(t));
  }
  item.push_back(close);
  return ParseFieldItem(item, 0, item.size());
}

}  // namespace bf::analyze
