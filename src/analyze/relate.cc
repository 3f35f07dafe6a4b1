// Relation inference between noun phrases: verbs and prepositions that connect two mentions
// ("seasons belong to a league", "orders contain products", "users follow other users",
// "drivers assigned to devices", "a family's policy"), nesting ("nested categories") and
// ownership of user-created content.
#include <algorithm>
#include <unordered_map>
#include <functional>
#include <unordered_set>

#include "analyze/extract.h"
#include "analyze/extract_util.h"
#include "analyze/fields.h"
#include "analyze/lexicon.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze {
namespace {

bool Has(const std::string& c, std::initializer_list<std::string_view> phrases) {
  for (auto p : phrases) {
    std::string needle = Padded(p);
    if (c.find(needle) != std::string::npos) return true;
  }
  return false;
}

using PaddedSet = std::unordered_set<std::string>;

PaddedSet Pad(std::initializer_list<std::string_view> phrases) {
  PaddedSet out;
  for (auto p : phrases) out.insert(Padded(p));
  return out;
}

// Exact connector match against a set built once (function-local statics below).
bool Is(const std::string& c, const PaddedSet& set) { return set.count(c) > 0; }

struct Kind {
  std::string type;  // "" when the connector says nothing
  std::string inverse;
};

// Tags, keywords and labels: records that mark other records.
bool IsTagName(const std::string& entity) { return In(entity, {"Tag", "Keyword", "Label"}); }

// Records that define the tags, keywords or labels used inside them (a user's own tags, a
// board's labels): they own them one-to-many, while the records the tags mark share them.
bool IsTagSpace(const std::string& entity) {
  static const std::set<std::string, std::less<>> kSpaces = {
      "User", "Project", "Board", "Group", "Team", "Space", "Workspace", "Environment", "Organization",
      "Organisation", "Org", "Account", "Company", "Site", "Tenant", "Library", "Shop", "Store", "Blog",
      "Channel", "Community", "Household", "Family", "Club"};
  return kSpaces.count(entity) > 0;
}

// Verbs of choosing, following or joining: many-to-many between plurals ("students take courses"),
// but one thing chosen per record when the object is one ("each item follows a borrow policy").
bool IsChoosingVerb(std::string_view v) {
  for (std::string_view m : {"can ", "must ", "may "}) {
    if (v.starts_with(m)) v.remove_prefix(m.size());
  }
  return In(v, {"follow", "follows", "take", "takes", "choose", "chooses", "pick", "picks", "select", "selects",
                "join", "joins", "attend", "attends"});
}

// Classifies the words between two mentions (determiners already removed).
// A person or the login: "users", "members", "the coach", "a patient".
bool PersonLike(const Chunk& c);

// Things users make or hold in a text with logins (the entity, or its last word, is one of these).
bool IsOwnedKind(const std::string& entity) {
  static const std::set<std::string> kOwnedHeads = {
      "Post", "Comment", "Order", "Booking", "Review", "Message", "Like", "Vote", "Rating", "Favorite", "Bookmark",
      "Note", "Reservation", "Application", "Submission", "Donation", "Reply", "Story", "Article", "Star",
      "Follow", "Upload", "Photo", "Playlist", "Wishlist", "Cart", "Basket", "Answer", "Question", "Thread",
      "Listing", "Recipe", "Workout", "Trip", "Loan", "Pledge", "Expense", "Goal", "Journal", "Entry", "Checkin",
      "Report", "Request", "Ticket", "Issue", "Document", "Attachment", "Timesheet", "TimeEntry", "Activity",
      "Collection", "Contribution", "Share", "Subscription"};
  return kOwnedHeads.count(entity) || kOwnedHeads.count(naming::SplitWords(entity).back());
}

// An entity name for people: the login, a role ("Driver") or a person word ("Customer").
bool IsPersonName(const std::string& entity) {
  const std::string head = ToLower(naming::SplitWords(entity).back());
  return entity == "User" || lex::RoleOf(head).has_value() || IsPersonEntityWord(head);
}

// " turns into ", " becomes exactly one ", " is converted into ": the connective says what a record turns into.
bool TurnsInto(const std::string& conn) {
  static const PaddedSet s = Pad({"turns into", "turn into", "is turned into", "are turned into", "becomes",
                                  "becomes exactly one", "becomes one", "is converted into", "are converted into",
                                  "converts into", "gets converted into", "is promoted to", "gets promoted to"});
  return Is(conn, s);
}

// The first word of a connective (" are grouped into one " -> "are").
std::string FirstWord(const std::string& conn) {
  const std::string t = Trim(conn);
  return t.substr(0, t.find(' '));
}

Kind Classify(const std::string& c, const Chunk& b) {
  if (c == "  " || c == " ") return {};
  if (Is(c, [] { static const PaddedSet s = Pad({"'s"}); return std::cref(s); }())) return {"a_has_b", ""};
  // "each plan has one or more batches", "every plan makes one or more batches": owning several
  // is one-to-many ("belongs to one or more categories" below is many-to-many).
  if (Has(c, {"has one or more", "have one or more", "holds one or more", "hold one or more", "makes one or more",
              "make one or more", "contains one or more", "contain one or more", "creates one or more",
              "create one or more", "produces one or more", "produce one or more", "gets one or more",
              "get one or more"}) &&
      !IsUserHead(b) && !(b.words.size() == 1 && lex::RoleOf(b.words.back()))) {  // "has one or more hosts"
    return {"a_has_b", ""};
  }
  // ("the poll turns into a scheduled event", "a fulfilled request becomes exactly one distribution":
  // what a record turns into is its one successor.)
  if (TurnsInto(c) && !b.plural && !IsUserHead(b) && !lex::RoleOf(b.words.back())) {
    return {"one_one", ""};
  }
  // "leagues are split into divisions", "a voyage is divided into legs": the whole holds its parts
  // ("songs are grouped into albums" below is the other way round).
  if (Is(c, [] { static const PaddedSet s = Pad({"is split into", "are split into", "split into", "is divided into",
             "are divided into", "divided into", "is broken into", "are broken into", "is broken down into",
             "are broken down into", "is subdivided into", "are subdivided into", "is cut into", "are cut into",
             "can be split into", "can be divided into", "can be divided in", "can be split in", "is divided in",
             "are divided in", "divided in", "is split in", "are split in"}); return std::cref(s); }())) {
    return {"a_has_b", ""};
  }
  // Many-to-many wording.
  if (Has(c, {"in more than one", "in several", "in multiple", "in many", "to many", "to several", "to multiple",
              "many to many", "belong to many", "belongs to many", "belong to several", "belongs to several",
              "belong to multiple", "belongs to multiple", "one or more", "of several", "of many", "of multiple",
              "on many", "on several", "on multiple", "by many", "by several", "by multiple",
              "move between", "moves between", "moved between", "transfer between", "transfers between",
              "rotate between", "rotates between", "switch between", "switches between"})) {
    return {"m2m", ""};
  }
  // "users are members of teams": membership is many-to-many unless the target is one thing.
  if (Is(c, [] { static const PaddedSet s = Pad({"are members of", "is member of", "can be members of", "can be member of",
             "become members of", "becomes member of", "are member of"}); return std::cref(s); }())) {
    return {b.plural ? "m2m" : "b_has_a", ""};
  }
  // "the breed depends on the species": the dependent thing points at what it depends on.
  if (Is(c, [] { static const PaddedSet s = Pad({"depend on", "depends on", "depend of", "depends of", "depending on",
             "is dependent on", "are dependent on", "derived from", "is derived from", "are derived from",
             "come out of", "comes out of", "came out of", "taken from", "is taken from", "are taken from",
             "was taken from", "were taken from", "created from", "is created from", "are created from",
             "can be created from", "generated from", "is generated from", "are generated from", "built from",
             "is built from", "are built from", "converted from", "is converted from", "are converted from",
             "spawned from", "is spawned from", "are spawned from"}); return std::cref(s); }())) {
    return {"b_has_a", ""};
  }
  // "packets are made from a batch": what a thing is made from is its source; made from several
  // ("a wine is made from grapes"), the sources are shared.
  if (Is(c, [] { static const PaddedSet s = Pad({"made from", "is made from", "are made from", "produced from",
             "is produced from", "are produced from", "packed from", "are packed from", "bottled from",
             "are bottled from", "cut from", "are cut from", "brewed from", "is brewed from", "are brewed from"});
             return std::cref(s); }())) {
    return {b.plural ? "m2m" : "b_has_a", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"follow", "follows", "can follow", "watch", "watches", "can watch", "join", "joins", "can join", "attend",
             "attends", "subscribe to", "subscribes to", "can subscribe to", "enroll in", "enrol in", "enrolls in",
             "enrols in", "play in", "plays in", "can play in", "groups", "collect", "collects", "tagged with",
             "can be tagged with", "are tagged with", "is tagged with", "bookmark", "take", "takes", "sign up for",
             "signs up for", "sign up to", "signs up to", "can sign up for", "can sign up to",
             "register for", "registers for", "rsvp to", "follow other", "can follow other",
             "choose", "chooses", "can choose", "pick", "picks", "can pick", "select", "selects", "can select",
             "save", "saves", "mentor", "mentors", "participate in", "participates in", "can participate in",
             "take part in", "takes part in", "can take part in", "compete in", "competes in", "can compete in",
             "check in to", "checks in to", "check into", "checks into", "check in at", "checks in at",
             "check in and out of", "checks in and out of", "can check in to", "can check into",
             "volunteer for", "volunteers for", "can volunteer for"}); return std::cref(s); }())) {
    return {"m2m", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"like", "likes", "can like"}); return std::cref(s); }())) return {"join:Like", ""};
  // Acts that leave a record of their own between the actor and the thing ("job seekers apply to a
  // job", "guests book a room", "customers rent a car").
  if (Is(c, [] { static const PaddedSet s = Pad({"apply to", "applies to", "apply for", "applies for", "can apply to",
             "can apply for"}); return std::cref(s); }())) return {"join:Application", ""};
  if (Is(c, [] { static const PaddedSet s = Pad({"book", "books", "can book"}); return std::cref(s); }())) return {"join:Booking", ""};
  if (Is(c, [] { static const PaddedSet s = Pad({"reserve", "reserves", "can reserve"}); return std::cref(s); }())) {
    return {"join:Reservation", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"rent", "rents", "can rent"}); return std::cref(s); }())) return {"join:Rental", ""};
  if (Is(c, [] { static const PaddedSet s = Pad({"upvote", "upvotes", "can upvote", "vote on", "votes on", "can vote on", "vote for", "votes for"}); return std::cref(s); }())) {
    return {"join:Vote", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"rate", "rates", "can rate"}); return std::cref(s); }())) return {"join:Rating", ""};
  if (Is(c, [] { static const PaddedSet s = Pad({"score", "scores", "can score", "grade", "grades", "evaluate", "evaluates", "assess", "assesses"}); return std::cref(s); }())) {
    return {"join:Review", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"review", "reviews", "can review", "write reviews for", "leave reviews on", "leave reviews for"}); return std::cref(s); }())) {
    return {"join:Review", ""};
  }
  // "users can report posts, comments or profiles", "members flag listings": a report of its own.
  if (Is(c, [] { static const PaddedSet s = Pad({"report", "reports", "can report", "flag", "flags", "can flag"}); return std::cref(s); }())) {
    return {"join:Report", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"star", "stars", "can star"}); return std::cref(s); }())) return {"join:Star", ""};
  if (Is(c, [] { static const PaddedSet s = Pad({"favorite", "favorites", "favourite", "favourites", "can favorite", "can favourite"}); return std::cref(s); }())) {
    return {"join:Favorite", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"comment on", "comments on", "can comment on", "comment under", "discuss", "can discuss",
             "comments under", "can comment under", "comment below", "can comment below", "discuss under",
             "can discuss under", "discuss on", "can discuss on", "discuss below", "can discuss below"}); return std::cref(s); }())) {
    return {"join:Comment", ""};
  }
  // Attachment verbs: plural target -> many-to-many; singular -> many-to-one.
  if (Has(c, {"assigned to", "linked to", "attached to", "connected to", "restricted to", "available in",
              "applied to", "added to", "shared with", "share with", "mapped to", "associated with", "related to",
              "assign to", "link to", "attach to", "scoped to", "allocated to"})) {
    std::string inv = Has(c, {"assigned to", "assign to"}) && !b.plural ? "assignee" : "";
    return {b.plural ? "m2m" : "b_has_a", inv};
  }
  // "an invoice is issued to a customer", "a loan is granted to a member": the recipient holds many.
  if (Is(c, [] { static const PaddedSet s = Pad({"is issued to", "are issued to", "issued to", "is billed to", "are billed to",
             "billed to", "is granted to", "are granted to", "granted to", "is addressed to", "are addressed to",
             "addressed to", "is sold to", "are sold to", "is given to", "are given to", "is sent to", "are sent to",
             "is lent to", "are lent to", "is awarded to", "are awarded to", "awarded to"}); return std::cref(s); }())) {
    return {"b_has_a", ""};
  }
  // Passive authorship: "written by a user".
  static const std::pair<std::string_view, std::string_view> kBy[] = {
      {"written by", "author"}, {"posted by", "author"}, {"authored by", "author"}, {"created by", "creator"},
      {"uploaded by", "uploader"}, {"owned by", "owner"}, {"made by", ""}, {"placed by", ""}, {"submitted by", "submitter"},
      {"filed by", ""}, {"entered by", ""}, {"added by", ""}, {"confirmed by", ""}, {"approved by", "approver"},
      {"reviewed by", "reviewer"}, {"signed by", ""}, {"taken by", ""}, {"raised by", ""}, {"opened by", ""},
      {"reported by", "reporter"}, {"run by", ""}, {"managed by", "manager"}, {"hosted by", "host"},
      {"organized by", "organizer"}, {"organised by", "organizer"}, {"sent by", "sender"}, {"issued by", ""},
      {"by", ""}};
  for (const auto& [p, inv] : kBy) {
    if (Has(c, {p})) return {"b_has_a", std::string(inv)};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"belongs to", "belong to", "belonging to", "is belonging to", "are belonging to", "lives in", "live in",
             "sit in", "sits in", "go in", "goes in", "grouped in", "grouped into", "filed under", "nest under",
             "nests under", "is in", "are in", "in", "inside", "within", "under", "of", "for", "per", "on", "at",
             "against", "is for", "are for", "part of", "is part of", "are part of", "about", "for one", "in one",
             "belongs to one", "belong to one", "is belonging to one", "lives in one", "sit inside", "are inside",
             "is inside", "inside of", "are kept in", "kept in", "listed in", "live under", "are under", "is under",
             "are grouped into", "are grouped in", "is grouped in", "are organized in", "are organised in",
             "in one of", "from", "are for one", "is for one", "can be in one", "per each", "for each", "on each",
             "in each", "at each", "under each", "of each", "within each", "tied to", "is tied to",
             "are tied to", "is linked to one", "are per", "is per", "points to", "point to", "refers to",
             "refer to", "lives at", "live at", "works at", "work at", "working at", "works in", "work in",
             "working in", "is working in", "are working in", "is working at", "are working at", "located in", "located at",
             "based at", "held at", "is at", "are at", "happens in", "happen in", "takes place in", "take place in", "of one",
             "is of one", "are of one", "goes to one", "go to one", "each go to one"}); return std::cref(s); }())) {
    return {"b_has_a", ""};
  }
  // "can be done inside a", "are batched into", "is stored under": participles before a
  // containment preposition.
  {
    std::vector<std::string_view> ws;
    size_t i = 1;
    while (i < c.size()) {
      size_t j = c.find(' ', i);
      if (j == std::string::npos) break;
      if (j > i) ws.push_back(std::string_view(c).substr(i, j - i));
      i = j + 1;
    }
    if (ws.size() >= 2 && ws.size() <= 4) {
      std::string_view last = ws.back();
      bool container = last == "inside" || last == "within" || last == "under" || last == "into" || last == "per" ||
                       last == "in" || last == "on" || last == "for" || last == "to";
      bool aux = true;
      for (size_t k = 0; k + 1 < ws.size(); ++k) {
        std::string_view w = ws[k];
        bool participle = w.size() > 3 && (w.ends_with("ed") || w.ends_with("en") || w == "done" || w == "kept" ||
                                           w == "held" || w == "put" || w == "set" || w == "made" || w == "built");
        if (!(participle || w == "can" || w == "be" || w == "is" || w == "are" || w == "was" || w == "were" ||
              w == "get" || w == "gets" || w == "will" || w == "may" || w == "must" || w == "should")) {
          aux = false;
        }
      }
      bool has_participle = false;
      for (size_t k = 0; k + 1 < ws.size(); ++k) {
        std::string_view w = ws[k];
        has_participle = has_participle || (w.size() > 3 && (w.ends_with("ed") || w.ends_with("en"))) || w == "done" ||
                         w == "kept" || w == "held" || w == "made";
      }
      bool attach = ws[0] == "assigned" || ws[0] == "linked" || ws[0] == "attached" || ws[0] == "shared";
      if (container && aux && has_participle && !attach && last != "to") return {"b_has_a", ""};
    }
  }
  // "volunteers have a login account", "every employee has a user account": one login each.
  if (Is(c, [] { static const PaddedSet s = Pad({"has", "have", "both have", "all have", "each have", "also have",
             "also has"}); return std::cref(s); }()) &&
      (IsUserHead(b) || b.name == "User") && !b.plural && b.words.size() <= 2 && !b.quantified) {
    // ("each file has an owner user": the user who owns it, who has many.)
    if (b.words.size() == 2 && In(b.words.front(), {"owner", "owning", "author", "creator", "uploader"})) {
      return {"b_has_a", b.words.front()};
    }
    return {"one_one", ""};
  }
  // "a visit records the visitor", "each order stores the customer": a record that keeps one person
  // refers to that person, who has many of it.
  if (Is(c, [] { static const PaddedSet s = Pad({"records", "stores", "keeps", "notes", "saves", "logs"});
                 return std::cref(s); }()) &&
      !b.plural && !b.quantified && b.words.size() <= 2 &&
      (PersonLike(b) || b.name == "User" ||
       In(b.words.back(), {"visitor", "guest", "borrower", "participant", "adopter", "renter", "owner"}))) {
    return {"b_has_a", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"has one", "have one", "can have one", "has exactly one", "have exactly one", "has a single",
             "with one"}); return std::cref(s); }()) && !b.plural) {
    return {"one_one", ""};
  }
  if (Is(c, [] { static const PaddedSet s = Pad({"has", "have", "has many", "have many", "can have", "can have many", "contains", "contain", "includes",
             "include", "holds", "hold", "owns", "own", "lists", "list", "carries", "carry", "can carry", "with",
             "made of", "consists of", "consist of", "made up of", "is made of", "are made of", "writes", "write",
             "posts", "post", "creates", "create", "can create", "publishes", "publish", "places", "place", "submits",
             "submit", "uploads", "upload", "can upload", "books", "book", "can book", "orders", "order", "logs",
             "log", "reports", "report", "sends", "send", "starts", "start", "runs", "run", "defines", "define",
             "can define", "gives", "give", "manages", "manage", "issues", "generates", "generate", "produces",
             "produce", "raises", "raise", "opens", "open", "files", "keeps", "keep", "stores", "store", "records",
             "record", "tracks", "track", "receives", "receive", "gets", "get", "offers", "offer", "sells", "sell",
             "hosts", "host", "organizes", "organises", "organize", "organise", "schedules", "schedule", "makes",
             "make", "teaches", "teach", "leave", "leaves", "rent", "rents", "borrow", "borrows", "buy", "buys",
             "plan", "plans", "ask", "asks", "answer", "answers", "has several", "have several", "has multiple",
             "have multiple", "has some", "have some", "can have several", "can have multiple", "can have more",
             "have more", "has more", "can post", "can write", "can log", "can send", "can place", "can make",
             "can submit", "can open", "can start", "can leave", "can ask", "can answer", "can give", "can hold",
             "hold one or more", "holds one or more", "has one or more", "have one or more", "with their",
             "maintain", "maintains", "lead", "leads", "owns many", "own many", "accumulates", "earn", "earns", "redeem", "redeems",
             "is made up of", "are made up of", "can contain", "may have", "may contain", "write down", "add",
             "adds", "can add", "fill in", "fill out", "fills out", "complete", "completes", "cast", "casts",
             "keys in", "enter", "enters", "assign", "assigns", "can assign", "employ", "employs", "run into",
             "set up", "sets up", "charge", "charges", "send out", "sends out", "request", "requests", "apply to",
             "sign", "signs", "can sign", "and their", "hand in", "hands in", "turn in", "turns in", "answer with",
             "answers with", "respond with", "responds with", "reply with", "replies with", "can answer with",
             "can respond with", "can reply with", "come back with", "comes back with"}); return std::cref(s); }())) {
    return {"a_has_b", ""};
  }
  // "each batch uses a recipe": what one thing uses is shared by many ("firms will use it" says
  // nothing about records).
  if (Is(c, [] { static const PaddedSet s = Pad({"uses", "is using"}); return std::cref(s); }()) && !b.plural) {
    return {"b_has_a", ""};
  }
  // "every pet lives at one shelter", "each task is about one dog": "one" before the target only
  // says there is a single one.
  if (c.size() > 5 && c.ends_with(" one ")) {
    Kind k = Classify(c.substr(0, c.size() - 4), b);
    if (k.type == "b_has_a") return k;
    // ("members each rent one plot": a verb of renting or borrowing one thing.)
    if ((k.type == "a_has_b" || StartsWith(k.type, "join:")) &&
        In(Trim(c.substr(0, c.size() - 4)), {"rent", "rents", "borrow", "borrows", "lease", "leases", "reserve",
                                             "reserves"})) {
      return k;
    }
  }
  // "each task is about a dog", "the invoice is against an order": a copula before a
  // containment preposition.
  for (std::string_view cop : {" is ", " are "}) {
    if (c.starts_with(cop) &&
        In(Trim(c.substr(cop.size())), {"about", "against", "for", "of", "under", "within", "from"})) {
      return {"b_has_a", ""};
    }
  }
  // "a discount is put on a reservation", "songs are grouped into albums": a thing placed on,
  // filed under or kept in one target belongs to it.
  for (std::string_view cop : {" is ", " are ", " gets ", " get "}) {
    if (!c.starts_with(cop)) continue;
    auto rest = Split(Trim(c.substr(cop.size())), ' ');
    if (rest.size() == 2 &&
        In(rest[0], {"put", "placed", "applied", "attached", "added", "linked", "filed", "booked", "recorded",
                     "logged", "charged", "posted", "pinned", "tied", "stored", "kept", "located", "listed",
                     "grouped", "organized", "organised", "sorted", "held", "hosted", "registered", "entered",
                     "issued", "raised", "opened", "allocated", "scheduled", "parked", "shelved"}) &&
        In(rest[1], {"on", "to", "in", "into", "onto", "against", "under", "at", "within"})) {
      return {"b_has_a", ""};
    }
  }
  // "projects can define coloured labels", "each order has printed receipts": a participle or an
  // adjective before the target qualifies it.
  if (size_t sp = c.find_last_of(' ', c.size() - 2); sp != std::string::npos && sp > 0) {
    const std::string last = c.substr(sp + 1, c.size() - sp - 2);
    const bool qualifier = (last.size() > 4 && last.ends_with("ed") && !last.ends_with("eed")) ||
                           In(last, {"custom", "extra", "optional", "public", "private", "internal", "separate",
                                     "primary", "secondary", "reusable"});
    const std::string rest = c.substr(0, sp + 1);
    if (qualifier && !lex::IsVerb(last) && !rest.ends_with(" and ") && !rest.ends_with(" or ")) {
      Kind k = Classify(rest, b);  // (a verb's object: "on configured days" stays a preposition)
      if (k.type == "a_has_b" || k.type == "m2m") return k;
    }
  }
  // "birders ask to join a club": a wish before a participation act is the act.
  for (std::string_view wish : {" ask to ", " asks to ", " want to ", " wants to ", " request to ", " requests to ",
                                " choose to ", " chooses to "}) {
    if (c.size() > wish.size() && c.starts_with(wish)) {
      Kind k = Classify(" " + c.substr(wish.size()), b);
      if (k.type == "m2m" || StartsWith(k.type, "join:")) return k;
    }
  }
  // "reservations can belong to a group", "a discount can be put on a reservation": the modal
  // says nothing about the relation.
  for (std::string_view modal : {" can ", " may ", " must ", " will ", " should ", " could ", " might ", " shall "}) {
    if (c.size() > modal.size() && c.starts_with(modal)) {
      std::string rest = " " + c.substr(modal.size());
      if (rest.starts_with(" be ")) rest = " is " + rest.substr(4);
      return Classify(rest, b);
    }
  }
  // "orders contain several products", "each parcel contains multiple items": a count after a
  // verb of holding says how many.
  // (Only after a verb alone: "a company with many outlets", "we organise many events" stay as
  // they read without the count.)
  // ("the services offered at each location", "classes held in a studio", "items sold at a
  // market": what is done at a place belongs to it.)
  {
    auto ws = Split(Trim(c), ' ');
    if (!ws.empty() && In(ws[0], {"is", "are", "get", "gets", "being"})) ws.erase(ws.begin());
    if (ws.size() == 2 && In(ws[1], {"at", "in", "on", "inside", "within", "under", "before", "after", "during"}) &&
        ((ws[0].size() > 4 && ws[0].ends_with("ed")) || lex::IsIrregularParticiple(ws[0])) &&
        !In(ws[0], {"interested", "based", "used", "involved", "included", "listed", "mentioned", "described",
                    "specialised", "specialized", "trained", "skilled", "qualified", "experienced", "logged",
                    "signed", "checked", "engaged", "employed", "registered", "enrolled", "subscribed", "shown",
                    "displayed", "printed", "rendered", "pinned", "sold"})) {
      return {"b_has_a", ""};
    }
  }
  for (std::string_view q : {" several ", " multiple ", " many ", " some ", " various ", " lots of ", " a few "}) {
    if (c.size() > q.size() + 1 && c.ends_with(q)) {
      const std::string verb = c.substr(0, c.size() - q.size() + 1);
      const auto ws = Split(Trim(verb), ' ');
      if (ws.size() != 1 || In(ws[0], {"with", "and", "has", "have"})) break;
      // ("each vineyard grows several grape varieties", "a hive houses several frames": a verb the
      // lexicon does not know, in the -s form, before a count of plural things, holds them.)
      if (!lex::IsVerb(ws[0])) {
        if (b.plural && ws[0].size() >= 4 && ws[0].ends_with("s") && !ws[0].ends_with("ss") &&
            !lex::IsStopword(ws[0]) && !lex::IsModifier(ws[0])) {
          return {"a_has_b", ""};
        }
        break;
      }
      Kind k = Classify(verb, b);
      if (k.type == "a_has_b") return k;
    }
  }
  return {};
}

