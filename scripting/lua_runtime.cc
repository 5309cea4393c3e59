// LuaRuntime (see lua_runtime.h). Lua is built as C++ here (pkg-config lua5.4-c++), so a Lua error
// unwinds C++ destructors instead of longjmp-ing over them: C++ functions called from Lua may hold
// RAII objects when they raise.
#include "scripting/lua_runtime.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"
#include "scripting/lua_binding.h"

namespace tupu {
namespace {

// How often (in VM instructions) the budget hook runs: rare enough to cost nothing measurable.
constexpr int kHookEvery = 1000;

// Where the prelude's tupu._no_step_message is kept, out of scripts' reach.
constexpr char kNoStepKey[] = "tupu.no_step_message";
constexpr std::string_view kCallNilMethod = "attempt to call a nil value (method '";

// Asks the prelude to explain a call of `name` on the value on top of the stack (left there);
// pushes the explanation and returns true, or pushes nothing and returns false (not one of ours).
bool ExplainCallOn(lua_State* L, const std::string& name) {
  lua_getfield(L, LUA_REGISTRYINDEX, kNoStepKey);
  lua_pushvalue(L, -2);
  lua_pushstring(L, name.c_str());
  if (lua_pcall(L, 2, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING) return true;
  lua_pop(L, 1);
  return false;
}

// Lua names a failed method call by the method alone: "attempt to call a nil value (method
// 'outX')". A message handler runs before the stack unwinds, so the receiver is still in the
// calling function's registers, just above the nil the call found (OP_SELF puts the method in
// R[A] and the object in R[A+1]): the first such pair whose object the prelude recognises gives
// "no step outX on a traversal; did you mean out, outE or outV?". Nodes and edges need this way,
// since their __index must return nil for a missing property. Pushes the new message, or nothing.
bool ExplainMissingMethod(lua_State* L, std::string_view message) {
  size_t at = message.find(kCallNilMethod);
  if (at == std::string_view::npos) return false;
  size_t begin = at + kCallNilMethod.size(), end = message.find("')", begin);
  if (end == std::string_view::npos) return false;
  const std::string name(message.substr(begin, end - begin));
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) == 0) return false;
  bool previous_nil = false;
  for (int n = 1; const char* local = lua_getlocal(L, &ar, n); ++n) {
    const bool temporary = std::strcmp(local, "(temporary)") == 0;
    if (temporary && previous_nil && lua_istable(L, -1) && ExplainCallOn(L, name)) {
      lua_pushfstring(L, "%s%s", std::string(message.substr(0, at)).c_str(), lua_tostring(L, -1));
      lua_replace(L, -3);  // the receiver's slot
      lua_pop(L, 1);
      return true;
    }
    previous_nil = temporary && lua_isnil(L, -1);
    lua_pop(L, 1);
  }
  return false;
}

int MessageHandler(lua_State* L) {
  const char* msg = lua_tostring(L, 1);
  if (msg == nullptr) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  } else if (ExplainMissingMethod(L, msg)) {
    msg = lua_tostring(L, -1);
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

int LuaPrint(lua_State* L) {
  int n = lua_gettop(L);
  std::string line;
  for (int i = 1; i <= n; ++i) {
    size_t len = 0;
    const char* s = luaL_tolstring(L, i, &len);
    if (i > 1) line.push_back('\t');
    line.append(s, len);
    lua_pop(L, 1);
  }
  line.push_back('\n');
  RuntimeOf(L)->Write(line);
  return 0;
}

// load() for the sandbox: text chunks only, since crafted bytecode can break out of the VM.
// The real load is kept in the registry, out of the script's reach.
constexpr char kUnsafeLoadKey[] = "tupu.unsafe_load";

int SandboxLoad(lua_State* L) {
  int n = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, kUnsafeLoadKey);
  lua_pushvalue(L, 1);
  if (n >= 2) {
    lua_pushvalue(L, 2);
  } else {
    lua_pushnil(L);
  }
  lua_pushliteral(L, "t");
  int nargs = 3;
  if (n >= 4) {  // load() tells an absent env from a nil one: keep the difference
    lua_pushvalue(L, 4);
    nargs = 4;
  }
  lua_call(L, nargs, LUA_MULTRET);
  return lua_gettop(L) - n;
}

// Keeps the traceback lines that point into the user's own code: frames of C functions and of
// tupu's prelude say nothing to a script writer. A traceback of one frame (the line the message
// already names) is dropped entirely.
std::string TrimTraceback(const std::string& message) {
  static constexpr std::string_view kMarker = "\nstack traceback:\n";
  size_t at = message.find(kMarker);
  if (at == std::string::npos) return message;
  std::string head = message.substr(0, at);
  std::vector<std::string> kept;
  size_t pos = at + kMarker.size();
  while (pos < message.size()) {
    size_t end = message.find('\n', pos);
    if (end == std::string::npos) end = message.size();
    std::string line = message.substr(pos, end - pos);
    if (line.find("[C]") == std::string::npos && line.find("[tupu prelude]") == std::string::npos &&
        line.find("(...tail calls...)") == std::string::npos) {
      kept.push_back(line);
    }
    pos = end + 1;
  }
  if (kept.size() <= 1) return head;
  std::string out = head + "\nstack traceback:";
  for (const auto& line : kept) out += "\n" + line;
  return out;
}

}  // namespace

