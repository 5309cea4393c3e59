// Reading order of a PDF page by lines, blocks and recursive XY-cut (see pdf_layout.h).
#include "extract/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "common/utf8.h"

namespace tupu::pdf {
namespace {

// Distances are in units of the text's height (its font size, near enough), so that the rules
// hold for any page size and scale.
constexpr double kSameRow = 0.5;      // baselines closer than this are one row
constexpr double kWordGap = 1.0;      // words further apart than this are in different columns
constexpr double kLineGap = 1.0;      // lines further apart than this are in different blocks
constexpr double kIndent = 1.5;       // a line starting this far in starts a paragraph
constexpr double kShortLine = 1.5;    // a line ending this far short ends a paragraph
constexpr double kSameFont = 0.2;     // heights within this share are one font size
constexpr double kHeadingFont = 1.3;  // a block this much taller than body text is a headline

struct Line {
  std::vector<const TextBox*> words;  // left to right
  double left = 0, right = 0, top = 0, bottom = 0;
  double height() const { return bottom - top; }
};

struct Block {
  std::vector<Line> lines;  // top to bottom
  double left = 0, right = 0, top = 0, bottom = 0;
  double line_height = 0;  // of its first line
};

Line MakeLine(std::vector<const TextBox*> words) {
  Line line;
  line.left = words.front()->x;
  line.right = words.back()->x + words.back()->width;
  line.top = words.front()->y;
  line.bottom = words.front()->y + words.front()->height;
  for (const TextBox* w : words) {
    line.top = std::min(line.top, w->y);
    line.bottom = std::max(line.bottom, w->y + w->height);
    line.right = std::max(line.right, w->x + w->width);
  }
  line.words = std::move(words);
  return line;
}

// Rows of words with the same baseline, each cut where a gap is wider than a column gutter.
std::vector<Line> BuildLines(const std::vector<TextBox>& boxes) {
  std::vector<const TextBox*> sorted;
  for (const TextBox& b : boxes) {
    if (!b.text.empty() && b.height > 0 && std::isfinite(b.x) && std::isfinite(b.y)) {
      sorted.push_back(&b);
    }
  }
  std::sort(sorted.begin(), sorted.end(), [](const TextBox* a, const TextBox* b) {
    return a->y + a->height / 2 < b->y + b->height / 2;
  });
  std::vector<Line> lines;
  for (size_t i = 0; i < sorted.size();) {
    const double center = sorted[i]->y + sorted[i]->height / 2;
    size_t end = i + 1;
    while (end < sorted.size() &&
           sorted[end]->y + sorted[end]->height / 2 - center < kSameRow * sorted[i]->height) {
      ++end;
    }
    std::vector<const TextBox*> row(sorted.begin() + i, sorted.begin() + end);
    std::sort(row.begin(), row.end(),
              [](const TextBox* a, const TextBox* b) { return a->x < b->x; });
    std::vector<const TextBox*> words{row.front()};
    for (size_t k = 1; k < row.size(); ++k) {
      const TextBox* prev = words.back();
      if (row[k]->x - (prev->x + prev->width) > kWordGap * std::max(prev->height, row[k]->height)) {
        lines.push_back(MakeLine(std::move(words)));
        words.clear();
      }
      words.push_back(row[k]);
    }
    lines.push_back(MakeLine(std::move(words)));
    i = end;
  }
  return lines;
}

bool ContinuesBlock(const Block& block, const Line& line) {
  const double h = block.line_height;
  const double gap = line.top - block.bottom;
  if (gap > kLineGap * h || gap < -kSameRow * h) return false;
  if (std::abs(line.height() - h) > kSameFont * h) return false;
  const double overlap = std::min(block.right, line.right) - std::max(block.left, line.left);
  // Sharing half of the narrower of the two, or starting at the block's left edge give or take an
  // indent: a paragraph's short last line and the next one's indented first line are one column,
  // however little they share.
  return overlap > 0 &&
         (overlap >= 0.5 * std::min(line.right - line.left, block.right - block.left) ||
          std::abs(line.left - block.left) <= (kIndent + 0.5) * h);
}

std::vector<Block> BuildBlocks(std::vector<Line> lines) {
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.top != b.top ? a.top < b.top : a.left < b.left;
  });
  std::vector<Block> blocks;
  for (Line& line : lines) {
    Block* best = nullptr;
    for (Block& block : blocks) {
      if (ContinuesBlock(block, line) && (best == nullptr || block.bottom > best->bottom)) {
        best = &block;
      }
    }
    if (best == nullptr) {
      blocks.emplace_back();
      best = &blocks.back();
      best->left = line.left;
      best->right = line.right;
      best->top = line.top;
      best->line_height = line.height();
    }
    best->left = std::min(best->left, line.left);
    best->right = std::max(best->right, line.right);
    best->bottom = line.bottom;
    best->lines.push_back(std::move(line));
  }
  return blocks;
}

