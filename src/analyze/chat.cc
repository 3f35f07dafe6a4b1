#include "analyze/analyzer.h"

namespace bf::analyze {

ChatReply Chat(ChatState& state, std::string_view message) {
  ChatReply r;
  state.turns.push_back({"user", std::string(message)});
  r.kind = ChatReply::kNoChange;
  return r;
}

}  // namespace bf::analyze
