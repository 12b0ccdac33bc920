/**
 * Organisations as issuers: the SayPro organisation created at first start, enabling an organisation to issue under
 * its own DID, rotating and revoking its keys, and its public profile page. Authentication is not decided here.
 */
package org.saypro.dcop.issuer.organisations;
