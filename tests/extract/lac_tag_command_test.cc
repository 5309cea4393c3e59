// `tupu tag` end to end: --format tags --no-normalize reproduces the reference tags of
// tests/testdata/lac_ref_seeds.tsv; bio has one "char TAG" line per character and a blank line
// per sentence; a missing model is exit code 1 with the fix named.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include "lac_test_util.h"

namespace tupu {
namespace {

// Runs `command` through the shell; returns its stdout and sets *exit_code.
std::string RunShell(const std::string& command, int* exit_code) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = ::pclose(pipe);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

class LacTagCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TUPU_REQUIRE_LAC_MODEL();
    std::istringstream ref(testing::ReadFileOrDie(testing::TestDataDir() + "/lac_ref_seeds.tsv"));
    std::string line, input;
    while (std::getline(ref, line)) {
      size_t first = line.find('\t'), last = line.rfind('\t');
      input += line.substr(first + 1, last - first - 1) + "\n";
      expected_tags_ += line.substr(last + 1) + "\n";
    }
    input_path_ = dir_.Sub("in.txt");
    testing::WriteFileOrDie(input_path_, input);
  }
  testing::TempDir dir_;
  std::string input_path_, expected_tags_;
};

TEST_F(LacTagCommandTest, TagsFormatReproducesTheReference) {
  int code = -1;
  // fp32: only the exact path reproduces the reference (the default may be int16).
  std::string out = RunShell(
      std::string(TUPU_BINARY) + " tag --precision fp32 --format tags --no-normalize < " + input_path_,
      &code);
  EXPECT_EQ(code, 0);
  std::istringstream got(out), want(expected_tags_);
  std::string g, w;
  size_t lines = 0, same = 0;
  while (std::getline(want, w)) {
    ASSERT_TRUE(std::getline(got, g)) << "output ends early at line " << lines;
    ++lines;
    same += g == w;
  }
  EXPECT_EQ(lines, 301u);
  EXPECT_GE(same * 100, lines * 99);
}

// The default (auto: int16 where the CPU has the kernel) tags nearly every character as fp32 does.
TEST_F(LacTagCommandTest, DefaultPrecisionAgreesWithFp32) {
  int code = -1;
  const std::string tag = std::string(TUPU_BINARY) + " tag --format tags --no-normalize";
  std::string fp32 = RunShell(tag + " --precision fp32 < " + input_path_, &code);
  ASSERT_EQ(code, 0);
  std::string fast = RunShell(tag + " < " + input_path_, &code);
  ASSERT_EQ(code, 0);
  std::istringstream a(fp32), b(fast);
  std::string ta, tb;
  size_t same = 0, total = 0;
  while (a >> ta && b >> tb) {
    ++total;
    same += ta == tb;
  }
  EXPECT_GT(total, 10000u);
  EXPECT_GE(same * 1000, total * 995) << same << " of " << total;
}

TEST_F(LacTagCommandTest, BioHasOneLinePerCharacterAndBlankLinesBetween) {
  testing::WriteFileOrDie(input_path_, "王刚在北京。\n\nab c\n");
  int code = -1;
  std::string out = RunShell(std::string(TUPU_BINARY) + " tag --format bio < " + input_path_, &code);
  EXPECT_EQ(code, 0);
  std::istringstream in(out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_GE(lines.size(), 12u);
  EXPECT_EQ(lines[0], "王 B-PER");
  EXPECT_EQ(lines[1], "刚 I-PER");
  EXPECT_EQ(lines[3], "北 B-LOC");
  EXPECT_EQ(lines[6], "");  // end of the first sentence
  EXPECT_EQ(lines[10], "  O");  // a space is a character too
}

TEST_F(LacTagCommandTest, JsonAndWordsFormats) {
  testing::WriteFileOrDie(input_path_, "王刚在北京。\n");
  int code = -1;
  std::string json = RunShell(std::string(TUPU_BINARY) + " tag --format json < " + input_path_, &code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(json.find(R"({"byte_begin":0,"byte_end":6,"cp_begin":0,"cp_end":2,"tag":"PER","text":"王刚"})"),
            std::string::npos) << json;
  std::string words = RunShell(std::string(TUPU_BINARY) + " tag < " + input_path_, &code);
  EXPECT_EQ(words.substr(0, 11), "王刚/PER ") << words;
}

TEST_F(LacTagCommandTest, InvalidUtf8IsSaidOnStderr) {
  testing::WriteFileOrDie(input_path_, "王刚\xff在北京\n");
  int code = -1;
  std::string out = RunShell(std::string(TUPU_BINARY) + " tag --format bio < " + input_path_ + " 2>&1", &code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(out.find("line 1: 1 invalid UTF-8"), std::string::npos) << out;
  EXPECT_NE(out.find("\n\xEF\xBF\xBD "), std::string::npos) << out;
}

TEST_F(LacTagCommandTest, MissingModelIsExitOneWithTheFix) {
  int code = -1;
  std::string out = RunShell(std::string(TUPU_BINARY) + " tag --model-dir " + dir_.Sub("none") + " < " +
                            input_path_ + " 2>&1",
                        &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("apt-get install python3-jieba"), std::string::npos) << out;
}

}  // namespace
}  // namespace tupu
