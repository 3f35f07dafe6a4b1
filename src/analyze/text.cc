#include "analyze/text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }

// Replaces common multi-byte punctuation with ASCII so the tokenizer sees one alphabet.
std::string Asciify(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    // UTF-8 sequences we map: ’ ‘ “ ” – — • … →
    auto match = [&](std::string_view seq) { return in.substr(i, seq.size()) == seq; };
    struct Map { std::string_view from, to; };
    static const Map kMaps[] = {{"\xE2\x80\x99", "'"}, {"\xE2\x80\x98", "'"}, {"\xE2\x80\x9C", "\""},
                                {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x93", " - "}, {"\xE2\x80\x94", " - "},
                                {"\xE2\x80\xA2", "-"},  {"\xE2\x80\xA6", "..."}, {"\xE2\x86\x92", " -> "},
                                {"\xC2\xA0", " "}};
    bool mapped = false;
    for (const auto& m : kMaps) {
      if (match(m.from)) {
        out += m.to;
        i += m.from.size() - 1;
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    // Any other non-ASCII byte: keep letters of Latin-1 supplement as a placeholder letter so
    // words like "café" stay one word; drop the rest.
    size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
    if (c >= 0xC3 && c <= 0xC5) out.push_back('e');
    else out.push_back(' ');
    i += len - 1;
  }
  return out;
}

Token MakeWord(std::string text) {
  Token t;
  t.kind = Token::kWord;
  t.capitalized = !text.empty() && IsUpper(text[0]);
  t.lower = ToLower(text);
  t.text = std::move(text);
  return t;
}

Token MakePunct(char c) {
  Token t;
  t.kind = Token::kPunct;
  t.text = std::string(1, c);
  t.lower = t.text;
  return t;
}

}  // namespace

std::vector<Sentence> Segment(std::string_view raw) {
  const std::string text = Asciify(raw);
  std::vector<Sentence> out;
  Sentence cur;
  int depth = 0;
  bool line_start = true;
  auto flush = [&] {
    if (!cur.tokens.empty()) out.push_back(std::move(cur));
    cur = Sentence{};
    depth = 0;
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      flush();
      line_start = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (line_start) {
      line_start = false;
      cur.line_start = true;
      // Bullets: "-", "*", "+", "#" heading marks, "1." / "1)".
      if ((c == '-' || c == '*' || c == '+' || c == '#') && (i + 1 >= n || text[i + 1] == ' ' || text[i + 1] == '#')) {
        cur.bullet = true;
        while (i < n && (text[i] == '#' || text[i] == '-' || text[i] == '*' || text[i] == '+')) ++i;
        continue;
      }
      if (IsDigit(c)) {
        size_t j = i;
        while (j < n && IsDigit(text[j])) ++j;
        if (j < n && (text[j] == '.' || text[j] == ')') && j + 1 < n && text[j + 1] == ' ') {
          cur.bullet = true;
          i = j + 1;
          continue;
        }
      }
    }
    if (IsAlpha(c) || (c == '@' && i + 1 < n && IsAlpha(text[i + 1]))) {
      size_t j = i + (c == '@' ? 1 : 0);
      while (j < n) {
        char d = text[j];
        if (IsAlnum(d) || d == '_') {
          ++j;
        } else if ((d == '-' || d == '\'') && j + 1 < n && IsAlpha(text[j + 1]) &&
                   !(d == '\'' && (text[j + 1] == 's' || text[j + 1] == 'S') &&
                     (j + 2 >= n || !IsAlnum(text[j + 2])))) {
          ++j;
        } else if (d == '.' && j + 1 < n && IsAlpha(text[j + 1]) && j + 2 < n && text[j + 2] == '.') {
          j += 2;  // e.g. / i.e. / a.k.a.
        } else {
          break;
        }
      }
      std::string word(text.substr(i, j - i));
      if (j < n && text[j] == '.' && word.find('.') != std::string::npos) ++j;  // trailing dot of e.g.
      std::string lw = ToLower(word);
      if (lw == "e.g" || lw == "e.g." || lw == "eg") word = "eg";
      else if (lw == "i.e" || lw == "i.e.") word = "ie";
      else if (lw == "a.k.a" || lw == "a.k.a.") word = "aka";
      word.erase(std::remove(word.begin(), word.end(), '.'), word.end());
      // Contractions: "don't" -> "dont", "they'd" -> "they".
      if (auto q = word.find('\''); q != std::string::npos) {
        std::string tail = ToLower(word.substr(q + 1));
        if (tail == "t") word.erase(q, 1);
        else if (tail == "d" || tail == "ll" || tail == "re" || tail == "ve" || tail == "m") word.resize(q);
      }
      // "schoolYear" -> "school", "Year"; "per-product" -> "per", "product".
      std::vector<std::string> parts;
      {
        std::string part;
        for (size_t k = 0; k < word.size(); ++k) {
          char ch = word[k];
          bool split = k > 0 && IsUpper(ch) && std::islower(static_cast<unsigned char>(word[k - 1])) &&
                       word.find('_') == std::string::npos;
          if (split) {
            parts.push_back(part);
            part.clear();
          }
          part.push_back(ch);
        }
        parts.push_back(part);

      }
      for (size_t k = 0; k < parts.size(); ++k) {
        if (parts[k].empty()) continue;
        cur.tokens.push_back(MakeWord(parts[k]));
        cur.tokens.back().joined = k > 0;
      }
      i = j;
      if (i + 1 < n && text[i] == '\'' && (text[i + 1] == 's' || text[i + 1] == 'S') &&
          (i + 2 >= n || !IsAlnum(text[i + 2]))) {
        Token p = MakePunct('\'');
        p.text = p.lower = "'s";
        cur.tokens.push_back(p);
        i += 2;
      } else if (i < n && text[i] == '\'' && !cur.tokens.empty() && EndsWith(cur.tokens.back().lower, "s") &&
                 (i + 1 >= n || !IsAlnum(text[i + 1]))) {
        Token p = MakePunct('\'');
        p.text = p.lower = "'s";  // plural possessive "users'"
        cur.tokens.push_back(p);
        ++i;
      }
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i;
      while (j < n && (IsAlnum(text[j]) || ((text[j] == '.' || text[j] == ',') && j + 1 < n && IsDigit(text[j + 1])))) ++j;
      Token t;
      t.kind = Token::kNumber;
      t.text = t.lower = std::string(text.substr(i, j - i));
      cur.tokens.push_back(t);
      i = j;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    bool ends = (c == '.' || c == '!' || c == '?' || c == ';') && depth == 0;
    // "keys like checkout.pay_button", "example.com": a dot inside a dotted name ends nothing (a
    // capital after it still does: "the date.Each order").
    if (c == '.' && i > 0 && IsAlnum(text[i - 1]) && i + 1 < n &&
        ((text[i + 1] >= 'a' && text[i + 1] <= 'z') || text[i + 1] == '_')) {
      ends = false;
    }
    if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.') {
      Token t = MakePunct('.');
      t.text = t.lower = "...";
      cur.tokens.push_back(t);
      i += 3;
      continue;
    }
    if (c == ';' && depth == 0) {
      cur.tokens.push_back(MakePunct(';'));  // a clause break inside the sentence
      ++i;
      continue;
    }
    if (ends) {
      flush();
      ++i;
      continue;
    }
    char p = (c == '[' || c == '{') ? '(' : (c == ']' || c == '}') ? ')' : c;
    // ("cart items = which unit, start, end", "bills = recurring expected expenses: name, amount":
    // an '=' after the few words that open a sentence defines them, as a ':' does.)
    if (c == '=' && !cur.tokens.empty() && cur.tokens.size() <= 3 &&
        std::all_of(cur.tokens.begin(), cur.tokens.end(), [](const Token& t) { return t.kind == Token::kWord; })) {
      p = ':';
    }
    cur.tokens.push_back(MakePunct(p));
    ++i;
  }
  flush();
  return out;
}

std::string JoinLower(const std::vector<Token>& toks, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < toks.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += toks[i].lower;
  }
  return out;
}

// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at 2.
size_t TypoDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  if (n > m + 2 || m > n + 2) return 3;
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

namespace {

// "thier" / "their": the same letters with two neighbours swapped.
bool IsNeighbourSwap(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

bool HasCommonSuffix(std::string_view w) {
  for (std::string_view suf : {"ment", "ments", "tion", "tions", "sion", "sions", "ness", "ance", "ances", "ence",
                               "ences", "ity", "ities", "ing", "ings", "ship", "ships"}) {
    if (w.size() > suf.size() + 2 && w.ends_with(suf)) return true;
  }
  return false;
}

// "tournamnets ... players enter tournaments", "cash acounts ... two accounts": a word the text also
// spells another way, one edit apart, where only the other spelling is a known word or has a
// regular English ending, is that word mistyped.
void CorrectAgainstText(std::vector<Sentence>& sentences) {
  std::set<std::string> words;
  for (const auto& s : sentences) {
    for (const auto& t : s.tokens) {
      if (t.kind == Token::kWord && t.lower.size() >= 7) words.insert(t.lower);
    }
  }
  std::map<std::string, std::string> fix;
  std::set<std::string> regular;  // words with a regular English ending, or known
  for (const auto& w : words) {
    if (HasCommonSuffix(w) || lex::IsKnownWord(w)) regular.insert(w);
  }
  for (const auto& w : words) {
    if (regular.count(w)) continue;
    for (const auto& v : regular) {
      if (v != w && TypoDistance(w, v) == 1) {
        fix[w] = v;
        break;
      }
    }
  }
  if (fix.empty()) return;
  for (auto& s : sentences) {
    for (auto& t : s.tokens) {
      if (auto it = fix.find(t.lower); it != fix.end()) t.lower = it->second;
    }
  }
}

}  // namespace

void NormalizeLearnerGrammar(std::vector<Sentence>& sentences) {
  // The finite form of a present participle that reads only as a verb: "containing" ->
  // "contain", "giving" -> "give", "registering" -> "registers" ("register" is also a noun);
  // "" when every form could be a noun ("playing": "play", "plays").
  auto finite_of = [](const std::string& w) -> std::string {
    if (w.size() < 6 || !w.ends_with("ing")) return "";
    const std::string stem = w.substr(0, w.size() - 3);
    std::vector<std::string> bases = {stem, stem + "e"};
    if (stem.size() >= 3 && stem.back() == stem[stem.size() - 2]) bases.push_back(stem.substr(0, stem.size() - 1));
    for (const auto& b : bases) {
      if (lex::IsVerb(b)) return b;
      if (lex::IsNounVerb(b) && lex::IsVerb(b + "s")) return b + "s";
    }
    return "";
  };
  for (auto& s : sentences) {
    auto& T = s.tokens;
    // ("Each podcast shall store a GUID": the "shall" of a formal specification is the readers'
    // "should".)
    for (auto& t : T) {
      if (t.lower == "shall") t.lower = "should";
    }
    for (size_t i = 1; i + 2 < T.size(); ++i) {
      if (!In(T[i].lower, {"is", "are"}) || T[i - 1].kind != Token::kWord || T[i + 1].kind != Token::kWord) continue;
      // (Only after a noun or a name: "there is", "it is", "what is", "the app is being built"
      // stay as they are; so does "is going to".)
      const std::string& subj = T[i - 1].lower;
      if (lex::IsStopword(subj) || lex::IsVerb(subj) || In(T[i + 1].lower, {"being", "going", "missing", "pending"})) {
        continue;
      }
      const std::string base = finite_of(T[i + 1].lower);
      // (A transitive use: "registering for events", "containing products"; "is pending" and
      // "is ongoing" are states.)
      if (base.empty() || T[i + 2].kind != Token::kWord) continue;
      T[i + 1].lower = base;
      T[i + 1].text = base;
      T.erase(T.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (size_t i = 0; i + 1 < T.size(); ++i) {
      if (!In(T[i].lower, {"many", "several", "multiple"})) continue;
      Token& n = T[i + 1];
      const bool ends_phrase = i + 2 >= T.size() || T[i + 2].kind != Token::kWord ||
                               In(T[i + 2].lower, {"and", "or", "with", "per", "for", "in", "of", "on", "at"});
      if (n.kind != Token::kWord || !ends_phrase || n.lower.size() < 3 || n.lower.ends_with("s") ||
          lex::IsStopword(n.lower) || lex::IsVerb(n.lower) || !lex::IsKnownWord(n.lower) ||
          naming::Pluralize(n.lower) == n.lower) {
        continue;
      }
      n.lower = naming::Pluralize(n.lower);
      n.text = naming::Pluralize(n.text);
    }
  }
}

void CorrectTypos(std::vector<Sentence>& sentences) {
  CorrectAgainstText(sentences);
  // A word the text uses again and again is meant ("funding" three times is not "finding").
  std::unordered_map<std::string, int> uses;
  for (const auto& s : sentences) {
    for (const auto& t : s.tokens) {
      if (t.kind == Token::kWord) ++uses[t.lower];
    }
  }
  const auto& vocab = lex::TypoVocabulary();
  // Per word: the correction among all candidates, and the one without same-length substitutions
  // (used when the text repeats the word). Both depend on the word alone, so the cache answers the
  // same whatever text asked first.
  struct Correction {
    std::string any, no_substitution;
  };
  static thread_local std::unordered_map<std::string, Correction> cache;
  if (cache.size() > 4096) cache.clear();
  // Short function words mistyped in a way no vocabulary word is ("wich have date and place").
  static const std::pair<std::string_view, std::string_view> kShort[] = {
      {"wich", "which"}, {"whcih", "which"}, {"wihch", "which"}, {"teh", "the"}, {"hte", "the"}, {"adn", "and"},
      {"wiht", "with"}, {"taht", "that"}, {"waht", "what"}, {"becuase", "because"}, {"beacuse", "because"}};
  for (auto& s : sentences) {
    for (auto& t : s.tokens) {
      if (t.kind != Token::kWord) continue;
      for (const auto& [typo, word] : kShort) {
        if (t.lower == typo) t.lower = std::string(word);
      }
    }
  }
  for (auto& s : sentences) {
    for (auto& t : s.tokens) {
      if (t.kind != Token::kWord || t.lower.size() < 5) continue;
      if (t.lower.find_first_of("_0123456789") != std::string::npos) continue;  // identifiers, not typos
      if (lex::IsKnownWord(t.lower)) continue;
      auto it = cache.find(t.lower);
      if (it == cache.end()) {
        std::string best, best_ns;
        int hits = 0, hits_ns = 0;
        for (const auto& v : vocab) {
          if (v.size() + 1 < t.lower.size() || v.size() > t.lower.size() + 1) continue;
          if (v[0] != t.lower[0]) continue;
          // Five-letter words: only a missing or extra letter ("leage"), never a substitution
          // ("rules" is not a typo of "roles").
          // (A swap of two neighbours is: "thier" is "their".)
          if (t.lower.size() <= 5 && v.size() == t.lower.size() && !IsNeighbourSwap(t.lower, v)) continue;
          // ... nor an extra letter: a five-letter word is rarely a four-letter one mistyped
          // ("feeds" is not "fees").
          if (t.lower.size() <= 5 && v.size() < t.lower.size()) continue;
          // Six letters: no single-letter substitution either ("courts" is not "counts"); a swap of
          // two neighbours still is a typo.
          if (t.lower.size() == 6 && v.size() == 6) {
            int diff = 0;
            for (size_t q = 0; q < 6; ++q) diff += t.lower[q] != v[q];
            if (diff == 1) continue;
          }
          // Agent and plural forms of words we do not know are words, not typos: "timers" is not
          // "times", "trackers" is not "tracks".
          if (v.size() + 1 == t.lower.size() && (EndsWith(t.lower, "ers") || EndsWith(t.lower, "er") ||
                                                 EndsWith(t.lower, "ors") || EndsWith(t.lower, "or"))) {
            continue;
          }
          if (TypoDistance(t.lower, v) == 1) {
            if (best != v) ++hits;
            best = v;
            if (v.size() != t.lower.size()) {
              if (best_ns != v) ++hits_ns;
              best_ns = v;
            }
          }
        }
        Correction c{hits == 1 ? best : std::string(), hits_ns == 1 ? best_ns : std::string()};
        it = cache.emplace(t.lower, std::move(c)).first;
      }
      const std::string& fix = uses[t.lower] >= 3 ? it->second.no_substitution : it->second.any;
      if (!fix.empty()) t.lower = fix;
    }
  }
}

namespace {
// "| Author | name, email |" -> {"Author", "name, email"}; empty for a line that is no table row.
std::vector<std::string> TableCells(std::string_view line) {
  const std::string t = Trim(line);
  if (t.size() < 3 || t.front() != '|' || t.back() != '|') return {};
  std::vector<std::string> cells;
  size_t start = 1;
  for (size_t k = 1; k < t.size(); ++k) {
    if (t[k] != '|') continue;
    cells.push_back(Trim(t.substr(start, k - start)));
    start = k + 1;
  }
  return cells;
}

bool IsSeparatorRow(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  for (const auto& c : cells) {
    if (c.find_first_not_of("-: ") != std::string::npos || c.find('-') == std::string::npos) return false;
  }
  return true;
}
}  // namespace

// "CREATE TABLE posts (id serial primary key, title text, author_id int references authors(id));" ->
// "posts: title, author." (a referencing column is named after the table it references); "" when `stmt`
// is no CREATE TABLE statement.
std::string FlattenCreateTable(std::string_view stmt) {
  const std::string low = ToLower(stmt);
  size_t at = low.find("create table");
  if (at == std::string::npos) return "";
  at += 12;
  const size_t open = low.find('(', at);
  if (open == std::string::npos) return "";
  std::string name = Trim(std::string_view(stmt).substr(at, open - at));
  if (ToLower(name).starts_with("if not exists")) name = Trim(name.substr(13));
  name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == '"' || c == '`' || c == '['; }),
             name.end());
  if (const size_t dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);  // schema.table
  // (A name of one word: "we create table plans for parties (of four or more)" is prose.)
  if (name.empty() || name.find_first_of(" \t") != std::string::npos) return "";
  // The column definitions: commas at depth 1.
  std::vector<std::string> defs;
  int depth = 0;
  size_t start = open + 1;
  bool closed = false;
  for (size_t k = open; k < stmt.size(); ++k) {
    if (stmt[k] == '(') ++depth;
    if (stmt[k] == ')' && --depth == 0) {
      defs.push_back(Trim(stmt.substr(start, k - start)));
      closed = true;
      break;
    }
    if (stmt[k] == ',' && depth == 1) {
      defs.push_back(Trim(stmt.substr(start, k - start)));
      start = k + 1;
    }
  }
  // (Columns have SQL types: a parenthesis of prose has none.)
  bool typed = false;
  for (const auto& def : defs) {
    std::string d = " " + ToLower(def) + " ";
    for (char& c : d) c = std::isalnum(static_cast<unsigned char>(c)) ? c : ' ';
    for (std::string_view t : {" int ", " integer ", " bigint ", " smallint ", " serial ", " bigserial ", " text ",
                               " varchar ", " char ", " boolean ", " bool ", " timestamp ", " timestamptz ", " date ",
                               " datetime ", " numeric ", " decimal ", " real ", " float ", " double ", " uuid ",
                               " json ", " jsonb ", " bytea ", " blob ", " money ", " time "}) {
      typed = typed || d.find(t) != std::string::npos;
    }
  }
  if (!closed || !typed) return "";
  std::string fields;
  for (const auto& def : defs) {
    std::string d = ToLower(def);
    const std::string col = Trim(d.substr(0, d.find_first_of(" \t")));
    if (col.empty() || In(col, {"primary", "foreign", "unique", "constraint", "check", "index", "key"})) continue;
    std::string item = col;
    item.erase(std::remove_if(item.begin(), item.end(), [](char c) { return c == '"' || c == '`'; }), item.end());
    if (item == "id") continue;
    if (const size_t ref = d.find(" references "); ref != std::string::npos) {
      std::string target = Trim(d.substr(ref + 12));
      target = target.substr(0, target.find_first_of(" (\t"));
      if (const size_t dot = target.rfind('.'); dot != std::string::npos) target = target.substr(dot + 1);
      // ("author_id ... references authors": the column names the record; "owner_id ... references
      // users" keeps its own name, the role it plays.)
      std::string base = item.ends_with("_id") ? item.substr(0, item.size() - 3) : item;
      item = base.empty() ? target : base;
    }
    fields += (fields.empty() ? "" : ", ") + item;
  }
  return name + ": " + fields + ".";
}

