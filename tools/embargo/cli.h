// Shared pieces of the `embargo` command-line tool: argument parsing, the
// query filter options, dataset loading, output helpers and exit statuses.
//
// Each subcommand is a function `int RunX(Args& args)` returning the exit
// status: kExitOk (0), kExitNoResult (1) or kExitBadInput (2). Errors are
// printed by Fail() as one line, "embargo <command>: <what and where>".

#ifndef EMBARGO_EXAMPLES_CLI_CLI_H_
#define EMBARGO_EXAMPLES_CLI_CLI_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/export.h"
#include "embargo/graph.h"
#include "embargo/query.h"
#include "embargo/sanctions.h"
#include "nlohmann/json.hpp"

namespace embargo::cli {

// RestartWithMallocTuning executes the tool again, once, with glibc's heap
// on transparent huge pages (malloc_tuning.cc says why and when not); it
// returns only when it leaves the process as it is.
void RestartWithMallocTuning(char** argv);

inline constexpr int kExitOk = 0;
inline constexpr int kExitNoResult = 1;
inline constexpr int kExitBadInput = 2;

using Json = nlohmann::ordered_json;

// Args holds one subcommand's arguments: options by name (without the
// leading dashes; repeatable ones keep every value) and positionals.
class Args {
 public:
  // Parse splits argv. `valued` names the options that take a value
  // ("--data FILE" or "--data=FILE"); `flags` those that do not. "-o" is
  // "--output" and "-h" is "--help". Unknown options are an error.
  static absl::StatusOr<Args> Parse(const std::string& command,
                                    const std::vector<std::string>& argv,
                                    const std::set<std::string>& valued,
                                    const std::set<std::string>& flags);

  bool Has(const std::string& name) const { return options_.count(name) > 0; }
  // Get returns the last value of an option, or `fallback`.
  std::string Get(const std::string& name,
                  const std::string& fallback = "") const;
  // All returns every value of a repeatable option.
  std::vector<std::string> All(const std::string& name) const;
  // Int reads an integer option with bounds.
  absl::StatusOr<int> Int(const std::string& name, int fallback, int min,
                          int max) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  const std::string& command() const { return command_; }

