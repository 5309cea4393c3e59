-- accompany.lua: who accompanied whom — one row per ACCOMPANIED fact, with the places the host
-- visited in the same article on that date, and the sentence.
-- Usage: tupu run queries/accompany.lua [csv|json|markdown]
local mode = arg and arg[1] or nil
local rows = {}
for a in g:E("ACCOMPANIED"):iter() do
  local companion, host = a:source(), a:target()
  local places, seen = {}, {}
  for v in host:outE("VISITED"):iter() do
    if v.doc == a.doc and (a.date == nil or v.date == nil or v.date == a.date) then
      local p = v:target().name
      if not seen[p] then seen[p] = true places[#places + 1] = p end
    end
  end
  table.sort(places)
  local ev = a:evidence()
  rows[#rows + 1] = {a.date or ev.doc_date or "", companion.name, host.name, table.concat(places, "、"), ev.doc, ev.text}
end
table.sort(rows, function(x, y)
  for i = 1, 6 do if x[i] ~= y[i] then return x[i] < y[i] end end
  return false
end)
tupu.show(tupu.rows({"date", "companion", "accompanied", "visits", "document", "evidence"}, rows), {mode = mode})
