/**
 * Telling learners about their credentials: an email outbox written with the credential, a worker that delivers it
 * over SMTP at least once, and claim links that open the credential.
 */
package org.saypro.dcop.issuer.delivery;
