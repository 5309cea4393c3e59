// `tupu tag [--format words|tags|bio|json] [--no-normalize] [--model-dir DIR] [--precision P]
// [--domain]`: tags each line of stdin with the lac_small tagger; `--domain` repairs the PER spans
// of `bio` output with the domain layer's person rules (titles, speakers, role words). `tags` with --no-normalize reproduces the
// reference (../shared/lac/lac_ref_seeds.tsv, third column); `bio` is ner_score.py's input.
// Exit code: 0, or 1 when the model cannot be loaded. Invalid UTF-8 is tagged as U+FFFD and said.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app/command_registry.h"
#include "common/utf8.h"
#include "extract/domain_person_spans.h"
#include "extract/lac_tagger.h"
#include "extract/lac_words.h"

namespace tupu {
namespace {

enum class TagFormat { kWords, kTags, kBio, kJson };

struct TagArgs {
  std::string format = "words";
  bool no_normalize = false;
  std::string model_dir;
  std::string precision;  // set by AddPrecisionOption
  int jobs = 1;
  bool domain = false;
};

// Lines per TagBatch call: enough for full batches in every thread, little memory.
constexpr size_t kLinesPerBlock = 1024;

void PrintWords(const TaggedSentence& s, std::string* out) {
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (i) out->push_back(' ');
    *out += RepairUtf8(s.words[i].text);
    out->push_back('/');
    *out += s.words[i].tag;
  }
  out->push_back('\n');
}

void PrintTags(const TaggedSentence& s, std::string* out) {
  for (size_t i = 0; i < s.char_tags.size(); ++i) {
    if (i) out->push_back(' ');
    *out += s.char_tags[i];
  }
  out->push_back('\n');
}

// PER tags replaced by the domain layer's person spans; a repaired span never cuts a LOC/ORG.
void RepairPersons(const TaggedSentence& s, std::vector<std::string>* bio) {
  std::u32string chars;
  for (const TaggedWord& w : s.words) {
    size_t pos = 0;
    while (pos < w.text.size()) chars.push_back(DecodeUtf8At(w.text, &pos));
  }
  if (chars.size() != bio->size()) return;  // never guess when the alignment is off
  for (auto& t : *bio)
    if (t == "B-PER" || t == "I-PER") t = "O";
  for (const auto& [b, e] : domain::RepairPersonSpans(chars, s.words)) {
    for (size_t k = b; k < e; ++k) (*bio)[k] = k == b ? "B-PER" : "I-PER";
  }
}

void PrintBio(std::string_view line, const TaggedSentence& s, bool domain, std::string* out) {
  std::vector<std::string> bio = LacTagsToBio(s.char_tags);
  if (domain) RepairPersons(s, &bio);
  std::string scratch;
  // Characters come out of the words in order, so walk them once instead of searching.
  size_t i = 0;
  for (const TaggedWord& w : s.words) {
    size_t pos = 0;
    for (uint32_t k = w.cp_begin; k < w.cp_end; ++k, ++i) {
      size_t start = pos;
      char32_t cp = DecodeUtf8At(w.text, &pos);
      if (cp == kReplacementChar && pos - start == 1) {
        AppendUtf8(kReplacementChar, out);
      } else {
        out->append(w.text, start, pos - start);
      }
      out->push_back(' ');
      *out += bio[i];
      out->push_back('\n');
    }
  }
  out->push_back('\n');
}

void PrintJson(std::string_view line, const TaggedSentence& s, std::string* out) {
  nlohmann::json j;
  j["text"] = std::string(line);
  nlohmann::json words = nlohmann::json::array();
  for (const TaggedWord& w : s.words) {
    words.push_back({{"text", w.text}, {"tag", w.tag}, {"byte_begin", w.byte_begin},
                     {"byte_end", w.byte_end}, {"cp_begin", w.cp_begin}, {"cp_end", w.cp_end}});
  }
  j["words"] = std::move(words);
  j["tags"] = s.char_tags;
  if (s.invalid_utf8_bytes) j["invalid_utf8_bytes"] = s.invalid_utf8_bytes;
  *out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out->push_back('\n');
}

// Tags `lines` with up to `jobs` threads, each on a contiguous share (the tagger is const).
std::vector<TaggedSentence> TagLines(const LacTagger& tagger, const std::vector<std::string>& lines,
                                     int jobs) {
  std::vector<std::string_view> views(lines.begin(), lines.end());
  if (jobs <= 1 || lines.size() < 2) return tagger.TagBatch(views);
  std::vector<TaggedSentence> out(lines.size());
  std::vector<std::thread> threads;
  size_t share = (lines.size() + jobs - 1) / jobs;
  for (size_t begin = 0; begin < lines.size(); begin += share) {
    size_t end = std::min(lines.size(), begin + share);
    threads.emplace_back([&, begin, end] {
      std::vector<std::string_view> part(views.begin() + begin, views.begin() + end);
      std::vector<TaggedSentence> tagged = tagger.TagBatch(part);
      std::move(tagged.begin(), tagged.end(), out.begin() + begin);
    });
  }
  for (auto& t : threads) t.join();
  return out;
}

int RunTag(const TagArgs& args) {
  TagFormat format = args.format == "tags"  ? TagFormat::kTags
                     : args.format == "bio" ? TagFormat::kBio
                     : args.format == "json" ? TagFormat::kJson
                                             : TagFormat::kWords;
  LacOptions options;
  options.model_dir = args.model_dir;
  options.normalize = !args.no_normalize;
  options.precision = ParseLacPrecision(args.precision).value_or(LacOptions::Precision::kAuto);
  auto tagger = LacTagger::Load(options);
  if (!tagger.ok()) {
    fmt::print(stderr, "tupu tag: {}\n", tagger.status().ToString());
    return kExitFailure;
  }
  std::ios::sync_with_stdio(false);
  std::vector<std::string> lines;
  std::string line, out;
  size_t line_no = 0;
  bool eof = false;
  while (!eof) {
    lines.clear();
    while (lines.size() < kLinesPerBlock) {
      if (!std::getline(std::cin, line)) {
        eof = true;
        break;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
    }
    std::vector<TaggedSentence> tagged = TagLines(**tagger, lines, args.jobs);
    out.clear();
    for (size_t i = 0; i < lines.size(); ++i) {
      ++line_no;
      if (tagged[i].invalid_utf8_bytes) {
        fmt::print(stderr, "tupu tag: line {}: {} invalid UTF-8 byte(s) tagged as U+FFFD\n", line_no,
                   tagged[i].invalid_utf8_bytes);
      }
      switch (format) {
        case TagFormat::kWords: PrintWords(tagged[i], &out); break;
        case TagFormat::kTags: PrintTags(tagged[i], &out); break;
        case TagFormat::kBio: PrintBio(lines[i], tagged[i], args.domain, &out); break;
        case TagFormat::kJson: PrintJson(lines[i], tagged[i], &out); break;
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  std::fflush(stdout);
  return kExitOk;
}

void AddTagCommand(CLI::App& root, int* exit_code) {
  auto args = std::make_shared<TagArgs>();
  CLI::App* cmd = root.add_subcommand(
      "tag", "Tag each line of stdin with the lac_small tagger (words, POS, PER/LOC/ORG/TIME)");
  cmd->add_option("-f,--format", args->format,
                  "words: word/TAG ...; tags: the model's tag of each character; bio: char B-/I-"
                  "PER|LOC|ORG|O per line, blank line between sentences; json: one object per line")
      ->check(CLI::IsMember({"words", "tags", "bio", "json"}))
      ->capture_default_str();
  cmd->add_flag("--no-normalize", args->no_normalize,
                "Feed the text to the model as it is (no full-width -> half-width mapping)");
  cmd->add_option("--model-dir", args->model_dir,
                  "lac_small model folder (default: $TUPU_LAC_DIR, else python3-jieba's)");
  AddPrecisionOption(cmd, &args->precision);
  cmd->add_option("-j,--jobs", args->jobs, "Tagging threads")->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--domain", args->domain,
                "bio: PER spans repaired by the domain layer's person rules (names after titles, "
                "speakers, role words dropped)");
  cmd->callback([args, exit_code] { *exit_code = RunTag(*args); });
}

}  // namespace

TUPU_REGISTER_COMMAND(tag, CommandSpec{"tag", 60, AddTagCommand});

}  // namespace tupu
