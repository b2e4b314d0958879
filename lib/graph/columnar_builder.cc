// ColumnarBuilder: a graph straight from rows of compact records. See
// columnar_builder.h.

#include "lib/graph/columnar_builder.h"

#include <algorithm>
#include <string>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/graph/adjacency.h"
#include "lib/graph/edges.h"
#include "lib/graph/name_index.h"
#include "lib/graph/records.h"

namespace embargo::internal {

void ForEachRepeatedCompactId(const std::vector<CompactRecord>& compact,
                              absl::FunctionRef<void(const CompactRecord&)> repeat) {
  uint64_t max_line = 0;
  for (const CompactRecord& c : compact) {
    if (c.kind != CompactKind::kActor) max_line = std::max<uint64_t>(max_line, c.line);
  }
  if (max_line <= 64 * compact.size() + 4096) {  // Bitmaps: small.
    std::vector<uint64_t> seen[4];
    for (auto& bits : seen) bits.assign(max_line / 64 + 1, 0);
    for (const CompactRecord& c : compact) {
      if (c.kind == CompactKind::kActor || static_cast<int>(c.kind) >= 4) continue;
      uint64_t& word = seen[static_cast<int>(c.kind)][c.line >> 6];
      const uint64_t bit = uint64_t{1} << (c.line & 63);
      if (word & bit) repeat(c);
      word |= bit;
    }
  } else {  // Sparse line numbers: sort (kind, line) keys instead.
    std::vector<std::pair<uint64_t, uint32_t>> keys;
    for (uint32_t i = 0; i < compact.size(); ++i) {
      const CompactRecord& c = compact[i];
      if (c.kind == CompactKind::kActor) continue;
      keys.emplace_back((uint64_t{static_cast<uint8_t>(c.kind)} << 32) | c.line, i);
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 1; i < keys.size(); ++i) {
      if (keys[i].first == keys[i - 1].first) repeat(compact[keys[i].second]);
    }
  }
}

void ColumnarBuilder::EdgeChunk::Reserve(size_t n) {
  from.reserve(n);
  to.reserve(n);
  kind.reserve(n);
  item.reserve(n);
  status.reserve(n);
  share.reserve(n);
  days.reserve(n);
  records.reserve(n);
}

ColumnarBuilder::ColumnarBuilder() : d_(std::make_shared<GraphData>()) {
  d_->record_offset.push_back(0);
}

uint8_t ColumnarBuilder::AddFile(std::string path, FileForm form) {
  d_->files.push_back(std::move(path));
  d_->file_is_stream.push_back(form == FileForm::kStream);
  d_->file_is_csv.push_back(form == FileForm::kCsv);
  return static_cast<uint8_t>(d_->files.size() - 1);
}

uint8_t ColumnarBuilder::AddEvidenceSource(std::string source_id) {
  d_->evidence_sources.push_back(std::move(source_id));
  return static_cast<uint8_t>(d_->evidence_sources.size() - 1);
}

void ColumnarBuilder::AddSource(v1::Source source) {
  d_->source_index.emplace(source.id(), d_->sources.size());
  d_->sources.push_back(std::move(source));
}

void ColumnarBuilder::ReserveNodes(size_t n) {
  d_->node_id.reserve(n);
  d_->node_name.reserve(n);
  d_->node_country.reserve(n);
  d_->node_kind.reserve(n);
  d_->node_record.reserve(n);
  d_->compact.reserve(n);
}

void ColumnarBuilder::AddActor(absl::string_view id, absl::string_view name,
                               absl::string_view country, v1::ActorKind kind,
                               uint8_t file, uint8_t source, uint32_t line,
                               uint32_t position) {
  const auto node = static_cast<uint32_t>(d_->node_id.size());
  d_->node_id.emplace_back(id);
  d_->node_name.emplace_back(name);
  d_->node_country.emplace_back(country);
  d_->node_kind.push_back(NodeKindFor(kind));
  d_->node_record.push_back(kCompactBit |
                            static_cast<uint32_t>(d_->compact.size()));
  d_->compact.push_back(
      {node, line, position, 0, 0, file, CompactKind::kActor, source});
}

uint32_t ColumnarBuilder::AddActorSlots(size_t n) {
  GraphData& d = *d_;
  const auto first = static_cast<uint32_t>(d.node_id.size());
  // Actor records are the first compact records: node i's is compact[i].
  d.node_id.resize(first + n);
  d.node_name.resize(first + n);
  d.node_country.resize(first + n);
  d.node_kind.resize(first + n);
  d.node_record.resize(first + n);
  d.compact.resize(first + n);
  return first;
}

void ColumnarBuilder::SetActor(uint32_t node, absl::string_view id,
                               absl::string_view name,
                               absl::string_view country, v1::ActorKind kind,
                               uint8_t file, uint8_t source, uint32_t line,
                               uint32_t position) {
  GraphData& d = *d_;
  d.node_id[node].assign(id.data(), id.size());
  d.node_name[node].assign(name.data(), name.size());
  d.node_country[node].assign(country.data(), country.size());
  d.node_kind[node] = NodeKindFor(kind);
  d.node_record[node] = kCompactBit | node;
  d.compact[node] = {node, line, position, 0, 0, file, CompactKind::kActor, source};
}

std::vector<CompactRecord> ColumnarBuilder::SealNodes() {
  GraphData& d = *d_;
  std::vector<CompactRecord> dropped;
  const std::vector<uint32_t> repeats = d.node_index.Build(d.node_id);
  if (repeats.empty()) return dropped;
  // Rare: rebuild the node columns without the repeats.
  std::vector<bool> drop(d.node_id.size(), false);
  for (uint32_t n : repeats) {
    drop[n] = true;
    dropped.push_back(d.compact[d.node_record[n] & ~kCompactBit]);
  }
  GraphData fresh;
  fresh.compact.reserve(d.compact.size());
  for (uint32_t n = 0; n < d.node_id.size(); ++n) {
    if (drop[n]) continue;
    CompactRecord c = d.compact[d.node_record[n] & ~kCompactBit];
    c.subject = static_cast<uint32_t>(fresh.node_id.size());
    fresh.node_record.push_back(kCompactBit |
                                static_cast<uint32_t>(fresh.compact.size()));
    fresh.compact.push_back(c);
    fresh.node_id.push_back(std::move(d.node_id[n]));
    fresh.node_name.push_back(std::move(d.node_name[n]));
    fresh.node_country.push_back(std::move(d.node_country[n]));
    fresh.node_kind.push_back(d.node_kind[n]);
  }
  d.node_id = std::move(fresh.node_id);
  d.node_name = std::move(fresh.node_name);
  d.node_country = std::move(fresh.node_country);
  d.node_kind = std::move(fresh.node_kind);
  d.node_record = std::move(fresh.node_record);
  d.compact = std::move(fresh.compact);
  d.node_index.Build(d.node_id);
  return dropped;
}

std::vector<uint32_t> IdIndex::Build(const std::vector<std::string>& ids) {
  std::vector<uint32_t> repeats;
  size_t size = 16;
  while (size < 2 * ids.size()) size <<= 1;
  slots_.assign(size, Slot{0, 0, 0});
  mask_ = size - 1;
  // Hashes first, so that each insert can prefetch a slot a few ids ahead.
  std::vector<uint64_t> hashes(ids.size());
  for (size_t n = 0; n < ids.size(); ++n) hashes[n] = Hash(ids[n]);
  constexpr size_t kAhead = 8;
  for (uint32_t n = 0; n < ids.size(); ++n) {
    if (n + kAhead < ids.size()) Prefetch(hashes[n + kAhead]);
    const absl::string_view id = ids[n];
    const uint64_t h = hashes[n];
    const uint32_t tag = Tag(h, id.size());
    const uint64_t prefix = Prefix(id);
    for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.node == 0) {
        slot = Slot{prefix, n + 1, tag};
        break;
      }
      if (slot.tag == tag && slot.prefix == prefix &&
          ids[slot.node - 1] == ids[n]) {
        repeats.push_back(n);
        break;
      }
    }
  }
  return repeats;
}

