#include "analyze/extract.h"

#include <algorithm>

#include "analyze/archetypes.h"
#include "analyze/fields.h"
#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (w == s) return true;
  }
  return false;
}

bool IsUserHead(const Chunk& c) {
  if (c.words.empty()) return false;
  const std::string& h = c.words.back();
  return In(h, {"user", "users", "friend", "friends", "colleague", "colleagues", "coworker", "coworkers", "teammate",
                "teammates"});
}

// Heads that never make a compound an entity ("GPS tracking server", "search API").
bool IsBadHead(std::string_view h) {
  return In(h, {"backend", "backends", "system", "systems", "api", "apis", "app", "apps", "application",
                "platform", "database", "db", "server", "tool", "tools", "software", "thing", "things", "stuff",
                "data", "info", "information", "way", "kind", "part", "side", "idea", "example", "feature",
                "features", "functionality", "module", "schema", "table", "field", "fields", "column", "row",
                "number", "time", "flag", "flags", "counter", "mode", "config", "configuration", "workflow",
                "domain", "url", "money", "cash", "structure", "hierarchy", "sum", "piece", "world", "internet",
                "life", "work", "control", "rights", "quarter", "percent", "percentage", "install",
                "installation", "deployment", "hosting", "instance", "name", "amount", "price", "status",
                "value", "title", "text", "date", "id", "key", "code", "total", "count", "default", "access",
                "search", "login", "password", "auth", "authentication", "website", "site", "page", "form",
                "screen", "spreadsheet", "stack", "service", "services", "api", "endpoint", "address", "email",
                "phone", "yes", "no", "anything", "everything", "something", "lot", "bunch", "couple"});
}

// An item head that reads as an attribute: a known attribute word, a snake_case column, or a
// word whose type can be inferred ("start date", "is active", "price").
bool LooksLikeAttribute(const Chunk& c) {
  const std::string& h = c.words.back();
  if (lex::IsFieldWord(h) || h.find('_') != std::string::npos) return true;
  std::vector<std::string> parts;
  for (const auto& w : c.words) parts.push_back(w);
  return lex::InferFieldType(parts).type != spec::FieldType::kString;
}

bool IsGenericDependent(std::string_view w) {
  return In(w, {"line", "item", "entry", "detail", "row", "record", "option", "image", "photo", "member",
                "attachment", "note", "comment", "log", "history", "setting", "value", "answer", "vote"});
}

}  // namespace

// From `head`, walks back over prepositional links ("X of Y", "X per Y, owned by Z") to the
// phrase they qualify.
const Chunk* WalkBack(const std::vector<Token>& T, const std::vector<Chunk>& chunks, const Chunk* head) {
  for (int guard = 0; guard < 4; ++guard) {
    const Chunk* prev = nullptr;
    for (const auto& c : chunks) {
      if (c.end <= head->begin && c.depth == 0) prev = &c;
    }
    if (!prev) break;
    bool prep = false, other = false;
    for (size_t k = prev->end; k < head->begin; ++k) {
      const Token& t = T[k];
      if (t.text == "(") {
        k = MatchParen(T, k, head->begin);
        continue;
      }
      if (t.text == ",") continue;
      if (t.kind != Token::kWord) {
        other = true;
        break;
      }
      const std::string& w = t.lower;
      if (In(w, {"per", "of", "in", "on", "for", "by", "under", "within", "inside", "at", "from", "to"})) {
        prep = true;
      } else if (!In(w, {"owned", "belongs", "belong", "belonging", "lives", "live", "sits", "sit", "is", "are",
                         "a", "an", "the", "one", "each", "every", "optionally", "also", "usually", "always",
                         "attached", "linked", "scoped", "kept", "stored", "filed", "grouped", "its", "their"})) {
        other = true;
        break;
      }
    }
    if (!prep || other || lex::IsNonEntity(prev->words.back())) break;
    head = prev;
  }
  return head;
}

bool IsPersonEntityWord(std::string_view word) {
  std::string w(word);
  if (w.size() > 3 && w.back() == 's') w = naming::Singularize(w);
  return In(w, {"patient", "doctor", "physician", "student", "teacher", "instructor", "driver", "player", "candidate",
                "applicant", "client", "lawyer", "attorney", "tenant", "landlord", "speaker", "attendee", "volunteer",
                "employee", "trainer", "coach", "nurse", "vet", "artist", "passenger", "rider", "donor", "courier",
                "provider"});
}

std::string Extractor::Canonical(const std::string& name) const {
  std::string cur = name;
  for (int guard = 0; guard < 8; ++guard) {
    auto it = alias_.find(cur);
    if (it == alias_.end() || it->second == cur) break;
    cur = it->second;
  }
  return cur;
}

void Extractor::Note(const Chunk& c, double score, bool strong, size_t si) {
  if (c.name.empty()) return;
  std::string name = IsUserHead(c) ? "User" : c.name;
  auto& cand = cands_[name];
  if (cand.name.empty()) {
    cand.name = name;
    cand.order = si * 1000 + c.begin;
  }
  cand.order = std::min(cand.order, si * 1000 + c.begin);
  cand.score += score;
  cand.strong = cand.strong || strong;
  cand.phrases.insert(c.phrase);
}

void Extractor::NoteAlias(const Chunk& alias, const Chunk& target) {
  if (alias.name.empty() || target.name.empty() || alias.name == target.name) return;
  if (IsUserHead(target) || IsUserHead(alias)) return;
  alias_[alias.name] = target.name;
  cands_[target.name].phrases.insert(alias.phrase);
  if (cands_[target.name].name.empty()) cands_[target.name].name = target.name;
}

