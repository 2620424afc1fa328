package io.openreplay.backend.testkit.cloudwatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The term form of a CloudWatch Logs filter pattern, the one {@code FilterLogEvents} gets from OpenReplay
 * ({@code openReplaySessionToken}): terms separated by spaces, all of which must occur in the message; {@code ?term}
 * terms of which at least one must occur; {@code -term} terms that must not occur; {@code "a quoted phrase"} for
 * text with spaces or symbols. A bare term matches as a whole word, case-sensitively: {@code ERROR} matches
 * {@code [ERROR]} and {@code ERROR:} but not {@code ERRORS}. An empty pattern matches every event.
 *
 * <p>JSON ({@code {...}}), space-delimited ({@code [...]}) and regular-expression ({@code %...%}) patterns are
 * refused with {@link IllegalArgumentException}: this receiver does not pretend to answer them.
 */
public final class CloudWatchFilterPattern {

  private final List<String> required;
  private final List<String> anyOf;
  private final List<String> excluded;

  private CloudWatchFilterPattern(List<String> required, List<String> anyOf, List<String> excluded) {
    this.required = required;
    this.anyOf = anyOf;
    this.excluded = excluded;
  }

  /**
   * @param pattern the filter pattern, possibly {@code null} or blank (every event)
   * @return the parsed pattern
   * @throws IllegalArgumentException for a pattern form this receiver does not answer, or an unclosed quote
   */
  public static CloudWatchFilterPattern parse(String pattern) {
    List<String> required = new ArrayList<>();
    List<String> anyOf = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    String text = pattern == null ? "" : pattern.trim();
    if (text.startsWith("{") || text.startsWith("[") || text.startsWith("%")) {
      throw new IllegalArgumentException("only term filter patterns are answered here, not: " + text);
    }
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      List<String> target = required;
      if (c == '?' || c == '-') {
        target = c == '?' ? anyOf : excluded;
        i++;
      }
      int end;
      String term;
      if (i < text.length() && text.charAt(i) == '"') {
        end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed quote in filter pattern: " + text);
        }
        term = '"' + text.substring(i + 1, end);
        end++;
      } else {
        end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        term = text.substring(i, end);
      }
      if (term.isEmpty() || term.equals("\"")) {
        throw new IllegalArgumentException("empty term in filter pattern: " + text);
      }
      target.add(term);
      i = end;
    }
    return new CloudWatchFilterPattern(List.copyOf(required), List.copyOf(anyOf), List.copyOf(excluded));
  }

  /**
   * @param message a log event's message
   * @return whether the event matches the pattern
   */
  public boolean matches(String message) {
    for (String term : required) {
      if (!occurs(term, message)) {
        return false;
      }
    }
    for (String term : excluded) {
      if (occurs(term, message)) {
        return false;
      }
    }
    if (anyOf.isEmpty()) {
      return true;
    }
    for (String term : anyOf) {
      if (occurs(term, message)) {
        return true;
      }
    }
    return false;
  }

  /** A quoted phrase (kept with its leading quote) occurs anywhere; a bare term only as a whole word. */
  private static boolean occurs(String term, String message) {
    if (term.charAt(0) == '"') {
      return message.contains(term.substring(1));
    }
    int from = 0;
    while (true) {
      int at = message.indexOf(term, from);
      if (at < 0) {
        return false;
      }
      int after = at + term.length();
      boolean startsWord = at == 0 || !isWordChar(message.charAt(at - 1));
      boolean endsWord = after == message.length() || !isWordChar(message.charAt(after));
      if (startsWord && endsWord) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
