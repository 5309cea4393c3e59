// LacTagger: Baidu's lac_small BiGRU-CRF (shipped in Debian's python3-jieba) run in C++.
// Segmentation, part of speech and PER/LOC/ORG/TIME for each character of a sentence
// (../shared/lac/README.md gives the files, their format and the math).
// The model is loaded once and shared read-only: one LacTagger serves all threads (const methods).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace tupu {

inline constexpr char kDefaultLacModelDir[] = "/usr/lib/python3/dist-packages/jieba/lac_small";
inline constexpr char kLacModelDirEnv[] = "TUPU_LAC_DIR";

struct LacOptions {
  // Folder holding word.dic, tag.dic and model_baseline/. Empty: $TUPU_LAC_DIR, else the Debian path.
  std::string model_dir;
  // Map characters the model was not trained on to the forms it was (full-width -> half-width,
  // NFKC where it gives one character, ...) before tagging; offsets still point into the original.
  bool normalize = true;
  // kFp32 reproduces the reference; kInt16 runs the products in int16 (AVX-VNNI or AVX2 chosen
  // at run time, a portable loop otherwise): about 2.5x faster, >= 99.5% of tags as fp32.
  // kAuto is kInt16 where the CPU has an int16 SIMD kernel and kFp32 elsewhere (the portable
  // int16 loop is slower than Eigen's fp32): what `tupu tag` and `tupu ingest` use by default.
  // The library default stays kFp32 so that code asking for nothing gets the exact reference.
  enum class Precision { kFp32, kInt16, kAuto };
  Precision precision = Precision::kFp32;
};

// kAuto resolved for this CPU (kFp32 and kInt16 are returned as they are).
LacOptions::Precision ResolveLacPrecision(LacOptions::Precision precision);
// "fp32", "int16" or "auto"; and back (nothing for any other name).
const char* LacPrecisionName(LacOptions::Precision precision);
std::optional<LacOptions::Precision> ParseLacPrecision(std::string_view name);

// One word as the tagger segments it; offsets point into the original (un-normalised) sentence.
struct TaggedWord {
  std::string text;  // the original bytes
  std::string tag;   // "n", "v", "PER", "LOC", "ORG", "TIME", ... (the tag without -B/-I)
  uint32_t byte_begin = 0, byte_end = 0;  // [begin, end) in the sentence's UTF-8 bytes
  uint32_t cp_begin = 0, cp_end = 0;      // [begin, end) in its code points
};

struct TaggedSentence {
  std::vector<std::string> char_tags;  // per code point, e.g. "PER-B", "n-I" (the model's own tags)
  std::vector<TaggedWord> words;
  // Invalid UTF-8 bytes in the input, each tagged as U+FFFD (callers should say so).
  uint32_t invalid_utf8_bytes = 0;
};

class LacTagger {
 public:
  // Errors name the missing or bad file and say how to fix it (apt-get install python3-jieba).
  static Result<std::unique_ptr<LacTagger>> Load(const LacOptions& options);
  virtual ~LacTagger() = default;

  // Tags one sentence (any length: long ones are cut at punctuation or spaces so cost stays
  // linear). Invalid UTF-8 is tagged as U+FFFD. Thread-safe.
  virtual TaggedSentence Tag(std::string_view sentence) const = 0;
  // Tags many sentences at once (faster: the recurrent steps become matrix-matrix products).
  virtual std::vector<TaggedSentence> TagBatch(const std::vector<std::string_view>& sentences) const = 0;
  // The arithmetic this tagger runs (never kAuto: resolved at Load).
  virtual LacOptions::Precision precision() const = 0;
  // What to tell a user about it: "fp32" or "int16 (avx-vnni)" (the kernel the CPU runs).
  std::string PrecisionLabel() const;
};

}  // namespace tupu
