-- timeline.lua NAME: one official's positions and visits in date order, with who accompanied.
-- Usage: tupu run queries/timeline.lua NAME [csv|json|markdown]
local name, mode = arg[1], arg[2]
if not name then error("usage: tupu run queries/timeline.lua NAME", 0) end
local person = g:V{label = "Person", name = name}:first()
if not person then error("no official named " .. name .. " (try: g:V{label='Person'}:show())", 0) end

local rows = {}
for e in person:outE("HOLDS_POSITION"):iter() do
  local ev = e:evidence()
  rows[#rows + 1] = {ev.doc_date or "", "position", (e:target().name) .. (e.title or ""), "", ev.doc, ev.text}
end

-- Companions of a visit: ACCOMPANIED edges into this person from the same document and date.
local function companions(visit)
  local names, seen = {}, {}
  for a in person:inE("ACCOMPANIED"):iter() do
    if a.doc == visit.doc and (a.date == nil or visit.date == nil or a.date == visit.date) then
      local who = a:source().name
      if not seen[who] then seen[who] = true names[#names + 1] = who end
    end
  end
  table.sort(names)
  return table.concat(names, "、")
end

for e in person:outE("VISITED"):iter() do
  local ev = e:evidence()
  rows[#rows + 1] = {e.date or ev.doc_date or "", "visit", e:target().name, companions(e), ev.doc, ev.text}
end
table.sort(rows, function(a, b)
  for i = 1, 6 do if a[i] ~= b[i] then return a[i] < b[i] end end
  return false
end)
-- Other names only: "title + name" aliases repeat what the position rows already say.
local other_names = {}
for _, alias in ipairs(person.aliases) do
  if alias:sub(-#person.name) ~= person.name then other_names[#other_names + 1] = alias end
end
print(person.name .. (#other_names > 0 and (" (" .. table.concat(other_names, "、") .. ")") or ""))
tupu.show(tupu.rows({"date", "what", "where", "accompanied by", "document", "evidence"}, rows), {mode = mode})
