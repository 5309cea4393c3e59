// The C side of the `g` object that reads the GraphStore (documents, evidence text, counts), the
// table renderer and output, gathered in the global `tupu` table; nodes, edges and algorithms come
// from the in-memory snapshot (snapshot_binding.cc). The traversal steps, the
// element classes and `g` itself are Lua (prelude.lua) built on these, so a step is a few lines.
// Nodes and edges cross into Lua as plain tables; ids as 16-digit hex strings (Lua integers are
// signed, and hex is what exports and messages show).
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/model.h"
#include "common/utf8.h"
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"
#include "scripting/did_you_mean.h"
#include "scripting/lua_binding.h"
#include "scripting/lua_runtime.h"
#include "scripting/table_renderer.h"

namespace tupu {

// Raises `message` prefixed with "file:line: " of the innermost frame in the user's code, since
// natives are called from the prelude and luaL_error would name a prelude line.
[[noreturn]] void RaiseAtUserLine(lua_State* L, const std::string& message) {
  lua_Debug ar;
  std::string where;
  for (int level = 1; lua_getstack(L, level, &ar); ++level) {
    if (lua_getinfo(L, "Sl", &ar) == 0) break;
    if (ar.currentline > 0 && std::strcmp(ar.source, "=[tupu prelude]") != 0) {
      where = std::string(ar.short_src) + ":" + std::to_string(ar.currentline) + ": ";
      break;
    }
  }
  std::string full = where + message;
  lua_pushlstring(L, full.data(), full.size());
  lua_error(L);
  std::abort();  // lua_error does not return
}

const GraphStore& StoreOrError(lua_State* L) {
  auto store = RuntimeOf(L)->Store();
  if (!store.ok()) {
    RaiseAtUserLine(L, "g: cannot open the database: " + store.status().ToString());
  }
  return **store;
}

void RaiseIfError(lua_State* L, const Status& status, const char* what) {
  // The pending interrupt stays set: the hook then keeps failing until the script is stopped.
  if (RuntimeOf(L)->interrupt_pending()) luaL_error(L, "interrupted!");
  if (!status.ok()) RaiseAtUserLine(L, std::string(what) + ": " + status.ToString());
}

// Polled by scans so that Ctrl-C also stops a long C++ loop (the VM hook only runs in Lua code).
bool KeepScanning(lua_State* L) { return !RuntimeOf(L)->interrupt_pending(); }

void SetString(lua_State* L, const char* key, std::string_view value) {
  lua_pushlstring(L, value.data(), value.size());
  lua_setfield(L, -2, key);
}

static bool IsNumericProperty(std::string_view key) {
  return key == "weight" || key == "count" || key == "sentences";
}

// Pushes props as a table at props_key, and also copies each onto the element itself unless the
// element already has a field of that name (so e.title works, but a prop never hides e.type).
void PushProperties(lua_State* L, const Properties& props) {
  lua_createtable(L, 0, static_cast<int>(props.size()));
  for (const auto& [key, value] : props) {
    if (!IsNumericProperty(key) || lua_stringtonumber(L, value.c_str()) == 0) {
      lua_pushlstring(L, value.data(), value.size());
    }
    lua_setfield(L, -2, key.c_str());
  }
  for (const auto& [key, value] : props) {
    if (lua_getfield(L, -2, key.c_str()) == LUA_TNIL) {
      lua_getfield(L, -2, key.c_str());
      lua_setfield(L, -4, key.c_str());
    }
    lua_pop(L, 1);
  }
  lua_setfield(L, -2, "props");
}

namespace {

// Documents are fetched once per runtime: evidence of many edges shares few documents.
struct DocumentCache {
  std::unordered_map<DocId, StoredDocument> docs;
};
constexpr char kDocCacheKey[] = "tupu.document_cache";

uint64_t CheckId(lua_State* L, int arg) {
  size_t len = 0;
  const char* hex = luaL_checklstring(L, arg, &len);
  auto id = HexToId(std::string_view(hex, len));
  if (!id) luaL_argerror(L, arg, "expected a 16-digit hex id");
  return *id;
}

const StoredDocument* CachedDocument(lua_State* L, DocId id) {
  lua_getfield(L, LUA_REGISTRYINDEX, kDocCacheKey);
  auto* cache = static_cast<DocumentCache*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  auto it = cache->docs.find(id);
  if (it != cache->docs.end()) return &it->second;
  auto doc = StoreOrError(L).GetDocument(id);
  if (!doc.ok()) {
    if (doc.status().IsNotFound()) return nullptr;
    RaiseIfError(L, doc.status(), "document");
  }
  return &cache->docs.emplace(id, std::move(*doc)).first->second;
}

// tupu.document(id) -> {id, source_key, origin, title, date, byline, source, sentences} | nil
int NativeDocument(lua_State* L) {
  const StoredDocument* doc = CachedDocument(L, CheckId(L, 1));
  if (doc == nullptr) return 0;
  lua_createtable(L, 0, 8);
  SetString(L, "id", IdToHex(doc->id));
  SetString(L, "source_key", doc->source_key);
  SetString(L, "origin", doc->origin);
  SetString(L, "title", doc->title);
  SetString(L, "date", doc->date);
  SetString(L, "byline", doc->byline);
  SetString(L, "source", doc->source);
  lua_pushinteger(L, static_cast<lua_Integer>(doc->sentences.size()));
  lua_setfield(L, -2, "sentences");
  return 1;
}

// tupu.sentence(doc id, index) -> text of that sentence ("" when out of range)
int NativeSentence(lua_State* L) {
  DocId id = CheckId(L, 1);
  lua_Integer index = luaL_checkinteger(L, 2);
  const StoredDocument* doc = CachedDocument(L, id);
  if (doc != nullptr && index >= 0 && static_cast<size_t>(index) < doc->sentences.size()) {
    TextSpan span = doc->sentences[static_cast<size_t>(index)];
    if (span.begin <= span.end && span.end <= doc->text.size()) {
      lua_pushlstring(L, doc->text.data() + span.begin, span.end - span.begin);
      return 1;
    }
  }
  // Fall back to the store's own answer (a store may keep sentences apart from the text).
  auto text = StoreOrError(L).SentenceText(id, static_cast<uint32_t>(std::max<lua_Integer>(index, 0)));
  if (!text.ok()) {
    if (text.status().IsNotFound()) {
      lua_pushliteral(L, "");
      return 1;
    }
    RaiseIfError(L, text.status(), "sentence");
  }
  lua_pushlstring(L, text->data(), text->size());
  return 1;
}

// tupu.quote(doc id, begin, end) -> the document's text in [begin, end) ("" when out of range)
int NativeQuote(lua_State* L) {
  const StoredDocument* doc = CachedDocument(L, CheckId(L, 1));
  lua_Integer begin = luaL_checkinteger(L, 2);
  lua_Integer end = luaL_checkinteger(L, 3);
  if (doc == nullptr || begin < 0 || end < begin || static_cast<size_t>(end) > doc->text.size()) {
    lua_pushliteral(L, "");
    return 1;
  }
  lua_pushlstring(L, doc->text.data() + begin, static_cast<size_t>(end - begin));
  return 1;
}

// tupu.counts() -> {documents=, nodes=, edges=}
int NativeCounts(lua_State* L) {
  auto counts = StoreOrError(L).Counts();
  RaiseIfError(L, counts.ok() ? Status::OK() : counts.status(), "counts");
  lua_createtable(L, 0, 3);
  lua_pushinteger(L, static_cast<lua_Integer>(counts->documents));
  lua_setfield(L, -2, "documents");
  lua_pushinteger(L, static_cast<lua_Integer>(counts->nodes));
  lua_setfield(L, -2, "nodes");
  lua_pushinteger(L, static_cast<lua_Integer>(counts->edges));
  lua_setfield(L, -2, "edges");
  return 1;
}

int NativeLabels(lua_State* L) {
  lua_newtable(L);
  lua_Integer n = 0;
  for (NodeLabel label : kAllNodeLabels) {
    std::string_view name = NodeLabelName(label);
    lua_pushlstring(L, name.data(), name.size());
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

int NativeEdgeTypes(lua_State* L) {
  lua_newtable(L);
  lua_Integer n = 0;
  for (EdgeType type : kAllEdgeTypes) {
    std::string_view name = EdgeTypeName(type);
    lua_pushlstring(L, name.data(), name.size());
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

std::string CellText(lua_State* L, int index) {
  size_t len = 0;
  const char* s = luaL_tolstring(L, index, &len);
  std::string text(s, len);
  lua_pop(L, 1);
  return text;
}

// tupu.render(columns, rows, {mode=, maxrows=, maxwidth=, footer=}) -> string
int NativeRender(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  RenderOptions options = RuntimeOf(L)->render_options();
  if (lua_istable(L, 3)) {
    if (lua_getfield(L, 3, "mode") == LUA_TSTRING) {
      auto mode = ParseRenderMode(lua_tostring(L, -1));
      if (!mode) {
        RaiseAtUserLine(L, std::string("show: unknown mode '") + lua_tostring(L, -1) +
                               "' (expected table, csv, json or markdown)");
      }
      options.mode = *mode;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 3, "maxrows") == LUA_TNUMBER) {
      options.max_rows = static_cast<size_t>(std::max<lua_Integer>(0, lua_tointeger(L, -1)));
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 3, "maxwidth") == LUA_TNUMBER) {
      options.max_cell_width = static_cast<size_t>(std::max<lua_Integer>(0, lua_tointeger(L, -1)));
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 3, "footer") == LUA_TBOOLEAN) options.footer = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  TextTable table;
  lua_Integer ncols = luaL_len(L, 1);
  for (lua_Integer c = 1; c <= ncols; ++c) {
    lua_rawgeti(L, 1, c);
    table.columns.push_back(CellText(L, -1));
    lua_pop(L, 1);
  }
  lua_Integer nrows = luaL_len(L, 2);
  table.rows.reserve(static_cast<size_t>(nrows));
  for (lua_Integer r = 1; r <= nrows; ++r) {
    lua_rawgeti(L, 2, r);
    std::vector<std::string> row;
    for (lua_Integer c = 1; c <= ncols; ++c) {
      lua_rawgeti(L, -1, c);
      row.push_back(lua_isnil(L, -1) ? std::string() : CellText(L, -1));
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    table.rows.push_back(std::move(row));
  }
  std::string text = RenderTable(table, options);
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

// tupu.write(text): to the runtime's output (the shell's .output file, a test's buffer, stdout)
int NativeWrite(lua_State* L) {
  size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  RuntimeOf(L)->Write(std::string_view(text, len));
  return 0;
}

// tupu.width(text) -> display columns
int NativeWidth(lua_State* L) {
  size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  lua_pushinteger(L, static_cast<lua_Integer>(DisplayWidth(std::string_view(text, len))));
  return 1;
}

// tupu.settings() -> {mode=, maxrows=, maxwidth=}: the shell's current rendering defaults
int NativeSettings(lua_State* L) {
  const RenderOptions& options = RuntimeOf(L)->render_options();
  lua_createtable(L, 0, 3);
  SetString(L, "mode", RenderModeName(options.mode));
  lua_pushinteger(L, static_cast<lua_Integer>(options.max_rows));
  lua_setfield(L, -2, "maxrows");
  lua_pushinteger(L, static_cast<lua_Integer>(options.max_cell_width));
  lua_setfield(L, -2, "maxwidth");
  return 1;
}

// tupu.did_you_mean(typed, {names...}) -> "out, outE or outV", or nil when no name is within two
// edits: the prelude's "no step X" errors suggest as the shell's .help does (did_you_mean.h).
int NativeDidYouMean(lua_State* L) {
  std::string typed = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  std::vector<std::string> names;
  const lua_Integer n = luaL_len(L, 2);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, 2, i);
    if (const char* name = lua_tostring(L, -1)) names.emplace_back(name);
    lua_pop(L, 1);
  }
  std::vector<std::string> nearest = NearestNames(typed, names);
  if (nearest.empty()) {
    lua_pushnil(L);
  } else {
    lua_pushstring(L, JoinAlternatives(nearest).c_str());
  }
  return 1;
}

constexpr char kPreludeChunkName[] = "=[tupu prelude]";

// tupu.call_site() -> "script.lua:12: ", the innermost line of user code on the stack ("" when
// there is none): how a step names the line that built it in its errors. Every step records one,
// so this walks the stack in C with no table per frame (the Lua version with debug.getinfo cost
// about 4 us a step).
int NativeCallSite(lua_State* L) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar) != 0; ++level) {
    if (lua_getinfo(L, "Sl", &ar) == 0) break;
    if (ar.currentline <= 0 || std::strcmp(ar.what, "C") == 0) continue;
    if (ar.source != nullptr && std::strcmp(ar.source, kPreludeChunkName) == 0) continue;
    lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
    return 1;
  }
  lua_pushliteral(L, "");
  return 1;
}

int CollectDocumentCache(lua_State* L) {
  static_cast<DocumentCache*>(lua_touserdata(L, 1))->~DocumentCache();
  return 0;
}

constexpr luaL_Reg kNatives[] = {
    {"document", NativeDocument},
    {"sentence", NativeSentence},
    {"quote", NativeQuote},
    {"counts", NativeCounts},
    {"labels", NativeLabels},
    {"edge_types", NativeEdgeTypes},
    {"render", NativeRender},
    {"write", NativeWrite},
    {"width", NativeWidth},
    {"settings", NativeSettings},
    {"call_site", NativeCallSite},
    {"did_you_mean", NativeDidYouMean},
    {nullptr, nullptr},
};

}  // namespace

bool OpenTupuLibrary(lua_State* L, LuaRuntime* runtime) {
  (void)runtime;
  void* memory = lua_newuserdatauv(L, sizeof(DocumentCache), 0);
  new (memory) DocumentCache();
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, CollectDocumentCache);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, kDocCacheKey);

  luaL_newlib(L, kNatives);
  AddSnapshotNatives(L);
  AddAnnotationNatives(L);
  lua_pushvalue(L, -1);
  lua_setglobal(L, "tupu");
  // The prelude gets the natives (tupu.call_site names the script line of a bad step, so the
  // prelude needs no debug library, which the sandbox does not expose).
  if (luaL_loadbufferx(L, kTupuPreludeSource, std::strlen(kTupuPreludeSource), kPreludeChunkName,
                       "t") != LUA_OK) {
    lua_remove(L, -2);
    return false;
  }
  lua_insert(L, -2);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) return false;
  return true;
}

}  // namespace tupu
