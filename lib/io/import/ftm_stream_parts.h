// The pieces of the streaming FtM import (ftm_stream.cc) that an edition
// update (ftm_update.cc) shares: reading lines, the index of ids that pass
// 1 builds, and the reader of what the index needs of a line.
//
// Thread safety: each object is used by one thread at a time.

#ifndef EMBARGO_LIB_IO_IMPORT_FTM_STREAM_PARTS_H_
#define EMBARGO_LIB_IO_IMPORT_FTM_STREAM_PARTS_H_

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/strip.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "embargo/import/ftm.h"
#include "lib/internal/huge_pages.h"
#include "lib/io/import/ftm_entity.h"
#include "lib/io/import/ftm_scan.h"

namespace embargo::import_internal::stream {

// LineReader yields the lines of a file with their number and offset. A
// line longer than the buffer grows it.
class LineReader {
 public:
  // `chunk`: bytes read at a time (a longer line grows the buffer).
  explicit LineReader(std::FILE* f, size_t chunk = kChunk) : f_(f), buf_(chunk) {}
  // Next sets `line` (without its newline); false at the end.
  bool Next(absl::string_view& line, int64_t& number, int64_t& offset) {
    while (true) {
      if (pos_ >= end_ && eof_) return false;
      const char* from = buf_.data() + pos_;
      const char* nl =
          pos_ < end_ ? static_cast<const char*>(std::memchr(from, '\n', end_ - pos_))
                      : nullptr;
      if (nl != nullptr || eof_) {
        const size_t stop = nl == nullptr ? end_ : static_cast<size_t>(nl - buf_.data());
        line = absl::string_view(from, stop - pos_);
        number = ++line_;
        offset = base_ + static_cast<int64_t>(pos_);
        pos_ = stop + 1;
        return true;
      }
      // Keep the partial line and read more.
      const size_t keep = end_ - pos_;
      if (keep == buf_.size()) buf_.resize(buf_.size() * 2);
      std::memmove(buf_.data(), buf_.data() + pos_, keep);
      base_ += static_cast<int64_t>(pos_);
      pos_ = 0;
      end_ = keep;
      const size_t n = std::fread(buf_.data() + end_, 1, buf_.size() - end_, f_);
      end_ += n;
      bytes_ += static_cast<int64_t>(n);
      if (n == 0) eof_ = true;
    }
  }
  int64_t bytes_read() const { return bytes_; }

 private:
  static constexpr size_t kChunk = size_t{8} << 20;
  std::FILE* f_;
  std::vector<char, internal::HugePageAllocator<char>> buf_;
  size_t pos_ = 0, end_ = 0;
  int64_t base_ = 0, line_ = 0, bytes_ = 0;
  bool eof_ = false;
};

// LineSet is a set of line numbers, a bit each.
class LineSet {
 public:
  void Add(int64_t line) {
    const size_t i = static_cast<size_t>(line);
    if (i >= bits_.size()) bits_.resize(std::max(i + 1, bits_.size() * 2));
    bits_[i] = true;
  }
  bool Has(int64_t line) const {
    const size_t i = static_cast<size_t>(line);
    return i < bits_.size() && bits_[i];
  }

 private:
  std::vector<bool> bits_;
};

struct Info {
  int64_t line = 0;
  int64_t offset = 0;
  uint32_t length = 0;
  uint16_t schema = 0;  // Index into Index::schemata.
};

// Strings kept for the whole import, in chunks that never move: the ids of
// the index, which as strings would take an allocation each when longer
// than 15 bytes, as OpenSanctions' ids mostly are.
class StringStore {
 public:
  absl::string_view Keep(absl::string_view s) {
    if (chunks_.empty() || s.size() > kChunk - used_) {
      if (s.size() > kChunk / 4) {
        big_.push_back(std::string(s));
        return big_.back();
      }
      chunks_.push_back(std::make_unique<char[]>(kChunk));
      used_ = 0;
    }
    char* at = chunks_.back().get() + used_;
    std::memcpy(at, s.data(), s.size());
    used_ += s.size();
    return absl::string_view(at, s.size());
  }

