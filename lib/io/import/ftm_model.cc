// The FollowTheMoney data model. See embargo/import/ftm.h.
//
// Loading reads each schema's own properties, edge, temporal extent and
// `extends` list, then computes for every schema its ancestors in
// breadth-first order (itself first) by walking `extends`. Lookups that the
// model inherits (properties, edges, temporal extents) walk that order.

#include <cstdlib>
#include <deque>
#include <memory>
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

struct FtmModel::Data {
  struct Schema {
    std::string name;
    std::vector<std::string> extends;
    absl::flat_hash_map<std::string, Property> properties;
    std::optional<Edge> edge;
    std::vector<std::string> temporal_start, temporal_end;
    // Itself and every schema it extends, nearest first.
    std::vector<const Schema*> ancestors;
    absl::flat_hash_set<std::string> ancestor_names;
    // Every property it has, its own or inherited (the nearest schema's
    // definition first): one lookup instead of one per ancestor.
    absl::flat_hash_map<std::string, const Property*> all_properties;
  };
  absl::flat_hash_map<std::string, std::unique_ptr<Schema>> schemata;

  const Schema* Find(absl::string_view name) const {
    auto it = schemata.find(name);
    return it == schemata.end() ? nullptr : it->second.get();
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
  // Ancestors, breadth first, by walking `extends`.
  for (auto& [schema_name, schema] : data->schemata) {
    std::deque<const Data::Schema*> queue = {schema.get()};
    while (!queue.empty()) {
      const Data::Schema* s = queue.front();
      queue.pop_front();
      if (!schema->ancestor_names.insert(s->name).second) continue;
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
    for (const Data::Schema* a : schema->ancestors) {
      for (const auto& [property, definition] : a->properties) {
        schema->all_properties.try_emplace(property, &definition);
      }
    }
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
  return s != nullptr && s->ancestor_names.contains(ancestor);
}

const FtmModel::Edge* FtmModel::EdgeOf(absl::string_view schema) const {
  const Data::Schema* s = data_->Find(schema);
  if (s == nullptr) return nullptr;
  for (const Data::Schema* a : s->ancestors) {
    if (a->edge) return &*a->edge;
  }
  return nullptr;
}

const FtmModel::Property* FtmModel::FindProperty(
    absl::string_view schema, absl::string_view property) const {
  const Data::Schema* s = data_->Find(schema);
  if (s == nullptr) return nullptr;
  auto it = s->all_properties.find(property);
  return it == s->all_properties.end() ? nullptr : it->second;
}

const std::vector<std::string>& FtmModel::TemporalStart(
    absl::string_view schema) const {
  const Data::Schema* s = data_->Find(schema);
  if (s == nullptr) return Empty();
  for (const Data::Schema* a : s->ancestors) {
    if (!a->temporal_start.empty()) return a->temporal_start;
  }
  return Empty();
}

const std::vector<std::string>& FtmModel::TemporalEnd(
    absl::string_view schema) const {
  const Data::Schema* s = data_->Find(schema);
  if (s == nullptr) return Empty();
  for (const Data::Schema* a : s->ancestors) {
    if (!a->temporal_end.empty()) return a->temporal_end;
  }
  return Empty();
}

std::string FtmModel::Label(absl::string_view schema) const {
  const Edge* e = EdgeOf(schema);
  if (e != nullptr && !e->label.empty()) return e->label;
  return std::string(schema);
}

size_t FtmModel::size() const { return data_->schemata.size(); }

}  // namespace embargo
