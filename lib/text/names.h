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
//       shch / sch -> sh (Russian and Ukrainian "щ": Shcherbovich /
//       Scherbovich), tch -> ch, dzh / dj / zh -> j, ph -> f, kh -> h, gh -> g,
//       th -> t, dh -> d, ck -> k, ct -> kt (Victor /
//       Viktor, Director / Direktor), yeo -> io (Korean RR "yeo" = MR "yŏ"),
//       ye -> e (Sergeyevich / Sergeevich),
//       q -> k, x -> ks, w -> v, y -> i,
//       ou / oo -> u, eo -> o (Korean RR "eo" = McCune-Reischauer
//       "ŏ"), eu -> u (RR "eu" = MR "ŭ"); then doubled letters collapse
//       (ll -> l, ii -> i), "ie" becomes "e" (Yevgeny / Ievgen / Evgeny,
//       Yurievich / Yuryevich),
//       and a final "h" after a vowel is dropped (Abdullah / Abdulla).
//     So Shoigu / Shoygu, Ryonha / Ryŏnha / Ryeonha, Khalil / Halil and
//     Philipp / Filip share keys; Mohammed / Muhamed do not (o and u stay
//     apart; the search's typo tolerance covers them).
//
// Company forms and honorifics (SplitName) are set aside, not matched:
// legal forms in English, Russian (Latin and Cyrillic: ООО, ОАО, ЗАО, ПАО,
// АО, ТОВ), German, French, Spanish, Italian, Dutch, Nordic, Chinese and
// Malaysian / Singaporean use ("Limited Liability Company", "Co., Ltd.",
// "GmbH", "S.A.", "Sdn. Bhd.", ...), titles (Mr, Dr, General, Sheikh,
// Haji, ...) at the start, and the placeholders FNU, MNU, LNU (a name
// unknown) anywhere. Forms are recognised by their spelling keys, so
// "Obshchestvo s Ogranichennoy Otvetstvennostyu" is one too.
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

// SearchKey is the key the name search files a word under: its
// SpellingKey, with an abbreviation of company registers read as the word
// it stands for ("shpg" -> the key of "shipping", "trdg", "intl", "mgmt",
// "mfg", ...). Entity resolution keeps SpellingKey.
std::string SearchKey(absl::string_view token);

// RomanisedKoreanKey returns, for a SpellingKey that reads as one or two
// Korean syllables in a Latin romanisation, a key that McCune-Reischauer,
// Revised Romanization and the lists' own spellings share: initials and
// finals by their class (g/k, d/t, b/p, j/ch, s/sh, r/l), so that "Jang" and
// "Chang", "Jin" and "Chin", "Do" and "To", "Cheol" and "Chol" agree. ""
// for any other key. Many short words of other languages read as
// syllables too ("Dan", "Tan"): the search treats an agreement as a
// variant, not as the same spelling.
std::string RomanisedKoreanKey(absl::string_view key);

// SoftYoKey returns a SpellingKey with "io" after a consonant written "e",
// or "" when the key has none: Russian ё is written "yo" by some lists and
// "e" by others (Artyom / Artem, Kiselyov / Kiselev, Fyodor / Fedor), and
// LatinFold writes it "yo".
std::string SoftYoKey(absl::string_view key);

// NameFormKey returns, for the SpellingKey of a common East Slavic given
// name or of a patronymic made from one, a key that its Russian, Ukrainian
// and Belarusian forms share: Vladimir / Volodymyr / Uladzimir, Pavel /
// Pavlo, Nikolaevich / Mykolayovych (given names and patronymics apart).
// "" for any other key. The lists write one person's name in the form of
// the language they took it from.
std::string NameFormKey(absl::string_view key);

// GlossKey returns, for the SpellingKey of a word of a Russian
// organisation's name as SplitName transliterates it ("zavod",
// "gosudarstvennyy") or of an English word the lists translate it by
// ("plant", "state"), a key the two share, else "".
std::string GlossKey(absl::string_view key);

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
// A person's name (`person`) has no company form: its "Ag" ("MOUSSA, Bah
// Ag", Tuareg "son of") or "Sa" is a word of the name.
NameWords SplitName(absl::string_view utf8, bool person = false);

// NameParts returns the names one written name stands for besides itself,
// the way the lists write them: "Дмитрий ... / Дмитро ..." and "Fazel
// Rahim; Fazil Rahim" are two names each (`whole` false: the written name
// is no name of its own); "Tong Hung San (Chong Chon Gang)" and "KOREA
// KWANGSON BANKING CORPORATION (KKBC)" are the name outside the
// parentheses and each one inside (`whole` true). Parts are trimmed and
// not empty; a name without such marks has none.
struct NameParts {
  std::vector<std::string> parts;
  bool whole = true;
};
NameParts SplitNameParts(absl::string_view name);

// IsFormWord is true for the SpellingKey of a word of a company form ("joint",
// "stock", "obshchestvo", "limited", "llc"): such a word says little of
// whom a name is, even where SplitName keeps it because the form around
// it is incomplete ("Stock Company X Joint") or it stands mid-name. Words
// of forms of several words count from four letters, forms of one word
// from three; forms that are names too ("Pao", "Ag", "Doo", "Asa") never.
bool IsFormWord(absl::string_view key);

// NearFormWord is true for a key of five letters or more that is one edit
// (a letter added, dropped, changed, or two swapped) from a form word of
// four letters or more: a company form typed wrong ("compnay", "pujsc").
bool NearFormWord(absl::string_view key);

// IsFunctionWord is true for a LatinFold word that is an article,
// preposition or conjunction ("of", "and", "de", "pour", "und"): a word
// that says little of whom a name is, and that translations of one name
// keep or drop at will ("Ministry of Rocket Industry", "Rocket Industry
// Ministry"). Matched as written, not by spelling key ("Lee" keys as "le"),
// and words that are surnames too ("Le", "Du", "Das") are none.
bool IsFunctionWord(absl::string_view word);

// IsPatronymic is true for LatinFold tokens that look like Russian or
// Ukrainian patronymics ("kuzhugetovich", "ivanovna").
bool IsPatronymic(absl::string_view token);

}  // namespace embargo::text_internal

#endif  // EMBARGO_LIB_TEXT_NAMES_H_
