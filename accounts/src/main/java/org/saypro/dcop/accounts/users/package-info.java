/**
 * Users, their memberships (roles per organisation), Argon2id password hashes and the first platform admin.
 * Password hashes stay in {@link org.saypro.dcop.accounts.users.UserStore}; nothing here logs a secret.
 */
package org.saypro.dcop.accounts.users;
