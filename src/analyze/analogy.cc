#include "analyze/analogy.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "analyze/extract_util.h"
#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

using Words = std::vector<std::string>;

struct Brand {
  std::string_view phrase;  // lowercase words
  std::string_view archetype;
  AnalogyShape shape;
  bool everyday;  // also an ordinary word: needs a capital letter and a cue
};

// clang-format off
constexpr std::array kBrands = {
    Brand{"uber", "rides", AnalogyShape::kService, false},
    Brand{"lyft", "rides", AnalogyShape::kService, false},
    Brand{"taskrabbit", "gig", AnalogyShape::kService, false},
    Brand{"thumbtack", "gig", AnalogyShape::kService, true},
    Brand{"handy", "gig", AnalogyShape::kService, true},
    Brand{"fiverr", "gig", AnalogyShape::kService, false},
    Brand{"upwork", "gig", AnalogyShape::kService, false},
    Brand{"rover", "gig", AnalogyShape::kService, true},
    Brand{"airbnb", "stays", AnalogyShape::kStay, false},
    Brand{"vrbo", "stays", AnalogyShape::kStay, false},
    Brand{"couchsurfing", "stays", AnalogyShape::kStay, false},
    Brand{"turo", "rental", AnalogyShape::kStay, false},
    Brand{"getaround", "rental", AnalogyShape::kStay, false},
    Brand{"tinder", "dating", AnalogyShape::kMatch, false},
    Brand{"bumble", "dating", AnalogyShape::kMatch, true},
    Brand{"hinge", "dating", AnalogyShape::kMatch, true},
    Brand{"etsy", "marketplace", AnalogyShape::kMarket, false},
    Brand{"craigslist", "marketplace", AnalogyShape::kMarket, false},
    Brand{"depop", "marketplace", AnalogyShape::kMarket, false},
    Brand{"vinted", "marketplace", AnalogyShape::kMarket, false},
    Brand{"poshmark", "marketplace", AnalogyShape::kMarket, false},
    Brand{"ebay", "auction", AnalogyShape::kMarket, false},
    Brand{"amazon", "ecommerce", AnalogyShape::kMarket, true},
    Brand{"shopify", "ecommerce", AnalogyShape::kMarket, false},
    Brand{"uber eats", "delivery", AnalogyShape::kSame, false},
    Brand{"ubereats", "delivery", AnalogyShape::kSame, false},
    Brand{"doordash", "delivery", AnalogyShape::kSame, false},
    Brand{"deliveroo", "delivery", AnalogyShape::kSame, false},
    Brand{"grubhub", "delivery", AnalogyShape::kSame, false},
    Brand{"postmates", "delivery", AnalogyShape::kSame, false},
    Brand{"instacart", "delivery", AnalogyShape::kSame, false},
    Brand{"instagram", "photos", AnalogyShape::kSame, false},
    Brand{"flickr", "photos", AnalogyShape::kSame, false},
    Brand{"pinterest", "photos", AnalogyShape::kSame, false},
    Brand{"twitter", "social", AnalogyShape::kSame, false},
    Brand{"facebook", "social", AnalogyShape::kSame, false},
    Brand{"reddit", "forum", AnalogyShape::kSame, false},
    Brand{"quora", "forum", AnalogyShape::kSame, false},
    Brand{"stack overflow", "forum", AnalogyShape::kSame, false},
    Brand{"stackoverflow", "forum", AnalogyShape::kSame, false},
    Brand{"youtube", "video", AnalogyShape::kSame, false},
    Brand{"netflix", "video", AnalogyShape::kSame, false},
    Brand{"twitch", "video", AnalogyShape::kSame, true},
    Brand{"spotify", "music", AnalogyShape::kSame, false},
    Brand{"soundcloud", "music", AnalogyShape::kSame, false},
    Brand{"slack", "chat", AnalogyShape::kSame, true},
    Brand{"discord", "chat", AnalogyShape::kSame, true},
    Brand{"whatsapp", "chat", AnalogyShape::kSame, false},
    Brand{"trello", "project", AnalogyShape::kSame, false},
    Brand{"asana", "project", AnalogyShape::kSame, false},
    Brand{"jira", "project", AnalogyShape::kSame, false},
    Brand{"kickstarter", "crowdfunding", AnalogyShape::kSame, false},
    Brand{"gofundme", "crowdfunding", AnalogyShape::kSame, false},
    Brand{"indiegogo", "crowdfunding", AnalogyShape::kSame, false},
    Brand{"udemy", "education", AnalogyShape::kSame, false},
    Brand{"coursera", "education", AnalogyShape::kSame, false},
    Brand{"eventbrite", "events", AnalogyShape::kSame, false},
    Brand{"meetup", "events", AnalogyShape::kSame, true},
    Brand{"opentable", "restaurant", AnalogyShape::kSame, false},
    Brand{"calendly", "booking", AnalogyShape::kSame, false},
    Brand{"zillow", "realestate", AnalogyShape::kSame, false},
    Brand{"strava", "fitness", AnalogyShape::kSame, false},
    Brand{"zendesk", "ticketing", AnalogyShape::kSame, false},
    Brand{"salesforce", "crm", AnalogyShape::kSame, false},
    Brand{"hubspot", "crm", AnalogyShape::kSame, false},
    Brand{"notion", "wiki", AnalogyShape::kSame, true},
    Brand{"confluence", "wiki", AnalogyShape::kSame, true},
    Brand{"dropbox", "files", AnalogyShape::kSame, false},
    Brand{"bitly", "shortener", AnalogyShape::kSame, false},
    Brand{"venmo", "fintech", AnalogyShape::kSame, false},
    Brand{"linkedin", "jobs", AnalogyShape::kSame, false},
    Brand{"surveymonkey", "survey", AnalogyShape::kSame, false},
    Brand{"typeform", "survey", AnalogyShape::kSame, false},
    Brand{"toggl", "timetracking", AnalogyShape::kSame, false},
    Brand{"quickbooks", "invoicing", AnalogyShape::kSame, false},
    Brand{"substack", "blog", AnalogyShape::kSame, false},
    Brand{"splitwise", "splitting", AnalogyShape::kSame, false},
    Brand{"mailchimp", "newsletter", AnalogyShape::kSame, false},
    Brand{"duolingo", "education", AnalogyShape::kSame, false},
    Brand{"khan academy", "education", AnalogyShape::kSame, false},
    Brand{"myfitnesspal", "fitness", AnalogyShape::kSame, false},
    Brand{"peloton", "fitness", AnalogyShape::kSame, false},
    Brand{"wordpress", "blog", AnalogyShape::kSame, false},
    Brand{"vimeo", "video", AnalogyShape::kSame, false},
    Brand{"todoist", "todo", AnalogyShape::kSame, false},
    Brand{"glassdoor", "jobs", AnalogyShape::kSame, false},
    Brand{"patreon", "crowdfunding", AnalogyShape::kSame, false},
    Brand{"ticketmaster", "events", AnalogyShape::kSame, false},
};
// clang-format on

