/**
 * A provider that is down, slow or erroring, on 127.0.0.1: {@link io.openreplay.backend.testkit.fault.FaultyEndpoint}
 * refuses connections, accepts them and never answers, answers late or answers a fixed status such as 503 or 429, as
 * {@link io.openreplay.backend.testkit.fault.Fault} says. Point an appender at {@code endpoint.baseUrl()} (or its
 * port) instead of its receiver to see what the application pays when its provider fails.
 */
package io.openreplay.backend.testkit.fault;
