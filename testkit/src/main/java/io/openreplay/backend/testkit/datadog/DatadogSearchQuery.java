package io.openreplay.backend.testkit.datadog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of Datadog's log search syntax that OpenReplay's queries use, as this project models it: clauses separated
 * by spaces, all of which must hold (Datadog's implicit {@code AND}).
 * <ul>
 *   <li>{@code status:error}, {@code service:X}, {@code host:X}, {@code source:X}: the reserved attribute equals the
 *       value (status case aside);</li>
 *   <li>{@code @path:value}: the attribute at the dotted path equals the value (case-sensitive, as Datadog's
 *       attribute search is);</li>
 *   <li>{@code key:value}, any other key: the log has the tag {@code key:value};</li>
 *   <li>anything else is a <b>free-text term</b>, searched in the message only (Datadog: "Free text searches only the
 *       log message"), case aside (Datadog's free text is case-insensitive), and only as a whole: the term's
 *       characters must appear in the message with no word character right before or after them. Word characters
 *       are letters, digits, {@code _} and {@code .}: Datadog does not list {@code .} among its special characters,
 *       so a dotted name such as {@code openReplaySession.id} is one word and must be written with its dot.
 *       {@code =} is one of Datadog's special characters, which it does not index in a message; OpenReplay sends it
 *       unescaped inside {@code openReplaySession.id=<id>}. Datadog may read that {@code =} as the literal
 *       character or as a break between the two words {@code openReplaySession.id} and {@code <id>}; this model
 *       takes the stricter reading and requires the {@code =} itself, so whatever it finds, Datadog finds under
 *       either reading. A backslash escapes the next character ({@code \=} is {@code =}); a term in double quotes
 *       is a sequence, matched the same way.</li>
 * </ul>
 * {@code *} alone, or an empty query, matches every log. {@code AND} between clauses is accepted; {@code OR},
 * {@code NOT}, {@code -} exclusions, parentheses, wildcards inside a term and numeric ranges are refused with
 * {@link IllegalArgumentException}: this model does not pretend to answer them.
 */
public final class DatadogSearchQuery {

  private final List<Clause> clauses;

  private DatadogSearchQuery(List<Clause> clauses) {
    this.clauses = clauses;
  }

  /**
   * @param query a Datadog log search query, possibly {@code null} or blank (every log)
   * @return the parsed query
   * @throws IllegalArgumentException for syntax this model does not answer
   */
  public static DatadogSearchQuery parse(String query) {
    List<Clause> clauses = new ArrayList<>();
    for (String word : words(query == null ? "" : query.trim())) {
      if (word.equals("*") || word.equals("AND")) {
        continue;
      }
      if (word.equals("OR") || word.equals("NOT") || word.startsWith("-") || word.startsWith("(")
          || word.endsWith(")")) {
        throw new IllegalArgumentException("only AND of clauses is answered here, not: " + word);
      }
      if (word.startsWith("\"")) {
        clauses.add(new Clause(Kind.TEXT, null, word.substring(1, word.length() - 1)));
        continue;
      }
      int colon = unescapedColon(word);
      if (colon > 0) {
        String key = unescape(word.substring(0, colon));
        String value = unquote(word.substring(colon + 1));
        refuseWildcard(value, word);
        clauses.add(keyed(key, value));
      } else {
        refuseWildcard(word, word);
        clauses.add(new Clause(Kind.TEXT, null, unescape(word)));
      }
    }
    return new DatadogSearchQuery(List.copyOf(clauses));
  }

  /**
   * @param log a stored log
   * @return whether the log matches every clause
   */
  public boolean matches(DatadogLog log) {
    for (Clause clause : clauses) {
      if (!clause.holds(log)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The free-text rule alone, as documented on the class.
   *
   * @param term the term, unescaped
   * @param message a log's message
   * @return whether the term occurs in the message as a whole, case aside
   */
  public static boolean occursAsWhole(String term, String message) {
    if (message == null || term.isEmpty()) {
      return false;
    }
    String text = message.toLowerCase(Locale.ROOT);
    String wanted = term.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int at = text.indexOf(wanted, from);
      if (at < 0) {
        return false;
      }
      int after = at + wanted.length();
      boolean startsWord = at == 0 || !isWordChar(text.charAt(at - 1));
      boolean endsWord = after == text.length() || !isWordChar(text.charAt(after));
      if (startsWord && endsWord) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private static Clause keyed(String key, String value) {
    switch (key) {
      case "status":
      case "service":
      case "host":
      case "source":
        return new Clause(Kind.RESERVED, key, value);
      default:
        if (key.startsWith("@")) {
          return new Clause(Kind.ATTRIBUTE, key.substring(1), value);
        }
        return new Clause(Kind.TAG, key, value);
    }
  }

  private static void refuseWildcard(String value, String word) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[' || c == '>' || c == '<') {
        throw new IllegalArgumentException("wildcards and ranges are not answered here: " + word);
      }
    }
  }

  /** Splits on spaces outside double quotes; a quoted word keeps its quotes. */
  private static List<String> words(String query) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\' && i + 1 < query.length()) {
        word.append(c).append(query.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        word.append(c);
      } else if (Character.isWhitespace(c) && !quoted) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unclosed quote in query: " + query);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static int unescapedColon(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return -1;
      } else if (c == ':') {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return unescape(value);
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        c = text.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private enum Kind { TEXT, RESERVED, ATTRIBUTE, TAG }

  private record Clause(Kind kind, String key, String value) {

    boolean holds(DatadogLog log) {
      switch (kind) {
        case TEXT:
          return occursAsWhole(value, log.message());
        case RESERVED:
          switch (key) {
            case "status":
              return value.equalsIgnoreCase(log.status());
            case "service":
              return value.equals(log.service());
            case "host":
              return value.equals(log.host());
            default:
              return value.equals(log.source());
          }
        case ATTRIBUTE:
          return value.equals(log.attributeText(key));
        default:
          return log.tags().contains(key + ":" + value);
      }
    }
  }
}
