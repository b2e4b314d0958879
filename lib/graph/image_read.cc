// Reading graph images (embargo/image.h); the layout is image_format.h.
//
// Reading copies the sections into a fresh GraphData on two threads, each
// section checked against its checksum, then checks the whole (see
// image.h) on two threads: the adjacency by halves of the rows, the nodes
// and edges against their records. The indexes (ids, names, sources,
// sanction edges) are not stored but rebuilt.
//
// Over 600 lines because the checks share one ImageReader, which holds the
// file, its section table and the GraphData being filled; the layout is
// image_format.h and writing image_write.cc.

#include "embargo/image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "lib/internal/input_file.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "embargo/v1/dataset.pb.h"
#include "lib/graph/compact_wire.h"
#include "lib/graph/columnar_builder.h"
#include "lib/graph/edges.h"
#include "lib/graph/graph_data.h"
#include "lib/graph/image_format.h"
#include "lib/graph/image_internal.h"
#include "lib/graph/name_index.h"
#include "lib/graph/records.h"
#include "lib/internal/status_macros.h"

namespace embargo {
namespace internal {
namespace {

// ---- reading ----------------------------------------------------------------

// Runs jobs on this thread and one more, each taking the next job in the
// order given (callers put the longest first); the first failure, in job
// order, is returned.
absl::Status RunOnTwoThreads(std::vector<std::function<absl::Status()>>& jobs) {
  std::vector<absl::Status> results(jobs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t j; (j = next.fetch_add(1)) < jobs.size();) results[j] = jobs[j]();
  };
  if (jobs.size() > 1) {
    std::thread second(work);
    work();
    second.join();
  } else {
    work();
  }
  for (absl::Status& s : results) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

class ImageReader {
 public:
  ImageReader(const std::string& path, const uint8_t* bytes, size_t size,
              bool verify_checksums)
      : path_(path), bytes_(bytes), size_(size), verify_(verify_checksums) {}

  absl::StatusOr<std::shared_ptr<GraphData>> Read() {
    EMBARGO_RETURN_IF_ERROR(ReadTable());
    d_ = std::make_shared<GraphData>();
    d_->country_links = country_links_;
    EMBARGO_RETURN_IF_ERROR(Copy());
    EMBARGO_RETURN_IF_ERROR(CheckShapes());
    std::vector<std::function<absl::Status()>> jobs;
    const auto n = static_cast<uint32_t>(d_->num_nodes());
    // Split the rows where half of the entries lie before.
    const auto half = static_cast<uint32_t>(
        std::lower_bound(d_->row_start, d_->row_start + n,
                         static_cast<uint32_t>(d_->num_edges())) -
        d_->row_start);
    const auto m = static_cast<uint32_t>(d_->num_edges());
    ends_.resize(m);
    std::thread packing([this, m] { PackEdges(m / 2, m); });
    PackEdges(0, m / 2);
    packing.join();
    jobs.push_back([this, half] { return CheckRows(0, half); });
    jobs.push_back([this, half, n] { return CheckRows(half, n); });
    // Errors are reported in job order: a node's own record before the
    // indexes built over all nodes.
    jobs.push_back([this, n] { return CheckNodes(0, n / 2, aliases_[0]); });
    jobs.push_back([this, n] { return CheckNodes(n / 2, n, aliases_[1]); });
    jobs.push_back([this] { return IndexIds(); });
    jobs.push_back([this] { return CheckEdges(); });
    jobs.push_back([this] { return CheckCompactRows(); });
    jobs.push_back([this] {
      d_->name_index = std::move(name_keys_[0]);
      d_->name_index.insert(d_->name_index.end(), name_keys_[1].begin(), name_keys_[1].end());
      std::vector<std::pair<uint64_t, uint32_t>>().swap(name_keys_[1]);
      SortNameIndex(*d_);
      return absl::OkStatus();
    });
    EMBARGO_RETURN_IF_ERROR(RunOnTwoThreads(jobs));
    // Aliases of serialized actors are names too.
    if (!aliases_[0].empty() || !aliases_[1].empty()) {
      for (auto& a : aliases_) {
        d_->name_index.insert(d_->name_index.end(), a.begin(), a.end());
      }
      SortNameIndex(*d_);
    }
    std::vector<EdgeEnds>().swap(ends_);
    EMBARGO_RETURN_IF_ERROR(CheckRecordEdges());
    IndexSanctionEdges(*d_);
    return std::move(d_);
  }