 private:
  static constexpr size_t kChunk = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::deque<std::string> big_;
  size_t used_ = kChunk;
};

struct Index {
  StringStore strings;
  // First line of each id; the keys view `strings`.
  absl::flat_hash_map<
      absl::string_view, Info,
      absl::container_internal::hash_default_hash<absl::string_view>,
      absl::container_internal::hash_default_eq<absl::string_view>,
      internal::HugePageAllocator<std::pair<const absl::string_view, Info>>>
      ids;
  std::vector<std::string> schemata;
  absl::flat_hash_map<std::string, uint16_t> schema_numbers;
  absl::flat_hash_set<std::string> named_addresses;
  // Ids borne by more than one line (the later ones are rejected).
  absl::flat_hash_set<std::string> repeated;
  // Holder id -> ids of the Identification entities it holds.
  absl::flat_hash_map<std::string, std::vector<std::string>> identifications;
  // Lines that name Address entities or hold identifications (pass 2
  // reads only those lines before mapping).
  LineSet naming;
  // Lines that are the first of their id.
  LineSet claimed;
  // The text of the lines other blocks may borrow (addresses and
  // identifications), kept from pass 1 up to FtmStreamOptions::
  // kept_line_bytes and found by their offset: borrowing them then needs
  // no read of the file. Lines beyond the budget are read where they lie.
  StringStore kept_text;
  int64_t kept_budget = 0;
  absl::flat_hash_map<int64_t, absl::string_view> kept_lines;

  // Keep keeps `line`, which starts at `offset` of the file, while the
  // budget lasts.
  void Keep(int64_t offset, absl::string_view line) {
    if (static_cast<int64_t>(line.size()) > kept_budget) return;
    kept_budget -= static_cast<int64_t>(line.size());
    kept_lines.emplace(offset, kept_text.Keep(line));
  }

  uint16_t SchemaNumber(const std::string& s) {
    auto [it, inserted] =
        schema_numbers.try_emplace(s, static_cast<uint16_t>(schemata.size()));
    if (inserted) schemata.push_back(s);
    return it->second;
  }
};

// EntityReader reads what the index needs of a line (id, schema, the
// Address entities named, the holder), so that a line counts as an entity
// exactly when the FtM importer reads it as one: with the importer's own
// parser, or, when `quick`, with ScanEntityLineQuick where that answers.
// The quick reader does not check the JSON: a line it reads that the
// importer then rejects means the index is wrong (see ImportFtmJsonToStream).
class EntityReader {
 public:
  EntityReader(const FtmModel& model, const FtmOptions& options, bool quick)
      : model_(model), options_(options), quick_(quick) {}

  // Read fills `out`; false when the importer rejects the line (or it is
  // blank).
  // With `edition`, it also reads what an edition update needs (its views
  // live until the next Read).
  bool Read(absl::string_view line, import_internal::EntityScan& out,
            import_internal::EditionScan* edition = nullptr) {
    if (quick_ && static_cast<int64_t>(line.size()) <= options_.max_line_bytes &&
        import_internal::ScanEntityLineQuick(line, out, edition)) {
      return !out.id.empty() && !out.schema.empty() && model_.Has(out.schema);
    }
    out.Clear();
    if (edition != nullptr) edition->Clear();
    absl::ConsumeSuffix(&line, "\r");
    if (absl::StripAsciiWhitespace(line).empty()) return false;
    // The parser keeps unescaped strings while it lives: a new one now and
    // then keeps memory bounded.
    if (!parser_ || (++parsed_ & 0xFFFF) == 0) parser_.emplace(model_, options_);
    import_internal::ftm::Entity e;
    e.text = line;
    if (parser_->Parse(e)) return false;
    out.id = std::move(e.id);
    out.schema = std::move(e.schema);
    for (absl::string_view a : e.Values("addressEntity")) {
      out.addresses.emplace_back(a);
    }
    if (auto h = e.Values("holder"); !h.empty()) {
      out.holder.assign(h.front().data(), h.front().size());
    }
    if (edition != nullptr) {
      edition->last_seen = e.last_seen;
      edition->datasets = std::move(e.datasets);
    }
    return true;
  }

 private:
  const FtmModel& model_;
  const FtmOptions& options_;
  const bool quick_;
  std::optional<import_internal::ftm::EntityParser> parser_;
  int64_t parsed_ = 0;
};

}  // namespace embargo::import_internal::stream

#endif  // EMBARGO_LIB_IO_IMPORT_FTM_STREAM_PARTS_H_
