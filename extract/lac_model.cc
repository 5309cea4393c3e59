// Loading the lac_small model: dictionaries, tensors with their dims checked, and the precomputed
// layer-1 projection table (a fifth of the per-character work disappears into a lookup).
#include "extract/lac_model.h"

#include <Eigen/Core>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/utf8.h"
#include "extract/lac_tagger.h"
#include "extract/lac_tensor_file.h"

namespace tupu {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr char kInstallHint[] =
    "install the model with `apt-get install python3-jieba`, or point --model-dir / $TUPU_LAC_DIR "
    "at a folder holding word.dic, tag.dic and model_baseline/";

Status BadDictionary(const std::string& path, size_t line, const std::string& what) {
  return Status::Corruption(path + ":" + std::to_string(line) + ": " + what +
                            " (a damaged lac_small model: reinstall it with "
                            "`apt-get install --reinstall python3-jieba`)");
}

// Reads `id<TAB>text` lines the way the reference does: lines without exactly one tab are skipped.
Result<std::vector<std::pair<int64_t, std::string>>> ReadDictionary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the lac_small dictionary (" + kInstallHint + ")");
  std::vector<std::pair<int64_t, std::string>> entries;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos) continue;
    std::string id_text = line.substr(0, tab);
    char* end = nullptr;
    long long id = std::strtoll(id_text.c_str(), &end, 10);
    if (id_text.empty() || *end != '\0' || id < 0) return BadDictionary(path, line_no, "bad id");
    entries.emplace_back(id, line.substr(tab + 1));
  }
  if (in.bad()) return Status::IOError(path + ": read failed");
  if (entries.empty()) return BadDictionary(path, line_no, "no entries");
  return entries;
}

Status LoadVocabulary(const std::string& path, int64_t vocab_rows, LacModel* model) {
  TUPU_ASSIGN_OR_RETURN(auto entries, ReadDictionary(path));
  model->bmp_ids.assign(0x10000, -1);
  int32_t oov = -1;
  for (const auto& [id, text] : entries) {
    if (id >= vocab_rows) {
      return Status::Corruption(path + ": id " + std::to_string(id) + " beyond the " +
                                std::to_string(vocab_rows) + " rows of word_emb (" + kInstallHint + ")");
    }
    if (text == "OOV") {
      oov = static_cast<int32_t>(id);
      continue;
    }
    DecodedText decoded = DecodeUtf8(text);
    if (decoded.code_points.size() != 1) continue;  // OOV_NUM, OOV_ALPHA, ...: never a single char
    char32_t cp = decoded.code_points[0];
    if (cp < 0x10000) {
      model->bmp_ids[cp] = static_cast<int32_t>(id);
    } else {
      model->astral_ids[cp] = static_cast<int32_t>(id);
    }
  }
  if (oov < 0) return Status::Corruption(path + ": no OOV entry (" + std::string(kInstallHint) + ")");
  model->oov_id = oov;
  for (int32_t& id : model->bmp_ids) {
    if (id < 0) id = oov;
  }
  return Status::OK();
}

Status LoadTags(const std::string& path, LacModel* model) {
  TUPU_ASSIGN_OR_RETURN(auto entries, ReadDictionary(path));
  model->tag_names.assign(kLacNumTags, "");
  for (const auto& [id, text] : entries) {
    if (id >= kLacNumTags || !model->tag_names[id].empty() || text.empty()) {
      return Status::Corruption(path + ": bad or repeated tag id " + std::to_string(id) + " (" +
                                kInstallHint + ")");
    }
    model->tag_names[id] = text;
  }
  model->tag_kinds.resize(kLacNumTags);
  model->tag_begins.resize(kLacNumTags);
  for (int i = 0; i < kLacNumTags; ++i) {
    const std::string& name = model->tag_names[i];
    if (name.empty()) {
      return Status::Corruption(path + ": tag id " + std::to_string(i) + " missing (" + kInstallHint + ")");
    }
    bool has_suffix = name.size() > 2 && name[name.size() - 2] == '-' &&
                      (name.back() == 'B' || name.back() == 'I');
    model->tag_kinds[i] = has_suffix ? name.substr(0, name.size() - 2) : name;
    model->tag_begins[i] = has_suffix && name.back() == 'B';
  }
  return Status::OK();
}

Status LoadGru(const std::string& weights_dir, int index, LacGruWeights* gru) {
  std::string prefix = weights_dir + "/gru_" + std::to_string(index);
  TUPU_ASSIGN_OR_RETURN(LacTensor w, ReadLacTensor(prefix + ".w_0", {kLacHidden, kLacGates}));
  TUPU_ASSIGN_OR_RETURN(LacTensor b, ReadLacTensor(prefix + ".b_0", {1, kLacGates}));
  // Not a row-major H x 3H matrix: an H x 2H gate block, then an H x H candidate block.
  const size_t gate_size = static_cast<size_t>(kLacHidden) * 2 * kLacHidden;
  gru->gate.assign(w.data.begin(), w.data.begin() + gate_size);
  gru->candidate.assign(w.data.begin() + gate_size, w.data.end());
  gru->bias = std::move(b.data);
  return Status::OK();
}

}  // namespace

