#include "server/zip.h"

#include <array>

namespace bf::server {

namespace {

const std::array<uint32_t, 256>& CrcTable() {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  return table;
}

void Put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>((v >> 8) & 0xff);
}
void Put32(std::string& out, uint32_t v) {
  Put16(out, v & 0xffff);
  Put16(out, v >> 16);
}

constexpr uint32_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint32_t kDosTime = 0;
constexpr uint32_t kUtf8Flag = 1u << 11;

}  // namespace

uint32_t Crc32(std::string_view data, uint32_t crc) {
  crc = ~crc;
  for (unsigned char c : data) crc = CrcTable()[(crc ^ c) & 0xff] ^ (crc >> 8);
  return ~crc;
}

Result<std::string> MakeZip(const std::vector<std::pair<std::string, std::string>>& files) {
  if (files.size() >= 0xffff) return MakeError("zip.too_many", "too many files for a zip archive");
  std::string out, central;
  for (const auto& [path, content] : files) {
    if (path.empty() || path.front() == '/' || path.size() > 0xffff) return MakeError("zip.path", "bad path in zip: " + path);
    if (out.size() + content.size() + path.size() + 64 > 0xffffffffu) return MakeError("zip.too_large", "the archive would exceed 4 GiB");
    uint32_t crc = Crc32(content);
    auto offset = static_cast<uint32_t>(out.size());
    auto size = static_cast<uint32_t>(content.size());
    // Local file header.
    Put32(out, 0x04034b50);
    Put16(out, 20);  // version needed
    Put16(out, kUtf8Flag);
    Put16(out, 0);  // stored
    Put16(out, kDosTime);
    Put16(out, kDosDate);
    Put32(out, crc);
    Put32(out, size);
    Put32(out, size);
    Put16(out, static_cast<uint32_t>(path.size()));
    Put16(out, 0);
    out += path;
    out += content;
    // Central directory entry.
    Put32(central, 0x02014b50);
    Put16(central, (3 << 8) | 20);  // made by: Unix, 2.0
    Put16(central, 20);
    Put16(central, kUtf8Flag);
    Put16(central, 0);
    Put16(central, kDosTime);
    Put16(central, kDosDate);
    Put32(central, crc);
    Put32(central, size);
    Put32(central, size);
    Put16(central, static_cast<uint32_t>(path.size()));
    Put16(central, 0);  // extra
    Put16(central, 0);  // comment
    Put16(central, 0);  // disk
    Put16(central, 0);  // internal attributes
    Put32(central, 0100644u << 16);  // external: regular file, rw-r--r--
    Put32(central, offset);
    central += path;
  }
  auto cd_offset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(out, 0x06054b50);
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<uint32_t>(files.size()));
  Put16(out, static_cast<uint32_t>(files.size()));
  Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, cd_offset);
  Put16(out, 0);
  return out;
}

}  // namespace bf::server
