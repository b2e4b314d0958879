// Editing the records of resolved files (lib/resolve/records.h).

#include "lib/resolve/records.h"

#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "embargo/date.h"
#include "embargo/diff.h"
#include "lib/model/record_date.h"
#include "google/protobuf/util/message_differencer.h"
#include "lib/resolve/keys.h"

namespace embargo::resolve_internal {
namespace {

using google::protobuf::util::MessageDifferencer;

// MergeSame folds `later` into `kept` when the two records say the same
// but for where they were read: their evidence, and for a sanction given
// by two lists of one authority (OFAC's SDN and consolidated lists name
// an entry on both under the same programme), its remarks, its measures
// (each list's) and listed_no_later_than (each edition's date). `kept`
// gains the evidence, measures and remarks it lacks and keeps the earlier
// listed_no_later_than. Returns false, changing nothing, when they differ
// in anything else.
template <typename M>
bool MergeSame(const M& later, M& kept) {
  const google::protobuf::Descriptor* d = M::descriptor();
  MessageDifferencer differ;
  std::vector<const google::protobuf::FieldDescriptor*> ignored = {
      d->FindFieldByName("evidence")};
  if constexpr (std::is_same_v<M, v1::Sanction>) {
    for (const char* f : {"remarks", "measures", "listed_no_later_than"}) {
      ignored.push_back(d->FindFieldByName(f));
    }
  }
  for (const google::protobuf::FieldDescriptor* f : ignored) differ.IgnoreField(f);
  if (!differ.Compare(later, kept)) return false;
  // Two readings of one source (an old and a new import of one file) are
  // not two lists' word: they stay two records, for validation to report.
  for (const v1::Evidence& a : later.evidence()) {
    for (const v1::Evidence& b : kept.evidence()) {
      if (a.source_id() == b.source_id()) return false;
    }
  }
  for (const v1::Evidence& e : later.evidence()) {
    const bool known = std::any_of(
        kept.evidence().begin(), kept.evidence().end(),
        [&](const v1::Evidence& k) { return MessageDifferencer::Equals(e, k); });
    if (!known) *kept.add_evidence() = e;
  }
  if constexpr (std::is_same_v<M, v1::Sanction>) {
    for (int m : later.measures()) {
      if (std::find(kept.measures().begin(), kept.measures().end(), m) ==
          kept.measures().end()) {
        kept.add_measures(static_cast<v1::Measure>(m));
      }
    }
    // A list that cannot tell (MEASURE_OTHER, its remark says so) adds
    // nothing to measures another list names, in either order.
    if (kept.measures_size() > 1) {
      auto* ms = kept.mutable_measures();
      ms->erase(std::remove(ms->begin(), ms->end(), v1::MEASURE_OTHER), ms->end());
    }
    // Remarks of two lists are each the word of one: prefixed with the
    // source they came from once a second list's are added ("sdn: ... |
    // cons: ..."). The kept record's first evidence is still its own.
    const auto attributed = [](const v1::Sanction& m) {
      return m.evidence_size() == 0 || m.remarks().empty()
                 ? m.remarks()
                 : absl::StrCat(m.evidence(0).source_id(), ": ", m.remarks());
    };
    const std::string kept_remarks =
        kept.evidence_size() > 0 &&
                absl::StartsWith(kept.remarks(),
                                 absl::StrCat(kept.evidence(0).source_id(), ": "))
            ? kept.remarks()
            : attributed(kept);
    const std::string later_remarks = attributed(later);
    if (later.remarks() != kept.remarks()) {
      kept.set_remarks(kept_remarks.empty()     ? later_remarks
                       : later_remarks.empty() ? kept_remarks
                                               : absl::StrCat(kept_remarks, " | ",
                                                              later_remarks));
    }
    const auto day = [](const v1::Date& x) {
      const PartialDate p = internal::RecordDate(x);
      return p.known() ? p.LatestDay() : kMaxDay;
    };
    if (later.has_listed_no_later_than() &&
        (!kept.has_listed_no_later_than() ||
         day(later.listed_no_later_than()) < day(kept.listed_no_later_than()))) {
      *kept.mutable_listed_no_later_than() = later.listed_no_later_than();
    }
  }
  return true;
}

// Rewriter holds what rewriting and deduplicating need: the files, the
// kept ids and the report.
class Rewriter {
 public:
  Rewriter(std::vector<DatasetFile>& files, const KeptIds& ids,
           ResolveReport& report)
      : files_(files), ids_(ids), report_(report) {}