 private:
  absl::Status Problem(absl::string_view where, absl::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat(path_, ": graph image: ", where, ": ", what));
  }
  absl::Status SectionProblem(uint32_t id, absl::string_view what) const {
    return Problem(absl::StrCat("section ", kImageSectionNames[id]), what);
  }
  std::string NodeWhere(uint32_t n) const {
    return absl::StrCat("node ", n, " \"", d_->node_id[n], "\"");
  }

  absl::Status ReadTable() {
    const size_t table_end = kImageHeaderSize + kImageSections * sizeof(ImageTableEntry);
    if (size_ < kImageHeaderSize || std::memcmp(bytes_, kImageMagic, sizeof kImageMagic) != 0) {
      return Problem("header", "not a graph image (no EMBGRAPH magic)");
    }
    ImageHeader h;
    std::memcpy(&h, bytes_, sizeof h);
    if (h.byte_order != kImageByteOrderMark) {
      return Problem("header", "written on a machine of another byte order");
    }
    if (h.version != kImageVersion) {
      return Problem("header", absl::StrCat(
          "format version ", h.version, "; this library reads version ",
          kImageVersion,
          h.version < kImageVersion
              ? " (older images lack the country-link edge kinds); write the "
                "image again from its records"
              : ""));
    }
    if ((h.zero[0] & ~kImageFlagCountryLinks) != 0) {
      return Problem("header", absl::StrCat("unknown flags ",
                                            static_cast<int>(h.zero[0])));
    }
    country_links_ = (h.zero[0] & kImageFlagCountryLinks) != 0;
    if (h.sections != kImageSections || size_ < table_end) {
      return Problem("header", absl::StrCat(h.sections, " sections; expected ",
                                            kImageSections));
    }
    if (h.file_size != size_) {
      return Problem("header", absl::StrCat("file is ", size_,
                                            " bytes; the header says ",
                                            h.file_size, " (truncated?)"));
    }
    std::memcpy(table_, bytes_ + kImageHeaderSize, sizeof table_);
    static constexpr uint32_t kElementSize[kImageSections] = {
        8, 1, 1, 8, 1, 8, 1, 1, 8, 1, 8, 1, 8, 1,
        sizeof(NodeKind), 4, 4, 4, sizeof(EdgeKind), sizeof(v1::ItemCategory),
        sizeof(v1::Status), sizeof(DayRange), sizeof(double), 4, 1, 8,
        sizeof(Origin), sizeof(CompactRecord), 4, 4, sizeof(AdjacencyEntry)};
    for (uint32_t i = 0; i < kImageSections; ++i) {
      const ImageTableEntry& t = table_[i];
      if (t.id != i || t.element_size != kElementSize[i]) {
        return SectionProblem(i, absl::StrCat("table entry has id ", t.id,
                                              " and element size ",
                                              t.element_size));
      }
      if (t.offset % kImageAlign != 0 || t.offset < table_end || t.offset > size_ ||
          t.count > (size_ - t.offset) / t.element_size) {
        return SectionProblem(i, absl::StrCat(t.count, " elements at offset ",
                                              t.offset, " overrun the file"));
      }
    }
    return absl::OkStatus();
  }

  template <typename T>
  const T* At(uint32_t id) const {
    return reinterpret_cast<const T*>(bytes_ + table_[id].offset);
  }
  uint64_t Count(uint32_t id) const { return table_[id].count; }

  absl::Status Verify(uint32_t id) const {
    const ImageTableEntry& t = table_[id];
    if (verify_ && ImageChecksum(bytes_ + t.offset, t.count * t.element_size) != t.checksum) {
      return SectionProblem(id, "checksum mismatch (the file is damaged)");
    }
    return absl::OkStatus();
  }

  template <typename T>
  std::function<absl::Status()> CopyJob(uint32_t id, std::vector<T>& to) {
    return [this, id, &to]() -> absl::Status {
      EMBARGO_RETURN_IF_ERROR(Verify(id));
      const T* from = At<T>(id);
      to.assign(from, from + Count(id));  // A default CSR has a row start.
      return absl::OkStatus();
    };
  }

