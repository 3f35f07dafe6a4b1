// Follow-up chat: a user message becomes SpecEdit ops applied to the current spec (validated by
// spec::Apply, inverse pushed on the undo stack). Intents are read with the same hand-written
// tokenizer as descriptions; pronouns ("add a rating to it") refer to the entity mentioned last.
#include <algorithm>
#include <cctype>

#include "analyze/analyzer.h"
#include "analyze/archetypes.h"
#include "analyze/extract_util.h"
#include "analyze/guard.h"
#include "analyze/lexicon.h"
#include "analyze/text.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

using spec::SpecEdit;
namespace ed = spec::edit;

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : Segment(text)) {
    for (const auto& t : s.tokens) {
      if (t.kind != Token::kPunct) out.push_back(t.lower);
    }
  }
  return out;
}

// Entity named by `word` (singular or plural, any case), or "".
std::string EntityFor(const spec::AppSpec& s, const std::vector<std::string>& words) {
  if (words.empty()) return "";
  for (size_t take = std::min<size_t>(3, words.size()); take >= 1; --take) {
    std::vector<std::string> w(words.end() - static_cast<ptrdiff_t>(take), words.end());
    std::string pascal = naming::ToPascalCase(Join(w, " "));
    std::string single = naming::SingularizeName(pascal);
    for (const auto& e : s.entities) {
      if (ToLower(e.name) == ToLower(single) || ToLower(e.name) == ToLower(pascal) ||
          ToLower(e.plural) == ToLower(pascal)) {
        return e.name;
      }
    }
  }
  return "";
}

std::optional<spec::Feature> FeatureFor(const std::vector<std::string>& words) {
  std::string j = Padded(Join(words, " "));
  struct F { std::string_view cue; spec::Feature f; };
  static const F kMap[] = {{"notification", spec::Feature::kNotifications}, {"notifications", spec::Feature::kNotifications},
                           {"realtime", spec::Feature::kRealtime}, {"real time", spec::Feature::kRealtime},
                           {"websockets", spec::Feature::kRealtime}, {"live updates", spec::Feature::kRealtime},
                           {"search", spec::Feature::kSearch}, {"full text search", spec::Feature::kSearch},
                           {"payments", spec::Feature::kPayments}, {"payment", spec::Feature::kPayments},
                           {"file uploads", spec::Feature::kFileUploads}, {"uploads", spec::Feature::kFileUploads},
                           {"email", spec::Feature::kEmail}, {"emails", spec::Feature::kEmail},
                           {"audit log", spec::Feature::kAuditLog}, {"audit logging", spec::Feature::kAuditLog},
                           {"multi tenancy", spec::Feature::kMultiTenancy}, {"tenancy", spec::Feature::kMultiTenancy},
                           {"rate limiting", spec::Feature::kRateLimiting}, {"rate limits", spec::Feature::kRateLimiting},
                           {"scheduling", spec::Feature::kScheduling}, {"roles", spec::Feature::kRoles}};
  for (const auto& m : kMap) {
    if (j.find(Padded(m.cue)) != std::string::npos && Trim(j).size() <= m.cue.size() + 12) return m.f;
  }
  return std::nullopt;
}

// The entity the conversation mentioned last (for "it" / "them").
std::string LastMentioned(const ChatState& st) {
  // The opening description names everything; focus comes from the follow-ups after it.
  auto first_user = std::find_if(st.turns.begin(), st.turns.end(), [](const Turn& t) { return t.role == "user"; });
  for (auto t = st.turns.rbegin(); t != st.turns.rend() && &*t != &*first_user; ++t) {
    // Plan summaries list every entity; only user turns and edit confirmations carry focus.
    if (t->role == "assistant" && !StartsWith(t->text, "Done")) continue;
    auto ws = Words(t->text);
    for (auto w = ws.rbegin(); w != ws.rend(); ++w) {
      std::string e = EntityFor(*st.spec, {*w});
      if (!e.empty() && e != st.spec->auth.userEntity) return e;
    }
  }
  return "";
}

bool IsPronoun(const std::string& w) { return In(w, {"it", "them", "that", "this", "those", "these", "its"}); }

// Strips articles, "field", "entity", "new", "also" from a phrase.
std::vector<std::string> Clean(std::vector<std::string> w) {
  w.erase(std::remove_if(w.begin(), w.end(), [](const std::string& x) {
            return In(x, {"a", "an", "the", "new", "also", "field", "fields", "entity", "entities", "table", "model",
                          "column", "attribute", "property", "please", "some", "called", "named", "too", "as",
                          "well", "just", "please", "can", "you", "we", "i", "me"});
          }),
          w.end());
  return w;
}

spec::Field MakeField(const std::vector<std::string>& words) {
  spec::Field f;
  f.name = naming::ToCamelCase(Join(words, " "));
  f.type = lex::InferFieldType(words).type;
  return f;
}

