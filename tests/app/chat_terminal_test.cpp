// haven chat on a real terminal: tmux runs it, send-keys types, capture-pane reads the screen.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "support/process.h"
#include "support/scripted_model_server.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

class Tmux {
 public:
  explicit Tmux(std::string session) : session_(std::move(session)) {}
  ~Tmux() { test::run_process("/usr/bin/tmux", {"kill-session", "-t", session_}); }
  bool start(const std::string& command) {
    return test::run_process("/usr/bin/tmux", {"new-session", "-d", "-s", session_, "-x", "100", "-y", "40", command})
               .exit_code == 0;
  }
  void type(const std::string& keys) {
    test::run_process("/usr/bin/tmux", {"send-keys", "-t", session_, "-l", keys});
    test::run_process("/usr/bin/tmux", {"send-keys", "-t", session_, "Enter"});
  }
  // The whole history when with_history, else what is visible now.
  std::string screen(bool with_history = true) {
    if (!with_history) return test::run_process("/usr/bin/tmux", {"capture-pane", "-t", session_, "-p"}).out;
    return test::run_process("/usr/bin/tmux", {"capture-pane", "-t", session_, "-p", "-S", "-200"}).out;
  }
  // Waits until the screen shows text (up to 20 s).
  bool wait_for(const std::string& text) {
    for (int i = 0; i < 200; ++i) {
      if (screen().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

 private:
  std::string session_;
};

TEST(ChatTerminalTest, FirstRunIntroductionThenAConversationThenTheScreenIsCleared) {
  if (test::run_process("/usr/bin/tmux", {"-V"}).exit_code != 0) GTEST_SKIP() << "tmux is not installed";
  test::TempDir home;
  test::ScriptedModelServer server([](const test::ScriptedRequest&) {
    return std::string("What stands out to you most about today?");
  });
  Tmux tmux("haven-test-" + std::to_string(::getpid()));
  std::string command = "env -u HAVEN_PASSPHRASE HAVEN_KDF_PROFILE=test HOME='" + home.path() + "' XDG_DATA_HOME='" +
                        home.file("data") + "' '" + test::haven_binary() + "' chat --server " + server.url() +
                        "; echo EXITED-$?; sleep 30";
  ASSERT_TRUE(tmux.start(command));
  ASSERT_TRUE(tmux.wait_for("Passphrase:")) << tmux.screen();
  EXPECT_NE(tmux.screen().find("not a therapist"), std::string::npos);
  tmux.type("a terminal test passphrase");
  ASSERT_TRUE(tmux.wait_for("again")) << tmux.screen();
  tmux.type("a terminal test passphrase");
  ASSERT_TRUE(tmux.wait_for("(y/n)")) << tmux.screen();
  tmux.type("n");
  ASSERT_TRUE(tmux.wait_for("Which country")) << tmux.screen();
  EXPECT_EQ(tmux.screen().find("a terminal test passphrase"), std::string::npos) << "the passphrase was echoed";
  tmux.type("IE");
  ASSERT_TRUE(tmux.wait_for("people you trust")) << tmux.screen();
  tmux.type("");
  ASSERT_TRUE(tmux.wait_for("you>")) << tmux.screen();
  tmux.type("Today felt long and grey.");
  ASSERT_TRUE(tmux.wait_for("What stands out to you most about today?")) << tmux.screen();
  tmux.type("/help");
  ASSERT_TRUE(tmux.wait_for("/practice")) << tmux.screen();
  tmux.type("/end");
  ASSERT_TRUE(tmux.wait_for("clear the screen")) << tmux.screen();
  tmux.type("");
  ASSERT_TRUE(tmux.wait_for("EXITED-0")) << tmux.screen();
  std::string after = tmux.screen(false);
  EXPECT_EQ(after.find("Today felt long and grey."), std::string::npos) << "the conversation stayed on screen:\n" << after;
}

}  // namespace
}  // namespace haven
