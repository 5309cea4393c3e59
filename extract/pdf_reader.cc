// PDF pages to text with their masthead dates, through poppler-cpp (see pdf_reader.h).
#include "extract/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <cstdio>
#include <memory>
#include <mutex>

#include "extract/domain_dates.h"
#include "extract/domain_document_date.h"
#include "extract/domain_text.h"
#include "extract/pdf_layout.h"

namespace tupu::pdf {
namespace {

// The masthead sits in the first blocks of the page's reading order.
constexpr size_t kMastheadBlocks = 3;

void IgnorePopplerMessage(const std::string&, void*) {}

// poppler prints every oddity of a damaged file to stderr; our reasons are reported instead.
void QuietPoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
}

std::string Utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::vector<TextBox> PageBoxes(const poppler::page& page) {
  std::vector<TextBox> boxes;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf r = box.bbox();
    boxes.push_back({Utf8(box.text()), r.x(), r.y(), r.width(), r.height(), box.has_space_after()});
  }
  return boxes;
}

std::string FormatDate(const domain::DateContext& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// What the masthead says. Pages without one are of the same issue: they keep the last one's.
struct Masthead {
  std::string date;   // YYYY-MM-DD
  std::string paper;  // the paper's name when it is text before the date (often it is a picture)
};

// The paper's name before the masthead's date: a short run of Chinese characters.
std::string PaperName(std::u32string_view before_date) {
  size_t b = 0, e = before_date.size();
  while (b < e && domain::IsBlank(before_date[b])) ++b;
  while (e > b && domain::IsBlank(before_date[e - 1])) --e;
  const std::u32string_view name = before_date.substr(b, e - b);
  if (name.size() < 2 || name.size() > 12) return "";
  for (char32_t c : name) {
    if (!domain::IsCjk(c)) return "";
  }
  return domain::ToUtf8(name);
}

// The masthead among the first blocks: a full date followed by the day of the week
// (`青山日报 2022年5月17日 星期二`), else a dateline among the page's first lines. Updates
// *masthead and returns its block, or -1 when none of the first blocks has one.
int MastheadBlock(const std::vector<PageBlock>& blocks, Masthead* masthead) {
  for (size_t i = 0; i < blocks.size() && i < kMastheadBlocks; ++i) {
    const std::u32string text = domain::ToU32(blocks[i].text);
    for (const domain::DateMention& m : domain::FindDates(text)) {
      size_t after = m.end;
      while (after < text.size() && domain::IsBlank(text[after])) ++after;
      if (m.year && m.month && m.day && text.compare(after, 2, U"星期") == 0) {
        masthead->date = FormatDate({m.year, m.month, m.day});
        const std::string paper = PaperName(std::u32string_view(text).substr(0, m.begin));
        if (!paper.empty()) masthead->paper = paper;
        return static_cast<int>(i);
      }
    }
  }
  for (size_t i = 0; i < blocks.size() && i < kMastheadBlocks; ++i) {
    domain::DateContext d;
    if (domain::DatelineInText(blocks[i].text, &d)) {
      masthead->date = FormatDate(d);
      return static_cast<int>(i);
    }
  }
  return -1;
}

// The page's text without its masthead (page furniture, like a site's navigation; its date is
// kept as the page's date), headlines as `#` lines.
std::string PageText(const std::vector<PageBlock>& blocks, int masthead) {
  std::string text;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (static_cast<int>(i) == masthead) continue;
    if (!text.empty()) text += "\n\n";
    if (blocks[i].headline) text += "# ";
    text += blocks[i].text;
  }
  if (!text.empty()) text += '\n';
  return text;
}

Status ReadDocument(std::unique_ptr<poppler::document> doc, const PageSink& on_page,
                    PdfReadResult* result) {
  if (!doc) return Status::InvalidArgument("not a readable PDF (damaged, cut short, or not a PDF)");
  if (doc->is_locked())
    return Status::InvalidArgument("encrypted PDF: it needs a password to open");
  *result = {};
  result->pages = doc->pages();
  Masthead masthead;
  int with_text = 0;
  for (int i = 0; i < result->pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    const std::vector<PageBlock> blocks =
        page ? ReadingOrderBlocks(PageBoxes(*page)) : std::vector<PageBlock>{};
    if (blocks.empty()) {
      result->pages_without_text.push_back(i + 1);
      continue;
    }
    ++with_text;
    std::string text = PageText(blocks, MastheadBlock(blocks, &masthead));
    // A page that is only its masthead (a cover, an advertisement page) has nothing to ingest.
    if (!text.empty()) {
      on_page({i + 1, result->pages, std::move(text), masthead.date, masthead.paper});
    }
  }
  if (with_text == 0) {
    return Status::InvalidArgument(result->pages == 0
                                       ? "PDF without pages"
                                       : "no text layer in the PDF (a scan?): run OCR on it first");
  }
  return Status::OK();
}

}  // namespace

Status ReadPdfFile(const std::string& path, const PageSink& on_page, PdfReadResult* result) {
  QuietPoppler();
  return ReadDocument(std::unique_ptr<poppler::document>(poppler::document::load_from_file(path)),
                      on_page, result);
}

Status ReadPdfBytes(std::string_view bytes, const PageSink& on_page, PdfReadResult* result) {
  QuietPoppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Status::InvalidArgument("PDF too large");
  return ReadDocument(std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(
                          bytes.data(), static_cast<int>(bytes.size()))),
                      on_page, result);
}

bool LooksLikePdf(std::string_view head) { return head.substr(0, 5) == "%PDF-"; }

}  // namespace tupu::pdf
