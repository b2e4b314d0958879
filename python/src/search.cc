// Python bindings of the name search and screening (embargo/search.h,
// embargo/screen.h): Graph.search, Graph._screen (wrapped by Graph.screen
// in embargo/__init__.py, which also takes a pandas DataFrame).

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <list>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "embargo/kinds.h"
#include "embargo/screen.h"
#include "embargo/search.h"
#include "python/src/common.h"

namespace embargo::python {
namespace {

// IndexOf returns the name index of a graph, built on first use. The few
// most recent indexes are kept; each keeps its graph alive, so a graph's
// address cannot be reused by another while its entry stands.
NameIndex IndexOf(const Graph& g) {
  static std::mutex mu;
  static std::list<NameIndex>* cache = new std::list<NameIndex>();
  {
    std::lock_guard<std::mutex> lock(mu);
    for (auto it = cache->begin(); it != cache->end(); ++it) {
      if (&it->graph().data() == &g.data()) {
        cache->splice(cache->begin(), *cache, it);
        return cache->front();
      }
    }
  }
  NameIndex index = Value(NameIndex::Build(g));
  std::lock_guard<std::mutex> lock(mu);
  cache->push_front(index);
  if (cache->size() > 4) cache->pop_back();
  return index;
}

py::dict Check(const AttributeCheck& c) {
  py::dict d;
  d["agreement"] = std::string(AgreementName(c.agreement));
  d["query"] = c.query_value;
  d["actor"] = c.actor_value;
  d["actor_from"] = c.actor_from;
  return d;
}

py::dict HitDict(const Graph& g, const SearchHit& h) {
  py::dict d;
  d["id"] = std::string(g.node_id(h.node));
  d["name"] = std::string(g.node_name(h.node));
  d["kind"] = std::string(NodeKindName(g.node_kind(h.node)));
  d["country"] = std::string(g.node_country(h.node));
  d["score"] = h.score;
  d["name_score"] = h.name_score;
  d["matched_name"] = h.matched_name;
  d["query_part"] = h.query_part;
  d["matched_alias"] = h.matched_alias;
  d["weak_alias"] = h.weak_alias;
  d["weak_raise"] = h.weak_raise;
  py::list tokens;
  for (const TokenMatch& t : h.tokens) {
    py::dict x;
    x["query"] = t.query_token;
    x["name"] = t.name_token;
    x["kind"] = std::string(TokenMatchKindName(t.kind));
    x["similarity"] = t.similarity;
    tokens.append(x);
  }
  d["tokens"] = tokens;
  d["missing_query_tokens"] = h.missing_query_tokens;
  d["in_other_names"] = h.in_other_names;
  d["missing_name_tokens"] = h.missing_name_tokens;
  d["set_aside"] = h.set_aside;
  d["country_check"] = Check(h.country);
  d["born_check"] = Check(h.born);
  d["identifier_check"] = Check(h.identifier);
  d["explanation"] = h.Explain();
  return d;
}

std::vector<std::string> Ids(const py::handle& ids) {
  std::vector<std::string> out;
  if (ids.is_none()) return out;
  if (py::isinstance<py::str>(ids)) {
    out.push_back(ids.cast<std::string>());
    return out;
  }
  for (const py::handle& x : ids) {
    if (!x.is_none()) out.push_back(py::str(x).cast<std::string>());
  }
  return out;
}

SearchQuery MakeQuery(const py::handle& name, const py::handle& country,
                      const py::handle& dob, const py::handle& ids) {
  SearchQuery q;
  if (!name.is_none()) q.name = py::str(name).cast<std::string>();
  if (!country.is_none()) q.country = py::str(country).cast<std::string>();
  q.born = ToDate(dob);
  q.identifiers = Ids(ids);
  return q;
}

py::dict MatchDict(const Graph& g, const ScreenMatch& m) {
  py::dict d = HitDict(g, m.hit);
  py::list sanctions;
  for (const InForce& s : m.sanctions) {
    py::dict x;
    x["sanction_id"] = s.sanction_id;
    x["authority"] = s.authority_id;
    x["program"] = s.program;
    x["listed"] = s.listed.known() ? s.listed.ToString() : "";
    x["listed_no_later_than"] =
        s.listed_no_later_than.known() ? s.listed_no_later_than.ToString() : "";
    x["certainty"] = std::string(CertaintyName(s.certainty));
    sanctions.append(x);
  }
  // None (unknown) when no sanctions list is loaded.
  d["sanctioned"] = !m.sanctions.empty()  ? py::object(py::bool_(true))
                    : m.sanctioned_unknown ? py::object(py::none())
                                           : py::object(py::bool_(false));
  d["sanctions"] = sanctions;
  // None (unknown) when the rule's own list is not loaded.
  const auto blocked = [&](bool yes) -> py::object {
    if (m.blocked) return py::bool_(yes);
    return m.blocked_unknown ? py::object(py::none()) : py::object(py::bool_(false));
  };
  d["blocked"] = blocked(true);
  d["blocked_by_ownership"] = blocked(m.blocked && m.blocked->blocked_by_ownership);
  py::list chain;
  for (const Stake& s : m.chain) {
    py::dict x;
    x["owner"] = std::string(g.node_id(s.owner));
    x["kind"] = std::string(EdgeKindName(s.kind));
    x["share"] = s.share_percent > 0 ? py::object(py::float_(s.share_percent))
                                     : py::object(py::none());
    chain.append(x);
  }
  d["chain"] = chain;
  py::list nearby;
  for (const NearbySanctioned& n : m.nearby) {
    py::dict x;
    x["id"] = std::string(g.node_id(n.node));
    x["name"] = std::string(g.node_name(n.node));
    x["hops"] = n.hops;
    py::list path = py::list();
    path.append(std::string(g.node_id(n.path.source)));
    for (const Hop& h : n.path.hops) path.append(std::string(g.node_id(h.to)));
    x["path"] = path;
    nearby.append(x);
  }
  d["nearby"] = nearby;
  // All the sanctioned actors within reach, also those past the listed
  // nearest: None when no sanctions list is loaded (unknown) or hops is 0
  // (not looked for), a lower bound when 'nearby_incomplete'.
  d["nearby_count"] = m.sanctioned_unknown || !m.nearby_searched
                         ? py::object(py::none())
                         : py::object(py::int_(m.nearby_count));
  d["nearby_incomplete"] = m.nearby_incomplete;
  return d;
}

// Field reads a column of a row given as a dict (by name) or a sequence
// (name, country, dob, ids by position).
py::object Field(const py::handle& row, const char* key, size_t position) {
  if (py::isinstance<py::dict>(row)) {
    py::dict d = py::reinterpret_borrow<py::dict>(row);
    if (d.contains(key)) return d[key];
    return py::none();
  }
  if (py::isinstance<py::str>(row)) {
    return position == 0 ? py::reinterpret_borrow<py::object>(row) : py::none();
  }
  py::sequence s = py::reinterpret_borrow<py::sequence>(row);
  if (position < s.size()) return s[position];
  return py::none();
}

bool IsMissing(const py::object& v) {
  if (v.is_none()) return true;
  // pandas gives NaN for empty cells.
  if (py::isinstance<py::float_>(v)) {
    const double x = v.cast<double>();
    return x != x;
  }
  return false;
}

}  // namespace

void BindSearch(py::module_& m) {
  auto graph = py::reinterpret_borrow<py::class_<Graph>>(m.attr("Graph"));
  graph.def(
      "search",
      [](const Graph& g, const py::object& name, const py::object& country,
         const py::object& dob, const py::object& ids, size_t limit, double min_score) {
        SearchQuery q = MakeQuery(name, country, dob, ids);
        NameIndex index = IndexOf(g);
        SearchOptions o;
        o.limit = limit;
        o.min_score = min_score;
        absl::StatusOr<std::vector<SearchHit>> hits;
        {
          py::gil_scoped_release release;
          hits = index.Search(q, o);
        }
        py::list out;
        for (const SearchHit& h : Value(std::move(hits))) out.append(HitDict(g, h));
        return out;
      },
      py::arg("name"), py::arg("country") = py::none(), py::arg("dob") = py::none(),
      py::arg("ids") = py::none(), py::arg("limit") = 10, py::arg("min_score") = 0.3,
      R"doc(
Actors by name: a list of dicts, best first, each with 'id', 'name',
'score' (0..1; 0.75 and up is a match), 'matched_name', 'query_part' (the
part of the query that matched, when it stands for several names: "Se Pho
(Rak Won 2)"; else ''), 'tokens' (which
words met and how: exact, variant, transliteration, typo, initial, prefix,
joined, loose), 'missing_query_tokens', 'in_other_names' (query words
another name of the actor holds), 'missing_name_tokens', 'set_aside' (company forms,
titles), 'weak_alias' / 'weak_raise', the checks of country, date of birth
and identifiers when given, and 'explanation' (one line).

    g.search("Shoygu Sergei", country="RUS", dob="1955")
    g.search("Sea Star", ids=["IMO 9234567"])
)doc");
  graph.def(
      "_screen",
      [](const Graph& g, const py::list& rows, const py::object& as_of, int hops,
         const py::object& kinds, double threshold, size_t matches, int threads,
         size_t nearby) {
        ScreenOptions o;
        o.as_of = as_of.is_none() ? Today() : ToDate(as_of);
        o.hops = hops;
        if (!kinds.is_none()) {
          std::string text;
          if (py::isinstance<py::str>(kinds)) {
            text = kinds.cast<std::string>();
          } else {
            for (const py::handle& k : kinds) {
              if (!text.empty()) text += ",";
              text += py::str(k).cast<std::string>();
            }
          }
          o.kinds = Value(ParseEdgeKinds(text));
        }
        o.threshold = threshold;
        o.max_matches = matches;
        o.max_nearby = nearby;
        std::vector<SearchQuery> queries;
        for (const py::handle& row : rows) {
          py::object name = Field(row, "name", 0), country = Field(row, "country", 1),
                     dob = Field(row, "dob", 2), ids = Field(row, "ids", 3);
          if (IsMissing(dob) && py::isinstance<py::dict>(row)) dob = Field(row, "born", 2);
          if (IsMissing(ids) && py::isinstance<py::dict>(row)) ids = Field(row, "id", 3);
          if (IsMissing(ids) && py::isinstance<py::dict>(row)) ids = Field(row, "imo", 3);
          SearchQuery q;
          try {
            q = MakeQuery(IsMissing(name) ? py::none() : name,
                          IsMissing(country) ? py::none() : country,
                          IsMissing(dob) ? py::none() : dob,
                          IsMissing(ids) ? py::none() : ids);
          } catch (const py::error_already_set&) {
            throw;
          }
          queries.push_back(std::move(q));
        }
        NameIndex index = IndexOf(g);
        Screener screener = Value(Screener::Create(index, o));
        std::vector<absl::StatusOr<ScreenResult>> results;
        {
          py::gil_scoped_release release;
          results = screener.ScreenAll(queries, threads);
        }
        py::list out;
        for (size_t i = 0; i < results.size(); ++i) {
          py::dict r;
          r["row"] = i;
          r["query"] = queries[i].name;
          r["as_of"] = o.as_of.known() ? o.as_of.ToString() : "";
          py::list lists;
          for (const std::string& a : screener.sanction_authorities()) lists.append(a);
          r["sanction_lists"] = lists;
          if (!results[i].ok()) {
            r["error"] = std::string(results[i].status().message());
            r["matches"] = py::list();
          } else {
            py::list ms;
            for (const ScreenMatch& mm : results[i]->matches) ms.append(MatchDict(g, mm));
            r["matches"] = ms;
            r["error"] = py::none();
          }
          out.append(r);
        }
        return out;
      },
      py::arg("rows"), py::arg("as_of") = py::none(), py::arg("hops") = 2,
      py::arg("kinds") = py::none(), py::arg("threshold") = kDefaultMatchThreshold,
      py::arg("matches") = 3, py::arg("threads") = 0, py::arg("nearby") = 10);
}

}  // namespace embargo::python
