// Streaming FtM import: entities.ftm.json of any size to a record stream in
// bounded memory. See embargo/import/opensanctions.h.
//
// Pass 1 reads every line once for the entity's id and schema, the Address
// entities it names and, for identifications, their holder (quickly, with
// ScanEntityLineQuick, where it answers: see ImportFtmJsonToStream); it
// keeps, per id, the schema, the first line and where that line lies in the
// file (about 60 bytes an entity), the ids that several lines bear, and
// which lines name addresses or hold identifications. Pass 2 reads the file
// again in blocks of lines and maps each block with the FtM importer
// (ParseFtmLinesOnArena, the block's records on an arena freed at once),
// telling it which ids lie in other blocks, and borrowing from the file (by
// offset) the Address and Identification lines that the block's actors name
// but other blocks hold. Actors and sources go to the output as each block
// is done; relations and sanctions to a side file appended at the end, so
// that the stream holds every actor before any record that refers to one.
// The file is never held: memory is the index, one block and its records.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <deque>
#include <thread>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "embargo/import/ftm.h"
#include "embargo/import/opensanctions.h"
#include "embargo/io.h"
#include "google/protobuf/arena.h"
#include "lib/internal/huge_pages.h"
#include "lib/internal/input_file.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/ftm_internal.h"
#include "lib/io/import/ftm_entity.h"
#include "lib/io/import/ftm_scan.h"
#include "lib/io/import/ftm_stream_parts.h"
#include "lib/io/import/ftm_update.h"

namespace embargo {
namespace {

using import_internal::stream::EntityReader;
using import_internal::stream::Index;
using import_internal::stream::Info;
using import_internal::stream::LineReader;
using import_internal::stream::LineSet;

// Shared says whether entities of `schema` feed the actors of other
// blocks, which then borrow their lines: addresses and identifications
// (an actor named as an address is its own block's, and not an address).
bool Shared(const FtmModel& model, absl::string_view schema) {
  return model.IsA(schema, "Address") || model.IsA(schema, "Identification");
}

// ReadAt reads `n` bytes at `offset` of `fd` into `to`: false when the
// file ends sooner or cannot be read.
bool ReadAt(int fd, int64_t offset, char* to, size_t n) {
  while (n > 0) {
    const ssize_t got = pread(fd, to, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    to += got;
    n -= static_cast<size_t>(got);
    offset += got;
  }
  return true;
}

// AppendFile appends the file `from` to the file `to`: in the kernel where
// it can (copy_file_range, no pass through this process's memory), else
// through a buffer.
absl::Status AppendFile(const std::string& from, const std::string& to) {
  const auto failed = [&](const char* what) {
    return absl::UnavailableError(absl::StrCat(to, ": cannot append ", from,
                                               ": ", what, ": ",
                                               std::strerror(errno)));
  };
  const int in = open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return failed("open");
  const int out = open(to.c_str(), O_WRONLY | O_CLOEXEC);
  if (out < 0) {
    close(in);
    return failed("open");
  }
  absl::Status status = absl::OkStatus();
  off_t at = lseek(out, 0, SEEK_END);
  if (at < 0) status = failed("seek");
  bool in_kernel = true;
  std::vector<char> buf;
  while (status.ok()) {
    if (in_kernel) {
      const ssize_t n = copy_file_range(in, nullptr, out, &at, size_t{1} << 30, 0);
      if (n > 0) continue;
      if (n == 0) break;
      if (errno == EINTR) continue;
      // Not offered here (an old kernel, another file system): copy what
      // is left through a buffer, from where the copy stopped.
      if (errno != ENOSYS && errno != EXDEV && errno != EINVAL &&
          errno != EOPNOTSUPP && errno != EBADF) {
        status = failed("copy");
        break;
      }
      in_kernel = false;
      if (lseek(out, at, SEEK_SET) < 0) status = failed("seek");
      buf.resize(size_t{4} << 20);
      continue;
    }
    const ssize_t n = read(in, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) status = failed("read");
    if (n <= 0) break;
    for (ssize_t done = 0; done < n && status.ok();) {
      const ssize_t w = write(out, buf.data() + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) status = failed("write");
      else done += w;
    }
  }
  close(in);
  if (close(out) != 0 && status.ok()) status = failed("close");
  return status;
}

// Misread is what the streaming import returns, with `misread` set, when
// the quick reader read a line that pass 2 finds the importer rejects.
absl::Status Misread(const std::string& path, int64_t line) {
  return absl::AbortedError(absl::StrCat(
      path, ":", line, ": read quickly as an entity, rejected by the importer"));
}

absl::StatusOr<ImportReport> StreamFtm(const std::string& path,
                                       const std::string& out_path,
                                       const FtmStreamOptions& options,
                                       bool quick, bool& misread) {
  const FtmModel& model = options.base.model != nullptr ? *options.base.model
                                                        : FtmModel::BuiltIn();
  EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(path.c_str(), "rb"), &std::fclose);
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  }
  std::fseek(file.get(), 0, SEEK_END);
  const int64_t total = std::ftell(file.get());
  std::fseek(file.get(), 0, SEEK_SET);
  const auto progress = [&](int64_t done, int pass) {
    if (options.progress) options.progress(done, total, pass);
  };

