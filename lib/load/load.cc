// The one load path. See embargo/load.h.

#include "embargo/load.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/export.h"
#include "embargo/image.h"
#include "lib/graph/compact_stream.h"
#include "lib/graph/graph_data.h"
#include "lib/internal/status_macros.h"

namespace embargo {
namespace {

void Report(const LoadOptions& options, absl::string_view stage,
            absl::string_view name = "", size_t done = 0, size_t total = 0) {
  if (options.progress) options.progress({stage, name, done, total});
}

// What the inputs are: their paths and whether some are in memory; the
// graph image among them, if any (rule 1).
struct Inputs {
  std::vector<std::string> paths;
  bool in_memory = false;
  std::optional<std::string> image;
};

absl::StatusOr<Inputs> Survey(const std::vector<LoadInput>& inputs,
                              LoadReport& r) {
  if (inputs.empty()) {
    return absl::InvalidArgumentError("load: no files or records given");
  }
  Inputs in;
  for (const LoadInput& input : inputs) {
    r.inputs.push_back(input.path);
    if (input.records) {
      in.in_memory = true;
    } else {
      in.paths.push_back(input.path);
    }
  }
  EMBARGO_ASSIGN_OR_RETURN(in.image, GraphImageAmong(in.paths));
  if (in.image && in.in_memory) {
    return absl::InvalidArgumentError(absl::StrCat(
        *in.image, ": a graph image is a whole graph and loads alone; load "
                   "the records in memory separately"));
  }
  return in;
}

// Rules 2 and 3 on inputs that hold no image: read, then resolve.
absl::StatusOr<std::vector<DatasetFile>> ReadAndResolve(
    std::vector<LoadInput> inputs, const LoadOptions& options, LoadReport& r) {
  std::vector<DatasetFile> files;
  files.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    LoadInput& in = inputs[i];
    Report(options, "read", in.path, i, inputs.size());
    if (in.records) {
      files.push_back(*std::move(in.records));
      continue;
    }
    EMBARGO_ASSIGN_OR_RETURN(
        DatasetFile f, ReadDatasetFile(in.path, Format::kAuto, options.limits));
    files.push_back(std::move(f));
  }
  if (options.resolve && files.size() > 1) {
    Report(options, "resolve");
    EMBARGO_ASSIGN_OR_RETURN(
        ResolvedDataset resolved,
        ResolveEntities(std::move(files), options.resolve_options));
    r.resolved = true;
    r.resolution = std::move(resolved.report);
    files = std::move(resolved.files);
  }
  return files;
}

}  // namespace

absl::StatusOr<std::string> ArmsEmbargoesFile() {
  constexpr absl::string_view kName = "arms_embargoes.textproto";
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("EMBARGO_SHARE_DIR");
      env != nullptr && *env != '\0') {
    dirs.emplace_back(env);
  }
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "embargo");
#ifdef EMBARGO_BUILD_SHARE_DIR
  dirs.emplace_back(EMBARGO_BUILD_SHARE_DIR);
#endif
#ifdef EMBARGO_INSTALL_SHARE_DIR
  dirs.emplace_back(EMBARGO_INSTALL_SHARE_DIR);
#endif
  std::vector<std::string> tried;
  for (const std::filesystem::path& dir : dirs) {
    const std::filesystem::path file = dir / std::string(kName);
    if (std::filesystem::is_regular_file(file, ec)) return file.string();
    tried.push_back(file.string());
  }
  return absl::NotFoundError(absl::StrCat(
      "arms embargoes: ", kName, " not found (tried ",
      absl::StrJoin(tried, ", "),
      "); set EMBARGO_SHARE_DIR or give LoadOptions.arms_embargoes_path"));
}

