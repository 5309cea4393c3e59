// The `g` object and every traversal step, over the sample FakeGraphStore (fake_graph_store_util.cc).
#include "scripting/lua_test_util.h"

namespace tupu::testing {
namespace {

using TraversalTest = LuaFixture;

TEST_F(TraversalTest, VByLabelNameKindAndAlias) {
  EXPECT_EQ(Run("print(g:V{label='Person'}:count(), g:V():count())"), "2\t7\n");
  EXPECT_EQ(Run("print(g:V{label='Person', name='王明'}:first().name)"), "王明\n");
  EXPECT_EQ(Run("print(g:V{name='王区长'}:first().name)"), "王明\n");  // alias
  EXPECT_EQ(Run("print(g:V('科技园'):first().kind)"), "company\n");
  EXPECT_EQ(Run("print(g:V{kind='school'}:first().name)"), "第一中学\n");
  EXPECT_EQ(Run("print(g:V{name='nobody'}:count())"), "0\n");
}

// Several nodes may carry one name (docs/resolution.md): g:V lists them all, canonical names
// first; region= keeps the documents about a region and the nodes scoped in it.
TEST_F(TraversalTest, VListsEveryNodeOfANameAndFiltersByRegion) {
  store_ = std::make_unique<FakeGraphStore>();
  store_->AddScopedNode(NodeLabel::kOrganization, "区委", "source:东方日报");
  store_->AddScopedNode(NodeLabel::kOrganization, "区委", "source:西江晚报");
  store_->AddScopedNode(NodeLabel::kOrganization, "海州区委", "江苏省/连云港市/海州区", {"区委"});
  store_->AddScopedNode(NodeLabel::kOrganization, "海州区委", "辽宁省/阜新市/海州区", {"区委"});
  store_->AddScopedNode(NodeLabel::kDocument, "a.txt", "", {}, {{"region", "江苏省/连云港市/海州区"}});
  store_->AddScopedNode(NodeLabel::kDocument, "b.txt", "", {}, {{"region", "辽宁省/阜新市"}});
  MakeRuntime(RuntimeOptions{});  // over this store
  EXPECT_EQ(Run("print(g:V('区委'):count())"), "4\n");
  EXPECT_EQ(Run("print(g:V('区委'):first().name)"), "区委\n");
  EXPECT_EQ(Run("print(g:V{name='海州区委', region='连云港市'}:first().scope)"), "江苏省/连云港市/海州区\n");
  EXPECT_EQ(Run("print(g:V{label='Document', region='阜新市'}:first().name)"), "b.txt\n");
  EXPECT_EQ(Run("print(g:V{label='Document', region='江苏省/连云港市'}:count())"), "1\n");
  EXPECT_EQ(Run("print(g:V{region='海州'}:count())"), "0\n");  // whole names only
  EXPECT_NE(RunError("g:V{region=3}").find("region = a region's name or path"), std::string::npos);
}

TEST_F(TraversalTest, EByType) {
  EXPECT_EQ(Run("print(g:E('VISITED'):count(), g:E('VISITED', 'ACCOMPANIED'):count(), g:E():count())"),
            "4\t5\t8\n");
}

TEST_F(TraversalTest, OutInBothByEdgeType) {
  EXPECT_EQ(Run("g:V('王明'):out('VISITED'):order('name'):each(function(n) print(n.name) end)"),
            "科技园\n第一中学\n");
  EXPECT_EQ(Run("print(g:V('科技园'):in_('VISITED'):count())"), "2\n");
  EXPECT_EQ(Run("print(g:V('王明'):both('ACCOMPANIED'):first().name)"), "李华\n");
  EXPECT_EQ(Run("print(g:V('王明'):out():count())"), "4\n");  // all types
  // Node methods start a traversal at that node.
  EXPECT_EQ(Run("print(g:node('王明'):out('HOLDS_POSITION'):first().name)"), "高新区管委会\n");
}

TEST_F(TraversalTest, EdgeStepsAndEndpoints) {
  EXPECT_EQ(Run("print(g:V('王明'):outE('VISITED'):count(), g:V('王明'):inE():count(), g:V('王明'):bothE():count())"),
            "2\t1\t5\n");
  EXPECT_EQ(Run("print(g:V('李华'):outE('ACCOMPANIED'):inV():first().name)"), "王明\n");
  EXPECT_EQ(Run("print(g:V('王明'):inE('ACCOMPANIED'):outV():first().name)"), "李华\n");
  EXPECT_EQ(Run("print(g:V('王明'):bothE('CO_MENTIONED'):otherV():first().name)"), "李华\n");
  EXPECT_EQ(Run("print(g:V('李华'):bothE('CO_MENTIONED'):otherV():first().name)"), "王明\n");
}

TEST_F(TraversalTest, NodeAndEdgePropertiesAndEvidence) {
  EXPECT_EQ(Run("local e = g:V('王明'):outE('HOLDS_POSITION'):first() print(e.title, e.props.title, e.type)"),
            "区长\t区长\tHOLDS_POSITION\n");
  EXPECT_EQ(Run("local ev = g:V('王明'):outE('VISITED'):has('date', '2022-05-12'):first():evidence()\n"
                "print(ev.doc, ev.sentence, ev.quote, ev.text)"),
            "news/a.txt\t2\t到第一中学\t王明到第一中学检查。\n");
  EXPECT_EQ(Run("print(g:E('ACCOMPANIED'):evidence():first().text)"), "李华陪同。\n");
  EXPECT_EQ(Run("print(g:node('李华').label, g:node('李华').mentions)"), "Person\t1\n");
}

// Walks hand out nodes by snapshot index and fill their fields on first read: such a node must read,
// compare, dedup and print like a node found by name.
TEST_F(TraversalTest, NodesReachedByWalksAreTheSameTablesAndReadLikeAnyNode) {
  EXPECT_EQ(Run("local a = g:V('科技园'):in_('VISITED'):in_('ACCOMPANIED'):first()\n"
                "print(a == g:node('李华'), a.name, a.label, a.mentions, tostring(a))"),
            "true\t李华\tPerson\t1\tPerson:李华\n");
  // 王明 reached twice (both of his visits) is one node to dedup.
  EXPECT_EQ(Run("print(g:V('王明'):out('VISITED'):in_('VISITED'):count(), "
                "g:V('王明'):out('VISITED'):in_('VISITED'):dedup():count())"),
            "3\t2\n");
  EXPECT_EQ(Run("print(g:V('李华'):out('ACCOMPANIED'):values('name'):first(), "
                "g:V('李华'):out('ACCOMPANIED'):has('name', '王明'):count(), "
                "g:V('李华'):out('ACCOMPANIED'):first().aliases[1])"),
            "王明\t1\t王区长\n");
  EXPECT_EQ(Run("print(g:V('李华'):out('ACCOMPANIED'):path():first())"),
            "李华 -ACCOMPANIED-> 王明\n");
}

TEST_F(TraversalTest, HasWithValuesAndPredicates) {
  EXPECT_EQ(Run("print(g:E('VISITED'):has('date', P.gte('2022-05-12')):count())"), "2\n");
  EXPECT_EQ(Run("print(g:E('VISITED'):has('date', P.between('2022-05-11', '2022-05-13')):count())"), "3\n");
  EXPECT_EQ(Run("print(g:V():has('name', P.within('王明', '西湖')):count())"), "2\n");
  EXPECT_EQ(Run("print(g:V():has('name', P.within{'王明'}):count())"), "1\n");
  EXPECT_EQ(Run("print(g:V():has('name', P.contains('中')):first().name)"), "第一中学\n");
  EXPECT_EQ(Run("print(g:V():has('kind'):count())"), "3\n");
  EXPECT_EQ(Run("print(g:V():has('label', P.neq('Document')):count())"), "6\n");
  EXPECT_EQ(Run("print(g:V():has_label('Place'):first().name)"), "西湖\n");
}

TEST_F(TraversalTest, WhereFilterNotMap) {
  // The DESIGN example: offices visited by two or more distinct officials.
  EXPECT_EQ(Run("g:V{label='Organization'}:where(function(v) return v:in_('VISITED'):dedup():count() >= 2 end)"
                ":each(function(v) print(v.name) end)"),
            "科技园\n");
  EXPECT_EQ(Run("print(g:V{label='Person'}:where(__:out('VISITED'):has('label', 'Place')):first().name)"),
            "李华\n");
  EXPECT_EQ(Run("print(g:V{label='Person'}:not_(__:out('VISITED'):has('label', 'Place')):first().name)"),
            "王明\n");
  EXPECT_EQ(Run("print(g:V():filter(function(v) return #v.name == 6 end):count())"), "3\n");
  EXPECT_EQ(Run("print(g:V('王明'):map(function(v) return v.name .. '!' end):first())"), "王明!\n");
}

TEST_F(TraversalTest, ValuesProjectBy) {
  EXPECT_EQ(Run("print(table.concat(g:E('VISITED'):values('date'):dedup():order():list(), ','))"),
            "2022-05-11,2022-05-12,2022-05-13\n");
  EXPECT_EQ(Run("local r = g:V('王明'):outE('VISITED'):order('date')"
                ":project('who', 'where', 'date', 'len'):by(__:outV():values('name')):by(__:inV())"
                ":by('date'):by(function(e) return #e.type end):first()\n"
                "print(r.who, r.where.name, r.date, r.len, table.concat(r:columns(), '|'))"),
            "王明\t科技园\t2022-05-11\t7\twho|where|date|len\n");
  EXPECT_NE(RunError("g:V():project('a'):by('x'):by('y')").find("by: project has 1 columns"),
            std::string::npos);
  EXPECT_NE(RunError("g:V():by('x')").find("by: expected to follow project"), std::string::npos);
}

TEST_F(TraversalTest, DedupOrderLimitSkipRange) {
  EXPECT_EQ(Run("print(g:E('VISITED'):inV():count(), g:E('VISITED'):inV():dedup():count())"), "4\t3\n");
  EXPECT_EQ(Run("print(g:E('VISITED'):dedup('date'):count())"), "3\n");
  EXPECT_EQ(Run("print(g:E('VISITED'):order('date', 'desc'):first().date)"), "2022-05-13\n");
  EXPECT_EQ(Run("print(g:E('VISITED'):order('date'):limit(2):count(), g:E('VISITED'):skip(3):count())"),
            "2\t1\n");
  EXPECT_EQ(Run("print(g:E('VISITED'):order('date'):range(1, 3):first().date)"), "2022-05-11\n");
}

TEST_F(TraversalTest, GroupCountIsRanked) {
  EXPECT_EQ(Run("local r = g:E('VISITED'):group_count('date') print(r[1].key, r[1].count, r:get('2022-05-13'))"),
            "2022-05-11\t2\t1\n");
  EXPECT_EQ(Run("print(g:V():group_count('label'):get('Organization'))"), "3\n");
  EXPECT_EQ(Run("print(g:E('VISITED'):inV():group_count():top(1)[1].key)"), "科技园\n");
}

TEST_F(TraversalTest, PathRepeatTimesUntilKhop) {
  EXPECT_EQ(Run("print(tostring(g:V('李华'):out('ACCOMPANIED'):out('VISITED'):order('name'):path():first()))"),
            "李华 -ACCOMPANIED-> 王明 -VISITED-> 科技园\n");
  EXPECT_EQ(Run("print(g:V('李华'):repeat_(__:out('ACCOMPANIED', 'VISITED')):times(2):dedup():count())"),
            "2\n");
  EXPECT_EQ(Run("print(g:V('李华'):repeat_(__:out('ACCOMPANIED', 'VISITED')):until_(__:has('name', '第一中学')):first().name)"),
            "第一中学\n");
  EXPECT_EQ(Run("print(g:V('李华'):repeat_(__:out('ACCOMPANIED', 'VISITED')):times(2):emit():dedup():count())"),
            "4\n");
  EXPECT_EQ(Run("print(g:V('西湖'):khop(1):count(), g:V('西湖'):khop(2, 'VISITED'):count())"), "1\t2\n");
  EXPECT_NE(RunError("g:V():repeat_(__:out()):list()").find("needs :times(n) or :until_"),
            std::string::npos);
}

TEST_F(TraversalTest, SubgraphCollectsEdgesAndExportsGraphml) {
  TempDir dir;
  std::string path = dir.Sub("visits.graphml");
  EXPECT_EQ(Run("local s = g:E('VISITED'):subgraph() print(#s:nodes(), #s:edges())\n"
                "s:export('" + path + "')"),
            "5\t4\n");
  std::string xml = ReadFileOrDie(path);
  EXPECT_NE(xml.find(">第一中学</data>"), std::string::npos);
  EXPECT_EQ(xml.find("for=\"graph\""), std::string::npos);
  size_t edges = 0;
  for (size_t at = xml.find("<edge "); at != std::string::npos; at = xml.find("<edge ", at + 1)) ++edges;
  EXPECT_EQ(edges, 4u);
}

TEST_F(TraversalTest, TerminalsListFirstEachIter) {
  EXPECT_EQ(Run("print(#g:V{label='Person'}:list(), g:V{name='x'}:first())"), "2\tnil\n");
  EXPECT_EQ(Run("local n = 0 for v in g:V{label='Person'}:iter() do n = n + 1 end print(n)"), "2\n");
  // A traversal is a value: reuse it.
  EXPECT_EQ(Run("local p = g:V{label='Person'} print(p:count(), p:out('VISITED'):count(), p:count())"),
            "2\t4\t2\n");
}

TEST_F(TraversalTest, ShowRendersNodesEdgesRowsInEachMode) {
  EXPECT_EQ(Run("g:V{label='Person'}:show()"),
            "+--------+------+------+\n"
            "| label  | name | kind |\n"
            "+--------+------+------+\n"
            "| Person | 王明 |      |\n"
            "| Person | 李华 |      |\n"
            "+--------+------+------+\n"
            "(2 rows)\n");
  EXPECT_EQ(Run("g:V('王明'):outE('VISITED'):order('date'):show{mode='csv'}"),
            "type,from,to,date,doc\nVISITED,王明,科技园,2022-05-11,news/a.txt\n"
            "VISITED,王明,第一中学,2022-05-12,news/a.txt\n");
  EXPECT_EQ(Run("g:V('王明'):project('n'):by('name'):show{mode='json'}"), "[\n {\n  \"n\": \"王明\"\n }\n]\n");
  EXPECT_EQ(Run("g:V('王明'):project('n'):by('name'):show{mode='markdown'}"), "| n |\n| --- |\n| 王明 |\n");
  EXPECT_EQ(RunError("g:V():show{mode='xml'}"), "test:1: show: unknown mode 'xml' (expected table, csv, json or markdown)");
}

TEST_F(TraversalTest, AlgorithmsRankAndChainIntoTopAndShow) {
  EXPECT_EQ(Run("local d = g:degree{edges={'VISITED'}, direction='in'} print(d[1].name, d[1].degree, d:get('西湖'))"),
            "科技园\t2\t1\n");
  // Ties (李华 and 王明 both visit twice) are broken by name, so output is stable.
  EXPECT_EQ(Run("local d = g:degree{edges='VISITED', direction='out', label='Person'} print(#d, d[1].name, d[2].name)"),
            "2\t李华\t王明\n");
  EXPECT_EQ(Run("local r = g:pagerank{edges={'VISITED', 'ACCOMPANIED'}} local s = 0\n"
                "for _, row in ipairs(r) do s = s + row.pagerank end print(string.format('%.3f', s), #r)"),
            "1.000\t5\n");
  EXPECT_EQ(Run("print(g:components{edges={'VISITED'}}[1].size)"), "5\n");
  EXPECT_EQ(Run("print(g:betweenness{edges={'VISITED'}}[1].name)"), "科技园\n");
  EXPECT_EQ(Run("print(tostring(g:shortest_path('第一中学', '西湖', {edges={'VISITED'}})))"),
            "第一中学 <-VISITED- 王明 -VISITED-> 科技园 <-VISITED- 李华 -VISITED-> 西湖\n");
  EXPECT_EQ(Run("print(g:shortest_path('第一中学', '西湖', {edges={'HOLDS_POSITION'}}))"), "nil\n");
  EXPECT_NE(Run("g:pagerank{}:top(2):show()").find("(2 rows)"), std::string::npos);
}

TEST_F(TraversalTest, WrongArgumentsNameTheStepTheLineAndWhatWasExpected) {
  EXPECT_EQ(RunError("g:V():out(42)"), "test:1: out: expected edge type names (e.g. \"VISITED\"), got a number (42)");
  EXPECT_EQ(RunError("\ng:E('VISITS')"),
            "test:2: E: unknown edge type 'VISITS' (expected one of HOLDS_POSITION, VISITED, "
            "ACCOMPANIED, PRESIDED, ATTENDED, DONATED_TO, PART_OF, AUTHORED, MENTIONED_IN, CO_MENTIONED)");
  EXPECT_EQ(RunError("g:V{label='Officer'}"),
            "test:1: V: expected label = Person, Organization, Place or Document, got a string (\"Officer\")");
  EXPECT_EQ(RunError("g:V():limit(-1)"), "test:1: limit: expected a whole number >= 0, got a number (-1)");
  EXPECT_EQ(RunError("g:V():has(1)"), "test:1: has: expected a property name (string), got a number (1)");
  EXPECT_EQ(RunError("g:V():where(3)"),
            "test:1: where: expected a function, a traversal (__:out(...)) or a predicate (P.eq ...), got a number (3)");
  EXPECT_EQ(RunError("g:V():order('name', 'up')"), "test:1: order: expected \"asc\" or \"desc\", got a string (\"up\")");
  // Noticed when it runs, still reported at the line that built the step.
  EXPECT_EQ(RunError("local t = g:E('VISITED'):out()\nprint(t:count())"),
            "test:1: out: expected nodes to step from, got an edge (VISITED)");
  EXPECT_EQ(RunError("g:V():inV():list()"),
            "test:1: inV: expected edges, got a node (Person 王明)");
  EXPECT_EQ(RunError("g:pagerank{edges={'X'}}"),
            "test:1: pagerank: unknown edge type 'X' (expected one of HOLDS_POSITION, VISITED, "
            "ACCOMPANIED, PRESIDED, ATTENDED, DONATED_TO, PART_OF, AUTHORED, MENTIONED_IN, CO_MENTIONED)");
}

TEST_F(TraversalTest, SchemaCountsLabelsAndEdgeTypes) {
  EXPECT_EQ(Run("for _, r in ipairs(g:schema()) do print(r.kind, r.name, r.count) end"),
            "label\tPerson\t2\nlabel\tOrganization\t3\nlabel\tPlace\t1\nlabel\tDocument\t1\n"
            "edge type\tHOLDS_POSITION\t2\nedge type\tVISITED\t4\nedge type\tACCOMPANIED\t1\n"
            "edge type\tCO_MENTIONED\t1\n");
}

}  // namespace
}  // namespace tupu::testing