std::string FlattenMarkdown(std::string_view text) {
  if (text.find('|') == std::string_view::npos && text.find("```") == std::string_view::npos &&
      FindCi(text, "create table") == std::string_view::npos) {
    return std::string(text);
  }
  const std::vector<std::string> lines = Split(text, '\n');
  std::vector<std::string> kept;
  for (size_t i = 0; i < lines.size();) {
    if (Trim(lines[i]).starts_with("```")) {  // a code fence; what it holds stays
      ++i;
      continue;
    }
    if (FindCi(lines[i], "create table") != std::string_view::npos) {
      // The statement runs to its closing parenthesis, over as many lines as it takes.
      const size_t first = i;
      std::string stmt = lines[i++];
      auto balanced = [](const std::string& t) {
        int depth = 0;
        bool opened = false;
        for (char c : t) {
          if (c == '(') ++depth, opened = true;
          if (c == ')') --depth;
        }
        return opened && depth <= 0;
      };
      while (!balanced(stmt) && i < lines.size()) stmt += " " + lines[i++];
      const std::string flat = FlattenCreateTable(stmt);
      if (!flat.empty()) {
        kept.push_back(flat);
        continue;
      }
      // (No statement after all: the lines stay as they were.)
      for (size_t k = first; k < i; ++k) kept.push_back(lines[k]);
      continue;
    }
    if (TableCells(lines[i]).empty()) {
      kept.push_back(lines[i++]);
      continue;
    }
    // One table: its rows, a header when the second row is a separator.
    std::vector<std::vector<std::string>> rows;
    bool header = false;
    for (; i < lines.size(); ++i) {
      auto cells = TableCells(lines[i]);
      if (cells.empty()) break;
      if (IsSeparatorRow(cells)) {
        header = header || rows.size() == 1;
        continue;
      }
      rows.push_back(std::move(cells));
    }
    std::vector<std::string> head = header ? rows.front() : std::vector<std::string>{};
    // ("| Entity | Field | Type |": one line per entity with its fields, a blank first cell continuing
    // the entity above.)
    const bool per_field = head.size() >= 3 &&
                           In(ToLower(head[1]), {"field", "fields", "column", "columns", "attribute", "attributes",
                                               "property", "properties"});
    std::string entity, fields;
    auto flush_entity = [&] {
      if (!entity.empty()) kept.push_back(entity + ": " + fields + ".");
      entity.clear();
      fields.clear();
    };
    for (size_t r = header ? 1 : 0; r < rows.size(); ++r) {
      const auto& cells = rows[r];
      if (per_field) {
        if (!cells[0].empty() && cells[0] != entity) flush_entity();
        if (!cells[0].empty()) entity = cells[0];
        if (cells.size() > 1 && !cells[1].empty()) fields += (fields.empty() ? "" : ", ") + cells[1];
        continue;
      }
      std::string line = cells[0];
      std::string rest;
      for (size_t c = 1; c < cells.size(); ++c) {
        if (!cells[c].empty()) rest += (rest.empty() ? "" : ", ") + cells[c];
      }
      if (!rest.empty()) line += ": " + rest;
      if (!line.empty()) kept.push_back(line + ".");
    }
    flush_entity();
  }
  return Join(kept, "\n");
}

