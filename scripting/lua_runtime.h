// LuaRuntime: one Lua 5.4 state with tupu's library opened (the `g` graph object, the traversal
// steps, P predicates, table rendering), able to run a script file with arguments, a string, or one
// chunk of shell input. Every failure comes back as a Status naming file, line and message; limits
// (memory cap, instruction budget) and Ctrl-C stop a script with a clear Aborted status.
// Thread safety: one thread uses a runtime; only RequestInterrupt may be called from elsewhere
// (a signal handler included).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "scripting/table_renderer.h"
#include "store/graph_store.h"

struct lua_State;
struct lua_Debug;

namespace tupu {

struct RuntimeOptions {
  // Untrusted scripts: no os, io, package/require, debug, dofile/loadfile, string.dump, and `load`
  // accepts text only (no bytecode).
  bool sandbox = false;
  size_t memory_limit_bytes = 0;    // 0: no cap; else allocations beyond it fail the script
  uint64_t instruction_limit = 0;   // 0: no budget; else VM instructions per run
};

// Opens the database the first time a script touches `g` (so `tupu run -e 'print(1)'` needs none).
// The provider keeps ownership; the store must outlive the runtime.
using StoreProvider = std::function<Result<const GraphStore*>()>;
// The store a script writes through (annotations on nodes), asked for at the first write. It must
// be the store StoreProvider reads (so the next query sees the write). An empty provider makes
// the runtime read-only: a write fails, saying to run with --write.
using WritableStoreProvider = std::function<Result<GraphStore*>()>;

class LuaRuntime {
 public:
  static Result<std::unique_ptr<LuaRuntime>> Create(
      const RuntimeOptions& options, StoreProvider store_provider,
      WritableStoreProvider writable_store_provider = nullptr);
  ~LuaRuntime();
  LuaRuntime(const LuaRuntime&) = delete;
  LuaRuntime& operator=(const LuaRuntime&) = delete;

  // Runs a script file; `args` become the global `arg` (arg[0] = path) and the chunk's `...`.
  Status RunFile(const std::string& path, const std::vector<std::string>& args);
  // Runs `code`; errors name `chunk_name` (e.g. "=(command line)" shows as "(command line):1:").
  Status RunString(std::string_view code, const std::string& chunk_name);

  // Shell input: like lua.c, first tries "return <code>" so expressions print their value (results
  // are rendered as tables); sets *incomplete and runs nothing when the chunk is unfinished
  // (a syntax error at <eof>), so the shell reads another line.
  Status RunShellChunk(std::string_view code, bool* incomplete);

  // Stops the running script at the next safe point with "interrupted". Async-signal-safe.
  void RequestInterrupt();
  // True once RequestInterrupt was called and the script has not yet been stopped (long C++ scans
  // poll this).
  bool interrupt_pending() const { return interrupt_pending_.load(std::memory_order_relaxed); }

  // Where print() and show() write. Default: stdout.
  void SetOutput(std::function<void(std::string_view)> sink);
  void Write(std::string_view text) const;

  // How show() renders when the call gives no mode (the shell's .mode/.maxrows change these).
  RenderOptions& render_options() { return render_options_; }

  // Words for the shell's tab completion: step and method names, labels, edge types, globals.
  // Entity names come from EntityNamesWithPrefix (they need the store).
  std::vector<std::string> CompletionWords();
  std::vector<std::string> EntityNamesWithPrefix(std::string_view prefix, size_t limit);

  // The store `g` uses, opening it on first call.
  Result<const GraphStore*> Store();
  // The same store, for writing: NotSupported (naming --write) when the runtime is read-only.
  Result<GraphStore*> WritableStore();
  bool writable() const { return static_cast<bool>(writable_store_provider_); }

  lua_State* state() const { return L_; }
  const RuntimeOptions& options() const { return options_; }

 private:
  struct MemoryAccount {
    size_t used = 0;
    size_t limit = 0;
    bool exceeded = false;
  };

  LuaRuntime(const RuntimeOptions& options, StoreProvider store_provider,
             WritableStoreProvider writable_store_provider);
  Status OpenLibraries();
  // Calls the function on top of the stack below `nargs` arguments; `nresults` as lua_pcall.
  Status CallProtected(int nargs, int nresults);
  Status LoadStatus(int load_code, std::string_view what);
  static void Hook(lua_State* L, lua_Debug* ar);
  static void* Allocate(void* ud, void* ptr, size_t old_size, size_t new_size);
  void ArmHook();

  RuntimeOptions options_;
  StoreProvider store_provider_;
  WritableStoreProvider writable_store_provider_;
  const GraphStore* store_ = nullptr;
  Status store_status_;
  bool store_tried_ = false;
  MemoryAccount memory_;
  lua_State* L_ = nullptr;
  std::atomic<bool> interrupt_pending_{false};
  uint64_t instructions_run_ = 0;
  enum class StopReason { kNone, kInterrupted, kBudget };
  StopReason stop_ = StopReason::kNone;
  std::function<void(std::string_view)> output_;
  RenderOptions render_options_;
};

}  // namespace tupu
