// The Neo4j-style CSV importer's files, lines, fields and rows. See
// neo4j_csv_rows.h.

#include "lib/io/import/neo4j_csv_rows.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/text_util.h"
#include "lib/text/utf8.h"

namespace embargo::neo4j_internal {
namespace {

using import_internal::BaseName;

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

}  // namespace

void FileText::Release() {
  if (map_ != nullptr) munmap(map_, size_);
  map_ = nullptr;
  std::string().swap(owned_);
  text_ = absl::string_view();
}

absl::Status FileText::Open(const std::string& path, int64_t max) {
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

std::optional<v1::ItemCategory> EdgeParser::Item(absl::string_view s) {
  for (const auto& [name, item] : items) {
    if (name == s) return item;
  }
  absl::StatusOr<v1::ItemCategory> p = ParseItem(s);
  if (!p.ok()) return std::nullopt;
  items.emplace_back(std::string(s), *p);
  return *p;
}

std::optional<v1::Status> EdgeParser::Status(absl::string_view s) {
  for (const auto& [name, status] : statuses) {
    if (name == s) return status;
  }
  absl::StatusOr<v1::Status> p = ParseStatus(s);
  if (!p.ok() || *p == v1::STATUS_UNSPECIFIED) return std::nullopt;
  statuses.emplace_back(std::string(s), *p);
  return *p;
}

bool EdgeParser::Parse(absl::Span<const absl::string_view> f, int64_t line, EdgeRow& row,
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
    if (!text::IsValidUtf8(text, &bad)) {
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

}  // namespace embargo::neo4j_internal
