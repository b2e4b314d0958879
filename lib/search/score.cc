// Scoring one name against a query, with the explanation (see the scoring
// paragraph of embargo/search.h).

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "embargo/search.h"
#include "lib/search/index_data.h"
#include "lib/text/names.h"

namespace embargo {

absl::string_view TokenMatchKindName(TokenMatchKind kind) {
  switch (kind) {
    case TokenMatchKind::kExact: return "exact";
    case TokenMatchKind::kVariant: return "variant";
    case TokenMatchKind::kTransliteration: return "transliteration";
    case TokenMatchKind::kTypo: return "typo";
    case TokenMatchKind::kInitial: return "initial";
    case TokenMatchKind::kPrefix: return "prefix";
    case TokenMatchKind::kJoined: return "joined";
    case TokenMatchKind::kAcronym: return "acronym";
    case TokenMatchKind::kLoose: return "loose";
    case TokenMatchKind::kTranslation: return "translation";
  }
  return "?";
}

absl::string_view AgreementName(Agreement a) {
  switch (a) {
    case Agreement::kNotGiven: return "not given";
    case Agreement::kUnknown: return "unknown";
    case Agreement::kAgrees: return "agrees";
    case Agreement::kDisagrees: return "disagrees";
  }
  return "?";
}

std::string SearchHit::Explain() const {
  std::string out;
  if (!query_part.empty()) absl::StrAppend(&out, "query part \"", query_part, "\", ");
  absl::StrAppend(&out, weak_alias ? "weak alias" : matched_alias ? "alias" : "name", " \"",
                  matched_name, "\":");
  std::vector<std::string> pairs;
  for (const TokenMatch& t : tokens) {
    if (t.kind == TokenMatchKind::kExact) {
      pairs.push_back(t.query_token);
    } else if (t.query_token == t.name_token) {
      pairs.push_back(absl::StrCat(t.query_token, " (", TokenMatchKindName(t.kind), ")"));
    } else {
      pairs.push_back(absl::StrCat(t.query_token, "~", t.name_token, " (",
                                   TokenMatchKindName(t.kind), ")"));
    }
  }
  absl::StrAppend(&out, " ", pairs.empty() ? "no words" : absl::StrJoin(pairs, ", "));
  if (!in_other_names.empty()) {
    absl::StrAppend(&out, "; in other names of the actor: ",
                    absl::StrJoin(in_other_names, " "));
  }
  if (!missing_query_tokens.empty()) {
    absl::StrAppend(&out, "; query words unmatched: ",
                    absl::StrJoin(missing_query_tokens, " "));
  }
  if (!missing_name_tokens.empty()) {
    absl::StrAppend(&out, "; name words missing: ",
                    absl::StrJoin(missing_name_tokens, " "));
  }
  if (!set_aside.empty()) {
    absl::StrAppend(&out, "; set aside: ", absl::StrJoin(set_aside, ", "));
  }
  if (weak_raise > 0) {
    absl::StrAppendFormat(&out, "; weak alias \"%s\" adds %.2f", weak_name,
                          weak_raise);
  }
  const auto attr = [&](const char* what, const AttributeCheck& c) {
    if (c.agreement == Agreement::kNotGiven) return;
    absl::StrAppend(&out, "; ", what, " ", c.query_value, " ",
                    AgreementName(c.agreement));
    if (c.agreement == Agreement::kDisagrees) {
      absl::StrAppend(&out, " (", c.actor_value,
                      c.actor_from.empty() ? "" : absl::StrCat(", in its ", c.actor_from), ")");
    } else if (c.agreement == Agreement::kAgrees && !c.actor_from.empty()) {
      absl::StrAppend(&out, " (in its ", c.actor_from, ")");
    }
    if (c.agreement == Agreement::kUnknown) absl::StrAppend(&out, " (not on record)");
  };
  attr("country", country);
  attr("born", born);
  attr("identifier", identifier);
  return out;
}

namespace internal {

int EditDistance(absl::string_view a, absl::string_view b, int max) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  if (n > 40 || m > 40) return a == b ? 0 : max + 1;
  // Only cells within `max` of the diagonal can lead to a distance of
  // `max` or less; the cells just outside that band count as too far, and
  // every value over `max` as max + 1 (a path through one costs more).
  const int far = max + 1;
  int d[41][41];
  for (int i = 0; i <= n; ++i) d[i][0] = std::min(i, far);
  for (int j = 0; j <= m; ++j) d[0][j] = std::min(j, far);
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - max), hi = std::min(m, i + max);
    if (lo > 1) d[i][lo - 1] = far;
    if (i + max <= m) d[i - 1][i + max] = far;
    int row_min = i <= max ? d[i][0] : far;  // Column 0 is in the band.
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, d[i - 2][j - 2] + 1);
      }
      d[i][j] = std::min(v, far);
      row_min = std::min(row_min, v);
    }
    if (row_min > max) return far;
  }
  return d[n][m];
}