bool IsNumber(const std::string& x) {
  return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "from 1 to 5", "between 0 and 100" starting at words[i]; nothing when the words say otherwise.
std::optional<std::pair<double, double>> BoundsAt(const std::vector<std::string>& words, size_t i) {
  if (i + 3 >= words.size() || !In(words[i], {"from", "between"}) || !IsNumber(words[i + 1]) ||
      !In(words[i + 2], {"to", "and"}) || !IsNumber(words[i + 3])) {
    return std::nullopt;
  }
  return std::make_pair(std::stod(words[i + 1]), std::stod(words[i + 3]));
}

// "a rating from 1 to 5 and a comment" -> rating (integer 1..5), comment.
std::vector<spec::Field> FieldsOfWithClause(const std::vector<std::string>& words) {
  std::vector<spec::Field> out;
  std::vector<std::vector<std::string>> phrases(1);
  for (const auto& x : words) {
    if (x == "and" || x == "," || x == ";" || x == ".") {
      phrases.emplace_back();
    } else {
      phrases.back().push_back(x);
    }
  }
  // "first and last name": a lone prefix borrows the next item's head.
  for (size_t i = 0; i + 1 < phrases.size(); ++i) {
    if (phrases[i].size() == 1 && phrases[i + 1].size() >= 2 &&
        In(phrases[i][0], {"first", "middle", "last", "start", "end", "min", "max", "minimum", "maximum", "home", "work",
                           "billing", "shipping"})) {
      phrases[i].push_back(phrases[i + 1].back());
    }
  }
  for (const auto& p : phrases) {
    std::vector<std::string> name;
    size_t i = 0;
    for (; i < p.size() && !In(p[i], {"from", "between", "of", "up", "in", "that", "which"}) && !IsNumber(p[i]); ++i) name.push_back(p[i]);
    name = Clean(name);
    if (name.empty() || name.size() > 3) continue;
    spec::Field f = MakeField(name);
    if (auto bounds = BoundsAt(p, i)) {
      f.type = spec::FieldType::kInteger;
      f.min = bounds->first;
      f.max = bounds->second;
    }
    out.push_back(f);
  }
  return out;
}

spec::Entity MakeEntity(const std::string& name) {
  spec::Entity e;
  e.name = name;
  e.plural = naming::PluralizeName(name);
  if (const ArchEntity* known = KnownEntity(name)) {
    for (const auto& af : known->fields) {
      spec::Field f;
      f.name = af.name;
      f.type = af.type;
      f.required = af.required;
      f.unique = af.unique;
      f.enumValues = af.enumValues;
      e.fields.push_back(f);
    }
  }
  if (e.fields.empty()) {
    spec::Field f;
    f.name = "name";
    f.required = true;
    e.fields.push_back(f);
  }
  return e;
}

// The content entity a bare "add likes" attaches to: the last mentioned, else the first owned.
std::string MainEntity(const ChatState& st) {
  std::string last = LastMentioned(st);
  if (!last.empty()) return last;
  for (const auto& e : st.spec->entities) {
    if (e.owner) return e.name;
  }
  for (const auto& e : st.spec->entities) {
    if (e.name != st.spec->auth.userEntity) return e.name;
  }
  return "";
}

// Edits that add entity `name` (with owner and a link to `parent` when given, the login included:
// "add addresses to users").
std::vector<SpecEdit> AddEntityEdits(const spec::AppSpec& s, const std::string& name, const std::string& parent) {
  std::vector<SpecEdit> ops;
  spec::Entity e = MakeEntity(name);
  static const std::set<std::string> kOwned = {"Comment", "Like", "Review", "Rating", "Post", "Order", "Booking",
                                               "Message", "Vote", "Favorite", "Bookmark", "Note", "Reservation",
                                               "Follow", "Notification", "Reply", "Answer", "Question"};
  const std::string& user = s.auth.userEntity;
  bool owned = kOwned.count(name) > 0 && s.auth.enabled;
  if (owned) e.owner = name == "Comment" || name == "Review" || name == "Reply" ? "author" : "owner";
  ops.push_back({ed::AddEntity{e, std::nullopt}});
  if (owned) {
    spec::Relation r;
    r.from = user;
    r.to = name;
    r.kind = spec::RelationKind::kOneToMany;
    r.inverse = *e.owner;
    r.onDelete = spec::OnDelete::kCascade;
    ops.push_back({ed::AddRelation{r, std::nullopt}});
  }
  // (Owned records are already linked to the login above.)
  if (!parent.empty() && !(owned && parent == user)) {
    spec::Relation r;
    r.kind = name == "Tag" || name == "Label" || name == "Category" ? spec::RelationKind::kManyToMany
                                                                    : spec::RelationKind::kOneToMany;
    r.from = parent;
    r.to = name;
    r.onDelete = spec::OnDelete::kCascade;
    ops.push_back({ed::AddRelation{r, std::nullopt}});
  }
  return ops;
}

// A field type the user names ("integer", "int", "decimal", "bool", "timestamp").
std::optional<spec::FieldType> TypeWord(const std::string& w) {
  if (w == "enum") return std::nullopt;  // needs values; "status: a, b or c" makes one
  if (auto t = spec::ParseFieldType(w)) return t;
  static const std::pair<std::string_view, spec::FieldType> kMore[] = {
      {"int", spec::FieldType::kInteger},     {"whole", spec::FieldType::kInteger},
      {"decimal", spec::FieldType::kNumber},  {"float", spec::FieldType::kNumber},
      {"double", spec::FieldType::kNumber},   {"bool", spec::FieldType::kBoolean},
      {"timestamp", spec::FieldType::kDateTime}, {"uri", spec::FieldType::kUrl},
      {"link", spec::FieldType::kUrl},        {"guid", spec::FieldType::kUuid},
      {"string", spec::FieldType::kString}};
  for (const auto& [word, type] : kMore) {
    if (w == word) return type;
  }
  return std::nullopt;
}

// The field with its type changed; constraints the new type cannot carry are dropped.
spec::Field Retyped(spec::Field f, spec::FieldType t) {
  f.type = t;
  if (t != spec::FieldType::kEnum) f.enumValues.clear();
  if (!spec::IsTextual(t)) f.maxLength.reset();
  if (!spec::IsNumeric(t)) {
    f.min.reset();
    f.max.reset();
  }
  f.defaultValue.reset();
  return f;
}

// The entity holding `field`: `hint` when given, else the entity talked about last, else the
// login entity, else the first entity that has it; "" when none has it.
std::string FieldOwner(const ChatState& st, const std::string& hint, const std::string& field) {
  const spec::AppSpec& s = *st.spec;
  auto has = [&](const std::string& e) { return !e.empty() && s.FindEntity(e) && s.FindEntity(e)->FindField(field); };
  if (!hint.empty()) return has(hint) ? hint : "";
  for (const std::string& e : {LastMentioned(st), s.auth.userEntity}) {
    if (has(e)) return e;
  }
  for (const auto& e : s.entities) {
    if (e.FindField(field)) return e.name;
  }
  return "";
}

bool Related(const spec::AppSpec& s, const std::string& a, const std::string& b) {
  return std::any_of(s.relations.begin(), s.relations.end(), [&](const spec::Relation& r) {
    return (r.from == a && r.to == b) || (r.from == b && r.to == a);
  });
}

bool Intersects(const std::vector<std::string>& w, std::initializer_list<std::string_view> set) {
  return std::any_of(w.begin(), w.end(), [&](const std::string& x) { return In(x, set); });
}

// The answer to "what entities are there?" / "show the fields of tasks" / "list the roles".
std::string Overview(const spec::AppSpec& s, const std::vector<std::string>& w) {
  for (const auto& x : w) {
    const spec::Entity* e = s.FindEntity(EntityFor(s, {x}));
    if (!e) continue;
    std::string out = e->name + ":";
    for (const auto& f : e->fields) {
      out += "\n- " + f.name + " (" + std::string(spec::ToString(f.type)) + (f.required ? ", required" : "") +
             (f.unique ? ", unique" : "") + ")";
    }
    for (const auto& r : s.relations) {
      if (r.from == e->name || r.to == e->name) {
        out += "\n- " + r.from + " " + std::string(spec::ToString(r.kind)) + " " + r.to;
      }
    }
    return out;
  }
  std::vector<std::string> entities, features;
  for (const auto& e : s.entities) {
    entities.push_back(e.name + " (" + std::to_string(e.fields.size()) + (e.fields.size() == 1 ? " field)" : " fields)"));
  }
  for (auto f : s.features) features.emplace_back(spec::ToString(f));
  std::string out;
  if (!Intersects(w, {"role", "roles", "feature", "features"}) || Intersects(w, {"entity", "entities"})) {
    out += "Entities: " + Join(entities, ", ") + ".\n";
  }
  if (!Intersects(w, {"entity", "entities", "feature", "features"}) || Intersects(w, {"role", "roles"})) {
    out += "Roles: " + (s.roles.empty() ? std::string("none") : Join(s.roles, ", ")) + ".\n";
  }
  if (!Intersects(w, {"entity", "entities", "role", "roles"}) || Intersects(w, {"feature", "features"})) {
    out += "Features: " + (features.empty() ? std::string("none") : Join(features, ", ")) + ".\n";
  }
  return out + "Name an entity to see its fields (\"show the fields of " +
         (s.entities.empty() ? std::string("posts") : naming::ToLowerWords(s.entities.back().plural)) + "\").";
}

// What an instruction asks for, as read by one of the readers below: whether it matched, the
// edits, or what to tell the user when it matched but there is nothing to do.
struct Intent {
  bool matched = false;
  std::vector<SpecEdit> ops;
  std::string error;
  bool already = false;  // the error says the spec already is as asked
};

// "draft, published or archived" -> draft, published, archived: two or more items of at most three
// words each, separated by commas, "or", "and" or "/"; else empty.
std::vector<std::string> EnumValuesOf(std::string_view text) {
  std::string t = " " + std::string(text) + " ";
  for (std::string_view sep : {" or ", " and ", "/", "|"}) {
    for (size_t at; (at = t.find(sep)) != std::string::npos;) t.replace(at, sep.size(), ",");
  }
  std::vector<std::string> out;
  for (const auto& piece : Split(t, ',')) {
    auto ws = Words(piece);
    if (ws.empty()) continue;
    if (ws.size() > 3) return {};
    out.push_back(naming::ToSnakeCase(Join(ws, " ")));
  }
  if (out.size() < 2) return {};
  return out;
}

// "change the type of price to integer", "make price an integer", "price should be a decimal".
Intent TypeChange(const ChatState& st, const std::vector<std::string>& w) {
  Intent out;
  if (w.size() < 3) return out;
  auto type = TypeWord(w.back());
  if (!type) return out;
  size_t k = w.size() - 1;
  while (k > 0 && In(w[k - 1], {"a", "an", "to", "into", "be", "type", "of"})) --k;
  if (k == w.size() - 1) return out;  // nothing ties the type word to the command ("add a date")
  size_t v = 0;
  while (v < k && !In(w[v], {"change", "set", "convert", "turn", "make", "switch", "should", "must"})) ++v;
  if (v == k) return out;
  std::vector<std::string> words = In(w[v], {"should", "must"})
                                       ? Clean({w.begin(), w.begin() + static_cast<ptrdiff_t>(v)})
                                       : Clean({w.begin() + static_cast<ptrdiff_t>(v + 1), w.begin() + static_cast<ptrdiff_t>(k)});
  while (!words.empty() && In(words.front(), {"type", "of"})) words.erase(words.begin());
  std::string hint;
  for (size_t i = 0; i < words.size(); ++i) {
    if (In(words[i], {"of", "on", "in", "for"}) && i > 0) {
      hint = EntityFor(*st.spec, {words.begin() + static_cast<ptrdiff_t>(i + 1), words.end()});
      words.resize(i);
      break;
    }
  }
  if (hint.empty() && words.size() >= 2 && !EntityFor(*st.spec, {words[0]}).empty()) {  // "make post price ..."
    hint = EntityFor(*st.spec, {words[0]});
    words.erase(words.begin());
  }
  if (words.empty()) return out;
  out.matched = true;
  const std::string field = naming::ToCamelCase(Join(words, " "));
  const std::string owner = FieldOwner(st, hint, field);
  if (owner.empty()) {
    out.error = "I couldn't find a field called \"" + Join(words, " ") + "\".";
    return out;
  }
  const spec::Field& f = *st.spec->FindEntity(owner)->FindField(field);
  if (f.type == *type) {
    out.error = owner + "." + field + " is already " + std::string(spec::ToString(*type)) + ".";
    out.already = true;
    return out;
  }
  out.ops.push_back({ed::UpdateField{owner, Retyped(f, *type)}});
  return out;
}

bool IsQuantifier(const std::string& w) {
  return In(w, {"many", "several", "multiple", "some", "any", "more", "lots", "number", "of", "one", "or", "exactly",
                "only", "each", "every", "all", "can", "may", "will", "should"});
}

// Units after "in" ("a cooking time in minutes"): the field's type.
std::optional<spec::FieldType> UnitType(const std::string& w) {
  if (In(w, {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "cents"})) return spec::FieldType::kInteger;
  if (In(w, {"km", "kilometers", "kilometres", "miles", "meters", "metres", "cm", "mm", "kg", "kilograms", "grams",
             "pounds", "liters", "litres", "euros", "dollars", "percent"})) {
    return spec::FieldType::kNumber;
  }
  return std::nullopt;
}

// A relation from `from` to `to`, named by the spec's defaults.
SpecEdit LinkEdit(const std::string& from, const std::string& to, spec::RelationKind kind) {
  spec::Relation r;
  r.from = from;
  r.to = to;
  r.kind = kind;
  return {ed::AddRelation{r, std::nullopt}};
}

// The self many-to-many "users follow users".
SpecEdit FollowEdit(const spec::AppSpec& s) {
  spec::Relation r;
  r.from = r.to = s.auth.userEntity;
  r.kind = spec::RelationKind::kManyToMany;
  r.name = "following";
  r.inverse = "followers";
  return {ed::AddRelation{r, std::nullopt}};
}

// "users can follow other users", "let users follow each other".
Intent Follows(const spec::AppSpec& s, const std::vector<std::string>& w) {
  Intent out;
  size_t f = 0;
  while (f < w.size() && w[f] != "follow") ++f;
  if (f == 0 || f + 1 >= w.size()) return out;
  const std::string& user = s.auth.userEntity;
  bool subject = false, object = false;
  for (size_t i = 0; i < f; ++i) subject = subject || EntityFor(s, {w[i]}) == user || In(w[i], {"users", "people", "members"});
  for (size_t i = f + 1; i < w.size(); ++i) {
    object = object || EntityFor(s, {w[i]}) == user || In(w[i], {"users", "people", "members", "other", "another"});
  }
  if (!subject || !object || user.empty()) return out;
  out.matched = true;
  for (const auto& r : s.relations) {
    if (r.from == user && r.to == user && r.kind == spec::RelationKind::kManyToMany) {
      out.error = user + "s can already follow each other.";
      out.already = true;
      return out;
    }
  }
  out.ops.push_back(FollowEdit(s));
  return out;
}

// "let users upload photos to recipes", "users can attach files to tasks": file uploads, and the
// uploaded things as records of the target.
Intent Uploads(const ChatState& st, const std::vector<std::string>& w) {
  Intent out;
  const spec::AppSpec& s = *st.spec;
  size_t u = 0;
  while (u < w.size() && !In(w[u], {"upload", "uploads", "uploading", "attach", "attaching"})) ++u;
  if (u >= w.size()) return out;
  size_t to = u + 1;
  while (to < w.size() && !In(w[to], {"to", "on", "for", "in"})) ++to;
  std::vector<std::string> what = Clean({w.begin() + static_cast<ptrdiff_t>(u + 1), w.begin() + static_cast<ptrdiff_t>(to)});
  std::vector<std::string> target = to < w.size() ? Clean({w.begin() + static_cast<ptrdiff_t>(to + 1), w.end()}) : std::vector<std::string>{};
  std::string owner = target.empty() ? LastMentioned(st) : EntityFor(s, target);
  if (!target.empty() && owner.empty()) return out;
  out.matched = true;
  if (!s.HasFeature(spec::Feature::kFileUploads)) out.ops.push_back({ed::AddFeature{spec::Feature::kFileUploads}});
  if (!what.empty() && what.size() <= 2 && !owner.empty()) {
    const std::string pascal = naming::SingularizeName(naming::ToPascalCase(Join(what, " ")));
    if (s.FindEntity(pascal)) {
      if (!Related(s, owner, pascal)) out.ops.push_back(LinkEdit(owner, pascal, spec::RelationKind::kOneToMany));
    } else {
      for (auto& op : AddEntityEdits(s, pascal, owner)) out.ops.push_back(op);
    }
  }
  if (out.ops.empty()) {
    out.error = "File uploads are already on" + (owner.empty() ? "." : " for " + owner + ".");
    out.already = true;
  }
  return out;
}

// The entity a sentence's subject names ("each post", "members"): a role word stands for the login
// entity when it is no record of its own ("a member has many addresses").
std::string SubjectEntity(const spec::AppSpec& s, std::vector<std::string> words) {
  words = Clean(std::move(words));
  words.erase(std::remove_if(words.begin(), words.end(), IsQuantifier), words.end());
  if (words.empty() || words.size() > 3) return "";
  std::string ent = EntityFor(s, words);
  // ("people can rate posts", "everyone can like photos": people in general are the logins.)
  if (ent.empty() && words.size() == 1 &&
      (lex::RoleOf(words[0]) || lex::IsUserWord(words[0]) || In(words[0], {"people", "persons", "everyone", "anyone"}))) {
    ent = s.auth.userEntity;
  }
  return ent;
}

// "customers can review events", "members borrow books", "students enroll in courses": the record
// the act leaves (Review, Loan, Enrollment), linked to both sides.
Intent Acts(const spec::AppSpec& s, const std::vector<std::string>& w) {
  Intent out;
  for (size_t v = 1; v <= 3 && v < w.size(); ++v) {
    const std::string subject = SubjectEntity(s, {w.begin(), w.begin() + static_cast<ptrdiff_t>(v)});
    if (subject.empty()) continue;
    size_t k = v;
    while (k < w.size() && In(w[k], {"can", "may", "will", "should", "also", "often"})) ++k;
    if (k + 1 >= w.size()) return out;
    std::string noun = ActRecord(w[k]);
    size_t object_from = k + 1;
    for (size_t e = k + 1; noun.empty() && e <= std::min(k + 3, w.size()); ++e) {  // "enroll in", "sign up for"
      std::string act = ActNoun(Padded(Join({w.begin() + static_cast<ptrdiff_t>(k), w.begin() + static_cast<ptrdiff_t>(e)}, " ")));
      if (!act.empty()) {
        noun = act;
        object_from = e;
      }
    }
    if (noun.empty()) return out;
    // "each user can bookmark many posts": counts before the object say nothing of the act.
    while (object_from < w.size() && In(w[object_from], {"many", "several", "multiple", "any", "some", "other"})) {
      ++object_from;
    }
    const std::string object = SubjectEntity(s, {w.begin() + static_cast<ptrdiff_t>(object_from), w.end()});
    if (object.empty() || object == subject) return out;
    out.matched = true;
    const std::string record = naming::ToPascalCase(noun);
    if (!s.FindEntity(record)) out.ops.push_back({ed::AddEntity{MakeEntity(record), std::nullopt}});
    for (const std::string& side : {subject, object}) {
      if (!s.FindEntity(record) || !Related(s, side, record)) {
        out.ops.push_back(LinkEdit(side, record, spec::RelationKind::kOneToMany));
      }
    }
    if (out.ops.empty()) {
      out.error = subject + " and " + object + " are already linked through " + record + ".";
      out.already = true;
    }
    return out;
  }
  return out;
}

// "posts can be pinned", "users can be banned", "comments may be hidden": a yes/no flag named after
// the state (Post.pinned, false by default). "tasks can be assigned to users" is a relation, not a
// flag, so a participle followed by anything but "by ..." is left to the other readers.
Intent CanBe(const spec::AppSpec& s, const std::vector<std::string>& w) {
  Intent out;
  size_t b = 0;
  while (b < w.size() && !(w[b] == "be" && b > 0 && In(w[b - 1], {"can", "may", "could", "should", "will", "must"}))) ++b;
  if (b < 2 || b > 4 || b + 1 >= w.size()) return out;
  const std::string ent = SubjectEntity(s, {w.begin(), w.begin() + static_cast<ptrdiff_t>(b - 1)});
  if (ent.empty()) return out;
  size_t p = b + 1;
  while (p < w.size() && In(w[p], {"also", "temporarily", "permanently", "optionally"})) ++p;
  if (p >= w.size()) return out;
  const std::string& state = w[p];
  const bool participle = (state.size() > 4 && (EndsWith(state, "ed") || EndsWith(state, "en"))) ||
                          In(state, {"hidden", "shown", "done", "set", "read", "seen", "sold", "closed"});
  if (!participle) return out;
  if (p + 1 < w.size() && w[p + 1] != "by") return out;  // "assigned to users", "shared with teams"
  out.matched = true;
  const std::string name = naming::ToCamelCase(state);
  if (s.FindEntity(ent)->FindField(name)) {
    out.error = ent + " already has " + name + ".";
    out.already = true;
    return out;
  }
  spec::Field f;
  f.name = name;
  f.type = spec::FieldType::kBoolean;
  f.defaultValue = false;
  out.ops.push_back({ed::AddField{ent, f, std::nullopt}});
  return out;
}

// "posts belong to categories", "a post has many comments", "each order has a customer", "each
// comment has a rating from 1 to 5".
Intent HasOrBelongs(const spec::AppSpec& s, std::vector<std::string> w) {
  Intent out;
  // "posts can be assigned to categories", "a task is filed under a project": placing a record in
  // another is belonging to it.
  for (size_t b = 1; b + 2 < w.size(); ++b) {
    const bool passive = (w[b] == "be" && In(w[b - 1], {"can", "may", "could", "should", "will", "must"})) ||
                         In(w[b], {"is", "are", "get", "gets"});
    if (passive && In(w[b + 1], {"assigned", "filed", "put", "placed", "grouped", "sorted", "organized", "organised",
                                 "linked", "added", "attached"}) &&
        In(w[b + 2], {"to", "under", "in", "into"})) {
      const size_t from = w[b] == "be" ? b - 1 : b;
      w.erase(w.begin() + static_cast<ptrdiff_t>(from), w.begin() + static_cast<ptrdiff_t>(b + 3));
      w.insert(w.begin() + static_cast<ptrdiff_t>(from), {"belong", "to"});
      break;
    }
  }
  size_t v = 0;
  while (v < w.size() && !In(w[v], {"has", "have", "belongs", "belong", "contains", "contain"})) ++v;
  if (v == 0 || v >= 4 || v + 1 >= w.size()) return out;
  const std::string ent = SubjectEntity(s, {w.begin(), w.begin() + static_cast<ptrdiff_t>(v)});
  if (ent.empty()) return out;
  const bool belongs = StartsWith(w[v], "belong");
  std::vector<std::string> rest(w.begin() + static_cast<ptrdiff_t>(v + 1), w.end());
  if (belongs && !rest.empty() && rest.front() == "to") rest.erase(rest.begin());
  bool many = false;
  std::vector<std::string> object;
  for (const auto& x : Clean(rest)) {
    if (In(x, {"with", "from", "between", "and", "that", "which", "per"})) break;
    if (In(x, {"many", "several", "multiple", "lots"})) many = true;
    if (!IsQuantifier(x)) object.push_back(x);
  }
  if (object.empty() || object.size() > 3) return out;
  const bool plural = many || naming::LooksPlural(object.back());
  std::string other = EntityFor(s, object);
  const std::string pascal = naming::SingularizeName(naming::ToPascalCase(Join(object, " ")));
  out.matched = true;
  if (!other.empty() && Related(s, ent, other)) {
    out.error = ent + " and " + other + " are already related.";
    out.already = true;
    return out;
  }
  if (belongs) {
    // "posts belong to categories": plural on the far side is many-to-many, else the far side
    // is the "one".
    if (other.empty()) {
      for (auto& op : AddEntityEdits(s, pascal, "")) out.ops.push_back(op);
      other = pascal;
    }
    out.ops.push_back(LinkEdit(other, ent, plural ? spec::RelationKind::kManyToMany : spec::RelationKind::kOneToMany));
  } else if (!other.empty()) {
    // "a post has many comments": `ent` is the one; "each order has a customer": `other` is.
    out.ops.push_back(LinkEdit(plural ? ent : other, plural ? other : ent, spec::RelationKind::kOneToMany));
  } else if (plural && object.size() <= 2) {
    out.ops = AddEntityEdits(s, pascal, ent);
  } else {
    const spec::Entity* e = s.FindEntity(ent);
    // ("each order has a customer" when orders already reference their customer: nothing to add.)
    auto is_reference = [&](const std::string& name) {
      return std::any_of(s.relations.begin(), s.relations.end(), [&](const spec::Relation& rel) {
        return (rel.from == ent && rel.name == name) || (rel.to == ent && rel.inverse == name);
      });
    };
    std::vector<std::string> present;
    for (const auto& f : FieldsOfWithClause(rest)) {
      if (e->FindField(f.name) || is_reference(f.name)) {
        present.push_back(f.name);
      } else {
        out.ops.push_back({ed::AddField{ent, f, std::nullopt}});
      }
    }
    if (out.ops.empty()) {
      out.error = present.empty() ? "I couldn't tell which field " + ent + " should get."
                                  : ent + " already has " + Join(present, " and ") + ".";
      out.already = !present.empty();
    }
  }
  return out;
}

std::string Bullets(const std::vector<SpecEdit>& ops) {
  std::string out;
  for (const auto& op : ops) out += "- " + spec::Describe(op) + "\n";
  return out;
}

ChatReply Reply(ChatState& st, ChatReply r) {
  st.turns.push_back({"assistant", r.text});
  return r;
}

ChatReply Clarify(ChatState& st, std::string why) {
  ChatReply r;
  r.kind = ChatReply::kClarify;
  Question q;
  q.id = "change";
  q.text = "What would you like to change?";
  std::string main = st.spec ? MainEntity(st) : "";
  q.options = {"Add an entity", main.empty() ? "Add a field" : "Add a field to " + main, "Rename an entity",
               "Change the stack", "Nothing for now"};
  q.defaultOption = q.options.back();
  r.questions.push_back(q);
  r.text = why + "\n\nTry for example: \"add comments to posts\", \"posts need a subtitle\", \"rename Post to "
                 "Article\", \"make email unique\", \"use Python with PostgreSQL\", \"remove notifications\" or \"undo\".";
  return Reply(st, std::move(r));
}

ChatReply FirstMessage(ChatState& st) {
  // The first user turn is the description; later turns before a plan answer questions.
  std::string description;
  for (const auto& t : st.turns) {
    if (t.role == "user") {
      description = t.text;
      break;
    }
  }
  std::map<std::string, std::string> answers;
  const std::string& last = st.turns.back().text;
  if (st.turns.size() > 1) {
    AnalysisResult first = Analyze(description);
    std::string low = ToLower(last);
    bool accept = In(Trim(low), {"yes", "ok", "okay", "sure", "y", "fine", "go ahead", "defaults", "use defaults",
                                 "accept", "accept defaults", "sounds good", "do it"});
    for (const auto& q : first.questions) {
      for (const auto& opt : q.options) {
        std::string core = ToLower(opt.substr(0, opt.find(" [")));
        auto lb = opt.find('[');
        std::string id = lb == std::string::npos ? "" : opt.substr(lb + 1, opt.find(']') - lb - 1);
        if (low.find(core) != std::string::npos || (!id.empty() && ContainsPhrase(low, id))) answers[q.id] = opt;
      }
      if (!answers.count(q.id) && q.id == "contradiction") {
        // "keep them anonymous", "billing please": a word only one side's option has picks it.
        for (size_t i = 0; i < q.options.size() && !answers.count(q.id); ++i) {
          for (const auto& word : Words(q.options[i])) {
            if (word.size() < 5) continue;
            bool unique = true;
            for (size_t j = 0; j < q.options.size(); ++j) {
              if (j != i && ContainsPhrase(ToLower(q.options[j]), word)) unique = false;
            }
            if (unique && ContainsPhrase(low, word)) {
              answers[q.id] = q.options[i];
              break;
            }
          }
        }
      }
      if (!answers.count(q.id) && accept) answers[q.id] = q.defaultOption;
    }
  }
  std::vector<Turn> convo(st.turns.begin(), st.turns.end());
  AnalysisResult a = answers.empty() ? Analyze(description, convo) : Analyze(description, {}, answers);
  ChatReply r;
  if (a.status == Status::kRefuse) {
    r.kind = ChatReply::kRefused;
    r.text = a.reason;
    return Reply(st, std::move(r));
  }
  if (a.status == Status::kClarify) {
    r.kind = ChatReply::kClarify;
    r.questions = a.questions;
    r.text = a.reason + "\n\n";
    for (const auto& q : a.questions) r.text += "- **" + q.text + "** (default: " + q.defaultOption + ")\n";
    r.text += "\nAnswer in your own words, or say \"yes\" to accept the defaults.";
    return Reply(st, std::move(r));
  }
  st.spec = a.spec;
  st.undo.clear();
  r.kind = ChatReply::kPlanned;
  std::vector<std::string> names;
  for (const auto& e : st.spec->entities) names.push_back(e.name);
  r.text = "Planned **" + st.spec->title + "** with " + std::to_string(names.size()) + " entities: " + Join(names, ", ") + ".";
  if (!a.assumptions.empty()) {
    r.text += "\n\nAssumptions:\n";
    for (const auto& s : a.assumptions) r.text += "- " + s + "\n";
  }
  return Reply(st, std::move(r));
}

// Verbs that open an instruction ("... and then remove comments"; "show ... and add ..." is no
// question).
bool IsCommandVerb(std::string_view w) {
  return In(w, {"add", "remove", "rename", "make", "delete", "drop", "change", "use", "switch", "set"});
}

// The instructions of a message: its sentences, and clauses that open with their own command
// after "and" / "then" ("add tags to posts, and remove comments", "add a slug and make it unique").
// Cut in the raw text, so names keep their spelling ("PostgreSQL", "Node.js").
std::vector<std::string> Instructions(std::string_view message) {
  std::vector<std::string> sentences(1);
  int depth = 0;
  for (size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    const bool last = i + 1 == message.size() || std::isspace(static_cast<unsigned char>(message[i + 1]));
    if (depth == 0 && (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && last))) {
      sentences.emplace_back();
    } else {
      sentences.back() += c;
    }
  }
  std::vector<std::string> out;
  auto keep = [&](std::string piece) {
    while (!piece.empty() && (std::isspace(static_cast<unsigned char>(piece.back())) || piece.back() == ',')) piece.pop_back();
    piece.erase(0, std::min(piece.size(), piece.find_first_not_of(" \t")));
    if (!Words(piece).empty()) out.push_back(std::move(piece));
  };
  for (const auto& sentence : sentences) {
    const std::string lower = ToLower(sentence);
    size_t start = 0;
    for (size_t p = 0; p < lower.size(); ++p) {
      if (p > 0 && !std::isspace(static_cast<unsigned char>(lower[p - 1])) && lower[p - 1] != ',') continue;
      size_t len = lower.compare(p, 4, "and ") == 0 ? 4 : lower.compare(p, 5, "then ") == 0 ? 5 : 0;
      if (len == 0) continue;
      size_t q = p + len;
      while (q < lower.size() && std::isspace(static_cast<unsigned char>(lower[q]))) ++q;
      size_t e = q;
      while (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e]))) ++e;
      if (!IsCommandVerb(std::string_view(lower).substr(q, e - q))) continue;
      keep(sentence.substr(start, p - start));
      start = q;
    }
    keep(sentence.substr(start));
  }
  if (out.empty()) out.emplace_back(message);
  return out;
}

