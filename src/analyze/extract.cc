#include "analyze/extract.h"

#include <algorithm>
#include <cctype>
#include <span>

#include "analyze/archetypes.h"
#include "analyze/extract_util.h"
#include "analyze/fields.h"
#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {

bool IsUserHead(const Chunk& c) {
  if (c.words.empty()) return false;
  const std::string& h = c.words.back();
  return In(h, {"user", "users", "friend", "friends", "colleague", "colleagues", "coworker", "coworkers", "teammate",
                "teammates", "login", "logins"});
}

bool IsBadHead(std::string_view h) {
  return In(h, {"backend", "backends", "system", "systems", "api", "apis", "app", "apps", "application",
                "alternative", "alternatives", "clone", "clones", "replacement",
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
                "phone", "yes", "no", "anything", "everything", "something", "bunch", "couple", "wide",
                // (what a pitch says about the product: "our vision:", "clean architecture")
                "vision", "mission", "architecture", "performance", "scalability"});
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

namespace {
// "start station", "home team", "return branch", "target language": a word naming the role a record
// plays in another one.
bool IsRoleModifier(std::string_view w) {
  return In(w, {"start", "end", "home", "away", "origin", "destination", "source", "target", "departure", "arrival",
                "pickup", "dropoff", "return", "sending", "receiving"});
}

// "max players", "minimum age": a bound on a number.
bool IsBoundWord(std::string_view w) { return In(w, {"min", "max", "minimum", "maximum"}); }

// "number of pings", "count of seats", "counters of threads", "how many tickets": the phrase at
// `pos` is counted, not referred to.
bool IsCountOf(const std::vector<Token>& T, size_t begin, size_t pos) {
  if (pos < begin + 2) return false;
  const std::string& a = T[pos - 2].lower;
  const std::string& b = T[pos - 1].lower;
  return (b == "of" && In(a, {"number", "count", "counts", "counter", "counters", "tally"})) ||
         (a == "how" && b == "many");
}
}  // namespace

bool IsGenericDependent(std::string_view w) {
  return In(w, {"line", "item", "entry", "detail", "row", "record", "option", "image", "photo", "member",
                "attachment", "note", "comment", "log", "history", "setting", "value", "answer", "vote"});
}



// From `head`, walks back over prepositional links ("X of Y", "X per Y, owned by Z") to the
// phrase they qualify.
const Chunk* WalkBack(const std::vector<Token>& T, const std::vector<Chunk>& chunks, const Chunk* head) {
  // "a sitting for that student and that quiz:": coordinated phrases behind a preposition are
  // walked over together; without the preposition the walk goes back to the last phrase.
  const Chunk* before_coordination = nullptr;
  const Chunk* possessed = nullptr;  // "a customer's address": the phrase after the possessive
  for (int guard = 0; guard < 6; ++guard) {
    const Chunk* prev = nullptr;
    for (const auto& c : chunks) {
      if (c.end <= head->begin && c.depth == 0) prev = &c;
    }
    if (!prev) break;
    // ("jobs at a customer's address with date, ...": a possessor and what it owns are walked over
    // together; without a preposition before them the walk ends at the owned phrase.)
    if (prev->end + 1 == head->begin && T[prev->end].text == "'s") {
      if (!possessed) possessed = head;
      head = prev;
      continue;
    }
    {
      bool coordinated = prev->end < head->begin;
      bool has_and = false;
      for (size_t k = prev->end; k < head->begin; ++k) {
        const std::string& w = T[k].lower;
        if (w == "and" || w == "or") {
          has_and = true;
        } else if (!In(w, {"a", "an", "the", "that", "this", "each", "every", "its", "their"})) {
          coordinated = false;
        }
      }
      if (coordinated && has_and && !lex::IsNonEntity(prev->words.back())) {
        if (!before_coordination) before_coordination = head;
        head = prev;
        continue;
      }
    }
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
      if (In(w, {"per", "of", "in", "on", "for", "against", "by", "under", "within", "inside", "at", "from", "to",
                 "before", "after", "during"}) ||
          (w == "with" && k + 1 < head->begin && In(T[k + 1].lower, {"one", "exactly"}))) {
        // ("each flight is logged by a pilot with one drone:": "with" one thing qualifies too.)
        prep = true;
      } else if (k + 1 < head->begin && T[k + 1].lower == "or") {
        // "for sale or rent": an alternative coordinated with the head.
      } else if (k + 1 < head->begin &&
                 ((w.size() > 4 && (EndsWith(w, "ing") || EndsWith(w, "ed")) &&
                   In(T[k + 1].lower, {"in", "at", "for", "on", "to", "under", "within", "per", "against", "by",
                                       "from", "before", "after", "during"})) ||
                  (lex::IsIrregularParticiple(w) && T[k + 1].lower == "from"))) {
        // "the staff is working in one store:", "customers are registered in one store:",
        // "vaccinations are tracked per pet with ...", "costs are logged against a job:", "samples are
        // taken from a context:" ("each match is held at one ground: name, ..." lists the ground's).
      } else if (In(w, {"come", "comes", "came"}) && k + 2 < head->begin && T[k + 1].lower == "out" &&
                 T[k + 2].lower == "of") {
        // "finds come out of a context: find number, material, ...".
        ++k;
      } else if (!In(w, {"owned", "belongs", "belong", "belonging", "lives", "live", "sits", "sit", "is", "are",
                         "a", "an", "the", "one", "each", "every", "optionally", "also", "usually", "always",
                         "that", "this",
                         "attached", "linked", "scoped", "kept", "stored", "filed", "grouped", "its", "their",
                         "or"})) {  // "properties for sale or rent:"
        other = true;
        break;
      }
    }
    // "for sale or rent": the alternative before "or" stands for the same slot.
    bool alternative = !other && !prep && prev->end + 1 == head->begin && T[prev->end].lower == "or";
    if (alternative) {
      head = prev;
      continue;
    }
    if (!prep || other || lex::IsNonEntity(prev->words.back())) break;
    // ("we also keep a library of sheet music: title, composer, ...": the collection holds the
    // records the list describes.)
    if (head->begin >= 1 && T[head->begin - 1].lower == "of" && prev->end + 1 == head->begin &&
        In(prev->words.back(), {"library", "libraries", "collection", "collections", "catalog", "catalogs",
                                "catalogue", "catalogues", "archive", "archives", "list", "lists", "range", "selection"})) {
      break;
    }
    head = prev;
    before_coordination = nullptr;
    possessed = nullptr;
  }
  if (possessed) head = possessed;
  return before_coordination ? before_coordination : head;
}

// "a job status picked from a list we maintain (...)", "a priority from another list (...)",
// "a status from the shop's order statuses (...)": the item's values live in a list the users keep,
// so it is a lookup table. Returns its name ("JobStatus", "Priority", "OrderStatus"; a bare
// "status" or "type" takes the owner's name), or "" when the item does not say so. A "fixed" or
// "closed" list stays an enum.
std::string ListedLookupName(const std::vector<Token>& T, const Chunk& h, size_t end, const std::string& owner) {
  size_t k = h.end;
  if (k < end && In(T[k].lower, {"picked", "chosen", "selected", "taken"})) ++k;
  if (k + 1 >= end || T[k].lower != "from") return "";
  ++k;
  if (k >= end || !In(T[k].lower, {"a", "another", "the", "their", "our", "its", "his", "her"})) return "";
  ++k;
  // "the shop's order statuses": skip the possessor.
  for (size_t j = k; j < end && j < k + 4; ++j) {
    if (T[j].lower == "'s") {
      k = j + 1;
      break;
    }
  }
  if (k >= end) return "";
  const std::string head = naming::Singularize(h.words.back());
  const bool generic = In(head, {"status", "type", "kind", "category", "state", "stage", "level"});
  if (h.words.size() == 1 && !generic && lex::IsNonEntity(head)) return "";
  const std::string own = h.words.size() >= 2 || !generic ? h.name : owner + naming::ToPascalCase(head);
  if (T[k].lower == "list") return own;
  if (k + 1 < end && T[k + 1].lower == "list") {
    if (In(T[k].lower, {"fixed", "closed", "short", "small"})) return "";
    return own;
  }
  // "the order statuses", "the team's experiment statuses": the plural of the item's head.
  if (T[k].lower != head && naming::Singularize(T[k].lower) == head) return own;
  if (k + 1 < end && T[k + 1].lower != head && naming::Singularize(T[k + 1].lower) == head &&
      !lex::IsStopword(T[k].lower) && !lex::IsModifier(T[k].lower) && !lex::IsMainlyVerb(T[k].lower)) {
    return naming::ToPascalCase(T[k].lower + " " + head);
  }
  return "";
}

