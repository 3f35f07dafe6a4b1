#include "analyze/lexicon.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "analyze/text.h"
#include "common/strings.h"
#include "spec/naming.h"

namespace bf::analyze::lex {
namespace {

using Set = std::unordered_set<std::string_view>;

const Set& Stopwords() {
  static const Set s = {
      "a", "an", "the", "this", "that", "these", "those", "each", "every", "any", "some", "all", "no",
      "its", "it", "their", "they", "them", "his", "her", "hers", "our", "ours", "we", "us", "you",
      "your", "yours", "theirs", "my", "i", "me", "he", "she", "him", "there", "here", "which", "who", "whom",
      "whose", "twice", "thrice",  // "meets twice a week"
      "haha", "hahaha", "lol", "hehe", "lmao", "btw", "tbh", "imo",  // "nobody understands anymore haha"
      // Chat spellings: "if u think it is yours", "we wanna keep", "pls".
      "u", "ur", "wanna", "gonna", "gotta", "kinda", "sorta", "lemme", "dunno", "pls", "plz", "thx",
      "what", "when", "where", "while", "whether", "if", "then", "than", "so", "as", "also", "too",
      "just", "only", "very", "really", "basically", "etc", "and", "or", "but", "nor", "plus", "both",
      "either", "neither", "of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "onto",
      "about", "over", "under", "per", "via", "without", "within", "between", "among", "through", "against", "toward", "towards", "beside", "behind", "beyond",
      "after", "before", "during", "up", "down", "out", "off", "like", "such", "eg", "ie", "aka", "is",
      "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have", "had",
      "having", "can", "could", "may", "might", "must", "should", "would", "will", "shall", "not",
      "dont", "doesnt", "cant", "wont", "isnt", "arent", "how", "why", "yes", "ok", "okay", "oh", "well", "maybe", "perhaps", "please", "pls", "thanks",
      "kind", "sort", "bunch", "couple", "few", "more", "most", "less", "much", "else",
      "again", "already", "still", "even", "ever", "never", "always", "usually", "often", "sometimes",
      "optionally", "mostly", "mainly", "exactly", "just", "own", "themselves", "itself", "yourself",
      "ourselves", "yourselves", "myself", "himself", "herself", "oneself",
      "whatever", "whoever", "whenever", "wherever", "everyone", "everybody", "someone", "somebody", "anyone",
      "anybody",
      "nobody", "everything", "something", "anything", "nothing", "other", "others", "another",
      "same", "such", "via", "vs", "versus", "either", "whom", "let", "lets", "got", "get", "gets",
      "now", "later", "soon", "today", "then", "thus", "hence", "therefore", "instead", "rather",
      "quite", "pretty", "too", "actually", "think", "idea", "stuff", "things", "thing", "way",
      "ways", "someday", "afterwards", "usual", "i'm", "im", "ive", "youre", "theyre", "its", "into",
      "upon", "whereas", "though", "although", "because", "since", "until", "unless", "once",
      "along", "across", "behind", "beside", "besides", "inside", "outside", "around", "near",
      "above", "below", "next", "last", "first", "second", "third", "separate", "separately",
      "respectively", "e", "g", "x", "n", "s", "y", "eachother",
      "m2m", "fk", "fks", "pk",  // ("Tags m2m", "FK category": schema shorthand, never a record)
      "yet"};  // ("Yet studios still run on spreadsheets": a conjunction, no qualifier)
  return s;
}

// Verbs that are never (or almost never) entity nouns in descriptions.
const Set& Verbs() {
  static const Set s = {
      "has", "have", "had", "having", "belongs", "belong", "belonging", "belonged", "depend", "depends",
      "depended", "depending", "derived", "participate", "participates", "participated", "compete", "competes",
      "discuss", "discusses", "discussed", "appear", "appears", "appeared", "fill", "fills", "impersonate",
      "impersonates",
      "contains",
      "contain", "containing", "includes", "include", "including", "hold", "owns", "own",
      "gets", "make", "makes", "made", "keep", "keeps", "kept", "store", "stores", "stored", "write",
      "writes", "wrote", "written", "create", "creates", "created", "manage", "manages", "managed",
      "run", "runs", "ran", "place", "places", "placed", "start", "starts", "started", "go", "goes",
      "went", "move", "moves", "moved", "join", "joins", "joined", "sign", "signs", "signed", "rent",
      "rents", "rented", "sell", "sells", "sold", "buy", "buys", "bought", "pay", "pays", "paid",
      "send", "sends", "sent", "receive", "receives", "received", "see", "sees", "saw", "seen",
      "edit", "edits", "edited", "delete", "deletes", "deleted", "upload", "uploads", "uploaded",
      "attach", "attaches", "attached", "assign", "assigns", "assigned", "link", "links", "linked",
      "shared", "follow", "follows", "followed", "rated", "reviewed", "voted", "commented",
      "reply", "replies", "replied", "reported", "tracked", "listed", "define", "defines", "defined",
      "leave", "leaves", "left", "give", "gives", "gave", "given", "take", "takes", "took", "taken",
      "ask", "asks", "asked", "answered", "checked", "save", "saves", "saved", "want", "wants",
      "wanted", "need", "needs", "needed", "use", "uses", "used", "allow", "allows", "allowed",
      "play", "plays", "played", "sit", "sits", "live", "lives", "lived", "nest", "nests", "nested",
      "collect", "collects", "collected", "produce", "produces", "produced", "lead", "leads", "log",
      "logs", "logged", "login", "register", "registers", "registered", "publish", "publishes",
      "published", "submit", "submits", "submitted", "approve", "approves", "approved", "reject",
      "rejects", "rejected", "enter", "enters", "entered", "add", "adds", "added", "remove",
      "removes", "removed", "contact", "manage", "browse", "browses", "search", "searches",
      "searched", "find", "finds", "found", "invite", "invites", "invited", "become", "becomes",
      "became", "turn", "turns", "turned", "point", "points", "pointed", "refer", "refers",
      "referred", "carry", "carries", "carried", "cover", "covers", "covered", "mark", "marks",
      "marked", "flag", "flagged", "describe", "describes", "described", "apply", "applies",
      "applied", "build", "building", "built", "support", "supports", "supported", "handle",
      "handles", "handled", "track", "tracks", "happen", "happens", "work", "works", "worked",
      "working", "show", "shows", "showed", "shown", "say", "says", "said", "tell", "tells",
      "know", "knows", "knew", "come", "comes", "came", "decide", "decides", "decided", "choose",
      "chooses", "chose", "chosen", "pick", "picks", "picked", "put", "puts", "set", "sets",
      "generate", "generates", "generated", "compute", "computes", "computed", "calculate",
      "calculated", "calculates", "sync", "synced", "import", "imported", "export", "exported",
      "connect", "connects", "connected", "contract", "organise", "organised", "organize",
      "organized", "grouped", "sorted", "filtered", "filter", "filters", "moderate", "moderates",
      "offer", "offers", "offered", "provide", "provides", "provided", "require", "requires",
      "required", "is", "are", "was", "were", "be", "been", "get", "got", "gotten", "stay",
      "stays", "hit", "hits", "try", "tries", "tried", "adjust", "adjusts", "treat", "treated",
      "treats", "key", "keys", "keyed", "compute", "consist", "consists", "consisting", "went",
      "goes", "made", "maintain", "maintains", "maintained", "restrict", "restricted", "enrol",
      "enroll", "enrolls", "enrolled", "attend", "attends", "attended", "subscribe", "subscribes",
      "subscribed", "unsubscribe", "belongs", "rate", "rates", "vote", "votes", "upvote", "upvotes",
      "downvote", "like", "likes", "liked", "favorite", "favorites", "favourite", "bookmark",
      "bookmarks", "star", "stars", "starred", "watch", "watches", "watched", "share", "shares",
      "poll", "polls", "close", "closes", "closed", "open", "opens", "opened", "cancel", "cancels",
      "canceled", "cancelled", "visit", "visits", "visited", "hire", "hires", "hired", "study",
      "teach", "teaches", "taught", "learn", "learns", "learned", "borrow", "borrows", "borrowed",
      "return", "returns", "returned", "lend", "lends", "lent", "sign", "sends", "ship", "ships",
      "shipped", "deliver", "delivers", "delivered", "order", "book", "books", "booked", "sleep",
      "train", "trains", "trained", "choose", "organizes", "organises", "host", "hosts", "hosted",
      "post", "posts", "posted", "comment", "comments", "review", "reviews", "report", "reports",
      "list", "lists", "answer", "answers", "message", "messages", "messaged", "schedule", "schedules",
      "check", "checks", "view", "views", "viewed", "record", "records", "recorded", "plan", "plans",
      "planned", "group", "groups", "rsvp", "rsvps", "invoice", "invoiced", "bill", "billed",
      "charge", "charged", "charges", "review", "sit", "sat", "belong", "linked", "tagged", "tag",
      "tags", "mention", "mentions", "mentioned", "notify", "notifies", "notified", "email",
      "emailed", "emails", "upload", "dispatch", "dispatched", "dispatches", "pull", "pulls",
      "merge", "merges", "merged", "infer", "inferred", "match", "matched", "matches", "rotate",
      "verify", "verified", "crawl", "crawls", "scrape", "scrapes", "spread", "spreads", "launch",
      "launches", "install", "installs", "installed", "quit", "drop", "drops", "dropped", "change",
      "changes", "changed", "update", "updates", "updated", "lives", "gets", "counts", "count",
      "batch", "batched", "scanned", "scan", "packed", "pack", "nesting", "sharing", "grouping", "matters",
      "matter", "happens", "means", "seems", "looks", "feels", "replace", "replaces", "bill", "bills", "redeem",
      "redeems", "redeemed"};
  return s;
}

// Words that are nouns as often as verbs: only verbs after a plural subject ("users post ...").
const Set& NounVerbs() {
  static const Set s = {"hit", "hits", "stay", "stays", "meet", "meets", "post", "posts", "references", "ties", "comment", "comments", "review", "reviews", "like", "likes",
                        "rate", "rates", "order", "orders", "book", "books", "list", "lists",
                        "report", "reports", "log", "logs", "group", "groups", "record", "records",
                        "view", "views", "answer", "answers", "vote", "votes", "share", "shares",
                        "check", "checks", "match", "matches", "plan", "plans", "schedule",
                        "schedules", "message", "messages", "contact", "contacts", "charge",
                        "charges", "visit", "visits", "return", "returns", "star", "stars", "tag",
                        "tags", "update", "updates", "change", "changes", "host", "hosts", "count",
                        "counts", "batch", "scan", "pack", "play", "plays", "train", "trains",
                        "study", "close", "open", "bill", "bills", "invoice", "email", "emails", "favorite", "plant",
                        "plants", "win", "wins", "cast", "casts", "holds",
                        "favorites", "bookmark", "bookmarks", "watch", "watches", "track", "tracks", "show", "shows",
                        "set", "sets", "key", "keys", "contract", "support", "flag", "point",
                        "points", "lead", "leads", "store", "stores", "need", "needs", "work",
                        "works", "link", "links", "mark", "marks", "poll", "polls", "hire", "ship", "score",
                        "scores", "grade", "grades", "rent", "lease", "leases", "bid", "bids",
                        "cover", "reply", "replies", "filter", "filters", "register", "subscribe",
                        "attend", "rsvp", "rsvps", "upload", "uploads", "sign", "place", "places",
                        "start", "run", "runs", "move", "moves", "rent", "rents", "offer", "offers",
                        "drop", "drops", "search", "request", "requests", "transfer", "transfers",
                        "deposit", "deposits", "claim", "claims", "note", "notes", "ask", "rating",
                        "build", "builds", "invite", "invites", "import", "imports", "export", "exports",
                        "dispatch", "dispatches", "ships", "launches", "hires", "edits", "upvotes", "picks",
                        "installs", "merges",
                        "booking", "listing", "building", "meeting", "setting", "training",
                        "wedding", "shipping", "billing", "pricing", "routing", "parking",
                        "lodging", "clothing", "housing", "accounting", "marketing", "timing",
                        "recording", "posting", "finding", "reading", "holding", "heading",
                        "opening", "ending", "beginning", "warning", "painting", "drawing",
                        "learning", "hearing", "staffing", "sharing", "streaming", "ticketing"};
  return s;
}

// Count words ("forty people", "a dozen shelters"): function words too (IsStopword).
const Set& CountWords() {
  static const Set s = {"one",      "two",      "three",    "four",    "five",    "six",      "seven",
                        "eight",    "nine",     "ten",      "eleven",  "twelve",  "thirteen", "fourteen", "fifteen",
                        "sixteen",  "seventeen", "eighteen", "nineteen", "twenty", "zero", "billion", "billions",
                        "thirty",   "forty",    "fifty",    "sixty",   "seventy", "eighty",   "ninety",
                        "hundred",  "hundreds", "thousand", "thousands", "million", "millions", "dozen",
                        "dozens"};
  return s;
}

const Set& Modifiers() {
  static const Set s = {
      "nested", "public", "private", "optional", "own", "custom", "other", "extra", "several", "temporary",
      "temp", "empty",
      "sms", "gps",  // acronyms ending in s: qualifiers ("SMS reminders", "GPS pings"), never singularized
      "multiple", "many", "various", "specific", "individual", "whole", "single", "main", "new",
      "old", "current", "previous", "different", "separate", "simple", "basic", "additional",
      "existing", "related", "actual", "real", "normal", "default", "usual", "global",
      "online", "physical", "internal", "external", "registered", "free", "static",
      "few", "all", "every", "each", "certain", "selected", "possible", "whole", "entire",
      "corresponding", "respective", "relevant", "particular", "general", "given", "typical",
      "standard", "full", "short", "long", "big", "small", "large", "little", "simple", "proper",
      "actual", "important", "key", "various", "numerous", "fixed", "configurable", "predefined",
      "arbitrary", "generic", "sub", "parent", "child", "top", "bottom", "upcoming", "past",
      "recent", "latest", "open", "closed", "active", "inactive", "archived", "deleted", "hidden",
      "visible", "published", "draft", "pending", "approved", "rejected", "uploaded", "attached",
      "registered", "paying", "paid", "unpaid", "premium", "basic", "secondhand", "used", "shared",
      "scanned", "linked", "assigned", "saved", "stored", "personal", "individual", "special",
      "fellow", "both", "either", "more", "most", "less", "least", "some", "any", "no", "same",
      "such", "ordinary", "regular", "simple", "detailed", "complete", "completed", "finished",
      "primary", "secondary", "reusable", "independent", "early"};
  return s;
}

const Set& Quantifiers() {
  static const Set s = {"many", "several", "multiple", "some", "various", "numerous", "more", "any",
                        "all", "few", "lots", "lot", "bunch", "couple", "list", "set", "number",
                        "collection", "series", "group"};
  return s;
}

// Attribute words: a noun in this set is a field unless strong evidence says otherwise.
const Set& FieldWords() {
  static const Set s = {
      "name", "names", "title", "titles", "description", "descriptions", "email", "emails", "phone",
      "phones", "address", "addresses", "date", "dates", "status", "statuses", "type", "types",
      "price", "prices", "amount", "amounts", "notes", "url", "urls", "slug", "code", "codes",
      "number", "numbers", "id", "ids", "uuid", "guid", "key", "flag", "flags", "count", "counts",
      "quantity", "quantities", "total", "totals", "currency", "timezone", "language", "locale",
      "color", "colour", "icon", "avatar", "logo", "bio", "body", "content", "text", "summary",
      "username", "password", "firstname", "lastname", "surname", "age", "gender", "sex", "birthday",
      "birthdate", "dob", "city", "state", "zip", "zipcode", "postcode", "country", "region",
      "street", "latitude", "longitude", "lat", "lon", "lng", "altitude", "speed", "course", "coordinates", "coords",
      "weight", "height", "width", "length", "size", "duration", "time", "times", "timestamp",
      "start", "end", "rating", "score", "rank", "position", "order", "sequence", "priority",
      "level", "visibility", "website", "homepage", "link", "links", "image", "photo", "picture",
      "thumbnail", "banner", "cover", "file", "attachment", "cost", "fee", "fees", "salary", "rate",
      "rates", "balance", "tax", "vat", "discount", "percentage", "percent", "value", "values",
      "comment", "message", "reason", "answer", "question", "remarks", "instructions", "details",
      "metadata", "attributes", "properties", "settings", "config", "json", "data", "info",
      "information", "label", "caption", "subtitle", "headline", "excerpt", "sku", "upc", "isbn",
      "barcode", "serial", "model", "brand", "make", "year", "month", "day", "hours", "minutes",
      "seconds", "capacity", "stock", "mileage", "vin", "plate", "deadline", "due", "expiry",
      "expiration", "note", "mobile", "cellphone", "fax", "nickname", "handle", "alias",
      "identifier", "reference", "ref", "checksum", "hash", "token", "secret", "signature",
      "format", "mime", "extension", "filename", "path", "location", "venue", "area", "volume", "pickup",
      "dropoff", "origin", "tempo",
      "unit", "units", "servings", "difficulty", "calories", "ingredients", "bedrooms",
      "bathrooms", "floor", "rooms", "seats", "rent", "deposit", "interest", "term", "frequency",
      "interval", "period", "schedule", "recurrence", "role", "roles", "permission", "permissions",
      "category", "kind", "genre", "keywords", "skills", "votes", "likes", "views",
      "downloads", "followers", "flagged", "active", "enabled", "verified", "published",
      "visible", "featured", "pinned", "locked", "hidden", "archived", "completed", "done",
      "paid", "approved", "valid", "disabled", "default", "primary", "open", "closed",
      "firstname", "middlename", "suffix", "prefix", "initials", "occupation", "employer",
      "job", "nationality", "pronouns", "website", "twitter", "facebook", "instagram",
      "linkedin", "github", "owner", "lot", "batch", "dimensions", "resolution", "notes",
      "points", "goals", "assists", "card", "cards", "temperature", "hydration", "findings",
      "booster", "microchip", "breed", "species", "fur", "pay", "relocate", "source", "comments",
      "attendance", "summary", "homework", "effort", "attainment", "response", "direction",
      "context", "blurb", "website", "division", "field", "kickoff", "path", "credits", "budget",
      "revenue", "margin", "distance", "accuracy", "protocol", "area", "period", "expires",
      "timestamps", "routine", "impression", "repetitions", "reps", "sets", "frequency", "method",
      "channel", "channels", "format", "mode", "theme", "status", "stage", "phase", "state"};
  return s;
}

const Set& NonEntities() {
  static const Set s = {
      "vision", "mission",  // "our vision: a marketplace that ..." (a pitch, no record)
      "backend", "backends", "system", "systems", "api", "apis", "app", "apps", "application",
      "applications", "platform", "platforms", "database", "databases", "db", "server", "servers",
      "tool", "tools", "website", "websites", "software", "thing", "things", "stuff", "data", "info",
      "information", "way", "ways", "kind", "kinds", "sort", "part", "parts", "side",
      "sides", "idea", "example", "examples", "everything", "everyone", "everybody", "anything",
      "something", "nothing", "folks", "guys", "us", "feature", "features", "functionality",
      "module", "modules", "model", "models", "schema", "schemas", "table", "tables", "row", "rows",
      "column", "columns", "field", "fields", "entity", "entities", "object", "objects", "number",
      "numbers", "time", "times", "day", "days", "night", "nights", "week", "weeks", "month", "months",
      "year", "years", "minute",
      "minutes", "hour", "hours", "second", "seconds", "moment", "today", "tomorrow", "yesterday",
      "friday", "monday", "heart", "core", "basis", "rest", "end", "start", "beginning", "top",
      "bottom", "middle", "front", "back", "web", "ui", "frontend", "interface", "screen",
      "screens", "button", "spreadsheet", "spreadsheets", "excel", "click", "clicks", "business",
      "agency", "startup", "management", "mgmt", "crm", "erp", "cms", "lms", "saas", "mvp", "json",
      "crud", "endpoint", "endpoints", "auth", "authentication", "authorization", "login", "logins",
      "signup", "password", "passwords", "token", "tokens", "jwt", "oauth", "sso", "access", "search",
      "sms", "websocket", "websockets", "realtime", "storage", "s3", "cloud", "stripe", "paypal",
      "adyen", "gocardless", "braintree", "postgres", "postgresql", "mysql", "mongodb", "mongo",
      "sqlite", "redis", "python", "node", "typescript", "javascript", "java", "go", "golang",
      "rust", "kotlin", "php", "ruby", "rails", "django", "fastapi", "express", "spring",
      "analytics", "statistics", "stats", "dashboard", "dashboards", "overview", "flag", "flags",
      "counter", "counters", "mode", "config", "configuration", "flow", "workflow", "domain",
      "domains", "url", "urls", "money", "cash", "currency", "ones", "one", "each", "other",
      "others", "scheme", "hierarchy", "structure", "sum", "piece", "pieces", "world", "internet",
      "life", "work", "control", "controls", "rights", "right", "left", "quarter", "percent",
      "percentage", "install", "installation", "deployment", "hosting", "instance", "yes", "no",
      "true", "false", "null", "none", "etc", "type", "types", "name", "names", "amount", "price",
      "status", "state", "value", "values", "title", "text", "date", "dates", "id", "ids", "key",
      "keys", "code", "codes", "total", "totals", "count", "counts", "main", "number", "default",
      "defaults", "line", "lines", "item", "items", "entry", "entries", "detail", "details",
      "record", "records", "list", "lists", "set", "sets", "row", "one", "thing", "multiplayer", "setting",
      "settings", "preferences", "person", "people", "persons", "someone", "reminder", "reminders", "report",
      "reports", "history", "log", "logs", "notes", "note", "call", "calls", "ready", "deadline", "asap",
      "calendar", "tree", "trees",
      // Parts of the system rather than its records ("the fetcher stores entries", "pings over HTTP").
      "fetcher", "fetchers", "crawler", "crawlers", "scraper", "scrapers", "importer", "importers", "parser",
      "parsers", "poller", "pollers", "mailer", "mailers", "daemon", "daemons", "cron", "http", "https", "smtp",
      "ftp", "limit", "limits", "delete", "deletion", "unique", "os", "port", "ports", "ssl", "tls", "csv", "xml",
      "pdf", "timestamp", "timestamps", "tab", "tabs", "sheet", "sheets", "header", "headers", "max", "min",
      "maximum", "minimum", "bit", "bits",
      "one-to-one", "one-to-many", "many-to-many", "many-to-one",
      // Units of measure ("area in hectares", "weight in kg").
      "hectare", "hectares", "acre", "acres", "kg", "kilogram", "kilograms", "gram", "grams", "meter", "meters",
      "metre", "metres", "km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "liter",
      "liters", "litre", "litres", "ml", "mg", "pound", "pounds", "lbs", "cm", "mm", "m2", "sqm", "ounce", "ounces",
      "celsius", "fahrenheit", "cents", "dollars", "euros"};
  return s;
}

// Role nouns -> canonical role.
const std::unordered_map<std::string_view, std::string_view>& Roles() {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"admin", "admin"}, {"admins", "admin"}, {"administrator", "admin"}, {"administrators", "admin"},
      {"superadmin", "super_admin"}, {"superadmins", "super_admin"}, {"moderator", "moderator"},
      {"moderators", "moderator"}, {"mod", "moderator"}, {"mods", "moderator"}, {"editor", "editor"},
      {"editors", "editor"}, {"author", "author"}, {"authors", "author"}, {"contributor", "contributor"},
      {"contributors", "contributor"}, {"viewer", "viewer"}, {"viewers", "viewer"}, {"guest", "guest"},
      {"guests", "guest"}, {"member", "member"}, {"members", "member"}, {"manager", "manager"},
      {"managers", "manager"}, {"staff", "staff"}, {"customer", "customer"}, {"customers", "customer"},
      {"seller", "seller"}, {"sellers", "seller"}, {"buyer", "buyer"}, {"buyers", "buyer"},
      {"vendor", "vendor"}, {"vendors", "vendor"}, {"librarian", "librarian"}, {"librarians", "librarian"},
      {"teacher", "teacher"}, {"teachers", "teacher"}, {"student", "student"}, {"students", "student"},
      {"parent", "parent"}, {"parents", "parent"}, {"doctor", "doctor"}, {"doctors", "doctor"},
      {"patient", "patient"}, {"patients", "patient"}, {"nurse", "nurse"}, {"nurses", "nurse"},
      {"reviewer", "reviewer"}, {"reviewers", "reviewer"}, {"trainer", "trainer"}, {"trainers", "trainer"},
      {"coach", "coach"}, {"coaches", "coach"}, {"instructor", "instructor"}, {"instructors", "instructor"},
      {"agent", "agent"}, {"agents", "agent"}, {"operator", "operator"}, {"operators", "operator"},
      {"host", "host"}, {"hosts", "host"}, {"organizer", "organizer"}, {"organizers", "organizer"},
      {"organiser", "organizer"}, {"organisers", "organizer"}, {"recruiter", "recruiter"},
      {"recruiters", "recruiter"}, {"accountant", "accountant"}, {"accountants", "accountant"},
      {"dispatcher", "dispatcher"}, {"dispatchers", "dispatcher"}, {"technician", "technician"},
      {"technicians", "technician"}, {"landlord", "landlord"}, {"landlords", "landlord"},
      {"tenant", "tenant"}, {"tenants", "tenant"}, {"teamlead", "teamlead"}, {"teamleads", "teamlead"},
      {"reporter", "reporter"}, {"reporters", "reporter"}, {"developer", "developer"},
      {"developers", "developer"}, {"assistant", "assistant"}, {"assistants", "assistant"},
      {"readonly", "readonly"}, {"subscriber", "subscriber"}, {"subscribers", "subscriber"},
      {"volunteer", "volunteer"}, {"volunteers", "volunteer"}, {"employee", "employee"},
      {"employees", "employee"}, {"intern", "intern"}, {"interns", "intern"}, {"owner", "owner"},
      {"owners", "owner"}, {"supervisor", "supervisor"}, {"supervisors", "supervisor"},
      {"clerk", "clerk"}, {"clerks", "clerk"}, {"cashier", "cashier"}, {"cashiers", "cashier"},
      {"chef", "chef"}, {"chefs", "chef"}, {"waiter", "waiter"}, {"waiters", "waiter"},
      {"driver", "driver"}, {"drivers", "driver"}, {"courier", "courier"}, {"couriers", "courier"},
      {"lawyer", "lawyer"}, {"lawyers", "lawyer"}, {"client", "client"}, {"clients", "client"},
      {"mentor", "mentor"}, {"mentors", "mentor"}, {"mentee", "mentee"}, {"mentees", "mentee"},
      {"learner", "learner"}, {"learners", "learner"}, {"tutor", "tutor"}, {"tutors", "tutor"},
      {"reader", "reader"}, {"readers", "reader"}, {"writer", "writer"}, {"writers", "writer"},
      {"journalist", "journalist"}, {"journalists", "journalist"}, {"analyst", "analyst"},
      {"analysts", "analyst"}, {"auditor", "auditor"}, {"auditors", "auditor"}, {"finance", "finance"},
      {"user", "user"}, {"users", "user"}, {"player", "player"}, {"players", "player"},
      {"artist", "artist"}, {"artists", "artist"}, {"listener", "listener"}, {"listeners", "listener"},
      {"attendee", "attendee"}, {"attendees", "attendee"}, {"speaker", "speaker"}, {"speakers", "speaker"},
      {"pharmacist", "pharmacist"}, {"pharmacists", "pharmacist"}, {"receptionist", "receptionist"},
      {"receptionists", "receptionist"}, {"vet", "vet"}, {"vets", "vet"}, {"veterinarian", "vet"},
      {"support", "support"}, {"browser", "browser"}, {"browsers", "browser"}, {"approver", "approver"},
      {"approvers", "approver"}, {"planner", "planner"}, {"planners", "planner"}, {"candidate", "candidate"},
      {"candidates", "candidate"}, {"applicant", "applicant"}, {"applicants", "applicant"},
      {"freelancer", "freelancer"}, {"freelancers", "freelancer"}, {"partner", "partner"},
      {"partners", "partner"}, {"provider", "provider"}, {"providers", "provider"}, {"rider", "rider"},
      {"riders", "rider"}, {"passenger", "passenger"}, {"passengers", "passenger"}};
  return m;
}

