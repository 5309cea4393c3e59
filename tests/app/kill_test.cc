// Crash safety, the short form of bench/reliability/kill_ingest.sh: ingest a corpus of a few hundred
// documents, SIGKILL the writer at random moments, and after each kill check that the database
// opens, `tupu check` passes, and every document in it is whole (its facts equal those of an
// uninterrupted run). Finishing the ingest must then give exactly the export of an uninterrupted run.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "app/cli_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::RunTupu;
using testing::ShellQuote;
using testing::TempDir;

// A .jsonl corpus from the paragraphs of the seed pages, each in a few dated variants.
size_t WriteCorpus(const std::string& path) {
  std::ofstream out(path);
  size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SeedsDir())) {
    std::istringstream page(testing::ReadFileOrDie(entry.path().string()));
    std::string para;
    size_t p = 0;
    while (std::getline(page, para)) {
      if (para.size() < 60) continue;
      for (int variant = 1; variant <= 3; ++variant) {
        nlohmann::json line = {
            {"id", entry.path().filename().string() + "/" + std::to_string(p) + "/" +
                       std::to_string(variant)},
            {"text", "本报讯 " + std::to_string(variant) + "月" + std::to_string(p % 28 + 1) +
                         "日," + para},
            {"date", "2022-0" + std::to_string(variant) + "-15"}};
        out << line.dump() << "\n";
        ++n;
      }
      ++p;
    }
  }
  return n;
}

// Edges grouped by document (as sorted JSON strings): what "a whole document" means.
std::map<std::string, std::multiset<std::string>> EdgesByDoc(const nlohmann::json& g) {
  std::map<std::string, std::multiset<std::string>> by_doc;
  for (const auto& e : g["edges"]) by_doc[e.value("doc", "")].insert(e.dump());
  return by_doc;
}

nlohmann::json Export(const std::string& db) {
  auto r = RunTupu("export --db " + ShellQuote(db) + " --format json -o -");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST(KillTest, KilledIngestLeavesOnlyWholeDocumentsAndFinishesIdentically) {
  TempDir dir;
  std::string corpus = dir.Sub("corpus.jsonl");
  size_t docs = WriteCorpus(corpus);
  ASSERT_GT(docs, 150u);

  std::string reference_db = dir.Sub("reference.db");
  auto start = std::chrono::steady_clock::now();
  auto ref = RunTupu("ingest -q --jobs 2 --db " + ShellQuote(reference_db) + " " + ShellQuote(corpus));
  double full_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(ref.exit_code, 0) << ref.err;
  nlohmann::json reference = Export(reference_db);
  auto reference_by_doc = EdgesByDoc(reference);

  std::string db = dir.Sub("killed.db");
  std::mt19937 rng(12345);
  std::uniform_real_distribution<double> when(0.0, full_seconds);
  int kills = 0;
  for (int round = 0; round < 10; ++round) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      execl(TUPU_BINARY, "tupu", "ingest", "-q", "--jobs", "2", "--db", db.c_str(), corpus.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(when(rng)));
    if (kill(pid, SIGKILL) == 0) ++kills;
    int status = 0;
    waitpid(pid, &status, 0);

    auto check = RunTupu("check --db " + ShellQuote(db));
    ASSERT_EQ(check.exit_code, 0) << "round " << round << ":\n" << check.out << check.err;
    nlohmann::json now = Export(db);
    ASSERT_FALSE(now.is_discarded());
    for (const auto& [doc, edges] : EdgesByDoc(now)) {
      ASSERT_EQ(edges, reference_by_doc[doc]) << "document " << doc << " is partial after round "
                                              << round;
    }
  }
  EXPECT_GE(kills, 5) << "the ingest finished before most kills: the test proves little";

  auto finish = RunTupu("ingest -q --db " + ShellQuote(db) + " " + ShellQuote(corpus));
  ASSERT_EQ(finish.exit_code, 0) << finish.err;
  EXPECT_EQ(Export(db).dump(), reference.dump());
}

}  // namespace
}  // namespace tupu
