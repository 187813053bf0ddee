// An Ollama exchange written from Ollama's public API documentation (docs/api.md: "Generate a chat
// completion", "List Local Models"): the shapes and fields are Ollama's; the values are made up.
#pragma once

namespace haven::test {

inline constexpr const char* kOllamaChatStream =
    "{\"model\":\"llama3.2:1b\",\"created_at\":\"2025-01-15T10:00:00.1Z\",\"message\":{\"role\":\"assistant\","
    "\"content\":\"That\"},\"done\":false}\n"
    "{\"model\":\"llama3.2:1b\",\"created_at\":\"2025-01-15T10:00:00.2Z\",\"message\":{\"role\":\"assistant\","
    "\"content\":\" sounds\"},\"done\":false}\n"
    "{\"model\":\"llama3.2:1b\",\"created_at\":\"2025-01-15T10:00:00.3Z\",\"message\":{\"role\":\"assistant\","
    "\"content\":\" heavy —\"},\"done\":false}\n"
    "{\"model\":\"llama3.2:1b\",\"created_at\":\"2025-01-15T10:00:00.4Z\",\"message\":{\"role\":\"assistant\","
    "\"content\":\" müde \\u00fcberall 😊\"},\"done\":false}\n"
    "{\"model\":\"llama3.2:1b\",\"created_at\":\"2025-01-15T10:00:00.5Z\",\"message\":{\"role\":\"assistant\","
    "\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":4353619900,"
    "\"load_duration\":63915300,\"prompt_eval_count\":26,\"prompt_eval_duration\":246847000,"
    "\"eval_count\":7,\"eval_duration\":4032296000}\n";

inline constexpr const char* kOllamaChatText = "That sounds heavy — müde überall 😊";

inline constexpr const char* kOllamaTags =
    "{\"models\":[{\"name\":\"llama3.2:1b\",\"model\":\"llama3.2:1b\",\"modified_at\":"
    "\"2025-01-10T09:00:00.000000+01:00\",\"size\":1321098329,\"digest\":"
    "\"baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878\",\"details\":{\"parent_model\":\"\","
    "\"format\":\"gguf\",\"family\":\"llama\",\"families\":[\"llama\"],\"parameter_size\":\"1.2B\","
    "\"quantization_level\":\"Q8_0\"}},{\"name\":\"qwen2.5:0.5b\",\"model\":\"qwen2.5:0.5b\",\"size\":397821319,"
    "\"details\":{\"format\":\"gguf\",\"parameter_size\":\"494.03M\",\"quantization_level\":\"Q4_K_M\"}}]}";

inline constexpr const char* kOllamaNotFound = "{\"error\":\"model \\\"nope\\\" not found, try pulling it first\"}";

}  // namespace haven::test
