// Text helpers shared by the importers: cp1252 decoding, UTF-8 checks,
// folding names for matching, whitespace clean-up, bounded file reading and
// a small CSV reader that keeps line and column numbers for error reports.
//
//   EMBARGO_ASSIGN_OR_RETURN(std::string bytes,
//                            import_internal::ReadFileBytes(path, 1 << 30));
//   std::string text = import_internal::Cp1252ToUtf8(bytes);
//   import_internal::CsvReader csv(path, text);
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
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace embargo::import_internal {

// Cp1252ToUtf8 decodes Windows-1252 bytes to UTF-8 (0x96 -> U+2013, 0x92 ->
// U+2019, 0xE9 -> U+00E9, ...). The five bytes cp1252 leaves undefined (0x81,
// 0x8D, 0x8F, 0x90, 0x9D) become the C1 control of the same number, as
// Windows does.
std::string Cp1252ToUtf8(absl::string_view bytes);

// IsValidUtf8 is text::IsValidUtf8 (lib/text/utf8.h), the one UTF-8 rule
// every reader applies; when `s` is not UTF-8 and `bad_offset` is given, it
// receives the offset of the first bad byte.
bool IsValidUtf8(absl::string_view s, size_t* bad_offset = nullptr);

// FoldForMatch returns a key for comparing names: ASCII lower case, Latin
// accents removed ("Côte" -> "cote", "ß" -> "ss"), punctuation turned into
// spaces, the word "the" dropped, runs of spaces collapsed, trimmed. Other
// scripts (Cyrillic, Hangul) are kept as they are.
std::string FoldForMatch(absl::string_view utf8);

// BaseName is the last component of a path ("a/b/sdn.csv" -> "sdn.csv").
std::string BaseName(absl::string_view path);

// CleanText trims and collapses every run of whitespace (spaces, tabs, CR,
// LF) into one space.
std::string CleanText(absl::string_view s);

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
  CsvReader(std::string file, absl::string_view text)
      : file_(std::move(file)), text_(text) {}

  // Next reads one record into `row`: true when a record was read, false at
  // the end of the text, DataLoss when a quoted field is not closed before
  // the end (a truncated file), naming file, line and column.
  absl::StatusOr<bool> Next(CsvRow& row);

  // line is the 1-based line the reader is at.
  int64_t line() const { return line_; }

 private:
  std::string file_;
  absl::string_view text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t column_ = 1;
};

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_TEXT_UTIL_H_
