#include "companion/store/companion_store.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "vault/vault.h"

namespace haven::companion {

using nlohmann::json;

namespace {

constexpr std::string_view kSessionPrefix = "companion/session/";
constexpr std::string_view kMemoryPrefix = "companion/memory/";
constexpr std::string_view kSafetyPlanKey = "companion/safety_plan";

// Zero-padded so that the vault's key order is id order.
std::string key_for(std::string_view prefix, int64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%012lld", static_cast<long long>(id));
  return std::string(prefix) + buf;
}

std::string_view author_name(TurnAuthor a) {
  switch (a) {
    case TurnAuthor::kUser: return "user";
    case TurnAuthor::kModel: return "model";
    case TurnAuthor::kHaven: return "haven";
  }
  return "user";
}

TurnAuthor author_from(const std::string& s) {
  if (s == "model") return TurnAuthor::kModel;
  if (s == "haven") return TurnAuthor::kHaven;
  return TurnAuthor::kUser;
}

json session_to_json(const StoredSession& s) {
  json turns = json::array();
  for (const auto& t : s.turns) {
    turns.push_back({{"author", author_name(t.author)}, {"content", t.content}, {"ms", t.unix_ms},
                     {"level", safety::level_name(t.level)}, {"replaced", t.replaced_by_safety}});
  }
  return {{"id", s.id}, {"started_ms", s.started_ms}, {"ended_ms", s.ended_ms}, {"summary", s.summary},
          {"peak_level", safety::level_name(s.peak_level)}, {"turns", turns}};
}

Result<StoredSession> session_from_json(const std::string& text, bool with_turns) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return corruption("a stored session is not valid JSON");
  try {
    StoredSession s;
    s.id = j.at("id").get<int64_t>();
    s.started_ms = j.at("started_ms").get<int64_t>();
    s.ended_ms = j.value("ended_ms", int64_t{0});
    s.summary = j.value("summary", "");
    s.peak_level = safety::level_from_name(j.value("peak_level", "none")).value_or(safety::Level::kNone);
    if (with_turns) {
      for (const auto& t : j.at("turns")) {
        SessionTurn turn;
        turn.author = author_from(t.at("author").get<std::string>());
        turn.content = t.at("content").get<std::string>();
        turn.unix_ms = t.value("ms", int64_t{0});
        turn.level = safety::level_from_name(t.value("level", "none")).value_or(safety::Level::kNone);
        turn.replaced_by_safety = t.value("replaced", false);
        s.turns.push_back(std::move(turn));
      }
    }
    return s;
  } catch (const json::exception& e) {
    return corruption(std::string("a stored session is malformed: ") + e.what());
  }
}

json memory_to_json(const MemoryItem& m) {
  return {{"id", m.id}, {"kind", memory_kind_name(m.kind)}, {"text", m.text}, {"sessions", m.sessions},
          {"created_ms", m.created_ms}};
}

Result<MemoryItem> memory_from_json(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return corruption("a stored memory item is not valid JSON");
  try {
    MemoryItem m;
    m.id = j.at("id").get<int64_t>();
    m.kind = memory_kind_from_name(j.at("kind").get<std::string>()).value_or(MemoryKind::kFact);
    m.text = j.at("text").get<std::string>();
    m.sessions = j.value("sessions", std::vector<int64_t>{});
    m.created_ms = j.value("created_ms", int64_t{0});
    return m;
  } catch (const json::exception& e) {
    return corruption(std::string("a stored memory item is malformed: ") + e.what());
  }
}

json strings_json(const std::vector<std::string>& v) { return json(v); }
json contacts_json(const std::vector<safety::plan::Contact>& v) {
  json out = json::array();
  for (const auto& c : v) out.push_back({{"name", c.name}, {"phone", c.phone}});
  return out;
}
std::vector<safety::plan::Contact> contacts_from(const json& j) {
  std::vector<safety::plan::Contact> out;
  if (!j.is_array()) return out;
  for (const auto& c : j) out.push_back({c.value("name", ""), c.value("phone", "")});
  return out;
}

}  // namespace

