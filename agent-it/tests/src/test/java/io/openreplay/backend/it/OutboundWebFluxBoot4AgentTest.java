package io.openreplay.backend.it;

/**
 * {@link OutboundWebFluxAgentTest} on Spring Boot 4.0.7 (Spring Framework 7.0.8, Reactor Netty 1.3.5): the same app
 * sources built as apps/outbound-webflux-boot4.
 */
class OutboundWebFluxBoot4AgentTest extends OutboundWebFluxAgentTest {

  @Override
  String app() {
    return "outbound-webflux-boot4";
  }

  @Override
  String springWebFlux() {
    return "spring-webflux-7.0.";
  }
}
