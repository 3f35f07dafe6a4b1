// Incremental parser of a text/event-stream (the WHATWG "server-sent events" format).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bf::verify {

struct SseEvent {
  std::string event;  // the `event:` field; empty when the server sent none ("message")
  std::string data;   // `data:` lines joined with '\n'
  std::string id;
};

// Feed bytes as they arrive; complete events come out. Comment lines (": ping") and `retry:`
// are skipped. Lines may end with LF, CRLF or CR, and may be split across chunks.
class SseParser {
 public:
  std::vector<SseEvent> Feed(std::string_view chunk);

 private:
  void Line(std::string_view line, std::vector<SseEvent>& out);

  std::string partial_;      // an unfinished line
  bool pending_cr_ = false;  // the previous chunk ended with CR (a following LF belongs to it)
  SseEvent current_;
  bool has_data_ = false;
};

}  // namespace bf::verify
