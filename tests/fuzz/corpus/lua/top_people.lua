-- top_people.lua: officials ranked by PageRank over who-meets-whom edges (co-mention,
-- accompaniment, visits), with their degree and number of visits.
-- Usage: tupu run queries/top_people.lua [N] [csv|json|markdown]
local n = tonumber(arg and arg[1]) or 20
local mode = arg and arg[2] or nil
local edges = {"CO_MENTIONED", "ACCOMPANIED", "VISITED", "HOLDS_POSITION"}
local rank = g:pagerank{edges = edges, label = "Person"}
local degree = g:degree{edges = edges, label = "Person"}
local rows = {}
for i, r in ipairs(rank) do
  if i > n then break end
  local person = r.element
  rows[#rows + 1] = {i, r.name, string.format("%.4f", r.pagerank), degree:get(r.name) or 0,
                     person:outE("VISITED"):count()}
end
tupu.show(tupu.rows({"rank", "official", "pagerank", "degree", "visits"}, rows), {mode = mode})
