// The HTTP seam of `backendforge verify`: the suite talks to the backend only through this
// interface, so its logic runs against an in-memory fake in unit tests and against libcurl
// (curl_client.h) for real. No transport library appears in this header.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace bf::verify {

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query, e.g. "/api/posts?page=2"
  std::vector<HttpHeader> headers;
  std::optional<std::string> body;

  // First value of a header (name case-insensitive); empty when absent.
  std::string Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 0;
  std::vector<HttpHeader> headers;  // names lower-cased, in arrival order
  std::string body;

  // First value of a header (name case-insensitive); empty when absent.
  std::string Header(std::string_view name) const;
  // The media type of Content-Type without parameters, lower-cased ("application/problem+json").
  std::string MediaType() const;
};

// A response whose body keeps arriving (server-sent events). Owned by the caller; destroying it
// closes the connection. Not thread-safe: one reader.
class EventStream {
 public:
  virtual ~EventStream() = default;
  // Status and headers; for a non-2xx answer also the whole body.
  virtual const HttpResponse& head() const = 0;
  // Body bytes received since the last call, waiting up to `timeout` for some to arrive.
  // Empty when nothing arrived in time or the stream has ended (see ended()).
  virtual std::string Read(std::chrono::milliseconds timeout) = 0;
  virtual bool ended() const = 0;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Sends one request to the backend. Any HTTP status is a response; an Error means the
  // exchange did not happen (code "http.connect", "http.timeout" or "http.transport").
  virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;
  // Starts a streaming GET and returns once the status and headers have arrived.
  virtual Result<std::unique_ptr<EventStream>> Open(const HttpRequest& request) = 0;
};

}  // namespace bf::verify
