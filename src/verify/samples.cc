#include "verify/samples.h"

#include <cmath>
#include <cstdio>
#include <functional>

#include "spec/naming.h"

namespace bf::verify {

namespace {

using spec::FieldType;

char Letter(int seq) { return static_cast<char>('a' + (seq - 1 + 26 * 1000) % 26); }

std::string Fit(std::vector<std::string> candidates, std::optional<int64_t> max_len) {
  for (const auto& c : candidates) {
    if (!max_len || static_cast<int64_t>(c.size()) <= *max_len) return c;
  }
  std::string last = candidates.back();
  last.resize(static_cast<size_t>(std::max<int64_t>(1, *max_len)));
  return last;
}

std::string Hex(uint64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*llx", width, static_cast<unsigned long long>(v));
  std::string s = buf;
  return s.substr(s.size() - static_cast<size_t>(width));
}

std::string Two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

nlohmann::json SampleValue(const spec::Field& f, int seq, std::string_view run_view) {
  std::string run(run_view);
  std::string n = std::to_string(seq);
  std::string letter(1, Letter(seq));
  switch (f.type) {
    case FieldType::kString:
      return Fit({letter + "-" + naming::ToKebabCase(f.name) + "-" + run + "-" + n,
                  letter + "-" + run + "-" + n, letter + run + n, letter + n},
                 f.maxLength);
    case FieldType::kText:
      return Fit({letter + "-" + naming::ToLowerWords(f.name) + " " + n +
                      " written by verify run " + run + ".",
                  letter + "-" + run + "-" + n, letter + n},
                 f.maxLength);
    case FieldType::kEmail:
      return Fit({letter + "-" + run + "-" + n + "@example.com", letter + n + "@ex.io"},
                 f.maxLength);
    case FieldType::kUrl:
      return Fit(
          {"https://example.com/" + letter + "-" + run + "/" + n, "http://x.io/" + letter + n},
          f.maxLength);
    case FieldType::kUuid: {
      uint64_t h = std::hash<std::string>{}(run);
      return Hex(static_cast<uint64_t>(seq), 8) + "-" + Hex(h >> 48, 4) + "-4" + Hex(h >> 36, 3) +
             "-8" + Hex(h >> 24, 3) + "-" + Hex(h, 12);
    }
    case FieldType::kInteger: {
      int64_t lo = f.min ? static_cast<int64_t>(std::ceil(*f.min)) : 0;
      int64_t v = lo + seq;
      if (f.max) v = std::min(v, static_cast<int64_t>(std::floor(*f.max)));
      return v;
    }
    case FieldType::kNumber: {
      double lo = f.min ? *f.min : 0.0;
      double v = lo + seq + 0.5;
      if (f.max && v > *f.max) v = *f.max - 1.0 / (seq + 1);
      if (f.min && v < *f.min) v = *f.min;
      return v;
    }
    case FieldType::kBoolean:
      return seq % 2 == 1;
    case FieldType::kDateTime:
      return "2024-01-" + Two(1 + seq % 28) + "T10:" + Two((seq / 28) % 60) + ":00.000Z";
    case FieldType::kDate:
      return "2024-01-" + Two(1 + seq % 28);
    case FieldType::kEnum:
      if (f.enumValues.empty()) return "";
      return f.enumValues[static_cast<size_t>(seq - 1) % f.enumValues.size()];
    case FieldType::kJson:
      return {{"seq", seq}, {"run", run}};
  }
  return nullptr;
}

nlohmann::json OtherValue(const spec::Field& f, const nlohmann::json& current, int seq,
                          std::string_view run) {
  for (int k = 1; k <= 30; ++k) {
    nlohmann::json v = SampleValue(f, seq + 40 + k, run);
    if (v != current) return v;
  }
  return current;
}

std::string_view KindName(InvalidKind kind) {
  switch (kind) {
    case InvalidKind::kMissingRequired:
      return "missing required field";
    case InvalidKind::kWrongType:
      return "wrong type";
    case InvalidKind::kEnum:
      return "enum value out of range";
    case InvalidKind::kUnknownProperty:
      return "unknown property";
    case InvalidKind::kTooLong:
      return "string over maxLength";
    case InvalidKind::kBelowMin:
      return "number under minimum";
    case InvalidKind::kAboveMax:
      return "number over maximum";
    case InvalidKind::kBadFormat:
      return "malformed format";
  }
  return "invalid";
}

std::optional<InvalidBody> MakeInvalid(InvalidKind kind, const EntityModel& e,
                                       const nlohmann::json& valid) {
  auto with = [&](const std::string& field, nlohmann::json value, std::string why) {
    nlohmann::json body = valid;
    body[field] = std::move(value);
    return InvalidBody{field, body, std::move(why)};
  };
  auto num = [](double d) { return nlohmann::json(d).dump(); };
  switch (kind) {
    case InvalidKind::kMissingRequired: {
      for (const auto* f : e.writable) {
        if (f->required && !f->defaultValue && valid.contains(f->name)) {
          nlohmann::json body = valid;
          body.erase(f->name);
          return InvalidBody{f->name, body, f->name + " (required) is left out"};
        }
      }
      for (const auto& r : e.refs) {
        if (r.required && !r.isOwner && valid.contains(r.field)) {
          nlohmann::json body = valid;
          body.erase(r.field);
          return InvalidBody{r.field, body, r.field + " (required reference) is left out"};
        }
      }
      return std::nullopt;
    }
    case InvalidKind::kWrongType:
      for (const auto* f : e.writable) {
        if (f->type == FieldType::kJson) continue;
        if (spec::IsTextual(f->type) || f->type == FieldType::kDateTime ||
            f->type == FieldType::kDate) {
          return with(f->name, 12345, f->name + " is the number 12345 instead of a string");
        }
        if (spec::IsNumeric(f->type))
          return with(f->name, "not-a-number", f->name + " is a string instead of a number");
        if (f->type == FieldType::kBoolean)
          return with(f->name, "yes", f->name + " is the string \"yes\" instead of a boolean");
      }
      return std::nullopt;
    case InvalidKind::kEnum:
      for (const auto* f : e.writable) {
        if (f->type == FieldType::kEnum) {
          return with(f->name, "not-a-valid-" + f->name,
                      f->name + " is not one of its enum values");
        }
      }
      return std::nullopt;
    case InvalidKind::kUnknownProperty:
      return with("verifyUnknownProperty", true,
                  "the body has a property the entity does not define");
    case InvalidKind::kTooLong:
      for (const auto* f : e.writable) {
        if (!f->maxLength || f->type == FieldType::kEnum || f->type == FieldType::kUuid) continue;
        size_t len = static_cast<size_t>(*f->maxLength) + 1;
        std::string v(len, 'x');
        if (f->type == FieldType::kEmail && len >= 14)
          v = std::string(len - 12, 'x') + "@example.com";
        if (f->type == FieldType::kUrl && len >= 21)
          v = "https://example.com/" + std::string(len - 20, 'x');
        return with(f->name, v,
                    f->name + " has " + std::to_string(len) + " characters (maxLength " +
                        std::to_string(*f->maxLength) + ")");
      }
      return std::nullopt;
    case InvalidKind::kBelowMin:
      for (const auto* f : e.writable) {
        if (!spec::IsNumeric(f->type) || !f->min) continue;
        nlohmann::json v = f->type == FieldType::kInteger
                               ? nlohmann::json(static_cast<int64_t>(std::ceil(*f->min)) - 1)
                               : nlohmann::json(*f->min - 0.5);
        return with(f->name, v, f->name + " is " + v.dump() + " (minimum " + num(*f->min) + ")");
      }
      return std::nullopt;
    case InvalidKind::kAboveMax:
      for (const auto* f : e.writable) {
        if (!spec::IsNumeric(f->type) || !f->max) continue;
        nlohmann::json v = f->type == FieldType::kInteger
                               ? nlohmann::json(static_cast<int64_t>(std::floor(*f->max)) + 1)
                               : nlohmann::json(*f->max + 0.5);
        return with(f->name, v, f->name + " is " + v.dump() + " (maximum " + num(*f->max) + ")");
      }
      return std::nullopt;
    case InvalidKind::kBadFormat:
      for (const auto* f : e.writable) {
        switch (f->type) {
          case FieldType::kEmail:
            return with(f->name, "not-an-email", f->name + " is not an e-mail address");
          case FieldType::kUrl:
            return with(f->name, "not a url", f->name + " is not a URL");
          case FieldType::kDateTime:
            return with(f->name, "yesterday at noon", f->name + " is not an ISO 8601 date-time");
          case FieldType::kDate:
            return with(f->name, "2024-13-45", f->name + " is not a valid YYYY-MM-DD date");
          case FieldType::kUuid:
            return with(f->name, "not-a-uuid", f->name + " is not a UUID");
          default:
            break;
        }
      }
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace bf::verify
