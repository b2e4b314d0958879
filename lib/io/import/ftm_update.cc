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
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
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

  // Next reads the next record into `r`; false at the end.
  absl::StatusOr<bool> Next(v1::Record& r) {
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
    r.Clear();
    if (!r.ParseFromArray(buf_.data() + pos_, static_cast<int>(size))) {
      return Bad("unreadable record");
    }
    pos_ += size;
    ++n_;
    return true;
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
  absl::Status Bad(absl::string_view what) const {
    return absl::DataLossError(
        absl::StrCat(path_, ": record ", n_ + 1, ": ", what,
                     " (not a record stream, or a damaged one)"));
  }

  std::string path_;
  std::FILE* f_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  int64_t n_ = 0;
};

// Locator is an FtM evidence locator, "line N (ID)" and the seen dates.
struct Locator {
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

// Producer is the FtM id of the entity that made a record: the id its
// evidence locator names (empty for shared records, whose evidence has
// none).
absl::string_view Producer(const v1::Record& r, const std::string& source) {
  const google::protobuf::RepeatedPtrField<v1::Evidence>* ev = nullptr;
  if (r.has_actor()) ev = &r.actor().evidence();
  if (r.has_relation()) ev = &r.relation().evidence();
  if (r.has_sanction()) ev = &r.sanction().evidence();
  if (ev == nullptr) return {};
  for (const v1::Evidence& e : *ev) {
    if (e.source_id() != source) continue;
    if (std::optional<Locator> l = ParseLocator(e.locator())) return l->id;
  }
  return {};
}

}  // namespace

absl::StatusOr<std::unique_ptr<EditionUpdate>> EditionUpdate::Open(
    const std::string& old_export, const std::string& old_records,
    const FtmModel& model, const FtmOptions& options) {
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

absl::string_view EditionUpdate::Schema(absl::string_view schema) {
  return *schemata_.emplace(schema).first;
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
    auto it = old_.find(scan.id);
    if (it != old_.end()) {
      it->second.repeated = true;
      continue;
    }
    Old o;
    o.hash = LineHash(line, edition.last_seen);
    o.schema = Schema(scan.schema);
    if (!scan.holder.empty() && model_.IsA(scan.schema, "Identification")) {
      o.holder = strings_.Keep(scan.holder);
    }
    old_.emplace(strings_.Keep(scan.id), o);
  }
  return absl::OkStatus();
}

