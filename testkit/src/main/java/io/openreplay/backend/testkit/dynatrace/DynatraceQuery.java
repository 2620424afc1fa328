package io.openreplay.backend.testkit.dynatrace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The part of Dynatrace's log search query language that OpenReplay uses:
 * {@code (status="WARN" OR status="ERROR") AND openReplaySession.id=<id>}. A query is {@code key=value} comparisons
 * (the value quoted or bare), joined by {@code AND} (binding first) and {@code OR}, grouped by parentheses. A
 * comparison holds when the record has that exact value: {@code status}, {@code loglevel} and {@code content} compare
 * the record's own fields, any other key an attribute; a record without the attribute does not match. Anything else
 * is refused with {@link IllegalArgumentException}.
 */
public final class DynatraceQuery {

  private final String text;
  private final Predicate<DynatraceLogRecord> predicate;

  private DynatraceQuery(String text, Predicate<DynatraceLogRecord> predicate) {
    this.text = text;
    this.predicate = predicate;
  }

  /**
   * @param query the query text; blank matches every record
   * @return the parsed query
   * @throws IllegalArgumentException when the query uses anything beyond comparisons, AND, OR and parentheses
   */
  public static DynatraceQuery parse(String query) {
    if (query == null || query.isBlank()) {
      return new DynatraceQuery("", record -> true);
    }
    Parser parser = new Parser(tokens(query));
    Predicate<DynatraceLogRecord> predicate = parser.or();
    if (!parser.atEnd()) {
      throw new IllegalArgumentException("unexpected " + parser.peek() + " in query: " + query);
    }
    return new DynatraceQuery(query, predicate);
  }

  /**
   * @param record a stored record
   * @return whether the query selects it
   */
  public boolean matches(DynatraceLogRecord record) {
    return predicate.test(record);
  }

  @Override
  public String toString() {
    return text;
  }

  private static List<String> tokens(String query) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == '=') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int end = query.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed quote in query: " + query);
        }
        tokens.add(query.substring(i, end + 1));
        i = end + 1;
      } else {
        int start = i;
        while (i < query.length() && !Character.isWhitespace(query.charAt(i)) && "()=\"".indexOf(query.charAt(i)) < 0) {
          i++;
        }
        tokens.add(query.substring(start, i));
      }
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private int next;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return next == tokens.size();
    }

    String peek() {
      return atEnd() ? "end of query" : tokens.get(next);
    }

    private String take() {
      if (atEnd()) {
        throw new IllegalArgumentException("query ends too early");
      }
      return tokens.get(next++);
    }

    Predicate<DynatraceLogRecord> or() {
      Predicate<DynatraceLogRecord> left = and();
      while (!atEnd() && peek().equals("OR")) {
        next++;
        left = left.or(and());
      }
      return left;
    }

    private Predicate<DynatraceLogRecord> and() {
      Predicate<DynatraceLogRecord> left = operand();
      while (!atEnd() && peek().equals("AND")) {
        next++;
        left = left.and(operand());
      }
      return left;
    }

    private Predicate<DynatraceLogRecord> operand() {
      String token = take();
      if (token.equals("(")) {
        Predicate<DynatraceLogRecord> inner = or();
        if (!take().equals(")")) {
          throw new IllegalArgumentException("missing )");
        }
        return inner;
      }
      if (!token.matches("[A-Za-z0-9_.:@-]+") || token.equals("AND") || token.equals("OR") || token.equals("NOT")) {
        throw new IllegalArgumentException("a key is expected, not " + token);
      }
      if (!take().equals("=")) {
        throw new IllegalArgumentException("only key=value comparisons are modelled, after " + token);
      }
      String value = take();
      if (value.startsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      } else if (value.equals("(") || value.equals(")") || value.equals("=")) {
        throw new IllegalArgumentException("a value is expected after " + token + "=");
      }
      String key = token;
      String expected = value;
      return record -> expected.equals(record.field(key));
    }
  }
}
