// Resolution, the last pass of extraction: what each name of a document means beyond it. A node
// is its label, its name and its scope (common/model.h); this pass gives each entity the scope in
// which its name means one thing, from the document alone, so that documents ingested apart (in
// other shards, on other days) still meet on the same node ids:
//   - a name that means one thing everywhere (安吉县委, a firm, 党中央) has none;
//   - a place, or a body led by one, that two regions share (朝阳区, 长安区委) has its region
//     ("北京市/朝阳区"), when the article's places say which; else its source;
//   - a bare body the article gives no place for (市委, 区人大常委会) belongs to its document when
//     the article's region is known (it names several places of that level), else to its source:
//     it never merges across sources;
//   - a zone's bodies (高新区管委会) and a village or community (新华村) have the article's city
//     or county;
//   - a person has the prefecture of their positions' bodies (the province for a provincial body,
//     none for a national one), else the article's prefecture, else the source; a reporter, named
//     only in a byline, has the source.
// Documents get the property "region" (a region path) and the page its "source".
// See docs/resolution.md for what this does and does not resolve.
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/document.h"
#include "extract/domain_gazetteer.h"

namespace tupu::domain {

struct ResolutionContext {
  std::string page_doc;                          // the page's Document entity name
  std::vector<std::string> article_docs;         // each article's Document entity name
  std::vector<const Division*> article_regions;  // each article's region, nullptr: unknown
  // "source:<name>" (a paper, a site, a folder) or "document:<key>": the scope of names whose
  // place the document does not give.
  std::string unknown_place_scope;
};

// The scope of names a document leaves without a place: its source when it has one (the paper
// or site the archive names, the host of its address, the folder of its file), else itself.
std::string UnknownPlaceScope(const SourceDocument& doc, std::string_view url);

// Gives every entity of `doc`, and both ends of every fact, its scope; sets the Document nodes'
// region and source properties.
void ResolveIdentities(const ResolutionContext& ctx, ExtractedDocument* doc);

}  // namespace tupu::domain
