#include "verify/curl_client.h"

#include <curl/curl.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/strings.h"

namespace bf::verify {

namespace {

constexpr size_t kMaxBody = 16 * 1024 * 1024;  // a backend answering more than this is broken

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Parses one header line into `into`; a status line starts a new header block (100-continue).
void TakeHeaderLine(std::string_view line, HttpResponse& into, bool& block_done) {
  std::string text = Trim(line);
  if (StartsWith(text, "HTTP/")) {
    into.headers.clear();
    size_t sp = text.find(' ');
    into.status = sp == std::string::npos ? 0 : std::atoi(text.c_str() + sp + 1);
    block_done = false;
    return;
  }
  if (text.empty()) {
    if (into.status >= 200) block_done = true;  // an interim 1xx block is followed by another
    return;
  }
  size_t colon = text.find(':');
  if (colon == std::string::npos) return;
  into.headers.push_back({ToLower(Trim(text.substr(0, colon))), Trim(text.substr(colon + 1))});
}

Error TransportError(CURLcode code, const std::string& url, const char* detail, long timeoutMs) {
  std::string what = detail && *detail ? detail : curl_easy_strerror(code);
  switch (code) {
    case CURLE_COULDNT_CONNECT:
      return MakeError("http.connect", "cannot reach " + url + ": connection refused");
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return MakeError("http.connect",
                       "cannot reach " + url + ": cannot resolve the host name (" + what + ")");
    case CURLE_OPERATION_TIMEDOUT:
      return MakeError("http.timeout",
                       "no answer from " + url + " within " + std::to_string(timeoutMs) + " ms");
    default:
      return MakeError("http.transport", "request to " + url + " failed: " + what);
  }
}

// Request options shared by plain requests and streams; `list` receives the header list.
void Prepare(CURL* h, const std::string& url, const HttpRequest& request, curl_slist*& list) {
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, nullptr);
  list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
  for (const auto& header : request.headers) {
    list = curl_slist_append(list, (header.name + ": " + header.value).c_str());
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  if (request.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  if (request.body) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body->size()));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body->data());
  }
}

struct Collected {
  HttpResponse response;
  bool headersDone = false;
  bool tooLarge = false;
};

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* c = static_cast<Collected*>(user);
  TakeHeaderLine(std::string_view(data, size * n), c->response, c->headersDone);
  return size * n;
}

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* c = static_cast<Collected*>(user);
  if (c->response.body.size() + size * n > kMaxBody) {
    c->tooLarge = true;
    return 0;
  }
  c->response.body.append(data, size * n);
  return size * n;
}

// The state an event stream's transfer thread shares with its reader.
struct StreamState {
  std::mutex mu;
  std::condition_variable cv;
  HttpResponse head;
  bool headersDone = false;
  bool ended = false;
  std::string pending;  // body bytes not yet read
  std::string error;
  std::atomic<bool> cancel{false};
};

size_t OnStreamHeader(char* data, size_t size, size_t n, void* user) {
  auto* s = static_cast<StreamState*>(user);
  std::lock_guard lock(s->mu);
  TakeHeaderLine(std::string_view(data, size * n), s->head, s->headersDone);
  if (s->headersDone) s->cv.notify_all();
  return size * n;
}

size_t OnStreamBody(char* data, size_t size, size_t n, void* user) {
  auto* s = static_cast<StreamState*>(user);
  if (s->cancel) return 0;
  std::lock_guard lock(s->mu);
  if (s->pending.size() + size * n > kMaxBody) return 0;
  s->pending.append(data, size * n);
  s->cv.notify_all();
  return size * n;
}

int OnStreamProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<StreamState*>(user)->cancel ? 1 : 0;
}

class CurlEventStream : public EventStream {
 public:
  CurlEventStream(std::shared_ptr<StreamState> state, std::thread worker)
      : state_(std::move(state)), worker_(std::move(worker)) {
    std::lock_guard lock(state_->mu);
    head_ = state_->head;
    if (head_.status < 200 || head_.status >= 300) head_.body = state_->pending;
  }
  ~CurlEventStream() override {
    state_->cancel = true;
    if (worker_.joinable()) worker_.join();
  }
  const HttpResponse& head() const override { return head_; }
  std::string Read(std::chrono::milliseconds timeout) override {
    std::unique_lock lock(state_->mu);
    state_->cv.wait_for(lock, timeout, [&] { return !state_->pending.empty() || state_->ended; });
    std::string out;
    out.swap(state_->pending);
    return out;
  }
  bool ended() const override {
    std::lock_guard lock(state_->mu);
    return state_->ended && state_->pending.empty();
  }

 private:
  std::shared_ptr<StreamState> state_;
  std::thread worker_;
  HttpResponse head_;
};

