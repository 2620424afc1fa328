package io.openreplay.backend.it;

/**
 * {@link SpringBootAgentTest}'s app and checks on Spring Boot 4.0 (Spring Framework 7, embedded Tomcat 11): the
 * application's error log and Tomcat's own ERROR line of a request with a token carry it with only
 * {@code -javaagent} added, Spring's error page is the same as without the agent, and a request without a token
 * carries none.
 */
class SpringBoot4AgentTest extends SpringBootAgentTest {

  @Override
  String app() {
    return "spring-boot4";
  }

  @Override
  String springBootJar() {
    return "spring-boot-4.0.";
  }

  @Override
  String tomcat() {
    return "Apache Tomcat/11.0.";
  }
}
