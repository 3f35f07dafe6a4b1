#include "assets/embedded.h"

#include <algorithm>

namespace bf::assets {

std::optional<std::string_view> Find(std::span<const EmbeddedFile> bundle, std::string_view path) {
  auto it = std::lower_bound(bundle.begin(), bundle.end(), path,
                             [](const EmbeddedFile& f, std::string_view p) { return f.path < p; });
  if (it == bundle.end() || it->path != path) return std::nullopt;
  return it->data;
}

}  // namespace bf::assets
