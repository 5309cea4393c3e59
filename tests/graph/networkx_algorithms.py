#!/usr/bin/python3
"""Reference results from networkx for the algorithm tests: reads a tupu JSON export and prints
{"pagerank": {id: score}, "betweenness": {id: score}} as JSON.

usage: networkx_algorithms.py GRAPH.json EDGE_TYPES(comma list or "all") DIRECTION(out|both)
Run with Debian's /usr/bin/python3 (python3-networkx).
"""
import json
import sys

import networkx as nx


def main():
    path, types, direction = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    wanted = None if types == "all" else set(types.split(","))
    multi = nx.MultiDiGraph() if direction == "out" else nx.MultiGraph()
    multi.add_nodes_from(n["id"] for n in g["nodes"])
    for e in g["edges"]:
        if wanted is None or e["type"] in wanted:
            multi.add_edge(e["source"], e["target"], weight=e["weight"])
    pagerank = nx.pagerank(multi, alpha=0.85, weight="weight", tol=1e-13, max_iter=1000)
    simple = nx.DiGraph(multi) if direction == "out" else nx.Graph(multi)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    raw = nx.betweenness_centrality(simple, normalized=False)
    json.dump({"pagerank": pagerank, "betweenness": betweenness, "betweenness_raw": raw}, sys.stdout)


if __name__ == "__main__":
    main()
