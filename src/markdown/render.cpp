#include "markdown/render.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <utility>

#include "core/assert.hpp"

namespace mb::markdown {

namespace {

constexpr int kOptions = CMARK_OPT_FOOTNOTES;  // never CMARK_OPT_UNSAFE

// cmark-gfm 0.29 keeps the table of "special" inline characters in a global
// that every cmark_parser_finish() sets on entry and clears on exit for its
// extensions (~ for strikethrough, : and w for autolinks). Two threads
// finishing at once clear each other's characters and strikethrough or
// autolinks silently vanish. Block parsing and HTML rendering stay parallel;
// parser creation and the inline pass are serialized on this mutex.
std::mutex g_inline_pass;

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

cmark_parser* thread_parser() {
  thread_local std::unique_ptr<cmark_parser, ParserDeleter> parser = [] {
    std::lock_guard lock(g_inline_pass);
    cmark_parser* p = cmark_parser_new(kOptions);
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
      cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
      MB_ASSERT(ext != nullptr);
      cmark_parser_attach_syntax_extension(p, ext);
    }
    return std::unique_ptr<cmark_parser, ParserDeleter>(p);
  }();
  return parser.get();
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The text of a node; blocks (paragraphs, items, cells) are separated by a
// space so their words never run together.
std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    bool inline_container = t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE;
    if (ev == CMARK_EVENT_EXIT) {
      if (!inline_container) out += ' ';
      continue;
    }
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) out += cmark_node_get_literal(n);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) out += ' ';
  }
  cmark_iter_free(it);
  return out;
}

// The bytes of the source a node covers. cmark-gfm does not keep the position
// of every inline node: fall back to the nearest enclosing block that has one.
struct Span {
  std::size_t begin = 0, end = 0;
};

Span node_span(const SourceFile& file, int first_line, cmark_node* node) {
  for (cmark_node* n = node; n; n = cmark_node_parent(n)) {
    int line = cmark_node_get_start_line(n);
    if (line <= 0) continue;
    Span s;
    s.begin = file.offset(first_line + line - 1, cmark_node_get_start_column(n) - 1);
    // An HTML block ending at a blank line reports an end before its start:
    // then the span runs to the end of its first line.
    int end_line = cmark_node_get_end_line(n);
    if (end_line >= line) s.end = file.offset(first_line + end_line - 1, cmark_node_get_end_column(n));
    if (s.end <= s.begin) {
      int at = first_line + line - 1;
      s.end = std::max(s.begin, file.offset(at, 0) + file.line_text(at).size());
    }
    return s;
  }
  std::size_t at = file.offset(first_line, 0);
  return {at, at};
}

