// embargo: the command-line tool. A thin layer over the library's public
// functions: import, validate, stats, path, paths, neighbors, exposure,
// breaches, export. `embargo COMMAND --help` documents each.
//
// Exit status: 0 ok; 1 no result (no path, no neighbour, no breach,
// validation problems, rejected rows); 2 bad input (bad arguments, unreadable
// or invalid files, unknown or ambiguous actors). Errors are one line on
// stderr: "embargo COMMAND: what, where".

#include <iostream>
#include <string>
#include <vector>

#include "tools/embargo/cli.h"

namespace {

constexpr char kUsage[] = R"(usage: embargo COMMAND [ARGS...]

Actors, arms transfers and sanctions as a typed graph.

Commands:
  import FORMAT FILE... -o OUT   lists and registers (SIPRI, OFAC, UN, EU,
                                 Neo4j CSV) to embargo records
  validate FILE...               every problem in the records, located
  stats FILE...                  counts by kind, item, authority, programme,
                                 years
  path FROM TO                   one shortest path
  paths FROM TO                  all paths up to --max-hops, or --k shortest
  links FROM TO                  how two actors are linked: the paths grouped
                                 into ranked routes, with counts and evidence
  neighbors ACTOR                the nodes within --max-hops
  exposure ACTOR                 sanctions in force, blocking through
                                 ownership, sanctioned actors nearby
  breaches                       transfers that breach an arms embargo
  sanctioned                     targets of a regime's sanctions, --country
                                 CODE: those linked to a state
  search NAME                    actors by name, alias, variant or typo,
                                 scored and explained
  screen INPUT.csv               a list of counterparties: matches, sanctions,
                                 blocking through ownership, nearby targets
  reason-links FILE... -o OUT    links that designation reasons state
  resolve FILE...                which actors of several files are one, by
                                 which rule; links refused and why
  diff OLD NEW                   listed, delisted, changed between editions
  apply-delta OLD DELTA -o NEW   an OpenSanctions delta applied to an FtM
                                 export: the next edition
  export FORMAT [FILE...] -o OUT graphml, neo4j, jsonl, dot, svg, png, ...

`embargo COMMAND --help` for each command's options and examples.
Output is a readable table; --json gives JSON with stable field names.
Exit status: 0 ok, 1 no result, 2 bad input.

Examples:
  embargo paths RUS PRK --max-hops 3 --kinds transfer,transfer_via
  embargo import sipri trade-register.csv -o sipri.pb
  embargo paths PRK RUS --kinds transfer --data sipri.pb --json
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace embargo::cli;
  RestartWithMallocTuning(argv);
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitBadInput;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "import") return RunImport(args);
  if (command == "validate") return RunValidate(args);
  if (command == "stats") return RunStats(args);
  if (command == "export") return RunExport(args);
  if (command == "path") return RunPath(args);
  if (command == "paths") return RunPaths(args);
  if (command == "neighbors" || command == "neighbours") {
    return RunNeighbors(args);
  }
  if (command == "exposure") return RunExposure(args);
  if (command == "breaches") return RunBreaches(args);
  if (command == "search") return RunSearch(args);
  if (command == "screen") return RunScreen(args);
  if (command == "links") return RunLinks(args);
  if (command == "reason-links") return RunReasonLinks(args);
  if (command == "resolve") return RunResolve(args);
  if (command == "diff") return RunDiff(args);
  if (command == "apply-delta") return RunApplyDelta(args);
  if (command == "sanctioned") return RunSanctioned(args);
  std::cerr << "embargo: unknown command \"" << command
            << "\" (embargo --help lists them)\n";
  return kExitBadInput;
}
