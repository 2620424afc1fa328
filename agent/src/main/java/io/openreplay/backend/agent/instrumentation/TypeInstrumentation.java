package io.openreplay.backend.agent.instrumentation;

import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Some types of a library and the advice woven into their methods.
 *
 * @param requiredClass a class the defining class loader must see for these types to be considered at all (a
 *     cheap test made before the type matcher), or {@code null} for JDK types
 * @param types the types matched
 * @param shape what a matched type must also look like; a type that does not is of an unknown version and is left
 *     unchanged, with one debug line
 * @param advice the methods advised and the advice class of each
 */
public record TypeInstrumentation(
    String requiredClass,
    ElementMatcher<? super TypeDescription> types,
    ElementMatcher<? super TypeDescription> shape,
    List<Binding> advice) {

  /**
   * Types of any shape.
   *
   * @param requiredClass see {@link #requiredClass()}
   * @param types see {@link #types()}
   * @param advice see {@link #advice()}
   * @return the instrumentation
   */
  public static TypeInstrumentation of(String requiredClass, ElementMatcher<? super TypeDescription> types,
      Binding... advice) {
    return new TypeInstrumentation(requiredClass, types, ElementMatchers.any(), List.of(advice));
  }

  /**
   * The same types, left unchanged unless they also have {@code shape}.
   *
   * @param shapeRequired see {@link #shape()}
   * @return the instrumentation
   */
  public TypeInstrumentation withShape(ElementMatcher<? super TypeDescription> shapeRequired) {
    return new TypeInstrumentation(requiredClass, types, shapeRequired, advice);
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
