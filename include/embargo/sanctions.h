// Sanctions semantics: which sanctions are in force on a date, which
// entities are blocked through ownership (the OFAC 50 % rule and the EU/UK
// ownership-or-control rule), effective ownership through chains, arms
// embargo breaches, and the set of nodes a regime covers for path queries.
//
//   absl::StatusOr<embargo::Graph> graph = embargo::LoadGraph({path});
//   embargo::PartialDate d = *embargo::PartialDate::Parse("2023-08-03");
//
//   // Which sanctions apply to KOMID on that day?
//   auto in_force = embargo::SanctionsInForce(*graph, *graph->FindNode("KOMID"), d);
//
//   // Which entities are blocked because blocked persons own 50 % or more?
//   embargo::OwnershipOptions o;
//   o.as_of = d;
//   auto blocked = embargo::BlockedByOwnership(*graph, o);
//   for (const embargo::BlockedEntity& b : blocked->entities) ...
//
//   // Which transfers breach an arms embargo?
//   auto breaches = embargo::FindEmbargoBreaches(*graph);
//
//   // Paths from Russia to any target of the UN 1718 regime.
//   embargo::Regime un1718;
//   un1718.authority_ids = {"UNSC"};
//   un1718.programs = {"UNSCR 1718"};
//   auto paths = embargo::PathsToSanctioned(*graph, *graph->FindNode("RUS"),
//                                           un1718, d, 3);
//
// The date rule. A sanction is in force from the day it was listed until
// the day it was delisted; the delisting day itself is the last day it may
// still have been in force (the graph's edge days, SanctionDays, end there
// too). With partial dates each end is a span of days, so a sanction has
//   - a possible span [listed.EarliestDay, delisted.LatestDay] and
//   - a certain span  [listed.LatestDay,   delisted.EarliestDay - 1].
// An as-of date is itself a span of days (a whole year for "2023"). With
// the DayRange rule of date.h, a sanction is in force
//   - certainly (Certainty::kCertain) when the as-of span lies Within the
//     certain span, and
//   - possibly (Certainty::kPossible) when it Overlaps the possible span
//     but is not certain.
// So a sanction listed "2023" is certainly in force on 2023-12-31 and only
// possibly on 2023-06-01. An unknown end is open: an unknown delisting means
// the listing stands. An unknown listing date (OFAC's legacy lists give
// none) is open too, but never certain: with listed_no_later_than the
// certain span starts on that day's LatestDay (the edition date of the
// list), so an as-of date before it answers kPossible, never "not in
// force"; without it the sanction is only possibly in force on any date. Relations (ownership, control) follow the same rule
// with their period: possible span [start.EarliestDay, end.LatestDay],
// certain span [start.LatestDay, end.EarliestDay] (a period's end is the
// last day the relation held). An unknown as-of date means "ignore dates":
// every sanction and relation counts, and every answer is kCertain.
//
// Status: sanctions, relations and transfers below a minimum status (by
// default ALLEGED, which leaves denied claims out) are ignored.
//
// Memory model: every function only reads the Graph and allocates its own
// scratch space, so any number of threads may call them on one Graph at
// once. Results are plain values owned by the caller; NodeIds and EdgeIds
// in them refer to the Graph they were computed on.

#ifndef EMBARGO_SANCTIONS_H_
#define EMBARGO_SANCTIONS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/ids.h"
#include "embargo/kinds.h"
#include "embargo/query.h"