LuaRuntime* RuntimeOf(lua_State* L) { return *static_cast<LuaRuntime**>(lua_getextraspace(L)); }

LuaRuntime::LuaRuntime(const RuntimeOptions& options, StoreProvider store_provider,
                       WritableStoreProvider writable_store_provider)
    : options_(options),
      store_provider_(std::move(store_provider)),
      writable_store_provider_(std::move(writable_store_provider)) {
  memory_.limit = options.memory_limit_bytes;
}

LuaRuntime::~LuaRuntime() {
  if (L_ != nullptr) lua_close(L_);
}

void* LuaRuntime::Allocate(void* ud, void* ptr, size_t old_size, size_t new_size) {
  auto* account = static_cast<MemoryAccount*>(ud);
  // When ptr is null, old_size encodes the kind of object, not a size.
  size_t old_bytes = ptr != nullptr ? old_size : 0;
  if (new_size == 0) {
    account->used -= old_bytes;
    std::free(ptr);
    return nullptr;
  }
  if (account->limit != 0 && new_size > old_bytes &&
      account->used - old_bytes + new_size > account->limit) {
    account->exceeded = true;
    return nullptr;  // Lua raises "not enough memory"; LoadStatus/CallProtected name the cap
  }
  void* grown = std::realloc(ptr, new_size);
  if (grown == nullptr) return nullptr;
  account->used = account->used - old_bytes + new_size;
  return grown;
}

Result<std::unique_ptr<LuaRuntime>> LuaRuntime::Create(
    const RuntimeOptions& options, StoreProvider store_provider,
    WritableStoreProvider writable_store_provider) {
  std::unique_ptr<LuaRuntime> runtime(new LuaRuntime(options, std::move(store_provider),
                                                     std::move(writable_store_provider)));
  runtime->L_ = lua_newstate(&LuaRuntime::Allocate, &runtime->memory_);
  if (runtime->L_ == nullptr) return Status::IOError("cannot create a Lua state: out of memory");
  *static_cast<LuaRuntime**>(lua_getextraspace(runtime->L_)) = runtime.get();
  lua_atpanic(runtime->L_, [](lua_State* L) -> int {
    std::fprintf(stderr, "tupu: unprotected Lua error: %s\n", lua_tostring(L, -1));
    return 0;  // Lua then aborts: only reachable through a bug in tupu
  });
  TUPU_RETURN_IF_ERROR(runtime->OpenLibraries());
  return runtime;
}

Status LuaRuntime::OpenLibraries() {
  static const luaL_Reg kSafeLibs[] = {
      {LUA_GNAME, luaopen_base},         {LUA_TABLIBNAME, luaopen_table},
      {LUA_STRLIBNAME, luaopen_string},  {LUA_MATHLIBNAME, luaopen_math},
      {LUA_UTF8LIBNAME, luaopen_utf8},   {LUA_COLIBNAME, luaopen_coroutine},
  };
  if (options_.sandbox) {
    for (const auto& lib : kSafeLibs) {
      luaL_requiref(L_, lib.name, lib.func, 1);
      lua_pop(L_, 1);
    }
  } else {
    luaL_openlibs(L_);
  }
  lua_pushcfunction(L_, LuaPrint);
  lua_setglobal(L_, "print");
  if (!OpenTupuLibrary(L_, this)) {
    std::string message = lua_tostring(L_, -1) ? lua_tostring(L_, -1) : "?";
    lua_pop(L_, 1);
    return Status::Corruption("the built-in Lua prelude failed to load: " + message);
  }
  lua_getglobal(L_, "tupu");
  lua_getfield(L_, -1, "_no_step_message");
  lua_setfield(L_, LUA_REGISTRYINDEX, kNoStepKey);
  lua_pop(L_, 1);
  if (options_.sandbox) {
    lua_getglobal(L_, "load");
    lua_setfield(L_, LUA_REGISTRYINDEX, kUnsafeLoadKey);
    lua_pushcfunction(L_, SandboxLoad);
    lua_setglobal(L_, "load");
    for (const char* name : {"dofile", "loadfile", "require", "os", "io", "package", "debug"}) {
      lua_pushnil(L_);
      lua_setglobal(L_, name);
    }
    lua_getglobal(L_, "string");
    lua_pushnil(L_);
    lua_setfield(L_, -2, "dump");
    lua_pop(L_, 1);
  }
  return Status::OK();
}

