// Record streams of compact records, loaded straight into columns. See
// compact_stream.h.

#include "lib/graph/compact_stream.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/graph/columnar_builder.h"
#include "lib/graph/compact_wire.h"
#include "lib/graph/edges.h"
#include "lib/graph/records.h"

namespace embargo::internal {

namespace {

// ---- record streams of compact records, straight to columns ----------------

// Unknown fields would be lost by the compact form. Reflection is fetched
// once per message type: GetReflection() itself is not cheap.
template <typename M>
bool NoUnknownFields(const M& m) {
  static const google::protobuf::Reflection* const reflection =
      M::default_instance().GetReflection();
  return reflection->GetUnknownFields(m).empty();
}

// NextRecord reads one length-delimited stream record at `p` and advances
// past it: its kind (the Record field number) and the bytes of the record
// inside. False unless the record is exactly one length-delimited field of
// Record.
bool NextRecord(const uint8_t*& p, const uint8_t* end, int& field,
                const uint8_t*& body, uint64_t& body_len) {
  uint64_t len, tag;
  if (!ReadVarint(p, end, len) || len > static_cast<uint64_t>(end - p)) {
    return false;
  }
  const uint8_t* q = p;
  const uint8_t* record_end = p + len;
  if (!ReadVarint(q, record_end, tag) || (tag & 7) != 2) return false;
  field = static_cast<int>(tag >> 3);
  if (!ReadVarint(q, record_end, body_len) ||
      body_len != static_cast<uint64_t>(record_end - q) || body_len > INT32_MAX) {
    return false;
  }
  body = q;
  p = record_end;
  return true;
}

bool CanonicalNumber(absl::string_view s, uint32_t& out) {
  if (s.empty() || s.size() > 10 || (s.size() > 1 && s[0] == '0')) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v >= (uint64_t{1} << 31)) return false;
  out = static_cast<uint32_t>(v);
  return true;
}

// Loads a record stream whose records all have the compact shapes (what the
// Neo4j CSV importer writes): sources, then actors, then transfers,
// sanctions and relations, each with one evidence (a known source and a
// numeric locator) and edge ids "E" + locator. Returns nullptr as soon as a
// record does not fit, and the caller takes the general path, whose
// validation reports any problem; so this path needs to check only what
// compact records can get wrong.
class CompactStreamLoader {
 public:
  // `mapped`: the bytes are a private file mapping, whose pages may be
  // dropped once read (never so for other memory).
  CompactStreamLoader(const std::string& path, const uint8_t* data,
                      size_t size, bool mapped)
      : path_(path), data_(data), size_(size), mapped_(mapped) {}

  std::shared_ptr<GraphData> Run(size_t max_problems) {
    file_ = b_.AddFile(path_, ColumnarBuilder::FileForm::kStream);
    const uint8_t* p = data_;
    const uint8_t* end = data_ + size_;
    v1::Source source;
    uint32_t position = 0;
    // Sources, read here, and actors, only found here: the actor bodies
    // are decoded after, on two threads.
    struct Body {
      const uint8_t* p;
      const uint8_t* end;
      uint32_t position;
    };
    std::vector<Body> actors;
    while (p < end) {
      const uint8_t* at = p;
      uint64_t body_len;
      int field;
      const uint8_t* body;
      if (!NextRecord(p, end, field, body, body_len)) return nullptr;
      if (field == v1::Record::kSource) {
        // Sources come first: a source after an actor does not fit.
        source.Clear();
        if (!actors.empty() ||
            !source.ParseFromArray(body, static_cast<int>(body_len)) ||
            !AddSource(source)) {
          return nullptr;
        }
      } else if (field == v1::Record::kActor) {
        actors.push_back({body, body + body_len, position});
      } else {
        p = at;
        break;
      }
      ++position;
    }
    const uint32_t first = b_.AddActorSlots(actors.size());
    auto decode = [&](size_t lo, size_t hi) {
      WireActor actor;
      for (size_t i = lo; i < hi; ++i) {
        if (!ReadWireActor(actors[i].p, actors[i].end, actor) ||
            !AddActor(actor, first + static_cast<uint32_t>(i),
                      actors[i].position)) {
          return false;
        }
      }
      return true;
    };
    bool actors_ok[2] = {true, true};
    if (actors.size() < 4096) {
      actors_ok[0] = decode(0, actors.size());
    } else {
      std::thread second(
          [&] { actors_ok[1] = decode(actors.size() / 2, actors.size()); });
      actors_ok[0] = decode(0, actors.size() / 2);
      second.join();
    }
    if (!actors_ok[0] || !actors_ok[1]) return nullptr;
    if (!b_.SealNodes().empty()) return nullptr;
    records_ = position;

    // The edge records, cut in two at a record boundary.
    const uint8_t* mid = p + (end - p) / 2;
    const uint8_t* cut = p;
    uint32_t cut_position = position;
    while (cut < mid) {
      uint64_t len;
      if (!ReadVarint(cut, end, len) || len > static_cast<uint64_t>(end - cut)) {
        return nullptr;
      }
      cut += len;
      ++cut_position;
    }
    ColumnarBuilder::EdgeChunk chunks[2];
    bool ok[2] = {true, true};
    std::thread second([&] {
      ok[1] = Edges(cut, end, cut_position, chunks[1],
                    static_cast<size_t>(end - cut));
    });
    ok[0] = Edges(p, cut, position, chunks[0], static_cast<size_t>(end - p));
    second.join();
    if (!ok[0] || !ok[1]) return nullptr;
    records_ = static_cast<uint64_t>(cut_position) + chunks[1].size();
    for (ColumnarBuilder::EdgeChunk& c : chunks) b_.AddChunk(std::move(c));
    absl::StatusOr<std::shared_ptr<GraphData>> data = b_.Finish(max_problems);
    if (!data.ok()) return nullptr;
    return *std::move(data);
  }

