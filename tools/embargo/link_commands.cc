// `embargo links`: the link report (embargo/links.h, embargo/link_report.h).

#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/kinds.h"
#include "embargo/link_report.h"
#include "embargo/links.h"
#include "embargo/sanctions.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

constexpr char kLinksHelp[] = R"(usage: embargo links FROM TO [options]
       embargo links FROM --sanctioned [--authority ID] [--program P]
                     [--as-of DATE] [options]

How FROM and TO are linked: every path of at most --max-hops hops (default 3)
grouped into routes. A route is the sequence of link kinds (and which way
each is walked) and the intermediaries; when one sequence of kinds has many
sequences of intermediaries, the best 5 stay routes of their own and the
rest fold into one route per sequence of intermediary kinds, naming the
actors most paths go through. Each route shows its number of paths, years,
items, strongest status (that of its best path's weakest hop), number of
distinct sources, and its best-supported example path.

Routes are ranked by score = status weight (confirmed 3, reported 2,
alleged 1, denied 0.25) x (1 + log2(1 + sources)) x recency / hops^2, where
recency = 1 / (1 + years since the route's last year / 10). The total number
of paths is always shown, and what a format leaves out is said.

With --sanctioned, the targets are every actor under a sanction in force
(as of --as-of, default: any date) of --authority and --program (default:
any); a path ends at the first such actor.

When TO is a state, the report also has the actors linked to FROM by a
country link (registered_in, located_in, national_of), a nationality or a
flag that are targets of sanctions in force (on --as-of, default today)
under a programme concerning TO: for RUS and PRK, the entities in Russia
under OFAC's DPRK programmes, UNSCR 1718 or the EU's DPRK regime. Which
programmes concern a state: those under which the authority sanctions the
state itself, and the documented table (README, "Link reports"). They are
routes of their own ("RUS <-located_in- [24 PRK programme targets]"),
scored like the others, and the report names the programmes and the date;
each target counts once, under its strongest link (flag or nationality
relation, then registered_in / national_of, then located_in). Programmes
of no one country (NPWMD, SDGT, ...) are not counted. Left out with
--no-programmes; with --kinds, only the kinds named link.

Options:
  --max-hops N         longest path, in hops (1-6, default 3)
  --routes N           routes on the terminal page (default 10)
  --count              print only the number of paths (and routes)
  --json               the whole report as JSON
  --csv                one line per route
  --markdown           the whole report, every example and quote, Markdown
  --html FILE          one self-contained HTML file: picture, tables, quotes
  --dot FILE, --svg FILE, --png FILE
                       the picture of the best 12 routes
  --sanctioned         targets: actors under sanctions (see above)
  --authority ID, --program P
                       which sanctions, with --sanctioned
  --as-of DATE         the day sanctions are in force on: with --sanctioned
                       (default: any date), or with TO a state for the
                       programme targets (default today)
  --no-programmes      with TO a state: leave out the programme targets
  --through-sanctioning
                       keep the paths through an authority between two of
                       its sanctions (X <-sanction- EU -sanction-> Y: both
                       sanctioned by one authority), left out and counted
                       by default
)";

constexpr char kLinksExamples[] = R"(
Examples:
  embargo links RUS PRK --data sipri.pb --data ofac.pb --data un.pb --data eu.pb
  embargo links RUS PRK --chronological --kinds transfer --html rus_prk.html
  embargo links RUS --sanctioned --authority UNSC --program "UNSCR 1718" --max-hops 2
)";

absl::Status WriteFile(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot open for writing"));
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    return absl::DataLossError(absl::StrCat(path, ": write failed"));
  }
  return absl::OkStatus();
}

}  // namespace

