// Saved web pages (.html, .htm, .shtml, and pages without an extension that begin like HTML) to a
// document: the article's main text with its title as a `#` heading (the heading the article
// splitter and the headline rules expect), one line per paragraph, and the page's title, date,
// source and address. Pages that hold no article are refused with the reason: an index or list
// page, a page of frames only (the article is in the framed file), a file cut short.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "extract/html_metadata.h"

namespace tupu::html {

struct HtmlPage {
  std::string text;      // UTF-8: `# title` (when known), then one paragraph per line
  PageMetadata meta;
  std::string encoding;  // what the bytes were ("UTF-8", "GB18030", ...)
};

// REQUIRES: nothing (any bytes). InvalidArgument or NotFound with the reason a user understands.
Result<HtmlPage> ReadHtmlPage(std::string_view bytes);

// True when `head`, the first bytes of a file, begins as an HTML document does (after a byte-order
// mark, blanks and comments: `<!doctype html` or `<html`, any case): how a saved page without an
// extension is told from text. A sniff of the opening, as browsers do, not a parse.
bool LooksLikeHtml(std::string_view head);

}  // namespace tupu::html
