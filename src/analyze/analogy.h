// Brand analogies: "Uber for dog walking", "the Airbnb of boats", "like Tinder but for
// roommates", "an Etsy-style marketplace for vintage furniture". The named product gives the
// shape of the backend (an on-demand service, listings booked for dates, profiles that match, a
// marketplace); the words after "for" / "of" give the domain. "Uber for our industry" names the
// shape but no domain, so the analyzer asks what the business offers instead of planning rides.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/archetypes.h"
#include "analyze/text.h"

namespace bf::analyze {

// How a brand's model carries over to another domain.
enum class AnalogyShape {
  kService,  // Uber, TaskRabbit: customers book a provider for a job and rate it
  kStay,     // Airbnb, Turo: owners list things that others book for dates
  kMatch,    // Tinder: profiles like each other; mutual likes match and chat
  kMarket,   // Etsy, eBay, Amazon: sellers list items that buyers order
  kSame,     // Instagram, Slack, Trello, ...: the brand's own kind of backend
};

struct Analogy {
  std::string brand;                 // lowercase, as written: "uber", "stack overflow"
  AnalogyShape shape = AnalogyShape::kSame;
  const Archetype* model = nullptr;  // the brand's own kind of backend (rides for Uber)
  std::vector<std::string> target;   // lowercase words after "for" / "of", determiners dropped
  bool placeholder = false;          // the target names no domain: "our industry", "small businesses", "X"
  std::string text;                  // the analogy as written, brand capitalised: "Uber for our industry"
  size_t sentence = 0;               // index of the sentence it was found in
};

// The first brand analogy in the text, or nothing. A brand that is also an everyday word
// ("notion", "slack", "amazon", "handy") counts only next to a cue ("like", "clone", "-style",
// "for", "alternative"). A brand with no "for"/"of" after it has an empty target.
std::optional<Analogy> FindAnalogy(const std::vector<Sentence>& sentences);

// Raises the brand's own archetype in `matches` (adding it when absent), best first again.
void BoostAnalogyModel(const Analogy& a, std::vector<ArchetypeMatch>& matches);

// The archetype a concrete analogy plans from: the model carried over to the target ("Uber for
// dog walking" -> Walker, Booking, Review and the customer's Dog; "Airbnb for boats" -> Boat,
// Booking, Review), or the archetype the target names itself ("Uber for food delivery" -> food
// delivery). `reading` receives one sentence that says how the request was read. Nothing for a
// placeholder or an empty target.
std::optional<Archetype> PlanAnalogy(const Analogy& a, std::string& reading);

// The record a brand's own kind of backend is likened to acting on ("Like OpenTable, but for booking
// courts at our tennis club" -> "Court"), or "" (a placeholder, another shape, a compound target such
// as "Trello for wedding seating plans", a column word).
std::string AnalogyTargetRecord(const Analogy& a);

// The name a brand analogy would give a record: the brand's own words, spaces dropped ("uber eats" ->
// "ubereats"), to compare with a record's lowercase name.
std::string BrandRecordName(const Analogy& a);

// The brand's shape with no domain of its own, for "Uber for our industry" when the rest of the
// text (or the answer to the question) says what the business does: on-demand services for Uber,
// bookable listings for Airbnb, the brand's own kind of backend otherwise.
const Archetype* ShapeArchetype(const Analogy& a);

}  // namespace bf::analyze
