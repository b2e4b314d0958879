// The date of a record that validation has passed.

#ifndef EMBARGO_LIB_MODEL_RECORD_DATE_H_
#define EMBARGO_LIB_MODEL_RECORD_DATE_H_

#include "embargo/date.h"
#include "embargo/v1/records.pb.h"

namespace embargo::internal {

// RecordDate is a record's Date as a PartialDate. Records were validated
// when they were read or built, so an invalid date (not possible after
// validation) counts as unknown rather than as an error.
PartialDate RecordDate(const v1::Date& date);

}  // namespace embargo::internal

#endif  // EMBARGO_LIB_MODEL_RECORD_DATE_H_
