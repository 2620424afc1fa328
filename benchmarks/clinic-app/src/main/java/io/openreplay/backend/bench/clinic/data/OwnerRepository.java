package io.openreplay.backend.bench.clinic.data;

import io.openreplay.backend.bench.clinic.model.Owner;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The clinic's owners. */
public interface OwnerRepository extends JpaRepository<Owner, Integer> {

  /**
   * Owners whose last name starts with the given text, ignoring case.
   *
   * @param lastName the start of the last name; empty for every owner
   * @param pageable which page, in which order
   * @return one page of owners
   */
  Page<Owner> findByLastNameStartingWithIgnoreCase(String lastName, Pageable pageable);
}