class CurlClient : public HttpClient {
 public:
  CurlClient(std::string baseUrl, std::chrono::milliseconds timeout, std::chrono::seconds idle,
             std::string unixSocket = {})
      : base_(std::move(baseUrl)), timeout_(timeout), idle_(idle), unix_socket_(std::move(unixSocket)) {
    GlobalInit();
    while (!base_.empty() && base_.back() == '/') base_.pop_back();
    handle_ = curl_easy_init();
  }
  ~CurlClient() override {
    if (handle_) curl_easy_cleanup(handle_);
  }
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  Result<HttpResponse> Send(const HttpRequest& request) override {
    if (!handle_) return MakeError("http.transport", "libcurl could not be initialised");
    curl_easy_reset(handle_);  // keeps the connection cache: one keep-alive connection
    std::string url = base_ + request.target;
    curl_slist* list = nullptr;
    Prepare(handle_, url, request, list);
    if (!unix_socket_.empty()) curl_easy_setopt(handle_, CURLOPT_UNIX_SOCKET_PATH, unix_socket_.c_str());
    Collected c;
    char err[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(handle_, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
    curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::min<int64_t>(timeout_.count(), 10000)));
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, &c);
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &c);
    CURLcode code = curl_easy_perform(handle_);
    curl_slist_free_all(list);
    if (c.tooLarge)
      return MakeError("http.transport", "response from " + url + " is larger than 16 MiB");
    if (code != CURLE_OK)
      return TransportError(code, base_, err, static_cast<long>(timeout_.count()));
    return std::move(c.response);
  }

  Result<std::unique_ptr<EventStream>> Open(const HttpRequest& request) override {
    auto state = std::make_shared<StreamState>();
    std::string url = base_ + request.target;
    HttpRequest copy = request;
    long idle = static_cast<long>(idle_.count());
    long connect_ms = static_cast<long>(std::min<int64_t>(timeout_.count(), 10000));
    std::thread worker([state, url, copy, idle, connect_ms, base = base_] {
      CURL* h = curl_easy_init();
      if (!h) {
        std::lock_guard lock(state->mu);
        state->error = "libcurl could not be initialised";
        state->ended = true;
        state->cv.notify_all();
        return;
      }
      curl_slist* list = nullptr;
      Prepare(h, url, copy, list);
      char err[CURL_ERROR_SIZE] = {0};
      curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
      curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
      curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);  // idle timeout: < 1 byte/s for `idle` s
      curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, idle);
      curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnStreamHeader);
      curl_easy_setopt(h, CURLOPT_HEADERDATA, state.get());
      curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnStreamBody);
      curl_easy_setopt(h, CURLOPT_WRITEDATA, state.get());
      curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, OnStreamProgress);
      curl_easy_setopt(h, CURLOPT_XFERINFODATA, state.get());
      CURLcode code = curl_easy_perform(h);
      curl_slist_free_all(list);
      curl_easy_cleanup(h);
      std::lock_guard lock(state->mu);
      if (code != CURLE_OK && !state->cancel && !state->headersDone) {
        state->error = TransportError(code, base, err, connect_ms).message;
      }
      state->ended = true;
      state->cv.notify_all();
    });
    {
      std::unique_lock lock(state->mu);
      bool ready =
          state->cv.wait_for(lock, timeout_, [&] { return state->headersDone || state->ended; });
      if (ready && state->headersDone && (state->head.status < 200 || state->head.status >= 300)) {
        // An error answer: wait for its (short) body so the caller can explain it.
        state->cv.wait_for(lock, timeout_, [&] { return state->ended; });
      }
      if (!ready || !state->headersDone) {
        std::string error = state->error.empty() ? "no response headers from " + url + " within " +
                                                       std::to_string(timeout_.count()) + " ms"
                                                 : state->error;
        lock.unlock();
        state->cancel = true;
        worker.join();
        return MakeError(ready ? "http.connect" : "http.timeout", error);
      }
    }
    return std::unique_ptr<EventStream>(new CurlEventStream(state, std::move(worker)));
  }

 private:
  std::string base_;
  std::chrono::milliseconds timeout_;
  std::chrono::seconds idle_;
  std::string unix_socket_;  // empty: TCP to the URL's host
  CURL* handle_ = nullptr;
};

}  // namespace

std::unique_ptr<HttpClient> MakeCurlClient(std::string baseUrl, std::chrono::milliseconds timeout,
                                           std::chrono::seconds idle) {
  return std::make_unique<CurlClient>(std::move(baseUrl), timeout, idle);
}

std::unique_ptr<HttpClient> MakeUnixSocketClient(std::string unixSocket, std::chrono::milliseconds timeout) {
  return std::make_unique<CurlClient>("http://localhost", timeout, std::chrono::seconds(30), std::move(unixSocket));
}

}  // namespace bf::verify