Intent Fail(std::string why) { return {true, {}, std::move(why)}; }
Intent Already(std::string why) { return {true, {}, std::move(why), true}; }

// The edits one instruction asks for, read against st.spec (which it does not change), or why
// there are none.
Intent ReadEdits(const ChatState& st, const std::string& text) {
  const spec::AppSpec& s = *st.spec;
  // "add a status field to articles: draft, published or archived": values after a colon.
  std::string command = text;
  std::vector<std::string> values;
  if (size_t colon = command.find(':'); colon != std::string::npos) {
    values = EnumValuesOf(std::string_view(command).substr(colon + 1));
    if (!values.empty()) command.resize(colon);
  }
  std::vector<std::string> w = Words(command);
  if (w.empty()) return Fail("I didn't catch a change in that message.");
  // "we don't need comments anymore", "get rid of tags": a removal.
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    const bool negated_need = w[i + 1] == "need" && In(w[i], {"dont", "not", "longer", "doesnt", "no"});
    const bool rid = i + 2 < w.size() && w[i] == "get" && w[i + 1] == "rid" && w[i + 2] == "of";
    if (!negated_need && !rid) continue;
    std::vector<std::string> removal = {"remove"};
    for (size_t k = i + (rid ? 3 : 2); k < w.size(); ++k) {
      if (!In(w[k], {"anymore", "any", "more", "now"})) removal.push_back(w[k]);
    }
    w = std::move(removal);
    break;
  }
  // Asks the generated backends cannot honour are said so, not turned into a field.
  if (Padded(Join(w, " ")).find(" soft delete") != std::string::npos) {
    return Fail("Soft delete is not something the generated backends support yet (deleting a record removes it), so "
                "I changed nothing. An archived flag or a status field can stand in for it: \"add an archived flag to "
                "posts\".");
  }
  std::vector<SpecEdit> ops;
  auto pronoun_target = [&]() { return LastMentioned(st); };
  // The first of `keys` at or after `from` (w.size() when none): a word before the command verb
  // never bounds its phrase ("unique ... make" must not read backwards).
  auto find_pos = [&](std::initializer_list<std::string_view> keys, size_t from = 0) -> size_t {
    for (size_t i = from; i < w.size(); ++i) {
      if (In(w[i], keys)) return i;
    }
    return w.size();
  };

  // Stack: "use Python with PostgreSQL", "switch to Go", "store it in MongoDB".
  spec::Stack st_new = lex::DetectStack(command);
  if (!st_new.language.empty() || !st_new.database.empty()) {
    spec::Stack next = s.stack;
    if (!st_new.language.empty()) {
      next.language = st_new.language;
      next.framework = st_new.framework;
    }
    if (!st_new.database.empty()) next.database = st_new.database;
    ops.push_back({ed::SetStack{next}});
  }

  size_t kw = find_pos({"rename", "remove", "drop", "delete", "make", "add", "need", "needs", "should", "give",
                        "include", "track", "store", "want"});
  std::string verb = kw < w.size() ? w[kw] : "";
  if (ops.empty() && verb != "rename") {
    Intent in = TypeChange(st, w);
    if (!in.matched && kw == w.size()) in = Follows(s, w);
    if (!in.matched && kw == w.size()) in = Uploads(st, w);
    if (!in.matched && kw == w.size()) in = HasOrBelongs(s, w);
    if (!in.matched && kw == w.size()) in = Acts(s, w);
    if (!in.matched && kw == w.size()) in = CanBe(s, w);
    if (in.matched && !in.error.empty()) return in;
    if (in.matched) {
      ops = std::move(in.ops);
      verb.clear();  // handled
    }
  }
  if (ops.empty() && verb == "rename") {
    size_t to = w.size();
    for (size_t i = kw + 1; i < w.size(); ++i) {
      if (w[i] == "to" || w[i] == "into" || w[i] == "as") to = i;
    }
    std::vector<std::string> from = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(to)});
    std::vector<std::string> target = Clean({w.begin() + static_cast<ptrdiff_t>(std::min(to + 1, w.size())), w.end()});
    if (from.empty() || target.empty()) return Fail("Rename what to what?");
    // "rename the title field of tasks to name", "rename task title to name": a field of a named
    // entity, not the entity.
    std::string hint;
    bool field_word = false;
    for (size_t i = kw + 1; i < to; ++i) field_word = field_word || In(w[i], {"field", "column", "attribute", "property"});
    for (size_t i = 1; i < from.size(); ++i) {
      std::string of = EntityFor(s, {from.begin() + static_cast<ptrdiff_t>(i + 1), from.end()});
      if (In(from[i], {"of", "on", "in"}) && !of.empty()) {
        hint = of;
        from.resize(i);
        field_word = true;
        break;
      }
    }
    if (hint.empty() && from.size() >= 2 && !EntityFor(s, {from[0]}).empty() &&
        !FieldOwner(st, EntityFor(s, {from[0]}), naming::ToCamelCase(Join({from.begin() + 1, from.end()}, " "))).empty()) {
      hint = EntityFor(s, {from[0]});
      from.erase(from.begin());
      field_word = true;
    }
    std::string ent = field_word ? "" : (from.size() == 1 && IsPronoun(from[0])) ? pronoun_target() : EntityFor(s, from);
    if (!ent.empty() && EntityFor(s, target) != ent) {
      std::string nn = naming::SingularizeName(naming::ToPascalCase(Join(target, " ")));
      ops.push_back({ed::RenameEntity{ent, nn, ""}});
    } else {
      std::string field = naming::ToCamelCase(Join(from, " "));
      std::string owner = FieldOwner(st, hint, field);
      if (owner.empty()) return Fail("I couldn't find an entity or field called \"" + Join(from, " ") + "\".");
      ops.push_back({ed::RenameField{owner, field, naming::ToCamelCase(Join(target, " "))}});
    }
  } else if (ops.empty() && (verb == "remove" || verb == "drop" || verb == "delete")) {
    size_t from = find_pos({"from"}, kw + 1);
    std::vector<std::string> what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(std::min(from, w.size()))});
    std::vector<std::string> where = from < w.size() ? Clean({w.begin() + static_cast<ptrdiff_t>(from + 1), w.end()}) : std::vector<std::string>{};
    if (what.empty()) return Fail("Remove what?");
    if (what.size() >= 2 && what[0] == "role") {
      ops.push_back({ed::RemoveRole{naming::ToSnakeCase(what[1])}});
    } else {
      auto feat = FeatureFor(what);
      std::string ent = (what.size() == 1 && IsPronoun(what[0])) ? pronoun_target() : EntityFor(s, what);
      if (feat && s.HasFeature(*feat) && *feat != spec::Feature::kAuth) ops.push_back({ed::RemoveFeature{*feat}});
      if (!ent.empty() && where.empty()) {
        if (ent == s.auth.userEntity) return Fail("The " + ent + " entity is needed for login, so I kept it.");
        ops.push_back({ed::RemoveEntity{ent}});
      } else if (!feat || !s.HasFeature(*feat)) {
        // ("remove the price field": whichever entity has it, when the message names none.)
        std::string field = naming::ToCamelCase(Join(what, " "));
        std::string owner = FieldOwner(st, where.empty() ? "" : EntityFor(s, where), field);
        if (owner.empty()) {
          return Fail("I couldn't find \"" + Join(what, " ") + "\" to remove.");
        }
        ops.push_back({ed::RemoveField{owner, field}});
      }
    }
  } else if (ops.empty() && verb == "make") {
    // "make email unique", "make the title required", "make title and slug required", "make it
    // optional", "make the rating between 1 and 5".
    size_t flag = find_pos({"unique", "required", "optional", "mandatory", "nullable", "between", "from"}, kw + 1);
    if (flag == w.size()) return Fail("Make it what? (unique, required, optional, or between two numbers)");
    const auto bounds = BoundsAt(w, flag);
    if (In(w[flag], {"between", "from"}) && !bounds) {
      return Fail("Between which numbers? (for example \"make the rating between 1 and 5\")");
    }
    std::vector<std::string> what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(flag)});
    // "make estimate a number between 0 and 100": a type before the bounds.
    std::optional<spec::FieldType> retype;
    if (what.size() >= 2 && flag >= 2 && In(w[flag - 2], {"a", "an"}) && TypeWord(what.back())) {
      retype = TypeWord(what.back());
      what.pop_back();
    }
    std::string hint;
    size_t on = find_pos({"on", "in", "of", "for"}, kw + 1);
    if (on < flag) {
      hint = EntityFor(s, Clean({w.begin() + static_cast<ptrdiff_t>(on + 1), w.begin() + static_cast<ptrdiff_t>(flag)}));
      what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(on)});
    }
    std::vector<std::vector<std::string>> names(1);
    for (const auto& x : what) {
      if (x == "and") {
        names.emplace_back();
      } else {
        names.back().push_back(x);
      }
    }
    std::vector<std::string> unchanged;  // "make email unique" when it already is
    for (auto& name : names) {
      std::string owner = hint;
      if (name.size() >= 2 && EntityFor(s, {name[0]}) != "") {  // "make post title required"
        owner = EntityFor(s, {name[0]});
        name.erase(name.begin());
      }
      if (name.size() == 1 && IsPronoun(name[0]) && !st.undo.empty()) {
        // "make it unique" right after adding a field: that field.
        if (const auto* add = std::get_if<ed::RemoveField>(&st.undo.back().op)) {
          owner = add->entity;
          name = {add->field};
        }
      }
      std::string field = naming::ToCamelCase(Join(name, " "));
      owner = FieldOwner(st, owner, field);
      const spec::Field* f = owner.empty() ? nullptr : s.FindEntity(owner)->FindField(field);
      if (!f && name.size() == 1 && IsPronoun(name[0])) {
        return Fail("Which field do you mean? Name it, for example \"make the title " + w[flag] + "\".");
      }
      if (!f) return Fail("I couldn't find a field called \"" + Join(name, " ") + "\".");
      spec::Field nf = *f;
      if (retype && nf.type != *retype) nf = Retyped(nf, *retype);
      if (w[flag] == "unique") nf.unique = true;
      if (w[flag] == "required" || w[flag] == "mandatory") nf.required = true;
      if (w[flag] == "optional" || w[flag] == "nullable") nf.required = false;
      if (bounds) {
        if (!spec::IsNumeric(nf.type)) nf = Retyped(nf, spec::FieldType::kInteger);
        nf.min = bounds->first;
        nf.max = bounds->second;
      }
      if (nf.type == f->type && nf.unique == f->unique && nf.required == f->required && nf.min == f->min &&
          nf.max == f->max) {
        unchanged.push_back(owner + "." + field);
        continue;
      }
      ops.push_back({ed::UpdateField{owner, nf}});
    }
    if (ops.empty() && !unchanged.empty()) {
      return Already(Join(unchanged, " and ") + (unchanged.size() == 1 ? " is" : " are") + " already " + w[flag] +
                     ".");
    }
  } else if (ops.empty() && !verb.empty()) {
    // Additions: "add comments to posts", "posts need a subtitle", "add a rating to it",
    // "also add likes", "add a moderator role", "add notifications".
    // "add a review entity with a rating from 1 to 5 and a comment": what follows "with" lists
    // the new entity's fields and is not searched for a target ("to 5" is not an entity).
    size_t with_at = w.size();
    for (size_t i = kw + 1; i < w.size(); ++i) {
      if (In(w[i], {"with", "having"})) {
        with_at = i;
        break;
      }
    }
    size_t to = with_at;
    for (size_t i = kw + 1; i < with_at; ++i) {
      const bool unit = w[i] == "in" && i + 1 < w.size() && UnitType(w[i + 1]);  // "a duration in minutes"
      if (In(w[i], {"to", "on", "for", "in"}) && !unit) to = i;
    }
    if (to == with_at) to = w.size();
    const size_t what_end = std::min(to, with_at);
    bool article = false, entity_word = false;
    for (size_t i = kw + 1; i < what_end; ++i) {
      article = article || w[i] == "a" || w[i] == "an";
      entity_word = entity_word || In(w[i], {"entity", "entities", "model", "table"});
    }
    std::vector<std::string> what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(what_end)});
    const std::vector<spec::Field> with_fields =
        with_at < w.size() ? FieldsOfWithClause({w.begin() + static_cast<ptrdiff_t>(with_at + 1), w.end()}) : std::vector<spec::Field>{};
    std::vector<std::string> target = to < w.size() ? Clean({w.begin() + static_cast<ptrdiff_t>(to + 1), w.end()}) : std::vector<std::string>{};
    std::string owner;
    if (verb == "need" || verb == "needs" || verb == "should" || verb == "want") {
      // "<entity> need(s) a subtitle": the subject is the target.
      owner = SubjectEntity(s, {w.begin(), w.begin() + static_cast<ptrdiff_t>(kw)});
      if (verb == "should" && kw + 1 < w.size() && In(w[kw + 1], {"have", "get", "include"})) {
        what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 2), w.end()});
      }
    } else if (!target.empty()) {
      owner = (target.size() == 1 && IsPronoun(target[0])) ? pronoun_target() : EntityFor(s, target);
      if (owner.empty()) return Fail("I couldn't find the entity \"" + Join(target, " ") + "\".");
    }
    if (what.empty()) return Fail("Add what?");
    if (what.size() >= 3 && what[what.size() - 2] == "in" && UnitType(what.back())) {
      // "a cooking time in minutes": a number field named with its unit (cookingTimeMinutes).
      if (owner.empty()) owner = pronoun_target();
      if (owner.empty()) return Fail("Which entity should get \"" + Join(what, " ") + "\"?");
      std::vector<std::string> name(what.begin(), what.end() - 2);
      name.push_back(what.back());
      spec::Field f = MakeField(name);
      f.type = *UnitType(what.back());
      ops.push_back({ed::AddField{owner, f, std::nullopt}});
    } else if (what.size() >= 2 && (In(what.back(), {"role", "roles"}) || what.front() == "role")) {
      // "add a moderator role", "add an admin role and a viewer role", "add editor and viewer roles".
      const bool plural = what.back() == "roles";
      std::vector<std::vector<std::string>> parts(1);
      for (const auto& x : what) {
        if (x == "and") {
          parts.emplace_back();
        } else if (!In(x, {"role", "roles"})) {
          parts.back().push_back(x);
        }
      }
      std::vector<std::string> names, present;
      for (const auto& part : parts) {
        if (part.empty()) continue;
        if (plural && parts.size() > 1) {
          for (const auto& x : part) names.push_back(naming::ToSnakeCase(x));
        } else {
          names.push_back(naming::ToSnakeCase(Join(part, " ")));
        }
      }
      for (const auto& n : names) {
        if (std::find(s.roles.begin(), s.roles.end(), n) != s.roles.end()) {
          present.push_back(n);
        } else {
          ops.push_back({ed::AddRole{n, std::nullopt}});
        }
      }
      if (ops.empty() && !present.empty()) return Already("The roles " + Join(present, ", ") + " already exist.");
    } else {
      auto feat = FeatureFor(what);
      bool plural = naming::LooksPlural(what.back());
      std::string pascal = naming::SingularizeName(naming::ToPascalCase(Join(what, " ")));
      bool known = KnownEntity(pascal) != nullptr ||
                   In(pascal, {"Like", "Vote", "Rating", "Comment", "Tag", "Review", "Favorite", "Bookmark", "Follow",
                               "Notification", "Attachment", "Category"});
      if (feat) {
        if (!s.HasFeature(*feat)) ops.push_back({ed::AddFeature{*feat}});
        if (*feat == spec::Feature::kNotifications && !s.FindEntity("Notification")) {
          for (auto& op : AddEntityEdits(s, "Notification", "")) ops.push_back(op);
        }
      } else if (!s.FindEntity(pascal) && (entity_word || plural ||
                                           (known && !article && owner.empty()))) {
        std::string parent = owner.empty() ? MainEntity(st) : owner;
        if (pascal == "Follow") {
          ops.push_back(FollowEdit(s));
        } else {
          // A listed field named like the guessed parent ("... and a comment" after talking about
          // comments) says what the user meant: a field, not a link to that entity.
          const std::string parent_field = naming::ToCamelCase(parent);
          if (std::any_of(with_fields.begin(), with_fields.end(),
                          [&](const spec::Field& f) { return f.name == parent_field; }) && owner.empty()) {
            parent.clear();
          }
          for (auto& op : AddEntityEdits(s, pascal, parent)) {
            if (auto* add = std::get_if<ed::AddEntity>(&op.op); add && !with_fields.empty()) {
              // The fields the user listed replace the placeholder "name" and join (or, with bounds,
              // replace) the archetype's.
              auto& fields = add->entity.fields;
              if (fields.size() == 1 && fields[0].name == "name") fields.clear();
              for (const auto& f : with_fields) {
                auto same = std::find_if(fields.begin(), fields.end(), [&](const spec::Field& g) { return g.name == f.name; });
                if (same == fields.end()) {
                  fields.push_back(f);
                } else if (f.min || f.max) {
                  *same = f;  // the user's bounds over the archetype's field
                }
              }
            }
            ops.push_back(op);
          }
        }
      } else if (s.FindEntity(pascal) && !owner.empty() && pascal != owner) {
        ops.push_back(LinkEdit(owner, pascal, spec::RelationKind::kOneToMany));
      } else {
        if (owner.empty()) owner = pronoun_target();
        if (owner.empty()) return Fail("Which entity should get \"" + Join(what, " ") + "\"?");
        spec::Field f = MakeField(what);
        // "add a boolean field done to tasks": a type word right before "field" is the type.
        for (size_t i = kw + 1; i + 1 < what_end; ++i) {
          auto t = TypeWord(w[i]);
          if (!t || !In(w[i + 1], {"field", "column", "attribute", "property"}) || what.size() < 2 || what[0] != w[i]) continue;
          f = MakeField({what.begin() + 1, what.end()});
          f.type = *t;
        }
        // "tickets should have a price and a seat number": one field per item.
        std::vector<spec::Field> fields = {f};
        if (std::find(what.begin(), what.end(), "and") != what.end()) fields = FieldsOfWithClause(what);
        std::vector<std::string> present;
        for (size_t i = 0; i < fields.size(); ++i) {
          const spec::Field& g = fields[i];
          const bool gets_values = !values.empty() && i + 1 == fields.size();  // the item before the colon
          if (s.FindEntity(owner) && s.FindEntity(owner)->FindField(g.name) && !gets_values) {
            present.push_back(g.name);
          } else {
            ops.push_back({ed::AddField{owner, g, std::nullopt}});
          }
        }
        if (ops.empty()) return Already(owner + " already has " + Join(present, " and ") + ".");
      }
    }
  }
  if (ops.empty()) return Fail("I'm not sure what to change.");
  if (!values.empty()) {
    // The values after the colon make the field added or changed last an enum.
    bool used = false;
    for (auto it = ops.rbegin(); it != ops.rend() && !used; ++it) {
      SpecEdit& op = *it;
      spec::Field* f = nullptr;
      // ("add a status field to posts: ..." when posts have a status: its values change.)
      if (auto* add = std::get_if<ed::AddField>(&op.op); add && s.FindEntity(add->entity) &&
                                                           s.FindEntity(add->entity)->FindField(add->field.name)) {
        op = {ed::UpdateField{add->entity, *s.FindEntity(add->entity)->FindField(add->field.name)}};
      }
      if (auto* add = std::get_if<ed::AddField>(&op.op)) f = &add->field;
      if (auto* upd = std::get_if<ed::UpdateField>(&op.op)) f = &upd->field;
      if (!f) continue;
      *f = Retyped(*f, spec::FieldType::kEnum);
      f->enumValues = values;
      used = true;
    }
    if (!used) return Fail("I read a list of values (" + Join(values, ", ") + ") but no field to give them to.");
  }
  return {true, std::move(ops), ""};
}

}  // namespace

