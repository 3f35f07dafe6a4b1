#include "client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <random>

namespace bf::testclient {

namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool SendAll(int fd, const std::string& data) {
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

// Appends what is available (waiting up to timeout_ms); false on EOF, error or timeout.
bool Fill(int fd, std::string& buffer, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  int r = ::poll(&p, 1, timeout_ms);
  if (r <= 0) return false;
  char buf[65536];
  ssize_t n = ::recv(fd, buf, sizeof buf, 0);
  if (n <= 0) return false;
  buffer.append(buf, static_cast<size_t>(n));
  return true;
}

uint32_t Rol(uint32_t v, int s) { return (v << s) | (v >> (32 - s)); }

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (Lower(k) == Lower(name)) return v;
  }
  return {};
}

std::vector<std::string> HttpResponse::Headers(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : headers) {
    if (Lower(k) == Lower(name)) out.push_back(v);
  }
  return out;
}

nlohmann::json HttpResponse::Json() const { return nlohmann::json::parse(body, nullptr, false); }

int Connect(int port, int timeout_ms) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  return fd;
}

bool ReadResponse(int fd, HttpResponse& out, std::string& buffer, bool head_request) {
  out = HttpResponse{};
  size_t end;
  while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill(fd, buffer, 30000)) return false;
  }
  std::string head = buffer.substr(0, end);
  buffer.erase(0, end + 4);
  size_t line_end = head.find("\r\n");
  std::string status_line = head.substr(0, line_end);
  if (status_line.size() < 12) return false;
  out.status = std::atoi(status_line.substr(9, 3).c_str());
  size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    size_t e = head.find("\r\n", pos);
    if (e == std::string::npos) e = head.size();
    std::string line = head.substr(pos, e - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string v = line.substr(colon + 1);
      while (!v.empty() && v.front() == ' ') v.erase(0, 1);
      out.headers.emplace_back(line.substr(0, colon), v);
    }
    pos = e + 2;
  }
  if (head_request || out.status == 101 || out.status == 204 || out.status == 304 || out.status / 100 == 1) return true;
  if (Lower(out.Header("Transfer-Encoding")).find("chunked") != std::string::npos) {
    for (;;) {
      size_t le;
      while ((le = buffer.find("\r\n")) == std::string::npos) {
        if (!Fill(fd, buffer, 30000)) return false;
      }
      size_t n = std::stoul(buffer.substr(0, le), nullptr, 16);
      buffer.erase(0, le + 2);
      while (buffer.size() < n + 2) {
        if (!Fill(fd, buffer, 30000)) return false;
      }
      out.body += buffer.substr(0, n);
      buffer.erase(0, n + 2);
      if (n == 0) return true;
    }
  }
  std::string cl = out.Header("Content-Length");
  if (cl.empty()) {
    while (Fill(fd, buffer, 30000)) {
    }
    out.body = std::move(buffer);
    buffer.clear();
    return true;
  }
  size_t len = std::stoul(cl);
  while (buffer.size() < len) {
    if (!Fill(fd, buffer, 30000)) return false;
  }
  out.body = buffer.substr(0, len);
  buffer.erase(0, len);
  return true;
}

HttpResponse RawExchange(int port, const std::string& raw, int timeout_ms) {
  HttpResponse r;
  int fd = Connect(port, timeout_ms);
  if (fd < 0) return r;
  std::string buffer;
  if (SendAll(fd, raw)) ReadResponse(fd, r, buffer);
  ::close(fd);
  return r;
}

