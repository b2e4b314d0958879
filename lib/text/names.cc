// Name folding and keys. See names.h.

#include "lib/text/names.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "lib/text/utf8.h"

namespace embargo::text_internal {
namespace {

using text::AppendUtf8;
using text::DecodeUtf8;

// Base letters of U+00C0..U+024F and U+1E00..U+1EFF (from the Unicode
// decompositions; letters without one by their names: "LATIN SMALL LETTER
// B WITH HOOK" -> b). ' ' marks a sign (× ÷), '*' a letter that folds to
// two (MultiFold), '?' a letter kept as it is.
constexpr char kLatinA[] =
    "aaaaaa*ceeeeiiiidnooooo ouuuuy**aaaaaa*ceeeeiiiidnooooo ouuuuy*y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll"
    "lllnnnnnnn**oooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
    "bbbb???cc?ddd??e?ffg???ikkl??nnooo??pp?????ttttuu?vyyzz?????????"
    "????*********aaiioouuuuuuuuuueaaaa**ggggkkoooo??j***gg??nnaa**oo"
    "aaaaeeeeiiiioooorrrruuuusstt??hhnd??zzaaeeooooooooyylnt???acclts"
    "z??bu?eejj?qrryy";
constexpr char kLatinB[] =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwyas??*?aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy????yy";
static_assert(sizeof(kLatinA) - 1 == 0x250 - 0xC0);
static_assert(sizeof(kLatinB) - 1 == 0x100);

const char* MultiFold(char32_t c) {
  switch (c) {
    case 0xC6: case 0xE6: case 0x1E2: case 0x1E3: case 0x1FC: case 0x1FD:
      return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: case 0x1E9E: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x14A: case 0x14B: return "ng";
    case 0x152: case 0x153: return "oe";
    case 0x1C4: case 0x1C5: case 0x1C6: case 0x1F1: case 0x1F2: case 0x1F3:
      return "dz";
    case 0x1C7: case 0x1C8: case 0x1C9: return "lj";
    case 0x1CA: case 0x1CB: case 0x1CC: return "nj";
    default: return nullptr;
  }
}

// Folds a Latin letter: the ASCII it folds to, "" for a sign, nullptr when
// `c` is not in the tables or has no fold.
const char* LatinFoldOf(char32_t c, char buf[2]) {
  char f;
  if (c >= 0xC0 && c < 0x250) {
    f = kLatinA[c - 0xC0];
  } else if (c >= 0x1E00 && c < 0x1F00) {
    f = kLatinB[c - 0x1E00];
  } else {
    return nullptr;
  }
  if (f == '*') return MultiFold(c);
  if (f == '?') return nullptr;
  if (f == ' ') return "";
  buf[0] = f;
  buf[1] = '\0';
  return buf;
}

// LowerGreek lower-cases a Greek letter and removes tonos and dialytika;
// 0 when `c` is not a Greek letter.
char32_t LowerGreek(char32_t c) {
  switch (c) {
    case 0x386: case 0x3AC: return 0x3B1;  // Ά ά -> α
    case 0x388: case 0x3AD: return 0x3B5;  // Έ έ -> ε
    case 0x389: case 0x3AE: return 0x3B7;  // Ή ή -> η
    case 0x38A: case 0x3AF: case 0x3AA: case 0x3CA: case 0x390: return 0x3B9;
    case 0x38C: case 0x3CC: return 0x3BF;  // Ό ό -> ο
    case 0x38E: case 0x3CD: case 0x3AB: case 0x3CB: case 0x3B0: return 0x3C5;
    case 0x38F: case 0x3CE: return 0x3C9;  // Ώ ώ -> ω
    case 0x3C2: return 0x3C3;              // ς -> σ
    default: break;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  if (c >= 0x3B1 && c <= 0x3C9) return c;
  return 0;
}

// LowerCyrillic lower-cases a Cyrillic letter (ё -> е); 0 when `c` is not
// one.
char32_t LowerCyrillic(char32_t c) {
  if (c >= 0x410 && c <= 0x42F) c += 0x20;
  else if (c >= 0x400 && c <= 0x40F) c += 0x50;
  else if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
           (c >= 0x4D0 && c <= 0x4FF)) {
    c |= 1;
  } else if (c == 0x4C0) {
    c = 0x4CF;
  } else if (c >= 0x4C1 && c <= 0x4CE) {
    c += (c & 1);  // Odd capitals, even small letters.
  }
  if (c == 0x451) return 0x435;  // ё -> е
  if (c >= 0x430 && c <= 0x4FF) return c;
  return 0;
}

// Latin transliterations of а..я and ѐ..џ (BGN/PCGN-like).
constexpr const char* kCyrillic[48] = {
    "a",  "b",  "v",  "g",  "d", "e",  "zh", "z",  "i",    "y", "k", "l",
    "m",  "n",  "o",  "p",  "r", "s",  "t",  "u",  "f",    "kh", "ts", "ch",
    "sh", "shch", "",  "y", "",  "e",  "yu", "ya", "e",    "e", "dj", "g",
    "ye", "dz", "i",  "yi", "j", "lj", "nj", "c",  "k",    "i", "u", "dz"};

const char* CyrillicLatin(char32_t lower) {
  if (lower >= 0x430 && lower <= 0x45F) return kCyrillic[lower - 0x430];
  switch (lower) {
    case 0x491: return "g";   // ґ
    case 0x493: return "gh";  // ғ
    case 0x49B: return "q";   // қ
    case 0x4A3: return "ng";  // ң
    case 0x4AF: case 0x4B1: return "u";  // ү ұ
    case 0x4BB: return "h";   // һ
    case 0x4B7: return "j";   // ҷ
    case 0x4D9: return "a";   // ә
    case 0x4E9: return "o";   // ө
    default: return nullptr;
  }
}

// Greek (ELOT 743) for α..ω.
constexpr const char* kGreek[25] = {
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
    "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"};

// Arabic letters U+0621..U+064A (and a few Persian ones) as consonants.
const char* ArabicLatin(char32_t c) {
  static constexpr const char* kArabic[42] = {
      "",  "a", "a", "w", "i", "y", "a", "b", "a", "t",  "th", "j", "h", "kh",
      "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "",   "g", "",  "",
      "",  "",  "",  "",  "f",  "q", "k", "l", "m", "n",  "h", "w", "a", "y"};
  if (c >= 0x621 && c <= 0x64A) {
    if (c == 0x64A) return "y";
    return kArabic[c - 0x621];
  }
  switch (c) {
    case 0x67E: return "p";
    case 0x686: return "ch";
    case 0x698: return "zh";
    case 0x6A9: return "k";
    case 0x6AF: return "g";
    case 0x6CC: return "y";
    default: return nullptr;
  }
}

// Hangul syllables in Revised Romanization.
constexpr const char* kInitial[19] = {"g", "kk", "n", "d", "tt", "r", "m",
                                      "b", "pp", "s", "ss", "", "j", "jj",
                                      "ch", "k", "t", "p", "h"};
constexpr const char* kMedial[21] = {"a",  "ae", "ya", "yae", "eo", "e", "yeo",
                                     "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                     "wo", "we", "wi", "yu", "eu", "ui", "i"};
constexpr const char* kFinal[28] = {"",  "k", "k", "k", "n", "n", "n",
                                    "t", "l", "k", "m", "l", "l", "l",
                                    "p", "l", "m", "p", "p", "t", "t",
                                    "ng", "t", "t", "k", "t", "p", "t"};

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == '`' || c == 0xB4 || c == 0x2018 || c == 0x2019 ||
         c == 0x2BB || c == 0x2BC || c == 0x2BE || c == 0x2BF;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Separator-like code points: punctuation, symbols and spaces of the
// blocks names use.
bool IsSeparator(char32_t c) {
  return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFE10 && c <= 0xFE6F) || c == 0x60C || c == 0x61B ||
         c == 0x61F || c == 0x6D4 || c == 0x37E || c == 0x387 ||
         (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

// WordWriter appends words to `out`, one space between words, dropping the
// word "the".
class WordWriter {
 public:
  explicit WordWriter(std::string& out) : out_(out) { out_.clear(); }
  void Put(char c) {
    Open();
    out_.push_back(c);
  }
  void Append(absl::string_view s) {
    if (s.empty()) return;
    Open();
    out_.append(s.data(), s.size());
  }
  void Break() {
    if (!in_word_) return;
    in_word_ = false;
    if (out_.size() - start_ == 3 && out_.compare(start_, 3, "the") == 0) {
      out_.resize(start_ == 0 ? 0 : start_ - 1);
    }
  }
  void Finish() { Break(); }

 private:
  void Open() {
    if (in_word_) return;
    if (!out_.empty()) out_.push_back(' ');
    start_ = out_.size();
    in_word_ = true;
  }
  std::string& out_;
  size_t start_ = 0;
  bool in_word_ = false;
};

// Fold implements FoldName (latin = false) and LatinFold (latin = true).
void Fold(absl::string_view s, bool latin, std::string& out,
          bool* transliterated) {
  WordWriter w(out);
  char32_t prev = 0;
  char buf[2];
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII: the common case.
      if (absl::ascii_isalnum(b)) {
        w.Put(absl::ascii_tolower(b));
      } else if (!(latin && (b == '\'' || b == '`'))) {
        w.Break();
      }
      prev = b;
      ++i;
      continue;
    }
    char32_t c;
    const int len = DecodeUtf8(s, i, c);
    if (len == 0) {  // Not UTF-8: the byte separates words.
      w.Break();
      ++i;
      prev = 0;
      continue;
    }
    const absl::string_view raw = s.substr(i, len);
    i += len;
    if (c >= 0xFF10 && c <= 0xFF5A && absl::ascii_isalnum(c - 0xFEE0)) {
      w.Put(absl::ascii_tolower(static_cast<unsigned char>(c - 0xFEE0)));
    } else if (c >= 0x300 && c <= 0x36F) {
      // A combining mark: dropped.
      continue;
    } else if (const char* f = LatinFoldOf(c, buf)) {
      if (*f == '\0') {
        w.Break();
      } else {
        w.Append(f);
      }
    } else if (IsApostrophe(c)) {
      // LatinFold removes it ("Ch'oe" -> "choe"); FoldName splits there.
      if (!latin) w.Break();
    } else if (char32_t g = LowerGreek(c)) {
      if (!latin) {
        std::string t;
        AppendUtf8(g, t);
        w.Append(t);
      } else {
        *transliterated = true;
        if (g == 0x3C5 && prev == 0x3BF) {
          w.Append("u");  // ου -> ou: the "o" is already written.
        } else {
          w.Append(kGreek[g - 0x3B1]);
        }
      }
      prev = g;
      continue;
    } else if (latin && (c == 0x401 || c == 0x451)) {
      *transliterated = true;
      w.Append("yo");  // ё: lists write Kiselyov, Fyodor.
    } else if (char32_t y = LowerCyrillic(c)) {
      const char* t = latin ? CyrillicLatin(y) : nullptr;
      if (t != nullptr) {
        *transliterated = true;
        w.Append(t);
      } else {
        std::string u;
        AppendUtf8(y, u);
        w.Append(u);
      }
    } else if (latin && c >= 0xAC00 && c <= 0xD7A3) {
      *transliterated = true;
      const int v = static_cast<int>(c - 0xAC00);
      w.Break();
      w.Append(kInitial[v / (21 * 28)]);
      w.Append(kMedial[(v / 28) % 21]);
      w.Append(kFinal[v % 28]);
      w.Break();
    } else if (latin && ArabicLatin(c) != nullptr) {
      *transliterated = true;
      w.Append(ArabicLatin(c));
    } else if (c == 0x640 || (c >= 0x64B && c <= 0x65F) || c == 0x670) {
      continue;  // Tatweel and Arabic vowel marks.
    } else if (latin && IsHan(c)) {
      w.Break();
      w.Append(raw);
      w.Break();
    } else if (IsSeparator(c)) {
      w.Break();
    } else {
      w.Append(raw);  // Other scripts as they are.
    }
    prev = c;
  }
  w.Finish();
}

// The spelling rules of SpellingKey, longest first where they overlap.
struct Rule {
  absl::string_view from;
  absl::string_view to;
};
constexpr Rule kRules[] = {
    {"shch", "sh"}, {"sch", "sh"}, {"tch", "ch"}, {"dzh", "j"}, {"zh", "j"}, {"dj", "j"},
    {"ph", "f"},   {"kh", "h"},   {"gh", "g"},  {"th", "t"}, {"dh", "d"},
    {"ck", "k"},   {"ct", "kt"},  {"ou", "u"},  {"oo", "u"},  {"eo", "o"},
    {"eu", "u"},   {"yeo", "io"}, {"ye", "e"},   {"q", "k"},   {"x", "ks"}, {"w", "v"},
    {"y", "i"}};

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

struct Affixes {
  // Spelling keys of company forms, one vector of keys per form.
  std::vector<std::vector<std::string>> forms;
  absl::flat_hash_set<std::string> honorifics;  // Keys.
  absl::flat_hash_set<std::string> form_words;  // Keys; IsFormWord.
  absl::flat_hash_set<std::string> function_words;  // Words; IsFunctionWord.
};

std::vector<std::string> Keys(absl::string_view words) {
  std::vector<std::string> out;
  for (absl::string_view w : absl::StrSplit(words, ' ', absl::SkipEmpty())) {
    out.push_back(SpellingKey(w));
  }
  return out;
}

const Affixes& GetAffixes() {
  static const Affixes* affixes = [] {
    auto* a = new Affixes;
    constexpr absl::string_view kForms[] = {
        // Multi-word forms.
        "limited liability company", "limited liability partnership",
        "public joint stock company", "open joint stock company",
        "closed joint stock company", "joint stock company",
        "public limited company", "private limited company",
        "company limited", "co ltd", "co limited", "pte ltd", "pvt ltd",
        "private limited", "sdn bhd", "co inc", "co kg", "gmbh co kg",
        "obshchestvo s ogranichennoy otvetstvennostyu",
        "aktsionernoye obshchestvo", "publichnoye aktsionernoye obshchestvo",
        "otkrytoye aktsionernoye obshchestvo", "zakrytoye aktsionernoye obshchestvo",
        "federalnoye gosudarstvennoye unitarnoye predpriyatiye",
        "tovarystvo z obmezhenoyu vidpovidalnistyu", "s a", "s a r l",
        "s r l", "s p a", "s l", "l l c", "p l c", "b v", "n v",
        "private military company", "chastnaya voyennaya kompaniya",
        // One-word forms.
        "llc", "llp", "lp", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co",
        "company", "plc", "gmbh", "ag", "kg", "sa", "sarl", "srl", "spa", "bv", "nv", "oy", "oyj",
        "asa", "jsc", "ojsc", "cjsc", "pjsc", "pao", "oao", "zao", "ooo", "ao", "tov", "pat",
        "prat", "fgup", "gup", "mup", "ano", "fze", "fzco", "fzc", "fzllc", "pte", "pvt", "bhd",
        "sas", "sae", "eood", "ood", "doo", "pmc", "chvk", "anstalt", "establishment", "est"};
    for (absl::string_view f : kForms) a->forms.push_back(Keys(f));
    // Form words: the words of four letters or more of forms of several
    // words, and forms of one word of three letters or more, but for those
    // that are also given names or surnames ("Pao", "Pat", "Asa", "Sae",
    // "Ano"; shorter ones too: "Ag", "Du").
    for (const std::vector<std::string>& f : a->forms) {
      for (const std::string& k : f) {
        if (k.size() >= (f.size() >= 2 ? 4u : 3u)) a->form_words.insert(k);
      }
    }
    for (absl::string_view name : {"pao", "pat", "asa", "sae", "ano"}) {
      a->form_words.erase(SpellingKey(name));
    }
    // Longest first, so that "limited liability company" wins over "limited".
    std::stable_sort(a->forms.begin(), a->forms.end(),
                     [](const auto& x, const auto& y) {
                       return x.size() > y.size();
                     });
    constexpr absl::string_view kHonorifics[] = {
        "mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof",
        "professor", "sir", "dame", "lord", "lady", "sheikh", "shaikh",
        "shaykh", "sheik", "haji", "hajji", "hadji", "mullah", "mulla",
        "maulana", "maulvi", "mawlawi", "gen", "general", "col", "colonel",
        "lt", "lieutenant", "capt", "captain", "maj", "major", "adm",
        "admiral", "sgt", "rev", "reverend", "imam", "hon", "excellency",
        "his", "her"};
    for (absl::string_view h : kHonorifics) a->honorifics.insert(SpellingKey(h));
    // Articles, prepositions and conjunctions of the names' languages (and
    // "named after", which Russian enterprise names translate "im."), as
    // written: not by spelling key, which would take in surnames ("Lee"
    // keys to "le", "Das" is "das"), and none that is a surname as written
    // too ("Le", "Du", "To", "In", "Im", "La", "Das", "Der").
    constexpr absl::string_view kFunctionWords[] = {
        "of", "and", "for", "the", "de", "del", "les", "et", "pour", "des",
        "und", "fur", "imeni", "named", "after"};
    for (absl::string_view w : kFunctionWords) a->function_words.insert(std::string(w));
    return a;
  }();
  return *affixes;
}

}  // namespace

void FoldNameInto(absl::string_view utf8, std::string& out) {
  bool unused = false;
  Fold(utf8, /*latin=*/false, out, &unused);
}

std::string FoldName(absl::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  FoldNameInto(utf8, out);
  return out;
}

std::string LatinFold(absl::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 8);
  bool unused = false;
  Fold(utf8, /*latin=*/true, out, &unused);
  return out;
}

