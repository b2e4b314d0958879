#include "tests/testing/random_graph.h"

#include <string>
#include <vector>

namespace embargo::testing {
namespace {

int Pick(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool Coin(std::mt19937& rng, double p = 0.5) {
  return std::bernoulli_distribution(p)(rng);
}

v1::Date RandomDate(std::mt19937& rng) {
  v1::Date d;
  d.set_year(Pick(rng, 2018, 2024));
  if (Coin(rng)) {
    d.set_month(Pick(rng, 1, 12));
    if (Coin(rng)) d.set_day(Pick(rng, 1, 28));
  }
  return d;
}

void OrderedPeriod(std::mt19937& rng, v1::Period* p) {
  v1::Date a = RandomDate(rng), b = RandomDate(rng);
  if (a.year() > b.year() || (a.year() == b.year())) {
    b = a;  // Same date: always a valid period.
  }
  if (Coin(rng, 0.7)) *p->mutable_start() = a;
  if (Coin(rng, 0.5)) *p->mutable_end() = b;
}

constexpr v1::ActorKind kKinds[] = {
    v1::ACTOR_KIND_COMPANY, v1::ACTOR_KIND_PERSON, v1::ACTOR_KIND_VESSEL,
    v1::ACTOR_KIND_ORGANIZATION, v1::ACTOR_KIND_MILITARY_UNIT};
constexpr v1::ItemCategory kItems[] = {v1::ITEM_ROCKETS,
                                       v1::ITEM_ARTILLERY_AMMUNITION,
                                       v1::ITEM_DRONES, v1::ITEM_MISSILES};
constexpr v1::Status kStatuses[] = {v1::STATUS_DENIED, v1::STATUS_ALLEGED,
                                    v1::STATUS_REPORTED, v1::STATUS_CONFIRMED};
constexpr v1::RelationKind kRelations[] = {
    v1::RELATION_KIND_OWNERSHIP, v1::RELATION_KIND_DIRECTORSHIP,
    v1::RELATION_KIND_FLAG, v1::RELATION_KIND_VISIT};

}  // namespace

v1::Dataset RandomDataset(std::mt19937& rng, const RandomGraphOptions& o) {
  v1::Dataset ds;
  v1::Source* src = ds.add_sources();
  src->set_id("src");
  v1::Evidence ev;
  ev.set_source_id("src");
  const int n = Pick(rng, o.min_nodes, o.max_nodes);
  for (int i = 0; i < n; ++i) {
    v1::Actor* a = ds.add_actors();
    a->set_id("N" + std::to_string(i));
    a->set_name("Node " + std::to_string(i));
    a->set_kind(kKinds[Pick(rng, 0, 4)]);
  }
  const int m = Pick(rng, 0, o.max_edges);
  for (int k = 0; k < m; ++k) {
    const int u = Pick(rng, 0, n - 1);
    int v = Pick(rng, 0, n - 2);
    if (v >= u) ++v;
    const std::string from = "N" + std::to_string(u);
    const std::string to = "N" + std::to_string(v);
    if (Coin(rng)) {
      v1::Transfer* t = ds.add_transfers();
      t->set_id("T" + std::to_string(k));
      t->set_supplier_id(from);
      t->set_recipient_id(to);
      if (n > 2 && Coin(rng, 0.2)) {
        int w = Pick(rng, 0, n - 1);
        while (w == u || w == v) w = (w + 1) % n;
        t->add_intermediary_ids("N" + std::to_string(w));
      }
      t->set_item(kItems[Pick(rng, 0, 3)]);
      t->set_status(kStatuses[Pick(rng, 0, 3)]);
      if (Coin(rng, 0.8)) *t->mutable_ordered() = RandomDate(rng);
      *t->add_evidence() = ev;
    } else {
      v1::Relation* r = ds.add_relations();
      r->set_id("R" + std::to_string(k));
      r->set_kind(kRelations[Pick(rng, 0, 3)]);
      r->set_subject_id(from);
      r->set_object_id(to);
      if (r->kind() == v1::RELATION_KIND_OWNERSHIP) r->set_share_percent(5);
      r->set_status(kStatuses[Pick(rng, 0, 3)]);
      OrderedPeriod(rng, r->mutable_period());
      *r->add_evidence() = ev;
    }
  }
  if (n > 2 && Coin(rng, 0.3)) {
    v1::Event* e = ds.add_events();
    e->set_id("E0");
    e->set_kind(v1::EVENT_KIND_MEETING);
    e->set_status(kStatuses[Pick(rng, 1, 3)]);
    for (int i = 0; i < n; ++i) {
      if (Coin(rng, 0.4)) e->add_participants()->set_actor_id("N" + std::to_string(i));
    }
    *e->add_evidence() = ev;
  }
  return ds;
}

Filter RandomFilter(std::mt19937& rng) {
  Filter f;
  if (Coin(rng, 0.6)) {
    f.edge_kinds = {};
    // Random graphs hold no country links (they are built without Load):
    // draw over the kinds before them, so that the draws stay as they were.
    for (int k = 0; k <= static_cast<int>(EdgeKind::kParticipation); ++k) {
      if (Coin(rng, 0.6)) f.edge_kinds.Add(static_cast<EdgeKind>(k));
    }
  }
  if (Coin(rng, 0.4)) {
    f.items = {};
    for (v1::ItemCategory item : kItems) {
      if (Coin(rng, 0.5)) f.items.Add(item);
    }
  }
  if (Coin(rng, 0.4)) {
    v1::Date d = RandomDate(rng);
    f.from = *PartialDate::FromProto(d);
  }
  if (Coin(rng, 0.4)) {
    v1::Date d = RandomDate(rng);
    PartialDate until = *PartialDate::FromProto(d);
    if (!f.from.known() || until.LatestDay() >= f.from.EarliestDay()) f.until = until;
  }
  if (Coin(rng, 0.3)) f.date_match = DateMatch::kCertain;
  f.min_status = kStatuses[Pick(rng, 0, 3)];
  if (Coin(rng, 0.3)) {
    f.node_kinds = {NodeKind::kEvent};
    for (v1::ActorKind k : kKinds) {
      if (Coin(rng, 0.7)) f.node_kinds.Add(NodeKindFor(k));
    }
  }
  f.direction = static_cast<Direction>(Pick(rng, 0, 2));
  return f;
}

}  // namespace embargo::testing
