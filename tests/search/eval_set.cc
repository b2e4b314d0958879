// The name-search evaluation set (eval_set.h).

#include "tests/search/eval_set.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "lib/text/names.h"
#include "lib/text/utf8.h"

namespace embargo::testing {
namespace {

using text_internal::FoldName;

std::vector<std::string> Words(absl::string_view s) {
  return absl::StrSplit(s, absl::ByAnyChar(" ,"), absl::SkipEmpty());
}

// Typo applies one random edit (substitution, deletion, insertion or
// transposition) to a word of four letters or more; false when none is.
// It edits letters, not bytes: a word such as "Issène" stays UTF-8.
bool Typo(std::vector<std::string>& words, std::mt19937_64& rng) {
  const auto letters = [](absl::string_view w) {
    std::u32string out;
    for (size_t i = 0; i < w.size();) {
      char32_t c = 0;
      const int n = text::DecodeUtf8(w, i, c);
      if (n == 0) return std::u32string();
      out.push_back(c);
      i += static_cast<size_t>(n);
    }
    return out;
  };
  std::vector<size_t> long_words;
  for (size_t i = 0; i < words.size(); ++i) {
    if (letters(words[i]).size() >= 4 &&
        text_internal::IsLatinToken(FoldName(words[i]))) {
      long_words.push_back(i);
    }
  }
  if (long_words.empty()) return false;
  std::string& word = words[long_words[rng() % long_words.size()]];
  std::u32string w = letters(word);
  const size_t p = 1 + rng() % (w.size() - 2);  // Not the first letter.
  const char32_t letter = static_cast<char32_t>('a' + rng() % 26);
  switch (rng() % 4) {
    case 0: w[p] = letter; break;
    case 1: w.erase(p, 1); break;
    case 2: w.insert(w.begin() + static_cast<std::ptrdiff_t>(p), letter); break;
    default: std::swap(w[p], w[p + 1 < w.size() ? p + 1 : p - 1]); break;
  }
  word.clear();
  for (char32_t c : w) text::AppendUtf8(c, word);
  return true;
}

// Romanise rewrites one spelling the way another romanisation would.
bool Romanise(std::vector<std::string>& words, std::mt19937_64& rng) {
  static const std::vector<std::pair<std::string, std::string>> kRules = {
      {"y", "i"},   {"i", "y"},  {"kh", "h"},  {"ou", "u"}, {"u", "ou"},
      {"sh", "sch"}, {"j", "dj"}, {"ei", "ey"}, {"ey", "ei"}, {"ph", "f"},
      {"yu", "iu"}, {"ya", "ia"}, {"o", "eo"},  {"ts", "tz"}, {"ee", "i"},
      {"kk", "k"},  {"ll", "l"}, {"ss", "s"},  {"w", "v"}};
  std::vector<std::pair<size_t, size_t>> options;  // (word, rule)
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string f = FoldName(words[i]);
    for (size_t r = 0; r < kRules.size(); ++r) {
      if (f.find(kRules[r].first) != std::string::npos) options.push_back({i, r});
    }
  }
  if (options.empty()) return false;
  const auto [i, r] = options[rng() % options.size()];
  std::string f = FoldName(words[i]);
  f.replace(f.find(kRules[r].first), kRules[r].first.size(), kRules[r].second);
  words[i] = f;
  return true;
}

std::vector<std::string> StrongNames(const v1::Actor& a) {
  std::vector<std::string> out = {a.name()};
  for (const std::string& s : a.aliases()) out.push_back(s);
  return out;
}

}  // namespace

