// Links that designation reasons state, derived by transparent rules.
//
// A sanction's reason (OFAC remarks, EU "grounds", UN narrative summaries,
// OpenSanctions `reason`) often says in words what the listing is about:
// "shipping North Korean armaments from Pyongyang to military facilities in
// the Russian port of Dunai". DeriveReasonLinks reads the reason of every
// sanction (its evidence quotes, its remarks and the target's note, where
// the importers keep the list's own words; the note only when the target's
// records all come from the sanction's source, since an actor merged across
// lists carries every list's note), splits it into sentences and
// applies each rule to each sentence. A rule writes a record of status
// ALLEGED whose evidence quotes the sentence, names the list's source and,
// in its locator, the sanction and the rule ("method"). Rules never invent
// an item, a date or a direction: a link has no date, its item is the arms
// word the sentence uses (ARMS_GENERAL when none is more precise), and a
// direction only when the sentence gives it.
//
// The rules (each a function below, tested on its own):
//   - arms-for-state: a sentence with an arms word ("arms", "weapons",
//     "munitions", "ammunition", "missiles", "rockets", "UAVs", "drones",
//     "armaments", "materiel", ...) that names a state as the beneficiary:
//     "to <state>", "for <state>", "<state>'s military|army|armed forces|
//     defence|war", "<state adjective> military|army|armed forces|defence|
//     forces|Ministry of Defence" -> Relation SUPPORT from the listed actor
//     to the state. States named after "against", "invasion of",
//     "occupation of" or as a place ("in <state>") are not beneficiaries.
//   - arms-from-to: a sentence with an arms word, a source state (the state
//     or its adjective or capital at most two words before the arms word,
//     or "from <state or capital>") and a destination state ("to" followed
//     within eight words by a state, its adjective or capital), the two
//     different -> Transfer from the source to the destination through the
//     listed actor (one transfer_via leg on each side of it).
// States are found by a documented table of names, adjectives and capitals
// (StateMentions): "North Korea", "North Korean", "DPRK", "Democratic
// People's Republic of Korea", "Pyongyang" -> PRK; "Russia", "Russian",
// "Russian Federation", "Moscow" -> RUS; likewise IRN, SYR, BLR, CHN, UKR,
// MMR, CUB, VEN, LBY, YEM, SDN, BLR.
//
// Thread safety: pure functions.

#ifndef EMBARGO_REASON_LINKS_H_
#define EMBARGO_REASON_LINKS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "embargo/v1/dataset.pb.h"

namespace embargo {

// SplitSentences splits a reason into sentences (at ". ", "; " followed by
// an upper-case letter, and line breaks), trimmed.
std::vector<std::string> SplitSentences(absl::string_view text);

// A state named in a sentence.
struct StateMention {
  std::string code;     // ISO alpha-3 ("PRK").
  size_t begin = 0;     // Byte offsets in the sentence.
  size_t end = 0;
  bool adjective = false;  // "North Korean", "Russian".
};
// StateMentions finds the states of the table in `sentence`, left to right,
// whole words only, longest phrase first.
std::vector<StateMention> StateMentions(absl::string_view sentence);

// An arms word of a sentence and the item it names.
struct ArmsWord {
  size_t begin = 0, end = 0;
  v1::ItemCategory item = v1::ITEM_ARMS_GENERAL;
  std::string word;
};
// ArmsWords finds the arms words of `sentence`, left to right.
std::vector<ArmsWord> ArmsWords(absl::string_view sentence);

// The rules, one sentence at a time.
// ArmsForState: the states a sentence names as beneficiaries of arms.
std::vector<std::string> ArmsForState(absl::string_view sentence);
// ArmsFromTo: the transfer a sentence states, if it gives both ends.
struct StatedTransfer {
  std::string from, to;  // ISO alpha-3.
  v1::ItemCategory item = v1::ITEM_ARMS_GENERAL;
  std::string words;  // The arms word as written ("armaments").
};
std::optional<StatedTransfer> ArmsFromTo(absl::string_view sentence);

// ReasonLinks is what DeriveReasonLinks made.
struct ReasonLinks {
  // The derived relations and transfers (and the state actors they name),
  // to be loaded beside the lists they came from.
  v1::Dataset links;
  int64_t sanctions_read = 0;     // Sanctions whose reason was read.
  int64_t sentences_read = 0;
  std::map<std::string, int64_t> by_rule;  // Links made by each rule.
  // One line per link: rule, listed actor, states, and the sentence.
  std::vector<std::string> lines;
};

// DeriveReasonLinks applies the rules to the reasons of the sanctions in
// `data`. A (rule, actor, states, sentence) is written once however many
// sanctions repeat it.
ReasonLinks DeriveReasonLinks(const v1::Dataset& data);

}  // namespace embargo

#endif  // EMBARGO_REASON_LINKS_H_
