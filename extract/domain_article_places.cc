// The places an article is about (see domain_article_places.h).
#include "extract/domain_article_places.h"

#include <map>
#include <set>
#include <string>

#include "extract/domain_gazetteer.h"
#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

// Development zones the statistics list as districts (郑州高新技术产业开发区, 高新区): their bodies
// are 党工委 and 管委会. 浦东新区 is a district proper.
bool IsZone(std::u32string_view name) {
  static const std::u32string_view kZoneWords[] = {U"高新", U"开发", U"经济", U"技术", U"产业", U"工业",
                                                   U"管理区", U"示范", U"实验", U"保税", U"自贸", U"园区"};
  for (auto w : kZoneWords)
    if (name.find(w) != std::u32string_view::npos) return true;
  return false;
}

// A short form (安吉) is the place only where a word can start before it (after punctuation or
// a function word: 在安吉这片热土, not 县长宁云 or 杨卫东) and outside every person's name.
bool ShortFormStandsAlone(std::u32string_view s, const PlaceMatch& m,
                          const std::vector<std::u32string>& person_names) {
  static const std::u32string_view kBefore = U"在到赴和与及的是来至从于对全为把将向";
  if (m.begin > 0 && IsCjk(s[m.begin - 1]) && kBefore.find(s[m.begin - 1]) == std::u32string_view::npos)
    return false;
  for (const auto& name : person_names)
    for (size_t at = s.find(name); at != std::u32string_view::npos; at = s.find(name, at + 1))
      if (at < m.end && m.begin < at + name.size()) return false;
  return true;
}

}  // namespace

std::vector<const Division*> SeedArticlePlaces(const std::vector<std::u32string_view>& sentences,
                                               const std::vector<std::u32string>& person_names,
                                               OrgContext* ctx) {
  std::vector<const Division*> accepted;
  std::map<char32_t, std::set<std::u32string>> named;  // level char -> full names
  const Gazetteer& gazetteer = Gazetteer::Get();
  // 东平镇 written in full makes a bare 东平 that town's short form, not the county 东平县's.
  std::map<std::u32string, std::set<const Division*>> written_in_full;  // short name -> divisions
  std::vector<std::vector<PlaceMatch>> matches;
  for (std::u32string_view s : sentences) {
    matches.push_back(gazetteer.FindPlaces(s));
    for (const PlaceMatch& m : matches.back())
      if (!m.short_form && !m.division->short_name.empty())
        written_in_full[m.division->short_name].insert(m.division);
  }
  for (size_t i = 0; i < sentences.size(); ++i)
    for (const PlaceMatch& m : matches[i]) {
      if (m.short_form && !ShortFormStandsAlone(sentences[i], m, person_names)) continue;
      if (m.short_form) {
        auto full = written_in_full.find(m.division->short_name);
        if (full != written_in_full.end() && !full->second.count(m.division)) continue;
      }
      // 高新区 and 经开区 are in the statistics as districts, but their bodies are 党工委 and
      // 管委会: a zone never owns a bare 区委.
      if (IsZone(m.division->name)) continue;
      accepted.push_back(m.division);
      if (m.division->level_char != 0) named[m.division->level_char].insert(m.division->name);
    }
  for (const auto& [level, names] : named) {
    NamedLevel& slot = ctx->places[level];
    if (slot.name.empty()) slot.name = *names.begin();
    slot.several = slot.several || names.size() > 1 || slot.name != *names.begin();
    slot.settled = true;  // names of the gazetteer: a later phrase it does not know is no rival
  }
  return accepted;
}

}  // namespace tupu::domain
