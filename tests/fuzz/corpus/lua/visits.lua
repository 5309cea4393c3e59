-- visits.lua: one row per visit — official, their title, the office or place visited, date,
-- document and the sentence it came from.
-- Usage: tupu run [--db DIR] queries/visits.lua [csv|json|markdown]
local mode = arg and arg[1] or nil

-- Titles of a person (from HOLDS_POSITION), those stated in `doc` first: a title is as of an
-- article, and the same official may be introduced differently elsewhere.
local function titles_of(person, doc)
  local here, elsewhere, seen = {}, {}, {}
  for e in person:outE("HOLDS_POSITION"):iter() do
    local title = e.title or ""
    local org = e:target()
    local text = title
    if org and not title:find(org.name, 1, true) then text = org.name .. title end
    if text ~= "" and not seen[text] then
      seen[text] = true
      table.insert(e.doc == doc and here or elsewhere, text)
    end
  end
  return table.concat(#here > 0 and here or elsewhere, "、")
end

local rows = {}
for e in g:E("VISITED"):iter() do
  local person, place = e:source(), e:target()
  local ev = e:evidence()
  rows[#rows + 1] = {
    person.name,
    titles_of(person, e.doc),
    place.name,
    e.date or ev.doc_date or "",
    ev.doc,
    ev.text,
  }
end
-- By date, then official, place, document, sentence: stable output for people and golden tests.
local SORT_COLUMNS = {4, 1, 3, 5, 6}
table.sort(rows, function(a, b)
  for _, i in ipairs(SORT_COLUMNS) do
    if a[i] ~= b[i] then return a[i] < b[i] end
  end
  return false
end)
tupu.show(tupu.rows({"official", "title", "visited", "date", "document", "evidence"}, rows),
          {mode = mode})
