#include "analyze/clarify.h"

#include <algorithm>
#include <optional>

#include "analyze/text.h"
#include "common/strings.h"

namespace bf::analyze {
namespace {

int CountPhrases(const std::string& text, std::initializer_list<std::string_view> phrases) {
  PhraseIndex norm(text);
  int n = 0;
  for (auto p : phrases) {
    if (norm.Has(p)) ++n;
  }
  return n;
}

std::string OptionFor(const Archetype& a) { return a.label + " [" + a.id + "]"; }

const std::vector<std::string>& CommonDomains() {
  static const std::vector<std::string> ids = {"marketplace", "social", "ecommerce", "booking", "project", "crm",
                                               "blog", "events"};
  return ids;
}

// Two requirements that cannot both hold: each side is a list of phrases that state it plainly.
struct Conflict {
  const char* first;   // what side A asks for, as the question names it
  const char* second;  // what side B asks for
  std::vector<std::string_view> a, b;
};

const std::vector<Conflict>& Conflicts() {
  static const std::vector<Conflict> conflicts = {
      {"users who stay completely anonymous", "billing, messages or records tied to each person",
       {"completely anonymous", "fully anonymous", "totally anonymous", "entirely anonymous", "100 anonymous",
        "stay anonymous no names", "nothing stored about them", "store nothing about them",
        "no names no phone numbers", "no names no accounts", "no personal data at all"},
       {"legal name", "verified name", "verified identity", "verified legal", "billed monthly", "billed by card",
        "charged to their card", "reminder sms", "reminder text", "sends every patient", "sends every user",
        "each patient s full", "each user s full", "their full history", "full treatment history",
        "home address for delivery"}},
      {"no database or stored data", "data kept over time (history, search, a shared calendar)",
       {"no database", "without a database", "no server side database", "no db", "don t store anything",
        "do not store anything", "store nothing", "nothing is stored", "nothing gets stored", "no storage at all",
        "no persistence"},
       {"all history", "full history", "history forever", "keep everything forever", "forever", "searchable",
        "search all", "audit trail", "shared calendar", "archive of all", "every past"}},
      {"an app that works only offline", "live updates between users",
       {"completely offline", "offline only", "only offline", "no network access", "no internet at all",
        "never connects", "no connection at all", "zero connectivity"},
       {"live", "in real time", "real time", "realtime", "within a second", "instantly see", "syncs live",
        "sync live", "sees every other user s"}},
  };
  return conflicts;
}

}  // namespace

std::optional<Question> FindContradiction(const std::string& norm) {
  PhraseIndex idx(norm);
  auto any = [&](const std::vector<std::string_view>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) { return idx.Has(p); });
  };
  for (const auto& c : Conflicts()) {
    if (!any(c.a) || !any(c.b)) continue;
    Question q;
    q.id = "contradiction";
    q.text = std::string("The description asks for ") + c.first + " and for " + c.second +
             ", which cannot both hold. Which should the backend keep?";
    q.options = {std::string("Keep ") + c.second, std::string("Keep ") + c.first};
    q.defaultOption = q.options.front();
    return q;
  }
  return std::nullopt;
}

// The clarify model's legit probability below which a pitch is questioned though an archetype fits
// its market: half the model's own threshold.
constexpr double kPitchLegit = 0.15;

