package io.openreplay.backend.bench.clinic.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An owner, pet or order that does not exist: answered with 404 and the error page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param what what was looked for, e.g. {@code owner 17}
   */
  public NotFoundException(String what) {
    super(what + " not found");
  }
}
