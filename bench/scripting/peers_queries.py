#!/usr/bin/python3
"""The peers of scripting_bench: networkx and igraph (Debian's python3-networkx, python3-igraph)
answer the bench's questions on the graph it wrote (nodes.tsv, edges.tsv, starts.tsv in DIR):
a 2-hop query from each start (distinct in-neighbours of out-neighbours, counts compared with
DIR/tupu_two_hop.tsv), the visits table (official, titles, place, date; sorted) and weighted
directed PageRank. Prints {"networkx": {...}, "igraph": {...}}.

usage: peers_queries.py DIR all|igraph|networkx
"""
import json
import os
import sys
import time


def read(folder):
    nodes = []
    with open(os.path.join(folder, "nodes.tsv"), encoding="utf-8") as f:
        for line in f:
            _, name, label = line.rstrip("\n").split("\t")
            nodes.append((name, label))
    edges = []
    with open(os.path.join(folder, "edges.tsv"), encoding="utf-8") as f:
        for line in f:
            s, t, typ, w, date, title = line.rstrip("\n").split("\t")
            edges.append((int(s), int(t), typ, float(w), date, title))
    with open(os.path.join(folder, "starts.tsv")) as f:
        starts = [int(x) for x in f]
    expected = {}
    with open(os.path.join(folder, "tupu_two_hop.tsv")) as f:
        for line in f:
            v, c = line.split("\t")
            expected[int(v)] = int(c)
    return nodes, edges, starts, expected


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))] if v else 0.0


def timed_two_hop(starts, expected, two_hop):
    times, same = [], True
    for s in starts:
        t = time.perf_counter()
        n = two_hop(s)
        times.append((time.perf_counter() - t) * 1e3)
        same = same and n == expected.get(s)
    return pct(times, 0.5), pct(times, 0.99), same


def visits_table(nodes, visited, positions_of):
    rows = []
    for s, t, date in visited:
        titles = "、".join(positions_of(s))
        rows.append((nodes[s][0], titles, nodes[t][0], date))
    rows.sort(key=lambda r: (r[3], r[0], r[2]))
    return rows


def run_networkx(nodes, edges, starts, expected):
    import networkx as nx
    t = time.perf_counter()
    g = nx.MultiDiGraph()
    for i, (name, label) in enumerate(nodes):
        g.add_node(i, name=name, label=label)
    for s, t_, typ, w, date, title in edges:
        g.add_edge(s, t_, type=typ, weight=w, date=date, title=title)
    build = time.perf_counter() - t

    def two_hop(s):
        return len({w for u in g.successors(s) for w in g.predecessors(u)})
    p50, p99, same = timed_two_hop(starts, expected, two_hop)

    t = time.perf_counter()
    visited = [(s, t_, d["date"]) for s, t_, d in g.edges(data=True) if d["type"] == "VISITED"]

    def positions_of(s):
        return [d["title"] for _, _, d in g.out_edges(s, data=True) if d["type"] == "HOLDS_POSITION"]
    rows = visits_table(nodes, visited, positions_of)
    visits = time.perf_counter() - t

    t = time.perf_counter()
    nx.pagerank(g, alpha=0.85, weight="weight")
    pagerank = time.perf_counter() - t
    return {"build_s": build, "two_hop_p50_ms": p50, "two_hop_p99_ms": p99, "two_hop_same": same,
            "visits_s": visits, "visit_rows": len(rows), "pagerank_s": pagerank}


def run_igraph(nodes, edges, starts, expected):
    import igraph
    t = time.perf_counter()
    g = igraph.Graph(n=len(nodes), edges=[(e[0], e[1]) for e in edges], directed=True)
    g.vs["name"] = [n for n, _ in nodes]
    g.es["type"] = [e[2] for e in edges]
    g.es["weight"] = [e[3] for e in edges]
    g.es["date"] = [e[4] for e in edges]
    g.es["title"] = [e[5] for e in edges]
    build = time.perf_counter() - t

    def two_hop(s):
        return len({w for u in g.neighbors(s, mode="out") for w in g.neighbors(u, mode="in")})
    p50, p99, same = timed_two_hop(starts, expected, two_hop)

    t = time.perf_counter()
    visited = [(e.source, e.target, e["date"]) for e in g.es.select(type_eq="VISITED")]
    types, titles = g.es["type"], g.es["title"]

    def positions_of(s):
        return [titles[i] for i in g.incident(s, mode="out") if types[i] == "HOLDS_POSITION"]
    rows = visits_table(nodes, visited, positions_of)
    visits = time.perf_counter() - t

    t = time.perf_counter()
    g.pagerank(weights="weight", damping=0.85, directed=True)
    pagerank = time.perf_counter() - t
    return {"build_s": build, "two_hop_p50_ms": p50, "two_hop_p99_ms": p99, "two_hop_same": same,
            "visits_s": visits, "visit_rows": len(rows), "pagerank_s": pagerank}


def main():
    folder, which = sys.argv[1], sys.argv[2]
    nodes, edges, starts, expected = read(folder)
    out = {}
    if which in ("all", "igraph"):
        out["igraph"] = run_igraph(nodes, edges, starts, expected)
    if which in ("all", "networkx"):
        out["networkx"] = run_networkx(nodes, edges, starts, expected)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
