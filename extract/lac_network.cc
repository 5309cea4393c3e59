// Forward pass of the lac_small BiGRU, written to match ../shared/lac/lac_ref.py. One template,
// two sets of matrix products: fp32 (Eigen, the exact path) and int16 (lac_int16_gemm.h).
// Sentences are sorted by length, longest first, so at every step the sentences still running form
// a prefix of the batch and the recurrent products are plain (active x 128) . (128 x 256/128) GEMMs.
#include "extract/lac_network.h"

#include <Eigen/Core>

#include <algorithm>
#include <memory>
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

// Runs one GRU direction over every sentence of the batch. `input_row(sentence, position)` gives
// the direction's 3H input projection of a character; the H outputs go to `out` (row stride
// kLacBiHidden) at column `out_col`. The gate math runs on whole (active x H) arrays so Eigen
// vectorises exp and tanh.
template <typename Products, typename InputRow>
void RunGruDirection(const Products& products, int gru_index, const BatchLayout& layout,
                     bool reverse, InputRow input_row, float* out, int out_col) {
  const LacGruWeights& gru = products.model.gru[gru_index];
  const int batch = static_cast<int>(layout.order.size());
  typename Products::Scratch scratch(batch);
  Eigen::Map<const Eigen::RowVectorXf> gate_bias(gru.bias.data(), 2 * kLacHidden);
  Eigen::Map<const Eigen::RowVectorXf> cand_bias(gru.bias.data() + 2 * kLacHidden, kLacHidden);
  RowMatrix h = RowMatrix::Zero(batch, kLacHidden);
  RowMatrix x(batch, kLacGates), gates(batch, 2 * kLacHidden), reset_h(batch, kLacHidden);
  RowMatrix cand(batch, kLacHidden);
  int active = batch;
  for (int t = 0; t < layout.max_length; ++t) {
    while (active > 0 && layout.lengths[layout.order[active - 1]] <= t) --active;
    if (active == 0) break;
    for (int i = 0; i < active; ++i) {
      int s = layout.order[i];
      int pos = reverse ? layout.lengths[s] - 1 - t : t;
      std::copy_n(input_row(s, pos), kLacGates, x.row(i).data());
    }
    auto h_active = h.topRows(active);
    auto g = gates.topRows(active);
    products.Gate(gru_index, h, active, &gates, &scratch);
    // The reference's order of additions: (x + h.W) + b.
    g = (x.topRows(active).leftCols(2 * kLacHidden) + g).rowwise() + gate_bias;
    g = (1.0f + (-g.array()).exp()).inverse().matrix();
    auto update = g.leftCols(kLacHidden).array();
    reset_h.topRows(active).array() = g.rightCols(kLacHidden).array() * h_active.array();
    auto c = cand.topRows(active);
    products.Candidate(gru_index, reset_h, active, &cand, &scratch);
    c = (x.topRows(active).rightCols(kLacHidden) + c).rowwise() + cand_bias;
    c.array() = c.array().tanh();
    h_active.array() = (1.0f - update) * h_active.array() + update * c.array();
    for (int i = 0; i < active; ++i) {
      int s = layout.order[i];
      int pos = reverse ? layout.lengths[s] - 1 - t : t;
      std::copy_n(h.row(i).data(), kLacHidden,
                  out + (layout.offsets[s] + pos) * kLacBiHidden + out_col);
    }
  }
}


// The matrix products of the network in fp32 (Eigen): the reference path.
struct Fp32Products {
  const LacModel& model;
  struct Scratch {
    explicit Scratch(int) {}
  };
  void Gate(int g, const RowMatrix& h, int active, RowMatrix* out, Scratch*) const {
    out->topRows(active).noalias() =
        h.topRows(active) * ConstRowMap(model.gru[g].gate.data(), kLacHidden, 2 * kLacHidden);
  }
  void Candidate(int g, const RowMatrix& rh, int active, RowMatrix* out, Scratch*) const {
    out->topRows(active).noalias() =
        rh.topRows(active) * ConstRowMap(model.gru[g].candidate.data(), kLacHidden, kLacHidden);
  }
  void Layer2(const RowMatrix& in, RowMatrix* out) const {
    out->noalias() = in * ConstRowMap(model.layer2_weight.data(), kLacBiHidden, 2 * kLacGates);
  }
  void Emission(const RowMatrix& in, float* out) const {
    Eigen::Map<RowMatrix>(out, in.rows(), kLacNumTags).noalias() =
        in * ConstRowMap(model.emission_weight.data(), kLacBiHidden, kLacNumTags);
  }
};