// Attributes of a link after "with" ("... with a role", "... with a grade and a date"); empty when
// the words after "with" are not attributes ("join teams with friends").
std::vector<DField> LinkPayload(const std::vector<Token>& T, size_t at, size_t* stop = nullptr, bool and_has = false) {
  // "an order line links an order and a product and has a quantity": the linking noun's own verb.
  if (and_has && at + 1 < T.size() && T[at].lower == "and" &&
      In(T[at + 1].lower, {"has", "have", "stores", "store", "records", "record", "carries", "carry", "holds", "hold",
                           "keeps", "keep"})) {
    at += 1;
  }
  // "... join teams, each with a role": "each" marks attributes of every link ("..., with a total"
  // after a comma describes the subject instead).
  if (at + 1 < T.size() && T[at].text == "," && T[at + 1].lower == "each") ++at;
  if (at < T.size() && T[at].lower == "each") ++at;
  if (at >= T.size() || !(T[at].lower == "with" || (and_has && at > 0 && T[at - 1].lower == "and"))) return {};
  size_t begin = at + 1, end = begin;
  while (end < T.size() && !(T[end].kind == Token::kPunct && In(T[end].text, {".", ";", ":", "!", "?", "("})) &&
         !IsClauseStart(T[end].lower)) {
    ++end;
  }
  std::vector<DField> out;
  for (const Item& it : SplitItems(T, begin, end, false)) {
    size_t b = it.begin;
    while (b < it.end && T[b].kind == Token::kWord && In(T[b].lower, {"a", "an", "the", "their", "its", "his", "her", "own"})) ++b;
    if (b >= it.end || T[b].kind != Token::kWord || lex::IsVerb(T[b].lower)) break;
    std::vector<std::string> words;
    size_t e = b;
    for (; e < it.end; ++e) {
      // "a role inside it", "a grade for the term": the attribute ends at a preposition.
      if (e > b && In(T[e].lower, {"in", "inside", "within", "for", "on", "at", "per", "to", "from"})) break;
      if (T[e].kind == Token::kWord) words.push_back(T[e].lower);
    }
    if (words.empty() || words.size() > 3) break;
    const std::string& head = words.back();
    bool attr = lex::IsFieldWord(head) || lex::IsFieldWord(naming::Singularize(head)) ||
                lex::InferFieldType(words).type != spec::FieldType::kString;
    if (!attr) break;
    for (auto& f : ParseFieldItem(T, b, e)) out.push_back(std::move(f));
    if (stop) *stop = it.end;
  }
  return out;
}

// Adds the link attributes to a join's payload, skipping names it already has.
void MergePayload(std::vector<DField>& into, std::vector<DField> more) {
  for (auto& f : more) {
    bool dup = false;
    for (const auto& g : into) dup = dup || g.name == f.name;
    if (!dup) into.push_back(std::move(f));
  }
}

bool IsDet(std::string_view w) {
  return In(w, {"a", "an", "the", "each", "every", "its", "their", "his", "her", "our", "my", "your", "also", "just",
                "only", "then", "always", "usually", "typically", "optionally", "exactly", "both", "all", "any",
                "some", "this", "that", "these", "those", "whole", "single", "individual", "specific", "certain",
                "selected", "other", "another", "own", "actually", "often", "sometimes", "directly", "later", "mostly",
                "mainly", "generally", "normally", "possibly", "now", "currently", "still", "already", "same", "i",
                "we", "you", "they", "he", "she", "us", "me"});
}

// "are kept in", "live in", "belong to": a verb of place or belonging (a phrase that opens with a
// preposition, "in each", "for one", is about the object instead).
bool VerbOfPlace(const std::string& phrase, const Kind& k) {
  if (k.type != "b_has_a") return false;
  const auto ws = Split(Trim(phrase), ' ');
  return ws.size() >= 2 && !IsDet(ws[0]) &&
         In(ws.back(), {"in", "into", "at", "to", "under", "within", "inside", "on", "one"}) &&
         !In(ws[0], {"in", "of", "for", "on", "at", "from", "to", "with", "by", "under", "within", "inside", "about",
                     "against", "per", "into", "onto", "one", "and", "or", "as", "like", "such", "including", "so"});
}

}  // namespace

// The record a participation act leaves ("join" -> Membership, "enroll in" -> Enrollment);
// "" for other connectors. `c` is a padded connector.
std::string ActNoun(const std::string& c) {
  struct Act {
    std::vector<std::string_view> phrases;
    std::string_view noun;
  };
  static const Act kActs[] = {
      {{"join", "joins", "can join", "are members of", "is member of", "can be members of", "become members of",
        "becomes member of", "are member of"}, "Membership"},
      {{"enroll in", "enrol in", "enrolls in", "enrols in", "can enroll in", "can enrol in", "are enrolled in",
        "is enrolled in", "enroll into", "enrolls into", "enrolled in", "enroled in", "enrolled into",
        "get enrolled in", "are enroled in"}, "Enrollment"},
      {{"attend", "attends", "can attend", "check in to", "checks in to", "check into", "checks into",
        "check in at", "checks in at", "check in and out of", "checks in and out of"}, "Attendance"},
      {{"register for", "registers for", "can register for", "sign up for", "signs up for", "can sign up for",
        "registered for", "are registered for", "is registered for", "signed up for", "are signed up for",
        "sign up to", "signs up to", "can sign up to", "signed up to", "are signed up to"},
       "Registration"},
      {{"subscribe to", "subscribes to", "can subscribe to", "subscribed to", "are subscribed to", "is subscribed to"},
       "Subscription"},
      {{"participate in", "participates in", "can participate in", "take part in", "takes part in",
        "can take part in", "compete in", "competes in"}, "Participation"},
      {{"assigned to", "are assigned to", "is assigned to", "can be assigned to", "assign to"}, "Assignment"},
      {{"lent to", "are lent to", "is lent to", "loaned to", "are loaned to", "is loaned to", "can be lent to",
        "borrow", "borrows", "can borrow"}, "Loan"},
      {{"leased to", "are leased to", "is leased to", "lease", "leases", "can lease"}, "Lease"},
  };
  // "can also enroll in several": modals before and quantifiers after the act say nothing of it.
  std::vector<std::string> ws;
  for (size_t i = 0; i < c.size();) {
    size_t j = c.find(' ', i);
    if (j == std::string::npos) j = c.size();
    if (j > i) ws.push_back(c.substr(i, j - i));
    i = j + 1;
  }
  while (!ws.empty() && In(ws.front(), {"can", "may", "also", "will", "must", "should", "could", "often", "usually"})) {
    ws.erase(ws.begin());
  }
  // "birders ask to join a club", "members want to enroll in a course": the wish is the act.
  if (ws.size() >= 3 && ws[1] == "to" &&
      In(ws[0], {"ask", "asks", "want", "wants", "request", "requests", "need", "needs", "choose", "chooses",
                 "decide", "decides", "apply", "applies"})) {
    ws.erase(ws.begin(), ws.begin() + 2);
  }
  while (!ws.empty() && In(ws.back(), {"several", "many", "multiple", "more", "one", "or", "some", "various",
                                       "different", "any"})) {
    ws.pop_back();
  }
  std::string norm = " ";
  for (const auto& w : ws) norm += w + " ";
  for (const auto& [phrases, noun] : kActs) {
    for (auto p : phrases) {
      if (c == Padded(p) || norm == Padded(p)) return std::string(noun);
    }
  }
  return "";
}


bool FollowsAct(const std::vector<Token>& T, size_t pos) {
  std::vector<std::string> ws;
  for (size_t k = pos; k > 0 && ws.size() < 6; --k) {
    const Token& t = T[k - 1];
    if (t.kind != Token::kWord) break;
    if (In(t.lower, {"a", "an", "the", "one", "each", "every", "their", "its", "his", "her", "some"})) continue;
    ws.insert(ws.begin(), t.lower);
    std::string c = " ";
    for (const auto& w : ws) c += w + " ";
    if (!ActNoun(c).empty()) return true;
  }
  return false;
}

