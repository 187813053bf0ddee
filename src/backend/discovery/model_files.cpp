#include "backend/discovery/model_files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "backend/discovery/ollama_manifest.h"
#include "core/paths.h"

namespace haven::backend::discovery {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxManifestBytes = 1 << 20;

std::vector<fs::path> subdirs(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> regular_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_small_file(const fs::path& path, std::string* problem) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    *problem = "could not read " + path.string();
    return {};
  }
  if (size > kMaxManifestBytes) {
    *problem = path.string() + ": expected a manifest under 1 MB, found " + std::to_string(size) + " bytes";
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::string data(static_cast<size_t>(size), '\0');
  if (!in.read(data.data(), static_cast<std::streamsize>(size))) {
    *problem = "could not read " + path.string();
    return {};
  }
  return data;
}

void sort_files(FileScan& scan) {
  std::sort(scan.files.begin(), scan.files.end(),
            [](const ModelFile& a, const ModelFile& b) { return a.name < b.name || (a.name == b.name && a.path < b.path); });
}

}  // namespace

std::string default_ollama_models_dir() {
  const char* env = std::getenv("OLLAMA_MODELS");
  if (env != nullptr && env[0] != '\0') return env;
  return paths::join(paths::home_dir(), ".ollama/models");
}

bool has_gguf_signature(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && magic[0] == 'G' && magic[1] == 'G' && magic[2] == 'U' && magic[3] == 'F';
}

FileScan scan_ollama_store(const std::string& models_dir) {
  FileScan scan;
  const fs::path root(models_dir);
  const fs::path manifests = root / "manifests";
  std::error_code ec;
  if (!fs::is_directory(manifests, ec)) return scan;
  for (const fs::path& registry : subdirs(manifests)) {
    for (const fs::path& ns : subdirs(registry)) {
      for (const fs::path& model : subdirs(ns)) {
        for (const fs::path& tag : regular_files(model)) {
          const std::string name = ollama_model_name(registry.filename().string(), ns.filename().string(),
                                                     model.filename().string(), tag.filename().string());
          std::string problem;
          const std::string text = read_small_file(tag, &problem);
          if (!problem.empty()) {
            scan.problems.push_back(name + ": " + problem);
            continue;
          }
          auto manifest = parse_ollama_manifest(text);
          if (!manifest.is_ok()) {
            scan.problems.push_back(name + ": " + manifest.status().message());
            continue;
          }
          fs::path blob = root / "blobs" / ("sha256-" + manifest->digest_hex);
          if (!fs::is_regular_file(blob, ec)) blob = root / "blobs" / ("sha256:" + manifest->digest_hex);
          if (!fs::is_regular_file(blob, ec)) {
            scan.problems.push_back(name + ": its model file sha256-" + manifest->digest_hex.substr(0, 12) +
                                    "... is missing from " + (root / "blobs").string());
            continue;
          }
          if (!has_gguf_signature(blob.string())) {
            scan.problems.push_back(name + ": " + blob.string() + " does not start with the GGUF signature");
            continue;
          }
          ModelFile f;
          f.name = name;
          f.path = blob.string();
          f.size = fs::file_size(blob, ec);
          f.source = "Ollama's model store";
          scan.files.push_back(std::move(f));
        }
      }
    }
  }
  sort_files(scan);
  return scan;
}

FileScan scan_gguf_folder(const std::string& dir) {
  FileScan scan;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return scan;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
    if (it.depth() > 2) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec) && it.depth() == 2) it.disable_recursion_pending();
    const fs::path& p = it->path();
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".gguf" || !it->is_regular_file(ec)) continue;
    if (!has_gguf_signature(p.string())) {
      scan.problems.push_back(p.string() + " does not start with the GGUF signature");
      continue;
    }
    ModelFile f;
    f.name = p.filename().string();
    f.path = p.string();
    f.size = fs::file_size(p, ec);
    f.source = "Haven's models folder";
    scan.files.push_back(std::move(f));
  }
  sort_files(scan);
  return scan;
}

}  // namespace haven::backend::discovery
