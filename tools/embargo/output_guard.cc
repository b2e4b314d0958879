// Output-over-input refusal for the commands that write files. See cli.h.

#include <sys/stat.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "tools/embargo/cli.h"

namespace embargo::cli {

absl::Status CheckOutputNotInput(const std::string& output,
                                 const std::vector<std::string>& inputs,
                                 bool force) {
  if (force) return absl::OkStatus();
  struct stat out;
  // stat follows symlinks, and a hard link shares the inode: both are
  // caught by comparing device and inode.
  if (stat(output.c_str(), &out) != 0) return absl::OkStatus();  // New file.
  for (const std::string& input : inputs) {
    struct stat in;
    if (stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return absl::FailedPreconditionError(absl::StrCat(
          output, ": the output is the same file as the input ", input,
          " (writing would destroy it); choose another output, or give "
          "--force to replace it"));
    }
  }
  return absl::OkStatus();
}

}  // namespace embargo::cli
