// Edition updates of the streaming FtM import. See ftm_update.h.
//
// What the records of an entity (FtM id x) depend on, in the importer
// (ftm_json.cc), and so what must be mapped again when an edition changes:
// - x's line: a line that differs in anything but last_seen's value is
//   mapped again (its hash, of the line without that value, differs);
// - an actor: the Address entities it names and the Identification
//   entities that name it as holder, so an actor naming an Address whose
//   line changed, or the holder of an Identification whose line changed
//   (before or after), is mapped again;
// - a relation or sanction: whether its ends are actors, so one naming an
//   id added, removed or given another schema is mapped again (found from
//   its previous record), as is every entity that made no record before
//   (a rejected relation may now stand) except Address and Identification
//   entities, which make none of their own;
// - the evidence: the line number and last_seen, patched into the
//   locator of each record kept.
// Records that several entities share (the states, the authorities and the
// datasets' sources) are those of the mapping and those of the previous
// edition that the kept records still name (or, for sources, datasets that
// the new edition still gives). An authority whose name different
// sanctions spell differently keeps the spelling the previous edition
// took first.

#include "lib/io/import/ftm_update.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/internal/input_file.h"
#include "lib/internal/status_macros.h"

namespace embargo::import_internal::stream {
namespace {

constexpr absl::string_view kMainTitle = "FollowTheMoney entities: ";
constexpr absl::string_view kFtmPrefix = "FTM-";

// LineHash hashes a line without the value of last_seen.
uint64_t LineHash(absl::string_view line, absl::string_view last_seen) {
  if (!last_seen.empty() && last_seen.data() >= line.data() &&
      last_seen.data() + last_seen.size() <= line.data() + line.size()) {
    const size_t at = static_cast<size_t>(last_seen.data() - line.data());
    return absl::HashOf(line.substr(0, at), line.substr(at + last_seen.size()));
  }
  return absl::HashOf(line, absl::string_view());
}

uint64_t IdHash(absl::string_view id) { return absl::HashOf(id); }

// RecordReader reads a record stream one record at a time.
class RecordReader {
 public:
  static absl::StatusOr<RecordReader> Open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    return RecordReader(path, f);
  }
  RecordReader(RecordReader&& o) noexcept
      : path_(std::move(o.path_)), f_(std::exchange(o.f_, nullptr)),
        buf_(std::move(o.buf_)), pos_(o.pos_), end_(o.end_), n_(o.n_) {}
  ~RecordReader() {
    if (f_ != nullptr) std::fclose(f_);
  }

  // Next reads the next record's bytes, valid until the next call; false
  // at the end.
  absl::StatusOr<bool> Next(absl::string_view& bytes) {
    uint64_t size = 0;
    int shift = 0;
    while (true) {
      if (!Fill(1)) {
        if (shift == 0) return false;
        return Bad("truncated length prefix");
      }
      const uint8_t b = static_cast<uint8_t>(buf_[pos_++]);
      size |= uint64_t{b & 0x7Fu} << shift;
      if ((b & 0x80u) == 0) break;
      if ((shift += 7) > 35) return Bad("unreadable length prefix");
    }
    if (size > (uint64_t{64} << 20)) return Bad("record over 64 MB");
    if (!Fill(size)) return Bad("truncated record");
    bytes = absl::string_view(buf_.data() + pos_, size);
    pos_ += size;
    ++n_;
    return true;
  }
  // Next parses the next record into `r`.
  absl::StatusOr<bool> Next(v1::Record& r) {
    absl::string_view bytes;
    EMBARGO_ASSIGN_OR_RETURN(bool more, Next(bytes));
    if (!more) return false;
    if (!r.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
      --n_;
      return Bad("unreadable record");
    }
    return true;
  }
  absl::Status Bad(absl::string_view what) const {
    return absl::DataLossError(
        absl::StrCat(path_, ": record ", n_ + 1, ": ", what,
                     " (not a record stream, or a damaged one)"));
  }
  int64_t number() const { return n_; }

