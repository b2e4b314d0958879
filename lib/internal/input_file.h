// CheckInputFile: the one test every reader applies to a path before it
// opens it, so a directory, device, pipe or socket is refused with a clear
// message (instead of being measured as "a file of 2^63-1 bytes", or read
// without end as /dev/zero would be).
//
//   EMBARGO_RETURN_IF_ERROR(internal::CheckInputFile(path));

#ifndef EMBARGO_LIB_INTERNAL_INPUT_FILE_H_
#define EMBARGO_LIB_INTERNAL_INPUT_FILE_H_

#include <string>

#include "absl/status/status.h"

namespace embargo::internal {

// CheckInputFile follows symlinks and returns OK for a regular file;
// NotFound / PermissionDenied when it cannot be examined; InvalidArgument
// "PATH: is a directory, not a file" or "PATH: is a device, pipe or socket,
// not a regular file" otherwise.
absl::Status CheckInputFile(const std::string& path);

}  // namespace embargo::internal

#endif  // EMBARGO_LIB_INTERNAL_INPUT_FILE_H_
