// ApplyFtmDelta: the next edition of an FtM export from the previous one and
// an OpenSanctions delta file (embargo/import/opensanctions.h).
//
// Three passes, none holding a file: the delta's ids (and what it does to
// each) are read first and checked; the previous export is copied line by
// line to a temporary file beside the output, without the lines whose id
// the delta modifies or deletes; then the delta's added and modified
// entities are appended as the delta writes them, and the temporary file
// takes the output's name. An error leaves no output.

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "embargo/import/opensanctions.h"
#include "lib/internal/input_file.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/ftm_scan.h"
#include "lib/io/import/ftm_stream_parts.h"
#include "lib/io/import/json_tape.h"
#include "lib/text/utf8.h"

namespace embargo {

namespace {

using import_internal::JsonTape;
using import_internal::stream::LineReader;

// Bytes read at a time: deltas are small, and an export is read once.
constexpr size_t kReadChunk = size_t{1} << 20;

// WithoutBom is `line` without the UTF-8 byte-order mark a file's first
// line may begin with (the streaming import reads past it too).
absl::string_view WithoutBom(absl::string_view line, int64_t number) {
  if (number == 1 && absl::StartsWith(line, "\xEF\xBB\xBF")) line.remove_prefix(3);
  return line;
}

enum class Op : uint8_t { kAdd, kMod, kDel };

absl::string_view OpName(Op op) {
  switch (op) {
    case Op::kAdd: return "ADD";
    case Op::kMod: return "MOD";
    case Op::kDel: return "DEL";
  }
  return "?";
}

struct Change {
  Op op;
  int64_t line;       // In the delta.
  int64_t found = 0;  // The previous export's first line with the id.
};

bool Blank(absl::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// The raw text of JSON already checked by JsonTape: where a value that
// starts at `i` ends.
size_t SkipWs(absl::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  return i;
}
size_t SkipString(absl::string_view s, size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}
size_t SkipValue(absl::string_view s, size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == '"') return SkipString(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '"') {
        i = SkipString(s, i);
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
      ++i;
    }
    return i;
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
         s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
    ++i;
  }
  return i;
}

// RawMember returns the text of the value of the `ordinal`-th member (from
// 0) of the object `json`, valid JSON.
absl::string_view RawMember(absl::string_view json, int ordinal) {
  size_t i = SkipWs(json, 0) + 1;  // Past '{'.
  for (int k = 0;; ++k) {
    i = SkipWs(json, i);
    if (i >= json.size() || json[i] == '}') return {};
    i = SkipWs(json, SkipString(json, i)) + 1;  // Past the key and ':'.
    i = SkipWs(json, i);
    const size_t start = i;
    i = SkipValue(json, i);
    if (k == ordinal) return json.substr(start, i - start);
    i = SkipWs(json, i);
    if (i < json.size() && json[i] == ',') ++i;
  }
}

// DeltaLine is one delta line read: its op, the entity's id and the
// entity's text as the delta writes it.
struct DeltaLine {
  Op op = Op::kAdd;
  std::string id;
  absl::string_view entity;
};

absl::StatusOr<DeltaLine> ReadDeltaLine(JsonTape& tape, absl::string_view line,
                                        const std::string& path, int64_t number) {
  const auto error = [&](absl::string_view field, absl::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": line ", number, ": ", field, ": ", what));
  };
  size_t bad = 0;
  if (!text::IsValidUtf8(line, &bad)) {
    return error("line", absl::StrCat("not UTF-8 at byte ", bad + 1));
  }
  if (std::optional<JsonTape::Error> e = tape.Parse(line)) {
    return error("line", absl::StrCat("not JSON at byte ", e->offset + 1, ": ", e->message));
  }
  if (tape[0].type != JsonTape::Type::kObject) {
    return error("line", "not a JSON object (a delta line is {\"op\": ..., \"entity\": {...}})");
  }
  DeltaLine d;
  const uint32_t op = tape.Member(0, "op");
  if (op == 0) return error("op", "missing");
  const absl::string_view op_text =
      tape[op].type == JsonTape::Type::kString ? tape[op].text : absl::string_view("(not a string)");
  if (op_text == "ADD") {
    d.op = Op::kAdd;
  } else if (op_text == "MOD") {
    d.op = Op::kMod;
  } else if (op_text == "DEL") {
    d.op = Op::kDel;
  } else {
    return error("op", absl::StrCat("\"", op_text, "\" is not ADD, MOD or DEL"));
  }
  // The entity: the last member so named, as JsonTape::Member takes it.
  int ordinal = -1, k = 0;
  uint32_t entity = 0;
  for (uint32_t i = 1; i < tape[0].end; i = tape[i + 1].end, ++k) {
    if (tape[i].text == "entity") ordinal = k, entity = i + 1;
  }
  if (entity == 0) return error("entity", "missing");
  if (tape[entity].type != JsonTape::Type::kObject) return error("entity", "not an object");
  const uint32_t id = tape.Member(entity, "id");
  if (id == 0 || tape[id].type != JsonTape::Type::kString || tape[id].text.empty()) {
    return error("entity.id", "missing, empty or not a string");
  }
  d.id = std::string(tape[id].text);
  d.entity = RawMember(line, ordinal);
  return d;
}

