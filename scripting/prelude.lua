-- tupu's Lua layer: the element classes (Node, Edge, Row, Path, Evidence), the chainable traversal
-- (Gremlin in spirit, Lua in syntax), predicates P, ranked results and the graph object `g`.
-- Built on the C functions in the global `tupu` (graph_binding.cc; algorithms and exports on the
-- snapshot in snapshot_binding.cc). Loaded once per Lua state;
-- receives the tupu natives. Steps are recorded when chained and run at a terminal
-- (list, first, each, count, show, ...), so a traversal can be kept in a variable and reused.

local native = ...

local Node = {__name = "Node"}
local Edge = {__name = "Edge"}
local Row = {__name = "Row"}
local Path = {__name = "Path"}
local Evidence = {__name = "Evidence"}
local Ranked = {__name = "Ranked"}
local Subgraph = {__name = "Subgraph"}
local Traversal = {__name = "Traversal"}
local Pred = {__name = "P"}
local Graph = {__name = "Graph"}
Path.__index = Path
Evidence.__index = Evidence
-- (Ranked.__index and __len are set with the rankings below: an algorithm's ranking makes its
-- rows when they are read.)
Subgraph.__index = Subgraph
Traversal.__index = Traversal
Pred.__index = Pred
Graph.__index = Graph

local EDGE_TYPES = native.edge_types()
local LABELS = native.labels()
local EDGE_TYPE_SET, LABEL_SET = {}, {}
for _, t in ipairs(EDGE_TYPES) do EDGE_TYPE_SET[t] = true end
for _, l in ipairs(LABELS) do LABEL_SET[l] = true end

---------------------------------------------------------------------------------------------------
-- Errors that name the script line and the step.

-- "file:line: " of the innermost caller outside this prelude, so that a bad step is reported
-- where the user wrote it, however deep in the prelude it was noticed.
-- Every step records it when it is built, so it must be cheap: a query built inside a loop over
-- 100 k edges builds 200 k steps. tupu.call_site walks the stack in C.
local site = native.call_site

local kind_of  -- forward

local function article(word)
  return (word:match("^[aeiou]") and "an " or "a ") .. word
end

local function describe(x)
  local k = kind_of(x)
  if k == "node" then return "a node (" .. x.label .. " " .. x.name .. ")" end
  if k == "edge" then return "an edge (" .. x.type .. ")" end
  if k == "string" then return "a string (\"" .. x .. "\")" end
  if k == "nil" then return "nothing (nil)" end
  if k == "number" then return "a number (" .. tostring(x) .. ")" end
  return article(k)
end

local function arg_error(step, expected, got)
  error(site() .. step .. ": expected " .. expected .. ", got " .. describe(got), 0)
end

local function step_error(step, message)
  error((step.site or "") .. step.name .. ": " .. message, 0)
end

kind_of = function(x)
  local mt = getmetatable(x)
  if mt == Node then return "node"
  elseif mt == Edge then return "edge"
  elseif mt == Row then return "row"
  elseif mt == Path then return "path"
  elseif mt == Evidence then return "evidence"
  elseif mt == Traversal then return "traversal"
  elseif mt == Ranked then return "ranked result"
  elseif mt == Subgraph then return "subgraph"
  elseif mt == Pred then return "predicate"
  end
  return type(x)
end

---------------------------------------------------------------------------------------------------
-- Elements. Nodes are cached so that the same node is the same table (== works, and dedup keys
-- on the table): by their index in the graph snapshot (`_v`, which every node table carries) and
-- by id. A node a walk reaches starts as {_v = index} and gets its fields from the snapshot when
-- one is first read (Node.__index), so out():in_():count() builds no node it does not look at.

local by_vertex = setmetatable({}, {__mode = "v"})
local by_id = setmetatable({}, {__mode = "v"})

-- A node made by node_by_vertex, with its fields.
local function filled(n)
  if rawget(n, "id") == nil then
    native.fill_vertex(n)
    by_id[n.id] = n
  end
  return n
end

local function wrap_node(t)
  if t == nil then return nil end
  local v = rawget(t, "_v")
  local cached = (v ~= nil and by_vertex[v]) or by_id[t.id]
  if cached then return filled(cached) end
  setmetatable(t, Node)
  if v ~= nil then by_vertex[v] = t end
  by_id[t.id] = t
  return t
end

local function wrap_nodes(list)
  for i = 1, #list do list[i] = wrap_node(list[i]) end
  return list
end

local function wrap_edges(list)
  for i = 1, #list do setmetatable(list[i], Edge) end
  return list
end

local function node_by_id(id)
  local cached = by_id[id]
  if cached then return cached end
  return wrap_node(native.node(id))
end

local function node_by_vertex(v)
  local n = by_vertex[v]
  if n then return n end
  n = setmetatable({_v = v}, Node)
  by_vertex[v] = n
  return n
end

local function edge_at(index) return setmetatable(native.edge_at(index), Edge) end

local LABEL_PREFERENCE = {Person = 1, Organization = 2, Place = 3, Document = 4}

-- A node from a node, a name ("张三"), an id, or {label=, name=}; nil when there is none.
local function resolve_node(x, step)
  local k = kind_of(x)
  if k == "node" then return x end
  if k == "string" then
    if #x == 16 and x:match("^%x+$") then
      local n = node_by_id(x)
      if n then return n end
    end
    -- The node whose canonical name it is before one it is an alias of; then by label.
    local best, best_rank
    for i, n in ipairs(wrap_nodes(native.find(nil, x))) do
      local rank = (n.name == x and 0 or 1000) + LABEL_PREFERENCE[n.label] * 100 + math.min(i, 99)
      if best_rank == nil or rank < best_rank then best, best_rank = n, rank end
    end
    return best
  end
  if k == "table" and x.name then
    if x.label and not LABEL_SET[x.label] then
      arg_error(step, "a label (Person, Organization, Place, Document)", x.label)
    end
    return wrap_nodes(native.find(x.label, x.name))[1]
  end
  arg_error(step, "a node, a name or {label=, name=}", x)
end

local documents = {}
local function document(doc_id)
  local d = documents[doc_id]
  if d == nil then
    d = native.document(doc_id) or false
    documents[doc_id] = d
  end
  return d or nil
end

local NODE_FIELDS = {id = true, label = true, name = true, kind = true, mentions = true,
                     aliases = true, props = true}
Node.__index = function(n, key)
  local method = Node[key]
  if method ~= nil then return method end
  if NODE_FIELDS[key] then
    if rawget(n, "id") ~= nil then return nil end  -- filled: the field is absent (kind)
    return rawget(filled(n), key)
  end
  if Traversal[key] ~= nil and type(Traversal[key]) == "function" then
    -- n:out("VISITED") and friends: a traversal that starts at this node.
    return function(self, ...)
      local t = Traversal.__start({self})
      return t[key](t, ...)
    end
  end
  return nil
end
Node.__tostring = function(n) return n.label .. ":" .. n.name end
function Node:get(key) return self[key] ~= nil and self[key] or (self.props and self.props[key]) end

