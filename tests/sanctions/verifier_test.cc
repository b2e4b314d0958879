// Every sanctions rule checked against a slow, obviously correct twin on
// hundreds of random datasets with partial dates (seeded std::mt19937):
//   - in force: the date rule read day by day over the as-of date;
//   - the 50 % and EU rules: the naive fixed point of workload/SPEC.md q3
//     (recompute every sum from scratch until nothing changes), once over
//     what certainly holds and once over what possibly holds;
//   - effective ownership: the walk sums by plain iteration of
//     x = d + A x on a dense matrix, and the best chains by enumerating
//     every simple chain;
//   - breaches: every transfer party against every sanction;
//   - regime paths: the union of AllPaths to each target.

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/graph/graph_data.h"
#include "lib/sanctions/common.h"
#include "tests/sanctions/test_util.h"

namespace embargo {
namespace {

using sanctions_testing::Judgement;

constexpr int kGraphs = 250;
constexpr double kEps = 1e-9;

std::string RandomDate(std::mt19937& rng, int y0, int y1) {
  const int year = std::uniform_int_distribution<int>(y0, y1)(rng);
  switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
    case 0:
      return absl::StrCat(year);
    case 1:
      return absl::StrFormat("%04d-%02d", year,
                             std::uniform_int_distribution<int>(1, 12)(rng));
    default: {
      const int m = std::uniform_int_distribution<int>(1, 12)(rng);
      const int d = std::uniform_int_distribution<int>(1, 28)(rng);
      return absl::StrFormat("%04d-%02d-%02d", year, m, d);
    }
  }
}

bool Chance(std::mt19937& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

template <typename T>
const T& Pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

// A dated span [start, end] with end not before start (either may be "").
std::pair<std::string, std::string> RandomSpan(std::mt19937& rng, double p_start,
                                               double p_end) {
  std::string start = Chance(rng, p_start) ? RandomDate(rng, 2000, 2004) : "";
  std::string end;
  if (Chance(rng, p_end)) {
    const int y0 = start.empty() ? 2000 : std::stoi(start.substr(0, 4));
    end = RandomDate(rng, y0, 2005);
    if (!start.empty() && sanctions_testing::P(end).LatestDay() <
                              sanctions_testing::P(start).EarliestDay()) {
      end = "";
    }
  }
  return {start, end};
}

struct Random {
  sanctions_testing::Data data;
  std::vector<std::string> parties;  // Non-authority actors.
  PartialDate as_of;
};

Random MakeRandom(uint32_t seed) {
  std::mt19937 rng(seed);
  Random r;
  sanctions_testing::Data& d = r.data;
  // AU0's embargoes bind its own state, USA; whom AU1's bind is not on
  // record (it has no country). Actors are of USA, of CHN or of no country.
  d.State("USA").State("CHN").Authority("AU0", "USA").Authority("AU1");
  const int n = std::uniform_int_distribution<int>(3, 12)(rng);
  const std::vector<std::string> countries = {"USA", "CHN", ""};
  for (int i = 0; i < n; ++i) {
    const std::string id = absl::StrCat("N", i);
    d.Actor(id, Chance(rng, 0.3) ? v1::ACTOR_KIND_PERSON : v1::ACTOR_KIND_COMPANY,
            Pick(rng, countries));
    r.parties.push_back(id);
  }
  const std::vector<v1::Status> statuses = {
      v1::STATUS_DENIED, v1::STATUS_ALLEGED, v1::STATUS_REPORTED,
      v1::STATUS_CONFIRMED, v1::STATUS_CONFIRMED};
  const std::vector<v1::Measure> measures = {
      v1::MEASURE_ASSET_FREEZE, v1::MEASURE_ASSET_FREEZE,
      v1::MEASURE_TRAVEL_BAN, v1::MEASURE_ARMS_EMBARGO_EXPORTS,
      v1::MEASURE_ARMS_EMBARGO_IMPORTS};
  const std::vector<v1::ItemCategory> items = {
      v1::ITEM_ROCKETS, v1::ITEM_MISSILES, v1::ITEM_ARMS_GENERAL,
      v1::ITEM_SMALL_ARMS};
  const int sanctions = std::uniform_int_distribution<int>(1, 7)(rng);
  for (int i = 0; i < sanctions; ++i) {
    std::vector<v1::Measure> m;
    const int k = std::uniform_int_distribution<int>(1, 2)(rng);
    for (int j = 0; j < k; ++j) m.push_back(Pick(rng, measures));
    std::vector<v1::ItemCategory> it;
    if (Chance(rng, 0.4)) it.push_back(Pick(rng, items));
    if (Chance(rng, 0.2)) it.push_back(Pick(rng, items));
    auto [listed, delisted] = RandomSpan(rng, 1.0, 0.3);
    const std::string authority = Chance(rng, 0.5) ? "AU0" : "AU1";
    // In a third of the graphs the first sanction is on the state CHN, whose
    // embargoes reach the actors of CHN through their country.
    std::string target = Pick(rng, r.parties);
    if (i == 0 && seed % 3 == 0) target = "CHN";
    d.Sanction(absl::StrCat("S", i), authority,
               target, Chance(rng, 0.5) ? "P1" : "P2", m, listed,
               delisted, it, {absl::StrCat("Basis ", i)}, Pick(rng, statuses));
  }
  const std::vector<double> shares = {0.5, 10, 20, 25, 30, 49.5, 50, 50.5, 100};
  int rel = 0;
  for (const std::string& asset : r.parties) {
    double sum = 0;
    const int owners = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int j = 0; j < owners; ++j) {
      const std::string& owner = Pick(rng, r.parties);
      const double share = Pick(rng, shares);
      if (owner == asset || sum + share > 100) continue;
      sum += share;
      auto [start, end] = RandomSpan(rng, 0.4, 0.3);
      d.Relation(absl::StrCat("R", rel++), v1::RELATION_KIND_OWNERSHIP, owner,
                 asset, share, start, end, Pick(rng, statuses));
    }
  }
  const int controls = std::uniform_int_distribution<int>(0, 2)(rng);
  for (int j = 0; j < controls; ++j) {
    const std::string& a = Pick(rng, r.parties);
    const std::string& b = Pick(rng, r.parties);
    if (a == b) continue;
    auto [start, end] = RandomSpan(rng, 0.3, 0.3);
    d.Relation(absl::StrCat("R", rel++), v1::RELATION_KIND_CONTROL, a, b, 0,
               start, end, Pick(rng, statuses));
  }
  const int transfers = std::uniform_int_distribution<int>(0, 5)(rng);
  for (int j = 0; j < transfers; ++j) {
    const std::string& s = Pick(rng, r.parties);
    const std::string& t = Pick(rng, r.parties);
    if (s == t) continue;
    std::vector<std::string> via;
    for (int k = std::uniform_int_distribution<int>(0, 2)(rng); k > 0; --k) {
      const std::string& v = Pick(rng, r.parties);
      if (v != s && v != t &&
          std::find(via.begin(), via.end(), v) == via.end()) {
        via.push_back(v);
      }
    }
    d.Transfer(absl::StrCat("T", j), s, t, Pick(rng, items),
               Chance(rng, 0.8) ? RandomDate(rng, 1999, 2006) : "", via,
               Pick(rng, statuses));
  }
  if (Chance(rng, 0.8)) r.as_of = sanctions_testing::P(RandomDate(rng, 1999, 2006));
  return r;
}

// The as-of date as the verifiers read it.
DayRange Days(PartialDate d) { return d.known() ? d.Days() : DayRange{}; }

bool ProgramMatches(const Regime& regime, const v1::Sanction& s) {
  if (regime.programs.empty()) return true;
  for (const std::string& p : regime.programs) {
    if (p == s.program()) return true;
  }
  return false;
}

bool Matches(const Regime& regime, const v1::Sanction& s) {
  if (s.status() < regime.min_status) return false;
  if (!regime.authority_ids.empty() &&
      std::find(regime.authority_ids.begin(), regime.authority_ids.end(),
                s.authority_id()) == regime.authority_ids.end()) {
    return false;
  }
  if (!ProgramMatches(regime, s)) return false;
  if (regime.measures.empty()) return true;
  for (int m : s.measures()) {
    if (regime.measures.Contains(static_cast<v1::Measure>(m))) return true;
  }
  return false;
}

Regime RandomRegime(std::mt19937& rng) {
  Regime r;
  if (Chance(rng, 0.3)) r.authority_ids = {Chance(rng, 0.5) ? "AU0" : "AU1"};
  if (Chance(rng, 0.3)) r.programs = {Chance(rng, 0.5) ? "P1" : "P2"};
  if (Chance(rng, 0.3)) r.measures = {v1::MEASURE_ASSET_FREEZE};
  if (Chance(rng, 0.2)) r.min_status = v1::STATUS_DENIED;
  if (Chance(rng, 0.2)) r.min_status = v1::STATUS_CONFIRMED;
  return r;
}

int SanctionJudgement(const v1::Sanction& s, PartialDate as_of) {
  return Judgement(s.listed(), s.delisted(), Days(as_of), !as_of.known(),
                   /*end_exclusive_when_certain=*/true);
}

int RelationJudgement(const v1::Relation& r, PartialDate as_of) {
  return Judgement(r.period().start(), r.period().end(), Days(as_of),
                   !as_of.known(), /*end_exclusive_when_certain=*/false);
}

// The wire-level reader of sanction facts agrees with a full decode.
TEST(SanctionsVerifierTest, SanctionFactsReader) {
  int read = 0;
  for (uint32_t seed = 1; seed <= kGraphs; ++seed) {
    Random r = MakeRandom(seed);
    Graph g = r.data.Graph();
    const internal::GraphData& d = g.data();
    for (uint32_t e = 0; e < g.num_edges(); ++e) {
      if (d.edge_kind[e] != EdgeKind::kSanction) continue;
      internal::SanctionFacts fast;
      ASSERT_TRUE(internal::ParseSanctionFacts(d.RecordBytes(d.edge_record[e]), fast));
      const internal::SanctionFacts slow =
          internal::FactsOf(g.EdgeRecord(EdgeId(e)).sanction());
      EXPECT_EQ(fast.program, slow.program);
      EXPECT_EQ(fast.measures, slow.measures);
      EXPECT_EQ(fast.items, slow.items);
      EXPECT_EQ(fast.listed, slow.listed);
      EXPECT_EQ(fast.delisted, slow.delisted);
      EXPECT_EQ(fast.status, slow.status);
      ++read;
    }
  }
  EXPECT_GT(read, 500);
  internal::SanctionFacts f;
  EXPECT_FALSE(internal::ParseSanctionFacts("\x2a\x05garbage", f));
  EXPECT_FALSE(internal::ParseSanctionFacts("", f));
}

TEST(SanctionsVerifierTest, InForce) {
  int checked = 0;
  for (uint32_t seed = 1; seed <= kGraphs; ++seed) {
    Random r = MakeRandom(seed);
    Graph g = r.data.Graph();
    std::mt19937 rng(seed * 7919);
    const Regime regime = RandomRegime(rng);
    std::set<std::string> possible_nodes, certain_nodes;
    std::vector<std::string> actors = r.parties;
    actors.push_back("CHN");  // Sometimes a target too.
    for (const std::string& actor : actors) {
      std::vector<std::string> expected;
      for (const v1::Sanction& s : r.data.dataset().sanctions()) {
        if (s.target_id() != actor || !Matches(regime, s)) continue;
        const int j = SanctionJudgement(s, r.as_of);
        if (j == 0) continue;
        expected.push_back(s.id() + (j == 2 ? ":certain" : ":possible"));
        possible_nodes.insert(actor);
        if (j == 2) certain_nodes.insert(actor);
      }
      absl::StatusOr<std::vector<InForce>> got =
          SanctionsInForce(g, *g.FindNode(actor), r.as_of, regime);
      ASSERT_TRUE(got.ok()) << got.status();
      std::vector<std::string> actual;
      for (const InForce& f : *got) {
        actual.push_back(f.sanction_id + ":" + std::string(CertaintyName(f.certainty)));
      }
      std::sort(expected.begin(), expected.end());
      std::sort(actual.begin(), actual.end());
      ASSERT_EQ(actual, expected) << "seed " << seed << " actor " << actor
                                  << " as of " << r.as_of.ToString();
      ++checked;
    }
    for (Certainty c : {Certainty::kPossible, Certainty::kCertain}) {
      NodeSet set = *SanctionedNodes(g, regime, r.as_of, c);
      std::set<std::string> got;
      for (NodeId n : set.Nodes()) got.insert(std::string(g.node_id(n)));
      ASSERT_EQ(got, c == Certainty::kPossible ? possible_nodes : certain_nodes)
          << "seed " << seed;
    }
  }
  EXPECT_GT(checked, 1000);
}

// The naive fixed point of SPEC.md q3, generalised to dates and rules.
// Returns node id -> blocked share under the final set, for blocked nodes.
std::map<std::string, double> NaiveBlocked(const v1::Dataset& ds,
                                           const OwnershipOptions& o,
                                           int need) {
  std::set<std::string> b;
  for (const v1::Sanction& s : ds.sanctions()) {
    if (Matches(o.regime, s) && SanctionJudgement(s, o.as_of) >= need) {
      b.insert(s.target_id());
    }
  }
  // Each blocked owner counts once, with its largest stake; a stake of
  // unknown size (0) counts as the whole asset on the possible reading and
  // not at all on the certain one. `known` sums the largest known stakes.
  auto sums = [&](const std::string& c, double* share, bool* control,
                  double* known) {
    *control = false;
    std::map<std::string, std::pair<double, double>> largest;  // effective, known
    for (const v1::Relation& r : ds.relations()) {
      if (r.object_id() != c || !b.count(r.subject_id())) continue;
      if (r.status() < o.min_relation_status) continue;
      if (RelationJudgement(r, o.as_of) < need) continue;
      if (r.kind() == v1::RELATION_KIND_OWNERSHIP) {
        const double k = r.share_percent();
        if (k == 0 && need == 2) continue;
        auto& [eff, kn] = largest[r.subject_id()];
        eff = std::max(eff, k == 0 ? 100.0 : k);
        kn = std::max(kn, k);
      }
      if (r.kind() == v1::RELATION_KIND_CONTROL) *control = true;
    }
    *share = *known = 0;
    for (const auto& [owner, s] : largest) {
      *share += s.first;
      *known += s.second;
    }
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (const v1::Actor& a : ds.actors()) {
      if (b.count(a.id())) continue;
      double share, known;
      bool control;
      sums(a.id(), &share, &control, &known);
      const bool blocked = o.rule == OwnershipRule::kOfac50
                               ? share >= o.threshold - kEps
                               : share > o.threshold + kEps || control;
      if (blocked) {
        b.insert(a.id());
        changed = true;
      }
    }
  }
  std::map<std::string, double> out;
  for (const std::string& id : b) {
    double share, known;
    bool control;
    sums(id, &share, &control, &known);
    out[id] = known;
  }
  return out;
}

TEST(SanctionsVerifierTest, OwnershipRules) {
  int derived = 0, possible_only = 0;
  for (uint32_t seed = 1; seed <= kGraphs; ++seed) {
    Random r = MakeRandom(seed);
    std::mt19937 rng(seed * 104729);
    // Stakes of unknown size, and owners that hold a stake twice (a
    // register's successive holdings, two lists repeating one stake);
    // reported, as such register data is, so that their sums need not
    // stay within 100.
    for (int j = 0; j < 4; ++j) {
      const std::string& owner = Pick(rng, r.parties);
      const std::string& asset = Pick(rng, r.parties);
      if (owner == asset) continue;
      auto [start, end] = RandomSpan(rng, 0.4, 0.3);
      const double share = Chance(rng, 0.5) ? 0 : Pick(rng, std::vector<double>{20, 30, 50});
      r.data.Relation(absl::StrCat("RX", j), v1::RELATION_KIND_OWNERSHIP, owner, asset,
                      share, start, end, v1::STATUS_REPORTED);
      if (Chance(rng, 0.5)) {
        r.data.Relation(absl::StrCat("RY", j), v1::RELATION_KIND_OWNERSHIP, owner,
                        asset, 30, start, end, v1::STATUS_REPORTED);
      }
    }
    Graph g = r.data.Graph();
    for (OwnershipRule rule : {OwnershipRule::kOfac50, OwnershipRule::kEuControl}) {
      OwnershipOptions o;
      o.rule = rule;
      o.as_of = r.as_of;
      o.any_authority = true;  // The reference counts every authority.
      if (Chance(rng, 0.3)) o.regime = RandomRegime(rng);
      if (Chance(rng, 0.2)) o.threshold = 25;
      std::map<std::string, double> certain = NaiveBlocked(r.data.dataset(), o, 2);
      std::map<std::string, double> possible = NaiveBlocked(r.data.dataset(), o, 1);
      absl::StatusOr<BlockedSet> got = BlockedByOwnership(g, o);
      ASSERT_TRUE(got.ok()) << got.status();
      std::map<std::string, std::string> expected, actual;
      for (const auto& [id, share] : possible) {
        expected[id] = certain.count(id) ? "certain" : "possible";
      }
      for (const BlockedEntity& e : got->entities) {
        const std::string id(g.node_id(e.node));
        actual[id] = std::string(CertaintyName(e.certainty));
        possible_only += e.certainty == Certainty::kPossible;
        const double want = e.certainty == Certainty::kCertain
                                ? certain[id]
                                : possible[id];
        EXPECT_NEAR(e.blocked_share, want, 1e-9) << "seed " << seed << " " << id;
        // The explanation holds up: explaining owners came first and
        // suffice on their own.
        if (!e.directly_sanctioned) {
          ++derived;
          double share = 0;
          bool control = false;
          std::set<uint32_t> owners;
          for (const Stake& s : e.stakes) {
            if (!s.explaining) continue;
            const BlockedEntity* owner = got->Find(s.owner);
            ASSERT_NE(owner, nullptr);
            if (e.certainty == Certainty::kCertain) {
              EXPECT_EQ(owner->certainty, Certainty::kCertain);
              EXPECT_EQ(s.certainty, Certainty::kCertain);
              EXPECT_GT(s.share_percent + (s.kind == EdgeKind::kControl), 0);
            }
            // One explaining ownership stake per owner.
            if (s.kind == EdgeKind::kOwnership) {
              EXPECT_TRUE(owners.insert(s.owner.value()).second)
                  << "seed " << seed << " " << id;
            }
            share += s.kind == EdgeKind::kOwnership && s.share_percent == 0
                         ? 100.0
                         : s.share_percent;
            control |= s.kind == EdgeKind::kControl;
          }
          const bool enough = rule == OwnershipRule::kOfac50
                                  ? share >= o.threshold - kEps
                                  : share > o.threshold + kEps || control;
          EXPECT_TRUE(enough) << "seed " << seed << " " << id;
        }
      }
      ASSERT_EQ(actual, expected)
          << "seed " << seed << " rule " << static_cast<int>(rule) << " as of "
          << r.as_of.ToString();
      // Without explanations, the same set and the same sums.
      OwnershipOptions quiet = o;
      quiet.explain = false;
      absl::StatusOr<BlockedSet> fast = BlockedByOwnership(g, quiet);
      ASSERT_TRUE(fast.ok());
      ASSERT_EQ(fast->size(), got->size());
      for (size_t i = 0; i < fast->size(); ++i) {
        const BlockedEntity& a = fast->entities[i];
        const BlockedEntity& b = got->entities[i];
        EXPECT_EQ(a.node, b.node);
        EXPECT_EQ(a.certainty, b.certainty);
        EXPECT_NEAR(a.blocked_share, b.blocked_share, 1e-9) << "seed " << seed;
        EXPECT_EQ(a.blocked_by_ownership, b.blocked_by_ownership) << "seed " << seed;
        EXPECT_TRUE(a.stakes.empty());
      }
    }
  }
  EXPECT_GT(derived, 100);
  EXPECT_GT(possible_only, 30);
}

TEST(SanctionsVerifierTest, EffectiveOwnership) {
  int holdings = 0, cyclic_graphs = 0;
  for (uint32_t seed = 1; seed <= kGraphs; ++seed) {
    Random r = MakeRandom(seed);
    Graph g = r.data.Graph();
    std::mt19937 rng(seed * 15485863);
    const std::string owner = Pick(rng, r.parties);
    EffectiveOptions o;
    o.as_of = r.as_of;
    o.chains_per_holding = 3;

    // Qualifying edges, by relation.
    const std::vector<std::string>& ids = r.parties;
    const size_t n = ids.size();
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < n; ++i) at[ids[i]] = i;
    struct E { size_t from, to; double w; std::string id; };
    std::vector<E> edges;
    for (const v1::Relation& rel : r.data.dataset().relations()) {
      if (rel.kind() != v1::RELATION_KIND_OWNERSHIP) continue;
      if (rel.status() < o.min_relation_status || !(rel.share_percent() > 0)) continue;
      if (RelationJudgement(rel, o.as_of) == 0) continue;
      if (rel.object_id() == owner) continue;
      edges.push_back({at[rel.subject_id()], at[rel.object_id()],
                       rel.share_percent() / 100.0, rel.id()});
    }
    // Walk sums by plain iteration of x = d + A x.
    const size_t me = at[owner];
    std::vector<double> x(n, 0.0);
    double change = 1;
    for (int it = 0; it < 50000 && change > 1e-15; ++it) {
      std::vector<double> next(n, 0.0);
      for (const E& e : edges) next[e.to] += (e.from == me ? 1.0 : x[e.from]) * e.w;
      change = 0;
      for (size_t i = 0; i < n; ++i) change = std::max(change, std::abs(next[i] - x[i]));
      x = next;
      if (*std::max_element(x.begin(), x.end()) > 1e9) break;
    }
    absl::StatusOr<EffectiveOwnership> got =
        EffectiveOwnershipOf(g, *g.FindNode(owner), o);
    ASSERT_TRUE(got.ok()) << got.status();
    const bool diverged = change > 1e-6;
    if (diverged) {
      EXPECT_TRUE(got->unbounded) << "seed " << seed;
      continue;
    }
    if (change > 1e-12) continue;  // Too slow to call either way.
    ASSERT_FALSE(got->unbounded) << "seed " << seed;
    size_t positive = 0;
    for (size_t i = 0; i < n; ++i) {
      if (i == me || !(x[i] > 0)) continue;
      ++positive;
      const Holding* h = got->Find(*g.FindNode(ids[i]));
      ASSERT_NE(h, nullptr) << "seed " << seed << " " << ids[i];
      EXPECT_NEAR(h->share_percent, x[i] * 100, 1e-7) << "seed " << seed;
    }
    EXPECT_EQ(got->holdings.size(), positive) << "seed " << seed;
    holdings += static_cast<int>(positive);

    // Every simple chain from the owner, by target.
    std::vector<std::vector<double>> chains(n);
    std::vector<bool> on(n, false);
    bool cyclic = false;
    std::vector<size_t> path{me};
    on[me] = true;
    auto dfs = [&](auto&& self, size_t v, double product) -> void {
      for (const E& e : edges) {
        if (e.from != v) continue;
        if (on[e.to]) {
          cyclic |= e.to != me;
          continue;
        }
        chains[e.to].push_back(product * e.w * 100);
        on[e.to] = true;
        self(self, e.to, product * e.w);
        on[e.to] = false;
      }
    };
    dfs(dfs, me, 1.0);
    cyclic_graphs += cyclic;
    for (const Holding& h : got->holdings) {
      const size_t t = at[std::string(g.node_id(h.node))];
      std::vector<double> want = chains[t];
      std::sort(want.rbegin(), want.rend());
      if (want.size() > 3) want.resize(3);
      std::vector<double> have;
      for (const OwnershipChain& c : h.top_chains) {
        have.push_back(c.share_percent);
        // Each chain is a real chain with the product it claims.
        ASSERT_EQ(c.nodes.size(), c.edges.size() + 1);
        EXPECT_EQ(c.nodes.front(), *g.FindNode(owner));
        EXPECT_EQ(c.nodes.back(), h.node);
        double product = 100;
        for (size_t k = 0; k < c.edges.size(); ++k) {
          EdgeInfo info = g.edge(c.edges[k]);
          EXPECT_EQ(info.from, c.nodes[k]);
          EXPECT_EQ(info.to, c.nodes[k + 1]);
          product *= info.share_percent / 100;
        }
        EXPECT_NEAR(product, c.share_percent, 1e-9);
        std::set<NodeId> distinct(c.nodes.begin(), c.nodes.end());
        EXPECT_EQ(distinct.size(), c.nodes.size());
      }
      for (size_t k = 1; k < have.size(); ++k) EXPECT_GE(have[k - 1] + 1e-12, have[k]);
      if (!cyclic) {
        ASSERT_EQ(have.size(), want.size()) << "seed " << seed;
        for (size_t k = 0; k < have.size(); ++k) {
          EXPECT_NEAR(have[k], want[k], 1e-9) << "seed " << seed;
        }
      }
    }
  }
  EXPECT_GT(holdings, 200);
  EXPECT_GT(cyclic_graphs, 5);
}

