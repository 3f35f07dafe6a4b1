// Extraction: sentences -> Draft (entities with fields, relations, roles). Two passes:
//  1. evidence: noun phrases that own field lists ("X: a, b", "X (a, b)", "X has a, b"), lead
//     bullets, or take part in relation patterns collect scores; aliases ("X a.k.a. Y") merge;
//  2. resolution: the accepted entities' field lists are parsed; items naming another entity
//     become references (many-to-one / many-to-many); relation patterns between accepted
//     entities become relations (relate.cc).
#pragma once

#include <map>
#include <source_location>
#include <set>
#include <string>
#include <vector>

#include "analyze/chunker.h"
#include "analyze/draft.h"
#include "analyze/text.h"

namespace bf::analyze {

struct Item;  // fields.h

// `lenient`: a short request that no archetype or brand fits; when no record passes, the plural
// things it names once stand ("We're a small brewery and need kegs and fermenters.").
Draft Extract(const std::vector<Sentence>& sentences, bool lenient = false);

// People the domain keeps records about ("patients", "students", "drivers"), as opposed to
// account roles ("admins", "staff", "members"). `w` is a lowercase singular or plural word.
bool IsPersonEntityWord(std::string_view w);

// Structural relations implied by names: "OrderLine" belongs to "Order"; "EventType" is a lookup
// for "Event".
void LinkCompounds(Draft& d);
// "schedule patient appointments", "customer measurements": a record named by the person it is for,
// when that person is no record of its own, is two: the person, and the thing they have many of.
void SplitPersonCompounds(Draft& d);
// "each attendance has records": a generic dependent with one parent is named after it.
void QualifyDependents(Draft& d);
// "accounts (username, password)": an Account with login fields is the login entity (User).
void MergeLoginAccount(Draft& d);

// Multi-tenant descriptions: the entity named as the tenant ("an account is the tenant",
// "workspaces (teams)") owns every top-level entity and the users.
// "every choir must see only its own data", "one install, many choirs": a group named as the unit
// that sees only its own data ("Choir"), or "" when the text names none. ScopeToTenant makes it an
// entity when the text gives it no fields (`stated`, StatedTenant's answer, computed once).
std::string StatedTenant(const std::vector<Sentence>& sentences);
void ScopeToTenant(Draft& d, const std::vector<Sentence>& sentences, const std::string& stated);
// "every record belongs to the logged-in person" ("User"), "all data belongs to a household"
// ("Household"): what the text says owns every record, or "".
std::string StatedOwnerOfAll(const std::vector<Sentence>& sentences);
// Links every record that has no owner yet (no parent, no link to the user) to the user.
void ScopeToOwner(Draft& d);
// "everything has to be per child" ("Child"): the record everything else is kept per, or "".
std::string StatedParentOfAll(const std::vector<Sentence>& sentences);
// Hangs every record with no parent (other than lookups and the login) under `parent`.
void ScopeToParent(Draft& d, const std::string& parent);
// Tags, keywords and labels are shared (many-to-many) by the records they mark, and owned
// one-to-many by the space that defines them (a user, board, team, the tenant).
void ShareTags(Draft& d, const std::string& tenant);

// Shared between extract.cc and relate.cc.
class Extractor {
 public:
  Extractor(const std::vector<Sentence>& sentences, bool lenient) : lenient_(lenient), s_(sentences) {}
  Draft Run();

  struct Candidate {
    std::string name;
    double score = 0;
    bool strong = false;
    size_t order = 0;
    std::map<std::string, double> origins;  // rule tracing only: rule line -> evidence it gave
    int plural_mentions = 0;  // mentions as a plural noun ("comments on documents")
    bool quantified = false;  // "several photos", "many attachments"
    int counted_mentions = 0;  // plural or single mentions at any depth ("(3 legal entities)")
    bool bullet_lead = false;  // the plural lead of a bullet line ("- Comments on tickets, ...")
    // a side of "X belongs to Y" ("every comment belongs to a post"), or the owner in "X has many
    // Ys" ("each course has many lessons"): a record, even when its word is often a column
    bool belonging = false;
    bool borrowed = false;  // borrowed, rented or reserved ("gardeners can borrow tools"): a kept thing
    bool listed = false;    // an item of a list of the records a text keeps ("track A, the Bs and Cs")
    std::set<std::string> phrases;
  };
  struct FieldList {
    std::string owner;  // candidate name
    size_t sentence = 0, begin = 0, end = 0;
    bool paren = false;  // "X (a, b)": often examples of kinds, so no child entities from it
  };
  struct Link {  // a relation pattern between two chunks, resolved in pass 2
    std::string a, b;  // candidate names as seen (before alias resolution)
    std::string type;  // "a_has_b", "b_has_a", "m2m", "one_one", "join:<Name>", "self"
    std::string inverse;
    std::string where;  // rule tracing only: the rule line that found it
  };
  // (A vector that notes where each link was found while rules are traced.)
  struct LinkList : std::vector<Link> {
    void push_back(Link l, std::source_location loc = std::source_location::current()) {
      if (TracingRules()) l.where = Here(loc);
      std::vector<Link>::push_back(std::move(l));
    }
  };

