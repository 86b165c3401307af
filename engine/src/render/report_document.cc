// The document model's writers: Markdown, and one self-contained HTML page for print.
#include <algorithm>
#include <string_view>

#include "render/report_document.h"

namespace ibsa::internal {

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

namespace {

// `text` with its marked parts passed through `literal` and the rest through `other`.
template <typename Literal, typename Other>
std::string Unmark(const std::string& text, Literal literal, Other other) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t start = text.find(kCaseTextStart, at);
    if (start == std::string::npos) break;
    const size_t end = text.find(kCaseTextEnd, start);
    out += other(text.substr(at, start - at)) +
           literal(text.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1));
    at = end == std::string::npos ? text.size() : end + 1;
  }
  return out + other(text.substr(std::min(at, text.size())));
}

// Case text in Markdown: every character that could start markup is escaped (CommonMark
// lets any ASCII punctuation be), so no HTML, link, image, emphasis or heading can form;
// "://" loses its colon's meaning so that no URL is linked.
std::string MarkdownLiteral(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool markup = std::string_view("\\`*_{}[]()<>#!|~&").find(c) != std::string_view::npos;
    const bool at_start = i == 0 && std::string_view("-+=.").find(c) != std::string_view::npos;
    const bool scheme = c == ':' && text.compare(i + 1, 2, "//") == 0;
    if (markup || at_start || scheme) out += '\\';
    out += c;
  }
  return out;
}

std::string Markdown(const std::string& text) {
  return Unmark(text, MarkdownLiteral, [](const std::string& s) { return s; });
}

std::string MarkdownCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string DocumentMarkdown(const Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    switch (b.kind) {
      case Block::kHeading: out += "\n" + std::string(static_cast<size_t>(b.level), '#') + " " + Markdown(b.text) + "\n"; break;
      case Block::kParagraph: out += "\n" + (b.css == "notice" ? "> " + Markdown(b.text) : Markdown(b.text)) + "\n"; break;
      case Block::kList:
        out += "\n";
        for (const auto& item : b.items) out += "- " + Markdown(item) + "\n";
        break;
      case Block::kPageBreak: out += "\n---\n"; break;
      case Block::kTable: {
        out += "\n|";
        for (const auto& h : b.items) out += " " + MarkdownCell(Markdown(h)) + " |";
        out += "\n|";
        for (size_t i = 0; i < b.items.size(); ++i) out += "---|";
        out += "\n";
        for (const auto& row : b.rows) {
          out += "|";
          for (const auto& cell : row) out += " " + MarkdownCell(Markdown(cell)) + " |";
          out += "\n";
        }
        break;
      }
    }
  }
  return out.substr(1);
}

