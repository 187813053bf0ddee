#include "engine/gguf/gguf_reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <type_traits>
#include <unordered_set>

namespace haven::engine {

std::string format_count(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string gguf_type_name(uint32_t type) {
  static const char* const kNames[] = {"u8",  "i8",    "u16",   "i16", "u32", "i32", "f32",
                                       "bool", "string", "array", "u64", "i64", "f64"};
  if (type < sizeof(kNames) / sizeof(kNames[0])) return kNames[type];
  return "type " + std::to_string(type);
}

size_t gguf_scalar_size(GgufType type) {
  switch (type) {
    case GgufType::kU8:
    case GgufType::kI8:
    case GgufType::kBool: return 1;
    case GgufType::kU16:
    case GgufType::kI16: return 2;
    case GgufType::kU32:
    case GgufType::kI32:
    case GgufType::kF32: return 4;
    case GgufType::kU64:
    case GgufType::kI64:
    case GgufType::kF64: return 8;
    case GgufType::kString:
    case GgufType::kArray: return 0;
  }
  return 0;
}

std::string GgufTensorInfo::shape_string() const {
  std::string s;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) s += "x";
    s += std::to_string(dims[i]);
  }
  return s;
}

namespace {

constexpr uint32_t kMaxDims = 4;           // GGML_MAX_DIMS
constexpr uint64_t kMaxNameLength = 63;    // GGML_MAX_NAME - 1 (ggml keeps names NUL-terminated in 64)
constexpr uint64_t kMaxKeyLength = 65535;  // keys are short identifiers; anything longer is damage

template <typename T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));  // the mapping gives no alignment guarantee for metadata
  return v;
}

// A bounds-checked reader over the file. Every read says which part of the file it is in, so a short
// file yields "file ends at byte N inside <where>".
class Cursor {
 public:
  Cursor(const uint8_t* data, uint64_t size) : data_(data), size_(size) {}

  uint64_t pos() const { return pos_; }
  uint64_t remaining() const { return size_ - pos_; }
  const uint8_t* here() const { return data_ + pos_; }

  Status need(uint64_t n, const std::string& where) const {
    if (n > remaining()) {
      return corruption("file ends at byte " + format_count(size_) + " inside " + where + " (expected " +
                        format_count(n) + " more bytes at byte " + format_count(pos_) + ")");
    }
    return Status::ok();
  }
  template <typename T>
  Result<T> read(const std::string& where) {
    HAVEN_RETURN_IF_ERROR(need(sizeof(T), where));
    T v = load<T>(data_ + pos_);
    pos_ += sizeof(T);
    return v;
  }
  Status skip(uint64_t n, const std::string& where) {
    HAVEN_RETURN_IF_ERROR(need(n, where));
    pos_ += n;
    return Status::ok();
  }
  // A GGUF string: u64 length, then that many bytes (not NUL-terminated).
  Result<std::string_view> read_string(const std::string& where, uint64_t max_len) {
    HAVEN_ASSIGN_OR_RETURN(uint64_t len, read<uint64_t>(where));
    if (len > max_len) {
      return corruption(where + ": expected a string of at most " + format_count(max_len) +
                        " bytes, found a length of " + format_count(len) + " at byte " +
                        format_count(pos_ - 8));
    }
    HAVEN_RETURN_IF_ERROR(need(len, where));
    std::string_view s(reinterpret_cast<const char*>(data_ + pos_), static_cast<size_t>(len));
    pos_ += len;
    return s;
  }

 private:
  const uint8_t* data_;
  uint64_t size_;
  uint64_t pos_ = 0;
};

std::string quoted(std::string_view s) {
  // Keys and names come from the file: keep the message one line and printable.
  std::string out = "'";
  for (char c : s.substr(0, 80)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out += '?';
    } else {
      out.push_back(c);
    }
  }
  if (s.size() > 80) out += "...";
  out += "'";
  return out;
}

bool valid_value_type(uint32_t t) { return t <= static_cast<uint32_t>(GgufType::kF64); }