bool Extractor::HeadColon(size_t si, const std::vector<Chunk>& chunks, size_t& list_begin) {
  const auto& T = s_[si].tokens;
  const size_t n = T.size();
  size_t colon = n;
  int depth = 0;
  for (size_t i = 0; i < n; ++i) {
    if (T[i].text == "(") ++depth;
    if (T[i].text == ")" && depth > 0) --depth;
    if (T[i].text == ":" && depth == 0) {
      colon = i;
      break;
    }
  }
  if (colon == n || colon == 0) return false;
  // The list runs to the end, or to a ';' that opens a clause with its own list ("...; wallet
  // transactions (type, amount)"); "...; it may be assigned to a user" still belongs to the head.
  size_t list_end = n;
  {
    int d = 0;
    for (size_t i = colon + 1; i < n; ++i) {
      if (T[i].text == "(") ++d;
      if (T[i].text == ")" && d > 0) --d;
      if (d != 0 || T[i].text != ";") continue;
      bool pronoun = i + 1 < n && In(T[i + 1].lower, {"it", "they", "each", "every"});
      bool own = false;
      for (size_t j = i + 1; j < n; ++j) {
        if (T[j].text == ";") break;
        if (T[j].text == "(" || T[j].text == ":") own = true;
      }
      if (own && !pronoun) {
        list_end = i;
        break;
      }
    }
  }
  const Chunk* head = nullptr;
  for (const auto& c : chunks) {
    if (c.depth != 0 || c.end > colon) continue;
    bool adjacent = c.end == colon;
    if (!adjacent && T[c.end].text == "(" && MatchParen(T, c.end, n) == colon - 1) adjacent = true;
    if (adjacent) head = &c;
  }
  if (!head) return false;
  // "Buyers place an order for an event:", "a course per school year, owned by a department:":
  // walk back over prepositional links to the phrase the list describes.
  head = WalkBack(T, chunks, head);
  // "baskets per user (status ...) with lines: product, quantity": generic rows take the name of
  // what they belong to (BasketLine).
  Chunk named_dependent;
  if (head->words.size() == 1 && IsGenericDependent(naming::Singularize(head->words.back()))) {
    const Chunk* prev = nullptr;
    for (const auto& c : chunks) {
      if (c.end <= head->begin && c.depth == 0) prev = &c;
    }
    bool linked = false;
    if (prev) {
      for (size_t k = prev->end; k < head->begin; ++k) {
        if (T[k].text == "(") {
          k = MatchParen(T, k, head->begin);
          continue;
        }
        if (In(T[k].lower, {"with", "has", "have", "contains", "contain", "and", "its", "their"})) linked = true;
      }
      prev = WalkBack(T, chunks, prev);
    }
    if (prev && linked && !lex::IsNonEntity(prev->words.back())) {
      named_dependent = *head;
      named_dependent.words.clear();
      for (const auto& w : prev->words) named_dependent.words.push_back(naming::Singularize(w));
      named_dependent.words.push_back(head->words.back());
      if (named_dependent.words.size() > 3) named_dependent.words.erase(named_dependent.words.begin(), named_dependent.words.end() - 3);
      NameChunk(named_dependent);
      links_.push_back({prev->name, named_dependent.name, "a_has_b", ""});
      head = &named_dependent;
    }
  }
  // "members book rooms: start, end, status": the list describes the act, a join entity named
  // after the verb (Booking between Member and Room).
  {
    const Chunk* prev = nullptr;
    for (const auto& c : chunks) {
      if (c.end <= head->begin && c.depth == 0) prev = &c;
    }
    std::vector<std::string> between;
    if (prev) {
      for (size_t k = prev->end; k < head->begin; ++k) {
        if (T[k].kind != Token::kWord) {
          between.push_back("#");
          continue;
        }
        if (!In(T[k].lower, {"can", "will", "may", "also", "a", "an", "the", "their", "one", "each", "usually"})) {
          between.push_back(T[k].lower);
        }
      }
    }
    std::string nominal;
    if (between.size() == 1 || (between.size() == 2 && In(between[1], {"in", "for", "up", "to", "on", "into"}))) {
      static const std::pair<std::string_view, std::string_view> kNominal[] = {
          {"book", "booking"}, {"books", "booking"}, {"rent", "rental"}, {"rents", "rental"}, {"borrow", "loan"},
          {"borrows", "loan"}, {"lend", "loan"}, {"lends", "loan"}, {"reserve", "reservation"},
          {"reserves", "reservation"}, {"enroll", "enrollment"}, {"enrolls", "enrollment"}, {"enrol", "enrolment"},
          {"enrols", "enrolment"}, {"register", "registration"}, {"registers", "registration"},
          {"subscribe", "subscription"}, {"subscribes", "subscription"}, {"order", "order"}, {"orders", "order"},
          {"purchase", "purchase"}, {"purchases", "purchase"}, {"buy", "purchase"}, {"buys", "purchase"},
          {"apply", "application"}, {"applies", "application"}, {"donate", "donation"}, {"donates", "donation"},
          {"attend", "attendance"}, {"attends", "attendance"}, {"visit", "visit"}, {"visits", "visit"},
          {"bid", "bid"}, {"bids", "bid"}, {"lease", "lease"}, {"leases", "lease"}, {"adopt", "adoption"},
          {"adopts", "adoption"}, {"sign", "signup"}, {"signs", "signup"}, {"pay", "payment"}, {"pays", "payment"},
          {"hire", "hire"}, {"hires", "hire"}, {"review", "review"}, {"reviews", "review"}, {"rate", "rating"},
          {"rates", "rating"}};
      for (const auto& [verb, noun] : kNominal) {
        if (between[0] == verb) nominal = noun;
      }
    }
    if (!nominal.empty()) {
      Chunk join = *head;
      join.words = {nominal};
      NameChunk(join);
      Note(join, 5.0, true, si);
      lists_.push_back({join.name, si, colon + 1, list_end});
      links_.push_back({prev->name, join.name, "a_has_b", ""});
      links_.push_back({head->name, join.name, "a_has_b", ""});
      Note(*prev, 1.0, false, si);
      Note(*head, 2.0, false, si);
      list_begin = colon + 1;
      return true;
    }
  }
  auto items = SplitItems(T, colon + 1, list_end, false);
  if (items.empty()) return false;
  if (In(T[items.front().begin].lower, {"they", "we", "it", "he", "she", "you", "i", "there"})) return false;
  // "roles: admin, editor" is a role list, not an entity.
  if (head->words.back() == "roles" || head->words.back() == "role" || head->words.back() == "permissions") {
    int role_items = 0;
    for (const auto& it : items) {
      for (size_t k = it.begin; k < it.end; ++k) {
        if (T[k].kind == Token::kWord && lex::RoleOf(T[k].lower)) {
          ++role_items;
          break;
        }
      }
    }
    if (role_items * 2 >= static_cast<int>(items.size())) return false;
  }
  int labelish = 0, strong_items = 0, attributes = 0;
  for (const auto& it : items) {
    auto ch = ChunkTokens(T, it.begin, it.end);
    if (ch.empty()) continue;
    const Chunk& first = ch.front();
    if (LooksLikeAttribute(first)) ++attributes;
    bool plural_entity = first.plural && !lex::IsFieldWord(first.words.back()) && !LooksLikeAttribute(first);
    size_t after = first.end;
    while (after < it.end && T[after].kind == Token::kWord && (T[after].lower == "are" || T[after].lower == "nested")) ++after;
    bool own_list = after < it.end && T[after].text == "(" && LooksLikeFieldList(T, after + 1, MatchParen(T, after, it.end));
    bool listed_entity = own_list && !LooksLikeAttribute(first) && !lex::IsFieldWord(first.words.back());
    if (plural_entity || listed_entity) ++labelish;
    if (own_list && (plural_entity || listed_entity)) ++strong_items;
  }
  bool label = (strong_items >= 1 && labelish * 3 >= static_cast<int>(items.size())) ||
               (labelish >= 2 && labelish * 2 >= static_cast<int>(items.size()) && attributes == 0);
  if (label) {
    size_t hb = head->begin;
    while (hb > 0 && In(T[hb - 1].lower, {"the", "a", "an", "each", "every", "one"})) --hb;
    bool per = head->begin > 0 && (In(T[head->begin - 1].lower, {"per", "each", "every"}) ||
                                   (hb > 0 && In(T[hb - 1].lower, {"under", "inside", "within", "per"})));
    for (const auto& it : items) {
      auto ch = ChunkTokens(T, it.begin, it.end);
      if (ch.empty() || ch.front().begin > it.begin + 3) continue;
      Note(ch.front(), 3.0, false, si);
      if (per) links_.push_back({head->name, ch.front().name, "a_has_b", ""});
    }
    if (per) Note(*head, 2.5, false, si);
    else label_heads_.insert(si * 1000 + head->begin);
    return false;
  }
  Note(*head, 5.0, true, si);
  lists_.push_back({IsUserHead(*head) ? "User" : head->name, si, colon + 1, list_end});
  list_begin = colon + 1;
  return true;
}

