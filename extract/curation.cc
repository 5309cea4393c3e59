// The curation file (see curation.h and docs/curation.md): parsing, checking, and applying the
// rules to one document.
#include "extract/curation.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "extract/domain_article_splitter.h"
#include "extract/entity_merge.h"

namespace tupu {
namespace {

constexpr size_t kMaxReportedErrors = 20;

// ---- Parsing -------------------------------------------------------------------------------

// The line without its comment: `#` at the start or after a blank starts one, so that a `#` inside
// a field (an article's key "page.txt#2") is kept.
std::string_view WithoutComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

// A full-width space (U+3000), which Chinese input methods type, counts as a blank.
std::string WithAsciiBlanks(std::string_view line) {
  constexpr std::string_view kFullWidthSpace = "\xE3\x80\x80";
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    if (line.substr(i, kFullWidthSpace.size()) == kFullWidthSpace) {
      out.push_back(' ');
      i += kFullWidthSpace.size() - 1;
    } else {
      out.push_back(line[i]);
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

// A line holding a tab is split at tabs only (so a field may hold a space: a folder name);
// any other line at runs of blanks.
std::vector<std::string> SplitFields(std::string_view line) {
  std::vector<std::string> fields;
  const bool tabs = line.find('\t') != std::string_view::npos;
  size_t i = 0;
  while (i <= line.size()) {
    size_t end = tabs ? line.find('\t', i) : line.find_first_of(" \r", i);
    if (end == std::string_view::npos) end = line.size();
    std::string_view field = Trim(line.substr(i, end - i));
    if (!field.empty()) fields.emplace_back(field);
    i = end + 1;
  }
  return fields;
}

// "-" is the empty scope: a name that means one thing everywhere.
std::string ScopeField(const std::string& field) { return field == "-" ? std::string() : field; }
std::string ScopeText(const std::string& scope) { return scope.empty() ? "-" : scope; }

std::string NameKey(NodeLabel label, std::string_view name) {
  std::string key(1, static_cast<char>(label));
  key.append(name);
  return key;
}
// Fills rule->label from `field`; "" or why not.
std::string ParseLabelField(const std::string& field, CurationRule* rule) {
  auto label = ParseNodeLabel(field);
  if (!label || *label == NodeLabel::kDocument) {
    return "unknown label '" + field + "' (Person, Organization or Place)";
  }
  rule->label = *label;
  return {};
}

std::string ParseSourceRegion(const std::vector<std::string>& f, CurationRule* rule) {
  if (f.size() != 3)
    return "source-region takes a source and a region: source-region SOURCE REGION";
  rule->kind = CurationRule::Kind::kSourceRegion;
  rule->source = f[1];
  while (rule->source.size() > 1 && rule->source.back() == '/') rule->source.pop_back();
  rule->region = f[2];
  rule->text = "source-region " + f[1] + " " + f[2];
  return {};
}

std::string ParseAlias(const std::vector<std::string>& f, CurationRule* rule) {
  if (f.size() != 4) return "alias takes a label, a name and an alias: alias LABEL NAME ALIAS";
  rule->kind = CurationRule::Kind::kAlias;
  if (auto error = ParseLabelField(f[1], rule); !error.empty()) return error;
  rule->name = f[2];
  rule->alias = f[3];
  if (rule->alias == rule->name) return "the alias is the name itself";
  rule->text = "alias " + f[1] + " " + f[2] + " " + f[3];
  return {};
}

// same-as LABEL NAME SCOPE = [NAME2] SCOPE2
std::string ParseSameAs(const std::vector<std::string>& f, CurationRule* rule) {
  const bool shape = (f.size() == 6 || f.size() == 7) && f[4] == "=";
  if (!shape) {
    return "same-as takes a label, a name and a scope, '=' and the node it is (a scope, or a name "
           "and a scope): same-as LABEL NAME SCOPE = [NAME2] SCOPE2 (scope '-' for none)";
  }
  rule->kind = CurationRule::Kind::kSameAs;
  if (auto error = ParseLabelField(f[1], rule); !error.empty()) return error;
  rule->name = f[2];
  rule->scope = ScopeField(f[3]);
  rule->to_name = f.size() == 7 ? f[5] : f[2];
  rule->to_scope = ScopeField(f.back());
  if (rule->to_name == rule->name && rule->to_scope == rule->scope) {
    return "both sides of '=' are the same node";
  }
  rule->text = "same-as " + f[1] + " " + rule->name + " " + ScopeText(rule->scope) + " = " +
               rule->to_name + " " + ScopeText(rule->to_scope);
  return {};
}

// not-same-as LABEL NAME [SCOPE]; no scope (or '*') is every scope.
std::string ParseNotSameAs(const std::vector<std::string>& f, CurationRule* rule) {
  if (f.size() != 3 && f.size() != 4) {
    return "not-same-as takes a label, a name and optionally a scope: not-same-as LABEL NAME "
           "[SCOPE]";
  }
  rule->kind = CurationRule::Kind::kNotSameAs;
  if (auto error = ParseLabelField(f[1], rule); !error.empty()) return error;
  rule->name = f[2];
  rule->any_scope = f.size() == 3 || f[3] == "*";
  if (!rule->any_scope) rule->scope = ScopeField(f[3]);
  rule->text = "not-same-as " + f[1] + " " + f[2] + (f.size() == 4 ? " " + f[3] : "");
  return {};
}

// One line's fields into `rule`; "" or the reason it is bad.
std::string ParseRule(const std::vector<std::string>& f, CurationRule* rule) {
  const std::string& word = f[0];
  if (word == "source-region") return ParseSourceRegion(f, rule);
  if (word == "alias") return ParseAlias(f, rule);
  if (word == "same-as") return ParseSameAs(f, rule);
  if (word == "not-same-as") return ParseNotSameAs(f, rule);
  return "unknown rule '" + word + "' (source-region, alias, same-as, not-same-as)";
}

// Adds rule `i` to the indexes; "" or why it contradicts an earlier rule.
std::string IndexRule(Curation* c, size_t i) {
  const CurationRule& r = c->rules[i];
  switch (r.kind) {
    case CurationRule::Kind::kSourceRegion:
      c->source_regions.push_back(i);
      break;
    case CurationRule::Kind::kSameAs: {
      auto [it, added] = c->same_as.emplace(ScopedKey(r.label, r.name, r.scope), i);
      if (!added && c->rules[it->second].to_name == r.to_name &&
          c->rules[it->second].to_scope == r.to_scope) {
        return {};  // said twice: harmless
      }
      if (!added) {
        return "line " + std::to_string(c->rules[it->second].line) +
               " already says which node this is";
      }
      break;
    }
    case CurationRule::Kind::kAlias:
    case CurationRule::Kind::kNotSameAs:
      c->by_name[NameKey(r.label, r.name)].push_back(i);
      break;
  }
  return {};
}

// same-as rules that lead back to where they started; one message per cycle (at its first line).
void FindSameAsCycles(const Curation& c, std::vector<std::string>* errors) {
  for (const auto& [start_key, start] : c.same_as) {
    std::string lines = std::to_string(c.rules[start].line);
    size_t at = start;
    for (size_t hops = 0; hops < c.same_as.size(); ++hops) {
      const CurationRule& r = c.rules[at];
      auto next = c.same_as.find(ScopedKey(r.label, r.to_name, r.to_scope));
      if (next == c.same_as.end()) break;
      if (c.rules[next->second].line < c.rules[start].line) break;  // reported from there
      if (next->second == start) {
        errors->push_back(c.file + ":" + std::to_string(c.rules[start].line) +
                          ": same-as rules form a cycle (lines " + lines + ")");
        break;
      }
      at = next->second;
      lines += ", " + std::to_string(c.rules[at].line);
    }
  }
}

// ---- Applying ------------------------------------------------------------------------------

// The host of a web address, lower case (hosts are): a rule may write it either way.
std::string HostOf(std::string_view url) {
  std::string host(domain::AddressHost(url));
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char ch) { return std::tolower(ch); });
  return host;
}

// A folder of the path `key`: its start, or whole folder names inside it (so that `news/a`
// matches `/data/news/a/1.txt`, whichever way the folder was given to ingest).
bool IsFolderOf(std::string_view folder, std::string_view key) {
  if (folder.empty() || folder.size() >= key.size()) return false;
  const std::string with_slash = std::string(folder) + (folder.back() == '/' ? "" : "/");
  if (key.substr(0, with_slash.size()) == with_slash) return true;
  return key.find("/" + with_slash) != std::string_view::npos;
}

bool SourceMatches(const CurationRule& rule, const SourceDocument& doc) {
  if (!doc.source.empty() && doc.source == rule.source) return true;
  if (!doc.url.empty() && HostOf(doc.url) == HostOf(rule.source)) return true;
  return IsFolderOf(rule.source, doc.source_key);
}

// What the rules make of one entity's key: same-as (followed along chains: cycles were refused at
// load), then not-same-as, then the alias rules of the name it ends with.
struct CuratedKey {
  EntityKey key;
  std::vector<std::string> aliases;
  std::vector<const CurationRule*> applied;
};

CuratedKey CurateKey(const Curation& c, const std::string& source_key, EntityKey key) {
  CuratedKey out;
  for (size_t hops = 0; hops <= c.same_as.size(); ++hops) {
    auto it = c.same_as.find(ScopedKey(key));
    if (it == c.same_as.end()) break;
    const CurationRule& r = c.rules[it->second];
    key.name = r.to_name;
    key.scope = r.to_scope;
    out.applied.push_back(&r);
  }
  auto named = c.by_name.find(NameKey(key.label, key.name));
  if (named != c.by_name.end()) {
    for (size_t i : named->second) {
      const CurationRule& r = c.rules[i];
      if (r.kind != CurationRule::Kind::kNotSameAs || (!r.any_scope && r.scope != key.scope)) {
        continue;
      }
      key.scope = (key.scope.empty() ? "" : key.scope + "|") + kDocumentScopePrefix + source_key;
      out.applied.push_back(&r);
      break;  // the scope is now this document's: no other rule of the name can match it
    }
    for (size_t i : named->second) {
      const CurationRule& r = c.rules[i];
      if (r.kind != CurationRule::Kind::kAlias) continue;
      out.aliases.push_back(r.alias);
      out.applied.push_back(&r);
    }
  }
  out.key = std::move(key);
  return out;
}

std::string Join(const std::set<std::string>& texts, std::string_view separator) {
  std::string out;
  for (const auto& t : texts) {
    if (!out.empty()) out.append(separator);
    out.append(t);
  }
  return out;
}

// The page's Document entity records every rule that applied to the document.
void StampDocument(const std::set<std::string>& applied, ExtractedDocument* doc) {
  if (applied.empty()) return;
  for (auto& e : doc->entities) {
    if (e.label == NodeLabel::kDocument && e.name == doc->source_key) {
      SetProperty(&e.props, kCurationStampProperty, Join(applied, "\n"));
      return;
    }
  }
}

}  // namespace

Result<Curation> ParseCuration(std::string_view text, const std::string& file) {
  Curation c;
  c.file = file;
  std::vector<std::string> errors;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark
  int line_number = 0;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = WithAsciiBlanks(WithoutComment(text.substr(begin, end - begin)));
    begin = end + 1;
    ++line_number;
    const std::vector<std::string> fields = SplitFields(line);
    if (fields.empty()) continue;
    CurationRule rule;
    rule.line = line_number;
    std::string error = ParseRule(fields, &rule);
    if (error.empty()) {
      c.rules.push_back(std::move(rule));
      error = IndexRule(&c, c.rules.size() - 1);
    }
    if (!error.empty()) errors.push_back(file + ":" + std::to_string(line_number) + ": " + error);
  }
  if (errors.empty()) FindSameAsCycles(c, &errors);
  if (errors.empty()) return c;
  std::string message = "bad curation file: ";
  for (size_t i = 0; i < errors.size() && i < kMaxReportedErrors; ++i) {
    message += (i ? "\n" : "") + errors[i];
  }
  if (errors.size() > kMaxReportedErrors) {
    message += "\n... and " + std::to_string(errors.size() - kMaxReportedErrors) + " more";
  }
  return Status::InvalidArgument(message);
}

