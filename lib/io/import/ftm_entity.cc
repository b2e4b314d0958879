// Reading one FtM entity line (lib/io/import/ftm_entity.h).

#include "lib/io/import/ftm_entity.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "lib/text/utf8.h"

namespace embargo::import_internal::ftm {

absl::string_view EntityParser::Keep(absl::string_view v, absl::string_view line) {
  const std::less<const char*> before;
  if (!before(v.data(), line.data()) &&
      !before(line.data() + line.size(), v.data() + v.size())) {
    return v;
  }
  return unescaped_.emplace_back(v);
}

std::optional<std::pair<int64_t, std::string>> EntityParser::Parse(Entity& e) {
  const absl::string_view line = e.text;
  if (static_cast<int64_t>(line.size()) > options_.max_line_bytes) {
    return std::make_pair(
        int64_t{0}, absl::StrCat("line of ", line.size(),
                                 " bytes is longer than the limit of ",
                                 options_.max_line_bytes));
  }
  size_t bad = 0;
  if (!text::IsValidUtf8(line, &bad)) {
    return std::make_pair(
        static_cast<int64_t>(bad) + 1,
        absl::StrFormat("byte 0x%02X is not valid UTF-8 (FtM JSON lines "
                        "must be UTF-8; is the file Latin-1 or cp1252?)",
                        static_cast<unsigned char>(line[bad])));
  }
  if (std::optional<JsonTape::Error> err =
          tape_.Parse(line, options_.max_nesting)) {
    using Error = JsonTape::Error;
    return std::make_pair(
        err->offset + 1,
        err->kind == Error::kDepth   ? std::move(err->message)
        : err->kind == Error::kRange ? absl::StrCat("JSON error: ", err->message)
                                     : absl::StrCat("JSON syntax error: ", err->message));
  }
  using Type = JsonTape::Type;
  const JsonTape& j = tape_;
  if (j[0].type != Type::kObject) {
    return std::make_pair(int64_t{1},
                          std::string("line is not a JSON object"));
  }
  // One pass over the members; a later duplicate key wins, as it did
  // with a DOM parser.
  uint32_t referents = 0, datasets = 0, properties = 0;
  for (uint32_t k = 1; k < j[0].end; k = j[k + 1].end) {
    const absl::string_view key = j[k].text;
    const JsonTape::Node& v = j[k + 1];
    const auto set = [&](std::string& out) {
      if (v.type == Type::kString) {
        out.assign(v.text.data(), v.text.size());
      } else {
        out.clear();
      }
    };
    const auto view = [&](absl::string_view& out) {
      out = v.type == Type::kString ? Keep(v.text, line) : absl::string_view();
    };
    if (key == "id") {
      set(e.id);
    } else if (key == "schema") {
      set(e.schema);
    } else if (key == "caption") {
      view(e.caption);
    } else if (key == "first_seen") {
      view(e.first_seen);
    } else if (key == "last_seen") {
      view(e.last_seen);
    } else if (key == "last_change") {
      view(e.last_change);
    } else if (key == "referents") {
      referents = k + 1;
    } else if (key == "datasets") {
      datasets = k + 1;
    } else if (key == "properties") {
      properties = k + 1;
    }
  }
  const auto strings = [&](uint32_t array, std::vector<absl::string_view>& out) {
    if (array == 0 || j[array].type != Type::kArray) return;
    out.reserve(j[array].end - array - 1);  // At most one value per node.
    for (uint32_t i = array + 1; i < j[array].end; i = j[i].end) {
      if (j[i].type == Type::kString) out.push_back(Keep(j[i].text, line));
    }
  };
  strings(referents, e.referents);
  if (e.id.empty()) {
    return std::make_pair(int64_t{1}, std::string("entity has no \"id\""));
  }
  if (e.schema.empty()) {
    return std::make_pair(int64_t{1},
                          absl::StrCat("entity \"", e.id, "\" has no \"schema\""));
  }
  if (!model_.Has(e.schema)) {
    return std::make_pair(e.ColumnOf(e.schema),
                          absl::StrCat("schema \"", e.schema,
                                       "\" is not in the FtM model"));
  }
  strings(datasets, e.datasets);
  for (absl::string_view d : e.datasets) {
    if (!datasets_.contains(d)) datasets_.emplace(d);
  }
  if (properties != 0) {
    if (j[properties].type != Type::kObject) {
      return std::make_pair(int64_t{1},
                            std::string("\"properties\" is not an object"));
    }
    // At most one value per node of "properties", and a property per two.
    e.values.reserve(j[properties].end - properties - 1);
    e.props.reserve((j[properties].end - properties) / 2);
    for (uint32_t k = properties + 1; k < j[properties].end; k = j[k + 1].end) {
      // A property named twice (OpenSanctions' PEP export repeats
      // "alias", "birthDate", "nationality"... with other values) keeps
      // the values of both, each once: FtM properties are sets of values.
      // Its earlier values move to the end of `values`, so that its range
      // stays one.
      const absl::string_view name = j[k].text;
      auto it = std::find_if(e.props.begin(), e.props.end(),
                             [&](const Entity::Prop& p) { return p.name == name; });
      const bool repeated = it != e.props.end();
      const uint32_t begin = static_cast<uint32_t>(e.values.size());
      if (repeated) {
        for (uint32_t i = it->begin; i < it->end; ++i) {
          e.values.push_back(e.values[i]);
        }
      }
      const auto push = [&](absl::string_view value) {
        if (repeated && std::find(e.values.begin() + begin, e.values.end(),
                                  value) != e.values.end()) {
          return;
        }
        e.values.push_back(Keep(value, line));
      };
      const auto add = [&](uint32_t v) {
        switch (j[v].type) {
          case Type::kString:
          case Type::kNumber:
          case Type::kTrue:
          case Type::kFalse:
            push(j[v].text);
            break;
          case Type::kObject:
            // The "nested" export inlines referenced entities.
            if (uint32_t id = j.Member(v, "id");
                id != 0 && j[id].type == Type::kString) {
              push(j[id].text);
            }
            break;
          default:
            break;
        }
      };
      const uint32_t values = k + 1;
      if (j[values].type == Type::kArray) {
        for (uint32_t v = values + 1; v < j[values].end; v = j[v].end) add(v);
      } else {
        add(values);
      }
      const uint32_t end = static_cast<uint32_t>(e.values.size());
      if (repeated) {
        it->begin = begin;
        it->end = end;
      } else {
        e.props.push_back({Keep(name, line), begin, end});
      }
    }
    std::sort(e.props.begin(), e.props.end(),
              [](const Entity::Prop& a, const Entity::Prop& b) {
                return a.name < b.name;
              });
  }
  return std::nullopt;
}

}  // namespace embargo::import_internal::ftm