bool In(const Set& s, std::string_view w) { return s.count(w) > 0; }

// Phrase lookups go through a word index of the text (see PhraseIndex).
bool Has(const PhraseIndex& norm, std::string_view phrase) { return norm.Has(phrase); }

bool HasPrefix(const PhraseIndex& norm, std::string_view prefix) { return norm.HasWordPrefix(prefix); }

template <size_t N>
bool AnyOf(const PhraseIndex& norm, const std::string_view (&phrases)[N]) {
  for (auto p : phrases) {
    if (norm.Has(p)) return true;
  }
  return false;
}

}  // namespace

bool IsStopword(std::string_view w) { return In(Stopwords(), w) || In(CountWords(), w); }
bool IsCountWord(std::string_view w) { return In(CountWords(), w); }
bool IsVerb(std::string_view w) { return In(Verbs(), w) && !In(NounVerbs(), w); }
bool IsNounVerb(std::string_view w) { return In(NounVerbs(), w); }
bool IsModifier(std::string_view w) { return In(Modifiers(), w); }
bool IsFieldWord(std::string_view w) { return In(FieldWords(), w); }
bool IsNonEntity(std::string_view w) {
  if (In(NonEntities(), w)) return true;
  // Adjectives name no record: "company-wide", "site-wide"; "overridable", "configurable" (but
  // "timetable", "deliverable"; and "trackable tags" keeps its adjective in the name).
  if (w == "wide" || (w.size() > 6 && w.ends_with("-wide"))) return true;
  if (w.size() >= 7 && (w.ends_with("able") || w.ends_with("ible"))) {
    static const Set nouns = {"timetable", "deliverable", "receivable", "payable", "vegetable", "collectible",
                              "turntable", "constable", "consumable", "wearable", "convertible", "comparable",
                              "disposable", "perishable", "expendable", "variable", "returnable", "syllable",
                              "crucible", "mandible", "roundtable", "notable", "portable"};
    return !In(nouns, w);
  }
  return false;
}
bool IsQuantifier(std::string_view w) { return In(Quantifiers(), w); }

