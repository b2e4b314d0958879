// A link report (embargo/links.h) for people: a terminal page, Markdown,
// CSV, JSON, a Graphviz picture, and one self-contained HTML file.
//
//   absl::StatusOr<embargo::LinkReport> r = embargo::Links(graph, rus, prk);
//   std::cout << embargo::LinksText(graph, *r);          // fits a page
//   absl::StatusOr<std::string> html = embargo::LinksHtml(graph, *r);
//
// Every format states the total number of paths and routes, the filter and
// the limits used; a format that shows only some routes (the text page, the
// picture) says how many routes and paths it leaves out and how to get
// them. Markdown, CSV, JSON and HTML hold every route.

#ifndef EMBARGO_LINK_REPORT_H_
#define EMBARGO_LINK_REPORT_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "embargo/graph.h"
#include "embargo/links.h"

namespace embargo {

// LinksText is the terminal page: the totals, the best `max_routes` routes
// as a table, the example path of the best `max_examples` with its first
// source, and a line saying what is left out.
std::string LinksText(const Graph& graph, const LinkReport& report,
                      size_t max_routes = 10, size_t max_examples = 3);

// LinksMarkdown is the whole report: totals, a table of every route, and
// each route's example path with its evidence (sources and quotes).
std::string LinksMarkdown(const Graph& graph, const LinkReport& report);

// LinksCsv is one row per route (header first): rank, label, hops, steps,
// intermediaries, targets, paths, node_sequences, edges, first_day,
// last_day, undated_edges, items, strongest_status, sources, score,
// example (record ids, " / "-joined).
std::string LinksCsv(const Graph& graph, const LinkReport& report);

// LinksJson is the whole report as JSON (see README, "Link reports").
std::string LinksJson(const Graph& graph, const LinkReport& report);

// LinksDot draws the best `max_routes` routes as one picture: one edge
// per pair of nodes and kind of link, labelled with the number of records,
// the years and the main items (or the ownership share); a folded route's
// intermediaries are one box naming the kind, the count and the top actors;
// a note under the picture says what is not drawn.
std::string LinksDot(const Graph& graph, const LinkReport& report,
                     size_t max_routes = 12);

// LinksHtml is one self-contained HTML file (no scripts, no external
// resources): the totals, the picture as inline SVG (when Graphviz's `dot`
// can be run; otherwise a note saying so), the table of every route, and
// under each route its example path and the evidence of its edges, every
// quote (up to `max_edges_per_route` edges per route, the rest counted).
// Errors: Internal when `dot` fails.
[[nodiscard]] absl::StatusOr<std::string> LinksHtml(
    const Graph& graph, const LinkReport& report,
    size_t max_edges_per_route = 50);

}  // namespace embargo

#endif  // EMBARGO_LINK_REPORT_H_
