// NameIndex: building the index and answering a query (embargo/search.h).

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "embargo/import/countries.h"
#include "embargo/kinds.h"
#include "embargo/search.h"
#include "lib/search/index_data.h"
#include "lib/search/name_forms.h"
#include "lib/text/names.h"

namespace embargo {
namespace internal {

uint64_t DeleteHash(absl::string_view s) { return absl::HashOf(s) | 1; }

uint32_t LetterMask(absl::string_view s) {
  uint32_t m = 0;
  for (char c : s) m |= (c >= 'a' && c <= 'z') ? 1u << (c - 'a') : 1u << 26;
  return m;
}

std::pair<std::string, std::string> NormalizeIdentifier(absl::string_view scheme,
                                                        absl::string_view value) {
  std::string v;
  for (char c : value) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      v.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
    }
  }
  if (scheme == "IMO" || scheme == "IMO_COMPANY") {
    std::string digits;
    for (char c : v) {
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    }
    if (digits.size() == 7) return {"IMO", digits};
  }
  return {std::string(scheme), v};
}

std::pair<std::string, std::string> NormalizeQueryIdentifier(absl::string_view text) {
  std::pair<std::string, std::string> n = NormalizeIdentifier("", text);
  if (n.second.size() == 10 && n.second.rfind("IMO", 0) == 0 &&
      std::all_of(n.second.begin() + 3, n.second.end(),
                  [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); })) {
    return {"IMO", n.second.substr(3)};
  }
  return n;
}

double WordWeight(absl::string_view word, double max_weight, double otherwise) {
  return internal::HasDigit(word)            ? max_weight
         : word.size() == 1                  ? 1.0
         : text_internal::IsFunctionWord(word) ? 1.0
                                             : otherwise;
}

bool NameIndexData::PackHot() {
  hot_chars.clear();
  size_t total = 0;
  for (const std::string& t : key_text) total += t.size();
  for (const std::string& t : word_text) total += t.size();
  if (total > UINT32_MAX) return false;
  hot_chars.reserve(total);
  const auto keep = [&](const std::string& text, uint32_t& at, uint32_t& size) {
    at = static_cast<uint32_t>(hot_chars.size());
    size = static_cast<uint32_t>(text.size());
    hot_chars += text;
  };
  for (size_t k = 0; k < key_text.size(); ++k) {
    keep(key_text[k], key_hot[k].text, key_hot[k].size);
  }
  for (size_t w = 0; w < word_text.size(); ++w) {
    WordHot& h = word_hot[w];
    keep(word_text[w], h.text, h.size);
    h.weight = WordWeight(word_text[w], max_weight, key_weight[h.key]);
    if (h.patronymic) h.weight *= 0.3;
  }
  return true;
}

void NameIndexData::KeysNear(absl::string_view key, std::vector<uint32_t>& out) const {
  const auto look = [&](absl::string_view s) {
    const uint64_t h = DeleteHash(s);
    auto it = std::lower_bound(deletes.begin(), deletes.end(),
                               std::pair<uint64_t, uint32_t>(h, 0));
    for (; it != deletes.end() && it->first == h; ++it) out.push_back(it->second);
  };
  look(key);
  std::string s(key);
  for (size_t i = 0; i < key.size(); ++i) {
    s.assign(key.data(), key.size());
    s.erase(i, 1);
    look(s);
  }
}

}  // namespace internal

using internal::NameIndexData;