namespace {

// A mention a pronoun can stand for: a thing, not an attribute or a word like "system".
bool Referable(const Chunk& c) {
  if (c.words.empty() || c.depth != 0) return false;
  const std::string& h = c.words.back();
  if (LooksLikeAttribute(c) || lex::IsNonEntity(naming::Singularize(h)) || lex::IsNonEntity(h)) return false;
  return c.words.size() == 1 || !IsBadHead(h);
}

// Nouns naming the record of an act between two things ("assignment", "enrollment", "membership").
bool IsActNoun(const std::string& w) {
  if (In(w, {"assignment", "enrollment", "enrolment", "membership", "registration", "subscription", "participation",
             "attendance", "booking", "reservation", "allocation", "placement", "appointment", "signup",
             "nomination", "rental", "loan", "lease", "transfer"})) {
    return true;
  }
  return false;
}

// "listeners", "readers", "visitors": a plural agent noun names people.
bool AgentNoun(const Chunk& c) {
  const std::string& h = c.words.back();
  return c.plural && h.size() > 5 &&
         (h.ends_with("ers") || h.ends_with("ors") || h.ends_with("ents") || h.ends_with("ants"));
}

// " leave ", " can write ": a verb by which people make a record ("leave ratings", "write reviews").
bool IsMakingVerb(const std::string& conn) {
  return In(conn, {" leave ", " leaves ", " can leave ", " write ", " writes ", " can write ", " post ", " posts ",
                   " can post ", " submit ", " submits ", " can submit ", " give ", " gives ", " can give "});
}

bool PersonLike(const Chunk& c) {
  const std::string& h = c.words.back();
  return IsUserHead(c) || lex::RoleOf(h).has_value() || IsPersonEntityWord(h) || h == "people" || h == "persons";
}

}  // namespace

std::vector<Chunk> Extractor::PronounChunks(size_t si, const std::vector<Chunk>& all) const {
  const auto& T = s_[si].tokens;
  auto in_list = [&](size_t b, size_t e) {
    for (const auto& l : lists_) {
      if (l.sentence == si && b >= l.begin && e <= l.end) return true;
    }
    return false;
  };
  std::vector<Chunk> out;
  int depth = 0;
  for (size_t k = 0; k < T.size(); ++k) {
    if (T[k].text == "(") ++depth;
    if (T[k].text == ")" && depth > 0) --depth;
    if (depth != 0 || T[k].kind != Token::kWord) continue;
    // ("every one sees only his own wines": "every one" is everyone.)
    const std::string& w = T[k].lower == "one" && k > 0 && T[k - 1].lower == "every" ? "everyone" : T[k].lower;
    if (w != "it" && w != "them" && w != "they" && w != "you" && w != "each" && w != "everyone" && w != "everybody") {
      continue;
    }
    if (in_list(k, k + 1)) continue;
    const std::string next = k + 1 < T.size() ? T[k + 1].lower : "";
    // "you can have several projects", "you start a session": the reader addressed is the user.
    // ("everyone only sees their own plants", "everybody keeps a list": so is everyone; "everyone
    // has an account" says who logs in, not what they own.)
    if (w == "you" || w == "everyone" || w == "everybody") {
      const bool you = w == "you";
      if (!(you && In(next, {"can", "have", "create", "own", "make", "add", "start", "keep", "write", "post", "upload",
                             "book", "log", "get", "pick", "choose", "follow", "join", "save", "also"})) &&
          !(!you && In(next, {"only", "sees", "see", "owns", "keeps", "creates", "adds", "manages", "tracks", "logs",
                              "uploads", "writes", "posts", "books", "saves", "follows", "picks"}))) {
        continue;
      }
      Chunk p;
      p.words = {"user"};
      p.name = "User";
      p.phrase = "user";
      p.begin = k;
      p.end = k + 1;
      out.push_back(std::move(p));
      continue;
    }
    // "several projects; each is owned by one user": "each" standing alone is one of the things
    // just named.
    if (w == "each" && !In(next, {"is", "has", "belongs", "gets", "can", "must", "holds", "keeps", "comes"})) continue;
    if (w == "it" && In(next, {"s", "'s", "would", "seems", "looks", "makes", "should", "must", "needs", "doesn", "does"})) {
      continue;  // "it's", "it would be nice", "it should be fast": not a thing
    }
    const bool plural = w != "it" && w != "each";
    const bool subject = w == "they" ||
                         (k + 1 < T.size() && T[k + 1].kind == Token::kWord &&
                          (lex::IsVerb(next) || In(next, {"can", "may", "will", "is", "are", "has", "have", "gets", "also",
                                                          "then", "only", "always", "usually", "belongs", "goes"})));
    auto ok = [&](const Chunk& c) {
      if (w == "each") return c.plural && Referable(c) && !PersonLike(c);
      if (c.plural != plural || !Referable(c)) return false;
      if (w == "they") return PersonLike(c);
      return !PersonLike(c);
    };
    std::vector<const Chunk*> before;
    for (const auto& c : all) {
      if (c.end <= k && c.depth == 0 && !in_list(c.begin, c.end)) before.push_back(&c);
    }
    const Chunk* ante = nullptr;
    // Subject pronouns continue the previous subject ("A ticket lives in one queue; it may be
    // assigned ..."); object pronouns take the nearest mention ("add participants to it").
    if (subject) {
      if (!before.empty()) {
        if (ok(*before.front())) ante = before.front();
      } else if (!history_.empty()) {
        size_t last_si = history_si_.back();
        for (size_t h = 0; h < history_.size(); ++h) {
          if (history_si_[h] == last_si) {
            if (ok(history_[h])) ante = &history_[h];
            break;
          }
        }
      }
    }
    // An object pronoun is not the other argument of its own clause ("devices shared with them",
    // "add participants to it"): the nearest mention is skipped when no punctuation separates them.
    size_t skip_nearest = 0;
    if (!subject && !before.empty()) {
      bool punct = false;
      for (size_t j = before.back()->end; j < k; ++j) punct = punct || T[j].kind == Token::kPunct;
      if (!punct) skip_nearest = 1;
    }
    for (auto it = before.rbegin() + static_cast<ptrdiff_t>(skip_nearest); !ante && it != before.rend(); ++it) {
      if (ok(**it)) ante = *it;
    }
    for (size_t h = history_.size(); !ante && h > 0; --h) {
      if (history_si_[h - 1] + 2 < si) break;  // look back two sentences at most
      if (ok(history_[h - 1])) ante = &history_[h - 1];
    }
    if (!ante) continue;
    Chunk p = *ante;
    p.begin = k;
    p.end = k + 1;
    p.depth = 0;
    p.quantified = p.single = false;
    out.push_back(std::move(p));
  }
  return out;
}

void Extractor::UniqueScope(size_t si, const std::vector<Chunk>& all) {
  // "keys like checkout.pay, unique inside a project", "jersey number (unique within the team)",
  // "email (unique per election)": what is unique inside a scope belongs to it.
  const auto& T = s_[si].tokens;
  for (size_t u = 0; u + 2 < T.size(); ++u) {
    if (T[u].lower != "unique" || !In(T[u + 1].lower, {"inside", "within", "per", "in", "across"})) continue;
    size_t k = u + 2;
    while (k < T.size() && In(T[k].lower, {"a", "an", "the", "its", "their", "each", "every", "one", "that", "this"})) {
      ++k;
    }
    const Chunk* scope = nullptr;
    for (const auto& c : all) {
      if (c.begin == k) scope = &c;
    }
    if (!scope || scope->words.empty() || LooksLikeAttribute(*scope) || lex::IsNonEntity(scope->words.back()) ||
        IsUserHead(*scope)) {
      continue;
    }
    // The record: the owner of the field list the word sits in, else the last record named before.
    std::string owner;
    for (const auto& l : lists_) {
      if (l.sentence == si && l.begin <= u && u < l.end) owner = l.owner;
    }
    for (size_t j = all.size(); owner.empty() && j > 0; --j) {
      const Chunk& c = all[j - 1];
      bool example = false;  // "keys like checkout.pay": the example is no record
      for (size_t q = c.begin; q > 0 && q + 4 > c.begin; --q) {
        example = example || In(T[q - 1].lower, {"like", "eg", "such"});
      }
      // (A plural attribute word names records: "keys ..., unique inside a project".)
      const bool records = Referable(c) || (c.plural && c.depth == 0 && c.words.size() == 1);
      if (c.end <= u && records && !PersonLike(c) && !example) owner = c.name;
    }
    if (owner.empty() || owner == scope->name) continue;
    links_.push_back({scope->name, owner, "a_has_b", ""});
  }
}

void Extractor::HeaderScope(size_t si, const std::vector<Chunk>& chunks) {
  // "then records per vehicle:" or "for each site we keep:" heads the lines after it; each line's
  // lead record ("service records (date, ...)", "reminders: ...") belongs to that record, until a
  // line that leads with a person or with no record of its own.
  const Sentence& s = s_[si];
  const auto& T = s.tokens;
  if (chunks.empty()) return;
  if (T.back().text == ":") {
    const Chunk& last = chunks.back();
    const bool scoped = last.end + 1 == T.size() && last.begin > 0 &&
                        (In(T[last.begin - 1].lower, {"per", "each", "every"}) ||
                         (last.begin > 1 && In(T[last.begin - 2].lower, {"per", "each", "every"})));
    header_scope_.clear();
    if (scoped && last.depth == 0 && Referable(last) && !PersonLike(last)) header_scope_ = last.name;
    return;
  }
  // "Patients" on a line of its own, then "- Patient: name, ...", "- Blood pressure readings: ...",
  // "- Appointments: ...": a section heading that names a record whose own line opens the section
  // heads the lines after that one (people too: the patient is the parent here).
  if (s.line_start && !s.bullet && chunks.size() == 1 && chunks[0].begin == 0 && chunks[0].end == T.size() &&
      chunks[0].plural && chunks[0].depth == 0 && !lex::IsFieldWord(chunks[0].words.back()) &&
      !IsBadHead(chunks[0].words.back())) {  // ("Members" reads as a count column to LooksLikeAttribute)
    header_scope_.clear();
    section_head_ = chunks[0].name;
    return;
  }
  if (!section_head_.empty() && s.line_start) {
    const Chunk& lead = chunks.front();
    const bool own_line = lead.begin <= 1 && lead.depth == 0 && lead.end < T.size() &&
                          naming::Singularize(lead.name) == naming::Singularize(section_head_) &&
                          In(T[lead.end].lower, {":", "(", "has", "have"});
    if (own_line) header_scope_ = section_head_;
    section_head_.clear();
    if (own_line) return;
  }
  if (header_scope_.empty() || !s.line_start) return;
  const Chunk& lead = chunks.front();
  const bool item_shape =
      lead.begin <= 1 && lead.end < T.size() && In(T[lead.end].lower, {":", "(", "&", "and", "/"});
  // ("service records (...)": the dropped "records" head is no reason to skip the line.)
  if (!item_shape || lead.depth != 0 || LooksLikeAttribute(lead) || PersonLike(lead)) {
    header_scope_.clear();
    return;
  }
  if (lead.name == header_scope_) return;
  Note(lead, 1.0, false, si);
  links_.push_back({header_scope_, lead.name, "a_has_b", ""});
}

void Extractor::OnePairing(size_t si, const std::vector<const Chunk*>& cs) {
  // "a loan is one item to one member", "sailings are one ship on one line at a given time": the
  // record pairs one of each, so it belongs to both.
  const auto& T = s_[si].tokens;
  for (size_t i = 0; i + 2 < cs.size(); ++i) {
    const Chunk& a = *cs[i];
    const Chunk& b = *cs[i + 1];
    const Chunk& c = *cs[i + 2];
    // ("item" is too generic to refer back to, but names a record here.)
    if (a.depth != 0 || b.depth != 0 || c.depth != 0 || !Referable(a) || LooksLikeAttribute(b) ||
        LooksLikeAttribute(c)) {
      continue;
    }
    if (b.begin != a.end + 2 || !In(T[a.end].lower, {"is", "are"}) || T[a.end + 1].lower != "one") continue;
    if (c.begin != b.end + 2 || !In(T[b.end].lower, {"to", "on", "for", "at", "in", "from", "with", "and", "per"}) ||
        T[b.end + 1].lower != "one") {
      continue;
    }
    if (a.name == b.name || a.name == c.name || b.name == c.name) continue;
    Note(a, 2.5, false, si);
    Note(b, 1.0, false, si);
    Note(c, 1.0, false, si);
    links_.push_back({b.name, a.name, "a_has_b", ""});
    links_.push_back({c.name, a.name, "a_has_b", ""});
  }
}

void Extractor::Tagged(size_t si, const std::vector<const Chunk*>& cs) {
  // "Projects can be tagged.", "listings are tagged by the host": tags shared across the records.
  const auto& T = s_[si].tokens;
  for (const Chunk* a : cs) {
    if (a->depth != 0 || !Referable(*a) || LooksLikeAttribute(*a)) continue;
    size_t k = a->end;
    while (k < T.size() && In(T[k].lower, {"can", "may", "should", "must", "will", "also", "optionally"})) ++k;
    if (k + 1 >= T.size() || !In(T[k].lower, {"be", "are", "is", "get", "gets"}) || T[k + 1].lower != "tagged") continue;
    // ("a contact is tagged with contact types": the tags are named.)
    if (k + 2 < T.size() && In(T[k + 2].lower, {"with", "as", "using", "in", "into"})) continue;
    Chunk tag = *a;
    tag.words = {"tag"};
    tag.plural = false;
    NameChunk(tag);
    Note(*a, 1.0, false, si);
    Note(tag, 2.5, false, si);
    links_.push_back({a->name, tag.name, "m2m", ""});
  }
}

void Extractor::FrontedScope(size_t si, const std::vector<const Chunk*>& cs) {
  const auto& T = s_[si].tokens;
  if (cs.size() < 2 || T.size() < 4) return;
  size_t k = 0;
  if (!In(T[0].lower, {"for", "in", "inside", "within", "under", "per", "on"})) return;
  ++k;
  while (k < T.size() && In(T[k].lower, {"each", "every", "a", "an", "the", "one", "any", "every", "single"})) ++k;
  const Chunk* scope = cs.front();
  if (scope->begin != k || !Referable(*scope) || PersonLike(*scope)) return;
  // The clause's verb: the first verb-like word after the scope phrase.
  size_t verb = T.size();
  for (size_t j = scope->end; j < T.size(); ++j) {
    if (T[j].kind != Token::kWord) continue;
    if (lex::IsVerb(T[j].lower) ||
        (lex::MayBeVerb(T[j].lower) && j > scope->end)) {
      bool inside_chunk = false;
      for (const Chunk* c : cs) inside_chunk = inside_chunk || (j >= c->begin && j < c->end);
      if (!inside_chunk) {
        verb = j;
        break;
      }
    }
  }
  if (verb == T.size()) return;
  auto owns_list = [&](const Chunk& c) {
    for (const auto& l : lists_) {
      if (l.sentence == si && l.owner == c.name && l.begin >= c.end && l.begin <= c.end + 2) return true;
    }
    return false;
  };
  for (const Chunk* c : cs) {
    if (c == scope || c->begin <= verb || (!Referable(*c) && !owns_list(*c)) ||
        (PersonLike(*c) && !IsPersonEntityWord(c->words.back()))) {
      continue;
    }
    if (c->name == scope->name) continue;
    Note(*c, 1.0, false, si);
    links_.push_back({scope->name, c->name, "a_has_b", ""});
  }
}

// "listeners leave ratings", "guests write reviews": what people make with a verb of making is a
// record, even when its word is often a column.
void Extractor::MarkMade(const Chunk& maker, const Chunk& made, const std::string& conn, const std::string& type) {
  if (made.plural && type == "a_has_b" && (IsUserHead(maker) || PersonLike(maker) || AgentNoun(maker)) &&
      IsMakingVerb(conn) && cands_.count(made.name)) {
    cands_[made.name].belonging = true;
  }
}

// Records a verb between two phrases states, even when their words are usually columns, features
// or software: what people make (MarkMade), what is borrowed or rented ("gardeners can borrow
// tools"), the owner of a stated many ("each course has many lessons"), and both sides of a verb of
// belonging ("every comment belongs to a post"; "every record belongs to ..." is about all data).
void Extractor::NoteStatedRecords(const Chunk& a, const Chunk& b, const std::string& conn, const std::string& type) {
  MarkMade(a, b, conn, type);
  // ("members each rent one plot": so is one thing rented by each.)
  const bool one = conn.size() > 5 && conn.ends_with(" one ");
  const std::string act = one ? conn.substr(0, conn.size() - 4) : conn;
  if ((b.plural || one) && cands_.count(b.name) &&
      In(act, {" borrow ", " borrows ", " can borrow ", " rent ", " rents ", " can rent ", " lend ", " lends ",
               " reserve ", " reserves ", " can reserve "})) {
    cands_[b.name].borrowed = true;
  }
  if (b.plural && !IsUserHead(a) && cands_.count(a.name) &&
      In(conn, {" has many ", " have many ", " has several ", " have several ", " can have many ", " has multiple ",
                " have multiple ", " can have several ", " can have multiple "})) {
    cands_[a.name].belonging = true;
  }
  if (conn.find(" belong") != std::string::npos) {
    for (const Chunk* side : {&a, &b}) {
      if (!IsUserHead(*side) && cands_.count(side->name) &&
          !In(side->words.back(), {"record", "records", "row", "rows", "data", "entry", "entries"})) {
        cands_[side->name].belonging = true;
      }
    }
  }
}

