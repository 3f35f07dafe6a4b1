#include "verify/expect.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/strings.h"

namespace bf::verify {

namespace {

std::string Got(const Exchange& ex) {
  if (!ex.response) return "no response: " + ex.transportError;
  return "got " + std::to_string(ex.response->status);
}

bool Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int Num(std::string_view s, size_t at, size_t n) {
  return std::atoi(std::string(s.substr(at, n)).c_str());
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool ValidDay(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool PathNames(const std::string& path, const std::string& field) {
  if (path == field) return true;
  // Split on the separators JSON Pointer, dotted and bracketed paths use.
  std::string token;
  for (char c : path + ".") {
    if (c == '.' || c == '/' || c == '[' || c == ']') {
      if (token == field) return true;
      token.clear();
    } else {
      token += c;
    }
  }
  return false;
}

}  // namespace

Failure ExpectStatus(const Exchange& ex, int status, const std::string& expected) {
  if (!ex.response) return Fail("no response: " + ex.transportError, expected, ex);
  if (ex.response->status != status) {
    std::string hint;
    if (status == 422 && ex.response->status == 400) {
      hint =
          " (the contract answers 400 only for JSON or query strings that do not parse; invalid, "
          "unknown or "
          "non-writable properties are 422)";
    }
    return Fail(Got(ex) + " instead of " + std::to_string(status) + hint, expected, ex);
  }
  return std::nullopt;
}

Failure ExpectMethodNotAllowedFailure(const Exchange& ex, const std::string& method,
                                      const std::string& why) {
  std::string expected = "405 problem with an Allow header without " + method + " (" + why + ")";
  if (auto f = ExpectProblem(ex, 405, expected)) return f;
  std::string allow = ex.response->Header("allow");
  if (allow.empty()) return Fail("no Allow header", expected, ex);
  for (const auto& m : Split(allow, ',')) {
    if (Trim(m) == method)
      return Fail("Allow lists " + method + " itself: \"" + allow + "\"", expected, ex);
  }
  return std::nullopt;
}

Outcome ExpectMethodNotAllowed(const Exchange& ex, const std::string& method,
                               const std::string& why) {
  if (auto f = ExpectMethodNotAllowedFailure(ex, method, why)) return *f;
  return Pass();
}

Failure RefusedWith400(const Exchange& ex, const std::string& property,
                       const std::string& expected) {
  if (!ex.response || ex.response->status != 400) return std::nullopt;
  return Fail("refused with 400: " + property +
                  " was not applied, but the contract answers 422 for a property "
                  "that is unknown or not writable (400 is for JSON that does not parse)",
              expected, ex);
}

Failure ExpectProblem(const Exchange& ex, int status, const std::string& expected) {
  if (auto f = ExpectStatus(ex, status, expected)) return f;
  const HttpResponse& r = *ex.response;
  if (r.MediaType() != "application/problem+json") {
    return Fail("error answered with Content-Type \"" + r.Header("content-type") +
                    "\" instead of application/problem+json (RFC 9457)",
                expected, ex);
  }
  nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
  if (!body.is_object()) return Fail("the problem body is not a JSON object", expected, ex);
  if (!body.contains("status") || !body["status"].is_number_integer() ||
      body["status"].get<int>() != status) {
    return Fail("the problem's \"status\" is " +
                    (body.contains("status") ? body["status"].dump() : std::string("missing")) +
                    ", not the HTTP status " + std::to_string(status),
                expected, ex);
  }
  for (const char* key : {"title", "type"}) {
    if (!body.contains(key) || !body[key].is_string()) {
      return Fail(std::string("the problem has no \"") + key + "\" string", expected, ex);
    }
  }
  for (const char* trace : {"\n    at ", "\\n    at ", "Traceback (most recent call last)",
                            "at java.", ".java:", "panic("}) {
    if (r.body.find(trace) != std::string::npos)
      return Fail("the error body contains a stack trace", expected, ex);
  }
  return std::nullopt;
}

Failure ExpectFieldError(const Exchange& ex, const std::string& field,
                         const std::string& expected) {
  nlohmann::json body = nlohmann::json::parse(ex.response ? ex.response->body : "", nullptr, false);
  if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array() ||
      body["errors"].empty()) {
    return Fail("the problem has no \"errors\" list naming the invalid field", expected, ex);
  }
  std::vector<std::string> paths;
  for (const auto& e : body["errors"]) {
    if (!e.is_object() || !e.contains("path") || !e["path"].is_string() || !e.contains("message") ||
        !e["message"].is_string()) {
      return Fail(
          "an entry of \"errors\" is not {\"path\": string, \"message\": string}: " + e.dump(),
          expected, ex);
    }
    std::string path = e["path"].get<std::string>();
    if (PathNames(path, field)) return std::nullopt;
    paths.push_back(Quote(path));
  }
  return Fail("\"errors\" does not name " + field + " (paths: " + Join(paths, ", ") + ")", expected,
              ex);
}

Failure ExpectJson(const Exchange& ex, const std::string& expected, nlohmann::json& out,
                   bool object) {
  if (!ex.response) return Fail("no response: " + ex.transportError, expected, ex);
  std::string type = ex.response->MediaType();
  if (type != "application/json" && !EndsWith(type, "+json")) {
    return Fail(
        "Content-Type is \"" + ex.response->Header("content-type") + "\", not application/json",
        expected, ex);
  }
  out = nlohmann::json::parse(ex.response->body, nullptr, false);
  if (out.is_discarded()) return Fail("the body is not valid JSON", expected, ex);
  if (object && !out.is_object()) return Fail("the body is not a JSON object", expected, ex);
  return std::nullopt;
}

Failure ExpectPage(const Exchange& ex, int page, int limit, const std::string& expected,
                   nlohmann::json& out) {
  if (auto f = ExpectStatus(ex, 200, expected)) return f;
  if (auto f = ExpectJson(ex, expected, out)) return f;
  if (!out.contains("data") || !out["data"].is_array())
    return Fail("no \"data\" array in the page", expected, ex);
  for (const char* key : {"page", "limit", "total"}) {
    if (!out.contains(key) || !out[key].is_number_integer()) {
      return Fail(std::string("no integer \"") + key + "\" in the page", expected, ex);
    }
  }
  if (out["page"].get<int64_t>() != page) {
    return Fail("\"page\" is " + out["page"].dump() + ", not the requested " + std::to_string(page),
                expected, ex);
  }
  if (out["limit"].get<int64_t>() != limit) {
    return Fail(
        "\"limit\" is " + out["limit"].dump() + ", not the requested " + std::to_string(limit),
        expected, ex);
  }
  if (static_cast<int64_t>(out["data"].size()) > limit) {
    return Fail(
        std::to_string(out["data"].size()) + " records on a page of limit " + std::to_string(limit),
        expected, ex);
  }
  for (const auto& item : out["data"]) {
    if (!item.is_object()) return Fail("an item of \"data\" is not an object", expected, ex);
  }
  return std::nullopt;
}

std::string StrOf(const nlohmann::json& j, const std::string& key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::optional<int64_t> ParseInstant(std::string_view s) {
  // YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|+HH:MM|-HH:MM)
  if (!Digits(s, 0, 4) || s.size() < 17 || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' ||
      !Digits(s, 8, 2) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !Digits(s, 11, 2) ||
      s[13] != ':' || !Digits(s, 14, 2)) {
    return std::nullopt;
  }
  int y = Num(s, 0, 4), mo = Num(s, 5, 2), d = Num(s, 8, 2), h = Num(s, 11, 2), mi = Num(s, 14, 2),
      sec = 0;
  if (!ValidDay(y, mo, d) || h > 23 || mi > 59) return std::nullopt;
  size_t i = 16;
  int64_t ms = 0;
  if (i < s.size() && s[i] == ':') {
    if (!Digits(s, i + 1, 2)) return std::nullopt;
    sec = Num(s, i + 1, 2);
    if (sec > 60) return std::nullopt;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      size_t start = ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == start) return std::nullopt;
      std::string frac(s.substr(start, std::min<size_t>(3, i - start)));
      while (frac.size() < 3) frac += '0';
      ms = std::atoi(frac.c_str());
    }
  }
  int64_t offset_min = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-') && Digits(s, i + 1, 2) &&
             i + 3 < s.size() && s[i + 3] == ':' && Digits(s, i + 4, 2)) {
    offset_min = (Num(s, i + 1, 2) * 60 + Num(s, i + 4, 2)) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 24 + h) * 60 + mi - offset_min) * 60000 + sec * 1000 + ms;
}

