// Reading order for a page of a newspaper PDF, from the positioned words a PDF library gives: words
// become lines, lines become blocks (a column's paragraphs, a headline), blocks are ordered by
// recursive XY-cut (split the page at the widest gap that crosses it: across, then top before
// bottom; down, then left before right), so that columns are read one after the other instead of
// line by line across the page. Within a block, lines are joined back into paragraphs: a word
// broken across lines (`管委` / `会`) is one word again; a short line or an indented one ends or
// starts a paragraph. Pure geometry, no PDF library: testable on boxes made by hand.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <vector>

namespace tupu::pdf {

// A word (or run of CJK characters) as the PDF library places it; y grows downwards.
struct TextBox {
  std::string text;  // UTF-8
  double x = 0, y = 0, width = 0, height = 0;
  bool space_after = false;
};

// A block of the page: a headline (set larger than the body text; its lines joined into one
// title) or paragraphs, one per line.
struct PageBlock {
  std::string text;
  bool headline = false;
};

// The page's blocks in reading order.
std::vector<PageBlock> ReadingOrderBlocks(const std::vector<TextBox>& boxes);

}  // namespace tupu::pdf
