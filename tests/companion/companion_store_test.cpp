#include "companion/store/companion_store.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "vault/vault.h"

namespace haven::companion {
namespace {

class CompanionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    vault::VaultOptions options;
    options.kdf = vault::test_kdf();
    options.harden_process = false;
    auto created = vault::Vault::create(dir_.file("vault"), "correct horse", false, options);
    ASSERT_TRUE(created.is_ok()) << created.status().message();
    vault_ = std::move(created->vault);
    store_ = std::make_unique<CompanionStore>(vault_.get());
  }
  void Reopen() {
    store_.reset();
    vault_.reset();
    vault::VaultOptions options;
    options.harden_process = false;
    auto opened = vault::Vault::open(dir_.file("vault"), vault::Credential::passphrase("correct horse"), options);
    ASSERT_TRUE(opened.is_ok()) << opened.status().message();
    vault_ = std::move(opened).value();
    store_ = std::make_unique<CompanionStore>(vault_.get());
  }

  test::TempDir dir_;
  std::unique_ptr<vault::Vault> vault_;
  std::unique_ptr<CompanionStore> store_;
};

TEST_F(CompanionStoreTest, SessionsRoundTripThroughTheEncryptedVault) {
  auto id = store_->create_session(1000);
  ASSERT_TRUE(id.is_ok());
  StoredSession s;
  s.id = *id;
  s.started_ms = 1000;
  s.peak_level = safety::Level::kModerate;
  s.turns.push_back({TurnAuthor::kUser, "I feel stuck \xF0\x9F\x98\x9E", 1001, safety::Level::kLow, false});
  s.turns.push_back({TurnAuthor::kModel, "What feels most stuck?", 1002, safety::Level::kLow, false});
  ASSERT_TRUE(store_->save_session(s).is_ok());
  Reopen();
  auto loaded = store_->load_session(*id);
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().message();
  ASSERT_EQ(loaded->turns.size(), 2u);
  EXPECT_EQ(loaded->turns[0].content, "I feel stuck \xF0\x9F\x98\x9E");
  EXPECT_EQ(loaded->turns[1].author, TurnAuthor::kModel);
  EXPECT_EQ(loaded->peak_level, safety::Level::kModerate);
  auto list = store_->list_sessions();
  ASSERT_TRUE(list.is_ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE((*list)[0].turns.empty());
  EXPECT_EQ(store_->load_session(999).status().code(), StatusCode::kNotFound);
}

TEST_F(CompanionStoreTest, DeletingASessionRemovesMemoryThatCameOnlyFromIt) {
  auto a = store_->create_session(1);
  auto b = store_->create_session(2);
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  auto only_a = store_->add_memory(MemoryKind::kGoal, "Sleep before midnight", *a, 10);
  auto shared = store_->add_memory(MemoryKind::kPerson, "Ana, a sister who listens", *a, 11);
  ASSERT_TRUE(only_a.is_ok() && shared.is_ok());
  auto again = store_->add_memory(MemoryKind::kPerson, "Ana, a sister who listens", *b, 12);
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(*again, *shared) << "the same item from another session gains a source, not a copy";
  auto from_b = store_->add_memory(MemoryKind::kTheme, "Feeling unseen at work", *b, 13);
  ASSERT_TRUE(from_b.is_ok());
  ASSERT_TRUE(store_->delete_session(*a).is_ok());
  auto items = store_->list_memory();
  ASSERT_TRUE(items.is_ok());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].text, "Ana, a sister who listens");
  EXPECT_EQ((*items)[0].sessions, std::vector<int64_t>{*b});
  EXPECT_EQ((*items)[1].text, "Feeling unseen at work");
  EXPECT_EQ(store_->load_session(*a).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->delete_session(*a).code(), StatusCode::kNotFound);
}

TEST_F(CompanionStoreTest, MemoryCanBeEditedAndForgotten) {
  auto id = store_->add_memory(MemoryKind::kFact, "Works nights", 0, 5);
  ASSERT_TRUE(id.is_ok());
  ASSERT_TRUE(store_->edit_memory(*id, "Works night shifts as a nurse").is_ok());
  Reopen();
  auto items = store_->list_memory();
  ASSERT_TRUE(items.is_ok());
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].text, "Works night shifts as a nurse");
  ASSERT_TRUE(store_->forget_memory(*id).is_ok());
  EXPECT_EQ(store_->forget_memory(*id).code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->list_memory()->empty());
}

TEST_F(CompanionStoreTest, SafetyPlanIsValidatedAndKept) {
  auto none = store_->load_safety_plan();
  ASSERT_TRUE(none.is_ok());
  EXPECT_FALSE(none->has_value());
  safety::plan::SafetyPlan plan;
  plan.warning_signs = {"I stop answering messages"};
  plan.people_to_ask = {{"Sam", "+1 555 0100"}};
  ASSERT_TRUE(store_->save_safety_plan(plan).is_ok());
  safety::plan::SafetyPlan bad;
  bad.people_to_ask = {{"", "123"}};
  EXPECT_EQ(store_->save_safety_plan(bad).code(), StatusCode::kInvalidArgument);
  Reopen();
  auto loaded = store_->load_safety_plan();
  ASSERT_TRUE(loaded.is_ok());
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->warning_signs, plan.warning_signs);
  EXPECT_EQ((*loaded)->people_to_ask[0].phone, "+1 555 0100");
}

}  // namespace
}  // namespace haven::companion
