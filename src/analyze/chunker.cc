#include "analyze/chunker.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "analyze/extract.h"
#include "analyze/extract_util.h"
#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

bool IsDeterminer(std::string_view w) {
  return w == "a" || w == "an" || w == "the" || w == "each" || w == "every" || w == "one" || w == "its" ||
         w == "their" || w == "his" || w == "her" || w == "our" || w == "my" || w == "your" || w == "this" ||
         w == "that";
}

// Words ending like participles or adverbs that are not known nouns: treated as non-nouns.
bool LooksNonNoun(const std::string& w) {
  if (lex::IsNounVerb(w)) return false;
  // Participles that name a kind of record ("recurring invoices", "incoming shipments").
  if (w == "recurring" || w == "repeating" || w == "incoming" || w == "outgoing") return false;
  if (w.size() > 4 && EndsWith(w, "ing")) return true;
  if (w.size() > 4 && EndsWith(w, "ed") && !EndsWith(w, "eed")) return true;
  if (w.size() > 4 && EndsWith(w, "ly") && w != "family" && w != "supply" && w != "assembly" && w != "anomaly" &&
      w != "reply" && w != "ally" && w != "rally" && w != "italy" && w != "butterfly") {
    return true;
  }
  return false;
}

// naming::Singularize / LooksPlural walk tables of irregular words; chunking asks about the same
// few hundred words many times per analysis, so answers are memoized per thread.
struct WordInfo {
  std::string singular;
  bool plural = false;
  bool noun_or_verb = false;  // see NounOrVerb
};

const WordInfo& Info(const std::string& w) {
  static thread_local std::unordered_map<std::string, WordInfo> cache;
  auto it = cache.find(w);
  if (it != cache.end()) return it->second;
  if (cache.size() > 20000) cache.clear();
  WordInfo info;
  info.noun_or_verb = lex::MayBeVerb(w);
  if (w == "media" || w == "data" || w == "metadata") {  // mass nouns in practice ("media table")
    info.singular = w;
    return cache.emplace(w, std::move(info)).first->second;
  }
  info.singular = naming::Singularize(w);
  std::string tail = w.find('-') != std::string::npos ? w.substr(w.rfind('-') + 1) : w;
  info.plural = naming::LooksPlural(tail) || tail == "people" || tail == "children";
  return cache.emplace(w, std::move(info)).first->second;
}

bool IsPluralWord(const std::string& w) { return Info(w).plural; }

// A word that can be a noun or a verb: the lexicon's list, or a word that is mainly a verb in
// WordNet ("oversee", "remembers", "configure"). Context decides which it is here.
bool NounOrVerb(const std::string& w) { return Info(w).noun_or_verb; }

// "planting", "sitting", "booking" are a word with -ing ("plant", "sit", "book"); "spring",
// "string", "morning" are not.
bool IsIngOfVerb(const std::string& w) {
  std::string stem = w.substr(0, w.size() - 3);
  auto verb = [](const std::string& v) {
    return lex::IsVerb(v) || lex::MayBeVerb(v) || lex::IsEnglishWord(v);
  };
  if (verb(stem) || verb(stem + "e")) return true;
  return stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2] && verb(stem.substr(0, stem.size() - 1));
}

}  // namespace

std::string EntityName(const std::vector<std::string>& words) {
  std::vector<std::string> parts;
  for (const auto& w : words) {
    for (auto& p : Split(w, '-')) {
      for (auto& q : Split(p, '_')) {
        if (!q.empty()) parts.push_back(q);
      }
    }
  }
  if (parts.empty()) return "";
  if (parts.size() > 3) parts.erase(parts.begin(), parts.end() - 3);
  parts.back() = Info(ToLower(parts.back())).singular;
  std::string out;
  for (const auto& p : parts) {
    std::string c = ToLower(p);
    bool alnum = std::all_of(c.begin(), c.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); });
    if (!alnum || c.empty()) continue;
    c[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(c[0])));
    out += c;
  }
  if (!out.empty() && !std::isalpha(static_cast<unsigned char>(out[0]))) return "";
  return out;
}