void LuaRuntime::Hook(lua_State* L, lua_Debug* ar) {
  LuaRuntime* self = RuntimeOf(L);
  if (self->interrupt_pending_.exchange(false)) self->stop_ = StopReason::kInterrupted;
  if (self->stop_ == StopReason::kNone && ar->event == LUA_HOOKCOUNT &&
      self->options_.instruction_limit != 0) {
    self->instructions_run_ += kHookEvery;
    if (self->instructions_run_ > self->options_.instruction_limit) {
      self->stop_ = StopReason::kBudget;
    }
  }
  if (self->stop_ == StopReason::kNone) return;
  // Once stopped, fail at every instruction: a pcall in the script catches one error, but the
  // next instruction outside it fails again, so the stop reaches the top.
  lua_sethook(L, &LuaRuntime::Hook, LUA_MASKCOUNT, 1);
  if (self->stop_ == StopReason::kInterrupted) luaL_error(L, "interrupted!");
  luaL_error(L, "instruction budget of %I exceeded",
             static_cast<lua_Integer>(self->options_.instruction_limit));
}

void LuaRuntime::ArmHook() {
  if (options_.instruction_limit != 0) {
    lua_sethook(L_, &LuaRuntime::Hook, LUA_MASKCOUNT, kHookEvery);
  } else {
    lua_sethook(L_, nullptr, 0, 0);
  }
}

