// Episodes (see domain_episodes.h): stops and members turned into visits and companions.
#include "extract/domain_episodes.h"

namespace tupu::domain {

void Episode::AddMember(int leader, int member, const Evidence& evidence) {
  if (leader < 0 || member < 0 || leader == member) return;
  auto& list = members_[leader];
  for (const auto& m : list)
    if (m.person == member) return;
  list.push_back({member, evidence});
}

std::vector<EpisodeVisit> Episode::Visits(const std::function<bool(int, int)>& skip) const {
  std::vector<EpisodeVisit> out;
  std::set<std::tuple<int, int, std::string>> seen;
  auto add = [&](int visitor, const Stop& stop) {
    if (skip(visitor, stop.target)) return;
    if (!seen.insert({visitor, stop.target, stop.date}).second) return;
    out.push_back({visitor, stop.target, stop.evidence, stop.date, stop.time});
  };
  for (const auto& stop : stops_) {
    add(stop.actor, stop);
    for (int co : stop.co_actors) add(co, stop);
    auto it = members_.find(stop.actor);
    if (it == members_.end()) continue;
    for (const auto& m : it->second) add(m.person, stop);
  }
  return out;
}

std::vector<EpisodeCompanion> Episode::MemberCompanions() const {
  std::vector<EpisodeCompanion> out;
  for (const auto& [leader, list] : members_)
    for (const auto& m : list) out.push_back({m.person, leader, m.evidence});
  return out;
}

}  // namespace tupu::domain
