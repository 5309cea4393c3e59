// The parsed page and its node helpers (see html_tree.h).
#include "extract/html_tree.h"

#include <vector>

namespace tupu::html {
namespace {

// Text in these is not page text, whatever the parser makes of it.
bool IsScriptLike(const GumboNode* node) {
  return IsElement(node, GUMBO_TAG_SCRIPT) || IsElement(node, GUMBO_TAG_STYLE) ||
         IsElement(node, GUMBO_TAG_NOSCRIPT) || IsElement(node, GUMBO_TAG_TEMPLATE);
}

const GumboNode* ChildElement(const GumboNode* parent, GumboTag tag) {
  if (!IsElement(parent)) return nullptr;
  const GumboVector& children = parent->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (IsElement(child, tag)) return child;
  }
  return nullptr;
}

}  // namespace

HtmlTree::HtmlTree(std::string_view utf8) {
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are not used, and a broken page can have one per byte: do not record them.
  options.max_errors = 0;
  output_.reset(gumbo_parse_with_options(&options, utf8.data(), utf8.size()));
}

void HtmlTree::Deleter::operator()(GumboOutput* output) const {
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

const GumboNode* HtmlTree::head() const { return ChildElement(root(), GUMBO_TAG_HEAD); }
const GumboNode* HtmlTree::body() const { return ChildElement(root(), GUMBO_TAG_BODY); }

bool IsElement(const GumboNode* node) {
  return node != nullptr && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return IsElement(node) && node->v.element.tag == tag;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string TagName(const GumboNode* node) {
  if (!IsElement(node)) return "";
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN)
    return gumbo_normalized_tagname(node->v.element.tag);
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);  // strips `<` and attributes: the bare name
  return AsciiLower(std::string_view(piece.data, piece.length));
}

const char* Attribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return nullptr;
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

std::string LowerAttribute(const GumboNode* node, const char* name) {
  const char* value = Attribute(node, name);
  return value ? AsciiLower(value) : std::string();
}

void Walk(const GumboNode* from, const std::function<bool(const GumboNode*)>& visit) {
  std::vector<const GumboNode*> stack{from};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node == nullptr || !visit(node)) continue;
    const GumboVector* children = nullptr;
    if (IsElement(node)) children = &node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    if (children == nullptr) continue;
    for (unsigned i = children->length; i > 0; --i) {  // reversed: popped in document order
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
  }
}

std::string CollapseBlanks(std::string_view utf8) {
  std::string out;
  bool blank = false;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    bool is_blank =
        utf8[i] == ' ' || utf8[i] == '\t' || utf8[i] == '\n' || utf8[i] == '\r' || utf8[i] == '\f';
    if (utf8.substr(i, 2) == "\xC2\xA0") {  // NBSP
      is_blank = true;
      len = 2;
    } else if (utf8.substr(i, 3) == "\xE3\x80\x80") {  // ideographic space
      is_blank = true;
      len = 3;
    }
    if (is_blank) {
      blank = !out.empty();
    } else {
      if (blank) out += ' ';
      blank = false;
      out.append(utf8.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string TextOf(const GumboNode* node) {
  std::string text;
  Walk(node, [&](const GumboNode* n) {
    if (IsScriptLike(n)) return false;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      text += n->v.text.text;
    } else if (IsElement(n, GUMBO_TAG_BR)) {
      text += ' ';
    }
    return true;
  });
  return CollapseBlanks(text);
}

}  // namespace tupu::html