// The id of an entity line of the previous export, as the importer reads
// it; empty for a line without one (not JSON, not an object, no string id).
std::string LineId(JsonTape& tape, import_internal::EntityScan& scan, absl::string_view line,
                   bool sure) {
  if (!sure && import_internal::ScanEntityLineQuick(line, scan)) return scan.id;
  if (tape.Parse(line) || tape[0].type != JsonTape::Type::kObject) return {};
  const uint32_t id = tape.Member(0, "id");
  if (id == 0 || tape[id].type != JsonTape::Type::kString) return {};
  return std::string(tape[id].text);
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat x, y;
  return stat(a.c_str(), &x) == 0 && stat(b.c_str(), &y) == 0 && x.st_dev == y.st_dev &&
         x.st_ino == y.st_ino;
}

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

absl::StatusOr<File> OpenFile(const std::string& path, const char* mode) {
  File f(std::fopen(path.c_str(), mode), &std::fclose);
  if (f == nullptr) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  }
  return f;
}

absl::Status Put(std::FILE* out, absl::string_view text, const std::string& path) {
  if (std::fwrite(text.data(), 1, text.size(), out) != text.size() ||
      std::fputc('\n', out) == EOF) {
    return absl::DataLossError(absl::StrCat(path, ": write failed: ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

// ForEachDeltaLine calls `fn` with each line of the delta read (blank
// lines passed over), stopping at the first error, its or the reading's.
absl::Status ForEachDeltaLine(
    JsonTape& tape, const std::string& delta,
    absl::FunctionRef<absl::Status(const DeltaLine&, int64_t number)> fn) {
  EMBARGO_ASSIGN_OR_RETURN(File in, OpenFile(delta, "rb"));
  LineReader lines(in.get(), kReadChunk);
  absl::string_view line;
  int64_t number, offset;
  while (lines.Next(line, number, offset)) {
    line = WithoutBom(line, number);
    if (Blank(line)) continue;
    EMBARGO_ASSIGN_OR_RETURN(DeltaLine d, ReadDeltaLine(tape, line, delta, number));
    EMBARGO_RETURN_IF_ERROR(fn(d, number));
  }
  return absl::OkStatus();
}

absl::StatusOr<FtmDeltaReport> Apply(const std::string& previous_export,
                                     const std::string& delta, const std::string& out_path,
                                     const std::string& temp) {
  FtmDeltaReport report;
  JsonTape tape;
  // 1. The delta's ids.
  absl::flat_hash_map<std::string, Change> changes;
  EMBARGO_RETURN_IF_ERROR(ForEachDeltaLine(
      tape, delta, [&](const DeltaLine& d, int64_t number) -> absl::Status {
        auto [it, fresh] = changes.try_emplace(d.id, Change{d.op, number});
        if (!fresh) {
          return absl::InvalidArgumentError(absl::StrCat(
              delta, ": line ", number, ": entity.id: \"", d.id, "\" is already at line ",
              it->second.line, " of the delta (one change per entity)"));
        }
        ++(d.op == Op::kAdd ? report.added : d.op == Op::kMod ? report.modified : report.deleted);
        return absl::OkStatus();
      }));
  EMBARGO_ASSIGN_OR_RETURN(File out, OpenFile(temp, "wb"));
  // 2. The previous export without what the delta replaces or removes.
  {
    EMBARGO_ASSIGN_OR_RETURN(File in, OpenFile(previous_export, "rb"));
    LineReader lines(in.get(), kReadChunk);
    import_internal::EntityScan scan;
    absl::string_view line;
    int64_t number, offset;
    while (lines.Next(line, number, offset)) {
      const absl::string_view entity = WithoutBom(line, number);
      std::string id = LineId(tape, scan, entity, /*sure=*/false);
      auto it = id.empty() ? changes.end() : changes.find(id);
      // The quick reading may answer for a line that is no JSON: a line the
      // delta names is read again by the parser.
      if (it != changes.end()) {
        id = LineId(tape, scan, entity, /*sure=*/true);
        it = id.empty() ? changes.end() : changes.find(id);
      }
      if (it == changes.end()) {
        EMBARGO_RETURN_IF_ERROR(Put(out.get(), line, temp));
        ++report.lines_kept;
        continue;
      }
      Change& c = it->second;
      if (c.op == Op::kAdd) {
        return absl::InvalidArgumentError(absl::StrCat(
            delta, ": line ", c.line, ": ADD of \"", id, "\", which ", previous_export,
            " has at line ", number, ": a delta of another edition?"));
      }
      if (c.found == 0) c.found = number;
      ++report.lines_dropped;
    }
  }
  // The first such line of the delta, whatever the table's order.
  const std::pair<const std::string, Change>* lacking = nullptr;
  for (const auto& entry : changes) {
    const Change& c = entry.second;
    if (c.op != Op::kAdd && c.found == 0 &&
        (lacking == nullptr || c.line < lacking->second.line)) {
      lacking = &entry;
    }
  }
  if (lacking != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        delta, ": line ", lacking->second.line, ": ", OpName(lacking->second.op), " of \"",
        lacking->first, "\", which ", previous_export,
        " does not have: a delta of another edition?"));
  }
  // 3. The added and modified entities, in the delta's order.
  EMBARGO_RETURN_IF_ERROR(ForEachDeltaLine(
      tape, delta, [&](const DeltaLine& d, int64_t) -> absl::Status {
        return d.op == Op::kDel ? absl::OkStatus() : Put(out.get(), d.entity, temp);
      }));
  report.lines_written = report.lines_kept + report.added + report.modified;
  if (std::fflush(out.get()) != 0 || std::ferror(out.get())) {
    return absl::DataLossError(absl::StrCat(temp, ": write failed"));
  }
  out.reset();
  if (std::rename(temp.c_str(), out_path.c_str()) != 0) {
    return absl::DataLossError(
        absl::StrCat(out_path, ": cannot write: ", std::strerror(errno)));
  }
  return report;
}

}  // namespace

absl::StatusOr<FtmDeltaReport> ApplyFtmDelta(const std::string& previous_export,
                                             const std::string& delta,
                                             const std::string& new_export) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(previous_export));
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(delta));
  for (const std::string* in : {&previous_export, &delta}) {
    if (SameFile(*in, new_export)) {
      return absl::InvalidArgumentError(absl::StrCat(
          new_export, ": the output is the same file as the input ", *in,
          " (writing would destroy it)"));
    }
  }
  const std::string temp = absl::StrCat(new_export, ".tmp-", ::getpid());
  absl::StatusOr<FtmDeltaReport> r = Apply(previous_export, delta, new_export, temp);
  if (!r.ok()) std::remove(temp.c_str());
  return r;
}

}  // namespace embargo
