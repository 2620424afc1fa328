package io.openreplay.backend.readme.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The versions this project's parent pom manages, so that the README names the versions the build tests. */
public final class BuildVersions {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private final Map<String, String> managed;

  private BuildVersions(Map<String, String> managed) {
    this.managed = Map.copyOf(managed);
  }

  /**
   * @param parentPom the project's parent pom.xml
   * @return the versions of its {@code <dependencyManagement>}, properties resolved
   */
  public static BuildVersions of(Path parentPom) {
    Document pom = parse(parentPom);
    Map<String, String> properties = new HashMap<>();
    Element propertiesElement = first(pom.getDocumentElement(), "properties");
    if (propertiesElement != null) {
      NodeList nodes = propertiesElement.getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
          properties.put(((Element) nodes.item(i)).getTagName(), nodes.item(i).getTextContent().trim());
        }
      }
    }
    properties.put("project.version", first(pom.getDocumentElement(), "version").getTextContent().trim());
    Map<String, String> managed = new HashMap<>();
    Element management = first(pom.getDocumentElement(), "dependencyManagement");
    NodeList dependencies = management.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String key = first(dependency, "groupId").getTextContent().trim() + ":"
          + first(dependency, "artifactId").getTextContent().trim();
      managed.putIfAbsent(key, resolve(first(dependency, "version").getTextContent().trim(), properties));
    }
    return new BuildVersions(managed);
  }

  /**
   * @param key {@code groupId:artifactId}
   * @return the version the build uses for it, when it manages one
   */
  public Optional<String> version(String key) {
    return Optional.ofNullable(managed.get(key));
  }

  private static String resolve(String value, Map<String, String> properties) {
    Matcher matcher = PROPERTY.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(resolved,
          Matcher.quoteReplacement(properties.getOrDefault(matcher.group(1), matcher.group())));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private static Element first(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && ((Element) nodes.item(i)).getTagName().equals(name)) {
        return (Element) nodes.item(i);
      }
    }
    return null;
  }

  private static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
