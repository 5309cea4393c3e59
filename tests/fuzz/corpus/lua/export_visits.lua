-- export_visits.lua FILE: the visit subgraph (officials, the offices and places they visited,
-- one edge per visit) as GraphML for Gephi, yEd, Cytoscape, networkx or igraph. The format
-- follows FILE's extension (.graphml, .csv).
-- Usage: tupu run queries/export_visits.lua visits.graphml
local path = arg[1]
if not path then error("usage: tupu run queries/export_visits.lua FILE.graphml", 0) end
local sub = g:E("VISITED"):subgraph()
sub:export(path)
print(string.format("wrote %d nodes and %d visits to %s", #sub:nodes(), #sub:edges(), path))
