// Neo4j-style CSV importer. See embargo/import/neo4j_csv.h.
//
// Both entry points share one row driver (ReadNeo4jCsvRows in
// neo4j_csv_rows.h): a header decides which column is which; each line is
// split on commas (a quote-aware split only for lines with a quote) and
// checked into a NodeRow or an EdgeRow, or rejected with its line, column
// and reason. The rows then go to one of the two sinks here: proto records
// (RecordSink, for ImportNeo4jCsv) or columns of compact records
// (ColumnSink, for LoadNeo4jCsvGraph, through internal::ColumnarBuilder).
// The relationship file is cut in two at a line boundary and the halves
// parsed on two threads, each into its own chunk; the chunks are joined in
// file order.

#include "embargo/import/neo4j_csv.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "embargo/date.h"
#include "embargo/kinds.h"
#include "lib/graph/columnar_builder.h"
#include "lib/graph/graph_data.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/neo4j_csv_rows.h"

namespace embargo {
namespace {

using internal::ColumnarBuilder;
using internal::CompactKind;
using neo4j_internal::EdgePart;
using neo4j_internal::EdgeRow;
using neo4j_internal::Input;
using neo4j_internal::NodeRow;
using neo4j_internal::Range;
using neo4j_internal::Reject;

// RecordSink writes the rows as proto records into a Dataset.
class RecordSink {
 public:
  RecordSink(const Input& in, v1::Dataset& ds)
      : in_(in),
        ds_(ds),
        node_source_(ds.sources(0).id()),
        edge_source_(ds.sources(1).id()) {}

  void ReserveNodes(size_t lines) {
    ds_.mutable_actors()->Reserve(static_cast<int>(lines));
  }

  bool AddNode(const NodeRow& row, int64_t line, Reject& reject) {
    v1::Actor* a = ds_.add_actors();
    a->set_id(std::string(row.id));
    // `seen` keys point into the actors, which stay put (reserved).
    auto [it, added] = seen_.emplace(a->id(), line);
    if (!added) {
      reject = {line, in_.node_header.id + 1,
                absl::StrCat("duplicate node id \"", row.id,
                             "\" (first on line ", it->second, ")")};
      ds_.mutable_actors()->RemoveLast();
      return false;
    }
    a->set_kind(row.kind);
    a->set_name(std::string(row.name));
    a->set_country(std::string(row.country));
    v1::Evidence* ev = a->add_evidence();
    ev->set_source_id(node_source_);
    ev->set_locator(absl::StrCat(line));
    return true;
  }

  // A country must be a State node of the file. One that is not is kept in
  // the actor's note, not as a dangling reference, and reported.
  void SealNodes(std::vector<Reject>&) {
    absl::flat_hash_set<absl::string_view> states;
    for (const v1::Actor& a : ds_.actors()) {
      if (a.kind() == v1::ACTOR_KIND_STATE) states.insert(a.id());
    }
    int64_t cleared = 0;
    std::string first;
    for (v1::Actor& a : *ds_.mutable_actors()) {
      if (a.country().empty() || states.contains(a.country())) continue;
      if (cleared++ == 0) first = absl::StrCat(a.id(), " (", a.country(), ")");
      a.set_note(absl::StrCat("country \"", a.country(),
                              "\" in the file is not a State node of it"));
      a.clear_country();
    }
    if (cleared > 0) {
      notes_.push_back(absl::StrCat(
          cleared, " node(s) name a country that is not a State node of ",
          in_.nodes_path, "; the value is kept in the actor's note (first: ",
          first, ")"));
    }
  }

  using Chunk = v1::Dataset;
  Chunk NewChunk(const Range&, size_t) { return Chunk(); }