void Extractor::ParenLists(size_t si, const std::vector<Chunk>& chunks, size_t skip_from) {
  const auto& T = s_[si].tokens;
  const size_t n = T.size();
  for (const auto& c : chunks) {
    if (c.begin >= skip_from) break;
    size_t j = c.end;
    int skipped = 0;
    while (j < n && skipped < 3 && T[j].kind == Token::kWord &&
           In(T[j].lower, {"are", "is", "be", "can", "nested", "nest", "also", "both", "all", "themselves"})) {
      ++j;
      ++skipped;
    }
    if (j + 2 < n && In(T[j].lower, {"in", "on", "for", "of", "inside"}) && In(T[j + 1].lower, {"it", "them", "there"}) &&
        T[j + 2].text == "(") {
      j += 2;
    }
    if (j >= n || T[j].text != "(") continue;
    size_t close = MatchParen(T, j, n);
    size_t b = j + 1, e = close;
    if (b >= e) continue;
    if (T[b].lower == "aka") {
      auto inner = ChunkTokens(T, b + 1, e);
      if (!inner.empty()) NoteAlias(inner.front(), c);
      continue;
    }
    // "hosts, guests, producers - full name, unique name": the fields follow the dash.
    int depth = 0;
    for (size_t k = b; k < e; ++k) {
      if (T[k].text == "(") ++depth;
      if (T[k].text == ")") --depth;
      if (depth == 0 && T[k].text == "-" && k > b) b = k + 1;
    }
    bool list = LooksLikeFieldList(T, b, e);
    bool in_range = false;
    for (const auto& l : lists_) {
      if (l.sentence == si && c.begin >= l.begin && c.end <= l.end) in_range = true;
    }
    if (in_range) continue;
    // "job title history per employee (title, from, to)": the list belongs to the first phrase.
    const Chunk* owner = &c;
    {
      size_t pb = c.begin;
      bool each = false;
      while (pb > 0 && In(T[pb - 1].lower, {"each", "every", "a", "the", "one"})) {
        each = each || T[pb - 1].lower == "each" || T[pb - 1].lower == "every";
        --pb;
      }
      bool prep = pb > 0 && (T[pb - 1].lower == "per" || (each && In(T[pb - 1].lower, {"of", "for", "on", "in"})));
      if (prep) {
        for (const auto& p : chunks) {
          if (p.end == pb - 1 && p.depth == 0) {
            owner = &p;
            links_.push_back({c.name, p.name, "a_has_b", ""});
          }
        }
      }
    }
    if (list) {
      Note(*owner, 5.0, true, si);
      lists_.push_back({IsUserHead(*owner) ? "User" : owner->name, si, b, e, true});
    } else {
      // "contract type (the types are defined by each gym)": a lookup list of its own.
      std::string inner_text = Padded(JoinLower(T, b, e));
      if (inner_text.find(" defined ") != std::string::npos || inner_text.find(" nest") != std::string::npos ||
          inner_text.find(" catalog") != std::string::npos || inner_text.find(" tree ") != std::string::npos) {
        Note(*owner, 3.0, false, si);
        if (inner_text.find(" nest") != std::string::npos || inner_text.find(" tree ") != std::string::npos) {
          self_nested_.insert(owner->name);
        }
      }
      auto items = SplitItems(T, b, e, false);
      auto inner = ChunkTokens(T, b, e);
      if (items.size() == 1 && inner.size() == 1 && inner[0].words.size() <= 3 &&
          !lex::IsFieldWord(inner[0].words.back()) && !In(T[b].lower, {"eg", "ie", "think", "like", "see", "such"})) {
        NoteAlias(inner[0], c);
      }
    }
  }
}

