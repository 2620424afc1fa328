/**
 * The clinic's data: owners and their pets, the pets' visits, the vets and their specialties, and the pharmacy orders
 * an owner pays for.
 */
package io.openreplay.backend.bench.clinic.model;
