// A page's body as lines with per-element totals (see html_blocks.h).
#include "extract/html_blocks.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/utf8.h"

namespace tupu::html {
namespace {

// Never page text: code, forms' widgets, embedded media, frames.
bool IsNeverText(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

// Elements that start a new line: what a browser lays out as a block, plus table cells.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return false;
  }
}

bool IsHidden(const GumboNode* node) {
  if (Attribute(node, "hidden") != nullptr) return true;
  if (LowerAttribute(node, "aria-hidden") == "true") return true;
  std::string style;
  for (char c : LowerAttribute(node, "style"))
    if (c != ' ') style += c;
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Words in class and id names that sites of every kind use for what is not the article. General
// layout vocabulary (readability's "unlikely candidates"), not the names of any one site.
constexpr std::array<std::string_view, 18> kBoilerplateMarkers = {
    "share",   "nav",     "menu",      "foot",    "breadcrumb", "crumb",
    "sidebar", "comment", "copyright", "toolbar", "related",    "login",
    "search",  "banner",  "location",  "header",  "bottom",     "bdshare"};

bool HasBoilerplateName(const GumboNode* node) {
  const std::string names = LowerAttribute(node, "class") + " " + LowerAttribute(node, "id");
  for (std::string_view marker : kBoilerplateMarkers) {
    if (names.find(marker) != std::string::npos) return true;
  }
  return false;
}

class BodyWalker {
 public:
  explicit BodyWalker(BlockOptions options) : options_(options) {}

  BodyText Run(const GumboNode* body);

 private:
  struct Frame {
    const GumboNode* node;
    bool exiting;
  };

  bool Skips(const GumboNode* node) const;
  void Enter(const GumboNode* node);
  void Exit(const GumboNode* node);
  void AppendText(std::string_view text);
  void Flush();

  BlockOptions options_;
  BodyText out_;
  std::vector<const GumboNode*> blocks_;  // open block elements, innermost last
  int link_depth_ = 0;
  // Inside <article> or <main>: headers and footers there are the article's, not the site's.
  int article_depth_ = 0;
  std::string line_;
  size_t line_link_chars_ = 0;
};

bool BodyWalker::Skips(const GumboNode* node) const {
  if (node->type == GUMBO_NODE_COMMENT) return true;
  if (!IsElement(node)) return false;
  const GumboTag tag = node->v.element.tag;
  if (IsNeverText(tag) || IsHidden(node)) return true;
  if (!options_.drop_boilerplate || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN ||
      tag == GUMBO_TAG_ARTICLE) {
    return false;
  }
  if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE) return true;
  if ((tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER) && article_depth_ == 0) return true;
  return HasBoilerplateName(node);
}

void BodyWalker::AppendText(std::string_view text) {
  line_.append(text);
  if (link_depth_ == 0) return;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = DecodeUtf8At(text, &pos);
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != 0xA0 && c != 0x3000) {
      ++line_link_chars_;
    }
  }
}

void BodyWalker::Flush() {
  TextLine line;
  line.text = CollapseBlanks(line_);
  line_.clear();
  line.link_chars = line_link_chars_;
  line_link_chars_ = 0;
  if (line.text.empty()) return;
  size_t pos = 0;
  while (pos < line.text.size()) {
    const char32_t c = DecodeUtf8At(line.text, &pos);
    if (c != ' ') ++line.chars;
    if (IsProsePunctuation(c)) ++line.punctuation;
  }
  line.link_chars = std::min(line.link_chars, line.chars);
  line.container = blocks_.empty() ? nullptr : blocks_.back();
  if (line.container != nullptr) {
    ElementStats& stats = out_.elements[line.container];
    stats.chars += line.chars;
    stats.link_chars += line.link_chars;
    stats.punctuation += line.punctuation;
  }
  out_.lines.push_back(std::move(line));
}

void BodyWalker::Enter(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    AppendText(node->v.text.text);
    return;
  }
  if (!IsElement(node)) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_BR) Flush();
  if (tag == GUMBO_TAG_A && Attribute(node, "href") != nullptr) ++link_depth_;
  if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) ++article_depth_;
  if (IsBlock(tag)) {
    Flush();
    blocks_.push_back(node);
    out_.elements[node].first_line = out_.lines.size();
  }
}

void BodyWalker::Exit(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_A && Attribute(node, "href") != nullptr) --link_depth_;
  if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) --article_depth_;
  if (IsBlock(tag)) {
    Flush();
    blocks_.pop_back();
    ElementStats& stats = out_.elements[node];
    stats.end_line = out_.lines.size();
    if (!blocks_.empty()) {  // the parent block's totals include this one's
      ElementStats& parent = out_.elements[blocks_.back()];
      parent.chars += stats.chars;
      parent.link_chars += stats.link_chars;
      parent.punctuation += stats.punctuation;
      parent.has_block_children = true;
    }
  }
}

BodyText BodyWalker::Run(const GumboNode* body) {
  std::vector<Frame> stack{{body, false}};
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    if (frame.exiting) {
      Exit(frame.node);
      continue;
    }
    if (Skips(frame.node)) {
      // A skipped block still separates the text before it from the text after it.
      if (IsElement(frame.node) && IsBlock(frame.node->v.element.tag)) Flush();
      continue;
    }
    Enter(frame.node);
    if (!IsElement(frame.node)) continue;
    stack.push_back({frame.node, true});
    const GumboVector& children = frame.node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
    }
  }
  Flush();
  return std::move(out_);
}

}  // namespace

bool IsProsePunctuation(char32_t c) {
  return c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U'！' || c == U'？' ||
         c == U'、' || c == U'“' || c == U'”';
}

BodyText ReadBodyText(const GumboNode* body, BlockOptions options) {
  if (!IsElement(body)) return {};
  return BodyWalker(options).Run(body);
}

}  // namespace tupu::html
