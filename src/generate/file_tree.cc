#include "generate/file_tree.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include "common/strings.h"

namespace bf::generate {
namespace fs = std::filesystem;

void FileTree::Put(std::string path, std::string content, bool executable) {
  if (executable) executable_[path] = true;
  else executable_.erase(path);
  files_[std::move(path)] = std::move(content);
}

const std::string* FileTree::Get(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

size_t FileTree::TotalBytes() const {
  size_t n = 0;
  for (const auto& [p, c] : files_) n += c.size();
  return n;
}

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos) {
    return false;
  }
  for (const auto& seg : Split(path, '/')) {
    if (seg.empty() || seg == "." || seg == "..") return false;
  }
  return true;
}

namespace {

Error IoError(const std::string& what, const fs::path& p) {
  return MakeError("io.write", what + " " + Quote(p.string()) + ": " + std::strerror(errno));
}

// Writes one file durably: write, fsync, close.
Status WriteFile(const fs::path& p, const std::string& content, bool executable) {
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0755 : 0644);
  if (fd < 0) return IoError("cannot create", p);
  size_t off = 0;
  while (off < content.size()) {
    ssize_t n = ::write(fd, content.data() + off, content.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      Error e = IoError("cannot write", p);
      ::close(fd);
      return e;
    }
    off += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) return IoError("cannot flush", p);
  return Status::Ok();
}

std::string RandomSuffix() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> dist(0, 0xffffff);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06x", dist(rd));
  return buf;
}

Status WriteAll(const FileTree& tree, const fs::path& root) {
  for (const auto& [path, content] : tree.files()) {
    if (!IsSafeRelativePath(path)) {
      return MakeError("generate.path", "refusing to write unsafe path " + Quote(path));
    }
    fs::path p = root / path;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) return MakeError("io.write", "cannot create folder " + Quote(p.parent_path().string()) + ": " + ec.message());
    if (Status s = WriteFile(p, content, tree.IsExecutable(path)); !s) return s;
  }
  return Status::Ok();
}

}  // namespace

Status WriteTreeAtomically(const FileTree& tree, const fs::path& dir) {
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec);
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec) || !fs::is_empty(target, ec)) {
      return MakeError("generate.exists", "output folder " + Quote(target.string()) +
                                               " already exists and is not empty; choose a new --out folder");
    }
  }
  fs::path parent = target.parent_path();
  fs::create_directories(parent, ec);
  if (ec) return MakeError("io.write", "cannot create " + Quote(parent.string()) + ": " + ec.message());
  fs::path tmp = parent / ("." + target.filename().string() + ".tmp-" + RandomSuffix());
  fs::create_directory(tmp, ec);
  if (ec) return MakeError("io.write", "cannot create " + Quote(tmp.string()) + ": " + ec.message());
  if (Status s = WriteAll(tree, tmp); !s) {
    fs::remove_all(tmp, ec);
    return s;
  }
  if (fs::exists(target)) fs::remove(target, ec);  // the empty folder
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignore;
    fs::remove_all(tmp, ignore);
    return MakeError("io.write", "cannot move the generated project into " + Quote(target.string()) + ": " + ec.message());
  }
  // Make the rename durable.
  int dfd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

Status OverlayTree(const FileTree& tree, const fs::path& dir) {
  for (const auto& [path, content] : tree.files()) {
    if (!IsSafeRelativePath(path)) {
      return MakeError("generate.path", "refusing to write unsafe path " + Quote(path));
    }
    fs::path p = dir / path;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) return MakeError("io.write", "cannot create folder " + Quote(p.parent_path().string()) + ": " + ec.message());
    fs::path tmp = p;
    tmp += ".bf-tmp";
    if (Status s = WriteFile(tmp, content, tree.IsExecutable(path)); !s) return s;
    fs::rename(tmp, p, ec);
    if (ec) return MakeError("io.write", "cannot replace " + Quote(p.string()) + ": " + ec.message());
  }
  return Status::Ok();
}

Result<FileTree> ReadTree(const fs::path& dir, const std::vector<std::string>& skip) {
  FileTree tree;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return MakeError("io.read", Quote(dir.string()) + " is not a folder");
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) return MakeError("io.read", "cannot list " + Quote(dir.string()) + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return MakeError("io.read", "cannot list " + Quote(dir.string()) + ": " + ec.message());
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory() && std::find(skip.begin(), skip.end(), name) != skip.end()) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(p, std::ios::binary);
    if (!in) return MakeError("io.read", "cannot read " + Quote(p.string()));
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bool exec = (fs::status(p).permissions() & fs::perms::owner_exec) != fs::perms::none;
    tree.Put(fs::relative(p, dir).generic_string(), std::move(content), exec);
  }
  return tree;
}

}  // namespace bf::generate
