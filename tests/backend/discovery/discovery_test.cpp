// Model discovery against a fake Ollama store and a fake Haven models folder laid out in a temp folder,
// and against real HTTP servers on 127.0.0.1.
#include "backend/discovery/discovery.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "backend/discovery/ollama_manifest.h"
#include "ollama/ollama_fixture.h"
#include "support/temp_dir.h"
#include "support/wire_server.h"

namespace haven::backend::discovery {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string hex_digest(char c) { return std::string(64, c); }

std::string manifest(const std::string& digest, uint64_t size) {
  return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
         "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\"sha256:" +
         hex_digest('c') + "\",\"size\":485},\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\","
         "\"digest\":\"" + digest + "\",\"size\":" + std::to_string(size) +
         "},{\"mediaType\":\"application/vnd.ollama.image.template\",\"digest\":\"sha256:" + hex_digest('d') +
         "\",\"size\":1429}]}";
}

// An Ollama store: two good models, and one each of damaged manifest, missing blob, non-GGUF blob and a
// digest that tries to leave the blobs folder.
std::string make_store(const test::TempDir& tmp) {
  const fs::path root = fs::path(tmp.path()) / "ollama-models";
  const fs::path m = root / "manifests";
  write(m / "registry.ollama.ai/library/llama3.2/1b", manifest("sha256:" + hex_digest('a'), 10));
  write(root / "blobs" / ("sha256-" + hex_digest('a')), std::string("GGUF\x03\x00\x00\x00xx", 10));
  write(m / "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF/Q4_K_M", manifest("sha256:" + hex_digest('b'), 6));
  write(root / "blobs" / ("sha256-" + hex_digest('b')), std::string("GGUF\x03\x00", 6));
  write(m / "registry.ollama.ai/library/broken/latest", "{\"layers\":[{\"mediaType\":");
  write(m / "registry.ollama.ai/library/gone/latest", manifest("sha256:" + hex_digest('e'), 5));
  write(m / "registry.ollama.ai/someone/notgguf/latest", manifest("sha256:" + hex_digest('f'), 5));
  write(root / "blobs" / ("sha256-" + hex_digest('f')), "PK\x03\x04zip");
  write(m / "registry.ollama.ai/library/escape/latest", manifest("sha256:../../../../etc/passwd", 5));
  return root.string();
}

TEST(OllamaManifestTest, ParsesTheModelLayerAndRefusesOddDigests) {
  auto ok = parse_ollama_manifest(manifest("sha256:" + hex_digest('a'), 1234));
  ASSERT_TRUE(ok.is_ok()) << ok.status().message();
  EXPECT_EQ(ok->digest_hex, hex_digest('a'));
  EXPECT_EQ(ok->size, 1234u);
  EXPECT_EQ(parse_ollama_manifest(manifest("sha256:../../x", 1)).status().message(),
            "expected a digest of the form sha256:<64 hex digits>, found 14 characters of something else");
  EXPECT_EQ(parse_ollama_manifest(manifest("sha256:" + hex_digest('A'), 1)).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(parse_ollama_manifest("{\"layers\":[]}").status().message(),
            "expected a model layer (application/vnd.ollama.image.model) in an Ollama manifest, found none");
  EXPECT_EQ(parse_ollama_manifest("nope").status().message(),
            "expected an Ollama manifest as JSON, found 4 bytes that are not valid JSON");
}

TEST(OllamaManifestTest, NamesFollowOllama) {
  EXPECT_EQ(ollama_model_name("registry.ollama.ai", "library", "llama3.2", "1b"), "llama3.2:1b");
  EXPECT_EQ(ollama_model_name("registry.ollama.ai", "someone", "m", "latest"), "someone/m:latest");
  EXPECT_EQ(ollama_model_name("hf.co", "bartowski", "X-GGUF", "Q4_K_M"), "hf.co/bartowski/X-GGUF:Q4_K_M");
}

TEST(DiscoveryTest, OllamaStoreManifestsResolveToGgufBlobs) {
  test::TempDir tmp;
  const std::string store = make_store(tmp);
  FileScan scan = scan_ollama_store(store);
  ASSERT_EQ(scan.files.size(), 2u);
  EXPECT_EQ(scan.files[0].name, "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M");
  EXPECT_EQ(scan.files[0].path, store + "/blobs/sha256-" + hex_digest('b'));
  EXPECT_EQ(scan.files[0].size, 6u);
  EXPECT_EQ(scan.files[1].name, "llama3.2:1b");
  EXPECT_EQ(scan.files[1].size, 10u);
  EXPECT_EQ(scan.files[1].source, "Ollama's model store");

  ASSERT_EQ(scan.problems.size(), 4u);
  std::string all;
  for (const auto& p : scan.problems) {
    EXPECT_EQ(p.find('\n'), std::string::npos);
    all += p + "|";
  }
  EXPECT_NE(all.find("broken:latest: expected an Ollama manifest as JSON"), std::string::npos) << all;
  EXPECT_NE(all.find("gone:latest: its model file sha256-eeeeeeeeeeee... is missing"), std::string::npos) << all;
  EXPECT_NE(all.find("someone/notgguf:latest: " + store + "/blobs/sha256-" + hex_digest('f') +
                     " does not start with the GGUF signature"), std::string::npos) << all;
  EXPECT_NE(all.find("escape:latest: expected a digest of the form sha256:<64 hex digits>"), std::string::npos) << all;
}

TEST(DiscoveryTest, OlderColonBlobNamesAndMissingStores) {
  test::TempDir tmp;
  const fs::path root = fs::path(tmp.path()) / "old";
  write(root / "manifests/registry.ollama.ai/library/phi3/mini", manifest("sha256:" + hex_digest('9'), 4));
  write(root / "blobs" / ("sha256:" + hex_digest('9')), "GGUF");
  FileScan scan = scan_ollama_store(root.string());
  ASSERT_EQ(scan.files.size(), 1u);
  EXPECT_EQ(scan.files[0].name, "phi3:mini");
  FileScan none = scan_ollama_store(tmp.file("does-not-exist"));
  EXPECT_TRUE(none.files.empty());
  EXPECT_TRUE(none.problems.empty());
}

TEST(DiscoveryTest, HavenModelsFolderFindsGgufFilesTwoLevelsDeep) {
  test::TempDir tmp;
  const fs::path dir = fs::path(tmp.path()) / "models";
  write(dir / "small.gguf", "GGUFabc");
  write(dir / "family" / "Big.GGUF", "GGUF");
  write(dir / "a" / "b" / "two-deep.gguf", "GGUF");
  write(dir / "a" / "b" / "c" / "too-deep.gguf", "GGUF");
  write(dir / "notes.txt", "GGUF");
  write(dir / "fake.gguf", "not a model");
  FileScan scan = scan_gguf_folder(dir.string());
  std::vector<std::string> names;
  for (const auto& f : scan.files) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Big.GGUF", "small.gguf", "two-deep.gguf"}));
  EXPECT_EQ(scan.files[1].size, 7u);
  EXPECT_EQ(scan.files[1].source, "Haven's models folder");
  ASSERT_EQ(scan.problems.size(), 1u);
  EXPECT_EQ(scan.problems[0], (dir / "fake.gguf").string() + " does not start with the GGUF signature");
}

TEST(DiscoveryTest, AsksRunningServersAndToleratesAbsentOnes) {
  test::WireServer ollama;
  test::Reply tags;
  tags.content_type = "application/json";
  tags.body = test::kOllamaTags;
  ollama.route("GET", "/api/tags", tags);
  test::WireServer llama;
  const auto rec = test::load_recorded("models");
  test::Reply models;
  models.content_type = rec.content_type;
  models.body = rec.body;
  llama.route("GET", "/v1/models", models);
  test::WireServer broken;
  test::Reply oops;
  oops.status = 500;
  oops.content_type = "application/json";
  oops.body = test::load_recorded("error-badjson").body;
  broken.route("GET", "/v1/models", oops);

  test::TempDir tmp;
  DiscoveryOptions o;
  o.ollama_models_dir = make_store(tmp);
  o.servers = {{ServerKind::kOllama, ollama.url()},
               {ServerKind::kOpenAiCompatible, llama.url()},
               {ServerKind::kOpenAiCompatible, "http://127.0.0.1:" + std::to_string(test::unused_port())},
               {ServerKind::kOpenAiCompatible, broken.url()},
               {ServerKind::kOpenAiCompatible, "http://192.0.2.1:8080"}};
  DiscoveryReport report = discover_models(o);
  EXPECT_EQ(report.files.size(), 2u);
  EXPECT_EQ(report.problems.size(), 4u);
  ASSERT_EQ(report.servers.size(), 5u);
  EXPECT_TRUE(report.servers[0].running);
  ASSERT_EQ(report.servers[0].models.size(), 2u);
  EXPECT_EQ(report.servers[0].models[0].name, "llama3.2:1b");
  EXPECT_TRUE(report.servers[1].running);
  EXPECT_EQ(report.servers[1].models[0].name, "qwen2.5-0.5b-instruct-q4_0");
  EXPECT_FALSE(report.servers[2].running);
  EXPECT_TRUE(report.servers[2].problem.empty());
  EXPECT_TRUE(report.servers[3].running);
  EXPECT_EQ(report.servers[3].problem.rfind("the model server answered HTTP 500: ", 0), 0u);
  EXPECT_FALSE(report.servers[4].running);  // not loopback: refused without connecting
  EXPECT_NE(report.servers[4].problem.find("is not on this computer"), std::string::npos);

  auto json = nlohmann::json::parse(report_to_json(report));
  EXPECT_EQ(json["files"][1]["name"], "llama3.2:1b");
  EXPECT_EQ(json["servers"][0]["kind"], "ollama");
  EXPECT_EQ(json["servers"][1]["models"][0]["name"], "qwen2.5-0.5b-instruct-q4_0");
  EXPECT_EQ(json["servers"][2]["running"], false);
}

}  // namespace
}  // namespace haven::backend::discovery