 private:
  // Release drops the pages of the mapped file before `upto`, which the
  // caller has read, 8 MiB at a time; `released` is where its last drop
  // ended (0 before the first call). Never for memory the loader does not
  // own.
  void Release(uintptr_t& released, const uint8_t* upto) const {
    if (!mapped_) return;
    const auto hi = reinterpret_cast<uintptr_t>(upto) & ~uintptr_t{4095};
    if (released == 0) {
      released = hi;
    } else if (hi > released + (uintptr_t{8} << 20)) {
      madvise(reinterpret_cast<void*>(released), hi - released, MADV_DONTNEED);
      released = hi;
    }
  }

  bool AddSource(const v1::Source& s) {
    if (s.id().empty() || s.cites_size() > 0 || !NoUnknownFields(s) ||
        !v1::Reliability_IsValid(s.reliability()) ||
        !PartialDate::FromProto(s.published()).ok() ||
        sources_.contains(s.id()) || sources_.size() >= 255) {
      return false;
    }
    const uint8_t index = b_.AddEvidenceSource(s.id());
    sources_.emplace(s.id(), index);
    if (first_sources_.size() < kFewSources) first_sources_.emplace_back(s.id(), index);
    b_.AddSource(s);
    return true;
  }

  bool Evidence(const WireEvidence& e, uint8_t& source, uint32_t& line) const {
    // Streams name a source or two: a scan beats hashing the id.
    if (sources_.size() <= kFewSources) {
      auto it = std::find_if(first_sources_.begin(), first_sources_.end(),
                             [&](const auto& s) { return s.first == e.source_id; });
      if (it == first_sources_.end()) return false;
      source = it->second;
    } else {
      auto it = sources_.find(e.source_id);
      if (it == sources_.end()) return false;
      source = it->second;
    }
    return CanonicalNumber(e.locator, line);
  }

  bool AddActor(const WireActor& a, uint32_t node, uint32_t position) {
    uint8_t source;
    uint32_t line;
    if (a.id.empty() || a.name.empty() || a.kind == 0 ||
        !v1::ActorKind_IsValid(a.kind) ||
        !Evidence(a.evidence, source, line)) {
      return false;
    }
    if (a.kind == v1::ACTOR_KIND_STATE &&
        (a.id.size() != 3 ||
         !std::all_of(a.id.begin(), a.id.end(), absl::ascii_isupper))) {
      return false;
    }
    b_.SetActor(node, a.id, a.name, a.country,
                static_cast<v1::ActorKind>(a.kind), file_, source, line,
                position);
    return true;
  }

  // An edge record's id must be kCompactIdPrefix + its evidence locator.
  static bool IdIsLine(absl::string_view id, uint32_t line) {
    uint32_t n;
    return absl::StartsWith(id, kCompactIdPrefix) &&
           CanonicalNumber(id.substr(kCompactIdPrefix.size()), n) && n == line;
  }

  // One edge record read and checked, waiting for its ends to be looked
  // up (in batches, with the index slots prefetched).
  struct Pending {
    CompactKind kind;
    EdgeKind edge_kind;
    v1::ItemCategory item;
    v1::Status status;
    double share;
    int year;
    uint8_t source;
    uint32_t line, position;
    absl::string_view from, to, program;  // Into the mapped file.
    uint64_t from_hash, to_hash;
  };

