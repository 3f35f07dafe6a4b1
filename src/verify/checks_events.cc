// Server-sent events: GET /api/events streams `<entity-kebab>.<created|updated|deleted>`.
#include <algorithm>

#include "common/strings.h"
#include "verify/checks.h"
#include "verify/record_expect.h"
#include "verify/samples.h"

namespace bf::verify {

namespace {

using Op = Context::Op;
using nlohmann::json;

constexpr const char* kOpenCheck = "events: stream opens with a bearer token";

Exchange FromHead(const HttpRequest& request, const HttpResponse& head) {
  Exchange ex;
  ex.request = request;
  ex.response = head;
  return ex;
}

HttpRequest StreamRequest(const Context& ctx, const std::string& target, bool with_header) {
  HttpRequest r;
  r.method = "GET";
  r.target = target;
  r.headers.push_back({"Accept", "text/event-stream"});
  if (with_header && ctx.Who(kOwner))
    r.headers.push_back({"Authorization", "Bearer " + ctx.Who(kOwner)->accessToken});
  return r;
}

// Opens a stream and expects 200 text/event-stream.
Outcome ExpectStream(Context& ctx, const HttpRequest& request,
                     std::unique_ptr<EventStream>& stream) {
  std::string expected = "200 Content-Type: text/event-stream";
  auto opened = ctx.http.Open(request);
  if (!opened.ok()) {
    Exchange ex;
    ex.request = request;
    ex.transportError = opened.error().message;
    return Fail(
        "the stream did not open: " + opened.error().message +
            " (an event stream sends its status and headers as soon as the client connects)",
        expected, ex);
  }
  stream = std::move(opened).value();
  Exchange ex = FromHead(request, stream->head());
  if (auto f = ExpectStatus(ex, 200, expected)) return *f;
  if (stream->head().MediaType() != "text/event-stream") {
    return Fail("Content-Type is \"" + stream->head().Header("content-type") + "\"", expected, ex);
  }
  return Pass();
}

std::string Describe(const std::vector<SseEvent>& events) {
  if (events.empty()) return "no events arrived";
  std::vector<std::string> lines;
  for (const auto& e : events) {
    std::string data = e.data.size() > 160 ? e.data.substr(0, 160) + "…" : e.data;
    lines.push_back("event: " + (e.event.empty() ? std::string("(none)") : e.event) +
                    " data: " + data);
  }
  return "received:\n  - " + Join(lines, "\n  - ");
}

// Waits for the event announcing `type` for record `id`.
Outcome AwaitEvent(Context& ctx, const std::string& type, const std::string& id,
                   const Exchange& cause) {
  std::string expected = "within " + std::to_string(ctx.options.eventWait.count()) +
                         " ms: event: " + type + " with data {\"type\": \"" + type +
                         "\", \"id\": \"" + id + "\", \"data\": {...}}";
  auto deadline = std::chrono::steady_clock::now() + ctx.options.eventWait;
  size_t next = 0;
  for (;;) {
    for (; next < ctx.received.size(); ++next) {
      const SseEvent& ev = ctx.received[next];
      json data = json::parse(ev.data, nullptr, false);
      std::string dtype = data.is_object() ? StrOf(data, "type") : "";
      bool match =
          data.is_object() && StrOf(data, "id") == id && (dtype == type || ev.event == type);
      if (!match) continue;
      if (ev.event != type) {
        return Fail("the event for " + id + " came without the line \"event: " + type +
                        "\" (event name: \"" + ev.event + "\", data.type: \"" + dtype + "\")",
                    expected, cause);
      }
      if (dtype != type)
        return Fail("data.type is \"" + dtype + "\" for event " + type, expected, cause);
      if (!data.contains("data") || !data["data"].is_object()) {
        return Fail("the event's data has no \"data\" object (the record)", expected, cause);
      }
      ctx.received.erase(ctx.received.begin() + static_cast<long>(next));
      return Pass();
    }
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline || ctx.events->ended()) break;
    std::string chunk =
        ctx.events->Read(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
    for (auto& ev : ctx.sse.Feed(chunk)) ctx.received.push_back(std::move(ev));
  }
  return Fail((ctx.events->ended() ? "the stream ended; " : "") + Describe(ctx.received), expected,
              cause);
}

// The entity whose records the event checks create, update and delete.
const EntityModel* EventEntity(const Context& ctx) {
  const EntityModel* fallback = nullptr;
  for (const auto& e : ctx.model.entities) {
    if (e.isUser) continue;
    if (ctx.CreatorOf(e) != kAdmin) return &e;
    if (!fallback) fallback = &e;
  }
  return fallback;
}

}  // namespace

void AddEventChecks(Context& ctx, std::vector<Check>& out) {
  if (!ctx.spec.HasFeature(spec::Feature::kRealtime) &&
      !ctx.spec.HasFeature(spec::Feature::kNotifications))
    return;
  const EntityModel* e = EventEntity(ctx);
  std::vector<std::string> open_needs;
  if (ctx.model.auth) {
    open_needs.push_back(kRegisterCheck);
    out.push_back({"events: stream requires a token", "events", {}, [&ctx] {
                     HttpRequest r = StreamRequest(ctx, "/api/events", false);
                     auto opened = ctx.http.Open(r);
                     if (!opened.ok())
                       return Fail("no response: " + opened.error().message, "401 problem");
                     Exchange ex = FromHead(r, opened.value()->head());
                     if (auto f = ExpectProblem(ex, 401, "401 problem")) return *f;
                     return Pass();
                   }});
    out.push_back({"events: access_token query parameter opens the stream",
                   "events",
                   {kRegisterCheck},
                   [&ctx] {
                     std::unique_ptr<EventStream> stream;
                     return ExpectStream(ctx,
                                         StreamRequest(ctx,
                                                       "/api/events?access_token=" +
                                                           UrlEncode(ctx.Who(kOwner)->accessToken),
                                                       false),
                                         stream);
                   }});
  }
  out.push_back({kOpenCheck, "events", open_needs, [&ctx] {
                   return ExpectStream(ctx, StreamRequest(ctx, "/api/events", true), ctx.events);
                 }});
  if (!e) return;
  std::string type = e->kebab;
  std::vector<std::string> needs = CreationNeeds(ctx, *e);
  needs.insert(needs.begin(), kOpenCheck);
  std::string created = "events: creating " + A(e->name) + " sends " + type + ".created";
  out.push_back({created, "events", needs, [&ctx, e, type] {
                   std::optional<json> record;
                   Exchange ex = ctx.CreateRecord(*e, 80, false, record);
                   if (!record) return Fail("could not create " + A(e->name), "201", ex);
                   ctx.records[e->name].pop_back();  // followed here only
                   ctx.eventRecordId = IdOf(*record);
                   return AwaitEvent(ctx, type + ".created", ctx.eventRecordId, ex);
                 }});
  std::string updater = ctx.ActorFor(*e, Op::kUpdate);
  std::string updated = "events: updating it sends " + type + ".updated";
  std::vector<std::string> update_needs = {kOpenCheck};
  if (!Context::SignInCheck(updater).empty()) update_needs.push_back(Context::SignInCheck(updater));
  const spec::Field* f = nullptr;
  for (const spec::Field* w : e->writable) {
    if (!w->unique) {
      f = w;
      break;
    }
  }
  if (f) {
    out.push_back({updated, "events", update_needs, [&ctx, e, type, f, updater] {
                     if (ctx.eventRecordId.empty())
                       return Skip("no record: the create-event check could not make one");
                     Exchange ex = ctx.Send("PATCH", e->route + "/" + ctx.eventRecordId,
                                            json{{f->name, SampleValue(*f, 81, ctx.run)}}, updater);
                     if (auto fail = ExpectStatus(ex, 200, "200 (updating the record)"))
                       return *fail;
                     return AwaitEvent(ctx, type + ".updated", ctx.eventRecordId, ex);
                   }});
  }
  std::string deleter = ctx.ActorFor(*e, Op::kDelete);
  std::vector<std::string> delete_needs = {kOpenCheck};
  if (!Context::SignInCheck(deleter).empty()) delete_needs.push_back(Context::SignInCheck(deleter));
  out.push_back({"events: deleting it sends " + type + ".deleted", "events", delete_needs,
                 [&ctx, e, type, deleter] {
                   if (ctx.eventRecordId.empty())
                     return Skip("no record: the create-event check could not make one");
                   Exchange ex = ctx.Send("DELETE", e->route + "/" + ctx.eventRecordId,
                                          std::nullopt, deleter);
                   if (auto fail = ExpectStatus(ex, 204, "204 (deleting the record)")) return *fail;
                   return AwaitEvent(ctx, type + ".deleted", ctx.eventRecordId, ex);
                 }});
}

}  // namespace bf::verify
