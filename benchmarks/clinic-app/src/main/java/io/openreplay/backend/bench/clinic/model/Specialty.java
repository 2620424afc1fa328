package io.openreplay.backend.bench.clinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a vet is qualified in: surgery, dentistry, ... */
@Entity
@Table(name = "specialties")
public class Specialty {

  @Id
  private Integer id;

  private String name;

  /** For JPA. */
  public Specialty() {
  }

  public Integer getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
