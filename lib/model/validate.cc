// Validation of records. See embargo/validate.h.
//
// One pass builds the id tables (sources, actors, events, and each edge
// record kind), reporting duplicates; a second pass checks every record's
// fields and references against them; a last pass checks that ownership
// shares of each asset never sum to over 100 at any one time (a sweep over
// the confirmed ownership periods of each asset, each owner counted once
// with its largest share).

#include "embargo/validate.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/date.h"
#include "lib/model/stakes.h"

namespace embargo {
namespace {

struct Where {
  const DatasetFile* file;
  std::string record;  // "actors[3]" or "record 12"
};

std::string Label(const DatasetFile& /*file*/, absl::string_view field,
                  const std::vector<int64_t>& positions, int index) {
  if (!positions.empty()) return absl::StrCat("record ", positions[index]);
  return absl::StrCat(field, "[", index, "]");
}

class Validator {
 public:
  Validator(absl::Span<const DatasetFile> files, const ValidateOptions& options)
      : files_(files), options_(options) {}

  std::vector<Problem> Run() {
    IndexIds();
    CheckNodeIds();
    for (const DatasetFile& f : files_) CheckFile(f);
    CheckOwnershipSums();
    if (truncated_) {
      problems_.push_back({"", "", "", "", "",
                           absl::StrCat("more problems were left out after the "
                                        "first ",
                                        options_.max_problems)});
    }
    return std::move(problems_);
  }

 private:
  // Context of the record being checked.
  struct Ctx {
    const DatasetFile* file;
    std::string record;
    absl::string_view kind;
    absl::string_view id;
  };

  void Report(const Ctx& c, std::string field, std::string message) {
    if (problems_.size() >= options_.max_problems) {
      truncated_ = true;
      return;
    }
    problems_.push_back({c.file->path, c.record, std::string(c.kind),
                         std::string(c.id), std::move(field),
                         std::move(message)});
  }

  template <typename Map>
  void AddId(Map& map, const Ctx& c, absl::string_view what) {
    if (c.id.empty()) return;  // Reported as a missing field later.
    auto [it, inserted] = map.try_emplace(c.id, Where{c.file, c.record});
    if (!inserted) {
      Report(c, "id",
             absl::StrCat("duplicate ", what, " id \"", c.id,
                          "\"; first defined at ", it->second.file->path, ": ",
                          it->second.record));
    }
  }

  // Actors and events are both nodes: their ids share one namespace.
  void CheckNodeIds() {
    for (const Ctx& c : events_of_node_) {
      auto it = actors_.find(c.id);
      if (it != actors_.end()) {
        Report(c, "id",
               absl::StrCat("duplicate node id \"", c.id,
                            "\": an actor has it too (actors and events "
                            "share one namespace), at ",
                            it->second.file->path, ": ", it->second.record));
      }
    }
  }

  void IndexIds() {
    for (const DatasetFile& f : files_) {
      const v1::Dataset& ds = f.dataset;
      for (int i = 0; i < ds.sources_size(); ++i) {
        AddId(sources_, {&f, Label(f, "sources", f.positions.sources, i), "Source", ds.sources(i).id()}, "source");
      }
      for (int i = 0; i < ds.actors_size(); ++i) {
        const v1::Actor& a = ds.actors(i);
        Ctx c{&f, Label(f, "actors", f.positions.actors, i), "Actor", a.id()};
        AddId(actors_, c, "actor");
        if (a.kind() == v1::ACTOR_KIND_STATE) states_.insert(a.id());
      }
      for (int i = 0; i < ds.events_size(); ++i) {
        Ctx c{&f, Label(f, "events", f.positions.events, i), "Event", ds.events(i).id()};
        AddId(events_, c, "event");
        events_of_node_.push_back(c);
      }
      for (int i = 0; i < ds.transfers_size(); ++i) {
        AddId(transfers_, {&f, Label(f, "transfers", f.positions.transfers, i), "Transfer", ds.transfers(i).id()}, "transfer");
      }
      for (int i = 0; i < ds.sanctions_size(); ++i) {
        AddId(sanctions_, {&f, Label(f, "sanctions", f.positions.sanctions, i), "Sanction", ds.sanctions(i).id()}, "sanction");
      }
      for (int i = 0; i < ds.relations_size(); ++i) {
        AddId(relations_, {&f, Label(f, "relations", f.positions.relations, i), "Relation", ds.relations(i).id()}, "relation");
      }
    }
  }

