/**
 * The sample application's endpoints: one succeeds, the others fail in the ways a backend fails (an error logged by
 * the code, an exception thrown to the container, a failing task on a worker pool).
 */
package io.openreplay.backend.sample.web;