 private:
  RecordReader(std::string path, std::FILE* f)
      : path_(std::move(path)), f_(f), buf_(size_t{4} << 20) {}
  // Fill makes `n` bytes available from pos_; false at the end of the file.
  bool Fill(uint64_t n) {
    if (end_ - pos_ >= n) return true;
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
    if (buf_.size() < n) buf_.resize(n);
    while (end_ < n) {
      const size_t got = std::fread(buf_.data() + end_, 1, buf_.size() - end_, f_);
      if (got == 0) return false;
      end_ += got;
    }
    return true;
  }

  std::string path_;
  std::FILE* f_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  int64_t n_ = 0;
};

// --- Protobuf's wire format, read and written without messages ------------
//
// The previous records are kept as they are but for their locators: walking
// their bytes is several times as fast as parsing and serializing them.

bool ReadVarint(const char*& p, const char* end, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    const uint8_t b = static_cast<uint8_t>(*p++);
    v |= uint64_t{b & 0x7Fu} << shift;
    if ((b & 0x80u) == 0) return true;
  }
  return false;
}

void AppendVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// A field of a message: its number and wire type, its value (varint,
// fixed or the bytes of a length-delimited one) and where it lies.
struct Field {
  uint32_t number = 0;
  int wire = 0;
  uint64_t value = 0;
  absl::string_view bytes;  // Length-delimited: the payload.
  absl::string_view whole;  // The field, tag included.
};

// Fields walks the fields of one message.
class Fields {
 public:
  explicit Fields(absl::string_view m) : p_(m.data()), end_(m.data() + m.size()) {}
  // Next reads the next field; false at the end or (then `bad`) when the
  // bytes are not a message.
  bool Next(Field& f) {
    if (p_ >= end_) return false;
    const char* start = p_;
    uint64_t tag = 0;
    if (!ReadVarint(p_, end_, tag) || (tag >> 3) == 0) return Fail();
    f.number = static_cast<uint32_t>(tag >> 3);
    f.wire = static_cast<int>(tag & 7);
    switch (f.wire) {
      case 0:
        if (!ReadVarint(p_, end_, f.value)) return Fail();
        break;
      case 1:
      case 5: {
        const size_t n = f.wire == 1 ? 8 : 4;
        if (static_cast<size_t>(end_ - p_) < n) return Fail();
        f.value = 0;
        std::memcpy(&f.value, p_, n);
        p_ += n;
        break;
      }
      case 2: {
        uint64_t n = 0;
        if (!ReadVarint(p_, end_, n) || n > static_cast<uint64_t>(end_ - p_)) {
          return Fail();
        }
        f.bytes = absl::string_view(p_, n);
        p_ += n;
        break;
      }
      default:
        return Fail();
    }
    f.whole = absl::string_view(start, static_cast<size_t>(p_ - start));
    return true;
  }
  bool bad() const { return bad_; }

 private:
  bool Fail() {
    bad_ = true;
    p_ = end_;
    return false;
  }
  const char* p_;
  const char* end_;
  bool bad_ = false;
};

void AppendBytesField(std::string& out, uint32_t number, absl::string_view bytes) {
  AppendVarint(out, (uint64_t{number} << 3) | 2);
  AppendVarint(out, bytes.size());
  out.append(bytes.data(), bytes.size());
}

// Record fields (embargo/v1/dataset.proto) and the fields of each kind read
// here (records.proto).
constexpr uint32_t kSourceRecord = 1, kActorRecord = 2, kSanctionRecord = 5,
                   kRelationRecord = 6;
constexpr uint32_t kEvidenceSource = 1, kEvidenceLocator = 8;
constexpr uint32_t EvidenceField(uint32_t kind) {
  return kind == kActorRecord ? 10 : kind == kRelationRecord ? 9 : 13;
}

