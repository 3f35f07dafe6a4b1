#include "analyze/analyzer.h"

#include <algorithm>

#include "analyze/analogy.h"
#include "analyze/archetypes.h"
#include "analyze/build.h"
#include "analyze/clarify.h"
#include "analyze/extract.h"
#include "analyze/guard.h"
#include "analyze/guard_model.h"
#include "analyze/lexicon.h"
#include "analyze/trace.h"
#include "analyze/text.h"
#include "common/strings.h"
#include "spec/naming.h"
#include "spec/spec_edit.h"
#include "spec/spec_json.h"
#include "spec/validate.h"

namespace bf::analyze {
namespace {

std::string FirstLine(const std::string& text) {
  std::string t = Trim(text);
  size_t cut = t.find_first_of("\n.!?");
  std::string line = Trim(t.substr(0, cut));
  if (line.size() > 160) {
    line.resize(160);
    auto sp = line.rfind(' ');
    if (sp != std::string::npos && sp > 80) line.resize(sp);
  }
  // Keep it plain: printable ASCII only.
  std::string out;
  for (char c : line) {
    if (c >= 32 && c < 127 && c != '<' && c != '>') out.push_back(c);
  }
  return out;
}

std::string JoinNames(const std::vector<std::string>& names, size_t max = 8) {
  std::vector<std::string> v(names.begin(), names.begin() + static_cast<ptrdiff_t>(std::min(max, names.size())));
  std::string out = Join(v, ", ");
  if (names.size() > max) out += " and " + std::to_string(names.size() - max) + " more";
  return out;
}

// True when the sentences around the analogy talk about the product, not the business: "something
// modern, with a nice dashboard and AI features; it has to scale and be secure" names no domain,
// "we deliver flowers to offices" does.
bool OutsideNamesNoDomain(const std::vector<Sentence>& sentences, const Analogy& a) {
  static const std::set<std::string, std::less<>> kProductTalk = {
      "app", "apps", "application", "business", "businesses", "company", "startup", "industry", "sector", "niche",
      "market", "dashboard", "dashboards", "admin", "panel", "area", "feature", "features", "ai", "ml", "scale",
      "users", "user", "millions", "million", "day", "backend", "database", "api", "design", "judgement",
      "judgment", "details", "detail", "traffic", "recommendations", "security", "performance", "modern", "ui",
      "ux", "interface", "product", "idea", "platform", "site", "website", "mobile", "cloud", "data", "everything",
      "stuff", "things", "thing", "experience", "people", "customers", "hey", "hi", "hello", "thanks", "best",
      "possible", "secure", "smart", "nice", "slick", "cool", "fast", "quick", "simple", "something", "version",
      "launch", "investors", "team", "budget", "deadline", "week", "weeks", "month", "months", "time", "way",
      "lot", "bit", "kind", "sort", "whole", "type", "types", "style", "look", "feel", "brand", "huge", "super",
      "big", "large", "great", "amazing", "awesome", "beautiful", "clean", "robust", "reliable", "scalable",
      "intuitive", "easy", "powerful", "good", "better", "real", "high", "low", "top", "premium", "sleek"};
  std::set<std::string> nouns;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i == a.sentence) continue;
    for (const auto& t : sentences[i].tokens) {
      const std::string& w = t.lower;
      if (t.kind != Token::kWord || w.size() < 3 || lex::IsStopword(w) || lex::IsVerb(w) || lex::IsMainlyVerb(w) ||
          lex::IsModifier(w) || lex::IsNonEntity(w) || kProductTalk.count(w) ||
          kProductTalk.count(naming::Singularize(w))) {
        continue;
      }
      nouns.insert(naming::Singularize(w));
    }
  }
  return nouns.size() < 2;
}

// The draft entity an archetype entity stands for: the one of its name, else the last one named by
// one of its synonyms ("sellers post listings, buyers send offers": Listing is the Listing, not
// the Offer the marketplace archetype also calls a listing), or "". The draft's names are split
// into words once, for the many archetype entities looked up against one draft.
class DraftNames {
 public:
  explicit DraftNames(const Draft& d) : d_(d) {
    for (size_t i = 0; i < d.entities.size(); ++i) by_words_[naming::ToLowerWords(d.entities[i].name)] = i;
  }
  std::string Of(const ArchEntity& ae) const {
    if (d_.Find(ae.name)) return ae.name;
    std::optional<size_t> at;
    for (const auto& syn : ae.synonyms) {
      if (auto it = by_words_.find(syn); it != by_words_.end() && (!at || it->second > *at)) at = it->second;
    }
    return at ? d_.entities[*at].name : "";
  }

 private:
  const Draft& d_;
  std::map<std::string, size_t> by_words_;  // lowercase words of a name -> last entity index
};

std::string DraftNameOf(const Draft& d, const ArchEntity& ae) { return DraftNames(d).Of(ae); }

