// Name search: find actors by name, alias, transliteration, misspelling or
// part of a name, with a score in [0, 1] and the reason for it.
//
//   absl::StatusOr<embargo::NameIndex> index = embargo::NameIndex::Build(graph);
//   embargo::SearchQuery q;
//   q.name = "Shoygu Sergei";
//   q.country = "Russia";
//   absl::StatusOr<std::vector<embargo::SearchHit>> hits = index->Search(q);
//   for (const embargo::SearchHit& h : *hits) {
//     std::cout << graph.node_id(h.node) << " " << h.score << " "
//               << h.Explain() << "\n";
//   }
//
// What is indexed: the name, aliases and weak aliases (Actor.weak_aliases)
// of every actor, folded and transliterated to Latin (lib/text/names.h), cut
// into words with company forms ("LLC", "OOO", "Co., Ltd.") and honorifics
// ("Mr", "General") set aside. A written name that stands for several
// ("A / B", "A; B", "Tong Hung San (Chong Chon Gang)") is indexed under each
// (text_internal::SplitNameParts), a country in parentheses ("ELF
// (Ethiopia)") under none: it says where, not who. A name in the scholarly
// romanisation of Slavic names, told by its letters with a caron ("Oleg
// Jurijevič"), is also indexed as English-language lists write it ("Oleg
// Yuriyevich": č -> ch, š -> sh, ž -> zh, j -> y). A query is read the same
// way, scores by the best of what it stands for (SearchHit::query_part),
// and takes a country in parentheses as its country when it gives none.
//
// Retrieval: an inverted index from each word's spelling key (Shoigu and
// Shoygu share one) to the names holding it, and, for typos, a deletion
// neighbourhood of the keys (every key of four letters or more and each
// string one deletion away from it; SymSpell, Garbe 2012): a query word
// reaches the keys within one deletion of its own deletions, i.e. one
// insertion, deletion, substitution or transposition, or two edits split
// between the sides; each is then checked with the Damerau-Levenshtein
// distance. Names are ranked by the summed weight of the query words they
// hold and the best 64 are scored in full. Query words also reach the keys
// of their looser classes (romanised Korean, soft yo, East Slavic name
// forms; below), and two or three query words the key of their joined
// letters ("Chon Myong" reaches "CHONMYONG").
//
// Scoring (documented in README "Name search"): each query word is paired
// with at most one word of the name, best pairs first, word order ignored.
// A pair scores 1 for the same word, 0.95 for the same spelling key (a
// spelling or transliteration variant), 0.88 / 0.82 / 0.75 for one typo
// (words of 6+, 4-5, 3 letters), 0.75 for two (7+ letters; never in a word
// with digits), 0.75 for an initial ("S." for "Sergei"; in a person's
// name only, since in "I&S HOLDING" a letter is no initial) and
// 0.6-0.9 for a prefix ("Serg"), 0.75 for three-letter syllables that
// Korean romanisations spell with g/k, b/p, d/t or l/r, 0.88 for words of
// one looser class: the same romanised Korean syllables ("Jang" / "Chang",
// "Jin" / "Chin", "Do" / "To"), ё written "yo" or "e" ("Artyom" /
// "Artem"), the Russian, Ukrainian and Belarusian forms of a given name or
// patronymic ("Pavel" / "Pavlo", "Nikolaevich" / "Mykolayovych"); 0.95 for
// two or three words on one side that are one word on the other ("Chon
// Myong" / "CHONMYONG", "Abdel" / "Abd el"); 0.85 for an acronym, outside
// persons' names: a word of two to five letters that spells the initials
// of a run of words on the other side, function words passed over ("UN" /
// "United Nations", "NPO" / "Nauchno-Proizvodstvennoe Obedinenie"; two
// letters only for words of four letters or more); 0.85 for a translation:
// a word of a Russian organisation's name, inflected as the name has it,
// and the English word the lists translate it by ("zavod" / "plant",
// "gosudarstvennogo" / "state"; the glossary is lib/text/word_classes.cc).
// Once some words are paired,
// a query word left over that no indexed name holds in any spelling (its
// spelling key) pairs loosely with a name word left over if at most three
// edits apart with half the letters kept, the most alike first:
// 0.8 x (1 - edits / letters) ("Zrau" / "Zaur" 0.4, "Srgi" / "Sergei"
// 0.53); a word the lists hold is someone's name, not a misspelling, and
// never pairs so. Words with digits
// must agree exactly and weigh the most (8); a word of a company form that
// was not set aside ("Joint" of "Stock Company X Joint") weighs 1. Other
// words weigh by rarity (ln(1 + names / names holding the word), between
// 1 and 8; a query word no name holds in its spelling, most often typed
// wrong, as the most common word one edit away, two for words of seven
// letters or more, "copany" as "company", and 8 where none is); patronymics weigh 0.3 on the
// name's side. The name score is 0.65 x the weighted share of the query
// explained + 0.35 x the weighted share of the name explained, or, when
// every word of a listed name of two or more words is in the query as
// written or in another spelling (the query holds the name whole, and adds
// words), 0.3 x the query's share + 0.7 x the name's (0.5 and 0.5 for a part
// of a written name, "ZONA LIBRE" of "VIDA PANAMA (ZONA LIBRE) S.A."); a rare query
// word (one name in a thousand holds it) that the best name lacks but
// another strong name of the actor holds adds 0.65 x 0.85 x its share
// (SearchHit::in_other_names). A weak alias
// raises an actor's score by only 0.35 x what it adds over the best strong
// name (an exact weak alias alone: 0.35, well below a match). Then the attributes the query gives: an identifier the actor holds
// lifts the score to at least 0.97, a different one of the same scheme
// takes 0.3 off; a compatible birth date adds 0.03, an incompatible one
// takes 0.15 off; the same country adds 0.02, another takes 0.08 off; an
// attribute the actor does not carry leaves the score as it is and says so.
//
// Memory model: a NameIndex is a cheap handle to immutable data and keeps
// the Graph it was built from alive; any number of threads may search one
// index (or copies of it) at once.