Result<Curation> LoadCuration(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (std::filesystem::exists(path, ec)) {
      return Status::InvalidArgument("curation file " + path + " is not a file");
    }
    return Status::NotFound("no curation file " + path);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::IOError("cannot read curation file " + path);
  return ParseCuration(text.str(), path);
}

const CurationRule* ApplySourceRegion(const Curation& curation, SourceDocument* doc) {
  if (!doc->region.empty()) return nullptr;  // the document's own word comes first
  for (size_t i : curation.source_regions) {
    const CurationRule& rule = curation.rules[i];
    if (SourceMatches(rule, *doc)) {
      doc->region = rule.region;
      return &rule;
    }
  }
  return nullptr;
}

void ApplyCuration(const Curation& curation, ExtractedDocument* doc,
                   const CurationRule* source_region) {
  std::set<std::string> applied_to_doc;
  if (source_region) applied_to_doc.insert(source_region->text);
  std::map<std::string, EntityKey> renamed;  // old key -> new key, for the facts
  std::vector<EntityRecord> entities;
  std::vector<std::set<std::string>> curated;  // per entity of `entities`
  std::map<std::string, size_t> position;      // key -> index in `entities`
  for (auto& e : doc->entities) {
    CuratedKey result;
    if (e.label != NodeLabel::kDocument) result = CurateKey(curation, doc->source_key, e.key());
    if (!result.applied.empty()) {
      if (result.key != e.key()) renamed[ScopedKey(e.key())] = result.key;
      std::string old_name = std::exchange(e.name, result.key.name);
      AddAlias(&e, old_name);  // the old name still finds it (nothing when it is the same)
      e.scope = result.key.scope;
      for (const auto& alias : result.aliases) AddAlias(&e, alias);
    }
    auto [it, added] = position.emplace(ScopedKey(e.key()), entities.size());
    if (added) {
      entities.push_back(std::move(e));
      curated.emplace_back();
    } else {
      MergeEntity(&entities[it->second], e);
    }
    for (const CurationRule* r : result.applied) {
      curated[it->second].insert(r->text);
      applied_to_doc.insert(r->text);
    }
  }
  for (size_t i = 0; i < entities.size(); ++i) {
    if (!curated[i].empty())
      SetProperty(&entities[i].props, kCuratedProperty, Join(curated[i], "; "));
  }
  doc->entities = std::move(entities);
  if (!renamed.empty()) RenameFacts(renamed, doc);
  StampDocument(applied_to_doc, doc);
}

}  // namespace tupu