void Extractor::Patterns(size_t si, const std::vector<Chunk>& all) {
  const auto& T = s_[si].tokens;
  std::vector<const Chunk*> cs;
  for (const auto& c : all) {
    bool in_list = false;
    for (const auto& l : lists_) {
      if (l.sentence == si && c.begin >= l.begin && c.end <= l.end) in_list = true;
    }
    if (!in_list && c.depth == 0 && !setting_heads_.count(si * 1000 + c.begin)) cs.push_back(&c);
  }
  const std::vector<Chunk> pronouns = PronounChunks(si, all);
  for (const auto& p : pronouns) cs.push_back(&p);
  std::stable_sort(cs.begin(), cs.end(), [](const Chunk* x, const Chunk* y) { return x->begin < y->begin; });
  struct Remember {  // referable mentions become antecedents for later sentences
    Extractor* self;
    size_t si;
    const std::vector<const Chunk*>& cs;
    const std::vector<Chunk>& pronouns;
    ~Remember() {
      for (const Chunk* c : cs) {
        bool synthetic = !pronouns.empty() && c >= pronouns.data() && c < pronouns.data() + pronouns.size();
        if (synthetic || !Referable(*c)) continue;
        self->history_.push_back(*c);
        self->history_si_.push_back(si);
      }
      if (self->history_.size() > 64) {
        self->history_.erase(self->history_.begin(), self->history_.begin() + 32);
        self->history_si_.erase(self->history_si_.begin(), self->history_si_.begin() + 32);
      }
    }
  } remember{this, si, cs, pronouns};
  FrontedScope(si, cs);
  UniqueScope(si, all);
  OnePairing(si, cs);
  Tagged(si, cs);
  auto connector = [&](const Chunk& a, const Chunk& b, bool& clean) {
    std::string out = " ";
    clean = true;
    for (size_t k = a.end; k < b.begin; ++k) {
      const Token& t = T[k];
      if (t.text == "(") {
        k = MatchParen(T, k, b.begin);
        continue;
      }
      if (t.kind == Token::kPunct && t.text != "'s") {
        clean = false;
        return out;
      }
      if (t.kind == Token::kNumber) continue;
      // "their own websites" qualifies; "users own websites" is the verb.
      const bool own_verb = t.lower == "own" && k > 0 &&
                            !In(T[k - 1].lower, {"their", "his", "her", "its", "our", "my", "your", "an", "the"});
      // ("donors and their donations": the possessive links the two.)
      const bool and_their = t.lower == "their" && k == a.end + 1 && T[a.end].lower == "and" && a.plural;
      if (t.kind == Token::kWord && IsDet(t.lower) && !own_verb && !and_their) continue;
      // ("members buy monthly plans": how often qualifies the thing, not the verb.)
      if (k + 1 == b.begin && In(t.lower, {"monthly", "weekly", "daily", "yearly", "annual", "hourly", "quarterly",
                                           "nightly", "biweekly", "fortnightly"})) {
        continue;
      }
      out += t.lower + " ";
    }
    // "can have any number of tags": a quantity phrase before the thing reads as "many".
    // ("a goal can have up to two assists", "up to 3 tags": a bound on the count; "sign up to" is
    // no bound.)
    for (std::string_view n : {"two ", "three ", "four ", "five ", "six ", "ten ", "twenty ", "a few ", "few "}) {
      const std::string num(n);
      if (out.ends_with(" up to " + num) || out.ends_with(" at most " + num) || out.ends_with(" at least " + num)) {
        out.resize(out.size() - n.size());
        break;
      }
    }
    if (out.ends_with(" up to ") && !out.ends_with(" sign up to ") && !out.ends_with(" signs up to ") &&
        !out.ends_with(" signed up to ")) {
      out = out.substr(0, out.size() - 7) + " many ";
    }
    // (Longer phrases first: "an ordered list of" before "a list of".)
    // ("a user can belong to more than one organisation", "to at least one": so does a lower bound.)
    for (std::string_view q : {" more than one ", " more than two ", " at least one ", " more than ", " any number of ",
                               " a number of ", " number of ", " bunch of ", " lots of ", " lot of ", " couple of ",
                               " plenty of ", " handful of ", " at most ", " at least ", " little list of ",
                               " little checklist of ", " short list of ", " small set of ", " ordered list of ",
                               " sorted list of ", " numbered list of ", " long list of ", " full list of ", " list of ",
                               " checklist of ", " set of ", " collection of ", " history of ", " log of ",
                               " timeline of ", " series of "}) {
      if (out.size() > q.size() && out.ends_with(q)) {
        out = out.substr(0, out.size() - q.size()) + " many ";
        break;
      }
    }
    // (At most five words once a count phrase is read as "many": "can belong to more than one".)
    if (std::count(out.begin(), out.end(), ' ') - 1 > 5) clean = false;
    return out;
  };
  // Only ',' / 'and' / 'or' between; between objects also "one" ("belongs to one session and one
  // website") and a repeated `prep` ("belongs to a session and to a website").
  auto joined = [&](const Chunk& a, const Chunk& b, std::string_view prep = {}, bool objects = false) {
    for (size_t k = a.end; k < b.begin; ++k) {
      const Token& t = T[k];
      if (t.text == "(") {
        k = MatchParen(T, k, b.begin);
        continue;
      }
      // ("belongs to a user and optionally to one of the custom domains")
      const bool one_of = objects && ((t.lower == "of" && k > a.end && T[k - 1].lower == "one") ||
                                      (k + 1 == b.begin && k >= a.end + 2 && T[k - 1].lower == "the" &&
                                       T[k - 2].lower == "of" && lex::IsModifier(t.lower)));
      // ("has one teacher and many students": each object may carry its own count.)
      // ("has a correspondent and a bunch of tags": so may a quantity phrase.)
      const auto quantity = [](const std::string& w) {
        return In(w, {"bunch", "lots", "lot", "couple", "handful", "number"});
      };
      const bool count = objects && (In(t.lower, {"one", "many", "several", "multiple", "few"}) || quantity(t.lower) ||
                                     (t.lower == "of" && k > a.end && quantity(T[k - 1].lower)));
      if (!(t.text == "," || t.lower == "and" || t.lower == "or" || count || one_of ||
            IsDet(t.lower) ||
            (!prep.empty() && t.lower == prep))) {
        return false;
      }
    }
    return true;
  };
  // "users post recipes, follow each other and like recipes": every verb of a coordinated verb
  // phrase shares the sentence subject.
  // The subject is the left side of the last verb link in the sentence ("users" in "users post
  // recipes, ...").
  const Chunk* subject = nullptr;
  const std::string whole = Padded(JoinLower(T, 0, T.size()));
  const bool each_other = whole.find(" follow each other ") != std::string::npos ||
                          whole.find(" follow one another ") != std::string::npos;
  const Chunk* per_owner = nullptr;  // "X per A per B": X, and the last phrase of the chain
  const Chunk* per_last = nullptr;
  // ("a course is split into modules and each module into lessons": the record named again after
  // "each" is the subject of the elided verb; its preposition and the verb's reading, per chunk.)
  std::map<const Chunk*, std::pair<std::string, Kind>> gapped;
  for (size_t i = 0; i + 1 < cs.size(); ++i) {
    const Chunk& a = *cs[i];
    const Chunk& b = *cs[i + 1];
    bool clean = false;
    std::string conn = connector(a, b, clean);
    if (clean) {
      Kind probe = Classify(conn, b);
      if (probe.type == "a_has_b" || probe.type == "m2m" || StartsWith(probe.type, "join:")) subject = &a;
      // "each feed belongs to a user and sits in one category": a verb of belonging makes `a` the
      // subject of the coordinated verb too.
      if (probe.type == "b_has_a" &&
          (conn.find("belong") != std::string::npos || conn.find(" live") != std::string::npos ||
           conn.find(" sit") != std::string::npos || VerbOfPlace(conn, probe))) {
        subject = &a;
      }
    }
    if (!clean && subject && &a != subject) {
      // Words after the last ',' / 'and' between the two phrases.
      std::string tail = " ";
      bool pronoun = false;
      for (size_t k = a.end; k < b.begin; ++k) {
        const Token& t = T[k];
        if (t.text == "," || t.lower == "and") {
          tail = " ";
          pronoun = false;
          continue;
        }
        if (t.kind == Token::kWord && (t.lower == "them" || t.lower == "it")) {
          pronoun = true;  // "custom questions ..., attach them to events": `a` is the object
          continue;
        }
        if (t.kind == Token::kWord && !IsDet(t.lower)) tail += t.lower + " ";
      }
      if (pronoun) {
        Kind pk = Classify(tail, b);
        if (pk.type == "m2m" || pk.type == "b_has_a") {
          Note(b, 1.0, false, si);
          links_.push_back({a.name, b.name, pk.type, pk.inverse});
          // "... to events and to specific ticket types": later targets joined by "and to".
          for (size_t j = i + 2; j < cs.size(); ++j) {
            bool chained = true;
            for (size_t q = cs[j - 1]->end; q < cs[j]->begin; ++q) {
              if (!(T[q].text == "," || In(T[q].lower, {"and", "or", "to", "with"}) || IsDet(T[q].lower))) chained = false;
            }
            if (!chained) break;
            links_.push_back({a.name, cs[j]->name, cs[j]->plural ? "m2m" : pk.type, pk.inverse});
          }
        }
        continue;
      }
      Kind tk = Classify(tail, b);
      // "plants belong to species, are kept in greenhouses": a verb of place or belonging
      // shared with the subject. (A bare preposition after "and" joins the object instead.)
      const bool placed = VerbOfPlace(tail, tk);
      if (!tk.type.empty() && tail != " " &&
          (StartsWith(tk.type, "join:") || tk.type == "m2m" || tk.type == "a_has_b" || placed)) {
        Note(b, placed ? 2.2 : 1.0, false, si);
        std::string type = tk.type;
        // "students have a name, and enroll in courses with a grade": the shared subject's act
        // with attributes makes the join entity too.
        if (std::string act = ActNoun(tail); type == "m2m" && !act.empty() && subject->name != b.name) {
          size_t stop = b.end;
          std::vector<DField> payload = LinkPayload(T, b.end, &stop);
          if (!payload.empty()) {
            std::string join = act == "Membership" || act == "Attendance" ? b.name + act : act;
            if (join.size() > 60) join.resize(60);
            MergePayload(join_payload_[join], std::move(payload));
            Note(*subject, 2.2, false, si);
            Note(b, 2.2, false, si);
            links_.push_back({subject->name, b.name, "via:" + join, ""});
            if (stop < T.size() && T[stop].text == "(") stop = MatchParen(T, stop, T.size()) + 1;
            while (i + 2 < cs.size() && cs[i + 2]->begin < stop) ++i;
            continue;
          }
        }
        if (type == "a_has_b" && b.end + 1 < T.size() && T[b.end].lower == "with") {
          for (size_t q = b.end + 1; q < std::min(T.size(), b.end + 6); ++q) {
            if (In(T[q].lower, {"quantity", "quantities", "qty", "amount", "amounts", "price", "prices", "dosage", "dose"})) {
              type = "item:" + T[q].lower;
              break;
            }
          }
        }
        links_.push_back({subject->name, b.name, type, tk.inverse});
      }
      continue;
    }
    if (!clean) continue;
    // "one entry per student per column", "grades recorded per student per course": every "per"
    // phrase of the chain qualifies the first thing, not the phrase before it.
    if (per_last == &a && (conn == " per " || conn == " for ")) {
      Note(b, 1.0, false, si);
      links_.push_back({per_owner->name, b.name, "b_has_a", ""});
      per_last = &b;
      continue;
    }
    per_last = nullptr;
    if (conn.size() >= 5 && conn.ends_with(" per ") && Classify(conn, b).type == "b_has_a") {
      per_owner = &a;
      per_last = &b;
    }
    if (each_other && subject == &a) links_.push_back({a.name, a.name, "m2m", ""});
    // "leases link a tenant to an apartment": the subject joins the two.
    // "each order line links one order to one product", "an order line references an order and a
    // product": counts before the objects say nothing of the link.
    auto no_one = [](std::string c) {
      for (const char* w : {" one ", " exactly ", " single "}) {
        for (size_t at; (at = c.find(w)) != std::string::npos;) c.erase(at, std::string(w).size() - 1);
      }
      return c;
    };
    const std::string lconn = no_one(conn);
    if ((lconn == " link " || lconn == " links " || lconn == " connect " || lconn == " connects " || lconn == " ties " ||
         lconn == " tie " || lconn == " pair " || lconn == " pairs " || lconn == " references " ||
         lconn == " reference " || lconn == " relates " || lconn == " relate " || lconn == " associates " ||
         lconn == " associate ") && i + 2 < cs.size()) {
      bool c2 = false;
      std::string to = no_one(connector(b, *cs[i + 2], c2));
      const bool ref = lconn == " references " || lconn == " reference ";
      if (c2 && ((!ref && (to == " to " || to == " with ")) || to == " and ")) {
        // The linking noun is a record of its own, even when it is named only here.
        Note(a, 3.0, false, si);
        Note(b, 2.2, false, si);
        Note(*cs[i + 2], 2.2, false, si);
        size_t stop = cs[i + 2]->end;
        auto payload = LinkPayload(T, cs[i + 2]->end, &stop, true);
        if (!payload.empty() && a.name != b.name && a.name != cs[i + 2]->name) {
          MergePayload(join_payload_[a.name], std::move(payload));
          links_.push_back({b.name, cs[i + 2]->name, "via:" + a.name, ""});
          ++i;
          while (i + 2 < cs.size() && cs[i + 2]->begin < stop) ++i;
          continue;
        }
        links_.push_back({b.name, a.name, "a_has_b", ""});
        links_.push_back({cs[i + 2]->name, a.name, "a_has_b", ""});
        ++i;
        continue;
      }
    }
    // "assignments of drivers to vehicles", "enrollments of students in courses": an act noun
    // between two things is the join entity of the two.
    if (conn == " of " && i + 2 < cs.size() && a.words.size() <= 2 && IsActNoun(naming::Singularize(a.words.back())) &&
        Referable(b) && Referable(*cs[i + 2]) && !LooksLikeAttribute(b) && !LooksLikeAttribute(*cs[i + 2])) {
      bool c2 = false;
      std::string to = connector(b, *cs[i + 2], c2);
      if (c2 && In(to, {" to ", " in ", " into ", " on ", " at ", " for ", " with "})) {
        const Chunk& c = *cs[i + 2];
        Note(a, 3.0, false, si);
        Note(b, 2.2, false, si);
        Note(c, 2.2, false, si);
        size_t stop = c.end;
        MergePayload(join_payload_[a.name], LinkPayload(T, c.end, &stop));
        links_.push_back({b.name, c.name, "via:" + a.name, ""});
        ++i;
        while (i + 2 < cs.size() && cs[i + 2]->begin < stop) ++i;
        continue;
      }
    }
    // "add participants to it", "attach receipt photos to an expense": the target holds the things.
    {
      size_t v = a.begin;
      while (v > 0 && T[v - 1].kind == Token::kWord && (IsDet(T[v - 1].lower) || In(T[v - 1].lower, {"can", "then", "just"}))) --v;
      // ("users can save recipes to collections": so does saving to a list.)
      bool attach_verb = v > 0 && In(T[v - 1].lower, {"add", "adds", "attach", "attaches", "upload", "uploads", "link",
                                                      "links", "pin", "pins", "append", "appends", "save", "saves"});
      if (attach_verb && (conn == " to " || conn == " onto " || conn == " into ") && &a != &b) {
        Note(a, 1.0, false, si);
        // ("add songs to playlists", "save recipes to collections": the places things are put
        // in, in the plural, are records.)
        Note(b, b.plural && a.plural && !LooksLikeAttribute(b) ? 2.5 : 1.0, false, si);
        links_.push_back({b.name, a.name, b.plural && a.plural ? "m2m" : "a_has_b", ""});
        continue;
      }
    }
    // "employees have a manager who is also an employee", "each employee has a mentor (another
    // employee)": the person named is one of the same records, so the record points at itself.
    if (clean && !b.plural && b.words.size() == 1 && a.name != b.name && conn.find(" ha") != std::string::npos) {
      size_t q = b.end;
      if (q < T.size() && T[q].text == ",") ++q;
      bool ok = q < T.size();
      if (ok && T[q].text == "(") {
        ++q;
      } else if (ok && In(T[q].lower, {"who", "which", "that"}) && q + 1 < T.size() && In(T[q + 1].lower, {"is", "are"})) {
        q += 2;
      } else {
        ok = false;
      }
      while (ok && q < T.size() && In(T[q].lower, {"also", "itself", "likewise", "just"})) ++q;
      if (ok && q < T.size() && In(T[q].lower, {"a", "an", "another", "other", "one", "fellow"})) ++q;
      // ("employees belong to departments and have a manager who ...": the subject has it.)
      const Chunk& own = conn.starts_with(" and ") && subject ? *subject : a;
      if (ok && q < T.size() && naming::Singularize(T[q].lower) == naming::Singularize(own.words.back()) &&
          (q + 1 >= T.size() || T[q + 1].kind != Token::kWord || In(T[q + 1].lower, {"and", "or", "too"}))) {
        Note(own, 2.2, false, si);
        links_.push_back({own.name, own.name, "a_has_b", naming::ToCamelCase(b.words.back())});
        continue;
      }
    }
    // ("customers register their cars by number plate and buy wash subscriptions": a phrase after
    // "by" or "with" is no subject of the verb after "and".)
    if (conn.starts_with(" and ") && !subject) {
      size_t q = a.begin;
      while (q > 0 && IsDet(T[q - 1].lower)) --q;
      if (q > 0 && In(T[q - 1].lower, {"by", "with", "via", "through", "using"})) continue;
    }
    Kind k = Classify(conn, b);
    if (auto g = gapped.find(&a); g != gapped.end() && conn == " " + g->second.first + " ") k = g->second.second;
    // ("if they accept, it becomes a job": only the phrase right before the verb turns into the other.)
    if (k.type == "one_one" && TurnsInto(conn) && (a.end >= T.size() || T[a.end].kind != Token::kWord ||
                                         In(T[a.begin].lower, {"it", "they", "this", "that", "which"}) ||
                                !In(T[a.end].lower, {"turns", "turn", "becomes", "is", "are", "gets", "converts"}))) {
      k = {};
    }
    // ("each facility group follows one treatment protocol", "each item follows a borrow policy
    // (code, name, ...)": a record that follows, picks or joins one thing shares it with others of
    // its kind. A person who "chooses one service" chooses it for an act of theirs, not for good.)
    {
      const bool one = conn.size() > 5 && conn.ends_with(" one ");
      const std::string verb = Trim(one ? conn.substr(0, conn.size() - 4) : conn);
      const bool person = IsUserHead(a) || lex::IsUserWord(a.words.back()) || lex::RoleOf(a.words.back()) ||
                          IsPersonEntityWord(a.words.back());
      const bool each = a.begin > 0 && In(T[a.begin - 1].lower, {"each", "every"});
      const bool single = one || (b.begin > 0 && In(T[b.begin - 1].lower, {"a", "an"}) && each);
      if ((k.type == "m2m" || (one && k.type.empty())) && !b.plural && single && !person && IsChoosingVerb(verb) &&
          Classify(" " + verb + " ", b).type == "m2m") {
        k = {"b_has_a", ""};
      }
    }
    // "managers split a document into jobs", "divide each course into modules": the thing split
    // holds the parts.
    if (conn == " into ") {
      size_t q = a.begin;
      while (q > 0 && T[q - 1].kind == Token::kWord && IsDet(T[q - 1].lower)) --q;
      if (q > 0 && In(T[q - 1].lower, {"split", "splits", "divide", "divides", "break", "breaks", "cut", "cuts",
                                       "separate", "separates", "partition", "partitions"})) {
        k = {"a_has_b", ""};
      }
    }
    // "shifts are posted by coordinators for an event", "photos are taken by members at a meet": a
    // place or an occasion after the agent of a passive belongs to the passive's subject.
    if (i > 0 && In(conn, {" for ", " in ", " at ", " on "}) && In(k.type, {"a_has_b", "b_has_a", "m2m"}) &&
        !b.plural) {
      const Chunk& s0 = *cs[i - 1];
      size_t by = a.begin;
      while (by > s0.end && IsDet(T[by - 1].lower)) --by;
      bool passive = by >= s0.end + 3 && T[by - 1].lower == "by" && T[by - 2].kind == Token::kWord &&
                     (T[by - 2].lower.ends_with("ed") || T[by - 2].lower.ends_with("en"));
      bool aux = false;
      for (size_t q = s0.end; passive && q + 2 < by; ++q) {
        aux = aux || In(T[q].lower, {"is", "are", "was", "were", "get", "gets", "got", "be", "been"});
        passive = In(T[q].lower, {"is", "are", "was", "were", "get", "gets", "got", "be", "been", "can", "will", "may",
                                  "must", "should", "usually", "always", "only", "also"});
      }
      if (passive && aux && s0.name != b.name && s0.name != a.name) {
        Note(b, 1.0, false, si);
        links_.push_back({s0.name, b.name, k.type, k.inverse});
        continue;
      }
    }
    // "admins manage the timetable", "staff can moderate comments": what an administrative role
    // may do is a permission, not records it owns.
    if (k.type == "a_has_b" && lex::RoleOf(a.words.back()) && !IsPersonEntityWord(a.words.back()) &&
        (conn.find(" manage") != std::string::npos || conn.find(" moderate") != std::string::npos ||
         conn.find(" administer") != std::string::npos || conn.find(" maintain") != std::string::npos)) {
      continue;
    }
    // "the response has one answer per question": one per something is many.
    if (k.type == "one_one" && b.end + 1 < T.size() &&
        (T[b.end].lower == "per" || (In(T[b.end].lower, {"for", "in"}) && In(T[b.end + 1].lower, {"each", "every"})))) {
      k.type = "a_has_b";
    }
    // "customers log in and rent a car", "people sign up and post observations": coordinated verbs
    // share the subject; the verb after the last "and" links it to the object.
    if (k.type.empty()) {
      size_t and_at = conn.rfind(" and ");
      if (and_at != std::string::npos && and_at + 5 < conn.size()) {
        Kind tail = Classify(conn.substr(and_at + 4), b);
        // "teams play in several leagues and sign up for seasons": `a` is the first verb's object; the
        // clause subject does the second act.
        if (!tail.type.empty() && subject && subject != &a && subject->name != b.name) {
          // ("animals belong to species and live in enclosures", "each parcel goes to one family
          // and contains several products": a verb of place, or a count of what the subject holds,
          // is evidence as strong as the subject's own verb.)
          const std::string act = conn.substr(and_at + 4);
          const bool counted = tail.type == "a_has_b" &&
                               (act.ends_with(" several ") || act.ends_with(" multiple ") || act.ends_with(" many "));
          Note(b, counted || VerbOfPlace(act, tail) ? 2.2 : 1.0, false, si);
          MarkMade(*subject, b, act, tail.type);  // "... and leave ratings"
          links_.push_back({subject->name, b.name, tail.type, tail.inverse});
          // ("users rate recipes and leave comments", "buyers review sellers and write notes": the
          // feedback left after acting on something is about that thing.)
          const std::string fb = naming::Singularize(b.words.back());
          if (tail.type == "a_has_b" && b.words.size() == 1 &&
              In(fb, {"comment", "review", "note", "rating", "photo", "reaction"}) && !PersonLike(a) &&
              !IsUserHead(a) && a.name != b.name && a.begin > 0 && T[a.begin - 1].kind == Token::kWord &&
              (lex::IsVerb(T[a.begin - 1].lower) || lex::MayBeVerb(T[a.begin - 1].lower))) {
            links_.push_back({a.name, b.name, "a_has_b", ""});
          }
          continue;
        }
        // "buyers can save favourites and send inquiries": `a` is the object of a verb, so the second
        // verb's subject is not `a`.
        size_t before = a.begin;
        while (before > 0 && T[before - 1].kind == Token::kWord && IsDet(T[before - 1].lower)) --before;
        // Only when the second verb names its own target ("send inquiries to the agent"); "create a
        // group and add participants to it" still links the group.
        size_t after = b.end;
        if (after < T.size() && T[after].text == "(") after = MatchParen(T, after, T.size()) + 1;
        bool own_target = after < T.size() && In(T[after].lower, {"to", "for", "with"});
        if (own_target) {
          ++after;
          while (after < T.size() && T[after].kind == Token::kWord && IsDet(T[after].lower)) ++after;
          own_target = after < T.size() && T[after].kind == Token::kWord && !In(T[after].lower, {"it", "them"});
        }
        // ("we are an NGO in Kenya and we organise many events": a pronoun opens a clause of its own.)
        bool pronoun_subject = false;
        for (size_t q = a.end; q + 1 < b.begin; ++q) {
          pronoun_subject = pronoun_subject ||
                            (T[q].lower == "and" && In(T[q + 1].lower, {"we", "they", "i", "you", "he", "she"}));
        }
        if (pronoun_subject) continue;
        if (!tail.type.empty() && own_target && before > 0 && T[before - 1].kind == Token::kWord &&
            (lex::IsVerb(T[before - 1].lower) || lex::IsNounVerb(T[before - 1].lower)) &&
            !In(T[before - 1].lower, {"has", "have", "is", "are"})) {
          continue;
        }
        k = tail;
      }
    }
    // "appointments with a doctor", "a session with a trainer": one person on the other side of a
    // thing is its "one" side, not a list of people it holds.
    // ("appointments with one of our groomers": so is one of several; "each appointment is with
    // one groomer": and the person it is with.)
    const bool loose = k.type.empty() || k.type == "a_has_b";
    const bool with_person =
        (k.type == "a_has_b" && conn == " with " && !b.plural) || (loose && conn == " with one of " && b.plural) ||
        (loose && !b.plural && In(conn, {" is with ", " are with ", " is with one ", " are with one "}));
    if (with_person && b.words.size() <= 2 && PersonLike(b) && !PersonLike(a) && !IsUserHead(b)) k.type = "b_has_a";
    // "students can also join several clubs": a participation act between modals and quantifiers.
    if ((k.type.empty() || k.type == "b_has_a") && b.plural && a.plural && !ActNoun(conn).empty()) k.type = "m2m";
    // "one waiter can handle many orders": an unknown verb with a plural quantity reads as "has
    // many" (pair only; relative clauses like "bylines that can list several writers" excluded).
    // ("each lesson has one teacher and many students": with no verb between them, the two are
    // coordinated objects of the sentence's verb, not the subject and object of one.)
    if (k.type.empty() && b.plural && b.begin > a.end + 1) {
      bool relative = false;
      bool verb = false;
      int words = 0;
      for (size_t q = a.end; q < b.begin; ++q) {
        relative = relative || In(T[q].lower, {"that", "which", "who", "whose", "where"});
        words += T[q].kind == Token::kWord;
        verb = verb || (q + 1 < b.begin && T[q].kind == Token::kWord &&
                        !In(T[q].lower, {"and", "or", "but", "plus", "also", "as", "well", "then", "with"}) &&
                        !IsDet(T[q].lower));
      }
      const std::string& last = T[b.begin - 1].lower;
      if (!relative && verb && words <= 4 && In(last, {"many", "several", "multiple", "more"})) {
        Note(b, 1.0, false, si);
        links_.push_back({a.name, b.name, "a_has_b", ""});
        continue;
      }
    }
    // "invoices to customers: ...", "researchers submit reports to a program": the recipient has
    // them. "teachers teach subjects to classes" and "a user starts a timer to time a feeding" link
    // nothing: a bare "to" links a phrase that opens the sentence or a list item, or the object of
    // a verb that hands something over.
    // "a kids' soccer league", "a women's football club": after "a", a plural possessor says who
    // the thing is for; it owns nothing.
    if (conn == " 's " && a.begin > 0 && In(T[a.begin - 1].lower, {"a", "an"}) &&
        (a.plural || In(a.words.back(), {"women", "men", "children", "people"}))) {
      continue;
    }
    // "revenues and payments each go to an account": each one belongs to it ("reports go into a
    // review queue", "reminders go to them by email" route things, they do not file them).
    if (k.type.empty() && (conn == " go to " || conn == " goes to ")) {
      for (size_t q = a.end; q + 1 < b.begin; ++q) {
        if (T[q].lower == "each" && In(T[q + 1].lower, {"go", "goes"})) k = {"b_has_a", ""};
      }
    }
    // "matches are played between two teams", "transfers move money between accounts": each one
    // links two of the others (twice one-to-many).
    if (k.type.empty() && b.plural && (conn.ends_with(" between ") || conn.ends_with(" between two "))) {
      k = {"b_has_a", ""};
    }
    if (k.type.empty() && conn == " to ") {
      size_t q = a.begin;
      while (q > 0 && IsDet(T[q - 1].lower)) --q;
      if (q == 0 || T[q - 1].kind != Token::kWord ||
          In(T[q - 1].lower, {"submit", "submits", "send", "sends", "attach", "attaches", "add", "adds", "post", "posts",
                              "upload", "uploads", "make", "makes", "give", "gives", "issue", "issues", "deliver",
                              "delivers", "write", "writes", "pin", "pins", "address", "addresses", "forward",
                              "forwards", "hand", "hands", "sell", "sells", "award", "awards"})) {
        k = {"b_has_a", ""};
      }
    }
    // ("their own wines and their own lists": the two are the people's, not the lists the wines'.)
    if (k.type == "a_has_b" && Trim(conn).starts_with("and ") && b.begin >= 1 && a.begin >= 1 &&
        T[b.begin - 1].lower == "own" && T[a.begin - 1].lower == "own") {
      continue;
    }
    // ("each order has a customer", "classes have a room": the one thing that each of them has is
    // the one side; "has one" stays one-to-one, "has tasks" one-to-many, and a thing described
    // right after it is its own: "each bike has a lock on it: lock id, ...".)
    if (k.type == "a_has_b" && In(Trim(conn), {"has", "have", "can have", "each has", "also has", "also have"}) &&
        !b.plural && !b.quantified && b.begin > 0 && In(T[b.begin - 1].lower, {"a", "an"}) && a.name != b.name &&
        (b.end >= T.size() || In(T[b.end].lower, {".", ",", ";", "and", "or", "but"}))) {
      k = {"b_has_a", ""};
    }
    // ("everyone only sees their own wines and lists", "users can edit their own posts": what
    // people see or edit as their own is theirs.)
    if (k.type.empty() && a.name != b.name && b.begin >= 2 && T[b.begin - 1].lower == "own" &&
        In(T[b.begin - 2].lower, {"their", "his", "her"}) &&
        In(Trim(conn), {"see", "sees", "view", "views", "access", "accesses", "edit", "edits", "manage", "manages",
                        "can see", "can view", "can access", "can edit", "can manage"})) {
      k = {"a_has_b", ""};
    }
    // "teachers grade submissions", "each sample reaches a lab": a verb the patterns do not know,
    // alone between two phrases, still relates them when both are records on other evidence (it
    // adds none): the plural object is the many side, a single one the one side.
    // ("doctors who work in departments see patients": a phrase after a preposition is no subject.)
    auto after_preposition = [&](const Chunk& c) {
      size_t q = c.begin;
      while (q > 0 && IsDet(T[q - 1].lower)) --q;
      return q > 0 && In(T[q - 1].lower, {"in", "at", "on", "of", "for", "with", "from", "to", "by", "into", "under"});
    };
    if (k.type.empty() && !after_preposition(a)) {
      const std::string v = conn.size() > 2 ? conn.substr(1, conn.size() - 2) : "";
      if (!v.empty() && v.find(' ') == std::string::npos && (lex::IsVerb(v) || lex::IsNounVerb(v)) &&
          !In(v, {"is", "are", "has", "have", "and", "or"})) {
        links_.push_back({a.name, b.name, b.plural ? "a_has_b" : "b_has_a", ""});
        continue;
      }
    }
    if (k.type.empty()) continue;
    // "people book a spot in a class", "reserve a seat on a trip": the booking is of the class; a
    // spot or a seat is only its unit.
    if (StartsWith(k.type, "join:") && b.words.size() == 1 && In(b.words[0], {"spot", "spots", "place", "places",
                                                                              "seat", "seats", "space", "spaces"}) &&
        i + 2 < cs.size()) {
      bool c2 = false;
      const std::string in = connector(b, *cs[i + 2], c2);
      if (c2 && In(in, {" in ", " on ", " at ", " for "})) {
        const Chunk& target = *cs[i + 2];
        Note(target, 2.2, false, si);
        links_.push_back({a.name, target.name, k.type, k.inverse});
        ++i;
        continue;
      }
    }
    // "devices report positions": a thing that reports sends data; only people file reports.
    if (k.type == "join:Report" && !IsUserHead(a) && !lex::RoleOf(a.words.back()) &&
        !IsPersonEntityWord(a.words.back()) && !PersonLike(a)) {
      k.type = "a_has_b";
    }
    // "tags like vegan, dessert", "statuses like open or closed": after a thing that cannot act,
    // "like" introduces examples (values), not a join.
    if (k.type == "join:Like" && !IsUserHead(a) && !lex::RoleOf(a.words.back()) && !IsPersonEntityWord(a.words.back())) {
      if (a.plural && !LooksLikeAttribute(a)) Note(a, 2.2, false, si);  // a kind with listed values
      continue;
    }
    // "orders contain products with quantities": a many-to-many whose link carries data is a
    // join entity ("OrderItem" with a quantity). ("sellers list books with a condition and a
    // price": what people list or sell carries its own price.)
    if (k.type == "a_has_b" && b.end + 1 < T.size() && T[b.end].lower == "with" && !PersonLike(a)) {
      std::string payload;
      for (size_t q = b.end + 1; q < std::min(T.size(), b.end + 6); ++q) {
        const std::string& pw = T[q].lower;
        if (In(pw, {"quantity", "quantities", "qty", "amount", "amounts", "count", "counts", "price", "prices",
                    "dosage", "dose", "doses"})) {
          payload = pw;
          break;
        }
      }
      if (!payload.empty()) {
        // ("each order contains several products with quantities": both sides of a line item are
        // records, also a word that can be a column, "order".)
        Note(a, 3.0, false, si);
        Note(b, 3.0, false, si);
        links_.push_back({a.name, b.name, "item:" + payload, ""});
        continue;
      }
    }
    // "a person joins a group with a role", "students enroll in courses with a grade": a
    // participation act whose link carries its own data is a join entity named after the act
    // (GroupMembership, Enrollment) with the two sides as parents.
    // ("can also join several clubs" reads as "has many" without the act.)
    // "members belong to several teams with a role": a stated many-to-many whose link carries a
    // typical link attribute (a role, grade, position, dates) is a join named after the two
    // (TeamMember).
    if (k.type == "m2m" && &a != &b && ActNoun(conn).empty() && a.words.size() <= 2 && b.words.size() <= 2) {
      size_t stop = b.end;
      std::vector<DField> payload = LinkPayload(T, b.end, &stop);
      bool link_attr = !payload.empty();
      for (const auto& f : payload) {
        std::string n = ToLower(f.name);
        bool ok = f.type == spec::FieldType::kDate || f.type == spec::FieldType::kDateTime;
        for (const char* w : {"role", "grade", "score", "position", "rank", "permission", "level", "share", "percentage",
                              "quantity", "seat", "jersey", "shirt"}) {
          ok = ok || n.find(w) != std::string::npos;
        }
        link_attr = link_attr && ok;
      }
      if (link_attr) {
        std::string join = b.name + naming::ToPascalCase(naming::Singularize(a.words.back()));
        if (join.size() > 60) join.resize(60);
        Note(a, 2.2, false, si);
        Note(b, 2.2, false, si);
        MergePayload(join_payload_[join], std::move(payload));
        links_.push_back({a.name, b.name, "via:" + join, ""});
        if (stop < T.size() && T[stop].text == "(") stop = MatchParen(T, stop, T.size()) + 1;
        while (i + 2 < cs.size() && cs[i + 2]->begin < stop) ++i;
        continue;
      }
    }
    // "people join a project as members", "users join a team as participants (joined at)": the
    // membership is a record named after the role the act gives (Member, Participant).
    if (&a != &b && ActNoun(conn) == "Membership" && b.end + 1 < T.size() && T[b.end].lower == "as") {
      size_t q = b.end + 1;
      while (q < T.size() && In(T[q].lower, {"a", "an"})) ++q;
      if (q < T.size() && T[q].kind == Token::kWord && naming::Singularize(T[q].lower) != T[q].lower &&
          !lex::IsStopword(T[q].lower) && !lex::IsFieldWord(T[q].lower) && !lex::IsNonEntity(T[q].lower)) {
        const std::string join = naming::ToPascalCase(naming::Singularize(T[q].lower));
        size_t stop = q + 1;
        auto& fields = join_payload_[join];
        if (stop < T.size() && T[stop].text == "(") {
          const size_t close = MatchParen(T, stop, T.size());
          for (const Item& it : SplitItems(T, stop + 1, close, false)) {
            MergePayload(fields, ParseFieldItem(T, it.begin, it.end));
          }
          stop = close + 1;
        }
        // A membership records when it began ("(joined at)" or nothing said).
        bool has_joined = false;
        for (auto& f : fields) {
          if (f.name == "joined" || f.name == "joinedAt") {
            f.name = "joinedAt";
            f.type = spec::FieldType::kDateTime;
            has_joined = true;
          }
        }
        if (!has_joined) fields.push_back(DField{"joinedAt", spec::FieldType::kDateTime, false, false, false, {}});
        Note(a, 2.2, false, si);
        Note(b, 2.2, false, si);
        links_.push_back({a.name, b.name, "via:" + join, ""});
        while (i + 2 < cs.size() && cs[i + 2]->begin < stop) ++i;
        continue;
      }
    }
    std::string act_join;  // "members borrow books": the act's record, when the text declares it
    if ((k.type == "m2m" || (k.type == "a_has_b" && b.plural)) && &a != &b) {
      if (std::string act = ActNoun(conn); !act.empty()) {
        size_t stop = b.end;
        std::vector<DField> payload = LinkPayload(T, b.end, &stop);
        // ("patrons borrow tools ... and we store when they borrowed them": the time of the act,
        // kept later in the sentence, is the act's own column.)
        const std::string verb = FirstWord(conn);
        for (size_t q = b.end; payload.empty() && verb.size() >= 4 && q + 2 < T.size(); ++q) {
          if (T[q].lower != "when" || !In(T[q + 1].lower, {"they", "he", "she", "you", "someone"})) continue;
          const std::string& done = T[q + 2].lower;
          if (done.size() > verb.size() && done.starts_with(verb.substr(0, verb.size() - 1)) && done.ends_with("ed")) {
            DField at;
            at.name = naming::ToCamelCase(done + " at");
            at.type = spec::FieldType::kDateTime;
            payload.push_back(at);
          }
        }
        std::string join = act == "Membership" || act == "Attendance" ? b.name + act : act;
        if (join.size() > 60) join.resize(60);
        if (!payload.empty()) {
          Note(a, 2.2, false, si);
          Note(b, 2.2, false, si);
          MergePayload(join_payload_[join], std::move(payload));
          links_.push_back({a.name, b.name, "via:" + join, ""});
          // The attribute phrases (and their parenthesised values) are not related to anything.
          if (stop < T.size() && T[stop].text == "(") stop = MatchParen(T, stop, T.size()) + 1;
          while (i + 2 < cs.size() && cs[i + 2]->begin < stop) ++i;
          continue;
        }
        // Without a payload the act is a many-to-many, unless the text declares the act's record
        // ("enrollments: grade, date"), which then carries the link.
        if (k.type == "m2m") k.type = "m2m?:" + join + "|" + act;
        // ("members borrow copies; a loan records the due date": so does a stated loan for
        // "borrow", a stated booking for "book".)
        if (k.type == "a_has_b") act_join = join + "|" + act;
      }
    }
    std::vector<const Chunk*> left{&a}, right{&b};
    // ("tags are per user (...) and a bookmark can have tags": the object of "per" is no subject.)
    auto after_per = [&](const Chunk& c) {
      size_t q = c.begin;
      while (q > 0 && IsDet(T[q - 1].lower)) --q;
      return q > 0 && T[q - 1].lower == "per";
    };
    // ("teachers teach courses, students enroll in courses": the object before the comma is no
    // co-subject of the second clause, so no Course-Course link.)
    // ("each tour is led by many guides, and hikers book seats": the object of the clause before
    // the comma is no co-subject either.)
    auto object_before_comma = [&](const Chunk& prev, const Chunk& next) {
      bool comma = false;
      for (size_t t = prev.end; t < next.begin; ++t) comma = comma || T[t].text == ",";
      if (!comma) return false;
      size_t q = prev.begin;
      while (q > 0 && (IsDet(T[q - 1].lower) || In(T[q - 1].lower, {"many", "several", "multiple", "few"}))) --q;
      return q > 0 && T[q - 1].kind == Token::kWord &&
             (In(T[q - 1].lower, {"by", "to", "with", "for", "from", "on", "in", "at", "of"}) ||
              lex::IsVerb(T[q - 1].lower));
    };
    for (size_t j = i; j > 0 && joined(*cs[j - 1], *cs[j]) && !after_per(*cs[j - 1]) && cs[j - 1]->name != b.name &&
                       !object_before_comma(*cs[j - 1], *cs[j]);
         --j) {
      left.push_back(cs[j - 1]);
    }
    // "products belong to categories, orders have a total": a phrase followed by its own verb
    // opens a new clause and is not coordinated with the object.
    auto opens_clause = [&](const Chunk& c) {
      size_t q = c.end;
      while (q < T.size() && T[q].kind == Token::kWord && In(T[q].lower, {"can", "also", "will", "may", "must", "should"})) ++q;
      // ("made by many stylists, and customers book appointments": so does a plural phrase
      // followed by a word that is a noun or a verb and then by more words.)
      // ("users earn badges and teams earn points": or by a word that is mainly a verb.)
      return q < T.size() && T[q].kind == Token::kWord &&
             (lex::IsVerb(T[q].lower) ||
              (c.plural && (lex::IsNounVerb(T[q].lower) || lex::IsMainlyVerb(T[q].lower)) &&
               !In(T[q].lower, {"like", "plus", "as", "such"}) && q + 1 < T.size() && T[q + 1].kind == Token::kWord));
    };
    std::string prep;  // the connector's last word when it is a preposition ("belongs to")
    if (size_t sp = conn.find_last_of(' ', conn.size() - 2); sp != std::string::npos) {
      std::string last = conn.substr(sp + 1, conn.size() - sp - 2);
      if (In(last, {"to", "in", "into", "on", "with", "under", "at"})) prep = last;
    }
    // ("class timings per batch (name, start, end) and timetable entries (weekday, subject)": after
    // "per", a phrase that closes one described record and one described on its own are siblings.)
    auto described = [&](const Chunk& c) {
      return c.end < T.size() && T[c.end].text == "(" &&
             LooksLikeFieldList(T, c.end + 1, MatchParen(T, c.end, T.size()));
    };
    auto siblings = [&](const Chunk& x, const Chunk& y) {
      return conn == " per " && described(x) && y.end < T.size() && T[y.end].text == "(";
    };
    for (size_t j = i + 1; j + 1 < cs.size() && joined(*cs[j], *cs[j + 1], prep, true) && !opens_clause(*cs[j + 1]) &&
                           !siblings(*cs[j], *cs[j + 1]);
         ++j) {
      const Chunk& again = *cs[j + 1];
      if (!prep.empty() && again.name == cs[j]->name && again.end < T.size() && T[again.end].lower == prep &&
          again.begin > 0 && In(T[again.begin - 1].lower, {"each", "every"})) {
        gapped[&again] = {prep, k};
        break;
      }
      right.push_back(cs[j + 1]);
    }
    // Bare prepositions ("X of Y", "X in Y") link phrases but are weak evidence that either is
    // an entity; verbs ("belongs to", "contains", "writes") are strong.
    static const PaddedSet kWeak = Pad({"in", "of", "for", "on", "at", "from", "about", "against", "with", "under", "within",
                                "inside", "by", "to"});
    // ("grades to students for each subject", "a score in every round": a preposition before
    // "each" / "every" quantifies over records.)
    // ("a log of every change", "versions of every edit": events are no records.)
    const bool each = b.begin > 0 && In(T[b.begin - 1].lower, {"each", "every"}) &&
                      In(conn, {" for ", " in ", " per ", " at "}) &&
                      !In(b.words.back(), {"change", "update", "edit", "action", "version", "time", "step", "flow"});
    const bool weak = Is(conn, kWeak) && !each;
    const double ev = weak ? 1.0 : 2.2;
    // ("multiple reports on the same post are grouped into one case": the phrase after a
    // preposition only says which reports; the one before it is the verb's subject.)
    const std::string conn_word = FirstWord(conn);
    const bool verb_conn = !weak && !In(conn_word, {"per", "in", "of", "for", "on", "at", "from", "about", "with", "to",
                                                    "by", "under", "within", "inside", "and", "or"});
    if (i > 0 && verb_conn && cs[i - 1]->depth == 0 && cs[i - 1]->plural && !IsUserHead(*cs[i - 1])) {
      size_t q = a.begin;
      while (q > 0 && (IsDet(T[q - 1].lower) || T[q - 1].lower == "same")) --q;
      if (q >= 1 && In(T[q - 1].lower, {"on", "of", "about", "in", "at", "for", "from"}) && cs[i - 1]->end == q - 1 &&
          !LooksLikeAttribute(*cs[i - 1])) {
        left[0] = cs[i - 1];
      }
    }

    // ("each lesson has a teacher and many students", "has many students and one teacher": after a
    // verb of having, each coordinated object's own count says which side it is.)
    std::string verb = Trim(lconn);
    for (std::string_view q : {" many", " several", " multiple"}) {
      if (verb.ends_with(q)) verb.resize(verb.size() - q.size());
    }
    const bool having = In(verb, {"has", "have", "can have", "each has", "also has", "also have"});
    auto own_kind = [&](const Chunk& r) -> Kind {
      if (!having || &r == &b || !In(k.type, {"a_has_b", "b_has_a", "one_one"})) return k;
      if (r.plural) return {"a_has_b", ""};
      if (r.begin > 0 && T[r.begin - 1].lower == "one") return {"one_one", ""};
      if (r.begin > 0 && In(T[r.begin - 1].lower, {"a", "an"}) && !r.quantified &&
          (r.end >= T.size() || In(T[r.end].lower, {".", ",", ";", "and", "or", "but"}))) {
        return {"b_has_a", ""};
      }
      return k;
    };
    // ("me, my wife and the night nanny all have our own logins and our own timers": the people a
    // sentence lists as having logins are the login itself, and what else they have is each login's.)
    // (One kind of holder, "plot holders have logins", may still be the login's own name.)
    auto is_login = [](const Chunk* r) { return r->words.size() == 1 && In(r->words[0], {"login", "logins"}); };
    const bool log_in = having && left.size() >= 2 && std::any_of(right.begin(), right.end(), is_login);
    for (const Chunk* l : left) {
      if (log_in && !IsUserHead(*l)) {
        for (const Chunk* r : right) {
          if (is_login(r)) continue;
          Note(*r, ev, false, si);
          links_.push_back({"User", r->name, "a_has_b", ""});
        }
        continue;
      }
      for (const Chunk* r : right) {
        const Kind rk = own_kind(*r);
        std::string bname = r->name;
        // ("subscribers" is no sub-thing: the rest of the word must be the owner's own word.)
        const bool sub_of_self =
            r->words.size() == 1 && StartsWith(r->words[0], "sub") && r->words[0].size() > 5 &&
            naming::Singularize(r->words[0].substr(r->words[0][3] == '-' ? 4 : 3)) == naming::Singularize(l->words.back());
        if (sub_of_self && (k.type == "a_has_b" || k.type == "m2m")) {
          links_.push_back({l->name, l->name, "a_has_b", ""});  // "projects can have subprojects"
          continue;
        }
        // "wishlists with lines": a generic dependent takes its parent's name.
        // "details like a due date", "details such as ...": examples of attributes, not rows.
        const bool examples = r->end < T.size() && In(T[r->end].lower, {"like", "such", "including", "eg", "e.g.", ":"});
        // ("members borrow items": the login's things are not "MemberItem" rows.)
        const bool login_side = IsUserHead(*l) || lex::IsUserWord(l->words.back()) ||
                                (lex::RoleOf(l->words.back()) && !IsPersonEntityWord(l->words.back()));
        // ("a todo app with lists and items": a product is no parent to name its items after.)
        const bool product_side = IsBadHead(l->words.back()) || lex::IsNonEntity(l->words.back());
        if (k.type == "a_has_b" && r->words.size() == 1 && !(examples && r->words[0] == "details") && !login_side &&
            !product_side &&
            In(naming::Singularize(r->words[0]), {"line", "item", "entry", "detail", "row", "option"})) {
          Chunk dep = *r;
          dep.words = {ToLower(l->name), r->words[0]};
          NameChunk(dep);
          dep.name = l->name + dep.name.substr(ToLower(l->name).size() > 0 ? 0 : 0);
          dep.name = l->name + naming::ToPascalCase(naming::Singularize(r->words[0]));
          if (dep.name.size() > 60) dep.name.resize(60);
          Note(dep, 3.0, false, si);
          bname = dep.name;
        } else {
          if (TracingRules()) note_tag_ = "|" + k.type + "|" + conn + "|R";
          Note(*r, IsPersonEntityWord(r->words.back()) ? 2.2 : ev, false, si);
        }
        if (TracingRules()) note_tag_ = "|" + k.type + "|" + conn + "|L";
        Note(*l, IsPersonEntityWord(l->words.back()) ? 2.2 : ev, false, si);
        note_tag_.clear();
        // (Only the phrases next to the verb: "projects with summary, ..., and an observation can
        // belong to projects" says nothing of summaries.)
        if (l == &a && r == &b) NoteStatedRecords(a, b, conn, k.type);
        links_.push_back({l->name, bname,
                          rk.type == "a_has_b" && !act_join.empty() && l == &a && r == &b ? "has?:" + act_join : rk.type,
                          rk.inverse});
        if (TracingRules()) links_.back().where += "|" + rk.type + "|" + conn;
      }
    }
    // "they join a marketplace through a membership": the third phrase is the join entity.
    // (handled below, after the pair's own link)
    // "tenants rent units through leases", "customers buy products via orders": the same for acts
    // that would otherwise read as one-to-many or as an implied join.
    if ((k.type == "m2m" || ((k.type == "a_has_b" || StartsWith(k.type, "join:")) && right.size() == 1 &&
                             left.size() == 1 && links_.back().b == b.name)) &&
        i + 2 < cs.size()) {
      bool c2 = false;
      std::string via = connector(b, *cs[i + 2], c2);
      // ("open requests through a chat assistant: issue type, ...": a channel the list follows is no
      // record between them.)
      const bool listed = cs[i + 2]->end < T.size() && T[cs[i + 2]->end].text == ":";
      if (c2 && !listed && (via == " through " || via == " via " || via == " by way of " || via == " using ")) {
        const Chunk& j = *cs[i + 2];
        Note(j, 3.0, false, si);
        links_.pop_back();
        links_.push_back({a.name, j.name, "a_has_b", ""});
        links_.push_back({b.name, j.name, "a_has_b", ""});
      }
    }
  }
}