// ("Eventbrite for garage sales - hosts post a sale ...": the brand the product is likened to is no
// record of it.) Removes the record named after the brand and its relations.
void DropBrandRecord(Draft& d, const Analogy& a) {
  const std::string brand = BrandRecordName(a);
  const auto named = [&](const std::string& n) { return ToLower(n) == brand; };
  std::erase_if(d.entities, [&](const DEntity& e) { return named(e.name); });
  std::erase_if(d.relations, [&](const DRelation& r) { return named(r.from) || named(r.to); });
}

// ("Like OpenTable, but for booking courts at our tennis club": the things a brand's own kind of
// backend is likened to acting on are a record of it, placed where the analogy's sentence names them.)
void AddAnalogyTargetRecord(Draft& d, const Analogy& a, const std::vector<Sentence>& sentences) {
  const std::string name = AnalogyTargetRecord(a);
  if (name.empty() || d.Find(name)) return;
  DEntity e;
  e.name = name;
  e.order = kUnplacedOrder;
  const auto& T = sentences[a.sentence].tokens;
  for (size_t k = 0; k < T.size() && e.order == kUnplacedOrder; ++k) {
    if (T[k].lower == a.target.back()) e.order = a.sentence * 1000 + k;
  }
  d.entities.push_back(std::move(e));
}

// Adds an archetype's entities and relations to a thin draft. With `mentioned_only`, only the
// archetype's records the text names ("weekly attendance") and their relations.
void Enrich(Draft& d, const Archetype& a, const std::string& norm, std::vector<std::string>& assumptions,
            bool with_roles, bool mentioned_only = false) {
  std::map<std::string, std::string> map;  // archetype name -> draft name
  std::vector<std::string> added;
  for (const auto& ae : a.entities) {
    std::string existing = DraftNameOf(d, ae);
    // "restaurant reservations" in a restaurant backend are its Reservations.
    if (existing.empty() && !d.Find(ae.name)) {
      for (const auto& e : d.entities) {
        const std::string low = naming::ToLowerWords(e.name);
        const size_t sp = low.find(' ');
        if (sp == std::string::npos || low.find(' ', sp + 1) != std::string::npos) continue;
        const std::string domain = low.substr(0, sp), rest = low.substr(sp + 1);
        // ("real estate listings": the domain may be the last word of a two-word trigger.)
        const bool names_domain = std::any_of(a.triggers.begin(), a.triggers.end(), [&](const auto& t) {
          return t.first == domain || (t.first.size() > domain.size() + 1 && t.first.ends_with(" " + domain));
        });
        if (names_domain && std::find(ae.synonyms.begin(), ae.synonyms.end(), rest) != ae.synonyms.end()) {
          existing = ae.name;
          d.RenameEntity(e.name, ae.name);
          break;
        }
      }
    }
    bool mentioned = false;
    for (const auto& syn : ae.synonyms) {
      if (norm.find(Padded(syn)) != std::string::npos ||
          norm.find(Padded(naming::Pluralize(syn))) != std::string::npos) {
        mentioned = true;
      }
    }
    if (!existing.empty()) {
      map[ae.name] = existing;
      if (mentioned_only) continue;  // (the text's own records stay as the text has them)
      DEntity* e = d.Find(existing);
      if (e->fields.empty()) {
        for (const auto& f : ae.fields) e->fields.push_back({f.name, f.type, f.required, f.unique, false, f.enumValues});
      }
      e->owned = e->owned || ae.owned;
      continue;
    }
    if (ae.optional && !mentioned) continue;
    if (mentioned_only) {
      // (Named as records: in the plural or as a mass noun after how often; "for our hotel", "our
      // hockey league", "message dealers" name none.)
      bool named = false;
      for (const auto& syn : ae.synonyms) {
        named = named || norm.find(Padded(naming::Pluralize(syn))) != std::string::npos;
        for (const char* often : {"daily", "weekly", "monthly", "yearly"}) {
          named = named || norm.find(Padded(std::string(often) + " " + syn)) != std::string::npos;
        }
      }
      // ("donation funds: ...": a record of the text whose head is the archetype's is that record.)
      const bool headed = std::any_of(d.entities.begin(), d.entities.end(), [&](const DEntity& x) {
        return naming::SplitWords(x.name).back() == ae.name;
      });
      if (!named || headed) continue;
    }
    DEntity e;
    e.name = ae.name;
    e.owned = ae.owned;
    e.fromArchetype = true;
    e.fromText = mentioned;
    e.order = kUnplacedOrder + added.size();
    for (const auto& f : ae.fields) e.fields.push_back({f.name, f.type, f.required, f.unique, false, f.enumValues});
    d.entities.push_back(std::move(e));
    map[ae.name] = ae.name;
    added.push_back(ae.name);
  }
  const auto is_added = [&](const std::string& n) { return std::find(added.begin(), added.end(), n) != added.end(); };
  for (const auto& r : a.relations) {
    std::string from = r.from == "User" ? "User" : (map.count(r.from) ? map[r.from] : "");
    std::string to = r.to == "User" ? "User" : (map.count(r.to) ? map[r.to] : "");
    if (from.empty() || to.empty()) continue;
    if (mentioned_only && !is_added(from) && !is_added(to)) continue;
    d.AddRelation(from, to, r.kind);
    d.relations.back().fromText = false;
  }
  for (const auto& role : a.roles) {
    if (!with_roles) break;
    if (std::find(d.roles.begin(), d.roles.end(), role) == d.roles.end()) d.roles.push_back(role);
  }
  if (!added.empty()) {
    assumptions.push_back("The description is short, so the " + a.label + " archetype supplied typical entities: " +
                          JoinNames(added) + ".");
  }
}

