// "Did you mean": the nearest names by edit distance (did_you_mean.h), and the errors a typo of a
// step gives on every kind of object, while a missing property still reads as nil.
#include "scripting/did_you_mean.h"

#include "scripting/lua_test_util.h"
#include "scripting/shell.h"

namespace tupu::testing {
namespace {

TEST(DidYouMeanTest, NearestNamesAtTheSmallestDistance) {
  std::vector<std::string> steps = {"out", "outE", "outV", "in_", "inE", "order", "count"};
  EXPECT_EQ(NearestNames("outX", steps), (std::vector<std::string>{"out", "outE", "outV"}));
  EXPECT_EQ(NearestNames("ordr", steps), (std::vector<std::string>{"order"}));
  EXPECT_TRUE(NearestNames("pagerank", steps).empty());  // nothing within two edits
  EXPECT_EQ(JoinAlternatives({"out", "outE", "outV"}), "out, outE or outV");
  EXPECT_EQ(JoinAlternatives({"out"}), "out");
  EXPECT_EQ(SuggestDotCommand("mdoe"), "mode");
  EXPECT_EQ(SuggestDotCommand("frobnicate"), "");
}

using StepTypoTest = LuaFixture;

TEST_F(StepTypoTest, TraversalNamesWhatWasTypedAndTheNearestSteps) {
  EXPECT_EQ(RunError("g:V():outX()"),
            "test:1: no step outX on a traversal; did you mean out, outE or outV?");
  EXPECT_EQ(RunError("local t = g:V()\nprint(t:cuont())"),
            "test:2: no step cuont on a traversal; did you mean count?");
  EXPECT_EQ(RunError("g:V():frobnicate()"), "test:1: no step frobnicate on a traversal");
}

TEST_F(StepTypoTest, NodesAndEdgesSuggestButKeepMissingPropertiesNil) {
  EXPECT_EQ(RunError("g:node('王明'):outX('VISITED')"),
            "test:1: no step outX on a node; did you mean out, outE or outV?");
  EXPECT_EQ(RunError("local e = g:E('VISITED'):first()\ne:evidnce()"),
            "test:2: no step evidnce on an edge; did you mean evidence?");
  // A property a node or edge lacks is nil, never an error or a function.
  EXPECT_EQ(Run("local n = g:node('王明') print(n.outX, n.no_such_property, n.kind)"),
            "nil\tnil\tnil\n");
  EXPECT_EQ(Run("print(g:E('VISITED'):first().outX)"), "nil\n");
  // Calling a nil that is not a method of ours keeps Lua's own message.
  EXPECT_NE(RunError("local t = {} t:nothing()").find("attempt to call a nil value (method 'nothing')"),
            std::string::npos);
}

TEST_F(StepTypoTest, RankingsSubgraphsAndTheGraph) {
  EXPECT_EQ(RunError("g:pagerank():topp(3)"),
            "test:1: no step topp on a ranked result; did you mean top?");
  EXPECT_EQ(RunError("g:E('VISITED'):subgraph():exprot('x.graphml')"),
            "test:1: no step exprot on a subgraph; did you mean export?");
  EXPECT_EQ(RunError("g:VV()"), "test:1: no step VV on the graph g; did you mean V?");
  // Rows of a ranking are still read by index, and past the end they are nil.
  EXPECT_EQ(Run("local r = g:degree() print(r[1] ~= nil, r[100], r.metric)"), "true\tnil\tdegree\n");
}

}  // namespace
}  // namespace tupu::testing