HttpClient::~HttpClient() {
  if (fd_ >= 0) ::close(fd_);
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& target, const std::string& body,
                              const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n";
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (fd_ < 0) {
      fd_ = Connect(port_);
      buffer_.clear();
      if (fd_ < 0) return {};
    }
    HttpResponse r;
    // A large body goes after the headers, unless the server has already answered them (a 413
    // for a declared length over its limit, after which it closes without reading the body).
    bool sent = SendAll(fd_, req);
    if (sent && body.size() > (64u << 10)) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 200) <= 0) sent = SendAll(fd_, body);
    } else if (sent) {
      sent = SendAll(fd_, body);
    }
    if (sent && ReadResponse(fd_, r, buffer_, method == "HEAD")) {
      if (Lower(r.Header("Connection")) == "close") {
        ::close(fd_);
        fd_ = -1;
      }
      return r;
    }
    ::close(fd_);  // the server closed an idle keep-alive connection: retry once on a new one
    fd_ = -1;
  }
  return {};
}

HttpResponse HttpClient::Json(const std::string& method, const std::string& target, const nlohmann::json& body,
                              const std::string& token) {
  std::vector<std::pair<std::string, std::string>> h = {{"Content-Type", "application/json"}};
  if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
  return Send(method, target, body.is_null() ? std::string() : body.dump(), h);
}

HttpResponse HttpClient::Get(const std::string& target, const std::string& token) {
  std::vector<std::pair<std::string, std::string>> h;
  if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
  return Send("GET", target, "", h);
}

std::string Base64(const std::string& in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (static_cast<uint8_t>(in[i]) << 16) | (static_cast<uint8_t>(in[i + 1]) << 8) | static_cast<uint8_t>(in[i + 2]);
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += k[v & 63];
  }
  if (in.size() - i == 1) {
    uint32_t v = static_cast<uint8_t>(in[i]) << 16;
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += "==";
  } else if (in.size() - i == 2) {
    uint32_t v = (static_cast<uint8_t>(in[i]) << 16) | (static_cast<uint8_t>(in[i + 1]) << 8);
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

std::string Sha1(const std::string& data) {
  uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string m = data;
  uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
  m += static_cast<char>(0x80);
  while (m.size() % 64 != 56) m += '\0';
  for (int i = 7; i >= 0; --i) m += static_cast<char>((bits >> (i * 8)) & 0xff);
  for (size_t c = 0; c < m.size(); c += 64) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      w[i] = (static_cast<uint8_t>(m[c + 4 * i]) << 24) | (static_cast<uint8_t>(m[c + 4 * i + 1]) << 16) |
             (static_cast<uint8_t>(m[c + 4 * i + 2]) << 8) | static_cast<uint8_t>(m[c + 4 * i + 3]);
    }
    for (int i = 16; i < 80; ++i) w[i] = Rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      uint32_t f, k;
      if (i < 20) {
        f = (b & cc) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ cc ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & cc) | (b & d) | (cc & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ cc ^ d;
        k = 0xCA62C1D6;
      }
      uint32_t t = Rol(a, 5) + f + e + k + w[i];
      e = d;
      d = cc;
      cc = Rol(b, 30);
      b = a;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += cc;
    h[3] += d;
    h[4] += e;
  }
  std::string out;
  for (uint32_t v : h) {
    for (int i = 3; i >= 0; --i) out += static_cast<char>((v >> (i * 8)) & 0xff);
  }
  return out;
}

WsClient::~WsClient() {
  if (fd_ >= 0) ::close(fd_);
}

