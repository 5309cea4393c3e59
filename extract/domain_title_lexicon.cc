// Title words and their modifiers (see domain_title_lexicon.h).
#include "extract/domain_title_lexicon.h"

#include <string>
#include <unordered_set>

namespace tupu::domain {
namespace {

// Base titles; the modifiers below are combined with them at lookup time.
const std::unordered_set<std::u32string>& BaseTitles() {
  static const std::unordered_set<std::u32string> kTitles = {
      U"书记", U"主任", U"委员", U"常委", U"局长", U"处长", U"科长", U"部长", U"厅长", U"司长",
      U"市长", U"区长", U"县长", U"镇长", U"乡长", U"村长", U"州长", U"省长", U"主席", U"总经理",
      U"经理", U"董事长", U"董事", U"总裁", U"指挥长", U"队长", U"组长", U"站长", U"所长", U"院长",
      U"校长", U"秘书长", U"会长", U"社长", U"总编辑", U"主编", U"行长", U"政委", U"检察长", U"庭长",
      U"馆长", U"台长", U"理事长", U"监事长", U"主任委员", U"成员", U"负责人", U"人大代表",
      U"党代表", U"政协委员", U"支书", U"村支书", U"专员", U"巡视员", U"调研员", U"总监",
      U"总工程师", U"厂长", U"主管", U"常务委员", U"组员", U"网格长", U"楼长", U"园长", U"署长",
      U"团长", U"军长", U"师长", U"旅长", U"连长", U"排长", U"班长", U"主委", U"召集人",
      U"总指挥", U"指导员", U"教导员", U"协理员", U"干事", U"秘书", U"副手", U"书记员", U"审判长",
      U"审判员", U"检察官", U"法官", U"督察长", U"总会计师", U"总经济师", U"首席执行官",
      U"执行董事", U"合伙人", U"创始人", U"董秘", U"监事", U"党组书记", U"党组成员",
      U"领导"};  // 领导 anchors names (区领导甲、乙) but gives no position (see extractor.cc)
  return kTitles;
}

const std::u32string kModifiers[] = {U"常务副", U"第一副", U"执行副", U"副", U"常务", U"第一",
                                     U"执行", U"代理", U"名誉", U"专职副", U"专职", U"兼职"};

size_t MaxBaseLength() { return 6; }

}  // namespace

bool IsTitle(std::u32string_view word) {
  const std::u32string w(word);
  if (BaseTitles().count(w)) return true;
  for (const auto& m : kModifiers) {
    if (w.size() > m.size() && w.compare(0, m.size(), m) == 0 &&
        BaseTitles().count(w.substr(m.size())))
      return true;
  }
  return false;
}

size_t TitleLengthEndingAt(std::u32string_view s, size_t end) {
  size_t best = 0;
  for (size_t len = 2; len <= MaxBaseLength() && len <= end; ++len) {
    if (BaseTitles().count(std::u32string(s.substr(end - len, len)))) best = len;
  }
  if (best == 0) return 0;
  // Extend by the longest modifier right before the base title.
  size_t with_modifier = best;
  for (const auto& m : kModifiers) {
    const size_t total = best + m.size();
    if (total <= end && s.substr(end - total, m.size()) == m && total > with_modifier)
      with_modifier = total;
  }
  return with_modifier;
}

}  // namespace tupu::domain
