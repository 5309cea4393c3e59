// The curation file (extract/curation.h): parsing and its errors by line, source-region matching,
// and same-as / not-same-as / alias applied to made-up documents whose scopes the tests set
// themselves (the domain pass that sets scopes is not needed here). Every name is made up.
#include "extract/curation.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace tupu {
namespace {

using testing::MakeEntity;
using testing::MakeFact;

Curation ParseOrDie(std::string_view text) {
  auto parsed = ParseCuration(text, "cur.txt");
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? *parsed : Curation();
}

std::string ParseError(std::string_view text) {
  auto parsed = ParseCuration(text, "cur.txt");
  EXPECT_FALSE(parsed.ok());
  return parsed.ok() ? "" : parsed.status().message();
}

EntityRecord Scoped(NodeLabel label, const std::string& name, const std::string& scope,
                    std::vector<std::string> aliases = {}) {
  EntityRecord e = MakeEntity(label, name, std::move(aliases));
  e.scope = scope;
  return e;
}

// A page "news/a.txt" with its Document entity first, then `entities`.
ExtractedDocument Page(std::vector<EntityRecord> entities, std::string key = "news/a.txt") {
  ExtractedDocument doc;
  doc.source_key = key;
  doc.text = "某某文本";
  doc.sentences = {{0, 12}};
  doc.entities.push_back(MakeEntity(NodeLabel::kDocument, key));
  for (auto& e : entities) doc.entities.push_back(std::move(e));
  return doc;
}

const EntityRecord* FindEntity(const ExtractedDocument& doc, const std::string& name,
                               const std::string& scope) {
  for (const auto& e : doc.entities) {
    if (e.name == name && e.scope == scope) return &e;
  }
  return nullptr;
}

// A SourceDocument with these fields (designated initializers would warn for the others).
SourceDocument Source(std::string key, std::string source = "", std::string url = "",
                      std::string region = "") {
  SourceDocument doc;
  doc.source_key = std::move(key);
  doc.source = std::move(source);
  doc.url = std::move(url);
  doc.region = std::move(region);
  return doc;
}

std::string PropertyOf(const EntityRecord& e, std::string_view key) {
  const std::string* value = FindProperty(e.props, key);
  return value ? *value : "";
}

TEST(CurationParseTest, ReadsEveryRuleCommentsAndBlanks) {
  Curation c = ParseOrDie(
      "\xEF\xBB\xBF# rules for the made-up county\n"
      "\n"
      "source-region  www.example-gov.cn   岚溪市桐岭县   # the county's site\n"
      "source-region\tnews/town papers/\t岚溪市\n"  // tabs: a field may hold a space
      "alias Person 邬晓岚 邬主任\n"
      "same-as Person 邬晓岚 source:岚溪日报 = 岚溪市\n"
      "same-as Organization 桐岭县委 - = 桐岭县委员会 岚溪市\n"
      "not-same-as\u3000Person\u3000钮志澄\n"  // full-width spaces, as Chinese input types them
      "not-same-as Person 钮志澄 source:岚溪日报\n"
      "not-same-as Person page.txt#2 *\n");
  ASSERT_EQ(c.rules.size(), 8u);
  EXPECT_EQ(c.rules[0].kind, CurationRule::Kind::kSourceRegion);
  EXPECT_EQ(c.rules[0].line, 3);
  EXPECT_EQ(c.rules[0].source, "www.example-gov.cn");
  EXPECT_EQ(c.rules[0].region, "岚溪市桐岭县");
  EXPECT_EQ(c.rules[1].source, "news/town papers");
  EXPECT_EQ(c.rules[2].kind, CurationRule::Kind::kAlias);
  EXPECT_EQ(c.rules[2].alias, "邬主任");
  EXPECT_EQ(c.rules[3].kind, CurationRule::Kind::kSameAs);
  EXPECT_EQ(c.rules[3].scope, "source:岚溪日报");
  EXPECT_EQ(c.rules[3].to_name, "邬晓岚");
  EXPECT_EQ(c.rules[3].to_scope, "岚溪市");
  EXPECT_EQ(c.rules[3].text, "same-as Person 邬晓岚 source:岚溪日报 = 邬晓岚 岚溪市");
  EXPECT_EQ(c.rules[4].label, NodeLabel::kOrganization);
  EXPECT_EQ(c.rules[4].scope, "");
  EXPECT_EQ(c.rules[4].to_name, "桐岭县委员会");
  EXPECT_TRUE(c.rules[5].any_scope);
  EXPECT_EQ(c.rules[5].name, "钮志澄");
  EXPECT_FALSE(c.rules[6].any_scope);
  EXPECT_EQ(c.rules[6].scope, "source:岚溪日报");
  EXPECT_EQ(c.rules[7].name, "page.txt#2");  // '#' inside a field is not a comment
  EXPECT_TRUE(c.rules[7].any_scope);
}

TEST(CurationParseTest, BadLinesAreNamedByFileAndLine) {
  std::string error = ParseError(
      "alias Person 邬晓岚 邬主任\n"
      "alais Person 邬晓岚 邬主任\n"
      "alias Persons 邬晓岚 邬主任\n"
      "same-as Person 邬晓岚 source:岚溪日报 岚溪市\n"
      "not-same-as Person\n"
      "alias Document a.txt b.txt\n"
      "same-as Person 邬晓岚 岚溪市 = 岚溪市\n");
  EXPECT_EQ(error.find("cur.txt:1:"), std::string::npos) << error;
  EXPECT_NE(error.find("cur.txt:2: unknown rule 'alais'"), std::string::npos) << error;
  EXPECT_NE(error.find("cur.txt:3: unknown label 'Persons'"), std::string::npos) << error;
  EXPECT_NE(error.find("cur.txt:4: same-as takes"), std::string::npos) << error;
  EXPECT_NE(error.find("cur.txt:5: not-same-as takes"), std::string::npos) << error;
  EXPECT_NE(error.find("cur.txt:6: unknown label 'Document'"), std::string::npos) << error;
  EXPECT_NE(error.find("cur.txt:7: both sides"), std::string::npos) << error;
}

TEST(CurationParseTest, ContradictionsAndCyclesAreRefused) {
  std::string twice = ParseError(
      "same-as Person 邬晓岚 source:岚溪日报 = 岚溪市\n"
      "same-as Person 邬晓岚 source:岚溪日报 = 岚溪市\n"  // said again: fine
      "same-as Person 邬晓岚 source:岚溪日报 = 桐岭县\n");
  EXPECT_NE(twice.find("cur.txt:3: line 1 already says"), std::string::npos) << twice;

  std::string cycle = ParseError(
      "same-as Person 邬晓岚 甲地 = 乙地\n"
      "same-as Person 邬晓岚 乙地 = 丙地\n"
      "same-as Person 邬晓岚 丙地 = 甲地\n");
  EXPECT_NE(cycle.find("cur.txt:1: same-as rules form a cycle (lines 1, 2, 3)"), std::string::npos)
      << cycle;
  EXPECT_EQ(cycle.find("cur.txt:2:"), std::string::npos) << "one message per cycle: " << cycle;
}

TEST(CurationLoadTest, MissingFileIsNotFoundByName) {
  auto loaded = LoadCuration("/nonexistent/tupu-curation.txt");
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(loaded.status().IsNotFound());
  EXPECT_NE(loaded.status().message().find("/nonexistent/tupu-curation.txt"), std::string::npos);
}

TEST(SourceRegionTest, MatchesSourceHostOrFolder) {
  Curation c = ParseOrDie(
      "source-region 岚溪日报 岚溪市\n"
      "source-region www.example-gov.cn 岚溪市桐岭县\n"
      "source-region archive/tongling/ 岚溪市/桐岭县\n");
  SourceDocument by_source = Source("x.txt", "岚溪日报");
  EXPECT_EQ(ApplySourceRegion(c, &by_source), &c.rules[0]);
  EXPECT_EQ(by_source.region, "岚溪市");

  SourceDocument by_host = Source("y.html", "", "http://WWW.example-gov.cn/a/1.html");
  EXPECT_EQ(ApplySourceRegion(c, &by_host), &c.rules[1]);
  EXPECT_EQ(by_host.region, "岚溪市桐岭县");

  SourceDocument by_folder = Source("archive/tongling/2024/5.txt");
  EXPECT_EQ(ApplySourceRegion(c, &by_folder), &c.rules[2]);
  EXPECT_EQ(by_folder.region, "岚溪市/桐岭县");
  SourceDocument inside = Source("/data/archive/tongling/5.txt");
  EXPECT_NE(ApplySourceRegion(c, &inside), nullptr);
  SourceDocument similar = Source("archive/tongling2/5.txt");  // not that folder
  EXPECT_EQ(ApplySourceRegion(c, &similar), nullptr);
  EXPECT_EQ(similar.region, "");

  SourceDocument own = Source("z.txt", "岚溪日报", "", "云川市");
  EXPECT_EQ(ApplySourceRegion(c, &own), nullptr);  // the document's own region comes first
  EXPECT_EQ(own.region, "云川市");
}

TEST(ApplyCurationTest, SameAsMergesTwoScopedEntitiesAndTheirFacts) {
  Curation c = ParseOrDie("same-as Person 邬晓岚 source:岚溪日报 = 岚溪市\n");
  EntityRecord by_paper = Scoped(NodeLabel::kPerson, "邬晓岚", "source:岚溪日报", {"邬主任"});
  EntityRecord by_city = Scoped(NodeLabel::kPerson, "邬晓岚", "岚溪市", {"县长邬晓岚"});
  by_city.mentions = 2;
  EntityRecord office = MakeEntity(NodeLabel::kOrganization, "桐岭县政府");
  ExtractedDocument doc = Page({by_paper, by_city, office});
  const EntityRecord& page = doc.entities[0];
  doc.facts.push_back(
      MakeFact(EdgeType::kHoldsPosition, by_paper, office, {0, 3}, {{"title", "县长"}}));
  doc.facts.push_back(MakeFact(EdgeType::kCoMentioned, by_paper, by_city, {0, 6}));
  doc.facts.push_back(MakeFact(EdgeType::kMentionedIn, by_paper, page, {0, 3}, {{"count", "1"}}));
  doc.facts.push_back(MakeFact(EdgeType::kMentionedIn, by_city, page, {3, 6}, {{"count", "2"}}));

  ApplyCuration(c, &doc);

  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(FindEntity(doc, "邬晓岚", "source:岚溪日报"), nullptr);
  const EntityRecord* merged = FindEntity(doc, "邬晓岚", "岚溪市");
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->mentions, 3u);
  EXPECT_EQ(merged->aliases, (std::vector<std::string>{"邬主任", "县长邬晓岚"}));
  EXPECT_EQ(PropertyOf(*merged, kCuratedProperty),
            "same-as Person 邬晓岚 source:岚溪日报 = 邬晓岚 岚溪市");
  ASSERT_EQ(doc.facts.size(), 2u);  // the co-mention of the node with itself is gone
  EXPECT_EQ(doc.facts[0].src, merged->key());
  EXPECT_EQ(doc.facts[1].type, EdgeType::kMentionedIn);
  ASSERT_NE(FindProperty(doc.facts[1].props, "count"), nullptr);
  EXPECT_EQ(*FindProperty(doc.facts[1].props, "count"), "3");
  EXPECT_EQ(PropertyOf(doc.entities[0], kCurationStampProperty),
            "same-as Person 邬晓岚 source:岚溪日报 = 邬晓岚 岚溪市");
}