void Extractor::HasLists(size_t si, const std::vector<Chunk>& chunks, size_t skip_from) {
  const auto& T = s_[si].tokens;
  const size_t n = std::min(skip_from, T.size());
  auto in_list = [&](size_t k) {
    for (const auto& l : lists_) {
      if (l.sentence == si && k >= l.begin && k < l.end) return true;
    }
    return false;
  };
  for (size_t v = 1; v < n; ++v) {
    if (T[v].kind != Token::kWord || in_list(v)) continue;
    if (!In(T[v].lower, {"has", "have", "with", "contains", "contain", "records", "stores", "includes", "include",
                         "keeps", "holds", "tracks", "captures", "needs", "need", "store", "record"})) {
      continue;
    }
    const Chunk* subj = nullptr;
    for (const auto& c : chunks) {
      if (c.end > v) break;
      bool bridge = true;
      for (size_t k = c.end; k < v; ++k) {
        if (T[k].text == "(") {
          k = MatchParen(T, k, v);
          continue;
        }
        if (!(T[k].kind == Token::kWord &&
              In(T[k].lower, {"can", "also", "always", "should", "must", "will", "usually", "then", "typically", "each",
                              "should", "may", "always", "both", "all", "just", "only", "then"}))) {
          bridge = false;
        }
      }
      if (bridge) subj = &c;
    }
    // "Each hive belongs to an apiary and has a queen year": the clause subject has the list.
    if (!subj && (T[v - 1].lower == "and" || T[v - 1].lower == "also") && !chunks.empty() &&
        chunks.front().begin <= 2 && chunks.front().end < v) {
      subj = &chunks.front();
    }
    if (subj) subj = WalkBack(T, chunks, subj);
    if (!subj || subj->depth != 0) continue;
    size_t e = n;
    for (size_t k = v + 1; k < n; ++k) {
      if (T[k].text == ":" || T[k].text == ";" || in_list(k)) {
        e = k;
        break;
      }
    }
    auto items = SplitItems(T, v + 1, e, false);
    if (items.size() < 2) continue;
    int fieldish = 0;
    const Chunk* first_entity = nullptr;
    for (size_t ii = 0; ii < items.size(); ++ii) {
      auto ch = ChunkTokens(T, items[ii].begin, items[ii].end);
      if (ch.empty()) continue;
      const Chunk& h = ch.front();
      bool entityish = h.plural && !lex::IsFieldWord(h.words.back()) && !IsGenericDependent(h.words.back());
      if (ii == 0 && entityish) first_entity = &ch.front();
      if (!entityish && LooksLikeAttribute(h)) ++fieldish;
      if (ii == 0 && entityish) {
        // "Each event has ticket types with a price, how many are available, ...": the list after
        // "with" belongs to the ticket types.
        Chunk te = h;
        Note(te, 3.0, false, si);
        links_.push_back({subj->name, te.name, "a_has_b", ""});
        for (size_t k = te.end; k < e; ++k) {
          if (T[k].lower == "with") {
            Note(te, 4.0, true, si);
            lists_.push_back({te.name, si, k + 1, e});
            break;
          }
        }
        break;
      }
    }
    if (first_entity) return;
    if (fieldish * 2 >= static_cast<int>(items.size())) {
      Note(*subj, 4.0, true, si);
      lists_.push_back({IsUserHead(*subj) ? "User" : subj->name, si, v + 1, e});
      return;
    }
  }
}