namespace {

// A word of a Russian organisation's name and the English word the lists
// translate it by (text_internal::GlossKey).
constexpr double kTranslationSim = 0.85;

// Pair is the best way a query word meets a name word.
struct Pair {
  double sim = 0;
  TokenMatchKind kind = TokenMatchKind::kExact;
};

// Masks says whether two letter masks allow `edits` edits.
bool MasksAllow(uint32_t a, uint32_t b, int edits) {
  uint32_t x = a ^ b;
  for (int i = 0; i <= 2 * edits; ++i) {
    if (x == 0) return true;
    x &= x - 1;
  }
  return x == 0;
}

// OtherFirstConsonant: the two words start with different consonants. A
// short word that does is more often another name than a slip ("Jong" /
// "Tong", "Song", "Yong" / "Myong"): typists rarely miss the first letter,
// and the romanisations that change a consonant are variants, paired
// before typos. A vowel or an "h" at the start does vary ("Umar" / "Omar",
// Ukrainian "Hanna" / "Anna").
bool OtherFirstConsonant(absl::string_view a, absl::string_view b) {
  const auto consonant = [](char c) {
    return absl::string_view("aeiouh").find(c) == absl::string_view::npos;
  };
  return !a.empty() && !b.empty() && a[0] != b[0] && consonant(a[0]) && consonant(b[0]);
}

Pair Compare(absl::string_view qw, absl::string_view qk, absl::string_view nw,
             absl::string_view nk, bool same_word, bool same_key, bool same_class,
             bool script, bool latin, bool initials, uint32_t qwm, uint32_t qkm,
             uint32_t nwm, uint32_t nkm) {
  if (same_word) {
    return {1.0, script ? TokenMatchKind::kTransliteration : TokenMatchKind::kExact};
  }
  if (same_key) {
    return {0.95, script ? TokenMatchKind::kTransliteration : TokenMatchKind::kVariant};
  }
  // Korean romanisations ("Jang" / "Chang", "Do" / "To"), the two ways of
  // writing ё ("Artyom" / "Artem") and the Russian and Ukrainian forms of a
  // name ("Pavel" / "Pavlo"): a variant, a little below one key, since
  // short words elsewhere read so too.
  if (same_class) {
    return {0.88, script ? TokenMatchKind::kTransliteration : TokenMatchKind::kVariant};
  }
  if (!latin) return {};
  // Numbers (hull numbers, registrations) must agree exactly: in a Latin
  // word, mask bit 26 is a digit.
  if ((qwm | nwm) & (1u << 26)) return {};
  if (qw.size() == 1 || nw.size() == 1) {
    if (initials && qw[0] == nw[0]) return {0.75, TokenMatchKind::kInitial};
    return {};
  }
  const size_t len = std::max(qk.size(), nk.size());
  // Three-letter words allow one substitution of letters that Korean
  // romanisations swap ("Gyu" / "Kyu", "Pak" / "Bak", "Ri" / "Li").
  if (len == 3 && qw.size() == 3 && nw.size() == 3) {
    int diff = 0;
    bool paired = true;
    for (int i = 0; i < 3; ++i) {
      if (qw[i] == nw[i]) continue;
      ++diff;
      const char a = std::min(qw[i], nw[i]), b = std::max(qw[i], nw[i]);
      paired = paired && ((a == 'g' && b == 'k') || (a == 'b' && b == 'p') ||
                          (a == 'd' && b == 't') || (a == 'l' && b == 'r'));
    }
    if (diff == 1 && paired) return {0.75, TokenMatchKind::kVariant};
  }
  const int allowed = len >= 7 ? 2 : len >= 4 ? 1 : 0;
  Pair best;
  if (allowed > 0) {
    // On the words as written and on their keys: a typo may hide a rule
    // ("eergy" keys to "irgi", "energy" to "energi").
    int d = allowed + 1;
    if (MasksAllow(qkm, nkm, allowed)) d = EditDistance(qk, nk, allowed);
    if (d > 1 && MasksAllow(qwm, nwm, allowed)) d = std::min(d, EditDistance(qw, nw, allowed));
    const bool other_start = len <= 5 && !qk.empty() && !nk.empty() && qk[0] != nk[0] &&
                             OtherFirstConsonant(qw, nw);
    if (d == 1 && !other_start) best = {len >= 6 ? 0.88 : 0.82, TokenMatchKind::kTypo};
    if (d == 2 && allowed >= 2) best = {0.75, TokenMatchKind::kTypo};
  }
  if (qw.size() >= 3 && qw.size() < nw.size() && absl::StartsWith(nw, qw)) {
    const double p = 0.6 + 0.3 * static_cast<double>(qw.size()) / nw.size();
    if (p > best.sim) best = {p, TokenMatchKind::kPrefix};
  }
  return best;
}

// LooseSimilarity scores two Latin words left over as one word written
// badly: in [0, 0.8], 0 when fewer than half the letters of the longer
// survive the edits (at most three) between them, a number is in either,
// or they are short and start with other consonants (OtherFirstConsonant).
double LooseSimilarity(absl::string_view a, absl::string_view b, bool latin) {
  if (!latin || a.size() < 3 || b.size() < 3) return 0;
  if ((LetterMask(a) | LetterMask(b)) & (1u << 26)) return 0;
  const int len = static_cast<int>(std::max(a.size(), b.size()));
  if (len <= 5 && OtherFirstConsonant(a, b)) return 0;  // "Jong" / "Tong".
  const int d = EditDistance(a, b, std::min(3, len / 2));
  if (d > std::min(3, len / 2)) return 0;
  return 0.8 * (1.0 - static_cast<double>(d) / len);
}

}  // namespace

