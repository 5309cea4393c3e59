// Helpers shared by the test suites: ASSERT_OK that prints the Status, paths to fixtures, temp dirs.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "common/document.h"
#include "common/result.h"
#include "common/status.h"

namespace tupu::testing {
// The Status of a Status or of a Result<T>, for ASSERT_OK/EXPECT_OK.
inline const ::tupu::Status& StatusOf(const ::tupu::Status& s) { return s; }
template <typename T>
const ::tupu::Status& StatusOf(const ::tupu::Result<T>& r) { return r.status(); }
}  // namespace tupu::testing

#ifndef ASSERT_OK
#define ASSERT_OK(expr)                                                             \
  do {                                                                              \
    const ::tupu::Status tupu_s_ = ::tupu::testing::StatusOf(expr);                 \
    ASSERT_TRUE(tupu_s_.ok()) << #expr << ": " << tupu_s_.ToString();               \
  } while (0)
#endif
#ifndef EXPECT_OK
#define EXPECT_OK(expr)                                                             \
  do {                                                                              \
    const ::tupu::Status tupu_s_ = ::tupu::testing::StatusOf(expr);                 \
    EXPECT_TRUE(tupu_s_.ok()) << #expr << ": " << tupu_s_.ToString();               \
  } while (0)
#endif

namespace tupu::testing {

inline std::string SourceDir() { return TUPU_SOURCE_DIR; }
inline std::string TestDataDir() { return TUPU_TESTDATA_DIR; }
inline std::string SeedsDir() { return SourceDir() + "/seeds"; }

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFileOrDie(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

// A fresh empty folder under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("tupu_test_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path() const { return path_.string(); }
  std::string Sub(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// An entity as the extractor hands it to the store: one mention, no properties.
inline EntityRecord MakeEntity(NodeLabel label, const std::string& name,
                               std::vector<std::string> aliases = {}, std::string kind = "") {
  EntityRecord e;
  e.label = label;
  e.name = name;
  e.aliases = std::move(aliases);
  e.kind = std::move(kind);
  e.mentions = 1;
  return e;
}

// What a command printed (stdout and stderr together) and its exit code (-1: it did not exit
// normally). tests/app/cli_util.h has the tupu-binary runner that keeps them apart.
struct CommandOutput {
  int exit_code = -1;
  std::string out;
};

// Runs `command` through the shell with stderr joined to stdout.
inline CommandOutput RunCommand(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// A fact between two entities, its evidence at `span` of sentence 0.
inline FactRecord MakeFact(EdgeType type, const EntityRecord& src, const EntityRecord& dst,
                           TextSpan span, Properties props = {}) {
  FactRecord f;
  f.type = type;
  f.src = src.key();
  f.dst = dst.key();
  f.span = span;
  f.props = std::move(props);
  return f;
}

}  // namespace tupu::testing
