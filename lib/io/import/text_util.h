// File and CSV helpers shared by the importers: whitespace clean-up, bounded
// file reading and a small CSV reader that keeps line and column numbers for
// error reports. Text rules (UTF-8, cp1252, name folding) are in lib/text.
//
//   EMBARGO_ASSIGN_OR_RETURN(std::string bytes,
//                            import_internal::ReadFileBytes(path, 1 << 30));
//   std::string utf8;
//   text::Cp1252ToUtf8(bytes, text::Cp1252Undefined::kC1Control, utf8);
//   import_internal::CsvReader csv(path, utf8);
//   import_internal::CsvRow row;
//   while (true) {
//     EMBARGO_ASSIGN_OR_RETURN(bool more, csv.Next(row));
//     if (!more) break;
//     ... row.fields[i], row.line, row.columns[i] ...
//   }
//
// Thread safety: free functions are pure; a CsvReader is used by one thread.

#ifndef EMBARGO_LIB_IO_IMPORT_TEXT_UTIL_H_
#define EMBARGO_LIB_IO_IMPORT_TEXT_UTIL_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace embargo::import_internal {

// BaseName is the last component of a path ("a/b/sdn.csv" -> "sdn.csv").
std::string BaseName(absl::string_view path);

// CleanText trims and collapses every run of whitespace (spaces, tabs, CR,
// LF) into one space.
std::string CleanText(absl::string_view s);

// AppendPieces appends the pieces to `out`, reserving their length once
// (absl::StrAppend grows a string by amortized doubling and zero-fills the
// new bytes before it copies: a cost where millions of strings are built).
void AppendPieces(std::string& out,
                  std::initializer_list<absl::string_view> pieces);

// ReadFileBytes reads a whole file. NotFound when it does not exist,
// PermissionDenied / Unavailable when it cannot be read, ResourceExhausted
// when it is larger than max_bytes. Errors name the path.
absl::StatusOr<std::string> ReadFileBytes(const std::string& path,
                                          int64_t max_bytes);

// ParseInt64 parses a whole decimal integer (surrounding spaces allowed).
std::optional<int64_t> ParseInt64(absl::string_view s);

// CsvRow is one CSV record: its fields, the 1-based line where it starts
// and the 1-based column (in characters) where each field starts.
struct CsvRow {
  int64_t line = 0;
  std::vector<std::string> fields;
  std::vector<int64_t> columns;
};

// CsvReader reads RFC 4180 CSV from UTF-8 text held by the caller (which
// must outlive it): comma-separated, fields optionally in double quotes with
// "" for a quote, quoted fields may hold commas and line breaks; records end
// at LF or CRLF. Blank lines are skipped.
class CsvReader {
 public:
  // `separator` is ',' for RFC 4180; ';' or '\t' for the files spreadsheets
  // write in many locales.
  CsvReader(std::string file, absl::string_view text, char separator = ',')
      : file_(std::move(file)), text_(text), separator_(separator) {}

  // Next reads one record into `row`: true when a record was read, false at
  // the end of the text, DataLoss when a quoted field is not closed before
  // the end (a truncated file), naming file, line and column.
  absl::StatusOr<bool> Next(CsvRow& row);

  // line is the 1-based line the reader is at.
  int64_t line() const { return line_; }

 private:
  std::string file_;
  absl::string_view text_;
  char separator_ = ',';
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t column_ = 1;
};

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_TEXT_UTIL_H_
