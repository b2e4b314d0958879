// Loading: one path from files (and records in memory) to a Graph, used by
// the library's LoadGraph, the command-line tool and Python alike.
//
//   embargo::LoadOptions options;
//   options.progress = [](const embargo::LoadProgress& p) {
//     std::cerr << p.stage << " " << p.name << "\n";
//   };
//   embargo::LoadReport report;
//   absl::StatusOr<embargo::Graph> graph = embargo::Load(
//       {"ofac.records", "un.records", "article.textproto"}, options, &report);
//   if (!graph.ok()) { std::cerr << graph.status() << "\n"; return 2; }
//   std::cerr << report.resolution.Summary();
//
// The rules, in order:
//   1. A graph image (.egraph, embargo/image.h) is a whole graph: it loads
//      alone, checked instead of built. With any other input it is refused.
//   2. Every file is read in the format its name gives (embargo/io.h:
//      .pb, .textproto, .json, .records, .jsonl), within options.limits.
//      A single record stream of compact records (what the Neo4j CSV
//      importer writes) loads straight into columns, skipping the general
//      path, when nothing else is loaded with it.
//   3. With more than one input and options.resolve on (the default), the
//      actors several inputs describe become one (embargo/resolve.h) before
//      validation; the merges are in LoadReport::resolution. Resolution
//      never links the actors of one input, so a single input is loaded as
//      it is.
//   4. With options.country_links on (off by default), the country links of
//      the actors (embargo/country_links.h) are added as one more input.
//   5. All inputs are validated together (embargo/validate.h) and built.
//
// Errors name the file, the record and the field (up to
// options.validate.max_problems problems in one InvalidArgument).

#ifndef EMBARGO_LOAD_H_
#define EMBARGO_LOAD_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "embargo/country_links.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/resolve.h"
#include "embargo/validate.h"

namespace embargo {

// LoadProgress is one step of a load: a file read, resolution, the build.
struct LoadProgress {
  // "image", "read", "resolve" or "build".
  absl::string_view stage;
  // The file read (stage "read", "image"); empty otherwise.
  absl::string_view name;
  // Inputs read so far and in all, for stage "read".
  size_t done = 0;
  size_t total = 0;
};

// LoadOptions says how to load.
struct LoadOptions {
  // Entity resolution across inputs (rule 3 above), and its rules.
  bool resolve = true;
  ResolveOptions resolve_options;
  // Validation (problems reported at most).
  ValidateOptions validate;
  // Limits on each file read.
  ReadLimits limits;
  // Called before each step, on the calling thread; may be empty.
  std::function<void(const LoadProgress&)> progress;
  // Adds the country arms embargoes shipped with the library
  // (arms_embargoes.textproto: UN Security Council and EU embargoes on
  // states, with legal basis, dates and sources) as one more input. Found
  // at arms_embargoes_path when given, else beside the library
  // (ArmsEmbargoesFile).
  bool arms_embargoes = false;
  std::string arms_embargoes_path;
  // Derives the country links (embargo/country_links.h): each actor's
  // country, address countries and nationality as an edge to the state, so
  // that country filters and country-link kinds can be asked for. Queries
  // do not walk them unless asked (DefaultEdgeKinds). Off by default, so
  // that records load into the graph they hold on every path (a compact
  // record stream, a graph image, the general path all give one graph, and
  // counts of edges are counts of records); the command-line tool turns it
  // on when a command asks for a country or a country-link kind, Python's
  // load(..., country_links=True) when asked. Not derived for a graph image
  // (it holds what it was saved with) or a compact record stream (rule 2);
  // Graph::has_country_links says whether the graph has them, and a
  // country filter on a graph without them is refused.
  bool country_links = false;
};

// ArmsEmbargoesFile finds the shipped arms-embargo records: the
// EMBARGO_SHARE_DIR environment variable's directory, <dir of the running
// program>/../share/embargo, the build tree's share/embargo, then the
// installed <prefix>/share/embargo. NotFound names the places tried.
absl::StatusOr<std::string> ArmsEmbargoesFile();

// LoadInput is one input: a file, or records already in memory.
struct LoadInput {
  // The file to read, or the name in-memory records go by in errors.
  std::string path;
  // The records, when they are in memory.
  std::optional<DatasetFile> records;

  static LoadInput File(std::string path) { return {std::move(path), {}}; }
  static LoadInput Records(DatasetFile file) {
    std::string name = file.path;
    return {std::move(name), std::move(file)};
  }
};

// LoadReport says how the graph was loaded.
struct LoadReport {
  // The inputs, in order.
  std::vector<std::string> inputs;
  // True when the graph came from a graph image.
  bool from_image = false;
  // True when a record stream loaded straight into columns.
  bool compact_stream = false;
  // True when entity resolution ran; what it did.
  bool resolved = false;
  ResolveReport resolution;
  // True when country links were derived (rule 4); how many.
  bool country_links = false;
  CountryLinkReport country_link_report;
};

// Load loads the inputs into one graph by the rules above. `report`, when
// given, says how (also when validation fails after resolution).
[[nodiscard]] absl::StatusOr<Graph> Load(std::vector<LoadInput> inputs,
                                         const LoadOptions& options = {},
                                         LoadReport* report = nullptr);
// Load of files only.
[[nodiscard]] absl::StatusOr<Graph> Load(absl::Span<const std::string> paths,
                                         const LoadOptions& options = {},
                                         LoadReport* report = nullptr);

// ReadInputs reads the inputs as records, resolved across inputs as Load
// would (rules 1-3), without validating or building: for tools that look at
// the records of files that may not validate. A graph image gives the
// records it holds (embargo::DatasetFromGraph), as one file named after it.
[[nodiscard]] absl::StatusOr<std::vector<DatasetFile>> ReadInputs(
    std::vector<LoadInput> inputs, const LoadOptions& options = {},
    LoadReport* report = nullptr);
// ReadInputs of files only.
[[nodiscard]] absl::StatusOr<std::vector<DatasetFile>> ReadInputs(
    absl::Span<const std::string> paths, const LoadOptions& options = {},
    LoadReport* report = nullptr);

}  // namespace embargo

#endif  // EMBARGO_LOAD_H_