  // Jobs that fill a string column, each half of it on its own; `keys`, when
  // given, receive (NameKey, index) of each string of their half: the name
  // index, computed while the names are in cache.
  using Job = std::pair<uint64_t, std::function<absl::Status()>>;
  // `utf8`: every string must be UTF-8 (those that come from records; file
  // paths need not be).
  absl::Status AddStrings(std::vector<Job>& jobs, uint32_t offsets_id,
                          std::vector<std::string>& to, bool utf8,
                          std::vector<std::pair<uint64_t, uint32_t>>* keys = nullptr) {
    const uint32_t bytes_id = offsets_id + 1;
    const uint64_t n = Count(offsets_id);
    const uint64_t* offsets = At<uint64_t>(offsets_id);
    const char* bytes = At<char>(bytes_id);
    if (n == 0 || offsets[0] != 0 || offsets[n - 1] != Count(bytes_id)) {
      return SectionProblem(offsets_id, "offsets do not span the bytes");
    }
    to.resize(n - 1);
    auto fill = [this, offsets_id, bytes_id, offsets, bytes, &to, utf8](
                    uint64_t lo, uint64_t hi,
                    std::vector<std::pair<uint64_t, uint32_t>>* keys) -> absl::Status {
      const uint64_t total = Count(bytes_id);
      if (lo == 0) {
        EMBARGO_RETURN_IF_ERROR(Verify(offsets_id));
        EMBARGO_RETURN_IF_ERROR(Verify(bytes_id));
        // The bytes are UTF-8 and no string starts inside a character (so
        // each string is UTF-8; checked below).
        if (utf8 && !ValidUtf8(absl::string_view(bytes, total))) {
          return SectionProblem(bytes_id, "not UTF-8");
        }
      }
      for (uint64_t i = lo; i < hi; ++i) {
        // Each half checks its own offsets, so each against both bounds.
        if (offsets[i + 1] < offsets[i] || offsets[i + 1] > total) {
          return SectionProblem(offsets_id, absl::StrCat("offset ", i + 1,
                                                         " goes back or past the bytes"));
        }
        if (utf8 && offsets[i] < total &&
            (static_cast<uint8_t>(bytes[offsets[i]]) & 0xC0) == 0x80) {
          return SectionProblem(offsets_id, absl::StrCat("string ", i,
                                                         " starts inside a character"));
        }
        to[i].assign(bytes + offsets[i], offsets[i + 1] - offsets[i]);
        if (keys != nullptr) AddNameKey(*keys, to[i], static_cast<uint32_t>(i));
      }
      return absl::OkStatus();
    };
    const uint64_t half = (n - 1) / 2;
    const uint64_t size = Count(offsets_id) * 8 + Count(bytes_id);
    jobs.emplace_back(size / 2, [fill, half, keys] {
      return fill(0, half, keys != nullptr ? &keys[0] : nullptr);
    });
    jobs.emplace_back(size / 2, [fill, half, n, keys] {
      return fill(half, n - 1, keys != nullptr ? &keys[1] : nullptr);
    });
    return absl::OkStatus();
  }

