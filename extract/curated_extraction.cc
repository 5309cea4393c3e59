// Extraction with the user's curation rules around it (see curated_extraction.h).
#include "extract/curated_extraction.h"

#include <filesystem>
#include <system_error>
#include <utility>

namespace tupu {

Result<std::optional<Curation>> LoadCurationOrDefault(const std::string& path) {
  std::string file = path;
  if (file.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(kDefaultCurationFile, ec)) return std::optional<Curation>();
    file = kDefaultCurationFile;
  }
  TUPU_ASSIGN_OR_RETURN(Curation curation, LoadCuration(file));
  return std::optional<Curation>(std::move(curation));
}

Result<ExtractedDocument> ExtractCurated(const Extractor& extractor, const Curation* curation,
                                         SourceDocument* source) {
  if (curation == nullptr || curation->empty()) return extractor.Extract(*source);
  const CurationRule* region_rule = ApplySourceRegion(*curation, source);
  Result<ExtractedDocument> extracted = extractor.Extract(*source);
  if (extracted.ok()) ApplyCuration(*curation, &*extracted, region_rule);
  return extracted;
}

}  // namespace tupu
