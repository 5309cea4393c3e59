// HtmlTree: a page parsed by gumbo (Debian's libgumbo, an HTML5 parser), owned, plus the few
// questions the HTML readers ask of its nodes (tag, attribute, text). Everything that reads markup
// goes through the parser: never patterns over the raw bytes, which break on real pages.
// Walks are iterative (explicit stacks): a hostile page may nest elements thousands deep.
// Thread safety: an HtmlTree is immutable after construction; const use from many threads is fine.
#pragma once

#include <gumbo.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace tupu::html {

class HtmlTree {
 public:
  // Parses `utf8` (gumbo replaces invalid sequences with U+FFFD, so any bytes are safe).
  explicit HtmlTree(std::string_view utf8);

  const GumboNode* document() const { return output_->document; }
  const GumboNode* root() const { return output_->root; }  // <html>, explicit or implied
  // <head> and <body> (gumbo always makes both); nullptr only on a malformed tree.
  const GumboNode* head() const;
  const GumboNode* body() const;

 private:
  struct Deleter {
    void operator()(GumboOutput* output) const;
  };
  std::unique_ptr<GumboOutput, Deleter> output_;
};

bool IsElement(const GumboNode* node);
bool IsElement(const GumboNode* node, GumboTag tag);
// Lower-case tag name, also for tags gumbo does not know (their source spelling, lower-cased).
std::string TagName(const GumboNode* node);
// The attribute's value, or nullptr when the element has no such attribute.
const char* Attribute(const GumboNode* node, const char* name);
// The attribute's value, lower-cased ASCII; empty when absent.
std::string LowerAttribute(const GumboNode* node, const char* name);
std::string AsciiLower(std::string_view s);

// Calls `visit` on `from` and every node below it in document order. `visit` returns false to
// skip a node's children.
void Walk(const GumboNode* from, const std::function<bool(const GumboNode*)>& visit);

// The text below `node` (text and whitespace nodes joined, scripts and styles left out), with
// runs of blanks collapsed to one space and trimmed.
std::string TextOf(const GumboNode* node);

// Collapses runs of ASCII blanks, NBSP and ideographic spaces to one ASCII space; trims the ends.
std::string CollapseBlanks(std::string_view utf8);

}  // namespace tupu::html
