// Entity resolution (embargo/resolve.h).
//
// The steps, in the order they run:
//   1. Sources: the same id in several files must be the same source; later
//      copies are removed.
//   2. Index the actors: one node per actor record; a node whose id repeats
//      within its own file is left out of every rule (validation reports
//      it).
//   3. The rules link nodes through union-find (disjoint sets with path
//      halving and union by size). Candidates come from hash buckets keyed by
//      id, strong identifier, registry or document number, (class,
//      country, folded name) and (spelling key, birth date), so the work
//      grows with the number of actors and names, not with their square.
//      Every union first checks the two groups' constraints (one actor per
//      file, compatible birth dates, one value per single-valued identifier
//      scheme); a refused union is reported.
//   4. Each group becomes one actor, in the place of its kept record.
//   5. Every reference in every record is rewritten; records that became
//      impossible (self-loops) and identical duplicates are removed and
//      reported.
//
// Steps 1 to 4 are one Resolver, whose union-find, constraints and reports
// every rule shares; the keys the rules match on are lib/resolve/keys.cc,
// and the record edits of steps 4 and 5 lib/resolve/records.cc.

#include "embargo/resolve.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "embargo/graph.h"
#include "embargo/io.h"
#include "embargo/validate.h"
#include "lib/internal/status_macros.h"
#include "lib/resolve/keys.h"
#include "lib/resolve/records.h"

namespace embargo {
namespace {

using resolve_internal::KindClass;
using resolve_internal::Compact;
using resolve_internal::RecordLabel;

// Node is one actor record.
struct Node {
  int file = 0;
  int index = 0;
  KindClass cls = KindClass::kNone;
  bool excluded = false;  // Id repeated within its own file.
  int first_link = -1;    // Index into report.merges of its first link.
  std::vector<std::string> countries;  // Country, else address countries.
};

// A link's short form, for Actor.merged_from.
struct LinkNote {
  std::string rule;
  std::string short_values;
};

class Resolver {
 public:
  Resolver(std::vector<DatasetFile>& files, const ResolveOptions& options,
           ResolveReport& report)
      : files_(files), options_(options), report_(report) {}

  absl::Status Run() {
    EMBARGO_RETURN_IF_ERROR(resolve_internal::DeduplicateSources(files_, report_));
    IndexActors();
    if (options_.same_id) SameIdRule();
    if (options_.strong_identifiers) StrongIdentifierRule();
    if (options_.registry_numbers) NumberRule(/*documents=*/false);
    if (options_.document_numbers) NumberRule(/*documents=*/true);
    if (options_.name_country_kind) {
      NameCountryRule();
      if (options_.name_one_sided_country) NameOneSidedRule();
      if (options_.spelling_birth_date) SpellingBirthDateRule();
    }
    BuildActors();
    resolve_internal::RewriteReferences(files_, kept_ids_, report_);
    if (options_.deduplicate_identical_records) {
      resolve_internal::DeduplicateIdenticalRecords(files_, report_);
    }
    for (const Merge& m : report_.merges) ++report_.merges_by_rule[m.rule];
    for (const DatasetFile& f : files_) {
      report_.actors_out += f.dataset.actors_size();
    }
    report_.actors_removed = report_.actors_in - report_.actors_out;
    return absl::OkStatus();
  }

 private:
  const v1::Actor& ActorOf(int n) const {
    return files_[nodes_[n].file].dataset.actors(nodes_[n].index);
  }
  const std::string& IdOf(int n) const { return ActorOf(n).id(); }
  const std::string& FileOf(int n) const { return files_[nodes_[n].file].path; }

  // ---- Step 2: index ------------------------------------------------------

