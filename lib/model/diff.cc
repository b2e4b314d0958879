// Differences between two editions of a list. See embargo/diff.h.

#include "embargo/diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "embargo/date.h"
#include "embargo/kinds.h"
#include "lib/model/record_date.h"

namespace embargo {
namespace {

// What an edition says of one target.
struct Target {
  const v1::Actor* actor = nullptr;
  std::set<std::string> programs;
  std::set<std::string> aliases;
  std::set<std::string> links;  // "kind -> other" / "kind <- other".
  bool in_force = false;
};

std::string KindName(v1::RelationKind k) {
  std::string n = v1::RelationKind_Name(k);
  const std::string prefix = "RELATION_KIND_";
  if (n.rfind(prefix, 0) == 0) n = n.substr(prefix.size());
  std::transform(n.begin(), n.end(), n.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return n;
}

std::map<std::string, Target> Targets(const v1::Dataset& ds) {
  absl::flat_hash_map<std::string, const v1::Actor*> actors;
  for (const v1::Actor& a : ds.actors()) actors[a.id()] = &a;
  std::map<std::string, Target> out;
  for (const v1::Sanction& s : ds.sanctions()) {
    Target& t = out[s.target_id()];
    if (!s.has_delisted()) {
      t.in_force = true;
      if (!s.program().empty()) t.programs.insert(s.program());
    }
  }
  for (auto& [id, t] : out) {
    auto it = actors.find(id);
    if (it != actors.end()) {
      t.actor = it->second;
      t.aliases.insert(t.actor->aliases().begin(), t.actor->aliases().end());
    }
  }
  for (const v1::Relation& r : ds.relations()) {
    auto s = out.find(r.subject_id());
    if (s != out.end()) {
      s->second.links.insert(absl::StrCat(KindName(r.kind()), " -> ", r.object_id()));
    }
    auto o = out.find(r.object_id());
    if (o != out.end()) {
      o->second.links.insert(absl::StrCat(KindName(r.kind()), " <- ", r.subject_id()));
    }
  }
  return out;
}

void SetDiff(const std::set<std::string>& a, const std::set<std::string>& b,
             const std::string& what, std::vector<std::string>& out) {
  for (const std::string& x : b) {
    if (!a.contains(x)) out.push_back(absl::StrCat(what, " added: ", x));
  }
  for (const std::string& x : a) {
    if (!b.contains(x)) out.push_back(absl::StrCat(what, " removed: ", x));
  }
}

}  // namespace

std::string ListEditionKey(const v1::Source& source) {
  std::string title;
  const std::string& t = source.title();
  for (size_t i = 0; i < t.size();) {
    if (!absl::ascii_isdigit(t[i])) {
      title.push_back(t[i++]);
      continue;
    }
    while (i < t.size() && (absl::ascii_isdigit(t[i]) ||
                            absl::string_view("-:./TZ").find(t[i]) !=
                                absl::string_view::npos)) {
      ++i;
    }
    title.push_back('#');
  }
  return absl::StrCat(source.publisher(), "\n", source.url(), "\n", title);
}

ListDiff DiffDatasets(const v1::Dataset& old_edition,
                      const v1::Dataset& new_edition,
                      const DiffOptions& options) {
  const std::map<std::string, Target> before = Targets(old_edition);
  const std::map<std::string, Target> after = Targets(new_edition);
  ListDiff d;
  std::set<std::string> old_lists;
  const auto edition = [](const v1::Source& s) {
    const std::string title = s.title().empty() ? s.id() : s.title();
    if (!s.has_published()) return title;
    return absl::StrCat(title, " (published ", internal::RecordDate(s.published()).ToString(),
                        ")");
  };
  for (const v1::Source& s : old_edition.sources()) {
    d.old_editions.push_back(edition(s));
    old_lists.insert(ListEditionKey(s));
  }
  d.same_list = old_edition.sources_size() == 0 || new_edition.sources_size() == 0;
  for (const v1::Source& s : new_edition.sources()) {
    d.new_editions.push_back(edition(s));
    d.same_list = d.same_list || old_lists.contains(ListEditionKey(s));
  }
  const auto name = [](const Target& t) {
    return t.actor != nullptr ? t.actor->name() : std::string();
  };
  for (const auto& [id, t] : after) {
    if (!t.in_force) continue;
    ++d.new_targets;
    auto it = before.find(id);
    if (it == before.end() || !it->second.in_force) {
      ListDiff::Change c{id, name(t), {}};
      for (const std::string& p : t.programs) c.what.push_back(absl::StrCat("programme: ", p));
      d.listed.push_back(std::move(c));
      continue;
    }
    const Target& o = it->second;
    ListDiff::Change c{id, name(t), {}};
    if (name(o) != name(t)) {
      c.what.push_back(absl::StrCat("name: ", name(o), " -> ", name(t)));
    }
    if (options.aliases) SetDiff(o.aliases, t.aliases, "alias", c.what);
    SetDiff(o.programs, t.programs, "programme", c.what);
    SetDiff(o.links, t.links, "link", c.what);
    if (!c.what.empty()) d.changed.push_back(std::move(c));
  }
  for (const auto& [id, t] : before) {
    if (!t.in_force) continue;
    ++d.old_targets;
    auto it = after.find(id);
    if (it == after.end() || !it->second.in_force) {
      ListDiff::Change c{id, name(t), {}};
      for (const std::string& p : t.programs) c.what.push_back(absl::StrCat("programme: ", p));
      d.delisted.push_back(std::move(c));
    }
  }
  return d;
}

}  // namespace embargo
