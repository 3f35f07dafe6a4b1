// A small HTTP/1.1 and WebSocket (RFC 6455) client over plain POSIX sockets, for the server's
// integration tests and benchmarks. Deliberately independent of Beast: it checks the server
// against the protocols, not against the library that implements them. Blocking I/O with
// timeouts; one object per connection; not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bf::testclient {

struct HttpResponse {
  int status = 0;  // 0: no response (connection failed or closed)
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string Header(const std::string& name) const;  // case-insensitive, first value
  std::vector<std::string> Headers(const std::string& name) const;
  nlohmann::json Json() const;  // discarded value when not JSON
};

// Connects to 127.0.0.1:port; -1 on failure. Sets send/receive timeouts.
int Connect(int port, int timeout_ms = 10000);

// Reads one response from `fd` (Content-Length or chunked bodies). False on EOF/timeout.
// `head`: the answer to a HEAD request, which has headers only (Content-Length names the size a
// GET would have had).
bool ReadResponse(int fd, HttpResponse& out, std::string& buffer, bool head = false);

// Sends `raw` bytes on a new connection and reads one response (status 0 when the server
// closed without answering).
HttpResponse RawExchange(int port, const std::string& raw, int timeout_ms = 10000);

// A keep-alive HTTP connection that reconnects when the server closed it.
class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}
  ~HttpClient();
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::vector<std::pair<std::string, std::string>>& headers = {});
  // JSON body (Content-Type: application/json) and an optional bearer token.
  HttpResponse Json(const std::string& method, const std::string& target, const nlohmann::json& body,
                    const std::string& token = "");
  HttpResponse Get(const std::string& target, const std::string& token = "");

 private:
  int port_;
  int fd_ = -1;
  std::string buffer_;
};

class WsClient {
 public:
  ~WsClient();
  // Performs the opening handshake; returns the HTTP status (101 on success).
  int Connect(int port, const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers = {},
              int timeout_ms = 10000);
  bool SendText(const std::string& text);
  // Any frame; `mask` should be true for a client (false tests the server's check).
  bool SendFrame(uint8_t opcode, const std::string& payload, bool fin = true, bool mask = true);
  // The next text message (pings are answered, pongs skipped); nullopt on close/timeout. After
  // a close frame, closeCode() holds the server's code.
  std::optional<std::string> ReadText(int timeout_ms = 10000);
  // Waits for the next text message whose JSON "type" is `type`.
  std::optional<nlohmann::json> WaitFor(const std::string& type, int timeout_ms = 10000);
  void Close(uint16_t code = 1000);
  int closeCode() const { return close_code_; }
  int64_t received() const { return received_; }  // text messages read so far
  int fd() const { return fd_; }
  // Reads and handles whatever is available without blocking (answers pings). False when the
  // connection is gone.
  bool Pump();

 private:
  bool ReadFrame(uint8_t& opcode, std::string& payload, bool& fin, int timeout_ms);
  int fd_ = -1;
  std::string buffer_;
  int close_code_ = 0;
  int64_t received_ = 0;
};

// Base64 (standard alphabet, padded) and SHA-1, for the handshake.
std::string Base64(const std::string& bytes);
std::string Sha1(const std::string& data);

}  // namespace bf::testclient
