// haven model info FILE [--tensors] [--metadata]: what a GGUF model or vocabulary file holds.
// With the global --json, one JSON object instead of text.
#include <cstdio>
#include <cstring>
#include <string>

#include "app/cli/cli.h"
#include "engine/gguf/gguf_reader.h"
#include "engine/gguf/model_summary.h"

namespace haven::cli {
namespace {

using engine::format_count;

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;  // keys and names are UTF-8 or passed through as bytes
    }
  }
  return out + "\"";
}

// One line, printable: newlines and control characters shown as escapes, long text cut.
std::string printable(std::string_view s, size_t max = 60) {
  std::string out;
  for (char c : s) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

template <typename T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

std::string scalar_text(engine::GgufType t, const uint8_t* p) {
  using engine::GgufType;
  switch (t) {
    case GgufType::kU8: return std::to_string(load<uint8_t>(p));
    case GgufType::kI8: return std::to_string(load<int8_t>(p));
    case GgufType::kU16: return std::to_string(load<uint16_t>(p));
    case GgufType::kI16: return std::to_string(load<int16_t>(p));
    case GgufType::kU32: return std::to_string(load<uint32_t>(p));
    case GgufType::kI32: return std::to_string(load<int32_t>(p));
    case GgufType::kU64: return std::to_string(load<uint64_t>(p));
    case GgufType::kI64: return std::to_string(load<int64_t>(p));
    case GgufType::kF32: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", static_cast<double>(load<float>(p)));
      return buf;
    }
    case GgufType::kF64: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", load<double>(p));
      return buf;
    }
    case GgufType::kBool: return *p ? "true" : "false";
    default: return "?";
  }
}

std::string value_text(const engine::GgufMetadataEntry& e) {
  using engine::GgufType;
  if (e.type == GgufType::kString) {
    std::string q(1, '"');
    q.append(printable(std::string_view(reinterpret_cast<const char*>(e.payload), e.payload_size)));
    q.push_back('"');
    return q;
  }
  if (e.type != GgufType::kArray) return scalar_text(e.type, e.payload);
  std::string s(1, '[');
  s.append(format_count(e.count)).append(" x ").append(engine::gguf_type_name(e.array_type)).push_back(']');
  // A glimpse of the first elements.
  const uint8_t* p = e.payload;
  std::string first;
  for (uint64_t i = 0; i < e.count && i < 3; ++i) {
    if (i > 0) first += ", ";
    if (e.array_type == GgufType::kString) {
      uint64_t len = load<uint64_t>(p);
      first.push_back('"');
      first.append(printable(std::string_view(reinterpret_cast<const char*>(p + 8), static_cast<size_t>(len)), 20));
      first.push_back('"');
      p += 8 + len;
    } else {
      first += scalar_text(e.array_type, p);
      p += engine::gguf_scalar_size(e.array_type);
    }
  }
  if (e.count > 0) s += " " + first + (e.count > 3 ? ", ..." : "");
  return s;
}

void print_text(const std::string& path, const engine::GgufFile& f, const engine::ModelSummary& s, bool tensors,
                bool metadata) {
  auto row = [](const char* label, const std::string& value) { std::printf("%-16s%s\n", label, value.c_str()); };
  row("file", path);
  row("size", format_count(s.file_size) + " bytes (" + megabytes(s.file_size) + ")");
  row("format", std::string("GGUF v").append(std::to_string(s.version)));
  row("architecture", s.architecture.empty() ? "(none)" : s.architecture);
  if (!s.name.empty()) row("name", printable(s.name));
  if (s.file_type) row("file type", engine::llama_file_type_name(*s.file_type));
  row("parameters", format_count(s.parameters));
  row("context length", s.context_length ? format_count(*s.context_length) : "(not given)");
  if (s.embedding_length && s.block_count) {
    std::string shape = format_count(*s.embedding_length) + " wide, " + format_count(*s.block_count) + " layers";
    if (s.head_count) {
      shape += ", " + format_count(*s.head_count) + " heads";
      if (s.head_count_kv) shape += " (" + format_count(*s.head_count_kv) + " KV)";
    }
    if (s.feed_forward_length) shape += ", feed-forward " + format_count(*s.feed_forward_length);
    row("shape", shape);
  }
  if (s.vocab_size > 0) {
    std::string tok = format_count(s.vocab_size) + " tokens";
    if (!s.tokenizer_model.empty()) tok.append(", ").append(printable(s.tokenizer_model));
    if (!s.tokenizer_pre.empty()) tok.append(" (pre-tokenizer ").append(printable(s.tokenizer_pre)).append(")");
    row("tokenizer", tok);
  } else {
    row("tokenizer", "(none)");
  }
  row("chat template", s.has_chat_template ? "present" : "absent");
  std::string types;
  for (const auto& t : s.types) {
    if (!types.empty()) types += ", ";
    types += format_count(t.tensors) + " " + t.type;
  }
  std::string tensor_line = format_count(s.tensor_count);
  if (!types.empty()) tensor_line.append(" (").append(types).append(")");
  row("tensors", tensor_line);
  row("runs in Haven", s.runnable ? std::string("yes") : std::string("no: ").append(s.not_runnable_reason));
  if (metadata) {
    std::printf("\nmetadata (%s keys):\n", format_count(f.metadata().size()).c_str());
    for (const auto& e : f.metadata()) {
      std::string type = engine::gguf_type_name(e.type);
      std::printf("  %-44s %-7s %s\n", printable(e.key, 120).c_str(), type.c_str(), value_text(e).c_str());
    }
  }
  if (tensors) {
    std::printf("\ntensors (%s):\n", format_count(f.tensors().size()).c_str());
    for (const auto& t : f.tensors()) {
      std::printf("  %-32s %-6s %-16s offset %s, %s bytes\n", t.name.c_str(), engine::ggml_type_name(t.type).c_str(),
                  t.shape_string().c_str(), format_count(t.offset).c_str(), format_count(t.n_bytes).c_str());
    }
  }
}

