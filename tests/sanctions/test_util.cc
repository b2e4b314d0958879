#include "tests/sanctions/test_util.h"

#include <utility>

#include "gtest/gtest.h"

namespace embargo::sanctions_testing {

PartialDate P(const std::string& text) {
  if (text.empty()) return PartialDate();
  absl::StatusOr<PartialDate> d = PartialDate::Parse(text);
  EXPECT_TRUE(d.ok()) << text << ": " << d.status();
  return d.ok() ? *d : PartialDate();
}

v1::Date D(const std::string& text) { return P(text).ToProto(); }

Data::Data() {
  dataset_.set_name("sanctions-test");
  v1::Source* s = dataset_.add_sources();
  s->set_id("src");
  s->set_publisher("test fixture");
}

Data& Data::Actor(const std::string& id, v1::ActorKind kind,
                  const std::string& country) {
  v1::Actor* a = dataset_.add_actors();
  a->set_id(id);
  a->set_kind(kind);
  if (!country.empty()) a->set_country(country);
  a->set_name("Name of " + id);
  return *this;
}

Data& Data::Relation(const std::string& id, v1::RelationKind kind,
                     const std::string& subject, const std::string& object,
                     double share, const std::string& start,
                     const std::string& end, v1::Status status) {
  v1::Relation* r = dataset_.add_relations();
  r->set_id(id);
  r->set_kind(kind);
  r->set_subject_id(subject);
  r->set_object_id(object);
  r->set_share_percent(share);
  if (!start.empty()) *r->mutable_period()->mutable_start() = D(start);
  if (!end.empty()) *r->mutable_period()->mutable_end() = D(end);
  r->set_status(status);
  r->add_evidence()->set_source_id("src");
  return *this;
}

Data& Data::Sanction(const std::string& id, const std::string& authority,
                     const std::string& target, const std::string& program,
                     std::vector<v1::Measure> measures,
                     const std::string& listed, const std::string& delisted,
                     std::vector<v1::ItemCategory> items,
                     std::vector<std::string> legal_basis, v1::Status status) {
  v1::Sanction* s = dataset_.add_sanctions();
  s->set_id(id);
  s->set_authority_id(authority);
  s->set_target_id(target);
  s->set_program(program);
  for (v1::Measure m : measures) s->add_measures(m);
  for (v1::ItemCategory i : items) s->add_embargo_items(i);
  for (std::string& b : legal_basis) s->add_legal_basis(std::move(b));
  *s->mutable_listed() = D(listed);
  if (!delisted.empty()) *s->mutable_delisted() = D(delisted);
  s->set_status(status);
  s->add_evidence()->set_source_id("src");
  return *this;
}

Data& Data::Transfer(const std::string& id, const std::string& supplier,
                     const std::string& recipient, v1::ItemCategory item,
                     const std::string& ordered, std::vector<std::string> via,
                     v1::Status status) {
  v1::Transfer* t = dataset_.add_transfers();
  t->set_id(id);
  t->set_supplier_id(supplier);
  t->set_recipient_id(recipient);
  for (std::string& v : via) t->add_intermediary_ids(std::move(v));
  t->set_item(item);
  if (!ordered.empty()) *t->mutable_ordered() = D(ordered);
  t->set_status(status);
  t->add_evidence()->set_source_id("src");
  return *this;
}

absl::StatusOr<embargo::Graph> Data::Build() const {
  GraphBuilder b;
  b.AddDataset(dataset_, "sanctions-test");
  return b.Build();
}

embargo::Graph Data::Graph() const {
  absl::StatusOr<embargo::Graph> g = Build();
  EXPECT_TRUE(g.ok()) << g.status();
  if (!g.ok()) {
    GraphBuilder empty;
    return *empty.Build();
  }
  return *std::move(g);
}

namespace {

PartialDate Of(const v1::Date& d) {
  absl::StatusOr<PartialDate> p = PartialDate::FromProto(d);
  return p.ok() ? *p : PartialDate();
}

}  // namespace

bool PossiblyOn(const v1::Date& start, const v1::Date& end, int32_t day) {
  const PartialDate s = Of(start), e = Of(end);
  // Some day of the start's span is on or before `day`, and some day of the
  // end's span is on or after it.
  const bool started = !s.known() || s.EarliestDay() <= day;
  const bool not_ended = !e.known() || day <= e.LatestDay();
  return started && not_ended;
}

bool CertainlyOn(const v1::Date& start, const v1::Date& end, int32_t day,
                 bool end_exclusive_when_certain) {
  const PartialDate s = Of(start), e = Of(end);
  // Every day of the start's span is on or before `day`, and every day of
  // the end's span after it (or on or after it for inclusive ends).
  const bool started = !s.known() || s.LatestDay() <= day;
  bool not_ended = true;
  if (e.known()) {
    not_ended = end_exclusive_when_certain ? day < e.EarliestDay()
                                           : day <= e.EarliestDay();
  }
  return started && not_ended;
}

int Judgement(const v1::Date& start, const v1::Date& end, DayRange days,
              bool ignore, bool end_exclusive_when_certain) {
  if (ignore) return 2;
  if (days.lo == kMinDay && days.hi == kMaxDay) {
    // An undated fact (an undated transfer): every day is possible, so the
    // fact in question is possibly in force (validated ends never cross),
    // and certainly only when it holds on every day, i.e. has no ends.
    const PartialDate s = Of(start), e = Of(end);
    return !s.known() && !e.known() ? 2 : 1;
  }
  bool any = false, all = true;
  for (int32_t d = days.lo; d <= days.hi; ++d) {
    any |= PossiblyOn(start, end, d);
    all &= CertainlyOn(start, end, d, end_exclusive_when_certain);
  }
  if (all) return 2;
  return any ? 1 : 0;
}

}  // namespace embargo::sanctions_testing
