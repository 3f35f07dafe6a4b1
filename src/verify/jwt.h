// Reading JWT access tokens and forging invalid variants of one, to check that a backend
// rejects them. Verify never knows the signing secret: every forged token must fail.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bf::verify {

std::string Base64UrlEncode(std::string_view bytes);
// Accepts padded or unpadded input; nullopt for characters outside the URL-safe alphabet.
std::optional<std::string> Base64UrlDecode(std::string_view text);

struct DecodedJwt {
  nlohmann::json header;
  nlohmann::json payload;
  std::string signature;  // the third part as sent (base64url)
};
// Splits and decodes a compact JWS; nullopt when it is not three base64url JSON parts.
std::optional<DecodedJwt> DecodeJwt(std::string_view token);

// A token a correct backend must refuse, with what was done to it.
struct ForgedToken {
  std::string kind;  // "none", "tampered" or "expired"
  std::string name;  // what was done: "alg \"none\" without signature", ...
  std::string token;
};
// Invalid variants of a valid HS256 token: `alg: none` (three spellings, with and without a
// signature), the role claim raised to `admin_role`, `exp` in the past, a foreign signature,
// a truncated signature. Empty when `valid` is not a decodable JWT.
std::vector<ForgedToken> ForgeInvalidTokens(std::string_view valid, std::string_view admin_role);

// Tokens that are not JWTs at all, as Authorization header values.
std::vector<ForgedToken> MalformedAuthorizations();

}  // namespace bf::verify
