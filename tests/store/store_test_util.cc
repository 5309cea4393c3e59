// The hand-built documents of store_test_util.h.
#include "store_test_util.h"

namespace tupu::testing {

TextSpan SpanOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return {0, static_cast<uint32_t>(text.size())};
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

EntityRecord Entity(NodeLabel label, const std::string& name, uint32_t mentions,
                    const std::string& kind) {
  EntityRecord e;
  e.label = label;
  e.name = name;
  e.mentions = mentions;
  e.kind = kind;
  return e;
}

FactRecord Fact(EdgeType type, const EntityRecord& src, const EntityRecord& dst,
                const std::string& text, const std::string& evidence, uint32_t sentence) {
  FactRecord f;
  f.type = type;
  f.src = src.key();
  f.dst = dst.key();
  f.sentence = sentence;
  f.span = SpanOf(text, evidence);
  return f;
}

namespace {

ExtractedDocument Base(const std::string& source_key, const std::string& text) {
  ExtractedDocument doc;
  doc.source_key = source_key;
  doc.origin = source_key;
  doc.text = text;
  doc.title = "区领导到城建局调研";
  doc.date = "2024-10-30";
  // Sentences end after each "。".
  size_t begin = 0;
  for (size_t at = text.find("。"); at != std::string::npos; at = text.find("。", begin)) {
    doc.sentences.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(at + 3)});
    begin = at + 3;
  }
  return doc;
}

EntityRecord DocumentEntity(const ExtractedDocument& doc) {
  EntityRecord e = Entity(NodeLabel::kDocument, doc.source_key, 1);
  SetProperty(&e.props, "title", doc.title);
  SetProperty(&e.props, "date", doc.date);
  return e;
}

}  // namespace

ExtractedDocument VisitReport(const std::string& source_key) {
  ExtractedDocument doc = Base(source_key, "东湖区区长王建国来到城建局调研。副区长刘晓红陪同。");
  EntityRecord page = DocumentEntity(doc);
  EntityRecord wang = Entity(NodeLabel::kPerson, "王建国", 1);
  wang.aliases = {"王区长"};
  EntityRecord liu = Entity(NodeLabel::kPerson, "刘晓红", 1);
  EntityRecord bureau = Entity(NodeLabel::kOrganization, "城建局", 1, "government");
  EntityRecord district = Entity(NodeLabel::kOrganization, "东湖区政府", 1, "government");
  doc.entities = {page, wang, liu, bureau, district};

  FactRecord holds = Fact(EdgeType::kHoldsPosition, wang, district, doc.text, "东湖区区长王建国", 0);
  SetProperty(&holds.props, "title", "区长");
  FactRecord visit = Fact(EdgeType::kVisited, wang, bureau, doc.text, "王建国来到城建局", 0);
  SetProperty(&visit.props, "date", "2024-10-30");
  FactRecord accompany = Fact(EdgeType::kAccompanied, liu, wang, doc.text, "副区长刘晓红陪同", 1);
  FactRecord mentioned = Fact(EdgeType::kMentionedIn, wang, page, doc.text, "王建国", 0);
  SetProperty(&mentioned.props, "count", "1");
  FactRecord co = Fact(EdgeType::kCoMentioned, wang, bureau, doc.text, "王建国来到城建局", 0);
  SetProperty(&co.props, "weight", "1");
  doc.facts = {holds, visit, accompany, mentioned, co};
  return doc;
}

ExtractedDocument ChangedVisitReport(const std::string& source_key) {
  ExtractedDocument doc =
      Base(source_key, "11月2日，东湖区区长王建国来到城建局调研。副区长陈志远陪同。");
  EntityRecord page = DocumentEntity(doc);
  EntityRecord wang = Entity(NodeLabel::kPerson, "王建国", 1);
  EntityRecord chen = Entity(NodeLabel::kPerson, "陈志远", 1);
  EntityRecord bureau = Entity(NodeLabel::kOrganization, "城建局", 1, "government");
  doc.entities = {page, wang, chen, bureau};
  FactRecord visit = Fact(EdgeType::kVisited, wang, bureau, doc.text, "王建国来到城建局", 0);
  SetProperty(&visit.props, "date", "11-02");
  FactRecord accompany = Fact(EdgeType::kAccompanied, chen, wang, doc.text, "副区长陈志远陪同", 1);
  doc.facts = {visit, accompany};
  return doc;
}

ExtractedDocument MeetingReport(const std::string& source_key) {
  ExtractedDocument doc = Base(source_key,
                               "王建国同志主持召开区政府常务会议。会议研究了城建局的工作。");
  EntityRecord page = DocumentEntity(doc);
  EntityRecord wang = Entity(NodeLabel::kPerson, "王建国", 2);
  wang.aliases = {"王建国同志"};
  EntityRecord bureau = Entity(NodeLabel::kOrganization, "城建局", 1, "government");
  EntityRecord meeting = Entity(NodeLabel::kOrganization, "区政府常务会议", 1, "meeting");
  doc.entities = {page, wang, bureau, meeting};
  doc.facts = {Fact(EdgeType::kPresided, wang, meeting, doc.text, "王建国同志主持召开区政府常务会议", 0),
               Fact(EdgeType::kMentionedIn, bureau, page, doc.text, "城建局", 1)};
  return doc;
}

}  // namespace tupu::testing
