// `tupu export`: writes the graph (or a filtered part of it) as JSON, GraphML, GEXF, DOT or
// Neo4j-import CSV. Opens the database read-only, so it runs beside a writer.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "app/command_registry.h"
#include "graph/export.h"
#include "graph/graph_snapshot.h"
#include "graph/snapshot_loader.h"
#include "store/graph_store.h"

namespace tupu {
namespace {

struct ExportArgs {
  std::string db_path;
  std::string format;
  std::string output;
  std::vector<std::string> labels;
  std::vector<std::string> edge_types;
  bool drop_isolated = false;
};

int RunExport(const ExportArgs& args) {
  std::optional<ExportFormat> format = ParseExportFormat(args.format);
  if (!format) {
    std::cerr << "tupu export: unknown --format '" << args.format
              << "' (json, graphml, gexf, dot, csv)\n";
    return kExitUsage;
  }
  SnapshotFilter filter;
  filter.drop_isolated = args.drop_isolated;
  for (const auto& name : args.labels) {
    auto label = ParseNodeLabel(name);
    if (!label) {
      std::cerr << "tupu export: unknown label '" << name
                << "' (Person, Organization, Place, Document)\n";
      return kExitUsage;
    }
    filter.labels.push_back(*label);
  }
  for (const auto& name : args.edge_types) {
    auto type = ParseEdgeType(name);
    if (!type) {
      std::cerr << "tupu export: unknown edge type '" << name << "' (";
      const char* sep = "";
      for (EdgeType t : kAllEdgeTypes) {
        std::cerr << sep << EdgeTypeName(t);
        sep = ", ";
      }
      std::cerr << ")\n";
      return kExitUsage;
    }
    filter.edge_types.push_back(*type);
  }

  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto store = GraphStore::Open(args.db_path, options);
  if (!store.ok()) {
    std::cerr << "tupu export: " << store.status().ToString() << "\n";
    return kExitFailure;
  }
  auto snapshot = LoadSnapshot(**store, filter);
  if (!snapshot.ok()) {
    std::cerr << "tupu export: " << snapshot.status().ToString() << "\n";
    return kExitFailure;
  }
  Status s = ExportToPath(**snapshot, *format, args.output);
  if (!s.ok()) {
    std::cerr << "tupu export: " << s.ToString() << "\n";
    return s.IsInvalidArgument() ? kExitUsage : kExitFailure;
  }
  if (args.output != "-") {
    std::cerr << "exported " << (*snapshot)->num_vertices() << " nodes and "
              << (*snapshot)->num_edges() << " edges as " << args.format << " to " << args.output
              << (*format == ExportFormat::kCsv ? "/{nodes,edges}.csv" : "") << "\n";
  }
  return kExitOk;
}

}  // namespace

TUPU_REGISTER_COMMAND(export, CommandSpec{
  "export", 40, [](CLI::App& root, int* exit_code) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* cmd = root.add_subcommand(
        "export",
        "Write the graph as json, graphml (Gephi, yEd, Cytoscape, networkx, igraph), gexf (Gephi), "
        "dot (Graphviz) or csv (neo4j-admin import)");
    AddDbOption(cmd, &args->db_path);
    cmd->add_option("--format,-f", args->format, "json|graphml|gexf|dot|csv")
        ->required()
        ->check(CLI::IsMember({"json", "graphml", "gexf", "dot", "csv"}));
    cmd->add_option("-o,--output", args->output,
                    "Output file, '-' for standard output; for csv a folder that gets nodes.csv "
                    "and edges.csv")
        ->required();
    cmd->add_option("--labels", args->labels,
                    "Only these node labels (Person, Organization, Place, Document); "
                    "comma-separated or repeated")
        ->delimiter(',');
    cmd->add_option("--edge-types", args->edge_types,
                    "Only these edge types (VISITED, HOLDS_POSITION, ...); comma-separated or "
                    "repeated")
        ->delimiter(',');
    cmd->add_flag("--drop-isolated", args->drop_isolated, "Leave out nodes without edges");
    cmd->callback([args, exit_code] { *exit_code = RunExport(*args); });
  }});

}  // namespace tupu
