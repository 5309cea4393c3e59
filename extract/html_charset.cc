// A page's encoding from its declaration, with detection as the fallback (see html_charset.h).
#include "extract/html_charset.h"

namespace tupu::html {
namespace {

// Browsers look this far for the declaration; pages put it near the top of <head>.
constexpr size_t kPrescanBytes = 4096;

// "text/html; charset=gb2312" -> "gb2312" (the value of a Content-Type header, lower-cased).
std::string CharsetOfContentType(std::string_view content_type) {
  const size_t at = content_type.find("charset");
  if (at == std::string_view::npos) return "";
  size_t i = at + 7;
  while (i < content_type.size() && (content_type[i] == ' ' || content_type[i] == '=')) ++i;
  if (i < content_type.size() && (content_type[i] == '"' || content_type[i] == '\'')) ++i;
  size_t end = i;
  while (end < content_type.size() && content_type[end] != ';' && content_type[end] != ' ' &&
         content_type[end] != '"' && content_type[end] != '\'') {
    ++end;
  }
  return std::string(content_type.substr(i, end - i));
}

}  // namespace

std::string DeclaredCharset(const HtmlTree& tree) {
  std::string charset;
  Walk(tree.document(), [&](const GumboNode* node) {
    if (!charset.empty()) return false;
    if (!IsElement(node, GUMBO_TAG_META)) return true;
    charset = LowerAttribute(node, "charset");
    if (charset.empty() && LowerAttribute(node, "http-equiv") == "content-type") {
      charset = CharsetOfContentType(LowerAttribute(node, "content"));
    }
    return false;
  });
  return CollapseBlanks(charset);
}

Result<DecodedInput> DecodeHtmlBytes(std::string_view bytes) {
  const HtmlTree prefix(bytes.substr(0, kPrescanBytes));
  return DecodeDeclaredText(bytes, DeclaredCharset(prefix));
}

}  // namespace tupu::html
