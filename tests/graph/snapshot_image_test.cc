// The snapshot image (graph/snapshot_image.h) and LoadSnapshot's use of it, on the real RocksDB
// store: an image restores a snapshot identical to a scan (exports, name lookups, in-edges), a
// filtered load cut from it equals a filtered scan, it is replaced when the data moves on (also
// for a read-only reader, which moves only on Refresh), and a damaged or truncated image is never
// trusted.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/document.h"
#include "graph/export_graphml.h"
#include "graph/export_json.h"
#include "graph/graph_snapshot.h"
#include "graph/snapshot_image.h"
#include "graph/snapshot_loader.h"
#include "store/graph_store.h"
#include "test_util.h"

namespace tupu {
namespace {

namespace fs = std::filesystem;
using testing::MakeEntity;
using testing::MakeFact;
using testing::ReadFileOrDie;
using testing::WriteFileOrDie;

FactRecord Fact(EdgeType type, const EntityRecord& src, const EntityRecord& dst, Properties props) {
  return MakeFact(type, src, dst, {0, 3}, std::move(props));
}

// Document `i`: an official (one of 7, some with an alias) visits an office (one of 11) with a
// companion, on a date; a place is mentioned alone (an isolated vertex for the VISITED filter).
ExtractedDocument Visit(int i) {
  ExtractedDocument doc;
  doc.source_key = "news/" + std::to_string(i) + ".txt";
  doc.origin = doc.source_key;
  doc.text = "第" + std::to_string(i) + "篇：某某某来到某单位调研。";
  doc.date = "2024-03-" + std::to_string(10 + i % 20);
  doc.sentences = {{0, static_cast<uint32_t>(doc.text.size())}};
  const std::string date = doc.date.substr(5);
  EntityRecord page = MakeEntity(NodeLabel::kDocument, doc.source_key);
  EntityRecord host = MakeEntity(NodeLabel::kPerson, "官员" + std::to_string(i % 7),
                                 i % 7 < 3 ? std::vector<std::string>{"甲" + std::to_string(i % 7) + "长"}
                                           : std::vector<std::string>{});
  EntityRecord guest = MakeEntity(NodeLabel::kPerson, "随员" + std::to_string(i % 5));
  EntityRecord office =
      MakeEntity(NodeLabel::kOrganization, "第" + std::to_string(i % 11) + "局", {}, "government");
  EntityRecord place = MakeEntity(NodeLabel::kPlace, "某" + std::to_string(i % 4) + "镇");
  doc.entities = {page, host, guest, office, place};
  doc.facts = {Fact(EdgeType::kVisited, host, office, {{"date", date}}),
               Fact(EdgeType::kAccompanied, guest, host, {{"date", date}}),
               Fact(EdgeType::kCoMentioned, host, guest, {{"weight", std::to_string(1 + i % 3)}}),
               Fact(EdgeType::kHoldsPosition, host, office, {{"title", "局长"}}),
               Fact(EdgeType::kMentionedIn, host, page, {{"count", "1"}})};
  return doc;
}

std::string Json(const GraphSnapshot& s) {
  std::ostringstream out;
  EXPECT_OK(WriteJson(s, out));
  return out.str();
}

std::string Graphml(const GraphSnapshot& s) {
  std::ostringstream out;
  EXPECT_OK(WriteGraphml(s, out));
  return out.str();
}

// Everything a reader of a snapshot can see that the exports do not print: in-edge order and the
// name index.
std::string Structure(const GraphSnapshot& s) {
  std::ostringstream out;
  for (Vertex v = 0; v < s.num_vertices(); ++v) {
    out << v << ":";
    for (auto [e, end] = boost::in_edges(v, s.graph()); e != end; ++e) out << " " << s.FactIdOf(*e);
    for (Vertex found : s.FindByName(s.Name(v))) out << " =" << found;
    for (const auto& alias : s.Aliases(v)) {
      for (Vertex found : s.FindByName(alias)) out << " ~" << found;
    }
    out << "\n";
  }
  return out.str();
}

class SnapshotImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = dir_.Sub("g.db");
    auto store = GraphStore::Open(db_path_, StoreOptions{});
    ASSERT_OK(store.status());
    store_ = std::move(store).value();
    for (int i = 0; i < 60; ++i) ASSERT_OK((*store_).Ingest(Visit(i)).status());
  }
  std::string ImagePath() const { return db_path_ + "/" + kSnapshotImageName; }

