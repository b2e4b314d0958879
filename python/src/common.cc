#include "python/src/common.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "embargo/country_links.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"

namespace embargo::python {
namespace {

// The exception classes, defined in Python so that they can combine
// embargo.Error with the built-in family each belongs to.
constexpr char kExceptionSource[] = R"py(
class Error(Exception):
    """Base of the errors embargo raises.

    ``code`` is the canonical status code of the C++ error ("NOT_FOUND",
    "INVALID_ARGUMENT", ...); the message is the C++ status message, which
    names the file, record and field at fault.
    """
    code = "UNKNOWN"


class NotFoundError(Error, KeyError):
    """An id or name that names nothing in the graph (a KeyError)."""
    def __str__(self):
        return str(self.args[0]) if self.args else ""


class AmbiguousNameError(NotFoundError):
    """A name that matches several nodes; the message lists them."""


class MissingFileError(Error, FileNotFoundError):
    """A file that does not exist (a FileNotFoundError)."""


class PermissionDeniedError(Error, PermissionError):
    """A file that cannot be read (a PermissionError)."""


class InvalidArgumentError(Error, ValueError):
    """A bad argument or bad input: syntax, validation (a ValueError)."""


class DataError(InvalidArgumentError):
    """Truncated or corrupt data (a ValueError)."""


class FailedPreconditionError(Error, ValueError):
    """A request the data cannot answer as asked (a ValueError)."""


class ResourceExhaustedError(Error, RuntimeError):
    """A query that ran out of its work or result limits."""


class DeadlineExceededError(Error, TimeoutError):
    """A query that ran out of time (a TimeoutError)."""


class UnimplementedError(Error, NotImplementedError):
    """A feature this build does not have."""


class InternalError(Error, RuntimeError):
    """Anything else: a bug in embargo, please report it."""
)py";

struct Exceptions {
  py::object not_found, ambiguous, missing_file, permission, invalid, data,
      precondition, exhausted, deadline, unimplemented, internal;
};

Exceptions* exceptions = nullptr;  // Lives as long as the process.

py::object TypeFor(const absl::Status& status, NotFoundAs not_found) {
  const Exceptions& e = *exceptions;
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
      return not_found == NotFoundAs::kFile ? e.missing_file : e.not_found;
    case absl::StatusCode::kPermissionDenied:
      return e.permission;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kAlreadyExists:
      return e.invalid;
    case absl::StatusCode::kDataLoss:
      return e.data;
    case absl::StatusCode::kFailedPrecondition:
      return e.precondition;
    case absl::StatusCode::kResourceExhausted:
      return e.exhausted;
    case absl::StatusCode::kDeadlineExceeded:
      return e.deadline;
    case absl::StatusCode::kUnimplemented:
      return e.unimplemented;
    default:
      return e.internal;
  }
}

[[noreturn]] void Raise(const py::object& type, const absl::Status& status) {
  py::object exc = type(py::str(std::string(status.message())));
  exc.attr("code") = py::str(absl::StatusCodeToString(status.code()));
  PyErr_SetObject(type.ptr(), exc.ptr());
  throw py::error_already_set();
}

[[noreturn]] void RaiseInvalid(const std::string& message) {
  Raise(exceptions->invalid, absl::InvalidArgumentError(message));
}

// Names gathers one name, a comma-separated string, or an iterable of names
// into one comma-separated string for the Parse*s functions.
std::string Names(const py::handle& value, const char* what) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (!py::isinstance<py::iterable>(value)) {
    RaiseInvalid(absl::StrCat(what, ": expected a name, a comma-separated "
                              "string or an iterable of names, got ",
                              std::string(py::str(value.get_type()))));
  }
  std::vector<std::string> names;
  for (py::handle item : value) {
    if (!py::isinstance<py::str>(item)) {
      RaiseInvalid(absl::StrCat(what, ": expected names (str), got ",
                                std::string(py::repr(item))));
    }
    names.push_back(item.cast<std::string>());
  }
  return absl::StrJoin(names, ",");
}

// NameTable maps the exact stable names of an enum to its values: the
// fast path for the names queries take on every call. Anything it does not
// know (other case, spaces, unknown names) goes through the library's
// Parse functions, which also word the errors.
template <typename E>
using NameTable = absl::flat_hash_map<std::string, E>;

