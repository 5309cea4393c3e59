// Stops of a tour: the places a sentence says someone went to, found by their position rather
// than by a list of suffixes. Two shapes:
//   - a list after a tour verb: `先后来到A、B和C`, `深入A、B等地`, `走进A,甲详细询问…`;
//   - a frame: `在A,甲查看了…`, `在A、B调研时,…`, `甲在A调研`.
// Who made the stop is left to the caller (it knows the persons and the episode); this file only
// reads the text. Lexicons: extract/lexicon/{tour_verbs,inspect_verbs,stop_list_enders,...}.txt.
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace tupu::domain {

struct StopItem {
  size_t begin = 0, end = 0;  // the place as written, within the sentence
};

struct StopList {
  size_t cue_begin = 0, cue_end = 0;  // the verb, or the 在 of a frame
  size_t clause_begin = 0;            // start of the clause the list sits in
  size_t after = 0;                   // first position after the list (its terminator)
  bool frame = false;                 // 在A, : the place frames the clause that follows
  std::vector<StopItem> items;
};

// True when a person's name ends exactly at `pos` (the caller knows the document's persons).
using PersonEndsAt = std::function<bool(size_t pos)>;

// The stop lists of one sentence, left to right.
std::vector<StopList> FindStops(std::u32string_view s, const PersonEndsAt& person_ends_at);

// True when `item` names a particular place worth a node: not a generic word (企业, 现场,
// 部分村组), not a matter (项目建设情况), two to forty characters.
bool IsNamedPlace(std::u32string_view item);

// True when the list that starts at `start` closes with 等 + a matter (`A和B、C等管理工作`): what
// was looked at, not where anyone went.
bool IsListOfMatters(std::u32string_view s, size_t start);

// True when `item` ends like a place or unit (馆, 码头, 村, 有限公司, ...).
bool HasPlaceEnding(std::u32string_view item);

// True when the clause holding `pos` (from `clause_begin`) names a travelling group before `pos`
// (一行, 调研组, 视察组, ...).
bool ClauseNamesGroup(std::u32string_view s, size_t clause_begin, size_t pos);

}  // namespace tupu::domain
