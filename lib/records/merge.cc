// DatasetMerger. See embargo/merge.h.

#include "embargo/merge.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace embargo {
namespace {

// AppendNew appends the messages of `from` that `to` does not hold yet.
template <typename M>
void AppendNew(const google::protobuf::RepeatedPtrField<M>& from,
               google::protobuf::RepeatedPtrField<M>& to) {
  for (const M& m : from) {
    const std::string key = m.SerializeAsString();
    const bool found = std::any_of(to.begin(), to.end(), [&](const M& t) {
      return t.SerializeAsString() == key;
    });
    if (!found) *to.Add() = m;
  }
}

}  // namespace

DatasetMerger::DatasetMerger(v1::Dataset& into) : into_(into) {}

template <typename M>
void DatasetMerger::MergeKind(google::protobuf::RepeatedPtrField<M>& from,
                              google::protobuf::RepeatedPtrField<M>& to,
                              absl::flat_hash_map<std::string, int>& index,
                              const char* kind) {
  for (M& m : from) {
    auto [it, fresh] = index.try_emplace(m.id(), to.size());
    if (fresh) {
      *to.Add() = std::move(m);
    } else if (to.Get(it->second).SerializeAsString() != m.SerializeAsString()) {
      notes_.push_back(absl::StrCat("two different ", kind,
                                    " records have the id \"", m.id(),
                                    "\"; the first was kept"));
    }
  }
}

void DatasetMerger::Add(v1::Dataset from) {
  MergeKind(*from.mutable_sources(), *into_.mutable_sources(), sources_,
            "Source");
  for (v1::Actor& a : *from.mutable_actors()) {
    auto [it, fresh] = actors_.try_emplace(a.id(), into_.actors_size());
    if (fresh) {
      *into_.add_actors() = std::move(a);
      continue;
    }
    v1::Actor& old = *into_.mutable_actors(it->second);
    for (const std::string& al : a.aliases()) {
      if (std::find(old.aliases().begin(), old.aliases().end(), al) ==
              old.aliases().end() &&
          al != old.name()) {
        old.add_aliases(al);
      }
    }
    AppendNew(a.identifiers(), *old.mutable_identifiers());
    AppendNew(a.evidence(), *old.mutable_evidence());
    if (old.country().empty()) old.set_country(a.country());
  }
  MergeKind(*from.mutable_events(), *into_.mutable_events(), events_, "Event");
  MergeKind(*from.mutable_transfers(), *into_.mutable_transfers(), transfers_,
            "Transfer");
  MergeKind(*from.mutable_sanctions(), *into_.mutable_sanctions(), sanctions_,
            "Sanction");
  MergeKind(*from.mutable_relations(), *into_.mutable_relations(), relations_,
            "Relation");
}

}  // namespace embargo