// "patients, appointments, doctors and invoices", "drivers and vehicles": two records the text
// names without saying how they relate get the relation every archetype that defines both pairs
// them with (the matched archetypes first, then all in their fixed order; the first pairing wins).
// Measured on the read evaluation sets: about 4 in 10 such pairings are right, which is well
// above the precision at which an added relation pays for itself at the current recall.
void RelateLikeKnownPairs(Draft& d, const std::vector<ArchetypeMatch>& matches) {
  auto link = [&d](const std::string& from, const std::string& to, spec::RelationKind kind) {
    if (from.empty() || to.empty() || from == to || from == "User" || to == "User") return;
    if (d.Related(from, to)) return;
    d.AddRelation(from, to, kind);
    d.relations.back().fromText = false;
  };
  std::vector<const Archetype*> order;
  for (const auto& m : matches) order.push_back(m.archetype);
  for (const auto& a : Archetypes()) order.push_back(&a);
  // (Relations are added below, entities are not: the index stays valid.)
  const DraftNames names(d);
  std::map<std::string, std::string> in_draft;  // archetype entity name -> draft name, per archetype
  for (const Archetype* a : order) {
    if (a->relations.empty()) continue;
    in_draft.clear();
    for (const auto& ae : a->entities) in_draft[ae.name] = names.Of(ae);
    for (const auto& r : a->relations) {
      auto from = in_draft.find(r.from), to = in_draft.find(r.to);
      if (from != in_draft.end() && to != in_draft.end()) link(from->second, to->second, r.kind);
    }
  }
  // Everyday pairings no archetype spells out ("a bakery with products, orders, customers and
  // deliveries"): exact record names only.
  static const std::pair<const char*, const char*> kPairs[] = {
      {"Customer", "Order"}, {"Customer", "Invoice"}, {"Customer", "Booking"}, {"Customer", "Reservation"}, {"Customer", "Rental"},
      {"Order", "Delivery"}, {"Order", "Shipment"}, {"Invoice", "Payment"}, {"Patient", "Invoice"},
      {"Patient", "Prescription"}, {"Dentist", "Appointment"}, {"Therapist", "Appointment"}, {"Vet", "Visit"},
      {"Student", "Enrollment"}, {"Course", "Enrollment"}, {"Member", "Loan"}, {"Loan", "Fine"},
      {"Truck", "Trip"}, {"Driver", "Trip"}, {"Vehicle", "Trip"}, {"Vehicle", "Maintenance"},
      {"Truck", "Maintenance"}, {"Vehicle", "FuelLog"}, {"Truck", "FuelLog"}, {"Employee", "Timesheet"},
      {"Candidate", "Application"}, {"Thread", "Post"}, {"Category", "Thread"}, {"Ticket", "Reply"},
      {"Guest", "Booking"}, {"Guest", "Reservation"}, {"Attendee", "Ticket"},
      {"Tenant", "Application"}, {"Apartment", "Application"}, {"Apartment", "Lease"}, {"Concert", "Ticket"}};
  for (const auto& [from, to] : kPairs) {
    if (d.Find(from) && d.Find(to)) link(from, to, spec::RelationKind::kOneToMany);
  }
}

// Whether the padded lowercase text has any of the words.
bool SaysAny(const std::string& norm, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const char* w) { return norm.find(Padded(w)) != std::string::npos; });
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The kinds of account holder a text may name instead of users.
constexpr const char* kHolders[] = {"member", "customer", "subscriber", "buyer",  "seller",
                                    "student", "guest",   "renter",     "shopper", "learner", "patron"};

bool IsHolderWord(std::string_view w) {
  return std::any_of(std::begin(kHolders), std::end(kHolders), [&](const char* h) { return w == h; });
}

