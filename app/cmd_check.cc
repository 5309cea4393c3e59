// `tupu check [--db DIR] [--repair]`: verifies a database (checksums, out/in twins, endpoints,
// names index, facts listed under their documents) and prints what is wrong; exit 1 if anything
// is. --repair rebuilds the derived indexes (names, in) and checks again.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "app/command_registry.h"
#include "store/store_check.h"

namespace tupu {
namespace {

struct CheckArgs {
  std::string db_path;
  bool repair = false;
};

void PrintProblems(const std::vector<std::string>& listed, uint64_t count) {
  for (const auto& problem : listed) std::cout << "  " << problem << '\n';
  if (count > listed.size()) std::cout << "  ... and " << count - listed.size() << " more\n";
}

int RunCheck(const CheckArgs& args) {
  CheckOptions options;
  options.repair = args.repair;
  auto report = CheckDatabase(args.db_path, options);
  if (!report.ok()) {
    std::cerr << "tupu check: " << report.status().ToString() << '\n';
    return kExitFailure;
  }
  std::cout << "checked " << args.db_path << ": " << report->documents << " documents, "
            << report->nodes << " nodes, " << report->edges << " edges, " << report->names
            << " names, " << report->doc_facts << " doc_facts entries, " << report->annotations
            << " annotations\n";
  if (report->problem_count == 0) {
    std::cout << "OK: no problems found\n";
  } else {
    std::cout << report->problem_count << " problem(s):\n";
    PrintProblems(report->problems, report->problem_count);
  }
  if (report->repaired) {
    std::cout << "repair: " << report->names_fixed << " names entries and " << report->in_fixed
              << " in entries rewritten\n";
    if (report->problems_after_repair == 0) {
      std::cout << "OK after repair\n";
    } else {
      std::cout << report->problems_after_repair
                << " problem(s) remain after repair (re-ingest the affected documents):\n";
      PrintProblems(report->remaining, report->problems_after_repair);
    }
  } else if (report->problem_count > 0) {
    std::cout << "run `tupu check --db " << args.db_path
              << " --repair` to rebuild the indexes\n";
  }
  return report->ok() ? kExitOk : kExitFailure;
}

TUPU_REGISTER_COMMAND(check, CommandSpec{
  "check", 60, [](CLI::App& root, int* exit_code) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* cmd = root.add_subcommand(
        "check", "Verify a database (checksums, edge twins, endpoints, names index, facts per "
                 "document); exit 1 when something is wrong");
    AddDbOption(cmd, &args->db_path);
    cmd->add_flag("--repair", args->repair,
                  "Rebuild the derived indexes (names from nodes, in from out), then check again");
    cmd->callback([args, exit_code] { *exit_code = RunCheck(*args); });
  }});

}  // namespace
}  // namespace tupu