const NameTable<EdgeKind>& EdgeKindNames() {
  static const auto* table = [] {
    auto* t = new NameTable<EdgeKind>;
    for (int k = 0; k < kNumEdgeKinds; ++k) {
      (*t)[std::string(EdgeKindName(static_cast<EdgeKind>(k)))] =
          static_cast<EdgeKind>(k);
    }
    return t;
  }();
  return *table;
}

const NameTable<NodeKind>& NodeKindNames() {
  static const auto* table = [] {
    auto* t = new NameTable<NodeKind>;
    for (int k = 0; k < kNumNodeKinds; ++k) {
      (*t)[std::string(NodeKindName(static_cast<NodeKind>(k)))] =
          static_cast<NodeKind>(k);
    }
    return t;
  }();
  return *table;
}

const NameTable<v1::ItemCategory>& ItemNames() {
  static const auto* table = [] {
    auto* t = new NameTable<v1::ItemCategory>;
    const auto* d = v1::ItemCategory_descriptor();
    for (int i = 0; i < d->value_count(); ++i) {
      const auto item = static_cast<v1::ItemCategory>(d->value(i)->number());
      if (item != v1::ITEM_UNSPECIFIED) (*t)[ItemName(item)] = item;
    }
    return t;
  }();
  return *table;
}

// FastNames adds the values of a str (one name or comma-separated names),
// list or tuple of exact names to `out`; false when anything is not an exact
// name, leaving the slow path to decide.
template <typename Set, typename E>
bool FastNames(const py::handle& value, const NameTable<E>& table, Set& out) {
  Set set;
  auto add = [&](absl::string_view name) {
    auto it = table.find(name);
    if (it == table.end()) return false;
    set.Add(it->second);
    return true;
  };
  auto add_str = [&](PyObject* str) {
    if (!PyUnicode_Check(str)) return false;
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(str, &size);
    if (data == nullptr) {
      PyErr_Clear();
      return false;
    }
    absl::string_view rest(data, static_cast<size_t>(size));
    if (rest.empty()) return false;
    while (true) {
      const size_t comma = rest.find(',');
      if (!add(rest.substr(0, comma))) return false;
      if (comma == absl::string_view::npos) return true;
      rest.remove_prefix(comma + 1);
    }
  };
  PyObject* obj = value.ptr();
  if (PyUnicode_Check(obj)) {
    if (!add_str(obj)) return false;
  } else if (PyList_Check(obj) || PyTuple_Check(obj)) {
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(obj);
    if (n == 0) return false;
    PyObject** items = PySequence_Fast_ITEMS(obj);
    for (Py_ssize_t i = 0; i < n; ++i) {
      if (!add_str(items[i])) return false;
    }
  } else {
    return false;
  }
  out = set;
  return true;
}

}  // namespace

void RegisterExceptions(py::module_& m) {
  py::dict scope;
  scope["__builtins__"] = py::module_::import("builtins");
  scope["__name__"] = py::str("embargo");
  py::exec(kExceptionSource, scope);
  const char* names[] = {"Error",
                         "NotFoundError",
                         "AmbiguousNameError",
                         "MissingFileError",
                         "PermissionDeniedError",
                         "InvalidArgumentError",
                         "DataError",
                         "FailedPreconditionError",
                         "ResourceExhaustedError",
                         "DeadlineExceededError",
                         "UnimplementedError",
                         "InternalError"};
  for (const char* name : names) m.attr(name) = scope[name];
  exceptions = new Exceptions{scope["NotFoundError"],
                              scope["AmbiguousNameError"],
                              scope["MissingFileError"],
                              scope["PermissionDeniedError"],
                              scope["InvalidArgumentError"],
                              scope["DataError"],
                              scope["FailedPreconditionError"],
                              scope["ResourceExhaustedError"],
                              scope["DeadlineExceededError"],
                              scope["UnimplementedError"],
                              scope["InternalError"]};
}

void ThrowIfError(const absl::Status& status, NotFoundAs not_found) {
  if (status.ok()) return;
  Raise(TypeFor(status, not_found), status);
}