  // Rewrite changes one reference of file f to its kept id.
  void Rewrite(size_t f, std::string* ref) {
    if (ref->empty()) return;
    auto it = ids_.local[f].find(*ref);
    if (it == ids_.local[f].end()) {
      it = ids_.global.find(*ref);
      if (it == ids_.global.end()) return;
    }
    *ref = it->second;
    ++report_.references_rewritten;
  }

  template <typename Evidences>
  void RewriteEvidence(size_t f, Evidences* evidence) {
    for (v1::Evidence& e : *evidence) Rewrite(f, e.mutable_speaker_id());
  }

  void Drop(const DatasetFile& file, absl::string_view field,
            const std::vector<int64_t>& positions, int index,
            absl::string_view kind, const std::string& id, std::string reason) {
    report_.dropped.push_back({file.path, RecordLabel(field, positions, index),
                               std::string(kind), id, std::move(reason)});
  }

  void RewriteRecords() {
    for (size_t f = 0; f < files_.size(); ++f) {
      DatasetFile& file = files_[f];
      v1::Dataset& ds = file.dataset;
      for (v1::Actor& a : *ds.mutable_actors()) {
        Rewrite(f, a.mutable_country());
        RewriteEvidence(f, a.mutable_evidence());
      }
      for (v1::Event& e : *ds.mutable_events()) {
        for (v1::Participant& p : *e.mutable_participants()) {
          Rewrite(f, p.mutable_actor_id());
        }
        // Two participants that became one actor with the same role.
        std::vector<bool> keep(e.participants_size(), true);
        bool any = false;
        for (int i = 0; i < e.participants_size(); ++i) {
          for (int j = 0; j < i && keep[i]; ++j) {
            if (keep[j] && e.participants(j).actor_id() ==
                               e.participants(i).actor_id() &&
                e.participants(j).role() == e.participants(i).role()) {
              keep[i] = false;
              any = true;
              report_.notes.push_back(absl::StrCat(
                  file.path, ": Event \"", e.id(), "\": participant \"",
                  e.participants(i).actor_id(),
                  "\" listed twice after merging; kept once"));
            }
          }
        }
        if (any) {
          std::vector<int64_t> none;
          Compact(e.mutable_participants(), none, keep);
        }
        Rewrite(f, e.mutable_place_id());
        RewriteEvidence(f, e.mutable_evidence());
      }
      {
        std::vector<bool> keep(ds.transfers_size(), true);
        bool any = false;
        for (int i = 0; i < ds.transfers_size(); ++i) {
          v1::Transfer& t = *ds.mutable_transfers(i);
          const std::string supplier = t.supplier_id();
          const std::string recipient = t.recipient_id();
          Rewrite(f, t.mutable_supplier_id());
          Rewrite(f, t.mutable_recipient_id());
          for (std::string& via : *t.mutable_intermediary_ids()) {
            Rewrite(f, &via);
          }
          RewriteEvidence(f, t.mutable_evidence());
          if (!t.supplier_id().empty() && t.supplier_id() == t.recipient_id() &&
              supplier != recipient) {
            keep[i] = false;
            any = true;
            Drop(file, "transfers", file.positions.transfers, i, "Transfer",
                 t.id(),
                 absl::StrCat("supplier \"", supplier, "\" and recipient \"",
                              recipient, "\" were merged into \"",
                              t.supplier_id(), "\": a transfer to itself"));
            continue;
          }
          // Intermediaries that came to repeat their neighbour.
          std::vector<std::string> route;
          for (const std::string& via : t.intermediary_ids()) {
            if (via == t.supplier_id() || via == t.recipient_id() ||
                (!route.empty() && route.back() == via)) {
              report_.notes.push_back(absl::StrCat(
                  file.path, ": Transfer \"", t.id(), "\": intermediary \"",
                  via, "\" merged into a neighbour on the route; removed"));
              continue;
            }
            route.push_back(via);
          }
          if (static_cast<int>(route.size()) != t.intermediary_ids_size()) {
            t.clear_intermediary_ids();
            for (std::string& via : route) t.add_intermediary_ids(std::move(via));
          }
        }
        if (any) Compact(ds.mutable_transfers(), file.positions.transfers, keep);
      }
      {
        std::vector<bool> keep(ds.sanctions_size(), true);
        bool any = false;
        for (int i = 0; i < ds.sanctions_size(); ++i) {
          v1::Sanction& s = *ds.mutable_sanctions(i);
          const std::string authority = s.authority_id();
          const std::string target = s.target_id();
          Rewrite(f, s.mutable_authority_id());
          Rewrite(f, s.mutable_target_id());
          RewriteEvidence(f, s.mutable_evidence());
          if (!s.target_id().empty() && s.authority_id() == s.target_id() &&
              authority != target) {
            keep[i] = false;
            any = true;
            Drop(file, "sanctions", file.positions.sanctions, i, "Sanction",
                 s.id(),
                 absl::StrCat("authority \"", authority, "\" and target \"",
                              target, "\" were merged into \"", s.target_id(),
                              "\": a sanction on itself"));
          }
        }
        if (any) Compact(ds.mutable_sanctions(), file.positions.sanctions, keep);
      }
      {
        std::vector<bool> keep(ds.relations_size(), true);
        bool any = false;
        for (int i = 0; i < ds.relations_size(); ++i) {
          v1::Relation& r = *ds.mutable_relations(i);
          const std::string subject = r.subject_id();
          const std::string object = r.object_id();
          Rewrite(f, r.mutable_subject_id());
          Rewrite(f, r.mutable_object_id());
          RewriteEvidence(f, r.mutable_evidence());
          if (!r.subject_id().empty() && r.subject_id() == r.object_id() &&
              subject != object) {
            keep[i] = false;
            any = true;
            Drop(file, "relations", file.positions.relations, i, "Relation",
                 r.id(),
                 absl::StrCat("subject \"", subject, "\" and object \"",
                              object, "\" were merged into \"", r.subject_id(),
                              "\": a relation of an actor to itself"));
          }
        }
        if (any) Compact(ds.mutable_relations(), file.positions.relations, keep);
      }
    }
  }