absl::StatusOr<Graph> Load(std::vector<LoadInput> inputs,
                           const LoadOptions& options, LoadReport* report) {
  if (options.arms_embargoes) {
    std::string path = options.arms_embargoes_path;
    if (path.empty()) {
      EMBARGO_ASSIGN_OR_RETURN(path, ArmsEmbargoesFile());
    }
    inputs.push_back(LoadInput::File(std::move(path)));
  }
  LoadReport local;
  LoadReport& r = report != nullptr ? *report : local;
  r = LoadReport();
  EMBARGO_ASSIGN_OR_RETURN(Inputs in, Survey(inputs, r));
  if (in.image) {
    Report(options, "image", *in.image);
    r.from_image = true;
    return ReadGraphImage(*in.image);
  }
  // A lone record stream of compact records loads straight into columns.
  if (inputs.size() == 1 && !in.in_memory) {
    absl::StatusOr<Format> format = FormatFromPath(in.paths[0]);
    if (format.ok() && *format == Format::kRecordStream) {
      Report(options, "read", in.paths[0], 0, 1);
      EMBARGO_ASSIGN_OR_RETURN(
          std::shared_ptr<internal::GraphData> data,
          internal::LoadCompactStream(in.paths[0], options.validate));
      if (data != nullptr) {
        r.compact_stream = true;
        return internal::WrapGraph(std::move(data));
      }
    }
  }
  EMBARGO_ASSIGN_OR_RETURN(std::vector<DatasetFile> files,
                           ReadAndResolve(std::move(inputs), options, r));
  GraphBuilder builder;
  if (options.country_links) {
    DatasetFile links = DeriveCountryLinks(files, &r.country_link_report);
    r.country_links = true;
    builder.SetCountryLinks(true);
    if (links.dataset.relations_size() > 0) files.push_back(std::move(links));
  }
  Report(options, "build");
  for (DatasetFile& f : files) builder.Add(std::move(f));
  return builder.Build(options.validate);
}

absl::StatusOr<std::vector<DatasetFile>> ReadInputs(
    std::vector<LoadInput> inputs, const LoadOptions& options,
    LoadReport* report) {
  LoadReport local;
  LoadReport& r = report != nullptr ? *report : local;
  r = LoadReport();
  EMBARGO_ASSIGN_OR_RETURN(Inputs in, Survey(inputs, r));
  if (in.image) {
    Report(options, "image", *in.image);
    r.from_image = true;
    EMBARGO_ASSIGN_OR_RETURN(Graph graph, ReadGraphImage(*in.image));
    DatasetFile f;
    f.path = *in.image;
    f.dataset = DatasetFromGraph(graph);
    std::vector<DatasetFile> files;
    files.push_back(std::move(f));
    return files;
  }
  return ReadAndResolve(std::move(inputs), options, r);
}

absl::StatusOr<std::vector<DatasetFile>> ReadInputs(
    absl::Span<const std::string> paths, const LoadOptions& options,
    LoadReport* report) {
  std::vector<LoadInput> inputs;
  inputs.reserve(paths.size());
  for (const std::string& p : paths) inputs.push_back(LoadInput::File(p));
  return ReadInputs(std::move(inputs), options, report);
}

absl::StatusOr<Graph> Load(absl::Span<const std::string> paths,
                           const LoadOptions& options, LoadReport* report) {
  std::vector<LoadInput> inputs;
  inputs.reserve(paths.size());
  for (const std::string& p : paths) inputs.push_back(LoadInput::File(p));
  return Load(std::move(inputs), options, report);
}

absl::StatusOr<Graph> LoadGraph(absl::Span<const std::string> paths,
                                const ValidateOptions& options) {
  LoadOptions load;
  load.validate = options;
  return Load(paths, load);
}

absl::StatusOr<Graph> BuildResolvedGraph(std::vector<DatasetFile> files,
                                         const ResolveOptions& options,
                                         ResolveReport* report,
                                         const ValidateOptions& validate_options) {
  LoadOptions load;
  load.resolve_options = options;
  load.validate = validate_options;
  std::vector<LoadInput> inputs;
  for (DatasetFile& f : files) inputs.push_back(LoadInput::Records(std::move(f)));
  LoadReport r;
  absl::StatusOr<Graph> graph = Load(std::move(inputs), load, &r);
  if (report != nullptr) *report = std::move(r.resolution);
  return graph;
}

absl::StatusOr<Graph> LoadResolvedGraph(absl::Span<const std::string> paths,
                                        const ResolveOptions& options,
                                        ResolveReport* report) {
  LoadOptions load;
  load.resolve_options = options;
  LoadReport r;
  absl::StatusOr<Graph> graph = Load(paths, load, &r);
  if (report != nullptr) *report = std::move(r.resolution);
  return graph;
}

}  // namespace embargo
