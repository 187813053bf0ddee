#include "engine/gguf/gguf_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>

namespace haven::engine {
namespace {

template <typename T>
std::string bytes_of(T v) {
  std::string s(sizeof(T), '\0');
  std::memcpy(s.data(), &v, sizeof(T));
  return s;
}

class StringSink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}
  static constexpr bool kWantsData = true;
  void put(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  uint64_t pos() const { return out_.size(); }
  bool ok() const { return true; }

 private:
  std::string& out_;
};

class CountSink {
 public:
  static constexpr bool kWantsData = false;
  void put(const void*, size_t n) { pos_ += n; }
  uint64_t pos() const { return pos_; }

 private:
  uint64_t pos_ = 0;
};

class FileSink {
 public:
  static constexpr bool kWantsData = true;
  explicit FileSink(std::FILE* f) : f_(f) {}
  void put(const void* p, size_t n) {
    if (ok_ && n > 0 && std::fwrite(p, 1, n, f_) != n) ok_ = false;
    pos_ += n;
  }
  uint64_t pos() const { return pos_; }
  bool ok() const { return ok_; }

 private:
  std::FILE* f_;
  uint64_t pos_ = 0;
  bool ok_ = true;
};

template <typename Sink, typename T>
void put(Sink& s, T v) {
  s.put(&v, sizeof(T));
}

template <typename Sink>
void put_string(Sink& s, std::string_view v) {
  put<Sink, uint64_t>(s, v.size());
  s.put(v.data(), v.size());
}

template <typename Sink>
void pad(Sink& s, uint64_t alignment) {
  static const char kZeros[256] = {};
  uint64_t n = (alignment - s.pos() % alignment) % alignment;
  while (n > 0) {
    uint64_t k = n < sizeof(kZeros) ? n : sizeof(kZeros);
    s.put(kZeros, static_cast<size_t>(k));
    n -= k;
  }
}

uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

}  // namespace

void GgufWriter::set(std::string_view key, GgufType type, GgufType array_type, uint64_t count, std::string payload) {
  for (Entry& e : entries_) {
    if (e.key == key) {
      e = Entry{std::string(key), type, array_type, count, std::move(payload)};
      return;
    }
  }
  entries_.push_back(Entry{std::string(key), type, array_type, count, std::move(payload)});
}

void GgufWriter::set_string(std::string_view key, std::string_view v) {
  set(key, GgufType::kString, GgufType::kString, 1, std::string(v));
}
void GgufWriter::set_u8(std::string_view k, uint8_t v) { set(k, GgufType::kU8, GgufType::kU8, 1, bytes_of(v)); }
void GgufWriter::set_i8(std::string_view k, int8_t v) { set(k, GgufType::kI8, GgufType::kI8, 1, bytes_of(v)); }
void GgufWriter::set_u16(std::string_view k, uint16_t v) { set(k, GgufType::kU16, GgufType::kU16, 1, bytes_of(v)); }
void GgufWriter::set_i16(std::string_view k, int16_t v) { set(k, GgufType::kI16, GgufType::kI16, 1, bytes_of(v)); }
void GgufWriter::set_u32(std::string_view k, uint32_t v) { set(k, GgufType::kU32, GgufType::kU32, 1, bytes_of(v)); }
void GgufWriter::set_i32(std::string_view k, int32_t v) { set(k, GgufType::kI32, GgufType::kI32, 1, bytes_of(v)); }
void GgufWriter::set_u64(std::string_view k, uint64_t v) { set(k, GgufType::kU64, GgufType::kU64, 1, bytes_of(v)); }
void GgufWriter::set_i64(std::string_view k, int64_t v) { set(k, GgufType::kI64, GgufType::kI64, 1, bytes_of(v)); }
void GgufWriter::set_f32(std::string_view k, float v) { set(k, GgufType::kF32, GgufType::kF32, 1, bytes_of(v)); }
void GgufWriter::set_f64(std::string_view k, double v) { set(k, GgufType::kF64, GgufType::kF64, 1, bytes_of(v)); }
void GgufWriter::set_bool(std::string_view k, bool v) {
  set(k, GgufType::kBool, GgufType::kBool, 1, std::string(1, v ? '\1' : '\0'));
}