// The span of the block holding a node (the node itself when it is a block).
Span block_span(const SourceFile& file, int first_line, cmark_node* node) {
  cmark_node* n = node;
  while (n && (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) n = cmark_node_parent(n);
  return node_span(file, first_line, n ? n : node);
}

// Where `needle` is written: in the node, else in its block. Inline positions
// are approximate in cmark-gfm (an autolink in a list item starts a few bytes
// early), so the block is searched from the node's start, then whole. A target
// written with entities (jav&#x61;script:) is not in the source as decoded:
// then the whole node, up to the end of its first line, rather than a
// look-alike elsewhere in the file.
std::pair<std::size_t, std::size_t> locate(const SourceFile& file, Span node, Span block, std::string_view needle) {
  std::string_view text = file.text();
  for (Span s : {node, Span{node.begin, std::max(node.begin, block.end)}, block}) {
    std::size_t at = needle.empty() ? std::string::npos : text.substr(0, s.end).find(needle, s.begin);
    if (at != std::string::npos) return {at, needle.size()};
  }
  std::size_t line_end = text.substr(0, node.end).find('\n', node.begin);
  std::size_t end = line_end == std::string::npos ? node.end : line_end;
  return {node.begin, std::max<std::size_t>(end - node.begin, 1)};
}

struct Walker {
  const SourceFile& file;
  int first_line;
  const Options& options;
  Diagnostics& diags;
  std::vector<cmark_node*> doomed;  // raw HTML, removed after the walk
  std::vector<Heading> headings;
  std::vector<cmark_node*> texts;   // running text, for link_terms

  void visit(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE: raw_html(n); break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: link(n); break;
      case CMARK_NODE_HEADING: heading(n); break;
      case CMARK_NODE_TEXT:
        if (!options.link_terms.empty() && !inside(n, {CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HEADING}))
          texts.push_back(n);
        break;
      default: break;
    }
  }

  void raw_html(cmark_node* n) {
    std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
    auto [at, length] = locate(file, node_span(file, first_line, n), block_span(file, first_line, n),
                               literal.substr(0, literal.find('\n')));
    diags.add(file.at(Severity::warning, at, length, "raw HTML is not allowed in content; it was removed",
                      "use Markdown instead: **bold**, [link](https://…), | tables |"));
    doomed.push_back(n);
  }

  void link(cmark_node* n) {
    const char* raw = cmark_node_get_url(n);
    std::string url = raw ? raw : "";
    auto [at, length] = locate(file, node_span(file, first_line, n), block_span(file, first_line, n), url);
    auto fail = [&](const std::string& message, const std::string& hint) {
      diags.add(file.at(Severity::error, at, length, message, hint));
      cmark_node_set_url(n, "");
    };
    std::string scheme = url_scheme(url);
    if (!scheme.empty()) {
      if (scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel")
        fail("link target uses the '" + scheme + ":' scheme, which is not allowed",
             "link to an https:// address or to a page of the site");
      return;
    }
    if (url.empty() || url[0] == '#') return;
    if (url.rfind("//", 0) == 0) {
      fail("protocol-relative link '" + url + "'", "write the full address, starting with https://");
      return;
    }
    if (!options.resolve_link) return;
    LinkResult r = options.resolve_link(url);
    if (!r.ok) {
      fail(r.message, r.hint);
      return;
    }
    cmark_node_set_url(n, r.url.c_str());
  }

  void heading(cmark_node* n) {
    Heading h;
    h.level = cmark_node_get_heading_level(n);
    h.text = plain_text(n);
    while (!h.text.empty() && h.text.back() == ' ') h.text.pop_back();
    std::string base = options.make_id ? options.make_id(h.text) : std::string();
    if (base.empty()) base = "muc";
    h.id = base;
    for (int k = 2; taken(h.id); ++k) {
      h.id = base + "-" + std::to_string(k);
      // "fn" + "-2" would be a footnote anchor: number repeats of such a heading apart.
      if (is_footnote_anchor(h.id)) h.id = base + "-muc-" + std::to_string(k);
    }
    headings.push_back(std::move(h));
  }

  static bool inside(cmark_node* n, std::initializer_list<cmark_node_type> types) {
    for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p))
      for (cmark_node_type t : types)
        if (cmark_node_get_type(p) == t) return true;
    return false;
  }

  bool taken(const std::string& id) const {
    for (const Heading& h : headings)
      if (h.id == id) return true;
    return is_footnote_anchor(id);
  }

  // cmark-gfm names footnote anchors fn-1, fnref-1…: a heading must not take one.
  static bool is_footnote_anchor(const std::string& id) {
    for (const char* prefix : {"fn-", "fnref-"}) {
      std::string p = prefix;
      if (id.size() > p.size() && id.compare(0, p.size(), p) == 0 &&
          id.find_first_not_of("0123456789", p.size()) == std::string::npos)
        return true;
    }
    return false;
  }
};

bool is_word_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Links the first occurrence of each term in the running text, splitting
// text nodes around it. A term must stand as a word of its own: 01-KL/TW is
// not found inside 101-KL/TW.
void link_terms(const std::vector<cmark_node*>& texts, const std::vector<std::pair<std::string, std::string>>& terms) {
  std::vector<bool> done(terms.size(), false);
  for (cmark_node* node : texts) {
    for (;;) {
      std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
      std::size_t best = std::string::npos, best_term = 0;
      for (std::size_t t = 0; t < terms.size(); ++t) {
        if (done[t]) continue;
        for (std::size_t at = literal.find(terms[t].first); at != std::string::npos;
             at = literal.find(terms[t].first, at + 1)) {
          std::size_t end = at + terms[t].first.size();
          bool alone = (at == 0 || !is_word_char(literal[at - 1])) && (end == literal.size() || !is_word_char(literal[end]));
          if (!alone) continue;
          if (at < best || (at == best && terms[t].first.size() > terms[best_term].first.size())) best = at, best_term = t;
          break;
        }
      }
      if (best == std::string::npos) break;
      done[best_term] = true;
      const auto& [term, url] = terms[best_term];
      cmark_node* before = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(before, literal.substr(0, best).c_str());
      cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
      cmark_node_set_url(link, url.c_str());
      cmark_node* label = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(label, term.c_str());
      cmark_node_append_child(link, label);
      cmark_node_insert_before(node, before);
      cmark_node_insert_before(node, link);
      cmark_node_set_literal(node, literal.substr(best + term.size()).c_str());
    }
  }
}