Result<int64_t> CompanionStore::next_id(std::string_view counter) {
  std::string key = "companion/counter/" + std::string(counter);
  HAVEN_ASSIGN_OR_RETURN(auto current, vault_->get_setting(key));
  int64_t next = 1;
  if (current) next = std::strtoll(current->c_str(), nullptr, 10) + 1;
  HAVEN_RETURN_IF_ERROR(vault_->set_setting(key, std::to_string(next)));
  return next;
}

Result<int64_t> CompanionStore::create_session(int64_t started_ms) {
  int64_t id = 0;
  HAVEN_RETURN_IF_ERROR(vault_->transaction([&]() -> Status {
    HAVEN_ASSIGN_OR_RETURN(id, next_id("session"));
    StoredSession s;
    s.id = id;
    s.started_ms = started_ms;
    return vault_->set_setting(key_for(kSessionPrefix, id), session_to_json(s).dump());
  }));
  return id;
}

Status CompanionStore::save_session(const StoredSession& session) {
  return vault_->set_setting(key_for(kSessionPrefix, session.id), session_to_json(session).dump());
}

Result<StoredSession> CompanionStore::load_session(int64_t id) {
  HAVEN_ASSIGN_OR_RETURN(auto value, vault_->get_setting(key_for(kSessionPrefix, id)));
  if (!value) return not_found("there is no session " + std::to_string(id));
  return session_from_json(*value, true);
}

Result<std::vector<StoredSession>> CompanionStore::list_sessions() {
  HAVEN_ASSIGN_OR_RETURN(auto all, vault_->list_settings(kSessionPrefix));
  std::vector<StoredSession> out;
  for (const auto& [key, value] : all) {
    if (key.rfind(kSessionPrefix, 0) != 0) continue;
    HAVEN_ASSIGN_OR_RETURN(auto s, session_from_json(value, false));
    out.push_back(std::move(s));
  }
  return out;
}

Status CompanionStore::delete_session(int64_t id) {
  return vault_->transaction([&]() -> Status {
    HAVEN_ASSIGN_OR_RETURN(auto value, vault_->get_setting(key_for(kSessionPrefix, id)));
    if (!value) return not_found("there is no session " + std::to_string(id));
    HAVEN_RETURN_IF_ERROR(vault_->delete_setting(key_for(kSessionPrefix, id)));
    HAVEN_ASSIGN_OR_RETURN(auto items, list_memory());
    for (auto& item : items) {
      auto it = std::find(item.sessions.begin(), item.sessions.end(), id);
      if (it == item.sessions.end()) continue;
      item.sessions.erase(it);
      if (item.sessions.empty()) {
        HAVEN_RETURN_IF_ERROR(vault_->delete_setting(key_for(kMemoryPrefix, item.id)));
      } else {
        HAVEN_RETURN_IF_ERROR(vault_->set_setting(key_for(kMemoryPrefix, item.id), memory_to_json(item).dump()));
      }
    }
    return Status::ok();
  });
}

Result<int64_t> CompanionStore::add_memory(MemoryKind kind, std::string_view text, int64_t session_id,
                                           int64_t now_ms) {
  if (text.empty()) return invalid_argument("expected the text of a memory item, found nothing");
  if (text.size() > 2000) return invalid_argument("a memory item is at most 2000 bytes, found " +
                                                  std::to_string(text.size()));
  int64_t id = 0;
  HAVEN_RETURN_IF_ERROR(vault_->transaction([&]() -> Status {
    // The same item accepted again in another session gains that session as a source, so deleting one
    // of the sessions later keeps it.
    HAVEN_ASSIGN_OR_RETURN(auto existing, list_memory());
    for (auto& item : existing) {
      if (item.kind != kind || item.text != text) continue;
      id = item.id;
      if (session_id <= 0 || std::find(item.sessions.begin(), item.sessions.end(), session_id) != item.sessions.end()) {
        return Status::ok();
      }
      item.sessions.push_back(session_id);
      return vault_->set_setting(key_for(kMemoryPrefix, item.id), memory_to_json(item).dump());
    }
    HAVEN_ASSIGN_OR_RETURN(id, next_id("memory"));
    MemoryItem m;
    m.id = id;
    m.kind = kind;
    m.text = std::string(text);
    if (session_id > 0) m.sessions.push_back(session_id);
    m.created_ms = now_ms;
    return vault_->set_setting(key_for(kMemoryPrefix, id), memory_to_json(m).dump());
  }));
  return id;
}

