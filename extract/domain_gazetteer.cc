// The gazetteer (see domain_gazetteer.h): parses the embedded CSVs once and indexes the names.
#include "extract/domain_gazetteer.h"

#include <algorithm>
#include <utility>

#include "extract/domain_lexicon.h"
#include "extract/domain_text.h"

namespace tupu::domain {

extern const std::pair<std::string_view, std::string_view> kGazetteerFiles[];
extern const int kGazetteerFiles_count;

namespace {

// The fields of one CSV line (the files quote names, never with commas inside).
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != ',') continue;
    std::string_view f = line.substr(b, i - b);
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
    out.push_back(f);
    b = i + 1;
  }
  return out;
}

uint64_t ToCode(std::string_view digits) {
  uint64_t v = 0;
  for (char c : digits)
    if (c >= '0' && c <= '9') v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

// The level word at the end of a division's name and the character bare bodies use for it.
struct LevelWord {
  std::u32string_view word;
  char32_t level_char;
};
constexpr LevelWord kLevelWords[] = {
    {U"特别行政区", 0},  {U"维吾尔自治区", 0}, {U"壮族自治区", 0}, {U"回族自治区", 0},
    {U"自治区", 0},  {U"自治州", U'州'},       {U"自治县", U'县'},     {U"自治旗", U'旗'},
    {U"街道", U'街'},    {U"苏木", U'苏'},         {U"省", U'省'},         {U"市", U'市'},
    {U"县", U'县'},      {U"区", U'区'},           {U"旗", U'旗'},         {U"州", U'州'},
    {U"盟", U'盟'},      {U"镇", U'镇'},           {U"乡", U'乡'},         {U"地区", U'区'}};

void SetLevel(Division* d) {
  for (const auto& lw : kLevelWords) {
    if (d->name.size() <= lw.word.size() || d->name.compare(d->name.size() - lw.word.size(), lw.word.size(), lw.word) != 0)
      continue;
    d->level_char = lw.level_char;
    const size_t stem = d->name.size() - lw.word.size();
    // 自治 names carry their peoples (阿坝藏族羌族自治州): the short form is the place before them.
    std::u32string short_name = d->name.substr(0, stem);
    for (std::u32string_view people : {std::u32string_view(U"族"), std::u32string_view(U"蒙古")}) {
      const size_t at = short_name.find(people);
      if (at != std::u32string::npos && at >= 2) short_name = short_name.substr(0, at - 1);
    }
    if (short_name.size() >= 2) d->short_name = std::move(short_name);
    return;
  }
}

uint64_t Pair(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

}  // namespace

Gazetteer::Gazetteer() {
  static const std::pair<std::string_view, DivisionLevel> kFiles[] = {
      {"provinces", DivisionLevel::kProvince}, {"cities", DivisionLevel::kCity},
      {"areas", DivisionLevel::kCounty},       {"streets", DivisionLevel::kTown}};
  for (const auto& [file, level] : kFiles)
    for (int i = 0; i < kGazetteerFiles_count; ++i)
      if (kGazetteerFiles[i].first == file) Load(kGazetteerFiles[i].second, level);
  for (size_t i = 0; i < divisions_.size(); ++i) {
    const Division& d = divisions_[i];
    by_name_[d.name].push_back(i);
    size_t& longest = longest_by_pair_[Pair(d.name[0], d.name[1])];  // names have >= 2 chars
    longest = std::max(longest, d.name.size());
    by_code_.emplace(d.code, i);
    // Short forms only for counties and cities: a town's short form is too often a word.
    if (!d.short_name.empty() && (d.level == DivisionLevel::kCounty || d.level == DivisionLevel::kCity))
      by_short_name_[d.short_name].push_back(i);
  }
}

void Gazetteer::Load(std::string_view csv, DivisionLevel level) {
  size_t pos = csv.find('\n');  // the header
  while (pos != std::string_view::npos && pos < csv.size()) {
    const size_t b = pos + 1;
    pos = csv.find('\n', b);
    std::string_view line = csv.substr(b, (pos == std::string_view::npos ? csv.size() : pos) - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto f = Fields(line);
    if (f.size() < 2 || f[1].empty()) continue;
    Division d;
    d.code = ToCode(f[0]);
    d.name = ToU32(f[1]);
    d.level = level;
    // provinces: code,name; cities: code,name,provinceCode; areas: code,name,cityCode,...;
    // streets: code,name,areaCode,...
    if (f.size() >= 3) d.parent = ToCode(f[2]);
    // 市辖区, 县, 省直辖县级行政区划: placeholders of the statistics, not names.
    if (d.name.size() < 2 || d.name == U"市辖区" || d.name.find(U"直辖") != std::u32string::npos) continue;
    SetLevel(&d);
    divisions_.push_back(std::move(d));
  }
}

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

std::vector<const Division*> Gazetteer::Named(std::u32string_view name) const {
  std::vector<const Division*> out;
  auto it = by_name_.find(std::u32string(name));
  if (it != by_name_.end())
    for (size_t i : it->second) out.push_back(&divisions_[i]);
  return out;
}

const Division* Gazetteer::ByCode(uint64_t code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &divisions_[it->second];
}

namespace {

// 和县, 岚县, 沛县: a county of one character whose character is also a conjunction or a
// preposition (和, 与, 及, 在, 对, 向, 从, 到, 为, 将) is that word before a bare body
// (…》和县妇联《…》: "and the county's women's federation") unless its city or province is
// written right before it (马鞍山市和县).
bool ConjunctionBeforeBody(std::u32string_view s, size_t i, size_t n) {
  if (n != 2 || std::u32string_view(U"和与及在对向从到为将把被或并").find(s[i]) == std::u32string_view::npos)
    return false;
  if (i > 0 && std::u32string_view(U"省市州盟").find(s[i - 1]) != std::u32string_view::npos) return false;
  return true;
}

}  // namespace

std::vector<PlaceMatch> Gazetteer::FindPlaces(std::u32string_view s) const {
  std::vector<PlaceMatch> out;
  const Lexicon& place_words = Lexicon::Get("place_continuations");
  const Lexicon& common_words = Lexicon::Get("place_short_stopwords");
  for (size_t i = 0; i < s.size();) {
    auto pair = i + 1 < s.size() ? longest_by_pair_.find(Pair(s[i], s[i + 1])) : longest_by_pair_.end();
    if (pair == longest_by_pair_.end()) {
      ++i;
      continue;
    }
    PlaceMatch best;
    for (size_t n = std::min(pair->second, s.size() - i); n >= 2; --n) {
      const std::u32string key(s.substr(i, n));
      auto full = by_name_.find(key);
      if (full != by_name_.end() && !ConjunctionBeforeBody(s, i, n)) {
        best = {i, i + n, &divisions_[full->second.front()], false};
        break;
      }
      if (best.division == nullptr) {
        auto part = by_short_name_.find(key);
        // 东平 of 东平镇 is the town: a short form stands alone or before a body (安吉县委 is
        // written in full; 安吉 followed by 这片热土 stands alone).
        if (part != by_short_name_.end() && place_words.LongestAt(s, i + n) == 0 && !common_words.Contains(key))
          best = {i, i + n, &divisions_[part->second.front()], true};
      }
    }
    if (best.division != nullptr) {
      out.push_back(best);
      i = best.end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace tupu::domain
