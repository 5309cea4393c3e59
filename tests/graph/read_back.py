#!/usr/bin/python3
"""Reads an export of tupu back with the reader its users use and prints what it saw as JSON:
{"nodes": N, "edges": M, "names": [...sorted node names...]}.

usage: read_back.py READER PATH
READER: graphml-networkx, graphml-igraph, gexf-networkx, dot (renders with `dot -Tsvg`),
        csv (PATH = folder with nodes.csv and edges.csv, read with the csv module).
Run with Debian's /usr/bin/python3 (python3-networkx, python3-igraph). Exit 1 on any reader error.
"""
import csv
import json
import os
import re
import subprocess
import sys


def main():
    reader, path = sys.argv[1], sys.argv[2]
    if reader == "graphml-networkx":
        import networkx as nx
        g = nx.read_graphml(path)
        names = [d.get("name", "") for _, d in g.nodes(data=True)]
        labels = [d.get("label", "") for _, d in g.nodes(data=True)]
        assert names == labels, "label must equal name"
        weights = [d.get("weight") for _, _, d in g.edges(data=True)]
        assert all(isinstance(w, float) for w in weights), weights
        out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "names": names}
    elif reader == "graphml-igraph":
        import igraph
        g = igraph.Graph.Read_GraphML(path)
        names = g.vs["name"] if g.vcount() else []
        out = {"nodes": g.vcount(), "edges": g.ecount(), "names": names}
    elif reader == "gexf-networkx":
        import networkx as nx
        g = nx.read_gexf(path)
        names = [d.get("label", "") for _, d in g.nodes(data=True)]
        out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "names": names}
    elif reader == "dot":
        svg = subprocess.run(["dot", "-Tsvg", path], check=True, capture_output=True).stdout
        svg = svg.decode("utf-8")
        titles = re.findall(r'<g id="node\d+" class="node">\s*<title>([^<]*)</title>', svg)
        edges = re.findall(r'class="edge"', svg)
        texts = re.findall(r'<text[^>]*>([^<]*)</text>', svg)
        import html
        out = {"nodes": len(titles), "edges": len(edges),
               "names": [html.unescape(t) for t in texts]}
    elif reader == "csv":
        with open(os.path.join(path, "nodes.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        assert header[:3] == ["id:ID", ":LABEL", "name"], header
        with open(os.path.join(path, "edges.csv"), newline="", encoding="utf-8") as f:
            edge_rows = list(csv.reader(f))
        assert edge_rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"], edge_rows[0]
        ids = {r[0] for r in rows[1:]}
        assert all(r[0] in ids and r[1] in ids for r in edge_rows[1:]), "dangling edge"
        assert all(len(r) == len(header) for r in rows), "ragged nodes.csv"
        assert all(len(r) == len(edge_rows[0]) for r in edge_rows), "ragged edges.csv"
        out = {"nodes": len(rows) - 1, "edges": len(edge_rows) - 1, "names": [r[2] for r in rows[1:]]}
    else:
        sys.exit("unknown reader " + reader)
    out["names"] = sorted(out["names"])
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
