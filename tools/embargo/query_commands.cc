// `embargo path`, `embargo paths` and `embargo neighbors`.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/explain.h"
#include "embargo/export.h"
#include "embargo/kinds.h"
#include "embargo/query.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

constexpr char kPathHelp[] = R"(usage: embargo path FROM TO [options]

Prints one shortest path (fewest hops) from FROM to TO. FROM and TO are actor
ids (RUS, KOMID) or names and aliases ("North Korea", "Shoigu"); an ambiguous
name is refused with its candidates listed.

Options:
  --explain            under each hop, its sources, speakers and quotes
  --json               JSON output (see README, "JSON output")
  --dot FILE           write the answer as Graphviz DOT
  --svg FILE, --png FILE
                       render it with Graphviz's dot (when installed)
)";

constexpr char kPathsHelp[] = R"(usage: embargo paths FROM TO [options]

Prints the paths from FROM to TO: every simple path of at most --max-hops
hops (default 3), shortest first; or, with --k N, the N shortest simple paths
(Yen's algorithm), of at most --max-hops hops when that is given too.

Options:
  --max-hops N         longest path, in hops (default 3)
  --k N                the N shortest paths instead of all
  --distinct-routes    with --k: parallel edges between the same two actors
                       count as one route (its edges listed under it)
  --count              print only the number of paths
  --max-output MB      refuse an answer estimated larger than this (default
                       100 MB; `embargo links` summarises any number)
  --explain            under each hop, its sources, speakers and quotes
  --json               JSON output (see README, "JSON output")
  --dot FILE           write the answer as Graphviz DOT
  --svg FILE, --png FILE
                       render it with Graphviz's dot (when installed)
)";

constexpr char kNeighborsHelp[] = R"(usage: embargo neighbors ACTOR [options]

Prints the nodes within --max-hops hops (default 1) of ACTOR, nearest first,
with the edges that join each one to the nodes before it.

Options:
  --max-hops N         radius, in hops (default 1)
  --count              print only the number of nodes
  --max-output MB      refuse an answer estimated larger than this (default
                       100 MB)
  --json               JSON output (see README, "JSON output")
  --dot FILE           write the neighbourhood as Graphviz DOT
  --svg FILE, --png FILE
                       render it with Graphviz's dot (when installed)
)";

constexpr char kExamples[] = R"(
Examples:
  embargo paths RUS PRK --max-hops 3 --kinds transfer,transfer_via
  embargo paths Russia "North Korea" --k 5 --items artillery_ammunition,rockets \
      --from-date 2022 --until-date 2024 --min-status reported --json
  embargo path PRK RUS --kinds transfer --data sipri.pb --explain
  embargo neighbors KOMID --max-hops 2 --node-kinds state,company --svg komid.svg
  embargo paths RUS PRK --max-hops 3 --count
  embargo paths RUS PRK --k 5 --distinct-routes --chronological --kinds transfer
)";

void PrintHelp(const char* help) {
  std::cout << help << "\n" << kFilterHelp << "\n" << kDataHelp << kExamples;
}

std::string Label(const Graph& g, NodeId n) {
  if (g.node_name(n) == g.node_id(n)) return std::string(g.node_id(n));
  return absl::StrCat(g.node_id(n), " (", g.node_name(n), ")");
}

void PrintPathTable(const Graph& graph, const Path& path, bool explain) {
  std::string title;
  for (NodeId n : path.Nodes()) {
    if (!title.empty()) title += " - ";
    title += std::string(graph.node_id(n));
  }
  std::cout << title << "  (" << path.length()
            << (path.length() == 1 ? " hop)\n" : " hops)\n");
  if (explain) {
    std::cout << FormatPath(graph, path) << "\n";
    return;
  }
  // Transfers' numbers as the source gives them (SIPRI), empty if unknown.
  Table t({"from", "", "to", "kind", "item / role", "designation", "when",
           "no. ordered", "no. delivered", "TIV unit", "TIV order",
           "TIV delivered", "status", "record", "sources"});
  for (const Hop& hop : path.hops) {
    const HopDetail d = ExplainHop(graph, hop);
    std::string what = d.info.item != v1::ITEM_UNSPECIFIED
                           ? ItemName(d.info.item)
                           : d.role;
    if (d.info.kind == EdgeKind::kOwnership && d.info.share_percent > 0) {
      what = absl::StrCat(d.info.share_percent, "%");
    }
    std::vector<std::string> names;
    for (const EvidenceDetail& e : d.evidence) {
      std::string name = e.source != nullptr && !e.source->publisher().empty()
                             ? e.source->publisher()
                             : e.evidence.source_id();
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
      }
    }
    const std::string sources = absl::StrJoin(names, "; ");
    t.Add({std::string(graph.node_id(hop.from)), hop.along ? "->" : "<-",
           std::string(graph.node_id(hop.to)),
           std::string(EdgeKindName(d.info.kind)), what,
           d.record_kind == "transfer" ? d.designation : "",
           d.when.empty() ? "?" : d.when, d.number_ordered,
           d.number_delivered, d.tiv_unit, d.tiv_order, d.tiv_delivered,
           StatusName(d.info.status), d.record_id, sources});
  }
  t.Print(2);
  std::cout << "\n";
}

