#include "lib/io/import/json_tape.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/text/utf8.h"
#include "nlohmann/json.hpp"

namespace embargo::import_internal {
namespace {

using ::testing::HasSubstr;
using Type = JsonTape::Type;

TEST(JsonTapeTest, FlatTapeOfAnObject) {
  JsonTape t;
  ASSERT_FALSE(
      t.Parse(R"( {"id": "p1", "n": [1, -2.5e3, true, null], "o": {}} )"));
  // object, "id", "p1", "n", array, 1, -2.5e3, true, null, "o", {}.
  ASSERT_EQ(t.size(), 11u);
  EXPECT_EQ(t[0].type, Type::kObject);
  EXPECT_EQ(t[0].end, 11u);
  EXPECT_EQ(t[1].text, "id");
  EXPECT_EQ(t[2].text, "p1");
  EXPECT_EQ(t[4].type, Type::kArray);
  EXPECT_EQ(t[4].end, 9u);
  EXPECT_EQ(t[5].text, "1");
  EXPECT_EQ(t[6].text, "-2.5e3");
  EXPECT_EQ(t[7].type, Type::kTrue);
  EXPECT_EQ(t[8].type, Type::kNull);
  EXPECT_EQ(t[9].text, "o");
  EXPECT_EQ(t[10].type, Type::kObject);
  EXPECT_EQ(t[10].end, 11u);
}

TEST(JsonTapeTest, MemberSkipsNestedValues) {
  JsonTape t;
  ASSERT_FALSE(t.Parse(
      R"({"a": {"id": "inner"}, "id": "outer", "b": [[1], {"id": 2}]})"));
  const uint32_t id = t.Member(0, "id");
  ASSERT_NE(id, 0u);
  EXPECT_EQ(t[id].text, "outer");
  const uint32_t a = t.Member(0, "a");
  ASSERT_NE(a, 0u);
  EXPECT_EQ(t[t.Member(a, "id")].text, "inner");
  EXPECT_EQ(t.Member(0, "missing"), 0u);
  // A repeated key: the last value, as a DOM parser keeps it.
  JsonTape twice;
  ASSERT_FALSE(twice.Parse(R"({"id": "first", "x": 1, "id": "second"})"));
  EXPECT_EQ(twice[twice.Member(0, "id")].text, "second");
  const uint32_t b = t.Member(0, "b");
  EXPECT_EQ(t[b].type, Type::kArray);
  EXPECT_EQ(t[b].end, t.size());
}

TEST(JsonTapeTest, EscapesAreUndone) {
  JsonTape t;
  ASSERT_FALSE(t.Parse(
      R"(["a\"b\\c\/d\n\t", "\u0416\u0443k", "\ud83d\ude00", "plain"])"));
  EXPECT_EQ(t[1].text, "a\"b\\c/d\n\t");
  EXPECT_EQ(t[2].text, "\xD0\x96\xD1\x83k");  // Жук
  EXPECT_EQ(t[3].text, "\xF0\x9F\x98\x80");   // U+1F600
  EXPECT_EQ(t[4].text, "plain");
  // The tape is reused: a second parse replaces the first.
  ASSERT_FALSE(t.Parse(R"("\u00e9")"));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "\xC3\xA9");
}

TEST(JsonTapeTest, ErrorsSayWhereAndWhat) {
  JsonTape t;
  struct Case {
    std::string json;
    int64_t offset;
    std::string what;
  };
  const std::vector<Case> cases = {
      {R"({"id": "x")", 10, "expected ',' or '}'"},
      {R"({"id" "x"})", 6, "expected ':'"},
      {R"({id: 1})", 1, "expected a member name"},
      {R"([1, 2,])", 6, "expected a value"},
      {R"([01])", 2, "expected ',' or ']'"},
      {R"([1.])", 3, "expected a digit after '.'"},
      {R"([tru])", 4, "expected 'true'"},
      {R"(["a\x"])", 3, "unknown escape"},
      {R"(["\ud800"])", 2, "high surrogate"},
      {R"(["\udc00"])", 2, "low surrogate"},
      {R"(["\u12"])", 2, "four hexadecimal digits"},
      {"[\"a\tb\"]", 3, "control character 0x09"},
      {R"({} {})", 3, "after the value"},
      {"", 0, "expected a value"},
      {R"(["abc)", 5, "in a string"},
  };
  for (const Case& c : cases) {
    std::optional<JsonTape::Error> e = t.Parse(c.json);
    ASSERT_TRUE(e.has_value()) << c.json;
    EXPECT_EQ(e->offset, c.offset) << c.json;
    EXPECT_THAT(e->message, HasSubstr(c.what)) << c.json;
    EXPECT_EQ(e->kind, JsonTape::Error::kSyntax) << c.json;
  }
}

TEST(JsonTapeTest, DepthAndRange) {
  JsonTape t;
  EXPECT_FALSE(t.Parse("[[[1]]]", 3));
  std::optional<JsonTape::Error> e = t.Parse("[[[[1]]]]", 3);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, JsonTape::Error::kDepth);
  EXPECT_EQ(e->offset, 3);  // The fourth opener.
  e = t.Parse("[1e999]");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, JsonTape::Error::kRange);
  EXPECT_EQ(e->offset, 1);
  EXPECT_FALSE(t.Parse("[1e-999, -0, 0.5E+2]"));  // Underflow is zero.
}