// Locator is an FtM evidence locator, "line N (ID)" and the seen dates.
struct Locator {
  int64_t line = 0;
  absl::string_view id, first_seen, last_seen, last_change;
};
std::optional<Locator> ParseLocator(absl::string_view s) {
  if (!absl::ConsumePrefix(&s, "line ")) return std::nullopt;
  const size_t open = s.find(" (");
  int64_t line = 0;
  if (open == absl::string_view::npos ||
      !absl::SimpleAtoi(s.substr(0, open), &line)) {
    return std::nullopt;
  }
  s.remove_prefix(open + 2);
  // The id runs to the ")" before the first date part, or the end.
  size_t stop = s.size();
  for (absl::string_view part : {"); first seen ", "); last seen ", "); last change "}) {
    stop = std::min(stop, s.find(part));
  }
  if (stop == s.size()) {
    if (!absl::EndsWith(s, ")")) return std::nullopt;
    stop = s.size() - 1;
  }
  Locator l;
  l.line = line;
  l.id = s.substr(0, stop);
  absl::string_view rest = s.substr(stop + 1);
  for (absl::string_view part : absl::StrSplit(rest, "; ", absl::SkipEmpty())) {
    if (absl::ConsumePrefix(&part, "first seen ")) {
      l.first_seen = part;
    } else if (absl::ConsumePrefix(&part, "last seen ")) {
      l.last_seen = part;
    } else if (absl::ConsumePrefix(&part, "last change ")) {
      l.last_change = part;
    } else {
      return std::nullopt;
    }
  }
  return l.id.empty() ? std::nullopt : std::optional<Locator>(l);
}

// ReadRecordView fills `v`; false when the bytes are not one actor,
// relation or sanction record.
bool ReadRecordView(absl::string_view bytes, const std::string& source,
                    RecordView& v) {
  v = RecordView();
  Fields top(bytes);
  Field f, more;
  if (!top.Next(f) || f.wire != 2 || top.Next(more) || top.bad()) return false;
  v.kind = f.number;
  v.body = f.bytes;
  if (v.kind != kActorRecord && v.kind != kRelationRecord &&
      v.kind != kSanctionRecord) {
    return false;
  }
  const uint32_t evidence = EvidenceField(v.kind);
  Fields fields(v.body);
  while (fields.Next(f)) {
    if (f.number == evidence && f.wire == 2 && v.producer.empty()) {
      absl::string_view src, locator;
      Fields ev(f.bytes);
      Field e;
      while (ev.Next(e)) {
        if (e.wire != 2) continue;
        if (e.number == kEvidenceSource) src = e.bytes;
        if (e.number == kEvidenceLocator) locator = e.bytes;
      }
      if (ev.bad()) return false;
      if (src == source) {
        if (std::optional<Locator> l = ParseLocator(locator)) v.producer = l->id;
      }
    } else if (v.kind == kRelationRecord) {
      if (f.number == 2 && f.wire == 0) v.relation_kind = f.value;
      if (f.number == 3 && f.wire == 2) v.subject = f.bytes;
      if (f.number == 4 && f.wire == 2) v.object = f.bytes;
      if (f.number == 5 && f.wire == 1) std::memcpy(&v.share, &f.value, sizeof v.share);
    } else if (v.kind == kSanctionRecord && f.number == 3 && f.wire == 2) {
      v.subject = f.bytes;  // The target.
    }
  }
  return !fields.bad();
}

}  // namespace

absl::StatusOr<std::unique_ptr<EditionUpdate>> EditionUpdate::Open(
    const std::string& old_export, const std::string& old_records,
    const FtmModel& model, const FtmOptions& options) {
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(old_export));
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(old_records));
  std::unique_ptr<EditionUpdate> u(
      new EditionUpdate(model, old_export, old_records));
  EMBARGO_RETURN_IF_ERROR(u->ReadSourceId());
  EMBARGO_RETURN_IF_ERROR(u->ReadOldExport(options));
  return u;
}

absl::Status EditionUpdate::ReadSourceId() {
  EMBARGO_ASSIGN_OR_RETURN(RecordReader reader, RecordReader::Open(old_records_));
  v1::Record r;
  while (true) {
    EMBARGO_ASSIGN_OR_RETURN(bool more, reader.Next(r));
    if (!more) break;
    if (r.has_source() && absl::StartsWith(r.source().title(), kMainTitle)) {
      source_id_ = r.source().id();
      return absl::OkStatus();
    }
    if (!r.has_source()) break;  // Sources come first.
  }
  return absl::InvalidArgumentError(absl::StrCat(
      old_records_, ": no FollowTheMoney source record among the first "
                    "records: not the records of an FtM import"));
}

const std::string* EditionUpdate::Schema(absl::string_view schema) {
  return &*schemata_.emplace(schema).first;
}

