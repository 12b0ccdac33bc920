/** Organisations: profiles, kinds, and the DID an issuing organisation signs with. */
package org.saypro.dcop.accounts.organisations;