void NameChunk(Chunk& c) {
  std::vector<std::string> words = c.words;
  // "file attachments", "file uploads": the qualifier restates what the head already is.
  if (words.size() == 2 && (words[0] == "file" || words[0] == "files") &&
      (StartsWith(words[1], "attachment") || StartsWith(words[1], "upload"))) {
    words.erase(words.begin());
  }
  // ("each org defines its items", "org memberships", "a doc type": the short word is the record's
  // name in full; a head word after another word stays as written: "API docs".)
  if (!words.empty()) {
    static const std::map<std::string, std::string, std::less<>> kShort = {
        {"org", "organization"}, {"orgs", "organizations"}, {"doc", "document"}, {"docs", "documents"}};
    if (auto it = kShort.find(words.front()); it != kShort.end()) words.front() = it->second;
  }
  // "a user account", "a login account" (login read as user): the account is the user.
  if (words.size() == 2 && (words[0] == "user" || words[0] == "users") && StartsWith(words[1], "account")) {
    words = {words[1] == "accounts" ? "users" : "user"};
  }
  // ("out-of-scope assets", "a drag-and-drop editor", "in-app notifications": a hyphenated phrase
  // that qualifies the head says what kind it is and is no part of its name; "to-do lists" and
  // "check-in desks" keep theirs.)
  if (words.size() >= 2) {
    auto qualifier = [](const std::string& w) {
      if (w.find('-') == std::string::npos) return false;
      const auto parts = Split(w, '-');
      // ("multiple-choice questions", "free-form notes", "open-water swims": so does an adjective
      // compound.)
      if (parts.size() == 2) {
        return In(parts[0], {"in", "on", "off", "out", "at", "multiple", "free", "open", "full", "part", "long",
                             "short", "high", "low", "single", "double", "real", "well", "one", "two"});
      }
      return parts.size() >= 3 && std::any_of(parts.begin() + 1, parts.end() - 1, [](const std::string& p) {
               return In(p, {"of", "and", "in", "to", "on", "by", "for", "the", "a", "or", "per", "at", "as"});
             });
    };
    words.erase(std::remove_if(words.begin(), words.end() - 1, qualifier), words.end() - 1);
  }
  bool collection = false;
  if (words.size() >= 2 && !c.identifier) {
    const std::string& last = words.back();
    const std::string& prev = words[words.size() - 2];
    // ("time records": a time alone is no record, TimeRecord stays.)
    bool adjective = EndsWith(prev, "al") || EndsWith(prev, "ic") || EndsWith(prev, "ive") || EndsWith(prev, "ous") ||
                     (words.size() == 2 && (prev == "time" || prev == "hour" || prev == "hours"));
    if ((last == "record" || last == "records" || last == "row" || last == "rows" || last == "info") && !adjective) {
      words.pop_back();
    } else if (words.size() >= 3 && (last == "history" || last == "histories" || last == "log" || last == "logs")) {
      words.pop_back();  // "job title history" -> JobTitle
    } else if (last == "collection" && !adjective) {
      words.pop_back();  // "my board game collection": the games, many of them
      collection = true;
    }
  }
  c.name = EntityName(words);
  std::vector<std::string> parts;
  for (const auto& w : words) {
    for (auto& p : Split(w, '-')) {
      if (!p.empty()) parts.push_back(p);
    }
  }
  if (parts.size() > 3) parts.erase(parts.begin(), parts.end() - 3);
  if (!parts.empty()) parts.back() = Info(parts.back()).singular;
  c.phrase = Join(parts, " ");
  c.plural = collection || (!c.words.empty() && IsPluralWord(c.words.back()));
}

