/** Fetching status lists for the {@code status} check: this deployment's own from its store, others over https. */
package org.saypro.dcop.verifier.status;
