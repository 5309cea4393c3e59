// lac_bench: how fast LacTagger tags a text file, one line per sentence.
//   lac_bench FILE [--precision fp32|int16|auto] [--threads N] [--no-normalize] [--compare]
// Prints characters, wall seconds, chars/s (wall) and chars per CPU-second (per core: robust on
// a shared machine), peak RSS; --compare also tags with fp32 and reports the share of
// characters whose tag agrees.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "common/utf8.h"
#include "extract/lac_tagger.h"

namespace {

// Resident set size now (VmRSS), in MB.
double ResidentMb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Tags every line; keeps the results only when `keep` (so peak RSS measures the tagger, not a
// million stored tags).
std::vector<tupu::TaggedSentence> TagAll(const tupu::LacTagger& tagger,
                                         const std::vector<std::string>& lines, int threads,
                                         bool keep) {
  std::vector<tupu::TaggedSentence> out(keep ? lines.size() : 0);
  constexpr size_t kBlock = 512;  // lines per TagBatch call, as `tupu tag` does
  auto work = [&](size_t first, size_t last) {
    for (size_t b = first; b < last; b += kBlock) {
      size_t e = std::min(last, b + kBlock);
      std::vector<std::string_view> views(lines.begin() + b, lines.begin() + e);
      auto tagged = tagger.TagBatch(views);
      if (keep) std::move(tagged.begin(), tagged.end(), out.begin() + b);
    }
  };
  std::vector<std::thread> pool;
  size_t share = (lines.size() + threads - 1) / threads;
  for (size_t b = 0; b < lines.size(); b += share) {
    pool.emplace_back(work, b, std::min(lines.size(), b + share));
  }
  for (auto& t : pool) t.join();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lac_bench FILE [--precision fp32|int16|auto] [--threads N] "
                         "[--no-normalize] [--compare]\n");
    return 2;
  }
  tupu::LacOptions options;
  int threads = 1;
  bool compare = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--precision") && i + 1 < argc) {
      options.precision =
          tupu::ParseLacPrecision(argv[++i]).value_or(tupu::LacOptions::Precision::kFp32);
    } else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
      threads = std::max(1, std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--no-normalize")) {
      options.normalize = false;
    } else if (!std::strcmp(argv[i], "--compare")) {
      compare = true;
    }
  }
  std::ifstream in(argv[1]);
  std::vector<std::string> lines;
  size_t chars = 0;
  for (std::string line; std::getline(in, line);) {
    chars += tupu::CodePointCount(line);
    lines.push_back(std::move(line));
  }
  auto tagger = tupu::LacTagger::Load(options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "lac_bench: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  const double loaded_mb = ResidentMb();
  double cpu0 = CpuSeconds();
  auto t0 = std::chrono::steady_clock::now();
  std::vector<tupu::TaggedSentence> tagged = TagAll(**tagger, lines, threads, compare);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double cpu = CpuSeconds() - cpu0;
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("precision=%s threads=%d chars=%zu wall_s=%.3f chars_per_s=%.0f "
              "chars_per_cpu_s=%.0f rss_after_load_mb=%.1f peak_rss_mb=%.1f\n",
              tupu::LacPrecisionName((*tagger)->precision()), threads,
              chars, wall, chars / wall, chars / cpu, loaded_mb, usage.ru_maxrss / 1024.0);
  if (compare) {
    tupu::LacOptions fp32 = options;
    fp32.precision = tupu::LacOptions::Precision::kFp32;
    auto reference = tupu::LacTagger::Load(fp32);
    if (!reference.ok()) return 1;
    std::vector<tupu::TaggedSentence> ref = TagAll(**reference, lines, threads, true);
    size_t same = 0, total = 0, same_sentences = 0;
    for (size_t i = 0; i < ref.size(); ++i) {
      for (size_t j = 0; j < ref[i].char_tags.size(); ++j) {
        same += ref[i].char_tags[j] == tagged[i].char_tags[j];
        ++total;
      }
      same_sentences += ref[i].char_tags == tagged[i].char_tags;
    }
    std::printf("agreement_with_fp32: chars %.4f%% (%zu/%zu) sentences %.2f%%\n",
                100.0 * same / std::max<size_t>(1, total), same, total,
                100.0 * same_sentences / std::max<size_t>(1, ref.size()));
  }
  return 0;
}
