// The gazetteer: China's administrative divisions (extract/gazetteer/*.csv, compiled in; see its
// README for the source and attribution), from provinces down to towns and street offices. Used
// to recognise the places an article names, in full (东乌珠穆沁旗, 滦镇街道) or in their short
// form (安吉 for 安吉县), and to qualify its bare bodies (县委 -> 安吉县委).
// Thread safety: built once on first use (thread-safe static init), immutable afterwards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tupu::domain {

enum class DivisionLevel { kProvince, kCity, kCounty, kTown };

struct Division {
  std::u32string name;        // as the statistics bureau writes it: 安吉县, 滦镇街道
  std::u32string short_name;  // without its level word (安吉), empty when that leaves < 2 chars
  DivisionLevel level = DivisionLevel::kTown;
  uint64_t code = 0;
  uint64_t parent = 0;        // code of the division it belongs to, 0 for provinces
  // The level character bare bodies use for it: 省 市 县 区 旗 州 盟 镇 乡 街 (街道) 苏 (苏木); 0 when
  // it has none (市辖区).
  char32_t level_char = 0;
};

struct PlaceMatch {
  size_t begin = 0, end = 0;
  const Division* division = nullptr;
  bool short_form = false;
};

class Gazetteer {
 public:
  static const Gazetteer& Get();

  // Divisions with this full name (several: 朝阳区 of Beijing and of Changchun).
  std::vector<const Division*> Named(std::u32string_view name) const;
  const Division* ByCode(uint64_t code) const;

  // The places written in `s`, left to right, longest first at each position, not overlapping:
  // full names of every level, and short forms of counties and cities (安吉, 湖州) where they stand
  // alone (not followed by a place word: 东平镇 is a town, not 东平县).
  std::vector<PlaceMatch> FindPlaces(std::u32string_view s) const;

  size_t size() const { return divisions_.size(); }

 private:
  Gazetteer();
  void Load(std::string_view csv, DivisionLevel level);
  std::vector<Division> divisions_;
  std::unordered_map<std::u32string, std::vector<size_t>> by_name_;
  std::unordered_map<std::u32string, std::vector<size_t>> by_short_name_;
  std::unordered_map<uint64_t, size_t> by_code_;
  // The first two characters of every name (full or short) -> the longest name starting so: most
  // positions of a text start none, and the others need only lengths up to that.
  std::unordered_map<uint64_t, size_t> longest_by_pair_;
};

}  // namespace tupu::domain
