// Title, date, source and address of a saved page (see html_metadata.h).
#include "extract/html_metadata.h"

#include <array>
#include <cstdio>
#include <unordered_map>

#include "extract/domain_document_date.h"
#include "extract/domain_text.h"
#include "extract/html_page_info.h"

namespace tupu::html {
namespace {

using MetaMap = std::unordered_map<std::string, std::string>;

// <meta name|property=K content=V> of the whole page, K lower-cased; the first of each wins.
MetaMap MetaValues(const HtmlTree& tree) {
  MetaMap meta;
  Walk(tree.document(), [&](const GumboNode* node) {
    if (!IsElement(node, GUMBO_TAG_META)) return true;
    const char* content = Attribute(node, "content");
    if (content == nullptr) return false;
    for (const char* key : {"name", "property", "itemprop"}) {
      const std::string k = LowerAttribute(node, key);
      if (!k.empty()) meta.emplace(k, CollapseBlanks(content));
    }
    return false;
  });
  return meta;
}

template <size_t N>
std::string FirstMeta(const MetaMap& meta, const std::array<const char*, N>& keys) {
  for (const char* key : keys) {
    auto it = meta.find(key);
    if (it != meta.end() && !it->second.empty()) return it->second;
  }
  return "";
}

const GumboNode* FirstElement(const GumboNode* from, GumboTag tag) {
  const GumboNode* found = nullptr;
  Walk(from, [&](const GumboNode* node) {
    if (found != nullptr) return false;
    if (IsElement(node, tag)) found = node;
    return found == nullptr;
  });
  return found;
}

bool IsWebAddress(std::string_view s) {
  if (s.rfind("http://", 0) != 0 && s.rfind("https://", 0) != 0) return false;
  for (unsigned char c : s) {
    if (c <= ' ' || c >= 0x7F) return false;
  }
  return s.size() > 8;
}

// `saved from url=(0052)https://…` (browsers) and `Mirrored from host/path by HTTrack` (mirrors).
std::string AddressInComment(std::string_view comment) {
  const std::string_view kSaved = "saved from url=(";
  size_t at = comment.find(kSaved);
  if (at != std::string_view::npos) {
    const size_t close = comment.find(')', at);
    if (close == std::string_view::npos) return "";
    std::string_view rest = comment.substr(close + 1);
    const size_t end = rest.find_first_of(" \t\r\n");
    rest = rest.substr(0, end);
    return IsWebAddress(rest) ? std::string(rest) : "";
  }
  const std::string_view kMirrored = "Mirrored from ";
  at = comment.find(kMirrored);
  if (at == std::string_view::npos) return "";
  std::string_view rest = comment.substr(at + kMirrored.size());
  rest = rest.substr(0, rest.find_first_of(" \t\r\n"));
  const std::string address =
      IsWebAddress(rest) ? std::string(rest) : "http://" + std::string(rest);
  return IsWebAddress(address) ? address : "";
}

std::string SavedAddress(const HtmlTree& tree) {
  std::string address;
  Walk(tree.document(), [&](const GumboNode* node) {
    if (!address.empty()) return false;
    if (node->type == GUMBO_NODE_COMMENT) address = AddressInComment(node->v.text.text);
    // Browsers write the comment before <html> or at the top of <head>; not deeper.
    return node->type == GUMBO_NODE_DOCUMENT || IsElement(node, GUMBO_TAG_HTML) ||
           IsElement(node, GUMBO_TAG_HEAD);
  });
  return address;
}

std::string CanonicalLink(const HtmlTree& tree) {
  std::string address;
  Walk(tree.head(), [&](const GumboNode* node) {
    if (!address.empty()) return false;
    if (IsElement(node, GUMBO_TAG_LINK) && LowerAttribute(node, "rel") == "canonical") {
      const char* href = Attribute(node, "href");
      if (href != nullptr && IsWebAddress(CollapseBlanks(href))) address = CollapseBlanks(href);
    }
    return true;
  });
  return address;
}

std::string ReadTitle(const HtmlTree& tree, const MetaMap& meta) {
  std::string title = FirstMeta(meta, std::array{"articletitle", "og:title", "twitter:title"});
  if (!title.empty()) return title;
  const GumboNode* title_element = FirstElement(tree.head(), GUMBO_TAG_TITLE);
  const std::string page_title = title_element ? TextOf(title_element) : "";
  // Sites put their logo or name in an <h1> too: an <h1> is the article's when <title> says it.
  std::string first_h1;
  Walk(tree.body(), [&](const GumboNode* node) {
    if (!title.empty()) return false;
    if (!IsElement(node, GUMBO_TAG_H1)) return true;
    const std::string text = TextOf(node);
    if (first_h1.empty()) first_h1 = text;
    if (!text.empty() && page_title.find(text) != std::string::npos) title = text;
    return false;
  });
  if (!title.empty()) return title;
  if (!page_title.empty()) return TitleWithoutSiteName(page_title);
  return first_h1;
}

std::string ReadDate(const MetaMap& meta, const BodyText& lines, const std::string& url) {
  const std::string stated = FirstMeta(
      meta, std::array{"pubdate", "publishdate", "article:published_time", "og:release_date",
                       "datepublished", "firstpublishedtime", "dc.date", "date"});
  std::string date = FullDateIn(stated);
  for (size_t i = 0; date.empty() && i < lines.lines.size(); ++i) {
    if (IsPageInfoLine(lines.lines[i].text)) {
      date = FullDateIn(InfoValue(lines.lines[i].text, InfoLabel::kDate));
    }
  }
  domain::DateContext in_address;
  if (date.empty() && domain::DateInName(url, &in_address)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", in_address.year, in_address.month,
                  in_address.day);
    date = buf;
  }
  return date;
}

std::string ReadSource(const MetaMap& meta, const BodyText& lines) {
  std::string source = FirstMeta(meta, std::array{"contentsource", "source"});
  for (size_t i = 0; source.empty() && i < lines.lines.size(); ++i) {
    if (IsPageInfoLine(lines.lines[i].text)) {
      source = InfoValue(lines.lines[i].text, InfoLabel::kSource);
    }
  }
  // The site's own name says less than a 来源 line (a county site reprints the city paper).
  return source.empty() ? FirstMeta(meta, std::array{"og:site_name"}) : source;
}

}  // namespace

