package io.openreplay.backend.bench.clinic.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** An owner's pet, with its visits to the clinic. */
@Entity
@Table(name = "pets")
public class Pet {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;

  @NotBlank
  @Size(max = 40)
  private String name;

  @NotNull
  @Past
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate birthDate;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY)
  private PetType type;

  @ManyToOne(fetch = FetchType.LAZY)
  private Owner owner;

  @OneToMany(mappedBy = "pet", cascade = CascadeType.ALL)
  @OrderBy("visitDate DESC")
  private List<Visit> visits = new ArrayList<>();

  /** An empty pet, for JPA and for the new-pet form. */
  public Pet() {
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

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public PetType getType() {
    return type;
  }

  public void setType(PetType type) {
    this.type = type;
  }

  public Owner getOwner() {
    return owner;
  }

  public void setOwner(Owner owner) {
    this.owner = owner;
  }

  public List<Visit> getVisits() {
    return visits;
  }

  /**
   * Records a visit of this pet.
   *
   * @param visit the new visit
   */
  public void addVisit(Visit visit) {
    visit.setPet(this);
    visits.add(visit);
  }
}