Result<std::vector<MemoryItem>> CompanionStore::list_memory() {
  HAVEN_ASSIGN_OR_RETURN(auto all, vault_->list_settings(kMemoryPrefix));
  std::vector<MemoryItem> out;
  for (const auto& [key, value] : all) {
    if (key.rfind(kMemoryPrefix, 0) != 0) continue;
    HAVEN_ASSIGN_OR_RETURN(auto m, memory_from_json(value));
    out.push_back(std::move(m));
  }
  return out;
}

Status CompanionStore::edit_memory(int64_t id, std::string_view text) {
  if (text.empty()) return invalid_argument("expected the new text of the memory item, found nothing");
  HAVEN_ASSIGN_OR_RETURN(auto value, vault_->get_setting(key_for(kMemoryPrefix, id)));
  if (!value) return not_found("there is no memory item " + std::to_string(id));
  HAVEN_ASSIGN_OR_RETURN(auto m, memory_from_json(*value));
  m.text = std::string(text);
  return vault_->set_setting(key_for(kMemoryPrefix, id), memory_to_json(m).dump());
}

Status CompanionStore::forget_memory(int64_t id) {
  HAVEN_ASSIGN_OR_RETURN(auto value, vault_->get_setting(key_for(kMemoryPrefix, id)));
  if (!value) return not_found("there is no memory item " + std::to_string(id));
  return vault_->delete_setting(key_for(kMemoryPrefix, id));
}

Result<std::optional<safety::plan::SafetyPlan>> CompanionStore::load_safety_plan() {
  HAVEN_ASSIGN_OR_RETURN(auto value, vault_->get_setting(kSafetyPlanKey));
  if (!value) return std::optional<safety::plan::SafetyPlan>();
  json j = json::parse(*value, nullptr, false);
  if (!j.is_object()) return corruption("the stored safety plan is not valid JSON");
  safety::plan::SafetyPlan p;
  auto strings = [&](const char* k) { return j.value(k, std::vector<std::string>{}); };
  try {
    p.warning_signs = strings("warning_signs");
    p.coping_alone = strings("coping_alone");
    p.people_and_places = strings("people_and_places");
    p.people_to_ask = contacts_from(j.value("people_to_ask", json::array()));
    p.professionals = contacts_from(j.value("professionals", json::array()));
    p.safer_space = strings("safer_space");
    p.reasons_for_living = strings("reasons_for_living");
    p.updated_unix_ms = j.value("updated_ms", int64_t{0});
  } catch (const json::exception& e) {
    return corruption(std::string("the stored safety plan is malformed: ") + e.what());
  }
  return std::optional<safety::plan::SafetyPlan>(std::move(p));
}

Status CompanionStore::save_safety_plan(const safety::plan::SafetyPlan& p) {
  HAVEN_RETURN_IF_ERROR(safety::plan::validate(p));
  json j = {{"warning_signs", strings_json(p.warning_signs)},
            {"coping_alone", strings_json(p.coping_alone)},
            {"people_and_places", strings_json(p.people_and_places)},
            {"people_to_ask", contacts_json(p.people_to_ask)},
            {"professionals", contacts_json(p.professionals)},
            {"safer_space", strings_json(p.safer_space)},
            {"reasons_for_living", strings_json(p.reasons_for_living)},
            {"updated_ms", p.updated_unix_ms}};
  return vault_->set_setting(kSafetyPlanKey, j.dump());
}

Result<std::optional<std::string>> CompanionStore::get_config(std::string_view key) {
  return vault_->get_setting("config/" + std::string(key));
}

Status CompanionStore::set_config(std::string_view key, std::string_view value) {
  return vault_->set_setting("config/" + std::string(key), value);
}

}  // namespace haven::companion