int RunLinks(const std::vector<std::string>& argv) {
  const std::string command = "links";
  std::set<std::string> valued = kQueryValued;
  valued.insert({"routes", "html", "authority", "program", "as-of"});
  std::set<std::string> flags = kQueryFlags;
  flags.insert({"csv", "markdown", "sanctioned", "no-programmes", "through-sanctioning"});
  absl::StatusOr<Args> args = Args::Parse(command, argv, valued, flags);
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kLinksHelp << "\n" << kFilterHelp << "\n" << kDataHelp
              << kLinksExamples;
    return kExitOk;
  }
  const bool to_set = args->Has("sanctioned");
  const size_t want = to_set ? 1 : 2;
  if (args->positionals().size() != want) {
    return Fail(command,
                absl::StrCat("expected ", to_set ? "FROM" : "FROM and TO",
                             ", got ", args->positionals().size(),
                             " argument(s) (see --help)"));
  }
  if (!to_set && (args->Has("authority") || args->Has("program"))) {
    return Fail(command, "--authority and --program go with --sanctioned");
  }
  if (to_set && args->Has("no-programmes")) {
    return Fail(command, "--no-programmes goes with FROM and TO");
  }
  int formats = 0;
  for (const char* f : {"json", "csv", "markdown", "count"}) formats += args->Has(f);
  if (formats > 1) {
    return Fail(command, "give at most one of --json, --csv, --markdown, --count");
  }
  absl::StatusOr<int> max_hops = args->Int("max-hops", 3, 1, 6);
  if (!max_hops.ok()) return Fail(command, max_hops.status());
  absl::StatusOr<int> routes = args->Int("routes", 10, 1, 1000);
  if (!routes.ok()) return Fail(command, routes.status());
  absl::StatusOr<Filter> filter = ParseFilter(*args);
  if (!filter.ok()) return Fail(command, filter.status());
  absl::StatusOr<Limits> limits = ParseLimits(*args);
  if (!limits.ok()) return Fail(command, limits.status());
  absl::StatusOr<std::vector<std::string>> files = DataFiles(*args);
  if (!files.ok()) return Fail(command, files.status());
  // Programme targets: TO (an id or a name) may be a state, they are not
  // turned off, and --kinds (if given) has a kind that links an actor to a
  // state. The country links are derived for them (Links decides by TO's
  // kind once TO is resolved).
  const bool programmes =
      !to_set && !args->Has("no-programmes") &&
      (filter->edge_kinds.bits() & CountryFilterKinds().bits()) != 0;
  absl::StatusOr<Graph> graph =
      LoadGraphFrom(*files, WantsCountryLinks(*args) || programmes);
  if (!graph.ok()) return Fail(command, graph.status());
  absl::StatusOr<NodeId> from = ResolveActor(*graph, args->positionals()[0]);
  if (!from.ok()) return Fail(command, from.status());

  LinkOptions options;
  options.max_hops = *max_hops;
  options.filter = *filter;
  options.limits = *limits;
  options.through_sanctioning = args->Has("through-sanctioning");
  PartialDate as_of;
  if (args->Has("as-of")) {
    absl::StatusOr<PartialDate> d = PartialDate::Parse(args->Get("as-of"));
    if (!d.ok()) return Fail(command, absl::StrCat("--as-of: ", d.status().message()));
    as_of = *d;
  }
  absl::StatusOr<LinkReport> report;
  if (to_set) {
    Regime regime;
    if (args->Has("authority")) regime.authority_ids = args->All("authority");
    if (args->Has("program")) regime.programs = args->All("program");
    if (absl::Status s = CheckRegimeNames(*graph, regime, "--authority",
                                          "--program");
        !s.ok()) {
      return Fail(command, s);
    }
    if (SanctioningAuthorities(*graph, regime).empty()) {
      return Fail(command, "--sanctioned: no sanctions list is loaded, so who is "
                           "sanctioned is unknown (--data the lists)");
    }
    absl::StatusOr<NodeSet> set = SanctionedNodes(*graph, regime, as_of);
    if (!set.ok()) return Fail(command, set.status());
    std::string label = "actors sanctioned";
    if (args->Has("authority")) absl::StrAppend(&label, " by ", args->Get("authority"));
    if (args->Has("program")) absl::StrAppend(&label, " under ", args->Get("program"));
    if (args->Has("as-of")) absl::StrAppend(&label, " as of ", args->Get("as-of"));
    absl::StrAppend(&label, " (", set->size(), ")");
    const std::vector<NodeId> members = set->Nodes();
    report = LinksToSet(*graph, *from, members, label, options);
  } else {
    absl::StatusOr<NodeId> to = ResolveActor(*graph, args->positionals()[1]);
    if (!to.ok()) return Fail(command, to.status());
    if (args->Has("as-of") &&
        (!programmes || graph->node_kind(*to) != NodeKind::kState)) {
      return Fail(command, "--as-of goes with --sanctioned, or with TO a state "
                           "for its programme targets (not with --no-programmes)");
    }
    options.programme_targets = programmes;
    options.programmes_as_of = as_of;
    report = Links(*graph, *from, *to, options);
  }
  if (!report.ok()) return Fail(command, report.status());

  if (args->Has("html")) {
    absl::StatusOr<std::string> html = LinksHtml(*graph, *report);
    if (!html.ok()) return Fail(command, html.status());
    absl::Status s = WriteFile(args->Get("html"), *html);
    if (!s.ok()) return Fail(command, s);
  }
  if (args->Has("dot") || args->Has("svg") || args->Has("png")) {
    const std::string dot = LinksDot(*graph, *report);
    if (args->Has("dot")) {
      absl::Status s = WriteFile(args->Get("dot"), dot);
      if (!s.ok()) return Fail(command, s);
    }
    for (const char* format : {"svg", "png"}) {
      if (!args->Has(format)) continue;
      absl::Status s = RenderDot(dot, format, args->Get(format));
      if (!s.ok()) return Fail(command, s);
    }
  }
  if (args->Has("count")) {
    size_t routes = 0, programme_routes = 0;
    for (const LinkRoute& x : report->routes) {
      (x.programme_target ? programme_routes : routes) += 1;
    }
    std::cout << report->total_paths << " path(s) in " << routes << " route(s)";
    if (report->programme_targets) {
      std::cout << "; " << report->programme_targets_linked << " of "
                << report->programme_targets_total << " target(s) of "
                << graph->node_id(report->targets.front())
                << " programmes on " << report->programmes_as_of.ToString()
                << " linked, by " << report->programme_target_paths
                << " link(s) in " << programme_routes << " route(s)";
    }
    std::cout << (report->complete ? "" : " (incomplete: ")
              << (report->complete ? "" : report->stop_reason)
              << (report->complete ? "" : ")") << "\n";
  } else if (args->Has("json")) {
    std::cout << LinksJson(*graph, *report);
  } else if (args->Has("csv")) {
    std::cout << LinksCsv(*graph, *report);
  } else if (args->Has("markdown")) {
    std::cout << LinksMarkdown(*graph, *report);
  } else {
    std::cout << LinksText(*graph, *report, static_cast<size_t>(*routes));
  }
  return report->total_paths == 0 && report->programme_target_paths == 0
             ? kExitNoResult
             : kExitOk;
}

}  // namespace embargo::cli
