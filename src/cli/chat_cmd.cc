// backendforge chat: an interactive session that keeps the conversation and applies edits.
#include <unistd.h>

#include <exception>
#include <iostream>

#include "analyze/analyzer.h"
#include "cli/commands.h"
#include "cli/describe.h"
#include "common/strings.h"
#include "plan/plan.h"
#include "spec/spec_json.h"

namespace bf::cli {

namespace {

void PrintSummary(const spec::AppSpec& s) {
  plan::Plan p = plan::MakePlan(s);
  std::vector<std::string> names;
  for (const auto& e : s.entities) names.push_back(e.name);
  std::cout << "  plan: " << s.entities.size() << " entities (" << Join(names, ", ") << "), " << s.relations.size()
            << " relations, " << p.endpoints.size() << " endpoints; stack " << p.stack.chosen.label << " with "
            << p.stack.database.label << "\n";
}

void PrintHelp() {
  std::cout << "Type a description first, then follow-ups such as \"add comments to posts\", \"rename Post to Article\",\n"
               "\"use Python with PostgreSQL\", \"make email unique\", \"undo\". Commands: /spec (print the spec JSON),\n"
               "/plan (print the plan), /save FILE (write the spec), /help, /quit.\n";
}

}  // namespace

int Chat(const ChatOptions& o) {
  analyze::ChatState state;
  if (!o.specFile.empty()) {
    std::string text;
    if (!ReadInput("", o.specFile, text)) return kExitUsage;
    spec::LoadedSpec loaded = spec::LoadSpecText(text);
    if (!loaded.spec) {
      PrintError(o.specFile + " is not a valid AppSpec: " + loaded.issues.front().ToString());
      return kExitUsage;
    }
    state.spec = *loaded.spec;
  }
  const bool tty = ::isatty(0) && ::isatty(1);
  if (tty) {
    std::cout << "BackendForge chat. ";
    PrintHelp();
    if (state.spec) PrintSummary(*state.spec);
  }
  std::string line;
  while (true) {
    if (tty) std::cout << "you> " << std::flush;
    if (!std::getline(std::cin, line)) break;
    std::string msg = Trim(line);
    if (msg.empty()) continue;
    if (msg == "/quit" || msg == "/exit") break;
    if (msg == "/help") {
      PrintHelp();
      continue;
    }
    if (msg == "/spec" || msg == "/plan" || StartsWith(msg, "/save")) {
      if (!state.spec) {
        std::cout << "There is no spec yet: describe the backend first.\n";
        continue;
      }
      if (msg == "/spec") std::cout << spec::ToJson(*state.spec).dump(2) << "\n";
      if (msg == "/plan") std::cout << plan::RenderMarkdown(plan::MakePlan(*state.spec));
      if (StartsWith(msg, "/save")) {
        std::string path = Trim(msg.substr(5));
        if (path.empty()) {
          std::cout << "Usage: /save FILE\n";
        } else if (WriteText(path, spec::ToJson(*state.spec).dump(2) + "\n")) {
          std::cout << "saved " << path << "\n";
        }
      }
      continue;
    }
    // A message the readers trip over must not end the session or leave a half-applied edit: the
    // state goes back to what it was and the user is asked to rephrase.
    analyze::ChatReply reply;
    const analyze::ChatState before = state;
    try {
      reply = analyze::Chat(state, msg);
    } catch (const std::exception& e) {
      state = before;
      std::cout << "backendforge> I could not read that message (internal error: " << e.what()
                << "); nothing was changed. Please rephrase it.\n";
      continue;
    }
    std::cout << "backendforge> " << ReplaceAll(reply.text, "\n", "\n  ") << "\n";
    for (const auto& q : reply.questions) {
      std::cout << "  [" << q.id << "] " << q.text << " (" << Join(q.options, " / ") << "; default: " << q.defaultOption << ")\n";
    }
    if (state.spec && (reply.kind == analyze::ChatReply::kEdited || reply.kind == analyze::ChatReply::kPlanned ||
                       reply.kind == analyze::ChatReply::kUndone)) {
      PrintSummary(*state.spec);
    }
  }
  return kExitOk;
}

}  // namespace bf::cli