  void AddEdge(Chunk& out, const EdgeRow& row, int64_t line, bool,
               EdgePart& part) {
    if (!seen_.contains(row.start)) {
      part.rejected.push_back(
          {line, in_.edge_header.start + 1,
           absl::StrCat("unknown start node \"", row.start, "\"")});
      return;
    }
    if (!seen_.contains(row.end)) {
      part.rejected.push_back(
          {line, in_.edge_header.end + 1,
           absl::StrCat("unknown end node \"", row.end, "\"")});
      return;
    }
    const std::string id = absl::StrCat(internal::kCompactIdPrefix, line);
    v1::Evidence ev;
    ev.set_source_id(edge_source_);
    ev.set_locator(absl::StrCat(line));
    switch (row.type->record) {
      case CompactKind::kRelation: {
        v1::Relation* r = out.add_relations();
        r->set_id(id);
        r->set_kind(row.type->relation);
        r->set_subject_id(std::string(row.start));
        r->set_object_id(std::string(row.end));
        r->set_share_percent(row.share);
        if (row.period_start.known()) {
          *r->mutable_period()->mutable_start() = row.period_start.ToProto();
        } else if (row.year != 0) {
          r->mutable_period()->mutable_start()->set_year(row.year);
        }
        if (row.period_end.known()) {
          *r->mutable_period()->mutable_end() = row.period_end.ToProto();
        }
        r->set_status(row.status);
        *r->add_evidence() = std::move(ev);
        break;
      }
      case CompactKind::kTransfer: {
        v1::Transfer* t = out.add_transfers();
        t->set_id(id);
        t->set_supplier_id(std::string(row.start));
        t->set_recipient_id(std::string(row.end));
        t->set_item(row.item);
        if (row.year != 0) {
          t->mutable_delivered()->mutable_start()->set_year(row.year);
          t->mutable_delivered()->mutable_end()->set_year(row.year);
        }
        t->set_status(row.status);
        *t->add_evidence() = std::move(ev);
        break;
      }
      case CompactKind::kSanction: {
        v1::Sanction* s = out.add_sanctions();
        s->set_id(id);
        s->set_authority_id(std::string(row.start));
        s->set_target_id(std::string(row.end));
        s->set_program(std::string(row.program));
        s->add_measures(v1::MEASURE_ASSET_FREEZE);
        s->mutable_listed()->set_year(row.year);
        s->set_status(row.status);
        *s->add_evidence() = std::move(ev);
        break;
      }
      case CompactKind::kActor:
        return;
    }
    ++part.imported;
  }

  void FlushChunk(Chunk&, EdgePart&) {}

  void AddChunk(Chunk&& chunk, EdgePart&) {
    auto move_all = [](auto* from, auto* to) {
      const int n = from->size();
      to->Reserve(to->size() + n);
      using Ptr = decltype(from->Mutable(0));
      std::vector<Ptr> ptrs(static_cast<size_t>(n));
      from->ExtractSubrange(0, n, ptrs.data());
      for (Ptr p : ptrs) to->AddAllocated(p);
    };
    move_all(chunk.mutable_transfers(), ds_.mutable_transfers());
    move_all(chunk.mutable_sanctions(), ds_.mutable_sanctions());
    move_all(chunk.mutable_relations(), ds_.mutable_relations());
  }

  std::vector<std::string>& notes() { return notes_; }

 private:
  const Input& in_;
  v1::Dataset& ds_;
  const std::string node_source_, edge_source_;
  absl::flat_hash_map<absl::string_view, int64_t> seen_;
  std::vector<std::string> notes_;
};

// Shares of one asset may not sum to over 100 at any one time: a relation
// whose stake, with the kept stakes whose periods overlap it, would go over
// is rejected, in file order, with that sum. (A row without a period holds
// from its year on, or always.)
void RejectOwnershipOver100(const Input& in, v1::Dataset& ds,
                            ImportReport& report) {
  struct Stake {
    DayRange days;
    double share;
  };
  absl::flat_hash_map<std::string, std::vector<Stake>> owned;
  auto* rels = ds.mutable_relations();
  int kept = 0;
  for (int i = 0; i < rels->size(); ++i) {
    const v1::Relation& r = rels->Get(i);
    bool keep = true;
    if (r.kind() == v1::RELATION_KIND_OWNERSHIP) {
      std::vector<Stake>& stakes = owned[r.object_id()];
      const DayRange days = SpanOf(r.period());
      double sum = 0;
      for (const Stake& k : stakes) {
        if (k.days.Overlaps(days)) sum += k.share;
      }
      if (sum + r.share_percent() > 100.0 + 1e-9) {
        int64_t line = 0;
        absl::SimpleAtoi(r.evidence(0).locator(), &line);
        report.rejected.push_back(
            {in.edges_path, line, in.edge_header.share + 1,
             absl::StrCat("share ", r.share_percent(), " of \"", r.object_id(),
                          "\" would bring its owners' shares to ",
                          sum + r.share_percent(), " (over 100)")});
        --report.rows_imported;
        keep = false;
      } else {
        stakes.push_back({days, r.share_percent()});
      }
    }
    if (keep) {
      if (kept != i) rels->SwapElements(kept, i);
      ++kept;
    }
  }
  while (rels->size() > kept) rels->RemoveLast();
}

// ColumnSink writes the rows as columns of compact records.
class ColumnSink {
 public:
  ColumnSink(const Input& in, ColumnarBuilder& b, uint8_t node_file,
             uint8_t edge_file, uint8_t node_evidence, uint8_t edge_evidence)
      : in_(in),
        b_(b),
        node_file_(node_file),
        edge_file_(edge_file),
        node_evidence_(node_evidence),
        edge_evidence_(edge_evidence) {}