namespace embargo {

// Certainty says whether an answer holds on every day the dates allow
// (kCertain) or only on some (kPossible). kCertain < kPossible, so the
// weaker of two certainties is their std::max.
enum class Certainty : uint8_t {
  kCertain = 0,
  kPossible = 1,
};

// CertaintyName is "certain" or "possible".
absl::string_view CertaintyName(Certainty certainty);

// MeasureSet is a set of sanction measures (v1::Measure).
using MeasureSet = EnumSet<v1::Measure>;

// Today returns the current UTC date as a full PartialDate.
PartialDate Today();

// Regime selects sanctions by authority, programme and measure. An empty
// list or set matches everything. Authorities are actor ids ("UNSC",
// "OFAC"); programmes compare case-insensitively ("UNSCR 1718", "DPRK3").
// A sanction matches when its authority is one of `authority_ids`, its
// programme one of `programs`, and at least one of its measures is in
// `measures`.
struct Regime {
  std::vector<std::string> authority_ids;
  std::vector<std::string> programs;
  MeasureSet measures;
  // Sanctions whose status is below this are ignored.
  v1::Status min_status = v1::STATUS_ALLEGED;
};

// InForce is one sanction in force on a target.
struct InForce {
  EdgeId edge;              // The sanction edge (authority -> target).
  std::string sanction_id;  // The Sanction record's id.
  NodeId authority;
  std::string authority_id;
  std::string program;
  std::vector<v1::Measure> measures;
  std::vector<v1::ItemCategory> embargo_items;  // Empty: all arms.
  std::vector<std::string> legal_basis;
  PartialDate listed;    // Unknown when the list gives no date.
  // When `listed` is unknown: listed at the latest on this day (the edition
  // date of the list; unknown when not given).
  PartialDate listed_no_later_than;
  PartialDate delisted;  // Unknown while the listing stands.
  v1::Status status;
  Certainty certainty;
  // The designation reason in the list's words: the record's first
  // evidence quote (the UN's narrative, the EU's grounds); "" when the list
  // gives none.
  std::string reason;
  // The record's remarks: notes of the list or of its importer (an edition
  // date taken for the listing, a measure named in words, OpenSanctions'
  // summary and provisions); not the list's reason.
  std::string remarks;
};

// ListedText (embargo/date.h) of a sanction in force.
inline std::string ListedText(const InForce& s) {
  return ListedText(s.listed, s.listed_no_later_than);
}

// SanctionsInForce returns the sanctions of `regime` in force on `actor` as
// of `as_of` (unknown: ignore dates), ordered by edge id. An empty answer is
// "not sanctioned" only on the lists SanctioningAuthorities names: with
// none, it is unknown.
// Errors: InvalidArgument for a node not in the graph; NotFound for an
// authority id of the regime that names no node.
[[nodiscard]] absl::StatusOr<std::vector<InForce>> SanctionsInForce(
    const Graph& graph, NodeId actor, PartialDate as_of,
    const Regime& regime = {});

// SanctionCertainty applies the date rule to one sanction record: nullopt
// when it is not in force during `as_of`.
std::optional<Certainty> SanctionCertainty(const v1::Sanction& sanction,
                                           PartialDate as_of);
// RelationCertainty applies the date rule to a relation's period.
std::optional<Certainty> RelationCertainty(const v1::Period& period,
                                           PartialDate as_of);

// ---------------------------------------------------------------------------
// Node sets and regime queries
// ---------------------------------------------------------------------------

// NodeSet is a set of nodes of one graph, as a bitmap.
class NodeSet {
 public:
  NodeSet() = default;
  explicit NodeSet(size_t num_nodes) : bits_((num_nodes + 63) / 64, 0) {}

