// Safe XML reading for the list importers (OFAC sdn.xml, UN consolidated
// list), over libxml2's DOM.
//
//   EMBARGO_ASSIGN_OR_RETURN(XmlDoc doc, ReadXmlFile(path, limits));
//   xmlNode* root = xmlDocGetRootElement(doc.get());
//   for (xmlNode* e : Children(root, "sdnEntry")) { ChildText(e, "uid"); }
//
// Why libxml2: it is the XML parser Debian ships and maintains (libxml2-dev),
// it reports every error with line and column, it refuses malformed input
// rather than guessing, and it can be told not to touch the network nor
// expand entities.
//
// Safety: files are read whole up to a byte limit; parsing uses
// XML_PARSE_NONET (no network), no XML_PARSE_NOENT (entities are not
// substituted, so no external entity is ever read: XXE-safe), no
// XML_PARSE_DTDLOAD, and no XML_PARSE_HUGE, so libxml2's own limits on
// nesting depth and text-node size stay on. A document whose DTD declares
// any entity, internal or external, is refused with the position of the
// declaration: reading the text would expand an internal entity without
// bound, and an external one would be silently dropped. Malformed input is refused as a
// whole with the first error's line and column: nothing is half-loaded.
//
// Thread safety: ReadXmlFile may be called from several threads at once
// (libxml2's error hook is per thread); an XmlDoc belongs to one thread.

#ifndef EMBARGO_LIB_IO_IMPORT_LIST_XML_H_
#define EMBARGO_LIB_IO_IMPORT_LIST_XML_H_

#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace embargo::import_internal {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// ReadXmlFile reads and parses a whole XML file. Errors: those of
// ReadFileBytes, and InvalidArgument "path:line:column: message" for
// malformed XML (invalid characters, bad UTF-8, unclosed elements, a
// truncated file).
absl::StatusOr<XmlDoc> ReadXmlFile(const std::string& path, int64_t max_bytes);

// ParseXmlBytes parses XML held in memory; `name` stands for the file name
// in errors.
absl::StatusOr<XmlDoc> ParseXmlBytes(absl::string_view bytes,
                                     const std::string& name);

// Children returns the element children of `parent` with local name
// `name` (any namespace), in document order; all element children when
// `name` is null.
std::vector<xmlNode*> Children(const xmlNode* parent, const char* name);

// Child is the first element child named `name`, or null.
xmlNode* Child(const xmlNode* parent, const char* name);

// Text is the node's text content, whitespace-trimmed (inner line breaks
// kept).
std::string Text(const xmlNode* node);

// ChildText is Text(Child(parent, name)), or "" when there is no such child.
std::string ChildText(const xmlNode* parent, const char* name);

// Line is the 1-based line where the node starts.
int64_t Line(const xmlNode* node);

}  // namespace embargo::import_internal

#endif  // EMBARGO_LIB_IO_IMPORT_LIST_XML_H_
