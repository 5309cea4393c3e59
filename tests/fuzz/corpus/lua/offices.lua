-- offices.lua: offices and places by the number of distinct officials who visited them.
-- Usage: tupu run queries/offices.lua [csv|json|markdown]
local mode = arg and arg[1] or nil
local rows = {}
for place in g:V():where(__:inE("VISITED")):iter() do
  local officials = place:in_("VISITED"):dedup():values("name"):order():list()
  local visits = place:inE("VISITED"):count()
  rows[#rows + 1] = {place.name, place.label, place.kind or "", #officials, visits, table.concat(officials, "、")}
end
table.sort(rows, function(a, b)
  if a[4] ~= b[4] then return a[4] > b[4] end
  if a[5] ~= b[5] then return a[5] > b[5] end
  return a[1] < b[1]
end)
tupu.show(tupu.rows({"visited", "label", "kind", "officials", "visits", "who"}, rows), {mode = mode})
