// The command registry (see command_registry.h).
#include "app/command_registry.h"

#include <algorithm>

namespace tupu {
namespace {
std::vector<CommandSpec>& Registry() {
  static std::vector<CommandSpec> registry;  // function-local: safe from static-init order
  return registry;
}
}  // namespace

bool RegisterCommand(CommandSpec spec) {
  Registry().push_back(std::move(spec));
  return true;
}

const std::vector<CommandSpec>& RegisteredCommands() {
  auto& registry = Registry();
  std::stable_sort(registry.begin(), registry.end(),
                   [](const CommandSpec& a, const CommandSpec& b) { return a.order < b.order; });
  return registry;
}

void AddDbOption(CLI::App* command, std::string* db_path) {
  *db_path = kDefaultDbPath;
  command->add_option("--db", *db_path, "Database folder")->capture_default_str()
      ->envname("TUPU_DB");
}

void AddWriteOptions(CLI::App* command, bool* write, bool* wait, const std::string& write_help) {
  command->add_flag("--write", *write, write_help);
  command->add_flag("--wait", *wait,
                    "With --write: wait for a running writer (an ingest) to finish instead of "
                    "failing");
}

void AddPrecisionOption(CLI::App* command, std::string* precision) {
  *precision = "auto";
  command->add_option("--precision", *precision,
                      "Tagger arithmetic: auto (int16 where the CPU has AVX2, else fp32), fp32 "
                      "(exact, the reference) or int16 (about 2.5x faster, 99.9% the same tags)")
      ->check(CLI::IsMember({"auto", "fp32", "int16"}))
      ->capture_default_str();
}

}  // namespace tupu
