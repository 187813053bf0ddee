// The message-level model interface: messages and generation parameters in, a cancellable stream of
// text pieces out. The companion talks to every model (Ollama, an OpenAI-compatible server such as
// llama.cpp's llama-server, LM Studio, Jan or vLLM, and later the local engine) through Backend.
//
// Privacy: every implementation talks only to this computer (loopback) unless its RemotePolicy allows a
// remote server, and then only with the user's consent to the exact request text (remote_policy.h).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/cancel_token.h"
#include "core/status.h"

namespace haven::backend {

enum class Role { kSystem, kUser, kAssistant };
// "system", "user", "assistant": the names both wire protocols use.
const char* role_name(Role role);

struct Message {
  Role role = Role::kUser;
  std::string content;  // UTF-8
};

// Sampling settings. An unset field leaves the server's default in place.
struct GenerationParams {
  std::optional<double> temperature;
  std::optional<double> top_p;
  std::optional<int> max_tokens;
  std::optional<int64_t> seed;
  std::vector<std::string> stop;  // stop sequences
};

struct ChatRequest {
  std::vector<Message> messages;
  GenerationParams params;
  // Set by the companion for turns with elevated risk: such a request is never sent to a server that
  // is not on this computer, whatever the RemotePolicy allows, and the consent callback is not asked.
  bool never_remote = false;
};

enum class FinishReason {
  kStop,       // the model ended its reply (end of turn or a stop sequence)
  kLength,     // max_tokens or the context ran out
  kCancelled,  // the CancelToken fired or the text callback returned false
  kError,      // see ChatResult::status
};
const char* finish_reason_name(FinishReason reason);

// Token counts as the server reported them; -1 where it did not say.
struct Usage {
  int64_t prompt_tokens = -1;
  int64_t completion_tokens = -1;
};

struct ChatResult {
  FinishReason finish_reason = FinishReason::kError;
  // OK for kStop and kLength. Otherwise one line that says what went wrong:
  //   kCancelled          the token fired or the callback returned false, or the user declined to
  //                       send the request to a remote server (then nothing was sent); finish kCancelled
  //   kFailedPrecondition the server is not on this computer and remote use is not allowed, or the
  //                       request is marked never_remote; nothing was sent
  //   kUnavailable        could not connect, the connection broke, or the server sent nothing within
  //                       the read timeout; also HTTP 5xx answers (with the server's message)
  //   kInvalidArgument    HTTP 4xx answers (a bad request or an unknown model, with the server's message)
  //   kCorruption         the stream was malformed (bad framing, bad JSON, bad UTF-8, ended early)
  //   kOutOfRange         the reply exceeded the size limit
  // Whatever happened, the backend is ready for the next request: nothing of a failed request is kept.
  Status status;
  Usage usage;
  std::string model;        // the model name the server reported, if any
  uint64_t text_bytes = 0;  // bytes of text passed to the callback
};

// Receives each piece of the reply as it arrives: never empty, always whole UTF-8 characters. Return
// false to stop the reply (the result is then kCancelled). Called on the thread that called chat().
using TextCallback = std::function<bool(std::string_view piece)>;

struct ModelInfo {
  std::string name;    // what to put in a request's model field
  std::string detail;  // a short human description ("4.7 GB, Q4_0"), may be empty
};

class Backend {
 public:
  virtual ~Backend() = default;

  // One line for people: "Ollama at http://127.0.0.1:11434, model llama3:latest".
  virtual std::string describe() const = 0;

  // Streams one reply. cancel (borrowed, may be null) may be fired from any thread. Blocks until the
  // reply ends, fails or is cancelled; see ChatResult for the outcomes. One chat() at a time per object.
  virtual ChatResult chat(const ChatRequest& request, const TextCallback& on_text,
                          const CancelToken* cancel) = 0;

  // The models the server offers. Errors as in ChatResult::status.
  virtual Result<std::vector<ModelInfo>> list_models() = 0;
};

}  // namespace haven::backend