uint32_t RareWords(const NameIndexData& d, const QueryWords& q) {
  // A common word ("islamic", "money") is in some other name of many
  // actors.
  const double rare =
      std::log(1.0 + std::min<double>(static_cast<double>(d.entries.size()), 1000.0)) - 1e-6;
  uint32_t mask = 0;
  for (size_t i = 0; i < q.words.size() && i < 16; ++i) {
    if (q.key_ids[i] >= 0 && q.words[i].size() > 1 && q.weight[i] >= rare) mask |= 1u << i;
  }
  return mask;
}

double OtherNamesCredit(const NameIndexData& d, const QueryWords& q,
                        uint32_t entry, uint32_t unpaired, uint32_t& found) {
  constexpr double kOtherNameSim = 0.85;
  found = 0;
  double total = 0, got = 0;
  for (double w : q.weight) total += w;
  const uint32_t node = d.entries[entry].node;
  for (size_t i = 0; i < q.words.size() && i < 16; ++i) {
    if (!((unpaired >> i) & 1)) continue;
    const uint32_t key = static_cast<uint32_t>(q.key_ids[i]);
    bool held = false;
    for (uint32_t o = d.node_first_entry[node]; o < d.node_first_entry[node + 1] && !held; ++o) {
      const NameIndexData::Entry& e = d.entries[o];
      if (o == entry || (e.flags & NameIndexData::kWeak)) continue;
      for (uint32_t j = 0; j < e.count; ++j) {
        if (d.word_hot[d.entry_words[e.first + j]].key == key) {
          held = true;
          break;
        }
      }
    }
    if (held) {
      found |= 1u << i;
      got += q.weight[i];
    }
  }
  return total > 0 ? 0.65 * kOtherNameSim * got / total : 0;
}

