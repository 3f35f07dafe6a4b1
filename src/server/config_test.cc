#include "server/config.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace bf::server {
namespace {

namespace fs = std::filesystem;

TEST(Config, LayersFileEnvironmentAndFlags) {
  fs::path dir = fs::temp_directory_path() / "bf-config-test";
  fs::create_directories(dir);
  fs::path file = dir / "c.json";
  std::ofstream(file) << R"({"port": 9000, "host": "0.0.0.0", "jobWorkers": 3, "allowedOrigins": ["https://a.example", "https://b.example"]})";
  auto c = LoadConfig(file.string(), {{"BACKENDFORGE_PORT", "9100"}, {"BACKENDFORGE_DATA", "/srv/bf"}}, {{"port", "9200"}});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->port, 9200);  // flag wins
  EXPECT_EQ(c->dataDir, "/srv/bf");  // environment over default
  EXPECT_EQ(c->host, "0.0.0.0");  // file over default
  EXPECT_EQ(c->jobWorkers, 3);
  EXPECT_EQ(c->allowedOrigins.size(), 2u);
  auto env_only = LoadConfig("", {{"BACKENDFORGE_PORT", "9100"}}, {});
  EXPECT_EQ(env_only->port, 9100);
  fs::remove_all(dir);
}

TEST(Config, ExplainsBadValues) {
  auto bad = LoadConfig("", {{"BACKENDFORGE_PORT", "80x"}}, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("BACKENDFORGE_PORT"), std::string::npos);
  auto typo = LoadConfig("", {}, {{"prt", "1"}});
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().message.find("did you mean \"port\""), std::string::npos);
  // The password cost cannot be configured below the OWASP minimum.
  EXPECT_FALSE(LoadConfig("", {{"BACKENDFORGE_ARGON2_MEMORY_KIB", "1024"}}, {}).ok());
  EXPECT_FALSE(LoadConfig("", {}, {{"argon2MemoryKib", "1024"}}).ok());
  ServerConfig c;
  c.tlsCert = "/nonexistent.pem";
  EXPECT_FALSE(Validate(c).ok());
  c.tlsKey = "/nonexistent.key";
  EXPECT_FALSE(Validate(c).ok());
}

TEST(Config, EnvironmentNames) {
  EXPECT_EQ(EnvName("port"), "BACKENDFORGE_PORT");
  EXPECT_EQ(EnvName("jobWorkers"), "BACKENDFORGE_JOB_WORKERS");
  EXPECT_EQ(EnvName("tlsCert"), "BACKENDFORGE_TLS_CERT");
}

TEST(Config, CreatesAPrivateSecretOnce) {
  fs::path dir = fs::temp_directory_path() / "bf-secret-test";
  fs::remove_all(dir);
  ServerConfig c;
  c.dataDir = dir.string();
  auto s1 = LoadOrCreateSecret(c);
  ASSERT_TRUE(s1.ok()) << s1.error().message;
  EXPECT_EQ(s1->size(), 64u);
  struct stat st {};
  ASSERT_EQ(::stat((dir / "jwt.secret").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*LoadOrCreateSecret(c), *s1);
  c.jwtSecret = std::string(32, 'z');
  EXPECT_EQ(*LoadOrCreateSecret(c), c.jwtSecret);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace bf::server
