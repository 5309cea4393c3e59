// Short names of companies: an article names a firm in full once (仁和纺织制品有限公司) and by
// its short name elsewhere (仁和纺织), often in the list of stops. Both are one company: the short
// name becomes an alias of the full one, and every fact about it moves there, so that a visit is
// one visit and the graph has one node.
// Thread safety: a pure function of its argument.
#pragma once

#include "common/document.h"

namespace tupu::domain {

// Merges each organisation whose name is the opening of exactly one company's full name in the
// same document (the full name = the short name + a business tail ending in 公司/集团/厂) into
// that company. Facts that become the same fact are kept once.
void MergeShortCompanyNames(ExtractedDocument* doc);

}  // namespace tupu::domain
