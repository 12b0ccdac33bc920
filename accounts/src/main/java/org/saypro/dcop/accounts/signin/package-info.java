/**
 * Sign-in: the login endpoint (rate limited), access-token signing, personal API tokens and {@code /me}. No secret
 * (password, token, JWT secret) is ever logged or returned twice.
 */
package org.saypro.dcop.accounts.signin;