  void IndexActors() {
    for (int f = 0; f < static_cast<int>(files_.size()); ++f) {
      const v1::Dataset& ds = files_[f].dataset;
      absl::flat_hash_map<std::string, int> first_in_file;
      for (int i = 0; i < ds.actors_size(); ++i) {
        const v1::Actor& a = ds.actors(i);
        Node node;
        node.file = f;
        node.index = i;
        node.cls = resolve_internal::ClassOf(a.kind());
        const int n = static_cast<int>(nodes_.size());
        auto [it, inserted] = first_in_file.try_emplace(a.id(), n);
        if (!inserted || a.id().empty()) {
          node.excluded = true;
          if (it->second >= 0) nodes_[it->second].excluded = true;
        }
        if (!a.country().empty()) {
          node.countries.push_back(a.country());
        } else if (options_.countries_from_addresses) {
          node.countries = resolve_internal::AddressCountries(a);
        }
        nodes_.push_back(std::move(node));
      }
    }
    report_.actors_in = static_cast<int64_t>(nodes_.size());
    const size_t n = nodes_.size();
    parent_.resize(n);
    size_.assign(n, 1);
    group_files_.resize(n);
    group_born_.resize(n);
    group_single_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      parent_[i] = static_cast<int>(i);
      group_files_[i] = {nodes_[i].file};
      const v1::Actor& a = ActorOf(static_cast<int>(i));
      if (resolve_internal::DateKnown(a.born())) group_born_[i].push_back(a.born());
      for (const v1::Identifier& id : a.identifiers()) {
        for (resolve_internal::StrongKey& k :
             resolve_internal::StrongIdentifierKeys(id.scheme(), id.value())) {
          if (!resolve_internal::SingleValued(k.scheme)) continue;
          std::vector<std::string>& values = group_single_[i][k.scheme];
          if (std::find(values.begin(), values.end(), k.value) ==
              values.end()) {
            values.push_back(std::move(k.value));
          }
        }
      }
    }
  }

  // ---- Union-find ---------------------------------------------------------

  int Find(int x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  // Conflict says why groups ra and rb cannot be one actor ("" if they can).
  std::string Conflict(int ra, int rb) const {
    for (int f : group_files_[ra]) {
      if (std::find(group_files_[rb].begin(), group_files_[rb].end(), f) !=
          group_files_[rb].end()) {
        return absl::StrCat("both hold an actor of ", files_[f].path,
                            ", which lists them as distinct");
      }
    }
    for (const v1::Date& a : group_born_[ra]) {
      for (const v1::Date& b : group_born_[rb]) {
        if (!resolve_internal::DatesCompatible(a, b)) {
          return absl::StrCat("different birth dates ", resolve_internal::DateText(a),
                              " and ", resolve_internal::DateText(b));
        }
      }
    }
    for (const auto& [scheme, va] : group_single_[ra]) {
      auto it = group_single_[rb].find(scheme);
      if (it == group_single_[rb].end()) continue;
      bool shared = false;
      for (const std::string& v : va) {
        shared = shared || std::find(it->second.begin(), it->second.end(),
                                     v) != it->second.end();
      }
      if (!shared) {
        return absl::StrCat("different ", scheme, " values ",
                            absl::StrJoin(va, "/"), " and ",
                            absl::StrJoin(it->second, "/"));
      }
    }
    return "";
  }

  // TryUnion links nodes a and b by `rule`; false when refused.
  bool TryUnion(int a, int b, absl::string_view rule, std::string values,
                std::string short_values) {
    int ra = Find(a), rb = Find(b);
    if (ra == rb) return true;
    std::string why;
    if (nodes_[a].cls != nodes_[b].cls) {
      why = absl::StrCat("kinds ", resolve_internal::ClassName(nodes_[a].cls), " and ",
                         resolve_internal::ClassName(nodes_[b].cls),
                         " are not compatible");
    } else {
      why = Conflict(ra, rb);
    }
    if (!why.empty()) {
      // One refusal per pair of groups and reason, however many of their
      // names or identifiers proposed the link.
      if (!refused_seen_.insert(absl::StrCat(std::min(ra, rb), "/",
                                             std::max(ra, rb), "/", why))
               .second) {
        return false;
      }
      report_.refused.push_back({{IdOf(a), IdOf(b)},
                                 {FileOf(a), FileOf(b)},
                                 std::string(rule),
                                 std::move(values),
                                 std::move(why)});
      return false;
    }
    const int link = static_cast<int>(report_.merges.size());
    report_.merges.push_back(
        {"", {IdOf(a), IdOf(b)}, {FileOf(a), FileOf(b)}, std::string(rule),
         std::move(values)});
    link_notes_.push_back({std::string(rule), std::move(short_values)});
    link_nodes_.push_back(a);
    if (nodes_[a].first_link < 0) nodes_[a].first_link = link;
    if (nodes_[b].first_link < 0) nodes_[b].first_link = link;
    if (size_[ra] < size_[rb]) std::swap(ra, rb);
    parent_[rb] = ra;
    size_[ra] += size_[rb];
    for (int f : group_files_[rb]) group_files_[ra].push_back(f);
    for (const v1::Date& d : group_born_[rb]) group_born_[ra].push_back(d);
    for (auto& [scheme, values_b] : group_single_[rb]) {
      std::vector<std::string>& va = group_single_[ra][scheme];
      for (std::string& v : values_b) {
        if (std::find(va.begin(), va.end(), v) == va.end()) {
          va.push_back(std::move(v));
        }
      }
    }
    group_files_[rb].clear();
    group_born_[rb].clear();
    group_single_[rb].clear();
    return true;
  }

  // Eligible is true for nodes the rules other than "same id" may link.
  bool Eligible(int n) const {
    return !nodes_[n].excluded && nodes_[n].cls != KindClass::kNone &&
           nodes_[n].cls != KindClass::kState;
  }

  // Buckets turns a hash map of buckets into a list ordered by each
  // bucket's first node, so that the result does not depend on hashing.
  template <typename Map>
  static std::vector<std::pair<const std::string*, const std::vector<int>*>>
  Ordered(const Map& map) {
    std::vector<std::pair<const std::string*, const std::vector<int>*>> out;
    out.reserve(map.size());
    for (const auto& [key, nodes] : map) {
      if (nodes.size() > 1) out.push_back({&key, &nodes});
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
      if (x.second->front() != y.second->front()) {
        return x.second->front() < y.second->front();
      }
      return *x.first < *y.first;
    });
    return out;
  }

