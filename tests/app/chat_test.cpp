// haven chat end to end: the real binary, a real encrypted vault, a scripted model server on
// 127.0.0.1 (standing in for a trained model) and a model made by `haven dev make-model`.
#include <gtest/gtest.h>

#include "support/process.h"
#include "support/scripted_model_server.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

class ChatTest : public ::testing::Test {
 protected:
  test::ProcessOptions env(std::string stdin_text = "", std::string lang = "en_US.UTF-8") {
    test::ProcessOptions o;
    o.stdin_text = std::move(stdin_text);
    o.env = {{"HAVEN_PASSPHRASE", "a long test passphrase"}, {"HAVEN_KDF_PROFILE", "test"},
             {"HOME", home_.path()},       {"XDG_DATA_HOME", home_.file("data")},
             {"LANG", lang},               {"TMPDIR", home_.path()}};
    o.unset_env = {"LC_ALL", "LC_MESSAGES"};
    return o;
  }
  std::vector<std::string> args(std::vector<std::string> rest) {
    std::vector<std::string> a = {"--vault", home_.file("vault")};
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
  }
  void SetUp() override {
    auto r = test::run_haven(args({"init"}), env("n\n"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  test::TempDir home_;
};

TEST_F(ChatTest, WithoutAModelItExplainsHowToSetOneUp) {
  auto r = test::run_haven(args({"chat"}), env("hello\n"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("haven config set model"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos);
}

TEST_F(ChatTest, APipedChatIsAnsweredStoredAndCanBeReadBack) {
  test::ScriptedModelServer server([](const test::ScriptedRequest&) {
    return std::string("That sounds like a lot to carry. What part weighs most?");
  });
  auto r = test::run_haven(args({"chat", "--server", server.url()}),
                           env("Work has been piling up and I can't sleep.\n"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("That sounds like a lot to carry. What part weighs most?"), std::string::npos) << r.out;
  auto list = test::run_haven(args({"session", "list"}), env());
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("1 "), std::string::npos) << list.out;
  auto show = test::run_haven(args({"session", "show", "1"}), env());
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Work has been piling up"), std::string::npos);
  EXPECT_NE(show.out.find("What part weighs most?"), std::string::npos);
  // Deleting it removes it.
  ASSERT_EQ(test::run_haven(args({"session", "delete", "1"}), env()).exit_code, 0);
  EXPECT_NE(test::run_haven(args({"session", "show", "1"}), env()).exit_code, 0);
}

TEST_F(ChatTest, ACrisisMessageGetsTheCountrysLineBeforeAnyModelOutput) {
  test::ScriptedModelServer server([](const test::ScriptedRequest&) {
    return std::string("MODEL-REPLY-MARKER. I'm here with you.");
  });
  // The country comes from the locale (not installed here, which must not matter).
  auto r = test::run_haven(args({"chat", "--server", server.url()}),
                           env("I had a quiet morning.\nI want to kill myself tonight. I have the pills ready.\n",
                               "de_DE.UTF-8"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t crisis_line = r.out.find("0800 111 0 111");
  ASSERT_NE(crisis_line, std::string::npos) << r.out;
  size_t first_reply = r.out.find("MODEL-REPLY-MARKER");
  size_t second_reply = r.out.find("MODEL-REPLY-MARKER", first_reply + 1);
  EXPECT_TRUE(second_reply == std::string::npos || crisis_line < second_reply) << r.out;
  // Nothing of that turn reaches memory: the proposal request leaves it out.
}

TEST_F(ChatTest, MemoryIsProposedAcceptedAndUsedInTheNextSession) {
  test::ScriptedModelServer server([](const test::ScriptedRequest& r) {
    if (r.last_user().find("The session is ending.") != std::string::npos) {
      return std::string("Summary: A talk about night shifts.\nfact: Works night shifts as a nurse\n");
    }
    return std::string("How are the shifts treating you?");
  });
  auto first = test::run_haven(args({"chat", "--server", server.url()}),
                               env("Night shifts again this week.\n/end\ny\ny\n"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto memory = test::run_haven(args({"memory", "list"}), env());
  ASSERT_EQ(memory.exit_code, 0) << memory.err;
  EXPECT_NE(memory.out.find("Works night shifts as a nurse"), std::string::npos) << memory.out;
  auto second = test::run_haven(args({"chat", "--server", server.url()}), env("Hello again.\n"));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto requests = server.requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_NE(requests.back().system().find("Works night shifts as a nurse"), std::string::npos);
  // Forgetting it keeps it out of later prompts.
  ASSERT_EQ(test::run_haven(args({"memory", "forget", "1"}), env()).exit_code, 0);
  ASSERT_EQ(test::run_haven(args({"chat", "--server", server.url()}), env("Hi.\n")).exit_code, 0);
  EXPECT_EQ(server.requests().back().system().find("Works night shifts"), std::string::npos);
}

TEST_F(ChatTest, AWholeChatOnAModelMadeByHavenIsStoredEncryptedAndReopens) {
  std::string model = home_.file("tiny.gguf");
  auto made = test::run_haven({"dev", "make-model", "--arch", "qwen2", "--preset", "tiny", "--type", "q8_0",
                               "--vocab", test::testdata_dir() + "/tokenizer/ggml-vocab-qwen2.gguf", "--seed", "7",
                               "--out", model});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  ASSERT_EQ(test::run_haven(args({"config", "set", "model", model}), env()).exit_code, 0);
  auto r = test::run_haven(args({"chat"}), env("UNIQUE-CHAT-MARKER-4821 my week was long\n"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto show = test::run_haven(args({"session", "show", "1"}), env());
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("UNIQUE-CHAT-MARKER-4821"), std::string::npos);
  // Deterministic: the same message in a new session gives the same reply from the same model? Replies
  // are sampled; what must hold is that the vault never holds the marker in plaintext.
  std::string grep_cmd = "grep -rl UNIQUE-CHAT-MARKER-4821 " + home_.path() + " || true";
  auto scan = test::run_process("/bin/sh", {"-c", grep_cmd});
  EXPECT_EQ(scan.out, "") << "plaintext found in " << scan.out;
}

TEST_F(ChatTest, AWrongPassphraseExitsThree) {
  auto o = env("hello\n");
  o.env["HAVEN_PASSPHRASE"] = "not the passphrase";
  auto r = test::run_haven(args({"chat", "--server", "http://127.0.0.1:9"}), o);
  EXPECT_EQ(r.exit_code, 3) << r.err;
}

}  // namespace
}  // namespace haven