bool IsFormWord(absl::string_view key) {
  return GetAffixes().form_words.contains(key);
}

namespace {

// OneEditApart: `a` and `b` differ by one letter added, dropped or
// changed, or two neighbours swapped.
bool OneEditApart(absl::string_view a, absl::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > 1) return false;
  size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (a.size() != b.size()) return a.substr(i + 1) == b.substr(i);
  if (i == a.size()) return false;  // Equal.
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

}  // namespace

bool NearFormWord(absl::string_view key) {
  if (key.size() < 5) return false;
  for (const std::string& f : GetAffixes().form_words) {
    if (f.size() >= 4 && OneEditApart(key, f)) return true;
  }
  return false;
}

std::string SearchKey(absl::string_view token) {
  // As OFAC's and the UN's entries write them ("KOREA SAMMA SHPG CO").
  static constexpr std::pair<absl::string_view, absl::string_view> kShort[] = {
      {"shpg", "shipping"},      {"trdg", "trading"},
      {"intl", "international"}, {"mgmt", "management"},
      {"mfg", "manufacturing"},  {"bros", "brothers"},
      {"svcs", "services"},      {"hldgs", "holdings"},
      {"natl", "national"},      {"dept", "department"},
      {"assn", "association"},   {"govt", "government"}};
  for (const auto& [abbreviation, word] : kShort) {
    if (token == abbreviation) return SpellingKey(word);
  }
  return SpellingKey(token);
}

