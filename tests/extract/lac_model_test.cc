// The loader must turn every kind of damaged or missing model into a Status that names the file
// and says how to fix it, never a crash: each test damages a private copy of the model.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "extract/lac_model.h"
#include "extract/lac_tensor_file.h"
#include "lac_test_util.h"

namespace tupu {
namespace {

namespace fs = std::filesystem;

class LacModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TUPU_REQUIRE_LAC_MODEL();
    testing::CopyLacModel(dir_.path());
  }
  std::string Weights(const std::string& name) const { return dir_.path() + "/model_baseline/" + name; }
  Status LoadStatus() const {
    auto model = LoadLacModel(dir_.path());
    return model.ok() ? Status::OK() : model.status();
  }
  testing::TempDir dir_;
};

TEST_F(LacModelTest, IntactCopyLoads) {
  auto model = LoadLacModel(dir_.path());
  ASSERT_OK(model.status());
  EXPECT_EQ((*model)->vocab_rows, 20941);
  EXPECT_EQ((*model)->tag_names.size(), 57u);
  EXPECT_EQ((*model)->tag_names[48], "PER-B");
  EXPECT_EQ((*model)->IdOf(U'\U0001F600'), (*model)->oov_id);  // emoji: not in the vocabulary
  EXPECT_NE((*model)->IdOf(U'中'), (*model)->oov_id);
}

TEST_F(LacModelTest, MissingFolderSaysHowToInstall) {
  auto model = LoadLacModel(dir_.Sub("nowhere"));
  ASSERT_FALSE(model.ok());
  EXPECT_TRUE(model.status().IsNotFound());
  EXPECT_NE(model.status().message().find("apt-get install python3-jieba"), std::string::npos);
}

TEST_F(LacModelTest, MissingTensorFileIsNamed) {
  fs::remove(Weights("gru_2.w_0"));
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("gru_2.w_0"), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("python3-jieba"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, MissingDictionaryIsNamed) {
  fs::remove(dir_.path() + "/word.dic");
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("word.dic"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, TruncatedTensorIsCorruption) {
  fs::resize_file(Weights("word_emb"), fs::file_size(Weights("word_emb")) - 1000);
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("word_emb"), std::string::npos);
  EXPECT_NE(s.message().find("truncated"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, TruncatedHeaderIsCorruption) {
  fs::resize_file(Weights("crfw"), 10);
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("crfw"), std::string::npos);
}

TEST_F(LacModelTest, WrongDimsAreRefused) {
  // A valid tensor file of other dims in the place of another: fc_4.b_0 (57) as fc_0.b_0 (384).
  fs::copy_file(Weights("fc_4.b_0"), Weights("fc_0.b_0"), fs::copy_options::overwrite_existing);
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("fc_0.b_0"), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("expected 384"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, GarbageDescriptionIsRefused) {
  std::string bytes = testing::ReadFileOrDie(Weights("fc_1.b_0"));
  bytes[20] = static_cast<char>(0x7f);  // first key of the TensorDesc: an unknown field
  testing::WriteFileOrDie(Weights("fc_1.b_0"), bytes);
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("fc_1.b_0"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, NegativeDescriptionLengthIsRefused) {
  std::string bytes = testing::ReadFileOrDie(Weights("fc_1.b_0"));
  bytes[19] = static_cast<char>(0xff);  // desc length becomes negative
  testing::WriteFileOrDie(Weights("fc_1.b_0"), bytes);
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
}

TEST(LacTensorFileTest, HugeDimsAreRefusedWithoutOverflow) {
  testing::TempDir dir;
  // Header, then a TensorDesc: FP32 and four dims of 2^30 - 1 (the product overflows int64).
  std::string bytes(20, '\0');
  std::string desc = "\x08\x05";
  for (int i = 0; i < 4; ++i) desc += "\x10\xff\xff\xff\xff\x03";
  bytes[16] = static_cast<char>(desc.size());
  testing::WriteFileOrDie(dir.Sub("t"), bytes + desc + std::string(64, '\0'));
  auto tensor = ReadLacTensor(dir.Sub("t"), {4, 3});
  ASSERT_FALSE(tensor.ok());
  EXPECT_TRUE(tensor.status().IsCorruption()) << tensor.status().ToString();
}

TEST(LacTensorFileTest, ReadsAWellFormedSmallTensor) {
  testing::TempDir dir;
  std::string bytes(20, '\0');
  std::string desc = "\x08\x05\x10\x02\x10\x03";
  bytes[16] = static_cast<char>(desc.size());
  float values[6] = {1, 2, 3, 4, 5, 6};
  testing::WriteFileOrDie(dir.Sub("t"), bytes + desc + std::string(reinterpret_cast<char*>(values), 24));
  auto tensor = ReadLacTensor(dir.Sub("t"), {2, 3});
  ASSERT_OK(tensor.status());
  EXPECT_EQ(tensor->dims, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(tensor->data, (std::vector<float>{1, 2, 3, 4, 5, 6}));
  EXPECT_FALSE(ReadLacTensor(dir.Sub("t"), {3, 3}).ok());
}

TEST_F(LacModelTest, NanWeightIsRefused) {
  std::string bytes = testing::ReadFileOrDie(Weights("crfw"));
  for (size_t i = bytes.size() - 4; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xff);
  testing::WriteFileOrDie(Weights("crfw"), bytes);
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("NaN"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, TagDictionaryWithMissingTagIsRefused) {
  testing::WriteFileOrDie(dir_.path() + "/tag.dic", "0\ta-B\n1\ta-I\n");
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("tag.dic"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, VocabularyIdBeyondEmbeddingIsRefused) {
  testing::WriteFileOrDie(dir_.path() + "/word.dic", "0\ta\n99999\tb\n20940\tOOV\n");
  Status s = LoadStatus();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("99999"), std::string::npos) << s.ToString();
}

TEST_F(LacModelTest, OptionThenEnvironmentThenDebianPath) {
  EXPECT_EQ(ResolveLacModelDir("/x"), "/x");
  ::setenv(kLacModelDirEnv, dir_.path().c_str(), 1);
  EXPECT_EQ(ResolveLacModelDir(""), dir_.path());
  LacOptions options;
  auto tagger = LacTagger::Load(options);
  ::unsetenv(kLacModelDirEnv);
  ASSERT_OK(tagger.status());
  EXPECT_EQ(ResolveLacModelDir(""), kDefaultLacModelDir);
}

TEST_F(LacModelTest, TaggerLoadReportsTheBadFile) {
  fs::remove(Weights("fc_3.w_0"));
  LacOptions options;
  options.model_dir = dir_.path();
  auto tagger = LacTagger::Load(options);
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find("fc_3.w_0"), std::string::npos);
}

}  // namespace
}  // namespace tupu
