// The forms a written name is indexed and searched under. See NameForms.

#ifndef EMBARGO_LIB_SEARCH_NAME_FORMS_H_
#define EMBARGO_LIB_SEARCH_NAME_FORMS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace embargo::internal {

// NameForms is what a written name is indexed and searched under: the
// whole name when it is one (always, for a query), then the names it
// stands for (text_internal::SplitNameParts), a country in parentheses
// taken out of each ("ELF (Ethiopia)" is "ELF", in Ethiopia); then the
// same for the name's English reading, if it has one (EnglishReading).
struct NameForms {
  std::vector<std::string> texts;
  std::string country;  // The ISO code of a country qualifier.
  size_t own = 0;  // texts[own...] are those of the English reading.
  std::vector<bool> part;  // Per text: a part of the name, not the whole.
};

// FormsOf returns the forms of `name`; `always_whole` keeps the whole name
// even where it stands for others ("A / B"), as a query does.
NameForms FormsOf(absl::string_view name, bool always_whole);

}  // namespace embargo::internal

#endif  // EMBARGO_LIB_SEARCH_NAME_FORMS_H_