bool IsFunctionWord(absl::string_view word) {
  return GetAffixes().function_words.contains(word);
}

bool IsLatinToken(absl::string_view token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string SpellingKey(absl::string_view token) {
  if (!IsLatinToken(token)) return std::string(token);
  std::string s;
  s.reserve(token.size() + 2);
  for (size_t i = 0; i < token.size();) {
    bool done = false;
    for (const Rule& r : kRules) {
      if (token.substr(i, r.from.size()) == r.from) {
        s.append(r.to.data(), r.to.size());
        i += r.from.size();
        done = true;
        break;
      }
    }
    if (!done) s.push_back(token[i++]);
  }
  // Doubled letters collapse.
  std::string k;
  k.reserve(s.size());
  for (char c : s) {
    if (k.empty() || k.back() != c || absl::ascii_isdigit(c)) k.push_back(c);
  }
  // "ie" and "ye" (already "e") write the same sound: Yurievich /
  // Yuryevich, Dmitriyevich / Dmitrievich, Anatolievich / Anatolevich.
  for (size_t p = k.find("ie"); p != std::string::npos; p = k.find("ie", p)) {
    k.erase(p, 1);
  }
  if (k.size() > 2 && k.back() == 'h' && IsVowel(k[k.size() - 2])) k.pop_back();
  return k;
}

std::string SoftYoKey(absl::string_view key) {
  if (!IsLatinToken(key)) return "";
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < key.size(); ++i) {
    if (i > 0 && key[i] == 'i' && i + 1 < key.size() && key[i + 1] == 'o' &&
        !IsVowel(key[i - 1]) && !absl::ascii_isdigit(static_cast<unsigned char>(key[i - 1]))) {
      out.push_back('e');
      ++i;
      changed = true;
    } else {
      out.push_back(key[i]);
    }
  }
  return changed ? out : "";
}