absl::StatusOr<NameIndex> NameIndex::Build(const Graph& graph) {
  auto d = std::make_shared<NameIndexData>(graph);
  const size_t n = graph.num_nodes();
  d->born.assign(n, {0, 0, 0});
  d->node_ids.resize(n);
  d->record_countries.resize(n);
  std::vector<uint32_t> key_df;
  bool person_name = false;  // Whether the names added are a person's.
  // `shown` is the name as the list writes it, when `name` is its reading.
  const auto add_entry = [&](uint32_t node, const std::string& name, uint8_t flags,
                             const std::string* shown = nullptr) {
    text_internal::NameWords w = text_internal::SplitName(name, person_name);
    if (w.words.empty()) return;
    NameIndexData::Entry e;
    e.node = node;
    e.first = static_cast<uint32_t>(d->entry_words.size());
    e.count = static_cast<uint16_t>(std::min<size_t>(w.words.size(), 16));
    e.flags = flags | (w.transliterated ? NameIndexData::kTransliterated : 0);
    for (size_t i = 0; i < e.count; ++i) {
      auto [it, fresh] = d->word_ids.try_emplace(w.words[i], d->word_text.size());
      if (fresh) {
        d->word_text.push_back(w.words[i]);
        const std::string key = text_internal::SearchKey(w.words[i]);
        auto [kit, kfresh] = d->key_ids.try_emplace(key, d->key_text.size());
        if (kfresh) {
          d->key_text.push_back(key);
          NameIndexData::KeyHot kh;
          kh.mask = internal::LetterMask(key);
          d->key_hot.push_back(kh);
          key_df.push_back(0);
        }
        NameIndexData::WordHot wh;
        wh.key = kit->second;
        wh.mask = internal::LetterMask(w.words[i]);
        wh.latin = text_internal::IsLatinToken(w.words[i]);
        wh.patronymic = text_internal::IsPatronymic(w.words[i]);
        d->word_hot.push_back(wh);
      }
      d->entry_words.push_back(it->second);
    }
    d->entries.push_back(e);
    d->entry_text.push_back(shown != nullptr ? *shown : name);
  };
  // "Дмитрий ... / Дмитро ...", "Tong Hung San (Chong Chon Gang)": the
  // names a written name stands for are names too.
  const auto add_name = [&](uint32_t node, const std::string& name, uint8_t flags) {
    const internal::NameForms forms = internal::FormsOf(name, /*always_whole=*/false);
    for (size_t i = 0; i < forms.texts.size(); ++i) {
      add_entry(node, forms.texts[i], forms.part[i] ? flags | NameIndexData::kPart : flags,
                i < forms.own ? nullptr : &name);
    }
  };
  d->node_first_entry.assign(n + 1, 0);
  for (size_t v = 0; v < n; ++v) {
    d->node_first_entry[v] = static_cast<uint32_t>(d->entries.size());
    const NodeId node(static_cast<uint32_t>(v));
    if (graph.node_kind(node) == NodeKind::kEvent) continue;
    const v1::Record r = graph.NodeRecord(node);
    if (!r.has_actor()) continue;
    const v1::Actor& a = r.actor();
    const uint32_t u = static_cast<uint32_t>(v);
    const uint8_t person = a.kind() == v1::ACTOR_KIND_PERSON ||
                                   a.kind() == v1::ACTOR_KIND_UNSPECIFIED
                               ? NameIndexData::kInitials
                               : 0;
    person_name = a.kind() == v1::ACTOR_KIND_PERSON;
    add_name(u, a.name(), person);
    for (const std::string& alias : a.aliases()) {
      add_name(u, alias, NameIndexData::kAlias | person);
    }
    for (const std::string& alias : a.weak_aliases()) {
      add_name(u, alias, NameIndexData::kAlias | NameIndexData::kWeak | person);
    }
    d->born[v] = {static_cast<int16_t>(a.born().year()),
                  static_cast<int16_t>(a.born().month()),
                  static_cast<int16_t>(a.born().day())};
    for (const v1::Identifier& id : a.identifiers()) {
      auto norm = internal::NormalizeIdentifier(id.scheme(), id.value());
      if (norm.second.empty()) continue;
      std::vector<uint32_t>& nodes = d->id_index[norm.second];
      if (nodes.empty() || nodes.back() != u) nodes.push_back(u);
      d->node_ids[v].push_back(std::move(norm));
    }
    if (a.country().empty()) {
      std::vector<std::pair<std::string, uint8_t>>& rc = d->record_countries[v];
      const auto add = [&rc](absl::string_view code, uint8_t from) {
        for (auto& [c, f] : rc) {
          if (c == code) {
            f |= from;
            return;
          }
        }
        rc.push_back({std::string(code), from});
      };
      for (const std::string& address : a.addresses()) {
        if (std::optional<absl::string_view> c = AddressCountry(address)) add(*c, 1);
      }
      for (const v1::Identifier& id : a.identifiers()) {
        if (!id.country().empty()) add(id.country(), 2);
      }
    }
  }
  d->node_first_entry[n] = static_cast<uint32_t>(d->entries.size());
  if (d->entries.size() >= (uint64_t{1} << 32) - 1) {
    return absl::InvalidArgumentError("too many names to index");
  }
  // Postings: key -> entries, each entry once per key.
  const size_t num_keys = d->key_text.size();
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (key, entry)
  for (uint32_t e = 0; e < d->entries.size(); ++e) {
    const NameIndexData::Entry& en = d->entries[e];
    for (uint32_t j = 0; j < en.count; ++j) {
      pairs.push_back({d->word_hot[d->entry_words[en.first + j]].key, e});
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  d->post_start.assign(num_keys + 1, 0);
  for (const auto& [k, e] : pairs) ++d->post_start[k + 1];
  for (size_t k = 0; k < num_keys; ++k) d->post_start[k + 1] += d->post_start[k];
  d->postings.reserve(pairs.size());
  for (const auto& [k, e] : pairs) d->postings.push_back(e);
  // Weights: rarer keys weigh more.
  const double total = static_cast<double>(std::max<size_t>(d->entries.size(), 1));
  d->key_weight.resize(num_keys);
  for (size_t k = 0; k < num_keys; ++k) {
    const double df = d->post_start[k + 1] - d->post_start[k];
    d->key_weight[k] = static_cast<float>(
        std::clamp(std::log(1.0 + total / std::max(df, 1.0)), 1.0, d->max_weight));
    // A word of a company form that SplitName kept ("Joint" of "Stock
    // Company X Joint") is rare as a word only because forms are set
    // aside; it weighs the least.
    if (text_internal::IsFormWord(d->key_text[k])) d->key_weight[k] = 1.0f;
  }
  // Looser key classes: romanised Korean, soft yo, name forms.
  const auto classify = [&](NameIndexData::LooseClass kind,
                            std::string (*loose_key)(absl::string_view)) {
    NameIndexData::KeyClasses& c = d->loose[kind];
    for (uint32_t k = 0; k < num_keys; ++k) {
      std::string loose = loose_key(d->key_text[k]);
      if (loose.empty()) continue;
      auto [it, fresh] = c.ids.try_emplace(std::move(loose), c.keys.size());
      if (fresh) c.keys.emplace_back();
      c.keys[it->second].push_back(k);
      d->key_hot[k].classes[kind] = static_cast<int32_t>(it->second);
    }
  };
  classify(NameIndexData::kKorean, &text_internal::RomanisedKoreanKey);
  classify(NameIndexData::kSoftYo, &text_internal::SoftYoKey);
  classify(NameIndexData::kNameForm, &text_internal::NameFormKey);
  classify(NameIndexData::kGloss, &text_internal::GlossKey);
  // Deletion neighbourhood (the text, and it less each letter in turn),
  // leading to key `k`.
  const auto add_deletes = [&](const std::string& text, uint32_t k) {
    d->deletes.push_back({internal::DeleteHash(text), k});
    std::string s;
    for (size_t i = 0; i < text.size(); ++i) {
      s = text;
      s.erase(i, 1);
      d->deletes.push_back({internal::DeleteHash(s), k});
    }
  };
  // Of the Latin keys of four letters or more.
  for (uint32_t k = 0; k < num_keys; ++k) {
    const std::string& key = d->key_text[k];
    if (key.size() >= 4 && text_internal::IsLatinToken(key)) add_deletes(key, k);
  }
  // And of the words as written, where they differ from their keys: a typo
  // may move the key further than the word ("Lahboes" keys to "lahboes",
  // two edits from "Lahbous"'s "lahbus", one from "lahbous").
  for (uint32_t w = 0; w < d->word_text.size(); ++w) {
    const std::string& word = d->word_text[w];
    const uint32_t k = d->word_hot[w].key;
    if (word.size() >= 4 && d->word_hot[w].latin && word != d->key_text[k]) {
      add_deletes(word, k);
    }
  }
  std::sort(d->deletes.begin(), d->deletes.end());
  d->deletes.erase(std::unique(d->deletes.begin(), d->deletes.end()), d->deletes.end());
  if (!d->PackHot()) {
    return absl::ResourceExhaustedError(
        "name index: the names' words pass 4 GiB of text");
  }
  return NameIndex(std::move(d));
}

const Graph& NameIndex::graph() const { return data_->graph; }
size_t NameIndex::num_names() const { return data_->entries.size(); }
size_t NameIndex::num_tokens() const { return data_->word_text.size(); }

namespace {

// A weak alias adds this share of what it scores over the best strong name:
// an exact weak alias alone gives 0.35, found but far below a match.
constexpr double kWeakShare = 0.35;

// Scratch is one thread's accumulator over entries, reset after each query.
struct Scratch {
  std::vector<float> acc;
  std::vector<uint32_t> touched;
};

bool DatesCompatible(const std::array<int16_t, 3>& a, const PartialDate& b) {
  if (a[0] != b.year()) return false;
  if (a[1] != 0 && b.month() != 0 && a[1] != b.month()) return false;
  if (a[2] != 0 && b.day() != 0 && a[2] != b.day()) return false;
  return true;
}

std::string DateText(const std::array<int16_t, 3>& a) {
  absl::StatusOr<PartialDate> p = PartialDate::Create(a[0], a[1], a[2]);
  return p.ok() ? p->ToString() : "";
}

}  // namespace

namespace {

// UnknownWordWeight weighs a query word that no name holds in its spelling
// (most often a word typed wrong): as a form word if one edit from one
// ("Compnay", "PuJSC"), else as the most common word of `near` (its key's
// deletion neighbourhood) one edit away, two for seven letters or more
// ("Mikhal" as "mikhail"), or the most where none is.
double UnknownWordWeight(const NameIndexData& d, const std::string& key,
                         const std::vector<uint32_t>& near) {
  if (text_internal::NearFormWord(key)) return 1.0;  // As a form word.
  double w = d.max_weight;
  if (key.size() < 4) return w;
  const int edits = key.size() >= 7 ? 2 : 1;  // As a typo may be.
  for (uint32_t k : near) {
    if (d.key_weight[k] < w && internal::EditDistance(key, d.key_text[k], edits) <= edits) {
      w = d.key_weight[k];
    }
  }
  return w;
}

// PrepareQuery cuts one query name into words with their keys; a word given
// twice ("Dmitriy ... / Dmitro ...") counts once.
internal::QueryWords PrepareQuery(const NameIndexData& d, absl::string_view name) {
  internal::QueryWords q;
  text_internal::NameWords w = text_internal::SplitName(name);
  if (w.words.size() > 16) w.words.resize(16);
  q.transliterated = w.transliterated;
  q.set_aside = std::move(w.forms);
  q.set_aside.insert(q.set_aside.end(), w.honorifics.begin(), w.honorifics.end());
  for (std::string& word : w.words) {
    std::string k = text_internal::SearchKey(word);
    if (std::find(q.keys.begin(), q.keys.end(), k) != q.keys.end()) continue;
    q.keys.push_back(std::move(k));
    q.words.push_back(std::move(word));
  }
  for (size_t i = 0; i < q.words.size(); ++i) {
    const std::string& word = q.words[i];
    q.word_masks.push_back(internal::LetterMask(word));
    auto wit = d.word_ids.find(word);
    q.word_ids.push_back(wit == d.word_ids.end() ? -1 : static_cast<int64_t>(wit->second));
    q.latin.push_back(text_internal::IsLatinToken(word));
    q.key_masks.push_back(internal::LetterMask(q.keys[i]));
    auto it = d.key_ids.find(q.keys[i]);
    q.key_ids.push_back(it == d.key_ids.end() ? -1 : static_cast<int64_t>(it->second));
    // A query key meets a soft-yo class by its own soft key ("artiom" ->
    // "artem": the names' "artiom", "artem"), or as the "e" spelling
    // ("artem": the names' "artiom").
    const std::string soft = text_internal::SoftYoKey(q.keys[i]);
    q.classes.push_back(
        {d.loose[NameIndexData::kKorean].Find(text_internal::RomanisedKoreanKey(q.keys[i])),
         d.loose[NameIndexData::kSoftYo].Find(soft.empty() ? q.keys[i] : soft),
         d.loose[NameIndexData::kNameForm].Find(text_internal::NameFormKey(q.keys[i])),
         d.loose[NameIndexData::kGloss].Find(text_internal::GlossKey(q.keys[i]))});
    auto sit = soft.empty() ? d.key_ids.end() : d.key_ids.find(soft);
    q.soft_key_id.push_back(sit == d.key_ids.end() ? -1 : static_cast<int64_t>(sit->second));
    std::vector<uint32_t>& near = q.near_keys.emplace_back();
    if (q.keys[i].size() >= 3 && text_internal::IsLatinToken(q.keys[i])) {
      d.KeysNear(q.keys[i], near);
    }
    q.weight.push_back(internal::WordWeight(
        word, d.max_weight,
        q.key_ids[i] >= 0                    ? d.key_weight[q.key_ids[i]]
        : text_internal::IsFormWord(q.keys[i]) ? 1.0
                                               : UnknownWordWeight(d, q.keys[i], near)));
  }
  for (size_t i = 0; i < q.words.size(); ++i) {
    std::string joined = q.words[i];
    for (size_t len = 2; len <= 3 && i + len <= q.words.size(); ++len) {
      if (!q.latin[i] || !q.latin[i + len - 1]) break;
      joined += q.words[i + len - 1];
      auto it = d.key_ids.find(text_internal::SearchKey(joined));
      if (it != d.key_ids.end()) {
        q.joins.push_back({static_cast<uint16_t>(i), static_cast<uint8_t>(len), it->second});
      }
    }
  }
  for (const std::string& k : q.keys) q.all_keys += k;
  return q;
}

constexpr size_t kCandidates = 64;
// The least weight of a key that a looser class's variant retrieves by.
constexpr float kVariantRetrievalWeight = 3.0f;

// Retrieve returns the names (entries) most likely to match, most query
// weight first: per name, the sum of the weights of the query words it may
// hold, by key, by the deletion neighbourhood of the key, and by two query
// words written as one ("Chon Myong" for "CHONMYONG").
std::vector<std::pair<float, uint32_t>> Retrieve(const NameIndexData& d,
                                                 const internal::QueryWords& q,
                                                 Scratch& scratch) {
  if (scratch.acc.size() < d.entries.size()) scratch.acc.assign(d.entries.size(), 0);
  scratch.touched.clear();
  std::vector<uint32_t> near;
  const auto add_key = [&](uint32_t k) {
    const float w = d.key_weight[k];
    for (uint32_t p = d.post_start[k]; p < d.post_start[k + 1]; ++p) {
      const uint32_t e = d.postings[p];
      if (scratch.acc[e] == 0) scratch.touched.push_back(e);
      scratch.acc[e] += w;
    }
  };
  for (size_t i = 0; i < q.words.size(); ++i) {
    if (q.words[i].size() == 1) continue;  // Initials retrieve nothing alone.
    near.clear();
    if (q.key_ids[i] >= 0) near.push_back(static_cast<uint32_t>(q.key_ids[i]));
    if (q.keys[i].size() >= 3 && text_internal::IsLatinToken(q.keys[i])) {
      near.insert(near.end(), q.near_keys[i].begin(), q.near_keys[i].end());
      if (q.latin[i] && q.words[i].size() >= 4 && q.words[i] != q.keys[i]) {
        d.KeysNear(q.words[i], near);
      }
    }
    for (int kind = 0; kind < NameIndexData::kLooseClasses; ++kind) {
      const int32_t c = q.classes[i][kind];
      if (kind == NameIndexData::kGloss) continue;  // Common words.
      if (c < 0) continue;
      // A variant reaches the names by its own key only when rare enough
      // to tell names apart ("al", "bin", "ali" reach too many to help).
      for (uint32_t k : d.loose[kind].keys[c]) {
        if (d.key_weight[k] >= kVariantRetrievalWeight) near.push_back(k);
      }
    }
    if (q.soft_key_id[i] >= 0) near.push_back(static_cast<uint32_t>(q.soft_key_id[i]));
    std::sort(near.begin(), near.end());
    near.erase(std::unique(near.begin(), near.end()), near.end());
    for (uint32_t k : near) add_key(k);
  }
  for (const internal::QueryWords::Join& j : q.joins) add_key(j.key_id);
  std::vector<std::pair<float, uint32_t>> cand;
  cand.reserve(scratch.touched.size());
  for (uint32_t e : scratch.touched) cand.push_back({-scratch.acc[e], e});
  if (cand.size() > kCandidates) {
    std::nth_element(cand.begin(), cand.begin() + kCandidates, cand.end());
    cand.resize(kCandidates);
  }
  std::sort(cand.begin(), cand.end());  // Most weight first.
  for (uint32_t e : scratch.touched) scratch.acc[e] = 0;
  return cand;
}

}  // namespace

absl::StatusOr<std::vector<SearchHit>> NameIndex::Search(
    const SearchQuery& query, const SearchOptions& options) const {
  const NameIndexData& d = *data_;
  // The query and the names it stands for ("Se Pho (Rak Won 2)", "Fazel
  // Rahim; Fazil Rahim"): a node scores by the best of them.
  // A country in parentheses ("ANC (South Africa)") is the query's
  // country when it gives none.
  internal::NameForms forms = internal::FormsOf(query.name, /*always_whole=*/true);
  std::vector<std::string>& texts = forms.texts;
  std::vector<internal::QueryWords> queries;
  std::vector<std::string> query_texts;
  for (std::string& t : texts) {
    internal::QueryWords q = PrepareQuery(d, t);
    if (q.words.empty()) continue;
    queries.push_back(std::move(q));
    query_texts.push_back(std::move(t));
  }
  std::vector<std::pair<std::string, std::string>> ids;
  for (const std::string& id : query.identifiers) {
    auto n = internal::NormalizeQueryIdentifier(id);
    if (!n.second.empty()) ids.push_back(std::move(n));
  }
  // A name that is an identifier the lists hold ("IMO 9003550", an OFAC
  // UID) is searched as that identifier as well: a user who types a
  // vessel's IMO number wants the vessel, not a name one letter from "imo".
  if (internal::HasDigit(query.name)) {
    auto n = internal::NormalizeQueryIdentifier(query.name);
    if (!n.second.empty() && d.id_index.contains(n.second) &&
        std::find(ids.begin(), ids.end(), n) == ids.end()) {
      ids.push_back(std::move(n));
    }
  }
  if (queries.empty() && ids.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "search: the query \"", query.name,
        "\" has no letter or digit to search for, and no identifier"));
  }
  std::string country;
  if (!query.country.empty()) {
    std::optional<absl::string_view> c = CountryCode(query.country);
    if (!c) {
      return absl::InvalidArgumentError(absl::StrCat(
          "search: unknown country \"", query.country,
          "\" (give an ISO 3166-1 code or an English name)"));
    }
    country = std::string(*c);
  } else {
    country = std::move(forms.country);
  }

  // Per node: the best strong and the best weak name, and the query (or
  // part) that scored it.
  struct Best {
    double strong = 0, weak = 0;
    int64_t strong_entry = -1, weak_entry = -1;
    uint32_t strong_query = 0, weak_query = 0;
    uint32_t strong_unpaired = 0;  // Query words the strong name left out.
  };
  absl::flat_hash_map<uint32_t, Best> best;
  // Per query (part), its rare words (internal::RareWords).
  std::vector<uint32_t> rare;
  for (const internal::QueryWords& q : queries) rare.push_back(internal::RareWords(d, q));
  std::vector<double> top;  // The best `limit` strong scores so far, a heap.
  thread_local Scratch scratch;
  for (uint32_t qi = 0; qi < queries.size(); ++qi) {
    const internal::QueryWords& q = queries[qi];
    const std::vector<std::pair<float, uint32_t>> cand = Retrieve(d, q, scratch);
    // The query's total weight: a name holding query words of weight w
    // scores at most 0.65 w / total + 0.35 (+ 0.05 for attributes), which
    // bounds the names left once `limit` names score above it.
    double q_total = 0, rare_total = 0;
    for (size_t i = 0; i < q.weight.size(); ++i) {
      q_total += q.weight[i];
      if ((rare[qi] >> i) & 1) rare_total += q.weight[i];
    }
    // What the other names of an actor may add at most (OtherNamesCredit).
    const double credit = q_total > 0 ? 0.65 * 0.85 * rare_total / q_total : 0;
    for (const auto& [neg_acc, e] : cand) {
      if (top.size() >= options.limit && q_total > 0) {
        const double bound = 0.65 * std::min(1.0, -neg_acc / q_total) + 0.35 + 0.05 + credit;
        if (bound < -top.front() || bound < options.min_score) break;
      }
      uint32_t unpaired = 0;
      const double s = internal::ScoreEntry(d, q, e, nullptr, &unpaired);
      if (!(d.entries[e].flags & NameIndexData::kWeak)) {
        top.push_back(-s);
        std::push_heap(top.begin(), top.end());
        if (top.size() > options.limit) {
          std::pop_heap(top.begin(), top.end());
          top.pop_back();
        }
      }
      Best& b = best[d.entries[e].node];
      if (d.entries[e].flags & NameIndexData::kWeak) {
        if (s > b.weak) b.weak = s, b.weak_entry = e, b.weak_query = qi;
      } else if (s > b.strong || b.strong_entry < 0) {
        b.strong = s, b.strong_entry = e, b.strong_query = qi, b.strong_unpaired = unpaired;
      }
    }
  }
  // Nodes an identifier names, whatever their names.
  for (const auto& [scheme, value] : ids) {
    auto it = d.id_index.find(value);
    if (it == d.id_index.end()) continue;
    for (uint32_t node : it->second) best.try_emplace(node);
  }

  std::vector<SearchHit> hits;
  // The entry each hit is explained by, and the query (part) it was scored for.
  std::vector<std::pair<int64_t, uint32_t>> shown_of;
  std::vector<uint32_t> other_of;  // Query words found in other names.

  hits.reserve(best.size());
  for (const auto& [node, b] : best) {
    SearchHit h;
    h.node = NodeId(node);
    int64_t shown = b.strong_entry;
    uint32_t shown_query = b.strong_query;
    h.name_score = b.strong;
    // Query words the best name leaves out but another name of the actor
    // holds: "Barzan Razuki Abd al-Ghafur" against an actor whose best name
    // lacks "razuki" and whose alias "Barzan Razuki" has it.
    uint32_t other = 0;
    if (b.strong_entry >= 0 && (b.strong_unpaired & rare[b.strong_query]) != 0 &&
        d.node_first_entry[node + 1] - d.node_first_entry[node] > 1) {
      h.name_score = std::min(
          1.0, h.name_score + internal::OtherNamesCredit(
                                  d, queries[b.strong_query],
                                  static_cast<uint32_t>(b.strong_entry),
                                  b.strong_unpaired & rare[b.strong_query], other));
    }
    if (b.weak > b.strong) {
      h.weak_raise = kWeakShare * (b.weak - b.strong);
      h.name_score += h.weak_raise;
      h.weak_name = d.entry_text[b.weak_entry];
      if (shown < 0) shown = b.weak_entry, shown_query = b.weak_query;
    }
    double score = h.name_score;
    // Identifiers.
    if (!ids.empty()) {
      h.identifier.agreement = Agreement::kUnknown;
      h.identifier.query_value =
          query.identifiers.empty() ? query.name : query.identifiers.front();
      for (const auto& [qs, qv] : ids) {
        for (const auto& [as, av] : d.node_ids[node]) {
          if (av == qv && (qs.empty() || qs == as)) {
            h.identifier = {Agreement::kAgrees, absl::StrCat(qs.empty() ? "" : qs + " ", qv),
                            absl::StrCat(as, " ", av)};
          } else if (!qs.empty() && qs == as &&
                     h.identifier.agreement != Agreement::kAgrees) {
            h.identifier = {Agreement::kDisagrees, absl::StrCat(qs, " ", qv),
                            absl::StrCat(as, " ", av)};
          }
        }
      }
      if (h.identifier.agreement == Agreement::kAgrees) score = std::max(score, 0.97);
      if (h.identifier.agreement == Agreement::kDisagrees) score -= 0.3;
    }
    if (query.born.known()) {
      const auto& born = d.born[node];
      h.born.query_value = query.born.ToString();
      if (born[0] == 0) {
        h.born.agreement = Agreement::kUnknown;
      } else {
        h.born.actor_value = DateText(born);
        const bool ok = DatesCompatible(born, query.born);
        h.born.agreement = ok ? Agreement::kAgrees : Agreement::kDisagrees;
        score += ok ? 0.03 : -0.15;
      }
    }
    if (!country.empty()) {
      const absl::string_view c = d.graph.node_country(h.node);
      h.country.query_value = country;
      const auto& on_record = d.record_countries[node];
      if (c.empty() && !on_record.empty()) {
        // No country of its own, but its addresses or identifiers give
        // some: the query's among them agrees.
        std::vector<std::string> codes;
        uint8_t from = 0, from_query = 0;
        for (const auto& [code, f] : on_record) {
          codes.push_back(code);
          from |= f;
          if (code == country) from_query = f;
        }
        const bool ok = from_query != 0;
        if (ok) from = from_query;
        h.country.actor_value = ok ? country : absl::StrJoin(codes, ", ");
        h.country.actor_from = from == 3 ? "addresses, identifiers"
                               : from == 1 ? "addresses"
                                           : "identifiers";
        h.country.agreement = ok ? Agreement::kAgrees : Agreement::kDisagrees;
        score += ok ? 0.02 : -0.08;
      } else if (c.empty()) {
        h.country.agreement = Agreement::kUnknown;
      } else {
        h.country.actor_value = std::string(c);
        const bool ok = c == country;
        h.country.agreement = ok ? Agreement::kAgrees : Agreement::kDisagrees;
        score += ok ? 0.02 : -0.08;
      }
    }
    h.score = std::clamp(score, 0.0, 1.0);
    if (h.score < options.min_score) continue;
    hits.push_back(std::move(h));
    shown_of.push_back({shown, shown_query});
    other_of.push_back(other);
  }
  std::vector<size_t> order(hits.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (hits[a].score != hits[b].score) return hits[a].score > hits[b].score;
    return hits[a].node < hits[b].node;
  });
  if (order.size() > options.limit) order.resize(options.limit);
  // Explanations only for the hits returned.
  std::vector<SearchHit> out;
  out.reserve(order.size());
  for (size_t i : order) {
    SearchHit& h = hits[i];
    const auto [shown, shown_query] = shown_of[i];
    if (shown >= 0) {
      const internal::QueryWords& q = queries[shown_query];
      h.set_aside = q.set_aside;
      if (shown_query > 0) h.query_part = query_texts[shown_query];
      internal::ScoreEntry(d, q, static_cast<uint32_t>(shown), &h);
      for (size_t w = 0; w < q.words.size() && w < 16; ++w) {
        if (!((other_of[i] >> w) & 1)) continue;
        std::vector<std::string>& missing = h.missing_query_tokens;
        missing.erase(std::remove(missing.begin(), missing.end(), q.words[w]), missing.end());
        h.in_other_names.push_back(q.words[w]);
      }
      h.matched_name = d.entry_text[shown];
      h.matched_alias = d.entries[shown].flags & NameIndexData::kAlias;
      h.weak_alias = d.entries[shown].flags & NameIndexData::kWeak;
    } else {
      h.matched_name = std::string(d.graph.node_name(h.node));
      if (!queries.empty()) {
        h.set_aside = queries[0].set_aside;
        h.missing_query_tokens = queries[0].words;
      }
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace embargo