absl::Status EditionUpdate::ReadOldExport(const FtmOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(old_export_.c_str(), "rb"), &std::fclose);
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat(old_export_, ": cannot open"));
  }
  EntityReader entities(model_, options, /*quick=*/true);
  EntityScan scan;
  EditionScan edition;
  LineReader reader(file.get());
  absl::string_view line;
  int64_t number = 0, offset = 0;
  while (reader.Next(line, number, offset)) {
    if (number == 1) absl::ConsumePrefix(&line, "\xEF\xBB\xBF");
    if (!entities.Read(line, scan, &edition)) continue;
    if (auto it = old_index_.find(scan.id); it != old_index_.end()) {
      olds_[it->second].repeated = true;
      continue;
    }
    Old o;
    o.id = strings_.Keep(scan.id);  // The key views the kept copy.
    old_index_.emplace(o.id, static_cast<uint32_t>(olds_.size()));
    o.line = number;
    o.hash = LineHash(line, edition.last_seen);
    o.schema = Schema(scan.schema);
    if (!scan.holder.empty() && model_.IsA(scan.schema, "Identification")) {
      old_holders_.push_back(strings_.Keep(scan.holder));
      o.holder = static_cast<uint32_t>(old_holders_.size());
    }
    olds_.push_back(o);
  }
  return absl::OkStatus();
}

void EditionUpdate::Changed(absl::string_view id, absl::string_view schema,
                            absl::string_view holder, const Old* old) {
  const auto is = [&](absl::string_view ancestor) {
    return (!schema.empty() && model_.IsA(schema, ancestor)) ||
           (old != nullptr && model_.IsA(*old->schema, ancestor));
  };
  if (is("Address")) changed_addresses_.emplace_back(id);
  if (is("Identification")) {
    if (!holder.empty()) holders_.emplace_back(holder);
    if (old != nullptr && old->holder != 0) holders_.emplace_back(HolderOf(*old));
  }
}

void EditionUpdate::Line(int64_t number, absl::string_view line,
                         const EntityScan& scan, const EditionScan& edition,
                         const Index& index, bool fresh) {
  for (absl::string_view d : edition.datasets) {
    if (!datasets_.contains(d)) datasets_.emplace(d);
  }
  for (const std::string& a : scan.addresses) {
    namers_.emplace_back(IdHash(a), number);
  }
  Old* old = nullptr;
  if (cursor_ < olds_.size() && olds_[cursor_].id == scan.id) {
    old = &olds_[cursor_];
  } else if (auto it = old_index_.find(scan.id); it != old_index_.end()) {
    old = &olds_[it->second];
  }
  if (old != nullptr) cursor_ = static_cast<size_t>(old - olds_.data()) + 1;
  if (!fresh) {
    // A repeated id: all its lines are mapped again.
    remap_.Add(number);
    if (auto first = index.ids.find(scan.id); first != index.ids.end()) {
      remap_.Add(first->second.line);
    }
    moved_.insert(scan.id);
    Changed(scan.id, scan.schema, scan.holder, old);
    return;
  }
  if (static_cast<size_t>(number) >= last_seen_of_.size()) {
    last_seen_of_.resize(std::max<size_t>(number + 1, last_seen_of_.size() * 2));
  }
  const uint64_t hash = LineHash(line, edition.last_seen);
  const bool spanned = !edition.last_seen.empty() &&
                       edition.last_seen.data() >= line.data() &&
                       edition.last_seen.data() < line.data() + line.size();
  if (spanned) {
    auto [at, inserted] = last_seen_index_.try_emplace(
        edition.last_seen, static_cast<uint32_t>(last_seen_.size()));
    if (inserted) last_seen_.emplace_back(edition.last_seen);
    last_seen_of_[number] = at->second;
  }
  if (old == nullptr) {
    ++added_;
    remap_.Add(number);
    moved_.insert(scan.id);
    Changed(scan.id, scan.schema, scan.holder, nullptr);
    return;
  }
  old->seen = true;
  in_old_.Add(number);
  if (static_cast<size_t>(number) >= old_line_of_.size()) {
    old_line_of_.resize(std::max<size_t>(number + 1, old_line_of_.size() * 2));
  }
  old_line_of_[number] = old->line;
  if (old->repeated || old->hash != hash || *old->schema != scan.schema) {
    ++changed_;
    remap_.Add(number);
    if (old->repeated || *old->schema != scan.schema) moved_.insert(scan.id);
    Changed(scan.id, scan.schema, scan.holder, old);
    return;
  }
  ++same_;
}

