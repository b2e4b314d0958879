// Ownership shares summed over time (lib/model/stakes.h).

#include "lib/model/stakes.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace embargo::model_internal {

PeakShare PeakOwnedShare(absl::Span<const Stake> stakes) {
  struct Point {
    int64_t day;
    bool add;
    size_t index;
  };
  std::vector<Point> points;
  points.reserve(2 * stakes.size());
  for (size_t i = 0; i < stakes.size(); ++i) {
    points.push_back({stakes[i].days.lo, true, i});
    points.push_back({static_cast<int64_t>(stakes[i].days.hi) + 1, false, i});
  }
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
    return a.day != b.day ? a.day < b.day : a.add < b.add;
  });
  std::map<absl::string_view, std::multiset<double>> active;
  PeakShare peak;
  for (size_t p = 0; p < points.size(); ++p) {
    const Stake& st = stakes[points[p].index];
    std::multiset<double>& held = active[st.owner];
    if (points[p].add) {
      held.insert(st.share);
    } else if (auto it = held.find(st.share); it != held.end()) {
      held.erase(it);
    }
    if (p + 1 < points.size() && points[p + 1].day == points[p].day) continue;
    double sum = 0;
    for (const auto& [owner, shares] : active) {
      if (!shares.empty()) sum += *shares.rbegin();
    }
    if (sum > peak.total + 1e-9) peak = {sum, points[p].day};
  }
  return peak;
}

}  // namespace embargo::model_internal
