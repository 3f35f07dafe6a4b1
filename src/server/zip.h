// A minimal ZIP writer (stored entries, no compression) with CRC-32. Output is deterministic:
// entries in the given order, a fixed timestamp (1980-01-01), no extra fields. Limits: fewer
// than 65,535 entries and 4 GiB in total (no ZIP64).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace bf::server {

uint32_t Crc32(std::string_view data, uint32_t crc = 0);

// `files` are (path, content) pairs; paths use '/' and must be relative.
Result<std::string> MakeZip(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace bf::server
