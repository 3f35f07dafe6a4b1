#include "server/metrics.h"

#include <sstream>

namespace bf::server {

namespace {

// Label values are escaped per the exposition format (backslash, quote, newline).
std::string Label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

void Metrics::ObserveRequest(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{method, route, status}];
  Histogram& h = latency_[{method, route}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::JobFinished(const std::string& kind, const std::string& status) {
  std::lock_guard lock(mu_);
  ++jobs_[{kind, status}];
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back(Gauge{std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::Render() const {
  std::ostringstream o;
  std::lock_guard lock(mu_);
  o << "# HELP backendforge_http_requests_total HTTP requests by method, route and status.\n"
       "# TYPE backendforge_http_requests_total counter\n";
  for (const auto& [k, n] : requests_) {
    o << "backendforge_http_requests_total{method=\"" << Label(std::get<0>(k)) << "\",route=\""
      << Label(std::get<1>(k)) << "\",status=\"" << std::get<2>(k) << "\"} " << n << "\n";
  }
  o << "# HELP backendforge_http_request_duration_seconds Time to answer a request, by method and route.\n"
       "# TYPE backendforge_http_request_duration_seconds histogram\n";
  for (const auto& [k, h] : latency_) {
    std::string labels = "method=\"" + Label(k.first) + "\",route=\"" + Label(k.second) + "\"";
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      o << "backendforge_http_request_duration_seconds_bucket{" << labels << ",le=\"" << Num(kBuckets[i]) << "\"} "
        << h.buckets[i] << "\n";
    }
    o << "backendforge_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.count << "\n";
    o << "backendforge_http_request_duration_seconds_sum{" << labels << "} " << Num(h.sum) << "\n";
    o << "backendforge_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
  }
  o << "# HELP backendforge_websocket_connections Open WebSocket connections.\n"
       "# TYPE backendforge_websocket_connections gauge\n"
       "backendforge_websocket_connections "
    << ws_open_.load() << "\n";
  o << "# HELP backendforge_websocket_connections_total WebSocket connections accepted.\n"
       "# TYPE backendforge_websocket_connections_total counter\n"
       "backendforge_websocket_connections_total "
    << ws_total_.load() << "\n";
  o << "# HELP backendforge_events_sent_total Events queued to WebSocket clients.\n"
       "# TYPE backendforge_events_sent_total counter\n"
       "backendforge_events_sent_total "
    << events_sent_.load() << "\n";
  o << "# HELP backendforge_events_dropped_total Events not delivered because a client was too slow.\n"
       "# TYPE backendforge_events_dropped_total counter\n"
       "backendforge_events_dropped_total "
    << events_dropped_.load() << "\n";
  o << "# HELP backendforge_jobs_finished_total Jobs finished, by kind and final status.\n"
       "# TYPE backendforge_jobs_finished_total counter\n";
  for (const auto& [k, n] : jobs_) {
    o << "backendforge_jobs_finished_total{kind=\"" << Label(k.first) << "\",status=\"" << Label(k.second) << "\"} "
      << n << "\n";
  }
  for (const auto& g : gauges_) {
    o << "# HELP " << g.name << " " << g.help << "\n# TYPE " << g.name << " gauge\n"
      << g.name << " " << Num(g.read()) << "\n";
  }
  return o.str();
}

}  // namespace bf::server
