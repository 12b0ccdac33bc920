/** The issuer's side of the impact tracker's ports: counts of credentials issued. */
package org.saypro.dcop.issuer.impact;