// (last_seen empty: the locator keeps its own.)
absl::Status EditionUpdate::Patch(const RecordView& v, int64_t line,
                                  absl::string_view last_seen, std::string& out) {
  body_.clear();
  const uint32_t evidence = EvidenceField(v.kind);
  Fields fields(v.body);
  Field f;
  while (fields.Next(f)) {
    if (f.number != evidence || f.wire != 2) {
      body_.append(f.whole.data(), f.whole.size());
      if (f.wire == 2) Need(v.kind, f.number, f.bytes);
      continue;
    }
    absl::string_view src, locator, locator_field;
    {
      Fields ev(f.bytes);
      Field e;
      while (ev.Next(e)) {
        if (e.wire != 2) continue;
        if (e.number == kEvidenceSource) src = e.bytes;
        if (e.number == kEvidenceLocator) {
          locator = e.bytes;
          locator_field = e.whole;
        }
      }
    }
    if (src != source_id_) {
      body_.append(f.whole.data(), f.whole.size());
      continue;
    }
    std::optional<Locator> l = ParseLocator(locator);
    if (!l) {
      return absl::InvalidArgumentError(absl::StrCat(
          "an evidence locator of ", source_id_, " names no line: not the "
          "records of an FtM import"));
    }
    // Records of another edition of the export name other lines.
    const int64_t was = static_cast<size_t>(line) < old_line_of_.size()
                            ? old_line_of_[line] : 0;
    if (l->line != was) {
      return absl::InvalidArgumentError(absl::StrCat(
          "entity \"", l->id, "\" is at line ", was, " of ", old_export_,
          " but its record names line ", l->line,
          ": these records were not imported from that file"));
    }
    const absl::string_view seen = last_seen.empty() ? l->last_seen : last_seen;
    locator_.clear();
    absl::StrAppend(&locator_, "line ", line, " (", l->id, ")");
    if (!l->first_seen.empty()) absl::StrAppend(&locator_, "; first seen ", l->first_seen);
    if (!seen.empty()) absl::StrAppend(&locator_, "; last seen ", seen);
    if (!l->last_change.empty()) absl::StrAppend(&locator_, "; last change ", l->last_change);
    // The evidence again, its locator replaced where it stood.
    evidence_.clear();
    const char* const begin = f.bytes.data();
    const char* const end = begin + f.bytes.size();
    const char* const at = locator_field.data();
    evidence_.append(begin, static_cast<size_t>(at - begin));
    AppendBytesField(evidence_, kEvidenceLocator, locator_);
    evidence_.append(at + locator_field.size(),
                     static_cast<size_t>(end - (at + locator_field.size())));
    AppendBytesField(body_, evidence, evidence_);
  }
  out.clear();
  AppendBytesField(out, v.kind, body_);
  return absl::OkStatus();
}

// NamesMoved says whether a line names (as any string) an id added,
// removed or retyped; true for a line with an escape, which might.
bool EditionUpdate::NamesMoved(absl::string_view line) const {
  if (line.find('\\') != absl::string_view::npos) return true;
  size_t at = 0;
  while ((at = line.find('"', at)) != absl::string_view::npos) {
    const size_t end = line.find('"', at + 1);
    if (end == absl::string_view::npos) return true;
    if (moved_.contains(line.substr(at + 1, end - at - 1))) return true;
    at = end + 1;
  }
  return false;
}

// Need notes the ids of shared records (states, authorities) that a field
// of a kept record names: an actor's countries, a relation's ends, a
// sanction's authority and target.
void EditionUpdate::Need(uint32_t kind, uint32_t field, absl::string_view bytes) {
  const auto need = [&](absl::string_view id) {
    if (id.empty()) return;
    if (absl::StartsWith(id, kFtmPrefix) && !absl::StartsWith(id, "FTM-AUTH-")) return;
    if (!needed_.contains(id)) needed_.emplace(id);
  };
  if (kind == kActorRecord) {
    if (field == 5 || field == 13) need(bytes);  // country, address_countries
    if (field == 6) {  // identifiers: their country
      Fields id(bytes);
      Field g;
      while (id.Next(g)) {
        if (g.number == 3 && g.wire == 2) need(g.bytes);
      }
    }
  } else if (kind == kRelationRecord) {
    if (field == 3 || field == 4) need(bytes);
  } else if (field == 2 || field == 3) {  // authority, target
    need(bytes);
  }
}

