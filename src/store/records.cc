#include "store/records.h"

namespace bf::store {

std::string_view ToString(Role r) {
  switch (r) {
    case Role::kOwner: return "owner";
    case Role::kEditor: return "editor";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view s) {
  if (s == "owner") return Role::kOwner;
  if (s == "editor") return Role::kEditor;
  if (s == "viewer") return Role::kViewer;
  return std::nullopt;
}

bool IsFinished(const Job& job) {
  return job.status == "succeeded" || job.status == "failed" || job.status == "cancelled" ||
         job.status == "interrupted";
}

}  // namespace bf::store
