package io.openreplay.backend.readme;

import java.util.Locale;

/**
 * A heading of the README.
 *
 * @param level 1 for {@code #}, 2 for {@code ##}, ...
 * @param title the text after the hashes
 * @param line its line number, from 1
 */
public record Heading(int level, String title, int line) {

  /**
   * The anchor GitHub gives the heading (before a {@code -1} suffix for a repeated title): lower case, every
   * character but letters, digits, spaces, hyphens and underscores dropped, spaces turned into hyphens.
   *
   * @return the anchor, without {@code #}
   */
  public String anchor() {
    StringBuilder anchor = new StringBuilder();
    title.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        anchor.appendCodePoint(c);
      } else if (c == ' ') {
        anchor.append('-');
      }
    });
    return anchor.toString();
  }
}
