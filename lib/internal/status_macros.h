// Small status helpers: the Abseil release in Debian 12 has no
// ASSIGN_OR_RETURN.

#ifndef EMBARGO_INTERNAL_STATUS_MACROS_H_
#define EMBARGO_INTERNAL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define EMBARGO_CONCAT_INNER_(a, b) a##b
#define EMBARGO_CONCAT_(a, b) EMBARGO_CONCAT_INNER_(a, b)

// EMBARGO_RETURN_IF_ERROR(expr) returns the status of `expr` if not OK.
#define EMBARGO_RETURN_IF_ERROR(expr)               \
  do {                                              \
    ::absl::Status embargo_status_ = (expr);        \
    if (!embargo_status_.ok()) return embargo_status_; \
  } while (0)

// EMBARGO_ASSIGN_OR_RETURN(lhs, expr) evaluates the StatusOr `expr`; on
// error returns its status, otherwise assigns (or declares) `lhs`.
#define EMBARGO_ASSIGN_OR_RETURN(lhs, expr)                               \
  EMBARGO_ASSIGN_OR_RETURN_IMPL_(EMBARGO_CONCAT_(embargo_or_, __LINE__), \
                                 lhs, expr)
#define EMBARGO_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return std::move(tmp).status();       \
  lhs = std::move(tmp).value()

#endif  // EMBARGO_INTERNAL_STATUS_MACROS_H_