TEST(SanctionsVerifierTest, Breaches) {
  int found = 0, possible = 0, through_states = 0;
  for (uint32_t seed = 1; seed <= kGraphs; ++seed) {
    Random r = MakeRandom(seed);
    Graph g = r.data.Graph();
    std::mt19937 rng(seed * 32452843);
    BreachOptions o;
    if (Chance(rng, 0.3)) o.regime = RandomRegime(rng);
    o.regime.measures = {};
    o.ignore_dates = Chance(rng, 0.1);
    std::vector<std::string> expected;
    std::map<std::string, std::string> country_of;
    for (const v1::Actor& a : r.data.dataset().actors()) country_of[a.id()] = a.country();
    for (const v1::Transfer& t : r.data.dataset().transfers()) {
      if (t.status() < o.min_transfer_status) continue;
      std::vector<std::pair<std::string, BreachRole>> parties = {
          {t.supplier_id(), BreachRole::kSupplier},
          {t.recipient_id(), BreachRole::kRecipient}};
      for (const std::string& v : t.intermediary_ids()) {
        parties.push_back({v, BreachRole::kIntermediary});
      }
      const PartialDate ordered = *PartialDate::FromProto(t.ordered());
      const DayRange days = ordered.known() ? ordered.Days() : DayRange{};
      for (const auto& [party, role] : parties) {
        for (const v1::Sanction& s : r.data.dataset().sanctions()) {
          // A sanction on the party, or on the state of its country (every
          // party is no state): possible then.
          const bool through_state = s.target_id() != party &&
                                     s.target_id() == country_of.at(party);
          if ((s.target_id() != party && !through_state) || !Matches(o.regime, s)) continue;
          bool exports = false, imports = false;
          for (int m : s.measures()) {
            exports |= m == v1::MEASURE_ARMS_EMBARGO_EXPORTS;
            imports |= m == v1::MEASURE_ARMS_EMBARGO_IMPORTS;
          }
          const bool direction = role == BreachRole::kSupplier    ? exports
                                 : role == BreachRole::kRecipient ? imports
                                                                  : exports || imports;
          if (!direction) continue;
          int item = 0;  // 0 no, 1 possible, 2 certain.
          if (s.embargo_items().empty()) {
            item = 2;
          } else {
            for (int i : s.embargo_items()) {
              if (i == t.item()) item = 2;
            }
            if (item == 0 && t.item() == v1::ITEM_ARMS_GENERAL) item = 1;
          }
          if (item == 0) continue;
          const int date = Judgement(s.listed(), s.delisted(), days,
                                     o.ignore_dates, true);
          if (date == 0) continue;
          // Bound: AU0 binds the transfer's other parties of USA (2), and
          // possibly those of no country (1); AU1 binds whom is unknown (1).
          int bound = s.authority_id() == "AU1" ? 1 : 0;
          for (const auto& [other, unused] : parties) {
            if (other == party || s.authority_id() == "AU1") continue;
            const std::string& c = country_of.at(other);
            bound = std::max(bound, c == "USA" ? 2 : c.empty() ? 1 : 0);
          }
          if (bound == 0) continue;
          expected.push_back(absl::StrCat(
              t.id(), "/", party, "/", BreachRoleName(role), "/", s.id(), "/",
              std::min({item, date, bound, through_state ? 1 : 2}) == 2 ? "certain"
                                                                        : "possible"));
          through_states += through_state;
        }
      }
    }
    absl::StatusOr<std::vector<Breach>> got = FindEmbargoBreaches(g, o);
    ASSERT_TRUE(got.ok()) << got.status();
    std::vector<std::string> actual;
    for (const Breach& b : *got) {
      actual.push_back(absl::StrCat(b.transfer_id, "/", g.node_id(b.party), "/",
                                    BreachRoleName(b.role), "/",
                                    b.sanction.sanction_id, "/",
                                    CertaintyName(b.certainty)));
    }
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    ASSERT_EQ(actual, expected) << "seed " << seed;
    found += static_cast<int>(actual.size());
    for (const Breach& b : *got) possible += b.certainty == Certainty::kPossible;
  }
  EXPECT_GT(found, 50);
  EXPECT_GT(possible, 10);
  EXPECT_GT(through_states, 10);
}