  void Required(const Ctx& c, absl::string_view field, bool present) {
    if (!present) Report(c, std::string(field), "required field is missing");
  }

  void ActorRef(const Ctx& c, std::string field, absl::string_view id,
                bool required) {
    if (id.empty()) {
      if (required) Report(c, std::move(field), "required field is missing");
      return;
    }
    if (!actors_.contains(id)) {
      Report(c, std::move(field),
             absl::StrCat("\"", id, "\" is not a known actor"));
    }
  }

  void SourceRef(const Ctx& c, std::string field, absl::string_view id) {
    if (id.empty()) {
      Report(c, std::move(field), "required field is missing");
    } else if (!sources_.contains(id)) {
      Report(c, std::move(field),
             absl::StrCat("\"", id, "\" is not a known source"));
    }
  }

  template <typename E>
  void Enum(const Ctx& c, absl::string_view field, int value,
            bool (*is_valid)(int), bool required) {
    if (!is_valid(value)) {
      Report(c, std::string(field),
             absl::StrCat("unknown enum value ", value));
    } else if (required && value == 0) {
      Report(c, std::string(field), "required field is missing");
    }
  }

  // Returns the date's span, or nullopt when invalid (reported).
  std::optional<PartialDate> Date(const Ctx& c, absl::string_view field,
                                  const v1::Date& d) {
    absl::StatusOr<PartialDate> p = PartialDate::FromProto(d);
    if (!p.ok()) {
      Report(c, std::string(field), std::string(p.status().message()));
      return std::nullopt;
    }
    return *p;
  }

  void Period(const Ctx& c, absl::string_view field, const v1::Period& p) {
    std::optional<PartialDate> s =
        Date(c, absl::StrCat(field, ".start"), p.start());
    std::optional<PartialDate> e = Date(c, absl::StrCat(field, ".end"), p.end());
    if (s && e && s->known() && e->known() &&
        e->LatestDay() < s->EarliestDay()) {
      Report(c, absl::StrCat(field, ".end"),
             absl::StrCat("end ", e->ToString(), " is before start ",
                          s->ToString()));
    }
  }

  void Status(const Ctx& c, v1::Status s) {
    Enum<v1::Status>(c, "status", s, v1::Status_IsValid, true);
  }

  // Clean is true for evidence the checks below pass (every reference
  // known, the date valid): most of it, checked without building the
  // fields' names (a string or two per piece of evidence was a tenth of
  // loading a large record stream).
  bool Clean(const v1::Evidence& e) const {
    if (e.source_id().empty() || !sources_.contains(e.source_id())) return false;
    if (!e.speaker_id().empty() && !actors_.contains(e.speaker_id())) return false;
    for (const std::string& v : e.via_source_ids()) {
      if (v.empty() || !sources_.contains(v)) return false;
    }
    return PartialDate::FromProto(e.stated()).ok();
  }

  void Evidence(const Ctx& c, const google::protobuf::RepeatedPtrField<v1::Evidence>& ev,
                bool required) {
    if (required && ev.empty()) {
      Report(c, "evidence", "at least one piece of evidence is required");
    }
    for (int i = 0; i < ev.size(); ++i) {
      const v1::Evidence& e = ev[i];
      if (Clean(e)) continue;
      const std::string f = absl::StrCat("evidence[", i, "]");
      SourceRef(c, f + ".source_id", e.source_id());
      ActorRef(c, f + ".speaker_id", e.speaker_id(), false);
      for (int j = 0; j < e.via_source_ids_size(); ++j) {
        SourceRef(c, absl::StrCat(f, ".via_source_ids[", j, "]"),
                  e.via_source_ids(j));
      }
      Date(c, f + ".stated", e.stated());
    }
  }

