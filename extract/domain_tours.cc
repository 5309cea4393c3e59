// Tours (see domain_tours.h): the actors of stop lists, delegations, members and unclaimed stops.
#include "extract/domain_tours.h"

#include "extract/domain_lexicon.h"
#include "extract/domain_title_lexicon.h"

namespace tupu::domain {

// True when the clause holding `pos` goes on to 陪同/随同 (乙在A调研时陪同, 乙到A陪同检查): its
// subject accompanies someone else.
bool ClauseEndsAccompanying(std::u32string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size() && !IsClauseBreak(s[end])) ++end;
  const std::u32string_view rest = s.substr(pos, end - pos);
  return rest.find(U"陪同") != std::u32string_view::npos || rest.find(U"随同") != std::u32string_view::npos;
}

// True when a joining cue (参加调研, 一同检查) ends at `end`.
bool JoiningCueEndsAt(std::u32string_view s, size_t end) {
  return Lexicon::Get("joining_cues").LongestEndingAt(s, end) > 0;
}

namespace {

// 专家赴A县调研。甲、乙、丙参加调研: with no leader yet, the participants named are the people
// who went: the first named leads, the others go with them (travellers, not companions).
void ClaimUnnamedStops(const SentenceView& v, size_t cue, ArticleState* st) {
  const std::vector<int> named = CompanionsBefore(v.s, v.persons, cue);
  if (named.empty()) return;
  const int head = v.persons[named.front()].entity;
  std::vector<int> co_actors;
  for (size_t k = 1; k < named.size(); ++k) co_actors.push_back(v.persons[named[k]].entity);
  for (Stop stop : st->unclaimed_stops) {
    stop.actor = head;
    stop.co_actors = co_actors;
    st->episode.AddStop(stop);
  }
  st->unclaimed_stops.clear();
  st->NoteDelegation(head, co_actors);
  st->last_actor = st->last_visitor = head;
  st->body_visitors.insert(head);
}

}  // namespace

// 乙、丙参加调研 / 一同参加: the persons before the cue joined the current leader's group. Not
// when leaders went their own ways (甲、乙分别带队…,丙参加活动: whose group is unsaid).
void ReadJoiningCues(const SentenceView& v, ArticleState* st) {
  const auto& cues = Lexicon::Get("joining_cues");
  for (size_t i = 0; i < v.s.size(); ++i) {
    const size_t n = cues.LongestAt(v.s, i);
    if (n == 0) continue;
    if (st->Leader() < 0 && !st->unclaimed_stops.empty()) {
      ClaimUnnamedStops(v, i, st);
      i += n - 1;
      continue;
    }
    const int leader = st->Leader();
    const bool separate = v.s.substr(0, i).find(U"分别") != std::u32string::npos;
    if (leader >= 0 && !separate) {
      for (int k : CompanionsBefore(v.s, v.persons, i)) {
        const auto& p = v.persons[k];
        st->episode.AddMember(leader, p.entity, {v.index, v.run.Span(p.begin, i + n)});
      }
    }
    i += n - 1;
  }
}

namespace {

// Who made a list of stops, and where the sentence names them (the evidence starts there).
struct Actor {
  int entity = -1;
  size_t named_at = std::u32string::npos;  // npos: not named in this sentence
  std::vector<int> co_actors;              // 甲、乙和丙来到A: 乙 and 丙 beside the actor 甲
  bool unnamed = false;                    // people went whom the article has not named (yet)
};

// True when persons[j-1] and persons[j] are written as one subject: joined by 、/和/与/及 (a title
// with its office may stand between: 甲和县长乙), or, in a delegation that closes with 一行 or 等
// right after persons[k], by a comma before the next one's title chain (县委书记甲,县长乙一行).
bool JoinedAsOneSubject(std::u32string_view s, const std::vector<PersonSpan>& persons, int j, int k) {
  const auto& prev = persons[j - 1];
  const auto& cur = persons[j];
  if (prev.end >= cur.begin) return false;
  const bool conjunction = std::u32string_view(U"、和与及").find(s[prev.end]) != std::u32string_view::npos;
  const bool comma = s[prev.end] == U',' || s[prev.end] == U'\uFF0C';
  if (!conjunction && !comma) return false;
  if (comma) {
    const std::u32string_view after = s.substr(persons[k].end);
    const bool closed = after.substr(0, 2) == U"一行" || after.substr(0, 1) == U"等";
    if (!closed || prev.end + 1 == cur.begin) return false;
  }
  if (prev.end + 1 == cur.begin) return true;
  constexpr size_t kMaxTitledGap = 16;
  const std::u32string_view gap = s.substr(prev.end + 1, cur.begin - prev.end - 1);
  if (gap.size() > kMaxTitledGap) return false;
  for (char32_t c : gap)
    if (IsClauseBreak(c)) return false;
  return TitleLengthEndingAt(s, cur.begin) > 0;
}

// The persons named with persons[k] as one subject, nearest first.
std::vector<int> CoSubjects(std::u32string_view s, const std::vector<PersonSpan>& persons, int k) {
  std::vector<int> out;
  for (int j = k; j > 0 && JoinedAsOneSubject(s, persons, j, k); --j) out.push_back(j - 1);
  return out;
}

}  // namespace

