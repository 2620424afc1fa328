package io.openreplay.backend.readme.maven;

import io.openreplay.backend.readme.CodeBlock;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A README code block that a user pastes into a pom: {@code <dependency>} elements, or a
 * {@code <dependencyManagement>} import followed by {@code <dependencies>}.
 *
 * @param block the code block, as written
 * @param dependencies the {@code <dependency>} elements outside {@code <dependencyManagement>}, in order
 * @param imports the BOMs the block imports in {@code <dependencyManagement>}
 * @param wrapped whether the block is bare {@code <dependency>} elements, which go inside a pom's
 *     {@code <dependencies>}; otherwise it is whole {@code <dependencyManagement>} and {@code <dependencies>} elements
 */
public record DependencyBlock(CodeBlock block, List<Coordinates> dependencies, List<Coordinates> imports,
                              boolean wrapped) {

  private static final Set<String> BLOCK_ELEMENTS = Set.of("dependency", "dependencies", "dependencyManagement");

  /**
   * @param block a README code block
   * @return the block as a dependency block, when it is one: XML whose first element is {@code <dependency>},
   *     {@code <dependencies>} or {@code <dependencyManagement>}
   */
  public static Optional<DependencyBlock> of(CodeBlock block) {
    if (!block.language().equals("xml")) {
      return Optional.empty();
    }
    Element root = parse(block);
    List<Element> top = children(root);
    if (top.isEmpty() || !BLOCK_ELEMENTS.contains(top.get(0).getTagName())) {
      return Optional.empty();
    }
    List<Coordinates> dependencies = new ArrayList<>();
    List<Coordinates> imports = new ArrayList<>();
    boolean bare = top.stream().allMatch(element -> element.getTagName().equals("dependency"));
    for (Element element : top) {
      switch (element.getTagName()) {
        case "dependency":
          dependencies.add(coordinates(element));
          break;
        case "dependencies":
          children(element).forEach(dependency -> dependencies.add(coordinates(dependency)));
          break;
        case "dependencyManagement":
          for (Element managed : children(element)) {
            children(managed).stream().map(DependencyBlock::coordinates).filter(Coordinates::isImport)
                .forEach(imports::add);
          }
          break;
        default:
          throw new AssertionError(block.where() + ": <" + element.getTagName() + "> does not belong in a dependency"
              + " block (only <dependency>, or <dependencyManagement> and <dependencies>)");
      }
    }
    return Optional.of(new DependencyBlock(block, List.copyOf(dependencies), List.copyOf(imports), bare));
  }

  /**
   * @return the pom text of the block: as written, inside {@code <dependencies>} when it is bare elements
   */
  public String pomText() {
    return wrapped ? "<dependencies>\n" + block.text() + "</dependencies>\n" : block.text();
  }

  private static Coordinates coordinates(Element dependency) {
    return new Coordinates(text(dependency, "groupId"), text(dependency, "artifactId"), text(dependency, "version"),
        text(dependency, "type").isEmpty() ? "jar" : text(dependency, "type"), text(dependency, "scope"));
  }

  private static String text(Element parent, String name) {
    return children(parent).stream().filter(child -> child.getTagName().equals(name)).findFirst()
        .map(child -> child.getTextContent().trim()).orElse("");
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        children.add((Element) nodes.item(i));
      }
    }
    return children;
  }

  private static Element parse(CodeBlock block) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder()
          .parse(new InputSource(new StringReader("<block>" + block.text() + "</block>"))).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError(block.where() + " is not well-formed XML: " + e.getMessage(), e);
    }
  }
}
