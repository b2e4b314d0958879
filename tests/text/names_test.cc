// Tests of the name folding and keys (lib/text/names.h), each expected
// value worked out by hand from the rules in the header.

#include "lib/text/names.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace embargo::text_internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(FoldNameTest, CaseAccentsPunctuationAndThe) {
  EXPECT_EQ(FoldName("SHOIGU, Sergei"), "shoigu sergei");
  EXPECT_EQ(FoldName("  Côte d'Ivoire "), "cote d ivoire");
  EXPECT_EQ(FoldName("The Ŏ-Ryŏnha Co."), "o ryonha co");
  EXPECT_EQ(FoldName("Straße"), "strasse");
  EXPECT_EQ(FoldName("Łódź Ærø"), "lodz aero");
  EXPECT_EQ(FoldName("Nguyễn Tấn Dũng"), "nguyen tan dung");  // U+1Exx.
  EXPECT_EQ(FoldName("Other"), "other");  // "the" only as a whole word.
  EXPECT_EQ(FoldName("ＶＴＢ　Ｂａｎｋ"), "vtb bank");  // Full width.
  EXPECT_EQ(FoldName("e\xCC\x81t\xC3\xA9"), "ete");     // Combining acute.
}

TEST(FoldNameTest, OtherScriptsKeepTheirLettersLowerCased) {
  EXPECT_EQ(FoldName("ШОЙГУ Сергей"), "шойгу сергей");
  EXPECT_EQ(FoldName("Ёлкин"), "елкин");
  EXPECT_EQ(FoldName("ΠΑΠΑΔΌΠΟΥΛΟΣ"), "παπαδοπουλοσ");
  EXPECT_EQ(FoldName("김정은"), "김정은");
  EXPECT_EQ(FoldName("金正恩"), "金正恩");
}

TEST(FoldNameTest, InvalidUtf8SeparatesWords) {
  EXPECT_EQ(FoldName(std::string("ab\xFF" "cd")), "ab cd");
  EXPECT_EQ(FoldName(""), "");
  EXPECT_EQ(FoldName("---"), "");
}

TEST(LatinFoldTest, Transliterates) {
  EXPECT_EQ(LatinFold("Шойгу Сергей Кужугетович"),
            "shoygu sergey kuzhugetovich");
  EXPECT_EQ(LatinFold("ООО Газпром"), "ooo gazprom");
  EXPECT_EQ(LatinFold("Щукин Юрий"), "shchukin yuriy");
  EXPECT_EQ(LatinFold("Παπαδόπουλος"), "papadopoulos");
  EXPECT_EQ(LatinFold("Χατζής"), "chatzis");
  EXPECT_EQ(LatinFold("련하"), "ryeon ha");   // Revised Romanization.
  EXPECT_EQ(LatinFold("김정은"), "gim jeong eun");
  EXPECT_EQ(LatinFold("金正恩"), "金 正 恩");  // One token per ideograph.
  EXPECT_EQ(LatinFold("Ch'oe Ryong-hae"), "choe ryong hae");
  EXPECT_EQ(LatinFold("O’Brien"), "obrien");
  EXPECT_EQ(LatinFold("محمد"), "mhmd");  // Consonants only.
}

TEST(SpellingKeyTest, VariantsShareAKey) {
  EXPECT_EQ(SpellingKey("shoygu"), SpellingKey("shoigu"));
  EXPECT_EQ(SpellingKey("ryonha"), "rionha");  // y -> i.
  EXPECT_EQ(SpellingKey(LatinFold("Ryŏnha")), "rionha");
  EXPECT_EQ(SpellingKey("ryeonha"), "rionha");
  EXPECT_EQ(SpellingKey("sergeyevich"), SpellingKey("sergeevich"));
  EXPECT_EQ(SpellingKey("khalil"), SpellingKey("halil"));
  EXPECT_EQ(SpellingKey("philipp"), SpellingKey("filip"));
  EXPECT_EQ(SpellingKey("yevgeniy"), SpellingKey("evgeni"));
  EXPECT_EQ(SpellingKey("abdullah"), SpellingKey("abdulla"));
  // Russian and Ukrainian "щ" romanised "shch" or "sch" (Щербович).
  EXPECT_EQ(SpellingKey("shcherbovich"), SpellingKey("scherbovich"));
  EXPECT_EQ(SpellingKey(LatinFold("Щербович")), SpellingKey("scherbovich"));
  EXPECT_EQ(SpellingKey("schmidt"), SpellingKey("shmidt"));
  EXPECT_EQ(SpellingKey("youssef"), SpellingKey("yusef"));
  EXPECT_EQ(SpellingKey("sergey"), SpellingKey("sergei"));
  EXPECT_NE(SpellingKey("mohammed"), SpellingKey("muhamed"));
  EXPECT_NE(SpellingKey("ivan"), SpellingKey("ivana"));
  EXPECT_EQ(SpellingKey("金"), "金");  // Not Latin: unchanged.
  EXPECT_EQ(SpellingKey("1718"), "1718");
}

