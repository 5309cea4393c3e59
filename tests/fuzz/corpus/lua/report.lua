-- report.lua: a Markdown report — per official: positions, visit timeline, who accompanied
-- them, co-mentioned officials; every fact with its quote and document.
-- Usage: tupu run queries/report.lua > report.md
local out = {}
local function say(line) out[#out + 1] = line or "" end
local function quote(e)
  local ev = e:evidence()
  return "> " .. ev.text .. " — *" .. ev.doc .. "*"
end

local counts = g:counts()
say("# Officials and their visits")
say()
say(string.format("%d documents, %d entities, %d facts.", counts.documents, counts.nodes, counts.edges))
say()

-- Officials: people with a position or a visit, most visits first.
local officials = g:V{label = "Person"}
  :where(function(p) return p:outE("HOLDS_POSITION", "VISITED"):count() > 0 end)
  :list()
local visits = {}
for _, p in ipairs(officials) do visits[p.id] = p:outE("VISITED"):count() end
table.sort(officials, function(a, b)
  if visits[a.id] ~= visits[b.id] then return visits[a.id] > visits[b.id] end
  return a.name < b.name
end)

local function by_date(list)
  table.sort(list, function(a, b)
    local x, y = a.date or "", b.date or ""
    if x ~= y then return x < y end
    return a.id < b.id
  end)
  return list
end

for _, p in ipairs(officials) do
  say("## " .. p.name)
  say()
  local positions = p:outE("HOLDS_POSITION"):list()
  if #positions > 0 then
    say("### Positions")
    say()
    for _, e in ipairs(by_date(positions)) do
      say("- " .. e:target().name .. (e.title or ""))
      say()
      say("  " .. quote(e))
    end
    say()
  end
  local vs = p:outE("VISITED"):list()
  if #vs > 0 then
    say("### Visits")
    say()
    for _, e in ipairs(by_date(vs)) do
      say("- " .. (e.date or "date unknown") .. " — " .. e:target().name)
      say()
      say("  " .. quote(e))
    end
    say()
  end
  local companions = p:inE("ACCOMPANIED"):list()
  if #companions > 0 then
    say("### Accompanied by")
    say()
    for _, e in ipairs(by_date(companions)) do
      say("- " .. e:source().name .. (e.date and (" (" .. e.date .. ")") or ""))
      say()
      say("  " .. quote(e))
    end
    say()
  end
  local co = p:both("CO_MENTIONED"):has("label", "Person"):dedup():values("name"):order():list()
  if #co > 0 then
    say("### Mentioned with")
    say()
    say(table.concat(co, "、"))
    say()
  end
end
tupu.write(table.concat(out, "\n") .. "\n")
