// libcurl implementation of HttpClient (the only file that includes curl is curl_client.cc).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "verify/http_client.h"

namespace bf::verify {

// Requests go to `baseUrl` + request.target (e.g. "http://127.0.0.1:3000" + "/health").
// `timeout` bounds each request; for event streams it bounds the wait for the headers, and
// the stream then ends after `idle` without any byte (heartbeats keep it alive).
// Redirects are not followed: the contract has none. Thread-compatible (one caller at a time);
// open event streams run on their own threads.
std::unique_ptr<HttpClient> MakeCurlClient(std::string baseUrl, std::chrono::milliseconds timeout,
                                           std::chrono::seconds idle = std::chrono::seconds(30));
// The same, connected through the Unix domain socket at `unixSocket` (the URL's host is then
// only the Host header): how the server reaches a preview in its own network namespace.
std::unique_ptr<HttpClient> MakeUnixSocketClient(std::string unixSocket, std::chrono::milliseconds timeout);

}  // namespace bf::verify
