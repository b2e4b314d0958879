// Classes of words that are one word written otherwise: the Russian,
// Ukrainian and Belarusian forms of a given name, and the Russian words of
// organisations' names with their English translations. See names.h.

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/text/names.h"  // The declarations.

namespace embargo::text_internal {

namespace {

// The stem a given name or patronymic is looked up by, and whether it is a
// patronymic.
std::pair<std::string, bool> NameFormStem(absl::string_view key) {
  std::string stem(key);
  bool patronymic = false;
  for (absl::string_view suffix : {"ovich", "evich", "avich", "ovna", "evna", "ivna", "ichna"}) {
    if (stem.size() > suffix.size() + 2 && absl::EndsWith(stem, suffix)) {
      stem.resize(stem.size() - suffix.size());
      patronymic = true;
      break;
    }
  }
  while (stem.size() > 3 && stem.back() == 'i') stem.pop_back();
  return {stem, patronymic};
}

// Russian, Ukrainian and Belarusian forms of one name, with patronymics.
constexpr absl::string_view kNameForms[] = {
    "aleksandr alexander oleksandr aliaksandr aleksandrovich oleksandrovych aliaksandravich",
    "vladimir volodymyr uladzimir vladimirovich volodymyrovych uladzimiravich",
    "nikolai nikolay mykola mikalai nikolaevich nikolayevich mykolaiovych mykolayovych "
    "mikalaevich",
    "pavel pavlo paval pavlovich pavlovych",
    "sergei sergey serhiy serhii siarhei sergeevich sergeyevich serhiyovych serhiiovych "
    "siarheevich",
    "andrei andrey andriy andrii andreevich andreyevich andriyovych andriiovych",
    "aleksei alexey aleksey oleksiy oleksii aliaksei alekseevich alekseyevich oleksiyovych "
    "oleksiiovych",
    "dmitry dmitriy dmitrii dmytro dzmitry dmitrievich dmitriyevich dmytrovych",
    "mikhail mykhailo mikhailovich mykhailovych",
    "petr pyotr petro petrovich petrovych",
    "yuri yuriy yurii yurievich yuryevich yuriyovych yuriiovych",
    "igor ihor igorevich ihorovych",
    "oleg oleh olegovich olehovych",
    "evgeny yevgeny yevgeniy yevhen yevgen ievgen evgenievich yevgenyevich yevhenovych",
    "grigory grigoriy hryhoriy hryhorii grigorievich grigoryevich hryhorovych",
    "gennady gennadiy hennadiy hennadii gennadievich gennadyevich hennadiyovych hennadiiovych",
    "bogdan bohdan bogdanovich bohdanovych",
    "fedor fyodor fedir fedorovich fyodorovich fedorovych",
    "kirill kyrylo kirillovich kyrylovych",
    "konstantin kostiantyn kostyantyn konstantinovich kostiantynovych",
    "yakov yakiv yakovlevich yakovych",
    "vyacheslav viacheslav viachaslau vyacheslavovich viacheslavovych",
    "timofei tymofii tymofiy timofeevich tymofiiovych",
    "elena olena yelena alena",
    "tatiana tatyana tetiana tetyana",
    "galina halyna",
    "olga olha",
    "natalia natalya nataliia nataliya",
    "lyudmila liudmyla ludmila",
};

}  // namespace

std::string NameFormKey(absl::string_view key) {
  static const auto* stems = [] {
    auto* m = new absl::flat_hash_map<std::string, int>;
    for (int c = 0; c < static_cast<int>(std::size(kNameForms)); ++c) {
      for (absl::string_view w : absl::StrSplit(kNameForms[c], ' ', absl::SkipEmpty())) {
        m->try_emplace(NameFormStem(SpellingKey(w)).first, c);
      }
    }
    return m;
  }();
  if (key.size() < 3 || !IsLatinToken(key)) return "";
  const auto [stem, patronymic] = NameFormStem(key);
  auto it = stems->find(stem);
  if (it == stems->end()) return "";
  return absl::StrCat(patronymic ? "p" : "g", it->second);
}

namespace {

// Words of Russian names of organisations, as SplitName transliterates them
// (stems, cut before letters the spelling key may merge with an ending,
// "obedinen" of "obedinenie": an inflected form adds at most four letters),
// each with the
// English words the lists translate it by: the EU gives a Russian entity's
// name in both languages ("АО ЗАВОД УНИВЕРСАЛМАШ" / "JSC Plant
// Universalmash"), and a user may type either. Words of one line are one
// concept. A Russian stem is marked by a trailing "-".
constexpr absl::string_view kGlosses[] = {
    "zavod- plant factory works",
    "tsentr- center centre",
    "institut- institute",
    "nauchn- scientific science research",
    "issledovatelsk- research",
    "proizvodstven- production manufacturing",
    "obedinen- association",
    "predpriat- enterprise",
    "korporats- corporation",
    "gosudarstven- state",
    "federaln- federal",
    "natsionaln- national",
    "tsentraln- central",
    "rossiisk- russian",
    "federats- federation",
    "aviatsion- aviation",
    "aviastroiteln- aircraft",
    "raketn- rocket missile",
    "remontn- repair",
    "tehnichesk- technical technological",
    "tehnolog- technologies technology",
    "sistem- systems system",
    "vooruzhen- armed",
    "konstruktorsk- design",
    "biuro- bureau",
    "eksperimentaln- experimental",
    "elektron- electronic electronics",
    "himichesk- chemical",
    "optichesk- optical",
    "universitet- university",
    "akadem- academy",
    "ministerstv- ministry",
    "upravlen- directorate administration department",
    "sluzhb- service",
    "voen- military",
    "morsk- marine maritime",
    "sudostroiteln- shipbuilding",
    "avtomatik- automation",
    "sviaz- communications communication",
    "holding- holding",
    "grup- group",
    "torgov- trading trade",
    "fond- foundation fund",
    "akkumuliatorn- battery",
    "priborostroiteln- instrument",
    "mashinostroiteln- engineering",
    "zashchit- protection defence defense",
};

}  // namespace

std::string GlossKey(absl::string_view key) {
  struct Glossary {
    absl::flat_hash_map<std::string, int> english;        // Key -> concept.
    std::vector<std::pair<std::string, int>> stems;       // Russian stems' keys.
  };
  static const Glossary* glossary = [] {
    auto* g = new Glossary;
    for (int c = 0; c < static_cast<int>(std::size(kGlosses)); ++c) {
      for (absl::string_view w : absl::StrSplit(kGlosses[c], ' ', absl::SkipEmpty())) {
        if (absl::ConsumeSuffix(&w, "-")) {
          g->stems.emplace_back(SpellingKey(w), c);
        } else {
          g->english.try_emplace(SpellingKey(w), c);
        }
      }
    }
    return g;
  }();
  if (key.size() < 4 || !IsLatinToken(key)) return "";
  if (auto it = glossary->english.find(key); it != glossary->english.end()) {
    return absl::StrCat("t", it->second);
  }
  for (const auto& [stem, c] : glossary->stems) {
    if (key.size() >= stem.size() && key.size() <= stem.size() + 4 &&
        absl::StartsWith(key, stem)) {
      return absl::StrCat("t", c);
    }
  }
  return "";
}

}  // namespace embargo::text_internal