const std::vector<std::string>& TypoVocabulary() {
  static const std::vector<std::string> v = [] {
    std::unordered_set<std::string> all;
    for (const Set* s : {&Stopwords(), &CountWords(), &Verbs(), &NounVerbs(), &Modifiers(), &FieldWords(),
                         &NonEntities()}) {
      for (auto w : *s) {
        if (w.size() >= 4) all.emplace(w);
      }
    }
    for (const auto& [w, r] : Roles()) {
      if (w.size() >= 4) all.emplace(w);
    }
    static const std::string_view kExtra[] = {
        "household", "households", "description", "descriptions", "league", "leagues", "notifications",
        "notification", "search", "searchable", "specific", "software", "yellow", "someone", "something",
        "everything", "calendar", "category", "categories", "recipe", "recipes", "ingredient", "ingredients",
        "library", "restaurant", "inventory", "warehouse", "appointment", "appointments", "schedule",
        "booking", "bookings", "reservation", "reservations", "product", "products", "customer", "customers",
        "payment", "payments", "invoice", "invoices", "subscription", "subscriptions", "message", "messages",
        "comment", "comments", "attachment", "attachments", "upload", "uploads", "document", "documents",
        "employee", "employees", "department", "departments", "project", "projects", "ticket", "tickets",
        "event", "events", "member", "members", "membership", "memberships", "authentication",
        "permission", "permissions", "organization", "organizations", "organisation", "organisations",
        "vehicle", "vehicles", "shipment", "shipments", "delivery", "deliveries", "student", "students",
        "teacher", "teachers", "course", "courses", "lesson", "lessons", "patient", "patients", "doctor",
        "doctors", "prescription", "prescriptions", "transaction", "transactions", "account", "accounts",
        "profile", "profiles", "article", "articles", "review", "reviews", "rating", "ratings", "following",
        "followers", "friends", "friend", "conversation", "conversations", "channel", "channels", "realtime",
        "websocket", "multiplayer", "tenant", "tenants", "workspace", "workspaces", "admin", "admins",
        "moderator", "moderators", "password", "passwords", "register", "login", "different", "address",
        "addresses", "referrer", "referrers", "assignee", "assignees", "receipt", "receipts", "supplier", "suppliers", "catalogue", "catalog", "thread",
        "threads", "forum", "forums", "exercise", "exercises", "workout", "workouts", "routine", "routines",
        "season", "seasons", "player", "players", "game", "games", "match", "matches", "team", "teams",
        "animal", "animals", "vaccine", "vaccines", "consultation", "consultations", "contract",
        "contracts", "option", "options", "attendee", "attendees", "question", "questions", "answer",
        "answers", "voucher", "vouchers", "basket", "baskets", "wishlist", "wishlists", "partner",
        "partners", "container", "containers", "location", "locations", "position", "positions",
        "geofence", "geofences", "driver", "drivers", "maintenance", "device", "devices", "group", "groups",
        "yellow", "available", "uploaded", "attached", "recipient", "recipients", "condition",
        "conditions", "intervention", "interventions", "sponsor", "sponsors", "facility", "facilities",
        "investigator", "investigators", "eligibility", "outcome", "outcomes", "journal", "journals",
        "version", "versions", "tracker", "trackers", "watcher", "watchers", "priority", "priorities",
        "timesheet", "timesheets", "activity", "activities", "family", "families", "pledge", "pledges",
        "deposit", "deposits", "donation", "donations", "newsletter", "newsletters", "story", "stories",
        "collection", "collections", "revision", "revisions", "checklist", "checklists", "lodging",
        "transportation", "country", "countries", "region", "regions", "podcast", "podcasts", "episode",
        "episodes", "listing", "listings", "community", "communities", "testimonial", "testimonials",
        "candidate", "candidates", "company", "companies", "contact", "contacts", "interview",
        "interviews", "claim", "claims", "policy", "policies", "diagnosis", "medicine", "medicines",
        "feedback", "nested", "between", "through", "belonging", "belongs", "everybody", "specifically",
        "reminders", "reminder", "instruction", "instructions", "servings", "private", "public",
        "completed", "checked", "shopping", "keyword", "keywords", "thumbnail", "solution", "solutions",
        "somebody", "replies", "carry", "carries", "posts", "upvote", "username", "counters", "choices",
        "duration", "attachments", "permissions", "moderators"};
    for (auto w : kExtra) all.emplace(w);
    std::vector<std::string> out(all.begin(), all.end());
    std::sort(out.begin(), out.end());
    return out;
  }();
  return v;
}