// The same products with int16 weights and activations (lac_int16_gemm.h).
struct Int16Products {
  const LacModel& model;
  const LacInt16Weights& weights;
  struct Scratch {
    explicit Scratch(int rows) : q(static_cast<size_t>(rows) * kLacHidden) {}
    std::vector<int16_t> q;
  };
  void Gate(int g, const RowMatrix& h, int active, RowMatrix* out, Scratch* s) const {
    QuantizeLacActivations(h.data(), active * kLacHidden, s->q.data());
    LacInt16Gemm(s->q.data(), active, kLacHidden, weights.gate[g], out->data(), 2 * kLacHidden);
  }
  void Candidate(int g, const RowMatrix& rh, int active, RowMatrix* out, Scratch* s) const {
    QuantizeLacActivations(rh.data(), active * kLacHidden, s->q.data());
    LacInt16Gemm(s->q.data(), active, kLacHidden, weights.candidate[g], out->data(), kLacHidden);
  }
  void Layer2(const RowMatrix& in, RowMatrix* out) const {
    auto q = std::make_unique_for_overwrite<int16_t[]>(in.size());  // no zeroing: all overwritten
    QuantizeLacActivations(in.data(), static_cast<int>(in.size()), q.get());
    LacInt16Gemm(q.get(), static_cast<int>(in.rows()), kLacBiHidden, weights.layer2, out->data(),
                 2 * kLacGates);
  }
  void Emission(const RowMatrix& in, float* out) const {
    auto q = std::make_unique_for_overwrite<int16_t[]>(in.size());
    QuantizeLacActivations(in.data(), static_cast<int>(in.size()), q.get());
    LacInt16Gemm(q.get(), static_cast<int>(in.rows()), kLacBiHidden, weights.emission, out,
                 kLacNumTags);
  }
};

template <typename Products>
std::vector<float> ComputeEmissions(const Products& products,
                                    const std::vector<std::span<const int32_t>>& sentences) {
  const LacModel& model = products.model;
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
    RunGruDirection(products, direction, layout, direction == 1, row, layer1.data(),
                    direction * kLacHidden);
  }

  // Layer 2: one product gives both directions' projections for every character.
  RowMatrix projected(layout.total, 2 * kLacGates);
  products.Layer2(layer1, &projected);
  projected.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(model.layer2_bias.data(), 2 * kLacGates);
  RowMatrix layer2(layout.total, kLacBiHidden);
  for (int direction = 0; direction < 2; ++direction) {
    auto row = [&](int s, int pos) {
      return projected.data() + (layout.offsets[s] + pos) * 2 * kLacGates + direction * kLacGates;
    };
    RunGruDirection(products, 2 + direction, layout, direction == 1, row, layer2.data(),
                    direction * kLacHidden);
  }

  products.Emission(layer2, emissions.data());
  Eigen::Map<RowMatrix> out(emissions.data(), layout.total, kLacNumTags);
  out.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(model.emission_bias.data(), kLacNumTags);
  return emissions;
}

}  // namespace

std::shared_ptr<const LacInt16Weights> MakeLacInt16Weights(const LacModel& model) {
  auto w = std::make_shared<LacInt16Weights>();
  for (int g = 0; g < 4; ++g) {
    w->gate[g] = QuantizeLacMatrix(model.gru[g].gate.data(), kLacHidden, 2 * kLacHidden);
    w->candidate[g] = QuantizeLacMatrix(model.gru[g].candidate.data(), kLacHidden, kLacHidden);
  }
  w->layer2 = QuantizeLacMatrix(model.layer2_weight.data(), kLacBiHidden, 2 * kLacGates);
  w->emission = QuantizeLacMatrix(model.emission_weight.data(), kLacBiHidden, kLacNumTags);
  return w;
}

std::vector<float> ComputeLacEmissions(const LacModel& model,
                                       const std::vector<std::span<const int32_t>>& sentences) {
  return ComputeEmissions(Fp32Products{model}, sentences);
}

std::vector<float> ComputeLacEmissionsInt16(const LacModel& model, const LacInt16Weights& weights,
                                            const std::vector<std::span<const int32_t>>& sentences) {
  return ComputeEmissions(Int16Products{model, weights}, sentences);
}

}  // namespace tupu
