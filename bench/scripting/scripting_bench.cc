// scripting_bench: the Lua query layer on a synthetic graph with the real schema (bench/graph's
// generator): snapshot load, a 2-hop query from officials (p50/p99), queries/visits.lua over the
// whole graph and g:pagerank; then networkx and igraph (peers_queries.py) answer the same questions
// on the same graph in the same run. Not a test: timings vary with the machine.
//
// usage: scripting_bench [--nodes N] [--edges M] [--queries K] [--out DIR] [--peers all|igraph|none]
//                        [--lua CODE]...  (each CODE timed once after the load, for dissecting)
#include <algorithm>
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/graph_snapshot.h"
#include "scripting/lua_runtime.h"
#include "synthetic_graph.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

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

void Die(const tupu::Status& s, const char* what) {
  if (s.ok()) return;
  std::cerr << "scripting_bench: " << what << ": " << s.ToString() << "\n";
  std::exit(1);
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// The Lua the bench times; peers_queries.py does the same in Python.
constexpr char kTwoHop[] =
    // Who else reached what this official reached: out, then in, distinct.
    "function two_hop(id) return g:V{id=id}:out():in_():dedup():count() end";

}  // namespace

int main(int argc, char** argv) {
  tupu::bench::SyntheticOptions options;
  std::string out_dir = "/tmp/tupu_scripting_bench";
  std::string peers = "all";
  size_t queries = 200;
  std::vector<std::string> extra_lua;  // timed after the load, before the standard questions
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "scripting_bench: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--nodes") options.nodes = std::stoull(next());
    else if (arg == "--edges") options.edges = std::stoull(next());
    else if (arg == "--queries") queries = std::stoull(next());
    else if (arg == "--out") out_dir = next();
    else if (arg == "--peers") peers = next();
    else if (arg == "--lua") extra_lua.push_back(next());
    else {
      std::cerr << "usage: scripting_bench [--nodes N] [--edges M] [--queries K] [--out DIR] "
                   "[--peers all|igraph|none] [--lua CODE]...\n";
      return arg == "--help" ? 0 : 2;
    }
  }
  std::filesystem::create_directories(out_dir);
  auto store = tupu::bench::SyntheticGraphStore::Generate(options);
  const tupu::GraphStore* store_ptr = store.get();
  std::printf("graph: %zu nodes, %zu edges\n", store->nodes().size(), store->edges().size());

  auto runtime = tupu::LuaRuntime::Create(
      tupu::RuntimeOptions{}, [store_ptr]() -> tupu::Result<const tupu::GraphStore*> { return store_ptr; });
  Die(runtime.status(), "runtime");
  tupu::LuaRuntime& lua = **runtime;
  std::string sink;
  lua.SetOutput([&sink](std::string_view text) { sink.append(text); });

  // Officials to start from: Persons with out-edges, spread over the id range, same for the peers.
  std::vector<size_t> starts;
  std::vector<tupu::NodeId> start_ids;
  {
    std::vector<size_t> has_out(store->nodes().size(), 0);
    std::vector<tupu::NodeId> ids;
    for (const auto& n : store->nodes()) ids.push_back(n.id);  // ascending = snapshot vertex order
    for (const auto& e : store->edges()) {
      auto it = std::lower_bound(ids.begin(), ids.end(), e.src);
      if (it != ids.end() && *it == e.src) has_out[static_cast<size_t>(it - ids.begin())]++;
    }
    std::vector<size_t> officials;
    for (size_t v = 0; v < store->nodes().size(); ++v) {
      if (store->nodes()[v].label == tupu::NodeLabel::kPerson && has_out[v] > 0) officials.push_back(v);
    }
    for (size_t k = 0; k < queries && !officials.empty(); ++k) {
      size_t v = officials[(k * 7919) % officials.size()];
      starts.push_back(v);
      start_ids.push_back(ids[v]);
    }
  }

  long long rss_before = RssBytes();
  auto t = Clock::now();
  Die(lua.RunString("assert(tupu.node('" + tupu::IdToHex(start_ids[0]) + "'))", "=load"), "load");
  double load_s = Seconds(t);
  long long snapshot_bytes = RssBytes() - rss_before;

  for (const std::string& code : extra_lua) {
    t = Clock::now();
    Die(lua.RunString(code, "=lua"), "--lua");
    std::printf("%.3f s: %s\n", Seconds(t), code.c_str());
  }

  Die(lua.RunString(kTwoHop, "=two_hop"), "two_hop");
  std::vector<double> hop_ms;
  std::ofstream hop_counts(out_dir + "/tupu_two_hop.tsv");
  for (size_t k = 0; k < starts.size(); ++k) {
    sink.clear();
    t = Clock::now();
    Die(lua.RunString("print(two_hop('" + tupu::IdToHex(start_ids[k]) + "'))", "=q"), "2-hop");
    hop_ms.push_back(Seconds(t) * 1e3);
    hop_counts << starts[k] << '\t' << sink;
  }
  hop_counts.close();

  sink.clear();
  t = Clock::now();
  Die(lua.RunFile(std::string(TUPU_SOURCE_DIR) + "/queries/visits.lua", {"csv"}), "visits.lua");
  double visits_s = Seconds(t);
  size_t visit_rows = static_cast<size_t>(std::count(sink.begin(), sink.end(), '\n')) - 1;

  t = Clock::now();
  Die(lua.RunString("ranked = g:pagerank{direction='out', weight='weight'}", "=pagerank"), "pagerank");
  double pagerank_s = Seconds(t);

  // The graph for the peers, in snapshot vertex numbering.
  auto snap = tupu::GraphSnapshot::Load(*store);
  Die(snap.status(), "snapshot");
  const tupu::PropertyGraph& g = (*snap)->graph();
  {
    std::ofstream nodes(out_dir + "/nodes.tsv"), edges(out_dir + "/edges.tsv"),
        start_out(out_dir + "/starts.tsv");
    for (tupu::Vertex v = 0; v < boost::num_vertices(g); ++v) {
      nodes << v << '\t' << (*snap)->Name(v) << '\t' << tupu::NodeLabelName(g[v].label) << '\n';
    }
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      const auto& p = g[*e];
      const tupu::Properties& props = (*snap)->EdgeProperties(*e);
      const std::string* date = tupu::FindProperty(props, "date");
      const std::string* title = tupu::FindProperty(props, "title");
      edges << boost::source(*e, g) << '\t' << boost::target(*e, g) << '\t'
            << tupu::EdgeTypeName(p.type) << '\t' << (*snap)->Weight(*e) << '\t' << (date ? *date : "") << '\t'
            << (title ? *title : "") << '\n';
    }
    for (size_t s : starts) start_out << s << '\n';
  }

  double edges_n = static_cast<double>(boost::num_edges(g));
  std::printf("\n%-9s %10s %12s %12s %12s %12s\n", "tool", "load s", "2-hop p50 ms",
              "2-hop p99 ms", "visits s", "PageRank s");
  std::printf("%-9s %10.2f %12.3f %12.3f %12.2f %12.2f   (load %.2f M edges/s, %.0f B/edge RSS, "
              "%.0f B/edge counted; visits: %zu rows)\n",
              "tupu-lua", load_s, Percentile(hop_ms, 0.5), Percentile(hop_ms, 0.99), visits_s,
              pagerank_s, edges_n / load_s / 1e6, static_cast<double>(snapshot_bytes) / edges_n,
              static_cast<double>((*snap)->MemoryBytes()) / edges_n, visit_rows);
  if (peers == "none") return 0;
  std::string cmd = std::string(TUPU_PYTHON) + " '" + TUPU_BENCH_PEERS + "' '" + out_dir + "' " + peers;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  std::string output;
  char buf[4096];
  size_t n;
  while (pipe != nullptr && (n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  if (pipe == nullptr || ::pclose(pipe) != 0) {
    std::cerr << "scripting_bench: peers_queries.py failed\n" << output;
    return 1;
  }
  auto results = nlohmann::json::parse(output, nullptr, false);
  if (results.is_discarded()) {
    std::cerr << "scripting_bench: cannot read peers_queries.py output\n" << output;
    return 1;
  }
  for (const auto& [tool, r] : results.items()) {
    std::printf("%-9s %10.2f %12.3f %12.3f %12.2f %12.2f   (2-hop counts equal tupu's: %s; "
                "visits: %d rows)\n",
                tool.c_str(), r["build_s"].get<double>(), r["two_hop_p50_ms"].get<double>(),
                r["two_hop_p99_ms"].get<double>(), r["visits_s"].get<double>(),
                r["pagerank_s"].get<double>(), r["two_hop_same"].get<bool>() ? "yes" : "NO",
                r["visit_rows"].get<int>());
  }
  return 0;
}
