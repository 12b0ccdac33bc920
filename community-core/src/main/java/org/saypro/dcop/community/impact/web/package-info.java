/** The impact tracker's API under /community/impact and its pages under /impact. */
package org.saypro.dcop.community.impact.web;
