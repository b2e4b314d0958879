// RomanisedKoreanKey (lib/text/names.h): Korean syllables in Latin
// letters, read by the class of their consonants.

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "lib/text/names.h"

namespace embargo::text_internal {

namespace {

// Korean syllables in SpellingKey letters (y -> i, w -> v, eo -> o, eu -> u,
// doubled letters collapsed): initial, medial and final, longest first,
// with the class each initial and final is keyed by.
struct Jamo {
  absl::string_view text;
  absl::string_view key;
};
constexpr Jamo kKoreanInitials[] = {
    {"sh", "S"}, {"ch", "J"}, {"g", "K"}, {"k", "K"}, {"n", "N"}, {"d", "T"},
    {"t", "T"},  {"r", "L"},  {"l", "L"}, {"m", "M"}, {"b", "P"}, {"p", "P"},
    {"s", "S"},  {"j", "J"},  {"h", "H"}, {"", ""}};
constexpr absl::string_view kKoreanMedials[] = {
    "iae", "vae", "ae", "ia", "io", "iu", "va", "vo", "ve", "vi", "oe", "ui",
    "a",   "o",   "e",  "u",  "i"};
constexpr Jamo kKoreanFinals[] = {
    {"ng", "G"}, {"k", "K"}, {"g", "K"}, {"n", "N"}, {"t", "T"}, {"d", "T"},
    {"l", "L"},  {"r", "L"}, {"m", "M"}, {"b", "P"}, {"p", "P"}, {"", ""}};

// Syllables appends to `out` the key of `syllables` syllables that make up
// `s` exactly; false when they do not.
bool Syllables(absl::string_view s, int syllables, std::string& out) {
  if (syllables == 0) return s.empty();
  const size_t mark = out.size();
  for (const Jamo& i : kKoreanInitials) {
    if (!absl::StartsWith(s, i.text)) continue;
    const absl::string_view after_i = s.substr(i.text.size());
    for (absl::string_view m : kKoreanMedials) {
      if (!absl::StartsWith(after_i, m)) continue;
      const absl::string_view after_m = after_i.substr(m.size());
      for (const Jamo& f : kKoreanFinals) {
        if (!absl::StartsWith(after_m, f.text)) continue;
        absl::StrAppend(&out, i.key, m, f.key, ".");
        if (Syllables(after_m.substr(f.text.size()), syllables - 1, out)) return true;
        out.resize(mark);
      }
    }
  }
  return false;
}

}  // namespace

std::string RomanisedKoreanKey(absl::string_view key) {
  if (key.empty() || key.size() > 10 || !IsLatinToken(key)) return "";
  std::string out;
  for (int n = 1; n <= 2; ++n) {
    out.clear();
    if (Syllables(key, n, out)) return out;
  }
  return "";
}

}  // namespace embargo::text_internal