  absl::Status Copy() {
    GraphData& d = *d_;
    std::vector<Job> jobs;
    auto add = [&](uint32_t id, std::function<absl::Status()> job) {
      jobs.emplace_back(Count(id) * table_[id].element_size, std::move(job));
    };
    EMBARGO_RETURN_IF_ERROR(AddStrings(jobs, kFilesOffsets, d.files, false));
    EMBARGO_RETURN_IF_ERROR(
        AddStrings(jobs, kEvidenceSourcesOffsets, d.evidence_sources, false));
    EMBARGO_RETURN_IF_ERROR(
        AddStrings(jobs, kProgramsOffsets, d.compact_programs, true));
    EMBARGO_RETURN_IF_ERROR(AddStrings(jobs, kNodeIdOffsets, d.node_id, true));
    EMBARGO_RETURN_IF_ERROR(
        AddStrings(jobs, kNodeNameOffsets, d.node_name, true, name_keys_));
    EMBARGO_RETURN_IF_ERROR(
        AddStrings(jobs, kNodeCountryOffsets, d.node_country, true));
    add(kFileForms, [this, &d]() -> absl::Status {
      EMBARGO_RETURN_IF_ERROR(Verify(kFileForms));
      const uint8_t* forms = At<uint8_t>(kFileForms);
      for (uint64_t f = 0; f < Count(kFileForms); ++f) {
        if (forms[f] > (kImageFormStream | kImageFormCsv)) {
          return SectionProblem(kFileForms, absl::StrCat("file ", f, ": form ",
                                                         forms[f], " unknown"));
        }
        d.file_is_stream.push_back((forms[f] & kImageFormStream) != 0);
        d.file_is_csv.push_back((forms[f] & kImageFormCsv) != 0);
      }
      return absl::OkStatus();
    });
    add(kSources, [this, &d]() -> absl::Status {
      EMBARGO_RETURN_IF_ERROR(Verify(kSources));
      v1::Dataset sources;
      if (!sources.ParseFromArray(At<char>(kSources),
                                  static_cast<int>(Count(kSources))) ||
          sources.actors_size() + sources.events_size() +
                  sources.transfers_size() + sources.sanctions_size() +
                  sources.relations_size() > 0) {
        return SectionProblem(kSources, "not a Dataset of sources");
      }
      for (v1::Source& s : *sources.mutable_sources()) {
        if (!d.source_index.emplace(s.id(), d.sources.size()).second) {
          return SectionProblem(kSources, absl::StrCat("source \"", s.id(),
                                                       "\" repeats"));
        }
        d.sources.push_back(std::move(s));
      }
      return absl::OkStatus();
    });
    add(kNodeKind, CopyJob(kNodeKind, d.node_kind));
    add(kNodeRecord, CopyJob(kNodeRecord, d.node_record));
    add(kEdgeFrom, CopyJob(kEdgeFrom, d.edge_from));
    add(kEdgeTo, CopyJob(kEdgeTo, d.edge_to));
    add(kEdgeKind, CopyJob(kEdgeKind, d.edge_kind));
    add(kEdgeItem, CopyJob(kEdgeItem, d.edge_item));
    add(kEdgeStatus, CopyJob(kEdgeStatus, d.edge_status));
    add(kEdgeDays, CopyJob(kEdgeDays, d.edge_days));
    add(kEdgeShare, CopyJob(kEdgeShare, d.edge_share));
    add(kEdgeRecord, CopyJob(kEdgeRecord, d.edge_record));
    add(kArena, [this, &d]() -> absl::Status {
      EMBARGO_RETURN_IF_ERROR(Verify(kArena));
      d.arena.assign(At<char>(kArena), Count(kArena));
      return absl::OkStatus();
    });
    add(kRecordOffset, CopyJob(kRecordOffset, d.record_offset));
    add(kRecordOrigin, CopyJob(kRecordOrigin, d.record_origin));
    add(kCompact, CopyJob(kCompact, d.compact));
    AdjacencyArrays& adj = d.adjacency;
    add(kRowStart, CopyJob(kRowStart, adj.start));
    add(kRowOther, CopyJob(kRowOther, adj.other));
    add(kRowEntry, [this, &adj]() -> absl::Status {
      EMBARGO_RETURN_IF_ERROR(Verify(kRowEntry));
      // `along` is a bool: only 0 and 1 may be copied into one.
      const uint8_t* raw = At<uint8_t>(kRowEntry);
      for (uint64_t i = 0; i < Count(kRowEntry); ++i) {
        if (raw[i * sizeof(AdjacencyEntry) + offsetof(AdjacencyEntry, along)] > 1) {
          return SectionProblem(kRowEntry,
                                absl::StrCat("entry ", i, ": direction is not 0 or 1"));
        }
      }
      const AdjacencyEntry* from = At<AdjacencyEntry>(kRowEntry);
      adj.entry.assign(from, from + Count(kRowEntry));
      return absl::OkStatus();
    });
    std::stable_sort(jobs.begin(), jobs.end(), [](const auto& a, const auto& b) {
      return a.first > b.first;
    });
    std::vector<std::function<absl::Status()>> ordered;
    for (auto& [bytes, job] : jobs) ordered.push_back(std::move(job));
    return RunOnTwoThreads(ordered);
  }

