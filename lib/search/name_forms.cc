// The forms a written name is indexed and searched under. See name_forms.h.

#include "lib/search/name_forms.h"

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "embargo/import/countries.h"
#include "lib/text/names.h"

namespace embargo::internal {

namespace {

// IsCountryQualifier is true for a part of a name that names a country
// ("ELF (Ethiopia)", "Mujahedin (Afghanistan)"): it says where, and is no
// name of the actor. Codes ("(KP)", "(ARM)") may be acronyms and stay.
bool IsCountryQualifier(absl::string_view part) {
  return part.size() > 3 && CountryCode(part).has_value();
}

// EnglishReading rewrites a name in the scholarly romanisation of Slavic
// names (ISO 9 and Czech-style letters with a caron, j for the English y:
// "Oleg Jurijevič", "Vjačeslavovič") the way English-language lists write
// it ("Oleg Yuriyevich", "Vyacheslavovich"): č -> ch, š -> sh, ž -> zh,
// ř -> r, ě -> e, j -> y. "" for a name without such a letter, which is
// then no such romanisation (a "j" alone says nothing: Jose, Jamal).
std::string EnglishReading(absl::string_view name) {
  static constexpr std::pair<absl::string_view, absl::string_view> kCaron[] = {
      {"č", "ch"}, {"Č", "CH"}, {"š", "sh"}, {"Š", "SH"}, {"ž", "zh"},
      {"Ž", "ZH"}, {"ř", "r"},  {"Ř", "R"},  {"ě", "e"},  {"Ě", "E"}};
  bool caron = false;
  for (const auto& [from, to] : kCaron) caron = caron || absl::StrContains(name, from);
  if (!caron) return "";
  std::string out;
  out.reserve(name.size() + 8);
  for (size_t i = 0; i < name.size();) {
    bool done = false;
    for (const auto& [from, to] : kCaron) {
      if (name.substr(i, from.size()) == from) {
        out.append(to.data(), to.size());
        i += from.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    const char c = name[i++];
    out.push_back(c == 'j' ? 'y' : c == 'J' ? 'Y' : c);
  }
  return out;
}

// WrittenForms is FormsOf without the English reading.
NameForms WrittenForms(absl::string_view name, bool always_whole) {
  NameForms out;
  text_internal::NameParts parts = text_internal::SplitNameParts(name);
  std::string whole(name);
  std::vector<std::string> rest;
  for (std::string& p : parts.parts) {
    if (!IsCountryQualifier(p)) {
      rest.push_back(std::move(p));
      continue;
    }
    if (out.country.empty()) out.country = std::string(*CountryCode(p));
    const size_t at = whole.find(p);
    if (at != std::string::npos) whole.erase(at, p.size());  // "()" folds away.
  }
  const std::string folded = rest.empty() ? "" : text_internal::FoldName(whole);
  if (parts.whole || always_whole) {
    out.texts.push_back(std::move(whole));
    out.part.push_back(false);
  }
  for (std::string& p : rest) {
    if (text_internal::FoldName(p) != folded) {
      out.texts.push_back(std::move(p));
      out.part.push_back(true);
    }
  }
  out.own = out.texts.size();
  return out;
}

}  // namespace

NameForms FormsOf(absl::string_view name, bool always_whole) {
  NameForms out = WrittenForms(name, always_whole);
  const std::string english = EnglishReading(name);
  if (english.empty()) return out;
  // The name as written first, then the English reading's forms.
  NameForms reading = WrittenForms(english, always_whole);
  out.texts.insert(out.texts.end(), std::make_move_iterator(reading.texts.begin()),
                   std::make_move_iterator(reading.texts.end()));
  out.part.insert(out.part.end(), reading.part.begin(), reading.part.end());
  return out;
}


}  // namespace embargo::internal
