/**
 * A loopback Rollbar: {@link io.openreplay.backend.testkit.rollbar.RollbarReceiver} takes items on 127.0.0.1 the way
 * {@code api.rollbar.com} does, and {@link io.openreplay.backend.testkit.rollbar.RollbarG1Lookup} evaluates the RQL
 * job OpenReplay G1 runs on them.
 */
package io.openreplay.backend.testkit.rollbar;