std::optional<uint32_t> ColumnarBuilder::FindNode(absl::string_view id) const {
  return d_->node_index.Find(id, d_->node_id);
}

void ColumnarBuilder::AddEdge(EdgeChunk& c, CompactKind kind,
                              EdgeKind edge_kind, uint32_t from, uint32_t to,
                              v1::ItemCategory item, v1::Status status,
                              double share, int year, absl::string_view program,
                              uint8_t file, uint8_t source, uint32_t line,
                              uint32_t position) {
  uint32_t prog = 0;
  if (kind == CompactKind::kSanction) {
    auto it = c.program_index.find(program);
    if (it == c.program_index.end()) {
      it = c.program_index.emplace(std::string(program),
                                   static_cast<uint32_t>(c.programs.size()))
               .first;
      c.programs.emplace_back(program);
    }
    prog = it->second;
  }
  c.records.push_back({static_cast<uint32_t>(c.from.size()), line, position,
                       prog, static_cast<int16_t>(year), file, kind, source});
  c.from.push_back(from);
  c.to.push_back(to);
  c.kind.push_back(edge_kind);
  c.item.push_back(item);
  c.status.push_back(status);
  c.share.push_back(share);
  c.days.push_back(c.days_of(kind, year));
}

void ColumnarBuilder::AddChunk(EdgeChunk chunk) {
  chunks_.push_back(std::move(chunk));
}

