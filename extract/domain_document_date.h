// The date of a whole document, with its year: what makes every `5月23日` in it a full date
// (`2023-05-23`) instead of a bare `05-23` that could be any year of an archive. Taken from, in
// order: the date given with the document (a saved page's publication date, a PDF's masthead, a
// .jsonl `date`) when it has a year; a dateline or masthead among the first lines of the text;
// the page's address, then the file's or folder's name (`20230530.txt`, `2023-05-30/`, a mirrored
// `t20230530_123.html`).
// Thread safety: pure functions.
#pragma once

#include <string_view>

#include "common/document.h"
#include "extract/domain_dates.h"

namespace tupu::domain {

// The fullest date known for `doc`: true with *out set when there is one (a date without a year,
// e.g. a .jsonl `date` of `05-23`, only when nothing gives a year).
bool DocumentDate(const SourceDocument& doc, DateContext* out);

// A date written in a path or web address: 20230530, 2023-05-30, 2023_05_30, 2023/0530,
// 2023/05/30, 202305/30, each not inside a longer run of digits. The last one wins (the file's
// own name is more specific than its folders). False when none.
bool DateInName(std::string_view name, DateContext* out);

// A full date (year, month and day) in a short line among the first lines of `text`: a masthead
// (`2022年5月17日 星期二`), a publication line (`发布时间：2023-05-30 09:12`) or a dateline.
// Dates deeper in the text may be about other times, so they are not the document's.
bool DatelineInText(std::string_view text, DateContext* out);

}  // namespace tupu::domain
