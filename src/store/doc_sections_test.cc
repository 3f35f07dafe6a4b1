#include "store/doc_sections.h"

#include <gtest/gtest.h>

namespace bf::store {
namespace {

TEST(DocSectionsTest, SplitsAtHeadingsWithStableIds) {
  auto s = SplitSections("TDD.md",
                         "Intro line\n\n# Test-first record\nbody 1\n\n## Red: against the stubs\n- failed: a\n"
                         "```\n# not a heading\n```\n## Red: against the stubs\nagain\n### Notes ##\n");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].id, "TDD.md#top");
  EXPECT_EQ(s[0].title, "TDD.md");
  EXPECT_EQ(s[0].level, 0);
  EXPECT_EQ(s[0].body, "Intro line");
  EXPECT_EQ(s[1].id, "TDD.md#test-first-record");
  EXPECT_EQ(s[1].level, 1);
  EXPECT_EQ(s[1].body, "body 1");
  EXPECT_EQ(s[2].id, "TDD.md#red-against-the-stubs");
  EXPECT_NE(s[2].body.find("# not a heading"), std::string::npos);  // fenced code is body
  EXPECT_EQ(s[3].id, "TDD.md#red-against-the-stubs-1");
  EXPECT_EQ(s[4].title, "Notes");
  EXPECT_EQ(s[4].level, 3);
  EXPECT_EQ(s[4].body, "");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(s[i].position, i);
}

TEST(DocSectionsTest, BlankPreambleIsLeftOutAndNoHeadingIsOneSection) {
  EXPECT_EQ(SplitSections("a.md", "\n\n# Title\nx\n").size(), 1u);
  auto s = SplitSections("notes.md", "just text\r\nmore");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].body, "just text\nmore");
  EXPECT_TRUE(SplitSections("empty.md", "").empty());
  EXPECT_EQ(SplitSections("a.md", "#hashtag\n")[0].level, 0);  // no space: not a heading
}

TEST(DocSectionsTest, HeadingSlugs) {
  EXPECT_EQ(HeadingSlug("Red: against the stubs"), "red-against-the-stubs");
  EXPECT_EQ(HeadingSlug("v3 (2026-11-26T08:00:00Z)"), "v3-2026-11-26t080000z");
  EXPECT_EQ(HeadingSlug("Café_bar"), "café_bar");
  EXPECT_EQ(HeadingSlug("!!!"), "section");
}

TEST(DocSectionsTest, SearchQueriesQuoteEveryTerm) {
  EXPECT_EQ(*DocSearchQuery("green runs"), "\"green\" \"runs\"");
  EXPECT_EQ(*DocSearchQuery("\"change history\" auth*"), "\"change history\" \"auth\"*");
  EXPECT_EQ(*DocSearchQuery("red OR green"), "\"red\" OR \"green\"");
  // FTS5 syntax is only punctuation between words.
  EXPECT_EQ(*DocSearchQuery("title:red AND (NEAR green) -x ^y"),
            "\"title\" \"red\" \"AND\" \"NEAR\" \"green\" \"x\" \"y\"");
  EXPECT_EQ(*DocSearchQuery("OR red OR"), "\"red\"");
}

TEST(DocSectionsTest, BadSearchQueriesSayWhatToFix) {
  auto unclosed = DocSearchQuery("\"red green");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().code, "store.bad_query");
  EXPECT_NE(unclosed.error().message.find("unclosed quote"), std::string::npos);
  auto empty = DocSearchQuery("*** ()");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("no words"), std::string::npos);
  EXPECT_FALSE(DocSearchQuery("").ok());
  EXPECT_FALSE(DocSearchQuery(std::string(201, 'a')).ok());
}

}  // namespace
}  // namespace bf::store