NameParts SplitNameParts(absl::string_view name) {
  NameParts out;
  const auto add = [&](absl::string_view part) {
    part = absl::StripAsciiWhitespace(part);
    if (!part.empty() && part.size() < name.size()) out.parts.emplace_back(part);
  };
  if (absl::StrContains(name, " / ") || absl::StrContains(name, ";")) {
    out.whole = false;
    // A slash inside a word ("S/O", "K/S") does not part names.
    for (absl::string_view names : absl::StrSplit(name, ';')) {
      for (absl::string_view part : absl::StrSplit(names, " / ")) {
        NameParts inner = SplitNameParts(absl::StripAsciiWhitespace(part));
        if (inner.whole) add(part);
        for (std::string& p : inner.parts) out.parts.push_back(std::move(p));
      }
    }
    if (out.parts.size() <= 1) return NameParts{};
    return out;
  }
  if (name.find('(') == absl::string_view::npos && name.find(')') == absl::string_view::npos) {
    return out;
  }
  // Outside the parentheses, and each run inside them (a run left open by
  // the list, "GIRKIN) (a.k.a. STRELKOV", is a run too).
  std::string outside;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : '\0';
    if (c != '(' && c != ')' && c != '\0') continue;
    const absl::string_view run = name.substr(start, i - start);
    if (depth == 0) {
      absl::StrAppend(&outside, run, " ");
    } else {
      add(run);
    }
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    start = i + 1;
  }
  add(outside);
  return out;
}

