#!/usr/bin/env bash
# Installs the Debian packages tupu needs that are missing (apt-get; as root, or through sudo).
# Safe to run again: installs nothing when everything is there, and runs `apt-get update` once.
# usage: scripts/install-deps.sh [--test] [--sanitizers]
#   --test        adds what the test suite needs
#   --sanitizers  adds clang and its runtimes (ASan, UBSan, libFuzzer) for scripts/test-sanitizers.sh
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config      # the compiler and the build
  librocksdb-dev                        # the store
  libboost-graph-dev                    # the graph snapshot and algorithms
  liblua5.4-dev                         # the query shell and scripts
  python3-jieba                         # ships the lac_small tagger model we run in C++
  libeigen3-dev                         # the tagger's matrix products
  libedit-dev                           # line editing and history in `tupu shell`
  libcli11-dev                          # the command line
  nlohmann-json3-dev                    # .jsonl input, JSON export
  libfmt-dev                            # formatting of messages and tables
  libxxhash-dev                         # content-addressed ids
  libicu-dev                            # Unicode normalisation before tagging
  libgumbo-dev                          # HTML5 parser for saved web pages
  libpoppler-cpp-dev                    # text of e-paper PDFs in reading order
  poppler-data                          # CMaps for Chinese fonts PDFs do not embed (STSong-Light)
)
for flag in "$@"; do
  case "$flag" in
    --test)
      packages+=(
        libgtest-dev                    # the test framework
        python3-networkx python3-igraph # read our GraphML/GEXF back as users do (tests/graph/*.py)
        python3-scipy python3-numpy     # networkx's pagerank needs them (tests/graph/
                                        # networkx_algorithms.py); --no-install-recommends below
                                        # would otherwise leave them out
        graphviz                        # `dot -Tsvg` renders our DOT export (tests/graph/read_back.py)
        libxml2-utils                   # `xmllint` validates our GraphML/GEXF (export_test.cc)
        python3-reportlab               # writes the made-up PDFs the PDF reader tests read
                                        # (tests/extract/make_test_pdfs.py)
      ) ;;
    --sanitizers)
      packages+=(clang libclang-rt-14-dev) ;;
    *)
      echo "install-deps.sh: unknown option $flag (expected --test or --sanitizers)" >&2
      exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "tupu: these packages are missing and I am neither root nor have sudo: ${missing[*]}" >&2
  echo "      install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "tupu: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
