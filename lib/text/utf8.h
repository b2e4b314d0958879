// The one UTF-8 rule every reader applies (text format, JSON, binary
// records, record streams, graph images, the importers): well-formed UTF-8
// as RFC 3629 defines it (no overlong forms, no surrogates, nothing above
// U+10FFFF), which is also what protobuf requires of proto3 strings.
//
//   size_t bad;
//   if (!text::IsValidUtf8(s, &bad)) return Utf8Error(file, line, column, bad);

#ifndef EMBARGO_LIB_TEXT_UTF8_H_
#define EMBARGO_LIB_TEXT_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace embargo::text {

// IsValidUtf8 is true when `s` is well-formed UTF-8. When it is not and
// `bad_offset` is given, it receives the byte offset of the first byte of
// the first malformed sequence. Fast on ASCII (8 bytes at a time).
bool IsValidUtf8(absl::string_view s, size_t* bad_offset = nullptr);

// CheckUtf8 returns OK, or InvalidArgument "WHERE: FIELD is not UTF-8
// (byte 0xNN at offset K)"; `where` names the file and position.
absl::Status CheckUtf8(absl::string_view s, absl::string_view where,
                       absl::string_view field);

// DecodeUtf8 decodes the sequence at s[i] into `c` and returns its length in
// bytes, or 0 when it is malformed (by the rule above). `i` < s.size().
int DecodeUtf8(absl::string_view s, size_t i, char32_t& c);

// AppendUtf8 appends code point `c` (at most U+10FFFF, not a surrogate)
// to `out` in UTF-8.
void AppendUtf8(char32_t c, std::string& out);

}  // namespace embargo::text

#endif  // EMBARGO_LIB_TEXT_UTF8_H_
