#include "server/preview_proxy.h"

#include <array>
#include <string_view>

namespace bf::server {

namespace {

// Hop-by-hop headers (RFC 9110 §7.6.1) and those the client library or the net layer computes.
constexpr std::array<std::string_view, 11> kHopByHop = {"connection", "keep-alive", "proxy-connection", "te", "trailer",
                                                        "transfer-encoding", "upgrade", "proxy-authorization",
                                                        "proxy-authenticate", "content-length", "host"};

bool IsHopByHop(std::string_view name) {
  for (auto h : kHopByHop) {
    if (EqualsIgnoreCase(name, h)) return true;
  }
  return false;
}

// The path below /preview/{projectId}, still encoded as the client sent it ("/" when empty).
std::string PathBelowPrefix(const std::string& path) {
  size_t id_start = path.find('/', 1);  // after "/preview"
  size_t rest = id_start == std::string::npos ? std::string::npos : path.find('/', id_start + 1);
  return rest == std::string::npos ? "/" : path.substr(rest);
}

}  // namespace

verify::HttpRequest UpstreamRequest(const Request& req) {
  verify::HttpRequest up;
  up.method = req.method;
  up.target = PathBelowPrefix(req.path);
  if (!req.query.empty()) up.target += "?" + req.query;
  for (const auto& [name, value] : req.headers.fields()) {
    if (IsHopByHop(name) || EqualsIgnoreCase(name, "cookie") || EqualsIgnoreCase(name, "authorization") ||
        EqualsIgnoreCase(name, "x-csrf-token") || EqualsIgnoreCase(name, kPreviewAuthorizationHeader)) {
      continue;
    }
    up.headers.push_back({name, value});
  }
  std::string preview_auth = req.headers.Get(kPreviewAuthorizationHeader);
  if (!preview_auth.empty()) up.headers.push_back({"Authorization", preview_auth});
  if (!req.remote.empty()) up.headers.push_back({"X-Forwarded-For", req.remote});
  up.headers.push_back({"X-Forwarded-Proto", req.tls ? "https" : "http"});
  if (req.method != "GET" && req.method != "HEAD") up.body = req.body;
  return up;
}

Response DownstreamResponse(const verify::HttpResponse& upstream) {
  Response r;
  r.status = upstream.status;
  for (const auto& h : upstream.headers) {
    if (IsHopByHop(h.name) || EqualsIgnoreCase(h.name, "set-cookie") || EqualsIgnoreCase(h.name, "content-security-policy")) {
      continue;
    }
    r.headers.Add(h.name, h.value);
  }
  r.headers.Set("Content-Security-Policy", kPreviewCsp);
  r.body = upstream.body;
  return r;
}

}  // namespace bf::server
