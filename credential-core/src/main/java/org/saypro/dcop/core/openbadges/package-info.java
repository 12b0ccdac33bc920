/** Open Badges 3.0 specifics: the achievement credential schema reference and hashed recipient identities. */
package org.saypro.dcop.core.openbadges;
