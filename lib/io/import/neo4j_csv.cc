// Neo4j-style CSV importer. See embargo/import/neo4j_csv.h.
//
// Both entry points share one row parser: a header decides which column is
// which; each line is split on commas (a quote-aware split only for lines
// with a quote) and checked into a NodeRow or an EdgeRow, or rejected with
// its line, column and reason. The rows then go to a sink: proto records
// (ImportNeo4jCsv) or columns of compact records (LoadNeo4jCsvGraph, through
// internal::ColumnarBuilder). The relationship file is cut in two at a line
// boundary and the halves parsed on two threads, each into its own sink; the
// halves are joined in file order.

#include "embargo/import/neo4j_csv.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "embargo/date.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "embargo/kinds.h"
#include "lib/graph/columnar_builder.h"
#include "lib/graph/graph_data.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/text_util.h"

namespace embargo {
namespace {

using import_internal::BaseName;
using internal::ColumnarBuilder;
using internal::CompactKind;

// FileText holds a file's bytes: mapped read-only when it is a regular
// file (no copy, and the pages are the page cache's own), read otherwise.
class FileText {
 public:
  FileText() = default;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText() { Release(); }

  absl::Status Open(const std::string& path, int64_t max) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size == 0) {
      if (fd >= 0) ::close(fd);
      // Not mappable (or empty): read it, with ReadFileBytes' errors.
      absl::StatusOr<std::string> text = import_internal::ReadFileBytes(path, max);
      if (!text.ok()) return text.status();
      owned_ = *std::move(text);
      text_ = owned_;
      return absl::OkStatus();
    }
    if (st.st_size > max) {
      ::close(fd);
      return absl::ResourceExhaustedError(
          absl::StrCat(path, ": ", st.st_size,
                       " bytes is more than the limit of ", max, " bytes"));
    }
    size_ = static_cast<size_t>(st.st_size);
    map_ = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map_ == MAP_FAILED) {
      map_ = nullptr;
      return absl::UnavailableError(
          absl::StrCat(path, ": cannot map: ", std::strerror(errno)));
    }
    madvise(map_, size_, MADV_SEQUENTIAL);
    text_ = absl::string_view(static_cast<const char*>(map_), size_);
    return absl::OkStatus();
  }

  absl::string_view text() const { return text_; }

  // Release gives the bytes back early.
  void Release() {
    if (map_ != nullptr) munmap(map_, size_);
    map_ = nullptr;
    std::string().swap(owned_);
    text_ = absl::string_view();
  }

 private:
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string owned_;
  absl::string_view text_;
};

// IsAscii tests eight bytes at a time.
bool IsAscii(absl::string_view s) {
  size_t i = 0;
  uint64_t any = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    any |= w;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & 0x8080808080808080ull) == 0;
}

// ---- lines and fields -------------------------------------------------------

// Splits one line into fields. Lines with a quote go through a quote-aware
// split that unescapes into `scratch`. False when a quoted field is not
// closed on the line.
// Quoted fields are unescaped into `scratch`, a deque so that growing it
// never moves the strings earlier fields of the line point into.
bool SplitLine(absl::string_view line, std::vector<absl::string_view>& out,
               std::deque<std::string>& scratch) {
  out.clear();
  if (line.find('"') == absl::string_view::npos) {
    size_t start = 0;
    for (;;) {
      const size_t comma = line.find(',', start);
      if (comma == absl::string_view::npos) {
        out.push_back(line.substr(start));
        return true;
      }
      out.push_back(line.substr(start, comma - start));
      start = comma + 1;
    }
  }
  size_t used = 0;
  size_t i = 0;
  for (;;) {
    if (i < line.size() && line[i] == '"') {
      if (used == scratch.size()) scratch.emplace_back();
      std::string& s = scratch[used++];
      s.clear();
      ++i;
      for (;;) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            s.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        s.push_back(line[i++]);
      }
      out.push_back(s);
      if (i >= line.size()) return true;
      if (line[i] != ',') return false;
      ++i;
    } else {
      const size_t comma = line.find(',', i);
      if (comma == absl::string_view::npos) {
        out.push_back(line.substr(i));
        return true;
      }
      out.push_back(line.substr(i, comma - i));
      i = comma + 1;
    }
  }
}

// Calls f(line_number, line, quoted, closed) for each line of
// text[begin, end), numbering from first_line, with `fields` holding the
// line's fields. Trailing '\r' is dropped; empty lines are skipped but
// counted. A line without a quote is split on commas in the same pass that
// finds its end (one look at each byte, where finding the end, looking for
// a quote and finding each comma were four); a line with one goes through
// SplitLine, its unquoted fields kept in `scratch` until the next line,
// and `closed` is false when a quoted field does not end on the line.
template <typename F>
void ForEachRow(absl::string_view text, size_t begin, size_t end,
                int64_t first_line, std::vector<absl::string_view>& fields,
                std::deque<std::string>& scratch, F f) {
  int64_t line_no = first_line;
  const char* p = text.data() + begin;
  const char* const stop = text.data() + end;
  while (p < stop) {
    const char* const start = p;
    const char* field = p;
    bool quoted = false;
    fields.clear();
    for (; p < stop && *p != '\n'; ++p) {
      if (*p == ',') {
        fields.emplace_back(field, static_cast<size_t>(p - field));
        field = p + 1;
      } else if (*p == '"') {
        quoted = true;
      }
    }
    const char* line_end = p;
    if (line_end > start && line_end[-1] == '\r') --line_end;
    const absl::string_view line(start, static_cast<size_t>(line_end - start));
    if (!line.empty()) {
      bool closed = true;
      if (quoted) {
        closed = SplitLine(line, fields, scratch);
      } else {
        // A '\r' the line ends with never follows its last comma's field
        // start: line_end >= field.
        fields.emplace_back(field, static_cast<size_t>(line_end - field));
      }
      f(line_no, line, quoted, closed);
    }
    ++line_no;
    p = p + 1;
  }
}

