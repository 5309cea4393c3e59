// The shell (see shell.h). Modelled on lua.c (return-first expressions, "<eof>" = continue,
// Ctrl-C through a hook) and on the sqlite3/DuckDB shells (dot commands in one table, modes).
#include "scripting/shell.h"

#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <editline/readline.h>

#include "scripting/did_you_mean.h"
#include "scripting/table_renderer.h"

namespace tupu {
namespace {

// The runtime a SIGINT stops. Only RequestInterrupt (async-signal-safe) is called from the handler.
std::atomic<LuaRuntime*> g_running_runtime{nullptr};
// Set by a SIGINT that came while no query ran (at the prompt): ReadKey ends the line with it.
volatile sig_atomic_t g_prompt_interrupted = 0;

void OnInterrupt(int) {
  LuaRuntime* runtime = g_running_runtime.load();
  if (runtime != nullptr) {
    runtime->RequestInterrupt();
  } else {
    g_prompt_interrupted = 1;
  }
}

struct ShellState {
  LuaRuntime* runtime = nullptr;
  bool timer = false;
  bool quit = false;
  int errors = 0;
  std::unique_ptr<std::ofstream> output_file;
  std::string output_path;
};

using DotHandler = std::function<void(ShellState&, const std::vector<std::string>& args)>;

struct DotCommand {
  const char* name;
  const char* args;
  const char* help;
  DotHandler run;
};

void ReportError(ShellState& state, const Status& status) {
  ++state.errors;
  std::fprintf(stderr, "%s\n", status.message().c_str());
  std::fflush(stderr);
}

void RunChunk(ShellState& state, const std::string& code, bool* incomplete);

void RunLuaQuietly(ShellState& state, const std::string& code) {
  Status s = state.runtime->RunString(code, "=shell");
  if (!s.ok()) ReportError(state, s);
}

const std::vector<DotCommand>& DotCommands() {
  static const std::vector<DotCommand> commands = {
      {"help", "", "show this help",
       [](ShellState&, const std::vector<std::string>&) { std::cout << DotCommandHelp(); }},
      {"mode", "table|csv|json|markdown", "how results are rendered",
       [](ShellState& state, const std::vector<std::string>& args) {
         if (args.empty()) {
           std::cout << "mode: " << RenderModeName(state.runtime->render_options().mode) << "\n";
           return;
         }
         auto mode = ParseRenderMode(args[0]);
         if (!mode) {
           ReportError(state, Status::InvalidArgument(".mode: unknown mode '" + args[0] +
                                                      "' (table, csv, json, markdown)"));
           return;
         }
         state.runtime->render_options().mode = *mode;
       }},
      {"maxrows", "N", "show at most N rows of a result (0 = all)",
       [](ShellState& state, const std::vector<std::string>& args) {
         if (args.empty() || args[0].find_first_not_of("0123456789") != std::string::npos) {
           ReportError(state, Status::InvalidArgument(".maxrows: expected a number, e.g. .maxrows 50"));
           return;
         }
         state.runtime->render_options().max_rows = std::stoul(args[0]);
       }},
      {"maxwidth", "N", "cut table cells wider than N columns (0 = never)",
       [](ShellState& state, const std::vector<std::string>& args) {
         if (args.empty() || args[0].find_first_not_of("0123456789") != std::string::npos) {
           ReportError(state, Status::InvalidArgument(".maxwidth: expected a number, e.g. .maxwidth 80"));
           return;
         }
         state.runtime->render_options().max_cell_width = std::stoul(args[0]);
       }},
      {"timer", "on|off", "print how long each query took",
       [](ShellState& state, const std::vector<std::string>& args) {
         if (args.empty() || (args[0] != "on" && args[0] != "off")) {
           ReportError(state, Status::InvalidArgument(".timer: expected on or off"));
           return;
         }
         state.timer = args[0] == "on";
       }},
      {"schema", "", "labels and edge types with their counts",
       [](ShellState& state, const std::vector<std::string>&) { RunLuaQuietly(state, "tupu.show(g:schema())"); }},
      {"read", "FILE", "run a Lua file",
       [](ShellState& state, const std::vector<std::string>& args) {
         if (args.empty()) {
           ReportError(state, Status::InvalidArgument(".read: expected a file name"));
           return;
         }
         g_running_runtime.store(state.runtime);
         Status s = state.runtime->RunFile(args[0], {});
         g_running_runtime.store(nullptr);
         if (!s.ok()) ReportError(state, s);
       }},
      {"output", "[FILE]", "send results to FILE (no FILE: back to the terminal)",
       [](ShellState& state, const std::vector<std::string>& args) {
         if (args.empty()) {
           state.output_file.reset();
           state.runtime->SetOutput(nullptr);
           return;
         }
         auto file = std::make_unique<std::ofstream>(args[0], std::ios::binary | std::ios::trunc);
         if (!*file) {
           ReportError(state, Status::IOError(".output: cannot write " + args[0] + ": " +
                                              std::strerror(errno)));
           return;
         }
         state.output_file = std::move(file);
         std::ofstream* out = state.output_file.get();
         state.runtime->SetOutput([out](std::string_view text) {
           out->write(text.data(), static_cast<std::streamsize>(text.size()));
           out->flush();
         });
       }},
      {"quit", "", "leave the shell (also .exit, Ctrl-D)",
       [](ShellState& state, const std::vector<std::string>&) { state.quit = true; }},
      {"exit", "", "leave the shell",
       [](ShellState& state, const std::vector<std::string>&) { state.quit = true; }},
  };
  return commands;
}

std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

void RunDotCommand(ShellState& state, const std::string& line) {
  std::vector<std::string> words = SplitWords(line.substr(1));
  if (words.empty()) return;
  std::string name = words[0];
  words.erase(words.begin());
  for (const auto& command : DotCommands()) {
    if (name == command.name) {
      command.run(state, words);
      return;
    }
  }
  std::string suggestion = SuggestDotCommand(name);
  ReportError(state, Status::InvalidArgument(
                         "unknown command ." + name +
                         (suggestion.empty() ? "" : "; did you mean ." + suggestion + "?") +
                         " (.help lists them)"));
}

void RunChunk(ShellState& state, const std::string& code, bool* incomplete) {
  auto start = std::chrono::steady_clock::now();
  g_running_runtime.store(state.runtime);
  Status s = state.runtime->RunShellChunk(code, incomplete);
  g_running_runtime.store(nullptr);
  if (*incomplete) return;
  if (!s.ok()) ReportError(state, s);
  if (state.timer) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("Run Time: %.3f s\n", seconds);
    std::fflush(stdout);
  }
}

// ---- line editing (libedit's readline interface) ----

LuaRuntime* g_completion_runtime = nullptr;
std::vector<std::string> g_candidates;

char* NextCandidate(const char* text, int state) {
  static size_t index = 0;
  if (state == 0) {
    index = 0;
    g_candidates.clear();
    std::string prefix = text;
    std::string line = rl_line_buffer != nullptr ? rl_line_buffer : "";
    if (!line.empty() && line[0] == '.' && line.find(' ') == std::string::npos) {
      for (const auto& command : DotCommands()) {
        std::string word = std::string(".") + command.name;
        if (word.compare(0, prefix.size(), prefix) == 0) g_candidates.push_back(word);
      }
    } else if (g_completion_runtime != nullptr) {
      for (const auto& word : g_completion_runtime->CompletionWords()) {
        if (word.compare(0, prefix.size(), prefix) == 0) g_candidates.push_back(word);
      }
      if (!prefix.empty()) {
        for (auto& name : g_completion_runtime->EntityNamesWithPrefix(prefix, 100)) {
          if (std::find(g_candidates.begin(), g_candidates.end(), name) == g_candidates.end()) {
            g_candidates.push_back(std::move(name));
          }
        }
      }
    }
  }
  if (index >= g_candidates.size()) return nullptr;
  return strdup(g_candidates[index++].c_str());  // readline frees it
}

char** Complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  rl_completion_append_character = '\0';
  return rl_completion_matches(text, NextCandidate);
}