// Checks one value's bytes and fills the entry's payload fields.
Status read_value(Cursor& cur, GgufMetadataEntry& e, const std::string& where) {
  if (e.type == GgufType::kString) {
    HAVEN_ASSIGN_OR_RETURN(std::string_view s, cur.read_string(where, std::numeric_limits<uint64_t>::max()));
    e.payload = reinterpret_cast<const uint8_t*>(s.data());
    e.payload_size = s.size();
    e.array_type = GgufType::kString;
    e.count = 1;
    return Status::ok();
  }
  if (e.type != GgufType::kArray) {
    size_t n = gguf_scalar_size(e.type);
    HAVEN_RETURN_IF_ERROR(cur.need(n, where));
    e.payload = cur.here();
    e.payload_size = n;
    e.array_type = e.type;
    e.count = 1;
    if (e.type == GgufType::kBool && *cur.here() > 1) {
      return corruption(where + ": expected a bool (0 or 1), found " + std::to_string(*cur.here()));
    }
    return cur.skip(n, where);
  }
  HAVEN_ASSIGN_OR_RETURN(uint32_t elem, cur.read<uint32_t>(where + " (array element type)"));
  if (!valid_value_type(elem)) {
    return corruption(where + ": expected an array element type 0..12, found " + std::to_string(elem));
  }
  if (elem == static_cast<uint32_t>(GgufType::kArray)) {
    return unsupported(where + ": arrays of arrays are not supported");
  }
  e.array_type = static_cast<GgufType>(elem);
  HAVEN_ASSIGN_OR_RETURN(e.count, cur.read<uint64_t>(where + " (array length)"));
  const uint8_t* start = cur.here();
  uint64_t start_pos = cur.pos();
  if (e.array_type == GgufType::kString) {
    // Each string takes at least its 8-byte length: reject absurd counts before walking them.
    if (e.count > cur.remaining() / 8) {
      return corruption("file ends at byte " + format_count(cur.pos() + cur.remaining()) + " inside " + where +
                        " (expected " + format_count(e.count) + " strings of at least 8 bytes each, found room for " +
                        format_count(cur.remaining() / 8) + ")");
    }
    for (uint64_t i = 0; i < e.count; ++i) {
      // The message is built only on failure: vocabularies hold hundreds of thousands of strings.
      uint64_t len = 0;
      bool ok = cur.remaining() >= 8;
      if (ok) {
        len = load<uint64_t>(cur.here());
        ok = len <= cur.remaining() - 8;
      }
      if (!ok) {
        auto s = cur.read_string(where + " (string " + format_count(i) + " of " + format_count(e.count) + ")",
                                 std::numeric_limits<uint64_t>::max());
        return s.status();
      }
      HAVEN_RETURN_IF_ERROR(cur.skip(8 + len, where));
    }
  } else {
    uint64_t sz = gguf_scalar_size(e.array_type);
    if (e.count > cur.remaining() / sz) {
      return corruption("file ends at byte " + format_count(cur.pos() + cur.remaining()) + " inside " + where +
                        " (expected " + format_count(e.count) + " " + gguf_type_name(e.array_type) +
                        " elements at byte " + format_count(cur.pos()) + ")");
    }
    if (e.array_type == GgufType::kBool) {
      for (uint64_t i = 0; i < e.count; ++i) {
        if (cur.here()[i] > 1) {
          return corruption(where + ": expected bools (0 or 1), found " + std::to_string(cur.here()[i]) +
                            " at element " + format_count(i));
        }
      }
    }
    HAVEN_RETURN_IF_ERROR(cur.skip(e.count * sz, where));
  }
  e.payload = start;
  e.payload_size = static_cast<size_t>(cur.pos() - start_pos);
  return Status::ok();
}

Status type_mismatch(std::string_view key, const std::string& expected, const GgufMetadataEntry& e) {
  std::string found = gguf_type_name(e.type);
  if (e.type == GgufType::kArray) found = "array of " + gguf_type_name(e.array_type);
  return invalid_argument("metadata key " + quoted(key) + ": expected " + expected + ", found " + found);
}