std::vector<Chunk> ChunkTokens(const std::vector<Token>& toks, size_t begin, size_t end) {
  std::vector<Chunk> out;
  Chunk cur;
  bool open = false;
  int depth = 0;
  bool pending_quant = false, pending_single = false;
  size_t plural_closed_at = static_cast<size_t>(-1);
  auto flush = [&](size_t at) {
    if (open && !cur.words.empty()) {
      cur.end = at;
      // ("EventStatusLog: ..." names a table as one identifier.)
      bool joined = cur.words.size() >= 2 && cur.end == cur.begin + cur.words.size();
      for (size_t k = cur.begin + 1; joined && k < cur.end; ++k) joined = toks[k].joined;
      cur.identifier = joined;
      NameChunk(cur);
      // ("plants belong to species", "track species"): a word with one form for both numbers is
      // plural after a word that does not count one (in a list it stays a column: "title, series").
      if (!cur.plural && cur.words.size() == 1 && (cur.words[0] == "species" || cur.words[0] == "series") &&
          cur.begin > 0 && toks[cur.begin - 1].kind == Token::kWord &&
          !In(toks[cur.begin - 1].lower, {"a", "an", "one", "each", "every", "this", "that", "per", "single", "any"})) {
        cur.plural = true;
      }
      // ("the shopping list the packers follow": when the noun turned out a verb, the gerund
      // alone names nothing.)
      const bool lone_gerund = cur.words.size() == 1 && lex::IsActivityGerund(cur.words[0]);
      if (!cur.name.empty() && !lone_gerund) out.push_back(cur);
    }
    cur = Chunk{};
    open = false;
  };
  end = std::min(end, toks.size());
  // A verb among the sentence's words before `upto` ("buyers can save listings, message ..."):
  // the words after it continue a series of verbs. With `agreeing`, a noun/verb right after a
  // plural counts too ("participants register, form teams").
  auto verb_before = [&](size_t upto, bool agreeing = false) {
    for (size_t q = begin; q < upto; ++q) {
      if (lex::IsVerb(toks[q].lower)) return true;
      if (agreeing && q > begin && lex::IsNounVerb(toks[q].lower) && IsPluralWord(toks[q - 1].lower) &&
          !lex::IsNounVerb(toks[q - 1].lower)) {
        return true;
      }
    }
    return false;
  };
  // ("each child speaks one or more languages", "a hive houses several colonies": an -s word the
  // lexicon does not know, right after a singular subject opened by "each" / "a" / "the" and before a
  // quantity or determiner (after "each" / "every", before a preposition too), is the subject's verb,
  // not the second word of its name.)
  auto unknown_s_verb = [&](size_t j) {
    const std::string& v = toks[j].lower;
    return j >= begin + 2 && j + 1 < end && toks[j].kind == Token::kWord && v.size() >= 4 && EndsWith(v, "s") &&
           !EndsWith(v, "ss") && !EndsWith(v, "us") && !EndsWith(v, "is") && !lex::IsStopword(v) &&
           toks[j - 1].kind == Token::kWord && !lex::IsStopword(toks[j - 1].lower) &&
           !lex::IsVerb(toks[j - 1].lower) &&
           (!EndsWith(toks[j - 1].lower, "s") || EndsWith(toks[j - 1].lower, "ss")) &&
           ((In(toks[j - 2].lower, {"each", "every", "a", "an", "one", "the"}) &&
             In(toks[j + 1].lower, {"a", "an", "one", "several", "many", "multiple", "some", "two", "three", "its",
                                    "their", "his", "her", "any", "exactly", "zero", "the"})) ||
            // ("each trail passes through several regions": after "each", before a preposition.)
            (In(toks[j - 2].lower, {"each", "every"}) &&
             In(toks[j + 1].lower, {"through", "into", "from", "with", "in", "on", "at", "across", "along", "over",
                                    "under", "between", "to", "for", "by"})));
  };
  for (size_t i = begin; i < end; ++i) {
    const Token& t = toks[i];
    const std::string& w = t.lower;
    if (t.kind != Token::kWord) {
      if (t.text == "(") ++depth;
      if (t.text == ")" && depth > 0) --depth;
      // Hyphenated compounds split by spaces are rare; any punctuation ends a chunk.
      flush(i);
      if (t.text != "-") pending_quant = pending_single = false;
      continue;
    }
    // "StudentAttempt": the later parts of one camelCase word continue its chunk, whatever they
    // could be on their own ("attempt" is also a verb).
    if (t.joined && open && i > begin && toks[i - 1].kind == Token::kWord) {
      cur.words.push_back(w);
      continue;
    }
    // "per-product", "non-deductible": qualifiers, not nouns.
    // ("a Postman-like API client", "Slack-style channels": a likeness is a qualifier too.)
    bool qualifier = StartsWith(w, "per-") || StartsWith(w, "non-") || StartsWith(w, "multi-") ||
                     StartsWith(w, "self-") ||
                     (w.size() > 5 && (EndsWith(w, "-like") || EndsWith(w, "-style") || EndsWith(w, "-ish")));
    bool content = !qualifier && !lex::IsStopword(w) && !lex::IsVerb(w) && !lex::IsModifier(w) && !LooksNonNoun(w);
    // A verb's base form, which some places make a noun.
    const bool base_verb = !qualifier && lex::IsVerb(w) && !lex::IsStopword(w) && !lex::IsModifier(w) &&
                           !LooksNonNoun(w) && !EndsWith(w, "s");
    // "sleep (start, end)": a word that owns a parenthesised list is a noun, whatever else it can be.
    // ("nothing fancy with permissions", "something simple": a word right after an indefinite
    // pronoun describes it.)
    if (content && i > begin && In(toks[i - 1].lower, {"nothing", "something", "anything", "everything"})) {
      content = false;
    }
    // ("Sleep: start and end, duration computed": so does one opening its sentence as a label.)
    if (!content && base_verb && i + 2 < end && (toks[i + 1].text == "(" || (i == begin && toks[i + 1].text == ":")) &&
        toks[i + 2].kind == Token::kWord) {
      content = true;
    }
    // "leave types", "annual leave": leave before an absence noun or after a kind of absence is the
    // absence ("guests leave reviews" keeps the verb).
    if (!content && w == "leave" &&
        ((i + 1 < end && In(toks[i + 1].lower, {"type", "types", "request", "requests", "balance", "balances", "policy",
                                                 "policies", "allowance", "allowances", "entitlement", "entitlements",
                                                 "days", "period", "periods", "approval", "approvals", "notification",
                                                 "notifications", "alert", "alerts", "event", "events"})) ||
         (i > begin && In(toks[i - 1].lower, {"annual", "sick", "parental", "maternity", "paternity", "unpaid", "paid",
                                               "study", "compassionate", "approved", "pending"})))) {
      content = true;
    }
    // ("each item follows a borrow policy", "a pay rate": so does one between a determiner and a noun,
    // which it qualifies; "a member places a hold on an item": and one after "a" before a preposition
    // or the end of the clause, which it is. "a login account" stays the login.)
    if (!content && base_verb && w != "login" && i > begin) {
      const std::string& prev = toks[i - 1].lower;
      const bool next_word = i + 1 < end && toks[i + 1].kind == Token::kWord;
      const std::string next = i + 1 < end ? toks[i + 1].lower : std::string();
      const bool qualifies = In(prev, {"a", "an", "the", "each", "every"}) && next_word && !lex::IsStopword(next) &&
                             !lex::IsVerb(next) && !lex::IsModifier(next) && !LooksNonNoun(next);
      const bool names = In(prev, {"a", "an"}) &&
                         (i + 1 >= end || toks[i + 1].kind == Token::kPunct ||
                          In(next, {"on", "of", "for", "with", "per", "in", "at", "from", "and", "or"}));
      if (qualifies || names) content = true;
    }
    // ("Like OpenTable, but for booking courts", "- log swims, routes and bests": a gerund after "for"
    // or "by", and a noun-verb that opens a clause, take the plural after them as their object;
    // gerunds that name an activity, "a shopping list", still qualify.)
    if (content && i + 1 < end && toks[i + 1].kind == Token::kWord && EndsWith(toks[i + 1].lower, "s") &&
        !lex::IsStopword(toks[i + 1].lower) && !lex::IsVerb(toks[i + 1].lower)) {
      const bool gerund_object = i > begin && In(toks[i - 1].lower, {"for", "by"}) && w.size() > 5 &&
                                 EndsWith(w, "ing") && IsIngOfVerb(w) && !lex::IsActivityGerund(w);
      const bool opening_verb = In(w, {"log", "record", "track"}) &&
                                (i == begin || (toks[i - 1].kind == Token::kPunct && toks[i - 1].text != "(" &&
                                                toks[i - 1].text != "'s"));
      if (gerund_object || opening_verb) content = false;
    }
    // "each login owns websites", "create other logins": after a determiner the verb is a login,
    // that is a user.
    bool login_noun = false;
    if (!content && (w == "login" || w == "logins") && i > begin &&
        (IsDeterminer(toks[i - 1].lower) || toks[i - 1].lower == "other" || toks[i - 1].lower == "many" ||
         toks[i - 1].lower == "several")) {
      content = login_noun = true;
    }
    // ("login attempts per session", "login history": before a record of logging in it names it.)
    if (!content && w == "login" && i + 1 < end &&
        In(toks[i + 1].lower, {"attempt", "attempts", "history", "histories", "event", "events", "session", "sessions",
                                "record", "records", "audit", "audits"})) {
      content = true;
    }
    // "I log a planting - which crop", "each booking for a room": an -ing word after "a"/"each" and
    // before no other noun is a thing ("an existing user" qualifies the user).
    if (!content && !qualifier && w.size() > 5 && EndsWith(w, "ing") && LooksNonNoun(w) && IsIngOfVerb(w) &&
        i > begin &&
        (toks[i - 1].lower == "a" || toks[i - 1].lower == "an" || toks[i - 1].lower == "each" ||
         toks[i - 1].lower == "every") &&
        (i + 1 >= end || toks[i + 1].kind != Token::kWord || lex::IsStopword(toks[i + 1].lower)) &&
        !(i + 1 < end && toks[i + 1].lower == "to" && In(toks[i - 1].lower, {"each", "every"}))) {
      // ("subgroups, each belonging to one parent group", "choices, each referring to an option":
      // before "to" it is the verb of an elided clause.)
      content = true;
    }
    // "an accounting code", "a coworking day", "a shopping list": a gerund that names an activity
    // qualifies the noun after it (participles such as "existing" or "pending" stay qualifiers
    // that are dropped).
    if (!content && !qualifier && i + 1 < end && toks[i + 1].kind == Token::kWord &&
        !lex::IsStopword(toks[i + 1].lower) && !lex::IsVerb(toks[i + 1].lower) && lex::IsActivityGerund(w)) {
      content = true;
    }
    // "parent", "child" qualify a following noun ("child docs") but head a phrase of their
    // own when nothing follows ("for each child we log ...").
    if (!content && !qualifier && lex::IsModifier(w) &&
        (w == "parent" || w == "child") &&
        (i + 1 >= end || toks[i + 1].kind != Token::kWord || lex::IsStopword(toks[i + 1].lower) ||
         lex::IsVerb(toks[i + 1].lower) || unknown_s_verb(i + 1))) {
      content = true;
    }
    if (content && i >= begin + 2 && toks[i - 1].lower == "to" &&
        In(toks[i - 2].lower, {"want", "wants", "need", "needs", "have", "has", "able", "going", "like", "try", "tries",
                               "used", "allowed", "possible", "how", "plan", "plans", "hope", "decide", "wish",
                               "wanted", "needed", "trying", "easy", "hard"})) {
      content = false;  // "we want to replace ...": an infinitive
    }
    // ("I want upload photos", "we need track orders": learner English leaves out the "to".)
    if (content && NounOrVerb(w) && !EndsWith(w, "s") && i >= begin + 2 &&
        In(toks[i - 1].lower, {"want", "wants", "need", "needs"}) &&
        In(toks[i - 2].lower, {"i", "we", "they", "you", "also", "really", "just"})) {
      content = false;
    }
    if (content && NounOrVerb(w) && i > begin && toks[i - 1].kind == Token::kWord &&
        (lex::IsStopword(toks[i - 1].lower) || toks[i - 1].lower == "also") &&
        In(toks[i - 1].lower, {"we", "they", "i", "you", "he", "she", "it", "can", "may", "will", "should", "must",
                               "to", "cannot", "could", "would", "then", "please", "let", "lets", "also", "just",
                               "only", "always", "often", "never", "usually", "who", "whoever", "which", "that",
                               "dont"})) {
      // ("there is also transport jobs", "it has also comment threads": after a copula or "has",
      // "also" is an adverb before a noun.)
      const bool adverb_also = toks[i - 1].lower == "also" && i >= begin + 2 &&
                               In(toks[i - 2].lower, {"is", "are", "was", "were", "has", "have"});
      // ("sign up to shifts": an infinitive never ends in a plural -s.)
      const bool plural_after_to = toks[i - 1].lower == "to" && EndsWith(w, "s") && IsPluralWord(w);
      // ("reviewer, outcome, which request it duplicates": "which" opening an item asks which thing.)
      const bool which_thing = toks[i - 1].lower == "which" && (i - 1 == begin || toks[i - 2].kind == Token::kPunct) &&
                               (i + 1 >= end || toks[i + 1].kind == Token::kPunct ||
                                In(toks[i + 1].lower, {"it", "they", "we", "he", "she", "you", "i"}));
      if (!adverb_also && !plural_after_to && !which_thing) content = false;  // "we log activities", "can post", "to order"
    }
    if (content && unknown_s_verb(i)) content = false;
    // ("every location keeps a link to its source dataset": a link or reference to a thing is the
    // relation, no record of its own.)
    if (content && !open && i > begin && i + 1 < end && toks[i + 1].lower == "to" &&
        In(w, {"link", "links", "reference", "references", "pointer", "pointers"}) &&
        In(toks[i - 1].lower, {"a", "an", "the", "its", "their", "one"})) {
      content = false;
    }
    if (content && !open && NounOrVerb(w) && i + 1 < end && toks[i + 1].lower == "to" && i > begin &&
        (toks[i - 1].lower == "and" || toks[i - 1].lower == "or" || toks[i - 1].text == ",")) {
      content = false;  // "... and reply to each other"
    }
    // ("users join channels or start direct conversations", "... and create playlists": a common
    // verb after "and" / "or" opens a verb phrase; "start and end dates" stay nouns.)
    if (content && !open && i > begin && i + 1 < end && In(toks[i - 1].lower, {"and", "or"}) &&
        (lex::IsCommonAct(w) || w == "leave") &&
        toks[i + 1].kind == Token::kWord &&
        !In(toks[i + 1].lower, {"date", "dates", "time", "times", "at", "on", "and", "or", "of", "day", "price", "hour"})) {
      content = false;
    }
    if (content && (w == "log" || w == "logs" || w == "sign" || w == "signs" || w == "check" || w == "checks" ||
                    w == "clock" || w == "clocks" || w == "punch" || w == "punches") &&
        i + 1 < end && (toks[i + 1].lower == "in" || toks[i + 1].lower == "out" || toks[i + 1].lower == "up" ||
                        toks[i + 1].lower == "into" || toks[i + 1].lower == "on")) {
      content = false;  // phrasal verbs: "log in", "sign up", "check out"
    }
    // "Track downloads per episode", "Send reminders ...": an imperative opening the sentence.
    if (content && i == begin && begin == 0 && i + 1 < end && toks[i + 1].kind == Token::kWord &&
        (IsPluralWord(toks[i + 1].lower) || IsDeterminer(toks[i + 1].lower)) &&
        In(w, {"track", "record", "store", "keep", "send", "allow", "support", "manage", "generate", "save", "notify",
               "remind", "let", "show", "log", "search", "filter", "sort", "find", "export", "import", "browse"})) {
      content = false;
    }
    // "each conference is held at one venue:", "parts and supplies bought (date, ...)": an irregular
    // participle before a preposition, a parenthesis or the end is the verb ("found items" is not).
    if (content && (i + 1 >= end || toks[i + 1].kind == Token::kPunct ||
                    In(toks[i + 1].lower, {"at", "in", "on", "by", "for", "to", "from", "with", "into", "under"})) &&
        lex::IsIrregularParticiple(w)) {
      content = false;
    }
    // ("each player has won", "who has booked which boat": a participle right after has / have / had
    // is the verb of the perfect, not a thing had.)
    if (content && i > begin && In(toks[i - 1].lower, {"has", "have", "had"}) &&
        (lex::IsIrregularParticiple(w) ||
         (w.size() > 4 && EndsWith(w, "ed") &&
          (lex::IsVerb(w.substr(0, w.size() - 2)) || lex::IsVerb(w.substr(0, w.size() - 1)))))) {
      content = false;
    }
    // "leagues are split into divisions", "a key is set per site": a participle spelled like its
    // verb, after a copula and before a preposition.
    if (content && i > begin && i + 1 < end &&
        In(w, {"split", "cut", "set", "put", "spread", "shut"}) &&
        In(toks[i - 1].lower, {"is", "are", "be", "been", "was", "were", "get", "gets"}) &&
        In(toks[i + 1].lower, {"into", "in", "on", "per", "by", "for", "to", "up", "down", "across", "between"})) {
      content = false;
    }
    // "students enroll in courses, track progress per lesson and leave reviews": after a comma, a
    // verb of keeping or writing before its object continues the subject's verbs.
    if (content && !open && i > begin + 2 && toks[i - 1].text == "," && i + 1 < end &&
        toks[i + 1].kind == Token::kWord && !lex::IsStopword(toks[i + 1].lower) &&
        In(w, {"track", "log", "record", "manage", "keep", "leave", "write", "save", "rate", "book", "follow",
               "form"})) {
      // ("participants register, form teams": a noun/verb right after a plural subject is its verb.)
      if (verb_before(i - 1, /*agreeing=*/true)) content = false;
    }
    // ("users own devices and set alert thresholds": so after "and" that follows a plural object.)
    if (content && !open && i > begin + 3 && toks[i - 1].lower == "and" && IsPluralWord(toks[i - 2].lower) &&
        i + 1 < end && toks[i + 1].kind == Token::kWord && !lex::IsStopword(toks[i + 1].lower) &&
        In(w, {"set", "track", "log", "record", "leave", "write", "rate", "follow", "form"})) {
      if (verb_before(i - 2)) content = false;
    }
    // ("Nonprofits register and post volunteer opportunities": a noun/verb after "and" that joins it
    // to the subject's verb is a verb too.)
    if (content && !open && i >= begin + 3 && toks[i - 1].lower == "and" && NounOrVerb(w) && !EndsWith(w, "s") &&
        NounOrVerb(toks[i - 2].lower) && !EndsWith(toks[i - 2].lower, "s") && IsPluralWord(toks[i - 3].lower) &&
        !lex::IsNounVerb(toks[i - 3].lower) && (i - 3 == begin || toks[i - 4].kind != Token::kWord ||
                                                lex::IsStopword(toks[i - 4].lower))) {
      content = false;
    }
    // ("members can join groups and register for events": so is any noun/verb in its base form
    // before a preposition there.)
    if (content && !open && i > begin + 3 && toks[i - 1].lower == "and" && IsPluralWord(toks[i - 2].lower) &&
        !EndsWith(w, "s") && NounOrVerb(w) && i + 1 < end &&
        In(toks[i + 1].lower, {"for", "to", "in", "on", "with", "at", "into"})) {
      if (verb_before(i - 2)) content = false;
    }
    // ("buyers can save listings, message dealers and book test drives": after a comma or "and"
    // in a sentence with a verb, a noun/verb in its base form before a plural of people is a verb;
    // so is "book" before any object, as after a comma.)
    if (content && !open && i > begin + 2 && (toks[i - 1].lower == "and" || toks[i - 1].text == ",") &&
        !EndsWith(w, "s") && NounOrVerb(w) && i + 1 < end && toks[i + 1].kind == Token::kWord &&
        ((IsPluralWord(toks[i + 1].lower) &&
          (lex::RoleOf(toks[i + 1].lower) || lex::IsUserWord(toks[i + 1].lower) ||
           IsPersonEntityWord(toks[i + 1].lower) ||
           In(toks[i + 1].lower, {"dealers", "sellers", "vendors", "suppliers", "owners", "hosts", "guests", "friends",
                                  "followers", "contacts", "buyers", "customers", "members"}))) ||
         (w == "book" && toks[i - 1].lower == "and" && !lex::IsStopword(toks[i + 1].lower)))) {
      if (verb_before(i - 1)) content = false;
    }
    // "teams take part in a season": the idiom's noun is no record.
    if (content && w == "part" && i > begin && i + 1 < end && toks[i + 1].lower == "in" &&
        In(toks[i - 1].lower, {"take", "takes", "taking", "took", "taken"})) {
      content = false;
    }
    // "a visitor session when someone lands (hostname, ...)": after an indefinite pronoun, a word
    // ending in -s is its verb.
    if (content && i > begin && EndsWith(w, "s") &&
        In(toks[i - 1].lower, {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "he",
                               "she", "it"})) {
      content = false;
    }
    // "picks the better one -> store decision (judge, winner, loser)": an imperative after an arrow.
    if (content && i > begin && i + 1 < end && toks[i + 1].kind == Token::kWord &&
        (toks[i - 1].text == ">" || toks[i - 1].text == "->" || toks[i - 1].text == "=>") &&
        In(w, {"store", "record", "save", "keep", "log", "track", "create", "send", "add"})) {
      content = false;
    }
    // ("people keep track of their stuff": the idiom's "track" names no record.)
    if (content && w == "track" && i > begin && i + 1 < end && toks[i + 1].lower == "of" &&
        In(toks[i - 1].lower, {"keep", "keeps", "keeping", "kept"})) {
      content = false;
    }
    // "track campaign views and link clicks": the same verbs before a compound whose head is plural.
    if (content && i == begin && begin == 0 && i + 2 < end && toks[i + 1].kind == Token::kWord &&
        toks[i + 2].kind == Token::kWord && !lex::IsStopword(toks[i + 1].lower) &&
        !IsPluralWord(toks[i + 1].lower) && IsPluralWord(toks[i + 2].lower) &&
        In(w, {"track", "send", "allow", "support", "manage", "generate", "notify", "remind", "show"})) {
      content = false;
    }
    // "Customer register with email": after a person word, a noun/verb before a preposition is the
    // person's verb.
    // ("a status that staff update.": so is one ending the clause.)
    // ("every cat gets vet visits with notes": not after a verb of getting, whose object the
    // compound is.)
    const bool object_of_having =
        open && cur.begin > 0 &&
        In(toks[cur.begin - 1].lower, {"gets", "get", "has", "have", "receives", "receive", "needs", "need", "books",
                                       "book", "schedules", "schedule", "requires", "require", "attends", "attend"});
    if (content && NounOrVerb(w) && open && cur.words.size() == 1 && !object_of_having &&
        (lex::RoleOf(cur.words.back()) || lex::IsUserWord(cur.words.back())) &&
        (i + 1 >= end || toks[i + 1].kind == Token::kPunct ||
         In(toks[i + 1].lower, {"with", "for", "as", "to", "on", "in", "into", "and", "via"}))) {
      content = false;
    }
    // ("we are a small brewery and need kegs and fermenters": "need" / "want" after a subject, "and"
    // or "to" is the verb, not a modifier of what follows.)
    // ("... salon?? need clients, nail techs and appointments": so is a bare "need" / "want" opening
    // a sentence.)
    if (content && In(w, {"need", "needs", "want", "wants"}) &&
        ((i == begin && (w == "need" || w == "want")) ||
         (i > begin && In(toks[i - 1].lower, {"and", "we", "i", "they", "you", "to", "also", "will", "would",
                                              "really", "just", "still"})))) {
      content = false;
    }
    if (content && NounOrVerb(w)) {
      // ("GPS pings every 30s": "every" before a number or a time word says how often, it opens no
      // object.)
      const bool how_often =
          i + 2 < end && (toks[i + 1].lower == "every" || toks[i + 1].lower == "each") &&
          (toks[i + 2].kind == Token::kNumber ||
           In(toks[i + 2].lower, {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
                                  "weeks", "month", "months", "year", "years", "morning", "night", "evening", "time",
                                  "few", "other"})) &&
          !(i + 3 < end && toks[i + 3].text == "'s");  // ("staff log each day's activities": an object)
      // After a plural noun, a base-form noun/verb is the verb: "users post listings".
      if (open && !cur.words.empty()) {
        const std::string& prev = cur.words.back();
        bool prev_plural = IsPluralWord(prev) && !lex::IsNounVerb(prev);
        bool base = !EndsWith(w, "s");
        if (prev_plural && base) content = false;
        // "a user posts comments": singular subject after a determiner, 3rd person verb.
        // ("which tenant rents which plot": so after "which".)
        bool det_before =
            cur.begin > 0 && (IsDeterminer(toks[cur.begin - 1].lower) || toks[cur.begin - 1].lower == "which");
        // "inspections of a hive record the date": a noun/verb followed by a determiner is the verb.
        if (i + 1 < end && toks[i + 1].kind == Token::kWord && IsDeterminer(toks[i + 1].lower) &&
            toks[i + 1].lower != "one" && toks[i + 1].lower != "that" && toks[i + 1].lower != "this" && !how_often) {
          content = false;
        }
        // ("each food bank posts shifts": so after a two-word subject.)
        if (!prev_plural && EndsWith(w, "s") && cur.words.size() <= 2 && det_before && i + 1 < end &&
            toks[i + 1].kind == Token::kWord &&
            (IsDeterminer(toks[i + 1].lower) || lex::IsQuantifier(toks[i + 1].lower) ||
             (toks[i + 1].lower == "which" && toks[cur.begin - 1].lower == "which") ||
             IsPluralWord(toks[i + 1].lower) || lex::IsFieldWord(toks[i + 1].lower) ||
             lex::IsNonEntity(toks[i + 1].lower))) {
          content = false;  // "an organiser runs events", "when a check changes status", "each shift records start"
        }
        // ("everything in the company runs on WhatsApp groups": so is a verb of depending before
        // its preposition.)
        if (!prev_plural && In(w, {"runs", "depends", "relies", "lives"}) && i + 1 < end &&
            In(toks[i + 1].lower, {"on", "off"})) {
          content = false;
        }
      } else if (plural_closed_at != static_cast<size_t>(-1) && plural_closed_at + 1 == i && !EndsWith(w, "s")) {
        content = false;  // "devices report positions"
      } else if (i > begin && toks[i - 1].text == ")" && !EndsWith(w, "s") && i + 1 < end &&
                 toks[i + 1].kind == Token::kWord && !lex::IsStopword(toks[i + 1].lower)) {
        content = false;  // "accounts (username, password) register websites"
      } else if (i + 1 < end && toks[i + 1].kind == Token::kWord && IsDeterminer(toks[i + 1].lower) &&
                 toks[i + 1].lower != "one" && toks[i + 1].lower != "that" && !how_often) {
        content = false;  // "post a comment" ("books that belong to branches": a relative clause)
      }
    }
    // "so Team A never sees Team B's data": a capital letter after a noun labels one instance.
    if (open && toks[i].text.size() == 1 && toks[i].text[0] >= 'A' && toks[i].text[0] <= 'Z') content = false;
    // ("Our hockey league needs: teams, players, ...": a verb of needing before a colon.)
    if (content && i > begin && i + 1 < end && toks[i + 1].text == ":" &&
        In(w, {"needs", "wants", "requires", "includes", "contains", "tracks", "stores", "keeps"})) {
      content = false;
    }
    // ("routes have stops in order", "in order to ...": the idiom names no order.)
    if (content && w == "order" && i > begin && toks[i - 1].lower == "in" &&
        (i + 1 >= end || toks[i + 1].kind != Token::kWord || In(toks[i + 1].lower, {"to", "of", "and", "so"}))) {
      content = false;
    }
    // ("a group belongs to a course and meets twice a week": a noun/verb before a word of how often
    // is the verb.)
    if (content && NounOrVerb(w) && i + 1 < end &&
        In(toks[i + 1].lower, {"twice", "once", "thrice", "weekly", "daily", "monthly", "yearly", "regularly"})) {
      content = false;
    }
    // ("members each rent one plot", "players each pick a team": after a plural and "each", a
    // noun/verb is the plural's verb.)
    if (content && i >= begin + 2 && toks[i - 1].lower == "each" && IsPluralWord(toks[i - 2].lower) &&
        !lex::IsStopword(toks[i - 2].lower) && (NounOrVerb(w) || lex::IsVerb(w) || lex::MayBeVerb(w)) &&
        !EndsWith(w, "s") && i + 1 < end && toks[i + 1].kind == Token::kWord) {
      content = false;
    }
    // ("the cleaner ticks off a checklist", "each member picks up a key": after a singular subject,
    // a word in -s before a particle is the verb.)
    if (content && open && cur.words.size() <= 2 && EndsWith(w, "s") && !IsPluralWord(cur.words.back()) &&
        cur.begin > 0 && IsDeterminer(toks[cur.begin - 1].lower) && i + 1 < end &&
        In(toks[i + 1].lower, {"off", "up", "out", "down", "back", "away"}) && i + 2 < end &&
        IsDeterminer(toks[i + 2].lower)) {
      content = false;
    }
    // ("... and track whether invoices are paid", "record which dogs were walked": a noun/verb before
    // a question word is the verb.)
    if (content && !open && (NounOrVerb(w) || lex::IsVerb(w)) && i + 1 < end &&
        In(toks[i + 1].lower, {"whether", "which", "who", "when", "how", "what", "where"}) && i > begin &&
        In(toks[i - 1].lower, {"and", "to", "we", "i", "also", "can", "should", "must", "will", ","})) {
      content = false;
    }
    // ("students hand in submissions", "turn in homework": a phrasal verb of submitting.)
    if (content && In(w, {"hand", "hands", "turn", "turns"}) && i + 2 < end && toks[i + 1].lower == "in" &&
        toks[i + 2].kind == Token::kWord && !lex::IsStopword(toks[i + 2].lower)) {
      content = false;
    }
    // ("we track their state on site", "pay in person", "items in stock", "volunteers on call":
    // idioms after a preposition name no record.)
    if (content && i > begin &&
        ((In(toks[i - 1].lower, {"on", "off"}) && In(w, {"site", "time", "call", "duty", "hold"})) ||
         (toks[i - 1].lower == "in" && In(w, {"person", "stock", "advance", "total", "general", "particular"}))) &&
        (i + 1 >= end || toks[i + 1].kind != Token::kWord || lex::IsStopword(toks[i + 1].lower))) {
      content = false;
    }
    // ("keep patient records ... in one place", "everything in a single place": where things are kept
    // together names no place.)
    if (content && In(w, {"place", "spot", "location"}) && i >= begin + 2 && In(toks[i - 1].lower, {"one", "single"}) &&
        In(toks[i - 2].lower, {"in", "a"}) &&
        (i + 1 >= end || (toks[i + 1].kind != Token::kWord && toks[i + 1].text != ":"))) {
      content = false;
    }
    // ("a flight of course carries many tickets": the idiom names no course.)
    if (content && w == "course" && i > begin && toks[i - 1].lower == "of" &&
        (i + 1 >= end || toks[i + 1].kind != Token::kWord || lex::IsVerb(toks[i + 1].lower) ||
         In(toks[i + 1].lower, {"we", "you", "they", "it", "i", "not", "and", "but", "the", "a"}))) {
      content = false;
    }
    // ("Every week volunteers pack parcels": "every week" says how often; it names nothing.)
    if (content && i > begin && i + 1 < end && In(toks[i - 1].lower, {"every", "each"}) &&
        In(w, {"week", "day", "month", "year", "morning", "evening", "night", "weekend", "hour"}) &&
        toks[i + 1].kind == Token::kWord && !lex::IsStopword(toks[i + 1].lower) &&
        !In(toks[i + 1].lower, {"has", "have", "is", "are", "can", "gets", "belongs"})) {
      content = false;
    }
    // "any number of tags", "a bunch of photos", "lots of notes": cardinality words, not nouns.
    // ("our fleet of trucks", "a wide range of products", "hundreds of volunteers": so are these.)
    bool quantity_noun = false;
    if (i + 1 < end && toks[i + 1].lower == "of" &&
        (w == "bunch" || w == "lots" || w == "handful" || w == "plenty" || w == "fleet" || w == "range" ||
         w == "variety" || w == "dozens" || w == "hundreds" || w == "thousands" ||
         ((w == "number" || w == "lot" || w == "couple") && i > begin &&
          (toks[i - 1].lower == "any" || toks[i - 1].lower == "a" || toks[i - 1].lower == "whole")))) {
      content = false;
      quantity_noun = true;
    }
    // ("each card has a little checklist of tasks", "keeps a list of contacts": after a verb of
    // having, a list of things is those things.)
    // ("each parcel has a timeline of events", "a history of status changes": so is a record of them.)
    if (content && i + 2 < end && toks[i + 1].lower == "of" &&
        In(w, {"list", "checklist", "set", "collection", "history", "log", "timeline", "series"}) &&
        (IsPluralWord(toks[i + 2].lower) || (i + 3 < end && IsPluralWord(toks[i + 3].lower) &&
                                             toks[i + 2].kind == Token::kWord && !IsPluralWord(toks[i + 2].lower)))) {
      size_t q = i;
      while (q > begin && In(toks[q - 1].lower, {"a", "an", "little", "small", "short", "long", "whole", "ordered",
                                                 "sorted", "numbered", "full", "growing"})) {
        --q;
      }
      if (q > 0 && In(toks[q - 1].lower, {"has", "have", "keeps", "keep", "contains", "contain", "holds", "hold",
                                             "with", "maintains", "maintain"})) {
        content = false;
        quantity_noun = true;
      }
    }
    if (!content) {
      flush(i);
      if (quantity_noun) {
        pending_quant = true;
        pending_single = false;
        continue;
      }
      if (w == "many" || w == "several" || w == "multiple" || w == "some" || w == "various" || w == "more" ||
          w == "numerous") {
        pending_quant = true;
      } else if (w == "a" || w == "an" || w == "one" || w == "each" || w == "every" || w == "exactly" ||
                 w == "single" || w == "which") {
        pending_single = true;
      } else if (w != "of" && w != "or" && !lex::IsModifier(w) && w != "the") {
        pending_quant = pending_single = false;
      }
      continue;
    }
    if (!open) {
      open = true;
      cur.begin = i;
      cur.depth = depth;
      cur.quantified = pending_quant;
      cur.single = pending_single;
      pending_quant = pending_single = false;
    }
    cur.words.push_back(login_noun ? (w == "login" ? "user" : "users") : w);
    // A plural word ends a compound unless the next word continues it as a noun we know
    // ("sales people" is rare; "orders products" is not): plural heads close the chunk.
    if (IsPluralWord(w) && cur.words.size() >= 1 && !(w == "sales" || w == "news" || w == "goods")) {
      flush(i + 1);
      plural_closed_at = i;
    }
  }
  flush(end);
  return out;
}

}  // namespace bf::analyze