// ("Small tattoo parlour: artists, clients, design sketches and appointments", "Bike hire shack: bikes,
// helmets, customers and rentals": in a short request with one act, an appointment, a booking, a
// rental, the people it names and the records nothing links yet are that act's parties.)
void LinkPartiesToTheAct(Draft& d) {
  auto is_act = [](const std::string& name) {
    const auto parts = naming::SplitWords(name);
    return !parts.empty() &&
           In(ToLower(parts.back()), {"booking", "appointment", "reservation", "order", "session", "stay", "visit",
                                      "rental", "loan", "sale", "purchase", "lesson", "enrollment", "enrolment",
                                      "registration", "delivery", "adoption", "job"});
  };
  std::vector<std::string> acts, parties;
  for (const auto& e : d.entities) {
    if (e.name == "User" || e.fromArchetype) continue;
    if (is_act(e.name)) {
      acts.push_back(e.name);
    } else if (const std::string w = ToLower(e.name); IsPersonEntityWord(w) || IsHolderWord(w) ||
               std::none_of(d.relations.begin(), d.relations.end(), [&](const DRelation& r) {
                 return r.from == e.name || r.to == e.name;
               })) {
      parties.push_back(e.name);
    }
  }
  if (acts.size() != 1) return;
  const std::string& act = acts.front();
  for (const auto& p : parties) {
    if (d.Related(p, act)) continue;
    d.AddRelation(p, act, spec::RelationKind::kOneToMany);
    d.relations.back().fromText = false;
  }
}

// "we want to track our apiaries, the hives in each, inspections and honey harvests": a short
// request lists its records in the order a reader nests them, and says little of how they
// relate. A record nothing links yet hangs one-to-many under the best-connected record named
// before it, the nearest of equals (the first under the second when it is the one left alone).
// The login takes part where the text names users or the account holders (members, customers,
// ...). On the read one-line set this alone raised relation F1 by about 0.12; longer texts say how
// their records relate, and the same step loses there, so it is for short requests only.
void LinkListedOrphans(Draft& d, const std::vector<Sentence>& sentences) {
  // Where the text first names a word (singular) that `is` accepts; npos when it never does.
  auto first_mention = [&sentences](auto is) {
    for (size_t si = 0; si < sentences.size(); ++si) {
      const auto& T = sentences[si].tokens;
      for (size_t k = 0; k < T.size(); ++k) {
        if (T[k].kind == Token::kWord && is(naming::Singularize(T[k].lower))) return si * 1000 + k;
      }
    }
    return std::string::npos;
  };
  std::vector<std::pair<size_t, std::string>> listed;  // (first mention, name)
  // (The login, which BuildSpec adds when the draft has none, where the text names its holders.)
  // (Not where the holders are a record of their own: "tutors, students, lesson bookings".)
  const size_t login_at = first_mention([&d](const std::string& w) {
    return w == "user" || (IsHolderWord(w) && !d.Find(naming::ToPascalCase(w)));
  });
  if (login_at != std::string::npos) listed.emplace_back(login_at, "User");
  for (const auto& e : d.entities) {
    if (e.name == "User") continue;
    size_t at = e.order;
    if (at >= kUnplacedOrder) {  // (no mention placed it: where the text names its last word, if it does)
      const std::vector<std::string> parts = naming::SplitWords(e.name);
      const std::string head = parts.empty() ? ToLower(e.name) : ToLower(parts.back());
      at = std::min(at, first_mention([&head](const std::string& w) { return w == head; }));
    }
    listed.emplace_back(at, e.name);
  }
  std::stable_sort(listed.begin(), listed.end());
  if (listed.size() < 2) return;
  std::map<std::string, int> degree;
  for (const auto& r : d.relations) {
    ++degree[r.from];
    ++degree[r.to];
  }
  for (const auto& e : d.entities) {  // (the login owns what users create: BuildSpec links them)
    if (e.owned && e.name != "User") {
      ++degree[e.name];
      ++degree["User"];
    }
  }
  auto link = [&](const std::string& from, const std::string& to) {
    d.AddRelation(from, to, spec::RelationKind::kOneToMany);
    d.relations.back().fromText = false;
    ++degree[from];
    ++degree[to];
  };
  // (A record the text gives its own fields, and the login, are declared, not listed: "users: one
  // admin invites the others" hangs under nothing.)
  auto listed_alone = [&](const std::string& name) {
    const DEntity* e = d.Find(name);
    return degree[name] == 0 && name != "User" && !(e && e->strong);
  };
  if (listed_alone(listed[0].second) && listed[1].second != "User") link(listed[0].second, listed[1].second);
  for (size_t i = 1; i < listed.size(); ++i) {
    if (!listed_alone(listed[i].second)) continue;
    size_t best = 0;
    for (size_t j = 1; j < i; ++j) {
      if (degree[listed[j].second] >= degree[listed[best].second]) best = j;  // (ties: the nearest)
    }
    link(listed[best].second, listed[i].second);
  }
}