void Extractor::Evidence(size_t si) {
  const Sentence& s = s_[si];
  const auto& T = s.tokens;
  auto chunks = ChunkTokens(T, 0, T.size());
  if (chunks.empty()) return;
  // Aliases: "devices = trackers", "product classes a.k.a. product types".
  for (size_t i = 0; i + 1 < chunks.size(); ++i) {
    size_t a = chunks[i].end, b = chunks[i + 1].begin;
    if (b == a + 1 && (T[a].lower == "aka" || T[a].text == "=")) NoteAlias(chunks[i + 1], chunks[i]);
    // "Every update is a follow-up: ...": the first phrase is another name for the second.
    size_t bb = b;
    while (bb > a && (T[bb - 1].text == "'" || T[bb - 1].text == "\"")) --bb;  // "is a 'space'"
    if (bb == a + 2 && T[a].lower == "is" && (T[a + 1].lower == "a" || T[a + 1].lower == "an") &&
        chunks[i + 1].words.size() <= 2 && !lex::IsNonEntity(chunks[i + 1].words.back()) &&
        !IsGenericDependent(naming::Singularize(chunks[i + 1].words.back()))) {
      NoteAlias(chunks[i], chunks[i + 1]);
    }
  }
  size_t list_begin = T.size();
  bool colon = HeadColon(si, chunks, list_begin);
  (void)colon;
  // Chunks inside a registered list are skipped by each step; clauses after the list still count.
  const size_t skip = T.size();
  HasLists(si, chunks, skip);
  ParenLists(si, chunks, skip);
  // Field lists after a dash: "... one or more organiser profiles - organiser name, about text".
  for (size_t k = 1; k + 1 < std::min(skip, T.size()); ++k) {
    if (T[k].text != "-") continue;
    size_t e = std::min(skip, T.size());
    for (size_t j = k + 1; j < e; ++j) {
      if (T[j].text == ";" || T[j].text == ":") {
        e = j;
        break;
      }
    }
    if (!LooksLikeFieldList(T, k + 1, e) || SplitItems(T, k + 1, e, false).size() < 2) continue;
    {
      // "Files - screenshots, logs, specs - get attached": kinds of the thing, not its fields.
      auto dash_items = SplitItems(T, k + 1, e, false);
      int plural_nouns = 0;
      for (const auto& it : dash_items) {
        auto ch = ChunkTokens(T, it.begin, it.end);
        if (ch.size() == 1 && ch[0].plural && it.end - it.begin <= 2) ++plural_nouns;
      }
      if (plural_nouns * 3 >= static_cast<int>(dash_items.size()) * 2) continue;
    }
    size_t clause = 0;
    int depth = 0;
    for (size_t j = 0; j < k; ++j) {
      if (T[j].text == "(") ++depth;
      if (T[j].text == ")") --depth;
      if (depth == 0 && (T[j].text == "," || T[j].text == ";" || T[j].text == ":")) clause = j + 1;
    }
    const Chunk* owner = nullptr;
    for (const auto& c : chunks) {
      if (c.begin >= clause && c.end <= k && c.depth == 0) {
        owner = &c;
        break;
      }
    }
    // "A company gives us job orders - title, ...": the phrase right before the dash, unless it is
    // an attribute or sits behind a preposition ("a fund in a fiscal year - amount").
    for (const auto& c : chunks) {
      if (c.end != k || c.depth != 0 || c.begin < clause) continue;
      bool after_prep = c.begin > 0 && In(T[c.begin - 1].lower, {"in", "of", "for", "on", "at", "per", "a", "an", "the"}) &&
                        c.begin > 1 && In(T[c.begin - 2].lower, {"in", "of", "for", "on", "at", "per"});
      after_prep = after_prep || (c.begin > 0 && In(T[c.begin - 1].lower, {"in", "of", "for", "on", "at", "per"}));
      if (!after_prep && !LooksLikeAttribute(c) && !lex::IsNonEntity(c.words.back())) owner = &c;
    }
    bool taken = false;
    for (const auto& l : lists_) {
      if (l.sentence == si && k + 1 >= l.begin && k + 1 < l.end) taken = true;
    }
    if (owner && !taken) {
      Note(*owner, 4.0, true, si);
      lists_.push_back({IsUserHead(*owner) ? "User" : owner->name, si, k + 1, e});
    }
    break;
  }
  Patterns(si, chunks);
  PronounObjects(si, chunks);
  // Lead noun of a bullet, and every mention outside field lists.
  for (const auto& c : chunks) {
    bool in_list = false;
    for (const auto& l : lists_) {
      if (l.sentence == si && c.begin >= l.begin && c.end <= l.end) in_list = true;
    }
    if (in_list || label_heads_.count(si * 1000 + c.begin)) continue;
    if (s.bullet && &c == &chunks.front() && c.begin <= 2 && c.depth == 0) {
      Note(c, 2.5, false, si);
    } else if (c.depth == 0) {
      // Plural things people act on ("pick which newsletters", "packing checklists") are likely
      // collections; attribute and role words are not.
      const std::string& h = c.words.back();
      bool collection = c.plural && !lex::IsFieldWord(h) && !lex::IsNonEntity(h) &&
                        (!lex::RoleOf(h) || IsPersonEntityWord(h)) &&
                        !LooksLikeAttribute(c) && !lex::IsUserWord(h);
      Note(c, collection ? 1.2 : 0.4, false, si);
    }
  }
  // Nesting and trees: "nested categories", "projects nest", "parent issue", "subprojects".
  for (const auto& c : chunks) {
    size_t b = c.begin, e = c.end;
    bool self = false;
    if (b > 0 && In(T[b - 1].lower, {"nested", "parent", "sub", "child", "hierarchical"})) self = true;
    if (c.words.size() == 1 && StartsWith(c.words[0], "sub") && c.words[0].size() > 5) {
      std::string rest = c.words[0].substr(3);
      if (rest[0] == '-') rest = rest.substr(1);
      Chunk base = c;
      base.words = {rest};
      NameChunk(base);
      self_nested_.insert(base.name);
      continue;
    }
    for (size_t k = e; k < std::min(e + 3, T.size()); ++k) {
      if (In(T[k].lower, {"nest", "nested", "tree", "hierarchical", "hierarchy", "threaded"})) self = true;
      if (T[k].kind == Token::kPunct && T[k].text != "(") break;
    }
    if (self) self_nested_.insert(c.name);
  }
  Roles(si, chunks);
}

