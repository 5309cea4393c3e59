// Surname tables and name-shape rules (see domain_person_names.h). The surname list is the common
// part of the classical surname catalogues; characters that are far more often function words
// than surnames (和, 同, 就, ...) are left out on purpose.
#include "extract/domain_person_names.h"

#include <string>
#include <unordered_set>

#include "extract/domain_lexicon.h"
#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

const std::u32string& SingleSurnames() {
  static const std::u32string kSurnames =
      U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程"
      U"苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
      U"毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
      U"焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
      U"房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
      U"应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀"
      U"郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阎帅弓揭逄竺于"
      // Rarer surnames of the catalogues, seldom a word of their own in the genre.
      U"习占缑赖萧慕屠裘荀晁漆阙蓟贡廉桓茅禹钮嵇邴糜隗宓郗钭戎束韶邰鄂索莘郦雍郤璩濮扈郏茹宦庾暨殳蔚夔厍訾阚乜巢蒯逯芮羿汲松井乌巴蓬仰宿靖";
  return kSurnames;
}

const std::unordered_set<std::u32string>& CompoundSurnames() {
  static const std::unordered_set<std::u32string> kCompound = {
      U"欧阳", U"司马", U"上官", U"诸葛", U"东方", U"皇甫", U"尉迟", U"公孙", U"慕容", U"长孙",
      U"宇文", U"司徒", U"夏侯", U"轩辕", U"令狐", U"西门", U"南宫", U"独孤", U"端木", U"呼延",
      U"澹台", U"公冶", U"太史", U"申屠", U"钟离", U"闻人", U"万俟", U"赫连", U"拓跋", U"百里"};
  return kCompound;
}

// Words that start right after a name and so end it: verbs of reporting and of the genre.
// Words that cannot continue a name: extract/lexicon/name_enders.txt.
const Lexicon& NonNameWords() { return Lexicon::Get("name_enders"); }

// Second or third characters that make a "name" a title or common word instead.
const std::unordered_set<std::u32string>& RoleSuffixes() {
  static const std::unordered_set<std::u32string> kRoles = {
      U"老师", U"同志", U"师傅", U"阿姨", U"大爷", U"大妈", U"先生", U"女士", U"老人", U"书记",
      U"主任", U"代表", U"局长", U"经理", U"医生", U"护士", U"警官", U"总", U"工", U"老", U"某",
      U"教授", U"博士", U"大夫", U"小姐", U"夫人", U"太太"};
  return kRoles;
}

const std::unordered_set<std::u32string>& NotNames() {
  static const std::unordered_set<std::u32string> kNot = {
      U"守门人", U"老黄牛", U"高度", U"全面", U"全体", U"严格", U"严峻", U"高效", U"高速", U"高质量",
      U"安全", U"安排", U"安置", U"方面", U"方案", U"方式", U"石化", U"金融", U"关于", U"关键",
      U"关注", U"江山", U"明确", U"明显", U"文化", U"文明", U"党员", U"党委", U"党建", U"党支部",
      U"常态", U"常委", U"常务", U"时间", U"时刻", U"时期", U"时候", U"万人", U"万企", U"于是",
      U"向前", U"向上", U"成员", U"成立", U"成效", U"成绩", U"程度", U"任务", U"任何", U"应急",
      U"应当", U"应该", U"管理", U"管控", U"管委会", U"司机", U"司乘", U"车辆", U"车间", U"项目",
      U"连续", U"简单", U"华为", U"原则", U"原因", U"海关", U"区域", U"乐观", U"燕山", U"黄码",
      U"龙头", U"白名单", U"周边", U"周到", U"曲线", U"路口", U"路径", U"信息", U"武汉", U"杨柳",
      U"包案", U"包片", U"谈心", U"商超", U"商务", U"苗头", U"牛奶", U"夏季", U"秦岭", U"宁波",
      U"卫生", U"卫健", U"林业", U"沙盘", U"柴油", U"盛情", U"解封", U"解防", U"解决", U"解读",
      U"齐心", U"毕业", U"尚未", U"孔雀", U"岳阳", U"易发", U"易感", U"牟利", U"冷链", U"康复",
      U"温度", U"温情", U"和谐", U"谢谢", U"雷曼", U"祝福", U"申报", U"申请", U"闻讯", U"位于",
      U"钱款", U"元旦", U"双方", U"班子", U"小组", U"成员", U"文件", U"宣传", U"平安", U"平台", U"伊始", U"盘点", U"满足",
      // 于 is a common surname and a common preposition: 于是, 于近日, 于会上, 于今年 are no names.
      U"于是", U"于今", U"于此", U"于近", U"于会", U"于本", U"于明", U"于昨", U"于当", U"于全",
      U"于每", U"于上", U"于下", U"于年", U"于月", U"于日", U"于次", U"于该", U"于各", U"于一"};
  return kNot;
}

bool IsSingleSurname(char32_t c) { return SingleSurnames().find(c) != std::u32string::npos; }

}  // namespace

size_t SurnameLengthAt(std::u32string_view s, size_t i) {
  if (i + 1 < s.size() && CompoundSurnames().count(std::u32string(s.substr(i, 2)))) return 2;
  if (i < s.size() && IsSingleSurname(s[i])) return 1;
  return 0;
}