// "a thread can have one poll and users vote on it": a trailing pronoun object refers to the
// phrase before the subject.
void Extractor::PronounObjects(size_t si, const std::vector<Chunk>& all) {
  const auto& T = s_[si].tokens;
  std::vector<const Chunk*> cs;
  for (const auto& c : all) {
    if (c.depth == 0) cs.push_back(&c);
  }
  for (size_t i = 1; i < cs.size(); ++i) {
    const Chunk& subj = *cs[i];
    std::string conn = " ";
    size_t k = subj.end;
    for (; k < T.size(); ++k) {
      if (T[k].kind != Token::kWord) break;
      if (i + 1 < cs.size() && k >= cs[i + 1]->begin) break;
      if (In(T[k].lower, {"it", "them"})) break;
      if (!IsDet(T[k].lower)) conn += T[k].lower + " ";
    }
    if (k >= T.size() || !In(T[k].lower, {"it", "them"}) || conn == " ") continue;
    // ("each workshop has a topic and a max number of attendees, and members register for them": a
    // counted phrase is no antecedent.)
    size_t j = i - 1;
    auto counted = [&](const Chunk& c) {
      return c.begin >= 2 && ((T[c.begin - 1].lower == "of" && In(T[c.begin - 2].lower, {"number", "count"})) ||
                              (T[c.begin - 2].lower == "how" && T[c.begin - 1].lower == "many"));
    };
    // (A plural pronoun takes a plural phrase or one after "each"; "it" a singular one.)
    const bool plural_pronoun = T[k].lower == "them";
    auto agrees = [&](const Chunk& c) {
      const bool each = c.begin > 0 && In(T[c.begin - 1].lower, {"each", "every"});
      return plural_pronoun ? (c.plural || each) : !c.plural;
    };
    while (j > 0 && (counted(*cs[j]) || !agrees(*cs[j]))) --j;
    if (counted(*cs[j]) || !agrees(*cs[j])) continue;
    Kind kind = Classify(conn, *cs[j]);
    if (!StartsWith(kind.type, "join:") && kind.type != "m2m") continue;
    links_.push_back({subj.name, cs[j]->name, kind.type, ""});
  }
}

