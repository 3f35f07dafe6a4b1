// A small router: method + path pattern -> handler, with path parameters and a middleware chain
// that every request (matched or not) passes through. Built once at start, then read-only and
// safe to use from many threads.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "server/http.h"

namespace bf::server {

inline constexpr size_t kDefaultBodyLimit = 1 << 20;  // 1 MiB

struct RouteOptions {
  bool auth = true;         // a verified principal is required (401 otherwise)
  std::string rateLimit;    // rate-limit class applied per user or per IP; empty = none
  size_t maxBody = kDefaultBodyLimit;
};

struct RouteInfo {
  std::string method;   // GET, POST, PUT, PATCH, DELETE
  std::string pattern;  // "/api/projects/{pid}/files/{path+}"
  RouteOptions options;
};

using Handler = std::function<Response(Request&)>;
using Next = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Next&)>;

class Router {
 public:
  // Patterns: literal segments, `{name}` (one non-empty segment) and, last only, `{name+}` (the
  // rest of the path, one or more segments). Where two patterns match, the one with more literal
  // segments wins.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  // Middleware runs in the order added, outermost first, around the matched handler.
  void Use(Middleware middleware);
  // Answers GET/HEAD requests outside /api that match no route (the static UI).
  void SetFallback(Handler handler);

  // Finds the route (HEAD matches GET) and fills `params` with decoded path parameters.
  // Returns null when nothing matches; `path_matched` tells whether another method would match.
  const RouteInfo* Match(std::string_view method, std::string_view path, std::map<std::string, std::string>* params,
                         std::vector<std::string>* allowed = nullptr) const;

  // Runs the middleware chain and the handler (or the 404/405 answer).
  Response Handle(Request& req) const;

  std::vector<RouteInfo> routes() const;

 private:
  struct Segment {
    std::string text;
    enum class Kind { kLiteral, kParam, kRest } kind = Kind::kLiteral;
  };
  struct Route {
    RouteInfo info;
    std::vector<Segment> segments;
    int literals = 0;
    Handler handler;
  };
  static bool MatchRoute(const Route& r, const std::vector<std::string_view>& parts,
                         std::map<std::string, std::string>* params);
  Response Terminal(Request& req) const;

  std::vector<Route> routes_;
  std::vector<Middleware> middleware_;
  Handler fallback_;
};

}  // namespace bf::server