// Reads an integer scalar of any width as a signed 128-bit-safe pair: the value fits in int64 or it is a
// u64 above INT64_MAX (then `big` is set).
bool read_integer(GgufType t, const uint8_t* p, int64_t& v, uint64_t& big, bool& is_big) {
  is_big = false;
  switch (t) {
    case GgufType::kU8: v = load<uint8_t>(p); return true;
    case GgufType::kI8: v = load<int8_t>(p); return true;
    case GgufType::kU16: v = load<uint16_t>(p); return true;
    case GgufType::kI16: v = load<int16_t>(p); return true;
    case GgufType::kU32: v = load<uint32_t>(p); return true;
    case GgufType::kI32: v = load<int32_t>(p); return true;
    case GgufType::kI64: v = load<int64_t>(p); return true;
    case GgufType::kU64: {
      uint64_t u = load<uint64_t>(p);
      if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        is_big = true;
        big = u;
      } else {
        v = static_cast<int64_t>(u);
      }
      return true;
    }
    default: return false;
  }
}

template <typename T>
Result<T> get_integer(const GgufFile& f, std::string_view key, const char* expected) {
  const GgufMetadataEntry* e = f.find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  int64_t v = 0;
  uint64_t big = 0;
  bool is_big = false;
  if (e->type == GgufType::kArray || !read_integer(e->type, e->payload, v, big, is_big)) {
    return type_mismatch(key, expected, *e);
  }
  if (is_big) {
    if constexpr (std::is_same_v<T, uint64_t>) return big;
    return invalid_argument("metadata key " + quoted(key) + ": expected " + expected + ", found " +
                            std::to_string(big));
  }
  if (v < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
      (v > 0 && static_cast<uint64_t>(v) > static_cast<uint64_t>(std::numeric_limits<T>::max()))) {
    return invalid_argument("metadata key " + quoted(key) + ": expected " + expected + ", found " +
                            std::to_string(v));
  }
  return static_cast<T>(v);
}

}  // namespace

GgufFile::~GgufFile() {
  if (map_ != nullptr) munmap(map_, map_size_);
}

Result<std::unique_ptr<GgufFile>> GgufFile::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return not_found("no such file: " + path);
    return io_error("cannot open " + path + ": " + std::strerror(err));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return io_error("cannot read the size of " + path + ": " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return io_error("expected a regular file, found something else at " + path);
  }
  std::unique_ptr<GgufFile> f(new GgufFile());
  f->size_ = static_cast<uint64_t>(st.st_size);
  if (f->size_ > 0) {
    void* m = mmap(nullptr, static_cast<size_t>(f->size_), PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      return io_error("cannot map " + path + ": " + std::strerror(err));
    }
    f->map_ = m;
    f->map_size_ = static_cast<size_t>(f->size_);
    f->data_ = static_cast<const uint8_t*>(m);
  } else {
    f->data_ = reinterpret_cast<const uint8_t*>("");
  }
  ::close(fd);  // the mapping keeps the file alive
  HAVEN_RETURN_IF_ERROR(f->parse_all());
  return f;
}

Result<std::unique_ptr<GgufFile>> GgufFile::parse(std::string bytes) {
  std::unique_ptr<GgufFile> f(new GgufFile());
  f->owned_ = std::move(bytes);
  f->data_ = reinterpret_cast<const uint8_t*>(f->owned_.data());
  f->size_ = f->owned_.size();
  HAVEN_RETURN_IF_ERROR(f->parse_all());
  return f;
}