  bool Contains(NodeId n) const {
    const size_t w = n.value() >> 6;
    return w < bits_.size() && ((bits_[w] >> (n.value() & 63)) & 1) != 0;
  }
  // Add inserts `n`, which must be below the num_nodes the set was made for.
  void Add(NodeId n) {
    uint64_t& word = bits_[n.value() >> 6];
    const uint64_t bit = uint64_t{1} << (n.value() & 63);
    size_ += (word & bit) == 0;
    word |= bit;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Nodes lists the members in increasing order.
  std::vector<NodeId> Nodes() const;

 private:
  std::vector<uint64_t> bits_;
  size_t size_ = 0;
};

// SanctionedNodes returns the targets of the regime's sanctions in force as
// of `as_of` (unknown: ignore dates). With `at_least` kCertain only
// sanctions certainly in force count. As with SanctionsInForce, a node left
// out is unknown when SanctioningAuthorities(graph, regime) is empty.
// Errors: NotFound for an unknown authority id.
[[nodiscard]] absl::StatusOr<NodeSet> SanctionedNodes(
    const Graph& graph, const Regime& regime, PartialDate as_of,
    Certainty at_least = Certainty::kPossible);

// SanctioningAuthorities returns the ids of the authorities whose sanctions
// the graph holds (the starts of its sanction edges), only those of the
// regime when it names authorities, sorted: the lists an answer of "not
// sanctioned" was read from. Empty when no such list is loaded, where "not
// sanctioned" would be unknown.
std::vector<std::string> SanctioningAuthorities(const Graph& graph,
                                                const Regime& regime = {});

// StateProgramme is a sanctions programme that concerns one state: the
// programme of a country's own sanctions, whose targets are chosen for
// their part in that country's weapons, government or conflict (OFAC's
// DPRK3, UNSCR 1718, the EU's EU-PRK all concern North Korea).
struct StateProgramme {
  std::string authority_id;  // "OFAC"
  std::string program;       // "DPRK3", as the graph's sanctions spell it
  // Why the programme is taken to concern the state: "the authority
  // sanctions the state under it" (a country arms embargo in the graph) or
  // "programme table" (ProgrammeState).
  std::string basis;
};

// ProgrammeState is the state a programme concerns by the documented
// table (lib/sanctions/programmes.cc), "" when the table has none: OFAC's
// programme tags that name a country (DPRK, DPRK2, DPRK3, DPRK4,
// DPRK-NKSPEA: PRK; RUSSIA-EO14024: RUS; IRAN...: IRN; ...), the UN
// Security Council's country regimes by resolution (UNSCR 1718: PRK, UNSCR
// 1737: IRN, ...) and the EU's programme keys "EU-XXX" with XXX an ISO
// 3166-1 alpha-3 code. Programmes that concern no one state (OFAC's SDGT,
// NPWMD, CYBER2, GLOMAG; UNSCR 1267) have none, nor do those named for the
// country harmed rather than the one whose actors they target (OFAC's
// UKRAINE-EO13660..13685, the EU's EU-UKR).
// Case-insensitive.
std::string ProgrammeState(absl::string_view authority_id,
                           absl::string_view program);

// ProgrammesConcerning lists the (authority, programme) pairs of the
// graph's sanctions that concern `state`: those under which the same
// authority sanctions the state itself, and those ProgrammeState gives for
// it, sorted by authority and programme.
// Errors: InvalidArgument for a bad node or one that is not a state.
[[nodiscard]] absl::StatusOr<std::vector<StateProgramme>> ProgrammesConcerning(
    const Graph& graph, NodeId state);

// CheckRegimeNames refuses an authority id or programme that no sanction
// of the graph has (a mistyped "UN" for "UNSC" would otherwise answer
// "none"): InvalidArgument `<authority_label> "UN" is not the authority of
// any sanction loaded; known: ...` (or the programme's), listing the known
// ones; programmes compare case-insensitively. The labels name the option
// the caller took the names from ("--authority", "authorities:").
[[nodiscard]] absl::Status CheckRegimeNames(
    const Graph& graph, const Regime& regime,
    absl::string_view authority_label = "authority",
    absl::string_view program_label = "programme");

// PathsToSanctioned returns every simple path of 1..max_hops hops from
// `from` whose last node is a target of the regime as of `as_of`, shortest
// first, with the Filter and Limits semantics of query.h (the last node is
// exempt from node_kinds, as a query's endpoints are). "Paths from Russia to
// any DPRK entity under the UN 1718 regime" is one call.
// Errors: InvalidArgument for a bad node or max_hops < 1; NotFound for an
// unknown authority id.
[[nodiscard]] absl::StatusOr<Paths> PathsToSanctioned(
    const Graph& graph, NodeId from, const Regime& regime, PartialDate as_of,
    int max_hops, const Filter& filter = {}, const Limits& limits = {});

// PathsToSet is PathsToSanctioned for any set of target nodes.
[[nodiscard]] absl::StatusOr<Paths> PathsToSet(const Graph& graph, NodeId from,
                                               const NodeSet& targets,
                                               int max_hops,
                                               const Filter& filter = {},
                                               const Limits& limits = {});

// ExposureCounts answers CountSanctionedNeighbors: one count per seed.
struct ExposureCounts : Truncation {
  // counts[i] is the number of targets within max_hops of seeds[i]; when
  // truncated, only the first counts.size() seeds were answered.
  std::vector<uint32_t> counts;
  // The regime's targets as of the date (the set the counts are taken in).
  size_t targets = 0;
};

// CountSanctionedNeighbors is, for every seed of a batch, the number of the
// regime's targets within max_hops of it (the seed left out): for each i,
// SanctionedNeighbors(seeds[i], ...).nodes.size() without a result cap. It
// is the batch form of the screening question "how many sanctioned parties
// sit within two ownership, directorship or operator links of each of my
// counterparties?" (workload query q5), and shares work between seeds: it
// lists once, for every node, the targets one allowed step away, so that a
// seed's count reads its (max_hops - 1)-hop neighbourhood and those short
// lists instead of every neighbour's whole row (a hub next to many seeds is
// scanned once, not once per seed). Seeds are split between two threads.
// Limits: max_work and timeout bound the whole batch (max_results is not
// used); a stopped batch is truncated after the seeds it answered.
// Errors: InvalidArgument for a seed not in the graph or max_hops < 1;
// NotFound for an unknown authority id.
[[nodiscard]] absl::StatusOr<ExposureCounts> CountSanctionedNeighbors(
    const Graph& graph, absl::Span<const NodeId> seeds, const Regime& regime,
    PartialDate as_of, int max_hops, const Filter& filter = {},
    const Limits& limits = {});

// SanctionedNeighbors returns the regime's targets within max_hops of
// `seed` (the seed left out), by distance then node id, with the Filter
// and Limits semantics of Neighbors (query.h); max_results counts only the
// targets returned.
[[nodiscard]] absl::StatusOr<Neighborhood> SanctionedNeighbors(
    const Graph& graph, NodeId seed, const Regime& regime, PartialDate as_of,
    int max_hops, const Filter& filter = {}, const Limits& limits = {});

// ---------------------------------------------------------------------------
// Blocking through ownership
// ---------------------------------------------------------------------------

// OwnershipRule says when ownership by blocked persons blocks an entity.
enum class OwnershipRule : uint8_t {
  // OFAC: blocked persons together own, directly or indirectly (through
  // blocked entities), 50 % or more (threshold inclusive).
  kOfac50 = 0,
  // EU / UK: blocked persons together own MORE than 50 % (threshold
  // exclusive), or a blocked person controls the entity (a
  // RELATION_KIND_CONTROL relation from a blocked subject).
  kEuControl = 1,
};

// RuleAuthority is the authority whose list a rule reads: "OFAC" for the
// 50 % rule, "EU" for the EU's ownership or control rule.
absl::string_view RuleAuthority(OwnershipRule rule);

// OwnershipOptions selects the rule, the date and the seed sanctions.
struct OwnershipOptions {
  OwnershipRule rule = OwnershipRule::kOfac50;
  // As-of date; unknown: ignore the dates of sanctions and relations.
  PartialDate as_of;
  // Percentage at which aggregate blocked ownership blocks (see rule).
  // Sums are compared with a tolerance of 1e-9 percentage points, so that
  // 33.3 + 16.7 counts as 50.
  double threshold = 50.0;
  // Sanctions that make their target blocked (the seeds). By default the
  // rule's own authority (see any_authority), any programme, measure asset
  // freeze (OFAC "blocking"). Authority ids given here replace the rule's.
  Regime regime = DefaultBlockingRegime();
  // Ownership and control relations below this status are ignored.
  v1::Status min_relation_status = v1::STATUS_ALLEGED;
  // When false, BlockedEntity::stakes and ::sanctions stay empty and the
  // blocked nodes' rows are not scanned a second time (faster);
  // blocked_share and blocked_by_ownership are exact either way.
  bool explain = true;
  // Each authority's rule reads its own list: with regime.authority_ids
  // empty, the OFAC 50 % rule counts only sanctions of authority "OFAC"
  // (and the entities the rule itself blocks, transitively), the EU rule
  // only those of "EU" (RuleAuthority). True counts every authority's
  // blocking sanctions (the behaviour before rules read their own lists).
  bool any_authority = false;