struct Loaded {
  Graph graph;
  Filter filter;
  Limits limits;
};

// Load parses the shared options and loads the graph.
absl::StatusOr<Loaded> Load(const Args& args) {
  absl::StatusOr<Filter> filter = ParseFilter(args);
  if (!filter.ok()) return filter.status();
  absl::StatusOr<Limits> limits = ParseLimits(args);
  if (!limits.ok()) return limits.status();
  absl::StatusOr<std::vector<std::string>> files = DataFiles(args);
  if (!files.ok()) return files.status();
  absl::StatusOr<Graph> graph = LoadGraphFrom(*files, WantsCountryLinks(args));
  if (!graph.ok()) return graph.status();
  return Loaded{std::move(*graph), *filter, *limits};
}

// Estimated bytes per hop of a printed path, and per neighbour: measured
// on the real lists (JSON with evidence is the larger).
constexpr double kJsonBytesPerHop = 1500;
constexpr double kTextBytesPerHop = 160;
constexpr double kBytesPerNeighbor = 400;

// CheckSize refuses an answer estimated larger than --max-output.
absl::Status CheckSize(const Args& args, double bytes, uint64_t count,
                       const std::string& what) {
  double mb = 100;
  if (args.Has("max-output") &&
      (!absl::SimpleAtod(args.Get("max-output"), &mb) || !(mb > 0))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max-output \"", args.Get("max-output"), "\": expected megabytes > 0"));
  }
  if (bytes <= mb * 1e6) return absl::OkStatus();
  return absl::ResourceExhaustedError(absl::StrCat(
      "the answer would be ", count, " ", what, ", about ",
      absl::SixDigits(bytes / 1e6), " MB (limit ", absl::SixDigits(mb),
      " MB): ask for --count, a summary with `embargo links`, narrower "
      "filters or a smaller --limit, or raise --max-output"));
}

// PrintRoutes prints distinct routes: each route's nodes, then its edges.
void PrintRoutes(const Graph& graph, const DistinctRoutes& routes,
                 bool json, const std::string& command, NodeId from,
                 NodeId to) {
  if (json) {
    Json j;
    j["command"] = command;
    j["from"] = NodeJson(graph, from);
    j["to"] = NodeJson(graph, to);
    Json list = Json::array();
    for (const DistinctRoute& r : routes.routes) {
      Json o;
      Json nodes = Json::array();
      for (NodeId n : r.Nodes()) nodes.push_back(std::string(graph.node_id(n)));
      o["nodes"] = nodes;
      o["length"] = r.example.length();
      Json hops = Json::array();
      for (const std::vector<Hop>& edges : r.parallel) {
        Json e = Json::array();
        for (const Hop& h : edges) e.push_back(HopJson(graph, h));
        hops.push_back(e);
      }
      o["hops"] = hops;
      list.push_back(o);
    }
    j["routes"] = list;
    j["truncated"] = routes.truncated;
    j["truncation_reason"] = routes.truncation_reason;
    PrintJson(j);
    return;
  }
  std::cout << routes.routes.size() << " distinct route(s) from "
            << Label(graph, from) << " to " << Label(graph, to) << "\n\n";
  for (size_t i = 0; i < routes.routes.size(); ++i) {
    const DistinctRoute& r = routes.routes[i];
    std::vector<std::string> ids;
    for (NodeId n : r.Nodes()) ids.emplace_back(graph.node_id(n));
    std::cout << i + 1 << ". " << absl::StrJoin(ids, " - ") << "\n";
    for (const std::vector<Hop>& edges : r.parallel) {
      std::cout << "   " << graph.node_id(edges.front().from) << " - "
                << graph.node_id(edges.front().to) << ": " << edges.size()
                << " edge(s)\n";
      for (size_t e = 0; e < edges.size() && e < 5; ++e) {
        std::cout << "     " << ExplainHop(graph, edges[e]).summary << "\n";
      }
      if (edges.size() > 5) {
        std::cout << "     ... and " << edges.size() - 5
                  << " more (--json lists them all)\n";
      }
    }
  }
  if (routes.truncated) {
    std::cout << "(cut short: " << routes.truncation_reason << ")\n";
  }
}