  void CheckFile(const DatasetFile& f) {
    const v1::Dataset& ds = f.dataset;
    for (int i = 0; i < ds.sources_size(); ++i) {
      const v1::Source& s = ds.sources(i);
      Ctx c{&f, Label(f, "sources", f.positions.sources, i), "Source", s.id()};
      Required(c, "id", !s.id().empty());
      Date(c, "published", s.published());
      Enum<v1::Reliability>(c, "reliability", s.reliability(),
                            v1::Reliability_IsValid, false);
      for (int j = 0; j < s.cites_size(); ++j) {
        SourceRef(c, absl::StrCat("cites[", j, "]"), s.cites(j));
      }
    }
    for (int i = 0; i < ds.actors_size(); ++i) {
      const v1::Actor& a = ds.actors(i);
      Ctx c{&f, Label(f, "actors", f.positions.actors, i), "Actor", a.id()};
      Required(c, "id", !a.id().empty());
      Required(c, "name", !a.name().empty());
      Enum<v1::ActorKind>(c, "kind", a.kind(), v1::ActorKind_IsValid, true);
      if (a.kind() == v1::ACTOR_KIND_STATE && !a.id().empty() &&
          (a.id().size() != 3 ||
           !std::all_of(a.id().begin(), a.id().end(), absl::ascii_isupper))) {
        Report(c, "id",
               absl::StrCat("state id \"", a.id(),
                            "\" is not an ISO 3166-1 alpha-3 code (three "
                            "upper-case letters)"));
      }
      if (!a.country().empty() && !states_.contains(a.country())) {
        Report(c, "country",
               absl::StrCat("\"", a.country(), "\" is not a known state actor"));
      }
      for (int j = 0; j < a.address_countries_size(); ++j) {
        if (!states_.contains(a.address_countries(j))) {
          Report(c, absl::StrCat("address_countries[", j, "]"),
                 absl::StrCat("\"", a.address_countries(j),
                              "\" is not a known state actor"));
        }
      }
      Date(c, "born", a.born());
      for (int j = 0; j < a.identifiers_size(); ++j) {
        const v1::Identifier& id = a.identifiers(j);
        if (!id.scheme().empty() && !id.value().empty() &&
            (id.source_id().empty() || sources_.contains(id.source_id()))) {
          continue;  // Passes the checks below; its fields' names not built.
        }
        const std::string fld = absl::StrCat("identifiers[", j, "]");
        Required(c, fld + ".scheme", !id.scheme().empty());
        Required(c, fld + ".value", !id.value().empty());
        if (!id.source_id().empty()) SourceRef(c, fld + ".source_id", id.source_id());
      }
      Evidence(c, a.evidence(), false);
    }
    for (int i = 0; i < ds.events_size(); ++i) {
      const v1::Event& e = ds.events(i);
      Ctx c{&f, Label(f, "events", f.positions.events, i), "Event", e.id()};
      Required(c, "id", !e.id().empty());
      Enum<v1::EventKind>(c, "kind", e.kind(), v1::EventKind_IsValid, true);
      Status(c, e.status());
      for (int j = 0; j < e.participants_size(); ++j) {
        ActorRef(c, absl::StrCat("participants[", j, "].actor_id"),
                 e.participants(j).actor_id(), true);
      }
      ActorRef(c, "place_id", e.place_id(), false);
      Period(c, "period", e.period());
      Evidence(c, e.evidence(), true);
    }
    for (int i = 0; i < ds.transfers_size(); ++i) {
      const v1::Transfer& t = ds.transfers(i);
      Ctx c{&f, Label(f, "transfers", f.positions.transfers, i), "Transfer", t.id()};
      Required(c, "id", !t.id().empty());
      ActorRef(c, "supplier_id", t.supplier_id(), true);
      ActorRef(c, "recipient_id", t.recipient_id(), true);
      if (!t.supplier_id().empty() && t.supplier_id() == t.recipient_id()) {
        Report(c, "recipient_id", "recipient is the supplier");
      }
      for (int j = 0; j < t.intermediary_ids_size(); ++j) {
        const std::string fld = absl::StrCat("intermediary_ids[", j, "]");
        const std::string& via = t.intermediary_ids(j);
        ActorRef(c, fld, via, true);
        if (!via.empty() &&
            (via == t.supplier_id() || via == t.recipient_id() ||
             (j > 0 && via == t.intermediary_ids(j - 1)))) {
          Report(c, fld,
                 absl::StrCat("intermediary \"", via,
                              "\" repeats the supplier, the recipient or the "
                              "previous intermediary"));
        }
      }
      Enum<v1::ItemCategory>(c, "item", t.item(), v1::ItemCategory_IsValid, true);
      if (t.quantity() < 0) Report(c, "quantity", "negative quantity");
      if (t.quantity_ordered() < 0) {
        Report(c, "quantity_ordered", "negative quantity");
      }
      for (const auto& [field, tiv] :
           {std::pair<const char*, double>{"tiv_total", t.tiv_total()},
            {"tiv_unit", t.tiv_unit()},
            {"tiv_delivered", t.tiv_delivered()}}) {
        if (!std::isfinite(tiv) || tiv < 0) {
          Report(c, field, "must be a finite non-negative number");
        }
      }
      std::optional<PartialDate> ordered = Date(c, "ordered", t.ordered());
      Period(c, "delivered", t.delivered());
      if (ordered && ordered->known() && t.delivered().has_start()) {
        absl::StatusOr<PartialDate> ds0 =
            PartialDate::FromProto(t.delivered().start());
        if (ds0.ok() && ds0->known() &&
            ds0->LatestDay() < ordered->EarliestDay()) {
          Report(c, "delivered.start",
                 absl::StrCat("delivery ", ds0->ToString(),
                              " is before the order ", ordered->ToString()));
        }
      }
      for (int j = 0; j < t.delivery_years_size(); ++j) {
        if (t.delivery_years(j) < 1 || t.delivery_years(j) > 9999) {
          Report(c, absl::StrCat("delivery_years[", j, "]"),
                 absl::StrCat("year ", t.delivery_years(j),
                              " is outside 1..9999"));
        }
      }
      Status(c, t.status());
      Evidence(c, t.evidence(), true);
    }
    for (int i = 0; i < ds.sanctions_size(); ++i) {
      const v1::Sanction& s = ds.sanctions(i);
      Ctx c{&f, Label(f, "sanctions", f.positions.sanctions, i), "Sanction", s.id()};
      Required(c, "id", !s.id().empty());
      ActorRef(c, "authority_id", s.authority_id(), true);
      ActorRef(c, "target_id", s.target_id(), true);
      if (s.measures().empty()) {
        Report(c, "measures", "at least one measure is required");
      }
      for (int j = 0; j < s.measures_size(); ++j) {
        Enum<v1::Measure>(c, absl::StrCat("measures[", j, "]"), s.measures(j),
                          v1::Measure_IsValid, true);
      }
      for (int j = 0; j < s.embargo_items_size(); ++j) {
        Enum<v1::ItemCategory>(c, absl::StrCat("embargo_items[", j, "]"),
                               s.embargo_items(j), v1::ItemCategory_IsValid,
                               true);
      }
      std::optional<PartialDate> listed = Date(c, "listed", s.listed());
      std::optional<PartialDate> listed_by =
          Date(c, "listed_no_later_than", s.listed_no_later_than());
      // Neither `listed` nor `listed_no_later_than` may be known: some
      // entries of a list carry no date (an EU annex row without a start
      // date); such a sanction is possibly, never certainly, in force on a
      // date before its delisting.
      std::optional<PartialDate> delisted = Date(c, "delisted", s.delisted());
      if (listed_by && delisted && listed_by->known() && delisted->known() &&
          delisted->LatestDay() < listed_by->EarliestDay()) {
        Report(c, "delisted",
               absl::StrCat("delisted ", delisted->ToString(),
                            " before listed_no_later_than ",
                            listed_by->ToString()));
      }
      if (listed && delisted && listed->known() && delisted->known() &&
          delisted->LatestDay() < listed->EarliestDay()) {
        Report(c, "delisted",
               absl::StrCat("delisted ", delisted->ToString(),
                            " before listed ", listed->ToString()));
      }
      Status(c, s.status());
      Evidence(c, s.evidence(), true);
    }
    for (int i = 0; i < ds.relations_size(); ++i) {
      const v1::Relation& r = ds.relations(i);
      Ctx c{&f, Label(f, "relations", f.positions.relations, i), "Relation", r.id()};
      Required(c, "id", !r.id().empty());
      Enum<v1::RelationKind>(c, "kind", r.kind(), v1::RelationKind_IsValid, true);
      ActorRef(c, "subject_id", r.subject_id(), true);
      ActorRef(c, "object_id", r.object_id(), true);
      if (!r.subject_id().empty() && r.subject_id() == r.object_id()) {
        Report(c, "object_id", "relation joins an actor to itself");
      }
      const double share = r.share_percent();
      if (r.kind() == v1::RELATION_KIND_OWNERSHIP) {
        if (!std::isfinite(share) || share < 0 || share > 100) {
          Report(c, "share_percent",
                 absl::StrCat("share ", share, " is outside (0, 100]"));
        } else if (share > 0 && !r.object_id().empty() &&
                   r.status() == v1::STATUS_CONFIRMED) {
          // Only established stakes must add up: reported ones (registers
          // relayed by aggregators) may contradict each other, and their
          // importers note it.
          DayRange days = SpanOf(r.period());
          owned_[r.object_id()].push_back(
              {days, share, r.subject_id(), c.file, c.record, r.id()});
        }
      } else if (share != 0) {
        Report(c, "share_percent", "a share is only meaningful for ownership");
      }
      Period(c, "period", r.period());
      Status(c, r.status());
      Evidence(c, r.evidence(), true);
    }
  }

