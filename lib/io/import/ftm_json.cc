// FollowTheMoney JSON lines importer. See embargo/import/ftm.h.
//
// The steps, in order:
//   1. Read: each non-blank line is checked (length, UTF-8, nesting depth),
//      parsed, and kept as an Entity, or rejected with its line and column.
//   2. Classify each entity by walking its schema's `extends` in the model.
//   3. Actors first (so that every reference can be checked), with the
//      Address entities they name and the identifications they hold.
//   4. Relations from edge schemata, then sanctions, each rejected when an
//      end is not an actor of the file.
//   5. Ownership shares of each asset are checked never to sum to over 100
//      at one time (each owner counted once); an excess is noted, the
//      shares are kept.
//   6. The records are written: the Source, the states, the actors, the
//      relations, the sanctions.
//
// The importer is one class whose steps share the schema model, the entity
// index and the rejects every error names; what an entity gives on its own
// (dates, identifier schemes, kinds, authorities, measures, an actor's names
// and identifiers, a sanction's terms, the share check) is ftm_mapping.cc,
// reading a line ftm_entity.cc, the model itself ftm_model.cc, and the
// nested and statement formats have files of their own.

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "embargo/date.h"
#include "embargo/import/countries.h"
#include "embargo/import/ftm.h"
#include "embargo/import/report.h"
#include "google/protobuf/arena.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/ftm_entity.h"
#include "lib/io/import/ftm_internal.h"
#include "lib/io/import/ftm_mapping.h"
#include "lib/io/import/text_util.h"

namespace embargo {
namespace {

using import_internal::ftm::ActorKindOf;
using import_internal::ftm::Authority;
using import_internal::ftm::Earliest;
using import_internal::ftm::Entity;
using import_internal::ftm::Latest;
using import_internal::ftm::RelationKindOf;
using import_internal::ftm::Slug;
using import_internal::ftm::WellKnownAuthority;

constexpr absl::string_view kFormat = "ftm";
constexpr absl::string_view kIdPrefix = "FTM-";

class Importer {
 public:
  // With an arena, the records are built on it (Dataset() then holds them
  // and the result's dataset stays empty); without, in the result.
  Importer(std::string name, const FtmModel& model, const FtmOptions& options,
           const import_internal::FtmLines* lines = nullptr,
           google::protobuf::Arena* arena = nullptr)
      : name_(std::move(name)), model_(model), options_(options), lines_(lines),
        ds_(arena != nullptr
                ? google::protobuf::Arena::CreateMessage<v1::Dataset>(arena)
                : &result_.dataset) {
    result_.report.format = std::string(kFormat);
    result_.report.files.push_back(name_);
    source_id_ = options_.source_id;
    if (source_id_.empty()) {
      absl::string_view base = name_;
      if (size_t slash = base.find_last_of('/'); slash != base.npos) {
        base.remove_prefix(slash + 1);
      }
      base = base.substr(0, base.find('.'));
      source_id_ = absl::StrCat(kIdPrefix, base.empty() ? "file" : base);
    }
  }

  v1::Dataset* Dataset() const { return ds_; }

  absl::StatusOr<ImportResult> Run(absl::string_view text) {
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                             (text[0] == '\xFE' && text[1] == '\xFF'))) {
      return absl::InvalidArgumentError(absl::StrCat(
          name_, ":1:1: UTF-16 byte-order mark: FtM JSON lines must be UTF-8"));
    }
    if (size_t nul = text.find('\0'); nul != absl::string_view::npos) {
      int64_t line = 1 + std::count(text.begin(), text.begin() + nul, '\n');
      size_t start = text.rfind('\n', nul);
      int64_t column = static_cast<int64_t>(
          nul - (start == absl::string_view::npos ? 0 : start + 1) + 1);
      return absl::InvalidArgumentError(absl::StrCat(
          name_, ":", line, ":", column,
          ": NUL byte: this is not UTF-8 text (UTF-16?); FtM JSON lines must "
          "be UTF-8"));
    }
    absl::ConsumePrefix(&text, "\xEF\xBB\xBF");
    AddSource();
    ReadLines(text);
    BuildActors();
    BuildRelations();
    BuildSanctions();
    CheckOwnershipSums();
    Finish();
    return std::move(result_);
  }

