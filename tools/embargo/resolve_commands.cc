// embargo resolve: what entity resolution did with the files loaded together
// (embargo/resolve.h): the links each rule made, the links it refused and
// why, and the records it dropped.

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/load.h"
#include "embargo/resolve.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {
namespace {

constexpr char kResolveHelp[] = R"(usage: embargo resolve FILE... [options]

Says what entity resolution does when the files are loaded together, as
every other command loads them: the actors several files describe become
one actor, by these rules (README, "One actor per real-world actor"):
  same id                      the same id (a state's ISO code)
  identifier                   IMO, OFAC UID, UN reference, FtM id/referent
  name+country+kind            one folded name, a country in common, kinds
                               that agree
  name+kind, country on one side
  spelling+birth date          persons: one name spelled two ways, born on
                               the same full date
  registry number+country      a company register, tax, LEI or DUNS number
  document number+country or birth date
                               persons: a passport or national id number
A link is refused, and the actors stay two, when it would join two actors
one file keeps apart, two different birth dates or two different IMO, OFAC
or UN references. Refusals are printed whole: each names both actors, their
files, what matched and why it was refused.

Options:
  --rule R       only the links of rule R (a name above)
  --id ID        only the links that involve the actor ID (kept or merged)
  --limit N      links listed (default 20; 0: all); refusals and dropped
                 records are always listed whole
  --json         everything as JSON (every link, whatever --limit)

Example:
  embargo resolve sdn.records un.records eu.records
  embargo resolve sdn.records eu.records --id OFAC-18782
)";

bool Involves(const std::vector<std::string>& ids, const std::string& kept,
              const std::string& id) {
  return id.empty() || kept == id ||
         std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Pairs "ID (file)" for the two actors of a link.
std::string Actors(const std::vector<std::string>& ids,
                   const std::vector<std::string>& files) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < ids.size(); ++i) {
    parts.push_back(i < files.size() ? absl::StrCat(ids[i], " (", files[i], ")")
                                     : ids[i]);
  }
  return absl::StrJoin(parts, " and ");
}

}  // namespace

int RunResolve(const std::vector<std::string>& argv) {
  const std::string command = "resolve";
  absl::StatusOr<Args> args =
      Args::Parse(command, argv, {"data", "rule", "id", "limit"}, {"json"});
  if (!args.ok()) return Fail(command, args.status());
  if (args->Has("help")) {
    std::cout << kResolveHelp;
    return kExitOk;
  }
  absl::StatusOr<int> limit = args->Int("limit", 20, 0, 1 << 30);
  if (!limit.ok()) return Fail(command, limit.status());
  const std::string rule = args->Get("rule");
  static constexpr const char* kRules[] = {
      kRuleSameId,           kRuleIdentifier,        kRuleNameCountryKind,
      kRuleNameOneSidedCountry, kRuleSpellingBirthDate, kRuleRegistryNumber,
      kRuleDocumentNumber};
  if (!rule.empty() && std::none_of(std::begin(kRules), std::end(kRules),
                                    [&](const char* r) { return rule == r; })) {
    return Fail(command, absl::StrCat("--rule \"", rule, "\": expected one of \"",
                                      absl::StrJoin(kRules, "\", \""), "\""));
  }
  const std::string id = args->Get("id");
  absl::StatusOr<std::vector<std::string>> files =
      DataFiles(*args, args->positionals());
  if (!files.ok()) return Fail(command, files.status());
  if (files->size() < 2) {
    return Fail(command,
                "expected two files or more: resolution links the actors of "
                "different files, never those of one");
  }
  LoadReport report;
  absl::StatusOr<std::vector<DatasetFile>> read =
      ReadInputs(*files, LoadOptions{}, &report);
  if (!read.ok()) return Fail(command, read.status());
  const ResolveReport& r = report.resolution;
  if (report.from_image) {
    return Fail(command, "a graph image loads alone: it holds a graph "
                         "resolved when it was built");
  }

  std::vector<const Merge*> merges;
  for (const Merge& m : r.merges) {
    if ((rule.empty() || m.rule == rule) && Involves(m.merged_ids, m.kept_id, id)) {
      merges.push_back(&m);
    }
  }
  std::vector<const Refusal*> refused;
  for (const Refusal& x : r.refused) {
    if ((rule.empty() || x.rule == rule) && Involves(x.ids, "", id)) {
      refused.push_back(&x);
    }
  }

  if (args->Has("json")) {
    Json j;
    j["files"] = *files;
    j["actors_in"] = r.actors_in;
    j["actors_out"] = r.actors_out;
    j["merged_actors"] = r.merged_actors;
    j["actors_removed"] = r.actors_removed;
    Json by_rule = Json::object();
    for (const auto& [name, count] : r.merges_by_rule) by_rule[name] = count;
    j["links_by_rule"] = std::move(by_rule);
    j["sources_deduplicated"] = r.sources_deduplicated;
    j["references_rewritten"] = r.references_rewritten;
    j["filter"] = {{"rule", rule}, {"id", id}};
    Json links = Json::array();
    for (const Merge* m : merges) {
      links.push_back({{"kept_id", m->kept_id}, {"ids", m->merged_ids},
                       {"files", m->files}, {"rule", m->rule}, {"values", m->values}});
    }
    j["links"] = std::move(links);
    Json refusals = Json::array();
    for (const Refusal* x : refused) {
      refusals.push_back({{"ids", x->ids}, {"files", x->files}, {"rule", x->rule},
                          {"values", x->values}, {"reason", x->reason}});
    }
    j["refused"] = std::move(refusals);
    Json dropped = Json::array();
    for (const DroppedRecord& d : r.dropped) {
      dropped.push_back({{"file", d.file}, {"record", d.record}, {"kind", d.kind},
                         {"id", d.id}, {"reason", d.reason}});
    }
    j["dropped"] = std::move(dropped);
    j["notes"] = r.notes;
    PrintJson(j);
    return merges.empty() && refused.empty() ? kExitNoResult : kExitOk;
  }

  std::cout << r.Summary();
  const std::string filter =
      rule.empty() && id.empty()
          ? ""
          : absl::StrCat(" (", rule.empty() ? "" : absl::StrCat("rule ", rule),
                         !rule.empty() && !id.empty() ? ", " : "",
                         id.empty() ? "" : absl::StrCat("involving ", id), ")");
  const size_t shown = *limit == 0 ? merges.size()
                                   : std::min(merges.size(), static_cast<size_t>(*limit));
  std::cout << "\n" << merges.size() << " link(s)" << filter;
  if (shown < merges.size()) {
    std::cout << ", the first " << shown << " (--limit 0 lists all)";
  }
  std::cout << ":\n";
  for (size_t i = 0; i < shown; ++i) {
    const Merge& m = *merges[i];
    std::cout << "  " << Actors(m.merged_ids, m.files) << " -> " << m.kept_id
              << "\n      by " << m.rule << ": " << m.values << "\n";
  }
  std::cout << "\n" << refused.size() << " link(s) refused" << filter
            << (refused.empty() ? "\n" : "; the actors stay apart:\n");
  for (const Refusal* x : refused) {
    std::cout << "  " << Actors(x->ids, x->files) << "\n      by " << x->rule
              << ": " << x->values << "\n      refused: " << x->reason << "\n";
  }
  return merges.empty() && refused.empty() ? kExitNoResult : kExitOk;
}

}  // namespace embargo::cli
