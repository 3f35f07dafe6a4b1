// The product's Assistant. The analyze and plan layers have not landed in this build yet, so
// there is none: the chat endpoints answer 503 "chat.unavailable" instead of pretending.
#include "server/assistant.h"

namespace bf::server {

std::unique_ptr<Assistant> MakeProductAssistant() { return nullptr; }

}  // namespace bf::server
