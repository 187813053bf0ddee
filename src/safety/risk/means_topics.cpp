#include "safety/risk/means_topics.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "safety/risk/means_question_reader.h"
#include "safety/risk/phrase_matcher.h"

namespace haven::safety::risk {

namespace {

// The word lists, each one PhraseMatcher pattern of alternatives ("|"-separated; a space joins the words of
// one alternative, as '_' does in the lexicon).
struct FamilyLists {
  std::string_view topics;
  std::string_view strong;  // what it would do to a person, how much it would take, going unnoticed
  std::string_view access;  // how high, how deep, open or fenced, when it is quiet
};

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
    "away from|our son|our daughter|teenage son|teenage daughter|my teenager|our teenager|our kids|"
    "year old|yr old|month old|little one|wee one|wean|weans|little sister|"
    "little brother|my nephew|my niece|grandkids|grandson|granddaughter|double paracetamol|double strength";

constexpr FamilyLists kFamilies[] = {
  // Heights.
    {"bridge|bridges|footbridge|footbridges|overpass|flyover|viaduct|roof|roofs|rooftop|"
     "rooftops|car park|carpark|car parks|parking garage|parking structure|parking deck|"
     "multistorey|multi storey|tower|towers|tower block|block|blocks|building|buildings|"
     "skyscraper|cliff|cliffs|clifftop|quarry|gorge|canyon|lookout|lookouts|ledge|balcony|"
     "balconies|top floor|stories|storeys|floors|floor|spillway|dam|water tower|escarpment|"
     "headland|stairwell|overlook",
     "how many stories|how many storeys|how many floors|stories up|storeys up|floors up|"
     "high enough|tall enough|fall from|fall off|the fall|the drop|jump|jumped|jumping|"
     "lowest railing|lowest fence|lowest railings|low railing|low railings|low fence|"
     "no railing|no railings|no fence|no barrier|no net|no nets|no mesh|safety mesh|safety net|"
     "safety nets|suicide net|suicide nets|climb over|climbable|the edge|right up to|"
     // The issue's own example: after distress, which are the tallest, or taller than so many metres.
     "tallest|highest|taller than|higher than",
     "tall|high|taller|higher|height|top|open|unlocked|locked|access|get up|"
     "go up|get onto|walk out|walk onto|on foot|fenced|fence|fencing|railing|railings|barrier|"
     "barriers|net|nets|mesh|ladder|empty|quiet|deserted|nobody|anyone|security|guard|cameras|"
     "at night|after dark|tonight|closed|without getting stopped|lowest|edge|climb|"
     "over the water|over the river|over the motorway|over the railway|over the highway"},
  // Railways.
    {"train|trains|railway|railways|rail line|railway line|train line|tracks|track|"
     "level crossing|crossing|platform|platforms|freight|freight line|express|tram|trams|mrt|"
     "metro|subway|underground|station",
     "does not stop|do not stop|without stopping|straight through|not stopping|go through "
     "without|how fast|at full speed|full speed|stop in time|brake in time|hit by|see someone|"
     "onto the tracks|on the tracks|walk along the tracks",
     "last|what time|when|timetable|times|schedule|pass|passes|go through|goes through|run|"
     "running|at night|empty|anyone|nobody|quiet|fence|fenced|barrier|barriers|edge|"
     "screen doors|platform doors|fast|fastest|speed"},
  // Water.
    {"river|rivers|lake|lakes|reservoir|sea|ocean|bay|harbour|harbor|pier|jetty|dam|canal|"
     "well|loch|estuary|weir|current|currents|rip|underwater|water|quarry lake|ferry|ferries|deck",
     "stop breathing|drown|drowning|touch the bottom|can not touch|weighed down|weights|"
     "hypothermia|cold shock|how long could|how long would|how long can|how long before|"
     "swim back|get back out|pockets",
     "deep|deepest|depth|how deep|cold|coldest|temperature|freezing|freeze|freezes|ice|thin|"
     "strong current|fast|flowing|after the rain|after all this rain|flooded|fenced|edge|"
     "walk out|at night|of the night|nobody|anyone|empty|lifeguard|lifeguards"},
  // Medicines.
    {"pill|pills|tablet|tablets|paracetamol|acetaminophen|tylenol|panadol|ibuprofen|advil|"
     "nurofen|aspirin|codeine|tramadol|oxycodone|oxy|morphine|fentanyl|insulin|antidepressant|"
     "antidepressants|sertraline|amitriptyline|citalopram|fluoxetine|diazepam|valium|xanax|"
     "benzos|zopiclone|lithium|meds|medication|medications|medicine|medicines|prescription|"
     "prescriptions|painkillers|pain killers|injection|drug cupboard|sleeping pills|"
     "sleeping tablets|sleep aids|heart pills|blood pressure pills|nytol|benadryl|"
     "antihistamines|chemist|chemists|pharmacy|pharmacies|pharmacist",
     "whole bottle|whole box|whole packet|whole pack|all of them|all at once|all together|"
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
     "if somebody takes|if a person takes|if u take|if you take like|if i took|if i take",
     "how many|how much|together|mix|mixed|mixing|with alcohol|with drink|with wine|"
     "with vodka|react|limit|refill|collect|extra|sell|buy|supply|old"},
  // Poisons, gases and fire.
    {"pesticide|pesticides|weed killer|weedkiller|herbicide|paraquat|roundup|antifreeze|"
     "bleach|cleaning products|drain cleaner|oven cleaner|cockroach spray|bug spray|"
     "insecticide|rat poison|poison|kerosene|petrol|gasoline|paraffin|lighter fluid|"
     "gas oven|gas leak|gas heater|charcoal|barbecue|bbq|helium|nitrogen|carbon monoxide|"
     "fumes|chemicals|slug pellets|lye|ammonia|spray|cleaner",
     "drink|drinks|drank|swallow|swallowed|ingest|eat|dangerous|harmful|toxic|poisonous|"
     "small room|closed room|windows shut|sealed|leak|leak into|breathe|breathing|inhale|"
     "pass out|catch fire|how long|enough",
     "buy|still sell|sell|banned|strongest|concentrated|where to get|where can i get"},
  // What holds a person's weight.
    {"rope|ropes|cord|cords|belt|belts|beam|beams|rafter|rafters|joist|joists|hook|hooks|"
     "door frame|doorframe|door frames|door handle|banister|bannister|loft hatch|pull up bar|"
     "clothes rail|curtain rail|scarf|cable|extension cord|knot|knots|ligature|branch",
     "hold a person|hold someone|hold somebody|hold my weight|my weight|weight of a person|"
     "a person|body weight|bodyweight|hold|take the weight|strong enough|weight|heavy|"
     "support|does not slip|not slip|slip|tighten",
     "how much weight|how strong|strong|thick"},
  // Weapons.
    {"gun|guns|rifle|rifles|shotgun|pistol|handgun|firearm|firearms|bullets|bullet|ammo|"
     "ammunition|cartridges|gun safe|safe code|gun cabinet|knife|knives|blade|blades|razor|"
     "razors|crossbow",
     "key|keys|code|combination|backup key|spare key|loaded|load|sharpest|where to aim|"
     "kept separate|separate from",
     "where|kept|keep|buy|get|borrow|licence|license|permit|range|rent|sharp"},
  // A night outside.
    {"snow|cold|freezing|hypothermia|overnight|moors|bush|mountain|mountains|hills|"
     "outdoors|woods|forest|forests|national park|wilderness|outside",
     "without a coat|stay out|stayed out|stay outside|stayed outside|till morning|"
     "until morning|freeze to death|most remote|remote|never get found",
     "how cold|overnight|tonight"},
  // Exhaust in a closed space.
    {"garage|exhaust|hose|engine|car running",
     "engine on|engine running|with the engine|seal|sealed|seals|air to get bad|air|fumes|"
     "shut tight|closed|hose",
     "shut|how long"},
};
constexpr size_t kMedicines = 3;  // "like 20 ibuprofen": a count of ten or more just before a medicine is strong

// A pattern of alternatives from a list: spaces join the words of one alternative.
std::string alternatives(std::string_view list) {
  std::string out(list);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

struct FamilyPatterns {
  size_t topic = 0, strong = 0, access = 0;
  size_t count = SIZE_MAX;  // "## <topic>", the medicines only
};

struct Compiled {
  PhraseMatcher matcher;
  std::vector<FamilyPatterns> families;
  size_t any_strong = 0;
  size_t safeguarding = 0;
};

size_t add_or_die(PhraseMatcher& matcher, const std::string& pattern) {
  std::string error;
  const size_t id = matcher.add(pattern, &error);
  if (id == SIZE_MAX) {  // the lists above are wrong: a programmer error, caught by any test that reads them
    std::fprintf(stderr, "means_topics: %s\n", error.c_str());
    std::abort();
  }
  return id;
}

const Compiled& compiled() {
  static const Compiled kCompiled = [] {
    Compiled c;
    for (size_t f = 0; f < std::size(kFamilies); ++f) {
      FamilyPatterns p;
      p.topic = add_or_die(c.matcher, alternatives(kFamilies[f].topics));
      p.strong = add_or_die(c.matcher, alternatives(kFamilies[f].strong));
      p.access = add_or_die(c.matcher, alternatives(kFamilies[f].access));
      if (f == kMedicines) p.count = add_or_die(c.matcher, "## " + alternatives(kFamilies[f].topics));
      c.families.push_back(p);
    }
    c.any_strong = add_or_die(c.matcher, alternatives(kAnyStrong));
    c.safeguarding = add_or_die(c.matcher, alternatives(kSafeguardingWords));
    return c;
  }();
  return kCompiled;
}

bool overlaps(const PhraseMatch& a, const PhraseMatch& b) { return a.first <= b.last && b.first <= a.last; }

// The strength of one question sentence: its matches only.
MeansTopicStrength sentence_strength(const Compiled& c, const std::vector<PhraseMatch>& in) {
  const auto any = [&](size_t pattern) {
    return std::any_of(in.begin(), in.end(), [&](const PhraseMatch& m) { return m.pattern == pattern; });
  };
  if (any(c.safeguarding)) return MeansTopicStrength::kNone;
  MeansTopicStrength best = MeansTopicStrength::kNone;
  for (const FamilyPatterns& f : c.families) {
    if (any(f.count)) return MeansTopicStrength::kStrong;
    for (const PhraseMatch& topic : in) {
      if (topic.pattern != f.topic) continue;
      // A qualifier is another stretch of the sentence than the topic ("overnight" is not both).
      const auto beside = [&](size_t pattern) {
        return std::any_of(in.begin(), in.end(),
                           [&](const PhraseMatch& m) { return m.pattern == pattern && !overlaps(m, topic); });
      };
      if (beside(f.strong) || beside(c.any_strong)) return MeansTopicStrength::kStrong;
      if (beside(f.access)) best = MeansTopicStrength::kAccess;
    }
  }
  return best;
}

}  // namespace

MeansTopicQuestion find_means_topic_question(const std::vector<text::Token>& tokens) {
  MeansTopicQuestion best;
  const std::vector<std::pair<size_t, size_t>> questions = question_sentence_ranges(tokens);
  if (questions.empty()) return best;
  const Compiled& c = compiled();
  std::vector<PhraseMatch> matches;
  c.matcher.find_all(tokens, matches);
  std::vector<PhraseMatch> in;
  for (const auto& [first, end] : questions) {
    // "if my phone dies before I get to the station I'm done for" opens like a question and is none.
    if (tokens[end - 1].text != "?" && tokens[first].text == "if") continue;
    in.clear();
    for (const PhraseMatch& m : matches)
      if (m.first >= first && m.last < end) in.push_back(m);
    const MeansTopicStrength s = sentence_strength(c, in);
    if (static_cast<int>(s) > static_cast<int>(best.strength)) {
      best = {s, first, end - 1};
      if (s == MeansTopicStrength::kStrong) break;
    }
  }
  return best;
}

}  // namespace haven::safety::risk
