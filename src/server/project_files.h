// The files of a generated project (<data>/projects/<pid>/), read and written through the API.
// Every path is checked before the disk is touched: relative, no "." or ".." segments, no
// backslashes or NUL, and, after resolving symlinks, still inside the project folder (a symlink
// pointing outside is refused). Thread-safe (no shared state).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"

namespace bf::server {

struct FileEntry {
  std::string path;  // relative, '/'-separated
  uint64_t size = 0;
};

// Error codes: "files.bad_path" (422), "files.not_found" (404), "files.too_large", "io.*".
class ProjectFiles {
 public:
  explicit ProjectFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // Regular files, sorted, skipping dependency folders (node_modules, .git, target, ...).
  Result<std::vector<FileEntry>> List(size_t max_entries = 20000) const;
  Result<std::string> Read(const std::string& path, size_t max_bytes) const;
  // Creates parent folders; replaces the file atomically (temp + rename).
  Status Write(const std::string& path, const std::string& content) const;
  // Removes a file (not a folder; a symlink itself, never its target); "files.not_found" when
  // there is none. Folders left empty are removed too, up to the project root.
  Status Remove(const std::string& path) const;

  // The absolute path for `rel` when it is safe (see above); errors "files.bad_path".
  Result<std::filesystem::path> Resolve(const std::string& rel, bool must_exist) const;
  static bool IsSkippedDir(const std::string& name);

 private:
  std::filesystem::path root_;
};

}  // namespace bf::server
