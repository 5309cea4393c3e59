// The article in a page: which lines of the body are its main text, chosen by content density
// (readability's method, measured on made-up pages of several layouts: tests/testdata/html/).
// Every line of prose scores its block (1 + its Chinese punctuation + up to 3 for length) and,
// less, the blocks around it; a block's score is discounted by the share of link text in it; the
// best block is the article, with its siblings that score nearly as well (articles split over
// several <div>s). Legal notices (版权所有, ICP备, ...) never score. Inside the article, lines that
// are mostly links, share bars, legal notices and the publication line (kept as metadata) are left
// out, and so is a label left dangling at the end (相关阅读：). No site-specific rules.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extract/html_blocks.h"

namespace tupu::html {

struct MainText {
  std::vector<std::string> paragraphs;  // one per line of the page, in page order
  size_t chars = 0;                     // code points in the paragraphs, blanks excluded
  double score = 0;                     // the chosen block's score (for measurements)
};

// REQUIRES: `body` read with drop_boilerplate. `title` (the page's, may be empty) is left out of
// the paragraphs: the reader puts it first as the heading. NotFound when no block holds prose
// (an index or list page, a page of links or pictures).
Result<MainText> ChooseMainText(const BodyText& body, std::string_view title);

}  // namespace tupu::html