  // Column lengths agree; record offsets and row starts are in bounds.
  absl::Status CheckShapes() {
    GraphData& d = *d_;
    const size_t n = d.num_nodes();
    const size_t m = d.num_edges();
    if (n >= kCompactBit || m >= kCompactBit / 2) {
      return Problem("header", "more nodes or edges than a graph can hold");
    }
    auto length = [&](uint32_t id, size_t got, size_t want) -> absl::Status {
      if (got != want) {
        return SectionProblem(id, absl::StrCat(got, " elements; expected ", want));
      }
      return absl::OkStatus();
    };
    EMBARGO_RETURN_IF_ERROR(length(kFileForms, d.file_is_stream.size(), d.files.size()));
    EMBARGO_RETURN_IF_ERROR(length(kNodeNameOffsets, d.node_name.size(), n));
    EMBARGO_RETURN_IF_ERROR(length(kNodeCountryOffsets, d.node_country.size(), n));
    EMBARGO_RETURN_IF_ERROR(length(kNodeKind, d.node_kind.size(), n));
    EMBARGO_RETURN_IF_ERROR(length(kNodeRecord, d.node_record.size(), n));
    EMBARGO_RETURN_IF_ERROR(length(kEdgeTo, d.edge_to.size(), m));
    EMBARGO_RETURN_IF_ERROR(length(kEdgeKind, d.edge_kind.size(), m));
    EMBARGO_RETURN_IF_ERROR(length(kEdgeItem, d.edge_item.size(), m));
    EMBARGO_RETURN_IF_ERROR(length(kEdgeStatus, d.edge_status.size(), m));
    EMBARGO_RETURN_IF_ERROR(length(kEdgeDays, d.edge_days.size(), m));
    EMBARGO_RETURN_IF_ERROR(length(kEdgeShare, d.edge_share.size(), m));
    EMBARGO_RETURN_IF_ERROR(length(kEdgeRecord, d.edge_record.size(), m));
    EMBARGO_RETURN_IF_ERROR(
        length(kRecordOffset, d.record_offset.size(), d.record_origin.size() + 1));
    if (d.files.size() > 256 || d.evidence_sources.size() > 256) {
      return SectionProblem(d.files.size() > 256 ? kFilesOffsets
                                                 : kEvidenceSourcesOffsets,
                            "more than 256 entries");
    }
    if (d.record_offset[0] != 0 || d.record_offset.back() != d.arena.size()) {
      return SectionProblem(kRecordOffset, "offsets do not span the arena");
    }
    for (size_t r = 0; r + 1 < d.record_offset.size(); ++r) {
      if (d.record_offset[r + 1] < d.record_offset[r]) {
        return SectionProblem(kRecordOffset, absl::StrCat("record ", r + 1, " goes back"));
      }
      const Origin& o = d.record_origin[r];
      if (o.file >= d.files.size() || o.kind < v1::Record::kActor ||
          o.kind > v1::Record::kRelation) {
        return SectionProblem(kRecordOrigin,
                              absl::StrCat("record ", r, ": file ", o.file,
                                           " or kind ", o.kind, " unknown"));
      }
    }
    const AdjacencyArrays& adj = d.adjacency;
    EMBARGO_RETURN_IF_ERROR(length(kRowStart, adj.start.size(), n + 1));
    EMBARGO_RETURN_IF_ERROR(length(kRowOther, adj.other.size(), 2 * m));
    EMBARGO_RETURN_IF_ERROR(length(kRowEntry, adj.entry.size(), 2 * m));
    const std::vector<uint32_t>& start = adj.start;
    if (start[0] != 0 || start[n] != 2 * m) {
      return SectionProblem(kRowStart, "rows do not span the entries");
    }
    for (size_t v = 0; v < n; ++v) {
      if (start[v + 1] < start[v]) {
        return SectionProblem(kRowStart, absl::StrCat("row ", v + 1, " goes back"));
      }
    }
    d.SetAdjacencyViews();
    return absl::OkStatus();
  }

  // What a row entry of an edge must repeat: its ends, kind, item and
  // status, packed so that checking an entry costs one cache miss.
  struct EdgeEnds {
    uint32_t from, to;
    uint32_t kind_item_status;
  };
  static uint32_t Pack(EdgeKind kind, uint8_t item, uint8_t status) {
    return static_cast<uint32_t>(kind) | uint32_t{item} << 8 | uint32_t{status} << 16;
  }
  void PackEdges(uint32_t lo, uint32_t hi) {
    const GraphData& d = *d_;
    for (uint32_t e = lo; e < hi; ++e) {
      ends_[e] = {d.edge_from[e], d.edge_to[e],
                  Pack(d.edge_kind[e], static_cast<uint8_t>(d.edge_item[e]),
                       static_cast<uint8_t>(d.edge_status[e]))};
    }
  }

