// Field-list discovery: "X: a, b", "X (a, b)", "X has a, b and c", "X - a, b".
#include <algorithm>

#include "analyze/archetypes.h"
#include "analyze/extract.h"
#include "analyze/extract_util.h"
#include "analyze/fields.h"
#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {

// "products belong to categories", "each order has order items": a noun phrase at the start of
// the item, a verb, then another noun phrase.
bool IsClauseItem(const std::vector<Token>& T, size_t begin, size_t end) {
  size_t b = begin;
  while (b < end && T[b].kind == Token::kWord &&
         In(T[b].lower, {"each", "every", "a", "an", "the", "all", "our", "some", "most", "many", "several"})) {
    ++b;
  }
  auto ch = ChunkTokens(T, b, end);
  // ("..., and members register for them": a plural subject, its verb and a pronoun object.)
  if (ch.size() == 1 && ch[0].begin == b && ch[0].depth == 0 && ch[0].plural && ch[0].end + 1 < end &&
      T[ch[0].end].kind == Token::kWord && (lex::IsVerb(T[ch[0].end].lower) || lex::IsNounVerb(T[ch[0].end].lower))) {
    for (size_t k = ch[0].end + 1; k < end; ++k) {
      if (In(T[k].lower, {"it", "them", "him", "her", "us", "one", "ones"})) return true;
    }
  }
  if (ch.size() < 2 || ch[0].begin != b || ch[0].depth != 0) return false;
  if (T[b].text == "(") return false;
  // The word after the subject (past a modal) is the verb: "html snapshots or uploaded files" and
  // "flags like cold chain" are phrases, not clauses.
  size_t k = ch[0].end;
  while (k < ch[1].begin && T[k].kind == Token::kWord && In(T[k].lower, {"can", "also", "will", "may", "must", "should", "then"})) ++k;
  if (k >= ch[1].begin || T[k].kind != Token::kWord || In(T[k].lower, {"like", "likes"})) return false;
  // "a job status picked from a list", "a photo taken by the driver": a participle with its
  // preposition describes the item (a reduced relative clause), it opens no clause.
  const std::string& w = T[k].lower;
  if ((EndsWith(w, "ed") || lex::IsIrregularParticiple(w) || w == "set") &&
      k + 1 < end && In(T[k + 1].lower, {"from", "by", "out", "off"})) {
    return false;
  }
  return lex::IsVerb(T[k].lower) || lex::IsNounVerb(T[k].lower);
}

namespace {
// "raw material management", "machine tracking": a feature word that labels the record it manages.
bool IsManagementWord(std::string_view w) { return In(w, {"management", "tracking", "handling", "administration"}); }

// People listed among a product's records are records ("guests", "vendors", "authors"), unless
// they are the accounts of the product itself.
bool IsListedPerson(std::string_view w) {
  const auto role = lex::RoleOf(w);
  return role && !In(*role, {"admin", "moderator", "user", "member", "staff", "editor", "super_admin", "owner",
                             "manager", "organizer", "organiser", "reviewer", "agent"});
}
}  // namespace

// A list ends before its first clause item: "order items with a quantity, customers place orders".
size_t EndBeforeClause(const std::vector<Token>& T, size_t begin, size_t end) {
  auto items = SplitItems(T, begin, end, false);
  for (size_t i = 1; i < items.size(); ++i) {
    // "...; each level has a scientific name": a clause after ';' still describes the list's head.
    if (items[i].begin > begin && T[items[i].begin - 1].text == ";") continue;
    if (IsClauseItem(T, items[i].begin, items[i].end)) return items[i - 1].end;
    // "a date, a start and an end and needs a number of people": a verb of need after "and" opens
    // the subject's next predicate.
    {
      size_t p = items[i].begin;
      while (p < items[i].end && In(T[p].lower, {"and", "also"})) ++p;
      const bool after_and = p > items[i].begin || (items[i].begin > 0 && T[items[i].begin - 1].lower == "and");
      if (after_and && p + 1 < items[i].end &&
          In(T[p].lower, {"needs", "requires", "takes"})) {  // ("and belongs to a user" stays an item)
        return items[i - 1].end;
      }
      // ("log runs with distance, duration and route, and follow other members": a common act
      // after ", and" is the subject's next predicate.)
      size_t before = items[i].begin;
      while (before > begin && T[before - 1].lower == "and") --before;
      const bool comma_and = after_and && before > begin && T[before - 1].text == ",";
      if (comma_and && p + 1 < items[i].end && T[p + 1].kind == Token::kWord &&
          (lex::IsCommonAct(T[p].lower) || In(T[p].lower, {"rate", "review", "comment", "like", "vote"}))) {
        return items[i - 1].end;
      }
      // ("title, type, date, and one event can involve many animals": so is "one / each X can ...".)
      if (comma_and && p + 3 < items[i].end && In(T[p].lower, {"one", "each", "every"}) &&
          In(T[p + 2].lower, {"can", "may", "must", "will", "should"})) {
        return items[i - 1].end;
      }
      // ("sign up with name, email and address, and pay a yearly fee": so is a verb before an article.)
      if (comma_and && p + 1 < items[i].end && lex::IsVerb(T[p].lower) &&
          In(T[p + 1].lower, {"a", "an", "the", "their", "its", "his", "her", "our"})) {
        return items[i - 1].end;
      }
    }
    // "profiles with photos and interests, they swipe on each other": a pronoun subject opens a
    // clause too.
    {
      size_t p = items[i].begin;
      while (p < items[i].end && In(T[p].lower, {"and", "then", "so"})) ++p;
      if (p + 1 < items[i].end && In(T[p].lower, {"they", "we", "he", "she", "you", "i"}) &&
          T[p + 1].kind == Token::kWord) {
        return items[i - 1].end;
      }
    }
    // "..., and can be tagged with conditions (name, severity)": a new predicate of the same
    // subject, about a record with its own fields ("can be shared with users" stays an item).
    size_t b = items[i].begin;
    while (b < items[i].end && In(T[b].lower, {"and", "also"})) ++b;
    bool fields = false;
    for (size_t k = b; k < items[i].end && !fields; ++k) fields = T[k].text == "(";
    if (fields && b + 1 < items[i].end && In(T[b].lower, {"can", "may", "must", "will", "should"}) &&
        (T[b + 1].lower == "be" || lex::IsVerb(T[b + 1].lower) || lex::IsMainlyVerb(T[b + 1].lower))) {
      return items[i - 1].end;
    }
  }
  return end;
}