absl::Status EditionUpdate::Plan(const Index& index, const std::string& path,
                                 absl::flat_hash_set<std::string>& shared_ids,
                                 RecordStreamWriter& out, RecordStreamWriter& rest,
                                 std::vector<v1::Relation>& owned,
                                 ImportReport& report) {
  // Ids the new edition no longer has.
  for (Old& old : olds_) {
    if (old.seen) continue;
    ++removed_;
    moved_.insert(std::string(old.id));
    Changed(old.id, absl::string_view(), absl::string_view(), &old);
  }
  // Actors naming a changed Address; holders of a changed Identification.
  std::sort(namers_.begin(), namers_.end());
  for (const std::string& a : changed_addresses_) {
    const uint64_t h = IdHash(a);
    for (auto it = std::lower_bound(namers_.begin(), namers_.end(),
                                    std::make_pair(h, int64_t{0}));
         it != namers_.end() && it->first == h; ++it) {
      remap_.Add(it->second);
    }
  }
  for (const std::string& h : holders_) {
    if (auto it = index.ids.find(h); it != index.ids.end()) {
      remap_.Add(it->second.line);
    }
  }

  // The previous records: kept (patched) or dropped.
  EMBARGO_ASSIGN_OR_RETURN(RecordReader reader, RecordReader::Open(old_records_));
  LineSet made, kept;  // New lines whose entity made / kept records.
  int64_t kept_records = 0, dropped_records = 0;
  absl::string_view bytes;
  RecordView v;
  std::string patched;
  const auto not_ftm = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(
        old_records_, ": record ", reader.number(), ": ", why,
        ": not the records of an FtM import"));
  };
  while (true) {
    EMBARGO_ASSIGN_OR_RETURN(bool more, reader.Next(bytes));
    if (!more) break;
    if (!bytes.empty() && static_cast<uint8_t>(bytes[0]) == ((kSourceRecord << 3) | 2)) {
      // The file's source, titled as the importer titles it, and the
      // sources of the datasets the new edition still gives.
      v1::Record r;
      if (!r.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return reader.Bad("unreadable record");
      }
      const std::string& id = r.source().id();
      if (absl::StartsWith(r.source().title(), kMainTitle)) {
        r.mutable_source()->set_title(absl::StrCat(
            kMainTitle, path.substr(path.find_last_of('/') + 1)));
      } else {
        const absl::string_view dataset = absl::StripPrefix(id, "FTM-DATASET-");
        if (dataset.size() == id.size() || !datasets_.contains(dataset)) continue;
      }
      if (!shared_ids.insert(id).second) continue;
      EMBARGO_RETURN_IF_ERROR(out.Write(r));
      ++report.records["source"];
      continue;
    }
    if (!ReadRecordView(bytes, source_id_, v)) {
      return not_ftm("neither source, actor, relation nor sanction");
    }
    if (v.producer.empty()) {
      if (v.kind != kActorRecord) return not_ftm("its evidence names no line");
      v1::Record r;
      if (!r.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return reader.Bad("unreadable record");
      }
      shared_.push_back(std::move(r));
      continue;
    }
    auto at = index.ids.find(v.producer);
    if (at == index.ids.end() ? !old_index_.contains(v.producer)
                              : !in_old_.Has(at->second.line)) {
      return absl::InvalidArgumentError(absl::StrCat(
          old_records_, ": record ", reader.number(), " was made from entity \"",
          v.producer, "\", which ", old_export_,
          " does not have: these records were not imported from it"));
    }
    if (at == index.ids.end() || remap_.Has(at->second.line)) {
      ++dropped_records;
      continue;
    }
    const int64_t line = at->second.line;
    made.Add(line);
    // A relation or sanction naming an id added, removed or given another
    // schema: its entity is mapped again.
    const auto moved = [&](absl::string_view id) {
      return absl::ConsumePrefix(&id, kFtmPrefix) && moved_.contains(id);
    };
    if (v.kind != kActorRecord && (moved(v.subject) || moved(v.object))) {
      if (kept.Has(line)) {
        return absl::InternalError(absl::StrCat(
            "edition update: entity \"", v.producer,
            "\" has records kept and records to map again"));
      }
      remap_.Add(line);
      ++dropped_records;
      continue;
    }
    kept.Add(line);
    const absl::string_view seen =
        static_cast<size_t>(line) < last_seen_of_.size()
            ? absl::string_view(last_seen_[last_seen_of_[line]])
            : absl::string_view();
    if (absl::Status st = Patch(v, line, seen, patched); !st.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          old_records_, ": record ", reader.number(), ": ", st.message()));
    }
    ++kept_records;
    if (v.kind == kRelationRecord &&
        v.relation_kind == static_cast<uint64_t>(v1::RELATION_KIND_OWNERSHIP) &&
        v.share > 0) {
      v1::Record r;  // Held to the end for the share sums, as imports do.
      if (!r.ParseFromArray(patched.data(), static_cast<int>(patched.size()))) {
        return reader.Bad("unreadable record");
      }
      owned.push_back(std::move(*r.mutable_relation()));  // Counted there.
      continue;
    }
    if (v.kind == kActorRecord) {
      EMBARGO_RETURN_IF_ERROR(out.WriteSerialized(patched));
      ++report.records["actor"];
    } else {
      EMBARGO_RETURN_IF_ERROR(rest.WriteSerialized(patched));
      ++report.records[v.kind == kRelationRecord ? "relation" : "sanction"];
    }
  }

  // Entities that made no record before, save addresses and
  // identifications (their namers map them): a relation rejected for an
  // end that was not an actor may stand now, if its line names an id that
  // was added, removed or retyped; a sanction rejected after it named its
  // authority made that authority (and its state) all the same.
  int64_t unmade = 0;
  std::vector<const Info*> rejected;
  for (const auto& [id, info] : index.ids) {
    if (made.Has(info.line) || remap_.Has(info.line)) continue;
    const std::string& schema = index.schemata[info.schema];
    if (model_.IsA(schema, "Address") || model_.IsA(schema, "Identification")) {
      continue;
    }
    if (model_.IsA(schema, "Sanction")) {
      remap_.Add(info.line);
      ++unmade;
    } else if (!moved_.empty()) {
      rejected.push_back(&info);
    }
  }
  std::sort(rejected.begin(), rejected.end(),
            [](const Info* a, const Info* b) { return a->offset < b->offset; });
  if (!rejected.empty()) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
        std::fopen(path.c_str(), "rb"), &std::fclose);
    if (file == nullptr) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string line;
    for (const Info* info : rejected) {
      line.resize(info->length);
      if (std::fseek(file.get(), info->offset, SEEK_SET) != 0 ||
          std::fread(line.data(), 1, line.size(), file.get()) != line.size()) {
        return absl::DataLossError(
            absl::StrCat(path, ":", info->line, ": changed while read"));
      }
      if (NamesMoved(line)) {
        remap_.Add(info->line);
        ++unmade;
      }
    }
  }
  report.notes.push_back(absl::StrCat(
      "update from ", old_export_, " (records ", old_records_, "): ", added_,
      " entities added, ", changed_, " changed, ", removed_, " removed, ",
      same_, " the same but for last_seen; ", kept_records,
      " previous records kept (evidence moved to the new line and last_seen), ",
      dropped_records, " dropped; ", unmade,
      " entities that made no record before mapped again (sanctions, and "
      "those naming an id added, removed or retyped); only the lines "
      "mapped again are counted and their rejections listed"));
  return absl::OkStatus();
}

absl::Status EditionUpdate::Finish(absl::flat_hash_set<std::string>& shared_ids,
                                   RecordStreamWriter& out, ImportReport& report) {
  // Authorities first: their country is a state they need.
  for (const v1::Record& r : shared_) {
    if (r.has_actor() && needed_.contains(r.actor().id()) &&
        !r.actor().country().empty()) {
      needed_.insert(r.actor().country());
    }
  }
  for (const v1::Record& r : shared_) {
    if (!needed_.contains(r.actor().id()) ||
        !shared_ids.insert(r.actor().id()).second) {
      continue;
    }
    ++report.records["actor"];
    EMBARGO_RETURN_IF_ERROR(out.Write(r));
  }
  return absl::OkStatus();
}

}  // namespace embargo::import_internal::stream
