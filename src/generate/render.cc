#include "generate/render.h"

#include <kainjow/mustache.hpp>

namespace bf::generate {

namespace mu = kainjow::mustache;

namespace {

mu::data ToData(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mu::data d{mu::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, ToData(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mu::data d{mu::data::type::list};
      for (const auto& v : j) d.push_back(ToData(v));
      return d;
    }
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

}  // namespace

struct RenderModel::Impl {
  mu::data root;
  std::map<std::string, mu::data> lists;  // list name -> list data (pointers into root are unstable)
};

RenderModel::RenderModel(const nlohmann::json& root, const std::map<std::string, std::string>& partials)
    : impl_(std::make_unique<Impl>()) {
  impl_->root = ToData(root);
  for (const auto& [name, text] : partials) {
    std::string copy = text;
    impl_->root.set(name, mu::data{mu::partial{[copy] { return copy; }}});
  }
  if (root.is_object()) {
    for (const auto& [k, v] : root.items()) {
      if (v.is_array()) impl_->lists[k] = ToData(v);
    }
  }
}

RenderModel::~RenderModel() = default;

size_t RenderModel::ListSize(const std::string& name) const {
  auto it = impl_->lists.find(name);
  return it == impl_->lists.end() ? 0 : it->second.list_value().size();
}

Result<std::string> RenderModel::Render(const std::string& text, const std::string& where,
                                        const std::string& list, size_t index) const {
  mu::mustache tmpl{text};
  if (!tmpl.is_valid()) {
    return MakeError("generate.template", where + ": " + tmpl.error_message());
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  mu::context<std::string> ctx{&impl_->root};
  if (!list.empty()) {
    auto it = impl_->lists.find(list);
    if (it == impl_->lists.end() || index >= it->second.list_value().size()) {
      return MakeError("generate.template", where + ": no item " + std::to_string(index) + " in list \"" + list + "\"");
    }
    ctx.push(&it->second.list_value()[index]);
  }
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    return MakeError("generate.template", where + ": " + tmpl.error_message());
  }
  return out;
}

}  // namespace bf::generate