 private:
  std::string command_;
  std::map<std::string, std::vector<std::string>> options_;
  std::vector<std::string> positionals_;
};

// Fail prints "embargo <command>: <message>" on one line (a multi-line
// message is cut to its first line plus a count) and returns kExitBadInput.
int Fail(const std::string& command, const absl::Status& status);

// CheckOutputNotInput refuses (FailedPrecondition, naming both) an output
// that is the same file as one of `inputs` (same device and inode, so
// through symlinks and hard links too), unless `force`.
absl::Status CheckOutputNotInput(const std::string& output,
                                 const std::vector<std::string>& inputs,
                                 bool force);
int Fail(const std::string& command, const std::string& message);

// OneLine folds a status message into one line.
std::string OneLine(const absl::Status& status);

// The options every query command shares (filter, limits, data).
extern const std::set<std::string> kQueryValued;
extern const std::set<std::string> kQueryFlags;
// kFilterHelp documents them, for --help texts.
extern const char kFilterHelp[];
extern const char kDataHelp[];

// BundledDataset is the path of the bundled example dataset beside the tool
// (<root>/share/embargo/article_2023.textproto for the tool in <root>/bin), or
// "" when it is not there.
std::string BundledDataset();

// DataFiles returns the dataset paths: --data values and `extra`; when there
// are none, $EMBARGO_DATA (':'-separated); when unset, the bundled dataset;
// then, with --embargoes, the shipped arms embargoes.
absl::StatusOr<std::vector<std::string>> DataFiles(
    const Args& args, const std::vector<std::string>& extra = {});

// ReadFiles reads the files as records, resolved across files
// (embargo::ReadInputs: a graph image gives the records it holds).
absl::StatusOr<std::vector<DatasetFile>> ReadFiles(
    const std::vector<std::string>& paths);
// LoadGraphFrom loads the files (embargo::Load), with the country links
// when `country_links` (WantsCountryLinks). When entity resolution refused
// links, a note on stderr says how many and that `embargo resolve` lists
// them.
absl::StatusOr<Graph> LoadGraphFrom(const std::vector<std::string>& paths,
                                    bool country_links = false);
// WantsCountryLinks: --country is given, or --kinds names a country-link
// kind ("country_links", "registered_in", "located_in", "national_of",
// "all").
bool WantsCountryLinks(const Args& args);

// ParseFilter reads --kinds --items --from-date --until-date --certain
// --min-status --node-kinds --direction.
absl::StatusOr<Filter> ParseFilter(const Args& args);
// List splits the values of a repeatable comma-separated option.
std::vector<std::string> List(const Args& args, const std::string& name);
// AsOf reads --as-of (default today) and --any-date (unknown).
absl::StatusOr<PartialDate> AsOf(const Args& args);
// ParseLimits reads --limit and --timeout.
absl::StatusOr<Limits> ParseLimits(const Args& args);

// ResolveActor resolves an actor argument: an id, or a name that exactly one
// actor bears (Graph::FindByName) when no other actor's name matches it
// nearly as well (embargo/search.h: a company form, spelling variant or word
// order apart), or failing any exact name the one name that is the query's
// words exactly with a company form or title set aside ("Rosoboronexport"
// for "JSC ROSOBORONEXPORT"), with a note on stderr, when no other actor's
// name comes nearly as close. Otherwise FailedPrecondition listing the
// candidates, or NotFound with "did you mean" and the best candidates of the
// name search. Never picks one of several.
absl::StatusOr<NodeId> ResolveActor(const Graph& graph,
                                    const std::string& id_or_name);

// BlockingRuleText names the ownership rule and the lists it counted, for
// a report: "OFAC 50 % rule, counting the asset freezes of OFAC".
std::string BlockingRuleText(OwnershipRule rule, const BlockedSet& blocked);
// BlockingUnknownText says why blocking is unknown when the rule's own list
// is not loaded (BlockedSet::lists_loaded), and `what_would_answer` (the
// command's own options).
std::string BlockingUnknownText(const BlockedSet& blocked,
                                absl::string_view what_would_answer);

// NodeJson describes a node: id, name, kind, country, sanctioned (null when
// the graph holds no sanctions list).
Json NodeJson(const Graph& graph, NodeId node);
// HopJson describes a hop with its record and evidence.
Json HopJson(const Graph& graph, const Hop& hop);
// PathJson describes a path: length, nodes, hops.
Json PathJson(const Graph& graph, const Path& path);
// PrintJson writes JSON (two-space indent, invalid UTF-8 replaced).
void PrintJson(const Json& json);

// Table prints aligned columns.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Print writes the table with `indent` leading spaces.
  void Print(int indent = 0) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// WriteDotOutputs handles --dot FILE, --svg FILE and --png FILE for a
// query's answer.
absl::Status WriteDotOutputs(const Args& args, const Graph& graph,
                             const Subgraph& subgraph,
                             const std::string& title);

// Subcommands.
int RunImport(const std::vector<std::string>& argv);
int RunValidate(const std::vector<std::string>& argv);
int RunStats(const std::vector<std::string>& argv);
int RunExport(const std::vector<std::string>& argv);
int RunPath(const std::vector<std::string>& argv);
int RunPaths(const std::vector<std::string>& argv);
int RunNeighbors(const std::vector<std::string>& argv);
int RunExposure(const std::vector<std::string>& argv);
int RunBreaches(const std::vector<std::string>& argv);
int RunSearch(const std::vector<std::string>& argv);
int RunScreen(const std::vector<std::string>& argv);
int RunLinks(const std::vector<std::string>& argv);
int RunReasonLinks(const std::vector<std::string>& argv);
int RunDiff(const std::vector<std::string>& argv);
int RunApplyDelta(const std::vector<std::string>& argv);
int RunResolve(const std::vector<std::string>& argv);
int RunSanctioned(const std::vector<std::string>& argv);

}  // namespace embargo::cli

#endif  // EMBARGO_EXAMPLES_CLI_CLI_H_
