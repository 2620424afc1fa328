package io.openreplay.backend.bench.clinic.web;

import io.openreplay.backend.bench.clinic.data.PetRepository;
import io.openreplay.backend.bench.clinic.data.VisitRepository;
import io.openreplay.backend.bench.clinic.model.Pet;
import io.openreplay.backend.bench.clinic.model.Visit;
import jakarta.validation.Valid;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Booking a pet's visit. */
@Controller
public class VisitController {

  private static final String FORM = "visits/form";

  private final PetRepository pets;
  private final VisitRepository visits;

  /**
   * @param pets the pets
   * @param visits the visits
   */
  public VisitController(PetRepository pets, VisitRepository visits) {
    this.pets = pets;
    this.visits = visits;
  }

  /**
   * @param ownerId the owner's id
   * @param petId the pet's id
   * @return the pet the visit is for
   */
  @ModelAttribute("pet")
  public Pet pet(@PathVariable int ownerId, @PathVariable int petId) {
    return pets.findByIdAndOwnerId(petId, ownerId)
        .orElseThrow(() -> new NotFoundException("pet " + petId + " of owner " + ownerId));
  }

  /**
   * @param model the form's model
   * @return the form, dated today
   */
  @GetMapping("/owners/{ownerId}/pets/{petId}/visits/new")
  public String newForm(Model model) {
    Visit visit = new Visit();
    visit.setVisitDate(LocalDate.now());
    model.addAttribute("visit", visit);
    return FORM;
  }

  /**
   * @param pet the pet
   * @param visit what was entered
   * @param result what validation found
   * @return the owner's page, or the form again with the errors
   */
  @PostMapping("/owners/{ownerId}/pets/{petId}/visits/new")
  public String create(@ModelAttribute("pet") Pet pet, @Valid Visit visit, BindingResult result) {
    if (result.hasErrors()) {
      return FORM;
    }
    visit.setId(null);
    pet.addVisit(visit);
    visits.save(visit);
    return "redirect:/owners/" + pet.getOwner().getId();
  }
}
