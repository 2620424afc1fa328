package io.openreplay.backend.agent.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.agent.instrumentation.Instrumentations;
import io.openreplay.backend.agent.instrumentation.LibraryInstrumentation;
import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The candidate list that {@code premain} reads is the one the instrumentations declare: the build's list is
 * up to date, and reading it makes exactly the enabled libraries' types candidates.
 */
class CandidateListTest {

  @Test
  void theBuildsListIsTheInstrumentationsOwn() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CandidateList.RESOURCE)) {
      assertEquals(CandidateListWriter.text(Instrumentations.all()),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyLibraryIsListedInOrder() throws IOException {
    assertEquals(Instrumentations.all().stream().map(LibraryInstrumentation::name).toList(),
        CandidateList.inAgentJar().libraries());
  }

  @Test
  void theEnabledLibrariesTypesAreCandidatesAndNoOthers() throws IOException {
    CandidateClasses candidates = new CandidateClasses();
    List<String> enabled = CandidateList.inAgentJar().addEnabled(name -> !name.equals("jetty"), candidates);

    assertFalse(enabled.contains("jetty"));
    for (LibraryInstrumentation library : Instrumentations.all()) {
      if (!library.name().equals("jetty")) {
        for (TypeInstrumentation type : library.types()) {
          type.typeNames().forEach(name -> assertTrue(candidates.isNamed(name), name));
        }
      }
    }
    assertFalse(candidates.isNamed("org.eclipse.jetty.server.Server"));
    assertTrue(candidates.supertypes().contains("jakarta.servlet.Filter"));
  }

  @Test
  void aMentionedTextMakesAClassACandidate() throws IOException {
    CandidateClasses candidates = new CandidateClasses();
    CandidateList.read(stream("demo\tlibrary\ndemo\tmentions\tjava.lang.Runnable\tNeedle\n"))
        .addEnabled(name -> true, candidates);

    assertTrue(candidates.isCandidate("a/B", classFileWithText("Needle")));
    assertFalse(candidates.isCandidate("a/B", classFileWithText("Haystack")));
    assertEquals(List.of("java.lang.Runnable"), candidates.supertypes());
  }

  @Test
  void aMalformedListIsRefused() {
    assertThrows(IOException.class, () -> CandidateList.read(stream("demo\tnamed\n")));
    assertThrows(IOException.class, () -> CandidateList.read(stream("demo\tother\tx\n")));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The start of a class file whose constant pool holds one text. */
  private static byte[] classFileWithText(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.US_ASCII);
    byte[] file = new byte[13 + utf8.length];
    file[0] = (byte) 0xCA;
    file[1] = (byte) 0xFE;
    file[2] = (byte) 0xBA;
    file[3] = (byte) 0xBE;
    file[9] = 2;
    file[10] = 1;
    file[12] = (byte) utf8.length;
    System.arraycopy(utf8, 0, file, 13, utf8.length);
    return file;
  }
}