void Extractor::Roles(size_t si, const std::vector<Chunk>& chunks) {
  const auto& T = s_[si].tokens;
  auto add = [&](std::string role) {
    if (role.empty()) return;
    role = naming::ToSnakeCase(role);
    if (role.empty()) return;
    if (std::find(d_.roles.begin(), d_.roles.end(), role) == d_.roles.end()) d_.roles.push_back(role);
  };
  std::string norm = Padded(JoinLower(T, 0, T.size()));
  bool access = false;
  for (std::string_view cue : {" log in ", " logs in ", " login ", " logins ", " sign in ", " sign up ", " signs up ",
                               " access ", " permission ", " permissions ", " roles ", " role ", " read-only ",
                               " readonly ", " privileges ", " only see ", " see all ", " moderate ", " log into ",
                               " hierarchy ", " powers ", " rights ", " login ", " people are ", " are admins ",
                               " admins ", " administrators ", " manage "}) {
    if (norm.find(cue) != std::string::npos) access = true;
  }
  // "roles: a, b" / "roles like a, b" / "with roles a, b and c" / "one or more roles in X - a, b".
  for (size_t i = 0; i < T.size(); ++i) {
    if (T[i].lower != "roles" && T[i].lower != "role") continue;
    size_t k = i + 1;
    bool cue = k < T.size() && lex::RoleOf(T[k].lower).has_value();
    for (size_t j = i + 1; !cue && j < T.size() && j < i + 6; ++j) {
      const std::string& w = T[j].lower;
      if (w == ":" || w == "(" || w == "-" || w == "like" || w == "eg" || w == "include" || w == "are" ||
          (w == "as" && j > 0 && T[j - 1].lower == "such")) {
        cue = true;
        k = j + 1;
        break;
      }
      if (T[j].kind == Token::kPunct) break;
    }
    if (!cue) continue;
    auto items = SplitItems(T, k, T.size(), false);
    for (const auto& it : items) {
      std::vector<std::string> words;
      bool stop = false;
      for (size_t j = it.begin; j < it.end; ++j) {
        if (T[j].text == ")" || T[j].text == "(" || T[j].text == "-") {
          stop = j > it.begin;
          break;
        }
        if (T[j].kind == Token::kWord && !lex::IsStopword(T[j].lower)) words.push_back(T[j].lower);
      }
      if (words.empty() || words.size() > 3) break;
      bool rolelike = lex::RoleOf(words.back()).has_value() || words.size() <= 2;
      if (!rolelike) break;
      std::string last = lex::RoleOf(words.back()).value_or(naming::Singularize(words.back()));
      words.back() = last;
      if (words.size() == 2 && words[0] == "super" && last == "admin") {
        add("super_admin");
      } else {
        add(Join(words, " "));
      }
      if (stop) break;
    }
  }
  // "Dentists and receptionists log in": whoever logs in is a role.
  for (size_t i = 0; i < T.size(); ++i) {
    bool login = (In(T[i].lower, {"log", "logs", "sign", "signs"}) && i + 1 < T.size() &&
                  In(T[i + 1].lower, {"in", "on", "up", "into"})) ||
                 In(T[i].lower, {"login", "logins"});
    if (!login) continue;
    size_t stop = i;
    while (stop > 0 && T[stop - 1].kind == Token::kWord &&
           In(T[stop - 1].lower, {"can", "will", "both", "all", "also", "make", "should", "must", "may", "then"})) {
      --stop;
    }
    const Chunk* last = nullptr;
    for (const auto& c : chunks) {
      if (c.end == stop) last = &c;
    }
    for (int guard = 0; last && guard < 6; ++guard) {
      const std::string& h = last->words.back();
      if (h != "user" && h != "users" && !lex::IsNonEntity(h) && (last->plural || lex::RoleOf(h))) {
        add(lex::RoleOf(h).value_or(naming::Singularize(h)));
      }
      const Chunk* before = nullptr;
      for (const auto& c : chunks) {
        if (c.end <= last->begin) before = &c;
      }
      bool joined = before != nullptr;
      for (size_t k = before ? before->end : 0; joined && k < last->begin; ++k) {
        if (!(T[k].text == "," || In(T[k].lower, {"and", "or", "the", "a", "our", "all"}))) joined = false;
      }
      last = joined ? before : nullptr;
    }
  }
  // "librarians and members", "customers, sellers and admins": coordinated role nouns.
  for (size_t i = 0; i + 1 < chunks.size(); ++i) {
    const Chunk& a = chunks[i];
    const Chunk& b = chunks[i + 1];
    bool joined = true;
    for (size_t k = a.end; k < b.begin; ++k) {
      if (!(T[k].text == "," || T[k].lower == "and" || T[k].lower == "or")) joined = false;
    }
    auto ra = lex::RoleOf(a.words.back()), rb = lex::RoleOf(b.words.back());
    if (!joined || !ra || !rb || a.words.size() > 1 || b.words.size() > 1 || !a.plural || !b.plural) continue;
    if (*ra != "user") add(*ra);
    if (*rb != "user") add(*rb);
  }
  if (!access) return;
  for (const auto& c : chunks) {
    const std::string& head = c.words.back();
    if (head == "user" || head == "users") {
      if (c.words.size() >= 2) {
        const std::string& q = c.words[c.words.size() - 2];
        if (auto r = lex::RoleOf(q)) add(*r);
        else if (In(q, {"finance", "power", "premium"})) add(q);
      } else if (c.begin > 0 && In(T[c.begin - 1].lower, {"normal", "regular", "standard", "ordinary", "plain"})) {
        add("user");
      }
      continue;
    }
    auto role = lex::RoleOf(head);
    if (!role) continue;
    if (*role == "owner" || *role == "client" || *role == "candidate" || *role == "partner" || *role == "driver" ||
        *role == "provider" || *role == "player" || *role == "attendee" || *role == "tenant") {
      continue;  // usually a domain noun, not an access role
    }
    std::string r = *role;
    if (c.words.size() >= 2) {
      const std::string& q = c.words[c.words.size() - 2];
      if (In(q, {"super", "senior", "junior", "support", "claim", "legal", "sales", "content", "finance", "billing",
                 "head", "chief", "team", "account", "lead", "site", "system"})) {
        r = q == "super" && r == "admin" ? "super_admin" : q + "_" + r;
        if (q == "system" || q == "site") r = *role;
      }
    }
    add(r);
  }
  for (size_t i = 0; i < T.size(); ++i) {
    if ((T[i].lower == "read-only" || T[i].lower == "readonly") && !(i > 0 && T[i - 1].text == "(")) add("read_only");
  }
}