  // `reserve`: bytes of records the chunk should have room for (the first
  // chunk's columns become the graph's, so it reserves for all of them).
  bool Edges(const uint8_t* p, const uint8_t* end, uint32_t position,
             ColumnarBuilder::EdgeChunk& chunk, size_t reserve) {
    WireEdge wire;
    chunk.Reserve(reserve / 64);
    constexpr size_t kBatch = 16;
    Pending batch[kBatch];
    size_t pending = 0;
    auto flush = [&] {
      for (size_t i = 0; i < pending; ++i) {
        const Pending& e = batch[i];
        const std::optional<uint32_t> from = b_.FindHashed(e.from, e.from_hash);
        const std::optional<uint32_t> to = b_.FindHashed(e.to, e.to_hash);
        if (!from || !to || *from == *to) return false;
        ColumnarBuilder::AddEdge(chunk, e.kind, e.edge_kind, *from, *to,
                                 e.item, e.status, e.share, e.year, e.program,
                                 file_, e.source, e.line, e.position);
      }
      pending = 0;
      return true;
    };
    uintptr_t released = 0;
    while (p < end) {
      uint64_t body_len;
      int field;
      const uint8_t* body;
      if (!NextRecord(p, end, field, body, body_len)) return false;
      Pending& e = batch[pending];
      if (!Check(field, body, body + body_len, wire, e)) return false;
      e.position = position;
      e.from_hash = IdIndex::Hash(e.from);
      e.to_hash = IdIndex::Hash(e.to);
      b_.Prefetch(e.from_hash);
      b_.Prefetch(e.to_hash);
      if (++pending == kBatch && !flush()) return false;
      ++position;
      Release(released, p);
    }
    return flush();
  }

  // Reads one edge record into `e`; false unless it has a compact shape.
  bool Check(int field, const uint8_t* body, const uint8_t* end, WireEdge& x,
             Pending& e) const {
    switch (field) {
      case v1::Record::kRelation: {
        if (!ReadWireRelation(body, end, x) || x.kind == 0 ||
            !v1::RelationKind_IsValid(x.kind) ||
            !Evidence(x.evidence, e.source, e.line) || !IdIsLine(x.id, e.line)) {
          return false;
        }
        const auto kind = static_cast<v1::RelationKind>(x.kind);
        e.edge_kind = EdgeKindFor(kind);
        if (RelationKindOf(e.edge_kind) != kind) return false;
        e.share = x.share;
        e.year = x.year;
        e.kind = CompactKind::kRelation;
        e.item = v1::ITEM_UNSPECIFIED;
        break;
      }
      case v1::Record::kTransfer: {
        if (!ReadWireTransfer(body, end, x) ||
            !Evidence(x.evidence, e.source, e.line) || !IdIsLine(x.id, e.line)) {
          return false;
        }
        e.year = x.year;
        e.kind = CompactKind::kTransfer;
        e.edge_kind = EdgeKind::kTransfer;
        e.item = static_cast<v1::ItemCategory>(x.item);
        e.share = 0;
        break;
      }
      case v1::Record::kSanction: {
        if (!ReadWireSanction(body, end, x) ||
            !Evidence(x.evidence, e.source, e.line) || !IdIsLine(x.id, e.line)) {
          return false;
        }
        e.kind = CompactKind::kSanction;
        e.edge_kind = EdgeKind::kSanction;
        e.item = v1::ITEM_UNSPECIFIED;
        e.share = 0;
        e.year = x.year;
        break;
      }
      default:
        return false;
    }
    e.status = static_cast<v1::Status>(x.status);
    e.from = x.from;
    e.to = x.to;
    e.program = x.program;
    return CompactEdgeFits(e.kind, e.edge_kind, e.item, e.status, e.share);
  }

  const std::string& path_;
  const uint8_t* data_;
  size_t size_;
  bool mapped_;
  ColumnarBuilder b_;
  uint8_t file_ = 0;
  absl::flat_hash_map<std::string, uint8_t> sources_;
  static constexpr size_t kFewSources = 4;
  std::vector<std::pair<std::string, uint8_t>> first_sources_;
  uint64_t records_ = 0;
};

}  // namespace

absl::StatusOr<std::shared_ptr<GraphData>> LoadCompactStream(
    const std::string& path, const ValidateOptions& options) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return nullptr;  // The general path reports the error.
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0 ||
      static_cast<uint64_t>(st.st_size) > (uint64_t{1} << 34)) {
    close(fd);
    return nullptr;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return nullptr;
  madvise(map, size, MADV_SEQUENTIAL);
  CompactStreamLoader loader(path, static_cast<const uint8_t*>(map), size,
                            /*mapped=*/true);
  std::shared_ptr<GraphData> data = loader.Run(options.max_problems);
  munmap(map, size);
  return data;
}

std::shared_ptr<GraphData> LoadCompactStreamBytes(const std::string& path,
                                                  const uint8_t* data,
                                                  size_t size,
                                                  size_t max_problems) {
  if (size == 0) return nullptr;
  CompactStreamLoader loader(path, data, size, /*mapped=*/false);
  return loader.Run(max_problems);
}

}  // namespace embargo::internal
