#include "verify/jwt.h"

#include "common/strings.h"

namespace bf::verify {

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int Index(char c) {
  size_t i = kAlphabet.find(c);
  if (c == '+') return 62;  // tolerate standard base64 too
  if (c == '/') return 63;
  return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

std::string Part(const nlohmann::json& j) { return Base64UrlEncode(j.dump()); }

}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3F];
  return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = Index(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

std::optional<DecodedJwt> DecodeJwt(std::string_view token) {
  std::vector<std::string> parts = Split(token, '.');
  if (parts.size() != 3) return std::nullopt;
  auto header = Base64UrlDecode(parts[0]);
  auto payload = Base64UrlDecode(parts[1]);
  if (!header || !payload) return std::nullopt;
  DecodedJwt out;
  out.header = nlohmann::json::parse(*header, nullptr, false);
  out.payload = nlohmann::json::parse(*payload, nullptr, false);
  if (!out.header.is_object() || !out.payload.is_object()) return std::nullopt;
  out.signature = parts[2];
  return out;
}

std::vector<ForgedToken> ForgeInvalidTokens(std::string_view valid, std::string_view admin_role) {
  auto jwt = DecodeJwt(valid);
  if (!jwt) return {};
  std::vector<std::string> parts = Split(valid, '.');
  std::vector<ForgedToken> out;
  for (const char* alg : {"none", "None", "NONE"}) {
    nlohmann::json h = jwt->header;
    h["alg"] = alg;
    out.push_back({"none", std::string("alg \"") + alg + "\" without signature",
                   Part(h) + "." + parts[1] + "."});
  }
  nlohmann::json none = jwt->header;
  none["alg"] = "none";
  out.push_back({"none", "alg \"none\" keeping the original signature",
                 Part(none) + "." + parts[1] + "." + parts[2]});

  nlohmann::json raised = jwt->payload;
  raised["role"] = admin_role;
  out.push_back({"tampered",
                 "role claim changed to \"" + std::string(admin_role) + "\" (signature kept)",
                 parts[0] + "." + Part(raised) + "." + parts[2]});
  nlohmann::json other = jwt->payload;
  other["sub"] = "00000000-0000-4000-8000-000000000000";
  out.push_back({"tampered", "sub claim changed (signature kept)",
                 parts[0] + "." + Part(other) + "." + parts[2]});
  nlohmann::json expired = jwt->payload;
  expired["exp"] = 1000000000;  // 2001-09-09
  expired["iat"] = 999999000;
  out.push_back({"expired", "exp in the past (signature kept)",
                 parts[0] + "." + Part(expired) + "." + parts[2]});

  std::string foreign = Base64UrlEncode(std::string(32, '\x5a'));
  out.push_back(
      {"tampered", "signature from another key", parts[0] + "." + parts[1] + "." + foreign});
  std::string truncated = parts[2].size() > 4 ? parts[2].substr(0, parts[2].size() - 4) : "";
  out.push_back({"tampered", "truncated signature", parts[0] + "." + parts[1] + "." + truncated});
  nlohmann::json hs512 = jwt->header;
  hs512["alg"] = "HS512";
  out.push_back({"tampered", "alg changed to HS512 (signature kept)",
                 Part(hs512) + "." + parts[1] + "." + parts[2]});
  return out;
}

std::vector<ForgedToken> MalformedAuthorizations() {
  return {{"malformed", "not a JWT", "Bearer not-a-token"},
          {"malformed", "three garbage parts", "Bearer aaa.bbb.ccc"},
          {"malformed", "empty bearer", "Bearer "},
          {"malformed", "wrong scheme", "Basic dXNlcjpwYXNzd29yZA=="},
          {"malformed", "JSON in place of a token", "Bearer {\"sub\":\"admin\"}"}};
}

}  // namespace bf::verify
