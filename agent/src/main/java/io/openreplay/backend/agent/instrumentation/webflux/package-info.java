/**
 * Spring WebFlux on Reactor Netty: the request's token is current on the event loop while Reactor Netty calls the
 * application's handler and subscribes to it, and while later parts of the request reach it; scheduler hops keep it
 * through the executors instrumentation.
 */
package io.openreplay.backend.agent.instrumentation.webflux;
