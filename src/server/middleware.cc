// The middleware chain, outermost first: request id + timing + metrics + access log + security
// headers; authentication and CSRF; rate limits. Each is a plain function over Request/Response.
#include <cctype>
#include <chrono>

#include "server/app.h"
#include "server/crypto.h"
#include "server/log.h"

namespace bf::server {

namespace {

bool SafeRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id) {
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

bool IsUnsafeMethod(const std::string& m) { return m != "GET" && m != "HEAD" && m != "OPTIONS"; }

void SecurityHeaders(const App& app, Response& r) {
  auto set_default = [&](const char* name, const char* value) {
    if (!r.headers.Has(name)) r.headers.Set(name, value);
  };
  set_default("X-Content-Type-Options", "nosniff");
  set_default("Referrer-Policy", "no-referrer");
  set_default("X-Frame-Options", "DENY");
  set_default("Cross-Origin-Opener-Policy", "same-origin");
  set_default("Cross-Origin-Resource-Policy", "same-origin");
  // API answers are data, never documents: nothing may load or frame them.
  set_default("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  set_default("Cache-Control", "no-store");
  if (app.config.tls()) set_default("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

// Request id, timing, metrics, access log and security headers around everything else.
Response Observe(App& app, Request& req, const Next& next) {
  auto start = std::chrono::steady_clock::now();
  std::string given = req.headers.Get("X-Request-Id");
  req.requestId = SafeRequestId(given) ? given : ToHex(RandomToken("", 9)).substr(0, 24);
  Response r = next(req);
  r.headers.Set("X-Request-Id", req.requestId);
  SecurityHeaders(app, r);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string route = req.route ? req.route->pattern : (r.status == 404 ? "(unmatched)" : "(static)");
  app.metrics.ObserveRequest(req.method, route, r.status, seconds);
  if (app.config.accessLog && log::Enabled(log::Level::kInfo)) {
    // The path only: query strings may carry tokens; no headers, no bodies.
    log::Info("request", {{"requestId", req.requestId},
                          {"method", req.method},
                          {"path", req.path},
                          {"route", route},
                          {"status", r.status},
                          {"ms", static_cast<int64_t>(seconds * 1e6) / 1000.0},
                          {"bytes", r.body.size()},
                          {"user", req.principal ? req.principal->userId : ""},
                          {"ip", req.remote}});
  }
  return r;
}

Response Authenticate(App& app, Request& req, const Next& next) {
  if (!req.route || !req.route->options.auth) return next(req);
  auto p = app.auth.Authenticate(req);
  if (!p) return ErrorResponse(req, p.error());
  // Browsers send cookies on their own, so a cookie-authenticated write must also carry the
  // CSRF token (double submit, bound to the access token's claim).
  if (p->via == Principal::Via::kCookie && IsUnsafeMethod(req.method)) {
    std::string header = req.headers.Get(kCsrfHeader);
    if (p->csrf.empty() || !ConstantTimeEquals(header, p->csrf)) {
      return Problem(403, "auth.csrf", "missing or wrong X-CSRF-Token header (copy it from the bf_csrf cookie)");
    }
  }
  req.principal = std::move(*p);
  return next(req);
}

Response Limit(App& app, Request& req, const Next& next) {
  if (!req.route || req.route->options.rateLimit.empty()) return next(req);
  const std::string& cls = req.route->options.rateLimit;
  RateLimiter::Decision d;
  if (cls == "auth") {
    d = app.authLimiter.Take(req.remote);
  } else {
    d = app.costlyLimiter.Take(req.principal ? req.principal->userId : req.remote);
  }
  if (d.allowed) return next(req);
  Response r = Problem(429, "rate_limited", "too many requests; retry in " + std::to_string(d.retryAfterSeconds) + " s");
  r.headers.Set("Retry-After", std::to_string(d.retryAfterSeconds));
  return r;
}

}  // namespace

void AddMiddleware(App& app) {
  app.router.Use([&app](Request& req, const Next& next) { return Observe(app, req, next); });
  app.router.Use([&app](Request& req, const Next& next) { return Authenticate(app, req, next); });
  app.router.Use([&app](Request& req, const Next& next) { return Limit(app, req, next); });
}

}  // namespace bf::server