void LuaRuntime::RequestInterrupt() {
  // As lua.c's laction: a signal cannot safely touch the Lua state, except to set a hook, which
  // then raises the error at the next safe point inside the VM.
  interrupt_pending_.store(true);
  lua_sethook(L_, &LuaRuntime::Hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

void LuaRuntime::SetOutput(std::function<void(std::string_view)> sink) { output_ = std::move(sink); }

void LuaRuntime::Write(std::string_view text) const {
  if (output_) {
    output_(text);
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  }
}

Result<const GraphStore*> LuaRuntime::Store() {
  if (!store_tried_) {
    store_tried_ = true;
    if (!store_provider_) {
      store_status_ = Status::NotFound("no database is open");
    } else {
      auto opened = store_provider_();
      if (opened.ok()) {
        store_ = *opened;
      } else {
        store_status_ = opened.status();
      }
    }
  }
  if (store_ == nullptr) return store_status_;
  return store_;
}

Result<GraphStore*> LuaRuntime::WritableStore() {
  if (!writable_store_provider_) {
    return Status::NotSupported(
        "the database is open read-only: run with --write (tupu run --write, tupu shell "
        "--write) to let scripts annotate nodes");
  }
  // Open it through Store() first, so a failure is reported (and remembered) the same way.
  TUPU_RETURN_IF_ERROR(Store().status());
  return writable_store_provider_();
}

Status LuaRuntime::LoadStatus(int load_code, std::string_view what) {
  if (load_code == LUA_OK) return Status::OK();
  std::string message = lua_tostring(L_, -1) ? lua_tostring(L_, -1) : "unknown error";
  lua_pop(L_, 1);
  if (load_code == LUA_ERRMEM && memory_.exceeded) {
    return Status::Aborted("memory limit of " + std::to_string(memory_.limit >> 20) +
                           " MB exceeded while loading " + std::string(what));
  }
  if (load_code == LUA_ERRFILE) return Status::IOError(message);
  return Status::InvalidArgument(message);
}

Status LuaRuntime::CallProtected(int nargs, int nresults) {
  int base = lua_gettop(L_) - nargs;
  lua_pushcfunction(L_, MessageHandler);
  lua_insert(L_, base);
  interrupt_pending_.store(false);
  instructions_run_ = 0;
  stop_ = StopReason::kNone;
  memory_.exceeded = false;
  ArmHook();
  int code = lua_pcall(L_, nargs, nresults, base);
  lua_remove(L_, base);
  lua_sethook(L_, nullptr, 0, 0);
  if (code == LUA_OK) return Status::OK();
  std::string message = lua_tostring(L_, -1) ? lua_tostring(L_, -1) : "unknown error";
  lua_pop(L_, 1);
  message = TrimTraceback(message);
  if (memory_.exceeded) {
    lua_gc(L_, LUA_GCCOLLECT);
    return Status::Aborted("memory limit of " + std::to_string(memory_.limit >> 20) +
                           " MB exceeded (" + message + ")");
  }
  if (stop_ == StopReason::kBudget) {
    return Status::Aborted("instruction budget of " + std::to_string(options_.instruction_limit) +
                           " exceeded (" + message + ")");
  }
  if (stop_ == StopReason::kInterrupted || message.find("interrupted!") != std::string::npos) {
    return Status::Aborted(message);
  }
  return Status::InvalidArgument(message);
}

Status LuaRuntime::RunFile(const std::string& path, const std::vector<std::string>& args) {
  lua_createtable(L_, static_cast<int>(args.size()), 1);
  lua_pushstring(L_, path.c_str());
  lua_rawseti(L_, -2, 0);
  for (size_t i = 0; i < args.size(); ++i) {
    lua_pushlstring(L_, args[i].data(), args[i].size());
    lua_rawseti(L_, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_setglobal(L_, "arg");
  int code = luaL_loadfilex(L_, path.c_str(), options_.sandbox ? "t" : "bt");
  if (code == LUA_ERRFILE) {
    std::string message = lua_tostring(L_, -1);
    lua_pop(L_, 1);
    return Status::IOError(message);
  }
  TUPU_RETURN_IF_ERROR(LoadStatus(code, path));
  for (const auto& a : args) lua_pushlstring(L_, a.data(), a.size());
  return CallProtected(static_cast<int>(args.size()), 0);
}

Status LuaRuntime::RunString(std::string_view code, const std::string& chunk_name) {
  int load = luaL_loadbufferx(L_, code.data(), code.size(), chunk_name.c_str(), "t");
  TUPU_RETURN_IF_ERROR(LoadStatus(load, chunk_name));
  return CallProtected(0, 0);
}

Status LuaRuntime::RunShellChunk(std::string_view code, bool* incomplete) {
  *incomplete = false;
  std::string as_expression = "return " + std::string(code);
  int load = luaL_loadbufferx(L_, as_expression.data(), as_expression.size(), "=stdin", "t");
  if (load != LUA_OK) {
    lua_pop(L_, 1);
    load = luaL_loadbufferx(L_, code.data(), code.size(), "=stdin", "t");
    if (load == LUA_ERRSYNTAX) {
      // lua.c's rule: a syntax error at the end of input means the chunk continues.
      size_t len = 0;
      const char* msg = lua_tolstring(L_, -1, &len);
      static constexpr std::string_view kEofMark = "<eof>";
      if (msg != nullptr && len >= kEofMark.size() &&
          std::string_view(msg + len - kEofMark.size(), kEofMark.size()) == kEofMark) {
        lua_pop(L_, 1);
        *incomplete = true;
        return Status::OK();
      }
    }
    TUPU_RETURN_IF_ERROR(LoadStatus(load, "stdin"));
  }
  int top = lua_gettop(L_) - 1;
  TUPU_RETURN_IF_ERROR(CallProtected(0, LUA_MULTRET));
  int nresults = lua_gettop(L_) - top;
  if (nresults == 0) return Status::OK();
  // tupu._display renders traversals, elements and lists as tables, anything else with tostring.
  lua_getglobal(L_, "tupu");
  lua_getfield(L_, -1, "_display");
  lua_remove(L_, -2);
  lua_insert(L_, top + 1);
  return CallProtected(nresults, 0);
}

std::vector<std::string> LuaRuntime::CompletionWords() {
  std::vector<std::string> words;
  lua_getglobal(L_, "tupu");
  if (lua_istable(L_, -1)) {
    lua_getfield(L_, -1, "_completion_words");
    if (lua_isfunction(L_, -1) && lua_pcall(L_, 0, 1, 0) == LUA_OK && lua_istable(L_, -1)) {
      lua_Integer n = luaL_len(L_, -1);
      for (lua_Integer i = 1; i <= n; ++i) {
        lua_rawgeti(L_, -1, i);
        if (const char* s = lua_tostring(L_, -1)) words.emplace_back(s);
        lua_pop(L_, 1);
      }
    }
    lua_pop(L_, 1);
  }
  lua_pop(L_, 1);
  return words;
}

std::vector<std::string> LuaRuntime::EntityNamesWithPrefix(std::string_view prefix, size_t limit) {
  std::vector<std::string> names;
  auto store = Store();
  if (!store.ok()) return names;
  Status scan = (*store)->ForEachNode([&](const StoredNode& node) {
    if (node.label != NodeLabel::kDocument && node.name.compare(0, prefix.size(), prefix) == 0) {
      names.push_back(node.name);
    }
    return names.size() < limit;
  });
  scan.PermitUncheckedError();  // completion is best effort
  return names;
}

}  // namespace tupu