void Extractor::ResolveLinks() {
  // "Loan|loan" (an m2m?: or has?: link's join and act names): the one the text declares as a
  // record, or "".
  auto stated_act = [&](const std::string& names) -> std::string {
    const size_t bar = names.find('|');
    for (const std::string& n : {names.substr(0, bar), names.substr(bar + 1)}) {
      if (accepted_.count(Canonical(n)) && d_.Find(Canonical(n))) return Canonical(n);
    }
    return "";
  };
  auto resolve_name = [&](const std::string& n) -> std::string {
    if (n == "User") return "User";
    std::string c = Canonical(n);
    if (accepted_.count(c)) return c;
    Chunk probe;
    probe.words = naming::SplitWords(n);
    for (auto& w : probe.words) w = ToLower(w);
    NameChunk(probe);
    return Resolve(probe);
  };
  // "one waiter can handle many orders and one order can have more waiters": one-to-many stated
  // in both directions is a many-to-many.
  std::set<std::pair<std::string, std::string>> parent_of;  // (one side, many side) as stated
  for (const auto& l : links_) {
    if (l.type != "a_has_b" && l.type != "b_has_a") continue;
    std::string a = resolve_name(l.a), b = resolve_name(l.b);
    if (a.empty() || b.empty() || a == b || a == "User" || b == "User") continue;
    if (l.type == "a_has_b") parent_of.insert({a, b});
    else parent_of.insert({b, a});
  }
  for (const auto& link : links_) {
    Link l = link;
    if (TracingRules()) d_.relationTag = l.where;
    std::string a = resolve_name(l.a), b = resolve_name(l.b);
    // ("people comment on cards", "everyone can rate a recipe": people who leave a comment or a
    // rating have accounts.)
    if (a.empty() && In(l.a, {"Person", "People", "Everyone", "Anyone"}) && !b.empty() &&
        In(l.type, {"join:Comment", "join:Like", "join:Review", "join:Rating", "join:Vote", "join:Favorite",
                    "join:Star", "join:Bookmark"})) {
      a = "User";
    }
    if (a.empty() || b.empty()) continue;
    if (StartsWith(l.type, "has?:")) {
      // The act's record exists as its own entity: it carries the link; else the subject has them.
      const std::string join = stated_act(l.type.substr(5));
      if (!join.empty() && a != b && join != a && join != b) {
        d_.AddRelation(a, join, spec::RelationKind::kOneToMany);
        d_.AddRelation(b, join, spec::RelationKind::kOneToMany);
        continue;
      }
      l.type = "a_has_b";
    }
    // ("from a source language into target languages": two roles of one record link nothing.)
    if (a == b && l.a != l.b && role_refs_.count(l.a) && role_refs_.count(l.b)) continue;
    if ((l.type == "a_has_b" || l.type == "b_has_a") && a != b && parent_of.count({a, b}) && parent_of.count({b, a})) {
      d_.AddRelation(a, b, spec::RelationKind::kManyToMany);
      continue;
    }
    // "customers place orders": the login entity under its role name becomes the accessor.
    if (l.inverse.empty()) {
      const std::string& user_side = l.type == "b_has_a" ? l.b : l.a;
      if ((l.type == "a_has_b" || l.type == "b_has_a") && (l.type == "b_has_a" ? b : a) == "User" &&
          user_side != "User") {
        if (auto role = lex::RoleOf(ToLower(user_side))) l.inverse = naming::ToCamelCase(*role);
      }
    }
    if (l.a == "User" || l.b == "User") d_.userMentioned = true;
    // "admins manage the accounts", "the fetcher stores entries per feed": two different phrases
    // that only resolve to the same entity state no self relation.
    if (a == b && l.a != l.b && (l.type == "a_has_b" || l.type == "b_has_a")) continue;
    const auto& t = l.type;
    if (t == "a_has_b" && b == "User" && a != "User" &&
        (ToLower(l.b) == "member" || ToLower(l.b) == "participant")) {
      d_.AddRelation(a, b, spec::RelationKind::kManyToMany);  // "groups with members"
      continue;
    }
    // "each ride has a start station": the ride points at a station in that role.
    if (t == "a_has_b" && role_refs_.count(l.b) && a != b) {
      d_.AddRelation(b, a, spec::RelationKind::kOneToMany, naming::ToCamelCase(l.b));
      continue;
    }
    if (t == "a_has_b") {
      // Tags and keywords are shared across records: many-to-many.
      // (A space that defines its own tags owns them: "projects can define labels".)
      bool shared = In(ToLower(b), {"tag", "keyword", "label", "genre", "topic", "skill", "interest", "category",
                                    "role", "specialty", "speciality", "specialization", "language"}) &&
                    a != b && ToLower(b) != "category" &&
                    !(IsTagName(b) && IsTagSpace(a));
      d_.AddRelation(a, b, shared ? spec::RelationKind::kManyToMany : spec::RelationKind::kOneToMany, l.inverse);
    } else if (t == "b_has_a") {
      if (a == b) continue;
      // ("each customer has a cart" reads like "each order has a customer", but a thing people own
      // is each person's: the customer has the carts, not the cart many customers.)
      if (IsPersonName(a) && !IsPersonName(b) && IsOwnedKind(b)) {
        d_.AddRelation(a, b, spec::RelationKind::kOneToMany);
        continue;
      }
      d_.AddRelation(b, a, spec::RelationKind::kOneToMany, l.inverse);
    } else if (t == "m2m") {
      d_.AddRelation(a, b, spec::RelationKind::kManyToMany);
    } else if (StartsWith(t, "m2m?:")) {
      // The act's record exists as its own entity: it carries the link.
      const std::string join = stated_act(t.substr(5));
      if (join.empty() || a == b || join == a || join == b) {
        d_.AddRelation(a, b, spec::RelationKind::kManyToMany);
      } else {
        d_.AddRelation(a, join, spec::RelationKind::kOneToMany);
        d_.AddRelation(b, join, spec::RelationKind::kOneToMany);
      }
    } else if (StartsWith(t, "via:")) {
      if (a == b) {
        d_.AddRelation(a, b, spec::RelationKind::kManyToMany);
        continue;
      }
      std::string join = t.substr(4);
      if (accepted_.count(Canonical(join))) join = Canonical(join);
      DEntity* je = d_.Find(join);
      if (!je) {
        DEntity e;
        e.name = join;
        e.order = 900000;
        d_.entities.push_back(e);
        accepted_.insert(join);
        je = &d_.entities.back();
      }
      if (auto it = join_payload_.find(t.substr(4)); it != join_payload_.end()) {
        for (const auto& f : it->second) {
          if (!je->FindField(f.name)) je->fields.push_back(f);
        }
      }
      d_.AddRelation(a, join, spec::RelationKind::kOneToMany);
      d_.AddRelation(b, join, spec::RelationKind::kOneToMany);
    } else if (t == "one_one") {
      if (a != b) d_.AddRelation(a, b, spec::RelationKind::kOneToOne);
    } else if (StartsWith(t, "item:")) {
      if (a == b) continue;
      // "each order has order items with a quantity": the rows themselves are the line entity
      // (Order 1—n OrderItem), not a product between which and the order a join is needed.
      // "recipes have many ingredients with a quantity and a unit": when the listed rows carry the
      // payload themselves, they are the line entity too.
      DEntity* be = d_.Find(b);
      bool carries = be && (be->FindField("quantity") || be->FindField("qty") || be->FindField("amount"));
      if (std::string bh = ToLower(naming::SplitWords(b).back()); carries || (b.size() > 4 && IsGenericDependent(bh))) {
        d_.AddRelation(a, b, spec::RelationKind::kOneToMany);
        continue;
      }
      std::string join = a + "Item";
      std::string payload = t.substr(5);
      if (!d_.Find(join)) {
        DEntity e;
        e.name = join;
        e.order = 900000;
        bool money = payload.starts_with("price") || payload.starts_with("amount");
        e.fields.push_back({money ? "unitPrice" : "quantity", money ? spec::FieldType::kNumber : spec::FieldType::kInteger,
                            true, false, false, {}});
        if (!money) e.fields.push_back({"unitPrice", spec::FieldType::kNumber, false, false, false, {}});
        d_.entities.push_back(e);
        accepted_.insert(join);
      }
      d_.AddRelation(a, join, spec::RelationKind::kOneToMany);
      d_.AddRelation(b, join, spec::RelationKind::kOneToMany);
    } else if (StartsWith(t, "join:")) {
      std::string join = t.substr(5);
      // "job seekers apply to a job", "patients book a slot": people the domain keeps records of
      // act like the login entity.
      const auto a_words = naming::SplitWords(a);
      const std::string a_head = ToLower(a_words.empty() ? a : a_words.back());
      const bool person_actor = IsPersonEntityWord(a_head) || lex::RoleOf(a_head).has_value() ||
                                In(a_head, {"visitor", "reader", "listener", "viewer", "guest", "fan", "follower",
                                            "attendee", "shopper", "traveler", "traveller"}) ||
                                std::find(d_.roles.begin(), d_.roles.end(), naming::ToSnakeCase(a)) != d_.roles.end();
      // "a patient books an appointment": when the object is itself the act's record, the actor
      // simply holds many of it.
      const std::string b_low = ToLower(b);
      if (In(join, {"Application", "Booking", "Reservation", "Rental"}) &&
          In(b_low, {"appointment", "booking", "reservation", "application", "rental", "order", "visit", "session",
                     "consultation", "meeting", "trip", "ride", "ticket", "loan"})) {
        if (a != b) d_.AddRelation(a, b, spec::RelationKind::kOneToMany);
        continue;
      }
      // ("campers reserve sites (start date, end date, deposit)": when the text made the act's
      // record, both sides hold it whoever the actor is.)
      const bool made = a != b && In(join, {"Application", "Booking", "Reservation", "Rental"}) && d_.Find(join);
      if (a != "User" && !(person_actor && a != b) && !made) {
        // ("tax rates apply to certain site types", "discounts apply to products": a rule that
        // applies to things is shared by them.)
        if (join == "Application" && a != b) {
          d_.AddRelation(a, b, spec::RelationKind::kManyToMany);
          continue;
        }
        // "a clinic books appointments": without a login actor the act is a plain one-to-many.
        if (In(join, {"Application", "Booking", "Reservation", "Rental"}) && a != b) {
          d_.AddRelation(a, b, spec::RelationKind::kOneToMany);
        }
        continue;  // "users like posts"; "roles like admin" is not a join
      }
      if (a == b) {
        d_.AddRelation(a, b, spec::RelationKind::kManyToMany);
        continue;
      }
      if (!d_.Find(join)) {
        DEntity e;
        e.name = join;
        e.order = 900000;
        d_.entities.push_back(e);
        accepted_.insert(join);
      }
      d_.AddRelation(a, join, spec::RelationKind::kOneToMany);
      d_.AddRelation(b, join, spec::RelationKind::kOneToMany);
    }
  }
  d_.relationTag.clear();
}