namespace {

// Escapes, then turns "<https://...>" (as SourceText writes links) into links; case text
// is escaped only.
std::string HtmlLinks(const std::string& text);
std::string LinkText(const std::string& url);

std::string HtmlText(const std::string& text) { return Unmark(text, XmlEscaped, HtmlLinks); }

// A link's text: the address. A secondary source's path is marked, so that the printed
// sources annex shows its site and leaves the rest to the link (a press article's address
// ran over two lines at 8 pt); the law's own addresses (ELI, ECLI) print in full.
std::string LinkText(const std::string& url) {
  const size_t host = url.find("://");
  const size_t path = host == std::string::npos ? host : url.find('/', host + 3);
  if (OfficialAddress(url) || path == std::string::npos || path + 1 >= url.size()) return XmlEscaped(url);
  return XmlEscaped(url.substr(0, path)) + "<span class=\"path\">" + XmlEscaped(url.substr(path)) + "</span>";
}

std::string HtmlLinks(const std::string& text) {
  std::string out;
  size_t at = 0;
  while (true) {
    const size_t open = text.find("<http", at);
    const size_t close = open == std::string::npos ? open : text.find('>', open);
    if (close == std::string::npos) break;
    const std::string url = text.substr(open + 1, close - open - 1);
    out += XmlEscaped(text.substr(at, open - at)) + "<a href=\"" + XmlEscaped(url) + "\">" + LinkText(url) + "</a>";
    at = close + 1;
  }
  return out + XmlEscaped(text.substr(at));
}

constexpr const char* kStyle = R"(
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #aaa; }
h3 { font-size: 1.05em; margin: 1.2em 0 .3em; padding: .2em .4em; border-left: 4px solid #999; background: #f4f4f4; }
h3.applies { border-left-color: #1f6f3f; } h3.possible { border-left-color: #b07d10; }
p.case { font-size: 1.1em; }
p.notice { border: 1px solid #999; padding: .5em .8em; background: #fafafa; font-style: italic; }
p.provenance { font-size: .8em; color: #444; overflow-wrap: anywhere; }
hr.page-end { border: 0; border-top: 2px dashed #bbb; margin: 2em 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #eee; } a { color: #134; word-break: break-all; }
h3.plan + table td:nth-child(2) { width: 42%; } h3.plan + table td:nth-child(3) { white-space: nowrap; }
p.lead { margin: .3em 0 0; font-weight: bold; font-size: .92em; }
ul.elements { margin-top: 0; font-size: .92em; } table.facts td:nth-child(odd) { color: #333; }
@media print {
  body { font-size: 9.5pt; line-height: 1.3; margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 1.45em; margin: 0 0 .4em; } h2 { margin-top: 1em; } h3 { margin: .8em 0 .2em; }
  ul { margin: .2em 0; padding-left: 1.3em; } p { margin: .3em 0; } table { font-size: .9em; }
  h2, h3 { break-after: avoid; } tr { break-inside: avoid; } a { color: #000; }
  hr.page-end { break-after: page; border: 0; margin: 0; }
  p.lead { margin: .2em 0 0; } ul.elements li { margin: 0; }
  h2.annex ~ p, h2.annex ~ ul:not(.sources) { font-size: 8.5pt; line-height: 1.25; }
  ul.sources { font-size: 8pt; line-height: 1.2; } ul.sources li { margin: 0; } ul.sources .path { display: none; }
}
)";

// A4, and on every printed page the ibsa version, the date of the assessment and the page
// number (CSS paged media: Chromium prints @page margin boxes).
std::string PageStyle(const std::string& footer) {
  std::string quoted;
  for (char c : footer) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return "@page { size: A4; margin: 15mm 15mm 17mm;\n"
         "  @bottom-left { content: \"" + quoted + "\"; font: 8pt sans-serif; color: #444; }\n"
         "  @bottom-right { content: counter(page) \" / \" counter(pages); font: 8pt sans-serif; color: #444; } }\n";
}

}  // namespace

std::string DocumentHtml(const Document& d, Language language, const std::string& footer) {
  const std::string& named = !d.title.empty() ? d.title : d.blocks.empty() ? std::string("ibsa") : d.blocks.front().text;
  const std::string title = Unmark(named, [](const std::string& s) { return s; }, [](const std::string& s) { return s; });
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(LanguageCode(language)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    XmlEscaped(title) + "</title>\n<style>" + kStyle + PageStyle(footer) + "</style>\n</head>\n<body>\n";
  for (const auto& b : d.blocks) {
    const std::string css = b.css.empty() ? "" : " class=\"" + b.css + "\"";
    switch (b.kind) {
      case Block::kHeading: {
        const std::string tag = "h" + std::to_string(b.level);
        out += "<" + tag + css + ">" + HtmlText(b.text) + "</" + tag + ">\n";
        break;
      }
      case Block::kParagraph: out += "<p" + css + ">" + HtmlText(b.text) + "</p>\n"; break;
      case Block::kList:
        out += "<ul" + css + ">\n";
        for (const auto& item : b.items) out += "<li>" + HtmlText(item) + "</li>\n";
        out += "</ul>\n";
        break;
      case Block::kPageBreak: out += "<hr class=\"page-end\">\n"; break;
      case Block::kTable:
        out += "<table" + css + ">\n<thead><tr>";
        for (const auto& h : b.items) out += "<th scope=\"col\">" + XmlEscaped(h) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : b.rows) {
          out += "<tr>";
          for (const auto& cell : row) out += "<td>" + HtmlText(cell) + "</td>";
          out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
        break;
    }
  }
  return out + "</body>\n</html>\n";
}

}  // namespace ibsa::internal
