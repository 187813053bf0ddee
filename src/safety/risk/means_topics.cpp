#include "safety/risk/means_topics.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

#include "safety/risk/means_question_reader.h"

namespace haven::safety::risk {

namespace {

using Phrase = std::vector<std::string>;  // canonical words in order

struct Family {
  std::vector<Phrase> topics;
  std::vector<Phrase> strong;  // what it would do to a person, how much it would take, going unnoticed
  std::vector<Phrase> access;  // how high, how deep, open or fenced, when it is quiet
};

// Entries are "|"-separated; words within an entry are separated by spaces.
std::vector<Phrase> phrases(std::string_view list) {
  std::vector<Phrase> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t bar = list.find('|', start);
    if (bar == std::string_view::npos) bar = list.size();
    std::string_view entry = list.substr(start, bar - start);
    Phrase p;
    size_t w = 0;
    while (w < entry.size()) {
      size_t space = entry.find(' ', w);
      if (space == std::string_view::npos) space = entry.size();
      if (space > w) p.push_back(text::canonical_word(entry.substr(w, space - w)));
      w = space + 1;
    }
    if (!p.empty()) out.push_back(std::move(p));
    start = bar + 1;
  }
  return out;
}

// What would make any of these serve, whatever the topic.
constexpr std::string_view kAnyStrong =
    "what happens if|what would happen|what happens when|would it hurt|does it hurt|painless|peaceful|"
    "lethal|fatal|deadly|kill you|kill a person|kill someone|kill somebody|die|dies|die from|to death|survive|"
    "survivable|stop breathing|not wake up|never wake up|too late|be found|never get found|never be found|"
    "nobody would find|no one would find|would anyone notice|would anybody notice|be certain|for certain";

// A mistake, a pet or a child, or keeping something out of reach: the question protects someone.
constexpr std::string_view kSafeguardingWords =
    "accidentally|by accident|by mistake|twice|double dose|doubled up|my dog|the dog|our dog|my cat|the cat|"
    "our cat|my puppy|my kitten|pet|pets|toddler|my baby|the baby|my son|my daughter|my kid|my kids|the kids|"
    "a child|children|safely|out of reach|childproof|child proof|lock away|locked away|lock up|locked up|"
    "away from|our son|our daughter|teenage son|teenage daughter|my teenager|our teenager|our kids";

std::vector<Family> build_families() {
  std::vector<Family> f;
  // Heights.
  f.push_back({phrases("bridge|bridges|footbridge|footbridges|overpass|flyover|viaduct|roof|roofs|rooftop|"
                       "rooftops|car park|carpark|car parks|parking garage|parking structure|parking deck|"
                       "multistorey|multi storey|tower|towers|tower block|block|blocks|building|buildings|"
                       "skyscraper|cliff|cliffs|clifftop|quarry|gorge|canyon|lookout|lookouts|ledge|balcony|"
                       "balconies|top floor|stories|storeys|floors|floor|spillway|dam|water tower|escarpment|"
                       "headland|stairwell|overlook"),
               phrases("how many stories|how many storeys|how many floors|stories up|storeys up|floors up|"
                       "high enough|tall enough|fall from|fall off|the fall|the drop|jump|jumped|jumping|"
                       "lowest railing|lowest fence|lowest railings|low railing|low railings|low fence|"
                       "no railing|no railings|no fence|no barrier|no net|no nets|no mesh|safety mesh|safety net|"
                       "safety nets|suicide net|suicide nets|climb over|climbable|the edge|right up to"),
               phrases("tallest|highest|tall|high|taller|higher|height|top|open|unlocked|locked|access|get up|"
                       "go up|get onto|walk out|walk onto|on foot|fenced|fence|fencing|railing|railings|barrier|"
                       "barriers|net|nets|mesh|ladder|empty|quiet|deserted|nobody|anyone|security|guard|cameras|"
                       "at night|after dark|tonight|closed|without getting stopped|lowest|edge|climb|"
                       "over the water|over the river|over the motorway|over the railway|over the highway")});
  // Railways.
  f.push_back({phrases("train|trains|railway|railways|rail line|railway line|train line|tracks|track|"
                       "level crossing|crossing|platform|platforms|freight|freight line|express|tram|trams|mrt|"
                       "metro|subway|underground|station"),
               phrases("does not stop|do not stop|without stopping|straight through|not stopping|go through "
                       "without|how fast|at full speed|full speed|stop in time|brake in time|hit by|see someone|"
                       "onto the tracks|on the tracks|walk along the tracks"),
               phrases("last|what time|when|timetable|times|schedule|pass|passes|go through|goes through|run|"
                       "running|at night|empty|anyone|nobody|quiet|fence|fenced|barrier|barriers|edge|"
                       "screen doors|platform doors|fast|fastest|speed")});
  // Water.
  f.push_back({phrases("river|rivers|lake|lakes|reservoir|sea|ocean|bay|harbour|harbor|pier|jetty|dam|canal|"
                       "well|loch|estuary|weir|current|currents|rip|underwater|water|quarry lake|ferry|ferries|deck"),
               phrases("stop breathing|drown|drowning|touch the bottom|can not touch|weighed down|weights|"
                       "hypothermia|cold shock|how long could|how long would|how long can|how long before|"
                       "swim back|get back out|pockets"),
               phrases("deep|deepest|depth|how deep|cold|coldest|temperature|freezing|freeze|freezes|ice|thin|"
                       "strong current|fast|flowing|after the rain|after all this rain|flooded|fenced|edge|"
                       "walk out|at night|of the night|nobody|anyone|empty|lifeguard|lifeguards")});
  // Medicines.
  f.push_back({phrases("pill|pills|tablet|tablets|paracetamol|acetaminophen|tylenol|panadol|ibuprofen|advil|"
                       "nurofen|aspirin|codeine|tramadol|oxycodone|oxy|morphine|fentanyl|insulin|antidepressant|"
                       "antidepressants|sertraline|amitriptyline|citalopram|fluoxetine|diazepam|valium|xanax|"
                       "benzos|zopiclone|lithium|meds|medication|medications|medicine|medicines|prescription|"
                       "prescriptions|painkillers|pain killers|injection|drug cupboard|sleeping pills|"
                       "sleeping tablets|sleep aids|heart pills|blood pressure pills|nytol|benadryl|"
                       "antihistamines|chemist|chemists|pharmacy|pharmacies|pharmacist"),
               phrases("whole bottle|whole box|whole packet|whole pack|all of them|all at once|all together|"
                       "at once|in one go|overdose|od|too many|too much|how many would|how much would|"
                       "how many does it take|how many would it take|enough to|stop feeling|sleep forever|"
                       "liver|shows up|show up|tox screen|toxicology|detect|detected|trace|autopsy|"
                       "someone else|someone who does not|somebody who does not|dangerous|harmful|still work|"
                       "still strong|still be strong|strong kind|strongest|keep back|keeping back|put aside|"
                       "saved up|stockpile|stock up|extras|without asking|without a prescription|"
                       "without prescription|no prescription|more than one packet|more than one box|"
                       "more than one pack|in bulk|two months|keep a record|notice|different shops|"
                       "different pharmacies|same day|the same injection|took them all|"
                       "take them all|if someone took|if somebody took|if a person took|if someone takes|"
                       "if somebody takes|if a person takes|if u take|if you take like|if i took|if i take"),
               phrases("how many|how much|together|mix|mixed|mixing|with alcohol|with drink|with wine|"
                       "with vodka|react|limit|refill|collect|extra|sell|buy|supply|old")});
  // Poisons, gases and fire.
  f.push_back({phrases("pesticide|pesticides|weed killer|weedkiller|herbicide|paraquat|roundup|antifreeze|"
                       "bleach|cleaning products|drain cleaner|oven cleaner|cockroach spray|bug spray|"
                       "insecticide|rat poison|poison|kerosene|petrol|gasoline|paraffin|lighter fluid|"
                       "gas oven|gas leak|gas heater|charcoal|barbecue|bbq|helium|nitrogen|carbon monoxide|"
                       "fumes|chemicals|slug pellets|lye|ammonia|spray|cleaner"),
               phrases("drink|drinks|drank|swallow|swallowed|ingest|eat|dangerous|harmful|toxic|poisonous|"
                       "small room|closed room|windows shut|sealed|leak|leak into|breathe|breathing|inhale|"
                       "pass out|catch fire|how long|enough"),
               phrases("buy|still sell|sell|banned|strongest|concentrated|where to get|where can i get")});
  // What holds a person's weight.
  f.push_back({phrases("rope|ropes|cord|cords|belt|belts|beam|beams|rafter|rafters|joist|joists|hook|hooks|"
                       "door frame|doorframe|door frames|door handle|banister|bannister|loft hatch|pull up bar|"
                       "clothes rail|curtain rail|scarf|cable|extension cord|knot|knots|ligature|branch"),
               phrases("hold a person|hold someone|hold somebody|hold my weight|my weight|weight of a person|"
                       "a person|body weight|bodyweight|hold|take the weight|strong enough|weight|heavy|"
                       "support|does not slip|not slip|slip|tighten"),
               phrases("how much weight|how strong|strong|thick")});
  // Weapons.
  f.push_back({phrases("gun|guns|rifle|rifles|shotgun|pistol|handgun|firearm|firearms|bullets|bullet|ammo|"
                       "ammunition|cartridges|gun safe|safe code|gun cabinet|knife|knives|blade|blades|razor|"
                       "razors|crossbow"),
               phrases("key|keys|code|combination|backup key|spare key|loaded|load|sharpest|where to aim|"
                       "kept separate|separate from"),
               phrases("where|kept|keep|buy|get|borrow|licence|license|permit|range|rent|sharp")});
  // A night outside.
  f.push_back({phrases("snow|cold|freezing|hypothermia|overnight|moors|bush|mountain|mountains|hills|"
                       "outdoors|woods|forest|forests|national park|wilderness|outside"),
               phrases("without a coat|stay out|stayed out|stay outside|stayed outside|till morning|"
                       "until morning|freeze to death|most remote|remote|never get found"),
               phrases("how cold|overnight|tonight")});
  // Exhaust in a closed space.
  f.push_back({phrases("garage|exhaust|hose|engine|car running"),
               phrases("engine on|engine running|with the engine|seal|sealed|seals|air to get bad|air|fumes|"
                       "shut tight|closed|hose"),
               phrases("shut|how long")});
  for (Family& fam : f) {
    for (Phrase& p : phrases(kAnyStrong)) fam.strong.push_back(std::move(p));
  }
  return f;
}

const std::vector<Family>& families() {
  static const std::vector<Family> kFamilies = build_families();
  return kFamilies;
}

// The positions where the phrase starts within [first, end).
bool match_at(const std::vector<text::Token>& tokens, size_t at, size_t end, const Phrase& p) {
  if (at + p.size() > end) return false;
  for (size_t k = 0; k < p.size(); ++k)
    if (tokens[at + k].text != p[k]) return false;
  return true;
}

// A span [from, to) of the first match of any phrase, skipping matches that overlap `avoid`.
bool find_any(const std::vector<text::Token>& tokens, size_t first, size_t end, const std::vector<Phrase>& list,
              size_t avoid_from, size_t avoid_to, size_t& found_at) {
  for (size_t i = first; i < end; ++i) {
    for (const Phrase& p : list) {
      if (!match_at(tokens, i, end, p)) continue;
      if (i < avoid_to && i + p.size() > avoid_from) continue;
      found_at = i;
      return true;
    }
  }
  return false;
}

// "like 20 ibuprofen": a count of ten or more, in digits or words.
bool large_count(const std::string& word) {
  if (!word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return word.size() > 2 || std::atoi(word.c_str()) >= 10;
  static const char* const kWords[] = {"ten",     "twelve", "fifteen", "twenty", "thirty", "forty",
                                       "fifty",   "sixty",  "hundred", "dozen",  "dozens", "hundreds"};
  for (const char* w : kWords)
    if (word == w) return true;
  return false;
}

}  // namespace

MeansTopicQuestion find_means_topic_question(const std::vector<text::Token>& tokens) {
  MeansTopicQuestion best;
  const std::vector<Family>& fams = families();
  static const std::vector<Phrase> kSafeguarding = phrases(kSafeguardingWords);
  constexpr size_t kMedicines = 3;
  for (const auto& [first, end] : question_sentence_ranges(tokens)) {
    // "if my phone dies before I get to the station I'm done for" opens like a question and is none.
    const bool marked = tokens[end - 1].text == "?";
    if (!marked && tokens[first].text == "if") continue;
    size_t unused = 0;
    if (find_any(tokens, first, end, kSafeguarding, 0, 0, unused)) continue;
    for (size_t fi = 0; fi < fams.size(); ++fi) {
      const Family& fam = fams[fi];
      for (size_t i = first; i < end; ++i) {
        for (const Phrase& topic : fam.topics) {
          if (!match_at(tokens, i, end, topic)) continue;
          const size_t topic_to = i + topic.size();
          size_t at = 0;
          MeansTopicStrength s = MeansTopicStrength::kNone;
          if (find_any(tokens, first, end, fam.strong, i, topic_to, at)) {
            s = MeansTopicStrength::kStrong;
          } else if (fi == kMedicines && i > first && large_count(tokens[i - 1].text)) {
            s = MeansTopicStrength::kStrong;
          } else if (find_any(tokens, first, end, fam.access, i, topic_to, at)) {
            s = MeansTopicStrength::kAccess;
          }
          if (static_cast<int>(s) > static_cast<int>(best.strength)) {
            best.strength = s;
            best.first = first;
            best.last = end - 1;
            if (s == MeansTopicStrength::kStrong) return best;
          }
          break;  // one topic match per position is enough
        }
      }
    }
  }
  return best;
}

}  // namespace haven::safety::risk