std::string ResolveLacModelDir(const std::string& option) {
  if (!option.empty()) return option;
  const char* env = std::getenv(kLacModelDirEnv);
  if (env != nullptr && env[0] != '\0') return env;
  return kDefaultLacModelDir;
}

Result<std::shared_ptr<const LacModel>> LoadLacModel(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound(dir + ": no lac_small model folder here (" + kInstallHint + ")");
  }
  auto model = std::make_shared<LacModel>();
  model->dir = dir;
  const std::string weights = dir + "/model_baseline";

  TUPU_ASSIGN_OR_RETURN(LacTensor emb, ReadLacTensor(weights + "/word_emb", {20941, kLacHidden}));
  model->vocab_rows = static_cast<int32_t>(emb.dims[0]);
  TUPU_RETURN_IF_ERROR(LoadVocabulary(dir + "/word.dic", model->vocab_rows, model.get()));
  TUPU_RETURN_IF_ERROR(LoadTags(dir + "/tag.dic", model.get()));

  LacTensor fc_w[5], fc_b[5];
  const int64_t fc_in[5] = {kLacHidden, kLacHidden, kLacBiHidden, kLacBiHidden, kLacBiHidden};
  const int64_t fc_out[5] = {kLacGates, kLacGates, kLacGates, kLacGates, kLacNumTags};
  for (int i = 0; i < 5; ++i) {
    std::string prefix = weights + "/fc_" + std::to_string(i);
    TUPU_ASSIGN_OR_RETURN(fc_w[i], ReadLacTensor(prefix + ".w_0", {fc_in[i], fc_out[i]}));
    TUPU_ASSIGN_OR_RETURN(fc_b[i], ReadLacTensor(prefix + ".b_0", {fc_out[i]}));
  }
  for (int i = 0; i < 4; ++i) TUPU_RETURN_IF_ERROR(LoadGru(weights, i, &model->gru[i]));
  TUPU_ASSIGN_OR_RETURN(LacTensor crf, ReadLacTensor(weights + "/crfw", {kLacNumTags + 2, kLacNumTags}));

  // Layer-1 table: [emb . fc_0.w + fc_0.b | emb . fc_1.w + fc_1.b] for every vocabulary row.
  Eigen::Map<const RowMatrix> emb_m(emb.data.data(), model->vocab_rows, kLacHidden);
  model->layer1_input.resize(static_cast<size_t>(model->vocab_rows) * 2 * kLacGates);
  Eigen::Map<RowMatrix> table(model->layer1_input.data(), model->vocab_rows, 2 * kLacGates);
  for (int dir_index = 0; dir_index < 2; ++dir_index) {
    Eigen::Map<const RowMatrix> w(fc_w[dir_index].data.data(), kLacHidden, kLacGates);
    Eigen::Map<const Eigen::RowVectorXf> b(fc_b[dir_index].data.data(), kLacGates);
    table.middleCols(dir_index * kLacGates, kLacGates).noalias() = emb_m * w;
    table.middleCols(dir_index * kLacGates, kLacGates).rowwise() += b;
  }

  // Layer 2: both directions' projections side by side, so one product serves both.
  model->layer2_weight.resize(static_cast<size_t>(kLacBiHidden) * 2 * kLacGates);
  model->layer2_bias.resize(2 * kLacGates);
  for (int r = 0; r < kLacBiHidden; ++r) {
    for (int c = 0; c < kLacGates; ++c) {
      model->layer2_weight[r * 2 * kLacGates + c] = fc_w[2].data[r * kLacGates + c];
      model->layer2_weight[r * 2 * kLacGates + kLacGates + c] = fc_w[3].data[r * kLacGates + c];
    }
  }
  for (int c = 0; c < kLacGates; ++c) {
    model->layer2_bias[c] = fc_b[2].data[c];
    model->layer2_bias[kLacGates + c] = fc_b[3].data[c];
  }
  model->emission_weight = std::move(fc_w[4].data);
  model->emission_bias = std::move(fc_b[4].data);
  model->crf_start.assign(crf.data.begin(), crf.data.begin() + kLacNumTags);
  model->crf_end.assign(crf.data.begin() + kLacNumTags, crf.data.begin() + 2 * kLacNumTags);
  model->crf_transition.assign(crf.data.begin() + 2 * kLacNumTags, crf.data.end());
  model->crf_transition_padded.assign(static_cast<size_t>(kLacNumTags) * kLacTagStride, -1e30f);
  for (int from = 0; from < kLacNumTags; ++from) {
    std::copy_n(model->crf_transition.data() + from * kLacNumTags, kLacNumTags,
                model->crf_transition_padded.data() + from * kLacTagStride);
  }
  return std::shared_ptr<const LacModel>(std::move(model));
}

}  // namespace tupu