-- n:annotate(key, value): the user's own note on this node, kept in the database across
-- re-ingest and shown as the property note.<key>; nil or "" removes it. Needs --write.
function Node:annotate(key, value)
  if kind_of(self) ~= "node" then
    arg_error("annotate", "a node (call it as n:annotate(key, value))", self)
  end
  if type(key) ~= "string" or key == "" then
    arg_error("annotate", "a key (a non-empty string)", key)
  end
  local vt = type(value)
  if value ~= nil and vt ~= "string" and vt ~= "number" and vt ~= "boolean" then
    arg_error("annotate", "a value (a string) or nil to remove", value)
  end
  local text = value == nil and "" or tostring(value)
  native.annotate(self, key, text)
  -- This table is the one the node cache hands out: show the write at once. (A table not yet
  -- filled gets its fields from the reloaded snapshot when first read.)
  if rawget(self, "id") ~= nil then
    local prop, shown = "note." .. key, text ~= "" and text or nil
    local props = rawget(self, "props")
    if props == nil then props = {} rawset(self, "props", props) end
    props[prop] = shown
    if not NODE_FIELDS[prop] then rawset(self, prop, shown) end
  end
  return self
end

-- n:annotations(): {key = text, ...}, read from the database (empty table when none).
function Node:annotations()
  if kind_of(self) ~= "node" then
    arg_error("annotations", "a node (call it as n:annotations())", self)
  end
  return native.annotations(self)
end

Edge.__index = function(e, key)
  local method = Edge[key]
  if method ~= nil then return method end
  if Traversal[key] ~= nil and type(Traversal[key]) == "function" then
    return function(self, ...)
      local t = Traversal.__start({self})
      return t[key](t, ...)
    end
  end
  return nil
end
Edge.__tostring = function(e)
  local from, to = node_by_id(e.src), node_by_id(e.dst)
  local text = (from and from.name or e.src) .. " -" .. e.type .. "-> " .. (to and to.name or e.dst)
  if e.date then text = text .. " (" .. e.date .. ")" end
  return text
end
function Edge:source() return node_by_id(self.src) end
function Edge:target() return node_by_id(self.dst) end
function Edge:document() return document(self.doc) end
function Edge:get(key) return self[key] ~= nil and self[key] or (self.props and self.props[key]) end

-- A document's own Document node (named by its source key), which carries the page's address:
-- the store's document record has none. Looked up once per document.
local document_nodes = {}
local function document_node(doc)
  local n = document_nodes[doc.source_key]
  if n == nil then
    n = wrap_nodes(native.find("Document", doc.source_key))[1] or false
    document_nodes[doc.source_key] = n
  end
  return n or nil
end

-- The evidence of an edge: its document (key, title, date, source, address), sentence (index
-- and text), span and the quoted words.
function Edge:evidence()
  local doc = document(self.doc)
  local node = doc and document_node(doc)
  return setmetatable({
    edge = self,
    doc = doc and doc.source_key or self.doc,
    doc_id = self.doc,
    title = doc and doc.title or "",
    doc_date = doc and doc.date or "",
    source = doc and doc.source or "",
    url = node and node:get("url") or "",
    sentence = self.sentence,
    span = {self.span_begin, self.span_end},
    text = native.sentence(self.doc, self.sentence),
    quote = native.quote(self.doc, self.span_begin, self.span_end),
  }, Evidence)
end
Evidence.__tostring = function(ev) return ev.doc .. "#" .. ev.sentence .. ": " .. ev.text end

