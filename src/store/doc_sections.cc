#include "store/doc_sections.h"

#include <cctype>
#include <set>
#include <string_view>

namespace bf::store {

namespace {

constexpr size_t kMaxQueryChars = 200;

bool IsWordByte(unsigned char ch) { return std::isalnum(ch) || ch >= 0x80; }

std::string TrimSpace(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// "## Title ##" -> {2, "Title"}; {0, ""} when the line is not an ATX heading.
std::pair<int, std::string> Heading(std::string_view line) {
  size_t indent = 0;
  while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
  size_t n = 0;
  while (indent + n < line.size() && line[indent + n] == '#') ++n;
  if (n == 0 || n > 6) return {0, ""};
  std::string_view rest = line.substr(indent + n);
  if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t') return {0, ""};
  std::string text = TrimSpace(rest);
  // A closing run of '#' preceded by a space is not part of the title.
  size_t end = text.find_last_not_of('#');
  if (end == std::string::npos) {
    text.clear();
  } else if (end + 1 < text.size() && (text[end] == ' ' || text[end] == '\t')) {
    text = TrimSpace(text.substr(0, end));
  }
  return {static_cast<int>(n), text};
}

bool IsFence(std::string_view line) {
  std::string t = TrimSpace(line);
  return t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0;
}

// Quotes one term for FTS5: inside "..." only a doubled quote is special, and terms never hold one.
std::string Quoted(const std::string& words, bool prefix) { return "\"" + words + "\"" + (prefix ? "*" : ""); }

// The words of `text` (runs of letters and digits) joined by one space.
std::string Words(std::string_view text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += word;
    word.clear();
  };
  for (unsigned char ch : text) {
    if (IsWordByte(ch)) {
      word += static_cast<char>(ch);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

std::string HeadingSlug(const std::string& heading) {
  std::string slug;
  for (unsigned char ch : heading) {
    if (std::isalnum(ch)) {
      slug += static_cast<char>(std::tolower(ch));
    } else if (ch >= 0x80 || ch == '_' || ch == '-') {
      slug += static_cast<char>(ch);
    } else if (ch == ' ' || ch == '\t') {
      slug += '-';
    }
  }
  return slug.empty() ? "section" : slug;
}

std::vector<DocSection> SplitSections(const std::string& path, const std::string& markdown) {
  std::vector<DocSection> out;
  std::set<std::string> used;
  DocSection cur;
  cur.title = path;
  std::string cur_slug = "top";
  bool fenced = false;
  auto finish = [&] {
    bool blank = TrimSpace(cur.body).empty();
    if (cur.level == 0 && blank) return;  // no text before the first heading
    std::string slug = cur_slug;
    for (int i = 1; used.count(slug); ++i) slug = cur_slug + "-" + std::to_string(i);
    used.insert(slug);
    cur.id = path + "#" + slug;
    cur.path = path;
    cur.position = static_cast<int>(out.size());
    while (!cur.body.empty() && (cur.body.back() == '\n' || cur.body.back() == ' ')) cur.body.pop_back();
    size_t lead = cur.body.find_first_not_of('\n');
    cur.body = lead == std::string::npos ? "" : cur.body.substr(lead);
    out.push_back(std::move(cur));
  };
  size_t start = 0;
  while (start <= markdown.size()) {
    size_t nl = markdown.find('\n', start);
    std::string_view line(markdown.data() + start, (nl == std::string::npos ? markdown.size() : nl) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto [level, title] = fenced ? std::pair<int, std::string>{0, ""} : Heading(line);
    if (level > 0) {
      finish();
      cur = DocSection{};
      cur.level = level;
      cur.title = title;
      cur_slug = HeadingSlug(title);
    } else {
      if (IsFence(line)) fenced = !fenced;
      cur.body.append(line);
      cur.body += '\n';
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  finish();
  return out;
}

Result<std::string> DocSearchQuery(const std::string& text) {
  if (text.size() > kMaxQueryChars) {
    return MakeError("store.bad_query", "the search is too long: at most " + std::to_string(kMaxQueryChars) +
                                            " characters");
  }
  std::vector<std::string> terms;  // quoted FTS5 strings, or "OR"
  size_t i = 0;
  while (i < text.size()) {
    unsigned char ch = text[i];
    if (ch == '"') {
      size_t close = text.find('"', i + 1);
      if (close == std::string::npos) {
        return MakeError("store.bad_query",
                         "the search has an unclosed quote: end the phrase with \" or remove the quote");
      }
      std::string phrase = Words(std::string_view(text).substr(i + 1, close - i - 1));
      if (!phrase.empty()) terms.push_back(Quoted(phrase, false));
      i = close + 1;
    } else if (IsWordByte(ch)) {
      size_t j = i;
      while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
      std::string word = text.substr(i, j - i);
      bool prefix = j < text.size() && text[j] == '*';
      if (word == "OR" && !prefix) {
        if (!terms.empty() && terms.back() != "OR") terms.push_back("OR");
      } else {
        terms.push_back(Quoted(word, prefix));
      }
      i = prefix ? j + 1 : j;
    } else {
      ++i;  // punctuation and FTS5 operators separate words and mean nothing else
    }
  }
  if (!terms.empty() && terms.back() == "OR") terms.pop_back();
  if (terms.empty()) {
    return MakeError("store.bad_query", "the search has no words to look for: use letters or digits");
  }
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

}  // namespace bf::store
