/**
 * Open Badges 3.0 baked images: a credential put into and read out of a PNG ({@code iTXt} chunk) or an SVG
 * ({@code openbadges:credential} element), with every length and the XML parser guarded. The images themselves are
 * not decoded or drawn here.
 */
package org.saypro.dcop.sharing.baking;
