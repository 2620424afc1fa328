package io.openreplay.backend.bench.clinic.data;

import io.openreplay.backend.bench.clinic.model.PharmacyOrder;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** The pharmacy's orders. */
public interface PharmacyOrderRepository extends JpaRepository<PharmacyOrder, Integer> {

  /**
   * @param id the order's id
   * @return the order with its pet and the pet's owner
   */
  @EntityGraph(attributePaths = {"pet", "pet.owner"})
  Optional<PharmacyOrder> findWithPetById(Integer id);

  /**
   * @param ownerId an owner's id
   * @return the orders for that owner's pets, latest first
   */
  @EntityGraph(attributePaths = {"pet"})
  List<PharmacyOrder> findByPetOwnerIdOrderByPlacedOnDesc(Integer ownerId);
}
