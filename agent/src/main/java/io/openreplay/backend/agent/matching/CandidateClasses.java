package io.openreplay.backend.agent.matching;

import io.openreplay.backend.agent.instrumentation.TypeInstrumentation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes worth handing to Byte Buddy, told from the name and bytes the JVM passes to a class file
 * transformer, before any class is described: a class named by an instrumentation, one added while the
 * application runs ({@link #add(String)}), or one whose constant pool holds a text that an instrumentation of
 * subtypes looks for. Every other class (nearly all of them) costs a set look-up and a walk over its constant pool.
 */
public final class CandidateClasses {

  private final Set<String> internalNames = ConcurrentHashMap.newKeySet();
  private final List<String> supertypes = new ArrayList<>();
  private volatile byte[][] mentions = new byte[0][];

  /**
   * Makes the types of {@code type} candidates.
   *
   * @param type an enabled instrumentation
   */
  public void addAll(TypeInstrumentation type) {
    type.typeNames().forEach(this::add);
    if (type.mentions() != null) {
      List<byte[]> texts = new ArrayList<>(List.of(mentions));
      texts.add(type.mentions().getBytes(StandardCharsets.US_ASCII));
      mentions = texts.toArray(new byte[0][]);
      supertypes.add(type.supertype());
    }
  }

  /**
   * Makes one more class a candidate.
   *
   * @param binaryName the class's binary name, for instance {@code com.example.Worker}
   */
  public void add(String binaryName) {
    internalNames.add(binaryName.replace('.', '/'));
  }

  /**
   * @param binaryName a class's binary name
   * @return whether the class is a candidate by its name
   */
  public boolean isNamed(String binaryName) {
    return internalNames.contains(binaryName.replace('.', '/'));
  }

  /**
   * @return the binary names of the supertypes whose subtypes are instrumented
   */
  public List<String> supertypes() {
    return List.copyOf(supertypes);
  }

  /**
   * @param internalName the class's name as the JVM gives it ({@code a/b/C}), {@code null} for hidden classes
   * @param classFile the class file
   * @return whether Byte Buddy should look at the class
   */
  public boolean isCandidate(String internalName, byte[] classFile) {
    if (internalName == null) {
      return false;
    }
    return internalNames.contains(internalName) || ConstantPoolText.containsAny(classFile, mentions);
  }
}