namespace {

#include "analyze/english_short_words.inc"
#include "analyze/english_words.inc"
#include "analyze/verb_words.inc"

// The words of a generated list (scripts/wordlist_inc.py): newline-separated in string literals,
// sorted by the generator, chunk after chunk.
template <size_t N>
std::vector<std::string_view> WordList(const std::array<std::string_view, N>& chunks) {
  std::vector<std::string_view> out;
  for (std::string_view chunk : chunks) {
    for (size_t b = 0, e; b < chunk.size(); b = e + 1) {
      e = chunk.find('\n', b);
      out.push_back(chunk.substr(b, e - b));
    }
  }
  return out;
}

}  // namespace

bool IsEnglishWord(std::string_view w) {
  static const std::vector<std::string_view> words = WordList(kEnglishWordChunks);
  return std::binary_search(words.begin(), words.end(), w);
}

bool IsShortEnglishWord(std::string_view w) {
  static const std::vector<std::string_view> words = WordList(kEnglishShortWordChunks);
  return std::binary_search(words.begin(), words.end(), w);
}

bool IsCommonAct(std::string_view w) {
  static const Set s = {"start", "create", "open", "send", "join", "invite", "follow", "upload",
                        "write", "share", "publish", "manage", "book", "buy", "sell", "rent"};
  return In(s, w);
}

