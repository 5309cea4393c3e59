// The natives behind n:annotate(key, value) and n:annotations() (docs/lua.md "Annotations"): the
// user's own notes and tags on nodes, kept in the store's `annotations` column family and shown
// on nodes as properties `note.<key>`. Writing needs a runtime opened with --write; after a write
// the snapshot is marked stale so the next query sees it.
#include <cstdint>
#include <optional>
#include <string>

#include "common/model.h"
#include "lauxlib.h"
#include "lua.h"
#include "scripting/lua_binding.h"
#include "scripting/lua_runtime.h"

namespace tupu {
namespace {

// The node id of the node table at `arg`: its `id` field when filled, else its snapshot index
// `_v` (nodes reached by walks are filled lazily; filling one would reload a stale snapshot).
NodeId NodeIdArg(lua_State* L, int arg, const char* step) {
  if (lua_type(L, arg) == LUA_TTABLE) {
    if (lua_getfield(L, arg, "id") == LUA_TSTRING) {
      auto id = HexToId(lua_tostring(L, -1));
      lua_pop(L, 1);
      if (id) return *id;
    } else {
      lua_pop(L, 1);
    }
    if (lua_getfield(L, arg, "_v") == LUA_TNUMBER && lua_isinteger(L, -1)) {
      auto id = NodeIdOfVertex(L, lua_tointeger(L, -1));
      lua_pop(L, 1);
      if (id) return *id;
    } else {
      lua_pop(L, 1);
    }
  }
  RaiseAtUserLine(L, std::string(step) + ": expected a node of the graph");
}

// tupu.annotate(node, key, value): sets (value non-empty) or removes (value "") one annotation.
int NativeAnnotate(lua_State* L) {
  NodeId node = NodeIdArg(L, 1, "annotate");
  std::string key = luaL_checkstring(L, 2);
  std::string value = luaL_checkstring(L, 3);
  auto store = RuntimeOf(L)->WritableStore();
  RaiseIfError(L, store.status(), "annotate");
  Status written = (*store)->Annotate(node, key, value);
  // The write may have happened even when reporting failed: reload either way.
  MarkSnapshotStale(L);
  RaiseIfError(L, written, "annotate");
  return 0;
}

// tupu.annotations(node) -> {key = text, ...}: from the store, so always current (also read-only).
int NativeAnnotations(lua_State* L) {
  NodeId node = NodeIdArg(L, 1, "annotations");
  const GraphStore& store = StoreOrError(L);
  auto notes = store.Annotations(node);
  RaiseIfError(L, notes.status(), "annotations");
  lua_createtable(L, 0, static_cast<int>(notes->size()));
  for (const auto& [key, value] : *notes) {
    lua_pushlstring(L, value.data(), value.size());
    lua_setfield(L, -2, key.c_str());
  }
  return 1;
}

constexpr luaL_Reg kAnnotationNatives[] = {
    {"annotate", NativeAnnotate},
    {"annotations", NativeAnnotations},
    {nullptr, nullptr},
};

}  // namespace

void AddAnnotationNatives(lua_State* L) { luaL_setfuncs(L, kAnnotationNatives, 0); }

}  // namespace tupu
