-- report.lua: a Markdown report — per official: positions, visit timeline, who accompanied
-- them, co-mentioned officials; every fact with its quote and document.
-- A position is told once however many articles name it: grouped by title and organisation, with
-- its first and last date, the number of documents and the earliest quote; a title that changed
-- within one organisation (副书记 in May, 书记 in October) is said in a line of its own.
-- Usage: tupu run queries/report.lua > report.md
local out = {}
local function say(line) out[#out + 1] = line or "" end
-- Where a fact was read: the page's source and web address when the page gave them (saved web
-- pages, .jsonl with `source`/`url`), else the document's key (its file).
local function where(ev)
  local place = ev.url ~= "" and ev.url or ev.doc
  return ev.source ~= "" and (ev.source .. ", " .. place) or place
end
local function quote(e)
  local ev = e:evidence()
  return "> " .. ev.text .. " — *" .. where(ev) .. "*"
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

-- Positions: one group per (organisation, title), its edges in date order (by_date: undated ones
-- first, so the earliest *dated* edge is looked for rather than taken as the first).
local function position_groups(p)
  local groups, order = {}, {}
  for _, e in ipairs(by_date(p:outE("HOLDS_POSITION"):list())) do
    local org = e:target()
    local key = org.id .. "\0" .. (e.title or "")
    local group = groups[key]
    if group == nil then
      group = {org = org, title = e.title or "", edges = {}, docs = {}, sources = 0}
      groups[key] = group
      order[#order + 1] = group
    end
    group.edges[#group.edges + 1] = e
    if not group.docs[e.doc] then
      group.docs[e.doc] = true
      group.sources = group.sources + 1
    end
    if e.date then
      group.first = group.first or e.date
      group.last = e.date
      group.quoted = group.quoted or e  -- the earliest dated edge
    end
  end
  for _, group in ipairs(order) do group.quoted = group.quoted or group.edges[1] end
  return order
end

-- Organisations in the order of their earliest date, then by name; titles within one the same way.
-- Undated groups come after dated ones ("~" sorts after digits).
local function sort_groups(groups)
  local org_first = {}
  for _, grp in ipairs(groups) do
    local d = grp.first or "~"
    if org_first[grp.org.id] == nil or d < org_first[grp.org.id] then org_first[grp.org.id] = d end
  end
  table.sort(groups, function(a, b)
    if a.org.id ~= b.org.id then
      local x, y = org_first[a.org.id], org_first[b.org.id]
      if x ~= y then return x < y end
      return a.org.name < b.org.name
    end
    local x, y = a.first or "~", b.first or "~"
    if x ~= y then return x < y end
    return a.title < b.title
  end)
  return groups
end

local function dates_of(group)
  if group.first == nil then return "date unknown" end
  if group.first == group.last then return group.first end
  return group.first .. " to " .. group.last
end

local function sources_of(group)
  return group.sources == 1 and "1 document" or (group.sources .. " documents")
end

-- "Title changed at 高新区党工委: 副书记 (05-11) → 书记 (10-30)." for each organisation where
-- the person held dated titles that began on different days (groups come sorted).
local function title_changes(groups)
  local lines, by_org, orgs = {}, {}, {}
  for _, grp in ipairs(groups) do
    if grp.first then
      if by_org[grp.org.id] == nil then by_org[grp.org.id] = {} orgs[#orgs + 1] = grp.org end
      table.insert(by_org[grp.org.id], grp)
    end
  end
  for _, org in ipairs(orgs) do
    local steps = by_org[org.id]
    if #steps > 1 and steps[1].first ~= steps[#steps].first then
      local parts = {}
      for _, grp in ipairs(steps) do parts[#parts + 1] = grp.title .. " (" .. grp.first .. ")" end
      lines[#lines + 1] = "Title changed at " .. org.name .. ": " .. table.concat(parts, " → ") .. "."
    end
  end
  return lines
end

local function say_positions(p)
  local groups = sort_groups(position_groups(p))
  if #groups == 0 then return end
  say("### Positions")
  say()
  for _, group in ipairs(groups) do
    say("- " .. group.org.name .. group.title .. " — " .. dates_of(group) .. ", " ..
        sources_of(group))
    say()
    say("  " .. quote(group.quoted))
  end
  local changes = title_changes(groups)
  if #changes > 0 then
    say()
    for _, line in ipairs(changes) do say(line) end
  end
  say()
end

for _, p in ipairs(officials) do
  say("## " .. p.name)
  say()
  say_positions(p)
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
