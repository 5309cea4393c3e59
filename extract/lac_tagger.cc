// LacTagger implementation: decode and normalise, cut long sentences at punctuation, run all
// pieces through the network in length-sorted batches, Viterbi, then words with original offsets.
#include "extract/lac_tagger.h"

#include <algorithm>
#include <span>

#include "extract/lac_int16_gemm.h"
#include "extract/lac_model.h"
#include "extract/lac_network.h"
#include "extract/lac_viterbi.h"
#include "extract/lac_words.h"
#include "extract/text_normalizer.h"

namespace tupu {
namespace {

// Pieces longer than this are cut (see CutPoint). The network is linear in length anyway; the bound keeps batches balanced and the
// scratch small for a 1 MB line. Above the longest sentence of the sample pages (205).
constexpr size_t kMaxPieceChars = 512;
// Characters per network call: enough sentences for matrix-matrix steps, while the scratch of a
// call (about 5.5 KB per character) stays near 11 MB per thread.
constexpr size_t kBatchChars = 2048;
constexpr size_t kBatchMaxSentences = 64;

// Where to end the piece starting at `begin` of a sentence longer than kMaxPieceChars from there:
// after the last sentence end in the second half of the window, else the last comma or space,
// else at the bound.
size_t CutPoint(const std::u32string& cps, size_t begin) {
  size_t best = begin + kMaxPieceChars;
  int best_strength = 0;
  for (size_t cut = begin + kMaxPieceChars; cut > begin + kMaxPieceChars / 2; --cut) {
    int strength = TaggerBreakStrength(cps[cut - 1]);
    if (strength > best_strength) {
      best = cut;
      best_strength = strength;
      if (strength == 2) break;
    }
  }
  return best;
}

struct Piece {
  size_t sentence;
  size_t begin, end;  // code points
};

class LacTaggerImpl final : public LacTagger {
 public:
  LacTaggerImpl(std::shared_ptr<const LacModel> model, LacOptions options)
      : model_(std::move(model)), options_(std::move(options)) {
    options_.precision = ResolveLacPrecision(options_.precision);
    if (options_.precision == LacOptions::Precision::kInt16) int16_ = MakeLacInt16Weights(*model_);
  }

  TaggedSentence Tag(std::string_view sentence) const override {
    return std::move(TagBatch({sentence})[0]);
  }

  std::vector<TaggedSentence> TagBatch(const std::vector<std::string_view>& sentences) const override {
    const LacModel& model = *model_;
    std::vector<TaggerText> texts(sentences.size());
    std::vector<std::vector<int32_t>> ids(sentences.size());
    std::vector<Piece> pieces;
    for (size_t s = 0; s < sentences.size(); ++s) {
      texts[s] = DecodeForTagger(sentences[s], options_.normalize);
      const std::u32string& cps = texts[s].code_points;
      ids[s].resize(cps.size());
      for (size_t i = 0; i < cps.size(); ++i) ids[s][i] = model.IdOf(cps[i]);
      size_t begin = 0;
      while (begin < cps.size()) {
        size_t end = cps.size();
        if (end - begin > kMaxPieceChars) {
          end = CutPoint(cps, begin);
        }
        pieces.push_back({s, begin, end});
        begin = end;
      }
    }
    // Similar lengths in one batch waste fewest steps on finished sentences.
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
      return a.end - a.begin > b.end - b.begin;
    });

    std::vector<std::vector<uint8_t>> tag_ids(sentences.size());
    for (size_t s = 0; s < sentences.size(); ++s) tag_ids[s].resize(ids[s].size());
    std::vector<std::span<const int32_t>> batch;
    size_t first = 0;
    while (first < pieces.size()) {
      size_t last = first, chars = 0;
      batch.clear();
      while (last < pieces.size() && batch.size() < kBatchMaxSentences &&
             (batch.empty() || chars + (pieces[last].end - pieces[last].begin) <= kBatchChars)) {
        const Piece& p = pieces[last];
        batch.emplace_back(ids[p.sentence].data() + p.begin, p.end - p.begin);
        chars += p.end - p.begin;
        ++last;
      }
      std::vector<float> emissions = int16_ ? ComputeLacEmissionsInt16(model, *int16_, batch)
                                            : ComputeLacEmissions(model, batch);
      size_t row = 0;
      for (size_t i = first; i < last; ++i) {
        const Piece& p = pieces[i];
        std::vector<uint8_t> best =
            DecodeLacViterbi(model, emissions.data() + row * kLacNumTags, p.end - p.begin);
        std::copy(best.begin(), best.end(), tag_ids[p.sentence].begin() + p.begin);
        row += p.end - p.begin;
      }
      first = last;
    }

    std::vector<TaggedSentence> out(sentences.size());
    for (size_t s = 0; s < sentences.size(); ++s) {
      TaggedSentence& result = out[s];
      result.char_tags.reserve(tag_ids[s].size());
      for (uint8_t id : tag_ids[s]) result.char_tags.push_back(model.tag_names[id]);
      result.words = GroupLacWords(sentences[s], texts[s].byte_offsets, result.char_tags);
      result.invalid_utf8_bytes = static_cast<uint32_t>(texts[s].invalid_sequences);
    }
    return out;
  }

  LacOptions::Precision precision() const override { return options_.precision; }

 private:
  std::shared_ptr<const LacModel> model_;
  LacOptions options_;
  std::shared_ptr<const LacInt16Weights> int16_;  // set for Precision::kInt16
};

}  // namespace

LacOptions::Precision ResolveLacPrecision(LacOptions::Precision precision) {
  if (precision != LacOptions::Precision::kAuto) return precision;
  // The portable int16 loop exists for exactness tests and odd CPUs; it is slower than fp32.
  const bool simd = std::string_view(LacInt16Kernel()) != "portable";
  return simd ? LacOptions::Precision::kInt16 : LacOptions::Precision::kFp32;
}

const char* LacPrecisionName(LacOptions::Precision precision) {
  switch (precision) {
    case LacOptions::Precision::kFp32: return "fp32";
    case LacOptions::Precision::kInt16: return "int16";
    case LacOptions::Precision::kAuto: return "auto";
  }
  return "?";
}

std::optional<LacOptions::Precision> ParseLacPrecision(std::string_view name) {
  for (auto p : {LacOptions::Precision::kFp32, LacOptions::Precision::kInt16,
                 LacOptions::Precision::kAuto}) {
    if (name == LacPrecisionName(p)) return p;
  }
  return std::nullopt;
}

std::string LacTagger::PrecisionLabel() const {
  if (precision() != LacOptions::Precision::kInt16) return LacPrecisionName(precision());
  return std::string("int16 (") + LacInt16Kernel() + ")";
}

Result<std::unique_ptr<LacTagger>> LacTagger::Load(const LacOptions& options) {
  TUPU_ASSIGN_OR_RETURN(std::shared_ptr<const LacModel> model,
                        LoadLacModel(ResolveLacModelDir(options.model_dir)));
  return std::unique_ptr<LacTagger>(std::make_unique<LacTaggerImpl>(std::move(model), options));
}

}  // namespace tupu