// ---- headers ---------------------------------------------------------------

enum class ValueType { kString, kInt, kFloat, kBool };

struct HeaderColumn {
  std::string name;  // Lower case, without the type.
  std::string type;  // Upper case ("ID", "LABEL", "INT", ...), "" if none.
};

std::vector<HeaderColumn> ParseHeader(absl::string_view line) {
  std::vector<absl::string_view> fields;
  std::deque<std::string> scratch;
  SplitLine(line, fields, scratch);
  std::vector<HeaderColumn> cols;
  for (absl::string_view f : fields) {
    f = absl::StripAsciiWhitespace(f);
    HeaderColumn c;
    const size_t colon = f.rfind(':');
    absl::string_view type =
        colon == absl::string_view::npos ? "" : f.substr(colon + 1);
    const size_t paren = type.find('(');  // ":ID(Group)" id spaces.
    if (paren != absl::string_view::npos) type = type.substr(0, paren);
    c.name = absl::AsciiStrToLower(
        colon == absl::string_view::npos ? f : f.substr(0, colon));
    c.type = absl::AsciiStrToUpper(type);
    cols.push_back(std::move(c));
  }
  return cols;
}

ValueType TypeOf(const std::string& type) {
  if (type == "INT" || type == "LONG" || type == "SHORT" || type == "BYTE") {
    return ValueType::kInt;
  }
  if (type == "FLOAT" || type == "DOUBLE") return ValueType::kFloat;
  if (type == "BOOLEAN") return ValueType::kBool;
  return ValueType::kString;
}

struct NodeHeader {
  size_t columns = 0;
  int id = -1, label = -1, name = -1, country = -1;
};

struct EdgeHeader {
  size_t columns = 0;
  int start = -1, end = -1, type = -1, share = -1, item = -1, year = -1,
      status = -1;
  // The "start" and "end" date columns ExportNeo4jCsv writes: a relation's
  // period, so that stakes held at different times do not sum on re-import.
  int period_start = -1, period_end = -1;
  ValueType share_type = ValueType::kFloat, year_type = ValueType::kInt;
};

absl::StatusOr<NodeHeader> NodeHeaderOf(const std::string& path,
                                        absl::string_view line,
                                        std::vector<std::string>& notes) {
  NodeHeader h;
  const std::vector<HeaderColumn> cols = ParseHeader(line);
  h.columns = cols.size();
  for (size_t i = 0; i < cols.size(); ++i) {
    const int c = static_cast<int>(i);
    if (cols[i].type == "ID") {
      h.id = c;
    } else if (cols[i].type == "LABEL") {
      h.label = c;
    } else if (cols[i].name == "name") {
      h.name = c;
    } else if (cols[i].name == "country") {
      h.country = c;
    } else {
      notes.push_back(absl::StrCat(path, ": column ", i + 1, " (\"",
                                   cols[i].name, "\") is not imported"));
    }
  }
  if (h.id < 0 || h.label < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": line 1: the node header needs an :ID and a :LABEL column"));
  }
  return h;
}

absl::StatusOr<EdgeHeader> EdgeHeaderOf(const std::string& path,
                                        absl::string_view line,
                                        std::vector<std::string>& notes) {
  EdgeHeader h;
  const std::vector<HeaderColumn> cols = ParseHeader(line);
  h.columns = cols.size();
  for (size_t i = 0; i < cols.size(); ++i) {
    const int c = static_cast<int>(i);
    const HeaderColumn& col = cols[i];
    if (col.type == "START_ID") {
      h.start = c;
    } else if (col.type == "END_ID") {
      h.end = c;
    } else if (col.type == "TYPE") {
      h.type = c;
    } else if (col.name == "share") {
      h.share = c;
      h.share_type = TypeOf(col.type);
    } else if (col.name == "item") {
      h.item = c;
    } else if (col.name == "year") {
      h.year = c;
      h.year_type = TypeOf(col.type);
    } else if (col.name == "status") {
      h.status = c;
    } else if (col.name == "start") {
      h.period_start = c;
    } else if (col.name == "end") {
      h.period_end = c;
    } else {
      notes.push_back(absl::StrCat(path, ": column ", i + 1, " (\"", col.name,
                                   "\") is not imported"));
    }
  }
  if (h.start < 0 || h.end < 0 || h.type < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(path,
                     ": line 1: the relationship header needs :START_ID, "
                     ":END_ID and :TYPE columns"));
  }
  return h;
}

// ---- rows ------------------------------------------------------------------

struct Reject {
  int64_t line;
  int64_t column;
  std::string reason;
};

struct NodeRow {
  absl::string_view id, name, country;
  v1::ActorKind kind;
};