Status GgufFile::parse_all() {
  Cursor cur(data_, size_);
  if (size_ < 4 || std::memcmp(data_, "GGUF", 4) != 0) {
    std::string found;
    for (uint64_t i = 0; i < std::min<uint64_t>(size_, 4); ++i) {
      char c = static_cast<char>(data_[i]);
      found += (data_[i] >= 0x20 && data_[i] < 0x7f) ? std::string(1, c) : "?";
    }
    if (size_ == 0) return corruption("expected a GGUF file (magic 'GGUF'), found an empty file");
    return corruption("expected a GGUF file (magic 'GGUF'), found '" + found + "'");
  }
  HAVEN_RETURN_IF_ERROR(cur.skip(4, "the header"));
  HAVEN_ASSIGN_OR_RETURN(version_, cur.read<uint32_t>("the header"));
  if (version_ != 2 && version_ != 3) {
    if ((version_ & 0xffff) == 0 && version_ != 0) {
      return unsupported("expected a little-endian GGUF file, found a big-endian one (version " +
                         std::to_string(__builtin_bswap32(version_)) + ")");
    }
    return unsupported("expected GGUF version 2 or 3, found version " + std::to_string(version_));
  }
  HAVEN_ASSIGN_OR_RETURN(uint64_t n_tensors, cur.read<uint64_t>("the header"));
  HAVEN_ASSIGN_OR_RETURN(uint64_t n_kv, cur.read<uint64_t>("the header"));
  // The smallest key/value takes 8 (key length) + 4 (type) + 1 bytes; the smallest tensor info
  // 8 + 4 + 8 + 4 + 8. Counts that cannot fit in the rest of the file are damage, caught before any
  // allocation sized by them.
  if (n_kv > cur.remaining() / 13) {
    return corruption("file ends at byte " + format_count(size_) + ", too soon for the " + format_count(n_kv) +
                      " metadata entries the header announces (expected at most " +
                      format_count(cur.remaining() / 13) + ")");
  }
  if (n_tensors > cur.remaining() / 32) {
    return corruption("file ends at byte " + format_count(size_) + ", too soon for the " + format_count(n_tensors) +
                      " tensors the header announces (expected at most " + format_count(cur.remaining() / 32) + ")");
  }

  metadata_.reserve(static_cast<size_t>(n_kv));
  std::unordered_set<std::string_view> keys;
  for (uint64_t i = 0; i < n_kv; ++i) {
    GgufMetadataEntry e;
    e.file_offset = cur.pos();
    std::string where = "the metadata (entry " + format_count(i) + " of " + format_count(n_kv) + ")";
    HAVEN_ASSIGN_OR_RETURN(e.key, cur.read_string(where, kMaxKeyLength));
    where = "metadata key " + quoted(e.key);
    if (!keys.insert(e.key).second) return corruption(where + ": the key appears twice");
    HAVEN_ASSIGN_OR_RETURN(uint32_t type, cur.read<uint32_t>(where));
    if (!valid_value_type(type)) {
      return corruption(where + ": expected a value type 0..12, found " + std::to_string(type));
    }
    e.type = static_cast<GgufType>(type);
    HAVEN_RETURN_IF_ERROR(read_value(cur, e, where));
    metadata_.push_back(e);
  }

  if (const GgufMetadataEntry* a = find("general.alignment")) {
    if (a->type != GgufType::kU32) {
      return corruption("metadata key 'general.alignment': expected u32, found " + gguf_type_name(a->type));
    }
    uint32_t al = load<uint32_t>(a->payload);
    if (al == 0 || (al & (al - 1)) != 0) {
      return corruption("metadata key 'general.alignment': expected a power of two, found " + std::to_string(al));
    }
    alignment_ = al;
  }

  tensors_.reserve(static_cast<size_t>(n_tensors));
  std::unordered_set<std::string_view> names;
  for (uint64_t i = 0; i < n_tensors; ++i) {
    GgufTensorInfo t;
    std::string where = "the tensor infos (tensor " + format_count(i) + " of " + format_count(n_tensors) + ")";
    HAVEN_ASSIGN_OR_RETURN(std::string_view name, cur.read_string(where, 1u << 20));
    if (name.empty()) return corruption(where + ": expected a tensor name, found an empty one");
    where = "tensor " + quoted(name);
    if (name.size() > kMaxNameLength) {
      return corruption(where + ": expected a name of at most " + std::to_string(kMaxNameLength) +
                        " bytes, found " + format_count(name.size()));
    }
    if (!names.insert(name).second) return corruption(where + ": the name appears twice");
    t.name = std::string(name);
    HAVEN_ASSIGN_OR_RETURN(uint32_t n_dims, cur.read<uint32_t>(where));
    if (n_dims == 0 || n_dims > kMaxDims) {
      return corruption(where + ": expected 1 to 4 dimensions, found " + std::to_string(n_dims));
    }
    uint64_t n_el = 1;
    for (uint32_t d = 0; d < n_dims; ++d) {
      HAVEN_ASSIGN_OR_RETURN(uint64_t dim, cur.read<uint64_t>(where));
      if (dim == 0 || dim > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) / n_el) {
        return corruption(where + ": expected dimension " + std::to_string(d) +
                          " between 1 and the 63-bit element limit, found " + format_count(dim));
      }
      n_el *= dim;
      t.dims.push_back(dim);
    }
    t.n_elements = n_el;
    HAVEN_ASSIGN_OR_RETURN(uint32_t type, cur.read<uint32_t>(where));
    auto traits = ggml_type_traits(type);
    if (!traits) return unsupported(where + ": unknown tensor type " + std::to_string(type));
    t.type = static_cast<GgmlType>(type);
    if (t.dims[0] % traits->block_size != 0) {
      return corruption(where + ": expected a row length that is a multiple of " +
                        std::to_string(traits->block_size) + " for type " + traits->name + ", found " +
                        format_count(t.dims[0]));
    }
    // n_el <= 2^63 and type_size/block_size <= 4 bytes per element... but check anyway.
    uint64_t blocks = n_el / traits->block_size;
    if (blocks > std::numeric_limits<uint64_t>::max() / traits->type_size) {
      return corruption(where + ": the tensor is larger than any file could hold");
    }
    t.n_bytes = blocks * traits->type_size;
    HAVEN_ASSIGN_OR_RETURN(t.offset, cur.read<uint64_t>(where));
    if (t.offset % alignment_ != 0) {
      return corruption(where + ": expected a data offset aligned to " + std::to_string(alignment_) +
                        " bytes, found " + format_count(t.offset));
    }
    tensors_.push_back(std::move(t));
  }

  uint64_t end_of_infos = cur.pos();
  data_offset_ = (end_of_infos + alignment_ - 1) / alignment_ * alignment_;
  if (!tensors_.empty() && data_offset_ > size_) {
    return corruption("file ends at byte " + format_count(size_) + " before the tensor data, expected at byte " +
                      format_count(data_offset_));
  }
  if (tensors_.empty() && data_offset_ > size_) data_offset_ = size_;  // vocab-only files may stop early
  uint64_t data_size = size_ - data_offset_;

  for (GgufTensorInfo& t : tensors_) {
    if (t.offset > data_size || t.n_bytes > data_size - t.offset) {
      const uint64_t at = data_offset_ + std::min(t.offset, data_size);
      return corruption("tensor " + quoted(t.name) + ": file ends at byte " + format_count(size_) +
                        " inside its data (expected " + format_count(t.n_bytes) + " bytes at data offset " +
                        format_count(t.offset) + ", byte " + (t.offset > data_size ? std::string("past the end") : format_count(at)) + ")");
    }
    t.file_offset = data_offset_ + t.offset;
    t.data = data_ + t.file_offset;
  }
  // Tensors must not overlap: a writer never produces that, and overlapping weights are damage.
  std::vector<const GgufTensorInfo*> by_offset;
  by_offset.reserve(tensors_.size());
  for (const auto& t : tensors_) by_offset.push_back(&t);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const GgufTensorInfo* a, const GgufTensorInfo* b) { return a->offset < b->offset; });
  for (size_t i = 1; i < by_offset.size(); ++i) {
    const GgufTensorInfo* prev = by_offset[i - 1];
    if (prev->offset + prev->n_bytes > by_offset[i]->offset) {
      return corruption("tensor " + quoted(by_offset[i]->name) + ": its data at offset " +
                        format_count(by_offset[i]->offset) + " overlaps tensor " + quoted(prev->name) +
                        " (expected an offset of at least " + format_count(prev->offset + prev->n_bytes) + ")");
    }
  }
  return Status::ok();
}

