#include "server/router.h"

#include <algorithm>

namespace bf::server {

namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t i = 1;  // skip the leading '/'
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    parts.push_back(path.substr(i, slash - i));
    i = slash + 1;
  }
  return parts;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  Route r;
  for (std::string_view part : SplitPath(pattern)) {
    Segment s;
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      std::string_view name = part.substr(1, part.size() - 2);
      if (name.back() == '+') {
        s.kind = Segment::Kind::kRest;
        name.remove_suffix(1);
      } else {
        s.kind = Segment::Kind::kParam;
      }
      s.text = std::string(name);
    } else {
      s.text = std::string(part);
      ++r.literals;
    }
    r.segments.push_back(std::move(s));
  }
  r.info = RouteInfo{std::move(method), std::move(pattern), std::move(options)};
  r.handler = std::move(handler);
  routes_.push_back(std::move(r));
}

void Router::Use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

void Router::SetFallback(Handler handler) { fallback_ = std::move(handler); }

bool Router::MatchRoute(const Route& r, const std::vector<std::string_view>& parts,
                        std::map<std::string, std::string>* params) {
  const auto& segs = r.segments;
  bool has_rest = !segs.empty() && segs.back().kind == Segment::Kind::kRest;
  if (has_rest ? parts.size() < segs.size() : parts.size() != segs.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < segs.size(); ++i) {
    const Segment& s = segs[i];
    if (s.kind == Segment::Kind::kLiteral) {
      if (parts[i] != s.text) return false;
      continue;
    }
    if (s.kind == Segment::Kind::kParam) {
      auto v = PercentDecode(parts[i], false);
      if (!v || v->empty() || v->find('/') != std::string::npos) return false;
      found[s.text] = std::move(*v);
      continue;
    }
    // The rest: decode each segment and join with '/'. Empty segments are kept so that the
    // files API can refuse them.
    std::string rest;
    for (size_t k = i; k < parts.size(); ++k) {
      auto v = PercentDecode(parts[k], false);
      if (!v) return false;
      if (k > i) rest += '/';
      rest += *v;
    }
    if (rest.empty()) return false;
    found[s.text] = std::move(rest);
  }
  if (params) *params = std::move(found);
  return true;
}

const RouteInfo* Router::Match(std::string_view method, std::string_view path,
                               std::map<std::string, std::string>* params, std::vector<std::string>* allowed) const {
  auto parts = SplitPath(path);
  std::string_view m = method == "HEAD" ? std::string_view("GET") : method;
  const Route* best = nullptr;
  for (const auto& r : routes_) {
    if (!MatchRoute(r, parts, nullptr)) continue;
    if (r.info.method != m) {
      if (allowed && std::find(allowed->begin(), allowed->end(), r.info.method) == allowed->end()) {
        allowed->push_back(r.info.method);
      }
      continue;
    }
    if (!best || r.literals > best->literals) best = &r;
  }
  if (!best) return nullptr;
  if (params) MatchRoute(*best, parts, params);
  return &best->info;
}

Response Router::Terminal(Request& req) const {
  if (req.route) {
    for (const auto& r : routes_) {
      if (&r.info == req.route) return r.handler(req);
    }
  }
  std::vector<std::string> allowed;
  Match(req.method, req.path, nullptr, &allowed);
  if (!allowed.empty()) {
    std::sort(allowed.begin(), allowed.end());
    std::string allow;
    for (const auto& a : allowed) allow += (allow.empty() ? "" : ", ") + a;
    Response r = Problem(405, "request.method_not_allowed", req.method + " is not allowed here; use " + allow);
    r.headers.Set("Allow", allow);
    return r;
  }
  bool api = req.path == "/api" || req.path.rfind("/api/", 0) == 0;
  if (fallback_ && !api && (req.method == "GET" || req.method == "HEAD")) return fallback_(req);
  return Problem(404, "request.not_found", "no such endpoint: " + req.method + " " + req.path);
}

Response Router::Handle(Request& req) const {
  if (!req.route) req.route = Match(req.method, req.path, &req.params);
  // The chain: middleware_[0] -> ... -> Terminal.
  std::function<Response(size_t, Request&)> step = [&](size_t i, Request& r) -> Response {
    if (i == middleware_.size()) return Terminal(r);
    return middleware_[i](r, [&, i](Request& rr) { return step(i + 1, rr); });
  };
  return step(0, req);
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back(r.info);
  return out;
}

}  // namespace bf::server
