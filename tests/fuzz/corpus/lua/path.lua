-- path.lua A B: the shortest chain of facts linking two entities (names or aliases), each step
-- with the sentence it rests on.
-- Usage: tupu run queries/path.lua A B [EDGE_TYPE,...]
local a, b, types = arg[1], arg[2], arg[3]
if not a or not b then error("usage: tupu run queries/path.lua A B [EDGE_TYPE,...]", 0) end
local edges = nil
if types then
  edges = {}
  for t in types:gmatch("[^,]+") do edges[#edges + 1] = t end
else
  -- Document links (MENTIONED_IN, AUTHORED) would join everything in one article: leave them out.
  edges = {"HOLDS_POSITION", "VISITED", "ACCOMPANIED", "PRESIDED", "ATTENDED", "DONATED_TO",
           "PART_OF", "CO_MENTIONED"}
end
local path = g:shortest_path(a, b, {edges = edges})
if not path then
  print("no path between " .. a .. " and " .. b)
  return
end
print(tostring(path))
local rows = {}
for i, e in ipairs(path:edges()) do
  local ev = e:evidence()
  rows[#rows + 1] = {i, e:source().name, e.type, e:target().name, ev.doc, ev.text}
end
tupu.show(tupu.rows({"step", "from", "fact", "to", "document", "evidence"}, rows))
