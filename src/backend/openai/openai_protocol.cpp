#include "backend/openai/openai_protocol.h"

#include <nlohmann/json.hpp>

#include "backend/json_parse.h"
#include "backend/json_util.h"

namespace haven::backend::openai {
namespace {

using nlohmann::json;

std::optional<Usage> usage_from(const json& root) {
  auto u = root.find("usage");
  if (u != root.end() && u->is_object()) {
    Usage usage;
    usage.prompt_tokens = json_count_or(*u, "prompt_tokens", -1);
    usage.completion_tokens = json_count_or(*u, "completion_tokens", -1);
    return usage;
  }
  // llama-server reports "timings" on the last chunk even without stream_options.include_usage:
  // prompt_n counts only the prompt tokens it had to evaluate, cache_n the ones it reused.
  auto t = root.find("timings");
  if (t != root.end() && t->is_object() && t->contains("predicted_n")) {
    Usage usage;
    const int64_t prompt_n = json_count_or(*t, "prompt_n", -1);
    const int64_t cache_n = json_count_or(*t, "cache_n", 0);
    usage.prompt_tokens = prompt_n < 0 ? -1 : prompt_n + std::max<int64_t>(cache_n, 0);
    usage.completion_tokens = json_count_or(*t, "predicted_n", -1);
    return usage;
  }
  return std::nullopt;
}

Status error_in_stream(const json& root) {
  const json& e = root["error"];
  std::string message;
  if (e.is_string()) {
    message = e.get<std::string>();
  } else if (e.is_object() && e.contains("message") && e["message"].is_string()) {
    message = e["message"].get<std::string>();
  }
  return unavailable("the model server reported an error during the reply: " +
                     (message.empty() ? std::string("no details given") : one_line(message)));
}

Result<ChatDelta> parse_choice_holder(std::string_view text, const char* what, bool whole) {
  HAVEN_ASSIGN_OR_RETURN(json root, parse_json_object(text, what));
  if (root.contains("error")) return error_in_stream(root);
  ChatDelta d;
  if (auto m = root.find("model"); m != root.end() && m->is_string()) d.model = one_line(m->get<std::string>(), 120);
  d.usage = usage_from(root);
  auto choices = root.find("choices");
  if (choices == root.end() || !choices->is_array()) {
    return corruption(std::string("expected ") + what + " with a \"choices\" array, found " +
                      (choices == root.end() ? std::string("none") : json_kind_of(*choices)));
  }
  if (choices->empty()) return d;  // the usage-only last chunk
  const json& c = (*choices)[0];
  if (!c.is_object()) return corruption(std::string("expected each choice to be an object, found ") + json_kind_of(c));
  const char* body_key = whole ? "message" : "delta";
  auto body = c.find(body_key);
  if (body != c.end() && !body->is_null()) {
    if (!body->is_object()) {
      return corruption(std::string("expected \"") + body_key + "\" to be an object, found " + json_kind_of(*body));
    }
    auto content = body->find("content");
    if (content != body->end() && !content->is_null()) {
      if (!content->is_string()) {
        return corruption(std::string("expected \"content\" to be a string, found ") + json_kind_of(*content));
      }
      d.text = content->get<std::string>();
    }
  }
  auto fr = c.find("finish_reason");
  if (fr != c.end() && !fr->is_null()) {
    if (!fr->is_string()) return corruption("expected \"finish_reason\" to be a string, found " + json_kind_of(*fr));
    d.finish_reason = finish_reason_from(fr->get<std::string>());
  }
  return d;
}

}  // namespace

FinishReason finish_reason_from(std::string_view reason) {
  return reason == "length" ? FinishReason::kLength : FinishReason::kStop;
}

std::string build_chat_body(const ChatRequest& request, const std::string& model, bool stream,
                            bool include_usage) {
  json body = json::object();
  if (!model.empty()) body["model"] = model;
  json messages = json::array();
  for (const Message& m : request.messages) {
    messages.push_back({{"role", role_name(m.role)}, {"content", m.content}});
  }
  body["messages"] = std::move(messages);
  const GenerationParams& p = request.params;
  if (p.temperature) body["temperature"] = *p.temperature;
  if (p.top_p) body["top_p"] = *p.top_p;
  if (p.max_tokens) body["max_tokens"] = *p.max_tokens;
  if (p.seed) body["seed"] = *p.seed;
  if (!p.stop.empty()) body["stop"] = p.stop;
  body["stream"] = stream;
  if (stream && include_usage) body["stream_options"] = {{"include_usage", true}};
  // Invalid UTF-8 from the caller becomes U+FFFD instead of an exception.
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ChatDelta> parse_chat_chunk(std::string_view json_text) {
  return parse_choice_holder(json_text, "a chat completion chunk", false);
}

Result<ChatDelta> parse_chat_completion(std::string_view json_text) {
  return parse_choice_holder(json_text, "a chat completion", true);
}

Result<std::vector<ModelInfo>> parse_models(std::string_view json_text) {
  HAVEN_ASSIGN_OR_RETURN(json root, parse_json_object(json_text, "a model list"));
  auto data = root.find("data");
  if (data == root.end() || !data->is_array()) {
    return corruption("expected a model list with a \"data\" array, found " +
                      (data == root.end() ? std::string("none") : json_kind_of(*data)));
  }
  std::vector<ModelInfo> out;
  for (const json& m : *data) {
    if (!m.is_object()) continue;
    auto id = m.find("id");
    if (id == m.end() || !id->is_string()) continue;
    ModelInfo info;
    info.name = one_line(id->get<std::string>(), 200);
    auto meta = m.find("meta");  // llama-server adds the model's size and context here
    if (meta != m.end() && meta->is_object()) {
      const int64_t size = json_count_or(*meta, "size", -1);
      const int64_t n_ctx = json_count_or(*meta, "n_ctx", -1);
      if (size > 0) info.detail = human_size(static_cast<uint64_t>(size));
      if (n_ctx > 0) info.detail += (info.detail.empty() ? "" : ", ") + std::string("context ") + std::to_string(n_ctx);
    } else if (auto owner = m.find("owned_by"); owner != m.end() && owner->is_string()) {
      info.detail = one_line(owner->get<std::string>(), 60);
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::string describe_error(int http_status, std::string_view body) {
  std::string head = "the model server answered HTTP " + std::to_string(http_status);
  if (check_json_depth(body).is_ok()) {
    json v = json::parse(body.begin(), body.end(), nullptr, false);
    if (v.is_object() && v.contains("error")) {
      const json& e = v["error"];
      if (e.is_object() && e.contains("message") && e["message"].is_string()) {
        return head + ": " + one_line(e["message"].get<std::string>());
      }
      if (e.is_string()) return head + ": " + one_line(e.get<std::string>());
    }
  }
  if (body.empty()) return head + " with no explanation";
  return head + " with a " + std::to_string(body.size()) + "-byte body that is not an error object";
}

}  // namespace haven::backend::openai