double ScoreEntry(const NameIndexData& d, const QueryWords& q, uint32_t entry,
                  SearchHit* hit, uint32_t* unpaired) {
  const NameIndexData::Entry& e = d.entries[entry];
  const bool script = q.transliterated != ((e.flags & NameIndexData::kTransliterated) != 0);
  const size_t nq = q.words.size(), nn = e.count;
  if (unpaired != nullptr) *unpaired = 0;
  if (nq == 0 || nn == 0) return 0;
  // Candidate pairings: one query word with one name word, or a run of
  // two or three words on one side written as one word on the other ("Chon
  // Myong" and "CHONMYONG", "Abdel" and "Abd el"): such a join competes
  // with the word-by-word pairs, so that "chon" is not taken as a prefix of
  // "chonmyong" first.
  struct Cand {
    double sim;
    uint16_t qi, ni;  // First word of each side.
    uint8_t qn, nn;   // Words on each side.
    TokenMatchKind kind;
  };
  Cand cands[320];  // Not initialised: only the first `num` are written.
  static_assert(std::is_trivially_default_constructible_v<Cand>);
  size_t num = 0;
  const size_t mq = std::min<size_t>(nq, 16), mn = std::min<size_t>(nn, 16);
  const auto name_word = [&](size_t j) -> const std::string& {
    return d.word_text[d.entry_words[e.first + j]];
  };
  for (size_t i = 0; i < mq; ++i) {
    const std::array<int32_t, NameIndexData::kLooseClasses>& qc = q.classes[i];
    const bool loose = qc[0] >= 0 || qc[1] >= 0 || qc[2] >= 0 || q.soft_key_id[i] >= 0;
    const bool glossed = qc[NameIndexData::kGloss] >= 0;
    for (size_t j = 0; j < mn; ++j) {
      const uint32_t w = d.entry_words[e.first + j];
      const NameIndexData::WordHot& wh = d.word_hot[w];
      const uint32_t k = wh.key;
      const NameIndexData::KeyHot& kh = d.key_hot[k];
      bool same_class = false;
      if (loose) {
        const std::array<int32_t, NameIndexData::kLooseClasses>& kc = kh.classes;
        same_class = (qc[0] >= 0 && qc[0] == kc[0]) || (qc[1] >= 0 && qc[1] == kc[1]) ||
                     (qc[2] >= 0 && qc[2] == kc[2]) || q.soft_key_id[i] == k;
      }
      Pair p = Compare(q.words[i], q.keys[i], d.Text(wh), d.Text(kh), q.word_ids[i] == w,
                       q.key_ids[i] == k, same_class, script, q.latin[i] && wh.latin,
                       (e.flags & NameIndexData::kInitials) != 0, q.word_masks[i],
                       q.key_masks[i], wh.mask, kh.mask);
      // A Russian word and its English translation ("zavod" / "plant").
      if (glossed && qc[NameIndexData::kGloss] == kh.classes[NameIndexData::kGloss] &&
          p.sim < kTranslationSim) {
        p = {kTranslationSim, TokenMatchKind::kTranslation};
      }
      if (p.sim > 0) {
        cands[num++] = {p.sim, static_cast<uint16_t>(i), static_cast<uint16_t>(j), 1, 1, p.kind};
      }
    }
  }
  constexpr double kJoinSim = 0.95;
  // Query words joined: their joined keys are known (QueryWords::joins).
  for (const QueryWords::Join& jn : q.joins) {
    if (jn.at + jn.len > mq) continue;
    for (size_t j = 0; j < mn; ++j) {
      if (d.word_hot[d.entry_words[e.first + j]].key == jn.key_id && num < std::size(cands)) {
        cands[num++] = {kJoinSim, jn.at, static_cast<uint16_t>(j), jn.len, 1,
                        TokenMatchKind::kJoined};
      }
    }
  }
  // Name words joined: only where the query key starts with the first
  // word's key and the words' letters add up to about the query word's is
  // the joined key computed.
  std::string run;
  for (size_t i = 0; i < mq; ++i) {
    const std::string& qk = q.keys[i];
    if (!q.latin[i] || qk.size() < 3) continue;
    const size_t qlen = q.words[i].size();
    for (size_t j = 0; j + 1 < mn; ++j) {
      const uint32_t w0 = d.entry_words[e.first + j];
      const std::string& first = d.key_text[d.word_hot[w0].key];
      if (!d.word_hot[w0].latin || first.size() >= qk.size() || first[0] != qk[0] ||
          qk.compare(0, first.size(), first) != 0) {
        continue;
      }
      size_t letters = d.word_text[w0].size();
      for (size_t len = 2; len <= 3 && j + len <= mn; ++len) {
        const uint32_t w = d.entry_words[e.first + j + len - 1];
        if (!d.word_hot[w].latin) break;
        letters += d.word_text[w].size();
        if (letters > qlen + 4) break;
        if (letters + 4 < qlen) continue;
        run.clear();
        for (size_t x = j; x < j + len; ++x) run += name_word(x);
        if (text_internal::SearchKey(run) == qk && num < std::size(cands)) {
          cands[num++] = {kJoinSim, static_cast<uint16_t>(i), static_cast<uint16_t>(j), 1,
                          static_cast<uint8_t>(len), TokenMatchKind::kJoined};
        }
      }
    }
  }
  // Acronyms, in names other than persons' (whose letters are initials):
  // a word of two to five letters that is the initials of a run of words
  // on the other side ("UN" / "United Nations", "NPO" / "Nauchno-
  // Proizvodstvennoe Obedinenie"), function words inside the run passed
  // over; letters standing alone ("C. A.") are no run, a function word
  // no acronym, and two letters stand only for words of four letters or
  // more ("LA" is no acronym of "Las Acacias").
  constexpr double kAcronymSim = 0.85;
  if (!(e.flags & NameIndexData::kInitials)) {
    // Calls add(first, count) for each run of others(0..n) whose initials
    // spell `word`.
    const auto acronyms = [](absl::string_view word, size_t n, const auto& others,
                             const auto& add) {
      if (word.size() < 2 || word.size() > 5) return;
      for (char c : word) {
        if (!absl::ascii_islower(static_cast<unsigned char>(c))) return;
      }
      const size_t least = word.size() == 2 ? 4 : 2;  // Letters of a run's word.
      bool checked = false;  // Whether `word` was found to be no function word.
      for (size_t j = 0; j < n; ++j) {
        size_t k = 0, x = j;
        for (; x < n && k < word.size(); ++x) {
          const std::string* w = others(x);
          if (w == nullptr) break;
          const bool letter = w->size() >= least && (*w)[0] == word[k];
          if (!letter && x == j) break;  // Most runs end here, at no cost.
          if (text_internal::IsFunctionWord(*w)) {
            if (x == j) break;
            continue;
          }
          if (!letter) break;
          ++k;
        }
        if (k != word.size() || x - j > 8) continue;
        if (!checked && text_internal::IsFunctionWord(word)) return;
        checked = true;
        add(j, x - j);
      }
    };
    for (size_t i = 0; i < mq; ++i) {
      if (!q.latin[i]) continue;
      acronyms(
          q.words[i], mn,
          [&](size_t x) {
            return d.word_hot[d.entry_words[e.first + x]].latin ? &name_word(x) : nullptr;
          },
          [&](size_t j, size_t len) {
            if (num < std::size(cands)) {
              cands[num++] = {kAcronymSim, static_cast<uint16_t>(i), static_cast<uint16_t>(j),
                              1, static_cast<uint8_t>(len), TokenMatchKind::kAcronym};
            }
          });
    }
    for (size_t j = 0; j < mn; ++j) {
      if (!d.word_hot[d.entry_words[e.first + j]].latin) continue;
      acronyms(
          name_word(j), mq, [&](size_t x) { return q.latin[x] ? &q.words[x] : nullptr; },
          [&](size_t i, size_t len) {
            if (num < std::size(cands)) {
              cands[num++] = {kAcronymSim, static_cast<uint16_t>(i), static_cast<uint16_t>(j),
                              static_cast<uint8_t>(len), 1, TokenMatchKind::kAcronym};
            }
          });
    }
  }
  // Best pairs first; of equal pairs, the one whose words stand at the most
  // alike places in the two names ("el" of "Abdel Khader ... el Sayed"
  // takes the second "el" of "ABD EL KADER ... EL SAYED", leaving "abd el"
  // to pair with "abdel").
  const auto offset = [&](const Cand& c) {
    return std::abs(static_cast<double>(c.qi) / nq - static_cast<double>(c.ni) / nn);
  };
  std::sort(cands, cands + num, [&](const Cand& a, const Cand& b) {
    if (a.sim != b.sim) return a.sim > b.sim;
    if (a.qi != b.qi) return a.qi < b.qi;
    const double oa = offset(a), ob = offset(b);
    if (oa != ob) return oa < ob;
    return a.ni < b.ni;
  });
  uint32_t q_used = 0, n_used = 0;
  double q_total = 0, q_got = 0, n_total = 0, n_got = 0;
  double q_sim[16] = {0}, n_sim[16] = {0};
  // The pairs as an explanation gives them: only for a hit.
  std::vector<TokenMatch> pairs;
  const auto span = [](uint16_t at, uint8_t len) { return ((1u << len) - 1) << at; };
  for (size_t c = 0; c < num; ++c) {
    const Cand& k = cands[c];
    const uint32_t qm = span(k.qi, k.qn), nm = span(k.ni, k.nn);
    if ((q_used & qm) || (n_used & nm)) continue;
    q_used |= qm;
    n_used |= nm;
    for (size_t x = k.qi; x < size_t(k.qi) + k.qn; ++x) q_sim[x] = k.sim;
    for (size_t x = k.ni; x < size_t(k.ni) + k.nn; ++x) n_sim[x] = k.sim;
    if (hit != nullptr) {
      std::vector<std::string> qw(q.words.begin() + k.qi, q.words.begin() + k.qi + k.qn);
      std::vector<std::string> nw;
      for (size_t x = k.ni; x < size_t(k.ni) + k.nn; ++x) nw.push_back(name_word(x));
      pairs.push_back({absl::StrJoin(qw, " "), absl::StrJoin(nw, " "), k.kind, k.sim});
    }
  }
  // A word the name gives twice ("Moussa Ben Amor Ben Ali", "Raed Muhammad
  // Hasan Muhammad Hijazi") counts once when the query holds it, as a word
  // the query gives twice does (PrepareQuery): a time left unpaired while
  // another time of it met a query word as written or in another spelling
  // is not missing, and weighs as a variant of itself (0.95), so that a
  // query that gives it once is no exact match. After a typo ("Htet" /
  // "Thet Thet") the second time is missing: the query may not hold the
  // word at all.
  uint32_t repeated = 0;
  for (size_t j = 0; j < mn; ++j) {  // The first time may be the one unpaired.
    if ((n_used >> j) & 1) continue;
    const uint32_t k = d.word_hot[d.entry_words[e.first + j]].key;
    for (size_t x = 0; x < mn; ++x) {
      if (x != j && ((n_used >> x) & 1) && n_sim[x] >= 0.95 &&
          d.word_hot[d.entry_words[e.first + x]].key == k) {
        repeated |= 1u << j;
        n_sim[j] = 0.95;
        break;
      }
    }
  }
  n_used |= repeated;
  // The words left over, once some pair stood: a query word that no
  // indexed name holds in any spelling (same spelling key; a word the
  // lists hold is someone's name) and a name word left unpaired are taken
  // as one word written badly if half their letters or more survive the
  // edits between them ("Zrau" / "Zaur", "Srey" / "Sergey"), the most
  // alike first ("Maxouz Walad" / "Mahfouz Ould").
  if (q_used != 0 && nq == mq && nn == mn) {
    struct Left {
      double sim;
      uint8_t i, j;
    };
    Left left[256];
    size_t nl = 0;
    for (size_t i = 0; i < nq; ++i) {
      if (((q_used >> i) & 1) || q.key_ids[i] >= 0) continue;
      for (size_t j = 0; j < nn; ++j) {
        if ((n_used >> j) & 1) continue;
        const uint32_t w = d.entry_words[e.first + j];
        const double sim =
            LooseSimilarity(q.words[i], d.word_text[w], q.latin[i] && d.word_hot[w].latin);
        if (sim > 0) left[nl++] = {sim, static_cast<uint8_t>(i), static_cast<uint8_t>(j)};
      }
    }
    std::sort(left, left + nl, [](const Left& a, const Left& b) {
      if (a.sim != b.sim) return a.sim > b.sim;
      return a.i != b.i ? a.i < b.i : a.j < b.j;
    });
    for (size_t x = 0; x < nl; ++x) {
      const auto [sim, i, j] = left[x];
      if (((q_used >> i) & 1) || ((n_used >> j) & 1)) continue;
      q_used |= 1u << i;
      n_used |= 1u << j;
      q_sim[i] = n_sim[j] = sim;
      if (hit != nullptr) {
        pairs.push_back({q.words[i], name_word(j), TokenMatchKind::kLoose, sim});
      }
    }
  }
  for (size_t i = 0; i < nq && i < 16; ++i) {
    const double w = q.weight[i];
    q_total += w;
    q_got += w * q_sim[i];
  }
  for (size_t j = 0; j < nn && j < 16; ++j) {
    const double w = d.word_hot[d.entry_words[e.first + j]].weight;
    n_total += w;
    n_got += w * n_sim[j];
  }
  double score = 0.65 * (q_got / q_total) + 0.35 * (n_got / n_total);
  bool joined = false;
  if (score < 0.96 && nq != nn) {
    // The same letters cut into words differently: "Abdelrahman" and
    // "Abdel Rahman", "Al-Duri" and "Alduri".
    absl::string_view rest = q.all_keys;
    bool same = true;
    for (size_t j = 0; j < nn && same; ++j) {
      const absl::string_view k =
          d.Text(d.key_hot[d.word_hot[d.entry_words[e.first + j]].key]);
      same = absl::ConsumePrefix(&rest, k);
    }
    if (same && rest.empty()) {
      score = 0.96;
      joined = true;
    }
  }
  // Every word of a listed name of two or more words found in the query,
  // each as written or in another spelling (no typo), is a name the query
  // holds whole: a query that adds words the list leaves out (a second
  // given name, a patronymic, "Shipping Co Ltd" against "Shipping Company",
  // "Regional Public Foundation named after the hero of Russia Akhmat
  // Kadyrov" against "AKHMAT KADYROV FOUNDATION") weighs mostly the name's
  // side (0.7) instead of mostly the query's; a part of a written name
  // ("ZONA LIBRE" of "VIDA PANAMA (ZONA LIBRE) S.A.") says less of whom the
  // name is, and weighs the two sides equally.
  bool whole_name = !joined && nn >= 2 && nn <= 16;
  for (size_t j = 0; whole_name && j < nn; ++j) whole_name = n_sim[j] >= 0.9;
  if (whole_name) {
    const double wq = (e.flags & NameIndexData::kPart) ? 0.5 : 0.3;
    score = std::max(score, wq * (q_got / q_total) + (1 - wq) * (n_got / n_total));
  }
  if (hit != nullptr) {
    hit->tokens.clear();
    hit->missing_query_tokens.clear();
    hit->missing_name_tokens.clear();
    if (joined) {
      std::vector<std::string> nw;
      for (size_t j = 0; j < nn; ++j) nw.push_back(name_word(j));
      hit->tokens.push_back({absl::StrJoin(q.words, " "), absl::StrJoin(nw, " "),
                             TokenMatchKind::kJoined, 0.96});
    } else {
      // In the order of the query (a joined run by its first word).
      const auto position = [&](const TokenMatch& t) {
        const absl::string_view first = absl::string_view(t.query_token).substr(
            0, t.query_token.find(' '));
        return std::find(q.words.begin(), q.words.end(), first) - q.words.begin();
      };
      std::sort(pairs.begin(), pairs.end(), [&](const TokenMatch& a, const TokenMatch& b) {
        return position(a) < position(b);
      });
      hit->tokens = std::move(pairs);
      for (size_t i = 0; i < nq && i < 16; ++i) {
        if (!((q_used >> i) & 1)) hit->missing_query_tokens.push_back(q.words[i]);
      }
      for (size_t j = 0; j < nn && j < 16; ++j) {
        if (!((n_used >> j) & 1)) {  // Repeated words are in n_used.
          hit->missing_name_tokens.push_back(name_word(j));
        }
      }
    }
  }
  if (unpaired != nullptr && !joined) {
    *unpaired = ~q_used & static_cast<uint32_t>((uint64_t{1} << std::min<size_t>(nq, 16)) - 1);
  }
  return std::clamp(score, 0.0, 1.0);
}

}  // namespace internal
}  // namespace embargo
