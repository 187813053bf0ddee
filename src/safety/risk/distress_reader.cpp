#include "safety/risk/distress_reader.h"

namespace haven::safety::risk {

// Defined in the generated distress_weights.cpp: the pieces of the encoded table.
extern const char* const* const kDistressModelPieces[];

const ContextEnsemble& shipped_distress_reader() {
  static const ContextEnsemble kEnsemble = decode_shipped_ensemble(kDistressModelPieces);
  return kEnsemble;
}

ContextResult read_distress(const std::vector<text::Token>& tokens) {
  const ContextEnsemble& reader = shipped_distress_reader();
  return score_context(tokens, reader, reader.threshold);
}

}  // namespace haven::safety::risk
