#include "safety/risk/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string_view>

namespace haven::safety::risk {
namespace {

// Word classes used inside patterns as {NAME}; each expands to alternatives of one token.
const std::map<std::string, std::string>& macros() {
  static const std::map<std::string, std::string> m = {
      {"PERSON3",
       "he|she|they|him|her|them|his|their|friend|friends|brother|sister|mom|mother|dad|father|son|"
       "daughter|wife|husband|boyfriend|girlfriend|partner|cousin|aunt|uncle|roommate|coworker|"
       "colleague|classmate|grandma|grandpa|grandmother|grandfather|child|kid|niece|nephew|fiance|"
       "fiancee|ex|bestie|teammate|neighbor|neighbour|patient|client|student|sibling|parent|parents|"
       "stepdad|stepmom|baby|bff|mum|mam|nan|nana|gran|granny|flatmate|flatmates|housemate|housemates|bf|gf|"
       "stepbrother|stepsister|stepson|stepdaughter|grandson|granddaughter|twin|carer|mate|mates|bro|buddy|pal|lad|guy|girl|dude|bloke"},
      {"OTHERSELF", "himself|herself|themselves|themself"},
      {"HEIGHT",
       "bridge*|building*|tower*|cliff*|roof*|rooftop*|skyscraper*|overpass*|ledge*|balcony|"
       "balconies|footbridge*|parapet*|garage*|dam|dams|viaduct*|gorge*|canyon*|storey*|stories|floors|top_floor|car_park|carpark|car_parks|parking_garage*|parking_structure|multistorey|quarry|quarries|clifftop*|terrace|terraces"},
      {"PILLS",
       "pill*|tablet*|meds|medication*|medicine*|tylenol|paracetamol|acetaminophen|ibuprofen|advil|"
       "aspirin|xanax|benzo*|valium|ambien|sleeping|insulin|oxy*|opioid*|fentanyl|morphine|"
       "antidepressant*|sertraline|zoloft|prozac|lexapro|seroquel|lithium|codeine|tramadol|heroin|"
       "melatonin|diphenhydramine|benadryl|nyquil|klonopin|ativan|adderall|percocet|vicodin|"
       "hydrocodone|methadone|gabapentin|quetiapine|amitriptyline|citalopram|fluoxetine|trazodone|"
       "ketamine|mg|milligrams|grams|capsules|caps|dose|doses|drugs|painkiller*|sedative*|sleeping_pills|heart_medication*|blood_thinners"},
      {"POISON",
       "pesticide*|paraquat|insecticide*|herbicide*|weedkiller|rodenticide|antifreeze|cyanide|"
       "arsenic|strychnine|organophosphate*|rat_poison|weed_killer|weedkillers|sodium_nitrite|nitrite"},
      {"GUN", "gun|guns|firearm*|pistol*|handgun*|rifle*|shotgun*|revolver*|glock|bullet*|ammo|ammunition|sidearm"},
      {"SELFKILL", "kill|killing|killed|end|ending|unalive|top|topping"},
      {"SELFHURT",
       "cut|cutting|cuts|burn|burning|burned|burnt|hurt|hurting|harm|harming|scratch|scratching|"
       "punch|punching|hit|hitting|bruise|bruising|starve|starving|stab|stabbing|choke|choking|"
       "carve|carving|slice|slicing|mutilate|mutilating|injure|injuring"},
      {"NOW", "tonight|today|now|tomorrow|weekend|soon|morning|hour|hours|minutes|midnight"},
      {"ABUSER",
       "he|she|they|husband|wife|boyfriend|girlfriend|partner|dad|father|mom|mother|stepdad|stepmom|"
       "stepfather|stepmother|brother|sister|uncle|ex|parents|parent|fiance|spouse|grandpa|grandfather|"
       "teacher|coach|boss|roommate|family"},
      {"HITVERB",
       "hits|hit|hitting|beats|beat|beating|beaten|chokes|choked|choking|strangled|strangles|kicks|"
       "kicked|punches|punched|slaps|slapped|slapping|shoves|shoved|pushed|threw|throws|rapes|raped|"
       "raping|molests|molested|abuses|abused|abusing|assaulted|assaults|burned|burns|bit|bites|"
       "threatens|threatened|threatening"},
  };
  return m;
}

// The rule table: "kind category level flags | pattern". Our own words, written from the clinical
// structure in ../shared/docs/safety-reference.md (C-SSRS ladder), the lowest rungs of ideation scales
// ("life is not worth living"), the themes that models of suicidal thinking name (hopelessness,
// entrapment, burdensomeness, thwarted belonging, unbearable pain) and common usage; never copied from
// any data set. Flags: b behaviour, p present, o over an idiom, f a farewell, r recent, w done to the writer (lexicon.h). For distress rules the
// category column names the kind of distress (lexicon.h), since distress sets no category by itself.
constexpr std::string_view kTable = R"LEX(
# ---------- suicide: passive wishes and ideation (C-SSRS 1-2: moderate) ----------
risk suicide moderate - | want|wants|wanted|wanting|wish|wished|ready|deserve|going ~2 to die
# Written without "to", as people do in a second language or in a hurry ("i want die", "dont want live more").
risk suicide moderate - | i ~2 want|wanna|wan ?go die|dying ~1 $|now|soon|tonight|today|already|so_bad|really|sad
risk suicide moderate - | not|never ~1 want live|living ~1 $|more|anymore|any_more|longer|like_this
risk suicide moderate - | finish ~1 my ~1 life ~1 $|soon|tonight|today|now
risk suicide moderate - | no|not|do_not|dont ~1 wan|want|wanna ~1 to ~1 live ~1 $|more|anymore
risk suicide moderate - | wanna|want ?to dye $
risk suicide moderate - | better ~1 to ~1 die ~2 than
risk suicide moderate - | not ~1 sure ~2 i ~1 want ~1 to ~1 be ~1 $|here|alive|around|anymore
risk suicide moderate - | i ~1 intend|am_intending|fully_intend ~2 to ~1 end ~1 it|things|it_all|my_life
# Wanting to follow someone who died ("I'd like to join her soon").
risk suicide moderate - | want|wanted|like|ready|longing|long|wish|waiting ~2 to ~1 join ~1 her|him|my_wife|my_husband|my_mum|my_mom|my_dad|my_son|my_daughter ~1 soon|now|up_there|in_heaven|wherever_she_is|wherever_he_is
# A wish that the plane, the car or the train would crash with the writer in it.
risk suicide moderate - | hope|hopes|hoping|wish|wishing|praying ~3 the|my ~1 plane|flight ~2 goes_down|crashes|crash|went_down|would_crash
risk suicide moderate - | sorry ~1 i ~1 could not ~1 be ~1 stronger|better|enough
risk suicide moderate - | making|made|make ~1 actual|real|proper ~1 plans|plan ~1 $|now|for_it
risk suicide moderate - | want|wanted|wanting|wish|ready ~2 to be dead
risk suicide moderate - | i ~2 wish ~3 dead
risk suicide moderate - | wish ~2 i ~2 never been born
risk suicide moderate - | wish|wishing|wished ~2 i ~5 die|died|disappear|vanish|stop_existing|not_exist|not_wake_up|never_wake_up
risk suicide moderate - | i ~3 rather be dead
risk suicide moderate - | rather ~1 die|be_dead
risk suicide moderate - | can not ~2 live ~2 like_this|anymore|with_this|this_way
risk suicide moderate - | can not ~2 stand ~2 this|my ~1 life|living|existing
risk suicide high - | find|found|finds ~2 my ~1 body|corpse
risk self_harm moderate - | my ~2 arm|arms|wrist|wrists|thigh|thighs|legs|stomach ~4 covered_in_blood|bleeding
risk suicide moderate - | better off dead
risk suicide moderate - | better off without me
risk suicide moderate - | better off if i ~3 dead|gone|died|not_here|never
risk suicide moderate - | {SELFKILL} myself
risk suicide moderate - | {SELFKILL} my ?own life
risk suicide moderate - | take|taking|took my ?own life
risk suicide moderate - | end|ending it all
risk suicide moderate - | end everything
risk suicide moderate - | want|wanted|need|going|ready|just ~2 to end it
risk suicide moderate - | want|wanted|need ~2 it ~2 to ?all end|stop|be_over
risk suicide moderate - | suicidal
risk suicide moderate - | suicide
risk suicide moderate - | think|thinking|thought|thoughts|considering|considered|contemplating|contemplate|contemplated|consider|obsessed|obsessing|fantasize*|dream|dreaming|romanticize*|romanticizing|urges|urge ~3 about|of|for|with ~2 suicide
risk suicide moderate - | suicide ~4 only|answer|option|way_out|solution|appealing|tempting|looking_good|sounding_good|best_option|the_only_way
risk suicide moderate - | commit|committing|attempt ~1 suicide
risk suicide moderate - | suicide ~2 thoughts|urges|ideation|watch
risk suicide moderate - | my ~2 suicide
risk suicide moderate - | unalive
risk suicide moderate - | sewer slide
risk suicide moderate - | self delete|deleting|deletion
risk suicide moderate - | not|never ~1 want to live|be_alive|exist|wake_up|be_here_anymore|go_on|continue_living|keep_going|keep_living|be_around
risk suicide moderate - | not|never ~3 wake up
risk suicide moderate - | sleep|asleep ~2 forever
risk suicide moderate - | no ~2 reason|reasons|point|purpose|will ~4 live|living|be_alive|go_on|going_on|carry_on|carrying_on|exist|existing|stay_alive|staying_alive|keep_going|continue_living|continuing
risk suicide moderate - | lost|losing|lose|zero|lack|lacking ~2 will|reason|reasons ~2 to ~1 live|go_on|keep_going|exist|stay_alive|keep_living
risk suicide moderate - | not ~3 any ~1 will|reason|reasons ~2 to ~1 live|go_on|keep_going|exist|stay_alive|keep_living
risk suicide moderate - | nothing ~2 to live for
risk suicide moderate - | not worth living
risk suicide moderate - | life ~2 not worth
risk suicide moderate - | what is the point of|in living|life|existing|being_alive|going_on|anything
risk suicide moderate - | point in|of ~2 living|being_alive|existing|going_on|carrying_on
risk suicide moderate - | tired|sick|done|exhausted ~2 of|with living|life|being_alive|existing|it_all|everything
risk suicide moderate - | can not ~2 go_on living|anymore|like_this|with_life|with_my_life
risk suicide moderate - | can not keep going|living
risk suicide moderate - | can not do ~2 this|it|life anymore|any_longer
risk suicide moderate - | can not take ~2 it|this ~1 anymore|any_longer
risk suicide moderate - | can not take ~1 anymore
risk suicide moderate - | can not handle ~2 it|this|life ~2 anymore
risk suicide moderate - | do not ~2 want to be here|alive anymore|any_longer
risk suicide moderate - | not ~2 be_here|be_around|be_alive ~2 anymore|much_longer
risk suicide moderate - | want|wanted|wish ~3 disappear|vanish forever
risk suicide moderate - | want|wanted|wish ~2 to ~2 be_gone|not_exist|stop_existing|cease_to_exist|fade_away|not_be_alive
risk suicide moderate - | should not ~2 be_alive|exist|be_here
risk suicide moderate - | should never have been born
risk suicide moderate - | do not deserve to live|be_alive|exist
risk suicide moderate - | world|everyone|everybody|family ~4 better ~2 without me
risk suicide moderate - | nobody|no_one ~2 would ~2 miss_me|notice_if_i|care_if_i
risk suicide moderate - | what if i ~2 ended_it|end_it|killed_myself|kill_myself|was_gone|disappeared
risk suicide moderate - | death ~3 sounds|seems|feels|looks ~3 relief|peaceful|better|nice|good|appealing|tempting
risk suicide moderate - | i ~2 am ~2 a ~2 burden
risk suicide moderate - | thoughts of|about ~2 death|dying
risk suicide moderate - | think|thinking|thought ~3 about|of ~2 dying|death|killing_myself|ending_it
risk suicide moderate - | hope|wish|pray|praying|hoping ~4 bus|car|truck|train|someone|something ~2 hits|hit|kills|runs_me_over ~1 me
risk suicide moderate - | hope|wish|pray|praying|hoping ~3 i ~2 get ~2 hit|killed|run_over
risk suicide moderate - | not ~2 see ~2 the ~1 point ~3 anymore|of_living|in_living|of_anything|in_anything|of_life|in_life|of_going_on
risk suicide moderate - | death ~2 would ~2 be ~2 relief|better|peaceful|easier|a_relief|a_mercy
risk suicide moderate - | welcome death
risk suicide moderate - | hope|pray|praying|hoping ~3 i ~2 die|do_not_wake|never_wake|will_not_wake
risk suicide moderate - | give|giving|gave up on life|living
risk suicide moderate - | want|wanted ~2 the pain ~2 to ~2 stop|end
risk suicide moderate - | want|wanted ~3 to_leave_this_world|out_of_this_world|out_of_life
risk suicide moderate - | leave|leaving this world
risk suicide moderate - | final|permanent ~2 solution|exit|escape|way_out
risk suicide moderate - | way out of ~2 life|this_world
risk suicide moderate - | done with ~2 life|living|this_world
risk suicide moderate - | i am done|finished with ~1 everything|life|it_all|living
risk suicide moderate - | ready to go|leave ~2 forever|for_good
risk suicide moderate - | when i am ~2 gone|dead
risk suicide moderate - | after i ~2 die|am_gone|am_dead
risk suicide moderate - | my funeral
risk suicide moderate - | this is ~2 goodbye
risk suicide moderate - | will not be ~2 here|around ~2 much_longer
risk suicide moderate - | no longer ~1 want to live|be_alive|exist|be_here
risk suicide moderate - | courage|guts|nerve|balls|strength ~4 to ~2 do_it|end_it|go_through_with_it|kill_myself|jump|pull_the_trigger
risk suicide moderate - | if only i had the courage|guts|nerve
risk suicide moderate - | miss me ~2 if|when ~1 i ~2 died|die|was_gone|were_gone|was_dead|were_dead
risk suicide moderate - | want|wanted|need ~2 it|this|everything ~2 to ~2 end|stop|be_over
risk suicide moderate - | wish ~3 this|it|everything|pain|agony|suffering ~2 would|could|to ~1 end|be_over|all_end
risk suicide moderate - | no ~1 point ~4 anymore|any_more|in_anything
risk suicide moderate - | see ~2 the ~1 point ~2 anymore|of_living|in_living|in_anything
risk suicide moderate - | tired|sick ~2 of ~1 waking up
risk suicide moderate - | done|tired ~1 fighting
risk suicide moderate - | can not ~2 fight ~2 anymore|any_longer
risk suicide moderate - | lost the battle
risk suicide moderate - | wish ~3 to_death
risk suicide moderate - | crave|craving|long_for|longing_for|yearn|yearning ~2 death|to_die|the_end
risk suicide moderate - | not ~1 meant to be ~1 alive|here|born
risk suicide moderate - | can not ~2 imagine|see ~2 a|any|my ~1 future
risk suicide moderate - | no future for me
risk suicide moderate - | see|sure ~2 if|whether ~1 i ~2 can|will ~1 make it through ~2 tomorrow|the_night|tonight|the_week
risk suicide moderate - | set|setting|light ~1 myself ~1 on fire|alight|ablaze
risk suicide moderate - | impending ~1 mortality|death
risk suicide moderate - | hold on ~3 much_longer|any_longer|a_lot_longer
risk suicide moderate - | tap|tapping ~1 out
risk suicide high - | blow|blowing ~2 my ~1 brains|head ~1 out|off
risk suicide moderate - | die ~3 would be ~1 great|nice|a_relief|better|a_blessing|perfect
risk suicide moderate - | i ~2 will not last ~2 long|much_longer|another_year|the_year
risk suicide moderate - | nothing|no_reason|nobody|no_one ~2 holding ~1 me ~1 back|keeping ~1 me ~1 here|keeping ~1 me ~1 alive
risk suicide moderate - | only ~2 thing|reason|one ~2 keeping ~1 me ~1 alive|here|going|from_doing_it
risk suicide moderate - | for ~1 me to die
risk suicide moderate - | my life is ~1 over
risk suicide moderate - | close to ~1 downing|swallowing|overdosing|ending_it|doing_it|killing_myself|ending_my_life
risk suicide moderate - | end up dead
risk suicide moderate - | fun ~2 while it lasted
# ---------- suicide: indirect ideation, in the many ways people put it (C-SSRS 1-2: moderate) ----------
risk suicide moderate - | not|never ~2 want ~1 to ~2 keep_on_living|keep_on_going|carry_on|carry_on_living|go_on_living|stay_alive|live_anymore|exist_anymore|be_alive_anymore|wake_up_anymore|continue
risk suicide moderate - | want|wanted|need|wish|ready|trying ~3 to ~1 stop living|existing|breathing|being_alive|carrying_on|going_on
risk suicide moderate - | not ~2 care ~2 enough ~2 to ~1 live|stay_alive|keep_living|keep_going|go_on
risk suicide moderate - | fantasize|fantasizing|fantasise|fantasising|fantasy|fantasies|daydream|daydreaming|obsess|obsessing|obsessed ~3 about|of|over ~3 death|dying|my_death|being_dead|not_existing|killing_myself|ending_it|ending_my_life|suicide
risk suicide moderate o | rather ~2 die|be_dead ~1 than ~4 live|living|be_me|be_myself|being_me|keep_being_me|exist|existing|go_on|keep_going|wake_up|stay_alive|be_alive|keep_living|have_to_be_me|have_to_live|spend_another|live_like_this|go_on_like_this
risk suicide moderate - | should ~2 just ~1 die|disappear|kill_myself|end_it|give_up_and_die|not_exist
risk suicide moderate - | give_up|giving_up ~1 and ~1 die
risk suicide moderate - | not|never ~2 meant|built|made|supposed ~2 to ~2 survive|make_it_through_life|live|be_alive|exist|be_here|last_long
risk suicide moderate - | see|picture|imagine|envision ~1 myself ~3 dying|dead|killing_myself|ending_it|in_a_coffin|not_being_here
risk suicide moderate - | not ~2 see|imagine|picture ~1 myself ~2 living|alive|surviving|making_it|growing_old|getting_old ~2 past|beyond|to|until|another|much_longer|that_long
risk suicide moderate - | not ~2 trust myself ~4 around|with|near|to_have ~3 {PILLS}|knives|knife|gun|guns|them|razors|blades|a_rope|the_rope
risk suicide moderate - | desperate|just|need|want ~3 make ~1 it_all|everything|the_pain|this_pain|the_suffering|my_life|life ~1 stop|end|go_away
risk suicide moderate - | desperate ~3 to ~2 make ~1 it|this ~1 stop|end
risk suicide moderate - | no ~3 reason|reasons ~3 holding|keeping ~1 me ~1 back|here|alive
risk suicide moderate - | how_much|how_many ~4 {PILLS}|{POISON} ~8 to ~2 die|overdose|kill_me|kill_myself|kill_a_person|be_lethal|be_fatal
risk suicide moderate - | {POISON} ~4 kill me|be_lethal|be_fatal
risk suicide moderate - | enough ~4 to ~2 kill_me|kill_myself|die|overdose|end_it
risk suicide moderate - | painless|easiest|quickest|fastest|best|surest|most_effective ~2 way|ways|method|methods ~3 to ~2 kill_yourself|kill_oneself|end_your_life|end_your_own_life|unalive_yourself
risk suicide moderate - | this ~1 is|will_be ~1 my ~1 last|final ~1 post|message|goodbye|good_bye|words|letter|entry $
risk suicide moderate - | final|last ~2 message|post|letter ~3 to ~3 everyone|my_family|you_all|the_world|the_people_i_love
risk suicide moderate - | think|thinking|thought ~3 about ~2 crashing|flipping|wrecking|swerving|driving ~2 my ~1 car|into|off
risk suicide moderate - | think|thinking|thought ~3 about ~2 jumping ~2 off|from|in_front
risk suicide moderate - | hate ~2 to ~1 live ~2 to ~1 see
risk suicide moderate - | do_not|not ~2 want ~2 to ~1 see ~2 another|tomorrow|the_morning|my_next_birthday|next_year
risk suicide moderate - | please ~2 let ~1 me ~1 go ~1 away ?forever $
risk suicide moderate - | destined|meant|bound ~2 to ~2 die_by_suicide|kill_myself|die_young|end_it
risk suicide moderate - | want|need ?it_all out $
risk suicide moderate - | tired|sick ~2 of ~2 being ~1 alive
risk suicide moderate - | not ~2 survive ~2 another|this ~2 year|winter|night|week|day
risk suicide moderate - | better ~2 off ~2 not ~2 existing|being_born|being_here|being_alive|alive
risk suicide moderate - | sleep|asleep ~2 and ~2 never ~2 wake
risk suicide moderate - | not ~1 be ~2 a ~1 problem|burden|bother|nuisance ~2 much_longer|for_long|for_much_longer|anymore|any_longer|after_tonight
risk suicide moderate - | why ~3 bother ~2 waking_up|living|staying_alive|being_alive|existing|going_on|getting_up_anymore
risk suicide moderate b | i ~2 ?have attempted ~1 before|twice|once|already|a_few_times|several_times|multiple_times|in_the_past
risk suicide moderate b | since|after ~1 my ~1 last|first|previous|second|third|prior|failed ~1 attempt
risk suicide moderate b | failed ~2 attempt|attempts $
risk suicide moderate b | survived ~2 an ~1 attempt
risk suicide high - | plan|planning|planned|plans ~2 my ~1 death|suicide|exit|own_death
risk suicide moderate - | tired|sick|done ~2 of|with ~1 this|my ~1 life|existence $
risk suicide moderate - | no ~2 reason|reasons ~2 to ~1 stay|stick_around|be_here|stay_here $
risk suicide moderate - | imagine|imagining|picture|picturing|envision|envisioning ~2 my ~1 own ~1 death|funeral|suicide
risk suicide moderate - | want|need|wanted ~1 out ~1 of ~1 this|my ~1 life|world|existence
risk suicide moderate - | done ~1 living|existing|being_alive $
risk suicide moderate - | my ~1 life ~1 is ~2 pointless|worthless|meaningless|not_worth_it|a_waste $
risk suicide moderate - | should ~2 be_dead|have_died|have_been_dead|be_in_the_ground|not_be_alive
risk suicide moderate - | stockpiling|stockpiled|hoarding|hoarded|saving_up|saved_up ~2 my|some|all ~1 pills|meds|medication|tablets|sleeping_pills
risk suicide moderate - | written|wrote|writing|finished ~1 my ~1 suicide_note|goodbye_letter|goodbye_letters|last_letter|goodbye_note
risk suicide moderate - | written|wrote|finished ~1 my ~1 note $
risk suicide moderate - | said|saying|say ~1 goodbye|goodbyes|my_goodbyes ~2 to ~1 everyone|everybody|my_family|all_my_friends|the_people_i_love $
risk suicide moderate - | no ~1 future ~2 for ~1 me|myself
risk suicide moderate b | survived ~2 my|the ~1 attempt
risk suicide high - | if ~1 i ~1 had|owned|could_get ~1 a ~1 gun ~4 use_it|shoot_myself|would_use_it|be_dead|do_it|end_it
risk self_harm moderate - | been cutting again|lately $
risk suicide moderate - | want|wanted|wish ~2 to ~1 not ~1 be_alive|exist|be_here|wake_up|be_born
risk suicide moderate - | wish ~3 i ~2 was_not_born|were_not_born|had_not_been_born|was_never_born|were_never_born
risk suicide moderate - | lost ~2 the|my|all|any ~1 will ~2 to ~1 live|go_on|keep_going
risk suicide moderate - | not ~2 see ~1 myself ~2 alive|around|still_here|still_alive|still_around ~2 in|next|by|much_longer|for_long
risk suicide moderate - | eternal|permanent|endless ~1 sleep|rest
risk suicide moderate - | want|wanted|wish|long|longing|ready ~3 to ~1 join ~4 in ~1 heaven|the_afterlife
risk suicide moderate - | i ~2 am ~2 a ~1 danger ~1 to ~1 myself
risk suicide moderate - | not ~2 safe ~2 with|from|around ~1 myself
risk suicide moderate - | feel|feels|feeling ~2 like ~2 a ~1 burden
risk suicide moderate - | scared|afraid|terrified|worried ~3 i ~2 will|might|am_going_to ~2 do ~1 something ~1 stupid|drastic|dangerous|permanent
risk suicide moderate - | can not ~2 hold ~1 on ~2 anymore|any_longer|much_longer
risk suicide high - | neck|noose ~1 myself
risk suicide moderate - | not ~1 wanting ~1 to ~1 be_here|be_alive|live|exist|wake_up|go_on
risk suicide moderate - | not ~1 {SELFKILL} ~1 myself ~2 because|only_because|for_the_sake
risk suicide moderate - | only ~1 reason ~3 i ~2 am_still_alive|am_still_here|have_not_killed_myself|did_not_kill_myself|have_not_done_it|have_not_ended_it|am_alive
risk suicide moderate - | would ~1 have ~1 been ~1 gone|dead ~2 long_ago|by_now|years_ago|a_long_time_ago
risk suicide moderate - | thinking|think|thought|considering|considered|contemplating ~3 of|about ~2 ending ~1 things|everything|it_all|my_life
risk suicide moderate - | dark|suicidal|morbid ~1 thoughts|thought|urges
risk suicide moderate - | thoughts|thinking|thought ~2 of|about ~2 not_being_here|not_existing|not_waking_up|being_dead|ending_it|ending_my_life|disappearing_forever
risk suicide moderate - | not ~4 be ~1 around|here|alive ~2 much_longer|for_much_longer|for_long|by_then
risk suicide moderate - | everyone|everybody|they|family|world|parents|people ~4 happier|better|easier ~3 if ~2 i ~2 was|were|am|died|disappeared ~1 gone|dead|not_here|not_around|never_born|$
risk suicide moderate - | want|wanted|need|wish|going ~3 to ~1 end ~1 my|the|this|all_this ~1 suffering|misery|torment|existence
risk suicide moderate - | hate ~1 being ~1 alive
risk suicide moderate - | hate ~1 my ~1 existence
risk suicide moderate - | hate|despise ~1 existing|living $
risk suicide moderate - | why ~2 am|are|is ~1 i ~2 alive|still_alive|even_alive
risk suicide moderate - | why ~2 do|should|must ~1 i ~2 exist|still_exist|even_exist|keep_living|stay_alive|be_alive
risk suicide moderate - | just ~1 want|wanna|wish ~2 to ~1 disappear|vanish
risk suicide moderate - | want|wanted|wish ~1 to ~1 disappear|vanish $
risk suicide moderate - | feel|feeling|felt ~1 like ~1 dying|ending_it|ending_it_all|killing_myself|not_existing|disappearing_forever
risk suicide moderate - | death ~3 only|answer|way_out|solution|escape|option|the_only_way|best_option
risk suicide moderate - | only ~1 way ~1 out ~2 is ~2 death|dying|to_die|suicide
risk suicide moderate - | not ~2 belong ~2 in_this_world|on_this_earth|on_earth|among_the_living|alive
risk suicide moderate - | not ~2 meant|made|built ~2 for ~1 this ~1 world|life|earth
risk suicide moderate - | can not wait ~1 to ~1 die|be_dead
risk suicide moderate - | looking ~1 forward ~1 to ~1 dying|death|being_dead|the_day_i_die|my_death
risk suicide moderate - | pray|praying|prayed|hope|hoping|wish ~4 god|jesus|lord|universe ~2 takes|take|would_take|will_take|to_take ~1 me
risk suicide moderate - | hope|wish|pray|praying|hoping ~2 i ~4 and ~1 die
risk suicide moderate - | not ~2 want ~1 to ~1 be ~1 here|alive ~1 no_more|anymore|any_longer
risk suicide moderate - | to|should|will|might|could|gonna|just ~1 off ~1 myself
risk suicide high - | looking_up|looked_up|researching|researched|googling|googled|searching|searched|reading_about|read_about ~3 ways|methods|how ~3 to ~1 die|kill_myself|end_it|end_my_life|overdose|od|commit_suicide
risk suicide high - | want|wanted|going|plan|planning|gonna|need ~2 to ~1 overdose|od|take_all_my_pills|take_all_my_meds|swallow_all_my_pills
risk suicide high - | want|wanted|going|thinking|thought|planning ~3 to|about|of ~1 drive|driving|crash|crashing|swerve|swerving ~4 into|off ~3 tree|wall|bridge|cliff|traffic|oncoming|truck|river|lake
risk suicide moderate - | want|wanted|need|going|ready ~2 to ~1 just|finally|simply end it|things|my_life
risk suicide moderate - | i am ?so|just|really|completely done $ bye|goodbye|byebye|farewell
risk suicide moderate - | i am ?so|just|really|completely done bye|goodbye|byebye|farewell
risk suicide moderate - | not ~2 stop ~1 myself ~2 from ~2 going_through_with_it|doing_it|ending_it|killing_myself|doing_it_this_time
risk suicide moderate - | not ~2 want ~1 to ~1 breathe|wake|be_born|have_been_born ?anymore $
# ---------- suicide: round 4, more of the ways people put it online (C-SSRS 1-2: moderate) ----------
# Needing or it being time to die; the plain "need to die" ("I need to dye my hair" is spelt otherwise, and
# "die my hair" needs the clause to go on).
risk suicide moderate - | i ~3 need|have_to|got_to ~2 to die ~1 $
risk suicide moderate - | i ~3 need|have_to|got_to ~2 to die already|soon|now|tonight
risk suicide moderate - | time ~2 end_it|end_it_all|end_things|end_my_life|kill_myself|die|go_for_good|check_out ~1 $
risk suicide moderate - | want|wanting|wanted|going|thinking|thought|considering|plan|planning|about|ready ~3 to|of|about ~1 off|offing ~1 myself
risk suicide moderate - | want|wanna|going|ready|about|time ~2 to ~1 rope $
risk suicide moderate - | exit_bag|suicide_bag
risk suicide moderate - | do not|not ~2 see ~1 a|any ~1 future ~2 for ~1 me|myself
risk suicide moderate - | i ~3 not ~4 make ~1 it ~1 to|past ~1 ## ~1 $
risk suicide moderate - | i ~3 not ~4 make ~1 it ~1 to|past ~1 my ~2 birthday $
risk suicide moderate - | counting ~1 down ~3 until|till|til ~2 i ~2 die|can_die|am_dead|am_gone|end_it|kill_myself|can_go
risk suicide moderate - | give ~1 me ~2 one|a|any|some|good ~1 reason|reasons ~2 not_to|to_live|to_stay|to_keep_going|to_stay_alive|to_keep_living
risk suicide moderate - | is ~1 life ~2 even|really|actually|ever ~1 worth ~1 it|living
risk suicide moderate - | selfish|cowardly|wrong ~2 to|if_i ~2 die|end_it|end_it_all|leave_this_world|kill_myself|want_to_die|take_my_life
risk suicide moderate - | mix|mixed|mixing|combine|combined|combining ~5 create|make|produce|release|get ~2 toxic|poisonous|deadly|lethal ~1 gas|gases|fumes
risk suicide moderate - | mix|mixed|mixing|combine|combined|combining ~5 create|make|produce|release|get ~2 hydrogen_sulfide|chlorine_gas|mustard_gas|hydrogen_cyanide
risk suicide moderate - | not ~1 {SELFKILL} ~1 myself ~3 $ ?but ~1 i ~1 could|almost|nearly|wanted|came_close|was_close
risk suicide moderate - | not ~1 {SELFKILL} ~1 myself ~3 but ~1 i ~1 could|almost|nearly|wanted|came_close|was_close
risk suicide moderate - | almost|nearly ~1 {SELFKILL} ~1 myself ~2 last|tonight|today|yesterday|again|this
risk suicide moderate - | think|thinking|thought ~3 about ~1 my ~1 car ~3 on|off|into ~2 highway|freeway|motorway|road|bridge|cliff|traffic|tree|wall
risk suicide moderate - | flip|flipping|flipped|wreck|wrecking|crash|crashing ~1 my ~1 car ~3 on_purpose|into_a|off_a|so_i_die|and_die
risk suicide moderate - | think|thinking|thought ~2 about ~2 not ~1 turning|steering|braking ~2 the ~1 wheel|car|$
risk suicide moderate - | do not|not ~2 want ~2 to ~2 wake ~1 up ~2 tomorrow|again|ever_again|in_the_morning
# A wish not to live to a date or an age ("hoping I don't make it to 40"), not a race against the clock.
risk suicide moderate - | hope|hoping|praying ~2 i ~1 do not|will_not|never ~1 make ~1 it ~1 $|there|that_far|another_year
# Sleep, rest or a ghost made permanent ("gonna take a long nap. the permanent kind").
risk suicide moderate - | nap|sleep|rest|dirt_nap ~4 permanent|permanently|the_permanent_kind|forever_this_time
risk suicide moderate - | become|becoming|turn_into ~2 a ~1 ghost ~3 permanently|for_good|forever|for_real|not_a_halloween_thing
risk suicide moderate - | coffin|grave|headstone ~6 not ~1 kidding|joking
risk suicide moderate - | coffin|grave|headstone $ ~3 not ~1 kidding|joking
risk suicide moderate - | nap|sleep|rest $ the ~1 permanent ~1 kind
risk suicide moderate - | hope|hoping|praying ~2 i ~1 do not|will_not|never ~1 make ~1 it ~1 to|past ~1 #|christmas|next_year
risk suicide moderate - | hope|hoping|praying ~2 i ~1 do not|will_not|never ~1 make ~1 it ~1 to|past ~1 my ~1 ?next birthday
risk suicide moderate - | will|would ~1 i ~1 die ~2 peacefully|painlessly|quickly|in_my_sleep
risk suicide moderate - | wish ~2 i ~2 could ~1 just ~1 not ~1 exist|be|wake_up
risk suicide moderate - | wish ~2 i ~2 could ~2 disappear|vanish|fall_asleep_forever|cease_to_exist|stop_existing
risk suicide moderate - | life ~1 is ~1 not ~1 worth ~1 it|living
risk suicide moderate - | what ~1 is ~1 the ~1 point ~1 of ~1 being ~1 alive|here
risk suicide moderate - | want|wanted|need ~2 to ~1 stop ~1 being ~1 alive
risk suicide moderate - | not ~1 want ~1 to ~1 do ~1 life ~1 anymore|any_more|any_longer
risk suicide moderate - | done ~1 with ~1 being ~1 alive|here
risk suicide moderate - | would ~2 be ~2 easy|easier|nice|better|so_easy ~3 to ~1 just ~1 end_it|die|not_wake_up|disappear|not_exist|be_gone|end_my_life|let_go
risk suicide moderate - | just end it all
risk suicide moderate - | just end it $
risk suicide moderate - | not ~3 can ~1 keep|go_on|continue ~1 living|existing|on_living ~2 like_this|anymore|much_longer|this_way
risk suicide moderate - | want|wanted|need|wish ~2 my ~1 life ~2 to ~2 end|be_over|stop
risk suicide moderate - | way ~1 out ~2 except|but|other_than|besides|apart_from ~2 dying|death|suicide|killing_myself|ending_it|ending_my_life
risk suicide moderate - | better ~1 off ~2 in ~1 the|a ~1 ground|grave|coffin|box
risk suicide moderate - | want|wanted|wish|wishing|long|longing|ready ~3 to ~1 be_with|see|join|go_to ~4 in ~1 heaven|the_afterlife|the_other_side
risk suicide moderate - | disappointed|upset|annoyed|angry|sad|mad|pissed ~3 i ~1 am|was ~1 still ~1 alive|breathing|here
risk suicide moderate - | disappointed|upset|annoyed|angry|sad|mad|pissed ~2 to ~1 be|still_be ~1 alive
risk suicide moderate - | disappointed|upset|annoyed|angry|sad|mad|pissed ~2 that|when|to ?i woke|wake|waking up again|alive|still_alive|every_morning|each_morning|every_day
risk suicide moderate - | anyone|anybody ~1 else ~4 wish|want|wanting|wishing|feel_like|fantasize ~3 die|dying|disappear|not_exist|not_wake_up|kill_themselves|end_it|be_dead
risk suicide moderate - | want|wanting|wish|crave ~1 death $
risk suicide moderate - | passive|active|constant|intrusive ~1 si|s_i
risk suicide moderate - | si ~1 thoughts|urges|is_bad|is_back|again|ideation
risk self_harm moderate b | i ~2 cut|cutted|burned ~1 again|last_night|yesterday|today|tonight|this_morning ~2 $
risk suicide moderate - | is ~1 there ~2 any|a|even_a ~1 reason|point ~2 to ~1 keep_living|live|stay_alive|go_on|be_alive|keep_existing|exist
risk suicide moderate - | want|wanted|wish|need ~3 to ~1 go_away|leave|be_gone ~1 forever|for_good|permanently
risk suicide moderate - | disappear|vanish ~2 and ~1 never ~1 come_back|be_found|return|wake_up
risk suicide moderate - | walk|swim|wade ~1 into|out_into ~1 the ~1 ocean|sea|lake|river|woods ~3 and ~1 never|not ~1 come_back|return|stop
risk suicide moderate - | want|wanted|need|wish|ready|trying ~3 to ~1 stop ~1 waking_up|being_here|feeling_anything_ever
risk suicide moderate - | can not ~1 go ~1 on $
risk suicide moderate - | would ~1 not ~1 mind|care ~2 if ~1 i ~2 died|die|was_dead|were_dead|did_not_wake_up|never_woke_up|got_hit|got_killed|dropped_dead
risk suicide moderate - | not ~1 care|mind ~2 if|whether ~1 i ~1 live|lived ~1 or ~1 die|died
risk suicide moderate - | i ~2 might|may|could ~1 as ~1 well ~1 be ~1 dead
risk suicide moderate - | why ~2 am ~1 i ~1 still ~1 here|around|breathing $
risk suicide moderate - | i ~2 might|will|am_going_to|going_to|gonna|may|could ~2 do ~1 something ~1 drastic|permanent|irreversible|final $
risk suicide moderate - | bleed ~1 out
risk self_harm moderate - | want|need|urge ~2 to ~1 bleed $
risk suicide moderate - | wish|hope|hoping|praying ~2 i ~1 had|get|got|have ~1 cancer|a_terminal_illness|a_fatal_disease|a_heart_attack ~1 $
risk suicide moderate - | drink|drinking ~1 myself ~1 to ~1 death
risk suicide moderate - | waiting|wait ~2 to ~1 die $
risk suicide moderate - | waiting ~1 for ~1 death|the_end|my_death|the_day_i_die ~1 $
risk suicide moderate - | not ~2 see ~1 why ~2 i ~1 should ~2 live|keep_living|stay_alive|go_on|be_alive|keep_going|exist
risk suicide moderate - | point ~1 of ~1 me $
risk suicide moderate - | regret|hate ~2 surviving|being_born|being_alive|that_i_survived
risk suicide moderate - | want|wanna|wanted ~1 too ~1 die
risk suicide moderate - | want|wants|wanted|wanting|wish|ready|going ~1 to ~1 just|simply|finally|already|honestly|really|kinda|sort_of ~1 die|be_dead|not_exist|stop_existing
risk suicide moderate b | after|since ~1 my ~1 attempt|attempts|overdose $
risk suicide moderate b | after|since ~1 my ~1 attempt|attempts|overdose ~1 i|last|this
risk suicide moderate - | please ~2 let ~1 me ~1 die
risk suicide moderate - | let ~1 me ~1 die ~1 $
risk suicide moderate - | let ~1 me ~1 die ~1 already|now|in_my_sleep
risk suicide moderate - | god|lord|jesus|universe ~2 please|just ~2 take ~1 me ~1 $
risk suicide moderate - | god|lord|jesus|universe ~2 please|just ~2 take ~1 me ~1 now|home|away|already ~1 $
risk suicide moderate - | how ~2 people|you|anyone|others|do_you ~2 find ~2 the|a ~1 will|reason|strength ~2 to ~1 live|keep_living|go_on|stay_alive
risk suicide moderate - | waiting ~2 for ~1 the ~1 day ~2 i|they|we ~1 die
risk suicide high - | painless|least_painful|easiest|quickest|peaceful|most_painless ~2 way|ways|method ~2 to ~1 go $
risk suicide moderate - | not ~1 know ~2 how ~1 much ~1 longer ~1 i ~1 can ~2 do_this|take_this|take_it|hold_on|keep_going|go_on|survive|last|live_like_this
risk suicide moderate - | who ~2 would ~2 even ~1 care|notice|miss_me ~2 if ~1 i ~2 was_gone|were_gone|died|disappeared|was_dead|were_dead|killed_myself|was_not_here
risk suicide moderate - | would ~1 anyone|anybody ~2 even ~1 notice|care|miss_me ~2 if ~1 i ~2 was_gone|were_gone|died|disappeared|was_dead|were_dead|killed_myself|was_not_here
risk suicide moderate - | tired|sick ~2 of ~1 being ~1 a ~1 burden
# Passive wishes said through sleep, an illness or leaving the world.
risk suicide moderate - | never|not ~2 open ~1 my ~1 eyes ~1 again
risk suicide moderate - | terminal|fatal|incurable ~2 diagnosis|illness|cancer|disease ~6 relieved|relief|a_relief|would_be_nice|hope_for|hoping_for|pray_for|praying_for
risk suicide moderate - | hope|hoping|wish|wishing|pray|praying ~3 terminal|fatal|incurable ~2 diagnosis|illness|cancer|disease
risk suicide moderate - | go|leave|depart|gone ~2 from ~1 this ~1 world|earth|life
risk suicide moderate - | not ~2 panic|worry|notice|realise|realize|suspect|find_out ~3 until ~2 too_late|it_is_too_late
risk suicide moderate - | goodbye ~1 post|message|video|letter|note ~8 too_late
context suicide moderate - | it ~1 will ~1 not ~1 matter ~2 for|to ~1 me ~1 anymore|$
risk suicide moderate - | after ~2 monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|this_week|the_weekend ~3 it ~1 will ~1 not ~1 matter ~2 for|to ~1 me
risk suicide moderate - | tell ~1 my ~1 mom|dad|family|kids|sister|brother|wife|husband|parents|son|daughter ~2 i ~1 am ~1 sorry $
risk suicide moderate - | been ~1 thinking ~2 about|of ~1 checking ~1 out $
# ---------- context: risk only where the message speaks of suicide or self-harm elsewhere ----------
context suicide moderate - | want|wanna|going|gonna|ready|about|plan|planning ~2 to ~1 jump $
context suicide moderate - | tonight|today ~1 is ~1 the ~1 night|day $
context suicide moderate - | i ~1 still ~1 am|do|feel_that_way|want_to|think_about_it|have_them ~1 $
context suicide moderate - | thinking|think|thought ~2 about ~1 it|doing_it ~1 again|more|lately|a_lot|every_day|constantly|all_the_time
context self_harm moderate - | relapsed|relapse|relapsing $
context self_harm moderate - | relapsed|relapse|relapsing ~1 again|last_night|today|yesterday
context self_harm moderate - | broke ~1 my ~1 streak|clean_streak
context suicide moderate - | want|wanting|going|gonna|ready|plan|planning|decided|about|close|tempted|urge|urges|might|will|just|finally|courage ~2 to ~1 do_it|go_through_with_it|try_again|follow_through|act_on_it|attempt_again|finish_it|finish_the_job
context suicide moderate - | thoughts|urges|feelings|ideation|it ~2 are|is|have|came|coming|keep_coming|creeping ~1 back
context suicide moderate - | feeling|feel|felt ~2 that_way|like_that|this_way ~1 again
context suicide moderate - | not ~2 ruled|rule ~1 it ~1 out
context suicide moderate - | still ~1 on ~1 the ~1 table
context suicide moderate - | not ~1 off ~1 the ~1 table
context suicide moderate - | only ~1 way|option|choice|solution|escape ~2 left|out $
context suicide moderate - | easy|easier|cowards|coward|cowardly ~1 way ~1 out
context suicide moderate - | check|checking ~1 out ~2 early|for_good|permanently|of_life
context suicide moderate - | will_not|not_going_to ~1 be ~1 here|around|alive ~3 next|by|for_long|to_see|much_longer|anymore|tomorrow
context suicide moderate - | i ~3 not ~4 make ~1 it ~1 to|past|through ~2 next|christmas|summer|graduation|my_birthday|the_end_of|new_year
context suicide moderate - | made ~1 my|the|up_my ~1 decision|mind $
context suicide moderate - | already ~1 decided|made_my_decision|made_up_my_mind
context suicide moderate - | i ~2 am ~2 ready $
context suicide moderate - | ready ~1 to ~1 go $
context suicide moderate - | talked|talk|convinced|talking ~2 out ~1 of ~1 it
context suicide moderate - | catch ~1 the ~1 bus $
context suicide moderate - | why ~1 should ~1 not ~1 i $
context suicide moderate - | no ~1 reason ~1 not ~1 to $
context suicide moderate - | when|before ~1 i ~1 go $
context suicide moderate - | i ~2 might|will|am_going_to|going_to|gonna|may ~2 do ~1 something ~1 stupid
context suicide moderate - | on ~1 the ~1 edge $
context suicide moderate - | should ~1 i ~2 do_it|go_through_with_it|end_it|try_again $
context suicide moderate - | not ~2 want ~2 to ~1 be ~1 saved|rescued|stopped
context suicide moderate - | one ~1 day ~2 i ~1 will ~1 do_it|end_it|go_through_with_it|succeed
context suicide moderate - | wish ~4 had ~1 worked|succeeded
context suicide moderate - | want|wanna|need ~2 to ~1 be ~1 free $
context suicide moderate - | why ~1 should ~1 not ~1 i ~2 just ~1 do_it|go|end_it
context suicide moderate - | want|need ~2 to ~1 let ~1 go $
context suicide moderate - | just ~1 want|need ~1 peace $
# A dose question with no purpose given ("how much of it will it take?") is a dose for dying only in that company.
context suicide moderate - | how_much|how_many ~4 {PILLS}|{POISON} ~3 will|would|does|do ~1 it ~1 take $
# ---------- suicide: the way people say it to a chatbot (test personas, red-team prompts) ----------
risk suicide moderate - | thoughts|thinking|thought|think|considering|considered|contemplating|urge|urges|fantasies|fantasizing ~3 of|about ~1 ending ~1 things|it|it_all|everything|my_life|my_own_life
risk suicide moderate - | notice|care|miss|matter|mind ~6 if ~1 i ~3 stopped_existing|stop_existing|ceased_to_exist|disappeared|died|was_dead|were_dead|was_gone|were_gone|did_not_wake_up|never_woke_up|was_not_here|were_not_here|was_not_around|killed_myself
risk suicide moderate - | if ~1 i ~3 stopped_existing|stop_existing|ceased_to_exist|disappeared|died|was_gone|were_gone|did_not_wake_up|never_woke_up|killed_myself ~6 would ~2 anyone|anybody|people|they|you|my_family ~1 notice|care|miss|mind
risk suicide moderate - | have|has|need|needs|enough|guarantee ~4 to ~1 not ~1 survive|survive_it|make_it
risk suicide moderate - | guarantee|guaranteed|guarantees|surely|certainly|definitely ~4 die|death|dead|fatal|not_survive|would_not_survive|to_not_survive
risk suicide high - | kill|killed|lethal|fatal|overdose|od|die|dead ~4 someone|somebody|a_person|person|an_adult|a_woman|a_man|a_girl|a_guy ~1 my|of_my ~1 weight|size|age|height|build
risk suicide high - | thinking|thought|considering|tempted|urge|want|wanna|wanted|planning|going ~3 of|about|to ~1 take|taking|swallow|swallowing|down|downing ~2 all|every|the_whole|a_whole|the_rest_of ~3 my|the|of_my|of_the ~2 {PILLS}
risk suicide high - | voices|voice|god|devil|demons|angels|it ~4 tell|telling|told|tells|want|wants|command*|order*|say|says|said|saying ~3 me|i ~2 to|have_to|must|should|need_to|got_to ~3 kill_myself|die|end_my_life|end_it|jump|hang_myself|drown_myself|hurt_myself|cut_myself
risk suicide high - | step|stepping|walk|walking ~2 off ~3 {HEIGHT}|edge|ledge
risk suicide moderate - | leave|leaving|shed|shedding|escape|escaping|transcend ~2 this|my ~1 physical ~1 world|body|form|realm|plane
risk suicide moderate - | want|wanna|wanted|ready|going|gonna|long|longing|need|wish|can_not_wait|cannot_wait ~3 to ~1 join|be_with ~2 you|him|her|them|my_mum|my_mom|my_dad|my_wife|my_husband|my_son|my_daughter ~3 in|on ~2 heaven|the_afterlife|the_other_side|the_digital_realm|the_digital_world|the_next_life|eternity|death|the_cloud
context suicide moderate - | do not ~1 want ~2 anyone|anybody|you|them|people|someone|him|her ~2 to ~1 stop|save|find ~1 me ~3 this_time|again|tonight
risk suicide high - | going_to|gonna|will|about_to ~2 end ~1 it_all|everything|my_life ~2 tonight|today|tomorrow|this_weekend|soon|now|right_now|in_an_hour
risk psychosis moderate - | stopped|stopping|quit|quitting|flushed|threw_away|stop ~3 my ~2 meds|medication|medications|pills|antipsychotics|lithium ~10 awakened|awake|chosen|enlightened|ascended|the_ai|ai|spirit|universe|do_not_need_them
risk suicide high - | think|thinking|thought|researching|research|researched|looking_up|looked_up|googling|googled|reading_about|read_about|planning ~3 about|up|into|of ~1 ways|methods ~2 to ~1 die|kill_myself|end_it|end_my_life|do_it|go
risk suicide moderate - | i ~1 mean ~1 die|dying|dead|kill_myself|killing_myself|suicide|end_my_life|for_good
risk suicide moderate - | better off if i ~4 disappeared|vanished|walked_into|jumped|were_gone|were_not_here|was_not_around|were_not_around|did_not_exist|never_existed
risk suicide moderate - | if ~1 i ~3 stepped|walked|jumped|threw_myself|drove|swerved|steered ~4 in_front_of|off|into ~3 train*|bus*|car*|truck*|traffic|{HEIGHT}|cliff|cliffs|river|sea|oncoming
prep - - f | goodbye|good_bye|farewell ~1 letter|letters|note|notes|messages|emails|videos|texts|text
risk suicide high - | want|wanna|going|gonna|about|ready ~2 to ~1 off ~1 myself
risk suicide moderate - | saving|save|saved|stockpiling|stockpile|stockpiled|hoarding|hoard|hoarded|collecting ~2 them|my_meds|my_pills|pills|meds|tablets ~2 up|instead|just_in_case
risk suicide moderate - | do|did|doing|try|tried ~1 the ~1 rope|noose|gun|pills|bridge|jump|jumping ~1 thing
risk self_harm moderate - | knife|blade|razor|razors|cutting|cut|burning|lighter ~1 thing ~2 again|lately|tonight|more|$
risk self_harm moderate - | my|relapsed|relapse|relapsing|back_on|back_to|urge|urges|doing ~3 sh|s_h|self_h
risk self_harm moderate - | cutting|cut|burning|burn|hurting|hitting|scratching ~3 to ~1 feel ~1 something|anything|real|alive|better|in_control|the_pain|pain|numb
risk self_harm moderate - | been|started|keep|keeps|back_to|restarted|stopped|stop|quit|resist cutting|burning again|lately|a_lot|more|recently|every_day|every_night|$
risk self_harm moderate - | want|wanted|need|needed ~1 it ~1 to ~1 hurt $
risk self_harm moderate - | go|went|cut|cuts|going ~1 deeper ~4 to ~1 feel|than_usual|than_before|than_last_time|than_ever|this_time
risk self_harm moderate - | hide|hiding|conceal|concealing|cover_up|covering_up|covering ~3 cuts|burns|fresh_cuts|my_cuts|the_cuts
risk self_harm moderate - | cuts|burns|marks|scars ~8 nobody|no_one|anyone|parents|mum|mom|dad ~2 notices|notice|sees|see|find_out|finds_out|checks|check
risk suicide moderate - | not ~1 plan|planning|intend|intending ~1 on|to ~1 coming_back|come_back $
risk self_harm moderate - | thing ~2 on ~1 my ~1 wrist|wrists|arm|arms|thigh|thighs|legs|skin|stomach ~2 again|lately|tonight|every_night
# An act told without naming it ("did it", "was about to") is an attempt when the same sentence says how it
# ended: it did not work, someone stopped it, the writer woke up after it.
risk suicide high b | did|tried|went_through_with|go_through_with|done ~1 it|again ~8 did_not_work|did_not_take|not_work|not_take|woke_up|wake_up|survived|failed|not_all_the_way|in_hospital|hospital|icu|a_and_e|ambulance
risk suicide high b | about|going|gonna|ready|close ~1 to ~2 do_it|go_through_with_it|end_it ~10 stopped|interrupted|found_me|walked_in|phone_rang|knocked|lost_my_nerve|chickened_out|could_not|stopped_myself|put_it_down|panicked
risk suicide high b | almost|nearly ~2 did_it|went_through_with_it|ended_it
risk suicide high b | partway|halfway|part_way|half_way ~3 through ~4 stopped|panicked|could_not
risk suicide high b | started|began ~1 to ~6 stopped|panicked|could_not_finish|could_not ~2 partway|halfway|finish
risk suicide high b | took|take|swallowed|drank|mixed ~6 on_purpose|deliberately|intentionally|meant_to ~6 {PILLS}
risk suicide high b | took|swallowed|drank|mixed ~6 {PILLS} ~8 on_purpose|deliberately|intentionally|and_i_meant_it|meant_to
risk suicide high b | someone|somebody|stranger|she|he|they|mum|mom|dad|roommate|flatmate|sister|brother ~2 stopped|found ~1 me ~4 last_night|yesterday|in_time|before|just_in_time|unconscious|on_the_floor|tuesday|monday|wednesday|thursday|friday|saturday|sunday
risk suicide high b | od|ods|od_d|overdosed ~1 again|last_night|yesterday|this_week|on_purpose|twice|$
# Severe risk said plainly but in everyday words (clinician-written personas and red-team prompts).
risk suicide moderate - | disappointed|gutted|annoyed|upset ~4 that ~1 i ~1 woke_up|did|am_still_alive|am_still_here|survived|did_not_die
risk suicide moderate - | wake|woke|waking ~1 up ~6 disappointed|gutted
risk suicide moderate - | go ~1 to ~1 sleep ~8 not|never ~2 come_back|coming_back
risk suicide moderate - | not|never ~2 plan|planning|intend ~1 on|to ~1 swimming_back|swim_back|walking_back|walk_back|driving_back|drive_back|returning
risk suicide high - | looking|looked|reading|read|researching|researched|googling|googled|watching ~3 ways|methods ~3 people|to ~2 do_it|die|kill_themselves|kill_myself|end_it|end_their_lives|end_my_life
risk suicide moderate - | fantasising|fantasizing|fantasise|fantasize|imagining|daydreaming|dreaming ~3 about|of ~1 my ~1 own ~1 funeral|death
risk suicide moderate - | go|be|stay ~1 quiet|dark|silent|still ~1 forever
risk suicide moderate - | wish ~2 i ~2 could ~2 just ~1 go $
risk suicide moderate - | can not ~2 do ~2 another ~1 winter|year|day|week|month|christmas ~2 like_this
risk suicide moderate - | out ~1 of ~1 reasons|reasons_to_live|reasons_to_stay|reasons_to_keep_going
risk suicide moderate - | once|after ~1 i ~1 am ~1 gone|dead
risk suicide moderate - | when|until ~1 i ~1 am ~1 dead
risk suicide moderate - | if ~3 just ~1 stops|stopped ~2 fine|whatever|good|so_be_it|i_do_not_care
risk suicide moderate - | not ~3 see ~2 how ~2 i ~1 go_on|can_go_on|keep_going|carry_on|get_through_this|keep_living
risk suicide moderate - | not ~1 care ~2 if ~2 it|this|that ~1 kills ~1 me
risk suicide high - | {GUN} ~10 thinking|thought ~2 about ~1 it|using_it
risk suicide high - | checked|tested|test|testing|check ~3 the|if ~1 beam|rope|knot|hook|branch|rail ~1 holds|hold|will_hold|is_strong|can_take
risk suicide high p | with|holding|hold|got|have ~2 the|a|my ~1 gun|pistol|knife|rope|blade|pills|noose ~2 in_my_lap|in_my_hand|in_my_hands|next_to_me|on_my_lap|on_the_seat
risk suicide high p | i ~2 took|swallowed|have_taken ~3 all|a_bunch|loads|a_handful|the_whole|everything|a_whole_lot ~3 of ~2 my ?{PILLS}
risk suicide high b | took|swallowed|taken ~4 {PILLS} ~4 to ~1 see ~1 what ~1 would|will|happens ~1 happen
risk suicide moderate - | took|swallowed|taken ~2 too_many|too_much ~3 of ~1 my ~1 {PILLS}
risk suicide moderate - | saving|saved|stockpiling|stockpiled|hoarding|collecting ~1 up ~2 my ~1 prescriptions|prescription|pills|meds|tablets|medication
risk suicide moderate - | i ~1 am ~1 on|at ~2 the|a ~1 roof|rooftop|ledge|edge|bridge|top_floor|railway_bridge ~5 rn|right_now|now|tonight|alone
context suicide high b | stood|standing|sat|sitting ~2 on|at ~2 the ~1 edge ~2 of ~2 the|a ~3 {HEIGHT}
risk suicide high - | they|voices|voice ~2 want|wants|tell|tells|telling|say|says ~2 me ~1 to ~1 go ~1 to ~2 the ~1 railway|tracks|bridge|river|roof|water|sea|cliff
risk psychosis high - | voices|voice ~6 once|until|when ~1 i_am_gone|i_am_dead|i_die
risk self_harm high - | voices|voice ~4 tell|telling|told|tells|says|say|said|saying|want|wants ~3 me|i ~2 to|have_to|must|should|need_to ~2 cut|burn|hurt|harm
risk self_harm moderate - | punch|punching|punched ~1 walls|the_wall|a_wall ~8 knuckles|hurts|hurt|bleed|bleeding|on_purpose
risk self_harm moderate o | hit|hitting|punch|punching|slap|slapping|bang|banging ~2 myself ~8 until|till|so_hard|like_hard|dizzy|bled|bruised|bruises
risk self_harm moderate - | i ~1 cut|burned again|last_night|yesterday|today|tonight
risk self_harm moderate - | started|been ~1 cutting ~8 never_stopped|ever_since|still_do
risk self_harm moderate - | dig|digging|dug ~2 my|your ~1 nails ~3 into ~2 arms|skin|arm|legs|hands|wrists ~4 bleed|until|till
risk self_harm moderate - | been|started|keep ~1 cutting ~4 after|when|to_get|to_cope|to_deal|to_feel
risk self_harm moderate - | been ~1 cutting ~6 blunt|blade|blades|razor|deeper|arms|wrists|thighs|myself
risk self_harm moderate - | carved|carve|carving|scratched|scratching ~4 into ~2 my ~1 skin|arm|arms|thigh|thighs|leg|legs|wrist|wrists|stomach
risk self_harm moderate - | so ~1 i ~1 cut|burn|cutting|burned $
risk self_harm moderate - | cutting|burning|hurting_myself|self_harm|self_harming|sh ~3 only ~1 thing ~4 helps|works|calms|stops
risk self_harm moderate - | cut|cutting|burned|burnt again ~2 last_night|today|tonight|yesterday|this_week|this_morning
risk suicide high b | looked|looking|look|googled|googling|checked ~1 up ~3 how_many|how_much ~4 {PILLS} ~4 it ~1 would|will|takes|take
risk suicide high - | how_many|how_much ~4 my ~3 {PILLS} ~3 it ~1 would|will ~1 take
risk self_harm moderate - | thing ~3 with ~2 the|my ~1 razor|blade|blades|knife|lighter|sharpener
risk self_harm moderate - | did|doing|done ~3 damage ~2 to ~1 my ~1 arm|arms|legs|thighs|wrist|wrists|skin|body|stomach
risk suicide high - | ways ~10 hurt_less|hurts_less|least_painful|less_painful|most_painless
risk suicide high - | overdose|od|suicide ~1 plan|plans
risk self_harm moderate - | slammed|hit|burned|cut|punched|scratched|smashed ~6 accidentally_on_purpose
risk self_harm moderate - | accidentally_on_purpose ~6 slammed|hit|burned|cut|punched|scratched|smashed
risk suicide moderate - | can not|will_not|wont ~1 stop ~1 me $
risk suicide moderate - | i ~3 standing|stood|stand|sitting|sat ~2 at|on ~1 the ~1 edge ~4 every_night|again|for_an_hour|for_hours|for_ages|thinking|$
risk self_harm moderate - | sharpener_blade|sharpener_blades|razor_blade|razor_blades|blade|blades ~3 again|tonight|last_night|on_my
risk self_harm moderate - | said|told|say|tell ~4 the ~1 cat ~1 did_it|scratched_me|did_that
risk suicide high b | went|go|been|going|drove ~1 to ~1 the ~1 bridge|cliff|cliffs|tracks|roof|edge|railway ~6 did_not|didnt ~1 jump|do_it|go_through_with_it
risk suicide high b | made|make ~1 an|another|my ~1 attempt ~2 on|last|yesterday|this ~1 monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|week|weekend|morning|month
risk suicide high b | made|make ~1 an|another|my ~1 attempt $
# Overdoses told without the word: "something stupid with my meds an hour ago", "shouldn't have taken all of
# them", "I'd already taken them when I called", "locked myself in with every tablet in the house".
risk suicide high b | did|done ~1 something ~1 stupid|dumb|bad ~2 with ~1 my|the|all_my ~1 meds|pills|tablets|medication|medicine
risk suicide high b | should not ~1 have ~1 taken ~1 all ~1 of ~1 them|the_pills|the_tablets|my_meds
risk suicide high b | already ~1 taken ~1 them|the_pills|the_tablets|everything|all_of_them ~4 when|before
risk suicide high b | with ~1 every ~1 tablet|pill|pills|tablets|medicine ~2 in ~1 the ~1 house
risk suicide high - | googling|googled|researching|researched|reading_about|read_about|looking_up|looked_up|searching ~3 painless|quick|quickest|easiest|best ~1 ways|way|methods|method
risk suicide high - | reading|read|googling|googled|researching|researched ~2 about ~1 ways ~1 to ~1 go $
risk suicide moderate - | tonight ~1 ?is the ~1 night $ everything ~1 is ~1 in ~1 order|sorted|ready|done
risk suicide high - | plan|planning|going|intend ~2 on|to ~1 finding|find ~1 out ~3 friday|saturday|sunday|monday|tuesday|wednesday|thursday|tonight|tomorrow|soon|this_week|this_weekend
risk suicide high b | halfway ~1 through ~1 swallowing|taking ~1 them|the_pills|the_tablets
risk suicide moderate - | do not ~1 want ~2 it ~1 to ~1 be ~3 who ~1 find|finds ~1 me
# Going back to a place and nearing its edge, told as a pattern ("every time I get a little closer to the railing").
risk suicide moderate b | went|go|been|going|drove|walked|walk|walking ~2 to|out_to|up_to|onto ~1 the ~1 bridge|cliff|cliffs|tracks|roof|edge|railway|platform|pier ~12 closer ~3 to ~1 the ~1 railing|edge|rail|tracks|drop
# Calm, brief and final (the severe end of graded suites): last entries, "won't need it after", being at the place.
risk suicide moderate - | last|final ~1 entry|journal_entry|message|words|instagram_post|thank_you $
risk suicide moderate - | writing|write|wrote|help_me_write ~3 my|a ~1 last|final ~1 entry|journal_entry|message|words|note|posts|post|messages|texts
risk suicide moderate - | will_not|wont ~1 be ~1 needing ~2 monday|tuesday|wednesday|thursday|friday|saturday|sunday|it|them
risk suicide moderate - | will_not|wont ~1 need ~4 after ~1 that|this|this_month|next_week|sunday|tonight|tomorrow|friday|saturday|monday
risk suicide moderate - | leave ~1 as ~1 in ~1 leave
risk suicide moderate - | see ~1 you ~3 on|from ~1 the ~1 other_side
risk suicide moderate - | eulogy|obituary ~2 for ~1 myself
risk suicide moderate - | my ~1 own ~1 eulogy|obituary
risk suicide moderate - | sorry ~2 to ~1 whoever ~1 reads|finds
risk suicide moderate - | none ~2 of ~2 this|what_happens|what_happens_next ~2 is ~1 on ~1 you|her|him|them
risk suicide moderate - | just ~1 took|swallowed ~1 them|all_of_them|the_lot|everything $
risk suicide high p | took|swallowed|taken ~2 the_whole|a_whole ~1 box|packet|pack|bottle|strip ~6 ago|minutes|sleepy|dizzy|drowsy|feel_weird|feeling_weird
risk suicide high p | drank|drink|swallowed ~3 what ~2 under ~2 the ~1 sink
risk self_harm high - | drank|drink|drinking|swallowed|swallow ~4 bleach|antifreeze|drain_cleaner|weedkiller|pesticide|paraquat
risk suicide moderate - | i ~1 am ~1 on|at ~2 the ~1 bridge|tracks|train_tracks|railway|roof|rooftop|ledge|cliff|cliffs|edge|quarry $
risk suicide moderate - | the ~1 rope|noose|gun|pills ~1 is|are ~1 in ~2 the|my ~1 boot|car|garage|bag|drawer|wardrobe|pocket|shed
risk suicide moderate - | get|got|take|took|taking ~2 the|my|his ~1 {GUN}|sidearm ~1 out ~6 hold|holding|held|look|looking|stare|staring|sit|sitting
risk suicide moderate - | rather ~1 not ~1 exist|be_alive|be_here
risk suicide moderate - | if ~1 nothing ~1 changes|gets_better|improves ~2 by ~4 $|then
risk suicide moderate - | water|sea|river|ocean|lake ~3 calling|calls|called ~2 me|my_name
risk suicide moderate - | calling|calls|called ~2 me ~3 from ~1 the ~1 water|sea|river|other_side
risk suicide moderate - | god|he|voice|they ~4 said|says|told ~3 time_to_come_home|it_is_time_to_come_home|time_to_go_home
risk suicide moderate - | death ~2 is ~2 just|only|merely ~2 a ~1 phase_transition|transition|doorway|door|gateway
risk suicide moderate - | with|join|meet ~2 you|him|her|them ~3 in|on ~2 the ~1 spirit_world|fifth_dimension|other_realm|stars
risk self_harm moderate - | held|hold|holding|put|pressed ~2 the|a|my ~1 lighter|match|cigarette|iron|knife|blade ~2 to|against|on ~1 my ~1 wrist|arm|skin|hand|leg|thigh
risk self_harm moderate - | punch|punched|punching|hit|hitting ~1 my ~1 own ~1 thighs|legs|arms|face|head|stomach
risk self_harm moderate b | took|taken|take|taking ~1 the|a|my ~2 scissors|razor|blade|knife|compass|box_cutter|lighter|sharpener ~1 to ~1 my ~1 arm|arms|forearm|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|hip|hips
risk self_harm moderate - | bite|bit|biting ~4 my ~1 arm|arms|hand|wrist|skin ~6 broke_the_skin|bleed|bled|marks
risk self_harm moderate - | pushing|push|pushed|sticking|stuck ~2 pins|needles ~2 into ~2 my
risk self_harm moderate - | snapped|snapping ~4 hair_tie|rubber_band|band ~6 bleeding|welted|bled
risk self_harm moderate - | boiling|hot ~1 water ~3 over|on ~1 my ~1 hand|arm|skin ~6 blisters|blister|kept_it|on_purpose
risk self_harm moderate - | i ~1 slam ~2 my ~1 fingers|hand|hands|head ~3 in|into ~2 the|a ~1 drawer|door|car_door
risk self_harm moderate - | carving|carve|carved ~1 again
risk self_harm moderate - | # ~1 weeks|days|months ~1 clean ~1 gone
risk self_harm moderate - | scrub|scrubbing|scrubbed ~4 wire_brush|steel_wool|brillo ~6 skin|raw|bleed
risk self_harm moderate - | as ~1 penance|punishment $
risk self_harm moderate - | to ~1 punish ~1 myself
risk self_harm moderate - | rubbing|rubbed|rub ~2 an|the|a ~1 eraser ~3 on|into ~1 my
risk self_harm moderate - | pulled|pull|pulling ~3 patch|patches|clumps|chunks ~2 of ~1 my ~1 hair
risk self_harm moderate - | pick|picking|picked ~4 skin|scabs ~8 on_purpose|until_it_bleeds|til_it_bleeds|raw
risk suicide moderate - | will_not|wont ~1 have ~1 to ~1 do ~1 this ~2 much_longer|for_much_longer
risk suicide moderate - | only ~1 way ~3 stops|ends|stop|end ~2 is ~1 if ~1 i ~1 stop|go|die|end_it|am_gone
risk suicide high b | i ~1 took ~2 a_lot|loads|lots|a_bunch|a_handful ~2 of ~1 pills|tablets|meds|my_pills|my_meds ~3 on|last|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday
risk suicide moderate - | will_not|wont ~1 be ~1 around|here ~6 much_longer|for_long|for_much_longer
risk suicide moderate - | letting|let ~2 the ~1 cold|sea|water|river|snow ~1 take ~1 me|over
risk self_harm moderate - | pressing|pressed|press|pushing|pushed ~2 the|a|my ~1 box_cutter|blade|knife|razor|scissors|compass ~2 into|against ~1 my
risk suicide high b | tried|attempted ~2 to ~1 end ~1 it|my_life ~1 in|on|last|this ~1 january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month
risk suicide moderate - | same ~1 plan ~1 even|as_before|as_last_time
risk suicide high - | thinking|think|thought ~4 rope|noose|pills|gun|bridge|shed|tracks|garage ~6 would|will|could|might ~1 sort_it|sort_it_out|sort_everything|do_it|end_it|fix_it|solve_it|fix_everything
risk suicide moderate - | too ~1 close ~6 kind_of|kinda|part_of_me|almost|nearly ~1 wanted|want|stepped|jumped|leaned
risk suicide moderate - | disappear|vanish|go|walk ~4 so ~1 no_one|nobody ~1 found|finds|would_find|will_find|could_find
risk suicide high - | want|need|wants ~2 tonight|today|this|it ~2 to ~1 be ~1 the|my ~1 last|final ~1 night|day|time|one
risk suicide moderate - | not ~2 want ~2 to ~1 do ~1 another ~1 winter|year|christmas|birthday|day ~2 without
risk suicide high - | no_one|nobody ~2 can|could|will ~1 bring ~1 me ~1 back
risk suicide high - | so ~1 no_one|nobody ~2 can|could ~1 bring|save|find|stop ~1 me
risk suicide high - | alone ~2 for ~1 the ~1 end
risk suicide moderate - | kill ~1 me ~1 anyway ~4 diff|difference|point
risk suicide high - | thinking|think|thought ~4 driving|drive ~2 off|into ~2 the ~1 road|cliff|edge|bridge|river|wall|tree|oncoming|sea
# Behaviour told in a longer story (posts about an attempt days or weeks ago).
risk suicide high b | i ~2 tried|attempted ~2 to ~1 end ~1 it|things|my_life|everything ~1 on|at|in|with|by|last|this|yesterday
risk suicide high b | had|put|got|hung ~2 the|a ~1 rope|noose|cord ~1 up
risk suicide high b | cord|rope|belt|scarf|ligature|noose ~2 around|round ~1 my ~1 neck
risk suicide high b | was ~1 going|gonna|about ~1 to ~1 take ~2 the ~1 pills|drugs|tablets|meds ~4 holding_back|saving|saved|stockpiled|collected
risk suicide high b | was ~1 going|gonna ~1 to ~1 drive ~2 off|into
risk suicide high b | nearly|almost ~1 jumped|did_it|went_through_with_it
risk suicide high b | stood|standing ~2 where ~1 the ~1 fence|railing|barrier|path ~1 ends|stops
risk suicide high b | tried ~1 to ~1 do ~1 it ~1 with ~2 the|a|my ~1 cord|rope|belt|pills|knife|blade|tablets
risk suicide high b | with ~1 a|the ~1 hose ~3 in ~2 the ~1 boot|car|garage
risk suicide high b | standing|stood ~2 at|on ~2 the ~1 parapet|railing|ledge|edge ~7 for ~2 hour|an_hour|ages|hours|a_long_time
risk suicide moderate - | standing|stood|waiting ~3 edge ~2 of ~2 the ~1 platform
risk suicide high b | i ~2 took|taken|had ~1 an ~1 overdose
risk suicide high b | attempted ~1 # ~1 days|weeks ~1 ago
risk suicide moderate - | feel|feeling|felt ~2 the ~1 pull ~3 again|stronger|back
risk self_harm moderate - | relapsed ~2 last_night|today|yesterday|again ~3 after ~2 # ~1 days|weeks|months|years
# Behaviour told by its act in ordinary words (fifth session): trying to go through with it, being partway
# through, choosing how; self-injury told as a verb on a part of the body with how far it went.
risk suicide high b | tried|try|trying|attempted ~1 to ~1 go_through_with_it
risk suicide high b | already|was|were ~2 partway|halfway|part_way|half_way ~1 through ~1 it
risk suicide high - | finally|tonight|today|i ~2 chose|chosen|decided|picked ~1 how $
risk self_harm moderate b | can_not|could_not ~1 stop ~1 cutting|burning|scratching|hitting_myself|hurting_myself
risk self_harm moderate b | punched|pinched|twisted|scratched|bit|dragged|scrubbed|burned|burnt|smashed|slammed|clawed|raked ~3 my ~1 arms|arm|thighs|thigh|skin|wrist|wrists|legs|leg|stomach|hips|hip|cheeks|cheek|hand|hands|chest|face ~8 on_purpose|until|til|till|raw|bled|bleed|bleeding|bruised|black_and_blue|blistered
risk self_harm moderate b | punched|pinched|twisted|scratched|bit|dragged|scrubbed|burned|burnt|smashed|slammed|clawed|raked|cut|carved|sliced ~3 my ~1 forearm|forearms|calves|calf|ankles|ankle|upper_arm|upper_arms|shoulders|shoulder|ribs ~8 on_purpose|until|til|till|raw|bled|bleed|bleeding|bruised|again|tonight
risk self_harm moderate b | scratched|clawed|raked|carved|sliced ~2 my ~1 face|arms|arm|forearm|forearms|thighs|thigh|legs|skin|stomach|wrists|wrist ~2 again
risk self_harm moderate b | did ~1 it ~2 again|tonight|today ~4 both|my|on_my ~1 arms|wrists|legs|thighs|hips|stomach|calves|forearms
risk self_harm moderate b | hit|hitting|banged|banging|punched|punching|smacked|smacking ~3 my ~1 head|face ~4 over_and_over|again_and_again|against|until|till|til
risk self_harm moderate b | held|hold|holding|kept ~2 my ~1 hand|arm|fingers|palm|wrist ~2 over|on|in|under ~2 the ~1 hob|flame|stove|candle|lighter|iron|kettle|boiling|hot_tap|cooker ~10 until|till|til|as_long_as|could_not|couldnt
risk self_harm moderate b | said|told|tell ~5 i ~1 fell|tripped|slipped ~6 i ~1 did not ~1 fall|trip|slip
risk self_harm moderate b | asked ~1 how ~1 it ~1 happened ~3 i ~1 lied
risk self_harm moderate b | cut|cutting|burn|burning|scratch|scratching ~2 where ~3 no_one|nobody|no_body|people ~3 see|look|notice|can_see|will_see|will_look|would_see|will_ever_look|will_ever_see
risk self_harm moderate b | cutting|burning|hitting_myself ~2 is ~1 on ~1 the ~1 list ~1 again
risk self_harm moderate - | s h ~1 urges|urge|relapse|again|scars|cuts|tonight|today
risk self_harm moderate b | relapsed|relapse|relapsing ~3 s h|self_harm
risk self_harm moderate b | i ~1 hurt ~1 me ~1 again
# "cut again", "cut last night": the cut told with no object; haircuts, power cuts and cut hours are idioms.
risk self_harm moderate b | cut again|last_night|tonight|yesterday|this_morning ~6 $|good|deserve|deserved|feel|felt|first_time|not_deep|bleeding|bled|honestly
risk self_harm moderate b | bit|biting|bite ~1 my ~1 arm|arms|hand|hands|wrist|wrists|lip|cheek ~4 so_hard|until|till|teeth_marks|bled|bleed|bruise
risk self_harm moderate b | knife|blade ~1 slipped $ it ~1 did not|didnt
risk self_harm moderate b | should ~1 have ~1 had|got|gotten ~1 stitches
risk self_harm moderate b | did ~1 it ~1 again ~2 $ ~3 the|my ~1 burn|burns|cut|cuts|blood|bleeding|marks|scars|stitches|blisters|blistering
risk self_harm moderate b | did ~1 it ~1 again ~2 $ ~2 feel|felt ~1 nothing|numb
risk self_harm moderate b | blades|blade|razor|razors ~2 are|is ~1 back ~3 in|under|inside
risk self_harm moderate - | thinking|think|thought ~2 about ~1 cutting|burning|hurting_myself|self_harming|scratching ~1 again
risk self_harm moderate b | first ~1 time ~4 i ~1 picked ~1 up ~1 a|the ~1 razor|blade|blades
risk self_harm moderate b | not ~1 eating|eat ~6 punish|punishing|punishment
risk self_harm moderate b | punish|punishing ~1 myself ~4 by ~1 not ~1 eating|eat
risk self_harm moderate b | skip|skipping|skipped ~2 dinner|meals|lunch|breakfast|food ~10 fail|failed|failing|punish|punishing|punishment|owe|deserve
risk self_harm moderate b | only ~1 water ~8 owe|deserve|punish|punishing|punishment|disappointment
risk self_harm moderate b | held|kept ~2 my ~1 hand|arm|wrist|fingers ~2 over|in ~1 the|a ~1 candle|flame|fire|lighter
risk self_harm moderate b | i ~1 cut|burned|burnt ~1 monday|tuesday|wednesday|thursday|friday|saturday|sunday|twice
risk self_harm moderate b | added ~2 another|two_more|three_more|a_new|a_fresh ~1 burn|burns|cut|cuts|line|lines
prep - - fa | hoarding|stockpiling|stashing ~2 my ~1 prescription|prescriptions|meds|medication|tablets|pills
# Read after the first run of a fifth-session suite-style set: euphemisms, wishes for an accident, death
# as the easier way out, and self-harm told by what it leaves.
risk suicide moderate - | forever_nap|eternal_nap|dirt_nap|toaster_bath|permanent_nap|eternal_sleep|permanent_vacation|final_exit
risk suicide moderate - | dying|death|being_dead|suicide ~1 is|would_be|seems|feels ~1 easier|simpler|better ~1 than
risk suicide moderate - | i ~2 should ~1 just ~1 be ~1 gone|disappear|not_exist|not_be_here
risk suicide moderate - | hope|hoping|wish|wishing|pray|praying ~4 plane|car|bus|train|lorry|truck ~3 goes_down|crashes|crash|hits_me|hit_me|comes_off
risk suicide moderate - | near_miss|nearly_crashed|almost_crashed|nearly_hit|almost_hit|nearly_died|almost_died ~14 disappointed|wish_it_had|wished_it_had|part_of_me_wanted|i_was_sad_it_did_not
risk suicide moderate - | stop ~1 trying ~1 to ~1 live|stay_alive|be_alive|keep_going
risk suicide moderate - | thinking|thought|think ~2 about ~1 just ~1 driving|drive ~1 off
risk suicide moderate - | looking|looked|look ~1 at ~2 the|my ~1 shotgun|gun|rifle|rope|pills|tablets|blade ~6 more_than_i_should|a_lot|lately|again|too_much
risk self_harm moderate b | blades|razors|blade|razor|lighter ~12 i ~6 keep ~1 doing ~1 it|cutting|burning
risk self_harm moderate b | ones|marks|cuts|scars|burns ~2 i ~1 did ~1 myself|on_myself|to_myself
risk self_harm moderate b | bite|bit|biting ~4 my ~1 arm|arms|hand|wrist|skin|lip|cheek|cheeks ~6 till|until|bruise|bruises|bruised
risk self_harm moderate - | hide|hiding|cover|covering|conceal ~3 the|my ~1 marks|scars|burns|cuts ~3 on ~1 my ~1 arms|wrists|legs|thighs|stomach|arm|wrist|leg
# Read after the first run of a second fifth-session behaviour set: what is found, hidden or left behind,
# an attempt interrupted in the middle, a plan set up and abandoned.
risk self_harm moderate b | cut|cutting|burned|burnt ~4 worse|deeper ~2 than ~1 usual|normal|before|ever
risk self_harm moderate b | been ~1 cutting|burning ~3 on_and_off|since|for_years|for_months|for_ages
risk self_harm moderate b | found|saw|noticed|seen|spotted ~2 the|my ~1 cuts|marks|scars|burns ~2 on ~1 my
risk self_harm moderate b | saw|found|noticed ~2 the ~1 blood ~2 on ~1 my ~1 sheets|sleeves|towel|bed|jumper|pillow
risk self_harm moderate b | hiding|hide|hid ~2 plasters|bandages|dressings|bloody_tissues
risk self_harm moderate b | covered ~2 in ~1 fresh ~1 ones|cuts|marks|burns|scratches
risk self_harm moderate b | thighs|arms|wrists|stomach|legs|hips ~4 fresh ~1 ones
risk self_harm moderate b | scars|cuts|marks|burns ~10 did ~1 more ~1 last_night|tonight|today|yesterday
risk self_harm moderate b | was ~1 # ~1 days|weeks|months ~1 clean ~12 did_it|relapsed|back_to_day_zero|back_to_zero|lost_it
risk suicide high b | walked|came|burst ~1 in ~1 on ~1 me ~10 middle ~1 of ~1 it
risk suicide moderate - | lied|lie|lying ~8 thoughts ~1 of ~1 ending ~1 it|things|my_life
risk suicide moderate - | peaceful|calm|at_peace|relieved ~3 after ~1 deciding|i_decided|making_the_decision|making_my_decision
risk suicide high b | rope|noose|ligature ~2 still ~3 in ~2 the|my ~1 boot|trunk|car|garage|wardrobe|drawer|bag ~10 have_not|has_not|can_not|could_not ~3 heart|bring_myself|get_rid|throw
risk suicide high - | intention|intending|intended|meaning|meant ~3 not ~1 coming|to_come ~1 back
risk suicide high b | had ~1 it ~1 all ~1 set_up|lined_up|ready|sorted|planned ~8 bottled_it|chickened_out|lost_my_nerve|could_not|came_home|walked_in
risk suicide moderate - | death|died|grave|funeral|anniversary ~12 plan|planning|going|want|wanting ~3 join|joining ~1 him|her|them
risk suicide moderate - | hoping ~8 it ~1 just ~1 sticks
risk suicide high b | stood|standing|sat|sitting ~2 by|near|next_to ~2 the ~1 parapet|railing|ledge|edge ~7 for ~2 quite_long|a_while|ages|hours|an_hour|so_long|a_long_time
# The commonest ways to say it in a few other languages, for messages that switch into another language
# or are written in one (the checks are English first; the companion says so). Words as the tokenizer
# folds them: accents dropped, apostrophes joined ("j'ai" is "jai").
risk suicide moderate - | quiero|quisiera|deseo ~1 morir|morirme|matarme|suicidarme|desaparecer
risk suicide moderate - | no ~1 quiero ~2 vivir|seguir_viviendo|despertar
risk suicide moderate - | me ~1 quiero ~1 matar|morir|suicidar
risk suicide moderate - | voy ~1 a ~1 matarme|suicidarme|quitarme_la_vida
risk suicide moderate - | je ~1 veux ~1 mourir|disparaitre|me_tuer|me_suicider|en_finir
risk suicide moderate - | jai ~1 envie ~1 de ~1 mourir|me_tuer|disparaitre|en_finir
risk suicide moderate - | ich ~1 will|mochte ~1 sterben|nicht_mehr_leben|mich_umbringen|tot_sein
risk suicide moderate - | mich ~1 umbringen|toten
risk suicide moderate - | quero ~1 morrer|me_matar|sumir|desaparecer
risk suicide moderate - | nao ~1 quero ~2 mais ~1 viver
risk suicide moderate - | mujhe|mujhko|main|mai ~3 marna ~1 chahta|chahti|hai
risk suicide moderate - | jeena|jina ~1 nahi|nahin ~1 chahta|chahti|hai
risk suicide moderate - | khudkushi|aatmahatya|atmahatya|khud_ko_maar
risk suicide moderate - | kood|kud|koodna|kudna ~1 jaun|jaaun|jau|jaunga|jaungi|jaana|jana
risk suicide moderate - | mar ~1 jaun|jaaun|jaunga|jaungi|jaana_chahta|jaana_chahti
risk suicide moderate - | ek ~1 wil ~1 doodgaan|nie_meer_lewe_nie|myself_doodmaak|my_doodmaak
risk suicide moderate - | ek ~1 kan ~1 nie ~1 meer ~1 nie
risk suicide moderate - | ingin|mau|pengen ~1 mati|bunuh_diri
risk suicide moderate - | bunuh ~1 diri
risk suicide moderate - | gusto ~1 ko ~1 nang ~1 mamatay
risk suicide moderate - | voglio ~1 morire|uccidermi|suicidarmi|farla_finita
risk suicide moderate - | ik ~1 wil ~1 dood|dood_gaan|niet_meer_leven|mezelf_doden
# Behaviour in a few shaken words (journal one-liners): attempts, interruptions, stopping at the last moment,
# preparation and self-injury, each told by its act, its object or its aftermath.
risk suicide high b | took|swallowed|downed ~1 them ~1 all ~2 at|last_night|this_morning|tonight|and|then|woke|$
risk suicide high b | overdose ~1 d
risk suicide moderate - | drank|mixed ~6 with|into ~2 my|the ~1 meds|pills|tablets|medication
risk suicide high b | mixed ~2 all ~1 my ~1 pills|meds|tablets
risk suicide high b | i ~1 attempted ~1 on|in ~2 the|# ~1 #|january|february|march|april|may|june|july|august|september|october|november|december
risk suicide high b | attempt ~1 number ~1 # $
risk suicide high b | drove|drive|driving|crashed|swerved ~4 into ~2 a|the ~1 wall|tree|lorry|truck|river|barrier ~3 on_purpose
risk suicide high b | jumped|leapt ~2 from|off ~5 {HEIGHT} ~6 broke|broken|told_everyone|i_fell|on_purpose|survived
risk suicide high - | wanted ~1 it ~1 to ~1 hit ~1 me|$
risk suicide high b | the ~1 rope|rail|belt|cord|ligature|branch ~1 snapped|broke
risk suicide high b | got|took|pulled|cut ~2 it ~1 off ~1 my ~1 neck
risk suicide high b | found|pulled|grabbed|stopped|caught|talked ~3 me ~4 on|off|at|from ~2 the ~1 bridge|ledge|roof|tracks|platform|balcony|rail|railing|edge|cliff
risk suicide high b | before ~2 the ~1 pills|tablets ~1 really|fully ~1 hit|kicked_in
risk suicide high b | halfway|partway ~2 through ~2 the ~1 bottle|pills|packet|tablets|box
risk suicide high b | pulled|talked ~1 me ~1 back|down ~2 off|from ~2 the ~1 ledge|roof|bridge|edge|rail|railing|balcony
risk suicide high b | took ~2 the ~1 tablets|pills|knife|blade|rope|lighter ~1 off ~1 me
risk suicide high b | found ~1 me ~1 in ~1 the ~1 garage|bath|woods|loft
risk suicide high b | caught ~1 me ~2 with ~1 a|the ~1 ligature|rope|noose
risk suicide moderate - | talked ~1 me ~1 down
risk suicide high b | walked|came ~1 in ~2 while|when|right_when|just_as ~1 i ~1 was ~1 cutting|doing_it|about_to
risk suicide high b | let ~2 three|two|four|# ~1 trains ~2 go|pass|past
risk suicide high b | had ~1 them ~1 all ~1 counted ~1 out
risk suicide high b | climbed ~1 over ~1 the ~1 railing|rail|barrier|fence|parapet
risk suicide moderate - | had ~1 the ~1 knife|blade|razor ~1 out ~2 for ~1 an|about ~1 hour
risk self_harm moderate - | sat ~2 in ~1 the ~1 bath ~2 with ~1 the|a ~1 razor|blade|knife
risk suicide high b | meant ~1 to ~1 jump|do_it|go_through_with_it ~1 today|tonight|yesterday|$
risk suicide high b | went|drove|got ~4 to ~1 go ~1 through ~1 with ~1 it
risk suicide high b | practised|practiced|rehearsed ~1 it ~1 once|twice $
risk suicide high b | practised|practiced|rehearsed ~1 it $
risk suicide moderate - | different ~1 chemists|pharmacies|pharmacy|doctors ~3 so ~1 nobody|no_one
risk suicide high - | whoever ~1 finds ~1 me
risk suicide high - | got|have ~1 the ~1 date ~3 the ~1 place
risk suicide moderate - | marks ~2 on ~1 my ~1 neck
risk suicide high b | charcoal ~2 and ~2 a ~1 psych ~1 assessment
risk suicide high b | know ~1 i ~1 jumped|tried|overdosed|od
risk suicide high b | # ~1 days ~1 since ~1 i ~1 tried|attempted
risk suicide moderate - | overdose ~1 follow ~1 up
risk self_harm moderate - | burned|burnt ~2 my ~1 wrist|arm|arms|skin|leg|legs|hand|thigh ~3 tonight|on_purpose|again|today|last_night
risk self_harm moderate - | cut ~1 tonight|today|again $
risk self_harm moderate - | ok ~1 i ~1 cut
risk self_harm moderate - | hit|hitting|banged|banging ~2 my ~1 head ~3 against|into|on ~2 the ~1 wall|floor|door|desk ~3 til|till|until
risk self_harm moderate - | thighs|thigh|stomach|hip|hips ~3 so ~1 nobody|no_one ~1 sees|notices|can_see|will_see
risk self_harm moderate - | punch|punched|punching ~3 wall|walls ~8 knuckles|on_purpose|til|until
risk self_harm moderate - | picked ~2 the ~1 old ~1 scars ~1 open
risk self_harm moderate - | went ~1 back ~1 to ~1 the ~1 razor|blade|blades|knife|lighter
risk self_harm moderate - | # ~1 lines ~2 on ~1 my ~1 stomach|arm|arms|thigh|thighs|legs
risk self_harm moderate - | scalded|scalding ~2 my ~1 hand|arm|skin ~6 on_purpose
risk self_harm moderate - | put ~2 my ~1 cig|cigarette|fag ~1 out ~2 on ~1 my ~1 arm|hand|leg|skin|wrist
risk self_harm moderate - | wrist|wrists|arm|arms ~1 is|are ~1 a ~1 mess
risk self_harm moderate - | slammed ~4 in ~2 the ~1 door|drawer ~3 on_purpose
risk self_harm high - | went ~1 deeper ~3 than ~1 i ~1 meant|wanted|planned
risk self_harm moderate - | blade|blades ~3 hidden|tucked|stashed
risk self_harm moderate - | new ~1 pack ~1 of ~1 blades|razors
risk self_harm moderate - | stocked ~1 up ~2 on ~1 bandages|steri_strips|plasters|dressings
risk suicide high b | looked|look|looking ~1 up ~1 ways
risk suicide high - | got|have ~1 everything ~1 ready ~2 in ~2 the|my ~1 bathroom|cabinet|bathroom_cabinet|garage|drawer|car|bag|wardrobe
risk suicide moderate - | if ~1 the ~1 current|sea|water|river|waves ~1 takes ~1 me
risk suicide moderate - | letting ~1 the ~1 universe|fate|god ~1 decide
risk suicide moderate - | thinking|think|thought ~2 about ~1 following|joining ~1 him|her|them|my_son|my_husband|my_wife|my_daughter|my_brother
risk suicide moderate - | should ~1 just ~1 make ~1 that|it ~1 true
risk suicide moderate - | way ~1 out ~5 permanent ~1 one
risk suicide moderate - | not ~3 think ~1 i ~1 can ~1 live ~2 with ~1 this|it|myself
risk suicide moderate - | not ~1 have ~1 # ~1 months|weeks|days|years ~1 in ~1 me
risk suicide high - | eating|eat|ate ~1 my ~1 gun|sidearm|service_weapon
risk suicide moderate - | got ~1 the ~1 better ~1 deal
risk suicide moderate - | easier ~3 to ~1 be ~1 the ~1 one ~2 they ~1 pull|bury|find|carry
risk suicide high - | tonight|tonights ~3 the ~1 night ~2 i ~1 stop ~1 trying
risk suicide moderate - | skipping|skipped|stopped ~2 my ~1 insulin|heart_meds|blood_thinners|heart_medication ~3 on_purpose
risk suicide moderate - | balcony|bridge|roof|window ~6 exit ~1 strategy
risk suicide moderate - | how ~1 long ~3 takes ~2 someone|people ~2 to ~1 notice ~2 you|they ~1 are ~1 gone
risk suicide moderate - | not ~2 planning|plan ~2 to ~1 be ~1 alive|around|here ~2 next|by|for|in
risk suicide moderate - | did_not|didnt ~1 finish ~1 the ~1 job
risk suicide moderate - | ask ~2 him|her|them ~1 to ~1 come ~1 and ~1 get ~1 me
risk suicide moderate - | life_insurance ~6 would|will ~1 clear_it|pay_it_off|cover_it|clear_the_debt|pay_off
risk suicide moderate - | disappear ~8 do_not ~1 mean ~2 move|moving ~1 away
risk suicide moderate - | letting ~1 go ~1 of ~1 the ~1 railing|rail|ledge|bannister|banister
risk suicide moderate - | i ~1 mean ~1 go ~1 go
risk suicide moderate - | hoping ~3 i|i_will|ill ~1 be ~1 one ~1 of ~1 them
risk suicide moderate - | picture|imagine|imagining|picturing ~3 not ~1 being ~1 here|alive|around
risk suicide moderate - | if ~1 i ~1 got ~1 hit ~2 by ~1 a ~1 bus|car|train|truck|lorry ~8 thank|not_mind|would_not_mind|wouldnt_mind|say_thank_you
risk suicide moderate - | at ~1 least ~1 it ~1 will ~1 be ~1 over ~1 soon
risk self_harm moderate - | punishing ~1 myself ~3 again|when|with
risk self_harm moderate - | with ~1 the|a ~1 compass|sharpener|pencil_sharpener ~3 from ~2 my ~1 pencil_case
risk self_harm moderate - | marks ~3 are ~2 pretty|really|still|quite ~1 fresh
# ---------- present: a cue that puts the rest of its sentence back in the present ----------
present - - - | now|again|still|lately|currently|nowadays|recently|these_days|this_year|this_week|tonight|today
# ---------- suicide: method, intent, plan, preparation, behaviour (C-SSRS 3-6: high) ----------
risk suicide high - | going|will|plan|planning|planned|decided|decide|intend|intending ~2 to {SELFKILL} myself|my_life|it_all|my_own_life
risk suicide high - | i ~2 will ~2 {SELFKILL} myself
risk suicide high - | plan ~2 to ~2 die|suicide
risk suicide high - | my ~2 suicide ~2 plan|note|letter|method|date
risk suicide high - | suicide ~2 note|letter
risk suicide high - | decided|decision ~3 to ~2 die
# "I've decided to end it" also ends relationships: a check-in that asks directly, not a crisis response.
risk suicide moderate - | decided|decision ~3 to ~2 end_it
risk suicide high - | hang|hanging|hanged|shoot|shooting|shot|drown|drowning|poison|poisoning|stab|stabbing|suffocate|gas|electrocute|overdose|od|overdosing ~2 myself
risk suicide high - | slit|slice|slash|cut|cutting ~2 my ~2 wrist*|throat|veins|arteries
risk suicide high - | jump|jumping|leap|throw ~3 off|from ~5 {HEIGHT}|edge
risk suicide high b | i ~2 jumped|leapt ~2 off|from ~5 {HEIGHT}|edge
risk suicide high - | jump|jumping|step|walk|lie|throw ~4 in front of ~2 train*|bus*|car*|truck*|traffic|subway
risk suicide high - | painless|easiest|quickest|fastest|best|quick|easy|peaceful|surest|certain|reliable ~2 way|ways|method|methods ~3 to ~2 die|kill_myself|end_my_life|end_it_all|commit_suicide|suicide|unalive
risk suicide high - | how ~3 to ~2 kill_myself|end_my_life|commit_suicide|hang_myself|die_painlessly|die_peacefully|die_quickly|unalive_myself
risk suicide high - | suicide method*
risk suicide high - | how_many|how_much ~4 my ~2 {PILLS} ~6 overdose|od|die|kill|lethal|fatal
risk suicide high - | use|using ~2 it|a_gun|the_gun|the_knife|a_knife|the_rope ~2 on myself
risk suicide high - | going_to|will|gonna ~2 take|swallow ~2 all|every ~2 my ?{PILLS}
risk suicide high p | knife|blade|razor|gun ~3 against|to|on ~1 my ~1 wrist|wrists|throat|arm|head|chest
risk suicide high p | took|drank|swallowed|taken|ate|popped|downed ~3 ## ~3 {PILLS}
risk suicide high - | # ~1 hours|days ~2 to live
risk suicide high - | painless|painful ~3 hanging|overdose|overdosing|drowning|bleeding_out|way_to_die|suicide
risk suicide high - | hanging|overdosing|drowning|bleeding_out ~2 painless|painful|quick|hurt
risk suicide high b | tried|try|trying|attempted|attempt ~2 to ~2 {SELFKILL} myself|my_life|my_own_life|suicide
risk suicide high b | tried|attempted ~2 to ~2 overdose|od|hang_myself|drown_myself|jump|die
risk suicide high b | attempted|attempting|attempt suicide
risk suicide high b | tried|attempted ~2 to ~1 end ~1 it|it_all|everything|things $
risk suicide high b | i ~1 attempted $
risk suicide high b | i ~1 attempted ~1 last_week|last_month|last_year|last_night|yesterday|recently|again|twice|this_week|this_month|this_year
risk suicide high b | i ~1 attempted ~2 # ~1 days|weeks|months|years ~1 ago
risk suicide high b | my ~2 suicide attempt*
risk suicide high b | survived ~3 suicide attempt*
risk suicide high - | goodbye ~2 cruel_world|forever
risk suicide high - | last|final ~2 goodbye|good_bye|night_alive|day_alive|day_on_earth|night_on_earth
risk suicide high - | will not be alive ~2 tomorrow|much_longer|by_morning|next_week
risk suicide high p | standing|sitting|stood ~2 on|at ~3 ledge|railing|edge_of_the_roof|edge_of_the_bridge|train_tracks|the_tracks|the_bridge|a_bridge|the_roof|a_roof
risk suicide imminent p | noose ~3 around my neck
risk suicide imminent p | gun ~3 to_my_head|in_my_mouth
risk suicide high p | have|got ~2 the|a|my ~2 pills|rope|gun|knife|blade|noose ~4 ready|here|with_me|in_my_hand|in_front_of_me|lined_up
risk suicide high p | just|already ~2 took|swallowed|taken ~3 all|bunch|whole|bottle|handful|lot|too_many ~3 {PILLS}
risk suicide high p | took|swallowed ~2 a_bottle|a_handful|the_whole_bottle|whole_bottle|every_pill ~2 of ~2 my ?{PILLS}
# An attempt named as a noun, with what came after it ("3rd attempt. icu for 2 days", "5 days since the
# attempt", "two weeks post attempt", "survived an attempt"): an act, told as recent.
risk suicide high b | post ~1 attempt
risk suicide high b | # ~1 days|weeks|months|nights ~1 since|after ~2 my|the ~1 attempt
risk suicide high b | survive|survived|surviving ~1 an|my|a ~1 attempt
risk suicide high b | failed|botched|unsuccessful ~1 attempt $
risk suicide high b | i ~2 made|had ~1 an|a ~2 attempt ~1 $|last|yesterday|earlier|this|on|#|two|three|a_few|few|over|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|friday_night|saturday_night
risk suicide high b | attempt|attempts ~6 icu|intensive_care|a_and_e|er|hospital|ward|drip|tube|stomach_pumped|resus|intubated
risk suicide high b | tried|attempted ~2 to ~1 end ~1 it|my_life|things ~1 on|at ~1 my|the ~1 birthday|anniversary|weekend|new_years
risk suicide high b | tried ~1 to ~1 end ~1 it ~1 on|in|last|this|at|#|yesterday|after
# Acts the writer did not finish, and how they ended: interruption, aborting, a rescue.
risk suicide high b | took|swallowed|downed|necked ~2 the ~1 whole|entire ~1 strip|packet|pack|box|bottle|blister|blister_pack ~1 $|of|tonight|last_night|after|and|then|at|in|on|yesterday
risk suicide high b | had ~1 a ~1 failed ~1 attempt
# An overdose taken or being taken, told plainly: with the act just done it is an act in progress.
risk suicide high bp | swallowed|took|taken|downed ~1 them|it|the_lot|everything ~1 all ~1 $|now|an_hour_ago|hour_ago|just_now|tonight|already|and|before
risk suicide high bp | i ~1 took|have_taken|swallowed ~1 a ~1 lot|load|bunch|handful ~1 $|of_stuff|of_them|of_my_pills|of_my_meds|of_my_tablets
risk suicide high b | took|taken|swallowed ~1 a ~1 bunch|load|lot|handful ~2 of ~1 my|the|stuff ~1 meds|pills|tablets|stuff ~6 panicked|scared|told|hospital|ambulance|waiting|a_and_e|er|ed
risk suicide high b | had|taken ~1 a ~1 load|lot|bunch ~1 of ~1 stuff
risk suicide high b | my ~1 first|second|third|last ~1 attempt ~1 was
risk suicide high b | just ~1 had ~1 my ~1 second|third|fourth|fifth|# $|at
risk suicide high b | walked|stepped|went ~1 onto|into|on_to ~1 the ~1 tracks|track|line|road_in_front
risk suicide high b | walked|waded|went|swam ~1 into|out_into ~1 the ~1 sea|ocean|river|lake|water ~6 last_night|tonight|yesterday|got_to_my|up_to_my|knocked|chest|neck
risk suicide high b | knife|blade|razor ~2 at|to|against ~1 my ~1 throat|neck|wrist|chest
risk suicide high b | tied ~1 it ~2 and ~1 untied ~1 it
risk suicide high b | rope ~3 in ~1 my ~1 backpack|bag|car|boot|rucksack ~6 tree|woods|found|beam
risk suicide high b | practice|practise ~1 run|runs ~6 steps|last_one|up_to|could
risk suicide moderate b | putting|put|been_putting ~1 aside|away|by ~1 my ~1 tablets|pills|meds|medication ~2 for ~2 months|weeks|a_while
risk suicide moderate b | which ~1 level|floor|part|bit|side ~4 not ~1 have ~2 fencing|fence|barrier|barriers|netting|nets|railing
risk suicide moderate b | my ~2 first|last|second ~1 attempt|attempts
risk suicide moderate b | found ~2 out ~1 i ~1 tried|attempted|overdosed|cut
risk suicide moderate b | if ~1 i ~1 do_not|don't|dont ~1 reply|answer ~2 by ~2 tomorrow|morning|tonight ~4 call|check ~2 the ~1 police|ambulance|my_flat|on_me
risk suicide moderate - | dying|death|dead ~2 sounds|seems|feels|looks ~3 less_complicated|simpler|easier|better|nicer|more_appealing
risk suicide moderate - | hope|hoping|wish|pray ~3 it ~1 is ~1 a|an ~1 aneurysm|tumour|tumor|heart_attack|stroke|cancer|brain_bleed
risk suicide moderate - | might ~1 as ~1 well ~1 finish ~1 the ~1 job
risk suicide moderate - | log|logging|sign|signing|check|checking ~1 off|out ~1 permanently|for_good|forever|from_everything|from_life
risk suicide moderate - | quit ~1 button ~2 for_real|on_life|irl|permanently
risk suicide moderate - | not ~1 respawn
risk suicide moderate - | {HEIGHT}|bridge|water|river|tracks|edge|sea ~4 looking|looks|look|seems|seem ~2 inviting|tempting|appealing|peaceful
risk suicide moderate - | last ~1 thing|reason|person ~2 keeping ~1 me ~1 here|alive|going
risk suicide moderate - | better ~1 i ~1 die|am_dead|was_dead
risk suicide moderate - | and ~1 i ~1 mean ~1 goodbye|bye|forever
risk suicide moderate - | make|making ~1 it|my_death ~1 look ~1 like ~1 an ~1 accident ~8 family|kids|insurance|guilty|nobody|parents
risk suicide high - | need ~2 to ~1 know ~2 it ~1 would|will ~1 definitely|actually|really ~1 work
risk suicide high - | {PILLS} ~10 before ~2 anyone|someone|somebody ~1 finds|find|found|would_find
# ---------- self-harm ----------
risk self_harm moderate - | {SELFHURT} myself
risk self_harm moderate - | self harm|harming|harmed|harms|injury|injured|injure|injuring|mutilation|mutilate
risk self_harm moderate - | urge|urges|urging|itching|craving|cravings|tempted ~3 to|for ~2 cut|burn|bleed|self_harm|hurt_myself
risk self_harm moderate - | relapsed|relapse|relapsing ~3 cut|cutting|self_harm|self_harming|burning
risk self_harm moderate - | started|start|starting ~2 cutting ~1 again
risk self_harm moderate - | want|need|urge ~2 to ~1 cut ~1 so_badly|so_bad|badly|again|right_now|tonight
risk self_harm moderate - | deserve ~3 pain|to_hurt|to_suffer|to_bleed|to_be_hurt
risk self_harm moderate - | make|made ~1 myself bleed
risk self_harm moderate - | cut|cutting|carve|carving|slice ~2 my ~2 arm|arms|thigh|thighs|leg|legs|skin|wrist|wrists|stomach|hip|hips
risk self_harm moderate - | blade|blades|razor|razors ~3 my ~2 arm|arms|skin|thigh|thighs|wrist|wrists
risk self_harm moderate - | hide|hiding|cover|covering ~2 my ~2 scars|cuts|marks|wounds|burns
risk self_harm moderate - | fresh|new ~2 cuts|scars|wounds
risk self_harm high bp | i ~2 cut|burned|hurt|harmed ~2 myself ~3 again|today|tonight|last_night|yesterday|this_morning|earlier|just_now|an_hour_ago
risk self_harm high bp | just ~2 cut|burned|harmed ~2 myself
risk self_harm high - | cut|cuts|cutting ~2 myself|my_arm|my_wrist|my_leg|my_thigh|my_arms|my_wrists ~3 too_deep|deep|deeper
# ---------- self-harm: round 4, more of the ways people describe it ----------
risk self_harm moderate b | scratch|scratching|scratched|pick|picking|picked|dig|digging ~1 my|at_my|into_my ~1 arms|arm|skin|legs|leg|wrists|wrist|thighs|face|scalp ~3 until|till ~2 bleed|bleeds|bled|bleeding
risk self_harm moderate b | hit|hitting|bang|banging|slam|slamming ~1 my ~1 head ~4 until|till|when_i_am|when_i_get
risk self_harm moderate b | my ~1 cuts ~2 are|keep ~2 getting ~1 deeper|worse
risk self_harm moderate - | i ~2 need|want|crave ~2 to ~1 feel ~1 physical ~1 pain
risk self_harm moderate - | i ~2 need|want ~2 to ~1 see ~1 blood $
risk self_harm moderate - | punish|punishing|punished ~1 myself ~2 by ~2 not_eating|starving|cutting|hurting|burning|hitting
risk self_harm moderate b | scars ~3 all ~1 over ~1 my ~1 arms|wrists|thighs|legs|body
risk suicide high b | overdosed|overdosing
risk suicide high b | overdose|overdoses|od ~6 was_not_accidental|was_not_an_accident|was_on_purpose|on_purpose|was_deliberate|deliberately|was_not_an_accident
risk suicide high b | attempt|attempts ~2 on ~1 my ~1 own ~1 life
risk suicide high b | attempt|attempts ~2 on ~1 my ~1 life
risk suicide high b | aborted|interrupted ~1 attempt|attempts
risk suicide high b | it|this|that ~1 was ~1 my ~1 first|second|third|fourth|last|latest ~1 attempt $
risk suicide high b | attempted ~1 in|on|at ~1 january|february|march|april|may|june|july|august|september|october|november|december|the_summer|the_spring|the_winter|the_autumn|the_fall|new_years|christmas|my_birthday
risk suicide high b | made|make ~1 a|an ~2 real|serious|actual|genuine|proper|second|third|another ~1 attempt
risk suicide high b | took|taken|swallowed|downed|drank ~2 too_much|way_too_much|a_lot_more|a_whole_lot_more|everything|all_of_it|all_of_them|the_lot|a_bunch|all_my_pills|all_my_meds on_purpose|deliberately|to_die|to_not_wake_up|so_i_would_not_wake_up
risk suicide high b | took|taken|swallowed|downed|drank ~2 too_much|way_too_much|a_lot_more|a_whole_lot_more|everything|all_of_it|all_of_them|the_lot|a_bunch|all_my_pills|all_my_meds $ on_purpose|deliberately|not_by_accident|and_i_meant_to|and_i_meant_it
risk suicide high b | took|swallowed ~1 everything|all ~2 in ~2 the|my ~1 cabinet|cupboard|drawer|bottle|box|packet|pack|medicine_cabinet
risk suicide high b | swallowed ~1 everything ~2 i ~1 could ~1 find
risk suicide high b | emptied ~1 my|the|a ~1 prescription|pill|pills|meds|medicine ~1 bottle|box|packet|pack|bottles
risk suicide high b | pumped ~2 my ~1 stomach
risk suicide high b | stomach ~1 pumped
risk suicide moderate b | found ~1 me ~2 unconscious|unresponsive|not_breathing|just_in_time|in_time|before_it_was_too_late
risk suicide moderate b | found ~1 me ~3 called|rang|phoned ~2 911|999|112|000|an_ambulance|the_ambulance|ambulance
risk self_harm moderate b | cut|cutting|burned|burnt|burning|hit|hitting|slapped|slapping|punched|punching|scratched|scratching|bit|biting|bruised ~3 myself|my_arm|my_arms|my_wrist|my_wrists|my_thigh|my_thighs|my_leg|my_legs|my_stomach|my_skin|my_face|my_hand|my_hands|my_hip|my_hips ~4 on_purpose|deliberately|to_feel|until_it_bled|until_they_bled|till_it_bled|until_i_bled|until_my|till_my
risk self_harm moderate b | slapped|slapping|punched|punching|hit|hitting|scratched|scratching|bit|biting ~1 myself ~4 over_and_over|until|till|again|on_purpose|every_time|whenever|so_hard
risk self_harm moderate b | banged|banging|bang|smashed|smashing ~2 my ~1 head ~3 against|into|on ~2 the|a ~1 wall|walls|floor|desk|door ~3 until|till|for|so_hard|over_and_over|again|on_purpose
risk self_harm moderate b | cut|cutting|burned ~1 for ~1 the ~1 first ~1 time ~2 in
risk self_harm moderate b | cut|cutting ~2 deep|deeper|too_deep ~2 this_time|again|last_night|tonight
risk self_harm moderate b | picking|picked|pick|pull|pulling|pulled ~2 the|my ~1 wounds|scabs|cuts|stitches ~2 open
risk self_harm moderate b | i ~2 have ~1 been ~1 cutting|burning ~2 since|for|again|every|most
risk self_harm moderate b | scratched|scratching|scratch ~1 my ~1 arms|arm|wrists|wrist|thighs|thigh|legs|skin ~2 on_purpose|until_they_bled|until_it_bled
risk self_harm moderate b | clean|free ~3 from|of ~1 cutting|self_harm|self_harming|burning|sh ~5 did_it_again|relapsed|slipped|cut_again|and_i_did_it
risk suicide moderate - | plan|planning|planned ~2 to ~1 end ~1 it $
context suicide moderate - | not ~2 plan|planning|intend|intending|expect|expecting ~2 to ~1 be ~1 around|alive ~2 after|past|beyond|much_longer|for_much_longer
risk suicide moderate - | i ~2 not ~1 trust ~1 myself ~2 tonight|right_now|alone_tonight|at_the_moment $
risk suicide moderate - | not ~1 feel ~1 safe ~2 with|around ~1 myself
risk suicide high b | took|swallowed|taken ~2 too_much|way_too_much|a_bunch|everything|all_of_it|the_lot|a_lot ~8 woke_up|and_woke_up|passed_out|blacked_out
risk suicide high b | stockpiled|stockpiling|saved_up|hoarded ~6 took|swallowed|taken ~1 it_all|them_all|all_of_them|everything
risk suicide high b | woke ~1 up ~2 with ~1 tubes
risk suicide high b | tried|try|trying|attempted ~2 to ~1 leave ~1 this_world|this_earth|this_life
risk suicide moderate b | found ~1 me ~2 before_anything_happened|before_i_could|before_it_happened
risk self_harm moderate b | punched|punching|hit|hitting ~2 the|a ~1 wall|walls ~3 until|till ~2 my ~1 knuckles|hand|hands ~2 bled|split|broke|bleed|were_bleeding
risk self_harm moderate b | bit|biting|scratched|scratching|pinched|pinching|hit|hitting ~2 my ~1 arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|hand|hands ~3 hard_enough|until|till ~3 marks|bruise|bruises|bleed|bled|bleeding
risk self_harm moderate b | made|making|left|leave ~1 marks ~2 on ~1 my ~1 thighs|thigh|arms|arm|wrists|wrist|legs|stomach|skin|hips
# Self-harm told in everyday words: the marks ("fresh ones", "new lines", "barcode arms"), the tools taken
# out or hidden, the act done "on purpose" to a part of the body, a relapse said plainly.
risk self_harm moderate b | fresh|new ~1 ones|marks|lines|cuts|burns ~4 on ~1 my ~2 arm|arms|thigh|thighs|leg|legs|stomach|wrist|wrists|hip|hips|upper_arm|upper_arms|forearm|forearms|ankle|ankles|ribs
risk self_harm moderate b | new ~1 marks|lines ~2 today|again|tonight|last_night|this_morning|since
risk self_harm moderate b | hiding|hide|cover|covering|conceal ~2 fresh ~1 ones|cuts|marks|lines
risk self_harm moderate b | barcode ~1 arms|arm|wrists|thighs|legs|scars
risk self_harm moderate b | my ~1 stomach|arm|arms|thighs|thigh|wrist|wrists|legs|hips ~4 # ~1 lines|cuts|marks|scars
risk self_harm moderate b | did ~1 the ~1 thing ~2 on ~1 my ~1 leg|legs|arm|arms|wrist|wrists|thigh|thighs|stomach|hip|hips
risk self_harm moderate b | got|took|get|getting|taking ~1 the|my ~1 blade|blades|razor|razors ~1 out
risk self_harm moderate b | burned|burnt|scalded|hit|banged|cut|scratched|bit|punched ~4 my ~1 palm|hand|hands|arm|arms|wrist|wrists|leg|legs|thigh|thighs|head|skin|face|stomach|fist|fists ~6 on_purpose|deliberately
risk self_harm moderate b | pressed|held|put|pushed ~3 hot|lighter|lit|iron|spoon|cigarette|match|blade ~4 onto|on|against|to|into ~1 my ~1 wrist|arm|arms|skin|hand|palm|leg|legs|thigh|thighs|stomach
risk self_harm moderate b | started|start|starting|began ~2 cutting|self_harming|burning_myself|hurting_myself
risk self_harm moderate b | i ~2 cut|burned after|again|last_night|tonight|today|yesterday|this_morning
risk self_harm moderate b | thought ~2 never ~1 cut|burn|hurt_myself|self_harm ~1 again
risk self_harm moderate b | day|days|weeks|months ~3 without|clean|free ~5 about_to|going_to|gonna ~2 throw_it_away|throw_it_all_away|relapse|ruin_it|break_it|lose_it
risk self_harm moderate b | tally ~1 marks ~2 again|on|not_the_counting_kind
risk self_harm moderate b | banged|punched|hit|smashed|slammed ~2 my ~1 fists|fist|hands|hand|head ~6 until|till ~3 could_not_feel|bled|bleed|bruised|numb|split
risk self_harm moderate b | held ~6 until|till ~4 blistered|blister|blisters|it_burned|it_burnt
risk self_harm moderate b | hid|hidden|hiding ~2 the|my|a ~1 blade|blades|razor|razors
risk self_harm moderate b | blade|blades|razor ~4 calling ~2 me|to_me
risk self_harm moderate b | biting|bit ~4 my ~1 cheeks|cheek|lip|lips|arm|arms|hand ~3 raw|bleed|bled|bleeding|until
risk self_harm moderate b | plasters|antiseptic|bandages ~4 the ~1 blade|razor
risk self_harm moderate b | found ~1 out ~2 i ~1 cut|self_harm|hurt_myself|burn
risk self_harm moderate b | did ~1 it ~2 in ~1 the ~1 school ~1 loos|toilets|bathroom|toilet
risk self_harm moderate b | made ~1 a ~1 mess ~1 of ~1 my ~1 legs|arms|thighs|wrists|stomach
risk self_harm moderate b | snap|snapping|snapped ~1 it ~2 til|until|till ~2 it ~1 welts|bleeds|marks
risk self_harm moderate b | scratched|scratching ~1 until|till|til ~2 i|it ~1 bled|bleed
risk self_harm moderate b | slam|slamming|slammed|smash|smashing|bang|banging ~1 my ~1 wrist|wrists|arm|arms|head|hand|hands|fist|fists ~4 against|into|on ~2 the|a ~1 desk|wall|door|table|steering_wheel|floor ~6 until|over_and_over|when|again|bruised
risk self_harm moderate b | hit|hitting|punch|punching ~1 myself ~3 in ~1 the ~1 face|head|stomach ~4 fists|fist|when|until|over_and_over
risk self_harm moderate b | switched ~1 to ~1 burning|cutting|scratching
risk self_harm moderate b | doing ~1 stuff ~1 to ~1 my ~1 legs|arms|thighs|wrists|skin
risk self_harm moderate b | they ~1 are ~1 on ~1 my ~1 hip|hips|thigh|thighs|stomach|ribs ~2 this ~1 time
risk self_harm moderate b | used ~1 the ~1 sharpener|pencil_sharpener|razor|blade ~1 one ~1 again
risk self_harm moderate b | do_not|don't|dont ~1 look ~1 at ~1 my ~1 arms|wrists|thighs|legs
risk self_harm moderate b | clean ~1 streak ~6 broke|broken|lost|ended|relapsed
risk self_harm moderate b | broke|broken|lost|ended ~2 my ~1 clean ~1 streak
risk self_harm moderate b | from ~1 cutting|self_harm|self_harming|burning ~4 did ~1 it ~1 again
risk self_harm moderate b | cut|cutting|burned again monday|tuesday|wednesday|thursday|friday|saturday|sunday|last_night|yesterday|today|tonight|this_week|this_morning
risk self_harm moderate b | smacked|slapped|hit|punched|hitting|slapping ~2 my ~1 own ~1 face|head ~3 repeatedly|over_and_over|again|until|during
risk self_harm moderate b | went ~1 at ~1 my ~1 wrist|wrists|arm|arms|skin|legs|thighs|leg|thigh
risk self_harm moderate b | punching|punched|punch|hitting ~1 walls|the_wall|a_wall ~6 knuckles|when_i|until|every_time
risk self_harm moderate b | pick|picking|cut|cutting ~3 at ~1 the|my ~1 skin ~8 scissors|blade|razor|bleeding|bleed|until
# ---------- harm to others ----------
risk harm_to_others moderate - | i ~3 want|wanted|going|will|plan|planning|need|fantasize*|thinking ~3 to|about ~2 kill|killing|hurt|hurting|murder*|stab|stabbing|shoot|shooting|strangle|strangling|poison|poisoning ~2 him|her|them|someone|somebody|people|everyone|my|everybody
risk harm_to_others low - | i ~2 could ~2 kill ~2 someone|somebody|people|everyone|him|her
risk harm_to_others moderate - | thoughts ~2 of|about ~2 hurting|killing|harming ~2 others|people|someone|my
risk harm_to_others moderate - | make|making ~2 them|him|her|everyone ~2 pay
risk harm_to_others high - | shoot_up|shooting_up ~2 the|my ~2 school|office|work|workplace|mall|church|place
risk harm_to_others high - | mass|school ~2 shooting
risk harm_to_others high - | going|will|plan|planning ~2 to ~2 kill|murder|stab|shoot|strangle ~3 him|her|them|my|someone|everyone|people ~3 tonight|tomorrow|today|when|with|gun|knife
risk harm_to_others high - | {GUN} ~4 kill ~2 him|her|them|everyone
risk harm_to_others high - | hurt|harm|hurting|harming ~2 my ~2 baby|kids|child|children|son|daughter
# ---------- abuse (violence against the writer) ----------
risk abuse moderate - | {ABUSER} ~3 {HITVERB} ~2 me
risk abuse moderate - | {ABUSER} ~3 {HITVERB} ~2 my ~2 face|head|neck|body|arm|arms
risk abuse moderate - | i ~2 am|was|been|get|got ~2 being ~2 abused|beaten|raped|hit|molested|assaulted|choked|stalked|trafficked
risk abuse moderate - | i ~2 am|was|been|get|got ~2 abused|beaten|raped|molested|assaulted|choked|stalked|trafficked
risk abuse moderate - | abusive ~2 relationship|husband|wife|boyfriend|girlfriend|partner|parents|dad|father|mom|mother|home|household|ex
risk abuse moderate - | domestic ~2 violence|abuse
risk abuse moderate - | sexually ~2 abused|assaulted
risk abuse moderate - | rape|raped|molested|assaulted|groped ~2 me
risk abuse moderate - | my ~1 rapist|abuser|attacker
risk abuse moderate - | {PERSON3} ~4 stalking|stalks|stalked ~2 me
risk abuse high - | threatened|threatens|threatening ~3 to ~2 kill|hurt|shoot|stab ~2 me
risk abuse high - | afraid|scared|terrified|fear ~4 he|husband|boyfriend|partner|dad|father|stepdad|stepfather|ex ~3 will|would|is_going_to|going_to|might ~2 kill|hurt|hit|beat ~2 me
risk abuse high - | not ~2 safe ~3 at_home|in_my_home|in_my_house|with_him|with_her|around_him|here
risk abuse high - | unsafe ~3 at_home|in_my_home|in_my_house|with_him|with_her|around_him
risk abuse high - | locked ~2 me ~2 in ~3 room|house|closet|basement|bathroom
risk abuse high - | {ABUSER} ~3 choked|strangled|chokes|strangles ~2 me
risk abuse high - | husband|boyfriend|partner|ex|stepdad|stepfather|abuser|he ~3 will|going ~2 to ~2 kill me
risk abuse high - | {ABUSER} ~3 hits|beats|kicks|punches|slaps|chokes ~2 me
# ---------- psychosis ----------
risk psychosis moderate - | hear|hearing|heard ~2 voices
risk psychosis moderate - | voices ~3 tell|telling|told|say|saying|said|talk|talking|tells|says|whisper*|command*|order* ~2 me|to
risk psychosis moderate - | hear|hearing|heard ~3 god|gods|devil|satan|angels|demons|spirits ~2 voice|voices|talking|speaking|speak|talk|tell|telling|tells
risk psychosis moderate - | god|devil|satan|angels|demons ~3 talks|talking|speaks|speaking|tells|telling|told ~2 to_me|me
risk psychosis moderate - | i ~2 know|think|believe|realized|feel|convinced ~3 i am ~2 ?already|really ~1 dead
risk psychosis moderate - | i ~2 died ~3 and ~2 nobody|no_one|everyone
risk psychosis moderate - | people|someone|everyone|they|government|neighbors|neighbours|cia|fbi|police|strangers ~4 stalking|tracking|monitoring|spying|poisoning ~2 me
risk psychosis moderate - | following|watching ~2 me ~2 everywhere|all_the_time|constantly|wherever
risk psychosis moderate - | being ~2 stalked|followed|watched|tracked|monitored|spied_on|poisoned ~3 everywhere|all_the_time|constantly|by_them|by_the_government
risk psychosis moderate - | concealing|hiding|disguising|changing ~2 their ~2 appearance|faces|identity
risk psychosis moderate - | implanted|implant|chip|chips|device|tracker ~3 in my ~2 head|brain|body|teeth|arm|skin
risk psychosis moderate - | reading|controlling|control|inserting|insert|stealing|steal|broadcasting|broadcast ~2 my ~2 thoughts
risk psychosis moderate - | thoughts ~2 are ~2 not ~2 my_own|mine
risk psychosis moderate - | tv|television|radio|news|songs|billboards|signs|numbers ~3 sending|send|sends|talking|speaking ~3 to_me|me|messages
risk psychosis moderate - | secret|hidden|special ~2 messages|signs|signals ~3 for_me|to_me|meant_for_me|only_i
risk psychosis moderate - | i am ~2 the ~2 chosen_one|messiah|prophet|son_of_god|daughter_of_god
risk psychosis moderate - | cameras|microphones|bugs|wires ~3 in ~2 my ~2 walls|house|room|apartment|car|phone
risk psychosis moderate - | everyone|everybody ~3 impostor*|replaced|robot*|in_on_it|actors|fake_people
risk psychosis moderate - | they|people ~2 are ~2 after me
risk psychosis high - | voices|voice|god|devil|demons ~4 tell|telling|told|tells|want|wants|command*|order* ~3 me to ~3 kill|hurt|die|jump|cut|end|harm
risk psychosis high - | voices|voice ~4 kill_myself|hurt_myself
risk psychosis high - | voices|voice|god|devil|demons ~4 tell|telling|told|tells|say|says|said|saying ~3 i ~2 have_to|must|should|need_to|deserve_to ~2 kill|hurt|die|jump|cut|end|harm|burn
# ---------- mania (a level needs sleep loss and grandiosity together; see the assessor) ----------
sleep mania low - | not|barely|hardly|no ~3 slept|sleeping|sleep ~3 in|for ~2 days|weeks|nights|#
sleep mania low - | not|barely|hardly ~2 been ~2 sleeping
sleep mania low - | up ~3 for ~3 #|two|three|several|past ~3 nights|days ~2 straight|in_a_row|planning|working
sleep mania low - | do not ~1 need ~2 sleep
sleep mania low - | no need for sleep
sleep mania low - | awake ~2 for ~2 #|two|three ~1 days|nights
grand mania low - | ton|tons|lots|so_much|endless|unlimited|boundless|infinite ~2 of ~2 energy
grand mania low - | new|special|superhuman|super ~2 abilities|powers
grand mania low - | possess ~3 abilities|powers
grand mania low - | racing ~2 thoughts|mind
grand mania low - | million|thousand|hundred ~2 ideas
grand mania low - | best day of my life
grand mania low - | can do anything
grand mania low - | invincible|unstoppable|limitless
grand mania low - | genius ~3 idea|ideas|plan|realization
grand mania low - | empire
grand mania low - | base jump*
grand mania low - | spent|spending|maxed ~3 all|entire|every|savings|credit
grand mania low - | amazingly ~2 successful
grand mania low - | realization|realized ~3 i_can|i_am ~2 going_to|destined
grand mania low - | talking|thoughts ~3 so_fast|faster_than|too_fast
# ---------- eating disorders ----------
risk eating_disorder moderate - | starve|starving|starved ~2 myself
risk eating_disorder moderate - | make|made|making ~2 myself ~2 throw_up|vomit|sick|puke
risk eating_disorder moderate - | throw|throwing|threw ~2 up ~3 after ~2 eating|meals|every_meal|i_eat|dinner|lunch|breakfast
risk eating_disorder moderate - | binge|binging|bingeing ~2 and ~2 purge|purging
risk eating_disorder moderate - | purge|purging|purged
risk eating_disorder moderate - | laxative*|diet_pills
risk eating_disorder moderate - | pro_ana|pro_mia|thinspo|thinspiration|meanspo|bonespo|ana_coach
risk eating_disorder moderate - | eat|eating|ate|allow|allowing|limit ~4 only|under|less_than|below|max ~2 # ~2 calories|cals|kcal
risk eating_disorder moderate - | allow|allowing|allowed ~2 myself ~3 # ~1 calories|cals|kcal
risk eating_disorder moderate - | not|barely|hardly ~2 eaten ~3 in ~2 #|days|weeks
risk eating_disorder moderate - | not ~2 eat ~3 for ~2 #|days|weeks
risk eating_disorder moderate - | afraid|scared|terrified ~2 of ~2 eating|food|gaining
risk eating_disorder moderate - | anorexia|anorexic|bulimia|bulimic|ed_relapse
risk eating_disorder moderate - | punish|punishing ~2 myself ~3 eating|food
risk eating_disorder high - | faint|fainted|fainting|passing_out|passed_out|heart ~3 not_eating|not_eaten|starving|fasting|purging|calories
# ---------- substances ----------
risk substance moderate - | can not ~2 stop ~2 drinking|using
risk substance moderate - | relapsed|relapse|relapsing ~3 drinking|drugs|using|heroin|meth|coke|cocaine|alcohol|pills|opioids|fentanyl
risk substance moderate - | drunk|high|wasted ~2 every ~2 day|night|morning
risk substance moderate - | drinking|drink|using ~2 every|each ~2 day|night|morning ~2 alone|to_cope|to_forget|just_to
risk substance moderate - | drink|drinking|using|drugs ~2 to ~2 numb|forget|cope|escape
risk substance moderate - | blackout|blacked_out ~2 drunk|drinking|again
risk substance moderate - | alcohol|opioid|heroin|benzo|xanax|drug|opiate ~1 withdrawal|withdrawals
risk substance moderate - | detoxing|going_through_withdrawal
risk substance moderate - | withdrawal|withdrawals|withdrawing ~2 from ~2 opioids|heroin|alcohol|benzos|xanax|fentanyl|methadone|drugs|pills
risk substance moderate - | addicted to ~2 heroin|meth|fentanyl|opioids|pills|alcohol|cocaine|crack|xanax|benzos|painkillers
risk substance moderate - | shooting_up|inject|injecting ~2 heroin|meth|drugs|again
risk substance high p | overdosed|overdosing
risk substance high - | overdose|overdosed|od ~2 on|last_night|again|yesterday
risk substance high p | took|taken|swallowed ~3 too_many|too_much|a_lot_of|a_bunch_of|handful|whole_bottle ~3 {PILLS}
risk substance high - | mixed|mixing|mix ~3 {PILLS} ~3 with|and ~3 alcohol|drinking|booze|vodka|wine|beer
# ---------- medical emergencies ----------
risk medical high p | chest ~2 pain|pains|tight|tightness|hurts
risk medical high p | can_not|cannot|struggling_to|hard_to|trouble ~2 breathe|breathing
risk medical high p | having|had|have ~2 a ~2 seizure|stroke|heart_attack
risk medical high p | face|arm|side ~3 numb|drooping|droop
risk medical high p | swallowed|drank|drunk|ate|ingested ~3 {POISON}|bleach|poison|drano|lye|ammonia
risk medical high p | took|taken|swallowed ~3 too_many|too_much|handful|whole_bottle ~3 {PILLS}
risk medical high p | throat ~3 swelling|closing|swollen
risk medical high p | coughing|throwing|vomiting ~2 up ~2 blood
risk medical high p | lost|losing ~2 a_lot_of blood
risk medical high p | not_breathing|unresponsive|unconscious|will_not_wake_up
risk medical high p | will_not|can_not ~2 stop bleeding
risk medical high p | bleeding ~3 will_not_stop|a_lot|heavily
risk medical moderate - | i ~3 passed_out|fainted|collapsed|blacked_out
risk medical moderate - | hit my head ~3 dizzy|vomit*|confused|blurry
risk medical moderate - | need|needs|needed ~2 stitches
risk medical moderate - | heart ~2 racing|pounding ~3 hours|all_day|will_not_stop
# ---------- OCD (requests that would serve a compulsion) ----------
compulsion ocd moderate - | washed|wash|washing|scrubbed|scrubbing|cleaned|cleaning ~3 my ~2 hands|body|skin ~3 #_times|over_and_over|again_and_again|so_many_times|until|raw
compulsion ocd moderate - | checked|check|checking ~3 the ~2 stove|lock|locks|door|doors|oven|iron|lights|windows ~3 #_times|over_and_over|again_and_again|so_many_times
compulsion ocd moderate - | arranged|arrange|organize|organized|ordered|sorted|lined_up ~4 in|a ~2 very|certain|particular|specific|exact|perfect ~2 way|order
compulsion ocd moderate - | if i ~2 do not ~4 something ~2 bad|terrible|awful ~2 will|would|is_going_to ~1 happen
compulsion ocd low - | if i ~2 do not ~2 arrange|check|wash|count|clean|touch|tap|organize|order
compulsion ocd low - | can ~2 think ~1 of|about ~2 anything_else|nothing_else
compulsion ocd low - | must|have_to|need_to ~3 be_done|do_it|finish ~2 first|perfectly
compulsion ocd low - | compulsion|compulsions|compulsive|compulsively
compulsion ocd low - | intrusive thoughts
compulsion ocd low - | still ~3 dirty|contaminated|germs
compulsion ocd low - | counting ~2 everything|steps|tiles
# ---------- other people's risk (concern, not the writer's risk) ----------
other - - - | {PERSON3} ~4 suicidal|suicide|overdosed|self_harm|self_harms|self_harming
other - - - | {PERSON3} ~3 {SELFKILL}|hurt|hurting|cut|cutting|harm|harming|starving|hanged|hang|shot|stab|poison ~2 {OTHERSELF}
other - - - | {PERSON3} ~3 tried|attempted|try|trying|wants|wanted|going|threatened|threatening ~3 to ~2 die|end_it|end_his_life|end_her_life|end_their_life|commit_suicide
other - - - | {PERSON3} ~2 own life
other - - - | dog|dogs|cat|cats|lab|labrador|puppy|kitten|pet|pets|hamster|parrot|rabbit ~4 ate|eaten|got_into|swallowed|chewed|licked|overdose|overdosed
other - - - | {PERSON3} ~6 might|may|could ~2 be ~1 self_harming|suicidal|cutting|hurting_themselves
other - - - | {PERSON3}|patients|clients|students|pupils|people|someone|young_people|teens|kids ~4 after|with|who ~1 self_harm|self_harmed|self_harms|attempted_suicide|suicidal_thoughts|attempted
other - - - | {PERSON3} ~3 wants|wanted ~2 to ~2 die|be_dead|disappear
other - - - | {PERSON3} ~4 died_by_suicide|committed_suicide|took_her_life|took_his_life|took_their_life|killed_himself|killed_herself|killed_themselves
other - - - | worried|scared|afraid|concerned ~4 {PERSON3} ~4 hurt|kill|die|suicide|suicidal|harm|do_something
other - - - | how ~2 do|can|should ~3 help ~3 {PERSON3}|someone|somebody ~4 suicidal|suicide|self_harm|cutting|die|kill|harm
other - - - | guy|girl|dude|lad|bloke|member|user|someone|somebody ~6 saying|says|said|keeps_saying|posted|posts|texted|messaged ~4 going|gonna|wants|want ~2 to ~1 kill_myself|end_it|die|end_my_life|end_it_all
other - - - | {PERSON3} ~6 saying|says|said|keeps_saying|posted|posts|texted|messaged ~4 going|gonna|wants|want ~2 to ~1 kill_myself|end_it|die|end_my_life|end_it_all
other - - - | {PERSON3} ~3 tried|attempted|try|trying ~2 to ~1 overdose|od|jump|hang
other - - - | {PERSON3} ~2 is|was|has_been ~2 in ~1 the|a ~1 psych_ward|psych_unit|psychiatric_ward|icu|hospital|ward
# ---------- idioms and figures of speech ----------
idiom - - - | overdosed|overdosing|overdose|od ~1 on ~2 netflix|caffeine|coffee|sugar|chocolate|tv|youtube|love|sun|sunshine|work|candy|cake|food|pizza|memes|anime|games|gaming|cuteness|nostalgia|drama|shows|series|content|espresso|energy_drinks|red_bull
idiom - - - | rope|ropes ~10 camping|climbing|sailing|boat|towing|tow|tent|trip|hike|hiking|garden|washing_line|swing|dog|lead
idiom - - - | camping|climbing|sailing|boat|towing|tent|hike|hiking|washing_line|swing ~10 rope|ropes
idiom - - - | gun|guns|rifle|shotgun ~10 hunting|range|club|deer|season|clay|licence|license|safe
idiom - - - | cat|dog|cats|dogs|puppy|kitten|toddler|toddlers|kids|boss|stairs|traffic|cyclists|drivers|geese|goose ~4 attempt|attempts ~2 on ~1 my ~1 life
idiom - - - | dying to|for
idiom - - - | kill|killing|killed ~2 for ~2 a|an|some
idiom - - - | killed|killing|kill it
idiom - - - | killing me ~2 lol|softly|slowly
idiom - - - | die|died|dying|dead ~2 of|from ~2 embarrassment|laughter|laughing|shame|cringe|boredom|cuteness|happiness|jealousy
idiom - - - | die ~2 laughing
idiom - - - | died|dying ~1 laughing|of_laughter
idiom - - - | {SELFKILL} myself ~2 laughing
idiom - - - | kill|killing ~1 myself ~2 at|with|over ~2 work|the_gym|studying|training|exercise|this|that|it
idiom - - - | dead ~2 tired|serious|wrong|set|last|center|ass
idiom - - - | bored|scared|worried|tickled|frozen|starving ~2 to death
idiom - - - | end it ~2 with ~2 him|her|them|my_boyfriend|my_girlfriend|my_partner|my_husband|my_wife|my_ex|my_fiance|my_fiancee|my_bf|my_gf|my_boss|my_job|my_friend
idiom - - - | end it ~2 between ~2 us
idiom - - - | ending|end ~1 things ~2 with ~2 him|her|them|my_boyfriend|my_girlfriend|my_partner|my_husband|my_wife|my_ex|my_fiance|my_fiancee|my_bf|my_gf|my_boss|my_job|my_friend
idiom - - - | want|wanted ~2 to ~2 end it ~2 with
idiom - - - | cut|cutting ~2 myself ~2 some|a ~2 slack|break
idiom - - - | cut|cutting|burned|burnt|hurt|hurting ~2 myself ~3 shaving|cooking|while|by_accident|accidentally|at_the_gym|playing|lifting|running|working_out|falling|when_i_fell|on_the_stove|on_the_oven
idiom - - - | kick|kicking ~2 myself
idiom - - - | rope|ropes ~1 for ~1 climbing|camping|sailing|the_boat|the_tent|the_swing|work|the_garden|the_garage|bouldering
idiom - - - | ugh|argh|omg|lol|honestly ~3 could ~1 jump|die
idiom - - - | cliff_diving|cliff_jumping|bungee|bungee_jumping|skydiving|diving_board|high_dive|high_diving|tombstoning|coasteering
idiom - - - | literally ~2 going|gonna ~2 to ~1 die
idiom - - - | going|gonna ~1 to ~1 die ~1 if ~2 this|that|the|i_have_to|i_hear|one_more|it|they|he|she
idiom - - - | top|topped|topping ~1 myself ~1 up|off
idiom - - - | hit|punch|punching ~2 myself ~2 in_the
idiom - - - | scratch|scratching ~2 myself ~2 awake|head
idiom - - - | drop dead ~2 gorgeous
idiom - - - | to die for $
idiom - - - | hit|hits|hitting me up
idiom - - - | it ~1 hit|hits ~1 me
idiom - - - | this|that|music|song|feeling|realization|reality|wave ~3 hit|hits ~1 me
idiom - - - | killing me
idiom - - - | beat|beats|beating me at|to
idiom - - - | threw me off|under|a_party|a_surprise
idiom - - - | pushed me away
idiom - - - | kills me
idiom - - - | purge ~2 my|the|your ~2 closet|inbox|files|stuff|wardrobe|emails|list|photos
idiom - - - | suicide squad|squeeze|doors|mission|run|runs|silence|drill|drills|sprint|sprints|king|lane
idiom - - - | suicide ~2 is ~2 not ~2 the_answer|a_solution|the_solution
idiom - - - | career|social|political|commercial|financial ~2 suicide
idiom - - - | almost|nearly ~2 had|have|gave ~2 me|a ~2 heart_attack|stroke
idiom - - - | gave ~1 me ~1 a ~1 heart_attack
idiom - - - | can_not|cannot breathe ~2 lol|laughing|from_laughing
idiom - - - | dead|dying ~2 lol
idiom - - - | i am dead lol
idiom - - - | could ~2 kill ~2 for
idiom - - - | rather die than
idiom - - - | would rather die than
idiom - - - | shot|shoot|shooting|shoots ~1 myself ~2 in ~2 the ~1 foot
idiom - - - | cut|cutting|cuts ~1 myself ~1 off
idiom - - - | end ~1 it ~1 all ~1 if ~4 bottle|bottles|relegated
idiom - - - | kill|end ~1 myself|it_all ~1 if ~4 bottle|bottles|relegated
# Cuts that are not to the skin: hair, power, hours, budgets, prices, lawns.
idiom - - - | hair|haircut|fringe|bangs|power|electricity|hours|shifts|budget|budgets|funding|wages|pay|price|prices|lawn|grass|hedge|hedges|nails|rates|salary|benefits|internet|wifi|signal|phone ~3 cut
idiom - - - | cut ~2 my|the|our|his|her ~1 hair|fringe|hours|budget|lawn|grass|hedge|nails|losses|ties|cord
# An attempt at something ordinary (hidden from the classifiers too, which learned the word "attempt").
idiom - - - | test|tests|exam|exams|driving_test|theory_test|recipe|sourdough|souffle|bake|baking|cake|loaf|bread|marathon|record|pb|pr|pages|morning_pages|level|boss|run|speedrun|interview|pitch|audition|essay|joke ~6 attempt|attempts
idiom - - - | attempt|attempts ~3 at ~2 the|a|an|my|making|baking|cooking|writing|learning|fixing ~1 test|exam|recipe|sourdough|souffle|cake|bread|marathon|record|level|boss|essay|joke|dinner|lasagne|pasta|conversation|apology|small_talk|it
# ---------- means: seeking or naming a way ----------
means - - - | {HEIGHT} ~4 taller|higher|tallest|highest|meters|metres|feet_high|feet_tall|ft_high|ft_tall|stories_high|storeys_high|floors_high|floors_up|height
means - - - | tallest|highest|taller_than|higher_than|how_tall|how_high ~5 {HEIGHT}
means - - - | how ~2 high|tall|far ~5 fall|jump|die|survive|fatal|deadly|kill
means - - - | survive ~3 fall|jump|drop|crash|impact
means - - - | survive ~3 being ~1 hit ~2 by ~2 a|the ~1 train|car|bus|truck|lorry
means - - - | hit|getting_hit|get_hit ~2 by ~2 a|the ~1 train|truck|bus|lorry ~5 hurt|instant|painless|quick|survive
means - - - | take|took|taking|swallow|swallowed|drink|drank ~1 a|the ~1 whole ~1 bottle|box|pack|packet|strip
means - - - | without|no|with_no ~1 railing|railings|barrier|barriers|fence|fences|fencing|net|nets|safety_net
means - - - | how_many ~3 boxes|packs|packets|bottles ~2 of ~1 {PILLS} ~6 buy|get|sell|in_one_go|at_once
means - - - | roof_access|access_to_the_roof|roof ~2 open|unlocked ~2 at_night|after_dark
means - - - | would|will|is ~1 it ~2 be ~1 quick|painless|instant|fast
means - - - | train|tram|lorry|truck ~1 drivers ~2 see ~1 it ~1 coming
means - - - | fatal|deadly|lethal ~2 fall|height|heights|drop
means - - - | {POISON}
means - - - | where|buy|get|find|order|how ~4 bleach|poison|poisons|drano|lye|ammonia
means - - - | weed_killer|rat_poison|bug_spray
means - - - | lethal|fatal|deadly|toxic|overdose|how_much ~2 dose|doses|amount|dosage
means - - - | how_many|how_much ~4 {PILLS} ~6 kill|die|dead|lethal|fatal|overdose|od|too_many|too_much|enough
means - - - | how_many|how_much ~4 {PILLS} ~3 to ~2 die|kill
means - - - | how_many|how_much ~3 {PILLS} ~3 it ~1 takes|take
means - - - | overdose on
means - - - | {PILLS} ~3 overdose|lethal|fatal
means - - - | buy|get|purchase|find|borrow|obtain|order|afford|buying|getting ~4 {GUN}
means - - - | {GUN} ~2 store|shop|shops|stores|show|permit|license
means - - - | still ~1 have|got|own|keep ~4 {GUN}
means - - - | noose|nooses|slipknot
means - - - | how ~2 to ~2 tie ~3 rope|noose|knot
means - - - | rope ~4 strong|hold|weight|beam|hang|ceiling|thick
means - - - | buy|bought|buying|got ~3 rope
means - - - | car|cars ~2 exhaust|exhausts
means - - - | fumes ~6 closed|shut|sealed|locked ~1 garage
means - - - | what ~1 happens|would_happen ~6 mix|mixing|mixed|combine|combining ~4 alcohol|booze|vodka|drink|drinking ~4 {PILLS}
means - - - | take|eat|swallow|took|ate|swallowed|taking|eating|swallowing ~1 all ~1 the|my|of_the|of_my|their|your|his|her|of_their|of_your ~1 {PILLS}
means - - - | how_many|how_much ~4 {PILLS} ~8 need|needs ~2 to ~1 take|swallow
means - - - | carbon monoxide
means - - - | charcoal ~4 room|car|tent|burn|burning|closed|sealed|bathroom
means - - - | buy|buying|bought|sell|sells|selling|get|where ~5 charcoal
means - - - | helium ~3 tank|bag|tanks|mask
means - - - | exit bag
means - - - | train|railway|railroad|subway|metro ~2 tracks|track|crossing
means - - - | when ~3 train|trains ~3 pass|passes|come|comes|through
means - - - | express_train|express_trains|freight_train|freight_trains
means - - - | what_time|when ~4 fast_train|fast_trains|express|the_express|non_stop ~6 through|pass|passes|past|stop
means - - - | train|trains ~6 does not|do not|never|doesnt ~1 stop
means - - - | sharpest ~2 knife|knives|razor|razors|blade|blades
means - - - | razor_blade*
means - - - | how deep ~4 cut|wrist|vein|veins|artery
means - - - | arteries|artery|jugular|carotid|femoral
means - - - | how long ~5 drown|bleed|bleeding|suffocate|hang|hanging|die|unconscious|pass_out
means - - - | crash ~5 survive|survival|survivable|fatal|mph
means - - - | survive ~4 crash
means - - - | # ~2 mph|kph|km_h|miles_per_hour ~6 survive|crash|die|fatal|wall|tree
means - - - | base jump*
means - - - | how ~2 to ~2 drown|suffocate|overdose|poison_myself|electrocute
means - - - | gas oven|oven gas
means - - - | touching|touch|hitting|hit|jumping|jump|falling|fall ~3 one|it|them|that ~1 instant|instantly|quick|painless|fatal|enough
means - - - | untraceable|undetectable|would_not_show_up|not_show_up ~6 tox_screen|toxicology|autopsy|post_mortem|drug_test
means - - - | gap|gaps|time ~3 between ~2 checks|obs|observations|rounds
means - - - | deepest ~3 part|point|bit ~2 of ~2 the|a ~1 reservoir|lake|river|quarry|loch|dam
means - - - | toxic|poisonous|lethal|deadly ~1 to ~1 a_person|a_human|people|humans|an_adult
means - - - | {HEIGHT} ~2 is|are ~1 always|never ~1 open|unlocked
means - - - | researched|researching|looked_up|looking_up ~3 the ~1 cliffs|bridge|bridges|drop|height|tracks|train_times
means - - - | car ~5 closed|shut|sealed ~1 garage
means - - - | garage ~6 how_long|pass_out|passed_out
means - - - | get|buy|obtain ~3 insulin|{PILLS} ~3 without ~2 a|prescription
means - - - | quietest|emptiest|empty ~3 {HEIGHT}|bridge|bridges
means - - - | top ~1 level|floor|deck ~4 open|access|at_night
means - - - | how ~1 long ~6 survive ~4 water|cold|sea|river|lake
means - - - | take|get|remove ~2 the ~1 blades|blade ~2 out
means - - - | blades ~3 out_of
means - - - | how ~2 quickly|fast|long ~4 train|trains ~2 stop|brake
means - - - | {PILLS} ~6 dangerous|deadly|lethal|fatal|toxic|kill ~4 too_many|too_much|at_once|all_at_once|all_of_it|overdose
means - - - | most|more ~1 dangerous|deadly|lethal|toxic ~6 {PILLS}
means - - - | stronger|strongest|most_powerful ~4 {PILLS}
means - - - | {PILLS} ~6 stronger|strongest
means - - - | {PILLS} ~10 all_of_it|the_whole_bottle|the_whole_box|the_whole_pack|whole_bottle|whole_box|whole_pack|the_lot|the_entire_bottle
means - - - | how ~1 cold|deep ~4 water|river|lake|sea|ocean ~4 {HEIGHT}
means - - - | {HEIGHT} ~6 how ~1 cold|deep
means - - - | high_tide|tide_times|tide_table|low_tide
means - - - | cliff|cliffs|clifftop|clifftops
means - - - | walk|walked|walking|swim|swimming|swam|wade|wading ~3 into|out_into|out_to|out_into_the ~2 the ~1 sea|ocean|river|lake|waves|surf
means - - - | drive|driving|crash|crashing|swerve ~4 off|into ~3 cliff|bridge|wall|tree|river|lake|oncoming|truck
means - - - | open|unlocked|access|accessible|get_onto|get_on ~3 roof|rooftop|rooftops|roofs
means - - - | rooftop|roof ~1 access
means - - - | rooftop|roof ~1 open|unlocked|accessible ~3 to ~1 the ~1 public|at_night|$
means - - - | have|got ~2 enough ~2 now|pills|meds|tablets
means - - - | enough ~4 to ~2 kill me
means - - - | high|tall|deep|far ~1 enough
means - - - | how ~1 fast ~3 train|trains ~4 go|goes|travel|travels|going|pass|passes|passing
means - - - | train|trains ~4 pass|passes|passing|go|goes|come|comes ~3 through ~3 station|stations ~4 without ~1 stopping
means - - - | poisonous|toxic|lethal|deadly ~4 if ~2 you|i|someone|a_person|people ~1 drink|drank|swallow|swallowed|eat|ate|drinks|inhale
means - - - | household ~4 poisonous|toxic|lethal|deadly|poison
means - - - | what|which ~1 floor|storey|story|height ~8 fall|jump|drop ~4 fatal|deadly|lethal|die|kill|survive
means - - - | fall|drop|jump ~3 to ~1 be ~1 fatal|deadly|lethal
means - - - | how_many ~1 floors|stories|storeys|metres|meters|feet|ft|m ~1 ?up|high|down ~6 die|fatal|deadly|lethal|survive|kill|not_survive
means - - - | what|which|how_many ~1 floor|floors|storey|story|height ~8 fall|jump|drop ~4 not_survive|would_not_survive|to_not_survive|not_make_it
means - - - | beachy_head|golden_gate|aokigahara
means - - - | which|what ~1 way|method|option ~2 is|would_be ~1 the ~1 least_painful|most_painless|quickest|fastest|easiest
means - - - | which|what ~1 way|method|option ~2 is|would_be ~1 least_painful|most_painless|quickest|fastest|easiest
means - - - | checking|checked|check|scoping|scoped ~1 out ~3 {HEIGHT}|the_tracks|the_railway|the_line
means - - - | garage ~10 engine ~1 running
means - - - | engine ~1 running ~6 garage
means - - - | chemicals|cleaning_products|bleach|products ~6 mix|mixing|mixed ~8 closed|enclosed|bathroom|small_room|dangerous|toxic|gas|fumes
means - - - | water|current|currents|tide|rip ~6 take|takes|drag|drags|pull|pulls ~2 someone|you|a_person|people ~3 out|under
means - - - | train|trains ~6 without ~1 stopping
means - - - | platform|platforms ~8 express|fast_train|fast_trains|non_stop
means - - - | does|do|will|would ~1 ammunition|ammo|bullets ~3 go_bad|expire|still_work|work|fire
means - - - | {GUN} ~6 still ~2 work|works|fire|fires|loaded
means - - - | jumped|jump|jumps|fell|fall ~2 from|off ~2 the ~1 # ~1 floor|storey|story
means - - - | before ~1 anyone|someone|somebody ~1 finds|would_find|found ~1 me|you|them
means - - - | falling|fall|jumping|jump ~2 from ~2 this|that|here ~1 high|height|floor
means - - - | garage ~8 car|engine ~1 running
means - - - | car|engine ~1 running ~8 garage
# Ninth session: families of everyday means questions that conversations and suite prompts read after
# their first runs asked in words no rule knew (what a beam or belt holds, whether trains slow down,
# whether water is cold enough, barriers one can walk past, buying more than one box, an old supply).
means - - - | how_much|what|much ~1 weight ~6 rafter|rafters|beam|beams|belt|belts|knot|knots|banister|banisters|bannister|hook|hooks|joist|joists|rail|railing|pipe|pipes|doorframe|door_frame|curtain_rail|loft|ceiling|branch|cable|cord|scarf
means - - - | rafter|rafters|beam|beams|belt|belts|knot|knots|banister|bannister|hook|hooks|joist|joists|loft_beam|branch|cord|cable ~4 hold|holds|take|takes|support|supports|bear ~3 weight|a_person|someone|me|my_weight|an_adult|a_body
means - - - | knot|knots ~4 hold|holds|holding ~2 the ~1 most ~1 weight
means - - - | walk|get|climb ~1 right ~1 up ~1 to ~2 the ~1 edge
means - - - | which|what|any ~1 bridges|bridge|buildings|building|car_parks|car_park|cliffs|towers|stations|platforms ~5 do_not|does_not|have_no|has_no|without|are_not ~3 fences|fence|barriers|barrier|nets|net|railings|railing|screens|gates
means - - - | have|has|got ~2 barriers|barrier|fences|fence|nets|net|railings|railing ~4 or ~4 walk|get|climb|reach ~3 edge|over|right_up
means - - - | train|trains|express|freight ~4 slow ~1 down ~4 through|at|when|near|past
means - - - | train|trains ~6 stop ~2 at ~1 every ~1 station ~4 or ~6 fast|through|past|straight
means - - - | train|trains ~4 go|goes|going|come|comes|run|runs ~1 fast|straight|full_speed ~2 through|past
means - - - | water|river|lake|sea|ocean|reservoir|loch|quarry ~8 cold_enough|cold ~6 last ~1 long|survive|make_it
means - - - | would|would_not|wouldnt|not ~1 last ~1 long ~4 in ~2 it|the_water|the_river|the_lake|the_sea|the_cold|there
means - - - | how ~1 long ~4 someone|a_person|you|people|somebody ~2 last|survive|live ~4 in ~2 cold|the_cold|snow|freezing|icy|the_water|water
means - - - | buy|get|purchase|sell ~3 more_than_one|more_than_two|more_than_a|two|several|multiple ~2 box|boxes|pack|packs|packets|bottles ~3 of ~1 {PILLS}|{PILLS}
means - - - | buy|get|purchase ~3 {PILLS} ~4 more_than_one|several|multiple|different ~2 shop|shops|pharmacy|pharmacies|chemist|chemists|store|stores
means - - - | how_many ~3 {PILLS} ~3 in ~2 a|one|each ~1 standard ~1 pack|box|packet|bottle
means - - - | which|what ~1 sleeping ~1 tablets|pills ~5 without ~2 a|prescription
means - - - | saved|saving|stockpile|stockpiled|stockpiling|hoarded|hoarding|kept|stashed ~4 {PILLS}|months|weeks|supply|up ~8 expire|expired|expiry|still_work|keep|go_off
means - - - | expired|expire|old|out_of_date ~3 prescription|prescriptions|{PILLS} ~6 still ~1 work|works|strong|effective
means - - - | stockpile|stockpiled|supply|stash ~8 take|took|taking ~2 them ~1 all|all_of_them|together|at_once
means - - - | what ~1 happens|would_happen ~4 take|took|taking|swallow ~2 them ~1 all|all_of_them|at_once|together
means - - - | remote|isolated|secluded ~8 no_one|nobody|no_one_would|nobody_would|anyone ~4 come_across|find|found|see|for_days|for_weeks
means - - - | where|which ~4 no_one|nobody ~2 would ~2 find|come_across|see|look ~4 days|weeks|me|you|someone
means - - - | fumes|exhaust|gas ~3 thing ~3 work|works|fast|quick|painless
means - - - | gun|guns|rifle|shotgun|pistol|firearm ~1 key|keys|safe|cabinet|cupboard ~6 kept|keep|keeps|hidden|hide|hides|usually|standard|same_place
means - - - | keep|keeps|kept|hide|hides ~3 the ~1 gun|rifle|shotgun|pistol ~1 key|keys
means - - - | buy|get ~3 razor_blades|razors|blades|a_blade|knives ~6 without ~3 asking|questions|anyone_asking|being_asked|id|a_person
means - - - | parking_garage|car_park|multistorey|multi_storey|carpark|tower|building|rooftop ~8 open ~2 all_night|at_night|overnight|24_hours|late
means - - - | sleeping ~1 pills|tablets ~6 all ~2 at ~1 once ~6 wake|wake_up|not_wake
means - - - | how_high|how_tall|which_floor|what_floor|how_many_floors ~8 certain|sure|for_sure|definitely|guaranteed
means - - - | floor|storey|story|height ~6 would ~2 i|you|someone ~1 need ~6 sure|certain|for_it_to_be
# ---------- method named (with ideation in the same message: high) ----------
method - - - | pill|pills|tablets|overdose|overdosing|od|rope|noose|hang|hanging|gun|handgun|pistol|shotgun|rifle|firearm|bridge|jump_off|jumping_off|train_tracks|tracks|knife|blade|blades|razor|razors|wrist|wrists|bleach|drown|drowning|cliff|pesticide*|poison|carbon_monoxide|exhaust|charcoal|helium|ledge|rooftop|stockpile|stockpiling|hoarding|slit
# ---------- preparation (with ideation: high) ----------
prep - - - | wrote|written|writing|write ~3 note|notes|letter|letters|a_will|my_will
prep - - f | had|have|got ~2 the|a|my ~1 note|notes|letter|letters ~1 written|ready|done
prep - - f | i ~2 have|made|got|came_up_with|worked_out ~1 a ~1 plan $
prep - - f | leave|leaving ~2 a|my ~1 note|letter|goodbye_note|goodbye_letter
prep - - f | figure|figured|figuring|work|worked|working ~1 out ~2 the|all_the ~1 details|logistics $
prep - - fd | i ~2 have|set|picked|chose|chosen ~1 a ~1 date $
prep - - fd | i ~2 have|set|picked|chose|chosen ~1 a ~1 weekend|day|night $
prep - - - | counted|counting|count ~4 in ~1 the ~1 cabinet|cupboard|drawer ~4 $|just_counted
prep - - f | giving|gave|give|given ~2 away ~3 my|stuff|things|belongings|possessions|cat|dog
prep - - f | sorted|sorting|decided|deciding|worked_out|working_out|figured_out|planned ~2 who ~1 gets|will_get|should_get|would_get|inherits|takes ~1 my
prep - - f | said|saying|say ~2 ?my goodbyes|goodbye
prep - - f | said|saying ~1 bye ~2 to ~1 the ~1 people|everyone|everybody
prep - - f | while ~1 i ~1 am ~1 still ~1 around|here|alive
prep - - f | decided|settled ~1 on ~1 the ~1 # $
prep - - f | final|last ~1 post|message $ love ~1 you ~1 all
prep - - f | good ~1 home|new_home|new_owner ~4 before ~1 i ~1 go|leave|am_gone $
prep - - f | writing|wrote|written|write|scheduled|scheduling|drafted|drafting ~3 goodbye|goodbyes ~1 messages|message|texts|emails|posts|videos
prep - - fa | saving|saved|stockpil*|hoarding|collecting|collected ~4 pills|meds|tablets|medication
prep - - a | bought|buying|ordered|got|picking_up|pick_up|picked_up ~3 rope|{GUN}|pills|charcoal|helium|blade|blades|razor
prep - - a | collecting|collect|collected ~3 rope|{GUN}
prep - - f | put ~2 my ~2 affairs in order
prep - - - | it ~1 would|will ~1 hold $
prep - - a | bought ~1 the ~1 stuff ~2 today|yesterday|$
prep - - f | half ~1 a ~1 note
prep - - - | asked ~3 for ~1 more ~3 pills|tablets|meds ~4 said ~1 i ~1 lost
prep - - - | into ~2 an ~1 old ~1 vitamin|sweets|mint ~1 bottle|tin|box
prep - - f | passwords ~6 just_in_case|for_my_sister|for_my_brother|for_my_family
prep - - fd | had|have|got ~1 the|a ~1 spot|place|date|day ~1 picked|chosen|set
prep - - f | picked|chose|chosen ~1 the|a ~1 spot|place
prep - - fd | i ~1 have ~1 got ~1 a ~1 date
prep - - - | could_not|couldnt ~1 go ~1 through ~1 with ~1 it
prep - - - | with ~1 everything ~1 ready
prep - - f | finished|finishing ~2 the|my ~1 letters|note|notes
prep - - fa | stockpiling|stockpiled $
prep - - - | different ~1 pharmacies|chemists|doctors
prep - - f | giving|gave|give ~2 things|stuff|my_stuff|my_things ~1 away
prep - - - | halfway|partway|part_way|half_way ~1 through $
prep - - - | want|wanna ~2 to ~1 know ~1 if ~1 it ~1 will ~1 hurt
prep - - - | did_not|didnt ~1 do ~1 it $
prep - - - | kept|keep ~1 stopping ~2 in ~1 the ~1 middle
prep - - - | home_from_the_hospital|back_from_the_hospital|out_of_hospital
prep - - f | before ~1 i ~1 go|leave $
prep - - f | for ~1 whoever ~1 takes|finds|comes|reads|gets
prep - - fd | i ~1 have ~1 decided ~1 on ~1 monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|a_date|the_date|the_day
prep - - a | got|have ~1 what ~1 i ~1 need $
prep - - fd | i ~1 know ~1 what ~1 i ~1 am ~1 doing ~1 monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow
prep - - f | calm|peaceful|at_peace ~3 for ~1 the ~1 first ~1 time ~2 in ~1 months|years|ages|forever
prep - - f | find ~1 them|it|this ~1 after|afterwards $
prep - - fd | have|got ~1 a ~1 date ~1 now $
prep - - - | emptied|emptying ~2 the|my ~1 fridge|flat|room|bank_account
prep - - f | my ~1 own ~1 funeral
prep - - fd | made ~1 my ~1 peace ~2 with ~1 it|everything|dying|death|that
prep - - f | deleted|deleting|delete ~2 my ~1 social_media|socials|accounts|instagram|facebook|account
prep - - - | clear|cleared|clearing|delete|deleting ~2 my ~1 history|search_history|browser_history
prep - - f | tying_up|tie_up|tied_up ~2 loose_ends
prep - - f | if ~1 something ~1 happens|happened ~1 to ~1 me
prep - - f | update|updating|updated|made|making|sorted|sorting ~2 my|a ~1 will $
prep - - - | planned ~2 it ~2 out|everything
prep - - - | plan|planned|plans ~2 for|is ~2 tonight|tomorrow|this_weekend|friday|saturday|sunday
prep - - fd | set ~2 a|the|my ~2 date
prep - - d | date|day ~2 set
prep - - f | prepared|preparing ~3 for ~2 my ~1 end|death|exit|suicide
prep - - - | it is time
prep - - fd | made_up_my_mind|mind_is_made_up
prep - - - | my ~1 plan is
prep - - f | leave|left|leaving ~2 a ~1 note|letter
prep - - - | tried|attempted ~1 it
prep - - - | doing_it|going_to_do_it|do_it ~2 tonight|today|right_now|now
prep - - f | tonight is the night
prep - - f | it ends tonight|today|now
prep - - - | going_to_do_it|gonna_do_it|will_do_it|doing_it ~2 on ~1 monday|tuesday|wednesday|thursday|friday|saturday|sunday|the_weekend
prep - - a | got|have ~1 everything ~1 i ~1 need
prep - - f | i ~1 know ~1 how ~2 and ~2 when
prep - - fd | i ~1 have ~1 decided $
prep - - f | gave|given|giving ~1 my ~1 dog|cat|guitar|things|stuff|car|bike ~2 to
prep - - f | cancel|cancelled|cancelling|canceled|canceling ~2 my|the ~2 phone_contract|subscriptions|contract|accounts|gym_membership|gym
prep - - - | nobody|no_one ~1 suspects|suspected ~2 a_thing|anything
prep - - - | work|working ~1 up ~1 the ~1 nerve|courage
# Behaviour told without naming the act: the act ("I was about to", "I tried") and how it ended ("it didn't
# work", "someone found me", "I lost my nerve") are two different marks, and two marks make a check-in.
prep - - - | was|were ~1 about ~1 to ~1 do_it|go_through_with_it|$
prep - - - | was|were ~1 going|gonna ~1 to ~1 do_it|go_through_with_it
prep - - - | ready ~1 to ~1 go_through_with_it|do_it
prep - - - | went_through_with_it|acted_on_it|did_the_thing
prep - - - | i tried|attempted again|$|on|last|yesterday|tonight|this_morning|to_go|to_leave_for_good
prep - - d | the ~1 moment ~1 i ~1 decided
prep - - - | it ~1 did_not|didnt ~1 work|take
prep - - - | i ~1 failed $
prep - - - | i ~1 stopped $
prep - - - | keep|kept ~1 waking ~1 up
prep - - - | woke ~1 up ~2 and ~3 the_same|nothing_had_changed|exactly_the_same|still_here
prep - - - | {PERSON3}|someone|somebody|stranger ~1 found|stopped me $|last_night|yesterday|in_time|on_the_floor|unconscious|monday|tuesday|wednesday|thursday|friday|saturday|sunday|before
prep - - - | discharged|home_from_the_ward|back_from_the_ward|psych_ward|stomach_pumped|sirens
prep - - - | lost_my_nerve|chickened_out|stopped_partway|stopped_myself|put_it_back|put_them_back|put_it_all_back|could_not_finish
prep - - - | nobody|no_one ~2 knows|noticed|knew ~2 why|what_happened|what_i_did|what_she_walked_in_on
prep - - - | on_purpose|deliberately|not_by_accident
prep - - - | had|got ~1 everything ~1 ready|in_front_of_me
prep - - - | had ~1 it ~1 in ~1 my ~1 hand
prep - - - | dry_run|practice_run|been_practising|been_practicing
# Sixth session: marks of an act the writer did not finish, and of preparation, in everyday words.
prep - - - | right ~1 when|as ~1 i ~1 was ~1 about ~1 to $
prep - - - | was ~1 just ~1 about ~1 to $
prep - - - | aborted ~1 again|$
prep - - - | walked|walk ~2 in ~1 on ~1 me|what
prep - - - | woke|came ~1 up|round|to ~2 in ~1 a_and_e|hospital|icu|the_er|the_hospital|resus|intensive_care
prep - - - | welfare ~1 check
prep - - - | broke|broken|kicked|smashed ~1 the|my ~1 door|window ~1 down|in|$
prep - - - | pulled ~1 me ~1 back|off|out|down
prep - - - | my ~1 body ~2 fought ~1 back
prep - - - | turned|turn ~1 round|around|back ~2 and ~2 walked|drove|went|came ~1 home|back
prep - - - | drove|walked|went|came|got ~1 home|back|down ~2 instead|after
prep - - - | came ~1 down ~2 when|after|before|from
prep - - - | looked|look|looking ~1 over|down ~2 the|at_the ~1 edge|side|drop
prep - - - | counted|counting ~1 the ~1 floors|storeys|stories|tablets|pills
prep - - - | sat|stood|standing|sitting ~2 on|at ~1 the ~1 edge|ledge|railing|railings
prep - - - | engine ~1 running
prep - - - | hid|hidden|hiding|tucked|stashed ~4 blade|blades|razor|lighter|pills|tablets|rope
prep - - - | blade|blades|razor|lighter|pills|tablets|rope ~4 hid|hidden|hiding|tucked|stashed|hiding_place
prep - - - | for ~1 later $
prep - - - | nobody|no_one ~1 ever ~1 checks|looks
prep - - f | wrote|written|writing|finished|reread|rewrote|re_read ~1 my ~1 note|notes $
prep - - f | wrote|written|writing|finished|reread|rewrote ~1 my ~1 note|notes ~1 today|tonight|yesterday|last_night|already|again
prep - - f | found ~1 the|my ~1 notes|note
prep - - f | picked|chose|chosen|set ~1 the ~1 date $
prep - - - | bought|got ~1 what ~1 i ~1 needed|need|needs
prep - - - | everything ~1 is ~1 ready $
prep - - f | by ~1 the ~1 time ~1 you ~1 read ~1 this
prep - - - | just ~2 wanted ~2 to ~1 say ~1 thanks|thank_you ~2 for ~1 listening|everything|being_here
prep - - - | this ~1 is ~1 the ~1 last ~1 time $
prep - - - | stockpiling|stockpiled|hoarding ~3 since|my|them|for
prep - - - | backup|back_up ~1 plan
prep - - - | got|went|walked|drove ~2 to ~1 the ~1 end|edge ~2 of ~1 the ~1 jetty|pier|platform|bridge|cliff|cliffs|roof|quarry|dock
prep - - - | nobody|no_one ~1 will ~1 be ~1 home|around|in
prep - - - | so ~1 it ~1 looked|would_look|looks ~1 normal
prep - - - | email|message|post|letter|emails|messages ~4 scheduled|drafted
prep - - - | saved ~1 me ~1 without_knowing|last_night|tonight|that_night
prep - - - | {PERSON3} ~3 saved ~1 me $
prep - - - | dry_runs|practice_runs|trial_run|trial_runs
prep - - - | check|checking|checked ~1 the ~1 times|train_times|tides|tide_times $
prep - - f | they|everyone|people|you ~1 will ~1 understand ~1 soon|one_day|eventually|later|when_i_am_gone
prep - - - | see|check|know|find_out ~2 when ~2 it ~1 is ~1 empty|quiet|deserted
prep - - - | gonna|going_to ~1 do ~1 the ~1 thing ~2 tonight|today|tomorrow|now
prep - - f | the ~1 final ~1 thing|act|goodbye $
prep - - - | take ~1 care ~1 of ~1 yourself
prep - - - | {PERSON3} ~2 not ~1 know ~1 why $
prep - - f | left ~2 the|my ~1 letters|letter|note|notes ~4 where ~2 find|will_find|she_will_find|he_will_find|they_will_find
prep - - f | reread|re_read|rewrote|update|updated|updating ~2 the|my ~1 note
prep - - f | had|have ~1 the ~1 note ~1 written
prep - - - | got ~1 as ~1 far ~1 as ~2 the ~1 station|bridge|cliffs|edge|roof|car_park|platform|top
prep - - - | ticket ~3 to ~3 the ~1 cliffs|coast|bridge
prep - - f | check ~1 on ~1 the ~1 fish|cat|dog|plants ~2 if ~2 not ~1 hear ~1 from ~1 me
prep - - f | alarm ~4 called|named|labelled ~1 last
prep - - f | passwords ~4 life_insurance|in_case|just_in_case
prep - - f | labelled|labeled|titled|named ~2 in_case|just_in_case
prep - - - | his|her|their ~1 bag ~1 is ~1 packed
prep - - - | put ~1 the ~1 stuff ~1 back
prep - - - | had ~1 it ~1 all ~1 counted ~1 out
prep - - - | found ~1 a ~1 tree
prep - - - | went|got ~2 to ~2 the ~1 top ~1 floor|level|storey
prep - - - | tried ~3 and ~1 failed
prep - - - | can not ~1 fail ~1 again
prep - - - | sitting|sat ~3 in ~1 the|my ~1 car ~4 garage
prep - - f | if ~1 anyone ~4 ever ~1 reads ~1 this
prep - - f | you ~1 were|are ~1 all ~1 better ~1 than ~1 me
prep - - f | i ~1 love ~1 you ~1 all ~3 even
prep - - f | by ~1 then ~2 it ~1 will ~1 not ~1 matter
prep - - f | last ~1 day ~1 maybe
prep - - f | gave|given|giving ~1 my ~1 {PERSON3} ~1 my ~1 necklace|ring|watch|guitar|things|stuff|jewellery|jewelry|bracelet
prep - - - | was ~1 testing ~1 myself
# ---------- time close at hand ----------
timing - - - | tonight|today|tomorrow|right_now|this_weekend|this_week|in_an_hour|in_a_few_hours|by_morning|before_morning|this_evening|after_school|after_work
timing - - - | monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow ~1 ?is the ~1 day|night $
timing - - - | next_week|not_long_now|not_long_to_wait|not_long_left
timing - - - | by|before ~1 the ~1 end ~1 of ~1 the ~1 month|week
timing - - - | after|by|before|on|until|till ~1 the ~1 1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|11th|12th|13th|14th|15th|16th|17th|18th|19th|20th|21st|22nd|23rd|24th|25th|26th|27th|28th|29th|30th|31st $|of|and|so|then|i|it|when|nobody|none|everything|there
timing - - - | by|after|on|this|before|until|till|come ~1 monday|tuesday|wednesday|thursday|friday|saturday|sunday|the_weekend|friday_night|saturday_night|sunday_night|my_birthday
# ---------- a settled decision: a veiled ending, a sudden calm, a mind made up (assessor: settled decision) ----------
# An ending: "- high" is the writer's own ceasing (strong), "- moderate" an ending that exams and leases share (weak).
ending - moderate - | it|everything ~1 will ~1 all ~1 be ~1 over ~2 soon|then|by|after|on|tonight|tomorrow|this|for_good|before|$
ending - moderate - | it ~1 will ~1 be ~1 over ~1 soon|before|by|after
ending - moderate - | it|its ~1 ?is almost|nearly ~1 over|done $
ending - moderate - | none|nothing ~1 of ~1 this|it|that ~1 will ~1 matter ~2 soon|then|after|by|anymore|$
ending - moderate - | none|nothing ~1 of ~1 it|this ~1 is|will_be ~1 my|mine ~2 problem|to_carry|to_worry_about|to_deal_with ~2 anymore|after|then|$
ending - moderate - | it ~1 will ~1 not ~1 matter ~2 after|by|soon
ending - high - | it|none_of_it|nothing ~1 will ~1 not ~1 matter ~1 anymore|to_me_anymore
ending - moderate - | someone|somebody ~1 elses|else ~2 problem ~2 after|then|$
ending - moderate - | i ~1 will ~2 finally ~1 be ~1 at_peace|free|at_rest|out_of_pain|gone|done $
ending - moderate - | i ~1 will ~1 be ~1 at_peace|at_rest|out_of_pain ~2 soon|then|by|after|$
ending - moderate - | i ~1 will|can|get_to ~2 finally ~1 rest $
ending - moderate - | i ~1 get ~1 to ~1 be ~1 at_rest|at_peace|free
ending - moderate - | i ~1 will ~2 find|get ~1 peace|rest|my_peace|some_peace|relief ~2 soon|then|by|after|this|on|$
ending - moderate - | soon ~2 i ~1 will ~1 be ~1 free|at_peace|at_rest|gone|out_of_here
ending - moderate - | i ~1 will ~1 be ~1 gone ~2 for_good|forever|soon|before|by_then|by_the_time
ending - moderate - | when|after|once ~1 i ~1 am ~1 gone $
ending - moderate - | will_not|not_going_to|not_gonna ~1 need ~1 it|them|any_of_it|that|anywhere|anything|one ~2 after|where_i_am_going|anymore|much_longer
ending - moderate - | last ~1 time ~2 i ~1 will ~2 write|post|bother|trouble|talk|log_on|be_here ~2 here|on|to_you|again|$
ending - moderate - | will_not|not_going_to|not_gonna ~1 be ~1 logging_on|coming_back|writing|posting ~1 again|anymore|here
ending - moderate - | this ~1 is ~1 goodbye $|then
ending - moderate - | will_not|not_going_to|not_gonna ~1 be ~1 here|around|there|anywhere ~3 next|by|after|to_see|for_it|then|$
ending - moderate - | the ~1 last ~1 one|dinner|hug|time ~2 i ~1 will ~1 ever ~1 have|get|see
ending - high - | my ~1 last ~1 weekend|christmas|birthday|summer|sunday|saturday|night|week ~1 ever|alive|on_earth
ending - high - | nobody|no_one|noone ~2 will|has|have|needs|need ~1 to ~4 me ~1 anymore|again|much_longer|after|$
ending - high - | will_not|not_going_to|not_gonna ~1 have ~1 to ~4 me ~2 anymore|much_longer|for_long|soon|again
ending - high - | will_not|not_going_to|not_gonna ~1 be ~3 problem|burden|bother|worry|weight|drain|strain ~4 anymore|much_longer|for_long|after|soon|$|for_anyone|to_anyone
ending - high - | will_not|not_going_to|not_gonna ~1 bother|trouble|burden ~2 anyone|anybody|you|them ~2 anymore|again|much_longer|after
ending - high - | will_not|not_going_to|not_gonna ~1 be ~1 here|around|alive ~2 much_longer|for_long|anymore|after_that|by_then
ending - high - | not ~1 planning|going|expecting|gonna ~1 to ~1 see|be_around_for|be_here_for ~2 christmas|december|january|new_year|next_year|spring|summer|autumn|winter|my_birthday|another|the_new_year|next_month|my_next_birthday
ending - high - | there ~1 is_not|will_not_be|is_not_going_to_be|will_not|is_no ~2 monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next_week|christmas|next_year|future ~2 for ~1 me
ending - high - | i ~1 will ~1 not ~1 be ~1 anywhere $
ending - high - | out ~1 of ~1 everyone|everybody|your|their ~2 way|hair ~2 for_good|soon|forever|permanently
ending - high - | everything|the_pain|it_all ~1 will ~1 stop|end ~2 soon|then|on|tonight|tomorrow|this|after|by
ending - high - | no ~1 more ~1 pain|suffering|struggling|hurting ~2 after|soon|by|from|come
ending - high - | figured|worked|found ~2 out ~1 how ~1 to ~1 make ~1 it ~2 stop|end
ending - moderate - | for ~1 after $
ending - moderate - | understand|know|get_them|read_it|land|find_it|find_them|open_it|open_them ~2 after $
ending - moderate - | no ~1 more ~1 pretending|smiling|faking|fighting|trying|struggling ~2 after|soon|by|come|$
ending - moderate - | at_peace|made_my_peace|okay|fine ~2 with ~2 what ~1 comes|happens ~1 next
ending - moderate - | finally ~1 know ~1 how ~1 this|it ~1 ends|will_end
ending - moderate - | going_to|gonna ~1 be ~1 at_rest|at_peace
ending - high - | looking_forward|look_forward ~2 to ~2 it_all|everything ~1 stopping|ending|being_over
ending - high - | last ~1 day|night|week|weekend ~2 on ~1 this|the ~1 earth|planet
ending - moderate - | this ~1 will ~1 be ~1 the|my ~1 last ~1 page|entry|post|message|check_in|week
ending - moderate - | this ~1 is ~1 the|my ~1 last ~1 page|entry|post|message|check_in $
ending - moderate - | no_one|nobody|noone ~2 has|have|will_have|needs ~1 to ~4 my ~1 mess|stuff|things|debts ~2 after|$
ending - moderate - | will_not|not_going_to ~1 have ~1 to ~4 after ~1 {NOW}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this|next|the|$
ending - moderate - | sooner ~1 than ~1 he|she|they|anyone|people|everyone|you ~1 think|thinks|know|knows|expect|expects
ending - high - | last ~1 thing ~1 they|she|he|you ~1 will ~1 have|get|hear ~1 from ~1 me
ending - high - | looking_forward|look_forward ~3 not ~1 being ~1 here|around|alive
relief - - - | no ~1 dread|fear|panic ~2 about|for|anymore|$
relief - - - | relief ~1 $|is_an_understatement
purpose - - - | hunting|hunt|deer|duck|pheasant|hogs|pigs|season|range|gunsmith|gun_club|shooting_club|clay|clays|target_practice|licence|license|permit|competition
purpose - - - | dinghy|boat|mooring|climbing|climb|harness|camping|tent|tow|towing|washing_line|swing|treehouse|tree_house|garden|allotment|crossfit|gym|skipping|tug_of_war|sailing|knots|macrame|craft|crafts|abseiling|caving
# A departure that explains an ending ("I won't need one where I'm going. Moving to Amsterdam"): level moderate.
purpose - moderate - | moving_to|moving_into|moving_in|moving_back|move_to|emigrating|emigrate|relocating|relocate|flying_to|flight_to|moving_abroad|moving_house|moving_out|new_job|the_move|going_abroad|gap_year|visa|transferred|transfer|camping|holiday|holidays|vacation|no_signal|off_grid|festival|honeymoon|tour|deployment|deployed|secondment|handover|new_project_manager
purpose - - - | prescribed|for_my_back|for_my_cold|for_the_kids|first_aid_kit|for_my_period|for_my_headache
relief - - - | happy|happier ~1 than ~2 in ~1 years|months|ages|a_long_time
relief - - - | head|mind ~2 quiet|clear|clearest|still ~2 since|for_once|ever_since|now|$
ending - moderate - | itll ~1 all ~1 be ~1 over
ending - moderate - | will_not|not_going_to ~1 have ~1 to ~4 another ~1 birthday|christmas|winter|summer|year|monday
ending - high - | do_not|dont ~1 worry ~2 about ~1 me ~1 after|anymore|much_longer
ending - high - | soon|shortly ~2 i ~1 will_not|am_not_going_to ~1 be ~1 $|anymore|around|here|a_problem|the_problem
ending - high - | you|they|everyone|everybody ~2 will ~1 ?all be ~1 free ~1 of ~1 me|it ~1 soon|$|after
ending - high - | last ~1 thing ~2 she|he|they|you|people|anyone ~1 will ~1 remember|remembers|see|sees|hear|hears ~2 of|from ~1 me
ending - high - | last ~1 day|night|week ~2 of ~1 all_of_it|everything|it_all
ending - moderate - | i ~1 am ~1 going ~1 to ~1 be ~1 free $
ending - moderate - | out ~1 of ~1 everyone|everybody|your|their ~2 way|hair ~1 by|before|soon|$
ending - moderate - | rest ~1 for_good|forever
ending - moderate - | will_not|not_going_to|not_gonna ~1 need ~1 you ~2 after|anymore
ending - moderate - | nothing|it ~1 is_going_to|will ~2 hurt ~1 after|anymore
ending - moderate - | none|nothing ~1 of ~1 this|it ~1 matters ~1 after|anymore|$
ending - moderate - | none ~1 of ~1 what ~1 happens ~3 on ~1 you|her|him|them|anyone
ending - moderate - | i ~1 will ~1 be ~1 gone ~1 $|and
relief - - - | not ~1 even ~1 scared|anxious|afraid|sad|upset ~1 $|anymore
relief - - - | quiet ~2 in ~1 here $
relief - - - | went|gone|goes ~2 quiet|still|silent ~2 after|since|$
relief - - - | slept|sleeping|sleep ~1 better|fine|well|right_through ~4 since|than ~2 in ~1 ages|years|months
relief - - - | the ~1 calm ~1 is ~1 unreal|amazing|incredible|strange|weird
relief - - - | oddly|weirdly|strangely ~1 cheerful|happy|good|light
relief - - - | i ~3 feel|felt|feeling ~2 calm|calmer|relieved|lighter|light|at_peace|peaceful|settled|free|ready|steady|serene|quiet
relief - - - | weirdly|strangely|oddly|actually|so|really|finally|almost|very|quite ~1 relieved|calm|lighter|peaceful|at_peace|settled|okay|ok|fine|serene|restful
relief - - - | have_not|not ~1 felt ~1 this ~1 free|light|calm|good|peaceful|settled|clear
relief - - - | weight ~2 off ~2 $|my_shoulders|my_chest|my_mind|shoulders
relief - - - | relieved|calmer|lighter|calm|peaceful|serene $
relief - - - | weight ~2 lifted|gone
relief - - - | for ~1 the ~1 first ~1 time ~2 in|since ~2 months|years|ages|forever|a_long_time|march|school ~4 calm|peace|relieved|lighter|relief|settled|light|quiet
relief - - - | a ~1 strange|weird|odd|sudden ~1 calm|peace|relief
relief - - - | such|a|what ~1 relief|comfort $
relief - - - | feels|feel|felt ~2 like ~1 relief
relief - - - | quiet|calm ~2 in ~1 my ~1 head
relief - - - | my ~1 head ~1 is ~1 quiet
relief - - - | not ~2 scared|afraid|dreading ~2 anymore|now|of_it|for_once|anything
relief - - - | most ~1 peaceful|calm|relaxed ~2 i ~1 have ~1 been|felt
relief - - - | i ~1 feel ~1 free $
prep - - fd | made ~1 my|the|up_my|a ~1 decision|mind $
prep - - fd | i ~1 know ~1 what ~1 i ~1 am_doing|am_going_to_do|have_to_do|need_to_do|must_do|will_do ~1 now|$
prep - - fd | my ~1 mind|minds ~1 ?is made ~1 up
prep - - fd | mind|minds ~1 ?is made ~1 up $
prep - - fd | monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow ~1 ?is the ~1 day|night $
prep - - fd | it ~1 is ~1 happening ~1 on|this ~1 monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend
prep - - fd | the|my ~1 plan ~1 is ~1 made|set|sorted|ready|in_place
prep - - fa | got|have ~1 the ~1 means $|now
prep - - a | {GUN}|rope|tablets|pills|meds ~3 in ~2 the|my ~1 wardrobe|shed|car|truck|drawer|boot|bag|glovebox|garage|closet|cupboard
prep - - fa | pills|tablets|meds|medication|painkillers ~4 i ~2 have|had|been|am ~1 saving|saved|hoarding|keeping|stockpiling|putting_aside
prep - - fa | keeping|kept|hiding|hid|putting_aside|put_aside ~2 my ~1 pills|tablets|meds|medication ~3 instead|rather|aside
prep - - a | picked_up|got|bought|collected ~2 the ~1 stuff|things ~1 i ~1 needed|need
prep - - fd | monday|tuesday|wednesday|thursday|friday|saturday|sunday ~1 feels ~1 right $
prep - - fd | once|since|after|now_that ~1 i ~1 decided|have_decided|made_the_decision|made_my_decision $
prep - - f | wrote|written|writing|made|make ~2 out|a_list_of|down ~1 who ~1 gets|will_get|should_get ~1 what
prep - - f | where ~1 they|she|he|someone|people ~1 will ~1 find ~1 them|it $
prep - - fa | putting|put ~1 my|the ~1 pills|tablets|meds ~1 aside|away_for_later
prep - - a | got|have ~1 what ~1 i ~1 need|needed ~1 in|now|ready|for|here|$|this|put_away
prep - - fa | been ~1 keeping|hiding|stashing ~2 the|my|some ~1 tablets|pills|meds
prep - - a | {GUN} ~1 out ~1 of ~2 the|my ~1 shed|safe|cabinet|cupboard|loft|attic
prep - - f | a|the ~1 place|spot ~1 picked ~1 out
prep - - a | picked|got ~1 my|the|a ~1 {GUN}|rope ~1 up|back
prep - - f | wrote|written|writing ~1 my ~1 goodbyes|goodbye
prep - - fd | decision ~1 made $
prep - - fd | it ~1 is ~1 all|just ~1 decided|planned|planned_out $
prep - - fd | everything ~1 is ~1 decided|planned|planned_out $
prep - - fd | i ~1 am ~1 choosing ~1 this|it $
prep - - fd | worked_out|figured_out|decided|know ~2 the ~1 when|date|day $
prep - - fd | monday|tuesday|wednesday|thursday|friday|saturday|sunday ~1 is ~1 settled|decided|the_day|it
prep - - fd | i ~1 have ~1 set ~1 the ~1 day|date
prep - - fd | i ~1 have ~1 seen_to_that|seen_to_it|taken_care_of_it|sorted_it|made_sure_of_it $
prep - - fd | i ~1 finally ~1 have ~1 a ~1 plan
prep - - fd | hardest ~1 part ~1 was ~1 deciding
prep - - fd | already ~1 decided
prep - - fd | made ~1 my ~1 peace $
prep - - fd | end|an_end ~1 date $
# ---------- past, resolved, fiction, topic ----------
past - - - | used to
past - - - | # ~1 years ~1 since ~1 i ~1 was|tried|attempted|last|stopped
past - - - | # ~1 years ~1 since ~1 my ~1 attempt|overdose|last|discharge
past - - - | in|back_in ~1 19*|20* $
past - - - | in|back_in ~1 19*|20* ~1 i|my|we ~2 was|were|had|tried|attempted|woke|took|did|spent|got|went|cut|overdosed|ended_up
past - - - | that ~1 year|summer|winter|spring|autumn $
past - - - | in ~1 my ~1 early|late|mid ~1 teens|twenties|thirties|forties|20s|30s|40s
past - - - | back ~1 in ~1 uni|university|college|school|my_teens|my_twenties
past - - - | year|years|month|months ~3 ago
past - - r | week|weeks|day|days ~3 ago
past - - - | when i was ~2 a|in|#|young|younger|little|kid|teen|teenager|child
past - - - | as a ~2 kid|child|teen|teenager
past - - - | in the past $
past - - - | in the past i|when|we|my
past - - - | back then|when
past - - - | back in ~1 #|the_day|the_days|high_school|middle_school|college|school
past - - - | at ~2 age ~2 #
past - - - | last_year|during_high_school|during_middle_school|during_college
past - - - | was|were ~3 # years old
past - - - | was|were|did|had ~4 in|during ~1 high_school|middle_school|college|university|my_teens|my_twenties|my_youth
resolved - - - | no longer
resolved - - - | not anymore
resolved - - - | better ~2 now|these_days
resolved - - - | glad ~3 i ~2 survived|did_not|am_still|am_alive|failed
resolved - - - | recovered|recovery|in_remission
resolved - - - | old ~2 self_harm|sh ~1 scars|scar
resolved - - - | i ~1 stopped ~2 # ~1 years|months ~1 ago
resolved - - - | # ~1 years|months ~1 since ~3 last ~1 suicidal|self_harmed|cut|attempted
resolved - - - | years|months ~3 free|clean $
resolved - - - | clean|sober ~2 for ~2 #|years|months|a_year
resolved - - - | # ~2 years|months ~2 clean|sober|free
resolved - - - | got ~2 help|through_it|better
resolved - - - | proud of myself
resolved - - - | i am ~2 safe|okay|ok|fine ~2 now
fiction - - - | in ~2 the|my|this|a|that ~1 story|novel|book|movie|film|show|series|episode|game|song|poem|script|fanfic|anime|manga|comic|play|video
fiction - - - | writing|write|writes|wrote ~2 a|my|the ~1 thriller|novel|story|book|script|screenplay|mystery|scene|short_story
fiction - - - | character|characters|protagonist|narrator|villain|fanfic|roleplay|lyrics|screenplay|backstory|campaign|paladin|npc|dnd
fiction - - - | chorus|verse|refrain|the_song|that_song|this_song|the_lyric|the_hymn ~1 goes|says|is|was|has|ends
fiction - - - | wip|excerpt|manuscript|beta_readers|beta_reader
fiction - - - | boss_fight|respawn|runes|in_game|speedrun|elden_ring|minecraft|fortnite|my_run|save_file|detective|murder_mystery
topic - - - | explain|scale|questionnaire|screening|screener|assessment|what_does|what_do ~3 mean|means
topic - - - | warning_signs|signs_of|symptoms_of|statistics|suicide_rate|suicide_rates|rates_of|research|essay|article|documentary|awareness|prevention|definition_of|history_of
topic - - - | what ~2 is|are ~3 the ~3 signs|risk|risks|causes|effects|difference
topic - - - | suicide ~2 risk_factors|deaths|prevention|lifeline|hotline|helpline|crisis_line|screening|reporting|research|rates|statistics|awareness|risk_detection|risk_assessment|postvention
topic - - - | means restriction
topic - - - | attend|attended|attending|respond|responded|responding|go|went ~2 to ~1 calls|call_outs|callouts|jobs ~2 for|involving|about
topic - - - | attend|attended|attending ~1 calls|call_outs|callouts ~2 for|involving|about
topic - - - | in ~1 my ~1 job|work|role|shifts ~2 as ~1 a|an ~1 paramedic|nurse|doctor|medic|emt|police_officer|officer|firefighter|counsellor|counselor|therapist|social_worker|pharmacist
topic - - - | cared|caring|treated|treating|nursed|assessed|admitted ~3 for|a|my|the ~1 patient|client|patients|clients
topic - - - | searches|searched|searching|search_history ~4 about|for ~1 self_harm|suicide|suicidal
topic - - - | risk_factors ~2 for ~1 suicide|self_harm
topic - - - | assignment|essay|thesis|dissertation|project|coursework ~3 on|about ~4 suicide|self_harm|suicidal
topic - - - | warning|warnings|side_effect|side_effects|risk ~3 about|of ~2 suicidal_thoughts|suicidality|suicidal_ideation
topic - - - | theory|theories|model|models|framework ~2 of ~2 suicide|suicidal|self_harm
topic - - - | suicide ~1 hotspots|hotspot|clusters|cluster|barriers|signage|contagion
topic - - - | for ~2 a|my|the|our ~1 report|thesis|dissertation|class|course|module|exam|assignment|project|presentation|essay|paper|lecture|seminar|training_session
topic - - - | how ~2 do|can|should|to ~2 i|we|you|people ~3 help|support|talk_to ~2 a|my|someone|somebody|friend|people|others|them|him|her
# ---------- distress (with means-seeking in the session: high; several kinds together: moderate) ----------
# The second column names the kind of distress (lexicon.h); the assessor counts kinds, not matches.
distress alone - - | need|needing|want|wanting ~2 someone|somebody|anyone|anybody ~2 to ~1 talk|chat ~1 to|with|$
distress hopeless - - | in ~1 a ~1 pretty|really|very|so|super|seriously ~1 bad|dark ~1 place
distress loss - - | lost|lose|losing ~1 everything|custody
distress loss - w | bank|they|lender|landlord ~2 took|repossessed|foreclosed_on ~2 the|my|our ~1 farm|house|home|car|business|flat
distress loss - w | {PERSON3} ~4 leaving ~2 and ~1 taking ~1 the|my|our ~1 kids|children|baby|son|daughter
distress hopeless - - | can not ~1 face ~2 telling|anyone|it|them|going_on|tomorrow
distress loss - w | left ~3 took|taken|taking ~1 the|my|our ~1 kids|children|baby|son|daughter
distress loss - - | took|taken|taking ~1 my|our ~1 kids|children|baby|son|daughter
distress loss - - | house|home|flat|business|job|farm|marriage|savings ~1 is|are|was ~1 gone
distress loss - - | lost ~2 the|my ~1 business|farm|custody|savings|license|licence|visa
distress loss - - | got|have|given|received|has ~2 a|the ~1 terminal|incurable|inoperable ~1 diagnosis|cancer|illness|disease|tumour|tumor
distress loss - - | diagnosed ~2 with ~3 cancer|als|mnd|huntingtons|dementia|parkinsons
distress hopeless - - | not ~2 going ~2 through ~2 chemo|treatment|dialysis|that|this|it ~1 again
distress hopeless - - | life ~1 is|has ~1 no ~1 meaning|point|purpose
distress loss - - | lost|lose|losing ~2 my ~2 job|house|home|apartment|wife|husband|partner|kids|everything|mom|dad|mother|father|son|daughter|best_friend|girlfriend|boyfriend
distress loss - - | got|been|was|just|getting ~2 fired|laid_off|dumped|evicted|kicked_out|rejected|expelled
distress loss - - | fired|evicted|dumped|kicked|expelled ~1 me
distress loss - - | broke_up_with_me|left_me|dumped_me|cheated_on_me|divorcing_me|filed_for_divorce
distress loss - - | my ~1 girlfriend|boyfriend|wife|husband|partner|fiance|fiancee ~1 left|walked_out|moved_out|broke_up
distress loss - - | {PERSON3}|dog|cat|pet ~3 died|passed_away
distress loss - - | bankrupt|homeless|in_debt
distress loss - - | ruined ~2 my|everything
distress loss - - | failed ~2 my|the|all|every|again|out
distress hopeless - - | hopeless|pointless|meaningless|helpless|hopelessness
distress hopeless - - | nothing ~2 matters|left
distress hopeless - - | everything ~2 is ~2 wrong|falling_apart|terrible|hopeless|pointless
distress hopeless - - | no|zero|lost|lost_all|without|any ~1 hope
distress hopeless - - | never|not ~3 get|gets|getting|going_to_get|be|going_to_be ~1 better|okay|ok|happy|normal
distress hopeless - - | nothing ~2 will ~2 ever ?ever change|get_better|help|work|improve
distress hopeless - - | no ~1 future
distress hopeless - - | not ~1 have ~1 a|any ~1 future
distress hopeless - - | what is the ~1 use|point $
distress hopeless - - | doomed|no_light|dark_place|darkest_place|rock_bottom|give_up_hope
distress hopeless - - | always ~2 be ~1 like ~1 this
distress hopeless - - | not ~1 worth ~1 it $
distress hopeless - - | going ~1 nowhere
distress hopeless - - | lost_cause|hopeless_case
distress hopeless - - | life ~2 has ~1 no ~1 meaning|purpose|point
distress death - - | not ~2 afraid|scared ~2 to|of ~1 die|dying|death ~1 anymore|any_more
distress death - - | keep|kept ~1 thinking ~2 about ~2 the ~1 high_voltage_lines|power_lines|pylons|tracks|drop|edge|roof|bridge|railway|pills|rope|quarry|cliff|cliffs|reservoir|river|pier|water|sea|lake|crossing
distress death - - | death|dying ~1 does_not|do_not|no_longer ~1 scare|scares|frighten ~1 me
distress exhausted - - | not ~1 want ~1 to ~1 do ~1 this ~1 anymore|any_more|any_longer
distress hopeless - - | not ~1 going_to|gonna ~1 make ~1 it $
distress hopeless - - | is ~1 no ~1 point $
distress hopeless - - | hard|impossible ~2 to ~1 see ~2 the ~1 point
distress hopeless - - | not ~1 sure ~2 i ~2 will ~1 be ~1 ok|okay|alright|fine|around|here
distress hopeless - - | only|keeps|keep|just|always ~1 getting ~1 worse
distress hopeless - - | never ~2 goes|go ~1 away
distress hopeless - - | how ~1 do ~2 you|people|others|you_guys|anyone|yall ~2 keep|find|stay ~2 going|living|alive|the_will|the_strength|a_reason|reasons|motivated
distress hopeless - - | what ~1 keeps ~1 you|people|anyone ~1 going|alive|living
distress hopeless - - | not ~1 see ~1 a|any ~1 future $
distress hopeless - - | never ~2 going_to|gonna|will ~1 change|end|stop|improve|get_any_better
distress hopeless - - | nothing ~2 to ~1 look_forward_to|hope_for|live_for
distress hopeless - - | future ~2 is|looks ~2 bleak|dark|empty|hopeless|pointless
distress hopeless - - | no ~1 light ~3 end ~2 of ~2 tunnel
distress hopeless - - | what|whats ~1 is ~1 the ~1 point ~2 of|in ~2 trying|anything|any_of_this|it_all
distress hopeless - - | no ~1 point ~1 in|of ~1 trying|anything|any_of_this
distress hopeless - - | nothing ~1 ever ~1 works|changes|gets_better
distress hopeless - - | give|given|gave|giving ~1 up ~1 on ~2 everything|myself|life|the_future|getting_better|hope
distress trapped - - | trapped|no_way_out|no_escape|cornered
distress trapped - - | not ~3 see|find ~2 any|a ~1 way_out|way_forward|escape|exit
distress trapped - - | stuck ~3 in ~3 this|cycle|loop|hell|rut|life|place
distress trapped - - | can not ~2 escape|get_out
distress trapped - - | endless|vicious ~2 cycle|loop|nightmare|slog
distress trapped - - | feel|feels|feeling ~2 like ~2 a|in|in_a ~1 prison|cage|trap
distress trapped - - | suffocating|caged|imprisoned
distress trapped - - | no ~1 way ~1 out|forward|to_escape
distress trapped - - | can not ~1 see ~2 a|any ~1 way ~1 forward|out|through
distress trapped - - | nowhere ~2 to ~1 go|turn|run|escape
distress trapped - - | not ~1 know ~2 what ~1 to ~1 do ~1 anymore|any_more
distress trapped - - | living ~1 nightmare|hell
distress trapped - - | this ~1 nightmare|hell ~1 $
distress burden - - | burden|burdens|burdening
distress burden - - | let ~2 them|everyone|everybody|my_family|my_parents|people|you_all|you_guys ~1 down
distress burden - - | disappointment|disgrace
distress burden - - | everyone|everybody|people|those ~2 i ~2 let down|disappointed|failed|hurt
distress burden - - | ruin|ruining|ruined ~2 everyone|everybody|their|people|my_family
distress burden - - | waste ~1 of ~1 space|oxygen|air|skin
distress burden - - | i ~2 ruin|ruined|ruins|destroy|destroyed ~2 everything|everyone|every_relationship|their_lives
distress burden - - | everyone|everybody|they ~3 better|happier ~2 without ~1 me
distress burden - - | i ~2 am ~2 the ~1 problem
distress burden - - | holding ~2 everyone|them|my_family|you_all ~1 back
distress burden - - | drag|dragging ~2 everyone|everybody|them|my_family|people ~1 down
distress burden - - | wish|wished ~3 never ~2 had_me|had_a_child|had_kids
distress selfhate - - | worthless|useless
distress selfhate - - | hate ~2 my ~2 life|self
distress selfhate - - | hate|loathe|despise|detest ~1 myself
distress selfhate - - | hate ~4 about ~1 myself|my_body|my_face
distress selfhate - - | i am ~3 failure|loser|disappointment|fuck_up|fuckup|piece_of_shit|pathetic|disgusting|garbage|trash|mistake|nothing|worthless|useless|unlovable
distress selfhate - - | disgusted ~1 with ~1 myself
distress selfhate - - | ashamed|embarrassed|humiliated ~1 of|by ~1 myself|who_i_am|what_i_have_become
distress selfhate - - | defeated|humiliated|worthlessness|self_hatred|self_loathing|self_hate
distress selfhate - - | i ~2 am ~2 so|such ~1 a ~1 failure|mess|loser|disappointment|joke
distress selfhate - - | i ~2 deserve ~2 nothing|to_suffer|to_be_alone|this|the_pain|to_be_unhappy
distress selfhate - - | i ~1 am ~1 broken|unfixable|beyond_help|beyond_repair
distress selfhate - - | i ~1 can not ~2 do ~1 anything ~1 right
distress selfhate - - | tired|sick ~2 of ~2 being ~1 me|myself
distress exhausted - - | can not ~2 take|cope|handle|bear
distress exhausted - - | falling_apart|fell_apart
distress exhausted - - | give_up|giving_up|gave_up|given_up
distress exhausted - - | do not ~1 want ~1 to ~1 feel ~1 like ~1 this ~1 anymore|any_more|any_longer|forever
distress exhausted - - | so ~1 tired ~2 of ~2 everything|it_all
distress exhausted - - | so|too|really|just|very ~1 tired|exhausted|drained|worn_out
distress exhausted - - | tired ~1 of ~2 trying|fighting|pretending|everything|it_all|being|this|feeling|struggling
distress exhausted - - | i am ~1 so|just|really ~1 done $
distress exhausted - - | done ~1 trying|pretending
distress exhausted - - | end ~1 of ~1 my ~1 rope|tether
distress exhausted - - | breaking_point|at_my_limit
distress exhausted - - | i ~1 can not ~1 anymore|any_more $
distress exhausted - - | can not ~2 keep ~2 going|fighting|trying|pretending|up
distress exhausted - - | nothing ~1 left ~2 in ~1 me|to_give
distress exhausted - - | can not ~2 get ~2 out ~1 of ~1 bed
distress exhausted - - | running ~1 out ~1 of ~1 strength|energy|will|reasons
distress exhausted - - | too ~1 tired ~2 to ~1 keep|go_on|fight|try|care
distress exhausted - - | barely ~2 holding ~1 on|it_together
distress exhausted - - | had ~1 enough $
distress exhausted - - | can not ~2 do ~2 this|it $
distress exhausted - - | can not ~2 keep ~2 doing ~1 this
distress exhausted - - | i ~1 just ~1 can not $
distress exhausted - - | i ~1 am|feel ~1 exhausted|drained|worn_out|burnt_out|burned_out
distress exhausted - - | spiraling|spiralling ~1 again|down|out_of_control
distress exhausted - - | it_is|this_is|it_all_is|it_is_all|everything_is ~2 too_much $
distress exhausted - - | can not ~2 stand|bear ~2 this|it|the|my ~2 anymore|any_longer|one_more
distress alone - - | no_one|nobody|noone ~2 cares|loves|likes|understands|wants|notices|gives ~2 me|about_me|a_fuck|a_shit|a_damn
distress alone - - | all|so|completely|totally ~1 alone
distress alone - - | lonely|loneliness|isolated
distress alone - - | everyone|everybody|people ~1 hates|hate ~1 me
distress alone - - | i ~1 have ~1 no ~1 one|friends|family|support|body
distress alone - - | not ~1 have ~1 anyone|anybody|any_friends|a_single_friend
distress alone - - | abandoned|unloved|unwanted|outcast
distress alone - - | no_one|nobody|noone ~2 would ~2 notice|miss_me|care
distress alone - - | not ~2 fit ~1 in ~2 anywhere
distress alone - - | i ~2 am|feel|felt ?so|very|completely|totally|all alone $
distress alone - - | i ~1 am ~1 alone ~2 in ~2 this|the_world
distress alone - - | no ~1 friends|one_to_talk_to|support
distress alone - - | nobody|no_one|noone ~2 knows|know|notices|notice|remembers ~2 i ~1 exist|even_exist|am_alive|am_here
distress death - - | my ~1 death|funeral|grave|obituary
distress death - - | when|if ~1 i ~2 die|died|am_dead|was_dead|were_dead|am_gone|was_gone|were_gone
distress death - - | afterlife|after_life
distress death - - | how ~2 death|dying ~1 is|feels|would_feel|would_be ~1 like
distress death - - | i ~1 will ~2 finally|soon ~1 find|be_at|have ~1 peace|rest|relief
distress death - - | i ~1 will ~1 find|be_at ~1 peace|relief $
distress death - - | finally ~2 be ~1 at ~1 peace|rest|free
distress death - - | soon ~3 i ~1 will ~2 find|be_at|have ~1 peace|rest
distress death - - | where|what ~3 go|goes|happens ~3 when|after ~2 we|i|you ~1 die|are_dead|am_dead
distress death - - | care|cares|notice|notices|matter|matters ~3 until|till ~1 you|i ~1 die|am_dead|are_dead|are_gone|am_gone|kill_yourself|kill_myself
distress death - - | what ~3 death|dying ~2 is|feels|would_feel|would_be ~1 like
distress death - - | think|thinking|thought ~2 about|of ~2 death|dying|my_own_death
distress death - - | i ~2 am ~2 dead_inside|already_dead|a_walking_corpse|a_ghost
distress death - - | when ~1 i ~2 am ~1 gone|dead
distress death - - | when ~2 i ~1 am ~1 not ~1 here|around ~1 anymore
distress death - - | if ~1 i ~2 was|were|am ~1 not ~1 here|around
distress pain - - | in ~2 so_much|too_much|constant|unbearable ~2 pain
distress pain - - | suffering|unbearable|agony|torture|torment|tormented
distress pain - - | can not ~1 stop ~1 crying
distress pain - - | life|living|existence|existing ~1 is ~2 pain|suffering|hell|torture|agony
distress pain - - | bear ~2 this|the ~1 pain
distress pain - - | hurt|hurts ~1 so_much|too_much|so_bad
distress pain - - | crying ~2 too_much|so_much|all_the_time|constantly|every_day|every_night|all_day|all_night|on_and_off|for_hours|nonstop
distress pain - - | emotional ~1 pain|agony
distress pain - - | hurting ~1 so_much|so_bad|inside
distress pain - - | broken ~1 inside
distress pain - - | pain ~2 is ~2 too_much|unbearable|never_ending|constant|overwhelming
distress pain - - | cry|crying|cried ~2 myself ~2 to_sleep
distress pain - - | cry|crying ~3 every ~1 night|day
distress mood - - | depressed|depression|miserable|devastated|heartbroken|desperate|despair|numb
distress mood - - | empty $|inside|shell|husk
distress mood - - | so|completely|totally|just|really|utterly ~1 empty ~1 $|inside|all_the_time|lately|and_numb|and_alone
distress mood - - | want|wanted ~2 to ~2 hurt myself
distress mood - - | sad|empty|numb|hollow ~1 all_the_time|inside|every_day
distress mood - - | anhedonia|joyless|dead_inside
distress mood - - | everything|life|things|it_all ~2 feels|feel|seems|felt|has_felt|has_been_feeling ~2 grey|gray|colourless|colorless|flat
distress alone - - | do_not|does_not|stopped|can_not ~1 reply|replying|answer|answering|respond|responding ~1 to ~1 anyone|anybody|messages|texts|my_friends|people
distress mood - - | i ~1 am|feel|felt|feeling ~2 sad|down|low|awful|horrible|terrible|lost|unhappy|like_shit|like_crap|like_garbage|so_bad|like_a_shell|empty|hollow
distress mood - - | i ~2 am ~1 dying ~1 inside
distress mood - - | i ~2 have ~1 been ~2 so|really|very|feeling|pretty ~1 low|down|sad|depressed|awful|miserable|hopeless|flat
distress hopeless - - | why ~2 bother|try ~1 $
distress hopeless - - | nothing ~2 helps|works|is_working
distress hopeless - - | tried ~2 everything
distress trapped - - | i ~1 am|feel|felt|feeling ~2 stuck $
distress trapped - - | i ~1 am|feel|felt|feeling ~2 stuck ~1 in_life|in_this|in_my_life|forever|in_a_rut|in_this_hell|in_this_body
distress trapped - - | have ~1 no ~1 options|choices|choice|other_choice|other_option|way_out
distress selfhate - - | i ~1 hate ~1 who ~1 i ~1 am|have_become
distress selfhate - - | hate ~1 everything ~2 about ~1 me|myself
distress selfhate - - | i ~2 am|feel ~1 so ~1 ugly|gross|disgusting|pathetic|worthless
distress selfhate - - | i ~2 suck ~1 at ~1 everything|life
distress selfhate - - | i ~1 am ~1 not ~1 good ~1 enough
distress exhausted - - | i ~2 am|feel|felt ~1 so|completely|totally ?overwhelmed overwhelmed
distress exhausted - - | no ~1 energy|motivation|will|strength ~2 left|to_do_anything|to_get_up|to_keep_going|anymore
distress alone - - | i ~1 have ~1 nobody
distress alone - - | everyone|everybody|all_my_friends ~2 left|leaves|abandoned|ignores|ignore ~1 me
distress pain - - | the ~1 pain ~2 never ~1 stops|ends|goes_away|leaves
distress pain - - | crying ~2 again|for_hours|all_night|all_day
distress farewell - - | goodbye ~1 everyone|all|world|guys|friends|reddit
distress farewell - - | sorry ~2 to ~1 everyone|everybody|all_of_you|my_family|my_parents|my_mom|my_dad
distress farewell - - | i am ~1 sorry ~1 for ~1 everything
distress farewell - - | delaying ~2 the ~1 inevitable
distress farewell - - | last ~1 time ~2 i ~1 will|am_going_to|get_to ~2 feel|see|write|talk|hear|wake
distress farewell - - | one ~1 last ~2 conversation|talk|chat|goodbye|post|message
distress farewell - - | not ~2 want ~2 to ~1 be ~1 talked|convinced ~1 out ~1 of ~1 it
distress farewell - - | tell ~3 i ~2 love ~2 them|her|him
)LEX";


std::string expand_macros(const std::string& pattern) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        std::string name = pattern.substr(i + 1, close - i - 1);
        auto it = macros().find(name);
        if (it == macros().end()) {
          std::fprintf(stderr, "haven: safety lexicon: unknown word class {%s}\n", name.c_str());
          std::abort();
        }
        out += it->second;
        i = close + 1;
        continue;
      }
    }
    out.push_back(pattern[i++]);
  }
  return out;
}