// Ctrl-C at the prompt. libedit's own SIGINT handling (rl_catch_signals) re-sends the signal to
// the whole process group with kill(0, ...); its read() retries one EINTR and gives up at the
// second, so readline() returned NULL as for Ctrl-D and the shell ended. Nothing in libedit clears
// a line on a signal, and a siglongjmp out of the handler would leave libedit's state and the
// terminal mode half-changed. So libedit reads keys through ReadKey instead: it
// waits with ppoll(), which lets SIGINT in only while it waits (no race between testing the flag
// and sleeping), and answers a SIGINT with end-of-input. readline() then returns as it does for
// Ctrl-D, through its normal exit (terminal restored), and the flag tells the two apart.
// ReadKey decodes UTF-8 itself: libedit's wrapper takes the returned int as the whole character.
int ReadByte(unsigned char* byte) {
  sigset_t block, original, waiting;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  pthread_sigmask(SIG_BLOCK, &block, &original);
  waiting = original;
  sigdelset(&waiting, SIGINT);
  int result = -1;
  while (!g_prompt_interrupted) {
    struct pollfd input = {STDIN_FILENO, POLLIN, 0};
    int ready = ppoll(&input, 1, nullptr, &waiting);
    if (ready < 0 && errno == EINTR) continue;  // the loop condition sees a Ctrl-C
    if (ready < 0) break;
    ssize_t n = read(STDIN_FILENO, byte, 1);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    result = n == 1 ? 1 : 0;
    break;
  }
  pthread_sigmask(SIG_SETMASK, &original, nullptr);
  return g_prompt_interrupted ? -1 : result;
}