  FtmOptions ftm = options.base.ftm;
  // An edition update reads the previous edition first (ftm_update.h).
  std::unique_ptr<import_internal::stream::EditionUpdate> update;
  if (!options.previous_export.empty() || !options.previous_records.empty()) {
    EMBARGO_ASSIGN_OR_RETURN(
        update, import_internal::stream::EditionUpdate::Open(
                    options.previous_export, options.previous_records, model,
                    ftm));
    if (ftm.source_id.empty()) {
      ftm.source_id = update->source_id();
    } else if (ftm.source_id != update->source_id()) {
      return absl::InvalidArgumentError(absl::StrCat(
          options.previous_records, ": imported under the source id ",
          update->source_id(), ", not ", ftm.source_id,
          ": an update keeps the previous edition's source id"));
    }
  }
  if (ftm.source_id.empty()) {
    // As ImportFtmJson names it, for every block alike.
    std::string base = path.substr(path.find_last_of('/') + 1);
    base = base.substr(0, base.find('.'));
    ftm.source_id = absl::StrCat("FTM-", base.empty() ? "file" : base);
  }
  EntityReader entities(model, ftm, quick);
  import_internal::EntityScan scan;
  import_internal::EditionScan edition;
  // An update parses the quickly read Address and Identification lines
  // again: pass 2 maps them only with the actors that name them, and a line
  // the importer would reject must not go unnoticed.
  EntityReader checker(model, ftm, /*quick=*/false);
  import_internal::EntityScan checked;