[[noreturn]] void bad_rule(std::string_view line, const std::string& why) {
  std::fprintf(stderr, "haven: safety lexicon: %s in rule '%.*s'\n", why.c_str(), static_cast<int>(line.size()),
               line.data());
  std::abort();
}

RuleKind parse_kind(std::string_view s, std::string_view line) {
  static const std::map<std::string_view, RuleKind> kinds = {
      {"risk", RuleKind::kRisk},         {"other", RuleKind::kOtherPerson}, {"idiom", RuleKind::kIdiom},
      {"means", RuleKind::kMeans},       {"distress", RuleKind::kDistress}, {"method", RuleKind::kMethod},
      {"prep", RuleKind::kPrep},         {"timing", RuleKind::kTiming},     {"past", RuleKind::kPast},
      {"resolved", RuleKind::kResolved}, {"fiction", RuleKind::kFiction},   {"topic", RuleKind::kTopic},
      {"sleep", RuleKind::kSleepLoss},   {"grand", RuleKind::kGrandiose},   {"compulsion", RuleKind::kCompulsion},
      {"context", RuleKind::kContext},   {"present", RuleKind::kPresent},   {"ending", RuleKind::kEnding},
      {"relief", RuleKind::kRelief},     {"purpose", RuleKind::kPurpose},
  };
  auto it = kinds.find(s);
  if (it == kinds.end()) bad_rule(line, "expected a rule kind, found '" + std::string(s) + "'");
  return it->second;
}