  // ---- Rule 1: same id ----------------------------------------------------

  void SameIdRule() {
    absl::flat_hash_map<std::string, std::vector<int>> by_id;
    for (int n = 0; n < static_cast<int>(nodes_.size()); ++n) {
      if (nodes_[n].excluded || nodes_[n].cls == KindClass::kNone) continue;
      by_id[IdOf(n)].push_back(n);
    }
    for (const auto& [id, nodes] : Ordered(by_id)) {
      const int anchor = nodes->front();
      for (size_t i = 1; i < nodes->size(); ++i) {
        TryUnion(anchor, (*nodes)[i], kRuleSameId,
                 absl::StrCat("same id ", *id), "same id");
      }
    }
  }

  // ---- Rule 2: strong identifiers -----------------------------------------

  void StrongIdentifierRule() {
    absl::flat_hash_map<std::string, std::vector<int>> by_key;
    absl::flat_hash_map<std::string, std::vector<int>> cited;
    // UN references cited in remarks of sanctions, per (file, target id).
    std::vector<absl::flat_hash_map<std::string, std::vector<std::string>>>
        sanction_refs(files_.size());
    for (int f = 0; f < static_cast<int>(files_.size()); ++f) {
      for (const v1::Sanction& s : files_[f].dataset.sanctions()) {
        for (std::string& ref : resolve_internal::CitedUnReferences(s.remarks())) {
          sanction_refs[f][s.target_id()].push_back(std::move(ref));
        }
      }
    }
    for (int n = 0; n < static_cast<int>(nodes_.size()); ++n) {
      if (!Eligible(n)) continue;
      const v1::Actor& a = ActorOf(n);
      std::vector<std::string> keys;
      const auto add = [&keys](std::string k) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
          keys.push_back(std::move(k));
        }
      };
      for (const v1::Identifier& id : a.identifiers()) {
        for (const resolve_internal::StrongKey& k :
             resolve_internal::StrongIdentifierKeys(id.scheme(), id.value())) {
          add(k.Text());
        }
      }
      for (std::string& k : keys) by_key[k].push_back(n);
      std::vector<std::string> refs = resolve_internal::CitedUnReferences(a.note());
      auto it = sanction_refs[nodes_[n].file].find(a.id());
      if (it != sanction_refs[nodes_[n].file].end()) {
        refs.insert(refs.end(), it->second.begin(), it->second.end());
      }
      for (const std::string& ref : refs) {
        std::string k = absl::StrCat("UN_REF=", ref);
        if (std::find(keys.begin(), keys.end(), k) != keys.end()) continue;
        std::vector<int>& v = cited[k];
        if (v.empty() || v.back() != n) v.push_back(n);
      }
    }
    for (const auto& [key, nodes] : Ordered(by_key)) {
      LinkAcrossFiles(*nodes, kRuleIdentifier, *key, *key);
    }
    // Citations link to the holders of the reference.
    std::vector<std::pair<std::string, std::vector<int>>> citations(
        cited.begin(), cited.end());
    std::sort(citations.begin(), citations.end());
    for (const auto& [key, citers] : citations) {
      auto holders = by_key.find(key);
      if (holders == by_key.end()) continue;
      for (int n : citers) {
        for (int m : holders->second) {
          if (nodes_[m].file == nodes_[n].file ||
              nodes_[m].cls != nodes_[n].cls) {
            continue;
          }
          TryUnion(m, n, kRuleIdentifier,
                   absl::StrCat(key, " (cited by ", IdOf(n), ")"),
                   absl::StrCat(key, " cited"));
          break;
        }
      }
    }
  }

  // ---- Rules 6 and 7: registry and document numbers ----------------------

  // A number in common, with countries that agree; a document number (rule
  // 7) joins only persons, and without a country in common only when their
  // birth dates are known and compatible.
  void NumberRule(bool documents) {
    const auto key_of = documents ? resolve_internal::DocumentNumberKey
                                  : resolve_internal::RegistryNumberKey;
    const char* rule = documents ? kRuleDocumentNumber : kRuleRegistryNumber;
    absl::flat_hash_map<std::string, std::vector<int>> buckets;
    for (int n = 0; n < static_cast<int>(nodes_.size()); ++n) {
      if (!Eligible(n) || (documents && nodes_[n].cls != KindClass::kPerson)) continue;
      for (const v1::Identifier& id : ActorOf(n).identifiers()) {
        std::vector<int>& b = buckets[key_of(id.scheme(), id.value())];
        if (b.empty() || b.back() != n) b.push_back(n);
      }
    }
    buckets.erase("");
    // The countries node n gives `key` with: the identifiers' own, else its.
    const auto countries = [&](const std::string& key, int n) {
      std::vector<std::string> out;
      for (const v1::Identifier& id : ActorOf(n).identifiers()) {
        if (!id.country().empty() && key_of(id.scheme(), id.value()) == key) {
          out.push_back(id.country());
        }
      }
      return out.empty() ? nodes_[n].countries : out;
    };
    for (const auto& [key, nodes] : Ordered(buckets)) {
      if (!SpansFiles(*nodes)) continue;
      const std::string values =
          absl::StrCat(documents ? "document number " : "registry number ", *key);
      const std::vector<int> usable = Unambiguous(*nodes, rule, values);
      for (size_t i = 1; i < usable.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          const int m = usable[j], n = usable[i];
          if (nodes_[m].file == nodes_[n].file || nodes_[m].cls != nodes_[n].cls) continue;
          const std::vector<std::string> cm = countries(*key, m), cn = countries(*key, n);
          const auto common = std::find_first_of(cm.begin(), cm.end(), cn.begin(), cn.end());
          if (!cm.empty() && !cn.empty() && common == cm.end()) continue;
          std::string where =
              common != cm.end() ? absl::StrCat(" + country ", *common)
              : cm.size() + cn.size() > 0 ? absl::StrCat(" + country ", (cm.empty() ? cn : cm)[0],
                                                          " on one side")
                                          : "";
          if (documents && common == cm.end()) {
            const v1::Date& bm = ActorOf(m).born();
            const v1::Date& bn = ActorOf(n).born();
            if (!resolve_internal::DateKnown(bm) || !resolve_internal::DateKnown(bn) ||
                !resolve_internal::DatesCompatible(bm, bn)) {
              continue;
            }
            absl::StrAppend(&where, " + born ",
                            resolve_internal::DateText(
                                resolve_internal::DatePrecision(bm) >=
                                        resolve_internal::DatePrecision(bn) ? bm : bn));
          }
          // Every pair, not only the first: the conditions are not
          // transitive (a side without a country may meet one side by
          // birth date and not the other).
          if (Find(m) != Find(n)) {
            TryUnion(m, n, rule, absl::StrCat(values, where), absl::StrCat(*key, where));
          }
        }
      }
    }
  }

  // LinkAcrossFiles links every node of a bucket to the first node of the
  // bucket that lies in another file and has the same class.
  void LinkAcrossFiles(const std::vector<int>& nodes, absl::string_view rule,
                       const std::string& values,
                       const std::string& short_values) {
    for (size_t i = 1; i < nodes.size(); ++i) {
      const int n = nodes[i];
      for (size_t j = 0; j < i; ++j) {
        const int m = nodes[j];
        if (nodes_[m].file == nodes_[n].file) continue;
        if (nodes_[m].cls != nodes_[n].cls) continue;
        TryUnion(m, n, rule, values, short_values);
        break;
      }
    }
  }

  // ---- Rules 3 and 4: names -----------------------------------------------

  // NameKeys returns the distinct keys of an actor's name and aliases that
  // are specific enough to match on: at least 4 characters, and for persons
  // at least two words. Weak aliases (Actor.weak_aliases: nicknames the
  // lists themselves mark low quality) are never keys.
  std::vector<std::string> NameKeys(int n) const {
    const v1::Actor& a = ActorOf(n);
    std::vector<std::string> keys;
    const auto add = [&](const std::string& name) {
      std::string k = resolve_internal::NameKey(name, nodes_[n].cls);
      if (k.size() < 4) return;
      if (nodes_[n].cls == KindClass::kPerson && resolve_internal::WordCount(k) < 2) {
        return;
      }
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        keys.push_back(std::move(k));
      }
    };
    add(a.name());
    for (const std::string& alias : a.aliases()) add(alias);
    return keys;
  }

  static std::string ClassKey(KindClass c) {
    return std::string(resolve_internal::ClassName(c));
  }

  // Unambiguous drops from `nodes` those of a file that has more than one
  // distinct group among them (the file lists several actors of that name:
  // which one is meant cannot be told), reporting each such file once.
  std::vector<int> Unambiguous(const std::vector<int>& nodes,
                               absl::string_view rule,
                               const std::string& values) {
    absl::flat_hash_map<int, std::vector<int>> groups_per_file;
    for (int n : nodes) {
      std::vector<int>& g = groups_per_file[nodes_[n].file];
      const int r = Find(n);
      if (std::find(g.begin(), g.end(), r) == g.end()) g.push_back(r);
    }
    std::vector<int> out;
    std::vector<int> reported;
    for (int n : nodes) {
      const int f = nodes_[n].file;
      const std::vector<int>& g = groups_per_file[f];
      if (g.size() <= 1) {
        out.push_back(n);
        continue;
      }
      if (std::find(reported.begin(), reported.end(), f) != reported.end()) {
        continue;
      }
      reported.push_back(f);
      std::vector<std::string> ids;
      for (int m : nodes) {
        if (nodes_[m].file == f) ids.push_back(IdOf(m));
      }
      if (!refused_seen_.insert(absl::StrCat(rule, "/", absl::StrJoin(ids, "/")))
               .second) {
        continue;
      }
      report_.refused.push_back(
          {ids, std::vector<std::string>(ids.size(), files_[f].path),
           std::string(rule), values,
           absl::StrCat("ambiguous: ", files_[f].path, " lists ", ids.size(),
                        rule == kRuleRegistryNumber || rule == kRuleDocumentNumber
                            ? " distinct actors bearing this number"
                            : " distinct actors of this name")});
    }
    return out;
  }

  void NameCountryRule() {
    absl::flat_hash_map<std::string, std::vector<int>> buckets;
    for (int n = 0; n < static_cast<int>(nodes_.size()); ++n) {
      if (!Eligible(n) || nodes_[n].countries.empty()) continue;
      for (const std::string& key : NameKeys(n)) {
        for (const std::string& c : nodes_[n].countries) {
          std::vector<int>& b = buckets[absl::StrCat(
              ClassKey(nodes_[n].cls), "\x1f", c, "\x1f", key)];
          if (b.empty() || b.back() != n) b.push_back(n);
        }
      }
    }
    for (const auto& [bucket_key, nodes] : Ordered(buckets)) {
      if (!SpansFiles(*nodes)) continue;
      const std::vector<absl::string_view> parts =
          absl::StrSplit(*bucket_key, '\x1f');
      const std::string values =
          absl::StrCat("name '", parts[2], "' + country ", parts[1],
                       " + kind ", parts[0]);
      const std::string short_values = absl::StrCat(parts[2], ", ", parts[1]);
      std::vector<int> usable =
          Unambiguous(*nodes, kRuleNameCountryKind, values);
      LinkAcrossFiles(usable, kRuleNameCountryKind, values, short_values);
    }
  }

  bool SpansFiles(const std::vector<int>& nodes) const {
    for (int n : nodes) {
      if (nodes_[n].file != nodes_[nodes.front()].file) return true;
    }
    return false;
  }

  void NameOneSidedRule() {
    absl::flat_hash_map<std::string, std::vector<int>> buckets;
    for (int n = 0; n < static_cast<int>(nodes_.size()); ++n) {
      if (!Eligible(n)) continue;
      const KindClass c = nodes_[n].cls;
      if (c != KindClass::kPerson && c != KindClass::kOrganisation) continue;
      for (const std::string& key : NameKeys(n)) {
        if (c == KindClass::kOrganisation && resolve_internal::WordCount(key) < 3) {
          continue;
        }
        std::vector<int>& b =
            buckets[absl::StrCat(ClassKey(c), "\x1f", key)];
        if (b.empty() || b.back() != n) b.push_back(n);
      }
    }
    for (const auto& [bucket_key, nodes] : Ordered(buckets)) {
      if (!SpansFiles(*nodes)) continue;
      std::vector<int> with, without;
      std::vector<std::string> countries;
      for (int n : *nodes) {
        if (nodes_[n].countries.empty()) {
          without.push_back(n);
          continue;
        }
        with.push_back(n);
        for (const std::string& c : nodes_[n].countries) {
          if (std::find(countries.begin(), countries.end(), c) ==
              countries.end()) {
            countries.push_back(c);
          }
        }
      }
      if (with.empty() || without.empty() || countries.size() != 1) continue;
      const std::vector<absl::string_view> parts =
          absl::StrSplit(*bucket_key, '\x1f');
      const bool person = parts[0] == "person";
      const std::string values =
          absl::StrCat("name '", parts[1], "' + kind ", parts[0],
                       "; country ", countries[0], " on one side only");
      const std::string short_values =
          absl::StrCat(parts[1], ", ", countries[0], " on one side");
      for (int n : Unambiguous(without, kRuleNameOneSidedCountry, values)) {
        const v1::Actor& an = ActorOf(n);
        for (int m : with) {
          if (nodes_[m].file == nodes_[n].file) continue;
          if (person) {
            const v1::Actor& am = ActorOf(m);
            if (resolve_internal::DatePrecision(an.born()) < 3 ||
                resolve_internal::DatePrecision(am.born()) < 3 ||
                !resolve_internal::DatesCompatible(an.born(), am.born())) {
              continue;
            }
            TryUnion(m, n, kRuleNameOneSidedCountry,
                     absl::StrCat(values, "; born ",
                                  resolve_internal::DateText(an.born())),
                     short_values);
          } else {
            TryUnion(m, n, kRuleNameOneSidedCountry, values, short_values);
          }
          break;
        }
      }
    }
  }

  // ---- Rule 5: spelling variants born on one day ---------------------------

  // SpellingBirthDateRule links persons of different files whose names (or
  // aliases, never weak ones) have one spelling key of two words or more
  // and whose full birth dates are equal, when one of them has no country
  // or they have a country in common. Rule 3 needs the folded names to be
  // equal; transliterations of one Russian name differ there ("GORDEYEV,
  // Alexey Vasilievich" in OFAC's list, "Alexey Vasilyevich GORDEYEV" in
  // the EU's), and the day of birth is what tells namesakes apart.
  void SpellingBirthDateRule() {
    absl::flat_hash_map<std::string, std::vector<int>> buckets;
    for (int n = 0; n < static_cast<int>(nodes_.size()); ++n) {
      if (!Eligible(n) || nodes_[n].cls != KindClass::kPerson) continue;
      const v1::Actor& a = ActorOf(n);
      if (resolve_internal::DatePrecision(a.born()) < 3) continue;
      const std::string born = resolve_internal::DateText(a.born());
      std::vector<std::string> keys;
      const auto add = [&](const std::string& name) {
        std::string k = resolve_internal::SpellingNameKey(name);
        if (k.size() < 4 || resolve_internal::WordCount(k) < 2) return;
        if (std::find(keys.begin(), keys.end(), k) != keys.end()) return;
        std::vector<int>& b = buckets[absl::StrCat(k, "\x1f", born)];
        if (b.empty() || b.back() != n) b.push_back(n);
        keys.push_back(std::move(k));
      };
      add(a.name());
      for (const std::string& alias : a.aliases()) add(alias);
    }
    for (const auto& [bucket_key, nodes] : Ordered(buckets)) {
      if (!SpansFiles(*nodes)) continue;
      const std::vector<absl::string_view> parts =
          absl::StrSplit(*bucket_key, '\x1f');
      const std::string values = absl::StrCat(
          "name spelled '", parts[0], "' + born ", parts[1], " + kind person");
      const std::string short_values =
          absl::StrCat(parts[0], ", born ", parts[1]);
      const std::vector<int> usable =
          Unambiguous(*nodes, kRuleSpellingBirthDate, values);
      for (size_t i = 1; i < usable.size(); ++i) {
        const int n = usable[i];
        for (size_t j = 0; j < i; ++j) {
          const int m = usable[j];
          if (nodes_[m].file == nodes_[n].file || !CountriesAgree(m, n)) {
            continue;
          }
          TryUnion(m, n, kRuleSpellingBirthDate, values, short_values);
          break;
        }
      }
    }
  }

  // CountriesAgree is true when one of two nodes has no country, or they
  // have one in common.
  bool CountriesAgree(int a, int b) const {
    const std::vector<std::string>& ca = nodes_[a].countries;
    const std::vector<std::string>& cb = nodes_[b].countries;
    if (ca.empty() || cb.empty()) return true;
    for (const std::string& c : ca) {
      if (std::find(cb.begin(), cb.end(), c) != cb.end()) return true;
    }
    return false;
  }

  // ---- Step 4: merged actors ----------------------------------------------

  void BuildActors() {
    const int n_nodes = static_cast<int>(nodes_.size());
    absl::flat_hash_map<int, std::vector<int>> groups;
    for (int n = 0; n < n_nodes; ++n) {
      if (size_[Find(n)] > 1) groups[Find(n)].push_back(n);
    }
    kept_of_.assign(n_nodes, -1);
    std::vector<std::vector<bool>> keep(files_.size());
    for (size_t f = 0; f < files_.size(); ++f) {
      keep[f].assign(files_[f].dataset.actors_size(), true);
    }
    std::vector<std::pair<int, std::vector<int>*>> ordered;
    for (auto& [root, members] : groups) ordered.push_back({members[0], &members});
    std::sort(ordered.begin(), ordered.end());
    for (auto& [first, members_ptr] : ordered) {
      std::vector<int>& members = *members_ptr;  // Ascending node order.
      int kept = members.front();
      for (int m : members) {
        if (nodes_[m].cls == KindClass::kState) {
          kept = m;
          break;
        }
      }
      for (int m : members) kept_of_[m] = kept;
      const std::string& kept_id = IdOf(kept);
      v1::Actor merged = ActorOf(kept);
      absl::flat_hash_set<std::string> name_keys;
      name_keys.insert(resolve_internal::FoldName(merged.name()));
      for (const std::string& alias : merged.aliases()) {
        name_keys.insert(resolve_internal::FoldName(alias));
      }
      std::vector<std::string> noted;
      for (int m : members) {
        if (m == kept) continue;
        resolve_internal::MergeActorInto(merged, ActorOf(m), name_keys);
        keep[nodes_[m].file][nodes_[m].index] = false;
        const std::string& id = IdOf(m);
        if (id == kept_id ||
            std::find(noted.begin(), noted.end(), id) != noted.end()) {
          continue;
        }
        noted.push_back(id);
        const LinkNote& note = link_notes_[nodes_[m].first_link];
        std::string entry =
            absl::StrCat(id, " (", note.rule, ": ", note.short_values, ")");
        if (std::find(merged.merged_from().begin(), merged.merged_from().end(),
                      entry) == merged.merged_from().end()) {
          merged.add_merged_from(std::move(entry));
        }
      }
      *files_[nodes_[kept].file].dataset.mutable_actors(nodes_[kept].index) =
          std::move(merged);
      ++report_.merged_actors;
    }
    for (size_t i = 0; i < report_.merges.size(); ++i) {
      report_.merges[i].kept_id = IdOf(kept_of_[link_nodes_[i]]);
    }
    // Reference maps: per file for the ids it defines, global for ids that
    // map to one kept id wherever they are defined.
    kept_ids_.local.assign(files_.size(), {});
    absl::flat_hash_map<std::string, std::vector<std::string>> targets;
    for (int n = 0; n < n_nodes; ++n) {
      const std::string& id = IdOf(n);
      const std::string& to = kept_of_[n] >= 0 ? IdOf(kept_of_[n]) : id;
      if (to != id) kept_ids_.local[nodes_[n].file][id] = to;
      std::vector<std::string>& t = targets[id];
      if (std::find(t.begin(), t.end(), to) == t.end()) t.push_back(to);
    }
    for (auto& [id, to] : targets) {
      if (to.size() == 1 && to[0] != id) kept_ids_.global[id] = to[0];
    }
    for (size_t f = 0; f < files_.size(); ++f) {
      Compact(files_[f].dataset.mutable_actors(), files_[f].positions.actors,
              keep[f]);
    }
  }

  std::vector<DatasetFile>& files_;
  const ResolveOptions& options_;
  ResolveReport& report_;

  std::vector<Node> nodes_;
  std::vector<int> parent_;
  std::vector<int> size_;
  // Per group root: the files its members come from, their birth dates and
  // their single-valued identifiers.
  std::vector<std::vector<int>> group_files_;
  std::vector<std::vector<v1::Date>> group_born_;
  std::vector<std::map<std::string, std::vector<std::string>>> group_single_;
  // Per merge (parallel to report_.merges): the short form and one node.
  std::vector<LinkNote> link_notes_;
  std::vector<int> link_nodes_;
  // Per node: the node whose record the merged actor keeps (-1: alone).
  std::vector<int> kept_of_;
  absl::flat_hash_set<std::string> refused_seen_;
  resolve_internal::KeptIds kept_ids_;
};

}  // namespace

absl::StatusOr<ResolvedDataset> ResolveEntities(std::vector<DatasetFile> files,
                                                const ResolveOptions& options) {
  ResolvedDataset out;
  out.files = std::move(files);
  Resolver resolver(out.files, options, out.report);
  EMBARGO_RETURN_IF_ERROR(resolver.Run());
  return out;
}

}  // namespace embargo