TEST(SplitNameTest, CompanyFormsAtEitherEnd) {
  NameWords w = SplitName("OOO \"Gazprom Neft\"");
  EXPECT_THAT(w.words, ElementsAre("gazprom", "neft"));
  EXPECT_THAT(w.forms, ElementsAre("ooo"));
  w = SplitName("ООО Газпром Нефть");
  EXPECT_THAT(w.words, ElementsAre("gazprom", "neft"));
  EXPECT_TRUE(w.transliterated);
  w = SplitName("Limited Liability Company \"Zala Aero\"");
  EXPECT_THAT(w.words, ElementsAre("zala", "aero"));
  EXPECT_THAT(w.forms, ElementsAre("limited liability company"));
  w = SplitName("Korea Ryonha Machinery Joint Venture Co., Ltd.");
  EXPECT_THAT(w.words,
              ElementsAre("korea", "ryonha", "machinery", "joint", "venture"));
  EXPECT_THAT(w.forms, ElementsAre("co ltd"));
  w = SplitName("VTB Bank PJSC");
  EXPECT_THAT(w.words, ElementsAre("vtb", "bank"));
  w = SplitName("Siemens GmbH & Co. KG");
  EXPECT_THAT(w.words, ElementsAre("siemens"));
  w = SplitName("Publichnoye Aktsionernoye Obshchestvo Sberbank");
  EXPECT_THAT(w.words, ElementsAre("sberbank"));
  // Private military companies, in English and Russian.
  w = SplitName("PMC Wagner");
  EXPECT_THAT(w.words, ElementsAre("wagner"));
  w = SplitName("ЧВК ‘Патриот’");
  EXPECT_THAT(w.words, ElementsAre("patriot"));
  w = SplitName("Private Military Company ‘Redut’");
  EXPECT_THAT(w.words, ElementsAre("redut"));
  w = SplitName("AVIATRANS ANSTALT");
  EXPECT_THAT(w.words, ElementsAre("aviatrans"));
  // A form in the middle is a word.
  w = SplitName("Korea Company Limited Trading");
  EXPECT_THAT(w.words, ElementsAre("korea", "company", "limited", "trading"));
  EXPECT_THAT(w.forms, IsEmpty());
}

TEST(SplitNameTest, PlaceholdersAndAbbreviatedTitlesAnywhere) {
  NameWords w = SplitName("Dr. Fnu Mnu Khamis");
  EXPECT_THAT(w.words, ElementsAre("khamis"));
  EXPECT_THAT(w.honorifics, ElementsAre("dr", "fnu", "mnu"));
  w = SplitName("KHAMIS, Fnu");
  EXPECT_THAT(w.words, ElementsAre("khamis"));
  EXPECT_THAT(w.honorifics, ElementsAre("fnu"));
  w = SplitName("Ali Lnu Hassan");
  EXPECT_THAT(w.words, ElementsAre("ali", "hassan"));
  // Nothing else left: the word stays.
  w = SplitName("FNU");
  EXPECT_THAT(w.words, ElementsAre("fnu"));
  // Abbreviated titles, after the comma of an inverted name too; a title
  // written out in the middle may be a name ("General" of a company).
  w = SplitName("MEHMOOD, Dr. Bashir Uddin");
  EXPECT_THAT(w.words, ElementsAre("mehmood", "bashir", "uddin"));
  EXPECT_THAT(w.honorifics, ElementsAre("dr"));
  w = SplitName("Ismail General Trading");
  EXPECT_THAT(w.words, ElementsAre("ismail", "general", "trading"));
}

TEST(SplitNameTest, FormWordsAreWordsOfFormsOfSeveralWords) {
  const auto form_word = [](absl::string_view w) { return IsFormWord(SpellingKey(w)); };
  EXPECT_TRUE(form_word("joint"));
  EXPECT_TRUE(form_word("obshchestvo"));
  EXPECT_TRUE(form_word("limited"));
  EXPECT_TRUE(form_word("ltd"));
  EXPECT_FALSE(form_word("pao"));  // A surname too.
  EXPECT_FALSE(form_word("ag"));   // "Iyad ag Ghali".
  EXPECT_FALSE(form_word("asa"));  // A given name too.
  EXPECT_FALSE(form_word("doo"));  // "d.o.o.", and the surname Doo.
  EXPECT_FALSE(form_word("zelenograd"));
}