  void CheckOwnershipSums() {
    for (auto& [asset, stakes] : owned_) {
      if (stakes.size() < 2) continue;
      // Each owner counts once, with its largest active share
      // (lib/model/stakes.h).
      std::vector<model_internal::Stake> sweep;
      sweep.reserve(stakes.size());
      for (const Stake& st : stakes) sweep.push_back({st.days, st.share, st.owner});
      const model_internal::PeakShare peak = model_internal::PeakOwnedShare(sweep);
      const double worst = peak.total;
      const int64_t worst_day = peak.day;
      if (worst > 100.0 + 1e-9) {
        const Stake& s = stakes.back();
        std::vector<std::string> ids;
        for (const Stake& st : stakes) ids.push_back(st.id);
        Ctx c{s.file, s.record, "Relation", s.id};
        Report(c, "share_percent",
               absl::StrCat("ownership shares of \"", asset, "\" sum to ", worst,
                            " (over 100) on ",
                            FormatDay(static_cast<int32_t>(std::clamp<int64_t>(
                                worst_day, kMinDay, kMaxDay))),
                            "; relations: ", absl::StrJoin(ids, ", ")));
      }
    }
  }

  struct Stake {
    DayRange days;
    double share;
    std::string owner;
    const DatasetFile* file;
    std::string record;
    std::string id;
  };