  // DeduplicateField removes, from files after the first that holds it,
  // records of one kind whose id and content equal an earlier file's, or
  // that say the same but for where they were read (MergeSame): those
  // give the earlier record their evidence.
  template <typename Getter>
  void DeduplicateField(absl::string_view field, absl::string_view kind,
                        Getter get) {
    absl::flat_hash_map<std::string, std::pair<int, int>> seen;
    for (int f = 0; f < static_cast<int>(files_.size()); ++f) {
      DatasetFile& file = files_[f];
      auto [records, positions] = get(file);
      std::vector<bool> keep(records->size(), true);
      bool any = false;
      for (int i = 0; i < records->size(); ++i) {
        const auto& r = records->Get(i);
        if (r.id().empty()) continue;
        auto [it, inserted] = seen.try_emplace(r.id(), f, i);
        if (inserted || it->second.first == f) continue;
        DatasetFile& first = files_[it->second.first];
        auto [first_records, first_positions] = get(first);
        auto& kept = *first_records->Mutable(it->second.second);
        const std::string where = absl::StrCat(
            first.path, ": ", RecordLabel(field, *first_positions, it->second.second));
        if (MessageDifferencer::Equals(r, kept)) {
          Drop(file, field, *positions, i, kind, r.id(),
               absl::StrCat("identical to ", where));
        } else if (MergeSame(r, kept)) {
          Drop(file, field, *positions, i, kind, r.id(),
               absl::StrCat("the same ", kind, " as ", where,
                            ", which took its evidence"));
        } else {
          continue;  // Different records, one id: validation reports it.
        }
        keep[i] = false;
        any = true;
      }
      if (any) Compact(records, *positions, keep);
    }
  }

