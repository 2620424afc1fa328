package io.openreplay.backend.bench.clinic.data;

import io.openreplay.backend.bench.clinic.model.Pet;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The pets of every owner. */
public interface PetRepository extends JpaRepository<Pet, Integer> {

  /**
   * @param id the pet's id
   * @param ownerId the id of the owner it must belong to
   * @return the pet, when it belongs to that owner
   */
  Optional<Pet> findByIdAndOwnerId(Integer id, Integer ownerId);
}
