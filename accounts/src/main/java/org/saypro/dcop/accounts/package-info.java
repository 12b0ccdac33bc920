/**
 * Who may act for whom: organisations (the tenants that issue), users and their roles, sign-in, and the append-only
 * audit log. The issuer and the community modules depend on this module, never the other way round.
 */
package org.saypro.dcop.accounts;
