#include "plan/mermaid_text.h"

#include <cstdint>

namespace bf::plan {
namespace {

bool IsFoldable(unsigned char c) { return c < 0x20 || c == 0x7f || c == ' '; }

// Number of bytes of the UTF-8 sequence starting with `lead` (1 for invalid leads).
size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0) return lead < 0xf0 ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

}  // namespace

std::string FoldWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (IsFoldable(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += ch;
  }
  return out;
}

std::string MermaidLabel(std::string_view text) {
  std::string folded = FoldWhitespace(text);
  if (folded.empty()) return "-";
  std::string out;
  out.reserve(folded.size() + 16);
  for (char ch : folded) {
    switch (ch) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case ';':
        out += "#59;";
        break;
      case '%':
        out += "#37;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '`':
        out += "#96;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string MermaidErComment(std::string_view text, size_t max_chars) {
  std::string folded = FoldWhitespace(text);
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < folded.size();) {
    size_t n = Utf8Length(static_cast<unsigned char>(folded[i]));
    if (i + n > folded.size()) break;
    if (chars == max_chars) {
      out += "...";
      break;
    }
    char c = folded[i];
    if (c == '\\' && i + 1 < folded.size() && folded[i + 1] == '"') {
      ++i;  // a JSON-escaped quote: drop the backslash, the quote becomes '
      continue;
    }
    if (n == 1) {
      out += (c == '"') ? '\'' : c;
    } else {
      out.append(folded, i, n);
    }
    i += n;
    ++chars;
  }
  return out;
}

namespace {

// Backslash-escapes inline markup characters; `<` becomes an entity so no HTML gets through.
void AppendEscaped(std::string& out, char c) {
  switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '|':
      out += '\\';
      out += c;
      break;
    case '<':
      out += "&lt;";
      break;
    default:
      out += c;
  }
}

}  // namespace

std::string MarkdownCell(std::string_view text) {
  std::string folded = FoldWhitespace(text);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) AppendEscaped(out, c);
  return out;
}

std::string MarkdownInline(std::string_view text) {
  std::string folded = FoldWhitespace(text);
  std::string out;
  out.reserve(folded.size() + 4);
  if (!folded.empty()) {
    char c = folded[0];
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=')
      out += '\\';  // * is escaped below
  }
  size_t digits = 0;
  while (digits < folded.size() && folded[digits] >= '0' && folded[digits] <= '9') ++digits;
  bool ordered =
      digits > 0 && digits < folded.size() && (folded[digits] == '.' || folded[digits] == ')');
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (ordered && i == digits) out += '\\';
    AppendEscaped(out, c);
  }
  return out;
}

}  // namespace bf::plan
