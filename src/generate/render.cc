#include "generate/render.h"

#include <kainjow/mustache.hpp>
#include <memory>
#include <mutex>
#include <vector>

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
      return mu::data{j.get_ref<const std::string&>()};
    case nlohmann::json::value_t::boolean:
      return mu::data{j.get<bool>()};
    case nlohmann::json::value_t::null:
      return mu::data{false};
    default:
      return mu::data{j.dump()};
  }
}

// Converts in place, in linear time. kainjow's set/push_back only copy, so building children
// first and inserting them would copy every subtree once per level above it. Children are
// moved in as shells and filled where they live: members through operator[], list items
// through the list itself (the const_cast is sound: the list belongs to `d`, which is not
// const). kainjow's move constructor is not noexcept, so a growing std::vector would copy its
// items deeply: lists are reserved at their final size first.
void Fill(mu::data& d, const nlohmann::json& j) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      mu::data& child = d[k];
      child = Shell(v);
      if (v.is_structured()) Fill(child, v);
    }
  } else if (j.is_array()) {
    auto& items = const_cast<mu::list&>(d.list_value());
    items.reserve(j.size());
    for (const auto& v : j) {
      items.push_back(Shell(v));
      if (v.is_structured()) Fill(items.back(), v);
    }
  }
}

// Parsed templates shared by every generation in the process, keyed by template text (so an
// edited `--templates` file is parsed again, and two targets with the same text share it).
// Parsing is most of kainjow's cost (a component per whitespace character), and a target's
// templates are rendered again on every generation (stub then impl, every server request).
// A parsed template is checked out for one render and checked in afterwards: kainjow's render
// is not const (it records errors in the template), so two threads never share one; a thread
// that finds every copy checked out parses another, and up to kMaxCopies are kept. A template
// whose render failed is dropped.
class ParsedTemplates {
 public:
  static ParsedTemplates& Shared() {
    static ParsedTemplates cache;
    return cache;
  }

  // A parsed template for `text` (check it with is_valid()), owned by the caller until CheckIn.
  std::unique_ptr<mu::mustache> CheckOut(const std::string& text) {
    {
      std::lock_guard lock(mu_);
      if (auto it = idle_.find(text); it != idle_.end() && !it->second.empty()) {
        auto parsed = std::move(it->second.back());
        it->second.pop_back();
        return parsed;
      }
    }
    auto parsed = std::make_unique<mu::mustache>(text);
    parsed->set_custom_escape([](const std::string& s) { return s; });
    return parsed;
  }

  void Clear() {
    std::map<std::string, std::vector<std::unique_ptr<mu::mustache>>, std::less<>> idle;
    {
      std::lock_guard lock(mu_);
      idle.swap(idle_);
      text_bytes_ = 0;
    }
  }

  void CheckIn(const std::string& text, std::unique_ptr<mu::mustache> parsed) {
    if (!parsed->is_valid()) return;
    std::lock_guard lock(mu_);
    // Bounded for long-lived servers whose template folders keep changing: the node-express
    // target is about 0.25 MB of template text.
    if (text_bytes_ + text.size() > kMaxTextBytes) {
      idle_.clear();
      text_bytes_ = 0;
    }
    auto& copies = idle_[text];
    if (copies.size() >= kMaxCopies) return;
    copies.push_back(std::move(parsed));
    text_bytes_ += text.size();
  }

 private:
  static constexpr size_t kMaxTextBytes = 8u << 20;
  static constexpr size_t kMaxCopies = 4;  // renders of one template at once (generation uses two threads)
  std::mutex mu_;
  std::map<std::string, std::vector<std::unique_ptr<mu::mustache>>, std::less<>> idle_;
  size_t text_bytes_ = 0;
};

}  // namespace

struct RenderModel::Impl {
  mu::data root;
  // List name -> the list inside root. Stable: root's members live in an unordered_map (nodes
  // never move) and each list's items in a heap vector that nothing modifies after construction.
  std::map<std::string, const mu::data*> lists;
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
  ParsedTemplates& cache = ParsedTemplates::Shared();
  std::unique_ptr<mu::mustache> tmpl = cache.CheckOut(text);
  if (!tmpl->is_valid()) return MakeError("generate.template", where + ": " + tmpl->error_message());
  mu::context<std::string> ctx{&impl_->root};
  if (!list.empty()) {
    auto it = impl_->lists.find(list);
    if (it == impl_->lists.end() || index >= it->second->list_value().size()) {
      cache.CheckIn(text, std::move(tmpl));
      return MakeError("generate.template", where + ": no item " + std::to_string(index) + " in list \"" + list + "\"");
    }
    ctx.push(&it->second->list_value()[index]);
  }
  std::string out = tmpl->render(ctx);
  // A failed render leaves the template in its error state: CheckIn drops it.
  if (!tmpl->is_valid()) return MakeError("generate.template", where + ": " + tmpl->error_message());
  cache.CheckIn(text, std::move(tmpl));
  return out;
}

void DropParsedTemplates() { ParsedTemplates::Shared().Clear(); }

}  // namespace bf::generate
