// The interactive shell of `tupu shell`: libedit line editing with history and tab completion,
// multi-line Lua chunks, expressions that print as tables, dot commands (.mode .maxrows .timer
// .schema .read .output .help ...), Ctrl-C that drops the half-typed line at the prompt and stops a
// running query (only Ctrl-D or .quit leave), an rc file.
// Reads plain lines (no prompt, no editing) when stdin is not a terminal, so it can be piped.
// Thread safety: one shell per process (it owns the SIGINT handler while it runs).
#pragma once

#include <string>

#include "scripting/lua_runtime.h"

namespace tupu {

struct ShellOptions {
  std::string history_path;  // "" = ~/.tupu_history; "-" = no history file
  size_t history_lines = 2000;
  std::string rc_path;       // "" = ~/.tupurc (run when it exists); "-" = none
  bool bail = false;         // stop at the first error (for piped scripts); exit code 1
  bool force_interactive = false;  // line editing even when stdin is not a terminal
};

// Runs the shell on stdin/stdout until .quit or end of input. Returns the exit code (0, or 1 when
// `bail` stopped it, or when stdin was not a terminal and some chunk failed).
int RunShell(LuaRuntime& runtime, const ShellOptions& options);

// The dot commands as a table for .help and completion: "name args — what it does".
std::string DotCommandHelp();

// The dot command nearest to `typed` (edit distance <= 2), or "" — the "did you mean".
std::string SuggestDotCommand(const std::string& typed);

}  // namespace tupu