#ifndef EMBARGO_SEARCH_H_
#define EMBARGO_SEARCH_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "embargo/date.h"
#include "embargo/graph.h"
#include "embargo/ids.h"

namespace embargo {

// kDefaultMatchThreshold is the score from which a hit counts as a match
// (screening); chosen on the evaluation set of README "Name search
// quality" as the lowest threshold with precision at least 0.98 there.
inline constexpr double kDefaultMatchThreshold = 0.75;

// SearchQuery is a name and what else is known about who is meant.
struct SearchQuery {
  std::string name;
  // Country as ISO alpha-3 or alpha-2 code or a name ("Russia"); "" when
  // not given.
  std::string country;
  // Date of birth or of incorporation or build; unknown when not given.
  PartialDate born;
  // Identifiers: "IMO 9234567", "IMO9234567", an OFAC UID, a UN reference,
  // a registration number. Compared by their letters and digits (an IMO
  // number by its seven digits).
  std::vector<std::string> identifiers;
};

// SearchOptions bound the answer.
struct SearchOptions {
  size_t limit = 10;       // Most hits returned.
  double min_score = 0.3;  // Hits below this are left out.
};

// TokenMatchKind says how a query word met a word of the name.
enum class TokenMatchKind {
  kExact,            // The same word once folded.
  kVariant,          // The same spelling key (Shoigu / Shoygu).
  kTransliteration,  // The same word or key, one side in another script.
  kTypo,             // One or two edits apart.
  kInitial,          // An initial of the word.
  kPrefix,           // The beginning of the word.
  kJoined,           // The words run together ("Abdelrahman").
  kLoose,            // Half the letters or more alike, paired only among
                     // the words left over once others were paired
                     // ("Zrau" / "Zaur").
  kAcronym,          // The initials of words on the other side ("UN" /
                     // "United Nations"), in names other than persons'.
  kTranslation,      // A word of a Russian organisation's name and its
                     // English translation ("zavod" / "plant"), or two
                     // English words the lists give for one Russian word
                     // ("research" / "scientific").
};
absl::string_view TokenMatchKindName(TokenMatchKind kind);

// TokenMatch pairs a query word with a word of the matched name.
struct TokenMatch {
  std::string query_token;
  std::string name_token;
  TokenMatchKind kind;
  double similarity;  // In [0, 1].
};

// Agreement says how an attribute the query gives compares to the actor's.
enum class Agreement {
  kNotGiven,   // The query does not give it.
  kUnknown,    // The actor does not carry it: neither for nor against.
  kAgrees,
  kDisagrees,
};
absl::string_view AgreementName(Agreement a);

// AttributeCheck is one comparison of a query attribute with the actor's.
struct AttributeCheck {
  Agreement agreement = Agreement::kNotGiven;
  std::string query_value;
  std::string actor_value;
  // Where actor_value comes from when not the actor's own field: for a
  // country, "addresses", "identifiers" or "addresses, identifiers" (the
  // countries its addresses end in and its identifiers give, for an actor
  // whose country is not on record).
  std::string actor_from;
};

// SearchHit is one actor found, with its score and why.
struct SearchHit {
  NodeId node;
  double score = 0;       // Final score in [0, 1].
  double name_score = 0;  // From the names alone (weak alias included).
  std::string matched_name;     // The name or alias that scored best.
  // The part of the query that scored it, when not the whole: a query
  // "Se Pho (Rak Won 2)" or "Fazel Rahim; Fazil Rahim" stands for several
  // names (text_internal::SplitNameParts), and scores by the best.
  std::string query_part;
  bool matched_alias = false;   // It is an alias, not the primary name.
  bool weak_alias = false;      // It is a weak alias (see weak_raise).
  double weak_raise = 0;        // What a weak alias added to name_score.
  std::string weak_name;        // That weak alias.
  std::vector<TokenMatch> tokens;
  std::vector<std::string> missing_query_tokens;  // Query words unmatched.
  // Rare query words (one name in a thousand holds them) that the matched
  // name lacks but another strong name of the actor holds, with the same
  // spelling key; each adds 0.85 of its share.
  std::vector<std::string> in_other_names;
  std::vector<std::string> missing_name_tokens;   // Name words unmatched.
  std::vector<std::string> set_aside;  // Company forms and honorifics.
  AttributeCheck country, born, identifier;

