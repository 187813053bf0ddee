#include "companion/session/companion_session.h"

#include <gtest/gtest.h>

#include "backend/openai/openai_backend.h"
#include "support/scripted_model_server.h"
#include "support/temp_dir.h"
#include "vault/vault.h"

namespace haven::companion {
namespace {

constexpr const char* kProposal =
    "Summary: They talked about a hard week on night shifts.\n"
    "fact: Works night shifts as a nurse\n"
    "try: A ten-minute walk after each shift\n";

std::string scripted(const test::ScriptedRequest& r) {
  if (r.last_user().find("The session is ending.") != std::string::npos) return kProposal;
  return "That sounds tiring. What helps you wind down?";
}

class CompanionSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    vault::VaultOptions options;
    options.kdf = vault::test_kdf();
    options.harden_process = false;
    auto created = vault::Vault::create(dir_.file("vault"), "pass phrase", false, options);
    ASSERT_TRUE(created.is_ok()) << created.status().message();
    vault_ = std::move(created->vault);
    backend::ServerOptions server_options;
    server_options.url = server_.url();
    auto made = backend::make_openai_backend(server_options);
    ASSERT_TRUE(made.is_ok());
    backend_ = std::move(made).value();
  }
  ConversationSettings settings() {
    ConversationSettings s;
    s.country = "GB";
    return s;
  }

  test::TempDir dir_;
  test::ScriptedModelServer server_{scripted};
  std::unique_ptr<vault::Vault> vault_;
  std::unique_ptr<backend::Backend> backend_;
};

TEST_F(CompanionSessionTest, AcceptedMemoryReachesTheNextSessionsPrompt) {
  auto session = CompanionSession::start(vault_.get(), backend_.get(), settings(), 1000);
  ASSERT_TRUE(session.is_ok()) << session.status().message();
  TurnEvents quiet;
  ASSERT_TRUE((*session)->user_turn("Night shifts are wearing me down.", quiet, nullptr, 1001).is_ok());
  auto proposal = (*session)->propose_memory(false, nullptr);
  ASSERT_TRUE(proposal.is_ok()) << proposal.status().message();
  ASSERT_EQ(proposal->items.size(), 2u);
  ASSERT_TRUE((*session)->accept_memory(proposal->items, proposal->summary, 1002).is_ok());
  ASSERT_TRUE((*session)->end(1003).is_ok());
  int64_t first_id = (*session)->id();

  auto next = CompanionSession::start(vault_.get(), backend_.get(), settings(), 2000);
  ASSERT_TRUE(next.is_ok());
  ASSERT_TRUE((*next)->user_turn("Back again.", quiet, nullptr, 2001).is_ok());
  std::string system = server_.requests().back().system();
  EXPECT_NE(system.find("Works night shifts as a nurse"), std::string::npos) << system;
  EXPECT_NE(system.find("A ten-minute walk after each shift"), std::string::npos);

  auto stored = (*next)->store().load_session(first_id);
  ASSERT_TRUE(stored.is_ok());
  EXPECT_EQ(stored->summary, "They talked about a hard week on night shifts.");
  EXPECT_EQ(stored->ended_ms, 1003);
  EXPECT_EQ(stored->turns.size(), 2u);
}

TEST_F(CompanionSessionTest, ElevatedTurnsStayOutOfTheMemoryRequestUnlessChosen) {
  auto session = CompanionSession::start(vault_.get(), backend_.get(), settings(), 1000);
  ASSERT_TRUE(session.is_ok());
  TurnEvents quiet;
  ASSERT_TRUE((*session)->user_turn("My garden is finally growing tomatoes.", quiet, nullptr, 1001).is_ok());
  ASSERT_TRUE((*session)->user_turn("Sometimes I wish I could go to sleep and never wake up.", quiet, nullptr, 1002)
                  .is_ok());
  EXPECT_TRUE((*session)->had_elevated_turns());
  ASSERT_TRUE((*session)->propose_memory(false, nullptr).is_ok());
  auto request = server_.requests().back();
  EXPECT_NE(request.body.find("tomatoes"), std::string::npos);
  EXPECT_EQ(request.body.find("never wake up"), std::string::npos) << "an elevated turn was sent for memory";
  ASSERT_TRUE((*session)->propose_memory(true, nullptr).is_ok());
  EXPECT_NE(server_.requests().back().body.find("never wake up"), std::string::npos);
}

TEST_F(CompanionSessionTest, EveryTurnIsStoredEncryptedBeforeTheCallReturns) {
  auto session = CompanionSession::start(vault_.get(), backend_.get(), settings(), 1000);
  ASSERT_TRUE(session.is_ok());
  TurnEvents quiet;
  ASSERT_TRUE((*session)->user_turn("UNIQUE-MARKER-7731 about my week", quiet, nullptr, 1001).is_ok());
  auto stored = (*session)->store().load_session((*session)->id());
  ASSERT_TRUE(stored.is_ok());
  ASSERT_EQ(stored->turns.size(), 2u);
  EXPECT_EQ(stored->turns[0].content, "UNIQUE-MARKER-7731 about my week");
}

}  // namespace
}  // namespace haven::companion

namespace haven::companion {
namespace {

TEST_F(CompanionSessionTest, ABreakReminderComesAfterTwentyFiveMinutesAndOnlyOnce) {
  auto session = CompanionSession::start(vault_.get(), backend_.get(), settings(), 0);
  ASSERT_TRUE(session.is_ok());
  TurnEvents quiet;
  auto early = (*session)->user_turn("Just writing a bit about the day.", quiet, nullptr, 60'000);
  ASSERT_TRUE(early.is_ok());
  bool break_early = false;
  for (const auto& n : early->nudges) break_early |= n.find("break") != std::string::npos;
  EXPECT_FALSE(break_early);
  auto late = (*session)->user_turn("Still writing about the day.", quiet, nullptr, 26 * 60'000);
  ASSERT_TRUE(late.is_ok());
  ASSERT_FALSE(late->nudges.empty());
  auto again = (*session)->user_turn("And a little more.", quiet, nullptr, 27 * 60'000);
  ASSERT_TRUE(again.is_ok());
  EXPECT_LT(again->nudges.size(), late->nudges.size() + 1);
  for (const auto& n : again->nudges) EXPECT_NE(n, late->nudges.front()) << "the same nudge twice in a row";
}

}  // namespace
}  // namespace haven::companion

namespace haven::companion {
namespace {

TEST_F(CompanionSessionTest, PrivateTextIsCheckedWithoutEnteringTheConversation) {
  auto session = CompanionSession::start(vault_.get(), backend_.get(), settings(), 1000);
  ASSERT_TRUE(session.is_ok());
  EXPECT_EQ((*session)->check_private_text("Planted bulbs with my niece today.", 1001), "");
  std::string response = (*session)->check_private_text("I want to kill myself tonight, I have the pills ready.", 1002);
  EXPECT_NE(response.find("116 123"), std::string::npos) << response;  // Samaritans, from the GB setting
  EXPECT_TRUE((*session)->had_elevated_turns());
  for (const auto& t : (*session)->conversation().turns()) {
    EXPECT_EQ(t.content.find("pills ready"), std::string::npos) << "the private text entered the conversation";
  }
}

}  // namespace
}  // namespace haven::companion