  void DeduplicateRecords() {
    DeduplicateField("events", "Event", [](DatasetFile& f) {
      return std::make_pair(f.dataset.mutable_events(), &f.positions.events);
    });
    DeduplicateField("transfers", "Transfer", [](DatasetFile& f) {
      return std::make_pair(f.dataset.mutable_transfers(),
                            &f.positions.transfers);
    });
    DeduplicateField("sanctions", "Sanction", [](DatasetFile& f) {
      return std::make_pair(f.dataset.mutable_sanctions(),
                            &f.positions.sanctions);
    });
    DeduplicateField("relations", "Relation", [](DatasetFile& f) {
      return std::make_pair(f.dataset.mutable_relations(),
                            &f.positions.relations);
    });
  }

 private:
  std::vector<DatasetFile>& files_;
  const KeptIds& ids_;
  ResolveReport& report_;
};

}  // namespace

std::string RecordLabel(absl::string_view field,
                        const std::vector<int64_t>& positions, int index) {
  if (!positions.empty() && index < static_cast<int>(positions.size())) {
    return absl::StrCat("record ", positions[index]);
  }
  return absl::StrCat(field, "[", index, "]");
}

void MergeActorInto(v1::Actor& kept, const v1::Actor& other,
                  absl::flat_hash_set<std::string>& name_keys) {
  const auto add_alias = [&](const std::string& name) {
    if (name.empty()) return;
    if (name_keys.insert(FoldName(name)).second) {
      kept.add_aliases(name);
    }
  };
  add_alias(other.name());
  for (const std::string& alias : other.aliases()) add_alias(alias);
  // Weak aliases stay weak, unless a list gives the name as a strong one.
  absl::flat_hash_set<std::string> weak_keys;
  for (const std::string& w : kept.weak_aliases()) {
    weak_keys.insert(FoldName(w));
  }
  for (const std::string& w : other.weak_aliases()) {
    const std::string k = FoldName(w);
    if (!k.empty() && !name_keys.contains(k) && weak_keys.insert(k).second) {
      kept.add_weak_aliases(w);
    }
  }
  for (const v1::Identifier& id : other.identifiers()) {
    bool have = false;
    for (const v1::Identifier& k : kept.identifiers()) {
      have = have || (k.scheme() == id.scheme() && k.value() == id.value());
    }
    if (!have) *kept.add_identifiers() = id;
  }
  for (const std::string& address : other.addresses()) {
    if (std::find(kept.addresses().begin(), kept.addresses().end(),
                  address) == kept.addresses().end()) {
      kept.add_addresses(address);
    }
  }
  for (const v1::Evidence& e : other.evidence()) {
    bool have = false;
    for (const v1::Evidence& k : kept.evidence()) {
      have = have || MessageDifferencer::Equals(k, e);
    }
    if (!have) *kept.add_evidence() = e;
  }
  if (!other.note().empty() &&
      kept.note().find(other.note()) == std::string::npos) {
    if (kept.note().empty()) {
      kept.set_note(other.note());
    } else {
      kept.set_note(absl::StrCat(kept.note(), "\n[", other.id(), "] ",
                                 other.note()));
    }
  }
  if (KindSpecificity(other.kind()) >
      KindSpecificity(kept.kind())) {
    kept.set_kind(other.kind());
  }
  if (kept.country().empty()) kept.set_country(other.country());
  if (DatePrecision(other.born()) >
          DatePrecision(kept.born()) &&
      (!DateKnown(kept.born()) ||
       DatesCompatible(kept.born(), other.born()))) {
    *kept.mutable_born() = other.born();
  }
  for (const std::string& m : other.merged_from()) {
    if (std::find(kept.merged_from().begin(), kept.merged_from().end(), m) ==
        kept.merged_from().end()) {
      kept.add_merged_from(m);
    }
  }
}

void RewriteReferences(std::vector<DatasetFile>& files, const KeptIds& ids,
                       ResolveReport& report) {
  Rewriter(files, ids, report).RewriteRecords();
}

void DeduplicateIdenticalRecords(std::vector<DatasetFile>& files,
                                 ResolveReport& report) {
  static const KeptIds kNone;
  Rewriter(files, kNone, report).DeduplicateRecords();
}

absl::Status RefuseTwoEditions(const std::vector<DatasetFile>& files) {
  absl::flat_hash_map<std::string, std::pair<int, int>> seen;
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    const v1::Dataset& ds = files[f].dataset;
    // Only lists of sanctions: two registers of transfers (SIPRI extracts
    // generated on different days) hold no listing to read as in force.
    if (ds.sanctions_size() == 0) continue;
    for (int i = 0; i < ds.sources_size(); ++i) {
      const v1::Source& s = ds.sources(i);
      if (!s.has_published()) continue;
      auto [it, inserted] = seen.try_emplace(ListEditionKey(s), f, i);
      if (inserted || it->second.first == f) continue;
      const DatasetFile& first = files[it->second.first];
      const v1::Source& other = first.dataset.sources(it->second.second);
      if (MessageDifferencer::Equals(s.published(), other.published())) continue;
      return absl::InvalidArgumentError(absl::StrCat(
          files[f].path, ": ", RecordLabel("sources", files[f].positions.sources, i),
          " (Source \"", s.id(), "\"): published: another edition of the list that ",
          first.path, " holds (Source \"", other.id(), "\"); loaded together, an "
          "entry delisted between the editions would read as listed. Load one "
          "edition (the newer), or compare them with `embargo diff OLD NEW`"));
    }
  }
  return absl::OkStatus();
}

