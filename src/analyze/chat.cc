// Follow-up chat: a user message becomes SpecEdit ops applied to the current spec (validated by
// spec::Apply, inverse pushed on the undo stack). Intents are read with the same hand-written
// tokenizer as descriptions; pronouns ("add a rating to it") refer to the entity mentioned last.
#include <algorithm>

#include "analyze/analyzer.h"
#include "analyze/archetypes.h"
#include "analyze/guard.h"
#include "analyze/lexicon.h"
#include "analyze/text.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

using spec::SpecEdit;
namespace ed = spec::edit;

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (w == s) return true;
  }
  return false;
}

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
  auto number = [](const std::string& x) { return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }); };
  for (const auto& p : phrases) {
    std::vector<std::string> name;
    size_t i = 0;
    for (; i < p.size() && !In(p[i], {"from", "between", "of", "up", "in", "that", "which"}) && !number(p[i]); ++i) name.push_back(p[i]);
    name = Clean(name);
    if (name.empty() || name.size() > 3) continue;
    spec::Field f = MakeField(name);
    if (i + 3 < p.size() && In(p[i], {"from", "between"}) && number(p[i + 1]) && In(p[i + 2], {"to", "and"}) && number(p[i + 3])) {
      f.type = spec::FieldType::kInteger;
      f.min = std::stod(p[i + 1]);
      f.max = std::stod(p[i + 3]);
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

// Edits that add entity `name` (with owner and a link to `parent` when given).
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
  if (!parent.empty() && parent != user) {
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

std::string Bullets(const std::vector<SpecEdit>& ops) {
  std::string out;
  for (const auto& op : ops) out += "- " + spec::Describe(op) + "\n";
  return out;
}

}  // namespace

namespace {

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

  std::vector<SpecEdit> ops;
  auto pronoun_target = [&]() { return LastMentioned(st); };
  auto find_pos = [&](std::initializer_list<std::string_view> keys) -> size_t {
    for (size_t i = 0; i < w.size(); ++i) {
      if (In(w[i], keys)) return i;
    }
    return w.size();
  };

  // Stack: "use Python with PostgreSQL", "switch to Go", "store it in MongoDB".
  spec::Stack st_new = lex::DetectStack(san.text);
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
  if (ops.empty() && verb == "rename") {
    size_t to = w.size();
    for (size_t i = kw + 1; i < w.size(); ++i) {
      if (w[i] == "to" || w[i] == "into" || w[i] == "as") to = i;
    }
    std::vector<std::string> from = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(to)});
    std::vector<std::string> target = Clean({w.begin() + static_cast<ptrdiff_t>(std::min(to + 1, w.size())), w.end()});
    if (from.empty() || target.empty()) return Clarify(st, "Rename what to what?");
    std::string ent = (from.size() == 1 && IsPronoun(from[0])) ? pronoun_target() : EntityFor(s, from);
    if (!ent.empty() && EntityFor(s, target) != ent) {
      std::string nn = naming::SingularizeName(naming::ToPascalCase(Join(target, " ")));
      ops.push_back({ed::RenameEntity{ent, nn, ""}});
    } else {
      std::string field = naming::ToCamelCase(Join(from, " "));
      std::string owner;
      std::string last = pronoun_target();
      if (!last.empty() && s.FindEntity(last)->FindField(field)) owner = last;
      for (const auto& e : s.entities) {
        if (owner.empty() && e.FindField(field)) owner = e.name;
      }
      if (owner.empty()) return Clarify(st, "I couldn't find an entity or field called \"" + Join(from, " ") + "\".");
      ops.push_back({ed::RenameField{owner, field, naming::ToCamelCase(Join(target, " "))}});
    }
  } else if (ops.empty() && (verb == "remove" || verb == "drop" || verb == "delete")) {
    size_t from = find_pos({"from"});
    std::vector<std::string> what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(std::min(from, w.size()))});
    std::vector<std::string> where = from < w.size() ? Clean({w.begin() + static_cast<ptrdiff_t>(from + 1), w.end()}) : std::vector<std::string>{};
    if (what.empty()) return Clarify(st, "Remove what?");
    if (what.size() >= 2 && what[0] == "role") {
      ops.push_back({ed::RemoveRole{naming::ToSnakeCase(what[1])}});
    } else {
      auto feat = FeatureFor(what);
      std::string ent = (what.size() == 1 && IsPronoun(what[0])) ? pronoun_target() : EntityFor(s, what);
      if (feat && s.HasFeature(*feat) && *feat != spec::Feature::kAuth) ops.push_back({ed::RemoveFeature{*feat}});
      if (!ent.empty() && where.empty()) {
        if (ent == s.auth.userEntity) return Clarify(st, "The " + ent + " entity is needed for login, so I kept it.");
        ops.push_back({ed::RemoveEntity{ent}});
      } else if (!feat || !s.HasFeature(*feat)) {
        std::string owner = where.empty() ? pronoun_target() : EntityFor(s, where);
        std::string field = naming::ToCamelCase(Join(what, " "));
        if (owner.empty()) {
          for (const auto& e : s.entities) {
            if (e.FindField(field)) owner = e.name;
          }
        }
        if (owner.empty() || !s.FindEntity(owner) || !s.FindEntity(owner)->FindField(field)) {
          return Clarify(st, "I couldn't find \"" + Join(what, " ") + "\" to remove.");
        }
        ops.push_back({ed::RemoveField{owner, field}});
      }
    }
  } else if (ops.empty() && verb == "make") {
    // "make email unique", "make the title required", "make it optional".
    size_t flag = find_pos({"unique", "required", "optional", "mandatory", "nullable"});
    if (flag == w.size()) return Clarify(st, "Make it what? (unique, required or optional)");
    std::vector<std::string> what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(flag)});
    std::string owner;
    size_t on = find_pos({"on", "in", "of", "for"});
    if (on < flag) {
      owner = EntityFor(s, Clean({w.begin() + static_cast<ptrdiff_t>(on + 1), w.begin() + static_cast<ptrdiff_t>(flag)}));
      what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 1), w.begin() + static_cast<ptrdiff_t>(on)});
    }
    if (what.size() >= 2 && EntityFor(s, {what[0]}) != "") {  // "make post title required"
      owner = EntityFor(s, {what[0]});
      what.erase(what.begin());
    }
    std::string field = naming::ToCamelCase(Join(what, " "));
    if (owner.empty()) {
      std::string last = pronoun_target();
      if (!last.empty() && s.FindEntity(last)->FindField(field)) owner = last;
      else if (s.FindEntity(s.auth.userEntity)->FindField(field)) owner = s.auth.userEntity;
      for (const auto& e : s.entities) {
        if (owner.empty() && e.FindField(field)) owner = e.name;
      }
    }
    const spec::Entity* e = owner.empty() ? nullptr : s.FindEntity(owner);
    const spec::Field* f = e ? e->FindField(field) : nullptr;
    if (!f) return Clarify(st, "I couldn't find a field called \"" + Join(what, " ") + "\".");
    spec::Field nf = *f;
    if (w[flag] == "unique") nf.unique = true;
    if (w[flag] == "required" || w[flag] == "mandatory") nf.required = true;
    if (w[flag] == "optional" || w[flag] == "nullable") nf.required = false;
    ops.push_back({ed::UpdateField{owner, nf}});
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
      if (In(w[i], {"to", "on", "for", "in"})) to = i;
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
      owner = EntityFor(s, Clean({w.begin(), w.begin() + static_cast<ptrdiff_t>(kw)}));
      if (verb == "should" && kw + 1 < w.size() && In(w[kw + 1], {"have", "get", "include"})) {
        what = Clean({w.begin() + static_cast<ptrdiff_t>(kw + 2), w.end()});
      }
    } else if (!target.empty()) {
      owner = (target.size() == 1 && IsPronoun(target[0])) ? pronoun_target() : EntityFor(s, target);
      if (owner.empty()) return Clarify(st, "I couldn't find the entity \"" + Join(target, " ") + "\".");
    }
    if (what.empty()) return Clarify(st, "Add what?");
    if (what.back() == "role" && what.size() >= 2) {
      ops.push_back({ed::AddRole{naming::ToSnakeCase(Join({what.begin(), what.end() - 1}, " ")), std::nullopt}});
    } else if (what.front() == "role" && what.size() >= 2) {
      ops.push_back({ed::AddRole{naming::ToSnakeCase(Join({what.begin() + 1, what.end()}, " ")), std::nullopt}});
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
      } else if (!s.FindEntity(pascal) && (entity_word || (plural && (known || owner.empty() || true)) ||
                                           (known && !article && owner.empty()))) {
        std::string parent = owner.empty() ? MainEntity(st) : owner;
        if (pascal == "Follow") {
          spec::Relation r;
          r.from = r.to = s.auth.userEntity;
          r.kind = spec::RelationKind::kManyToMany;
          r.name = "following";
          r.inverse = "followers";
          ops.push_back({ed::AddRelation{r, std::nullopt}});
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
        spec::Relation r;
        r.from = owner;
        r.to = pascal;
        r.kind = spec::RelationKind::kOneToMany;
        ops.push_back({ed::AddRelation{r, std::nullopt}});
      } else {
        if (owner.empty()) owner = pronoun_target();
        if (owner.empty()) return Clarify(st, "Which entity should get \"" + Join(what, " ") + "\"?");
        ops.push_back({ed::AddField{owner, MakeField(what), std::nullopt}});
      }
    }
  }
  if (ops.empty()) return Clarify(st, "I'm not sure what to change.");
  SpecEdit batch = ops.size() == 1 ? ops.front() : SpecEdit{ed::Batch{ops}};
  auto inverse = spec::Apply(s, batch);
  if (!inverse) return Clarify(st, "I couldn't apply that: " + inverse.error().message);
  st.undo.push_back(*inverse);
  ChatReply r;
  r.kind = ChatReply::kEdited;
  r.applied = ops;
  r.text = "Done:\n" + Bullets(ops);
  return Reply(st, std::move(r));
}

}  // namespace bf::analyze