bool IsPersonEntityWord(std::string_view word) {
  std::string w(word);
  if (w.size() > 3 && w.back() == 's') w = naming::Singularize(w);
  return In(w, {"patient", "doctor", "physician", "student", "teacher", "instructor", "driver", "player", "candidate",
                "applicant", "client", "lawyer", "attorney", "tenant", "landlord", "speaker", "attendee", "volunteer",
                "employee", "trainer", "coach", "nurse", "vet", "artist", "passenger", "rider", "donor", "courier",
                "provider", "agent", "therapist", "technician", "mechanic", "tutor", "veterinarian", "dentist",
                "pharmacist", "groomer", "barber", "hairdresser", "cleaner", "plumber", "electrician",
                "photographer", "caregiver", "carer", "counselor", "counsellor", "surgeon", "physiotherapist",
                "optician", "midwife", "referee", "umpire"});
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

void Extractor::Note(const Chunk& c, double score, bool strong, size_t si, std::source_location loc) {
  if (c.name.empty()) return;
  // "no accounts, anyone with the link can edit": a negated mention is not evidence.
  if (si < s_.size() && c.begin > 0 && c.begin <= s_[si].tokens.size() && !strong) {
    const std::string& prev = s_[si].tokens[c.begin - 1].lower;
    if (prev == "no" || prev == "without" || prev == "never") return;
    // ("a food cooperative in Leipzig", "a district hospital in Uganda": a place's proper name is
    // where the writer is, not a kind of record.)
    if (c.words.size() == 1 && c.end == c.begin + 1 && In(prev, {"in", "at", "near", "from", "around", "across"})) {
      const Token& t = s_[si].tokens[c.begin];
      const bool title_case = t.capitalized && std::none_of(t.text.begin() + 1, t.text.end(), [](char ch) {
        return std::isupper(static_cast<unsigned char>(ch));
      });
      if (title_case && !lex::IsKnownWord(t.lower)) return;
    }
    // "we have grown to forty people", "a team of 12 people": a headcount, not a record of people.
    if (c.words.size() == 1 && In(c.words[0], {"people", "persons"}) &&
        (std::isdigit(static_cast<unsigned char>(prev[0])) || (prev != "one" && lex::IsCountWord(prev)))) {
      return;
    }
    // "for our team", "our company wants": the writer's own organisation is not one of its records.
    if (prev == "our" && !c.plural && c.words.size() == 1 &&
        In(c.words[0], {"team", "company", "organization", "organisation", "business", "firm", "startup", "agency",
                        "office", "lab", "family", "club", "school", "department"})) {
      return;
    }
  }
  // ("Functional requirements: ...", "Project brief: ...": the heading a text opens with names the
  // document, not a record.)
  if (si == 0 && c.begin <= 1 && c.end < s_[0].tokens.size() && s_[0].tokens[c.end].text == ":" &&
      In(c.words.back(), {"brief", "requirements", "spec", "specs", "specification", "overview", "summary"})) {
    return;
  }
  // "the logged-in person", "the signed in member": the login itself.
  bool logged_in = false;
  if (si < s_.size() && c.begin > 0 && c.begin <= s_[si].tokens.size()) {
    const auto& T = s_[si].tokens;
    const std::string& p1 = T[c.begin - 1].lower;
    logged_in = In(p1, {"logged-in", "signed-in"}) ||
                (p1 == "in" && c.begin >= 2 && In(T[c.begin - 2].lower, {"logged", "signed"})) ||
                (c.begin >= 3 && T[c.begin - 2].text == "-" && p1 == "in" &&
                 In(T[c.begin - 3].lower, {"logged", "signed"}));
  }
  logged_in = logged_in || (c.words.size() == 2 && In(c.words.front(), {"logged-in", "signed-in"}));
  std::string name = IsUserHead(c) || logged_in ? "User" : c.name;
  auto& cand = cands_[name];
  if (cand.name.empty()) {
    cand.name = name;
    cand.order = si * 1000 + c.begin;
  }
  cand.order = std::min(cand.order, si * 1000 + c.begin);
  cand.score += score;
  if (TracingRules()) cand.origins[Here(loc) + note_tag_] += score + (strong ? 100 : 0);
  cand.strong = cand.strong || strong;
  if (c.plural && c.depth == 0) ++cand.plural_mentions;
  if (c.plural && c.quantified) cand.quantified = true;
  // ("the donor of each", "the edited gallery for each shoot": one per record of another kind is
  // counted too.)
  const bool per_record = si < s_.size() && IsPerRecord(s_[si].tokens, c.end);
  if (c.single || c.plural || per_record) ++cand.counted_mentions;
  cand.phrases.insert(c.phrase);
}

void Extractor::NoteAlias(const Chunk& alias, const Chunk& target) {
  if (alias.name.empty() || target.name.empty() || alias.name == target.name) return;
  if (IsUserHead(target) || IsUserHead(alias)) return;
  alias_[alias.name] = target.name;
  cands_[target.name].phrases.insert(alias.phrase);
  if (cands_[target.name].name.empty()) cands_[target.name].name = target.name;
}

void Extractor::StatedValues(size_t si, const std::vector<Chunk>& chunks) {
  const auto& T = s_[si].tokens;
  for (size_t k = 0; k < T.size(); ++k) {
    if (!In(T[k].lower, {"status", "state", "priority", "type", "kind", "level", "category", "stage", "tier", "size",
                         "visibility", "severity", "condition", "mode"})) {
      continue;
    }
    // The owner: "the status of an order is ...", "an order's status is ...".
    const Chunk* owner = nullptr;
    size_t q = k + 1;
    if (q < T.size() && T[q].lower == "of") {
      ++q;
      while (q < T.size() && In(T[q].lower, {"a", "an", "the", "each", "every", "any"})) ++q;
      for (const auto& c : chunks) {
        if (c.begin == q && c.depth == 0) owner = &c;
      }
      if (!owner) continue;
      q = owner->end;
    } else if (k >= 2 && T[k - 1].text == "'s") {
      for (const auto& c : chunks) {
        if (c.end + 1 == k && c.depth == 0) owner = &c;
      }
    }
    if (!owner) continue;  // (applied only when the owner turns out a record)
    // The copula, then the values to the end of the clause.
    if (q < T.size() && In(T[q].lower, {"can", "must", "may", "will"}) && q + 1 < T.size() && T[q + 1].lower == "be") {
      q += 2;
    } else if (q < T.size() && In(T[q].lower, {"is", "are"})) {
      ++q;
    } else {
      continue;
    }
    if (q < T.size() && In(T[q].lower, {"either", "one", "always"})) ++q;
    if (q < T.size() && T[q].lower == "of") ++q;
    size_t e = q;
    while (e < T.size() && !In(T[e].text, {".", ";", "!", "?", ":", "("})) ++e;
    // (Two or more short values: "pending, paid or shipped".)
    int values = 1, words = 0;
    bool plain = e > q;
    for (size_t j = q; j < e && plain; ++j) {
      if (T[j].lower == "or" || T[j].lower == "and" || T[j].text == "," || T[j].text == "/") {
        ++values;
        words = 0;
      } else {
        plain = T[j].kind == Token::kWord && ++words <= 2;
      }
    }
    if (!plain || values < 2) continue;
    auto parsed = ParseNamedValues(T, k, k + 1, q, e);
    if (parsed.empty() || parsed.front().enumValues.size() < 2) continue;
    head_values_.emplace_back(IsUserHead(*owner) ? "User" : owner->name, parsed.front());
  }
}

void Extractor::Evidence(size_t si) {
  const Sentence& s = s_[si];
  const auto& T = s.tokens;
  auto chunks = ChunkTokens(T, 0, T.size());
  if (chunks.empty()) return;
  StatedValues(si, chunks);
  // Aliases: "devices = trackers", "product classes a.k.a. product types".
  for (size_t i = 0; i + 1 < chunks.size(); ++i) {
    size_t a = chunks[i].end, b = chunks[i + 1].begin;
    // ("so 50 EUR at the supermarket = journal with ...": after a preposition it is an example.)
    size_t lead = chunks[i].begin;
    while (lead > 0 && In(T[lead - 1].lower, {"a", "an", "the", "my", "our", "your", "their"})) --lead;
    const bool example = lead > 0 && In(T[lead - 1].lower, {"at", "in", "on", "for", "from", "to", "with", "of", "by"});
    if (b == a + 1 && (T[a].lower == "aka" || (T[a].text == "=" && !example))) NoteAlias(chunks[i + 1], chunks[i]);
    // ("the poll has options, i.e. candidate time slots (start, duration)": "i.e." renames the thing.)
    if (b == a + 2 && T[a].text == "," && T[a + 1].lower == "ie" && chunks[i].plural == chunks[i + 1].plural) {
      NoteAlias(chunks[i + 1], chunks[i]);
    }
    // "Every update is a follow-up: ...": the first phrase is another name for the second.
    size_t bb = b;
    while (bb > a && (T[bb - 1].text == "'" || T[bb - 1].text == "\"")) --bb;  // "is a 'space'"
    if (bb == a + 2 && T[a].lower == "is" && (T[a + 1].lower == "a" || T[a + 1].lower == "an") &&
        chunks[i + 1].words.size() <= 2 && !lex::IsNonEntity(chunks[i + 1].words.back()) &&
        !IsGenericDependent(naming::Singularize(chunks[i + 1].words.back()))) {
      NoteAlias(chunks[i], chunks[i + 1]);
    }
    // "The crops is a list with name and variety", "payment methods are just a name list": the
    // list is the thing before it.
    {
      size_t q = a;
      bool copula = q < b && (T[q].lower == "is" || T[q].lower == "are");
      if (copula) ++q;
      while (q < b && In(T[q].lower, {"just", "simply", "only", "a", "an", "the", "simple", "plain"})) ++q;
      const Chunk& lc = chunks[i + 1];
      bool list_word = !lc.words.empty() && lc.words.size() <= 2 &&
                       In(lc.words.back(), {"list", "table", "catalog", "catalogue", "lookup", "collection"});
      bool ends = lc.end >= T.size() || In(T[lc.end].lower, {"with", "of", ":", "(", ".", ",", ";", "and"});
      if (copula && q == b && b > a + 1 && list_word && ends && !LooksLikeAttribute(chunks[i]) &&
          !lex::IsNonEntity(chunks[i].words.back())) {
        alias_[lc.name] = chunks[i].name;
        Note(chunks[i], 3.0, true, si);
      }
      // "countries are just unique names", "participants are just names inside the group": a
      // lookup of names.
      const bool names = lc.words.size() <= 2 && lc.words.back() == "names" && chunks[i].plural;
      if (copula && q == b && b > a + 1 && names && !LooksLikeAttribute(chunks[i]) &&
          !lex::IsNonEntity(chunks[i].words.back()) && !IsUserHead(chunks[i])) {
        Note(chunks[i], 3.0, true, si);
      }
    }
  }
  // "foods and units are their own lists", "tags are a separate table": the writer says these are
  // records of their own.
  for (size_t k = 1; k + 1 < T.size(); ++k) {
    if (!(T[k].lower == "own" || T[k].lower == "separate")) continue;
    if (!In(T[k + 1].lower, {"list", "lists", "table", "tables", "entity", "entities", "model", "models", "resource",
                             "resources", "collection", "collections", "record", "records", "catalog", "catalogs",
                             "catalogue", "catalogues"})) {
      continue;
    }
    size_t v = k;
    while (v > 0 && In(T[v - 1].lower, {"their", "its", "a", "an", "also", "own", "separate"})) --v;
    // "Addresses we keep in own table": the sentence's first phrase, kept in a table of its own.
    if (v > 0 && In(T[v - 1].lower, {"in", "into"})) {
      bool kept = false;
      for (size_t q = 0; q + 1 < v; ++q) kept = kept || In(T[q].lower, {"keep", "store", "put", "save"});
      if (kept && !chunks.empty() && chunks.front().begin == 0 && chunks.front().plural) {
        Note(chunks.front(), 3.0, true, si);
      }
      continue;
    }
    if (v == 0 || !In(T[v - 1].lower, {"are", "is", "get", "gets", "have", "has"})) continue;
    // The subject: the phrases right before the verb, coordinated by ',' / 'and'.
    size_t at = v - 1;
    for (auto it = chunks.rbegin(); it != chunks.rend(); ++it) {
      if (it->end > at) continue;
      bool joined = true;
      for (size_t q = it->end; q < at; ++q) {
        if (!(T[q].text == "," || T[q].lower == "and" || T[q].lower == "the" || T[q].lower == "both")) joined = false;
      }
      if (!joined || it->depth != 0) break;
      if (!LooksLikeAttribute(*it) || it->plural) Note(*it, 3.0, true, si);
      at = it->begin;
    }
  }
  size_t list_begin = T.size();
  bool colon = HeadColon(si, chunks, list_begin);
  (void)colon;
  previous_subject_ = Chunk{};
  if (!chunks.empty() && chunks.front().begin <= 2 && chunks.front().depth == 0 &&
      !label_heads_.count(si * 1000 + chunks.front().begin)) {
    previous_subject_ = chunks.front();
  }
  // Chunks inside a registered list are skipped by each step; clauses after the list still count.
  const size_t skip = T.size();
  HasLists(si, chunks, skip);
  ParenLists(si, chunks, skip);
  ProductList(si);
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
    if (short_text_ && OpensClauseAfter(T, k + 1)) continue;
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
    // ("Don't overthink it - you've seen a thousand of these": a word after a negation is a verb.)
    if (owner && owner->begin > 0 &&
        In(T[owner->begin - 1].lower, {"dont", "don't", "not", "never", "doesnt", "doesn't", "cant", "can't"})) {
      owner = nullptr;
    }
    // "A company gives us job orders - title, ...": the phrase right before the dash, unless it is
    // an attribute or sits behind a preposition ("a fund in a fiscal year - amount").
    for (const auto& c : chunks) {
      if (c.end != k || c.depth != 0 || c.begin < clause) continue;
      // "data providers like Yahoo or CoinGecko - data source plus symbol": an example is no owner.
      bool named_example = false;
      for (size_t q = c.begin; q > clause && q + 6 > c.begin; --q) {
        const std::string& pw = T[q - 1].lower;
        if (In(pw, {"like", "eg", "such", "including"})) named_example = true;
        if (lex::IsVerb(pw) || pw == "," || pw == ";") break;
      }
      if (named_example) continue;
      bool after_prep = c.begin > 0 && In(T[c.begin - 1].lower, {"in", "of", "for", "on", "at", "per", "a", "an", "the"}) &&
                        c.begin > 1 && In(T[c.begin - 2].lower, {"in", "of", "for", "on", "at", "per"});
      after_prep = after_prep || (c.begin > 0 && In(T[c.begin - 1].lower, {"in", "of", "for", "on", "at", "per"}));
      if (!after_prep && !LooksLikeAttribute(c) && !lex::IsNonEntity(c.words.back())) owner = &c;
    }
    bool taken = false;
    for (const auto& l : lists_) {
      if (l.sentence == si && k + 1 >= l.begin && k + 1 < l.end) taken = true;
    }
    // ("Laravel backend for an ice cream parlour - flavours, daily batches made, and freezer logs",
    // "Studio booking app - bands book rooms by the hour, ...": after the product's own name, the
    // dash opens what it keeps, never the product's columns.)
    if (owner && IsProductWord(owner->words.back())) {
      NoteRecordList(si, SplitItems(T, k + 1, e, false), /*setting=*/true);
      break;
    }
    if (owner && !taken) {
      Note(*owner, 4.0, true, si);
      lists_.push_back({IsUserHead(*owner) ? "User" : owner->name, si, k + 1, e});
    }
    break;
  }
  ArrowChain(si, chunks);
  Patterns(si, chunks);
  HeaderScope(si, chunks);
  PronounObjects(si, chunks);
  TrackedThings(si, chunks);
  WhoDidWhich(si, chunks);
  // Lead noun of a bullet, and every mention outside field lists.
  for (const auto& c : chunks) {
    bool in_list = false;
    for (const auto& l : lists_) {
      if (l.sentence == si && c.begin >= l.begin && c.end <= l.end) in_list = true;
    }
    if (in_list || label_heads_.count(si * 1000 + c.begin)) continue;
    if (s.bullet && &c == &chunks.front() && c.begin <= 2 && c.depth == 0) {
      Note(c, 2.5, false, si);
      if (c.plural && !IsUserHead(c)) cands_[c.name].bullet_lead = true;
    } else if (!s.bullet && &c == &chunks.front() && c.begin <= 1 && c.depth == 0 &&
               In(c.words.back(), {"attachments", "comments", "notes"}) && c.end + 1 < T.size() &&
               ((In(T[c.end].lower, {"on", "for", "per"}) && T.size() <= 10) ||
                (c.begin == 0 && T[c.end].text == ":"))) {
      // "File attachments on tickets.", "Notes: staff write notes on a person": a sentence that
      // only names them, or one they head as its label, is a bullet of its own.
      Note(c, 2.5, false, si);
      cands_[c.name].bullet_lead = true;
    } else if (c.depth == 0) {
      // ("activities like calls and meetings", "documents such as contracts, invoices": examples
      // of a kind are its values, not records of their own.)
      bool example = false;
      for (size_t k = c.begin; k > 1 && k + 8 > c.begin; --k) {
        const Token& p = T[k - 1];
        const size_t cue = p.lower == "as" ? k - 2 : k - 1;  // "such as" starts one word earlier
        if (p.kind == Token::kWord && IsExampleCue(T, cue)) {
          example = cue > 0 && T[cue - 1].kind == Token::kWord && T[cue - 1].lower.ends_with("s");
          break;
        }
        if (p.kind == Token::kPunct ? p.text != "," : (lex::IsVerb(p.lower) || In(p.lower, {"with", "to", "for"}))) {
          break;
        }
      }
      if (example) continue;
      // Plural things people act on ("pick which newsletters", "packing checklists") are likely
      // collections; attribute and role words are not.
      const std::string& h = c.words.back();
      bool collection = c.plural && !lex::IsFieldWord(h) && !lex::IsNonEntity(h) &&
                        (!lex::RoleOf(h) || IsPersonEntityWord(h)) &&
                        !LooksLikeAttribute(c) && !lex::IsUserWord(h);
      Note(c, collection ? 1.2 : 0.4, false, si);
    }
  }
  // "notes on a document (text, when, by which user)", "free-form notes about the child": notes
  // said to be on or about a thing are kept about it, one record per note.
  for (size_t k = 0; k + 1 < chunks.size(); ++k) {
    const Chunk& c = chunks[k];
    const Chunk& about = chunks[k + 1];
    if (!c.plural || c.words.back() != "notes" || c.depth != 0 || about.depth != 0) continue;
    if (c.end >= T.size() || !In(T[c.end].lower, {"on", "about"})) continue;
    size_t at = c.end + 1;
    if (at < T.size() && In(T[at].lower, {"a", "an", "the", "each", "every", "any"})) ++at;
    if (about.begin == at) annotations_[c.name] = about.name;
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

void Extractor::WhoDidWhich(size_t si, const std::vector<Chunk>& chunks) {
  using Act = std::pair<const char*, const char*>;  // verb form -> record word
  using Acts = std::span<const Act>;
  static const Act kActs[] = {{"booked", "booking"}, {"borrowed", "loan"}, {"lent", "loan"},    {"loaned", "loan"},
                              {"rented", "rental"},  {"hired", "rental"},  {"reserved", "reservation"}};
  static const Act kDone[] = {{"sell", "sale"},        {"sold", "sale"},          {"buy", "purchase"},
                              {"bought", "purchase"},  {"harvest", "harvest"},    {"harvested", "harvest"},
                              {"spend", "expense"},    {"spent", "expense"},      {"donate", "donation"},
                              {"donated", "donation"}, {"ship", "shipment"},      {"shipped", "shipment"},
                              {"deliver", "delivery"}, {"delivered", "delivery"}, {"catch", "catch"},
                              {"caught", "catch"}};
  const auto& T = s_[si].tokens;
  // The record the verb at `v` leaves, as a phrase there (no name when the verb is none of `acts`).
  auto act_at = [&](Acts acts, size_t v) {
    Chunk act;
    for (const auto& [verb, noun] : acts) {
      if (T[v].lower != verb) continue;
      act.begin = v;
      act.end = v + 1;
      act.words = {noun};
      NameChunk(act);
    }
    return act;
  };
  for (size_t k = 0; k + 2 < T.size(); ++k) {
    if (T[k].lower != "who" || (k > 0 && T[k - 1].kind == Token::kWord && !In(T[k - 1].lower, {"and", "or"}))) {
      continue;
    }
    size_t v = k + 1;
    while (v < T.size() && v <= k + 3 && In(T[v].lower, {"i", "we", "they", "has", "have", "had", "is", "was"})) ++v;
    if (v >= T.size()) break;
    const Chunk act = act_at(kActs, v);
    if (act.name.empty()) continue;
    // The thing: the phrase right after the verb and "which" / "each" / "what" / a determiner.
    const Chunk* thing = nullptr;
    for (const auto& c : chunks) {
      if (c.depth != 0 || c.begin <= v || c.begin > v + 2) continue;
      bool lead_ok = true;
      for (size_t q = v + 1; q < c.begin; ++q) {
        lead_ok = lead_ok && In(T[q].lower, {"which", "each", "what", "the", "my", "our", "a", "an", "every"});
      }
      if (lead_ok && !LooksLikeAttribute(c) && !lex::IsNonEntity(c.words.back())) thing = &c;
      break;
    }
    if (!thing || thing->name.empty() || act.name == thing->name) continue;
    Note(act, 3.0, false, si);
    Note(*thing, 1.0, false, si);
    links_.push_back({thing->name, act.name, "a_has_b", ""});
    // (The one who does it: the nearest people named before in the sentence, else the login.)
    std::string person = "User";
    for (const auto& c : chunks) {
      if (c.end <= k && c.depth == 0 && c.plural &&
          (lex::RoleOf(c.words.back()) || IsPersonEntityWord(c.words.back()))) {
        person = IsUserHead(c) ? "User" : c.name;
      }
    }
    links_.push_back({person, act.name, "a_has_b", ""});
  }
  // ("Need to know what we harvest every day and what we sell": what the writer does, asked about as
  // "what we ...", is a record of the act.)
  for (size_t k = 0; k + 2 < T.size(); ++k) {
    if (T[k].lower != "what" || !In(T[k + 1].lower, {"we", "i", "they", "you"})) continue;
    if (const Chunk act = act_at(kDone, k + 2); !act.name.empty()) Note(act, 3.0, false, si);
  }
}

// "catalog is artist -> album -> track": a chain of three or more things joined by arrows is a
// hierarchy, each the parent of the next. Workflows ("status: draft -> review -> published") and
// chains inside parentheses are values, not records.
// "we want to keep track of our washers and dryers, which machines are out of order, and every
// maintenance visit": what the business keeps track of, in the plural or one by one ("every X"), is
// a record.
void Extractor::TrackedThings(size_t si, const std::vector<Chunk>& chunks) {
  const auto& T = s_[si].tokens;
  size_t from = T.size();
  for (size_t k = 0; k + 2 < T.size() && from == T.size(); ++k) {
    if (In(T[k].lower, {"keep", "keeps", "keeping"}) && T[k + 1].lower == "track" && T[k + 2].lower == "of") {
      from = k + 3;
    }
  }
  // ("we want to track our apiaries, the hives in each, inspections and honey harvests", "need to
  // record jobs, the customers they're for, materials used": in a one- or two-line request, a verb
  // of record keeping after a subject or "to" names what the backend keeps, up to the next clause.)
  size_t until = T.size();
  if (from == T.size() && short_text_) {
    for (size_t k = 0; k + 1 < T.size() && from == T.size(); ++k) {
      if (!In(T[k].lower, {"track", "manage", "keep", "log", "record", "store", "handle", "organise", "organize",
                           "catalogue", "catalog", "need", "needs", "want", "wants"})) {
        continue;
      }
      if (k > 0 && !In(T[k - 1].lower, {"to", "we", "i", "can", "will", "also", "and", "should", "must", "you", "they",
                                        "for", "it", "just", "only", "-", ":"})) {
        continue;
      }
      from = k + 1;
    }
    // ("a language tutoring marketplace - tutors, students, lesson bookings, reviews": so does a
    // list after a dash that follows the kind of business and names the people it serves; "the
    // system that runs the company - HR, finance, ops, sales and the rest" lists no records.)
    for (size_t k = 1; k + 1 < T.size() && from == T.size(); ++k) {
      if (T[k].text != "-" || T[k - 1].kind != Token::kWord || T[k + 1].kind != Token::kWord ||
          In(T[k - 1].lower, {"types", "kinds", "roles", "role"})) {
        continue;
      }
      const bool people = std::any_of(T.begin() + static_cast<std::ptrdiff_t>(k) + 1, T.end(), [](const Token& t) {
        return t.kind == Token::kWord && naming::LooksPlural(t.lower) && IsPersonEntityWord(t.lower);
      });
      if (people) from = k + 1;
    }
    for (size_t q = from; q < T.size(); ++q) {
      if (In(T[q].lower, {"so", "because", "but", "when", "where", "which", "that", "who", "while", "if", "then"})) {
        until = q;
        break;
      }
    }
  }
  if (from == T.size()) return;
  const Chunk* prev = nullptr;  // the thing named just before, in this list
  for (const auto& c : chunks) {
    if (c.begin < from || c.begin >= until || c.depth != 0) continue;
    if (LooksLikeAttribute(c) || lex::IsNonEntity(c.words.back())) continue;
    // ("patients, their exercise programmes", "apiaries, the hives in each": a thing named as the
    // previous one's belongs to it.)
    const bool theirs = c.begin > 0 && In(T[c.begin - 1].lower, {"their", "its"});
    const bool in_each = c.end + 1 < T.size() && In(T[c.end].lower, {"in", "of", "for", "per"}) &&
                         In(T[c.end + 1].lower, {"each", "every"}) &&
                         (c.end + 2 >= T.size() || T[c.end + 2].kind == Token::kPunct);
    if (prev && (theirs || in_each) && c.plural) links_.push_back({prev->name, c.name, "a_has_b", ""});
    prev = &c;
    const bool each = c.begin > 0 && In(T[c.begin - 1].lower, {"every", "each", "all"});
    if (short_text_ && c.plural && c.words.size() == 1 && lex::RoleOf(c.words.back()) &&
        IsPersonEntityWord(c.words.back())) {
      tracked_people_.insert(c.name);
    }
    if ((!c.plural && !each) || IsBadHead(c.words.back()) || IsUserHead(c) || lex::RoleOf(c.words.back())) {
      continue;
    }
    Note(c, 2.6, false, si);
  }
}

void Extractor::ArrowChain(size_t si, const std::vector<Chunk>& chunks) {
  const auto& T = s_[si].tokens;
  // ("shelves -> books -> pages", "shelves > books > chapters > pages": the width of the arrow at k.)
  auto arrow_at = [&](size_t k) -> size_t {
    if (k + 1 < T.size() && T[k].text == "-" && T[k + 1].text == ">") return 2;
    return k < T.size() && (T[k].text == ">" || T[k].text == "->") ? 1 : 0;
  };
  std::vector<const Chunk*> chain;
  auto flush = [&] {
    if (chain.size() >= 3) {
      bool workflow = false;
      for (size_t k = 0; k < chain.front()->begin; ++k) {
        workflow = workflow || In(T[k].lower, {"status", "state", "states", "workflow", "flow", "lifecycle", "goes",
                                               "moves", "pipeline", "stage", "stages", "steps", "process"});
      }
      // ("shelves > books > chapters > pages": one word that is usually part of the product, such
      // as "pages", is a level of the hierarchy too.)
      bool things = true;
      int product_words = 0;
      for (const Chunk* c : chain) {
        // ("pages" reads as a page count on its own; in a chain it is a level.)
        things = things && c->words.size() <= 2 && (!LooksLikeAttribute(*c) || c->plural) &&
                 !lex::IsFieldWord(c->words.back());
        if (lex::IsNonEntity(c->words.back())) ++product_words;
      }
      things = things && product_words <= 1;
      // ("nestable like Cuisine > Asian > Thai": a chain given as an example is one path of values.)
      const size_t lead = chain.front()->begin;
      const bool example = lead >= 1 && (IsExampleCue(T, lead - 1) || (lead >= 2 && IsExampleCue(T, lead - 2) &&
                                                                       T[lead - 1].lower == "as"));
      if (!workflow && things && !example) {
        for (size_t q = 0; q < chain.size(); ++q) {
          Note(*chain[q], 3.0, false, si);
          if (q + 1 < chain.size()) links_.push_back({chain[q]->name, chain[q + 1]->name, "a_has_b", ""});
        }
      }
    }
    chain.clear();
  };
  for (size_t i = 0; i < chunks.size(); ++i) {
    const Chunk& c = chunks[i];
    if (c.depth != 0) {
      flush();
      continue;
    }
    if (!chain.empty()) {
      const size_t w = arrow_at(chain.back()->end);
      if (w == 0 || chain.back()->end + w != c.begin) flush();
    }
    chain.push_back(&c);
  }
  flush();
}

// ("for a chess club", "our sailing club", "we run a small hostel": the record's words, with up to two
// words of the business's name before them, named in the first sentence as what the backend is for.)
bool Extractor::NamedAsSetting(const std::string& name, const std::vector<Chunk>& chunks) const {
  if (s_.empty()) return false;
  std::vector<std::string> words;
  for (const auto& w : naming::SplitWords(name)) words.push_back(ToLower(w));
  if (words.empty()) return false;
  const auto& T = s_[0].tokens;
  for (size_t j = 0; j < T.size(); ++j) {
    if (T[j].kind != Token::kWord || T[j].lower != words.back() || j + 1 < words.size()) continue;
    size_t b = j + 1 - words.size();
    bool same = true;
    for (size_t w = 0; w < words.size(); ++w) same = same && T[b + w].lower == words[w];
    // (The words end a phrase of the sentence: "our manifest work" names the work.)
    const bool ends = std::any_of(chunks.begin(), chunks.end(), [&](const Chunk& c) { return c.end == j + 1; });
    if (!same || !ends) continue;
    for (size_t extra = 0; extra <= 2 && extra <= b; ++extra) {
      const size_t start = b - extra;
      bool plain = true;
      for (size_t q = start; q < b; ++q) plain = plain && T[q].kind == Token::kWord && !lex::IsStopword(T[q].lower);
      if (!plain) break;
      if (IsSettingMention(T, start)) return true;
    }
  }
  return false;
}

void Extractor::Decide() {
  // "summer camps for kids. Parents register their children": two everyday words for one thing
  // are one record, named by the more formal word.
  static const std::pair<const char*, const char*> kSameThing[] = {
      {"Kid", "Child"}, {"Pupil", "Student"}, {"Picture", "Photo"}, {"Automobile", "Car"},
      {"Organization", "Organisation"}};
  for (const auto& [informal, formal] : kSameThing) {
    if (cands_.count(informal) && cands_.count(formal) && !alias_.count(informal)) alias_[informal] = formal;
  }
  // "from a source language into target languages", "a home team and an away team": two records
  // named only by the roles one thing plays are that thing (Language, Team).
  {
    std::map<std::string, std::vector<std::string>> by_head;
    for (const auto& [name, c] : cands_) {
      auto words = naming::SplitWords(name);
      if (words.size() == 2 && !c.strong && IsRoleModifier(ToLower(words.front()))) {
        by_head[words.back()].push_back(name);
      }
    }
    for (const auto& [head, names] : by_head) {
      if (names.size() < 2 || cands_.count(head)) continue;
      cands_[head].name = head;
      cands_[head].order = cands_[names.front()].order;
      for (const auto& n : names) {
        if (!alias_.count(n)) {
          alias_[n] = head;
          role_refs_.insert(n);
        }
      }
    }
  }
  // ("we organise karaoke nights ... each night happens at a venue and has a host": a bare word never
  // named in the plural, after the one compound ending in it was, is that compound.)
  // (Only for a bare word that is no record on its own, "night", "piece"; other bare words stand
  // for themselves.)
  for (const auto& [name, c] : cands_) {
    if (c.strong || c.plural_mentions > 0 || alias_.count(name) || !lex::IsNonEntity(ToLower(name)) ||
        naming::SplitWords(name).size() != 1) {
      continue;
    }
    std::string target;
    int matches = 0;
    for (const auto& [other, oc] : cands_) {
      auto words = naming::SplitWords(other);
      if (words.size() == 2 && words.back() == name && oc.plural_mentions >= 1 && oc.order < c.order &&
          !IsRoleModifier(ToLower(words.front())) && !alias_.count(other)) {
        target = other;
        ++matches;
      }
    }
    if (matches == 1) alias_[name] = target;
  }
  // Fold aliases into their targets.
  for (const auto& [alias, target] : alias_) {
    auto it = cands_.find(alias);
    std::string t = Canonical(target);
    if (it == cands_.end() || alias == t) continue;
    auto& tc = cands_[t];
    if (tc.name.empty()) tc.name = t;
    tc.score += it->second.score;
    tc.strong = tc.strong || it->second.strong;
    tc.listed = tc.listed || it->second.listed;
    tc.order = std::min(tc.order == 0 ? it->second.order : tc.order, it->second.order);
    tc.phrases.insert(it->second.phrases.begin(), it->second.phrases.end());
  }
  // ("tenants apply, and landlords accept or reject applications": with people applying, the
  // applications are records, not software.)
  bool applying = false;
  for (const auto& sent : s_) {
    for (const auto& t : sent.tokens) applying = applying || In(t.lower, {"apply", "applies", "applied", "applying"});
  }
  bool concrete = false;  // the text declares a record of its own (a field list, a strong pattern)
  for (const auto& [name, c] : cands_) concrete = concrete || (c.strong && name != "User");
  const std::vector<Chunk> first_chunks =
      s_.empty() ? std::vector<Chunk>{} : ChunkTokens(s_[0].tokens, 0, s_[0].tokens.size());
  // ("a car wash: ... every wash is logged": a word counted one by one is a record, whatever else.)
  const auto counted_elsewhere = [&](const std::string& name) {
    const std::string last = ToLower(naming::SplitWords(name).back());
    for (const auto& sent : s_) {
      for (size_t k = 1; k < sent.tokens.size(); ++k) {
        if (sent.tokens[k].lower == last && In(sent.tokens[k - 1].lower, {"every", "each", "per"})) return true;
      }
    }
    return false;
  };
  // Plural candidates of a short, lenient read turned down only for too little evidence.
  std::vector<std::string> below_threshold;
  std::vector<std::string> settings;  // turned down as the business the backend is for
  for (auto& [name, c] : cands_) {
    // (Rule tracing: the line of the filter that turns the candidate down or folds it into another.)
    const std::string& cand_name = name;
    auto drop = [&](std::source_location loc = std::source_location::current()) {
      if (!TracingRules()) return;
      char facts[96];
      std::snprintf(facts, sizeof facts, " score=%.1f plural=%d counted=%d%s", c.score, c.plural_mentions,
                    c.counted_mentions, c.strong ? " strong" : "");
      d_.rejected.push_back({cand_name, Here(loc) + facts});
    };
    if (alias_.count(name) && Canonical(name) != name) continue;
    if (name == "User") {
      d_.userMentioned = true;
      continue;
    }
    auto words = naming::SplitWords(name);
    std::string head = ToLower(words.back());
    bool single = words.size() == 1;
    // "users upload several photos": a quantified plural that a verb acts on.
    const bool quantified_act = c.quantified && c.score >= 2.4;
    bool sub_prefixed = false;
    for (const auto& p : c.phrases) sub_prefixed = sub_prefixed || StartsWith(p, "sub ");
    // "sub-tasks": a self relation, not a table (even with a list, when the text names the tasks).
    // ("subtitles" and "subtotals" are words of their own, not sub-titles.)
    auto own_word = [&] {
      const std::string lone = naming::Singularize(head);
      return lex::IsEnglishWord(lone) && lone != "subgroup";
    };
    const bool sub_of_known =
        single && head.size() > 5 && StartsWith(head, "sub") &&
        cands_.count(naming::ToPascalCase(naming::Singularize(head.substr(head[3] == '-' ? 4 : 3)))) && !own_word();
    if ((sub_prefixed || sub_of_known) && (!c.strong || sub_of_known)) {
      drop();
      continue;
    }
    // "user groups, a user can be in several groups": the login word only qualifies a thing the
    // text names on its own.
    if (!single && !c.strong && words.size() == 2 &&
        In(ToLower(words.front()), {"user", "member", "account", "customer"}) && cands_.count(words.back()) &&
        cands_[words.back()].score >= c.score) {
      alias_[name] = words.back();
      cands_[words.back()].phrases.insert(c.phrases.begin(), c.phrases.end());
      drop();
      continue;
    }
    // "a start station and an end station", "home team, away team", "origin port": a record named
    // by the role it plays is a reference to the record the text names on its own.
    if (words.size() == 2 && !c.strong && IsRoleModifier(ToLower(words.front())) &&
        cands_.count(words.back()) && cands_[words.back()].score >= 2.0) {
      alias_[name] = words.back();
      role_refs_.insert(name);
      drop();
      continue;
    }
    bool column_only = !c.phrases.empty();
    for (const auto& p : c.phrases) column_only = column_only && p.find('_') != std::string::npos;
    // ("api_token (used by the CLI): user, name, token": a snake_case head of its own list is a table;
    // "acc_status: pending / accepted" is a column and its values.)
    const bool enum_column = In(head, {"status", "state", "type", "kind", "stage"});
    // ("we keep joined_at": a column, never a table.)
    if (column_only && (!c.strong || enum_column)) {
      drop();
      continue;
    }
    bool soft = In(head, {"person", "people", "persons", "report", "reports", "history", "log", "logs", "note",
                          "notes", "setting", "settings", "reminder", "reminders", "field", "fields", "object",
                          "objects", "part", "parts", "item", "items", "entry", "entries", "line", "lines", "record",
                          "records", "list", "lists", "calendar", "model", "models", "form", "module", "modules",
                          "forms", "set", "sets", "side", "page", "pages", "site", "sites", "website", "websites",
                          "table", "tables", "token", "tokens", "key", "keys", "domain", "domains", "agency",
                          "agencies", "business", "businesses", "application", "applications", "lot", "lots", "day",
                          "days", "port", "ports", "click", "clicks", "column", "columns", "tool", "tools",
                          "workflow", "workflows", "piece", "pieces"});
    // ("agencies have many agents": a soft word the text keeps talking about in the plural stands.)
    // ("dashboards: title, layout, widgets", "meters ... (ten mentions)": a word that is usually a
    // part of the product stands when the text gives it fields and keeps coming back to it.)
    // ("game servers ... each server has a name, ...", "servers run on nodes (name, location)": a
    // hosting product's servers, instances and nodes are its records when the text gives them
    // fields or keeps coming back to them.)
    const bool hosted = In(head, {"server", "servers", "instance", "instances", "node", "nodes"}) &&
                        (c.strong || c.score >= 10.0) && c.plural_mentions >= 2;
    // ("every object has a list of values ... a value has a type, a language, the text": an
    // attribute word the text gives fields and names in the plural is a record too.)
    const bool fielded = lex::IsFieldWord(head) &&
                         !In(head, {"name", "email", "phone", "id", "date", "password", "title"}) && c.strong &&
                         c.score >= 7.0 && c.plural_mentions >= 2;
    const bool about_it = fielded || ((hosted || (!IsBadHead(head) && !lex::IsFieldWord(head))) &&
                          ((c.strong && c.score >= 7.0) || (c.score >= 10.0 && c.plural_mentions >= 4) || hosted));
    if (single && applying && In(head, {"application", "applications"}) && c.plural_mentions >= 1) {
      accepted_.insert(name);
      continue;
    }
    // ('Main thing is "moment": user write a moment with name, ...': a word the writer puts in quotes
    // as the term for a thing, and keeps naming, is a record of the text even when it usually is not.)
    auto quoted_term = [&] {
      if (c.counted_mentions < 2) return false;
      for (const auto& sent : s_) {
        const auto& T = sent.tokens;
        for (size_t k = 1; k + 1 < T.size(); ++k) {
          const bool quote = (T[k - 1].text == "\"" && T[k + 1].text == "\"") ||
                             (T[k - 1].text == "'" && T[k + 1].text == "'");
          if (quote && naming::Singularize(T[k].lower) == naming::Singularize(head)) return true;
        }
      }
      return false;
    };
    if (single && lex::IsNonEntity(head) && !about_it && !c.borrowed && !quoted_term() &&
        !(soft && (c.strong || c.score >= 4.0 || (c.plural_mentions >= 2 && c.score >= 3.0)))) {
      drop();
      continue;
    }
    // "job title history per employee (title, from, to)": a compound with its own field list stands.
    // ("set status (new, closed)" is a verb and its values.)
    const std::string first = ToLower(words.front());
    // ("order amounts": a noun/verb that names an entity of the text is the noun.)
    const bool noun_first = !lex::IsVerb(first) &&
                            (!lex::IsNounVerb(first) || (cands_.count(naming::ToPascalCase(first)) &&
                                                         cands_[naming::ToPascalCase(first)].strong));
    // ("API keys (token, last used)", "company websites (url)": so do keys and sites.)
    // ("invoice amounts: one row of totals per invoice": any attribute head with its own list.)
    // ("court dates (date, time, judge) ... court dates": so does one with its own list the text
    // keeps naming in the plural.)
    // ("singers belong to voice parts (...)": a compound on "part" the text relates in the plural.)
    const bool named_part = In(head, {"part", "parts"}) && noun_first && c.score >= 2.5 && c.plural_mentions >= 2;
    // ("we keep the genomic start and end position", "a start timestamp", "the file size": a compound
    // ending in a column word, never named in the plural nor given fields, is a column.)
    // (Kinds and levels are lookups, "a test type", "a difficulty level"; messages are records.)
    if (!single && !c.strong && c.plural_mentions == 0 && !c.belonging && !KnownEntity(name) &&
        !In(ToLower(head), {"type", "types", "level", "levels", "message", "messages"}) &&
        (lex::IsFieldWord(ToLower(head)) || lex::InferFieldType({ToLower(head)}).type != spec::FieldType::kString)) {
      drop();
      continue;
    }
    if (!single && IsBadHead(head) && !(c.strong && noun_first && c.plural_mentions >= 3) && !named_part &&
        !(c.strong && noun_first &&
          ((lex::IsFieldWord(head) && !In(head, {"name", "email", "phone", "id", "date", "description", "type"}) &&
            !lex::RoleOf(first) && !lex::IsUserWord(first)) ||
           In(head, {"title", "status", "price", "code", "key", "website", "site", "page", "domain", "application",
                     "time", "amount", "total", "number", "value", "address", "part"}) ||
           // ("Mail server (an org has many): name, mode", "HTTP endpoint: name, url": a hosted
           // thing the text declares with its own list, unless it is the product's own.)
           (In(head, {"server", "endpoint", "node"}) &&
            !In(first, {"api", "backend", "web", "app", "application", "database", "db", "rest", "graphql"}))))) {
      drop();
      continue;
    }
    // "classes with max people", "a minimum order": a bound is a column, never a record.
    if (!single && IsBoundWord(ToLower(words.front())) && !c.strong) {
      drop();
      continue;
    }
    // "a week view per area", "soft delete": screens and features, not tables.
    if (!single && ((head == "view" && In(ToLower(words.front()), {"week", "day", "month", "year", "calendar", "list",
                                                                   "map", "grid", "detail", "tree", "kanban",
                                                                   "timeline", "summary", "table", "admin"})) ||
                    In(head, {"delete", "deletion", "deletes", "creation", "removal"}))) {
      drop();
      continue;
    }
    // "attachments are uploaded by users and attached to posts": a dependent word that two
    // verb relations connect stands on its own.
    // (So does a quantified one acted on: "users upload several photos with a position", and one
    // the text keeps coming back to in the plural: "comments get votes; mods hide comments".)
    // ("- Comments on tickets, public or internal": so does one a bullet of its own is about.)
    if (single && IsGenericDependent(head) && !c.strong && !(c.score >= 4.4 && c.plural_mentions >= 2) &&
        !c.bullet_lead && !c.belonging &&
        !(c.plural_mentions >= 3 && c.score >= 3.0) && !quantified_act &&
        // ("photos of the damage", "attachments on a ticket": files and answers named in the
        // plural are rows of their own more often than not.)
        !(c.plural_mentions >= 1 && c.score >= 1.2 && In(head, {"photo", "image", "attachment", "answer"}))) {
      drop();
      continue;
    }
    if (!single && lex::RoleOf(head) && !c.strong && c.score < 4.0) {  // "space admins"
      drop();
      continue;
    }
    if (!single && In(ToLower(words.front()), {"email", "sms", "push", "in"}) &&
        In(head, {"notification", "alert", "reminder", "message"}) && !c.strong) {
      drop();  // "email notifications" is a feature, not a table
      continue;
    }
    // ("one preferences row per person" in a text with logins: the person is the login.)
    if (single && In(head, {"person", "persons"}) && !c.strong && c.plural_mentions == 0 && cands_.count("User") &&
        cands_["User"].score >= 2.0) {
      drop();
      continue;
    }
    // ("email reminders", "send emails": a channel is a record only with a field list of its own.)
    if (single && In(head, {"email", "emails"}) && !c.strong) {
      drop();
      continue;
    }
    // People the domain keeps records about (patients, students, drivers) are entities when the
    // text relates them to other things; account roles (admins, staff, members) are not.
    // ("a guest books one or more beds ... we store the guest's name, email and passport number",
    // "parents see their children's results": so are customers, buyers, guests and parents the
    // text keeps coming back to.)
    bool person_entity = IsPersonEntityWord(head) ||
                         In(naming::Singularize(head), {"customer", "parent", "guest"});
    if (lex::RoleOf(head) && single && !c.strong && person_entity && c.score >= 2.5 &&
        naming::Singularize(head) == "customer") {
      d_.userMentioned = true;  // (who books or orders online still signs in)
    }
    // ("need clients, nail techs and appointments", "tutors, students, lesson bookings": a
    // one-line request that lists the people it serves among what it keeps keeps records of them.)
    if (tracked_people_.count(name) && !c.strong) {
      accepted_.insert(name);
      continue;
    }
    if (lex::RoleOf(head) && single && !c.strong && !(person_entity && c.score >= 2.5)) {
      // Account-holder words imply logins; domain roles ("managers" of departments) do not.
      if (In(head, {"member", "customer", "staff", "admin", "administrator", "subscriber", "buyer", "seller",
                    "owner", "moderator", "editor"})) {
        d_.userMentioned = true;
      }
      drop();
      continue;
    }
    // ("a customer places an order at an outlet": a word that is also a column stands when it is a
    // well-known kind of record acted on.)
    if (single && lex::IsFieldWord(head) && !c.strong && c.score < 4.0 && !c.belonging &&
        !(c.plural_mentions >= 2 && c.score >= 2.5) && !quantified_act &&
        !(c.score >= 3.0 && KnownEntity(name) != nullptr)) {
      drop();
      continue;
    }
    // A well-known kind of record ("payments", "reservations", "subscriptions") needs one plain
    // plural mention in a text that declares records of its own; in a vague text it needs more.
    // ("Clients book shoots. We send invoices to clients.": or one a verb pattern links, in a text
    // whose records are all named in sentences.)
    const bool known = KnownEntity(name) && c.plural_mentions >= 1 && c.score >= (concrete ? 1.2 : 2.2);
    // ("the craft beer scene", "go on air": a word or compound named once, never in the plural
    // nor as "a/one/each X", with one verb pattern around it, is a phrase of the story, not a
    // record, unless it is a well-known kind of record.)
    if (!c.strong && c.counted_mentions == 0 && c.score < 3.0 &&
        !KnownEntity(name) && !quantified_act) {
      drop();
      continue;
    }
    // ("How should I structure an API for a chess club that runs monthly tournaments ...", "Our sailing
    // club needs a system to track members, the club's boats, ...": the one business the backend is
    // for, never named in the plural nor with columns, is the setting of its records, not a record.)
    // (Unless nothing else stands: "a backend for our book club's reading list".)
    const bool passes = c.strong || c.score >= 2.5 || quantified_act || known || c.belonging || c.borrowed;
    const bool setting = passes && !c.strong && c.plural_mentions == 0 && !c.borrowed &&
                         !counted_elsewhere(name) && NamedAsSetting(name, first_chunks);
    if (passes && !setting) {
      accepted_.insert(name);
    } else if (passes) {
      drop();
      settings.push_back(name);
    } else {
      drop();
      if (short_text_ && lenient_ && c.plural_mentions >= 1 && c.score >= 1.0) below_threshold.push_back(name);
    }
  }
  // (Notes on a record the text keeps stand beside it.)
  for (const auto& [note, about] : annotations_) {
    if (cands_.count(note) && !accepted_.count(note) && !alias_.count(note) && accepted_.count(Canonical(about))) {
      accepted_.insert(note);
    }
  }
  // ("We're a small brewery and need kegs and fermenters.": a short request names its records once
  // each. When no archetype or brand fits it and nothing passed, the plural things it names stand,
  // unless a word is a scrap of a cut one: "pe", "ome", "tient".)
  const bool nothing =
      std::none_of(accepted_.begin(), accepted_.end(), [](const std::string& n) { return n != "User"; });
  if (nothing) {
    for (const auto& n : settings) {
      accepted_.insert(n);
      std::erase_if(d_.rejected, [&](const auto& rej) { return rej.name == n; });
    }
  }
  if (!nothing) below_threshold.clear();
  for (const auto& n : below_threshold) {
    const auto parts = naming::SplitWords(n);
    const bool scrap = std::any_of(parts.begin(), parts.end(), [](const std::string& w) {
      const std::string lw = ToLower(w);
      return lw.size() < 3 || (lw.size() <= 4 ? !lex::IsShortEnglishWord(lw) : !lex::IsKnownWord(lw));
    });
    if (!scrap) accepted_.insert(n);
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
  // "donation funds (name, ...); each pledge is for a fund": a bare head word without a field list
  // of its own is the one declared compound ending in it.
  for (auto it = accepted_.begin(); it != accepted_.end();) {
    const auto& c = cands_[*it];
    std::string target;
    int matches = 0;
    // ("tenants open maintenance requests ...; a worker closes the request with notes and cost": a
    // word only ever named as "the X" refers back to a compound named before it, even with fields
    // of its own.)
    const bool definite_only = c.counted_mentions == 0 && c.plural_mentions == 0;
    if ((!c.strong || definite_only) && naming::SplitWords(*it).size() == 1) {
      for (const auto& other : accepted_) {
        auto words = naming::SplitWords(other);
        // ("players, coaches, training sessions and attendance at each session": or one named as
        // often as the bare word, which has nothing of its own.)
        // (A strong bare word refers back only to a compound named before it: "booking: room, ...;
        // repeating bookings: ..." declares two tables.)
        const bool refers_back = !c.strong || cands_[other].order < c.order;
        if (words.size() >= 2 && words.back() == *it && refers_back &&
            (cands_[other].strong || (c.score <= cands_[other].score && c.plural_mentions == 0))) {
          target = other;
          ++matches;
        }
      }
    }
    // (Unless the bare word carries much more of the text than the compound: "voters ... a
    // 'password voter' we import" is a kind of voter.)
    if (matches == 1 && c.score <= cands_[target].score * 1.5) {
      alias_[*it] = target;
      cands_[target].phrases.insert(c.phrases.begin(), c.phrases.end());
      it = accepted_.erase(it);
    } else {
      ++it;
    }
  }
  // "purchase orders ...; each PO has lines": an acronym of one declared compound is that compound.
  for (auto it = accepted_.begin(); it != accepted_.end();) {
    const std::string low = ToLower(*it);
    std::string target;
    int matches = 0;
    if (low.size() >= 2 && low.size() <= 4 && !lex::IsKnownWord(low) && naming::SplitWords(*it).size() == 1) {
      for (const auto& other : accepted_) {
        auto words = naming::SplitWords(other);
        if (words.size() != low.size()) continue;
        bool initials = true;
        for (size_t k = 0; k < words.size(); ++k) initials = initials && ToLower(words[k]).front() == low[k];
        if (initials) {
          target = other;
          ++matches;
        }
      }
    }
    if (matches == 1) {
      alias_[*it] = target;
      cands_[target].phrases.insert(cands_[*it].phrases.begin(), cands_[*it].phrases.end());
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
    e.listed = c->listed;
    e.order = c->order;
    e.aliases = c->phrases;
    for (const auto& [where, sc] : c->origins) e.origin += where + "=" + std::to_string(sc) + ";";
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
  // Roles the text states ("users register as employer or job seeker") are logins.
  if (!d_.roles.empty()) {
    std::vector<std::string> w = c.words;
    w.back() = naming::Singularize(w.back());
    std::string snake = naming::ToSnakeCase(Join(w, " "));
    if (std::find(d_.roles.begin(), d_.roles.end(), snake) != d_.roles.end()) return "User";
  }
  // "tasks: title, due date, assignee": the person a record is assigned to is a login, though
  // "assignee" is not a role anyone signs up as.
  if (c.words.size() == 1 && (head == "assignee" || head == "assignees")) return "User";
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
  // "people sign up and post observations": people are the logins unless Person is a record.
  if (c.name == "Person" || c.name == "People") {
    return accepted_.count("Person") ? "Person" : (d_.userMentioned ? "User" : "");
  }
  return ResolveByTail(c);
}

// "wine categories: name ... production plan: code, category, ...", "management events ... one event
// can involve many animals": a word alone names the one record of the text whose name ends in it
// (Resolve's last resort).
std::string Extractor::ResolveByTail(const Chunk& c) const {
  if (c.words.size() != 1) return "";
  const std::string head = naming::Singularize(c.words.back());
  if (In(head, {"type", "kind", "status", "name", "number", "code", "date", "time", "level", "value", "state", "mode",
                "stage", "note", "option", "setting", "item", "line", "entry", "detail", "record", "group", "list",
                "log"}) ||
      (lex::IsFieldWord(head) && head != "category") || lex::RoleOf(head)) {  // ("amount", "image"; "admin")
    return "";
  }
  const std::string tail = naming::ToPascalCase(head);
  std::string found;
  int n = 0;
  for (const auto& a : accepted_) {
    if (a.size() > tail.size() && a.ends_with(tail) &&
        std::isupper(static_cast<unsigned char>(a[a.size() - tail.size()]))) {
      found = a;
      ++n;
    }
  }
  return n == 1 ? found : "";
}

void Extractor::ParseLists() {
  for (const auto& [name, field] : head_values_) {
    DEntity* ent = d_.Find(name == "User" ? "User" : Canonical(name));
    if (!ent || std::any_of(ent->fields.begin(), ent->fields.end(),
                            [&](const DField& f) { return f.name == field.name; })) {
      continue;
    }
    ent->fields.push_back(field);
  }
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
    // A record the list names (a lookup, a dependent, a child) unless it exists; true when new.
    auto add_record = [&](const std::string& name, size_t at, DField first,
                          std::source_location loc = std::source_location::current()) {
      if (d_.Find(name)) return false;
      DEntity e;
      e.name = name;
      if (TracingRules()) e.origin = "record@" + Here(loc);
      e.order = l.sentence * 1000 + at;
      if (!first.name.empty()) e.fields.push_back(std::move(first));
      d_.entities.push_back(std::move(e));
      accepted_.insert(name);
      ent = d_.Find(owner);
      return true;
    };
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
      // ("start, end, type monthly or yearly": only a next item of two words lends its head.)
      const bool bounds = w0.size() == 1 && w1.size() >= 2 && IsBoundWord(w0[0]) && IsBoundWord(w1[0]);
      if (w0.size() == 1 && (w1.size() == 2 || bounds) &&
          In(w0[0], {"first", "middle", "last", "home", "work", "cell", "mobile", "min", "max", "minimum", "maximum",
                     "start", "end", "from", "begin", "shipping", "billing", "primary", "opening", "closing", "arrival",
                     "departure", "pickup", "dropoff", "incl", "excl", "check"}) &&
          w1[0] != w0[0]) {
        carry[i] = {w0[0]};
        carry[i].insert(carry[i].end(), w1.begin() + 1, w1.end());
        // ("start and end times": one of each; "min and max players" counts them.)
        if (!In(w0[0], {"min", "max", "minimum", "maximum"})) carry[i].back() = naming::Singularize(carry[i].back());
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
      // "max players", "minimum guests", "total seats": a bound or a total of things is a number,
      // not a link to them.
      {
        size_t q = it.begin;
        while (q < it.end && In(T[q].lower, {"a", "an", "the", "and"})) ++q;
        std::vector<std::string> words;
        for (size_t k = q; k < it.end && T[k].kind == Token::kWord; ++k) words.push_back(T[k].lower);
        if (words.size() >= 2 && words.size() <= 3 && (q + words.size() == it.end || T[q + words.size()].text == "(") &&
            In(words[0], {"max", "min", "maximum", "minimum", "total"}) &&
            naming::Singularize(words.back()) != words.back()) {
          DField f;
          f.name = naming::ToCamelCase(Join(words, " "));
          f.type = spec::FieldType::kInteger;
          if (!ent->FindField(f.name)) ent->fields.push_back(f);
          continue;
        }
      }
      auto chunks = ChunkTokens(T, it.begin, it.end);
      int base_depth = chunks.empty() ? 0 : chunks.front().depth;
      // "a job status picked from a list we maintain (...)": a lookup table of its own.
      if (!l.paren && !chunks.empty() && chunks.front().begin <= it.begin + 3) {
        if (std::string name = ListedLookupName(T, chunks.front(), it.end, owner); !name.empty() && name != owner) {
          const DField name_field{"name", spec::FieldType::kString, true, false, false, {}};
          if (add_record(name, chunks.front().begin, name_field) && chunks.front().name == name) {
            phrase_to_entity_[chunks.front().phrase] = name;
          }
          d_.AddRelation(name, owner, spec::RelationKind::kOneToMany);
          continue;
        }
      }
      // "deals with an amount, a stage and notes on deals": notes, comments or attachments on a
      // record are records of their own, not a column.
      if (!chunks.empty() && chunks.front().begin <= it.begin + 1 && chunks.front().plural &&
          chunks.front().words.size() == 1 && In(chunks.front().words[0], {"notes", "comments", "attachments"}) &&
          chunks.size() >= 2 && chunks.front().end < it.end && In(T[chunks.front().end].lower, {"on", "about"})) {
        const std::string target = Resolve(chunks[1]);
        const std::string dep = naming::ToPascalCase(naming::Singularize(chunks.front().words[0]));
        if (!target.empty() && target != dep && d_.Find(target)) {
          add_record(dep, chunks.front().begin,
                     dep == "Attachment" ? DField{"url", spec::FieldType::kUrl, true, false, false, {}}
                                         : DField{"body", spec::FieldType::kText, true, false, false, {}});
          d_.AddRelation(target, dep, spec::RelationKind::kOneToMany);
          continue;
        }
      }
      // "created_by (user)", "the shipper (a client)": a column named after the record it points at.
      {
        size_t open = it.end;
        for (size_t k = it.begin; k < it.end; ++k) {
          if (T[k].text == "(") {
            open = k;
            break;
          }
        }
        if (open > it.begin && open < it.end) {
          const size_t close = MatchParen(T, open, it.end);
          size_t q = open + 1;
          while (q < close && In(T[q].lower, {"a", "an", "the", "also", "another", "one"})) ++q;
          std::vector<std::string> name_words;
          for (size_t k = it.begin; k < open; ++k) {
            if (T[k].kind == Token::kWord && !lex::IsStopword(T[k].lower)) name_words.push_back(T[k].lower);
          }
          if (q + 1 == close && T[q].kind == Token::kWord && !name_words.empty() && name_words.size() <= 3 &&
              close + 1 >= it.end) {
            Chunk pc;
            pc.words = {T[q].lower};
            NameChunk(pc);
            const std::string r = Resolve(pc);
            // (A second link to the same record stays a column: "archived_by (user)".)
            if (!r.empty() && !d_.Related(r, owner) && (accepted_.count(r) > 0 || r == "User")) {
              d_.AddRelation(r, owner, spec::RelationKind::kOneToMany, naming::ToCamelCase(Join(name_words, " ")));
              continue;
            }
          }
        }
      }
      // "... and the order has line items": a relation statement about the owner inside its list.
      {
        size_t verb = it.end;
        for (size_t k = it.begin; k < it.end; ++k) {
          if (In(T[k].lower, {"has", "have", "contains", "contain", "includes", "include"})) {
            verb = k;
            break;
          }
        }
        bool about_owner = false;
        for (const auto& c : chunks) {
          if (c.end <= verb && Resolve(c) == owner) about_owner = true;
        }
        if (verb > it.begin && T[verb - 1].kind == Token::kWord && In(T[verb - 1].lower, {"it", "they"})) about_owner = true;
        if (verb < it.end && about_owner) {
          for (const auto& c : chunks) {
            if (c.begin <= verb) continue;
            std::string r = Resolve(c);
            if (!r.empty() && r != owner) {
              d_.AddRelation(owner, r, spec::RelationKind::kOneToMany);
            } else if (r.empty() && c.plural && !LooksLikeAttribute(c) &&
                       (c.words.size() == 1 ? !lex::IsNonEntity(c.words.back()) : !IsBadHead(c.words.back()))) {
              std::string name = c.name;
              if (c.words.size() == 1 && IsGenericDependent(naming::Singularize(c.words[0]))) name = owner + name;
              if (!d_.Find(name)) {
                DEntity e;
                e.name = name;
                e.order = l.sentence * 1000 + c.begin;
                d_.entities.push_back(std::move(e));
                accepted_.insert(name);
                ent = d_.Find(owner);
              }
              d_.AddRelation(owner, name, spec::RelationKind::kOneToMany);
            }
          }
          continue;
        }
      }
      // ("stock movements: quantity, moved by, reason" in a text with logins: who did it is a login;
      // so is "..., who made it, ...".)
      {
        size_t act = it.end;  // the participle of the act, when the item says who did it
        if (it.end == it.begin + 2 && T[it.end - 1].lower == "by") act = it.begin;
        if (it.end == it.begin + 3 && T[it.begin].lower == "who" && In(T[it.begin + 2].lower, {"it", "them"})) {
          act = it.begin + 1;
        }
        if (act < it.end && T[act].kind == Token::kWord &&
            (EndsWith(T[act].lower, "ed") || lex::IsIrregularParticiple(T[act].lower)) &&
            (d_.Find("User") != nullptr || d_.userMentioned) && owner != "User" &&
            std::none_of(d_.relations.begin(), d_.relations.end(),
                         [&](const auto& x) { return x.from == "User" && x.to == owner; })) {
          accepted_.insert("User");
          d_.AddRelation("User", owner, spec::RelationKind::kOneToMany, T[act].lower + "By");
          continue;
        }
      }
      bool head_ref = false;
      bool another = text.find("another") != std::string::npos || text.find("other ") != std::string::npos;
      for (size_t ci = 0; ci < chunks.size(); ++ci) {
        const Chunk& c = chunks[ci];
        if (c.depth > base_depth && !(another && c.depth == base_depth + 1)) continue;
        // ("min/max players": a bound on a count of things is no reference to them.)
        if (In(c.words.front(), {"max", "min", "maximum", "minimum", "total"})) continue;
        // ("number of pings", "counters of threads and posts", "how many seats": a count of
        // things is a column of the owner, not a link to them.)
        if (IsCountOf(T, it.begin, c.begin)) continue;
        const std::string r = Resolve(c);
        if (r.empty()) continue;
        // ("songs (title, artist, language)" in a text with no logins: a person named once, only as a
        // column, is the column.)
        if (r == "User" && c.words.size() == 1 && !c.plural && !d_.Find("User") && !d_.userMentioned &&
            !cands_.count("User") && lex::RoleOf(c.words.back()) &&
            std::find(d_.roles.begin(), d_.roles.end(), *lex::RoleOf(c.words.back())) == d_.roles.end()) {
          const auto cand = cands_.find(naming::ToPascalCase(naming::Singularize(c.words.back())));
          if (cand == cands_.end() || (cand->second.plural_mentions == 0 && cand->second.counted_mentions <= 1)) {
            continue;
          }
        }
        if (r == owner) {
          if (another && ci > 0) {
            d_.AddRelation(owner, owner, spec::RelationKind::kOneToMany,
                           naming::ToCamelCase(Join(chunks.front().words, " ")));
            head_ref = true;
          }
          continue;
        }
        bool is_head = ci == 0 && c.begin <= it.begin + 4;
        // "team: name; members with a teamlead flag": membership with data is a join entity;
        // plain "with members" is a many-to-many with the users.
        if (r == "User" && is_head && c.plural && In(c.words.back(), {"members", "participants"})) {
          size_t with = it.end;
          for (size_t k = c.end; k < it.end; ++k) {
            if (T[k].lower == "with") with = k;
          }
          auto payload = with < it.end ? ParseFieldItem(T, with + 1, it.end) : std::vector<DField>{};
          if (!payload.empty()) {
            std::string join = owner + naming::ToPascalCase(naming::Singularize(c.words.back()));
            if (!d_.Find(join)) {
              DEntity e;
              e.name = join;
              e.order = l.sentence * 1000 + c.begin;
              e.fields = payload;
              d_.entities.push_back(std::move(e));
              accepted_.insert(join);
              ent = d_.Find(owner);
            }
            d_.AddRelation(owner, join, spec::RelationKind::kOneToMany);
            d_.AddRelation("User", join, spec::RelationKind::kOneToMany);
          } else {
            d_.AddRelation(owner, "User", spec::RelationKind::kManyToMany);
          }
          head_ref = true;
          break;
        }
        bool plural_many = c.plural && (c.quantified || text.find("one or more") != std::string::npos ||
                                        text.find("shared with") != std::string::npos ||
                                        text.find("assigned to") != std::string::npos ||
                                        text.find("linked to") != std::string::npos);
        if (r == "User") accepted_.insert("User");
        // "products: name, price, belong to categories": the item names the parent, whatever its
        // number (Category 1—n Product).
        bool belongs = false;
        for (size_t k = it.begin; k < c.begin; ++k) {
          belongs = belongs || In(T[k].lower, {"belong", "belongs", "belonging"});
        }
        if (belongs && !c.quantified) {
          d_.AddRelation(r, owner, spec::RelationKind::kOneToMany);
          if (is_head) head_ref = true;
          continue;
        }
        // ("the species it is", "a series": a word spelled the same in both numbers is one thing
        // after "a", "the" or "its".)
        const bool one_of_invariant = c.plural && naming::Singularize(c.words.back()) == c.words.back() &&
                                      c.begin > it.begin &&
                                      In(T[c.begin - 1].lower, {"a", "an", "the", "its", "their", "which", "one"});
        // ("each concert has ... a programme of pieces", "a list of songs": a set of records named
        // through its collection word is many of them, which other owners share.)
        const bool collection_of = ci == 1 && c.plural && c.begin >= 1 && T[c.begin - 1].lower == "of" &&
                                   chunks[0].words.size() == 1 && chunks[0].end + 1 == c.begin &&
                                   chunks[0].begin <= it.begin + 2 &&
                                   In(chunks[0].words[0], {"programme", "program", "list", "set", "selection",
                                                           "collection", "series", "catalogue", "catalog", "range"});
        if (collection_of) {
          d_.AddRelation(owner, r, spec::RelationKind::kManyToMany);
          head_ref = true;
          continue;
        }
        if (plural_many) {
          d_.AddRelation(owner, r, spec::RelationKind::kManyToMany);
        } else if (c.plural && is_head && !one_of_invariant) {
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
      if (!l.paren && !chunks.empty() && chunks.front().begin <= it.begin + 3 && chunks.front().depth == base_depth &&
          !IsCountOf(T, it.begin, chunks.front().begin)) {
        const Chunk& h = chunks.front();
        auto make = [&](const std::string& name, DField field,
                        std::source_location loc = std::source_location::current()) {
          if (add_record(name, h.begin, std::move(field), loc)) phrase_to_entity_[h.phrase] = name;
          ent = d_.Find(owner);
        };
        // A record with these columns (the first one makes it; the others are added if missing).
        auto make_with = [&](const std::string& name, const std::vector<DField>& fields,
                             std::source_location loc = std::source_location::current()) {
          make(name, fields.empty() ? DField{} : fields.front(), loc);
          if (DEntity* rec = d_.Find(name)) {
            for (size_t q = 1; q < fields.size(); ++q) {
              if (!rec->FindField(fields[q].name)) rec->fields.push_back(fields[q]);
            }
          }
        };
        // "a category (categories are nested and defined per marketplace)": a lookup with its own
        // structure is an entity, not a column.
        if (h.end < it.end && T[h.end].text == "(") {
          std::string inner = Padded(JoinLower(T, h.end + 1, MatchParen(T, h.end, it.end)));
          bool nest = inner.find(" nest") != std::string::npos || inner.find(" tree ") != std::string::npos ||
                      inner.find(" hierarch") != std::string::npos;
          bool lookup = inner.find(" defined ") != std::string::npos || inner.find(" catalog") != std::string::npos ||
                        inner.find(" own list") != std::string::npos || inner.find(" lookup") != std::string::npos;
          // "a genre (rock, jazz, latin...)", "an animal type (dog, cat, etc)": an open list of kinds
          // is a table the users extend, not a fixed enum (a status keeps its values).
          const std::string kind = naming::Singularize(h.words.back());
          bool kind_word = (h.words.size() == 2 && In(kind, {"type", "category", "kind", "genre", "method", "class"})) ||
                           In(kind, {"genre", "breed", "species"});
          bool open_list = (inner.find(" ... ") != std::string::npos || inner.find(" etc ") != std::string::npos) &&
                           inner.find(" , ") != std::string::npos;
          lookup = lookup || (kind_word && open_list);
          if ((nest || lookup) && !IsBadHead(h.words.back())) {
            std::string name = Canonical(h.name);
            make(name, DField{"name", spec::FieldType::kString, true, false, false, {}});
            d_.AddRelation(name, owner, spec::RelationKind::kOneToMany);
            if (nest) d_.AddRelation(name, name, spec::RelationKind::kOneToMany);
            continue;
          }
          // "Campaigns: name, an email template (subject, sender name, body), send date", "bottles:
          // bottle type (display name, volume, total), cap color": one thing with its own list of
          // columns is a record the owner refers to, not more columns of the owner. (Attributes
          // keep theirs as columns: "an address (street, city, zip)", "a price (amount, currency)".)
          const size_t close = MatchParen(T, h.end, it.end);
          const bool lookup_kind = h.words.size() >= 2 && In(kind, {"type", "category", "kind", "class", "level", "tier"});
          const bool attribute = lex::IsFieldWord(h.words.back()) || h.words.back().find('_') != std::string::npos;
          if (!h.plural && !h.quantified && close + 1 == it.end && h.words.size() <= 3 &&
              (lookup_kind || (!attribute && !lex::IsNonEntity(h.words.back()))) && !IsBadHead(h.words.back()) &&
              !lex::RoleOf(h.words.back()) &&
              !lex::IsUserWord(h.words.back()) && Canonical(h.name) != owner &&
              SplitItems(T, h.end + 1, close, false).size() >= 3 && LooksLikeFieldList(T, h.end + 1, close) &&
              LooksLikeColumns(T, h.end + 1, close)) {
            std::vector<DField> fields;
            for (const Item& sub : SplitItems(T, h.end + 1, close, false)) {
              for (auto& f : ParseFieldItem(T, sub.begin, sub.end)) fields.push_back(std::move(f));
            }
            if (fields.size() >= 3) {
              const std::string name = Canonical(h.name);
              make_with(name, fields);
              d_.AddRelation(name, owner, spec::RelationKind::kOneToMany);
              continue;
            }
          }
        }
        // "products: name, price, belongs to a category": the parent is a record of its own.
        {
          bool belongs = false;
          for (size_t k = it.begin; k < h.begin; ++k) belongs = belongs || In(T[k].lower, {"belong", "belongs", "belonging"});
          if (belongs && (h.end == it.end || T[h.end].text == "(") && h.name != owner && h.words.size() <= 2 &&
              !IsBadHead(h.words.back()) && !lex::IsNonEntity(h.words.back())) {
            make(h.name, h.plural ? DField{} : DField{"name", spec::FieldType::kString, true, false, false, {}});
            d_.AddRelation(h.name, owner, spec::RelationKind::kOneToMany);
            continue;
          }
        }
        // "each delivery has a date and lines (product, quantity)", "... and several lines with a
        // product": the record's line rows with columns of their own are a child record
        // (DeliveryLine) that refers to the records it names.
        if (h.plural && h.words.size() == 1 && In(naming::Singularize(h.words[0]), {"line", "item", "entry", "row"}) &&
            h.end < it.end && (T[h.end].text == "(" || T[h.end].lower == "with") && owner != "User") {
          const bool paren = T[h.end].text == "(";
          const size_t e0 = paren ? MatchParen(T, h.end, it.end) : it.end;
          std::vector<DField> fields;
          std::vector<std::string> refs;
          for (const Item& sub : SplitItems(T, h.end + 1, e0, false)) {
            auto sub_chunks = ChunkTokens(T, sub.begin, sub.end);
            const std::string r = sub_chunks.size() == 1 ? Resolve(sub_chunks.front()) : "";
            if (!r.empty() && r != owner && r != "User") {
              refs.push_back(r);
              continue;
            }
            for (auto& f : ParseFieldItem(T, sub.begin, sub.end)) fields.push_back(std::move(f));
          }
          if (!refs.empty() || fields.size() >= 2) {
            const std::string name = owner + naming::ToPascalCase(naming::Singularize(h.words[0]));
            make_with(name, fields);
            d_.AddRelation(owner, name, spec::RelationKind::kOneToMany);
            for (const auto& r : refs) d_.AddRelation(r, name, spec::RelationKind::kOneToMany);
            continue;
          }
        }
        // "firefighters have a rank, certifications (each with an expiry date) and ...": a plural
        // item whose parenthesis gives each of them attributes is a child record with those fields.
        if (h.plural && h.end + 3 < it.end && T[h.end].text == "(" && T[h.end + 1].lower == "each" &&
            In(T[h.end + 2].lower, {"with", "has", "having"}) && !LooksLikeAttribute(h) &&
            !IsBadHead(h.words.back()) && !lex::IsNonEntity(h.words.back()) && h.words.size() <= 2 &&
            h.name != owner) {
          const size_t close = MatchParen(T, h.end, it.end);
          std::vector<DField> fields;
          for (const Item& sub : SplitItems(T, h.end + 3, close, false)) {
            for (auto& f : ParseFieldItem(T, sub.begin, sub.end)) fields.push_back(std::move(f));
          }
          if (!fields.empty()) {
            const std::string name = Canonical(h.name);
            make_with(name, fields);
            d_.AddRelation(owner, name, spec::RelationKind::kOneToMany);
            continue;
          }
        }
        // "the medicines and medical services given": a collection inside a record is a child
        // entity; "the diagnosis" (a known kind of record) is a reference.
        if (!LooksLikeAttribute(h) && !IsBadHead(h.words.back()) && !lex::IsNonEntity(h.words.back()) &&
            !IsGenericDependent(naming::Singularize(h.words.back())) && h.words.size() <= 2 &&
            !lex::RoleOf(h.words.back()) && it.end - it.begin <= 5) {
          // "attribs (json)": a parenthesised type makes the plural a column.
          bool typed = h.end + 2 < it.end && T[h.end].text == "(" && T[h.end + 2].text == ")" &&
                       IsTypeWord(T[h.end + 1].lower);
          bool ends_item = !typed && (h.end == it.end || T[h.end].text == "(");
          bool determined = h.begin > it.begin && In(T[h.begin - 1].lower, {"a", "an", "the", "one", "its", "their"});
          // ("projects have a name and can have subprojects": the owner nests.)
          if (h.words.size() == 1 && h.words[0].size() > 5 && StartsWith(h.words[0], "sub") &&
              naming::ToPascalCase(naming::Singularize(h.words[0].substr(h.words[0][3] == '-' ? 4 : 3))) == owner) {
            d_.AddRelation(owner, owner, spec::RelationKind::kOneToMany);
            continue;
          }
          // A plural item of a record's field list is a column ("tags", "pets", "kids", "gallons",
          // "seeds"): as a child record it was right for 6 of 61 relations on the read evaluation
          // sets. Categories and genres are the lookups a list names this way.
          if (h.plural && ends_item && In(h.words.back(), {"categories", "genres"})) {
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
        // "a bunch of photos", "product images (caption, order)", "extra images": many images are
        // rows of their own. (A bare "photos" among other things, "files: photos, manuals" or
        // "details, screenshots, created at", is a column or a kind.)
        const std::string& hw = h.words.back();
        bool many_images = h.quantified || h.words.size() == 2 || (h.end < it.end && T[h.end].text == "(");
        for (size_t k = h.begin > 2 ? h.begin - 2 : 0; k < h.begin; ++k) {
          many_images = many_images || In(T[k].lower, {"extra", "additional", "multiple", "several", "many", "more"});
        }
        if (h.plural && In(hw, {"photos", "images", "pictures", "screenshots"}) && h.words.size() <= 2 && many_images) {
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

void Extractor::FillBulletSubjects() {
  size_t lead_sentence = s_.size();
  for (size_t si = 0; si < s_.size(); ++si) {
    auto& T = s_[si].tokens;
    if (s_[si].line_start) lead_sentence = si;
    if (lead_sentence >= si || T.size() < 3) continue;
    // ("Organization: name, currency. Owned by a user.": a label line's later sentence too.)
    const bool opens = (In(T[0].lower, {"belongs", "belong", "linked", "assigned", "attached"}) &&
                        T[1].lower == "to") ||
                       (In(T[0].lower, {"has", "have"}) && In(T[1].lower, {"many", "several", "one", "multiple"})) ||
                       (In(T[0].lower, {"owned", "created"}) && T[1].lower == "by");
    if (!opens) continue;
    // (The lead is the bullet's label: the words before its ':' or '(' .)
    const auto& L = s_[lead_sentence].tokens;
    size_t end = 0;
    while (end < L.size() && end < 4 && L[end].kind == Token::kWord) ++end;
    if (end == 0 || end >= L.size() || (L[end].text != ":" && L[end].text != "(")) continue;
    T.insert(T.begin(), L.begin(), L.begin() + static_cast<std::ptrdiff_t>(end));
  }
}

Draft Extractor::Run() {
  FillBulletSubjects();
  size_t words = 0;
  for (const auto& s : s_) {
    for (const auto& t : s.tokens) words += t.kind == Token::kWord ? 1 : 0;
  }
  short_text_ = words <= kShortText;
  for (size_t si = 0; si < s_.size(); ++si) Evidence(si);
  Decide();
  ParseLists();
  ResolveLinks();
  SelfRelations();
  ActSubjects();
  TheirOwn();
  Ownership();
  return std::move(d_);
}

Draft Extract(const std::vector<Sentence>& sentences, bool lenient) { return Extractor(sentences, lenient).Run(); }

}  // namespace bf::analyze
