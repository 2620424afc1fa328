package io.openreplay.backend.bench.clinic.data;

import io.openreplay.backend.bench.clinic.model.Visit;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** The visits of every pet. */
public interface VisitRepository extends JpaRepository<Visit, Integer> {

  /**
   * @return the ten latest visits, with their pets and owners
   */
  @EntityGraph(attributePaths = {"pet", "pet.owner", "pet.type"})
  List<Visit> findTop10ByOrderByVisitDateDescIdDesc();
}