void GgufWriter::set_string_array(std::string_view key, const std::vector<std::string>& values) {
  std::string p;
  for (const auto& v : values) {
    p += bytes_of<uint64_t>(v.size());
    p += v;
  }
  set(key, GgufType::kArray, GgufType::kString, values.size(), std::move(p));
}

void GgufWriter::set_string_array(std::string_view key, const std::vector<std::string_view>& values) {
  std::string p;
  for (const auto& v : values) {
    p += bytes_of<uint64_t>(v.size());
    p += v;
  }
  set(key, GgufType::kArray, GgufType::kString, values.size(), std::move(p));
}

void GgufWriter::set_i32_array(std::string_view key, const std::vector<int32_t>& values) {
  std::string p(values.size() * 4, '\0');
  if (!values.empty()) std::memcpy(p.data(), values.data(), p.size());
  set(key, GgufType::kArray, GgufType::kI32, values.size(), std::move(p));
}

void GgufWriter::set_u32_array(std::string_view key, const std::vector<uint32_t>& values) {
  std::string p(values.size() * 4, '\0');
  if (!values.empty()) std::memcpy(p.data(), values.data(), p.size());
  set(key, GgufType::kArray, GgufType::kU32, values.size(), std::move(p));
}

void GgufWriter::set_f32_array(std::string_view key, const std::vector<float>& values) {
  std::string p(values.size() * 4, '\0');
  if (!values.empty()) std::memcpy(p.data(), values.data(), p.size());
  set(key, GgufType::kArray, GgufType::kF32, values.size(), std::move(p));
}

void GgufWriter::copy_entry(const GgufMetadataEntry& e) {
  set(e.key, e.type, e.array_type, e.count,
      std::string(reinterpret_cast<const char*>(e.payload), e.payload_size));
}

bool GgufWriter::remove(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->key == key) {
      entries_.erase(it);
      return true;
    }
  }
  return false;
}

bool GgufWriter::has(std::string_view key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return true;
  }
  return false;
}

Status GgufWriter::add_tensor(std::string_view name, const std::vector<uint64_t>& dims, GgmlType type,
                              const void* data) {
  const std::string where = "tensor '" + std::string(name) + "'";
  if (name.empty() || name.size() > 63) {
    return invalid_argument(where + ": expected a name of 1 to 63 bytes, found " + std::to_string(name.size()));
  }
  for (const Tensor& t : tensors_) {
    if (t.name == name) return invalid_argument(where + ": the name is already used");
  }
  if (dims.empty() || dims.size() > 4) {
    return invalid_argument(where + ": expected 1 to 4 dimensions, found " + std::to_string(dims.size()));
  }
  auto traits = ggml_type_traits(static_cast<uint32_t>(type));
  if (!traits) return invalid_argument(where + ": unknown type " + std::to_string(static_cast<uint32_t>(type)));
  uint64_t n = 1;
  for (uint64_t d : dims) {
    if (d == 0 || d > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) / n) {
      return invalid_argument(where + ": expected dimensions of at least 1 and a size that fits, found " +
                              std::to_string(d));
    }
    n *= d;
  }
  if (dims[0] % traits->block_size != 0) {
    return invalid_argument(where + ": expected a row length that is a multiple of " +
                            std::to_string(traits->block_size) + " for " + traits->name + ", found " +
                            std::to_string(dims[0]));
  }
  tensors_.push_back(Tensor{std::string(name), dims, type, static_cast<const uint8_t*>(data),
                            n / traits->block_size * traits->type_size, {}, {}});
  return Status::ok();
}

Status GgufWriter::add_tensor(std::string_view name, const std::vector<uint64_t>& dims, GgmlType type,
                              std::vector<uint8_t> data) {
  HAVEN_RETURN_IF_ERROR(add_tensor(name, dims, type, static_cast<const void*>(nullptr)));
  Tensor& t = tensors_.back();
  if (data.size() != t.n_bytes) {
    std::string msg = "tensor '" + t.name + "': expected " + std::to_string(t.n_bytes) + " bytes of data, found " +
                      std::to_string(data.size());
    tensors_.pop_back();
    return invalid_argument(msg);
  }
  t.owned = std::move(data);
  t.data = t.owned.data();
  return Status::ok();
}