// One pass over cmark-gfm's HTML, for what its renderer cannot be told:
// - a wide table (Phú Tiến's survey has ten columns) must scroll by itself
//   on a 360 px phone rather than widen the page: it is wrapped in a
//   focusable box, so the keyboard can scroll it too;
// - cells are aligned with the align attribute, obsolete in HTML5: classes
//   instead;
// - headings are plain <hN>: each gets its id, in document order.
// Text and attribute values never hold a raw '<' or '"' in this HTML
// (cmark-gfm escapes them), so tags are found by their first bytes.
std::string finish_html(std::string_view html, const std::vector<Heading>& headings) {
  std::string out;
  out.reserve(html.size() + html.size() / 16 + headings.size() * 24);
  std::size_t next = 0;  // the heading whose tag comes next
  std::size_t pos = 0;
  for (std::size_t at; (at = html.find('<', pos)) != std::string_view::npos;) {
    out.append(html, pos, at - pos);
    std::string_view tag = html.substr(at);
    pos = at + 1;
    if (tag.starts_with("<table>")) {
      out += "<div class=\"table-scroll\" tabindex=\"0\"><table>";
      pos = at + 7;
    } else if (tag.starts_with("</table>")) {
      out += "</table></div>";
      pos = at + 8;
    } else if (tag.size() >= 4 && tag[1] == 'h' && tag[2] >= '1' && tag[2] <= '6' && tag[3] == '>' &&
               next < headings.size() && headings[next].level == tag[2] - '0') {
      out.append(tag.substr(0, 3));
      out += " id=\"";
      out += headings[next++].id;
      out += "\">";
      pos = at + 4;
    } else if (tag.starts_with("<th ") || tag.starts_with("<td ")) {
      std::size_t end = tag.find('>');
      std::string_view open = tag.substr(0, end == std::string_view::npos ? tag.size() : end);
      bool replaced = false;
      for (const char* side : {"left", "center", "right"}) {
        std::string attr = std::string(" align=\"") + side + "\"";
        if (std::size_t a = open.find(attr); a != std::string_view::npos) {
          out.append(open.substr(0, a));
          out += " class=\"align-";
          out += side;
          out += '"';
          out.append(open.substr(a + attr.size()));
          replaced = true;
          break;
        }
      }
      if (!replaced) out.append(open);
      pos = at + open.size();
    } else {
      out += '<';
    }
  }
  out.append(html, pos, std::string_view::npos);
  MB_ASSERT(next == headings.size());
  return out;
}

}  // namespace

void initialize() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string url_scheme(std::string_view url) {
  // Browsers ignore leading spaces and control characters and tabs or newlines
  // anywhere in a scheme ("java\tscript:"); so must we.
  std::string cleaned;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    cleaned += c;
    if (c == ':' || c == '/' || c == '?' || c == '#') break;
  }
  std::size_t colon = cleaned.find(':');
  if (colon == std::string::npos || colon == 0) return {};
  for (std::size_t i = 0; i < colon; ++i) {
    char c = cleaned[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
  }
  return lower_ascii(cleaned.substr(0, colon));
}

Output render(const SourceFile& file, std::size_t body_offset, const Options& options, Diagnostics& diags) {
  initialize();
  std::string_view body = std::string_view(file.text()).substr(body_offset);
  cmark_parser* parser = thread_parser();
  cmark_parser_feed(parser, body.data(), body.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc;
  {
    std::lock_guard lock(g_inline_pass);
    doc.reset(cmark_parser_finish(parser));
  }

  Walker walker{file, file.position(body_offset).line, options, diags, {}, {}, {}};
  cmark_iter* it = cmark_iter_new(doc.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER) walker.visit(cmark_iter_get_node(it));
  cmark_iter_free(it);
  for (cmark_node* n : walker.doomed) cmark_node_free(n);
  link_terms(walker.texts, options.link_terms);

  char* html = cmark_render_html(doc.get(), kOptions, cmark_parser_get_syntax_extensions(parser));
  Output out;
  out.text = plain_text(doc.get());
  out.html = finish_html(html, walker.headings);
  out.headings = std::move(walker.headings);
  free(html);
  return out;
}

}  // namespace mb::markdown
