// JsonTape: a validating JSON parser for one line of a JSON-lines file,
// made for reading millions of small objects: it writes the parsed value
// as a flat array of nodes (a "tape") that is reused from line to line, so
// that a line costs no allocation once the tape has grown, and strings
// without escapes are views into the line itself.
//
// It accepts exactly RFC 8259 JSON (no comments, no trailing commas, no
// NaN); the input must already be valid UTF-8 (the FtM importer checks
// that first, to name the bad byte). An error gives the 0-based offset of
// the byte where the text stops being JSON (the length of the text when it
// ends too early) and what was expected there.

#ifndef EMBARGO_LIB_IO_IMPORT_JSON_TAPE_H_
#define EMBARGO_LIB_IO_IMPORT_JSON_TAPE_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace embargo::import_internal {

class JsonTape {
 public:
  enum class Type : uint8_t {
    kNull,
    kFalse,
    kTrue,
    kNumber,
    kString,
    kArray,
    kObject
  };

  struct Node {
    Type type = Type::kNull;
    // One past the last node of this value's subtree: the next sibling.
    uint32_t end = 0;
    // A string's value (escapes undone); a number, true, false or null as
    // written. Empty for arrays and objects.
    absl::string_view text;
  };

  struct Error {
    int64_t offset = 0;
    std::string message;
    // kDepth: nested deeper than allowed; kRange: a number beyond a
    // double's range (valid syntax the reader cannot hold).
    enum Kind : uint8_t { kSyntax, kDepth, kRange } kind = kSyntax;
  };

  // Parse replaces the tape with the value of `json`, or says where and why
  // it is not JSON. Arrays and objects nested deeper than `max_depth` are
  // refused. The nodes' views stay valid until the next Parse and while
  // `json` lives.
  std::optional<Error> Parse(absl::string_view json, int max_depth = 64);

  uint32_t size() const { return count_; }
  const Node& operator[](uint32_t i) const { return nodes_[i]; }

  // Member finds `key` among the members of the object at `object` and
  // returns its value's index (the last one's when the key repeats, as a
  // DOM parser keeps it), or 0 when absent. An object's members follow it
  // as key, value, key, value...
  uint32_t Member(uint32_t object, absl::string_view key) const {
    uint32_t found = 0;
    for (uint32_t i = object + 1; i < nodes_[object].end;
         i = nodes_[i + 1].end) {
      if (nodes_[i].text == key) found = i + 1;
    }
    return found;
  }

 private:
  bool Value(int depth);
  bool String();
  // RestOfString goes on with a string whose plain run from `start` (after
  // the opening quote) stopped at `stop` on something other than the
  // closing quote: an escape, a control character or the end. Apart, so
  // that String's fast path saves no registers.
  [[gnu::noinline]] bool RestOfString(size_t start, size_t stop);
  bool Number();
  bool Literal(absl::string_view word, Type type);
  bool Fail(std::string message, Error::Kind kind = Error::kSyntax);
  void Ws() {
    // Every white-space byte is at most ' ': one comparison for the others.
    while (pos_ < in_.size() && static_cast<unsigned char>(in_[pos_]) <= ' ' &&
           (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' ||
            in_[pos_] == '\r')) {
      ++pos_;
    }
  }

  // Push appends a node: once per JSON value of every line, so it is kept
  // inline, and the vector, reused from line to line, grows only rarely.
  void Push(const Node& node) {
    if (count_ == nodes_.size()) [[unlikely]] {
      nodes_.resize(std::max<size_t>(64, nodes_.size() * 2));
    }
    nodes_[count_++] = node;
  }

  absl::string_view in_;
  size_t pos_ = 0;
  int max_depth_ = 64;
  // The nodes are nodes_[0, count_); nodes_ only grows, and is reused.
  std::vector<Node> nodes_;
  uint32_t count_ = 0;
  // Strings with escapes are unescaped into `scratch_`; their nodes are
  // pointed into it once parsing ends and it no longer moves.
  struct Escaped {
    uint32_t node, offset, length;
  };
  std::string scratch_;
  std::vector<Escaped> escaped_;
  std::optional<Error> error_;
};

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_JSON_TAPE_H_