bool IsPatronymic(absl::string_view t) {
  if (t.size() < 6) return false;
  for (absl::string_view suffix :
       {"ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna"}) {
    if (absl::EndsWith(t, suffix)) return true;
  }
  return false;
}

namespace {

// Cyrillic letters that Latin capitals and small letters look like.
char32_t CyrillicHomoglyph(char c) {
  switch (c) {
    case 'A': return 0x410; case 'B': return 0x412; case 'C': return 0x421;
    case 'E': return 0x415; case 'H': return 0x41D; case 'I': return 0x406;
    case 'K': return 0x41A; case 'M': return 0x41C; case 'O': return 0x41E;
    case 'P': return 0x420; case 'T': return 0x422; case 'X': return 0x425;
    case 'a': return 0x430; case 'c': return 0x441; case 'e': return 0x435;
    case 'i': return 0x456; case 'o': return 0x43E; case 'p': return 0x440;
    case 'x': return 0x445;
    // Not 'y': in a Ukrainian or Belarusian word it stands for и or й as
    // often as it looks like у.
    default: return 0;
  }
}

// UnmixScripts writes a word that mixes Cyrillic letters with Latin ones
// that look the same ("ГOBOP", "ГОВТВIН": the lists type some letters on
// the wrong keyboard) wholly in Cyrillic; false (and `out` untouched) when
// no word needs it.
bool UnmixScripts(absl::string_view s, std::string& out) {
  bool any_cyrillic = false;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0xD0 && b <= 0xD3) any_cyrillic = true;
  }
  if (!any_cyrillic) return false;
  bool changed = false;
  std::string result;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find_first_of(" \t,;/()\"'", start);
    if (end == absl::string_view::npos) end = s.size();
    const absl::string_view word = s.substr(start, end - start);
    bool cyrillic = false, latin = false, other_latin = false;
    for (size_t i = 0; i < word.size(); ++i) {
      const unsigned char b = static_cast<unsigned char>(word[i]);
      if (b >= 0xD0 && b <= 0xD3) cyrillic = true;
      if (absl::ascii_isalpha(b)) {
        latin = true;
        if (CyrillicHomoglyph(word[i]) == 0) other_latin = true;
      }
    }
    if (cyrillic && latin && !other_latin) {
      for (char c : word) {
        if (char32_t h = CyrillicHomoglyph(c)) {
          AppendUtf8(h, result);
        } else {
          result.push_back(c);
        }
      }
      changed = true;
    } else {
      result.append(word.data(), word.size());
    }
    if (end < s.size()) result.push_back(s[end]);
    start = end + 1;
  }
  if (changed) out = std::move(result);
  return changed;
}

}  // namespace