  testing::TempDir dir_;
  std::string db_path_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(SnapshotImageTest, ImageRestoresTheScannedSnapshot) {
  auto scanned = GraphSnapshot::Load(*store_);
  ASSERT_OK(scanned.status());

  SnapshotLoadInfo first;
  auto written = LoadSnapshot(*store_, {}, &first);
  ASSERT_OK(written.status());
  EXPECT_FALSE(first.from_image);
  EXPECT_TRUE(first.image_written) << first.note;
  ASSERT_TRUE(fs::exists(ImagePath()));

  SnapshotLoadInfo second;
  auto restored = LoadSnapshot(*store_, {}, &second);
  ASSERT_OK(restored.status());
  EXPECT_TRUE(second.from_image) << second.note;
  EXPECT_FALSE(second.image_written);

  const GraphSnapshot& a = **scanned;
  const GraphSnapshot& b = **restored;
  EXPECT_EQ(a.num_vertices(), b.num_vertices());
  EXPECT_EQ(a.num_edges(), b.num_edges());
  EXPECT_GT(b.num_edges(), 200u);
  EXPECT_EQ(Json(a), Json(b));
  EXPECT_EQ(Graphml(a), Graphml(b));
  EXPECT_EQ(Structure(a), Structure(b));
  for (auto [e, end] = boost::edges(b.graph()); e != end; ++e) {
    ASSERT_EQ(b.Weight(*e), b.Type(*e) == EdgeType::kCoMentioned
                                ? std::stod(*FindProperty(b.EdgeProperties(*e), "weight"))
                                : 1.0);
  }
  EXPECT_EQ(b.DocumentKey(b.Doc(*boost::edges(b.graph()).first)),
            a.DocumentKey(a.Doc(*boost::edges(a.graph()).first)));
}

TEST_F(SnapshotImageTest, WritingTheSameSnapshotTwiceGivesTheSameBytes) {
  auto snap = GraphSnapshot::Load(*store_);
  ASSERT_OK(snap.status());
  ASSERT_OK(SnapshotImage::Write(**snap, "v1", dir_.Sub("a.img")));
  ASSERT_OK(SnapshotImage::Write(**snap, "v1", dir_.Sub("b.img")));
  EXPECT_EQ(ReadFileOrDie(dir_.Sub("a.img")), ReadFileOrDie(dir_.Sub("b.img")));
}

TEST_F(SnapshotImageTest, FilteredLoadsFromTheImageEqualFilteredScans) {
  ASSERT_OK(LoadSnapshot(*store_).status());  // writes the image
  std::vector<SnapshotFilter> filters(4);
  filters[0].labels = {NodeLabel::kPerson};
  filters[1].edge_types = {EdgeType::kVisited};
  filters[1].drop_isolated = true;
  filters[2].labels = {NodeLabel::kPerson, NodeLabel::kOrganization};
  filters[2].edge_types = {EdgeType::kAccompanied, EdgeType::kHoldsPosition};
  filters[3].edge_types = {EdgeType::kCoMentioned};
  for (size_t i = 0; i < filters.size(); ++i) {
    SnapshotLoadInfo info;
    auto cut = LoadSnapshot(*store_, filters[i], &info);
    auto scanned = GraphSnapshot::Load(*store_, filters[i]);
    ASSERT_OK(cut.status());
    ASSERT_OK(scanned.status());
    EXPECT_TRUE(info.from_image) << "filter " << i;
    EXPECT_EQ(Json(**cut), Json(**scanned)) << "filter " << i;
    EXPECT_EQ(Graphml(**cut), Graphml(**scanned)) << "filter " << i;
    EXPECT_EQ(Structure(**cut), Structure(**scanned)) << "filter " << i;
  }
}

TEST_F(SnapshotImageTest, NewDataReplacesTheImage) {
  ASSERT_OK(LoadSnapshot(*store_).status());
  ExtractedDocument extra = Visit(1000);
  extra.entities[1] = MakeEntity(NodeLabel::kPerson, "新来的官员");
  extra.facts[0].src = extra.entities[1].key();
  extra.facts = {extra.facts[0]};
  ASSERT_OK(store_->Ingest(extra).status());

  SnapshotLoadInfo info;
  auto snap = LoadSnapshot(*store_, {}, &info);
  ASSERT_OK(snap.status());
  EXPECT_FALSE(info.from_image);
  EXPECT_TRUE(info.image_written) << info.note;
  EXPECT_EQ((*snap)->FindByName("新来的官员").size(), 1u);
  auto again = LoadSnapshot(*store_, {}, &info);
  ASSERT_OK(again.status());
  EXPECT_TRUE(info.from_image);
  EXPECT_EQ(Json(**again), Json(**snap));
}

TEST_F(SnapshotImageTest, AReaderTrustsTheImageUntilItRefreshes) {
  StoreOptions read_only;
  read_only.read_only = true;
  read_only.create_if_missing = false;
  auto reader = GraphStore::Open(db_path_, read_only);
  ASSERT_OK(reader.status());
  SnapshotLoadInfo info;
  auto before = LoadSnapshot(**reader, {}, &info);
  ASSERT_OK(before.status());
  EXPECT_TRUE(info.image_written) << info.note;

  // The writer moves on; the reader's view (and so its image) does not until it refreshes.
  ExtractedDocument extra = Visit(2000);
  extra.entities[3] = MakeEntity(NodeLabel::kOrganization, "新设的局");
  extra.facts = {Fact(EdgeType::kVisited, extra.entities[1], extra.entities[3], {})};
  ASSERT_OK(store_->Ingest(extra).status());
  auto still = LoadSnapshot(**reader, {}, &info);
  ASSERT_OK(still.status());
  EXPECT_TRUE(info.from_image);
  EXPECT_TRUE((*still)->FindByName("新设的局").empty());

  ASSERT_OK((*reader)->Refresh());
  auto after = LoadSnapshot(**reader, {}, &info);
  ASSERT_OK(after.status());
  EXPECT_FALSE(info.from_image);
  EXPECT_EQ((*after)->FindByName("新设的局").size(), 1u);
  EXPECT_EQ((*after)->num_edges(), (*before)->num_edges() + 1);
}

TEST_F(SnapshotImageTest, DamagedOrTruncatedImagesAreNeverTrusted) {
  auto scanned = GraphSnapshot::Load(*store_);
  ASSERT_OK(scanned.status());
  const std::string expected = Json(**scanned);
  ASSERT_OK(LoadSnapshot(*store_).status());
  const std::string good = ReadFileOrDie(ImagePath());
  auto version = store_->DerivedData();
  ASSERT_OK(version.status());

  // Every cut and a flipped byte every so often: Read refuses, and never crashes.
  for (size_t at = 0; at < good.size(); at += 1 + at / 8) {
    WriteFileOrDie(ImagePath(), good.substr(0, at));
    EXPECT_FALSE(SnapshotImage::Read(ImagePath(), version->version).ok()) << "cut at " << at;
  }
  for (size_t at = 0; at < good.size(); at += 97) {
    std::string damaged = good;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    WriteFileOrDie(ImagePath(), damaged);
    EXPECT_FALSE(SnapshotImage::Read(ImagePath(), version->version).ok()) << "flip at " << at;
  }

  // LoadSnapshot says why it ignored the image, scans instead, and puts a good image back.
  std::string damaged = good;
  damaged[good.size() / 2] = static_cast<char>(damaged[good.size() / 2] ^ 1);
  WriteFileOrDie(ImagePath(), damaged);
  SnapshotLoadInfo info;
  auto snap = LoadSnapshot(*store_, {}, &info);
  ASSERT_OK(snap.status());
  EXPECT_FALSE(info.from_image);
  EXPECT_NE(info.note.find("checksum"), std::string::npos) << info.note;
  EXPECT_TRUE(info.image_written);
  EXPECT_EQ(Json(**snap), expected);
  EXPECT_EQ(ReadFileOrDie(ImagePath()), good);
}

TEST_F(SnapshotImageTest, AnImageOfOtherDataIsNotFound) {
  auto snap = GraphSnapshot::Load(*store_);
  ASSERT_OK(snap.status());
  ASSERT_OK(SnapshotImage::Write(**snap, "identity@41", dir_.Sub("x.img")));
  EXPECT_OK(SnapshotImage::Read(dir_.Sub("x.img"), "identity@41").status());
  auto other = SnapshotImage::Read(dir_.Sub("x.img"), "identity@42");
  EXPECT_TRUE(other.status().IsNotFound()) << other.status().ToString();
  EXPECT_TRUE(SnapshotImage::Read(dir_.Sub("absent.img"), "v").status().IsNotFound());
  Status unwritable = SnapshotImage::Write(**snap, "v", dir_.Sub("no/such/folder/x.img"));
  EXPECT_TRUE(unwritable.IsIOError()) << unwritable.ToString();
}

TEST_F(SnapshotImageTest, TemporariesOfKilledWritersAreRemoved) {
  pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  const std::string dead = ImagePath() + ".tmp-" + std::to_string(child);
  const std::string alive = ImagePath() + ".tmp-" + std::to_string(getppid());
  WriteFileOrDie(dead, "half an image");
  WriteFileOrDie(alive, "being written");
  ASSERT_OK(LoadSnapshot(*store_).status());
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(alive));
  EXPECT_TRUE(fs::exists(ImagePath()));
}