// "Members log in and borrow books; librarians run the desk": whoever registers on their own is the
// one kind of account holder among the roles (or the holders the login is named after), so they,
// not a generic "user", get the role at sign-up. "user" stays when the text speaks of users, and
// two kinds of holder ("buyers and sellers") leave the default as it was. Kept only when the spec
// validates.
void HolderDefaultRole(spec::AppSpec& s, const std::vector<std::string>& stated, const std::string& norm) {
  if (std::find(stated.begin(), stated.end(), "user") != stated.end() || SaysAny(norm, {"user", "users"})) return;
  std::string role;
  if (s.auth.userEntity != "User") {
    role = naming::ToSnakeCase(s.auth.userEntity);
  } else {
    for (const auto& r : s.roles) {
      if (!IsHolderWord(r)) continue;
      if (!role.empty()) return;
      role = r;
    }
  }
  if (!IsHolderWord(role) || role == s.auth.defaultRole) return;
  spec::AppSpec m = s;
  std::erase(m.roles, m.auth.defaultRole);
  m.auth.defaultRole = role;
  if (std::find(m.roles.begin(), m.roles.end(), role) == m.roles.end()) m.roles.push_back(role);
  if (!spec::Validate(m).empty()) return;
  s = std::move(m);
}

// "Members book the boats", "customers order cakes for pickup": a text that never speaks of users,
// logins or accounts but of one kind of account holder names the login record after them (`Member`
// logs in). Two kinds ("buyers and sellers"), or other people with roles of their own, stay roles of a
// `User`. ("owner", "driver", "client" and "tenant" are left out: they name a role in a record ("the
// project owner", "a client company") or a customer organisation as often as who signs in.) Returns
// the name; the caller renames the login, or merges it into the holders' record when the text keeps
// one (`MergeLoginInto`).
std::optional<std::string> AccountHolderName(const spec::AppSpec& s, const std::string& norm) {
  if (SaysAny(norm, {"user", "users", "login", "logins"})) return std::nullopt;
  // ("students make an account with email and password" signs them up; any other account is a record.
  // Each sign-up phrase holds one mention of "account(s)".)
  if (norm.find(" account") != std::string::npos) {
    size_t sign_ups = 0;
    for (const auto& phrase : lex::AccountSignUpPhrases()) sign_ups += CountOf(norm, phrase);
    if (CountOf(norm, " account ") + CountOf(norm, " accounts ") > sign_ups) return std::nullopt;
  }
  std::optional<std::string> found;
  for (const char* w : kHolders) {
    const std::string word = w;
    // ("for every member we keep joined_at": one passing mention of a single holder names no one
    // who signs in; "each member's locomotives" does, as an owner.)
    const size_t singular = CountOf(norm, Padded(word)), plural = CountOf(norm, Padded(word + "s")),
                 owner = CountOf(norm, Padded(word + " s"));
    if (plural == 0 && owner == 0 && singular < 2) continue;
    if (found) return std::nullopt;
    found = naming::ToPascalCase(word);
  }
  if (!found || s.auth.userEntity != "User") return std::nullopt;
  // ("agents answer tickets from a customer": when other people sign in too, with roles of their
  // own, the accounts are users of several kinds.)
  for (const auto& role : s.roles) {
    if (role != s.auth.adminRole && role != s.auth.defaultRole && role != naming::ToSnakeCase(*found)) {
      return std::nullopt;
    }
  }
  return found;
}

// "Customers order cakes online; a customer has a name and a phone": the holders are a record of
// the text and the ones who log in, so the login is that record. It takes the login's email and
// name, and the login's relations; one it already has with the same record stays once. The merge
// is kept only when the result validates.
bool MergeLoginInto(spec::AppSpec& s, const std::string& holder) {
  using spec::Relation;
  spec::AppSpec m = s;
  const std::string user = m.auth.userEntity;
  if (!m.FindEntity(user) || !m.FindEntity(holder)) return false;
  spec::Entity h = *m.FindEntity(holder);
  h.owner.reset();
  MakeLoginRecord(h, m.auth.identityField);
  // ("patrons create accounts: first and last name, street, city, ...": what the text gave the
  // accounts is the holders' too.)
  for (const auto& f : m.FindEntity(user)->fields) {
    if (!h.FindField(f.name)) h.fields.push_back(f);
  }
  std::vector<spec::Entity> entities = {h};
  for (const auto& e : m.entities) {
    if (e.name != user && e.name != holder) entities.push_back(e);
  }
  m.entities = std::move(entities);
  std::vector<Relation> kept, moved;
  for (const auto& r : m.relations) (r.from == user || r.to == user ? moved : kept).push_back(r);
  for (Relation r : moved) {
    if (r.from == user && r.to == user) {
      r.from = r.to = holder;
    } else if (r.from == holder || r.to == holder) {
      continue;  // the login and its own record are one
    } else {
      if (r.from == user) r.from = holder;
      if (r.to == user) r.to = holder;
    }
    auto same = std::find_if(kept.begin(), kept.end(), [&](const Relation& k) {
      return k.from == r.from && k.to == r.to && k.kind == r.kind;
    });
    if (same == kept.end()) {
      kept.push_back(r);
      continue;
    }
    for (auto& e : m.entities) {
      if (e.name == r.to && e.owner == r.inverse) e.owner = same->inverse;
    }
  }
  m.relations = std::move(kept);
  m.auth.userEntity = holder;
  if (!spec::Validate(m).empty()) return false;
  s = std::move(m);
  return true;
}