int RunPathsImpl(const std::vector<std::string>& argv, bool single) {
  const std::string command = single ? "path" : "paths";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, kQueryValued, kQueryFlags);
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    PrintHelp(single ? kPathHelp : kPathsHelp);
    return kExitOk;
  }
  if (args->positionals().size() != 2) {
    return Fail(command, absl::StrCat("expected FROM and TO, got ",
                                      args->positionals().size(),
                                      " argument(s) (see --help)"));
  }
  absl::StatusOr<int> max_hops = args->Int("max-hops", 3, 1, 64);
  if (!max_hops.ok()) return Fail(command, max_hops.status());
  absl::StatusOr<int> k = args->Int("k", 0, 1, 100000);
  if (!k.ok()) return Fail(command, k.status());
  absl::StatusOr<Loaded> loaded = Load(*args);
  if (!loaded.ok()) return Fail(command, loaded.status());
  const Graph& graph = loaded->graph;
  absl::StatusOr<NodeId> from = ResolveActor(graph, args->positionals()[0]);
  if (!from.ok()) return Fail(command, from.status());
  absl::StatusOr<NodeId> to = ResolveActor(graph, args->positionals()[1]);
  if (!to.ok()) return Fail(command, to.status());

  if (args->Has("distinct-routes") && (single || !args->Has("k"))) {
    return Fail(command, "--distinct-routes goes with paths --k N");
  }
  if (args->Has("count")) {
    if (single || args->Has("k")) {
      return Fail(command, "--count counts all paths: use it without --k");
    }
    absl::StatusOr<PathCount> c = CountPaths(
        graph, *from, *to, *max_hops, loaded->filter, loaded->limits);
    if (!c.ok()) return Fail(command, c.status());
    if (args->Has("json")) {
      Json j;
      j["command"] = command;
      j["from"] = NodeJson(graph, *from);
      j["to"] = NodeJson(graph, *to);
      j["max_hops"] = *max_hops;
      j["count"] = c->count;
      j["truncated"] = c->truncated;
      j["truncation_reason"] = c->truncation_reason;
      PrintJson(j);
    } else {
      std::cout << c->count << (c->truncated ? "+" : "") << " path(s) from "
                << Label(graph, *from) << " to " << Label(graph, *to)
                << " of at most " << *max_hops
                << (*max_hops == 1 ? " hop" : " hops");
      if (c->truncated) std::cout << " (counting stopped: " << c->truncation_reason << ")";
      std::cout << "\n";
    }
    return c->count == 0 ? kExitNoResult : kExitOk;
  }
  if (args->Has("distinct-routes")) {
    absl::StatusOr<DistinctRoutes> r = KShortestRoutes(
        graph, *from, *to, *k, loaded->filter, loaded->limits,
        args->Has("max-hops") ? *max_hops : 0);
    if (!r.ok()) return Fail(command, r.status());
    PrintRoutes(graph, *r, args->Has("json"), command, *from, *to);
    return r->routes.empty() ? kExitNoResult : kExitOk;
  }
  if (!single && !args->Has("k")) {
    // Before listing: how large would the answer be?
    absl::StatusOr<PathCount> c = CountPaths(
        graph, *from, *to, *max_hops, loaded->filter, loaded->limits);
    if (c.ok()) {
      const uint64_t n = std::min<uint64_t>(c->count, loaded->limits.max_results);
      const double per_hop = args->Has("json") || args->Has("explain")
                                 ? kJsonBytesPerHop
                                 : kTextBytesPerHop;
      absl::Status size = CheckSize(*args, static_cast<double>(n) * *max_hops * per_hop,
                                    n, "paths");
      if (!size.ok()) return Fail(command, size);
      if (c->count > loaded->limits.max_results) {
        std::cerr << "note: " << c->count << " paths in all; listing the first "
                  << loaded->limits.max_results
                  << " (shortest first). `embargo links` groups them all into "
                     "routes; --count prints only the number\n";
      }
    }
  }

  Paths result;
  if (single) {
    absl::StatusOr<std::optional<Path>> p =
        ShortestPath(graph, *from, *to, loaded->filter, loaded->limits);
    if (!p.ok()) return Fail(command, p.status());
    if (p->has_value()) result.paths.push_back(**p);
  } else if (args->Has("k")) {
    absl::StatusOr<Paths> p = KShortestPaths(graph, *from, *to, *k,
                                             loaded->filter, loaded->limits);
    if (!p.ok()) return Fail(command, p.status());
    result = std::move(*p);
    if (args->Has("max-hops")) {
      std::erase_if(result.paths, [&](const Path& path) {
        return path.length() > static_cast<size_t>(*max_hops);
      });
    }
  } else {
    absl::StatusOr<Paths> p = AllPaths(graph, *from, *to, *max_hops,
                                       loaded->filter, loaded->limits);
    if (!p.ok()) return Fail(command, p.status());
    result = std::move(*p);
  }

  const std::string title =
      absl::StrCat(graph.node_id(*from), " to ", graph.node_id(*to), ": ",
                   result.paths.size(), " path(s)");
  absl::Status s = WriteDotOutputs(
      *args, graph, SubgraphOfPaths(graph, result.paths), title);
  if (!s.ok()) return Fail(command, s);

  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["from"] = NodeJson(graph, *from);
    j["to"] = NodeJson(graph, *to);
    Json paths = Json::array();
    for (const Path& p : result.paths) paths.push_back(PathJson(graph, p));
    j["paths"] = std::move(paths);
    j["truncated"] = result.truncated;
    j["truncation_reason"] = result.truncation_reason;
    PrintJson(j);
  } else {
    if (result.paths.empty()) {
      std::cout << "No path from " << Label(graph, *from) << " to "
                << Label(graph, *to) << " with these filters.\n";
    } else {
      std::cout << result.paths.size() << " path(s) from "
                << Label(graph, *from) << " to " << Label(graph, *to);
      if (!single && !args->Has("k")) {
        std::cout << " of at most " << *max_hops
                  << (*max_hops == 1 ? " hop" : " hops");
      }
      std::cout << "\n\n";
      for (const Path& p : result.paths) {
        PrintPathTable(graph, p, args->Has("explain"));
      }
    }
    if (result.truncated) {
      std::cout << "(cut short: " << result.truncation_reason << ")\n";
    }
  }
  return result.paths.empty() ? kExitNoResult : kExitOk;
}

}  // namespace

