/**
 * Spring WebFlux on Reactor Netty: the request's token goes into its Reactor context and is current on the event loop
 * while Reactor Netty calls the application's handler and subscribes to it, while later parts of the request reach
 * it, and while the answers of its outbound calls reach it; each subscriber of a value shared between requests gets
 * its own request's token; scheduler hops keep it through the executors instrumentation.
 */
package io.openreplay.backend.agent.instrumentation.webflux;
