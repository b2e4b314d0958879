// The FollowTheMoney data model. See embargo/import/ftm.h.
//
// Loading reads each schema's own properties, edge, temporal extent and
// `extends` list, then computes for every schema its ancestors in
// breadth-first order (itself first) by walking `extends`. Lookups that the
// model inherits (properties, edges, temporal extents) walk that order.

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "embargo/import/ftm.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/ftm_builtin_model.h"
#include "lib/io/import/text_util.h"
#include "nlohmann/json.hpp"

namespace embargo {

namespace {

// NameTable maps names to values for lookups by view: an open-addressing
// table whose hash reads the length and at most eight bytes of the name.
// The model's lookups (a schema by name, a property of a schema) happen
// several times per imported entity, and absl's hash of the whole string
// with a probe of a general table was 6 % of an import. The table is
// filled once, while the model is built; the keys are views of strings
// that outlive it.
template <typename T>
class NameTable {
 public:
  // Build fills the table from (key, value) pairs with distinct keys.
  void Build(const std::vector<std::pair<absl::string_view, T>>& entries) {
    size_t capacity = 8;
    while (capacity < 2 * entries.size()) capacity *= 2;
    slots_.assign(capacity, Slot{});
    for (const auto& [key, value] : entries) {
      size_t i = Hash(key) & (capacity - 1);
      while (slots_[i].used) i = (i + 1) & (capacity - 1);
      slots_[i] = Slot{key, value, true};
    }
  }

  // Find returns the value of `key`, or nullptr.
  const T* Find(absl::string_view key) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.key.size() == key.size() &&
          std::memcmp(s.key.data(), key.data(), key.size()) == 0) {
        return &s.value;
      }
    }
  }

 private:
  struct Slot {
    absl::string_view key;
    T value{};
    bool used = false;
  };

  static size_t Hash(absl::string_view key) {
    uint64_t head = 0, tail = 0;
    if (key.size() >= 4) {
      uint32_t a, b;
      std::memcpy(&a, key.data(), 4);
      std::memcpy(&b, key.data() + key.size() - 4, 4);
      head = a;
      tail = b;
    } else {
      for (char c : key) head = head << 8 | static_cast<unsigned char>(c);
    }
    uint64_t h = (head << 32 | tail) ^ (key.size() * 0x9E3779B97F4A7C15ULL);
    h *= 0xBF58476D1CE4E5B9ULL;
    return static_cast<size_t>(h ^ (h >> 31));
  }

  std::vector<Slot> slots_;
};

}  // namespace

struct FtmModel::Data {
  struct Schema {
    std::string name;
    std::vector<std::string> extends;
    absl::flat_hash_map<std::string, Property> properties;
    std::optional<Edge> edge;
    std::vector<std::string> temporal_start, temporal_end;
    // Itself and every schema it extends, nearest first.
    std::vector<const Schema*> ancestors;
    // Every property it has, its own or inherited (the nearest schema's
    // definition first): one lookup instead of one per ancestor.
    NameTable<const Property*> all_properties;
    // The nearest schema with an edge or a temporal extent, or nullptr.
    const Edge* nearest_edge = nullptr;
    const std::vector<std::string>* nearest_start = nullptr;
    const std::vector<std::string>* nearest_end = nullptr;

    // IsA says whether this schema is `ancestor` or extends it: a handful
    // of names, compared rather than hashed.
    bool IsA(absl::string_view ancestor) const {
      for (const Schema* a : ancestors) {
        if (a->name == ancestor) return true;
      }
      return false;
    }
  };
  absl::flat_hash_map<std::string, std::unique_ptr<Schema>> schemata;
  NameTable<const Schema*> by_name;  // Filled once `schemata` is complete.

  const Schema* Find(absl::string_view name) const {
    const Schema* const* s = by_name.Find(name);
    return s == nullptr ? nullptr : *s;
  }
};