 private:
  // --- 1. Reading ----------------------------------------------------------

  void ReadLines(absl::string_view text) {
    // One entity per line at most; lines counted with memchr, which reads
    // many bytes at a time (std::count read them one by one: 5 % of an
    // import).
    size_t lines = 1;
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end && (p = static_cast<const char*>(std::memchr(
                           p, '\n', static_cast<size_t>(end - p)))) != nullptr) {
      ++lines;
      ++p;
    }
    entities_.reserve(lines);
    int64_t line_number = 0;
    size_t nonblank = 0;
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      ++line_number;
      absl::ConsumeSuffix(&line, "\r");
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      Entity e;
      e.line = line_number;
      if (lines_ != nullptr) {
        const size_t i = nonblank++;
        if (i < lines_->line_numbers.size()) e.line = lines_->line_numbers[i];
        e.borrowed = i >= lines_->borrowed_from;
      }
      if (!e.borrowed) ++result_.report.rows_read;
      e.text = line;
      std::optional<std::pair<int64_t, std::string>> error = parser_.Parse(e);
      if (error) {
        if (lines_ != nullptr && lines_->unreadable != nullptr) {
          lines_->unreadable->push_back(e.line);
        }
        if (!e.borrowed) Reject(e.line, error->first, std::move(error->second));
        continue;
      }
      if (lines_ != nullptr && lines_->first_line && !e.borrowed &&
          (lines_->repeated_ids == nullptr ||
           lines_->repeated_ids->contains(e.id))) {
        const int64_t first = lines_->first_line(e.id);
        if (first != 0 && first != e.line) {
          Reject(e.line, e.ColumnOf(e.id),
                 absl::StrCat("duplicate entity id \"", e.id,
                              "\"; first at line ", first));
          continue;
        }
      }
      auto [it, inserted] = index_.try_emplace(e.id, entities_.size());
      if (!inserted) {
        Reject(e.line, e.ColumnOf(e.id),
               absl::StrCat("duplicate entity id \"", e.id,
                            "\"; first at line ", entities_[it->second].line));
        continue;
      }
      entities_.push_back(std::move(e));
    }
  }

  // --- 3. Actors -----------------------------------------------------------

  void BuildActors() {
    // Addresses referenced by an actor.
    for (Entity& e : entities_) {
      std::optional<v1::ActorKind> kind = KindOf(e.schema);
      if (!kind) continue;
      v1::Actor& a = *ds_->add_actors();
      a.set_id(ActorId(e.id));
      a.set_kind(*kind);
      // Names, identifiers, birth date and note (ftm_mapping.h).
      import_internal::ftm::FillActor(model_, e, source_id_, a);
      for (absl::string_view p : import_internal::ftm::kActorCountryProperties) {
        if (!a.country().empty()) break;
        for (absl::string_view c : e.Values(p)) {
          if (std::optional<std::string> code = State(c)) {
            a.set_country(*code);
            break;
          }
        }
      }
      AddEvidence(*a.add_evidence(), e);
      // A vessel's or aircraft's flag is also a FLAG relation to the state.
      std::set<std::string> flags;
      for (absl::string_view flag : e.Values("flag")) {
        std::optional<std::string> state = State(flag);
        if (!state || !flags.insert(*state).second) continue;
        v1::Relation& r = *ds_->add_relations();
        r.set_id(absl::StrCat(a.id(), "-flag-", *state));
        r.set_kind(v1::RELATION_KIND_FLAG);
        r.set_subject_id(a.id());
        r.set_object_id(*state);
        r.set_status(options_.relation_status);
        AddEvidence(*r.add_evidence(), e);
      }
      actor_index_[e.id] = ds_->actors_size() - 1;
      e.imported = true;
    }

    // Addresses: the text of the address property, and Address entities.
    absl::flat_hash_set<std::string> used_addresses;
    for (const Entity& e : entities_) {
      auto it = actor_index_.find(e.id);
      if (it == actor_index_.end()) continue;
      v1::Actor& a = *ds_->mutable_actors(static_cast<int>(it->second));
      std::set<std::string> seen;
      const auto add = [&](absl::string_view s) {
        std::string c = import_internal::CleanText(s);
        if (!c.empty() && seen.insert(c).second) a.add_addresses(c);
      };
      for (absl::string_view s : e.Values("address")) add(s);
      for (absl::string_view ref : e.Values("addressEntity")) {
        auto at = index_.find(ref);
        if (at == index_.end() ||
            !model_.IsA(entities_[at->second].schema, "Address")) {
          missing_addresses_.push_back(
              absl::StrCat(e.id, " -> ", ref, " (line ", e.line, ")"));
          continue;
        }
        add(AddressText(entities_[at->second]));
        // The address's country, kept as a code too (Actor.address_countries).
        if (std::optional<std::string> c =
                State(entities_[at->second].First("country"))) {
          if (std::find(a.address_countries().begin(),
                        a.address_countries().end(),
                        *c) == a.address_countries().end()) {
            a.add_address_countries(*c);
          }
        }
        used_addresses.emplace(ref);
      }
    }
    for (Entity& e : entities_) {
      if (!model_.IsA(e.schema, "Address") || e.imported) continue;
      if (used_addresses.contains(e.id) ||
          (lines_ != nullptr && lines_->address_named &&
           lines_->address_named(e.id))) {
        e.imported = true;
      } else {
        e.rejected = "Address that no actor of the file names";
      }
    }

    // Identifications add an identifier to their holder, in the order of
    // their ids: neither where their lines lie nor which block reads them
    // changes an actor's identifiers.
    std::vector<Entity*> identifications;
    for (Entity& e : entities_) {
      if (model_.IsA(e.schema, "Identification")) identifications.push_back(&e);
    }
    std::sort(identifications.begin(), identifications.end(),
              [](const Entity* a, const Entity* b) { return a->id < b->id; });
    for (Entity* ep : identifications) {
      Entity& e = *ep;
      const std::string holder = e.First("holder");
      std::string number = e.First("number");
      if (number.empty()) number = e.First("passportNumber");
      if (number.empty()) {
        e.rejected = absl::StrCat(e.schema, " without a number");
        continue;
      }
      auto it = actor_index_.find(holder);
      if (it == actor_index_.end() && IsActor(holder)) {
        // The holder is in another block, which reads this entity too.
        e.imported = true;
        continue;
      }
      if (it == actor_index_.end()) {
        Dangling(e, "holder", holder);
        continue;
      }
      v1::Actor& a = *ds_->mutable_actors(static_cast<int>(it->second));
      const std::string scheme =
          model_.IsA(e.schema, "Passport") ? "PASSPORT" : "NATIONAL_ID";
      v1::Identifier* id =
          import_internal::ftm::AddIdentifier(a, scheme, number, source_id_);
      if (id != nullptr) {
        if (std::optional<std::string> c = State(e.First("country"))) {
          id->set_country(*c);
        }
      }
      e.imported = true;
    }
  }

  std::string AddressText(const Entity& a) const {
    std::string full = a.First("full");
    if (!full.empty()) return full;
    std::vector<std::string> parts;
    for (const char* p : {"street", "street2", "postalCode", "city", "region",
                          "state"}) {
      std::string v = a.First(p);
      if (!v.empty()) parts.push_back(v);
    }
    if (std::optional<absl::string_view> c = CountryCode(a.First("country"))) {
      parts.push_back(std::string(CountryName(*c)));
    }
    return absl::StrJoin(parts, ", ");
  }

  // --- 4. Relations and sanctions -----------------------------------------

  void BuildRelations() {
    for (Entity& e : entities_) {
      const FtmModel::Edge* edge = model_.EdgeOf(e.schema);
      if (edge == nullptr || e.imported || !e.rejected.empty()) continue;
      const std::string from = e.First(edge->source);
      const std::string to = e.First(edge->target);
      if (from.empty() || to.empty()) {
        e.rejected = absl::StrCat(e.schema, " without ",
                                  from.empty() ? edge->source : edge->target);
        continue;
      }
      if (!IsActor(from)) {
        Dangling(e, edge->source, from);
        continue;
      }
      if (!IsActor(to)) {
        Dangling(e, edge->target, to);
        continue;
      }
      if (from == to) {
        e.rejected = absl::StrCat(e.schema, " joins \"", from, "\" to itself");
        e.rejected_column = e.ColumnOf(to);
        continue;
      }
      auto [kind, role] = RelationKindOf(model_, e.schema);
      v1::Relation& r = *ds_->add_relations();
      r.set_id(ActorId(e.id));
      r.set_kind(kind);
      r.set_subject_id(ActorId(from));
      r.set_object_id(ActorId(to));
      std::vector<absl::string_view> roles;
      std::string share_text;  // Lives as long as `roles`.
      if (!role.empty()) roles.push_back(role);
      for (const char* p : {"relationship", "role", "ownershipType"}) {
        for (absl::string_view v : e.Values(p)) roles.push_back(v);
      }
      if (kind == v1::RELATION_KIND_OWNERSHIP) {
        const absl::Span<const absl::string_view> pct = e.Values("percentage");
        std::optional<double> share;
        for (absl::string_view p : pct) {
          if ((share = ParseFtmPercentage(p))) break;
        }
        if (share) {
          r.set_share_percent(*share);
        } else if (!pct.empty()) {
          share_text = absl::StrCat("share ", pct.front());
          roles.push_back(share_text);
          result_.report.notes.push_back(absl::StrCat(
              "line ", e.line, ": ownership \"", e.id, "\": percentage \"",
              pct.front(), "\" is not a share in (0, 100]; kept as text"));
        }
      }
      r.set_role(absl::StrJoin(roles, "; "));
      std::optional<PartialDate> start, end;
      for (const std::string& p : model_.TemporalStart(e.schema)) {
        if ((start = Earliest(e.Values(p)))) break;
      }
      for (const std::string& p : model_.TemporalEnd(e.schema)) {
        if ((end = Latest(e.Values(p)))) break;
      }
      if (start) *r.mutable_period()->mutable_start() = start->ToProto();
      if (end) {
        if (start && end->LatestDay() < start->EarliestDay()) {
          result_.report.notes.push_back(absl::StrCat(
              "line ", e.line, ": ", e.schema, " \"", e.id, "\" ends ",
              end->ToString(), " before it starts ", start->ToString(),
              "; end dropped"));
        } else {
          *r.mutable_period()->mutable_end() = end->ToProto();
        }
      }
      r.set_status(options_.relation_status);
      AddEvidence(*r.add_evidence(), e);
      e.imported = true;
    }
  }

  void BuildSanctions() {
    for (Entity& e : entities_) {
      if (!model_.IsA(e.schema, "Sanction") || e.imported ||
          !e.rejected.empty()) {
        continue;
      }
      const std::string target = e.First("entity");
      if (target.empty()) {
        e.rejected = "Sanction without an entity";
        continue;
      }
      if (!IsActor(target)) {
        Dangling(e, "entity", target);
        continue;
      }
      const std::string country = e.First("country");
      std::optional<std::string> authority_id = AuthorityActor(e, country);
      if (!authority_id) {
        e.rejected = "Sanction without an authority or a country";
        continue;
      }
      v1::Sanction& s = *ds_->add_sanctions();
      s.set_id(ActorId(e.id));
      s.set_authority_id(*authority_id);
      s.set_target_id(ActorId(target));
      // Programme, measures, dates, reference and remarks (ftm_mapping.h).
      bool from_first_seen = false;
      import_internal::ftm::FillSanctionTerms(model_, e, *authority_id, s,
                                              from_first_seen);
      if (from_first_seen) ++listed_from_first_seen_;
      s.set_status(options_.sanction_status);
      AddEvidence(*s.add_evidence(), e);
      // The designation reason, in the list's words, is what the sanction's
      // evidence quotes (and what the reason rules read).
      s.mutable_evidence(0)->set_quote(
          import_internal::CleanText(absl::StrJoin(e.Values("reason"), " ")));
      e.imported = true;
    }
  }

  // AuthorityActor returns the id of the sanction's authority, adding the
  // actor the first time.
  std::optional<std::string> AuthorityActor(const Entity& e,
                                            const std::string& country) {
    const absl::Span<const absl::string_view> names = e.Values("authority");
    for (absl::string_view n : names) {
      if (const Authority* a = WellKnownAuthority(n, country)) {
        return AuthorityActorFor(*a);
      }
    }
    if (names.empty()) {
      if (const Authority* a = WellKnownAuthority("", country)) {
        return AuthorityActorFor(*a);
      }
      // The state itself, when only the country is known.
      return State(country);
    }
    // The country keeps apart the many ministries of finance.
    std::optional<std::string> state = State(country);
    const std::string id =
        absl::StrCat(kIdPrefix, "AUTH-",
                     state ? absl::StrCat(absl::AsciiStrToLower(*state), "-")
                           : std::string(),
                     Slug(names.front()));
    if (authorities_.insert(id).second) {
      v1::Actor actor;
      actor.set_id(id);
      actor.set_kind(v1::ACTOR_KIND_GOVERNMENT_BODY);
      actor.set_name(import_internal::CleanText(names.front()));
      if (state) actor.set_country(*state);
      actor.set_note("Sanctioning authority named by an FtM Sanction");
      actor.add_evidence()->set_source_id(source_id_);
      authority_actors_.push_back(std::move(actor));
    }
    return id;
  }

  std::string AuthorityActorFor(const Authority& a) {
    if (authorities_.insert(std::string(a.id)).second) {
      v1::Actor actor;
      actor.set_id(std::string(a.id));
      actor.set_kind(a.kind);
      actor.set_name(std::string(a.name));
      actor.add_aliases(std::string(a.alias));
      if (!a.country.empty()) {
        if (std::optional<std::string> c = State(a.country)) {
          actor.set_country(*c);
        }
      }
      actor.add_evidence()->set_source_id(source_id_);
      authority_actors_.push_back(std::move(actor));
    }
    return std::string(a.id);
  }

  // --- 5. Ownership sums ---------------------------------------------------

  void CheckOwnershipSums() {
    if (lines_ != nullptr && lines_->defer_ownership_sums) return;
    import_internal::ftm::CheckOwnershipSums(ds_->relations(), result_.report.notes, name_);
  }

  // --- 6. Output -----------------------------------------------------------

  void Finish() {
    v1::Dataset& ds = *ds_;
    for (const std::string& name : parser_.Datasets()) {
      v1::Source* src = ds.add_sources();
      src->set_id(DatasetSourceId(name));
      src->set_title(absl::StrCat("OpenSanctions dataset ", name));
      src->set_note(absl::StrCat("a dataset of the entities in ", source_id_,
                                 " (FtM \"datasets\")"));
    }
    // States and authorities come before the entities' actors.
    const int entity_actors = ds.actors_size();
    for (const std::string& code : states_) {
      *ds.add_actors() = StateActor(code, source_id_);
    }
    for (v1::Actor& a : authority_actors_) *ds.add_actors() = std::move(a);
    std::rotate(ds.mutable_actors()->pointer_begin(),
                ds.mutable_actors()->pointer_begin() + entity_actors,
                ds.mutable_actors()->pointer_end());

    ImportReport& rep = result_.report;
    for (const Entity& e : entities_) {
      if (e.borrowed) continue;
      if (e.imported) {
        ++rep.rows_imported;
      } else {
        Reject(e.line, e.rejected_column,
               !e.rejected.empty()
                   ? absl::StrCat(e.schema, " \"", e.id, "\": ", e.rejected)
                   : absl::StrCat(e.schema, " \"", e.id,
                                  "\": schema is not imported (not an actor, "
                                  "edge, sanction, address or "
                                  "identification)"));
      }
    }
    std::sort(rep.rejected.begin(), rep.rejected.end(),
              [](const ImportReport::Rejected& a,
                 const ImportReport::Rejected& b) { return a.line < b.line; });
    if (!missing_addresses_.empty()) {
      rep.notes.push_back(absl::StrCat(
          missing_addresses_.size(),
          " addressEntity reference(s) to Address entities not in the file: ",
          absl::StrJoin(missing_addresses_, "; ")));
    }
    if (!unknown_countries_.empty()) {
      rep.notes.push_back(absl::StrCat(
          "country values that name no ISO 3166 state (left out): ",
          absl::StrJoin(unknown_countries_, ", ")));
    }
    if (listed_from_first_seen_ > 0) {
      rep.notes.push_back(absl::StrCat(
          listed_from_first_seen_,
          " sanction(s) without a listing or start date: listing date "
          "unknown, listed no later than first_seen (possibly in force "
          "before it)"));
    }
    rep.records["source"] = ds.sources_size();
    rep.records["actor"] = ds.actors_size();
    rep.records["relation"] = ds.relations_size();
    rep.records["sanction"] = ds.sanctions_size();
  }

  // --- Helpers -------------------------------------------------------------

  void AddSource() {
    v1::Source* s = ds_->add_sources();
    s->set_id(source_id_);
    std::string base = name_;
    if (size_t slash = base.find_last_of('/'); slash != std::string::npos) {
      base = base.substr(slash + 1);
    }
    s->set_title(absl::StrCat("FollowTheMoney entities: ", base));
    s->set_note(
        "FollowTheMoney JSON lines (e.g. an OpenSanctions export; "
        "OpenSanctions data is CC BY-NC 4.0: attribute OpenSanctions)");
    s->set_reliability(v1::RELIABILITY_ESTABLISHED);
  }

  static std::string ActorId(absl::string_view ftm_id) {
    return absl::StrCat(kIdPrefix, ftm_id);
  }

  bool IsActor(const std::string& ftm_id) const {
    if (actor_index_.contains(ftm_id)) return true;
    if (lines_ == nullptr || !lines_->schema_elsewhere ||
        index_.contains(ftm_id)) {
      return false;
    }
    const absl::string_view schema = lines_->schema_elsewhere(ftm_id);
    return !schema.empty() && KindOf(schema).has_value();
  }

  // Dangling rejects `e` for a reference that is not an actor of the file.
  void Dangling(Entity& e, absl::string_view prop, const std::string& ref) {
    auto it = index_.find(ref);
    e.rejected_column = e.ColumnOf(ref);
    const absl::string_view elsewhere =
        it == index_.end() && lines_ != nullptr && lines_->schema_elsewhere
            ? lines_->schema_elsewhere(ref)
            : absl::string_view();
    if (!elsewhere.empty()) {
      const int64_t line = lines_->first_line ? lines_->first_line(ref) : 0;
      e.rejected = absl::StrCat(prop, " \"", ref, "\" is a ", elsewhere,
                                line > 0 ? absl::StrCat(" (line ", line, ")")
                                         : std::string(),
                                ", not an actor");
    } else if (it == index_.end()) {
      e.rejected = absl::StrCat(prop, " \"", ref,
                                "\" is not in the file (dangling reference)");
    } else {
      const Entity& other = entities_[it->second];
      e.rejected = absl::StrCat(prop, " \"", ref, "\" is a ", other.schema,
                                " (line ", other.line, "), not an actor");
    }
  }

  // KindOf is ActorKindOf, remembered per schema: a file has a few dozen
  // schemata and walking the model for each entity was 2 % of an import.
  std::optional<v1::ActorKind> KindOf(absl::string_view schema) const {
    auto it = kinds_.find(schema);
    if (it == kinds_.end()) {
      it = kinds_.emplace(std::string(schema), ActorKindOf(model_, schema)).first;
    }
    return it->second;
  }

  // State resolves a country (code or name) and records its state actor.
  // The answer is remembered per text: a file writes its countries a few
  // hundred ways over millions of values.
  std::optional<std::string> State(absl::string_view country) {
    if (country.empty()) return std::nullopt;
    auto it = states_of_.find(country);
    if (it != states_of_.end()) return it->second;
    std::optional<std::string> state;
    if (std::optional<absl::string_view> code = CountryCode(country)) {
      state = std::string(*code);
      states_.insert(*state);
    } else {
      unknown_countries_.insert(std::string(country));
    }
    states_of_.emplace(std::string(country), state);
    return state;
  }

  // The evidence of a record: the file, the line and the entity, when the
  // publisher first and last saw it and last changed it, and the datasets
  // it came through (as via sources).
  void AddEvidence(v1::Evidence& ev, const Entity& e) const {
    ev.set_source_id(source_id_);
    const auto part = [](absl::string_view label, absl::string_view value) {
      return value.empty() ? absl::string_view() : label;
    };
    // Written in place, reserved once and appended piece by piece: a
    // temporary string per record was 1 % of an import, and StrAppend's
    // amortized growth (which zero-fills before it copies) 2-3 %.
    char digits[24];
    const absl::string_view line(
        digits, static_cast<size_t>(
                    std::to_chars(digits, digits + sizeof digits, e.line).ptr -
                    digits));
    import_internal::AppendPieces(
        *ev.mutable_locator(),
        {"line ", line, " (", e.id, ")", part("; first seen ", e.first_seen),
         e.first_seen, part("; last seen ", e.last_seen), e.last_seen,
         part("; last change ", e.last_change), e.last_change});
    for (absl::string_view d : e.datasets) {
      import_internal::AppendPieces(*ev.add_via_source_ids(),
                                    {kIdPrefix, "DATASET-", d});
    }
  }
  static std::string DatasetSourceId(absl::string_view dataset) {
    return absl::StrCat(kIdPrefix, "DATASET-", dataset);
  }

  void Reject(int64_t line, int64_t column, std::string reason) {
    result_.report.rejected.push_back({name_, line, column, std::move(reason)});
  }

  std::string name_;
  const FtmModel& model_;
  FtmOptions options_;
  const import_internal::FtmLines* lines_;  // Where the lines come from.
  std::string source_id_;
  ImportResult result_;

  import_internal::ftm::EntityParser parser_{model_, options_};
  std::vector<Entity> entities_;
  absl::flat_hash_map<std::string, size_t> index_;  // FtM id -> entities_.
  v1::Dataset* ds_;  // The records: result_.dataset or on an arena.
  absl::flat_hash_map<std::string, size_t> actor_index_;  // FtM id -> ds_ actors.
  std::vector<v1::Actor> authority_actors_;
  absl::flat_hash_set<std::string> authorities_;
  std::set<std::string> states_;
  std::set<std::string> unknown_countries_;
  absl::flat_hash_map<std::string, std::optional<std::string>> states_of_;
  mutable absl::flat_hash_map<std::string, std::optional<v1::ActorKind>> kinds_;
  std::vector<std::string> missing_addresses_;
  int64_t listed_from_first_seen_ = 0;
};

}  // namespace