std::string ActRecord(std::string_view verb) {
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
      {"rates", "rating"}, {"like", "like"}, {"likes", "like"}, {"bookmark", "bookmark"},
      {"bookmarks", "bookmark"}, {"favourite", "favorite"}, {"favourites", "favorite"}, {"favorite", "favorite"},
      {"favorites", "favorite"}, {"star", "star"}, {"stars", "star"}, {"upvote", "vote"}, {"upvotes", "vote"}};
  for (const auto& [v, noun] : kNominal) {
    if (verb == v) return std::string(noun);
  }
  return "";
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
      // ("Trainers: name, speciality; each trainer runs classes (title, time)": a clause about the
      // head that makes other things, with their own list, is a sentence of its own; "; each item
      // has options (...)" stays in the head's list.)
      bool acts = false;
      for (size_t j = i + 1; j < n; ++j) {
        if (T[j].text == ";") break;
        if (T[j].text == "(" || T[j].text == ":") own = true;
        if (!own && j > i + 2 && T[j].kind == Token::kWord &&
            (lex::IsVerb(T[j].lower) || (lex::IsNounVerb(T[j].lower) && T[j].lower.ends_with("s"))) &&
            !In(T[j].lower, {"has", "have", "contains", "contain", "includes", "include", "holds", "hold", "is",
                             "are", "can", "may", "must", "should", "will", "gets", "get"})) {
          acts = true;
        }
      }
      if (own && (!pronoun || (acts && T[i + 1].lower != "it" && T[i + 1].lower != "they"))) {
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
    // ("machine tracking: serial number, ...": the feature word may have been read as a verb.)
    if (!adjacent && c.end + 1 == colon && IsManagementWord(T[c.end].lower)) adjacent = true;
    if (adjacent) head = &c;
  }
  // ("someone creates a poll to find a date for a meeting: title, description, deadline": the list
  // after a purpose clause is the thing made for the purpose.)
  if (head && head->begin >= 3) {
    for (size_t k = head->begin - 1; k-- > 1;) {
      if (T[k].kind == Token::kPunct) break;
      if (T[k].lower != "to" || !lex::IsVerb(T[k + 1].lower) || lex::IsNounVerb(T[k + 1].lower)) continue;
      for (const auto& p : chunks) {
        if (p.end == k && p.depth == 0 && !LooksLikeAttribute(p) && !IsBadHead(p.words.back()) &&
            !lex::IsNonEntity(p.words.back()) && !IsUserHead(p) && p.begin > 0 &&
            In(T[p.begin - 1].lower, {"a", "an"})) {
          head = &p;
        }
      }
      break;
    }
  }
  // ("API tokens for third-party clients: token, description", "Reminders for exam dates: ...": a
  // plural opening the label before "for" owns the list.)
  // ("a quiz has a title, a category, and a handful of settings: show questions in random order, ...",
  // "each user has settings: theme, language": the settings a thing has are its own columns.)
  if (head && In(head->words.back(), {"settings", "preferences", "flags", "toggles"})) {
    for (size_t v = head->begin; v-- > 0;) {
      if (T[v].kind == Token::kPunct && T[v].text != ",") break;
      if (!In(T[v].lower, {"has", "have", "gets", "carries", "with"})) continue;
      for (const auto& p : chunks) {
        if (p.end == v && p.depth == 0 && !LooksLikeAttribute(p)) head = &p;
      }
      break;
    }
  }
  // ("tenants open maintenance requests through a chat assistant: issue type, severity": what comes
  // in through a channel owns the list, not the channel.)
  if (head && head->begin >= 3) {
    size_t q = head->begin;
    while (q > 0 && In(T[q - 1].lower, {"a", "an", "the", "our", "their", "its"})) --q;
    if (q >= 2 && In(T[q - 1].lower, {"through", "via", "using"})) {
      for (const auto& p : chunks) {
        if (p.end != q - 1 || p.depth != 0 || !p.plural) continue;
        // (The object of a verb: "a project moves through states: draft, ..." goes through values.)
        const bool object = p.begin > 0 && T[p.begin - 1].kind == Token::kWord &&
                            (lex::IsVerb(T[p.begin - 1].lower) || lex::IsNounVerb(T[p.begin - 1].lower));
        if (object && !LooksLikeAttribute(p) && !IsUserHead(p)) head = &p;
      }
    }
  }
  // ("share links for people without an account: a random key, ...": whatever the "for" phrase goes on
  // to say, in the same clause.)
  if (head && !chunks.empty() && &chunks.front() != head) {
    const Chunk& first = chunks.front();
    bool one_clause = first.end < head->begin && T[first.end].lower == "for";
    for (size_t k = first.end; k < head->begin && one_clause; ++k) one_clause = T[k].kind == Token::kWord;
    if (one_clause && first.begin <= 1 && first.depth == 0 && first.plural &&
        (!LooksLikeAttribute(first) || first.words.size() >= 2) && !IsUserHead(first)) {
      head = &first;
    }
  }
  // ("the management events like vaccination, handling or weighing: title, type, ...": the things
  // named after "like" / "such as" are kinds of the plural before them, which owns the list.)
  {
    const size_t start = head ? head->begin : colon;
    size_t k = start;
    while (k > 0 && (T[k - 1].text == "," || In(T[k - 1].lower, {"or", "and"}) ||
                     (T[k - 1].kind == Token::kWord && !In(T[k - 1].lower, {"like", "as", "including"})))) {
      --k;
    }
    // (The cue is "like", "including" or "such as"; "works like this: ..." names no kinds.)
    const size_t cue = k >= 2 && T[k - 1].lower == "as" ? k - 2 : k - 1;
    const bool named_kinds = k >= 2 && k < start && start - k <= 10 && IsExampleCue(T, cue) &&
                             !In(T[k].lower, {"this", "that", "these", "those", "so", "follows"});
    for (const auto& c : chunks) {
      if (named_kinds && c.depth == 0 && c.end == cue && c.plural && !LooksLikeAttribute(c)) head = &c;
    }
  }
  // ("Inspections happen monthly: the inspector, the date, ...": a plural subject opening the sentence,
  // then only its verb and how often, owns the list.)
  if (!head && !chunks.empty() && chunks.front().begin == 0 && chunks.front().depth == 0 && chunks.front().plural &&
      chunks.front().end < colon && colon - chunks.front().end <= 3) {
    bool verb_only = true;
    for (size_t k = chunks.front().end; k < colon && verb_only; ++k) {
      const std::string& w = T[k].lower;
      verb_only = T[k].kind == Token::kWord &&
                  (In(w, {"happen", "occur", "run", "take", "place", "are", "get", "go", "come"}) ||
                   (w.size() > 4 && EndsWith(w, "ly")));
    }
    if (verb_only) head = &chunks.front();
  }
  // (A singular opening name before a sentence is the business the text is about: see OpensClauseAfter.)
  if (head && !head->plural && short_text_ && OpensClauseAfter(T, colon + 1)) return false;
  // "Trackers - one per shipment: number, status", "Address book - saved addresses we reuse: city,
  // ...": a dash after the opening name starts a gloss. The list belongs to the plural things the
  // gloss opens with, else to the opening name; "one per shipment" in the gloss is its parent.
  bool glossed = false;
  for (size_t d = 1; d < colon && !glossed; ++d) {
    if (T[d].kind != Token::kPunct || !In(T[d].text, {"-", "\u2013", "\u2014"})) continue;
    const Chunk* opening = nullptr;
    const Chunk* gloss = nullptr;
    for (const auto& c : chunks) {
      if (c.depth != 0) continue;
      if (c.end == d && c.begin <= 1) opening = &c;
      if (!gloss && c.begin > d && c.end <= colon) gloss = &c;
    }
    if (!opening || LooksLikeAttribute(*opening) || lex::IsNonEntity(opening->words.back())) break;
    size_t lead = d + 1;
    while (lead < colon && In(T[lead].lower, {"the", "our", "all", "saved", "stored", "known"})) ++lead;
    // (A plural is a set of records even when its singular names a column: "saved addresses".)
    if (gloss && gloss->plural && gloss->begin <= lead + 1 && !lex::IsNonEntity(gloss->words.back())) {
      head = gloss;
    } else {
      head = opening;
      for (const auto& c : chunks) {
        if (c.depth == 0 && c.begin >= d + 3 && c.end <= colon && T[c.begin - 1].lower == "per" &&
            T[c.begin - 2].lower == "one" && !LooksLikeAttribute(c)) {
          links_.push_back({c.name, opening->name, "a_has_b", ""});
        }
      }
    }
    glossed = true;
  }
  // "Sequences are the automation scripts users build in an editor: a name, a colour and a kind",
  // "Regimens are longer care plans, like ...: a name and a colour": a sentence that defines the
  // thing it opens with lists that thing's columns, not those of the last phrase before the colon.
  if (!glossed && !chunks.empty()) {
    const Chunk& first = chunks.front();
    const bool opens = first.depth == 0 && (first.begin == 0 || (first.begin == 1 && T[0].lower == "the"));
    if (opens && head && head != &first && first.end + 1 < colon && In(T[first.end].lower, {"are", "is"}) &&
        In(T[first.end + 1].lower, {"the", "a", "an", "longer", "shorter", "small", "big"}) &&
        first.plural && !LooksLikeAttribute(first) && !IsBadHead(first.words.back()) &&
        !lex::IsNonEntity(first.words.back()) && !IsUserHead(first) && LooksLikeFieldList(T, colon + 1, list_end)) {
      head = &first;
      glossed = true;
    }
  }
  // "This queue entry must save: the patient, ...", "For each shipment we store: carrier, ...": a
  // verb of keeping before the colon; the list is its subject's.
  const bool verb_head = head && head->words.size() == 1 && head->begin == colon - 1 && colon >= 2 &&
                         In(T[colon - 2].lower, {"must", "should", "will", "can", "shall", "we", "i", "they", "to"});
  if ((!head || verb_head) && colon >= 2 && T[colon - 1].kind == Token::kWord &&
      In(T[colon - 1].lower, {"save", "saves", "store", "stores", "record", "records", "keep", "keeps", "have", "has",
                              "contain", "contains", "include", "includes", "hold", "holds", "track", "tracks",
                              "capture", "captures", "need", "needs", "register", "registers", "note", "notes",
                              "log", "logs", "collect", "collects", "want", "wants"})) {
    size_t m = colon - 1;
    while (m > 0 && In(T[m - 1].lower, {"must", "should", "will", "can", "shall", "also", "always", "we", "i", "they",
                                        "need", "needs", "to"})) {
      --m;
    }
    const Chunk* subject = nullptr;
    for (const auto& c : chunks) {
      if (c.depth == 0 && c.end == m && !LooksLikeAttribute(c) &&
          (c.words.size() == 1 ? !lex::IsNonEntity(c.words.back()) : !IsBadHead(c.words.back()))) {
        subject = &c;
      }
    }
    if (subject || !verb_head) head = subject;
  }
  // "from an active award a contract is created: contract number, title, ...", "each visit is
  // logged:": a passive of making or keeping before the colon; the list is its subject's.
  if (!head && colon >= 3 && T[colon - 1].kind == Token::kWord && In(T[colon - 2].lower, {"is", "are", "gets", "get"}) &&
      In(T[colon - 1].lower, {"created", "recorded", "logged", "stored", "kept", "generated", "issued", "opened",
                              "registered", "filed", "saved", "made", "added"})) {
    for (const auto& c : chunks) {
      if (c.depth == 0 && c.end == colon - 2 && !LooksLikeAttribute(c) &&
          (c.words.size() == 1 ? !lex::IsNonEntity(c.words.back()) : !IsBadHead(c.words.back()))) {
        head = &c;
      }
    }
  }
  if (!head) return false;
  // "an open-source garden robot: a gantry that sits over a bed, moves a tool head in x/y/z, plants
  // seeds, takes photos with a camera and reads soil sensors": what a thing does, item by item, is
  // no list of its columns.
  {
    const auto items = SplitItems(T, colon + 1, list_end, false);
    int acts = 0;
    for (const auto& it : items) {
      const std::string& w = T[it.begin].lower;
      if (T[it.begin].kind != Token::kWord || w.size() < 4 || !w.ends_with("s") || w.ends_with("ss") ||
          !(lex::IsVerb(w) || lex::IsNounVerb(w)) || lex::IsFieldWord(w)) {
        continue;
      }
      bool object = false;
      for (size_t k = it.begin + 1; k < std::min(it.end, it.begin + 3); ++k) {
        object = object || In(T[k].lower, {"a", "an", "the", "its", "their", "his", "her"}) ||
                 (T[k].kind == Token::kWord && T[k].lower.size() > 3 && T[k].lower.ends_with("s") &&
                  !T[k].lower.ends_with("ss") && !lex::IsStopword(T[k].lower));
      }
      if (object) ++acts;
    }
    if (items.size() >= 3 && acts * 2 >= static_cast<int>(items.size())) return false;
  }
  // "The garden map: plants placed on the bed, each with a name, a spread radius and a stage": the
  // label names a part of the product; the things after the colon, "each with" their columns, are
  // the record.
  {
    const auto after = std::find_if(chunks.begin(), chunks.end(),
                                    [&](const Chunk& c) { return c.depth == 0 && c.begin > colon; });
    if (after != chunks.end() && after->begin <= colon + 2 && after->plural && !LooksLikeAttribute(*after) &&
        !lex::IsNonEntity(after->words.back()) && !IsBadHead(after->words.back())) {
      size_t k = after->end;
      while (k + 2 < list_end && k < after->end + 8 && T[k].text != "," && T[k].text != ";") ++k;
      if (k + 2 < list_end && T[k].text == "," && T[k + 1].lower == "each" && T[k + 2].lower == "with" &&
          LooksLikeFieldList(T, k + 3, list_end)) {
        label_heads_.insert(si * 1000 + head->begin);
        Note(*after, 4.0, true, si);
        lists_.push_back({IsUserHead(*after) ? "User" : after->name, si, k + 3, list_end});
        return true;
      }
    }
  }
  // "At the door: checked in at, ...", "On the day: ...": a place or moment opening the sentence
  // labels what follows; it is no record.
  {
    size_t p = 0;
    if (T[p].kind == Token::kWord && In(T[p].lower, {"at", "on", "during", "after", "before"})) {
      ++p;
      while (p < head->begin && In(T[p].lower, {"the", "a", "an", "each", "every"})) ++p;
      if (p == head->begin && head->words.size() == 1) return false;
    }
  }
  // "We're a mid-size apparel distributor: ...", "I am a dog trainer: ...": who is writing is no
  // record.
  for (size_t q = head->begin; q > 0 && q + 3 >= head->begin; --q) {
    if (!In(T[q - 1].lower, {"a", "an"})) continue;
    const bool we = q >= 2 && In(T[q - 2].lower, {"we", "i"});
    const bool we_are = q >= 3 && In(T[q - 2].lower, {"are", "am"}) && In(T[q - 3].lower, {"we", "i"});
    if (we || we_are) {
      label_heads_.insert(si * 1000 + head->begin);
      return false;
    }
  }
  // "We need an API for a small airline: airports, flights ..., aircraft ..., passengers ...", "For
  // our hotel: rooms (...), guests (...), reservations ...": the business the backend is for is the
  // setting of a list of its records, not a record with those columns.
  if (si == 0 && !head->plural && head->words.size() <= (short_text_ ? 3u : 2u)) {
    size_t q = head->begin;
    while (q > 0 && (In(T[q - 1].lower, {"a", "an", "our", "the", "my", "small", "little", "local", "big", "new"}))) --q;
    // ("An app to manage our apartment building: units, residents, ...": so does "our".)
    bool ours = false;
    for (size_t k = q; k < head->begin; ++k) ours = ours || T[k].lower == "our";
    // (Only when every plural item is a thing of its own: "a warehouse: items, locations, ..." keeps
    // the label reading, which makes its items records.)
    const auto items = SplitItems(T, colon + 1, list_end, false);
    // (Whether every plural item is a thing of its own; and whether each is one or a column.)
    bool plain_things = true, things_or_columns = true;
    for (const auto& it : items) {
      const auto ch = ChunkTokens(T, it.begin, it.end);
      if (ch.empty() || !ch.front().plural) continue;
      const bool thing = !IsBadHead(ch.front().words.back()) && !lex::IsNonEntity(ch.front().words.back());
      plain_things = plain_things && thing;
      things_or_columns = things_or_columns && (thing || LooksLikeAttribute(ch.front()));
    }
    // ("Tailor: customer measurements, alteration orders, due dates, prices.": a short request that
    // opens with the business it is for, a word no record is named by, lists that business's
    // records.)
    // (Columns may trail its records there: "due dates, prices".)
    // ("Run a small hostel: rooms, beds, ...", "We run a bike shop: ...": so does a request that opens by
    // saying it runs one.)
    size_t opening = q;
    if (opening >= 1 && IsRunVerb(T[opening - 1].lower)) --opening;
    if (opening == 1 && In(T[0].lower, {"we", "i"})) --opening;
    const bool opening_business = short_text_ && opening == 0 && !KnownEntity(head->name) && things_or_columns;
    const bool for_ours = q < head->begin && ((q > 0 && T[q - 1].lower == "for") || ours) && plain_things;
    if ((for_ours || opening_business) && NoteRecordList(si, items, /*setting=*/true)) {
      label_heads_.insert(si * 1000 + head->begin);
      setting_heads_.insert(si * 1000 + head->begin);
      return false;
    }
  }
  // "Buyers place an order for an event:", "a course per school year, owned by a department:":
  // walk back over prepositional links to the phrase the list describes.
  const Chunk* const adjacent_head = head;  // before walking back ("a total and a status: ...")
  if (!glossed) head = WalkBack(T, chunks, head);
  // "Employees come from our directory: name, email", "alerts ingested from our SIEM: source, ...":
  // the list describes what comes in, not where it comes from.
  {
    size_t k = head->begin;
    while (k > 0 && In(T[k - 1].lower, {"our", "the", "a", "an", "their", "its", "your"})) --k;
    if (k >= 2 && T[k - 1].lower == "from" &&
        In(T[k - 2].lower, {"come", "comes", "coming", "ingested", "imported", "synced", "pulled", "fetched", "loaded",
                            "received", "copied", "exported", "streamed", "scraped"})) {
      size_t v = k - 2;
      while (v > 0 && In(T[v - 1].lower, {"are", "is", "get", "gets", "all", "also"})) --v;
      for (const auto& c : chunks) {
        if (c.end == v && c.depth == 0 && !LooksLikeAttribute(c)) head = &c;
      }
    }
  }
  // ("packets are made from a batch: batch date, germination rate, ...": a list whose first item
  // opens with the word next to the colon is that thing's, however the sentence reads.)
  if (adjacent_head && head != adjacent_head && !adjacent_head->plural) {
    size_t f = colon + 1;
    while (f < n && In(T[f].lower, {"a", "an", "the", "its", "their"})) ++f;
    const std::string near = naming::Singularize(adjacent_head->words.back());
    if (f + 1 < n && T[f].kind == Token::kWord && T[f].lower == near && T[f + 1].kind == Token::kWord &&
        near != naming::Singularize(head->words.back())) {
      head = adjacent_head;
    }
  }
  // "- raw material management: code, name, ...", "inventory tracking: ...": the feature's name
  // labels the record it manages (RawMaterial).
  Chunk managed;
  if (head->words.size() >= 2 && IsManagementWord(head->words.back())) {
    managed = *head;
    managed.words.pop_back();
    NameChunk(managed);
    if (!managed.name.empty() && (managed.words.size() >= 2 || !lex::IsNonEntity(managed.words.back()))) {
      head = &managed;
    }
  }
  // "Card and transfer transactions: amount, ...": modifiers coordinated before one head name the
  // head's kinds; the record is the head (Transaction).
  Chunk shared_head;
  if (head->words.size() == 2 && head->begin >= 2 && In(T[head->begin - 1].lower, {"and", "or"})) {
    for (const auto& c : chunks) {
      if (c.end + 1 == head->begin && c.begin <= 1 && c.words.size() == 1 && !c.plural && c.depth == 0 &&
          !lex::IsNonEntity(head->words.back())) {
        shared_head = *head;
        shared_head.words = {head->words.back()};
        NameChunk(shared_head);
        head = &shared_head;
        break;
      }
    }
  }
  // "Event types is what people book ... Fields: title, slug, ...": a "Fields:" label opening the
  // sentence lists the columns of the record the sentence before opened with.
  // (Not the text's opening sentence, the product, nor a schema header: "Fields: court: id, ...".)
  bool nested_colon = false;
  for (size_t k = colon + 1; k < list_end; ++k) nested_colon = nested_colon || T[k].text == ":";
  if (head->begin <= 1 && head->words.size() == 1 && si >= 2 && !nested_colon &&
      In(head->words[0], {"fields", "columns", "attributes", "properties"}) && !previous_subject_.name.empty() &&
      (previous_subject_.words.size() >= 2 ||
       (!LooksLikeAttribute(previous_subject_) && !lex::IsNonEntity(previous_subject_.words.back())))) {
    label_heads_.insert(si * 1000 + head->begin);
    Chunk owner = previous_subject_;
    Note(owner, 4.0, true, si);
    lists_.push_back({IsUserHead(owner) ? "User" : owner.name, si, colon + 1, list_end});
    list_begin = colon + 1;
    return true;
  }
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
      nominal = ActRecord(between[0]);
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
  // ("custom questions: question text, variant (text, number), ...; the answers are stored with the
  // question and the proposal": a ';' that opens a clause about another thing, a subject and its
  // verb, ends the list.)
  for (size_t k = colon + 1, pdepth = 0; k + 1 < list_end; ++k) {
    if (T[k].text == "(") ++pdepth;
    if (T[k].text == ")" && pdepth > 0) --pdepth;
    if (pdepth != 0 || T[k].text != ";") continue;
    size_t b = k + 1;
    while (b < list_end && In(T[b].lower, {"the", "a", "an", "all", "our"})) ++b;
    auto sub = ChunkTokens(T, b, list_end);
    if (sub.empty() || sub.front().begin != b || sub.front().depth != 0 || sub.front().name == head->name ||
        naming::Singularize(sub.front().words.back()) == naming::Singularize(head->words.back())) {
      continue;  // ("items: ...; an item can belong to a lot" is still about the head)
    }
    const size_t v = sub.front().end;
    if (v < list_end && T[v].kind == Token::kWord &&
        (lex::IsVerb(T[v].lower) || lex::IsNounVerb(T[v].lower) ||
         In(T[v].lower, {"are", "is", "can", "may", "must", "will", "should", "get", "gets"}))) {
      list_end = k;
      break;
    }
  }
  auto items = SplitItems(T, colon + 1, list_end, false);
  if (items.empty()) return false;
  // ("each ticket has a priority: low, medium or high", "orders have a status: pending, paid or
  // shipped": a column word the subject has, followed by short values, is the subject's enum column.)
  size_t n_values = items.size();
  for (size_t k = colon + 1; k < list_end; ++k) n_values += T[k].lower == "or" ? 1 : 0;
  if (const Chunk* ah = adjacent_head;
      ah && ah->words.size() == 1 && !ah->plural && ah->begin >= 2 && n_values >= 2 &&
      In(ah->words[0], {"priority", "status", "state", "level", "type", "kind", "category", "size", "tier", "stage",
                        "visibility", "severity", "frequency", "condition", "rating", "grade", "mode", "role"}) &&
      In(T[ah->begin - 1].lower, {"a", "an", "the", "its", "one"})) {
    // The verb of having before it, in the same clause ("orders have a total and a status: ...").
    size_t vpos = ah->begin;
    for (size_t k = ah->begin - 1; k-- > 0;) {
      if (T[k].kind == Token::kPunct && T[k].text != ",") break;
      if (In(T[k].lower, {"has", "have", "with", "gets", "get", "carries", "carry"})) {
        vpos = k;
        break;
      }
    }
    // (Values, not the columns of a lookup table: "a status: name, colour, sort order".)
    bool values = true;
    for (const auto& it : items) {
      values = values && it.end - it.begin <= 3;
      for (size_t k = it.begin; k < it.end && values; ++k) {
        values = T[k].text != "(" && T[k].text != ":" &&
                 !In(T[k].lower, {"name", "title", "description", "colour", "color", "date", "code", "label", "sort",
                                  "icon", "email", "phone", "address", "url", "notes", "id", "key", "value"});
      }
    }
    const Chunk* owner = nullptr;
    for (const auto& c : chunks) {
      if (vpos < ah->begin && c.depth == 0 && c.end <= vpos && c.end + 2 >= vpos) owner = &c;
    }
    if (values && owner && !LooksLikeAttribute(*owner)) {
      auto parsed = ParseNamedValues(T, ah->begin, ah->end, colon + 1, list_end);
      if (!parsed.empty() && !parsed.front().enumValues.empty()) {
        head_values_.emplace_back(IsUserHead(*owner) ? "User" : owner->name, parsed.front());
        Note(*owner, 1.0, false, si);
        return false;
      }
    }
  }
  // ("pieces go through stages: thrown, trimmed, bisque fired, glazed": the stages a thing goes
  // through are the values of its stage, no table of their own.)
  if (head->words.size() == 1 && In(head->words[0], {"stages", "statuses", "states", "phases", "steps"}) &&
      head->begin >= 2 && In(T[head->begin - 1].lower, {"through", "between"}) && items.size() >= 3 &&
      !LooksLikeColumns(T, colon + 1, list_end)) {
    bool values = true;
    for (const auto& it : items) values = values && it.end - it.begin <= 3;
    for (size_t k = colon + 1; k < list_end && values; ++k) values = T[k].text != "(" && !lex::IsFieldWord(T[k].lower);
    if (values) return false;
  }
  if (In(T[items.front().begin].lower, {"they", "we", "it", "he", "she", "you", "i", "there"})) return false;
  // "Then the actual activity: when I put something in the ground I log a planting - which crop,
  // ...": a list that opens with a subordinate clause tells a story, it lists no columns.
  if (In(T[items.front().begin].lower, {"when", "whenever", "once", "after", "before", "while", "if"})) return false;
  // "An e-commerce backend with inventory: products belong to categories, each order has order
  // items": items that are clauses (subject, verb, object) describe the domain; they are not
  // the head's columns.
  {
    int clauses = 0;
    for (const auto& it : items) {
      if (IsClauseItem(T, it.begin, it.end)) ++clauses;
    }
    // ("Recipe site: users post recipes with ingredients and steps; others can rate them": in the
    // opening sentence, a list that opens with a clause tells the domain too.)
    // ("Orthodontics: some patients have an ortho case with ..., ...": a first item in which
    // something has a thing with a list tells the domain in any sentence; "Case: analysts group
    // alerts into a case with ..." still lists the case's columns.)
    bool opens_with_clause = IsClauseItem(T, items.front().begin, items.front().end) &&
                             (si == 0 || [&] {
                               bool has = false;
                               for (size_t k = items.front().begin; k < items.front().end; ++k) {
                                 if (In(T[k].lower, {"has", "have", "get", "gets", "own", "owns", "keep", "keeps"})) {
                                   has = true;
                                 }
                                 if (has && T[k].lower == "with") return true;
                               }
                               return false;
                             }());
    if (si == 0 && !opens_with_clause) {  // ("Time tracking: employees clock in and out; ...")
      auto ch = ChunkTokens(T, items.front().begin, items.front().end);
      opens_with_clause = !ch.empty() && ch[0].begin == items.front().begin && ch[0].plural && ch[0].depth == 0 &&
                          ch[0].end < items.front().end && T[ch[0].end].kind == Token::kWord &&
                          !In(T[ch[0].end].lower, {"and", "or", "with", "of", "per"}) &&
                          (ch.size() == 1 || ch[1].begin > ch[0].end);
    }
    if ((clauses >= 1 && clauses * 2 >= static_cast<int>(items.size())) || opens_with_clause) {
      // "Loans: an item goes out to a member with a due date": a record told by what happens to
      // one of it; the single things that sentence names are its parents.
      const size_t b = colon + 1;
      // ("Payments: customer pays an amount for a rental": or a bare singular subject and its verb.)
      bool bare_subject = false;
      for (const auto& c : chunks) {
        bare_subject = bare_subject || (c.begin == b && !c.plural && c.depth == 0 && c.end < n &&
                                        T[c.end].kind == Token::kWord && lex::IsVerb(T[c.end].lower));
      }
      if (head->plural && head->depth == 0 && head->begin <= 1 && head->words.size() <= 2 && b < n &&
          (In(T[b].lower, {"a", "an"}) || bare_subject) && !LooksLikeAttribute(*head) &&
          !lex::IsNonEntity(head->words.back())) {
        bool any = false;
        for (const auto& c : chunks) {
          if (c.begin <= colon || c.end > list_end || c.depth != 0 || c.plural || c.name == head->name) continue;
          if (!In(T[c.begin - 1].lower, {"a", "an", "one"})) continue;
          if (LooksLikeAttribute(c)) continue;  // (links to words that are no entity are dropped later)
          links_.push_back({c.name, head->name, "a_has_b", ""});
          any = true;
        }
        if (any) {
          Note(*head, 2.5, false, si);
          told_records_[si] = *head;  // "... to a member with a due date": the loan's attributes
        }
      }
      return false;
    }
    list_end = EndBeforeClause(T, colon + 1, list_end);
    items = SplitItems(T, colon + 1, list_end, false);
  }
  // "roles: admin, editor" is a role list, not an entity.
  const bool user_kinds = head->words.size() == 2 && In(head->words[0], {"user", "member", "login"}) &&
                          In(head->words[1], {"types", "kinds"});
  if (head->words.back() == "roles" || head->words.back() == "role" || head->words.back() == "permissions" ||
      user_kinds) {
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
  int labelish = 0, strong_items = 0, attributes = 0, plural_strong = 0;
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
    // "A blog: posts with a title and body; ...": a plural thing with its own "with" list is a
    // record the sentence introduces, so the head is a label.
    const bool own_with = plural_entity && after < it.end && T[after].lower == "with";
    if (plural_entity || listed_entity) ++labelish;
    if ((own_list || own_with) && (plural_entity || listed_entity)) ++strong_items;
    if ((own_list || own_with) && (plural_entity || listed_entity) && first.plural) ++plural_strong;
  }
  // ("Wedding planner: guests, RSVPs, tables, seating assignments, gifts and vendors": a long list
  // of things is a label's list of records even with one word that could be a column.)
  const int n_items = static_cast<int>(items.size());
  // ("Talks: title, abstract, track (name, colour)": the one thing with its own list among columns
  // is a record the head refers to, so the head is no label.)
  bool label = (strong_items >= 1 && labelish * 3 >= n_items && !(labelish == 1 && plural_strong == 0 && attributes >= 1)) ||
               (labelish >= 2 && labelish * 2 >= n_items && attributes == 0) ||
               (labelish >= 4 && labelish * 3 >= n_items * 2 && attributes * 5 <= n_items) ||
               (labelish >= 3 && labelish * 4 >= n_items * 3 && attributes <= 1);
  // ("Shopping lists: named lists owned by a user, with items (...)": a first item that names the
  // head's own kind again defines the head, which owns what follows.)
  if (label && !items.empty()) {
    const auto first = ChunkTokens(T, items.front().begin, items.front().end);
    // ("plots: plots, plot holders and the waiting list" lists records; "the riser stacks: a stack has
    // title, rows" is a sentence about one.)
    if (!first.empty() && first.front().begin <= items.front().begin + 2 &&
        items.front().end >= items.front().begin + 3 &&
        !In(T[items.front().begin].lower, {"a", "an", "the", "each", "every", "one"}) &&
        naming::Singularize(first.front().words.back()) == naming::Singularize(head->words.back()) &&
        first.front().name != head->name) {
      label = false;
    }
  }
  if (label) {
    size_t hb = head->begin;
    while (hb > 0 && In(T[hb - 1].lower, {"the", "a", "an", "each", "every", "one"})) --hb;
    bool per = head->begin > 0 && (In(T[head->begin - 1].lower, {"per", "each", "every"}) ||
                                   (hb > 0 && In(T[hb - 1].lower, {"under", "inside", "within", "per"})));
    // ("organizations that help people: food banks, legal aid clinics, shelters, that kind of thing":
    // a list that ends in "that kind of thing", "etc." or "and so on" gives examples of the head.)
    const std::string listed = Padded(JoinLower(T, colon + 1, list_end));
    const bool examples = listed.find(" kind of thing ") != std::string::npos ||
                          listed.find(" kinds of things ") != std::string::npos ||
                          listed.ends_with(" etc ") || listed.ends_with(" etc . ") ||
                          listed.find(" and so on ") != std::string::npos ||
                          listed.find(" and the like ") != std::string::npos;
    for (const auto& it : items) {
      auto ch = ChunkTokens(T, it.begin, it.end);
      if (ch.empty() || ch.front().begin > it.begin + 3) continue;
      // ("... guests, tables, gifts and vendors": people listed among the records are records too,
      // unless they are the accounts of the product itself.)
      const std::string& w = ch.front().words.back();
      // ("items, locations, stock movements and suppliers": so are generic words like items.)
      // ("files: photos, manuals, receipts" are kinds of files, not records of their own.)
      const bool kinds_of = In(head->words.back(), {"files", "documents", "attachments", "uploads", "media", "types",
                                                    "kinds", "categories", "statuses"});
      const bool listed_generic = labelish >= 3 && !kinds_of && ch.front().plural && ch.front().words.size() == 1 &&
                                  IsGenericDependent(naming::Singularize(w));
      const bool listed_people = labelish >= 3 && !kinds_of && ch.front().plural && IsListedPerson(w);
      // ("files: photos, manuals, warranty papers, receipts": kinds of the head, not records.)
      if ((kinds_of || examples) && !per) continue;
      Note(ch.front(), 3.0, listed_people || listed_generic, si);
      if (per) links_.push_back({head->name, ch.front().name, "a_has_b", ""});
    }
    if (per) Note(*head, 2.5, false, si);
    else label_heads_.insert(si * 1000 + head->begin);
    return false;
  }
  Note(*head, 5.0, true, si);
  lists_.push_back({IsUserHead(*head) ? "User" : head->name, si, colon + 1, list_end});
  // "- customers and vendors: name, email, phone": two records opening the sentence share the list.
  if (head->plural && head->begin >= 2 && In(T[head->begin - 1].lower, {"and", "&"}) && !LooksLikeAttribute(*head)) {
    for (const auto& c : chunks) {
      if (c.end + 1 != head->begin || c.begin > 1 || c.depth != 0 || !c.plural || c.words.size() > 2) continue;
      if (LooksLikeAttribute(c) || lex::IsNonEntity(c.words.back()) || IsUserHead(c) || c.name == head->name) continue;
      Note(c, 5.0, true, si);
      lists_.push_back({c.name, si, colon + 1, list_end});
    }
  }
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
    // ("parts and supplies bought (date, part number, ...)": a participle before the list too.)
    while (j < n && skipped < 3 && T[j].kind == Token::kWord &&
           (In(T[j].lower, {"are", "is", "be", "can", "nested", "nest", "also", "both", "all", "themselves", "simple",
                            "basic", "plain", "small", "short", "tiny", "fixed", "flat", "received"}) ||
            lex::IsIrregularParticiple(T[j].lower) ||
            (j + 1 < n && T[j + 1].text == "(" && EndsWith(T[j].lower, "ed") && T[j].lower.size() > 4))) {
      ++j;
      ++skipped;
    }
    if (j + 2 < n && In(T[j].lower, {"in", "on", "for", "of", "inside"}) && In(T[j + 1].lower, {"it", "them", "there"}) &&
        T[j + 2].text == "(") {
      j += 2;
    }
    // "email templates we write ourselves (subject, ...)": a short relative clause before the list.
    if (j + 2 < n && In(T[j].lower, {"we", "they", "i", "you"}) && T[j + 1].kind == Token::kWord) {
      size_t q = j + 2;
      if (q < n && In(T[q].lower, {"ourselves", "themselves", "myself", "yourself", "yourselves"})) ++q;
      if (q < n && T[q].text == "(") j = q;
    }
    if (j >= n || T[j].text != "(") continue;
    size_t close = MatchParen(T, j, n);
    size_t b = j + 1, e = close;
    if (b >= e) continue;
    // "recipes are tagged (vegan, gluten-free, quick)", "tags (vegan, quick)": what marks or sorts
    // things is given by examples, not columns.
    const bool marked = j > c.end && In(T[j - 1].lower, {"tagged", "labelled", "labeled", "categorized", "categorised",
                                                         "classified", "grouped", "sorted", "flagged", "marked"});
    // ("keywords (tags, can be nested)", "rfid tags (tag, description)" say how they are kept.)
    bool values = !LooksLikeColumns(T, b, e);
    for (size_t k = b; k < e && values; ++k) {
      values = !(lex::IsFieldWord(T[k].lower) || In(T[k].lower, {"can", "nested", "defined", "per", "tree", "own"}));
    }
    const bool marks = j == c.end && In(c.words.back(), {"tags", "labels", "keywords", "categories", "genres"});
    if ((marked || marks) && values) continue;
    // ("events (workshops, open nights) have a host": plural kinds of a plural thing are examples of
    // it, not its columns.)
    if (c.plural && j == c.end && !LooksLikeColumns(T, b, e)) {
      auto kinds = SplitItems(T, b, e, false);
      bool all_plural = kinds.size() >= 2;
      for (const auto& it : kinds) {
        size_t last = it.end;
        while (last > it.begin && T[last - 1].kind != Token::kWord) --last;
        all_plural = all_plural && last > it.begin && naming::LooksPlural(T[last - 1].lower) &&
                     !lex::IsFieldWord(T[last - 1].lower) && it.end - it.begin <= 3;
      }
      if (all_plural) continue;
    }
    // "Programs (owned by an org): name, ...", "Survey (lives in an environment): ...": an aside that
    // says where the thing belongs names its parent.
    // ("Credential (per mail server): type, name, key": so does "per", after a label of its own.)
    const bool per = b + 1 < e && T[b].lower == "per" && close + 1 < n && T[close + 1].text == ":";
    if (c.depth == 0 && (per || !LooksLikeAttribute(c)) && !lex::IsNonEntity(c.words.back())) {
      size_t q = b;
      if (per || (q + 1 < e &&
                  In(T[q].lower, {"belongs", "belong", "belonging", "lives", "live", "living", "owned", "part",
                                  "scoped", "attached", "nested"}) &&
                  In(T[q + 1].lower, {"to", "in", "by", "of", "under"}))) {
        q += per ? 1 : 2;
        while (q < e && In(T[q].lower, {"a", "an", "the", "one", "exactly", "its", "their", "some"})) ++q;
        auto inner = ChunkTokens(T, q, e);
        bool plain = !inner.empty() && inner[0].begin == q;
        for (size_t k = q; k < e; ++k) plain = plain && T[k].text != "," && T[k].text != "(";
        if (plain && inner.size() == 1 && inner[0].end == e && !LooksLikeAttribute(inner[0]) &&
            (!lex::IsNonEntity(inner[0].words.back()) || (per && inner[0].words.size() >= 2)) &&
            inner[0].name != c.name) {
          Note(inner[0], 2.2, false, si);
          links_.push_back({IsUserHead(inner[0]) ? "User" : inner[0].name, c.name, "a_has_b", ""});
          continue;
        }
      }
    }
    // ("Mail server (an org has many): name, mode": an aside that says what has many of the thing
    // names its parent, not another name for it.)
    if (c.depth == 0) {
      size_t q = b;
      while (q < e && In(T[q].lower, {"a", "an", "the", "one", "each", "every"})) ++q;
      const auto inner = ChunkTokens(T, q, e);
      if (!inner.empty() && inner[0].begin == q && inner[0].end < e &&
          In(T[inner[0].end].lower, {"has", "have", "owns", "own"}) &&
          (inner[0].end + 1 == e ||
           (inner[0].end + 2 == e && In(T[inner[0].end + 1].lower, {"many", "several", "multiple", "some"}))) &&
          !LooksLikeAttribute(inner[0]) && inner[0].name != c.name) {
        Note(inner[0], 2.2, false, si);
        links_.push_back({IsUserHead(inner[0]) ? "User" : inner[0].name, c.name, "a_has_b", ""});
        continue;
      }
    }
    // "tickets of different types (early bird, regular, student)", "rooms come in three kinds (...)":
    // the kinds are the values of the thing's type.
    if (c.words.size() == 1 && In(c.words[0], {"types", "kinds", "categories", "tiers", "levels", "classes"}) &&
        c.begin >= 3) {
      size_t q = c.begin - 1;
      if (In(T[q].lower, {"different", "various", "several", "multiple", "two", "three", "four", "five"})) --q;
      if (q > 0 && In(T[q].lower, {"of", "in"})) {
        if (q > 0 && In(T[q - 1].lower, {"come", "comes"})) --q;
        const Chunk* thing = nullptr;
        for (const auto& p : chunks) {
          if (p.end == q && p.depth == 0 && p.plural && !LooksLikeAttribute(p)) thing = &p;
        }
        if (thing) {
          Note(*thing, 2.2, false, si);
          lists_.push_back({IsUserHead(*thing) ? "User" : thing->name, si, c.begin, close + 1, true});
          continue;
        }
      }
    }
    // "students buy courses (we keep the price paid and the date)": the clause names what is kept.
    if (b + 2 < e && In(T[b].lower, {"we", "they"}) &&
        In(T[b + 1].lower, {"keep", "store", "record", "track", "save", "log", "need"})) {
      b += 2;
    }
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
    // "timers can be started by a user (name, start, end)": after a passive agent the list
    // describes the clause subject.
    {
      size_t pb = c.begin;
      while (pb > 0 && In(T[pb - 1].lower, {"a", "an", "the", "any", "one", "each"})) --pb;
      if (pb > 0 && T[pb - 1].lower == "by" && !chunks.empty() && &chunks.front() != &c &&
          chunks.front().depth == 0 && chunks.front().begin <= 2 && chunks.front().plural &&
          !lex::IsFieldWord(chunks.front().words.back())) {
        bool passive = false;
        for (size_t k = chunks.front().end; k + 1 < pb; ++k) {
          passive = passive || In(T[k].lower, {"be", "is", "are", "was", "were", "been", "get", "gets"});
        }
        if (passive) owner = &chunks.front();
      }
    }
    {
      size_t pb = c.begin;
      bool each = false;
      while (pb > 0 && In(T[pb - 1].lower, {"each", "every", "a", "the", "one"})) {
        each = each || T[pb - 1].lower == "each" || T[pb - 1].lower == "every";
        --pb;
      }
      bool prep = pb > 0 &&
                  (T[pb - 1].lower == "per" || (each && In(T[pb - 1].lower, {"of", "for", "on", "in", "at"})));
      // "the veterinarians working at each office (name, ...)": a participle may stand between.
      // ("tags are per user (name, ...)": so may a copula.)
      size_t owner_end = pb - 1;
      if (prep && pb >= 2 && T[pb - 2].kind == Token::kWord &&
          ((each && (EndsWith(T[pb - 2].lower, "ing") || EndsWith(T[pb - 2].lower, "ed"))) ||
           In(T[pb - 2].lower, {"are", "is"}))) {
        owner_end = pb - 2;
      }
      if (prep) {
        for (const auto& p : chunks) {
          if ((p.end == pb - 1 || p.end == owner_end) && p.depth == 0) {
            owner = &p;
            links_.push_back({c.name, p.name, "a_has_b", ""});
          }
        }
      }
    }
    // ("notes on a document (text, when, by which user)", "we open a ticket on the item (title,
    // status)": a list after "X on/about the Y" describes the X kept on the Y.)
    if (owner == &c && c.begin >= 2) {
      size_t pb = c.begin;
      if (In(T[pb - 1].lower, {"a", "an", "the", "each", "every"})) --pb;
      // ("Keywords for recipes (name, description)": so does one a line opens with, before "for".)
      const bool for_lead = pb >= 2 && T[pb - 1].lower == "for";
      if (pb >= 2 && (In(T[pb - 1].lower, {"on", "about"}) || for_lead)) {
        for (const auto& p : chunks) {
          if (p.end == pb - 1 && p.depth == 0 && &p != &c && !IsUserHead(p) &&
              (!LooksLikeAttribute(p) || p.words.back() == "notes") && (!for_lead || (p.begin <= 1 && p.plural)) &&
              (p.plural || (p.begin > 0 && In(T[p.begin - 1].lower, {"a", "an"})))) {
            owner = &p;
            links_.push_back({c.name, p.name, "a_has_b", ""});
          }
        }
      }
    }
    // ("one gardener per season (season has a year and start/end dates)": a parenthesis that
    // names the phrase before it and says what it has lists that phrase's fields.)
    {
      size_t q = b;
      while (q < e && In(T[q].lower, {"a", "an", "the", "each", "every"})) ++q;
      if (q + 2 < e && naming::Singularize(T[q].lower) == naming::Singularize(c.words.back()) &&
          In(T[q + 1].lower, {"has", "have", "with", "holds", "stores"})) {
        owner = &c;
        b = q + 2;
        list = LooksLikeFieldList(T, b, e);
      } else if (q + 2 < e && In(T[q + 1].lower, {"has", "have"}) && T[q].kind == Token::kWord) {
        // ("which policy rule was broken (policies have code, title, text, version)": a parenthesis
        // that says what another thing has lists that thing's fields.)
        const auto inner = ChunkTokens(T, q, q + 1);
        if (inner.size() == 1 && inner[0].plural && !LooksLikeAttribute(inner[0]) &&
            !lex::IsNonEntity(inner[0].words.back()) && LooksLikeFieldList(T, q + 2, e)) {
          Note(inner[0], 5.0, true, si);
          lists_.push_back({IsUserHead(inner[0]) ? "User" : inner[0].name, si, q + 2, e, true});
          continue;
        }
      }
    }
    // "tenants sign leases for a unit (start date, end date, monthly rent)", "members borrow books
    // from a branch (due date, returned)": after an act's plural object and a preposition, a list
    // of dates and amounts describes the object or the act, not the one thing behind the
    // preposition.
    bool hopped = false;
    // ("runs shifts at those locations (date, start time, end time)": things named again with
    // "those" or "their" are known already, so the list is about the act's object too.)
    const bool known_again = c.plural && c.begin > 0 && In(T[c.begin - 1].lower, {"those", "these", "their", "its", "our"});
    if (list && owner == &c && (!c.plural || known_again)) {
      size_t pb = c.begin;
      while (pb > 0 && In(T[pb - 1].lower, {"a", "an", "the", "one", "their", "his", "her", "its", "those", "these", "our"})) {
        --pb;
      }
      bool dealt = false;
      for (size_t k = b; k < e; ++k) {
        dealt = dealt || In(T[k].lower, {"date", "dates", "time", "quantity", "qty", "amount", "price", "rent", "fee",
                                         "deposit", "total", "returned", "due", "start", "end"});
      }
      if (dealt && pb >= 2 && In(T[pb - 1].lower, {"for", "from", "to", "at", "in", "on"})) {
        for (const auto& p : chunks) {
          if (p.end == pb - 1 && p.depth == 0 && p.plural && p.begin > 0 && T[p.begin - 1].kind == Token::kWord &&
              (lex::IsVerb(T[p.begin - 1].lower) || lex::IsNounVerb(T[p.begin - 1].lower) ||
               lex::MayBeVerb(T[p.begin - 1].lower)) &&
              !LooksLikeAttribute(p)) {
            owner = &p;
            hopped = true;
            Note(c, 2.2, false, si);  // (still a record of its own)
          }
        }
      }
    }
    // "members book rooms (start, end, status)", "anyone can report a project (reason, details)":
    // the list after an act's object describes the act (Booking, Report), unless it names the
    // object ("customers order products (name, price)").
    if (list && (owner == &c || hopped)) {
      const Chunk& obj = *owner;
      size_t pb = obj.begin;
      while (pb > 0 &&
             In(T[pb - 1].lower, {"a", "an", "the", "any", "one", "their", "his", "her", "its", "other", "another"})) {
        --pb;
      }
      std::string act = pb > 0 && T[pb - 1].kind == Token::kWord ? ActRecord(T[pb - 1].lower) : "";
      // (What people order or buy is described by its name and price; a price paid or a date
      // describes the purchase.)
      bool dealt = false;
      for (size_t k = b; k < e; ++k) dealt = dealt || In(T[k].lower, {"paid", "date", "dates", "quantity", "qty"});
      if (In(act, {"order", "purchase", "signup"}) && !(act == "purchase" && dealt)) act.clear();
      // (People file reports; "devices report positions (...)" send data.)
      if (pb > 0 && In(T[pb - 1].lower, {"report", "reports"})) {
        size_t q = pb - 1;
        while (q > 0 && In(T[q - 1].lower, {"can", "may", "also", "will", "should"})) --q;
        const bool person = q > 0 && (In(T[q - 1].lower, {"anyone", "everyone", "people", "users", "members", "we", "you"}) ||
                                      lex::RoleOf(T[q - 1].lower) || IsPersonEntityWord(T[q - 1].lower));
        if (person) act = "report";
      }
      bool names_object = false;
      for (const auto& it : SplitItems(T, b, e, false)) {
        names_object = names_object || In(T[it.begin].lower, {"name", "title", "description", "model", "brand", "make"});
      }
      // ("players can report other players (...)": a plural of people is no column count here.)
      const bool thing = !LooksLikeAttribute(obj) || (obj.plural && IsPersonEntityWord(obj.words.back()));
      if (!act.empty() && !names_object && thing && !lex::IsNonEntity(obj.words.back())) {
        Chunk join = obj;
        join.words = {act};
        NameChunk(join);
        Note(join, 5.0, true, si);
        Note(obj, 2.0, false, si);
        lists_.push_back({join.name, si, b, e, true});
        continue;
      }
    }
    // ("timetable entries (weekday, class timing, subject, teacher)": a parenthesis after a plural
    // thing that names records the text has declared before lists its references.)
    if (!list && owner == &c && c.plural && j == c.end) {
      const auto items = SplitItems(T, b, e, false);
      size_t refs = 0;
      for (const auto& it : items) {
        const auto inner = ChunkTokens(T, it.begin, it.end);
        if (inner.size() != 1) continue;
        auto known = cands_.find(inner[0].name);
        if (known != cands_.end() && known->second.strong && inner[0].name != c.name) ++refs;
      }
      list = items.size() >= 3 && refs * 2 >= items.size();
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
        // "lots of independent servers (we call them pods)": the writer's own name for the thing.
        const std::string lead = Padded(JoinLower(T, b, inner[0].begin));
        // "a shift (optionally for a station)", "a unit (in a building)": a phrase behind a
        // preposition names another thing, not this one.
        bool behind_prep = false;
        for (size_t k = b; k < inner[0].begin; ++k) {
          behind_prep = behind_prep || In(T[k].lower, {"for", "in", "on", "at", "with", "by", "from", "to", "of", "per",
                                                       "under", "inside", "within", "without", "into"});
        }
        const bool writers_name =
            (lead.find(" call ") != std::string::npos || lead.find(" called ") != std::string::npos) &&
            !lex::IsNonEntity(naming::Singularize(inner[0].words.back()));
        // "subjects (we call it his specialties)" names the tutor's side of the relation, "a chain
        // (several locations)" counts other things, "membership (user <-> team)" names what it
        // joins: none is another name for the thing.
        // ("secretary (our receptionists)" is the writer's own name: an alias.)
        const bool possessive = lead.find(" his ") != std::string::npos || lead.find(" her ") != std::string::npos ||
                                lead.find(" their ") != std::string::npos || lead.find(" its ") != std::string::npos;
        // ("a food cooperative in Leipzig (about 60 households)": so does a rough count.)
        const bool rough = b + 1 < e && In(T[b].lower, {"about", "around", "approx", "approximately", "roughly", "over",
                                                        "nearly", "almost", "~"}) &&
                           T[b + 1].kind == Token::kNumber;
        const bool counted = In(T[b].lower, {"several", "many", "multiple", "some", "few", "numerous", "various"}) ||
                             T[b].kind == Token::kNumber || rough;
        bool joins = false;
        for (size_t k = b; k < e; ++k) joins = joins || In(T[k].text, {"<", ">", "<->", "->", "<-", "/"});
        if (!behind_prep && !possessive && !counted && !joins) {
          if (writers_name) {
            NoteAlias(c, inner[0]);
          } else {
            NoteAlias(inner[0], c);
          }
        }
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
    // ("customers call in and we note their name, phone number and address": what we note of
    // them is theirs.)
    const bool their = v + 2 < n && In(T[v - 1].lower, {"we", "i"}) && In(T[v + 1].lower, {"their", "his", "her"}) &&
                       In(T[v].lower, {"note", "record", "keep", "store", "take", "save", "log", "collect", "ask",
                                       "need", "want"});
    // ("for each animal we register the name, ear tag, ...": more verbs of keeping after a pronoun.)
    const bool we_keep = In(T[v - 1].lower, {"we", "they", "i"}) &&
                         In(T[v].lower, {"register", "note", "collect", "log", "save", "track", "want"});
    // Where the clause that holds `v` starts: after the last of `stops` before it.
    auto clause_start = [&](std::initializer_list<std::string_view> stops) {
      size_t start = 0;
      for (size_t k = 0; k < v; ++k) {
        if (In(T[k].text, stops)) start = k + 1;
      }
      return start;
    };
    // ("after each inspection the inspector logs the temperature and the pressure": what someone
    // logs after or during a thing is that thing's.)
    const Chunk* after_thing = nullptr;
    if (In(T[v].lower, {"logs", "notes", "records", "tracks", "enters", "writes"})) {
      size_t p = clause_start({".", ";", ",", ":"});
      while (p < v && In(T[p].lower, {"and", "then", "so"})) ++p;
      if (p < v && In(T[p].lower, {"after", "during", "following"})) {
        ++p;
        while (p < v && In(T[p].lower, {"the", "each", "every", "a", "an"})) ++p;
        const Chunk* thing = nullptr;
        const Chunk* doer = nullptr;
        for (const auto& c : chunks) {
          if (c.begin == p && c.depth == 0) thing = &c;
          if (c.end == v && c.depth == 0) doer = &c;
        }
        if (thing && doer && thing != doer && !LooksLikeAttribute(*thing) && !LooksLikeAttribute(*doer)) {
          after_thing = thing;
        }
      }
    }
    // ("each unit knows its blood type, component and expiry date": what a thing knows of itself.)
    const bool knows_its = v + 2 < n && In(T[v].lower, {"knows", "know", "remembers", "remember"}) &&
                           In(T[v + 1].lower, {"its", "their"});
    if (!their && !we_keep && !after_thing && !knows_its &&
        !In(T[v].lower, {"has", "have", "with", "contains", "contain", "records", "stores", "includes", "include",
                         "keeps", "holds", "tracks", "captures", "needs", "need", "store", "record", "keep"})) {
      continue;
    }
    // ("in the membership we keep the role and ...": "keep" only after a pronoun subject.)
    if (T[v].lower == "keep" && !In(T[v - 1].lower, {"we", "they", "you", "i"})) continue;
    const Chunk* subj = nullptr;
    for (const auto& c : chunks) {
      if (c.end > v) break;
      bool bridge = true;
      for (size_t k = c.end; k < v; ++k) {
        if (T[k].text == "(") {
          // ("students buy courses (we keep the price paid ...)": a verb inside a parenthesis
          // opened after the phrase is not the phrase's.)
          if (MatchParen(T, k, T.size()) > v) bridge = false;
          k = MatchParen(T, k, v);
          continue;
        }
        // ("every wash is logged with location, program, time and licence plate": a passive
        // before "with" says how the subject is kept.)
        const bool passive_with = T[v].lower == "with" && T[k].kind == Token::kWord &&
                                  (In(T[k].lower, {"is", "are", "gets", "get", "comes", "come"}) ||
                                   // ("batteries are tracked separately with a label": an adverb between.)
                                   (T[k].lower.size() > 5 && EndsWith(T[k].lower, "ly") && k + 1 == v &&
                                    k > 0 && EndsWith(T[k - 1].lower, "ed")) ||
                                   ((k + 1 == v || (k + 2 == v && T[k + 1].lower.size() > 5 &&
                                                    EndsWith(T[k + 1].lower, "ly"))) &&
                                    In(T[k].lower, {"logged", "recorded", "stored", "saved", "created", "registered",
                                                    "entered", "kept", "filed", "tracked", "captured", "opened",
                                                    "raised", "issued", "submitted", "placed", "booked", "sent",
                                                    "given", "received", "delivered", "returned"})));
        // ("several rooms, each with a theme, a difficulty and ...")
        const bool comma_each = T[k].text == "," && k + 2 == v && T[k + 1].lower == "each" && T[v].lower == "with";
        // ("donors register with blood type and contact info": what people sign up with is theirs.)
        const bool signs_up = T[v].lower == "with" && T[k].kind == Token::kWord &&
                              In(T[k].lower, {"register", "registers", "sign", "signs", "up", "enrol", "enrols",
                                              "enroll", "enrolls", "join", "joins", "apply", "applies"});
        if (!(T[k].kind == Token::kWord &&
              In(T[k].lower, {"can", "also", "always", "should", "must", "will", "usually", "then", "typically", "each",
                              "should", "may", "always", "both", "all", "just", "only", "then"})) &&
            !passive_with && !comma_each && !signs_up) {
          bridge = false;
        }
      }
      if (bridge) subj = &c;
    }
    // "Each hive belongs to an apiary and has a queen year": the clause subject has the list.
    // ("Every request belongs to a disaster (...), has a status ...": the same after a comma.)
    // ("members sign up with a name; a membership lasts a year and has a fee": the subject of
    // the clause after a ';'.)
    if (!subj && (T[v - 1].lower == "and" || T[v - 1].lower == "also" ||
                  (T[v - 1].text == "," && In(T[v].lower, {"has", "have"})))) {
      const size_t clause = clause_start({";"});
      for (const auto& c : chunks) {
        if (c.begin < clause) continue;
        if (c.begin <= clause + 2 && c.end < v) subj = &c;
        break;
      }
      // ("a game master runs each session and records the finish time and ...": what a person
      // records after acting on a thing is that thing's.)
      if (subj && In(T[v].lower, {"records", "record", "logs", "stores", "tracks", "keeps", "notes"}) &&
          (lex::RoleOf(subj->words.back()) || IsPersonEntityWord(subj->words.back()) || IsUserHead(*subj) ||
           lex::IsUserWord(subj->words.back()) ||
           In(naming::Singularize(subj->words.back()),
              {"master", "supervisor", "operator", "coordinator", "organiser", "organizer", "host", "guide",
               "receptionist", "clerk", "cashier", "waiter", "chef", "cook", "cleaner", "inspector", "auditor",
               "assessor", "examiner", "judge", "referee", "umpire", "dispatcher", "worker", "officer", "ranger"}))) {
        for (const auto& c : chunks) {
          if (c.begin > subj->begin && c.end < v && c.depth == 0 && !LooksLikeAttribute(c) &&
              !lex::RoleOf(c.words.back()) && !IsPersonEntityWord(c.words.back()) && !IsUserHead(c) &&
              !lex::IsNonEntity(c.words.back())) {
            subj = &c;
          }
        }
      }
    }
    if (after_thing) subj = after_thing;
    bool fronted = false;  // "..., in the membership we keep ...": the list is that phrase's
    bool each_we = false;  // "for every piece we track ...": the text says the list is kept per thing
    // ("we own a few hundred games; for each one we store the title, ...": "one" stands for the
    // plural before it.)
    if (!subj && v >= 4 && In(T[v - 1].lower, {"we", "they", "i"}) && T[v - 2].lower == "one" &&
        In(T[v - 3].lower, {"each", "every"}) && In(T[v - 4].lower, {"for", "of", "on"}) &&
        In(T[v].lower, {"store", "keep", "record", "track", "need", "save", "log", "have"})) {
      for (const auto& c : chunks) {
        if (c.end <= v - 4 && c.depth == 0 && c.plural && !LooksLikeAttribute(c) && !lex::IsNonEntity(c.words.back())) {
          subj = &c;
        }
      }
      fronted = subj != nullptr;
    }
    if (!subj && their) {
      // (The subject of the sentence: "trustees ... hold key shares; we store their public key".)
      const size_t clause = clause_start({".", "!", "?"});
      for (const auto& c : chunks) {
        if (c.begin < clause || c.end >= v) continue;
        if (c.begin <= clause + 2 && c.depth == 0 && c.plural && !LooksLikeAttribute(c) &&
            !lex::IsNonEntity(c.words.back())) {
          subj = &c;
        }
        break;
      }
      fronted = subj != nullptr;
    }
    // "for each attempt we store the gateway, the amount, ...": with a pronoun subject, the list
    // describes the thing "each" picks out.
    if (!subj && v >= 2 && In(T[v - 1].lower, {"we", "they", "you", "i"}) &&
        In(T[v].lower, {"store", "keep", "record", "track", "need", "save", "log", "register", "note", "collect",
                        "want"})) {
      for (const auto& c : chunks) {
        if (c.end + 1 != v && !(c.end + 2 == v && T[c.end].text == ",")) continue;
        size_t pb = c.begin;
        while (pb > 0 && In(T[pb - 1].lower, {"a", "an", "the"})) --pb;
        if (pb >= 2 && In(T[pb - 1].lower, {"each", "every"}) && In(T[pb - 2].lower, {"for", "on", "with", "in"})) {
          subj = &c;
          each_we = true;
        }
        if (pb >= 1 && T[pb - 1].lower == "per") {
          subj = &c;
          each_we = true;
        }
        // ("...; in the membership we keep the role and ...": a fronted "in the X" opening the clause.)
        if (pb >= 1 && pb < c.begin && In(T[pb - 1].lower, {"in", "for", "on", "with"}) &&
            (pb == 1 || (T[pb - 2].kind != Token::kWord && T[pb - 2].text != "("))) {
          subj = &c;
          fronted = true;
        }
      }
    }
    // ("The core thing is a flight. It has the user who took it, the departure airport, ...": a
    // pronoun opening the sentence stands for the first thing the sentence before named; "the
    // core thing", "the main part" name nothing.)
    Chunk antecedent;
    if (!subj && v == 1 && si > 0 && In(T[0].lower, {"it", "they"}) && In(T[v].lower, {"has", "have"})) {
      const auto& P = s_[si - 1].tokens;
      for (const auto& c : ChunkTokens(P, 0, P.size())) {
        if (c.depth == 0 && c.plural == (T[0].lower == "they") && !LooksLikeAttribute(c) &&
            !lex::IsNonEntity(c.words.back()) && !IsBadHead(c.words.back()) && !IsUserHead(c) && !lex::RoleOf(c.words.back())) {
          antecedent = c;
          break;
        }
      }
      if (!antecedent.name.empty()) {
        antecedent.begin = antecedent.end = 0;  // (it stands at the start of this sentence)
        subj = &antecedent;
        fronted = true;
      }
    }
    if (subj && !fronted) subj = WalkBack(T, chunks, subj);
    // ("Keepers are staff with a name, phone and certification level": what the subject is, with a
    // list, describes the subject.)
    if (subj && T[v].lower == "with" && subj->begin >= 2 && In(T[subj->begin - 1].lower, {"are", "is"})) {
      for (const auto& c : chunks) {
        if (c.end + 1 == subj->begin && c.depth == 0 && !LooksLikeAttribute(c) && !lex::IsNonEntity(c.words.back()) &&
            (c.begin == 0 || T[c.begin - 1].kind == Token::kPunct ||
             In(T[c.begin - 1].lower, {"the", "our", "all", "a", "an", "each", "every"}))) {
          subj = &c;
          break;
        }
      }
    }
    if (!subj || subj->depth != 0) continue;
    // ("people register with a username, email and password": the people who sign up are the
    // logins.)
    auto owner_name = [&]() -> std::string {
      bool signing_up = false;
      for (size_t k = subj->end; k < v; ++k) {
        signing_up = signing_up || In(T[k].lower, {"register", "registers", "sign", "signs", "enrol", "enroll"});
      }
      const bool login = IsUserHead(*subj) ||
                         (signing_up && In(subj->words.back(), {"people", "person", "persons", "everyone"}));
      return login ? "User" : subj->name;
    };
    // "Loans: an item goes out to a member with a due date": the attributes are the told record's.
    if (auto told = told_records_.find(si); told != told_records_.end() && T[v].lower == "with" &&
        subj->begin > told->second.end) {
      subj = &told->second;
    }
    // "doctors are assigned to wards with a start date": the attributes belong to the assignment
    // (relate.cc makes the join entity), not to the wards.
    if (T[v].lower == "with" && FollowsAct(T, subj->begin)) continue;
    // "leases link a tenant to an apartment with a start date": the attributes are the lease's.
    if (T[v].lower == "with") {
      bool link = false;
      for (size_t k = subj->begin > 12 ? subj->begin - 12 : 0; k < v; ++k) {
        link = link || In(T[k].lower, {"link", "links", "connect", "connects", "references", "ties", "tie", "pair", "pairs"});
      }
      if (link) continue;
    }
    size_t e = n;
    for (size_t k = v + 1; k < n; ++k) {
      if (T[k].text == ":" || T[k].text == ";" || in_list(k)) {
        e = k;
        break;
      }
    }
    // ("boards have columns, columns have cards, cards have a title, ...": each clause of a chain
    // has its own list.)
    if (In(T[v].lower, {"has", "have"})) {
      auto all = SplitItems(T, v + 1, e, false);
      for (size_t ii = 1; ii < all.size(); ++ii) {
        auto ch = ChunkTokens(T, all[ii].begin, all[ii].end);
        if (!ch.empty() && ch[0].begin <= all[ii].begin + 1 && ch[0].end < all[ii].end && ch[0].depth == 0 &&
            In(T[ch[0].end].lower, {"has", "have"})) {
          e = all[ii - 1].end;
          break;
        }
      }
    }
    auto items = SplitItems(T, v + 1, e, false);
    // "... with a default duration and a deadline, tracks (name, colour) and rooms (name,
    // capacity)": a plural item with its own parenthesised field list is a record of its own and
    // ends the attributes.
    for (size_t ii = 1; ii < items.size(); ++ii) {
      auto ch = ChunkTokens(T, items[ii].begin, items[ii].end);
      if (ch.empty() || !ch.front().plural || ch.front().begin > items[ii].begin + 1) continue;
      size_t open = ch.front().end;
      if (open >= items[ii].end || T[open].text != "(") continue;
      size_t close = MatchParen(T, open, items[ii].end);
      if (SplitItems(T, open + 1, close, false).size() < 3 || !LooksLikeFieldList(T, open + 1, close)) continue;
      e = items[ii].begin;
      while (e > v + 1 && (T[e - 1].text == "," || T[e - 1].lower == "and")) --e;
      items.resize(ii);
      break;
    }
    // "Performances have a date.", "Keys have a description.": one attribute that ends the clause
    // is a list of one; one record ("users have a profile") is not.
    if (items.size() == 1 && In(T[v].lower, {"has", "have", "with"})) {
      auto ch = ChunkTokens(T, items[0].begin, items[0].end);
      // ("a plan has a number of free hours": a count of things is one attribute too.)
      size_t q0 = items[0].begin;
      while (q0 < items[0].end && In(T[q0].lower, {"a", "an", "the"})) ++q0;
      const bool count = q0 + 2 < items[0].end &&
                         ((In(T[q0].lower, {"number", "count"}) && T[q0 + 1].lower == "of") ||
                          (T[q0].lower == "how" && T[q0 + 1].lower == "many"));
      const bool lone_attribute = ((ch.size() == 1 && !ch[0].plural && LooksLikeAttribute(ch[0]) &&
                                    ch[0].begin <= items[0].begin + 1 && ch[0].end == items[0].end) ||
                                   count) &&
                                  items[0].end == e &&
                                  (items[0].end >= T.size() || In(T[items[0].end].text, {".", ";", "!"}));
      // ("links with a custom alias"; not "1 to 5 stars with a comment", "a small table with a
      // name", "a log with the date": a count, a word for a table, or a log is no record here.)
      const bool with_ok = T[v].lower != "with" ||
                           (!IsBadHead(subj->words.back()) && !In(subj->words.back(), {"log", "logs"}) &&
                            !(subj->begin > 0 && T[subj->begin - 1].kind == Token::kNumber));
      if (lone_attribute && with_ok) {  // (the sentence may go on after a ';': "Shops have a name; ...")
        const std::string owner = owner_name();
        if (owner == subj->name) Note(*subj, 4.0, true, si);
        lists_.push_back({owner, si, v + 1, items[0].end});
        continue;
      }
    }
    if (items.size() < 2) continue;
    // "A wedding planning app with guests, RSVPs, tables, seating assignments, gifts and vendors":
    // the product's list of records.
    if (T[v].lower == "with" && (IsBadHead(subj->words.back()) || lex::IsNonEntity(subj->words.back())) &&
        NoteRecordList(si, items)) {
      continue;
    }
    // ("A bakery with products, orders, customers and deliveries", "We're a dental clinic with
    // patients, ...": the business the description opens with, and its records.)
    if (T[v].lower == "with" && si == 0 && subj == &chunks.front() && !subj->plural &&
        NoteRecordList(si, items)) {
      setting_heads_.insert(si * 1000 + subj->begin);
      continue;
    }
    // "... a postal-code pattern, and switches for whether it accepts new members, online payments
    // and appointments": the items after a subordinate clause opens are that clause's, not the list's.
    size_t counted = items.size();
    for (size_t ii = 0; ii < items.size() && counted == items.size(); ++ii) {
      for (size_t k = items[ii].begin; k < items[ii].end; ++k) {
        if (T[k].text == "(") k = MatchParen(T, k, items[ii].end);  // "(a list ordered that we manage)"
        if (k < items[ii].end && In(T[k].lower, {"whether", "if", "which", "who", "that", "when"})) {
          // ("the user who took it, the departure airport, ...": a relative clause right after the
          // first item's noun qualifies that item; the list goes on.)
          const bool relative = ii == 0 && k > items[ii].begin && T[k - 1].kind == Token::kWord &&
                                In(T[k].lower, {"who", "which", "that"}) && items.size() >= 4 &&
                                !lex::IsStopword(T[k - 1].lower);
          if (relative) break;
          counted = ii + 1;
          break;
        }
      }
    }
    int fieldish = 0;
    // ("songs have a title, a key and roughly how long they are": a "how long / how much" item and a
    // plain singular word that names no known record or person read as columns beside a column.)
    int plain = 0;
    const Chunk* first_entity = nullptr;
    for (size_t ii = 0; ii < counted; ++ii) {
      {
        size_t q = items[ii].begin;
        while (q < items[ii].end && In(T[q].lower, {"and", "roughly", "about", "also", "approximately"})) ++q;
        if (q + 1 < items[ii].end && T[q].lower == "how" &&
            In(T[q + 1].lower, {"long", "much", "often", "far", "big", "old", "heavy", "tall"})) {
          ++plain;
          continue;
        }
      }
      auto ch = ChunkTokens(T, items[ii].begin, items[ii].end);
      if (ch.empty()) continue;
      // ("a set of opening hours", "a list of allergies": the things the set holds.)
      if (ch.size() >= 2 && ch[0].words.size() == 1 && In(ch[0].words[0], {"set", "list", "range", "couple"}) &&
          ch[0].end + 1 == ch[1].begin && T[ch[0].end].lower == "of" && LooksLikeAttribute(ch[1])) {
        ++fieldish;
        continue;
      }
      const Chunk& h = ch.front();
      const bool bare = (h.begin == items[ii].begin ||
                         (h.begin == items[ii].begin + 1 && In(T[items[ii].begin].lower, {"a", "an", "the", "its"}))) &&
                        h.end == items[ii].end;
      if (ii > 0 && !h.plural && h.words.size() == 1 && bare && !LooksLikeAttribute(h) &&
          !lex::RoleOf(h.words.back()) && !IsPersonEntityWord(h.words.back()) && !IsUserHead(h) &&
          !lex::IsUserWord(h.words.back()) && !IsGenericDependent(h.words.back()) && !KnownEntity(h.name) &&
          !accepted_.count(h.name)) {
        ++plain;
      }
      // "ticket types", "contract options": a plural compound is a thing even when its head is
      // an attribute word on its own.
      // "has many ingredients": a quantified plural is a collection of records, whatever its word.
      // ("posts have comments with a body and an author": a dependent with its own attributes too.)
      const bool own_attrs = h.end < e && T[h.end].lower == "with";
      // ("patients have a care plan with a start date and an end date": one thing with its own
      // attributes is a record too.)
      const bool single_record = !h.plural && own_attrs && ii == 0 && !LooksLikeAttribute(h) &&
                                 !lex::IsNonEntity(h.words.back()) && !IsBadHead(h.words.back()) &&
                                 !IsGenericDependent(h.words.back()) && !IsUserHead(h) &&
                                 SplitItems(T, h.end + 1, EndBeforeClause(T, h.end + 1, e), false).size() >= 2;
      bool entityish = single_record ||
                       (h.plural &&
                        (!lex::IsFieldWord(h.words.back()) || h.words.size() >= 2 || h.quantified || own_attrs) &&
                        (!IsGenericDependent(h.words.back()) || own_attrs) &&
                        (h.quantified || own_attrs || lex::InferFieldType(h.words).type == spec::FieldType::kString));
      if (ii == 0 && entityish) first_entity = &ch.front();
      if (!entityish && LooksLikeAttribute(h)) ++fieldish;
      if (ii == 0 && entityish) {
        // "Each event has ticket types with a price, how many are available, ...": the list after
        // "with" belongs to the ticket types.
        Chunk te = h;
        Note(te, 3.0, false, si);
        links_.push_back({subj->name, te.name, "a_has_b", ""});
        for (size_t k = te.end; k < e; ++k) {
          // ("users have lists, lists have tasks with a title": a "with" past another verb is that
          // clause's.)
          if (T[k].text == "(") k = MatchParen(T, k, e);
          if (k < e && In(T[k].lower, {"has", "have"})) break;
          if (k < e && T[k].lower == "with") {
            size_t le = EndBeforeClause(T, k + 1, e);
            // "many ingredients with quantity and unit, and steps in order": a plural thing after
            // ", and" is the subject's next collection, not a column of the first.
            auto sub = SplitItems(T, k + 1, le, false);
            for (size_t q = 1; q < sub.size(); ++q) {
              auto qc = ChunkTokens(T, sub[q].begin, sub[q].end);
              if (qc.empty()) continue;
              // (", and a log of visits (date, hours)": a log or list of things is those things.)
              if (qc.size() >= 2 && qc[0].words.size() == 1 &&
                  In(qc[0].words[0], {"log", "list", "history", "record", "set", "series", "timeline"}) &&
                  qc[0].end + 1 == qc[1].begin && T[qc[0].end].lower == "of" && qc[1].plural) {
                Chunk listed = qc[1];
                listed.begin = qc[0].begin;
                qc.erase(qc.begin());
                qc[0] = listed;
              }
              bool comma = false, conj = false;
              for (size_t t = sub[q - 1].end; t < qc[0].begin; ++t) {
                comma = comma || T[t].text == ",";
                conj = conj || T[t].lower == "and";
              }
              // Text-like plurals ("steps", "ingredients") are collections here.
              bool attribute = LooksLikeAttribute(qc[0]) && lex::InferFieldType(qc[0].words).type != spec::FieldType::kText;
              if (!comma || !conj || qc[0].begin > sub[q].begin + 1 || !qc[0].plural || attribute ||
                  lex::IsNonEntity(qc[0].words.back())) {
                continue;
              }
              le = sub[q - 1].end;
              Note(qc[0], 3.0, false, si);
              links_.push_back({subj->name, qc[0].name, "a_has_b", ""});
              break;
            }
            Note(te, 4.0, true, si);
            lists_.push_back({te.name, si, k + 1, le});
            break;
          }
        }
        break;
      }
    }
    // ("users have lists, lists have tasks with ...": the next clause may have its own list.)
    if (first_entity) continue;
    const bool having = In(T[v].lower, {"has", "have"});
    // ("for every piece we track the clay body, the glaze used, who made it and which kiln load it
    // was fired in": what is kept per thing is its list, whatever its words.)
    if (fieldish * 2 >= static_cast<int>(counted) ||
        (having && fieldish >= 1 && (fieldish + plain) * 2 > static_cast<int>(counted)) ||
        (each_we && counted >= 2)) {
      const std::string owner = owner_name();
      if (owner == subj->name) Note(*subj, 4.0, true, si);
      lists_.push_back({owner, si, v + 1, EndBeforeClause(T, v + 1, e)});
      // ("revenues and payments have a date and an amount": both subjects have the list.)
      if (subj->plural && subj->begin >= 2 && T[subj->begin - 1].lower == "and") {
        for (const auto& c : chunks) {
          if (c.end + 1 != subj->begin || !c.plural || c.depth != 0 || c.words.size() > 2) continue;
          const bool opens = c.begin == 0 || T[c.begin - 1].kind == Token::kPunct;
          if (!opens || LooksLikeAttribute(c) || lex::IsNonEntity(c.words.back()) || IsUserHead(c) ||
              lex::RoleOf(c.words.back()) || c.name == subj->name) {
            continue;
          }
          Note(c, 4.0, true, si);
          lists_.push_back({c.name, si, v + 1, EndBeforeClause(T, v + 1, e)});
        }
      }
      // ("...; each ticket has a price and a seat": a clause after a ';' may have its own list.)
      size_t next = v + 1;
      while (next < n && T[next].text != ";") ++next;
      if (next >= n) return;
      v = next;
      continue;
    }
  }
}

