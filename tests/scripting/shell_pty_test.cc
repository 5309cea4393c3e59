// The shell driven as a person would: through a pseudo-terminal, with libedit line editing.
// The child process runs RunShell over the sample FakeGraphStore; the test types and reads.
#include "scripting/shell.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include "scripting/lua_test_util.h"

namespace tupu::testing {
namespace {

class ShellPtyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    history_ = home_.Sub("history");
    struct winsize size = {};
    size.ws_row = 50;
    size.ws_col = 200;
    pid_ = forkpty(&master_, nullptr, nullptr, &size);
    ASSERT_GE(pid_, 0) << "forkpty failed";
    if (pid_ == 0) {
      setenv("HOME", home_.path().c_str(), 1);
      setenv("TERM", "xterm", 1);
      auto store = MakeSampleStore();
      const GraphStore* raw = store.get();
      auto runtime = LuaRuntime::Create({}, [raw]() -> Result<const GraphStore*> { return raw; });
      if (!runtime.ok()) _exit(90);
      ShellOptions options;
      options.history_path = history_;
      // Moved in, not assigned from "-": g++ 12 -O3 gives a false -Wrestrict on string = "literal"
      // here (GCC bug 105651).
      options.rc_path = std::string("-");  // no rc file
      _exit(RunShell(**runtime, options));
    }
  }

  void TearDown() override {
    if (pid_ > 0) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
      }
    }
    if (master_ >= 0) close(master_);
  }

  void Type(const std::string& keys) {
    ASSERT_EQ(write(master_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
  }

  // Reads until `text` appears in the output after the current position; false on timeout.
  bool WaitFor(const std::string& text, int timeout_ms = 5000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (true) {
      size_t at = screen_.find(text, consumed_);
      if (at != std::string::npos) {
        consumed_ = at + text.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) return false;
      struct pollfd pfd = {master_, POLLIN, 0};
      if (poll(&pfd, 1, static_cast<int>(left)) <= 0) continue;
      char buffer[4096];
      ssize_t n = read(master_, buffer, sizeof buffer);
      if (n <= 0) return screen_.find(text, consumed_) != std::string::npos;
      screen_.append(buffer, static_cast<size_t>(n));
    }
  }

  int WaitForExit() {
    int status = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      WaitFor("\x01never", 10);  // drain output so the child never blocks on a full pty
      // The read above returns at once when the child has closed the terminal: wait anyway.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -2;
  }

  TempDir home_;
  std::string history_;
  pid_t pid_ = -1;
  int master_ = -1;
  std::string screen_;
  size_t consumed_ = 0;
};

TEST_F(ShellPtyTest, ASessionAsAPersonWouldHaveIt) {
  ASSERT_TRUE(WaitFor("tupu> ")) << screen_;

  // An expression prints as a table.
  Type("g:V{label='Person'}\n");
  ASSERT_TRUE(WaitFor("| Person | 王明 |")) << screen_;
  ASSERT_TRUE(WaitFor("(2 rows)")) << screen_;

  // An unfinished chunk continues on the next line.
  Type("for i = 1, 2 do\n");
  ASSERT_TRUE(WaitFor("...> ")) << screen_;
  Type("print('line' .. i * 10)\nend\n");
  ASSERT_TRUE(WaitFor("line10")) << screen_;
  ASSERT_TRUE(WaitFor("line20")) << screen_;

  // Dot commands, and a typo gets a suggestion.
  Type(".mode csv\n");
  Type("g:V('王明'):project('who'):by('name')\n");
  ASSERT_TRUE(WaitFor("who\r\n王明")) << screen_;
  Type(".mdoe table\n");
  ASSERT_TRUE(WaitFor("did you mean .mode?")) << screen_;
  Type(".help\n");
  ASSERT_TRUE(WaitFor(".maxrows N")) << screen_;

  // Tab completes step names and entity names (Chinese included): the lines only run because
  // the completion filled in the rest of the word.
  Type(".mode table\n");
  Type("print(g:V():group_c\t");
  Type("('label'):get('Person') + 40)\n");
  ASSERT_TRUE(WaitFor("\r\n42\r\n")) << screen_;
  Type("print(g:V{name='第一\t");
  Type("'}:first().kind)\n");
  ASSERT_TRUE(WaitFor("\r\nschool\r\n")) << screen_;

  // Ctrl-C stops a running query; the shell stays.
  Type("while true do end\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Type("\x03");
  ASSERT_TRUE(WaitFor("interrupted")) << screen_;
  Type("print('still ' .. 'here')\n");
  ASSERT_TRUE(WaitFor("still here")) << screen_;

  // Errors name the line and the step, and do not end the session.
  Type("g:E('VISITS')\n");
  ASSERT_TRUE(WaitFor("E: unknown edge type 'VISITS'")) << screen_;

  Type(".quit\n");
  EXPECT_EQ(WaitForExit(), 0) << screen_;
  std::string history = ReadFileOrDie(history_);
  // libedit's history format escapes spaces (\040): look for a line without any.
  EXPECT_NE(history.find("g:V{label='Person'}"), std::string::npos) << history;
}

// Ctrl-C at the prompt forgives: it drops the half-typed line (or unfinished chunk) and shows a
// fresh prompt; only Ctrl-D leaves. A typo of a step names itself and the nearest steps.
TEST_F(ShellPtyTest, CtrlCAtThePromptClearsTheLineAndTyposAreExplained) {
  ASSERT_TRUE(WaitFor("tupu> ")) << screen_;

  // A half-typed line, then Ctrl-C: a fresh prompt, and the next line runs alone.
  Type("print('half");
  ASSERT_TRUE(WaitFor("print('half")) << screen_;
  Type("\x03");
  ASSERT_TRUE(WaitFor("^C\r\ntupu> ")) << screen_;
  Type("print('after ' .. 'ctrl-c')\n");
  ASSERT_TRUE(WaitFor("after ctrl-c")) << screen_;

  // Ctrl-C on an empty prompt, twice: still here.
  ASSERT_TRUE(WaitFor("tupu> ")) << screen_;
  Type("\x03");
  ASSERT_TRUE(WaitFor("tupu> ")) << screen_;
  Type("\x03");
  ASSERT_TRUE(WaitFor("tupu> ")) << screen_;

  // An unfinished chunk is dropped too: the prompt is no longer the continuation one.
  Type("for i = 1, 3 do\n");
  ASSERT_TRUE(WaitFor("...> ")) << screen_;
  Type("\x03");
  ASSERT_TRUE(WaitFor("^C\r\ntupu> ")) << screen_;
  Type("print(1 + 1)\n");
  ASSERT_TRUE(WaitFor("\r\n2\r\n")) << screen_;

  // Ctrl-C still stops a running query after all that.
  Type("while true do end\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Type("\x03");
  ASSERT_TRUE(WaitFor("interrupted")) << screen_;

  Type("g:V():outX()\n");
  ASSERT_TRUE(WaitFor("no step outX on a traversal; did you mean out, outE or outV?")) << screen_;
  Type("g:node('王明'):evidnce()\n");
  ASSERT_TRUE(WaitFor("no step evidnce on a node")) << screen_;

  // Ctrl-D leaves, with status 0. libedit draws the prompt a moment before it puts the terminal
  // in raw mode; a key typed in that moment meets the kernel's line discipline, which a person
  // never types fast enough to see: wait as one would.
  ASSERT_TRUE(WaitFor("tupu> ")) << screen_;
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Type("\x04");
  EXPECT_EQ(WaitForExit(), 0) << screen_;
}

}  // namespace
}  // namespace tupu::testing
