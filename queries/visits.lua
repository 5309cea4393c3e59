-- visits.lua: one row per visit — official, their title, the office or place visited, date,
-- document and the sentence it came from.
-- Usage: tupu run [--db DIR] queries/visits.lua [csv|json|markdown]
local mode = arg and arg[1] or nil

-- A person's titles as {text=, doc=}, from HOLDS_POSITION, read once per person: an official with
-- a hundred visits is asked a hundred times.
local titles_cache = {}
local function titles(person)
  local cached = titles_cache[person.id]
  if cached then return cached end
  local list = {}
  for e in person:outE("HOLDS_POSITION"):iter() do
    local title = e.title or ""
    local org = e:target()
    local text = title
    if org and not title:find(org.name, 1, true) then text = org.name .. title end
    if text ~= "" then list[#list + 1] = {text = text, doc = e.doc} end
  end
  titles_cache[person.id] = list
  return list
end

-- Titles of a person, those stated in `doc` first: a title is as of an article, and the same
-- official may be introduced differently elsewhere.
local function titles_of(person, doc)
  local here, elsewhere, seen = {}, {}, {}
  for _, t in ipairs(titles(person)) do
    if not seen[t.text] then
      seen[t.text] = true
      table.insert(t.doc == doc and here or elsewhere, t.text)
    end
  end
  return table.concat(#here > 0 and here or elsewhere, "、")
end

-- The document column: the page's web address when it gave one (saved web pages, .jsonl `url`),
-- else the document's key (its file).
local function document_of(ev) return ev.url ~= "" and ev.url or ev.doc end

local rows = {}
for e in g:E("VISITED"):iter() do
  local person, place = e:source(), e:target()
  local ev = e:evidence()
  rows[#rows + 1] = {
    person.name,
    titles_of(person, e.doc),
    place.name,
    e.date or ev.doc_date or "",
    document_of(ev),
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
