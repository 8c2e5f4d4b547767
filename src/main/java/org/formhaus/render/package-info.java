/** HTML and email rendering with FreeMarker: every page and message template, auto-escaped. */
package org.formhaus.render;