absl::StatusOr<std::shared_ptr<GraphData>> ColumnarBuilder::Finish(
    size_t max_problems) {
  GraphData& d = *d_;
  std::vector<std::string> problems;
  auto report = [&](const CompactRecord& c, absl::string_view kind,
                    std::string id, absl::string_view field,
                    std::string message) {
    if (problems.size() >= max_problems) return;
    const std::string where =
        d.file_is_csv[c.file] ? absl::StrCat("line ", c.position)
                              : absl::StrCat("record ", c.position);
    problems.push_back(absl::StrCat(d.files[c.file], ": ", where, " (", kind,
                                    " \"", id, "\"): ", field, ": ",
                                    message));
  };
  // Countries must name states.
  for (uint32_t n = 0; n < d.num_nodes(); ++n) {
    const std::string& country = d.node_country[n];
    if (country.empty()) continue;
    const std::optional<uint32_t> state = d.node_index.Find(country, d.node_id);
    if (!state || d.node_kind[*state] != NodeKind::kState) {
      report(d.compact[d.node_record[n] & ~kCompactBit], "Actor",
             d.node_id[n], "country",
             absl::StrCat("\"", country, "\" is not a known state actor"));
    }
  }

  // Edges: concatenate the chunks, the hot columns on a second thread and
  // the records here. Each thread frees what it has copied.
  size_t m = 0;
  for (const EdgeChunk& c : chunks_) m += c.size();
  absl::flat_hash_map<std::string, uint32_t> programs;
  std::vector<std::vector<uint32_t>> remaps(chunks_.size());
  for (size_t k = 0; k < chunks_.size(); ++k) {
    const EdgeChunk& c = chunks_[k];
    for (const std::string& name : c.programs) {
      auto [it, added] = programs.emplace(
          name, static_cast<uint32_t>(d.compact_programs.size()));
      if (added) d.compact_programs.push_back(name);
      remaps[k].push_back(it->second);
    }
  }
  std::thread columns([&d, m, this] {
    // The first chunk's column becomes the graph's when it has room for
    // every edge (loaders reserve it so): only the later chunks are copied.
    auto concat = [&](auto& to, auto member) {
      auto& first = chunks_[0].*member;
      if (to.empty() && first.capacity() >= m) {
        to = std::move(first);
      } else {
        to.reserve(m);
        to.insert(to.end(), first.begin(), first.end());
      }
      std::decay_t<decltype(first)>().swap(first);
      for (size_t k = 1; k < chunks_.size(); ++k) {
        auto& from = chunks_[k].*member;
        to.insert(to.end(), from.begin(), from.end());
        std::decay_t<decltype(from)>().swap(from);
      }
    };
    if (chunks_.empty()) return;
    concat(d.edge_from, &EdgeChunk::from);
    concat(d.edge_to, &EdgeChunk::to);
    concat(d.edge_kind, &EdgeChunk::kind);
    concat(d.edge_item, &EdgeChunk::item);
    concat(d.edge_status, &EdgeChunk::status);
    concat(d.edge_share, &EdgeChunk::share);
    concat(d.edge_days, &EdgeChunk::days);
  });
  // Records: the chunks' compact records after the actors', each edge's
  // record index, and chunk-local edge and programme numbers made global.
  d.edge_record.resize(m);
  const auto first = static_cast<uint32_t>(d.compact.size());
  for (uint32_t e = 0; e < m; ++e) d.edge_record[e] = kCompactBit | (first + e);
  d.compact.reserve(d.compact.size() + m);
  uint32_t base = 0;
  for (size_t k = 0; k < chunks_.size(); ++k) {
    EdgeChunk& c = chunks_[k];
    const size_t at = d.compact.size();
    d.compact.insert(d.compact.end(), c.records.begin(), c.records.end());
    if (base != 0 || !c.programs.empty()) {
      for (size_t i = at; i < d.compact.size(); ++i) {
        CompactRecord& r = d.compact[i];
        r.subject += base;
        if (r.kind == CompactKind::kSanction) r.program = remaps[k][r.program];
      }
    }
    base += static_cast<uint32_t>(c.records.size());
    std::vector<CompactRecord>().swap(c.records);
  }
  columns.join();
  chunks_.clear();

  // Ownership shares of one asset sum to at most 100. Compact ownership
  // periods all start at a year (or are open) and never end, so they all
  // overlap from the latest start on: the plain sum is the peak.
  {
    std::vector<double> sum(d.num_nodes(), 0.0);
    for (size_t e = 0; e < d.num_edges(); ++e) {
      if (d.edge_kind[e] != EdgeKind::kOwnership) continue;
      const double before = sum[d.edge_to[e]];
      const double after = before + d.edge_share[e];
      sum[d.edge_to[e]] = after;
      if (after > 100.0 + 1e-9 && before <= 100.0 + 1e-9) {
        const CompactRecord& c = d.compact[d.edge_record[e] & ~kCompactBit];
        report(c, "Relation", absl::StrCat(kCompactIdPrefix, c.line),
               "share_percent",
               absl::StrCat("ownership shares of \"", d.node_id[d.edge_to[e]],
                            "\" sum to over 100"));
      }
    }
  }
  // Record ids (kCompactIdPrefix + line) are unique within each kind.
  ForEachRepeatedCompactId(d.compact, [&](const CompactRecord& c) {
    report(c, "Record", absl::StrCat(kCompactIdPrefix, c.line), "id",
           "duplicate id");
  });
  if (!problems.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  }

  // Names, for FindByName, on a second thread while the adjacency is laid
  // out.
  std::thread names([&d] {
    d.name_index.reserve(d.num_nodes());
    for (uint32_t n = 0; n < d.num_nodes(); ++n) {
      AddNameKey(d.name_index, d.node_name[n], n);
    }
    SortNameIndex(d);
  });
  LayOutAdjacency(d);
  names.join();
  return std::move(d_);
}

}  // namespace embargo::internal