bool StartsNonNameWord(std::u32string_view s, size_t i) {
  if (i >= s.size()) return true;
  if (!IsCjk(s[i])) return true;
  const auto& words = NonNameWords();
  if (i + 1 < s.size() && words.Contains(s.substr(i, 2))) return true;
  return words.Contains(s.substr(i, 1));
}

size_t NameLengthAt(std::u32string_view s, size_t i) {
  const size_t surname = SurnameLengthAt(s, i);
  if (surname == 0) return 0;
  size_t given = 0;
  // Given name: one or two characters that do not begin a verb or function word. The first given
  // character is only rejected by two-character words (王强 is a name, 王强调 is not 王 + 强调).
  const size_t g0 = i + surname;
  if (g0 >= s.size() || !IsCjk(s[g0])) return 0;
  {
    const auto& words = NonNameWords();
    if (g0 + 1 < s.size() && words.Contains(s.substr(g0, 2))) return 0;
    if (s[g0] == U'的' || s[g0] == U'等' || s[g0] == U'和' || s[g0] == U'与' || s[g0] == U'及' ||
        s[g0] == U'在' || s[g0] == U'到' || s[g0] == U'是' || s[g0] == U'了')
      return 0;
  }
  given = 1;
  if (g0 + 1 < s.size() && IsCjk(s[g0 + 1]) && !StartsNonNameWord(s, g0 + 1)) given = 2;
  const size_t len = surname + given;
  if (!IsPlausibleName(s.substr(i, len))) {
    if (given == 2 && IsPlausibleName(s.substr(i, len - 1))) return len - 1;
    return 0;
  }
  return len;
}

bool IsPlausibleName(std::u32string_view name) {
  if (name.size() < 2 || name.size() > 4) return false;
  for (char32_t c : name) {
    if (!IsCjk(c)) return false;
  }
  const size_t surname = SurnameLengthAt(name, 0);
  if (surname == 0) return false;
  if (name.size() == 4 && surname != 2) return false;
  if (name.size() - surname > 2) return false;
  const std::u32string n(name);
  if (NotNames().count(n)) return false;
  for (size_t k = 1; k < name.size(); ++k) {
    if (RoleSuffixes().count(std::u32string(name.substr(k)))) return false;
  }
  if (name.size() >= 2 && NotNames().count(std::u32string(name.substr(0, 2)))) return false;
  // 格日朝鲁苏木, 巴彦嘎查: a township or a village of the pastures, not 鲁 + 苏木.
  for (std::u32string_view level : {std::u32string_view(U"苏木"), std::u32string_view(U"嘎查")})
    if (name.size() > level.size() && name.substr(name.size() - level.size()) == level) return false;
  return true;
}

bool IsRoleSuffix(std::u32string_view ending) {
  return RoleSuffixes().count(std::u32string(ending)) > 0;
}

bool IsPlausibleUnsurnamedName(std::u32string_view name) {
  if (name.size() < 2 || name.size() > 12) return false;
  size_t dots = 0;
  for (char32_t c : name) {
    if (c == U'·' || c == U'•') {
      ++dots;
      continue;
    }
    if (!IsCjk(c)) return false;
  }
  if (dots > 1 || (dots == 0 && name.size() > 4)) return false;
  // Characters of offices and documents, not of transliterated names (会议, 部办公室, 批示精神).
  static const std::u32string_view kOfficeChars = U"会议部局委办室厅处科精神作单位批示长员组队团";
  for (char32_t c : name)
    if (kOfficeChars.find(c) != std::u32string_view::npos) return false;
  if (NotNames().count(std::u32string(name)) || NotNames().count(std::u32string(name.substr(0, 2))))
    return false;
  // A frequent word of the language (结合, 重要, 近期) after a title is the sentence going on.
  if (Lexicon::Get("common_words").Contains(name)) return false;
  for (size_t k = 1; k < name.size(); ++k)
    if (RoleSuffixes().count(std::u32string(name.substr(k)))) return false;
  return true;
}

bool IsRoleNotName(std::u32string_view name, std::u32string_view next) {
  if (!IsPlausibleName(name)) return true;
  for (const auto& role : RoleSuffixes()) {
    // 甲代表县委发言: after a full name (two characters or more), 代表 is the verb; 王代表, the
    // surname alone, is the role.
    if (role == U"代表" && name.size() >= 2) continue;
    // 郑光明同志, 廖志同志: a full name with the comrade's honorific.
    if (role == U"同志") continue;
    if (role.size() >= 2 && next.substr(0, role.size()) == role) return true;
  }
  return false;
}

size_t SpeakerNameLength(std::u32string_view s, size_t p) {
  static const std::u32string_view kVerbs[] = {U"强调", U"指出", U"要求", U"表示", U"提出", U"主持",
                                               U"认为", U"希望", U"介绍", U"说", U"告诉", U"代表"};
  auto verb_at = [&](size_t i) {
    for (auto v : kVerbs)
      if (s.substr(i, v.size()) == v) return true;
    return false;
  };
  if (p > 0 && !IsClauseBreak(s[p - 1]) && !IsBlank(s[p - 1])) return 0;
  const size_t len = NameLengthAt(s, p);
  if (len == 0) return 0;
  size_t use = 0;
  if (verb_at(p + len))
    use = len;
  else if (len == 3 && verb_at(p + 2))
    use = 2;
  return use && IsPlausibleName(s.substr(p, use)) ? use : 0;
}

}  // namespace tupu::domain
