// Did-you-mean suggestions (see did_you_mean.h).
#include "scripting/did_you_mean.h"

#include <algorithm>

namespace tupu {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> NearestNames(const std::string& typed,
                                      const std::vector<std::string>& candidates,
                                      size_t max_distance, size_t limit) {
  std::vector<std::string> nearest;
  size_t best = max_distance + 1;
  for (const auto& name : candidates) {
    size_t d = EditDistance(typed, name);
    if (d < best) {
      best = d;
      nearest.clear();
    }
    if (d == best) nearest.push_back(name);
  }
  std::sort(nearest.begin(), nearest.end());
  nearest.erase(std::unique(nearest.begin(), nearest.end()), nearest.end());
  if (nearest.size() > limit) nearest.resize(limit);
  return nearest;
}

std::string JoinAlternatives(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace tupu
