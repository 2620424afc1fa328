package io.openreplay.backend.bench.clinic.data;

import io.openreplay.backend.bench.clinic.model.Vet;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The clinic's vets. */
public interface VetRepository extends JpaRepository<Vet, Integer> {

  /**
   * @return every vet, by last and first name
   */
  List<Vet> findAllByOrderByLastNameAscFirstNameAsc();
}