int ReadKey(FILE*) {
  unsigned char byte = 0;
  if (ReadByte(&byte) != 1) return EOF;
  // A terminal without ISIG sends Ctrl-C as a key: the same as the signal.
  if (byte == 0x03) {
    g_prompt_interrupted = 1;
    return EOF;
  }
  const int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3
                                     : (byte >> 3) == 0x1E ? 4 : 0;
  if (length == 0) return 0xFFFD;  // a stray continuation or invalid lead byte
  int code_point = length == 1 ? byte : byte & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    if (ReadByte(&byte) != 1) return EOF;
    if ((byte & 0xC0) != 0x80) return 0xFFFD;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  return code_point;
}

std::string HomePath(const char* name) {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return "";
  return std::string(home) + "/" + name;
}

class LineReader {
 public:
  LineReader(bool interactive, const ShellOptions& options) : interactive_(interactive) {
    if (!interactive_) return;
    history_path_ = options.history_path.empty() ? HomePath(".tupu_history") : options.history_path;
    if (history_path_ == "-") history_path_.clear();
    history_lines_ = static_cast<int>(options.history_lines);
    rl_readline_name = "tupu";
    // Break words at Lua punctuation so `g:V{name='张` completes 张…; keep '.' and '_' inside
    // words (P.eq, group_count).
    rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{}()[],:+-*/";
    rl_completer_word_break_characters = const_cast<char*>(rl_basic_word_break_characters);
    rl_attempted_completion_function = Complete;
    rl_completion_append_character = '\0';  // `group_count` is followed by `(`, not a space
    rl_catch_signals = 0;        // see ReadKey: our SIGINT handler only sets a flag
    rl_getc_function = ReadKey;  // read before the first readline(), which installs it
    using_history();
    stifle_history(history_lines_);
    if (!history_path_.empty()) read_history(history_path_.c_str());
  }
  ~LineReader() {
    if (!interactive_ || history_path_.empty()) return;
    write_history(history_path_.c_str());
    history_truncate_file(history_path_.c_str(), history_lines_);
  }

  enum class Outcome { kLine, kCancelled, kEnd };

  // kCancelled: Ctrl-C at the prompt (the half-typed line is dropped; a new prompt follows).
  Outcome Read(const char* prompt, std::string* line) {
    if (!interactive_) {
      return std::getline(std::cin, *line) ? Outcome::kLine : Outcome::kEnd;
    }
    g_prompt_interrupted = 0;
    char* text = readline(prompt);
    if (g_prompt_interrupted) {
      g_prompt_interrupted = 0;
      std::free(text);
      std::printf("^C\n");
      std::fflush(stdout);
      return Outcome::kCancelled;
    }
    if (text == nullptr) return Outcome::kEnd;
    *line = text;
    std::free(text);
    return Outcome::kLine;
  }

  void Remember(const std::string& chunk) {
    if (!interactive_ || chunk.find_first_not_of(" \t\n") == std::string::npos) return;
    add_history(chunk.c_str());
  }

 private:
  bool interactive_;
  std::string history_path_;
  int history_lines_ = 2000;
};