// ("Volunteers register with a nickname, email and password", "Patrons: name, email, password"):
// the one kind of person the text gives a password is the account that logs in, whatever the
// text calls its users. None when the login has credentials of its own or two kinds have them.
// (A text that speaks of users keeps them as the login; admins are a role of it.)
std::optional<std::string> CredentialHolder(const Draft& d, const std::string& norm) {
  if (SaysAny(norm, {"user", "users"})) return std::nullopt;
  std::optional<std::string> found;
  for (const auto& e : d.entities) {
    const bool password = std::any_of(e.fields.begin(), e.fields.end(), [](const DField& f) {
      return ToLower(f.name).find("password") != std::string::npos;
    });
    if (!password) continue;
    if (e.name == "User" || found) return std::nullopt;
    const std::string head = ToLower(naming::SplitWords(e.name).back());
    if (In(head, {"admin", "administrator", "moderator", "superuser"}) ||
        (!IsPersonEntityWord(head) && !lex::RoleOf(head) && !IsHolderWord(head))) {
      return std::nullopt;
    }
    found = e.name;
  }
  return found;
}

AnalysisResult Refuse(const EthicsVerdict& v) {
  AnalysisResult r;
  r.status = Status::kRefuse;
  r.reason = "I can't help build this: " + v.reason +
             " I can help with a lawful alternative, for example a consent-based version where the people involved "
             "opt in and can see and delete their data.";
  return r;
}

}  // namespace

std::string_view ToString(Status s) {
  switch (s) {
    case Status::kPlan: return "plan";
    case Status::kClarify: return "clarify";
    case Status::kRefuse: return "refuse";
  }
  return "clarify";
}

std::string_view ToString(ChatReply::Kind k) {
  switch (k) {
    case ChatReply::kEdited: return "edited";
    case ChatReply::kPlanned: return "planned";
    case ChatReply::kClarify: return "clarify";
    case ChatReply::kRefused: return "refused";
    case ChatReply::kUndone: return "undone";
    case ChatReply::kNoChange: return "no_change";
  }
  return "no_change";
}

