// Tours: who went where, read sentence by sentence into the article's state. A list of stops
// (domain_stops.h) is made by a subject: the persons before its verb (several written as one
// subject travel together, the first named leading: 县委书记甲,县长乙一行), a group (调研组, 一行)
// or no subject at all (the article's current leader and their delegation), or people not named
// yet (专家赴A县…), whose stops the first list of participants claims. Joining cues (参加调研,
// 一同检查) make members of the leader's group. The facts are made at the article's end, from its
// Episode (domain_episodes.h).
// Thread safety: functions of their arguments; an ArticleState belongs to one article.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/domain_dates.h"
#include "extract/domain_episodes.h"
#include "extract/domain_events.h"
#include "extract/domain_org_naming.h"
#include "extract/domain_stops.h"
#include "extract/domain_text.h"

namespace tupu::domain {

// What the extractor keeps of one article while it reads it sentence by sentence.
struct ArticleState {
  OrgContext orgs;
  DateContext date;
  std::string last_date;   // resolved, for sentences without their own
  std::string time_of_day;
  int last_visitor = -1;   // entity of the latest visit's subject
  // The latest person who led or went somewhere (a visit cue's subject, with or without a named
  // place, or the subject of 带队/带领/率领): the host of a later 陪同 and the leader of 一行.
  int last_actor = -1;
  std::string last_visit_date;
  std::set<int> body_visitors;  // persons with a visit in the article's body
  Episode episode;      // the article's stops and groups, made into facts at its end

  // Who the article's group follows now: the latest actor, else the latest visitor; -1 for none.
  int Leader() const { return last_actor >= 0 ? last_actor : last_visitor; }
  // 县委书记甲,县长乙一行到A … 甲一行来到B: the persons a head was named with travel with them
  // until the article names the head with others.
  std::map<int, std::vector<int>> delegations;
  std::vector<int> DelegationOf(int head) const {
    auto it = delegations.find(head);
    return it == delegations.end() ? std::vector<int>{} : it->second;
  }
  void NoteDelegation(int head, const std::vector<int>& co_actors) {
    if (head >= 0 && !co_actors.empty()) delegations[head] = co_actors;
  }
  std::vector<Stop> headline_stops;  // kept for actors the body gives no stop
  // Stops of people the article has not named yet (专家赴A县调研。甲、乙…参加调研): the first
  // list of participants named with no leader before them claims them.
  std::vector<Stop> unclaimed_stops;
};

// What the tour readers need of one body sentence.
struct SentenceView {
  const std::u32string& s;
  const CharRun& run;
  uint32_t index;
  const std::vector<PersonSpan>& persons;
  const std::vector<bool>& person_taken;  // characters inside person names
  const std::string& date;
  const std::string& time;
  bool headline = false;  // a heading: its stops stand in for the body's (see ReadTourStops)
};

// The entity of the place written at [begin, end) of the sentence, named and noted as a mention;
// -1 when it cannot be one.
using PlaceResolver = std::function<int(size_t begin, size_t end)>;

// True when a joining cue (参加调研, 一同检查) ends at `end`.
bool JoiningCueEndsAt(std::u32string_view s, size_t end);

// True when the clause holding `pos` goes on to 陪同/随同 (乙在A调研时陪同, 乙到A陪同检查): its
// subject accompanies someone else.
bool ClauseEndsAccompanying(std::u32string_view s, size_t pos);

// 乙、丙参加调研 / 一同参加: the persons before the cue joined the current leader's group (or,
// with no leader yet, are the people who went: see ArticleState::unclaimed_stops).
void ReadJoiningCues(const SentenceView& v, ArticleState* st);

// A subject of one or more persons: the first named leads (the genre names the senior first),
// the others go with them; unless they went their own ways (甲、乙分别带队深入…), where only
// persons[k], the one nearest the verb at `verb`, is the subject. A head named alone before 一行
// (甲一行) brings the delegation the article first named them with.
struct SubjectGroup {
  int head = -1;                // index into persons
  std::vector<int> co_actors;   // entities
};
SubjectGroup GroupOfSubject(std::u32string_view s, const std::vector<PersonSpan>& persons, int k, size_t verb,
                            const ArticleState& st);

// 甲带市政协考察团一行参观…: a group named after the person (who ends at `person_end`) before
// the verb travels, and the group's own leader leads; 甲 shows the way.
bool GuidesAGroup(std::u32string_view s, size_t person_end, size_t verb);

// The stops of the sentence's lists, each resolved to a place by `place`, added to the article's
// episode with their actor (or kept for the headline, or unclaimed).
void ReadTourStops(const SentenceView& v, const std::vector<StopList>& lists, const PlaceResolver& place,
                   ArticleState* st);

}  // namespace tupu::domain
