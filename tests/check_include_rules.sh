#!/bin/sh
# Third-party headers stay in their folders (../DESIGN.md "Layout"): RocksDB only in store/*.cc,
# Boost only in graph/, lua.h only in scripting/, gumbo in extract/html_*, poppler in extract/pdf_*.cc.
# Our own folders are enforced by the compiler.
cd "$1" || exit 2
bad=0
check() {  # check <pattern> <allowed-path-regex> <what>
  hits=$(grep -rlE "$1" common extract store graph scripting app --include='*.h' --include='*.cc' \
         | grep -vE "$2")
  if [ -n "$hits" ]; then
    echo "$3 included outside its folder:"; echo "$hits"; bad=1
  fi
}
check '#include [<"]rocksdb/' '^store/[^/]*\.cc$' 'RocksDB'
check '#include [<"]boost/' '^graph/' 'Boost'
check '#include [<"](lua\.h|lauxlib\.h|lualib\.h|lua\.hpp)' '^scripting/[^/]*\.cc$' 'Lua'
check '#include [<"]gumbo\.h' '^extract/html_' 'gumbo (the HTML parser)'
check '#include [<"]poppler' '^extract/pdf_[^/]*\.cc$' 'poppler'
exit $bad