  // Explain is a one-line account: 'name "SHOIGU, Sergei Kuzhugetovich":
  // shoygu~shoigu (variant), sergei=sergei; missing kuzhugetovich; country
  // RUS agrees'.
  std::string Explain() const;
};

namespace internal {
struct NameIndexData;
}

// NameIndex is the search index of one graph.
class NameIndex {
 public:
  // Build indexes every actor's names. Errors: InvalidArgument when the
  // graph has more names than the index can address (2^32).
  [[nodiscard]] static absl::StatusOr<NameIndex> Build(const Graph& graph);

  // Search returns the best hits, by score then node id. Errors:
  // InvalidArgument when the query has neither a name with a letter or
  // digit nor an identifier, or an unknown country.
  [[nodiscard]] absl::StatusOr<std::vector<SearchHit>> Search(
      const SearchQuery& query, const SearchOptions& options = {}) const;

  const Graph& graph() const;
  size_t num_names() const;   // Names and aliases indexed.
  size_t num_tokens() const;  // Distinct words.

 private:
  explicit NameIndex(std::shared_ptr<const internal::NameIndexData> data)
      : data_(std::move(data)) {}
  std::shared_ptr<const internal::NameIndexData> data_;
};

}  // namespace embargo

#endif  // EMBARGO_SEARCH_H_