  // Rows [lo, hi): each entry is a true end of its edge, as LayOutAdjacency
  // puts it. Entries of a row are in (edge, start before end) order, so no
  // edge end appears twice; with 2m entries, every end appears once.
  absl::Status CheckRows(uint32_t lo, uint32_t hi) const {
    const GraphData& d = *d_;
    const auto m = static_cast<uint32_t>(d.num_edges());
    constexpr uint32_t kAhead = 16;
    const uint32_t end = d.row_start[hi];
    for (uint32_t u = lo; u < hi; ++u) {
      uint64_t previous = 0;
      for (uint32_t i = d.row_start[u]; i < d.row_start[u + 1]; ++i) {
        if (i + kAhead < end) {
          const uint32_t ahead = d.row_entry[i + kAhead].edge;
          if (ahead < m) __builtin_prefetch(&ends_[ahead]);
        }
        const AdjacencyEntry& x = d.row_entry[i];
        const uint32_t e = x.edge;
        const uint32_t v = d.row_other[i];
        const uint64_t key = 2 * uint64_t{e} + (x.along ? 1 : 2);
        bool ok = e < m && key > previous;
        if (ok) {
          const EdgeEnds& ends = ends_[e];
          ok = (x.along ? ends.from == u && ends.to == v
                        : ends.to == u && ends.from == v) &&
               ends.kind_item_status == Pack(x.kind, x.item, x.status);
        }
        if (!ok) {
          return SectionProblem(
              kRowEntry, absl::StrCat("entry ", i, " in the row of node ", u,
                                      " is not an end of edge ", e,
                                      " as the edge columns give it"));
        }
        previous = key;
      }
    }
    return absl::OkStatus();
  }

  // Decodes arena record `r`, checking that it is of `kind`.
  bool DecodeArena(uint32_t r, v1::Record& out) const {
    const absl::string_view bytes = d_->RecordBytes(r);
    out.Clear();
    return out.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) &&
           static_cast<uint8_t>(out.record_case()) == d_->record_origin[r].kind;
  }

  // A compact row names a known file and evidence source. `where` names the
  // row's node or edge; it is only called for the error.
  absl::Status CheckCompactCommon(const CompactRecord& c,
                                  absl::FunctionRef<std::string()> where) const {
    const GraphData& d = *d_;
    if (c.file >= d.files.size() || c.source >= d.evidence_sources.size()) {
      return SectionProblem(kCompact, absl::StrCat(where(), ": file ", c.file,
                                                   " or source ", c.source,
                                                   " unknown"));
    }
    return absl::OkStatus();
  }

  // Nodes [lo, hi) agree with their records; the name keys of serialized
  // actors' aliases go to `aliases`.
  absl::Status CheckNodes(uint32_t lo, uint32_t hi,
                          std::vector<std::pair<uint64_t, uint32_t>>& aliases) const {
    const GraphData& d = *d_;
    v1::Record r;
    for (uint32_t v = lo; v < hi; ++v) {
      const uint32_t ref = d.node_record[v];
      const NodeKind kind = d.node_kind[v];
      if (static_cast<int>(kind) >= kNumNodeKinds || d.node_id[v].empty()) {
        return SectionProblem(kNodeKind, absl::StrCat(NodeWhere(v), ": empty id or unknown kind"));
      }
      bool ok;
      if (ref & kCompactBit) {
        const uint32_t c = ref & ~kCompactBit;
        ok = c < d.compact.size() && d.compact[c].kind == CompactKind::kActor &&
             d.compact[c].subject == v && kind != NodeKind::kEvent &&
             kind != NodeKind::kUnspecified && !d.node_name[v].empty();
        if (ok) {
          EMBARGO_RETURN_IF_ERROR(
              CheckCompactCommon(d.compact[c], [&] { return NodeWhere(v); }));
        }
        if (ok && kind == NodeKind::kState) {
          const std::string& id = d.node_id[v];
          ok = id.size() == 3 && std::all_of(id.begin(), id.end(), absl::ascii_isupper);
        }
      } else if (ref < d.record_origin.size() && DecodeArena(ref, r)) {
        if (r.has_actor()) {
          const v1::Actor& a = r.actor();
          ok = a.id() == d.node_id[v] && a.name() == d.node_name[v] &&
               a.country() == d.node_country[v] && NodeKindFor(a.kind()) == kind;
          for (const std::string& alias : a.aliases()) AddNameKey(aliases, alias, v);
        } else {
          ok = r.has_event() && r.event().id() == d.node_id[v] &&
               r.event().name() == d.node_name[v] && d.node_country[v].empty() &&
               kind == NodeKind::kEvent;
        }
      } else {
        ok = false;
      }
      if (!ok) {
        return SectionProblem(kNodeRecord, absl::StrCat(NodeWhere(v),
                                                        " does not match its record"));
      }
    }
    return absl::OkStatus();
  }