ChatReply Chat(ChatState& st, std::string_view message) {
  Sanitized san = Sanitize(message);
  st.turns.push_back({"user", san.text});
  EthicsVerdict ethics = CheckEthics(san.text);
  if (ethics.refuse) {
    ChatReply r;
    r.kind = ChatReply::kRefused;
    r.text = "I can't help with that: " + ethics.reason;
    return Reply(st, std::move(r));
  }
  if (!st.spec) return FirstMessage(st);
  spec::AppSpec& s = *st.spec;
  std::vector<std::string> w = Words(san.text);
  if (w.empty()) return Clarify(st, "I didn't catch a change in that message.");
  std::string joined = Padded(Join(w, " "));

  // Undo.
  if (In(w[0], {"undo", "revert"}) || joined.find(" go back ") != std::string::npos ||
      joined.find(" take that back ") != std::string::npos) {
    ChatReply r;
    if (st.undo.empty()) {
      r.kind = ChatReply::kNoChange;
      r.text = "There is nothing to undo.";
      return Reply(st, std::move(r));
    }
    SpecEdit inv = st.undo.back();
    auto res = spec::Apply(s, inv);
    if (!res) return Clarify(st, "I couldn't undo the last change: " + res.error().message);
    st.undo.pop_back();
    r.kind = ChatReply::kUndone;
    r.applied = {inv};
    r.text = "Undone:\n" + Bullets({inv});
    return Reply(st, std::move(r));
  }

  // "what entities are there?", "show the fields of tasks", "list the roles": an answer, no change.
  if (In(w[0], {"what", "which", "show", "list", "describe"}) && std::none_of(w.begin(), w.end(), [](const std::string& x) {
        return IsCommandVerb(x);
      })) {
    ChatReply r;
    r.kind = ChatReply::kNoChange;
    r.text = Overview(s, w);
    return Reply(st, std::move(r));
  }

  // One or more instructions ("add a price to products. make sku unique"): each is read against
  // the spec as the earlier ones left it, and all of them are applied as one edit (one undo).
  const spec::AppSpec original = *st.spec;
  const size_t turns = st.turns.size(), undos = st.undo.size();
  auto restore = [&] {
    *st.spec = original;
    st.turns.resize(turns);
    st.undo.resize(undos);
  };
  const std::vector<std::string> parts = Instructions(san.text);
  std::vector<SpecEdit> all;
  std::string skipped;  // "already so" of an instruction among several
  for (const auto& part : parts) {
    Intent rd = ReadEdits(st, part);
    if (rd.already && parts.size() > 1) {
      skipped = rd.error;
      continue;
    }
    std::string error = rd.error;
    if (error.empty()) {
      auto inverse = spec::Apply(*st.spec, rd.ops.size() == 1 ? rd.ops.front() : SpecEdit{ed::Batch{rd.ops}});
      if (inverse) {
        // Later instructions see this one as done ("... and make it unique").
        st.undo.push_back(*inverse);
        st.turns.push_back({"assistant", "Done:\n" + Bullets(rd.ops)});
        all.insert(all.end(), rd.ops.begin(), rd.ops.end());
        continue;
      }
      error = "I couldn't apply that: " + inverse.error().message;
    }
    restore();
    return Clarify(st, parts.size() > 1 ? "In \"" + part + "\": " + error : error);
  }
  restore();
  if (all.empty()) return Clarify(st, skipped);
  SpecEdit batch = all.size() == 1 ? all.front() : SpecEdit{ed::Batch{all}};
  auto inverse = spec::Apply(*st.spec, batch);
  if (!inverse) return Clarify(st, "I couldn't apply that: " + inverse.error().message);
  st.undo.push_back(*inverse);
  ChatReply r;
  r.kind = ChatReply::kEdited;
  r.applied = all;
  r.text = "Done:\n" + Bullets(all) + (skipped.empty() ? "" : "(" + skipped + ")\n");
  return Reply(st, std::move(r));
}

}  // namespace bf::analyze
