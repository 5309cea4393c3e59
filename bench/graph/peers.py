#!/usr/bin/python3
"""The peers of graph_bench: networkx and igraph (Debian's python3-networkx, python3-igraph) build
the graph graph_bench wrote (nodes.tsv, edges.tsv in DIR), write GraphML and run PageRank.
Prints {"networkx": {...}, "igraph": {...}} with seconds, GraphML MB and the largest difference
of their PageRank from tupu's (DIR/tupu_pagerank.tsv).

usage: peers.py DIR all|igraph
"""
import json
import os
import sys
import time


def read_graph(folder):
    nodes = []
    with open(os.path.join(folder, "nodes.tsv"), encoding="utf-8") as f:
        for line in f:
            i, name, label = line.rstrip("\n").split("\t")
            nodes.append((name, label))
    edges = []
    with open(os.path.join(folder, "edges.tsv"), encoding="utf-8") as f:
        for line in f:
            s, t, typ, w, date, doc = line.rstrip("\n").split("\t")
            edges.append((int(s), int(t), typ, float(w), date, doc))
    ranks = {}
    with open(os.path.join(folder, "tupu_pagerank.tsv")) as f:
        for line in f:
            v, score = line.split("\t")
            ranks[int(v)] = float(score)
    return nodes, edges, ranks


def run_igraph(folder, nodes, edges, ranks):
    import igraph
    t = time.perf_counter()
    g = igraph.Graph(n=len(nodes), edges=[(s, t_) for s, t_, *_ in edges], directed=True)
    g.vs["name"] = [n for n, _ in nodes]
    g.vs["node_label"] = [l for _, l in nodes]
    g.es["type"] = [e[2] for e in edges]
    g.es["weight"] = [e[3] for e in edges]
    g.es["date"] = [e[4] for e in edges]
    g.es["doc"] = [e[5] for e in edges]
    build = time.perf_counter() - t
    path = os.path.join(folder, "igraph.graphml")
    t = time.perf_counter()
    g.write_graphml(path)
    graphml = time.perf_counter() - t
    t = time.perf_counter()
    pr = g.pagerank(weights="weight", damping=0.85)
    pagerank = time.perf_counter() - t
    diff = max(abs(pr[v] - ranks[v]) for v in range(len(nodes))) if nodes else 0.0
    return {"build_s": build, "graphml_s": graphml, "graphml_mb": os.path.getsize(path) / 1e6,
            "pagerank_s": pagerank, "pagerank_max_diff": diff}


def run_networkx(folder, nodes, edges, ranks):
    import networkx as nx
    t = time.perf_counter()
    g = nx.MultiDiGraph()
    for i, (name, label) in enumerate(nodes):
        g.add_node(i, name=name, node_label=label)
    for s, t_, typ, w, date, doc in edges:
        g.add_edge(s, t_, type=typ, weight=w, date=date, doc=doc)
    build = time.perf_counter() - t
    path = os.path.join(folder, "networkx.graphml")
    t = time.perf_counter()
    nx.write_graphml(g, path)
    graphml = time.perf_counter() - t
    t = time.perf_counter()
    pr = nx.pagerank(g, alpha=0.85, weight="weight")
    pagerank = time.perf_counter() - t
    diff = max(abs(pr[v] - ranks[v]) for v in range(len(nodes))) if nodes else 0.0
    return {"build_s": build, "graphml_s": graphml, "graphml_mb": os.path.getsize(path) / 1e6,
            "pagerank_s": pagerank, "pagerank_max_diff": diff}


def main():
    folder, which = sys.argv[1], sys.argv[2]
    nodes, edges, ranks = read_graph(folder)
    out = {}
    if which in ("all", "networkx"):
        out["networkx"] = run_networkx(folder, nodes, edges, ranks)
    if which in ("all", "igraph"):
        out["igraph"] = run_igraph(folder, nodes, edges, ranks)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
