/**
 * Verifiable Credentials 2.0 and Open Badges 3.0 values. Each record rejects invalid state; building one from
 * untrusted JSON is the validator's job, which reports every problem instead of throwing at the first.
 */
package org.saypro.dcop.core.model;