TEST(ApplyCurationTest, SameAsMayMergeTwoNamesAndFollowsChains) {
  Curation c = ParseOrDie(
      "same-as Person 钮志成 - = 钮志澄 source:岚溪日报\n"
      "same-as Person 钮志澄 source:岚溪日报 = 钮志澄 岚溪市\n");
  ExtractedDocument doc = Page({MakeEntity(NodeLabel::kPerson, "钮志成")});
  ApplyCuration(c, &doc);
  const EntityRecord* e = FindEntity(doc, "钮志澄", "岚溪市");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->aliases, (std::vector<std::string>{"钮志成"}));  // the old name still finds it
  EXPECT_EQ(PropertyOf(*e, kCuratedProperty),
            "same-as Person 钮志成 - = 钮志澄 source:岚溪日报; "
            "same-as Person 钮志澄 source:岚溪日报 = 钮志澄 岚溪市");
}

TEST(ApplyCurationTest, NotSameAsKeepsEachDocumentsMentionApart) {
  Curation c = ParseOrDie(
      "not-same-as Person 钮志澄\n"
      "not-same-as Organization 桐岭县委 source:岚溪日报\n");
  ExtractedDocument a = Page({MakeEntity(NodeLabel::kPerson, "钮志澄"),
                              Scoped(NodeLabel::kOrganization, "桐岭县委", "source:岚溪日报"),
                              Scoped(NodeLabel::kOrganization, "桐岭县委", "岚溪市")},
                             "news/a.txt");
  ExtractedDocument b = Page({MakeEntity(NodeLabel::kPerson, "钮志澄")}, "news/b.txt");
  ApplyCuration(c, &a);
  ApplyCuration(c, &b);
  EXPECT_NE(FindEntity(a, "钮志澄", "document:news/a.txt"), nullptr);
  EXPECT_NE(FindEntity(b, "钮志澄", "document:news/b.txt"), nullptr);
  EXPECT_NE(FindEntity(a, "桐岭县委", "source:岚溪日报|document:news/a.txt"), nullptr);
  EXPECT_NE(FindEntity(a, "桐岭县委", "岚溪市"), nullptr);  // another scope: not this rule's
  EXPECT_NE(FindEntity(a, "钮志澄", "document:news/a.txt")->key().id(),
            FindEntity(b, "钮志澄", "document:news/b.txt")->key().id());
}

