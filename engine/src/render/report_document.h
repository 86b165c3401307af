// Internal: the document the printable outputs (the report, the handover pack) are written
// in, and its two writers: Markdown, and one self-contained HTML page with A4 print CSS. One
// model, so that the two formats always say the same.
#ifndef IBSA_SRC_RENDER_REPORT_DOCUMENT_H_
#define IBSA_SRC_RENDER_REPORT_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ibsa/text.h"
#include "render/case_gaps.h"
#include "render/render_common.h"

namespace ibsa::internal {

// A document: headings, paragraphs, bullet lists and tables of plain text, with links.
struct Block {
  // kPageBreak: the first page ends here (a rule in Markdown, a page break in print).
  enum Kind { kHeading, kParagraph, kList, kTable, kPageBreak } kind;
  int level = 0;                              // kHeading: 1..3
  std::string text;                           // kHeading, kParagraph
  std::vector<std::string> items;             // kList; kTable: the header row
  std::vector<std::vector<std::string>> rows; // kTable
  std::string css;                            // a class for HTML ("finding applies", ...)
};

struct Document {
  std::vector<Block> blocks;
  // The HTML page's <title> (what a browser names the tab and a saved PDF); the first block's
  // text when empty.
  std::string title;
  void Heading(int level, std::string text, std::string css = "") {
    blocks.push_back({Block::kHeading, level, std::move(text), {}, {}, std::move(css)});
  }
  void Paragraph(std::string text, std::string css = "") {
    blocks.push_back({Block::kParagraph, 0, std::move(text), {}, {}, std::move(css)});
  }
  void List(std::vector<std::string> items, std::string css = "") {
    if (!items.empty()) blocks.push_back({Block::kList, 0, "", std::move(items), {}, std::move(css)});
  }
  void Table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows, std::string css = "") {
    if (!rows.empty()) blocks.push_back({Block::kTable, 0, "", std::move(header), std::move(rows), std::move(css)});
  }
  void PageBreak() { blocks.push_back({Block::kPageBreak, 0, "", {}, {}, ""}); }
};

// The sources a report cites, numbered in the order it first cites them: a finding, an
// element or a gap cites "[3]", and the annex lists each source once, in full. The same
// source under many elements (art. 417/6 under every consent element) is written once.
class SourceIndex {
 public:
  // The sources as a reader of `language` reads their titles (an EU act's in that language).
  explicit SourceIndex(Language language) : language_(language) {}
  std::string Ref(const Source& source) {
    Entry entry{SourceTitle(source, language_), source.url};
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].title == entry.title && entries_[i].url == entry.url) return Number(i);
    }
    entries_.push_back(std::move(entry));
    return Number(entries_.size() - 1);
  }
  std::string Refs(const std::vector<Source>& sources) {
    std::string out;
    for (const auto& s : sources) out += (out.empty() ? "" : " ") + Ref(s);
    return out;
  }
  // "[1] Code pénal (Justel, ELI), art. 417/8 <https://...>", in number order. An address
  // already given is not repeated (ten articles of one code share Justel's): "[5] …, art. 133
  // (same address as [1])", `same_address` in the report's language.
  std::vector<std::string> Annex(std::string_view same_address) const {
    std::vector<std::string> out;
    for (size_t i = 0; i < entries_.size(); ++i) {
      std::string line = Number(i) + " " + entries_[i].title;
      size_t first = i;
      for (size_t j = 0; j < i && first == i; ++j) {
        if (entries_[j].url == entries_[i].url) first = j;
      }
      line += first == i ? " <" + entries_[i].url + ">" : " (" + std::string(same_address) + " " + Number(first) + ")";
      out.push_back(std::move(line));
    }
    return out;
  }

 private:
  struct Entry {
    std::string title;
    std::string url;
  };
  static std::string Number(size_t i) { return "[" + std::to_string(i + 1) + "]"; }
  Language language_;
  std::vector<Entry> entries_;
};

// Text from the case (its id and title) is marked in the document, so that each format shows
// it as text: Markdown escapes what would make it markup (raw HTML, a link, a heading), HTML
// escapes it without turning "<https://...>" into a link. The marks are control characters,
// which case text cannot hold (the case reader refuses them, E0002).
inline constexpr char kCaseTextStart = '\x0E';
inline constexpr char kCaseTextEnd = '\x0F';

inline std::string CaseText(const std::string& text) { return kCaseTextStart + text + kCaseTextEnd; }

std::string Join(const std::vector<std::string>& items, const std::string& separator = ", ");

// `d` in Markdown (a page break as a rule).
std::string DocumentMarkdown(const Document& d);
// `d` as one HTML page in `language`, its title the first block's; printed on A4 with
// `footer` and the page number on every page.
std::string DocumentHtml(const Document& d, Language language, const std::string& footer);

}  // namespace ibsa::internal

#endif  // IBSA_SRC_RENDER_REPORT_DOCUMENT_H_
