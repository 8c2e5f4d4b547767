/**
 * The public HTTP surface (forms, health, embed script) and the one place where failures become HTTP replies:
 * JSON errors with a status and a message naming the field, never a stack trace.
 */
package org.formhaus.web;