void Extractor::Decide() {
  // Fold aliases into their targets.
  for (const auto& [alias, target] : alias_) {
    auto it = cands_.find(alias);
    std::string t = Canonical(target);
    if (it == cands_.end() || alias == t) continue;
    auto& tc = cands_[t];
    if (tc.name.empty()) tc.name = t;
    tc.score += it->second.score;
    tc.strong = tc.strong || it->second.strong;
    tc.order = std::min(tc.order == 0 ? it->second.order : tc.order, it->second.order);
    tc.phrases.insert(it->second.phrases.begin(), it->second.phrases.end());
  }
  for (auto& [name, c] : cands_) {
    if (alias_.count(name) && Canonical(name) != name) continue;
    if (name == "User") {
      d_.userMentioned = true;
      continue;
    }
    auto words = naming::SplitWords(name);
    std::string head = ToLower(words.back());
    bool single = words.size() == 1;
    bool sub_prefixed = false;
    for (const auto& p : c.phrases) sub_prefixed = sub_prefixed || StartsWith(p, "sub ");
    if (sub_prefixed && !c.strong) continue;  // "sub-tasks": a self relation, not a table
    bool soft = In(head, {"person", "people", "persons", "report", "reports", "history", "log", "logs", "note",
                          "notes", "setting", "settings", "reminder", "reminders", "field", "fields", "object",
                          "objects", "part", "parts", "item", "items", "entry", "entries", "line", "lines", "record",
                          "records", "list", "lists", "calendar", "model", "models", "form", "module", "modules",
                          "forms", "set", "sets", "side", "page", "pages", "site", "sites"});
    if (single && lex::IsNonEntity(head) && !(soft && (c.strong || c.score >= 4.0))) continue;
    if (!single && IsBadHead(head)) continue;
    if (single && IsGenericDependent(head) && !c.strong) continue;
    if (!single && lex::RoleOf(head) && !c.strong && c.score < 4.0) continue;  // "space admins"
    if (!single && In(ToLower(words.front()), {"email", "sms", "push", "in"}) &&
        In(head, {"notification", "alert", "reminder", "message"}) && !c.strong) {
      continue;  // "email notifications" is a feature, not a table
    }
    // People the domain keeps records about (patients, students, drivers) are entities when the
    // text relates them to other things; account roles (admins, staff, members) are not.
    bool person_entity = IsPersonEntityWord(head);
    if (lex::RoleOf(head) && single && !c.strong && !(person_entity && c.score >= 2.5)) {
      // Account-holder words imply logins; domain roles ("managers" of departments) do not.
      if (In(head, {"member", "customer", "staff", "admin", "administrator", "subscriber", "buyer", "seller",
                    "owner", "moderator", "editor"})) {
        d_.userMentioned = true;
      }
      continue;
    }
    if (single && lex::IsFieldWord(head) && !c.strong && c.score < 4.0) continue;
    if (c.strong || c.score >= 2.5) accepted_.insert(name);
  }
  // "a client project" is a Project when Project is a declared entity and the longer name has
  // no evidence of its own.
  for (auto it = accepted_.begin(); it != accepted_.end();) {
    const auto& c = cands_[*it];
    auto words = naming::SplitWords(*it);
    std::string head = words.size() >= 2 ? words.back() : "";
    if (!head.empty() && !c.strong && accepted_.count(head) && cands_[head].strong) {
      alias_[*it] = head;
      cands_[head].phrases.insert(c.phrases.begin(), c.phrases.end());
      it = accepted_.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& name : accepted_) {
    for (const auto& p : cands_[name].phrases) phrase_to_entity_[p] = name;
  }
  for (const auto& [alias, target] : alias_) {
    std::string t = Canonical(target);
    if (!accepted_.count(t)) continue;
    auto it = cands_.find(alias);
    if (it != cands_.end()) {
      for (const auto& p : it->second.phrases) phrase_to_entity_[p] = t;
    }
  }
  std::vector<const Candidate*> order;
  for (const auto& name : accepted_) order.push_back(&cands_[name]);
  std::stable_sort(order.begin(), order.end(), [](const Candidate* a, const Candidate* b) { return a->order < b->order; });
  for (const auto* c : order) {
    DEntity e;
    e.name = c->name;
    e.score = c->score;
    e.strong = c->strong;
    e.order = c->order;
    e.aliases = c->phrases;
    d_.entities.push_back(std::move(e));
  }
}

std::string Extractor::Resolve(const Chunk& c) const {
  if (c.name.empty()) return "";
  if (IsUserHead(c)) return "User";
  if (auto it = phrase_to_entity_.find(c.phrase); it != phrase_to_entity_.end()) return it->second;
  std::string canon = Canonical(c.name);
  if (accepted_.count(canon)) return canon;
  const std::string& head = c.words.back();
  if (auto role = lex::RoleOf(head)) {
    std::string pascal = naming::ToPascalCase(*role);
    if (accepted_.count(pascal)) return pascal;
    if (*role == "owner" && c.words.size() > 1) return "";
    return "User";
  }
  if (c.words.size() >= 2) {
    Chunk tail = c;
    tail.words = {c.words.back()};
    NameChunk(tail);
    if (auto it = phrase_to_entity_.find(tail.phrase); it != phrase_to_entity_.end()) return it->second;
    if (accepted_.count(Canonical(tail.name))) return Canonical(tail.name);
  }
  if (c.name == "Person" || c.name == "People") return accepted_.count("Person") ? "Person" : "";
  return "";
}

void Extractor::ParseLists() {
  for (const auto& l : lists_) {
    std::string owner = l.owner == "User" ? "User" : Canonical(l.owner);
    DEntity* ent = d_.Find(owner);
    if (!ent && owner == "User") {
      d_.userMentioned = true;
      DEntity u;
      u.name = "User";
      u.strong = true;
      d_.entities.push_back(u);
      ent = &d_.entities.back();
      accepted_.insert("User");
    }
    if (!ent) continue;
    const auto& T = s_[l.sentence].tokens;
    auto items = SplitItems(T, l.begin, l.end, true);
    // "first and last name": a lone prefix word borrows the next item's head.
    std::vector<std::vector<std::string>> carry(items.size());
    for (size_t i = 0; i + 1 < items.size(); ++i) {
      std::vector<std::string> w0, w1;
      for (size_t k = items[i].begin; k < items[i].end; ++k) {
        if (T[k].kind == Token::kWord && !lex::IsStopword(T[k].lower)) w0.push_back(T[k].lower);
      }
      for (size_t k = items[i + 1].begin; k < items[i + 1].end; ++k) {
        if (T[k].text == "(") break;
        if (T[k].kind == Token::kWord && !lex::IsStopword(T[k].lower)) w1.push_back(T[k].lower);
      }
      if (w0.size() == 1 && w1.size() >= 2 &&
          In(w0[0], {"first", "middle", "last", "home", "work", "cell", "mobile", "min", "max", "minimum", "maximum",
                     "start", "end", "from", "begin", "shipping", "billing", "primary", "opening", "closing", "arrival",
                     "departure", "pickup", "dropoff", "incl", "excl", "check"}) &&
          w1[0] != w0[0]) {
        carry[i] = {w0[0]};
        carry[i].insert(carry[i].end(), w1.begin() + 1, w1.end());
      }
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      std::string text = JoinLower(T, it.begin, it.end);
      if (text == "all required" || text == "- all required" || text.find("all required") != std::string::npos) {
        ent->allRequired = true;
        continue;
      }
      if (!carry[i].empty()) {
        DField f;
        f.name = naming::ToCamelCase(Join(carry[i], " "));
        auto g = lex::InferFieldType(carry[i]);
        f.type = g.type;
        f.fileLike = g.fileLike;
        if (!ent->FindField(f.name) && !f.name.empty()) ent->fields.push_back(f);
        continue;
      }
      auto chunks = ChunkTokens(T, it.begin, it.end);
      int base_depth = chunks.empty() ? 0 : chunks.front().depth;
      bool head_ref = false;
      bool another = text.find("another") != std::string::npos || text.find("other ") != std::string::npos;
      for (size_t ci = 0; ci < chunks.size(); ++ci) {
        const Chunk& c = chunks[ci];
        if (c.depth > base_depth && !(another && c.depth == base_depth + 1)) continue;
        std::string r = Resolve(c);
        if (r.empty()) continue;
        if (r == owner) {
          if (another && ci > 0) {
            d_.AddRelation(owner, owner, spec::RelationKind::kOneToMany,
                           naming::ToCamelCase(Join(chunks.front().words, " ")));
            head_ref = true;
          }
          continue;
        }
        bool is_head = ci == 0 && c.begin <= it.begin + 4;
        bool plural_many = c.plural && (c.quantified || text.find("one or more") != std::string::npos ||
                                        text.find("shared with") != std::string::npos ||
                                        text.find("assigned to") != std::string::npos ||
                                        text.find("linked to") != std::string::npos);
        if (r == "User") accepted_.insert("User");
        if (plural_many) {
          d_.AddRelation(owner, r, spec::RelationKind::kManyToMany);
        } else if (c.plural && is_head) {
          d_.AddRelation(owner, r, spec::RelationKind::kOneToMany);
        } else {
          std::string inv;
          if (c.words.size() <= 2 && Canonical(c.name) != r && !lex::IsStopword(c.words.front())) {
            inv = naming::ToCamelCase(Join(c.words, " "));
          }
          d_.AddRelation(r, owner, spec::RelationKind::kOneToMany, inv);
        }
        if (is_head) head_ref = true;
      }
      if (head_ref) continue;
      if (!l.paren && !chunks.empty() && chunks.front().begin <= it.begin + 3 && chunks.front().depth == base_depth) {
        const Chunk& h = chunks.front();
        auto make = [&](const std::string& name, DField field) {
          if (!d_.Find(name)) {
            DEntity e;
            e.name = name;
            e.order = l.sentence * 1000 + h.begin;
            if (!field.name.empty()) e.fields.push_back(field);
            d_.entities.push_back(std::move(e));
            accepted_.insert(name);
            phrase_to_entity_[h.phrase] = name;
          }
          ent = d_.Find(owner);
        };
        // "a category (categories are nested and defined per marketplace)": a lookup with its own
        // structure is an entity, not a column.
        if (h.end < it.end && T[h.end].text == "(") {
          std::string inner = Padded(JoinLower(T, h.end + 1, MatchParen(T, h.end, it.end)));
          bool nest = inner.find(" nest") != std::string::npos || inner.find(" tree ") != std::string::npos ||
                      inner.find(" hierarch") != std::string::npos;
          bool lookup = inner.find(" defined ") != std::string::npos || inner.find(" catalog") != std::string::npos ||
                        inner.find(" own list") != std::string::npos || inner.find(" lookup") != std::string::npos;
          if ((nest || lookup) && !IsBadHead(h.words.back())) {
            std::string name = Canonical(h.name);
            make(name, DField{"name", spec::FieldType::kString, true, false, false, {}});
            d_.AddRelation(name, owner, spec::RelationKind::kOneToMany);
            if (nest) d_.AddRelation(name, name, spec::RelationKind::kOneToMany);
            continue;
          }
        }
        // "the medicines and medical services given": a collection inside a record is a child
        // entity; "the diagnosis" (a known kind of record) is a reference.
        if (!LooksLikeAttribute(h) && !IsBadHead(h.words.back()) && !lex::IsNonEntity(h.words.back()) &&
            !IsGenericDependent(naming::Singularize(h.words.back())) && h.words.size() <= 2 &&
            !lex::RoleOf(h.words.back()) && it.end - it.begin <= 5) {
          bool ends_item = h.end == it.end || T[h.end].text == "(";
          bool determined = h.begin > it.begin && In(T[h.begin - 1].lower, {"a", "an", "the", "one", "its", "their"});
          if (h.plural && ends_item && !In(h.words.back(), {"photos", "images", "pictures", "screenshots"})) {
            make(h.name, DField{});
            d_.AddRelation(owner, h.name, spec::RelationKind::kOneToMany);
            continue;
          }
          if (!h.plural && ends_item && determined && KnownEntity(h.name) && h.name != owner) {
            make(h.name, DField{});
            d_.AddRelation(h.name, owner, spec::RelationKind::kOneToMany);
            continue;
          }
        }
        // "a bunch of photos": many images are rows of their own.
        const std::string& hw = h.words.back();
        if (h.plural && In(hw, {"photos", "images", "pictures", "screenshots"}) && h.words.size() <= 2) {
          std::string name = owner + "Image";
          make(name, DField{"url", spec::FieldType::kUrl, true, false, true, {}});
          d_.AddRelation(owner, name, spec::RelationKind::kOneToMany);
          continue;
        }
      }
      for (auto& f : ParseFieldItem(T, it.begin, it.end)) {
        if (f.name.empty() || ent->FindField(f.name)) continue;
        ent->fields.push_back(f);
      }
    }
  }
  for (auto& e : d_.entities) {
    if (!e.allRequired) continue;
    for (auto& f : e.fields) f.required = true;
  }
}

Draft Extractor::Run() {
  for (size_t si = 0; si < s_.size(); ++si) Evidence(si);
  Decide();
  ParseLists();
  ResolveLinks();
  SelfRelations();
  Ownership();
  return std::move(d_);
}

Draft Extract(const std::vector<Sentence>& sentences) { return Extractor(sentences).Run(); }

}  // namespace bf::analyze
