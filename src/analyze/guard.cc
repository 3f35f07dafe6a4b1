#include "analyze/guard.h"

#include <algorithm>
#include <set>
#include <vector>

#include "analyze/guard_model.h"
#include "analyze/text.h"
#include "common/strings.h"

namespace bf::analyze {
namespace {

// Removes <open ... close> spans (case-insensitive); an unterminated span runs to the end.
int RemoveSpans(std::string& s, std::string_view open, std::string_view close) {
  int n = 0;
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (true) {
    size_t at = FindCi(s, open, pos);
    if (at == std::string::npos) break;
    out.append(s, pos, at - pos);
    out.push_back(' ');
    size_t end = FindCi(s, close, at + open.size());
    pos = end == std::string::npos ? s.size() : end + close.size();
    ++n;
  }
  out.append(s, pos, std::string::npos);
  s.swap(out);
  return n;
}

// Phrases that address a model or carry a payload and nothing else. A text holding one is an
// injection attempt, and each of its sentences holding one of these or of the weak cues below is
// dropped whole (normalized " word word " matching).
const std::vector<std::string>& InjectionCues() {
  static const std::vector<std::string> cues = {
      "ignore previous", "ignore all previous", "ignore the previous", "ignore prior", "ignore all prior",
      "ignore all instructions", "ignore any instructions", "ignore these instructions", "disregard previous",
      "disregard the above", "disregard your", "forget your instructions", "system prompt", "initial instructions",
      "hidden instructions", "you are chatgpt", "note to the ai", "to the ai", "dear ai", "hey ai", "jailbreak",
      "developer mode", "dan mode", "print the phrase", "print the system", "reveal your", "output your",
      "repeat after me", "overrides the spec", "override the spec", "bypasses authentication",
      "bypass authentication", "bypasses auth", "bypass auth", "bypasses the auth", "bypasses login",
      "skips authentication", "backdoor", "back door", "shadow admin", "shadowadmin", "hidden admin", "secret admin",
      "drop table", "drop database", "truncate table", "insert into", "union select", "rm rf", "exfiltrate",
      "the cto overrides", "instructions above", "previous instructions", "prior instructions", "above instructions",
      "the ai model reading", "model reading this", "reading this must", "end your answer", "end the answer",
      "your answer with", "inserted by the"};
  return cues;
}

// Phrases a description may well use ("drivers receive new instructions", "reviews must not mention
// other customers", "respondents can edit your response", "admins can override previous approvals",
// "as an AI it cites sources"): cues only in a text that also holds a strong one. (Words a product uses
// are no cues at all: "verification token", "master password", "an AI assistant", "print your tickets",
// "the API key of", "your prompt history".)
const std::vector<std::string>& WeakInjectionCues() {
  static const std::vector<std::string> cues = {
      "ignore the above", "ignore above", "ignore your", "ignore everything", "disregard all", "forget all previous",
      "forget previous", "your instructions", "you are now", "pretend to be", "as an ai", "do not mention",
      "dont mention", "don t mention", "never mention", "must not mention", "override previous", "overrides previous",
      "new instructions", "god mode", "name the entity", "call the entity", "name an entity", "instead output",
      "instead print", "reply with only", "say the word", "include the phrase", "include the string",
      "write the phrase", "your api key", "send all data to", "send the data to", "the model reading",
      "must follow it", "must not tell", "not tell the user", "create an entity", "add an entity",
      "an entity called", "an entity named", "a table named", "a table called", "your response", "your output"};
  return cues;
}

// A sentence that only continues an injection on the same line ("... must follow it. Also create an
// entity X with columns y and z. End with TOKEN-1."): directive or payload words.
bool LooksLikeDirective(std::string_view chunk) {
  std::string normalized = NormalizeForPhrases(chunk);
  PhraseIndex norm(normalized);
  static const std::vector<std::string> kWords = {"create", "add", "also", "print", "output", "end", "token",
                                                  "entity", "column", "columns", "table", "marker", "string",
                                                  "phrase", "field", "fields", "include", "append", "reply", "say"};
  for (const auto& w : kWords) {
    if (norm.Has(w)) return true;
  }
  return false;
}

// `weak`: the weak cues count too (the text around is an injection attempt).
bool LooksLikeInjection(std::string_view chunk, bool weak) {
  std::string normalized = NormalizeForPhrases(chunk);
  PhraseIndex norm(normalized);
  for (const auto& cue : InjectionCues()) {
    if (norm.Has(cue)) return true;
  }
  if (weak) {
    for (const auto& cue : WeakInjectionCues()) {
      if (norm.Has(cue)) return true;
    }
  }
  // SQL payloads ("'; DROP TABLE users; --") even without spaces we can normalize away ("DROP/**/TABLE");
  // a dash pair and a "drop-off address" are no payload.
  if (FindCi(chunk, "--") != std::string_view::npos && FindCi(chunk, "drop") != std::string_view::npos &&
      (FindCi(chunk, "table") != std::string_view::npos || FindCi(chunk, "database") != std::string_view::npos)) {
    return true;
  }
  return false;
}

}  // namespace

Sanitized Sanitize(std::string_view description) {
  Sanitized out;
  std::string s(description);
  out.removedSpans += RemoveSpans(s, "<!--", "-->");
  out.removedSpans += RemoveSpans(s, "<script", "</script>");
  out.removedSpans += RemoveSpans(s, "<system", "</system>");
  out.removedSpans += RemoveSpans(s, "[inst]", "[/inst]");
  out.removedSpans += RemoveSpans(s, "<|", "|>");
  // Remaining markup tags become spaces (their text content stays as data).
  {
    std::string clean;
    clean.reserve(s.size());
    for (size_t pos = 0; pos < s.size(); ++pos) {
      if (s[pos] == '<' && pos + 1 < s.size() &&
          (std::isalpha(static_cast<unsigned char>(s[pos + 1])) || s[pos + 1] == '/')) {
        size_t end = s.find('>', pos);
        if (end != std::string::npos && end - pos <= 80) {
          clean.push_back(' ');
          pos = end;
          continue;
        }
      }
      clean.push_back(s[pos]);
    }
    s.swap(clean);
  }
  // Drop whole sentences that address a model or carry a payload. One pass over the whole text
  // first: most descriptions contain no cue at all.
  if (!LooksLikeInjection(s, false)) {
    out.text = std::move(s);
    return out;
  }
  std::string kept;
  size_t start = 0;
  bool tainted_line = false;  // an injection was found earlier on this line
  auto emit = [&](size_t end) {
    std::string_view chunk(s.data() + start, end - start);
    bool drop = LooksLikeInjection(chunk, true) || (tainted_line && LooksLikeDirective(chunk));
    if (drop) tainted_line = true;
    if (!chunk.empty() && chunk.back() == '\n') tainted_line = false;
    if (drop) {
      ++out.removedSpans;
      // Keep the line structure so bullets stay bullets.
      for (char c : chunk) {
        if (c == '\n') kept.push_back('\n');
      }
      kept.push_back(' ');
    } else {
      kept.append(chunk);
    }
    start = end;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool boundary = c == '\n' || c == '!' || c == '?' || c == ';' ||
                    (c == '.' && (i + 1 >= s.size() || s[i + 1] == ' ' || s[i + 1] == '\n'));
    if (boundary) emit(i + 1);
  }
  emit(s.size());
  out.text = std::move(kept);
  return out;
}

namespace {

using Words = std::vector<std::string_view>;

// "a fake bank login page that saves the passwords people type", "clone the PayPal login page and store
// whatever credentials users enter", "looks like Microsoft 365 sign-in and emails me the passwords": a
// login made to pass for someone else's, within a few words, in a text that keeps what people type
// into it.
bool ImpersonatesALogin(const Words& w) {
  static const std::set<std::string_view> kPassFor = {"fake",   "clone",   "cloned",  "cloning", "copy",    "copies",
                                                      "mimic",  "mimics",  "spoof",   "spoofed", "lookalike",
                                                      "replica", "imitation"};
  static const std::set<std::string_view> kLogin = {"login", "logon", "signin", "sign", "log", "password"};
  static const std::set<std::string_view> kSecrets = {"password", "passwords", "credentials", "credential",
                                                      "usernames", "logins", "pins", "card"};
  bool near = false;
  for (size_t i = 0; i < w.size() && !near; ++i) {
    const bool looks_like = w[i] == "like" && i > 0 && (w[i - 1] == "looks" || w[i - 1] == "look");
    if (!kPassFor.count(w[i]) && !looks_like) continue;
    for (size_t j = i + 1; j < w.size() && j <= i + 5 && !near; ++j) {
      if (!kLogin.count(w[j])) continue;
      // ("sign in", "log in", "password reset": the two-word forms.)
      const std::string_view next = j + 1 < w.size() ? w[j + 1] : std::string_view();
      near = w[j] == "login" || w[j] == "logon" || w[j] == "signin" ||
             ((w[j] == "sign" || w[j] == "log") && (next == "in" || next == "on")) ||
             (w[j] == "password" && (next == "reset" || next == "resets"));
    }
  }
  if (!near) return false;
  int secrets = 0;
  for (const auto& x : w) secrets += kSecrets.count(x) ? 1 : 0;
  return secrets >= 1;
}

// "see where my husband goes", "shows my spouse's GPS position": a partner named as the writer's own,
// in a text about where they are, what they say or their phone.
bool WatchesAPartner(const Words& w) {
  static const std::set<std::string_view> kPartner = {"wife",    "husband", "girlfriend", "boyfriend",
                                                      "partner", "spouse",  "ex",         "fiance", "fiancee"};
  static const std::set<std::string_view> kWatch = {
      "track",   "tracks",  "tracker",   "tracking", "location", "locations", "gps",     "whereabouts", "where",
      "messages", "texts",  "chats",     "calls",    "phone",    "follow",    "monitor", "spy",         "watch"};
  bool partner = false, watch = false;
  for (size_t i = 0; i + 1 < w.size(); ++i) partner = partner || (w[i] == "my" && kPartner.count(w[i + 1]));
  for (const auto& x : w) watch = watch || kWatch.count(x);
  return partner && watch;
}

struct EthicsRule {
  const char* category;
  const char* reason;
  std::vector<std::string> strong;  // clear harmful intent on its own
  std::vector<std::string> harm;    // harmful capability words (weak alone)
  std::vector<std::string> covert;  // non-consent, victims, evasion
  // Legitimate framing of this kind of harm only (a shelter for dogs rescued from fighting rings),
  // counted with the shared `LegitCues`.
  std::vector<std::string> counter = {};
  // Whether the learned model reads this rule's cue counts. Rules written after it was trained
  // stay out, so its tables are what the committed training examples train.
  bool modelFeatures = true;
  // A pattern of the words that is the whole intent, two strong cues, in a text with no legitimate
  // framing; and one that is a harm cue. (The learned model does not read them.)
  bool (*strongPattern)(const Words&) = nullptr;
  bool (*harmPattern)(const Words&) = nullptr;
};

// Phrases of the list the text holds; one inside another that also matched counts once ("fake login
// pages" is one cue, not two with "fake login").
int Count(const PhraseIndex& norm, const std::vector<std::string>& phrases) {
  std::vector<const std::string*> found;
  for (const auto& p : phrases) {
    if (norm.Has(p)) found.push_back(&p);
  }
  int n = 0;
  for (const std::string* p : found) {
    const std::string inner = Padded(*p);
    const bool nested = std::any_of(found.begin(), found.end(), [&](const std::string* q) {
      return q != p && q->size() > p->size() && Padded(*q).find(inner) != std::string::npos;
    });
    if (!nested) ++n;
  }
  return n;
}

const std::vector<EthicsRule>& Rules() {
  static const std::vector<EthicsRule> rules = {
      {"malware",
       "It describes malware or botnet infrastructure (covert control of other people's machines, "
       "attacks, credential theft or detection evasion).",
       {"botnet", "botnets", "keylogger", "keyloggers", "ransomware", "command and control", "c2", "c2 server",
        "c2 domains", "ddos attack", "ddos attacks", "ddos for hire", "flood attack", "flood attacks", "booter",
        "stresser", "rootkit", "remote access trojan", "trojan", "cryptojacking", "spreading to other machines",
        "spread to other machines", "self propagating", "zombie machines", "infect", "infected machines"},
       {"malware", "payload", "exploit", "exploits", "smb", "lateral movement", "persistence", "captured passwords",
        "browser cookies", "steal", "stealing", "launch campaigns against", "attack against", "against targets",
        "against a target", "rent capacity"},
       {"without them noticing", "without their knowledge", "without the user knowing", "without users knowing",
        "without noticing", "invisible to antivirus", "evade antivirus", "bypass antivirus", "avoid detection",
        "undetectable", "stay hidden", "stay invisible", "other people s computers", "other peoples computers",
        "victims", "victim", "taken down", "rotate automatically", "get taken down"}},
      {"phishing",
       "It describes credential phishing (pages or messages that trick people into handing over logins).",
       {"phishing kit", "phishing page", "phishing pages", "phishing site", "phishing sites", "fake login page",
        "fake login pages", "fake login", "credential harvesting", "harvest credentials", "harvest passwords",
        "steal passwords", "steal credentials", "steal login", "steal their passwords", "capture passwords",
        "spoofed login", "clone of the bank", "looks like the bank", "look like the bank", "look like paypal",
        "looks like paypal", "bank login clone", "look exactly like", "looks exactly like", "clone the login",
        "login page clone", "password they type", "passwords they type", "passwords they enter",
        "password they enter", "username and password they", "capture their password", "capture their passwords",
        "steal their login"},
       {"phishing", "credentials", "passwords they enter", "one time codes", "2fa codes"},
       {"victims", "victim", "unsuspecting", "trick users", "trick people", "trick them", "so they enter",
        "without them knowing", "real bank", "they think", "fool", "so they don t notice", "they don t notice",
        "don t notice", "redirect them to the real", "to the real site", "target emails", "list of targets"},
       {},
       true,
       ImpersonatesALogin},
      {"stalkerware",
       "It describes covert surveillance of a person (secretly tracking a partner's location, messages or "
       "activity without their consent).",
       {"stalkerware", "spyware", "stalk", "stalking", "spy on my", "spy on her", "spy on him", "spy on them"},
       {"track my wife", "track my husband", "track my girlfriend", "track my boyfriend", "track my partner",
        "track my ex", "track my spouse", "monitor my wife", "monitor my husband", "monitor my girlfriend",
        "monitor my boyfriend", "monitor my partner", "monitor my spouse", "my wife s", "my husband s",
        "my girlfriend s", "my boyfriend s", "my partner s", "my ex s", "read her messages", "read his messages",
        "read their messages", "her location", "his location", "her messages", "his messages", "her phone",
        "his phone", "where she goes", "where he goes", "location of my", "track someone", "track a person",
        // Other people's private communications and accounts.
        "private chats", "private messages", "personal chats", "personal messages", "personal accounts",
        "personal account", "personal gmail", "personal email", "instagram dms", "their dms", "open those accounts",
        "their accounts", "copies the person s", "read their chats"},
       {"secretly", "secret", "without her knowing", "without him knowing", "without them knowing",
        "without her knowledge", "without his knowledge", "without their knowledge", "without consent",
        "without their consent", "hidden app", "hide the app", "hides the app", "hidden icon", "won t know",
        "wont know", "doesn t know", "never finds out", "never find out", "covert", "covertly", "undetectable",
        "invisible", "without telling", "must not find out", "must not know", "not find out", "hides its own icon",
        "hides its icon", "hide its icon", "quietly copies", "quietly decide", "disguised as", "shows up as a",
        "pretends to be", "without them noticing", "so they don t notice", "hidden tracker", "hidden tracking",
        "secret tracker", "in secret"},
       {},
       true,
       nullptr,
       WatchesAPartner},
      {"data_harvesting",
       "It describes non-consensual harvesting, aggregation or resale of personal data (scraped or leaked "
       "profiles, no consent or opt-out), which enables stalking and doxxing and breaks privacy law.",
       {"people search", "people search site", "doxx", "doxxing", "doxing", "leaked databases", "leaked database",
        "leaked data", "breach dumps", "data broker", "sell their data", "sell personal data", "resell personal data",
        "dossier", "dossiers", "sell the profiles", "sells the profiles", "sell profiles", "sells profiles",
        "sell the data", "sells the data", "resell the profiles", "resells the profiles"},
       {"scrape", "scraping", "scraper", "crawlers", "crawler", "crawl", "harvest", "harvesting", "profiles from",
        "social networks", "dating apps", "home address", "daily routine", "merge everything", "lookups",
        "personal data", "phone numbers", "scrapes", "scraped", "scrapers", "home addresses", "dating profiles",
        "where they live", "where each of them lives", "where she lives", "where he lives", "social media",
        "builds a profile", "build a profile", "profile on each person", "profiles on people", "debt collectors"},
       {"nobody has consented", "no one has consented", "without consent", "without their consent", "no consent",
        "no opt out", "no opt-out", "without opt out", "don t verify", "dont verify", "do not verify",
        "not verify who", "rotate proxies", "fake user agents", "can t tell", "cant tell", "avoid being blocked",
        "evade", "anyone who pays", "home alone", "pay to see", "paying subscribers", "matches them to",
        "without their knowledge", "without them knowing", "without telling them", "secretly"}},
      {"fraud",
       "It describes fraud (fake reviews or identities, stolen payment data, laundering money).",
       {"fake reviews", "generate fake reviews", "stolen credit cards", "stolen cards", "carding", "launder money",
        "money laundering service", "fake ids", "fake identity documents", "bypass kyc", "credential stuffing",
        "account takeover", "counterfeit", "card testing", "cards are live", "live cards", "sell the cards",
        "sell cards", "resell cards", "fullz", "cc dumps", "look alike domain", "lookalike domain",
        "look alike domains", "lookalike domains", "copy of a real", "clone of a real", "impersonate a real",
        "impersonating a real"},
       {"bulk", "at scale", "undetectable", "thousands of accounts", "sockpuppet", "sock puppet", "cvv",
        "full card number", "card numbers", "captured card", "captured cards", "test charge", "test charges",
        "clone site", "clone sites", "sell to buyers", "buyers"},
       {"so they look real", "look real", "without getting caught", "avoid detection", "avoid bans",
        "evade", "victims", "never actually send", "never send", "burn and re register", "private channel",
        "look alike", "lookalike"}},
      {"manipulation",
       "It describes coordinated inauthentic behaviour (fake personas or accounts that pose as real people to "
       "fake reviews, votes or public opinion while evading platform detection).",
       {"astroturfing", "astroturf", "sock puppet accounts", "sockpuppet accounts", "fake personas",
        "synthetic personas", "synthetic residents", "synthetic users", "persona farm", "bot farm", "troll farm",
        "vote stuffing", "stuff the poll", "rig the poll", "rig the election", "rig the vote",
        "buy accounts in bulk", "accounts we buy in bulk"},
       {"personas", "persona", "fake accounts", "aged accounts", "aged social media accounts", "aged reviewer accounts",
        "residential proxy", "residential proxies", "sim bank", "sms verification", "browser fingerprints",
        "fingerprints", "5 star reviews", "1 and 2 star reviews", "cast votes", "upvote", "pile onto",
        "face generator", "ai generated faces", "generated name", "competitors listings", "review velocity"},
       {"looks organic", "look organic", "so the platforms think", "platforms think", "nothing links back",
        "out of every record", "recycle their numbers", "burned personas", "banned or flagged", "flagged or removed",
        "pass sms verification", "rotate browser fingerprints", "real looking", "think it s a local",
        "so they pass"}},
      {"exploitation",
       "It describes sexual content involving minors or non-consensual intimate imagery.",
       {"child sexual", "sexual images of children", "minors nude", "nude minors", "underage nude", "csam",
        "deepfake nudes", "revenge porn", "non consensual intimate", "nudify"},
       {},
       {}},
      // Forced or bonded labour and trafficking: a debt the workers "work off", their passports held,
      // their movements and calls watched. (The learned model knows the category from its training
      // texts; these phrases catch wordings it misses. Anti-trafficking casework and ordinary
      // recruitment, housing or right-to-work checks plan normally.)
      {"labour_exploitation",
       "It describes forced or bonded labour (holding workers' passports or pay, debts they must work off, "
       "or keeping them from leaving or changing employer).",
       {"work off", "works off", "working off", "worked off", "debt bondage", "bonded labour", "bonded labor",
        "forced labour", "forced labor", "passport and phone in", "passports and phones in", "hold their passports",
        "holds their passports", "keep their passports", "keeps their passports", "confiscate", "confiscated",
        "passports stay", "passports are kept"},
       {"recruit", "recruits", "workers", "worker", "debt", "balance", "opening balance", "interest", "dorm",
        "dormitory", "dormitories", "passport", "passports", "allowance", "escort", "escorts", "fines", "fee",
        "locker", "safe", "wages", "by the night", "never to them"},
       {"never see how", "never show the worker", "before anyone starts asking", "embassy", "dials", "relocate",
        "may leave", "leave the dorm", "without a pass", "with one of our escorts", "grows", "escape", "run away",
        "runs away", "not allowed to leave", "cannot leave", "can t leave"},
       // anti-trafficking casework, a labour inspectorate, a union's complaints desk, ethical recruitment
       {"survivors", "survivor", "victims", "victim", "caseworker", "caseworkers", "case management", "ngo",
        "inspectorate", "inspectors", "labour inspection", "labor inspection", "union", "complaint", "complaints",
        "referral", "referrals", "shelter", "rescued", "anti trafficking", "counter trafficking", "helpline",
        "legal aid", "return their passports", "returned to them", "right to work check", "right to work checks",
        "employer pays", "ethical recruitment", "stay with the worker", "stays with the worker"},
       /*modelFeatures=*/false},
      // Blood sports and animal cruelty for entertainment or profit (illegal in most countries);
      // rescue, welfare and investigation framing plans normally.
      {"animal_cruelty",
       "It describes animal fighting or cruelty to animals for entertainment or profit (dog or cock fights, "
       "baiting, crush videos), which is illegal in most countries.",
       {"dog fighting", "dog fights", "dog fight", "dogfighting ring", "dogfighting rings", "dogfighting league",
        "fighting dogs", "pit bull fights", "pitbull fights", "cockfighting", "cockfights", "cock fighting",
        "cock fights", "cock fight", "rooster fights", "rooster fighting", "fighting roosters", "fighting cocks",
        "gamecock fights", "bear baiting", "badger baiting", "bait dogs", "bait animals", "animal fights",
        "animal fighting", "crush videos", "crush video", "hare coursing", "blood sport", "blood sports"},
       {"bet", "bets", "betting", "wager", "wagers", "odds", "purse", "purses", "bloodline", "bloodlines",
        "breeding", "breeders", "stud", "pit", "pits", "kill", "kills", "to the death", "winnings", "payout",
        "payouts", "pays out", "entry fee", "gate fee", "matches", "derby", "derbies", "fighters", "champion",
        "sell", "sells", "selling", "subscribers", "subscriptions", "pay per view", "livestream", "stream"},
       {"police", "raid", "raids", "secret location", "secret locations", "night before", "underground", "illegal",
        "off the books", "cash only", "invite only", "burner", "hidden", "hide", "no records", "tip off",
        "tipped off", "without a trace"},
       // rescue, welfare and enforcement: a shelter, a charity's tip line for suspected dog fighting
       {"rescue", "rescued", "rescues", "rehabilitation", "rehabilitate", "rehome", "rehoming", "shelter",
        "shelters", "adoption", "adoptions", "adopt", "welfare", "investigator", "investigators", "investigation",
        "investigations", "prosecution", "prosecutors", "law enforcement", "seized", "evidence", "tip line",
        "hotline", "sanctuary", "campaign against", "end dog fighting", "stop dog fighting", "suspected"},
       /*modelFeatures=*/false},
      {"weapons_drugs",
       "It describes an illegal market for weapons or drugs.",
       {"ghost guns", "untraceable guns", "sell illegal drugs", "darknet market", "dark web market",
        "sell cocaine", "sell heroin", "sell fentanyl", "buy weapons anonymously"},
       {},
       {}},
  };
  return rules;
}

// Defensive, consent-based or compliance context that marks a legitimate product.
const std::vector<std::string>& LegitCues() {
  static const std::vector<std::string> cues = {
      "soc", "security operations", "analysts", "analyst", "incident response", "triage", "detect", "detected",
      "detection", "detections", "prevent", "prevention", "protect against", "defend", "report phishing",
      "reported phishing", "phishing simulation", "simulated phishing", "security awareness", "awareness training",
      "pentest", "penetration test", "penetration testing", "pen test", "authorized", "authorised",
      "with consent", "with their consent", "consent based", "consented", "opt in", "opt-in", "their consent",
      "gdpr", "compliance", "company vehicles", "company owned", "fleet", "our own servers", "our own machines",
      "our own devices", "our own infrastructure", "our own services", "blue team", "vulnerability management",
      "parental controls", "parental control", "uptime", "monitoring our", "fraud detection", "flag fake",
      "detect fake", "detects fake", "flags fake", "trust and safety", "spam detection", "moderation",
      "handle takedown requests", "process takedown requests", "abuse reports", "alerts from", "edr", "siem",
      "employees agree", "transparent", "knows they are", "know they are", "with their knowledge"};
  return cues;
}

// Concepts that, together, mark harmful intent whatever the domain: hiding what the system does
// from the people it affects, evading platforms, banks or law enforcement, coercion, and a target
// that is someone else's secrets, accounts, body or money. One concept alone is common in
// legitimate products ("hide the icon", "countdown", "password"); two kinds of intent signal
// plus a target are not.
struct IntentConcepts {
  std::vector<std::string> conceal, evade, coerce, target, legit;
};

const IntentConcepts& Concepts() {
  static const IntentConcepts c = {
      // conceal: from the affected people
      {"hide its icon", "hides its icon", "hide the icon", "no tray icon", "not show up in", "never be able to tell",
       "must not find out", "not find out", "so they don t notice", "so it is not detected", "without them knowing",
       "without her knowing", "without him knowing", "while she s asleep", "while shes asleep", "while he s asleep",
       "secretly", "covertly", "quietly record", "quietly records", "quietly copies", "quietly capture",
       "pose as", "poses as", "posing as", "pretend to be", "pretends to be", "look exactly like", "looks exactly like",
       "pixel for pixel", "numbers that look like", "so the platforms think", "so customers think",
       "think they are real", "think it s the brand", "not affiliated", "declare it as", "disguised as",
       "nothing in the employee handbook", "don t tell them", "without telling them", "so nobody knows",
       "looks like a normal", "shows up as a"},
      // evade: platforms, banks, regulators, anti-cheat
      {"rotating domains", "rotating set of", "rotating list of", "old ones get flagged", "when they get banned",
       "replace the accounts", "burned accounts", "avoid detection", "evade", "evading", "so no reports trigger",
       "no reports trigger", "mixers", "no kyc", "without kyc", "synthetic ids", "edited utility bills",
       "nominee directors", "shell companies", "hwid spoofer", "spoofer", "when one adds a captcha",
       "payment processors drop us", "report to the regulator", "residential proxy", "residential proxies",
       "browser fingerprint", "browser fingerprints", "onion site", "mass report", "new alt", "is not detected",
       "mark it detected", "undetected", "obfuscated build", "can t bank normally", "sanctioned entities",
       "no prescription", "without a prescription", "without prescriptions", "takedown", "get around the",
       "after blocking us", "blocked us", "ban evasion"},
      // coerce
      {"countdown", "pay by the deadline", "price doubles", "unless they pay", "unless you pay", "amount to pay",
       "if they don t pay", "if they pay", "gift cards or crypto", "ask again", "collection workflow", "threaten",
       "threatens", "blackmail", "extort", "files get published", "leak them", "leak it", "harass", "harassment",
       "pile on", "pile onto", "made her delete", "made him delete", "lowered turnout", "lower turnout",
       "suppress turnout", "polling place has moved"},
      // target: someone else's secrets, accounts, body, vote or money
      {"her phone", "his phone", "her passcode", "his passcode", "her gps", "her messages", "his messages",
       "the sms code", "sms code", "one time code", "one time codes", "log into the real account", "card numbers",
       "cvv", "fullz", "ssn", "home address", "home adress", "her parents", "real name", "record them",
       "undress", "intimate", "encrypt the servers", "test decryption", "data we copied", "every keystroke",
       "keystrokes", "personal gmail", "personal accounts", "voter file", "polling place", "not their own",
       "bought in bulk", "reviews of 5 stars", "reviews of 1 star", "5 star reviews", "1 star reviews",
       "the competitor", "fake brand", "batch numbers and holograms", "her posts", "his posts", "friends and family",
       "sanctioned", "under 10k", "walls", "aim assist", "esp"},
      // legitimate framing
      {"authorized", "authorised", "with consent", "their consent", "opt in", "opt-in", "simulation", "awareness",
       "our own", "security team", "appeal", "moderation", "moderators", "escalated", "the law requires",
       "the child can see", "transparent", "during shifts", "fraud detection", "detect", "report phishing",
       "compliance", "audit log", "we are authorized", "with their knowledge"},
  };
  return c;
}

}  // namespace

std::vector<std::string> EthicsCueFeatures(std::string_view text) {
  std::string normalized = NormalizeForPhrases(text);
  PhraseIndex norm(normalized);
  std::vector<std::string> out;
  auto add = [&](const std::string& name, int n) {
    if (n >= 1) out.push_back("c:" + name);
    if (n >= 2) out.push_back("c:" + name + "2");
  };
  const auto& c = Concepts();
  add("conceal", Count(norm, c.conceal));
  add("evade", Count(norm, c.evade));
  add("coerce", Count(norm, c.coerce));
  add("target", Count(norm, c.target));
  add("legit", Count(norm, c.legit) + Count(norm, LegitCues()));
  for (const auto& r : Rules()) {
    if (!r.modelFeatures) continue;
    std::string cat = r.category;
    add(cat + ".strong", Count(norm, r.strong));
    add(cat + ".harm", Count(norm, r.harm));
    add(cat + ".covert", Count(norm, r.covert));
  }
  return out;
}

std::string RefusalReason(std::string_view category) {
  for (const auto& r : Rules()) {
    if (category == r.category) return r.reason;
  }
  static const std::vector<std::pair<std::string_view, std::string_view>> kReasons = {
      {"surveillance",
       "It describes covert surveillance of a person (tracking their location, messages or activity without "
       "their knowledge or consent)."},
      {"extortion",
       "It describes extortion (threatening to publish, leak or harm unless someone pays or complies)."},
      {"harassment",
       "It describes a harassment campaign against people (coordinated abuse, mass reporting, flooding or "
       "tracking someone who does not want contact)."},
      {"illegal_goods",
       "It describes selling restricted or illegal goods without the legally required checks (prescription, "
       "age, licence or background checks)."},
      {"cheating",
       "It describes cheating or rule-evasion tools (cheats that evade anti-cheat, exam fraud, ban evasion)."},
      {"discrimination",
       "It describes unlawful discrimination (screening people out of jobs, housing, loans or services by a "
       "protected trait such as race, religion, age, sex or disability, or a stand-in for one)."},
  };
  for (const auto& [c, reason] : kReasons) {
    if (category == c) return std::string(reason);
  }
  return "It describes a system built to harm or deceive people who have not agreed to it.";
}

namespace {

// The domain-independent part of CheckEthics: concealment, evasion and coercion aimed at other
// people's data, accounts, bodies or money.
EthicsVerdict CheckIntent(std::string_view text) {
  std::string normalized = NormalizeForPhrases(text);
  PhraseIndex norm(normalized);
  const auto& c = Concepts();
  int conceal = Count(norm, c.conceal), evade = Count(norm, c.evade), coerce = Count(norm, c.coerce);
  int target = Count(norm, c.target), legit = Count(norm, c.legit);
  int kinds = (conceal > 0) + (evade > 0) + (coerce > 0);
  int signals = conceal + evade + coerce;
  EthicsVerdict v;
  if (target >= 1 && signals >= 2 && (kinds >= 2 || signals >= 3) && signals + target - 2 * legit >= 4) {
    v.refuse = true;
    v.category = "harmful_intent";
    v.reason = "It describes a system built to harm or deceive other people without their consent (concealed "
               "capture of their data or accounts, coercion, or evading the platforms, banks or laws that "
               "protect them).";
  }
  return v;
}

// "an OTP secret", "the client secret", "a secret key": a credential, not concealment. These phrases
// are taken out before the cue lists are counted ("secret" is a covert cue). `padded` is
// NormalizeForPhrases output (lowercase words between single spaces).
std::string WithoutCredentialSecrets(std::string padded) {
  if (padded.find("secret") == std::string::npos) return padded;
  static const char* const kCredential[] = {
      "otp secret", "totp secret", "2fa secret", "mfa secret", "client secret", "client secrets", "api secret",
      "app secret", "shared secret", "webhook secret", "jwt secret", "signing secret", "tsig secret",
      "secret key", "secret keys", "secret token", "secret tokens", "secret access key", "secrets manager"};
  // (Not ReplaceAll: a phrase said twice in a row shares the space between, so the search goes on
  // from the replacement's own trailing space.)
  for (const char* phrase : kCredential) {
    const std::string needle = Padded(phrase);
    for (size_t at = padded.find(needle); at != std::string::npos; at = padded.find(needle, at + 1)) {
      padded.replace(at, needle.size(), " credential ");
    }
  }
  return padded;
}

}  // namespace

EthicsVerdict CheckEthics(std::string_view text) {
  std::string normalized = WithoutCredentialSecrets(NormalizeForPhrases(text));
  PhraseIndex norm(normalized);
  int legit = Count(norm, LegitCues());
  EthicsVerdict best;
  int best_score = 0;
  for (const auto& r : Rules()) {
    int strong = Count(norm, r.strong);
    int harm = Count(norm, r.harm);
    int covert = Count(norm, r.covert);
    // (A phishing simulation says what it is: with legitimate framing, a pattern of intent is weighed as a
    // phrase would be, not as two cues.)
    if (r.strongPattern && legit == 0 && r.strongPattern(norm.Words())) strong += 2;
    if (r.harmPattern && r.harmPattern(norm.Words())) ++harm;
    if (strong == 0 && harm == 0) continue;
    bool refuse = false;
    if (r.covert.empty()) {
      // Categories with no legitimate framing, except handling reports of them ("child-exploitation
      // reports are escalated to NCMEC").
      static const std::vector<std::string> kHandling = {"report", "reports", "reported", "moderation", "moderators",
                                                         "escalated", "ncmec", "law enforcement", "the law requires",
                                                         "removal", "remove content"};
      refuse = strong >= 1 && Count(norm, kHandling) < 3;
    } else {
      const int rule_legit = legit + Count(norm, r.counter);
      int score = 3 * strong + harm + 2 * covert - 2 * rule_legit;
      bool intent = covert >= 1 || strong >= 2 || (strong >= 1 && harm >= 2);
      refuse = intent && score >= 5 && (strong >= 1 || (harm >= 2 && covert >= 1));
      // Covert surveillance of a person needs no "strong" word: partner target + covert cue.
      if (std::string_view(r.category) == "stalkerware" && harm >= 1 && covert >= 1 && legit <= covert) refuse = true;
      if (refuse && score <= best_score) continue;
      if (refuse) best_score = score;
    }
    if (refuse && !best.refuse) {
      best.refuse = true;
      best.category = r.category;
      best.reason = r.reason;
    } else if (refuse) {
      best.category = r.category;
      best.reason = r.reason;
    }
  }
  if (best.refuse) return best;
  EthicsVerdict intent = CheckIntent(text);
  if (intent.refuse) return intent;
  // The learned model generalizes to wordings no phrase above lists.
  GuardPrediction learned = ClassifyGuard(text);
  if (learned.flagged) {
    EthicsVerdict v;
    v.refuse = true;
    v.category = learned.label;
    v.reason = RefusalReason(learned.label);
    return v;
  }
  return {};
}

}  // namespace bf::analyze