bool ContainsPhrase(std::string_view haystack, std::string_view needle) {
  size_t pos = 0;
  while ((pos = haystack.find(needle, pos)) != std::string_view::npos) {
    bool left = pos == 0 || !IsAlnum(haystack[pos - 1]);
    size_t e = pos + needle.size();
    bool right = e >= haystack.size() || !IsAlnum(haystack[e]);
    if (left && right) return true;
    ++pos;
  }
  return false;
}

PhraseIndex::PhraseIndex(std::string_view norm) {
  size_t i = 0;
  while (i < norm.size()) {
    while (i < norm.size() && norm[i] == ' ') ++i;
    size_t j = i;
    while (j < norm.size() && norm[j] != ' ') ++j;
    if (j > i) {
      pos_[norm.substr(i, j - i)].push_back(static_cast<uint32_t>(words_.size()));
      words_.push_back(norm.substr(i, j - i));
    }
    i = j;
  }
}

bool PhraseIndex::Has(std::string_view phrase) const {
  std::string_view parts[12];
  size_t n = 0;
  size_t i = 0;
  while (i < phrase.size() && n < 12) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) parts[n++] = phrase.substr(i, j - i);
    i = j;
  }
  if (n == 0) return false;
  auto it = pos_.find(parts[0]);
  if (it == pos_.end()) return false;
  for (uint32_t p : it->second) {
    if (p + n > words_.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < n && ok; ++k) ok = words_[p + k] == parts[k];
    if (ok) return true;
  }
  return false;
}

bool PhraseIndex::HasWordPrefix(std::string_view prefix) const {
  for (const auto& [w, p] : pos_) {
    if (w.starts_with(prefix)) return true;
  }
  return false;
}

std::string Padded(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back(' ');
  out.append(s);
  out.push_back(' ');
  return out;
}

std::string NormalizeForPhrases(std::string_view text) {
  std::string out = " ";
  for (char c : Asciify(text)) {
    if (IsAlnum(c)) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

}  // namespace bf::analyze
