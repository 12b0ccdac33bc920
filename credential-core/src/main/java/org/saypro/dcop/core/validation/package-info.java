/**
 * Turns untrusted JSON into a {@link org.saypro.dcop.core.model.Credential} or a list of every offending field.
 * Validation never throws for bad input and never goes to the network.
 */
package org.saypro.dcop.core.validation;
