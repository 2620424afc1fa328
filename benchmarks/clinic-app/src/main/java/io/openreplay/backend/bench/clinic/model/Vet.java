package io.openreplay.backend.bench.clinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A veterinarian of the clinic and their specialties. */
@Entity
@Table(name = "vets")
public class Vet {

  @Id
  private Integer id;

  private String firstName;

  private String lastName;

  @ManyToMany(fetch = FetchType.EAGER)
  @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
      inverseJoinColumns = @JoinColumn(name = "specialty_id"))
  @OrderBy("name")
  private Set<Specialty> specialties = new LinkedHashSet<>();

  /** For JPA. */
  public Vet() {
  }

  public Integer getId() {
    return id;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public Set<Specialty> getSpecialties() {
    return specialties;
  }
}
