// A saved page to its article text and metadata (see html_reader.h).
#include "extract/html_reader.h"

#include <algorithm>
#include <string>

#include "extract/html_charset.h"
#include "extract/html_main_text.h"

namespace tupu::html {
namespace {

// gumbo checks the stack of open elements at every tag, so a page nested N deep costs N squared
// (100 000 nested tags: 13 s; 300 000: minutes, then gumbo's recursive teardown overflows the
// stack). A saved article has a few thousand tags; a page with more is refused before parsing.
// Counting `<` bounds the number of tags without reading the markup.
constexpr size_t kMaxTags = 100000;

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && AsciiLower(s.substr(0, prefix.size())) == prefix;
}

bool EndedImplicitly(const GumboNode* node) {
  return IsElement(node) && (node->parse_flags & GUMBO_INSERTION_IMPLICIT_END_TAG) != 0;
}

// A page that opens <html> but whose </body> and </html> never come was cut short (an interrupted
// download or save): what is there may stop mid-sentence, so it is refused, not half-read.
bool IsTruncated(const HtmlTree& tree) {
  const GumboNode* root = tree.root();
  const bool explicit_root = IsElement(root) && (root->parse_flags & GUMBO_INSERTION_IMPLIED) == 0;
  return explicit_root && EndedImplicitly(root) && EndedImplicitly(tree.body());
}

// The addresses of the page's frames (<frame src>, <iframe src>), space-separated.
std::string FrameSources(const HtmlTree& tree) {
  std::string sources;
  Walk(tree.document(), [&](const GumboNode* node) {
    if (IsElement(node, GUMBO_TAG_FRAME) || IsElement(node, GUMBO_TAG_IFRAME)) {
      const char* src = Attribute(node, "src");
      if (src != nullptr && *src != '\0') {
        if (!sources.empty()) sources += ' ';
        sources += CollapseBlanks(src);
      }
      return false;
    }
    return true;
  });
  return sources;
}

std::string ComposeText(const std::string& title, const MainText& main) {
  std::string text;
  if (!title.empty()) text = "# " + title + "\n";
  for (const std::string& paragraph : main.paragraphs) text += paragraph + "\n";
  return text;
}

}  // namespace

Result<HtmlPage> ReadHtmlPage(std::string_view bytes) {
  if (std::count(bytes.begin(), bytes.end(), '<') > static_cast<std::ptrdiff_t>(kMaxTags)) {
    return Status::InvalidArgument("more than " + std::to_string(kMaxTags) +
                                   " tags: not a saved article page");
  }
  auto decoded = DecodeHtmlBytes(bytes);
  if (!decoded.ok()) return decoded.status();
  const HtmlTree tree(decoded->utf8);
  if (IsTruncated(tree)) {
    return Status::InvalidArgument(
        "truncated HTML: the page ends before </body></html> (save it again)");
  }
  HtmlPage page;
  page.encoding = decoded->encoding;
  page.meta = ReadMetadata(tree, ReadBodyText(tree.body(), {.drop_boilerplate = false}));
  auto main = ChooseMainText(ReadBodyText(tree.body()), page.meta.title);
  if (!main.ok()) {
    const std::string frames = FrameSources(tree);
    if (!frames.empty()) {
      return Status::InvalidArgument("only frames, no article: ingest the framed pages (" + frames +
                                     ")");
    }
    return main.status();
  }
  page.text = ComposeText(page.meta.title, *main);
  return page;
}

bool LooksLikeHtml(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  for (;;) {
    const size_t start = head.find_first_not_of(" \t\r\n\f");
    if (start == std::string_view::npos) return false;
    head.remove_prefix(start);
    if (head.substr(0, 4) != "<!--") break;
    const size_t end = head.find("-->");
    if (end == std::string_view::npos) return false;
    head.remove_prefix(end + 3);
  }
  return StartsWithNoCase(head, "<!doctype html") || StartsWithNoCase(head, "<html");
}

}  // namespace tupu::html
