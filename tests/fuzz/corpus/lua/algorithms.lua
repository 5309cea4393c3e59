g:pagerank{edges={"CO_MENTIONED"}}:top(10):show()
local p = g:V{label="Person"}:limit(2):toList()
if #p == 2 then print(g:shortest_path(p[1].name, p[2].name)) end
g:E("VISITED"):subgraph():export("x.graphml")
