// Event cues of the genre and who they belong to: visits (到/来到/赴/深入/走进/实地考察/调研/视察/
// 检查/督导/走访 + a place), companions (陪同, 一同), presiding (主持), attending (出席, 参加),
// donating (捐赠, 捐给). The extractor pairs cues with the persons and organisations it found.
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tupu::domain {

enum class CueKind { kVisit, kAccompany, kPreside, kAttend, kDonate };

struct EventCue {
  CueKind kind;
  size_t begin = 0, end = 0;  // the cue word
};

// Cues in `s`, left to right. Visit cues are only those directly followed by their object
// (the extractor checks that the object is a place or an organisation).
std::vector<EventCue> FindEventCues(std::u32string_view s);

struct PersonSpan {
  size_t begin = 0, end = 0;
  int entity = -1;
};

// The person closest before `pos` in the same clause (no , ; 。 between), or -1 (an index into
// `persons`, which is sorted by position).
int SubjectBefore(std::u32string_view s, const std::vector<PersonSpan>& persons, size_t pos);

// Persons in the clause that ends at `pos` (indexes into `persons`).
std::vector<int> PersonsInClauseBefore(std::u32string_view s, const std::vector<PersonSpan>& persons,
                                       size_t pos);

// Companions named before a 陪同 at `pos`: the persons of its clause and of the clauses right
// before it that end with a person (`县委常委、办公室主任甲,县水利局局长乙陪同`: both). A clause
// that does not end with a name (`丙带队督导防汛工作,`) ends the list: it holds the host.
std::vector<int> CompanionsBefore(std::u32string_view s, const std::vector<PersonSpan>& persons,
                                  size_t pos);

// Where the organisation phrase that starts at s[start] ends: the first unit that ends with an
// organisation suffix, extended over directly nested units (杨庄村锦华苑小区) and to the 公司 that
// closes a company name. Returns `start` when no organisation starts there.
size_t OrgPhraseEnd(std::u32string_view s, size_t start);

}  // namespace tupu::domain
