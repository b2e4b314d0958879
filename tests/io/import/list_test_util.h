// Helpers for the sanctions-list importer tests: temporary files, record
// lookup, and the checks every import must pass (report reconciles, records
// validate and build into a graph).

#ifndef EMBARGO_TESTS_IO_IMPORT_LIST_TEST_UTIL_H_
#define EMBARGO_TESTS_IO_IMPORT_LIST_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "embargo/graph.h"
#include "embargo/import/report.h"
#include "embargo/validate.h"
#include "gtest/gtest.h"

namespace embargo::testing_import {

inline std::string DataDir() { return EMBARGO_SHARED_DATA_DIR; }

// TempPath is `name` under a directory of this test process's own: ctest
// runs test processes in parallel, and they must not share files.
inline std::string TempPath(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) /
      ("embargo_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

// An FtM export of one day, for the edition tests (ftm_update_test.cc,
// ftm_delta_test.cc): a person with an address, a company it owns 60 % of,
// a company only dataset ds3 gives, and a family link to a missing person.
inline constexpr char kFtmDay1[] =
    R"({"id":"p1","schema":"Person","properties":{"name":["Ivan Petrov"],"addressEntity":["a1"]},"datasets":["ds1"],"first_seen":"2021-01-01","last_seen":"2024-03-10"}
{"id":"a1","schema":"Address","properties":{"full":["1 Harbour Road"],"country":["ru"]},"datasets":["ds1"],"last_seen":"2024-03-10"}
{"id":"c1","schema":"Company","properties":{"name":["Trade Co"]},"datasets":["ds2"],"last_seen":"2024-03-10"}
{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"],"percentage":["60"]},"datasets":["ds1"],"last_seen":"2024-03-10"}
{"id":"x1","schema":"Company","properties":{"name":["Gone Ltd"]},"datasets":["ds3"],"last_seen":"2024-03-10"}
{"id":"r1","schema":"Family","properties":{"person":["p1"],"relative":["p2"]},"datasets":["ds1"],"last_seen":"2024-03-10"}
)";

// SortedRecords is every record of a dataset, serialized with a letter for
// its kind, sorted: two imports compared regardless of order.
inline std::vector<std::string> SortedRecords(const v1::Dataset& ds) {
  std::vector<std::string> out;
  for (const auto& x : ds.sources()) out.push_back("S" + x.SerializeAsString());
  for (const auto& x : ds.actors()) out.push_back("A" + x.SerializeAsString());
  for (const auto& x : ds.relations()) out.push_back("R" + x.SerializeAsString());
  for (const auto& x : ds.sanctions()) out.push_back("X" + x.SerializeAsString());
  std::sort(out.begin(), out.end());
  return out;
}

// WriteTemp writes bytes to TempPath(name) and returns the path.
inline std::string WriteTemp(const std::string& name, absl::string_view bytes) {
  const std::string path = TempPath(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

inline const v1::Actor* FindActor(const v1::Dataset& ds, absl::string_view id) {
  for (const v1::Actor& a : ds.actors()) {
    if (a.id() == id) return &a;
  }
  return nullptr;
}

inline const v1::Sanction* FindSanction(const v1::Dataset& ds,
                                        const std::string& id) {
  for (const v1::Sanction& s : ds.sanctions()) {
    if (s.id() == id) return &s;
  }
  return nullptr;
}

inline bool HasIdentifier(const v1::Actor& a, const std::string& scheme,
                          const std::string& value) {
  for (const v1::Identifier& id : a.identifiers()) {
    if (id.scheme() == scheme && id.value() == value) return true;
  }
  return false;
}

// CheckValid validates an import's records as one file named `name`.
inline absl::Status CheckValid(const ImportResult& r, const std::string& name) {
  DatasetFile file;
  file.path = name;
  file.dataset = r.dataset;
  return Validate({file});
}

// ExpectSound checks what every import must give: the report reconciles,
// the records validate, and they build into a graph with every actor.
inline void ExpectSound(const ImportResult& r, const std::string& name) {
  EXPECT_TRUE(r.report.Reconciles()) << r.report.Summary();
  EXPECT_EQ(r.report.rows_read,
            r.report.rows_imported + r.report.rows_rejected());
  absl::Status valid = CheckValid(r, name);
  EXPECT_TRUE(valid.ok()) << valid;
  GraphBuilder builder;
  builder.AddDataset(r.dataset, name);
  absl::StatusOr<Graph> graph = builder.Build();
  ASSERT_TRUE(graph.ok()) << graph.status();
  EXPECT_EQ(graph->num_nodes(), static_cast<size_t>(r.dataset.actors_size()));
  EXPECT_EQ(graph->num_edges(), static_cast<size_t>(r.dataset.sanctions_size() +
                                                    r.dataset.relations_size()));
}

}  // namespace embargo::testing_import

#endif  // EMBARGO_TESTS_IO_IMPORT_LIST_TEST_UTIL_H_
