// Folding and keys for personal, company and vessel names: the one place
// where the library decides when two spellings of a name are "the same".
//
//   using namespace embargo::text_internal;
//   FoldName("SHOIGU, Sergei")            // "shoigu sergei"
//   FoldName("The Ŏ-Ryŏnha Co.")           // "o ryonha co"
//   LatinFold("Шойгу Сергей")             // "shoygu sergey"
//   SpellingKey("shoygu")                 // "shoigu" (= SpellingKey("shoigu"))
//   NameWords w = SplitName("OOO \"Gazprom Neft\"");
//   // w.words == {"gazprom", "neft"}, w.forms == {"ooo"}
//
// Three levels, each built on the one before:
//
//  1. FoldName is the exact-match key that Graph::FindByName and entity
//     resolution (lib/resolve) both use: Unicode case folded (Latin, Greek,
//     Cyrillic), diacritics removed (Latin letters of U+00C0..U+024F and
//     U+1E00..U+1EFF to their base letters, ß -> ss, æ -> ae, œ -> oe,
//     þ -> th, ø -> o, ł -> l; Greek tonos and dialytika; Cyrillic ё -> е;
//     combining marks U+0300..U+036F dropped), full-width Latin to ASCII,
//     punctuation and symbols to spaces, the word "the" dropped, runs of
//     spaces collapsed. Scripts other than Latin keep their letters.
//
//  2. LatinFold is FoldName written in Latin letters, for search: Cyrillic
//     (Russian, Ukrainian, Belarusian, Serbian, Kazakh letters; BGN/PCGN-like:
//     ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya, й y, ё yo), Greek (ELOT 743:
//     θ th, χ ch, ψ ps, ου ou), Korean Hangul syllables (Revised
//     Romanization, one token per syllable block), Arabic (a consonant
//     skeleton: the script writes no short vowels, so this is approximate).
//     Chinese ideographs (and Japanese kanji) become one token each, so that
//     "金正恩" and "金 正恩" agree; kana is kept as written. Apostrophes
//     inside words are removed instead of splitting them ("Ch'oe" -> "choe",
//     "O'Brien" -> "obrien").
//
//  3. SpellingKey maps one LatinFold token to a key shared by its common
//     romanisation and spelling variants. In order, longest rule first:
//       sch -> sh, tch -> ch, dzh / dj / zh -> j, ph -> f, kh -> h, gh -> g,
//       th -> t, dh -> d, ck -> k, yeo -> io (Korean RR "yeo" = MR "yŏ"),
//       ye -> e (Sergeyevich / Sergeevich),
//       q -> k, x -> ks, w -> v, y -> i,
//       ou / oo -> u, eo -> o (Korean RR "eo" = McCune-Reischauer
//       "ŏ"), eu -> u (RR "eu" = MR "ŭ"); then doubled letters collapse
//       (ll -> l, ii -> i), a leading "ie" becomes "e" (Yevgeny / Evgeny),
//       and a final "h" after a vowel is dropped (Abdullah / Abdulla).
//     So Shoigu / Shoygu, Ryonha / Ryŏnha / Ryeonha, Khalil / Halil and
//     Philipp / Filip share keys; Mohammed / Muhamed do not (o and u stay
//     apart; the search's typo tolerance covers them).
//
// Company forms and honorifics (SplitName) are set aside, not matched:
// legal forms in English, Russian (Latin and Cyrillic: ООО, ОАО, ЗАО, ПАО,
// АО, ТОВ), German, French, Spanish, Italian, Dutch, Nordic, Chinese and
// Malaysian / Singaporean use ("Limited Liability Company", "Co., Ltd.",
// "GmbH", "S.A.", "Sdn. Bhd.", ...), and titles (Mr, Dr, General, Sheikh,
// Haji, ...). Forms are recognised by their spelling keys, so "Obshchestvo
// s Ogranichennoy Otvetstvennostyu" is one too.
//
// Thread safety: pure functions; the tables are built once, thread-safely.

#ifndef EMBARGO_LIB_TEXT_NAMES_H_
#define EMBARGO_LIB_TEXT_NAMES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace embargo::text_internal {

// FoldName returns the exact-match key of a name (level 1 above).
std::string FoldName(absl::string_view utf8);
// FoldNameInto writes FoldName(utf8) to `out`, reusing its storage.
void FoldNameInto(absl::string_view utf8, std::string& out);

// LatinFold returns FoldName in Latin letters (level 2 above).
std::string LatinFold(absl::string_view utf8);
// IsLatinToken is true when a LatinFold token is ASCII letters and digits
// only (false for kana, Han, other scripts kept as written).
bool IsLatinToken(absl::string_view token);

// SpellingKey returns the variant key of one LatinFold token (level 3).
// Tokens that are not IsLatinToken are returned unchanged.
std::string SpellingKey(absl::string_view token);

// NameWords is a name cut into LatinFold words, with the company forms and
// honorifics taken out (each list in the order found).
struct NameWords {
  std::vector<std::string> words;
  std::vector<std::string> forms;       // "llc", "limited liability company"
  std::vector<std::string> honorifics;  // "mr", "general"
  // transliterated is true when the name held letters of a non-Latin
  // script that LatinFold wrote in Latin.
  bool transliterated = false;
};

// SplitName folds a name with LatinFold and sets aside company forms and
// honorifics. When nothing else would be left ("Company", "The General"),
// the words are kept as words.
NameWords SplitName(absl::string_view utf8);

// IsPatronymic is true for LatinFold tokens that look like Russian or
// Ukrainian patronymics ("kuzhugetovich", "ivanovna").
bool IsPatronymic(absl::string_view token);

}  // namespace embargo::text_internal

#endif  // EMBARGO_LIB_TEXT_NAMES_H_