  void ReserveNodes(size_t lines) { b_.ReserveNodes(lines); }

  bool AddNode(const NodeRow& row, int64_t line, Reject&) {
    b_.AddActor(row.id, row.name, row.country, row.kind, node_file_,
                node_evidence_, static_cast<uint32_t>(line),
                static_cast<uint32_t>(line));
    return true;
  }

  void SealNodes(std::vector<Reject>& rejects) {
    for (const internal::CompactRecord& c : b_.SealNodes()) {
      rejects.push_back({c.line, in_.node_header.id + 1,
                         "duplicate node id (the first row with it is kept)"});
    }
  }

  // Rows wait in a small batch so that their ids' index slots can be
  // prefetched: the lookups then rarely wait on memory.
  struct Chunk {
    struct Pending {
      EdgeRow row;
      int64_t line;
      uint64_t start_hash, end_hash;
    };
    static constexpr size_t kBatch = 16;
    ColumnarBuilder::EdgeChunk columns;
    Pending batch[kBatch];
    size_t pending = 0;
  };

  Chunk NewChunk(const Range& range, size_t index) {
    Chunk c;
    // About 37 bytes a line in typical files; reserving avoids regrowth.
    // The first chunk's columns become the graph's (ColumnarBuilder::
    // Finish), so it reserves room for every line.
    c.columns.Reserve((index == 0 ? in_.edges_text.size() - in_.edges_body
                                  : range.end - range.begin) /
                      32);
    return c;
  }

  void AddEdge(Chunk& c, const EdgeRow& row, int64_t line, bool quoted,
               EdgePart& part) {
    Chunk::Pending& p = c.batch[c.pending];
    p.row = row;
    p.line = line;
    p.start_hash = internal::IdIndex::Hash(row.start);
    p.end_hash = internal::IdIndex::Hash(row.end);
    if (quoted) {
      // Quoted fields live in the driver's scratch only until the next
      // line: resolve this row now.
      FlushChunk(c, part);
      Resolve(c, p, part);
      return;
    }
    b_.Prefetch(p.start_hash);
    b_.Prefetch(p.end_hash);
    if (++c.pending == Chunk::kBatch) FlushChunk(c, part);
  }

  void FlushChunk(Chunk& c, EdgePart& part) {
    // A quoted row was written to batch[pending]; resolve the ones before.
    const size_t n = c.pending;
    c.pending = 0;
    for (size_t i = 0; i < n; ++i) Resolve(c, c.batch[i], part);
  }

  void AddChunk(Chunk&& c, EdgePart&) {
    for (const internal::CompactRecord& r : c.columns.records) {
      ++counts_[static_cast<int>(r.kind)];
    }
    b_.AddChunk(std::move(c.columns));
  }

  int64_t count(CompactKind kind) const {
    return counts_[static_cast<int>(kind)];
  }

