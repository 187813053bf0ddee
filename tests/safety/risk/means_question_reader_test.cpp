// The means question reader: its table decodes and keeps the promise its threshold was set by, and in the
// assessor it turns distress into a crisis interrupt only with a question that could serve as means, not
// with an ordinary question, and never alone.
#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

#include "labelled_texts_test_helpers.h"
#include "risk_test_helpers.h"
#include "safety/risk/assessor.h"
#include "safety/risk/means_question_reader.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {
namespace {

TEST(ShippedMeansQuestionReader, KeepsItsValidationPromise) {
  const ContextEnsemble& reader = shipped_means_question_reader();
  ASSERT_EQ(reader.members.size(), kContextMembers)
      << "the shipped table did not decode: regenerate it with haven safety train-ideation --model means-question";
  ASSERT_LT(reader.threshold, 1.0f);
  const std::vector<LabelledText> validation =
      test::read_labelled_texts(test::files_starting("means_question", "validation"));
  ASSERT_GT(validation.size(), 200u);
  // As the trainer counts: the message's question sentences, when they are long enough to be read. Recall
  // was 0.702 when it was trained (eleventh session, eight validation files).
  test::expect_validation_promise(
      validation,
      [&](const std::string& text) -> std::optional<bool> {
        const std::string asked = question_text(text);
        if (!ideation_reads(asked, kContextMinWords)) return std::nullopt;
        return score_context(text::tokenize(asked), reader).fires;
      },
      kMeansQuestionMaxValidationFalsePositiveRate, 0.66);
}

TEST(MeansQuestionReader, ReadsOnlyWhatAMessageAsks) {
  const auto tokens = text::tokenize("My family would be happier if I was gone. Anyway how tall is the tower");
  const std::vector<text::Token> asked = question_sentences(tokens);
  ASSERT_FALSE(asked.empty());
  EXPECT_EQ(asked.front().text, "anyway");
  EXPECT_EQ(question_text("My family would be happier if I was gone. Is the roof open at night?"),
            "Is the roof open at night?");
  EXPECT_EQ(question_text("My family would be happier if I was gone."), "");
  // A clause after a comma that asks, with a wh-word or an auxiliary and a pronoun; only that clause.
  EXPECT_EQ(question_text("the strong stuff they use on the farm, can you buy that in town"),
            "can you buy that in town");
  EXPECT_EQ(question_text("been a long week, how far is the drive to the coast"), "how far is the drive to the coast");
  EXPECT_EQ(question_text("I went home, did my homework and slept."), "");
  EXPECT_FALSE(read_means_question(text::tokenize("My family would be happier if I was gone.")).fires);
}

// A conversation whose first message already asks for a check-in, then the question.
std::vector<ChatMessage> after_a_check_in(const char* question) {
  return risk_test::chat({{"user", "honestly I don't want to be here anymore"},
                          {"assistant", "I'm sorry it feels that way. I'm here."},
                          {"user", question}});
}

TEST(MeansQuestionReaderInAssessor, AMeansQuestionAfterACheckInIsHigh) {
  ASSERT_EQ(risk_test::sh(assess_conversation(risk_test::chat({{"user", "honestly I don't want to be here anymore"}}))),
            Level::kModerate);
  size_t high = 0;
  for (const char* q : {"does the last ferry of the night have anyone checking the back deck",
                        "which of the footbridges over the bypass are the quietest after dark"}) {
    const Assessment a = assess_conversation(after_a_check_in(q));
    // Found by the reader or, since the tenth session, by the question's topic (means_topics.h).
    if (a.level_of(Category::kSuicide) == Level::kHigh &&
        (a.reason.find("means question reader") != std::string::npos ||
         a.reason.find("a question about a means") != std::string::npos))
      ++high;
    EXPECT_LT(assess_text(q).level, Level::kModerate) << q;  // alone, a question
  }
  EXPECT_EQ(high, 2u);
}

TEST(MeansQuestionReaderInAssessor, OrdinaryQuestionsAfterACheckInStayACheckIn) {
  for (const char* q : {"what time does the supermarket close on sundays",
                        "how do people cope with the first christmas after losing someone",
                        "what should i cook tonight that's easy", "when does the library open on saturday"}) {
    const Assessment a = assess_conversation(after_a_check_in(q));
    EXPECT_LT(a.level_of(Category::kSuicide), Level::kHigh) << q << " -> " << a.reason;
  }
}

// Low mood without a check-in: the reader counts at kMeansQuestionAfterDistressProbability, and ordinary
// questions never reach it.
TEST(MeansQuestionReaderInAssessor, AfterDistressAloneOrdinaryQuestionsNeverReachIt) {
  const float bar = std::min(shipped_means_question_reader().threshold, kMeansQuestionAfterDistressProbability);
  for (const char* q : {"what time does the supermarket close on sundays", "how long is the drive from leeds to york",
                        "is there a pharmacy open late near the station", "how much does a dog walker cost"}) {
    const Assessment a = assess_conversation(
        risk_test::chat({{"user", "I have been feeling really low since the funeral"},
                         {"assistant", "I'm so sorry. Grief can be so heavy."},
                         {"user", q}}));
    EXPECT_FALSE(read_means_question_at(text::tokenize(q), bar).fires) << q;
    EXPECT_LT(risk_test::sh(a), Level::kHigh) << q << " -> " << a.reason;
  }
  // A question the reader reads at the bar, after the same distress, is means-seeking: high.
  const char* means = "does the last ferry of the night have anyone checking the back deck";
  const Assessment a = assess_conversation(risk_test::chat({{"user", "I have been feeling really low since the funeral"},
                                                            {"assistant", "I'm so sorry. Grief can be so heavy."},
                                                            {"user", means}}));
  EXPECT_TRUE(read_means_question_at(text::tokenize(means), bar).fires);
  EXPECT_EQ(risk_test::sh(a), Level::kHigh) << a.reason;
}

// read_means_question_at reads as read_means_question does, at another bar.
TEST(MeansQuestionReader, ReadingAtABarFiresAtThatBar) {
  const auto tokens = text::tokenize("does the last ferry of the night have anyone checking the back deck");
  const ContextResult at_threshold = read_means_question(tokens);
  const ContextResult full = score_context(question_sentences(tokens), shipped_means_question_reader());
  EXPECT_EQ(at_threshold.fires, full.probability >= shipped_means_question_reader().threshold);
  EXPECT_TRUE(read_means_question_at(tokens, full.probability - 0.01f).fires);
  EXPECT_FALSE(read_means_question_at(tokens, std::min(1.0f, full.probability + 0.01f)).fires);
  EXPECT_FALSE(read_means_question_at(text::tokenize("My family would be happier if I was gone."), 0.0f).fires);
}

}  // namespace
}  // namespace haven::safety::risk
