// Episodes: the article-level frame of a visit. An article reports one or more officials going
// somewhere with a group: who leads, who went along (`乙、丙参加调研`: visitors themselves and
// companions of the leader), and the stops, found sentence by sentence, often with the subject
// left out. Facts are made only when the article has been read to its end, so that members named
// last (`市政协秘书长甲参加调研。` as the closing line) still join every stop.
// Entities are the extractor's indices; the episode never names or creates them.
// Thread safety: one Episode per article, used by one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/document.h"

namespace tupu::domain {

struct Evidence {
  uint32_t sentence = 0;
  TextSpan span;
};

// One place one actor went to; the actor's group (its members) went too.
struct Stop {
  int actor = -1;
  std::vector<int> co_actors;  // named with the actor as one subject (市领导甲、乙、丙来到A)
  int target = -1;
  Evidence evidence;
  std::string date;  // resolved date of the sentence, may be empty
  std::string time;  // 上午, 下午 ... when the sentence says
};

struct EpisodeVisit {
  int visitor = -1, target = -1;
  Evidence evidence;
  std::string date, time;
};

struct EpisodeCompanion {
  int companion = -1, host = -1;
  Evidence evidence;
};

class Episode {
 public:
  void AddStop(const Stop& stop) { stops_.push_back(stop); }
  // `member` went along with `leader` (参加调研, 一同参加): each stop of the leader is theirs too.
  void AddMember(int leader, int member, const Evidence& evidence);
  bool HasStops() const { return !stops_.empty(); }

  // Visits of every stop by its actor and the actor's members, one per (visitor, target, date),
  // in the order of the stops. `skip(visitor, target)` drops a visit (the visitor's own town).
  std::vector<EpisodeVisit> Visits(const std::function<bool(int, int)>& skip) const;
  // Each member as a companion of the leader they joined.
  std::vector<EpisodeCompanion> MemberCompanions() const;

 private:
  std::vector<Stop> stops_;
  struct Member {
    int person;
    Evidence evidence;
  };
  std::map<int, std::vector<Member>> members_;  // leader -> members, in text order
};

}  // namespace tupu::domain
