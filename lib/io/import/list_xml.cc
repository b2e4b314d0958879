// Safe XML reading over libxml2. See list_xml.h.

#include "lib/io/import/list_xml.h"

#include <libxml/entities.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/internal/status_macros.h"
#include "lib/io/import/text_util.h"

namespace embargo::import_internal {
namespace {

// The first error libxml2 reports during one parse.
struct FirstError {
  bool seen = false;
  int line = 0;
  int column = 0;
  std::string message;
};

void CollectError(void* data, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(data);
  if (first->seen || error == nullptr) return;
  if (error->level < XML_ERR_ERROR) return;  // Warnings do not refuse a file.
  first->seen = true;
  first->line = error->line;
  first->column = error->int2;
  first->message = std::string(absl::StripAsciiWhitespace(
      error->message != nullptr ? error->message : "malformed XML"));
}

// Installs CollectError as this thread's libxml2 error hook for one scope.
class ErrorHook {
 public:
  explicit ErrorHook(FirstError* first)
      : old_handler_(xmlStructuredError), old_context_(xmlStructuredErrorContext) {
    xmlSetStructuredErrorFunc(first, CollectError);
  }
  ~ErrorHook() { xmlSetStructuredErrorFunc(old_context_, old_handler_); }
  ErrorHook(const ErrorHook&) = delete;
  ErrorHook& operator=(const ErrorHook&) = delete;

 private:
  xmlStructuredErrorFunc old_handler_;
  void* old_context_;
};

void InitOnce() {
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
}

// Line and column (1-based) of byte `offset` in `bytes`.
std::pair<int64_t, int64_t> Position(absl::string_view bytes, size_t offset) {
  int64_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// The first entity declared in the document's DTD (internal or external
// subset), or null. Parameter entities count too.
const xmlEntity* FirstDeclaredEntity(const xmlDoc* doc) {
  for (const xmlDtd* dtd : {doc->intSubset, doc->extSubset}) {
    if (dtd == nullptr) continue;
    for (const xmlNode* n = dtd->children; n != nullptr; n = n->next) {
      if (n->type == XML_ENTITY_DECL) {
        return reinterpret_cast<const xmlEntity*>(n);
      }
    }
  }
  return nullptr;
}

bool NameIs(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         (name == nullptr ||
          xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0);
}

}  // namespace

absl::StatusOr<XmlDoc> ParseXmlBytes(absl::string_view bytes,
                                     const std::string& name) {
  InitOnce();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return absl::ResourceExhaustedError(
        absl::StrCat(name, ": too large for the XML parser"));
  }
  FirstError first;
  XmlDoc doc;
  bool well_formed = false;
  {
    ErrorHook hook(&first);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == nullptr) {
      return absl::ResourceExhaustedError(
          absl::StrCat(name, ": cannot allocate an XML parser"));
    }
    // NONET: never fetch anything. No NOENT (entities stay unexpanded: no
    // XXE), no DTDLOAD, no HUGE (libxml2's size and depth limits stay on).
    // The hook above takes the errors, so nothing is printed to stderr.
    const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
    doc.reset(xmlCtxtReadMemory(ctxt, bytes.data(),
                                static_cast<int>(bytes.size()), name.c_str(),
                                nullptr, options));
    well_formed = ctxt->wellFormed != 0;
    xmlFreeParserCtxt(ctxt);
  }
  if (doc == nullptr || !well_formed || first.seen) {
    if (!first.seen) first.message = "malformed XML";
    return absl::InvalidArgumentError(absl::StrCat(
        name, ":", first.line, ":", first.column, ": ", first.message,
        "; the file is refused as a whole"));
  }
  // Entities are refused outright: an internal entity repeated many times
  // expands without bound when the text is read (a 40 KB file becomes a
  // 100 MB field), and an external one names data the importer will not
  // fetch, so dropping it would silently lose the field. The sanctions
  // lists declare none.
  if (const xmlEntity* entity = FirstDeclaredEntity(doc.get());
      entity != nullptr) {
    const size_t at = bytes.find("<!ENTITY");
    const auto [line, column] =
        Position(bytes, at == absl::string_view::npos ? 0 : at);
    const bool external =
        entity->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
        entity->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
        entity->etype == XML_EXTERNAL_PARAMETER_ENTITY;
    return absl::InvalidArgumentError(absl::StrCat(
        name, ":", line, ":", column, ": the DTD declares ",
        external ? "external" : "internal", " entity '",
        reinterpret_cast<const char*>(entity->name),
        "'; entity declarations are refused (no expansion, no fetching)",
        "; the file is refused as a whole"));
  }
  if (xmlDocGetRootElement(doc.get()) == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": no root element"));
  }
  return doc;
}

absl::StatusOr<XmlDoc> ReadXmlFile(const std::string& path, int64_t max_bytes) {
  EMBARGO_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path, max_bytes));
  return ParseXmlBytes(bytes, path);
}

std::vector<xmlNode*> Children(const xmlNode* parent, const char* name) {
  std::vector<xmlNode*> out;
  if (parent == nullptr) return out;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (NameIs(c, name)) out.push_back(c);
  }
  return out;
}

xmlNode* Child(const xmlNode* parent, const char* name) {
  if (parent == nullptr) return nullptr;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (NameIs(c, name)) return c;
  }
  return nullptr;
}

std::string Text(const xmlNode* node) {
  if (node == nullptr) return "";
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return "";
  std::string s(absl::StripAsciiWhitespace(
      reinterpret_cast<const char*>(content)));
  xmlFree(content);
  return s;
}

std::string ChildText(const xmlNode* parent, const char* name) {
  return Text(Child(parent, name));
}

int64_t Line(const xmlNode* node) {
  return node == nullptr ? 0 : xmlGetLineNo(node);
}

}  // namespace embargo::import_internal
