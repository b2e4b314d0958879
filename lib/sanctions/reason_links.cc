// Links that designation reasons state. See embargo/reason_links.h.

#include "embargo/reason_links.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "embargo/import/countries.h"

namespace embargo {
namespace {

constexpr absl::string_view kArmsForState = "arms-for-state";
constexpr absl::string_view kArmsFromTo = "arms-from-to";

// The states the rules know, by name, adjective and capital.
struct Phrase {
  absl::string_view text;  // Lower case.
  absl::string_view code;
  bool adjective;
};
constexpr Phrase kStates[] = {
    {"democratic people's republic of korea", "PRK", false},
    {"democratic people\xE2\x80\x99s republic of korea", "PRK", false},
    {"north korean", "PRK", true},
    {"north korea", "PRK", false},
    {"dprk", "PRK", false},
    {"pyongyang", "PRK", false},
    {"russian federation", "RUS", false},
    {"russian", "RUS", true},
    {"russia", "RUS", false},
    {"moscow", "RUS", false},
    {"islamic republic of iran", "IRN", false},
    {"iranian", "IRN", true},
    {"iran", "IRN", false},
    {"tehran", "IRN", false},
    {"syrian arab republic", "SYR", false},
    {"syrian", "SYR", true},
    {"syria", "SYR", false},
    {"damascus", "SYR", false},
    {"belarusian", "BLR", true},
    {"belarus", "BLR", false},
    {"minsk", "BLR", false},
    {"people's republic of china", "CHN", false},
    {"chinese", "CHN", true},
    {"china", "CHN", false},
    {"beijing", "CHN", false},
    {"ukrainian", "UKR", true},
    {"ukraine", "UKR", false},
    {"kyiv", "UKR", false},
    {"myanmar", "MMR", false},
    {"burmese", "MMR", true},
    {"burma", "MMR", false},
    {"cuban", "CUB", true},
    {"cuba", "CUB", false},
    {"venezuelan", "VEN", true},
    {"venezuela", "VEN", false},
    {"libyan", "LBY", true},
    {"libya", "LBY", false},
    {"yemeni", "YEM", true},
    {"yemen", "YEM", false},
    {"south sudan", "SSD", false},
    {"sudanese", "SDN", true},
    {"sudan", "SDN", false},
};

struct Arms {
  absl::string_view text;
  v1::ItemCategory item;
};
constexpr Arms kArms[] = {
    {"artillery shells", v1::ITEM_ARTILLERY_AMMUNITION},
    {"artillery ammunition", v1::ITEM_ARTILLERY_AMMUNITION},
    {"artillery rounds", v1::ITEM_ARTILLERY_AMMUNITION},
    {"ballistic missiles", v1::ITEM_MISSILES},
    {"ballistic missile", v1::ITEM_MISSILES},
    {"missiles", v1::ITEM_MISSILES},
    {"missile", v1::ITEM_MISSILES},
    {"rockets", v1::ITEM_ROCKETS},
    {"unmanned aerial vehicles", v1::ITEM_DRONES},
    {"unmanned aerial vehicle", v1::ITEM_DRONES},
    {"uavs", v1::ITEM_DRONES},
    {"uav", v1::ITEM_DRONES},
    {"drones", v1::ITEM_DRONES},
    {"small arms", v1::ITEM_SMALL_ARMS},
    {"firearms", v1::ITEM_SMALL_ARMS},
    {"ammunition", v1::ITEM_AMMUNITION},
    {"munitions", v1::ITEM_ARMS_GENERAL},
    {"armaments", v1::ITEM_ARMS_GENERAL},
    {"arms", v1::ITEM_ARMS_GENERAL},
    {"weapons", v1::ITEM_ARMS_GENERAL},
    {"weapon", v1::ITEM_ARMS_GENERAL},
    {"military equipment", v1::ITEM_ARMS_GENERAL},
    {"materiel", v1::ITEM_ARMS_GENERAL},
};

bool IsWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool WholeWordAt(absl::string_view s, size_t at, size_t len) {
  // A right single quotation mark (U+2019, "Russia’s") ends a word too.
  return (at == 0 || !IsWordChar(s[at - 1])) &&
         (at + len == s.size() || !IsWordChar(s[at + len]) ||
          absl::StartsWith(s.substr(at + len), "\xE2\x80\x99"));
}

// Lower-case words (letters, digits, apostrophes) of `s`.
std::vector<std::string> Words(absl::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (IsWordChar(c) || c == '\'') {
      w.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// The words before `at`, nearest last, without a trailing "the".
std::vector<std::string> WordsBefore(absl::string_view s, size_t at) {
  std::vector<std::string> w = Words(s.substr(0, at));
  if (!w.empty() && w.back() == "the") w.pop_back();
  return w;
}

// Whether the mention is of a state acted against or a place, not a party.
// `owner`: the mention is a possessive ("in Russia's war"), which names a
// party even after "in".
bool NotAParty(absl::string_view s, const StateMention& m, bool owner = false) {
  std::vector<std::string> w = WordsBefore(s, m.begin);
  if (w.empty()) return false;
  const std::string& last = w.back();
  if (last == "against") return true;
  if (!owner && (last == "in" || last == "into" || last == "on")) return true;
  if (last == "of" && w.size() >= 2) {
    static const auto* kOf = new std::set<std::string>{
        "invasion", "occupation", "territory", "integrity", "sovereignty",
        "independence", "stability", "security", "people", "citizens"};
    return kOf->contains(w[w.size() - 2]);
  }
  return false;
}

}  // namespace

std::vector<std::string> SplitSentences(absl::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  const auto flush = [&] {
    absl::string_view t = absl::StripAsciiWhitespace(cur);
    if (t.size() >= 3) out.emplace_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      flush();
      continue;
    }
    // " | " joins the parts of a note (UN comments, designation).
    if (c == '|' && i > 0 && text[i - 1] == ' ' && i + 1 < text.size() &&
        text[i + 1] == ' ') {
      flush();
      continue;
    }
    cur.push_back(c);
    if ((c == '.' || c == ';') && i + 2 < text.size() && text[i + 1] == ' ' &&
        (absl::ascii_isupper(static_cast<unsigned char>(text[i + 2])) ||
         (c == '.' && static_cast<unsigned char>(text[i + 2]) >= 0x80))) {
      // "U.S. Treasury", "Mr. Kim" and "No. 5" are not ends: a single
      // letter or a short title before the dot.
      size_t k = cur.size() - 1;
      while (k > 0 && IsWordChar(cur[k - 1])) --k;
      const std::string word =
          absl::AsciiStrToLower(cur.substr(k, cur.size() - 1 - k));
      static const auto* kTitles = new std::set<std::string>{
          "mr", "mrs", "ms", "dr", "no", "nos", "st", "jr", "vs", "gen", "col"};
      if (c == ';' || (word.size() != 1 && !kTitles->contains(word))) flush();
    }
  }
  flush();
  return out;
}

std::vector<StateMention> StateMentions(absl::string_view sentence) {
  const std::string lower = absl::AsciiStrToLower(sentence);
  std::vector<StateMention> out;
  std::vector<bool> taken(lower.size(), false);
  for (const Phrase& p : kStates) {  // Longest phrases of a state come first.
    size_t at = 0;
    while ((at = lower.find(p.text.data(), at, p.text.size())) != std::string::npos) {
      const size_t len = p.text.size();
      bool free = true;
      for (size_t k = at; k < at + len; ++k) free = free && !taken[k];
      // "Russia's" / "Russia’s" are whole words too.
      if (free && WholeWordAt(lower, at, len)) {
        for (size_t k = at; k < at + len; ++k) taken[k] = true;
        out.push_back({std::string(p.code), at, at + len, p.adjective});
      }
      at += len;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const StateMention& a, const StateMention& b) {
              return a.begin < b.begin;
            });
  return out;
}

std::vector<ArmsWord> ArmsWords(absl::string_view sentence) {
  const std::string lower = absl::AsciiStrToLower(sentence);
  std::vector<ArmsWord> out;
  std::vector<bool> taken(lower.size(), false);
  for (const Arms& a : kArms) {
    size_t at = 0;
    while ((at = lower.find(a.text.data(), at, a.text.size())) != std::string::npos) {
      const size_t len = a.text.size();
      bool free = true;
      for (size_t k = at; k < at + len; ++k) free = free && !taken[k];
      if (free && WholeWordAt(lower, at, len)) {
        for (size_t k = at; k < at + len; ++k) taken[k] = true;
        out.push_back({at, at + len, a.item, std::string(sentence.substr(at, len))});
      }
      at += len;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const ArmsWord& a, const ArmsWord& b) { return a.begin < b.begin; });
  return out;
}

std::vector<std::string> ArmsForState(absl::string_view sentence) {
  if (ArmsWords(sentence).empty()) return {};
  static const auto* kForces = new std::set<std::string>{
      "military", "army", "armed", "defence", "defense", "forces", "war",
      "government", "ministry", "troops", "navy"};
  std::vector<std::string> out;
  const std::string lower = absl::AsciiStrToLower(sentence);
  const std::vector<StateMention> mentions = StateMentions(sentence);
  // A state the sentence names as attacked ("against Ukraine", "into
  // Ukraine", "invasion of Ukraine") is no beneficiary anywhere in it.
  std::set<std::string> attacked;
  for (const StateMention& m : mentions) {
    std::vector<std::string> w = WordsBefore(sentence, m.begin);
    if (!w.empty() && (w.back() == "against" || w.back() == "into" ||
                       (w.back() == "of" && w.size() >= 2 &&
                        (w[w.size() - 2] == "invasion" ||
                         w[w.size() - 2] == "occupation")))) {
      attacked.insert(m.code);
    }
  }
  for (const StateMention& m : mentions) {
    if (attacked.contains(m.code)) continue;
    absl::string_view rest = absl::string_view(lower).substr(m.end);
    const bool possessive = absl::ConsumePrefix(&rest, "'s") ||
                            absl::ConsumePrefix(&rest, "\xE2\x80\x99s");
    if (NotAParty(sentence, m, possessive)) continue;
    bool beneficiary = false;
    std::vector<std::string> before = WordsBefore(sentence, m.begin);
    // "seized weapons from the Ukrainian armed forces": a source, not a
    // beneficiary; "to overwhelm Ukrainian defence systems": a target.
    static const auto* kHostile = new std::set<std::string>{
        "from", "overwhelm", "attack", "attacks", "attacking", "target",
        "targets", "targeting", "strike", "strikes", "destroy", "suppress",
        "hit", "hitting", "defeat", "disable", "deprive", "launch", "fire"};
    bool hostile = false;
    for (size_t k = before.size() > 2 ? before.size() - 2 : 0; k < before.size(); ++k) {
      hostile = hostile || kHostile->contains(before[k]);
    }
    if (hostile) continue;
    // "to the Government of Russia": look past "government of".
    if (before.size() >= 2 && before.back() == "of" &&
        before[before.size() - 2] == "government") {
      before.resize(before.size() - 2);
      if (!before.empty() && before.back() == "the") before.pop_back();
    }
    if (!before.empty()) {
      static const auto* kTo = new std::set<std::string>{
          "to", "for", "supporting", "support", "supports", "supported",
          "supplying", "supplied"};
      beneficiary = kTo->contains(before.back());
      // "launch rockets to Ukraine": where fire goes is no beneficiary.
      for (size_t k = before.size() > 4 ? before.size() - 4 : 0;
           beneficiary && k + 1 < before.size(); ++k) {
        if (before[k] != "from" && kHostile->contains(before[k])) beneficiary = false;
      }
    }
    // "Russia's military", "Russia’s war", "Russian Armed Forces".
    std::vector<std::string> after = Words(rest);
    if (!after.empty() && (m.adjective || possessive) &&
        kForces->contains(after[0])) {
      beneficiary = true;
    }
    if (beneficiary &&
        std::find(out.begin(), out.end(), m.code) == out.end()) {
      out.push_back(m.code);
    }
  }
  return out;
}

std::optional<StatedTransfer> ArmsFromTo(absl::string_view sentence) {
  const std::vector<ArmsWord> arms = ArmsWords(sentence);
  if (arms.empty()) return std::nullopt;
  const std::vector<StateMention> states = StateMentions(sentence);
  const std::string lower = absl::AsciiStrToLower(sentence);
  static const auto* kFiring = new std::set<std::string>{
      "fire", "fired", "fires", "firing", "launch", "launched", "launches",
      "launching", "strike", "strikes", "struck", "shell", "shelled"};
  for (const ArmsWord& w : arms) {
    // Arms fired or launched at a place are an attack, not a transfer.
    std::vector<std::string> lead = WordsBefore(sentence, w.begin);
    bool firing = false;
    for (size_t k = lead.size() > 3 ? lead.size() - 3 : 0; k < lead.size(); ++k) {
      firing = firing || kFiring->contains(lead[k]);
    }
    if (firing) continue;
    // Source: a state at most two words before the arms word, or
    // "from <state>" after it.
    std::optional<StateMention> from;
    for (const StateMention& m : states) {
      if (m.end <= w.begin &&
          Words(absl::string_view(sentence).substr(m.end, w.begin - m.end)).size() <= 2 &&
          !NotAParty(sentence, m)) {
        from = m;
      }
    }
    if (!from) {
      for (const StateMention& m : states) {
        std::vector<std::string> before = WordsBefore(sentence, m.begin);
        if (m.begin >= w.end && !before.empty() && before.back() == "from") {
          from = m;
          break;
        }
      }
    }
    if (!from) continue;
    // Destination: "to" after the arms word, then a state within 8 words.
    size_t to = w.end;
    while ((to = lower.find("to", to)) != std::string::npos) {
      if (WholeWordAt(lower, to, 2)) break;
      to += 2;
    }
    if (to == std::string::npos) continue;
    for (const StateMention& m : states) {
      if (m.begin <= to || m.code == from->code) continue;
      if (Words(absl::string_view(sentence).substr(to + 2, m.begin - to - 2)).size() > 8) {
        break;
      }
      std::vector<std::string> before = WordsBefore(sentence, m.begin);
      if (!before.empty() && (before.back() == "against" || before.back() == "into")) {
        continue;
      }
      return StatedTransfer{from->code, m.code, w.item, w.word};
    }
  }
  return std::nullopt;
}

ReasonLinks DeriveReasonLinks(const v1::Dataset& data) {
  ReasonLinks out;
  out.by_rule[std::string(kArmsForState)] = 0;
  out.by_rule[std::string(kArmsFromTo)] = 0;
  absl::flat_hash_map<std::string, const v1::Actor*> actors;
  for (const v1::Actor& a : data.actors()) actors[a.id()] = &a;
  absl::flat_hash_set<std::string> done;   // rule|actor|states|sentence
  std::map<std::string, std::string> states;  // Code -> a source id.
  int64_t serial = 0;
  for (const v1::Sanction& s : data.sanctions()) {
    std::vector<std::string> texts;
    for (const v1::Evidence& e : s.evidence()) {
      if (!e.quote().empty()) texts.push_back(e.quote());
    }
    if (!s.remarks().empty()) texts.push_back(s.remarks());
    const std::string source =
        s.evidence_size() > 0 ? s.evidence(0).source_id() : std::string();
    // The target's note (OFAC's remarks) is read only where it comes from
    // the sanction's own list: an actor merged across lists carries the
    // notes of all of them, and a sentence of one list must not be cited
    // as the reason of another's sanction.
    auto target = actors.find(s.target_id());
    if (target != actors.end() && !target->second->note().empty() &&
        !source.empty() && target->second->evidence_size() > 0 &&
        std::all_of(target->second->evidence().begin(),
                    target->second->evidence().end(),
                    [&](const v1::Evidence& e) { return e.source_id() == source; })) {
      texts.push_back(target->second->note());
    }
    if (texts.empty()) continue;
    ++out.sanctions_read;
    std::set<std::string> sentences;
    for (const std::string& t : texts) {
      for (std::string& x : SplitSentences(t)) {
        // "...;" and "..." are one sentence.
        while (!x.empty() && (x.back() == ';' || x.back() == ',')) x.pop_back();
        sentences.insert(std::move(x));
      }
    }
    const std::string& actor = s.target_id();
    const auto evidence = [&](v1::Evidence& ev, const std::string& sentence,
                              absl::string_view rule) {
      ev.set_source_id(source);
      ev.set_quote(sentence);
      ev.set_locator(absl::StrCat("designation reason of sanction ", s.id(),
                                  "; rule ", rule));
    };
    for (const std::string& sentence : sentences) {
      ++out.sentences_read;
      for (const std::string& state : ArmsForState(sentence)) {
        if (state == actor ||
            !done.insert(absl::StrCat(kArmsForState, "|", actor, "|", state, "|",
                                      sentence)).second) {
          continue;
        }
        v1::Relation& r = *out.links.add_relations();
        r.set_id(absl::StrCat("RL-", actor, "-SUPPORT-", state, "-", ++serial));
        r.set_kind(v1::RELATION_KIND_SUPPORT);
        r.set_subject_id(actor);
        r.set_object_id(state);
        r.set_role(absl::StrCat("arms, as the designation reason states (rule ",
                                kArmsForState, ")"));
        r.set_status(v1::STATUS_ALLEGED);
        evidence(*r.add_evidence(), sentence, kArmsForState);
        states.emplace(state, source);
        ++out.by_rule[std::string(kArmsForState)];
        out.lines.push_back(absl::StrCat(kArmsForState, "  ", actor, " -> ",
                                         state, "  \"", sentence, "\""));
      }
      if (std::optional<StatedTransfer> t = ArmsFromTo(sentence)) {
        if (t->from == actor || t->to == actor ||
            !done.insert(absl::StrCat(kArmsFromTo, "|", actor, "|", t->from,
                                      ">", t->to, "|", sentence)).second) {
          continue;
        }
        v1::Transfer& x = *out.links.add_transfers();
        x.set_id(absl::StrCat("RL-", actor, "-TRANSFER-", t->from, "-", t->to,
                              "-", ++serial));
        x.set_supplier_id(t->from);
        x.set_recipient_id(t->to);
        x.add_intermediary_ids(actor);
        x.set_item(t->item);
        x.set_designation(t->words);
        x.set_status(v1::STATUS_ALLEGED);
        x.set_note(absl::StrCat(
            "stated in the designation reason of sanction ", s.id(),
            " (rule ", kArmsFromTo, "); the text gives no date or quantity"));
        evidence(*x.add_evidence(), sentence, kArmsFromTo);
        states.emplace(t->from, source);
        states.emplace(t->to, source);
        ++out.by_rule[std::string(kArmsFromTo)];
        out.lines.push_back(absl::StrCat(kArmsFromTo, "  ", t->from, " -> ",
                                         actor, " -> ", t->to, " (", t->words,
                                         ")  \"", sentence, "\""));
      }
    }
  }
  // The states the links name, so that the links load beside any list.
  for (const auto& [code, source] : states) {
    if (actors.contains(code)) continue;
    *out.links.add_actors() = StateActor(code, source);
  }
  return out;
}

}  // namespace embargo
