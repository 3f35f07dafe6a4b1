#include "analyze/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "analyze/lexicon.h"

namespace bf::analyze {
namespace {

std::vector<std::string> Lower(const Sentence& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tokens) out.push_back(t.lower);
  return out;
}

// The words of `text` after typo correction, and whether one of them is `word`.
std::vector<std::string> Corrected(std::string_view text) {
  auto sentences = Segment(text);
  CorrectTypos(sentences);
  std::vector<std::string> out;
  for (const auto& s : sentences) {
    auto w = Lower(s);
    out.insert(out.end(), w.begin(), w.end());
  }
  return out;
}
bool Has(const std::vector<std::string>& w, std::string_view word) {
  return std::find(w.begin(), w.end(), word) != w.end();
}

TEST(Segment, SplitsSentencesAndBullets) {
  auto s = Segment("A blog. Posts have titles!\n- users: name, email\n* tags");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_FALSE(s[0].bullet);
  EXPECT_TRUE(s[2].bullet);
  EXPECT_TRUE(s[3].bullet);
  EXPECT_EQ(Lower(s[2]), (std::vector<std::string>{"users", ":", "name", ",", "email"}));
}

TEST(Segment, KeepsParenthesesAndSemicolonsInOneSentence) {
  auto s = Segment("tickets (status: open. closed); they may be assigned");
  ASSERT_EQ(s.size(), 1u);
}

// A dot inside a dotted name ("checkout.pay_button", "example.com") ends no sentence; a capital
// after a dot without a space still does.
TEST(Segment, DottedNamesStayInTheirSentence) {
  auto s = Segment("keys like checkout.pay_button, unique per project. hosts such as example.com");
  ASSERT_EQ(s.size(), 2u);
  auto w = Lower(s[0]);
  EXPECT_NE(std::find(w.begin(), w.end(), "unique"), w.end());
  EXPECT_EQ(Segment("we store the date.Each order has a total").size(), 2u);
}

TEST(Segment, PossessivesAbbreviationsAndCompounds) {
  auto s = Segment("a family's policy, e.g. follow-ups a.k.a. replies, schoolYear, per-product");
  auto w = Lower(s[0]);
  EXPECT_EQ(w[1], "family");
  EXPECT_EQ(w[2], "'s");
  EXPECT_NE(std::find(w.begin(), w.end(), "eg"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "follow-ups"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "aka"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "school"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "year"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "per-product"), w.end());
}

TEST(CorrectTypos, FixesKnownWordsOnly) {
  auto w = Corrected("rec soccer leage with full text serach and notifcations for housholds; notification rules");
  EXPECT_TRUE(Has(w, "league"));
  EXPECT_TRUE(Has(w, "search"));
  EXPECT_TRUE(Has(w, "notifications"));
  EXPECT_TRUE(Has(w, "households"));
  EXPECT_TRUE(Has(w, "rules"));  // not "roles"
}

TEST(CorrectTypos, SixLetterWordsAreNotSubstituted) {
  auto w = Corrected("courts and judges, with serach");
  EXPECT_TRUE(Has(w, "courts"));  // not "counts"
  EXPECT_TRUE(Has(w, "search"));  // a swap of neighbours is still fixed
}

// Nouns the plural rules list are words, not typos of a known word one letter away.
TEST(CorrectTypos, ListedNounsAreNotCorrected) {
  auto w = Corrected("movies and cookies, with serach");
  EXPECT_TRUE(Has(w, "movies"));   // not "moves"
  EXPECT_TRUE(Has(w, "cookies"));
  EXPECT_TRUE(Has(w, "search"));
}

// English words one letter away from a known word are meant; misspellings are still fixed.
TEST(CorrectTypos, EnglishWordsAreNotCorrected) {
  auto w = Corrected("crates with local water tanks, a trailer per payer, forms and tablets; adress and pasword");
  for (const char* kept : {"crates", "local", "water", "tanks", "trailer", "payer", "forms", "tablets"}) {
    EXPECT_TRUE(Has(w, kept)) << kept;
  }
  EXPECT_TRUE(Has(w, "address"));
  EXPECT_TRUE(Has(w, "password"));
  EXPECT_TRUE(lex::IsEnglishWord("aardvark"));
  EXPECT_TRUE(lex::IsEnglishWord("zygotes"));  // the last word of the last chunk
  EXPECT_FALSE(lex::IsEnglishWord("adress"));
}

// Adjectives in -able / -ible name no record ("keep it flexible"), from seven letters on; the nouns
// among them stay nouns.
TEST(Lexicon, AdjectivesInAbleNameNoRecord) {
  for (const char* w : {"flexible", "scalable", "editable", "configurable"}) EXPECT_TRUE(lex::IsNonEntity(w)) << w;
  for (const char* w : {"timetable", "payable", "portable", "syllable", "vegetable"}) {
    EXPECT_FALSE(lex::IsNonEntity(w)) << w;
  }
}

// Words of three and four letters have their own list: a short word ("keg", "jobs") is told from a
// scrap of a cut one ("ome", "ign").
TEST(Lexicon, ShortEnglishWords) {
  for (const char* w : {"abbr", "keg", "kegs", "job", "bike", "zoos"}) EXPECT_TRUE(lex::IsShortEnglishWord(w)) << w;
  for (const char* w : {"ome", "ign", "wer", "pe", "water"}) EXPECT_FALSE(lex::IsShortEnglishWord(w)) << w;
}

// Five-letter words are corrected for two swapped neighbours ("thier"), never for a substituted
// letter; English words with swapped letters ("trial", "angel") are words.
TEST(CorrectTypos, NeighbourSwapInShortWords) {
  auto w = Corrected("roles live in thier own table; a trial and an angel");
  EXPECT_TRUE(Has(w, "their"));
  EXPECT_FALSE(Has(w, "thier"));
  EXPECT_TRUE(Has(w, "trial"));
  EXPECT_TRUE(Has(w, "angel"));
}

// WordNet's sense counts tell verbs from nouns that can also be verbs.
TEST(Lexicon, MainlyVerbs) {
  for (const char* verb : {"oversee", "oversees", "remembers", "configure", "call", "carries", "watches", "approve"}) {
    EXPECT_TRUE(lex::IsMainlyVerb(verb)) << verb;
  }
  for (const char* noun : {"contact", "position", "case", "farm", "loan", "table", "role", "parent", "cases"}) {
    EXPECT_FALSE(lex::IsMainlyVerb(noun)) << noun;
  }
}

// The corrections of one text do not depend on which texts were corrected before it: "funding"
// once is read as "finding", "funding" three times is meant, in either order.
TEST(CorrectTypos, ResultsDoNotDependOnEarlierTexts) {
  auto run = [](bool repeated_first) {
    std::vector<std::string> out(2);
    std::thread t([&] {  // a fresh thread: an empty per-thread cache
      const char* once = "backers pledge to a funding round";
      const char* thrice = "funding goals, funding rounds and funding sources";
      for (int k = 0; k < 2; ++k) {
        bool repeated = (k == 0) == repeated_first;
        auto s = Segment(repeated ? thrice : once);
        CorrectTypos(s);
        std::string joined;
        for (const auto& w : Lower(s[0])) joined += w + " ";
        out[repeated ? 1 : 0] = joined;
      }
    });
    t.join();
    return out;
  };
  auto a = run(false), b = run(true);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(a[1], b[1]);
  EXPECT_NE(a[1].find("funding"), std::string::npos) << a[1];
}

TEST(Phrases, NormalizeAndContain) {
  EXPECT_EQ(NormalizeForPhrases("Real-time, LIVE!"), " real time live ");
  EXPECT_TRUE(ContainsPhrase("users log in daily", "log in"));
  EXPECT_FALSE(ContainsPhrase("catalogue", "log"));
}

// A pasted pipe table becomes "First cell: other cells." lines; an entity / field / type table one line
// per entity; separator rows and code fences go; text without either is returned as it was.
TEST(FlattenMarkdown, TablesBecomeLabelLines) {
  EXPECT_EQ(FlattenMarkdown("A blog.\n| Entity | Fields |\n|---|---|\n| Author | name, email |\n| Tag | name |\nDone."),
            "A blog.\nAuthor: name, email.\nTag: name.\nDone.");
  EXPECT_EQ(FlattenMarkdown("| Table | Column | Type |\n|-|-|-|\n| Product | name | string |\n| | price | decimal |\n"
                            "| Stock | quantity | int |"),
            "Product: name, price.\nStock: quantity.");
  EXPECT_EQ(FlattenMarkdown("Shapes:\n```\nAuthor { name, email }\n```\nEnd."),
            "Shapes:\nAuthor { name, email }\nEnd.");
  // (A table without a header keeps every row; a pipe inside a line is no table.)
  EXPECT_EQ(FlattenMarkdown("| Room | number, floor |\ntype (PERSONAL|TEAM)"),
            "Room: number, floor.\ntype (PERSONAL|TEAM)");
  const std::string plain = "Users have posts.\nPosts have a title.\n";
  EXPECT_EQ(FlattenMarkdown(plain), plain);
}

// A pasted CREATE TABLE becomes "table: column, column." (the id left out, a referencing column named
// after the record it references), also over several lines and with schema-qualified names.
TEST(FlattenMarkdown, CreateTableBecomesALabelLine) {
  EXPECT_EQ(FlattenMarkdown("CREATE TABLE posts (id serial primary key, title varchar(200), author_id int references "
                            "authors(id), published_at timestamp);"),
            "posts: title, author, published_at.");
  EXPECT_EQ(FlattenMarkdown("Schema:\ncreate table if not exists public.comments (\n  id serial,\n  post_id int "
                            "references posts(id),\n  text text,\n  primary key (id)\n);\nThanks."),
            "Schema:\ncomments: post, text.\nThanks.");
  // (Prose, an unclosed statement and a parenthesis without SQL types are left as written.)
  for (const char* text : {"Staff create table plans for big parties (of eight or more).",
                           "We create table bookings (for parties, events) by hand.", "CREATE TABLE x (a int",
                           "create table (\nUsers have posts.\nPosts have a title."}) {
    EXPECT_EQ(FlattenMarkdown(text), text);
  }
}

}  // namespace
// Learner forms become the plain ones; states and nouns stay as written.
TEST(NormalizeLearnerGrammar, ProgressivesAndSingularsAfterMany) {
  auto words = [](std::string_view text) {
    auto sentences = Segment(text);
    NormalizeLearnerGrammar(sentences);
    std::string out;
    for (const auto& s : sentences) {
      for (const auto& t : s.tokens) out += t.lower + " ";
    }
    return out;
  };
  EXPECT_EQ(words("volunteers is registering for events"), "volunteers registers for events ");
  EXPECT_EQ(words("each order is containing products"), "each order contain products ");
  EXPECT_EQ(words("the teacher is giving marks"), "the teacher give marks ");
  // ("play" and "plays" are nouns too, so the progressive stays; so do states and "there is".)
  EXPECT_EQ(words("one actor is playing in many films"), "one actor is playing in many films ");
  EXPECT_EQ(words("the payment is pending approval"), "the payment is pending approval ");
  EXPECT_EQ(words("there is nothing"), "there is nothing ");
  EXPECT_EQ(words("each book has many author and a title"), "each book has many authors and a title ");
  EXPECT_EQ(words("many people"), "many people ");
}

}  // namespace bf::analyze