std::optional<v1::ActorKind> KindOfLabel(absl::string_view label,
                                         bool has_country) {
  struct Entry {
    absl::string_view label;
    v1::ActorKind kind;
  };
  static constexpr Entry kLabels[] = {
      {"State", v1::ACTOR_KIND_STATE},
      {"Company", v1::ACTOR_KIND_COMPANY},
      {"Person", v1::ACTOR_KIND_PERSON},
      {"Vessel", v1::ACTOR_KIND_VESSEL},
      {"Aircraft", v1::ACTOR_KIND_AIRCRAFT},
      {"Organization", v1::ACTOR_KIND_ORGANIZATION},
      {"Organisation", v1::ACTOR_KIND_ORGANIZATION},
      {"MilitaryUnit", v1::ACTOR_KIND_MILITARY_UNIT},
      {"GovernmentBody", v1::ACTOR_KIND_GOVERNMENT_BODY},
      {"InternationalBody", v1::ACTOR_KIND_INTERNATIONAL_BODY},
      {"LegalEntity", v1::ACTOR_KIND_LEGAL_ENTITY},
  };
  for (absl::string_view one : absl::StrSplit(label, ';')) {
    if (one == "Authority") {
      return has_country ? v1::ACTOR_KIND_GOVERNMENT_BODY
                         : v1::ACTOR_KIND_INTERNATIONAL_BODY;
    }
    for (const Entry& e : kLabels) {
      if (one == e.label) return e.kind;
    }
  }
  return std::nullopt;
}

bool IsIsoAlpha3(absl::string_view id) {
  return id.size() == 3 && absl::ascii_isupper(id[0]) &&
         absl::ascii_isupper(id[1]) && absl::ascii_isupper(id[2]);
}

// Checks a node line into a row; false with `reject` filled otherwise.
bool ParseNodeRow(const NodeHeader& h, absl::Span<const absl::string_view> f,
                  int64_t line, NodeRow& row, Reject& reject,
                  absl::flat_hash_map<std::string, int64_t>& unknown_labels) {
  if (f.size() != h.columns) {
    reject = {line, 0,
              absl::StrCat("expected ", h.columns, " fields, found ", f.size())};
    return false;
  }
  row.id = f[h.id];
  if (row.id.empty()) {
    reject = {line, h.id + 1, "empty node id"};
    return false;
  }
  row.country = h.country >= 0 ? f[h.country] : absl::string_view();
  row.name = h.name >= 0 ? f[h.name] : absl::string_view();
  if (row.name.empty()) row.name = row.id;
  std::optional<v1::ActorKind> kind =
      KindOfLabel(f[h.label], !row.country.empty());
  if (!kind) {
    ++unknown_labels[std::string(f[h.label])];
    reject = {line, h.label + 1,
              absl::StrCat("unknown label \"", f[h.label], "\"")};
    return false;
  }
  if (*kind == v1::ACTOR_KIND_STATE && !IsIsoAlpha3(row.id)) {
    reject = {line, h.id + 1,
              absl::StrCat("state id \"", row.id,
                           "\" is not an ISO 3166-1 alpha-3 code")};
    return false;
  }
  row.kind = *kind;
  return true;
}

struct TypeInfo {
  absl::string_view name;
  CompactKind record;
  EdgeKind edge;
  v1::RelationKind relation;
};

constexpr TypeInfo kTypes[] = {
    {"OWNS", CompactKind::kRelation, EdgeKind::kOwnership,
     v1::RELATION_KIND_OWNERSHIP},
    {"DIRECTS", CompactKind::kRelation, EdgeKind::kDirectorship,
     v1::RELATION_KIND_DIRECTORSHIP},
    {"OPERATES", CompactKind::kRelation, EdgeKind::kOperator,
     v1::RELATION_KIND_OPERATOR},
    {"FLAG", CompactKind::kRelation, EdgeKind::kFlag, v1::RELATION_KIND_FLAG},
    {"TRANSFER", CompactKind::kTransfer, EdgeKind::kTransfer,
     v1::RELATION_KIND_UNSPECIFIED},
    {"SANCTIONS", CompactKind::kSanction, EdgeKind::kSanction,
     v1::RELATION_KIND_UNSPECIFIED},
    {"CONTROLS", CompactKind::kRelation, EdgeKind::kControl,
     v1::RELATION_KIND_CONTROL},
    {"MEMBER_OF", CompactKind::kRelation, EdgeKind::kMembership,
     v1::RELATION_KIND_MEMBERSHIP},
    {"EMPLOYED_BY", CompactKind::kRelation, EdgeKind::kEmployment,
     v1::RELATION_KIND_EMPLOYMENT},
    {"FAMILY", CompactKind::kRelation, EdgeKind::kFamily,
     v1::RELATION_KIND_FAMILY},
    {"ASSOCIATE", CompactKind::kRelation, EdgeKind::kAssociate,
     v1::RELATION_KIND_ASSOCIATE},
    {"PART_OF", CompactKind::kRelation, EdgeKind::kPartOf,
     v1::RELATION_KIND_PART_OF},
};

struct EdgeRow {
  const TypeInfo* type;
  absl::string_view start, end, program;
  double share = 0;
  int year = 0;
  v1::ItemCategory item = v1::ITEM_UNSPECIFIED;
  v1::Status status;
  PartialDate period_start, period_end;  // Unknown when absent.
};

// Per-thread parsing state: caches of parsed enum names, unknown types.
struct EdgeParser {
  const EdgeHeader& h;
  v1::Status default_status;
  std::vector<std::pair<std::string, v1::ItemCategory>> items;
  std::vector<std::pair<std::string, v1::Status>> statuses;
  absl::flat_hash_map<std::string, int64_t> unknown_types;

