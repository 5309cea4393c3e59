// Splits a page into articles and each article into blocks (headings, body paragraphs, bylines).
// Pages come from print layouts: a paragraph may be broken across lines (even inside a word), an
// article starts at a `#` heading, a `本报讯` lead or a title line after the previous byline,
// and bylines sit at the end, in the middle, or glued to a paragraph.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/domain_byline.h"
#include "extract/domain_text.h"

namespace tupu::domain {

enum class BlockKind { kHeading, kBody, kByline };

struct Block {
  BlockKind kind = BlockKind::kBody;
  CharRun run;     // the block's text (joined lines), offsets into the page
  Byline byline;   // kByline only; name positions index into `run`
};

struct Article {
  std::string title;  // first heading or title line, without `#`
  std::vector<Block> blocks;
  TextSpan span;      // from the first block to the last
};

// The page's web address when its first non-blank line is only that (`https://…`, as saved
// article files begin); empty otherwise. SplitArticles leaves that line out.
std::string_view LeadingAddress(std::string_view page);

// The host of a web address as written: after the scheme when there is one, up to its port, path,
// query or fragment (`www.example.cn` of `https://www.example.cn:8080/a?b`, and of
// `www.example.cn/a`).
std::string_view AddressHost(std::string_view address);

std::vector<Article> SplitArticles(std::string_view page);

}  // namespace tupu::domain