NodeId ToNode(const Graph& graph, const py::handle& ref) {
  if (py::isinstance<PyNode>(ref)) {
    const PyNode& node = ref.cast<const PyNode&>();
    if (&node.graph.data() != &graph.data()) {
      RaiseInvalid(absl::StrCat("node \"", node.graph.node_id(node.id),
                                "\" belongs to another graph"));
    }
    return node.id;
  }
  if (!py::isinstance<py::str>(ref)) {
    RaiseInvalid(absl::StrCat("expected a Node, an id or a name, got ",
                              std::string(py::repr(ref))));
  }
  const std::string text = ref.cast<std::string>();
  absl::StatusOr<NodeId> node = graph.Resolve(text);
  if (!node.ok() &&
      node.status().code() == absl::StatusCode::kFailedPrecondition) {
    Raise(exceptions->ambiguous, node.status());
  }
  return Value(std::move(node));
}

PartialDate ToDate(const py::handle& value) {
  if (value.is_none()) return PartialDate();
  if (py::isinstance<py::str>(value)) {
    return Value(PartialDate::Parse(value.cast<std::string>()));
  }
  if (py::isinstance<py::bool_>(value)) {
    RaiseInvalid("a date cannot be a bool");
  }
  if (py::isinstance<py::int_>(value)) {
    return Value(PartialDate::Create(value.cast<int>()));
  }
  if (py::hasattr(value, "year") && py::hasattr(value, "month") &&
      py::hasattr(value, "day")) {
    return Value(PartialDate::Create(value.attr("year").cast<int>(),
                                     value.attr("month").cast<int>(),
                                     value.attr("day").cast<int>()));
  }
  RaiseInvalid(absl::StrCat(
      "expected a date: \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\", a year or a "
      "datetime.date, got ",
      std::string(py::repr(value))));
}

py::object DayToPy(int32_t day) {
  if (day == kMinDay || day == kMaxDay) return py::none();
  static py::handle date_type = py::object(py::module_::import("datetime").attr("date")).release();
  const PartialDate d = PartialDate::FromDay(day);
  return date_type(d.year(), d.month(), d.day());
}

EdgeKindSet ToEdgeKinds(const py::handle& value) {
  if (value.is_none()) return DefaultEdgeKinds();
  EdgeKindSet fast;
  if (FastNames(value, EdgeKindNames(), fast)) return fast;
  return Value(ParseEdgeKinds(Names(value, "kinds")));
}

ItemSet ToItems(const py::handle& value) {
  if (value.is_none()) return AllItems();
  ItemSet fast;
  if (FastNames(value, ItemNames(), fast)) return fast;
  return Value(ParseItems(Names(value, "items")));
}

NodeKindSet ToNodeKinds(const py::handle& value) {
  if (value.is_none()) return AllNodeKinds();
  NodeKindSet fast;
  if (FastNames(value, NodeKindNames(), fast)) return fast;
  return Value(ParseNodeKinds(Names(value, "node_kinds")));
}

v1::Status ToStatus(const py::handle& value, v1::Status if_none) {
  if (value.is_none()) return if_none;
  if (!py::isinstance<py::str>(value)) {
    RaiseInvalid(absl::StrCat("expected a status name, got ",
                              std::string(py::repr(value))));
  }
  return Value(ParseStatus(value.cast<std::string>()));
}

std::vector<std::string> ToStrings(const py::handle& value) {
  std::vector<std::string> out;
  if (value.is_none()) return out;
  if (py::isinstance<py::str>(value)) {
    out.push_back(value.cast<std::string>());
    return out;
  }
  for (py::handle item : value) out.push_back(py::str(item).cast<std::string>());
  return out;
}