void EditionUpdate::Changed(absl::string_view id, absl::string_view schema,
                            absl::string_view holder, const Old* old) {
  const auto is = [&](absl::string_view ancestor) {
    return (!schema.empty() && model_.IsA(schema, ancestor)) ||
           (old != nullptr && model_.IsA(old->schema, ancestor));
  };
  if (is("Address")) changed_addresses_.emplace_back(id);
  if (is("Identification")) {
    if (!holder.empty()) holders_.emplace_back(holder);
    if (old != nullptr && !old->holder.empty()) holders_.emplace_back(old->holder);
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
  auto it = old_.find(scan.id);
  Old* old = it == old_.end() ? nullptr : &it->second;
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
  if (old->repeated || old->hash != hash || old->schema != scan.schema) {
    ++changed_;
    remap_.Add(number);
    if (old->repeated || old->schema != scan.schema) moved_.insert(scan.id);
    Changed(scan.id, scan.schema, scan.holder, old);
    return;
  }
  ++same_;
}

bool EditionUpdate::Patch(google::protobuf::RepeatedPtrField<v1::Evidence>& evidence,
                          int64_t line, absl::string_view last_seen) {
  for (v1::Evidence& e : evidence) {
    if (e.source_id() != source_id_) continue;
    std::optional<Locator> l = ParseLocator(e.locator());
    if (!l) return false;
    const absl::string_view seen = last_seen.empty() ? l->last_seen : last_seen;
    const auto part = [](absl::string_view label, absl::string_view value) {
      return value.empty() ? std::string() : absl::StrCat(label, value);
    };
    std::string locator =
        absl::StrCat("line ", line, " (", l->id, ")",
                     part("; first seen ", l->first_seen),
                     part("; last seen ", seen),
                     part("; last change ", l->last_change));
    e.set_locator(std::move(locator));
  }
  return true;
}

// Need notes the ids of shared records that a kept record names.
void EditionUpdate::Need(const v1::Record& r) {
  const auto need = [&](const std::string& id) {
    if (!id.empty() && !absl::StartsWith(id, kFtmPrefix)) needed_.insert(id);
    if (absl::StartsWith(id, "FTM-AUTH-")) needed_.insert(id);
  };
  if (r.has_actor()) {
    const v1::Actor& a = r.actor();
    need(a.country());
    for (const std::string& c : a.address_countries()) need(c);
    for (const v1::Identifier& i : a.identifiers()) need(i.country());
  } else if (r.has_relation()) {
    need(r.relation().subject_id());
    need(r.relation().object_id());
  } else if (r.has_sanction()) {
    need(r.sanction().authority_id());
    need(r.sanction().target_id());
  }
}

absl::Status EditionUpdate::Plan(const Index& index, const std::string& path,
                                 absl::flat_hash_set<std::string>& shared_ids,
                                 RecordStreamWriter& out, RecordStreamWriter& rest,
                                 std::vector<v1::Relation>& owned,
                                 ImportReport& report) {
  // Ids the new edition no longer has.
  for (auto& [id, old] : old_) {
    if (old.seen) continue;
    ++removed_;
    moved_.insert(std::string(id));
    Changed(id, absl::string_view(), absl::string_view(), &old);
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
  v1::Record r;
  while (true) {
    EMBARGO_ASSIGN_OR_RETURN(bool more, reader.Next(r));
    if (!more) break;
    if (r.has_source()) {
      // The file's source, titled as the importer titles it, and the
      // sources of the datasets the new edition still gives.
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
    if (!r.has_actor() && !r.has_relation() && !r.has_sanction()) {
      return absl::InvalidArgumentError(absl::StrCat(
          old_records_, ": record ", reader.number(),
          ": neither source, actor, relation nor sanction: not the records "
          "of an FtM import"));
    }
    const absl::string_view producer = Producer(r, source_id_);
    if (producer.empty()) {
      if (r.has_actor()) {
        shared_.push_back(r);
        continue;
      }
      return absl::InvalidArgumentError(absl::StrCat(
          old_records_, ": record ", reader.number(),
          ": its evidence names no line of ", old_export_,
          ": not the records of an FtM import"));
    }
    if (!old_.contains(producer)) {
      return absl::InvalidArgumentError(absl::StrCat(
          old_records_, ": record ", reader.number(), " was made from entity \"",
          producer, "\", which ", old_export_,
          " does not have: these records were not imported from it"));
    }
    auto at = index.ids.find(producer);
    if (at == index.ids.end() || remap_.Has(at->second.line)) {
      ++dropped_records;
      continue;
    }
    const int64_t line = at->second.line;
    made.Add(line);
    // A relation or sanction naming an id added, removed or given another
    // schema: its entity is mapped again.
    const auto moved = [&](const std::string& id) {
      return absl::StartsWith(id, kFtmPrefix) &&
             moved_.contains(absl::string_view(id).substr(kFtmPrefix.size()));
    };
    if ((r.has_relation() &&
         (moved(r.relation().subject_id()) || moved(r.relation().object_id()))) ||
        (r.has_sanction() && moved(r.sanction().target_id()))) {
      if (kept.Has(line)) {
        return absl::InternalError(absl::StrCat(
            "edition update: entity \"", producer,
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
    bool patched = false;
    if (r.has_actor()) {
      patched = Patch(*r.mutable_actor()->mutable_evidence(), line, seen);
    } else if (r.has_relation()) {
      patched = Patch(*r.mutable_relation()->mutable_evidence(), line, seen);
    } else {
      patched = Patch(*r.mutable_sanction()->mutable_evidence(), line, seen);
    }
    if (!patched) {
      return absl::InvalidArgumentError(absl::StrCat(
          old_records_, ": record ", reader.number(),
          ": an evidence locator of ", source_id_, " names no line"));
    }
    Need(r);
    ++kept_records;
    if (r.has_relation() && r.relation().kind() == v1::RELATION_KIND_OWNERSHIP &&
        r.relation().share_percent() > 0) {
      owned.push_back(std::move(*r.mutable_relation()));  // Counted there.
      continue;
    }
    if (r.has_actor()) {
      EMBARGO_RETURN_IF_ERROR(out.Write(r));
      ++report.records["actor"];
    } else {
      EMBARGO_RETURN_IF_ERROR(rest.Write(r));
      ++report.records[r.has_relation() ? "relation" : "sanction"];
    }
  }

  // Entities that made no record before, save addresses and
  // identifications (their namers map them): a relation rejected for an
  // end that was not an actor may stand now.
  int64_t unmade = 0;
  for (const auto& [id, info] : index.ids) {
    if (made.Has(info.line) || remap_.Has(info.line)) continue;
    const std::string& schema = index.schemata[info.schema];
    if (model_.IsA(schema, "Address") || model_.IsA(schema, "Identification")) {
      continue;
    }
    remap_.Add(info.line);
    ++unmade;
  }
  report.notes.push_back(absl::StrCat(
      "update from ", old_export_, " (records ", old_records_, "): ", added_,
      " entities added, ", changed_, " changed, ", removed_, " removed, ",
      same_, " the same but for last_seen; ", kept_records,
      " previous records kept (evidence moved to the new line and last_seen), ",
      dropped_records, " dropped; ", unmade,
      " entities that made no record before mapped again; only the lines "
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
