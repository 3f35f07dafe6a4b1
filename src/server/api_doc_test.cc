// BackendForge's own OpenAPI document (schemas/backendforge-api.json, served at
// /api/openapi.json) and the router must describe the same API: every route documented, every
// documented operation routed, and the common answers of each operation listed.
#include <set>

#include "assets/embedded.h"
#include "server/test_support.h"

namespace bf::server {
namespace {

using testing::AppFixture;

class ApiDoc : public AppFixture {
 protected:
  nlohmann::json Doc() {
    auto text = assets::Find(assets::SchemaFiles(), "backendforge-api.json");
    EXPECT_TRUE(text.has_value());
    return nlohmann::json::parse(*text);
  }
};

std::string Normalize(std::string pattern) {
  // The router's "rest of the path" parameter {path+} is {path} in OpenAPI.
  size_t plus;
  while ((plus = pattern.find("+}")) != std::string::npos) pattern.erase(plus, 1);
  return pattern;
}

TEST_F(ApiDoc, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  auto doc = Doc();
  std::set<std::string> routed, documented;
  for (const auto& r : app_->router.routes()) {
    std::string m = r.method;
    for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    routed.insert(m + " " + Normalize(r.pattern));
  }
  routed.insert("get /api/chat");  // the WebSocket upgrade, served by the net layer
  for (auto p = doc["paths"].begin(); p != doc["paths"].end(); ++p) {
    for (auto m = p->begin(); m != p->end(); ++m) documented.insert(m.key() + " " + p.key());
  }
  for (const auto& r : routed) EXPECT_TRUE(documented.count(r)) << "undocumented route: " << r;
  for (const auto& d : documented) EXPECT_TRUE(routed.count(d)) << "documented but not routed: " << d;
}

TEST_F(ApiDoc, OperationsListTheirAnswers) {
  auto doc = Doc();
  std::set<std::string> ids;
  std::map<std::string, RouteOptions> options;
  for (const auto& r : app_->router.routes()) {
    std::string m = r.method;
    for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    options[m + " " + Normalize(r.pattern)] = r.options;
  }
  for (auto p = doc["paths"].begin(); p != doc["paths"].end(); ++p) {
    for (auto m = p->begin(); m != p->end(); ++m) {
      std::string key = m.key() + " " + p.key();
      const auto& op = m.value();
      ASSERT_TRUE(op.contains("operationId")) << key;
      EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << "duplicate operationId " << op["operationId"];
      const auto& responses = op["responses"];
      auto it = options.find(key);
      if (it == options.end()) continue;
      bool is_public = op.contains("security") && op["security"].empty();
      EXPECT_EQ(is_public, !it->second.auth) << key << ": security in the document differs from the route";
      if (it->second.auth) {
        EXPECT_TRUE(responses.contains("401")) << key << " needs auth but documents no 401";
      }
      if (!it->second.rateLimit.empty()) {
        EXPECT_TRUE(responses.contains("429")) << key << " is rate limited but documents no 429";
      }
      if (p.key().find("{") != std::string::npos && it->second.auth) {
        EXPECT_TRUE(responses.contains("404")) << key << " takes an id but documents no 404";
      }
      if (m.key() != "get" && op.contains("requestBody") && it->second.auth) {
        EXPECT_TRUE(responses.contains("422") || responses.contains("400")) << key << " takes a body but documents no 4xx for it";
      }
    }
  }
}

}  // namespace
}  // namespace bf::server