  std::optional<v1::ItemCategory> Item(absl::string_view s) {
    for (const auto& [name, item] : items) {
      if (name == s) return item;
    }
    absl::StatusOr<v1::ItemCategory> p = ParseItem(s);
    if (!p.ok()) return std::nullopt;
    items.emplace_back(std::string(s), *p);
    return *p;
  }
  std::optional<v1::Status> Status(absl::string_view s) {
    for (const auto& [name, status] : statuses) {
      if (name == s) return status;
    }
    absl::StatusOr<v1::Status> p = ParseStatus(s);
    if (!p.ok() || *p == v1::STATUS_UNSPECIFIED) return std::nullopt;
    statuses.emplace_back(std::string(s), *p);
    return *p;
  }

  bool Parse(absl::Span<const absl::string_view> f, int64_t line, EdgeRow& row,
             Reject& reject) {
    if (f.size() != h.columns) {
      reject = {line, 0,
                absl::StrCat("expected ", h.columns, " fields, found ",
                             f.size())};
      return false;
    }
    const absl::string_view type = f[h.type];
    row.type = nullptr;
    for (const TypeInfo& t : kTypes) {
      if (t.name == type) {
        row.type = &t;
        break;
      }
    }
    if (row.type == nullptr) {
      ++unknown_types[std::string(type)];
      reject = {line, h.type + 1,
                absl::StrCat("unknown relationship type \"", type, "\"")};
      return false;
    }
    row.start = f[h.start];
    row.end = f[h.end];
    if (row.start == row.end) {
      reject = {line, h.end + 1, "the relationship joins a node to itself"};
      return false;
    }
    row.share = 0;
    if (h.share >= 0 && !f[h.share].empty()) {
      const absl::string_view s = f[h.share];
      const auto r = std::from_chars(s.data(), s.data() + s.size(), row.share);
      if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
        reject = {line, h.share + 1,
                  absl::StrCat("share \"", s, "\" is not a number")};
        return false;
      }
      if (row.type->edge != EdgeKind::kOwnership) {
        reject = {line, h.share + 1, "a share is only meaningful for OWNS"};
        return false;
      }
      if (!(row.share > 0 && row.share <= 100)) {
        reject = {line, h.share + 1,
                  absl::StrCat("share ", s, " is outside (0, 100]")};
        return false;
      }
    }
    row.year = 0;
    if (h.year >= 0 && !f[h.year].empty()) {
      const absl::string_view s = f[h.year];
      const auto r = std::from_chars(s.data(), s.data() + s.size(), row.year);
      if (r.ec != std::errc() || r.ptr != s.data() + s.size() ||
          row.year < 1 || row.year > 9999) {
        reject = {line, h.year + 1,
                  absl::StrCat("year \"", s, "\" is not a year in 1..9999")};
        return false;
      }
    }
    for (auto [column, date] : {std::pair{h.period_start, &row.period_start},
                                std::pair{h.period_end, &row.period_end}}) {
      *date = PartialDate();
      if (column < 0 || f[column].empty()) continue;
      absl::StatusOr<PartialDate> d = PartialDate::Parse(f[column]);
      if (!d.ok()) {
        reject = {line, column + 1,
                  absl::StrCat("date \"", f[column], "\": ",
                               d.status().message())};
        return false;
      }
      *date = *d;
    }
    row.status = default_status;
    if (h.status >= 0 && !f[h.status].empty()) {
      std::optional<v1::Status> st = Status(f[h.status]);
      if (!st) {
        reject = {line, h.status + 1,
                  absl::StrCat("unknown status \"", f[h.status], "\"")};
        return false;
      }
      row.status = *st;
    }
    const absl::string_view item = h.item >= 0 ? f[h.item] : "";
    row.item = v1::ITEM_UNSPECIFIED;
    row.program = {};
    switch (row.type->record) {
      case CompactKind::kTransfer: {
        if (item.empty()) {
          reject = {line, h.item >= 0 ? h.item + 1 : 0,
                    "a TRANSFER needs an item"};
          return false;
        }
        std::optional<v1::ItemCategory> it = Item(item);
        if (!it || *it == v1::ITEM_UNSPECIFIED) {
          reject = {line, h.item + 1,
                    absl::StrCat("unknown item category \"", item, "\"")};
          return false;
        }
        row.item = *it;
        break;
      }
      case CompactKind::kSanction:
        if (row.year == 0) {
          reject = {line, h.year >= 0 ? h.year + 1 : 0,
                    "a SANCTIONS row needs the year of listing"};
          return false;
        }
        row.program = item;
        break;
      default:
        break;
    }
    return true;
  }
};

// ---- the two files ---------------------------------------------------------

struct Input {
  std::string nodes_path, edges_path;
  FileText nodes_file, edges_file;
  absl::string_view nodes_text, edges_text;  // Their bytes.
  size_t nodes_body = 0, edges_body = 0;  // Offsets after the header.
  NodeHeader node_header;
  EdgeHeader edge_header;
  ImportReport report;
};

