// `tupu shell [--db DIR] [--write]`: the interactive Lua shell over the graph (scripting/shell.h).
// Opens the database on first use of `g`: read-only, or with --write as its writer (holding the
// writer lock until the shell ends) so that n:annotate works.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "app/command_registry.h"
#include "scripting/lua_runtime.h"
#include "scripting/shell.h"
#include "scripting/store_provider.h"

namespace tupu {
namespace {

struct ShellArgs {
  std::string db_path;
  bool sandbox = false;
  bool write = false;
  bool wait = false;  // --write: wait for a running writer instead of failing
  ShellOptions shell;
};

int StartShell(const ShellArgs& args) {
  RuntimeOptions options;
  options.sandbox = args.sandbox;
  if (args.sandbox) options.memory_limit_bytes = size_t{512} << 20;
  StoreProviders stores = StoreProvidersFor(args.db_path, args.write, args.wait);
  auto runtime = LuaRuntime::Create(options, std::move(stores.read), std::move(stores.write));
  if (!runtime.ok()) {
    std::cerr << "tupu shell: " << runtime.status().ToString() << "\n";
    return kExitFailure;
  }
  return RunShell(**runtime, args.shell);
}

TUPU_REGISTER_COMMAND(shell, CommandSpec{
    "shell", 30, [](CLI::App& root, int* exit_code) {
      auto args = std::make_shared<ShellArgs>();
      CLI::App* cmd = root.add_subcommand(
          "shell",
          "Interactive Lua shell with the graph as `g` (.help inside). Example:\n"
          "  tupu> g:E(\"VISITED\"):limit(5)\n"
          "History in ~/.tupu_history; ~/.tupurc runs at start.");
      AddDbOption(cmd, &args->db_path);
      cmd->add_flag("--sandbox", args->sandbox, "No os/io/package/debug; 512 MB memory cap");
      AddWriteOptions(cmd, &args->write, &args->wait,
                      "Open the database as its writer so n:annotate works (ingest waits or "
                      "fails until the shell ends)");
      cmd->add_flag("--bail", args->shell.bail, "Stop at the first error (exit code 1)");
      cmd->add_option("--history", args->shell.history_path,
                      "History file (default ~/.tupu_history; - for none)");
      cmd->add_option("--rc", args->shell.rc_path, "Start-up file (default ~/.tupurc; - for none)");
      cmd->callback([args, exit_code] { *exit_code = StartShell(*args); });
    }});

}  // namespace
}  // namespace tupu
