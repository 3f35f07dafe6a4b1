// FileTree: the output of a generator, path -> bytes, kept sorted so output is deterministic.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"

namespace bf::generate {

class FileTree {
 public:
  // Adds or replaces a file. `path` is relative, '/'-separated, without "." or ".." segments.
  void Put(std::string path, std::string content, bool executable = false);
  bool Contains(const std::string& path) const { return files_.count(path) > 0; }
  const std::string* Get(const std::string& path) const;
  bool IsExecutable(const std::string& path) const { return executable_.count(path) > 0; }
  const std::map<std::string, std::string>& files() const { return files_; }
  size_t size() const { return files_.size(); }
  size_t TotalBytes() const;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, bool> executable_;
};

// True when `path` is a safe relative path (no absolute path, no "..", no empty segment).
bool IsSafeRelativePath(const std::string& path);

// Writes `tree` into `dir`, which must not exist or be empty. Files are first written to a
// sibling temporary directory and moved into place with one rename, so an error never leaves
// a half-written project. Errors say which path failed and why.
Status WriteTreeAtomically(const FileTree& tree, const std::filesystem::path& dir);

// Writes the files of `tree` into an existing directory, creating folders as needed; each
// file is replaced atomically (temp file + rename). Used to switch a project's stub files
// for the implementation.
Status OverlayTree(const FileTree& tree, const std::filesystem::path& dir);

// Reads every regular file under `dir` (skipping the directories named in `skip`, e.g.
// node_modules, .git) into a tree.
Result<FileTree> ReadTree(const std::filesystem::path& dir, const std::vector<std::string>& skip = {});

}  // namespace bf::generate