TEST(SplitNameTest, FunctionWordsAndRegisterAbbreviations) {
  EXPECT_TRUE(IsFunctionWord("of"));
  EXPECT_TRUE(IsFunctionWord("pour"));
  EXPECT_FALSE(IsFunctionWord("office"));
  EXPECT_FALSE(IsFunctionWord("al"));  // A name's particle.
  // Surnames: "Lee" keys as "le", and "Le", "Du", "Das" are names too.
  EXPECT_FALSE(IsFunctionWord("lee"));
  EXPECT_FALSE(IsFunctionWord("le"));
  EXPECT_FALSE(IsFunctionWord("du"));
  EXPECT_FALSE(IsFunctionWord("das"));
  EXPECT_EQ(SearchKey("shpg"), SpellingKey("shipping"));
  EXPECT_EQ(SearchKey("trdg"), SpellingKey("trading"));
  EXPECT_EQ(SearchKey("viktor"), SpellingKey("viktor"));
}

TEST(SplitNameTest, HonorificsAtTheStartOnly) {
  NameWords w = SplitName("Gen. Sergei Shoigu");
  EXPECT_THAT(w.words, ElementsAre("sergei", "shoigu"));
  EXPECT_THAT(w.honorifics, ElementsAre("gen"));
  w = SplitName("Reconnaissance General Bureau");
  EXPECT_THAT(w.words, ElementsAre("reconnaissance", "general", "bureau"));
  // Nothing else left: the words stay.
  w = SplitName("The Company");
  EXPECT_THAT(w.words, ElementsAre("company"));
  EXPECT_THAT(w.forms, IsEmpty());
}

TEST(SpellingKeyTest, IeAndYeAreOneSound) {
  EXPECT_EQ(SpellingKey("yurievich"), "iurevich");
  EXPECT_EQ(SpellingKey("yuryevich"), "iurevich");
  EXPECT_EQ(SpellingKey("dmitriyevich"), SpellingKey("dmitrievich"));
  EXPECT_EQ(SpellingKey("anatolievich"), SpellingKey("anatolevich"));
  EXPECT_EQ(SpellingKey("ievgen"), SpellingKey("yevgen"));
}

TEST(SplitNameTest, LatinLettersInACyrillicWordAreCyrillic) {
  // "ГOBOP" with Latin O, B, O, P (as the EU list writes it) is ГОВОР.
  EXPECT_THAT(SplitName("Роман ГOBOP").words, ElementsAre("roman", "govor"));
  EXPECT_THAT(SplitName("ГОВТВIН").words, ElementsAre("govtvin"));
  // A Latin word beside a Cyrillic one, and a word with Latin letters
  // that look like none, stay as they are.
  EXPECT_THAT(SplitName("Роман BOP").words, ElementsAre("roman", "bop"));
  EXPECT_THAT(SplitName("ГOBOPz").words, ElementsAre("gobopz"));
}

TEST(SplitNamePartsTest, SlashesSemicolonsAndParentheses) {
  NameParts p = SplitNameParts("Fazel Rahim; Fazil Rahim");
  EXPECT_FALSE(p.whole);
  EXPECT_THAT(p.parts, ElementsAre("Fazel Rahim", "Fazil Rahim"));
  p = SplitNameParts("Дмитрий Иванов / Дмитро Іванов");
  EXPECT_FALSE(p.whole);
  EXPECT_THAT(p.parts, ElementsAre("Дмитрий Иванов", "Дмитро Іванов"));
  p = SplitNameParts("Tong Hung San (Chong Chon Gang)");
  EXPECT_TRUE(p.whole);
  EXPECT_THAT(p.parts, ElementsAre("Chong Chon Gang", "Tong Hung San"));
  // A parenthesis the list left open is a part all the same.
  p = SplitNameParts("Igor GIRKIN) (a.k.a. Igor STRELKOV");
  EXPECT_THAT(p.parts, ElementsAre("a.k.a. Igor STRELKOV", "Igor GIRKIN"));
  // A slash inside a word parts nothing; a plain name has no parts.
  EXPECT_THAT(SplitNameParts("RAHMAN S/O ALI").parts, IsEmpty());
  EXPECT_THAT(SplitNameParts("SEA STAR").parts, IsEmpty());
  EXPECT_TRUE(SplitNameParts("SEA STAR").whole);
}