 private:
  void Resolve(Chunk& c, const Chunk::Pending& p, EdgePart& part) {
    const std::optional<uint32_t> from =
        b_.FindHashed(p.row.start, p.start_hash);
    if (!from) {
      part.rejected.push_back(
          {p.line, in_.edge_header.start + 1,
           absl::StrCat("unknown start node \"", p.row.start, "\"")});
      return;
    }
    const std::optional<uint32_t> to = b_.FindHashed(p.row.end, p.end_hash);
    if (!to) {
      part.rejected.push_back(
          {p.line, in_.edge_header.end + 1,
           absl::StrCat("unknown end node \"", p.row.end, "\"")});
      return;
    }
    const EdgeRow& row = p.row;
    ColumnarBuilder::AddEdge(c.columns, row.type->record, row.type->edge,
                             *from, *to, row.item, row.status, row.share,
                             row.year, row.program, edge_file_, edge_evidence_,
                             static_cast<uint32_t>(p.line),
                             static_cast<uint32_t>(p.line));
    ++part.imported;
  }

  const Input& in_;
  ColumnarBuilder& b_;
  const uint8_t node_file_, edge_file_, node_evidence_, edge_evidence_;
  int64_t counts_[4] = {0, 0, 0, 0};
};

}  // namespace

absl::StatusOr<ImportResult> ImportNeo4jCsv(const std::string& nodes_path,
                                            const std::string& edges_path,
                                            const Neo4jCsvOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::unique_ptr<Input> in,
                           neo4j_internal::Open(nodes_path, edges_path, options));
  ImportResult result;
  v1::Dataset& ds = result.dataset;
  ds.set_name("neo4j-csv");
  ds.set_description(absl::StrCat("Imported from ", nodes_path, " and ",
                                  edges_path));
  *ds.add_sources() = neo4j_internal::SourceFor(nodes_path);
  *ds.add_sources() = neo4j_internal::SourceFor(edges_path);
  RecordSink sink(*in, ds);
  neo4j_internal::ReadNeo4jCsvRows(*in, options, sink);
  ImportReport& report = in->report;
  for (std::string& note : sink.notes()) report.notes.push_back(std::move(note));
  RejectOwnershipOver100(*in, ds, report);
  report.records["actor"] = ds.actors_size();
  report.records["source"] = ds.sources_size();
  report.records["transfer"] = ds.transfers_size();
  report.records["sanction"] = ds.sanctions_size();
  report.records["relation"] = ds.relations_size();
  result.report = std::move(report);
  return result;
}

absl::StatusOr<Neo4jCsvGraph> LoadNeo4jCsvGraph(
    const std::string& nodes_path, const std::string& edges_path,
    const Neo4jCsvOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::unique_ptr<Input> in,
                           neo4j_internal::Open(nodes_path, edges_path, options));
  ColumnarBuilder b;
  const v1::Source node_source = neo4j_internal::SourceFor(nodes_path);
  const v1::Source edge_source = neo4j_internal::SourceFor(edges_path);
  const uint8_t node_file =
      b.AddFile(nodes_path, ColumnarBuilder::FileForm::kCsv);
  const uint8_t edge_file =
      b.AddFile(edges_path, ColumnarBuilder::FileForm::kCsv);
  const uint8_t node_evidence = b.AddEvidenceSource(node_source.id());
  const uint8_t edge_evidence = b.AddEvidenceSource(edge_source.id());
  b.AddSource(node_source);
  b.AddSource(edge_source);
  ColumnSink sink(*in, b, node_file, edge_file, node_evidence, edge_evidence);
  neo4j_internal::ReadNeo4jCsvRows(*in, options, sink);
  ImportReport& report = in->report;
  const int64_t relations = sink.count(CompactKind::kRelation);
  const int64_t transfers = sink.count(CompactKind::kTransfer);
  const int64_t sanctions = sink.count(CompactKind::kSanction);
  report.records["source"] = 2;
  report.records["actor"] =
      report.rows_imported - relations - transfers - sanctions;
  report.records["relation"] = relations;
  report.records["transfer"] = transfers;
  report.records["sanction"] = sanctions;
  EMBARGO_ASSIGN_OR_RETURN(std::shared_ptr<internal::GraphData> data,
                           b.Finish());
  return Neo4jCsvGraph{internal::WrapGraph(std::move(data)), std::move(report)};
}

}  // namespace embargo
