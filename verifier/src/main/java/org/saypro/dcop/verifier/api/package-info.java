/** The VC API verify endpoint: JSON in, a report of named checks out. */
package org.saypro.dcop.verifier.api;
