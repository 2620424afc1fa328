package io.openreplay.backend.bench.clinic.web;

import io.openreplay.backend.bench.clinic.data.VetRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The list of vets and what they are qualified in. */
@Controller
public class VetController {

  private final VetRepository vets;

  /**
   * @param vets the vets
   */
  public VetController(VetRepository vets) {
    this.vets = vets;
  }

  /**
   * @param model the page's model
   * @return the vets' page
   */
  @GetMapping("/vets")
  public String list(Model model) {
    model.addAttribute("vets", vets.findAllByOrderByLastNameAscFirstNameAsc());
    return "vets/list";
  }
}