int WsClient::Connect(int port, const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers,
                      int timeout_ms) {
  fd_ = testclient::Connect(port, timeout_ms);
  if (fd_ < 0) return 0;
  static thread_local std::mt19937 rng{std::random_device{}()};
  std::string key_raw(16, '\0');
  for (auto& c : key_raw) c = static_cast<char>(rng());
  std::string key = Base64(key_raw);
  std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                    "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  req += "\r\n";
  if (!SendAll(fd_, req)) return 0;
  HttpResponse r;
  if (!ReadResponse(fd_, r, buffer_)) return 0;
  if (r.status == 101) {
    std::string expect = Base64(Sha1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    if (r.Header("Sec-WebSocket-Accept") != expect) return -1;
  }
  return r.status;
}

bool WsClient::SendFrame(uint8_t opcode, const std::string& payload, bool fin, bool mask) {
  std::string f;
  f += static_cast<char>((fin ? 0x80 : 0) | opcode);
  uint8_t mbit = mask ? 0x80 : 0;
  if (payload.size() < 126) {
    f += static_cast<char>(mbit | payload.size());
  } else if (payload.size() < 65536) {
    f += static_cast<char>(mbit | 126);
    f += static_cast<char>((payload.size() >> 8) & 0xff);
    f += static_cast<char>(payload.size() & 0xff);
  } else {
    f += static_cast<char>(mbit | 127);
    for (int i = 7; i >= 0; --i) f += static_cast<char>((static_cast<uint64_t>(payload.size()) >> (i * 8)) & 0xff);
  }
  if (mask) {
    static thread_local std::mt19937 rng{std::random_device{}()};
    std::array<char, 4> key{static_cast<char>(rng()), static_cast<char>(rng()), static_cast<char>(rng()), static_cast<char>(rng())};
    f.append(key.data(), 4);
    for (size_t i = 0; i < payload.size(); ++i) f += static_cast<char>(payload[i] ^ key[i % 4]);
  } else {
    f += payload;
  }
  return SendAll(fd_, f);
}

bool WsClient::SendText(const std::string& text) { return SendFrame(0x1, text); }

bool WsClient::ReadFrame(uint8_t& opcode, std::string& payload, bool& fin, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  auto need = [&](size_t n) {
    while (buffer_.size() < n) {
      int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
      if (left <= 0 || !Fill(fd_, buffer_, left)) return false;
    }
    return true;
  };
  if (!need(2)) return false;
  auto b0 = static_cast<uint8_t>(buffer_[0]), b1 = static_cast<uint8_t>(buffer_[1]);
  fin = b0 & 0x80;
  opcode = b0 & 0x0f;
  uint64_t len = b1 & 0x7f;
  size_t hdr = 2;
  if (len == 126) {
    if (!need(4)) return false;
    len = (static_cast<uint8_t>(buffer_[2]) << 8) | static_cast<uint8_t>(buffer_[3]);
    hdr = 4;
  } else if (len == 127) {
    if (!need(10)) return false;
    len = 0;
    for (int i = 0; i < 8; ++i) len = (len << 8) | static_cast<uint8_t>(buffer_[2 + i]);
    hdr = 10;
  }
  if (b1 & 0x80) return false;  // servers never mask
  if (!need(hdr + len)) return false;
  payload = buffer_.substr(hdr, len);
  buffer_.erase(0, hdr + len);
  return true;
}

std::optional<std::string> WsClient::ReadText(int timeout_ms) {
  std::string message;
  for (;;) {
    uint8_t op;
    std::string payload;
    bool fin;
    if (!ReadFrame(op, payload, fin, timeout_ms)) return std::nullopt;
    if (op == 0x9) {
      SendFrame(0xA, payload);
      continue;
    }
    if (op == 0xA) continue;
    if (op == 0x8) {
      close_code_ = payload.size() >= 2 ? (static_cast<uint8_t>(payload[0]) << 8) | static_cast<uint8_t>(payload[1]) : 1005;
      SendFrame(0x8, payload.substr(0, 2));
      return std::nullopt;
    }
    message += payload;
    if (fin) {
      ++received_;
      return message;
    }
  }
}

std::optional<nlohmann::json> WsClient::WaitFor(const std::string& type, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0) return std::nullopt;
    auto text = ReadText(left);
    if (!text) return std::nullopt;
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_object() && j.value("type", "") == type) return j;
  }
}

bool WsClient::Pump() {
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return true;
    auto t = ReadText(100);
    if (!t && close_code_ != 0) return false;
    if (!t) return true;
  }
}

void WsClient::Close(uint16_t code) {
  std::string p;
  p += static_cast<char>(code >> 8);
  p += static_cast<char>(code & 0xff);
  SendFrame(0x8, p);
}

}  // namespace bf::testclient