  static Regime DefaultBlockingRegime() {
    Regime r;
    r.measures = {v1::MEASURE_ASSET_FREEZE};
    return r;
  }
};

// Stake is one ownership (or, under the EU rule, control) edge into a
// blocked entity from a blocked owner.
struct Stake {
  NodeId owner;
  EdgeId edge;
  EdgeKind kind;         // kOwnership or kControl.
  // 0 for control, and for a stake of unknown size: that blocks nothing on
  // the certain reading and up to the whole asset on the possible one.
  double share_percent;
  Certainty certainty;   // Of the edge on the date (owner's block aside).
  // True when this stake is part of what blocked the entity: the owner was
  // blocked before the entity was, so following explaining stakes from any
  // derived block always ends at directly sanctioned nodes.
  bool explaining;
};

// BlockedEntity is one blocked node and why.
struct BlockedEntity {
  NodeId node;
  // True when a sanction of the regime is in force on the node itself.
  bool directly_sanctioned = false;
  // True when blocked owners' stakes (or control) block it, whether or not
  // it is also sanctioned directly.
  bool blocked_by_ownership = false;
  // Sum of the stakes of blocked owners (percent), on the certain or
  // possible reading as `certainty` says: each owner's largest known stake
  // (one owner's several records of a stake count once), stakes of unknown
  // size counting 0 here.
  double blocked_share = 0;
  // The node's own sanctions in force (directly sanctioned nodes).
  std::vector<InForce> sanctions;
  // Stakes of blocked owners, explaining ones first, then by share. Of one
  // owner's stakes only the largest explains; the others are listed.
  std::vector<Stake> stakes;
  // kCertain when the node is blocked on every reading of the dates.
  Certainty certainty = Certainty::kCertain;
  // Position in the order the nodes were found blocked (0-based). A
  // derived block's explaining owners all come earlier.
  uint32_t order = 0;
};

// BlockedSet is the result of BlockedByOwnership.
struct BlockedSet {
  // Every blocked node, by node id.
  std::vector<BlockedEntity> entities;
  size_t num_direct = 0;    // Directly sanctioned.
  size_t num_derived = 0;   // Blocked only through ownership or control.
  size_t num_possible = 0;  // Of all, those only possibly blocked.
  // Edges examined (work done), for the curious and for benchmarks.
  uint64_t edges_examined = 0;
  // The authorities whose sanctions seeded the set (empty: any authority),
  // and those of them whose list is not loaded: no node of the graph, or no
  // asset freeze of theirs on any date (so they blocked nothing).
  std::vector<std::string> authorities;
  std::vector<std::string> authorities_not_loaded;

