// The embargo._embargo extension module. The Python package `embargo`
// (python/embargo/__init__.py) re-exports it and adds the pandas and
// networkx conversions.

#include <pybind11/pybind11.h>

#include "python/src/common.h"

PYBIND11_MODULE(_embargo, m) {
  namespace py = pybind11;
  m.doc() = R"doc(
C++ core of the embargo package: the graph, its queries and the importers.
Use it through ``import embargo``.

Errors. Every failure of the C++ library becomes a Python exception
carrying its status message (which names the file, record and field) and
its status code in ``.code``; all derive from embargo.Error:
    NOT_FOUND (an id, a name)     NotFoundError        (KeyError)
    NOT_FOUND (a file)            MissingFileError     (FileNotFoundError)
    PERMISSION_DENIED             PermissionDeniedError (PermissionError)
    INVALID_ARGUMENT, OUT_OF_RANGE InvalidArgumentError (ValueError)
    DATA_LOSS                     DataError            (ValueError)
    FAILED_PRECONDITION           FailedPreconditionError (ValueError)
      (an ambiguous name: AmbiguousNameError, a KeyError)
    RESOURCE_EXHAUSTED            ResourceExhaustedError (RuntimeError)
    DEADLINE_EXCEEDED             DeadlineExceededError (TimeoutError)
    UNIMPLEMENTED                 UnimplementedError   (NotImplementedError)
    anything else                 InternalError        (RuntimeError)

Threads. Graphs are immutable and every query releases the GIL, so Python
threads that query one graph run in parallel.
)doc";
  py::list features;
  embargo::python::RegisterExceptions(m);
  embargo::python::BindGraph(m);
  embargo::python::BindQueries(m);
  embargo::python::BindLinks(m);
  embargo::python::BindImport(m);
  embargo::python::BindExport(m);
  embargo::python::BindSearch(m);
#ifdef EMBARGO_PYTHON_HAVE_SANCTIONS
  embargo::python::BindSanctions(m);
  features.append("sanctions");
#endif
  m.attr("_features") = features;
}