void print_json(const std::string& path, const engine::GgufFile& f, const engine::ModelSummary& s, bool tensors) {
  std::string o = "{";
  auto field = [&](const char* k, const std::string& raw) {
    if (o.size() > 1) o += ",";
    o += json_string(k) + ":" + raw;
  };
  auto opt = [](const std::optional<uint64_t>& v) { return v ? std::to_string(*v) : std::string("null"); };
  field("file", json_string(path));
  field("file_size", std::to_string(s.file_size));
  field("gguf_version", std::to_string(s.version));
  field("architecture", json_string(s.architecture));
  field("name", json_string(s.name));
  field("file_type", s.file_type ? json_string(engine::llama_file_type_name(*s.file_type)) : "null");
  field("parameters", std::to_string(s.parameters));
  field("context_length", opt(s.context_length));
  field("embedding_length", opt(s.embedding_length));
  field("block_count", opt(s.block_count));
  field("head_count", opt(s.head_count));
  field("head_count_kv", opt(s.head_count_kv));
  field("feed_forward_length", opt(s.feed_forward_length));
  field("vocab_size", std::to_string(s.vocab_size));
  field("tokenizer_model", json_string(s.tokenizer_model));
  field("tokenizer_pre", json_string(s.tokenizer_pre));
  field("chat_template", s.has_chat_template ? "true" : "false");
  field("tensor_count", std::to_string(s.tensor_count));
  std::string types = "{";
  for (const auto& t : s.types) {
    if (types.size() > 1) types += ",";
    types += json_string(t.type) + ":" + std::to_string(t.tensors);
  }
  field("tensor_types", types + "}");
  field("runnable", s.runnable ? "true" : "false");
  if (tensors) {
    std::string list = "[";
    for (const auto& t : f.tensors()) {
      if (list.size() > 1) list += ",";
      std::string dims = "[";
      for (size_t i = 0; i < t.dims.size(); ++i) {
        if (i > 0) dims.push_back(',');
        dims.append(std::to_string(t.dims[i]));
      }
      list.append("{\"name\":").append(json_string(t.name));
      list.append(",\"type\":").append(json_string(engine::ggml_type_name(t.type)));
      list.append(",\"dims\":").append(dims).append("],\"offset\":").append(std::to_string(t.offset));
      list.append(",\"bytes\":").append(std::to_string(t.n_bytes)).append("}");
    }
    field("tensors", list + "]");
  }
  std::printf("%s}\n", o.c_str());
}

}  // namespace

int run_model_info(const GlobalOptions& options, Args& args) {
  const bool tensors = args.take_flag("--tensors");
  const bool metadata = args.take_flag("--metadata");
  auto path = args.take_positional();
  if (!path) return usage_error("model info expects a GGUF file, found nothing");
  Status rest = args.expect_empty();
  if (!rest.is_ok()) return usage_error(rest.message());
  auto file = engine::GgufFile::open(*path);
  if (!file.is_ok()) return report_error(file.status().with_context(*path));
  auto summary = engine::summarize_model(**file);
  if (!summary.is_ok()) return report_error(summary.status().with_context(*path));
  if (options.json) {
    print_json(*path, **file, *summary, tensors);
  } else {
    print_text(*path, **file, *summary, tensors, metadata);
  }
  return kExitOk;
}

}  // namespace haven::cli
