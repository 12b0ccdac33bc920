/**
 * The credential domain in plain Java: model, validation, proof suites, keys, DIDs and verification checks.
 * Nothing here knows about HTTP, databases or Micronaut; adapters live in the other modules.
 */
package org.saypro.dcop.core;
