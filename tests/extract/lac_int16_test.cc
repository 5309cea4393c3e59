// The int16 path: the SIMD kernel equals the portable loop bit for bit, products stay close to
// fp32, and the tagger's int16 tags agree with fp32 on >= 99.5% of the seed characters.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <sstream>

#include "extract/lac_int16_gemm.h"
#include "lac_test_util.h"

namespace tupu {
namespace {

TEST(LacInt16GemmTest, KernelMatchesPortableAndFloat) {
  std::mt19937 rng(7);
  std::normal_distribution<float> weight(0.0f, 0.1f);
  std::uniform_real_distribution<float> activation(-0.999f, 0.999f);
  for (int k : {128, 256}) {
    for (int n : {57, 128, 768}) {
      std::vector<float> b(static_cast<size_t>(k) * n);
      for (float& v : b) v = weight(rng);
      LacInt16Matrix q = QuantizeLacMatrix(b.data(), k, n);
      for (int m : {1, 2, 3, 4, 6, 7, 9}) {  // every remainder after the 4-row blocks
        std::vector<float> a(static_cast<size_t>(m) * k);
        for (float& v : a) v = activation(rng);
        std::vector<int16_t> aq(a.size());
        QuantizeLacActivations(a.data(), static_cast<int>(a.size()), aq.data());
        std::vector<float> fast(static_cast<size_t>(m) * n, -1), slow(fast.size(), -2);
        LacInt16Gemm(aq.data(), m, k, q, fast.data(), n);
        LacInt16GemmPortable(aq.data(), m, k, q, slow.data(), n);
        ASSERT_EQ(fast, slow) << "k=" << k << " n=" << n << " m=" << m << " " << LacInt16Kernel();
        std::vector<float> avx2(fast.size(), -3);
        if (LacInt16GemmAvx2Only(aq.data(), m, k, q, avx2.data(), n)) {
          ASSERT_EQ(avx2, slow);
        }
        for (int i = 0; i < m; ++i) {
          for (int j = 0; j < n; ++j) {
            double exact = 0;
            for (int r = 0; r < k; ++r) exact += double(a[i * k + r]) * b[static_cast<size_t>(r) * n + j];
            ASSERT_NEAR(fast[i * n + j], exact, 0.01) << i << "," << j;
          }
        }
      }
    }
  }
}

TEST(LacInt16GemmTest, ActivationsRoundAndSaturate) {
  float x[20] = {0.5f, -0.5f, 0.99999f, -1.0f, 10.0f, -10.0f, 0.0001f, 0.0f};
  int16_t q[20];
  QuantizeLacActivations(x, 20, q);
  EXPECT_EQ(q[0], 2048);
  EXPECT_EQ(q[1], -2048);
  EXPECT_EQ(q[2], 4096);
  EXPECT_EQ(q[3], -4096);
  EXPECT_EQ(q[4], 32767);
  EXPECT_EQ(q[5], -32768);
  EXPECT_EQ(q[6], 0);
}

// auto (the default of `tupu tag` and `tupu ingest`) is int16 exactly where a SIMD kernel runs;
// the library's own default stays the exact fp32.
TEST(LacPrecisionTest, AutoPicksInt16WhereTheKernelIsSimd) {
  const bool simd = std::string(LacInt16Kernel()) != "portable";
  EXPECT_EQ(ResolveLacPrecision(LacOptions::Precision::kAuto),
            simd ? LacOptions::Precision::kInt16 : LacOptions::Precision::kFp32);
  EXPECT_EQ(ResolveLacPrecision(LacOptions::Precision::kFp32), LacOptions::Precision::kFp32);
  EXPECT_EQ(ResolveLacPrecision(LacOptions::Precision::kInt16), LacOptions::Precision::kInt16);
  EXPECT_EQ(LacOptions{}.precision, LacOptions::Precision::kFp32);
  for (const char* name : {"fp32", "int16", "auto"}) {
    EXPECT_STREQ(LacPrecisionName(*ParseLacPrecision(name)), name);
  }
  EXPECT_FALSE(ParseLacPrecision("fp16").has_value());
}

TEST(LacInt16TaggerTest, AgreesWithFp32OnSeeds) {
  TUPU_REQUIRE_LAC_MODEL();
  std::istringstream in(testing::ReadFileOrDie(testing::TestDataDir() + "/lac_ref_seeds.tsv"));
  std::vector<std::string> texts;
  for (std::string line; std::getline(in, line);) {
    size_t first = line.find('\t'), last = line.rfind('\t');
    texts.push_back(line.substr(first + 1, last - first - 1));
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  LacOptions fp32, int16;
  int16.precision = LacOptions::Precision::kInt16;
  auto a = LacTagger::Load(fp32);
  auto b = LacTagger::Load(int16);
  ASSERT_OK(a.status());
  ASSERT_OK(b.status());
  EXPECT_EQ((*a)->PrecisionLabel(), "fp32");
  EXPECT_EQ((*b)->PrecisionLabel(), std::string("int16 (") + LacInt16Kernel() + ")");
  std::vector<TaggedSentence> x = (*a)->TagBatch(views), y = (*b)->TagBatch(views);
  size_t same = 0, total = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    ASSERT_EQ(x[i].char_tags.size(), y[i].char_tags.size());
    for (size_t j = 0; j < x[i].char_tags.size(); ++j, ++total) same += x[i].char_tags[j] == y[i].char_tags[j];
  }
  EXPECT_GE(same * 1000, total * 995) << same << "/" << total << " (" << LacInt16Kernel() << ")";
}

}  // namespace
}  // namespace tupu
