/** Spring Data JPA repositories of the clinic's data. */
package io.openreplay.backend.bench.clinic.data;
