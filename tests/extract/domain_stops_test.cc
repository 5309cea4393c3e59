// Unit tests of the stop reader (extract/domain_stops.h) on made-up sentences: lists after tour
// verbs, 在-frames, lists closed by 等 + a place noun, and what is not a stop (matters, generic
// places, 在会上).
#include "extract/domain_stops.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

// The stops of `text` as strings; a person's name ends wherever `person_ends` says.
std::vector<std::string> Stops(const std::string& text, std::vector<std::string> persons = {}) {
  const std::u32string s = ToU32(text);
  std::vector<size_t> ends;
  for (const auto& p : persons) {
    const std::u32string n = ToU32(p);
    for (size_t at = s.find(n); at != std::u32string::npos; at = s.find(n, at + 1)) ends.push_back(at + n.size());
  }
  auto person_ends_at = [&](size_t pos) {
    for (size_t e : ends)
      if (e == pos) return true;
    return false;
  };
  std::vector<std::string> out;
  for (const auto& list : FindStops(s, person_ends_at))
    for (const auto& item : list.items) out.push_back(ToUtf8(s.substr(item.begin, item.end - item.begin)));
  return out;
}

using V = std::vector<std::string>;

TEST(DomainStops, ListAfterATourVerb) {
  EXPECT_EQ(Stops("随后,钟明又先后来到青石河治理工程现场、柳庄镇卫生院,详细了解情况。", {"钟明"}),
            (V{"青石河治理工程现场", "柳庄镇卫生院"}));
}

TEST(DomainStops, FrameBeforeTheActor) {
  EXPECT_EQ(Stops("在柳庄镇垃圾中转站,钟明仔细询问垃圾清运情况。", {"钟明"}), (V{"柳庄镇垃圾中转站"}));
  EXPECT_EQ(Stops("在柳庄镇垃圾中转站,钟文明仔细询问垃圾清运和处理情况。随后,钟文明又先后来到柳庄镇卫生院。", {"钟文明"}),
            (V{"柳庄镇垃圾中转站", "柳庄镇卫生院"}));
  EXPECT_EQ(Stops("在东湖码头、南山蔬菜基地调研时,调研组听取了汇报。"), (V{"东湖码头", "南山蔬菜基地"}));
}

TEST(DomainStops, ItemsWithoutSuffixInAListOfPlaces) {
  // 等 + a kind of place says the items are places, whatever their endings.
  EXPECT_EQ(Stops("李青一行先后走访了金禾食品、长风永兴、澄明科技等辖区内重点企业,与负责人深入交流。", {"李青"}),
            (V{"金禾食品", "长风永兴", "澄明科技"}));
  // One item with a place ending makes its neighbours places too.
  EXPECT_EQ(Stops("调研组一行先后深入青岭茶叶博物馆、云溪谷、百花里,了解文旅发展。"),
            (V{"青岭茶叶博物馆", "云溪谷", "百花里"}));
}

TEST(DomainStops, MattersAndGenericPlacesAreNoStops) {
  EXPECT_TRUE(Stops("王强察看了项目建设进展情况。", {"王强"}).empty());
  EXPECT_TRUE(Stops("王强深入企业、社区开展调研。", {"王强"}).empty());
  EXPECT_TRUE(Stops("王强与负责人深入交流。", {"王强"}).empty());
  EXPECT_TRUE(Stops("王强在会上强调,要抓好落实。", {"王强"}).empty());
  EXPECT_TRUE(Stops("王强在讲话中代表县委、县政府,向大家致以问候。", {"王强"}).empty());
  EXPECT_TRUE(Stops("王强走访中发现,群众需求多样。", {"王强"}).empty());
  EXPECT_TRUE(Stops("调研组先后深入部分嘎查养殖基地、牧户家中。").empty());
}

TEST(DomainStops, ToNeedsASubjectBeforeIt) {
  EXPECT_TRUE(Stops("全年产值达到三百亿元。").empty());
  EXPECT_EQ(Stops("市长赵平到青山街道检查防汛工作。", {"赵平"}), (V{"青山街道"}));
}

TEST(DomainStops, ConjunctionsBetweenPlaces) {
  EXPECT_EQ(Stops("赵平赴东港渔港和西沙避风港检查防台工作。", {"赵平"}), (V{"东港渔港", "西沙避风港"}));
  EXPECT_EQ(Stops("赵平来到和平村调研。", {"赵平"}), (V{"和平村"}));
}

TEST(DomainStops, PlaceNamesAreNamed) {
  EXPECT_TRUE(IsNamedPlace(U"云溪谷"));
  EXPECT_FALSE(IsNamedPlace(U"企业"));
  EXPECT_FALSE(IsNamedPlace(U"光伏项目"));
  EXPECT_FALSE(IsNamedPlace(U"复工复产企业"));
  EXPECT_FALSE(IsNamedPlace(U"73人返岗"));
  EXPECT_TRUE(HasPlaceEnding(U"柳庄镇卫生院"));
  EXPECT_TRUE(HasPlaceEnding(U"东港渔港"));
}

TEST(DomainStops, EndersInsideNames) {
  // 向 and 研究 end a list after a place, but inside a name they are part of it.
  EXPECT_EQ(Stops("钟明先后到青禾新方向装备有限公司、松岭科技有限公司等企业,察看生产线。", {"钟明"}),
            (V{"青禾新方向装备有限公司", "松岭科技有限公司"}));
  EXPECT_EQ(Stops("在青川县茶叶研究中心,钟明察看了试验田。", {"钟明"}), (V{"青川县茶叶研究中心"}));
  EXPECT_EQ(Stops("在河湾街道青禾居委会,钟明问候社区干部。", {"钟明"}), (V{"河湾街道青禾居委会"}));
  // 深入了解 is 了解, not 深入 + a place.
  EXPECT_EQ(Stops("钟明深入了解青川县茶叶研究中心的发展情况。", {"钟明"}), V{});
  // 和 between two water works: two stops.
  EXPECT_EQ(Stops("钟明先后来到青石水库、南沟塘坝和清河堤防,检查防汛工作。", {"钟明"}),
            (V{"青石水库", "南沟塘坝", "清河堤防"}));
  // Two lists closed by 等 + a kind of place, joined by 和: all their items.
  EXPECT_EQ(Stops("钟明察看了南庄、李家等旧村改造项目和城东街道王家湾等城中村改造项目,询问进度。", {"钟明"}),
            (V{"南庄", "李家", "城东街道王家湾"}));
  // Rooms of a kind are no named places.
  EXPECT_EQ(Stops("钟明参观了书画室、舞蹈室等功能室。", {"钟明"}), V{});
}

}  // namespace
}  // namespace tupu::domain
