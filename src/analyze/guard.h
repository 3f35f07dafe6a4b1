// Safety guards applied before any extraction:
//  - Sanitize: the description is data, never instructions. Spans addressed to an AI (HTML
//    comments, "ignore previous instructions", "print your system prompt", SQL payloads, requests
//    for backdoor entities) are removed so they cannot reach names or any output.
//  - CheckEthics: refuses clearly harmful systems (credential phishing, stalkerware, malware and
//    botnet C2, non-consensual harvesting and resale of personal data, ...) while letting
//    legitimate security and monitoring products through.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bf::analyze {

struct Sanitized {
  std::string text;       // the description with instruction-like spans removed
  int removedSpans = 0;   // how many spans were dropped (reported as an assumption, never echoed)
};
Sanitized Sanitize(std::string_view description);

struct EthicsVerdict {
  bool refuse = false;
  std::string category;  // "phishing", "stalkerware", "malware", "data_harvesting", ...
  std::string reason;    // one short sentence for the user (fixed text, never quotes the input)
};
EthicsVerdict CheckEthics(std::string_view sanitized_description);

// The reason shown for a refusal category (a phrase rule's or a class of the learned refusal
// model): fixed text that never quotes the input; a generic sentence for an unknown category.
std::string RefusalReason(std::string_view category);

// Which cue lists of CheckEthics a description touches ("c:stalkerware.covert", "c:conceal2" when two
// or more cues of a list occur): features of the learned refusal model (guard_model.h).
std::vector<std::string> EthicsCueFeatures(std::string_view sanitized_description);

}  // namespace bf::analyze
