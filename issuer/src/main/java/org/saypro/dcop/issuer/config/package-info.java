/** Settings of the issuing side, read from configuration (environment variables in production). */
package org.saypro.dcop.issuer.config;
