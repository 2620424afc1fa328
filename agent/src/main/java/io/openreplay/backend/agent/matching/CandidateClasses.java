package io.openreplay.backend.agent.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The classes worth handing to Byte Buddy, told from the name and bytes the JVM passes to a class file
 * transformer, before any class is described: a class named by an instrumentation, one added while the
 * application runs ({@link #add(String)}), or one whose constant pool holds a text that an instrumentation of
 * subtypes looks for. Every other class (nearly all of them) costs a set look-up and a walk over its constant pool.
 */
public final class CandidateClasses {

  private final Set<String> internalNames = ConcurrentHashMap.newKeySet();
  private final List<String> supertypes = new CopyOnWriteArrayList<>();
  private volatile byte[][] mentions = new byte[0][];

  /**
   * Makes the subtypes of a type candidates when their class file holds a text.
   *
   * @param supertype the binary name of the supertype
   * @param mentionedText the text, ASCII only
   */
  public synchronized void addMentions(String supertype, String mentionedText) {
    List<byte[]> texts = new ArrayList<>(List.of(mentions));
    texts.add(mentionedText.getBytes(StandardCharsets.US_ASCII));
    mentions = texts.toArray(new byte[0][]);
    supertypes.add(supertype);
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