TEST(LooseKeysTest, KoreanRomanisations) {
  const auto k = [](const char* w) { return RomanisedKoreanKey(SpellingKey(w)); };
  EXPECT_EQ(k("jang"), k("chang"));
  EXPECT_EQ(k("jin"), k("chin"));
  EXPECT_EQ(k("do"), k("to"));
  EXPECT_EQ(k("myong"), k("myeong"));
  EXPECT_EQ(k("chonmyong"), k("jonmyeong"));  // Two syllables.
  EXPECT_NE(k("jang"), k("jong"));
  EXPECT_NE(k("jang"), "");
  EXPECT_EQ(k("park"), "");  // No syllable ends in "rk".
  EXPECT_EQ(k("pakistan"), "");
  EXPECT_EQ(k("1718"), "");
}

TEST(LooseKeysTest, SoftYo) {
  EXPECT_EQ(SoftYoKey(SpellingKey("artyom")), "artem");
  EXPECT_EQ(SoftYoKey(SpellingKey("kiselyov")), "kiselev");
  EXPECT_EQ(SoftYoKey(SpellingKey("fyodor")), "fedor");
  EXPECT_EQ(SoftYoKey(SpellingKey("artem")), "");
  EXPECT_EQ(SoftYoKey(SpellingKey("yolkin")), "");  // Not after a consonant.
}

TEST(LooseKeysTest, EastSlavicNameForms) {
  const auto k = [](const char* w) { return NameFormKey(SpellingKey(LatinFold(w))); };
  EXPECT_EQ(k("Vladimir"), k("Volodymyr"));
  EXPECT_EQ(k("Volodimir"), k("Uladzimir"));  // From Cyrillic "Володимир".
  EXPECT_EQ(k("Pavel"), k("Pavlo"));
  EXPECT_EQ(k("Nikolaevich"), k("Mykolayovych"));
  EXPECT_EQ(k("Nikolaevich"), k("Mikolayovich"));
  EXPECT_EQ(k("Oleksandrovych"), k("Aleksandrovich"));
  EXPECT_EQ(k("Nikolaevna"), k("Nikolaevich"));
  // A given name is no patronymic, and other names have no form key.
  EXPECT_NE(k("Nikolai"), k("Nikolaevich"));
  EXPECT_NE(k("Nikolai"), "");
  EXPECT_NE(k("Pavel"), k("Petr"));
  EXPECT_NE(k("Vladimir"), "");
  EXPECT_EQ(k("Shoigu"), "");
}

TEST(IsPatronymicTest, Suffixes) {
  EXPECT_TRUE(IsPatronymic("kuzhugetovich"));
  EXPECT_TRUE(IsPatronymic("ivanovna"));
  EXPECT_FALSE(IsPatronymic("ovich"));
  EXPECT_FALSE(IsPatronymic("shoigu"));
}

TEST(SplitNameTest, FormWordsTypedWrong) {
  const auto near = [](absl::string_view w) { return NearFormWord(SpellingKey(w)); };
  EXPECT_TRUE(near("compnay"));     // Two letters swapped.
  EXPECT_TRUE(near("copany"));      // One dropped.
  EXPECT_TRUE(near("pujsc"));       // One added.
  EXPECT_TRUE(near("limitid"));     // One changed.
  EXPECT_FALSE(near("company"));    // The form word itself.
  EXPECT_FALSE(near("comptoir"));   // Two edits.
  EXPECT_FALSE(near("llcc"));       // Under five letters.
  EXPECT_FALSE(near("kompas"));
}

// Words of Russian organisations' names as SplitName transliterates them,
// inflected, meet the English words the lists translate them by.
TEST(LooseKeysTest, RussianOrganisationWordsAndTheirTranslations) {
  const auto k = [](absl::string_view name) {
    std::vector<std::string> keys;
    for (const std::string& w : SplitName(name).words) keys.push_back(GlossKey(SpellingKey(w)));
    return keys;
  };
  const std::vector<std::string> ru =
      k("Государственный ракетный центр Нижегородский завод объединение предприятия");
  const std::vector<std::string> en = k("State Rocket Center Nizhny Plant Association Enterprise");
  ASSERT_EQ(ru.size(), 7u);
  ASSERT_EQ(en.size(), 7u);
  for (size_t i : {0, 1, 2, 4, 5, 6}) {
    EXPECT_NE(ru[i], "") << i;
    EXPECT_EQ(ru[i], en[i]) << i;
  }
  EXPECT_EQ(ru[3], "");  // A place's adjective is no word of the glossary.
  EXPECT_EQ(GlossKey(SpellingKey("zavodom")), GlossKey(SpellingKey("factory")));
  EXPECT_NE(GlossKey(SpellingKey("zavod")), GlossKey(SpellingKey("institute")));
  EXPECT_EQ(GlossKey(SpellingKey("zavodskoykomplex")), "");  // Too long for an ending.
}

}  // namespace
}  // namespace embargo::text_internal
