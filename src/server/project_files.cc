#include "server/project_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/strings.h"
#include "store/ids.h"

namespace bf::server {

namespace fs = std::filesystem;

namespace {

Error BadPath(const std::string& why) { return MakeError("files.bad_path", why); }

bool Within(const fs::path& p, const fs::path& root) {
  auto [a, b] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return a == root.end();
}

}  // namespace

bool ProjectFiles::IsSkippedDir(const std::string& name) {
  static const char* kSkip[] = {"node_modules", ".git", "target", "__pycache__", ".venv", "venv", "dist", "build", ".pytest_cache", ".mypy_cache"};
  return std::find(std::begin(kSkip), std::end(kSkip), name) != std::end(kSkip);
}

Result<fs::path> ProjectFiles::Resolve(const std::string& rel, bool must_exist) const {
  if (rel.empty() || rel.size() > 1024) return BadPath("the path must be 1 to 1024 characters");
  if (rel.front() == '/') return BadPath("the path must be relative to the project");
  if (rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos) {
    return BadPath("the path contains a NUL byte or a backslash");
  }
  for (const auto& seg : Split(rel, '/')) {
    if (seg.empty() || seg == "." || seg == "..") return BadPath("the path must not contain empty, '.' or '..' segments");
  }
  std::error_code ec;
  fs::path root = fs::weakly_canonical(root_, ec);
  if (ec) return MakeError("io.read", "the project folder is not readable");
  fs::path full = root / rel;
  // Resolve symlinks of every existing prefix: a link inside the project must not lead out.
  fs::path resolved = fs::weakly_canonical(full, ec);
  if (ec || !Within(resolved, root)) return BadPath("the path leads outside the project");
  if (must_exist && !fs::exists(resolved, ec)) return MakeError("files.not_found", "no such file: " + rel);
  return resolved;
}

Result<std::vector<FileEntry>> ProjectFiles::List(size_t max_entries) const {
  std::vector<FileEntry> out;
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) return out;
  fs::path root = fs::canonical(root_, ec);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; it != end && !ec; it.increment(ec)) {
    const auto& entry = *it;
    std::string name = entry.path().filename().string();
    if (entry.is_directory(ec) && !entry.is_symlink(ec) && IsSkippedDir(name)) {
      it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) continue;
    out.push_back(FileEntry{fs::relative(entry.path(), root, ec).generic_string(), entry.file_size(ec)});
    if (out.size() >= max_entries) break;
  }
  std::sort(out.begin(), out.end(), [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
  return out;
}

Result<std::string> ProjectFiles::Read(const std::string& rel, size_t max_bytes) const {
  auto p = Resolve(rel, true);
  if (!p) return p.error();
  std::error_code ec;
  if (!fs::is_regular_file(*p, ec)) return MakeError("files.not_found", "not a file: " + rel);
  if (fs::file_size(*p, ec) > max_bytes) return MakeError("files.too_large", rel + " is larger than " + std::to_string(max_bytes) + " bytes");
  // O_NOFOLLOW: the final component cannot be swapped for a symlink between check and open.
  int fd = ::open(p->c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return MakeError("files.not_found", "cannot open " + rel);
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max_bytes) break;
  }
  ::close(fd);
  if (n < 0) return MakeError("io.read", "cannot read " + rel);
  return out;
}

Status ProjectFiles::Write(const std::string& rel, const std::string& content) const {
  std::error_code ec;
  fs::create_directories(root_, ec);
  auto p = Resolve(rel, false);
  if (!p) return p.error();
  if (fs::is_directory(*p, ec)) return BadPath(rel + " is a folder");
  fs::create_directories(p->parent_path(), ec);
  if (ec) return MakeError("io.write", "cannot create the folder of " + rel);
  // The parent may have been created through a path we checked; check again after creating it.
  auto again = Resolve(rel, false);
  if (!again) return again.error();
  fs::path tmp = p->parent_path() / (".bf-tmp-" + store::NewId());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return MakeError("io.write", "cannot write " + rel);
  size_t off = 0;
  while (off < content.size()) {
    ssize_t n = ::write(fd, content.data() + off, content.size() - off);
    if (n <= 0) {
      ::close(fd);
      fs::remove(tmp, ec);
      return MakeError("io.write", "cannot write " + rel);
    }
    off += static_cast<size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  fs::rename(tmp, *p, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return MakeError("io.write", "cannot write " + rel);
  }
  return Status::Ok();
}

Status ProjectFiles::Remove(const std::string& rel) const {
  if (auto p = Resolve(rel, false); !p) return p.error();
  std::error_code ec;
  fs::path root = fs::weakly_canonical(root_, ec);
  // The entry itself (a symlink is removed, not followed), in its resolved folder.
  fs::path parent = fs::weakly_canonical((root / rel).parent_path(), ec);
  if (ec || !Within(parent, root)) return BadPath("the path leads outside the project");
  fs::path target = parent / fs::path(rel).filename();
  auto st = fs::symlink_status(target, ec);
  if (!fs::exists(st) && !fs::is_symlink(st)) return MakeError("files.not_found", "no file " + rel + " in the project");
  if (fs::is_directory(st)) return BadPath(rel + " is a folder; delete the files in it one by one");
  if (!fs::remove(target, ec) || ec) return MakeError("io.write", "cannot delete " + rel + (ec ? ": " + ec.message() : ""));
  for (fs::path dir = parent; dir != root && Within(dir, root) && fs::is_empty(dir, ec) && !ec; dir = dir.parent_path()) {
    if (!fs::remove(dir, ec)) break;
  }
  return Status::Ok();
}

}  // namespace bf::server
