// The data behind embargo::NameIndex (embargo/search.h), shared by the
// index builder (index.cc) and the scorer (score.cc).
//
// Names are entries; an entry's words are ids into the vocabulary of
// LatinFold words; each word has a spelling key (lib/text/names.h), and the
// keys carry the postings (key -> entries, ascending) and the rarity
// weights. Everything is built once and then only read.

#ifndef EMBARGO_LIB_SEARCH_INDEX_DATA_H_
#define EMBARGO_LIB_SEARCH_INDEX_DATA_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "embargo/graph.h"
#include "embargo/search.h"

namespace embargo::internal {

struct NameIndexData {
  explicit NameIndexData(Graph g) : graph(std::move(g)) {}
  Graph graph;

  enum EntryFlags : uint8_t {
    kAlias = 1,
    kWeak = 2,
    kTransliterated = 4,
    // A person's name (or an actor of no stated kind): only there does a
    // single letter stand for a word ("S." for "Sergei"); in an
    // organisation's name it is a letter of an abbreviation ("I&S
    // HOLDING", "S.A. DE C.V.").
    kInitials = 8,
    // A part of a written name ("ZONA LIBRE" of "VIDA PANAMA (ZONA LIBRE)
    // S.A.", one name of "A / B"), not a name the list gives whole.
    kPart = 16,
  };
  struct Entry {
    uint32_t node;
    uint32_t first;  // Into entry_words.
    uint16_t count;  // Words.
    uint8_t flags;
  };
  std::vector<Entry> entries;
  // Per node, its first entry; a node's entries are contiguous
  // (num_nodes + 1 values).
  std::vector<uint32_t> node_first_entry;
  std::vector<uint32_t> entry_words;
  std::vector<std::string> entry_text;  // The name as the record gives it.

  // Vocabulary: each word's text, and what the scorer reads of it in
  // word_hot (below).
  absl::flat_hash_map<std::string, uint32_t> word_ids;
  std::vector<std::string> word_text;

  // Spelling keys with their postings (CSR) and weights.
  absl::flat_hash_map<std::string, uint32_t> key_ids;
  std::vector<std::string> key_text;
  std::vector<float> key_weight;
  std::vector<uint32_t> post_start;  // key_text.size() + 1.
  std::vector<uint32_t> postings;    // Entry ids.

  // Looser keys that several spelling keys share: the romanised Korean key
  // (text_internal::RomanisedKoreanKey), the soft-yo key (SoftYoKey) and
  // the East Slavic name form (NameFormKey). Keys of one class meet as
  // variants. A soft-yo class holds the keys with a soft "io"; the key
  // spelt with "e" (the class's own text) meets them too.
  // A fourth class, the gloss (GlossKey), pairs a Russian word of an
  // organisation's name with its English translation ("zavod" / "plant"):
  // a translation, not a variant, and no way to retrieve a name by.
  enum LooseClass { kKorean = 0, kSoftYo = 1, kNameForm = 2, kGloss = 3, kLooseClasses = 4 };
  struct KeyClasses {
    absl::flat_hash_map<std::string, uint32_t> ids;
    std::vector<std::vector<uint32_t>> keys;  // Per class.
    int32_t Find(absl::string_view loose) const {
      if (loose.empty()) return -1;
      auto it = ids.find(loose);
      return it == ids.end() ? -1 : static_cast<int32_t>(it->second);
    }
  };
  KeyClasses loose[kLooseClasses];

  // What the scorer reads of each word and key, side by side (its inner
  // loop, over every query word and name word of every candidate, waited
  // on separate arrays). Letter masks: bit c - 'a' for each letter, bit 26
  // for any other byte; one edit changes a mask in at most two bits, so
  // masks differing in more than 2k bits are over k edits apart. Texts are
  // views of `hot_chars`, and weights are set, once the vocabulary is
  // whole, by PackHot (false when the texts pass 4 GiB).
  struct WordHot {
    uint32_t key;
    uint32_t mask;
    uint32_t text = 0;  // Offset into hot_chars.
    uint32_t size = 0;
    uint8_t latin;       // text_internal::IsLatinToken.
    uint8_t patronymic;  // text_internal::IsPatronymic.
    // The word's weight in a name (WordWeight; a patronymic's times 0.3).
    double weight = 0;
  };
  struct KeyHot {
    uint32_t mask;
    uint32_t text = 0;
    uint32_t size = 0;
    // Its class of each kind (-1 none), read all at once.
    std::array<int32_t, kLooseClasses> classes = {-1, -1, -1, -1};
  };
  std::vector<WordHot> word_hot;
  std::vector<KeyHot> key_hot;
  std::string hot_chars;
  absl::string_view Text(const WordHot& w) const {
    return absl::string_view(hot_chars.data() + w.text, w.size);
  }
  absl::string_view Text(const KeyHot& k) const {
    return absl::string_view(hot_chars.data() + k.text, k.size);
  }
  [[nodiscard]] bool PackHot();

  // Deletion neighbourhood: (hash of a key or of a key less one letter,
  // key id), sorted.
  std::vector<std::pair<uint64_t, uint32_t>> deletes;