int RunPath(const std::vector<std::string>& argv) {
  return RunPathsImpl(argv, true);
}

int RunPaths(const std::vector<std::string>& argv) {
  return RunPathsImpl(argv, false);
}

int RunNeighbors(const std::vector<std::string>& argv) {
  const std::string command = "neighbors";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, kQueryValued, kQueryFlags);
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    PrintHelp(kNeighborsHelp);
    return kExitOk;
  }
  if (args->positionals().size() != 1) {
    return Fail(command, absl::StrCat("expected one ACTOR, got ",
                                      args->positionals().size(),
                                      " argument(s) (see --help)"));
  }
  absl::StatusOr<int> max_hops = args->Int("max-hops", 1, 1, 64);
  if (!max_hops.ok()) return Fail(command, max_hops.status());
  absl::StatusOr<Loaded> loaded = Load(*args);
  if (!loaded.ok()) return Fail(command, loaded.status());
  const Graph& graph = loaded->graph;
  absl::StatusOr<NodeId> seed = ResolveActor(graph, args->positionals()[0]);
  if (!seed.ok()) return Fail(command, seed.status());
  if (args->Has("count") || loaded->limits.max_results > 1000) {
    absl::StatusOr<NeighborCount> c = CountNeighbors(
        graph, *seed, *max_hops, loaded->filter, loaded->limits);
    if (!c.ok()) return Fail(command, c.status());
    if (args->Has("count")) {
      if (args->Has("json")) {
        Json j;
        j["command"] = command;
        j["seed"] = NodeJson(graph, *seed);
        j["max_hops"] = *max_hops;
        j["count"] = c->count;
        j["truncated"] = c->truncated;
        j["truncation_reason"] = c->truncation_reason;
        PrintJson(j);
      } else {
        std::cout << c->count << (c->truncated ? "+" : "") << " node(s) within "
                  << *max_hops << " hop(s) of " << Label(graph, *seed) << "\n";
      }
      return c->count == 0 ? kExitNoResult : kExitOk;
    }
    const uint64_t n = std::min<uint64_t>(c->count, loaded->limits.max_results);
    absl::Status size =
        CheckSize(*args, static_cast<double>(n) * kBytesPerNeighbor, n, "nodes");
    if (!size.ok()) return Fail(command, size);
  }
  absl::StatusOr<Neighborhood> nb = Neighbors(graph, *seed, *max_hops,
                                              loaded->filter, loaded->limits);
  if (!nb.ok()) return Fail(command, nb.status());

  const Subgraph sub =
      SubgraphOfNeighborhood(graph, *seed, *nb, loaded->filter);
  // The picture draws the edges that join each node to the ring nearer the
  // seed (as the table's "via" column does), not those within a ring.
  Subgraph picture = sub;
  {
    absl::flat_hash_map<uint32_t, int> ring;
    ring[seed->value()] = 0;
    for (const Neighbor& m : nb->nodes) ring[m.node.value()] = m.hops;
    std::erase_if(picture.edges, [&](EdgeId e) {
      const EdgeInfo info = graph.edge(e);
      return std::abs(ring[info.from.value()] - ring[info.to.value()]) != 1;
    });
  }
  absl::Status s = WriteDotOutputs(
      *args, graph, picture,
      absl::StrCat("Within ", *max_hops, " hop(s) of ", graph.node_id(*seed)));
  if (!s.ok()) return Fail(command, s);

  // The edges that join each neighbour to the seed's side of the search.
  if (args->Has("json")) {
    Json j;
    j["command"] = command;
    j["seed"] = NodeJson(graph, *seed);
    j["max_hops"] = *max_hops;
    Json list = Json::array();
    for (const Neighbor& n : nb->nodes) {
      Json o = NodeJson(graph, n.node);
      o["hops"] = n.hops;
      list.push_back(std::move(o));
    }
    j["neighbors"] = std::move(list);
    Json edges = Json::array();
    for (EdgeId e : sub.edges) {
      const EdgeInfo info = graph.edge(e);
      Json o;
      o["from"] = std::string(graph.node_id(info.from));
      o["to"] = std::string(graph.node_id(info.to));
      o["edge_kind"] = std::string(EdgeKindName(info.kind));
      o["record_id"] = graph.EdgeRecordId(e);
      o["item"] = info.item == v1::ITEM_UNSPECIFIED ? "" : ItemName(info.item);
      o["status"] = StatusName(info.status);
      edges.push_back(std::move(o));
    }
    j["edges"] = std::move(edges);
    j["truncated"] = nb->truncated;
    j["truncation_reason"] = nb->truncation_reason;
    PrintJson(j);
  } else if (nb->nodes.empty()) {
    std::cout << "No neighbours of " << Label(graph, *seed)
              << " with these filters.\n";
  } else {
    std::cout << nb->nodes.size() << " node(s) within " << *max_hops
              << " hop(s) of " << Label(graph, *seed) << "\n\n";
    Table t({"hops", "id", "name", "kind", "country", "sanctioned", "via"});
    absl::flat_hash_map<uint32_t, int> hops_of;
    hops_of[seed->value()] = 0;
    for (const Neighbor& m : nb->nodes) hops_of[m.node.value()] = m.hops;
    for (const Neighbor& n : nb->nodes) {
      // The edges of the drawn subgraph that reach this node from a nearer
      // one, by kind.
      std::string via;
      for (const Incidence& inc : graph.Incidences(n.node)) {
        if (!std::binary_search(sub.edges.begin(), sub.edges.end(), inc.edge)) {
          continue;
        }
        auto it = hops_of.find(inc.other.value());
        if (it == hops_of.end() || it->second >= n.hops) continue;
        if (!via.empty()) via += ", ";
        absl::StrAppend(&via, EdgeKindName(graph.edge(inc.edge).kind), " ",
                        inc.along ? "-> " : "<- ", graph.node_id(inc.other));
        if (via.size() > 60) {
          via += ", ...";
          break;
        }
      }
      const Json nj = NodeJson(graph, n.node);
      t.Add({absl::StrCat(n.hops), std::string(graph.node_id(n.node)),
             std::string(graph.node_name(n.node)),
             std::string(NodeKindName(graph.node_kind(n.node))),
             std::string(graph.node_country(n.node)),
             nj["sanctioned"].is_null()      ? "unknown"
             : nj["sanctioned"].get<bool>() ? "yes"
                                            : "",
             via});
    }
    t.Print(2);
    if (nb->truncated) {
      std::cout << "(cut short: " << nb->truncation_reason << ")\n";
    }
  }
  return nb->nodes.empty() ? kExitNoResult : kExitOk;
}

}  // namespace embargo::cli
