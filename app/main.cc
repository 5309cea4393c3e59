// tupu: build a knowledge graph of Chinese government news and ask it questions.
// main() only assembles the registered subcommands (cmd_*.cc) and runs the chosen one.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/command_registry.h"

int main(int argc, char** argv) {
  CLI::App app{
      "tupu (图谱): a knowledge graph of who-did-what in Chinese government news.\n"
      "Ingest text into a RocksDB database, then query it from Lua or export it.",
      "tupu"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tupu 0.1.0");
  int exit_code = tupu::kExitOk;
  for (const auto& spec : tupu::RegisteredCommands()) spec.add(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : tupu::kExitUsage;
  }
  return exit_code;
}
