// The web UI: files of the built React app (index.html + hashed assets) from a folder, with
// content types and caching headers; any non-API path without a file gets index.html (client-side
// routing). Without a build, a small built-in page says how to build the UI.
#pragma once

#include <filesystem>
#include <string>

#include "server/http.h"

namespace bf::server {

class StaticUi {
 public:
  // `dir` may be empty or missing: then the built-in page is served.
  explicit StaticUi(std::filesystem::path dir);
  Response Serve(const Request& req) const;
  bool built() const { return built_; }
  const std::filesystem::path& dir() const { return dir_; }

  static std::string ContentType(const std::string& path);

 private:
  std::filesystem::path dir_;
  bool built_ = false;
};

// The Content-Security-Policy of UI pages.
inline constexpr const char* kUiCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'none'; "
    "base-uri 'self'; form-action 'self'; object-src 'none'";

}  // namespace bf::server
