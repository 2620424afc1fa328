package io.openreplay.backend.bench.clinic.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** A pet owner, the clinic's customer. */
@Entity
@Table(name = "owners")
public class Owner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;

  @NotBlank
  @Size(max = 40)
  private String firstName;

  @NotBlank
  @Size(max = 40)
  private String lastName;

  @NotBlank
  @Size(max = 120)
  private String address;

  @NotBlank
  @Size(max = 60)
  private String city;

  @NotBlank
  @Pattern(regexp = "\\d{10}", message = "must be 10 digits")
  private String telephone;

  @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
  @OrderBy("name")
  private List<Pet> pets = new ArrayList<>();

  /** An empty owner, for JPA and for the new-owner form. */
  public Owner() {
  }

  public Integer getId() {
    return id;
  }

  public void setId(Integer id) {
    this.id = id;
  }

  /**
   * @return first and last name
   */
  public String getFullName() {
    return firstName + " " + lastName;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public List<Pet> getPets() {
    return pets;
  }

  /**
   * Registers a pet as this owner's.
   *
   * @param pet the new pet
   */
  public void addPet(Pet pet) {
    pet.setOwner(this);
    pets.add(pet);
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getTelephone() {
    return telephone;
  }

  public void setTelephone(String telephone) {
    this.telephone = telephone;
  }
}
