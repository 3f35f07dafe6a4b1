// Structured logs: one JSON object per line on stderr ({"ts","level","msg",...fields}). User
// strings are escaped by nlohmann's dump(), so a log line is always valid JSON. Never pass
// secrets (passwords, tokens, cookies, Authorization headers) as fields. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace bf::server::log {

enum class Level { kDebug, kInfo, kWarn, kError, kOff };
Level ParseLevel(std::string_view s);  // unknown -> kInfo

// Sets the minimum level. Call once at start; logging before Init goes to stderr at info.
void Init(Level level);
bool Enabled(Level level);

void Write(Level level, std::string_view msg, const nlohmann::json& fields = nullptr);
inline void Debug(std::string_view m, const nlohmann::json& f = nullptr) { Write(Level::kDebug, m, f); }
inline void Info(std::string_view m, const nlohmann::json& f = nullptr) { Write(Level::kInfo, m, f); }
inline void Warn(std::string_view m, const nlohmann::json& f = nullptr) { Write(Level::kWarn, m, f); }
inline void Error(std::string_view m, const nlohmann::json& f = nullptr) { Write(Level::kError, m, f); }

}  // namespace bf::server::log
