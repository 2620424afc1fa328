package io.openreplay.backend.bench.clinic.web;

import io.openreplay.backend.bench.clinic.data.OwnerRepository;
import io.openreplay.backend.bench.clinic.data.PharmacyOrderRepository;
import io.openreplay.backend.bench.clinic.model.Owner;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Finding owners, showing one, registering and editing them. */
@Controller
public class OwnerController {

  private static final int PAGE_SIZE = 10;
  private static final String FORM = "owners/form";

  private final OwnerRepository owners;
  private final PharmacyOrderRepository orders;

  /**
   * @param owners the owners
   * @param orders the pharmacy orders, shown with their owner
   */
  public OwnerController(OwnerRepository owners, PharmacyOrderRepository orders) {
    this.owners = owners;
    this.orders = orders;
  }

  /**
   * @param lastName the start of the last name to look for; empty for every owner
   * @param page the page, from 0
   * @param model the page's model
   * @return the list of owners found
   */
  @GetMapping("/owners")
  public String list(@RequestParam(defaultValue = "") String lastName, @RequestParam(defaultValue = "0") int page,
      Model model) {
    Page<Owner> found = owners.findByLastNameStartingWithIgnoreCase(lastName.trim(),
        PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("lastName", "firstName")));
    model.addAttribute("lastName", lastName);
    model.addAttribute("owners", found);
    return "owners/list";
  }

  /**
   * @param id the owner's id
   * @param model the page's model
   * @return the owner's page: details, pets and their visits, pharmacy orders
   */
  @GetMapping("/owners/{id}")
  public String show(@PathVariable int id, Model model) {
    model.addAttribute("owner", find(id));
    model.addAttribute("orders", orders.findByPetOwnerIdOrderByPlacedOnDesc(id));
    return "owners/detail";
  }

  /**
   * @param model the form's model
   * @return the empty form
   */
  @GetMapping("/owners/new")
  public String newForm(Model model) {
    model.addAttribute("owner", new Owner());
    return FORM;
  }

  /**
   * @param owner what was entered
   * @param result what validation found
   * @return the new owner's page, or the form again with the errors
   */
  @PostMapping("/owners/new")
  public String create(@Valid Owner owner, BindingResult result) {
    if (result.hasErrors()) {
      return FORM;
    }
    owner.setId(null);
    Owner saved = owners.save(owner);
    return "redirect:/owners/" + saved.getId();
  }

  /**
   * @param id the owner's id
   * @param model the form's model
   * @return the form filled with the owner's details
   */
  @GetMapping("/owners/{id}/edit")
  public String editForm(@PathVariable int id, Model model) {
    model.addAttribute("owner", find(id));
    return FORM;
  }

  /**
   * @param id the owner's id
   * @param owner what was entered
   * @param result what validation found
   * @return the owner's page, or the form again with the errors
   */
  @PostMapping("/owners/{id}/edit")
  public String update(@PathVariable int id, @Valid Owner owner, BindingResult result) {
    if (result.hasErrors()) {
      owner.setId(id);
      return FORM;
    }
    Owner stored = find(id);
    stored.setFirstName(owner.getFirstName());
    stored.setLastName(owner.getLastName());
    stored.setAddress(owner.getAddress());
    stored.setCity(owner.getCity());
    stored.setTelephone(owner.getTelephone());
    owners.save(stored);
    return "redirect:/owners/" + id;
  }

  private Owner find(int id) {
    return owners.findById(id).orElseThrow(() -> new NotFoundException("owner " + id));
  }
}
