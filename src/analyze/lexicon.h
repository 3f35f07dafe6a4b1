// Word classes the offline engine reasons with: function words, verbs, modifiers, attribute
// words, role nouns, feature cues, field-type inference. Static tables built once; all lookups
// take lowercase words and are thread-safe after first use.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "spec/app_spec.h"

namespace bf::analyze::lex {

bool IsStopword(std::string_view w);        // a, the, of, with, we, they, ...
bool IsVerb(std::string_view w);            // has, belongs, contains, writes, ... (not nouns)
bool IsNounVerb(std::string_view w);        // post, order, comment, review: noun or verb
bool IsModifier(std::string_view w);        // nested, optional, custom, other: dropped from names
bool IsFieldWord(std::string_view w);       // name, email, title, status, price: attributes
bool IsNonEntity(std::string_view w);       // backend, system, data, thing: never an entity
bool IsQuantifier(std::string_view w);      // many, several, multiple, some
bool IsCountWord(std::string_view w);       // one, two, ..., forty, hundreds, dozen (also stopwords)
bool IsKnownWord(std::string_view w);       // any vocabulary or English word (typo correction skips these)
// A lowercase word of five or more letters in the compiled-in English word list (SCOWL, see
// scripts/english_words.py).
bool IsEnglishWord(std::string_view w);
// A lowercase word of three or four letters in the same list ("keg", "jobs"; not "ome").
bool IsShortEnglishWord(std::string_view w);
// A word whose lemma is mainly a verb in WordNet ("oversee", "remembers", "configure", "call"; not
// "contact" or "position", which are mainly nouns). See scripts/verb_words.py.
bool IsMainlyVerb(std::string_view w);
// A common act a user does to records ("join", "create", "follow", "book", "upload"): after "and"
// it opens a verb phrase, not a noun ("users join channels or start direct conversations").
bool IsCommonAct(std::string_view w);
// A word that may be a verb where the sentence makes it one: the noun/verbs (IsNounVerb) and the
// mainly-verb lemmas (IsMainlyVerb).
bool MayBeVerb(std::string_view w);
// An irregular past participle ("held", "bought", "taken", "written"): the verb in "is held at",
// "parts bought (...)", "a photo taken by".
bool IsIrregularParticiple(std::string_view w);
// A gerund that names an activity and qualifies the noun after it ("an accounting code", "a
// coworking day", "a shopping list"), unlike participles such as "existing" or "pending".
bool IsActivityGerund(std::string_view w);
const std::vector<std::string>& TypoVocabulary();

// Canonical role for a role noun ("admins" -> "admin", "administrator" -> "admin",
// "librarians" -> "librarian"); nullopt when `w` is not a role word.
std::optional<std::string> RoleOf(std::string_view w);
// True for words that denote the login principal itself ("user", "users", "account holder").
bool IsUserWord(std::string_view w);

// Field type (and enum values when the name implies a closed set) from a field's words.
struct TypeGuess {
  spec::FieldType type = spec::FieldType::kString;
  bool fileLike = false;  // an image/file/document reference: turns on file_uploads
};
TypeGuess InferFieldType(const std::vector<std::string>& words);

// Features stated or clearly implied by the (normalized, " word word ") text.
std::set<spec::Feature> DetectFeatures(std::string_view norm);
// True when the text asks for login / accounts (so auth is requested, not just defaulted).
bool MentionsLogin(std::string_view norm);
// "make an account", "create their accounts", "open accounts": people signing up (said of the phrase
// before the verb). True when the words w0 w1 w2 start such a phrase (w2 may be empty).
bool IsAccountSignUp(std::string_view w0, std::string_view w1, std::string_view w2);
// The same phrases, each padded with spaces, to count in NormalizeForPhrases text.
const std::vector<std::string>& AccountSignUpPhrases();

// Stack words: language / framework / database named in the text ("" when none).
spec::Stack DetectStack(std::string_view original_text);

}  // namespace bf::analyze::lex