ClarityVerdict AssessClarity(const ClarityInput& in) {
  ClarityVerdict v;
  const std::string& n = in.norm;
  // Requirements that exclude each other are asked about whatever the length: planning would
  // silently drop one of them.
  if (!in.contradictionAnswered) {
    if (auto q = FindContradiction(n)) {
      v.clarify = true;
      v.reason = "Two of the requirements exclude each other: " + q->text;
      v.questions.push_back(std::move(*q));
      return v;
    }
  }
  if (in.words > 90 && in.textEntities >= 3) return v;  // long, concrete descriptions are planned
  int missing_context = CountPhrases(
      n, {"we talked about", "we discussed", "as discussed", "talked about", "the old system", "same objects as",
          "same as the old", "same as before", "like last time", "like the old one", "you know what i mean",
          "from the call", "on the call", "yesterday s call", "the one we", "as agreed", "the two new ones",
          "mentioned earlier", "the existing one", "the previous one", "you already know",
          // Material that was meant to come with the message: "turn the attached spreadsheet into ...".
          "the attached", "attached spreadsheet", "attached file", "attached excel", "attached csv", "see attached",
          "in the attachment", "last week s thread", "in the thread", "i sent you", "i shared earlier",
          "i sent earlier", "sent earlier", "we agreed", "previous message", "that we said", "like we said",
          "same as the last", "our usual system",
          // ("Use the requirements from the workshop deck and build it": a document the text points at.)
          "from the deck", "the workshop deck", "in the deck", "the slide deck", "from the workshop",
          "requirements doc", "the requirements document", "from the spec we", "in the brief"});
  int hedges = CountPhrases(
      n, {"stuff", "things", "for anything", "generic", "kind of", "sort of", "maybe", "something like", "whatever",
          "for stuff", "anything", "works for anything", "not sure", "some kind", "etc etc", "connects people",
          "people with other people", "or something", "maybe not", "somehow", "various things", "i think",
          "at some point", "sometimes they don t", "some items", "feel like it", "stuff gets done"});
  // Scope left to the reader: "everything the committee does", "start simple".
  int open_scope = CountPhrases(n, {"cover everything", "everything the", "whatever the", "start simple",
                                    "the rest later", "up to you", "you decide", "surprise me", "all the usual",
                                    "the usual stuff", "on paper", "paper ledger", "keep it flexible",
                                    "whatever he", "whatever she", "whatever they", "ends up doing",
                                    // Scope still open: "we're still figuring out the niche", "one
                                    // backend for the whole workflow, departments work a bit differently".
                                    "still figuring out", "the whole workflow", "a bit differently"});
  // A pitch: ambition, audience and qualities, but no records ("the Airbnb of everything, think
  // scale, investors are waiting", "empower creators and their communities").
  int pitch = CountPhrases(
      n, {"of everything", "for everything", "for anything", "think scale", "think big", "disrupt", "disruption",
          "change the world", "change how people", "changes how people", "the next big", "investors",
          "our vision", "my vision", "empower", "creator economy", "best practices", "clean architecture",
          "great performance", "scale to millions", "millions of users", "users will love", "game changer",
          "game-changer", "revolutionize", "revolutionise", "more meaningful", "make people s lives",
          "startup idea", "next unicorn", "world class", "world-class", "cutting edge", "cutting-edge"});
  bool no_domain = in.matches.empty() || in.matches.front().score < 3;
  bool conflicting = in.matches.size() >= 2 && in.matches[0].score - in.matches[1].score <= 1;
  if (!in.analogyWithoutDomain.empty() && in.strongEntities == 0 && in.textEntities <= 1 &&
      in.words <= 150) {
    v.clarify = true;
    v.reason = "\"" + in.analogyWithoutDomain +
               "\" names a product to model the backend on, but not the business: it does not say what is "
               "offered, to whom, or which records the backend keeps.";
  } else if (missing_context >= 1 && in.strongEntities == 0 && in.textEntities < 5) {
    v.clarify = true;
    v.reason = "The description refers to context I cannot see (an earlier conversation or an existing system) "
               "and names no concrete data objects.";
  } else if ((hedges >= 2 && in.strongEntities == 0 && in.textEntities < 2 && in.words <= 80) ||
             (open_scope >= 2 && hedges + open_scope >= 3 && in.strongEntities == 0 && in.textEntities < 4)) {
    v.clarify = true;
    v.reason = "The description is deliberately generic: it does not say who the users are, what they exchange, "
               "or which records the backend must keep.";
  } else if (pitch >= 2 && in.strongEntities == 0 && in.fieldedEntities == 0 && in.textEntities <= 2 &&
             in.words <= 120) {
    v.clarify = true;
    v.reason = "The description is a pitch: it says what the product should achieve, but not what the users "
               "do with it or which records the backend must keep.";
  } else if (in.textEntities == 0 && no_domain) {
    v.clarify = true;
    v.reason = "The description names no data objects and matches no known kind of backend.";
  } else if (in.textEntities == 0 && conflicting && hedges >= 1 && in.words <= 80) {
    v.clarify = true;
    v.reason = "The description fits several kinds of backend equally well.";
  } else if (in.vagueness.flagged &&
             ((no_domain && in.strongEntities <= 1 && in.fieldedEntities == 0 && in.textEntities < 4 &&
               in.listedEntities < 2) ||
              (in.vagueness.legitProbability < kPitchLegit && in.strongEntities == 0 && in.fieldedEntities == 0 &&
               in.textEntities <= 2 && in.words >= 15))) {
    // Codenames, wishes or references to material not given, in wordings no list above has: the
    // learned model reads the text as vague, no kind of backend fits, and the extractor found at
    // most one record named with a list, none with three fields ("- products (name, price, stock)"
    // is concrete), and fewer than two in a list of what the text keeps ("track my vinyl
    // collection, the artists, and who i lent records to" is concrete, however casual).
    // (A pitch that names its market but no records is vague too, though an archetype fits the
    // market: "the operating system for independent musicians, think Shopify meets Spotify" was
    // planned from the music archetype. Then the model must be twice as sure, the text a sentence
    // or more, and the extractor must have found no record with a list or fields and at most two in
    // all: short requests ("Uber for dog walking") and small concrete ones ("counselling bookings,
    // clients stay anonymous, ...") are planned.)
    v.clarify = true;
    v.reason = "The description does not say which records the backend keeps or who uses it (it names "
               "codenames, goals or material I cannot see rather than concrete data).";
  }
  if (!v.clarify) return v;

  Question domain;
  domain.id = "domain";
  domain.text = "What is the backend mainly for?";
  for (const auto& m : in.matches) {
    if (domain.options.size() >= 5) break;
    domain.options.push_back(OptionFor(*m.archetype));
  }
  for (const auto& id : CommonDomains()) {
    if (domain.options.size() >= 6) break;
    const Archetype* a = FindArchetype(id);
    if (a && std::find(domain.options.begin(), domain.options.end(), OptionFor(*a)) == domain.options.end()) {
      domain.options.push_back(OptionFor(*a));
    }
  }
  domain.defaultOption = domain.options.front();
  v.questions.push_back(domain);

  Question users;
  users.id = "users";
  users.text = "Who signs in to it?";
  users.options = {"Admins and registered users", "Admins, staff and customers", "Only internal staff"};
  users.defaultOption = users.options.front();
  v.questions.push_back(users);

  Question pay;
  pay.id = "payments";
  pay.text = "Does money change hands through the backend?";
  pay.options = {"No payments", "Yes, online card payments"};
  pay.defaultOption = pay.options.front();
  v.questions.push_back(pay);
  return v;
}

