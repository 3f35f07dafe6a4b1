#include "plan/mermaid_text.h"

#include <gtest/gtest.h>

namespace bf::plan {
namespace {

TEST(MermaidLabel, EscapesCharactersThatEndOrReinterpretText) {
  EXPECT_EQ(MermaidLabel("say \"hi\""), "say #quot;hi#quot;");
  EXPECT_EQ(MermaidLabel("a;b#c"), "a#59;b#35;c");
  EXPECT_EQ(MermaidLabel("100%% done"), "100#37;#37; done");
  EXPECT_EQ(MermaidLabel("<script>"), "#lt;script#gt;");
  EXPECT_EQ(MermaidLabel("`md`"), "#96;md#96;");
  EXPECT_EQ(MermaidLabel("[x] {y} (z) |w|"), "[x] {y} (z) |w|");
}

TEST(MermaidLabel, FoldsWhitespaceAndKeepsUnicode) {
  EXPECT_EQ(MermaidLabel("  two\nlines\t\r\nhere  "), "two lines here");
  EXPECT_EQ(MermaidLabel("Café ☕ 日本語"), "Café ☕ 日本語");
  EXPECT_EQ(MermaidLabel(""), "-");
  EXPECT_EQ(MermaidLabel("\n\n"), "-");
}

TEST(MermaidErComment, NoDoubleQuotesAndCutByCodePoints) {
  EXPECT_EQ(MermaidErComment("say \"hi\""), "say 'hi'");
  EXPECT_EQ(MermaidErComment("default \"a \\\"b\\\"\""), "default 'a 'b''");
  EXPECT_EQ(MermaidErComment("ééééé", 3), "ééé...");
  EXPECT_EQ(MermaidErComment("line\nbreak"), "line break");
}

TEST(Markdown, CellEscapesPipesAndHtml) {
  EXPECT_EQ(MarkdownCell("a|b <i>c</i>\nd"), "a\\|b &lt;i>c&lt;/i> d");
  EXPECT_EQ(MarkdownCell("`x` *y* _z_ [l](u)"), "\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u)");
}

TEST(Markdown, InlineEscapesBlockStarts) {
  EXPECT_EQ(MarkdownInline("# not a heading"), "\\# not a heading");
  EXPECT_EQ(MarkdownInline("- not a list"), "\\- not a list");
  EXPECT_EQ(MarkdownInline("1. not a list"), "1\\. not a list");
  EXPECT_EQ(MarkdownInline("* star"), "\\* star");
  EXPECT_EQ(MarkdownInline("plain text"), "plain text");
}

TEST(FoldWhitespace, Basics) {
  EXPECT_EQ(FoldWhitespace("  a  b  "), "a b");
  EXPECT_EQ(FoldWhitespace(""), "");
}

}  // namespace
}  // namespace bf::plan