std::string TitleWithoutSiteName(std::string_view title) {
  // Longer separators first, so that `--` is one separator, not two around an empty part.
  static const std::array<std::string_view, 9> kSeparators = {"--", " - ", " -", "- ", "_",
                                                              "|",  "｜",  "—",  "－"};
  std::string_view best;
  size_t begin = 0;
  for (size_t i = 0; i <= title.size();) {
    size_t sep = 0;
    for (std::string_view s : kSeparators) {
      if (title.substr(i, s.size()) == s) {
        sep = s.size();
        break;
      }
    }
    if (i == title.size() || sep > 0) {
      std::string_view part = title.substr(begin, i - begin);
      if (part.size() > best.size()) best = part;
      i += std::max<size_t>(sep, 1);
      begin = i;
    } else {
      ++i;
    }
  }
  return CollapseBlanks(best);
}

std::string FullDateIn(std::string_view text) {
  for (const domain::DateMention& m : domain::FindDates(domain::ToU32(text))) {
    if (m.year && m.month && m.day && !m.relative) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", m.year, m.month, m.day);
      return buf;
    }
  }
  return "";
}

PageMetadata ReadMetadata(const HtmlTree& tree, const BodyText& all_lines) {
  const MetaMap meta = MetaValues(tree);
  PageMetadata out;
  out.title = ReadTitle(tree, meta);
  out.url = CanonicalLink(tree);
  if (out.url.empty()) {
    const std::string og = FirstMeta(meta, std::array{"og:url"});
    if (IsWebAddress(og)) out.url = og;
  }
  if (out.url.empty()) out.url = SavedAddress(tree);
  out.date = ReadDate(meta, all_lines, out.url);
  out.source = ReadSource(meta, all_lines);
  return out;
}

}  // namespace tupu::html