absl::Status DeduplicateSources(std::vector<DatasetFile>& files, ResolveReport& report) {
  absl::flat_hash_map<std::string, std::pair<int, int>> seen;
  for (int f = 0; f < static_cast<int>(files.size()); ++f) {
    v1::Dataset& ds = files[f].dataset;
    std::vector<bool> keep(ds.sources_size(), true);
    bool any = false;
    for (int i = 0; i < ds.sources_size(); ++i) {
      const v1::Source& s = ds.sources(i);
      if (s.id().empty()) continue;
      auto [it, inserted] = seen.try_emplace(s.id(), f, i);
      if (inserted || it->second.first == f) continue;  // Same file: left
                                                        // to validation.
      const DatasetFile& first = files[it->second.first];
      const v1::Source& other = first.dataset.sources(it->second.second);
      if (!MessageDifferencer::Equals(s, other)) {
        return absl::InvalidArgumentError(absl::StrCat(
            files[f].path, ": ",
            RecordLabel("sources", files[f].positions.sources, i),
            " (Source \"", s.id(), "\"): id: differs from the source of the "
            "same id in ", first.path, ": ",
            RecordLabel("sources", first.positions.sources,
                  it->second.second),
            "; one id must name one source"));
      }
      keep[i] = false;
      any = true;
      ++report.sources_deduplicated;
    }
    if (any) Compact(ds.mutable_sources(), files[f].positions.sources, keep);
  }
  return RefuseTwoEditions(files);
}

}  // namespace embargo::resolve_internal

namespace embargo {

// The report of ResolveEntities, as one line of counts and a line per
// dropped record and note.
std::string ResolveReport::Summary() const {
  std::string out = absl::StrCat(
      "entity resolution: ", actors_in, " actors in, ", actors_out,
      " out; ", merged_actors, " merged actors standing for ",
      merged_actors + actors_removed, " records; ", merges.size(), " links (");
  bool first = true;
  for (const auto& [rule, count] : merges_by_rule) {
    absl::StrAppend(&out, first ? "" : ", ", rule, " ", count);
    first = false;
  }
  absl::StrAppend(&out, "); ", refused.size(), " refused; ", dropped.size(),
                  " records dropped; ", sources_deduplicated,
                  " duplicate sources; ", references_rewritten,
                  " references rewritten\n");
  for (const DroppedRecord& d : dropped) {
    absl::StrAppend(&out, "  dropped ", d.file, ": ", d.record, " (", d.kind,
                    " \"", d.id, "\"): ", d.reason, "\n");
  }
  for (const std::string& note : notes) absl::StrAppend(&out, "  ", note, "\n");
  return out;
}

}  // namespace embargo