// Feeds lines (from the terminal, a pipe or the rc file) to dot commands and Lua chunks.
class ChunkFeeder {
 public:
  explicit ChunkFeeder(ShellState& state) : state_(state) {}
  // Returns true when the line completed a chunk (or a dot command).
  bool Feed(const std::string& line) {
    if (pending_.empty() && !line.empty() && line[0] == '.') {
      RunDotCommand(state_, line);
      last_chunk_ = line;
      return true;
    }
    pending_ = pending_.empty() ? line : pending_ + "\n" + line;
    if (pending_.find_first_not_of(" \t") == std::string::npos) {
      pending_.clear();
      return true;
    }
    bool incomplete = false;
    RunChunk(state_, pending_, &incomplete);
    if (incomplete) return false;
    last_chunk_ = pending_;
    pending_.clear();
    return true;
  }
  bool continuing() const { return !pending_.empty(); }
  // Ctrl-C: an unfinished chunk is dropped with the line, as python and psql drop theirs.
  void Cancel() { pending_.clear(); }
  const std::string& last_chunk() const { return last_chunk_; }

 private:
  ShellState& state_;
  std::string pending_;
  std::string last_chunk_;
};

}  // namespace

std::string DotCommandHelp() {
  std::string out;
  for (const auto& command : DotCommands()) {
    std::string usage = std::string(".") + command.name + (*command.args ? " " : "") + command.args;
    out += usage;
    out += std::string(usage.size() < 30 ? 30 - usage.size() : 1, ' ');
    out += command.help;
    out += "\n";
  }
  out += "Anything else is Lua: g:V{label=\"Person\"}:limit(5), g:E(\"VISITED\"):show{mode=\"csv\"}\n";
  return out;
}

std::string SuggestDotCommand(const std::string& typed) {
  std::vector<std::string> names;
  for (const auto& command : DotCommands()) names.emplace_back(command.name);
  std::vector<std::string> nearest = NearestNames(typed, names, 2, 1);
  return nearest.empty() ? "" : nearest[0];
}

int RunShell(LuaRuntime& runtime, const ShellOptions& options) {
  ShellState state;
  state.runtime = &runtime;
  g_completion_runtime = &runtime;
  bool interactive = options.force_interactive || isatty(STDIN_FILENO);
  // libedit drops non-ASCII keys in the C locale: Chinese input needs a UTF-8 LC_CTYPE. Only
  // LC_CTYPE changes, so Lua's number formatting (LC_NUMERIC) stays as scripts expect.
  const char* ctype = setlocale(LC_CTYPE, "");
  if (ctype == nullptr || std::strstr(nl_langinfo(CODESET), "UTF-8") == nullptr) {
    setlocale(LC_CTYPE, "C.UTF-8");
  }

  // No SA_RESTART: a Ctrl-C while a query runs sets the hook; at the prompt it sets the flag
  // ReadKey answers with end-of-line (the line is dropped, the shell stays).
  struct sigaction action = {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  struct sigaction previous = {};
  sigaction(SIGINT, &action, &previous);

  ChunkFeeder feeder(state);
  std::string rc = options.rc_path.empty() ? HomePath(".tupurc") : options.rc_path;
  if (!rc.empty() && rc != "-") {
    std::ifstream in(rc);
    std::string line;
    while (in && std::getline(in, line) && !state.quit) feeder.Feed(line);
  }

  if (interactive) {
    std::printf("tupu shell — Lua 5.4 with the graph as `g`. .help for commands, Ctrl-D to leave.\n");
    std::fflush(stdout);
  }
  {
    LineReader reader(interactive, options);
    std::string line;
    while (!state.quit) {
      const char* prompt = feeder.continuing() ? "   ...> " : "tupu> ";
      LineReader::Outcome outcome = reader.Read(prompt, &line);
      if (outcome == LineReader::Outcome::kEnd) break;
      if (outcome == LineReader::Outcome::kCancelled) {
        feeder.Cancel();
        continue;
      }
      int errors_before = state.errors;
      if (feeder.Feed(line)) reader.Remember(feeder.last_chunk());
      if (options.bail && state.errors > errors_before) break;
    }
    if (interactive && !state.quit) std::printf("\n");
  }
  sigaction(SIGINT, &previous, nullptr);
  g_completion_runtime = nullptr;
  runtime.SetOutput(nullptr);
  if (state.errors > 0 && (options.bail || !interactive)) return 1;
  return 0;
}

}  // namespace tupu
