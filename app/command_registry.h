// The command registry: each `tupu` subcommand lives in its own cmd_<name>.cc and registers
// itself here at start-up, so adding a command never touches main.cc.
// Thread safety: registration happens during static initialisation, before main; then read-only.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace tupu {

// Exit codes of every command (documented in the README).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // the command could not do its work
inline constexpr int kExitUsage = 2;        // bad arguments
inline constexpr int kExitPartial = 3;      // the work was done, but some inputs were skipped

struct CommandSpec {
  std::string name;
  int order = 100;  // position in `tupu --help`
  // Adds the subcommand to `root`; its callback stores the command's exit code in *exit_code.
  std::function<void(CLI::App& root, int* exit_code)> add;
};

bool RegisterCommand(CommandSpec spec);
const std::vector<CommandSpec>& RegisteredCommands();

// The --db option every command that opens a database shares (default ./tupu.db).
inline constexpr char kDefaultDbPath[] = "tupu.db";
void AddDbOption(CLI::App* command, std::string* db_path);

// --write (described by `write_help`) and --wait, which `run` and `shell` share: open the
// database as its writer, and wait for a running writer instead of failing.
void AddWriteOptions(CLI::App* command, bool* write, bool* wait, const std::string& write_help);

// --precision auto|fp32|int16, which `tag` and `ingest` share; `*precision` starts as "auto".
// auto is the int16 tagger where the CPU has its SIMD kernel (about 2.5x faster, 99.9% of tags
// the same), fp32 elsewhere; fp32 is the exact reference, int16 forces the int16 arithmetic.
void AddPrecisionOption(CLI::App* command, std::string* precision);

}  // namespace tupu

#define TUPU_REGISTER_COMMAND(ident, ...) \
  static const bool tupu_registered_##ident = ::tupu::RegisterCommand(__VA_ARGS__)
