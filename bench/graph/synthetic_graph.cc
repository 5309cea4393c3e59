// The synthetic graph generator (see synthetic_graph.h). Degrees are skewed (a few officials and
// offices appear everywhere, as in real news) by drawing endpoints with a squared uniform.
#include "synthetic_graph.h"

#include "store/value_codec.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <random>
#include <string>
#include <tuple>

namespace tupu::bench {
namespace {

// Common surnames and name characters: general knowledge, not names from any article.
const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                 "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
const char* const kGiven[] = {"建", "国", "明", "华", "红", "军", "伟", "芳", "丽", "强",
                              "磊", "洋", "勇", "艳", "杰", "涛", "超", "平", "刚", "桂"};
const char* const kPlaces[] = {"东湖", "西山", "南城", "北川", "中原", "金水", "高新", "新城"};
const char* const kOfficeSuffixes[] = {"管委会", "街道办事处", "人民政府", "党工委", "教育局",
                                       "卫生健康委员会", "社区居委会", "有限公司"};
const char* const kTitles[] = {"书记", "副书记", "主任", "副主任", "局长", "区长", "党委委员"};
const char* const kTimes[] = {"上午", "下午", "晚上"};

}  // namespace

std::unique_ptr<SyntheticGraphStore> SyntheticGraphStore::Generate(const SyntheticOptions& o) {
  auto store = std::make_unique<SyntheticGraphStore>();
  std::mt19937_64 rng(o.seed);
  auto pick = [&](auto& array) {
    return array[rng() % (sizeof(array) / sizeof(array[0]))];
  };
  std::uniform_real_distribution<double> unit(0.0, 1.0);

  // Label shares: 60% persons, 25% organizations, 5% places, 10% documents.
  std::vector<size_t> persons, orgs, places, docs;
  store->nodes_.reserve(o.nodes);
  for (uint64_t i = 0; i < o.nodes; ++i) {
    StoredNode n;
    double r = unit(rng);
    std::string suffix = std::to_string(i);  // keeps names unique
    if (r < 0.60) {
      n.label = NodeLabel::kPerson;
      n.name = std::string(pick(kSurnames)) + pick(kGiven) + pick(kGiven) + suffix;
      persons.push_back(i);
    } else if (r < 0.85) {
      n.label = NodeLabel::kOrganization;
      n.name = std::string(pick(kPlaces)) + suffix + pick(kOfficeSuffixes);
      n.kind = "government";
      orgs.push_back(i);
    } else if (r < 0.90) {
      n.label = NodeLabel::kPlace;
      n.name = std::string(pick(kPlaces)) + suffix + "公园";
      places.push_back(i);
    } else {
      n.label = NodeLabel::kDocument;
      n.name = "news/" + suffix + ".txt";
      n.props = {{"title", "新闻" + suffix}, {"date", "2024-10-30"}};
      docs.push_back(i);
    }
    n.id = MakeNodeId(n.label, n.name);
    n.mentions = 1 + static_cast<uint32_t>(rng() % 20);
    store->nodes_.push_back(std::move(n));
  }
  if (persons.empty() || orgs.empty() || places.empty() || docs.empty()) return store;

  auto skewed = [&](const std::vector<size_t>& pool) -> const StoredNode& {
    double u = unit(rng);
    return store->nodes_[pool[static_cast<size_t>(u * u * static_cast<double>(pool.size()))]];
  };
  auto date = [&] {
    char buf[16];
    std::snprintf(buf, sizeof buf, "2024-%02d-%02d", static_cast<int>(1 + rng() % 12),
                  static_cast<int>(1 + rng() % 28));
    return std::string(buf);
  };
  store->edges_.reserve(o.edges);
  for (uint64_t i = 0; i < o.edges; ++i) {
    StoredEdge e;
    const StoredNode* src;
    const StoredNode* dst;
    double r = unit(rng);
    if (r < 0.40) {
      e.type = EdgeType::kCoMentioned;
      src = &skewed(persons);
      dst = &skewed(unit(rng) < 0.7 ? persons : orgs);
      e.props = {{"weight", std::to_string(1 + rng() % 5)}};
    } else if (r < 0.65) {
      e.type = EdgeType::kMentionedIn;
      src = &skewed(unit(rng) < 0.7 ? persons : orgs);
      dst = &skewed(docs);
      e.props = {{"count", std::to_string(1 + rng() % 4)}};
    } else if (r < 0.77) {
      e.type = EdgeType::kVisited;
      src = &skewed(persons);
      dst = &skewed(unit(rng) < 0.8 ? orgs : places);
      e.props = {{"date", date()}, {"time", pick(kTimes)}};
    } else if (r < 0.85) {
      e.type = EdgeType::kHoldsPosition;
      src = &skewed(persons);
      dst = &skewed(orgs);
      e.props = {{"title", pick(kTitles)}, {"date", date()}};
    } else if (r < 0.93) {
      e.type = EdgeType::kAccompanied;
      src = &skewed(persons);
      dst = &skewed(persons);
      e.props = {{"date", date()}};
    } else if (r < 0.97) {
      e.type = EdgeType::kAuthored;
      src = &skewed(persons);
      dst = &skewed(docs);
      e.props = {{"role", "记者"}};
    } else {
      e.type = EdgeType::kPartOf;
      src = &skewed(orgs);
      dst = &skewed(unit(rng) < 0.5 ? orgs : places);
    }
    e.src = src->id;
    e.dst = dst->id;
    e.doc = store->nodes_[docs[rng() % docs.size()]].id;
    e.sentence = static_cast<uint32_t>(rng() % 40);
    e.span = {static_cast<uint32_t>(rng() % 2000), 0};
    e.span.end = e.span.begin + 12;
    e.id = Hash64(std::to_string(i) + "/" + std::to_string(o.seed));
    store->edges_.push_back(std::move(e));
  }
  std::sort(store->nodes_.begin(), store->nodes_.end(),
            [](const StoredNode& a, const StoredNode& b) { return a.id < b.id; });
  std::sort(store->edges_.begin(), store->edges_.end(), [](const StoredEdge& a, const StoredEdge& b) {
    return std::tie(a.src, a.type, a.dst, a.id) < std::tie(b.src, b.type, b.dst, b.id);
  });
  store->encoded_props_.reserve(store->edges_.size());
  for (const auto& e : store->edges_) store->encoded_props_.push_back(EncodeProperties(e.props));
  return store;
}

Status SyntheticGraphStore::ForEachNode(const std::function<bool(const StoredNode&)>& fn) const {
  for (const auto& n : nodes_) {
    if (!fn(n)) break;
  }
  return Status::OK();
}

Status SyntheticGraphStore::ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const {
  for (const auto& e : edges_) {
    if (!fn(e)) break;
  }
  return Status::OK();
}

Status SyntheticGraphStore::ScanEdges(EdgeBatchFn fn, void* context) const {
  constexpr size_t kBatch = 1024;
  std::vector<EdgeView> batch;
  batch.reserve(kBatch);
  for (size_t i = 0; i < edges_.size(); ++i) {
    batch.push_back(ViewOfEdge(edges_[i], encoded_props_[i]));
    if (batch.size() == kBatch) {
      if (!fn(context, batch.data(), batch.size())) return Status::OK();
      batch.clear();
    }
  }
  if (!batch.empty()) fn(context, batch.data(), batch.size());
  return Status::OK();
}

Status WriteToStore(const SyntheticGraphStore& synthetic, GraphStore* store) {
  std::unordered_map<NodeId, const StoredNode*> node_of;
  for (const auto& n : synthetic.nodes()) node_of.emplace(n.id, &n);
  std::unordered_map<DocId, std::vector<const StoredEdge*>> edges_of;
  for (const auto& e : synthetic.edges()) edges_of[e.doc].push_back(&e);
  auto entity = [](const StoredNode& n) {
    EntityRecord r;
    r.label = n.label;
    r.name = n.name;
    r.aliases = n.aliases;
    r.kind = n.kind;
    r.mentions = n.mentions;
    r.props = n.props;
    return r;
  };
  size_t written = 0;
  for (const auto& n : synthetic.nodes()) {
    if (n.label != NodeLabel::kDocument) continue;
    ExtractedDocument doc;
    doc.source_key = n.name;
    doc.origin = n.name;
    // Unique text (the store treats equal texts as duplicates); spans reach 2012; 40 sentences.
    doc.text = n.name;
    doc.text.resize(2100, ' ');
    for (uint32_t s = 0; s < 40; ++s) doc.sentences.push_back({s * 52, (s + 1) * 52});
    std::unordered_map<NodeId, bool> listed;
    doc.entities.push_back(entity(n));
    listed[n.id] = true;
    for (const StoredEdge* e : edges_of[n.id]) {
      for (NodeId id : {e->src, e->dst}) {
        if (listed.emplace(id, true).second) doc.entities.push_back(entity(*node_of.at(id)));
      }
      FactRecord f;
      f.type = e->type;
      const StoredNode& src = *node_of.at(e->src);
      const StoredNode& dst = *node_of.at(e->dst);
      f.src = {src.label, src.name};
      f.dst = {dst.label, dst.name};
      f.sentence = e->sentence;
      f.span = e->span;
      f.props = e->props;
      doc.facts.push_back(std::move(f));
    }
    auto outcome = store->Ingest(doc);
    if (!outcome.ok()) return outcome.status();
    if (++written % 1000 == 0) std::fprintf(stderr, "ingested %zu documents\n", written);
  }
  return Status::OK();
}

}  // namespace tupu::bench