NameWords SplitName(absl::string_view utf8, bool person) {
  NameWords out;
  std::string unmixed;
  if (UnmixScripts(utf8, unmixed)) utf8 = unmixed;
  std::string folded;
  Fold(utf8, /*latin=*/true, folded, &out.transliterated);
  std::vector<std::string> words =
      absl::StrSplit(folded, ' ', absl::SkipEmpty());
  if (words.empty()) return out;
  std::vector<std::string> keys;
  keys.reserve(words.size());
  for (const std::string& w : words) keys.push_back(SpellingKey(w));
  const Affixes& a = GetAffixes();
  size_t lo = 0, hi = words.size();
  const auto form_at = [&](size_t at, size_t end) -> size_t {
    if (person) return 0;
    for (const std::vector<std::string>& f : a.forms) {
      if (at + f.size() > end) continue;
      if (std::equal(f.begin(), f.end(), keys.begin() + at)) return f.size();
    }
    return 0;
  };
  std::vector<std::string> forms, honorifics;
  const auto words_of = [&](size_t from, size_t n) {
    return absl::StrJoin(words.begin() + from, words.begin() + from + n, " ");
  };
  // Honorifics and forms at the start, forms at the end.
  bool more = true;
  while (more && lo < hi) {
    more = false;
    if (a.honorifics.contains(keys[lo])) {
      honorifics.push_back(words[lo]);
      ++lo;
      more = true;
    } else if (size_t n = form_at(lo, hi)) {
      forms.push_back(words_of(lo, n));
      lo += n;
      more = true;
    }
  }
  more = true;
  while (more && lo < hi) {
    more = false;
    for (size_t n = std::min<size_t>(hi - lo, 6); n >= 1; --n) {
      if (form_at(hi - n, hi) == n) {
        forms.push_back(words_of(hi - n, n));
        hi -= n;
        more = true;
        break;
      }
    }
  }
  if (lo >= hi) {  // Nothing but forms and titles: keep them as words.
    out.words = std::move(words);
    return out;
  }
  // Placeholders for a name unknown, wherever they stand ("Dr. Fnu Mnu
  // Khamis", "KHAMIS, Fnu"), as US agencies write a name they lack, and
  // abbreviated titles that are never a name ("MEHMOOD, Dr. Bashir Uddin"):
  // set aside with the titles, unless nothing else is left.
  static const absl::flat_hash_set<std::string> kSetAside = {
      "fnu", "mnu", "lnu", "dr", "mr", "mrs", "prof"};
  const auto placeholder = [](const std::string& k) { return kSetAside.contains(k); };
  const size_t left = static_cast<size_t>(
      std::count_if(keys.begin() + lo, keys.begin() + hi,
                    [&](const std::string& k) { return !placeholder(k); }));
  for (size_t i = lo; i < hi; ++i) {
    if (left > 0 && placeholder(keys[i])) {
      honorifics.push_back(words[i]);
    } else {
      out.words.push_back(words[i]);
    }
  }
  out.forms = std::move(forms);
  out.honorifics = std::move(honorifics);
  return out;
}

}  // namespace embargo::text_internal
