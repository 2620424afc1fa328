/**
 * Test-app classes that the agent instruments as it would any application's own: the agent leaves the packages
 * under {@code io.openreplay.backend.agent} alone, which the other test-app classes live in.
 */
package io.openreplay.backend.instrumentedapp;
