// What a saved news page says about itself: title, publication date, source and address.
// Each is taken from the most deliberate statement the page makes, in this order:
//   title:  <meta name=ArticleTitle>, og:title, an <h1> that the <title> contains, the <title>
//           without the site's name (`标题_某某区人民政府`), the first <h1>;
//   date:   <meta name=PubDate> (and its kin), article:published_time, a publication line
//           (`发布时间：`, `日期：`), a date in the address (`/2023/0530/`, `t20230530_`);
//   source: <meta name=ContentSource>, a `来源：` line, og:site_name;
//   url:    <link rel=canonical>, og:url, the address a browser or mirror wrote into the saved file
//           (`<!-- saved from url=(0052)https://… -->`, `<!-- Mirrored from … by HTTrack -->`).
// Thread safety: pure functions over an immutable tree.
#pragma once

#include <string>

#include "extract/html_blocks.h"
#include "extract/html_tree.h"

namespace tupu::html {

struct PageMetadata {
  std::string title;
  std::string date;  // YYYY-MM-DD; empty when the page states none with a year
  std::string source;
  std::string url;   // absolute http(s) address; empty when none
};

// `all_lines`: the body read without dropping boilerplate (publication lines often sit in blocks
// that look like headers).
PageMetadata ReadMetadata(const HtmlTree& tree, const BodyText& all_lines);

// The <title> less the site's name: the longest part between separators (`_`, `|`, ` - `, `--`,
// `—`).
std::string TitleWithoutSiteName(std::string_view title);

// The first full date (with year) in `text` as YYYY-MM-DD (2023-05-30T09:12:00+08:00,
// 2023年5月30日, 2023/05/30); empty when none.
std::string FullDateIn(std::string_view text);

}  // namespace tupu::html