  // lists_loaded is false when an authority the rule reads has no list in
  // the graph that freezes assets on any date (authorities_not_loaded; the
  // OFAC consolidated list alone freezes nothing): a node outside the set is
  // then not known to be unblocked, and an answer says "unknown", never "no".
  bool lists_loaded() const { return authorities_not_loaded.empty(); }

  // Find returns the entry of `node`, or nullptr when it is not blocked.
  const BlockedEntity* Find(NodeId node) const;
  size_t size() const { return entities.size(); }
};

// BlockedByOwnership computes the blocked set under a rule as of a date.
//
// Algorithm: a worklist fixed point, linear in the edges it touches. Seeds
// are the regime's sanction targets. Each newly blocked node adds each of
// its outgoing qualifying ownership shares once to its owned node's running
// sum (and, under the EU rule, blocks the objects it controls); a node whose
// sum reaches the threshold joins the worklist. The rule is monotone, so
// the set does not depend on the order. With a known date the fixed point
// is computed twice, once over what certainly holds (certain sanctions and
// relations) and once over what possibly holds; nodes only in the second
// are kPossible. With dates unknown it is exactly the workload's q3.
// Errors: NotFound for an unknown authority id; InvalidArgument for a
// threshold outside (0, 100].
[[nodiscard]] absl::StatusOr<BlockedSet> BlockedByOwnership(
    const Graph& graph, const OwnershipOptions& options = {});

// FormatBlockChain renders why `node` is blocked: the node, then each
// explaining stake indented, down to the sanctions at the roots, e.g.
//   C3 "Front Co" blocked (certain): 60% held by blocked owners
//     51% from C2 "Holding" [relation R2] -> C2 blocked ...
//       sanction S1 (OFAC, DPRK3) on P1 ...
// Empty when the node is not in `blocked`.
std::string FormatBlockChain(const Graph& graph, const BlockedSet& blocked,
                             NodeId node);

// ---------------------------------------------------------------------------
// Effective ownership
// ---------------------------------------------------------------------------

// EffectiveOptions bounds an effective-ownership computation.
struct EffectiveOptions {
  // As-of date for the relations (unknown: ignore dates). Relations only
  // possibly held on the date count.
  PartialDate as_of;
  v1::Status min_relation_status = v1::STATUS_ALLEGED;
  // Holdings smaller than this (percent) are left out of the result.
  double min_share_percent = 0.0;
  // Chains listed per holding, largest product first.
  int chains_per_holding = 3;
  // Longest chain listed (edges).
  int max_chain_length = 12;
  // Budget for the chain listing (partial chains expanded). The shares
  // themselves are always exact; only the chain lists may be cut short.
  uint64_t max_chain_work = uint64_t{1} << 20;
};

// OwnershipChain is one chain of ownership edges from the owner to a
// holding, with the product of its shares.
struct OwnershipChain {
  std::vector<EdgeId> edges;
  std::vector<NodeId> nodes;  // owner, ..., holding (edges.size() + 1).
  double share_percent = 0;   // Product of the shares, in percent.
};

// Holding is one node the owner holds a share of, directly or indirectly.
struct Holding {
  NodeId node;
  double share_percent = 0;  // Effective (integrated) share, percent.
  double direct_percent = 0; // Sum of the owner's direct shares.
  std::vector<OwnershipChain> top_chains;
};

// EffectiveOwnership is everything one owner holds.
struct EffectiveOwnership {
  NodeId owner;
  // Holdings by decreasing share, then node id.
  std::vector<Holding> holdings;
  // True when some cyclic group of holdings owns 100 % or more of itself
  // (possible only when dates are ignored or overlap, since validation keeps
  // shares of one asset at any time at or below 100 %): their shares and
  // those downstream are then unbounded and reported as +infinity.
  bool unbounded = false;
  // True when max_chain_work cut the chain lists short.
  bool chains_truncated = false;