  // Builds the id index: ids are unique, countries name states.
  absl::Status IndexIds() {
    GraphData& d = *d_;
    const std::vector<uint32_t> repeats = d.node_index.Build(d.node_id);
    if (!repeats.empty()) {
      return SectionProblem(kNodeIdOffsets, absl::StrCat(NodeWhere(repeats[0]),
                                                         ": the id repeats"));
    }
    for (uint32_t v = 0; v < d.num_nodes(); ++v) {
      const std::string& country = d.node_country[v];
      if (country.empty()) continue;
      const std::optional<uint32_t> state = d.node_index.Find(country, d.node_id);
      if (!state || d.node_kind[*state] != NodeKind::kState) {
        return SectionProblem(kNodeCountryOffsets,
                              absl::StrCat(NodeWhere(v), ": country \"", country,
                                           "\" is not a state"));
      }
    }
    return absl::OkStatus();
  }

  // Edge columns are in range; compact edges agree with their rows. (Edges
  // of serialized records are checked by CheckRecordEdges, which needs the
  // id index.)
  absl::Status CheckEdges() const {
    const GraphData& d = *d_;
    const auto n = static_cast<uint32_t>(d.num_nodes());
    const auto m = static_cast<uint32_t>(d.num_edges());
    std::vector<double> owned;  // Compact ownership shares, per asset.
    CompactDaysCache days_of;
    for (uint32_t e = 0; e < m; ++e) {
      const uint32_t from = d.edge_from[e], to = d.edge_to[e];
      const EdgeKind kind = d.edge_kind[e];
      const DayRange days = d.edge_days[e];
      const double share = d.edge_share[e];
      if (from >= n || to >= n || static_cast<int>(kind) >= kNumEdgeKinds ||
          !v1::ItemCategory_IsValid(d.edge_item[e]) ||
          !v1::Status_IsValid(d.edge_status[e]) || days.lo > days.hi ||
          !std::isfinite(share)) {
        return SectionProblem(kEdgeFrom, absl::StrCat("edge ", e, ": an end, kind, item, "
                                                      "status, span or share is out of range"));
      }
      const uint32_t ref = d.edge_record[e];
      if (!(ref & kCompactBit)) {
        if (ref >= d.record_origin.size()) {
          return SectionProblem(kEdgeRecord, absl::StrCat("edge ", e, ": record ", ref,
                                                          " out of range"));
        }
        continue;
      }
      const uint32_t ci = ref & ~kCompactBit;
      if (ci >= d.compact.size()) {
        return SectionProblem(kEdgeRecord, absl::StrCat("edge ", e, ": compact row ", ci,
                                                        " out of range"));
      }
      const CompactRecord& c = d.compact[ci];
      auto where = [&] { return absl::StrCat("edge ", e, " (compact row ", ci, ")"); };
      EMBARGO_RETURN_IF_ERROR(CheckCompactCommon(c, where));
      const bool ok =
          c.subject == e && from != to &&
          CompactEdgeFits(c.kind, kind, d.edge_item[e], d.edge_status[e], share) &&
          days == days_of(c.kind, c.year) &&
          (c.kind != CompactKind::kSanction || c.program < d.compact_programs.size());
      if (!ok) {
        return SectionProblem(kCompact, absl::StrCat(where(), " does not match its columns"));
      }
      if (kind == EdgeKind::kOwnership) {
        if (owned.empty()) owned.assign(n, 0.0);
        owned[to] += share;
        if (owned[to] > 100.0 + 1e-9) {
          return SectionProblem(kEdgeShare, absl::StrCat(NodeWhere(to),
                                                         ": ownership shares sum to more than 100"));
        }
      }
    }
    return absl::OkStatus();
  }

  // Every compact row is some node's or edge's (the rows referenced are
  // distinct: each names its node or edge as subject), and compact edge
  // records have ids (kCompactIdPrefix + line) unique within their kind, as
  // the loaders require. (Rows of unknown kinds are CheckEdges' to report.)
  absl::Status CheckCompactRows() const {
    const GraphData& d = *d_;
    size_t referenced = 0;
    for (uint32_t ref : d.node_record) referenced += (ref & kCompactBit) != 0;
    for (uint32_t ref : d.edge_record) referenced += (ref & kCompactBit) != 0;
    if (referenced != d.compact.size()) {
      return SectionProblem(kCompact, absl::StrCat(d.compact.size() - referenced,
                                                   " rows belong to no node or edge"));
    }
    const CompactRecord* repeated = nullptr;
    ForEachRepeatedCompactId(d_->compact, [&](const CompactRecord& c) {
      if (repeated == nullptr) repeated = &c;
    });
    if (repeated != nullptr) {
      return SectionProblem(kCompact, absl::StrCat("edge ", repeated->subject, ": record id ",
                                                   kCompactIdPrefix, repeated->line,
                                                   " repeats"));
    }
    return absl::OkStatus();
  }

