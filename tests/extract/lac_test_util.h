// Shared by the lac_* tests: the installed model (tests skip when python3-jieba is absent) and a
// copy of it in a temp dir that a test may damage.
#pragma once

#include <filesystem>
#include <string>

#include "extract/lac_tagger.h"
#include "test_util.h"

namespace tupu::testing {

inline bool LacModelInstalled() {
  return std::filesystem::exists(std::string(kDefaultLacModelDir) + "/model_baseline/word_emb");
}

#define TUPU_REQUIRE_LAC_MODEL()                                                         \
  do {                                                                                   \
    if (!::tupu::testing::LacModelInstalled()) GTEST_SKIP() << "apt-get install python3-jieba"; \
  } while (0)

// Copies word.dic, tag.dic and model_baseline/ into `dir`.
inline void CopyLacModel(const std::string& dir) {
  namespace fs = std::filesystem;
  fs::copy(std::string(kDefaultLacModelDir) + "/word.dic", dir + "/word.dic");
  fs::copy(std::string(kDefaultLacModelDir) + "/tag.dic", dir + "/tag.dic");
  fs::copy(std::string(kDefaultLacModelDir) + "/model_baseline", dir + "/model_baseline",
           fs::copy_options::recursive);
}

}  // namespace tupu::testing