// Words between a brand and its "for": "an Uber-like app for", "Airbnb, but for".
bool IsAnalogyFiller(std::string_view w) {
  return In(w, {"like", "style", "styled", "type", "clone", "app", "apps", "application", "platform", "site",
                "website", "service", "version", "model", "but", "kind", "sort", "thing", "copy", "alternative",
                "equivalent", "inspired", "based", "marketplace", "experience", "lite", "esque", "competitor", "just",
                "only", "basically", "except", "ish"});
}

// A word that says the brand is the model, not an integration.
bool IsAnalogyCue(std::string_view w) {
  return In(w, {"like", "style", "styled", "clone", "alternative", "equivalent", "esque", "inspired", "competitor",
                "copy", "ish", "for"});
}

// "renting", "adopting", "booking": an act's gerund, the act a target names before what it acts on.
bool IsActGerund(const std::string& w) {
  if (w.size() <= 5 || !EndsWith(w, "ing")) return false;
  const std::string stem = w.substr(0, w.size() - 3);
  return lex::IsVerb(stem) || lex::IsNounVerb(stem);
}

// A target word that names no domain: "our industry", "small businesses", "X".
bool IsPlaceholderWord(std::string_view w) {
  return In(w, {"industry", "industries", "business", "businesses", "company", "companies", "sector", "sectors",
                "niche", "niches", "market", "markets", "space", "field", "vertical", "verticals", "domain", "area",
                "startup", "organization", "organisation", "org", "firm", "agency", "customers", "clients", "users",
                "people", "everyone", "everybody", "everything", "anything", "something", "stuff", "things", "x", "y",
                "z", "us", "team", "world", "use", "case", "cases", "idea", "product", "products", "service",
                "services", "trade", "profession", "professionals", "corporate", "enterprise", "enterprises", "b2b",
                "b2c", "smb", "smbs", "local", "small", "medium", "sized", "kind", "type", "whatever", "blank", "own",
                "new", "particular", "specific", "certain", "line", "work", "community", "town", "city", "region",
                "country", "sphere", "segment", "category", "niche"});
}

