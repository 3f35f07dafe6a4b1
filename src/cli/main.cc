// backendforge: command-line entry point. CLI11 lives in this translation unit only.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"

namespace {

std::string OneLineFailure(const CLI::App* app, const CLI::Error& e) {
  std::string name = app->get_name().empty() ? "backendforge" : app->get_name();
  return "backendforge: error: " + std::string(e.what()) + " (see `" +
         (app->get_parent() ? "backendforge " + name : name) + " --help`)\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace bf::cli;  // NOLINT
  CLI::App app{"BackendForge: describe a backend in plain language, get a verified one.", "backendforge"};
  app.require_subcommand(1);
  app.failure_message(OneLineFailure);
  app.set_version_flag("--version", "backendforge 0.1.0");

  // spec validate | schema
  auto* spec_cmd = app.add_subcommand("spec", "Work with AppSpec files");
  spec_cmd->require_subcommand(1);
  SpecValidateOptions validate;
  auto* validate_cmd = spec_cmd->add_subcommand("validate", "Check an AppSpec file; lists every error with its path");
  validate_cmd->add_option("FILE", validate.file, "AppSpec JSON file ('-' for stdin)")->required();
  validate_cmd->add_flag("--json", validate.json, "Machine-readable result");
  auto* schema_cmd = spec_cmd->add_subcommand("schema", "Print the AppSpec JSON Schema");

  auto add_describe = [](CLI::App* cmd, DescribeInput& in) {
    cmd->add_option("TEXT", in.text, "The description ('-' reads stdin)");
    cmd->add_option("--file", in.file, "Read the description from a file ('-' for stdin)");
    cmd->add_option("--answer", in.answers, "Answer a clarifying question: ID=OPTION (repeatable)");
    cmd->add_flag("--yes,-y", in.yes, "Accept the default answer of every clarifying question");
  };

  // analyze
  AnalyzeOptions an;
  auto* analyze_cmd = app.add_subcommand(
      "analyze", "Turn a description into an AppSpec, clarifying questions or a refusal (exit 0 plan, 3 clarify, 4 refuse)");
  add_describe(analyze_cmd, an.in);
  analyze_cmd->add_flag("--json", an.json, "Print JSON (the default when stdout is not a terminal)");

  // plan
  PlanOptions pl;
  auto* plan_cmd = app.add_subcommand("plan", "Write the plan (Markdown with Mermaid diagrams) for a description");
  add_describe(plan_cmd, pl.in);
  plan_cmd->add_option("--out", pl.out, "Write the plan to this file (default: stdout)");
  plan_cmd->add_option("--spec-out", pl.specOut, "Also write the AppSpec JSON to this file");
  plan_cmd->add_option("--stack", pl.stack, "Override the stack: a target (node-express) or a language (python)");
  plan_cmd->add_option("--db", pl.database, "Override the database: sqlite, postgres, mongodb, mysql");

  // chat
  ChatOptions ch;
  auto* chat_cmd = app.add_subcommand("chat", "Interactive session: describe, then edit by chat (\"add likes\", \"undo\")");
  chat_cmd->add_option("--spec", ch.specFile, "Start from this AppSpec instead of a description");

  // new
  NewOptions nw;
  auto* new_cmd = app.add_subcommand("new", "From a description to a verified backend: analyze, plan, generate test-first");
  add_describe(new_cmd, nw.in);
  new_cmd->add_option("--stack", nw.gen.stack, "Target stack, e.g. node-express (default: the planner's choice)");
  new_cmd->add_option("--db", nw.gen.database, "Database: sqlite or postgres (default: the planner's choice)");
  new_cmd->add_option("--out", nw.gen.out, "New or empty folder for the backend")->required();
  new_cmd->add_option("--templates", nw.gen.templatesDir, "Use the templates in this folder instead of the embedded ones");
  new_cmd->add_option("--test-database-url", nw.gen.testDatabaseUrl,
                      "Run the generated tests against this database (e.g. postgres://...) instead of in-memory SQLite");
  new_cmd->add_flag("!--no-commit", nw.gen.commit, "Do not create a git repository");
  new_cmd->add_flag("--json", nw.gen.json, "Print the pipeline record as JSON");

  // generate
  GenerateOptions gen;
  auto* gen_cmd = app.add_subcommand("generate", "Generate a backend from an AppSpec, proven test-first (red, then green)");
  gen_cmd->add_option("--spec", gen.specFile, "AppSpec JSON file")->required();
  gen_cmd->add_option("--stack", gen.stack, "Target stack, e.g. node-express (default: from the spec)");
  gen_cmd->add_option("--db", gen.database, "Database: sqlite or postgres (default: from the spec, else sqlite)");
  gen_cmd->add_option("--out", gen.out, "New or empty folder for the backend")->required();
  gen_cmd->add_option("--templates", gen.templatesDir, "Use the templates in this folder instead of the embedded ones");
  gen_cmd->add_option("--test-database-url", gen.testDatabaseUrl,
                      "Run the generated tests against this database (e.g. postgres://...) instead of in-memory SQLite");
  gen_cmd->add_flag("--files-only", gen.filesOnly, "Write (and commit) the files without installing or testing");
  gen_cmd->add_flag("!--no-commit", gen.commit, "Do not create a git repository");
  gen_cmd->add_flag("--json", gen.json, "Print the pipeline record as JSON");

  // regenerate
  RegenerateOptions regen;
  auto* regen_cmd = app.add_subcommand(
      "regenerate", "Regenerate an existing project after a spec change, keeping your edits (three-way merge in git)");
  regen_cmd->add_option("--spec", regen.specFile, "The changed AppSpec JSON file")->required();
  regen_cmd->add_option("--project", regen.project, "The project folder (made by `backendforge generate`)")->required();
  regen_cmd->add_option("--stack", regen.stack, "Target stack (default: the one the project was generated with)");
  regen_cmd->add_option("--db", regen.database, "Database (default: the one the project was generated with)");
  regen_cmd->add_option("--templates", regen.templatesDir, "Use the templates in this folder instead of the embedded ones");
  regen_cmd->add_option("-m,--message", regen.message, "Commit message (default: \"Regenerate <title> (...)\")");
  regen_cmd->add_option("--author", regen.author, "Commit author \"Name <email>\" (default: git config, else BackendForge)");
  regen_cmd->add_flag("--commit-pending", regen.commitPending, "Commit uncommitted edits first instead of refusing");
  regen_cmd->add_flag("--json", regen.json, "Machine-readable result");

  // test
  TestOptions test;
  auto* test_cmd = app.add_subcommand("test", "Run a generated project's tests on this machine: all, one file, or one test");
  test_cmd->add_option("--project", test.project, "The project folder (made by `backendforge generate`)")->required();
  test_cmd->add_option("--filter", test.filter,
                       "A test's full name as reported (\"test/posts.test.ts > Post > rejects a missing title\"), a test file, or a part of a name");
  test_cmd->add_option("--stack", test.stack, "Target stack (default: the one the project was generated with)");
  test_cmd->add_option("--templates", test.templatesDir, "Use the templates in this folder instead of the embedded ones");
  test_cmd->add_flag("--json", test.json, "Print the results as JSON");

  // verify
  VerifyOptions verify;
  auto* verify_cmd = app.add_subcommand("verify", "Check a running backend against the contract derived from its spec");
  verify_cmd->add_option("--url", verify.url, "Base URL of the backend, e.g. http://127.0.0.1:3000")->required();
  verify_cmd->add_option("--spec", verify.specFile, "AppSpec JSON file the backend implements")->required();
  verify_cmd->add_flag("--json", verify.json, "Print a machine-readable report");
  verify_cmd->add_option("--admin-email", verify.adminEmail, "Admin account for admin-only checks (default: $ADMIN_EMAIL)");
  verify_cmd->add_option("--admin-password", verify.adminPassword, "Its password (default: $ADMIN_PASSWORD)");
  verify_cmd->add_option("--timeout-ms", verify.timeoutMs, "Timeout of each request")->check(CLI::Range(100, 600000));
  verify_cmd->add_option("--event-wait-ms", verify.eventWaitMs, "How long to wait for each SSE event")
      ->check(CLI::Range(100, 600000));
  verify_cmd->add_option("--only", verify.only, "Run only checks whose name contains this text (and what they need)");

  // serve
  ServeOptions serve;
  auto* serve_cmd = app.add_subcommand("serve", "Run the BackendForge server (HTTP + WebSocket API and web UI)");
  serve_cmd->add_option("--host", serve.host, "Address to listen on (default 127.0.0.1; env BACKENDFORGE_HOST)");
  serve_cmd->add_option("--port", serve.port, "Port (default 8080; 0 = any free port; env BACKENDFORGE_PORT)");
  serve_cmd->add_option("--data", serve.data, "Data folder: database, projects, secret (default .data; env BACKENDFORGE_DATA)");
  serve_cmd->add_option("--config", serve.config, "JSON config file (keys as in docs/API.md#configuration)");
  serve_cmd->add_option("--templates", serve.templates, "Generator templates folder (default: embedded)");
  serve_cmd->add_option("--ui", serve.ui, "Built web UI folder (default: web/dist next to the build)");
  serve_cmd->add_option("--tls-cert", serve.tlsCert, "PEM certificate chain (enables HTTPS/WSS with --tls-key)");
  serve_cmd->add_option("--tls-key", serve.tlsKey, "PEM private key");
  serve_cmd->add_option("--log-level", serve.logLevel, "debug, info, warn, error or off");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  if (validate_cmd->parsed()) return SpecValidate(validate);
  if (schema_cmd->parsed()) return SpecSchema();
  if (gen_cmd->parsed()) return Generate(gen);
  if (regen_cmd->parsed()) return Regenerate(regen);
  if (analyze_cmd->parsed()) return Analyze(an);
  if (plan_cmd->parsed()) return Plan(pl);
  if (chat_cmd->parsed()) return Chat(ch);
  if (new_cmd->parsed()) return New(nw);
  if (verify_cmd->parsed()) return Verify(verify);
  if (test_cmd->parsed()) return Test(test);

  if (serve_cmd->parsed()) return Serve(serve);
  return kExitUsage;
}
