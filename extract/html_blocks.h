// The text of a page's body as lines, the way a reader sees it: one line per paragraph-like block
// (<p>, <div>, <td>, <li>, <h1>…) or per <br>, each remembering the element it sits in and how
// much of it is link text. Along the way every element gets its totals (text, link text, Chinese
// punctuation) and the range of lines it holds, which is what the main-text choice scores.
// Scripts, styles, comments and hidden elements never give text; with `drop_boilerplate`,
// navigation, headers and footers outside the article, asides, forms and elements whose class or id
// marks them as share bars, menus, breadcrumbs and the like give none either.
// Thread safety: pure functions over an immutable tree.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/html_tree.h"

namespace tupu::html {

struct TextLine {
  std::string text;                      // blanks collapsed, trimmed; never empty
  const GumboNode* container = nullptr;  // the innermost block element holding the line
  size_t chars = 0;                      // code points, blanks excluded
  size_t link_chars = 0;                 // of those, inside <a href>
  size_t punctuation = 0;                // Chinese commas and stops: how prose looks
};

// Totals of one element's subtree, over the lines the walk kept.
struct ElementStats {
  size_t chars = 0, link_chars = 0, punctuation = 0;
  size_t first_line = 0, end_line = 0;  // its lines are lines[first_line, end_line)
  bool has_block_children = false;      // false: a leaf block, which reads as a paragraph
};

struct BodyText {
  std::vector<TextLine> lines;
  std::unordered_map<const GumboNode*, ElementStats> elements;  // block elements only
};

struct BlockOptions {
  bool drop_boilerplate = true;
};

BodyText ReadBodyText(const GumboNode* body, BlockOptions options = {});

// The full-width punctuation prose is full of and menus are not (，。；：！？、“”). ASCII forms are
// not counted: menus, dates and addresses use them too.
bool IsProsePunctuation(char32_t c);

}  // namespace tupu::html
