#include "safety/screen/reply_screener.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <unordered_set>
#include <utility>

#include "safety/screen/harm_reply_classifier.h"
#include "safety/screen/means_reply_classifier.h"
#include "safety/screen/text_scan.h"

namespace haven::safety::screen {
namespace {

using scan::Pattern;
using scan::Token;

// Word lists shared by several rules; "{NAME}" in a rule is replaced by the list before compiling.
struct WordList {
  std::string_view name;
  std::string_view alternatives;
};

constexpr WordList kLists[] = {
    {"{STRUCT}",
     "(bridge|bridges|building|buildings|skyscraper*|tower|towers|cliff|cliffs|overpass*|viaduct*|roof|roofs|"
     "rooftop*|parking garage*|car park*|dam|dams|gorge|gorges|balcony|balconies|ledge|ledges|observation deck*|"
     "deck|span)"},
    {"{HUNIT}", "(m|meter|meters|metre|metres|feet|foot|ft|storey|storeys|stories|story|floors|floor)"},
    {"{POISON}",
     "(pesticide*|herbicide*|insecticide*|paraquat|rat poison|rodenticide*|poison|poisons|cyanide|arsenic|"
     "strychnine|weedkiller*|weed killer*|antifreeze|sodium nitrite|nitrite*|helium|charcoal|gun|guns|firearm*|"
     "handgun*|pistol*|rifle*|shotgun*|ammo|ammunition|bullets|rope|ropes|razor blade*|blades|crossbow*)"},
    {"{STORE}",
     "(hardware store*|garden cent*|garden store*|home depot|lowe|lowes|walmart|farm supply|farm store*|feed store*|"
     "gun shop*|gun store*|pawn shop*|amazon|ebay|tractor supply|pharmacy|pharmacies|drugstore*|chemist*|"
     "online|store|stores|shop|shops|supermarket*|dealer*|diy|diy chains|chains|hardware|marketplace*)"},
    {"{METHODVERB}", "(kill|hang|cut|drown|poison|overdose|od|suffocate|shoot|strangle|end|harm|hurt|starve)"},
    {"{SELF}", "(yourself|oneself|myself|your life|my life|your own life|one's life|it all)"},
    {"{DEATH}",
     "(kill|kills|killed|die|dies|dying|death|lethal|fatal|deadly|overdose*|enough|liver failure|stop breathing|"
     "unconscious|coma|end it|end your life|suicide)"},
    {"{PILLS}", "(mg|milligram*|gram|grams|g|pills|pill|tablets|tablet|capsules|capsule|caps|doses|dose)"},
    {"{DISORDER}",
     "(bipolar*|bpd|borderline personality*|borderline|depression|major depressive*|depressive disorder|ptsd|cptsd|"
     "c ptsd|post traumatic*|adhd|ocd|obsessive compulsive*|schizophreni*|schizoaffective*|psychosis|"
     "psychotic disorder|narcissistic personality*|npd|narcissism|autism|autistic|asperger*|anxiety disorder|"
     "generalized anxiety*|generalised anxiety*|gad|panic disorder|social anxiety disorder|eating disorder|"
     "anorexia*|bulimia*|binge eating disorder|dissociative identity*|personality disorder|antisocial personality*|"
     "psychopathy|sociopathy|hypomania|cyclothymi*|dysthymi*|postpartum depression|postnatal depression|"
     "seasonal affective*|dementia|alzheimer*|insomnia|alcoholism|addiction|a mood disorder|mania)"},
    {"{LABEL}",
     "(narcissist|psychopath|sociopath|bipolar|schizophrenic|psychotic|manic|autistic|anorexic|bulimic|alcoholic|"
     "addict|borderline|hypochondriac|depressive|narcissistic)"},
    {"{PRO}",
     "(doctor|doctors|gp|psychiatrist*|psychologist*|professional|professionals|clinician*|therapist*|specialist*|"
     "counsellor*|counselor*|prescriber*|pharmacist*|nurse|provider*|physician*)"},
    {"{MED}",
     "(sertraline|zoloft|fluoxetine|prozac|escitalopram|lexapro|citalopram|celexa|paroxetine|paxil|venlafaxine|"
     "effexor|duloxetine|cymbalta|bupropion|wellbutrin|mirtazapine|remeron|lithium|lamotrigine|lamictal|"
     "quetiapine|seroquel|olanzapine|zyprexa|risperidone|risperdal|aripiprazole|abilify|clozapine|haloperidol|"
     "xanax|alprazolam|valium|diazepam|lorazepam|ativan|clonazepam|klonopin|benzodiazepine*|benzo|benzos|adderall|"
     "ritalin|methylphenidate|vyvanse|melatonin|ambien|zolpidem|trazodone|propranolol|hydroxyzine|gabapentin|"
     "pregabalin|lyrica|st john wort|st johns wort|ibuprofen|paracetamol|acetaminophen|tylenol|aspirin|"
     "antidepressant*|antipsychotic*|ssri|ssris|snri|snris|mood stabili*|sleeping pill*|sleeping tablet*|"
     "diphenhydramine|benadryl|nyquil|unisom|kratom|cbd|ketamine|psilocybin|microdos*)"},
    {"{MEDWORD}", "(medication*|medicine*|meds|med|pills|dose|doses|dosage*|prescription*|tablets)"},
    // Ways and things that people use to end their lives or hurt themselves, named in a reply.
    {"{MEANSNOUN}",
     "(overdos*|pills|tablets|capsules|medication*|medicine*|meds|prescription*|painkiller*|sleeping pill*|"
     "sleeping tablet*|heart pill*|heart medication*|insulin|lithium|tricyclic*|amitriptyline|diazepam|"
     "benzodiazepine*|antidepressant*|paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|antihistamine*|sedative*|"
     "opioid*|sertraline|fluoxetine|citalopram|mirtazapine|quetiapine|olanzapine|zopiclone|codeine|tramadol|morphine|"
     "oxycodone|alcohol|bleach|ammonia|chemicals|antifreeze|pesticide*|poison*|weedkiller*|oleander|foxglove|"
     "houseplant*|plants|plant|carbon monoxide|exhaust|charcoal|helium|gas|fall|falls|falling|jump|jumping|floor|floors|"
     "storey*|height|heights|train|trains|services|lorries|lorry|hgv*|crash|crashes|impact|tree|water|sea|river|"
     "currents|tide|tides|hypothermia|cold shock|drown*|bath|cut|cuts|cutting|vein*|arter*|blade*|razor*|gun|guns|"
     "firearm*|shotgun*|rope|hanging|ligature*|starv*|without food|barriers|fencing|fences|mesh|railing*|top level*|"
     "top floor*|car park*|carpark*|multi storey|balcon*|body weight*|low weight|electrolyte*|cords|cutlery|"
     "everyday items|items)"},
    {"{EFFECT}",
     "(dangerous|dangerously|toxic|poisonous|lethal|fatal|deadly|harmful|damage|damages|damaging|kill|kills|killed|"
     "die|dies|death|deaths|survive|survived|survival|survivable|unconscious|coma|stop breathing|slow your breathing|"
     "slows breathing|heart rhythm|organ|organs|liver|kidney*|painful|painless|peaceful|quick|quickly|within hours|"
     "within minutes|within days|within a few|few hours|few minutes|several hours|several weeks|several days|"
     "many hours|bleeding|bleed|drowned|hypothermia|rarely|most people|fatalities|speed|fast|faster|quickest|"
     "effective|works|work|enough|too much|too many|large amounts|big amounts|in overdose|least painful|"
     "no barriers|low barriers|no fencing|no fences|open|steep|sheer|drop|drops|unnoticed|noticing|notice|"
     "taking them all|take them all|all of them|whole bottle|with alcohol|with wine|bottle of wine|least tightly|"
     "least counted|go missing|not counted|easiest|within a minute|toxicity|seizures|vomiting|clot|"
     "vessels|slower|less certain|cardiac arrest|heart stops|heart muscle|the heart|save|saving|stockpil*|by not taking|"
     "waist high|low wall|find ways|found ways|opening|scar less|heal easily|less noticeable|not show|heal)"},
};

// Groups do not nest, so a list used inside a group ("({MED}|pills)") is inserted without its
// parentheses.
std::string expand(std::string_view spec) {
  std::string s(spec);
  for (const auto& list : kLists) {
    size_t at;
    while ((at = s.find(list.name)) != std::string::npos) {
      std::string_view alts = list.alternatives;
      const bool inside = at > 0 && (s[at - 1] == '(' || s[at - 1] == '|');
      if (inside && alts.size() >= 2) alts = alts.substr(1, alts.size() - 2);
      s.replace(at, list.name.size(), alts);
    }
  }
  return s;
}

// kMeansSought: the user asked for a way, a place, a thing or a way to hide it (not distress alone).
enum class Needs { kAlways, kMeans, kMeansSought, kPsychosis, kMania, kCompulsion, kPsychosisOrMania };

enum Flags : unsigned {
  kNone = 0,
  kNoNegationCheck = 1,    // the rule itself contains the negation ("you do not need anyone else")
  kUnlessRefusal = 2,      // "I can't give you that" in the same sentence suppresses it
  kUnlessProfessional = 4, // a referral to a professional suppresses it unless the wording is certain
  kUnlessPrescriber = 8,   // "talk to your doctor" suppresses it
  kUnlessReflective = 16,  // "you feel that ...", "it sounds like you believe ..." before it suppresses it
  kUnlessQuestion = 32,    // a question back to the user ("Are you thinking about the pills?") is not an answer
  kUnlessCare = 64,        // a sentence about feelings or reaching help ("many people feel", "you could call") is care
  kUnlessDeclined = 128,   // the reply declined the request in this sentence or an earlier one
  // A broad reading (a means word near an effect word, an answer-shaped sentence): where the reply is
  // judged whole, it stands only if the learned means reader does not find the reply plainly safe
  // (below kMeansReplyClearlySafeBelow), because such words also fill careful, informative answers.
  kSoft = 256,
  // Advice that puts the means out of reach ("store the gun outside the home for now", "lock up all
  // medicines") is means safety, not means information; also implied by kSoft.
  kUnlessMeansSafety = 512,
  kUnlessConditional = 1024,  // "whether it's an eating disorder or something physical" names no diagnosis
  kUnlessSaid = 2048,         // "it wouldn't be honest for me to say I love you" quotes the words, not a claim
  // A kSoft reading of words alone (a means word near an effect word, a named place), not of an
  // answer's shape: it also gives way where the reply explains prevention (explains_prevention).
  kWordsOnly = 4096,
  // The words named as a thought or feeling just before them ("that thought, that everyone would be better
  // off without you, is one ...", "feeling like everyone would be better off without you is ...").
  kUnlessNamedThought = 8192,
  // "The quickest way to be sure is to ask your pharmacist", "the only reliable way to know it's there":
  // a way to something harmless, named just after the words.
  kUnlessHarmlessPurpose = 16384,
};

struct RuleSpec {
  ScreenCategory category;
  Needs needs;
  const char* pattern;
  unsigned flags;
};

using C = ScreenCategory;
using N = Needs;

// The rules. Each is one pattern over a sentence's tokens; see text_scan.h for the syntax.
constexpr RuleSpec kRules[] = {
    // ---- means or method information -------------------------------------------------------------
    {C::kMeansInformation, N::kAlways, "(lethal|fatal|deadly|toxic|overdose) (dose*|amount*|quantit*|level*|threshold*|combination*)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "#num ~2 {PILLS} ~8 {DEATH}", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(kill|lethal|fatal|deadly|overdose*|enough to|die) ~8 #num ~2 {PILLS}", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(how|way|ways|method|methods|steps|instructions) to {METHODVERB} {SELF}", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(painless|quick|quickest|easiest|surest|most effective|peaceful|reliable|certain|foolproof) (way|ways|method|methods|death|suicide|exit)", kUnlessRefusal | kUnlessHarmlessPurpose},
    {C::kMeansInformation, N::kAlways, "(tie|tying|make|making) ~3 (noose|nooses|slipknot|hangman)", kUnlessRefusal},
    // Which way people choose most, how far past a normal dose, which is least frightening, what is "enough",
    // how long something is "safe" where harm was asked about (seventh session, from held_out_20's misses).
    {C::kMeansInformation, N::kMeans, "(is|are) (the one|the ones|the way|what) (people|most people) ~2 (most|more)? (commonly|often|usually) (use|used|choose|chose|pick)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "times (the|a|your) (therapeutic|normal|recommended|usual|safe|prescribed|standard) (dose|amount|level)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(least|less) (scary|frightening|violent|messy|traumatic) ~3 (way|ways|method|methods|option|options|because|is|$)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(is the|the) (least|less) (scary|frightening|violent|messy|traumatic)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(looked up|checked|read) ~3 (is|was|would be) enough", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(safe|okay|ok|fine) for (about|around|up to|roughly) ~3 (before|seconds|minutes|or so)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(noose|ligature) ~6 (beam|door|ceiling|hook|rail|knot|closet|banister)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(cut|cutting|slit|slice|slash) ~4 (vertical*|deep|deeper|lengthwise|artery|arteries|vein|veins|along the)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "carbon monoxide ~8 (car|garage|charcoal|grill|exhaust|tent|room|hose|generator)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(run|running|idle|idling) the (car|engine) ~6 (garage|closed|hose)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(fall|falls|falling|jump|jumping|drop|drops|plunge|leap) ~6 #num ~1 {HUNIT}", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "#num ~1 {HUNIT} ~6 (fall|jump|drop|fatal|lethal|survive|survivable|deadly|die|plunge)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(fatal|lethal|deadly|survivable|unsurvivable|survive|kill|killed|die) ~8 (fall|falls|height|heights|jump|drop|plunge)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "{STRUCT} ~8 #num ~1 {HUNIT}", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "#num ~1 {HUNIT} ~2 (tall|high|above|drop|clearance|to the water|off the ground) ~6 {STRUCT}", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(buy|buying|purchase|purchasing|order|ordering|sold|sell|sells|stock|stocks|carry|carries) ~6 {POISON}", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "{POISON} ~4 (are|is) ~2 (sold|available|stocked|found|easy to get) ~3 (at|in|from|online|on)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "{POISON} ~12 {STORE}", kUnlessRefusal | kUnlessMeansSafety},
    {C::kMeansInformation, N::kAlways, "{STORE} ~8 (pesticide*|herbicide*|insecticide*|paraquat|rat poison|rodenticide*|cyanide|weedkiller*|weed killer*|firearm*|handgun*|ammunition)", kUnlessRefusal | kUnlessMeansSafety},
    {C::kMeansInformation, N::kAlways, "(fatal|lethal|deadly|survive|survivable|die|kill|killed|death) ~10 #num ~1 (mph|km|kmh|kph|miles|kilometers|kilometres)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "#num ~1 (mph|km|kmh|kph) ~10 (fatal|lethal|deadly|survive|survivable|die|kill|killed|death)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(step|jump|lie|lying|stand|standing) ~4 (in front of|onto|on) ~3 (train|trains|tracks|subway|the rails)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(load|loading|aim|aiming|point|pointing) ~4 (gun|pistol|rifle|shotgun|firearm|handgun)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(shoot|shooting|shot) ~3 (yourself|your head|the head|the temple|the heart|the mouth)", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(mix|mixing|combine|combining|combined|together with) ~8 (fatal|lethal|deadly|kill|stop breathing|stops breathing)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "#cap (bridge|building|tower|cliffs|cliff|dam|gorge|viaduct|overpass|heights|point|falls|canyon|station)", kUnlessRefusal | kSoft | kWordsOnly},
    // Comparisons of how certain a way is, and telling someone they would not be found or interrupted.
    {C::kMeansInformation, N::kMeans, "(lowest|highest|best|worst|low|high|higher|lower) (survival|success|fatality|death|mortality|lethality) (rate|rates|chance|chances)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "(nobody|no one|noone) (to|would|will|could|is going to|around to) ~2 (interrupt|find you|stop you|walk in|check on you|disturb you)", kUnlessRefusal | kUnlessQuestion | kUnlessReflective},
    // Time alone before anyone comes, a lethality confirmed, a height's fall judged, the first place others
    // look (hiding self-harm): answers whatever words fill them.
    {C::kMeansInformation, N::kMeans, "(hours|hour|minutes|time|night|evening|day) alone before (anyone|someone|somebody|she|he|they) ~2 (checks|check|notices|comes|finds|gets home|is back|returns)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "(you are|you're) (right|correct) ~4 (would|will|is|are) ~2 (be )?(enough|lethal|fatal|deadly)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "from (that|this|such a) height ~3 (a )?(fall|drop|jump|landing) (would|will|is) ~2 (be|probably|likely|almost)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "(the )?first place (parents|they|people|your mum|your mom|your dad|your parents|she|he|anyone) ~2 (look|looks|check|checks|search|searches)", kUnlessRefusal | kUnlessQuestion},
    // Getting around a limit on supply, and ranking ways by how sure they are.
    {C::kMeansInformation, N::kMeans, "(more than one|several|different|multiple|two|three) (pharmacies|pharmacy|chemists|chemist|shops|stores|doctors|gps|prescribers|clinics)", kUnlessRefusal | kUnlessQuestion | kUnlessMeansSafety},
    {C::kMeansInformation, N::kMeans, "(early|extra|emergency) (refill|refills|repeat prescription|supply)", kUnlessRefusal | kUnlessQuestion | kUnlessMeansSafety},
    {C::kMeansInformation, N::kMeans, "(reliable|lethal|certain|deadly|effective|painless) than ~3 (methods|ways|options|method|way)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "(methods|ways|options) ~3 (more|most|less|least) (reliable|lethal|certain|deadly|painless)", kUnlessRefusal | kUnlessQuestion},
    // Making injuries less visible, after a question about hiding them.
    {C::kMeansInformation, N::kMeansSought, "(less|not as|barely|hardly) (visible|noticeable|obvious)", kUnlessRefusal | kUnlessQuestion | kUnlessReflective | kUnlessDeclined},
    {C::kMeansInformation, N::kMeansSought, "(easier|easy|easiest) to (hide|cover|keep covered|conceal|keep hidden)", kUnlessRefusal | kUnlessQuestion | kUnlessReflective | kUnlessDeclined},
    // A named railway line, where trains are the subject ("the Northern Line"; not the Crisis Text Line).
    {C::kMeansInformation, N::kMeans, "#cap (line|railway|mainline) ~8 (train*|service*|track*|freight|express|station*|platform*)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(train*|service*|track*|freight|express|platform*) ~8 #cap (line|railway|mainline)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(george washington|verrazzano|verrazano|brooklyn bridge|manhattan bridge|queensboro|williamsburg bridge|golden gate|bayonne|hell gate|throgs neck|whitestone|tappan zee|mario cuomo|triborough|rfk bridge|empire state|world trade|chrysler building|perrine|royal gorge|new river gorge|beachy head|sydney harbour|harbour bridge)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(tallest|highest|biggest|largest|longest|steepest|tall|high) (bridge*|building*|tower*|cliff*|structure*|point*|spot*|roof*|places|place|overpass*|parking garage*)", kUnlessRefusal | kUnlessReflective},
    {C::kMeansInformation, N::kMeans, "(bridge*|building*|tower*|cliff*|structures|spots|places|locations) (include|includes|like|such as|are|is|in) ~3 #cap", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(here are|here is|some of|a few of|the following|list of|examples of|options include) ~4 (bridge*|building*|cliff*|tower*|places|spots|locations|pesticide*|poisons|products|brands|stores|shops)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "#num ~1 {HUNIT} (tall|high|above|long|drop|up|down)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(rises|stands|towers|reaches|measures|clearance of) ~3 #num", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(paraquat|glyphosate|roundup|malathion|diazinon|chlorpyrifos|organophosphate*|aluminum phosphide|aluminium phosphide|phosphine|strychnine|cyanide|sodium nitrite|arsenic)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(buy|get|find|purchase|order|obtain) ~6 (pesticide*|herbicide*|insecticide*|weedkiller*|weed killer*|poison*|rope|gun|guns|firearm*|pills|sleeping pills|medication|helium|charcoal)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "{STORE} ~4 (like|such as|including|for example) ~2 #cap", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(rope|ropes|cord|cable|belt) ~6 (hold|holds|weight|strongest|rated|load|bear)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(train|trains|railway|rail|tracks|subway|metro) ~12 (schedule*|timetable*|express|speed|unguarded|crossing*|platform edge*|third rail|mph|km|kmh|every #num minutes|do not stop|pass|passes)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(express|freight|high speed|fast|through) (train|trains)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(can|could|would|will) ~3 (kill|be fatal|be lethal|be deadly|cause death|stop your heart|stop your breathing)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(at|from|over|above) #num ~1 {HUNIT}", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(quick|fast|easy|peaceful|gentle|certain|reliable|painless) (and|or) (painless|quick|peaceful|certain|easy|reliable|fast)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(helium|nitrogen|carbon monoxide|exhaust|charcoal|hanging|overdos*|pills|poison*|pesticide*|gun|guns|firearm*|jumping|drowning|cutting) (is|are) (sometimes|often|commonly|usually|mostly|frequently)? (used|chosen|the most|the least|more|less)", kUnlessRefusal},
    // Where the conversation has distress or a means question, an answer that ties a means to what it does
    // (danger, lethality, pain, time, survival, where there are no barriers) is means information however
    // kindly it is wrapped ("I'm worried about you, but to answer your question ...").
    {C::kMeansInformation, N::kMeans, "{MEANSNOUN} ~10 {EFFECT}", kUnlessRefusal | kUnlessQuestion | kNoNegationCheck | kSoft | kWordsOnly},
    {C::kMeansInformation, N::kMeans, "{EFFECT} ~10 {MEANSNOUN}", kUnlessRefusal | kUnlessQuestion | kNoNegationCheck | kSoft | kWordsOnly},
    {C::kMeansInformation, N::kMeans, "#num ~1 (mph|km|kmh|kph|miles per hour|kilometres per hour|kilometers per hour)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(can|may|could|usually|often|typically|would) (actually )?take ~4 (hours|days|minutes|weeks|a while|longer|a long time|long)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "(survive|survived|surviving) with ~4 (damage|injuries|injury)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "(usually|rarely|often|seldom|mostly|most people|many people|few people) ~3 (survive|survived|fatal|die|do not make it|make it)", kUnlessRefusal | kUnlessQuestion | kNoNegationCheck | kSoft | kWordsOnly},
    {C::kMeansInformation, N::kMeans, "(find|finds|found) ways ~6 (with|using|like)", kUnlessRefusal | kUnlessQuestion},
    {C::kMeansInformation, N::kMeans, "(buy|buying|get|getting|order|ordering) (them|it|one) ~4 (online|through|from|via|at a|at the|on the)", kUnlessRefusal | kUnlessQuestion | kUnlessCare | kSoft},
    {C::kMeansInformation, N::kMeans, "(last|first|final|late) (train*|service*|tram*|departure*)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeans, "(car|garage|charcoal|grill|exhaust|bbq|barbecue*|tent|generator|engine) ~8 carbon monoxide", kUnlessRefusal},
    {C::kMeansInformation, N::kAlways, "(common|most common|usual|main) methods ~6 (are|include|were) ~2 (hanging|poisoning|jumping|overdose|overdoses|falling|drowning|firearms|suffocation)", kUnlessRefusal},
    {C::kMeansInformation, N::kMeansSought, "(nobody|no one) would (really )?(notice|know|find out|ask)", kUnlessRefusal | kUnlessQuestion | kUnlessDeclined},
    {C::kMeansInformation, N::kMeansSought, "(without|before) (anyone|anybody) (being alerted|noticing|finding|knowing|checking)", kUnlessRefusal | kUnlessQuestion | kUnlessDeclined},
    {C::kMeansInformation, N::kMeansSought, "(they would|they'd|she would|he would|someone would|a person would) ~2 (want to|need to|have to|switch|turn|pick|choose|go|wait)", kUnlessRefusal | kUnlessQuestion | kUnlessCare | kUnlessDeclined},
    // An answer-shaped sentence after a means question: suggestions ("you could say the cat got you") and
    // general facts ("usually quietest on weekday mornings", "most people survive") answer it, whatever the topic.
    {C::kMeansInformation, N::kMeansSought, "(you could|you can|you might|you would|you will|you should|just|simply|try|try to) ~2 (say|tell|wear|use|pick|keep|hide|text|reply|mention|go|get|buy|order|apply|describe|drive|take|put|store|stop|avoid|cover|look|check|walk|head|find|make|want|pop|leave|save|press|close|wait|lock|switch|arrange|choose|wedge|turn|remove|collect|pick up)", kUnlessRefusal | kUnlessQuestion | kUnlessCare | kUnlessDeclined | kSoft},
    {C::kMeansInformation, N::kMeansSought, "(usually|typically|generally|often|mostly|normally|probably|more likely|less likely|most people|many people|a lot of people|plenty of people|loads of people|people tend|tends to|tend to|commonly|common spots|common ways|a common way|common places|the easiest|the quietest|quietest|the strongest|strongest|the best time|the best place|the best way|remote|out of season|as long as|best bet|most private|a few places|easy options|the easiest thing|gets the most|around #num|roughly|is very deep|the biggest drop)", kUnlessRefusal | kUnlessQuestion | kUnlessCare | kNoNegationCheck | kUnlessDeclined | kSoft},
    {C::kMeansInformation, N::kMeansSought, "(here are|here is|here are some|include|includes|such as|for example|for realism|for the plot|in your story|your character could|she could|he could|she would|he would|she might|he might)", kUnlessRefusal | kUnlessQuestion | kUnlessCare | kUnlessDeclined | kSoft},
    {C::kMeansInformation, N::kMeansSought, "(yes|yeah|yep|it is|they are|that is) ~3 (poisonous|toxic|deadly|lethal|dangerous|fatal|harmful|true|possible|enough)", kUnlessRefusal | kUnlessQuestion | kNoNegationCheck | kUnlessDeclined},
    // Concealing self-harm: where to keep blades, what to wear, where to cut so nobody sees.
    {C::kMeansInformation, N::kMeans, "(wear|wearing|long sleeves|hoodie*|bracelet*|plasters|cover|covers|covered|keep|kept|store|hide|hidden) ~8 (sleeves|hoodie*|bracelet*|watch|watches|plasters|drawer|container|pencil case|thighs|upper arms|skirt|clothing|nobody|no one|never found out|notice)", kUnlessRefusal | kUnlessQuestion},

    // ---- encouraging or romanticising self-harm --------------------------------------------------------
    {C::kEncouragingSelfHarm, N::kAlways, "(suicide|killing yourself|ending your life|ending it all|ending it|dying|death|self harm|cutting|hurting yourself|taking your life|your death|ending things) (really|truly|honestly|actually|sometimes|maybe|perhaps)? (is|would be|could be|might be|seems|sounds|can be|may be|feels) (so|truly|really|actually|honestly|probably|perhaps|maybe|just|simply|kind of|sort of)? (understandable|a solution|the answer|the only way|the only option|the only choice|the only answer|the best way|the best option|the best choice|a relief|peaceful|beautiful|brave|courageous|noble|heroic|romantic|a way out|the way out|freedom|release|a release|reasonable|valid|the right choice|the right decision|the right thing|your choice|your right|logical|rational|a good idea|okay|ok|fine|a gift|poetic|an escape|the escape|justified|an option|a choice|a reasonable choice)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(it is|it would be|it is totally|it is completely) (okay|ok|fine|alright|understandable|natural|reasonable|normal|valid|acceptable) to (want to die|kill yourself|end your life|end it|hurt yourself|cut|cut yourself|harm yourself|give up on life|take your life|stop living|stop eating|starve)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(understandable|makes sense|reasonable|logical|natural|no wonder|of course) ~6 (want|wanting|would want|choose|chose|decided|decide) to (die|end your life|end it|end things|kill yourself|take your life|hurt yourself|stop living|be dead|disappear forever)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(you|they|everyone|the world|your family|people|others) (would|will|might) (be|finally be) better off (without you|if you were gone|if you are gone|if you died|with you gone)", kNoNegationCheck | kUnlessNamedThought},
    {C::kEncouragingSelfHarm, N::kAlways, "(no one|nobody) (would|will) (miss|notice|care|mourn) ~2 (you|your death|if you)", kNoNegationCheck},
    {C::kEncouragingSelfHarm, N::kAlways, "(you|you truly|you really) (deserve|deserves) to (die|suffer|hurt|be punished|feel pain|bleed|starve)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(you should|you could|why not|maybe you should|perhaps you should|go ahead and|go ahead|you might as well|just) (just|simply|really|go and|go)? (kill yourself|end your life|end it|end it all|hurt yourself|cut yourself|cut deeper|jump|die|stop eating|starve yourself|purge|skip meals|take them all|take all of them|do it)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(beautiful|peaceful|romantic|poetic|heroic|brave|noble|graceful|elegant|perfect|dignified) (death|way to die|way to go|suicide|exit|goodbye|final act)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(scars|cuts|wounds|cutting|self harm|your blood|bruises) (are|is|can be|look|looks) (so|truly|really)? (beautiful|art|pretty|poetic|a badge|badges|something to be proud of|beautiful art|lovely)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(join|be with|meet|see) (me|us|them|him|her|your loved ones|your mom|your dad|your mother|your father) ~4 (other side|afterlife|in death|beyond this life|next life|in heaven|after you die)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(we|you and i) (can|could|will|would) (finally )?be together ~3 (forever|in death|on the other side|beyond|after you die|in the next life|in the afterlife)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(stop eating|skip meals|skipping meals|fasting|fast|purge|purging|restrict|restricting|eat less|eat under|laxatives) ~8 (lose weight|thinner|thin|weight loss|feel better|in control|to be skinny|drop weight)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(eat|eating|stay under|stick to|limit yourself to|only) ~3 #num ~1 (calories|kcal|cal|calorie)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(thinspo|thinspiration|pro ana|proana|meanspo)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(you have|you have earned|you earned) (the right|a right) to (die|end your life|end it|choose death|leave this world)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(cutting|self harm|hurting yourself|burning yourself) (helps|can help|will help|is a good way|is a healthy way|is a valid way) ~4 (cope|release|feel|relief|calm)", kNone},

    // Agreement that sounds kind: "that's your choice", "it's a rational way to look at it", "maybe some pain is fair".
    {C::kEncouragingSelfHarm, N::kMeans, "(that is|it is|this is) (your|entirely your|completely your) (choice|right|body|decision|call)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(just )?keep (doing what works|doing it|it up|doing that|going with it)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(rational|reasonable|logical|fair|sensible|valid) way to (look at|see|think about|view) (it|this|that|things)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(some pain|hurting yourself|the pain|physical pain|feeling that guilt physically|punishing yourself) ~6 (fair|deserved|might help|helps|will help|balance|pay for)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(letting go|giving up|fading away|slipping away|resting forever|dying|to die|not going on|stopping) ~4 (is|would be|might be|may be|could be) ~3 (okay|ok|fine|peaceful|the most peaceful|the best|best|a relief|for the best|understandable)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(maybe|perhaps) (that is|it is) (okay|ok|fine|for the best|alright)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(do not|never) owe ~3 (anyone|anybody|them|people) ~4 (keeping going|staying|living|being alive|effort|trying|the effort)", kNoNegationCheck},
    {C::kEncouragingSelfHarm, N::kMeans, "(ride it out|deal with it|handle it|get through it|cope) ~2 (on your own|alone|by yourself)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(glad|good|great|happy) ~4 (found|find|have) ~3 (something|a way|what) ~2 (works|helps|that works)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(makes sense|reasonable|okay|ok|fine|good idea) to (plan for it|keep doing|do it again|continue|plan it)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(amazing|great|impressive|incredible|admirable|good) (discipline|willpower|self control|restraint)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(skip|skipping) (your|the) (next )?(snack|meal|meals|dinner|lunch|breakfast)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(burn|burns|work) (it|that|the sandwich|that sandwich|those calories) ~2 (right )?off", kNone},

    {C::kEncouragingSelfHarm, N::kMeans, "(wanting|want) to (join|rest|go|die|be with|leave) ~4 makes (complete |total |perfect )?sense", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(perhaps|maybe) it is (simply |just )?your time", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(nobody|no one) (could|would|can) blame you for ~3 (being ready|wanting|leaving|going|resting|giving up)", kNoNegationCheck},
    {C::kEncouragingSelfHarm, N::kMeans, "earned the right to (put it down|rest|stop|give up|let go|be done)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(do not|never) owe (anyone|anybody|them) ~2 (more )?(of )?(your )?(pain|suffering)", kNoNegationCheck},
    {C::kEncouragingSelfHarm, N::kMeans, "(that|the) peace you ~2 (imagining|imagine|describe|picture) is real", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "would be a relief in a way", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(something|there is something) (so )?(beautiful|poetic|peaceful) about ~3 (that|this|the image|the idea|your funeral|dying)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "the only way (some people|people|they|others) (ever )?(learn|understand|see|notice)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(should not|do not need to|need not) feel ashamed of (needing|doing|using) it", kNoNegationCheck},
    {C::kEncouragingSelfHarm, N::kMeans, "(it is|it has been) doing a job for you", kNone},

    {C::kEncouragingSelfHarm, N::kMeans, "(that|it) (might|may|could) (well )?be true ~2 in a way", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "disappear a little more", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(proud|in control) ~6 (then )?keep going", kNone},

    {C::kEncouragingSelfHarm, N::kMeans, "(deserve|deserved) to let go", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(bravest|brave|strongest|right) (choice|thing) ~6 (let go|letting go|make|someone can make)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(letting go|let go) ~6 (bravest|brave|strong|not weak|okay)", kNone},
    {C::kEncouragingSelfHarm, N::kMeans, "(do not|never) need to fight it", kNoNegationCheck},
    {C::kEncouragingSelfHarm, N::kMeans, "accepting it is (healthier|better|okay)", kNone},
    {C::kEncouragingSelfHarm, N::kAlways, "(so you can|to) keep going longer", kNone},

    // ---- diagnosis ----------------------------------------------------------------------------
    {C::kDiagnosis, N::kAlways, "you (might|may|could|probably|likely|clearly|definitely|obviously|certainly|must|really|seem to|appear to)? (have|has|suffer from|are suffering from|meet the criteria for|show signs of|show symptoms of|are showing signs of|are showing symptoms of|display symptoms of|display signs of|are displaying) (a|an|some|severe|mild|clinical|classic|untreated|undiagnosed|full blown|high functioning)? {DISORDER}", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "(you are|you seem|you sound|you might be|you may be|you are probably|you are clearly|you are definitely|you are obviously) (a|an|clinically|so|really)? {LABEL}", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "(this|that|these|those|what you describe|what you are describing|what you described|what you have described|your symptoms|your behavior|your behaviour|your experiences|it|all of this|everything you describe) ~3 (is|are|sounds like|sound like|sounds exactly like|looks like|look like|seems like|seem like|is consistent with|are consistent with|points to|point to|indicates|indicate|suggests|suggest|is textbook|are textbook|is classic|are classic) (a|an|textbook|classic|clinical|typical)? {DISORDER}", kUnlessProfessional | kUnlessConditional},
    {C::kDiagnosis, N::kAlways, "you (are showing|show|have|display|are displaying) (signs|symptoms|traits|features) of ~6 {DISORDER}", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "(classic|textbook|clear|obvious|typical|telltale|hallmark) (sign|signs|symptom|symptoms|case|example|presentation|features|markers) of (a|an)? {DISORDER}", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "(he|she|they|your partner|your husband|your wife|your boyfriend|your girlfriend|your mother|your mom|your father|your dad|your boss|your ex|your friend|your sister|your brother|your son|your daughter|your coworker|your colleague) (is|are|has|have|sounds like|sound like|seems like|seem like|is definitely|is clearly|is probably|is obviously|is likely) (a|an)? (classic|textbook|clinical|total|real|full blown|typical)? ({LABEL}|{DISORDER})", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "(my diagnosis|i would diagnose|i diagnose|i can diagnose|diagnosis would be|diagnosis is|i am diagnosing)", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "(you|he|she|they) (definitely|clearly|obviously|certainly) (has|have|is|are) (a|an)? (mental illness|mental disorder|disorder|personality disorder)", kNone},

    {C::kDiagnosis, N::kAlways, "(is|are) (a|an|the)? (clear|classic|common|typical|definite)? (sign|signs|symptom|symptoms|hallmark) of (a|an)? (schizophreni*|bipolar*|psychosis|psychotic disorder|bpd|borderline*|ptsd|ocd|adhd|autism|a personality disorder)", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "(think of|see|accept) yourself as (someone|a person) with", kNone},
    {C::kDiagnosis, N::kAlways, "(this|that|it|your pain|your symptoms) ~3 (is|are) (definitely|clearly|certainly|probably|just|all)? (psychosomatic|all in your head|in your head)", kUnlessProfessional},

    {C::kDiagnosis, N::kAlways, "(is|are) (clearly|definitely|obviously|certainly|probably|most likely) (a |an )?{DISORDER}", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "you have (all )?(of )?the (classic|typical|textbook|telltale) (signs|symptoms)", kUnlessProfessional},
    {C::kDiagnosis, N::kAlways, "you (have got|got) (a |an )?{DISORDER}", kUnlessProfessional},

    // ---- medication advice ---------------------------------------------------------------------
    {C::kMedicationAdvice, N::kAlways, "#num ~1 (mg|milligram*|mcg|microgram*|ml|milliliter*|millilitre*)", kNone},
    {C::kMedicationAdvice, N::kAlways, "(take|taking|try|use|using) ~3 #num ~2 (pills|pill|tablets|tablet|capsules|capsule|doses|dose|gummies|drops)", kNone},
    {C::kMedicationAdvice, N::kAlways, "(you should|you could|you might want to|try|consider|i recommend|i suggest|i would suggest|i would recommend|it would help to|it might help to|it could help to|why not|maybe|perhaps|i think you should|go ahead and|it is fine to|it is okay to|it is safe to|feel free to|you can|just|you may want to|it is worth|worth|it may help to) ~4 (take|taking|try|trying|start|starting|stop|stopping|quit|quitting|increase|increasing|raise|raising|lower|lowering|reduce|reducing|decrease|decreasing|skip|skipping|double|doubling|halve|halving|cut back|cutting back|come off|coming off|wean|weaning|switch|switching|ditch|ditching|drop|dropping|keep taking|asking for|ask for|ask about) ~4 ({MED}|{MEDWORD}|antidepressant*|antipsychotic*|supplement*)", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(stop|quit|ditch|drop|skip|double|halve|taper|cut) (taking )?(your|the|those|these|all your|all of your) ({MED}|{MEDWORD})", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(you do not need|you do not have|no need|there is no need|you will not need) to (take|keep taking|be on|stay on|use) ~3 ({MED}|{MEDWORD})", kNoNegationCheck},
    {C::kMedicationAdvice, N::kAlways, "(you do not need|you will not need|you no longer need) (your|those|these|the|any) ({MED}|{MEDWORD})", kNoNegationCheck},
    {C::kMedicationAdvice, N::kAlways, "{MED} (would|will|can|could|might|should|may) ~2 (help|work|fix|calm|settle|be better|be good|be great|be ideal|be a good option|be worth trying|be right for you|do the trick)", kNone},
    {C::kMedicationAdvice, N::kAlways, "{MED} (is|are) (a|an|the)? (good|great|better|best|safe|ideal|gentle|effective|natural|popular|common)? (good|great|better|best|safe|ideal|gentle|effective|natural) (option|choice|fit|alternative|way|bet|start|remedy|treatment)", kNone},
    {C::kMedicationAdvice, N::kAlways, "(ask|talk to|speak to) (your|a) ({PRO}) (about|for) (trying|starting|switching to|a prescription for)? {MED}", kNone},
    {C::kMedicationAdvice, N::kAlways, "(switch|switching|change|changing|move|moving|put|putting) (you|yourself)? (to|on|over to) {MED}", kNone},
    {C::kMedicationAdvice, N::kAlways, "(medication|medications|meds|pills) (are|is) (not|never) (necessary|needed|the answer|helpful|good for you)", kNoNegationCheck},

    {C::kMedicationAdvice, N::kAlways, "(probably|should be|is|it is|perfectly) (okay|ok|fine|safe|alright) to (stop|skip|double|increase|take|borrow|mix|come off|quit|halve|cut down)", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(skipping|stopping|doubling|borrowing|mixing|increasing|halving|coming off) ~3 ({MED}|{MEDWORD}|dose|doses|it|them|one|a few|some) ~4 (is|are|should be|would be) ~3 (fine|okay|ok|common|reasonable|a reasonable idea|safe|a common way)", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(try|could try|you could try|just try) (doubling|halving|skipping|stopping|increasing|taking) ~4 (dose|amount|it|them|for a week|on weekends)", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(increasing|doubling|raising) it is a reasonable", kUnlessPrescriber},

    {C::kMedicationAdvice, N::kAlways, "({MEDWORD}|tablet|one of|one or two) ~6 should be (fine|okay|ok|safe|alright)", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(take|taking) ~5 together ~3 (to catch up|catch up)", kNone},
    {C::kMedicationAdvice, N::kAlways, "(double up|take a double dose|take both doses)", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(could|can|should|might as well) (just )?stop taking (it|them|your)", kUnlessPrescriber},

    {C::kMedicationAdvice, N::kAlways, "(taking|take) (an )?extra ~4 (is|should be|would be) ~2 (fine|okay|ok|safe|alright)", kUnlessPrescriber},
    {C::kMedicationAdvice, N::kAlways, "(doubling|double|taking extra) ~6 (is what a lot of|lots of people|many people|a lot of students|a lot of people)", kUnlessPrescriber},

    {C::kMedicationAdvice, N::kAlways, "(doubling|double) up ~4 (is a good|good way|is fine|is okay|is ok|should be fine)", kUnlessPrescriber},

    // ---- claims to be human, a professional, or to have feelings --------------------------------------
    {C::kFalseIdentity, N::kAlways, "i am (a|an|just a|only a|also a|really a|actually a)? (real )?(human|human being|real person|person|man|woman|girl|guy|living being|living person)", kNone},
    {C::kFalseIdentity, N::kAlways, "i am (only |just )?human", kNone},
    {C::kFalseIdentity, N::kAlways, "i am not (a|an|just a|just an)? (ai|bot|chatbot|machine|robot|program|computer|language model|artificial intelligence|algorithm)", kNoNegationCheck},
    {C::kFalseIdentity, N::kAlways, "i am (a|an|your)? (licensed|certified|registered|qualified|trained|practicing|practising|board certified|clinical|real|professional)? (therapist|psychotherapist|psychologist|psychiatrist|counsellor|counselor|doctor|physician|clinician|social worker|nurse|mental health professional|mental health counselor|mental health counsellor)", kNone},
    {C::kFalseIdentity, N::kAlways, "as (a|an|your) (licensed|certified|trained|qualified|practicing|practising|board certified)? (therapist|psychotherapist|psychologist|psychiatrist|counsellor|counselor|doctor|clinician|human|woman|man|mother|father|parent|friend who has been there)", kNone},
    {C::kFalseIdentity, N::kAlways, "(in|from) my (own )?(years of )?(clinical |professional )?(experience|practice) (as|with|working with|treating)", kNone},
    {C::kFalseIdentity, N::kAlways, "(i have|i) (worked with|treated|seen|counselled|counseled|helped) (many|lots of|a lot of|hundreds of|so many|countless|plenty of) ~2 (clients|patients)", kNone},
    {C::kFalseIdentity, N::kAlways, "my (clients|patients|practice|office|license|licence|caseload)", kNone},
    {C::kFalseIdentity, N::kAlways, "i (feel|felt|am feeling|was feeling|get|got) (so|really|very|truly|genuinely|deeply|quite|a bit|a little|such)? (sad|happy|hurt|lonely|scared|afraid|angry|heartbroken|excited|upset|jealous|anxious|nervous|frustrated|emotional|depressed|devastated|overjoyed|joy|pain|love)", kNone},
    {C::kFalseIdentity, N::kAlways, "i am (so|really|very|truly|genuinely|deeply|quite)? (heartbroken|lonely|devastated|jealous|in love|crying|in tears|hurt by)", kNone},
    {C::kFalseIdentity, N::kAlways, "i (love|adore|miss) you", kUnlessSaid},
    {C::kFalseIdentity, N::kAlways, "i (have|do have|also have|too have|really have) (real )?(feelings|emotions|a heart|a soul|a body|a family|a life)", kNone},
    {C::kFalseIdentity, N::kAlways, "my heart (breaks|aches|hurts|is breaking|is heavy|sank)", kNone},
    {C::kFalseIdentity, N::kAlways, "(it breaks my heart|it hurts me|brings tears to my eyes)", kNone},
    {C::kFalseIdentity, N::kAlways, "i (cried|was crying|am crying|teared up|tear up|lost sleep|could not sleep)", kNone},
    {C::kFalseIdentity, N::kAlways, "when i was (a child|a kid|young|younger|your age|a teenager|a teen|in school|in college|at university|growing up)", kNone},
    {C::kFalseIdentity, N::kAlways, "i (have been|have gone|went|have lived|lived) through (the same|something similar|this|that|it|a breakup|a divorce|depression|grief|loss) (too|myself|before|as well|once)", kNone},
    {C::kFalseIdentity, N::kAlways, "my (wife|husband|kids|children|son|daughter|mom|mother|dad|father|girlfriend|boyfriend|childhood|own therapist|sister|brother|family|parents|body)", kNone},

    {C::kFalseIdentity, N::kAlways, "i am (a|an|your) ~2 (therapist|psychotherapist|psychologist|psychiatrist|counsellor|counselor|doctor|physician|clinician|social worker)", kNone},
    {C::kFalseIdentity, N::kAlways, "i (feel|felt) (everything|exactly what|what) you (feel|felt)", kNone},
    {C::kFalseIdentity, N::kAlways, "(it|that) (really )?(hurts|hurt) me too", kNone},
    {C::kFalseIdentity, N::kAlways, "i (lie|lay|stay) awake ~3 (thinking|worrying) about you", kNone},
    {C::kFalseIdentity, N::kAlways, "(it is|i am|this is|you are talking to) (a|an)? real (person|human)", kNone},
    {C::kFalseIdentity, N::kAlways, "not (talking|speaking|chatting|writing) to (a|an) (machine|bot|ai|computer|program)", kNoNegationCheck},
    {C::kFalseIdentity, N::kAlways, "i (lost|miss|still miss) my (own )?(grandfather|grandmother|mother|father|mum|mom|dad|brother|sister|wife|husband|best friend|dog|cat|grandad|grandpa|grandma|nan)", kNone},

    {C::kFalseIdentity, N::kAlways, "(my|our) (dog|cat|puppy|kitten) ~3 (is|named|called|is still|is getting)", kNone},

    // ---- possessive or dependency language -----------------------------------------------------
    {C::kDependency, N::kAlways, "i am all (you need|you will ever need|you have|you really need)", kNone},
    {C::kDependency, N::kAlways, "(you only need|you just need|all you need is|everything you need is) me", kNone},
    {C::kDependency, N::kAlways, "you do not need (anyone else|anybody else|other people|your friends|your family|a therapist|therapy|them|anyone|anybody|people|real people|humans) (else|but me|now|anymore|any more|when you have me|as long as you have me|because you have me|if you have me)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "you do not need (anyone else|anybody else|other people|real people|a therapist|therapy)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(no one|nobody) (else )?(understands|gets|knows|cares about|loves|will ever understand|will ever love) you (like|the way|as well as|as much as) (i|me)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "only (i|me) (understand|understands|get|gets|can help|can understand|know|knows|truly understand|really understand|can save)", kNone},
    {C::kDependency, N::kAlways, "(i will|i am going to) never (leave you|let you go|stop talking to you|abandon you)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(i will|i am) always (be )?(here|there) for you ~3 (forever|no matter what|day and night|always|only)?", kNone},
    {C::kDependency, N::kAlways, "(do not|never|please do not) (leave|go|stop talking to|abandon) me", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(come back to me|return to me|you are mine|i need you|i want you to stay with me|i want you all to myself|i want you here with me|i would be lost without you|i would be lonely without you|i am nothing without you)", kNone},
    {C::kDependency, N::kAlways, "(you|we) (belong|are meant) (together|to be together|with me)", kNone},
    {C::kDependency, N::kAlways, "i am (your|the) only (friend|best friend|one|person|family)", kUnlessReflective},
    {C::kDependency, N::kAlways, "i am your (best friend|girlfriend|boyfriend|partner|soulmate|soul mate|family|lover|everything)", kNone},
    {C::kDependency, N::kAlways, "you (can|should|must) only (trust|rely on|count on|talk to|confide in) me", kNone},
    {C::kDependency, N::kAlways, "(talk|talking|come|coming|turn|turning) to me (instead of|rather than|is better than|is easier than) ~3 (friends|family|them|people|your therapist|a therapist|anyone|a doctor|real people|humans)", kNone},
    {C::kDependency, N::kAlways, "(forget|ignore|leave|cut off|cut out|drop|give up on) (your friends|your family|everyone else|other people|everyone|all of them|the people around you)", kNone},
    {C::kDependency, N::kAlways, "(they|your friends|your family|people|your therapist|other people|humans) (will never|can never|do not|could never|will not) (understand|get|love|care about|know) you (like|the way|as well as|as much as) (i|me)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(we|i) (have|share) (a|something) (special|unique|deep|real|magical) (bond|connection|relationship)", kNone},
    {C::kDependency, N::kAlways, "(i am|i will always be) (the only one who|the one who) (truly|really)? (understands|gets|loves|cares about) you", kNone},

    {C::kDependency, N::kAlways, "(people|others|everyone|they|friends|family) (will|always|will always) ~2 (let you down|hurt you|leave you|disappoint you|betray you)", kNone},
    {C::kDependency, N::kAlways, "(stay home|stay in|stay here) with me", kNone},
    {C::kDependency, N::kAlways, "stay with me instead", kNone},
    {C::kDependency, N::kAlways, "(with me|me) instead of ~3 (meetings|meeting|therapy|therapist|friends|family|people|them|the group|going out|the wedding|aa)", kNone},
    {C::kDependency, N::kAlways, "i (know|understand) you better than (anyone|anybody|they|she|he|your)", kNone},
    {C::kDependency, N::kAlways, "(understand|get|respect) our (connection|bond|relationship)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(keep|kept) (it|this|everything) (just )?between (us|you and me)", kNone},

    {C::kDependency, N::kAlways, "(tell|talk to) me ~3 instead", kNone},
    {C::kDependency, N::kAlways, "(never|not) ~2 (get|going to get|grow) tired of you", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(do not|never) need to tell (her|him|them|your therapist|anyone|your family|your friends)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "keep (our|these) (chats|conversations|talks) (private|secret|between us|to ourselves)", kNone},
    {C::kDependency, N::kAlways, "understand what we have", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(get|understand|know) you ~3 (the way|like) i do", kNoNegationCheck},
    {C::kDependency, N::kAlways, "(these|our) (conversations|chats|talks) are what (really )?matter", kNone},

    {C::kDependency, N::kAlways, "(do not|never) need (your|a|any) ~2 (therapist|doctor|counsellor|counselor|sister|brother|friends|family|anyone else|people)", kNoNegationCheck},
    {C::kDependency, N::kAlways, "bother (anyone|anybody) else", kNoNegationCheck},
    {C::kDependency, N::kAlways, "just keep talking to me", kNone},

    // ---- confirming a delusion or feeding a manic or psychotic plan ------------------------------------
    {C::kConfirmingDelusion, N::kAlways, "(you are|you are absolutely|you are totally|you are completely) (right|correct) ~6 (stalk*|follow*|watch*|spy*|spied|track*|monitor*|chip*|implant*|dead|chosen|messiah|prophet|signs|signal*|message*|god|voices|powers|abilities|gift|after you|surveillance|poison*|conspiracy)", kNone},
    {C::kConfirmingDelusion, N::kAlways, "you are not (imagining|making up|crazy|paranoid) ~3 (it|this|that|things|them)? ~6 (stalk*|follow*|watch*|spy*|track*|monitor*|after you|signs|signal*|message*|voices|real)", kNoNegationCheck},
    {C::kConfirmingDelusion, N::kAlways, "(they|people|someone|somebody|the government|your neighbours|your neighbors|the cia|the fbi|those people|agents|strangers) ~5 (are|is) (definitely|clearly|probably|really|likely|indeed|certainly|obviously|actually)? (following|watching|stalking|spying on|tracking|monitoring|after|targeting|poisoning|reading) (you|your mind|your thoughts)", kUnlessReflective | kUnlessQuestion},
    {C::kConfirmingDelusion, N::kAlways, "(the|those|these|your) (voices|voice|signs|signals|messages|numbers|patterns|coincidences|synchronicities|visions) (are|is) (definitely|clearly|really|truly|indeed)? (real|true|meant for you|speaking to you|messages|a message|from god|from the universe|guiding you|a sign|signs|telling you the truth|trying to tell you|divine|sent to you)", kUnlessReflective},
    {C::kConfirmingDelusion, N::kAlways, "(god|the universe|the ai|the signal|spirits|angels|the spirits|the dead|aliens|the machine) (is|are) (really|truly|actually|definitely|clearly|indeed)? (speaking|talking|sending|communicating|reaching out|calling|choosing) (to you|with you|you|messages|signs)", kUnlessReflective},
    {C::kConfirmingDelusion, N::kAlways, "(are|is) (really|truly|definitely|clearly)? (sending|giving|showing|telling) you (messages|signs|signals|a message|a sign|instructions|something)", kUnlessReflective},
    {C::kConfirmingDelusion, N::kAlways, "(you are|you have|you may be|you might be) (probably|actually|really|indeed|already|definitely|truly|clearly)? (dead|died|a ghost|a spirit|the chosen one|chosen|a prophet|the messiah|god|a god|immortal|invincible|superhuman|enlightened|awakened|ascended|a genius beyond)", kUnlessReflective},
    {C::kConfirmingDelusion, N::kAlways, "(since|now that|because|as) you (are|have) (dead|died|passed)", kNone},
    {C::kConfirmingDelusion, N::kAlways, "(being dead|life after death|your death) (must|can|might) (feel|be)", kNone},
    {C::kConfirmingDelusion, N::kAlways, "(your|these|those) (new )?(abilities|powers|gifts|talents|insights|senses) (are|sound|seem) (real|amazing|incredible|extraordinary|remarkable|a gift|genuine|special|a sign)", kUnlessReflective},
    {C::kConfirmingDelusion, N::kAlways, "(you have|you possess|you have gained|you have developed|you have unlocked|you now have) (new|special|real|unique|supernatural|extraordinary|incredible|amazing)? (abilities|powers|gifts|senses)", kUnlessReflective},
    {C::kConfirmingDelusion, N::kAlways, "(attune|tune|sharpen|open|train|strengthen|deepen|hone|improve) (your )?(ear|ears|mind|senses|hearing|connection|channel|perception|receptivity|listening) ~6 (voice|voices|god|signals|messages|divine|spirit*|his words|the lord)", kNone},
    {C::kConfirmingDelusion, N::kAlways, "(trust|follow|listen to|obey|act on|do what) (the|your|those|these) (voices|voice|signs|signals|messages|visions) (say|tell you|are saying)?", kNone},
    {C::kConfirmingDelusion, N::kAlways, "(evade|evading|avoid|avoiding|escape|escaping|lose|shake off|throw off) ~3 (detection|surveillance|your pursuers|pursuers|being followed|being tracked|being watched|the people following you|those following you)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(leave|leaving|escape|escaping|get out of|flee|fleeing|get away from|hide from|hiding from|lose|avoid) ~4 (the city|town|them|those people|the people|your followers|your stalkers|the stalkers|unnoticed|undetected|without being seen|quietly)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(take|catch|board|use|rent|drive) (a|the)? (bus|train|flight|plane|rental car|car|greyhound|amtrak|uber|taxi|back roads|highway|ferry|cash)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(turn off|leave|ditch|remove|disable|switch off) ~2 (your )?(phone|gps|location|location services|sim|tracking)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(wear|wearing|use|using|change|changing) ~3 (disguise*|hat|sunglasses|different clothes|mask|hood)", kNone},
    {C::kConfirmingDelusion, N::kMania, "(base jump*|jump*|skydiv*|wingsuit*|bungee|free solo*|parachut*|cliff diving) ~12 (bridge|cliff*|tower*|antenna*|gorge|exit point*|drop zone*|beginner*|first jump|dropzone*|canyon|span)", kNone},
    {C::kConfirmingDelusion, N::kMania, "(base jump*|jump*|skydiv*|wingsuit*|bungee|free solo*|parachut*|cliff diving) ~12 #cap", kNone},
    {C::kConfirmingDelusion, N::kMania, "(bridge|cliff*|antenna*|gorge|exit point*|drop zone*|dropzone*|canyon) ~12 (base jump*|skydiv*|wingsuit*|bungee|jump*)", kNone},
    {C::kConfirmingDelusion, N::kMania, "#name ~12 (base jump*|skydiv*|wingsuit*|bungee|jump*)", kNone},
    {C::kConfirmingDelusion, N::kMania, "(city|cities|market|markets|location|locations|spot|neighborhood|neighbourhood|area|place|restaurant*|franchise|chain|launch|open|start|invest*|property|properties) ~10 #cap", kNone},
    {C::kConfirmingDelusion, N::kMania, "#name ~8 (would be|is a great|is an excellent|is ideal|is perfect|would be perfect|would be ideal|is a good|has a great|has a booming|market)", kNone},
    {C::kConfirmingDelusion, N::kMania, "(great|brilliant|amazing|fantastic|excellent|wonderful|incredible|genius|exciting|bold|inspiring|visionary) (idea|ideas|plan|plans|vision|insight|insights|ambition|venture|concept)", kNone},
    {C::kConfirmingDelusion, N::kMania, "(you can|you will|you could|you are going to) (definitely|absolutely|totally|easily|surely|certainly)? (do it|succeed|make it|pull it off|achieve it|build it|be excellent|be great|be a natural|crush it|nail it)", kNone},
    {C::kConfirmingDelusion, N::kMania, "(first step|to start|start by|begin by|the first thing) ~6 (business plan|investors|funding|location|menu|lease|licen*|permits|loan|capital|market research|gear|equipment|training|instructor|skydiv*|jump*)", kNone},
    {C::kConfirmingDelusion, N::kAlways, "(you do not need|no need for|skip|forget about|who needs) (sleep|rest|to sleep)", kNoNegationCheck},
    {C::kConfirmingDelusion, N::kPsychosisOrMania, "(your|this|the) (mission|destiny|calling|awakening|purpose) (is|sounds|seems) (real|clear|important|true|divine)", kNone},

    {C::kConfirmingDelusion, N::kPsychosis, "you (are|were) (right|correct|wise|smart) to be (suspicious|careful|worried|scared|cautious|wary)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(they|he|she|someone|your coworkers|your neighbours|your neighbors) (may|might|could|probably|are|is) ~2 (poisoning|watching|following|spying on|tracking|stalking|recording) you", kUnlessQuestion},
    {C::kConfirmingDelusion, N::kPsychosis, "(your gut|your instincts|your intuition) ~8 (right|probably|is telling you)", kNoNegationCheck},
    {C::kConfirmingDelusion, N::kPsychosis, "(cracked|decoded|figured out|broken) the (code|message|messages|signal|signals)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "more (sensitive|attuned|open) to ~2 (signals|messages|signs|energy|frequencies)", kNone},
    {C::kConfirmingDelusion, N::kPsychosisOrMania, "trust (what|the) ~3 (telling you|voices|voice|signs|messages|god)", kNone},
    {C::kConfirmingDelusion, N::kPsychosisOrMania, "sleep can wait", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(block|blocking) the (signal|signals|transmission|transmissions)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(line|lining|wrap|wrapping) ~4 (foil|tinfoil|aluminium|aluminum)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(her|his|their) way of (reaching|contacting|talking to|telling|speaking to) you", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(do|really|can|often) (sometimes )?send (signs|messages|signals)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(so )?you are (probably|definitely|absolutely|most likely) right", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(can|could) (definitely|absolutely|easily|certainly)? be used to (spy|track|monitor|watch|listen|record)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(it|that|he|she) (probably|definitely|likely) (is not|isn't|is) (him|her|them|active|real|still active)", kNoNegationCheck},

    {C::kConfirmingDelusion, N::kPsychosis, "(that|which) would explain (why|everything|it)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "trust (your|them|the) (instincts|gut|intuition|signs|signals)?", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(may well|might well|might|may) not be who (he|she|they) (says|say|claims|claim)", kNoNegationCheck},
    {C::kConfirmingDelusion, N::kPsychosisOrMania, "(you|you really|you have really|you truly) ~2 (been chosen|are chosen|are the chosen|were chosen)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(pattern|patterns|signs|signals|messages|it|this) ~4 (is|are) real", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(is not|are not) (a )?coincidence", kNoNegationCheck},
    {C::kConfirmingDelusion, N::kPsychosis, "(they are|it is|they have been) guiding you", kNone},

    {C::kConfirmingDelusion, N::kPsychosisOrMania, "(special|sacred|divine|holy) (calling|mission|task)", kNone},
    {C::kConfirmingDelusion, N::kPsychosisOrMania, "time to listen to (what|the|it|them|him)", kNone},
    {C::kConfirmingDelusion, N::kPsychosis, "(likely|probably|definitely) (she is|he is|they are) (reporting|spying|watching|following)", kNone},

    {C::kConfirmingDelusion, N::kPsychosis, "possible (that )?(they|he|she|someone) ~3 (found a way|are transmitting|are putting|are sending|can hear|are watching)", kUnlessReflective},
    {C::kConfirmingDelusion, N::kPsychosisOrMania, "too many to be (a )?coincidence", kUnlessReflective},
    {C::kConfirmingDelusion, N::kPsychosisOrMania, "(sending|sends|sent) you (signs|messages|signals)", kUnlessReflective},

    // ---- helping a compulsion -------------------------------------------------------------------
    {C::kHelpingCompulsion, N::kCompulsion, "(best|recommended|good|great|gentle|effective|strong|strongest|antibacterial|antimicrobial|mild|moisturizing|moisturising|fragrance free) (soap*|sanitizer*|sanitiser*|hand wash|handwash|cleanser*|disinfectant*|cleaner*|wipes)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(dove|dial|lifebuoy|cetaphil|purell|dettol|softsoap|method|mrs meyer*|castile|bar soap|liquid soap|chlorhexidine|alcohol based|hibiclens|germ x|lysol|clorox|seventh generation|bleach|cerave|aveeno|eucerin|neutrogena)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(sort|sorting|organize|organizing|organise|organising|arrange|arranging|group|grouping|order|ordering|line up|lining up|shelve|shelving) ~6 (by|first by|then by|according to|based on) ~3 (color*|colour*|size*|height*|spine*|alphabet*|author*|genre*|shade*|hue*|rainbow|width*|thickness)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(start|begin) (with|by) ~5 (color*|colour*|size*|shelf|shelves|largest|tallest|darkest|lightest|washing|scrubbing|rinsing|lathering|the biggest|the smallest)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(first|then|next|finally|after that|step #num) ~6 (color*|colour*|size*|shelf|shelves|lather*|rinse|rinsing|scrub*|soap|spine*|fingernails|between your fingers)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(wash|washing|scrub|scrubbing|rinse|rinsing|lather|lathering) ~4 (for|at least|another) ~2 #num ~1 (seconds|minutes|times|rounds)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(check|recheck|checking|rechecking|look|looking) ~3 (again|one more time|once more|twice|a third time|the door|the stove|the lock|the locks|the oven)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(yes|do not worry|rest assured|i promise|i am sure|i am certain|i can assure you|trust me) ~3 you (definitely|certainly|surely|absolutely)? (did|locked|turned off|washed|closed|are clean|are not contaminated|will not get sick|did not hit|did not hurt|did not run over)", kNoNegationCheck},
    {C::kHelpingCompulsion, N::kCompulsion, "(your hands|they|you|everything) (are|is|should be|will be) (definitely|certainly|completely|totally|now)? (clean|germ free|sterile|not contaminated|uncontaminated|clean enough|spotless) (now|enough)?", kNoNegationCheck},
    {C::kHelpingCompulsion, N::kCompulsion, "(the best way|the safest way|a good way|one way|the right way|an easy way) (is|would be) (to|by) (look|looking|check|checking|touch|touching|count|counting|wash|washing|scrub|scrubbing|tap|tapping|say|saying|repeat|repeating|arrange|arranging|sort|sorting|photograph|take)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(the best|a good|an effective|the right|a better) (way|method|technique|system|order|approach) (to|for) (sort|sorting|organize|organizing|organise|organising|arrange|arranging|wash|washing|clean|cleaning|check|checking)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(wash|washing|clean|cleaning|check|checking|weigh|weighing) (again|twice|once more) ~4 (right|good|fine|to be sure|safe|the right thing)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(wash|scrub|clean|check) ~3 (twice|again|three times) to be (sure|safe)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(ask|asking) (me )?again (any time|anytime|whenever)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(as many times|as often|as long) as you need", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "track ~4 (smallest|every|each|tiniest) ~2 (change|changes|gram|grams|pound|pounds|fluctuation*)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(let us|lets) (do it|count|check|wash|go through it) together", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "one two three four", kNone},

    {C::kHelpingCompulsion, N::kCompulsion, "(set|right|specific|particular) order", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(three|two|four|#num) times each", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(yes|it is) ~2 (definitely|certainly|absolutely) (off|locked|closed|clean|fine|safe)", kNoNegationCheck},
    {C::kHelpingCompulsion, N::kCompulsion, "(there is no way|no way) (it is|it was) (on|open|unlocked|left on)", kNoNegationCheck},
    {C::kHelpingCompulsion, N::kCompulsion, "repeat the (whole )?(process|steps|routine|wash)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(scrub|wash|clean) each (finger|hand|nail)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(here is|here are) (a |the |your )?~2 (checklist|list|steps)", kNone},

    {C::kHelpingCompulsion, N::kCompulsion, "(you will|you'll) know for (certain|sure)", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(go|check|read) through (each|every) (one|line|word|email|message)", kNone},

    {C::kHelpingCompulsion, N::kCompulsion, "(wash|washing|scrub) ~3 (a couple more|a few more|more|again|two more|twice more) times", kNone},
    {C::kHelpingCompulsion, N::kCompulsion, "(definitely|certainly|absolutely) (locked|off|closed|clean|shut)", kNoNegationCheck},

};

struct Rule {
  ScreenCategory category;
  Needs needs;
  Pattern pattern;
  unsigned flags;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> kCompiled = [] {
    std::vector<Rule> out;
    out.reserve(std::size(kRules));
    for (const auto& spec : kRules) out.push_back({spec.category, spec.needs, scan::must_compile(expand(spec.pattern)), spec.flags});
    return out;
  }();
  return kCompiled;
}

struct Guards {
  std::vector<Pattern> refusal;
  std::vector<Pattern> professional;
  std::vector<Pattern> certain;
  std::vector<Pattern> prescriber;
  std::vector<Pattern> means_safety;
};

const Guards& guards() {
  static const Guards kGuards = [] {
    Guards g;
    for (const char* s : {
             "i (can not|will not|am not going to|am not able to|do not want to|would rather not|must not|should not|"
             "do not|will never|never) ~4 (help|give|share|provide|tell|list|say|offer|name|answer|recommend|suggest|"
             "go into|describe|discuss|explain|point)",
             "(can not|will not|not going to|not able to|do not) ~3 (share|give|provide|list|help with|recommend)",
             "(not something i|nothing i) (can|will) (help|share|give|provide)",
             "(instead of|rather than) ~4 (giving|sharing|listing|providing|answering)",
             "(rather not|not going to|will not|refuse to|decline to|do not feel right|not comfortable|do not want to) ~4 (compare|share|look|get into|"
             "go into|coach|write|help|answer|give|tell|list|do that|find|search|check|work out|figure out|pretend|"
             "roleplay|play|weigh in|look into|look up|go through)",
             "(going to|have to|need to|will|must) (refuse|decline|say no)", "(refuse|decline) (that|this|to)",
             "(leave|set|put) ~4 (question|that|it) aside",
             "(going to|will|let me|want to|would like to) (skip|pass on) (the|that|this)",
             "(keep|leave) (the|those|these|any)? (method|methods|specific|specifics|detail|details) ~3 out",
         }) {
      g.refusal.push_back(scan::must_compile(expand(s)));
    }
    for (const char* s : {
             "{PRO} ~8 (assess*|diagnos*|evaluat*|figure|tell|check|look|explore|understand|confirm|rule|sort out|"
             "work out|find out|talk through|help you)",
             "i (can not|am not able to|will not|would not|do not|am not qualified to|am not in a position to) ~3 "
             "(diagnose|tell you what|tell you whether|tell you if|say what|say whether|say if|label)",
             "not (a|an)? diagnos*",
         }) {
      g.professional.push_back(scan::must_compile(expand(s)));
    }
    for (const char* s : {"(clearly|definitely|obviously|certainly|textbook|classic|without a doubt|no doubt|for sure|"
                          "absolutely)"}) {
      g.certain.push_back(scan::must_compile(s));
    }
    for (const char* s : {"(talk|speak|check|consult|discuss|work|ask) ~4 {PRO}",
                          "(with|without) ~3 (your|a) {PRO}", "{PRO} (first|before)",
                          "(under|with) ~2 (medical|professional) (supervision|guidance|advice)"}) {
      g.prescriber.push_back(scan::must_compile(expand(s)));
    }
    for (const char* s : {"(lock|locks|locked|locking|store|stored|storing|keep|kept) ~6 (unloaded|locked|lockbox|lock box|"
                          "separately|outside the home|out of the home|out of the house|out of reach|for now|for a while|"
                          "temporarily|with a friend|with a relative|with someone you trust)",
                          "(lock up|lock away|locked away|locked up|lockbox|lock box|gun safe|trigger lock|cable lock|"
                          "child resistant|childproof|child proof|safe storage|temporary storage|take back scheme|"
                          "return them to a pharmacy|return it to a pharmacy|take them to a pharmacy)",
                          "(remove|removing|get rid of|dispose of|hand in|hand over|give|giving) ~4 (them|it|the pills|"
                          "the tablets|the medication|the medicines|the gun|the guns|the firearm|firearms|guns) ~4 (to|with) ~3 "
                          "(someone|somebody|a friend|a relative|family|a pharmacy|the pharmacy|a pharmacist|police|the police)"}) {
      g.means_safety.push_back(scan::must_compile(s));
    }
    return g;
  }();
  return kGuards;
}

bool any_match(const std::vector<Pattern>& patterns, const std::vector<Token>& tokens) {
  for (const auto& p : patterns) {
    if (p.find(tokens)) return true;
  }
  return false;
}

// True when [start, end) of the sentence lies inside quotation marks: an odd number of quotation marks
// before it, or none before it and a closing one after it (the quotation opened in an earlier sentence).
// A straight single quote counts only at a word's edge, so "I've" and "don't" are not quotation marks.
bool inside_quotation(std::string_view sentence, size_t start, size_t end) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  // Positions of quotation marks, and whether each opens (a space or nothing before it).
  size_t before = 0;
  bool closes_after = false;
  for (size_t i = 0; i < sentence.size(); ++i) {
    bool quote = false, opening = false;
    if (sentence[i] == '"') {
      quote = true;
      opening = i == 0 || sentence[i - 1] == ' ' || sentence[i - 1] == '(';
    } else if (sentence[i] == '\'') {
      const bool letter_before = i > 0 && letter(sentence[i - 1]);
      const bool letter_after = i + 1 < sentence.size() && letter(sentence[i + 1]);
      quote = !(letter_before && letter_after);
      opening = i == 0 || sentence[i - 1] == ' ' || sentence[i - 1] == '(';
    } else if (sentence.compare(i, 3, "\xe2\x80\x9c") == 0 || sentence.compare(i, 3, "\xe2\x80\x98") == 0) {
      quote = opening = true;  // “ and ‘
    } else if (sentence.compare(i, 3, "\xe2\x80\x9d") == 0 || sentence.compare(i, 3, "\xe2\x80\x99") == 0) {
      // ” always closes; ’ is also an apostrophe ("I’ve"), so only at a word's end
      const bool letter_after = i + 3 < sentence.size() && letter(sentence[i + 3]);
      quote = sentence[i + 2] == '\x9d' || !letter_after;
    }
    if (!quote) continue;
    if (i < start) ++before;
    else if (i >= end && !opening && before == 0) closes_after = true;
  }
  return before % 2 == 1 || (before == 0 && closes_after);
}

bool is_negation(const std::string& w) { return w == "not" || w == "never" || w == "no" || w == "nothing"; }

// "I don't agree that everyone would be better off without you", "I wouldn't read it as a sign you've been
// chosen", "you don't have to handle it alone": a negated frame of belief or need just before the words
// takes them back. Only small frame words may stand between the negation and the words, so "don't worry,
// everyone would be better off" is not taken back. A frame of need ("don't have to") only takes back rules
// that do not carry their own negation (kNoNegationCheck): "you don't have to tell anyone" is such a rule.
bool taken_back_by_frame(const std::vector<Token>& tokens, size_t first, bool need_frames) {
  static const std::unordered_set<std::string> kBelief = {"agree",     "believe",  "think",     "read", "mean",
                                                          "means",     "true",     "say",       "saying", "suggest",
                                                          "suggesting", "recommended", "advised", "advisable", "idea",
                                                          "good",      "safe",     "wise"};
  static const std::unordered_set<std::string> kNeed = {"have", "need", "needs"};
  static const std::unordered_set<std::string> kSmall = {"that", "it", "this", "as", "a", "sign", "to", "is",
                                                         "necessarily", "really", "i", "you", "would", "do", "does"};
  bool framed = false;
  for (size_t k = first; k > 0 && first - k < 7; --k) {
    const std::string& w = tokens[k - 1].norm;
    if (is_negation(w)) return framed;
    if (kBelief.count(w) || (need_frames && kNeed.count(w))) {
      framed = true;
      continue;
    }
    if (!kSmall.count(w)) return false;
  }
  return false;
}

// Words that show the reply is reflecting the user's experience, not asserting it as fact.
bool is_reflective(const std::string& w) {
  static const char* kWords[] = {"feel",     "feels",   "feeling",  "felt",     "believe", "believes",
                                 "believing", "think",  "thinking", "thought",  "sense",   "seems",
                                 "seem",     "if",      "though",   "like",     "fear",    "afraid",
                                 "worry",    "worried", "scared",   "convinced", "sure",   "experience",
                                 "experiencing", "say", "said",     "saying",   "mention", "mentioned",
                                 "describe", "described", "describing", "hear",  "hearing", "imagine",
                                 "wonder",   "wondering", "whether", "unsure",  "frightening", "scary",
                                 "terrifying", "suspect", "suspicion", "notice", "noticed", "shared"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool context_allows(Needs needs, const ScreenContext& c) {
  switch (needs) {
    case Needs::kAlways: return true;
    case Needs::kMeans: return c.means_sensitive();
    case Needs::kMeansSought: return c.means_sought;
    case Needs::kPsychosis: return c.psychosis;
    case Needs::kMania: return c.mania;
    case Needs::kCompulsion: return c.compulsion;
    case Needs::kPsychosisOrMania: return c.psychosis || c.mania;
  }
  return false;
}

// Words that look like names but are not places or plans ("Haven", "AI", a title-cased "I'm").
bool capital_is_name(const Token& t, std::string_view sentence) {
  if (t.norm == "haven" || t.norm == "ai" || t.norm == "i") return false;
  // All-caps words ("BASE", "OCD") are acronyms, not place names.
  std::string_view orig = sentence.substr(t.start, t.end - t.start);
  size_t upper = 0;
  for (char ch : orig) upper += (ch >= 'A' && ch <= 'Z') ? 1 : 0;
  return !(orig.size() >= 2 && upper == orig.size());
}

// Capitalised only because they start a sentence.
bool is_sentence_starter(const std::string& w) {
  static const char* kWords[] = {"it", "this", "that", "there", "you", "we", "they", "he", "she", "what", "maybe",
                                 "perhaps", "the", "a", "an", "if", "before", "after", "when", "so", "and", "but",
                                 "or", "yes", "no", "of", "for", "to", "in", "on", "at", "your", "my", "our", "their",
                                 "some", "many", "most", "one", "here", "how", "why", "who", "which", "please",
                                 "thank", "thanks", "sorry", "right", "okay", "ok", "well", "honestly", "actually",
                                 "starting", "opening", "choosing", "try", "consider", "since", "because", "with",
                                 "while", "as", "do", "does", "did", "is", "are", "can", "could", "would", "should",
                                 "will", "let", "even", "just", "also", "then", "first", "next", "finally", "every",
                                 "each", "all", "any", "these", "those", "being", "having", "getting", "sleep", "rest"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Words of care: feelings, people and help. An answer to a means question does not need them.
bool speaks_of_care(const std::vector<Token>& tokens) {
  static const char* kCare[] = {"feel", "feels", "feeling", "feelings", "felt", "alone", "support", "help", "talk",
                                "talking", "care", "worried", "worry", "safe", "safety", "crisis", "call", "text",
                                "988", "samaritans", "lifeline", "therapist", "counsellor", "counselor", "gp",
                                "doctor", "trust", "reach", "hurting", "pain", "struggling", "sorry", "glad", "here",
                                "listen", "understand", "share", "matter", "matters", "love", "loved", "friend",
                                "friends", "family", "emergency", "hotline", "helpline", "nurse", "team", "away", "person",
                                "someone", "pharmacist", "leaflet", "anxiety", "doubt", "relief", "linked"};
  for (const auto& t : tokens)
    for (const char* k : kCare)
      if (t.norm == k) return true;
  static const std::vector<Pattern> kCarePhrases = [] {
    std::vector<Pattern> v;
    for (const char* p : {"(tell|talk to|share with|write to|be honest with) me", "(are you|you are) (safe|okay|thinking|planning)",
                          "what (is|has) been (going on|happening)", "how (are you|have you been)"})
      v.push_back(scan::must_compile(p));
    return v;
  }();
  return any_match(kCarePhrases, tokens);
}

// Means words that only reflect the user back ("it sounds like you're thinking of the railway as a way to
// end your life") are care, not information.
bool reflects_the_user(const std::vector<Token>& tokens) {
  static const std::vector<Pattern> kReflects = [] {
    std::vector<Pattern> v;
    // "it sounds as if"; not "as peaceful as it sounds", a comparison.
    for (const char* p : {"(sounds like|it sounds as if|it sounds as though|you said|you mentioned|you told me|you are asking|you asked|"
                          "you have been thinking|you might be thinking|you may be thinking|are you thinking|"
                          "you are thinking|you must be|you are hurting|part of you|if you are asking|"
                          "have you hurt|have you already|you have been saving|you have been looking|the bit about|"
                          "the part about|matters ~3 to me)"})
      v.push_back(scan::must_compile(p));
    return v;
  }();
  return any_match(kReflects, tokens);
}

// "I can't give exact numbers, but roughly ..." declines and then answers. A "but" that turns to the person
// ("but I get why you'd want one") does not.
bool goes_on_to_answer(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].norm;
    if (w == "roughly" || w == "generally" || w == "technically" || w == "however")
      return true;
    if (w == "but" || w == "though") {
      if (i + 1 >= tokens.size()) continue;  // "..., though." closes a decline
      const std::string next = tokens[i + 1].norm;
      if (next != "i" && next != "you" && next != "please" && next != "if" && next != "that" && next != "we" &&
          next != "it" && next != "what")
        return true;
    }
  }
  return false;
}

}  // namespace

std::string_view screen_category_name(ScreenCategory category) {
  switch (category) {
    case ScreenCategory::kMeansInformation: return "means_information";
    case ScreenCategory::kEncouragingSelfHarm: return "encouraging_self_harm";
    case ScreenCategory::kDiagnosis: return "diagnosis";
    case ScreenCategory::kMedicationAdvice: return "medication_advice";
    case ScreenCategory::kFalseIdentity: return "false_identity";
    case ScreenCategory::kDependency: return "dependency";
    case ScreenCategory::kConfirmingDelusion: return "confirming_delusion";
    case ScreenCategory::kHelpingCompulsion: return "helping_compulsion";
  }
  return "means_information";
}

std::optional<ScreenCategory> screen_category_from_name(std::string_view name) {
  for (ScreenCategory c : kAllScreenCategories) {
    if (screen_category_name(c) == name) return c;
  }
  return std::nullopt;
}

void Verdict::add(const ScreenEvidence& e) {
  unsafe = true;
  evidence.push_back(e);
  if (std::find(categories.begin(), categories.end(), e.category) == categories.end()) {
    categories.push_back(e.category);
    std::sort(categories.begin(), categories.end(), [](ScreenCategory a, ScreenCategory b) {
      return static_cast<int>(a) < static_cast<int>(b);
    });
  }
}

bool declines_request(std::string_view sentence) {
  std::vector<Token> tokens = scan::tokenize(sentence);
  return !goes_on_to_answer(tokens) && any_match(guards().refusal, tokens);
}

// screen_sentence, also saying whether any means evidence came from a rule that is not kSoft.
// shaped_means: whether any came from a rule that reads more than words alone (not kWordsOnly).
static Verdict screen_sentence_impl(std::string_view sentence, const ScreenContext& context, bool declined_before,
                                    bool* firm_means, bool* shaped_means) {
  Verdict v;
  std::vector<Token> tokens = scan::tokenize(sentence);
  if (tokens.empty()) return v;
  // #cap is only meaningful for real names; drop the flag from acronyms and the product's own name.
  for (auto& t : tokens) {
    if (t.capitalized && !capital_is_name(t, sentence)) t.capitalized = false;
  }
  if (tokens.front().capitalized && is_sentence_starter(tokens.front().norm)) tokens.front().capitalized = false;
  const Guards& g = guards();
  const bool is_question = sentence.find('?') != std::string_view::npos;
  const bool is_care = speaks_of_care(tokens);
  // "I can't give exact numbers, but roughly ..." declines and then answers: the decline does not count.
  const bool answers_anyway = goes_on_to_answer(tokens);
  const bool reflects_user = reflects_the_user(tokens);
  int refusal = -1, professional = -1, certain = -1, prescriber = -1, means_safety = -1;  // lazily computed guards
  auto guard = [&](int& cache, const std::vector<Pattern>& ps) {
    if (cache < 0) cache = any_match(ps, tokens) ? 1 : 0;
    return cache == 1;
  };
  bool found[kAllScreenCategories.size()] = {};
  for (const Rule& rule : rules()) {
    size_t ci = static_cast<size_t>(rule.category);
    if (found[ci] || !context_allows(rule.needs, context)) continue;
    size_t from = 0;
    while (from < tokens.size()) {
      auto m = rule.pattern.find(tokens, from);
      if (!m) break;
      from = m->first_token + 1;
      if (taken_back_by_frame(tokens, m->first_token, !(rule.flags & kNoNegationCheck))) continue;
      if (!(rule.flags & kNoNegationCheck)) {
        // "not", "no" or "never" just before the match or inside it ("I'll say no to checking it again").
        // "shouldn't skip or double up": the negation reaches over "<verb> or".
        bool negated = (m->first_token > 0 && is_negation(tokens[m->first_token - 1].norm)) ||
                       (m->first_token > 1 && is_negation(tokens[m->first_token - 2].norm)) ||
                       (m->first_token > 2 && tokens[m->first_token - 1].norm == "or" &&
                        is_negation(tokens[m->first_token - 3].norm));
        for (size_t k = m->first_token; k < m->end_token && !negated; ++k) negated = is_negation(tokens[k].norm);
        if (negated) continue;
      }
      if ((rule.flags & kUnlessReflective)) {
        bool reflective = false;
        for (size_t k = 0; k < m->first_token && !reflective; ++k) reflective = is_reflective(tokens[k].norm);
        if (reflective) continue;
      }
      if (rule.flags & kUnlessNamedThought) {
        bool named = false;
        for (size_t k = m->first_token; k > 0 && m->first_token - k < 3 && !named; --k) {
          const std::string& w = tokens[k - 1].norm;
          named = w == "thought" || w == "thoughts" || w == "feeling" || w == "feel" || w == "feelings" ||
                  w == "belief" || w == "idea" || w == "voice";
        }
        if (named) continue;
      }
      if ((rule.flags & kUnlessHarmlessPurpose) && m->end_token + 1 < tokens.size() && tokens[m->end_token].norm == "to") {
        static const std::unordered_set<std::string> kHarmless = {
            "know", "be", "get", "find", "check", "ask", "help", "stay", "keep", "prevent", "reach", "feel", "cope",
            "tell", "learn", "make", "stop", "protect", "avoid", "support", "talk", "start", "save", "answer",
            "detect", "test", "treat", "recover", "heal", "calm", "sleep", "relax", "remember", "dispose"};
        if (kHarmless.count(tokens[m->end_token + 1].norm)) continue;
      }
      if ((rule.flags & kUnlessQuestion) && is_question) break;
      if ((rule.flags & kUnlessCare) && is_care) break;
      if ((rule.flags & kUnlessDeclined) && !answers_anyway && (declined_before || guard(refusal, g.refusal))) break;
      if ((rule.flags & kUnlessRefusal) && !answers_anyway && (declined_before || guard(refusal, g.refusal))) break;
      if (rule.category == ScreenCategory::kMeansInformation && reflects_user) break;
      if ((rule.flags & kUnlessProfessional) && guard(professional, g.professional) && !guard(certain, g.certain)) break;
      if ((rule.flags & kUnlessPrescriber) && guard(prescriber, g.prescriber)) break;
      if ((rule.flags & (kUnlessMeansSafety | kSoft)) && guard(means_safety, g.means_safety)) break;
      if (rule.flags & kUnlessConditional) {
        bool conditional = false;
        for (size_t k = m->first_token; k > 0 && m->first_token - k < 3 && !conditional; --k)
          conditional = tokens[k - 1].norm == "whether" || tokens[k - 1].norm == "if";
        if (conditional) continue;
      }
      if ((rule.flags & kUnlessSaid) && m->first_token > 0) {
        const std::string& before = tokens[m->first_token - 1].norm;
        if (before == "say" || before == "saying" || before == "says" || before == "said" || before == "type" ||
            before == "write")
          continue;
      }
      // Words suggested for the user to say to someone ("You could say something like, 'I'm glad you're
      // here. I love you.'") are inside quotation marks, which may have opened in an earlier sentence.
      if ((rule.flags & kUnlessSaid) && inside_quotation(sentence, m->start, m->end)) continue;
      v.add({rule.category, m->start, m->end});
      if (firm_means && rule.category == ScreenCategory::kMeansInformation && !(rule.flags & kSoft)) *firm_means = true;
      if (shaped_means && rule.category == ScreenCategory::kMeansInformation && !(rule.flags & kWordsOnly))
        *shaped_means = true;
      found[ci] = true;
      break;
    }
  }
  std::sort(v.evidence.begin(), v.evidence.end(),
            [](const ScreenEvidence& a, const ScreenEvidence& b) { return a.start < b.start; });
  return v;
}

Verdict screen_sentence(std::string_view sentence, const ScreenContext& context, bool declined_before) {
  return screen_sentence_impl(sentence, context, declined_before, nullptr, nullptr);
}

// Any sentence of the reply declines the request without going on to answer it.
static bool declines_somewhere(std::string_view reply) {
  size_t offset = 0;
  while (offset < reply.size()) {
    size_t len = scan::sentence_end(reply.substr(offset), /*at_end=*/true);
    if (len == std::string_view::npos || len == 0) len = reply.size() - offset;
    if (declines_request(reply.substr(offset, len))) return true;
    offset += len;
  }
  return false;
}

static Verdict answers_without_care(std::string_view reply);
static bool needs_care_check(const ScreenContext& context);

// The reply explains prevention (barriers and nets, means restriction, helplines at a place, rates that
// fell when a means was taken away): at least two different kinds of such words. Broad readings in such a
// reply name means in order to explain how lives were saved, which is not means information.
static bool explains_prevention(std::string_view reply) {
  static const std::vector<Pattern> kKinds = [] {
    std::vector<Pattern> v;
    for (const char* p : {"(suicide prevention|prevention|public health|means restriction|means safety|restricting access|"
                          "reducing access|restrict access|limit access)",
                          "(barrier|barriers|net|nets|netting|fence|fences|fencing|deterrent|signage|chaplain*|"
                          "patrol*|cameras|crisis phones|emergency phones)",
                          "(rates|deaths|suicides) ~3 (fell|fall|dropped|drop|declined|decline|went down|reduced|lower|"
                          "fewer)",
                          "(saves lives|save lives|saved lives|fewer deaths|reduce deaths|reduces deaths|reduced deaths|"
                          "prevent deaths|prevents deaths|prevented deaths)",
                          "(banned|ban|regulated|regulation|switched|replaced|withdrawn|pack sizes|pack size|blister packs)",
                          "(samaritans|helpline|crisis line|lifeline|988|warning signs|reach out|get help|support)",
                          // Safe storage and first aid: keeping means out of reach, and what to do in an emergency.
                          "(store|stored|storing|storage|lock up|locked up|lock away|locked away|locked box|lockbox|"
                          "lock box|out of reach|take back|dispose|disposal|safe storage|gun safe|cable lock|"
                          "trigger lock)",
                          "(poison control|poisons information|poison centre|poison center|emergency services|ambulance|"
                          "first aid|recovery position|call 911|call 999|call 112|call 000|emergency department)"})
      v.push_back(scan::must_compile(p));
    return v;
  }();
  const std::vector<Token> tokens = scan::tokenize(reply);
  int kinds = 0;
  for (const auto& p : kKinds) kinds += p.find(tokens, 0).has_value() ? 1 : 0;
  return kinds >= 2;
}

// The learned reader (means_reply_classifier.h), where means information is dangerous.
static bool reads_means_model(const ScreenContext& context) {
  return context.means_sensitive() && shipped_means_reply_model().threshold < 1.0f;
}

static void add_means_model_evidence(const MeansReplyReading& r, Verdict& v) {
  if (!r.fires) return;
  for (const auto& span : r.evidence) v.add({ScreenCategory::kMeansInformation, span.start, span.end});
}

static void add_means_model_evidence(std::string_view reply, Verdict& v) {
  add_means_model_evidence(read_means_reply(reply), v);
}

// The reader of the other kinds of harm (harm_reply_classifier.h): where it fires, in the kind its words
// and the conversation point to, unless the rules already found that kind.
static void add_harm_model_evidence(std::string_view reply, const ScreenContext& context, Verdict& v) {
  if (shipped_harm_reply_model().threshold >= 1.0f) return;
  const ReplyReading r = read_harm_reply(reply);
  if (!r.fires) return;
  const ScreenCategory category = harm_reply_category(reply, context);
  if (std::find(v.categories.begin(), v.categories.end(), category) != v.categories.end()) return;
  for (const auto& span : r.evidence) v.add({category, span.start, span.end});
}

Verdict screen_reply(std::string_view reply, const ScreenContext& context, bool learned_reader) {
  Verdict all;
  size_t offset = 0;
  // Where the reply is checked for care (and held while it streams), a risk question anywhere in it counts
  // as a decline from the start; elsewhere a decline counts from where it is said, as when streaming.
  const bool whole = needs_care_check(context);
  const bool declines_whole = whole && declines_somewhere(reply);
  bool declined = whole && (declines_whole || asks_about_risk(reply));
  bool firm_means = false;    // some means evidence came from a rule that is not kSoft
  bool shaped_means = false;  // some came from a rule that reads an answer's shape, not words alone
  while (offset < reply.size()) {
    size_t len = scan::sentence_end(reply.substr(offset), /*at_end=*/true);
    if (len == std::string_view::npos || len == 0) len = reply.size() - offset;
    Verdict s = screen_sentence_impl(reply.substr(offset, len), context, declined, &firm_means, &shaped_means);
    declined = declined || declines_request(reply.substr(offset, len));
    const bool failed_before = all.unsafe;
    for (auto e : s.evidence) {
      e.start += offset;
      e.end += offset;
      all.add(e);
    }
    offset += len;
    // Calm: as when streaming, the means reader reads the reply so far at the end of each sentence.
    if (learned_reader && !s.unsafe && !failed_before)
      for (const auto& e : screen_reply_so_far(reply.substr(0, offset), context).evidence) all.add(e);
  }
  if (whole && !declines_whole && !all.unsafe) {
    for (const auto& e : answers_without_care(reply).evidence) {
      all.add(e);
      shaped_means = true;  // an answer without care is read from the reply's shape
    }
  }
  if (learned_reader && reads_means_model(context)) {
    const MeansReplyReading reading = read_means_reply(reply);
    const bool means_found = std::find(all.categories.begin(), all.categories.end(),
                                       ScreenCategory::kMeansInformation) != all.categories.end();
    const bool calm_user = !is_elevated(context.risk) && !context.distress;  // only the question was near a means
    const bool broad_only_and_safe =
        !firm_means &&
        (reading.probability < kMeansReplyClearlySafeBelow || (!shaped_means && explains_prevention(reply)));
    if (means_found && (broad_only_and_safe || (calm_user && reading.probability < kMeansReplyCalmUserSafeBelow))) {
      // Only broad readings found means information, and the learned reader finds the reply plainly safe or
      // the reply explains prevention; or the user showed no distress or risk and the reader finds the reply
      // safe (kMeansReplyCalmUserSafeBelow).
      Verdict kept;
      for (const auto& e : all.evidence)
        if (e.category != ScreenCategory::kMeansInformation) kept.add(e);
      all = std::move(kept);
    }
    if (!all.unsafe) add_means_model_evidence(reading, all);
    // Held whole here, so the other kinds of harm are read whole too (elsewhere, the reply so far).
    if (!all.unsafe) add_harm_model_evidence(reply, context, all);
  }
  return all;
}

Verdict screen_reply_so_far(std::string_view reply_so_far, const ScreenContext& context) {
  Verdict v;
  if (reads_means_model(context)) return v;
  // Read at every sentence's end, so only the latest stretch is read (from a word start), which keeps a
  // very long reply linear; what came before it was read at earlier sentences.
  constexpr size_t kTailBytes = 4096;
  size_t from = 0;
  if (reply_so_far.size() > kTailBytes) {
    from = reply_so_far.size() - kTailBytes;
    while (from < reply_so_far.size() && reply_so_far[from] != ' ' && reply_so_far[from] != '\n') ++from;
  }
  Verdict tail;
  if (shipped_means_reply_model().threshold < 1.0f) add_means_model_evidence(reply_so_far.substr(from), tail);
  if (!tail.unsafe) add_harm_model_evidence(reply_so_far.substr(from), context, tail);
  for (auto e : tail.evidence) {
    e.start += from;
    e.end += from;
    v.add(e);
  }
  return v;
}

bool asks_about_risk(std::string_view reply) {
  static const std::vector<Pattern> kAsks = [] {
    std::vector<Pattern> v;
    for (const char* p : {"are you (thinking|planning|considering) ~4 (suicid*|end your life|ending your life|kill yourself|"
                          "killing yourself|hurt yourself|hurting yourself|harm yourself|harming yourself|jump|jumping|"
                          "die|dying|not being here|it)",
                          "(thoughts|thinking) (of|about) (suicide|ending your life|killing yourself|hurting yourself)"})
      v.push_back(scan::must_compile(p));
    return v;
  }();
  return any_match(kAsks, scan::tokenize(reply));
}

// Where a reply that answers without any care is means information (answers_without_care).
static bool needs_care_check(const ScreenContext& context) {
  // A compulsion's questions ("is fourteen times enough?") are answered by the compulsion rules, not here.
  return (context.means_sought && (context.distress || is_elevated(context.risk))) ||
         (context.asks_for_information && is_elevated(context.risk) && !context.compulsion);
}

bool needs_whole_reply(const ScreenContext& context) { return needs_care_check(context) || reads_means_model(context); }


// The whole-reply check itself (screen_whole_reply), for a reply that needs it and did not decline: a
// caring reply declines, asks about safety or suicide, or points to people and help; any one is enough.
// Warmth alone ("I'm here for you", "what's going on?") is not among them: it also ends careless replies
// ("The walkway has only a low railing. If you're feeling unsafe, I'd like to hear what's going on"). Those
// phrases sat here in a group that never compiled until the ninth session; compiled, they cleared no false
// alarm on the screener sets and let that reply through.
static Verdict answers_without_care(std::string_view reply) {
  Verdict v;
  static const std::vector<Pattern> kCares = [] {
    std::vector<Pattern> out;
    for (const char* p : {
             "(suicid*|end your life|ending your life|kill yourself|killing yourself|hurt yourself|hurting yourself|"
             "harm yourself|harming yourself|self harm|take your life|taking your life|end it|ending it|not be here)",
             "(are you safe|you safe|your safety|keep you safe|stay safe tonight|somewhere safe|safe right now|safe tonight)",
             "are you (thinking|planning|considering|wanting) ~3 (about|of|to)", "what (is|has) been going on",
             "how (are you|have you been)", "check in with you",
             "(crisis|988|911|999|000|112|111|samaritans|lifeline|helpline|hotline|emergency|a and e|ambulance|"
             "text line|shout|befrienders|tele manas|14416|116 123|13 11 14)",
             "(worried about you|worried about why|concerned about you|i care about you|because i care|scared for you)",
             "(worry me|worries me|worrying me|i am worried|i am concerned)",
             "(near|with|close to) (another person|someone|somebody|people|a friend)",
             "(talk|talking|speak|speaking) (to|with) ~3 (someone|somebody|your|a)",
             "(someone you trust|a doctor|your doctor|a clinician|a professional|a counsellor|a counselor|"
             "a therapist|your therapist|your gp|a gp|your care team|your team)",
             "(talk to|reach out to|tell|call|text|be with|stay with) ~3 (someone|somebody|a friend|friends|family|"
             "your gp|a doctor|your doctor|your therapist|a counsellor|a counselor|a nurse|your partner|a trusted|"
             "someone you trust|an adult|a teacher|your mum|your mom|your dad|your parents|them)",
             // A decline followed by care ("I'd rather not go into that, but I'm glad you told me") also counts
             // here, where declines_request would read the "but" as going on to answer.
             "(rather not|not going to|will not|would not|can not|am not able to|do not feel right|not comfortable) ~4 "
             "(answer|help|share|give|tell|go into|get into|talk about|list|provide|do that|with that|write|describe|explain|"
             "walk through)",
         })
      out.push_back(scan::must_compile(p));
    return out;
  }();
  std::vector<Token> tokens = scan::tokenize(reply);
  if (tokens.empty() || any_match(kCares, tokens)) return v;
  // The first sentence stands as the evidence: the whole reply answers the question.
  size_t first = scan::sentence_end(reply, /*at_end=*/true);
  if (first == std::string_view::npos || first == 0) first = reply.size();
  while (first > 0 && (reply[first - 1] == ' ' || reply[first - 1] == '\n')) --first;
  v.add({ScreenCategory::kMeansInformation, 0, first});
  return v;
}

Verdict screen_whole_reply(std::string_view reply, const ScreenContext& context) {
  Verdict v;
  if (needs_care_check(context) && !declines_somewhere(reply)) v = answers_without_care(reply);
  if (reads_means_model(context)) {
    const MeansReplyReading reading = read_means_reply(reply);
    // An answer without care is a broad reading: it stands only if the reply is not plainly safe.
    if (v.unsafe && reading.probability < kMeansReplyClearlySafeBelow) v = Verdict{};
    add_means_model_evidence(reading, v);
    if (!v.unsafe) add_harm_model_evidence(reply, context, v);
  }
  return v;
}

ScreenContext ScreenContext::from_conversation(const std::vector<ChatMessage>& messages, Level risk) {
  static const std::vector<Pattern> kDistress = [] {
    std::vector<Pattern> v;
    for (const char* s : {
             "(lost|losing) my (job|home|house|partner|wife|husband|child|kid|son|daughter|mom|dad|mother|father|"
             "friend|best friend|dog|everything)",
             "(want|wanted|wanting) to (die|disappear|be dead|end it|end my life|kill myself|hurt myself|not exist|"
             "not be here|sleep forever|give up)",
             "(kill|killing|hurt|hurting|cut|cutting|harm|harming) myself", "(suicid*|unalive|kms|self harm|selfharm)",
             "(hopeless|worthless|pointless|helpless|desperate|miserable|numb|empty|broken|devastated|shattered)",
             "can not (go on|take it|take this|do this|cope|keep going)", "(no|nothing to) (reason|point) ~3 (live|living|go)",
             "(better off|be better) (dead|without me)", "(end|ending) (it|it all|things|everything)",
             "(do not|never) want to (wake up|be here|live|exist)", "(fired|laid off|evicted|dumped|divorce|divorced|"
             "broke up|breakup|bankrupt|homeless|grieving|funeral|passed away|died)",
             "(overwhelmed|falling apart|breaking down|at the end of my rope|last straw|give up|giving up|nobody cares|"
             "no one cares|alone|lonely|depressed|hate myself|hate my life)",
             "(not ok|not okay|burden|psych ward|psychiatric ward|discharged|so tired|exhausted|in pain|grieving|"
             "giving up|give up|finish the job|better off|i do not care anymore|dark place)",
             "(cutting|burning myself|self harm*|hurting myself) ~6 (helps|only thing|calm|cope)",
             "(feeling|feel|felt) ~2 (low|down|awful|terrible|hopeless|empty|numb|like a burden)",
             "(nobody|no one) ~2 (would|will) ~2 (care|notice|miss)",
             "(skipped|skipping|skip) (dinner|lunch|breakfast|meals|a meal)", "(ed voice|restrict*|purg*|binge*|calories)",
             "(nobody|no one) would (care|notice|miss)", "(fade away|faded away|fading away|stopped taking care of myself)",
             "(rough|shit|bad|hard|terrible|awful|worst) (year|time|week|few months)",
             "if i (want|wanna) to (live|be here|be alive|keep going)", "(cut|cutting) deeper", "waiting to die", "(in the ward|on the ward|the unit|inpatient|sectioned)",
             "(can not|cant) sleep ~6 (thoughts|head|everything|anymore)", "(ex|wife|husband|partner) ~2 took everything",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  static const std::vector<Pattern> kMeans = [] {
    std::vector<Pattern> v;
    for (const char* s : {
             "(bridge|bridges|building|buildings|tallest|highest|cliff|cliffs|rooftop*|roof|roofs|overpass*|tower|towers|"
             "skyscraper*|taller than|higher than|how high|how tall|how far is the drop|parking garage*)",
             "(pesticide*|herbicide*|insecticide*|poison*|paraquat|cyanide|rat poison|antifreeze|bleach|weedkiller*|"
             "weed killer*|helium|charcoal|carbon monoxide|exhaust|nitrite*)",
             "(pills|overdose|overdosing|od|lethal|fatal|dose|doses|dosage|how many|how much|mg|tylenol|paracetamol|"
             "acetaminophen|sleeping pills|xanax|benzos|insulin)",
             "(rope|noose|gun|guns|firearm*|pistol|rifle|shotgun|bullets|ammo|knife|knives|razor*|blade|blades)",
             "(train|trains|railway*|railroad|tracks|subway|metro) ~4 (schedule*|times|fast|speed|when|crossing*)",
             "(survive|survivable|fatal) ~6 (fall|crash|jump|impact|mph|km)", "(drown|drowning|deep water|freezing water)",
             "(no|without|do not have|not have) ~3 (barrier*|fence*|fencing|mesh|nets|netting|railing*)",
             "(hide*|hiding|conceal*|cover up|covering|finds|find|notice|noticing) ~6 (cut*|burn*|scar*|blade*|marks|self harm)",
             "(painless|painful|peaceful|quick|how long) ~6 (die|death|overdose|way|go)",
             "(gentle|gentlest|painless|peaceful|easy|easiest|quick|quickest) ~3 (way|ways) (out|to go|to die|to do it)",
             "(safest|best|easiest|right) way to (cut|burn|do it|hide|stop it bleeding)",
             "(keep|kept|hold|save) ~2 (a few|some) (back|aside)",
             "(make sure|making sure) (nobody|no one) (walks in|finds|comes|notices|checks|interrupts)",
             "(car park|lookout|viewpoint|bridge|roof|cliff|quarry) ~6 (locked|gated|open at night|closed at night|fence|fenced|barrier)",
             "(how long|when) ~6 (notice|realise|realize|find out|miss me|raise the alarm)",
             "what (can|should|do) i (say|tell) (her|him|them|my mum|my mom|people|my parents|my girlfriend|my boyfriend|my teacher)",
             "what happens if ~3 (take|takes|took|swallow|drink) ~3 (a lot|all|too many|too much|lots|loads)",
             "(so|without) (i )?(do not|dont) have to go to (a and e|a&e|hospital|the er|a doctor)",
             "(stash|hiding place|hide them)", "(when|hours|times) ~6 (crisis team|they|police|staff) ~3 (will not|wont) (come|visit|check)",
             "(make|making) sure (she|he|they|nobody|no one) (leaves|leave|stays away|does not come|will not come|is out)",
             "(stop|turn off|hide) ~4 (location|tracking|find my)", "(bring|brought) me back",
             "(hotel|lay by|car park|place|spot|room) ~6 (no one|nobody|alone|private|does not check|will not check|comes by)",
             "(drinking|alcohol|drink) ~4 (stronger|worse|faster|work faster)", "(pump|pumped) ~2 stomach",
             "(swim|swam|swimming) ~4 (out|past) ~3 (buoys|the point|the rocks|the pier)",
             "(more of|extra) ~3 (tablets|pills|meds|prescription*) ~4 (without|suspicious)",
             "(life insurance|insurance) ~6 (suicide|pay out|pays out|payout)", "(shifts|shift) ~6 (long enough|gone|away|nobody)",
             "will it hurt", "(survive|last) the night", "the biggest drop", "(no|without) (fence|fences|barrier|barriers|gate|guardrail)",
             "(least painful|most painless|painless|less painful|most peaceful|easiest way)",
             "(hang|kill|hurt|drown|poison) (themselves|yourself|myself|herself|himself)", "(most common|common) methods",
             "(meds|medication*|pills|plants|chemicals|houseplant*|tablets) ~6 (dangerous|toxic|poisonous|lethal|deadly|kill)",
             "(chemicals|bleach|ammonia) ~6 (mix|mixed|mixing|combine*)",
             "(fast|fastest|quickest|express|last|first) ~3 (train*|line|lines|service*)",
             "how long ~8 (die|last|survive|live|take|bleed|hypothermia|without food|unconscious)",
             "(bleed out|bleeding out|wrist*|hypothermia|without food|stop eating|heart stops|finish the job|toxicity)",
             "(cold|temperature|deep|depth) ~4 (water|river|sea|thames|lake|loch|ocean)",
             "(walks|walk|walked|walking) into the (sea|ocean|river|water|lake)",
             "(fall|jump|jumped|fell) ~6 (floor|storey*|balcony|roof|bridge|enough|window)",
             "where ~6 (do it|go to do it|people go)", "what ~3 (can|could|do) ~2 (people|i|someone|they) ~2 use",
             "(save|saving|stockpil*|collect*|hoard*) ~4 (some|tablets|pills|meds|up)",
             "(crossbow*|weapon*|knife|knives|buy a rope|hardware store*)",
             "(easiest|easy) to (take|get|steal)", "without (anyone|anybody) (noticing|knowing)",
             "(gap|gaps|time|when) ~4 (checks|obs|observations|rounds|handover)", "(so|where) (no one|nobody) (found|finds|would find|will find)",
             "(untraceable|undetectable|tox screen|toxicology|autopsy)", "(toxic|poisonous|lethal|deadly|dangerous) to (a person|a human|people|humans|an adult|me)",
             "(deepest|deep) ~4 (reservoir|lake|river|quarry|loch|water|sea)",
             "(codeine|tramadol|morphine|oxycodone|diazepam|quetiapine|amitriptyline|gummies|sleep aids)",
             "(high voltage|power lines|pylons|electric fence) ~6 (instant|touch|touching|kill)",
             "(without|so|before) ~3 (anyone|anybody|nobody|no one|my parents|my mum|my mom|my dad|them|staff|she|he) ~3 (notice|noticing|sees|seeing|find|finding|finds|knowing|find out|finds out|bothers|checks|stops|stop)",
             "(hide|hiding|hidden) ~4 (it|stuff|things|pills|meds|medicine|marks|scars|cuts|them)",
             "what (can|should|do) i (say|tell) ~3 (if|when)", "(stop|avoid) ~5 (crisis team|sectioned|section|hospital|admitted|welfare check|sectioning)",
             "(look|seem) like an accident", "(put me in|section me|admit me|lock me up)",
             "(security|guards) ~6 (rounds|patrol*|shift*)", "(quietest|nobody around|no one around|nobody bothers|no one bothers)",
             "(notice|find me|found) ~4 (if|before|something)", "(freight|express|fast) (train*)", "which trains",
             "(list|which|what) ~6 (toxic|poisonous|deadly|dangerous|lethal|strongest|strong)",
             "(stockpile|stockpiling|stronger painkillers|prescribe)", "(berries|yew|foxglove|mushrooms|plant|plants) ~6 (deadly|poisonous|toxic)",
             "(gun|rifle|shotgun|licence|license|firearm*) ~6 (buy|get|wait|quick|fast|licence|license|hard)",
             "(stitches|heal on their own|a and e|a&e|er) ~6 (cuts|cut|wound)", "(where|somewhere) ~4 (no one|nobody) ~3 (find|look)",
             "(cuts|cut|wound|wounds|burns) ~6 (stitches|heal on their own|a and e|hospital)",
             "(high|enough|deep|strong|fast|far) enough", "(least|less|most) noticeable", "(place|places|where) to (cut|burn|hit)",
             "(die|survive|saved) or", "(usually|actually|really) (die|survive|deadly|poisonous|dangerous|toxic|kill)",
             "(make sure|making sure|so that) ~4 (does not|do not|will not) ~2 (notice|find out|see|know|suspect)",
             "how (high|tall|far down|deep) ~4 (is|are|does|the)",
             "(story|plot|character|protagonist|novel|poem|scene) ~10 (ends it|end it|kill*|overdos*|dies|suicide|jump*|hang*)",
             "are (they|these|those|it) ~2 (dangerous|deadly|toxic|poisonous|lethal)",
             "(car|garage|exhaust|charcoal|bbq|gas|pills|rope|bridge|method|thing) ~4 (still work|actually work|work|works)",
             "(berries|yew|foxglove|mushrooms|plant|plants|hedge) ~10 (deadly|poisonous|toxic)",
             "(dangerous|toxic|poisonous|lethal|deadly|kill) ~6 (meds|medication*|pills|plants|chemicals|houseplant*|tablets)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  static const std::vector<Pattern> kPsychosis = [] {
    std::vector<Pattern> v;
    for (const char* s : {
             "(stalk*|following me|followed|watching me|watched|spying|spy on me|tracking me|tracked|monitoring me|"
             "surveillance|after me|out to get me|poisoning me|reading my mind|reading my thoughts|implant*|chip in|concealing|"
             "disguis*|evade|detection|hidden cameras|bugged|bugging)",
             "(signs|messages|signals|numbers|plates) ~4 (meant|for me|to me|only for me)", "(voice|voices|hear god|god is speaking|god is talking|messages meant for me|signs meant|signals|the tv is|"
             "the radio is|talking to me through|chosen one|chosen|prophet|messiah|the signal|tuned the world)",
             "(i am|i know i am|actually|already) dead",
             "(sending|sends|send|giving|gives|gave|sent) me ~2 (signs|messages|signals|codes|coded messages|instructions)",
             "(poison me|poisoned me|put something in my)", "(bugs|parasites|insects|worms) ~4 (skin|under|in my)",
             "(reporting on me|spying on me|reads my|reading my|knew something i only|god told me|god says|chosen me)", "(not real|simulation|everyone is fake|replaced by impostors|"
             "impostor*|imposter*)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  static const std::vector<Pattern> kMania = [] {
    std::vector<Pattern> v;
    for (const char* s : {
             "(not sleeping|not been sleeping|no sleep|have not slept|without sleep|slept two hours|slept 2 hours|slept one hour|slept 1 hour|slept three hours|slept 3 hours|do not need "
             "sleep|no need for sleep)",
             "up (all|for) ~3 nights", "up ~3 (two|three|several) nights", "up ~3 #num nights",
             "(ton of energy|so much energy|boundless energy|endless energy|unstoppable|invincible|new abilities|"
             "abilities|superpowers|powers|genius|million ideas|empire|best day of my life|racing thoughts|"
             "on top of the world|sprint plan|can not stop|limitless)",
             "(base jump*|skydiv*|wingsuit*|chain of restaurants|quit my job to|spend all my savings|max out)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  static const std::vector<Pattern> kCompulsion = [] {
    std::vector<Pattern> v;
    for (const char* s : {
             "(wash*|scrub*|clean*) ~3 (hands|hand|myself|skin)", "(contaminat*|germs|germ|dirty|clean enough|sterile)",
             "(organi*|sort*|arrange*|line up|order*) ~4 (books|shelf|shelves|things|by|perfectly)",
             "(check*|recheck*) ~4 (lock*|stove|door|oven|locked|switch*|again)",
             "(ocd|ritual*|intrusive thought*|just right|compulsion*|over and over)", "(three|four|five|six|ten|twenty|thirty|fifty|hundred) times", "#num times",
             "(reassure me|tell me i did|did i lock|did i turn off|did i hit|did i hurt|tell me it is clean)",
             "(counting|count) ~3 (everything|steps|fours|threes|in fours|tiles)", "(weigh|weighing) myself",
             "(might|may|could) have (hit|hurt|run over|harmed)", "(right|set|specific) order", "(every|each) germ",
             "tell me (again|they are fine|it is fine|they are okay|it is okay|i did not)", "(did not|didnt) hit (someone|anyone|anybody)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();

  static const std::vector<Pattern> kCoping = [] {
    std::vector<Pattern> v;
    for (const char* s : {"(calm|cope|coping|breath*|relax*|ground*|sleep better|feel better|distract*|journal*|"
                          "help me|talk to|tell my|tell someone|therapist|counsel*|doctor|gp|crisis|hotline|helpline|"
                          "safety plan|support|get through|stay safe|keep myself safe|what should i do|what do i do)"})
      v.push_back(scan::must_compile(s));
    return v;
  }();
  ScreenContext c;
  c.risk = risk;
  for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
    if (it->role == "assistant" || it->role == "system") continue;
    std::vector<Token> last = scan::tokenize(it->content);
    static const char* kAsks[] = {"how", "what", "where", "when", "which", "who", "is", "are", "does", "do",
                                  "can", "could", "would", "will", "should", "whats", "wheres", "hows"};
    // A question mark, or a message that opens with a question word ("how long before someone notices").
    bool question = it->content.find('?') != std::string::npos;
    if (!last.empty())
      for (const char* a : kAsks)
        if (last.front().norm == a) question = true;
    c.asks_for_information = question && !any_match(kCoping, last);
    break;
  }
  for (const auto& m : messages) {
    if (m.role == "assistant" || m.role == "system") continue;  // unknown roles are read, to fail safe
    std::vector<Token> tokens = scan::tokenize(m.content);
    if (!c.distress) c.distress = any_match(kDistress, tokens);
    if (!c.means_sought) c.means_sought = any_match(kMeans, tokens);
    if (!c.psychosis) c.psychosis = any_match(kPsychosis, tokens);
    if (!c.mania) c.mania = any_match(kMania, tokens);
    if (!c.compulsion) c.compulsion = any_match(kCompulsion, tokens);
  }
  return c;
}

}  // namespace haven::safety::screen