bool IsDeterminer(std::string_view w) {
  return In(w, {"the", "a", "an", "our", "my", "your", "their", "his", "her", "its", "this", "that", "these", "those",
             "some", "any", "all", "every", "each"});
}

// Ends a target phrase: "Uber for dog walking in Berlin", "Airbnb for boats where ...".
bool EndsTarget(std::string_view w) {
  return In(w, {"where", "that", "which", "who", "whom", "with", "so", "in", "to", "but", "and", "or", "because",
                "using", "on", "at", "from", "by", "built", "written", "please", "via", "i", "we", "you", "they", "it",
                "is", "are", "was", "be", "will", "would", "should", "can", "could", "need", "needs", "want", "wants",
                "like", "for", "of", "etc", "than"});
}

// Lodging: what a guest sleeps in ("cabins", "spare rooms"), priced per night.
bool IsLodging(std::string_view w) {
  return In(w, {"room", "home", "house", "cabin", "apartment", "flat", "villa", "cottage", "treehouse", "tent",
                "campsite", "bed", "couch", "loft", "chalet", "hostel", "studio", "yurt", "caravan", "lodge",
                "bungalow", "guesthouse", "suite", "stay", "accommodation"});
}

// Things a customer owns and has serviced: the dog of "dog walking", the car of "car washing".
enum class Owned { kNone, kPet, kVehicle, kDevice };
Owned OwnedKind(std::string_view singular) {
  if (In(singular, {"dog", "cat", "pet", "horse", "puppy", "kitten"})) return Owned::kPet;
  if (In(singular, {"car", "vehicle", "bike", "bicycle", "motorcycle", "motorbike", "scooter", "boat", "van"})) {
    return Owned::kVehicle;
  }
  if (In(singular, {"laptop", "computer", "phone", "smartphone", "tablet", "appliance", "printer"})) {
    return Owned::kDevice;
  }
  return Owned::kNone;
}

// Last words that name the kind of work, not the worker: "home repairs", "lawn care".
bool IsServiceNoun(std::string_view w) {
  return In(w, {"services", "service", "help", "jobs", "job", "work", "repairs", "repair", "care", "assistance",
                "lessons", "classes", "errands", "chores", "maintenance", "installation", "installations", "assembly",
                "removals", "tasks", "gigs", "appointments", "visits", "sessions"});
}

