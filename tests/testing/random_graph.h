// Random typed datasets and filters for checking algorithms against slow,
// obviously correct verifiers.

#ifndef EMBARGO_TESTS_TESTING_RANDOM_GRAPH_H_
#define EMBARGO_TESTS_TESTING_RANDOM_GRAPH_H_

#include <random>

#include "embargo/query.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo::testing {

struct RandomGraphOptions {
  int min_nodes = 3;
  int max_nodes = 9;
  int max_edges = 18;
};

// RandomDataset makes a valid dataset: actors of several kinds, transfers
// (some through an intermediary) with items, statuses (denied included) and
// partial dates, relations of several kinds with periods, and sometimes an
// event. Parallel edges occur.
v1::Dataset RandomDataset(std::mt19937& rng, const RandomGraphOptions& options = {});

// RandomFilter picks edge kinds, items, a date window (often open), a date
// match, a minimum status, node kinds and a direction.
Filter RandomFilter(std::mt19937& rng);

}  // namespace embargo::testing

#endif  // EMBARGO_TESTS_TESTING_RANDOM_GRAPH_H_
