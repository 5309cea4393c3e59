// IngestPipeline (see ingest_pipeline.h): one reader thread, `jobs` extraction threads, and the
// calling thread as the single writer, joined by a bounded, ordered window of documents.
#include "app/ingest_pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "extract/curated_extraction.h"

namespace tupu {
namespace {

struct Work {
  uint64_t seq = 0;
  SourceDocument source;
};

struct Done {
  std::string origin;
  uint64_t bytes = 0;
  uint64_t input_bytes = 0;
  Result<ExtractedDocument> extracted = Status::Aborted("not extracted");
};

// The window: the reader may run at most `capacity` documents ahead of the writer.
class Window {
 public:
  explicit Window(size_t capacity) : capacity_(capacity) {}

  // Reader: blocks while the window is full. False when the pipeline is shutting down.
  bool Push(Work work) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return in_flight_ < capacity_ || closed_; });
    if (closed_) return false;
    ++in_flight_;
    todo_.push_back(std::move(work));
    work_ready_.notify_one();
    return true;
  }
  void FinishReading(uint64_t total) {
    std::lock_guard lock(mu_);
    total_ = total;
    work_ready_.notify_all();
    done_ready_.notify_all();
  }
  // Worker: the next document to extract, or nothing when reading has ended and all is taken.
  std::optional<Work> Take() {
    std::unique_lock lock(mu_);
    work_ready_.wait(lock, [&] { return !todo_.empty() || total_.has_value() || closed_; });
    if (todo_.empty()) return std::nullopt;
    Work w = std::move(todo_.front());
    todo_.pop_front();
    return w;
  }
  void Complete(uint64_t seq, Done done) {
    std::lock_guard lock(mu_);
    done_.emplace(seq, std::move(done));
    done_ready_.notify_all();
  }
  // Writer: the result of document `seq`, in order; nothing when all documents are written.
  std::optional<Done> Next(uint64_t seq) {
    std::unique_lock lock(mu_);
    done_ready_.wait(lock, [&] { return done_.count(seq) || (total_ && seq >= *total_); });
    auto it = done_.find(seq);
    if (it == done_.end()) return std::nullopt;
    Done d = std::move(it->second);
    done_.erase(it);
    --in_flight_;
    space_.notify_one();
    return d;
  }
  // Stops the reader and the workers (after their current document).
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    todo_.clear();
    space_.notify_all();
    work_ready_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable space_, work_ready_, done_ready_;
  const size_t capacity_;
  size_t in_flight_ = 0;
  bool closed_ = false;
  std::optional<uint64_t> total_;
  std::deque<Work> todo_;
  std::map<uint64_t, Done> done_;
};

}  // namespace

IngestStats RunIngestPipeline(const std::vector<std::string>& paths, const DocumentReader& reader,
                              const Extractor& extractor, GraphStore* store,
                              const IngestPipelineOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const int jobs = std::max(1, options.jobs);
  Window window(static_cast<size_t>(jobs) * 4);
  IngestStats stats;
  std::mutex skip_mu;
  auto skip = [&](const std::string& origin, const Status& status) {
    std::lock_guard lock(skip_mu);
    ++stats.skipped;
    if (options.on_skip) options.on_skip(origin, status);
  };
  auto stopping = [&] { return options.stop && options.stop->load(); };

  std::thread reader_thread([&] {
    uint64_t seq = 0;
    bool open = true;
    for (const auto& path : paths) {
      if (!open || stopping()) break;
      reader
          .Read(
              path,
              [&](SourceDocument&& doc) {
                if (!open || stopping()) return;
                open = window.Push(Work{seq, std::move(doc)});
                if (open) ++seq;
              },
              skip)
          .PermitUncheckedError();  // reported through `skip`
    }
    window.FinishReading(seq);
  });

  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      while (auto work = window.Take()) {
        Done done;
        done.origin = work->source.origin;
        done.bytes = work->source.text.size();
        done.input_bytes = work->source.input_bytes ? work->source.input_bytes : done.bytes;
        done.extracted = ExtractCurated(extractor, options.curation, &work->source);
        window.Complete(work->seq, std::move(done));
      }
    });
  }

  for (uint64_t seq = 0;; ++seq) {
    std::optional<Done> done = window.Next(seq);
    if (!done) break;
    ++stats.documents;
    stats.bytes += done->bytes;
    stats.input_bytes += done->input_bytes;
    if (!done->extracted.ok()) {
      skip(done->origin, done->extracted.status());
    } else {
      auto outcome = store->Ingest(*done->extracted);
      if (!outcome.ok()) {
        // The store refused a write (disk full, I/O error): stop; what was committed stays.
        stats.write_error = outcome.status().WithContext(done->origin);
      } else {
        switch (outcome->kind) {
          case IngestOutcome::Kind::kAdded: ++stats.added; break;
          case IngestOutcome::Kind::kUnchanged: ++stats.unchanged; break;
          case IngestOutcome::Kind::kReplaced: ++stats.replaced; break;
          case IngestOutcome::Kind::kDuplicate: ++stats.duplicates; break;
        }
        if (outcome->kind == IngestOutcome::Kind::kAdded ||
            outcome->kind == IngestOutcome::Kind::kReplaced) {
          stats.entities += outcome->nodes;
          stats.facts += outcome->edges;
        }
      }
    }
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.on_progress) options.on_progress(stats);
    // Stop between documents: documents still in the window are dropped, never half-written.
    if (!stats.write_error.ok()) break;
    if (stopping()) {
      stats.interrupted = true;
      break;
    }
  }
  // Close before joining: a reader blocked on a full window after an early stop must wake up.
  window.Close();
  reader_thread.join();
  for (auto& w : workers) w.join();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace tupu
