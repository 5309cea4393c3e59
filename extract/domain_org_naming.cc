// Organisation naming (see domain_org_naming.h).
#include "extract/domain_org_naming.h"

#include <algorithm>
#include <unordered_set>

#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

// Region words that name no particular territory (全区, 辖区, 中高风险地区, ...).
bool IsVagueRegion(std::u32string_view r) {
  static const std::unordered_set<std::u32string> kVague = {
      U"全区", U"全市", U"全省", U"全县", U"本区", U"本市", U"该区", U"该市", U"辖区", U"城区",
      U"市区", U"地区", U"山区", U"景区", U"灾区", U"疫区", U"区外", U"区内", U"各区", U"城市",
      U"都市", U"上市", U"入市", U"出市", U"门市", U"新区", U"园区", U"小区", U"社区", U"片区",
      U"全镇", U"全乡", U"乡镇", U"城镇", U"村镇", U"各省", U"外省", U"本省", U"全村", U"各村"};
  if (kVague.count(std::u32string(r))) return true;
  static const std::u32string kVagueEnds[] = {U"风险区", U"风险地区", U"管控区", U"封控区",
                                              U"防范区", U"地区", U"辖区", U"城区", U"市区"};
  for (const auto& v : kVagueEnds) {
    if (r.size() >= v.size() && r.substr(r.size() - v.size()) == v) return true;
  }
  return false;
}

void AddAlias(NamedOrg* org, const std::u32string& alias) {
  std::string a = ToUtf8(alias);
  if (a.empty() || a == org->name) return;
  if (std::find(org->aliases.begin(), org->aliases.end(), a) == org->aliases.end())
    org->aliases.push_back(a);
}

}  // namespace

std::vector<NamedOrg> NameOrganizations(std::u32string_view phrase, OrgContext* ctx) {
  std::vector<NamedOrg> out;
  std::vector<OrgUnit> units = SplitOrgUnits(phrase);
  std::u32string prefix;        // regions seen so far
  std::u32string short_prefix;  // the regions as written (郑州高新区), for aliases
  std::u32string prev_name;     // canonical of the previous non-region unit
  int prev_index = -1;
  bool stem_set = false;
  for (size_t u = 0; u < units.size(); ++u) {
    const OrgUnit& unit = units[u];
    std::u32string text(phrase.substr(unit.begin, unit.end - unit.begin));
    const bool last = u + 1 == units.size();
    if (unit.kind == UnitKind::kRegion) {
      if (unit.generic) {
        // A bare 区/市 before a body means "our" region when the article named one.
        if (text == U"区" && !ctx->region.empty()) text = ctx->region;
      } else if (IsVagueRegion(text)) {
        prefix.clear();
        short_prefix.clear();
        continue;
      }
      if (!last) {
        // Canonical names use the zone without its city (郑州高新区 -> 高新区) so that both
        // spellings meet in one node; the city-qualified form becomes an alias.
        std::u32string stripped = StripCityPrefix(text);
        prefix += stripped.empty() ? text : stripped;
        short_prefix += text;
        if (text.size() >= 3 && unit.generic == false) ctx->region = text.size() > 3 && !stripped.empty() ? stripped : text;
        if (!stem_set) {
          ctx->chain_stem = prefix;
          stem_set = true;
        }
        continue;
      }
      if (text.size() < 2) continue;
      NamedOrg org;
      org.name = ToUtf8(prefix + text);
      if (!prefix.empty()) AddAlias(&org, text);
      org.kind = UnitKind::kRegion;
      org.parent = prev_index;
      org.begin = unit.begin;
      org.end = unit.end;
      out.push_back(org);
      if (!stem_set) {
        ctx->chain_stem = prefix + text;
        stem_set = true;
      }
      continue;
    }
    NamedOrg org;
    org.kind = unit.kind;
    org.begin = unit.begin;
    org.end = unit.end;
    org.parent = prev_index;
    if (unit.generic) {
      std::u32string qualifier = !prev_name.empty() ? prev_name : !prefix.empty() ? prefix : ctx->chain_stem;
      if (qualifier.empty()) {
        // 党工委 with nothing to say whose: not a name anyone can look up.
        continue;
      }
      org.name = ToUtf8(qualifier + text);
      if (prev_name.empty() && !short_prefix.empty() && short_prefix != prefix)
        AddAlias(&org, short_prefix + text);
      if (prev_name.empty() && prefix.empty() && !ctx->chain_stem.empty()) {
        std::u32string stripped = StripCityPrefix(ctx->chain_stem);
        if (!stripped.empty()) AddAlias(&org, stripped + text);
      }
    } else {
      // The unit's own stem (text without its suffix) must say something.
      UnitKind k;
      bool g;
      const size_t suffix = OrgSuffixEndingAt(text, text.size(), &k, &g);
      if (text.size() - suffix < 2 && unit.kind != UnitKind::kCompany) continue;
      if (text.size() - suffix < 2 && unit.kind == UnitKind::kCompany && prefix.empty()) continue;
      if (g && !stem_set) {
        ctx->chain_stem = prefix + text.substr(0, text.size() - suffix);
        stem_set = true;
      }
      const bool place_like = unit.kind == UnitKind::kPlace;
      if (place_like || prefix.empty()) {
        org.name = ToUtf8(text);
        if (!prefix.empty()) AddAlias(&org, prefix + text);
        if (!short_prefix.empty() && short_prefix != prefix) AddAlias(&org, short_prefix + text);
      } else {
        org.name = ToUtf8(prefix + text);
        AddAlias(&org, text);
        if (short_prefix != prefix) AddAlias(&org, short_prefix + text);
      }
    }
    if (!stem_set && !prefix.empty()) {
      ctx->chain_stem = prefix;
      stem_set = true;
    }
    prev_name = ToU32(org.name);
    prev_index = static_cast<int>(out.size());
    out.push_back(org);
    prefix.clear();
    short_prefix.clear();
  }
  return out;
}

}  // namespace tupu::domain
