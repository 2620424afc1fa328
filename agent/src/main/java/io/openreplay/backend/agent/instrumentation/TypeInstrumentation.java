package io.openreplay.backend.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Some types of a library and the advice woven into their methods.
 *
 * <p>A class being loaded is first tested without describing it, which is what keeps the agent's start-up cost
 * low: either its name is one of {@link #typeNames()}, or its class file contains the text {@link #mentions()}
 * (a method descriptor or an interface name that every such type declares). Only a class that passes is described
 * and matched against {@link #types()}.
 *
 * @param typeNames the binary names of the types matched by name; empty for types matched through their hierarchy
 * @param mentions for types matched through their hierarchy, a text their class file contains; else {@code null}
 * @param supertype for types matched through their hierarchy, the binary name of the supertype they have; else
 *     {@code null}
 * @param types the types matched
 * @param shape what a matched type must also look like; a type that does not is of an unknown version and is left
 *     unchanged, with one debug line
 * @param advice the methods advised and the advice class of each
 */
public record TypeInstrumentation(
    List<String> typeNames,
    String mentions,
    String supertype,
    ElementMatcher<? super TypeDescription> types,
    ElementMatcher<? super TypeDescription> shape,
    List<Binding> advice) {

  /**
   * Types matched by their names.
   *
   * @param typeNames the binary names, for instance {@code org.apache.catalina.connector.CoyoteAdapter}
   * @param advice the methods advised and their advice
   * @return the instrumentation
   */
  public static TypeInstrumentation named(List<String> typeNames, Binding... advice) {
    return new TypeInstrumentation(List.copyOf(typeNames), null, null, namedOneOf(typeNames.toArray(new String[0])),
        ElementMatchers.any(), List.of(advice));
  }

  /**
   * One type matched by its name.
   *
   * @param typeName the binary name
   * @param advice the methods advised and their advice
   * @return the instrumentation
   */
  public static TypeInstrumentation named(String typeName, Binding... advice) {
    return named(List.of(typeName), advice);
  }

  /**
   * The classes (not interfaces) that have {@code supertype}, declare an advised method and whose class file
   * contains {@code mentions}.
   *
   * @param supertype the binary name of the supertype, for instance {@code jakarta.servlet.Filter}
   * @param mentions a text that the class file of every type worth advising contains, such as the descriptor of
   *     the advised method: classes without it are never described
   * @param advice the methods advised and their advice
   * @return the instrumentation
   */
  public static TypeInstrumentation subtypes(String supertype, String mentions, Binding... advice) {
    ElementMatcher.Junction<MethodDescription> advised = ElementMatchers.none();
    for (Binding binding : advice) {
      advised = advised.or(binding.methods());
    }
    return new TypeInstrumentation(List.of(), mentions, supertype,
        not(isInterface()).and(declaresMethod(advised)).and(hasSuperType(ElementMatchers.named(supertype))),
        ElementMatchers.any(), List.of(advice));
  }

  /**
   * The same types, left unchanged unless they also have {@code shapeRequired}.
   *
   * @param shapeRequired see {@link #shape()}
   * @return the instrumentation
   */
  public TypeInstrumentation withShape(ElementMatcher<? super TypeDescription> shapeRequired) {
    return new TypeInstrumentation(typeNames, mentions, supertype, types, shapeRequired, advice);
  }

  /**
   * The same advice on types chosen by another matcher, for types that are only known once the application runs
   * (see {@code ThreadInstrumentation}): no class is a candidate until it is added to the agent's candidates.
   *
   * @param matcher the types matched
   * @param advice the methods advised and their advice
   * @return the instrumentation
   */
  public static TypeInstrumentation added(ElementMatcher<? super TypeDescription> matcher, Binding... advice) {
    return new TypeInstrumentation(List.of(), null, null, matcher, ElementMatchers.any(), List.of(advice));
  }

  /**
   * Methods and the advice woven into them.
   *
   * @param methods the methods advised
   * @param adviceClass the fully qualified name of the advice class, read as a class file from the agent jar
   */
  public record Binding(ElementMatcher<? super MethodDescription> methods, String adviceClass) {

    /**
     * @param methods the methods advised
     * @param adviceClass the fully qualified name of the advice class; the class is never loaded, so that its
     *     references to the library's types are resolved only where its code is inlined
     * @return the binding
     */
    public static Binding of(ElementMatcher<? super MethodDescription> methods, String adviceClass) {
      return new Binding(methods, adviceClass);
    }
  }
}