absl::StatusOr<std::unique_ptr<Input>> Open(const std::string& nodes_path,
                                            const std::string& edges_path,
                                            const Neo4jCsvOptions& options) {
  auto in = std::make_unique<Input>();
  in->nodes_path = nodes_path;
  in->edges_path = edges_path;
  in->report.format = "neo4j-csv";
  in->report.files = {nodes_path, edges_path};
  EMBARGO_RETURN_IF_ERROR(in->nodes_file.Open(nodes_path, options.max_file_bytes));
  EMBARGO_RETURN_IF_ERROR(in->edges_file.Open(edges_path, options.max_file_bytes));
  in->nodes_text = in->nodes_file.text();
  in->edges_text = in->edges_file.text();
  // Neo4j's import files are UTF-8; anything else is refused with its place
  // rather than carried into records as invalid strings.
  for (const auto& [path, text] :
       {std::pair<const std::string&, absl::string_view>{nodes_path, in->nodes_text},
        std::pair<const std::string&, absl::string_view>{edges_path, in->edges_text}}) {
    size_t bad = 0;
    if (!IsAscii(text) && !import_internal::IsValidUtf8(text, &bad)) {
      const size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
      const int64_t line = 1 + std::count(text.begin(), text.begin() +
                                          static_cast<std::ptrdiff_t>(bad), '\n');
      const size_t column =
          bad - (line_start == std::string::npos || bad == 0 ? 0 : line_start + 1) + 1;
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s:%d:%d: byte 0x%02X is not UTF-8; Neo4j CSV files must be UTF-8",
          path, line, column, static_cast<unsigned char>(text[bad])));
    }
  }
  auto header = [](absl::string_view text, size_t& body) {
    const size_t nl = text.find('\n');
    body = nl == std::string::npos ? text.size() : nl + 1;
    absl::string_view h(text.data(), nl == std::string::npos ? text.size() : nl);
    if (!h.empty() && h.back() == '\r') h.remove_suffix(1);
    return h;
  };
  EMBARGO_ASSIGN_OR_RETURN(
      in->node_header,
      NodeHeaderOf(nodes_path, header(in->nodes_text, in->nodes_body),
                   in->report.notes));
  EMBARGO_ASSIGN_OR_RETURN(
      in->edge_header,
      EdgeHeaderOf(edges_path, header(in->edges_text, in->edges_body),
                   in->report.notes));
  return in;
}

v1::Source SourceFor(const std::string& path) {
  v1::Source s;
  s.set_id(absl::StrCat("csv:", BaseName(path)));
  s.set_title(BaseName(path));
  s.set_note(absl::StrCat("Neo4j-style CSV file ", path,
                          "; evidence locators are line numbers"));
  return s;
}

// Cuts text[begin, end) into `parts` ranges at line boundaries and gives
// the line number of each range's first line (the header is line 1).
struct Range {
  size_t begin, end;
  int64_t first_line;
};

std::vector<Range> Cut(absl::string_view text, size_t begin, int parts) {
  std::vector<Range> out;
  size_t pos = begin;
  int64_t line = 2;
  for (int p = 0; p < parts; ++p) {
    size_t stop = p + 1 == parts
                      ? text.size()
                      : begin + (text.size() - begin) * (p + 1) / parts;
    if (stop < pos) stop = pos;
    if (p + 1 < parts) {
      const size_t nl = text.find('\n', stop);
      stop = nl == absl::string_view::npos ? text.size() : nl + 1;
    }
    out.push_back({pos, stop, line});
    line += std::count(text.begin() + static_cast<std::ptrdiff_t>(pos),
                       text.begin() + static_cast<std::ptrdiff_t>(stop), '\n');
    pos = stop;
  }
  return out;
}

// What one thread of edge parsing gives back, besides its sink.
struct EdgePart {
  std::vector<Reject> rejected;
  int64_t read = 0;
  int64_t imported = 0;
  absl::flat_hash_map<std::string, int64_t> unknown_types;
};

// Runs parse(range, part) for each part, on threads when asked.
template <typename F>
void RunParts(const std::vector<Range>& ranges, std::vector<EdgePart>& parts,
              bool parallel, F parse) {
  parts.resize(ranges.size());
  if (!parallel || ranges.size() == 1) {
    for (size_t i = 0; i < ranges.size(); ++i) parse(ranges[i], parts[i], i);
    return;
  }
  std::vector<std::thread> threads;
  for (size_t i = 1; i < ranges.size(); ++i) {
    threads.emplace_back([&, i] { parse(ranges[i], parts[i], i); });
  }
  parse(ranges[0], parts[0], 0);
  for (std::thread& t : threads) t.join();
}

void AddRejects(ImportReport& report, const std::string& file,
                std::vector<Reject>& rejects) {
  std::stable_sort(rejects.begin(), rejects.end(),
                   [](const Reject& a, const Reject& b) { return a.line < b.line; });
  for (Reject& r : rejects) {
    report.rejected.push_back({file, r.line, r.column, std::move(r.reason)});
  }
}

void Tally(ImportReport& report, absl::string_view what,
           const absl::flat_hash_map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> sorted(counts.begin(),
                                                      counts.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [name, n] : sorted) {
    report.notes.push_back(
        absl::StrCat("unknown ", what, " \"", name, "\": ", n, " rows"));
  }
}

int Parts(const Input& in, const Neo4jCsvOptions& options) {
  const size_t body = in.edges_text.size() - in.edges_body;
  return options.parallel && body > (size_t{1} << 20) ? 2 : 1;
}

}  // namespace