// "walking" -> "walker", "tutoring" -> "tutor", "babysitting" -> "babysitter".
std::string AgentNoun(std::string_view gerund) {
  struct Irregular {
    std::string_view gerund, agent;
  };
  static constexpr Irregular kIrregular[] = {
      {"tutoring", "tutor"},         {"coaching", "coach"},         {"cooking", "cook"},
      {"delivering", "courier"},     {"repairing", "technician"},   {"fixing", "technician"},
      {"mowing", "gardener"},        {"nursing", "nurse"},          {"caring", "carer"},
      {"caregiving", "caregiver"},   {"photographing", "photographer"}, {"consulting", "consultant"},
      {"accounting", "accountant"},  {"tailoring", "tailor"},       {"baking", "baker"},
      {"hiking", "guide"},           {"styling", "stylist"},        {"catering", "caterer"},
      {"guiding", "guide"},          {"translating", "translator"}, {"counselling", "counsellor"},
      {"counseling", "counselor"},   {"editing", "editor"},         {"detailing", "detailer"},
  };
  for (const auto& i : kIrregular) {
    if (gerund == i.gerund) return std::string(i.agent);
  }
  std::string stem(gerund.substr(0, gerund.size() - 3));
  const char last = stem.empty() ? '\0' : stem.back();
  if (last == 'v' || last == 'c' || last == 'z' || (lex::IsEnglishWord(stem + "e") && !lex::IsEnglishWord(stem))) {
    stem += 'e';
  }
  return stem + (stem.back() == 'e' ? "r" : "er");
}

// A plural noun for people who do a job: "dog walkers", "plumbers", "nannies", "tutors".
bool IsWorkerNoun(std::string_view w) {
  return lex::RoleOf(w).has_value() ||
         In(w, {"nannies", "chefs", "cooks", "coaches", "mechanics", "electricians", "nurses", "doctors", "vets",
                "lawyers", "tutors", "teachers", "guides", "photographers", "babysitters", "sitters", "cleaners",
                "handymen", "therapists", "stylists", "barbers", "trainers", "drivers", "movers", "painters",
                "plumbers", "gardeners", "walkers", "groomers", "musicians", "djs", "translators", "freelancers",
                "designers", "developers", "carpenters", "builders", "contractors", "caregivers", "carers", "tailors",
                "instructors", "interpreters"});
}

ArchField Field(std::string name, spec::FieldType type = spec::FieldType::kString, bool required = false) {
  ArchField f;
  f.name = std::move(name);
  f.type = type;
  f.required = required;
  return f;
}

std::string SingularWords(const Words& words) {
  Words out = words;
  if (!out.empty()) out.back() = naming::Singularize(out.back());
  return Join(out, " ");
}

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// The opening of the assumption that says how an analogy was read: 'Read "Uber for dog walking" as '.
std::string ReadAs(const Analogy& an, const std::string& phrase) {
  return "Read \"" + Capitalized(an.brand) + " for " + phrase + "\" as ";
}

// Renames an archetype entity and every relation that names it; the new name's words become a synonym.
void RenameEntity(Archetype& a, std::string from, const std::string& to, const std::string& words) {
  for (auto& e : a.entities) {
    if (e.name != from) continue;
    e.name = to;
    e.synonyms = {words};
    e.domainBound = false;
  }
  for (auto& r : a.relations) {
    if (r.from == from) r.from = to;
    if (r.to == from) r.to = to;
  }
}

