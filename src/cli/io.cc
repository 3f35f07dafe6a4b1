#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "common/strings.h"

namespace bf::cli {

void PrintError(const std::string& message) { std::cerr << "backendforge: error: " << message << "\n"; }

bool ReadInput(const std::string& text, const std::string& file, std::string& out) {
  if (!text.empty() && !file.empty()) {
    PrintError("give the description either as TEXT or with --file, not both");
    return false;
  }
  if (file == "-" || text == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      PrintError("cannot read " + Quote(file) + ": no such file or not readable");
      return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
  } else {
    out = text;
  }
  if (Trim(out).empty()) {
    PrintError("the input is empty; describe the backend as TEXT, with --file F, or pipe it with -");
    return false;
  }
  return true;
}

}  // namespace bf::cli
