// ProgressBar (see progress_bar.h).
#include "app/progress_bar.h"

#include <fmt/format.h>

#include <cstdio>

namespace tupu {

ProgressBar::ProgressBar(uint64_t total_bytes, bool enabled)
    : total_bytes_(total_bytes),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressBar::Update(uint64_t bytes_done, uint64_t documents) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb_per_s = seconds > 0 ? bytes_done / 1e6 / seconds : 0.0;
  std::string line;
  if (total_bytes_ > 0) {
    double fraction = std::min(1.0, static_cast<double>(bytes_done) / total_bytes_);
    int filled = static_cast<int>(fraction * 30);
    line = fmt::format("\r[{}{}] {:5.1f}%  {} documents  {:.2f} MB/s ", std::string(filled, '#'),
                       std::string(30 - filled, '.'), fraction * 100, documents, mb_per_s);
  } else {
    line = fmt::format("\r{} documents  {:.2f} MB  {:.2f} MB/s ", documents, bytes_done / 1e6,
                       mb_per_s);
  }
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (!enabled_ || !drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

}  // namespace tupu