absl::StatusOr<ImportResult> ImportNeo4jCsv(const std::string& nodes_path,
                                            const std::string& edges_path,
                                            const Neo4jCsvOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::unique_ptr<Input> in,
                           Open(nodes_path, edges_path, options));
  ImportResult result;
  ImportReport& report = in->report;
  v1::Dataset& ds = result.dataset;
  ds.set_name("neo4j-csv");
  ds.set_description(absl::StrCat("Imported from ", nodes_path, " and ",
                                   edges_path));
  *ds.add_sources() = SourceFor(nodes_path);
  *ds.add_sources() = SourceFor(edges_path);
  const std::string node_source = ds.sources(0).id();
  const std::string edge_source = ds.sources(1).id();

  // Nodes.
  absl::flat_hash_map<absl::string_view, int64_t> seen;
  absl::flat_hash_map<std::string, int64_t> unknown_labels;
  {
    std::vector<absl::string_view> fields;
    std::deque<std::string> scratch;
    std::vector<Reject> rejects;
    ForEachRow(in->nodes_text, in->nodes_body, in->nodes_text.size(), 2,
               fields, scratch,
               [&](int64_t line, absl::string_view, bool, bool closed) {
      ++report.rows_read;
      Reject reject;
      NodeRow row;
      if (!closed) {
        rejects.push_back({line, 0, "a quoted field is not closed on its line"});
        return;
      }
      if (!ParseNodeRow(in->node_header, fields, line, row, reject,
                        unknown_labels)) {
        rejects.push_back(std::move(reject));
        return;
      }
      // Quoted ids live in scratch: keep a stable copy via the actor.
      v1::Actor* a = ds.add_actors();
      a->set_id(std::string(row.id));
      auto [it, added] = seen.emplace(a->id(), line);
      if (!added) {
        rejects.push_back({line, in->node_header.id + 1,
                           absl::StrCat("duplicate node id \"", row.id,
                                        "\" (first on line ", it->second,
                                        ")")});
        ds.mutable_actors()->RemoveLast();
        return;
      }
      a->set_kind(row.kind);
      a->set_name(std::string(row.name));
      a->set_country(std::string(row.country));
      v1::Evidence* ev = a->add_evidence();
      ev->set_source_id(node_source);
      ev->set_locator(absl::StrCat(line));
      ++report.rows_imported;
    });
    AddRejects(report, nodes_path, rejects);
  }
  // A country must be a State node of the file. One that is not is kept in
  // the actor's note, not as a dangling reference, and reported.
  {
    absl::flat_hash_set<absl::string_view> states;
    for (const v1::Actor& a : ds.actors()) {
      if (a.kind() == v1::ACTOR_KIND_STATE) states.insert(a.id());
    }
    int64_t cleared = 0;
    std::string first;
    for (v1::Actor& a : *ds.mutable_actors()) {
      if (a.country().empty() || states.contains(a.country())) continue;
      if (cleared++ == 0) first = absl::StrCat(a.id(), " (", a.country(), ")");
      a.set_note(absl::StrCat("country \"", a.country(),
                              "\" in the file is not a State node of it"));
      a.clear_country();
    }
    if (cleared > 0) {
      report.notes.push_back(absl::StrCat(
          cleared, " node(s) name a country that is not a State node of ",
          nodes_path, "; the value is kept in the actor's note (first: ",
          first, ")"));
    }
  }
  // `seen` keys point into the actors, which stay put from here on.
  report.records["actor"] = ds.actors_size();
  report.records["source"] = ds.sources_size();

  // Edges, on up to two threads, each into its own dataset.
  const std::vector<Range> ranges =
      Cut(in->edges_text, in->edges_body, Parts(*in, options));
  std::vector<EdgePart> parts;
  std::vector<v1::Dataset> local(ranges.size());
  RunParts(ranges, parts, options.parallel, [&](const Range& range,
                                                EdgePart& part, size_t index) {
    EdgeParser parser{in->edge_header, options.default_status, {}, {}, {}};
    v1::Dataset& out = local[index];
    std::vector<absl::string_view> fields;
    std::deque<std::string> scratch;
    ForEachRow(in->edges_text, range.begin, range.end, range.first_line,
               fields, scratch,
               [&](int64_t line, absl::string_view, bool, bool closed) {
      ++part.read;
      EdgeRow row;
      Reject reject;
      if (!closed) {
        part.rejected.push_back(
            {line, 0, "a quoted field is not closed on its line"});
        return;
      }
      if (!parser.Parse(fields, line, row, reject)) {
        part.rejected.push_back(std::move(reject));
        return;
      }
      if (!seen.contains(row.start)) {
        part.rejected.push_back(
            {line, in->edge_header.start + 1,
             absl::StrCat("unknown start node \"", row.start, "\"")});
        return;
      }
      if (!seen.contains(row.end)) {
        part.rejected.push_back(
            {line, in->edge_header.end + 1,
             absl::StrCat("unknown end node \"", row.end, "\"")});
        return;
      }
      const std::string id = absl::StrCat(internal::kCompactIdPrefix, line);
      v1::Evidence ev;
      ev.set_source_id(edge_source);
      ev.set_locator(absl::StrCat(line));
      switch (row.type->record) {
        case CompactKind::kRelation: {
          v1::Relation* r = out.add_relations();
          r->set_id(id);
          r->set_kind(row.type->relation);
          r->set_subject_id(std::string(row.start));
          r->set_object_id(std::string(row.end));
          r->set_share_percent(row.share);
          if (row.period_start.known()) {
            *r->mutable_period()->mutable_start() = row.period_start.ToProto();
          } else if (row.year != 0) {
            r->mutable_period()->mutable_start()->set_year(row.year);
          }
          if (row.period_end.known()) {
            *r->mutable_period()->mutable_end() = row.period_end.ToProto();
          }
          r->set_status(row.status);
          *r->add_evidence() = std::move(ev);
          break;
        }
        case CompactKind::kTransfer: {
          v1::Transfer* t = out.add_transfers();
          t->set_id(id);
          t->set_supplier_id(std::string(row.start));
          t->set_recipient_id(std::string(row.end));
          t->set_item(row.item);
          if (row.year != 0) {
            t->mutable_delivered()->mutable_start()->set_year(row.year);
            t->mutable_delivered()->mutable_end()->set_year(row.year);
          }
          t->set_status(row.status);
          *t->add_evidence() = std::move(ev);
          break;
        }
        case CompactKind::kSanction: {
          v1::Sanction* s = out.add_sanctions();
          s->set_id(id);
          s->set_authority_id(std::string(row.start));
          s->set_target_id(std::string(row.end));
          s->set_program(std::string(row.program));
          s->add_measures(v1::MEASURE_ASSET_FREEZE);
          s->mutable_listed()->set_year(row.year);
          s->set_status(row.status);
          *s->add_evidence() = std::move(ev);
          break;
        }
        case CompactKind::kActor:
          break;
      }
      ++part.imported;
    });
    part.unknown_types = std::move(parser.unknown_types);
  });

  absl::flat_hash_map<std::string, int64_t> unknown_types;
  for (size_t i = 0; i < parts.size(); ++i) {
    EdgePart& part = parts[i];
    report.rows_read += part.read;
    report.rows_imported += part.imported;
    AddRejects(report, edges_path, part.rejected);
    for (const auto& [name, n] : part.unknown_types) unknown_types[name] += n;
    auto move_all = [](auto* from, auto* to) {
      const int n = from->size();
      to->Reserve(to->size() + n);
      using Ptr = decltype(from->Mutable(0));
      std::vector<Ptr> ptrs(static_cast<size_t>(n));
      from->ExtractSubrange(0, n, ptrs.data());
      for (Ptr p : ptrs) to->AddAllocated(p);
    };
    move_all(local[i].mutable_transfers(), ds.mutable_transfers());
    move_all(local[i].mutable_sanctions(), ds.mutable_sanctions());
    move_all(local[i].mutable_relations(), ds.mutable_relations());
  }
  // Shares of one asset may not sum to over 100 at any one time: a row
  // whose stake, with the kept stakes whose periods overlap it, would go
  // over is rejected, in file order, with that sum. (A row without a period
  // holds from its year on, or always.)
  {
    struct Stake {
      DayRange days;
      double share;
    };
    absl::flat_hash_map<std::string, std::vector<Stake>> owned;
    auto* rels = ds.mutable_relations();
    int kept = 0;
    for (int i = 0; i < rels->size(); ++i) {
      const v1::Relation& r = rels->Get(i);
      bool keep = true;
      if (r.kind() == v1::RELATION_KIND_OWNERSHIP) {
        std::vector<Stake>& stakes = owned[r.object_id()];
        const DayRange days = SpanOf(r.period());
        double sum = 0;
        for (const Stake& k : stakes) {
          if (k.days.Overlaps(days)) sum += k.share;
        }
        if (sum + r.share_percent() > 100.0 + 1e-9) {
          int64_t line = 0;
          absl::SimpleAtoi(r.evidence(0).locator(), &line);
          report.rejected.push_back(
              {edges_path, line, in->edge_header.share + 1,
               absl::StrCat("share ", r.share_percent(), " of \"", r.object_id(),
                            "\" would bring its owners' shares to ",
                            sum + r.share_percent(), " (over 100)")});
          --report.rows_imported;
          keep = false;
        } else {
          stakes.push_back({days, r.share_percent()});
        }
      }
      if (keep) {
        if (kept != i) rels->SwapElements(kept, i);
        ++kept;
      }
    }
    while (rels->size() > kept) rels->RemoveLast();
  }
  report.records["transfer"] = ds.transfers_size();
  report.records["sanction"] = ds.sanctions_size();
  report.records["relation"] = ds.relations_size();
  Tally(report, "label", unknown_labels);
  Tally(report, "relationship type", unknown_types);
  result.report = std::move(report);
  return result;
}

