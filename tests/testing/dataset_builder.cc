#include "tests/testing/dataset_builder.h"

#include "gtest/gtest.h"

namespace embargo::testing {

v1::Date YearDate(int year) {
  v1::Date d;
  d.set_year(year);
  return d;
}

DatasetBuilder::DatasetBuilder() {
  dataset_.set_name("test");
  v1::Source* s = dataset_.add_sources();
  s->set_id("src");
  s->set_publisher("test fixture");
}

v1::Evidence DatasetBuilder::Cite() const {
  v1::Evidence e;
  e.set_source_id("src");
  return e;
}

DatasetBuilder& DatasetBuilder::Actor(const std::string& id, v1::ActorKind kind,
                                      const std::string& country) {
  v1::Actor* a = dataset_.add_actors();
  a->set_id(id);
  a->set_kind(kind);
  a->set_name("Name of " + id);
  a->set_country(country);
  return *this;
}

DatasetBuilder& DatasetBuilder::State(const std::string& id) {
  return Actor(id, v1::ACTOR_KIND_STATE);
}

DatasetBuilder& DatasetBuilder::Transfer(const std::string& id,
                                         const std::string& from,
                                         const std::string& to,
                                         v1::ItemCategory item,
                                         v1::Status status, int year,
                                         const std::vector<std::string>& via) {
  v1::Transfer* t = dataset_.add_transfers();
  t->set_id(id);
  t->set_supplier_id(from);
  t->set_recipient_id(to);
  for (const std::string& v : via) t->add_intermediary_ids(v);
  t->set_item(item);
  t->set_status(status);
  if (year != 0) *t->mutable_ordered() = YearDate(year);
  *t->add_evidence() = Cite();
  return *this;
}

DatasetBuilder& DatasetBuilder::Relation(const std::string& id,
                                         v1::RelationKind kind,
                                         const std::string& subject,
                                         const std::string& object,
                                         double share, v1::Status status,
                                         int start_year, int end_year) {
  v1::Relation* r = dataset_.add_relations();
  r->set_id(id);
  r->set_kind(kind);
  r->set_subject_id(subject);
  r->set_object_id(object);
  r->set_share_percent(share);
  r->set_status(status);
  if (start_year != 0) *r->mutable_period()->mutable_start() = YearDate(start_year);
  if (end_year != 0) *r->mutable_period()->mutable_end() = YearDate(end_year);
  *r->add_evidence() = Cite();
  return *this;
}

DatasetBuilder& DatasetBuilder::Sanction(const std::string& id,
                                         const std::string& authority,
                                         const std::string& target,
                                         const std::string& program,
                                         std::vector<v1::Measure> measures,
                                         int listed_year, int delisted_year) {
  v1::Sanction* s = dataset_.add_sanctions();
  s->set_id(id);
  s->set_authority_id(authority);
  s->set_target_id(target);
  s->set_program(program);
  for (v1::Measure m : measures) s->add_measures(m);
  *s->mutable_listed() = YearDate(listed_year);
  if (delisted_year != 0) *s->mutable_delisted() = YearDate(delisted_year);
  s->set_status(v1::STATUS_CONFIRMED);
  *s->add_evidence() = Cite();
  return *this;
}

DatasetBuilder& DatasetBuilder::Event(const std::string& id, v1::EventKind kind,
                                      const std::vector<std::string>& participants,
                                      int year) {
  v1::Event* e = dataset_.add_events();
  e->set_id(id);
  e->set_kind(kind);
  e->set_name("Event " + id);
  for (const std::string& p : participants) {
    e->add_participants()->set_actor_id(p);
  }
  if (year != 0) *e->mutable_period()->mutable_start() = YearDate(year);
  e->set_status(v1::STATUS_REPORTED);
  *e->add_evidence() = Cite();
  return *this;
}

Graph DatasetBuilder::BuildGraph() const {
  GraphBuilder builder;
  builder.AddDataset(dataset_, "test");
  absl::StatusOr<Graph> g = builder.Build();
  EXPECT_TRUE(g.ok()) << g.status();
  if (!g.ok()) {
    GraphBuilder empty;
    return *empty.Build();
  }
  return *std::move(g);
}

}  // namespace embargo::testing