void Extractor::ProductList(size_t si) {
  const auto& T = s_[si].tokens;
  // ("Bikes, customers, rentals.": a sentence that is only a list of things lists the records.)
  // (A "label: a, b, c" line is the colon's business.)
  const bool bare_list = std::none_of(T.begin(), T.end(), [](const Token& t) {
    return (t.kind == Token::kWord && (lex::IsVerb(t.lower) || lex::IsStopword(t.lower)) && t.lower != "and") ||
           t.text == ":" || t.text == "(";
  });
  // ("... plumbing business? Quotes, invoices, and the addresses of every property": in a short
  // request, a sentence that opens with a list lists records too.)
  const bool opens_list = short_text_ && T.size() > 2 && T[0].kind == Token::kWord && T[1].text == "," &&
                          !lex::IsStopword(T[0].lower) && !lex::IsVerb(T[0].lower);
  size_t from = bare_list || opens_list ? 0 : T.size();
  for (size_t v = 0; si == 0 && from != 0 && v < T.size(); ++v) {
    if (In(T[v].lower, {"manage", "manages", "track", "tracks", "organize", "organise", "organizes", "organises",
                        "handle", "handles", "store", "stores", "keep", "keeps", "administer", "run"})) {
      from = v + 1;
      break;
    }
    // ("we want to record ...", "needs to catalogue ...": verbs that are nouns too, after a subject or "to".)
    if (v > 0 && In(T[v].lower, {"record", "log", "catalogue", "catalog", "register"}) &&
        In(T[v - 1].lower, {"to", "we", "i", "and"})) {
      from = v + 1;
      break;
    }
    // ("A choir wants a backend for concerts, songs, singers and rehearsals": so does what the
    // product is for.)
    if (T[v].lower == "for" && v > 0 && IsProductWord(T[v - 1].lower)) {
      from = v + 1;
      break;
    }
  }
  if (from < T.size()) NoteRecordList(si, SplitItems(T, from, T.size(), false));
}