absl::StatusOr<Neo4jCsvGraph> LoadNeo4jCsvGraph(
    const std::string& nodes_path, const std::string& edges_path,
    const Neo4jCsvOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(std::unique_ptr<Input> in,
                           Open(nodes_path, edges_path, options));
  ImportReport& report = in->report;
  ColumnarBuilder b;
  const v1::Source node_source = SourceFor(nodes_path);
  const v1::Source edge_source = SourceFor(edges_path);
  const uint8_t node_file =
      b.AddFile(nodes_path, ColumnarBuilder::FileForm::kCsv);
  const uint8_t edge_file =
      b.AddFile(edges_path, ColumnarBuilder::FileForm::kCsv);
  const uint8_t node_evidence = b.AddEvidenceSource(node_source.id());
  const uint8_t edge_evidence = b.AddEvidenceSource(edge_source.id());
  b.AddSource(node_source);
  b.AddSource(edge_source);

  // Nodes, one thread.
  absl::flat_hash_map<std::string, int64_t> unknown_labels;
  {
    std::vector<absl::string_view> fields;
    std::deque<std::string> scratch;
    std::vector<Reject> rejects;
    b.ReserveNodes(static_cast<size_t>(std::count(
        in->nodes_text.begin() + static_cast<std::ptrdiff_t>(in->nodes_body),
        in->nodes_text.end(), '\n')));
    ForEachRow(in->nodes_text, in->nodes_body, in->nodes_text.size(), 2,
               fields, scratch,
               [&](int64_t line, absl::string_view, bool, bool closed) {
      ++report.rows_read;
      Reject reject;
      NodeRow row;
      if (!closed) {
        rejects.push_back({line, 0, "a quoted field is not closed on its line"});
        return;
      }
      if (!ParseNodeRow(in->node_header, fields, line, row, reject,
                        unknown_labels)) {
        rejects.push_back(std::move(reject));
        return;
      }
      b.AddActor(row.id, row.name, row.country, row.kind, node_file,
                 node_evidence, static_cast<uint32_t>(line),
                 static_cast<uint32_t>(line));
      ++report.rows_imported;
    });
    for (const internal::CompactRecord& c : b.SealNodes()) {
      --report.rows_imported;
      rejects.push_back({c.line, in->node_header.id + 1,
                         "duplicate node id (the first row with it is kept)"});
    }
    AddRejects(report, nodes_path, rejects);
    in->nodes_file.Release();
    in->nodes_text = absl::string_view();
  }

  // Edges, on up to two threads, each into its own chunk.
  const std::vector<Range> ranges =
      Cut(in->edges_text, in->edges_body, Parts(*in, options));
  std::vector<EdgePart> parts;
  std::vector<ColumnarBuilder::EdgeChunk> chunks(ranges.size());
  RunParts(ranges, parts, options.parallel, [&](const Range& range,
                                                EdgePart& part, size_t index) {
    EdgeParser parser{in->edge_header, options.default_status, {}, {}, {}};
    ColumnarBuilder::EdgeChunk& chunk = chunks[index];
    // About 37 bytes a line in typical files; reserving avoids regrowth.
    // The first chunk's columns become the graph's (ColumnarBuilder::
    // Finish), so it reserves room for every line.
    chunk.Reserve((index == 0 ? in->edges_text.size() - in->edges_body
                              : range.end - range.begin) /
                  32);
    std::vector<absl::string_view> fields;
    std::deque<std::string> scratch;
    // Rows wait in a small batch so that their ids' index slots can be
    // prefetched: the lookups then rarely wait on memory.
    struct Pending {
      EdgeRow row;
      int64_t line;
      uint64_t start_hash, end_hash;
    };
    constexpr size_t kBatch = 16;
    Pending batch[kBatch];
    size_t pending = 0;
    auto resolve = [&](const Pending& p) {
      const std::optional<uint32_t> from = b.FindHashed(p.row.start, p.start_hash);
      if (!from) {
        part.rejected.push_back(
            {p.line, in->edge_header.start + 1,
             absl::StrCat("unknown start node \"", p.row.start, "\"")});
        return;
      }
      const std::optional<uint32_t> to = b.FindHashed(p.row.end, p.end_hash);
      if (!to) {
        part.rejected.push_back(
            {p.line, in->edge_header.end + 1,
             absl::StrCat("unknown end node \"", p.row.end, "\"")});
        return;
      }
      const EdgeRow& row = p.row;
      ColumnarBuilder::AddEdge(chunk, row.type->record, row.type->edge, *from,
                               *to, row.item, row.status, row.share, row.year,
                               row.program, edge_file, edge_evidence,
                               static_cast<uint32_t>(p.line),
                               static_cast<uint32_t>(p.line));
      ++part.imported;
    };
    auto flush = [&] {
      for (size_t i = 0; i < pending; ++i) resolve(batch[i]);
      pending = 0;
    };
    ForEachRow(in->edges_text, range.begin, range.end, range.first_line,
               fields, scratch,
               [&](int64_t line, absl::string_view, bool quoted, bool closed) {
      ++part.read;
      Reject reject;
      // Quoted fields live in `scratch` only until the next line.
      if (!closed) {
        part.rejected.push_back(
            {line, 0, "a quoted field is not closed on its line"});
        return;
      }
      Pending& p = batch[pending];
      if (!parser.Parse(fields, line, p.row, reject)) {
        part.rejected.push_back(std::move(reject));
        return;
      }
      p.line = line;
      p.start_hash = internal::IdIndex::Hash(p.row.start);
      p.end_hash = internal::IdIndex::Hash(p.row.end);
      if (quoted) {
        flush();
        resolve(batch[0] = p);
        return;
      }
      b.Prefetch(p.start_hash);
      b.Prefetch(p.end_hash);
      if (++pending == kBatch) flush();
    });
    flush();
    part.unknown_types = std::move(parser.unknown_types);
  });
  in->edges_file.Release();
  in->edges_text = absl::string_view();

  absl::flat_hash_map<std::string, int64_t> unknown_types;
  int64_t counts[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < parts.size(); ++i) {
    report.rows_read += parts[i].read;
    report.rows_imported += parts[i].imported;
    AddRejects(report, edges_path, parts[i].rejected);
    for (const auto& [name, n] : parts[i].unknown_types) {
      unknown_types[name] += n;
    }
    for (const internal::CompactRecord& r : chunks[i].records) {
      ++counts[static_cast<int>(r.kind)];
    }
    b.AddChunk(std::move(chunks[i]));
  }
  report.records["source"] = 2;
  report.records["actor"] = report.rows_imported - parts[0].imported -
                            (parts.size() > 1 ? parts[1].imported : 0);
  report.records["relation"] = counts[static_cast<int>(CompactKind::kRelation)];
  report.records["transfer"] = counts[static_cast<int>(CompactKind::kTransfer)];
  report.records["sanction"] = counts[static_cast<int>(CompactKind::kSanction)];
  Tally(report, "label", unknown_labels);
  Tally(report, "relationship type", unknown_types);

  EMBARGO_ASSIGN_OR_RETURN(std::shared_ptr<internal::GraphData> data,
                           b.Finish());
  return Neo4jCsvGraph{internal::WrapGraph(std::move(data)), std::move(report)};
}

}  // namespace embargo