bool IsMainlyVerb(std::string_view w) {
  static const std::vector<std::string_view> lemmas = WordList(kVerbWordChunks);
  auto lemma = [&](std::string_view x) { return std::binary_search(lemmas.begin(), lemmas.end(), x); };
  if (lemma(w)) return true;
  // Third person: "remembers", "oversees", "watches", "carries".
  if (w.size() > 3 && w.back() == 's') {
    if (lemma(w.substr(0, w.size() - 1))) return true;
    if (EndsWith(w, "es") && lemma(w.substr(0, w.size() - 2))) return true;
    if (EndsWith(w, "ies") && lemma(std::string(w.substr(0, w.size() - 3)) + "y")) return true;
  }
  return false;
}

bool MayBeVerb(std::string_view w) { return IsNounVerb(w) || IsMainlyVerb(w); }

bool IsIrregularParticiple(std::string_view w) {
  static const Set s = {"held", "bought", "sold", "paid", "made", "given", "taken", "kept", "sent", "built", "told", "shown",
                        "known", "seen", "done", "written", "chosen", "drawn", "hidden", "brought", "caught",
                        "taught", "spent", "lent", "lost", "met", "grown", "thrown", "won", "led",
                        "fed", "understood"};
  return In(s, w);
}

bool IsActivityGerund(std::string_view w) {
  static const Set s = {"accounting", "coworking", "shopping", "mailing", "billing", "ticketing", "lending",
                        "housing", "marketing", "seating", "onboarding", "cooking", "packing", "shipping",
                        "boarding", "camping", "hosting", "catering", "cleaning", "grading", "voting", "trading",
                        "nursing", "banking", "printing", "streaming", "messaging", "sewing", "birding",
                        "caregiving", "fundraising", "babysitting", "tutoring", "sending", "screening",
                        "parking", "landing", "climbing", "dispatching", "pricing", "watering", "grooming"};
  return In(s, w);
}