AnalysisResult Analyze(std::string_view description, std::span<const Turn> conversation,
                       const std::map<std::string, std::string>& answers) {
  std::string text(description);
  for (const auto& t : conversation) {
    if (t.role == "user" && t.text != description) text += "\n" + t.text;
  }
  Sanitized san = Sanitize(text);
  san.text = FlattenMarkdown(san.text);
  EthicsVerdict ethics = CheckEthics(san.text);
  if (ethics.refuse) return Refuse(ethics);

  auto sentences = Segment(san.text);
  CorrectTypos(sentences);
  NormalizeLearnerGrammar(sentences);
  std::string corrected;
  for (const auto& s : sentences) {
    corrected += JoinLower(s.tokens, 0, s.tokens.size());
    corrected += " .\n";
  }
  const std::string norm = NormalizeForPhrases(corrected);
  auto matches = MatchArchetypes(norm);
  const std::optional<Analogy> analogy = FindAnalogy(sentences);
  if (analogy) BoostAnalogyModel(*analogy, matches);
  // (A short request that no archetype or brand fits is read leniently: see Extract.)
  Draft draft = Extract(sentences, !analogy && (matches.empty() || matches.front().score < 3));
  if (analogy) {
    DropBrandRecord(draft, *analogy);
    AddAnalogyTargetRecord(draft, *analogy, sentences);
  }
  SplitPersonCompounds(draft);
  LinkCompounds(draft);
  QualifyDependents(draft);
  MergeLoginAccount(draft);
  const std::string owner_of_all = StatedOwnerOfAll(sentences);
  std::string tenant = StatedTenant(sentences);
  if (tenant.empty() && owner_of_all != "User") tenant = owner_of_all;
  if (owner_of_all == "User") ScopeToOwner(draft);
  if (const std::string parent = StatedParentOfAll(sentences); parent == "User") {
    ScopeToOwner(draft);
  } else if (!parent.empty()) {
    ScopeToParent(draft, parent);
  }
  const bool stated_tenant = !tenant.empty();
  if (stated_tenant || lex::DetectFeatures(norm).count(spec::Feature::kMultiTenancy)) {
    ScopeToTenant(draft, sentences, tenant);
  }
  ShareTags(draft, tenant);
  RecordRuleTrace(draft);  // (again below, once archetypes have enriched it; a clarified text keeps this one)

  int text_entities = 0, strong = 0, fielded = 0, listed = 0;
  for (const auto& e : draft.entities) {
    if (e.name == "User") continue;
    ++text_entities;
    if (e.strong) ++strong;
    if (e.listed) ++listed;
    if (e.fields.size() >= 3) ++fielded;
  }
  ClarifyAnswers chosen = ReadAnswers(answers);
  AnalysisResult result;
  if (!chosen.domain) {
    ClarityInput ci;
    ci.norm = norm;
    ci.words = static_cast<int>(std::count(norm.begin(), norm.end(), ' ')) - 1;  // words in the text
    ci.textEntities = text_entities;
    ci.strongEntities = strong;
    ci.listedEntities = listed;
    ci.fieldedEntities = fielded;
    ci.matches = matches;
    ci.vagueness = ClassifyVagueness(san.text);
    ci.contradictionAnswered = !chosen.contradiction.empty();
    // (The rest of the text may be talk about the product rather than the business: "something
    // modern, it has to scale, I trust your judgement".)
    // (A brand of one kind of backend needs no domain: "Slack-style chat for our team" is a chat.)
    if (analogy && analogy->placeholder && analogy->shape != AnalogyShape::kSame &&
        OutsideNamesNoDomain(sentences, *analogy)) {
      ci.analogyWithoutDomain = analogy->text;
    }
    ClarityVerdict cv = AssessClarity(ci);
    if (cv.clarify) {
      result.status = Status::kClarify;
      result.reason = cv.reason;
      result.questions = std::move(cv.questions);
      return result;
    }
  }

  std::vector<std::string> assumptions;
  if (!chosen.contradiction.empty()) {
    // Only a listed option is echoed (the answer is user input); anything else takes the default.
    if (auto q = FindContradiction(norm)) {
      std::string pick = q->defaultOption;
      for (const auto& o : q->options) {
        if (ToLower(o) == ToLower(chosen.contradiction)) pick = o;
      }
      assumptions.push_back("Two requirements excluded each other; as answered: " + pick + ".");
    }
  }
  const Archetype* arch = chosen.domain;
  const int words = static_cast<int>(std::count(norm.begin(), norm.end(), ' ')) - 1;
  // "Uber for dog walking": the named product's model carried over to the domain after "for".
  std::optional<Archetype> carried;
  if (!arch && analogy && text_entities <= 2 && words <= 40) {
    std::string reading;
    carried = PlanAnalogy(*analogy, reading);
    if (carried) {
      arch = &*carried;
      assumptions.push_back(reading);
    } else if (analogy->placeholder && !OutsideNamesNoDomain(sentences, *analogy)) {
      // "Uber for our industry. We deliver flowers to offices.": the brand's shape, and the rest of
      // the text for the domain.
      arch = ShapeArchetype(*analogy);
      if (arch) {
        assumptions.push_back("Read \"" + analogy->text + "\" as a backend for " + ToLower(arch->label) +
                              " shaped like " + analogy->text.substr(0, analogy->text.find(' ')) +
                              "; the rest of the description says what the business offers.");
      }
    }
  }
  // Archetypes fill in short descriptions only; a detailed description is taken at its word.
  if (!arch && !matches.empty() && matches.front().score >= 3 && text_entities <= 2 && words <= 40) {
    arch = matches.front().archetype;
  }
  const std::vector<std::string> stated_roles = draft.roles;
  std::set<spec::Feature> features = lex::DetectFeatures(norm);
  if (stated_tenant) features.insert(spec::Feature::kMultiTenancy);
  bool login = lex::MentionsLogin(norm);
  if (arch) {
    Enrich(draft, *arch, norm, assumptions, words <= 15 || chosen.domain != nullptr);
    for (auto f : arch->features) features.insert(f);
  } else if (!matches.empty() && matches.front().score >= 3 && text_entities <= 5 && words <= 40) {
    // ("our language school - teachers, their classes, enrolled students and weekly attendance": a
    // short request that names a few records of a known kind of backend gets the kind's records it
    // names in passing, and their usual links.)
    Enrich(draft, *matches.front().archetype, norm, assumptions, false, true);
  }
  RelateLikeKnownPairs(draft, matches);
  if (words <= 40) LinkPartiesToTheAct(draft);
  if (words <= 40) LinkListedOrphans(draft, sentences);
  RecordRuleTrace(draft);
  for (const auto& r : chosen.roles) {
    if (std::find(draft.roles.begin(), draft.roles.end(), r) == draft.roles.end()) draft.roles.push_back(r);
  }
  if (chosen.payments) features.insert(spec::Feature::kPayments);
  int non_default_roles = 0;
  for (const auto& r : draft.roles) {
    if (r != "user" && r != "admin") ++non_default_roles;
  }
  bool role_words = norm.find(" roles ") != std::string::npos || norm.find(" role ") != std::string::npos ||
                    norm.find(" permissions ") != std::string::npos || norm.find(" rbac ") != std::string::npos ||
                    norm.find(" read only ") != std::string::npos || norm.find(" moderators ") != std::string::npos;
  if (draft.roles.size() >= 2 || (role_words && !draft.roles.empty()) || non_default_roles >= 2) {
    features.insert(spec::Feature::kRoles);
  }

  BuildInput in;
  std::string title_base;
  if (arch) title_base = arch->label.substr(0, arch->label.find(" /"));
  else if (!matches.empty() && matches.front().score >= 3) title_base = matches.front().archetype->label.substr(0, matches.front().archetype->label.find(" /"));
  else if (!draft.entities.empty()) {
    for (const auto& e : draft.entities) {
      if (e.name != "User") {
        title_base = naming::ToTitleWords(e.name);
        break;
      }
    }
  }
  if (title_base.empty()) title_base = "App";
  in.title = title_base + " API";
  in.description = FirstLine(san.text);
  in.features = features;
  in.stack = lex::DetectStack(san.text);
  in.archetypes = matches;
  BuildOutput built = BuildSpec(draft, in);

  bool auth_stated = login || draft.userMentioned || !stated_roles.empty() || chosen.domain != nullptr;
  bool holders_named = false;  // the login is the account holders the text names, not a default
  if (const auto holder = AccountHolderName(built.spec, norm)) {
    const std::string said = "The text speaks of " + ToLower(naming::PluralizeName(*holder)) +
                             ", not users: they are the accounts that log in (" + *holder + ").";
    if (!built.spec.FindEntity(*holder)) {
      // (Validated like a chat edit: a spec the rename would break keeps its User.)
      if (spec::Apply(built.spec, spec::SpecEdit{spec::edit::RenameEntity{"User", *holder, ""}})) {
        built.assumptions.push_back(said);
        holders_named = true;
      }
    } else if (auth_stated && MergeLoginInto(built.spec, *holder)) {
      // (A login nobody mentioned stays a User of its own: the holders may be records the staff keep.)
      built.assumptions.push_back(said);
    }
  } else if (const auto with_password = CredentialHolder(draft, norm);
             with_password && built.spec.auth.userEntity == "User" && MergeLoginInto(built.spec, *with_password)) {
    built.assumptions.push_back("The text gives " + ToLower(naming::PluralizeName(*with_password)) +
                                " a password: they are the accounts that log in (" + *with_password + ").");
  }
  HolderDefaultRole(built.spec, draft.roles, norm);
  result.status = Status::kPlan;
  result.spec = std::move(built.spec);
  const spec::AppSpec& s = *result.spec;
  if (!auth_stated) {
    // ("track customers, their gardens": the customers are in the text even when their logging in
    // is not.)
    if (!holders_named) result.defaultedEntities.push_back(s.auth.userEntity);
    result.defaultedFeatures.push_back(spec::Feature::kAuth);
    assumptions.push_back("No login was mentioned; every generated backend still gets register/login with a " +
                          s.auth.userEntity + " entity (email + name).");
  }
  if (std::find(draft.roles.begin(), draft.roles.end(), "admin") == draft.roles.end()) result.defaultedRoles.push_back("admin");
  if (std::find(draft.roles.begin(), draft.roles.end(), "user") == draft.roles.end() &&
      std::find(s.roles.begin(), s.roles.end(), "user") != s.roles.end()) {
    result.defaultedRoles.push_back("user");
  }
  if (san.removedSpans > 0) {
    assumptions.push_back("Left out " + std::to_string(san.removedSpans) +
                          " passage(s) that addressed an AI or carried commands; descriptions are treated as data.");
  }
  if (s.stack.language.empty()) assumptions.push_back("No language was named; the planner will recommend a stack.");
  if (s.stack.database.empty()) assumptions.push_back("No database was named; the planner will recommend one.");
  for (auto& a : built.assumptions) assumptions.push_back(std::move(a));
  result.assumptions = std::move(assumptions);
  return result;
}