ClarifyAnswers ReadAnswers(const std::map<std::string, std::string>& answers) {
  ClarifyAnswers out;
  if (auto it = answers.find("domain"); it != answers.end()) {
    const std::string& opt = it->second;
    auto lb = opt.rfind('[');
    std::string id = lb != std::string::npos ? opt.substr(lb + 1, opt.find(']', lb) - lb - 1) : ToLower(opt);
    out.domain = FindArchetype(id);
    if (!out.domain) {
      std::string low = ToLower(opt);
      for (const auto& a : Archetypes()) {
        if (ToLower(a.label).find(low) != std::string::npos || low.find(a.id) != std::string::npos) {
          out.domain = &a;
          break;
        }
      }
    }
    if (!out.domain) out.domain = FindArchetype("project");
  }
  if (auto it = answers.find("contradiction"); it != answers.end()) out.contradiction = it->second;
  if (auto it = answers.find("payments"); it != answers.end()) {
    out.payments = StartsWith(ToLower(it->second), "yes");
  }
  if (auto it = answers.find("users"); it != answers.end()) {
    std::string low = ToLower(it->second);
    if (low.find("staff") != std::string::npos) out.roles.push_back("staff");
    if (low.find("customer") != std::string::npos) out.roles.push_back("customer");
  }
  return out;
}

}  // namespace bf::analyze
