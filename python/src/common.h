// Shared pieces of the Python module: status-to-exception translation, the
// Python-side node handle, argument conversion (node references, dates, kind
// lists, filters) and record-to-dict conversion.
//
//   embargo::Graph graph = ...;
//   embargo::python::ThrowIfError(status, embargo::python::NotFoundAs::kKey);
//   embargo::NodeId n = embargo::python::ToNode(graph, py_object);
//   py::dict d = embargo::python::RecordToDict(graph.EdgeRecord(edge));
//
// Thread safety: everything here runs with the GIL held, except the C++
// query calls themselves, which the bindings wrap in gil_scoped_release.

#ifndef EMBARGO_PYTHON_SRC_COMMON_H_
#define EMBARGO_PYTHON_SRC_COMMON_H_

#include <pybind11/pybind11.h>
#include <pybind11/eval.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/ids.h"
#include "embargo/kinds.h"
#include "embargo/query.h"
#include "google/protobuf/message.h"

namespace embargo::python {

namespace py = pybind11;

// NotFoundAs says which Python exception a NotFound status becomes: a
// missing file (FileNotFoundError) or a missing id (KeyError).
enum class NotFoundAs { kFile, kKey };

// RegisterExceptions creates embargo.Error and its subclasses in `m`.
void RegisterExceptions(py::module_& m);

// ThrowIfError raises the Python exception for a non-OK status (see the
// module docstring for the mapping); the message is the status message.
void ThrowIfError(const absl::Status& status,
                  NotFoundAs not_found = NotFoundAs::kKey);

// Value returns the value of an OK StatusOr, or raises.
template <typename T>
T Value(absl::StatusOr<T> result, NotFoundAs not_found = NotFoundAs::kKey) {
  ThrowIfError(result.status(), not_found);
  return *std::move(result);
}

// PyNode is a node of a graph as Python sees it: a handle that keeps the
// graph alive.
struct PyNode {
  Graph graph;
  NodeId id;
};

// ToNode accepts a Node, an id or a unique name (Graph::Resolve) and
// returns the node. Unknown: KeyError; ambiguous name: AmbiguousNameError.
NodeId ToNode(const Graph& graph, const py::handle& ref);

// ToDate accepts None, "YYYY[-MM[-DD]]", an int year, or a datetime.date.
PartialDate ToDate(const py::handle& value);

// DayToPy turns a day number into a datetime.date (None for an open end).
py::object DayToPy(int32_t day);

// ToEdgeKinds / ToItems / ToNodeKinds accept None (all), one name, a
// comma-separated string of names, or an iterable of names.
EdgeKindSet ToEdgeKinds(const py::handle& value);
ItemSet ToItems(const py::handle& value);
NodeKindSet ToNodeKinds(const py::handle& value);
// ToStatus accepts None (the default, alleged) or a status name.
v1::Status ToStatus(const py::handle& value,
                    v1::Status if_none = v1::STATUS_ALLEGED);
// ToStrings accepts None (empty), one string or an iterable of strings.
std::vector<std::string> ToStrings(const py::handle& value);

// PyFilter is embargo.Filter: a Filter built once from keywords.
struct PyFilter {
  Filter filter;
};

// FilterKeywords are the filter keywords every query accepts.
struct FilterKeywords {
  py::object filter = py::none();  // An embargo.Filter, or None.
  py::object kinds = py::none();
  py::object items = py::none();
  py::object since = py::none();
  py::object until = py::none();
  py::object min_status = py::none();
  py::object direction = py::none();
  py::object node_kinds = py::none();
  py::object date_match = py::none();
  py::object chronological = py::none();
  py::object max_gap_days = py::none();
  py::object country = py::none();  // ISO 3166-1 alpha-3 code.
};

// MakeFilter builds a Filter: the `filter` keyword's, with any other
// keyword given overriding its field.
Filter MakeFilter(const FilterKeywords& k);

// MakeLimits builds Limits; max_results None means no cap (whatever
// `default_max_results` says: the keyword's default is the cap), max_work
// and timeout None leave the library's defaults.
Limits MakeLimits(const py::object& max_results, const py::object& max_work,
                  const py::object& timeout, size_t default_max_results);

// MessageToDict converts a protobuf message to a dict (proto3 JSON with the
// proto field names: enums as their names, 64-bit integers as strings).
py::dict MessageToDict(const google::protobuf::Message& message);

// RecordToDict converts a Record to {"kind": "transfer", ...fields}.
py::dict RecordToDict(const v1::Record& record);

// NodeDict is {"id", "name", "kind", "country"} of a node.
py::dict NodeDict(const Graph& graph, NodeId node);

// Binding functions, one per file.
void BindGraph(py::module_& m);
void BindQueries(py::module_& m);
void BindSanctions(py::module_& m);
void BindImport(py::module_& m);
void BindExport(py::module_& m);
void BindSearch(py::module_& m);
void BindLinks(py::module_& m);

}  // namespace embargo::python

#endif  // EMBARGO_PYTHON_SRC_COMMON_H_