 private:
  // pass 1 (extract.cc)
  // "- Opportunities: name, amount. Belongs to an account.": a bullet's later sentence that opens
  // with a verb of belonging takes the bullet's lead as its subject.
  void FillBulletSubjects();
  // The record's words are named in the first sentence as the business the backend is for.
  // `first` is the first sentence's chunks.
  bool NamedAsSetting(const std::string& name, const std::vector<Chunk>& first) const;
  void Evidence(size_t si);
  // "the status of an order is pending, paid or shipped", "a ticket's priority can be low or high".
  void StatedValues(size_t si, const std::vector<Chunk>& chunks);
  // A one- or two-line request (kShortText words or fewer): it names each record once.
  static constexpr size_t kShortText = 40;
  bool short_text_ = false;
  bool lenient_ = false;  // see Extract
  std::string note_tag_;  // rule tracing only: the pattern behind the next Note calls
  void Note(const Chunk& c, double score, bool strong, size_t si,
            std::source_location loc = std::source_location::current());
  void NoteAlias(const Chunk& alias, const Chunk& target);
  bool HeadColon(size_t si, const std::vector<Chunk>& chunks, size_t& list_begin);
  void ParenLists(size_t si, const std::vector<Chunk>& chunks, size_t skip_from);
  void HasLists(size_t si, const std::vector<Chunk>& chunks, size_t skip_from);
  // "An app for a sports club to manage members, teams, trainings and match results": the opening
  // sentence's list of plural things after a verb of keeping is the product's records.
  void ProductList(size_t si);
  // Notes the items as records when they are a product's list of things (three or more plural
  // things, two in three items, at most one in five a column); false when they are not.
  // `setting`: the list follows the business the backend is for ("For our hotel: ..."), so half the
  // items being things is enough.
  bool NoteRecordList(size_t si, const std::vector<Item>& items, bool setting = false);
  void Roles(size_t si, const std::vector<Chunk>& chunks);
  void ArrowChain(size_t si, const std::vector<Chunk>& chunks);
  void TrackedThings(size_t si, const std::vector<Chunk>& chunks);
  // "who has booked which boat", "who borrowed each item": an act between a person and a thing, asked
  // about as "who ... which", is a record of its own (Booking, Loan) both have many of; so is what the
  // writer does, asked about as "what we sell" (Sale).
  void WhoDidWhich(size_t si, const std::vector<Chunk>& chunks);
  // pass 2 (extract.cc)
  void Decide();
  std::string ResolveByTail(const Chunk& c) const;
  std::string Resolve(const Chunk& c) const;  // accepted entity name, "User" for users/roles, or ""
  void ParseLists();
  // relations (relate.cc)
  void Patterns(size_t si, const std::vector<Chunk>& chunks);
  // Flags on the candidates a relation pattern shows to be records (relate.cc).
  void NoteStatedRecords(const Chunk& a, const Chunk& b, const std::string& conn, const std::string& type);
  void MarkMade(const Chunk& maker, const Chunk& made, const std::string& conn, const std::string& type);
  void PronounObjects(size_t si, const std::vector<Chunk>& chunks);
  // "it" / "them" / "they" as chunks standing for their antecedent (relate.cc).
  std::vector<Chunk> PronounChunks(size_t si, const std::vector<Chunk>& chunks) const;
  // "For each child we log feedings, sleep and notes": the fronted phrase owns the clause's objects.
  void FrontedScope(size_t si, const std::vector<const Chunk*>& chunks);
  void UniqueScope(size_t si, const std::vector<Chunk>& chunks);
  void OnePairing(size_t si, const std::vector<const Chunk*>& chunks);
  // "projects can be tagged": a many-to-many to a Tag record.
  void Tagged(size_t si, const std::vector<const Chunk*>& cs);
  void HeaderScope(size_t si, const std::vector<Chunk>& chunks);
  void ResolveLinks();
  void SelfRelations();
  void ActSubjects();
  void TheirOwn();
  void Ownership();

  std::string Canonical(const std::string& name) const;

  std::vector<Sentence> s_;  // a copy: bullet subjects are filled in (FillBulletSubjects)
  std::map<std::string, Candidate> cands_;
  std::map<std::string, std::string> alias_;  // candidate name -> target candidate name
  std::set<std::string> role_refs_;  // "start station": candidates that name a record by its role
  std::vector<FieldList> lists_;
  // "each ticket has a priority: low, medium or high": an enum column of the owner (candidate name),
  // read from the colon's values.
  std::vector<std::pair<std::string, DField>> head_values_;
  LinkList links_;
  std::string header_scope_;  // "records per vehicle:": the record the lines after a header belong to
  std::string section_head_;  // "Patients" heading a section whose first line is that record's
  std::set<std::string> accepted_;
  // People a one-line request lists among what it keeps ("need clients, nail techs and appointments").
  std::set<std::string> tracked_people_;
  std::map<std::string, std::string> annotations_;  // "notes on a document": Note -> Document
  std::map<std::string, std::string> phrase_to_entity_;  // singular phrase -> entity name
  std::set<std::string> self_nested_;  // candidates described as nested / trees
  std::map<std::string, std::vector<DField>> join_payload_;  // "via:<Name>" join entity -> link attributes
  std::vector<Chunk> history_;  // referable mentions of earlier sentences, in order (pronoun antecedents)
  std::vector<size_t> history_si_;  // sentence of each history_ entry
  std::map<size_t, Chunk> told_records_;  // sentence -> "Loans:" head of "Loans: an item goes out to ..."
  // The phrase the previous sentence opened with ("Event types is what people book ..."), for a
  // "Fields: ..." label that lists its columns; empty name when that sentence opened otherwise.
  Chunk previous_subject_;
  std::set<size_t> label_heads_;  // sentence * 1000 + token of "Label:" heads (not entities)
  // sentence * 1000 + token of the business a description opens with ("A bakery with products, ..."):
  // the setting of the records, not one of them, so no relation patterns start from it.
  std::set<size_t> setting_heads_;
  Draft d_;
};

}  // namespace bf::analyze
