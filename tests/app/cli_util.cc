// RunTupu / RunShell (see cli_util.h): std::system with the streams redirected to temp files.
#include "app/cli_util.h"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace tupu::testing {
namespace {
std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

CommandResult RunShell(const std::string& command, const std::string& cwd) {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path() /
              ("tupu_cli_" + std::to_string(rd()) + std::to_string(rd()));
  std::string out_path = base.string() + ".out", err_path = base.string() + ".err";
  std::string full = "cd " + ShellQuote(cwd.empty() ? std::filesystem::current_path().string() : cwd) +
                     " && ( " + command + " ) >" + out_path + " 2>" + err_path;
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return r;
}

CommandResult RunTupu(const std::string& args, const std::string& stdin_text,
                      const std::string& cwd) {
  std::string command = ShellQuote(TUPU_BINARY) + " " + args;
  if (!stdin_text.empty()) {
    std::random_device rd;
    auto in_path = (std::filesystem::temp_directory_path() /
                    ("tupu_cli_in_" + std::to_string(rd()) + std::to_string(rd())))
                       .string();
    std::ofstream(in_path, std::ios::binary) << stdin_text;
    CommandResult r = RunShell(command + " <" + in_path, cwd);
    std::filesystem::remove(in_path);
    return r;
  }
  return RunShell(command + " </dev/null", cwd);
}

}  // namespace tupu::testing
