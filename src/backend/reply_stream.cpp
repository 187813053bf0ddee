#include "backend/reply_stream.h"

namespace haven::backend {

ChatResult finish_result(const ReplyStream& reply, Status status) {
  ChatResult r;
  r.usage = reply.usage;
  r.model = reply.model;
  r.text_bytes = reply.text_bytes();
  if (status.is_ok()) {
    r.finish_reason = reply.finish_reason.value_or(FinishReason::kStop);
  } else {
    r.finish_reason = status.code() == StatusCode::kCancelled ? FinishReason::kCancelled : FinishReason::kError;
  }
  r.status = std::move(status);
  return r;
}

}  // namespace haven::backend
