package io.openreplay.backend.bench.clinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of animal the clinic treats: cat, dog, ... */
@Entity
@Table(name = "pet_types")
public class PetType {

  @Id
  private Integer id;

  private String name;

  /** For JPA. */
  public PetType() {
  }

  public Integer getId() {
    return id;
  }

  public void setId(Integer id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
