package io.openreplay.backend.bench.clinic.web;

import io.openreplay.backend.bench.clinic.data.OwnerRepository;
import io.openreplay.backend.bench.clinic.data.PetTypeRepository;
import io.openreplay.backend.bench.clinic.model.Owner;
import io.openreplay.backend.bench.clinic.model.Pet;
import io.openreplay.backend.bench.clinic.model.PetType;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Registering an owner's new pet. */
@Controller
public class PetController {

  private static final String FORM = "pets/form";

  private final OwnerRepository owners;
  private final PetTypeRepository types;

  /**
   * @param owners the owners
   * @param types the kinds of animal to choose from
   */
  public PetController(OwnerRepository owners, PetTypeRepository types) {
    this.owners = owners;
    this.types = types;
  }

  /**
   * @return the kinds of animal, for the form's choice
   */
  @ModelAttribute("types")
  public List<PetType> types() {
    return types.findAllByOrderByName();
  }

  /**
   * @param ownerId the owner's id
   * @return the owner the pet is registered for
   */
  @ModelAttribute("owner")
  public Owner owner(@PathVariable int ownerId) {
    return owners.findById(ownerId).orElseThrow(() -> new NotFoundException("owner " + ownerId));
  }

  /**
   * @param model the form's model
   * @return the empty form
   */
  @GetMapping("/owners/{ownerId}/pets/new")
  public String newForm(Model model) {
    model.addAttribute("pet", new Pet());
    return FORM;
  }

  /**
   * @param owner the owner
   * @param pet what was entered
   * @param result what validation found
   * @return the owner's page, or the form again with the errors
   */
  @PostMapping("/owners/{ownerId}/pets/new")
  public String create(@ModelAttribute("owner") Owner owner, @Valid Pet pet, BindingResult result) {
    boolean taken = pet.getName() != null
        && owner.getPets().stream().anyMatch(existing -> existing.getName().equalsIgnoreCase(pet.getName().trim()));
    if (taken) {
      result.rejectValue("name", "duplicate", "this owner already has a pet of that name");
    }
    if (result.hasErrors()) {
      return FORM;
    }
    pet.setId(null);
    owner.addPet(pet);
    owners.save(owner);
    return "redirect:/owners/" + owner.getId();
  }
}
