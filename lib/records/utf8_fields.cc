// See utf8_fields.h.

#include "lib/records/utf8_fields.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "lib/internal/status_macros.h"
#include "lib/text/utf8.h"

namespace embargo::io_internal {

// Checks every string field of `m` (recursively) against the one UTF-8
// rule; `where` names the record, `field` the path to `m`.
absl::Status CheckStringsUtf8(const google::protobuf::Message& m,
                              const std::string& where,
                              const std::string& field) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* r = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const FieldDescriptor* f : fields) {
    const std::string name =
        field.empty() ? f->name() : absl::StrCat(field, ".", f->name());
    if (f->type() == FieldDescriptor::TYPE_STRING) {
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(m, f); ++i) {
          EMBARGO_RETURN_IF_ERROR(text::CheckUtf8(
              r->GetRepeatedString(m, f, i), where,
              absl::StrCat("field ", name, "[", i, "]")));
        }
      } else {
        EMBARGO_RETURN_IF_ERROR(text::CheckUtf8(
            r->GetString(m, f), where, absl::StrCat("field ", name)));
      }
    } else if (f->type() == FieldDescriptor::TYPE_MESSAGE) {
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(m, f); ++i) {
          EMBARGO_RETURN_IF_ERROR(CheckStringsUtf8(
              r->GetRepeatedMessage(m, f, i), where,
              absl::StrCat(name, "[", i, "]")));
        }
      } else {
        EMBARGO_RETURN_IF_ERROR(
            CheckStringsUtf8(r->GetMessage(m, f), where, name));
      }
    }
  }
  return absl::OkStatus();
}

// Refuses a dataset whose text is not UTF-8, naming the file, the record
// (its list, index and id) and the field. The text and JSON parsers accept
// escapes such as "\xff" in strings, which every later writer and the
// Python bindings would then trip over.
absl::Status CheckDatasetUtf8(const v1::Dataset& ds, const std::string& path) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* r = ds.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r->ListFields(ds, &fields);
  for (const FieldDescriptor* f : fields) {
    if (f->type() == FieldDescriptor::TYPE_STRING && !f->is_repeated()) {
      EMBARGO_RETURN_IF_ERROR(text::CheckUtf8(
          r->GetString(ds, f), path, absl::StrCat("field ", f->name())));
    } else if (f->type() == FieldDescriptor::TYPE_MESSAGE && f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(ds, f); ++i) {
        const google::protobuf::Message& rec = r->GetRepeatedMessage(ds, f, i);
        std::string where = absl::StrCat(path, ": ", f->name(), "[", i, "]");
        const FieldDescriptor* id = rec.GetDescriptor()->FindFieldByName("id");
        if (id != nullptr && id->type() == FieldDescriptor::TYPE_STRING &&
            !id->is_repeated()) {
          const std::string& v = rec.GetReflection()->GetString(rec, id);
          if (text::IsValidUtf8(v)) absl::StrAppend(&where, " (id ", v, ")");
        }
        EMBARGO_RETURN_IF_ERROR(CheckStringsUtf8(rec, where, ""));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace embargo::io_internal
