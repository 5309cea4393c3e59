// bench_domain_share [SEEDS_DIR] [MB] [fp32|int16]: the domain layer's share of extraction time
// (with the tagger's fp32 reference or its int16 fast path, the default of `tupu ingest` where the
// CPU has it). Repeats the
// seed pages up to MB megabytes (default 2), then times (a) tagging every sentence with lac_small
// and (b) the whole Extractor with the tagger; the domain share is (b - a) / b. Also times the
// Extractor without a tagger (rules only). Prints one line per measurement and the share.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/lac_tagger.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const std::string dir = argc > 1 ? argv[1] : "seeds";
  const double mb = argc > 2 ? std::stod(argv[2]) : 2.0;
  std::vector<std::string> pages;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    pages.push_back(ss.str());
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no .txt pages in %s\n", dir.c_str());
    return 1;
  }
  std::vector<tupu::SourceDocument> docs;
  size_t bytes = 0;
  for (size_t i = 0; bytes < mb * 1e6; ++i) {
    tupu::SourceDocument d;
    d.source_key = "bench/" + std::to_string(i);
    d.origin = d.source_key;
    d.text = pages[i % pages.size()];
    bytes += d.text.size();
    docs.push_back(std::move(d));
  }
  tupu::LacOptions options;
  if (argc > 3 && std::string(argv[3]) == "int16") options.precision = tupu::LacOptions::Precision::kInt16;
  auto tagger = tupu::LacTagger::Load(options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "%s\n", tagger.status().ToString().c_str());
    return 1;
  }

  // (b) whole extraction with the tagger; collect the sentences for (a).
  tupu::Extractor with_tagger(tagger->get());
  std::vector<std::vector<std::string>> sentences;
  auto t0 = std::chrono::steady_clock::now();
  size_t facts = 0;
  for (const auto& d : docs) {
    auto r = with_tagger.Extract(d);
    if (!r.ok()) return 1;
    facts += r->facts.size();
    std::vector<std::string> s;
    for (const auto& span : r->sentences) s.push_back(r->text.substr(span.begin, span.end - span.begin));
    sentences.push_back(std::move(s));
  }
  const double extract_s = Seconds(t0);

  // (a) tagging alone, the same batches.
  t0 = std::chrono::steady_clock::now();
  size_t words = 0;
  for (const auto& s : sentences) {
    std::vector<std::string_view> views(s.begin(), s.end());
    for (const auto& t : (*tagger)->TagBatch(views)) words += t.words.size();
  }
  const double tag_s = Seconds(t0);

  // Rules only.
  tupu::Extractor rules_only(nullptr);
  t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) {
    auto r = rules_only.Extract(d);
    if (!r.ok()) return 1;
  }
  const double rules_s = Seconds(t0);

  std::printf("input            %.2f MB in %zu documents (tagger %s)\n", bytes / 1e6, docs.size(),
              options.precision == tupu::LacOptions::Precision::kInt16 ? "int16" : "fp32");
  std::printf("extract+tagger   %.3f s  (%.2f MB/s, %zu facts)\n", extract_s, bytes / 1e6 / extract_s, facts);
  std::printf("tagging only     %.3f s  (%zu words)\n", tag_s, words);
  std::printf("rules only       %.3f s  (%.2f MB/s)\n", rules_s, bytes / 1e6 / rules_s);
  std::printf("domain share     %.1f%% of extraction time (target < 20%%)\n",
              100.0 * (extract_s - tag_s) / extract_s);
  return 0;
}
