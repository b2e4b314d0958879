// Country links and the country filter. See embargo/country_links.h.

#include "embargo/country_links.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "embargo/import/countries.h"
#include "embargo/kinds.h"
#include "lib/graph/graph_data.h"
#include "lib/query/traversal.h"

namespace embargo {
namespace {

std::string Thousands(size_t n) {
  std::string digits = absl::StrCat(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

absl::string_view LinkName(v1::RelationKind kind) {
  switch (kind) {
    case v1::RELATION_KIND_REGISTERED_IN:
      return "registered_in";
    case v1::RELATION_KIND_LOCATED_IN:
      return "located_in";
    default:
      return "national_of";
  }
}

}  // namespace

std::string CountryLinkReport::Summary() const {
  std::string out = absl::StrCat(
      "country links: ", Thousands(total()), " (registered_in ",
      Thousands(registered_in), ", national_of ", Thousands(national_of),
      ", located_in ", Thousands(located_in), ")");
  if (!by_source.empty()) {
    out += "; by source:";
    for (const auto& [source, n] : by_source) {
      absl::StrAppend(&out, " ", source, " ", Thousands(n));
    }
  }
  if (already_present > 0) {
    absl::StrAppend(&out, "; ", Thousands(already_present),
                    " already loaded");
  }
  return out;
}

DatasetFile DeriveCountryLinks(const std::vector<DatasetFile>& files,
                               CountryLinkReport* report) {
  CountryLinkReport local;
  CountryLinkReport& r = report != nullptr ? *report : local;
  r = CountryLinkReport();
  absl::flat_hash_set<std::string> states;
  absl::flat_hash_set<std::string> relation_ids;
  for (const DatasetFile& f : files) {
    for (const v1::Actor& a : f.dataset.actors()) {
      if (a.kind() == v1::ACTOR_KIND_STATE) states.insert(a.id());
    }
    for (const v1::Relation& rel : f.dataset.relations()) {
      relation_ids.insert(rel.id());
    }
  }
  DatasetFile out;
  out.path = std::string(kCountryLinksFile);
  out.format = Format::kBinary;
  out.dataset.set_name("country links derived at load");
  bool cites_derived = false;

  auto add = [&](const v1::Actor& a, v1::RelationKind kind,
                 const std::string& state, absl::string_view field) {
    if (!states.contains(state)) return;  // Validation reports the field.
    std::string id =
        absl::StrCat("country-link/", a.id(), "/", LinkName(kind), "/", state);
    if (relation_ids.contains(id)) {
      ++r.already_present;
      return;
    }
    relation_ids.insert(id);
    v1::Relation& rel = *out.dataset.add_relations();
    rel.set_id(std::move(id));
    rel.set_kind(kind);
    rel.set_subject_id(a.id());
    rel.set_object_id(state);
    rel.set_role(std::string(field));
    rel.set_status(v1::STATUS_CONFIRMED);
    for (const v1::Evidence& e : a.evidence()) {
      v1::Evidence* ev = rel.add_evidence();
      ev->set_source_id(e.source_id());
      ev->set_locator(e.locator());
      *ev->mutable_via_source_ids() = e.via_source_ids();
    }
    if (a.evidence_size() == 0) {
      cites_derived = true;
      rel.add_evidence()->set_source_id(std::string(kDerivedCountrySource));
    }
    ++r.by_source[a.evidence_size() > 0 ? a.evidence(0).source_id()
                                         : std::string(kDerivedCountrySource)];
    switch (kind) {
      case v1::RELATION_KIND_REGISTERED_IN:
        ++r.registered_in;
        break;
      case v1::RELATION_KIND_LOCATED_IN:
        ++r.located_in;
        break;
      default:
        ++r.national_of;
    }
  };

  for (const DatasetFile& f : files) {
    for (const v1::Actor& a : f.dataset.actors()) {
      if (a.kind() == v1::ACTOR_KIND_STATE) continue;
      if (!a.country().empty() && a.country() != a.id()) {
        add(a,
            a.kind() == v1::ACTOR_KIND_PERSON ? v1::RELATION_KIND_NATIONAL_OF
                                              : v1::RELATION_KIND_REGISTERED_IN,
            a.country(), "Actor.country");
      }
      std::set<std::string> seen;
      for (const std::string& c : a.address_countries()) {
        if (c == a.id() || !seen.insert(c).second) continue;
        add(a, v1::RELATION_KIND_LOCATED_IN, c, "Actor.address_countries");
      }
    }
  }
  if (cites_derived) {
    v1::Source& s = *out.dataset.add_sources();
    s.set_id(std::string(kDerivedCountrySource));
    s.set_publisher("embargo");
    s.set_title("Country links derived at load from actor records");
    s.set_note(
        "The actor record the link restates gives no evidence of its own; "
        "the link says no more than the record's country fields.");
  }
  return out;
}

absl::Status CheckCountryCode(absl::string_view code) {
  const bool shape = code.size() == 3 && absl::ascii_isupper(code[0]) &&
                     absl::ascii_isupper(code[1]) &&
                     absl::ascii_isupper(code[2]);
  if (shape && !CountryName(code).empty()) return absl::OkStatus();
  std::string hint;
  if (std::optional<absl::string_view> c = CountryCode(code)) {
    hint = absl::StrCat("; did you mean ", *c, " (", CountryName(*c), ")?");
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "country: \"", code, "\" is not an ISO 3166-1 alpha-3 code",
      shape ? " the country table knows" : " (three upper-case letters, e.g. RUS)",
      hint));
}

namespace internal {

absl::StatusOr<uint32_t> CountryState(const GraphData& d,
                                      absl::string_view code) {
  if (absl::Status s = CheckCountryCode(code); !s.ok()) return s;
  if (!d.country_links) {
    return absl::FailedPreconditionError(absl::StrCat(
        "country ", code,
        ": this graph was loaded without country links, so only nationality "
        "and flag relations would link actors to ", code,
        "; load the records with country links (LoadOptions::country_links, "
        "Python load(..., country_links=True); the command-line tool derives "
        "them for --country, but not from a graph image or compact record "
        "stream saved without them)"));
  }
  const std::optional<uint32_t> state = d.node_index.Find(code, d.node_id);
  if (!state || d.node_kind[*state] != NodeKind::kState) {
    return absl::NotFoundError(absl::StrCat(
        "country ", code, " (", CountryName(code),
        "): no state actor with this id in the graph loaded"));
  }
  return *state;
}

}  // namespace internal

absl::StatusOr<std::vector<NodeId>> CountryMembers(const Graph& graph,
                                                   absl::string_view code) {
  const internal::GraphData& d = graph.data();
  absl::StatusOr<uint32_t> state = internal::CountryState(d, code);
  if (!state.ok()) return state.status();
  const std::vector<uint64_t> bits = internal::CountryMemberBits(d, *state);
  std::vector<NodeId> out;
  for (size_t w = 0; w < bits.size(); ++w) {
    uint64_t word = bits[w];
    while (word != 0) {
      out.push_back(NodeId(static_cast<uint32_t>(w * 64 + __builtin_ctzll(word))));
      word &= word - 1;
    }
  }
  return out;
}

std::vector<EdgeId> CountryLinksOf(const Graph& graph, NodeId node,
                                   NodeId state) {
  std::vector<EdgeId> out;
  const EdgeKindSet kinds = CountryFilterKinds();
  for (const Incidence& inc : graph.Incidences(node)) {
    if (!inc.along || inc.other != state) continue;
    if (kinds.Contains(graph.edge(inc.edge).kind)) out.push_back(inc.edge);
  }
  return out;
}

}  // namespace embargo