void Extractor::SelfRelations() {
  for (const auto& n : self_nested_) {
    std::string c = Canonical(n);
    if (!accepted_.count(c)) {
      Chunk probe;
      probe.words = naming::SplitWords(n);
      for (auto& w : probe.words) w = ToLower(w);
      NameChunk(probe);
      c = Resolve(probe);
    }
    if (c.empty() || c == "User" || !d_.Find(c)) continue;
    d_.AddRelation(c, c, spec::RelationKind::kOneToMany);
  }
  // "... and reply to each other's comments", "threaded comments", "with replies".
  for (const auto& s : s_) {
    std::string text = Padded(JoinLower(s.tokens, 0, s.tokens.size()));
    bool replies = text.find(" reply to each other") != std::string::npos ||
                   text.find(" with replies ") != std::string::npos || text.find(" threaded ") != std::string::npos ||
                   text.find(" replies to ") != std::string::npos;
    if (!replies) continue;
    for (const char* name : {"Comment", "Message", "Post", "Reply"}) {
      if (d_.Find(name) && text.find(ToLower(name)) != std::string::npos) {
        d_.AddRelation(name, name, spec::RelationKind::kOneToMany);
        break;
      }
    }
  }
}

// "freelancers sign up ... and only ever see their own clients, projects and invoices": the things
// people see, edit or keep as their own are theirs, each of a list (the sentence's first phrase is
// the people; the verb need not follow it).
void Extractor::TheirOwn() {
  for (const auto& s : s_) {
    const auto& T = s.tokens;
    for (size_t k = 1; k + 2 < T.size(); ++k) {
      if (!In(T[k].lower, {"their", "his", "her"}) || T[k + 1].lower != "own" ||
          !In(T[k - 1].lower, {"see", "sees", "view", "views", "access", "edit", "edits", "manage", "manages", "keep",
                               "keeps", "track", "tracks"})) {
        continue;
      }
      const auto chunks = ChunkTokens(T, 0, T.size());
      // The people: the phrase right before the verb ("therapists only see"), else the sentence's
      // first phrase when no comma comes between ("freelancers sign up ... and only ever see").
      size_t v = k - 1;
      while (v > 0 && In(T[v - 1].lower, {"only", "ever", "can", "may", "also", "just", "will"})) --v;
      const Chunk* people = nullptr;
      for (const auto& c : chunks) {
        if (c.depth == 0 && c.end == v) people = &c;
      }
      if (!people && !chunks.empty() && chunks.front().begin == 0) {
        bool comma = false;
        for (size_t q = chunks.front().end; q < v; ++q) comma = comma || T[q].text == "," || T[q].text == ";";
        if (!comma) people = &chunks.front();
      }
      if (!people) break;
      const std::string who = Resolve(*people);
      if (who.empty() || (who != "User" && (!d_.Find(who) || !PersonLike(*people)))) break;
      if (who == "User") d_.userMentioned = true;
      size_t at = k + 2;
      for (const auto& c : chunks) {
        if (c.depth != 0 || c.begin + 1 < at) continue;  // ("own clients" may be one phrase)
        if (c.begin > at) break;  // (only "X, Y and Z" right after "their own")
        const std::string thing = Resolve(c);
        if (!thing.empty() && thing != who && d_.Find(thing) && !d_.Related(who, thing)) {
          d_.AddRelation(who, thing, spec::RelationKind::kOneToMany);
        }
        at = c.end;
        while (at < T.size() && (T[at].text == "," || In(T[at].lower, {"and", "or", "their", "own"}))) ++at;
      }
      break;
    }
  }
}

// "tenants pay rent monthly and each payment is recorded (amount, date)", "guests book rooms;
// a booking has ...": when the text declares the record an act makes, the one who acts has them,
// whatever the act's object is.
void Extractor::ActSubjects() {
  for (size_t si = 0; si < s_.size(); ++si) {
    const auto& T = s_[si].tokens;
    // (Chunked again only when the sentence has an act whose record the text declares.)
    bool any = false;
    for (size_t k = 1; k < T.size() && !any; ++k) {
      if (T[k].kind != Token::kWord) continue;
      const std::string act = ActRecord(T[k].lower);
      any = !act.empty() && accepted_.count(Canonical(naming::ToPascalCase(act))) > 0;
    }
    if (!any) continue;
    const auto chunks = ChunkTokens(T, 0, T.size());
    for (size_t c = 0; c < chunks.size(); ++c) {
      const Chunk& subj = chunks[c];
      if (subj.depth != 0) continue;
      size_t v = subj.end;
      while (v < T.size() && In(T[v].lower, {"can", "may", "will", "also", "usually", "often", "then", "must"})) ++v;
      if (v >= T.size() || T[v].kind != Token::kWord) continue;
      if (c + 1 < chunks.size() && chunks[c + 1].begin <= v) continue;  // the verb is part of a phrase
      const std::string act = ActRecord(T[v].lower);
      if (act.empty()) continue;
      const std::string record = Canonical(naming::ToPascalCase(act));
      if (!accepted_.count(record) || !d_.Find(record)) continue;
      const std::string who = Resolve(subj);
      if (who.empty() || who == record || !d_.Find(who)) continue;
      if (!d_.Related(who, record)) d_.AddRelation(who, record, spec::RelationKind::kOneToMany);
    }
  }
}

