// Text handling for the SIPRI importer: decoding the register's bytes,
// splitting a line into fields with their columns, slugs for actor ids and
// bounded file reading.
//
//   EMBARGO_ASSIGN_OR_RETURN(sipri_internal::DecodedText t,
//       sipri_internal::DecodeRegister(bytes, "register.csv",
//                                      sipri_internal::Encoding::kAuto));
//   std::vector<sipri_internal::Field> f =
//       sipri_internal::SplitRecord("Russia,North Korea,2023", 12);
//   // f[1].text == "North Korea", f[1].column == 8
//
// Thread safety: pure functions.

#ifndef EMBARGO_LIB_IO_IMPORT_SIPRI_TEXT_H_
#define EMBARGO_LIB_IO_IMPORT_SIPRI_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace embargo::sipri_internal {

enum class Encoding { kAuto, kCp1252, kUtf8 };

// DecodedText is the register as UTF-8.
struct DecodedText {
  std::string text;
  bool utf8_input = false;  // The input was UTF-8 rather than cp1252.
};

// DecodeRegister turns the file's bytes into UTF-8. kAuto reads well-formed
// UTF-8 that holds a multi-byte character as UTF-8 and anything else as
// cp1252. InvalidArgument, naming `name`, the line and the column (1-based,
// in bytes), for a NUL byte or a UTF-16 byte-order mark (the file is not
// 8-bit text), a byte cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) and, when kUtf8 is asked for, malformed UTF-8. A UTF-8 byte-order
// mark is dropped.
absl::StatusOr<DecodedText> DecodeRegister(absl::string_view bytes,
                                           absl::string_view name,
                                           Encoding encoding);

// Field is one comma-separated field of a line.
struct Field {
  std::string text;
  int64_t line = 0;    // 1-based line where the field starts.
  int64_t column = 0;  // 1-based column, in characters, where it starts.
};

// SplitRecord splits one line at commas. A field that starts with a double
// quote runs to the closing quote ("" stands for a quote), so it may hold
// commas; an unclosed quote runs to the end of the line. The register
// itself uses no quotes.
std::vector<Field> SplitRecord(absl::string_view line, int64_t line_number);

// Slug gives a lower-case ASCII id part: letters and digits kept, every
// other run of characters one "-", no "-" at either end ("Hamas
// (Palestine)" -> "hamas-palestine"). A name without ASCII letters or digits
// gets "x" and 16 hex digits of a stable hash of its bytes.
std::string Slug(absl::string_view name);

// ReadWholeFile reads a file: NotFound, PermissionDenied or DataLoss naming
// the path; ResourceExhausted when it is larger than max_bytes.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path,
                                          int64_t max_bytes);

}  // namespace embargo::sipri_internal

#endif  // EMBARGO_LIB_IO_IMPORT_SIPRI_TEXT_H_
