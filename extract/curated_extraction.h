// Extraction with the user's curation rules around it (docs/curation.md): the rules `tupu ingest`
// stores documents by, which `tupu extract` applies too so that what it prints is what ingest
// would store. `source-region` goes before the domain rules (it places the document), `same-as`,
// `not-same-as` and `alias` after them (they act on the scoped names).
// Thread safety: ExtractCurated may run on many threads with one Extractor and one Curation.
#pragma once

#include <optional>
#include <string>

#include "common/document.h"
#include "common/result.h"
#include "extract/curation.h"
#include "extract/extractor.h"

namespace tupu {

// The curation file named by --curation (`path`; it must exist: NotFound names it), else the
// working folder's tupu-curation.txt when there is one (like the default database, it lives where
// tupu runs); nothing when neither.
Result<std::optional<Curation>> LoadCurationOrDefault(const std::string& path);

// Extracts `source` (its region set first by a `source-region` rule) and applies the other rules.
// `curation` may be null: the extraction alone.
Result<ExtractedDocument> ExtractCurated(const Extractor& extractor, const Curation* curation,
                                         SourceDocument* source);

}  // namespace tupu