TEST(ApplyCurationTest, AliasReachesEveryScopeOfTheName) {
  Curation c = ParseOrDie("alias Person 邬晓岚 邬主任\n");
  ExtractedDocument doc = Page({Scoped(NodeLabel::kPerson, "邬晓岚", "岚溪市"),
                                Scoped(NodeLabel::kPerson, "邬晓岚", "云川市"),
                                MakeEntity(NodeLabel::kPerson, "钮志澄")});
  ApplyCuration(c, &doc);
  for (const char* scope : {"岚溪市", "云川市"}) {
    const EntityRecord* e = FindEntity(doc, "邬晓岚", scope);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->aliases, (std::vector<std::string>{"邬主任"}));
    EXPECT_EQ(PropertyOf(*e, kCuratedProperty), "alias Person 邬晓岚 邬主任");
  }
  EXPECT_EQ(PropertyOf(*FindEntity(doc, "钮志澄", ""), kCuratedProperty), "");
}

TEST(ApplyCurationTest, NothingAppliesNothingChanges) {
  Curation c = ParseOrDie("alias Person 邬晓岚 邬主任\nsource-region 岚溪日报 岚溪市\n");
  ExtractedDocument doc = Page({MakeEntity(NodeLabel::kPerson, "钮志澄")});
  ExtractedDocument before = doc;
  ApplyCuration(c, &doc);
  EXPECT_EQ(doc.entities.size(), before.entities.size());
  EXPECT_TRUE(doc.entities[0].props.empty());  // no stamp on the page
  EXPECT_TRUE(doc.entities[1].props.empty());

  // The source-region rule that applied before extraction is in the page's stamp.
  ApplyCuration(c, &doc, &c.rules[1]);
  EXPECT_EQ(PropertyOf(doc.entities[0], kCurationStampProperty), "source-region 岚溪日报 岚溪市");
}

}  // namespace
}  // namespace tupu