// Every key and string value of a JSON text in order of appearance, as
// nlohmann's SAX parser reports them (a DOM would keep one of two members
// of the same name, and real exports repeat names).
struct StringCollector : nlohmann::json_sax<nlohmann::json> {
  std::vector<std::string> strings;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t& s) override {
    strings.push_back(s);
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t& s) override {
    strings.push_back(s);
    return true;
  }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception&) override {
    return false;
  }
};

// Parses `json` both ways: nullopt when the SAX parser refuses it, else
// whether the tape read the same strings in the same order.
std::optional<bool> SameStrings(JsonTape& t, const std::string& json) {
  StringCollector sax;
  if (!nlohmann::json::sax_parse(json, &sax)) return std::nullopt;
  if (t.Parse(json)) return false;
  std::vector<std::string> got;
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (t[i].type == Type::kString) got.emplace_back(t[i].text);
  }
  return got == sax.strings;
}

TEST(JsonTapeTest, AgreesWithNlohmannOnMutatedLines) {
  const std::vector<std::string> seeds = {
      R"({"id":"gen-P-0","schema":"Person","properties":{"name":["Omar \"O\" Ivanova","\u738b\u4f1f"],"birthDate":["1974-09-02"]},"referents":[],"datasets":["eu_fsf"],"target":true,"n":-1.5e-3})",
      R"({"id": "s1", "schema": "Sanction", "properties": {"entity": [{"id": "c2", "schema": "Company"}], "amount": [12, 0.5]}, "x": null})",
      R"(["\ud83d\ude00", "a\\b", "tab\there", {}, [], [[]], false])",
  };
  const std::string alphabet =
      "{}[]\",:\\ u0123456789abcdefetrnlsE.-+\x01\xC3\xA9";
  std::mt19937 rng(20261205);
  JsonTape t;
  int accepted = 0, refused = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s = seeds[round % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits && !s.empty(); ++k) {
      const size_t at = rng() % s.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          s[at] = c;
          break;
        case 1:
          s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        default:
          s.erase(at, 1 + rng() % 3);
          break;
      }
    }
    // The tape is given valid UTF-8 only (the importer checks it first).
    if (!text::IsValidUtf8(s, nullptr)) continue;
    bool dom_ok = true;
    try {
      nlohmann::json::parse(s);
    } catch (const nlohmann::json::exception&) {
      dom_ok = false;
    }
    std::optional<JsonTape::Error> e = t.Parse(s);
    // nlohmann refuses a number beyond a double's range too; both then
    // refuse, for different reasons.
    ASSERT_EQ(!e.has_value(), dom_ok) << s << "\n" << (e ? e->message : "");
    if (!dom_ok) {
      ++refused;
      continue;
    }
    ++accepted;
    EXPECT_EQ(SameStrings(t, s), std::optional<bool>(true)) << s;
  }
  // The mutations hit both sides.
  EXPECT_GT(accepted, 1000);
  EXPECT_GT(refused, 1000);
}

// Every line of the real FtM and OpenSanctions exports in ../shared/data
// reads the same through the tape as through nlohmann's SAX parser, the
// repeated property names of the PEP export included.
TEST(JsonTapeTest, AgreesWithNlohmannOnTheRealExports) {
  const std::string data = EMBARGO_SHARED_DATA_DIR;
  JsonTape t;
  int64_t lines = 0, strings = 0;
  for (const char* file :
       {"/ftm/t1_entities.ftm.json", "/ftm/zala_entities.ftm.json",
        "/opensanctions/wd_peps_2024-03/entities.ftm.json",
        "/opensanctions/wd_peps_2024-03/targets.nested.json",
        "/opensanctions/wd_peps_2024-03/senzing.json"}) {
    std::ifstream in(data + file);
    ASSERT_TRUE(in) << file;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      ++lines;
      ASSERT_EQ(SameStrings(t, line), std::optional<bool>(true))
          << file << ": " << line.substr(0, 80);
      strings += t.size();
    }
  }
  EXPECT_EQ(lines, 1682);
  EXPECT_GT(strings, 80000);  // Nodes read and compared.
}

}  // namespace
}  // namespace embargo::import_internal