SubjectGroup GroupOfSubject(std::u32string_view s, const std::vector<PersonSpan>& persons, int k,
                            size_t verb, const ArticleState& st) {
  SubjectGroup g;
  const size_t end = persons[k].end;
  const bool separately = verb > end && s.substr(end, verb - end).find(U"分别") != std::u32string_view::npos;
  const std::vector<int> co = separately ? std::vector<int>{} : CoSubjects(s, persons, k);
  g.head = co.empty() ? k : co.back();
  for (auto it = co.rbegin(); it != co.rend(); ++it)
    if (*it != g.head) g.co_actors.push_back(persons[*it].entity);
  if (g.head != k) g.co_actors.push_back(persons[k].entity);
  // 甲一行, 甲 named alone: the delegation 甲 was first named with.
  if (g.co_actors.empty() && s.substr(end, 2) == U"一行") g.co_actors = st.DelegationOf(persons[k].entity);
  return g;
}

// 甲带市政协考察团一行参观…: a group named after the person (who ends at `person_end`) before
// the verb travels, and the group's own leader leads; 甲 shows the way. (带领/率领 make 甲 the
// leader first: see LeadVerbPositions.)
bool GuidesAGroup(std::u32string_view s, size_t person_end, size_t verb) {
  return ClauseNamesGroup(s, person_end, verb) &&
         !Lexicon::Get("group_nouns").IsPrefixOf(s.substr(person_end));
}

namespace {

// The person who makes the stops of `list`: the subject before its verb, or the person opening
// the next clause (走进A、B,甲详细询问…); a group (调研组, 一行) or no subject at all means the
// article's current leader. entity -1 when nobody can be named.
Actor StopActor(const SentenceView& v, const StopList& list, const ArticleState& st) {
  const int leader = st.Leader();
  const int k = SubjectBefore(v.s, v.persons, list.cue_begin);
  if (k >= 0) {
    if (GuidesAGroup(v.s, v.persons[k].end, list.cue_begin) && leader >= 0)
      return Actor{leader, std::u32string::npos, {}};
    const SubjectGroup g = GroupOfSubject(v.s, v.persons, k, list.cue_begin, st);
    return Actor{v.persons[g.head].entity, v.persons[g.head].begin, g.co_actors};
  }
  if (list.after < v.s.size() && IsClauseBreak(v.s[list.after])) {
    for (const auto& p : v.persons)
      if (p.begin == list.after + 1) return Actor{p.entity, std::u32string::npos, {}};
  }
  if (ClauseNamesGroup(v.s, list.clause_begin, list.cue_begin))
    return Actor{leader, std::u32string::npos, st.DelegationOf(leader)};
  // 班子领导多次带队深入企业,实地调研A: people without names went (a clause with people and no
  // person in it), since the last person named. (甲带领部分代表, 深入到A: 甲 led them.)
  size_t since = 0;
  for (const auto& p : v.persons)
    if (p.end <= list.cue_begin) since = p.end;
  const auto& people = Lexicon::Get("people_nouns");
  for (size_t e = since + 1; e <= list.cue_begin; ++e) {
    const size_t n = people.LongestEndingAt(v.s, e);
    if (n == 0) continue;
    size_t clause = e;
    while (clause > 0 && !IsClauseBreak(v.s[clause - 1])) --clause;
    // The people must be their clause's subject: near its start, after no verb (听取了企业负责人
    // 介绍 has them as an object).
    constexpr size_t kMaxBeforeSubject = 6;
    const std::u32string_view before = std::u32string_view(v.s).substr(clause, e - n - clause);
    if (before.size() > kMaxBeforeSubject || before.find(U'了') != std::u32string_view::npos) continue;
    if (clause >= since) return Actor{-1, std::u32string::npos, {}, /*unnamed=*/true};
  }
  if (leader < 0) return Actor{-1, std::u32string::npos, {}, /*unnamed=*/true};
  return Actor{leader, std::u32string::npos, st.DelegationOf(leader)};
}

}  // namespace

void ReadTourStops(const SentenceView& v, const std::vector<StopList>& lists,
                   const PlaceResolver& place, ArticleState* st) {
  for (const auto& list : lists) {
    if (ClauseEndsAccompanying(v.s, list.cue_end)) continue;  // a companion's stop (乙在A调研时陪同)
    const Actor who = StopActor(v, list, *st);
    const int actor = who.entity;
    if (actor < 0 && !(who.unnamed && !v.headline)) continue;
    // A headline names its own subject (市长甲到乙督导); its stops count only for an actor the
    // body gives no stop (the body has the date and the full names).
    if (v.headline && who.named_at == std::u32string::npos) continue;
    bool any = false;
    for (const auto& item : list.items) {
      bool overlaps_person = false;
      for (size_t k = item.begin; k < item.end; ++k) overlaps_person = overlaps_person || v.person_taken[k];
      if (overlaps_person) continue;
      const int target = place(item.begin, item.end);
      if (target < 0) continue;
      Stop stop;
      stop.actor = actor;
      stop.co_actors = who.co_actors;
      stop.target = target;
      const size_t from = std::min({who.named_at, list.cue_begin, item.begin});
      stop.evidence = {v.index, v.run.Span(from, item.end)};
      stop.date = v.date;
      stop.time = v.time;
      if (actor < 0) {
        st->unclaimed_stops.push_back(stop);
        continue;
      }
      if (v.headline) {
        st->headline_stops.push_back(stop);
        continue;
      }
      st->episode.AddStop(stop);
      any = true;
    }
    if (any) {
      if (who.named_at != std::u32string::npos) st->NoteDelegation(actor, who.co_actors);
      st->last_actor = st->last_visitor = actor;
      st->last_visit_date = v.date;
      st->body_visitors.insert(actor);
    }
  }
}


}  // namespace tupu::domain
