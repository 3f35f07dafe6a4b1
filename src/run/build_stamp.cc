#include "run/build_stamp.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

namespace bf::run {

namespace fs = std::filesystem;

namespace {

std::string Hex(const unsigned char* p, unsigned n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 15];
  }
  return out;
}

}  // namespace

std::string BuildStampPath(const generate::Manifest& m) {
  return m.buildOutput.empty() ? "" : m.buildOutput + "/.backendforge-build-stamp";
}

Result<std::string> SourceStamp(const generate::Manifest& m, const fs::path& dir) {
  if (m.buildOutput.empty()) return std::string();
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& input : m.buildInputs) {
    fs::path p = dir / input;
    auto st = fs::symlink_status(p, ec);
    if (fs::is_regular_file(st)) {
      files.push_back(input);
    } else if (fs::is_directory(st)) {
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && !it->is_symlink(ec)) files.push_back(fs::relative(it->path(), dir).generic_string());
      }
      if (ec) return MakeError("io.read", "cannot list " + p.string() + ": " + ec.message());
    }
  }
  std::sort(files.begin(), files.end());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  for (const auto& f : files) {
    std::ifstream in(dir / f, std::ios::binary);
    if (!in) return MakeError("io.read", "cannot read " + (dir / f).string());
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string header = f + '\0' + std::to_string(content.size()) + '\0';
    EVP_DigestUpdate(ctx.get(), header.data(), header.size());
    EVP_DigestUpdate(ctx.get(), content.data(), content.size());
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  return "sha256:" + Hex(digest, len);
}

bool BuildIsCurrent(const generate::Manifest& m, const fs::path& dir) {
  if (m.buildOutput.empty()) return true;
  std::ifstream in(dir / BuildStampPath(m), std::ios::binary);
  if (!in) return false;
  std::string stamp((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto now = SourceStamp(m, dir);
  return now.ok() && !now->empty() && *now == stamp;
}

Status WriteBuildStamp(const generate::Manifest& m, const fs::path& dir) {
  if (m.buildOutput.empty()) return Status::Ok();
  auto stamp = SourceStamp(m, dir);
  if (!stamp) return stamp.error();
  fs::path p = dir / BuildStampPath(m);
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << *stamp;
  if (!out.flush()) return MakeError("io.write", "cannot write " + p.string());
  return Status::Ok();
}

std::vector<std::string> BuildThenRun(const std::vector<std::string>& build, const std::string& stamp,
                                      const std::string& stampPath, const std::vector<std::string>& run) {
  // The build's words are single-quoted into the script (a quote inside becomes '\''); the
  // stamp, its path and the run command are positional parameters.
  std::string script;
  for (const auto& word : build) {
    std::string quoted = "'";
    for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    script += (script.empty() ? "" : " ") + quoted + "'";
  }
  script += " && printf %s \"$1\" > \"$2\" && shift 2 && exec \"$@\"";
  std::vector<std::string> argv = {"/bin/sh", "-c", script, "build-then-run", stamp, stampPath};
  argv.insert(argv.end(), run.begin(), run.end());
  return argv;
}

}  // namespace bf::run
