// Country links: an actor's country, its addresses' countries and a
// person's nationality as edges to the state node, and the country filter
// that reads them.
//
//   // Load derives the links when asked (LoadOptions::country_links).
//   embargo::LoadOptions options;
//   options.country_links = true;
//   absl::StatusOr<embargo::Graph> g = embargo::Load({"sdn21.pb"}, options);
//   // The actors linked to Russia:
//   absl::StatusOr<std::vector<embargo::NodeId>> rus =
//       embargo::CountryMembers(*g, "RUS");
//   // Or as a query filter:
//   embargo::Filter f;
//   f.country = "RUS";
//
// The links, one per actor, kind and state (never two of one kind to one
// state), actor -> state:
//   registered_in  Actor.country of anything but a person: the country of
//                  incorporation, registration or flag the list gives (the
//                  OFAC importer gives an entity without one the country of
//                  its first address);
//   national_of    Actor.country of a person: nationality or citizenship;
//   located_in     each of Actor.address_countries.
// State actors get none (their country is themselves). Each link is a
// Relation record (RELATION_KIND_REGISTERED_IN, _LOCATED_IN, _NATIONAL_OF)
// with id "country-link/ACTOR/KIND/STATE", status CONFIRMED, role naming the
// field it restates ("Actor.country", "Actor.address_countries"), and the
// actor record's own evidence (its sources and locators). An actor without
// evidence has its links cite the source kDerivedCountrySource, added to the
// derived records, which says that the link restates the record.
//
// A link may only point to a state actor that exists. When it does not, no
// link is written and the load fails: validation refuses an Actor.country
// or address_countries entry that is not a state actor, naming the file,
// record and field (the importers add the state actors they refer to, from
// the country table, embargo/import/countries.h). Nothing is dropped
// silently.
//
// The links make every state a hub (thousands of actors point to RUS), so
// queries do not walk them unless asked: Filter::edge_kinds defaults to
// DefaultEdgeKinds(); ask with the kinds (CLI --kinds country_links, or
// registered_in,located_in,national_of) or filter by country.
//
// Country filter (Filter::country, CLI --country, Python country=): keeps
// the actors linked to the state by an edge of CountryFilterKinds() (a
// country link, a nationality relation or a flag) and the state itself.

#ifndef EMBARGO_COUNTRY_LINKS_H_
#define EMBARGO_COUNTRY_LINKS_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/graph.h"
#include "embargo/io.h"

namespace embargo {

// The file name the derived records go by in errors and origins, and the
// source id links of actors without evidence cite.
inline constexpr absl::string_view kCountryLinksFile = "<country links>";
inline constexpr absl::string_view kDerivedCountrySource =
    "embargo-derived-country-links";

// CountryLinkReport counts the links derived.
struct CountryLinkReport {
  size_t registered_in = 0;
  size_t located_in = 0;
  size_t national_of = 0;
  // Links by the source the actor's first evidence cites.
  std::map<std::string, size_t> by_source;
  // Links not written because a relation of the same id was loaded (a
  // graph saved with its links and loaded again).
  size_t already_present = 0;

  size_t total() const { return registered_in + located_in + national_of; }
  // Summary is one line: "country links: 1,234 (registered_in 800, ...)".
  std::string Summary() const;
};

// DeriveCountryLinks returns the country links of the actors in `files`
// (after entity resolution: one actor, one set of links) as one file named
// kCountryLinksFile. Links to a state that is not an actor of `files` are
// not written (validation reports the field).
DatasetFile DeriveCountryLinks(const std::vector<DatasetFile>& files,
                               CountryLinkReport* report = nullptr);

// CheckCountryCode accepts a three-letter ISO 3166-1 alpha-3 code of the
// country table, upper-case; InvalidArgument otherwise ("RUSS is not an ISO
// 3166-1 alpha-3 code (three letters, e.g. RUS)").
absl::Status CheckCountryCode(absl::string_view code);

// CountryMembers returns the state `code` and every actor linked to it by
// an edge of CountryFilterKinds(), in node order. Errors: InvalidArgument for a bad code;
// NotFound when the state is not a node of the graph; FailedPrecondition
// when the graph was loaded without country links (an image or record
// stream loaded without them, LoadOptions::country_links off), which would
// otherwise answer with the explicit nationality and flag relations only.
[[nodiscard]] absl::StatusOr<std::vector<NodeId>> CountryMembers(
    const Graph& graph, absl::string_view code);

// CountryLinksOf lists the edges of CountryFilterKinds() from `node` to the
// state `state`, for showing why an actor passed a country filter.
std::vector<EdgeId> CountryLinksOf(const Graph& graph, NodeId node,
                                   NodeId state);

}  // namespace embargo

#endif  // EMBARGO_COUNTRY_LINKS_H_