Filter MakeFilter(const FilterKeywords& k) {
  Filter f;
  if (!k.filter.is_none()) {
    if (!py::isinstance<PyFilter>(k.filter)) {
      RaiseInvalid(absl::StrCat("filter: expected an embargo.Filter, got ",
                                std::string(py::repr(k.filter))));
    }
    f = k.filter.cast<const PyFilter&>().filter;
  }
  if (!k.kinds.is_none()) f.edge_kinds = ToEdgeKinds(k.kinds);
  if (!k.items.is_none()) f.items = ToItems(k.items);
  if (!k.since.is_none()) f.from = ToDate(k.since);
  if (!k.until.is_none()) f.until = ToDate(k.until);
  if (!k.min_status.is_none()) f.min_status = ToStatus(k.min_status);
  if (!k.node_kinds.is_none()) f.node_kinds = ToNodeKinds(k.node_kinds);
  if (!k.country.is_none()) {
    if (!py::isinstance<py::str>(k.country)) {
      RaiseInvalid(absl::StrCat("country: expected an ISO 3166-1 alpha-3 code, got ",
                                std::string(py::repr(k.country))));
    }
    f.country = absl::AsciiStrToUpper(k.country.cast<std::string>());
    ThrowIfError(CheckCountryCode(f.country));
  }
  if (!k.direction.is_none()) {
    if (PyUnicode_Check(k.direction.ptr()) &&
        PyUnicode_CompareWithASCIIString(k.direction.ptr(), "either") == 0) {
      f.direction = Direction::kEither;
    } else {
      f.direction =
          Value(ParseDirection(py::str(k.direction).cast<std::string>()));
    }
  }
  if (!k.chronological.is_none()) f.chronological = k.chronological.cast<bool>();
  if (!k.max_gap_days.is_none()) {
    const int gap = k.max_gap_days.cast<int>();
    if (gap < 0) RaiseInvalid("max_gap_days must not be negative");
    f.max_gap_days = gap;
  }
  if (!k.date_match.is_none()) {
    const std::string m = py::str(k.date_match).cast<std::string>();
    if (m == "possible") {
      f.date_match = DateMatch::kPossible;
    } else if (m == "certain") {
      f.date_match = DateMatch::kCertain;
    } else {
      RaiseInvalid(absl::StrCat("date_match: \"", m,
                                "\" is not one of possible, certain"));
    }
  }
  return f;
}

Limits MakeLimits(const py::object& max_results, const py::object& max_work,
                  const py::object& timeout, size_t default_max_results) {
  Limits limits;
  (void)default_max_results;
  // None means no cap, as documented: the defaults live in the keyword
  // arguments (max_results=1000), never here.
  limits.max_results = std::numeric_limits<size_t>::max();
  if (!max_results.is_none()) {
    const int64_t n = max_results.cast<int64_t>();
    if (n < 0) RaiseInvalid("max_results must be >= 0");
    limits.max_results = static_cast<size_t>(n);
  }
  if (!max_work.is_none()) {
    const int64_t n = max_work.cast<int64_t>();
    if (n < 0) RaiseInvalid("max_work must be >= 0");
    limits.max_work = static_cast<uint64_t>(n);
  }
  if (!timeout.is_none()) {
    const double seconds = timeout.cast<double>();
    if (!(seconds >= 0)) RaiseInvalid("timeout must be >= 0 seconds");
    limits.timeout = std::isinf(seconds) ? absl::InfiniteDuration()
                                         : absl::Seconds(seconds);
  }
  return limits;
}

py::dict MessageToDict(const google::protobuf::Message& message) {
  static py::handle loads = py::object(py::module_::import("json").attr("loads")).release();
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    ThrowIfError(absl::InternalError(absl::StrCat(
        "cannot convert ", message.GetTypeName(), " to JSON: ",
        std::string(status.message()))));
  }
  return loads(json);
}

py::dict RecordToDict(const v1::Record& record) {
  const google::protobuf::Message* inner = nullptr;
  const char* kind = "";
  switch (record.record_case()) {
    case v1::Record::kSource:
      inner = &record.source(), kind = "source";
      break;
    case v1::Record::kActor:
      inner = &record.actor(), kind = "actor";
      break;
    case v1::Record::kEvent:
      inner = &record.event(), kind = "event";
      break;
    case v1::Record::kTransfer:
      inner = &record.transfer(), kind = "transfer";
      break;
    case v1::Record::kSanction:
      inner = &record.sanction(), kind = "sanction";
      break;
    case v1::Record::kRelation:
      inner = &record.relation(), kind = "relation";
      break;
    case v1::Record::RECORD_NOT_SET:
      break;
  }
  py::dict out;
  out["record_kind"] = kind;
  if (inner != nullptr) {
    for (auto item : MessageToDict(*inner)) out[item.first] = item.second;
  }
  return out;
}

py::dict NodeDict(const Graph& graph, NodeId node) {
  py::dict d;
  d["id"] = std::string(graph.node_id(node));
  d["name"] = std::string(graph.node_name(node));
  d["kind"] = std::string(NodeKindName(graph.node_kind(node)));
  d["country"] = std::string(graph.node_country(node));
  return d;
}

}  // namespace embargo::python