nlohmann::ordered_json ToJson(const Question& q) {
  nlohmann::ordered_json j;
  j["id"] = q.id;
  j["text"] = q.text;
  j["options"] = q.options;
  j["default"] = q.defaultOption;
  return j;
}

nlohmann::ordered_json ToJson(const AnalysisResult& r) {
  nlohmann::ordered_json j;
  j["status"] = ToString(r.status);
  j["spec"] = r.spec ? spec::ToJson(*r.spec) : nlohmann::ordered_json();
  j["questions"] = nlohmann::ordered_json::array();
  for (const auto& q : r.questions) j["questions"].push_back(ToJson(q));
  j["reason"] = r.reason;
  j["assumptions"] = r.assumptions;
  return j;
}

namespace {

class OfflineEngine final : public Engine {
 public:
  std::string_view name() const override { return "offline"; }
  AnalysisResult Analyze(std::string_view description, std::span<const Turn> conversation,
                         const std::map<std::string, std::string>& answers) override {
    return analyze::Analyze(description, conversation, answers);
  }
  ChatReply Chat(ChatState& state, std::string_view message) override { return analyze::Chat(state, message); }
};

}  // namespace

std::unique_ptr<Engine> MakeOfflineEngine() { return std::make_unique<OfflineEngine>(); }

}  // namespace bf::analyze
