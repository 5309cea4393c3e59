// `tupu extract [--format text|json|graph] [--no-tagger] [--curation FILE] PATH...`: runs the
// domain layer on files (or folders, or - for stdin), with the user's curation rules as ingest
// applies them, and prints what it found, storing nothing. `text` marks entities in each sentence
// and lists facts with their evidence (for debugging quality); `json` gives each document's
// ExtractedDocument; `graph` merges all documents into the nodes/edges JSON that
// ../shared/eval/score.py reads. Exit code: 0, 1 (model missing, bad curation lines), 2 (a
// --curation file that does not exist), 3 (some inputs skipped).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/command_registry.h"
#include "extract/document_reader.h"
#include "extract/curated_extraction.h"
#include "extract/extractor.h"
#include "extract/lac_tagger.h"

namespace tupu {
namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  bool no_tagger = false;
  std::string model_dir;
  std::string curation;  // "": tupu-curation.txt in the working folder, when there is one
};

nlohmann::json PropsJson(const Properties& props) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : props) j[k] = v;
  return j;
}

std::string Snippet(const std::string& text, TextSpan span) {
  if (span.end > text.size() || span.begin >= span.end) return "";
  return text.substr(span.begin, span.end - span.begin);
}

nlohmann::json DocumentJson(const ExtractedDocument& d) {
  nlohmann::json j;
  j["source_key"] = d.source_key;
  j["title"] = d.title;
  j["date"] = d.date;
  j["byline"] = d.byline;
  j["sentences"] = nlohmann::json::array();
  for (const auto& s : d.sentences) j["sentences"].push_back(Snippet(d.text, s));
  j["entities"] = nlohmann::json::array();
  for (const auto& e : d.entities) {
    j["entities"].push_back({{"label", NodeLabelName(e.label)}, {"name", e.name},
                             {"aliases", e.aliases}, {"kind", e.kind},
                             {"mentions", e.mentions}, {"props", PropsJson(e.props)}});
    if (!e.scope.empty()) j["entities"].back()["scope"] = e.scope;
  }
  j["facts"] = nlohmann::json::array();
  for (const auto& f : d.facts) {
    j["facts"].push_back({{"type", EdgeTypeName(f.type)}, {"source", f.src.name},
                          {"target", f.dst.name}, {"sentence", f.sentence},
                          {"evidence", Snippet(d.text, f.span)}, {"props", PropsJson(f.props)}});
  }
  return j;
}

