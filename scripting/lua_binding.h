// Internal to scripting/: how lua_runtime.cc opens the tupu library in a state. The library is
// C functions over GraphStore (graph_binding.cc) and over the GraphSnapshot (snapshot_binding.cc)
// plus the traversal steps written in Lua
// (prelude.lua, embedded at build time). Thread safety: as LuaRuntime.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/model.h"
#include "common/status.h"
#include "store/graph_store.h"

struct lua_State;

namespace tupu {

class LuaRuntime;

// Defines the globals g, P, __ and tupu in L. REQUIRES: lua_getextraspace(L) holds the runtime.
// Returns false with an error message on the Lua stack when the prelude fails to load.
bool OpenTupuLibrary(lua_State* L, LuaRuntime* runtime);

// The runtime that owns L (kept in the state's extra space).
LuaRuntime* RuntimeOf(lua_State* L);

// Natives over the in-memory GraphSnapshot (snapshot_binding.cc): algorithms and exports. Adds
// its functions to the table on top of L's stack (the `tupu` library table).
void AddSnapshotNatives(lua_State* L);
// After a write through the runtime (an annotation): the next read of the graph loads the snapshot
// again, so queries see the write. REQUIRES: the calling native holds no reference to a snapshot
// it got before (the reload frees the old one).
void MarkSnapshotStale(lua_State* L);
// The node id of vertex `v` of the full snapshot (the `_v` a node table carries); nullopt when out
// of range. Uses the snapshot in hand even when stale: a write never changes the set of nodes.
std::optional<NodeId> NodeIdOfVertex(lua_State* L, int64_t v);

// Natives for the user's annotations on nodes (annotation_binding.cc): tupu.annotate and
// tupu.annotations, added to the table on top of L's stack.
void AddAnnotationNatives(lua_State* L);

// Shared by the native files (graph_binding.cc). Errors name the user's script line, not the
// prelude's; a failed status also turns a pending Ctrl-C into "interrupted!".
[[noreturn]] void RaiseAtUserLine(lua_State* L, const std::string& message);
const GraphStore& StoreOrError(lua_State* L);
void RaiseIfError(lua_State* L, const Status& status, const char* what);
bool KeepScanning(lua_State* L);
void SetString(lua_State* L, const char* key, std::string_view value);
// Pushes props as e.props and copies each onto the element table at -1 (see graph_binding.cc).
void PushProperties(lua_State* L, const Properties& props);

// The Lua source of the traversal layer (generated from scripting/prelude.lua).
extern const char kTupuPreludeSource[];

}  // namespace tupu