absl::StatusOr<ImportResult> ParseFtmJson(absl::string_view text,
                                          std::string name,
                                          const FtmModel& model,
                                          const FtmOptions& options) {
  Importer importer(std::move(name), model, options);
  return importer.Run(text);
}

absl::StatusOr<ImportResult> ImportFtmJson(const std::string& path,
                                           const FtmModel& model,
                                           const FtmOptions& options) {
  EMBARGO_ASSIGN_OR_RETURN(
      std::string bytes,
      import_internal::ReadFileBytes(path, options.max_file_bytes));
  return ParseFtmJson(bytes, path, model, options);
}

namespace import_internal {
absl::StatusOr<ImportResult> ParseFtmLines(absl::string_view text,
                                           std::string name,
                                           const FtmModel& model,
                                           const FtmOptions& options,
                                           const FtmLines& lines) {
  Importer importer(std::move(name), model, options, &lines);
  return importer.Run(text);
}
absl::StatusOr<std::pair<ImportReport, v1::Dataset*>> ParseFtmLinesOnArena(
    absl::string_view text, std::string name, const FtmModel& model,
    const FtmOptions& options, const FtmLines& lines,
    google::protobuf::Arena* arena) {
  Importer importer(std::move(name), model, options, &lines, arena);
  v1::Dataset* dataset = importer.Dataset();
  EMBARGO_ASSIGN_OR_RETURN(ImportResult result, importer.Run(text));
  return std::make_pair(std::move(result.report), dataset);
}
void CheckFtmOwnershipSums(std::vector<v1::Relation>& relations,
                           std::vector<std::string>& notes,
                           absl::string_view file) {
  ftm::CheckOwnershipSums(relations, notes, file);
}
}  // namespace import_internal

absl::StatusOr<ImportResult> ImportFtmJson(const std::string& path,
                                           const FtmOptions& options) {
  return ImportFtmJson(path, FtmModel::BuiltIn(), options);
}

}  // namespace embargo
