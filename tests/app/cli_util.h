// Runs the built `tupu` binary as a user would, capturing exit code, stdout and stderr.
#pragma once

#include <string>

namespace tupu::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `tupu <args>` through /bin/sh (args are shell words: quote them yourself), from `cwd`
// (default: the build folder). `stdin_text`, when given, is fed to its standard input.
CommandResult RunTupu(const std::string& args, const std::string& stdin_text = "",
                      const std::string& cwd = "");

// Runs any shell command the same way.
CommandResult RunShell(const std::string& command, const std::string& cwd = "");

// Single-quotes `s` for /bin/sh.
std::string ShellQuote(const std::string& s);

}  // namespace tupu::testing
