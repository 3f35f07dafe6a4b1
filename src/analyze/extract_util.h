// Helpers shared by the extraction files (extract.cc, lists.cc, roles.cc). Internal.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/chunker.h"
#include "analyze/text.h"

namespace bf::analyze {

// "backend", "app", "api", "platform", ...: a word for the product being built, not a record.
inline bool IsProductWord(std::string_view w) {
  return In(w, {"backend", "app", "api", "system", "platform", "database", "db", "server", "software", "application",
                "service"});
}

// "Dairy farm here - we want to log ...", "Model railway club: record each member's ...": what
// follows the separator at `k` is a sentence (a subject pronoun, "the backend ...", or a verb of
// record keeping), not the opening name's field list.
inline bool OpensClauseAfter(const std::vector<Token>& T, size_t k) {
  if (k >= T.size() || T[k].kind != Token::kWord) return false;
  const std::string& w = T[k].lower;
  if (In(w, {"we", "i", "you", "they", "track", "record", "manage", "keep", "log", "store", "handle", "organise",
             "organize", "catalogue", "catalog", "need", "help"})) {
    return true;
  }
  return w == "the" && k + 1 < T.size() && IsProductWord(T[k + 1].lower);
}

// "run", "own", "manage": what a writer does with the business the backend is for ("we run a hostel").
inline bool IsRunVerb(std::string_view w) { return In(w, {"run", "runs", "own", "owns", "manage", "manages"}); }

// The singular phrase at `k` is named as the business the backend is for: "for a chess club",
// "for our small bakery", "our sailing club", "we run a hostel", "I own a tiny bakery", "we are a small
// orchard".
inline bool IsSettingMention(const std::vector<Token>& T, size_t k) {
  if (k > T.size()) return false;
  size_t q = k;
  while (q > 0 && k - q < 2 && In(T[q - 1].lower, {"small", "little", "local", "tiny", "busy", "new", "family"})) --q;
  // ("Our sailing club needs ...", "for our bakery": "our" opening the sentence or after "for" only;
  // "a tool our team will self-host" names a team the backend may keep.)
  if (q >= 1 && In(T[q - 1].lower, {"our", "my"})) return q == 1 || T[q - 2].lower == "for";
  if (q < 2 || !In(T[q - 1].lower, {"a", "an"})) return false;
  const std::string& v = T[q - 2].lower;
  // ("We are a small orchard", "I'm a florist": who is writing.)
  if (q >= 3 && In(v, {"are", "am", "re", "m"}) && In(T[q - 3].lower, {"we", "i", "we're", "i'm"})) return true;
  if (In(v, {"we're", "i'm", "were", "im"})) return true;
  return v == "for" || IsRunVerb(v);
}

// "like", "including", "e.g." or "such as" at `k`: what follows are examples of a kind, not
// records ("activities like calls and meetings").
inline bool IsExampleCue(const std::vector<Token>& T, size_t k) {
  return k < T.size() && (In(T[k].lower, {"like", "including", "eg"}) ||
                          (T[k].lower == "such" && k + 1 < T.size() && T[k + 1].lower == "as"));
}

// "of each", "for every", "in each" at `k`: the phrase before names one per record of another kind
// ("the donor of each", "the gallery for each shoot").
inline bool IsPerRecord(const std::vector<Token>& T, size_t k) {
  return k + 1 < T.size() && In(T[k].lower, {"of", "for", "in"}) && In(T[k + 1].lower, {"each", "every"});
}

// "user", "users", "friends", ...: the login entity itself.
bool IsUserHead(const Chunk& c);
// Heads that never make a compound an entity ("GPS tracking server", "search API").
bool IsBadHead(std::string_view h);
// An item head that reads as an attribute ("start date", "is active", "price").
bool LooksLikeAttribute(const Chunk& c);
// Rows and details that need their parent's name ("lines" -> BasketLine).
bool IsGenericDependent(std::string_view w);
// From `head`, walks back over prepositional links ("X of Y", "X per Y, owned by Z").
const Chunk* WalkBack(const std::vector<Token>& T, const std::vector<Chunk>& chunks, const Chunk* head);

// The record a participation act leaves: "join" -> "Membership", "enroll in" -> "Enrollment",
// "are assigned to" -> "Assignment"; "" for other connectors. `c` is padded (" join ").
std::string ActNoun(const std::string& c);
// The record an act between two things leaves: "book" -> "booking", "rent" -> "rental", "borrow" ->
// "loan", "review" -> "review"; "" for other verbs. `verb` is one lowercase word.
std::string ActRecord(std::string_view verb);
// True when the words just before token `pos` end with a participation act ("... join a").
bool FollowsAct(const std::vector<Token>& T, size_t pos);

}  // namespace bf::analyze
