// Finding GGUF model files on this computer: in Ollama's model store and in Haven's own models folder.
// Only reads: nothing is created, changed or sent anywhere.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace haven::backend::discovery {

struct ModelFile {
  std::string name;    // "llama3.2:1b" for Ollama's store, the file name for a folder
  std::string path;    // the GGUF file itself
  uint64_t size = 0;   // bytes on disk
  std::string source;  // "Ollama's model store" or "Haven's models folder"
};

struct FileScan {
  std::vector<ModelFile> files;       // sorted by name
  std::vector<std::string> problems;  // one line each: a damaged manifest, a missing blob, a non-GGUF file
};

// $OLLAMA_MODELS when set, else ~/.ollama/models.
std::string default_ollama_models_dir();

// Reads <models_dir>/manifests/<registry>/<namespace>/<model>/<tag> and resolves each model layer to
// <models_dir>/blobs/sha256-<hex> (or the older sha256:<hex>). A missing store gives an empty scan.
FileScan scan_ollama_store(const std::string& models_dir);

// *.gguf files in dir and up to two levels of subfolders (symlinked files are followed, symlinked
// folders are not). Files that do not start with the GGUF signature are reported as problems.
FileScan scan_gguf_folder(const std::string& dir);

// True when the file starts with the four bytes "GGUF".
bool has_gguf_signature(const std::string& path);

}  // namespace haven::backend::discovery
