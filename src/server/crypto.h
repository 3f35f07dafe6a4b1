// Small cryptographic helpers over OpenSSL and libsodium: encodings, hashes, HMAC, constant-time
// comparison and random tokens. All functions are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bf::server {

// Initialises libsodium once (safe to call many times and from many threads).
void InitCrypto();

std::string Base64UrlEncode(std::string_view bytes);  // no padding
// Strict: the URL-safe alphabet only, no padding, no whitespace; canonical trailing bits.
std::optional<std::string> Base64UrlDecode(std::string_view text);

std::string Sha256(std::string_view data);  // 32 raw bytes
std::string Sha256Hex(std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);  // 32 raw bytes
std::string ToHex(std::string_view bytes);

// Compares without an early exit (the time does not depend on where the inputs differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// `prefix` + base64url of `bytes` random bytes, e.g. RandomToken("rt_", 32).
std::string RandomToken(std::string_view prefix, size_t bytes);

}  // namespace bf::server
