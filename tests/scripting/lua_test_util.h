// Fixtures for the scripting tests: a LuaRuntime whose output (print, show) is captured in a
// string, and one over the sample FakeGraphStore.
#pragma once

#include <memory>
#include <string>

#include "scripting/fake_graph_store.h"
#include "scripting/lua_runtime.h"
#include "test_util.h"

namespace tupu::testing {

// Runs Lua in a runtime a subclass hands to UseRuntime, with its output (print, show) captured.
class LuaRunner : public ::testing::Test {
 protected:
  void UseRuntime(Result<std::unique_ptr<LuaRuntime>> runtime) {
    ASSERT_OK(runtime.status());
    runtime_ = std::move(*runtime);
    runtime_->SetOutput([this](std::string_view text) { output_.append(text); });
  }

  // Runs `code`; returns its output; fails the test on a Lua error.
  std::string Run(const std::string& code) {
    output_.clear();
    Status s = runtime_->RunString(code, "=test");
    EXPECT_TRUE(s.ok()) << code << "\n-> " << s.ToString();
    return output_;
  }

  // Runs `code` expecting an error; returns the error message.
  std::string RunError(const std::string& code) {
    output_.clear();
    Status s = runtime_->RunString(code, "=test");
    EXPECT_FALSE(s.ok()) << code << " should have failed; output: " << output_;
    return s.message();
  }

  std::unique_ptr<LuaRuntime> runtime_;
  std::string output_;
};

// A runtime over the sample FakeGraphStore.
class LuaFixture : public LuaRunner {
 protected:
  void SetUp() override { MakeRuntime(RuntimeOptions{}); }

  void MakeRuntime(const RuntimeOptions& options) {
    if (!store_) store_ = MakeSampleStore();
    const GraphStore* store = store_.get();
    UseRuntime(
        LuaRuntime::Create(options, [store]() -> Result<const GraphStore*> { return store; }));
  }

  std::unique_ptr<FakeGraphStore> store_;
};

}  // namespace tupu::testing
