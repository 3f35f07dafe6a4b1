// The reverse proxy of /preview/{projectId}/... to a running preview, as two pure conversions
// (no sockets here): the client's request to the request sent to 127.0.0.1:<port>, and the
// preview's answer to the response sent back. Rules (docs/API.md, "Live preview"):
//  - method, path below the prefix, query and body are forwarded as they are;
//  - BackendForge's own credentials never reach the preview: Cookie, Authorization and
//    X-CSRF-Token are dropped; the preview's own token travels as X-Preview-Authorization and
//    is forwarded as Authorization;
//  - hop-by-hop and framing headers are the proxy's own business (dropped both ways);
//  - the answer cannot set cookies on BackendForge's origin (Set-Cookie dropped) and is served
//    as an inert, sandboxed document (Content-Security-Policy: sandbox), so a page of the
//    preview cannot script BackendForge.
#pragma once

#include <string>
#include <string_view>

#include "server/http.h"
#include "verify/http_client.h"

namespace bf::server {

inline constexpr char kPreviewAuthorizationHeader[] = "X-Preview-Authorization";
inline constexpr char kPreviewCsp[] = "sandbox; default-src 'none'; frame-ancestors 'none'";

// The path prefix of the reverse proxy to a running preview: the routes (handlers_preview.cc) are
// built from it, and IsPreviewPath reads it.
inline constexpr std::string_view kPreviewPrefix = "/preview";

// Whether a request path is proxied to a preview (/preview and everything below it). The net
// layer runs these requests on threads of their own, since they wait on the generated app.
inline bool IsPreviewPath(std::string_view path) {
  return path.starts_with(kPreviewPrefix) &&
         (path.size() == kPreviewPrefix.size() || path[kPreviewPrefix.size()] == '/');
}

// `req.path` is /preview/{projectId}/... (still percent-encoded, forwarded byte for byte).
verify::HttpRequest UpstreamRequest(const Request& req);
Response DownstreamResponse(const verify::HttpResponse& upstream);

}  // namespace bf::server