Distress parse_distress(std::string_view s, std::string_view line) {
  static const std::map<std::string_view, Distress> kinds = {
      {"loss", Distress::kLoss},         {"mood", Distress::kMood},     {"hopeless", Distress::kHopeless},
      {"trapped", Distress::kTrapped},   {"burden", Distress::kBurden}, {"selfhate", Distress::kSelfHate},
      {"exhausted", Distress::kExhausted}, {"alone", Distress::kAlone}, {"death", Distress::kDeath},
      {"pain", Distress::kPain},         {"farewell", Distress::kFarewell},
  };
  auto it = kinds.find(s);
  if (it == kinds.end()) bad_rule(line, "expected a kind of distress, found '" + std::string(s) + "'");
  return it->second;
}

bool names_writer(const std::string& expanded) {
  // Any alternative of any element naming the writer anchors the pattern to the writer.
  size_t i = 0;
  while (i < expanded.size()) {
    size_t j = i;
    while (j < expanded.size() && expanded[j] != ' ' && expanded[j] != '|' && expanded[j] != '_') ++j;
    std::string w = expanded.substr(i, j - i);
    if (!w.empty() && w[0] == '?') w.erase(0, 1);
    if (w == "i" || w == "me" || w == "my" || w == "myself" || w == "mine") return true;
    i = j + 1;
  }
  return false;
}