Path.__tostring = function(p)
  local parts = {}
  for i, x in ipairs(p) do
    local k = kind_of(x)
    if k == "node" then parts[#parts + 1] = x.name
    elseif k == "edge" then
      -- The arrow follows the fact's direction, whichever way the path walked it.
      local before = p[i - 1]
      if kind_of(before) == "node" and before.id == x.dst and x.src ~= x.dst then
        parts[#parts + 1] = "<-" .. x.type .. "-"
      else
        parts[#parts + 1] = "-" .. x.type .. "->"
      end
    else parts[#parts + 1] = tostring(x) end
  end
  return table.concat(parts, " ")
end
function Path:nodes()
  local out = {}
  for _, x in ipairs(self) do if kind_of(x) == "node" then out[#out + 1] = x end end
  return out
end
function Path:edges()
  local out = {}
  for _, x in ipairs(self) do if kind_of(x) == "edge" then out[#out + 1] = x end end
  return out
end

-- Rows keep their column order in a private key.
local COLUMNS = setmetatable({}, {__tostring = function() return "columns" end})
local function make_row(columns, values)
  local row = setmetatable(values or {}, Row)
  rawset(row, COLUMNS, columns)
  return row
end
Row.__index = function(r, key) return Row[key] end
function Row:columns() return rawget(self, COLUMNS) end
Row.__tostring = function(r)
  local parts = {}
  for _, c in ipairs(rawget(r, COLUMNS)) do parts[#parts + 1] = c .. "=" .. tostring(r[c]) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- The value of `key` on any element: fields, then properties; on edges also from/to (names) and
-- doc_key (the document's source key).
local function get_value(x, key)
  local k = kind_of(x)
  if k == "node" or k == "edge" then
    if k == "node" then filled(x) end
    local v = rawget(x, key)
    if v ~= nil then return v end
    if x.props and x.props[key] ~= nil then return x.props[key] end
    if k == "edge" then
      if key == "from" then local n = node_by_id(x.src) return n and n.name end
      if key == "to" then local n = node_by_id(x.dst) return n and n.name end
      if key == "doc_key" then local d = document(x.doc) return d and d.source_key end
    end
    return nil
  end
  if type(x) == "table" then return x[key] end
  return nil
end

---------------------------------------------------------------------------------------------------
-- Predicates: P.eq(3), P.gte("2022-05-01"), P.between(a, b), P.within{...}, P.contains("区").

local function pred(name, test) return setmetatable({name = name, test = test}, Pred) end
Pred.__tostring = function(p) return "P." .. p.name end

local function comparable(a, b)
  return a ~= nil and b ~= nil and type(a) == type(b) and (type(a) == "number" or type(a) == "string")
end

local P = {}
function P.eq(v) return pred("eq", function(x) return x == v end) end
function P.neq(v) return pred("neq", function(x) return x ~= v end) end
function P.gt(v) return pred("gt", function(x) return comparable(x, v) and x > v end) end
function P.gte(v) return pred("gte", function(x) return comparable(x, v) and x >= v end) end
function P.lt(v) return pred("lt", function(x) return comparable(x, v) and x < v end) end
function P.lte(v) return pred("lte", function(x) return comparable(x, v) and x <= v end) end
-- Gremlin's between: lower bound included, upper bound excluded.
function P.between(lo, hi)
  if lo == nil or hi == nil then arg_error("P.between", "two bounds", lo == nil and lo or hi) end
  return pred("between", function(x) return comparable(x, lo) and comparable(x, hi) and x >= lo and x < hi end)
end
local function value_set(step, ...)
  local values = select("#", ...) == 1 and type((...)) == "table" and (...) or {...}
  local set = {}
  for _, v in ipairs(values) do set[v] = true end
  return set
end
function P.within(...) local set = value_set("P.within", ...) return pred("within", function(x) return x ~= nil and set[x] == true end) end
function P.without(...) local set = value_set("P.without", ...) return pred("without", function(x) return not set[x] end) end
function P.contains(s)
  if type(s) ~= "string" then arg_error("P.contains", "a string", s) end
  return pred("contains", function(x) return type(x) == "string" and x:find(s, 1, true) ~= nil end)
end
function P.starts_with(s)
  if type(s) ~= "string" then arg_error("P.starts_with", "a string", s) end
  return pred("starts_with", function(x) return type(x) == "string" and x:sub(1, #s) == s end)
end
function P.matches(pattern)
  if type(pattern) ~= "string" then arg_error("P.matches", "a Lua pattern (string)", pattern) end
  return pred("matches", function(x) return type(x) == "string" and x:match(pattern) ~= nil end)
end
function P.test(p, x) return p.test(x) end

---------------------------------------------------------------------------------------------------
-- Traversals. A traversal is an immutable list of steps; each step maps a list of traversers
-- ({obj=, prev=}; prev links give path()) to a new list.

local function new_traversal(steps) return setmetatable({_steps = steps}, Traversal) end

local function add_step(t, name, run, extra)
  local steps = table.move(t._steps, 1, #t._steps, 1, {})
  local step = {name = name, run = run, site = site()}
  if extra then for k, v in pairs(extra) do step[k] = v end end
  steps[#steps + 1] = step
  return new_traversal(steps)
end

local function evaluate(t, travs)
  for _, step in ipairs(t._steps) do travs = step:run(travs) end
  return travs
end

local function traverser(obj, prev) return {obj = obj, prev = prev} end

-- A walk to nodes passes over edges that most queries never look at (out():in_():count()): it
-- records each as a traverser holding only the edge's index, made into an Edge table when a path
-- or otherV asks for it.
local function passed_edge(index, prev) return {edge_index = index, prev = prev} end
local function obj_of(tr)
  local obj = tr.obj
  if obj == nil and tr.edge_index ~= nil then
    obj = edge_at(tr.edge_index)
    tr.obj = obj
  end
  return obj
end

-- A traversal starting from the given elements (what n:out(...) and __ use).
function Traversal.__start(elements)
  return new_traversal({{name = "start", site = "", run = function(_, _)
    local out = {}
    for i, x in ipairs(elements) do out[i] = traverser(x) end
    return out
  end}})
end

-- The anonymous traversal `__`: __:out("VISITED") runs from whatever it is applied to.
local anonymous = new_traversal({})

local function is_traversal(x) return getmetatable(x) == Traversal end

-- Runs `t` from one traverser; its results.
local function run_from(t, tr)
  return evaluate(t, {traverser(tr.obj, tr.prev)})
end

-- True when `cond` (function, traversal or predicate) holds for traverser tr.
local function holds(cond, tr)
  if is_traversal(cond) then return #run_from(cond, tr) > 0 end
  if getmetatable(cond) == Pred then return cond.test(tr.obj) end
  local r = cond(tr.obj)
  if is_traversal(r) then return #evaluate(r, {}) > 0 end
  return r and true or false
end

local function check_condition(step, cond)
  local k = kind_of(cond)
  if k ~= "function" and k ~= "traversal" and k ~= "predicate" then
    arg_error(step, "a function, a traversal (__:out(...)) or a predicate (P.eq ...)", cond)
  end
end

-- Edge types from step arguments: none (all), names, or one list of names.
local function edge_types_of(step, ...)
  local n = select("#", ...)
  local types = (n == 1 and type((...)) == "table") and (...) or {...}
  for i, t in ipairs(types) do
    if type(t) ~= "string" then arg_error(step, "edge type names (e.g. \"VISITED\")", t) end
    if not EDGE_TYPE_SET[t] then
      error(site() .. step .. ": unknown edge type '" .. t .. "' (expected one of " ..
            table.concat(EDGE_TYPES, ", ") .. ")", 0)
    end
  end
  if #types == 0 then return {false} end  -- false = every type
  return types
end

-- The edges at `node` (out or in) of `types` ({false} = all), as two parallel arrays of snapshot
-- indices: the node at the other end and the edge. Same order as the store's keys.
local function adjacent(node, types, outgoing)
  local from = rawget(node, "_v") or node.id
  if #types == 1 then return native.walk(from, types[1] or nil, outgoing) end
  local vertices, edges = {}, {}
  for _, t in ipairs(types) do
    local vs, es = native.walk(from, t, outgoing)
    table.move(vs, 1, #vs, #vertices + 1, vertices)
    table.move(es, 1, #es, #edges + 1, edges)
  end
  return vertices, edges
end

local function expect_node(step, tr)
  if kind_of(tr.obj) ~= "node" then
    step_error(step, "expected nodes to step from, got " .. describe(tr.obj))
  end
  return tr.obj
end

local function expect_edge(step, tr)
  if kind_of(tr.obj) ~= "edge" then
    step_error(step, "expected edges, got " .. describe(tr.obj))
  end
  return tr.obj
end

-- out/in_/both and outE/inE/bothE share one walker: direction and whether to stop at the edge.
local function walk_step(name, outgoing, incoming, to_nodes)
  local dirs = {}
  if outgoing then dirs[#dirs + 1] = true end
  if incoming then dirs[#dirs + 1] = false end
  Traversal[name] = function(self, ...)
    local types = edge_types_of(name, ...)
    return add_step(self, name, function(step, travs)
      local out, n = {}, 0
      for _, tr in ipairs(travs) do
        local node = expect_node(step, tr)
        for _, dir in ipairs(dirs) do
          local vertices, edges = adjacent(node, types, dir)
          for i = 1, #edges do
            n = n + 1
            if to_nodes then
              out[n] = {obj = node_by_vertex(vertices[i]), prev = passed_edge(edges[i], tr)}
            else
              out[n] = traverser(edge_at(edges[i]), tr)
            end
          end
        end
      end
      return out
    end)
  end
end
walk_step("out", true, false, true)
walk_step("in_", false, true, true)
walk_step("both", true, true, true)
walk_step("outE", true, false, false)
walk_step("inE", false, true, false)
walk_step("bothE", true, true, false)

local function vertex_step(name, pick)
  Traversal[name] = function(self)
    return add_step(self, name, function(step, travs)
      local out = {}
      for _, tr in ipairs(travs) do
        local e = expect_edge(step, tr)
        for _, id in ipairs(pick(e, tr)) do
          local n = node_by_id(id)
          if n then out[#out + 1] = traverser(n, tr) end
        end
      end
      return out
    end)
  end
end
vertex_step("outV", function(e) return {e.src} end)
vertex_step("inV", function(e) return {e.dst} end)
vertex_step("bothV", function(e) return {e.src, e.dst} end)
-- otherV: the end that is not the node the traversal came from.
vertex_step("otherV", function(e, tr)
  local prev = tr.prev
  while prev and kind_of(obj_of(prev)) ~= "node" do prev = prev.prev end
  if prev and prev.obj.id == e.src then return {e.dst} end
  if prev and prev.obj.id == e.dst then return {e.src} end
  return {e.dst}
end)

local function keep_if(self, name, test)
  return add_step(self, name, function(step, travs)
    local out = {}
    for _, tr in ipairs(travs) do
      if test(tr, step) then out[#out + 1] = tr end
    end
    return out
  end)
end

-- has(key): the key is present; has(key, value): equal; has(key, P.xxx(...)): predicate holds.
function Traversal:has(key, value)
  if type(key) ~= "string" then arg_error("has", "a property name (string)", key) end
  local p = value
  if getmetatable(value) ~= Pred then
    if value == nil then
      p = pred("exists", function(x) return x ~= nil end)
    elseif type(value) == "function" then
      p = pred("fn", value)
    else
      p = P.eq(value)
    end
  end
  return keep_if(self, "has", function(tr) return p.test(get_value(tr.obj, key)) end)
end

function Traversal:has_label(...)
  local labels = {...}
  for _, l in ipairs(labels) do
    if not LABEL_SET[l] then arg_error("has_label", "a label (Person, Organization, Place, Document)", l) end
  end
  local set = {}
  for _, l in ipairs(labels) do set[l] = true end
  return keep_if(self, "has_label", function(tr) return set[get_value(tr.obj, "label")] == true end)
end

function Traversal:where(cond)
  check_condition("where", cond)
  return keep_if(self, "where", function(tr) return holds(cond, tr) end)
end

function Traversal:not_(cond)
  check_condition("not_", cond)
  return keep_if(self, "not_", function(tr) return not holds(cond, tr) end)
end

function Traversal:filter(fn)
  if type(fn) ~= "function" then arg_error("filter", "a function(element) -> boolean", fn) end
  return keep_if(self, "filter", function(tr) return fn(tr.obj) end)
end

function Traversal:map(fn)
  if type(fn) ~= "function" then arg_error("map", "a function(element) -> value", fn) end
  return add_step(self, "map", function(_, travs)
    local out = {}
    for _, tr in ipairs(travs) do
      local v = fn(tr.obj)
      if v ~= nil then out[#out + 1] = traverser(v, tr) end
    end
    return out
  end)
end

function Traversal:values(...)
  local keys = {...}
  if #keys == 0 then arg_error("values", "one or more property names", nil) end
  for _, k in ipairs(keys) do
    if type(k) ~= "string" then arg_error("values", "property names (strings)", k) end
  end
  return add_step(self, "values", function(_, travs)
    local out = {}
    for _, tr in ipairs(travs) do
      for _, k in ipairs(keys) do
        local v = get_value(tr.obj, k)
        if v ~= nil then out[#out + 1] = traverser(v, tr) end
      end
    end
    return out
  end)
end

-- How a `by` modulator (or an order/dedup key) reads a value from an element.
local function make_reader(step, by)
  local k = kind_of(by)
  if by == nil then return function(tr) return tr.obj end end
  if k == "string" then return function(tr) return get_value(tr.obj, by) end end
  if k == "function" then return function(tr) return by(tr.obj) end end
  if k == "traversal" then
    return function(tr)
      local r = run_from(by, tr)[1]
      return r and r.obj
    end
  end
  arg_error(step, "a property name, a function or a traversal", by)
end

-- project("a", "b") or project{"a", "b"}, then one :by(...) per column in order; a column
-- without a by reads the property of its own name.
function Traversal:project(...)
  local keys = (select("#", ...) == 1 and type((...)) == "table") and (...) or {...}
  if #keys == 0 then arg_error("project", "column names, e.g. project{\"name\", \"date\"}", nil) end
  for _, k in ipairs(keys) do
    if type(k) ~= "string" then arg_error("project", "column names (strings)", k) end
  end
  local columns = table.move(keys, 1, #keys, 1, {})
  return add_step(self, "project", function(step, travs)
    local readers = {}
    for i, c in ipairs(columns) do readers[i] = step.bys[i] or make_reader("by", c) end
    local out = {}
    for _, tr in ipairs(travs) do
      local values = {}
      for i, c in ipairs(columns) do values[c] = readers[i](tr) end
      out[#out + 1] = traverser(make_row(columns, values), tr)
    end
    return out
  end, {bys = {}, ncols = #columns})
end

function Traversal:by(how)
  local last = self._steps[#self._steps]
  if last == nil or last.name ~= "project" then
    error(site() .. "by: expected to follow project(...)", 0)
  end
  if #last.bys >= last.ncols then
    error(site() .. "by: project has " .. last.ncols .. " columns, this is by number " .. (#last.bys + 1), 0)
  end
  local reader = make_reader("by", how)
  local steps = table.move(self._steps, 1, #self._steps, 1, {})
  local copy = {}
  for k, v in pairs(last) do copy[k] = v end
  copy.bys = table.move(last.bys, 1, #last.bys, 1, {})
  copy.bys[#copy.bys + 1] = reader
  steps[#steps] = copy
  return new_traversal(steps)
end

local function identity_key(x)
  local k = kind_of(x)
  if k == "node" then return x end  -- one table per node (the caches above)
  if k == "edge" then return "e" .. x.id end
  if k == "row" or k == "path" or k == "evidence" then return tostring(x) end
  return x
end

function Traversal:dedup(by)
  local reader = by ~= nil and make_reader("dedup", by) or nil
  return add_step(self, "dedup", function(_, travs)
    local seen, out = {}, {}
    for _, tr in ipairs(travs) do
      local key = identity_key(reader and reader(tr) or tr.obj)
      if key == nil then key = "<nil>" end
      if not seen[key] then
        seen[key] = true
        out[#out + 1] = tr
      end
    end
    return out
  end)
end

-- Orders any mix of values: numbers, then strings, then the rest; nil last. Ties keep input order.
local TYPE_RANK = {number = 1, string = 2, boolean = 3}
local function sort_value(x)
  local k = kind_of(x)
  if k == "node" then return x.name end
  if k == "edge" then return x.date or "" end
  return x
end
local function less(a, b)
  if a == nil then return false end
  if b == nil then return true end
  local ta, tb = TYPE_RANK[type(a)] or 4, TYPE_RANK[type(b)] or 4
  if ta ~= tb then return ta < tb end
  if ta <= 2 then return a < b end
  return tostring(a) < tostring(b)
end

-- order(), order("date"), order("score", "desc"), order(function(x) ... end, "asc")
function Traversal:order(by, direction)
  if type(by) == "string" and (by == "desc" or by == "asc") and direction == nil then
    by, direction = nil, by
  end
  if direction ~= nil and direction ~= "asc" and direction ~= "desc" then
    arg_error("order", "\"asc\" or \"desc\"", direction)
  end
  local reader = make_reader("order", by)
  local desc = direction == "desc"
  return add_step(self, "order", function(_, travs)
    local keyed = {}
    for i, tr in ipairs(travs) do keyed[i] = {tr = tr, key = sort_value(reader(tr)), i = i} end
    table.sort(keyed, function(a, b)
      if desc then
        if less(b.key, a.key) then return true end
        if less(a.key, b.key) then return false end
      else
        if less(a.key, b.key) then return true end
        if less(b.key, a.key) then return false end
      end
      return a.i < b.i
    end)
    local out = {}
    for i, k in ipairs(keyed) do out[i] = k.tr end
    return out
  end)
end

local function check_count(step, n)
  if math.type(n) ~= "integer" or n < 0 then arg_error(step, "a whole number >= 0", n) end
end

function Traversal:limit(n)
  check_count("limit", n)
  return add_step(self, "limit", function(_, travs) return table.move(travs, 1, math.min(n, #travs), 1, {}) end)
end

function Traversal:skip(n)
  check_count("skip", n)
  return add_step(self, "skip", function(_, travs) return table.move(travs, n + 1, #travs, 1, {}) end)
end

function Traversal:range(lo, hi)
  check_count("range", lo)
  check_count("range", hi)
  return add_step(self, "range", function(_, travs) return table.move(travs, lo + 1, math.min(hi, #travs), 1, {}) end)
end

local function path_of(tr)
  local items = {}
  while tr do
    table.insert(items, 1, obj_of(tr))
    tr = tr.prev
  end
  return setmetatable(items, Path)
end

function Traversal:path()
  return add_step(self, "path", function(_, travs)
    local out = {}
    for i, tr in ipairs(travs) do out[i] = traverser(path_of(tr), tr) end
    return out
  end)
end

function Traversal:evidence()
  return add_step(self, "evidence", function(step, travs)
    local out = {}
    for i, tr in ipairs(travs) do out[i] = traverser(expect_edge(step, tr):evidence(), tr) end
    return out
  end)
end

-- repeat_(body):times(n) | :until_(cond) [:emit()]: runs body again and again. times alone gives
-- what is reached after exactly n rounds; until_ gives each traverser when cond first holds (at
-- most `times` rounds, default 16); emit also gives every intermediate result.
function Traversal:repeat_(body)
  if not is_traversal(body) then arg_error("repeat_", "a traversal such as __:out(\"VISITED\")", body) end
  return add_step(self, "repeat_", function(step, travs)
    if step.rounds == nil and step.until_cond == nil then
      step_error(step, "needs :times(n) or :until_(condition) after it")
    end
    local max = step.rounds or 16
    local out, current = {}, travs
    for _ = 1, max do
      if #current == 0 then break end
      current = evaluate(body, current)
      local continuing = {}
      for _, tr in ipairs(current) do
        if step.until_cond and holds(step.until_cond, tr) then
          out[#out + 1] = tr
        else
          if step.emit then out[#out + 1] = tr end
          continuing[#continuing + 1] = tr
        end
      end
      current = continuing
    end
    if step.until_cond == nil and not step.emit then return current end
    return out
  end)
end

local function modify_repeat(self, name, field, value)
  local last = self._steps[#self._steps]
  if last == nil or last.name ~= "repeat_" then
    error(site() .. name .. ": expected to follow repeat_(...)", 0)
  end
  local steps = table.move(self._steps, 1, #self._steps, 1, {})
  local copy = {}
  for k, v in pairs(last) do copy[k] = v end
  copy[field] = value
  steps[#steps] = copy
  return new_traversal(steps)
end

function Traversal:times(n)
  if math.type(n) ~= "integer" or n < 1 then arg_error("times", "a whole number >= 1", n) end
  return modify_repeat(self, "times", "rounds", n)
end
function Traversal:until_(cond)
  check_condition("until_", cond)
  return modify_repeat(self, "until_", "until_cond", cond)
end
function Traversal:emit() return modify_repeat(self, "emit", "emit", true) end

-- khop(n [, types...]): the distinct nodes within n hops (either direction), the start excluded.
function Traversal:khop(n, ...)
  if math.type(n) ~= "integer" or n < 1 then arg_error("khop", "a number of hops >= 1", n) end
  local types = edge_types_of("khop", ...)
  return add_step(self, "khop", function(step, travs)
    local out, seen = {}, {}
    local frontier = {}
    for _, tr in ipairs(travs) do
      local node = expect_node(step, tr)
      if not seen[node] then
        seen[node] = true
        frontier[#frontier + 1] = tr
      end
    end
    for _ = 1, n do
      local next_frontier = {}
      for _, tr in ipairs(frontier) do
        for _, dir in ipairs({true, false}) do
          local vertices, edges = adjacent(tr.obj, types, dir)
          for i = 1, #edges do
            local other = node_by_vertex(vertices[i])
            if not seen[other] then
              seen[other] = true
              local t2 = {obj = other, prev = passed_edge(edges[i], tr)}
              next_frontier[#next_frontier + 1] = t2
              out[#out + 1] = t2
            end
          end
        end
      end
      frontier = next_frontier
    end
    return out
  end)
end

---------------------------------------------------------------------------------------------------
-- Terminals.

local function results(t)
  local travs = evaluate(t, {})
  local out = {}
  for i, tr in ipairs(travs) do out[i] = tr.obj end
  return out, travs
end

function Traversal:list() return (results(self)) end
Traversal.to_list = Traversal.list
function Traversal:first() return results(self)[1] end
function Traversal:count() return #evaluate(self, {}) end
function Traversal:each(fn)
  if type(fn) ~= "function" then arg_error("each", "a function(element)", fn) end
  for _, x in ipairs(results(self)) do fn(x) end
end
-- for x in t:iter() do ... end
function Traversal:iter()
  local list = results(self)
  local i = 0
  return function()
    i = i + 1
    return list[i]
  end
end

local function display_key(v)
  local k = kind_of(v)
  if k == "node" then return v.name end
  if v == nil then return "(none)" end
  return v
end

-- entries: {key=, value=, element=}; sorted by value desc, then key, for stable output (already so
-- when `sorted`: the native rankings come in that order).
local function ranked(metric, key_column, entries, sorted)
  if not sorted then
    table.sort(entries, function(a, b)
      if a.value ~= b.value then return a.value > b.value end
      return tostring(a.key) < tostring(b.key)
    end)
  end
  local out = setmetatable({metric = metric, key_column = key_column}, Ranked)
  local columns = {key_column, metric}
  for i, e in ipairs(entries) do
    out[i] = make_row(columns, {[key_column] = e.key, [metric] = e.value, element = e.element})
  end
  return out
end

-- group_count(key|fn|traversal): how many traversers per value, most frequent first.
function Traversal:group_count(by)
  local reader = make_reader("group_count", by)
  local counts, order, elements = {}, {}, {}
  for _, tr in ipairs(evaluate(self, {})) do
    local raw = reader(tr)
    local key = display_key(raw)
    if counts[key] == nil then
      counts[key] = 0
      order[#order + 1] = key
      elements[key] = raw
    end
    counts[key] = counts[key] + 1
  end
  local entries = {}
  for _, key in ipairs(order) do
    entries[#entries + 1] = {key = key, value = counts[key], element = elements[key]}
  end
  return ranked("count", "key", entries)
end

function Ranked:top(n)
  check_count("top", n)
  local out = setmetatable({metric = self.metric, key_column = self.key_column}, Ranked)
  for i = 1, math.min(n, #self) do out[i] = self[i] end
  return out
end
function Ranked:get(key)
  for _, row in ipairs(self) do
    if row[self.key_column] == key then return row[self.metric] end
  end
  return nil
end
function Ranked:list() return table.move(self, 1, #self, 1, {}) end
Ranked.__tostring = function(r) return "ranked result (" .. #r .. " rows by " .. r.metric .. ")" end

---------------------------------------------------------------------------------------------------
-- Rendering: any result becomes columns + rows of cells, rendered by tupu.render.

local function cell(v)
  local k = kind_of(v)
  if v == nil then return "" end
  if k == "node" then return v.name end
  if k == "number" then
    if math.type(v) == "float" then return string.format("%.6g", v) end
    return tostring(v)
  end
  if k == "table" then
    local parts = {}
    for _, x in ipairs(v) do parts[#parts + 1] = cell(x) end
    return table.concat(parts, ", ")
  end
  return tostring(v)
end

local PREFERRED_EDGE_PROPS = {"title", "date", "time", "role", "what", "weight", "count"}

local function tabulate(items)
  local kinds = {}
  for _, x in ipairs(items) do kinds[kind_of(x)] = true end
  local only = next(kinds)
  if next(kinds, only) ~= nil then only = "mixed" end
  local columns, rows = {}, {}
  if only == "node" then
    columns = {"label", "name", "kind"}
    for i, n in ipairs(items) do rows[i] = {n.label, n.name, n.kind or ""} end
  elseif only == "edge" then
    local present = {}
    for _, e in ipairs(items) do for key in pairs(e.props or {}) do present[key] = true end end
    columns = {"type", "from", "to"}
    local props = {}
    for _, key in ipairs(PREFERRED_EDGE_PROPS) do
      if present[key] then props[#props + 1] = key present[key] = nil end
    end
    local rest = {}
    for key in pairs(present) do rest[#rest + 1] = key end
    table.sort(rest)
    for _, key in ipairs(rest) do props[#props + 1] = key end
    for _, key in ipairs(props) do columns[#columns + 1] = key end
    columns[#columns + 1] = "doc"
    for i, e in ipairs(items) do
      local row = {e.type, get_value(e, "from"), get_value(e, "to")}
      for _, key in ipairs(props) do row[#row + 1] = cell(e.props[key]) end
      row[#row + 1] = get_value(e, "doc_key") or e.doc
      rows[i] = row
    end
  elseif only == "row" then
    local seen = {}
    for _, r in ipairs(items) do
      for _, c in ipairs(rawget(r, COLUMNS)) do
        if not seen[c] then seen[c] = true columns[#columns + 1] = c end
      end
    end
    for i, r in ipairs(items) do
      local row = {}
      for j, c in ipairs(columns) do row[j] = cell(r[c]) end
      rows[i] = row
    end
  elseif only == "evidence" then
    columns = {"doc", "sentence", "quote", "text"}
    for i, ev in ipairs(items) do rows[i] = {ev.doc, tostring(ev.sentence), ev.quote, ev.text} end
  elseif only == "path" then
    columns = {"path"}
    for i, p in ipairs(items) do rows[i] = {tostring(p)} end
  elseif only == "table" then
    local seen = {}
    for _, t in ipairs(items) do
      for key in pairs(t) do
        if type(key) == "string" and not seen[key] then seen[key] = true columns[#columns + 1] = key end
      end
    end
    table.sort(columns)
    for i, t in ipairs(items) do
      local row = {}
      for j, c in ipairs(columns) do row[j] = cell(t[c]) end
      rows[i] = row
    end
  else
    columns = {"value"}
    for i, x in ipairs(items) do rows[i] = {cell(x)} end
  end
  return columns, rows
end

local function check_show_options(opts)
  if opts ~= nil and type(opts) ~= "table" then
    arg_error("show", "options {mode=, maxrows=, maxwidth=}", opts)
  end
  if opts and opts.mode ~= nil and type(opts.mode) ~= "string" then
    arg_error("show", "mode = \"table\", \"csv\", \"json\" or \"markdown\"", opts.mode)
  end
  return opts
end

local function show_items(items, opts)
  local columns, rows = tabulate(items)
  native.write(native.render(columns, rows, opts))
end

function Traversal:show(opts) show_items(results(self), check_show_options(opts)) end
function Ranked:show(opts) show_items(self, check_show_options(opts)) end
function Node:show(opts) show_items({self}, check_show_options(opts)) end
function Edge:show(opts) show_items({self}, check_show_options(opts)) end
function Evidence:show(opts) show_items({self}, check_show_options(opts)) end
function Path:show(opts) show_items({self}, check_show_options(opts)) end
function Row:show(opts) show_items({self}, check_show_options(opts)) end

-- tupu.show(list_or_value [, opts]): renders a Lua list of elements, rows or plain tables.
function native.show(x, opts)
  check_show_options(opts)
  local k = kind_of(x)
  if k == "traversal" or k == "ranked result" or k == "subgraph" then return x:show(opts) end
  if k == "table" and (#x > 0 or next(x) == nil) then return show_items(x, opts) end
  return show_items({x}, opts)
end

-- tupu.table(columns, rows): a list of rows for show, from plain arrays.
function native.rows(columns, list)
  local out = {}
  for i, values in ipairs(list) do
    local r = {}
    for j, c in ipairs(columns) do r[c] = values[j] end
    out[i] = make_row(columns, r)
  end
  return out
end

---------------------------------------------------------------------------------------------------
-- Subgraphs: the edges a traversal reached (and their endpoints), to show or export.

function Traversal:subgraph()
  local edges, seen = {}, {}
  local function add(e)
    if not seen[e.id] then seen[e.id] = true edges[#edges + 1] = e end
  end
  for _, x in ipairs(results(self)) do
    local k = kind_of(x)
    if k == "edge" then add(x)
    elseif k == "path" then for _, e in ipairs(x:edges()) do add(e) end
    elseif k == "evidence" then add(x.edge) end
  end
  return setmetatable({_edges = edges}, Subgraph)
end
function Subgraph:edges() return table.move(self._edges, 1, #self._edges, 1, {}) end
function Subgraph:nodes()
  local out, seen = {}, {}
  for _, e in ipairs(self._edges) do
    for _, id in ipairs({e.src, e.dst}) do
      if not seen[id] then
        seen[id] = true
        local n = node_by_id(id)
        if n then out[#out + 1] = n end
      end
    end
  end
  return out
end
function Subgraph:show(opts) show_items(self._edges, check_show_options(opts)) end
Subgraph.__tostring = function(s) return "subgraph (" .. #s:nodes() .. " nodes, " .. #s._edges .. " edges)" end

-- sub:export(path [, format]): through graph/export.h; the format from the argument or the path's
-- extension (.graphml/.xml, .gexf, .dot/.gv, .json; .csv or a trailing "/" is a folder that gets
-- nodes.csv and edges.csv in Neo4j's import form).
function Subgraph:export(path, format)
  if type(path) ~= "string" then arg_error("export", "a file path", path) end
  if format ~= nil and type(format) ~= "string" then
    arg_error("export", "a format name (graphml, gexf, dot, json, csv)", format)
  end
  local ids = {}
  for i, e in ipairs(self._edges) do ids[i] = e.id end
  native.export(ids, path, format)
  return self
end

---------------------------------------------------------------------------------------------------
-- Algorithms: graph/algorithms.h on the in-memory snapshot (loaded once, on first use), each on
-- the graph of the chosen edges (default: every edge) and its endpoints. They return ranked
-- results (show, top(n), get(name)).

local function check_algo_options(step, opts)
  if opts ~= nil and type(opts) ~= "table" then arg_error(step, "options {edges=, ...}", opts) end
  opts = opts or {}
  local types = opts.edges
  if type(types) == "string" then types = {types} end
  if types ~= nil and type(types) ~= "table" then arg_error(step, "edges = a list of edge types", types) end
  types = edge_types_of(step, types or {})
  if types[1] == false then types = {} end
  if opts.direction ~= nil and opts.direction ~= "out" and opts.direction ~= "in" and opts.direction ~= "both" then
    arg_error(step, "direction = \"out\", \"in\" or \"both\"", opts.direction)
  end
  if opts.label ~= nil and not LABEL_SET[opts.label] then
    arg_error(step, "label = Person, Organization, Place or Document", opts.label)
  end
  return opts, types
end

-- An algorithm's ranking: the natives' vertex indices and scores (best first, ties by name, only
-- nodes of the label asked for). Row i (name, score, the node) is made when it is first read:
-- g:pagerank():top(10) on a million vertices makes ten rows, not a million nodes.
local function ranking_of(metric, vertices, scores)
  return setmetatable({metric = metric, key_column = "name", _vertices = vertices,
                       _scores = scores}, Ranked)
end

Ranked.__index = function(r, key)
  if math.type(key) == "integer" then
    local vertices = rawget(r, "_vertices")
    local v = vertices and vertices[key]
    if v == nil then return nil end
    local n = filled(node_by_vertex(v))
    local row = make_row({"name", r.metric}, {name = n.name, [r.metric] = r._scores[key],
                                              element = n})
    rawset(r, key, row)
    return row
  end
  return Ranked[key]
end
Ranked.__len = function(r)
  local vertices = rawget(r, "_vertices")
  if vertices then return #vertices end
  return rawlen(r)
end

function Graph:degree(opts)
  local o, types = check_algo_options("degree", opts)
  local vertices, counts = native.degree(types, o.direction, o.label)
  return ranking_of("degree", vertices, counts)
end

-- PageRank as networkx computes it; edges count both ways unless direction = "out" (or "in");
-- weight = "weight" weighs CO_MENTIONED edges by their sentence count.
function Graph:pagerank(opts)
  local o, types = check_algo_options("pagerank", opts)
  local damping = o.damping or 0.85
  if type(damping) ~= "number" or damping <= 0 or damping >= 1 then
    arg_error("pagerank", "damping between 0 and 1", damping)
  end
  if o.iterations ~= nil and (math.type(o.iterations) ~= "integer" or o.iterations < 1) then
    arg_error("pagerank", "iterations = a positive integer", o.iterations)
  end
  if o.weight ~= nil and o.weight ~= "weight" and o.weight ~= true and o.weight ~= false then
    arg_error("pagerank", "weight = \"weight\" (CO_MENTIONED's sentence count)", o.weight)
  end
  local weighted = o.weight == "weight" or o.weight == true
  local vertices, scores = native.pagerank(types, o.direction, weighted, damping, o.iterations,
                                           o.label)
  return ranking_of("pagerank", vertices, scores)
end

-- Betweenness centrality (Brandes) on the simple graph of the edges; unnormalised unless
-- normalized = true (networkx's default).
function Graph:betweenness(opts)
  local o, types = check_algo_options("betweenness", opts)
  local vertices, scores = native.betweenness(types, o.direction, o.normalized == true, o.label)
  return ranking_of("betweenness", vertices, scores)
end

-- Connected components (edges taken both ways), largest first.
function Graph:components(opts)
  local _, types = check_algo_options("components", opts)
  local entries = {}
  for _, members in ipairs(native.components(types)) do
    local names = {}
    for _, n in ipairs(members) do names[#names + 1] = n.name end
    table.sort(names)
    entries[#entries + 1] = {key = table.concat(names, "、", 1, math.min(#names, 8)) ..
        (#names > 8 and " …" or ""), value = #members, element = names}
  end
  return ranked("size", "members", entries)
end

-- shortest_path(a, b [, {edges=, direction=}]): a Path (nodes and edges) or nil. a, b: nodes or
-- names. The fewest hops; among equals the path through edges earlier in the snapshot's order.
function Graph:shortest_path(a, b, opts)
  local from = resolve_node(a, "shortest_path")
  local to = resolve_node(b, "shortest_path")
  if from == nil then error(site() .. "shortest_path: no node named " .. tostring(a), 0) end
  if to == nil then error(site() .. "shortest_path: no node named " .. tostring(b), 0) end
  local o, types = check_algo_options("shortest_path", opts)
  if from.id == to.id then return setmetatable({from}, Path) end
  local items = native.shortest_path(from.id, to.id, types, o.direction)
  if items == nil then return nil end
  for i, x in ipairs(items) do
    if i % 2 == 1 then items[i] = wrap_node(x) else setmetatable(x, Edge) end
  end
  return setmetatable(items, Path)
end

---------------------------------------------------------------------------------------------------
-- g: where traversals start.

-- g:V() every node; g:V{label=, name=, kind=, id=}; g:V("name") the nodes of that name or alias.
function Graph:V(spec)
  if getmetatable(self) ~= Graph then error(site() .. "V: call it as g:V(...), with a colon", 0) end
  local k = kind_of(spec)
  if spec ~= nil and k ~= "table" and k ~= "string" then
    arg_error("V", "{label=, name=, kind=} or a name", spec)
  end
  if k == "string" then spec = {name = spec} end
  spec = spec or {}
  for key in pairs(spec) do
    if key ~= "label" and key ~= "name" and key ~= "kind" and key ~= "id" and key ~= "note" and
       key ~= "region" then
      error(site() .. "V: unknown key '" .. tostring(key) ..
            "' (expected label, name, kind, id, note or region)", 0)
    end
  end
  if spec.label ~= nil and not LABEL_SET[spec.label] then
    arg_error("V", "label = Person, Organization, Place or Document", spec.label)
  end
  -- note = "key": nodes annotated with that key; note = true: nodes with any annotation.
  local note = spec.note
  if note ~= nil and note ~= true and (type(note) ~= "string" or note == "") then
    arg_error("V", "note = an annotation key (string) or true (any)", note)
  end
  -- region = "湖州市" or "浙江省/湖州市": documents about it, and nodes scoped in it (a part of
  -- a region path, or its start).
  local region = spec.region
  if region ~= nil and (type(region) ~= "string" or region == "") then
    arg_error("V", "region = a region's name or path (\"浙江省/湖州市\")", region)
  end
  local function in_region(n)
    if region == nil then return true end
    local props = n.props or {}
    local path = props.region or props.scope
    if path == nil then return false end
    return path:sub(1, #region + 1) == region .. "/" or path == region or
           ("/" .. path .. "/"):find("/" .. region .. "/", 1, true) ~= nil
  end
  local function annotated(n)
    if not in_region(n) then return false end
    if note == nil then return true end
    local props = n.props
    if props == nil then return false end
    if note ~= true then return props["note." .. note] ~= nil end
    for key in pairs(props) do
      if key:sub(1, 5) == "note." then return true end
    end
    return false
  end
  return add_step(new_traversal({}), "V", function(_, _)
    local out = {}
    if spec.id or spec.name then
      local nodes = spec.id and {node_by_id(spec.id)} or wrap_nodes(native.find(spec.label, spec.name))
      for _, n in ipairs(nodes) do
        if (spec.kind == nil or n.kind == spec.kind) and annotated(n) then
          out[#out + 1] = traverser(n)
        end
      end
      return out
    end
    -- Every node (of a label, of a kind): indices from the snapshot, nodes filled when read (a
    -- note filter reads their properties).
    for _, v in ipairs(native.scan_vertices(spec.label, spec.kind)) do
      local n = node_by_vertex(v)
      if annotated(n) then out[#out + 1] = traverser(n) end
    end
    return out
  end)
end

local function load_edges(types)
  local edges = {}
  for _, t in ipairs(types) do
    for _, e in ipairs(native.scan_edges(t or nil)) do edges[#edges + 1] = setmetatable(e, Edge) end
  end
  return edges
end

-- g:E() every edge; g:E("VISITED") or g:E("VISITED", "ACCOMPANIED") edges of those types.
function Graph:E(...)
  if getmetatable(self) ~= Graph then error(site() .. "E: call it as g:E(...), with a colon", 0) end
  local types = edge_types_of("E", ...)
  return add_step(new_traversal({}), "E", function(_, _)
    local out = {}
    for _, e in ipairs(load_edges(types)) do out[#out + 1] = traverser(e) end
    return out
  end)
end

-- Direct (non-chained) accessors for scripts that prefer plain lists.
function Graph:node(x, label)
  if label ~= nil then return resolve_node({label = label, name = x}, "node") end
  return resolve_node(x, "node")
end
function Graph:nodes(label) return self:V(label and {label = label} or nil):list() end
function Graph:edges(...) return self:E(...):list() end
function Graph:evidence(e)
  if kind_of(e) ~= "edge" then arg_error("evidence", "an edge", e) end
  return e:evidence()
end
function Graph:document(id) return document(id) end
function Graph:counts() return native.counts() end

-- g:schema(): labels and edge types with their counts (the shell's .schema).
function Graph:schema()
  local counts = native.schema_counts()
  local rows = {}
  for _, l in ipairs(LABELS) do
    if counts["node " .. l] then rows[#rows + 1] = make_row({"kind", "name", "count"}, {kind = "label", name = l, count = counts["node " .. l]}) end
  end
  for _, t in ipairs(EDGE_TYPES) do
    if counts["edge " .. t] then rows[#rows + 1] = make_row({"kind", "name", "count"}, {kind = "edge type", name = t, count = counts["edge " .. t]}) end
  end
  return rows
end

Graph.__tostring = function() return "g (the tupu graph; try g:schema(), g:V{label=\"Person\"}:show())" end

---------------------------------------------------------------------------------------------------
-- Shell support.

-- What the shell prints for an expression's values.
function native._display(...)
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    local k = kind_of(v)
    if k == "traversal" or k == "ranked result" or k == "subgraph" or k == "node" or k == "edge" or
       k == "evidence" or k == "path" or k == "row" then
      v:show()
    elseif k == "table" and #v > 0 then
      show_items(v)
    else
      print(tostring(v))
    end
  end
end

function native._completion_words()
  local words = {}
  local seen = {}
  local function add(w) if not seen[w] then seen[w] = true words[#words + 1] = w end end
  for _, class in ipairs({Traversal, Graph, Node, Edge, Ranked, Subgraph, Path}) do
    for name, v in pairs(class) do
      if type(name) == "string" and type(v) == "function" and not name:match("^_") then add(name) end
    end
  end
  for name in pairs(P) do add("P." .. name) end
  for _, l in ipairs(LABELS) do add(l) end
  for _, t in ipairs(EDGE_TYPES) do add(t) end
  for name in pairs(_G) do if type(name) == "string" then add(name) end end
  table.sort(words)
  return words
end

---------------------------------------------------------------------------------------------------
-- "No step outX on a traversal; did you mean out, outE or outV?" instead of Lua's "attempt to call
-- a nil value (method 'outX')", as the shell's .help does for dot commands.

-- The steps a user may call on each kind of object (a node or an edge also starts a traversal).
local STEP_CLASSES = {traversal = {Traversal}, node = {Node, Traversal}, edge = {Edge, Traversal},
                      ["ranked result"] = {Ranked}, subgraph = {Subgraph}, graph = {Graph}}

local function step_names(kind)
  local names = {}
  for _, class in ipairs(STEP_CLASSES[kind] or {}) do
    for name, v in pairs(class) do
      if type(name) == "string" and type(v) == "function" and not name:match("^_") then
        names[#names + 1] = name
      end
    end
  end
  return names
end

local function no_step_message(kind, name)
  local where = kind == "graph" and "the graph g" or article(kind)
  local message = "no step " .. name .. " on " .. where
  local near = native.did_you_mean(name, step_names(kind))
  return near and message .. "; did you mean " .. near .. "?" or message
end

-- The message for a method call that found nothing on `x` (nil when x is none of ours). Called by
-- the runtime's message handler, which sees the receiver of a failed call (lua_runtime.cc): nodes
-- and edges cannot raise in __index, since a missing property must stay nil (n.kind, e.date).
function native._no_step_message(x, name)
  local mt = getmetatable(x)
  local kind = mt == Graph and "graph" or kind_of(x)
  if type(name) ~= "string" or STEP_CLASSES[kind] == nil then return nil end
  return no_step_message(kind, name)
end

-- Traversals, rankings and subgraphs have no fields a user reads by name (their own start with
-- "_", and a ranking's metric and key_column are set on it), so a name they lack is a typo of a
-- step: say so where it was typed, whether it is called or only read.
local function strict_index(class, kind, fallback)
  return function(self, key)
    local v = fallback and fallback(self, key)
    if v == nil then v = class[key] end
    if v ~= nil or type(key) ~= "string" or key:match("^_") then return v end
    error(site() .. no_step_message(kind, key), 0)
  end
end
Traversal.__index = strict_index(Traversal, "traversal")
Subgraph.__index = strict_index(Subgraph, "subgraph")
local ranked_rows = Ranked.__index
Ranked.__index = strict_index(Ranked, "ranked result", function(r, key)
  if math.type(key) == "integer" then return ranked_rows(r, key) end
end)

native.kind_of = kind_of
native.get_value = get_value
native.Path = Path

_G.g = setmetatable({}, Graph)
_G.P = P
_G.__ = anonymous