const GgufMetadataEntry* GgufFile::find(std::string_view key) const {
  for (const auto& e : metadata_) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const GgufTensorInfo* GgufFile::find_tensor(std::string_view name) const {
  for (const auto& t : tensors_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string GgufFile::architecture() const {
  auto a = get_string("general.architecture");
  return a.is_ok() ? a.value() : std::string();
}

Result<std::string_view> GgufFile::get_string_view(std::string_view key) const {
  const GgufMetadataEntry* e = find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  if (e->type != GgufType::kString) return type_mismatch(key, "string", *e);
  return std::string_view(reinterpret_cast<const char*>(e->payload), e->payload_size);
}

Result<std::string> GgufFile::get_string(std::string_view key) const {
  HAVEN_ASSIGN_OR_RETURN(std::string_view s, get_string_view(key));
  return std::string(s);
}

Result<uint32_t> GgufFile::get_u32(std::string_view key) const { return get_integer<uint32_t>(*this, key, "u32"); }
Result<int32_t> GgufFile::get_i32(std::string_view key) const { return get_integer<int32_t>(*this, key, "i32"); }
Result<uint64_t> GgufFile::get_u64(std::string_view key) const { return get_integer<uint64_t>(*this, key, "u64"); }
Result<int64_t> GgufFile::get_i64(std::string_view key) const { return get_integer<int64_t>(*this, key, "i64"); }

Result<float> GgufFile::get_f32(std::string_view key) const {
  const GgufMetadataEntry* e = find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  if (e->type == GgufType::kF32) return load<float>(e->payload);
  if (e->type == GgufType::kF64) return static_cast<float>(load<double>(e->payload));
  return type_mismatch(key, "f32", *e);
}

Result<bool> GgufFile::get_bool(std::string_view key) const {
  const GgufMetadataEntry* e = find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  if (e->type != GgufType::kBool) return type_mismatch(key, "bool", *e);
  return *e->payload != 0;
}

Result<std::vector<std::string_view>> GgufFile::get_string_array_views(std::string_view key) const {
  const GgufMetadataEntry* e = find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  if (e->type != GgufType::kArray || e->array_type != GgufType::kString) {
    return type_mismatch(key, "array of string", *e);
  }
  std::vector<std::string_view> out;
  out.reserve(static_cast<size_t>(e->count));
  const uint8_t* p = e->payload;
  for (uint64_t i = 0; i < e->count; ++i) {  // lengths were validated by parse_all
    uint64_t len = load<uint64_t>(p);
    out.emplace_back(reinterpret_cast<const char*>(p + 8), static_cast<size_t>(len));
    p += 8 + len;
  }
  return out;
}

Result<std::vector<std::string>> GgufFile::get_string_array(std::string_view key) const {
  HAVEN_ASSIGN_OR_RETURN(std::vector<std::string_view> views, get_string_array_views(key));
  return std::vector<std::string>(views.begin(), views.end());
}

Result<std::vector<int32_t>> GgufFile::get_i32_array(std::string_view key) const {
  const GgufMetadataEntry* e = find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  if (e->type != GgufType::kArray) return type_mismatch(key, "array of i32", *e);
  std::vector<int32_t> out;
  switch (e->array_type) {
    case GgufType::kI32:
    case GgufType::kU32:
    case GgufType::kI16:
    case GgufType::kU16:
    case GgufType::kI8:
    case GgufType::kU8: break;
    default: return type_mismatch(key, "array of i32", *e);
  }
  size_t sz = gguf_scalar_size(e->array_type);
  out.reserve(static_cast<size_t>(e->count));
  for (uint64_t i = 0; i < e->count; ++i) {
    int64_t v = 0;
    uint64_t big = 0;
    bool is_big = false;
    read_integer(e->array_type, e->payload + i * sz, v, big, is_big);
    if (v > std::numeric_limits<int32_t>::max()) {
      return invalid_argument("metadata key " + quoted(key) + ": expected i32 elements, found " +
                              std::to_string(v) + " at element " + format_count(i));
    }
    out.push_back(static_cast<int32_t>(v));
  }
  return out;
}

Result<std::vector<uint32_t>> GgufFile::get_u32_array(std::string_view key) const {
  const GgufMetadataEntry* e = find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  if (e->type != GgufType::kArray || e->array_type != GgufType::kU32) return type_mismatch(key, "array of u32", *e);
  std::vector<uint32_t> out(static_cast<size_t>(e->count));
  if (!out.empty()) std::memcpy(out.data(), e->payload, out.size() * 4);
  return out;
}

Result<std::vector<float>> GgufFile::get_f32_array(std::string_view key) const {
  const GgufMetadataEntry* e = find(key);
  if (e == nullptr) return not_found("metadata key " + quoted(key) + " is missing");
  if (e->type != GgufType::kArray || e->array_type != GgufType::kF32) return type_mismatch(key, "array of f32", *e);
  std::vector<float> out(static_cast<size_t>(e->count));
  if (!out.empty()) std::memcpy(out.data(), e->payload, out.size() * 4);
  return out;
}

}  // namespace haven::engine
