#include "verify/http_client.h"

#include "common/strings.h"

namespace bf::verify {

namespace {

std::string Find(const std::vector<HttpHeader>& headers, std::string_view name) {
  std::string want = ToLower(name);
  for (const auto& h : headers) {
    if (ToLower(h.name) == want) return h.value;
  }
  return "";
}

}  // namespace

std::string HttpRequest::Header(std::string_view name) const { return Find(headers, name); }

std::string HttpResponse::Header(std::string_view name) const { return Find(headers, name); }

std::string HttpResponse::MediaType() const {
  std::string type = Header("content-type");
  size_t semi = type.find(';');
  if (semi != std::string::npos) type.resize(semi);
  return ToLower(Trim(type));
}

}  // namespace bf::verify