bool IsUtcInstant(std::string_view s) {
  return ParseInstant(s) && (EndsWith(s, "Z") || EndsWith(s, "z") || EndsWith(s, "+00:00"));
}

bool IsDate(std::string_view s) {
  return s.size() == 10 && Digits(s, 0, 4) && s[4] == '-' && Digits(s, 5, 2) && s[7] == '-' &&
         Digits(s, 8, 2) && ValidDay(Num(s, 0, 4), Num(s, 5, 2), Num(s, 8, 2));
}

bool SameValue(const spec::Field* f, const nlohmann::json& sent, const nlohmann::json& got) {
  if (sent.is_null() || got.is_null()) return sent.is_null() && got.is_null();
  if (!f) {
    if (sent.is_array() && got.is_array()) {
      if (sent.size() != got.size()) return false;
      for (const auto& v : sent) {
        if (std::find(got.begin(), got.end(), v) == got.end()) return false;
      }
      return true;
    }
    return sent == got;
  }
  using spec::FieldType;
  switch (f->type) {
    case FieldType::kDateTime: {
      if (!sent.is_string() || !got.is_string()) return false;
      auto a = ParseInstant(sent.get<std::string>()), b = ParseInstant(got.get<std::string>());
      return a && b && *a == *b;
    }
    case FieldType::kEmail:
    case FieldType::kUuid:
      return sent.is_string() && got.is_string() &&
             ToLower(sent.get<std::string>()) == ToLower(got.get<std::string>());
    case FieldType::kInteger:
    case FieldType::kNumber: {
      if (!sent.is_number() || !got.is_number()) return false;
      double a = sent.get<double>(), b = got.get<double>();
      return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
    }
    default:
      return sent == got;
  }
}

