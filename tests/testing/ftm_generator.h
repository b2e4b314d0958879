// A generator of synthetic OpenSanctions-shaped FtM entity lines, for the
// streaming importer's tests and its scale benchmark (bench/ftm_scale.sh).
//
// The mix, by entity: 38 % Person, 14 % Company, 8 % Organization, 6 %
// LegalEntity, 14 % Sanction (on a person or organisation: about a fifth of
// the actors), 5 % Ownership, 4 % Directorship, 3 % Family, 2 % Associate,
// 6 % Address. Names: 1 to 4 values in Latin, Cyrillic, Arabic, Hangul or
// Chinese script; 1 to 5 datasets an entity; referents, first/last seen.
// Everything derives from the entity's number and the seed, so a file is the
// same every time, and which schema an entity has is known from its number
// alone (relations name ends of the right kind without a table).
//
// Thread safety: pure functions.

#ifndef EMBARGO_TESTS_TESTING_FTM_GENERATOR_H_
#define EMBARGO_TESTS_TESTING_FTM_GENERATOR_H_

#include <cstdint>
#include <ostream>
#include <string>

namespace embargo::testing_ftm {

// SchemaOf is the schema of entity `i`.
const char* SchemaOf(int64_t i, uint64_t seed);
// IdOf is the FtM id of entity `i` ("gen-<schema letter>-<i>").
std::string IdOf(int64_t i, uint64_t seed);
// EntityLine is entity `i` of a file of `n` as one JSON line (no newline).
std::string EntityLine(int64_t i, int64_t n, uint64_t seed);
// WriteEntities writes entities 0..n-1, one a line.
void WriteEntities(std::ostream& out, int64_t n, uint64_t seed);

}  // namespace embargo::testing_ftm

#endif  // EMBARGO_TESTS_TESTING_FTM_GENERATOR_H_