// The sentence with every entity name or alias marked: [张三]人 [某某办事处]组 [某地]地.
std::string MarkSentence(const ExtractedDocument& d, const std::string& sentence) {
  struct Surface {
    std::string text;
    const char* mark;
  };
  std::vector<Surface> surfaces;
  for (const auto& e : d.entities) {
    if (e.label == NodeLabel::kDocument) continue;
    const char* mark = e.label == NodeLabel::kPerson ? "人" : e.label == NodeLabel::kPlace ? "地" : "组";
    surfaces.push_back({e.name, mark});
    // A person's aliases are title + name lookup forms: marking them would hide the organisation.
    if (e.label == NodeLabel::kPerson) continue;
    for (const auto& a : e.aliases) surfaces.push_back({a, mark});
  }
  std::sort(surfaces.begin(), surfaces.end(),
            [](const Surface& a, const Surface& b) { return a.text.size() > b.text.size(); });
  std::string out;
  size_t i = 0;
  while (i < sentence.size()) {
    bool matched = false;
    for (const auto& sf : surfaces) {
      if (!sf.text.empty() && sentence.compare(i, sf.text.size(), sf.text) == 0) {
        out += "[" + sf.text + "]" + sf.mark;
        i += sf.text.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += sentence[i++];
  }
  return out;
}

void PrintText(const ExtractedDocument& d) {
  fmt::print("== {} ({} sentences, {} entities, {} facts)\n", d.source_key, d.sentences.size(),
             d.entities.size(), d.facts.size());
  for (size_t i = 0; i < d.sentences.size(); ++i)
    fmt::print("  {:3}| {}\n", i, MarkSentence(d, Snippet(d.text, d.sentences[i])));
  for (const auto& e : d.entities) {
    if (e.label == NodeLabel::kDocument) continue;
    std::string aliases;
    for (const auto& a : e.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    fmt::print("  [{}] {}{}{}{} x{}\n", NodeLabelName(e.label), e.name,
               e.kind.empty() ? "" : " (" + e.kind + ")", aliases.empty() ? "" : " aka " + aliases,
               e.scope.empty() ? "" : " @ " + e.scope, e.mentions);
  }
  for (const auto& f : d.facts) {
    if (f.type == EdgeType::kCoMentioned || f.type == EdgeType::kMentionedIn) continue;
    std::string props;
    for (const auto& [k, v] : f.props) props += fmt::format(" {}={}", k, v);
    fmt::print("  {} -[{}{}]-> {}\n      s{} «{}»\n", f.src.name, EdgeTypeName(f.type), props,
               f.dst.name, f.sentence, Snippet(d.text, f.span));
  }
}

// Accumulates documents into one graph, merged by node id as the store would.
class GraphJson {
 public:
  void Add(const ExtractedDocument& d) {
    for (const auto& e : d.entities) {
      const std::string id = IdToHex(e.key().id());
      auto [it, inserted] = nodes_.try_emplace(id);
      nlohmann::json& n = it->second;
      if (inserted) {
        n = {{"id", id}, {"label", NodeLabelName(e.label)}, {"name", e.name},
             {"aliases", nlohmann::json::array()}, {"kind", e.kind}};
        if (!e.scope.empty()) n["scope"] = e.scope;
      }
      for (const auto& a : e.aliases) {
        if (std::find(n["aliases"].begin(), n["aliases"].end(), a) == n["aliases"].end())
          n["aliases"].push_back(a);
      }
    }
    for (const auto& f : d.facts) {
      nlohmann::json e = {{"source", IdToHex(f.src.id())}, {"target", IdToHex(f.dst.id())},
                          {"type", EdgeTypeName(f.type)}, {"doc", d.source_key}};
      for (const auto& [k, v] : f.props) e[k] = v;
      edges_.push_back(std::move(e));
    }
  }
  nlohmann::json Json() const {
    nlohmann::json j;
    j["nodes"] = nlohmann::json::array();
    for (const auto& [id, n] : nodes_) j["nodes"].push_back(n);
    j["edges"] = edges_;
    return j;
  }

 private:
  std::map<std::string, nlohmann::json> nodes_;
  nlohmann::json edges_ = nlohmann::json::array();
};

int RunExtract(const ExtractArgs& args) {
  std::unique_ptr<LacTagger> tagger;
  if (!args.no_tagger) {
    LacOptions options;
    options.model_dir = args.model_dir;
    auto loaded = LacTagger::Load(options);
    if (!loaded.ok()) {
      fmt::print(stderr, "tupu extract: {}\n(to extract with rules only, pass --no-tagger)\n",
                 loaded.status().ToString());
      return kExitFailure;
    }
    tagger = std::move(loaded).value();
  }
  auto curation = LoadCurationOrDefault(args.curation);
  if (!curation.ok()) {
    fmt::print(stderr, "tupu extract: {}\n", curation.status().ToString());
    return curation.status().IsNotFound() ? kExitUsage : kExitFailure;
  }
  const Curation* rules = *curation ? &**curation : nullptr;
  Extractor extractor(tagger.get());
  DocumentReader reader;
  GraphJson graph;
  bool skipped = false;
  auto on_error = [&](const std::string& origin, const Status& status) {
    skipped = true;
    fmt::print(stderr, "skipped {}: {}\n", origin, status.message());
  };
  auto on_document = [&](SourceDocument&& doc) {
    auto extracted = ExtractCurated(extractor, rules, &doc);
    if (!extracted.ok()) {
      on_error(doc.origin, extracted.status());
      return;
    }
    if (args.format == "json")
      std::cout << DocumentJson(*extracted).dump(2) << "\n";
    else if (args.format == "graph")
      graph.Add(*extracted);
    else
      PrintText(*extracted);
  };
  for (const auto& path : args.paths) {
    Status s = reader.Read(path, on_document, on_error);
    if (!s.ok()) skipped = true;
  }
  if (args.format == "graph") std::cout << graph.Json().dump(1) << "\n";
  return skipped ? kExitPartial : kExitOk;
}

}  // namespace

TUPU_REGISTER_COMMAND(extract, CommandSpec{
    "extract", 60, [](CLI::App& root, int* exit_code) {
      auto args = std::make_shared<ExtractArgs>();
      CLI::App* cmd = root.add_subcommand(
          "extract", "Run the domain layer on files and print entities and facts (stores nothing)");
      cmd->add_option("paths", args->paths, "Files, folders or - for stdin")->required();
      cmd->add_option("--format", args->format, "text (default), json, or graph (score.py JSON)")
          ->check(CLI::IsMember({"text", "json", "graph"}));
      cmd->add_flag("--no-tagger", args->no_tagger, "Rules only (no lac_small model)");
      cmd->add_option("--model-dir", args->model_dir, "lac_small folder (default: Debian's)");
      cmd->add_option("--curation", args->curation,
                      "Curation rules, as `tupu ingest` applies them (default: tupu-curation.txt "
                      "in the working folder, when there is one)");
      cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
    }});

}  // namespace tupu