double JaroWinkler(absl::string_view a, absl::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  const int range = std::max(0, std::max(la, lb) / 2 - 1);
  std::vector<char> ma(la, 0), mb(lb, 0);
  int m = 0;
  for (int i = 0; i < la; ++i) {
    const int lo = std::max(0, i - range), hi = std::min(lb - 1, i + range);
    for (int j = lo; j <= hi; ++j) {
      if (!mb[j] && a[i] == b[j]) {
        ma[i] = mb[j] = 1;
        ++m;
        break;
      }
    }
  }
  if (m == 0) return 0.0;
  int t = 0;
  for (int i = 0, j = 0; i < la; ++i) {
    if (!ma[i]) continue;
    while (!mb[j]) ++j;
    if (a[i] != b[j]) ++t;
    ++j;
  }
  const double jaro = (m / static_cast<double>(la) + m / static_cast<double>(lb) +
                       (m - t / 2.0) / m) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Keyed is a stable 64-bit hash (FNV-1a) of the seed and an actor id: the
// order actors are drawn in, and each actor's own random stream, depend on
// the actor alone, so that a list edition adding or dropping entries leaves
// every other actor's queries as they were.
namespace {
uint64_t Keyed(uint64_t seed, absl::string_view id) {
  uint64_t h = 14695981039346656037ull ^ seed;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
}  // namespace

EvalSet MakeEvalSet(std::vector<DatasetFile> files, const EvalOptions& options) {
  // Candidates: persons, organisations and vessels with two or more names
  // that fold differently.
  struct Ref {
    size_t file, index;
    bool merged;
  };
  std::vector<Ref> merged, single, others;
  for (size_t f = 0; f < files.size(); ++f) {
    const v1::Dataset& ds = files[f].dataset;
    for (int i = 0; i < ds.actors_size(); ++i) {
      const v1::Actor& a = ds.actors(i);
      if (a.kind() == v1::ACTOR_KIND_STATE || a.kind() == v1::ACTOR_KIND_UNSPECIFIED) continue;
      absl::flat_hash_set<std::string> folds;
      for (const std::string& n : StrongNames(a)) folds.insert(FoldName(n));
      folds.erase("");
      if (folds.size() >= 2) {
        (a.merged_from_size() > 0 ? merged : single).push_back({f, size_t(i), a.merged_from_size() > 0});
      } else {
        others.push_back({f, size_t(i), false});
      }
    }
  }
  // How many actors bear each word (in Latin letters) in one of their
  // names: a word that many bear ("bank", "korea", "mohammed") does not
  // make a name a variant of another.
  absl::flat_hash_map<std::string, int> bearers;
  for (const DatasetFile& f : files) {
    for (const v1::Actor& a : f.dataset.actors()) {
      absl::flat_hash_set<std::string> words;
      for (const std::string& n : StrongNames(a)) {
        for (std::string& w : text_internal::SplitName(n).words) words.insert(std::move(w));
      }
      for (const std::string& w : words) ++bearers[w];
    }
  }
  const auto distinctive = [&](const std::string& w) {
    if (w.size() < 3) return false;
    auto it = bearers.find(w);
    return it == bearers.end() || it->second <= options.max_bearers;
  };
  // SharesDistinctive: the query's words (from SplitName) and a name share
  // a distinctive word, written the same way.
  const auto shares_distinctive = [&](const std::vector<std::string>& qw,
                                      const std::vector<std::string>& names,
                                      const std::string& fold) {
    for (const std::string& n : names) {
      if (FoldName(n) == fold) continue;
      for (const std::string& w : text_internal::SplitName(n).words) {
        if (distinctive(w) && std::find(qw.begin(), qw.end(), w) != qw.end()) return true;
      }
    }
    return false;
  };
  const auto draw_order = [&](std::vector<Ref>& refs) {
    std::vector<std::pair<uint64_t, Ref>> keyed;
    for (const Ref& r : refs) {
      keyed.push_back({Keyed(options.seed, files[r.file].dataset.actors(r.index).id()), r});
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
      return a.first < b.first;
    });
    for (size_t i = 0; i < refs.size(); ++i) refs[i] = keyed[i].second;
  };
  draw_order(merged);
  draw_order(single);
  std::vector<Ref> chosen;
  for (const Ref& r : merged) {
    if (chosen.size() >= static_cast<size_t>(options.positive_actors)) break;
    chosen.push_back(r);
  }
  for (const Ref& r : single) {
    if (chosen.size() >= static_cast<size_t>(options.positive_actors) * 2) break;
    chosen.push_back(r);
  }
  EvalSet set;
  absl::flat_hash_set<std::string> chosen_ids;
  for (const Ref& r : chosen) {
    v1::Actor& a = *files[r.file].dataset.mutable_actors(r.index);
    std::mt19937_64 rng(Keyed(options.seed, a.id()));
    std::vector<std::string> names = StrongNames(a);
    // The query: an alias (or, for a merged actor, any name but the one
    // kept first) that is a variant of a name the actor keeps: sharing a
    // distinctive word with it once written in Latin letters (a word of
    // three letters or more that at most `max_bearers` actors bear). A
    // former name after a renaming, a translation ("Army of Mohammed" for
    // "Jaish-i-Mohammed"), or an acronym shares none: no name matcher can
    // tell those, and they are left out.
    std::vector<std::string> variants;
    for (size_t k = 1; k < names.size(); ++k) {
      if (shares_distinctive(text_internal::SplitName(names[k]).words, names,
                             FoldName(names[k]))) {
        variants.push_back(names[k]);
      }
    }
    if (variants.empty()) continue;
    chosen_ids.insert(a.id());
    const std::string query = variants[rng() % variants.size()];
    const std::string fold = FoldName(query);
    std::vector<std::string> kept;
    for (const std::string& n : names) {
      if (FoldName(n) != fold) kept.push_back(n);
    }
    a.set_name(kept[0]);
    a.clear_aliases();
    for (size_t k = 1; k < kept.size(); ++k) a.add_aliases(kept[k]);
    const std::string base_kind = r.merged ? "cross_list" : "clean";
    set.pairs.push_back({query, a.id(), true, base_kind});
    std::vector<std::string> words = Words(query);
    if (words.size() >= 3) {
      std::vector<std::string> w = words;
      w.erase(w.begin() + 1 + rng() % (w.size() - 1));
      // Only while what is left still shares a distinctive word.
      const std::string left = absl::StrJoin(w, " ");
      if (shares_distinctive(text_internal::SplitName(left).words, kept, fold)) {
        set.pairs.push_back({left, a.id(), true, "dropped"});
      }
    }
    if (words.size() >= 2) {
      std::vector<std::string> w = words;
      std::rotate(w.begin(), w.begin() + 1, w.end());
      set.pairs.push_back({absl::StrJoin(w, " "), a.id(), true, "swapped"});
    }
    {
      std::vector<std::string> w = words;
      if (Typo(w, rng)) set.pairs.push_back({absl::StrJoin(w, " "), a.id(), true, "typo1"});
      if (Typo(w, rng)) set.pairs.push_back({absl::StrJoin(w, " "), a.id(), true, "typo2"});
    }
    {
      std::vector<std::string> w = words;
      if (Romanise(w, rng)) {
        set.pairs.push_back({absl::StrJoin(w, " "), a.id(), true, "romanisation"});
      }
    }
  }
  // Negative queries: primary names of other actors (the actor stays in
  // the lists; the pair is with someone else).
  std::vector<Ref> pool = single;
  pool.insert(pool.end(), others.begin(), others.end());
  draw_order(pool);
  int negatives = 0;
  size_t next = 0;
  for (; next < pool.size() && negatives < options.negative_queries; ++next) {
    const Ref& r = pool[next];
    const v1::Actor& a = files[r.file].dataset.actors(r.index);
    if (chosen_ids.contains(a.id()) || FoldName(a.name()).size() < 4) continue;
    set.pairs.push_back({a.name(), a.id(), false, "negative"});
    ++negatives;
  }
  // Unlisted queries: the names of actors taken out of the lists, as most
  // names a screening meets are on none. The actor's record stays, named
  // "-" (no word), so that the lists' references to it hold.
  int unlisted = 0;
  for (; next < pool.size() && unlisted < options.unlisted_queries; ++next) {
    const Ref& r = pool[next];
    v1::Actor& a = *files[r.file].dataset.mutable_actors(r.index);
    if (chosen_ids.contains(a.id()) || FoldName(a.name()).size() < 4) continue;
    EvalPair pair{a.name(), a.id(), false, "unlisted"};
    pair.names = StrongNames(a);
    for (const std::string& w : a.weak_aliases()) pair.names.push_back(w);
    a.set_name("-");
    a.clear_aliases();
    a.clear_weak_aliases();
    set.pairs.push_back(std::move(pair));
    ++unlisted;
  }
  set.files = std::move(files);
  return set;
}

}  // namespace embargo::testing
