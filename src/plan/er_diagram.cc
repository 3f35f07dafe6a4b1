// erDiagram of the data model (data_model.h): one block per table with typed attributes and
// PK/FK/UK markers, one line per relation with crow's-foot cardinalities.
#include <set>

#include "common/strings.h"
#include "plan/data_model.h"
#include "plan/diagrams.h"
#include "plan/mermaid_text.h"

namespace bf::plan {
namespace {

using spec::RelationKind;

// Words the erDiagram lexer matches (case-insensitively, on a word boundary) before entity names.
const std::set<std::string>& ErKeywords() {
  static const std::set<std::string> kWords = {
      "erdiagram", "style", "classdef", "class", "subgraph",   "end",      "direction", "one",
      "many",      "only",  "zero",     "to",    "optionally", "acctitle", "accdescr",  "u"};
  return kWords;
}

// Attribute names equal to a key marker (any case) would be read as the marker.
bool IsKeyWord(std::string_view name) {
  std::string l = ToLower(name);
  return l == "pk" || l == "fk" || l == "uk";
}

std::string Keys(const Column& c) {
  std::vector<std::string> k;
  if (c.primaryKey) k.push_back("PK");
  if (c.foreignKey) k.push_back("FK");
  if (c.unique && !c.primaryKey) k.push_back("UK");
  return Join(k, ", ");
}

std::string Attribute(const Column& c) {
  // A name equal to a key marker is written in backticks, mermaid's quoting for attribute names.
  std::string line = "    " + c.type + " " + (IsKeyWord(c.name) ? "`" + c.name + "`" : c.name);
  std::string keys = Keys(c);
  if (!keys.empty()) line += " " + keys;
  std::vector<std::string> notes;
  if (c.origin == ColumnOrigin::kAuth || c.origin == ColumnOrigin::kTimestamp || c.foreignKey) {
    notes = c.constraints;
  } else {
    for (const auto& s : c.constraints) {
      if (s != "unique") notes.push_back(s);  // unique is already the UK marker
    }
  }
  if (!notes.empty()) line += " \"" + MermaidErComment(Join(notes, ", "), 100) + "\"";
  return line + "\n";
}

// Left and right markers for `from` and `to` of a one-to-* relation.
std::string Cardinality(const spec::Relation& r) {
  std::string left = r.required ? "||" : "|o";
  std::string right = r.kind == RelationKind::kOneToOne ? "o|" : "o{";
  return left + "--" + right;
}

}  // namespace

std::string ErEntityName(std::string_view name) {
  std::string out;
  bool quote = ErKeywords().count(ToLower(name)) > 0;
  if (quote) out += '"';
  out += name;
  if (quote) out += '"';
  return out;
}

Diagram ErDiagram(const spec::AppSpec& spec) {
  std::vector<Table> tables = BuildTables(spec);
  std::string s = "erDiagram\n";
  for (const auto& t : tables) {
    s += "  " + ErEntityName(t.name) + " {\n";
    for (const auto& c : t.columns) s += Attribute(c);
    s += "  }\n";
  }
  std::vector<JoinTable> joins = JoinTables(spec);
  for (size_t i = 0; i < spec.relations.size(); ++i) {
    const spec::Relation& r = spec.relations[i];
    if (!spec.FindEntity(r.from) || !spec.FindEntity(r.to)) continue;
    if (r.kind == RelationKind::kManyToMany) {
      // A join table: each side has zero or more rows in it; each row points at exactly one.
      const std::string join = ErEntityName(joins[i].name);
      s += "  " + ErEntityName(r.from) + " ||--o{ " + join + " : \"" + r.name + "\"\n";
      s += "  " + ErEntityName(r.to) + " ||--o{ " + join + " : \"" + r.inverse + "\"\n";
    } else {
      s += "  " + ErEntityName(r.from) + " " + Cardinality(r) + " " + ErEntityName(r.to) + " : \"" +
           r.name + " / " + r.inverse + "\"\n";
    }
  }
  return {DiagramKind::kEr, "er", "Entity-relationship diagram", s};
}

}  // namespace bf::plan
