// fp32 forward pass of the lac_small BiGRU, written to match ../shared/lac/lac_ref.py.
// Sentences are sorted by length, longest first, so at every step the sentences still running form
// a prefix of the batch and the recurrent products are plain (active x 128) . (128 x 256/128) GEMMs.
#include "extract/lac_network.h"

#include <Eigen/Core>

#include <algorithm>
#include <numeric>

namespace tupu {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstRowMap = Eigen::Map<const RowMatrix>;

struct BatchLayout {
  std::vector<size_t> offsets;  // first row of each sentence in the packed char rows
  std::vector<int> order;       // sentence indices, longest first
  std::vector<int> lengths;
  size_t total = 0;
  int max_length = 0;
};

BatchLayout MakeLayout(const std::vector<std::span<const int32_t>>& sentences) {
  BatchLayout layout;
  layout.offsets.resize(sentences.size());
  layout.lengths.resize(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    layout.offsets[i] = layout.total;
    layout.lengths[i] = static_cast<int>(sentences[i].size());
    layout.total += sentences[i].size();
    layout.max_length = std::max(layout.max_length, layout.lengths[i]);
  }
  layout.order.resize(sentences.size());
  std::iota(layout.order.begin(), layout.order.end(), 0);
  std::stable_sort(layout.order.begin(), layout.order.end(),
                   [&](int a, int b) { return layout.lengths[a] > layout.lengths[b]; });
  return layout;
}

// Runs one GRU direction over every sentence of the batch.
// inputs: packed rows, the direction's 3H projection at column `input_col` with row stride
// `input_stride` (row index via `input_row(sentence, position)`); writes H outputs per char into
// `out` (row stride kLacBiHidden, column `out_col`).
template <typename InputRow>
void RunGruDirection(const LacGruWeights& gru, const BatchLayout& layout, bool reverse,
                     InputRow input_row, float* out, int out_col) {
  const int batch = static_cast<int>(layout.order.size());
  ConstRowMap w_gate(gru.gate.data(), kLacHidden, 2 * kLacHidden);
  ConstRowMap w_cand(gru.candidate.data(), kLacHidden, kLacHidden);
  const float* bias = gru.bias.data();
  RowMatrix h = RowMatrix::Zero(batch, kLacHidden);
  RowMatrix gates(batch, 2 * kLacHidden), reset_h(batch, kLacHidden), cand(batch, kLacHidden);
  RowMatrix update(batch, kLacHidden);
  int active = batch;
  for (int t = 0; t < layout.max_length; ++t) {
    while (active > 0 && layout.lengths[layout.order[active - 1]] <= t) --active;
    if (active == 0) break;
    gates.topRows(active).noalias() = h.topRows(active) * w_gate;
    for (int i = 0; i < active; ++i) {
      int s = layout.order[i];
      int pos = reverse ? layout.lengths[s] - 1 - t : t;
      const float* x = input_row(s, pos);
      float* g = gates.row(i).data();
      for (int j = 0; j < 2 * kLacHidden; ++j) {
        g[j] = 1.0f / (1.0f + std::exp(-((x[j] + g[j]) + bias[j])));
      }
      for (int j = 0; j < kLacHidden; ++j) {
        update(i, j) = g[j];
        reset_h(i, j) = g[kLacHidden + j] * h(i, j);
      }
    }
    cand.topRows(active).noalias() = reset_h.topRows(active) * w_cand;
    for (int i = 0; i < active; ++i) {
      int s = layout.order[i];
      int pos = reverse ? layout.lengths[s] - 1 - t : t;
      const float* x = input_row(s, pos) + 2 * kLacHidden;
      float* hrow = h.row(i).data();
      const float* crow = cand.row(i).data();
      float* o = out + (layout.offsets[s] + pos) * kLacBiHidden + out_col;
      for (int j = 0; j < kLacHidden; ++j) {
        float c = std::tanh((x[j] + crow[j]) + bias[2 * kLacHidden + j]);
        float u = update(i, j);
        hrow[j] = (1.0f - u) * hrow[j] + u * c;
        o[j] = hrow[j];
      }
    }
  }
}

}  // namespace

std::vector<float> ComputeLacEmissions(const LacModel& model,
                                       const std::vector<std::span<const int32_t>>& sentences) {
  BatchLayout layout = MakeLayout(sentences);
  std::vector<float> emissions(layout.total * kLacNumTags);
  if (layout.total == 0) return emissions;

  // Layer 1: inputs come straight from the precomputed per-vocabulary table.
  RowMatrix layer1(layout.total, kLacBiHidden);
  for (int direction = 0; direction < 2; ++direction) {
    auto row = [&](int s, int pos) {
      return model.layer1_input.data() + static_cast<size_t>(sentences[s][pos]) * 2 * kLacGates +
             direction * kLacGates;
    };
    RunGruDirection(model.gru[direction], layout, direction == 1, row, layer1.data(),
                    direction * kLacHidden);
  }

  // Layer 2: one product gives both directions' projections for every character.
  RowMatrix projected(layout.total, 2 * kLacGates);
  projected.noalias() = layer1 * ConstRowMap(model.layer2_weight.data(), kLacBiHidden, 2 * kLacGates);
  projected.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(model.layer2_bias.data(), 2 * kLacGates);
  RowMatrix layer2(layout.total, kLacBiHidden);
  for (int direction = 0; direction < 2; ++direction) {
    auto row = [&](int s, int pos) {
      return projected.data() + (layout.offsets[s] + pos) * 2 * kLacGates + direction * kLacGates;
    };
    RunGruDirection(model.gru[2 + direction], layout, direction == 1, row, layer2.data(),
                    direction * kLacHidden);
  }

  Eigen::Map<RowMatrix> out(emissions.data(), layout.total, kLacNumTags);
  out.noalias() = layer2 * ConstRowMap(model.emission_weight.data(), kLacBiHidden, kLacNumTags);
  out.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(model.emission_bias.data(), kLacNumTags);
  return emissions;
}

}  // namespace tupu