void Extractor::Ownership() {
  bool has_user = d_.Find("User") != nullptr || d_.userMentioned;
  if (!has_user) return;
  for (auto& e : d_.entities) {
    if (e.name != "User" && IsOwnedKind(e.name)) e.owned = true;
  }
}

void QualifyDependents(Draft& d) {
  // "each attendance has records of clock in and out": a generic word ("record", "item", "line",
  // "setting") with exactly one parent is that parent's kind of it (AttendanceRecord).
  for (auto& e : d.entities) {
    if (naming::SplitWords(e.name).size() != 1) continue;
    std::string low = ToLower(e.name);
    if (!In(low, {"record", "item", "line", "entry", "detail", "option", "history", "row"})) continue;
    // ("item: name, description, quantity, serial no, model no, ...": a generic word with a long
    // field list of its own is the domain's main record, not a part of its parent.)
    if (e.strong && e.fields.size() >= 8) continue;
    std::string parent;
    int parents = 0;
    for (const auto& r : d.relations) {
      if (r.to == e.name && r.from != e.name && r.kind == spec::RelationKind::kOneToMany) {
        if (r.from != parent) ++parents;
        parent = r.from;
      }
    }
    if (parents != 1 || parent == "User" || !d.Find(parent)) continue;
    std::string name = parent + e.name;
    if (d.Find(name)) continue;
    d.RenameEntity(e.name, name);
  }
}

void MergeLoginAccount(Draft& d) {
  // "accounts (username, password)": when the text calls its logins accounts, Account is the
  // login entity, not a second table beside User.
  DEntity* acc = d.Find("Account");
  if (!acc) return;
  auto credentials = [](const DEntity& e, bool email) {
    bool found = false;
    for (const auto& f : e.fields) {
      const std::string n = ToLower(f.name);
      found = found || In(n, {"password", "passwordhash", "username", "login"}) || (email && n == "email");
    }
    return found;
  };
  if (!credentials(*acc, true)) return;
  // ("Users: username, email, ... Accounts (the companies we sell to): name, website, email":
  // accounts with only an email beside users who sign in are customers' records.)
  if (const DEntity* user = d.Find("User"); user && !credentials(*acc, false) && credentials(*user, true)) return;
  if (DEntity* user = d.Find("User")) {
    for (const auto& f : acc->fields) {
      if (!user->FindField(f.name)) user->fields.push_back(f);
    }
    d.entities.erase(d.entities.begin() + (acc - d.entities.data()));
  }
  d.RenameEntity("Account", "User");
  std::vector<DRelation> kept;
  for (const auto& r : d.relations) {
    if (r.from == "User" && r.to == "User" && r.kind != spec::RelationKind::kManyToMany) continue;
    bool dup = false;
    for (const auto& k : kept) dup = dup || (k.from == r.from && k.to == r.to && k.kind == r.kind);
    if (!dup) kept.push_back(r);
  }
  d.relations = std::move(kept);
  d.userMentioned = true;
}

void ShareTags(Draft& d, const std::string& tenant) {
  // "recipes get tags", "a response can carry any number of tags": a tag, keyword or label is
  // shared by the records it marks (many-to-many); the space that defines the tags (a user, a
  // board, a team, the tenant) owns them one-to-many.
  for (auto& r : d.relations) {
    if (r.kind != spec::RelationKind::kOneToMany || r.from == r.to) continue;
    const bool tag_to = IsTagName(r.to);
    const bool tag_from = IsTagName(r.from);
    if (tag_to == tag_from) continue;
    const std::string& other = tag_to ? r.from : r.to;
    if (IsTagSpace(other) || other == tenant) continue;
    r.kind = spec::RelationKind::kManyToMany;
  }
}

void LinkCompounds(Draft& d) {
  std::vector<std::pair<std::string, std::string>> add;  // (parent, child) or lookup pairs
  for (const auto& e : d.entities) {
    auto words = naming::SplitWords(e.name);
    if (words.size() < 2) continue;
    bool lookup = In(words.back(), {"Type", "Category", "Kind", "Status", "Level", "Tier"});
    for (size_t k = words.size() - 1; k >= 1; --k) {
      std::string prefix;
      for (size_t i = 0; i < k; ++i) prefix += words[i];
      if (prefix == e.name || !d.Find(prefix)) continue;
      if (!d.Related(prefix, e.name)) add.emplace_back(lookup ? e.name : prefix, lookup ? prefix : e.name);
      break;
    }
  }
  for (const auto& [from, to] : add) d.AddRelation(from, to, spec::RelationKind::kOneToMany);
}

void SplitPersonCompounds(Draft& d) {
  struct PersonThing {
    std::string compound, person, thing;
  };
  std::vector<PersonThing> splits;
  for (const auto& e : d.entities) {
    const auto words = naming::SplitWords(e.name);
    if (words.size() != 2 || e.strong || !e.fromText) continue;
    const std::string person = ToLower(words[0]);
    const std::string thing = ToLower(words[1]);
    if (!(IsPersonEntityWord(person) || In(person, {"customer", "guest", "parent", "member"})) ||
        lex::IsFieldWord(thing) || lex::IsNonEntity(thing) || IsPersonEntityWord(thing) || d.Find(words[0]) ||
        d.Find(words[1])) {
      continue;
    }
    splits.push_back({e.name, words[0], words[1]});
  }
  for (const auto& [compound, person, thing] : splits) {
    d.RenameEntity(compound, thing);
    DEntity p;
    p.name = person;
    p.order = d.Find(thing)->order;
    d.entities.push_back(std::move(p));
    d.AddRelation(person, thing, spec::RelationKind::kOneToMany);
  }
}

std::string StatedTenant(const std::vector<Sentence>& sentences) {
  auto usable = [](const Token& t) {
    if (t.kind != Token::kWord || lex::IsStopword(t.lower) || lex::IsNonEntity(t.lower) || lex::IsUserWord(t.lower) ||
        lex::RoleOf(t.lower) || IsPersonEntityWord(t.lower) || lex::IsMainlyVerb(t.lower)) {
      return std::string();
    }
    return naming::ToPascalCase(naming::Singularize(t.lower));
  };
  for (const auto& s : sentences) {
    const auto& T = s.tokens;
    // "all data is isolated per portal", "data is kept separate per school", "everything is scoped
    // per company" (a single record "scoped to a project" is a relation, not tenancy).
    for (size_t i = 2; i + 2 < T.size(); ++i) {
      const bool everything = In(T[i - 2].lower, {"everything", "data", "all", "records"}) ||
                              (i >= 3 && In(T[i - 3].lower, {"everything", "data", "all", "records"}));
      if ((In(T[i].lower, {"isolated", "separated", "partitioned", "segregated", "separate"}) ||
           (In(T[i].lower, {"scoped", "siloed"}) && everything)) &&
          In(T[i + 1].lower, {"per", "by"}) &&
          (In(T[i - 1].lower, {"is", "are", "kept", "stay", "stays"}) || T[i - 2].lower == "data")) {
        size_t k = i + 2;
        while (k + 1 < T.size() && In(T[k].lower, {"each", "every", "a", "the"})) ++k;
        if (std::string name = usable(T[k]); !name.empty()) return name;
      }
    }
    for (size_t i = 0; i + 4 < T.size(); ++i) {
      // "every choir must see only its own data": a group that sees only its own data is a tenant
      // (a person seeing their own data is ownership, not tenancy).
      // ("every library (name, city) needs its own separate data")
      if (In(T[i].lower, {"every", "each"})) {
        size_t k = i + 2;
        if (k < T.size() && T[k].text == "(") k = MatchParen(T, k, T.size()) + 1;
        const size_t verbs = k;
        while (k < T.size() && k < verbs + 5 &&
               In(T[k].lower, {"must", "should", "can", "will", "may", "only", "see", "sees", "access", "accesses",
                               "gets", "get", "keeps", "keep", "has", "have", "works", "work", "on", "with", "needs",
                               "need", "wants", "want"})) {
          ++k;
        }
        if (k > verbs && k + 2 < T.size() && In(T[k].lower, {"its", "his", "her", "their"}) && T[k + 1].lower == "own") {
          size_t w = k + 2;
          if (w + 1 < T.size() && In(T[w].lower, {"separate", "isolated", "private"})) ++w;
          if (In(T[w].lower, {"data", "records", "everything", "stuff", "information"})) {
            if (std::string name = usable(T[i + 1]); !name.empty()) return name;
          }
        }
      }
      // "so Team A never sees Team B's freezer contents": the noun on both sides of "never sees".
      if (In(T[i].lower, {"never", "cannot"}) && In(T[i + 1].lower, {"see", "sees", "access", "accesses"})) {
        for (size_t a = i > 3 ? i - 3 : 0; a < i; ++a) {
          for (size_t b = i + 2; b < std::min(T.size(), i + 5); ++b) {
            if (T[a].lower == T[b].lower && T[a].kind == Token::kWord) {
              if (std::string name = usable(T[a]); !name.empty()) return name;
            }
          }
        }
      }
      // "one install, many choirs", "one installation for many schools".
      if (T[i].lower == "one" && In(T[i + 1].lower, {"install", "installation", "instance", "deployment"})) {
        size_t k = i + 2;
        while (k < T.size() && In(T[k].lower, {",", "for", "with", "and", "serving", "serves"})) ++k;
        if (k + 1 < T.size() && T[k].lower == "many" && T[k + 1].lower != naming::Singularize(T[k + 1].lower)) {
          if (std::string name = usable(T[k + 1]); !name.empty()) return name;
        }
      }
    }
  }
  return "";
}

namespace {
// The record a word after "belongs to" / "per" names: "User" for the login's words, "" for words that
// name no record ("the data", "a manager").
std::string RecordNamedBy(const std::string& w) {
  if (lex::IsUserWord(w) || In(w, {"person", "people", "owner", "member", "customer", "account"})) return "User";
  if (lex::IsStopword(w) || lex::IsNonEntity(w) || lex::RoleOf(w) || lex::IsMainlyVerb(w)) return "";
  return naming::ToPascalCase(naming::Singularize(w));
}

// A lookup that only classifies records: a name and little else.
bool IsNameOnlyLookup(const DEntity& e) {
  bool lookup = e.fields.size() <= 2;
  for (const auto& f : e.fields) lookup = lookup && In(f.name, {"name", "description", "colour", "color", "code"});
  return lookup;
}
}  // namespace

// "we have two kids now so everything has to be per child": the record everything else is kept per.
std::string StatedParentOfAll(const std::vector<Sentence>& sentences) {
  for (const auto& s : sentences) {
    const auto& T = s.tokens;
    for (size_t i = 0; i + 3 < T.size(); ++i) {
      if (T[i].lower != "everything") continue;
      size_t q = i + 1;
      while (q < T.size() && q < i + 5 && In(T[q].lower, {"has", "have", "to", "must", "should", "needs", "need", "is",
                                                            "are", "be", "kept", "stored", "tracked"})) {
        ++q;
      }
      if (q == i + 1 || q + 1 >= T.size() || T[q].lower != "per") continue;
      ++q;
      while (q < T.size() && In(T[q].lower, {"the", "a", "an", "one", "each", "every"})) ++q;
      if (q >= T.size() || T[q].kind != Token::kWord) continue;
      if (std::string name = RecordNamedBy(T[q].lower); !name.empty()) return name;
    }
  }
  return "";
}

void ScopeToParent(Draft& d, const std::string& parent) {
  // Records with no parent of their own and no owner among the logins hang under the one everything
  // is kept per; lookups that only classify records stay shared.
  if (!d.Find(parent)) return;
  std::set<std::string> placed;
  for (const auto& r : d.relations) {
    if (r.kind != spec::RelationKind::kManyToMany && r.from != r.to) placed.insert(r.to);
  }
  for (const auto& e : d.entities) {
    if (e.name == "User" || e.name == parent || placed.count(e.name) || IsNameOnlyLookup(e)) continue;
    d.AddRelation(parent, e.name, spec::RelationKind::kOneToMany);
  }
}

std::string StatedOwnerOfAll(const std::vector<Sentence>& sentences) {
  for (const auto& s : sentences) {
    const auto& T = s.tokens;
    for (size_t i = 0; i + 3 < T.size(); ++i) {
      // "every record belongs to the logged-in person", "all data belongs to a household",
      // "everything is owned by the user".
      size_t k = i;
      if (In(T[k].lower, {"every", "each", "all"}) &&
          In(T[k + 1].lower, {"record", "records", "entry", "entries", "row", "rows", "data", "item", "items"})) {
        k += 2;
      } else if (In(T[k].lower, {"everything", "all"}) && k + 1 < T.size() &&
                 In(T[k + 1].lower, {"belongs", "belong", "is", "are"})) {
        k += 1;
      } else {
        continue;
      }
      if (k < T.size() && In(T[k].lower, {"we", "here"})) continue;  // "every record we keep ..."
      if (k + 1 < T.size() && In(T[k].lower, {"belongs", "belong"}) && T[k + 1].lower == "to") {
        k += 2;
      } else if (k + 2 < T.size() && In(T[k].lower, {"is", "are"}) && T[k + 1].lower == "owned" &&
                 T[k + 2].lower == "by") {
        k += 3;
      } else {
        continue;
      }
      while (k < T.size() && In(T[k].lower, {"the", "a", "an", "one", "its", "their", "exactly", "single",
                                              "logged-in", "signed-in", "current"})) {
        ++k;
      }
      if (k >= T.size() || T[k].kind != Token::kWord) continue;
      if (std::string name = RecordNamedBy(T[k].lower); !name.empty()) return name;
    }
  }
  return "";
}

void ScopeToOwner(Draft& d) {
  // Every record without a link to the user gets one, except lookups that classify records (a
  // name and little else) and records another record already owns.
  d.userMentioned = true;
  std::set<std::string> linked;
  for (const auto& r : d.relations) {
    if (r.from == "User") linked.insert(r.to);
    if (r.to == "User") linked.insert(r.from);
    if (r.kind == spec::RelationKind::kOneToMany && r.from != r.to) linked.insert(r.to);
  }
  for (const auto& e : d.entities) {
    if (e.name == "User" || linked.count(e.name) || e.fields.empty() || IsNameOnlyLookup(e)) continue;
    d.AddRelation("User", e.name, spec::RelationKind::kOneToMany);
  }
}

void ScopeToTenant(Draft& d, const std::vector<Sentence>& sentences, const std::string& stated) {
  std::string tenant = stated;
  if (!tenant.empty() && !d.Find(tenant)) {
    DEntity e;
    e.name = tenant;
    e.strong = true;
    e.order = sentences.size() * 1000;
    e.aliases.insert(naming::ToSnakeCase(tenant));
    e.fields.push_back(DField{"name", spec::FieldType::kString, true, false, false, {}});
    d.entities.push_back(std::move(e));
  }
  // Otherwise the entity the tenancy sentence names ("an account is the tenant").
  for (const auto& s : sentences) {
    if (!tenant.empty()) break;
    std::string text = Padded(JoinLower(s.tokens, 0, s.tokens.size()));
    bool cue = false;
    for (const char* c : {" tenant ", " tenants ", " multi-tenant ", " multi-account ", " workspace ", " workspaces ",
                          " white-label ", " scoped to ", " its own ", " separate tenant "}) {
      cue = cue || text.find(c) != std::string::npos;
    }
    if (!cue) continue;
    size_t best = std::string::npos;
    for (const auto& e : d.entities) {
      if (e.name == "User") continue;
      for (const auto& alias : e.aliases) {
        if (alias.empty()) continue;
        size_t p = text.find(Padded(alias));
        if (p == std::string::npos) p = text.find(Padded(naming::Pluralize(alias)));
        if (p != std::string::npos && p < best) {
          best = p;
          tenant = e.name;
        }
      }
    }
    if (!tenant.empty()) break;
  }
  if (tenant.empty()) return;
  // A lookup ("VoicePart (name, colour) 1—n Singer", "SongStatus 1—n Song") classifies a record;
  // it is no parent that would carry the tenant for it.
  auto lookup = [&](const std::string& name) {
    const DEntity* e = d.Find(name);
    if (!e || e->fields.empty() || e->fields.size() > 3) return false;
    for (const auto& f : e->fields) {
      if (!In(f.name, {"name", "description", "colour", "color", "title", "code"})) return false;
    }
    return true;
  };
  std::set<std::string> has_parent;
  for (const auto& r : d.relations) {
    if (r.kind == spec::RelationKind::kOneToMany && r.from != "User" && r.from != r.to && !lookup(r.from)) {
      has_parent.insert(r.to);
    }
    if (r.kind == spec::RelationKind::kOneToOne && r.from != "User") has_parent.insert(r.to);
  }
  std::vector<std::string> roots;
  for (const auto& e : d.entities) {
    if (e.name == tenant || has_parent.count(e.name)) continue;
    roots.push_back(e.name);
  }
  if (d.userMentioned && !d.Find("User")) roots.push_back("User");
  for (const auto& r : roots) d.AddRelation(tenant, r, spec::RelationKind::kOneToMany);
}

}  // namespace bf::analyze
