// The tensor element types of ggml/GGUF files: their numbers in the file, names, and block sizes.
//
// The numbers are those ggml writes into GGUF tensor infos, so they are part of the file format and
// never change. Types the engine cannot compute with are still listed, so that files using them can be
// read, described and rejected with a clear message instead of "unknown type".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace haven::engine {

enum class GgmlType : uint32_t {
  kF32 = 0,
  kF16 = 1,
  kQ4_0 = 2,
  kQ4_1 = 3,
  kQ5_0 = 6,
  kQ5_1 = 7,
  kQ8_0 = 8,
  kQ8_1 = 9,
  kQ2_K = 10,
  kQ3_K = 11,
  kQ4_K = 12,
  kQ5_K = 13,
  kQ6_K = 14,
  kQ8_K = 15,
  kIQ2_XXS = 16,
  kIQ2_XS = 17,
  kIQ3_XXS = 18,
  kIQ1_S = 19,
  kIQ4_NL = 20,
  kIQ3_S = 21,
  kIQ2_S = 22,
  kIQ4_XS = 23,
  kI8 = 24,
  kI16 = 25,
  kI32 = 26,
  kI64 = 27,
  kF64 = 28,
  kIQ1_M = 29,
  kBF16 = 30,
  kTQ1_0 = 34,
  kTQ2_0 = 35,
  kMXFP4 = 39,
};

struct GgmlTypeTraits {
  const char* name;    // "q4_K", as ggml spells it
  uint32_t block_size; // elements per block (1 for plain types)
  uint32_t type_size;  // bytes per block
  bool computable;     // the engine's kernels handle it (dequantize / dot product)
};

// Traits of a type number read from a file; nullopt for numbers ggml does not (or no longer) define.
std::optional<GgmlTypeTraits> ggml_type_traits(uint32_t type);
// Traits of a known type (never fails for an enumerator).
GgmlTypeTraits ggml_traits(GgmlType type);
// "q4_K" etc.; "type 31" for undefined numbers.
std::string ggml_type_name(uint32_t type);
inline std::string ggml_type_name(GgmlType type) { return ggml_type_name(static_cast<uint32_t>(type)); }
// Parses a name as ggml spells it, case-insensitively ("Q4_K", "q4_k", "bf16").
std::optional<GgmlType> ggml_type_from_name(std::string_view name);

// Bytes of one row of n elements; nullopt when n is not a multiple of the block size.
std::optional<uint64_t> ggml_row_size(GgmlType type, uint64_t n);

}  // namespace haven::engine
