// store_bench: times the RocksDB store on a synthetic corpus shaped like the news it holds (a few
// thousand officials and offices, Zipf-like popularity, ~10 facts per document): ingest,
// unchanged re-ingest, replace, point lookups, edge scans, Counts() and the integrity check.
// Not a test: timings vary with the machine.
//
// usage: store_bench [--docs N] [--db DIR] [--keep]   (DIR is emptied first; default: a temp
// folder, removed at the end unless --keep)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/graph_store.h"
#include "store/store_check.h"

namespace {

using Clock = std::chrono::steady_clock;
using tupu::EdgeType;
using tupu::NodeLabel;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Zipf-like pick in [0, n): popular officials and offices recur across documents.
size_t Pick(std::mt19937_64& rng, size_t n) {
  std::uniform_real_distribution<double> u(0, 1);
  return static_cast<size_t>(std::pow(static_cast<double>(n), u(rng))) - 1;
}

tupu::ExtractedDocument MakeDocument(int i, int version, std::mt19937_64& rng) {
  static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
  static const char* kSuffixes[] = {"局", "委员会", "办公室", "街道办事处", "管委会", "公司"};
  tupu::ExtractedDocument doc;
  doc.source_key = "synthetic/" + std::to_string(i) + ".txt";
  doc.origin = doc.source_key;
  doc.date = "2024-" + std::to_string(1 + i % 12) + "-" + std::to_string(1 + i % 28);
  std::vector<tupu::EntityRecord> people, orgs;
  for (int k = 0; k < 4; ++k) {
    size_t p = Pick(rng, 5000);
    tupu::EntityRecord e;
    e.label = NodeLabel::kPerson;
    e.name = std::string(kSurnames[p % 10]) + "某" + std::to_string(p);
    e.aliases = {std::string(kSurnames[p % 10]) + "主任" + std::to_string(p)};
    e.mentions = 1 + k % 3;
    people.push_back(e);
  }
  for (int k = 0; k < 3; ++k) {
    size_t o = Pick(rng, 2000);
    tupu::EntityRecord e;
    e.label = NodeLabel::kOrganization;
    e.name = "第" + std::to_string(o) + kSuffixes[o % 6];
    e.kind = "government";
    e.mentions = 1;
    orgs.push_back(e);
  }
  tupu::EntityRecord page;
  page.label = NodeLabel::kDocument;
  page.name = doc.source_key;
  page.mentions = 1;
  std::string text;
  for (int s = 0; s < 6; ++s) {
    uint32_t begin = text.size();
    const auto& who = people[s % people.size()];
    const auto& where = orgs[s % orgs.size()];
    text += who.name + "来到" + where.name + "调研，听取了工作汇报并提出要求（第" +
            std::to_string(version) + "版）。";
    doc.sentences.push_back({begin, static_cast<uint32_t>(text.size())});
    tupu::FactRecord visit;
    visit.type = EdgeType::kVisited;
    visit.src = who.key();
    visit.dst = where.key();
    visit.sentence = s;
    visit.span = {begin, static_cast<uint32_t>(begin + who.name.size() + 6 + where.name.size())};
    visit.props = {{"date", doc.date}};
    doc.facts.push_back(visit);
    tupu::FactRecord co = visit;
    co.type = EdgeType::kCoMentioned;
    co.props = {{"weight", "1"}};
    doc.facts.push_back(co);
  }
  doc.text = std::move(text);
  for (const auto& p : people) {
    tupu::FactRecord m;
    m.type = EdgeType::kMentionedIn;
    m.src = p.key();
    m.dst = page.key();
    doc.facts.push_back(m);
  }
  doc.entities = people;
  doc.entities.insert(doc.entities.end(), orgs.begin(), orgs.end());
  doc.entities.push_back(page);
  return doc;
}

bool Fail(const tupu::Status& s) {
  std::fprintf(stderr, "store_bench: %s\n", s.ToString().c_str());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int docs = 20000;
  bool keep = false;  // leave the database for `tupu check` and friends
  std::string db = (std::filesystem::temp_directory_path() / "tupu-store-bench.db").string();
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--docs" && i + 1 < argc) {
      docs = std::atoi(argv[++i]);
    } else if (arg == "--keep") {
      keep = true;
    } else if (arg == "--db" && i + 1 < argc) {
      db = argv[++i];
    } else {
      std::printf("usage: store_bench [--docs N] [--db DIR] [--keep]  (DIR is emptied first)\n");
      return arg == "--help" ? 0 : 2;
    }
  }
  std::filesystem::remove_all(db);
  std::vector<tupu::ExtractedDocument> corpus;
  std::mt19937_64 rng(42);
  size_t bytes = 0;
  for (int i = 0; i < docs; ++i) {
    corpus.push_back(MakeDocument(i, 1, rng));
    bytes += corpus.back().text.size();
  }

  auto opened = tupu::GraphStore::Open(db, tupu::StoreOptions{});
  if (!opened.ok()) return Fail(opened.status());
  auto& store = *opened;

  auto t = Clock::now();
  size_t edges = 0;
  for (const auto& d : corpus) {
    auto r = store->Ingest(d);
    if (!r.ok()) return Fail(r.status());
    edges += r->edges;
  }
  double ingest = Seconds(t);
  std::printf("ingest          %7d docs %8zu edges  %7.2f s  %8.0f docs/s  %6.2f MB/s of text\n",
              docs, edges, ingest, docs / ingest, bytes / 1e6 / ingest);

  t = Clock::now();
  for (const auto& d : corpus) {
    auto r = store->Ingest(d);
    if (!r.ok() || r->kind != tupu::IngestOutcome::Kind::kUnchanged) return Fail(r.status());
  }
  double again = Seconds(t);
  std::printf("re-ingest       %7d docs (unchanged)  %7.2f s  %8.0f docs/s\n", docs, again,
              docs / again);

  int replaced = docs / 10;
  std::mt19937_64 rng2(7);
  t = Clock::now();
  for (int i = 0; i < replaced; ++i) {
    auto r = store->Ingest(MakeDocument(i, 2, rng2));
    if (!r.ok()) return Fail(r.status());
  }
  double replace = Seconds(t);
  std::printf("replace         %7d docs              %7.2f s  %8.0f docs/s\n", replaced, replace,
              replaced / replace);

  t = Clock::now();
  auto counts = store->Counts();
  if (!counts.ok()) return Fail(counts.status());
  std::printf("Counts()        %llu docs, %llu nodes, %llu edges  %.3f ms\n",
              static_cast<unsigned long long>(counts->documents),
              static_cast<unsigned long long>(counts->nodes),
              static_cast<unsigned long long>(counts->edges), Seconds(t) * 1e3);

  t = Clock::now();
  size_t scanned = 0;
  tupu::Status s = store->ForEachEdge([&](const tupu::StoredEdge&) { return ++scanned > 0; });
  if (!s.ok()) return Fail(s);
  double scan = Seconds(t);
  std::printf("edge scan       %7zu edges            %7.3f s  %8.0f edges/s\n", scanned, scan,
              scanned / scan);

  const int lookups = 20000;
  std::mt19937_64 rng3(9);
  t = Clock::now();
  size_t found = 0, neighbours = 0;
  for (int i = 0; i < lookups; ++i) {
    size_t p = Pick(rng3, 5000);
    static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    auto id = store->FindNode(NodeLabel::kPerson, std::string(kSurnames[p % 10]) + "某" +
                                                      std::to_string(p));
    if (!id.ok()) continue;
    ++found;
    EdgeType visited = EdgeType::kVisited;
    s = store->ForEachOutEdge(*id, &visited, [&](const tupu::StoredEdge&) {
      ++neighbours;
      return true;
    });
    if (!s.ok()) return Fail(s);
  }
  double lookup = Seconds(t);
  std::printf("FindNode+outE   %7d lookups (%zu found, %zu edges)  %.3f s  %8.0f lookups/s\n",
              lookups, found, neighbours, lookup, lookups / lookup);
  opened = tupu::Status::Aborted("closed");  // close the writer before checking

  t = Clock::now();
  auto report = tupu::CheckDatabase(db, tupu::CheckOptions{});
  if (!report.ok()) return Fail(report.status());
  std::printf("check           %llu problems             %7.2f s\n",
              static_cast<unsigned long long>(report->problem_count), Seconds(t));
  if (!keep) std::filesystem::remove_all(db);
  return report->ok() ? 0 : 1;
}
