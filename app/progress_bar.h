// ProgressBar: a one-line progress display on stderr for long runs, shown only on a terminal.
// Redraws at most every 100 ms so that printing never costs more than the work it reports.
// Thread safety: one thread calls Update/Finish.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace tupu {

class ProgressBar {
 public:
  // total_bytes 0: unknown (no percentage). enabled false: prints nothing.
  ProgressBar(uint64_t total_bytes, bool enabled);
  void Update(uint64_t bytes_done, uint64_t documents);
  void Finish();  // clears the line

 private:
  uint64_t total_bytes_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace tupu
