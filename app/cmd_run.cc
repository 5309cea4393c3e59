// `tupu run [--db DIR] [--sandbox] [--write] SCRIPT.lua [ARGS...]` and `tupu run -e 'CODE'`: runs
// Lua with the graph as `g` (docs/lua.md). The database is opened on first use of `g`: read-only,
// or with --write as its writer, so the script may annotate nodes (n:annotate).
// Errors print file, line and message; the exit code is 1.
#include <signal.h>

#include <CLI/CLI.hpp>

#include <atomic>
#include <iostream>
#include <string>
#include <vector>

#include "app/command_registry.h"
#include "scripting/lua_runtime.h"
#include "scripting/store_provider.h"

namespace tupu {
namespace {

struct RunArgs {
  std::string db_path;
  std::vector<std::string> code;  // -e chunks, run in order before the script
  bool sandbox = false;
  bool write = false;
  bool wait = false;  // --write: wait for a running writer instead of failing
  size_t max_memory_mb = 0;
  uint64_t max_instructions = 0;
};

std::atomic<LuaRuntime*> g_runtime{nullptr};
void OnInterrupt(int) {
  if (LuaRuntime* runtime = g_runtime.load()) runtime->RequestInterrupt();
}

int RunScript(const RunArgs& args, std::vector<std::string> rest) {
  if (args.code.empty() && rest.empty()) {
    std::cerr << "tupu run: give a script (tupu run queries/visits.lua) or code (tupu run -e 'CODE')\n";
    return kExitUsage;
  }
  RuntimeOptions options;
  options.sandbox = args.sandbox;
  options.memory_limit_bytes = args.max_memory_mb << 20;
  options.instruction_limit = args.max_instructions;
  if (args.sandbox) {
    // Untrusted scripts get limits unless the caller chose others.
    if (options.memory_limit_bytes == 0) options.memory_limit_bytes = size_t{512} << 20;
    if (options.instruction_limit == 0) options.instruction_limit = 1'000'000'000;
  }
  StoreProviders stores = StoreProvidersFor(args.db_path, args.write, args.wait);
  auto runtime = LuaRuntime::Create(options, std::move(stores.read), std::move(stores.write));
  if (!runtime.ok()) {
    std::cerr << "tupu run: " << runtime.status().ToString() << "\n";
    return kExitFailure;
  }
  g_runtime.store(runtime->get());
  struct sigaction action = {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);

  Status status;
  for (size_t i = 0; i < args.code.size() && status.ok(); ++i) {
    status = (*runtime)->RunString(args.code[i], "=(command line)");
  }
  if (status.ok() && !rest.empty()) {
    std::string script = rest.front();
    rest.erase(rest.begin());
    status = (*runtime)->RunFile(script, rest);
  }
  g_runtime.store(nullptr);
  if (!status.ok()) {
    std::cout.flush();
    std::cerr << "tupu run: " << status.message() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

TUPU_REGISTER_COMMAND(run, CommandSpec{
    "run", 40, [](CLI::App& root, int* exit_code) {
      auto args = std::make_shared<RunArgs>();
      CLI::App* cmd = root.add_subcommand(
          "run",
          "Run a Lua script (or -e CODE) with the graph as `g`.\n"
          "  tupu run queries/visits.lua\n"
          "  tupu run queries/timeline.lua 张三\n"
          "  tupu run -e 'g:V{label=\"Person\"}:limit(5):show()'\n"
          "Arguments after the script go to the script (arg[1], ...). See docs/lua.md.");
      AddDbOption(cmd, &args->db_path);
      cmd->add_option("-e,--execute", args->code, "Lua code to run (before SCRIPT, if any)");
      cmd->add_flag("--sandbox", args->sandbox,
                    "Untrusted script: no os/io/package/debug, text-only load, memory and "
                    "instruction limits (512 MB, 1e9 unless set)");
      // Allowed together with --sandbox: the sandbox limits what the language may reach (files,
      // processes), --write grants one thing about the data, annotations on nodes.
      AddWriteOptions(cmd, &args->write, &args->wait,
                      "Open the database as its writer so the script may annotate nodes "
                      "(n:annotate); fails while an ingest runs");
      cmd->add_option("--max-memory", args->max_memory_mb, "Memory cap for Lua, in MB (0 = none)");
      cmd->add_option("--max-instructions", args->max_instructions,
                      "Instruction budget for Lua (0 = none)");
      // Everything from SCRIPT on belongs to the script, options included.
      cmd->prefix_command();
      cmd->callback([cmd, args, exit_code] { *exit_code = RunScript(*args, cmd->remaining()); });
    }});

}  // namespace
}  // namespace tupu
