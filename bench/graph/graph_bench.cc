// graph_bench: loads a synthetic graph (real schema) into a GraphSnapshot, exports GraphML and runs
// PageRank, then has networkx and igraph (peers.py) do the same on the same graph in the same run
// and prints the table with ratios. Not a test: timings vary with the machine.
//
// usage: graph_bench [--nodes N] [--edges M] [--out DIR] [--peers all|igraph|none] [--rocks DB]
// --rocks DB: also time the snapshot load from a RocksDB store in folder DB (written from the
// synthetic graph through Ingest when the folder does not exist yet; reused otherwise).
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <nlohmann/json.hpp>

#include "graph/algorithms.h"
#include "graph/export.h"
#include "graph/graph_snapshot.h"
#include "graph/snapshot_loader.h"
#include "synthetic_graph.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Resident set size of this process in bytes (Linux /proc).
// glibc keeps freed heap pages resident; malloc_trim hands them back first, so the figure is
// what is still allocated (the snapshot), not the builder's freed temporaries.
long long RssBytes() {
  malloc_trim(0);
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atoll(line.c_str() + 6) * 1024;
  }
  return 0;
}

// boost::write_graphml through dynamic_properties with a subset of tupu's attributes (name, label;
// edge type, weight, date): what the exporter would cost had it gone the Boost way.
double BoostGraphmlSeconds(const tupu::GraphSnapshot& snap, const std::string& path,
                           double* megabytes) {
  using tupu::PropertyGraph;
  const PropertyGraph& g = snap.graph();
  boost::dynamic_properties dp;
  // Maps over a const graph must be function maps: dynamic_properties wants lvalue maps writable.
  dp.property("name", boost::make_function_property_map<tupu::Vertex>(
                          [&snap](tupu::Vertex v) { return snap.Name(v); }));
  dp.property("node_label", boost::make_function_property_map<tupu::Vertex>(
                                [&g](tupu::Vertex v) { return std::string(tupu::NodeLabelName(g[v].label)); }));
  dp.property("type", boost::make_function_property_map<tupu::Edge>(
                          [&g](tupu::Edge e) { return std::string(tupu::EdgeTypeName(g[e].type)); }));
  dp.property("weight", boost::make_function_property_map<tupu::Edge>(
                            [&snap](tupu::Edge e) { return snap.Weight(e); }));
  dp.property("date", boost::make_function_property_map<tupu::Edge>([&snap](tupu::Edge e) {
    const std::string* d = tupu::FindProperty(snap.EdgeProperties(e), "date");
    return d ? *d : std::string();
  }));
  auto t = Clock::now();
  {
    std::ofstream out(path);
    boost::write_graphml(out, g, dp, /*ordered_vertices=*/true);
  }
  double s = Seconds(t);
  *megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  return s;
}

void Die(const tupu::Status& s, const char* what) {
  if (s.ok()) return;
  std::cerr << "graph_bench: " << what << ": " << s.ToString() << "\n";
  std::exit(1);
}

