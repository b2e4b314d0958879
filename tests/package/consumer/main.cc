// Loads a dataset and prints the shortest link from RUS to PRK.
#include <iostream>
#include <string>

#include "embargo/graph.h"
#include "embargo/query.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  absl::StatusOr<embargo::Graph> g = embargo::LoadGraph({std::string(argv[1])});
  if (!g.ok()) {
    std::cerr << g.status() << "\n";
    return 2;
  }
  auto p = embargo::ShortestPath(*g, *g->FindNode("RUS"), *g->FindNode("PRK"));
  if (!p.ok() || !p->has_value()) return 1;
  std::cout << "RUS -> PRK: " << (*p)->length() << " hop via "
            << g->EdgeRecordId((*p)->hops[0].edge) << "\n";
  return 0;
}
