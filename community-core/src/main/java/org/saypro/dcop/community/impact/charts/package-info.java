/** Server-rendered SVG charts built as escaped strings: no chart library, no script. */
package org.saypro.dcop.community.impact.charts;
