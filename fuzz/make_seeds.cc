// Writes seed inputs for the dataset fuzz targets: the bundled dataset in
// binary, JSON and record-stream form.
//
// Usage: fuzz_make_seeds DATASET.textproto OUT_DIR

#include <iostream>
#include <string>

#include "embargo/io.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fuzz_make_seeds DATASET OUT_DIR\n";
    return 2;
  }
  absl::StatusOr<embargo::DatasetFile> file = embargo::ReadDatasetFile(argv[1]);
  if (!file.ok()) {
    std::cerr << file.status() << "\n";
    return 2;
  }
  const std::string out = argv[2];
  for (auto [format, name] :
       {std::pair{embargo::Format::kBinary, "dataset_binary/article.pb"},
        std::pair{embargo::Format::kJson, "dataset_json/article.json"},
        std::pair{embargo::Format::kRecordStream, "record_stream/article.records"},
        std::pair{embargo::Format::kText, "dataset_text/article.textproto"}}) {
    absl::Status s = embargo::WriteDatasetFile(file->dataset, out + "/" + name, format);
    if (!s.ok()) {
      std::cerr << s << "\n";
      return 2;
    }
  }
  return 0;
}
