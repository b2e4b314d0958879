// Entity resolution checked against a slow, obviously correct twin on
// generated files: every pair of actors is compared by the rules' own
// definitions, the links are closed transitively by breadth-first search,
// and the groups must equal the ones ResolveEntities makes through its hash
// buckets and union-find.
//
// The generated data keeps the twin simple: each entity has names of its own
// (no two entities share a name, identifier or id), and no file holds two
// actors of one entity, so no constraint (one actor per file, birth dates,
// single-valued identifiers) ever refuses a link and the groups do not
// depend on the order in which links are found.

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/io.h"
#include "embargo/resolve.h"
#include "gtest/gtest.h"
#include "lib/resolve/keys.h"

namespace embargo {
namespace {

namespace ri = resolve_internal;

struct Input {
  int file;
  int index;  // Position in the whole input, file by file.
  v1::Actor actor;
};

std::vector<DatasetFile> Generate(std::mt19937& rng,
                                  std::vector<Input>& inputs) {
  const int num_files = 2 + rng() % 3;
  const int num_entities = 5 + rng() % 40;
  const std::vector<std::string> countries = {"RUS", "PRK", "IRN"};
  std::vector<DatasetFile> files(num_files);
  for (int f = 0; f < num_files; ++f) files[f].path = absl::StrCat("f", f);
  const auto chance = [&](int percent) {
    return static_cast<int>(rng() % 100) < percent;
  };
  // States: same id in several files.
  for (int f = 0; f < num_files; ++f) {
    for (const std::string& c : countries) {
      if (!chance(50)) continue;
      v1::Actor* a = files[f].dataset.add_actors();
      a->set_id(c);
      a->set_kind(v1::ACTOR_KIND_STATE);
      a->set_name(c);
    }
  }
  for (int e = 0; e < num_entities; ++e) {
    const int cls = rng() % 3;  // person, organisation, vessel
    const std::string country = countries[rng() % countries.size()];
    std::vector<std::string> words;
    const int nwords = 2 + rng() % 3;
    for (int w = 0; w < nwords; ++w) {
      words.push_back(absl::StrCat("w", e, std::string(1, static_cast<char>('a' + w))));
    }
    const v1::Date born = [&] {
      v1::Date d;
      d.set_year(1950 + e % 40);
      d.set_month(1 + e % 12);
      d.set_day(1 + e % 28);
      return d;
    }();
    for (int f = 0; f < num_files; ++f) {
      if (!chance(60)) continue;
      v1::Actor* a = files[f].dataset.add_actors();
      a->set_id(chance(20) ? absl::StrCat("E", e) : absl::StrCat("F", f, "-E", e));
      switch (cls) {
        case 0:
          a->set_kind(v1::ACTOR_KIND_PERSON);
          break;
        case 1: {
          const v1::ActorKind kinds[] = {v1::ACTOR_KIND_COMPANY,
                                         v1::ACTOR_KIND_LEGAL_ENTITY,
                                         v1::ACTOR_KIND_ORGANIZATION};
          a->set_kind(kinds[rng() % 3]);
          break;
        }
        default:
          a->set_kind(v1::ACTOR_KIND_VESSEL);
      }
      // A name: the entity's words, for persons in some order, in some case;
      // sometimes only a part of them (which may match nothing).
      std::vector<std::string> name = words;
      if (cls == 0) std::shuffle(name.begin(), name.end(), rng);
      if (chance(15) && name.size() > 2) name.pop_back();
      // Persons' names are sometimes spelled another way ("w" for "v"):
      // equal for rule 5 only.
      if (cls == 0 && chance(25)) {
        for (std::string& w : name) w[0] = 'v';
      }
      std::string text = absl::StrJoin(name, chance(50) ? " " : ", ");
      if (chance(50)) {
        for (char& c : text) c = static_cast<char>(std::toupper(c));
      }
      a->set_name(text);
      if (chance(30)) a->add_aliases(absl::StrCat(words[0], " ", words[1]));
      if (chance(60)) a->set_country(country);
      if (cls == 0 && chance(50)) *a->mutable_born() = born;
      if (cls == 2 && chance(50)) {
        v1::Identifier* id = a->add_identifiers();
        id->set_scheme("IMO");
        id->set_value(absl::StrCat(1000000 + e));
      }
      // A company register number under either of two schemes' names,
      // sometimes with its own country (now and then another one).
      if (cls == 1 && chance(30)) {
        v1::Identifier* id = a->add_identifiers();
        id->set_scheme(chance(50) ? "REGISTRATION" : "OGRN");
        id->set_value(absl::StrCat(1000000000 + e));
        if (chance(30)) id->set_country(chance(80) ? country : countries[rng() % countries.size()]);
        // Sometimes under a name of its own, so that only the number links.
        if (chance(40)) {
          a->set_name(absl::StrCat("own", e, "x", f));
          a->clear_aliases();
        }
      }
      // A passport, sometimes with its country (now and then another one),
      // sometimes under a name of its own.
      if (cls == 0 && chance(30)) {
        v1::Identifier* id = a->add_identifiers();
        id->set_scheme(chance(50) ? "PASSPORT" : "NATIONAL_ID");
        id->set_value(absl::StrCat("P", 100000 + e));
        if (chance(30)) id->set_country(chance(80) ? country : countries[rng() % countries.size()]);
        if (chance(40)) {
          a->set_name(absl::StrCat("own", e, "x", f, " person"));
          a->clear_aliases();
        }
      }
      if (chance(25)) {
        v1::Identifier* id = a->add_identifiers();
        id->set_scheme("OFAC_UID");
        id->set_value(absl::StrCat(500 + e));
      }
    }
  }
  int index = 0;
  for (int f = 0; f < num_files; ++f) {
    for (const v1::Actor& a : files[f].dataset.actors()) {
      inputs.push_back({f, index++, a});
    }
  }
  return files;
}

// Linked says whether the rules link two actors of different files, read
// straight from their definitions.
bool Linked(const v1::Actor& a, const v1::Actor& b) {
  const ri::KindClass ca = ri::ClassOf(a.kind());
  const ri::KindClass cb = ri::ClassOf(b.kind());
  if (ca != cb) return false;
  if (a.id() == b.id()) return true;  // Same id.
  if (ca == ri::KindClass::kState) return false;
  for (const v1::Identifier& x : a.identifiers()) {
    for (const v1::Identifier& y : b.identifiers()) {
      for (const ri::StrongKey& kx : ri::StrongIdentifierKeys(x.scheme(), x.value())) {
        for (const ri::StrongKey& ky :
             ri::StrongIdentifierKeys(y.scheme(), y.value())) {
          if (kx.Text() == ky.Text()) return true;
        }
      }
    }
  }
  // Rule 6: a registry number in common, the countries given with it (else
  // the actors') not in disagreement.
  for (const v1::Identifier& x : a.identifiers()) {
    for (const v1::Identifier& y : b.identifiers()) {
      const std::string k = ri::RegistryNumberKey(x.scheme(), x.value());
      if (k.empty() || k != ri::RegistryNumberKey(y.scheme(), y.value())) continue;
      const std::string& cx = x.country().empty() ? a.country() : x.country();
      const std::string& cy = y.country().empty() ? b.country() : y.country();
      if (cx.empty() || cy.empty() || cx == cy) return true;
    }
  }
  // Rule 7: persons with a document number in common, with a country in
  // common (the number's, else the person's) or, failing one on a side,
  // known compatible birth dates.
  for (const v1::Identifier& x : a.identifiers()) {
    for (const v1::Identifier& y : b.identifiers()) {
      const std::string k = ri::DocumentNumberKey(x.scheme(), x.value());
      if (ca != ri::KindClass::kPerson || k.empty() ||
          k != ri::DocumentNumberKey(y.scheme(), y.value())) {
        continue;
      }
      const std::string& cx = x.country().empty() ? a.country() : x.country();
      const std::string& cy = y.country().empty() ? b.country() : y.country();
      if (!cx.empty() && !cy.empty()) {
        if (cx == cy) return true;
        continue;
      }
      if (ri::DateKnown(a.born()) && ri::DateKnown(b.born()) &&
          ri::DatesCompatible(a.born(), b.born())) {
        return true;
      }
    }
  }
  // Rule 5: the same spelling key, born on the same full date, countries
  // not in disagreement.
  if (ca == ri::KindClass::kPerson && ri::DatePrecision(a.born()) == 3 &&
      ri::DatePrecision(b.born()) == 3 &&
      ri::DateText(a.born()) == ri::DateText(b.born()) &&
      (a.country().empty() || b.country().empty() ||
       a.country() == b.country())) {
    const auto spellings = [](const v1::Actor& x) {
      std::set<std::string> out;
      for (const std::string& n : x.aliases()) out.insert(ri::SpellingNameKey(n));
      out.insert(ri::SpellingNameKey(x.name()));
      return out;
    };
    const std::set<std::string> sb = spellings(b);
    for (const std::string& k : spellings(a)) {
      if (k.size() >= 4 && ri::WordCount(k) >= 2 && sb.count(k)) return true;
    }
  }
  const auto names = [&](const v1::Actor& x) {
    std::set<std::string> out;
    for (const std::string& n : x.aliases()) out.insert(ri::NameKey(n, ca));
    out.insert(ri::NameKey(x.name(), ca));
    return out;
  };
  bool same_name = false;
  std::string shared;
  for (const std::string& n : names(a)) {
    if (n.size() >= 4 && names(b).count(n) &&
        (ca != ri::KindClass::kPerson || ri::WordCount(n) >= 2)) {
      same_name = true;
      shared = std::max(shared, n, [](const std::string& x, const std::string& y) {
        return ri::WordCount(x) < ri::WordCount(y);
      });
    }
  }
  if (!same_name) return false;
  if (!a.country().empty() && a.country() == b.country()) return true;
  if (a.country().empty() == b.country().empty()) return false;
  // Country on one side only.
  if (ca == ri::KindClass::kOrganisation) return ri::WordCount(shared) >= 3;
  if (ca == ri::KindClass::kPerson) {
    return ri::DatePrecision(a.born()) == 3 &&
           ri::DatePrecision(b.born()) == 3 &&
           ri::DatesCompatible(a.born(), b.born());
  }
  return false;
}

TEST(ResolveVerifierTest, GroupsEqualPairwiseRulesClosedTransitively) {
  int merged_total = 0;
  for (int seed = 1; seed <= 300; ++seed) {
    std::mt19937 rng(seed);
    std::vector<Input> inputs;
    std::vector<DatasetFile> files = Generate(rng, inputs);
    const int n = static_cast<int>(inputs.size());

    // The twin: all pairs, then connected components.
    std::vector<std::vector<int>> adj(n);
    for (int i = 0; i < n; ++i) {
      for (int j = i + 1; j < n; ++j) {
        if (inputs[i].file != inputs[j].file &&
            Linked(inputs[i].actor, inputs[j].actor)) {
          adj[i].push_back(j);
          adj[j].push_back(i);
        }
      }
    }
    std::vector<int> component(n, -1);
    // Expected output id per input: the component's state id, else the id
    // of its first member.
    std::vector<std::string> expected(n);
    for (int s = 0; s < n; ++s) {
      if (component[s] >= 0) continue;
      std::vector<int> members = {s};
      component[s] = s;
      for (size_t k = 0; k < members.size(); ++k) {
        for (int t : adj[members[k]]) {
          if (component[t] < 0) {
            component[t] = s;
            members.push_back(t);
          }
        }
      }
      std::sort(members.begin(), members.end());
      std::string kept = inputs[members[0]].actor.id();
      for (int m : members) {
        if (inputs[m].actor.kind() == v1::ACTOR_KIND_STATE) {
          kept = inputs[m].actor.id();
          break;
        }
      }
      for (int m : members) expected[m] = kept;
    }

    absl::StatusOr<ResolvedDataset> r = ResolveEntities(std::move(files));
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_TRUE(r->report.refused.empty())
        << "seed " << seed << ": " << r->report.refused[0].reason;
    // Output id of every input id.
    std::map<std::string, std::string> got;
    int out_actors = 0;
    for (const DatasetFile& f : r->files) {
      for (const v1::Actor& a : f.dataset.actors()) {
        ++out_actors;
        got[a.id()] = a.id();
        for (const std::string& m : a.merged_from()) {
          got[m.substr(0, m.find(" ("))] = a.id();
        }
      }
    }
    std::set<std::string> expected_out;
    for (int i = 0; i < n; ++i) {
      expected_out.insert(expected[i]);
      ASSERT_EQ(got[inputs[i].actor.id()], expected[i])
          << "seed " << seed << ": actor " << inputs[i].actor.id() << " of f"
          << inputs[i].file;
    }
    EXPECT_EQ(out_actors, static_cast<int>(expected_out.size()))
        << "seed " << seed;
    merged_total += n - out_actors;
  }
  EXPECT_GT(merged_total, 1000);  // The generator does exercise the rules.
}

}  // namespace
}  // namespace embargo