  // Edges of serialized records are the edges their records give, in order.
  absl::Status CheckRecordEdges() const {
    const GraphData& d = *d_;
    const auto m = static_cast<uint32_t>(d.num_edges());
    auto node_of = [&d](absl::string_view id) { return d.node_index.Find(id, d.node_id); };
    v1::Record r;
    std::vector<DerivedEdge> derived;
    for (uint32_t e = 0; e < m;) {
      const uint32_t ref = d.edge_record[e];
      if (ref & kCompactBit) {
        ++e;
        continue;
      }
      derived.clear();
      if (!DecodeArena(ref, r) ||
          !DeriveEdges(r, node_of, [&](const DerivedEdge& x) { derived.push_back(x); })) {
        return SectionProblem(kEdgeRecord, absl::StrCat("edge ", e, ": record ", ref,
                                                        " does not parse or names an unknown id"));
      }
      for (const DerivedEdge& x : derived) {
        const bool ok = e < m && d.edge_record[e] == ref && d.edge_from[e] == x.from &&
                        d.edge_to[e] == x.to && d.edge_kind[e] == x.kind &&
                        d.edge_item[e] == x.item && d.edge_status[e] == x.status &&
                        d.edge_days[e] == x.days && d.edge_share[e] == x.share;
        if (!ok) {
          return SectionProblem(kEdgeRecord, absl::StrCat("edge ", e, ": not the edge record ",
                                                          ref, " gives"));
        }
        ++e;
      }
      if (derived.empty() || (e < m && d.edge_record[e] == ref)) {
        return SectionProblem(kEdgeRecord, absl::StrCat("edge ", e, ": record ", ref,
                                                        " gives other edges"));
      }
    }
    return absl::OkStatus();
  }

  const std::string& path_;
  const uint8_t* bytes_;
  size_t size_;
  bool verify_;
  ImageTableEntry table_[kImageSections];
  std::shared_ptr<GraphData> d_;
  bool country_links_ = false;
  std::vector<EdgeEnds> ends_;  // By edge, for CheckRows.
  // Name keys of names (Copy) and of aliases of serialized actors
  // (CheckNodes), from the two halves of the nodes.
  std::vector<std::pair<uint64_t, uint32_t>> name_keys_[2];
  std::vector<std::pair<uint64_t, uint32_t>> aliases_[2];
};

}  // namespace

absl::StatusOr<std::shared_ptr<GraphData>> ReadImage(const std::string& path) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    const int err = errno;
    const std::string message = absl::StrCat(path, ": ", std::strerror(err));
    return err == ENOENT ? absl::NotFoundError(message)
                         : absl::PermissionDeniedError(message);
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return absl::InvalidArgumentError(absl::StrCat(path, ": not a regular file"));
  }
  const auto size = static_cast<size_t>(st.st_size);
  if (size < kImageHeaderSize) {
    close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": graph image: header: file too short"));
  }
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) {
    return absl::ResourceExhaustedError(absl::StrCat(path, ": cannot map"));
  }
  absl::StatusOr<std::shared_ptr<GraphData>> data =
      ReadImageBytes(path, static_cast<const uint8_t*>(map), size, true);
  munmap(map, size);
  return data;
}

absl::StatusOr<std::shared_ptr<GraphData>> ReadImageBytes(
    const std::string& path, const uint8_t* bytes, size_t size,
    bool verify_checksums) {
  ImageReader reader(path, bytes, size, verify_checksums);
  return reader.Read();
}

}  // namespace internal

absl::StatusOr<std::optional<std::string>> GraphImageAmong(
    absl::Span<const std::string> paths) {
  for (const std::string& p : paths) {
    if (!absl::EndsWith(p, kGraphImageExtension)) continue;
    if (paths.size() > 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          p, ": a graph image is a whole graph; load it alone"));
    }
    return p;
  }
  return std::nullopt;
}

absl::StatusOr<Graph> ReadGraphImage(const std::string& path) {
  EMBARGO_ASSIGN_OR_RETURN(std::shared_ptr<internal::GraphData> data,
                           internal::ReadImage(path));
  return internal::WrapGraph(std::move(data));
}

}  // namespace embargo
