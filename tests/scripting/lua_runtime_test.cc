// LuaRuntime: running files and strings, errors with file and line, arguments, shell chunks,
// the sandbox and its limits, Ctrl-C.
#include "scripting/lua_runtime.h"

#include <chrono>
#include <thread>

#include "scripting/lua_test_util.h"

namespace tupu::testing {
namespace {

using LuaRuntimeTest = LuaFixture;

TEST_F(LuaRuntimeTest, PrintGoesToTheOutput) {
  EXPECT_EQ(Run("print('你好', 1 + 1)"), "你好\t2\n");
}

TEST_F(LuaRuntimeTest, SyntaxErrorNamesFileAndLine) {
  TempDir dir;
  std::string path = dir.Sub("bad.lua");
  WriteFileOrDie(path, "local x = 1\nlocal y = = 2\n");
  Status s = runtime_->RunFile(path, {});
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.message().find("bad.lua:2:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("unexpected symbol"), std::string::npos) << s.message();
}

TEST_F(LuaRuntimeTest, RuntimeErrorNamesFileAndLineAndKeepsTheStateUsable) {
  TempDir dir;
  std::string path = dir.Sub("boom.lua");
  WriteFileOrDie(path, "local t = nil\n\nprint(t.x)\n");
  Status s = runtime_->RunFile(path, {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("boom.lua:3: attempt to index a nil value"), std::string::npos)
      << s.message();
  EXPECT_EQ(Run("print('still here')"), "still here\n");
}

TEST_F(LuaRuntimeTest, MissingFileIsAnIOErrorNamingIt) {
  Status s = runtime_->RunFile("/nonexistent/x.lua", {});
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_NE(s.message().find("/nonexistent/x.lua"), std::string::npos);
}

TEST_F(LuaRuntimeTest, ScriptArgumentsAreArgAndVarargs) {
  TempDir dir;
  std::string path = dir.Sub("args.lua");
  WriteFileOrDie(path, "local a, b = ...\nprint(#arg, arg[1], b, arg[0] ~= nil)\n");
  output_.clear();
  ASSERT_OK(runtime_->RunFile(path, {"王明", "x"}));
  EXPECT_EQ(output_, "2\t王明\tx\ttrue\n");
}

TEST_F(LuaRuntimeTest, ShellChunkPrintsExpressionsAndDetectsUnfinishedInput) {
  bool incomplete = false;
  output_.clear();
  ASSERT_OK(runtime_->RunShellChunk("1 + 2", &incomplete));
  EXPECT_FALSE(incomplete);
  EXPECT_EQ(output_, "3\n");
  ASSERT_OK(runtime_->RunShellChunk("for i = 1, 2 do", &incomplete));
  EXPECT_TRUE(incomplete);
  output_.clear();
  ASSERT_OK(runtime_->RunShellChunk("for i = 1, 2 do\nprint(i)\nend", &incomplete));
  EXPECT_FALSE(incomplete);
  EXPECT_EQ(output_, "1\n2\n");
  Status s = runtime_->RunShellChunk("x = = 1", &incomplete);
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(incomplete);
}

TEST_F(LuaRuntimeTest, FullLibrariesOutsideTheSandbox) {
  EXPECT_EQ(Run("print(type(os), type(io), type(require))"), "table\ttable\tfunction\n");
}

TEST_F(LuaRuntimeTest, SandboxHasNoOsIoPackageDebugOrBytecode) {
  RuntimeOptions options;
  options.sandbox = true;
  MakeRuntime(options);
  EXPECT_EQ(Run("print(os, io, package, debug, require, dofile, loadfile, string.dump)"),
            "nil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\n");
  EXPECT_EQ(Run("print(load('return 6*7')())"), "42\n");
  // A binary chunk starts with ESC "Lua": refused by the text-only load.
  EXPECT_EQ(Run("local f, err = load('\\27Lua fake') print(f, (err:find('binary') ~= nil))"),
            "nil\ttrue\n");
  // The graph is still there.
  EXPECT_EQ(Run("print(g:V{label='Person'}:count())"), "2\n");
  EXPECT_NE(RunError("g:E('VISITED'):subgraph():export('/tmp/x.graphml')").find("sandbox"),
            std::string::npos);
}

TEST_F(LuaRuntimeTest, MemoryCapStopsTheScriptWithAClearError) {
  RuntimeOptions options;
  options.sandbox = true;
  options.memory_limit_bytes = 8 << 20;
  MakeRuntime(options);
  Status s = runtime_->RunString("local t = {} for i = 1, 1e8 do t[i] = ('x'):rep(64) .. i end",
                                 "=test");
  EXPECT_TRUE(s.IsAborted()) << s.ToString();
  EXPECT_NE(s.message().find("memory limit of 8 MB exceeded"), std::string::npos) << s.message();
  EXPECT_EQ(Run("print('ok')"), "ok\n");  // usable after the garbage is gone
}

TEST_F(LuaRuntimeTest, InstructionBudgetCannotBeSwallowedByPcall) {
  RuntimeOptions options;
  options.instruction_limit = 200000;
  MakeRuntime(options);
  Status s = runtime_->RunString(
      "while true do pcall(function() while true do end end) end", "=test");
  EXPECT_TRUE(s.IsAborted()) << s.ToString();
  EXPECT_NE(s.message().find("instruction budget of 200000 exceeded"), std::string::npos)
      << s.message();
  // The budget is per run.
  EXPECT_EQ(Run("local n = 0 for i = 1, 1000 do n = n + i end print(n)"), "500500\n");
}

TEST_F(LuaRuntimeTest, InterruptStopsAnEndlessLoopAndKeepsTheRuntime) {
  std::thread stopper([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    runtime_->RequestInterrupt();
  });
  Status s = runtime_->RunString("while true do end", "=test");
  stopper.join();
  EXPECT_TRUE(s.IsAborted()) << s.ToString();
  EXPECT_NE(s.message().find("interrupted"), std::string::npos);
  EXPECT_EQ(Run("print('after')"), "after\n");
}

TEST(LuaRuntimeNoStoreTest, GraphAccessWithoutADatabaseIsAnError) {
  auto runtime = LuaRuntime::Create({}, [] () -> Result<const GraphStore*> {
    return Status::NotFound("no database at ./tupu.db");
  });
  ASSERT_OK(runtime.status());
  Status s = (*runtime)->RunString("print(g:V():count())", "=cli");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cli:1:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("no database at ./tupu.db"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace tupu::testing
