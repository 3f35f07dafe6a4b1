#include "generate/render.h"

#include <kainjow/mustache.hpp>
#include <memory>

namespace bf::generate {

namespace mu = kainjow::mustache;

namespace {

// A leaf value, or an empty container of the right kind (filled in place by Fill).
mu::data Shell(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object:
      return mu::data{mu::data::type::object};
    case nlohmann::json::value_t::array:
      return mu::data{mu::data::type::list};
    case nlohmann::json::value_t::string:
      return mu::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return mu::data{j.get<bool>()};
    case nlohmann::json::value_t::null:
      return mu::data{false};
    default:
      return mu::data{j.dump()};
  }
}

// Converts in place, in linear time. kainjow's set/push_back only copy, so building children
// first and inserting them would copy every subtree once per level above it (most of the time
// of a generation went there). Children are inserted as shells and filled where they live; the
// const_cast is sound because the element belongs to `d`, which is not const.
void Fill(mu::data& d, const nlohmann::json& j) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      d.set(k, Shell(v));
      if (v.is_structured()) Fill(const_cast<mu::data&>(*d.get(k)), v);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      d.push_back(Shell(v));
      if (v.is_structured()) Fill(const_cast<mu::data&>(d.list_value().back()), v);
    }
  }
}

}  // namespace

struct RenderModel::Impl {
  mu::data root;
  // List name -> the list inside root. Stable: root's members live in an unordered_map (nodes
  // never move) and each list's items in a heap vector that nothing modifies after construction.
  std::map<std::string, const mu::data*> lists;
  // Parsed templates by text: a per-entity template is parsed once, not once per entity.
  mutable std::map<std::string, std::unique_ptr<mu::mustache>, std::less<>> parsed;
};

RenderModel::RenderModel(const nlohmann::json& root, const std::map<std::string, std::string>& partials)
    : impl_(std::make_unique<Impl>()) {
  impl_->root = Shell(root);
  Fill(impl_->root, root);
  for (const auto& [name, text] : partials) {
    std::string copy = text;
    impl_->root.set(name, mu::data{mu::partial{[copy] { return copy; }}});
  }
  if (root.is_object()) {
    for (const auto& [k, v] : root.items()) {
      if (v.is_array()) impl_->lists[k] = impl_->root.get(k);
    }
  }
}

RenderModel::~RenderModel() = default;

size_t RenderModel::ListSize(const std::string& name) const {
  auto it = impl_->lists.find(name);
  return it == impl_->lists.end() ? 0 : it->second->list_value().size();
}

Result<std::string> RenderModel::Render(const std::string& text, const std::string& where,
                                        const std::string& list, size_t index) const {
  auto cached = impl_->parsed.find(text);
  if (cached == impl_->parsed.end()) {
    auto parsed = std::make_unique<mu::mustache>(text);
    if (!parsed->is_valid()) {
      return MakeError("generate.template", where + ": " + parsed->error_message());
    }
    parsed->set_custom_escape([](const std::string& s) { return s; });
    cached = impl_->parsed.emplace(text, std::move(parsed)).first;
  }
  mu::mustache& tmpl = *cached->second;
  mu::context<std::string> ctx{&impl_->root};
  if (!list.empty()) {
    auto it = impl_->lists.find(list);
    if (it == impl_->lists.end() || index >= it->second->list_value().size()) {
      return MakeError("generate.template", where + ": no item " + std::to_string(index) + " in list \"" + list + "\"");
    }
    ctx.push(&it->second->list_value()[index]);
  }
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    std::string message = where + ": " + tmpl.error_message();
    impl_->parsed.erase(cached);  // a failed render leaves the template in its error state
    return MakeError("generate.template", message);
  }
  return out;
}

}  // namespace bf::generate
