// The importers: ImportReport, ImportResult and embargo.import_* /
// embargo.load_neo4j_csv.

#include <cctype>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "embargo/import/eu.h"
#include "embargo/import/ftm.h"
#include "embargo/import/neo4j_csv.h"
#include "embargo/import/ofac.h"
#include "embargo/import/opensanctions.h"
#include "embargo/import/report.h"
#include "embargo/import/sipri.h"
#include "embargo/import/un.h"
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

v1::Date ToProtoDate(const py::object& value) {
  return ToDate(value).ToProto();
}

// RunImport runs an importer without the GIL and wraps its answer.
template <typename F>
PyImportResult RunImport(const std::string& name, F importer) {
  absl::StatusOr<ImportResult> r = absl::UnknownError("not read");
  {
    py::gil_scoped_release release;
    r = importer();
  }
  return Wrap(Value(std::move(r), NotFoundAs::kFile), name);
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
      "import_ofac",
      [](const py::object& path, const py::object& add, const py::object& alt,
         const py::object& comments, const py::object& edition_date,
         const std::string& source_id) {
        const std::string p = FsPath(path);
        std::string lower = p;
        for (char& c : lower) c = static_cast<char>(std::tolower(c));
        if (lower.size() >= 4 && lower.compare(lower.size() - 4, 4, ".xml") == 0) {
          OfacXmlOptions o;
          o.edition_date = ToProtoDate(edition_date);
          o.source_id = source_id;
          return RunImport(p, [&] { return ImportOfacXml(p, o); });
        }
        OfacCsvOptions o;
        o.sdn_path = p;
        if (!add.is_none()) o.add_path = FsPath(add);
        if (!alt.is_none()) o.alt_path = FsPath(alt);
        if (!comments.is_none()) o.comments_path = FsPath(comments);
        o.edition_date = ToProtoDate(edition_date);
        o.source_id = source_id;
        return RunImport(p, [&] { return ImportOfacCsv(o); });
      },
      py::arg("path"), py::kw_only(), py::arg("add") = py::none(),
      py::arg("alt") = py::none(), py::arg("comments") = py::none(),
      py::arg("edition_date") = py::none(), py::arg("source_id") = "",
      R"doc(
Read a US Treasury OFAC list: the legacy SDN CSV (``path`` = sdn.csv, with
the optional ``add``, ``alt`` and ``comments`` files) or the official XML
(a path ending in .xml: sdn.xml or the consolidated non-SDN list). Each
entry becomes an actor "OFAC-<id>" with one sanction per programme,
listed no later than the edition date (``listed_no_later_than``; the list
gives no designation date, so ``listed`` stays unknown; ``edition_date``
by default from the XML or a date in the CSV's path). An ImportResult.

    >>> ofac = embargo.import_ofac("../shared/data/ofac/sdn_2024-05-03.csv")
)doc");

  m.def(
      "import_un",
      [](const py::object& path, const std::string& source_id) {
        const std::string p = FsPath(path);
        UnXmlOptions o;
        o.source_id = source_id;
        return RunImport(p, [&] { return ImportUnXml(p, o); });
      },
      py::arg("path"), py::kw_only(), py::arg("source_id") = "", R"doc(
Read the UN Security Council Consolidated List (XML) into records: an
ImportResult. Damaged files are refused with an error naming the place.
)doc");

  m.def(
      "import_eu",
      [](const py::object& path, const std::string& source_id) {
        const std::string p = FsPath(path);
        EuCsvOptions o;
        o.source_id = source_id;
        return RunImport(p, [&] { return ImportEuCsv(p, o); });
      },
      py::arg("path"), py::kw_only(), py::arg("source_id") = "", R"doc(
Read an EU regime annex CSV (as OpenSanctions transcribes the Official
Journal, e.g. eu/32017R1509.csv for the DPRK regime) into records: an
ImportResult.
)doc");

  m.def(
      "import_ftm",
      [](const py::object& path, const py::object& model,
         const py::object& sanction_status, const py::object& relation_status,
         const std::string& source_id) {
        const std::string p = FsPath(path);
        absl::StatusOr<FtmModel> loaded = FtmModel::BuiltIn();
        if (!model.is_none()) {
          const std::string mp = FsPath(model);
          py::gil_scoped_release release;
          loaded = FtmModel::Load(mp);
        }
        const FtmModel m = Value(std::move(loaded), NotFoundAs::kFile);
        FtmOptions o;
        o.sanction_status = ToStatus(sanction_status, v1::STATUS_CONFIRMED);
        o.relation_status = ToStatus(relation_status, v1::STATUS_REPORTED);
        o.source_id = source_id;
        return RunImport(p, [&] { return ImportFtmJson(p, m, o); });
      },
      py::arg("path"), py::arg("model") = py::none(), py::kw_only(),
      py::arg("sanction_status") = py::none(),
      py::arg("relation_status") = py::none(), py::arg("source_id") = "",
      R"doc(
Read FollowTheMoney / OpenSanctions JSON lines (entities.ftm.json) into
records with the FtM schemata built into the library, or with the model file
``model`` (defaultModel.json) for custom schemata: an ImportResult.

    >>> zala = embargo.import_ftm("../shared/data/ftm/zala_entities.ftm.json")
)doc");

  m.def(
      "import_ftm_stream",
      [](const py::object& path, const py::object& output, int threads,
         const py::object& previous_export, const py::object& previous_records,
         const std::string& source_id) {
        const std::string p = FsPath(path);
        const std::string out = FsPath(output);
        FtmStreamOptions o;
        o.threads = threads;
        o.base.ftm.source_id = source_id;
        absl::StatusOr<ImportReport> r;
        if (previous_export.is_none() != previous_records.is_none()) {
          r = absl::InvalidArgumentError(
              "an update needs both previous_export and previous_records");
        } else if (!previous_export.is_none()) {
          const std::string pe = FsPath(previous_export);
          const std::string pr = FsPath(previous_records);
          py::gil_scoped_release release;
          r = UpdateFtmJsonStream(pe, pr, p, out, o);
        } else {
          py::gil_scoped_release release;
          r = ImportFtmJsonToStream(p, out, o);
        }
        return Value(std::move(r), NotFoundAs::kFile);
      },
      py::arg("path"), py::arg("output"), py::kw_only(), py::arg("threads") = 1,
      py::arg("previous_export") = py::none(),
      py::arg("previous_records") = py::none(), py::arg("source_id") = "",
      R"doc(
Stream an FtM export of any size (entities.ftm.json) to a record stream
``output`` (.records) in bounded memory: an ImportReport. With
``previous_export`` and ``previous_records`` (the previous edition and the
records imported from it), an update: only the entities that changed, and
those that read them, are mapped again; the records are those a full
import writes.

    >>> r = embargo.import_ftm_stream("2024-03-11/entities.ftm.json", "11.records",
    ...     previous_export="2024-03-10/entities.ftm.json",
    ...     previous_records="10.records")
)doc");

  m.def(
      "apply_ftm_delta",
      [](const py::object& previous_export, const py::object& delta,
         const py::object& output) {
        const std::string pe = FsPath(previous_export);
        const std::string d = FsPath(delta);
        const std::string out = FsPath(output);
        absl::StatusOr<FtmDeltaReport> r;
        {
          py::gil_scoped_release release;
          r = ApplyFtmDelta(pe, d, out);
        }
        const FtmDeltaReport v = Value(std::move(r), NotFoundAs::kFile);
        py::dict counts;
        counts["added"] = v.added;
        counts["modified"] = v.modified;
        counts["deleted"] = v.deleted;
        counts["lines_kept"] = v.lines_kept;
        counts["lines_dropped"] = v.lines_dropped;
        counts["lines_written"] = v.lines_written;
        return counts;
      },
      py::arg("previous_export"), py::arg("delta"), py::arg("output"), R"doc(
Write the next edition of an FtM export (``output``) from the previous one
and an OpenSanctions delta file (ADD / MOD / DEL lines): the previous lines
less those the delta modifies or deletes, then its added and modified
entities. Returns the counts (added, modified, deleted, lines_kept,
lines_dropped, lines_written). Import the result with ``import_ftm_stream``
as an update of the previous edition. A delta of another edition (an ADD
of an entity the export has, a MOD or DEL of one it lacks) raises
ValueError naming the delta's line.

    >>> embargo.apply_ftm_delta("10/entities.ftm.json", "11/entities.delta.json",
    ...                         "11/entities.ftm.json")
)doc");

  // OpenSanctions exports besides entities.ftm.json, with the built-in model.
  struct OsFormat {
    const char* name;
    absl::StatusOr<ImportResult> (*fn)(const std::string&,
                                       const OpenSanctionsOptions&);
    const char* doc;
  };
  static const OsFormat kOsFormats[] = {
      {"import_os_simple", &ImportOpenSanctionsSimpleCsv, R"doc(
Read an OpenSanctions targets.simple.csv into records: an ImportResult (one
actor per row; the sanctions text is kept in the actor's note).

    >>> r = embargo.import_os_simple(
    ...     "../shared/data/opensanctions/wd_peps_2024-03/targets.simple.csv")
)doc"},
      {"import_ftm_nested", &ImportFtmNestedJson, R"doc(
Read an OpenSanctions targets.nested.json (FtM entities with their related
entities nested) into records: an ImportResult.
)doc"},
      {"import_os_statements", &ImportOpenSanctionsStatements, R"doc(
Read an OpenSanctions statements CSV (one row per property value) into
records, one entity from its statements: an ImportResult.
)doc"},
  };
  for (const OsFormat& f : kOsFormats) {
    auto fn = f.fn;
    m.def(
        f.name,
        [fn](const py::object& path, const py::object& sanction_status,
             const py::object& relation_status, const std::string& source_id) {
          const std::string p = FsPath(path);
          OpenSanctionsOptions o;
          o.ftm.sanction_status =
              ToStatus(sanction_status, v1::STATUS_CONFIRMED);
          o.ftm.relation_status =
              ToStatus(relation_status, v1::STATUS_REPORTED);
          o.ftm.source_id = source_id;
          return RunImport(p, [&] { return fn(p, o); });
        },
        py::arg("path"), py::kw_only(), py::arg("sanction_status") = py::none(),
        py::arg("relation_status") = py::none(), py::arg("source_id") = "",
        f.doc);
  }

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