// Times GraphSnapshot::Load from RocksDB (the folder is written first when missing).
void RocksLoad(const tupu::bench::SyntheticOptions& options, const std::string& dir) {
  if (!std::filesystem::exists(dir)) {
    auto t = Clock::now();
    auto synthetic = tupu::bench::SyntheticGraphStore::Generate(options);
    auto writer = tupu::GraphStore::Open(dir, tupu::StoreOptions{});
    Die(writer.status(), "opening the RocksDB store for writing");
    Die(tupu::bench::WriteToStore(*synthetic, writer->get()), "writing the RocksDB store");
    std::printf("wrote %s in %.1f s\n", dir.c_str(), Seconds(t));
  }
  tupu::StoreOptions read_only;
  read_only.create_if_missing = false;
  read_only.read_only = true;
  auto store = tupu::GraphStore::Open(dir, read_only);
  Die(store.status(), "opening the RocksDB store");
  auto report = [](const char* what, const tupu::GraphSnapshot& snap, double s, long long rss) {
    const double edges = static_cast<double>(snap.num_edges());
    std::printf("%s: %zu nodes, %zu edges in %.3f s = %.2f M edges/s; %.1f bytes/edge RSS growth\n",
                what, snap.num_vertices(), snap.num_edges(), s, edges / s / 1e6,
                static_cast<double>(rss) / edges);
  };
  for (int run = 0; run < 2; ++run) {  // the second run reads with a warm OS page cache
    long long rss_before = RssBytes();
    auto t = Clock::now();
    auto loaded = tupu::GraphSnapshot::Load(**store);
    Die(loaded.status(), "load from RocksDB");
    double s = Seconds(t);
    report(run == 0 ? "RocksDB scan load, run 1" : "RocksDB scan load, run 2", **loaded, s,
           RssBytes() - rss_before);
    t = Clock::now();
    uint64_t scanned = 0;
    auto count = [&](const tupu::EdgeView*, size_t n) {
      scanned += n;
      return true;
    };
    Die(tupu::ScanEdgeBatches(**store, count), "scan");
    double scan_s = Seconds(t);
    std::printf("  ScanEdges alone: %llu edges in %.3f s = %.2f M edges/s\n",
                static_cast<unsigned long long>(scanned), scan_s,
                static_cast<double>(scanned) / scan_s / 1e6);
  }

  // LoadSnapshot: the first load scans and writes the image, the later ones read it.
  std::filesystem::remove(dir + "/" + tupu::kSnapshotImageName);
  for (int run = 0; run < 4; ++run) {
    long long rss_before = RssBytes();
    tupu::SnapshotLoadInfo info;
    auto t = Clock::now();
    auto loaded = tupu::LoadSnapshot(**store, {}, &info);
    Die(loaded.status(), "LoadSnapshot");
    double s = Seconds(t);
    long long rss = RssBytes() - rss_before;
    std::string what = std::string("LoadSnapshot run ") + std::to_string(run + 1) +
                       (info.from_image ? " (from the image)" : "") +
                       (info.image_written ? " (scan, then image written)" : "");
    report(what.c_str(), **loaded, s, rss);
    if (!info.note.empty()) std::printf("  note: %s\n", info.note.c_str());
    if (info.image_written) {
      std::printf("  image: %.1f MB\n",
                  static_cast<double>(std::filesystem::file_size(
                      dir + "/" + tupu::kSnapshotImageName)) / 1e6);
    }
    if (run == 3) {
      t = Clock::now();
      (void)(*loaded)->FindByName("x");
      std::printf("  first FindByName (builds the name index): %.3f s; snapshot %.1f bytes/edge "
                  "counted\n",
                  Seconds(t),
                  static_cast<double>((*loaded)->MemoryBytes()) /
                      static_cast<double>((*loaded)->num_edges()));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  tupu::bench::SyntheticOptions options;
  std::string out_dir = "graph_bench_out";
  std::string peers = "all";
  std::string rocks_dir;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "graph_bench: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--nodes") options.nodes = std::stoull(next());
    else if (arg == "--edges") options.edges = std::stoull(next());
    else if (arg == "--out") out_dir = next();
    else if (arg == "--peers") peers = next();
    else if (arg == "--rocks") rocks_dir = next();
    else {
      std::cerr << "usage: graph_bench [--nodes N] [--edges M] [--out DIR] "
                   "[--peers all|igraph|none] [--rocks DB]\n";
      return arg == "--help" ? 0 : 2;
    }
  }
  std::filesystem::create_directories(out_dir);

  if (!rocks_dir.empty()) RocksLoad(options, rocks_dir);

  auto t = Clock::now();
  auto store = tupu::bench::SyntheticGraphStore::Generate(options);
  std::printf("generated %zu nodes, %zu edges in %.2f s\n", store->nodes().size(),
              store->edges().size(), Seconds(t));

  long long rss_before = RssBytes();
  t = Clock::now();
  auto loaded = tupu::GraphSnapshot::Load(*store);
  Die(loaded.status(), "load");
  double load_s = Seconds(t);
  long long snapshot_bytes = RssBytes() - rss_before;
  const tupu::GraphSnapshot& snap = **loaded;
  const double edges = static_cast<double>(snap.num_edges());
  std::printf("snapshot: %zu vertices, %zu edges, %zu property sets, %.1f bytes/edge counted "
              "(MemoryBytes), %.1f bytes/edge RSS growth\n",
              snap.num_vertices(), snap.num_edges(), snap.num_property_sets(),
              static_cast<double>(snap.MemoryBytes()) / edges,
              static_cast<double>(snapshot_bytes) / edges);

  std::string graphml = out_dir + "/tupu.graphml";
  t = Clock::now();
  Die(tupu::ExportToPath(snap, tupu::ExportFormat::kGraphml, graphml), "graphml export");
  double graphml_s = Seconds(t);
  double graphml_mb = static_cast<double>(std::filesystem::file_size(graphml)) / 1e6;

  t = Clock::now();
  auto pagerank = tupu::PageRank(snap);
  Die(pagerank.status(), "pagerank");
  double pagerank_s = Seconds(t);

  // The same graph for the peers: vertex indices, names, labels; edges with type, weight, date, doc.
  const tupu::PropertyGraph& g = snap.graph();
  {
    std::ofstream nodes(out_dir + "/nodes.tsv"), edge_out(out_dir + "/edges.tsv"),
        ranks(out_dir + "/tupu_pagerank.tsv");
    for (tupu::Vertex v = 0; v < snap.num_vertices(); ++v) {
      nodes << v << '\t' << snap.Name(v) << '\t' << tupu::NodeLabelName(g[v].label) << '\n';
    }
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      const auto& p = g[*e];
      const std::string* date = tupu::FindProperty(snap.EdgeProperties(*e), "date");
      edge_out << boost::source(*e, g) << '\t' << boost::target(*e, g) << '\t'
               << tupu::EdgeTypeName(p.type) << '\t' << snap.Weight(*e) << '\t' << (date ? *date : "")
               << '\t' << snap.DocKey(*e) << '\n';
    }
    ranks.precision(17);
    for (const auto& rv : *pagerank) ranks << rv.vertex << '\t' << rv.score << '\n';
  }

  std::printf("\n%-10s %12s %14s %14s %12s\n", "tool", "load s", "GraphML s", "GraphML MB/s",
              "PageRank s");
  std::printf("%-10s %12.2f %14.2f %14.1f %12.3f   (snapshot: %.1f M edges/s, %.0f bytes/edge, "
              "GraphML %.0f MB)\n",
              "tupu", load_s, graphml_s, graphml_mb / graphml_s, pagerank_s,
              edges / load_s / 1e6, static_cast<double>(snapshot_bytes) / edges, graphml_mb);
  double boost_mb = 0;
  double boost_s = BoostGraphmlSeconds(snap, out_dir + "/boost.graphml", &boost_mb);
  std::printf("%-10s %12s %14.2f %14.1f %12s   (boost::write_graphml, 5 attributes, %.0f MB)\n",
              "boost", "-", boost_s, boost_mb / boost_s, "-", boost_mb);
  if (peers == "none") return 0;

  std::string cmd = std::string(TUPU_PYTHON) + " '" + TUPU_BENCH_PEERS + "' '" + out_dir + "' " +
                    peers;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  std::string output;
  char buf[4096];
  size_t n;
  while (pipe != nullptr && (n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  if (pipe == nullptr || ::pclose(pipe) != 0) {
    std::cerr << "graph_bench: peers.py failed\n" << output;
    return 1;
  }
  auto results = nlohmann::json::parse(output, nullptr, false);
  if (results.is_discarded()) {
    std::cerr << "graph_bench: cannot read peers.py output\n" << output;
    return 1;
  }
  for (const auto& [tool, r] : results.items()) {
    double peer_graphml_s = r["graphml_s"], peer_pagerank_s = r["pagerank_s"];
    double peer_mb = r["graphml_mb"];
    std::printf("%-10s %12.2f %14.2f %14.1f %12.3f   (max |PageRank - tupu's| = %.1e)\n",
                tool.c_str(), r["build_s"].get<double>(), peer_graphml_s,
                peer_mb / peer_graphml_s, peer_pagerank_s, r["pagerank_max_diff"].get<double>());
    std::printf("%-10s %12s %14s %13.1fx %11.1fx   (tupu's speed-up over %s)\n", "", "",
                "", (graphml_mb / graphml_s) / (peer_mb / peer_graphml_s),
                peer_pagerank_s / pagerank_s, tool.c_str());
  }
  return 0;
}