bool IsKnownWord(std::string_view w) {
  static const std::unordered_set<std::string> known(TypoVocabulary().begin(), TypoVocabulary().end());
  auto known_form = [&](std::string_view x) { return known.count(std::string(x)) > 0; };
  if (known_form(w)) return true;
  if (w.size() > 3 && w.back() == 's' && known_form(w.substr(0, w.size() - 1))) return true;
  std::string sing = naming::Singularize(w);
  if (sing != w && known_form(sing)) return true;
  if (naming::IsListedNoun(w)) return true;  // "movies" is not a typo of "moves"
  if (IsEnglishWord(w)) return true;         // "crates" is not a typo of "creates"
  for (std::string_view suf : {"ed", "ing", "es", "d", "er", "ers", "ly"}) {
    if (w.size() > suf.size() + 3 && w.ends_with(suf)) {
      std::string_view base = w.substr(0, w.size() - suf.size());
      if (known_form(base) || known_form(std::string(base) + "e")) return true;
    }
  }
  return false;
}

std::optional<std::string> RoleOf(std::string_view w) {
  auto it = Roles().find(w);
  if (it == Roles().end()) return std::nullopt;
  return std::string(it->second);
}

bool IsUserWord(std::string_view w) {
  return w == "user" || w == "users" || w == "account" || w == "accounts" || w == "login" || w == "logins";
}

TypeGuess InferFieldType(const std::vector<std::string>& words) {
  using spec::FieldType;
  TypeGuess g;
  if (words.empty()) return g;
  const std::string& last = words.back();
  const std::string& first = words.front();
  auto any = [&](std::initializer_list<std::string_view> set) {
    for (const auto& w : words) {
      for (auto s : set) {
        if (w == s) return true;
      }
    }
    return false;
  };
  auto last_in = [&](std::initializer_list<std::string_view> set) {
    for (auto s : set) {
      if (last == s) return true;
    }
    return false;
  };
  auto first_in = [&](std::initializer_list<std::string_view> set) {
    for (auto s : set) {
      if (first == s) return true;
    }
    return false;
  };
  // ("mail server", "email campaign", "sending domain of an email": things of mail, not an address.)
  if (any({"email", "emails", "mail", "e-mail"}) &&
      !last_in({"count", "sent", "template", "templates", "enabled", "verified", "permission", "notifications",
                "server", "servers", "domain", "domains", "route", "routes", "queue", "queues", "provider",
                "providers", "campaign", "campaigns", "list", "lists", "log", "logs"})) {
    g.type = FieldType::kEmail;
    return g;
  }
  if (any({"image", "images", "photo", "photos", "picture", "pictures", "avatar", "logo", "thumbnail",
           "banner", "file", "files", "attachment", "attachments", "scan", "pdf", "resume", "cv", "audio",
           "video", "upload", "media", "artwork", "headshot", "screenshot", "signature", "document"}) &&
      !last_in({"count", "size", "type", "name", "names", "caption", "order", "position", "flag", "date"})) {
    g.type = FieldType::kUrl;
    g.fileLike = true;
    return g;
  }
  if (any({"url", "urls", "link", "links", "website", "homepage", "uri", "href", "webpage"})) {
    g.type = FieldType::kUrl;
    return g;
  }
  if (any({"uuid", "guid"})) {
    g.type = FieldType::kUuid;
    return g;
  }
  if (first_in({"is", "has", "can", "allow", "allows", "should", "needs", "wants", "requires", "ok", "enable"}) ||
      last_in({"flag", "active", "enabled", "disabled", "visible", "verified", "confirmed", "locked",
               "hidden", "archived", "deleted", "paid", "pinned", "featured", "blocked", "billable",
               "exported", "recurring", "prorated", "valid", "template", "suspended", "banned", "checked",
               "refunded", "cancelled", "canceled", "arrived", "dead", "castrated", "hot", "discountable",
               "relocate", "readonly", "approved", "public", "private", "inactive", "available", "done",
               "resolved", "required", "default", "primary", "premium", "enabled", "yn", "onhold",
               "paused", "completed", "closed", "open", "published", "sent", "read", "unread", "favorite",
               "starred", "online", "vegetarian", "vegan", "smoking", "furnished", "taxable", "shippable",
               "refundable", "anonymous", "spam", "urgent", "important", "accepted", "declined", "rejected"})) {
    if (!last_in({"at", "date", "on", "time"})) {
      g.type = FieldType::kBoolean;
      return g;
    }
  }
  if (last_in({"at", "time", "timestamp", "datetime", "created", "updated", "modified", "login",
               "seen", "expires", "kickoff", "start", "end", "begin", "starts", "ends", "from", "until",
               "checkin", "checkout", "departure", "arrival"}) ||
      (words.size() >= 2 && (words[words.size() - 2] == "last" || words[words.size() - 2] == "expiry") && last != "name")) {
    g.type = (last == "start" || last == "end" || last == "from" || last == "until") && any({"date"}) ? FieldType::kDate
                                                                                                      : FieldType::kDateTime;
    return g;
  }
  if (last_in({"date", "dates", "day", "birthday", "birthdate", "dob", "deadline", "due", "expiry",
               "expiration", "anniversary", "on"}) || any({"date"})) {
    g.type = FieldType::kDate;
    return g;
  }
  if (any({"json", "attributes", "metadata", "properties", "settings", "config", "configuration",
           "preferences", "payload", "extra", "choices", "meta", "coordinates", "coords"})) {
    g.type = FieldType::kJson;
    return g;
  }
  if ((first == "number" && words.size() > 1) || first == "num" || first == "no" ||
      last_in({"count", "counts", "quantity", "qty", "stock", "age", "year", "position", "sequence",
               "rank", "duration", "minutes", "seconds", "days", "size", "capacity", "openings",
               "servings", "votes", "views", "likes", "downloads", "points", "floor", "rooms",
               "bedrooms", "bathrooms", "seats", "cents", "edits", "repetitions", "reps", "sets",
               "goals", "assists", "laps", "index", "version", "limit", "stars", "installments",
               "attempts", "retries", "level", "priority", "order", "ordering", "number", "calories",
               "pages", "copies", "guests", "players", "members", "threshold", "mileage", "quota",
               "counter", "envelope", "units", "height", "width", "length", "minimum", "maximum",
               "min", "max", "year", "month"})) {
    if (!any({"phone", "mobile", "cell", "fax", "reference", "tracking", "serial", "license", "passport",
              "account", "flight", "reservation", "invoice", "order", "shipment", "transaction",
              "vat", "tax", "registration", "policy", "case", "room", "table", "seat", "house",
              "street", "postal", "zip", "id", "card", "check", "lot", "batch", "confirmation",
              "container", "item", "product", "part", "model", "version", "sku"}) ||
        last_in({"count", "quantity", "qty", "cents", "installments"})) {
      g.type = (last_in({"height", "width", "length"})) ? FieldType::kNumber : FieldType::kInteger;
      return g;
    }
  }
  if (any({"price", "cost", "amount", "total", "fee", "fees", "salary", "rate", "balance", "weight",
           "lat", "lon", "lng", "latitude", "longitude", "altitude", "speed", "accuracy", "score",
           "rating", "percentage", "percent", "discount", "tax", "vat", "budget", "revenue",
           "distance", "hours", "volume", "credits", "sum", "commission", "margin", "temperature",
           "value", "subtotal", "wage", "payout", "deposit", "rent", "bid", "fare", "tip", "grade",
           "course", "bodyweight", "area", "radius", "elevation", "pace", "heartrate"}) &&
      !any({"type", "currency", "code", "name", "method", "status", "reason", "comment"})) {
    g.type = FieldType::kNumber;
    return g;
  }
  if (any({"description", "notes", "bio", "body", "content", "text", "comment", "comments", "summary",
           "message", "instructions", "instruction", "answer", "details", "about", "blurb", "biography",
           "feedback", "remarks", "resolution", "excerpt", "markdown", "html", "criteria", "findings",
           "explanation", "justification", "transcript", "lyrics", "abstract", "story", "essay",
           "review", "agenda", "minutes", "address", "skills", "requirements", "ingredients",
           "steps", "directions", "recipe", "question", "memo", "reason", "statement", "terms"}) &&
      !any({"email", "count"})) {
    g.type = (any({"address"}) || last_in({"reason"})) ? FieldType::kString : FieldType::kText;
    return g;
  }
  return g;
}