bool Extractor::NoteRecordList(size_t si, const std::vector<Item>& items, bool setting) {
  if (items.size() < 3) return false;
  const auto& T = s_[si].tokens;
  int things = 0, attrs = 0;
  std::vector<Chunk> heads;
  bool examples = false;  // "activities like calls and meetings": the items after "like" are kinds
  for (const auto& it : items) {
    if (examples) break;
    for (size_t k = it.begin; k < it.end; ++k) examples = examples || IsExampleCue(T, k);
    auto ch = ChunkTokens(T, it.begin, it.end);
    if (ch.empty() || ch.front().begin > it.begin + 2) continue;
    const Chunk& h = ch.front();
    // (People are listed records here, not counts: "guests", "players"; so is a plural with a
    // field list of its own: "rooms (number, type, price)".)
    const bool own_list = h.plural && h.end < it.end && T[h.end].text == "(";
    if (LooksLikeAttribute(h) && !lex::RoleOf(h.words.back()) && !own_list) {
      ++attrs;
    } else if ((h.plural || IsPerRecord(T, h.end) ||  // ("the donor of each": one per listed record)
                In(h.words.back(), {"aircraft", "crew", "equipment", "personnel", "cattle", "sheep",
                                    "livestock"})) &&  // (nouns whose plural is the singular)
               ((!lex::IsNonEntity(h.words.back()) && !IsBadHead(h.words.back())) ||
                h.words.back() == "tables")) {  // (seating tables among records)
      ++things;
      heads.push_back(h);
    }
  }
  const int n_items = static_cast<int>(items.size());
  // (Under a setting the writer named, "Our hockey league needs: teams, players with jersey numbers,
  // ...", half the items being things is enough.)
  // (In a short request under a named setting, columns may trail the records: "Tailor: customer
  // measurements, alteration orders, due dates, prices".)
  if (things < (short_text_ ? 2 : 3) || (setting ? things * 2 < n_items : things * 3 < n_items * 2) ||
      (attrs * 5 > n_items + (setting || short_text_ ? 3 : 0) && !(setting && short_text_))) {
    return false;
  }
  for (const auto& h : heads) {
    Note(h, 3.0, IsListedPerson(h.words.back()), si);
    if (!h.name.empty()) cands_[IsUserHead(h) ? "User" : h.name].listed = true;
  }
  return true;
}

}  // namespace bf::analyze
