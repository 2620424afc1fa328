package io.openreplay.backend.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's shape as a user meets it: installation first (the agent, then the library), a table of contents whose
 * links all land, one section per provider in the same form, and the facts a user has asked for.
 */
class ReadmeStructureTest {

  static final List<String> PROVIDERS = List.of("Sentry", "Rollbar", "Stackdriver (Google Cloud Logging)",
      "Elasticsearch (and OpenSearch)", "CloudWatch Logs", "Datadog", "Dynatrace");
  static final List<String> PROVIDER_PARTS =
      List.of("Dependency", "Configuration", "What to enter in OpenReplay", "Check that it worked");
  private static final Pattern ANCHOR_LINK = Pattern.compile("\\]\\(#([^)]+)\\)");

  private static Readme readme;

  @BeforeAll
  static void read() {
    readme = Readme.ofProject();
  }

  private static List<Heading> level(int level) {
    return readme.headings().stream().filter(h -> h.level() == level).collect(Collectors.toList());
  }

  private static List<String> partsOf(String section) {
    Heading start = level(2).stream().filter(h -> h.title().equals(section)).findFirst()
        .orElseThrow(() -> new AssertionError("no section " + section));
    int end = level(2).stream().mapToInt(Heading::line).filter(line -> line > start.line()).min()
        .orElse(Integer.MAX_VALUE);
    return level(3).stream().filter(h -> h.line() > start.line() && h.line() < end).map(Heading::title)
        .collect(Collectors.toList());
  }

  @Test
  void opensWithInstallationOfBothRoutesThenTheContents() {
    assertEquals("openreplay-java", level(1).get(0).title());
    assertEquals(List.of("Installation", "Contents"),
        level(2).subList(0, 2).stream().map(Heading::title).collect(Collectors.toList()));
    assertEquals(List.of("The agent", "The library", "What is published"), partsOf("Installation"));
  }

  @Test
  void everyLinkLandsAndTheContentsListEverySection() {
    Set<String> anchors = readme.headings().stream().map(Heading::anchor).collect(Collectors.toSet());
    List<String> broken = new ArrayList<>();
    Matcher link = ANCHOR_LINK.matcher(readme.text());
    while (link.find()) {
      if (!anchors.contains(link.group(1))) {
        broken.add(link.group(1));
      }
    }
    assertEquals(List.of(), broken, "links to headings that do not exist");
    Set<String> listed = new TreeSet<>();
    Matcher contents = ANCHOR_LINK.matcher(readme.sectionText("Contents"));
    while (contents.find()) {
      listed.add(contents.group(1));
    }
    Set<String> sections = level(2).stream().skip(2).map(Heading::anchor).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(sections, listed, "the contents list every section after them");
  }

  @Test
  void everyProviderSectionHasTheSameForm() {
    List<String> sections = level(2).stream().map(Heading::title).collect(Collectors.toList());
    for (String provider : PROVIDERS) {
      assertTrue(sections.contains(provider), () -> "a section " + provider);
      List<String> parts = partsOf(provider).stream().filter(PROVIDER_PARTS::contains).collect(Collectors.toList());
      assertEquals(PROVIDER_PARTS, parts, () -> provider + "'s parts, in this order");
    }
    assertEquals(PROVIDERS, sections.stream().filter(PROVIDERS::contains).collect(Collectors.toList()),
        "the providers in the contract's order, one after the other");
  }

  @Test
  void opensWithWhatEachOpenReplayVersionReadsAndByWhichKey() {
    String top = readme.text().substring(0, readme.text().indexOf("\n## Installation"));
    for (String g2 : List.of("| 1.21 and later (G2) | Sentry | numeric session id `openReplaySession.id` |",
        "| | Elasticsearch | `openReplaySession.id=<id>` |", "| | Datadog | `openReplaySession.id=<id>` |",
        "| | Dynatrace | `openReplaySession.id` |")) {
      assertTrue(top.contains(g2), g2);
    }
    for (String g1 : List.of("| up to 1.20 (G1) | Sentry | session token `openReplaySessionToken` |",
        "| | Rollbar | `openReplaySessionToken` |", "| | Stackdriver (Google Cloud Logging) | `openReplaySessionToken` |",
        "| | Elasticsearch | `openReplaySessionToken=<token>` |", "| | CloudWatch Logs | `openReplaySessionToken=<token>` |",
        "| | Datadog | `openReplaySessionToken` |")) {
      assertTrue(top.contains(g1), g1);
    }
    assertTrue(top.contains("the first time someone opens its\nreplay, and caches the answer")
        || top.contains("the first time someone opens its replay, and caches the answer"), "the timing rule");
    assertTrue(top.contains("`ignore_invalid_headers on`") && top.contains("`openReplaySession.id` header can vanish"),
        "the note on proxies and dotted header names");
  }

  @Test
  void namesWhereTheContextLivesAndHowTomcatsOwnLineReachesLogback() {
    String context = readme.sectionText("The context in your own code: `OpenReplayContext`");
    assertTrue(context.contains("`io.openreplay.backend.OpenReplayContext` (artifact `openreplay-core`"), context);
    String filter = readme.sectionText("The filter: `openreplay-filter`");
    assertTrue(filter.contains("jul-to-slf4j") && filter.contains("SLF4JBridgeHandler.install()"), filter);
    assertFalse(readme.text().contains("openreplay.agent.requests"), "the agent and the filter share no property");
  }
}
