/** The clinic's pages and forms. */
package io.openreplay.backend.bench.clinic.web;
