// The character encoding of a saved page: a byte-order mark, else what the page declares
// (`<meta charset=gbk>`, `<meta http-equiv=Content-Type content="text/html; charset=gb2312">`), else
// the detection every input gets (text_encoding.h). Chinese government sites still serve GB2312 and
// GBK, and browsers save the page in the bytes it came in.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "extract/html_tree.h"
#include "extract/text_encoding.h"

namespace tupu::html {

// The charset a parsed page declares in its <meta> elements, lower-cased; empty when none.
std::string DeclaredCharset(const HtmlTree& tree);

// The page's bytes as UTF-8. The declaration is looked for in the first few kilobytes only, as
// browsers do (HTML requires it within the first 1024 bytes), so a large page is parsed once more,
// not twice over.
Result<DecodedInput> DecodeHtmlBytes(std::string_view bytes);

}  // namespace tupu::html
