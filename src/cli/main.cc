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
  if (serve_cmd->parsed()) return Serve(serve);
  return kExitUsage;
}
