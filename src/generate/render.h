// Logic-less rendering: Mustache templates (kainjow) over a JSON view model, HTML escaping off
// (we emit code). kainjow stays inside render.cc. The view model is converted once per
// generation (RenderModel); parsed templates are kept for the whole process, keyed by their
// text, because parsing is kainjow's most expensive step and the same templates are rendered
// on every generation.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "common/result.h"

namespace bf::generate {

// A view model converted once into the template engine's form; items of lists can then be
// pushed as the innermost context without copying the whole model.
class RenderModel {
 public:
  // `partials`: name -> template text, usable as {{> name}} in every template.
  RenderModel(const nlohmann::json& root, const std::map<std::string, std::string>& partials);
  ~RenderModel();
  RenderModel(const RenderModel&) = delete;
  RenderModel& operator=(const RenderModel&) = delete;

  // Number of items in the list `name` at the root (0 when missing or not a list).
  size_t ListSize(const std::string& name) const;

  // Renders `text` with the root as context, or with item `index` of list `list` pushed on
  // top of the root. `where` names the template in error messages. Thread-safe: a parsed
  // template is used by one render at a time.
  Result<std::string> Render(const std::string& text, const std::string& where,
                             const std::string& list = "", size_t index = 0) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Forgets every parsed template, so that the next renders parse again (what the first
// generation of a process costs). For benchmarks; thread-safe.
void DropParsedTemplates();

}  // namespace bf::generate
