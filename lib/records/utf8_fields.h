// UTF-8 checks over parsed records: the text-format and JSON parsers accept
// escapes such as "\\xff" inside strings, so every string field is checked
// with the one UTF-8 rule (lib/text/utf8.h) after parsing.

#ifndef EMBARGO_LIB_IO_UTF8_FIELDS_H_
#define EMBARGO_LIB_IO_UTF8_FIELDS_H_

#include <string>

#include "absl/status/status.h"
#include "embargo/v1/dataset.pb.h"
#include "google/protobuf/message.h"

namespace embargo::io_internal {

// CheckStringsUtf8 checks every string field of `m`, recursively. Errors:
// InvalidArgument "WHERE: field PATH is not UTF-8 (byte 0xNN at offset K)",
// where `field` prefixes PATH (empty for the top level).
absl::Status CheckStringsUtf8(const google::protobuf::Message& m,
                              const std::string& where,
                              const std::string& field);

// CheckDatasetUtf8 checks every record of `ds`; errors name the file, the
// record (list, index, id) and the field: "PATH: actors[3] (id X): field
// name is not UTF-8 (byte 0xFF at offset 2)".
absl::Status CheckDatasetUtf8(const v1::Dataset& ds, const std::string& path);

}  // namespace embargo::io_internal

#endif  // EMBARGO_LIB_IO_UTF8_FIELDS_H_
