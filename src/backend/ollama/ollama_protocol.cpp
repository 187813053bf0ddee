#include "backend/ollama/ollama_protocol.h"

#include <nlohmann/json.hpp>

#include "backend/json_parse.h"
#include "backend/json_util.h"

namespace haven::backend::ollama {

using nlohmann::json;

std::string build_chat_body(const ChatRequest& request, const std::string& model, bool stream) {
  json body = json::object();
  body["model"] = model;
  json messages = json::array();
  for (const Message& m : request.messages) {
    messages.push_back({{"role", role_name(m.role)}, {"content", m.content}});
  }
  body["messages"] = std::move(messages);
  body["stream"] = stream;
  json options = json::object();
  const GenerationParams& p = request.params;
  if (p.temperature) options["temperature"] = *p.temperature;
  if (p.top_p) options["top_p"] = *p.top_p;
  if (p.max_tokens) options["num_predict"] = *p.max_tokens;
  if (p.seed) options["seed"] = *p.seed;
  if (!p.stop.empty()) options["stop"] = p.stop;
  if (!options.empty()) body["options"] = std::move(options);
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ChatLine> parse_chat_line(std::string_view text) {
  HAVEN_ASSIGN_OR_RETURN(json root, parse_json_object(text, "an Ollama chat line"));
  if (auto e = root.find("error"); e != root.end()) {
    return unavailable("Ollama reported an error during the reply: " +
                       (e->is_string() ? one_line(e->get<std::string>()) : std::string("no details given")));
  }
  ChatLine line;
  if (auto m = root.find("model"); m != root.end() && m->is_string()) line.model = one_line(m->get<std::string>(), 120);
  auto done = root.find("done");
  if (done == root.end() || !done->is_boolean()) {
    return corruption("expected an Ollama chat line with a boolean \"done\", found " +
                      (done == root.end() ? std::string("none") : json_kind_of(*done)));
  }
  line.done = done->get<bool>();
  auto msg = root.find("message");
  if (msg != root.end() && !msg->is_null()) {
    if (!msg->is_object()) return corruption("expected \"message\" to be an object, found " + json_kind_of(*msg));
    auto content = msg->find("content");
    if (content != msg->end() && !content->is_null()) {
      if (!content->is_string()) return corruption("expected \"content\" to be a string, found " + json_kind_of(*content));
      line.text = content->get<std::string>();
    }
  } else if (!line.done) {
    return corruption("expected a \"message\" in an Ollama chat line, found none");
  }
  if (line.done) {
    auto reason = root.find("done_reason");
    if (reason != root.end() && reason->is_string() && reason->get<std::string>() == "length") {
      line.finish_reason = FinishReason::kLength;
    }
    line.usage.prompt_tokens = json_count_or(root, "prompt_eval_count", -1);
    line.usage.completion_tokens = json_count_or(root, "eval_count", -1);
  }
  return line;
}

Result<std::vector<ModelInfo>> parse_tags(std::string_view text) {
  HAVEN_ASSIGN_OR_RETURN(json root, parse_json_object(text, "an Ollama model list"));
  auto models = root.find("models");
  if (models == root.end() || !models->is_array()) {
    return corruption("expected an Ollama model list with a \"models\" array, found " +
                      (models == root.end() ? std::string("none") : json_kind_of(*models)));
  }
  std::vector<ModelInfo> out;
  for (const json& m : *models) {
    if (!m.is_object()) continue;
    auto name = m.find("name");
    if (name == m.end() || !name->is_string()) name = m.find("model");
    if (name == m.end() || !name->is_string()) continue;
    ModelInfo info;
    info.name = one_line(name->get<std::string>(), 200);
    const int64_t size = json_count_or(m, "size", -1);
    if (size > 0) info.detail = human_size(static_cast<uint64_t>(size));
    auto details = m.find("details");
    if (details != m.end() && details->is_object()) {
      for (const char* key : {"parameter_size", "quantization_level"}) {
        auto v = details->find(key);
        if (v != details->end() && v->is_string() && !v->get<std::string>().empty()) {
          info.detail += (info.detail.empty() ? "" : ", ") + one_line(v->get<std::string>(), 30);
        }
      }
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::string describe_error(int http_status, std::string_view body) {
  std::string head = "Ollama answered HTTP " + std::to_string(http_status);
  if (check_json_depth(body).is_ok()) {
    json v = json::parse(body.begin(), body.end(), nullptr, false);
    if (v.is_object()) {
      auto e = v.find("error");
      if (e != v.end() && e->is_string()) return head + ": " + one_line(e->get<std::string>());
    }
  }
  if (body.empty()) return head + " with no explanation";
  return head + " with a " + std::to_string(body.size()) + "-byte body that is not an error object";
}

}  // namespace haven::backend::ollama