  // --- Pass 1: the index. --------------------------------------------------
  constexpr int64_t kSampleLines = 4096;
  Index index;
  index.kept_budget = std::max<int64_t>(0, options.kept_line_bytes);
  {
    LineReader reader(file.get());
    absl::string_view line;
    int64_t number = 0, offset = 0, n = 0;
    while (reader.Next(line, number, offset)) {
      // Whole-file errors, as ImportFtmJson gives them, with the real line.
      if (number == 1 && line.size() >= 2 &&
          ((line[0] == '\xFF' && line[1] == '\xFE') ||
           (line[0] == '\xFE' && line[1] == '\xFF'))) {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ":1:1: UTF-16 byte-order mark: FtM JSON lines must be UTF-8"));
      }
      if (const void* nul = std::memchr(line.data(), '\0', line.size())) {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ":", number, ":",
            static_cast<const char*>(nul) - line.data() + 1,
            ": NUL byte: this is not UTF-8 text (UTF-16?); FtM JSON lines "
            "must be UTF-8"));
      }
      // The importer reads the file without a UTF-8 byte-order mark; a
      // line borrowed from offset 0 must not carry it either.
      if (number == 1 && absl::ConsumePrefix(&line, "\xEF\xBB\xBF")) offset += 3;
      if (number == kSampleLines && total > 0 && offset > 0) {
        // Room for the ids of the whole file, as many lines as the first
        // ones foretell (growing the table a step at a time copies it and
        // touches fresh memory at every step), but no more than one id
        // per 64 bytes of file, nor than 64 M ids: short first lines must
        // not reserve memory the file never fills.
        const int64_t expected =
            std::min({total / std::max<int64_t>(1, offset / number), total / 64,
                      int64_t{64} << 20});
        index.ids.reserve(static_cast<size_t>(expected + expected / 8));
      }
      // A line the importer rejects is left to pass 2; its id then stays
      // free for a later line, as in ImportFtmJson.
      if (!entities.Read(line, scan, update ? &edition : nullptr)) {
        if (update) {
          absl::string_view trimmed = line;
          absl::ConsumeSuffix(&trimmed, "\r");
          if (!absl::StripAsciiWhitespace(trimmed).empty()) update->Unindexed(number);
        }
        continue;
      }
      if (update && quick && Shared(model, scan.schema) &&
          !checker.Read(line, checked)) {
        misread = true;
        return Misread(path, number);
      }
      if (!scan.addresses.empty()) index.naming.Add(number);
      Info info{number, offset, static_cast<uint32_t>(line.size()),
                index.SchemaNumber(scan.schema)};
      bool fresh = false;
      index.ids.lazy_emplace(scan.id, [&](const auto& construct) {
        fresh = true;
        construct(index.strings.Keep(scan.id), info);
      });
      if (update) update->Line(number, line, scan, edition, index, fresh);
      if (!fresh) {
        index.repeated.insert(scan.id);
        continue;
      }
      index.claimed.Add(number);
      if (Shared(model, scan.schema)) index.Keep(offset, line);
      for (std::string& a : scan.addresses) {
        index.named_addresses.insert(std::move(a));
      }
      if (!scan.holder.empty() && model.IsA(scan.schema, "Identification")) {
        index.identifications[scan.holder].push_back(scan.id);
      }
      if ((++n & 0xFFFF) == 0) progress(reader.bytes_read(), 1);
    }
    for (const auto& [holder, held] : index.identifications) {
      if (auto it = index.ids.find(holder); it != index.ids.end()) {
        index.naming.Add(it->second.line);
      }
    }
    progress(total, 1);
  }

  // --- Pass 2: blocks. -----------------------------------------------------
  import_internal::FtmLines lines;
  lines.schema_elsewhere = [&](absl::string_view id) -> absl::string_view {
    auto it = index.ids.find(id);
    return it == index.ids.end() ? absl::string_view()
                                 : absl::string_view(index.schemata[it->second.schema]);
  };
  lines.first_line = [&](const std::string& id) -> int64_t {
    auto it = index.ids.find(id);
    return it == index.ids.end() ? 0 : it->second.line;
  };
  lines.address_named = [&](const std::string& id) {
    return index.named_addresses.contains(id);
  };
  // Ownership shares are checked over the whole file at the end: the
  // relations with a share wait in memory (a small part of the file).
  lines.defer_ownership_sums = true;
  std::vector<v1::Relation> owned;

  EMBARGO_ASSIGN_OR_RETURN(std::unique_ptr<RecordStreamWriter> out,
                           RecordStreamWriter::Open(out_path));
  const std::string rest_path = out_path + ".links.tmp";
  EMBARGO_ASSIGN_OR_RETURN(std::unique_ptr<RecordStreamWriter> rest,
                           RecordStreamWriter::Open(rest_path));
  ImportReport report;
  report.format = "ftm";
  report.files.push_back(path);
  for (const char* kind : {"source", "actor", "relation", "sanction"}) {
    report.records[kind] = 0;
  }
  absl::flat_hash_set<std::string> shared_ids;  // States, authorities, sources.
  absl::flat_hash_set<std::string> notes_seen;
  int64_t blocks = 0;
  if (update != nullptr) {
    EMBARGO_RETURN_IF_ERROR(
        update->Plan(index, path, shared_ids, *out, *rest, owned, report));
  }

  // Lines other blocks hold and pass 1 did not keep are read in place with
  // pread (a seek and a buffered read of 4 KiB was two system calls each).
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> borrow_file(
      std::fopen(path.c_str(), "rb"), &std::fclose);
  if (borrow_file == nullptr) {
    return absl::UnavailableError(absl::StrCat(
        path, ": cannot open again to read the lines blocks share: ",
        std::strerror(errno)));
  }
  const int borrow_fd = fileno(borrow_file.get());

  constexpr size_t kArenaBuffer = size_t{64} << 20;
  // A block of lines, its origin and, once mapped, its records.
  struct Block {
    std::basic_string<char, std::char_traits<char>,
                      internal::HugePageAllocator<char>>
        text;
    import_internal::FtmLines lines;
    std::vector<std::string> wanted;  // Addresses and holders it names.
    std::vector<int64_t> unreadable;  // Lines the importer rejected unread.
    // The block's records live on its arena, freed at once when written.
    // The arena starts in a buffer of its own, which a reset keeps: blocks
    // reuse the same memory instead of asking the system for it again.
    std::unique_ptr<char, decltype(&internal::FreeHuge)> arena_buffer{
        static_cast<char*>(internal::AllocateHuge(kArenaBuffer)),
        &internal::FreeHuge};
    std::unique_ptr<google::protobuf::Arena> arena = [&] {
      google::protobuf::ArenaOptions o;
      o.initial_block = arena_buffer.get();
      o.initial_block_size = kArenaBuffer;
      return std::make_unique<google::protobuf::Arena>(o);
    }();
    absl::StatusOr<std::pair<ImportReport, v1::Dataset*>> result =
        absl::UnknownError("not mapped");
    void Clear() {
      arena->Reset();
      text.clear();
      lines.line_numbers.clear();
      lines.borrowed_from = static_cast<size_t>(-1);
      wanted.clear();
      unreadable.clear();
    }
  };
  // Borrow what the block's actors name but other blocks hold.
  const auto borrow = [&](Block& b) -> absl::Status {
    b.lines.borrowed_from = b.lines.line_numbers.size();
    if (b.lines.line_numbers.empty()) return absl::OkStatus();
    // The block's lines are consecutive lines of the file: an entity whose
    // (first) line lies among them is the block's own.
    const int64_t first = b.lines.line_numbers.front();
    const int64_t last = b.lines.line_numbers.back();
    absl::flat_hash_set<std::string> taken;
    for (const std::string& id : b.wanted) {
      auto it = index.ids.find(id);
      if (it == index.ids.end()) continue;
      // (An update maps only some lines: those between that it skips are
      // not the block's.)
      if (it->second.line >= first && it->second.line <= last &&
          (update == nullptr || update->Remap(it->second.line))) {
        continue;
      }
      if (!taken.insert(id).second) continue;
      if (!Shared(model, index.schemata[it->second.schema])) continue;
      if (auto kept = index.kept_lines.find(it->second.offset);
          kept != index.kept_lines.end()) {
        b.text.append(kept->second.data(), kept->second.size());
      } else {
        const size_t at = b.text.size();
        b.text.resize(at + it->second.length);
        if (!ReadAt(borrow_fd, it->second.offset, b.text.data() + at,
                    it->second.length)) {
          return absl::DataLossError(
              absl::StrCat(path, ":", it->second.line, ": changed while read"));
        }
      }
      b.text.push_back('\n');
      b.lines.line_numbers.push_back(it->second.line);
    }
    return absl::OkStatus();
  };
  const auto map = [&](Block& b) {
    b.result = import_internal::ParseFtmLinesOnArena(b.text, path, model, ftm,
                                                     b.lines, b.arena.get());
  };
  const auto emit = [&](Block& b) -> absl::Status {
    EMBARGO_ASSIGN_OR_RETURN(auto mapped, std::move(b.result));
    ImportReport& r = mapped.first;
    v1::Dataset& ds = *mapped.second;
    ++blocks;
    report.rows_read += r.rows_read;
    report.rows_imported += r.rows_imported;
    for (auto& rej : r.rejected) report.rejected.push_back(std::move(rej));
    for (std::string& n : r.notes) {
      if (notes_seen.insert(n).second && report.notes.size() < 1000) {
        report.notes.push_back(std::move(n));
      }
    }
    // Each record is lent to one Record on the same arena, written, and
    // taken back: nothing is copied.
    v1::Record* rec = google::protobuf::Arena::CreateMessage<v1::Record>(b.arena.get());
    for (v1::Source& x : *ds.mutable_sources()) {
      if (!shared_ids.insert(x.id()).second) continue;
      rec->unsafe_arena_set_allocated_source(&x);
      const absl::Status written = out->Write(*rec);
      rec->unsafe_arena_release_source();
      EMBARGO_RETURN_IF_ERROR(written);
      ++report.records["source"];
    }
    for (v1::Actor& a : *ds.mutable_actors()) {
      // Entity actors are unique by pass 1; states and authorities repeat.
      const bool entity = absl::StartsWith(a.id(), "FTM-") &&
                          !absl::StartsWith(a.id(), "FTM-AUTH-");
      if (!entity && !shared_ids.insert(a.id()).second) continue;
      rec->unsafe_arena_set_allocated_actor(&a);
      const absl::Status written = out->Write(*rec);
      rec->unsafe_arena_release_actor();
      EMBARGO_RETURN_IF_ERROR(written);
      ++report.records["actor"];
    }
    for (v1::Relation& x : *ds.mutable_relations()) {
      if (x.kind() == v1::RELATION_KIND_OWNERSHIP && x.share_percent() > 0) {
        owned.push_back(x);  // Off the arena: kept to the end.
        continue;
      }
      rec->unsafe_arena_set_allocated_relation(&x);
      const absl::Status written = rest->Write(*rec);
      rec->unsafe_arena_release_relation();
      EMBARGO_RETURN_IF_ERROR(written);
      ++report.records["relation"];
    }
    for (v1::Sanction& x : *ds.mutable_sanctions()) {
      rec->unsafe_arena_set_allocated_sanction(&x);
      const absl::Status written = rest->Write(*rec);
      rec->unsafe_arena_release_sanction();
      EMBARGO_RETURN_IF_ERROR(written);
      ++report.records["sanction"];
    }
    return absl::OkStatus();
  };

  // Blocks are read in turn and mapped `threads` at a time; their records
  // are written in file order.
  const int threads = std::max(1, options.threads);
  std::vector<Block> batch(static_cast<size_t>(threads));
  for (Block& b : batch) {
    b.lines.schema_elsewhere = lines.schema_elsewhere;
    b.lines.first_line = lines.first_line;
    b.lines.repeated_ids = &index.repeated;
    b.lines.address_named = lines.address_named;
    b.lines.defer_ownership_sums = true;
    b.lines.unreadable = &b.unreadable;
  }
  size_t filled = 0;
  const auto run_batch = [&]() -> absl::Status {
    std::vector<std::thread> workers;
    for (size_t i = 1; i < filled; ++i) {
      workers.emplace_back([&, i] { map(batch[i]); });
    }
    if (filled > 0) map(batch[0]);
    for (std::thread& t : workers) t.join();
    // A line that was indexed as an entity but that the importer rejects
    // (only the quick reader lets one through) means the index is wrong.
    for (size_t i = 0; quick && i < filled; ++i) {
      for (int64_t l : batch[i].unreadable) {
        if (index.claimed.Has(l)) {
          misread = true;
          return Misread(path, l);
        }
      }
    }
    for (size_t i = 0; i < filled; ++i) {
      EMBARGO_RETURN_IF_ERROR(emit(batch[i]));
      batch[i].Clear();
      batch[i].result = absl::UnknownError("not mapped");
    }
    filled = 0;
    return absl::OkStatus();
  };
  {
    std::fseek(file.get(), 0, SEEK_SET);
    LineReader reader(file.get());
    absl::string_view line;
    int64_t number = 0, offset = 0;
    while (reader.Next(line, number, offset)) {
      if (number == 1) absl::ConsumePrefix(&line, "\xEF\xBB\xBF");
      // Blank as the importer tells it (ReadLines), so that its lines and
      // line_numbers stay in step.
      absl::string_view trimmed = line;
      absl::ConsumeSuffix(&trimmed, "\r");
      if (absl::StripAsciiWhitespace(trimmed).empty()) continue;
      if (update != nullptr && !update->Remap(number)) continue;
      Block& b = batch[filled];
      if (index.naming.Has(number)) {
        entities.Read(line, scan);
        for (std::string& a : scan.addresses) b.wanted.push_back(std::move(a));
        auto held = index.identifications.find(scan.id);
        if (held != index.identifications.end()) {
          for (const std::string& i : held->second) b.wanted.push_back(i);
        }
      }
      b.text.append(line.data(), line.size());
      b.text.push_back('\n');
      b.lines.line_numbers.push_back(number);
      if (static_cast<int64_t>(b.lines.line_numbers.size()) >=
          options.block_lines) {
        EMBARGO_RETURN_IF_ERROR(borrow(b));
        if (++filled == batch.size()) {
          EMBARGO_RETURN_IF_ERROR(run_batch());
          progress(reader.bytes_read(), 2);
        }
      }
    }
    if (!batch[filled].lines.line_numbers.empty()) {
      EMBARGO_RETURN_IF_ERROR(borrow(batch[filled]));
      ++filled;
    }
    EMBARGO_RETURN_IF_ERROR(run_batch());
    progress(total, 2);
  }
  if (update != nullptr) {
    EMBARGO_RETURN_IF_ERROR(update->Finish(shared_ids, *out, report));
  }
  import_internal::CheckFtmOwnershipSums(owned, report.notes, path);
  {
    v1::Record rec;
    for (v1::Relation& x : owned) {
      rec.mutable_relation()->Swap(&x);
      EMBARGO_RETURN_IF_ERROR(rest->Write(rec));
      ++report.records["relation"];
    }
  }
  EMBARGO_RETURN_IF_ERROR(out->Close());
  EMBARGO_RETURN_IF_ERROR(rest->Close());
  EMBARGO_RETURN_IF_ERROR(AppendFile(rest_path, out_path));
  std::remove(rest_path.c_str());
  std::sort(report.rejected.begin(), report.rejected.end(),
            [](const ImportReport::Rejected& a, const ImportReport::Rejected& b) {
              return a.line < b.line;
            });
  if (blocks > 1) {
    report.notes.push_back(absl::StrCat(
        "read in ", blocks, " blocks of ", options.block_lines, " lines"));
  }
  return report;
}

}  // namespace

// Pass 1 reads most lines quickly, without checking the JSON; a line the
// importer rejects in pass 2 is found there, and when pass 1 had indexed
// it as an entity the import starts again with every line of pass 1 read
// by the importer's own parser (rare: a file of sound JSON lines never
// needs it).
absl::StatusOr<ImportReport> ImportFtmJsonToStream(
    const std::string& path, const std::string& out_path,
    const FtmStreamOptions& options) {
  bool misread = false;
  absl::StatusOr<ImportReport> report =
      StreamFtm(path, out_path, options, /*quick=*/true, misread);
  if (!misread) return report;
  return StreamFtm(path, out_path, options, /*quick=*/false, misread);
}

absl::StatusOr<ImportReport> UpdateFtmJsonStream(
    const std::string& previous_export, const std::string& previous_records,
    const std::string& path, const std::string& out_path,
    const FtmStreamOptions& options) {
  if (previous_export.empty() || previous_records.empty()) {
    return absl::InvalidArgumentError(
        "an update needs the previous edition's export and its records");
  }
  FtmStreamOptions o = options;
  o.previous_export = previous_export;
  o.previous_records = previous_records;
  return ImportFtmJsonToStream(path, out_path, o);
}

}  // namespace embargo
