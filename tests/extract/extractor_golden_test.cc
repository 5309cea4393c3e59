// Golden tests: the facts the Extractor finds on each seed page are pinned in
// tests/golden/extract/<seed>.json (with the lac_small tagger) and <seed>.rules.json (rules only).
// A change in extraction shows up as a readable diff; after checking it, regenerate with
//   TUPU_UPDATE_GOLDEN=1 build/tests/extract/extract_tests --gtest_filter='ExtractorGolden*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/lac_tagger.h"
#include "test_util.h"

namespace tupu {
namespace {

namespace fs = std::filesystem;

std::string Evidence(const ExtractedDocument& d, TextSpan span) {
  if (span.end > d.text.size() || span.begin > span.end) return "<bad span>";
  return d.text.substr(span.begin, span.end - span.begin);
}

// The pinned view of a document: entities and every fact except the many co-mentions (their
// number is pinned instead).
nlohmann::json GoldenView(const ExtractedDocument& d) {
  nlohmann::json j;
  std::vector<nlohmann::json> entities;
  for (const auto& e : d.entities) {
    entities.push_back({{"label", NodeLabelName(e.label)}, {"name", e.name}, {"aliases", e.aliases},
                        {"kind", e.kind}, {"mentions", e.mentions}});
  }
  std::sort(entities.begin(), entities.end());
  j["entities"] = entities;
  std::vector<nlohmann::json> facts;
  size_t co_mentions = 0;
  for (const auto& f : d.facts) {
    if (f.type == EdgeType::kCoMentioned) {
      ++co_mentions;
      continue;
    }
    nlohmann::json props = nlohmann::json::object();
    for (const auto& [k, v] : f.props) props[k] = v;
    facts.push_back({{"type", EdgeTypeName(f.type)}, {"source", f.src.name}, {"target", f.dst.name},
                     {"props", props}, {"sentence", f.sentence}, {"evidence", Evidence(d, f.span)}});
  }
  std::sort(facts.begin(), facts.end());
  j["facts"] = facts;
  j["co_mentions"] = co_mentions;
  j["sentences"] = d.sentences.size();
  return j;
}

class ExtractorGolden : public ::testing::TestWithParam<bool> {};

void CheckSeeds(const LacTagger* tagger, const std::string& suffix) {
  const bool update = std::getenv("TUPU_UPDATE_GOLDEN") != nullptr;
  const fs::path golden_dir = fs::path(testing::SourceDir()) / "tests/golden/extract";
  std::vector<fs::path> seeds;
  for (const auto& entry : fs::directory_iterator(testing::SeedsDir()))
    if (entry.path().extension() == ".txt") seeds.push_back(entry.path());
  std::sort(seeds.begin(), seeds.end());
  ASSERT_FALSE(seeds.empty());
  Extractor extractor(tagger);
  for (const auto& seed : seeds) {
    SourceDocument doc;
    doc.source_key = "seeds/" + seed.filename().string();
    doc.origin = doc.source_key;
    doc.text = testing::ReadFileOrDie(seed.string());
    auto r = extractor.Extract(doc);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    const nlohmann::json got = GoldenView(*r);
    const fs::path golden = golden_dir / (seed.stem().string() + suffix + ".json");
    if (update) {
      fs::create_directories(golden_dir);
      testing::WriteFileOrDie(golden.string(), got.dump(1) + "\n");
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " missing: run with TUPU_UPDATE_GOLDEN=1";
    const nlohmann::json want = nlohmann::json::parse(testing::ReadFileOrDie(golden.string()));
    if (got == want) continue;
    // Say what differs, fact by fact, so the diff can be judged before regenerating.
    for (const char* part : {"entities", "facts"}) {
      for (const auto& x : want[part])
        if (std::find(got[part].begin(), got[part].end(), x) == got[part].end())
          ADD_FAILURE() << golden.filename() << " lost " << part << ": " << x.dump();
      for (const auto& x : got[part])
        if (std::find(want[part].begin(), want[part].end(), x) == want[part].end())
          ADD_FAILURE() << golden.filename() << " gained " << part << ": " << x.dump();
    }
    EXPECT_EQ(got["co_mentions"], want["co_mentions"]) << golden.filename();
    EXPECT_EQ(got["sentences"], want["sentences"]) << golden.filename();
  }
}

TEST(ExtractorGolden, SeedsWithTagger) {
  auto tagger = LacTagger::Load({});
  if (!tagger.ok()) GTEST_SKIP() << "lac_small model not available: " << tagger.status().ToString();
  CheckSeeds(tagger->get(), "");
}

TEST(ExtractorGolden, SeedsRulesOnly) { CheckSeeds(nullptr, ".rules"); }

}  // namespace
}  // namespace tupu