Status GgufWriter::add_tensor(std::string_view name, const std::vector<uint64_t>& dims, GgmlType type,
                              TensorFiller fill) {
  HAVEN_RETURN_IF_ERROR(add_tensor(name, dims, type, static_cast<const void*>(nullptr)));
  tensors_.back().fill = std::move(fill);
  return Status::ok();
}

Status GgufWriter::copy_from(const GgufFile& file) {
  version_ = file.version();
  for (const GgufMetadataEntry& e : file.metadata()) copy_entry(e);
  for (const GgufTensorInfo& t : file.tensors()) {
    HAVEN_RETURN_IF_ERROR(add_tensor(t.name, t.dims, t.type, t.data));
  }
  return Status::ok();
}

uint64_t GgufWriter::alignment() const {
  for (const Entry& e : entries_) {
    if (e.key == "general.alignment" && e.type == GgufType::kU32) {
      uint32_t a;
      std::memcpy(&a, e.payload.data(), 4);
      if (a != 0 && (a & (a - 1)) == 0) return a;
    }
  }
  return 32;
}

template <typename Sink>
void GgufWriter::emit(Sink& s) const {
  s.put("GGUF", 4);
  put<Sink, uint32_t>(s, version_);
  put<Sink, uint64_t>(s, tensors_.size());
  put<Sink, uint64_t>(s, entries_.size());
  for (const Entry& e : entries_) {
    put_string(s, e.key);
    put<Sink, uint32_t>(s, static_cast<uint32_t>(e.type));
    if (e.type == GgufType::kString) {
      put_string(s, e.payload);
    } else {
      if (e.type == GgufType::kArray) {
        put<Sink, uint32_t>(s, static_cast<uint32_t>(e.array_type));
        put<Sink, uint64_t>(s, e.count);
      }
      s.put(e.payload.data(), e.payload.size());
    }
  }
  const uint64_t al = alignment();
  uint64_t offset = 0;
  for (const Tensor& t : tensors_) {
    put_string(s, t.name);
    put<Sink, uint32_t>(s, static_cast<uint32_t>(t.dims.size()));
    for (uint64_t d : t.dims) put<Sink, uint64_t>(s, d);
    put<Sink, uint32_t>(s, static_cast<uint32_t>(t.type));
    put<Sink, uint64_t>(s, offset);
    offset = align_up(offset + t.n_bytes, al);
  }
  if (tensors_.empty()) return;  // vocab-only files end after their metadata, as gguf-py writes them
  pad(s, al);
  std::vector<uint8_t> buffer;
  for (const Tensor& t : tensors_) {
    if (t.fill && Sink::kWantsData) {
      buffer.assign(static_cast<size_t>(t.n_bytes), 0);
      t.fill(buffer.data(), t.n_bytes);
      s.put(buffer.data(), buffer.size());
    } else {
      s.put(t.data, static_cast<size_t>(t.n_bytes));
    }
    pad(s, al);
  }
}

std::string GgufWriter::serialize() const {
  std::string out;
  out.reserve(static_cast<size_t>(file_size()));
  StringSink s(out);
  emit(s);
  return out;
}

uint64_t GgufWriter::file_size() const {
  CountSink s;
  emit(s);
  return s.pos();
}

Status GgufWriter::write(const std::string& path) const {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("cannot create " + tmp + ": " + std::strerror(errno));
  std::FILE* f = ::fdopen(fd, "wb");
  if (f == nullptr) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return io_error("cannot write " + tmp + ": " + std::strerror(err));
  }
  FileSink s(f);
  emit(s);
  bool ok = s.ok() && std::fflush(f) == 0 && ::fsync(fd) == 0;
  int err = errno;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    ::unlink(tmp.c_str());
    return io_error("cannot write " + path + ": " + std::strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    err = errno;
    ::unlink(tmp.c_str());
    return io_error("cannot replace " + path + ": " + std::strerror(err));
  }
  return Status::ok();
}

}  // namespace haven::engine
