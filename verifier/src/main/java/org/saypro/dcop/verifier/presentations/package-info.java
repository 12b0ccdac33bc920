/** Presentations: single-use challenges and the VC API presentation verify endpoint. */
package org.saypro.dcop.verifier.presentations;
