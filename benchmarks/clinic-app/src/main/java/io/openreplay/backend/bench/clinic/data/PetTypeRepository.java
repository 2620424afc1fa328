package io.openreplay.backend.bench.clinic.data;

import io.openreplay.backend.bench.clinic.model.PetType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The kinds of animal the clinic treats. */
public interface PetTypeRepository extends JpaRepository<PetType, Integer> {

  /**
   * @return every kind, by name
   */
  List<PetType> findAllByOrderByName();
}
