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
  gen_cmd->add_flag("--files-only", gen.filesOnly, "Write the files without installing, testing or committing");
  gen_cmd->add_flag("!--no-commit", gen.commit, "Do not create a git repository");
  gen_cmd->add_flag("--json", gen.json, "Print the pipeline record as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  if (validate_cmd->parsed()) return SpecValidate(validate);
  if (schema_cmd->parsed()) return SpecSchema();
  if (gen_cmd->parsed()) return Generate(gen);
  if (analyze_cmd->parsed()) return Analyze(an);
  if (plan_cmd->parsed()) return Plan(pl);
  if (chat_cmd->parsed()) return Chat(ch);
  if (new_cmd->parsed()) return New(nw);
  return kExitUsage;
}
