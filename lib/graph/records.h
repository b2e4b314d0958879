// Records as the graph keeps them: where each came from and the relation
// kind behind an edge kind. GraphData::DecodeRecord re-creates them.
#ifndef EMBARGO_GRAPH_RECORDS_H_
#define EMBARGO_GRAPH_RECORDS_H_

#include <cstdint>
#include <string>

#include "embargo/kinds.h"
#include "embargo/v1/records.pb.h"
#include "lib/graph/graph_data.h"

namespace embargo::internal {

// RelationKindOf is the relation kind of an edge kind
// (RELATION_KIND_UNSPECIFIED for edges that come from no relation).
v1::RelationKind RelationKindOf(EdgeKind kind);

// RecordFile is the index into GraphData::files of a record's file.
uint32_t RecordFile(const GraphData& d, uint32_t record);
// RecordLabel names a record within its file: "line 12" (CSV), "record 9"
// (streams), "transfers[3]" (datasets).
std::string RecordLabel(const GraphData& d, uint32_t record);

}  // namespace embargo::internal

#endif  // EMBARGO_GRAPH_RECORDS_H_