namespace {
constexpr std::string_view kSignUpVerbs[] = {"make", "makes", "create", "creates", "open", "opens", "register",
                                             "registers"};
constexpr std::string_view kSignUpDeterminers[] = {"an", "one", "their", "his", "her"};
}  // namespace

bool IsAccountSignUp(std::string_view w0, std::string_view w1, std::string_view w2) {
  if (std::find(std::begin(kSignUpVerbs), std::end(kSignUpVerbs), w0) == std::end(kSignUpVerbs)) return false;
  if (w1 == "accounts") return true;
  return std::find(std::begin(kSignUpDeterminers), std::end(kSignUpDeterminers), w1) != std::end(kSignUpDeterminers) &&
         (w2 == "account" || w2 == "accounts");
}

const std::vector<std::string>& AccountSignUpPhrases() {
  static const std::vector<std::string> phrases = [] {
    std::vector<std::string> out;
    for (std::string_view verb : kSignUpVerbs) {
      const std::string v(verb);
      out.push_back(" " + v + " accounts ");
      for (std::string_view det : kSignUpDeterminers) {
        out.push_back(" " + v + " " + std::string(det) + " account ");
        out.push_back(" " + v + " " + std::string(det) + " accounts ");
      }
    }
    return out;
  }();
  return phrases;
}

bool MentionsLogin(std::string_view text) {
  PhraseIndex norm(text);
  static const std::string_view kCues[] = {
      "log in", "logs in", "login", "logins", "log on", "sign in", "signs in", "sign up", "signs up",
      "signup", "password", "passwords", "authentication", "authenticate", "authenticated", "auth", "jwt",
      "oauth", "sso", "2fa", "totp", "users", "user", "logged in", "log into", "members log", "credentials",
      "users register", "register an account", "user accounts", "user account"};
  return AnyOf(norm, kCues);
}

