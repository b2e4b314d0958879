// The name-search evaluation set, generated from the real lists (README
// "Name search quality"), and the Jaro-Winkler baseline it is compared to.
//
//   std::vector<DatasetFile> files = ...;   // Resolved OFAC + UN + EU + SIPRI.
//   EvalSet set = MakeEvalSet(std::move(files), {.seed = 15});
//   // set.files: the lists with each query's own name taken out;
//   // set.pairs: (query, actor id, positive?) with how the query was made.
//
// Positives: for an actor with two or more names (within one list's entry,
// or across lists that entity resolution linked), one name is taken out of
// the actor (with every name of the same folding) and used as the query;
// variants of it add the noise users make: a dropped word, the words in
// another order, one and two typos, another romanisation. Negatives: the
// primary name of another actor, paired with the actor the search ranks
// best (that actor not being it) and the actor with the highest
// Jaro-Winkler similarity (each method's hardest distractor); pairs whose
// names fold to the same words are left out (a name cannot tell them
// apart). Unlisted negatives: the name of an actor taken out of the lists
// (its record renamed "-"), paired the same way: someone no list names.

#ifndef EMBARGO_TESTS_SEARCH_EVAL_SET_H_
#define EMBARGO_TESTS_SEARCH_EVAL_SET_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "embargo/io.h"

namespace embargo::testing {

struct EvalPair {
  std::string query;
  std::string actor_id;  // The actor the pair is about.
  bool positive = false;
  std::string kind;  // clean, cross_list, dropped, swapped, typo1, typo2,
                     // romanisation; negative, unlisted
  // For an unlisted query: every name the actor had before it was taken
  // out of the lists.
  std::vector<std::string> names;
};

struct EvalOptions {
  uint64_t seed = 15;
  int positive_actors = 800;
  int negative_queries = 800;
  int unlisted_queries = 400;
  // A word at most this many actors bear in a name is distinctive (about
  // one actor in a thousand on the real lists).
  int max_bearers = 20;
};

struct EvalSet {
  std::vector<DatasetFile> files;
  std::vector<EvalPair> pairs;  // Negatives hold only the query so far.
};

// MakeEvalSet draws the set from resolved files (deterministic for a seed).
EvalSet MakeEvalSet(std::vector<DatasetFile> files, const EvalOptions& options);

// JaroWinkler is the Jaro-Winkler similarity (prefix scale 0.1, prefix up
// to 4) of two strings, in [0, 1].
double JaroWinkler(absl::string_view a, absl::string_view b);

}  // namespace embargo::testing

#endif  // EMBARGO_TESTS_SEARCH_EVAL_SET_H_