std::string LeakedSecret(const nlohmann::json& j, const std::string& path) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      std::string key = ToLower(k);
      std::string here = path.empty() ? k : path + "." + k;
      if (key.find("password") != std::string::npos || key.find("hash") != std::string::npos ||
          key.find("salt") != std::string::npos) {
        return here;
      }
      std::string inner = LeakedSecret(v, here);
      if (!inner.empty()) return inner;
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      std::string inner = LeakedSecret(j[i], path + "[" + std::to_string(i) + "]");
      if (!inner.empty()) return inner;
    }
  } else if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    if (StartsWith(s, "$argon2") || StartsWith(s, "$2a$") || StartsWith(s, "$2b$") ||
        StartsWith(s, "$2y$") || StartsWith(s, "$scrypt$") || StartsWith(s, "pbkdf2")) {
      return path;
    }
  }
  return "";
}

std::string UrlEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string QueryValue(const nlohmann::json& v) {
  if (v.is_string()) return UrlEncode(v.get<std::string>());
  return UrlEncode(v.dump());
}

std::string A(const std::string& name) {
  bool vowel =
      !name.empty() && std::string_view("AEIOUaeiou").find(name[0]) != std::string_view::npos;
  std::string lower = ToLower(name);
  for (const char* sounds_like_you :
       {"uni", "use", "usa", "usu", "uti", "ure", "uro", "eu", "one"}) {
    if (StartsWith(lower, sounds_like_you)) vowel = false;
  }
  return (vowel ? "an " : "a ") + name;
}

std::string Compact(const nlohmann::json& j, size_t max) {
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (s.size() > max) s = s.substr(0, max) + "…";
  return s;
}

}  // namespace bf::verify
