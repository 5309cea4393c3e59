// Hand-built ExtractedDocuments of invented Chinese government news for the store tests: what the
// domain layer would make of a short visit report, with real byte spans into the text.
// Thread safety: plain functions returning values.
#pragma once

#include <string>

#include "common/document.h"
#include "common/result.h"
#include "test_util.h"

namespace tupu::testing {

// [begin, end) of the first `needle` in `text` (the whole text when absent, which tests notice).
TextSpan SpanOf(const std::string& text, const std::string& needle);

// "东湖区区长王建国来到城建局调研。副区长刘晓红陪同。" as source `source_key`: a Document node,
// 王建国 (alias 王区长), 刘晓红, 城建局, 东湖区政府; HOLDS_POSITION, VISITED, ACCOMPANIED,
// MENTIONED_IN and CO_MENTIONED facts.
ExtractedDocument VisitReport(const std::string& source_key);

// The same source, changed: 陈志远 accompanies instead of 刘晓红, and the visit is on 11月2日.
ExtractedDocument ChangedVisitReport(const std::string& source_key);

// Another article that mentions 王建国 (with a new alias 王建国同志) at a meeting he presides.
ExtractedDocument MeetingReport(const std::string& source_key);

// Builders used by the above, for tests that need their own documents.
EntityRecord Entity(NodeLabel label, const std::string& name, uint32_t mentions,
                    const std::string& kind = "");
FactRecord Fact(EdgeType type, const EntityRecord& src, const EntityRecord& dst,
                const std::string& text, const std::string& evidence, uint32_t sentence);

}  // namespace tupu::testing