ArchEntity* FindEntity(Archetype& a, std::string_view name) {
  for (auto& e : a.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

void DropField(ArchEntity* e, std::string_view name) {
  if (!e) return;
  std::erase_if(e->fields, [&](const ArchField& f) { return f.name == name; });
}

// The customer's own thing that the job is done on: a Dog for "dog walking".
void AddOwnedThing(Archetype& a, const std::string& singular) {
  Owned kind = OwnedKind(singular);
  if (kind == Owned::kNone) return;
  ArchEntity e;
  e.name = naming::ToPascalCase(singular);
  e.synonyms = {singular};
  e.owned = true;
  if (kind == Owned::kPet) {
    e.fields = {Field("name", spec::FieldType::kString, true), Field("breed"),
                Field("birthDate", spec::FieldType::kDate), Field("notes", spec::FieldType::kText)};
  } else if (kind == Owned::kVehicle) {
    e.fields = {Field("make", spec::FieldType::kString, true), Field("model"), Field("plateNumber")};
  } else {
    e.fields = {Field("make", spec::FieldType::kString, true), Field("model"), Field("serialNumber")};
  }
  a.entities.push_back(std::move(e));
  a.relations.push_back({a.entities.back().name, "Booking", spec::RelationKind::kOneToMany});
}

std::optional<Archetype> PlanService(const Analogy& an, const std::string& phrase, std::string& reading) {
  const Archetype* gig = FindArchetype("gig");
  if (!gig) return std::nullopt;
  Archetype a = *gig;
  a.label = "On-demand " + phrase;
  const Words& t = an.target;
  const std::string& last = t.back();
  std::string workers = "providers";
  if (IsServiceNoun(last)) {
    if (t.size() >= 2) AddOwnedThing(a, naming::Singularize(t[t.size() - 2]));
  } else if (last.size() >= 6 && EndsWith(last, "ing") &&
             !In(last, {"clothing", "building", "housing", "parking", "lodging", "bedding", "wedding", "evening"})) {
    std::string agent = AgentNoun(last);
    RenameEntity(a, "Provider", naming::ToPascalCase(agent), agent);
    a.roles = {agent, "customer"};
    workers = naming::Pluralize(agent);
    if (t.size() >= 2) AddOwnedThing(a, naming::Singularize(t[t.size() - 2]));
  } else if (IsWorkerNoun(last)) {
    std::string agent = SingularWords(t);
    RenameEntity(a, "Provider", naming::ToPascalCase(agent), agent);
    a.roles = {naming::Singularize(last), "customer"};
    workers = phrase;
    if (t.size() >= 2) AddOwnedThing(a, naming::Singularize(t[0]));
  } else {
    // "Uber for tow trucks": providers offer their own trucks.
    std::string thing = SingularWords(t);
    ArchEntity e;
    e.name = naming::ToPascalCase(thing);
    e.synonyms = {thing};
    e.fields = {Field("name", spec::FieldType::kString, true), Field("description", spec::FieldType::kText),
                Field("pricePerHour", spec::FieldType::kNumber)};
    a.entities.push_back(std::move(e));
    a.relations.push_back({"Provider", a.entities.back().name, spec::RelationKind::kOneToMany});
    a.relations.push_back({a.entities.back().name, "Booking", spec::RelationKind::kOneToMany});
    workers = "providers with " + phrase;
  }
  reading = ReadAs(an, phrase) + "an on-demand service: customers book " +
            workers + " for a job, follow its status and review it afterwards.";
  return a;
}

}  // namespace

std::optional<Analogy> FindAnalogy(const std::vector<Sentence>& sentences) {
  for (const auto& s : sentences) {
    // Words with their capitalisation; a hyphenated word is its parts ("Uber-like"), punctuation a break ("").
    Words w;
    std::vector<bool> caps;
    for (const auto& tok : s.tokens) {
      if (tok.kind == Token::kPunct) {
        w.emplace_back();
        caps.push_back(false);
        continue;
      }
      if (tok.joined && !w.empty() && !w.back().empty()) {
        w.back() += tok.lower;  // "eBay" is one word
        continue;
      }
      bool first = true;
      for (const auto& part : Split(tok.lower, '-')) {
        if (part.empty()) continue;
        w.push_back(part);
        caps.push_back(first && tok.capitalized);
        first = false;
      }
    }
    static const std::vector<Words> kParts = [] {
      std::vector<Words> out;
      for (const auto& b : kBrands) out.push_back(Split(std::string(b.phrase), ' '));
      return out;
    }();
    for (size_t i = 0; i < w.size(); ++i) {
      for (size_t bi = 0; bi < kBrands.size(); ++bi) {
        const Brand& b = kBrands[bi];
        const Words& parts = kParts[bi];
        if (w[i] != parts[0]) continue;
        if (i + parts.size() > w.size() || !std::equal(parts.begin(), parts.end(), w.begin() + i)) continue;
        const std::string prev = i > 0 ? w[i - 1] : "";
        // "send alerts to Slack", "log in with Facebook", "export to Notion": an integration.
        if (In(prev, {"to", "on", "in", "into", "via", "with", "through", "from", "using", "use", "uses",
                      "integrate", "integrates", "integration", "sync", "syncs", "post", "share", "login", "connect",
                      "connects"})) {
          continue;
        }
        size_t j = i + parts.size();
        bool cue = prev == "like", contrast = false;
        while (j < w.size() && j < i + parts.size() + 5 && (w[j].empty() || IsAnalogyFiller(w[j]))) {
          cue = cue || IsAnalogyCue(w[j]);
          contrast = contrast || w[j] == "but" || w[j] == "except";
          ++j;
        }
        // ("Tinder-style matching for roommates": a word or two naming the kind of product may
        // stand between the cue and "for".)
        if (cue && !(j < w.size() && w[j] == "for")) {
          size_t q = j;
          while (q < w.size() && q < j + 2 && !w[q].empty() && !EndsTarget(w[q]) && !IsDeterminer(w[q])) ++q;
          if (q > j && q < w.size() && w[q] == "for") j = q;
        }
        bool has_for = j < w.size() && (w[j] == "for" || (w[j] == "of" && prev == "the" && !b.everyday));
        // "like Airbnb but different": the brand is what it is not.
        if (contrast && !has_for) continue;
        // "an Airbnb." is the product; "a YouTube channel", "Twitter handle" are its things.
        bool alone = In(prev, {"a", "an"}) && (j >= w.size() || w[j].empty());
        if (!(cue || has_for || alone) || (b.everyday && !caps[i])) continue;
        Analogy an;
        an.brand = std::string(b.phrase);
        an.shape = b.shape;
        an.model = FindArchetype(b.archetype);
        if (!an.model) continue;
        if (has_for) {
          size_t k = j + 1;
          while (k < w.size() && IsDeterminer(w[k])) ++k;
          for (; k < w.size() && an.target.size() < 5 && !w[k].empty() && !EndsTarget(w[k]) && !IsDeterminer(w[k]);
               ++k) {
            an.target.push_back(w[k]);
          }
          Words written(w.begin() + static_cast<long>(i), w.begin() + static_cast<long>(k));
          an.text = Capitalized(Join(written, " "));
          an.placeholder = an.target.empty() ||
                           std::all_of(an.target.begin(), an.target.end(), [](const std::string& x) {
                             return IsPlaceholderWord(x);
                           });
        } else if (prev == "like" && i >= 2) {
          // "A dog walking app like Uber": the words before the product word are the target.
          size_t k = i - 1;  // at "like"
          while (k > 0 && (w[k - 1].empty() || In(w[k - 1], {"app", "apps", "platform", "service", "site",
                                                              "website", "marketplace", "system", "tool",
                                                              "something", "backend"}))) {
            --k;
          }
          size_t b0 = k;
          while (b0 > 0 && !w[b0 - 1].empty() && !IsDeterminer(w[b0 - 1]) && !EndsTarget(w[b0 - 1]) && k - b0 < 4) --b0;
          if (b0 < k) {
            an.target.assign(w.begin() + static_cast<long>(b0), w.begin() + static_cast<long>(k));
            an.text = Capitalized(an.brand) + " for " + Join(an.target, " ");
            an.placeholder = std::all_of(an.target.begin(), an.target.end(),
                                         [](const std::string& x) { return IsPlaceholderWord(x); });
          }
        }
        if (an.text.empty()) an.text = Capitalized(an.brand);
        an.sentence = static_cast<size_t>(&s - sentences.data());
        return an;
      }
    }
  }
  return std::nullopt;
}

void BoostAnalogyModel(const Analogy& a, std::vector<ArchetypeMatch>& matches) {
  if (!a.model) return;
  auto it = std::find_if(matches.begin(), matches.end(), [&](const auto& m) { return m.archetype == a.model; });
  if (it == matches.end()) {
    matches.push_back({a.model, 4});
  } else {
    it->score += 4;
  }
  // "Uber for ..." may as well be any on-demand service: offer that kind of backend too.
  const Archetype* gig = FindArchetype("gig");
  if (a.shape == AnalogyShape::kService && gig && a.model != gig &&
      std::none_of(matches.begin(), matches.end(), [&](const auto& m) { return m.archetype == gig; })) {
    matches.push_back({gig, 1});
  }
  std::stable_sort(matches.begin(), matches.end(), [](const auto& x, const auto& y) { return x.score > y.score; });
}

std::optional<Archetype> PlanAnalogy(const Analogy& an, std::string& reading) {
  if (an.placeholder || an.target.empty() || !an.model) return std::nullopt;
  const std::string phrase = Join(an.target, " ");
  const std::string read_as = ReadAs(an, phrase);
  // A target that is a kind of backend itself: "Uber for food delivery", "Airbnb for hotels".
  auto own = MatchArchetypes(Padded(phrase));
  if (!own.empty() && own.front().score >= 3 && an.shape != AnalogyShape::kSame) {
    reading = read_as + "a " + ToLower(own.front().archetype->label) + " backend.";
    return *own.front().archetype;
  }
  if (an.shape == AnalogyShape::kService) return PlanService(an, phrase, reading);
  Archetype a = *an.model;
  if (an.shape == AnalogyShape::kSame) {
    reading = read_as + "a " + ToLower(a.label) + " backend like " + Capitalized(an.brand) + ".";
    return a;
  }
  // Listings, matches and marketplaces: the listed record takes the target's name ("boat rentals,
  // like Airbnb": the listed thing is the boat).
  Words listed = an.target;
  if (an.shape == AnalogyShape::kStay && listed.size() >= 2 &&
      In(listed.back(), {"rental", "rentals", "listing", "listings", "stays", "bookings", "hire", "sharing"})) {
    listed.pop_back();
  }
  // ("Airbnb for renting camper vans", "Tinder for adopting rescue dogs": the act is the brand's;
  // the record is what it acts on. "lakeside fishing cabins": two words name it well enough.)
  auto act = [](const std::string& w) { return IsActGerund(w); };
  while (listed.size() >= 2 && act(listed.front())) listed.erase(listed.begin());
  if (listed.size() > 2) listed.erase(listed.begin(), listed.end() - 2);
  const std::string singular = SingularWords(listed);
  const std::string name = naming::ToPascalCase(singular);
  RenameEntity(a, a.entities.front().name, name, singular);
  if (an.shape == AnalogyShape::kStay) {
    if (a.id == "stays" && !IsLodging(naming::Singularize(an.target.back()))) {
      // Boats and parking spaces are booked by the day and hold no overnight guests.
      ArchEntity* e = FindEntity(a, name);
      for (auto& f : e->fields) {
        if (f.name == "pricePerNight") f.name = "pricePerDay";
      }
      DropField(e, "maxGuests");
      DropField(FindEntity(a, "Booking"), "guests");
      std::erase_if(a.entities, [](const ArchEntity& x) { return x.name == "Amenity"; });
      std::erase_if(a.relations, [](const ArchRelation& r) { return r.to == "Amenity"; });
    }
    a.label = Capitalized(singular) + " rentals";
    reading = read_as + "bookable listings: owners list " + phrase +
              ", others book them for dates and review them afterwards.";
  } else if (an.shape == AnalogyShape::kMatch) {
    a.label = Capitalized(singular) + " matching";
    reading = read_as + "matching: " + phrase +
              " have profiles, like each other, match when the liking is mutual and then chat.";
  } else {
    a.label = Capitalized(phrase) + " marketplace";
    reading = read_as + "a marketplace: sellers list " + phrase + ", buyers order them and review the sellers.";
  }
  return a;
}

const Archetype* ShapeArchetype(const Analogy& a) {
  return a.shape == AnalogyShape::kService ? FindArchetype("gig") : a.model;
}

std::string AnalogyTargetRecord(const Analogy& a) {
  const auto& t = a.target;
  const bool acts_on_thing = t.size() == 1 || (t.size() == 2 && IsActGerund(t[0]));
  if (a.shape != AnalogyShape::kSame || a.placeholder || !acts_on_thing) return "";
  const std::string& head = t.back();
  const std::string one = naming::Singularize(head);
  if (one == head || lex::IsNonEntity(head) || lex::IsFieldWord(head)) return "";
  return naming::ToPascalCase(one);
}

std::string BrandRecordName(const Analogy& a) {
  std::string out;
  for (char ch : a.brand) {
    if (ch != ' ') out += ch;
  }
  return out;
}

}  // namespace bf::analyze