std::set<spec::Feature> DetectFeatures(std::string_view text) {
  using spec::Feature;
  std::set<Feature> out;
  if (MentionsLogin(text)) out.insert(Feature::kAuth);
  PhraseIndex norm(text);
  static const std::string_view kRealtime[] = {
      "real time", "realtime", "real-time", "websocket", "websockets", "web socket",
      "socket io", "multiplayer", "push updates", "instantly", "instant updates", "sse",
      "server sent events", "pub sub", "pubsub", "live updates", "live map", "live chat",
      "chat in real time", "live editing", "live feed"};
  if (AnyOf(norm, kRealtime)) out.insert(Feature::kRealtime);
  // "live" as an adjective ("live scores", "go live"), not the verb ("which pod they live on").
  for (size_t at = text.find(" live "); at != std::string_view::npos; at = text.find(" live ", at + 1)) {
    std::string_view rest = text.substr(at + 6);
    std::string_view next = rest.substr(0, rest.find(' '));
    static const Set kAfterVerb = {"in", "on", "as", "at", "with", "under", "inside", "within", "there", "here", "near",
                                   "together", "by", "for", "from", "and", "or", "alone", "abroad"};
    if (!In(kAfterVerb, next)) {
      out.insert(Feature::kRealtime);
      break;
    }
  }
  if (HasPrefix(norm, "notif") || Has(norm, "notify") || Has(norm, "notifies") || Has(norm, "notified") ||
      Has(norm, "push notifications") || Has(norm, "alerts when") || Has(norm, "get alerted") ||
      ((Has(norm, "reminder") || Has(norm, "reminders")) &&
       !(Has(norm, "email reminder") || Has(norm, "email reminders") || Has(norm, "reminder email") ||
         Has(norm, "reminder emails")))) {
    out.insert(Feature::kNotifications);
  }
  static const std::string_view kFiles[] = {
      "upload", "uploads", "uploaded", "uploading", "attachment", "attachments", "attach", "attached",
      "attaches", "file", "files", "image", "images", "photo", "photos", "picture", "pictures", "avatar",
      "avatars", "logo", "scanned", "scan", "scans", "s3", "blob", "media", "pdf", "resume", "resumes",
      "thumbnail", "thumbnails", "video", "videos", "audio", "documents upload", "screenshots",
      "file storage", "cover art", "artwork"};
  if (AnyOf(norm, kFiles)) out.insert(Feature::kFileUploads);
  static const std::string_view kSearch[] = {"search", "searchable", "full text", "fulltext", "full-text",
                                             "elasticsearch", "searching", "search by", "lookup by",
                                             "find by", "meilisearch", "typesense", "filter and search"};
  if (AnyOf(norm, kSearch)) out.insert(Feature::kSearch);
  static const std::string_view kPay[] = {
      "stripe", "paypal", "adyen", "braintree", "gocardless", "checkout", "check out", "payment gateway",
      "payment provider", "online payment", "online payments", "card payments", "card payment",
      "pay online", "paying", "in app purchase", "in app purchases", "take payments",
      "accept payments", "process payments", "payments go through", "collect payments", "charge the",
      "charge customers", "charge users", "pay for", "pays for", "paid plans", "paid tiers",
      "paid subscriptions", "mollie", "square payments", "razorpay", "payment processing",
      "subscription billing", "payments via", "payments with", "pay with", "pay by card", "payment"};
  if (AnyOf(norm, kPay)) {
    // "payment" alone is too weak when it is just a ledger column: require a processing cue or
    // the plural "payments" as a feature noun.
    bool strong = false;
    for (auto p : kPay) {
      if (p != "payment" && Has(norm, p)) strong = true;
    }
    if (strong || Has(norm, "payments")) {
      if (strong || Has(norm, "accept payments") || Has(norm, "online")) out.insert(Feature::kPayments);
    }
  }
  static const std::string_view kSched[] = {
      "calendar", "calendars", "appointment", "appointments", "availability", "time slot", "time slots",
      "timeslot", "timeslots", "opening hours", "cron", "scheduling", "schedule appointments",
      "book a slot", "booking slots", "shifts", "shift schedule", "recurring events", "reminders at",
      "schedule posts", "schedule jobs", "scheduled jobs", "rota", "timetable", "timetables",
      "be scheduled", "scheduled for", "with a schedule", "their schedule", "class schedule", "slot", "slots",
      "scheduled date", "scheduled time"};
  if (AnyOf(norm, kSched)) out.insert(Feature::kScheduling);
  static const std::string_view kEmail[] = {
      "emailed", "emailing", "email notification", "email notifications", "email reminder",
      "email reminders", "email messages", "email alerts", "email alert", "send email", "send emails",
      "sends email", "sends emails", "send an email", "by email", "via email", "email them", "email to",
      "email sms", "sms", "smtp", "mailbox", "mail server", "transactional email", "transactional emails",
      "newsletter emails", "email digest", "email digests", "email campaigns", "mailing", "mailer",
      "e mail notifications", "email confirmation", "confirmation email", "confirmation emails",
      "welcome email", "password reset email", "email confirmations", "reminder emails", "reminder email", "get an email", "gets an email",
      "receive an email", "receives an email", "an email when", "emails when", "email reminders the", "email verification", "verification email",
      "emails to", "emails when", "emailed to", "email the", "email all", "email messages to"};
  if (AnyOf(norm, kEmail)) out.insert(Feature::kEmail);
  static const std::string_view kAudit[] = {
      "audit", "audit log", "audit trail", "audit logs", "auditing", "change history", "changelog",
      "change log", "history of all changes", "history of changes", "who changed what",
      "track every change", "track all changes", "log every change", "log of every change",
      "activity log", "activity logs", "complete history", "full history", "every change"};
  if (AnyOf(norm, kAudit)) out.insert(Feature::kAuditLog);
  static const std::string_view kTenant[] = {
      "tenant", "tenants", "multi tenant", "multitenant", "multi tenancy", "multi account", "white label",
      "scoped to a", "scoped to the", "scoped to each", "scoped to its", "workspace", "workspaces",
      "its own community", "separate tenant", "per tenant", "saas for", "each organization has its own",
      "each company has its own", "own isolated", "isolated data"};
  if (AnyOf(norm, kTenant)) {
    // "tenants" of a rental property are people, not a tenancy model.
    bool rental = Has(norm, "landlord") || Has(norm, "landlords") || Has(norm, "lease") || Has(norm, "leases") ||
                  Has(norm, "rent") || Has(norm, "apartment") || Has(norm, "apartments");
    if (!rental || Has(norm, "multi tenant") || Has(norm, "multitenant") || Has(norm, "multi tenancy")) {
      out.insert(Feature::kMultiTenancy);
    }
  }
  static const std::string_view kRate[] = {"rate limit", "rate limits", "rate limited", "rate limiting",
                                           "throttle", "throttling", "throttled", "quota", "quotas",
                                           "requests per minute", "requests per second"};
  if (AnyOf(norm, kRate)) out.insert(Feature::kRateLimiting);
  return out;
}

spec::Stack DetectStack(std::string_view text) {
  spec::Stack st;
  std::string normalized = NormalizeForPhrases(text);
  PhraseIndex norm(normalized);
  struct Lang { std::string_view cue, language, framework; };
  static const Lang kLangs[] = {
      {"fastapi", "python", "fastapi"}, {"django", "python", ""}, {"flask", "python", ""},
      {"python", "python", ""}, {"express", "typescript", "express"}, {"nestjs", "typescript", ""},
      {"typescript", "typescript", ""}, {"node", "typescript", ""}, {"nodejs", "typescript", ""},
      {"node js", "typescript", ""}, {"javascript", "typescript", ""}, {"golang", "go", ""},
      {"gin", "go", "gin"}, {"axum", "rust", "axum"}, {"rust", "rust", ""},
      {"spring boot", "java", "spring"}, {"spring", "java", "spring"}, {"java", "java", ""},
      {"kotlin", "java", ""}, {"drogon", "cpp", "drogon"}, {"c++", "cpp", ""}, {"cpp", "cpp", ""}};
  for (const auto& l : kLangs) {
    if (Has(norm, l.cue) || (l.cue == "c++" && text.find("C++") != std::string_view::npos)) {
      st.language = std::string(l.language);
      st.framework = std::string(l.framework);
      break;
    }
  }
  if (st.language.empty()) {
    // "Go" is also an ordinary verb: only the capitalised language name in a stack phrase.
    for (std::string_view cue : {"use Go", "in Go", "with Go", "using Go", "Go backend", "Go API",
                                 "Go server", "Go and", "Go +", "Go with"}) {
      size_t pos = text.find(cue);
      if (pos != std::string_view::npos) {
        size_t e = pos + cue.size();
        if (cue.starts_with("Go") || e >= text.size() || !std::isalpha(static_cast<unsigned char>(text[e]))) {
          st.language = "go";
          break;
        }
      }
    }
  }
  struct Db { std::string_view cue, db; };
  static const Db kDbs[] = {{"postgresql", "postgres"}, {"postgres", "postgres"}, {"psql", "postgres"},
                            {"mongodb", "mongodb"}, {"mongo", "mongodb"}, {"mysql", "mysql"},
                            {"mariadb", "mysql"}, {"sqlite", "sqlite"}, {"sqlite3", "sqlite"}};
  for (const auto& d : kDbs) {
    if (Has(norm, d.cue)) {
      st.database = std::string(d.db);
      break;
    }
  }
  return st;
}

}  // namespace bf::analyze::lex
