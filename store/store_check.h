// CheckDatabase: the integrity check behind `tupu check` (issue 4). Verifies RocksDB's checksums
// and tupu's invariants: out/in twins, edge endpoints, the names index against the nodes, every
// fact listed under its document, node document counts and mentions against doc_facts.
// --repair rebuilds the derived indexes (names from nodes, in from out, the totals). Holds everything it
// checks in memory: fine for millions of facts, not for billions.
// Thread safety: a plain function; opens the database itself (read-only unless repairing).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace tupu {

struct CheckOptions {
  bool repair = false;              // rebuild names and in, then check again
  size_t max_problems_listed = 100;  // problems beyond this are counted, not listed
};

struct CheckReport {
  // What was found (before any repair): one line per problem, for people.
  std::vector<std::string> problems;
  uint64_t problem_count = 0;
  // Sizes seen.
  uint64_t documents = 0, nodes = 0, edges = 0, names = 0, doc_facts = 0;
  uint64_t annotations = 0;  // the user's notes (kept even for nodes no longer stored)
  // --repair: entries of names / in written or deleted, and what the second check found.
  bool repaired = false;
  uint64_t names_fixed = 0, in_fixed = 0;
  uint64_t problems_after_repair = 0;
  std::vector<std::string> remaining;  // problems the repair could not fix (listed)

  // True when the database is sound (after repair, when one ran).
  bool ok() const { return repaired ? problems_after_repair == 0 : problem_count == 0; }
};

// Checks (and with options.repair, repairs) the database in folder `path`. The Status is for what
// stops the check (no database, locked by a writer when repairing, I/O); problems found are in
// the report.
Result<CheckReport> CheckDatabase(const std::string& path, const CheckOptions& options);

}  // namespace tupu
