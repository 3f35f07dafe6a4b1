// Request bodies derived from the spec: valid values for every field type and constraint, and
// the invalid variants a backend must reject with 422.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "spec/app_spec.h"
#include "verify/model.h"

namespace bf::verify {

// A value of `f` satisfying its type, enum, min/max, maxLength and format. Values differ per
// `seq` (>= 1) and include `run` where they fit (so unique fields stay unique across runs), and
// they ascend with `seq` for every sortable type (strings start with the letter 'a' + seq - 1).
nlohmann::json SampleValue(const spec::Field& f, int seq, std::string_view run);

// A valid value of `f` different from `current` (for PATCH), or `current` itself when the field
// admits a single value (an enum of one).
nlohmann::json OtherValue(const spec::Field& f, const nlohmann::json& current, int seq,
                          std::string_view run);

enum class InvalidKind {
  kMissingRequired,
  kWrongType,
  kEnum,
  kUnknownProperty,
  kTooLong,
  kBelowMin,
  kAboveMax,
  kBadFormat
};

// One invalid create body: `valid` with `field` removed or set to `value`.
struct InvalidBody {
  std::string field;
  nlohmann::json body;
  std::string description;  // "title is missing", "views is -1 (minimum 0)"
};

// nullopt when the entity has no field the kind applies to (e.g. no enum field).
std::optional<InvalidBody> MakeInvalid(InvalidKind kind, const EntityModel& e,
                                       const nlohmann::json& valid);

// A short name per kind for check names: "missing required field", "wrong type", ...
std::string_view KindName(InvalidKind kind);

}  // namespace bf::verify
