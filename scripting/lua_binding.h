// Internal to scripting/: how lua_runtime.cc opens the tupu library in a state. The library is
// C functions over GraphStore (graph_binding.cc) plus the traversal steps written in Lua
// (prelude.lua, embedded at build time). Thread safety: as LuaRuntime.
#pragma once

struct lua_State;

namespace tupu {

class LuaRuntime;

// Defines the globals g, P, __ and tupu in L. REQUIRES: lua_getextraspace(L) holds the runtime.
// Returns false with an error message on the Lua stack when the prelude fails to load.
bool OpenTupuLibrary(lua_State* L, LuaRuntime* runtime);

// The runtime that owns L (kept in the state's extra space).
LuaRuntime* RuntimeOf(lua_State* L);

// The Lua source of the traversal layer (generated from scripting/prelude.lua).
extern const char kTupuPreludeSource[];

}  // namespace tupu
