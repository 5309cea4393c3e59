// IngestPipeline: read -> extract (N threads) -> store (one writer, in input order).
// The reader streams documents into a bounded window, so memory holds a few documents per thread,
// never the corpus. Documents are written in the order they were read, so two runs over the same
// input build the same database. Each document is one atomic WriteBatch: an interrupted run leaves
// whole documents only, and running it again finishes the work (unchanged ones are skipped).
// Thread safety: Run is called once, from one thread; it starts and joins its own workers.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/curation.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "store/graph_store.h"

namespace tupu {

struct IngestStats {
  // Documents that reached the writer, including those whose extraction failed (counted in
  // `skipped` too). Inputs the reader skipped (binary files, bad lines) never get here.
  uint64_t documents = 0;
  uint64_t added = 0;
  uint64_t unchanged = 0;
  uint64_t replaced = 0;
  uint64_t duplicates = 0;
  uint64_t skipped = 0;  // files or lines that could not be read or extracted
  uint64_t entities = 0;  // entities of the written documents (with repeats across documents)
  uint64_t facts = 0;
  uint64_t bytes = 0;     // text bytes processed
  uint64_t input_bytes = 0;  // bytes of the input files they came from (progress)
  double seconds = 0;
  bool interrupted = false;
  Status write_error;     // the store failed: the run stopped (committed documents are kept)

  // Documents the store took in, whatever it did with them (added, unchanged, replaced or
  // reported as a duplicate): never `documents - skipped`, which underflows when the reader skips.
  uint64_t Ingested() const { return added + unchanged + replaced + duplicates; }
};

struct IngestPipelineOptions {
  int jobs = 1;                          // extraction threads
  const std::atomic<bool>* stop = nullptr;  // set (e.g. by SIGINT) to stop after whole documents
  // Called for every skipped input, with its origin and the reason.
  std::function<void(const std::string& origin, const Status& status)> on_skip;
  // The user's curation rules (not owned; nullptr: none): source-region before each document is
  // extracted, the entity rules after (extract/curation.h).
  const Curation* curation = nullptr;
  // Called after every written document (for progress display).
  std::function<void(const IngestStats& stats)> on_progress;
};

IngestStats RunIngestPipeline(const std::vector<std::string>& paths, const DocumentReader& reader,
                              const Extractor& extractor, GraphStore* store,
                              const IngestPipelineOptions& options);

}  // namespace tupu