namespace {

std::vector<std::string> Strings(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_array()) {
    for (const nlohmann::json& v : j) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::string StringOf(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>()
                                          : std::string();
}

const std::vector<std::string>& Empty() {
  static const auto* empty = new std::vector<std::string>();
  return *empty;
}

}  // namespace

FtmModel::FtmModel(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

absl::StatusOr<FtmModel> FtmModel::Load(const std::string& path) {
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes,
                           import_internal::ReadFileBytes(path, int64_t{1} << 28));
  return Parse(bytes, path);
}

absl::StatusOr<FtmModel> FtmModel::Parse(absl::string_view json,
                                         std::string name) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::parse_error& e) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": byte ", e.byte, ": not a JSON model: ", e.what()));
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": not a JSON model: ", e.what()));
  }
  auto schemata = root.find("schemata");
  if (!root.is_object() || schemata == root.end() || !schemata->is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": not an FtM model (no \"schemata\" object)"));
  }
  auto data = std::make_shared<Data>();
  for (const auto& [schema_name, s] : schemata->items()) {
    if (!s.is_object()) continue;
    auto schema = std::make_unique<Data::Schema>();
    schema->name = schema_name;
    if (auto it = s.find("extends"); it != s.end()) {
      schema->extends = Strings(*it);
    }
    if (auto it = s.find("properties"); it != s.end() && it->is_object()) {
      for (const auto& [prop_name, p] : it->items()) {
        if (!p.is_object()) continue;
        schema->properties[prop_name] =
            Property{prop_name, StringOf(p, "type"), StringOf(p, "range")};
      }
    }
    if (auto it = s.find("edge"); it != s.end() && it->is_object()) {
      Edge e;
      e.source = StringOf(*it, "source");
      e.target = StringOf(*it, "target");
      e.label = StringOf(*it, "label");
      if (auto d = it->find("directed"); d != it->end() && d->is_boolean()) {
        e.directed = d->get<bool>();
      }
      if (!e.source.empty() && !e.target.empty()) schema->edge = e;
    }
    if (auto it = s.find("temporalExtent"); it != s.end() && it->is_object()) {
      if (auto st = it->find("start"); st != it->end()) {
        schema->temporal_start = Strings(*st);
      }
      if (auto en = it->find("end"); en != it->end()) {
        schema->temporal_end = Strings(*en);
      }
    }
    data->schemata[schema_name] = std::move(schema);
  }
  {
    std::vector<std::pair<absl::string_view, const Data::Schema*>> names;
    for (const auto& [schema_name, schema] : data->schemata) {
      names.emplace_back(schema->name, schema.get());
    }
    data->by_name.Build(names);
  }
  // Ancestors, breadth first, by walking `extends`.
  for (auto& [schema_name, schema] : data->schemata) {
    std::deque<const Data::Schema*> queue = {schema.get()};
    absl::flat_hash_set<const Data::Schema*> seen;
    while (!queue.empty()) {
      const Data::Schema* s = queue.front();
      queue.pop_front();
      if (!seen.insert(s).second) continue;
      schema->ancestors.push_back(s);
      for (const std::string& parent : s->extends) {
        const Data::Schema* p = data->Find(parent);
        if (p == nullptr) {
          return absl::InvalidArgumentError(
              absl::StrCat(name, ": schema \"", s->name, "\" extends \"",
                           parent, "\", which the model does not define"));
        }
        queue.push_back(p);
      }
    }
  }
  for (auto& [schema_name, schema] : data->schemata) {
    std::vector<std::pair<absl::string_view, const Property*>> properties;
    absl::flat_hash_set<absl::string_view> named;
    for (const Data::Schema* a : schema->ancestors) {
      for (const auto& [property, definition] : a->properties) {
        if (named.insert(definition.name).second) {
          properties.emplace_back(definition.name, &definition);
        }
      }
      if (schema->nearest_edge == nullptr && a->edge) {
        schema->nearest_edge = &*a->edge;
      }
      if (schema->nearest_start == nullptr && !a->temporal_start.empty()) {
        schema->nearest_start = &a->temporal_start;
      }
      if (schema->nearest_end == nullptr && !a->temporal_end.empty()) {
        schema->nearest_end = &a->temporal_end;
      }
    }
    schema->all_properties.Build(properties);
  }
  return FtmModel(std::move(data));
}

const FtmModel& FtmModel::BuiltIn() {
  static const FtmModel* model = [] {
    absl::StatusOr<FtmModel> m = Parse(import_internal::kFtmBuiltinModelJson,
                                       "built-in FtM model");
    // The table is generated from a valid model and checked by tests.
    if (!m.ok()) std::abort();
    return new FtmModel(std::move(*m));
  }();
  return *model;
}

const char* FtmModel::BuiltInVersion() {
  return import_internal::kFtmBuiltinModelVersion;
}

bool FtmModel::Has(absl::string_view schema) const {
  return data_->Find(schema) != nullptr;
}

bool FtmModel::IsA(absl::string_view schema, absl::string_view ancestor) const {
  const Data::Schema* s = data_->Find(schema);
  return s != nullptr && s->IsA(ancestor);
}

const FtmModel::Edge* FtmModel::EdgeOf(absl::string_view schema) const {
  const Data::Schema* s = data_->Find(schema);
  return s == nullptr ? nullptr : s->nearest_edge;
}

const FtmModel::Property* FtmModel::FindProperty(
    absl::string_view schema, absl::string_view property) const {
  const Data::Schema* s = data_->Find(schema);
  if (s == nullptr) return nullptr;
  const Property* const* p = s->all_properties.Find(property);
  return p == nullptr ? nullptr : *p;
}

const std::vector<std::string>& FtmModel::TemporalStart(
    absl::string_view schema) const {
  const Data::Schema* s = data_->Find(schema);
  return s == nullptr || s->nearest_start == nullptr ? Empty()
                                                     : *s->nearest_start;
}

const std::vector<std::string>& FtmModel::TemporalEnd(
    absl::string_view schema) const {
  const Data::Schema* s = data_->Find(schema);
  return s == nullptr || s->nearest_end == nullptr ? Empty() : *s->nearest_end;
}

std::string FtmModel::Label(absl::string_view schema) const {
  const Edge* e = EdgeOf(schema);
  if (e != nullptr && !e->label.empty()) return e->label;
  return std::string(schema);
}

size_t FtmModel::size() const { return data_->schemata.size(); }

}  // namespace embargo
