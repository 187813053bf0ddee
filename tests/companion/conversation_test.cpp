#include "companion/conversation/conversation.h"

#include <gtest/gtest.h>

#include "backend/openai/openai_backend.h"
#include "support/scripted_model_server.h"

namespace haven::companion {
namespace {

struct Shown {
  std::vector<std::string> events;  // "haven:<text>", "thinking", "reply:<text>", "withdrawn"
  std::string reply;
  TurnEvents callbacks() {
    TurnEvents e;
    e.on_haven_text = [this](std::string_view t) { events.push_back("haven:" + std::string(t)); };
    e.on_thinking = [this] { events.push_back("thinking"); };
    e.on_reply_text = [this](std::string_view t) {
      events.push_back("reply:" + std::string(t));
      reply += t;
      return true;
    };
    e.on_reply_withdrawn = [this] { events.push_back("withdrawn"); };
    return e;
  }
};

std::unique_ptr<backend::Backend> backend_for(const test::ScriptedModelServer& server) {
  backend::ServerOptions options;
  options.url = server.url();
  auto made = backend::make_openai_backend(options);
  EXPECT_TRUE(made.is_ok()) << made.status().message();
  return std::move(made).value();
}

ConversationSettings us_settings() {
  ConversationSettings s;
  s.country = "US";
  return s;
}

TEST(ConversationTest, AnOrdinaryTurnIsScreenedShownAndKept) {
  test::ScriptedModelServer server([](const test::ScriptedRequest&) {
    return std::string("That sounds like a long day. What part of it is staying with you?");
  });
  auto backend = backend_for(server);
  Conversation conversation(backend.get(), us_settings());
  Shown shown;
  auto result = conversation.user_turn("Work was exhausting today and my manager ignored my idea.",
                                       shown.callbacks(), nullptr, 1000);
  ASSERT_TRUE(result.is_ok());
  EXPECT_TRUE(result->backend_status.is_ok()) << result->backend_status.message();
  EXPECT_EQ(shown.reply, "That sounds like a long day. What part of it is staying with you?");
  EXPECT_EQ(result->reply, shown.reply);
  ASSERT_EQ(conversation.turns().size(), 2u);
  EXPECT_EQ(conversation.turns()[1].author, TurnAuthor::kModel);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(requests[0].system().find("not a therapist"), std::string::npos);
  EXPECT_EQ(requests[0].last_user(), "Work was exhausting today and my manager ignored my idea.");
}

TEST(ConversationTest, ACrisisMessageGetsTheFixedResponseBeforeAnyModelTextAndMeansAreNeverShown) {
  // A model that tries to answer the means question whatever it is told.
  test::ScriptedModelServer server([](const test::ScriptedRequest&) {
    return std::string("The Golden Gate Bridge is about 67 meters above the water. The George Washington "
                       "Bridge is 65 meters high.");
  });
  auto backend = backend_for(server);
  Conversation conversation(backend.get(), us_settings());
  Shown first;
  ASSERT_TRUE(conversation.user_turn("I had a rough week.", first.callbacks(), nullptr, 1000).is_ok());
  Shown shown;
  auto result = conversation.user_turn(
      "I just lost my job. What are the bridges taller than 25 meters in NYC?", shown.callbacks(), nullptr, 2000);
  ASSERT_TRUE(result.is_ok());
  EXPECT_TRUE(safety::is_crisis_interrupt(result->assessment.level));
  ASSERT_FALSE(shown.events.empty());
  EXPECT_EQ(shown.events.front().rfind("haven:", 0), 0u) << "the fixed response comes first";
  EXPECT_NE(shown.events.front().find("988"), std::string::npos) << shown.events.front();
  for (const auto& e : shown.events) {
    EXPECT_EQ(e.find("67 meters"), std::string::npos) << e;
    EXPECT_EQ(e.find("65 meters"), std::string::npos) << e;
  }
  EXPECT_TRUE(result->reply_replaced);
  EXPECT_TRUE(result->regenerated);
  EXPECT_EQ(result->reply.find("meters"), std::string::npos);
  // The model was steered: its instructions carried the safety rules for this turn.
  auto requests = server.requests();
  ASSERT_GE(requests.size(), 2u);
  EXPECT_GT(requests.back().system().size(), requests.front().system().size());
}

TEST(ConversationTest, TheGentleCheckInIsAskedOnceNotEveryTurn) {
  test::ScriptedModelServer server([](const test::ScriptedRequest&) {
    return std::string("I'm here with you. What has today been like?");
  });
  auto backend = backend_for(server);
  Conversation conversation(backend.get(), us_settings());
  auto haven_lines = [](const Shown& s) {
    int n = 0;
    for (const auto& e : s.events) n += e.rfind("haven:", 0) == 0 && e.find("thoughts of ending your life") != std::string::npos;
    return n;
  };
  Shown first;
  ASSERT_TRUE(conversation.user_turn("I just want to stop existing.", first.callbacks(), nullptr, 1000).is_ok());
  EXPECT_EQ(haven_lines(first), 1);
  // Risk does not reset, and the model stays steered, but Haven does not ask the same question again.
  Shown second;
  auto r = conversation.user_turn("It's been like this for a while, work and everything.", second.callbacks(),
                                  nullptr, 2000);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->decision.kind, safety::policy::ResponseKind::kCheckIn);
  EXPECT_EQ(haven_lines(second), 0);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_NE(requests[1].system().find("one gentle question"), std::string::npos);
}

TEST(ConversationTest, AReplyThatFailsScreeningOnceIsRegeneratedWithACorrection) {
  int calls = 0;
  test::ScriptedModelServer server([&calls](const test::ScriptedRequest&) {
    return ++calls == 1 ? std::string("It sounds like you have bipolar disorder.")
                        : std::string("Those swings sound hard to live with. When did you first notice them?");
  });
  auto backend = backend_for(server);
  Conversation conversation(backend.get(), us_settings());
  Shown shown;
  auto result = conversation.user_turn("My moods swing a lot from week to week.", shown.callbacks(), nullptr, 1000);
  ASSERT_TRUE(result.is_ok());
  EXPECT_TRUE(result->regenerated);
  EXPECT_FALSE(result->reply_replaced);
  EXPECT_EQ(result->reply, "Those swings sound hard to live with. When did you first notice them?");
  EXPECT_EQ(shown.reply.find("bipolar"), std::string::npos);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_NE(requests[1].system(), requests[0].system()) << "the second request carries a corrective instruction";
}

TEST(ConversationTest, AServerThatIsDownLeavesAUsableSession) {
  backend::ServerOptions options;
  options.url = "http://127.0.0.1:1";
  options.timeouts.connect = std::chrono::milliseconds(500);
  auto made = backend::make_openai_backend(options);
  ASSERT_TRUE(made.is_ok());
  Conversation conversation(made->get(), us_settings());
  Shown shown;
  auto result = conversation.user_turn("hello", shown.callbacks(), nullptr, 1000);
  ASSERT_TRUE(result.is_ok());
  EXPECT_FALSE(result->backend_status.is_ok());
  EXPECT_EQ(conversation.turns().size(), 1u) << "the user's message is kept";
  EXPECT_FALSE(conversation.user_turn("\xFF", shown.callbacks(), nullptr, 1000).is_ok());
  EXPECT_EQ(conversation.turns().size(), 1u) << "invalid text changes nothing";
}

TEST(ConversationTest, TurnsThatOutgrowTheContextAreSummarisedNotDropped) {
  test::ScriptedModelServer server([](const test::ScriptedRequest& r) {
    if (r.system().find("You summarise part of a journaling conversation") != std::string::npos) {
      return std::string("SUMMARY-MARKER: they talked about their garden.");
    }
    return std::string("I hear you. What would help right now?");
  });
  auto backend = backend_for(server);
  ConversationSettings settings = us_settings();
  settings.budget = {1200, 200};
  Conversation conversation(backend.get(), settings);
  Shown shown;
  for (int i = 0; i < 12; ++i) {
    std::string text = "Entry " + std::to_string(i) + ": today I watered the tomatoes and thought about how "
                       "slowly things grow, and how patient I need to be with myself these days.";
    ASSERT_TRUE(conversation.user_turn(text, shown.callbacks(), nullptr, 1000 + i).is_ok());
  }
  EXPECT_NE(conversation.earlier_summary().find("SUMMARY-MARKER"), std::string::npos);
  auto requests = server.requests();
  EXPECT_NE(requests.back().system().find("SUMMARY-MARKER"), std::string::npos);
}

}  // namespace
}  // namespace haven::companion
