// Role extraction: role lists, login subjects, coordinated role nouns, access sentences.
#include <algorithm>

#include "analyze/archetypes.h"
#include "analyze/extract.h"
#include "analyze/extract_util.h"
#include "analyze/fields.h"
#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {

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
  // ("User types: admin, staff, residents", "types of users: ..." name roles too.)
  for (size_t i = 0; i < T.size(); ++i) {
    const bool kinds = In(T[i].lower, {"types", "kinds"});
    bool user_kinds = kinds && i > 0 && In(T[i - 1].lower, {"user", "member", "login"});
    if (kinds && i + 2 < T.size() && T[i + 1].lower == "of" && In(T[i + 2].lower, {"users", "accounts", "members"})) {
      user_kinds = true;
      i += 2;
    } else if (T[i].lower != "roles" && T[i].lower != "role" && !user_kinds) {
      continue;
    }
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
      // (A gloss ends a "roles" list: "roles (admin, editor) decide ..."; a list of user types
      // goes on past one: "admin (us), staff (council employees), residents".)
      if (stop && !user_kinds) break;
    }
  }
  // "Dentists and receptionists log in": whoever logs in is a role.
  for (size_t i = 0; i < T.size(); ++i) {
    bool login = (In(T[i].lower, {"log", "logs", "sign", "signs"}) && i + 1 < T.size() &&
                  In(T[i + 1].lower, {"in", "on", "up", "into"})) ||
                 In(T[i].lower, {"login", "logins"}) ||
                 // ("students make an account with email and password")
                 (i + 1 < T.size() && lex::IsAccountSignUp(T[i].lower, T[i + 1].lower,
                                                           i + 2 < T.size() ? T[i + 2].lower : std::string()));
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
  // "users register as employer or job seeker", "sign up as a buyer or a seller".
  for (size_t i = 0; i + 2 < T.size(); ++i) {
    bool verb = In(T[i].lower, {"register", "registers", "registered", "signup", "join", "joins", "in", "up"}) &&
                (T[i].lower != "in" || (i > 0 && In(T[i - 1].lower, {"log", "logs", "sign", "signs"}))) &&
                (T[i].lower != "up" || (i > 0 && In(T[i - 1].lower, {"sign", "signs"})));
    if (!verb || T[i + 1].lower != "as") continue;
    std::vector<std::string> words;
    auto flush = [&] {
      if (!words.empty() && words.size() <= 2 && !lex::IsNonEntity(words.back())) {
        words.back() = lex::RoleOf(words.back()).value_or(naming::Singularize(words.back()));
        add(Join(words, " "));
      }
      words.clear();
    };
    size_t k = i + 2;
    int items = 0;
    for (; k < T.size(); ++k) {
      const Token& t = T[k];
      if (t.kind != Token::kWord) break;
      if (t.lower == "or" || t.lower == "and") {
        flush();
        ++items;
        continue;
      }
      if (In(t.lower, {"a", "an", "the"})) continue;
      if (lex::IsStopword(t.lower) || lex::IsVerb(t.lower)) break;
      words.push_back(t.lower);
    }
    if (items >= 1) flush();  // only lists of alternatives name roles ("as employer or job seeker")
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

}  // namespace bf::analyze