TEST(SanctionsVerifierTest, RegimePathsAreAllPathsToEachTarget) {
  int paths = 0;
  for (uint32_t seed = 1; seed <= kGraphs; ++seed) {
    Random r = MakeRandom(seed);
    Graph g = r.data.Graph();
    std::mt19937 rng(seed * 49979687);
    const Regime regime = RandomRegime(rng);
    const NodeId from = *g.FindNode(Pick(rng, r.parties));
    const int hops = std::uniform_int_distribution<int>(1, 3)(rng);
    Filter filter;
    if (Chance(rng, 0.3)) filter.direction = Direction::kAlong;
    if (Chance(rng, 0.3)) filter.node_kinds = {NodeKind::kCompany};
    absl::StatusOr<Paths> mine =
        PathsToSanctioned(g, from, regime, r.as_of, hops, filter);
    ASSERT_TRUE(mine.ok()) << mine.status();
    ASSERT_FALSE(mine->truncated);
    std::vector<Path> expected;
    for (NodeId t : SanctionedNodes(g, regime, r.as_of)->Nodes()) {
      if (t == from) continue;
      absl::StatusOr<Paths> all = AllPaths(g, from, t, hops, filter);
      ASSERT_TRUE(all.ok()) << all.status();
      for (const Path& p : all->paths) expected.push_back(p);
    }
    auto key = [](const Path& p) {
      std::vector<uint32_t> k{static_cast<uint32_t>(p.length())};
      for (const Hop& h : p.hops) {
        k.push_back(h.edge.value());
        k.push_back(h.to.value());
      }
      return k;
    };
    std::vector<std::vector<uint32_t>> a, b;
    for (const Path& p : mine->paths) a.push_back(key(p));
    for (const Path& p : expected) b.push_back(key(p));
    // Shortest first.
    for (size_t i = 1; i < a.size(); ++i) ASSERT_LE(a[i - 1][0], a[i][0]);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    ASSERT_EQ(a, b) << "seed " << seed;
    paths += static_cast<int>(a.size());
  }
  EXPECT_GT(paths, 100);
}

}  // namespace
}  // namespace embargo
