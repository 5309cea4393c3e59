// Main-text choice by content density (see html_main_text.h).
#include "extract/html_main_text.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "common/utf8.h"
#include "extract/html_page_info.h"

namespace tupu::html {
namespace {

// Lines shorter than this are labels, menu entries, dates: they neither score nor stop a block.
constexpr size_t kMinScoringChars = 8;
// An article has at least a couple of sentences of prose; a list page's best block does not.
constexpr size_t kMinArticleChars = 50;
constexpr size_t kMinArticlePunctuation = 3;
// Siblings of the best block within this share of its score belong to the article.
constexpr double kSiblingShare = 0.3;
// Ancestors looked through when a line's block is inline-nested inside its real container.
constexpr int kMaxParentSteps = 32;

// What every Chinese government and news site prints at the foot of its pages: legal notices are
// prose (punctuation, length) but never the article.
constexpr std::array<std::string_view, 7> kSiteFurniture = {
    "版权所有", "ICP备", "网站标识码", "主办单位", "承办单位", "技术支持", "公网安备"};

bool IsSiteFurniture(std::string_view text) {
  for (std::string_view marker : kSiteFurniture) {
    if (text.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

// `相关阅读：`, `附件：` at the end of the article: a label of what was left out after it.
bool IsTrailingLabel(std::string_view text) {
  const bool colon = (text.size() >= 3 && text.substr(text.size() - 3) == "：") ||
                     (!text.empty() && text.back() == ':');
  return colon && CodePointCount(text) <= 10;
}

double LinkDensity(size_t link_chars, size_t chars) {
  return chars == 0 ? 1.0 : static_cast<double>(link_chars) / static_cast<double>(chars);
}

// The nearest block element above `node` that the walk saw, or nullptr.
const GumboNode* BlockParent(const BodyText& body, const GumboNode* node) {
  const GumboNode* p = node ? node->parent : nullptr;
  for (int steps = 0; p != nullptr && steps < kMaxParentSteps; ++steps, p = p->parent) {
    if (body.elements.count(p)) return p;
  }
  return nullptr;
}

// Paragraph elements give their score to the block that holds the paragraphs. So does a block
// without blocks inside (a <div> per paragraph, as many CMSs write; a <td> of <br>-separated
// lines): as readability does, it reads as a paragraph, so that its short neighbours are scored
// with it instead of losing to it.
const GumboNode* CandidateOf(const BodyText& body, const GumboNode* container) {
  if (!body.elements.at(container).has_block_children &&
      container->v.element.tag != GUMBO_TAG_BODY) {
    const GumboNode* parent = BlockParent(body, container);
    return parent ? parent : container;
  }
  switch (container->v.element.tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CENTER: {
      const GumboNode* parent = BlockParent(body, container);
      return parent ? parent : container;
    }
    default:
      return container;
  }
}

std::unordered_map<const GumboNode*, double> ScoreBlocks(const BodyText& body) {
  std::unordered_map<const GumboNode*, double> raw;
  for (const TextLine& line : body.lines) {
    if (line.container == nullptr || line.chars < kMinScoringChars ||
        LinkDensity(line.link_chars, line.chars) > 0.5 || IsSiteFurniture(line.text)) {
      continue;
    }
    const double score = 1.0 + static_cast<double>(line.punctuation) +
                         std::min(static_cast<double>(line.chars) / 50.0, 3.0);
    const GumboNode* candidate = CandidateOf(body, line.container);
    raw[candidate] += score;
    if (const GumboNode* parent = BlockParent(body, candidate)) {
      raw[parent] += score / 2;
      if (const GumboNode* grandparent = BlockParent(body, parent)) raw[grandparent] += score / 3;
    }
  }
  for (auto& [node, score] : raw) {
    const ElementStats& stats = body.elements.at(node);
    score *= 1.0 - LinkDensity(stats.link_chars, stats.chars);
  }
  return raw;
}

// The best block and the siblings that belong with it, as line ranges in page order.
std::vector<std::pair<size_t, size_t>> ArticleRanges(
    const BodyText& body, const std::unordered_map<const GumboNode*, double>& scores,
    const GumboNode* best) {
  const double best_score = scores.at(best);
  const GumboNode* parent = BlockParent(body, best);
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const auto& [node, score] : scores) {
    const bool sibling = node != best && parent != nullptr && BlockParent(body, node) == parent;
    if (node != best && !(sibling && score >= kSiblingShare * best_score)) continue;
    const ElementStats& stats = body.elements.at(node);
    ranges.emplace_back(stats.first_line, stats.end_line);
  }
  std::sort(ranges.begin(), ranges.end());
  return ranges;
}

// `【打印】【关闭窗口】`, `[字体:大 中 小]`: page controls written in brackets, nothing else.
bool IsBracketedControls(std::string_view text) {
  if (text.empty()) return false;
  int depth = 0;
  for (size_t i = 0; i < text.size();) {
    const std::string_view wide = text.substr(i, 3);
    if (wide == "【" || wide == "［" || wide == "】" || wide == "］") {
      depth += (wide == "【" || wide == "［") ? 1 : -1;
      i += 3;
      continue;
    }
    if (text[i] == '[' || text[i] == ']') {
      depth += text[i] == '[' ? 1 : -1;
    } else if (depth <= 0 && text[i] != ' ') {
      return false;
    }
    ++i;
  }
  return true;
}

bool KeepsLine(const TextLine& line, std::string_view title) {
  if (LinkDensity(line.link_chars, line.chars) > 0.5) return false;
  if (!title.empty() && line.text == title) return false;
  if (line.text.rfind("分享到", 0) == 0 || IsBracketedControls(line.text)) return false;
  if (IsSiteFurniture(line.text)) return false;
  return !IsPageInfoLine(line.text);
}

}  // namespace

Result<MainText> ChooseMainText(const BodyText& body, std::string_view title) {
  const auto scores = ScoreBlocks(body);
  // Ties go to the block that comes first, then to the outer one, so that the choice never
  // depends on the order of the hash map (which follows the nodes' addresses).
  auto first_of = [&](const GumboNode* a, const GumboNode* b) {
    const ElementStats& x = body.elements.at(a);
    const ElementStats& y = body.elements.at(b);
    return x.first_line != y.first_line ? x.first_line < y.first_line : x.end_line > y.end_line;
  };
  const GumboNode* best = nullptr;
  for (const auto& [node, score] : scores) {
    if (best == nullptr || score > scores.at(best) ||
        (score == scores.at(best) && first_of(node, best))) {
      best = node;
    }
  }
  MainText out;
  if (best != nullptr) {
    out.score = scores.at(best);
    size_t punctuation = 0;
    for (const auto& [first, end] : ArticleRanges(body, scores, best)) {
      for (size_t i = first; i < end; ++i) {
        const TextLine& line = body.lines[i];
        if (!KeepsLine(line, title)) continue;
        out.paragraphs.push_back(line.text);
        out.chars += line.chars - line.link_chars;
        punctuation += line.punctuation;
      }
    }
    while (!out.paragraphs.empty() && IsTrailingLabel(out.paragraphs.back())) {
      out.paragraphs.pop_back();
    }
    if (out.chars >= kMinArticleChars && punctuation >= kMinArticlePunctuation) return out;
  }
  return Status::NotFound("no article in the page: no block of prose (an index or list page?)");
}

}  // namespace tupu::html
