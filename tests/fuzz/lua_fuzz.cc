// Fuzz target: Lua scripts through the sandboxed runner (as `tupu run --sandbox`), over a real
// RocksDB graph made from the sample pages at start-up. Any script must end in OK or a Status
// (syntax error, runtime error, memory cap, instruction budget), never a crash, leak or hang.
// Each input gets a fresh runtime, so one script cannot change what the next sees.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/lac_tagger.h"
#include "scripting/lua_runtime.h"
#include "store/graph_store.h"

namespace {
namespace fs = std::filesystem;

// The database: the seed pages, tagged and extracted, in a temporary folder removed at exit.
class SeedGraph {
 public:
  SeedGraph() {
    std::string tmpl = (fs::temp_directory_path() / "tupu-lua-fuzz-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) std::abort();
    folder_ = tmpl;
    auto tagger = tupu::LacTagger::Load({});
    if (!tagger.ok()) std::abort();  // the model is part of the test environment
    tupu::Extractor extractor(tagger->get());
    auto store = tupu::GraphStore::Open(folder_ + "/db", tupu::StoreOptions{});
    if (!store.ok()) std::abort();
    store_ = std::move(store).value();
    tupu::DocumentReader reader;
    tupu::Status read = reader.Read(
        std::string(TUPU_SOURCE_DIR) + "/seeds",
        [&](tupu::SourceDocument&& doc) {
          auto extracted = extractor.Extract(doc);
          if (!extracted.ok() || !store_->Ingest(*extracted).ok()) std::abort();
        },
        [](const std::string&, const tupu::Status&) { std::abort(); });
    if (!read.ok()) std::abort();
  }
  ~SeedGraph() {
    store_.reset();
    std::error_code ec;
    fs::remove_all(folder_, ec);
  }
  const tupu::GraphStore* store() const { return store_.get(); }

 private:
  std::string folder_;
  std::unique_ptr<tupu::GraphStore> store_;
};

const tupu::GraphStore* Store() {
  static SeedGraph graph;  // destroyed at exit, which removes the folder
  return graph.store();
}
}  // namespace

// Builds the graph before the first input, so that its cost does not count as a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Store();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const tupu::GraphStore* store = Store();
  tupu::RuntimeOptions options;
  options.sandbox = true;
  options.memory_limit_bytes = 64u << 20;
  options.instruction_limit = 2'000'000;
  auto runtime = tupu::LuaRuntime::Create(
      options, [store]() -> tupu::Result<const tupu::GraphStore*> { return store; });
  if (!runtime.ok()) std::abort();
  (*runtime)->SetOutput([](std::string_view) {});
  std::string_view code(reinterpret_cast<const char*>(data), size);
  (*runtime)->RunString(code, "=fuzz").PermitUncheckedError();
  return 0;
}
