// `tupu resolve --explain NAME [--label L] [--db DIR] [--format text|json]`: every node whose
// canonical name or alias is NAME, with what it is made of (scope, aliases, documents and their
// sources and regions, positions, the curation rules that applied) and why: namesakes are apart
// because their scopes differ, one node's documents are merged because label, name and scope are
// equal (docs/resolution.md, docs/curation.md). Opens the database read-only, so it runs beside a
// writer. Exit code: 0 found; 1 no such node, or the database cannot be read; 2 bad arguments.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "app/command_registry.h"
#include "extract/curation.h"
#include "store/graph_store.h"

namespace tupu {
namespace {

constexpr size_t kMaxListedDocuments = 20;

struct ResolveArgs {
  std::string db_path;
  std::string name;
  std::string label;  // "": every label
  std::string format = "text";
};

struct DocumentInfo {
  std::string key;  // the page's source key
  std::string source;
  std::string region;
};

// One node as explain shows it.
struct NodeExplanation {
  StoredNode node;
  std::string scope;
  std::vector<std::string> curated;
  std::vector<DocumentInfo> documents;  // distinct pages, by source key
  std::vector<std::string> positions;   // "title @ organisation"
  std::vector<std::string> why;
};

std::string PropertyOr(const Properties& props, std::string_view key) {
  const std::string* value = FindProperty(props, key);
  return value ? *value : std::string();
}

// What kind of place a scope is, for people: the rules that make scopes are in docs/resolution.md.
std::string ScopeKind(const std::string& scope) {
  if (scope.empty()) return "none (the name means one thing everywhere: national or unique)";
  if (scope.find(std::string("|") + kDocumentScopePrefix) != std::string::npos ||
      scope.rfind(kDocumentScopePrefix, 0) == 0) {
    return "document (" + scope + ": kept to one document)";
  }
  if (scope.rfind("source:", 0) == 0) return "source (" + scope + ")";
  return "region (" + scope + ")";
}

std::vector<std::string> SplitCurated(const std::string& value) {
  std::vector<std::string> out;
  for (size_t begin = 0; begin < value.size();) {
    size_t end = value.find("; ", begin);
    if (end == std::string::npos) end = value.size();
    out.push_back(value.substr(begin, end - begin));
    begin = end + 2;
  }
  return out;
}

// The page `doc`: its key, and its source and region from its Document node (what extraction
// and the sources file gave), else from the stored document row.
Result<DocumentInfo> DescribeDocument(const GraphStore& store, DocId doc) {
  TUPU_ASSIGN_OR_RETURN(StoredDocument row, store.GetDocument(doc));
  DocumentInfo info;
  info.key = row.source_key;
  info.source = row.source;
  auto page = store.GetNode(MakeNodeId(NodeLabel::kDocument, row.source_key));
  if (page.ok()) {
    if (std::string source = PropertyOr(page->props, "source"); !source.empty()) {
      info.source = source;
    }
    info.region = PropertyOr(page->props, "region");
  } else if (!page.status().IsNotFound()) {
    return page.status();
  }
  return info;
}

// The node's documents (every fact carries its page, so all edges count, not MENTIONED_IN alone)
// and its positions.
Status CollectEvidence(const GraphStore& store, NodeExplanation* x) {
  std::set<DocId> docs;
  std::set<std::string> positions;
  Status inner;
  auto on_edge = [&](const StoredEdge& e) {
    docs.insert(e.doc);
    if (e.type != EdgeType::kHoldsPosition || e.src != x->node.id) return true;
    auto org = store.GetNode(e.dst);
    if (!org.ok()) {
      inner = org.status();
      return false;
    }
    positions.insert(PropertyOr(e.props, "title") + " @ " + org->name);
    return true;
  };
  TUPU_RETURN_IF_ERROR(store.ForEachOutEdge(x->node.id, nullptr, on_edge));
  TUPU_RETURN_IF_ERROR(inner);
  TUPU_RETURN_IF_ERROR(store.ForEachInEdge(x->node.id, nullptr, on_edge));
  TUPU_RETURN_IF_ERROR(inner);
  for (DocId doc : docs) {
    TUPU_ASSIGN_OR_RETURN(DocumentInfo info, DescribeDocument(store, doc));
    x->documents.push_back(std::move(info));
  }
  std::sort(x->documents.begin(), x->documents.end(),
            [](const DocumentInfo& a, const DocumentInfo& b) { return a.key < b.key; });
  x->positions.assign(positions.begin(), positions.end());
  return Status::OK();
}

// Why this node is one node, and why it is not one with its namesakes.
void ExplainWhy(const std::vector<NodeExplanation>& all, NodeExplanation* x) {
  const std::string label(NodeLabelName(x->node.label));
  if (x->documents.size() > 1) {
    x->why.push_back(fmt::format(
        "merged: its mentions in {} documents have the same label, name and scope; scope {}",
        x->documents.size(), ScopeKind(x->scope)));
  } else {
    x->why.push_back("one document mentions it; scope " + ScopeKind(x->scope));
  }
  // One line for all the namesakes, however many: a bare 市委 of a large archive has hundreds.
  constexpr size_t kScopesShown = 4;
  std::vector<std::string> others;
  for (const auto& other : all) {
    if (other.node.id == x->node.id || other.node.label != x->node.label ||
        other.node.name != x->node.name) {
      continue;
    }
    others.push_back("'" + (other.scope.empty() ? std::string("-") : other.scope) + "'");
  }
  if (others.empty()) return;
  const std::string where = others.size() == 1 ? "there" : "theirs";
  std::string listed;
  for (size_t i = 0; i < others.size() && i < kScopesShown; ++i) listed += (i ? ", " : "") + others[i];
  if (others.size() > kScopesShown) listed += fmt::format(" and {} more", others.size() - kScopesShown);
  x->why.push_back(fmt::format("kept apart from the other {}{} {}: their scopes differ ('{}' here, {} {})",
                               others.size() == 1 ? "" : std::to_string(others.size()) + " ", label,
                               x->node.name, x->scope.empty() ? "-" : x->scope, listed, where));
}

Result<std::vector<NodeExplanation>> Explain(const GraphStore& store, const ResolveArgs& args) {
  std::vector<NodeLabel> labels;
  if (args.label.empty()) {
    for (NodeLabel l : kAllNodeLabels) labels.push_back(l);
  } else {
    labels.push_back(*ParseNodeLabel(args.label));  // checked by the option
  }
  std::vector<NodeExplanation> out;
  for (NodeLabel label : labels) {
    TUPU_ASSIGN_OR_RETURN(std::vector<NodeId> ids, store.FindNodes(label, args.name));
    for (NodeId id : ids) {
      NodeExplanation x;
      TUPU_ASSIGN_OR_RETURN(x.node, store.GetNode(id));
      x.scope = PropertyOr(x.node.props, "scope");
      x.curated = SplitCurated(PropertyOr(x.node.props, kCuratedProperty));
      TUPU_RETURN_IF_ERROR(CollectEvidence(store, &x));
      out.push_back(std::move(x));
    }
  }
  for (auto& x : out) ExplainWhy(out, &x);
  return out;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "-" : out;
}

void PrintText(const std::string& name, const std::vector<NodeExplanation>& nodes) {
  fmt::print("{} node(s) named or aliased {}\n", nodes.size(), name);
  for (const auto& x : nodes) {
    fmt::print("\n{} {}  scope: {}  id: {}\n", NodeLabelName(x.node.label), x.node.name,
               x.scope.empty() ? "-" : x.scope, IdToHex(x.node.id));
    if (x.node.name != name) fmt::print("  found by its alias {}\n", name);
    fmt::print("  aliases: {}\n", Joined(x.node.aliases));
    fmt::print("  documents: {}\n", x.documents.size());
    for (size_t i = 0; i < x.documents.size() && i < kMaxListedDocuments; ++i) {
      const DocumentInfo& d = x.documents[i];
      fmt::print("    {}  source: {}  region: {}\n", d.key, d.source.empty() ? "-" : d.source,
                 d.region.empty() ? "-" : d.region);
    }
    if (x.documents.size() > kMaxListedDocuments) {
      fmt::print("    ... and {} more\n", x.documents.size() - kMaxListedDocuments);
    }
    fmt::print("  positions: {}\n", Joined(x.positions));
    for (const auto& rule : x.curated) fmt::print("  curated: {}\n", rule);
    for (const auto& why : x.why) fmt::print("  why: {}\n", why);
  }
}

void PrintJson(const std::vector<NodeExplanation>& nodes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& x : nodes) {
    nlohmann::json docs = nlohmann::json::array();
    for (const auto& d : x.documents) {
      docs.push_back({{"key", d.key}, {"source", d.source}, {"region", d.region}});
    }
    out.push_back({{"id", IdToHex(x.node.id)},
                   {"label", NodeLabelName(x.node.label)},
                   {"name", x.node.name},
                   {"scope", x.scope},
                   {"aliases", x.node.aliases},
                   {"documents", docs},
                   {"positions", x.positions},
                   {"curated", x.curated},
                   {"why", x.why}});
  }
  fmt::print("{}\n", out.dump(2));
}

int RunResolve(const ResolveArgs& args) {
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto store = GraphStore::Open(args.db_path, options);
  if (!store.ok()) {
    fmt::print(stderr, "tupu resolve: {}\n", store.status().ToString());
    return kExitFailure;
  }
  auto nodes = Explain(**store, args);
  if (!nodes.ok()) {
    fmt::print(stderr, "tupu resolve: {}\n", nodes.status().ToString());
    return kExitFailure;
  }
  if (args.format == "json") {
    PrintJson(*nodes);
  } else {
    PrintText(args.name, *nodes);
  }
  return nodes->empty() ? kExitFailure : kExitOk;
}

void AddResolveCommand(CLI::App& root, int* exit_code) {
  auto args = std::make_shared<ResolveArgs>();
  CLI::App* cmd = root.add_subcommand(
      "resolve",
      "Explain how a name was resolved: its nodes, their scopes, documents, positions and "
      "curation rules, and why they are one node or apart");
  AddDbOption(cmd, &args->db_path);
  cmd->add_option("--explain", args->name, "The name (canonical or alias) to explain")->required();
  cmd->add_option("--label", args->label, "Only nodes of this label")
      ->check(CLI::IsMember({"Person", "Organization", "Place", "Document"}));
  cmd->add_option("--format,-f", args->format, "text|json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunResolve(*args); });
}

}  // namespace

TUPU_REGISTER_COMMAND(resolve, CommandSpec{"resolve", 50, AddResolveCommand});

}  // namespace tupu
