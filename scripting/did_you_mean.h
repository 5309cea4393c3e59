// "Did you mean": the known names nearest to what a user typed, by edit distance. One place for
// the shell's dot commands (.mdoe -> .mode) and the Lua steps (outX -> out, outE, outV), so both
// suggest the same way. Pure functions: thread-safe.
#pragma once

#include <string>
#include <vector>

namespace tupu {

// Levenshtein distance in bytes (ASCII names: steps and commands).
size_t EditDistance(const std::string& a, const std::string& b);

// The candidates at the smallest distance from `typed`, if that distance is at most
// `max_distance`; sorted, without repeats, at most `limit`. Empty when nothing is that near.
std::vector<std::string> NearestNames(const std::string& typed,
                                      const std::vector<std::string>& candidates,
                                      size_t max_distance = 2, size_t limit = 4);

// "a", "a or b", "a, b or c": how a list of suggestions reads in a sentence.
std::string JoinAlternatives(const std::vector<std::string>& names);

}  // namespace tupu