  // Node attributes: birth date (year, month, day; 0 unknown) and
  // identifiers as (scheme, normalised value).
  std::vector<std::array<int16_t, 3>> born;
  std::vector<std::vector<std::pair<std::string, std::string>>> node_ids;
  // For an actor without a country: the countries its addresses end in
  // (bit 1) and its identifiers give (bit 2), each code once.
  std::vector<std::vector<std::pair<std::string, uint8_t>>> record_countries;
  // Normalised identifier value -> nodes.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> id_index;

  double max_weight = 8.0;

  // KeysNear returns the ids of the keys within the deletion neighbourhood
  // of `key` (itself included when present), unverified.
  void KeysNear(absl::string_view key, std::vector<uint32_t>& out) const;
};

// NormalizeIdentifier returns the (scheme, value) an identifier is compared
// by: IMO and IMO_COMPANY numbers by their seven digits under "IMO", other
// schemes by their upper-cased letters and digits.
std::pair<std::string, std::string> NormalizeIdentifier(
    absl::string_view scheme, absl::string_view value);
// NormalizeQueryIdentifier reads a query's identifier ("IMO 9234567",
// "9234567", "KPe.001"): scheme "IMO" for an IMO number, else "".
std::pair<std::string, std::string> NormalizeQueryIdentifier(
    absl::string_view text);

// EditDistance is the Damerau-Levenshtein (optimal string alignment)
// distance of two words, or max + 1 when it is over `max`; words longer
// than 40 bytes are equal or too far.
int EditDistance(absl::string_view a, absl::string_view b, int max);

// HasDigit: a word with a digit (a hull or registration number) must agree
// exactly and weighs the most, on either side.
inline bool HasDigit(absl::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// WordWeight is a word's weight in a query or a name: the most for a word
// with digits, 1 for one letter or a function word, else `otherwise` (its
// key's).
double WordWeight(absl::string_view word, double max_weight, double otherwise);

// LetterMask is the letter mask of NameIndexData::WordHot::mask.
uint32_t LetterMask(absl::string_view s);

// DeleteHash hashes a string of the deletion neighbourhood.
uint64_t DeleteHash(absl::string_view s);

// ScoreQuery is a query cut into words, ready for scoring.
struct QueryWords {
  std::vector<std::string> words;
  std::vector<std::string> keys;
  std::vector<int64_t> key_ids;  // -1 when not in the vocabulary.
  std::vector<uint32_t> word_masks, key_masks;
  std::vector<int64_t> word_ids;  // -1 when not in the vocabulary.
  // Per word, its loose classes (NameIndexData::KeyHot::classes; -1 none), and
  // the key its soft-yo spelling is ("artem" for "artyom"; -1 none).
  std::vector<std::array<int32_t, NameIndexData::kLooseClasses>> classes;
  std::vector<int64_t> soft_key_id;
  std::vector<uint8_t> latin;
  // Per word, the keys in the deletion neighbourhood of its key
  // (NameIndexData::KeysNear, unverified; none for a key under three letters
  // or not Latin): what a typo of it may be.
  std::vector<std::vector<uint32_t>> near_keys;
  // Per word, its weight: the most (NameIndexData::max_weight) for a word
  // with digits, 1 for an initial, a function word or a word of a company
  // form (typed wrong too), its key's for a key of the vocabulary, else the
  // least of the keys a typo away (the most where there is none).
  std::vector<double> weight;
  std::vector<std::string> set_aside;
  bool transliterated = false;
  // Runs of two or three Latin words whose joined key is a key of the
  // vocabulary ("chon myong" -> "chonmiong").
  struct Join {
    uint16_t at;
    uint8_t len;
    uint32_t key_id;
  };
  std::vector<Join> joins;
  // The keys one after the other ("abdelrahman" for "Abdel Rahman"), to
  // tell a name of the same letters cut into other words.
  std::string all_keys;
};

// ScoreEntry scores one name against the query: the name score, with the
// token pairs and missing words written into `hit` when it is not null,
// and the query words left unpaired (bit i for word i) into `unpaired`
// when it is not null.
double ScoreEntry(const NameIndexData& d, const QueryWords& q, uint32_t entry,
                  SearchHit* hit, uint32_t* unpaired = nullptr);

// RareWords returns the query's words (bit i for word i) that can earn
// OtherNamesCredit: in the vocabulary, of two letters or more, and rare
// (one name in a thousand or fewer holds them, or one name in an index
// of fewer than a thousand).
uint32_t RareWords(const NameIndexData& d, const QueryWords& q);

// OtherNamesCredit is what the query words `unpaired` (rare words the best
// name `entry` left unpaired) add when another strong name of the same
// node holds them with the same spelling key; `found` gets their bits.
double OtherNamesCredit(const NameIndexData& d, const QueryWords& q,
                        uint32_t entry, uint32_t unpaired, uint32_t& found);

}  // namespace embargo::internal

#endif  // EMBARGO_LIB_SEARCH_INDEX_DATA_H_