// Splits `region` (indices into blocks) at the first gap along one axis that no block crosses:
// `first` gets what comes before it. False when every position is crossed.
bool CutAt(const std::vector<Block>& blocks, std::vector<size_t> region, bool across_x,
           std::vector<size_t>* first, std::vector<size_t>* rest) {
  auto lo = [&](size_t i) { return across_x ? blocks[i].left : blocks[i].top; };
  auto hi = [&](size_t i) { return across_x ? blocks[i].right : blocks[i].bottom; };
  std::sort(region.begin(), region.end(), [&](size_t a, size_t b) { return lo(a) < lo(b); });
  double reach = hi(region.front());
  for (size_t k = 1; k < region.size(); ++k) {
    if (lo(region[k]) >= reach) {
      first->assign(region.begin(), region.begin() + k);
      rest->assign(region.begin() + k, region.end());
      return true;
    }
    reach = std::max(reach, hi(region[k]));
  }
  return false;
}

// Recursive XY-cut with an explicit stack (a page may hold thousands of blocks). Columns first:
// a gutter that runs down the whole region is cut before any gap across it, so that paragraphs
// that happen to line up in two columns are not read across.
std::vector<size_t> ReadingOrder(const std::vector<Block>& blocks) {
  std::vector<size_t> order;
  std::vector<size_t> all(blocks.size());
  std::iota(all.begin(), all.end(), 0);
  std::vector<std::vector<size_t>> stack;
  if (!all.empty()) stack.push_back(std::move(all));
  while (!stack.empty()) {
    std::vector<size_t> region = std::move(stack.back());
    stack.pop_back();
    std::vector<size_t> first, rest;
    if (region.size() > 1 && (CutAt(blocks, region, /*across_x=*/true, &first, &rest) ||
                              CutAt(blocks, region, /*across_x=*/false, &first, &rest))) {
      stack.push_back(std::move(rest));
      stack.push_back(std::move(first));
      continue;
    }
    // Overlapping blocks: top to bottom, then left to right.
    std::sort(region.begin(), region.end(), [&](size_t a, size_t b) {
      return blocks[a].top != blocks[b].top ? blocks[a].top < blocks[b].top
                                            : blocks[a].left < blocks[b].left;
    });
    order.insert(order.end(), region.begin(), region.end());
  }
  return order;
}

bool IsAsciiWordChar(char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); }

char32_t LastCodePoint(const std::string& s) {
  size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  size_t pos = start - 1;
  return DecodeUtf8At(s, &pos);
}

char32_t FirstCodePoint(const std::string& s) {
  size_t pos = 0;
  return s.empty() ? 0 : DecodeUtf8At(s, &pos);
}

// Appends `next` to `text` as its continuation: Chinese runs on without a space (a word broken
// across lines is one word again); Latin words get their space back, a hyphen at a break goes.
void AppendContinuation(std::string* text, const std::string& next) {
  const char32_t last = LastCodePoint(*text);
  const char32_t first = FirstCodePoint(next);
  if (last == U'-' && text->size() >= 2 &&
      IsAsciiWordChar(static_cast<unsigned char>((*text)[text->size() - 2])) &&
      IsAsciiWordChar(first)) {
    text->pop_back();
  } else if (IsAsciiWordChar(last) && IsAsciiWordChar(first)) {
    text->push_back(' ');
  }
  text->append(next);
}

std::string LineText(const Line& line) {
  std::string text;
  for (const TextBox* w : line.words) {
    text += w->text;
    if (w->space_after && w != line.words.back()) text += ' ';
  }
  return text;
}

// The block's paragraphs, one per line of the result; a headline's lines are one title.
std::string BlockText(const Block& block, bool one_paragraph) {
  std::string out;
  const double h = block.line_height;
  for (size_t i = 0; i < block.lines.size(); ++i) {
    const Line& line = block.lines[i];
    const std::string text = LineText(line);
    const bool starts_paragraph =
        i == 0 || (!one_paragraph && (line.left > block.left + kIndent * h ||
                                      block.lines[i - 1].right < block.right - kShortLine * h));
    if (starts_paragraph) {
      if (i > 0) out += '\n';
      out += text;
    } else {
      AppendContinuation(&out, text);
    }
  }
  return out;
}

double MedianLineHeight(const std::vector<Block>& blocks) {
  std::vector<double> heights;
  for (const Block& b : blocks)
    for (size_t i = 0; i < b.lines.size(); ++i) heights.push_back(b.line_height);
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

}  // namespace

std::vector<PageBlock> ReadingOrderBlocks(const std::vector<TextBox>& boxes) {
  const std::vector<Block> blocks = BuildBlocks(BuildLines(boxes));
  const double body_height = MedianLineHeight(blocks);
  std::vector<PageBlock> out;
  for (size_t i : ReadingOrder(blocks)) {
    const bool headline = blocks[i].line_height > kHeadingFont * body_height;
    out.push_back({BlockText(blocks[i], headline), headline});
  }
  return out;
}

}  // namespace tupu::pdf