  absl::Span<const DatasetFile> files_;
  ValidateOptions options_;
  std::vector<Problem> problems_;
  bool truncated_ = false;
  absl::flat_hash_map<absl::string_view, Where> sources_, actors_, events_,
      transfers_, sanctions_, relations_;
  std::vector<Ctx> events_of_node_;
  absl::flat_hash_set<absl::string_view> states_;
  absl::flat_hash_map<absl::string_view, std::vector<Stake>> owned_;
};

}  // namespace

std::string Problem::ToString() const {
  if (file.empty()) return message;
  std::string out = absl::StrCat(file, ": ", record);
  if (!kind.empty()) absl::StrAppend(&out, " (", kind, " \"", id, "\")");
  if (!field.empty()) absl::StrAppend(&out, ": ", field);
  absl::StrAppend(&out, ": ", message);
  return out;
}

std::vector<Problem> FindProblems(absl::Span<const DatasetFile> files,
                                  const ValidateOptions& options) {
  return Validator(files, options).Run();
}

absl::Status Validate(absl::Span<const DatasetFile> files,
                      const ValidateOptions& options) {
  std::vector<Problem> problems = FindProblems(files, options);
  if (problems.empty()) return absl::OkStatus();
  std::vector<std::string> lines;
  lines.reserve(problems.size());
  for (const Problem& p : problems) lines.push_back(p.ToString());
  return absl::InvalidArgumentError(absl::StrJoin(lines, "\n"));
}

}  // namespace embargo
