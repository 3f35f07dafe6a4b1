#include "verify/sse.h"

#include <gtest/gtest.h>

namespace bf::verify {
namespace {

TEST(SseParserTest, ParsesNamedEventsAndSkipsComments) {
  SseParser p;
  auto events =
      p.Feed(": connected\nretry: 5000\n\nevent: post.created\ndata: {\"id\":\"1\"}\n\n: ping\n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "post.created");
  EXPECT_EQ(events[0].data, "{\"id\":\"1\"}");
}

TEST(SseParserTest, JoinsDataLinesAndHandlesChunksSplitAnywhere) {
  std::string stream = "id: 7\r\ndata: a\r\ndata:b\r\n\r\nevent: x\rdata: c\r\r";
  SseParser p;
  std::vector<SseEvent> all;
  for (char c : stream) {
    for (auto& e : p.Feed(std::string(1, c))) all.push_back(e);
  }
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].data, "a\nb");
  EXPECT_EQ(all[0].id, "7");
  EXPECT_EQ(all[0].event, "");
  EXPECT_EQ(all[1].event, "x");
  EXPECT_EQ(all[1].data, "c");
}

TEST(SseParserTest, AnEventWithoutDataIsNotDispatched) {
  SseParser p;
  EXPECT_TRUE(p.Feed("event: lonely\n\n").empty());
  auto events = p.Feed("data: next\n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "") << "the event name is reset at each dispatch";
}

}  // namespace
}  // namespace bf::verify