TEST_F(SnapshotImageTest, TheEnvironmentCanTurnImagesOff) {
  ASSERT_EQ(setenv("TUPU_SNAPSHOT_IMAGE", "off", 1), 0);
  SnapshotLoadInfo info;
  auto snap = LoadSnapshot(*store_, {}, &info);
  unsetenv("TUPU_SNAPSHOT_IMAGE");
  ASSERT_OK(snap.status());
  EXPECT_FALSE(info.image_written);
  EXPECT_FALSE(fs::exists(ImagePath()));
  ASSERT_OK(LoadSnapshot(*store_, {}, &info).status());
  EXPECT_TRUE(info.image_written);
}

TEST(SnapshotImageEmptyTest, AnEmptyDatabaseRoundTrips) {
  testing::TempDir dir;
  auto store = GraphStore::Open(dir.Sub("empty.db"), StoreOptions{});
  ASSERT_OK(store.status());
  SnapshotLoadInfo info;
  ASSERT_OK(LoadSnapshot(**store, {}, &info).status());
  EXPECT_TRUE(info.image_written) << info.note;
  auto again = LoadSnapshot(**store, {}, &info);
  ASSERT_OK(again.status());
  EXPECT_TRUE(info.from_image);
  EXPECT_EQ((*again)->num_vertices(), 0u);
  EXPECT_EQ((*again)->num_edges(), 0u);
}

}  // namespace
}  // namespace tupu