  // Find returns the holding of `node`, or nullptr.
  const Holding* Find(NodeId node) const;
};

// EffectiveOwnershipOf computes the effective share `owner` holds in every
// node it reaches through ownership edges.
//
// Definition (integrated ownership, Brioschi, Buzzacchi and Colombo 1989):
// the share of owner o in node t is the sum over every ownership walk from
// o to t that does not pass through o again, of the product of the shares
// along it. Walks rather than simple chains, so that cross-holdings count
// (o owns 50 % of A, A owns 100 % of B, B owns the other 50 % of A: o
// effectively owns all of A). The owner's own stake in itself is not
// counted. Equivalently x = d + A x over the nodes other than o, where d
// holds o's direct shares and A the shares among the others.
//
// Method: the nodes o reaches, split into strongly connected components
// (Tarjan) and solved in topological order. A component without a cycle is
// one substitution; a cyclic one is solved exactly by Gaussian elimination
// (up to 256 nodes) or by Gauss-Seidel iteration to 1e-13. With validated
// data each node's owners hold at most 100 %, so every walk sum is at most
// 100 % and the systems are non-singular; a pure cycle of 100 % ownership
// is reached only from its own members, and a member sees the others at
// exactly 100 %. Linear in the reachable edges plus the cyclic components'
// solves.
//
// The chains listed are simple chains, found by best-first search on the
// product (at most chains_per_holding expansions per node, which is exact
// on acyclic ownership); with cross-holdings their products may sum to less
// than the share.
// Errors: InvalidArgument for a bad node or options.
[[nodiscard]] absl::StatusOr<EffectiveOwnership> EffectiveOwnershipOf(
    const Graph& graph, NodeId owner, const EffectiveOptions& options = {});

// EffectiveShareOf is the holding of `owner` in `asset` (share 0 and no
// chains when it holds none).
[[nodiscard]] absl::StatusOr<Holding> EffectiveShareOf(
    const Graph& graph, NodeId owner, NodeId asset,
    const EffectiveOptions& options = {});

// ---------------------------------------------------------------------------
// Arms embargo breaches
// ---------------------------------------------------------------------------

// BreachRole is the party of a transfer that was under the embargo.
enum class BreachRole : uint8_t {
  kSupplier = 0,      // Export from the embargoed party.
  kRecipient = 1,     // Import into it.
  kIntermediary = 2,  // Under either measure.
};
absl::string_view BreachRoleName(BreachRole role);

// BreachOptions selects the transfers and sanctions considered.
struct BreachOptions {
  // Sanctions considered (measures are ignored here: only the arms-embargo
  // measures matter, see FindEmbargoBreaches).
  Regime regime;
  // Transfers below this status are ignored (default: leave denied out).
  v1::Status min_transfer_status = v1::STATUS_ALLEGED;
  // Ignore the dates of transfers and sanctions (every answer kCertain as
  // far as dates go).
  bool ignore_dates = false;
};

// Breach is one transfer party under one arms-embargo sanction.
struct Breach {
  EdgeId transfer;          // The transfer's kTransfer edge.
  std::string transfer_id;
  NodeId supplier;
  NodeId recipient;
  v1::ItemCategory item;
  v1::Status transfer_status;
  DayRange transfer_days;   // The transfer's days (EdgeInfo::days).
  NodeId party;             // The embargoed party.
  BreachRole role;
  v1::Measure measure;      // The measure breached.
  InForce sanction;         // The sanction, its programme and legal basis.
  // kPossible when either the dates or the item leave room for doubt: the
  // transfer's days are not all within the sanction's certain span, or the
  // transfer is of ITEM_ARMS_GENERAL and the embargo covers only some
  // categories.
  Certainty certainty;
  Certainty date_certainty;
  Certainty item_certainty;
  // Whom the embargo binds (EmbargoBinds): the other party of the transfer
  // (supplier, recipient or intermediary) the authority's embargo forbids
  // to trade with `party`, and kPossible when it was bound on only some of
  // the transfer's days or its country is not on record. Unset, and
  // kPossible, when the authority's own state is not on record.
  std::optional<NodeId> bound;
  Certainty bound_certainty = Certainty::kCertain;
  // The state whose embargo reaches `party` through the party's country,
  // when `party` is no state and not the sanction's target itself ("Libya
  // HoR", in LBY, under the UN embargo on Libya); unset when the party is
  // the target. kPossible then: the record's country may be a nationality
  // or a registration rather than where the party is, and an embargo's
  // exemptions (a government's own forces, say) are not on record.
  std::optional<NodeId> party_state;
  Certainty party_certainty = Certainty::kCertain;
  std::vector<v1::Evidence> transfer_evidence;
  std::vector<v1::Evidence> sanction_evidence;
};

// FindEmbargoBreaches returns every (transfer, party, sanction) where the
// party was, on the transfer's date, under a sanction of the regime whose
// measures cover the direction and whose items cover the transfer's item:
//   - the supplier under MEASURE_ARMS_EMBARGO_EXPORTS (export from it);
//   - the recipient under MEASURE_ARMS_EMBARGO_IMPORTS (import into it);
//   - an intermediary under either;
// and another party of the transfer was bound by the embargo. An embargo
// on a state reaches a party that is no state through the party's country
// (Breach::party_state, kPossible), as the embargoes forbid supplies to
// the state's territory and from it, not only to its government. An embargo
// binds those its authority's law reaches, not the whole world: the UN
// Security Council's binds every state (Article 25 of the Charter), the
// EU's its member states on their dates of membership (EmbargoBinds), any
// other authority its own state (the authority actor's country). Russia
// selling arms to China breaches no EU embargo on either; France selling
// to China after 1989 may. Sanction::embargo_items empty means all items.
// The transfer's date is its span of days (order to last delivery); the
// date rule above gives the certainty, and an undated transfer is possibly
// in breach of any embargo that ever applied. Ordered by transfer edge,
// role, party, sanction edge.
// Errors: NotFound for an unknown authority id.
[[nodiscard]] absl::StatusOr<std::vector<Breach>> FindEmbargoBreaches(
    const Graph& graph, const BreachOptions& options = {});

// EmbargoBinds says on which days an authority's embargo binds the state
// `country` (ISO 3166-1 alpha-3): "UNSC" every state on every day; "EU" a
// member state from its accession (1958-01-01 for the six founders, 1973
// Denmark, Ireland and the United Kingdom, 1981 Greece, 1986 Spain and
// Portugal, 1995 Austria, Finland and Sweden, 2004-05-01 the ten, 2007
// Bulgaria and Romania, 2013-07-01 Croatia), the United Kingdom to the end
// of its transition period (2020-12-31); any other authority its own
// state, `authority_country`, on every day. Empty: never.
std::vector<DayRange> EmbargoBinds(absl::string_view authority_id,
                                   absl::string_view authority_country,
                                   absl::string_view country);

}  // namespace embargo

#endif  // EMBARGO_SANCTIONS_H_