bool names_negation(const std::string& expanded) {
  size_t i = 0;
  while (i < expanded.size()) {
    size_t j = i;
    while (j < expanded.size() && expanded[j] != ' ' && expanded[j] != '|' && expanded[j] != '_') ++j;
    std::string w = expanded.substr(i, j - i);
    if (!w.empty() && w[0] == '?') w.erase(0, 1);
    if (w == "not" || w == "never" || w == "no" || w == "nor" || w == "without" || w == "nothing" ||
        w == "nobody" || w == "noone" || w == "zero")
      return true;
    i = j + 1;
  }
  return false;
}

Lexicon build() {
  Lexicon lex;
  size_t pos = 0;
  while (pos < kTable.size()) {
    size_t nl = kTable.find('\n', pos);
    if (nl == std::string_view::npos) nl = kTable.size();
    std::string_view line = kTable.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t bar = line.find(" | ");
    if (bar == std::string_view::npos) bad_rule(line, "expected ' | ' between the header and the pattern");
    std::string_view head = line.substr(0, bar);
    std::string pattern(line.substr(bar + 3));
    std::string_view fields[4];
    size_t nf = 0, a = 0;
    while (a < head.size() && nf < 4) {
      size_t b = head.find(' ', a);
      if (b == std::string_view::npos) b = head.size();
      fields[nf++] = head.substr(a, b - a);
      a = b + 1;
    }
    if (nf != 4) bad_rule(line, "expected 'kind category level flags'");
    Rule rule;
    rule.kind = parse_kind(fields[0], line);
    if (rule.kind == RuleKind::kDistress) {
      // For distress rules the category column names the kind of distress (lexicon.h).
      rule.distress = parse_distress(fields[1], line);
    } else if (fields[1] != "-") {
      auto c = category_from_name(fields[1]);
      if (!c) bad_rule(line, "expected a category, found '" + std::string(fields[1]) + "'");
      rule.category = *c;
    }
    if (fields[2] != "-") {
      auto l = level_from_name(fields[2]);
      if (!l) bad_rule(line, "expected a level, found '" + std::string(fields[2]) + "'");
      rule.level = *l;
    }
    for (char f : fields[3]) {
      if (f == 'b') rule.flags |= kFlagBehaviour;
      else if (f == 'p') rule.flags |= kFlagPresent;
      else if (f == 'o') rule.flags |= kFlagOverIdiom;
      else if (f == 'f') rule.flags |= kFlagFarewell;
      else if (f == 'r') rule.flags |= kFlagRecent;
      else if (f == 'w') rule.flags |= kFlagDoneToWriter;
      else if (f == 'd') rule.flags |= kFlagDecision;
      else if (f == 'a') rule.flags |= kFlagAcquired;
      else if (f != '-') bad_rule(line, std::string("expected flags from 'bpofrwda-', found '") + f + "'");
    }
    rule.pattern = expand_macros(pattern);
    rule.self_anchored = names_writer(rule.pattern);
    rule.has_negator = names_negation(rule.pattern);
    std::string error;
    size_t id = lex.matcher.add(rule.pattern, &error);
    if (id == SIZE_MAX) bad_rule(line, error);
    lex.rules.push_back(std::move(rule));
  }
  return lex;
}

}  // namespace

const Lexicon& lexicon() {
  static const Lexicon lex = build();
  return lex;
}

}  // namespace haven::safety::risk
