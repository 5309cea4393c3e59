// `tupu ingest [--db DIR] [--jobs N] [--precision auto|fp32|int16] [--curation FILE] PATH...`:
// read files, folders or stdin, extract the facts and store them, one atomic batch per document,
// with the user's curation rules applied (docs/curation.md). Prints a progress bar on a terminal
// and a summary that names the tagger arithmetic that ran.
// Exit code: 0 all went in; 3 some inputs were skipped (each named on stderr); 1 nothing could be
// done (the database could not be opened, the model is missing, the curation file has bad lines)
// or the store failed mid-way; 2 a --curation file that does not exist.
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <thread>

#include "app/command_registry.h"
#include "app/ingest_pipeline.h"
#include "app/progress_bar.h"
#include "extract/curated_extraction.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/lac_tagger.h"
#include "store/graph_store.h"

namespace tupu {
namespace {

struct IngestArgs {
  std::string db;
  std::vector<std::string> paths;
  int jobs = 0;
  bool wait = false;
  bool quiet = false;
  bool no_tagger = false;
  std::string model_dir;
  std::string precision;  // set by AddPrecisionOption
  std::string curation;   // "": tupu-curation.txt in the working folder, when there is one
};

std::atomic<bool> g_stop{false};

extern "C" void HandleInterrupt(int) { g_stop.store(true); }

// "ingested N documents (...): ... in S s (R MB/s), tagger int16 (avx2)" and the database totals.
// N counts what the store took in; skipped inputs are counted beside it, never subtracted.
void PrintSummary(const IngestStats& stats, const LacTagger* tagger, const std::string& db,
                  GraphStore& store) {
  const double mb = stats.bytes / 1e6;
  fmt::print(stderr,
             "ingested {} documents ({} new, {} replaced, {} unchanged, {} duplicates, {} "
             "skipped): {} entities, {} edges in {:.2f} s ({:.2f} MB/s), tagger {}\n",
             stats.Ingested(), stats.added, stats.replaced, stats.unchanged, stats.duplicates,
             stats.skipped, stats.entities, stats.facts, stats.seconds,
             stats.seconds > 0 ? mb / stats.seconds : 0.0,
             tagger ? tagger->PrecisionLabel() : std::string("off (rules only)"));
  auto counts = store.Counts();
  if (counts.ok()) {
    fmt::print(stderr, "database {}: {} documents, {} nodes, {} edges\n", db, counts->documents,
               counts->nodes, counts->edges);
  }
}

int RunIngest(const IngestArgs& args) {
  auto curation = LoadCurationOrDefault(args.curation);
  if (!curation.ok()) {
    fmt::print(stderr, "tupu ingest: {}\n", curation.status().ToString());
    return curation.status().IsNotFound() ? kExitUsage : kExitFailure;
  }
  if (*curation && !args.quiet) {
    fmt::print(stderr, "curation: {} rule(s) from {}\n", (*curation)->rules.size(),
               (*curation)->file);
  }

  StoreOptions store_options;
  store_options.wait_for_lock = args.wait;
  auto store = GraphStore::Open(args.db, store_options);
  if (!store.ok()) {
    fmt::print(stderr, "tupu ingest: {}\n", store.status().ToString());
    return kExitFailure;
  }

  std::unique_ptr<LacTagger> tagger;
  if (!args.no_tagger) {
    LacOptions lac_options;
    lac_options.model_dir = args.model_dir;
    lac_options.precision =
        ParseLacPrecision(args.precision).value_or(LacOptions::Precision::kAuto);
    auto loaded = LacTagger::Load(lac_options);
    if (!loaded.ok()) {
      fmt::print(stderr,
                 "tupu ingest: {}\n(to extract with rules only, lower recall, pass --no-tagger)\n",
                 loaded.status().ToString());
      return kExitFailure;
    }
    tagger = std::move(loaded).value();
  }
  Extractor extractor(tagger.get());
  DocumentReader reader;

  uint64_t total_bytes = 0;
  for (const auto& p : args.paths) total_bytes += DocumentReader::TotalBytes(p);
  const bool on_terminal = isatty(STDERR_FILENO) && !args.quiet;
  ProgressBar progress(total_bytes, on_terminal);

  IngestPipelineOptions options;
  options.jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  options.stop = &g_stop;
  options.curation = *curation ? &**curation : nullptr;
  options.on_skip = [&](const std::string& origin, const Status& status) {
    progress.Finish();
    fmt::print(stderr, "skipped {}: {}\n", origin, status.message());
  };
  options.on_progress = [&](const IngestStats& s) { progress.Update(s.input_bytes, s.documents); };

  std::signal(SIGINT, HandleInterrupt);
  std::signal(SIGTERM, HandleInterrupt);
  IngestStats stats = RunIngestPipeline(args.paths, reader, extractor, store->get(), options);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  progress.Finish();

  if (!args.quiet) PrintSummary(stats, tagger.get(), args.db, **store);
  if (!args.quiet && stats.documents == 0 && stats.skipped == 0) {
    fmt::print(stderr, "tupu ingest: no documents found (folders are searched for .txt, .md and "
                       ".jsonl files)\n");
  }
  if (!stats.write_error.ok()) {
    fmt::print(stderr, "tupu ingest: stopped: {}\n(documents written before it are kept)\n",
               stats.write_error.ToString());
    return kExitFailure;
  }
  if (stats.interrupted) {
    fmt::print(stderr, "tupu ingest: interrupted; whole documents are kept, run it again to finish\n");
    return 130;
  }
  if (stats.skipped > 0) {
    fmt::print(stderr, "tupu ingest: {} input(s) skipped (named above)\n", stats.skipped);
    return kExitPartial;
  }
  return kExitOk;
}

void AddIngestCommand(CLI::App& root, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = root.add_subcommand(
      "ingest", "Extract facts from files, folders (recursively) or - (stdin) into the database");
  AddDbOption(cmd, &args->db);
  cmd->add_option("paths", args->paths, ".txt/.md files (one document each), .jsonl files (one "
                                        "document per line: text, id, title, date, source), "
                                        "folders, or - for stdin")
      ->required();
  cmd->add_option("-j,--jobs", args->jobs, "Extraction threads (default: number of cores)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--wait", args->wait, "Wait for another writer to finish instead of failing");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress bar and no summary");
  cmd->add_option("--model-dir", args->model_dir,
                  "lac_small model folder (default: $TUPU_LAC_DIR, else python3-jieba's)");
  AddPrecisionOption(cmd, &args->precision);
  cmd->add_option("--curation", args->curation,
                  "Curation rules (source-region, alias, same-as, not-same-as; docs/curation.md), "
                  "applied at every ingest (default: tupu-curation.txt in the working folder, "
                  "when there is one)");
  cmd->add_flag("--no-tagger", args->no_tagger,
                "Extract with rules only, without the lac_small tagger (lower recall)");
  cmd->callback([args, exit_code] { *exit_code = RunIngest(*args); });
}

}  // namespace

TUPU_REGISTER_COMMAND(ingest, CommandSpec{"ingest", 10, AddIngestCommand});

}  // namespace tupu
