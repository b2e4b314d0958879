// The importers: ImportReport, ImportResult and embargo.import_* /
// embargo.load_neo4j_csv.

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/import/report.h"
#include "embargo/import/sipri.h"
#include "python/src/common.h"
#include "python/src/objects.h"

namespace embargo::python {
namespace {

// PyImportResult is embargo.ImportResult.
struct PyImportResult {
  std::shared_ptr<PyDataset> dataset;
  ImportReport report;
};

std::string FsPath(const py::handle& path) {
  static py::handle fspath = py::object(py::module_::import("os").attr("fspath")).release();
  return py::str(fspath(path)).cast<std::string>();
}

PyImportResult Wrap(ImportResult result, std::string name) {
  PyImportResult out;
  out.dataset = std::make_shared<PyDataset>();
  out.dataset->dataset = std::move(result.dataset);
  out.dataset->name = std::move(name);
  out.report = std::move(result.report);
  return out;
}

Neo4jCsvOptions Neo4jOptions(const py::object& default_status, bool parallel) {
  Neo4jCsvOptions options;
  options.default_status = ToStatus(default_status, v1::STATUS_REPORTED);
  options.parallel = parallel;
  return options;
}

}  // namespace

void BindImport(py::module_& m) {
  py::class_<ImportReport>(m, "ImportReport", R"doc(
What an importer did. Every row read was either imported or rejected
(``reconciles`` checks it); each rejected row says file, line, column and
reason.
)doc")
      .def_readonly("format", &ImportReport::format,
                    "\"ofac-csv\", \"un-xml\", \"neo4j-csv\", ...")
      .def_readonly("files", &ImportReport::files, "The input files.")
      .def_readonly("rows_read", &ImportReport::rows_read)
      .def_readonly("rows_imported", &ImportReport::rows_imported)
      .def_property_readonly("rows_rejected", &ImportReport::rows_rejected)
      .def_property_readonly(
          "rejected",
          [](const ImportReport& r) {
            py::list out;
            for (const ImportReport::Rejected& x : r.rejected) {
              py::dict d;
              d["file"] = x.file;
              d["line"] = x.line;
              d["column"] = x.column;
              d["reason"] = x.reason;
              out.append(d);
            }
            return out;
          },
          "Rejected rows: dicts with file, line, column, reason.")
      .def_readonly("records", &ImportReport::records,
                    "Records written, by kind: {'actor': 120, ...}.")
      .def_readonly("notes", &ImportReport::notes)
      .def_property_readonly("records_written", &ImportReport::records_written)
      .def_property_readonly("reconciles", &ImportReport::Reconciles,
                             "rows_read == rows_imported + rows_rejected.")
      .def("summary", &ImportReport::Summary, "A few readable lines.")
      .def("__repr__", [](const ImportReport& r) {
        return absl::StrCat("<embargo.ImportReport ", r.format, ": ",
                            r.rows_read, " rows read, ", r.rows_imported,
                            " imported, ", r.rows_rejected(), " rejected>");
      });

  py::class_<PyImportResult>(m, "ImportResult", R"doc(
An importer's records (``dataset``, an embargo.Dataset) and its ``report``.
Pass it, or its dataset, to ``embargo.load`` with other sources.
)doc")
      .def_readonly("dataset", &PyImportResult::dataset)
      .def_readonly("report", &PyImportResult::report)
      .def("__repr__", [](const PyImportResult& r) {
        return absl::StrCat("<embargo.ImportResult ", r.report.format, ": ",
                            r.report.records_written(), " records, ",
                            r.report.rows_rejected(), " rows rejected>");
      });

  m.def(
      "import_neo4j_csv",
      [](const py::object& nodes, const py::object& edges,
         const py::object& default_status) {
        const std::string n = FsPath(nodes), e = FsPath(edges);
        const Neo4jCsvOptions options = Neo4jOptions(default_status, true);
        absl::StatusOr<ImportResult> r = absl::UnknownError("not read");
        {
          py::gil_scoped_release release;
          r = ImportNeo4jCsv(n, e, options);
        }
        return Wrap(Value(std::move(r), NotFoundAs::kFile), n);
      },
      py::arg("nodes"), py::arg("edges"), py::kw_only(),
      py::arg("default_status") = py::none(), R"doc(
Read Neo4j bulk-import style CSV (a nodes file and a relationships file,
typed headers such as ``id:ID,name,kind:LABEL,country`` and
``:START_ID,:END_ID,:TYPE,share:float,item,year:int,status``) into records:
an ImportResult. Rows without a status get ``default_status`` ("reported"
unless given). Bad rows are listed in the report, not raised.
)doc");

  m.def(
      "import_sipri",
      [](const py::object& path, const py::object& status,
         const std::string& encoding, const std::string& source_id) {
        SipriOptions options;
        options.status = ToStatus(status, v1::STATUS_CONFIRMED);
        options.source_id = source_id;
        if (encoding == "auto") {
          options.encoding = SipriOptions::Encoding::kAuto;
        } else if (encoding == "cp1252") {
          options.encoding = SipriOptions::Encoding::kCp1252;
        } else if (encoding == "utf-8" || encoding == "utf8") {
          options.encoding = SipriOptions::Encoding::kUtf8;
        } else {
          ThrowIfError(absl::InvalidArgumentError(absl::StrCat(
              "encoding: \"", encoding, "\" is not one of auto, cp1252, utf-8")));
        }
        const std::string p = FsPath(path);
        absl::StatusOr<ImportResult> r = absl::UnknownError("not read");
        {
          py::gil_scoped_release release;
          r = ImportSipriCsv(p, options);
        }
        return Wrap(Value(std::move(r), NotFoundAs::kFile), p);
      },
      py::arg("path"), py::kw_only(), py::arg("status") = py::none(),
      py::arg("encoding") = "auto", py::arg("source_id") = "", R"doc(
Read a SIPRI Arms Transfers Database trade register (CSV as SIPRI exports
it) into records: the parties as actors (states by ISO code), one Transfer
per deal with its status (``status``, "confirmed" unless given). An
ImportResult.

    >>> sipri = embargo.import_sipri(
    ...     "../shared/data/sipri/trade-register_2025-03-13.csv")
    >>> sipri.report.rows_imported
)doc");

  m.def(
      "load_neo4j_csv",
      [](const py::object& nodes, const py::object& edges,
         const py::object& default_status, bool parallel,
         bool with_report) -> py::object {
        const std::string n = FsPath(nodes), e = FsPath(edges);
        const Neo4jCsvOptions options = Neo4jOptions(default_status, parallel);
        absl::StatusOr<Neo4jCsvGraph> r = absl::UnknownError("not read");
        {
          py::gil_scoped_release release;
          r = LoadNeo4jCsvGraph(n, e, options);
        }
        Neo4jCsvGraph loaded = Value(std::move(r), NotFoundAs::kFile);
        if (with_report) {
          return py::make_tuple(std::move(loaded.graph), std::move(loaded.report));
        }
        return py::cast(std::move(loaded.graph));
      },
      py::arg("nodes"), py::arg("edges"), py::kw_only(),
      py::arg("default_status") = py::none(), py::arg("parallel") = true,
      py::arg("with_report") = false, R"doc(
Load Neo4j bulk-import style CSV straight into a Graph (fast, compact; the
same records as ``embargo.load(embargo.import_neo4j_csv(...))``). With
``with_report=True`` returns (graph, report).

Raises MissingFileError for a missing file, InvalidArgumentError when a
header lacks a required column or the rows break a rule of the whole graph.

    >>> g = embargo.load_neo4j_csv("S/nodes.csv", "S/edges.csv")
)doc");
}

}  // namespace embargo::python
