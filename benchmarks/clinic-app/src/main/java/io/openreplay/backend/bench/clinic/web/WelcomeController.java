package io.openreplay.backend.bench.clinic.web;

import io.openreplay.backend.bench.clinic.data.OwnerRepository;
import io.openreplay.backend.bench.clinic.data.PetRepository;
import io.openreplay.backend.bench.clinic.data.VetRepository;
import io.openreplay.backend.bench.clinic.data.VisitRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the clinic in figures and its latest visits. */
@Controller
public class WelcomeController {

  private final OwnerRepository owners;
  private final PetRepository pets;
  private final VisitRepository visits;
  private final VetRepository vets;

  /**
   * @param owners the owners
   * @param pets the pets
   * @param visits the visits
   * @param vets the vets
   */
  public WelcomeController(OwnerRepository owners, PetRepository pets, VisitRepository visits, VetRepository vets) {
    this.owners = owners;
    this.pets = pets;
    this.visits = visits;
    this.vets = vets;
  }

  /**
   * @param model the page's model
   * @return the home page
   */
  @GetMapping("/")
  public String welcome(Model model) {
    model.addAttribute("ownerCount", owners.count());
    model.addAttribute("petCount", pets.count());
    model.addAttribute("visitCount", visits.count());
    model.addAttribute("vetCount", vets.count());
    model.addAttribute("latestVisits", visits.findTop10ByOrderByVisitDateDescIdDesc());
    return "welcome";
  }
}
