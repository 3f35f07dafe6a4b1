#include "server/static_ui.h"

#include <fstream>
#include <sstream>

#include "common/strings.h"

namespace bf::server {

namespace fs = std::filesystem;

namespace {

constexpr const char* kNotBuiltPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BackendForge</title>
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style></head>
<body><h1>BackendForge is running</h1>
<p>The web UI is not built into this server. Build it with <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>
and restart, or point <code>BACKENDFORGE_UI_DIR</code> at a built UI.</p>
<p>The API is live: see <a href="/api/openapi.json">/api/openapi.json</a>, <a href="/health">/health</a> and
<a href="/metrics">/metrics</a>.</p></body></html>
)";

bool ReadFile(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

}  // namespace

StaticUi::StaticUi(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  built_ = !dir_.empty() && fs::is_regular_file(dir_ / "index.html", ec);
  if (built_) dir_ = fs::canonical(dir_, ec);
}

std::string StaticUi::ContentType(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".map", "application/json"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
      {".webp", "image/webp"}, {".ico", "image/x-icon"}, {".woff", "font/woff"}, {".woff2", "font/woff2"},
      {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"}, {".wasm", "application/wasm"},
      {".webmanifest", "application/manifest+json"}};
  std::string lower = ToLower(path);
  for (const auto& [ext, type] : kTypes) {
    if (EndsWith(lower, ext)) return type;
  }
  return "application/octet-stream";
}

Response StaticUi::Serve(const Request& req) const {
  if (!built_) {
    Response r = Text(200, kNotBuiltPage, "text/html; charset=utf-8");
    r.headers.Set("Cache-Control", "no-cache");
    r.headers.Set("Content-Security-Policy", kUiCsp);
    return r;
  }
  auto decoded = PercentDecode(req.path, false);
  std::string rel = decoded ? decoded->substr(1) : std::string();
  bool safe = decoded && rel.find("..") == std::string::npos && rel.find('\\') == std::string::npos;
  if (safe && !rel.empty()) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(dir_ / rel, ec);
    auto [a, b] = std::mismatch(dir_.begin(), dir_.end(), p.begin(), p.end());
    std::string body;
    if (!ec && a == dir_.end() && fs::is_regular_file(p, ec) && ReadFile(p, body)) {
      Response r = Text(200, std::move(body), ContentType(p.string()));
      // Vite puts content hashes in names under assets/: those never change.
      bool hashed = rel.rfind("assets/", 0) == 0;
      r.headers.Set("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      if (EndsWith(rel, ".html")) r.headers.Set("Content-Security-Policy", kUiCsp);
      return r;
    }
    // A missing file that looks like an asset is a 404, not the app shell.
    if (rel.rfind("assets/", 0) == 0 || rel.find('.') != std::string::npos) {
      return Problem(404, "request.not_found", "no such file: /" + rel);
    }
  }
  std::string index;
  if (!ReadFile(dir_ / "index.html", index)) return Problem(404, "request.not_found", "the UI has no index.html");
  Response r = Text(200, std::move(index), "text/html; charset=utf-8");
  r.headers.Set("Cache-Control", "no-cache");
  r.headers.Set("Content-Security-Policy", kUiCsp);
  return r;
}

}  // namespace bf::server
